//! One application error. Handlers return it; [`crate::web::errors`] turns
//! it into an HTML page for browsers or `application/problem+json`
//! (RFC 9457) for the API, in the viewer's language.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use guildhall_domain::DomainError;
use guildhall_storage::StorageError;

/// An error as handlers and services see it.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// Something went wrong on our side; logged with its cause, never shown.
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Rule(d) => Self::Domain(d),
            other => Self::Internal(other.into()),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(e.into())
    }
}

/// The HTTP status for a domain error.
pub fn status_of(e: &DomainError) -> StatusCode {
    match e {
        DomainError::Invalid(_) | DomainError::InvalidId => StatusCode::UNPROCESSABLE_ENTITY,
        DomainError::EmailTaken
        | DomainError::RegionNameTaken
        | DomainError::SlugTaken
        | DomainError::AlreadyRegistered
        | DomainError::RegistrationClosed
        | DomainError::EventStateConflict { .. }
        | DomainError::VenueNotNeutral { .. }
        | DomainError::SessionsNotApproved { .. }
        | DomainError::StateConflict { .. }
        | DomainError::OpenApplicationExists
        | DomainError::ClaimExists => StatusCode::CONFLICT,
        DomainError::OverCap { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        DomainError::TicketInvalid => StatusCode::UNPROCESSABLE_ENTITY,
        DomainError::BadCredentials | DomainError::Unauthenticated => StatusCode::UNAUTHORIZED,
        DomainError::EmailNotVerified | DomainError::Forbidden | DomainError::CsrfRejected => StatusCode::FORBIDDEN,
        DomainError::LinkInvalid => StatusCode::GONE,
        DomainError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        DomainError::NotFound | DomainError::UnknownSetting => StatusCode::NOT_FOUND,
        DomainError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
    }
}

/// Carried in a response's extensions so the error layer can render it.
#[derive(Clone, Debug)]
pub struct ErrorReport(pub Option<DomainError>);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, report) = match self {
            AppError::Domain(d) => (status_of(&d), ErrorReport(Some(d))),
            AppError::Internal(e) => {
                tracing::error!(error = format!("{e:#}"), "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorReport(None))
            }
        };
        let mut res = status.into_response();
        if let ErrorReport(Some(DomainError::RateLimited { retry_after_secs })) = &report {
            if let Ok(v) = retry_after_secs.to_string().parse() {
                res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
        }
        res.extensions_mut().insert(report);
        res
    }
}

/// Handlers' result type.
pub type AppResult<T> = Result<T, AppError>;
