//! Settings data: the numbers and lists of SPEC rules, changeable by an
//! admin. Their default values are seeded by a migration, never written in
//! code; this module knows each key's meaning, type and bounds.

use std::collections::BTreeMap;

use crate::rate_limit::RateLimit;
use crate::DomainError;

/// The type and bounds of a setting's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingKind {
    /// A whole number between `min` and `max`.
    Int { min: i64, max: i64 },
    /// A list of host names, one per line (e.g. ticketing sites, UG-5).
    HostList,
    /// A list of short words, one per line or comma (e.g. platform versions).
    WordList,
    /// A list of programs by name (CH-2: which programs exclude this one).
    ProgramList,
    /// An http(s) address, or empty for "not set" (e.g. the forum, PL-3).
    WebAddress,
    /// Up to `most` whole numbers of hours between 1 and `max`, one per
    /// line or comma, kept furthest first (UG-14's reminder offsets).
    HoursList { max: i64, most: usize },
}

impl SettingKind {
    /// Lists are edited one item per line.
    pub fn is_list(&self) -> bool {
        matches!(self, Self::HostList | Self::WordList | Self::ProgramList | Self::HoursList { .. })
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Self::Int { .. })
    }
}

/// One known setting.
#[derive(Clone, Copy, Debug)]
pub struct SettingDef {
    pub key: &'static str,
    pub kind: SettingKind,
    /// The SPEC rule it parameterises.
    pub rule: &'static str,
}

/// What a number setting counts, shown beside its field (PL-13: the page
/// says "minutes", never leaves the admin to guess from a key name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingUnit {
    Minutes,
    Hours,
    Days,
    Months,
    Seconds,
    Kib,
    PerMinute,
    PerHour,
    PerYear,
    Tenths,
    Times,
    DayOfMonth,
    MonthOfYear,
}

impl SettingUnit {
    /// The translation key of the unit's word.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Minutes => "setting-unit-minutes",
            Self::Hours => "setting-unit-hours",
            Self::Days => "setting-unit-days",
            Self::Months => "setting-unit-months",
            Self::Seconds => "setting-unit-seconds",
            Self::Kib => "setting-unit-kib",
            Self::PerMinute => "setting-unit-per-minute",
            Self::PerHour => "setting-unit-per-hour",
            Self::PerYear => "setting-unit-per-year",
            Self::Tenths => "setting-unit-tenths",
            Self::Times => "setting-unit-times",
            Self::DayOfMonth => "setting-unit-day-of-month",
            Self::MonthOfYear => "setting-unit-month-of-year",
        }
    }
}

impl SettingDef {
    /// The area a setting belongs to, the part of its key before the dot
    /// ("auth", "events", "champions"…): the page groups by it.
    pub fn area(&self) -> &'static str {
        self.key.split_once('.').map_or(self.key, |(area, _)| area)
    }

    /// The key as a translation and anchor stem: dots and underscores as
    /// dashes ("auth.session_days" is "auth-session-days").
    pub fn stem(&self) -> String {
        self.key.replace(['.', '_'], "-")
    }

    /// A 0-or-1 number is a yes/no switch (CH-1's traits).
    pub fn is_switch(&self) -> bool {
        matches!(self.kind, SettingKind::Int { min: 0, max: 1 })
    }

    /// The unit of a number setting, read from how its key is named: keys
    /// end in what they count, and the test below holds every key to it.
    pub fn unit(&self) -> Option<SettingUnit> {
        if !self.kind.is_number() || self.is_switch() {
            return None;
        }
        let name = self.key.split_once('.').map_or(self.key, |(_, name)| name);
        let has = |word: &str| name.split('_').any(|w| w == word);
        Some(if name.ends_with("per_minute") {
            SettingUnit::PerMinute
        } else if name.ends_with("per_hour") {
            SettingUnit::PerHour
        } else if name.ends_with("per_year") {
            SettingUnit::PerYear
        } else if has("minutes") {
            SettingUnit::Minutes
        } else if has("hours") {
            SettingUnit::Hours
        } else if has("days") {
            SettingUnit::Days
        } else if has("months") {
            SettingUnit::Months
        } else if has("seconds") {
            SettingUnit::Seconds
        } else if has("kib") {
            SettingUnit::Kib
        } else if has("tenths") {
            SettingUnit::Tenths
        } else if has("attempts") {
            SettingUnit::Times
        } else if name.ends_with("_day") {
            SettingUnit::DayOfMonth
        } else if name.ends_with("_month") {
            SettingUnit::MonthOfYear
        } else {
            return None;
        })
    }
}

