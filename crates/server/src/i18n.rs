//! Translations (PL-9) with Fluent. Every user-facing string is a key in
//! `locales/<lang>/*.ftl`; English is the fallback.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{langid, LanguageIdentifier, Loader};
use guildhall_domain::values::{fold, Country, Locale};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A count goes to Fluent as a number, so that `[one]` and `[0]` variants
/// are chosen by it (as text it always fell to `*[other]`: "1 followers").
/// Only a plain integer is one: a code with a leading zero stays text.
fn value(v: &str) -> FluentValue<'static> {
    let plain =
        !v.is_empty() && v.len() < 16 && v.bytes().all(|b| b.is_ascii_digit()) && (v == "0" || !v.starts_with('0'));
    match v.parse::<i64>() {
        Ok(n) if plain => FluentValue::from(n),
        _ => FluentValue::from(v.to_owned()),
    }
}

static EN: LanguageIdentifier = langid!("en");
static PT: LanguageIdentifier = langid!("pt-PT");

/// A translator for one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tr(pub Locale);

impl Tr {
    fn lang(&self) -> &'static LanguageIdentifier {
        match self.0 {
            Locale::En => &EN,
            Locale::Pt => &PT,
        }
    }

    /// The text for `key`.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(self.lang(), key)
    }

    /// The text for `key` with named arguments.
    pub fn with(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Borrowed(*k), value(v))).collect();
        LOCALES.lookup_with_args(self.lang(), key, &map)
    }

    /// The text for `key`, or `None` when no language has it.
    pub fn try_t(&self, key: &str) -> Option<String> {
        LOCALES.try_lookup(self.lang(), key)
    }

    /// The message for an error code (`error-<code>`).
    pub fn error(&self, code: &str) -> String {
        self.try_t(&format!("error-{code}")).unwrap_or_else(|| self.t("error-internal"))
    }

    /// The message for a domain error, with its named values.
    pub fn domain_error(&self, e: &guildhall_domain::DomainError) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            e.args().into_iter().map(|(k, v)| (Cow::Borrowed(k), FluentValue::from(v))).collect();
        LOCALES
            .try_lookup_with_args(self.lang(), &format!("error-{}", e.code()), &map)
            .unwrap_or_else(|| self.t("error-internal"))
    }

    /// The message for a field problem (`field-<code>`).
    pub fn field(&self, code: &str) -> String {
        self.try_t(&format!("field-{code}")).unwrap_or_else(|| self.t("field-invalid"))
    }

    pub fn locale(&self) -> Locale {
        self.0
    }

    /// A country as a person reads it in this language: CLDR's name
    /// (`locales/*/countries.ftl`), "Portugal", "Alemanha".
    pub fn country(&self, country: &Country) -> String {
        self.try_t(&format!("country-{}", country.code())).unwrap_or_else(|| country.code().to_owned())
    }

    /// Countries as the choices of a list, in this language's order by
    /// name, accents aside ("Áustria" among the A's).
    pub fn country_choices(&self, countries: impl IntoIterator<Item = Country>) -> Vec<CountryChoice> {
        let mut choices: Vec<CountryChoice> = countries
            .into_iter()
            .map(|c| CountryChoice { code: c.code().to_owned(), name: self.country(&c) })
            .collect();
        choices.sort_by_cached_key(|c| fold(&c.name));
        choices
    }
}

