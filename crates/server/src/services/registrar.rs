//! Registrations in batches (UG-14 under a rush). Requests for one event
//! that arrive while a batch is being written wait together; the next
//! request to take the event's turn writes all of them in one transaction
//! under one `events::lock`. Seats are still counted under the lock, one
//! registrant after the other, so the rule is the same as one at a time;
//! the lock, the count and the commit are paid once per batch instead of
//! once per person. Across instances the event's row lock orders batches.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use guildhall_domain::event::{place, registration_open, Placement};
use guildhall_domain::ids::{EventId, MemberId};
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale};
use guildhall_domain::DomainError;
use guildhall_storage::groups::Group;
use guildhall_storage::{audit, events, registrations};
use serde_json::json;
use tokio::sync::oneshot;

use super::invitations::Invitations;
use super::registrations::Outcome;
use super::Services;
use super::{entry, notify};
use crate::error::AppError;

/// One person to register.
pub struct Pending {
    pub member: MemberId,
    pub name: DisplayName,
    pub email: EmailAddress,
    pub locale: Locale,
    /// Who asked (the member, or a leader registering a walk-in).
    pub actor: MemberId,
    pub group: Arc<Group>,
    reply: Option<oneshot::Sender<Result<Outcome, AppError>>>,
}

impl Pending {
    pub fn new(
        member: MemberId,
        name: DisplayName,
        email: EmailAddress,
        locale: Locale,
        actor: MemberId,
        group: Group,
    ) -> Self {
        Self { member, name, email, locale, actor, group: Arc::new(group), reply: None }
    }
}

#[derive(Default)]
struct EventQueue {
    pending: Mutex<Vec<Pending>>,
    /// Held while a batch for this event is written.
    turn: tokio::sync::Mutex<()>,
}

/// The per-event queues of this instance.
#[derive(Default)]
pub struct Registrar {
    queues: Mutex<HashMap<EventId, Arc<EventQueue>>>,
    /// Batches written by this instance (for tests and operators: the
    /// rush went through here).
    batches: std::sync::atomic::AtomicU64,
}

impl Registrar {
    fn queue(&self, event: EventId) -> Arc<EventQueue> {
        let mut queues = self.queues.lock().unwrap_or_else(|e| e.into_inner());
        queues.entry(event).or_default().clone()
    }

    /// Frees an event's queue once nobody waits in it or holds it, so an
    /// instance that serves thousands of events over months does not keep
    /// a queue for each. Under the map's lock nobody can take a new handle,
    /// so a count of two (the map's and ours) means nobody else has one.
    fn forget_if_idle(&self, event: EventId, q: Arc<EventQueue>) {
        let mut queues = self.queues.lock().unwrap_or_else(|e| e.into_inner());
        let idle = q.pending.lock().unwrap_or_else(|e| e.into_inner()).is_empty();
        if idle && Arc::strong_count(&q) == 2 {
            queues.remove(&event);
        }
    }

