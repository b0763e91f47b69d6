//! Expense claims (UG-13): a leader files a claim for an event with its
//! receipts; the manager approves within the caps or rejects with a
//! reason; admins set each region's fee schedule.

use crate::web::path::Path;
use askama::Template;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::ids::{ClaimId, EventId, ReceiptId, RegionId};
use guildhall_domain::money::{AmountFields, ClaimFields, ClaimStatus, ClaimantStep, FeeSchedule};
use guildhall_domain::values::Slug;
use guildhall_domain::{receipt, DomainError};
use guildhall_storage::events::{self, Event};
use guildhall_storage::expenses::{Claim, ReceiptRow};
use guildhall_storage::groups::{self, Group};
use guildhall_storage::regions::{self, Region};
use serde::Deserialize;

use super::form::NoFields;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::error::{AppError, AppResult};
use crate::services::expenses as service;
use crate::web::api::expenses::{receipt_response, UPLOAD_LIMIT};
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/claim", get(claim_form).post(file_claim).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)))
        .route("/claims/{id}", get(claim_page))
        .route("/claims/{id}/receipts", post(add_receipts).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)))
        .route("/claims/{id}/receipts/{receipt_id}", get(receipt))
        .route("/claims/{id}/decide", post(decide))
        .route("/claims/{id}/correct", post(correct))
        .route("/claims/{id}/withdraw", post(withdraw))
        .route("/groups/{slug}/claims", get(group_claims))
        .route("/admin/regions/{id}/fees", get(fees_form).post(set_fees))
}

#[derive(Template)]
#[template(path = "claim_form.html")]
struct ClaimForm {
    ctx: PageCtx,
    event: Event,
    schedule: Option<FeeSchedule>,
    f: ClaimFields,
    errors: FormErrors,
}

async fn claim_context(state: &AppState, ctx: &PageCtx, id: EventId) -> AppResult<(Event, Option<FeeSchedule>)> {
    let actor = &ctx.require()?.actor;
    let ev = events::get(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let g = groups::by_id(state.services.db.reader(), ev.group_id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::FileExpenseClaim(g.id))?;
    let schedule = service::schedule(&state.services, g.region_id).await?;
    Ok((ev, schedule))
}

async fn claim_form(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<EventId>) -> AppResult<Response> {
    let (event, schedule) = claim_context(&state, &ctx, id).await?;
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(ClaimForm { ctx, event, schedule, f: ClaimFields::default(), errors }.render()?).into_response())
}

/// Checks every receipt before anything is stored, so a bad file refuses
/// the whole form and nothing is written.
async fn check_receipts(state: &AppState, form: &CsrfMultipart) -> Result<(), AppError> {
    let max_kib = state.services.settings().await?.int("expenses.receipt_max_kib");
    for f in form.files.iter().filter(|f| f.field == "receipt") {
        receipt::check(&f.file_name, &f.bytes, usize::try_from(max_kib).unwrap_or(0) * 1024)?;
    }
    Ok(())
}

async fn file_claim(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    form: CsrfMultipart,
) -> AppResult<Response> {
    let (event, schedule) = claim_context(&state, &ctx, id).await?;
    let actor = ctx.require()?.actor.clone();
    let f = ClaimFields {
        venue: form.text("venue"),
        catering: form.text("catering"),
        other: form.text("other"),
        note: form.text("note"),
    };
    let result = async {
        check_receipts(&state, &form).await?;
        let claim = service::file(&state.services, &actor, id, &f).await?;
        for file in form.files.iter().filter(|f| f.field == "receipt") {
            service::add_receipt(&state.services, &actor, claim, &file.file_name, &file.bytes).await?;
        }
        Ok::<_, AppError>(claim)
    }
    .await;
    match result {
        Ok(claim) => Ok(Redirect::to(&format!("/claims/{claim}")).into_response()),
        Err(e) => {
            // A refusal about the event itself (not held yet, already
            // claimed) has no field on the form: it is said on top.
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&["venue", "catering", "other", "receipt"]);
            Ok(errors.respond(ClaimForm { ctx, event, schedule, f, errors: errors.clone() }.render()?))
        }
    }
}

