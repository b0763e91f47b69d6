//! Program memberships (CH-1, CH-2) and applications (CH-6).

use chrono::{DateTime, NaiveDate, Utc};
use guildhall_domain::ids::{MemberId, MembershipId, ProgramApplicationId};
use guildhall_domain::program::{FocusArea, Held, Program};
use guildhall_domain::program_application::Stage;
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor, Row};

use crate::page::{After, Page};
use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

fn day(raw: &str) -> Result<NaiveDate, StorageError> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| StorageError::Corrupt("date".into()))
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn areas(raw: &str) -> Vec<FocusArea> {
    raw.split(',').filter_map(|a| FocusArea::parse(a).ok()).collect()
}

fn areas_text(list: &[FocusArea]) -> String {
    list.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(",")
}

#[derive(Clone, Debug)]
pub struct Membership {
    pub id: MembershipId,
    pub member_id: MemberId,
    pub member_name: String,
    pub program: Program,
    pub focus_area: Option<FocusArea>,
    pub interests: Vec<FocusArea>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub nda_signed_on: Option<NaiveDate>,
    pub end_reason: String,
}

impl Membership {
    pub fn held(&self) -> Held {
        Held { program: self.program, starts_on: self.starts_on, ends_on: self.ends_on }
    }
}

const MEMBERSHIP: &str = "SELECT ms.id, ms.member_id, m.name AS member_name, ms.program, ms.focus_area, ms.interests,
    ms.starts_on, ms.ends_on, ms.nda_signed_on, ms.end_reason FROM memberships ms JOIN members m ON m.id = ms.member_id";

fn membership(r: &AnyRow) -> Result<Membership, StorageError> {
    let opt_day = |c: &str| -> Result<Option<NaiveDate>, StorageError> {
        r.try_get::<Option<String>, _>(c)?.as_deref().map(day).transpose()
    };
    Ok(Membership {
        id: r.try_get("id")?,
        member_id: r.try_get("member_id")?,
        member_name: r.try_get("member_name")?,
        program: r.try_get::<Program, _>("program")?,
        focus_area: r.try_get::<Option<String>, _>("focus_area")?.and_then(|a| FocusArea::parse(&a).ok()),
        interests: areas(&r.try_get::<String, _>("interests")?),
        starts_on: day(&r.try_get::<String, _>("starts_on")?)?,
        ends_on: opt_day("ends_on")?,
        nda_signed_on: opt_day("nda_signed_on")?,
        end_reason: r.try_get("end_reason")?,
    })
}

/// A member's memberships, newest first (read inside the granting
/// transaction so two grants cannot both pass the CH-2 check).
pub async fn of_member<'e>(
    ex: impl Executor<'e, Database = Any>,
    member: MemberId,
) -> Result<Vec<Membership>, StorageError> {
    let rows = sqlx::query(&format!("{MEMBERSHIP} WHERE ms.member_id = $1 ORDER BY ms.starts_on DESC"))
        .bind(member)
        .fetch_all(ex)
        .await?;
    rows.iter().map(membership).collect()
}

/// A program's memberships active on `day`, by name.
pub async fn active(pool: &AnyPool, program: Program, on: NaiveDate) -> Result<Vec<Membership>, StorageError> {
    active_where(pool, program, on, "").await
}

/// A program's members on `on` who opted into the public directory (CH-9):
/// all anyone but staff may see of who holds a title.
pub async fn active_listed(pool: &AnyPool, program: Program, on: NaiveDate) -> Result<Vec<Membership>, StorageError> {
    active_where(pool, program, on, "JOIN directory_entries d ON d.member_id = ms.member_id AND d.listed = 1").await
}

async fn active_where(
    pool: &AnyPool,
    program: Program,
    on: NaiveDate,
    join: &str,
) -> Result<Vec<Membership>, StorageError> {
    let rows = sqlx::query(&format!(
        "{MEMBERSHIP} {join} WHERE ms.program = $1 AND ms.starts_on <= $2 AND (ms.ends_on IS NULL OR ms.ends_on >= $2)
         ORDER BY m.name"
    ))
    .bind(program)
    .bind(day_text(on))
    .fetch_all(pool)
    .await?;
    rows.iter().map(membership).collect()
}

