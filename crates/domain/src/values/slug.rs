use std::fmt;

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// A URL-safe name: lower-case ASCII letters, digits and single hyphens,
/// 2 to 60 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

/// Words the site's own addresses use beside a group's (`/groups/new`), or
/// may: a group named so would hide behind the page.
pub const RESERVED: &[&str] =
    &["new", "edit", "search", "map", "feed", "calendar", "events", "api", "admin", "manage", "report", "directory"];

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let s = raw.trim();
        if RESERVED.contains(&s) {
            return Err(DomainError::field("slug", "slug_reserved"));
        }
        let ok = (2..=60).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(DomainError::field("slug", "slug_invalid"))
        }
    }

    /// Builds a slug from free text ("São Paulo .NET" → "sao-paulo-net").
    pub fn from_text(text: &str) -> Result<Self, DomainError> {
        let mut out = String::new();
        for c in text.chars().flat_map(fold_accent) {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let trimmed: String = out.trim_end_matches('-').chars().take(60).collect();
        Self::parse(trimmed.trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Maps the common Latin accented letters to their base letter.
fn fold_accent(c: char) -> Option<char> {
    const FROM: &str = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ";
    const TO: &str = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i),
        None => Some(c),
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Slug {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(value: Slug) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_slugs_only() {
        assert!(Slug::parse("lisbon-dev").is_ok());
        for bad in ["", "a", "Lisbon", "-a", "a-", "a--b", "a_b", "a/b", &"a".repeat(61)] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn builds_from_text() {
        assert_eq!(Slug::from_text("São Paulo .NET").map(|s| s.to_string()), Ok("sao-paulo-net".into()));
        assert!(Slug::from_text("!!!").is_err());
    }

    #[test]
    fn ug1_slugs_the_site_uses_are_reserved() {
        assert_eq!(Slug::parse("new"), Err(DomainError::field("slug", "slug_reserved")));
        assert_eq!(Slug::from_text("New"), Err(DomainError::field("slug", "slug_reserved")));
        assert!(Slug::parse("new-york-net").is_ok());
    }
}
