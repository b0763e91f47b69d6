//! Speakers from the community (UG-11): applications, the approved pool,
//! invitations to events, and requests for internal experts.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{EventId, ExpertRequestId, GroupId, InvitationId, MemberId, RegionId, TalkId};
use guildhall_domain::speaker::{InvitationStatus, PastTalk, SpeakerProfile, SpeakerStatus};
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::page::{After, Page};
use crate::time::{from_db, from_db_opt, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Speaker {
    pub member_id: MemberId,
    pub name: String,
    pub region_id: RegionId,
    pub region_name: String,
    pub bio: String,
    pub topics: Vec<String>,
    pub past_talks: Vec<PastTalk>,
    pub status: SpeakerStatus,
    pub reason: String,
    pub updated_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT s.member_id, m.name, s.region_id, r.name AS region_name, s.bio, s.topics,
    s.past_talks, s.status, s.reason, s.updated_at
    FROM speakers s JOIN members m ON m.id = s.member_id JOIN regions r ON r.id = s.region_id";

fn from_row(r: &AnyRow) -> Result<Speaker, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("speaker {w}"));
    let text = |c: &str| r.try_get::<String, _>(c);
    Ok(Speaker {
        member_id: r.try_get("member_id")?,
        name: text("name")?,
        region_id: r.try_get("region_id")?,
        region_name: text("region_name")?,
        bio: text("bio")?,
        topics: text("topics")?.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect(),
        past_talks: serde_json::from_str(&text("past_talks")?).map_err(|_| corrupt("past talks"))?,
        status: r.try_get::<SpeakerStatus, _>("status")?,
        reason: text("reason")?,
        updated_at: from_db(r.try_get("updated_at")?),
    })
}

/// Submits or resubmits a member's application; it goes back to review.
pub async fn upsert(
    tx: &mut Tx,
    member: MemberId,
    region: RegionId,
    p: &SpeakerProfile,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let topics = p.topics.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(",");
    let past = serde_json::to_string(&p.past_talks).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    sqlx::query("DELETE FROM speakers WHERE member_id = $1").bind(member).execute(&mut **tx).await?;
    sqlx::query(
        "INSERT INTO speakers (member_id, region_id, bio, topics, past_talks, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $6)",
    )
    .bind(member)
    .bind(region)
    .bind(p.bio.as_str())
    .bind(topics)
    .bind(past)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn get(pool: &AnyPool, member: MemberId) -> Result<Option<Speaker>, StorageError> {
    let row = sqlx::query(&format!("{SELECT} WHERE s.member_id = $1")).bind(member).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn decide(
    tx: &mut Tx,
    member: MemberId,
    to: SpeakerStatus,
    reason: &str,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE speakers SET status = $1, reason = $2, decided_by = $3, updated_at = $4
         WHERE member_id = $5 AND status = 'submitted'",
    )
    .bind(to)
    .bind(reason)
    .bind(by)
    .bind(to_db(now))
    .bind(member)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "speaker application", from: "decided", to: to.as_str() }.into());
    }
    Ok(())
}

/// What a search's words find in a speaker's folded name.
fn name_pattern(words: Option<&str>) -> String {
    words.map(|t| crate::dialect::like_containing(&guildhall_domain::values::fold(t))).unwrap_or_default()
}

