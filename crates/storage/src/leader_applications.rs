//! Applications to lead a group (UG-2) and co-leader nominations (UG-4),
//! with their proposed interview times.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{GroupId, LeaderApplicationId, MemberId, RegionId, SlotId};
use guildhall_domain::leadership::{ApplicationStatus, Experience, Target};
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor, Row};

use crate::time::{from_db, from_db_opt, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct LeaderApplication {
    pub id: LeaderApplicationId,
    pub member_id: MemberId,
    pub member_name: String,
    pub region_id: RegionId,
    pub region_name: String,
    /// None for a new group, which has a proposed name and city.
    pub group_id: Option<GroupId>,
    pub group_name: Option<String>,
    pub group_slug: Option<String>,
    pub proposed_name: String,
    pub proposed_city: String,
    pub years: i64,
    pub certifications: String,
    pub projects: String,
    pub profile_link: String,
    /// UG-2: the version of the organizer guidelines accepted.
    pub guidelines_version: Option<String>,
    pub nominated_by: Option<MemberId>,
    pub status: ApplicationStatus,
    pub interview_at: Option<DateTime<Utc>>,
    pub notes: String,
    pub decision_reason: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl LeaderApplication {
    /// The group's name, or the proposed one.
    pub fn target_name(&self) -> &str {
        self.group_name.as_deref().unwrap_or(&self.proposed_name)
    }
}

const SELECT: &str = "SELECT a.id, a.member_id, m.name AS member_name, a.region_id, r.name AS region_name,
    a.group_id, g.name AS group_name, g.slug AS group_slug, a.proposed_name, a.proposed_city, a.years,
    a.certifications, a.projects, a.profile_link, a.guidelines_version, a.nominated_by, a.status,
    a.interview_at, a.notes, a.decision_reason, a.created_at, a.updated_at
    FROM leader_applications a
    JOIN members m ON m.id = a.member_id
    JOIN regions r ON r.id = a.region_id
    LEFT JOIN groups g ON g.id = a.group_id";

fn from_row(r: &AnyRow) -> Result<LeaderApplication, StorageError> {
    let text = |c: &str| r.try_get::<String, _>(c);
    let opt = |c: &str| r.try_get::<Option<String>, _>(c);
    Ok(LeaderApplication {
        id: r.try_get("id")?,
        member_id: r.try_get("member_id")?,
        member_name: text("member_name")?,
        region_id: r.try_get("region_id")?,
        region_name: text("region_name")?,
        group_id: r.try_get("group_id")?,
        group_name: opt("group_name")?,
        group_slug: opt("group_slug")?,
        proposed_name: text("proposed_name")?,
        proposed_city: text("proposed_city")?,
        years: r.try_get("years")?,
        certifications: text("certifications")?,
        projects: text("projects")?,
        profile_link: text("profile_link")?,
        guidelines_version: opt("guidelines_version")?,
        nominated_by: r.try_get("nominated_by")?,
        status: r.try_get::<ApplicationStatus, _>("status")?,
        interview_at: from_db_opt(r.try_get("interview_at")?),
        notes: text("notes")?,
        decision_reason: text("decision_reason")?,
        created_at: from_db(r.try_get("created_at")?),
        updated_at: from_db(r.try_get("updated_at")?),
    })
}

/// A new application: submitted by the applicant, or a draft nomination.
pub struct NewApplication<'a> {
    pub member: MemberId,
    pub region: RegionId,
    pub group: Option<GroupId>,
    pub target: &'a Target,
    pub experience: Option<&'a Experience>,
    pub guidelines_version: Option<i64>,
    pub nominated_by: Option<MemberId>,
    pub status: ApplicationStatus,
}

pub async fn insert(
    tx: &mut Tx,
    a: NewApplication<'_>,
    now: DateTime<Utc>,
) -> Result<LeaderApplicationId, StorageError> {
    let id = LeaderApplicationId::new();
    let (name, city) = match a.target {
        Target::New { name, city } => (name.to_string(), city.to_string()),
        Target::Existing => (String::new(), String::new()),
    };
    let exp = a.experience;
    sqlx::query(
        "INSERT INTO leader_applications (id, member_id, region_id, group_id, proposed_name, proposed_city, years,
             certifications, projects, profile_link, guidelines_version, nominated_by, status, created_at,
             updated_at, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)",
    )
    .bind(id)
    .bind(a.member)
    .bind(a.region)
    .bind(a.group)
    .bind(name)
    .bind(city)
    .bind(exp.map(|e| i64::from(e.years)).unwrap_or(0))
    .bind(exp.map(|e| e.certifications.to_string()).unwrap_or_default())
    .bind(exp.map(|e| e.projects.to_string()).unwrap_or_default())
    .bind(exp.and_then(|e| e.profile_link.as_ref()).map(|l| l.to_string()).unwrap_or_default())
    .bind(a.guidelines_version.map(|v| v.to_string()))
    .bind(a.nominated_by)
    .bind(a.status)
    .bind(to_db(now))
    .bind((a.status != ApplicationStatus::Draft).then(|| to_db(now)))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn get<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: LeaderApplicationId,
) -> Result<Option<LeaderApplication>, StorageError> {
    let row = sqlx::query(&format!("{SELECT} WHERE a.id = $1")).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

/// Moves the application from `from` to `to`; a concurrent move makes it
/// fail with a state conflict instead of both winning.
pub async fn set_status(
    tx: &mut Tx,
    id: LeaderApplicationId,
    from: ApplicationStatus,
    to: ApplicationStatus,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE leader_applications SET status = $1, updated_at = $2,
             submitted_at = CASE WHEN $1 = 'submitted' THEN $2 ELSE submitted_at END
         WHERE id = $3 AND status = $4",
    )
    .bind(to)
    .bind(to_db(now))
    .bind(id)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "application", from: from.as_str(), to: to.as_str() }.into());
    }
    Ok(())
}

