//! The programs' pages (CH-1 to CH-9, PL-2): the public directory, a
//! member's programs page (memberships, applications, eligibility in plain
//! words, contributions, directory opt-in) and staff's pipeline board.

use crate::web::path::Path;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::contribution::ContributionFields;
use guildhall_domain::eligibility::Eligibility;
use guildhall_domain::ids::ProgramApplicationId;
use guildhall_domain::linked_account::LinkedAccount;
use guildhall_domain::program::{parse_interests, FocusArea, Program};
use guildhall_domain::program_application::Stage;
use guildhall_storage::contributions::Stored;
use guildhall_storage::import_runs::ImportRun;
use guildhall_storage::programs::{Application, DirectoryEntry, Membership};
use guildhall_storage::regions::{self, Region};
use serde::Deserialize;

use super::charts;
use super::form::redirect_or_reshow;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::program_evidence as evidence_service;
use crate::services::program_memberships as membership_service;
use crate::services::{forum_import, programs as service};
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/champions", get(directory))
        .route("/programs", get(programs_page))
        .route("/programs/apply", post(apply))
        .route("/programs/contributions", post(add_contribution))
        .route("/programs/directory", post(set_directory))
        .route("/programs/applications/{id}/submit", post(submit))
        .route("/programs/pipeline", get(pipeline))
        .route("/programs/applications/{id}/screen", post(screen))
        .route("/programs/applications/{id}/interview", post(interview))
        .route("/programs/applications/{id}/decide", post(decide))
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    ctx: PageCtx,
    entries: Vec<DirectoryEntry>,
    areas: Vec<&'static str>,
    countries: Vec<crate::i18n::CountryChoice>,
    /// The filter as chosen, to keep it selected.
    focus_area: String,
    country: String,
    pager: crate::web::paging::Pager,
}

impl DirectoryPage {
    /// "Forums · Iberia · PT", leaving out what the member did not give.
    fn place(&self, e: &DirectoryEntry) -> String {
        let area = e.focus_area.map(|a| self.ctx.t(&format!("area-{}", a.as_str())));
        let country = Some(self.country_name(&e.country)).filter(|c| !c.is_empty());
        [area, e.region.clone(), country].into_iter().flatten().collect::<Vec<_>>().join(" · ")
    }
    fn country_name(&self, code: &str) -> String {
        country_name(self.ctx.tr, code)
    }
    fn program_key(&self, e: &DirectoryEntry) -> String {
        format!("program-{}", e.program.as_str())
    }
    fn area_key(&self, a: &str) -> String {
        format!("area-{a}")
    }
    fn filtered(&self) -> bool {
        !self.focus_area.is_empty() || !self.country.is_empty()
    }
}

/// The directory page's filter and page, as its form sends them.
#[derive(Deserialize)]
struct DirectoryQuery {
    #[serde(default)]
    focus_area: String,
    #[serde(default)]
    country: String,
    cursor: Option<String>,
}

/// Members per page of the public directory.
const DIRECTORY_PAGE: usize = 24;

async fn directory(
    State(state): State<AppState>,
    ctx: PageCtx,
    axum::extract::Query(q): axum::extract::Query<DirectoryQuery>,
) -> AppResult<Html<String>> {
    let after = crate::web::paging::PageQuery { limit: None, cursor: q.cursor.clone() }.after()?;
    let given = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
    let filter = guildhall_storage::programs::DirectoryFilter {
        program: None,
        focus_area: given(&q.focus_area).map(|a| FocusArea::parse(&a)).transpose()?,
        country: given(&q.country),
    };
    let page = membership_service::directory(&state.services, &filter, DIRECTORY_PAGE, after.as_ref()).await?;
    let codes = membership_service::directory_countries(&state.services).await?;
    let countries =
        ctx.tr.country_choices(codes.iter().filter_map(|c| guildhall_domain::values::Country::parse(c).ok()));
    let pager = crate::web::paging::Pager::new(&ctx.path, after.as_ref(), page.next.as_ref(), "directory-next");
    let page = DirectoryPage {
        ctx,
        entries: page.items,
        areas: FocusArea::ALL.iter().map(|a| a.as_str()).collect(),
        countries,
        focus_area: q.focus_area,
        country: q.country.trim().to_uppercase(),
        pager,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "programs.html")]
