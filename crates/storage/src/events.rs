//! Events and their talks (UG-14).

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use guildhall_domain::event::{Capacity, EventDetails, EventFacts, EventStatus, RegistrationWindow, Schedule};
use guildhall_domain::ids::{EventId, GroupId, MemberId, SeriesId, TalkId, VenueId};
use guildhall_domain::materials::TalkMaterials;
use guildhall_domain::offer::WaitlistMode;
use guildhall_domain::review::{Checklist, ReviewStatus};
use guildhall_domain::values::{DisplayName, LongText, Title, WebLink};
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor, Row};

use crate::cols::{aliased, Cols};
use crate::groups::Group;
use crate::time::{from_db, from_db_opt, to_db};
use crate::venues::Venue;
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Event {
    pub id: EventId,
    pub group_id: GroupId,
    pub details: EventDetails,
    pub venue_id: Option<VenueId>,
    pub status: EventStatus,
    /// UG-6: a community manager asked to review this event's sessions.
    pub review_required: bool,
    /// UG-17: the calendar SEQUENCE, raised by each change people must hear of.
    pub sequence: i64,
    /// UG-16: the series this event is a date of.
    pub series_id: Option<SeriesId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Event {
    pub fn starts_at(&self) -> DateTime<Utc> {
        self.details.schedule.starts_at
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.details.schedule.ends_at
    }

    pub fn facts(&self) -> EventFacts {
        EventFacts {
            starts_at: self.starts_at(),
            ends_at: self.ends_at(),
            has_location: self.venue_id.is_some() || self.details.online_link.is_some(),
        }
    }
}

pub(crate) const COLUMNS: &str =
    "id, group_id, title, description, starts_at, ends_at, capacity, venue_id, online_link,
    promotion_links, status, review_required, sequence, series_id, waitlist_mode, registration_opens_at,
    registration_closes_at, created_at, updated_at";

fn from_row(r: &AnyRow) -> Result<Event, StorageError> {
    from_cols(Cols::plain(r))
}

pub(crate) fn from_cols(r: Cols<'_>) -> Result<Event, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("event {w}"));
    let text = |c: &str| r.get::<String>(c);
    let schedule =
        Schedule::new(from_db(r.get("starts_at")?), from_db(r.get("ends_at")?)).map_err(|_| corrupt("schedule"))?;
    let online_link = match r.get::<Option<String>>("online_link")? {
        Some(l) => Some(WebLink::parse(&l, "online_link").map_err(|_| corrupt("online link"))?),
        None => None,
    };
    let promotion_links = text("promotion_links")?
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| WebLink::parse(l, "promotion_links").map_err(|_| corrupt("promotion link")))
        .collect::<Result<_, _>>()?;
    Ok(Event {
        id: r.get("id")?,
        group_id: r.get("group_id")?,
        details: EventDetails {
            title: Title::parse(&text("title")?).map_err(|_| corrupt("title"))?,
            description: LongText::parse(&text("description")?, "description", false)
                .map_err(|_| corrupt("description"))?,
            schedule,
            capacity: Capacity::new(r.get("capacity")?).map_err(|_| corrupt("capacity"))?,
            online_link,
            promotion_links,
            waitlist_mode: r.get::<WaitlistMode>("waitlist_mode")?,
            window: RegistrationWindow {
                opens_at: from_db_opt(r.get("registration_opens_at")?),
                closes_at: from_db_opt(r.get("registration_closes_at")?),
            },
        },
        venue_id: r.get("venue_id")?,
        status: r.get::<EventStatus>("status")?,
        review_required: r.get::<i64>("review_required")? != 0,
        sequence: r.get("sequence")?,
        series_id: r.get("series_id")?,
        created_at: from_db(r.get("created_at")?),
        updated_at: from_db(r.get("updated_at")?),
    })
}

