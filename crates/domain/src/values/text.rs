use std::fmt;

use serde::{Deserialize, Serialize};

use super::has_control_chars;
use crate::DomainError;

/// Free text of several lines (descriptions, abstracts), trimmed, possibly
/// empty, at most [`LongText::MAX_CHARS`] characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LongText(String);

impl LongText {
    pub const MAX_CHARS: usize = 10_000;

    /// Parses text for `field`; `required` refuses empty text.
    pub fn parse(raw: &str, field: &'static str, required: bool) -> Result<Self, DomainError> {
        let s = raw.trim().replace("\r\n", "\n");
        if required && s.is_empty() {
            return Err(DomainError::field(field, "required"));
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(DomainError::field(field, "too_long"));
        }
        if has_control_chars(&s, true) {
            return Err(DomainError::field(field, "control_characters"));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The paragraphs, split on blank lines, for display.
    pub fn paragraphs(&self) -> Vec<&str> {
        self.0.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
    }
}

impl fmt::Display for LongText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_keeps_lines_and_refuses_junk() {
        let t = LongText::parse("  First.\r\n\r\nSecond.  ", "description", true).ok();
        assert_eq!(t.as_ref().map(|t| t.paragraphs()), Some(vec!["First.", "Second."]));
        assert!(LongText::parse("  ", "description", true).is_err());
        assert!(LongText::parse("", "description", false).is_ok());
        assert!(LongText::parse("bell\u{7}", "description", false).is_err());
        assert!(LongText::parse(&"x".repeat(10_001), "description", false).is_err());
    }
}
