use serde::{Deserialize, Serialize};

use crate::DomainError;

/// An interface language Guildhall ships (PL-9).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Pt,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Pt];

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let primary = raw.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Ok(Self::En),
            "pt" => Ok(Self::Pt),
            _ => Err(DomainError::field("locale", "locale_unsupported")),
        }
    }

    /// Picks the first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut langs: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse().ok()).unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        langs.sort_by(|a, b| b.0.total_cmp(&a.0));
        langs.into_iter().find_map(|(_, tag)| Self::parse(tag).ok())
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Pt => "pt",
        }
    }

    /// The language's own name, for the language picker.
    pub fn native_name(&self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Pt => "Português",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality_supported() {
        assert_eq!(Locale::from_accept_language("de-DE, pt-BR;q=0.8, en;q=0.5"), Some(Locale::Pt));
        assert_eq!(Locale::from_accept_language("fr"), None);
        assert_eq!(Locale::from_accept_language("en-GB,en;q=0.9"), Some(Locale::En));
    }
}
