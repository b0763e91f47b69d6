//! CH-5 over the API: program staff read an application's evidence with
//! the rubric, and judge each piece: which points of the rubric it meets.
//! Screening's quality comes from these judgments.

use crate::web::path::Path;
use axum::extract::State;
use axum::Json;
use guildhall_domain::eligibility::{meets_rubric, rubric_of};
use guildhall_domain::ids::ProgramApplicationId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::program_evidence as evidence_service;
use crate::services::programs as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(judge))
}

/// One piece of an application's evidence and how the reviewer judged it.
#[derive(Serialize, ToSchema)]
pub struct EvidencePieceBody {
    /// Names the piece in a judgment: a contribution's id, or
    /// `derived:<day>:<title>` for one derived from this platform.
    piece: String,
    title: String,
    date: String,
    kind: &'static str,
    link: Option<String>,
    /// `unverified`, `verified` or `rejected` (PL-2).
    verification: &'static str,
    /// The rubric points the reviewer said it meets; null until judged.
    points: Option<Vec<String>>,
    /// Whether it meets every point of the rubric.
    meets_rubric: bool,
}

/// The application's rubric and evidence.
#[derive(Serialize, ToSchema)]
pub struct EvidenceBody {
    /// The points each piece is judged against.
    rubric: Vec<&'static str>,
    pieces: Vec<EvidencePieceBody>,
}

/// CH-5: what counts for the application, with each piece's judgment
/// (program staff).
#[utoipa::path(get, path = "/v1/applications/{id}/evidence", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = EvidenceBody), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<EvidenceBody>> {
    let a = service::application(&state.services, &u.actor, id).await?;
    let pieces = evidence_service::evidence(&state.services, &u.actor, &a).await?;
    let judged = evidence_service::judgments(&state.services, &u.actor, &a).await?;
    let rubric = rubric_of(a.focus_area);
    let pieces = pieces
        .iter()
        .map(|s| {
            let piece = evidence_service::piece_key(s);
            let points = judged.get(&piece).cloned();
            EvidencePieceBody {
                meets_rubric: points.as_ref().is_some_and(|p| meets_rubric(rubric, p)),
                points,
                piece,
                title: s.title.clone(),
                date: s.contribution.date.to_string(),
                kind: s.contribution.details.kind().as_str(),
                link: s.contribution.link.as_ref().map(|l| l.to_string()),
                verification: s.contribution.verification.as_str(),
            }
        })
        .collect();
    Ok(Json(EvidenceBody { rubric: rubric.to_vec(), pieces }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JudgmentBody {
    /// The piece, as `GET …/evidence` names it.
    #[serde(default)]
    piece: String,
    /// The rubric points it meets; empty when it meets none.
    #[serde(default)]
    points: Vec<String>,
}

/// What was recorded.
#[derive(Serialize, ToSchema)]
pub struct JudgedBody {
    piece: String,
    points: Vec<&'static str>,
}

/// CH-5: the reviewer judges one piece against the rubric, while the
/// application waits for screening (409 after). Judging again replaces it.
#[utoipa::path(post, path = "/v1/applications/{id}/judgments", tag = "programs", params(("id" = String, Path)),
    request_body = JudgmentBody,
    responses((status = 200, body = JudgedBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn judge(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<JudgmentBody>,
) -> AppResult<Json<JudgedBody>> {
    let points = evidence_service::judge_piece(&state.services, &u.actor, id, &b.piece, &b.points).await?;
    Ok(Json(JudgedBody { piece: b.piece, points }))
}
