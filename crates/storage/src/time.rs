//! Times are stored as microseconds since the Unix epoch, in UTC (PL-9).

use chrono::{DateTime, Utc};

/// To the stored form.
pub fn to_db(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

/// From the stored form.
pub fn from_db(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

/// From an optional stored time.
pub fn from_db_opt(micros: Option<i64>) -> Option<DateTime<Utc>> {
    micros.map(from_db)
}
