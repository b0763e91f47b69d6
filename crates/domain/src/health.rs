//! Group health (UG-10): a group should meet every quarter and hold at
//! least the required number of events each calendar year; one that has
//! held none for more than the configured months needs support. Calendar
//! years, quarters and months are those of the group's time zone.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};

use crate::group::GroupStatus;
use crate::values::TimeZone;

/// An event that counts as held (UG-14) and how many were checked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeldEvent {
    pub starts_at: DateTime<Utc>,
    pub attendance: u32,
    /// Registered with a seat at the end (checked in or not); walk-ins,
    /// who registered nothing, count in `attendance` only.
    pub registered: u32,
}

/// The numbers from settings data (`groups.*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthRules {
    pub min_events_per_year: u32,
    pub inactive_after_months: u32,
}

/// Where attendance is heading, from the last held events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Rising,
    Steady,
    Falling,
    /// Fewer than four held events to compare.
    TooFewEvents,
}

impl Trend {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Rising => "rising",
            Self::Steady => "steady",
            Self::Falling => "falling",
            Self::TooFewEvents => "too_few_events",
        }
    }
}

/// How many recent events the attendance trend looks at.
pub const TREND_EVENTS: usize = 8;

/// A group's health at one moment (UG-10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    /// The calendar year measured, in the group's zone.
    pub year: i32,
    pub last_held: Option<DateTime<Utc>>,
    /// Whole days since the last held event; `None` if none was ever held.
    pub days_since_last: Option<i64>,
    pub held_this_year: u32,
    pub required_per_year: u32,
    /// Held events in each quarter of `year`.
    pub per_quarter: [u32; 4],
    /// Check-ins of the last held events, oldest first.
    pub attendance: Vec<u32>,
    /// Registered at the same events, in the same order.
    pub registered: Vec<u32>,
    pub trend: Trend,
    /// No held event for more than the configured months (counted from
    /// the group's start when it never held one).
    pub needs_support: bool,
    /// The quarter `now` falls in (1..=4), to tell "this quarter" apart.
    pub current_quarter: u32,
    /// The first quarter of `year` the group existed in (1 when it started
    /// before this year): earlier quarters were not missed.
    pub first_quarter: u32,
}

impl Health {
    /// Events still needed this year to reach the required number.
    pub fn missing_this_year(&self) -> u32 {
        self.required_per_year.saturating_sub(self.held_this_year)
    }
}

fn local_date(at: DateTime<Utc>, tz: TimeZone) -> NaiveDate {
    at.with_timezone(&tz.tz()).date_naive()
}

fn quarter_of(d: NaiveDate) -> u32 {
    d.month0() / 3 + 1
}

/// UG-10: measures a group's health from its held events. `active_since`
/// is when the group started (the clock for a group that never met).
pub fn assess(
    held: &[HeldEvent],
    active_since: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: TimeZone,
    rules: HealthRules,
) -> Health {
    let today = local_date(now, tz);
    let mut past: Vec<HeldEvent> = held.iter().copied().filter(|e| e.starts_at <= now).collect();
    past.sort_by_key(|e| e.starts_at);
    let last_held = past.last().map(|e| e.starts_at);
    let mut per_quarter = [0u32; 4];
    for e in &past {
        let d = local_date(e.starts_at, tz);
        if d.year() == today.year() {
            per_quarter[(quarter_of(d) - 1) as usize] += 1;
        }
    }
    let attendance: Vec<u32> = past.iter().rev().take(TREND_EVENTS).rev().map(|e| e.attendance).collect();
    let registered: Vec<u32> = past.iter().rev().take(TREND_EVENTS).rev().map(|e| e.registered).collect();
    let reference = local_date(last_held.unwrap_or(active_since), tz);
    let deadline = reference.checked_add_months(Months::new(rules.inactive_after_months)).unwrap_or(NaiveDate::MAX);
    Health {
        year: today.year(),
        last_held,
        days_since_last: last_held.map(|at| (today - local_date(at, tz)).num_days()),
        held_this_year: per_quarter.iter().sum(),
        required_per_year: rules.min_events_per_year,
        per_quarter,
        trend: trend(&attendance),
        attendance,
        registered,
        needs_support: today > deadline,
        current_quarter: quarter_of(today),
        first_quarter: {
            let start = local_date(active_since, tz);
            if start.year() < today.year() {
                1
            } else {
                quarter_of(start)
            }
        },
    }
}

/// Newer half against older half: more than 10% apart is a direction.
fn trend(attendance: &[u32]) -> Trend {
    if attendance.len() < 4 {
        return Trend::TooFewEvents;
    }
    let half = attendance.len() / 2;
    let older: u64 = attendance[..half].iter().map(|&n| u64::from(n)).sum();
    let newer: u64 = attendance[attendance.len() - half..].iter().map(|&n| u64::from(n)).sum();
    if newer * 10 > older * 11 {
        Trend::Rising
    } else if newer * 10 < older * 9 {
        Trend::Falling
    } else {
        Trend::Steady
    }
}

