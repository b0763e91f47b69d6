//! UG-15: followers and announcements. Members follow groups; publishing
//! an event tells the group's followers once; the community team announces
//! to the leaders of a region or to a program's members.

use std::collections::BTreeSet;

use crate::access::Action;
use crate::event::EventStatus;
use crate::group::GroupStatus;
use crate::ids::{MemberId, RegionId};
use crate::program::Program;
use crate::values::{LongText, Title};
use crate::DomainError;

/// An archived group holds no more events, so there is nothing to follow.
pub fn check_followable(status: GroupStatus) -> Result<(), DomainError> {
    if status.is_listed() {
        Ok(())
    } else {
        Err(DomainError::field("group", "group_archived"))
    }
}

/// Followers hear of an event when it is first published, and only then:
/// a change later reaches those registered (UG-17), a cancellation too.
pub fn announces_publication(from: EventStatus, to: EventStatus, announced_before: bool) -> bool {
    from == EventStatus::Draft && to == EventStatus::Published && !announced_before
}

/// Who is told of a new event: each follower once, except the group's own
/// leaders, who published it.
pub fn new_event_recipients(followers: &[MemberId], leaders: &[MemberId]) -> Vec<MemberId> {
    let leaders: BTreeSet<_> = leaders.iter().collect();
    let mut seen = BTreeSet::new();
    followers.iter().copied().filter(|m| !leaders.contains(m) && seen.insert(*m)).collect()
}

/// Whom the community team writes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Every leader of the region's listed groups.
    RegionLeaders(RegionId),
    /// Every member of the program this year.
    ProgramMembers(Program),
}

impl Audience {
    /// `kind` is `region_leaders` (with a region id) or `program_members`
    /// (with a program).
    pub fn parse(kind: &str, target: &str) -> Result<Self, DomainError> {
        let unknown = || DomainError::field("audience", "audience_unknown");
        match kind.trim() {
            "region_leaders" => target.trim().parse().map(Self::RegionLeaders).map_err(|_| unknown()),
            "program_members" => Program::parse(target).map(Self::ProgramMembers).map_err(|_| unknown()),
            _ => Err(unknown()),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Self::RegionLeaders(_) => "region_leaders",
            Self::ProgramMembers(_) => "program_members",
        }
    }

    /// The region's id or the program's name.
    pub fn target(&self) -> String {
        match self {
            Self::RegionLeaders(r) => r.to_string(),
            Self::ProgramMembers(p) => p.as_str().to_owned(),
        }
    }

    /// What the sender must be allowed: a region's managers and program
    /// staff write to its leaders; program staff to a program's members.
    pub fn action(&self) -> Action {
        match self {
            Self::RegionLeaders(r) => Action::AnnounceToRegionLeaders(*r),
            Self::ProgramMembers(_) => Action::AnnounceToProgramMembers,
        }
    }
}

/// An announcement, parsed: every bad field named at once.
#[derive(Clone, Debug)]
pub struct Announcement {
    pub audience: Audience,
    pub subject: Title,
    pub body: LongText,
}

impl Announcement {
    pub fn parse(kind: &str, target: &str, subject: &str, body: &str) -> Result<Self, DomainError> {
        let a = Audience::parse(kind, target);
        let s = Title::parse(subject).map_err(|_| DomainError::field("subject", "required"));
        let b = LongText::parse(body, "body", true);
        DomainError::collect([a.clone().err(), s.clone().err(), b.clone().err()])?;
        Ok(Self { audience: a?, subject: s?, body: b? })
    }
}

/// Of the people an announcement is for, those it goes to: each once, and
/// not those who turned announcements off (PL-4).
pub fn announcement_recipients(candidates: &[MemberId], opted_out: &BTreeSet<MemberId>) -> Vec<MemberId> {
    let mut seen = BTreeSet::new();
    candidates.iter().copied().filter(|m| !opted_out.contains(m) && seen.insert(*m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{authorize, Actor, Role};

    #[test]
    fn ug15_only_a_listed_group_can_be_followed() {
        assert!(check_followable(GroupStatus::Active).is_ok());
        assert!(check_followable(GroupStatus::NeedsSupport).is_ok());
        assert_eq!(check_followable(GroupStatus::Archived), Err(DomainError::field("group", "group_archived")));
    }

    #[test]
    fn ug15_followers_hear_of_an_event_once_when_it_is_first_published() {
        use EventStatus::*;
        assert!(announces_publication(Draft, Published, false));
        assert!(!announces_publication(Draft, Published, true), "told once");
        for (from, to) in [(Draft, Cancelled), (Published, Cancelled), (Published, Completed), (Published, Published)] {
            assert!(!announces_publication(from, to, false), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn ug15_each_follower_is_told_once_and_the_leaders_not_at_all() {
        let (a, b, leader) = (MemberId::new(), MemberId::new(), MemberId::new());
        assert_eq!(new_event_recipients(&[a, leader, b, a], &[leader]), vec![a, b]);
        assert!(new_event_recipients(&[], &[leader]).is_empty());
    }

    #[test]
    fn ug15_an_announcement_names_its_audience_and_every_bad_field() {
        let r = RegionId::new();
        let ok = Announcement::parse("region_leaders", &r.to_string(), "Budget", "Claims close Friday.");
        assert_eq!(ok.map(|a| a.audience), Ok(Audience::RegionLeaders(r)));
        assert_eq!(Audience::parse("program_members", "mvp"), Ok(Audience::ProgramMembers(Program::Mvp)));
        assert!(Audience::parse("program_members", "gold").is_err());
        assert!(Audience::parse("everyone", "").is_err());
        let Err(DomainError::Invalid(fields)) = Announcement::parse("region_leaders", "nope", "", "") else {
            panic!("expected field errors")
        };
        let names: Vec<_> = fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["audience", "subject", "body"]);
    }

    #[test]
    fn ug15_a_regions_managers_and_program_staff_write_to_its_leaders_only_staff_to_a_program() {
        let (r, other) = (RegionId::new(), RegionId::new());
        let who = |roles| Actor { member_id: MemberId::new(), roles };
        let manager = who(vec![Role::CommunityManager(r)]);
        let staff = who(vec![Role::ProgramStaff]);
        let leader = who(vec![Role::GroupLeader(crate::ids::GroupId::new())]);
        let leaders = Audience::RegionLeaders(r).action();
        let members = Audience::ProgramMembers(Program::Champions).action();
        assert!(authorize(&manager, leaders).is_ok());
        assert!(authorize(&manager, Audience::RegionLeaders(other).action()).is_err());
        assert!(authorize(&manager, members).is_err());
        assert!(authorize(&staff, leaders).is_ok() && authorize(&staff, members).is_ok());
        assert!(authorize(&leader, leaders).is_err() && authorize(&leader, members).is_err());
    }

    #[test]
    fn ug15_an_announcement_reaches_each_person_once_and_not_those_who_turned_it_off() {
        let (a, b, c) = (MemberId::new(), MemberId::new(), MemberId::new());
        let off = BTreeSet::from([c]);
        assert_eq!(announcement_recipients(&[a, b, a, c], &off), vec![a, b]);
    }
}
