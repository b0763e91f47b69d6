//! A member's place at an event (UG-14): confirmed, waiting, offered a
//! freed seat (UG-18), or cancelled, with the ticket code shown at the door.

use std::fmt;

use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    Confirmed,
    Waitlisted,
    /// UG-18: offered a freed seat until a deadline; the seat is held.
    Offered,
    Cancelled,
}

impl RegistrationStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Waitlisted => "waitlisted",
            Self::Offered => "offered",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw {
            "confirmed" => Ok(Self::Confirmed),
            "waitlisted" => Ok(Self::Waitlisted),
            "offered" => Ok(Self::Offered),
            "cancelled" => Ok(Self::Cancelled),
            _ => Err(DomainError::field("status", "status_invalid")),
        }
    }

    /// Confirmed and waiting registrations hold a place; only one such
    /// registration per member and event may exist.
    pub fn is_active(&self) -> bool {
        !matches!(self, Self::Cancelled)
    }

    /// UG-14: a cancelled confirmed seat goes to the first person waiting;
    /// UG-18: so does a seat on offer that its person declines.
    pub fn frees_a_seat(&self) -> bool {
        self.holds_a_seat()
    }

    /// UG-18: a seat on offer counts against capacity like a confirmed one.
    pub fn holds_a_seat(&self) -> bool {
        matches!(self, Self::Confirmed | Self::Offered)
    }

    /// A place can be given up until its holder is let in at the door:
    /// after that they attended, and attendance (UG-10's held events and
    /// trends) must not be undone by a late cancellation.
    pub fn cancel(&self, checked_in: bool) -> Result<(), DomainError> {
        if checked_in {
            Err(DomainError::CheckedInAlready)
        } else {
            Ok(())
        }
    }

    /// Only a confirmed attendee is let in at the door.
    pub fn check_in(&self) -> Result<(), DomainError> {
        match self {
            Self::Confirmed => Ok(()),
            _ => Err(DomainError::TicketInvalid),
        }
    }
}

/// PL-13: what a ticket truthfully says now. A place on a cancelled or
/// finished event is not "see you there", and only a place someone can
/// still use at the door carries its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    /// A seat at an event still to come (or under way).
    Expected,
    /// In line for a seat at an event still to come.
    Waiting,
    /// UG-18: a seat is theirs if they claim it before the deadline.
    Offered,
    /// Let in at the door.
    CheckedIn,
    /// The group cancelled the event.
    EventCancelled,
    /// The holder (or a leader) gave the place up.
    GivenUp,
    /// The event is over and the holder was not checked in.
    Ended,
}

impl TicketState {
    pub fn of(
        place: RegistrationStatus,
        checked_in: bool,
        event: crate::event::EventStatus,
        ends_at: chrono::DateTime<chrono::Utc>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Self {
        use crate::event::EventStatus as E;
        if checked_in {
            Self::CheckedIn
        } else if event == E::Cancelled {
            Self::EventCancelled
        } else if place == RegistrationStatus::Cancelled {
            Self::GivenUp
        } else if event == E::Completed || ends_at <= now {
            Self::Ended
        } else if place == RegistrationStatus::Waitlisted {
            Self::Waiting
        } else if place == RegistrationStatus::Offered {
            Self::Offered
        } else {
            Self::Expected
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::Waiting => "waiting",
            Self::Offered => "offered",
            Self::CheckedIn => "checked_in",
            Self::EventCancelled => "event_cancelled",
            Self::GivenUp => "given_up",
            Self::Ended => "ended",
        }
    }

    /// Whether the ticket's code and QR image are still of use.
    pub fn shows_code(self) -> bool {
        matches!(self, Self::Expected | Self::CheckedIn)
    }
}

/// The code on a ticket, typed by a leader at the door or read from its QR
/// image: 8 characters from an alphabet without look-alikes (no 0/O, 1/I).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TicketCode(String);

const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

impl TicketCode {
    pub const LEN: usize = 8;

    pub fn generate() -> Self {
        let mut rng = rand::thread_rng();
        Self((0..Self::LEN).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect())
    }

    /// Accepts what a person types: any case, with spaces or a hyphen.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let s: String =
            raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        if s.len() == Self::LEN && s.bytes().all(|b| ALPHABET.contains(&b)) {
            Ok(Self(s))
        } else {
            Err(DomainError::field("ticket_code", "ticket_code_invalid"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Shown in two halves, `ABCD-EFGH`, easier to read aloud.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..4], &self.0[4..])
    }
}

impl fmt::Debug for TicketCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TicketCode(…)")
    }
}

impl TryFrom<String> for TicketCode {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TicketCode> for String {
    fn from(value: TicketCode) -> Self {
        value.0
    }
}

/// UG-14: who a leader's message to an event's registrants goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Everyone registered: confirmed and waiting.
    All,
    Confirmed,
    Waiting,
    /// Those let in at the door (a thank-you, the slides).
    CheckedIn,
}

