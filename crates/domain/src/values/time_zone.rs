use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::DomainError;

/// An IANA time zone such as `Europe/Lisbon` (PL-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZone(chrono_tz::Tz);

impl TimeZone {
    pub const UTC: TimeZone = TimeZone(chrono_tz::UTC);

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        raw.trim().parse::<chrono_tz::Tz>().map(Self).map_err(|_| DomainError::field("time_zone", "time_zone_invalid"))
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.0
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The zones a person chooses from, one per place ("Europe/Oslo", not
    /// "Asia/Calcutta" or "US/Eastern", which still parse), by name.
    pub fn choices() -> &'static [&'static str] {
        super::time_zone_choices::CHOICES
    }

    /// Formats a UTC instant as local date and time with the zone's
    /// abbreviation, e.g. `2026-03-29 10:30 WEST`.
    pub fn format(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.0).format("%Y-%m-%d %H:%M %Z").to_string()
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl TryFrom<String> for TimeZone {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TimeZone> for String {
    fn from(value: TimeZone) -> Self {
        value.name().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn parses_iana_names() {
        assert!(TimeZone::parse("Europe/Lisbon").is_ok());
        assert!(TimeZone::parse("America/Sao_Paulo").is_ok());
        assert!(TimeZone::parse("Mars/Olympus").is_err());
    }

    #[test]
    fn pl9_formats_in_local_time_across_daylight_saving() {
        let tz = TimeZone::parse("Europe/Lisbon").unwrap_or(TimeZone::UTC);
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 18, 0, 0).single();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 18, 0, 0).single();
        assert_eq!(winter.map(|t| tz.format(t)), Some("2026-01-15 18:00 WET".into()));
        assert_eq!(summer.map(|t| tz.format(t)), Some("2026-07-15 19:00 WEST".into()));
    }

    #[test]
    fn pl9_every_offered_zone_is_a_place_that_parses() {
        let offered = TimeZone::choices();
        assert!(offered.len() > 300, "one zone per place: {}", offered.len());
        assert!(offered.iter().all(|z| TimeZone::parse(z).is_ok()), "each offered name parses");
        for place in ["Europe/Lisbon", "Europe/Oslo", "America/Sao_Paulo", "Asia/Kolkata", "Atlantic/Madeira"] {
            assert!(offered.contains(&place), "{place} is offered");
        }
        for old in ["Asia/Calcutta", "US/Eastern", "UTC", "Etc/GMT+1"] {
            assert!(!offered.contains(&old), "{old} is not offered");
            assert!(TimeZone::parse(old).is_ok(), "{old} still parses");
        }
        assert!(offered.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    }
}
