//! Code-of-conduct reports (UG-8). Who may read a report is decided in
//! `access` (`HandleConductReport`); this module holds what a report is and
//! how it moves: received, investigating, then resolved or dismissed.

use serde::{Deserialize, Serialize};

use crate::values::{EmailAddress, LongText};
use crate::DomainError;

/// The behaviour the code of conduct does not accept, in the order the
/// page lists it. Each has a translated title and explanation
/// (`conduct-<key>`); recruitment is among them (UG-8).
pub const UNACCEPTED_BEHAVIOUR: [&str; 7] =
    ["harassment", "discrimination", "recruitment", "sales-pitches", "intimidation", "unwanted-contact", "privacy"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Received,
    Investigating,
    Resolved,
    Dismissed,
}

impl ReportStatus {
    pub const ALL: [ReportStatus; 4] = [Self::Received, Self::Investigating, Self::Resolved, Self::Dismissed];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Investigating => "investigating",
            Self::Resolved => "resolved",
            Self::Dismissed => "dismissed",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim()).ok_or(DomainError::field("status", "status_invalid"))
    }

    /// Resolved and dismissed reports are closed; the reporter is told.
    pub fn is_closed(&self) -> bool {
        matches!(self, Self::Resolved | Self::Dismissed)
    }

    /// UG-8: received → investigating → resolved or dismissed; a received
    /// report may be closed at once. Closed is final. Staying put is
    /// allowed so a note can be added without a move.
    pub fn move_to(self, to: ReportStatus) -> Result<ReportStatus, DomainError> {
        use ReportStatus::*;
        match (self, to) {
            (a, b) if a == b && !a.is_closed() => Ok(to),
            (Received, Investigating | Resolved | Dismissed) | (Investigating, Resolved | Dismissed) => Ok(to),
            _ => Err(DomainError::StateConflict { what: "report", from: self.as_str(), to: to.as_str() }),
        }
    }
}

/// A new report as the reporter writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReport {
    pub description: LongText,
    /// UG-8: set when the incident concerns one of the group's leaders; the
    /// report then reaches only the community manager and program staff.
    pub concerns_leader: bool,
    /// Only to tell the reporter it arrived and when it closed.
    pub reporter_email: Option<EmailAddress>,
}

/// Raw report fields from a form or JSON body.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ReportFields {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub concerns_leader: bool,
    #[serde(default)]
    pub email: String,
}

impl NewReport {
    pub fn parse(f: &ReportFields) -> Result<Self, DomainError> {
        let description = LongText::parse(&f.description, "description", true);
        let email = match f.email.trim() {
            "" => Ok(None),
            raw => EmailAddress::parse(raw).map(Some),
        };
        DomainError::collect([description.clone().err(), email.clone().err()])?;
        Ok(Self { description: description?, concerns_leader: f.concerns_leader, reporter_email: email? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReportStatus::*;

    #[test]
    fn ug8_recruitment_is_named_as_not_accepted() {
        assert!(UNACCEPTED_BEHAVIOUR.contains(&"recruitment"));
    }

    #[test]
    fn ug8_reports_move_forward_and_close_for_good() {
        assert_eq!(Received.move_to(Investigating), Ok(Investigating));
        assert_eq!(Received.move_to(Dismissed), Ok(Dismissed));
        assert_eq!(Investigating.move_to(Resolved), Ok(Resolved));
        assert_eq!(Investigating.move_to(Investigating), Ok(Investigating));
        assert!(Investigating.move_to(Received).is_err());
        for closed in [Resolved, Dismissed] {
            for to in ReportStatus::ALL {
                assert!(closed.move_to(to).is_err(), "{closed:?} -> {to:?}");
            }
        }
        assert!(Resolved.is_closed() && Dismissed.is_closed() && !Investigating.is_closed());
    }

    #[test]
    fn ug8_anyone_reports_with_or_without_an_email() {
        let anon = NewReport::parse(&ReportFields {
            description: "He kept handing out job offers.".into(),
            ..Default::default()
        });
        assert_eq!(anon.map(|r| r.reporter_email), Ok(None));
        let bad = NewReport::parse(&ReportFields { email: "not-an-email".into(), ..Default::default() });
        let Err(DomainError::Invalid(errs)) = bad else { panic!("accepted") };
        assert_eq!(errs.iter().map(|e| e.field).collect::<Vec<_>>(), ["description", "email"]);
    }
}
