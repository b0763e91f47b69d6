//! PL-8: everything held about one member, read for their export. Each
//! section is one query with the member's id as `$1`; columns are listed
//! so no secret (password or token hash, session ids) ever leaves.

use guildhall_domain::ids::MemberId;
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Column, Row};

use crate::time::from_db;
use crate::StorageError;

/// (section, query). A new table that holds personal data adds a line.
pub const SECTIONS: &[(&str, &str)] = &[
    ("profile", "SELECT id, email, name, email_verified_at, locale, time_zone, created_at, updated_at FROM members WHERE id = $1"),
    ("roles", "SELECT role, scope, granted_at FROM role_grants WHERE member_id = $1"),
    ("api_tokens", "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE member_id = $1"),
    (
        "registrations",
        "SELECT r.id, r.event_id, e.title AS event_title, e.starts_at AS event_starts_at, r.status, r.ticket_code,
                r.created_at, r.updated_at, r.checked_in_at
         FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.member_id = $1",
    ),
    (
        "contributions",
        "SELECT id, kind, details, happened_on, link, title, source, verification, created_at FROM contributions WHERE member_id = $1",
    ),
    (
        "program_applications",
        "SELECT id, member_id, program, focus_area, interests, stage, screening, reason, interview_at, created_at, updated_at
         FROM program_applications WHERE member_id = $1",
    ),
    ("memberships", "SELECT * FROM memberships WHERE member_id = $1"),
    ("renewal_decisions", "SELECT * FROM renewal_decisions WHERE member_id = $1"),
    (
        "benefit_codes",
        "SELECT b.name AS benefit, c.code, c.claim_year, c.claimed_at FROM benefit_codes c JOIN benefits b ON b.id = c.benefit_id
         WHERE c.claimed_by = $1",
    ),
    (
        "follows",
        "SELECT g.slug, g.name, f.created_at FROM group_follows f JOIN groups g ON g.id = f.group_id WHERE f.member_id = $1",
    ),
    ("directory_entry", "SELECT * FROM directory_entries WHERE member_id = $1"),
    ("linked_accounts", "SELECT kind, handle, proof, proven_at, created_at FROM linked_accounts WHERE member_id = $1"),
    (
        "leader_applications",
        "SELECT id, member_id, region_id, group_id, proposed_name, proposed_city, years, certifications, projects,
                profile_link, guidelines_version, nominated_by, status, interview_at, decision_reason, decided_by,
                created_at, updated_at, submitted_at
         FROM leader_applications WHERE member_id = $1",
    ),
    ("speaker", "SELECT * FROM speakers WHERE member_id = $1"),
    ("speaker_invitations", "SELECT * FROM speaker_invitations WHERE speaker_id = $1"),
    ("expense_claims", "SELECT * FROM expense_claims WHERE filed_by = $1"),
    (
        "expense_receipts",
        "SELECT r.id, r.claim_id, r.file_name, r.content_type, r.size_bytes, r.created_at FROM claim_receipts r
         JOIN expense_claims c ON c.id = r.claim_id WHERE c.filed_by = $1",
    ),
    (
        "conduct_reports_filed",
        "SELECT id, group_id, event_id, description, status, created_at FROM conduct_reports WHERE reporter_member_id = $1",
    ),
    (
        "messages",
        "SELECT id, kind, to_address, subject, body_text, state, created_at, sent_at FROM outbox WHERE recipient_id = $1",
    ),
    ("import_runs", "SELECT * FROM import_runs WHERE member_id = $1"),
    (
        "audit",
        "SELECT id, at, actor_id, action, entity_type, entity_id, reason, details FROM audit_log
         WHERE entity_id = $1 OR actor_id = $1 ORDER BY at",
    ),
];

/// PL-8, decision 0011: staff's private notes about the member (interview
/// and quality notes). The member's own export leaves them out, as the pages
/// do; an admin's export on a formal request adds this section.
pub const STAFF_NOTES: (&str, &str) = (
    "staff_notes",
    "SELECT 'program_application' AS kind, id AS application_id, quality_notes, interview_notes, '' AS notes
       FROM program_applications WHERE member_id = $1
     UNION ALL
     SELECT 'leader_application', id, '', '', notes FROM leader_applications WHERE member_id = $1",
);

/// A column's value as JSON: numbers, text or null; `*_at` times as
/// RFC 3339.
fn value(r: &AnyRow, i: usize, name: &str) -> Value {
    if let Ok(n) = r.try_get::<Option<i64>, _>(i) {
        return match n {
            Some(n) if name.ends_with("_at") => Value::String(from_db(n).to_rfc3339()),
            Some(n) => Value::from(n),
            None => Value::Null,
        };
    }
    if let Ok(f) = r.try_get::<Option<f64>, _>(i) {
        return f.map(Value::from).unwrap_or(Value::Null);
    }
    r.try_get::<Option<String>, _>(i).ok().flatten().map(Value::String).unwrap_or(Value::Null)
}

/// Every section, each a list of rows as JSON objects; with `staff_notes`,
/// the [`STAFF_NOTES`] section too.
pub async fn member_data(
    pool: &AnyPool,
    member: MemberId,
    staff_notes: bool,
) -> Result<Map<String, Value>, StorageError> {
    let mut out = Map::new();
    let extra = staff_notes.then_some(&STAFF_NOTES);
    for (section, sql) in SECTIONS.iter().chain(extra) {
        let rows = sqlx::query(sql).bind(member).fetch_all(pool).await?;
        let list: Vec<Value> = rows
            .iter()
            .map(|r| {
                let obj: Map<String, Value> =
                    r.columns().iter().map(|c| (c.name().to_owned(), value(r, c.ordinal(), c.name()))).collect();
                Value::Object(obj)
            })
            .collect();
        out.insert((*section).to_owned(), Value::Array(list));
    }
    Ok(out)
}
