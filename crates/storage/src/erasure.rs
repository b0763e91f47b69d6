//! PL-8: erasing a member. What the community's history needs stays as
//! rows under the member's id, which becomes a pseudonym: registrations
//! and check-ins (counts, waiting-list positions, group health),
//! contributions and memberships (program history), claims, and the audit
//! log. Everything that names or reaches the person goes: name, address,
//! password, sessions, links, tokens, roles, queued and sent emails, rate
//! counters keyed by address, the directory entry, speaker profile, forum
//! user names and linked accounts; reports they filed keep their words and
//! lose their author.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::MemberId;

use crate::time::to_db;
use crate::{Backend, Db, StorageError, Tx};

/// The name an erased member is shown under.
pub const ERASED_NAME: &str = "Erased member";

/// The placeholder address of an erased member (unique, undeliverable).
pub fn erased_email(member: MemberId) -> String {
    format!("erased-{}@erased.invalid", member.to_string().replace('-', ""))
}

/// Erases `member`, whose current `email` and `name` are scrubbed from
/// free text the audit log keeps about them, inside `tx`.
pub async fn erase(
    tx: &mut Tx,
    member: MemberId,
    email: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let id = member.to_string();
    let by_member = [
        "DELETE FROM sessions WHERE member_id = $1",
        "DELETE FROM one_time_links WHERE member_id = $1",
        "DELETE FROM api_tokens WHERE member_id = $1",
        "DELETE FROM role_grants WHERE member_id = $1",
        "DELETE FROM directory_entries WHERE member_id = $1",
        "DELETE FROM speakers WHERE member_id = $1",
        "DELETE FROM email_opt_outs WHERE member_id = $1",
        "DELETE FROM group_follows WHERE member_id = $1",
        // UG-16: no later date of a series enrols someone erased.
        "DELETE FROM series_members WHERE member_id = $1",
        // UG-17: the private calendar address stops working.
        "DELETE FROM calendar_feeds WHERE member_id = $1",
        "DELETE FROM linked_accounts WHERE member_id = $1",
        "DELETE FROM outbox WHERE recipient_id = $1",
        "UPDATE conduct_reports SET reporter_member_id = NULL, reporter_email = NULL WHERE reporter_member_id = $1",
        "UPDATE import_runs SET source = '' WHERE member_id = $1",
        "UPDATE program_applications SET interviewer_id = NULL WHERE interviewer_id = $1",
        "UPDATE leader_applications SET profile_link = '', certifications = '', projects = '' WHERE member_id = $1",
    ];
    for sql in by_member {
        sqlx::query(sql).bind(&id).execute(&mut **tx).await?;
    }
    let by_address = [
        "DELETE FROM outbox WHERE to_address = $1",
        "UPDATE conduct_reports SET reporter_email = NULL WHERE reporter_email = $1",
        // Let in at the door before they had an account: the seat and the
        // attendance stay, the name and address go.
        "UPDATE walk_ins SET name = NULL, email = NULL WHERE email = $1",
    ];
    for sql in by_address {
        sqlx::query(sql).bind(email).execute(&mut **tx).await?;
    }
    // An address may hold `_`, a LIKE wildcard: escaped, it matches only itself.
    sqlx::query("DELETE FROM rate_limits WHERE key LIKE $1 ESCAPE '\\'")
        .bind(crate::dialect::like_containing(email))
        .execute(&mut **tx)
        .await?;
    // The audit log keeps every action under the id; words that named the
    // person are replaced: the address wherever it appears (it is unique),
    // the name in the entries about or by them (a name alone could be
    // someone else's word).
    sqlx::query(
        "UPDATE audit_log SET details = REPLACE(details, $1, '[erased]'), reason = REPLACE(reason, $1, '[erased]')
         WHERE details LIKE $2 ESCAPE '\\' OR reason LIKE $2 ESCAPE '\\'",
    )
    .bind(email)
    .bind(crate::dialect::like_containing(email))
    .execute(&mut **tx)
    .await?;
    if !name.trim().is_empty() {
        sqlx::query(
            "UPDATE audit_log SET details = REPLACE(details, $1, '[erased]'), reason = REPLACE(reason, $1, '[erased]')
             WHERE entity_id = $2 OR actor_id = $2",
        )
        .bind(name)
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "UPDATE members SET email = $1, name = $2, password_hash = NULL, time_zone = 'UTC', updated_at = $3,
                            search_name = '' WHERE id = $4",
    )
    .bind(erased_email(member))
    .bind(ERASED_NAME)
    .bind(to_db(now))
    .bind(&id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// After an erasure has committed, leaves no old copy of the erased rows
/// on disk: SQLite overwrites deleted content (`secure_delete`, set on
/// every connection) and here moves the log into the file and empties it;
/// PostgreSQL vacuums the tables that held the person's words.
pub async fn compact(db: &Db) -> Result<(), StorageError> {
    match db.backend() {
        Backend::Sqlite => {
            // Readers may hold old frames for a moment; try a few times.
            for _ in 0..50 {
                let (busy, _, _): (i64, i64, i64) =
                    sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(db.writer()).await?;
                if busy == 0 {
                    return Ok(());
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            Err(StorageError::Backup(
                "the database stayed busy; the erased rows leave the log at the next checkpoint".into(),
            ))
        }
        Backend::Postgres => {
            for table in ["members", "outbox", "audit_log", "conduct_reports", "rate_limits", "sessions", "api_tokens"]
            {
                sqlx::query(&format!("VACUUM {table}")).execute(db.reader()).await?;
            }
            Ok(())
        }
    }
}
