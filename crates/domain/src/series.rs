//! UG-16: a recurring meetup is a series. Its dates come from a recurrence
//! rule (RFC 5545 RRULE, expanded by the `rrule` crate) in the group's
//! time zone, so "second Wednesday at 18:30" stays 18:30 on both sides of
//! a daylight-saving change. Each date becomes an event of its own, with
//! its own capacity, talks and check-in; a member registers for the whole
//! series once.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _, Utc, Weekday};
use rrule::{Frequency, NWeekday, RRule, Tz};
use serde::{Deserialize, Serialize};

use crate::event::{local_to_utc, Schedule};
use crate::values::TimeZone;
use crate::DomainError;

/// A series has at most this many dates: a year of weekly meetups. A longer
/// run is a new series, so one form never creates hundreds of events.
pub const MAX_DATES: usize = 52;

/// How often the series meets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cadence {
    /// Every `interval` weeks on the weekday (1: weekly, 2: fortnightly).
    Weekly { interval: u16 },
    /// On the `nth` weekday of each month (1 to 4, or -1 for the last).
    Monthly { nth: i16 },
}

/// When the series stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesEnd {
    /// After this many dates: a skipped day does not use one up, so "six
    /// dates, one skipped" still meets six times.
    After(u16),
    /// On or before this local date.
    Until(NaiveDate),
}

/// The rule of a series: from which day, on which weekday, how often, at
/// what local time, until when, and which dates it skips.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recurrence {
    pub from: NaiveDate,
    pub weekday: Weekday,
    pub cadence: Cadence,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    pub end: SeriesEnd,
    pub skipped: Vec<NaiveDate>,
}

/// The rule's fields as a form or a JSON body sends them (and as they are
/// kept, so the form shows the rule as it was written).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct RecurrenceFields {
    /// The first day the series may meet, `2026-01-14`.
    #[serde(default)]
    pub from: String,
    /// `weekly` or `monthly`.
    #[serde(default)]
    pub frequency: String,
    /// `MO` to `SU`.
    #[serde(default)]
    pub weekday: String,
    /// Weekly: every how many weeks (1 to 4).
    #[serde(default)]
    pub interval: String,
    /// Monthly: which weekday of the month, `1` to `4` or `-1` (last).
    #[serde(default)]
    pub nth: String,
    /// Local times, `18:30`.
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    /// How many dates, or the last day: one of the two.
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub until: String,
    /// Dates it does not meet, one per line or separated by commas.
    #[serde(default)]
    pub skipped: String,
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("MO", Weekday::Mon),
    ("TU", Weekday::Tue),
    ("WE", Weekday::Wed),
    ("TH", Weekday::Thu),
    ("FR", Weekday::Fri),
    ("SA", Weekday::Sat),
    ("SU", Weekday::Sun),
];

/// The RRULE code of a weekday, `WE`.
pub fn weekday_code(d: Weekday) -> &'static str {
    WEEKDAYS.iter().find(|(_, w)| *w == d).map(|(c, _)| *c).unwrap_or("MO")
}

/// Every weekday code, Monday first, for a form's choices.
pub fn weekday_codes() -> impl Iterator<Item = &'static str> {
    WEEKDAYS.iter().map(|(c, _)| *c)
}

fn date(raw: &str, field: &'static str) -> Result<NaiveDate, DomainError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| DomainError::field(field, "date_invalid"))
}

