//! The door desk (UG-14): each check-in or walk-in ends in one plain
//! answer a leader reads at a glance with a queue in front of them, and a
//! walk-in needs no account: a name (and an email if they give one).

use chrono::{DateTime, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::event::{seat_for_walk_in, EventStatus};
use guildhall_domain::ids::{EventId, RegistrationId};
use guildhall_domain::registration::{RegistrationStatus, TicketCode};
use guildhall_domain::values::{DisplayName, EmailAddress};
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event};
use guildhall_storage::registrations::{self, Registration};
use guildhall_storage::{audit, members, walk_ins};
use serde_json::json;

use super::registrations::{self as regs, CheckInBy};
use super::{entry, Services};
use crate::auth::SignedIn;
use crate::error::AppError;

/// What happened at the door, for the big answer on the page and the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DoorResult {
    /// Let in now.
    CheckedIn { name: String },
    /// Let in before, at `at`: the same ticket shown twice.
    AlreadyIn { name: String, at: DateTime<Utc> },
    /// Registered but without a seat yet.
    Waiting { name: String, position: i64 },
    /// UG-18: offered a seat and not claimed it yet.
    SeatOffered { name: String },
    /// The place was given up (by them or a leader).
    GaveUp { name: String },
    /// No place of this event has this code.
    Unknown,
    /// Let in by name, without an account.
    WalkIn { name: String },
}

impl DoorResult {
    /// Stable name of the answer (the API's `result`, the page's key).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::CheckedIn { .. } => "checked_in",
            Self::AlreadyIn { .. } => "already_checked_in",
            Self::Waiting { .. } => "waiting",
            Self::SeatOffered { .. } => "seat_offered",
            Self::GaveUp { .. } => "gave_up",
            Self::Unknown => "unknown",
            Self::WalkIn { .. } => "walk_in",
        }
    }

    /// Whether the person goes in: the colour of the answer.
    pub fn lets_in(&self) -> bool {
        matches!(self, Self::CheckedIn { .. } | Self::AlreadyIn { .. } | Self::WalkIn { .. })
    }
}

/// Checks someone in by ticket code or from the list, and says what that
/// means when the ticket cannot be used (waiting, given up, unknown). The
/// id is the registration's the answer is about, when there is one.
#[tracing::instrument(skip_all)]
pub async fn check_in(
    svc: &Services,
    me: &SignedIn,
    event: EventId,
    by: CheckInBy,
) -> Result<(DoorResult, Option<RegistrationId>), AppError> {
    match regs::check_in(svc, &me.actor, event, by.clone()).await {
        Ok((r, first)) => {
            let name = name_of(svc, &r).await?;
            let result = match (first, r.checked_in_at) {
                (false, Some(at)) => DoorResult::AlreadyIn { name, at },
                _ => DoorResult::CheckedIn { name },
            };
            Ok((result, Some(r.id)))
        }
        Err(AppError::Domain(DomainError::TicketInvalid)) => {
            let found = find(svc, event, by).await?;
            Ok((explain(svc, found.as_ref()).await?, found.map(|r| r.id)))
        }
        Err(e) => Err(e),
    }
}

/// Where a registration of `event` stands at the door now, for the group's
/// leaders (the answer shown again after a reload).
#[tracing::instrument(skip_all)]
pub async fn look_up(
    svc: &Services,
    actor: &Actor,
    event: EventId,
    id: RegistrationId,
) -> Result<DoorResult, AppError> {
    super::events::managed_event(svc, actor, event).await?;
    let found = find(svc, event, CheckInBy::Registration(id)).await?;
    match found.as_ref().and_then(|r| r.checked_in_at) {
        Some(at) => {
            Ok(DoorResult::AlreadyIn { name: name_of(svc, found.as_ref().ok_or(DomainError::NotFound)?).await?, at })
        }
        None => explain(svc, found.as_ref()).await,
    }
}

async fn name_of(svc: &Services, r: &Registration) -> Result<String, AppError> {
    let m = members::by_id(svc.db.reader(), r.member_id).await?.ok_or(DomainError::NotFound)?;
    Ok(m.name.to_string())
}

