//! UG-14: reminders before an event, at the settings' offsets (by default
//! 24 and 2 hours before its start), each sent once per place. A reminder
//! whose moment passed while a later one is due is not sent late: the
//! later one stands for both. Someone who took their place after an
//! offset's moment (they registered, or moved up from the waiting list,
//! an hour before) just read a confirmation, so that reminder is settled
//! without an email.

use chrono::{DateTime, Duration, Utc};

/// What to do now about one place's reminders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Due {
    /// The offset (in hours) whose reminder to send now, if any.
    pub send: Option<i64>,
    /// Offsets to record as done, `send` among them: each is then never
    /// sent, whatever happens later.
    pub settle: Vec<i64>,
}

impl Due {
    pub fn is_nothing(&self) -> bool {
        self.settle.is_empty()
    }
}

/// The reminder due for a place taken at `placed_at`, at an event that
/// starts at `starts_at`, given `offsets` (hours) and those already
/// `settled`.
pub fn due(
    offsets: &[i64],
    starts_at: DateTime<Utc>,
    placed_at: DateTime<Utc>,
    now: DateTime<Utc>,
    settled: &[i64],
) -> Due {
    if now >= starts_at {
        return Due::default();
    }
    // Offsets whose moment has come, nearest the start first.
    let mut reached: Vec<i64> =
        offsets.iter().copied().filter(|&h| h > 0 && now >= starts_at - Duration::hours(h)).collect();
    reached.sort_unstable();
    reached.dedup();
    let Some(&current) = reached.first() else { return Due::default() };
    let settle: Vec<i64> = reached.iter().copied().filter(|h| !settled.contains(h)).collect();
    if settle.is_empty() {
        return Due::default();
    }
    let fresh = placed_at > starts_at - Duration::hours(current);
    let send = (settle.contains(&current) && !fresh).then_some(current);
    Due { send, settle }
}

/// The furthest offset: how far ahead to look for events to remind of.
pub fn horizon(offsets: &[i64]) -> Duration {
    Duration::hours(offsets.iter().copied().max().unwrap_or(0).max(0))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(hours_before_start: i64) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = DateTime::parse_from_rfc3339("2030-05-10T18:30:00Z").unwrap().with_timezone(&Utc);
        (start, start - Duration::hours(hours_before_start))
    }

    const DEFAULT: &[i64] = &[24, 2];

    #[test]
    fn ug14_nothing_before_the_first_moment() {
        let (start, now) = at(30);
        assert!(due(DEFAULT, start, now - Duration::days(5), now, &[]).is_nothing());
    }

    #[test]
    fn ug14_the_day_before_then_two_hours_before_each_once() {
        let (start, now) = at(23);
        let placed = start - Duration::days(5);
        assert_eq!(due(DEFAULT, start, placed, now, &[]), Due { send: Some(24), settle: vec![24] });
        assert!(due(DEFAULT, start, placed, now, &[24]).is_nothing(), "sent once");
        let (_, later) = at(1);
        assert_eq!(due(DEFAULT, start, placed, later, &[24]), Due { send: Some(2), settle: vec![2] });
        assert!(due(DEFAULT, start, placed, later, &[24, 2]).is_nothing());
    }

    #[test]
    fn ug14_a_missed_moment_is_not_sent_late() {
        // The job did not run for a day: only the nearer reminder goes.
        let (start, now) = at(1);
        let d = due(DEFAULT, start, start - Duration::days(5), now, &[]);
        assert_eq!(d, Due { send: Some(2), settle: vec![2, 24] });
    }

    #[test]
    fn ug14_a_place_taken_after_the_moment_needs_no_reminder_for_it() {
        // Registered ten hours before: no "tomorrow" email; the 2 h one still goes.
        let (start, now) = at(10);
        let placed = now;
        assert_eq!(due(DEFAULT, start, placed, now, &[]), Due { send: None, settle: vec![24] });
        let (_, later) = at(2);
        assert_eq!(due(DEFAULT, start, placed, later, &[24]), Due { send: Some(2), settle: vec![2] });
        // Moved up from the waiting list 30 minutes before: told by that email only.
        let (_, last) = at(0);
        let promoted = last - Duration::minutes(30);
        let d = due(DEFAULT, start, promoted, start - Duration::minutes(20), &[]);
        assert_eq!(d, Due { send: None, settle: vec![2, 24] });
    }

    #[test]
    fn ug14_nothing_once_the_event_started_and_odd_lists_hold() {
        let (start, _) = at(0);
        assert!(due(DEFAULT, start, start - Duration::days(1), start, &[]).is_nothing());
        assert_eq!(
            due(&[2, 24, 2, 0, -3], start, start - Duration::days(3), start - Duration::hours(20), &[]).send,
            Some(24)
        );
        assert!(due(&[], start, start - Duration::days(3), start - Duration::hours(1), &[]).is_nothing());
        assert_eq!(horizon(&[2, 48, 24]), Duration::hours(48));
        assert_eq!(horizon(&[]), Duration::zero());
    }
}
