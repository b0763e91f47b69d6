//! Calendar feeds (UG-14, UG-17): a member's private feed of what they
//! registered for, behind a signed address they can replace or turn off,
//! and the public feeds of a group, a series and a region. Every entry has
//! the event's UID and SEQUENCE, as the emailed invitations do; cancelled
//! events, and places the member released, stay in as `STATUS:CANCELLED`
//! so a calendar that had them drops them.

use chrono::{Duration, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::event::EventStatus;
use guildhall_domain::ids::{EventId, RegionId, SeriesId};
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::values::Locale;
use guildhall_domain::DomainError;
use guildhall_storage::calendar_feeds::{self as feeds, FeedItem};
use guildhall_storage::events::Event;
use guildhall_storage::{audit, groups, members, regions, series};
use serde_json::json;

use super::email_preferences::LinkKey;
use super::{entry, Services};
use crate::calendar::ics::{self, Held};
use crate::error::AppError;
use crate::i18n::Tr;

/// How far back feeds reach: a calendar keeps last year's entries.
fn since() -> chrono::DateTime<Utc> {
    Utc::now() - Duration::days(365)
}

/// A member's feed address, absolute (for calendar apps) and as
/// `webcal:` (which opens the subscription dialog of most of them).
#[derive(Clone, Debug)]
pub struct FeedAddress {
    pub https: String,
    pub webcal: String,
}

impl FeedAddress {
    fn new(svc: &Services, path: &str) -> Self {
        let https = svc.links.to(path);
        let webcal = match https.split_once("://") {
            Some((_, rest)) => format!("webcal://{rest}"),
            None => https.clone(),
        };
        Self { https, webcal }
    }
}

/// The signed-in member's feed address, made on first ask.
#[tracing::instrument(skip_all)]
pub async fn address(svc: &Services, actor: &Actor) -> Result<FeedAddress, AppError> {
    let member = actor.member_id;
    let version = match feeds::version(svc.db.reader(), member).await? {
        Some(v) => v,
        None => {
            let mut tx = svc.begin().await?;
            let v = feeds::ensure(&mut tx, member, Utc::now()).await?;
            tx.commit().await?;
            v
        }
    };
    let key = LinkKey::load(&svc.db).await?;
    Ok(FeedAddress::new(svc, &key.calendar_path(member, version)))
}

/// The member's address if they have one, without making it.
pub async fn existing(svc: &Services, actor: &Actor) -> Result<Option<FeedAddress>, AppError> {
    let Some(version) = feeds::version(svc.db.reader(), actor.member_id).await? else { return Ok(None) };
    let key = LinkKey::load(&svc.db).await?;
    Ok(Some(FeedAddress::new(svc, &key.calendar_path(actor.member_id, version))))
}

/// A new address: whoever held the old one (a shared screen, a calendar
/// app on a lost phone) sees nothing more.
#[tracing::instrument(skip_all)]
pub async fn replace(svc: &Services, actor: &Actor) -> Result<FeedAddress, AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let version = feeds::rotate(&mut tx, actor.member_id, now).await?;
    let key = LinkKey::within(&mut tx).await?;
    let details = json!({"version": version});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "calendar_feed.replaced", "member", actor.member_id, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(FeedAddress::new(svc, &key.calendar_path(actor.member_id, version)))
}

