//! UG-18: waiting-list offers. Per event, a freed seat goes to the first
//! person waiting at once (automatic, UG-14's rule), or is offered to them
//! until a deadline: they claim it with one click, and when the deadline
//! passes unclaimed the offer passes to the next person. A seat on offer
//! is held: it counts against capacity like a confirmed one, so an event
//! is never overbooked while offers are open.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::registration::RegistrationStatus;
use crate::DomainError;

/// How an event fills a freed seat.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitlistMode {
    /// The first person waiting gets the seat at once.
    #[default]
    Automatic,
    /// The first person waiting is offered the seat until a deadline.
    Offers,
}

impl WaitlistMode {
    pub const ALL: [Self; 2] = [Self::Automatic, Self::Offers];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Automatic => "automatic",
            Self::Offers => "offers",
        }
    }

    /// From a form or a request; blank is the default.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "" | "automatic" => Ok(Self::Automatic),
            "offers" => Ok(Self::Offers),
            _ => Err(DomainError::field("waitlist_mode", "waitlist_mode_invalid")),
        }
    }
}

/// How long an offer stays open (the settings' bounds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OfferWindow {
    /// Far from the event: at most this long.
    pub longest: Duration,
    /// Close to it: at least this long, unless the start comes first.
    pub shortest: Duration,
}

/// What to do with one freed seat now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Give it to the next person at once.
    Promote,
    /// Offer it to the next person until `until`.
    Offer { until: DateTime<Utc> },
}

/// How a freed seat is filled at `now` for an event starting at
/// `starts_at`. An offer lasts a quarter of the time left before the
/// start, within the window's bounds, and never past the start; once the
/// event has started there is no time to wait for an answer, so the seat
/// goes to the next person at once.
pub fn fill(mode: WaitlistMode, window: OfferWindow, now: DateTime<Utc>, starts_at: DateTime<Utc>) -> Fill {
    if mode == WaitlistMode::Automatic || now >= starts_at {
        return Fill::Promote;
    }
    let left = starts_at - now;
    let quarter = left / 4;
    let length = quarter.clamp(window.shortest.min(window.longest), window.longest);
    Fill::Offer { until: (now + length).min(starts_at) }
}

/// A claim is accepted from the person offered the seat while the offer
/// is open; afterwards the seat may already be someone else's.
pub fn check_claim(
    status: RegistrationStatus,
    expires_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    match (status, expires_at) {
        (RegistrationStatus::Offered, Some(until)) if now < until => Ok(()),
        _ => Err(DomainError::OfferClosed),
    }
}

/// Whether an open offer's deadline has passed (the job passes it on).
pub fn expired(status: RegistrationStatus, expires_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    status == RegistrationStatus::Offered && expires_at.is_some_and(|until| now >= until)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const WINDOW: OfferWindow = OfferWindow { longest: Duration::hours(24), shortest: Duration::minutes(30) };

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn ug18_automatic_promotes_at_once() {
        let start = at("2030-05-10T18:00:00Z");
        assert_eq!(fill(WaitlistMode::Automatic, WINDOW, start - Duration::days(5), start), Fill::Promote);
    }

    #[test]
    fn ug18_an_offer_is_shorter_as_the_event_nears_and_never_past_the_start() {
        let start = at("2030-05-10T18:00:00Z");
        let offer = |before: Duration| match fill(WaitlistMode::Offers, WINDOW, start - before, start) {
            Fill::Offer { until } => until - (start - before),
            Fill::Promote => panic!("an offer"),
        };
        assert_eq!(offer(Duration::days(10)), Duration::hours(24), "far away: the longest");
        assert_eq!(offer(Duration::hours(8)), Duration::hours(2), "a quarter of what is left");
        assert_eq!(offer(Duration::hours(1)), Duration::minutes(30), "at least the shortest");
        assert_eq!(offer(Duration::minutes(10)), Duration::minutes(10), "but never past the start");
        assert_eq!(fill(WaitlistMode::Offers, WINDOW, start, start), Fill::Promote, "under way: at once");
        assert_eq!(fill(WaitlistMode::Offers, WINDOW, start + Duration::minutes(5), start), Fill::Promote);
    }

    #[test]
    fn ug18_a_claim_holds_only_while_the_offer_is_open() {
        let now = at("2030-05-09T18:00:00Z");
        let until = Some(now + Duration::hours(1));
        assert!(check_claim(RegistrationStatus::Offered, until, now).is_ok());
        assert_eq!(
            check_claim(RegistrationStatus::Offered, until, now + Duration::hours(1)),
            Err(DomainError::OfferClosed)
        );
        assert_eq!(check_claim(RegistrationStatus::Waitlisted, until, now), Err(DomainError::OfferClosed));
        assert_eq!(check_claim(RegistrationStatus::Confirmed, None, now), Err(DomainError::OfferClosed));
        assert!(expired(RegistrationStatus::Offered, until, now + Duration::hours(2)));
        assert!(!expired(RegistrationStatus::Offered, until, now));
        assert!(!expired(RegistrationStatus::Confirmed, until, now + Duration::hours(2)));
    }

    #[test]
    fn ug18_modes_parse_with_a_clear_refusal() {
        for m in WaitlistMode::ALL {
            assert_eq!(WaitlistMode::parse(m.as_str()), Ok(m));
        }
        assert_eq!(WaitlistMode::parse(""), Ok(WaitlistMode::Automatic));
        assert!(WaitlistMode::parse("lottery").is_err());
    }
}
