//! Group directory and group pages (UG-1, PL-5), and the forms that
//! create and edit groups and appoint leaders.

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::group::GroupFields;
use guildhall_domain::health::Health;
use guildhall_domain::ids::{MemberId, RegionId};
use guildhall_domain::values::Country;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::events;
use guildhall_storage::groups::{self, Group, GroupQuery};
use guildhall_storage::members::{self, Member};
use guildhall_storage::regions::{self, Region};
use serde::Deserialize;

use super::charts;
use super::pickers::{Finder, Purpose};
use super::views::EventCard;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::groups::{self as group_service, LeaderRef};
use crate::services::health as health_service;
use crate::web::ctx::PageCtx;
use crate::web::feeds::webcal;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups", get(directory).post(create_group))
        .route("/groups/new", get(new_group))
        .route("/groups/{slug}", get(group_page))
        .route("/groups/{slug}/edit", get(edit_group).post(update_group))
        .route("/groups/{slug}/leaders", post(add_leader))
        .route("/groups/{slug}/leaders/{member}/remove", post(remove_leader))
}

#[derive(Template)]
#[template(path = "groups.html")]
struct DirectoryPage {
    ctx: PageCtx,
    groups: Vec<Group>,
    regions: Vec<Region>,
    countries: Vec<crate::i18n::CountryChoice>,
    q: String,
    region: String,
    country: String,
    can_create: bool,
    /// UG-15: the listed groups the signed-in viewer follows.
    followed: Vec<guildhall_domain::ids::GroupId>,
    /// This listing with its filters, where a Follow button comes back to.
    back: String,
    notice: Option<String>,
    /// The chosen region's calendar feed: what it is, `webcal:` and address.
    region_calendar: Option<(String, String, String)>,
}

impl DirectoryPage {
    fn follows(&self, g: &Group) -> bool {
        self.followed.contains(&g.id)
    }

    fn count_text(&self) -> String {
        self.ctx.tr.with("groups-count", &[("count", &self.groups.len().to_string())])
    }
}

#[derive(Deserialize, Default)]
struct DirectoryQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    country: String,
    /// After a Follow button: `followed` or `unfollowed`, and which group.
    #[serde(default)]
    done: String,
    #[serde(default)]
    group: String,
}

/// Regions where the viewer may create groups.
fn creatable(ctx: &PageCtx, regions: &[Region]) -> Vec<Region> {
    let Some(u) = &ctx.user else { return vec![] };
    regions.iter().filter(|r| authorize(&u.actor, Action::CreateGroup(r.id)).is_ok()).cloned().collect()
}

