//! Contributions (PL-2): one record of one kind each, with a date, a link,
//! kind-specific details, where it came from and whether it was verified.
//! CH-4 and CH-7 are computed from them (see `eligibility`), never typed in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::values::WebLink;
use crate::DomainError;

/// The six kinds of contribution (PL-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    ForumSolution,
    ForgeComponent,
    EventOrganized,
    SessionDelivered,
    ContentPiece,
    MentoringTestimonial,
}

impl ContributionKind {
    pub const ALL: [ContributionKind; 6] = [
        Self::ForumSolution,
        Self::ForgeComponent,
        Self::EventOrganized,
        Self::SessionDelivered,
        Self::ContentPiece,
        Self::MentoringTestimonial,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ForumSolution => "forum_solution",
            Self::ForgeComponent => "forge_component",
            Self::EventOrganized => "event_organized",
            Self::SessionDelivered => "session_delivered",
            Self::ContentPiece => "content_piece",
            Self::MentoringTestimonial => "mentoring_testimonial",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim()).ok_or(DomainError::field("kind", "kind_invalid"))
    }
}

/// Where a contribution came from (PL-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Computed from this platform: events held here, sessions delivered here.
    Derived,
    /// From a Discourse forum, a feed, a CSV file or the API (PL-3).
    Imported,
    /// Entered by the member.
    SelfReported,
}

impl Source {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Derived => "derived",
            Self::Imported => "imported",
            Self::SelfReported => "self_reported",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "derived" => Ok(Self::Derived),
            "imported" => Ok(Self::Imported),
            "self_reported" => Ok(Self::SelfReported),
            _ => Err(DomainError::field("source", "source_invalid")),
        }
    }
}

/// Whether program staff checked a contribution. Rejected ones never count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    Unverified,
    Verified,
    Rejected,
}

impl Verification {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Unverified => "unverified",
            Self::Verified => "verified",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "unverified" => Ok(Self::Unverified),
            "verified" => Ok(Self::Verified),
            "rejected" => Ok(Self::Rejected),
            _ => Err(DomainError::field("verification", "verification_invalid")),
        }
    }
}

/// PL-2: staff's verdict on one contribution: verified, or rejected with
/// a reason the member reads. A verdict may be changed (staff re-judge),
/// but never back to "unverified", and never the same twice.
pub fn check_verdict(current: Verification, to: Verification, reason: &str) -> Result<(), DomainError> {
    if to == Verification::Unverified {
        return Err(DomainError::field("verification", "verification_invalid"));
    }
    if to == Verification::Rejected && reason.trim().is_empty() {
        return Err(DomainError::field("reason", "rejection_reason_required"));
    }
    if current == to {
        return Err(DomainError::StateConflict { what: "contribution", from: current.as_str(), to: to.as_str() });
    }
    Ok(())
}

/// PL-2: a member changes or deletes only what they reported themselves;
/// imported and staff-entered records are the source's, derived ones are
/// computed.
pub fn check_own_edit(source: Source) -> Result<(), DomainError> {
    match source {
        Source::SelfReported => Ok(()),
        Source::Imported | Source::Derived => Err(DomainError::field("source", "self_reported_only")),
    }
}

/// A rating from 0.0 to 5.0, kept in tenths so comparisons are exact
/// (CH-4: Forge components are rated at least 4.0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rating(u8);

impl Rating {
    pub fn from_tenths(tenths: u8) -> Result<Self, DomainError> {
        if tenths > 50 {
            return Err(DomainError::field("rating", "rating_invalid"));
        }
        Ok(Self(tenths))
    }

    /// Parses "4", "4.0" or "4.5" (one decimal at most).
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let bad = || DomainError::field("rating", "rating_invalid");
        let s = raw.trim().replace(',', ".");
        let (whole, frac) = s.split_once('.').unwrap_or((&s, "0"));
        if frac.len() != 1 || whole.is_empty() {
            return Err(bad());
        }
        let whole: u8 = whole.parse().map_err(|_| bad())?;
        let frac: u8 = frac.parse().map_err(|_| bad())?;
        Self::from_tenths(whole.checked_mul(10).and_then(|w| w.checked_add(frac)).ok_or_else(bad)?)
    }

    pub fn tenths(&self) -> u8 {
        self.0
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0 / 10, self.0 % 10)
    }
}

/// The form of a content piece (CH-4 Technical content).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentFormat {
    BlogPost,
    MediumPost,
    HowTo,
    Video,
    Other,
}

impl ContentFormat {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::BlogPost => "blog_post",
            Self::MediumPost => "medium_post",
            Self::HowTo => "how_to",
            Self::Video => "video",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        [Self::BlogPost, Self::MediumPost, Self::HowTo, Self::Video, Self::Other]
            .into_iter()
            .find(|f| f.as_str() == raw.trim())
            .ok_or(DomainError::field("format", "format_invalid"))
    }
}

