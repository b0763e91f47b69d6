//! Groups, leaders, venues and member creation over the API (UG-1, PL-6).

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::access::Role;
use guildhall_domain::group::GroupFields;
use guildhall_domain::ids::{MemberId, RegionId};
use guildhall_domain::values::Country;
use guildhall_domain::values::Slug;
use guildhall_domain::venue::{VenueFields, VenueKind, VenueProfile};
use guildhall_domain::DomainError;
use guildhall_storage::groups::{self, Group, GroupQuery};
use guildhall_storage::members;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Created};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::groups::{self as group_service, LeaderRef};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_groups, create_group))
        .routes(routes!(get_group))
        .routes(routes!(add_leader))
        .routes(routes!(remove_leader))
        .routes(routes!(create_member))
        .routes(routes!(list_venues, create_venue))
}

/// A user group (UG-1). Leaders are shown by name only (UG-3).
#[derive(Serialize, ToSchema)]
pub struct GroupBody {
    id: String,
    slug: String,
    name: String,
    city: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    /// IANA time zone; event times are entered and shown in it.
    time_zone: String,
    description: String,
    region_id: String,
    region: String,
    /// active, needs_support or archived (UG-10).
    status: String,
    /// UG-4: the leaders are looking for a co-leader.
    coleader_wanted: bool,
    /// UG-6: the group's new events have their sessions reviewed.
    review_required: bool,
    leaders: Vec<LeaderBody>,
    url: String,
    calendar_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct LeaderBody {
    id: String,
    name: String,
}

pub(super) async fn body(state: &AppState, g: Group) -> AppResult<GroupBody> {
    let leaders = members::holders(state.services.db.reader(), Role::GroupLeader(g.id)).await?;
    Ok(body_with(state, g, leaders))
}

fn body_with(state: &AppState, g: Group, leaders: Vec<members::Member>) -> GroupBody {
    let slug = g.profile.slug.to_string();
    GroupBody {
        id: g.id.to_string(),
        url: state.config.link(&format!("/groups/{slug}")),
        calendar_url: state.config.link(&format!("/groups/{slug}/events.ics")),
        slug,
        name: g.profile.name.to_string(),
        city: g.profile.city.to_string(),
        country: g.profile.country.code().to_owned(),
        time_zone: g.profile.time_zone.name().to_owned(),
        description: g.profile.description.to_string(),
        region_id: g.region_id.to_string(),
        region: g.region_name,
        status: g.status.as_str().to_owned(),
        coleader_wanted: g.coleader_wanted,
        review_required: g.review_required,
        leaders: leaders.into_iter().map(|m| LeaderBody { id: m.id.to_string(), name: m.name.to_string() }).collect(),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GroupSearch {
    /// Matches the name or the city.
    q: Option<String>,
    region_id: Option<String>,
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
    #[serde(default)]
    offset: i64,
}

/// The group directory (PL-5): open to everyone.
#[utoipa::path(get, path = "/v1/groups", tag = "groups", params(GroupSearch),
    responses((status = 200, body = [GroupBody])), security(()))]
pub async fn list_groups(
    State(state): State<AppState>,
    Query(q): Query<GroupSearch>,
) -> AppResult<Json<Vec<GroupBody>>> {
    let region = match q.region_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(r) => Some(r.parse::<RegionId>().map_err(|_| DomainError::field("region_id", "region_unknown"))?),
        None => None,
    };
    let country = match q.country.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(c) => Some(Country::parse(c)?),
        None => None,
    };
    let query = GroupQuery { text: q.q.filter(|t| !t.trim().is_empty()), region, country };
    let list = groups::search(state.services.db.reader(), &query, 100, q.offset.max(0)).await?;
    // All the page's leaders in one query, not one per group.
    let ids: Vec<_> = list.iter().map(|g| g.id).collect();
    let mut leaders: std::collections::HashMap<String, Vec<members::Member>> = std::collections::HashMap::new();
    for (group, m) in members::leaders_of(state.services.db.reader(), &ids).await? {
        leaders.entry(group).or_default().push(m);
    }
    let out = list
        .into_iter()
        .map(|g| {
            let mine = leaders.remove(&g.id.to_string()).unwrap_or_default();
            body_with(&state, g, mine)
        })
        .collect();
    Ok(Json(out))
}