/// How many hold `program` on `day` (CH-1 seat cap), inside a transaction.
pub async fn seats_taken(tx: &mut Tx, program: Program, on: NaiveDate) -> Result<u32, StorageError> {
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM memberships WHERE program = $1 AND starts_on <= $2 AND (ends_on IS NULL OR ends_on >= $2)",
    )
    .bind(program)
    .bind(day_text(on))
    .fetch_one(&mut **tx)
    .await?
    .try_get("n")?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

pub struct NewMembership<'a> {
    pub member: MemberId,
    pub program: Program,
    pub focus_area: Option<FocusArea>,
    pub interests: &'a [FocusArea],
    pub starts_on: NaiveDate,
    pub nda_signed_on: Option<NaiveDate>,
    pub by: Option<MemberId>,
}

pub async fn insert(tx: &mut Tx, m: NewMembership<'_>, now: DateTime<Utc>) -> Result<MembershipId, StorageError> {
    let id = MembershipId::new();
    sqlx::query(
        "INSERT INTO memberships (id, member_id, program, focus_area, interests, starts_on, nda_signed_on, granted_by,
             created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(m.member)
    .bind(m.program)
    .bind(m.focus_area)
    .bind(areas_text(m.interests))
    .bind(day_text(m.starts_on))
    .bind(m.nda_signed_on.map(day_text))
    .bind(m.by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Ends a member's open membership of `program` on `last_day` (CH-2, CH-7).
pub async fn end(
    tx: &mut Tx,
    member: MemberId,
    program: Program,
    last_day: NaiveDate,
    reason: &str,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE memberships SET ends_on = $1, end_reason = $2
         WHERE member_id = $3 AND program = $4 AND (ends_on IS NULL OR ends_on > $1)",
    )
    .bind(day_text(last_day))
    .bind(reason)
    .bind(member)
    .bind(program)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

#[derive(Clone, Debug)]
pub struct Application {
    pub id: ProgramApplicationId,
    pub member_id: MemberId,
    pub member_name: String,
    pub program: Program,
    pub focus_area: Option<FocusArea>,
    pub interests: Vec<FocusArea>,
    pub stage: Stage,
    /// The engine's result and the reviewer's judgment, as JSON.
    pub screening: String,
    pub quality_notes: String,
    pub interview_notes: String,
    pub reason: String,
    /// The interview time the applicant picked, if any.
    pub interview_at: Option<DateTime<Utc>>,
    /// CH-1: when the applicant signed the NDA (MVP), as staff recorded it.
    pub nda_signed_on: Option<NaiveDate>,
    /// CH-6: the community manager staff named to interview the applicant.
    pub interviewer: Option<(MemberId, String)>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const APPLICATION: &str = "SELECT a.id, a.member_id, m.name AS member_name, a.program, a.focus_area, a.interests,
    a.stage, a.screening, a.quality_notes, a.interview_notes, a.reason, a.interview_at, a.nda_signed_on, a.created_at,
    a.updated_at, a.interviewer_id, i.name AS interviewer_name
    FROM program_applications a JOIN members m ON m.id = a.member_id LEFT JOIN members i ON i.id = a.interviewer_id";

fn application(r: &AnyRow) -> Result<Application, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("application {w}"));
    Ok(Application {
        id: r.try_get("id")?,
        member_id: r.try_get("member_id")?,
        member_name: r.try_get("member_name")?,
        program: r.try_get::<Program, _>("program")?,
        focus_area: r.try_get::<Option<String>, _>("focus_area")?.and_then(|a| FocusArea::parse(&a).ok()),
        interests: areas(&r.try_get::<String, _>("interests")?),
        stage: r.try_get::<Stage, _>("stage")?,
        screening: r.try_get("screening")?,
        quality_notes: r.try_get("quality_notes")?,
        interview_notes: r.try_get("interview_notes")?,
        reason: r.try_get("reason")?,
        interview_at: crate::time::from_db_opt(r.try_get("interview_at")?),
        nda_signed_on: r.try_get::<Option<String>, _>("nda_signed_on")?.as_deref().map(day).transpose()?,
        interviewer: match r.try_get::<Option<String>, _>("interviewer_id")? {
            Some(id) => Some((
                id.parse().map_err(|_| corrupt("interviewer"))?,
                r.try_get::<Option<String>, _>("interviewer_name")?.unwrap_or_default(),
            )),
            None => None,
        },
        created_at: from_db(r.try_get("created_at")?),
        updated_at: from_db(r.try_get("updated_at")?),
    })
}

/// CH-6: one open application per member and program.
pub async fn has_open(tx: &mut Tx, member: MemberId, program: Program) -> Result<bool, StorageError> {
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM program_applications WHERE member_id = $1 AND program = $2
           AND stage NOT IN ('not_selected', 'accepted', 'declined', 'withdrawn')",
    )
    .bind(member)
    .bind(program)
    .fetch_one(&mut **tx)
    .await?
    .try_get("n")?;
    Ok(n > 0)
}

pub async fn insert_application(
    tx: &mut Tx,
    member: MemberId,
    program: Program,
    focus: Option<FocusArea>,
    interests: &[FocusArea],
    now: DateTime<Utc>,
) -> Result<ProgramApplicationId, StorageError> {
    let id = ProgramApplicationId::new();
    sqlx::query(
        "INSERT INTO program_applications (id, member_id, program, focus_area, interests, stage, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'draft', $6, $6)",
    )
    .bind(id)
    .bind(member)
    .bind(program)
    .bind(focus)
    .bind(areas_text(interests))
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// CH-6: the applicant's draft, edited; only while it is a draft.
pub async fn edit_draft(
    tx: &mut Tx,
    id: ProgramApplicationId,
    focus: Option<FocusArea>,
    interests: &[FocusArea],
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE program_applications SET focus_area = $1, interests = $2, updated_at = $3 WHERE id = $4 AND stage = 'draft'",
    )
    .bind(focus)
    .bind(areas_text(interests))
    .bind(to_db(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "application", from: "submitted", to: "draft" }.into());
    }
    Ok(())
}

