use std::fmt;

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// An ISO 3166-1 alpha-2 country code such as `PT` (UG-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 2]);

impl Country {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let code = raw.trim().to_ascii_uppercase();
        match celes::Country::from_alpha2(&code) {
            Ok(c) => {
                let b = c.alpha2.as_bytes();
                Ok(Self([b[0], b[1]]))
            }
            Err(_) => Err(DomainError::field("country", "country_invalid")),
        }
    }

    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Every country, by code: the choices of a country field. The names a
    /// person reads are translations (CLDR's, in the server's catalogue),
    /// so the order by name is the reader's language's to give.
    pub fn all() -> Vec<Country> {
        let mut all: Vec<Country> =
            celes::Country::get_countries().iter().filter_map(|c| Country::parse(c.alpha2).ok()).collect();
        all.sort_by(|a, b| a.code().cmp(b.code()));
        all.dedup();
        all
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Country {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Country> for String {
    fn from(value: Country) -> Self {
        value.code().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_against_iso_3166() {
        assert_eq!(Country::parse(" pt ").map(|c| c.code().to_owned()), Ok("PT".to_owned()));
        assert_eq!(Country::parse("br").map(|c| c.code().to_owned()), Ok("BR".to_owned()));
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("Portugal").is_err());
        assert!(Country::parse("").is_err());
    }
}