const fn int(key: &'static str, rule: &'static str, min: i64, max: i64) -> SettingDef {
    SettingDef { key, kind: SettingKind::Int { min, max }, rule }
}

/// Every setting Guildhall knows. Descriptions live in the translations
/// under `setting-<key with dots as dashes>`.
pub const DEFINITIONS: &[SettingDef] = &[
    int("auth.signin_attempts_per_email_per_minute", "PL-1", 1, 1000),
    int("auth.signin_attempts_per_ip_per_minute", "PL-1", 1, 10000),
    int("auth.signups_per_ip_per_hour", "PL-1", 1, 10000),
    int("auth.link_requests_per_email_per_hour", "PL-1", 1, 1000),
    int("auth.link_requests_per_ip_per_hour", "PL-1", 1, 10000),
    // Each sign-up emails the address: a stranger's address is not a target.
    int("auth.signups_per_email_per_hour", "PL-1", 1, 1000),
    // Wrong passwords for one address from anywhere; the per-minute limit
    // above counts them per network (PL-1).
    int("auth.signin_failures_per_email_per_hour", "PL-1", 1, 100000),
    int("auth.session_days", "PL-1", 1, 365),
    int("auth.verify_link_hours", "PL-1", 1, 720),
    int("auth.signin_link_minutes", "PL-1", 1, 1440),
    int("auth.reset_link_minutes", "PL-1", 1, 1440),
    int("mail.max_attempts", "PL-4", 1, 100),
    int("mail.retry_base_seconds", "PL-4", 1, 86400),
    // UG-18: how long a seat offered from the waiting list stays open: a
    // quarter of the time left before the start, within these bounds.
    int("events.offer_longest_hours", "UG-18", 1, 168),
    int("events.offer_shortest_minutes", "UG-18", 5, 1440),
    // UG-14: each reminder's moment, in hours before the start.
    SettingDef {
        key: "events.reminder_offsets_hours",
        kind: SettingKind::HoursList { max: 720, most: 5 },
        rule: "UG-14",
    },
    // UG-14: the door window. Check-in and walk-ins open this long before
    // the start and close this long after the end.
    int("events.checkin_opens_minutes_before", "UG-14", 0, 1440),
    int("events.checkin_closes_hours_after", "UG-14", 0, 168),
    // UG-14: published events complete by themselves this long after they end.
    int("events.complete_hours_after_end", "UG-14", 0, 720),
    // UG-14: how far from today, either way, an event may be dated.
    int("events.date_window_days", "UG-14", 1, 3650),
    SettingDef { key: "events.ticketing_hosts", kind: SettingKind::HostList, rule: "UG-5" },
    int("groups.min_events_per_year", "UG-10", 0, 52),
    int("groups.inactive_after_months", "UG-10", 1, 24),
    int("leaders.guidelines_version", "UG-2", 1, 1000),
    int("expenses.receipt_max_kib", "UG-13", 16, 51200),
    int("expenses.receipts_per_claim", "UG-13", 1, 100),
    int("expenses.receipts_total_kib_per_claim", "UG-13", 16, 512000),
    // Counted per group, never per reporter: an address or IP kept next to
    // the time of a report would tell who reported (UG-8).
    int("conduct.reports_per_group_per_hour", "UG-8", 1, 10000),
    // Counted under a keyed hash of the network or address whose key is
    // forgotten within two days, so the count never tells who reported.
    int("conduct.reports_per_network_per_hour", "UG-8", 1, 10000),
    int("conduct.reports_per_address_per_hour", "UG-8", 1, 10000),
    int("champions.forums_min_solutions", "CH-4", 0, 1000),
    int("champions.forge_min_components", "CH-4", 0, 1000),
    int("champions.forge_min_rating_tenths", "CH-4", 0, 50),
    SettingDef { key: "champions.forge_supported_versions", kind: SettingKind::WordList, rule: "CH-4" },
    int("champions.events_min_organized", "CH-4", 0, 1000),
    int("champions.speaking_min_sessions", "CH-4", 0, 1000),
    int("champions.content_min_pieces", "CH-4", 0, 1000),
    int("champions.mentoring_min_testimonials", "CH-4", 0, 1000),
    int("champions.window_months", "CH-4", 1, 60),
    int("mvp.seat_cap", "CH-1", 1, 100000),
    // CH-1: each program's traits, as data an admin edits. A seat cap of 0
    // is no cap; 1 turns a trait on, 0 off; exclusivity names programs.
    int("champions.seat_cap", "CH-1", 0, 1000000),
    int("ambassadors.seat_cap", "CH-1", 0, 1000000),
    int("champions.nda_required", "CH-1", 0, 1),
    int("mvp.nda_required", "CH-1", 0, 1),
    int("ambassadors.nda_required", "CH-1", 0, 1),
    int("champions.moderator_rights", "CH-1", 0, 1),
    int("mvp.moderator_rights", "CH-1", 0, 1),
    int("ambassadors.moderator_rights", "CH-1", 0, 1),
    SettingDef { key: "champions.exclusive_with", kind: SettingKind::ProgramList, rule: "CH-2" },
    SettingDef { key: "mvp.exclusive_with", kind: SettingKind::ProgramList, rule: "CH-2" },
    SettingDef { key: "ambassadors.exclusive_with", kind: SettingKind::ProgramList, rule: "CH-2" },
    // CH-1, CH-7: contributions an MVP makes in a year to keep the award;
    // 0 means no metric is set and staff evaluate every MVP.
    int("mvp.min_contributions_per_year", "CH-7", 0, 10000),
    // CH-5: what an Ambassadors applicant shows over the past year; 0
    // leaves screening to the reviewer's judgment alone.
    int("ambassadors.min_contributions_per_year", "CH-5", 0, 10000),
    // CH-7: the day of the year the renewal runs by itself.
    int("champions.renewal_month", "CH-7", 1, 12),
    int("champions.renewal_day", "CH-7", 1, 31),
    // CH-7: how many months of activity the yearly renewal looks back on.
    int("champions.renewal_look_back_months", "CH-7", 1, 36),
    // The Discourse forum whose accepted answers members import (PL-3).
    SettingDef { key: "imports.forum_url", kind: SettingKind::WebAddress, rule: "PL-3" },
];

