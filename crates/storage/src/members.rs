//! Members and their role grants.

use chrono::{DateTime, Utc};
use guildhall_domain::access::{Actor, Role};
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::{fold, DisplayName, EmailAddress, Locale, SearchQuery, TimeZone};
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor, Row};

use crate::error::on_unique;
use crate::time::{from_db, from_db_opt, to_db};
use crate::{Db, StorageError, Tx};

/// A member as stored.
#[derive(Clone, Debug)]
pub struct Member {
    pub id: MemberId,
    pub email: EmailAddress,
    pub name: DisplayName,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub locale: Locale,
    pub time_zone: TimeZone,
    pub created_at: DateTime<Utc>,
}

/// What a new member starts with.
#[derive(Debug)]
pub struct NewMember<'a> {
    pub email: &'a EmailAddress,
    pub name: &'a DisplayName,
    pub password_hash: Option<&'a str>,
    pub verified: bool,
    pub locale: Locale,
}

const COLUMNS: &str = "id, email, name, password_hash, email_verified_at, locale, time_zone, created_at";

pub(crate) fn from_row(row: &AnyRow) -> Result<Member, StorageError> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("member {what}"));
    Ok(Member {
        id: row.try_get("id")?,
        email: EmailAddress::parse(&row.try_get::<String, _>("email")?).map_err(|_| corrupt("email"))?,
        name: DisplayName::parse(&row.try_get::<String, _>("name")?).map_err(|_| corrupt("name"))?,
        password_hash: row.try_get("password_hash")?,
        email_verified_at: from_db_opt(row.try_get("email_verified_at")?),
        locale: Locale::parse(&row.try_get::<String, _>("locale")?).unwrap_or_default(),
        time_zone: TimeZone::parse(&row.try_get::<String, _>("time_zone")?).unwrap_or(TimeZone::UTC),
        created_at: from_db(row.try_get("created_at")?),
    })
}

/// Inserts a member; an email already in use is `EmailTaken`.
pub async fn insert(tx: &mut Tx, new: NewMember<'_>, now: DateTime<Utc>) -> Result<MemberId, StorageError> {
    let id = MemberId::new();
    sqlx::query(
        "INSERT INTO members (id, email, name, password_hash, email_verified_at, locale, created_at, updated_at,
                              search_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)",
    )
    .bind(id)
    .bind(new.email.as_str())
    .bind(new.name.as_str())
    .bind(new.password_hash)
    .bind(new.verified.then(|| to_db(now)))
    .bind(new.locale.code())
    .bind(to_db(now))
    .bind(fold(new.name.as_str()))
    .execute(&mut **tx)
    .await
    .map_err(|e| on_unique(e, "members_email_key", "members.email", DomainError::EmailTaken))?;
    Ok(id)
}

pub async fn by_email(pool: &AnyPool, email: &EmailAddress) -> Result<Option<Member>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM members WHERE email = $1");
    let row = sqlx::query(&sql).bind(email.as_str()).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn by_id<'e>(ex: impl Executor<'e, Database = Any>, id: MemberId) -> Result<Option<Member>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM members WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

/// Several members in one query (missing ids are left out).
pub async fn by_ids(pool: &AnyPool, ids: &[MemberId]) -> Result<Vec<Member>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT {COLUMNS} FROM members WHERE id IN ({})", crate::batch::in_list(ids.len()));
    let mut q = sqlx::query(&sql);
    for id in ids {
        q = q.bind(id);
    }
    q.fetch_all(pool).await?.iter().map(from_row).collect()
}

pub(crate) fn prefixed(alias: &str) -> String {
    COLUMNS.split(", ").map(|c| format!("{alias}.{c}")).collect::<Vec<_>>().join(", ")
}