pub async fn application_by_id<'e>(
    ex: impl Executor<'e, Database = Any>,
    id: ProgramApplicationId,
) -> Result<Option<Application>, StorageError> {
    let row = sqlx::query(&format!("{APPLICATION} WHERE a.id = $1")).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(application).transpose()
}

/// CH-1: records the day the applicant signed the NDA (or clears it).
pub async fn set_nda_signed_on(
    tx: &mut Tx,
    id: ProgramApplicationId,
    on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE program_applications SET nda_signed_on = $1, updated_at = $2 WHERE id = $3")
        .bind(on.map(day_text))
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// CH-6: names (or, with `None`, un-names) the application's interviewer.
pub async fn set_interviewer(
    tx: &mut Tx,
    id: ProgramApplicationId,
    interviewer: Option<MemberId>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE program_applications SET interviewer_id = $1, updated_at = $2 WHERE id = $3")
        .bind(interviewer)
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// CH-6: the open applications a member was named to interview, the
/// soonest picked interview first, then the oldest.
pub async fn interviews_of(pool: &AnyPool, interviewer: MemberId) -> Result<Vec<Application>, StorageError> {
    let rows = sqlx::query(&format!(
        "{APPLICATION} WHERE a.interviewer_id = $1 AND a.stage IN ('submitted', 'interview', 'interviewed')
         ORDER BY a.interview_at IS NULL, a.interview_at, a.created_at"
    ))
    .bind(interviewer)
    .fetch_all(pool)
    .await?;
    rows.iter().map(application).collect()
}

/// What a step writes besides the stage.
#[derive(Default)]
pub struct StageChange<'a> {
    pub screening: Option<&'a str>,
    pub quality_notes: Option<&'a str>,
    pub interview_notes: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// Moves an application from `from` to `to`; a concurrent move fails.
pub async fn move_stage(
    tx: &mut Tx,
    id: ProgramApplicationId,
    from: Stage,
    to: Stage,
    change: StageChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE program_applications SET stage = $1, updated_at = $2,
             screening = COALESCE($3, screening), quality_notes = COALESCE($4, quality_notes),
             interview_notes = COALESCE($5, interview_notes), reason = COALESCE($6, reason)
         WHERE id = $7 AND stage = $8",
    )
    .bind(to)
    .bind(to_db(now))
    .bind(change.screening)
    .bind(change.quality_notes)
    .bind(change.interview_notes)
    .bind(change.reason)
    .bind(id)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "application", from: from.as_str(), to: to.as_str() }.into());
    }
    Ok(())
}

