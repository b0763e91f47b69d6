//! The home page: what is coming up across all groups, and for a member
//! the next events of the groups they follow (UG-15).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use guildhall_storage::{events, follows};

use super::views::EventCard;
use crate::app::AppState;
use crate::error::AppResult;
use crate::web::ctx::PageCtx;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageCtx,
    upcoming: Vec<EventCard>,
    /// UG-15: the next events of the groups a signed-in member follows.
    followed: Vec<EventCard>,
}

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

async fn home(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let list = events::upcoming(state.services.db.reader(), Utc::now(), 12).await?;
    let upcoming = list.iter().map(|(ev, g)| EventCard::new(ev, g)).collect();
    let followed = match &ctx.user {
        Some(u) => follows::upcoming_for(state.services.db.reader(), u.actor.member_id, Utc::now(), 6).await?,
        None => Vec::new(),
    };
    let followed = followed.iter().map(|(ev, g)| EventCard::new(ev, g)).collect();
    Ok(Html(HomePage { ctx, upcoming, followed }.render()?))
}
