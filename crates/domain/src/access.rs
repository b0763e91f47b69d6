//! Roles and the one authorization decision every page and API call goes
//! through (PL-1): is this actor allowed this action on this exact object?

use serde::{Deserialize, Serialize};

use crate::ids::{GroupId, MemberId, RegionId};
use crate::DomainError;

/// A role held by a member. Leaders and community managers hold their role
/// for one group or one region only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "role", content = "scope", rename_all = "snake_case")]
pub enum Role {
    GroupLeader(GroupId),
    CommunityManager(RegionId),
    ProgramStaff,
    Admin,
}

impl Role {
    /// Stable name used in storage and the API.
    pub fn name(&self) -> &'static str {
        match self {
            Self::GroupLeader(_) => "group_leader",
            Self::CommunityManager(_) => "community_manager",
            Self::ProgramStaff => "program_staff",
            Self::Admin => "admin",
        }
    }

    /// The id of the object the role is scoped to, as text ("" if global).
    pub fn scope(&self) -> String {
        match self {
            Self::GroupLeader(g) => g.to_string(),
            Self::CommunityManager(r) => r.to_string(),
            Self::ProgramStaff | Self::Admin => String::new(),
        }
    }

    /// Rebuilds a role from its stored name and scope.
    pub fn from_parts(name: &str, scope: &str) -> Result<Self, DomainError> {
        match name {
            "group_leader" => Ok(Self::GroupLeader(scope.parse()?)),
            "community_manager" => Ok(Self::CommunityManager(scope.parse()?)),
            "program_staff" => Ok(Self::ProgramStaff),
            "admin" => Ok(Self::Admin),
            _ => Err(DomainError::field("role", "role_unknown")),
        }
    }
}

/// Someone signed in: every member is a member; other roles are granted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub member_id: MemberId,
    pub roles: Vec<Role>,
}

impl Actor {
    pub fn is_admin(&self) -> bool {
        self.roles.contains(&Role::Admin)
    }

    pub fn is_program_staff(&self) -> bool {
        self.roles.contains(&Role::ProgramStaff)
    }

    pub fn manages_region(&self, region: RegionId) -> bool {
        self.roles.contains(&Role::CommunityManager(region))
    }

    pub fn leads_group(&self, group: GroupId) -> bool {
        self.roles.contains(&Role::GroupLeader(group))
    }
}