/// The details each kind carries (PL-2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Details {
    ForumSolution {
        /// Marked as the solution (the Discourse Solved plugin's flag).
        accepted: bool,
    },
    ForgeComponent {
        rating: Rating,
        platform_version: String,
        has_description: bool,
        has_screenshots: bool,
        has_docs: bool,
    },
    EventOrganized {
        /// True when the event was held here by a group the member leads.
        held_here: bool,
    },
    SessionDelivered {
        /// True when the session was part of an event held here.
        held_here: bool,
    },
    ContentPiece {
        format: ContentFormat,
    },
    MentoringTestimonial {
        /// An onboarding plan rather than a mentee's testimonial.
        onboarding_plan: bool,
    },
}

impl Details {
    pub fn kind(&self) -> ContributionKind {
        match self {
            Self::ForumSolution { .. } => ContributionKind::ForumSolution,
            Self::ForgeComponent { .. } => ContributionKind::ForgeComponent,
            Self::EventOrganized { .. } => ContributionKind::EventOrganized,
            Self::SessionDelivered { .. } => ContributionKind::SessionDelivered,
            Self::ContentPiece { .. } => ContributionKind::ContentPiece,
            Self::MentoringTestimonial { .. } => ContributionKind::MentoringTestimonial,
        }
    }
}

/// One contribution as the eligibility engine sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub details: Details,
    /// The day it happened (an answer accepted, a talk given), in UTC.
    pub date: NaiveDate,
    /// Evidence: the answer, the component, the recording, the post.
    pub link: Option<WebLink>,
    pub source: Source,
    pub verification: Verification,
}