#[derive(Template)]
#[template(path = "claim.html")]
struct ClaimPage {
    ctx: PageCtx,
    c: Claim,
    receipts: Vec<ReceiptRow>,
    can_decide: bool,
    can_add: bool,
    can_correct: bool,
    can_withdraw: bool,
    /// The correction form: the claim as stored, or as just typed.
    f: ClaimFields,
    notice: Option<String>,
    errors: FormErrors,
}

impl ClaimPage {
    fn status_key(&self) -> String {
        format!("claim-status-{}", self.c.status.as_str())
    }
    fn event_status_key(&self) -> String {
        format!("event-status-{}", self.c.event_status.as_str())
    }
    /// UG-13: what approval rests on, in words: the event's check-ins.
    fn checkins_text(&self) -> String {
        self.ctx.tr.with("claim-event-checkins", &[("count", self.c.event_checkins.to_string().as_str())])
    }
    fn kib(&self, r: &ReceiptRow) -> i64 {
        (r.size_bytes + 1023) / 1024
    }
    fn currency(&self) -> String {
        self.c.amounts.venue.currency().to_string()
    }
    fn filing_again(&self) -> bool {
        self.c.status == ClaimStatus::Rejected
    }
    fn correct_label(&self) -> String {
        self.ctx.t(if self.filing_again() { "claim-file-again" } else { "claim-correct" })
    }
    fn correct_button(&self) -> String {
        self.ctx.t(if self.filing_again() { "claim-file-again-button" } else { "claim-correct-save" })
    }
}

/// The claim page. `typed` is the correction form as the leader sent it,
/// shown again with its errors; otherwise the form holds the claim.
async fn show_claim(
    state: &AppState,
    ctx: PageCtx,
    id: ClaimId,
    errors: FormErrors,
    typed: Option<ClaimFields>,
    notice: Option<String>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (c, receipts) = service::get(&state.services, &actor, id).await?;
    let submitted = c.status == ClaimStatus::Submitted;
    let claimant = authorize(&actor, Action::FileExpenseClaim(c.group_id)).is_ok();
    let can_decide = submitted && authorize(&actor, Action::DecideExpenseClaim(c.region_id)).is_ok();
    let can_add = claimant && c.status.takes_receipts();
    let can_correct = claimant && c.status.by_claimant(ClaimantStep::Correct).is_ok();
    let can_withdraw = claimant && c.status.by_claimant(ClaimantStep::Withdraw).is_ok();
    let f = typed.unwrap_or_else(|| ClaimFields {
        venue: c.amounts.venue.amount_text(),
        catering: c.amounts.catering.amount_text(),
        other: c.amounts.other.amount_text(),
        note: c.note.clone(),
    });
    let errors = errors.shown_on(&["reason", "receipt", "venue", "catering", "other"]);
    let page = ClaimPage {
        ctx,
        c,
        receipts,
        can_decide,
        can_add,
        can_correct,
        can_withdraw,
        f,
        notice,
        errors: errors.clone(),
    };
    Ok(errors.respond(page.render()?))
}

#[derive(Deserialize)]
struct ClaimQuery {
    #[serde(default)]
    done: String,
}

async fn claim_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ClaimId>,
    Query(q): Query<ClaimQuery>,
) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    let notice = match q.done.as_str() {
        "corrected" => Some(ctx.t("claim-corrected")),
        "filed_again" => Some(ctx.t("claim-filed-again")),
        "withdrawn" => Some(ctx.t("claim-withdrawn")),
        _ => None,
    };
    show_claim(&state, ctx, id, errors, None, notice).await
}

#[derive(Deserialize)]
struct CorrectionInput {
    #[serde(default)]
    venue: String,
    #[serde(default)]
    catering: String,
    #[serde(default)]
    other: String,
    #[serde(default)]
    note: String,
}

/// UG-13: the leader corrects the claim, or files a rejected one again.
async fn correct(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ClaimId>,
    CsrfForm(i): CsrfForm<CorrectionInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let f = ClaimFields { venue: i.venue, catering: i.catering, other: i.other, note: i.note };
    let was = service::get(&state.services, &actor, id).await?.0.status;
    match service::correct(&state.services, &actor, id, &f).await {
        Ok(_) => {
            let done = if was == ClaimStatus::Rejected { "filed_again" } else { "corrected" };
            Ok(Redirect::to(&format!("/claims/{id}?done={done}")).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_claim(&state, ctx, id, errors, Some(f), None).await
        }
    }
}

/// UG-13: the leader withdraws the claim before the decision.
async fn withdraw(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ClaimId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::withdraw(&state.services, &actor, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/claims/{id}?done=withdrawn")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_claim(&state, ctx, id, errors, None, None).await
        }
    }
}