/// A new group: its region and its UG-1 facts. An empty slug is made
/// from the name.
#[derive(Deserialize, ToSchema)]
pub struct NewGroup {
    region_id: String,
    #[serde(flatten)]
    #[schema(inline)]
    fields: GroupFieldsDoc,
    /// Emails of the first leaders, members already: at least one (UG-1).
    /// The group and its leaders are created together or not at all.
    #[serde(default)]
    leaders: Vec<String>,
}

/// The fields of a group.
#[derive(Deserialize, ToSchema, Default)]
pub struct GroupFieldsDoc {
    #[serde(default)]
    name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    description: String,
}

impl GroupFieldsDoc {
    fn fields(&self) -> GroupFields {
        GroupFields {
            name: self.name.clone(),
            slug: self.slug.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            time_zone: self.time_zone.clone(),
            description: self.description.clone(),
        }
    }
}

/// Creates a group (admins, and the region's community managers).
#[utoipa::path(post, path = "/v1/groups", tag = "groups", request_body = NewGroup,
    responses((status = 201, body = GroupBody), (status = 403, body = super::Problem), (status = 409, body = super::Problem),
        (status = 422, body = super::Problem)))]
pub async fn create_group(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<NewGroup>,
) -> AppResult<(StatusCode, Json<GroupBody>)> {
    let region: RegionId = b.region_id.parse().map_err(|_| DomainError::field("region_id", "region_unknown"))?;
    let leaders: Vec<LeaderRef> = b.leaders.iter().map(|e| LeaderRef::Email(e.clone())).collect();
    let id = group_service::create(&state.services, &u.actor, region, &b.fields.fields(), &leaders).await?;
    let g = groups::by_id(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    Ok((StatusCode::CREATED, Json(body(&state, g).await?)))
}

#[utoipa::path(get, path = "/v1/groups/{slug}", tag = "groups", params(("slug" = String, Path)),
    responses((status = 200, body = GroupBody), (status = 404, body = super::Problem)), security(()))]
pub async fn get_group(State(state): State<AppState>, Path(slug): Path<Slug>) -> AppResult<Json<GroupBody>> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    Ok(Json(body(&state, g).await?))
}

/// Removes a leader (admins and the region's community managers). The
/// last leader is replaced, not removed: 409 `last_leader` (UG-1).
#[utoipa::path(delete, path = "/v1/groups/{slug}/leaders/{member_id}", tag = "groups",
    params(("slug" = String, Path), ("member_id" = String, Path)),
    responses((status = 200, body = GroupBody), (status = 403, body = super::Problem), (status = 404, body = super::Problem), (status = 409, body = super::Problem)))]
pub async fn remove_leader(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((slug, member)): Path<(Slug, MemberId)>,
) -> AppResult<Json<GroupBody>> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    group_service::remove_leader(&state.services, &u.actor, g.id, member).await?;
    let g = groups::by_id(state.services.db.reader(), g.id).await?.ok_or(DomainError::NotFound)?;
    Ok(Json(body(&state, g).await?))
}

/// Who to appoint: a member id or an email.
#[derive(Deserialize, ToSchema)]
pub struct NewLeader {
    member_id: Option<String>,
    email: Option<String>,
}

/// Appoints a leader (admins and the region's community managers); the
/// leader is emailed.
#[utoipa::path(post, path = "/v1/groups/{slug}/leaders", tag = "groups", params(("slug" = String, Path)),
    request_body = NewLeader,
    responses((status = 200, body = GroupBody), (status = 403, body = super::Problem), (status = 422, body = super::Problem)))]
