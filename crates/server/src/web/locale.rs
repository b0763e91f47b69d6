//! Picks the interface language (PL-9): `?lang=` (remembered in a cookie),
//! then the cookie, then the browser's `Accept-Language`, then English.
//! A signed-in member's saved language wins over the browser's.

use axum::extract::Request;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use guildhall_domain::values::Locale;

pub const LANG_COOKIE: &str = "gh_lang";

/// The language chosen for a request; `explicit` when the visitor chose it.
#[derive(Clone, Copy, Debug)]
pub struct RequestLocale {
    pub locale: Locale,
    pub explicit: bool,
}

pub async fn detect(mut req: Request, next: Next) -> Response {
    let from_query = req
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang=")).and_then(|l| Locale::parse(l).ok()));
    let from_cookie = req.headers().get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|h| {
        h.split(';').find_map(|kv| kv.trim().strip_prefix("gh_lang=")).and_then(|l| Locale::parse(l).ok())
    });
    let from_header =
        req.headers().get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::from_accept_language);
    let chosen = RequestLocale {
        locale: from_query.or(from_cookie).or(from_header).unwrap_or_default(),
        explicit: from_query.is_some() || from_cookie.is_some(),
    };
    req.extensions_mut().insert(chosen);
    let mut res = next.run(req).await;
    if let Some(l) = from_query {
        let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", l.code());
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(SET_COOKIE, v);
        }
    }
    res
}
