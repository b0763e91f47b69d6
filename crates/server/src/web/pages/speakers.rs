//! Speakers from the community (UG-11): applying to speak, the pool that
//! leaders browse and invite from, the managers' review, the speaker's
//! invitations, and requests for an internal expert.

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use guildhall_domain::ids::{EventId, ExpertRequestId, InvitationId, MemberId, RegionId};
use guildhall_domain::speaker::SpeakerFields;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event, When};
use guildhall_storage::groups::{self, Group};
use guildhall_storage::regions::{self, Region};
use guildhall_storage::speakers::{self as store, ExpertRequest, Invitation, Speaker};
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::{groups as group_service, speakers as service};
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/speakers/apply", get(apply_form).post(apply))
        .route("/speakers", get(pool))
        .route("/speakers/invite", post(invite))
        .route("/speakers/review", get(review))
        .route("/speakers/{member}/decide", post(decide))
        .route("/invitations", get(invitations))
        .route("/invitations/{id}/answer", post(answer))
        .route("/groups/{slug}/expert-requests", get(expert_form).post(ask_expert))
        .route("/expert-requests/{id}", get(expert_page).post(answer_expert))
}

#[derive(Template)]
#[template(path = "speaker_apply.html")]
struct ApplyPage {
    ctx: PageCtx,
    current: Option<Speaker>,
    regions: Vec<Region>,
    f: ApplyInput,
    errors: FormErrors,
}

impl ApplyPage {
    fn status_key(&self, s: &Speaker) -> String {
        format!("speaker-status-{}", s.status.as_str())
    }
}

#[derive(Deserialize, Default, Clone)]
struct ApplyInput {
    #[serde(default)]
    region_id: String,
    #[serde(default)]
    bio: String,
    #[serde(default)]
    topics: String,
    #[serde(default)]
    past_talks: String,
}

async fn apply_form(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let me = ctx.require()?.actor.member_id;
    let current = store::get(state.services.db.reader(), me).await?;
    let f = match &current {
        Some(s) => ApplyInput {
            region_id: s.region_id.to_string(),
            bio: s.bio.clone(),
            topics: s.topics.join(", "),
            past_talks: s.past_talks.iter().map(|p| format!("{} | {}", p.title, p.link)).collect::<Vec<_>>().join("\n"),
        },
        None => ApplyInput::default(),
    };
    let regions = regions::list(state.services.db.reader()).await?;
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(ApplyPage { ctx, current, regions, f, errors }.render()?))
}

async fn apply(State(state): State<AppState>, ctx: PageCtx, CsrfForm(f): CsrfForm<ApplyInput>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let fields = SpeakerFields { bio: f.bio.clone(), topics: f.topics.clone(), past_talks: f.past_talks.clone() };
    let result = match f.region_id.parse::<RegionId>() {
        Ok(r) => service::apply(&state.services, &actor, r, &fields).await,
        Err(_) => Err(DomainError::field("region_id", "region_unknown").into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/speakers/apply").into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            let regions = regions::list(state.services.db.reader()).await?;
            let current = store::get(state.services.db.reader(), actor.member_id).await?;
            Ok(errors.respond(ApplyPage { ctx, current, regions, f, errors: errors.clone() }.render()?))
        }
    }
}

#[derive(Template)]
#[template(path = "speakers.html")]
struct PoolPage {
    ctx: PageCtx,
    speakers: Vec<Speaker>,
    regions: Vec<Region>,
    /// The leader's events that can still take a session.
    events: Vec<(Event, Group)>,
    topic: String,
    region: String,
    errors: FormErrors,
    invited: bool,
    pager: crate::web::paging::Pager,
}

/// Speakers per page of the pool.
const SPEAKERS_PAGE: usize = 30;

#[derive(Deserialize, Default)]
struct PoolQuery {
    #[serde(default)]
    topic: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    invited: Option<String>,
    cursor: Option<String>,
}

async fn pool_page(state: &AppState, ctx: PageCtx, q: PoolQuery, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let region = q.region.parse::<RegionId>().ok();
    let topic = Some(q.topic.as_str()).filter(|t| !t.trim().is_empty());
    let after = crate::web::paging::PageQuery { limit: None, cursor: q.cursor.clone() }.after()?;
    let page = service::pool(&state.services, &actor, topic, region, SPEAKERS_PAGE, after.as_ref()).await?;
    // The list's own address: this page is also shown again after a form.
    let here = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("topic", &q.topic)
        .append_pair("region", &q.region)
        .finish();
    let pager = crate::web::paging::Pager::new(
        &format!("/speakers?{here}"),
        after.as_ref(),
        page.next.as_ref(),
        "speakers-next",
    );
    let speakers = page.items;
    let mut evs = Vec::new();
    for g in groups::led_by(state.services.db.reader(), actor.member_id).await? {
        for e in events::for_group(state.services.db.reader(), g.id, When::Upcoming, true, Utc::now(), 50).await? {
            if e.status.is_editable() {
                evs.push((e, g.clone()));
            }
        }
    }
    let regions = regions::list(state.services.db.reader()).await?;
    let page = PoolPage {
        ctx,
        speakers,
        regions,
        events: evs,
        topic: q.topic,
        region: q.region,
        errors: errors.clone(),
        invited: q.invited.is_some(),
        pager,
    };
    Ok(errors.respond(page.render()?))
}

