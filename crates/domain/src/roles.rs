//! PL-1: which roles an admin grants and revokes on the people page, and
//! the one revocation that is never allowed (the last admin). Group leaders
//! are not granted here: they are named when a group is created or
//! appointed from a leader application (UG-1, UG-2).

use crate::access::Role;
use crate::ids::RegionId;
use crate::DomainError;

/// The role names an admin may grant, as the API and the forms spell them.
pub const GRANTABLE: [&str; 3] = ["program_staff", "community_manager", "admin"];

/// Parses a role to grant or revoke: `name` as in [`GRANTABLE`], with the
/// region a community manager manages.
pub fn parse_grantable(name: &str, region: Option<RegionId>) -> Result<Role, DomainError> {
    match name.trim() {
        "program_staff" => Ok(Role::ProgramStaff),
        "admin" => Ok(Role::Admin),
        "community_manager" => {
            region.map(Role::CommunityManager).ok_or(DomainError::field("region_id", "manager_needs_region"))
        }
        "group_leader" => Err(DomainError::field("role", "role_not_grantable")),
        _ => Err(DomainError::field("role", "role_unknown")),
    }
}

/// PL-1: refuses to revoke the last admin, so that someone can always
/// grant roles; UG-1: and a group's last leader, so that every group has
/// one. `holders` counts those holding `role` before the revocation.
pub fn check_revoke(role: &Role, holders: usize) -> Result<(), DomainError> {
    match role {
        Role::Admin if holders <= 1 => Err(DomainError::LastAdmin),
        Role::GroupLeader(_) if holders <= 1 => Err(DomainError::LastLeader),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ug1_a_groups_last_leader_is_replaced_not_removed() {
        let g = Role::GroupLeader(crate::ids::GroupId::new());
        assert_eq!(check_revoke(&g, 1), Err(DomainError::LastLeader));
        assert_eq!(check_revoke(&g, 2), Ok(()));
        assert_eq!(check_revoke(&Role::Admin, 1), Err(DomainError::LastAdmin));
        assert_eq!(check_revoke(&Role::ProgramStaff, 1), Ok(()));
    }

    #[test]
    fn pl1_grantable_roles_parse_and_a_manager_needs_a_region() {
        let r = RegionId::new();
        assert_eq!(parse_grantable("program_staff", None), Ok(Role::ProgramStaff));
        assert_eq!(parse_grantable(" admin ", Some(r)), Ok(Role::Admin), "a region given to a global role is ignored");
        assert_eq!(parse_grantable("community_manager", Some(r)), Ok(Role::CommunityManager(r)));
        assert_eq!(
            parse_grantable("community_manager", None),
            Err(DomainError::field("region_id", "manager_needs_region"))
        );
        assert_eq!(parse_grantable("group_leader", Some(r)), Err(DomainError::field("role", "role_not_grantable")));
        assert_eq!(parse_grantable("superuser", None), Err(DomainError::field("role", "role_unknown")));
        for name in GRANTABLE {
            assert!(parse_grantable(name, Some(r)).is_ok(), "{name}");
        }
    }

    #[test]
    fn pl1_the_last_admin_cannot_be_removed() {
        assert_eq!(check_revoke(&Role::Admin, 1), Err(DomainError::LastAdmin));
        assert_eq!(check_revoke(&Role::Admin, 0), Err(DomainError::LastAdmin));
        assert_eq!(check_revoke(&Role::Admin, 2), Ok(()));
        assert_eq!(check_revoke(&Role::ProgramStaff, 1), Ok(()), "other roles may go to nobody");
        assert_eq!(check_revoke(&Role::CommunityManager(RegionId::new()), 0), Ok(()));
    }
}