/// An event with its group and venue, in one round trip: the event page
/// and the API show all three.
pub async fn with_group<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: EventId,
) -> Result<Option<(Event, Group, Option<Venue>)>, StorageError> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {}, {}, r.name AS g_region_name, {} FROM events e
             JOIN groups g ON g.id = e.group_id JOIN regions r ON r.id = g.region_id
             LEFT JOIN venues v ON v.id = e.venue_id WHERE e.id = $1",
            aliased("e", COLUMNS, "e_"),
            aliased("g", crate::groups::COLUMNS, "g_"),
            aliased("v", crate::venues::COLUMNS, "v_"),
        )
    });
    let Some(row) = sqlx::query(&SQL).bind(id).fetch_optional(ex).await? else { return Ok(None) };
    let ev = from_cols(Cols::prefixed(&row, "e_"))?;
    let g = crate::groups::from_cols(Cols::prefixed(&row, "g_"))?;
    let venue = match row.try_get::<Option<String>, _>("v_id")? {
        Some(_) => Some(crate::venues::from_cols(Cols::prefixed(&row, "v_"))?),
        None => None,
    };
    Ok(Some((ev, g, venue)))
}

fn links_text(d: &EventDetails) -> String {
    d.promotion_links.iter().map(|l| l.as_str()).collect::<Vec<_>>().join("\n")
}

pub async fn insert(
    tx: &mut Tx,
    group: GroupId,
    d: &EventDetails,
    venue: Option<VenueId>,
    now: DateTime<Utc>,
) -> Result<EventId, StorageError> {
    let id = EventId::new();
    sqlx::query(
        "INSERT INTO events (id, group_id, title, description, starts_at, ends_at, capacity, venue_id,
             online_link, promotion_links, status, created_at, updated_at, waitlist_mode, registration_opens_at,
             registration_closes_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $11, $12, $13, $14)",
    )
    .bind(id)
    .bind(group)
    .bind(d.title.as_str())
    .bind(d.description.as_str())
    .bind(to_db(d.schedule.starts_at))
    .bind(to_db(d.schedule.ends_at))
    .bind(i64::from(d.capacity))
    .bind(venue)
    .bind(d.online_link.as_ref().map(|l| l.as_str().to_owned()))
    .bind(links_text(d))
    .bind(to_db(now))
    .bind(d.waitlist_mode)
    .bind(d.window.opens_at.map(to_db))
    .bind(d.window.closes_at.map(to_db))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn update(
    tx: &mut Tx,
    id: EventId,
    d: &EventDetails,
    venue: Option<VenueId>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE events SET title = $2, description = $3, starts_at = $4, ends_at = $5, capacity = $6,
             venue_id = $7, online_link = $8, promotion_links = $9, updated_at = $10, waitlist_mode = $11,
             registration_opens_at = $12, registration_closes_at = $13
         WHERE id = $1",
    )
    .bind(id)
    .bind(d.title.as_str())
    .bind(d.description.as_str())
    .bind(to_db(d.schedule.starts_at))
    .bind(to_db(d.schedule.ends_at))
    .bind(i64::from(d.capacity))
    .bind(venue)
    .bind(d.online_link.as_ref().map(|l| l.as_str().to_owned()))
    .bind(links_text(d))
    .bind(to_db(now))
    .bind(d.waitlist_mode)
    .bind(d.window.opens_at.map(to_db))
    .bind(d.window.closes_at.map(to_db))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves the event from `from` to `to`; another writer having moved it
/// first is a conflict, never a silent overwrite.
/// UG-17: raises the event's calendar SEQUENCE; returns the new one.
pub async fn bump_sequence(tx: &mut Tx, id: EventId) -> Result<i64, StorageError> {
    let row = sqlx::query("UPDATE events SET sequence = sequence + 1 WHERE id = $1 RETURNING sequence")
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(row.try_get("sequence")?)
}

