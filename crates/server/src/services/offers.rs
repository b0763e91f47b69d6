//! UG-18: waiting-list offers. On an event that fills by offers, a freed
//! seat is offered to the first person waiting until a deadline
//! (`domain::offer::fill`); the seat is theirs to claim (the ticket page,
//! a signed link in the email, or the API) and counts against capacity
//! meanwhile. An offer declined or left to expire passes to the next
//! person. Every change happens under the event's lock, so claims,
//! cancellations, new registrations and the job on any instance see one
//! order, and no seat is ever given twice.

use chrono::{DateTime, Duration, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::event::EventStatus;
use guildhall_domain::ids::{EventId, RegistrationId};
use guildhall_domain::offer::{check_claim, expired, OfferWindow};
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event};
use guildhall_storage::groups::{self, Group};
use guildhall_storage::registrations::{self, Attendee, Registration};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::email_preferences::LinkKey;
use super::invitations::Invitations;
use super::notify::{self, Recipient};
use super::{entry, Services, Work};
use crate::error::AppError;

/// The settings' bounds on how long an offer stays open.
pub async fn window(svc: &Services) -> Result<OfferWindow, AppError> {
    let s = svc.settings().await?;
    Ok(OfferWindow {
        longest: Duration::hours(s.int("events.offer_longest_hours")),
        shortest: Duration::minutes(s.int("events.offer_shortest_minutes")),
    })
}

/// Offers the seat to `a` (waiting) until `until` and emails them the
/// claim link. The caller holds the event's lock.
pub async fn offer(
    svc: &Services,
    tx: &mut Work,
    (ev, g): (&Event, &Group),
    a: &Attendee,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let id = a.registration.id;
    registrations::offer(tx, id, until, now).await?;
    let details = json!({"event": ev.id.to_string(), "until": until.to_rfc3339()});
    audit::record(tx, entry(None, "registration.offered", "registration", id, None, details), now).await?;
    let key = LinkKey::within(tx).await?;
    let claim = svc.links.to(&key.offer_path(id));
    let deadline = g.profile.time_zone.format(until);
    let extra = [("until", deadline.as_str())];
    notify::about_event(tx, a.into(), "seat-offered", ev, g, &claim, None, &extra, None).await?;
    Ok(())
}

/// What an offer link names, where it stands, and until when.
pub struct OfferTarget {
    pub registration: Registration,
    pub event: Event,
    pub group: Group,
}

impl OfferTarget {
    /// Whether it can still be claimed now.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        check_claim(self.registration.status, self.registration.offer_expires_at, now).is_ok()
            && self.event.status == EventStatus::Published
    }
}

/// The place an offer link names. Whoever holds the email may use it.
pub async fn target(svc: &Services, token: &str) -> Result<OfferTarget, AppError> {
    let key = LinkKey::load(&svc.db).await?;
    let id = key.verify_offer(token).ok_or(DomainError::LinkInvalid)?;
    let registration = registrations::get(svc.db.reader(), id).await?.ok_or(DomainError::LinkInvalid)?;
    let event = events::get(svc.db.reader(), registration.event_id).await?.ok_or(DomainError::NotFound)?;
    let group = groups::by_id(svc.db.reader(), event.group_id).await?.ok_or(DomainError::NotFound)?;
    Ok(OfferTarget { registration, event, group })
}

