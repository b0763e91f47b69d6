//! Registrations, the waiting list and check-in (UG-14). Every function
//! that changes who holds a seat runs inside a transaction that first took
//! `events::lock`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use guildhall_domain::attendance::Place;
use guildhall_domain::ids::{EventId, MemberId, RegistrationId};
use guildhall_domain::registration::{RegistrationStatus, TicketCode};
use guildhall_domain::values::{DisplayName, EmailAddress, Locale};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor, Row};

use crate::cols::{aliased, Cols};
use crate::events::Event;
use crate::groups::Group;
use crate::time::{from_db, from_db_opt, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Registration {
    pub id: RegistrationId,
    pub event_id: EventId,
    pub member_id: MemberId,
    pub status: RegistrationStatus,
    pub queue_seq: i64,
    pub ticket_code: TicketCode,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub checked_in_at: Option<DateTime<Utc>>,
    /// UG-18: while offered a seat, until when.
    pub offer_expires_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "r.id, r.event_id, r.member_id, r.status, r.queue_seq, r.ticket_code, r.created_at, r.updated_at,
    r.checked_in_at, r.offer_expires_at";

fn from_row(r: &AnyRow) -> Result<Registration, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("registration {w}"));
    let text = |c: &str| r.try_get::<String, _>(c);
    Ok(Registration {
        id: r.try_get("id")?,
        event_id: r.try_get("event_id")?,
        member_id: r.try_get("member_id")?,
        status: r.try_get::<RegistrationStatus, _>("status")?,
        queue_seq: r.try_get("queue_seq")?,
        ticket_code: TicketCode::parse(&text("ticket_code")?).map_err(|_| corrupt("ticket"))?,
        created_at: from_db(r.try_get("created_at")?),
        updated_at: from_db(r.try_get("updated_at")?),
        checked_in_at: from_db_opt(r.try_get("checked_in_at")?),
        offer_expires_at: from_db_opt(r.try_get("offer_expires_at")?),
    })
}

/// An event's numbers, in one query.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Seats taken: confirmed registrations and walk-ins (UG-14).
    pub confirmed: u64,
    pub waiting: u64,
    /// Who came (the `attendance` view): checked-in places and walk-ins.
    pub checked_in: u64,
    /// Let in at the door without an account; part of both counts above.
    pub walk_ins: u64,
    /// UG-18: seats held for someone offered them, not yet claimed.
    pub offered: u64,
}

impl Tally {
    /// Seats nobody holds: neither confirmed nor on offer.
    pub fn seats_left(&self, capacity: u32) -> u64 {
        u64::from(capacity).saturating_sub(self.confirmed + self.offered)
    }
}

/// The columns of a `Tally` for the event id in `ev`, read from the
/// registrations aliased `r0`.
const TALLY: &str = "COALESCE(SUM(CASE WHEN r0.status = 'confirmed' THEN 1 ELSE 0 END), 0)
        + (SELECT COUNT(*) FROM walk_ins w WHERE w.event_id = e.id) AS confirmed,
    COALESCE(SUM(CASE WHEN r0.status = 'waitlisted' THEN 1 ELSE 0 END), 0) AS waiting,
    (SELECT COUNT(*) FROM attendance a WHERE a.event_id = e.id) AS checked_in,
    (SELECT COUNT(*) FROM walk_ins w WHERE w.event_id = e.id) AS walk_ins,
    COALESCE(SUM(CASE WHEN r0.status = 'offered' THEN 1 ELSE 0 END), 0) AS offered";

fn tally_from(row: &AnyRow) -> Result<Tally, StorageError> {
    let n = |c: &str| row.try_get::<i64, _>(c).map(|v| v.max(0) as u64);
    Ok(Tally {
        confirmed: n("confirmed")?,
        waiting: n("waiting")?,
        checked_in: n("checked_in")?,
        walk_ins: n("walk_ins")?,
        offered: n("offered")?,
    })
}

