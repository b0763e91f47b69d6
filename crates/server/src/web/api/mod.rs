//! The JSON API (PL-6): bearer tokens, problem+json errors, the same
//! services as the pages.

mod accounts;
mod admin;
mod json;

use axum::Router;

use crate::app::AppState;

pub use json::ApiJson;

pub fn router() -> Router<AppState> {
    Router::new().merge(accounts::router()).merge(admin::router())
}
