//! Sign-up, verification, sign-in (password or emailed link), password
//! reset and sign-out (PL-1).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use guildhall_domain::account::LinkPurpose;
use guildhall_domain::ids::MemberId;
use serde::Deserialize;

use super::{ClientIp, FormErrors};
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::auth::identity::SESSION_COOKIE;
use crate::error::{AppError, AppResult};
use crate::services::accounts::{self, SignUp};
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signup", get(signup_page).post(signup))
        .route("/verify", get(verify_page).post(verify))
        .route("/signin", get(signin_page).post(signin))
        .route("/signin/email-link", post(request_signin_link))
        .route("/signin/link", get(link_page).post(redeem_link))
        .route("/signout", post(signout))
        .route("/password/forgot", get(forgot_page).post(forgot))
        .route("/password/reset", get(reset_page).post(reset))
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignUpPage {
    ctx: PageCtx,
    errors: FormErrors,
    email: String,
    name: String,
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage {
    ctx: PageCtx,
    errors: FormErrors,
    email: String,
    next: String,
}

#[derive(Template)]
#[template(path = "notice.html")]
struct NoticePage {
    ctx: PageCtx,
    title: String,
    message: String,
}

#[derive(Template)]
#[template(path = "link_confirm.html")]
struct LinkConfirmPage {
    ctx: PageCtx,
    token: String,
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    ctx: PageCtx,
    errors: FormErrors,
    token: String,
}

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage {
    ctx: PageCtx,
    errors: FormErrors,
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    ctx: PageCtx,
    errors: FormErrors,
    token: String,
    /// Arrived from confirming the address without the sign-up's password.
    verified: bool,
}

fn notice(ctx: PageCtx, title_key: &str, message_key: &str) -> AppResult<Response> {
    let page = NoticePage { title: ctx.t(title_key), message: ctx.t(message_key), ctx };
    Ok(Html(page.render()?).into_response())
}

/// Signs `member` in: a fresh session cookie, then on to `next`.
async fn sign_in_as(state: &AppState, jar: CookieJar, member: MemberId, next: &str) -> AppResult<Response> {
    // A new session id at every sign-in; a session the browser already
    // had ends, so an id planted before sign-in is worth nothing after.
    if let Some(old) = jar.get(SESSION_COOKIE) {
        accounts::end_session(&state.services, old.value()).await?;
    }
    let token = accounts::start_session(&state.services, member).await?;
    let secure = state.config.public_url.scheme() == "https";
    let cookie = Cookie::build((SESSION_COOKIE, token))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .build();
    Ok((jar.add(cookie), Redirect::to(safe_next(next))).into_response())
}

/// Only local paths are followed after sign-in (no open redirect): one
/// leading `/`, then no second `/` or `\\` right after it (browsers read
/// `/\\host` and `/\t/host` as another site, since they drop tabs and line
/// breaks), and no control character or backslash anywhere.
pub(super) fn safe_next(next: &str) -> &str {
    let local =
        next.starts_with('/') && !next[1..].starts_with('/') && !next.chars().any(|c| c.is_control() || c == '\\');
    if local {
        next
    } else {
        "/"
    }
}

async fn signup_page(ctx: PageCtx) -> AppResult<Html<String>> {
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(SignUpPage { ctx, errors, email: String::new(), name: String::new() }.render()?))
}

#[derive(Deserialize)]
struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    /// Filled in by the page's script from the browser (PL-13).
    #[serde(default)]
    time_zone: String,
}

async fn signup(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientIp(client): ClientIp,
    CsrfForm(form): CsrfForm<SignUpForm>,
) -> AppResult<Response> {
    let result = match SignUp::parse(&form.email, &form.name, &form.password, ctx.tr.locale()) {
        Ok(parsed) => accounts::sign_up(&state.services, parsed.in_zone(&form.time_zone), &client).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(()) => notice(ctx, "signup-done-title", "signup-done-body"),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.clone().respond(SignUpPage { ctx, errors, email: form.email, name: form.name }.render()?))
        }
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The emailed verification link asks for a click (and the sign-up's
/// password) rather than acting on GET: a mail scanner opening it uses
/// nothing up, and whoever did not choose the password cannot keep it.
async fn verify_page(ctx: PageCtx, Query(q): Query<TokenQuery>) -> AppResult<Html<String>> {
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(VerifyPage { ctx, errors, token: q.token }.render()?))
}

#[derive(Deserialize)]
struct VerifyForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

