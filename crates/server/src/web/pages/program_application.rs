//! One program application's page (CH-6): where it stands, the screening
//! result in plain words, and the interview: staff propose times, the
//! applicant picks one and downloads the calendar invite.

use crate::web::path::Path;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::ids::{ProgramApplicationId, SlotId};
use guildhall_domain::program::{parse_interests, FocusArea};
use guildhall_domain::program_application::Stage;
use guildhall_domain::DomainError;
use guildhall_storage::contributions::Stored;
use guildhall_storage::interview_slots::Slot;
use guildhall_storage::programs::Application;

use super::form::redirect_or_reshow;
use super::leadership::{PickInput, TimesInput};
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::program_evidence as evidence_service;
use crate::services::program_interviews as interviews;
use crate::services::programs as service;
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/programs/applications/{id}", get(page))
        .route("/programs/applications/{id}/times", post(propose))
        .route("/programs/applications/{id}/nda", post(record_nda))
        .route("/programs/applications/{id}/withdraw", post(withdraw))
        .route("/programs/applications/{id}/edit", post(edit_draft))
        .route("/programs/applications/{id}/pick", post(pick))
        .route("/programs/applications/{id}/judgments", post(judge))
        .route("/programs/applications/{id}/interviewer", post(name_interviewer))
        .route("/programs/applications/{id}/interview.ics", get(interview_ics))
}

/// The path a successful application has; a closed one ends where it stopped.
const PATH: [Stage; 6] =
    [Stage::Draft, Stage::Submitted, Stage::Screening, Stage::Interview, Stage::Interviewed, Stage::Accepted];

/// One screening criterion as stored with the application.
struct Criterion {
    met: bool,
    message: String,
}

#[derive(Template)]
#[template(path = "program_application.html")]
struct ApplicationPage {
    ctx: PageCtx,
    a: Application,
    criteria: Vec<Criterion>,
    slots: Vec<Slot>,
    is_applicant: bool,
    is_staff: bool,
    /// CH-6: staff, or the community manager named to interview.
    may_interview: bool,
    /// For staff: the community managers who may be named interviewer.
    interviewers: Vec<guildhall_storage::members::Member>,
    /// For staff: what counts for the focus area, and the rubric (CH-5).
    evidence: Vec<Stored>,
    /// CH-5: the points each judged piece meets, by piece key.
    judged: std::collections::HashMap<String, Vec<String>>,
    /// The rubric's point names, beside their translated `rubric`.
    points: &'static [&'static str],
    /// For staff: the forum accounts and feeds the applicant linked (PL-3).
    links: Vec<guildhall_domain::linked_account::LinkedAccount>,
    rubric: Vec<String>,
    /// CH-1: the program needs an NDA signed before the award starts.
    needs_nda: bool,
    /// What the last action did, after a redirect.
    notice: Option<String>,
    errors: FormErrors,
    /// CH-6: the focus areas a draft may be changed to.
    areas: Vec<&'static str>,
}

