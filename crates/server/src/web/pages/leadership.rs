//! Applying to lead a group (UG-2), co-leaders (UG-4) and the pages where
//! the applicant follows the application and the manager interviews,
//! notes, appoints or declines. Also the group page's buttons for
//! "co-leader wanted", nominations and session review (UG-6).

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::group::GroupFields;
use guildhall_domain::ids::{LeaderApplicationId, RegionId, SlotId};
use guildhall_domain::leadership::{check_interview_held, ApplicationFields, ApplicationStatus};
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::groups::{self, Group};
use guildhall_storage::leader_applications::{LeaderApplication, Slot};
use guildhall_storage::regions::{self, Region};
use serde::Deserialize;

use super::form::redirect_or_reshow;
use super::groups::show_group;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::leadership::{self as service, ApplyTo, Founding};
use crate::services::{groups as group_service, review as review_service};
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/guidelines", get(guidelines))
        .route("/lead/apply", get(apply_form).post(apply))
        .route("/applications/lead", get(applications))
        .route("/applications/lead/{id}", get(application_page))
        .route("/applications/lead/{id}/submit", post(submit))
        .route("/applications/lead/{id}/times", post(propose))
        .route("/applications/lead/{id}/pick", post(pick))
        .route("/applications/lead/{id}/notes", post(notes))
        .route("/applications/lead/{id}/appoint", post(appoint))
        .route("/applications/lead/{id}/decline", post(decline))
        .route("/applications/lead/{id}/withdraw", post(withdraw))
        .route("/applications/lead/{id}/interview.ics", get(interview_ics))
        .route("/groups/{slug}/coleader-wanted", post(coleader_wanted))
        .route("/groups/{slug}/nominations", post(nominate))
        .route("/groups/{slug}/review-required", post(group_review))
}

#[derive(Template)]
#[template(path = "guidelines.html")]
struct GuidelinesPage {
    ctx: PageCtx,
    version: i64,
}

async fn guidelines(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let version = state.services.settings().await?.int("leaders.guidelines_version");
    Ok(Html(GuidelinesPage { ctx, version }.render()?))
}

#[derive(Template)]
#[template(path = "lead_apply.html")]
struct ApplyForm {
    ctx: PageCtx,
    /// The group applied for; None founds a new one.
    group: Option<Group>,
    regions: Vec<Region>,
    region: String,
    f: ApplicationInput,
    errors: FormErrors,
}

#[derive(Deserialize, Default, Clone)]
struct ApplicationInput {
    #[serde(default)]
    group: String,
    #[serde(default)]
    region_id: String,
    #[serde(default)]
    years: String,
    #[serde(default)]
    certifications: String,
    #[serde(default)]
    projects: String,
    #[serde(default)]
    profile_link: String,
    #[serde(default)]
    proposed_name: String,
    #[serde(default)]
    proposed_city: String,
    #[serde(default)]
    accept_guidelines: Option<String>,
}

impl ApplicationInput {
    fn fields(&self) -> ApplicationFields {
        ApplicationFields {
            years: self.years.clone(),
            certifications: self.certifications.clone(),
            projects: self.projects.clone(),
            profile_link: self.profile_link.clone(),
            proposed_name: self.proposed_name.clone(),
            proposed_city: self.proposed_city.clone(),
            accept_guidelines: self.accept_guidelines.is_some(),
        }
    }
}

#[derive(Deserialize, Default)]
struct GroupQuery {
    #[serde(default)]
    group: String,
}

async fn apply_form(State(state): State<AppState>, ctx: PageCtx, Query(q): Query<GroupQuery>) -> AppResult<Response> {
    ctx.require()?;
    let group = match q.group.as_str() {
        "" => None,
        slug => Some(group_service::by_typed_slug(&state.services, slug).await?),
    };
    let regions = regions::list(state.services.db.reader()).await?;
    let errors = FormErrors::none(ctx.tr);
    let f = ApplicationInput { group: q.group, ..Default::default() };
    Ok(Html(ApplyForm { ctx, group, regions, region: String::new(), f, errors }.render()?).into_response())
}

async fn apply(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<ApplicationInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let group = match f.group.as_str() {
        "" => None,
        slug => Some(group_service::by_typed_slug(&state.services, slug).await?),
    };
    let to = match (&group, f.region_id.parse::<RegionId>()) {
        (Some(g), _) => Ok(ApplyTo::Group(g.id)),
        (None, Ok(r)) => Ok(ApplyTo::NewGroup(r)),
        (None, Err(_)) => Err(AppError::from(DomainError::field("region_id", "region_unknown"))),
    };
    let result = match to {
        Ok(to) => service::apply(&state.services, &actor, to, &f.fields()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/applications/lead/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            let regions = regions::list(state.services.db.reader()).await?;
            let region = f.region_id.clone();
            Ok(errors.respond(ApplyForm { ctx, group, regions, region, f, errors: errors.clone() }.render()?))
        }
    }
}