/// What an actor wants to do, naming the exact object it touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See a member's account details and data.
    ReadAccount(MemberId),
    /// Change a member's profile or password.
    EditAccount(MemberId),
    /// Read the emails sent to a member (PL-4 "Messages").
    ReadMessages(MemberId),
    /// PL-8: download everything held about a member (the member; an admin
    /// on the member's request).
    ExportMemberData(MemberId),
    /// PL-8: erase a member (the member; an admin on request, with a reason).
    EraseMember(MemberId),
    /// Read the whole audit log (PL-7).
    ViewAuditLog,
    /// Create and rename regions.
    ManageRegions,
    /// Grant or revoke roles.
    ManageRoles,
    /// Change settings data.
    ManageSettings,
    /// See a region's back office (its groups, tasks, health).
    ViewRegion(RegionId),
    /// Run a group: its events, check-in, claims. Needs the group's region
    /// so the region's community manager is allowed too.
    ManageGroup { group: GroupId, region: RegionId },
    /// Create API tokens for an account.
    CreateApiToken(MemberId),
    /// Create a group in a region and name its first leaders (UG-1).
    CreateGroup(RegionId),
    /// Archive or reactivate a group (UG-1): the region's managers.
    ArchiveGroup(RegionId),
    /// Move a group to another region (UG-1): someone who manages both.
    MoveGroup { from: RegionId, to: RegionId },
    /// Add a venue to the shared registry (UG-7): leaders and managers.
    AddVenue,
    /// Create a verified account for someone (admins: imports, walk-ins).
    CreateMember,
    /// Review a region's leader applications: propose interview times,
    /// take notes, appoint or decline (UG-2, UG-4).
    ReviewLeaderApplications(RegionId),
    /// Read one leader application: the applicant and the region's managers.
    ReadLeaderApplication { applicant: MemberId, region: RegionId },
    /// Require review of a group's or event's sessions, and review them (UG-6).
    ReviewSessions(RegionId),
    /// Read a code-of-conduct report, its notes, and move it on (UG-8): the
    /// group's leaders and its manager, or, when it concerns a leader, only
    /// the manager and program staff.
    HandleConductReport { group: GroupId, region: RegionId, concerns_leader: bool },
    /// Approve or decline speaker applications of a region (UG-11): its
    /// community managers.
    ReviewSpeakers(RegionId),
    /// Answer a group's request for an internal expert (UG-11): the region's
    /// managers and program staff.
    AnswerExpertRequest(RegionId),
    /// Set a region's fee schedule (UG-13): admins.
    ManageFeeSchedule,
    /// File an expense claim for one of the group's events (UG-13): leaders.
    FileExpenseClaim(GroupId),
    /// Approve or reject the region's expense claims (UG-13).
    DecideExpenseClaim(RegionId),
    /// Read a member's contributions and eligibility (PL-2, CH-4): the
    /// member and program staff.
    ReadContributions(MemberId),
    /// Record a contribution for a member: staff any kind and source, the
    /// member only self-reported ones (checked by the service).
    AddContribution(MemberId),
    /// Read a program application (CH-6): the applicant, program staff and
    /// the community manager named to interview the applicant.
    ReadProgramApplication { applicant: MemberId, interviewer: Option<MemberId> },
    /// Propose interview times and record the interview (CH-6): program
    /// staff and the community manager staff named as the interviewer.
    InterviewProgramApplicant { interviewer: Option<MemberId> },
    /// Screen, interview and decide program applications (CH-5, CH-6).
    DecideProgramApplications,
    /// Grant or end memberships, load benefit codes (CH-1, CH-8).
    ManagePrograms,
    /// UG-15: write to every leader of a region's groups: its community
    /// managers and program staff.
    AnnounceToRegionLeaders(RegionId),
    /// UG-15: write to a program's members: program staff.
    AnnounceToProgramMembers,
}