/// A member's applications, newest first.
pub async fn applications_of(pool: &AnyPool, member: MemberId) -> Result<Vec<Application>, StorageError> {
    let rows = sqlx::query(&format!("{APPLICATION} WHERE a.member_id = $1 ORDER BY a.updated_at DESC"))
        .bind(member)
        .fetch_all(pool)
        .await?;
    rows.iter().map(application).collect()
}

/// What staff's pipeline is narrowed to (issue 16.7).
#[derive(Clone, Debug, Default)]
pub struct PipelineFilter {
    pub program: Option<Program>,
    pub stage: Option<Stage>,
}

/// Staff's pipeline, last changed first, one page after `after` (time of
/// the last change, then id).
pub async fn applications(
    pool: &AnyPool,
    filter: &PipelineFilter,
    limit: usize,
    after: Option<&After>,
) -> Result<Page<Application>, StorageError> {
    let at: i64 = match after {
        Some(a) => a.time_key()?,
        None => 0,
    };
    let rows = sqlx::query(&format!(
        "{APPLICATION} WHERE ($1 = '' OR a.program = $1) AND ($2 = '' OR a.stage = $2)
           AND ($3 = 0 OR a.updated_at < $4 OR (a.updated_at = $4 AND a.id < $5))
         ORDER BY a.updated_at DESC, a.id DESC LIMIT $6"
    ))
    .bind(filter.program.map(|p| p.as_str()).unwrap_or_default())
    .bind(filter.stage.map(|s| s.as_str()).unwrap_or_default())
    .bind(i64::from(after.is_some()))
    .bind(at)
    .bind(after.map(|a| a.id.clone()).unwrap_or_default())
    .bind(limit as i64 + 1)
    .fetch_all(pool)
    .await?;
    let apps = rows.iter().map(application).collect::<Result<Vec<_>, _>>()?;
    Ok(Page::from_rows(apps, limit, |a| After { key: to_db(a.updated_at).to_string(), id: a.id.to_string() }))
}

/// How many applications each stage holds, for the pipeline's chart.
pub async fn stage_counts(pool: &AnyPool, program: Option<Program>) -> Result<Vec<(Stage, u64)>, StorageError> {
    let rows = sqlx::query(
        "SELECT stage, COUNT(*) AS n FROM program_applications WHERE ($1 = '' OR program = $1) GROUP BY stage",
    )
    .bind(program.map(|p| p.as_str()).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let stage = r.try_get::<Stage, _>("stage")?;
            Ok((stage, r.try_get::<i64, _>("n")?.max(0) as u64))
        })
        .collect()
}

/// One line of the public directory (CH-9).
#[derive(Clone, Debug)]
pub struct DirectoryEntry {
    pub member_id: MemberId,
    pub name: String,
    pub program: Program,
    pub focus_area: Option<FocusArea>,
    pub region: Option<String>,
    pub country: String,
    pub quote: String,
}

/// A member's own directory entry, as their form shows it (CH-9).
#[derive(Clone, Debug, Default)]
pub struct OwnEntry {
    pub listed: bool,
    pub region_id: Option<guildhall_domain::ids::RegionId>,
    pub country: String,
    pub quote: String,
}

pub async fn own_directory_entry(pool: &AnyPool, member: MemberId) -> Result<Option<OwnEntry>, StorageError> {
    let row = sqlx::query("SELECT listed, region_id, country, quote FROM directory_entries WHERE member_id = $1")
        .bind(member)
        .fetch_optional(pool)
        .await?;
    row.map(|r| {
        Ok(OwnEntry {
            listed: r.try_get::<i64, _>("listed")? == 1,
            region_id: r.try_get::<Option<String>, _>("region_id")?.and_then(|id| id.parse().ok()),
            country: r.try_get::<Option<String>, _>("country")?.unwrap_or_default(),
            quote: r.try_get::<Option<String>, _>("quote")?.unwrap_or_default(),
        })
    })
    .transpose()
}

