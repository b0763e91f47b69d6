//! Applications to a program (CH-6): draft, submitted, screening, then
//! not-selected or interview, interviewed, and accepted or declined. No
//! stage is ever skipped; one open application per member and program.

use serde::{Deserialize, Serialize};

use crate::access::Role;
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Draft,
    Submitted,
    Screening,
    NotSelected,
    Interview,
    Interviewed,
    Accepted,
    Declined,
    /// The applicant withdrew before the decision.
    Withdrawn,
}

/// What someone asks of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The applicant submits (thank-you page and email).
    Submit,
    /// Staff start screening.
    Screen,
    /// Screening failed: the email names each unmet criterion.
    NotSelect,
    /// Screening passed (CH-5): a manager proposes interview times.
    Invite,
    /// The interview happened; notes on interests, motivations, expectations.
    RecordInterview,
    Accept,
    Decline,
    /// The applicant withdraws, at any stage before the decision.
    Withdraw,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Self::Draft,
        Self::Submitted,
        Self::Screening,
        Self::NotSelected,
        Self::Interview,
        Self::Interviewed,
        Self::Accepted,
        Self::Declined,
        Self::Withdrawn,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Screening => "screening",
            Self::NotSelected => "not_selected",
            Self::Interview => "interview",
            Self::Interviewed => "interviewed",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim()).ok_or(DomainError::field("stage", "stage_invalid"))
    }

    /// Open applications block a second one for the same program.
    /// CH-6: the applicant edits what they apply with until they submit;
    /// after that the reviewers judge what was sent.
    pub fn check_editable(&self) -> Result<(), DomainError> {
        match self {
            Self::Draft => Ok(()),
            other => Err(DomainError::StateConflict { what: "application", from: other.as_str(), to: "draft" }),
        }
    }

    pub fn is_open(&self) -> bool {
        !matches!(self, Self::NotSelected | Self::Accepted | Self::Declined | Self::Withdrawn)
    }

    /// CH-6: interview times are proposed and picked only while the
    /// application waits for its interview.
    pub fn check_scheduling(self) -> Result<(), DomainError> {
        if self == Self::Interview {
            Ok(())
        } else {
            Err(DomainError::StateConflict { what: "application", from: self.as_str(), to: "interview" })
        }
    }

    /// CH-6: staff name (or change) the interviewer from submission until
    /// the interview is recorded; the named person must be a community
    /// manager, since they interview applicants (the roles of SPEC).
    pub fn check_interviewer(self, named: Option<&[Role]>) -> Result<(), DomainError> {
        if !matches!(self, Self::Submitted | Self::Screening | Self::Interview) {
            return Err(DomainError::StateConflict { what: "application", from: self.as_str(), to: "interviewer" });
        }
        match named {
            Some(roles) if !roles.iter().any(|r| matches!(r, Role::CommunityManager(_))) => {
                Err(DomainError::field("interviewer", "interviewer_not_manager"))
            }
            _ => Ok(()),
        }
    }

    /// CH-6: the only moves there are.
    pub fn apply(self, step: Step) -> Result<Stage, DomainError> {
        use Stage as S;
        use Step as T;
        let to = match (self, step) {
            (S::Draft, T::Submit) => S::Submitted,
            (S::Submitted, T::Screen) => S::Screening,
            (S::Screening, T::NotSelect) => S::NotSelected,
            (S::Screening, T::Invite) => S::Interview,
            (S::Interview, T::RecordInterview) => S::Interviewed,
            (S::Interviewed, T::Accept) => S::Accepted,
            (S::Interviewed, T::Decline) => S::Declined,
            // CH-6: the applicant may step back at any open stage.
            (from, T::Withdraw) if from.is_open() => S::Withdrawn,
            _ => {
                let to = match step {
                    T::Submit => "submitted",
                    T::Screen => "screening",
                    T::NotSelect => "not_selected",
                    T::Invite => "interview",
                    T::RecordInterview => "interviewed",
                    T::Accept => "accepted",
                    T::Decline => "declined",
                    T::Withdraw => "withdrawn",
                };
                return Err(DomainError::StateConflict { what: "application", from: self.as_str(), to });
            }
        };
        Ok(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ch6_an_interviewer_is_a_community_manager_named_before_the_interview_is_recorded() {
        let manager = [Role::CommunityManager(crate::ids::RegionId::new())];
        for s in [Stage::Submitted, Stage::Screening, Stage::Interview] {
            assert_eq!(s.check_interviewer(Some(&manager)), Ok(()), "{s:?}");
            assert_eq!(s.check_interviewer(None), Ok(()), "{s:?}: staff may take it back");
            assert_eq!(
                s.check_interviewer(Some(&[Role::ProgramStaff])),
                Err(DomainError::field("interviewer", "interviewer_not_manager"))
            );
        }
        for s in
            [Stage::Draft, Stage::Interviewed, Stage::Accepted, Stage::Declined, Stage::Withdrawn, Stage::NotSelected]
        {
            assert!(matches!(s.check_interviewer(Some(&manager)), Err(DomainError::StateConflict { .. })), "{s:?}");
        }
    }

    #[test]
    fn ch6_only_a_draft_is_edited() {
        assert_eq!(Stage::Draft.check_editable(), Ok(()));
        for s in [Stage::Submitted, Stage::Screening, Stage::Interview, Stage::Accepted, Stage::Withdrawn] {
            assert!(s.check_editable().is_err(), "{s:?}");
        }
    }
    use Stage as S;
    use Step as T;

    #[test]
    fn ch6_interview_times_only_while_waiting_for_the_interview() {
        for s in Stage::ALL {
            assert_eq!(s.check_scheduling().is_ok(), s == S::Interview, "{s:?}");
        }
    }

    const STEPS: [Step; 7] = [T::Submit, T::Screen, T::NotSelect, T::Invite, T::RecordInterview, T::Accept, T::Decline];

    #[test]
    fn ch6_accepted_path_and_not_selected_path() {
        let mut s = S::Draft;
        for step in [T::Submit, T::Screen, T::Invite, T::RecordInterview, T::Accept] {
            s = s.apply(step).unwrap_or_else(|e| panic!("{step:?}: {e}"));
        }
        assert_eq!(s, S::Accepted);
        assert_eq!(S::Screening.apply(T::NotSelect), Ok(S::NotSelected));
        assert_eq!(S::Interviewed.apply(T::Decline), Ok(S::Declined));
    }

    #[test]
    fn ch6_no_stage_is_ever_skipped() {
        // Every allowed move goes to the next stage in the order; no other move exists.
        let order = |s: Stage| match s {
            S::Draft => 0,
            S::Submitted => 1,
            S::Screening => 2,
            S::NotSelected | S::Interview => 3,
            S::Interviewed => 4,
            S::Accepted | S::Declined => 5,
            S::Withdrawn => 6,
        };
        let mut allowed = 0;
        for from in Stage::ALL {
            for step in STEPS {
                if let Ok(to) = from.apply(step) {
                    allowed += 1;
                    assert_eq!(order(to), order(from) + 1, "{from:?} --{step:?}--> {to:?}");
                }
            }
        }
        assert_eq!(allowed, 7);
        for done in [S::NotSelected, S::Accepted, S::Declined, S::Withdrawn] {
            assert!(!done.is_open());
            assert!(STEPS.iter().all(|step| done.apply(*step).is_err()));
            assert!(done.apply(T::Withdraw).is_err(), "{done:?} is decided");
        }
    }

    #[test]
    fn ch6_the_applicant_withdraws_at_any_open_stage_and_never_after() {
        for s in Stage::ALL {
            assert_eq!(s.apply(T::Withdraw).is_ok(), s.is_open(), "{s:?}");
        }
        assert_eq!(S::Interviewed.apply(T::Withdraw), Ok(S::Withdrawn));
        assert!(!S::Withdrawn.is_open(), "a new application can follow");
    }
}
