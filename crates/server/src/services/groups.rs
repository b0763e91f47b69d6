//! Groups (UG-1), their leaders, and the venue registry (UG-7).

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::group::{GroupFields, GroupProfile};
use guildhall_domain::ids::{GroupId, MemberId, RegionId, VenueId};
use guildhall_domain::roles::check_revoke;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale, Slug};
use guildhall_domain::venue::VenueProfile;
use guildhall_domain::DomainError;
use guildhall_storage::groups::{self, Group};
use guildhall_storage::members::{self, Member, NewMember};
use guildhall_storage::{audit, regions, venues};
use serde_json::json;

use super::{entry, notify};
use super::{Services, Work};
use crate::error::AppError;

/// Loads a group and checks the actor may run it (UG-1: its leaders, its
/// region's community managers, admins).
#[tracing::instrument(skip_all)]
pub async fn managed(svc: &Services, actor: &Actor, id: GroupId) -> Result<Group, AppError> {
    let g = groups::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ManageGroup { group: g.id, region: g.region_id })?;
    Ok(g)
}

#[tracing::instrument(skip_all)]
pub async fn by_slug(svc: &Services, slug: &Slug) -> Result<Group, AppError> {
    Ok(groups::by_slug(svc.db.reader(), slug.as_str()).await?.ok_or(DomainError::NotFound)?)
}

/// A group named by a slug someone typed (a form field, a JSON body):
/// text that cannot be a slug names no group.
pub async fn by_typed_slug(svc: &Services, raw: &str) -> Result<Group, AppError> {
    by_slug(svc, &Slug::parse(raw).map_err(|_| DomainError::NotFound)?).await
}

