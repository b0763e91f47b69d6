//! What every page needs: the language, the CSRF token for its forms, and
//! who is signed in.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::values::TimeZone;
use guildhall_domain::DomainError;

use super::locale::RequestLocale;
use crate::app::AppState;
use crate::auth::csrf::CsrfToken;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;

/// The context of one page view.
#[derive(Clone, Debug)]
pub struct PageCtx {
    pub tr: Tr,
    pub csrf: String,
    pub user: Option<SignedIn>,
    /// The path requested, for "sign in and come back".
    pub path: String,
}

impl PageCtx {
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// Every country by name in the page's language, for a country list.
    pub fn countries(&self) -> &'static [crate::i18n::CountryChoice] {
        super::choices::countries(self.tr)
    }

    /// Time zones by place, for a time zone list.
    pub fn zones(&self) -> &'static [super::choices::ZoneGroup] {
        super::choices::zones(self.tr)
    }

    /// Whether the list offers `zone`: a stored one it does not is shown
    /// as chosen anyway, so saving the form again keeps it.
    pub fn zone_offered(&self, zone: &str) -> bool {
        super::choices::is_offered_zone(zone)
    }

    /// The decoded value of `key` in the page's address, if it is there.
    pub fn query_value(&self, key: &str) -> Option<String> {
        let (_, query) = self.path.split_once('?')?;
        url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
    }

    /// Whether the page's address carries `key=value` (notices after a
    /// redirect, e.g. `?password=changed`).
    pub fn query_flag(&self, key: &str, value: &str) -> bool {
        let wanted = format!("{key}={value}");
        self.path.split_once('?').is_some_and(|(_, q)| q.split('&').any(|kv| kv == wanted))
    }

    /// This page's address in another language: its query kept (a one-time
    /// link's token survives switching language), `lang` replaced.
    pub fn lang_href(&self, code: &str) -> String {
        let query = self.path.split_once('?').map(|(_, q)| q).unwrap_or("");
        let kept: Vec<&str> = query.split('&').filter(|kv| !kv.is_empty() && !kv.starts_with("lang=")).collect();
        let mut href = format!("?lang={code}");
        for kv in kept {
            href.push('&');
            href.push_str(kv);
        }
        href
    }

    pub fn lang(&self) -> &'static str {
        self.tr.locale().code()
    }

    /// The signed-in member, or an `Unauthenticated` error (which pages
    /// turn into a redirect to the sign-in page).
    pub fn require(&self) -> Result<&SignedIn, AppError> {
        self.user.as_ref().ok_or_else(|| DomainError::Unauthenticated.into())
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| authorize(&u.actor, Action::ViewAuditLog).is_ok())
    }

    pub fn user_name(&self) -> String {
        self.user.as_ref().map(|u| u.member.name.to_string()).unwrap_or_default()
    }

    /// The viewer's time zone: their own, or UTC for visitors (PL-9).
    pub fn time_zone(&self) -> TimeZone {
        self.user.as_ref().map(|u| u.member.time_zone).unwrap_or(TimeZone::UTC)
    }

    /// Formats a UTC time in the viewer's zone.
    pub fn time(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        self.time_zone().format(*at)
    }

    /// A time as a `<time datetime>` value: the HTML standard allows at
    /// most three digits of a second, so whole seconds are given.
    pub fn datetime(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        machine_time(*at)
    }
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let user = SignedIn::from_cookies(state, &jar).await?;
        let chosen = parts.extensions.get::<RequestLocale>().copied();
        let locale = match (chosen, &user) {
            (Some(c), _) if c.explicit => c.locale,
            (_, Some(u)) => u.member.locale,
            (Some(c), None) => c.locale,
            (None, None) => Default::default(),
        };
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let path = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
        Ok(Self { tr: Tr(locale), csrf, user, path })
    }
}

/// A time as a `<time datetime>` value, in whole seconds (the HTML
/// standard allows at most three digits of a second).
pub fn machine_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(path: &str) -> PageCtx {
        PageCtx { tr: Tr::default(), csrf: String::new(), user: None, path: path.into() }
    }

    #[test]
    fn pl9_switching_language_keeps_the_page_and_its_token() {
        assert_eq!(at("/verify?token=abc").lang_href("pt"), "?lang=pt&token=abc");
        assert_eq!(at("/password/reset?lang=en&token=abc&verified=1").lang_href("pt"), "?lang=pt&token=abc&verified=1");
        assert_eq!(at("/").lang_href("en"), "?lang=en");
    }
}