/// A signed-in request's member with their roles, found by a session or
/// an API token: one round trip instead of three, because every signed-in
/// page and API call starts with it.
pub async fn signed_in(
    db: &Db,
    by: Credential<'_>,
    now: DateTime<Utc>,
) -> Result<Option<(Member, Vec<Role>)>, StorageError> {
    let (hash, session) = match by {
        Credential::Session(h) => (h, true),
        Credential::ApiToken(h) => (h, false),
    };
    let sql = signed_in_sql(db.backend(), session);
    let mut query = sqlx::query(sql).bind(hash);
    if session {
        query = query.bind(to_db(now));
    }
    let Some(row) = query.fetch_optional(db.reader()).await? else {
        return Ok(None);
    };
    let member = from_row(&row)?;
    let packed: Option<String> = row.try_get("roles")?;
    let pairs: Vec<(String, String)> = match packed {
        Some(p) => serde_json::from_str(&p).map_err(|_| StorageError::Corrupt("roles".into()))?,
        None => Vec::new(),
    };
    let mut roles = pairs
        .iter()
        .map(|(name, scope)| Role::from_parts(name, scope).map_err(|_| StorageError::Corrupt(format!("role {name}"))))
        .collect::<Result<Vec<_>, _>>()?;
    roles.sort_by(|a, b| (a.name(), a.scope()).cmp(&(b.name(), b.scope())));
    Ok(Some((member, roles)))
}

/// The statement behind `signed_in`, built once per database and
/// credential: every signed-in request runs it.
fn signed_in_sql(backend: crate::Backend, session: bool) -> &'static str {
    static SQL: [std::sync::OnceLock<String>; 4] = [const { std::sync::OnceLock::new() }; 4];
    let slot = usize::from(backend == crate::Backend::Postgres) * 2 + usize::from(session);
    SQL[slot].get_or_init(|| {
        let roles = crate::dialect::json_rows_agg(backend, "g.role, g.scope");
        let (from, live) =
            if session { ("sessions c", "c.expires_at > $2") } else { ("api_tokens c", "c.revoked_at IS NULL") };
        format!(
            "SELECT {}, (SELECT {roles} FROM role_grants g WHERE g.member_id = m.id) AS roles
             FROM {from} JOIN members m ON m.id = c.member_id WHERE c.token_hash = $1 AND {live}",
            prefixed("m")
        )
    })
}

/// How a request proves who it is: the hash of its session cookie or of
/// its bearer token.
#[derive(Clone, Copy, Debug)]
pub enum Credential<'a> {
    Session(&'a str),
    ApiToken(&'a str),
}

/// Members in name order, for the admin's people page.
pub async fn list(pool: &AnyPool, limit: i64, offset: i64) -> Result<Vec<Member>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM members ORDER BY name, id LIMIT $1 OFFSET $2");
    let rows = sqlx::query(&sql).bind(limit).bind(offset).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

/// Members whose name or email contains `text` (any case), in name order:
/// the admin's people search. Erased members keep no name worth finding,
/// but are listed like anyone else.
pub async fn search(pool: &AnyPool, text: &str, limit: i64, offset: i64) -> Result<Vec<Member>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM members WHERE LOWER(name) LIKE $1 ESCAPE '\\' OR LOWER(email) LIKE $1 ESCAPE '\\'
         ORDER BY name, id LIMIT $2 OFFSET $3"
    );
    let pattern = crate::dialect::like_containing(&text.trim().to_lowercase());
    let rows = sqlx::query(&sql).bind(pattern).bind(limit).bind(offset).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

pub async fn mark_verified(tx: &mut Tx, id: MemberId, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE members SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// PL-1: forgets a password chosen before the address was proven: the
/// person who proves the address never chose it (account pre-hijacking).
pub async fn clear_password(tx: &mut Tx, id: MemberId, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query("UPDATE members SET password_hash = NULL, updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_password_hash(tx: &mut Tx, id: MemberId, hash: &str, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query("UPDATE members SET password_hash = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(hash)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Changes what a member may edit about themselves.
pub async fn update_profile(
    tx: &mut Tx,
    id: MemberId,
    name: &DisplayName,
    locale: Locale,
    time_zone: TimeZone,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE members SET name = $2, locale = $3, time_zone = $4, updated_at = $5, search_name = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(name.as_str())
    .bind(locale.code())
    .bind(time_zone.name())
    .bind(to_db(now))
    .bind(fold(name.as_str()))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound.into());
    }
    Ok(())
}

/// The roles a member holds beyond "member".
pub async fn roles(pool: &AnyPool, id: MemberId) -> Result<Vec<Role>, StorageError> {
    let rows = sqlx::query("SELECT role, scope FROM role_grants WHERE member_id = $1 ORDER BY role, scope")
        .bind(id)
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            let (name, scope): (String, String) = (r.try_get("role")?, r.try_get("scope")?);
            Role::from_parts(&name, &scope).map_err(|_| StorageError::Corrupt(format!("role {name}")))
        })
        .collect()
}

