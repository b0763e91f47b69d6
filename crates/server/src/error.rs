//! One application error. Handlers return it; [`crate::web::errors`] turns
//! it into an HTML page for browsers or `application/problem+json`
//! (RFC 9457) for the API, in the viewer's language.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use guildhall_domain::{DomainError, ErrorKind};
use guildhall_storage::StorageError;

/// An error as handlers and services see it.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// Something went wrong on our side; logged with its cause, never shown.
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
    /// The database could not be reached for a moment (see
    /// [`database_unavailable`]); answered 503 with Retry-After.
    #[error("database unavailable: {0:#}")]
    Unavailable(anyhow::Error),
}

impl AppError {
    /// The same error with the problems of field `from` reported on `to`:
    /// for a page with two forms whose fields share a name.
    pub fn renamed(self, from: &str, to: &'static str) -> Self {
        match self {
            Self::Domain(d) => Self::Domain(d.renamed(from, to)),
            other => other,
        }
    }
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

/// The HTTP status for a domain error, from its kind (classified once in
/// the domain).
pub fn status_of(e: &DomainError) -> StatusCode {
    match e.kind() {
        ErrorKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Gone => StatusCode::GONE,
        ErrorKind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
    }
}

/// Carried in a response's extensions so the error layer can render it.
#[derive(Clone, Debug)]
pub struct ErrorReport(pub Option<DomainError>);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let unavailable = self.is_unavailable();
        let (status, report) = match self {
            AppError::Domain(d) => (status_of(&d), ErrorReport(Some(d))),
            AppError::Internal(e) | AppError::Unavailable(e) if unavailable => {
                tracing::warn!(error = format!("{e:#}"), "database unavailable");
                (StatusCode::SERVICE_UNAVAILABLE, ErrorReport(None))
            }
            AppError::Internal(e) | AppError::Unavailable(e) => {
                tracing::error!(error = format!("{e:#}"), "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorReport(None))
            }
        };
        let retry_after = match &report {
            ErrorReport(Some(DomainError::RateLimited { retry_after_secs })) => Some(*retry_after_secs),
            _ if unavailable => Some(RETRY_UNAVAILABLE_SECS),
            _ => None,
        };
        let mut res = status.into_response();
        if let Some(v) = retry_after.and_then(|s| s.to_string().parse().ok()) {
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
        }
        res.extensions_mut().insert(report);
        res
    }
}

impl AppError {
    /// True for [`AppError::Unavailable`] and for an internal error caused by
    /// the database being unreachable ([`database_unavailable`]).
    pub fn is_unavailable(&self) -> bool {
        match self {
            AppError::Unavailable(_) => true,
            AppError::Internal(e) => database_unavailable(e),
            AppError::Domain(_) => false,
        }
    }
}

/// Seconds a client is asked to wait when the database is unreachable.
const RETRY_UNAVAILABLE_SECS: u64 = 2;

/// True when the failure is the database being unreachable for a moment
/// (a restart, a dropped connection): the request was fine and can be sent
/// again, so it is answered 503 with Retry-After rather than 500.
pub fn database_unavailable(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<sqlx::Error>().is_some_and(guildhall_storage::error::is_unavailable))
}

/// Handlers' result type.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(e: AppError) -> Response {
        e.into_response()
    }

    #[test]
    fn an_unreachable_database_is_503_with_retry_after() {
        for cause in [
            sqlx::Error::PoolTimedOut,
            sqlx::Error::PoolClosed,
            sqlx::Error::Io(std::io::ErrorKind::ConnectionRefused.into()),
        ] {
            let res = answer(AppError::from(StorageError::Database(cause)));
            assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(res.headers().get(axum::http::header::RETRY_AFTER).and_then(|v| v.to_str().ok()), Some("2"));
        }
    }

    #[test]
    fn other_failures_stay_500_without_retry_after() {
        let res = answer(AppError::from(sqlx::Error::RowNotFound));
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(res.headers().get(axum::http::header::RETRY_AFTER).is_none());
        let res = answer(AppError::Internal(anyhow::anyhow!("template broke")));
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn rate_limits_keep_their_retry_after() {
        let res = answer(AppError::Domain(DomainError::RateLimited { retry_after_secs: 17 }));
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers().get(axum::http::header::RETRY_AFTER).and_then(|v| v.to_str().ok()), Some("17"));
    }
}
