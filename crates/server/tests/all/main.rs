//! The HTTP tests that need no process of their own, in one binary: the
//! kit (`common`) and the server are compiled and linked once instead of
//! once per file. The rush, the page cache across instances, the
//! statement counter (a global subscriber) and the browser tests keep
//! their own binaries, so that nothing else runs beside them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod attendance;
mod authz_matrix;
mod backup;
mod bad_input;
mod calendars;
mod confirmations;
mod dead_ends;
mod demo;
mod door_desk;
mod erasure;
mod event_pages;
mod events;
mod feeds;
mod follows;
mod form_sweep;
mod forum_import;
mod governance;
mod lists;
mod mail;
mod materials;
mod offers;
mod pickers;
mod privacy;
mod programs;
mod registration_windows;
mod reminders;
mod security;
mod security_sweep;
mod series;
mod settings_page;
