//! The JSON API (PL-6): bearer tokens, problem+json errors, the same
//! services as the pages, described by the OpenAPI document at
//! `/api/openapi.json`.

mod accounts;
mod admin;
mod announcements;
mod benefits;
mod conduct;
mod contribution_imports;
mod contributions;
mod door;
mod erasure;
mod event_messages;
mod events;
mod evidence;
pub mod expenses;
pub mod export;
mod follows;
mod forum_import;
mod group_lifecycle;
mod groups;
mod health;
mod json;
pub mod leadership;
mod linked_accounts;
mod materials;
mod me_calendar;
mod me_security;
mod member_evidence;
mod memberships;
mod offers;
mod openapi;
pub mod program_interviews;
mod programs;
mod renewals;
pub mod review;
mod roles;
mod series;
mod speakers;
mod tickets;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::Router;
use serde::Serialize;
use utoipa::OpenApi;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::auth::{ApiUser, SignedIn};
use crate::error::AppError;

pub use json::ApiJson;

/// The API's routes and its OpenAPI document, from one list: each module's
/// router registers its handlers with `routes!`, which reads the path and
/// method from their `#[utoipa::path]`, so a route cannot go undocumented
/// or a documented path unrouted (decision 0019).
pub fn router() -> Router<AppState> {
    let (routes, document) = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(accounts::router())
        .merge(admin::router())
        .merge(roles::router())
        .merge(groups::router())
        .merge(evidence::router())
        .merge(group_lifecycle::router())
        .merge(linked_accounts::router())
        .merge(events::router())
        .merge(series::router())
        .merge(door::router())
        .merge(event_messages::router())
        .merge(leadership::router())
        .merge(review::router())
        .merge(conduct::router())
        .merge(health::router())
        .merge(expenses::router())
        .merge(speakers::router())
        .merge(programs::router())
        .merge(member_evidence::router())
        .merge(memberships::router())
        .merge(renewals::router())
        .merge(contribution_imports::router())
        .merge(contributions::router())
        .merge(benefits::router())
        .merge(program_interviews::router())
        .merge(tickets::router())
        .merge(follows::router())
        .merge(announcements::router())
        .merge(forum_import::router())
        .merge(me_security::router())
        .merge(me_calendar::router())
        .merge(materials::router())
        .merge(offers::router())
        .merge(export::router())
        .merge(erasure::router())
        .split_for_parts();
    routes.merge(openapi::router(openapi::finish(document)))
}

/// The id of something just created.
#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: String,
}

/// An RFC 9457 problem: every error of the API has this shape, served as
/// `application/problem+json`. `web::errors` serializes this very struct,
/// so the documented schema is the one sent.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// A stable URI naming the problem, e.g. `/problems/already_registered`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: Option<String>,
    /// The path that was asked for.
    pub instance: String,
    /// The stable code of the problem (the last part of `type`).
    pub code: String,
    /// For invalid input: one entry per field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldProblem>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// A caller who may or may not send a token: public reads answer both,
/// and show a group's leaders more. A token that is sent must be valid.
pub struct MaybeApiUser(pub Option<SignedIn>);

impl FromRequestParts<AppState> for MaybeApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if !parts.headers.contains_key(axum::http::header::AUTHORIZATION) {
            return Ok(Self(None));
        }
        let ApiUser(u) = ApiUser::from_request_parts(parts, state).await?;
        Ok(Self(Some(u)))
    }
}
