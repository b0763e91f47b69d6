//! Following groups by page (UG-15): the Follow button on a group's page
//! and in the directory, and the page behind a new-event email's "stop
//! following" link. Opening that link only asks (link scanners open every
//! link); its button, or a mail client's one-click POST (RFC 8058), stops.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::values::Slug;
use guildhall_storage::groups::Group;
use serde::Deserialize;

use super::auth::safe_next;
use super::groups::show_group;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::follows as service;
use crate::web::ctx::PageCtx;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{slug}/follow", post(follow))
        .route("/groups/{slug}/unfollow", post(unfollow))
        .route("/unfollow/{token}", get(ask).post(one_click))
}

/// Where the button was: the group's page unless the form names another
/// local page (the directory, the emails page).
#[derive(Deserialize)]
struct FollowInput {
    #[serde(default)]
    back: String,
}

fn back_to(input: &FollowInput, slug: &Slug, done: &str) -> Redirect {
    let back = safe_next(input.back.trim());
    if input.back.trim().is_empty() || back == "/" {
        return Redirect::to(&format!("/groups/{slug}?done={done}#follow"));
    }
    let sep = if back.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{back}{sep}done={done}&group={slug}"))
}

async fn follow(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(input): CsrfForm<FollowInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::follow(&state.services, &actor, &slug).await {
        Ok(_) => Ok(back_to(&input, &slug, "followed").into_response()),
        Err(e) => {
            // An archived group: its page says why, where the button was.
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&[]);
            show_group(&state, ctx, &slug, errors, None).await
        }
    }
}

async fn unfollow(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(input): CsrfForm<FollowInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    service::unfollow(&state.services, &actor, &slug).await?;
    Ok(back_to(&input, &slug, "unfollowed").into_response())
}

#[derive(Template)]
#[template(path = "unfollow.html")]
struct UnfollowPage {
    ctx: PageCtx,
    token: String,
    group: Group,
    done: bool,
}

impl UnfollowPage {
    fn ask_text(&self) -> String {
        self.ctx.tr.with("unfollow-ask", &[("group", self.group.profile.name.as_str())])
    }
    fn done_text(&self) -> String {
        self.ctx.tr.with("unfollow-done", &[("group", self.group.profile.name.as_str())])
    }
}

async fn ask(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let (_, group) = service::link_target(&state.services, &token).await?;
    Ok(Html(UnfollowPage { ctx, token, group, done: false }.render()?).into_response())
}

/// The one-click POST: the signed token is the permission.
async fn one_click(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let group = service::unfollow_by_link(&state.services, &token).await?;
    Ok(Html(UnfollowPage { ctx, token, group, done: true }.render()?).into_response())
}