pub async fn set_status(
    tx: &mut Tx,
    id: EventId,
    from: EventStatus,
    to: EventStatus,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let published = (to == EventStatus::Published).then(|| to_db(now));
    let closed = matches!(to, EventStatus::Cancelled | EventStatus::Completed).then(|| to_db(now));
    let done = sqlx::query(
        "UPDATE events SET status = $3, updated_at = $4, published_at = COALESCE($5, published_at),
             closed_at = COALESCE($6, closed_at) WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(to_db(now))
    .bind(published)
    .bind(closed)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::EventStateConflict { from: from.as_str(), to: to.as_str() }.into());
    }
    Ok(())
}

pub async fn get<'e>(ex: impl Executor<'e, Database = Any>, id: EventId) -> Result<Option<Event>, StorageError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM events WHERE id = $1")).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

/// Takes the event's capacity lock for the rest of the transaction and
/// reads the event under it. Every change to who holds a seat goes through
/// here first (UG-14, never overbooked): on PostgreSQL the UPDATE holds the
/// row lock until commit, so other instances wait; on SQLite it takes the
/// database's write lock.
pub async fn lock(tx: &mut Tx, id: EventId) -> Result<Event, StorageError> {
    let row =
        sqlx::query(&format!("UPDATE events SET lock_version = lock_version + 1 WHERE id = $1 RETURNING {COLUMNS}"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
    row.as_ref().map(from_row).transpose()?.ok_or(DomainError::NotFound.into())
}

/// Which of a group's events to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Not yet ended, soonest first.
    Upcoming,
    /// Ended, most recent first.
    Past,
    /// Everything, newest first.
    All,
}

/// A group's events; drafts only when `with_drafts` (its leaders).
pub async fn for_group(
    pool: &AnyPool,
    group: GroupId,
    when: When,
    with_drafts: bool,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Event>, StorageError> {
    let (cond, order) = match when {
        When::Upcoming => ("AND ends_at > $2", "starts_at ASC"),
        When::Past => ("AND ends_at <= $2", "starts_at DESC"),
        When::All => ("AND $2 = $2", "starts_at DESC"),
    };
    let drafts = if with_drafts { "" } else { "AND status <> 'draft'" };
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM events WHERE group_id = $1 {cond} {drafts} ORDER BY {order} LIMIT $3"
    ))
    .bind(group)
    .bind(to_db(now))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// What a group's page lists, in one statement: its next `upcoming` events
/// (drafts too when `with_drafts`), soonest first, and its last `past`
/// published ones, latest first.
pub async fn for_group_page(
    pool: &AnyPool,
    group: GroupId,
    with_drafts: bool,
    now: DateTime<Utc>,
    (upcoming, past): (i64, i64),
) -> Result<(Vec<Event>, Vec<Event>), StorageError> {
    let drafts = if with_drafts { "" } else { "AND status <> 'draft'" };
    let sql = format!(
        "SELECT * FROM (SELECT {COLUMNS} FROM events WHERE group_id = $1 AND ends_at > $2 {drafts}
                        ORDER BY starts_at ASC LIMIT $3) AS upcoming
         UNION ALL
         SELECT * FROM (SELECT {COLUMNS} FROM events WHERE group_id = $1 AND ends_at <= $2 AND status <> 'draft'
                        ORDER BY starts_at DESC LIMIT $4) AS past"
    );
    let rows = sqlx::query(&sql).bind(group).bind(to_db(now)).bind(upcoming).bind(past).fetch_all(pool).await?;
    let all = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    // A union keeps no order: each part is sorted again here.
    let (mut next, mut last): (Vec<Event>, Vec<Event>) = all.into_iter().partition(|e| e.ends_at() > now);
    next.sort_by_key(|e| (e.starts_at(), e.id));
    last.sort_by_key(|e| std::cmp::Reverse((e.starts_at(), e.id)));
    Ok((next, last))
}

