//! Guildhall: services, web pages, JSON API, background jobs, mail and the
//! command line, around the rules of `guildhall-domain` and the queries of
//! `guildhall-storage`. See `docs/ARCHITECTURE.md`.

pub mod app;
pub mod auth;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod csv_out;
pub mod demo;
pub mod error;
pub mod i18n;
pub mod integrations;
pub mod jobs;
pub mod mail;
pub mod services;
pub mod telemetry;
pub mod web;

pub use app::{AppState, Server};
pub use config::Config;
pub use error::AppError;