fn time(raw: &str, field: &'static str) -> Result<NaiveTime, DomainError> {
    match raw.trim() {
        "" => Err(DomainError::field(field, "required")),
        t => NaiveTime::parse_from_str(t, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
            .map_err(|_| DomainError::field(field, "time_invalid")),
    }
}

fn small(raw: &str, field: &'static str, allowed: &[i16], code: &'static str) -> Result<i16, DomainError> {
    raw.trim().parse::<i16>().ok().filter(|n| allowed.contains(n)).ok_or(DomainError::field(field, code))
}

impl Recurrence {
    pub fn parse(f: &RecurrenceFields) -> Result<Self, DomainError> {
        let from = match f.from.trim() {
            "" => Err(DomainError::field("from", "required")),
            raw => date(raw, "from"),
        };
        let weekday = WEEKDAYS
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(f.weekday.trim()))
            .map(|(_, w)| *w)
            .ok_or(DomainError::field("weekday", "invalid"));
        let cadence = match f.frequency.trim() {
            "weekly" => match f.interval.trim() {
                "" => Ok(Cadence::Weekly { interval: 1 }),
                raw => small(raw, "interval", &[1, 2, 3, 4], "series_interval_range")
                    .map(|n| Cadence::Weekly { interval: n.unsigned_abs() }),
            },
            "monthly" => {
                small(&f.nth, "nth", &[1, 2, 3, 4, -1], "series_nth_invalid").map(|nth| Cadence::Monthly { nth })
            }
            _ => Err(DomainError::field("frequency", "invalid")),
        };
        let starts = time(&f.starts, "starts");
        let ends = time(&f.ends, "ends").and_then(|e| match &starts {
            Ok(s) if e <= *s => Err(DomainError::field("ends", "series_ends_before_start")),
            _ => Ok(e),
        });
        let end = match (f.count.trim(), f.until.trim()) {
            ("", "") => Err(DomainError::field("count", "series_end_missing")),
            (n, "") => n
                .parse::<u16>()
                .ok()
                .filter(|n| (1..=MAX_DATES as u16).contains(n))
                .map(SeriesEnd::After)
                .ok_or(DomainError::field("count", "series_count_range")),
            ("", until) => date(until, "until").map(SeriesEnd::Until),
            _ => Err(DomainError::field("count", "series_end_twice")),
        };
        let skipped: Result<Vec<NaiveDate>, DomainError> = f
            .skipped
            .split([',', '\n', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| date(s, "skipped"))
            .collect();
        DomainError::collect([
            from.clone().err(),
            weekday.clone().err(),
            cadence.clone().err(),
            starts.clone().err(),
            ends.clone().err(),
            end.clone().err(),
            skipped.clone().err(),
        ])?;
        let mut skipped = skipped?;
        skipped.sort();
        skipped.dedup();
        let r = Self {
            from: from?,
            weekday: weekday?,
            cadence: cadence?,
            starts: starts?,
            ends: ends?,
            end: end?,
            skipped,
        };
        if let SeriesEnd::Until(until) = r.end {
            if until < r.from {
                return Err(DomainError::field("until", "series_until_before_from"));
            }
        }
        Ok(r)
    }

    /// The fields that give this rule back, to show it in a form.
    pub fn fields(&self) -> RecurrenceFields {
        let (frequency, interval, nth) = match self.cadence {
            Cadence::Weekly { interval } => ("weekly", interval.to_string(), String::new()),
            Cadence::Monthly { nth } => ("monthly", String::new(), nth.to_string()),
        };
        let (count, until) = match self.end {
            SeriesEnd::After(n) => (n.to_string(), String::new()),
            SeriesEnd::Until(d) => (String::new(), d.to_string()),
        };
        RecurrenceFields {
            from: self.from.to_string(),
            frequency: frequency.to_owned(),
            weekday: weekday_code(self.weekday).to_owned(),
            interval,
            nth,
            starts: self.starts.format("%H:%M").to_string(),
            ends: self.ends.format("%H:%M").to_string(),
            count,
            until,
            skipped: self.skipped.iter().map(NaiveDate::to_string).collect::<Vec<_>>().join(", "),
        }
    }

    fn rule(&self, tz: TimeZone) -> RRule<rrule::Unvalidated> {
        let rule = match self.cadence {
            Cadence::Weekly { interval } => {
                RRule::new(Frequency::Weekly).interval(interval).by_weekday(vec![NWeekday::Every(self.weekday)])
            }
            Cadence::Monthly { nth } => {
                RRule::new(Frequency::Monthly).by_weekday(vec![NWeekday::Nth(nth, self.weekday)])
            }
        };
        match self.end {
            // RFC 5545 counts before EXDATE removes a day: ask for one more
            // per skipped day, and `schedules` keeps the first n.
            SeriesEnd::After(n) => rule.count(u32::from(n) + self.skipped.len() as u32),
            SeriesEnd::Until(d) => {
                let last = NaiveDateTime::new(d, NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
                let until = local_to_utc(last, tz).unwrap_or_else(|| Utc.from_utc_datetime(&last));
                rule.until(until.with_timezone(&Tz::UTC))
            }
        }
    }

    /// The RRULE line, `FREQ=MONTHLY;COUNT=6;BYDAY=2WE`, as calendars and
    /// the API read it.
    pub fn rrule(&self, tz: TimeZone) -> String {
        self.rule(tz).to_string()
    }

    /// Every date of the series as start and end instants, skipped ones
    /// left out, at most `MAX_DATES`. A local time that a clock change
    /// skips on some date is refused rather than moved.
    pub fn schedules(&self, tz: TimeZone) -> Result<Vec<Schedule>, DomainError> {
        let zone = Tz::Tz(tz.tz());
        // A weekly rule counts its weeks from its first date: start on the
        // first chosen weekday, so "every other Wednesday from Friday the
        // 1st" begins on Wednesday the 6th, as a person means it.
        let mut day = self.from;
        if matches!(self.cadence, Cadence::Weekly { .. }) {
            while day.weekday() != self.weekday {
                day = day.succ_opt().unwrap_or(day);
            }
        }
        let first = NaiveDateTime::new(day, self.starts);
        let start = match zone.from_local_datetime(&first) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t,
            chrono::LocalResult::None => return Err(DomainError::field("starts", "time_skipped_by_dst")),
        };
        let set = self.rule(tz).build(start).map_err(|_| DomainError::field("frequency", "invalid"))?;
        let found = set.all(MAX_DATES as u16 + 1 + self.skipped.len() as u16);
        let mut out = Vec::new();
        for at in found.dates {
            let day = at.date_naive();
            if self.skipped.contains(&day) {
                continue;
            }
            let local = |t: NaiveTime| local_to_utc(NaiveDateTime::new(day, t), tz);
            let (Some(s), Some(e)) = (local(self.starts), local(self.ends)) else {
                return Err(DomainError::field("starts", "time_skipped_by_dst"));
            };
            out.push(Schedule::new(s, e)?);
        }
        if let SeriesEnd::After(n) = self.end {
            out.truncate(usize::from(n));
        }
        if out.len() > MAX_DATES {
            return Err(DomainError::field("until", "series_too_many_dates"));
        }
        if out.is_empty() {
            return Err(DomainError::field("from", "series_no_dates"));
        }
        Ok(out)
    }
}

/// The local date of an instant in the group's zone: how a series names
/// its dates (and skips one).
pub fn local_day(at: DateTime<Utc>, tz: TimeZone) -> NaiveDate {
    at.with_timezone(&tz.tz()).date_naive()
}

/// A date is "future" for a series while it has not started: editing the
/// series changes those only, and registering for the series takes a
/// place at each of them.
pub fn is_future(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    starts_at > now
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn lisbon() -> TimeZone {
        TimeZone::parse("Europe/Lisbon").unwrap_or(TimeZone::UTC)
    }

    fn fields(frequency: &str, extra: &[(&str, &str)]) -> RecurrenceFields {
        let mut f = RecurrenceFields {
            from: "2027-01-01".into(),
            frequency: frequency.into(),
            weekday: "WE".into(),
            starts: "18:30".into(),
            ends: "20:30".into(),
            count: "6".into(),
            ..Default::default()
        };
        for (k, v) in extra {
            let v = (*v).to_owned();
            match *k {
                "from" => f.from = v,
                "nth" => f.nth = v,
                "interval" => f.interval = v,
                "count" => f.count = v,
                "until" => f.until = v,
                "skipped" => f.skipped = v,
                "starts" => f.starts = v,
                "ends" => f.ends = v,
                "weekday" => f.weekday = v,
                _ => unreachable!(),
            }
        }
        f
    }

    #[test]
    fn ug16_a_monthly_series_keeps_its_local_time_across_a_clock_change() {
        let r = Recurrence::parse(&fields("monthly", &[("nth", "2")])).unwrap_or_else(|_| unreachable!());
        let dates = r.schedules(lisbon()).unwrap_or_default();
        let days: Vec<String> = dates.iter().map(|s| local_day(s.starts_at, lisbon()).to_string()).collect();
        // The second Wednesday of January to June 2027.
        assert_eq!(days, ["2027-01-13", "2027-02-10", "2027-03-10", "2027-04-14", "2027-05-12", "2027-06-09"]);
        for s in &dates {
            let local = s.starts_at.with_timezone(&lisbon().tz());
            assert_eq!((local.hour(), local.minute()), (18, 30), "18:30 in Lisbon on {local}");
            assert_eq!(s.ends_at - s.starts_at, chrono::Duration::hours(2));
        }
        // Winter is UTC+0, summer UTC+1: the instants move, the wall clock does not.
        assert_eq!(dates[2].starts_at.hour(), 18, "March, before the change");
        assert_eq!(dates[3].starts_at.hour(), 17, "April, after it");
        assert_eq!(r.rrule(lisbon()), "FREQ=MONTHLY;COUNT=6;BYDAY=2WE");
    }

    #[test]
    fn ug16_weekly_and_last_weekday_series_skip_the_dates_they_are_told_to() {
        let r = Recurrence::parse(&fields("weekly", &[("interval", "2"), ("skipped", "2027-01-20, 2027-02-17")]))
            .unwrap_or_else(|_| unreachable!());
        let days: Vec<String> = r
            .schedules(lisbon())
            .unwrap_or_default()
            .iter()
            .map(|s| local_day(s.starts_at, lisbon()).to_string())
            .collect();
        // Every other Wednesday from 6 January, six times: two days skipped, two more added.
        assert_eq!(days, ["2027-01-06", "2027-02-03", "2027-03-03", "2027-03-17", "2027-03-31", "2027-04-14"]);
        let last = Recurrence::parse(&fields("monthly", &[("nth", "-1"), ("count", ""), ("until", "2027-03-31")]))
            .unwrap_or_else(|_| unreachable!());
        let days: Vec<String> = last
            .schedules(lisbon())
            .unwrap_or_default()
            .iter()
            .map(|s| local_day(s.starts_at, lisbon()).to_string())
            .collect();
        assert_eq!(days, ["2027-01-27", "2027-02-24", "2027-03-31"], "the last Wednesday, until 31 March included");
        assert_eq!(Recurrence::parse(&last.fields()), Ok(last), "the form gives the same rule back");
    }

    #[test]
    fn ug16_a_rule_that_cannot_be_met_is_refused_in_words() {
        let code = |f: RecurrenceFields| match Recurrence::parse(&f).and_then(|r| r.schedules(lisbon()).map(|_| ())) {
            Err(DomainError::Invalid(fs)) => fs.iter().map(|f| format!("{}:{}", f.field, f.code)).collect::<Vec<_>>(),
            other => vec![format!("{other:?}")],
        };
        assert_eq!(code(fields("daily", &[])), ["frequency:invalid"]);
        assert_eq!(code(fields("monthly", &[("nth", "5")])), ["nth:series_nth_invalid"]);
        assert_eq!(code(fields("weekly", &[("interval", "7")])), ["interval:series_interval_range"]);
        assert_eq!(code(fields("weekly", &[("ends", "18:00")])), ["ends:series_ends_before_start"]);
        assert_eq!(code(fields("weekly", &[("count", "")])), ["count:series_end_missing"]);
        assert_eq!(code(fields("weekly", &[("until", "2027-03-01")])), ["count:series_end_twice"]);
        assert_eq!(code(fields("weekly", &[("count", "53")])), ["count:series_count_range"]);
        assert_eq!(code(fields("weekly", &[("count", "0")])), ["count:series_count_range"]);
        assert_eq!(
            code(fields("weekly", &[("count", ""), ("until", "2029-01-01")])),
            ["until:series_too_many_dates"],
            "two years of weekly dates"
        );
        assert_eq!(
            code(fields("weekly", &[("count", ""), ("until", "2026-12-01")])),
            ["until:series_until_before_from"]
        );
        assert_eq!(
            code(fields("weekly", &[("count", ""), ("until", "2027-01-06"), ("skipped", "2027-01-06")])),
            ["from:series_no_dates"]
        );
        assert_eq!(code(fields("weekly", &[("skipped", "someday")])), ["skipped:date_invalid"]);
        // 01:30 does not exist in Lisbon on 28 March 2027, a Sunday.
        let gap =
            fields("weekly", &[("weekday", "SU"), ("starts", "01:30"), ("ends", "02:30"), ("from", "2027-03-21")]);
        assert_eq!(code(gap), ["starts:time_skipped_by_dst"]);
    }
}
