//! The home page: what is coming up across all groups.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use guildhall_storage::events;

use super::views::EventCard;
use crate::app::AppState;
use crate::error::AppResult;
use crate::web::ctx::PageCtx;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageCtx,
    upcoming: Vec<EventCard>,
}

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

async fn home(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let list = events::upcoming(state.services.db.reader(), Utc::now(), 12).await?;
    let upcoming = list.iter().map(|(ev, g)| EventCard::new(ev, g)).collect();
    Ok(Html(HomePage { ctx, upcoming }.render()?))
}