/// Published events not yet over across all groups, soonest first, each
/// with its group, in one query: what the home page shows.
pub async fn upcoming(pool: &AnyPool, now: DateTime<Utc>, limit: i64) -> Result<Vec<(Event, Group)>, StorageError> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {}, {}, r.name AS g_region_name FROM events e
             JOIN groups g ON g.id = e.group_id JOIN regions r ON r.id = g.region_id
             WHERE e.status = 'published' AND e.ends_at > $1 ORDER BY e.starts_at LIMIT $2",
            aliased("e", COLUMNS, "e_"),
            aliased("g", crate::groups::COLUMNS, "g_"),
        )
    });
    let rows = sqlx::query(&SQL).bind(to_db(now)).bind(limit).fetch_all(pool).await?;
    rows.iter()
        .map(|row| Ok((from_cols(Cols::prefixed(row, "e_"))?, crate::groups::from_cols(Cols::prefixed(row, "g_"))?)))
        .collect()
}

/// UG-14: published events that ended at or before `cutoff`, oldest first:
/// the ones due to complete by themselves.
pub async fn ended_unclosed(pool: &AnyPool, cutoff: DateTime<Utc>, limit: i64) -> Result<Vec<Event>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM events WHERE status = 'published' AND ends_at <= $1 ORDER BY ends_at LIMIT $2"
    ))
    .bind(to_db(cutoff))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Published events starting within `(now, until]`: reminder candidates.
pub async fn starting_between(
    pool: &AnyPool,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<Event>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM events WHERE status = 'published' AND starts_at > $1 AND starts_at <= $2"
    ))
    .bind(to_db(now))
    .bind(to_db(until))
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// A speaker: a member (shown by their display name) or a named guest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    Member { id: MemberId, name: String },
    Guest(DisplayName),
}

