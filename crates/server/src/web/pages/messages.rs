//! "Messages": every email sent to a member, readable in the app (PL-4).

use crate::web::path::Path;
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::ids::OutboxId;
use guildhall_domain::DomainError;
use guildhall_storage::outbox::{self, OutboxEmail};

use crate::app::AppState;
use crate::error::AppResult;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new().route("/messages", get(list)).route("/messages/{id}", get(show))
}

#[derive(Template)]
#[template(path = "messages.html")]
struct MessagesPage {
    ctx: PageCtx,
    messages: Vec<OutboxEmail>,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    ctx: PageCtx,
    message: OutboxEmail,
}

async fn list(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let me = ctx.require()?.member.id;
    let messages = outbox::for_recipient(state.services.db.reader(), me, 200).await?;
    Ok(Html(MessagesPage { ctx, messages }.render()?))
}

async fn show(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<OutboxId>) -> AppResult<Html<String>> {
    let me = ctx.require()?.clone();
    let message = outbox::get(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    // Someone else's message is "not found", not "forbidden": its existence is private too.
    let owner = message.recipient.ok_or(DomainError::NotFound)?;
    authorize(&me.actor, Action::ReadMessages(owner)).map_err(|_| DomainError::NotFound)?;
    Ok(Html(MessagePage { ctx, message }.render()?))
}
