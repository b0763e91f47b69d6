//! Server-rendered pages. Each module owns its routes and templates.

mod account;
mod account_calendar;
mod account_security;
mod admin;
mod announcements;
mod auth;
mod benefits;
mod charts;
mod checkin;
mod conduct;
mod contributions;
mod email_preferences;
mod event_cancel;
mod events;
mod expenses;
mod follows;
mod form;
mod forum_import;
mod group_lifecycle;
mod groups;
mod home;
mod leadership;
mod linked_accounts;
mod manage;
mod materials;
mod messages;
mod offers;
mod people;
mod pickers;
mod program_application;
mod programs;
mod release;
mod renewals;
mod review;
mod schema_org;
mod series;
mod settings;
mod speakers;
mod tickets;
mod venues;
mod views;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::Router;

use crate::app::AppState;

pub use form::FormErrors;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(auth::router())
        .merge(account::router())
        .merge(account_calendar::router())
        .merge(release::router())
        .merge(materials::router())
        .merge(offers::router())
        .merge(email_preferences::router())
        .merge(messages::router())
        .merge(admin::router())
        .merge(settings::router())
        .merge(people::router())
        .merge(groups::router())
        .merge(group_lifecycle::router())
        .merge(follows::router())
        .merge(announcements::router())
        .merge(events::router())
        .merge(event_cancel::router())
        .merge(series::router())
        .merge(tickets::router())
        .merge(checkin::router())
        .merge(venues::router())
        .merge(conduct::router())
        .merge(leadership::router())
        .merge(manage::router())
        .merge(expenses::router())
        .merge(speakers::router())
        .merge(review::router())
        .merge(programs::router())
        .merge(contributions::router())
        .merge(benefits::router())
        .merge(account_security::router())
        .merge(program_application::router())
        .merge(forum_import::router())
        .merge(linked_accounts::router())
        .merge(renewals::router())
}

/// The client's address for rate limits: the socket's, or the first
/// `X-Forwarded-For` hop when configured to trust a proxy.
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let conn = parts.extensions.get::<ConnectInfo<SocketAddr>>();
        Ok(Self(client_ip(state, conn, &parts.headers)))
    }
}

fn client_ip(state: &AppState, conn: Option<&ConnectInfo<SocketAddr>>, headers: &HeaderMap) -> String {
    if state.config.trust_proxy {
        if let Some(ip) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            return ip.to_owned();
        }
    }
    conn.map(|c| c.0.ip().to_string()).unwrap_or_else(|| "unknown".into())
}