/// One country in a list of choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryChoice {
    pub code: String,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(lang: &str) -> std::collections::BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
        let mut out = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for line in text.lines() {
                if let Some((k, _)) = line.split_once(" =") {
                    if !k.starts_with([' ', '#', '.']) && !k.is_empty() {
                        out.insert(k.trim().to_owned());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn pl9_a_count_chooses_its_plural_and_a_code_stays_as_written() {
        let en = Tr(Locale::En);
        assert_eq!(en.with("groups-count", &[("count", "1")]), "One group");
        assert_eq!(en.with("groups-count", &[("count", "3")]), "3 groups");
        assert_eq!(en.with("follow-count", &[("count", "0")]), "No followers yet");
        let pt = Tr(Locale::Pt);
        assert_eq!(pt.with("follow-count", &[("count", "1")]), "Um seguidor");
        // European Portuguese: zero is plural ("0 confirmados"), as in
        // English, unlike Brazilian Portuguese's rule.
        let tally = pt.with("event-tally", &[("confirmed", "0"), ("waiting", "0"), ("checked", "0")]);
        assert!(tally.starts_with("0 confirmados"), "{tally}");
        // Digits with a leading zero are a code, not a number.
        assert_eq!(en.with("mail-link-removed", &[]), en.t("mail-link-removed"));
        assert!(matches!(value("0042"), FluentValue::String(_)));
        assert!(matches!(value("42"), FluentValue::Number(_)));
    }

    #[test]
    fn pl9_every_country_has_its_name_in_every_language() {
        for tr in [Tr(Locale::En), Tr(Locale::Pt)] {
            let nameless: Vec<String> = Country::all()
                .into_iter()
                .filter(|c| tr.try_t(&format!("country-{}", c.code())).is_none())
                .map(|c| c.code().to_owned())
                .collect();
            assert!(nameless.is_empty(), "{:?} has no name for {nameless:?}", tr.0);
        }
        let pt = Tr(Locale::Pt);
        let de = Country::parse("DE").unwrap_or_else(|_| unreachable!());
        assert_eq!(pt.country(&de), "Alemanha");
        let order: Vec<String> = pt
            .country_choices(["PT", "AT", "DE", "AE"].map(|c| Country::parse(c).unwrap_or_else(|_| unreachable!())))
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(order, ["Alemanha", "Áustria", "Emirados Árabes Unidos", "Portugal"]);
    }

    #[test]
    fn pl9_no_key_is_defined_twice() {
        // Fluent refuses a second definition when the catalogue loads, so a
        // duplicate would stop the server at its first translated page.
        for lang in ["en", "pt-PT"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
            let mut seen = std::collections::BTreeSet::new();
            let mut twice = Vec::new();
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for line in text.lines() {
                    if let Some((k, _)) = line.split_once(" =") {
                        if !k.starts_with([' ', '#', '.']) && !k.is_empty() && !seen.insert(k.trim().to_owned()) {
                            twice.push(format!("{lang}: {k}"));
                        }
                    }
                }
            }
            assert!(twice.is_empty(), "defined twice: {twice:?}");
        }
    }

    #[test]
    fn pl9_every_english_string_is_translated_to_portuguese() {
        let (en, pt) = (keys("en"), keys("pt-PT"));
        assert!(en.len() > 50, "expected the English catalogue, found {} keys", en.len());
        let missing: Vec<_> = en.difference(&pt).collect();
        let extra: Vec<_> = pt.difference(&en).collect();
        assert!(missing.is_empty(), "missing in pt: {missing:?}");
        assert!(extra.is_empty(), "only in pt: {extra:?}");
    }

    #[test]
    fn pl9_every_key_a_template_uses_exists() {
        let en = keys("en");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for part in text.split("ctx.t(\"").skip(1) {
                let key = part.split('"').next().unwrap_or_default();
                if !en.contains(key) {
                    missing.push(format!("{}: {key}", entry.file_name().to_string_lossy()));
                }
            }
        }
        assert!(missing.is_empty(), "keys used by templates but not translated: {missing:?}");
    }

    #[test]
    fn ch5_every_rubric_item_and_import_status_reads_in_words() {
        let en = keys("en");
        let mut wanted: Vec<String> = guildhall_domain::program::FocusArea::ALL
            .iter()
            .flat_map(|a| guildhall_domain::eligibility::rubric(*a).iter().map(|r| format!("rubric-{r}")))
            .collect();
        wanted.extend(["running", "done", "failed"].map(|s| format!("import-status-{s}")));
        wanted.extend(["renewed", "to_evaluate", "kept", "ended"].map(|s| format!("renewal-outcome-{s}")));
        let missing: Vec<_> = wanted.iter().filter(|k| !en.contains(*k)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn pl9_lookups_follow_the_language() {
        assert_eq!(Tr(Locale::En).t("nav-sign-in"), "Sign in");
        assert_eq!(Tr(Locale::Pt).t("nav-sign-in"), "Entrar");
        assert!(Tr(Locale::Pt).with("mail-verify-body", &[("name", "Ana"), ("link", "http://x")]).contains("Ana"));
    }

    #[test]
    fn every_domain_error_code_has_a_message() {
        for e in guildhall_domain::DomainError::every_example() {
            for l in Locale::ALL {
                let text = Tr(l).domain_error(&e);
                assert_ne!(text, Tr(l).t("error-internal"), "{} {:?}", e.code(), l);
                assert!(!text.contains("{ $"), "unfilled argument in {text}");
            }
        }
    }
}