impl Speaker {
    pub fn name(&self) -> &str {
        match self {
            Self::Member { name, .. } => name,
            Self::Guest(n) => n.as_str(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Talk {
    pub id: TalkId,
    pub title: Title,
    pub abstract_text: LongText,
    pub speakers: Vec<Speaker>,
    pub review: TalkReview,
    /// UG-14: the slides and recording, once the event took place.
    pub materials: TalkMaterials,
}

/// UG-6: where a session's review stands.
#[derive(Clone, Debug)]
pub struct TalkReview {
    pub status: ReviewStatus,
    pub checklist: Checklist,
    pub notes: String,
}

/// A talk as a leader enters it: speakers are member ids or guest names.
#[derive(Clone, Debug)]
pub struct NewTalk {
    pub title: Title,
    pub abstract_text: LongText,
    pub speakers: Vec<NewSpeaker>,
}

#[derive(Clone, Debug)]
pub enum NewSpeaker {
    Member(MemberId),
    Guest(DisplayName),
}

pub async fn add_talk(tx: &mut Tx, event: EventId, t: &NewTalk, now: DateTime<Utc>) -> Result<TalkId, StorageError> {
    let id = TalkId::new();
    let pos: i64 = sqlx::query("SELECT COALESCE(MAX(position), 0) + 1 AS p FROM talks WHERE event_id = $1")
        .bind(event)
        .fetch_one(&mut **tx)
        .await?
        .try_get("p")?;
    sqlx::query(
        "INSERT INTO talks (id, event_id, position, title, abstract, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(event)
    .bind(pos)
    .bind(t.title.as_str())
    .bind(t.abstract_text.as_str())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    for (i, s) in t.speakers.iter().enumerate() {
        let (member, guest) = match s {
            NewSpeaker::Member(m) => (Some(m.to_string()), None),
            NewSpeaker::Guest(n) => (None, Some(n.as_str().to_owned())),
        };
        sqlx::query("INSERT INTO talk_speakers (talk_id, position, member_id, guest_name) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(i as i64)
            .bind(member)
            .bind(guest)
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

pub async fn remove_talk(tx: &mut Tx, event: EventId, talk: TalkId) -> Result<(), StorageError> {
    let done = sqlx::query("DELETE FROM talks WHERE id = $1 AND event_id = $2")
        .bind(talk)
        .bind(event)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound.into());
    }
    Ok(())
}

/// An event's talks in their order, each with its speakers.
pub async fn talks(pool: &AnyPool, event: EventId) -> Result<Vec<Talk>, StorageError> {
    Ok(talks_of(pool, &[event]).await?.remove(&event).unwrap_or_default())
}

/// The talks of several events in one query (an event with none is absent).
pub async fn talks_of(pool: &AnyPool, events: &[EventId]) -> Result<HashMap<EventId, Vec<Talk>>, StorageError> {
    if events.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT t.event_id, t.id, t.title, t.abstract, t.review_status, t.review_checklist, t.review_notes,
                t.slides_url, t.recording_url, s.member_id, s.guest_name, m.name AS member_name
         FROM talks t
         LEFT JOIN talk_speakers s ON s.talk_id = t.id
         LEFT JOIN members m ON m.id = s.member_id
         WHERE t.event_id IN ({}) ORDER BY t.event_id, t.position, s.position",
        crate::batch::in_list(events.len())
    );
    let rows = events.iter().fold(sqlx::query(&sql), |q, e| q.bind(*e)).fetch_all(pool).await?;
    let corrupt = |w: &str| StorageError::Corrupt(format!("talk {w}"));
    let link = |raw: Option<String>| raw.map(|l| WebLink::parse(&l, "link")).transpose();
    let mut by_event: HashMap<EventId, Vec<Talk>> = HashMap::new();
    for r in &rows {
        let out = by_event.entry(r.try_get("event_id")?).or_default();
        let id: TalkId = r.try_get("id")?;
        if out.last().map(|t| t.id) != Some(id) {
            out.push(Talk {
                id,
                title: Title::parse(&r.try_get::<String, _>("title")?).map_err(|_| corrupt("title"))?,
                abstract_text: LongText::parse(&r.try_get::<String, _>("abstract")?, "abstract", false)
                    .map_err(|_| corrupt("abstract"))?,
                speakers: Vec::new(),
                review: TalkReview {
                    status: r.try_get::<ReviewStatus, _>("review_status")?,
                    checklist: Checklist::from_text(&r.try_get::<String, _>("review_checklist")?),
                    notes: r.try_get("review_notes")?,
                },
                materials: TalkMaterials {
                    slides: link(r.try_get("slides_url")?).map_err(|_| corrupt("slides"))?,
                    recording: link(r.try_get("recording_url")?).map_err(|_| corrupt("recording"))?,
                },
            });
        }
        let speaker =
            match (r.try_get::<Option<String>, _>("member_id")?, r.try_get::<Option<String>, _>("guest_name")?) {
                (Some(m), _) => Some(Speaker::Member {
                    id: m.parse().map_err(|_| corrupt("speaker"))?,
                    name: r.try_get::<Option<String>, _>("member_name")?.unwrap_or_default(),
                }),
                (None, Some(g)) => Some(Speaker::Guest(DisplayName::parse(&g).map_err(|_| corrupt("guest"))?)),
                (None, None) => None,
            };
        if let (Some(s), Some(t)) = (speaker, out.last_mut()) {
            t.speakers.push(s);
        }
    }
    Ok(by_event)
}

/// UG-6: every session's review status, read inside the publishing
/// transaction.
pub async fn review_statuses(tx: &mut Tx, event: EventId) -> Result<Vec<ReviewStatus>, StorageError> {
    let rows =
        sqlx::query("SELECT review_status FROM talks WHERE event_id = $1").bind(event).fetch_all(&mut **tx).await?;
    rows.iter()
        .map(|r| {
            ReviewStatus::parse(&r.try_get::<String, _>("review_status")?)
                .map_err(|_| StorageError::Corrupt("talk review".into()))
        })
        .collect()
}

/// UG-6: a manager requires (or lifts) review of this event's sessions.
pub async fn set_review_required(
    tx: &mut Tx,
    event: EventId,
    on: bool,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE events SET review_required = $1, updated_at = $2 WHERE id = $3")
        .bind(i64::from(on))
        .bind(to_db(now))
        .bind(event)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A reviewer's decision on one session (UG-6).
pub struct TalkDecision<'a> {
    pub status: ReviewStatus,
    pub checklist: &'a Checklist,
    pub notes: &'a str,
    pub by: MemberId,
}

/// UG-6: records a reviewer's decision on one session of `event`.
pub async fn review_talk(
    tx: &mut Tx,
    event: EventId,
    talk: TalkId,
    d: TalkDecision<'_>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let TalkDecision { status, checklist, notes, by } = d;
    let done = sqlx::query(
        "UPDATE talks SET review_status = $1, review_checklist = $2, review_notes = $3, reviewed_by = $4,
             reviewed_at = $5 WHERE id = $6 AND event_id = $7",
    )
    .bind(status)
    .bind(checklist.to_text())
    .bind(notes)
    .bind(by)
    .bind(to_db(now))
    .bind(talk)
    .bind(event)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound.into());
    }
    Ok(())
}

/// UG-6: a talk's title and abstract, edited by the group's leaders; it
/// goes back to the reviewers (pending, last checklist cleared, the notes
/// kept for them to see what was asked).
pub async fn edit_talk(
    tx: &mut Tx,
    event: EventId,
    talk: TalkId,
    title: &str,
    abstract_text: &str,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE talks SET title = $1, abstract = $2, review_status = 'pending', review_checklist = ''
         WHERE id = $3 AND event_id = $4",
    )
    .bind(title)
    .bind(abstract_text)
    .bind(talk)
    .bind(event)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound.into());
    }
    Ok(())
}

