//! UG-14: a talk's slides and recording, added by the group's leaders on
//! the event page, and the email that sends them to everyone who came.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use guildhall_domain::ids::{EventId, TalkId};
use serde::Deserialize;

use super::events::show_event;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::materials as service;
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/talks/{talk}/materials", post(set))
        .route("/events/{id}/materials/send", post(send))
}

#[derive(Deserialize)]
struct MaterialsForm {
    #[serde(default)]
    slides_url: String,
    #[serde(default)]
    recording_url: String,
}

async fn set(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((id, talk)): Path<(EventId, TalkId)>,
    CsrfForm(f): CsrfForm<MaterialsForm>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::set(&state.services, &actor, id, talk, &f.slides_url, &f.recording_url).await {
        Ok(_) => Ok(Redirect::to(&format!("/events/{id}?done=materials_saved#talks")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_event(&state, ctx, id, errors).await
        }
    }
}

async fn send(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::send(&state.services, &actor, id).await {
        Ok(n) => {
            Ok(Redirect::to(&format!("/events/{id}?done=materials_sent&sent={n}#materials-heading")).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_event(&state, ctx, id, errors).await
        }
    }
}
