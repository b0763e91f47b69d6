//! CH-7: when the yearly renewal is due. The day is a setting
//! (`champions.renewal_month`, `champions.renewal_day`); a day past the
//! month's end means its last day, so "February 30" is the 28th or 29th.

use chrono::{Datelike, NaiveDate};

/// The renewal day of `year`.
pub fn renewal_day(year: i32, month: u32, day: u32) -> NaiveDate {
    let month = month.clamp(1, 12);
    (1..=day.clamp(1, 31)).rev().find_map(|d| NaiveDate::from_ymd_opt(year, month, d)).unwrap_or(NaiveDate::MIN)
}

/// The year whose renewal is due on `today`: this year's once its day has
/// come (a run for that year happens once, so asking again is harmless),
/// otherwise none.
pub fn due(today: NaiveDate, month: u32, day: u32) -> Option<i32> {
    (today >= renewal_day(today.year(), month, day)).then_some(today.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn ch7_due_from_the_configured_day_on() {
        assert_eq!(due(d(2026, 11, 30), 12, 1), None);
        assert_eq!(due(d(2026, 12, 1), 12, 1), Some(2026));
        assert_eq!(due(d(2026, 12, 31), 12, 1), Some(2026));
        assert_eq!(due(d(2027, 1, 1), 12, 1), None, "a new year waits for its own day");
        assert_eq!(due(d(2027, 1, 1), 1, 1), Some(2027));
    }

    #[test]
    fn ch7_a_day_past_the_month_end_is_its_last_day() {
        assert_eq!(renewal_day(2027, 2, 30), d(2027, 2, 28));
        assert_eq!(renewal_day(2028, 2, 30), d(2028, 2, 29));
        assert_eq!(renewal_day(2026, 4, 31), d(2026, 4, 30));
    }
}
