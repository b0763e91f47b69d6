use std::fmt;

use crate::DomainError;

/// A password as typed: 10 to 200 characters (ASVS 2.1.1 and 2.1.2). Its
/// `Debug` never prints it.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 200;

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let n = raw.chars().count();
        if n == 0 {
            return Err(DomainError::field("password", "required"));
        }
        if n < Self::MIN_CHARS {
            return Err(DomainError::field("password", "password_too_short"));
        }
        if n > Self::MAX_CHARS {
            return Err(DomainError::field("password", "too_long"));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_bounds() {
        assert!(Password::parse("short").is_err());
        assert!(Password::parse("correct horse").is_ok());
        assert!(Password::parse(&"p".repeat(201)).is_err());
    }

    #[test]
    fn debug_is_redacted() {
        let p = Password::parse("correct horse battery").ok();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