/// The nominee fills in their experience and accepts the guidelines.
pub async fn set_experience(
    tx: &mut Tx,
    id: LeaderApplicationId,
    e: &Experience,
    guidelines_version: i64,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE leader_applications SET years = $1, certifications = $2, projects = $3, profile_link = $4,
             guidelines_version = $5 WHERE id = $6",
    )
    .bind(i64::from(e.years))
    .bind(e.certifications.as_str())
    .bind(e.projects.as_str())
    .bind(e.profile_link.as_ref().map(|l| l.to_string()).unwrap_or_default())
    .bind(guidelines_version.to_string())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_notes(
    tx: &mut Tx,
    id: LeaderApplicationId,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE leader_applications SET notes = $1, updated_at = $2 WHERE id = $3")
        .bind(notes)
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records the decision's reason and who decided; for a new group the
/// group the applicant now leads.
pub async fn set_decision(
    tx: &mut Tx,
    id: LeaderApplicationId,
    reason: &str,
    by: MemberId,
    group: Option<GroupId>,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE leader_applications SET decision_reason = $1, decided_by = $2, group_id = COALESCE($3, group_id)
         WHERE id = $4",
    )
    .bind(reason)
    .bind(by)
    .bind(group)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// UG-2: one open application per member for a group (or per region for
/// a new group).
pub async fn has_open(
    tx: &mut Tx,
    member: MemberId,
    region: RegionId,
    group: Option<GroupId>,
) -> Result<bool, StorageError> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM leader_applications
         WHERE member_id = $1 AND region_id = $2 AND COALESCE(group_id, '') = $3
           AND status NOT IN ('appointed', 'declined', 'withdrawn')",
    )
    .bind(member)
    .bind(region)
    .bind(group.map(|g| g.to_string()).unwrap_or_default())
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// A member's own applications, newest first.
pub async fn of_member(pool: &AnyPool, member: MemberId) -> Result<Vec<LeaderApplication>, StorageError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE a.member_id = $1 ORDER BY a.created_at DESC"))
        .bind(member)
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// A region's applications, newest first; `open_only` skips decided ones
/// and drafts that wait for a nominee.
pub async fn of_region(
    pool: &AnyPool,
    region: RegionId,
    open_only: bool,
) -> Result<Vec<LeaderApplication>, StorageError> {
    let filter =
        if open_only { "AND a.status IN ('submitted', 'interview_proposed', 'interview_scheduled')" } else { "" };
    let rows = sqlx::query(&format!("{SELECT} WHERE a.region_id = $1 {filter} ORDER BY a.updated_at DESC"))
        .bind(region)
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

use crate::interview_slots as slots_of;
pub use crate::interview_slots::Slot;

/// Replaces the proposed times (UG-2).
pub async fn replace_slots(
    tx: &mut Tx,
    app: LeaderApplicationId,
    times: &[DateTime<Utc>],
    minutes: i64,
    by: MemberId,
) -> Result<(), StorageError> {
    slots_of::replace(tx, app, times, minutes, by).await
}

pub async fn slots<'e>(
    ex: impl Executor<'e, Database = Any>,
    app: LeaderApplicationId,
) -> Result<Vec<Slot>, StorageError> {
    slots_of::list(ex, app).await
}

/// The applicant picks one of the proposed times.
pub async fn choose_slot(
    tx: &mut Tx,
    app: LeaderApplicationId,
    slot: SlotId,
    now: DateTime<Utc>,
) -> Result<Slot, StorageError> {
    slots_of::choose(tx, app, slot, now).await
}
