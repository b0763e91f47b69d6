use std::fmt;

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// An email address, trimmed and lower-cased so one person has one account.
///
/// The check is deliberately practical (one `@`, a dotted domain, sane
/// lengths, no spaces or control characters): the verification link sent
/// to it is the real proof that it works.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Longest address SMTP can carry (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let invalid = || DomainError::field("email", "email_invalid");
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(DomainError::field("email", "required"));
        }
        if s.len() > Self::MAX_LEN {
            return Err(DomainError::field("email", "too_long"));
        }
        let (local, domain) = s.split_once('@').ok_or_else(invalid)?;
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@".contains(c);
        if local.is_empty()
            || local.len() > 64
            || local.chars().any(bad_char)
            || local.starts_with('.')
            || local.ends_with('.')
            || local.contains("..")
        {
            return Err(invalid());
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2
            || labels.iter().any(|l| {
                l.is_empty()
                    || l.len() > 63
                    || l.starts_with('-')
                    || l.ends_with('-')
                    || !l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
        {
            return Err(invalid());
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EmailAddress({})", self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_space() {
        let e = EmailAddress::parse("  Ana.Silva@Example.ORG ").ok();
        assert_eq!(e.map(|e| e.to_string()), Some("ana.silva@example.org".into()));
    }

    #[test]
    fn accepts_plus_and_subdomains() {
        assert!(EmailAddress::parse("dev+groups@mail.example.co.uk").is_ok());
        assert!(EmailAddress::parse("josé@exemplo.pt").is_ok());
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in [
            "",
            "plain",
            "@example.org",
            "a@",
            "a@b",
            "a b@example.org",
            "a@exa mple.org",
            "a@@example.org",
            "a@-example.org",
            ".a@example.org",
            "a..b@example.org",
            "a@example..org",
            "a\u{0}@example.org",
            "<a>@example.org",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn rejects_over_long_addresses() {
        let long = format!("{}@example.org", "a".repeat(64)) + &".x".repeat(100);
        assert_eq!(EmailAddress::parse(&long), Err(DomainError::field("email", "too_long")));
        let local = format!("{}@example.org", "a".repeat(65));
        assert!(EmailAddress::parse(&local).is_err());
    }
}
