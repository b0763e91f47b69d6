use askama::Template;
use axum::response::Html;
use axum::routing::get;
use axum::Router;

use crate::app::AppState;
use crate::error::AppResult;
use crate::web::ctx::PageCtx;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageCtx,
}

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

async fn home(ctx: PageCtx) -> AppResult<Html<String>> {
    Ok(Html(HomePage { ctx }.render()?))
}
