//! CSRF protection for every state-changing form (PL-1).
//!
//! A random secret lives in an HttpOnly, SameSite=Lax cookie; each form's
//! hidden field carries a token derived from it and the session cookie, so
//! [`CsrfForm`] refuses a post whose field does not match both. A
//! cross-site page can neither read the cookies nor guess the field, and a
//! token seen before a sign-in is worth nothing after it (tied to the
//! session).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{HeaderValue, COOKIE, SET_COOKIE};
use axum::middleware::Next;
use axum::response::Response;
use guildhall_domain::DomainError;
use serde::de::DeserializeOwned;

use super::identity::SESSION_COOKIE;
use super::secrets::{hash_token, new_token};
use crate::error::AppError;

pub const CSRF_COOKIE: &str = "gh_csrf";

/// The request's CSRF token, put in its extensions by [`ensure_token`].
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

fn cookie(req: &Request, name: &str) -> Option<String> {
    req.headers().get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|h| {
        h.split(';').find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == name).then(|| v.to_owned())
        })
    })
}

fn cookie_value(req: &Request) -> Option<String> {
    cookie(req, CSRF_COOKIE).filter(|v| v.len() >= 32)
}

/// The form token for a CSRF secret and the session it is used in.
fn form_token(secret: &str, session: Option<&str>) -> String {
    hash_token(&format!("{secret}:{}", session.unwrap_or("")))
}

/// The token the request's forms must carry, if it has a CSRF cookie.
fn expected_token(req: &Request) -> Option<String> {
    let session = cookie(req, SESSION_COOKIE);
    cookie_value(req).map(|secret| form_token(&secret, session.as_deref()))
}

/// Middleware: gives every visitor a CSRF token, setting the cookie once.
pub async fn ensure_token(mut req: Request, next: Next) -> Response {
    let (secret, fresh) = match cookie_value(&req) {
        Some(t) => (t, false),
        None => (new_token(), true),
    };
    let session = cookie(&req, SESSION_COOKIE);
    req.extensions_mut().insert(CsrfToken(form_token(&secret, session.as_deref())));
    let mut res = next.run(req).await;
    if fresh {
        let cookie = format!("{CSRF_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(SET_COOKIE, v);
        }
    }
    res
}

/// A urlencoded form whose `csrf` field matches the visitor's cookie.
pub struct CsrfForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let expected = expected_token(&req);
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status().as_u16() == 413 {
                DomainError::BodyTooLarge
            } else {
                DomainError::field("body", "body_unreadable")
            }
        })?;
        let field: CsrfField = serde_urlencoded::from_bytes(&bytes).map_err(|_| DomainError::CsrfRejected)?;
        match expected {
            Some(cookie) if !field.csrf.is_empty() && constant_time_eq(cookie.as_bytes(), field.csrf.as_bytes()) => {}
            _ => return Err(DomainError::CsrfRejected.into()),
        }
        serde_urlencoded::from_bytes(&bytes)
            .map(CsrfForm)
            .map_err(|_| DomainError::field("body", "form_malformed").into())
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A file sent in a multipart form.
pub struct UploadedFile {
    pub field: String,
    pub file_name: String,
    pub bytes: Bytes,
}

/// A multipart form (text fields and files) whose `csrf` field matches the
/// visitor's cookie: for forms that upload files.
pub struct CsrfMultipart {
    pub fields: std::collections::HashMap<String, String>,
    pub files: Vec<UploadedFile>,
}

impl CsrfMultipart {
    pub fn text(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

impl<S: Send + Sync> FromRequest<S> for CsrfMultipart {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let expected = expected_token(&req);
        let mut form = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| DomainError::field("body", "form_malformed"))?;
        let malformed = |e: axum::extract::multipart::MultipartError| {
            if e.status().as_u16() == 413 {
                DomainError::BodyTooLarge
            } else {
                DomainError::field("receipt", "upload_malformed")
            }
        };
        let mut out = Self { fields: Default::default(), files: Vec::new() };
        while let Some(field) = form.next_field().await.map_err(malformed)? {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let bytes = field.bytes().await.map_err(malformed)?;
                    // A file input left empty still sends a part with no name.
                    if !(file_name.is_empty() && bytes.is_empty()) {
                        out.files.push(UploadedFile { field: name, file_name, bytes });
                    }
                }
                None => {
                    let text = field.text().await.map_err(malformed)?;
                    out.fields.insert(name, text);
                }
            }
        }
        match expected {
            Some(cookie) if constant_time_eq(cookie.as_bytes(), out.text("csrf").as_bytes()) => Ok(out),
            _ => Err(DomainError::CsrfRejected.into()),
        }
    }
}
