//! UG-14: after the event, the talks' slides and recordings. The group's
//! leaders add them to each talk (page and API); everyone who was checked
//! in is emailed them once the event is completed: by itself when they
//! were there at completion, or when a leader sends them later.

use chrono::Utc;
use guildhall_domain::access::Actor;
use guildhall_domain::email_topic::Topic;
use guildhall_domain::ids::{EventId, TalkId};
use guildhall_domain::materials::{accepts_materials, may_send_materials, TalkMaterials};
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event, Talk};
use guildhall_storage::groups::Group;
use guildhall_storage::{audit, registrations};
use serde_json::json;

use super::{entry, notify, Services, Work};
use crate::error::AppError;
use crate::i18n::Tr;

/// Sets a talk's slides and recording (blank removes a link).
#[tracing::instrument(skip_all)]
pub async fn set(
    svc: &Services,
    actor: &Actor,
    id: EventId,
    talk: TalkId,
    slides: &str,
    recording: &str,
) -> Result<TalkMaterials, AppError> {
    let (ev, _) = super::events::managed_event(svc, actor, id).await?;
    if !accepts_materials(ev.status) {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "materials_added" }.into());
    }
    let m = TalkMaterials::parse(slides, recording)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    events::set_talk_materials(&mut tx, id, talk, &m).await?;
    let details = json!({
        "talk": talk.to_string(),
        "slides": m.slides.as_ref().map(|l| l.as_str()),
        "recording": m.recording.as_ref().map(|l| l.as_str()),
    });
    audit::record(&mut tx, entry(Some(actor.member_id), "event.talk_materials", "event", id, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(m)
}

/// Whether any of `talks` has a link to send.
pub fn any_links(talks: &[Talk]) -> bool {
    talks.iter().any(|t| !t.materials.is_empty())
}

/// The links as an email lists them, in the reader's language.
fn listing(tr: &Tr, talks: &[Talk]) -> String {
    let mut out = Vec::new();
    for t in talks.iter().filter(|t| !t.materials.is_empty()) {
        out.push(format!("• {}", t.title.as_str()));
        if let Some(s) = &t.materials.slides {
            out.push(format!("  {}: {}", tr.t("materials-slides"), s.as_str()));
        }
        if let Some(r) = &t.materials.recording {
            out.push(format!("  {}: {}", tr.t("materials-recording"), r.as_str()));
        }
    }
    out.join("\n")
}

/// Queues the email to everyone checked in at `ev` who did not turn
/// announcements off, in `tx`; records when. Returns how many.
pub async fn queue(svc: &Services, tx: &mut Work, ev: &Event, g: &Group, talks: &[Talk]) -> Result<usize, AppError> {
    let came: Vec<_> = registrations::attendees(tx.conn(), ev.id, false)
        .await?
        .into_iter()
        .filter(|a| a.registration.checked_in_at.is_some())
        .collect();
    let ids: Vec<_> = came.iter().map(|a| a.registration.member_id).collect();
    let off = super::email_preferences::opted_out(svc, &ids, Topic::Announcements).await?;
    let link = svc.links.to(&format!("/events/{}", ev.id));
    let mut sent = 0;
    for a in came.iter().filter(|a| !off.contains(&a.registration.member_id)) {
        let list = listing(&Tr(a.locale), talks);
        let extra = [("materials", list.as_str())];
        notify::about_event(tx, a.into(), "event-materials", ev, g, &link, None, &extra, None).await?;
        sent += 1;
    }
    events::mark_materials_sent(tx, ev.id, Utc::now()).await?;
    Ok(sent)
}

/// A leader sends the slides and recordings to everyone who came (again,
/// after adding a link: the page asks first and says when it last went).
#[tracing::instrument(skip_all)]
pub async fn send(svc: &Services, actor: &Actor, id: EventId) -> Result<usize, AppError> {
    let (ev, g) = super::events::managed_event(svc, actor, id).await?;
    let talks = events::talks(svc.db.reader(), id).await?;
    may_send_materials(ev.status, any_links(&talks))?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let sent = queue(svc, &mut tx, &ev, &g, &talks).await?;
    let details = json!({"sent": sent});
    audit::record(&mut tx, entry(Some(actor.member_id), "event.materials_sent", "event", id, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(sent)
}