/// The actor for a member: their id and roles.
pub async fn actor(pool: &AnyPool, id: MemberId) -> Result<Actor, StorageError> {
    Ok(Actor { member_id: id, roles: roles(pool, id).await? })
}

/// Grants a role; granting one already held changes nothing. Returns
/// whether it was new.
pub async fn grant(
    tx: &mut Tx,
    id: MemberId,
    role: Role,
    by: Option<MemberId>,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "INSERT INTO role_grants (member_id, role, scope, granted_at, granted_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (member_id, role, scope) DO NOTHING",
    )
    .bind(id)
    .bind(role.name())
    .bind(role.scope())
    .bind(to_db(now))
    .bind(by)
    .execute(&mut **tx)
    .await?;
    let new = done.rows_affected() == 1;
    if let (true, Role::GroupLeader(group)) = (new, role) {
        // CH-4: a leadership term opens.
        sqlx::query("INSERT INTO leader_terms (member_id, group_id, started_at) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(group)
            .bind(to_db(now))
            .execute(&mut **tx)
            .await?;
    }
    Ok(new)
}

/// Seeded history (the demo, test worlds): every open leadership term
/// starts at `at`, as if today's leaders had led their groups since.
pub async fn backdate_leader_terms(tx: &mut Tx, at: DateTime<Utc>) -> Result<u64, StorageError> {
    let done = sqlx::query("UPDATE leader_terms SET started_at = $1 WHERE ended_at IS NULL AND started_at > $1")
        .bind(to_db(at))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}

/// Revokes a role. Returns whether it was held.
pub async fn revoke(tx: &mut Tx, id: MemberId, role: Role) -> Result<bool, StorageError> {
    let done = sqlx::query("DELETE FROM role_grants WHERE member_id = $1 AND role = $2 AND scope = $3")
        .bind(id)
        .bind(role.name())
        .bind(role.scope())
        .execute(&mut **tx)
        .await?;
    let held = done.rows_affected() == 1;
    if let (true, Role::GroupLeader(group)) = (held, role) {
        // CH-4: the term closes; what the group held meanwhile stays theirs.
        sqlx::query(
            "UPDATE leader_terms SET ended_at = $1 WHERE member_id = $2 AND group_id = $3 AND ended_at IS NULL",
        )
        .bind(to_db(Utc::now()))
        .bind(id)
        .bind(group)
        .execute(&mut **tx)
        .await?;
    }
    Ok(held)
}

/// The leaders of several groups in one query, by name (the group
/// directory lists a page of groups with their leaders).
pub async fn leaders_of(
    pool: &AnyPool,
    groups: &[guildhall_domain::ids::GroupId],
) -> Result<Vec<(String, Member)>, StorageError> {
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT g.scope AS group_id, {} FROM members m JOIN role_grants g ON g.member_id = m.id
         WHERE g.role = 'group_leader' AND g.scope IN ({}) ORDER BY m.name",
        prefixed("m"),
        crate::batch::in_list(groups.len())
    );
    let q = groups.iter().fold(sqlx::query(&sql), |q, g| q.bind(g));
    q.fetch_all(pool).await?.iter().map(|r| Ok((r.try_get("group_id")?, from_row(r)?))).collect()
}

