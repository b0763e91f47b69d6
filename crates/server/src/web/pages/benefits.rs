//! Benefits in the pages (CH-8): members see the codes open to them and
//! claim one with a button; program staff create pools for a program with
//! a last valid day, paste codes in, and see how many are left.

use askama::Template;
use axum::extract::{DefaultBodyLimit, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::benefit::parse_codes;
use guildhall_domain::ids::BenefitId;
use guildhall_domain::DomainError;
use guildhall_storage::benefits::Benefit;
use serde::Deserialize;

use super::form::redirect_or_reshow;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::error::{AppError, AppResult};
use crate::services::benefits::{self as service, Mine, NewPool};
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/programs/benefits", get(page).post(create))
        .route("/programs/benefits/{id}/codes", post(add_codes))
        .route(
            "/programs/benefits/{id}/codes-file",
            post(add_codes_file).layer(DefaultBodyLimit::max(2 * CODES_FILE_LIMIT)),
        )
        .route("/programs/benefits/{id}/claim", post(claim))
}

/// What the new-pool form was given, shown again after a refusal.
#[derive(Default, Deserialize)]
struct PoolInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    program: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    codes: String,
}

#[derive(Template)]
#[template(path = "benefits.html")]
struct BenefitsPage {
    ctx: PageCtx,
    mine: Mine,
    /// Staff only: every pool.
    pools: Option<Vec<Benefit>>,
    form: PoolInput,
    errors: FormErrors,
    /// The code just claimed, or the count of codes just added.
    notice: Option<String>,
}

impl BenefitsPage {
    fn program_label(&self, b: &Benefit) -> String {
        match b.pool.program {
            Some(p) => self.ctx.t(&format!("program-{}", p.as_str())),
            None => self.ctx.t("benefits-any-program"),
        }
    }
    fn valid_label(&self, b: &Benefit) -> String {
        match b.pool.valid_until {
            Some(d) => self.ctx.tr.with("benefits-valid-until", &[("day", &d.to_string())]),
            None => self.ctx.t("benefits-no-end"),
        }
    }
    fn left_label(&self, b: &Benefit) -> String {
        let (left, total) = (b.codes_left.to_string(), b.codes_total.to_string());
        self.ctx.tr.with("benefits-left", &[("left", &left), ("total", &total)])
    }
}

async fn show(state: &AppState, ctx: PageCtx, form: PoolInput, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let mine = service::mine(&state.services, &actor).await?;
    let staff = authorize(&actor, Action::ManagePrograms).is_ok();
    let pools = if staff { Some(service::all(&state.services, &actor).await?) } else { None };
    let notice = if ctx.query_flag("done", "claimed") {
        Some(ctx.t("benefits-claimed"))
    } else if ctx.query_flag("done", "created") {
        Some(ctx.t("benefits-created"))
    } else if ctx.query_flag("done", "codes") {
        let added = ctx.path.split(['?', '&']).find_map(|kv| kv.strip_prefix("added=")).unwrap_or("0").to_owned();
        Some(ctx.tr.with("benefits-codes-added", &[("added", &added)]))
    } else {
        None
    };
    let page = BenefitsPage { ctx, mine, pools, form, errors: errors.clone(), notice };
    Ok(errors.respond(page.render()?))
}

async fn page(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, PoolInput::default(), errors).await
}

async fn create(State(state): State<AppState>, ctx: PageCtx, CsrfForm(f): CsrfForm<PoolInput>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = match NewPool::parse(&f.name, &f.program, &f.valid_until, parse_codes(&f.codes)) {
        Ok(new) => service::create(&state.services, &actor, new).await.map(|_| ()),
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(()) => Ok(Redirect::to("/programs/benefits?done=created").into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show(&state, ctx, f, errors).await
        }
    }
}

#[derive(Deserialize)]
struct CodesInput {
    #[serde(default)]
    codes: String,
}

/// The largest file of codes a form takes (a vendor's export of a few
/// thousand licence keys fits many times over).
const CODES_FILE_LIMIT: usize = 1024 * 1024;

async fn add_codes(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<BenefitId>,
    CsrfForm(f): CsrfForm<CodesInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::add_codes(&state.services, &actor, id, &parse_codes(&f.codes)).await;
    codes_added(&state, ctx, r).await
}

/// CH-8: codes from a text or CSV file, one per line or comma-separated.
async fn add_codes_file(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<BenefitId>,
    form: CsrfMultipart,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let mut raw = String::new();
    let mut bad_file = false;
    for f in form.files.iter().filter(|f| f.field == "file") {
        match std::str::from_utf8(&f.bytes) {
            Ok(text) if f.bytes.len() <= CODES_FILE_LIMIT => {
                raw.push_str(text);
                raw.push('\n');
            }
            _ => bad_file = true,
        }
    }
    let r = if bad_file {
        Err(DomainError::field("file", "codes_file_invalid").into())
    } else {
        service::add_codes(&state.services, &actor, id, &parse_codes(&raw)).await
    };
    codes_added(&state, ctx, r).await
}

async fn codes_added(state: &AppState, ctx: PageCtx, r: Result<u64, AppError>) -> AppResult<Response> {
    // The codes box sits in each pool's row: its problem is said on top.
    match r {
        Ok(n) => Ok(Redirect::to(&format!("/programs/benefits?done=codes&added={n}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&[]);
            show(state, ctx, PoolInput::default(), errors).await
        }
    }
}

async fn claim(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<BenefitId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::claim(&state.services, &actor, id).await.map(|_| ());
    redirect_or_reshow(ctx, r, "/programs/benefits?done=claimed", async |ctx, errors| {
        show(&state, ctx, PoolInput::default(), errors.shown_on(&[])).await
    })
    .await
}