async fn verify(
    State(state): State<AppState>,
    jar: CookieJar,
    ctx: PageCtx,
    CsrfForm(form): CsrfForm<VerifyForm>,
) -> AppResult<Response> {
    match accounts::verify_email(&state.services, &form.token, &form.password).await {
        Ok(accounts::Verified::SignedIn(member)) => sign_in_as(&state, jar, member, "/account?verified=1").await,
        Ok(accounts::Verified::ChoosePassword(token)) => {
            Ok(Redirect::to(&format!("/password/reset?token={token}&verified=1")).into_response())
        }
        Err(AppError::Domain(guildhall_domain::DomainError::LinkInvalid)) => {
            let page = NoticePage { title: ctx.t("link-invalid-title"), message: ctx.tr.error("link_invalid"), ctx };
            Ok((StatusCode::GONE, Html(page.render()?)).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.clone().respond(VerifyPage { ctx, errors, token: form.token }.render()?))
        }
    }
}

#[derive(Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

async fn signin_page(ctx: PageCtx, Query(q): Query<NextQuery>) -> AppResult<Html<String>> {
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(SignInPage { ctx, errors, email: String::new(), next: q.next }.render()?))
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn signin(
    State(state): State<AppState>,
    jar: CookieJar,
    ctx: PageCtx,
    ClientIp(client): ClientIp,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> AppResult<Response> {
    match accounts::sign_in_with_password(&state.services, &form.email, &form.password, &client).await {
        Ok(member) => sign_in_as(&state, jar, member, &form.next).await,
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.clone().respond(SignInPage { ctx, errors, email: form.email, next: form.next }.render()?))
        }
    }
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

async fn request_signin_link(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientIp(client): ClientIp,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> AppResult<Response> {
    match accounts::request_link(&state.services, &form.email, LinkPurpose::SignIn, &client).await {
        Ok(()) => notice(ctx, "link-sent-title", "link-sent-body"),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.clone().respond(SignInPage { ctx, errors, email: form.email, next: String::new() }.render()?))
        }
    }
}

/// The emailed link shows a button rather than signing in on GET, so mail
/// scanners that open links do not use it up.
async fn link_page(ctx: PageCtx, Query(q): Query<TokenQuery>) -> AppResult<Html<String>> {
    Ok(Html(LinkConfirmPage { ctx, token: q.token }.render()?))
}

async fn redeem_link(
    State(state): State<AppState>,
    jar: CookieJar,
    ctx: PageCtx,
    CsrfForm(form): CsrfForm<TokenQuery>,
) -> AppResult<Response> {
    match accounts::sign_in_with_link(&state.services, &form.token).await {
        Ok(member) => sign_in_as(&state, jar, member, "/").await,
        Err(AppError::Domain(guildhall_domain::DomainError::LinkInvalid)) => {
            let page = NoticePage { title: ctx.t("link-invalid-title"), message: ctx.tr.error("link_invalid"), ctx };
            Ok((StatusCode::GONE, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn signout(
    State(state): State<AppState>,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    if let Some(c) = jar.get(SESSION_COOKIE) {
        accounts::end_session(&state.services, c.value()).await?;
    }
    Ok((jar.remove(Cookie::build(SESSION_COOKIE).path("/")), Redirect::to("/")).into_response())
}

async fn forgot_page(ctx: PageCtx) -> AppResult<Html<String>> {
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(ForgotPage { ctx, errors }.render()?))
}

async fn forgot(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientIp(client): ClientIp,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> AppResult<Response> {
    match accounts::request_link(&state.services, &form.email, LinkPurpose::ResetPassword, &client).await {
        Ok(()) => notice(ctx, "reset-sent-title", "reset-sent-body"),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.clone().respond(ForgotPage { ctx, errors }.render()?))
        }
    }
}

#[derive(Deserialize)]
struct ResetQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    verified: Option<String>,
}

async fn reset_page(ctx: PageCtx, Query(q): Query<ResetQuery>) -> AppResult<Html<String>> {
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(ResetPage { ctx, errors, token: q.token, verified: q.verified.is_some() }.render()?))
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    revoke_tokens: Option<String>,
}

async fn reset(
    State(state): State<AppState>,
    jar: CookieJar,
    ctx: PageCtx,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> AppResult<Response> {
    match accounts::reset_password(&state.services, &form.token, &form.password, form.revoke_tokens.is_some()).await {
        Ok(member) => sign_in_as(&state, jar, member, "/account").await,
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            Ok(errors.clone().respond(ResetPage { ctx, errors, token: form.token, verified: false }.render()?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn pl1_next_after_sign_in_is_a_local_path_only() {
        for ok in ["/", "/events/1", "/account?verified=1", "/groups/lisboa-net#events"] {
            assert_eq!(safe_next(ok), ok);
        }
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/a\r\nSet-Cookie: x",
            "https://evil.example",
            "evil",
            "",
            "/x\\y",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
    }
}