impl ApplicationPage {
    /// The option of `m` in the interviewer select is the current one.
    fn is_interviewer(&self, m: &guildhall_storage::members::Member) -> bool {
        self.a.interviewer.as_ref().is_some_and(|(id, _)| *id == m.id)
    }
    /// CH-6: the actor is the community manager named to interview.
    fn is_named_interviewer(&self) -> bool {
        self.may_interview && !self.is_staff && !self.is_applicant
    }
    /// CH-6: staff may still name or change the interviewer (the domain's
    /// rule, asked with nobody named).
    fn interviewer_open(&self) -> bool {
        self.a.stage.check_interviewer(None).is_ok()
    }
    fn piece(&self, c: &Stored) -> String {
        evidence_service::piece_key(c)
    }
    /// Whether the reviewer said `c` meets the rubric point `point`.
    fn meets(&self, c: &Stored, point: &str) -> bool {
        self.judged.get(&evidence_service::piece_key(c)).is_some_and(|m| m.iter().any(|p| p == point))
    }
    /// "Meets the rubric", "Meets 2 of 3 points" or "Not judged yet".
    fn judgment(&self, c: &Stored) -> String {
        match self.judged.get(&evidence_service::piece_key(c)) {
            None => self.ctx.t("judgment-none"),
            Some(m) if guildhall_domain::eligibility::meets_rubric(self.points, m) => self.ctx.t("judgment-meets"),
            Some(m) => self
                .ctx
                .tr
                .with("judgment-partly", &[("met", &m.len().to_string()), ("of", &self.points.len().to_string())]),
        }
    }
    /// CH-5: how many pieces meet every point.
    fn good_pieces(&self) -> String {
        let good = self
            .evidence
            .iter()
            .filter(|c| {
                self.judged
                    .get(&evidence_service::piece_key(c))
                    .is_some_and(|m| guildhall_domain::eligibility::meets_rubric(self.points, m))
            })
            .count();
        self.ctx.tr.with("judgment-summary", &[("good", &good.to_string()), ("judged", &self.judged.len().to_string())])
    }
    fn rubric_pairs(&self) -> Vec<(&'static str, String)> {
        self.points.iter().copied().zip(self.rubric.iter().cloned()).collect()
    }
    fn link_kind_key(&self, l: &guildhall_domain::linked_account::LinkedAccount) -> String {
        format!("link-kind-{}", l.kind.as_str())
    }
    fn link_proof_key(&self, l: &guildhall_domain::linked_account::LinkedAccount) -> String {
        l.proven.map(|(how, _)| format!("link-proven-{}", how.as_str())).unwrap_or_else(|| "link-waiting".into())
    }
    fn steps(&self) -> Vec<(String, &'static str)> {
        let mut path: Vec<Stage> = PATH.to_vec();
        if self.a.stage == Stage::Withdrawn {
            return vec![(self.ctx.t("stage-withdrawn"), "now")];
        }
        if matches!(self.a.stage, Stage::NotSelected | Stage::Declined) {
            let at = path.iter().position(|s| *s == Stage::Interview).unwrap_or(path.len());
            path.truncate(if self.a.stage == Stage::NotSelected { at } else { path.len() - 1 });
            path.push(self.a.stage);
        }
        let now = path.iter().position(|s| *s == self.a.stage);
        path.iter()
            .enumerate()
            .map(|(i, s)| {
                let class = match now {
                    Some(n) if i < n => "done",
                    Some(n) if i == n => "now",
                    _ => "",
                };
                (self.ctx.t(&format!("stage-{}", s.as_str())), class)
            })
            .collect()
    }
    fn program_name(&self) -> String {
        self.ctx.t(&format!("program-{}", self.a.program.as_str()))
    }
    fn area_key(&self, a: &str) -> String {
        format!("area-{a}")
    }
    fn is_area(&self, a: &str) -> bool {
        self.a.focus_area.is_some_and(|f| f.as_str() == a)
    }
    fn interests_text(&self) -> String {
        self.a.interests.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", ")
    }
    fn area_name(&self) -> String {
        self.a.focus_area.map(|f| self.ctx.t(&format!("area-{}", f.as_str()))).unwrap_or_default()
    }
    /// Where the proposed interview times go.
    fn times_action(&self) -> String {
        format!("/programs/applications/{}/times", self.a.id)
    }
    fn slot_time(&self, s: &Slot) -> String {
        self.ctx.time(&s.starts_at)
    }
    fn is(&self, stage: &str) -> bool {
        self.a.stage.as_str() == stage
    }
    fn verification_key(&self, c: &Stored) -> String {
        format!("verification-{}", c.contribution.verification.as_str())
    }
    fn source_key(&self, c: &Stored) -> String {
        format!("source-{}", c.contribution.source.as_str())
    }
    fn picked(&self) -> bool {
        self.slots.iter().any(|s| s.chosen)
    }
}

