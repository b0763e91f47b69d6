//! The OpenAPI 3 document of the API (PL-6): its title, tags and security
//! here; its paths come from the routes themselves (`api::router`, with
//! utoipa-axum), so it cannot drift from them.

use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::app::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Guildhall API",
        version = "1",
        description = "Groups, events, registration and the programs of a developer community. \
            Authenticate with `Authorization: Bearer <token>` (create tokens on your account page). \
            Errors are RFC 9457 `application/problem+json`."
    ),
    servers((url = "/api")),
    components(schemas(super::Problem, super::FieldProblem, super::Created)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "groups", description = "User groups, leaders, venues (UG-1, UG-7)"),
        (name = "events", description = "Events and their life cycle (UG-14)"),
        (name = "series", description = "Recurring meetups: one rule, one registration for every date (UG-16)"),
        (name = "registrations", description = "Registration, waiting list, check-in (UG-14)"),
        (name = "members", description = "Accounts (PL-1)"),
        (name = "admin", description = "Regions, people and their roles, and the audit log (PL-1, PL-7)"),
        (name = "leadership", description = "Applications to lead, co-leaders (UG-2, UG-4)"),
        (name = "review", description = "Session review (UG-6)"),
        (name = "conduct", description = "Code-of-conduct reports (UG-8)"),
        (name = "health", description = "Group health and managers' tasks (UG-10, UG-12)"),
        (name = "expenses", description = "Fee schedules, expense claims, totals (UG-13)"),
        (name = "speakers", description = "Speakers, invitations, expert requests (UG-11)"),
        (name = "announcements", description = "Followers and the community team's announcements (UG-15)"),
        (name = "programs", description = "Champions, MVP, Ambassadors: contributions, eligibility, applications, memberships, benefits (CH-1 to CH-8, PL-2)"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Errors are RFC 9457 documents (`application/problem+json`); utoipa
/// writes every body as `application/json`, so the error answers are
/// relabelled here, once, for every operation.
struct ProblemJson;

impl Modify for ProblemJson {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let ops = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch, &mut item.head];
            for op in ops.into_iter().flatten() {
                for (status, response) in op.responses.responses.iter_mut() {
                    let is_error = status.starts_with('4') || status.starts_with('5');
                    if let (true, utoipa::openapi::RefOr::T(r)) = (is_error, response) {
                        if let Some(body) = r.content.shift_remove("application/json") {
                            r.content.insert("application/problem+json".to_owned(), body);
                        }
                    }
                }
            }
        }
    }
}

/// The document once every module's routes are in: their error answers
/// relabelled as problem+json.
pub fn finish(mut document: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    ProblemJson.modify(&mut document);
    document
}

/// Serves the document built with the routes (one copy per process).
pub fn router(document: utoipa::openapi::OpenApi) -> Router<AppState> {
    let document = std::sync::Arc::new(document);
    Router::new().route("/openapi.json", get(move || async move { Json(document.as_ref().clone()) }))
}