/// A parsed setting value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingValue {
    Int(i64),
    Hosts(Vec<String>),
    /// Text already checked against its kind; empty means not set.
    Text(String),
}

impl SettingValue {
    /// The stored text form.
    pub fn to_text(&self) -> String {
        match self {
            Self::Int(n) => n.to_string(),
            Self::Hosts(h) => h.join("\n"),
            Self::Text(t) => t.clone(),
        }
    }
}

/// Looks up a setting's definition.
pub fn definition(key: &str) -> Result<&'static SettingDef, DomainError> {
    DEFINITIONS.iter().find(|d| d.key == key).ok_or(DomainError::UnknownSetting)
}

/// Parses text typed by an admin (or stored) into a value of the key's kind.
pub fn parse_value(key: &str, raw: &str) -> Result<SettingValue, DomainError> {
    let def = definition(key)?;
    match def.kind {
        SettingKind::Int { min, max } => {
            let n: i64 = raw.trim().parse().map_err(|_| DomainError::field("value", "not_a_number"))?;
            if n < min || n > max {
                return Err(DomainError::field("value", "out_of_range"));
            }
            Ok(SettingValue::Int(n))
        }
        SettingKind::HostList => {
            let mut hosts = Vec::new();
            for line in raw.split(['\n', ',']).map(str::trim).filter(|l| !l.is_empty()) {
                let host = line.to_ascii_lowercase();
                let valid = host.len() <= 253
                    && host.contains('.')
                    && host
                        .split('.')
                        .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
                if !valid {
                    return Err(DomainError::field("value", "host_invalid"));
                }
                if !hosts.contains(&host) {
                    hosts.push(host);
                }
            }
            Ok(SettingValue::Hosts(hosts))
        }
        SettingKind::WordList => {
            let mut words: Vec<String> = Vec::new();
            for w in raw.split(['\n', ',']).map(str::trim).filter(|l| !l.is_empty()) {
                if w.chars().count() > 40 || !w.chars().all(|c| c.is_alphanumeric() || "._-".contains(c)) {
                    return Err(DomainError::field("value", "word_invalid"));
                }
                if !words.iter().any(|x| x == w) {
                    words.push(w.to_owned());
                }
            }
            Ok(SettingValue::Hosts(words))
        }
        SettingKind::ProgramList => {
            let mut names: Vec<String> = Vec::new();
            for w in raw.split(['\n', ',']).map(str::trim).filter(|l| !l.is_empty()) {
                let p = crate::program::Program::parse(&w.to_lowercase())
                    .map_err(|_| DomainError::field("value", "program_unknown"))?;

                if !names.iter().any(|x| x == p.as_str()) {
                    names.push(p.as_str().to_owned());
                }
            }
            Ok(SettingValue::Hosts(names))
        }
        SettingKind::HoursList { max, most } => {
            let mut hours: Vec<i64> = Vec::new();
            for w in raw.split(['\n', ',']).map(str::trim).filter(|l| !l.is_empty()) {
                let h: i64 = w.parse().map_err(|_| DomainError::field("value", "not_a_number"))?;
                if !(1..=max).contains(&h) {
                    return Err(DomainError::field("value", "out_of_range"));
                }
                if !hours.contains(&h) {
                    hours.push(h);
                }
            }
            if hours.len() > most {
                return Err(DomainError::field("value", "too_many_reminders"));
            }
            hours.sort_unstable_by(|a, b| b.cmp(a));
            Ok(SettingValue::Hosts(hours.iter().map(i64::to_string).collect()))
        }
        SettingKind::WebAddress => {
            let raw = raw.trim().trim_end_matches('/');
            if raw.is_empty() {
                return Ok(SettingValue::Text(String::new()));
            }
            let link =
                crate::values::WebLink::parse(raw, "value").map_err(|_| DomainError::field("value", "link_invalid"))?;
            Ok(SettingValue::Text(link.as_str().trim_end_matches('/').to_owned()))
        }
    }
}