#[derive(Template)]
#[template(path = "claims.html")]
struct ClaimsPage {
    ctx: PageCtx,
    group: Group,
    claims: Vec<(Claim, Vec<ReceiptRow>)>,
}

impl ClaimsPage {
    fn title(&self) -> String {
        self.ctx.tr.with("claims-title", &[("group", self.group.profile.name.as_str())])
    }
    fn status(&self, c: &Claim) -> String {
        self.ctx.t(&format!("claim-status-{}", c.status.as_str()))
    }
}

/// UG-13: the leaders see their group's claims and where each stands.
async fn group_claims(State(state): State<AppState>, ctx: PageCtx, Path(slug): Path<Slug>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let group = crate::services::groups::by_slug(&state.services, &slug).await?;
    let claims = service::for_group(&state.services, &actor, group.id).await?;
    Ok(Html(ClaimsPage { ctx, group, claims }.render()?).into_response())
}

async fn add_receipts(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ClaimId>,
    form: CsrfMultipart,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let result = async {
        check_receipts(&state, &form).await?;
        if form.files.is_empty() {
            return Err(DomainError::field("receipt", "required").into());
        }
        for file in form.files.iter().filter(|f| f.field == "receipt") {
            service::add_receipt(&state.services, &actor, id, &file.file_name, &file.bytes).await?;
        }
        Ok::<_, AppError>(())
    }
    .await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/claims/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_claim(&state, ctx, id, errors, None, None).await
        }
    }
}

async fn receipt(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((id, rid)): Path<(ClaimId, ReceiptId)>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    receipt_response(&state, &actor, id, rid).await
}

#[derive(Deserialize)]
struct DecisionInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

async fn decide(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ClaimId>,
    CsrfForm(f): CsrfForm<DecisionInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::decide(&state.services, &actor, id, f.decision == "approve", &f.reason).await {
        Ok(_) => Ok(Redirect::to(&format!("/claims/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_claim(&state, ctx, id, errors, None, None).await
        }
    }
}

#[derive(Template)]
#[template(path = "fees_form.html")]
struct FeesForm {
    ctx: PageCtx,
    region: Region,
    f: AmountFields,
    errors: FormErrors,
    saved: bool,
}

async fn fees_region(state: &AppState, ctx: &PageCtx, id: RegionId) -> AppResult<Region> {
    authorize(&ctx.require()?.actor, Action::ManageFeeSchedule)?;
    Ok(regions::get(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?)
}

async fn fees_form(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<RegionId>) -> AppResult<Response> {
    let region = fees_region(&state, &ctx, id).await?;
    let f = match service::schedule(&state.services, region.id).await? {
        Some(s) => AmountFields {
            venue: s.caps.venue.amount_text(),
            catering: s.caps.catering.amount_text(),
            other: s.caps.other.amount_text(),
        },
        None => AmountFields::default(),
    };
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(FeesForm { ctx, region, f, errors, saved: false }.render()?).into_response())
}

#[derive(Deserialize)]
struct FeesInput {
    #[serde(default)]
    venue: String,
    #[serde(default)]
    catering: String,
    #[serde(default)]
    other: String,
}

async fn set_fees(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegionId>,
    CsrfForm(i): CsrfForm<FeesInput>,
) -> AppResult<Response> {
    let region = fees_region(&state, &ctx, id).await?;
    let actor = ctx.require()?.actor.clone();
    let f = AmountFields { venue: i.venue, catering: i.catering, other: i.other };
    match service::set_schedule(&state.services, &actor, region.id, &f).await {
        Ok(_) => {
            let errors = FormErrors::none(ctx.tr);
            Ok(Html(FeesForm { ctx, region, f, errors, saved: true }.render()?).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.respond(FeesForm { ctx, region, f, errors: errors.clone(), saved: false }.render()?))
        }
    }
}