struct ProgramsPage {
    ctx: PageCtx,
    memberships: Vec<Membership>,
    applications: Vec<Application>,
    eligibility: Vec<Eligibility>,
    contributions: Vec<Stored>,
    regions: Vec<Region>,
    areas: Vec<&'static str>,
    kinds: Vec<&'static str>,
    /// The forum's address, when imports from it are set up (PL-3).
    forum: Option<String>,
    imports: Vec<ImportRun>,
    /// PL-3: the accounts the member imports from, proven or waiting.
    links: Vec<LinkedAccount>,
    /// PL-3: a problem with a linked account is said in its section, where
    /// the form that was sent is, not on top of the page.
    linking: Linking,
    errors: FormErrors,
    /// CH-9: the member's directory entry as saved, so saving again keeps it.
    entry: guildhall_storage::programs::OwnEntry,
    countries: Vec<crate::i18n::CountryChoice>,
}

/// A stored country code as a person reads it ("PT" is "Portugal").
fn country_name(tr: crate::i18n::Tr, code: &str) -> String {
    guildhall_domain::values::Country::parse(code).map(|c| tr.country(&c)).unwrap_or_else(|_| code.to_owned())
}

/// What the accounts section shows after one of its forms was sent.
#[derive(Default)]
pub(super) struct Linking {
    /// The problem belongs to the accounts section.
    pub here: bool,
    /// The address or user name the member typed, kept on a problem.
    pub handle: String,
    /// The listed account whose check failed: its problem is said there.
    pub account: Option<guildhall_domain::ids::LinkedAccountId>,
}

impl Linking {
    /// The problem is about the listed account `id`.
    pub fn about(&self, id: &guildhall_domain::ids::LinkedAccountId) -> bool {
        self.account.as_ref() == Some(id)
    }
}

impl ProgramsPage {
    fn forum_option(&self, forum: &str) -> String {
        self.ctx.tr.with("link-kind-discourse-on", &[("forum", forum)])
    }
    fn link_kind_key(&self, l: &LinkedAccount) -> String {
        format!("link-kind-{}", l.kind.as_str())
    }
    fn link_where_key(&self, l: &LinkedAccount) -> String {
        format!("link-where-{}", l.kind.as_str())
    }
    fn link_proof_key(&self, l: &LinkedAccount) -> String {
        l.proven.map(|(how, _)| format!("link-proven-{}", how.as_str())).unwrap_or_else(|| "link-waiting".into())
    }
    fn feed_added(&self) -> Option<String> {
        let q = self.ctx.path.split_once('?').map(|(_, q)| q).unwrap_or("");
        let added = q.split('&').find_map(|kv| kv.strip_prefix("added="))?.parse::<u64>().ok()?;
        self.ctx
            .query_flag("feed", "imported")
            .then(|| self.ctx.tr.with("feed-imported", &[("added", &added.to_string())]))
    }
    fn import_status_key(&self, r: &ImportRun) -> String {
        format!("import-status-{}", r.status)
    }
    fn area_key(&self, a: &str) -> String {
        format!("area-{a}")
    }
    fn stage_key(&self, a: &Application) -> String {
        format!("stage-{}", a.stage.as_str())
    }
    fn kind_key(&self, k: &str) -> String {
        format!("contribution-{k}")
    }
    fn verification_key(&self, c: &Stored) -> String {
        format!("verification-{}", c.contribution.verification.as_str())
    }
    fn source_key(&self, c: &Stored) -> String {
        format!("source-{}", c.contribution.source.as_str())
    }
    fn program_key(&self, p: &Program) -> String {
        format!("program-{}", p.as_str())
    }
    fn is_draft(&self, a: &Application) -> bool {
        a.stage == Stage::Draft
    }
}

pub(super) async fn show(state: &AppState, ctx: PageCtx, errors: FormErrors) -> AppResult<Response> {
    show_linking(state, ctx, errors, Linking::default()).await
}

