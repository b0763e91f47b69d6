//! Registration, the waiting list, check-in and reminders (UG-14).
//!
//! Every change to who holds a seat starts with `events::lock`, so the
//! count the domain's `place` decides on is exact however many requests,
//! instances or databases are involved: no event is ever overbooked.

use chrono::{DateTime, Utc};
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::email_topic::Topic;
use guildhall_domain::ids::{EventId, MemberId, RegistrationId};
use guildhall_domain::offer::{fill, Fill, OfferWindow};
use guildhall_domain::registration::{RegistrationStatus, TicketCode};
use guildhall_domain::reminder;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event};
use guildhall_storage::groups::{self, Group};
use guildhall_storage::registrations::{self, Registration};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::email_preferences::LinkKey;
use super::invitations::Invitations;
use super::{entry, notify, registrar};
use super::{Services, Work};
use crate::auth::SignedIn;
use crate::error::AppError;

/// Where a registration stands, as answered to the registrant.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: RegistrationId,
    pub status: RegistrationStatus,
    pub waitlist_position: Option<i64>,
}

async fn group_of(svc: &Services, ev: &Event) -> Result<Group, AppError> {
    Ok(groups::by_id(svc.db.reader(), ev.group_id).await?.ok_or(DomainError::NotFound)?)
}

/// Registers the signed-in member, or someone a leader names (walk-ins).
#[tracing::instrument(skip_all)]
pub async fn register(
    svc: &Services,
    me: &SignedIn,
    event: EventId,
    member: Option<MemberId>,
) -> Result<Outcome, AppError> {
    let actor = &me.actor;
    let ev = events::get(svc.db.reader(), event).await?.ok_or(DomainError::NotFound)?;
    let g = group_of(svc, &ev).await?;
    let who = match member {
        Some(m) if m != actor.member_id => {
            authorize(actor, Action::ManageGroup { group: g.id, region: g.region_id })?;
            // A leader registers someone else only at the door, where the
            // person stands in front of them: anyone else registers
            // themselves, which is their consent (UG-14).
            require_door_for_others(svc, &ev).await?;
            members::by_id(svc.db.reader(), m).await?.ok_or(DomainError::field("member_id", "member_not_found"))?
        }
        _ => me.member.clone(),
    };
    if !ev.status.is_public() && !actor_manages(actor, &g) {
        return Err(DomainError::NotFound.into());
    }
    let pending = registrar::Pending::new(who.id, who.name, who.email, who.locale, actor.member_id, g);
    svc.registrar.submit(svc, event, pending).await
}

/// UG-14: whether the door is open for `ev` now (the settings' window).
/// The outer error is the database's; the inner one says why the door is
/// shut, for callers that word the refusal their own way.
#[tracing::instrument(skip_all)]
pub async fn door_check(svc: &Services, ev: &Event) -> Result<Result<(), DomainError>, AppError> {
    let s = svc.settings().await?;
    Ok(guildhall_domain::event::door_open(
        ev.details.schedule,
        Utc::now(),
        s.int("events.checkin_opens_minutes_before"),
        s.int("events.checkin_closes_hours_after"),
    ))
}

/// UG-14: when the door opens and closes for `ev`, by the settings.
pub async fn door_times(svc: &Services, ev: &Event) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
    let s = svc.settings().await?;
    Ok(guildhall_domain::event::door_window(
        ev.details.schedule,
        s.int("events.checkin_opens_minutes_before"),
        s.int("events.checkin_closes_hours_after"),
    ))
}

/// UG-14: refuses registering someone else outside the door window.
#[tracing::instrument(skip_all)]
pub async fn require_door_for_others(svc: &Services, ev: &Event) -> Result<(), AppError> {
    door_check(svc, ev).await?.map_err(|_| DomainError::field("member_id", "register_others_at_door"))?;
    Ok(())
}

fn actor_manages(actor: &Actor, g: &Group) -> bool {
    authorize(actor, Action::ManageGroup { group: g.id, region: g.region_id }).is_ok()
}

/// A registration and its event, if the actor is its holder or runs the
/// group.
#[tracing::instrument(skip_all)]
pub async fn visible(
    svc: &Services,
    actor: &Actor,
    id: RegistrationId,
) -> Result<(Registration, Event, Group), AppError> {
    let r = registrations::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let ev = events::get(svc.db.reader(), r.event_id).await?.ok_or(DomainError::NotFound)?;
    let g = group_of(svc, &ev).await?;
    if r.member_id != actor.member_id && !actor_manages(actor, &g) {
        // Someone else's ticket is not found, not forbidden: ids leak nothing.
        return Err(DomainError::NotFound.into());
    }
    Ok((r, ev, g))
}

