//! The home page: what is coming up across all groups.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use guildhall_storage::{events, groups};

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
    let mut cache = HashMap::new();
    let mut upcoming = Vec::with_capacity(list.len());
    for ev in &list {
        if let Entry::Vacant(slot) = cache.entry(ev.group_id) {
            if let Some(g) = groups::by_id(state.services.db.reader(), ev.group_id).await? {
                slot.insert(g);
            }
        }
        if let Some(g) = cache.get(&ev.group_id) {
            upcoming.push(EventCard::new(ev, g));
        }
    }
    Ok(Html(HomePage { ctx, upcoming }.render()?))
}
