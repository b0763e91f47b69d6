//! Lists that grow, read a page at a time (issue 16.7), the same way by
//! pages and API: `?limit=` (1 to 200) and `?cursor=`, an opaque token for
//! where the previous page ended. The API answers the page as its usual
//! array and says where the next one is in a `Link: <…>; rel="next"`
//! header (RFC 8288, as GitHub's API does), so clients that read one page
//! keep working; pages show a "Next page" link to the same address.

use axum::http::{HeaderName, HeaderValue};
use base64::Engine;
use guildhall_domain::DomainError;
use guildhall_storage::page::After;
use serde::Deserialize;
use utoipa::IntoParams;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The paging part of a list's query.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Rows per page, 1 to 200.
    pub limit: Option<usize>,
    /// Where to go on: the `cursor` of the `Link: rel="next"` address of the
    /// previous page. Absent for the first page.
    pub cursor: Option<String>,
}

impl PageQuery {
    /// Where the page starts; a cursor that was not given by Guildhall is a
    /// field problem, not an empty page.
    pub fn after(&self) -> Result<Option<After>, DomainError> {
        match self.cursor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => Ok(None),
            Some(raw) => decode(raw).map(Some).ok_or(DomainError::field("cursor", "cursor_invalid")),
        }
    }
}

pub fn encode(a: &After) -> String {
    B64.encode(serde_json::json!([a.key, a.id]).to_string())
}

fn decode(raw: &str) -> Option<After> {
    let bytes = B64.decode(raw).ok()?;
    let (key, id): (String, String) = serde_json::from_slice(&bytes).ok()?;
    Some(After { key, id })
}

/// `path_and_query` with its `cursor` set to `cursor` (or dropped, for
/// the first page), and without a one-off `lang` switch.
fn with_cursor(path_and_query: &str, cursor: Option<String>) -> String {
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .filter(|(k, v)| k != "cursor" && k != "lang" && !v.is_empty())
        .collect();
    pairs.extend(cursor.map(|c| ("cursor".to_owned(), c)));
    if pairs.is_empty() {
        return path.to_owned();
    }
    let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
    format!("{path}?{query}")
}

/// `path_and_query` with its `cursor` set to the page after `next`.
pub fn next_href(path_and_query: &str, next: &After) -> String {
    with_cursor(path_and_query, Some(encode(next)))
}

/// A list page's way on: back to the first page once past it, and to the
/// next page while more follow; the page shows nothing when neither is.
#[derive(Clone, Debug, Default)]
pub struct Pager {
    pub first: Option<String>,
    pub next: Option<String>,
    /// The translation key of the next page's link ("Older entries").
    pub more: &'static str,
}

impl Pager {
    /// The pager of a list at `here` (its address with its filters), read
    /// from `after` on, with `next` where the following page starts.
    pub fn new(here: &str, after: Option<&After>, next: Option<&After>, more: &'static str) -> Self {
        Self { first: after.map(|_| with_cursor(here, None)), next: next.map(|n| next_href(here, n)), more }
    }

    pub fn shows(&self) -> bool {
        self.first.is_some() || self.next.is_some()
    }
}

/// The `Link` header pointing at the next page, when there is one.
pub fn link_header(path_and_query: &str, next: Option<&After>) -> Option<(HeaderName, HeaderValue)> {
    let href = next_href(path_and_query, next?);
    let value = HeaderValue::from_str(&format!("<{href}>; rel=\"next\"")).ok()?;
    Some((axum::http::header::LINK, value))
}

/// A page of a list as the API answers it: the rows as a JSON array, and
/// the next page's address in the `Link` header while more follow.
pub fn respond<T: serde::Serialize>(
    uri: &axum::http::Uri,
    rows: Vec<T>,
    next: Option<&After>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or_else(|| uri.path());
    match link_header(path, next) {
        Some(link) => ([link], axum::Json(rows)).into_response(),
        None => axum::Json(rows).into_response(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_comes_back_as_it_went_and_a_forged_one_is_refused() {
        let a = After { key: "Ana Silva".into(), id: "01a2-…".into() };
        let q = PageQuery { limit: None, cursor: Some(encode(&a)) };
        assert_eq!(q.after().unwrap(), Some(a.clone()));
        for bad in ["nope", "eyJ4Ijox", "%%%"] {
            let q = PageQuery { limit: None, cursor: Some(bad.into()) };
            assert_eq!(q.after(), Err(DomainError::field("cursor", "cursor_invalid")), "{bad}");
        }
        let href = next_href("/v1/directory?country=PT&cursor=old&limit=2", &a);
        assert!(href.starts_with("/v1/directory?country=PT&limit=2&cursor="), "{href}");
        let pager = Pager::new("/champions?focus_area=&country=PT&cursor=old", Some(&a), None, "directory-next");
        assert_eq!(pager.first.as_deref(), Some("/champions?country=PT"), "back to the first page, filter kept");
        assert!(pager.shows() && pager.next.is_none());
        assert!(!Pager::new("/champions", None, None, "directory-next").shows(), "one page: no pager at all");
        let (name, value) = link_header("/v1/directory", Some(&a)).unwrap();
        assert_eq!(name, "link");
        assert!(value.to_str().unwrap().ends_with("; rel=\"next\""));
        assert!(link_header("/v1/directory", None).is_none());
    }
}