pub async fn tally<'e>(ex: impl Executor<'e, Database = Any>, event: EventId) -> Result<Tally, StorageError> {
    let row = sqlx::query(&format!(
        "SELECT {TALLY} FROM events e LEFT JOIN registrations r0 ON r0.event_id = e.id WHERE e.id = $1 GROUP BY e.id"
    ))
    .bind(event)
    .fetch_optional(ex)
    .await?;
    row.as_ref().map(tally_from).transpose().map(Option::unwrap_or_default)
}

/// An event's numbers and, for a signed-in viewer, their own registration
/// with its waiting-list position, in one round trip (the event page and
/// the API show both).
pub async fn tally_for(
    pool: &AnyPool,
    event: EventId,
    viewer: Option<MemberId>,
) -> Result<(Tally, Option<Registration>, Option<i64>), StorageError> {
    // An event nobody registered for has no row: its numbers are zero.
    Ok(tallies_for(pool, &[event], viewer).await?.remove(&event).unwrap_or_default())
}

/// What `tally_for` gives, for several events in one query: each event's
/// numbers and the viewer's own registration with its waiting position.
/// An event nobody registered for is absent (its numbers are all zero).
pub async fn tallies_for(
    pool: &AnyPool,
    events: &[EventId],
    viewer: Option<MemberId>,
) -> Result<HashMap<EventId, (Tally, Option<Registration>, Option<i64>)>, StorageError> {
    if events.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT t.ev, t.confirmed, t.waiting, t.checked_in, t.walk_ins, t.offered, {COLUMNS},
            (SELECT COUNT(*) FROM registrations w WHERE w.event_id = t.ev AND w.status = 'waitlisted'
                AND w.queue_seq <= r.queue_seq) AS position
         FROM (SELECT e.id AS ev, {TALLY}
               FROM events e LEFT JOIN registrations r0 ON r0.event_id = e.id
               WHERE e.id IN ({}) GROUP BY e.id) t
         LEFT JOIN registrations r ON r.event_id = t.ev AND r.member_id = ${}",
        crate::batch::in_list(events.len()),
        events.len() + 1
    );
    let viewer = viewer.map(|m| m.to_string()).unwrap_or_default();
    let rows = events.iter().fold(sqlx::query(&sql), |q, e| q.bind(*e)).bind(viewer).fetch_all(pool).await?;
    let mut out = HashMap::with_capacity(rows.len());
    for row in &rows {
        let tally = tally_from(row)?;
        let mine = match row.try_get::<Option<String>, _>("id")? {
            Some(_) => Some(from_row(row)?),
            None => None,
        };
        let position = match &mine {
            Some(r) if r.status == RegistrationStatus::Waitlisted => Some(row.try_get::<i64, _>("position")?),
            _ => None,
        };
        out.insert(row.try_get("ev")?, (tally, mine, position));
    }
    Ok(out)
}

/// How many seats are taken: confirmed registrations, seats on offer
/// (UG-18) and walk-ins.
pub async fn count_confirmed<'e>(ex: impl Executor<'e, Database = Any>, event: EventId) -> Result<u64, StorageError> {
    let n: i64 = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status IN ('confirmed', 'offered'))
              + (SELECT COUNT(*) FROM walk_ins WHERE event_id = $1) AS n",
    )
    .bind(event)
    .fetch_one(ex)
    .await?
    .try_get("n")?;
    Ok(n.max(0) as u64)
}

pub async fn find<'e>(
    ex: impl Executor<'e, Database = Any>,
    event: EventId,
    member: MemberId,
) -> Result<Option<Registration>, StorageError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM registrations r WHERE r.event_id = $1 AND r.member_id = $2"))
        .bind(event)
        .bind(member)
        .fetch_optional(ex)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn get<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: RegistrationId,
) -> Result<Option<Registration>, StorageError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM registrations r WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn by_code<'e>(
    ex: impl Executor<'e, Database = Any>,
    event: EventId,
    code: &TicketCode,
) -> Result<Option<Registration>, StorageError> {
    let row =
        sqlx::query(&format!("SELECT {COLUMNS} FROM registrations r WHERE r.event_id = $1 AND r.ticket_code = $2"))
            .bind(event)
            .bind(code.as_str())
            .fetch_optional(ex)
            .await?;
    row.as_ref().map(from_row).transpose()
}

