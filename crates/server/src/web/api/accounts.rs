//! `/api/v1/me`, `/api/v1/members/{id}`, `/api/v1/messages`.

use crate::web::path::Path;
use axum::extract::State;
use axum::Json;
use guildhall_domain::access::{authorize, Action, Role};
use guildhall_domain::ids::MemberId;
use guildhall_domain::DomainError;
use guildhall_storage::members::{self, Member};
use guildhall_storage::outbox;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ApiJson;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::accounts::{self, ProfileChange};
use crate::services::email_preferences as email_service;
use guildhall_domain::email_topic::Topic;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me, update_me, super::erasure::delete_me))
        .routes(routes!(member))
        .routes(routes!(messages))
        .routes(routes!(email_preferences, set_email_preferences))
}

/// A member's account. Roles are `{"role": name, "scope": id}`.
#[derive(Serialize, ToSchema)]
pub struct MemberBody {
    #[schema(value_type = String)]
    id: MemberId,
    email: String,
    name: String,
    email_verified: bool,
    locale: &'static str,
    time_zone: &'static str,
    #[schema(value_type = Vec<Object>)]
    roles: Vec<Role>,
}

fn body(m: &Member, roles: Vec<Role>) -> MemberBody {
    MemberBody {
        id: m.id,
        email: m.email.to_string(),
        name: m.name.to_string(),
        email_verified: m.email_verified_at.is_some(),
        locale: m.locale.code(),
        time_zone: m.time_zone.name(),
        roles,
    }
}

/// The caller's own account.
#[utoipa::path(get, path = "/v1/me", tag = "members", responses((status = 200, body = MemberBody), (status = 401, body = super::Problem)))]
pub async fn me(ApiUser(u): ApiUser) -> Json<MemberBody> {
    Json(body(&u.member, u.actor.roles.clone()))
}

#[derive(Deserialize, ToSchema)]
pub struct ProfilePatch {
    name: Option<String>,
    locale: Option<String>,
    time_zone: Option<String>,
}

/// Changes the caller's name, language or time zone.
#[utoipa::path(patch, path = "/v1/me", tag = "members", request_body = ProfilePatch,
    responses((status = 200, body = MemberBody), (status = 422, body = super::Problem)))]
pub async fn update_me(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(p): ApiJson<ProfilePatch>,
) -> AppResult<Json<MemberBody>> {
    let m = &u.member;
    let change = ProfileChange::parse(
        p.name.as_deref().unwrap_or(m.name.as_str()),
        p.locale.as_deref().unwrap_or(m.locale.code()),
        p.time_zone.as_deref().unwrap_or(m.time_zone.name()),
    )?;
    accounts::update_profile(&state.services, &u.actor, m.id, change).await?;
    let updated = members::by_id(state.services.db.reader(), m.id).await?.ok_or(DomainError::NotFound)?;
    Ok(Json(body(&updated, u.actor.roles.clone())))
}

/// A member's account (themselves or admins).
#[utoipa::path(get, path = "/v1/members/{id}", tag = "members", params(("id" = String, Path)),
    responses((status = 200, body = MemberBody), (status = 403, body = super::Problem), (status = 404, body = super::Problem)))]
pub async fn member(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<MemberId>,
) -> AppResult<Json<MemberBody>> {
    authorize(&u.actor, Action::ReadAccount(id))?;
    let m = members::by_id(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let roles = members::roles(state.services.db.reader(), id).await?;
    Ok(Json(body(&m, roles)))
}

/// An email sent to the caller (PL-4).
#[derive(Serialize, ToSchema)]
pub struct MessageBody {
    id: String,
    subject: String,
    body: String,
    state: String,
    created_at: String,
    sent_at: Option<String>,
}

/// The emails sent to the caller, newest first.
#[utoipa::path(get, path = "/v1/messages", tag = "members", responses((status = 200, body = [MessageBody])))]
pub async fn messages(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<MessageBody>>> {
    authorize(&u.actor, Action::ReadMessages(u.member.id))?;
    let list = outbox::for_recipient(state.services.db.reader(), u.member.id, 200).await?;
    Ok(Json(
        list.into_iter()
            .map(|m| MessageBody {
                id: m.id.to_string(),
                subject: m.subject,
                body: m.body_text,
                state: m.state,
                created_at: m.created_at.to_rfc3339(),
                sent_at: m.sent_at.map(|t| t.to_rfc3339()),
            })
            .collect(),
    ))
}

/// Each optional email topic and whether it is sent (PL-4, UG-15).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct EmailPreferencesBody {
    /// Reminders before events one registered for.
    reminders: bool,
    /// Messages from the organizers of one's events.
    announcements: bool,
}

fn preferences_body(topics: &[(Topic, bool)]) -> EmailPreferencesBody {
    let on = |t: Topic| topics.iter().any(|(x, send)| *x == t && *send);
    EmailPreferencesBody { reminders: on(Topic::Reminders), announcements: on(Topic::Announcements) }
}

/// The caller's optional emails; essential ones always go out.
#[utoipa::path(get, path = "/v1/me/email-preferences", tag = "accounts",
    responses((status = 200, body = EmailPreferencesBody), (status = 401, body = super::Problem)))]
pub async fn email_preferences(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
) -> AppResult<Json<EmailPreferencesBody>> {
    let topics = email_service::of(&state.services, &u.actor, u.actor.member_id).await?;
    Ok(Json(preferences_body(&topics)))
}

/// Sets the caller's optional emails.
#[utoipa::path(put, path = "/v1/me/email-preferences", tag = "accounts", request_body = EmailPreferencesBody,
    responses((status = 200, body = EmailPreferencesBody), (status = 401, body = super::Problem), (status = 422, body = super::Problem)))]
pub async fn set_email_preferences(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<EmailPreferencesBody>,
) -> AppResult<Json<EmailPreferencesBody>> {
    let mut send = std::collections::HashSet::new();
    if b.reminders {
        send.insert(Topic::Reminders);
    }
    if b.announcements {
        send.insert(Topic::Announcements);
    }
    email_service::set(&state.services, &u.actor, u.actor.member_id, &send).await?;
    let topics = email_service::of(&state.services, &u.actor, u.actor.member_id).await?;
    Ok(Json(preferences_body(&topics)))
}
