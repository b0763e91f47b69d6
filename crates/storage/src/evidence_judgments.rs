//! CH-5: the reviewer's judgment of each piece of an application's
//! evidence: the rubric points it meets.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{MemberId, ProgramApplicationId};
use sqlx::AnyPool;

use crate::time::to_db;
use crate::{StorageError, Tx};

/// Records (or replaces) the points `contribution` meets for `application`.
pub async fn set(
    tx: &mut Tx,
    application: ProgramApplicationId,
    contribution: &str,
    points: &[&str],
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO evidence_judgments (application_id, contribution_id, points, judged_by, judged_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (application_id, contribution_id)
         DO UPDATE SET points = excluded.points, judged_by = excluded.judged_by, judged_at = excluded.judged_at",
    )
    .bind(application)
    .bind(contribution)
    .bind(points.join(","))
    .bind(by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The judged pieces of `application`: contribution id to points met.
pub async fn of_application(
    pool: &AnyPool,
    application: ProgramApplicationId,
) -> Result<HashMap<String, Vec<String>>, StorageError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT contribution_id, points FROM evidence_judgments WHERE application_id = $1")
            .bind(application)
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(c, p)| (c, p.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()))
        .collect())
}