/// UG-14: a talk's slides and recording (`None` removes one).
pub async fn set_talk_materials(
    tx: &mut Tx,
    event: EventId,
    talk: TalkId,
    m: &TalkMaterials,
) -> Result<(), StorageError> {
    let done = sqlx::query("UPDATE talks SET slides_url = $1, recording_url = $2 WHERE id = $3 AND event_id = $4")
        .bind(m.slides.as_ref().map(|l| l.as_str().to_owned()))
        .bind(m.recording.as_ref().map(|l| l.as_str().to_owned()))
        .bind(talk)
        .bind(event)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound.into());
    }
    Ok(())
}

/// UG-14: when the slides and recordings were last emailed to those who came.
pub async fn materials_sent_at<'e>(
    ex: impl Executor<'e, Database = Any>,
    event: EventId,
) -> Result<Option<DateTime<Utc>>, StorageError> {
    let at: Option<Option<i64>> =
        sqlx::query_scalar("SELECT materials_sent_at FROM events WHERE id = $1").bind(event).fetch_optional(ex).await?;
    Ok(from_db_opt(at.flatten()))
}

pub async fn mark_materials_sent(tx: &mut Tx, event: EventId, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query("UPDATE events SET materials_sent_at = $2 WHERE id = $1")
        .bind(event)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// UG-6: a region's events under review (drafts, and published ones that
/// gained a session since) with sessions still to approve: (event, title,
/// sessions waiting, last change).
pub async fn pending_reviews(
    pool: &AnyPool,
    region: guildhall_domain::ids::RegionId,
) -> Result<Vec<(EventId, String, i64, DateTime<Utc>)>, StorageError> {
    let rows = sqlx::query(
        "SELECT e.id, e.title, COUNT(t.id) AS waiting, MAX(COALESCE(t.reviewed_at, t.created_at)) AS changed
         FROM events e JOIN groups g ON g.id = e.group_id JOIN talks t ON t.event_id = e.id
         WHERE g.region_id = $1 AND e.review_required = 1 AND e.status IN ('draft', 'published')
             AND t.review_status = 'pending'
         GROUP BY e.id, e.title ORDER BY changed DESC",
    )
    .bind(region)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("title")?, r.try_get("waiting")?, from_db(r.try_get("changed")?))))
        .collect()
}