async fn find(svc: &Services, event: EventId, by: CheckInBy) -> Result<Option<Registration>, AppError> {
    let reader = svc.db.reader();
    Ok(match by {
        CheckInBy::Code(raw) => registrations::by_code(reader, event, &TicketCode::parse(&raw)?).await?,
        CheckInBy::Registration(id) => registrations::get(reader, id).await?.filter(|r| r.event_id == event),
    })
}

/// Why a place cannot be used at the door (or that there is none).
async fn explain(svc: &Services, found: Option<&Registration>) -> Result<DoorResult, AppError> {
    let Some(r) = found else { return Ok(DoorResult::Unknown) };
    let name = name_of(svc, r).await?;
    Ok(match r.status {
        RegistrationStatus::Waitlisted => DoorResult::Waiting {
            name,
            position: registrations::waitlist_position(svc.db.reader(), r.event_id, r.queue_seq).await?,
        },
        RegistrationStatus::Offered => DoorResult::SeatOffered { name },
        RegistrationStatus::Cancelled => DoorResult::GaveUp { name },
        RegistrationStatus::Confirmed => DoorResult::Unknown,
    })
}

/// What a leader types for a walk-in: a name, and an email if given.
pub struct WalkInInput {
    pub name: DisplayName,
    pub email: Option<EmailAddress>,
}

impl WalkInInput {
    pub fn parse(name: &str, email: &str) -> Result<Self, DomainError> {
        let name = DisplayName::parse(name);
        let email = if email.trim().is_empty() { Ok(None) } else { EmailAddress::parse(email).map(Some) };
        match (name, email) {
            (Ok(name), Ok(email)) => Ok(Self { name, email }),
            (name, email) => {
                DomainError::collect([name.err(), email.err()]).and(Err(DomainError::field("name", "required")))
            }
        }
    }
}

/// Lets someone in at the door. With the email of an account, they are
/// registered and checked in (or join the waiting list when the event is
/// full); otherwise they come in by name and take a free seat.
/// The id is the registration's, or the walk-in's when they came by name.
#[tracing::instrument(skip_all)]
pub async fn walk_in(
    svc: &Services,
    me: &SignedIn,
    event: EventId,
    who: &WalkInInput,
) -> Result<(DoorResult, String), AppError> {
    let (ev, _) = super::events::managed_event(svc, &me.actor, event).await?;
    open_for_door(&ev)?;
    regs::require_door_for_others(svc, &ev).await?;
    let account = match &who.email {
        Some(email) => members::by_email(svc.db.reader(), email).await?,
        None => None,
    };
    if let Some(m) = account {
        match regs::register(svc, me, event, Some(m.id)).await {
            Ok(_) | Err(AppError::Domain(DomainError::AlreadyRegistered)) => {}
            Err(e) => return Err(e),
        }
        let r = registrations::find(svc.db.reader(), event, m.id).await?.ok_or(DomainError::NotFound)?;
        let (result, _) = check_in(svc, me, event, CheckInBy::Registration(r.id)).await?;
        return Ok((result, r.id.to_string()));
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let ev = events::lock(&mut tx, event).await?;
    seat_for_walk_in(ev.details.capacity, registrations::count_confirmed(tx.conn(), event).await?)?;
    let id = walk_ins::add(&mut tx, event, &who.name, who.email.as_ref(), me.actor.member_id, now).await?;
    let details = json!({"event": event.to_string(), "with_email": who.email.is_some()});
    audit::record(&mut tx, entry(Some(me.actor.member_id), "walk_in.added", "walk_in", id, None, details), now).await?;
    tx.commit().await?;
    Ok((DoorResult::WalkIn { name: who.name.to_string() }, id.to_string()))
}

/// The door serves published events and those just completed.
fn open_for_door(ev: &Event) -> Result<(), DomainError> {
    match ev.status {
        EventStatus::Published | EventStatus::Completed => Ok(()),
        other => Err(DomainError::EventStateConflict { from: other.as_str(), to: "check_in" }),
    }
}