/// What a new value must also be, beyond its kind: checked when an admin
/// changes it, never when stored values are read (an older row still loads).
pub fn check_change(key: &str, value: &SettingValue) -> Result<(), DomainError> {
    let def = definition(key)?;
    match (def.kind, value) {
        // CH-2: a program cannot exclude its own members.
        (SettingKind::ProgramList, SettingValue::Hosts(names)) if names.iter().any(|n| n == def.area()) => {
            Err(DomainError::field("value", "program_excludes_itself"))
        }
        _ => Ok(()),
    }
}

/// All settings, parsed. Built from the stored rows; a missing or broken
/// row is reported rather than silently replaced by a guess.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    values: BTreeMap<&'static str, SettingValue>,
}

impl Settings {
    /// Parses stored `(key, text)` rows. Unknown keys are ignored (an older
    /// binary next to a newer database); missing or invalid ones are errors.
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, String> {
        let stored: BTreeMap<&str, &str> = rows.into_iter().collect();
        let mut values = BTreeMap::new();
        let mut problems = Vec::new();
        for def in DEFINITIONS {
            match stored.get(def.key).map(|raw| parse_value(def.key, raw)) {
                Some(Ok(v)) => {
                    values.insert(def.key, v);
                }
                Some(Err(_)) => problems.push(format!("setting {} has an invalid value", def.key)),
                None => problems.push(format!("setting {} is missing", def.key)),
            }
        }
        if problems.is_empty() {
            Ok(Self { values })
        } else {
            Err(problems.join("; "))
        }
    }

