//! PL-1: admins grant and revoke program staff, admin and community
//! manager of a region. Each change is audited and the member is emailed;
//! the last admin cannot be removed.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::ids::MemberId;
use guildhall_domain::roles::check_revoke;
use guildhall_domain::DomainError;
use guildhall_storage::members::{self, Grant, Member};
use guildhall_storage::{audit, regions};
use serde_json::json;

use super::{entry, notify, Services, Work};
use crate::error::AppError;

/// A member with the roles they hold, for the people pages.
pub struct Person {
    pub member: Member,
    pub roles: Vec<Role>,
}

/// Members whose name or email contains `text`, in name order (admins);
/// every member when `text` is empty.
#[tracing::instrument(skip_all)]
pub async fn find(svc: &Services, actor: &Actor, text: &str, limit: i64, offset: i64) -> Result<Vec<Member>, AppError> {
    authorize(actor, Action::ManageRoles)?;
    let reader = svc.db.reader();
    Ok(if text.trim().is_empty() {
        members::list(reader, limit, offset).await?
    } else {
        members::search(reader, text, limit, offset).await?
    })
}

/// One member and their roles (admins).
#[tracing::instrument(skip_all)]
pub async fn person(svc: &Services, actor: &Actor, id: MemberId) -> Result<Person, AppError> {
    authorize(actor, Action::ManageRoles)?;
    let member = members::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let roles = members::roles(svc.db.reader(), id).await?;
    Ok(Person { member, roles })
}

/// Every staff role held, by role (admins).
#[tracing::instrument(skip_all)]
pub async fn list(svc: &Services, actor: &Actor) -> Result<Vec<Grant>, AppError> {
    authorize(actor, Action::ManageRoles)?;
    Ok(members::staff_grants(svc.db.reader()).await?)
}

/// Grants `role` to `member`. Granting a role already held changes
/// nothing and sends nothing; returns whether it was new.
#[tracing::instrument(skip_all)]
pub async fn grant(svc: &Services, actor: &Actor, member: MemberId, role: Role) -> Result<bool, AppError> {
    authorize(actor, Action::ManageRoles)?;
    let m = members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let region = region_name(svc, &role).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let new = members::grant(&mut tx, m.id, role, Some(actor.member_id), now).await?;
    if new {
        audit::record(&mut tx, entry(Some(actor.member_id), "role.granted", "member", m.id, None, details(&role)), now)
            .await?;
        tell(svc, &mut tx, &m, &role, region.as_deref(), true).await?;
    }
    tx.commit().await?;
    Ok(new)
}

/// Revokes `role` from `member`; returns whether it was held. The last
/// admin stays (PL-1).
#[tracing::instrument(skip_all)]
pub async fn revoke(svc: &Services, actor: &Actor, member: MemberId, role: Role) -> Result<bool, AppError> {
    authorize(actor, Action::ManageRoles)?;
    let m = members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let region = region_name(svc, &role).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if role == Role::Admin {
        let admins = members::admins_locked(&mut tx, svc.db.backend()).await?;
        if admins.contains(&m.id) {
            check_revoke(&role, admins.len())?;
        }
    }
    let was = members::revoke(&mut tx, m.id, role).await?;
    if was {
        audit::record(&mut tx, entry(Some(actor.member_id), "role.revoked", "member", m.id, None, details(&role)), now)
            .await?;
        tell(svc, &mut tx, &m, &role, region.as_deref(), false).await?;
    }
    tx.commit().await?;
    Ok(was)
}

fn details(role: &Role) -> serde_json::Value {
    match role {
        Role::CommunityManager(r) => json!({"role": role.name(), "region": r.to_string()}),
        _ => json!({"role": role.name()}),
    }
}

/// The region's name for a community manager's role (which must exist).
async fn region_name(svc: &Services, role: &Role) -> Result<Option<String>, AppError> {
    match role {
        Role::CommunityManager(r) => {
            let region =
                regions::get(svc.db.reader(), *r).await?.ok_or(DomainError::field("region_id", "region_unknown"))?;
            Ok(Some(region.name.to_string()))
        }
        Role::GroupLeader(_) => Err(DomainError::field("role", "role_not_grantable").into()),
        Role::ProgramStaff | Role::Admin => Ok(None),
    }
}

/// Tells the member what they can do now, or can no longer do.
async fn tell(
    svc: &Services,
    tx: &mut Work,
    m: &Member,
    role: &Role,
    region: Option<&str>,
    granted: bool,
) -> Result<(), AppError> {
    let link = svc.links.to(&match role {
        Role::CommunityManager(r) if granted => format!("/manage/regions/{r}"),
        Role::ProgramStaff if granted => "/programs/pipeline".to_owned(),
        Role::Admin if granted => "/admin/people".to_owned(),
        _ => "/".to_owned(),
    });
    let kind = match (role, granted) {
        (Role::CommunityManager(_), true) => "manager-added",
        (_, true) => "role-granted",
        (_, false) => "role-revoked",
    };
    let args = [
        ("name", m.name.as_str()),
        ("role", role.name()),
        ("region", region.unwrap_or_default()),
        ("link", link.as_str()),
    ];
    notify::queue(tx, Some(m.id), &m.email, m.locale, kind, &args).await
}
