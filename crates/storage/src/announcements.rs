//! UG-15: what the community team sent to a region's leaders or to a
//! program's members, kept so the team sees what already went out.

use chrono::{DateTime, Utc};
use guildhall_domain::follow::{Announcement, Audience};
use guildhall_domain::ids::{AnnouncementId, MemberId};
use sqlx::{AnyPool, Row};

use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

/// One announcement as sent.
#[derive(Clone, Debug)]
pub struct Sent {
    pub id: AnnouncementId,
    pub author: Option<String>,
    pub audience: Audience,
    pub subject: String,
    pub body: String,
    pub recipients: u64,
    pub created_at: DateTime<Utc>,
}

pub async fn insert(
    tx: &mut Tx,
    author: MemberId,
    a: &Announcement,
    recipients: usize,
    now: DateTime<Utc>,
) -> Result<AnnouncementId, StorageError> {
    let id = AnnouncementId::new();
    sqlx::query(
        "INSERT INTO announcements (id, author_id, audience, audience_ref, subject, body, recipients, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(author)
    .bind(a.audience.kind())
    .bind(a.audience.target())
    .bind(a.subject.as_str())
    .bind(a.body.as_str())
    .bind(recipients as i64)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// The latest announcements, newest first, with their authors' names.
pub async fn recent(pool: &AnyPool, limit: i64) -> Result<Vec<Sent>, StorageError> {
    let rows = sqlx::query(
        "SELECT a.id, m.name AS author, a.audience, a.audience_ref, a.subject, a.body, a.recipients, a.created_at
         FROM announcements a LEFT JOIN members m ON m.id = a.author_id ORDER BY a.created_at DESC, a.id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let (kind, target): (String, String) = (r.try_get("audience")?, r.try_get("audience_ref")?);
            let audience = Audience::parse(&kind, &target)
                .map_err(|_| StorageError::Corrupt(format!("announcement audience {kind}")))?;
            Ok(Sent {
                id: r.try_get("id")?,
                author: r.try_get("author")?,
                audience,
                subject: r.try_get("subject")?,
                body: r.try_get("body")?,
                recipients: r.try_get::<i64, _>("recipients")?.max(0) as u64,
                created_at: from_db(r.try_get("created_at")?),
            })
        })
        .collect()
}
