//! Group health and the manager's tasks over the API (UG-10, UG-12).

use crate::web::path::Path;
use axum::extract::State;
use axum::Json;
use chrono::Utc;
use guildhall_domain::health::Health;
use guildhall_domain::ids::RegionId;
use guildhall_domain::values::Slug;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::{dashboard, health as service};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(group_health)).routes(routes!(region_health)).routes(routes!(region_tasks))
}

/// UG-10: a group's health.
#[derive(Serialize, ToSchema)]
pub struct HealthBody {
    group_slug: String,
    group: String,
    /// active, needs_support or archived.
    status: String,
    year: i32,
    /// None when the group has never held an event.
    days_since_last_event: Option<i64>,
    last_held_at: Option<String>,
    held_this_year: u32,
    required_per_year: u32,
    /// Held events in each quarter of `year`.
    per_quarter: [u32; 4],
    /// Check-ins at the last held events, oldest first.
    attendance: Vec<u32>,
    /// rising, steady, falling or too_few_events.
    trend: String,
    needs_support: bool,
}

fn body(slug: &str, name: &str, status: &str, h: &Health) -> HealthBody {
    HealthBody {
        group_slug: slug.to_owned(),
        group: name.to_owned(),
        status: status.to_owned(),
        year: h.year,
        days_since_last_event: h.days_since_last,
        last_held_at: h.last_held.map(|t| t.to_rfc3339()),
        held_this_year: h.held_this_year,
        required_per_year: h.required_per_year,
        per_quarter: h.per_quarter,
        attendance: h.attendance.clone(),
        trend: h.trend.as_str().to_owned(),
        needs_support: h.needs_support,
    }
}

/// UG-10: public, as on the group page.
#[utoipa::path(get, path = "/v1/groups/{slug}/health", tag = "health", params(("slug" = String, Path)),
    responses((status = 200, body = HealthBody), (status = 404, body = Problem)), security((), ("bearer" = [])))]
pub async fn group_health(State(state): State<AppState>, Path(slug): Path<Slug>) -> AppResult<Json<HealthBody>> {
    let (g, h) = service::by_slug(&state.services, &slug, Utc::now()).await?;
    Ok(Json(body(g.profile.slug.as_str(), g.profile.name.as_str(), g.status.as_str(), &h)))
}

/// UG-10, UG-12: every group of a region, neediest first (its managers).
#[utoipa::path(get, path = "/v1/regions/{id}/health", tag = "health", params(("id" = String, Path)),
    responses((status = 200, body = [HealthBody]), (status = 403, body = Problem)))]
pub async fn region_health(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(region): Path<RegionId>,
) -> AppResult<Json<Vec<HealthBody>>> {
    let rows = service::of_region(&state.services, &u.actor, region, Utc::now()).await?;
    Ok(Json(
        rows.iter()
            .map(|(g, h)| body(g.profile.slug.as_str(), g.profile.name.as_str(), g.status.as_str(), h))
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct TaskBody {
    /// leader_application, session_review, conduct_report, expense_claim,
    /// needs_support, expert_request or speaker_application.
    kind: String,
    title: String,
    /// Where it stands, when it has stages (e.g. `submitted`, `investigating`).
    state: Option<String>,
    at: String,
    url: String,
}

/// UG-12: the region's open tasks, newest first.
#[utoipa::path(get, path = "/v1/regions/{id}/tasks", tag = "health", params(("id" = String, Path)),
    responses((status = 200, body = [TaskBody]), (status = 403, body = Problem)))]
pub async fn region_tasks(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(region): Path<RegionId>,
) -> AppResult<Json<Vec<TaskBody>>> {
    let tasks = dashboard::tasks(&state.services, &u.actor, region).await?;
    Ok(Json(
        tasks
            .into_iter()
            .map(|t| TaskBody {
                kind: t.kind.to_owned(),
                title: t.title,
                state: t.state.map(str::to_owned),
                at: t.at.to_rfc3339(),
                url: state.config.link(&t.link),
            })
            .collect(),
    ))
}