pub async fn add_leader(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<NewLeader>,
) -> AppResult<Json<GroupBody>> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let who = match (b.member_id, b.email) {
        (Some(m), _) => {
            LeaderRef::Member(m.parse::<MemberId>().map_err(|_| DomainError::field("member_id", "member_not_found"))?)
        }
        (None, Some(e)) => LeaderRef::Email(e),
        (None, None) => return Err(DomainError::field("member_id", "required").into()),
    };
    group_service::add_leader(&state.services, &u.actor, g.id, &who).await?;
    let g = groups::by_id(state.services.db.reader(), g.id).await?.ok_or(DomainError::NotFound)?;
    Ok(Json(body(&state, g).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct NewMember {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
}

/// Creates a verified member (admins).
#[utoipa::path(post, path = "/v1/members", tag = "members", request_body = NewMember,
    responses((status = 201, body = Created), (status = 403, body = super::Problem), (status = 409, body = super::Problem),
        (status = 422, body = super::Problem)))]
pub async fn create_member(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<NewMember>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = group_service::create_member(&state.services, &u.actor, &b.email, &b.name).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
}

/// A venue of the shared registry (UG-7).
#[derive(Deserialize, ToSchema)]
pub struct NewVenue {
    #[serde(default)]
    name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    country: String,
    /// coworking, university, public_venue, event_space, online,
    /// partner_office, client_office, vendor_office or other. Events at a
    /// partner's or client's office cannot be published (UG-7).
    #[serde(default)]
    kind: String,
    /// How many people fit, if known.
    capacity: Option<u32>,
    /// Step-free access, hearing loops, quiet rooms...
    #[serde(default)]
    accessibility: String,
}

/// Adds a venue (leaders and community managers).
#[utoipa::path(post, path = "/v1/venues", tag = "groups", request_body = NewVenue,
    responses((status = 201, body = Created), (status = 403, body = super::Problem), (status = 422, body = super::Problem)))]
pub async fn create_venue(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<NewVenue>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let profile = VenueProfile::parse(&VenueFields {
        name: b.name,
        address: b.address,
        city: b.city,
        country: b.country,
        kind: b.kind,
        capacity: b.capacity.map(|c| c.to_string()).unwrap_or_default(),
        accessibility: b.accessibility,
    })?;
    let id = group_service::add_venue(&state.services, &u.actor, &profile).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
}

/// A venue of the shared registry (UG-7).
#[derive(Serialize, ToSchema)]
pub struct RegistryVenue {
    id: String,
    name: String,
    address: String,
    city: String,
    country: String,
    /// One of the kinds listed for `POST /v1/venues`.
    kind: String,
    /// False for partner and client offices: events there cannot be published.
    neutral: bool,
    capacity: Option<u32>,
    accessibility: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VenueQuery {
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
    kind: Option<String>,
}

/// The shared venue registry, optionally by country and kind (signed in).
#[utoipa::path(get, path = "/v1/venues", tag = "groups", params(VenueQuery),
    responses((status = 200, body = [RegistryVenue]), (status = 401, body = super::Problem)))]
pub async fn list_venues(
    State(state): State<AppState>,
    ApiUser(_u): ApiUser,
    Query(q): Query<VenueQuery>,
) -> AppResult<Json<Vec<RegistryVenue>>> {
    let country = q.country.as_deref().filter(|c| !c.is_empty()).map(Country::parse).transpose()?;
    let kind = q.kind.as_deref().filter(|k| !k.is_empty()).map(VenueKind::parse).transpose()?;
    let list = guildhall_storage::venues::search(state.services.db.reader(), country, kind).await?;
    Ok(Json(
        list.into_iter()
            .map(|v| RegistryVenue {
                id: v.id.to_string(),
                name: v.profile.name.to_string(),
                address: v.profile.address.to_string(),
                city: v.profile.city.to_string(),
                country: v.profile.country.code().to_owned(),
                kind: v.profile.kind.as_str().to_owned(),
                neutral: v.profile.kind.is_neutral(),
                capacity: v.profile.capacity,
                accessibility: v.profile.accessibility.to_string(),
            })
            .collect(),
    ))
}
