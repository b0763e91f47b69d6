//! Adding a venue to the shared registry (UG-7), from the event form.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::values::Country;
use guildhall_domain::venue::{VenueFields, VenueKind, VenueProfile};
use guildhall_storage::venues::{self, Venue};
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::groups as group_service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new().route("/venues", get(registry)).route("/venues/new", get(new_venue).post(create_venue))
}

#[derive(Template)]
#[template(path = "venue_form.html")]
struct VenueForm {
    ctx: PageCtx,
    f: VenueInput,
    kinds: Vec<&'static str>,
    errors: FormErrors,
}

#[derive(Deserialize, Default, Clone)]
struct VenueInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    accessibility: String,
    /// Where to go back to: the group whose event form sent us here.
    #[serde(default)]
    group: String,
}

impl VenueForm {
    fn kind_key(&self, kind: &str) -> String {
        format!("venue-kind-{kind}")
    }
}

fn kinds() -> Vec<&'static str> {
    VenueKind::ALL.iter().map(|k| k.as_str()).collect()
}

async fn new_venue(ctx: PageCtx, Query(f): Query<VenueInput>) -> AppResult<Response> {
    let actor = &ctx.require()?.actor;
    authorize(actor, Action::AddVenue)?;
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(VenueForm { ctx, f, kinds: kinds(), errors }.render()?).into_response())
}

async fn create_venue(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<VenueInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let fields = VenueFields {
        name: f.name.clone(),
        address: f.address.clone(),
        city: f.city.clone(),
        country: f.country.clone(),
        kind: f.kind.clone(),
        capacity: f.capacity.clone(),
        accessibility: f.accessibility.clone(),
    };
    let result = match VenueProfile::parse(&fields) {
        Ok(p) => group_service::add_venue(&state.services, &actor, &p).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(id) if !f.group.is_empty() => {
            let slug: String = f.group.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            Ok(Redirect::to(&format!("/groups/{slug}/events/new?venue_id={id}")).into_response())
        }
        Ok(_) => {
            Ok(Redirect::to(&format!("/venues?done=created&country={}", f.country.trim().to_uppercase()))
                .into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.respond(VenueForm { ctx, f, kinds: kinds(), errors: errors.clone() }.render()?))
        }
    }
}

#[derive(Template)]
#[template(path = "venues.html")]
struct RegistryPage {
    ctx: PageCtx,
    venues: Vec<Venue>,
    kinds: Vec<&'static str>,
    country: String,
    kind: String,
}

impl RegistryPage {
    fn kind_key(&self, kind: &str) -> String {
        format!("venue-kind-{kind}")
    }
}

#[derive(Deserialize, Default)]
struct RegistryQuery {
    #[serde(default)]
    country: String,
    #[serde(default)]
    kind: String,
}

/// UG-7: the shared registry, by country and kind; partner and client
/// offices are marked as not allowed for events.
async fn registry(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(q): Query<RegistryQuery>,
) -> AppResult<Html<String>> {
    ctx.require()?;
    let country = Country::parse(&q.country).ok();
    let kind = VenueKind::parse(&q.kind).ok();
    let venues = venues::search(state.services.db.reader(), country, kind).await?;
    Ok(Html(RegistryPage { ctx, venues, kinds: kinds(), country: q.country, kind: q.kind }.render()?))
}
