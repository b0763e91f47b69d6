//! Validated values. Each has a private field and a `parse` constructor, so
//! holding one proves it is valid.

mod currency;
mod email;
mod locale;
mod name;
mod password;
mod slug;
mod time_zone;

pub use currency::Currency;
pub use email::EmailAddress;
pub use locale::Locale;
pub use name::{DisplayName, Reason, RegionName};
pub use password::Password;
pub use slug::Slug;
pub use time_zone::TimeZone;

/// True when the text holds a control character other than the usual
/// line breaks and tab, which no human-facing field should contain.
pub(crate) fn has_control_chars(s: &str, allow_newlines: bool) -> bool {
    s.chars().any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
}