/// UG-10: the status a group moves to, if any. Archived groups stay put.
pub fn next_status(current: GroupStatus, needs_support: bool) -> Option<GroupStatus> {
    match (current, needs_support) {
        (GroupStatus::Active, true) => Some(GroupStatus::NeedsSupport),
        (GroupStatus::NeedsSupport, false) => Some(GroupStatus::Active),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    const RULES: HealthRules = HealthRules { min_events_per_year: 4, inactive_after_months: 3 };

    fn lisbon() -> TimeZone {
        TimeZone::parse("Europe/Lisbon").unwrap_or_else(|_| unreachable!())
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 18, 0, 0).single().unwrap_or_default()
    }

    fn held(dates: &[(i32, u32, u32, u32)]) -> Vec<HeldEvent> {
        dates.iter().map(|&(y, m, d, n)| HeldEvent { starts_at: at(y, m, d), attendance: n, registered: n }).collect()
    }

    #[test]
    fn ug10_three_events_in_a_year_show_three_of_four() {
        let h = assess(
            &held(&[(2026, 2, 10, 30), (2026, 5, 12, 35), (2026, 9, 8, 40)]),
            at(2025, 1, 1),
            at(2026, 11, 20),
            lisbon(),
            RULES,
        );
        assert_eq!((h.held_this_year, h.required_per_year, h.missing_this_year()), (3, 4, 1));
        assert_eq!(h.per_quarter, [1, 1, 1, 0]);
        assert_eq!((h.current_quarter, h.first_quarter), (4, 1));
        let young = assess(&[], at(2026, 8, 1), at(2026, 11, 20), lisbon(), RULES);
        assert_eq!(young.first_quarter, 3, "a group started in Q3 did not miss Q1 and Q2");
        assert_eq!(h.days_since_last, Some(73));
    }

    #[test]
    fn ug10_last_years_events_do_not_count_this_year() {
        let h = assess(&held(&[(2025, 12, 10, 30)]), at(2025, 1, 1), at(2026, 1, 20), lisbon(), RULES);
        assert_eq!(h.held_this_year, 0);
        assert_eq!(h.per_quarter, [0, 0, 0, 0]);
        assert!(!h.needs_support, "only 41 days since the last event");
    }

    #[test]
    fn ug10_needs_support_after_more_than_three_calendar_months() {
        let events = held(&[(2026, 1, 15, 20)]);
        let on_deadline = assess(&events, at(2025, 1, 1), at(2026, 4, 15), lisbon(), RULES);
        let day_after = assess(&events, at(2025, 1, 1), at(2026, 4, 16), lisbon(), RULES);
        assert!(!on_deadline.needs_support);
        assert!(day_after.needs_support);
        let longer = assess(
            &events,
            at(2025, 1, 1),
            at(2026, 4, 16),
            lisbon(),
            HealthRules { inactive_after_months: 6, ..RULES },
        );
        assert!(!longer.needs_support, "the months come from settings");
    }

    #[test]
    fn ug10_a_group_that_never_met_counts_from_its_start() {
        assert!(!assess(&[], at(2026, 9, 1), at(2026, 11, 30), lisbon(), RULES).needs_support);
        let h = assess(&[], at(2026, 7, 1), at(2026, 11, 30), lisbon(), RULES);
        assert!(h.needs_support);
        assert_eq!((h.days_since_last, h.last_held, h.trend), (None, None, Trend::TooFewEvents));
    }

    #[test]
    fn ug10_calendar_follows_the_groups_time_zone() {
        // 23:30 UTC on 31 December is already 1 January in Tokyo.
        let new_year = Utc.with_ymd_and_hms(2025, 12, 31, 23, 30, 0).single().unwrap_or_default();
        let events = [HeldEvent { starts_at: new_year, attendance: 10, registered: 12 }];
        let tokyo = TimeZone::parse("Asia/Tokyo").unwrap_or_else(|_| unreachable!());
        assert_eq!(assess(&events, at(2025, 1, 1), at(2026, 2, 1), tokyo, RULES).per_quarter, [1, 0, 0, 0]);
        assert_eq!(assess(&events, at(2025, 1, 1), at(2026, 2, 1), lisbon(), RULES).held_this_year, 0);
    }

    #[test]
    fn ug10_attendance_trend() {
        let rising = held(&[(2026, 1, 1, 10), (2026, 2, 1, 12), (2026, 3, 1, 20), (2026, 4, 1, 25)]);
        let falling = held(&[(2026, 1, 1, 40), (2026, 2, 1, 38), (2026, 3, 1, 20), (2026, 4, 1, 22)]);
        let steady = held(&[(2026, 1, 1, 30), (2026, 2, 1, 31), (2026, 3, 1, 29), (2026, 4, 1, 31)]);
        let now = at(2026, 4, 10);
        assert_eq!(assess(&rising, now, now, lisbon(), RULES).trend, Trend::Rising);
        assert_eq!(assess(&falling, now, now, lisbon(), RULES).trend, Trend::Falling);
        assert_eq!(assess(&steady, now, now, lisbon(), RULES).trend, Trend::Steady);
        assert_eq!(assess(&steady[..3], now, now, lisbon(), RULES).trend, Trend::TooFewEvents);
        let many: Vec<_> =
            (1..=12).map(|m| HeldEvent { starts_at: at(2025, m, 5), attendance: m, registered: m + 2 }).collect();
        assert_eq!(assess(&many, now, now, lisbon(), RULES).attendance, vec![5, 6, 7, 8, 9, 10, 11, 12]);
        // Issue 18: the registered of the same events, for the trend of registered against checked in.
        assert_eq!(assess(&many, now, now, lisbon(), RULES).registered, vec![7, 8, 9, 10, 11, 12, 13, 14]);
    }

    #[test]
    fn ug10_status_moves_between_active_and_needs_support_only() {
        use GroupStatus::*;
        assert_eq!(next_status(Active, true), Some(NeedsSupport));
        assert_eq!(next_status(NeedsSupport, false), Some(Active));
        assert_eq!(next_status(Active, false), None);
        assert_eq!(next_status(NeedsSupport, true), None);
        assert_eq!(next_status(Archived, true), None);
        assert_eq!(next_status(Archived, false), None);
    }
}
