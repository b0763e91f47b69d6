//! Guildhall's storage: the only code that knows SQL.
//!
//! One set of migrations and queries serves SQLite and PostgreSQL through
//! sqlx's `Any` driver (see `docs/decisions/0002-data-layer.md`). The few
//! places where the two differ are named functions in [`dialect`].

pub mod announcements;
pub mod audit;
pub mod backup;
pub mod batch;
pub mod benefits;
pub mod calendar_feeds;
mod cols;
pub mod conduct_reports;
pub mod contributions;
pub mod db;
pub mod dialect;
pub mod email_preferences;
pub mod erasure;
pub mod error;
pub mod event_cancellations;
pub mod events;
pub mod evidence_judgments;
pub mod expenses;
pub mod export;
pub mod follows;
pub mod groups;
pub mod hash_keys;
pub mod health;
pub mod import_runs;
pub mod interview_slots;
pub mod leader_applications;
pub mod linked_accounts;
pub mod members;
pub mod outbox;
pub mod page;
pub mod programs;
pub mod rate_limits;
pub mod regions;
pub mod registrations;
pub mod renewals;
pub mod series;
pub mod sessions;
pub mod settings;
pub mod speakers;
pub mod testing;
pub mod time;
pub mod tokens;
pub mod venues;
pub mod walk_ins;

pub use db::{Backend, Db, Tx};
pub use error::StorageError;