    /// How many batches this instance has written.
    pub fn batches(&self) -> u64 {
        self.batches.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many events have a queue on this instance.
    pub fn queues(&self) -> usize {
        self.queues.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Registers one person, in whichever batch takes them. The work runs
    /// in its own task, so a client that hangs up cannot cut a batch (and
    /// the other people in it) short.
    pub async fn submit(&self, svc: &Services, event: EventId, mut p: Pending) -> Result<Outcome, AppError> {
        let q = self.queue(event);
        let (tx, rx) = oneshot::channel();
        p.reply = Some(tx);
        let svc = svc.clone();
        tokio::spawn(async move {
            q.pending.lock().unwrap_or_else(|e| e.into_inner()).push(p);
            // Our request is written by us or by an earlier turn that took
            // it along: it was queued before we waited for the turn.
            let _turn = q.turn.lock().await;
            let batch = std::mem::take(&mut *q.pending.lock().unwrap_or_else(|e| e.into_inner()));
            if !batch.is_empty() {
                write_batch(&svc, event, batch).await;
                svc.registrar.batches.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            drop(_turn);
            svc.registrar.forget_if_idle(event, q);
        });
        rx.await.map_err(|_| AppError::Internal(anyhow::anyhow!("registration batch dropped")))?
    }
}

/// Writes a batch and answers each request. A database failure fails the
/// whole batch (nothing of it is stored); a person already registered
/// fails alone.
async fn write_batch(svc: &Services, event: EventId, mut batch: Vec<Pending>) {
    let replies: Vec<_> = batch.iter_mut().map(|p| p.reply.take()).collect();
    match try_batch(svc, event, &batch).await {
        Ok(outcomes) => {
            for (reply, outcome) in replies.into_iter().zip(outcomes) {
                if let Some(r) = reply {
                    let _ = r.send(outcome);
                }
            }
        }
        Err(e) => {
            let report = format!("{e:?}");
            for reply in replies.into_iter().flatten() {
                let failed = anyhow::anyhow!("registration batch failed: {report}");
                let err = match &e {
                    AppError::Domain(d) => AppError::Domain(d.clone()),
                    _ if e.is_unavailable() => AppError::Unavailable(failed),
                    _ => AppError::Internal(failed),
                };
                let _ = reply.send(Err(err));
            }
        }
    }
}

async fn try_batch(
    svc: &Services,
    event: EventId,
    batch: &[Pending],
) -> Result<Vec<Result<Outcome, AppError>>, AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let ev = events::lock(&mut tx, event).await?;
    if !registration_open(ev.status, &ev.details.window, ev.ends_at(), now) {
        return Err(DomainError::RegistrationClosed.into());
    }
    let mut q = registrations::queue_state(&mut tx, event).await?;
    // One read of the venue for the whole batch's invitations (UG-17).
    let venue = match ev.venue_id {
        Some(v) => guildhall_storage::venues::get(tx.conn(), v).await?,
        None => None,
    };
    // A batch is one event, so one group: the invitations are built once.
    let invitations = batch.first().map(|p| Invitations::with_venue(svc, &ev, &p.group, venue));
    let mut out = Vec::with_capacity(batch.len());
    for p in batch {
        let (status, position) = match place(ev.details.capacity, q.confirmed) {
            Placement::Confirmed => (RegistrationStatus::Confirmed, None),
            // The newcomer joins the end of the line.
            Placement::Waitlisted => (RegistrationStatus::Waitlisted, Some(q.waiting as i64 + 1)),
        };
        let id = match registrations::insert_new(&mut tx, event, p.member, status, q.next_seq, now).await? {
            Some(id) => id,
            None => match registrations::find(tx.conn(), event, p.member).await? {
                Some(r) if r.status.is_active() => {
                    out.push(Err(DomainError::AlreadyRegistered.into()));
                    continue;
                }
                Some(r) => {
                    registrations::reactivate(&mut tx, r.id, status, q.next_seq, now).await?;
                    r.id
                }
                None => return Err(AppError::Internal(anyhow::anyhow!("registration vanished under the lock"))),
            },
        };
        q.next_seq += 1;
        match status {
            RegistrationStatus::Confirmed => q.confirmed += 1,
            _ => q.waiting += 1,
        }
        let details = json!({"event": event.to_string(), "status": status.as_str(), "position": position});
        audit::record(&mut tx, entry(Some(p.actor), "registration.created", "registration", id, None, details), now)
            .await?;
        let kind = if status == RegistrationStatus::Confirmed { "registered" } else { "waitlisted" };
        let link = svc.links.to(&format!("/tickets/{id}"));
        let to = notify::Recipient { id: p.member, name: p.name.as_str(), email: &p.email, locale: p.locale };
        let invite = invitations.as_ref().map(|i| i.request(&to, status == RegistrationStatus::Confirmed));
        notify::about_event(&mut tx, to, kind, &ev, &p.group, &link, position, &[], invite).await?;
        out.push(Ok(Outcome { id, status, waitlist_position: position }));
    }
    tx.commit().await?;
    Ok(out)
}