/// Speakers by status, optionally by topic or name (a part of either; a
/// name without regard to accents) and region (UG-11).
pub async fn search(
    pool: &AnyPool,
    status: SpeakerStatus,
    topic: Option<&str>,
    region: Option<RegionId>,
) -> Result<Vec<Speaker>, StorageError> {
    let pattern = topic.map(|t| crate::dialect::like_containing(&t.trim().to_lowercase())).unwrap_or_default();
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE s.status = $1
           AND ($2 = '' OR LOWER(s.topics) LIKE $2 ESCAPE '\\' OR m.search_name LIKE $4 ESCAPE '\\')
           AND ($3 = '' OR s.region_id = $3)
         ORDER BY m.name"
    ))
    .bind(status)
    .bind(pattern)
    .bind(region.map(|r| r.to_string()).unwrap_or_default())
    .bind(name_pattern(topic))
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One page of the speakers of `status`, by name, after `after` (name,
/// then member id), narrowed like [`search`].
pub async fn search_page(
    pool: &AnyPool,
    status: SpeakerStatus,
    topic: Option<&str>,
    region: Option<RegionId>,
    limit: usize,
    after: Option<&After>,
) -> Result<Page<Speaker>, StorageError> {
    let pattern = topic.map(|t| crate::dialect::like_containing(&t.trim().to_lowercase())).unwrap_or_default();
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE s.status = $1
           AND ($2 = '' OR LOWER(s.topics) LIKE $2 ESCAPE '\\' OR m.search_name LIKE $8 ESCAPE '\\')
           AND ($3 = '' OR s.region_id = $3)
           AND ($4 = 0 OR m.name > $5 OR (m.name = $5 AND s.member_id > $6))
         ORDER BY m.name, s.member_id LIMIT $7"
    ))
    .bind(status)
    .bind(pattern)
    .bind(region.map(|r| r.to_string()).unwrap_or_default())
    .bind(i64::from(after.is_some()))
    .bind(after.map(|a| a.key.clone()).unwrap_or_default())
    .bind(after.map(|a| a.id.clone()).unwrap_or_default())
    .bind(limit as i64 + 1)
    .bind(name_pattern(topic))
    .fetch_all(pool)
    .await?;
    let speakers = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    Ok(Page::from_rows(speakers, limit, |s| After { key: s.name.clone(), id: s.member_id.to_string() }))
}

#[derive(Clone, Debug)]
pub struct Invitation {
    pub id: InvitationId,
    pub event_id: EventId,
    pub event_title: String,
    pub event_starts_at: DateTime<Utc>,
    pub group_id: GroupId,
    pub group_name: String,
    pub speaker_id: MemberId,
    pub speaker_name: String,
    pub talk_title: String,
    pub message: String,
    pub status: InvitationStatus,
    pub talk_id: Option<TalkId>,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

const INVITATION: &str = "SELECT i.id, i.event_id, e.title AS event_title, e.starts_at, e.group_id,
    g.name AS group_name, i.speaker_id, m.name AS speaker_name, i.talk_title, i.message, i.status, i.talk_id,
    i.created_at, i.answered_at
    FROM speaker_invitations i JOIN events e ON e.id = i.event_id JOIN groups g ON g.id = e.group_id
    JOIN members m ON m.id = i.speaker_id";

fn invitation(r: &AnyRow) -> Result<Invitation, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("invitation {w}"));
    let text = |c: &str| r.try_get::<String, _>(c);
    Ok(Invitation {
        id: r.try_get("id")?,
        event_id: r.try_get("event_id")?,
        event_title: text("event_title")?,
        event_starts_at: from_db(r.try_get("starts_at")?),
        group_id: r.try_get("group_id")?,
        group_name: text("group_name")?,
        speaker_id: r.try_get("speaker_id")?,
        speaker_name: text("speaker_name")?,
        talk_title: text("talk_title")?,
        message: text("message")?,
        status: r.try_get::<InvitationStatus, _>("status")?,
        talk_id: r
            .try_get::<Option<String>, _>("talk_id")?
            .map(|t| t.parse())
            .transpose()
            .map_err(|_| corrupt("talk"))?,
        created_at: from_db(r.try_get("created_at")?),
        answered_at: from_db_opt(r.try_get("answered_at")?),
    })
}

pub struct NewInvitation<'a> {
    pub event: EventId,
    pub speaker: MemberId,
    pub talk_title: &'a str,
    pub message: &'a str,
    pub by: MemberId,
}

