//! Validated values. Each has a private field and a `parse` constructor, so
//! holding one proves it is valid.

mod country;
mod currency;
mod email;
mod locale;
mod name;
mod password;
mod search;
mod slug;
mod text;
mod time_zone;
mod time_zone_choices;
mod web_link;

pub use country::Country;
pub use currency::Currency;
pub use email::EmailAddress;
pub use locale::Locale;
pub use name::{City, DisplayName, GroupName, Reason, RegionName, Title, VenueLine};
pub use password::Password;
pub use search::{fold, SearchQuery};
pub use slug::Slug;
pub use text::LongText;
pub use time_zone::TimeZone;
pub use web_link::WebLink;

/// True when the text holds a control character other than the usual
/// line breaks and tab, which no human-facing field should contain.
pub(crate) fn has_control_chars(s: &str, allow_newlines: bool) -> bool {
    s.chars().any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
}

/// True when a one-line text holds characters that change how the text
/// around them looks without showing themselves: bidirectional overrides,
/// embeddings and isolates (a name that reads backwards, "gnp.exe"), and
/// zero-width spaces, word joiners and byte-order marks (two names that look
/// the same). The zero-width joiner and non-joiner stay allowed: Persian,
/// the Indic scripts and emoji sequences need them.
pub(crate) fn has_invisible_format_chars(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
            || matches!(c, '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}')
    })
}
