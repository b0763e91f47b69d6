//! UG-18: the seat offer's email link. The GET says what is offered and
//! until when (a mail scanner following links claims nothing); the POSTs
//! claim the seat or give it to the next person. The signed link is the
//! permission, signed in or not.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::DomainError;

use super::views::when_text;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::services::offers::{self as service, OfferTarget};
use crate::web::ctx::PageCtx;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new().route("/offers/{token}", get(ask).post(claim)).route("/offers/{token}/decline", post(decline))
}

#[derive(Template)]
#[template(path = "offer.html")]
struct OfferPage {
    ctx: PageCtx,
    token: String,
    t: OfferTarget,
    /// What this press did: `claimed`, `declined`, or nothing yet.
    done: Option<&'static str>,
}

impl OfferPage {
    fn args(&self) -> Vec<(&'static str, String)> {
        let tz = self.t.group.profile.time_zone;
        let until = self.t.registration.offer_expires_at.map(|at| tz.format(at)).unwrap_or_default();
        vec![
            ("event", self.t.event.details.title.to_string()),
            ("group", self.t.group.profile.name.to_string()),
            ("when", when_text(self.t.event.starts_at(), self.t.event.ends_at(), tz)),
            ("until", until),
        ]
    }

    fn say(&self, key: &str) -> String {
        let args = self.args();
        let refs: Vec<(&'static str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.ctx.tr.with(key, &refs)
    }

    /// Once claimed, the page is about a seat held, not one offered.
    fn title_key(&self) -> &'static str {
        if !self.is_open() && self.outcome_key() == "offer-claimed" {
            "offer-title-claimed"
        } else {
            "offer-title"
        }
    }

    fn is_open(&self) -> bool {
        self.done.is_none() && self.t.is_open(Utc::now())
    }

    /// Where the place stands, when it cannot be claimed (any more).
    fn outcome_key(&self) -> &'static str {
        match (self.done, self.t.registration.status) {
            (Some("claimed"), _) | (_, RegistrationStatus::Confirmed) => "offer-claimed",
            (Some("declined"), _) => "offer-declined",
            (_, RegistrationStatus::Cancelled) => "offer-gone",
            _ => "offer-closed",
        }
    }
}

fn page(ctx: PageCtx, token: String, t: OfferTarget, done: Option<&'static str>) -> AppResult<Response> {
    Ok(Html(OfferPage { ctx, token, t, done }.render()?).into_response())
}

async fn ask(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let t = service::target(&state.services, &token).await?;
    page(ctx, token, t, None)
}

async fn claim(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    match service::claim_by_link(&state.services, &token).await {
        Ok(t) => page(ctx, token, t, Some("claimed")),
        // Too late, or claimed already: the page says where it stands.
        Err(AppError::Domain(DomainError::OfferClosed)) => {
            let t = service::target(&state.services, &token).await?;
            page(ctx, token, t, None)
        }
        Err(e) => Err(e),
    }
}

async fn decline(State(state): State<AppState>, ctx: PageCtx, Path(token): Path<String>) -> AppResult<Response> {
    let t = service::decline_by_link(&state.services, &token).await?;
    page(ctx, token, t, Some("declined"))
}