/// Turns the feed off; false when it was off already.
#[tracing::instrument(skip_all)]
pub async fn turn_off(svc: &Services, actor: &Actor) -> Result<bool, AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let was = feeds::remove(&mut tx, actor.member_id).await?;
    if was {
        audit::record(
            &mut tx,
            entry(Some(actor.member_id), "calendar_feed.off", "member", actor.member_id, None, json!({})),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(was)
}

/// Where the member stands at an item of their own feed.
fn held(item: &FeedItem) -> Option<Held> {
    match item.status? {
        RegistrationStatus::Confirmed => Some(Held::Place),
        RegistrationStatus::Waitlisted | RegistrationStatus::Offered => Some(Held::Waiting),
        RegistrationStatus::Cancelled => Some(Held::Released),
    }
}

/// Items as calendar entries, each naming its group. A member's own
/// feed counts their registration's last change as the entry's.
fn render(svc: &Services, name: &str, zone: Option<chrono_tz::Tz>, items: &[FeedItem]) -> String {
    let events: Vec<Event> = items
        .iter()
        .map(|i| match i.status_changed_at {
            Some(at) if at > i.event.updated_at => Event { updated_at: at, ..i.event.clone() },
            _ => i.event.clone(),
        })
        .collect();
    let entries: Vec<ics::Entry> = items
        .iter()
        .zip(&events)
        .map(|(i, ev)| {
            let mut e = ics::Entry::new(
                ev,
                i.venue.as_ref(),
                svc.links.to(&format!("/events/{}", ev.id)),
                i.group.profile.name.as_str(),
            );
            e.held = held(i);
            e
        })
        .collect();
    let host = svc.links.host();
    match zone {
        Some(tz) => ics::zoned(name, tz, host, &entries),
        None => ics::calendar_utc(name, host, &entries),
    }
}

/// A member's private feed, by its signed token. An address that was
/// replaced or turned off, or whose signature fails, is not found.
#[tracing::instrument(skip_all)]
pub async fn member_feed(svc: &Services, token: &str) -> Result<String, AppError> {
    let key = LinkKey::load(&svc.db).await?;
    let (member, version) = key.verify_calendar(token).ok_or(DomainError::NotFound)?;
    if feeds::version(svc.db.reader(), member).await? != Some(version) {
        return Err(DomainError::NotFound.into());
    }
    let locale = members::by_id(svc.db.reader(), member).await?.map(|m| m.locale).unwrap_or(Locale::En);
    let items = feeds::of_member(svc.db.reader(), member, since()).await?;
    Ok(render(svc, &Tr(locale).t("calendar-feed-mine"), None, &items))
}

/// A listed group's feed, in its time zone.
pub async fn group_feed(svc: &Services, slug: &str) -> Result<String, AppError> {
    let g = groups::by_slug(svc.db.reader(), slug).await?.ok_or(DomainError::NotFound)?;
    let items = feeds::of_group(svc.db.reader(), g.id, since()).await?;
    Ok(render(svc, g.profile.name.as_str(), Some(g.profile.time_zone.tz()), &items))
}

/// A series' dates (UG-16), in its group's time zone. A series nobody
/// published yet has no public dates, so no feed.
pub async fn series_feed(svc: &Services, id: SeriesId) -> Result<String, AppError> {
    let s = series::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let g = groups::by_id(svc.db.reader(), s.group_id).await?.ok_or(DomainError::NotFound)?;
    let items = feeds::of_series(svc.db.reader(), id, since()).await?;
    if items.is_empty() && series::dates(svc.db.reader(), id).await?.iter().all(|e| e.status == EventStatus::Draft) {
        return Err(DomainError::NotFound.into());
    }
    Ok(render(svc, s.title.as_str(), Some(g.profile.time_zone.tz()), &items))
}

/// A region's events across its groups, which may sit in several zones.
pub async fn region_feed(svc: &Services, id: RegionId) -> Result<String, AppError> {
    let r = regions::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let items = feeds::of_region(svc.db.reader(), id, since()).await?;
    Ok(render(svc, r.name.as_str(), None, &items))
}

/// One public event's file, in its group's zone.
pub async fn event_file(svc: &Services, id: EventId) -> Result<String, AppError> {
    let (ev, g, venue) = guildhall_storage::events::with_group(svc.db.reader(), id)
        .await?
        .filter(|(e, _, _)| e.status.is_public())
        .ok_or(DomainError::NotFound)?;
    let item = FeedItem { event: ev, group: g, venue, status: None, status_changed_at: None };
    let tz = item.group.profile.time_zone.tz();
    Ok(render(svc, item.event.details.title.as_str(), Some(tz), std::slice::from_ref(&item)))
}
