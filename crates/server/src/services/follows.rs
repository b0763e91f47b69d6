//! UG-15: members follow groups, and publishing an event tells the
//! group's followers once, in their language, with the event's calendar
//! file and a one-click "stop following" (RFC 8058) signed for them.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::follow::{check_followable, new_event_recipients};
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::events::Event;
use guildhall_storage::groups::{self, Group};
use guildhall_storage::{audit, follows, members, outbox, venues};
use serde_json::json;

use super::email_preferences::LinkKey;
use super::notify::compose;
use super::{entry, Services, Work};
use crate::calendar::{ics, itip};
use crate::error::AppError;
use crate::i18n::Tr;

/// The member starts following the group; following twice is no change.
#[tracing::instrument(skip_all)]
pub async fn follow(svc: &Services, actor: &Actor, slug: &Slug) -> Result<Group, AppError> {
    authorize(actor, Action::EditAccount(actor.member_id))?;
    let g = super::groups::by_slug(svc, slug).await?;
    check_followable(g.status)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if follows::follow(&mut tx, actor.member_id, g.id, now).await? {
        let details = json!({"group": g.profile.slug.as_str()});
        audit::record(&mut tx, entry(Some(actor.member_id), "member.followed", "group", g.id, None, details), now)
            .await?;
    }
    tx.commit().await?;
    Ok(g)
}

/// The member stops following; not following is no change.
#[tracing::instrument(skip_all)]
pub async fn unfollow(svc: &Services, actor: &Actor, slug: &Slug) -> Result<Group, AppError> {
    authorize(actor, Action::EditAccount(actor.member_id))?;
    let g = super::groups::by_slug(svc, slug).await?;
    stop(svc, actor.member_id, &g, Some(actor.member_id)).await?;
    Ok(g)
}

async fn stop(svc: &Services, member: MemberId, g: &Group, by: Option<MemberId>) -> Result<(), AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if follows::unfollow(&mut tx, member, g.id).await? {
        let details = json!({"group": g.profile.slug.as_str(), "member": member.to_string()});
        audit::record(&mut tx, entry(by, "member.unfollowed", "group", g.id, None, details), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The groups the member follows, by name.
#[tracing::instrument(skip_all)]
pub async fn mine(svc: &Services, actor: &Actor) -> Result<Vec<Group>, AppError> {
    authorize(actor, Action::ReadAccount(actor.member_id))?;
    Ok(follows::groups_of(svc.db.reader(), actor.member_id).await?)
}

/// What an unfollow link names, for its confirmation page.
pub async fn link_target(svc: &Services, token: &str) -> Result<(MemberId, Group), AppError> {
    let key = LinkKey::load(&svc.db).await?;
    let (member, group) = key.verify_unfollow(token).ok_or(DomainError::LinkInvalid)?;
    let g = groups::by_id(svc.db.reader(), group).await?.ok_or(DomainError::LinkInvalid)?;
    Ok((member, g))
}

/// The one-click "stop following" of a new-event email: whoever holds the
/// email may do it, signed in or not; it only ever stops mail.
#[tracing::instrument(skip_all)]
pub async fn unfollow_by_link(svc: &Services, token: &str) -> Result<Group, AppError> {
    let (member, g) = link_target(svc, token).await?;
    stop(svc, member, &g, None).await?;
    Ok(g)
}

/// Tells the group's followers of `ev`, just published, inside the
/// publishing transaction: nobody hears of an event that did not go out,
/// and `announced_at` makes it once. Returns how many were told.
pub async fn announce_new_event(svc: &Services, tx: &mut Work, ev: &Event, g: &Group) -> Result<usize, AppError> {
    if !follows::mark_announced(tx, ev.id, Utc::now()).await? {
        return Ok(0);
    }
    let followers = follows::followers(tx.conn(), g.id).await?;
    if followers.is_empty() {
        return Ok(0);
    }
    let leaders: Vec<_> = members::leaders_of(svc.db.reader(), &[g.id]).await?.into_iter().map(|(_, m)| m.id).collect();
    let ids: Vec<_> = followers.iter().map(|m| m.id).collect();
    let told = new_event_recipients(&ids, &leaders);
    let venue = match ev.venue_id {
        Some(v) => venues::get(svc.db.reader(), v).await?,
        None => None,
    };
    let link = svc.links.to(&format!("/events/{}", ev.id));
    let calendar_entry = ics::Entry::new(ev, venue.as_ref(), link.clone(), g.profile.name.as_str());
    let calendar = itip::publish(&calendar_entry, svc.links.host());
    let key = LinkKey::within(tx).await?;
    let when = g.profile.time_zone.format(ev.starts_at());
    let emails: Vec<_> = followers
        .iter()
        .filter(|m| told.contains(&m.id))
        .map(|m| {
            let place = match (&venue, &ev.details.online_link) {
                (Some(v), _) => format!("{}, {}", v.profile.name, v.profile.city),
                _ => Tr(m.locale).t("event-change-online"),
            };
            let unfollow = key.unfollow_path(m.id, g.id);
            let stop_link = svc.links.to(&unfollow);
            let args = [
                ("name", m.name.as_str()),
                ("event", ev.details.title.as_str()),
                ("group", g.profile.name.as_str()),
                ("when", when.as_str()),
                ("place", place.as_str()),
                ("link", link.as_str()),
                ("unfollow", stop_link.as_str()),
            ];
            let mut email = compose(Some(m.id), &m.email, m.locale, "new-event", &args);
            email.calendar = Some(calendar.clone());
            email.unsubscribe_path = Some(unfollow);
            email
        })
        .collect();
    outbox::enqueue_many(tx, &emails, Utc::now()).await?;
    if !emails.is_empty() {
        tx.mail_queued();
    }
    Ok(emails.len())
}