/// The queue's state, read once per batch under the event's lock.
#[derive(Clone, Copy, Debug)]
pub struct QueueState {
    /// Seats taken, walk-ins and seats on offer (UG-18) included.
    pub confirmed: u64,
    pub waiting: u64,
    /// The next place in the queue: after everyone who ever queued.
    pub next_seq: i64,
}

pub async fn queue_state(tx: &mut Tx, event: EventId) -> Result<QueueState, StorageError> {
    let row = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN status IN ('confirmed', 'offered') THEN 1 ELSE 0 END), 0)
                    + (SELECT COUNT(*) FROM walk_ins w WHERE w.event_id = $1) AS confirmed,
                COALESCE(SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END), 0) AS waiting,
                COALESCE(MAX(queue_seq), 0) + 1 AS next_seq
         FROM registrations WHERE event_id = $1",
    )
    .bind(event)
    .fetch_one(&mut **tx)
    .await?;
    Ok(QueueState {
        confirmed: row.try_get::<i64, _>("confirmed")?.max(0) as u64,
        waiting: row.try_get::<i64, _>("waiting")?.max(0) as u64,
        next_seq: row.try_get("next_seq")?,
    })
}

/// Inserts a registration unless the member already has one for this
/// event (then `None`: the caller looks at the existing row).
pub async fn insert_new(
    tx: &mut Tx,
    event: EventId,
    member: MemberId,
    status: RegistrationStatus,
    seq: i64,
    now: DateTime<Utc>,
) -> Result<Option<RegistrationId>, StorageError> {
    let id = RegistrationId::new();
    let done = sqlx::query(
        "INSERT INTO registrations (id, event_id, member_id, status, queue_seq, ticket_code, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (event_id, member_id) DO NOTHING",
    )
    .bind(id)
    .bind(event)
    .bind(member)
    .bind(status)
    .bind(seq)
    .bind(TicketCode::generate().as_str())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

/// The next place in the queue: after everyone who ever queued for it.
pub async fn next_seq(tx: &mut Tx, event: EventId) -> Result<i64, StorageError> {
    let n: i64 = sqlx::query("SELECT COALESCE(MAX(queue_seq), 0) + 1 AS n FROM registrations WHERE event_id = $1")
        .bind(event)
        .fetch_one(&mut **tx)
        .await?
        .try_get("n")?;
    Ok(n)
}

pub async fn insert(
    tx: &mut Tx,
    event: EventId,
    member: MemberId,
    status: RegistrationStatus,
    seq: i64,
    now: DateTime<Utc>,
) -> Result<RegistrationId, StorageError> {
    let id = RegistrationId::new();
    sqlx::query(
        "INSERT INTO registrations (id, event_id, member_id, status, queue_seq, ticket_code, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(id)
    .bind(event)
    .bind(member)
    .bind(status)
    .bind(seq)
    .bind(TicketCode::generate().as_str())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Brings a cancelled registration back, at the end of the queue.
pub async fn reactivate(
    tx: &mut Tx,
    id: RegistrationId,
    status: RegistrationStatus,
    seq: i64,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    // A place taken again is reminded again (UG-14).
    sqlx::query("DELETE FROM reminders_sent WHERE registration_id = $1").bind(id).execute(&mut **tx).await?;
    sqlx::query(
        "UPDATE registrations SET status = $2, queue_seq = $3, updated_at = $4, checked_in_at = NULL,
             checked_in_by = NULL, reminded_at = NULL, offer_expires_at = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(seq)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_status(
    tx: &mut Tx,
    id: RegistrationId,
    status: RegistrationStatus,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE registrations SET status = $2, updated_at = $3, offer_expires_at = NULL WHERE id = $1")
        .bind(id)
        .bind(status)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// UG-18: offers the seat to a waiting registration until `until`.
pub async fn offer(
    tx: &mut Tx,
    id: RegistrationId,
    until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE registrations SET status = 'offered', offer_expires_at = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(to_db(until))
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// UG-18: offers whose deadline passed, oldest first, with their events:
/// what the job passes on. Read without a lock; each is checked again
/// under its event's lock.
pub async fn expired_offers(
    pool: &AnyPool,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<(RegistrationId, EventId)>, StorageError> {
    let rows = sqlx::query(
        "SELECT id, event_id FROM registrations WHERE status = 'offered' AND offer_expires_at <= $1
         ORDER BY offer_expires_at LIMIT $2",
    )
    .bind(to_db(now))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("event_id")?))).collect()
}

/// A waiting registration's place in line: 1 for the first, no gaps.
pub async fn waitlist_position<'e>(
    ex: impl Executor<'e, Database = Any>,
    event: EventId,
    seq: i64,
) -> Result<i64, StorageError> {
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM registrations WHERE event_id = $1 AND status = 'waitlisted' AND queue_seq <= $2",
    )
    .bind(event)
    .bind(seq)
    .fetch_one(ex)
    .await?
    .try_get("n")?;
    Ok(n)
}

/// The first `n` people waiting, in order.
pub async fn first_waiting(tx: &mut Tx, event: EventId, n: u64) -> Result<Vec<Registration>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM registrations r WHERE r.event_id = $1 AND r.status = 'waitlisted'
         ORDER BY r.queue_seq LIMIT $2"
    ))
    .bind(event)
    .bind(i64::try_from(n).unwrap_or(i64::MAX))
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Marks the attendee present; false if they already were.
pub async fn check_in(tx: &mut Tx, id: RegistrationId, by: MemberId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE registrations SET checked_in_at = $2, checked_in_by = $3, updated_at = $2
         WHERE id = $1 AND checked_in_at IS NULL",
    )
    .bind(id)
    .bind(to_db(now))
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What became of each of `member`'s places at published, completed or
/// cancelled events (issue 18: their attendance record), newest first.
pub async fn history_of(pool: &AnyPool, member: MemberId) -> Result<Vec<Place>, StorageError> {
    let rows = sqlx::query(
        "SELECT r.status, r.checked_in_at, r.updated_at, e.status AS event_status, e.starts_at, e.ends_at
         FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.member_id = $1 AND e.status <> 'draft' ORDER BY e.starts_at DESC LIMIT 1000",
    )
    .bind(member)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Place {
                status: r.try_get("status")?,
                checked_in: r.try_get::<Option<i64>, _>("checked_in_at")?.is_some(),
                changed_at: from_db(r.try_get("updated_at")?),
                event_status: r.try_get("event_status")?,
                starts_at: from_db(r.try_get("starts_at")?),
                ends_at: from_db(r.try_get("ends_at")?),
            })
        })
        .collect()
}