pub async fn invite(tx: &mut Tx, i: NewInvitation<'_>, now: DateTime<Utc>) -> Result<InvitationId, StorageError> {
    let id = InvitationId::new();
    sqlx::query(
        "INSERT INTO speaker_invitations (id, event_id, speaker_id, talk_title, message, status, invited_by, created_at)
         VALUES ($1, $2, $3, $4, $5, 'invited', $6, $7)",
    )
    .bind(id)
    .bind(i.event)
    .bind(i.speaker)
    .bind(i.talk_title)
    .bind(i.message)
    .bind(i.by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn invitation_by_id(pool: &AnyPool, id: InvitationId) -> Result<Option<Invitation>, StorageError> {
    let row = sqlx::query(&format!("{INVITATION} WHERE i.id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(invitation).transpose()
}

pub async fn answer(
    tx: &mut Tx,
    id: InvitationId,
    to: InvitationStatus,
    talk: Option<TalkId>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE speaker_invitations SET status = $1, talk_id = $2, answered_at = $3 WHERE id = $4 AND status = 'invited'",
    )
    .bind(to)
    .bind(talk)
    .bind(to_db(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "invitation", from: "answered", to: to.as_str() }.into());
    }
    Ok(())
}

/// A speaker's invitations, newest first.
pub async fn invitations_of(pool: &AnyPool, speaker: MemberId) -> Result<Vec<Invitation>, StorageError> {
    let rows = sqlx::query(&format!("{INVITATION} WHERE i.speaker_id = $1 ORDER BY i.created_at DESC"))
        .bind(speaker)
        .fetch_all(pool)
        .await?;
    rows.iter().map(invitation).collect()
}

#[derive(Clone, Debug)]
pub struct ExpertRequest {
    pub id: ExpertRequestId,
    pub group_id: GroupId,
    pub group_name: String,
    pub group_slug: String,
    pub region_id: RegionId,
    pub occasion: String,
    pub topic: String,
    pub answered: bool,
    pub answer: String,
    pub created_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

const EXPERT: &str = "SELECT x.id, x.group_id, g.name AS group_name, g.slug AS group_slug, g.region_id, x.occasion,
    x.topic, x.status, x.answer, x.created_at, x.answered_at
    FROM expert_requests x JOIN groups g ON g.id = x.group_id";

fn expert(r: &AnyRow) -> Result<ExpertRequest, StorageError> {
    let text = |c: &str| r.try_get::<String, _>(c);
    Ok(ExpertRequest {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        group_name: text("group_name")?,
        group_slug: text("group_slug")?,
        region_id: r.try_get("region_id")?,
        occasion: text("occasion")?,
        topic: text("topic")?,
        answered: text("status")? == "answered",
        answer: text("answer")?,
        created_at: from_db(r.try_get("created_at")?),
        answered_at: from_db_opt(r.try_get("answered_at")?),
    })
}

pub async fn ask_expert(
    tx: &mut Tx,
    group: GroupId,
    occasion: &str,
    topic: &str,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<ExpertRequestId, StorageError> {
    let id = ExpertRequestId::new();
    sqlx::query(
        "INSERT INTO expert_requests (id, group_id, occasion, topic, status, asked_by, created_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6)",
    )
    .bind(id)
    .bind(group)
    .bind(occasion)
    .bind(topic)
    .bind(by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn expert_request(pool: &AnyPool, id: ExpertRequestId) -> Result<Option<ExpertRequest>, StorageError> {
    let row = sqlx::query(&format!("{EXPERT} WHERE x.id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(expert).transpose()
}

pub async fn answer_expert(
    tx: &mut Tx,
    id: ExpertRequestId,
    answer: &str,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE expert_requests SET status = 'answered', answer = $1, answered_by = $2, answered_at = $3
         WHERE id = $4 AND status = 'open'",
    )
    .bind(answer)
    .bind(by)
    .bind(to_db(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "expert request", from: "answered", to: "answered" }.into());
    }
    Ok(())
}

/// Expert requests of a region or a group, newest first.
pub async fn expert_requests(
    pool: &AnyPool,
    region: Option<RegionId>,
    group: Option<GroupId>,
) -> Result<Vec<ExpertRequest>, StorageError> {
    let rows = sqlx::query(&format!(
        "{EXPERT} WHERE ($1 = '' OR g.region_id = $1) AND ($2 = '' OR x.group_id = $2) ORDER BY x.created_at DESC"
    ))
    .bind(region.map(|r| r.to_string()).unwrap_or_default())
    .bind(group.map(|g| g.to_string()).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    rows.iter().map(expert).collect()
}
