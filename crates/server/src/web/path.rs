//! Path parameters parsed into their types at the edge: `Path<EventId>`,
//! `Path<(GroupSlug, TalkId)>`. A segment that does not parse (a malformed
//! id) names nothing, so it answers 404 like an id that does not exist,
//! instead of axum's 400.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use guildhall_domain::DomainError;
use serde::de::DeserializeOwned;

use crate::error::AppError;

pub struct Path<T>(pub T);

impl<S, T> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(_) => Err(DomainError::NotFound.into()),
        }
    }
}