/// UG-14: the reminder moments (hours before the start) already settled
/// for each place at `event`.
pub async fn reminders_settled<'e>(
    ex: impl Executor<'e, Database = Any>,
    event: EventId,
) -> Result<HashMap<RegistrationId, Vec<i64>>, StorageError> {
    let rows = sqlx::query(
        "SELECT s.registration_id, s.offset_hours FROM reminders_sent s
         JOIN registrations r ON r.id = s.registration_id WHERE r.event_id = $1",
    )
    .bind(event)
    .fetch_all(ex)
    .await?;
    let mut out: HashMap<RegistrationId, Vec<i64>> = HashMap::new();
    for row in rows {
        out.entry(row.try_get("registration_id")?).or_default().push(row.try_get("offset_hours")?);
    }
    Ok(out)
}

/// Settles the moments `settle` of a place's reminders, `send` among them
/// the one emailed now. True when this caller claimed `send` (or had none
/// to send): another instance that settled it first has sent it.
pub async fn settle_reminders(
    tx: &mut Tx,
    id: RegistrationId,
    send: Option<i64>,
    settle: &[i64],
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let mut claimed = true;
    for &hours in settle {
        let done = sqlx::query(
            "INSERT INTO reminders_sent (registration_id, offset_hours, settled_at, sent) VALUES ($1, $2, $3, $4)
             ON CONFLICT (registration_id, offset_hours) DO NOTHING",
        )
        .bind(id)
        .bind(hours)
        .bind(to_db(now))
        .bind(i64::from(send == Some(hours)))
        .execute(&mut **tx)
        .await?;
        if send == Some(hours) && done.rows_affected() == 0 {
            claimed = false;
        }
    }
    Ok(claimed)
}

