//! The admin's people pages (PL-1): find any member, see the roles they
//! hold, grant program staff, admin or community manager of a region, and
//! revoke them. The rules live in `services::roles`.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::ids::{MemberId, RegionId};
use guildhall_domain::roles::parse_grantable;
use guildhall_domain::DomainError;
use guildhall_storage::members::Member;
use guildhall_storage::regions::{self, Region};
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::roles as service;
use crate::web::ctx::PageCtx;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/people", get(people_page))
        .route("/admin/people/{id}", get(person_page))
        .route("/admin/people/{id}/roles", post(grant))
        .route("/admin/people/{id}/roles/remove", post(revoke))
}

fn admin(ctx: &PageCtx) -> AppResult<Actor> {
    let me = ctx.require()?;
    authorize(&me.actor, Action::ManageRoles)?;
    Ok(me.actor.clone())
}

/// A role as the page shows it: its label and, for a manager, the region.
pub struct RoleRow {
    pub name: &'static str,
    pub label: String,
    pub region_id: String,
    pub region: String,
}

fn rows(ctx: &PageCtx, roles: &[Role], regions: &[Region]) -> Vec<RoleRow> {
    roles
        .iter()
        .filter(|r| !matches!(r, Role::GroupLeader(_)))
        .map(|r| {
            let region = match r {
                Role::CommunityManager(id) => {
                    regions.iter().find(|g| g.id == *id).map(|g| g.name.to_string()).unwrap_or_default()
                }
                _ => String::new(),
            };
            RoleRow { name: r.name(), label: ctx.t(&format!("role-{}", r.name())), region_id: r.scope(), region }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin_people.html")]
struct PeoplePage {
    ctx: PageCtx,
    q: String,
    people: Vec<(Member, Vec<RoleRow>)>,
    page: i64,
    has_more: bool,
}

#[derive(Deserialize)]
struct PeopleQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: i64,
}

const PAGE: i64 = 50;

async fn people_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(q): Query<PeopleQuery>,
) -> AppResult<Html<String>> {
    let actor = admin(&ctx)?;
    let page = q.page.max(0);
    let mut found = service::find(&state.services, &actor, &q.q, PAGE + 1, page * PAGE).await?;
    let has_more = found.len() as i64 > PAGE;
    found.truncate(PAGE as usize);
    let grants = service::list(&state.services, &actor).await?;
    let regions = regions::list(state.services.db.reader()).await?;
    let people = found
        .into_iter()
        .map(|m| {
            let held: Vec<Role> = grants.iter().filter(|g| g.member.id == m.id).map(|g| g.role).collect();
            let rows = rows(&ctx, &held, &regions);
            (m, rows)
        })
        .collect();
    Ok(Html(PeoplePage { ctx, q: q.q, people, page, has_more }.render()?))
}

#[derive(Template)]
#[template(path = "admin_person.html")]
struct PersonPage {
    ctx: PageCtx,
    person: Member,
    roles: Vec<RoleRow>,
    leads: usize,
    regions: Vec<Region>,
    errors: FormErrors,
    /// What the grant form was given, shown again after a refusal.
    role: String,
    region_id: String,
    notice: Option<String>,
}

async fn show(
    state: &AppState,
    ctx: PageCtx,
    id: MemberId,
    errors: FormErrors,
    form: (String, String),
) -> AppResult<Response> {
    let actor = admin(&ctx)?;
    let p = service::person(&state.services, &actor, id).await?;
    let regions = regions::list(state.services.db.reader()).await?;
    let leads = p.roles.iter().filter(|r| matches!(r, Role::GroupLeader(_))).count();
    let notice = ["granted", "already", "revoked"]
        .into_iter()
        .find(|v| ctx.query_flag("done", v))
        .map(|v| ctx.t(&format!("people-done-{v}")));
    let roles = rows(&ctx, &p.roles, &regions);
    let page = PersonPage {
        ctx,
        person: p.member,
        roles,
        leads,
        regions,
        errors: errors.clone(),
        role: form.0,
        region_id: form.1,
        notice,
    };
    Ok(errors.respond(page.render()?))
}

async fn person_page(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<MemberId>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, errors, (String::new(), String::new())).await
}

#[derive(Deserialize)]
struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    region_id: String,
}

fn parse(f: &RoleForm) -> Result<Role, DomainError> {
    let region = match f.region_id.trim() {
        "" => None,
        raw => Some(raw.parse::<RegionId>().map_err(|_| DomainError::field("region_id", "region_unknown"))?),
    };
    parse_grantable(&f.role, region)
}

async fn grant(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<MemberId>,
    CsrfForm(f): CsrfForm<RoleForm>,
) -> AppResult<Response> {
    let actor = admin(&ctx)?;
    let result = match parse(&f) {
        Ok(role) => service::grant(&state.services, &actor, id, role).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(new) => {
            let done = if new { "granted" } else { "already" };
            Ok(Redirect::to(&format!("/admin/people/{id}?done={done}")).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&["role", "region_id"]);
            show(&state, ctx, id, errors, (f.role, f.region_id)).await
        }
    }
}

async fn revoke(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<MemberId>,
    CsrfForm(f): CsrfForm<RoleForm>,
) -> AppResult<Response> {
    let actor = admin(&ctx)?;
    let result = match parse(&f) {
        Ok(role) => service::revoke(&state.services, &actor, id, role).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/admin/people/{id}?done=revoked")).into_response()),
        Err(e) => {
            // The revoke buttons have no fields of their own: say it on top.
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&[]);
            show(&state, ctx, id, errors, (String::new(), String::new())).await
        }
    }
}
