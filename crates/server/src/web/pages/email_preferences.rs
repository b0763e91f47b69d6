//! Email preferences by page (PL-4, UG-15): the member's own settings, and
//! the page behind each email's unsubscribe link. Opening the link only
//! asks (link scanners open every link); the button, or a mail client's
//! one-click POST (RFC 8058), turns the topic off without signing in.

use std::collections::{HashMap, HashSet};

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use guildhall_domain::email_topic::Topic;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::email_preferences as service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new().route("/account/emails", get(page).post(save)).route("/unsubscribe/{token}", get(ask).post(one_click))
}

#[derive(Template)]
#[template(path = "account_emails.html")]
struct EmailsPage {
    ctx: PageCtx,
    topics: Vec<(Topic, bool)>,
    saved: bool,
    /// UG-15: the groups whose new events are emailed, each with a way out.
    follows: Vec<guildhall_storage::groups::Group>,
    notice: Option<String>,
}

impl EmailsPage {
    fn label(&self, t: &Topic) -> String {
        format!("emails-topic-{}", t.as_str())
    }
    fn hint(&self, t: &Topic) -> String {
        format!("emails-topic-{}-hint", t.as_str())
    }
}

#[derive(Deserialize)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
    /// After "stop following" here: `unfollowed` and the group's slug.
    #[serde(default)]
    done: String,
    #[serde(default)]
    group: String,
}

async fn page(State(state): State<AppState>, ctx: PageCtx, Query(q): Query<SavedQuery>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let topics = service::of(&state.services, &actor, actor.member_id).await?;
    let follows = crate::services::follows::mine(&state.services, &actor).await?;
    let notice = match q.done.as_str() {
        "unfollowed" => crate::services::groups::by_typed_slug(&state.services, &q.group)
            .await
            .ok()
            .map(|g| ctx.tr.with("unfollow-done", &[("group", g.profile.name.as_str())])),
        _ => None,
    };
    Ok(Html(EmailsPage { ctx, topics, saved: q.saved == "1", follows, notice }.render()?).into_response())
}

/// A checkbox left unticked is absent from the form: every topic not sent
/// is turned off.
async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let send: HashSet<Topic> = Topic::ALL.into_iter().filter(|t| form.contains_key(t.as_str())).collect();
    service::set(&state.services, &actor, actor.member_id, &send).await?;
    Ok(Redirect::to("/account/emails?saved=1").into_response())
}

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    ctx: PageCtx,
    token: String,
    topic: Topic,
    done: bool,
}

impl UnsubscribePage {
    fn topic_name(&self) -> String {
        self.ctx.t(&format!("emails-topic-{}", self.topic.as_str()))
    }
    fn ask_text(&self) -> String {
        self.ctx.tr.with("unsubscribe-ask", &[("topic", self.topic_name().as_str())])
    }
    fn done_text(&self) -> String {
        self.ctx.tr.with("unsubscribe-done", &[("topic", self.topic_name().as_str())])
    }
}

async fn ask(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let (_, topic) = service::link_target(&state.services, &token).await?;
    Ok(Html(UnsubscribePage { ctx, token, topic, done: false }.render()?).into_response())
}

/// The one-click POST: the body (`List-Unsubscribe=One-Click`) carries
/// nothing to check; the signed token is the permission.
async fn one_click(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let topic = service::unsubscribe(&state.services, &token).await?;
    Ok(Html(UnsubscribePage { ctx, token, topic, done: true }.render()?).into_response())
}
