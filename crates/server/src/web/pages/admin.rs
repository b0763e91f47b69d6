//! The admin's back office: audit log (PL-7), regions and their community
//! managers. Settings data has its own page (`settings.rs`).

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::access::{authorize, Action, Role};
use guildhall_domain::ids::{MemberId, RegionId};
use guildhall_domain::DomainError;
use guildhall_storage::audit;
use guildhall_storage::audit::{AuditFilter, AuditRecord};
use guildhall_storage::members::{self, Member};
use guildhall_storage::regions::{self, Region};
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::regions::{self as region_service, RegionForm};
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/audit", get(audit_page))
        .route("/admin/regions", get(regions_page).post(create_region))
        .route("/admin/regions/{id}", get(region_page).post(update_region))
        .route("/admin/regions/{id}/managers", post(add_manager))
        .route("/admin/regions/{id}/managers/{member}/remove", post(remove_manager))
}

fn require(ctx: &PageCtx, action: Action) -> AppResult<guildhall_domain::access::Actor> {
    let me = ctx.require()?;
    authorize(&me.actor, action)?;
    Ok(me.actor.clone())
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    ctx: PageCtx,
    entries: Vec<AuditRecord>,
    filter_entity: String,
    filter_action: String,
    /// The next page's address, while older entries follow.
    pager: crate::web::paging::Pager,
}

impl AuditPage {
    /// What kind of thing an entry is about, in words (the raw type stays
    /// in the API and the filter).
    fn entity_name(&self, kind: &str) -> String {
        let key = format!("audit-entity-{}", kind.replace('_', "-"));
        self.ctx.tr.try_t(&key).unwrap_or_else(|| kind.replace('_', " "))
    }
}

#[derive(Deserialize)]
struct AuditQuery {
    #[serde(default)]
    entity: String,
    #[serde(default)]
    action: String,
    limit: Option<usize>,
    cursor: Option<String>,
}

const PAGE: usize = 50;

async fn audit_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(q): Query<AuditQuery>,
) -> AppResult<Html<String>> {
    require(&ctx, Action::ViewAuditLog)?;
    let after = crate::web::paging::PageQuery { limit: q.limit, cursor: q.cursor.clone() }.after()?;
    let given = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = AuditFilter { entity_id: given(&q.entity), action: given(&q.action), ..Default::default() };
    let limit = guildhall_storage::page::clamp(q.limit, PAGE);
    let page = audit::page(state.services.db.reader(), &filter, limit, after.as_ref()).await?;
    let pager = crate::web::paging::Pager::new(&ctx.path, after.as_ref(), page.next.as_ref(), "audit-older");
    Ok(Html(AuditPage { ctx, entries: page.items, filter_entity: q.entity, filter_action: q.action, pager }.render()?))
}

#[derive(Template)]
#[template(path = "admin_regions.html")]
struct RegionsPage {
    ctx: PageCtx,
    regions: Vec<Region>,
    errors: FormErrors,
    name: String,
    currency: String,
}

async fn regions_page(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    require(&ctx, Action::ManageRegions)?;
    let regions = regions::list(state.services.db.reader()).await?;
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(RegionsPage { ctx, regions, errors, name: String::new(), currency: String::new() }.render()?))
}

#[derive(Deserialize)]
struct RegionFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    currency: String,
}

async fn create_region(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<RegionFields>,
) -> AppResult<Response> {
    let actor = require(&ctx, Action::ManageRegions)?;
    let result = match RegionForm::parse(&f.name, &f.currency) {
        Ok(form) => region_service::create(&state.services, &actor, form).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/admin/regions/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            let regions = regions::list(state.services.db.reader()).await?;
            let page = RegionsPage { ctx, regions, errors, name: f.name, currency: f.currency };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "admin_region.html")]
struct RegionPage {
    ctx: PageCtx,
    region: Region,
    managers: Vec<Member>,
    errors: FormErrors,
    /// A new manager found by name.
    finder: Option<super::pickers::Finder>,
}

async fn show_region(state: &AppState, ctx: PageCtx, id: RegionId, errors: FormErrors) -> AppResult<Response> {
    let region = regions::get(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let managers = members::holders(state.services.db.reader(), Role::CommunityManager(id)).await?;
    let purpose = super::pickers::Purpose {
        page: format!("/admin/regions/{id}"),
        field: "manager",
        label_key: "picker-manager",
        button_key: "regions-add-manager",
        anchor: "managers",
        action: format!("/admin/regions/{id}/managers"),
    };
    let finder = super::pickers::Finder::on(state, &ctx, purpose, Action::ManageRoles).await?;
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, Html(RegionPage { ctx, region, managers, errors, finder }.render()?)).into_response())
}

async fn region_page(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<RegionId>) -> AppResult<Response> {
    require(&ctx, Action::ManageRegions)?;
    let errors = FormErrors::none(ctx.tr);
    show_region(&state, ctx, id, errors).await
}

async fn update_region(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegionId>,
    CsrfForm(f): CsrfForm<RegionFields>,
) -> AppResult<Response> {
    let actor = require(&ctx, Action::ManageRegions)?;
    let result = match RegionForm::parse(&f.name, &f.currency) {
        Ok(form) => region_service::update(&state.services, &actor, id, form).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/admin/regions/{id}?saved=1")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_region(&state, ctx, id, errors).await
        }
    }
}

#[derive(Deserialize)]
struct ManagerForm {
    #[serde(default)]
    email: String,
    /// A person chosen by name in the picker.
    #[serde(default)]
    member: String,
}

async fn add_manager(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegionId>,
    CsrfForm(f): CsrfForm<ManagerForm>,
) -> AppResult<Response> {
    let actor = require(&ctx, Action::ManageRoles)?;
    let added = match f.member.parse::<MemberId>() {
        Ok(member) => region_service::add_manager_member(&state.services, &actor, id, member).await,
        Err(_) => region_service::add_manager(&state.services, &actor, id, &f.email).await,
    };
    match added {
        Ok(new) => {
            // Not `?manager=`: that is the picker's search.
            let done = if new { "manager_added" } else { "manager_already" };
            Ok(Redirect::to(&format!("/admin/regions/{id}?done={done}#managers")).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_region(&state, ctx, id, errors).await
        }
    }
}

async fn remove_manager(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((id, member)): Path<(RegionId, MemberId)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = require(&ctx, Action::ManageRoles)?;
    region_service::remove_manager(&state.services, &actor, id, member).await?;
    Ok(Redirect::to(&format!("/admin/regions/{id}?done=manager_removed#managers")).into_response())
}
