//! A JSON body extractor whose failures are clear problem+json answers.

use axum::extract::{FromRequest, Request};
use axum::Json;
use guildhall_domain::DomainError;
use serde::de::DeserializeOwned;

use crate::error::AppError;

pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(rejection) if rejection.status().as_u16() == 413 => Err(DomainError::BodyTooLarge.into()),
            Err(rejection) => {
                let code = match rejection.status().as_u16() {
                    413 => "body_too_large",
                    415 => "json_content_type",
                    _ => "json_malformed",
                };
                Err(DomainError::field("body", code).into())
            }
        }
    }
}