#[derive(Template)]
#[template(path = "lead_applications.html")]
struct ApplicationsPage {
    ctx: PageCtx,
    mine: Vec<LeaderApplication>,
    to_review: Vec<LeaderApplication>,
}

impl ApplicationsPage {
    fn status_key(&self, a: &LeaderApplication) -> String {
        format!("lead-status-{}", a.status.as_str())
    }
}

async fn applications(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let actor = ctx.require()?.actor.clone();
    let (mine, to_review) = service::visible(&state.services, &actor).await?;
    Ok(Html(ApplicationsPage { ctx, mine, to_review }.render()?))
}

/// The steps an application walks, for the progress line.
const STEPS: [ApplicationStatus; 5] = [
    ApplicationStatus::Draft,
    ApplicationStatus::Submitted,
    ApplicationStatus::InterviewProposed,
    ApplicationStatus::InterviewScheduled,
    ApplicationStatus::Appointed,
];

#[derive(Template)]
#[template(path = "lead_application.html")]
struct ApplicationPage {
    ctx: PageCtx,
    a: LeaderApplication,
    slots: Vec<Slot>,
    is_applicant: bool,
    is_manager: bool,
    /// Groups of the region, to appoint a new-group applicant to.
    region_groups: Vec<Group>,
    errors: FormErrors,
    f: ApplicationInput,
}

impl ApplicationPage {
    fn status_key(&self, s: &str) -> String {
        format!("lead-status-{s}")
    }

    /// (status, class) for each step: done, now or to come.
    fn steps(&self) -> Vec<(&'static str, &'static str)> {
        let now = STEPS.iter().position(|s| *s == self.a.status);
        STEPS
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let class = match now {
                    Some(n) if i < n => "done",
                    Some(n) if i == n => "now",
                    _ => "",
                };
                (s.as_str(), class)
            })
            .collect()
    }

    fn is(&self, s: &str) -> bool {
        self.a.status.as_str() == s
    }

    /// Where the proposed interview times go.
    fn times_action(&self) -> String {
        format!("/applications/lead/{}/times", self.a.id)
    }
    fn slot_time(&self, s: &Slot) -> String {
        self.ctx.time(&s.starts_at)
    }
    /// UG-2: the appointment form appears once the interview was held.
    fn interview_held(&self) -> bool {
        check_interview_held(self.a.interview_at, Utc::now()).is_ok()
    }
    fn appoint_after(&self) -> String {
        let when = match self.a.interview_at {
            Some(at) => self.ctx.time(&at),
            None => self.ctx.t("lead-appoint-no-interview"),
        };
        self.ctx.tr.with("lead-appoint-after", &[("when", when.as_str())])
    }
    fn found_hint(&self) -> String {
        let args = [("name", self.a.proposed_name.as_str()), ("city", self.a.proposed_city.as_str())];
        self.ctx.tr.with("lead-found-group-hint", &args)
    }
    fn zone(&self) -> String {
        self.ctx.time_zone().name().to_owned()
    }
}

async fn show(state: &AppState, ctx: PageCtx, id: LeaderApplicationId, errors: FormErrors) -> AppResult<Response> {
    let shown = [
        "accept_guidelines",
        "country",
        "group",
        "notes",
        "profile_link",
        "projects",
        "reason",
        "decline_reason",
        "slots",
        "slug",
        "time_zone",
        "years",
    ];
    let errors = errors.shown_on(&shown);
    let actor = ctx.require()?.actor.clone();
    let a = service::readable(&state.services, &actor, id).await?;
    let slots = service::slots(&state.services, &a).await?;
    let is_manager = authorize(&actor, Action::ReviewLeaderApplications(a.region_id)).is_ok();
    let region_groups = if is_manager && a.group_id.is_none() {
        groups::in_region(state.services.db.reader(), a.region_id).await?
    } else {
        vec![]
    };
    let page = ApplicationPage {
        is_applicant: a.member_id == actor.member_id,
        is_manager,
        a,
        slots,
        region_groups,
        errors: errors.clone(),
        f: ApplicationInput::default(),
        ctx,
    };
    Ok(errors.respond(page.render()?))
}

async fn application_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, errors).await
}

/// Runs one step and comes back to the application, showing problems.
async fn step(
    state: &AppState,
    ctx: PageCtx,
    id: LeaderApplicationId,
    result: Result<(), AppError>,
) -> AppResult<Response> {
    redirect_or_reshow(ctx, result, &format!("/applications/lead/{id}"), async |ctx, errors| {
        show(state, ctx, id, errors).await
    })
    .await
}

