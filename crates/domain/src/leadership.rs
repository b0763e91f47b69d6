//! Applications to lead a group (UG-2) and co-leader nominations (UG-4).
//! An applicant states their experience with the platform and accepts the
//! organizer guidelines; the region's community manager proposes interview
//! times, the applicant picks one, and the manager appoints or declines.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::event::parse_instant;
use crate::values::{City, GroupName, LongText, TimeZone, WebLink};
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Started (a co-leader nomination waits here for the nominee).
    Draft,
    Submitted,
    InterviewProposed,
    InterviewScheduled,
    Appointed,
    Declined,
    Withdrawn,
}

/// What someone asks of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplicationCommand {
    Submit,
    ProposeTimes,
    PickTime,
    Appoint,
    Decline,
    Withdraw,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 7] = [
        Self::Draft,
        Self::Submitted,
        Self::InterviewProposed,
        Self::InterviewScheduled,
        Self::Appointed,
        Self::Declined,
        Self::Withdrawn,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::InterviewProposed => "interview_proposed",
            Self::InterviewScheduled => "interview_scheduled",
            Self::Appointed => "appointed",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim()).ok_or(DomainError::field("status", "status_invalid"))
    }

    /// Still waiting for someone: one open application per member and group.
    pub fn is_open(&self) -> bool {
        !matches!(self, Self::Appointed | Self::Declined | Self::Withdrawn)
    }

    /// UG-2: draft → submitted → interview proposed → interview scheduled →
    /// appointed; declined from any reviewed step; the applicant may
    /// withdraw while it is open. Times may be proposed again until the
    /// interview is held.
    pub fn apply(self, cmd: ApplicationCommand) -> Result<Self, DomainError> {
        use ApplicationCommand as C;
        use ApplicationStatus as S;
        let to = match (self, cmd) {
            (S::Draft, C::Submit) => S::Submitted,
            (S::Submitted | S::InterviewProposed | S::InterviewScheduled, C::ProposeTimes) => S::InterviewProposed,
            (S::InterviewProposed, C::PickTime) => S::InterviewScheduled,
            (S::InterviewScheduled, C::Appoint) => S::Appointed,
            (S::Submitted | S::InterviewProposed | S::InterviewScheduled, C::Decline) => S::Declined,
            (s, C::Withdraw) if s.is_open() => S::Withdrawn,
            _ => {
                let to = match cmd {
                    C::Submit => "submitted",
                    C::ProposeTimes => "interview_proposed",
                    C::PickTime => "interview_scheduled",
                    C::Appoint => "appointed",
                    C::Decline => "declined",
                    C::Withdraw => "withdrawn",
                };
                return Err(DomainError::StateConflict { what: "application", from: self.as_str(), to });
            }
        };
        Ok(to)
    }
}

/// UG-2: a leader is appointed only after the interview was held: its
/// booked time has come.
pub fn check_interview_held(
    interview_at: Option<chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), DomainError> {
    match interview_at {
        Some(at) if at <= now => Ok(()),
        Some(_) | None => Err(DomainError::InterviewNotHeld),
    }
}

/// UG-2: what the applicant knows of the platform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Experience {
    pub years: u8,
    pub certifications: LongText,
    pub projects: LongText,
    pub profile_link: Option<WebLink>,
}

/// The group applied for: an existing one or a new one to found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Existing,
    New { name: GroupName, city: City },
}

/// Raw application fields from a form or JSON body.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ApplicationFields {
    #[serde(default)]
    pub years: String,
    #[serde(default)]
    pub certifications: String,
    #[serde(default)]
    pub projects: String,
    #[serde(default)]
    pub profile_link: String,
    /// For a new group.
    #[serde(default)]
    pub proposed_name: String,
    #[serde(default)]
    pub proposed_city: String,
    /// UG-2: the pledge to the organizer guidelines ("on" from a checkbox).
    #[serde(default)]
    pub accept_guidelines: bool,
}

/// Longest experience we believe.
pub const MAX_YEARS: u8 = 60;

impl Experience {
    pub fn parse(f: &ApplicationFields) -> Result<Self, DomainError> {
        let years = match f.years.trim().parse::<u8>() {
            Ok(y) if y <= MAX_YEARS => Ok(y),
            _ => Err(DomainError::field("years", "years_invalid")),
        };
        let certifications = LongText::parse(&f.certifications, "certifications", false);
        let projects = LongText::parse(&f.projects, "projects", true);
        let profile_link = match f.profile_link.trim() {
            "" => Ok(None),
            raw => WebLink::parse(raw, "profile_link").map(Some),
        };
        DomainError::collect([
            years.clone().err(),
            certifications.clone().err(),
            projects.clone().err(),
            profile_link.clone().err(),
        ])?;
        Ok(Self { years: years?, certifications: certifications?, projects: projects?, profile_link: profile_link? })
    }
}

/// A complete application: experience, the target, and the accepted
/// guidelines version (UG-2). Refuses one without the pledge.
pub fn parse_application(
    f: &ApplicationFields,
    new_group: bool,
    guidelines_version: i64,
) -> Result<(Experience, Target, i64), DomainError> {
    let exp = Experience::parse(f);
    let target = if new_group {
        let n = GroupName::parse(&f.proposed_name).map_err(|_| DomainError::field("proposed_name", "required"));
        let c = City::parse(&f.proposed_city).map_err(|_| DomainError::field("proposed_city", "required"));
        DomainError::collect([n.clone().err(), c.clone().err()]).and_then(|_| Ok(Target::New { name: n?, city: c? }))
    } else {
        Ok(Target::Existing)
    };
    let pledge = if f.accept_guidelines {
        Ok(())
    } else {
        Err(DomainError::field("accept_guidelines", "guidelines_not_accepted"))
    };
    DomainError::collect([exp.clone().err(), target.clone().err(), pledge.err()])?;
    Ok((exp?, target?, guidelines_version))
}

