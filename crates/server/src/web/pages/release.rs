//! UG-14: a reminder's one-click "I can't come". The GET asks (a mail
//! scanner following links frees no seat); the POST lets the place go and
//! the next person waiting moves up. The signed link is the permission,
//! signed in or not.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;

use super::views::when_text;
use crate::app::AppState;
use crate::error::AppResult;
use crate::services::registrations::{self as service, ReleaseState};
use crate::web::ctx::PageCtx;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new().route("/release/{token}", get(ask).post(release))
}

#[derive(Template)]
#[template(path = "release.html")]
struct ReleasePage {
    ctx: PageCtx,
    token: String,
    event: Event,
    group: Group,
    state: ReleaseState,
    /// Just released by this press (said as done, not as "already").
    done: bool,
}

impl ReleasePage {
    fn when(&self) -> String {
        when_text(self.event.starts_at(), self.event.ends_at(), self.group.profile.time_zone)
    }
    fn is(&self, state: &str) -> bool {
        matches!(
            (state, self.state),
            ("held", ReleaseState::Held)
                | ("released", ReleaseState::Released)
                | ("checked_in", ReleaseState::CheckedIn)
                | ("closed", ReleaseState::Closed)
        )
    }
    fn args<'a>(&'a self, when: &'a str) -> [(&'static str, &'a str); 3] {
        [("event", self.event.details.title.as_str()), ("group", self.group.profile.name.as_str()), ("when", when)]
    }
    fn ask_text(&self) -> String {
        let when = self.when();
        self.ctx.tr.with("release-ask", &self.args(&when))
    }
    fn done_text(&self) -> String {
        let when = self.when();
        self.ctx.tr.with(if self.done { "release-done" } else { "release-already" }, &self.args(&when))
    }
}

async fn ask(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let (_, event, group, at) = service::release_target(&state.services, &token).await?;
    Ok(Html(ReleasePage { ctx, token, event, group, state: at, done: false }.render()?).into_response())
}

async fn release(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let (event, group, at, done) = service::release(&state.services, &token).await?;
    Ok(Html(ReleasePage { ctx, token, event, group, state: at, done }.render()?).into_response())
}