/// A registration with who it is, for leaders' lists and emails.
#[derive(Clone, Debug)]
pub struct Attendee {
    pub registration: Registration,
    pub name: DisplayName,
    pub email: EmailAddress,
    pub locale: Locale,
    /// Place on the waiting list, for waiting registrations.
    pub position: Option<i64>,
}

/// Everyone registered (not cancelled), confirmed first, then the queue.
pub async fn attendees<'e>(
    ex: impl Executor<'e, Database = Any>,
    event: EventId,
    include_cancelled: bool,
) -> Result<Vec<Attendee>, StorageError> {
    let filter = if include_cancelled { "" } else { "AND r.status <> 'cancelled'" };
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, m.name, m.email, m.locale FROM registrations r JOIN members m ON m.id = r.member_id
         WHERE r.event_id = $1 {filter}
         ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'offered' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END,
             r.queue_seq"
    ))
    .bind(event)
    .fetch_all(ex)
    .await?;
    let corrupt = |w: &str| StorageError::Corrupt(format!("attendee {w}"));
    let mut position = 0;
    rows.iter()
        .map(|r| {
            let registration = from_row(r)?;
            let pos = if registration.status == RegistrationStatus::Waitlisted {
                position += 1;
                Some(position)
            } else {
                None
            };
            Ok(Attendee {
                registration,
                name: DisplayName::parse(&r.try_get::<String, _>("name")?).map_err(|_| corrupt("name"))?,
                email: EmailAddress::parse(&r.try_get::<String, _>("email")?).map_err(|_| corrupt("email"))?,
                locale: Locale::parse(&r.try_get::<String, _>("locale")?).unwrap_or_default(),
                position: pos,
            })
        })
        .collect()
}

/// A member's registrations that still hold a place, newest event first.
/// A member's tickets (every registration not cancelled) with their events
/// and groups, newest event first, in one query: what "My tickets" and
/// `GET /v1/me/tickets` show.
pub async fn tickets_of(pool: &AnyPool, member: MemberId) -> Result<Vec<(Registration, Event, Group)>, StorageError> {
    static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "SELECT {COLUMNS}, {}, {}, rg.name AS g_region_name FROM registrations r
             JOIN events e ON e.id = r.event_id JOIN groups g ON g.id = e.group_id
             JOIN regions rg ON rg.id = g.region_id
             WHERE r.member_id = $1 AND r.status <> 'cancelled' ORDER BY e.starts_at DESC LIMIT 200",
            aliased("e", crate::events::COLUMNS, "e_"),
            aliased("g", crate::groups::COLUMNS, "g_"),
        )
    });
    let rows = sqlx::query(&SQL).bind(member).fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            Ok((
                from_row(row)?,
                crate::events::from_cols(Cols::prefixed(row, "e_"))?,
                crate::groups::from_cols(Cols::prefixed(row, "g_"))?,
            ))
        })
        .collect()
}

pub async fn for_member(pool: &AnyPool, member: MemberId) -> Result<Vec<Registration>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM registrations r JOIN events e ON e.id = r.event_id
         WHERE r.member_id = $1 AND r.status <> 'cancelled' ORDER BY e.starts_at DESC LIMIT 200"
    ))
    .bind(member)
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}
