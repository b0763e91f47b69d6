//! UG-14: a group's leaders write to an event's registrants (everyone,
//! confirmed, waiting, or those checked in) through the outbox, each in
//! one email with the event's link; audited with how many it reached.

use chrono::Utc;
use guildhall_domain::access::Actor;
use guildhall_domain::ids::EventId;
use guildhall_domain::registration::Audience;
use guildhall_domain::values::{LongText, Title};
use guildhall_domain::DomainError;
use guildhall_storage::{audit, outbox, registrations};
use serde_json::json;

use super::events::managed_event;
use super::notify::compose;
use super::{entry, Services};
use crate::error::AppError;
use guildhall_domain::email_topic::Topic;

/// A message, parsed: every bad field named at once.
pub struct Message {
    pub audience: Audience,
    pub subject: Title,
    pub body: LongText,
}

impl Message {
    pub fn parse(audience: &str, subject: &str, body: &str) -> Result<Self, DomainError> {
        let (a, s, b) = (Audience::parse(audience), Title::parse(subject), LongText::parse(body, "body", true));
        let s = s.map_err(|_| DomainError::field("subject", "required"));
        DomainError::collect([a.clone().err(), s.clone().err(), b.clone().err()])?;
        Ok(Self { audience: a?, subject: s?, body: b? })
    }
}

/// Sends `m` to the event's registrants it is for; returns how many.
#[tracing::instrument(skip_all)]
pub async fn send(svc: &Services, actor: &Actor, id: EventId, m: &Message) -> Result<usize, AppError> {
    let (ev, g) = managed_event(svc, actor, id).await?;
    let link = svc.links.to(&format!("/events/{id}"));
    let people = registrations::attendees(svc.db.reader(), id, false).await?;
    let ids: Vec<_> = people.iter().map(|a| a.registration.member_id).collect();
    // Announcements are a convenience each member may turn off (PL-4).
    let off = super::email_preferences::opted_out(svc, &ids, Topic::Announcements).await?;
    let emails: Vec<_> = people
        .iter()
        .filter(|a| m.audience.includes(a.registration.status, a.registration.checked_in_at.is_some()))
        .filter(|a| !off.contains(&a.registration.member_id))
        .map(|a| {
            let args = [
                ("name", a.name.as_str()),
                ("event", ev.details.title.as_str()),
                ("group", g.profile.name.as_str()),
                ("subject", m.subject.as_str()),
                ("message", m.body.as_str()),
                ("link", link.as_str()),
            ];
            compose(Some(a.registration.member_id), &a.email, a.locale, "event-message", &args)
        })
        .collect();
    if emails.is_empty() {
        return Err(DomainError::field("audience", "nobody_to_message").into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    outbox::enqueue_many(&mut tx, &emails, now).await?;
    tx.mail_queued();
    let details =
        json!({"audience": format!("{:?}", m.audience), "recipients": emails.len(), "subject": m.subject.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "event.messaged", "event", id, None, details), now).await?;
    tx.commit().await?;
    Ok(emails.len())
}