impl Audience {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "all" | "" => Ok(Self::All),
            "confirmed" => Ok(Self::Confirmed),
            "waiting" => Ok(Self::Waiting),
            "checked_in" => Ok(Self::CheckedIn),
            _ => Err(DomainError::field("audience", "audience_invalid")),
        }
    }

    /// Whether a registration in `status`, checked in or not, hears it.
    /// Cancelled places never do.
    pub fn includes(&self, status: RegistrationStatus, checked_in: bool) -> bool {
        use RegistrationStatus as S;
        match self {
            Self::All => matches!(status, S::Confirmed | S::Waitlisted),
            Self::Confirmed => status == S::Confirmed,
            Self::Waiting => status == S::Waitlisted,
            Self::CheckedIn => status == S::Confirmed && checked_in,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pl13_a_ticket_says_what_is_true_now() {
        use crate::event::EventStatus as E;
        use RegistrationStatus as S;
        let now: chrono::DateTime<chrono::Utc> = "2026-12-02T18:00:00Z".parse().unwrap_or_default();
        let later = now + chrono::Duration::hours(3);
        let before = now - chrono::Duration::hours(1);
        let state = |p, c, e, end| TicketState::of(p, c, e, end, now);
        assert_eq!(state(S::Confirmed, false, E::Published, later), TicketState::Expected);
        assert_eq!(state(S::Waitlisted, false, E::Published, later), TicketState::Waiting);
        assert_eq!(state(S::Confirmed, true, E::Published, later), TicketState::CheckedIn);
        assert_eq!(state(S::Confirmed, true, E::Completed, before), TicketState::CheckedIn, "came: stays true");
        assert_eq!(state(S::Confirmed, false, E::Cancelled, later), TicketState::EventCancelled);
        assert_eq!(state(S::Waitlisted, false, E::Cancelled, later), TicketState::EventCancelled);
        assert_eq!(state(S::Cancelled, false, E::Cancelled, later), TicketState::EventCancelled);
        assert_eq!(state(S::Cancelled, false, E::Published, later), TicketState::GivenUp);
        assert_eq!(state(S::Confirmed, false, E::Published, before), TicketState::Ended, "over, not completed yet");
        assert_eq!(state(S::Confirmed, false, E::Completed, later), TicketState::Ended);
        assert_eq!(state(S::Waitlisted, false, E::Published, before), TicketState::Ended);
        assert_eq!(state(S::Confirmed, false, E::Published, now), TicketState::Ended, "ends_at is exclusive");
        for s in [TicketState::Waiting, TicketState::EventCancelled, TicketState::GivenUp, TicketState::Ended] {
            assert!(!s.shows_code(), "{s:?}");
        }
        assert!(TicketState::Expected.shows_code() && TicketState::CheckedIn.shows_code());
    }

    #[test]
    fn ug14_a_leaders_message_reaches_the_chosen_registrants_and_never_a_cancelled_place() {
        use RegistrationStatus as S;
        let cases = [
            (Audience::All, [true, true, true, false]),
            (Audience::Confirmed, [true, true, false, false]),
            (Audience::Waiting, [false, false, true, false]),
            (Audience::CheckedIn, [false, true, false, false]),
        ];
        for (a, want) in cases {
            let got = [
                a.includes(S::Confirmed, false),
                a.includes(S::Confirmed, true),
                a.includes(S::Waitlisted, false),
                a.includes(S::Cancelled, true),
            ];
            assert_eq!(got, want, "{a:?}");
        }
        assert_eq!(Audience::parse("everyone"), Err(DomainError::field("audience", "audience_invalid")));
        assert_eq!(Audience::parse("checked_in"), Ok(Audience::CheckedIn));
    }

    #[test]
    fn ug14_ticket_codes_survive_typing() {
        let code = TicketCode::generate();
        let typed = code.display().to_ascii_lowercase();
        assert_eq!(TicketCode::parse(&typed).as_ref(), Ok(&code));
        assert_eq!(TicketCode::parse(&format!(" {} ", code.as_str())).as_ref(), Ok(&code));
        for bad in ["", "ABCD", "ABCD-EFGH-J", "ABCD-EF0H", "ABCD-EFIH"] {
            assert!(TicketCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ug14_only_confirmed_attendees_check_in() {
        assert!(RegistrationStatus::Confirmed.check_in().is_ok());
        assert_eq!(RegistrationStatus::Waitlisted.check_in(), Err(DomainError::TicketInvalid));
        assert_eq!(RegistrationStatus::Cancelled.check_in(), Err(DomainError::TicketInvalid));
        assert_eq!(RegistrationStatus::Confirmed.cancel(true), Err(DomainError::CheckedInAlready));
        assert_eq!(RegistrationStatus::Confirmed.cancel(false), Ok(()));
        assert_eq!(RegistrationStatus::Waitlisted.cancel(false), Ok(()));
        assert!(RegistrationStatus::Confirmed.frees_a_seat());
        assert!(!RegistrationStatus::Waitlisted.frees_a_seat());
        for s in [RegistrationStatus::Confirmed, RegistrationStatus::Waitlisted, RegistrationStatus::Cancelled] {
            assert_eq!(RegistrationStatus::parse(s.as_str()), Ok(s));
        }
    }
}
