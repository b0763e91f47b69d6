//! Session review (UG-6): sessions are technical, never sales pitches. A
//! community manager can require review of a group's or an event's
//! sessions; each is then approved or sent back against a checklist, and
//! the event cannot be published until every session is approved.

use serde::{Deserialize, Serialize};

use crate::values::LongText;
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Pending,
    Approved,
    ChangesRequested,
}

impl ReviewStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::ChangesRequested => "changes_requested",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "pending" => Ok(Self::Pending),
            "approved" => Ok(Self::Approved),
            "changes_requested" => Ok(Self::ChangesRequested),
            _ => Err(DomainError::field("status", "status_invalid")),
        }
    }
}

/// The checklist items, in the order reviewers see them (UG-6).
pub const CHECKLIST: [&str; 4] = ["neutral_template", "no_sales_pitch", "no_recruitment", "no_brand_promotion"];

/// What the reviewer ticked: which checklist items the session meets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Checklist {
    #[serde(default)]
    pub neutral_template: bool,
    #[serde(default)]
    pub no_sales_pitch: bool,
    #[serde(default)]
    pub no_recruitment: bool,
    #[serde(default)]
    pub no_brand_promotion: bool,
}

impl Checklist {
    /// The items not met, by name.
    pub fn unmet(&self) -> Vec<&'static str> {
        let met = [self.neutral_template, self.no_sales_pitch, self.no_recruitment, self.no_brand_promotion];
        CHECKLIST.iter().zip(met).filter(|(_, ok)| !ok).map(|(k, _)| *k).collect()
    }

    /// Stored as the comma-separated names of the items met.
    pub fn to_text(&self) -> String {
        let unmet = self.unmet();
        CHECKLIST.iter().filter(|k| !unmet.contains(k)).copied().collect::<Vec<_>>().join(",")
    }

    pub fn from_text(raw: &str) -> Self {
        let has = |k: &str| raw.split(',').any(|p| p.trim() == k);
        Self {
            neutral_template: has("neutral_template"),
            no_sales_pitch: has("no_sales_pitch"),
            no_recruitment: has("no_recruitment"),
            no_brand_promotion: has("no_brand_promotion"),
        }
    }
}

/// The reviewer's decision on one session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Approve,
    RequestChanges,
}

/// UG-6: approval needs every checklist item met; sending back needs a
/// note that tells the speaker what to change.
pub fn decide(verdict: Verdict, checklist: &Checklist, notes: &str) -> Result<(ReviewStatus, LongText), DomainError> {
    let notes = LongText::parse(notes, "notes", verdict == Verdict::RequestChanges)?;
    match verdict {
        Verdict::Approve if checklist.unmet().is_empty() => Ok((ReviewStatus::Approved, notes)),
        Verdict::Approve => Err(DomainError::field("checklist", "checklist_incomplete")),
        Verdict::RequestChanges => Ok((ReviewStatus::ChangesRequested, notes)),
    }
}

/// UG-6: an event under review is published only when every session is
/// approved.
pub fn check_publishable(review_required: bool, sessions: &[ReviewStatus]) -> Result<(), DomainError> {
    let pending = sessions.iter().filter(|s| **s != ReviewStatus::Approved).count();
    if review_required && pending > 0 {
        Err(DomainError::SessionsNotApproved { pending: u32::try_from(pending).unwrap_or(u32::MAX) })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_met() -> Checklist {
        Checklist { neutral_template: true, no_sales_pitch: true, no_recruitment: true, no_brand_promotion: true }
    }

    #[test]
    fn ug6_approval_needs_the_whole_checklist() {
        assert_eq!(decide(Verdict::Approve, &all_met(), "").map(|d| d.0), Ok(ReviewStatus::Approved));
        let pitch = Checklist { no_sales_pitch: false, ..all_met() };
        assert_eq!(pitch.unmet(), ["no_sales_pitch"]);
        assert_eq!(decide(Verdict::Approve, &pitch, ""), Err(DomainError::field("checklist", "checklist_incomplete")));
    }

    #[test]
    fn ug6_changes_requested_says_what_to_change() {
        assert_eq!(
            decide(Verdict::RequestChanges, &Checklist::default(), " "),
            Err(DomainError::field("notes", "required"))
        );
        let d =
            decide(Verdict::RequestChanges, &Checklist::default(), "Use the neutral template, drop the pricing slide.");
        assert_eq!(d.map(|d| d.0), Ok(ReviewStatus::ChangesRequested));
    }

    #[test]
    fn ug6_event_under_review_waits_for_every_session() {
        use ReviewStatus::*;
        assert_eq!(
            check_publishable(true, &[Approved, Pending, ChangesRequested]),
            Err(DomainError::SessionsNotApproved { pending: 2 })
        );
        assert_eq!(check_publishable(true, &[Approved, Approved]), Ok(()));
        assert_eq!(check_publishable(false, &[Pending]), Ok(()));
        assert_eq!(check_publishable(true, &[]), Ok(()));
    }

    #[test]
    fn ug6_checklist_round_trips_through_storage_text() {
        let c = Checklist { no_recruitment: false, ..all_met() };
        assert_eq!(c.to_text(), "neutral_template,no_sales_pitch,no_brand_promotion");
        assert_eq!(Checklist::from_text(&c.to_text()), c);
        assert_eq!(Checklist::from_text(""), Checklist::default());
    }
}