async fn directory(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(q): Query<DirectoryQuery>,
) -> AppResult<Html<String>> {
    // Unknown filter values show everything rather than an error page: a
    // stale bookmark should still lead somewhere.
    let query = GroupQuery {
        text: Some(q.q.trim().to_owned()).filter(|t| !t.is_empty()),
        region: q.region.parse::<RegionId>().ok(),
        country: Country::parse(&q.country).ok(),
    };
    let list = groups::search(state.services.db.reader(), &query, 200, 0).await?;
    let regions = regions::list(state.services.db.reader()).await?;
    let countries = ctx.tr.country_choices(groups::countries(state.services.db.reader()).await?);
    let can_create = !creatable(&ctx, &regions).is_empty();
    let followed = match &ctx.user {
        Some(u) => {
            let ids: Vec<_> = list.iter().map(|g| g.id).collect();
            guildhall_storage::follows::followed_among(state.services.db.reader(), u.actor.member_id, &ids).await?
        }
        None => Vec::new(),
    };
    let filters =
        serde_urlencoded::to_string([("q", &q.q), ("region", &q.region), ("country", &q.country)]).unwrap_or_default();
    let named = list.iter().find(|g| g.profile.slug.as_str() == q.group).map(|g| g.profile.name.as_str());
    let notice = match (q.done.as_str(), named) {
        ("followed", Some(name)) => Some(ctx.tr.with("follow-done-named", &[("group", name)])),
        ("unfollowed", Some(name)) => Some(ctx.tr.with("unfollow-done", &[("group", name)])),
        _ => None,
    };
    let region_calendar = query.region.and_then(|id| regions.iter().find(|r| r.id == id)).map(|r| {
        let https = state.config.link(&format!("/regions/{}/events.ics", r.id));
        (ctx.tr.with("groups-region-subscribe", &[("region", r.name.as_str())]), webcal(&https), https)
    });
    let page = DirectoryPage {
        region_calendar,
        ctx,
        groups: list,
        regions,
        countries,
        q: q.q,
        region: q.region,
        country: q.country,
        can_create,
        followed,
        back: format!("/groups?{filters}"),
        notice,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage {
    ctx: PageCtx,
    group: Group,
    /// UG-16: the group's recurring meetups.
    series: Vec<guildhall_storage::series::Series>,
    leaders: Vec<Member>,
    upcoming: Vec<EventCard>,
    past: Vec<EventCard>,
    can_manage: bool,
    can_appoint: bool,
    calendar_url: String,
    webcal_url: String,
    errors: FormErrors,
    health: Health,
    /// UG-10: the health chart, server-rendered SVG.
    health_svg: String,
    can_review: bool,
    /// UG-1: the region's managers archive and reactivate the group.
    can_archive: bool,
    /// UG-1: regions the viewer may move the group to (admins, managers of both).
    move_to: Vec<Region>,
    notice: Option<String>,
    /// UG-15: whether the signed-in viewer follows the group (None for a visitor).
    following: Option<bool>,
    followers: u64,
    /// Issue 17: a co-leader appointed or nominated by searching names.
    appoint: Option<super::pickers::Finder>,
    nominate: Option<super::pickers::Finder>,
}

impl GroupPage {
    fn rule_text(&self, s: &guildhall_storage::series::Series) -> String {
        super::series::rule_text(self.ctx.tr, &s.rule)
    }

    fn followers_text(&self) -> String {
        self.ctx.tr.with("follow-count", &[("count", &self.followers.to_string())])
    }

    fn archived(&self) -> bool {
        !self.group.status.is_listed()
    }

    fn status_key(&self) -> String {
        format!("health-status-{}", self.group.status.as_str())
    }

    fn trend_key(&self) -> String {
        format!("health-trend-{}", self.health.trend.as_str())
    }

    fn held_text(&self) -> String {
        let h = &self.health;
        self.ctx.tr.with(
            "health-of-required",
            &[("held", &h.held_this_year.to_string()), ("required", &h.required_per_year.to_string())],
        )
    }

    /// Issue 18: at each of the last held events, who came of who registered.
    fn registered_came_text(&self) -> String {
        let h = &self.health;
        h.registered
            .iter()
            .zip(&h.attendance)
            .map(|(r, c)| {
                let pair =
                    self.ctx.tr.with("health-came-of", &[("came", &c.to_string()), ("registered", &r.to_string())]);
                // "22 of 28" never breaks across lines on a phone.
                pair.replace(' ', "\u{a0}")
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn year_text(&self) -> String {
        self.ctx.tr.with("health-this-year", &[("year", &self.health.year.to_string())])
    }

    fn paragraphs(&self) -> Vec<&str> {
        self.group.profile.description.paragraphs()
    }
}

fn may(actor: Option<&Actor>, action: Action) -> bool {
    actor.is_some_and(|a| authorize(a, action).is_ok())
}

pub(super) async fn show_group(
    state: &AppState,
    ctx: PageCtx,
    slug: &Slug,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let key = if errors.any() || notice.is_some() { None } else { state.page_cache.key(&ctx) };
    if let Some(hit) = key.as_deref().and_then(|k| state.page_cache.get(k)) {
        return Ok(hit);
    }
    let g = group_service::by_slug(&state.services, slug).await?;
    let actor = ctx.user.as_ref().map(|u| &u.actor);
    let can_manage = may(actor, Action::ManageGroup { group: g.id, region: g.region_id });
    let can_appoint = may(actor, Action::CreateGroup(g.region_id));
    let now = Utc::now();
    let (upcoming, past) = events::for_group_page(state.services.db.reader(), g.id, can_manage, now, (50, 20)).await?;
    let leaders = members::holders(state.services.db.reader(), Role::GroupLeader(g.id)).await?;
    let health = health_service::of_group(&state.services, &g, now).await?;
    let health_svg = charts::group_health(&health, ctx.tr);
    let can_review = may(actor, Action::ReviewSessions(g.region_id));
    let can_archive = may(actor, Action::ArchiveGroup(g.region_id));
    let move_to = if can_archive {
        regions::list(state.services.db.reader())
            .await?
            .into_iter()
            .filter(|r| r.id != g.region_id && may(actor, Action::MoveGroup { from: g.region_id, to: r.id }))
            .collect()
    } else {
        Vec::new()
    };
    let viewer = ctx.user.as_ref().map(|u| u.actor.member_id);
    let (followers, mine) = guildhall_storage::follows::standing(state.services.db.reader(), g.id, viewer).await?;
    let following = viewer.map(|_| mine);
    let appoint = Finder::on(
        state,
        &ctx,
        Purpose {
            page: format!("/groups/{slug}"),
            field: "appoint",
            label_key: "picker-appoint",
            button_key: "group-leader-appoint",
            anchor: "leaders",
            action: format!("/groups/{slug}/leaders"),
        },
        Action::CreateGroup(g.region_id),
    )
    .await?;
    let nominate = Finder::on(
        state,
        &ctx,
        Purpose {
            page: format!("/groups/{slug}"),
            field: "nominate",
            label_key: "picker-nominate",
            button_key: "coleader-nominate-button",
            anchor: "leaders",
            action: format!("/groups/{slug}/nominations"),
        },
        Action::ManageGroup { group: g.id, region: g.region_id },
    )
    .await?;
    let series = crate::services::series::of_group(&state.services, &g, can_manage).await?;
    let calendar_url = state.config.link(&format!("/groups/{slug}/events.ics"));
    let webcal_url = webcal(&calendar_url);
    let page = GroupPage {
        upcoming: upcoming.iter().map(|e| EventCard::new(e, &g)).collect(),
        past: past.iter().map(|e| EventCard::new(e, &g)).collect(),
        ctx,
        leaders,
        appoint,
        nominate,
        can_manage,
        can_appoint,
        calendar_url,
        webcal_url,
        group: g,
        errors: errors.clone(),
        health,
        health_svg,
        can_review,
        can_archive,
        move_to,
        notice,
        following,
        followers,
        series,
    };
    let html = page.render()?;
    if let Some(k) = key {
        state.page_cache.put(k, &html);
    }
    Ok(errors.respond(html))
}

#[derive(Deserialize)]
struct GroupPageQuery {
    #[serde(default)]
    done: String,
}

async fn group_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    Query(q): Query<GroupPageQuery>,
) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    let notice = match q.done.as_str() {
        "archived" => Some(ctx.t("group-archived-done")),
        "reactivated" => Some(ctx.t("group-reactivated-done")),
        "moved" => Some(ctx.t("group-moved-done")),
        "followed" => Some(ctx.t("follow-done")),
        "unfollowed" => Some(ctx.t("unfollow-done-here")),
        "saved" => Some(ctx.t("group-saved-done")),
        "coleader_on" => Some(ctx.t("coleader-wanted-on-done")),
        "coleader_off" => Some(ctx.t("coleader-wanted-off-done")),
        "nominated" => Some(ctx.t("coleader-nominated-done")),
        "review_on" => Some(ctx.t("review-group-on-done")),
        "review_off" => Some(ctx.t("review-group-off-done")),
        _ => None,
    };
    show_group(&state, ctx, &slug, errors, notice).await
}

#[derive(Template)]
#[template(path = "group_form.html")]
struct GroupForm {
    ctx: PageCtx,
    /// The first leaders' emails as typed (creating only).
    leaders: String,
    /// None when creating.
    slug: Option<String>,
    regions: Vec<Region>,
    region: String,
    f: GroupFields,
    errors: FormErrors,
}

async fn new_group(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    ctx.require()?;
    let regions = creatable(&ctx, &regions::list(state.services.db.reader()).await?);
    if regions.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let f = GroupFields { time_zone: "Europe/Lisbon".into(), ..Default::default() };
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(GroupForm { ctx, leaders: String::new(), slug: None, regions, region: String::new(), f, errors }.render()?)
        .into_response())
}

#[derive(Deserialize)]
struct NewGroupFields {
    #[serde(default)]
    region_id: String,
    /// UG-1: the first leaders, by email, separated by commas or lines.
    #[serde(default)]
    leaders: String,
    #[serde(flatten)]
    f: GroupFields,
}

async fn create_group(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(form): CsrfForm<NewGroupFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let result = match form.region_id.parse::<RegionId>() {
        Ok(region) => {
            let leaders: Vec<LeaderRef> = form
                .leaders
                .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                .filter(|e| !e.is_empty())
                .map(|e| LeaderRef::Email(e.to_owned()))
                .collect();
            group_service::create(&state.services, &actor, region, &form.f, &leaders).await
        }
        Err(_) => Err(DomainError::field("region_id", "region_unknown").into()),
    };
    match result {
        Ok(id) => {
            let g = groups::by_id(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
            Ok(Redirect::to(&format!("/groups/{}", g.profile.slug)).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            let regions = creatable(&ctx, &regions::list(state.services.db.reader()).await?);
            let page = GroupForm {
                ctx,
                leaders: form.leaders,
                slug: None,
                regions,
                region: form.region_id,
                f: form.f,
                errors: errors.clone(),
            };
            Ok(errors.respond(page.render()?))
        }
    }
}

async fn edit_group(State(state): State<AppState>, ctx: PageCtx, Path(slug): Path<Slug>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    authorize(&actor, Action::ManageGroup { group: g.id, region: g.region_id })?;
    let p = &g.profile;
    let f = GroupFields {
        name: p.name.to_string(),
        slug: p.slug.to_string(),
        city: p.city.to_string(),
        country: p.country.code().to_owned(),
        time_zone: p.time_zone.name().to_owned(),
        description: p.description.to_string(),
    };
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(
        GroupForm {
            ctx,
            leaders: String::new(),
            slug: Some(slug.as_str().to_owned()),
            regions: vec![],
            region: String::new(),
            f,
            errors,
        }
        .render()?,
    )
    .into_response())
}

async fn update_group(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(f): CsrfForm<GroupFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    match group_service::update(&state.services, &actor, g.id, &f).await {
        Ok(g) => Ok(Redirect::to(&format!("/groups/{}?done=saved", g.profile.slug)).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            let page = GroupForm {
                ctx,
                leaders: String::new(),
                slug: Some(slug.as_str().to_owned()),
                regions: vec![],
                region: String::new(),
                f,
                errors: errors.clone(),
            };
            Ok(errors.respond(page.render()?))
        }
    }
}

#[derive(Deserialize)]
struct LeaderForm {
    #[serde(default)]
    email: String,
    /// A person chosen by name in the picker.
    #[serde(default)]
    member: String,
}

async fn add_leader(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(f): CsrfForm<LeaderForm>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    let who = match f.member.parse::<MemberId>() {
        Ok(id) => LeaderRef::Member(id),
        Err(_) => LeaderRef::Email(f.email),
    };
    match group_service::add_leader(&state.services, &actor, g.id, &who).await {
        Ok(_) => Ok(Redirect::to(&format!("/groups/{slug}#leaders")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_group(&state, ctx, &slug, errors, None).await
        }
    }
}

async fn remove_leader(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, member)): Path<(Slug, MemberId)>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    match group_service::remove_leader(&state.services, &actor, g.id, member).await {
        Ok(()) => Ok(Redirect::to(&format!("/groups/{slug}#leaders")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_group(&state, ctx, &slug, errors, None).await
        }
    }
}