    /// A whole-number setting. Keys are compile-time constants checked by
    /// the test below, so a missing one is a programming error reported as 0.
    pub fn int(&self, key: &str) -> i64 {
        match self.values.get(key) {
            Some(SettingValue::Int(n)) => *n,
            _ => 0,
        }
    }

    /// A host-list or word-list setting.
    pub fn hosts(&self, key: &str) -> &[String] {
        match self.values.get(key) {
            Some(SettingValue::Hosts(h)) => h,
            _ => &[],
        }
    }

    /// A list of hours (UG-14's reminder offsets), furthest first.
    pub fn hours_list(&self, key: &str) -> Vec<i64> {
        self.hosts(key).iter().filter_map(|h| h.parse().ok()).collect()
    }

    /// A text setting (empty when not set).
    pub fn text(&self, key: &str) -> &str {
        match self.values.get(key) {
            Some(SettingValue::Text(t)) => t,
            _ => "",
        }
    }

    /// Every setting in definition order, for the admin page.
    pub fn iter(&self) -> impl Iterator<Item = (&'static SettingDef, &SettingValue)> {
        DEFINITIONS.iter().filter_map(|d| self.values.get(d.key).map(|v| (d, v)))
    }

    /// Rate limit from a per-minute or per-hour count setting.
    pub fn rate_limit(&self, key: &str) -> RateLimit {
        let window_secs = if key.ends_with("per_hour") { 3600 } else { 60 };
        RateLimit { max: self.int(key), window_secs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_rows() -> Vec<(&'static str, String)> {
        DEFINITIONS
            .iter()
            .map(|d| {
                let v = match d.kind {
                    SettingKind::Int { min, .. } => min.to_string(),
                    SettingKind::HostList => "meetup.com\neventbrite.com".into(),
                    SettingKind::WordList => "O11, O10".into(),
                    SettingKind::ProgramList => "mvp".into(),
                    SettingKind::WebAddress => "https://forum.example.com/".into(),
                    SettingKind::HoursList { .. } => "2, 24".into(),
                };
                (d.key, v)
            })
            .collect()
    }

    #[test]
    fn ch2_exclusivity_names_programs_only() {
        assert_eq!(parse_value("champions.exclusive_with", " MVP, mvp "), Ok(SettingValue::Hosts(vec!["mvp".into()])));
        assert_eq!(parse_value("ambassadors.exclusive_with", ""), Ok(SettingValue::Hosts(vec![])));
        let own = parse_value("champions.exclusive_with", "mvp\nchampions");
        assert!(own.is_ok(), "a stored row of this shape still reads");
        assert_eq!(
            own.and_then(|v| check_change("champions.exclusive_with", &v)),
            Err(DomainError::field("value", "program_excludes_itself")),
            "but no admin can make a program exclude itself"
        );
        assert_eq!(check_change("champions.exclusive_with", &SettingValue::Hosts(vec!["mvp".into()])), Ok(()));
        assert_eq!(
            parse_value("ambassadors.exclusive_with", "champions, nosuchprogram"),
            Err(DomainError::field("value", "program_unknown"))
        );
    }

    #[test]
    fn pl3_the_forum_address_is_a_web_address_or_nothing() {
        assert_eq!(
            parse_value("imports.forum_url", " https://forum.example.com/ "),
            Ok(SettingValue::Text("https://forum.example.com".into()))
        );
        assert_eq!(parse_value("imports.forum_url", ""), Ok(SettingValue::Text(String::new())));
        for bad in ["forum.example.com", "javascript:alert(1)", "ftp://forum.example.com"] {
            assert_eq!(
                parse_value("imports.forum_url", bad),
                Err(DomainError::field("value", "link_invalid")),
                "{bad}"
            );
        }
    }

    #[test]
    fn ch4_word_lists_keep_words_and_refuse_sentences() {
        assert_eq!(
            parse_value("champions.forge_supported_versions", "O11, O10\nO11"),
            Ok(SettingValue::Hosts(vec!["O11".into(), "O10".into()]))
        );
        assert!(parse_value("champions.forge_supported_versions", "version eleven!").is_err());
    }

    #[test]
    fn parses_complete_rows() {
        let rows = sample_rows();
        let s = Settings::from_rows(rows.iter().map(|(k, v)| (*k, v.as_str())));
        let s = s.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.int("auth.session_days"), 1);
        assert_eq!(s.hosts("events.ticketing_hosts"), ["meetup.com", "eventbrite.com"]);
        assert_eq!(s.rate_limit("auth.signups_per_ip_per_hour").window_secs, 3600);
    }

    #[test]
    fn missing_or_invalid_rows_are_reported_not_guessed() {
        let mut rows = sample_rows();
        rows.retain(|(k, _)| *k != "auth.session_days");
        rows.push(("mail.max_attempts", "lots".into()));
        rows.retain(|(k, v)| !(*k == "mail.max_attempts" && v != "lots"));
        let err = Settings::from_rows(rows.iter().map(|(k, v)| (*k, v.as_str()))).err().unwrap_or_default();
        assert!(err.contains("auth.session_days is missing"), "{err}");
        assert!(err.contains("mail.max_attempts has an invalid value"), "{err}");
    }

    #[test]
    fn values_are_checked_against_their_kind() {
        assert_eq!(parse_value("auth.session_days", "30"), Ok(SettingValue::Int(30)));
        assert!(parse_value("auth.session_days", "0").is_err());
        assert!(parse_value("auth.session_days", "thirty").is_err());
        assert!(parse_value("no.such.key", "1").is_err());
        assert_eq!(
            parse_value("events.ticketing_hosts", "Meetup.com, lu.ma\n\nlu.ma"),
            Ok(SettingValue::Hosts(vec!["meetup.com".into(), "lu.ma".into()]))
        );
        assert!(parse_value("events.ticketing_hosts", "not a host").is_err());
    }

    #[test]
    fn pl13_every_number_says_what_it_counts() {
        let unit = |k: &str| definition(k).ok().and_then(|d| d.unit());
        assert_eq!(unit("auth.signin_attempts_per_email_per_minute"), Some(SettingUnit::PerMinute));
        assert_eq!(unit("auth.signups_per_ip_per_hour"), Some(SettingUnit::PerHour));
        assert_eq!(unit("auth.session_days"), Some(SettingUnit::Days));
        assert_eq!(unit("events.checkin_opens_minutes_before"), Some(SettingUnit::Minutes));
        assert_eq!(unit("events.complete_hours_after_end"), Some(SettingUnit::Hours));
        assert_eq!(unit("groups.inactive_after_months"), Some(SettingUnit::Months));
        assert_eq!(unit("expenses.receipts_total_kib_per_claim"), Some(SettingUnit::Kib));
        assert_eq!(unit("champions.forge_min_rating_tenths"), Some(SettingUnit::Tenths));
        assert_eq!(unit("mail.max_attempts"), Some(SettingUnit::Times));
        assert_eq!(unit("champions.renewal_day"), Some(SettingUnit::DayOfMonth));
        assert_eq!(unit("champions.renewal_month"), Some(SettingUnit::MonthOfYear));
        assert_eq!(unit("mvp.min_contributions_per_year"), Some(SettingUnit::PerYear));
        assert_eq!(unit("champions.seat_cap"), None, "a count of seats needs no unit");
        assert_eq!(unit("champions.nda_required"), None, "a switch is yes or no");
        assert!(definition("mvp.moderator_rights").is_ok_and(|d| d.is_switch()));
        assert!(definition("mvp.seat_cap").is_ok_and(|d| !d.is_switch()), "1..: a number, not a switch");
        // A key that names a time but no known unit would show a bare number.
        for d in DEFINITIONS.iter().filter(|d| d.kind.is_number()) {
            let timed = ["minute", "hour", "day", "month", "second", "kib"].iter().any(|w| d.key.contains(w));
            assert!(!timed || d.unit().is_some(), "{} names a unit the page cannot show", d.key);
        }
        assert_eq!(
            definition("auth.session_days").map(|d| (d.area(), d.stem())),
            Ok(("auth", "auth-session-days".into()))
        );
    }
}