/// Sets a member's directory entry (opt in or out, where, a quote).
pub async fn set_directory_entry(
    tx: &mut Tx,
    member: MemberId,
    listed: bool,
    region: Option<guildhall_domain::ids::RegionId>,
    country: &str,
    quote: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM directory_entries WHERE member_id = $1").bind(member).execute(&mut **tx).await?;
    sqlx::query(
        "INSERT INTO directory_entries (member_id, listed, region_id, country, quote, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(member)
    .bind(i64::from(listed))
    .bind(region)
    .bind(country)
    .bind(quote)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What the public directory is narrowed to (issue 16.7).
#[derive(Clone, Debug, Default)]
pub struct DirectoryFilter {
    pub program: Option<Program>,
    pub focus_area: Option<FocusArea>,
    /// Compared without case.
    pub country: Option<String>,
}

const DIRECTORY_FROM: &str = "FROM memberships ms JOIN members m ON m.id = ms.member_id
         JOIN directory_entries d ON d.member_id = ms.member_id AND d.listed = 1
         LEFT JOIN regions r ON r.id = d.region_id
         WHERE ms.program IN ('champions', 'mvp') AND ms.starts_on <= $1 AND (ms.ends_on IS NULL OR ms.ends_on >= $1)";

/// CH-9: active Champions and MVPs on `day` who opted in, by name, one
/// page after `after` (name, then member id).
pub async fn directory(
    pool: &AnyPool,
    on: NaiveDate,
    filter: &DirectoryFilter,
    limit: usize,
    after: Option<&After>,
) -> Result<Page<DirectoryEntry>, StorageError> {
    let sql = format!(
        "SELECT ms.member_id, m.name, ms.program, ms.focus_area, r.name AS region, d.country, d.quote {DIRECTORY_FROM}
           AND ($2 = '' OR ms.program = $2) AND ($3 = '' OR ms.focus_area = $3) AND ($4 = '' OR UPPER(d.country) = $4)
           AND ($5 = 0 OR m.name > $6 OR (m.name = $6 AND ms.member_id > $7))
         ORDER BY m.name, ms.member_id LIMIT $8"
    );
    let rows = sqlx::query(&sql)
        .bind(day_text(on))
        .bind(filter.program.map(|p| p.as_str()).unwrap_or_default())
        .bind(filter.focus_area.map(|a| a.as_str()).unwrap_or_default())
        .bind(filter.country.as_deref().map(|c| c.trim().to_uppercase()).unwrap_or_default())
        .bind(i64::from(after.is_some()))
        .bind(after.map(|a| a.key.clone()).unwrap_or_default())
        .bind(after.map(|a| a.id.clone()).unwrap_or_default())
        .bind(limit as i64 + 1)
        .fetch_all(pool)
        .await?;
    let entries = rows
        .iter()
        .map(|r| {
            Ok(DirectoryEntry {
                member_id: r.try_get("member_id")?,
                name: r.try_get("name")?,
                program: r.try_get::<Program, _>("program")?,
                focus_area: r.try_get::<Option<String>, _>("focus_area")?.and_then(|a| FocusArea::parse(&a).ok()),
                region: r.try_get("region")?,
                country: r.try_get("country")?,
                quote: r.try_get("quote")?,
            })
        })
        .collect::<Result<Vec<_>, StorageError>>()?;
    Ok(Page::from_rows(entries, limit, |e| After { key: e.name.clone(), id: e.member_id.to_string() }))
}

/// The countries listed members gave, for the directory's filter.
pub async fn directory_countries(pool: &AnyPool, on: NaiveDate) -> Result<Vec<String>, StorageError> {
    let sql = format!("SELECT DISTINCT UPPER(d.country) AS country {DIRECTORY_FROM} AND d.country <> '' ORDER BY 1");
    let rows = sqlx::query(&sql).bind(day_text(on)).fetch_all(pool).await?;
    rows.iter().map(|r| Ok(r.try_get::<String, _>("country")?)).collect()
}

/// One membership by id.
pub async fn membership_by_id(pool: &AnyPool, id: MembershipId) -> Result<Option<Membership>, StorageError> {
    let row = sqlx::query(&format!("{MEMBERSHIP} WHERE ms.id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(membership).transpose()
}
