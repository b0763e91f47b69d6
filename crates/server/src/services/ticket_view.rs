//! A ticket as its holder sees it (UG-14): the registration with its event,
//! group and place in line. One read model that "My tickets", the ticket
//! page and `GET /v1/me/tickets` and `/v1/tickets/{id}` all show.

use chrono::{DateTime, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::event::registration_open;
use guildhall_domain::ids::{EventId, RegistrationId};
use guildhall_domain::registration::{RegistrationStatus, TicketState};
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::members;
use guildhall_storage::registrations::{self, Registration};

use super::registrations::visible;
use super::Services;
use crate::error::AppError;

pub struct TicketView {
    pub registration: Registration,
    pub event: Event,
    pub group: Group,
    /// 1 for the first person waiting; None unless waitlisted.
    pub waitlist_position: Option<i64>,
    /// Whose place it is, when the reader is not its holder (a leader or
    /// manager of the group opening a member's ticket).
    pub held_by_other: Option<String>,
}

impl TicketView {
    /// PL-13: what the ticket says now (the page's message, the API's `state`).
    pub fn state(&self, now: DateTime<Utc>) -> TicketState {
        let (r, ev) = (&self.registration, &self.event);
        TicketState::of(r.status, r.checked_in_at.is_some(), ev.status, ev.ends_at(), now)
    }

    /// The holder may still give the place up: it is active, not used at
    /// the door, and the event still takes registrations.
    pub fn can_cancel(&self, now: DateTime<Utc>) -> bool {
        let r = &self.registration;
        r.status.is_active()
            && r.status.cancel(r.checked_in_at.is_some()).is_ok()
            && registration_open(self.event.status, &self.event.details.window, self.event.ends_at(), now)
    }
}

/// The caller's tickets, newest event first, in two round trips however
/// many they hold (the tickets with their events and groups; the places in
/// line).
#[tracing::instrument(skip_all)]
pub async fn mine(svc: &Services, actor: &Actor) -> Result<Vec<TicketView>, AppError> {
    let reader = svc.db.reader();
    let held = registrations::tickets_of(reader, actor.member_id).await?;
    let waiting: Vec<EventId> = held
        .iter()
        .filter(|(r, _, _)| r.status == RegistrationStatus::Waitlisted)
        .map(|(r, _, _)| r.event_id)
        .collect();
    let mut places = registrations::tallies_for(reader, &waiting, Some(actor.member_id)).await?;
    Ok(held
        .into_iter()
        .map(|(registration, event, group)| {
            let waitlist_position = places.remove(&registration.event_id).and_then(|(_, _, p)| p);
            TicketView { registration, event, group, waitlist_position, held_by_other: None }
        })
        .collect())
}

/// Issue 18: what became of each of the member's places, counted.
#[tracing::instrument(skip_all)]
pub async fn record(svc: &Services, actor: &Actor) -> Result<guildhall_domain::attendance::Record, AppError> {
    let places = registrations::history_of(svc.db.reader(), actor.member_id).await?;
    Ok(guildhall_domain::attendance::Record::of(&places, chrono::Utc::now()))
}

/// One ticket, for its holder or those who run its group; anyone else is
/// told it does not exist.
#[tracing::instrument(skip_all)]
pub async fn one(svc: &Services, actor: &Actor, id: RegistrationId) -> Result<TicketView, AppError> {
    let (registration, event, group) = visible(svc, actor, id).await?;
    let waitlist_position = match registration.status {
        RegistrationStatus::Waitlisted => {
            Some(registrations::waitlist_position(svc.db.reader(), event.id, registration.queue_seq).await?)
        }
        _ => None,
    };
    let held_by_other = if registration.member_id == actor.member_id {
        None
    } else {
        members::by_id(svc.db.reader(), registration.member_id).await?.map(|m| m.name.to_string())
    };
    Ok(TicketView { registration, event, group, waitlist_position, held_by_other })
}