fn criteria(screening: &str) -> Vec<Criterion> {
    let v: serde_json::Value = serde_json::from_str(screening).unwrap_or_default();
    v["criteria"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|c| Criterion {
                    met: c["met"].as_bool().unwrap_or(false),
                    message: c["message"].as_str().unwrap_or_default().to_owned(),
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn show(state: &AppState, ctx: PageCtx, id: ProgramApplicationId, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let a = service::application(&state.services, &actor, id).await?;
    let slots = interviews::slots_of(&state.services, &a).await?;
    let is_staff = authorize(&actor, Action::DecideProgramApplications).is_ok();
    let interviewer = a.interviewer.as_ref().map(|(id, _)| *id);
    let may_interview = authorize(&actor, Action::InterviewProgramApplicant { interviewer }).is_ok();
    let interviewers = if is_staff { interviews::candidates(&state.services, &actor).await? } else { Vec::new() };
    let evidence = if is_staff { evidence_service::evidence(&state.services, &actor, &a).await? } else { Vec::new() };
    let judged =
        if is_staff { evidence_service::judgments(&state.services, &actor, &a).await? } else { Default::default() };
    let points = guildhall_domain::eligibility::rubric_of(a.focus_area);
    let links = if is_staff {
        crate::services::linked_accounts::list(&state.services, &actor, a.member_id).await?
    } else {
        Vec::new()
    };
    let rubric = points.iter().map(|r| ctx.t(&format!("rubric-{r}"))).collect();
    let needs_nda = service::rules_of(&state.services, a.program).await?.nda_required;
    // PL-13: a problem with a field this stage does not show (an evidence
    // verdict's reason) is said on top instead of nowhere.
    let mut shown = vec!["slot", "slots", "signed_on", "focus_area", "interests", "interviewer"];
    if a.stage == Stage::Interviewed {
        shown.push("reason");
    }
    let errors = errors.shown_on(&shown);
    let notice = [
        "nda",
        "verified",
        "rejected",
        "edited",
        "account",
        "judged",
        "interviewer",
        "interviewer_cleared",
        "times",
        "interviewed",
    ]
    .into_iter()
    .find(|v| ctx.query_flag("done", v))
    .map(|v| ctx.t(&format!("application-done-{v}")));
    let page = ApplicationPage {
        areas: FocusArea::ALL.iter().map(|a| a.as_str()).collect(),
        notice,
        needs_nda,
        criteria: criteria(&a.screening),
        is_applicant: a.member_id == actor.member_id,
        is_staff,
        may_interview,
        interviewers,
        evidence,
        judged,
        points,
        links,
        rubric,
        a,
        slots,
        ctx,
        errors: errors.clone(),
    };
    Ok(errors.respond(page.render()?))
}

async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, errors).await
}

pub(super) async fn back(
    state: &AppState,
    ctx: PageCtx,
    id: ProgramApplicationId,
    r: Result<(), AppError>,
) -> AppResult<Response> {
    back_saying(state, ctx, id, r, "").await
}

/// Back to the application; on success the page says `done` (a notice key).
pub(super) async fn back_saying(
    state: &AppState,
    ctx: PageCtx,
    id: ProgramApplicationId,
    r: Result<(), AppError>,
    done: &str,
) -> AppResult<Response> {
    let to = if done.is_empty() {
        format!("/programs/applications/{id}")
    } else {
        format!("/programs/applications/{id}?done={done}")
    };
    redirect_or_reshow(ctx, r, &to, async |ctx, errors| show(state, ctx, id, errors).await).await
}

/// CH-5: one piece judged; the checked boxes are named `point:<name>`.
async fn judge(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let piece = f.get("piece").cloned().unwrap_or_default();
    let points: Vec<String> = f.keys().filter_map(|k| k.strip_prefix("point:")).map(str::to_owned).collect();
    let r = evidence_service::judge_piece(&state.services, &actor, id, &piece, &points).await.map(|_| ());
    back_saying(&state, ctx, id, r, "judged").await
}

#[derive(serde::Deserialize)]
struct InterviewerInput {
    /// A community manager's id; empty: program staff interview.
    interviewer: String,
}

/// CH-6: staff name the community manager who interviews the applicant.
async fn name_interviewer(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<InterviewerInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (r, done) = match f.interviewer.trim() {
        "" => (interviews::assign(&state.services, &actor, id, None).await, "interviewer_cleared"),
        raw => match raw.parse() {
            Ok(m) => (interviews::assign(&state.services, &actor, id, Some(m)).await, "interviewer"),
            Err(_) => (Err(DomainError::field("interviewer", "interviewer_unknown").into()), "interviewer"),
        },
    };
    back_saying(&state, ctx, id, r, done).await
}

async fn propose(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<TimesInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = interviews::propose_times(&state.services, &actor, id, &f.times()).await.map(|_| ());
    back_saying(&state, ctx, id, r, "times").await
}

async fn withdraw(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::withdraw(&state.services, &actor, id).await.map(|_| ());
    back(&state, ctx, id, r).await
}

#[derive(serde::Deserialize)]
struct DraftInput {
    #[serde(default)]
    focus_area: String,
    #[serde(default)]
    interests: String,
}

/// CH-6: the applicant changes their draft before submitting it.
async fn edit_draft(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<DraftInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = async {
        let focus = match f.focus_area.trim() {
            "" => None,
            raw => Some(FocusArea::parse(raw)?),
        };
        let interests: Vec<String> = f.interests.split(',').map(str::to_owned).collect();
        let interests = parse_interests(focus.unwrap_or(FocusArea::Forums), &interests)?;
        service::edit_draft(&state.services, &actor, id, focus, &interests).await
    }
    .await;
    back_saying(&state, ctx, id, r, "edited").await
}

#[derive(serde::Deserialize)]
struct NdaInput {
    #[serde(default)]
    signed_on: String,
}

async fn record_nda(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<NdaInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = match chrono::NaiveDate::parse_from_str(f.signed_on.trim(), "%Y-%m-%d") {
        Ok(day) => service::record_nda(&state.services, &actor, id, day).await,
        Err(_) => Err(DomainError::field("signed_on", "date_invalid").into()),
    };
    back_saying(&state, ctx, id, r, "nda").await
}

async fn pick(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
    CsrfForm(f): CsrfForm<PickInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = match f.slot.parse::<SlotId>() {
        Ok(slot) => interviews::pick_time(&state.services, &actor, id, slot).await.map(|_| ()),
        Err(_) => Err(DomainError::field("slot", "slot_unknown").into()),
    };
    back(&state, ctx, id, r).await
}

async fn interview_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    crate::web::api::program_interviews::interview_ics(&state, &actor, id).await
}
