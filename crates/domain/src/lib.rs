//! Guildhall's domain core: the rules of `SPEC.md` in plain Rust.
//!
//! Nothing here knows about HTTP, SQL, email transport or the clock: callers
//! pass the current time in. Values are parsed once at the edge into the types
//! below, so services never see raw strings (parse, don't validate).

pub mod access;
pub mod account;
pub mod attendance;
pub mod benefit;
pub mod conduct;
pub mod contribution;
pub mod eligibility;
pub mod email_topic;
pub mod error;
pub mod event;
pub mod follow;
pub mod group;
pub mod health;
pub mod ids;
pub mod leadership;
pub mod linked_account;
pub mod materials;
pub mod money;
pub mod offer;
pub mod outbox;
pub mod program;
pub mod program_application;
pub mod rate_limit;
pub mod receipt;
pub mod registration;
pub mod reminder;
pub mod renewal;
pub mod review;
pub mod roles;
pub mod series;
pub mod settings;
pub mod speaker;
mod sql_text;
pub mod values;
pub mod venue;

pub use error::{DomainError, ErrorCase, ErrorKind, FieldError};
