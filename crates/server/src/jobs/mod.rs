//! Background work that runs inside `serve`.

pub mod housekeeping;
pub mod outbox_worker;
pub mod reminders;
