//! Regions and their community managers (admins only).

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::ids::{MemberId, RegionId};
use guildhall_domain::values::{Currency, EmailAddress, RegionName};
use guildhall_domain::DomainError;
use guildhall_storage::{audit, members, regions};
use serde_json::json;

use super::entry;
use super::Services;
use crate::error::AppError;

/// A region form, parsed.
#[derive(Debug)]
pub struct RegionForm {
    pub name: RegionName,
    pub currency: Currency,
}

impl RegionForm {
    pub fn parse(name: &str, currency: &str) -> Result<Self, DomainError> {
        let (n, c) = (RegionName::parse(name), Currency::parse(currency));
        DomainError::collect([n.clone().err(), c.clone().err()])?;
        match (n, c) {
            (Ok(name), Ok(currency)) => Ok(Self { name, currency }),
            _ => Err(DomainError::Invalid(vec![])),
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn create(svc: &Services, actor: &Actor, form: RegionForm) -> Result<RegionId, AppError> {
    authorize(actor, Action::ManageRegions)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = regions::insert(&mut tx, &form.name, form.currency, now).await?;
    let details = json!({"name": form.name.as_str(), "currency": form.currency.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "region.created", "region", id, None, details), now).await?;
    tx.commit().await?;
    Ok(id)
}

#[tracing::instrument(skip_all)]
pub async fn update(svc: &Services, actor: &Actor, id: RegionId, form: RegionForm) -> Result<(), AppError> {
    authorize(actor, Action::ManageRegions)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    regions::update(&mut tx, id, &form.name, form.currency, now).await?;
    let details = json!({"name": form.name.as_str(), "currency": form.currency.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "region.updated", "region", id, None, details), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes the member with `email` a community manager of the region and
/// tells them (PL-1, through the roles service).
#[tracing::instrument(skip_all)]
pub async fn add_manager(svc: &Services, actor: &Actor, region: RegionId, email: &str) -> Result<bool, AppError> {
    authorize(actor, Action::ManageRoles)?;
    let email = EmailAddress::parse(email)?;
    regions::get(svc.db.reader(), region).await?.ok_or(DomainError::NotFound)?;
    let m = members::by_email(svc.db.reader(), &email).await?.ok_or(DomainError::field("email", "member_not_found"))?;
    add_manager_member(svc, actor, region, m.id).await
}

/// The same, for a member found by name (the region page's picker).
/// Returns whether they were not a manager of the region before, so the
/// page can say "already" instead of pretending to have done something.
#[tracing::instrument(skip_all)]
pub async fn add_manager_member(
    svc: &Services,
    actor: &Actor,
    region: RegionId,
    member: MemberId,
) -> Result<bool, AppError> {
    authorize(actor, Action::ManageRoles)?;
    regions::get(svc.db.reader(), region).await?.ok_or(DomainError::NotFound)?;
    super::roles::grant(svc, actor, member, Role::CommunityManager(region)).await
}

#[tracing::instrument(skip_all)]
pub async fn remove_manager(svc: &Services, actor: &Actor, region: RegionId, member: MemberId) -> Result<(), AppError> {
    super::roles::revoke(svc, actor, member, Role::CommunityManager(region)).await?;
    Ok(())
}