/// How long an interview slot lasts.
pub const INTERVIEW_MINUTES: i64 = 45;
/// Most times a manager proposes at once.
pub const MAX_SLOTS: usize = 5;

/// UG-2: the interview times a manager proposes, each in the future and
/// different, given as local times in the manager's zone.
pub fn parse_slots(raw: &[String], tz: TimeZone, now: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>, DomainError> {
    let given: Vec<&str> = raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    if given.is_empty() {
        return Err(DomainError::field("slots", "slots_required"));
    }
    if given.len() > MAX_SLOTS {
        return Err(DomainError::field("slots", "too_many_slots"));
    }
    let mut out = Vec::with_capacity(given.len());
    for s in given {
        let at = parse_instant(s, tz, "slots")?;
        if at <= now + Duration::minutes(30) {
            return Err(DomainError::field("slots", "slot_in_past"));
        }
        if out.contains(&at) {
            return Err(DomainError::field("slots", "slot_repeated"));
        }
        out.push(at);
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationCommand as C;
    use ApplicationStatus as S;

    fn fields() -> ApplicationFields {
        ApplicationFields {
            years: "6".into(),
            certifications: "Associate Developer".into(),
            projects: "Built the city's permit portal.".into(),
            profile_link: "https://community.example.com/u/ana".into(),
            proposed_name: "Porto Devs".into(),
            proposed_city: "Porto".into(),
            accept_guidelines: true,
        }
    }

    #[test]
    fn ug2_the_whole_path_to_appointment() {
        let mut s = S::Draft;
        for (cmd, to) in [
            (C::Submit, S::Submitted),
            (C::ProposeTimes, S::InterviewProposed),
            (C::PickTime, S::InterviewScheduled),
            (C::Appoint, S::Appointed),
        ] {
            s = s.apply(cmd).unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
            assert_eq!(s, to);
        }
        assert!(!s.is_open());
    }

    #[test]
    fn ug2_the_appointment_waits_for_the_interview_to_be_held() {
        let now = chrono::Utc::now();
        assert_eq!(check_interview_held(None, now), Err(DomainError::InterviewNotHeld));
        let tomorrow = now + chrono::Duration::days(1);
        assert_eq!(check_interview_held(Some(tomorrow), now), Err(DomainError::InterviewNotHeld));
        assert_eq!(check_interview_held(Some(now - chrono::Duration::hours(1)), now), Ok(()));
        assert_eq!(check_interview_held(Some(now), now), Ok(()), "from its start on");
    }

    #[test]
    fn ug2_no_appointment_without_an_interview_and_nothing_after_a_decision() {
        assert!(S::Submitted.apply(C::Appoint).is_err());
        assert!(S::InterviewProposed.apply(C::Appoint).is_err());
        assert!(S::Draft.apply(C::Decline).is_err());
        assert_eq!(S::InterviewScheduled.apply(C::ProposeTimes), Ok(S::InterviewProposed));
        for done in [S::Appointed, S::Declined, S::Withdrawn] {
            for cmd in [C::Submit, C::ProposeTimes, C::PickTime, C::Appoint, C::Decline, C::Withdraw] {
                assert!(done.apply(cmd).is_err(), "{done:?} {cmd:?}");
            }
        }
        assert_eq!(
            S::Submitted.apply(C::Appoint),
            Err(DomainError::StateConflict { what: "application", from: "submitted", to: "appointed" })
        );
    }

    #[test]
    fn ug2_experience_and_pledge_are_required() {
        let (exp, target, version) = parse_application(&fields(), true, 3).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((exp.years, version), (6, 3));
        assert!(matches!(target, Target::New { .. }));
        let bad = ApplicationFields {
            years: "200".into(),
            projects: " ".into(),
            accept_guidelines: false,
            proposed_city: String::new(),
            ..fields()
        };
        let Err(DomainError::Invalid(errs)) = parse_application(&bad, true, 3) else { panic!("accepted") };
        let names: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(names, ["years", "projects", "proposed_city", "accept_guidelines"]);
        // An existing group needs no proposed name or city.
        let existing = ApplicationFields { proposed_name: String::new(), proposed_city: String::new(), ..fields() };
        assert!(matches!(parse_application(&existing, false, 1), Ok((_, Target::Existing, 1))));
    }

    #[test]
    fn ug2_interview_slots_are_future_distinct_and_few() {
        let tz = TimeZone::parse("Europe/Lisbon").unwrap_or_else(|_| unreachable!());
        let now =
            DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z").map(|d| d.with_timezone(&Utc)).unwrap_or_default();
        let ok = parse_slots(&["2026-11-25T18:00".into(), "".into(), "2026-11-24T09:30".into()], tz, now);
        assert_eq!(ok.map(|v| v.len()), Ok(2));
        assert_eq!(parse_slots(&[], tz, now), Err(DomainError::field("slots", "slots_required")));
        assert_eq!(
            parse_slots(&["2026-11-19T18:00".into()], tz, now),
            Err(DomainError::field("slots", "slot_in_past"))
        );
        let twice = ["2026-11-25T18:00".to_owned(), "2026-11-25T18:00".to_owned()];
        assert_eq!(parse_slots(&twice, tz, now), Err(DomainError::field("slots", "slot_repeated")));
        let many: Vec<String> = (1..=6).map(|d| format!("2026-12-0{d}T10:00")).collect();
        assert_eq!(parse_slots(&many, tz, now), Err(DomainError::field("slots", "too_many_slots")));
    }
}