/// Claims the seat: the offer must still be open; the place becomes a
/// confirmed ticket with its calendar invitation.
async fn claim_place(svc: &Services, event: EventId, id: RegistrationId) -> Result<Registration, AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let ev = events::lock(&mut tx, event).await?;
    let r = registrations::get(tx.conn(), id).await?.filter(|r| r.event_id == event).ok_or(DomainError::NotFound)?;
    if ev.status != EventStatus::Published {
        return Err(DomainError::OfferClosed.into());
    }
    check_claim(r.status, r.offer_expires_at, now)?;
    registrations::set_status(&mut tx, id, RegistrationStatus::Confirmed, now).await?;
    let details = json!({"event": event.to_string()});
    audit::record(&mut tx, entry(Some(r.member_id), "registration.claimed", "registration", id, None, details), now)
        .await?;
    // Read in the transaction, which holds the event's lock: another
    // connection from a busy pool could keep everyone waiting.
    let g = groups::by_id(tx.conn(), ev.group_id).await?.ok_or(DomainError::NotFound)?;
    if let Some(m) = members::by_id(tx.conn(), r.member_id).await? {
        let to = Recipient { id: m.id, name: m.name.as_str(), email: &m.email, locale: m.locale };
        let invite = Invitations::of(svc, &mut tx, &ev, &g).await?.request(&to, true);
        let link = svc.links.to(&format!("/tickets/{id}"));
        notify::about_event(&mut tx, to, "registered", &ev, &g, &link, None, &[], Some(invite)).await?;
    }
    tx.commit().await?;
    Ok(Registration { status: RegistrationStatus::Confirmed, offer_expires_at: None, ..r })
}

/// The holder claims their offered seat (the ticket page, the API).
#[tracing::instrument(skip_all)]
pub async fn claim(
    svc: &Services,
    actor: &Actor,
    event: EventId,
    id: RegistrationId,
) -> Result<Registration, AppError> {
    let r = registrations::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    if r.member_id != actor.member_id {
        // Someone else's place is not found, as for tickets.
        return Err(DomainError::NotFound.into());
    }
    claim_place(svc, event, id).await
}

/// The one-click claim from the offer's email.
#[tracing::instrument(skip_all)]
pub async fn claim_by_link(svc: &Services, token: &str) -> Result<OfferTarget, AppError> {
    let t = target(svc, token).await?;
    let registration = claim_place(svc, t.event.id, t.registration.id).await?;
    Ok(OfferTarget { registration, ..t })
}

/// "No thanks" from the offer's email: the place is given up and the seat
/// goes to the next person, as any cancellation does.
#[tracing::instrument(skip_all)]
pub async fn decline_by_link(svc: &Services, token: &str) -> Result<OfferTarget, AppError> {
    let t = target(svc, token).await?;
    if t.registration.status.is_active() {
        let holder = Actor { member_id: t.registration.member_id, roles: Vec::new() };
        super::registrations::cancel(svc, &holder, t.event.id, t.registration.id).await?;
    }
    target(svc, token).await
}

/// Passes on every offer whose deadline passed: its place is given up
/// (the person is told, and their calendar drops the entry) and the seat
/// is offered to the next person waiting. Returns how many were passed on.
#[tracing::instrument(skip_all)]
pub async fn pass_on_expired(svc: &Services, now: DateTime<Utc>) -> Result<usize, AppError> {
    let window = window(svc).await?;
    let mut passed = 0;
    for (id, event) in registrations::expired_offers(svc.db.reader(), now, 200).await? {
        let mut tx = svc.begin().await?;
        let ev = events::lock(&mut tx, event).await?;
        let Some(r) = registrations::get(tx.conn(), id).await? else { continue };
        // Claimed, declined or passed on by another instance meanwhile.
        if !expired(r.status, r.offer_expires_at, now) {
            continue;
        }
        registrations::set_status(&mut tx, id, RegistrationStatus::Cancelled, now).await?;
        let details = json!({"event": event.to_string()});
        audit::record(&mut tx, entry(None, "registration.offer_expired", "registration", id, None, details), now)
            .await?;
        let g = groups::by_id(tx.conn(), ev.group_id).await?.ok_or(DomainError::NotFound)?;
        if let Some(m) = members::by_id(tx.conn(), r.member_id).await? {
            let to = Recipient { id: m.id, name: m.name.as_str(), email: &m.email, locale: m.locale };
            let invite = Invitations::of(svc, &mut tx, &ev, &g).await?.cancel(&to);
            let link = svc.links.to(&format!("/events/{event}"));
            notify::about_event(&mut tx, to, "offer-expired", &ev, &g, &link, None, &[], Some(invite)).await?;
        }
        super::registrations::promote(svc, &mut tx, (&ev, &g), 1, window, now).await?;
        tx.commit().await?;
        passed += 1;
    }
    Ok(passed)
}