/// Cancels a registration (its holder, or the group's leaders). A freed
/// seat goes to the first person waiting, who is emailed.
#[tracing::instrument(skip_all)]
pub async fn cancel(svc: &Services, actor: &Actor, event: EventId, id: RegistrationId) -> Result<(), AppError> {
    let (r, _, g) = visible(svc, actor, id).await?;
    if r.event_id != event {
        return Err(DomainError::NotFound.into());
    }
    let window = super::offers::window(svc).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let ev = events::lock(&mut tx, event).await?;
    let r = registrations::get(tx.conn(), id).await?.ok_or(DomainError::NotFound)?;
    if !r.status.is_active() {
        return Ok(());
    }
    r.status.cancel(r.checked_in_at.is_some())?;
    if ev.status != guildhall_domain::event::EventStatus::Published || ev.ends_at() <= now {
        return Err(DomainError::RegistrationClosed.into());
    }
    registrations::set_status(&mut tx, id, RegistrationStatus::Cancelled, now).await?;
    let details = json!({"event": event.to_string(), "was": r.status.as_str()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "registration.cancelled", "registration", id, None, details),
        now,
    )
    .await?;
    // UG-17: told, with a CANCEL, so their calendar drops the event.
    if let Some(m) = members::by_id(tx.conn(), r.member_id).await? {
        let to = notify::Recipient { id: m.id, name: m.name.as_str(), email: &m.email, locale: m.locale };
        let invite = Invitations::of(svc, &mut tx, &ev, &g).await?.cancel(&to);
        let link = svc.links.to(&format!("/events/{event}"));
        notify::about_event(&mut tx, to, "registration-cancelled", &ev, &g, &link, None, &[], Some(invite)).await?;
    }
    if r.status.frees_a_seat() {
        promote(svc, &mut tx, (&ev, &g), 1, window, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Gives `seats` freed seats to the first people waiting and emails them:
/// at once, or (UG-18, an event filling by offers) as an offer until a
/// deadline. The caller holds the event's lock.
#[tracing::instrument(skip_all)]
pub async fn promote(
    svc: &Services,
    tx: &mut Work,
    (ev, g): (&Event, &Group),
    seats: u64,
    window: OfferWindow,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if seats == 0 || ev.status != guildhall_domain::event::EventStatus::Published {
        return Ok(());
    }
    let attendees = registrations::attendees(tx.conn(), ev.id, false).await?;
    let waiting = attendees.iter().filter(|a| a.registration.status == RegistrationStatus::Waitlisted);
    let invitations = Invitations::of(svc, tx, ev, g).await?;
    for a in waiting.take(usize::try_from(seats).unwrap_or(usize::MAX)) {
        let id = a.registration.id;
        if let Fill::Offer { until } = fill(ev.details.waitlist_mode, window, now, ev.starts_at()) {
            super::offers::offer(svc, tx, (ev, g), a, until, now).await?;
            continue;
        }
        registrations::set_status(tx, id, RegistrationStatus::Confirmed, now).await?;
        let details = json!({"event": ev.id.to_string()});
        audit::record(tx, entry(None, "registration.promoted", "registration", id, None, details), now).await?;
        let link = svc.links.to(&format!("/tickets/{id}"));
        let invite = invitations.request(&a.into(), true);
        notify::about_event(tx, a.into(), "promoted", ev, g, &link, None, &[], Some(invite)).await?;
    }
    Ok(())
}

/// How a leader identifies the person at the door.
#[derive(Clone)]
pub enum CheckInBy {
    Code(String),
    Registration(RegistrationId),
}

/// Checks a confirmed attendee in (UG-14). Checking in twice is harmless
/// and says so.
#[tracing::instrument(skip_all)]
pub async fn check_in(
    svc: &Services,
    actor: &Actor,
    event: EventId,
    by: CheckInBy,
) -> Result<(Registration, bool), AppError> {
    let (ev, _) = super::events::managed_event(svc, actor, event).await?;
    if !matches!(
        ev.status,
        guildhall_domain::event::EventStatus::Published | guildhall_domain::event::EventStatus::Completed
    ) {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "check_in" }.into());
    }
    // UG-10, UG-14: check-in records who came, so only around the event.
    door_check(svc, &ev).await??;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    // The event's lock, as for registering and cancelling: without it a
    // cancellation on another instance could read the place before this
    // check-in and cancel it after (seen in the soak with two instances).
    events::lock(&mut tx, event).await?;
    let r = match by {
        CheckInBy::Code(raw) => {
            let code = TicketCode::parse(&raw)?;
            registrations::by_code(tx.conn(), event, &code).await?
        }
        CheckInBy::Registration(id) => registrations::get(tx.conn(), id).await?.filter(|r| r.event_id == event),
    }
    .ok_or(DomainError::TicketInvalid)?;
    r.status.check_in()?;
    let first = registrations::check_in(&mut tx, r.id, actor.member_id, now).await?;
    if first {
        let details = json!({"event": event.to_string()});
        audit::record(
            &mut tx,
            entry(Some(actor.member_id), "registration.checked_in", "registration", r.id, None, details),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok((r, first))
}

/// UG-14: queues the reminders due now, each moment once per place even
/// with several instances running this at once (`reminder::due` says
/// which). Each carries the one-click "I can't come" link. Returns how
/// many were queued.
#[tracing::instrument(skip_all)]
pub async fn send_reminders(svc: &Services, now: DateTime<Utc>) -> Result<u64, AppError> {
    let offsets = svc.settings().await?.hours_list("events.reminder_offsets_hours");
    let mut key = None;
    let mut sent = 0;
    for ev in events::starting_between(svc.db.reader(), now, now + reminder::horizon(&offsets)).await? {
        let g = group_of(svc, &ev).await?;
        let pending = registrations::attendees(svc.db.reader(), ev.id, false).await?;
        let settled = registrations::reminders_settled(svc.db.reader(), ev.id).await?;
        let ids: Vec<_> = pending.iter().map(|a| a.registration.member_id).collect();
        // Reminders are a convenience each member may turn off (PL-4).
        let off = super::email_preferences::opted_out(svc, &ids, Topic::Reminders).await?;
        for a in pending.iter().filter(|a| a.registration.status == RegistrationStatus::Confirmed) {
            let r = &a.registration;
            let done = settled.get(&r.id).map(Vec::as_slice).unwrap_or_default();
            let due = reminder::due(&offsets, ev.starts_at(), r.updated_at, now, done);
            if due.is_nothing() {
                continue;
            }
            let send = due.send.filter(|_| !off.contains(&r.member_id));
            let mut tx = svc.begin().await?;
            if registrations::settle_reminders(&mut tx, r.id, send, &due.settle, now).await? && send.is_some() {
                let key = match &key {
                    Some(k) => k,
                    None => key.insert(LinkKey::within(&mut tx).await?),
                };
                let link = svc.links.to(&format!("/tickets/{}", r.id));
                let release = svc.links.to(&key.release_path(r.id));
                let extra = [("release", release.as_str())];
                notify::about_event(&mut tx, a.into(), "reminder", &ev, &g, &link, None, &extra, None).await?;
                sent += 1;
            }
            tx.commit().await?;
        }
    }
    Ok(sent)
}

/// Where a place named by a reminder's "I can't come" link stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReleaseState {
    /// Held, and may be let go now.
    Held,
    /// Let go already (by this link or otherwise).
    Released,
    /// The holder was let in at the door: that attendance stays.
    CheckedIn,
    /// The event was cancelled or is over: nothing to free.
    Closed,
}

/// UG-14: the place, its event and group a release link names, and where
/// the place stands. Whoever holds the email may use it, signed in or not.
pub async fn release_target(
    svc: &Services,
    token: &str,
) -> Result<(Registration, Event, Group, ReleaseState), AppError> {
    let key = LinkKey::load(&svc.db).await?;
    let id = key.verify_release(token).ok_or(DomainError::LinkInvalid)?;
    let r = registrations::get(svc.db.reader(), id).await?.ok_or(DomainError::LinkInvalid)?;
    let ev = events::get(svc.db.reader(), r.event_id).await?.ok_or(DomainError::NotFound)?;
    let g = group_of(svc, &ev).await?;
    let state = if r.checked_in_at.is_some() {
        ReleaseState::CheckedIn
    } else if !r.status.is_active() {
        ReleaseState::Released
    } else if ev.status != guildhall_domain::event::EventStatus::Published || ev.ends_at() <= Utc::now() {
        ReleaseState::Closed
    } else {
        ReleaseState::Held
    };
    Ok((r, ev, g, state))
}

/// Lets the place go, as its holder would from the ticket page: the next
/// person waiting moves up and is emailed. Pressing twice is harmless.
/// Returns where the place stands and whether this press released it.
#[tracing::instrument(skip_all)]
pub async fn release(svc: &Services, token: &str) -> Result<(Event, Group, ReleaseState, bool), AppError> {
    let (r, ev, g, state) = release_target(svc, token).await?;
    if state != ReleaseState::Held {
        return Ok((ev, g, state, false));
    }
    let holder = Actor { member_id: r.member_id, roles: Vec::new() };
    match cancel(svc, &holder, ev.id, r.id).await {
        Ok(()) => Ok((ev, g, ReleaseState::Released, true)),
        Err(AppError::Domain(DomainError::CheckedInAlready)) => Ok((ev, g, ReleaseState::CheckedIn, false)),
        Err(AppError::Domain(DomainError::RegistrationClosed)) => Ok((ev, g, ReleaseState::Closed, false)),
        Err(e) => Err(e),
    }
}