/// Members holding `role` (e.g. a region's community managers).
pub async fn holders(pool: &AnyPool, role: Role) -> Result<Vec<Member>, StorageError> {
    let sql = format!(
        "SELECT {} FROM members m JOIN role_grants g ON g.member_id = m.id
         WHERE g.role = $1 AND g.scope = $2 ORDER BY m.name",
        COLUMNS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ")
    );
    let rows = sqlx::query(&sql).bind(role.name()).bind(role.scope()).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

/// One role held by one member, as the roles list shows it.
#[derive(Clone, Debug)]
pub struct Grant {
    pub member: Member,
    pub role: Role,
    pub granted_at: DateTime<Utc>,
}

/// Every role granted beyond "member" and "group leader" (leaders belong to
/// their groups' pages), by role and then name: the admin's roles list.
pub async fn staff_grants(pool: &AnyPool) -> Result<Vec<Grant>, StorageError> {
    let sql = format!(
        "SELECT g.role AS grant_role, g.scope AS grant_scope, g.granted_at AS grant_at, {}
         FROM role_grants g JOIN members m ON m.id = g.member_id
         WHERE g.role <> 'group_leader' ORDER BY g.role, g.scope, m.name, m.id",
        prefixed("m")
    );
    let rows = sqlx::query(&sql).fetch_all(pool).await?;
    rows.iter()
        .map(|r| {
            let (name, scope): (String, String) = (r.try_get("grant_role")?, r.try_get("grant_scope")?);
            let role = Role::from_parts(&name, &scope).map_err(|_| StorageError::Corrupt(format!("role {name}")))?;
            Ok(Grant { member: from_row(r)?, role, granted_at: from_db(r.try_get("grant_at")?) })
        })
        .collect()
}

/// The admins, read inside `tx` so that a revocation that counts them
/// cannot race another one: on PostgreSQL the admins' grants stay locked
/// until `tx` ends; SQLite's single writer already serialises.
pub async fn admins_locked(tx: &mut Tx, backend: crate::Backend) -> Result<Vec<MemberId>, StorageError> {
    holders_locked(tx, backend, &Role::Admin).await
}

/// Who holds `role`, read and locked inside `tx` as `admins_locked` does
/// (UG-1: a group's leaders, before one is removed).
pub async fn holders_locked(tx: &mut Tx, backend: crate::Backend, role: &Role) -> Result<Vec<MemberId>, StorageError> {
    let sql = format!(
        "SELECT member_id FROM role_grants WHERE role = $1 AND scope = $2{}",
        if backend == crate::Backend::Postgres { " FOR UPDATE" } else { "" }
    );
    let rows = sqlx::query(&sql).bind(role.name()).bind(role.scope()).fetch_all(&mut **tx).await?;
    rows.iter().map(|r| Ok(r.try_get("member_id")?)).collect()
}

/// A member found by name, for a picker: the name and enough of the
/// address to tell two people of one name apart, never the whole address.
#[derive(Clone, Debug)]
pub struct Found {
    pub id: MemberId,
    pub name: DisplayName,
    pub email: EmailAddress,
}

impl Found {
    /// "a•••@example.org": the first letter and the domain.
    pub fn masked_email(&self) -> String {
        let (local, domain) = self.email.as_str().split_once('@').unwrap_or((self.email.as_str(), ""));
        let first: String = local.chars().take(1).collect();
        format!("{first}•••@{domain}")
    }
}

/// Verified members whose name matches `q` (issue 17 item 6), at most
/// `limit`, by name. The database narrows by the query's longest word;
/// the query's own rule (every word starts a word of the name) decides.
pub async fn find_by_name(pool: &AnyPool, q: &SearchQuery, limit: usize) -> Result<Vec<Found>, StorageError> {
    let Some(word) = q.as_str().split(' ').max_by_key(|w| w.len()).filter(|w| !w.is_empty()) else {
        return Ok(Vec::new());
    };
    let rows = sqlx::query(
        "SELECT id, name, email FROM members
         WHERE search_name LIKE $1 ESCAPE '\\' AND email_verified_at IS NOT NULL AND name <> $2
         ORDER BY search_name, id LIMIT 200",
    )
    .bind(crate::dialect::like_containing(word))
    .bind(crate::erasure::ERASED_NAME)
    .fetch_all(pool)
    .await?;
    let mut found = Vec::new();
    for row in &rows {
        let name: String = row.try_get("name")?;
        if !q.matches(&name) {
            continue;
        }
        let corrupt = |what: &str| StorageError::Corrupt(format!("member {what}"));
        found.push(Found {
            id: row.try_get::<String, _>("id")?.parse().map_err(|_| corrupt("id"))?,
            name: DisplayName::parse(&name).map_err(|_| corrupt("name"))?,
            email: EmailAddress::parse(&row.try_get::<String, _>("email")?).map_err(|_| corrupt("email"))?,
        });
        if found.len() == limit {
            break;
        }
    }
    Ok(found)
}

/// Writes the folded name of members made before it was kept. Cheap once
/// done (no row left to fill), and safe to run on several instances.
pub async fn fill_search_names(db: &Db) -> Result<(), StorageError> {
    let pool = &db.write;
    let rows =
        sqlx::query("SELECT id, name FROM members WHERE search_name = '' AND name <> ''").fetch_all(pool).await?;
    for row in &rows {
        let (id, name): (String, String) = (row.try_get("id")?, row.try_get("name")?);
        sqlx::query("UPDATE members SET search_name = $1 WHERE id = $2 AND search_name = ''")
            .bind(fold(&name))
            .bind(id)
            .execute(pool)
            .await?;
    }
    Ok(())
}
