//! Changing settings data (admins only), with the reason in the audit log.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::settings::{check_change, parse_value};
use guildhall_domain::values::Reason;
use guildhall_storage::{audit, settings};
use serde_json::json;

use super::entry;
use super::Services;
use crate::error::AppError;

#[tracing::instrument(skip_all)]
pub async fn change(svc: &Services, actor: &Actor, key: &str, raw: &str, reason: &str) -> Result<(), AppError> {
    authorize(actor, Action::ManageSettings)?;
    let value = parse_value(key, raw)?;
    check_change(key, &value)?;
    let reason = Reason::parse(reason)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let old = settings::set(&mut tx, key, &value, actor.member_id, now).await?;
    let details = json!({"from": old, "to": value.to_text()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "setting.changed", "setting", key, Some(reason.as_str()), details),
        now,
    )
    .await?;
    settings::announce_change(&mut tx, svc.db.backend()).await?;
    tx.commit().await?;
    svc.settings.forget();
    Ok(())
}
