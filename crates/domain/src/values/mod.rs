//! Validated values. Each has a private field and a `parse` constructor, so
//! holding one proves it is valid.

mod country;
mod currency;
mod email;
mod locale;
mod name;
mod password;
mod slug;
mod text;
mod time_zone;
mod web_link;

pub use country::Country;
pub use currency::Currency;
pub use email::EmailAddress;
pub use locale::Locale;
pub use name::{City, DisplayName, GroupName, Reason, RegionName, Title, VenueLine};
pub use password::Password;
pub use slug::Slug;
pub use text::LongText;
pub use time_zone::TimeZone;
pub use web_link::WebLink;

/// True when the text holds a control character other than the usual
/// line breaks and tab, which no human-facing field should contain.
pub(crate) fn has_control_chars(s: &str, allow_newlines: bool) -> bool {
    s.chars().any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
}