async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
    CsrfForm(f): CsrfForm<ApplicationInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::submit_nomination(&state.services, &actor, id, &f.fields()).await;
    step(&state, ctx, id, r).await
}

#[derive(Deserialize)]
pub(super) struct TimesInput {
    #[serde(default)]
    time1: String,
    #[serde(default)]
    time2: String,
    #[serde(default)]
    time3: String,
}

impl TimesInput {
    pub(super) fn times(self) -> [String; 3] {
        [self.time1, self.time2, self.time3]
    }
}

async fn propose(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
    CsrfForm(f): CsrfForm<TimesInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::propose_times(&state.services, &actor, id, &f.times()).await.map(|_| ());
    step(&state, ctx, id, r).await
}

#[derive(Deserialize)]
pub(super) struct PickInput {
    #[serde(default)]
    pub(super) slot: String,
}

async fn pick(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
    CsrfForm(f): CsrfForm<PickInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = match f.slot.parse::<SlotId>() {
        Ok(slot) => service::pick_time(&state.services, &actor, id, slot).await.map(|_| ()),
        Err(_) => Err(DomainError::field("slot", "slot_unknown").into()),
    };
    step(&state, ctx, id, r).await
}

#[derive(Deserialize)]
struct NotesInput {
    #[serde(default)]
    notes: String,
}

async fn notes(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
    CsrfForm(f): CsrfForm<NotesInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::record_notes(&state.services, &actor, id, &f.notes).await;
    step(&state, ctx, id, r).await
}

#[derive(Deserialize)]
struct DecisionInput {
    #[serde(default)]
    reason: String,
    /// A group of the region's id, or "new" for the proposed one.
    #[serde(default)]
    group: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    time_zone: String,
}

async fn appoint(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
    CsrfForm(f): CsrfForm<DecisionInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let founding = match f.group.as_str() {
        "" => None,
        "new" => {
            Some(Founding::Create(GroupFields { country: f.country, time_zone: f.time_zone, ..Default::default() }))
        }
        other => match other.parse() {
            Ok(g) => Some(Founding::Existing(g)),
            Err(_) => return step(&state, ctx, id, Err(DomainError::field("group", "group_unknown").into())).await,
        },
    };
    let r = service::appoint(&state.services, &actor, id, &f.reason, founding).await.map(|_| ());
    step(&state, ctx, id, r).await
}

async fn decline(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
    CsrfForm(f): CsrfForm<DecisionInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    // Its reason's message goes beside the decline form, not the appoint one.
    let r = service::decline(&state.services, &actor, id, &f.reason)
        .await
        .map_err(|e| e.renamed("reason", "decline_reason"));
    step(&state, ctx, id, r).await
}

#[derive(Deserialize)]
struct Nothing {}

async fn withdraw(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::withdraw(&state.services, &actor, id).await;
    step(&state, ctx, id, r).await
}

async fn interview_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LeaderApplicationId>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    crate::web::api::leadership::interview_ics(&state, &actor, id).await
}

#[derive(Deserialize)]
struct Toggle {
    #[serde(default)]
    wanted: String,
    #[serde(default)]
    required: String,
}

/// Back to the group page, or the page again with the problem shown.
/// Back to the group's page: saying `done` on success, the problem on it
/// otherwise.
async fn back_to_group(
    state: &AppState,
    ctx: PageCtx,
    slug: &Slug,
    r: Result<(), AppError>,
    done: &str,
) -> AppResult<Response> {
    redirect_or_reshow(ctx, r, &format!("/groups/{slug}?done={done}"), async |ctx, errors| {
        show_group(state, ctx, slug, errors, None).await
    })
    .await
}

async fn coleader_wanted(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(f): CsrfForm<Toggle>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    let wanted = f.wanted == "true";
    let r = service::set_coleader_wanted(&state.services, &actor, g.id, wanted).await;
    back_to_group(&state, ctx, &slug, r, if wanted { "coleader_on" } else { "coleader_off" }).await
}

#[derive(Deserialize)]
struct NomineeInput {
    #[serde(default)]
    email: String,
    /// A person chosen by name in the picker.
    #[serde(default)]
    member: String,
}

async fn nominate(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(f): CsrfForm<NomineeInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    let r = match f.member.parse::<guildhall_domain::ids::MemberId>() {
        Ok(member) => service::nominate_member(&state.services, &actor, g.id, member).await,
        Err(_) => service::nominate(&state.services, &actor, g.id, &f.email).await,
    };
    back_to_group(&state, ctx, &slug, r, "nominated").await
}

async fn group_review(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(f): CsrfForm<Toggle>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    let required = f.required == "true";
    let r = review_service::require_for_group(&state.services, &actor, g.id, required).await;
    back_to_group(&state, ctx, &slug, r, if required { "review_on" } else { "review_off" }).await
}
