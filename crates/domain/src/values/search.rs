//! What a person types to find someone or something by name: matched
//! without regard to case or accents, so "joao" finds "João" and "MUÑOZ"
//! finds "Muñoz" (the door desk, UG-14; pickers, PL-13).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, compatibility-decomposed, with combining marks dropped and
/// runs of white space made one space.
pub fn fold(text: &str) -> String {
    let plain: String = text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A folded query. An empty one matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery(String);

impl SearchQuery {
    pub fn parse(raw: &str) -> Self {
        // A query is a few words; a pasted page is cut, not refused.
        Self(fold(&raw.chars().take(100).collect::<String>()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether every word of the query starts a word of `name`, or the
    /// whole query appears in it.
    pub fn matches(&self, name: &str) -> bool {
        if self.0.is_empty() {
            return true;
        }
        let name = fold(name);
        name.contains(&self.0) || self.0.split(' ').all(|q| name.split(' ').any(|w| w.starts_with(q)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_spaces() {
        assert_eq!(fold("  João   CONCEIÇÃO "), "joao conceicao");
        assert_eq!(fold("Muñoz Øster"), "munoz øster", "ø is a letter, not a mark");
        assert_eq!(fold("ﬁne"), "fine", "compatibility forms");
    }

    #[test]
    fn finds_by_any_part_of_the_name_in_any_order() {
        let q = |s: &str| SearchQuery::parse(s);
        assert!(q("joao").matches("João Conceição"));
        assert!(q("conc jo").matches("João Conceição"), "word starts, any order");
        assert!(q("ceição").matches("João Conceição"), "inside a word");
        assert!(!q("maria").matches("João Conceição"));
        assert!(q("").matches("anyone") && q("   ").is_empty());
        assert_eq!(q(&"a".repeat(500)).as_str().len(), 100);
    }
}