/// UG-1: creates a group in `region` (admins and that region's managers)
/// with its first leaders, in one transaction: a group never exists
/// without a leader, and a mistyped leader leaves nothing half made.
#[tracing::instrument(skip_all)]
pub async fn create(
    svc: &Services,
    actor: &Actor,
    region: RegionId,
    fields: &GroupFields,
    leaders: &[LeaderRef],
) -> Result<GroupId, AppError> {
    authorize(actor, Action::CreateGroup(region))?;
    let profile = GroupProfile::parse(fields);
    let people = resolve(svc, leaders).await;
    DomainError::collect([profile.as_ref().err().cloned(), people.as_ref().err().cloned()])?;
    let (profile, people) = (profile?, people?);
    regions::get(svc.db.reader(), region).await?.ok_or(DomainError::field("region_id", "region_unknown"))?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = groups::insert(&mut tx, region, &profile, now).await?;
    let details = json!({"slug": profile.slug.as_str(), "name": profile.name.as_str(), "region": region.to_string()});
    audit::record(&mut tx, entry(Some(actor.member_id), "group.created", "group", id, None, details), now).await?;
    for m in &people {
        appoint(svc, &mut tx, actor, id, &profile.slug, profile.name.as_str(), m).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The members named as leaders; at least one, each already a member.
async fn resolve(svc: &Services, leaders: &[LeaderRef]) -> Result<Vec<Member>, DomainError> {
    if leaders.is_empty() {
        return Err(DomainError::field("leaders", "leaders_required"));
    }
    let mut found = Vec::new();
    for who in leaders {
        let m = match who {
            LeaderRef::Email(raw) => match EmailAddress::parse(raw) {
                Ok(email) => members::by_email(svc.db.reader(), &email).await,
                Err(_) => return Err(DomainError::field("leaders", "member_not_found")),
            },
            LeaderRef::Member(m) => members::by_id(svc.db.reader(), *m).await,
        }
        .map_err(|_| DomainError::field("leaders", "member_not_found"))?
        .ok_or(DomainError::field("leaders", "member_not_found"))?;
        if !found.iter().any(|f: &Member| f.id == m.id) {
            found.push(m);
        }
    }
    Ok(found)
}

/// Grants the leader role inside `tx`, audited, and tells the new leader.
async fn appoint(
    svc: &Services,
    tx: &mut Work,
    actor: &Actor,
    group: GroupId,
    slug: &Slug,
    name: &str,
    m: &Member,
) -> Result<(), AppError> {
    let now = Utc::now();
    if members::grant(tx, m.id, Role::GroupLeader(group), Some(actor.member_id), now).await? {
        let details = json!({"role": "group_leader", "group": group.to_string()});
        audit::record(tx, entry(Some(actor.member_id), "role.granted", "member", m.id, None, details), now).await?;
        let link = svc.links.to(&format!("/groups/{slug}"));
        let args = [("name", m.name.as_str()), ("group", name), ("link", link.as_str())];
        notify::queue(tx, Some(m.id), &m.email, m.locale, "leader-added", &args).await?;
    }
    Ok(())
}

/// Leaders (and managers) edit the group's profile.
#[tracing::instrument(skip_all)]
pub async fn update(svc: &Services, actor: &Actor, id: GroupId, fields: &GroupFields) -> Result<Group, AppError> {
    let g = managed(svc, actor, id).await?;
    let profile = GroupProfile::parse(fields)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    groups::update(&mut tx, g.id, &profile, now).await?;
    let details = json!({"slug": profile.slug.as_str(), "name": profile.name.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "group.updated", "group", g.id, None, details), now).await?;
    tx.commit().await?;
    Ok(Group { profile, ..g })
}

/// Appoints a leader by email or member id (admins and the region's
/// managers) and tells them.
#[tracing::instrument(skip_all)]
pub async fn add_leader(svc: &Services, actor: &Actor, id: GroupId, who: &LeaderRef) -> Result<MemberId, AppError> {
    let g = groups::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::CreateGroup(g.region_id))?;
    let m = resolve(svc, std::slice::from_ref(who))
        .await
        .map_err(|_| DomainError::field("email", "member_not_found"))?
        .remove(0);
    let mut tx = svc.begin().await?;
    appoint(svc, &mut tx, actor, g.id, &g.profile.slug, g.profile.name.as_str(), &m).await?;
    tx.commit().await?;
    Ok(m.id)
}

/// Who to appoint: an email (pages) or a member id (API).
pub enum LeaderRef {
    Email(String),
    Member(MemberId),
}

#[tracing::instrument(skip_all)]
pub async fn remove_leader(svc: &Services, actor: &Actor, id: GroupId, member: MemberId) -> Result<(), AppError> {
    let g = groups::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::CreateGroup(g.region_id))?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    // UG-1: a group always has a leader; the last one is replaced, not removed.
    let role = Role::GroupLeader(g.id);
    let leaders = members::holders_locked(&mut tx, svc.db.backend(), &role).await?;
    if leaders.contains(&member) {
        check_revoke(&role, leaders.len())?;
    }
    if members::revoke(&mut tx, member, Role::GroupLeader(g.id)).await? {
        let details = json!({"role": "group_leader", "group": g.id.to_string()});
        audit::record(&mut tx, entry(Some(actor.member_id), "role.revoked", "member", member, None, details), now)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all)]
pub async fn add_venue(svc: &Services, actor: &Actor, profile: &VenueProfile) -> Result<VenueId, AppError> {
    authorize(actor, Action::AddVenue)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = venues::insert(&mut tx, profile, Some(actor.member_id), now).await?;
    let details = json!({"name": profile.name.as_str(), "kind": profile.kind.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "venue.created", "venue", id, None, details), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// An admin creates a verified account (walk-ins, imports).
#[tracing::instrument(skip_all)]
pub async fn create_member(svc: &Services, actor: &Actor, email: &str, name: &str) -> Result<MemberId, AppError> {
    authorize(actor, Action::CreateMember)?;
    let (e, n) = (EmailAddress::parse(email), DisplayName::parse(name));
    DomainError::collect([e.clone().err(), n.clone().err()])?;
    let (email, name) = (e?, n?);
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let new = NewMember { email: &email, name: &name, password_hash: None, verified: true, locale: Locale::En };
    let id = members::insert(&mut tx, new, now).await?;
    audit::record(&mut tx, entry(Some(actor.member_id), "member.created", "member", id, None, json!({})), now).await?;
    tx.commit().await?;
    Ok(id)
}