/// The one authorization decision (PL-1). Admins may do everything; every
/// other grant names the object it applies to.
pub fn authorize(actor: &Actor, action: Action) -> Result<(), DomainError> {
    if actor.is_admin() {
        return Ok(());
    }
    let allowed = match action {
        Action::ReadAccount(m)
        | Action::EditAccount(m)
        | Action::ReadMessages(m)
        | Action::CreateApiToken(m)
        | Action::ExportMemberData(m)
        | Action::EraseMember(m) => m == actor.member_id,
        Action::ViewAuditLog
        | Action::ManageRegions
        | Action::ManageRoles
        | Action::ManageSettings
        | Action::CreateMember => false,
        Action::ViewRegion(r) => actor.manages_region(r),
        Action::ManageGroup { group, region } => actor.leads_group(group) || actor.manages_region(region),
        Action::CreateGroup(r) | Action::ArchiveGroup(r) => actor.manages_region(r),
        Action::MoveGroup { from, to } => actor.manages_region(from) && actor.manages_region(to),
        Action::AddVenue => actor.roles.iter().any(|r| matches!(r, Role::GroupLeader(_) | Role::CommunityManager(_))),
        Action::ReviewLeaderApplications(r) | Action::ReviewSessions(r) | Action::DecideExpenseClaim(r) => {
            actor.manages_region(r)
        }
        Action::ReadLeaderApplication { applicant, region } => {
            applicant == actor.member_id || actor.manages_region(region)
        }
        // UG-8: a report about a leader never reaches the group's leaders.
        Action::HandleConductReport { region, concerns_leader: true, .. } => {
            actor.manages_region(region) || actor.is_program_staff()
        }
        Action::HandleConductReport { group, region, concerns_leader: false } => {
            actor.leads_group(group) || actor.manages_region(region)
        }
        Action::ReviewSpeakers(r) => actor.manages_region(r),
        Action::AnswerExpertRequest(r) => actor.manages_region(r) || actor.is_program_staff(),
        Action::ManageFeeSchedule => false,
        Action::FileExpenseClaim(g) => actor.leads_group(g),
        Action::ReadContributions(m) | Action::AddContribution(m) => m == actor.member_id || actor.is_program_staff(),
        Action::ReadProgramApplication { applicant, interviewer } => {
            applicant == actor.member_id || actor.is_program_staff() || is_interviewer(actor, interviewer)
        }
        Action::InterviewProgramApplicant { interviewer } => {
            actor.is_program_staff() || is_interviewer(actor, interviewer)
        }
        Action::DecideProgramApplications | Action::ManagePrograms | Action::AnnounceToProgramMembers => {
            actor.is_program_staff()
        }
        Action::AnnounceToRegionLeaders(r) => actor.manages_region(r) || actor.is_program_staff(),
    };
    if allowed {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// CH-6: the named interviewer, while they still manage a region: a
/// manager who steps down loses the applications they were to interview.
fn is_interviewer(actor: &Actor, interviewer: Option<MemberId>) -> bool {
    interviewer == Some(actor.member_id) && actor.roles.iter().any(|r| matches!(r, Role::CommunityManager(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: Vec<Role>) -> Actor {
        Actor { member_id: MemberId::new(), roles }
    }

    #[test]
    fn pl8_a_member_exports_their_own_data_and_an_admin_anyones() {
        let me = actor(vec![]);
        let other = MemberId::new();
        assert!(authorize(&me, Action::ExportMemberData(me.member_id)).is_ok());
        assert!(authorize(&me, Action::ExportMemberData(other)).is_err());
        assert!(authorize(&actor(vec![Role::ProgramStaff]), Action::ExportMemberData(other)).is_err());
        assert!(authorize(&actor(vec![Role::Admin]), Action::ExportMemberData(other)).is_ok());
        assert!(authorize(&me, Action::EraseMember(me.member_id)).is_ok());
        assert!(authorize(&me, Action::EraseMember(other)).is_err());
        assert!(authorize(&actor(vec![Role::CommunityManager(RegionId::new())]), Action::EraseMember(other)).is_err());
        assert!(authorize(&actor(vec![Role::Admin]), Action::EraseMember(other)).is_ok());
    }

    #[test]
    fn pl1_member_touches_only_their_own_account() {
        let me = actor(vec![]);
        let other = MemberId::new();
        for a in [Action::ReadAccount, Action::EditAccount, Action::ReadMessages, Action::CreateApiToken] {
            assert_eq!(authorize(&me, a(me.member_id)), Ok(()));
            assert_eq!(authorize(&me, a(other)), Err(DomainError::Forbidden));
        }
    }

    #[test]
    fn pl1_admin_only_actions() {
        let staff = actor(vec![Role::ProgramStaff, Role::CommunityManager(RegionId::new())]);
        let admin = actor(vec![Role::Admin]);
        for a in [Action::ViewAuditLog, Action::ManageRegions, Action::ManageRoles, Action::ManageSettings] {
            assert_eq!(authorize(&staff, a), Err(DomainError::Forbidden));
            assert_eq!(authorize(&admin, a), Ok(()));
        }
    }

    #[test]
    fn pl1_roles_apply_to_their_own_group_or_region_only() {
        let (g1, g2, r1, r2) = (GroupId::new(), GroupId::new(), RegionId::new(), RegionId::new());
        let leader = actor(vec![Role::GroupLeader(g1)]);
        let manager = actor(vec![Role::CommunityManager(r1)]);
        assert!(authorize(&leader, Action::ManageGroup { group: g1, region: r2 }).is_ok());
        assert!(authorize(&leader, Action::ManageGroup { group: g2, region: r1 }).is_err());
        assert!(authorize(&manager, Action::ManageGroup { group: g2, region: r1 }).is_ok());
        assert!(authorize(&manager, Action::ManageGroup { group: g2, region: r2 }).is_err());
        assert!(authorize(&manager, Action::ViewRegion(r1)).is_ok());
        assert!(authorize(&manager, Action::ViewRegion(r2)).is_err());
        assert!(authorize(&leader, Action::ViewRegion(r1)).is_err());
    }

    #[test]
    fn ug1_groups_are_archived_by_their_regions_manager_and_moved_by_one_who_manages_both() {
        let (r1, r2, g) = (RegionId::new(), RegionId::new(), GroupId::new());
        let manager = actor(vec![Role::CommunityManager(r1)]);
        let both = actor(vec![Role::CommunityManager(r1), Role::CommunityManager(r2)]);
        let leader = actor(vec![Role::GroupLeader(g)]);
        assert!(authorize(&manager, Action::ArchiveGroup(r1)).is_ok());
        assert!(authorize(&manager, Action::ArchiveGroup(r2)).is_err());
        assert!(authorize(&leader, Action::ArchiveGroup(r1)).is_err(), "leaders ask their manager");
        assert!(authorize(&manager, Action::MoveGroup { from: r1, to: r2 }).is_err());
        assert!(authorize(&both, Action::MoveGroup { from: r1, to: r2 }).is_ok());
        assert!(authorize(&actor(vec![Role::Admin]), Action::MoveGroup { from: r1, to: r2 }).is_ok());
    }

    #[test]
    fn ug1_groups_are_created_by_the_regions_manager_or_an_admin() {
        let (r1, r2) = (RegionId::new(), RegionId::new());
        let manager = actor(vec![Role::CommunityManager(r1)]);
        assert!(authorize(&manager, Action::CreateGroup(r1)).is_ok());
        assert!(authorize(&manager, Action::CreateGroup(r2)).is_err());
        assert!(authorize(&actor(vec![Role::GroupLeader(GroupId::new())]), Action::CreateGroup(r1)).is_err());
        assert!(authorize(&actor(vec![Role::Admin]), Action::CreateGroup(r2)).is_ok());
        assert!(authorize(&actor(vec![]), Action::AddVenue).is_err());
        assert!(authorize(&actor(vec![Role::GroupLeader(GroupId::new())]), Action::AddVenue).is_ok());
    }

    #[test]
    fn ug8_a_report_about_a_leader_skips_the_groups_leaders() {
        let (g, r) = (GroupId::new(), RegionId::new());
        let leader = actor(vec![Role::GroupLeader(g)]);
        let manager = actor(vec![Role::CommunityManager(r)]);
        let staff = actor(vec![Role::ProgramStaff]);
        let other_manager = actor(vec![Role::CommunityManager(RegionId::new())]);
        let plain = Action::HandleConductReport { group: g, region: r, concerns_leader: false };
        let about_leader = Action::HandleConductReport { group: g, region: r, concerns_leader: true };
        assert!(authorize(&leader, plain).is_ok());
        assert!(authorize(&manager, plain).is_ok());
        assert!(authorize(&staff, plain).is_err());
        assert!(authorize(&other_manager, plain).is_err());
        assert!(authorize(&leader, about_leader).is_err());
        assert!(authorize(&manager, about_leader).is_ok());
        assert!(authorize(&staff, about_leader).is_ok());
        assert!(authorize(&other_manager, about_leader).is_err());
        assert!(authorize(&actor(vec![]), plain).is_err());
    }

    #[test]
    fn ug2_ug13_managers_decide_for_their_region_leaders_file_for_their_group() {
        let (g, r) = (GroupId::new(), RegionId::new());
        let leader = actor(vec![Role::GroupLeader(g)]);
        let manager = actor(vec![Role::CommunityManager(r)]);
        let me = actor(vec![]);
        for a in [Action::ReviewLeaderApplications(r), Action::ReviewSessions(r), Action::DecideExpenseClaim(r)] {
            assert!(authorize(&manager, a).is_ok());
            assert!(authorize(&leader, a).is_err());
        }
        assert!(authorize(&leader, Action::FileExpenseClaim(g)).is_ok());
        assert!(authorize(&manager, Action::FileExpenseClaim(g)).is_err());
        assert!(authorize(&leader, Action::FileExpenseClaim(GroupId::new())).is_err());
        let own = Action::ReadLeaderApplication { applicant: me.member_id, region: r };
        assert!(authorize(&me, own).is_ok());
        assert!(authorize(&leader, own).is_err());
        assert!(authorize(&manager, own).is_ok());
        assert!(authorize(&manager, Action::ManageFeeSchedule).is_err());
        assert!(authorize(&actor(vec![Role::Admin]), Action::ManageFeeSchedule).is_ok());
        assert!(authorize(&manager, Action::ReviewSpeakers(r)).is_ok());
        assert!(authorize(&manager, Action::ReviewSpeakers(RegionId::new())).is_err(), "UG-11: another region's");
        assert!(authorize(&leader, Action::ReviewSpeakers(r)).is_err());
        assert!(authorize(&actor(vec![Role::ProgramStaff]), Action::AnswerExpertRequest(r)).is_ok());
    }

    #[test]
    fn ch6_pl2_program_staff_run_the_programs_members_see_their_own() {
        let me = actor(vec![]);
        let staff = actor(vec![Role::ProgramStaff]);
        let manager = actor(vec![Role::CommunityManager(RegionId::new())]);
        let other = MemberId::new();
        assert!(authorize(&me, Action::ReadContributions(me.member_id)).is_ok());
        assert!(authorize(&me, Action::ReadContributions(other)).is_err());
        assert!(authorize(&staff, Action::AddContribution(other)).is_ok());
        assert!(authorize(&manager, Action::ReadContributions(other)).is_err());
        assert!(authorize(&me, Action::ReadProgramApplication { applicant: me.member_id, interviewer: None }).is_ok());
        assert!(authorize(&me, Action::ReadProgramApplication { applicant: other, interviewer: None }).is_err());
        assert!(authorize(&me, Action::DecideProgramApplications).is_err());
        assert!(authorize(&staff, Action::DecideProgramApplications).is_ok());
        assert!(authorize(&manager, Action::ManagePrograms).is_err());
    }

    #[test]
    fn ch6_only_the_named_community_manager_interviews_besides_staff() {
        let manager = actor(vec![Role::CommunityManager(RegionId::new())]);
        let other_manager = actor(vec![Role::CommunityManager(RegionId::new())]);
        let staff = actor(vec![Role::ProgramStaff]);
        let applicant = MemberId::new();
        let named = Some(manager.member_id);
        let read = Action::ReadProgramApplication { applicant, interviewer: named };
        let interview = Action::InterviewProgramApplicant { interviewer: named };
        assert!(authorize(&manager, read).is_ok());
        assert!(authorize(&manager, interview).is_ok());
        assert!(authorize(&other_manager, read).is_err(), "another manager sees nothing");
        assert!(authorize(&other_manager, interview).is_err());
        assert!(authorize(&staff, Action::InterviewProgramApplicant { interviewer: None }).is_ok());
        assert!(authorize(&manager, Action::DecideProgramApplications).is_err(), "the decision stays with staff");
        // Named, then no longer a manager: the right goes with the role.
        let stepped_down = Actor { member_id: manager.member_id, roles: vec![] };
        assert!(authorize(&stepped_down, read).is_err());
        assert!(authorize(&stepped_down, interview).is_err());
    }

    #[test]
    fn roles_round_trip_through_storage_parts() {
        for role in [
            Role::GroupLeader(GroupId::new()),
            Role::CommunityManager(RegionId::new()),
            Role::ProgramStaff,
            Role::Admin,
        ] {
            assert_eq!(Role::from_parts(role.name(), &role.scope()), Ok(role));
        }
        assert!(Role::from_parts("overlord", "").is_err());
        assert!(Role::from_parts("group_leader", "not-an-id").is_err());
    }
}
