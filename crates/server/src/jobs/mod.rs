//! Background work that runs inside `serve`.

pub mod event_completion;
pub mod group_health;
pub mod housekeeping;
pub mod offers;
pub mod outbox_worker;
pub mod reminders;
pub mod renewals;
pub mod settings_listener;
