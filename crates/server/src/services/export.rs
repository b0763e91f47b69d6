//! PL-8: a member's data, whole, as one JSON document: by the member, or
//! by an admin on the member's request. Every export is audited. The
//! member's own leaves out staff's private notes about them; an admin's,
//! made on a formal request, includes them and says so (decision 0011).

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::ids::MemberId;
use guildhall_domain::DomainError;
use guildhall_storage::{audit, export, members};
use serde_json::{json, Value};

use super::entry;
use super::Services;
use crate::error::AppError;

/// The export document: what it is, when, whose, and every section.
#[tracing::instrument(skip_all)]
pub async fn member(svc: &Services, actor: &Actor, member: MemberId) -> Result<Value, AppError> {
    authorize(actor, Action::ExportMemberData(member))?;
    members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let now = Utc::now();
    let by_admin = actor.member_id != member;
    let data = export::member_data(svc.db.reader(), member, by_admin).await?;
    let mut tx = svc.begin().await?;
    let e = entry(Some(actor.member_id), "member.exported", "member", member, None, json!({"by_admin": by_admin}));
    audit::record(&mut tx, e, now).await?;
    tx.commit().await?;
    Ok(json!({
        "format": "guildhall-member-export/1",
        "exported_at": now.to_rfc3339(),
        "member_id": member.to_string(),
        "staff_notes_included": by_admin,
        "sections": data,
    }))
}