/// The programs page after a linked-accounts form: its problem said there.
pub(super) async fn show_linking(
    state: &AppState,
    ctx: PageCtx,
    errors: FormErrors,
    linking: Linking,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (memberships, applications) = service::mine(&state.services, &actor).await?;
    let eligibility = evidence_service::eligibility_all(&state.services, &actor, actor.member_id).await?;
    let contributions = evidence_service::contributions_of(&state.services, &actor, actor.member_id).await?;
    let regions = regions::list(state.services.db.reader()).await?;
    let forum = state.services.settings().await?.text("imports.forum_url").to_owned();
    let imports = forum_import::recent(&state.services, &actor).await?;
    let links = crate::services::linked_accounts::list(&state.services, &actor, actor.member_id).await?;
    let entry = guildhall_storage::programs::own_directory_entry(state.services.db.reader(), actor.member_id)
        .await?
        .unwrap_or_default();
    let page = ProgramsPage {
        entry,
        countries: ctx.tr.country_choices(guildhall_domain::values::Country::all()),
        links,
        linking,
        ctx,
        memberships,
        applications,
        eligibility,
        contributions,
        regions,
        areas: FocusArea::ALL.iter().map(|a| a.as_str()).collect(),
        kinds: guildhall_domain::contribution::ContributionKind::ALL.iter().map(|k| k.as_str()).collect(),
        forum: Some(forum).filter(|f| !f.is_empty()),
        imports,
        errors: errors.clone(),
    };
    Ok(errors.respond(page.render()?))
}

async fn programs_page(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, errors).await
}

/// Back to the member's programs page, or that page with the problem shown.
/// The fields the programs page shows a message beside; any other
/// problem (a program or interests sent by hand) is said at the top.
const PROGRAMS_PAGE_FIELDS: &[&str] = &["country", "date", "focus_area", "link", "rating", "region_id", "title"];

async fn back(state: &AppState, ctx: PageCtx, r: Result<(), AppError>, to: &str) -> AppResult<Response> {
    redirect_or_reshow(ctx, r, to, async |ctx, errors| show(state, ctx, errors.shown_on(PROGRAMS_PAGE_FIELDS)).await)
        .await
}

/// Back to where the staff member acted: the application's page (forms
/// there send `back=application`) or the pipeline board, with the problem
/// shown when there is one.
async fn back_to_board(
    state: &AppState,
    ctx: PageCtx,
    id: ProgramApplicationId,
    back: &str,
    r: Result<(), AppError>,
) -> AppResult<Response> {
    if back == "application" {
        return super::program_application::back(state, ctx, id, r).await;
    }
    redirect_or_reshow(ctx, r, "/programs/pipeline", async |ctx, errors| {
        pipeline_page(state, ctx, PipelineQuery::default(), errors.shown_on(&[])).await
    })
    .await
}

#[derive(Deserialize)]
struct ApplyInput {
    #[serde(default)]
    program: String,
    #[serde(default)]
    focus_area: String,
    #[serde(default)]
    interests: String,
}

async fn apply(State(state): State<AppState>, ctx: PageCtx, CsrfForm(f): CsrfForm<ApplyInput>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = async {
        let program = Program::parse(&f.program)?;
        let focus = match f.focus_area.as_str() {
            "" => None,
            raw => Some(FocusArea::parse(raw)?),
        };
        let interests: Vec<String> = f.interests.split(',').map(str::to_owned).collect();
        let interests = parse_interests(focus.unwrap_or(FocusArea::Forums), &interests)?;
        let id = service::apply(&state.services, &actor, program, focus, &interests).await?;
        service::submit(&state.services, &actor, id).await?;
        Ok::<_, AppError>(())
    }
    .await;
    back(&state, ctx, r, "/programs#applications").await
}

async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::submit(&state.services, &actor, id).await.map(|_| ());
    back(&state, ctx, r, "/programs#applications").await
}

#[derive(Deserialize)]
struct ContributionInput {
    #[serde(default)]
    title: String,
    #[serde(flatten)]
    fields: ContributionFields,
}

async fn add_contribution(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<ContributionInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = async {
        let c = f.fields.parse()?;
        evidence_service::add_contribution(&state.services, &actor, actor.member_id, &f.title, c, "").await?;
        Ok::<_, AppError>(())
    }
    .await;
    back(&state, ctx, r, "/programs#contributions").await
}

#[derive(Deserialize)]
struct DirectoryInput {
    #[serde(default)]
    listed: Option<String>,
    #[serde(default)]
    region_id: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    quote: String,
}

async fn set_directory(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<DirectoryInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    // No region is a choice; a region that is not on the list is a mistake.
    let region = match f.region_id.trim() {
        "" => Ok(None),
        raw => raw
            .parse()
            .map(Some)
            .map_err(|_| guildhall_domain::DomainError::field("region_id", "region_unknown").into()),
    };
    let r = match region {
        Ok(region) => {
            membership_service::set_directory_entry(
                &state.services,
                &actor,
                f.listed.is_some(),
                region,
                &f.country,
                &f.quote,
            )
            .await
        }
        Err(e) => Err(e),
    };
    back(&state, ctx, r, "/programs?saved=directory#directory").await
}

