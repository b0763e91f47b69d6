//! Attendance you can see (issue 18): what became of each place a member
//! took, and their record over all of them. A place counts once its event
//! is over: the holder came (checked in), did not come, or let the place
//! go before the start, which is what the waiting list needs.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::event::EventStatus;
use crate::registration::RegistrationStatus;

/// What became of one registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Checked in at the door.
    Came,
    /// Held a seat to the end and was not checked in.
    DidNotCome,
    /// Let the place go before the event started.
    ReleasedInTime,
    /// Let the place go after the start.
    ReleasedLate,
    /// Waited (or was offered a seat) and never held one.
    NoSeat,
    /// The organisers cancelled the event.
    EventCancelled,
    /// Still to come.
    Upcoming,
}

/// One registration's facts, as stored.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub status: RegistrationStatus,
    pub checked_in: bool,
    /// When the registration last changed (for a released place: when).
    pub changed_at: DateTime<Utc>,
    pub event_status: EventStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

pub fn outcome(p: &Place, now: DateTime<Utc>) -> Outcome {
    if p.checked_in {
        return Outcome::Came;
    }
    if p.event_status == EventStatus::Cancelled {
        return Outcome::EventCancelled;
    }
    let over = p.event_status == EventStatus::Completed || p.ends_at <= now;
    match p.status {
        RegistrationStatus::Cancelled if p.changed_at < p.starts_at => Outcome::ReleasedInTime,
        RegistrationStatus::Cancelled => Outcome::ReleasedLate,
        _ if !over => Outcome::Upcoming,
        RegistrationStatus::Confirmed => Outcome::DidNotCome,
        RegistrationStatus::Waitlisted | RegistrationStatus::Offered => Outcome::NoSeat,
    }
}

/// A member's record over their places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    pub came: u32,
    pub did_not_come: u32,
    pub released_in_time: u32,
    pub released_late: u32,
    pub no_seat: u32,
    pub event_cancelled: u32,
    pub upcoming: u32,
}

impl Record {
    pub fn of(places: &[Place], now: DateTime<Utc>) -> Self {
        let mut r = Self::default();
        for p in places {
            match outcome(p, now) {
                Outcome::Came => r.came += 1,
                Outcome::DidNotCome => r.did_not_come += 1,
                Outcome::ReleasedInTime => r.released_in_time += 1,
                Outcome::ReleasedLate => r.released_late += 1,
                Outcome::NoSeat => r.no_seat += 1,
                Outcome::EventCancelled => r.event_cancelled += 1,
                Outcome::Upcoming => r.upcoming += 1,
            }
        }
        r
    }

    /// Past events where they held a seat to the end: came or not.
    pub fn held_to_the_end(&self) -> u32 {
        self.came + self.did_not_come
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn place(status: RegistrationStatus, checked_in: bool, event: EventStatus, days_ago: i64) -> Place {
        let now = now();
        let starts_at = now - Duration::days(days_ago);
        Place {
            status,
            checked_in,
            changed_at: starts_at - Duration::days(2),
            event_status: event,
            starts_at,
            ends_at: starts_at + Duration::hours(2),
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2030-05-10T12:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn ug14_each_place_says_what_became_of_it() {
        use EventStatus as E;
        use RegistrationStatus as R;
        let n = now();
        assert_eq!(outcome(&place(R::Confirmed, true, E::Completed, 3), n), Outcome::Came);
        assert_eq!(outcome(&place(R::Confirmed, false, E::Completed, 3), n), Outcome::DidNotCome);
        assert_eq!(
            outcome(&place(R::Confirmed, false, E::Published, 3), n),
            Outcome::DidNotCome,
            "over, not yet closed"
        );
        assert_eq!(outcome(&place(R::Confirmed, false, E::Published, -3), n), Outcome::Upcoming);
        assert_eq!(outcome(&place(R::Cancelled, false, E::Completed, 3), n), Outcome::ReleasedInTime);
        let mut late = place(R::Cancelled, false, E::Completed, 3);
        late.changed_at = late.starts_at + Duration::minutes(30);
        assert_eq!(outcome(&late, n), Outcome::ReleasedLate);
        assert_eq!(outcome(&place(R::Waitlisted, false, E::Completed, 3), n), Outcome::NoSeat);
        assert_eq!(outcome(&place(R::Offered, false, E::Completed, 3), n), Outcome::NoSeat);
        assert_eq!(outcome(&place(R::Confirmed, false, E::Cancelled, 3), n), Outcome::EventCancelled);
    }

    #[test]
    fn ug14_a_record_counts_every_place_once() {
        use EventStatus as E;
        use RegistrationStatus as R;
        let places = [
            place(R::Confirmed, true, E::Completed, 30),
            place(R::Confirmed, true, E::Completed, 20),
            place(R::Confirmed, false, E::Completed, 10),
            place(R::Cancelled, false, E::Completed, 5),
            place(R::Confirmed, false, E::Published, -5),
        ];
        let r = Record::of(&places, now());
        assert_eq!((r.came, r.did_not_come, r.released_in_time, r.upcoming), (2, 1, 1, 1));
        assert_eq!(r.held_to_the_end(), 3);
        assert!(Record::of(&[], now()).is_empty());
    }
}
