//! Showing a form's problems next to its fields.

use guildhall_domain::{DomainError, FieldError};

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use crate::error::{status_of, AppError};
use crate::i18n::Tr;

/// Whether a refusal is told on the form that caused it (the person can
/// act on it there) rather than as an error page: every conflict, limit
/// and used link, by its kind, so a new variant is never silent (PL-13).
fn said_on_the_form(e: &DomainError) -> bool {
    use guildhall_domain::ErrorKind as K;
    match e.kind() {
        K::Conflict | K::RateLimited | K::Gone => true,
        K::Invalid => !matches!(e, DomainError::InvalidId),
        K::Unauthenticated | K::Forbidden | K::NotFound | K::TooLarge => {
            matches!(e, DomainError::BadCredentials | DomainError::EmailNotVerified | DomainError::UnknownSetting)
        }
    }
}

/// A form whose button is the whole request (remove, delete, claim): only
/// its CSRF token is sent.
#[derive(serde::Deserialize)]
pub struct NoFields {}

/// Translated problems of a submitted form.
#[derive(Clone, Debug, Default)]
pub struct FormErrors {
    tr: Tr,
    fields: Vec<FieldError>,
    /// A problem with the form as a whole (wrong password, rate limit...).
    pub general: Option<String>,
    status: StatusCode,
    retry_after: Option<u64>,
}

impl FormErrors {
    pub fn none(tr: Tr) -> Self {
        Self { tr, fields: vec![], general: None, status: StatusCode::OK, retry_after: None }
    }

    /// One message about the form as a whole, answered with `status`.
    pub fn general(tr: Tr, message: String, status: StatusCode) -> Self {
        Self { tr, fields: vec![], general: Some(message), status, retry_after: None }
    }

    /// Turns a user's mistake into form errors; anything else stays an error.
    pub fn from_error(tr: Tr, err: AppError) -> Result<Self, AppError> {
        let (status, retry_after) = match &err {
            AppError::Domain(d @ DomainError::RateLimited { retry_after_secs }) => {
                (status_of(d), Some(*retry_after_secs))
            }
            AppError::Domain(d) => (status_of(d), None),
            AppError::Internal(_) | AppError::Unavailable(_) => (StatusCode::INTERNAL_SERVER_ERROR, None),
        };
        match err {
            AppError::Domain(DomainError::Invalid(fields)) => {
                Ok(Self { tr, fields, general: None, status, retry_after })
            }
            AppError::Domain(e) if said_on_the_form(&e) => {
                Ok(Self { tr, fields: vec![], general: Some(tr.domain_error(&e)), status, retry_after })
            }
            other => Err(other),
        }
    }

    /// Keeps the problems of the fields a page shows beside them and moves
    /// every other one into the general message, so no refusal is silent on
    /// a page without that field (a button's action, another form's field).
    pub fn shown_on(mut self, fields: &[&str]) -> Self {
        let (shown, hidden): (Vec<FieldError>, Vec<FieldError>) =
            self.fields.into_iter().partition(|f| fields.contains(&f.field));
        self.fields = shown;
        let moved: Vec<String> = hidden.iter().map(|f| self.tr.field(f.code)).collect();
        if !moved.is_empty() {
            let general = self.general.take().into_iter().chain(moved).collect::<Vec<_>>().join(" ");
            self.general = Some(general);
        }
        self
    }

    /// The message for one field, if it has a problem.
    pub fn get(&self, field: &str) -> Option<String> {
        self.fields.iter().find(|f| f.field == field).map(|f| self.tr.field(f.code))
    }

    /// The page re-shown with the right status (and `Retry-After` when
    /// rate limited).
    pub fn respond(&self, html: String) -> Response {
        let mut res = (self.status, Html(html)).into_response();
        if let Some(secs) = self.retry_after {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(RETRY_AFTER, v);
            }
        }
        res
    }

    pub fn any(&self) -> bool {
        self.general.is_some() || !self.fields.is_empty()
    }
}

/// After a form's change: on success go to `to`; on a user's mistake
/// re-show the page through `reshow` with the problems; anything else is
/// an error page. The one shape every form handler shares.
pub async fn redirect_or_reshow<F>(
    ctx: crate::web::ctx::PageCtx,
    result: Result<(), AppError>,
    to: &str,
    reshow: F,
) -> Result<Response, AppError>
where
    F: AsyncFnOnce(crate::web::ctx::PageCtx, FormErrors) -> Result<Response, AppError>,
{
    match result {
        Ok(()) => Ok(axum::response::Redirect::to(to).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            reshow(ctx, errors).await
        }
    }
}