#[derive(Template)]
#[template(path = "pipeline.html")]
struct PipelinePage {
    ctx: PageCtx,
    applications: Vec<Application>,
    board_svg: String,
    errors: FormErrors,
    stages: Vec<&'static str>,
    /// The filter as chosen, to keep it selected.
    program: String,
    stage: String,
    pager: crate::web::paging::Pager,
}

impl PipelinePage {
    fn area_key(&self, a: &FocusArea) -> String {
        format!("area-{}", a.as_str())
    }
    fn program_name_key(&self, p: &str) -> String {
        format!("program-{p}")
    }
    fn stage_name_key(&self, s: &str) -> String {
        format!("stage-{s}")
    }
    fn stage_key(&self, a: &Application) -> String {
        format!("stage-{}", a.stage.as_str())
    }
    fn program_key(&self, a: &Application) -> String {
        format!("program-{}", a.program.as_str())
    }
    fn is(&self, a: &Application, stage: &str) -> bool {
        a.stage.as_str() == stage
    }
}

/// The pipeline's filter and page, as its form sends them.
#[derive(Deserialize, Default)]
struct PipelineQuery {
    #[serde(default)]
    program: String,
    #[serde(default)]
    stage: String,
    cursor: Option<String>,
}

/// Applications per page of the pipeline.
const PIPELINE_PAGE: usize = 50;

async fn pipeline_page(state: &AppState, ctx: PageCtx, q: PipelineQuery, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let after = crate::web::paging::PageQuery { limit: None, cursor: q.cursor.clone() }.after()?;
    let given = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
    let filter = guildhall_storage::programs::PipelineFilter {
        program: given(&q.program).map(|p| Program::parse(&p)).transpose()?,
        stage: given(&q.stage).map(|s| Stage::parse(&s)).transpose()?,
    };
    let page = service::pipeline(&state.services, &actor, &filter, PIPELINE_PAGE, after.as_ref()).await?;
    let by_stage = service::stage_counts(&state.services, &actor, filter.program).await?;
    let counts: Vec<(String, usize)> = Stage::ALL
        .iter()
        .map(|s| {
            let n = by_stage.iter().find(|(st, _)| st == s).map(|(_, n)| *n as usize).unwrap_or(0);
            (ctx.t(&format!("stage-{}", s.as_str())), n)
        })
        .collect();
    let board_svg = charts::pipeline(&counts, &ctx.t("pipeline-chart-label"));
    // The list's own address: this page is also shown again after a form.
    let here = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("program", &q.program)
        .append_pair("stage", &q.stage)
        .finish();
    let pager = crate::web::paging::Pager::new(
        &format!("/programs/pipeline?{here}"),
        after.as_ref(),
        page.next.as_ref(),
        "pipeline-older",
    );
    let page = PipelinePage {
        ctx,
        applications: page.items,
        board_svg,
        errors: errors.clone(),
        stages: Stage::ALL.iter().map(|s| s.as_str()).collect(),
        program: q.program,
        stage: q.stage,
        pager,
    };
    Ok(errors.respond(page.render()?))
}

async fn pipeline(
    State(state): State<AppState>,
    ctx: PageCtx,
    axum::extract::Query(q): axum::extract::Query<PipelineQuery>,
) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    pipeline_page(&state, ctx, q, errors).await
}

#[derive(Deserialize)]
struct ScreenInput {
    #[serde(default)]
    quality_accepted: Option<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    back: String,
}

async fn screen(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<ScreenInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::screen(&state.services, &actor, id, f.quality_accepted.is_some(), &f.notes).await.map(|_| ());
    back_to_board(&state, ctx, id, &f.back, r).await
}

#[derive(Deserialize)]
struct NotesInput {
    #[serde(default)]
    notes: String,
    #[serde(default)]
    back: String,
}

async fn interview(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<NotesInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = crate::services::program_interviews::record(&state.services, &actor, id, &f.notes).await.map(|_| ());
    // A named interviewer has no board to go back to: the page says it.
    if f.back == "application" {
        return super::program_application::back_saying(&state, ctx, id, r, "interviewed").await;
    }
    back_to_board(&state, ctx, id, &f.back, r).await
}

#[derive(Deserialize)]
struct DecideInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    back: String,
}

async fn decide(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<DecideInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::decide(&state.services, &actor, id, f.decision == "accept", &f.reason).await.map(|_| ());
    back_to_board(&state, ctx, id, &f.back, r).await
}