async fn pool(State(state): State<AppState>, ctx: PageCtx, Query(q): Query<PoolQuery>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    pool_page(&state, ctx, q, errors).await
}

#[derive(Deserialize)]
struct InviteInput {
    #[serde(default)]
    speaker: String,
    #[serde(default)]
    event: String,
    #[serde(default)]
    talk_title: String,
    #[serde(default)]
    message: String,
}

async fn invite(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<InviteInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let result = match (f.event.parse::<EventId>(), f.speaker.parse::<MemberId>()) {
        (Ok(e), Ok(s)) => service::invite(&state.services, &actor, e, s, &f.talk_title, &f.message).await.map(|_| ()),
        (Err(_), _) => Err(DomainError::field("event_id", "event_unknown").into()),
        (_, Err(_)) => Err(DomainError::field("speaker_id", "speaker_not_approved").into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/speakers?invited=1").into_response()),
        Err(e) => {
            // The pool shows no field beside its message: say it at the top.
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&[]);
            pool_page(&state, ctx, PoolQuery::default(), errors).await
        }
    }
}

#[derive(Template)]
#[template(path = "speaker_review.html")]
struct ReviewPage {
    ctx: PageCtx,
    speakers: Vec<Speaker>,
    errors: FormErrors,
}

async fn review_page(state: &AppState, ctx: PageCtx, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let speakers = service::to_review(&state.services, &actor).await?;
    Ok(errors.respond(ReviewPage { ctx, speakers, errors: errors.clone() }.render()?))
}

async fn review(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    review_page(&state, ctx, errors).await
}

#[derive(Deserialize)]
struct DecideInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

async fn decide(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(member): Path<MemberId>,
    CsrfForm(f): CsrfForm<DecideInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::decide(&state.services, &actor, member, f.decision == "approve", &f.reason).await {
        Ok(_) => Ok(Redirect::to("/speakers/review").into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&[]);
            review_page(&state, ctx, errors).await
        }
    }
}

#[derive(Template)]
#[template(path = "invitations.html")]
struct InvitationsPage {
    ctx: PageCtx,
    invitations: Vec<Invitation>,
}

impl InvitationsPage {
    fn status_key(&self, i: &Invitation) -> String {
        format!("invitation-status-{}", i.status.as_str())
    }
}

async fn invitations(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let actor = ctx.require()?.actor.clone();
    let invitations = service::my_invitations(&state.services, &actor).await?;
    Ok(Html(InvitationsPage { ctx, invitations }.render()?))
}

#[derive(Deserialize)]
struct AnswerInput {
    #[serde(default)]
    answer: String,
}

async fn answer(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<InvitationId>,
    CsrfForm(f): CsrfForm<AnswerInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    service::answer(&state.services, &actor, id, f.answer == "accept").await?;
    Ok(Redirect::to("/invitations").into_response())
}

#[derive(Template)]
#[template(path = "expert_requests.html")]
struct ExpertForm {
    ctx: PageCtx,
    group: Group,
    requests: Vec<ExpertRequest>,
    f: ExpertInput,
    errors: FormErrors,
}

#[derive(Deserialize, Default, Clone)]
struct ExpertInput {
    #[serde(default)]
    occasion: String,
    #[serde(default)]
    topic: String,
}

async fn expert_list(
    state: &AppState,
    ctx: PageCtx,
    slug: &Slug,
    f: ExpertInput,
    errors: FormErrors,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let group =
        group_service::managed(&state.services, &actor, group_service::by_slug(&state.services, slug).await?.id)
            .await?;
    let requests = store::expert_requests(state.services.db.reader(), None, Some(group.id)).await?;
    Ok(errors.respond(ExpertForm { ctx, group, requests, f, errors: errors.clone() }.render()?))
}

async fn expert_form(State(state): State<AppState>, ctx: PageCtx, Path(slug): Path<Slug>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    expert_list(&state, ctx, &slug, ExpertInput::default(), errors).await
}

async fn ask_expert(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(f): CsrfForm<ExpertInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    match service::ask_expert(&state.services, &actor, g.id, &f.occasion, &f.topic).await {
        Ok(id) => Ok(Redirect::to(&format!("/expert-requests/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            expert_list(&state, ctx, &slug, f, errors).await
        }
    }
}

#[derive(Template)]
#[template(path = "expert_request.html")]
struct ExpertPage {
    ctx: PageCtx,
    x: ExpertRequest,
    can_answer: bool,
    errors: FormErrors,
}

async fn show_expert(state: &AppState, ctx: PageCtx, id: ExpertRequestId, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let x = service::expert_request(&state.services, &actor, id).await?;
    let can_answer = !x.answered
        && guildhall_domain::access::authorize(
            &actor,
            guildhall_domain::access::Action::AnswerExpertRequest(x.region_id),
        )
        .is_ok();
    Ok(errors.respond(ExpertPage { ctx, x, can_answer, errors: errors.clone() }.render()?))
}

async fn expert_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ExpertRequestId>,
) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show_expert(&state, ctx, id, errors).await
}

#[derive(Deserialize)]
struct ExpertAnswer {
    #[serde(default)]
    answer: String,
}

async fn answer_expert(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ExpertRequestId>,
    CsrfForm(f): CsrfForm<ExpertAnswer>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::answer_expert(&state.services, &actor, id, &f.answer).await {
        Ok(()) => Ok(Redirect::to(&format!("/expert-requests/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_expert(&state, ctx, id, errors).await
        }
    }
}
