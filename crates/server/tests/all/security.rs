//! Sessions and headers (issue 7, PL-1): every answer carries the security
//! headers; HSTS and Secure cookies when the site is https; a new session
//! id at every sign-in; sign out everywhere; a password change ends the
//! other sessions; API tokens listed and revocable by their owner only.
//! On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{post_form, signed_up, TestApp};
use reqwest::header::SET_COOKIE;
use serde_json::Value;

const PASSWORD: &str = "correct horse battery";

fn session_of(res: &reqwest::Response) -> Option<String> {
    res.headers().get_all(SET_COOKIE).iter().find_map(|v| {
        let v = v.to_str().ok()?;
        v.strip_prefix("gh_session=").map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
    })
}

/// A client carrying only `gh_session=<value>`.
async fn account_status_with(app: &TestApp, session: &str) -> u16 {
    let c = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let res = c.get(app.url("/account")).header("cookie", format!("gh_session={session}")).send().await.unwrap();
    res.status().as_u16()
}

async fn sign_in(app: &TestApp, c: &reqwest::Client, email: &str, password: &str) -> reqwest::Response {
    post_form(c, app, "/signin", "/signin", &[("email", email), ("password", password), ("next", "/")]).await
}

on_both!(security_headers_on_every_answer, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let member = signed_up(&app, "hdr@example.org", "Header Checker", PASSWORD).await;
    let visitor = common::browser();
    let paths = [
        "/",
        "/groups",
        "/signin",
        "/signup",
        "/champions",
        "/code-of-conduct",
        "/no-such-page",
        "/api/openapi.json",
        "/static/site.css",
        "/healthz",
    ];
    for (who, c) in [("visitor", &visitor), ("member", &member)] {
        for path in paths.iter().chain(["/account", "/programs", "/messages"].iter()) {
            let res = c.get(app.url(path)).send().await.unwrap();
            let h = res.headers();
            let csp = h.get("content-security-policy").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
            assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), "{who} {path}: {csp}");
            assert!(!csp.contains("unsafe-inline"), "{who} {path}: {csp}");
            assert_eq!(h.get("x-content-type-options").map(|v| v.to_str().unwrap()), Some("nosniff"), "{who} {path}");
            assert!(h.get("referrer-policy").is_some(), "{who} {path}");
            assert!(h.get("strict-transport-security").is_none(), "no HSTS on a plain-http site: {path}");
            if who == "member" && !path.starts_with("/static") {
                let cache = h.get("cache-control").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
                assert!(cache.contains("no-store"), "a signed-in answer is not cached: {path} {cache}");
            }
        }
    }
});

on_both!(security_https_sites_send_hsts_and_secure_cookies, |backend| async move {
    let Some(app) =
        TestApp::spawn_with(backend, |c| c.public_url = "https://community.example.org".parse().unwrap()).await
    else {
        return;
    };
    let res = reqwest::get(app.url("/")).await.unwrap();
    assert_eq!(
        res.headers().get("strict-transport-security").map(|v| v.to_str().unwrap()),
        Some("max-age=31536000; includeSubDomains")
    );
    common::signed_up(&app, "https@example.org", "Secure Cookie", PASSWORD).await;
    let c = common::browser();
    let res = sign_in(&app, &c, "https@example.org", PASSWORD).await;
    assert_eq!(res.status(), 303);
    let cookie = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("gh_session="))
        .unwrap();
    assert!(cookie.contains("Secure") && cookie.contains("HttpOnly"), "{cookie}");
});

on_both!(security_sign_in_rotates_the_session_and_sign_out_everywhere_ends_all, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    signed_up(&app, "rot@example.org", "Rotating Member", PASSWORD).await;
    let laptop = common::browser();
    let first = session_of(&sign_in(&app, &laptop, "rot@example.org", PASSWORD).await).unwrap();
    let second = session_of(&sign_in(&app, &laptop, "rot@example.org", PASSWORD).await).unwrap();
    assert_ne!(first, second, "a new session id at every sign-in");
    assert_eq!(account_status_with(&app, &first).await, 303, "the session from before the sign-in ended");
    assert_eq!(account_status_with(&app, &second).await, 200);
    let phone = common::browser();
    let on_phone = session_of(&sign_in(&app, &phone, "rot@example.org", PASSWORD).await).unwrap();
    let res = post_form(&laptop, &app, "/account", "/account/sessions/end-all", &[]).await;
    assert_eq!((res.status().as_u16(), res.headers()["location"].to_str().unwrap()), (303, "/signin"));
    assert_eq!(account_status_with(&app, &second).await, 303);
    assert_eq!(account_status_with(&app, &on_phone).await, 303, "every session ended, not only this one");
});

on_both!(security_password_change_ends_the_other_sessions, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    signed_up(&app, "pw@example.org", "Password Changer", PASSWORD).await;
    let laptop = common::browser();
    let here = session_of(&sign_in(&app, &laptop, "pw@example.org", PASSWORD).await).unwrap();
    let phone = common::browser();
    let there = session_of(&sign_in(&app, &phone, "pw@example.org", PASSWORD).await).unwrap();
    let form = [("current_password", "not my password"), ("new_password", "a much longer secret")];
    let res = post_form(&laptop, &app, "/account", "/account/password", &form).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("This is not your current password."));
    let form = [("current_password", PASSWORD), ("new_password", "short")];
    let res = post_form(&laptop, &app, "/account", "/account/password", &form).await;
    assert_eq!(res.status(), 422, "the new password is checked like at sign-up");
    let form = [("current_password", PASSWORD), ("new_password", "a much longer secret")];
    let res = post_form(&laptop, &app, "/account", "/account/password", &form).await;
    assert_eq!(res.status(), 303);
    assert_eq!(account_status_with(&app, &here).await, 200, "this session stays");
    assert_eq!(account_status_with(&app, &there).await, 303, "the other one ended");
    assert_eq!(
        sign_in(&app, &common::browser(), "pw@example.org", PASSWORD).await.status(),
        401,
        "the old password is refused"
    );
    assert_eq!(sign_in(&app, &common::browser(), "pw@example.org", "a much longer secret").await.status(), 303);
    let (subject, _) = app.last_email("pw@example.org").await;
    assert!(subject.to_lowercase().contains("password"), "{subject}");
});

on_both!(security_tokens_are_listed_and_revoked_by_their_owner, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, _, owner_token) = app.member_with_role("owner", None).await;
    let (_, _, other_token) = app.member_with_role("other", None).await;
    let (s, list) = app.api(reqwest::Method::GET, "/api/v1/me/tokens", Some(&owner_token), None).await;
    assert_eq!(s, 200);
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 1);
    assert!(!list[0].to_string().contains(&owner_token), "the secret is never shown again");
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let (s, _) = app.api(reqwest::Method::DELETE, &format!("/api/v1/me/tokens/{id}"), Some(&other_token), None).await;
    assert_eq!(s, 404, "another member cannot revoke it");
    let (s, _) = app.api(reqwest::Method::GET, "/api/v1/me", Some(&owner_token), None).await;
    assert_eq!(s, 200);
    let (s, _) = app.api(reqwest::Method::DELETE, &format!("/api/v1/me/tokens/{id}"), Some(&owner_token), None).await;
    assert_eq!(s, 204);
    let (s, p): (u16, Value) = app.api(reqwest::Method::GET, "/api/v1/me", Some(&owner_token), None).await;
    assert_eq!(s, 401, "a revoked token opens nothing: {p}");
});
