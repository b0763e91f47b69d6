//! Which emails a member may turn off (PL-4, UG-15): reminders before
//! events and organizers' announcements are a convenience, so each carries
//! a one-click unsubscribe (RFC 8058) and obeys the member's preferences.
//! Everything else is essential (a registration, a change of time or
//! place, an account link, a decision) and always goes out.

use serde::{Deserialize, Serialize};

use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// UG-14: the reminder before an event one is registered for.
    Reminders,
    /// UG-17: what a group's leaders write to their registrants, and
    /// UG-15: what the community team writes to leaders or program members.
    Announcements,
}

impl Topic {
    pub const ALL: [Topic; 2] = [Self::Reminders, Self::Announcements];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Reminders => "reminders",
            Self::Announcements => "announcements",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw.trim()).ok_or(DomainError::field("topic", "topic_unknown"))
    }

    /// The topic of an email kind, or None for an essential email.
    pub fn of_kind(kind: &str) -> Option<Self> {
        match kind {
            "reminder" => Some(Self::Reminders),
            "event-message" | "community-announcement" | "event-materials" => Some(Self::Announcements),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pl4_only_conveniences_can_be_turned_off() {
        assert_eq!(Topic::of_kind("reminder"), Some(Topic::Reminders));
        assert_eq!(Topic::of_kind("event-message"), Some(Topic::Announcements));
        for essential in ["registered", "event-changed", "event-cancelled", "sign-in-link", "claim-approved"] {
            assert_eq!(Topic::of_kind(essential), None, "{essential} always goes out");
        }
        for t in Topic::ALL {
            assert_eq!(Topic::parse(t.as_str()), Ok(t));
        }
        assert!(Topic::parse("everything").is_err());
    }
}
