use std::fmt;

use serde::{Deserialize, Serialize};

use super::{has_control_chars, has_invisible_format_chars};
use crate::DomainError;

/// Parses trimmed single-line text of `1..=max` characters.
fn parse_line(raw: &str, field: &'static str, max: usize) -> Result<String, DomainError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(DomainError::field(field, "required"));
    }
    if s.chars().count() > max {
        return Err(DomainError::field(field, "too_long"));
    }
    if has_control_chars(s, false) {
        return Err(DomainError::field(field, "control_characters"));
    }
    if has_invisible_format_chars(s) {
        return Err(DomainError::field(field, "invisible_characters"));
    }
    Ok(s.to_owned())
}

macro_rules! line_type {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Longest accepted value, in characters.
            pub const MAX_CHARS: usize = $max;

            pub fn parse(raw: &str) -> Result<Self, DomainError> {
                parse_line(raw, $field, $max).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

line_type!(
    /// How a person is shown to others.
    DisplayName, "name", 100
);
line_type!(
    /// A region's name, unique among regions.
    RegionName, "name", 80
);
line_type!(
    /// Why a change was made; kept in the audit log (PL-7).
    Reason, "reason", 500
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pl1_names_refuse_bidi_overrides_and_zero_width_characters() {
        for bad in ["Ana\u{202E}gnp.exe", "Ana\u{2066}x\u{2069}", "Ad\u{200B}min", "\u{FEFF}Marta", "Ma\u{00AD}rta"] {
            assert_eq!(DisplayName::parse(bad), Err(DomainError::field("name", "invisible_characters")), "{bad:?}");
        }
        assert_eq!(DisplayName::parse("Ana\u{0007}"), Err(DomainError::field("name", "control_characters")));
        // Scripts that need the joiners keep them.
        assert!(DisplayName::parse("\u{0645}\u{06CC}\u{200C}\u{0631}\u{0648}\u{062F}").is_ok());
        assert!(DisplayName::parse("Zoë Ō'Brien-Núñez").is_ok());
    }

    #[test]
    fn trims_and_keeps_unicode() {
        assert_eq!(DisplayName::parse("  Zoë Ødegård ").map(|n| n.to_string()), Ok("Zoë Ødegård".into()));
    }

    #[test]
    fn empty_long_and_control_text_is_refused() {
        assert_eq!(DisplayName::parse("   "), Err(DomainError::field("name", "required")));
        assert_eq!(DisplayName::parse(&"x".repeat(101)), Err(DomainError::field("name", "too_long")));
        assert!(DisplayName::parse(&"é".repeat(100)).is_ok());
        assert_eq!(DisplayName::parse("a\u{7}b"), Err(DomainError::field("name", "control_characters")));
        assert!(RegionName::parse("line\nbreak").is_err());
    }
}
line_type!(
    /// A user group's name (UG-1).
    GroupName, "name", 100
);
line_type!(
    /// A city, as people write it.
    City, "city", 80
);
line_type!(
    /// An event's or a talk's title (UG-14).
    Title, "title", 150
);
line_type!(
    /// A venue's name or street address (UG-7).
    VenueLine, "venue", 200
);