impl Contribution {
    /// CH-4, PL-2: what the engine may count. Rejected evidence never
    /// counts. What a member typed about themselves counts only once staff
    /// verified it: otherwise anyone could make themselves eligible. Derived
    /// and imported records count unless rejected, subject to the area's
    /// own conditions.
    pub fn counts_at_all(&self) -> bool {
        !matches!(
            (self.source, self.verification),
            (_, Verification::Rejected) | (Source::SelfReported, Verification::Unverified)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pl2_staff_verify_or_reject_with_a_reason_and_may_re_judge() {
        use Verification as V;
        assert_eq!(check_verdict(V::Unverified, V::Verified, ""), Ok(()));
        assert_eq!(
            check_verdict(V::Unverified, V::Rejected, " "),
            Err(DomainError::field("reason", "rejection_reason_required"))
        );
        assert_eq!(check_verdict(V::Unverified, V::Rejected, "Not the member's answer"), Ok(()));
        assert_eq!(check_verdict(V::Rejected, V::Verified, ""), Ok(()), "re-judged");
        assert_eq!(check_verdict(V::Verified, V::Rejected, "Copied"), Ok(()));
        assert!(matches!(check_verdict(V::Verified, V::Verified, ""), Err(DomainError::StateConflict { .. })));
        assert_eq!(
            check_verdict(V::Verified, V::Unverified, ""),
            Err(DomainError::field("verification", "verification_invalid"))
        );
    }

    #[test]
    fn pl2_members_edit_only_what_they_reported() {
        assert_eq!(check_own_edit(Source::SelfReported), Ok(()));
        for s in [Source::Imported, Source::Derived] {
            assert_eq!(check_own_edit(s), Err(DomainError::field("source", "self_reported_only")));
        }
    }

    #[test]
    fn pl2_kinds_sources_and_states_round_trip() {
        for k in ContributionKind::ALL {
            assert_eq!(ContributionKind::parse(k.as_str()), Ok(k));
        }
        for s in [Source::Derived, Source::Imported, Source::SelfReported] {
            assert_eq!(Source::parse(s.as_str()), Ok(s));
        }
        for v in [Verification::Unverified, Verification::Verified, Verification::Rejected] {
            assert_eq!(Verification::parse(v.as_str()), Ok(v));
        }
        assert!(ContributionKind::parse("tweet").is_err());
    }

    #[test]
    fn ch4_ratings_are_exact_tenths() {
        assert_eq!(Rating::parse("4").map(|r| r.tenths()), Ok(40));
        assert_eq!(Rating::parse("3,9").map(|r| r.tenths()), Ok(39));
        assert_eq!(Rating::parse("5.0").map(|r| r.to_string()), Ok("5.0".into()));
        for bad in ["5.1", "4.25", "-1", "", "four", "300"] {
            assert!(Rating::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pl2_details_know_their_kind() {
        let d = Details::ContentPiece { format: ContentFormat::Video };
        assert_eq!(d.kind(), ContributionKind::ContentPiece);
        let json = serde_json::to_string(&Details::ForumSolution { accepted: true }).unwrap_or_default();
        assert_eq!(json, r#"{"kind":"forum_solution","accepted":true}"#);
    }
}

/// Raw contribution fields as the API, a form or a CSV row gives them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ContributionFields {
    #[serde(default)]
    pub kind: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub link: String,
    /// Empty means self-reported.
    #[serde(default)]
    pub source: String,
    /// Empty means unverified.
    #[serde(default)]
    pub verification: String,
    #[serde(default)]
    pub accepted: Option<bool>,
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub platform_version: String,
    #[serde(default)]
    pub has_description: bool,
    #[serde(default)]
    pub has_screenshots: bool,
    #[serde(default)]
    pub has_docs: bool,
    #[serde(default)]
    pub format: String,
    #[serde(default)]
    pub onboarding_plan: bool,
}

impl ContributionFields {
    /// The fields of a stored contribution, to show it in a form again
    /// (a member correcting what they reported).
    pub fn of(c: &Contribution) -> Self {
        let mut f = Self {
            kind: c.details.kind().as_str().to_owned(),
            date: c.date.format("%Y-%m-%d").to_string(),
            link: c.link.as_ref().map(|l| l.to_string()).unwrap_or_default(),
            ..Self::default()
        };
        match &c.details {
            Details::ForumSolution { accepted } => f.accepted = Some(*accepted),
            Details::ForgeComponent { rating, platform_version, has_description, has_screenshots, has_docs } => {
                f.rating = rating.to_string();
                f.platform_version = platform_version.clone();
                (f.has_description, f.has_screenshots, f.has_docs) = (*has_description, *has_screenshots, *has_docs);
            }
            Details::ContentPiece { format } => f.format = format.as_str().to_owned(),
            Details::MentoringTestimonial { onboarding_plan } => f.onboarding_plan = *onboarding_plan,
            Details::EventOrganized { .. } | Details::SessionDelivered { .. } => {}
        }
        f
    }

    /// Parses the fields into a contribution; every bad field is named.
    /// Contributions from elsewhere are never "held here": that is derived.
    pub fn parse(&self) -> Result<Contribution, DomainError> {
        let kind = ContributionKind::parse(&self.kind);
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
            .map_err(|_| DomainError::field("date", "date_invalid"));
        let link = match self.link.trim() {
            "" => Ok(None),
            raw => WebLink::parse(raw, "link").map(Some),
        };
        let source = if self.source.trim().is_empty() { Ok(Source::SelfReported) } else { Source::parse(&self.source) };
        let verification = if self.verification.trim().is_empty() {
            Ok(Verification::Unverified)
        } else {
            Verification::parse(&self.verification)
        };
        let details = kind.clone().and_then(|k| match k {
            ContributionKind::ForumSolution => Ok(Details::ForumSolution { accepted: self.accepted.unwrap_or(true) }),
            ContributionKind::ForgeComponent => Ok(Details::ForgeComponent {
                rating: Rating::parse(&self.rating)?,
                platform_version: self.platform_version.trim().chars().take(20).collect(),
                has_description: self.has_description,
                has_screenshots: self.has_screenshots,
                has_docs: self.has_docs,
            }),
            ContributionKind::EventOrganized => Ok(Details::EventOrganized { held_here: false }),
            ContributionKind::SessionDelivered => Ok(Details::SessionDelivered { held_here: false }),
            ContributionKind::ContentPiece => Ok(Details::ContentPiece { format: ContentFormat::parse(&self.format)? }),
            ContributionKind::MentoringTestimonial => {
                Ok(Details::MentoringTestimonial { onboarding_plan: self.onboarding_plan })
            }
        });
        DomainError::collect([
            details.clone().err(),
            date.clone().err(),
            link.clone().err(),
            source.clone().err(),
            verification.clone().err(),
        ])?;
        Ok(Contribution { details: details?, date: date?, link: link?, source: source?, verification: verification? })
    }
}

#[cfg(test)]
mod field_tests {
    use super::*;

    #[test]
    fn pl2_fields_become_a_contribution_and_bad_ones_are_named() {
        let f = ContributionFields {
            kind: "forge_component".into(),
            date: "2026-10-01".into(),
            link: "https://forge.example.com/c/1".into(),
            rating: "4.5".into(),
            platform_version: "O11".into(),
            has_description: true,
            has_screenshots: true,
            has_docs: true,
            ..Default::default()
        };
        let c = f.parse().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((c.source, c.verification), (Source::SelfReported, Verification::Unverified));
        assert!(matches!(c.details, Details::ForgeComponent { rating, .. } if rating.tenths() == 45));
        let bad = ContributionFields {
            kind: "forge_component".into(),
            date: "yesterday".into(),
            rating: "9".into(),
            ..Default::default()
        };
        let Err(DomainError::Invalid(errs)) = bad.parse() else { panic!("accepted") };
        assert_eq!(errs.iter().map(|e| e.field).collect::<Vec<_>>(), ["rating", "date"]);
        let elsewhere =
            ContributionFields { kind: "event_organized".into(), date: "2026-01-01".into(), ..Default::default() };
        assert_eq!(elsewhere.parse().map(|c| c.details), Ok(Details::EventOrganized { held_here: false }));
    }
}
