//! PL-1 end to end over HTTP, against a server on a random port, on SQLite
//! and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::*;
use guildhall_storage::Backend;

const PW: &str = "correct horse battery";

on_both!(pl1_sign_up_verify_sign_in_sign_out, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let c = browser();
    let res = post_form(
        &c,
        &app,
        "/signup",
        "/signup",
        &[("email", "Ana@Example.org"), ("name", "Ana Silva"), ("password", PW)],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Check your email"));
    let (subject, _) = app.last_email("ana@example.org").await;
    assert_eq!(subject, "Confirm your email address");

    // Not verified yet: password sign-in is refused with a clear message.
    let res = post_form(&c, &app, "/signin", "/signin", &[("email", "ana@example.org"), ("password", PW)]).await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("confirm your email"));

    let token = app.emailed_token("ana@example.org", "/verify").await;
    // The link asks for a click and the sign-up's password (PL-1): opening it uses nothing up.
    let page = c.get(app.url(&format!("/verify?token={token}"))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Confirm my address"));
    let verify_page = format!("/verify?token={token}");
    let res = post_form(&c, &app, &verify_page, "/verify", &[("token", &token), ("password", PW)]).await;
    assert_eq!(res.status(), 303);
    let account = c.get(app.url("/account")).send().await.unwrap();
    assert_eq!(account.status(), 200);
    assert!(account.text().await.unwrap().contains("ana@example.org"));
    // The verification link works once.
    let again = post_form(&c, &app, &verify_page, "/verify", &[("token", &token), ("password", PW)]).await;
    assert_eq!(again.status(), 410);

    let res = post_form(&c, &app, "/account", "/signout", &[]).await;
    assert_eq!(res.status(), 303);
    let res = c.get(app.url("/account")).send().await.unwrap();
    assert_eq!(res.status(), 303, "signed out: account page redirects to sign-in");
    assert!(res.headers()["location"].to_str().unwrap().starts_with("/signin"));

    let res = post_form(
        &c,
        &app,
        "/signin",
        "/signin",
        &[("email", "ana@example.org"), ("password", PW), ("next", "/messages")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/messages");
    let messages = c.get(app.url("/messages")).send().await.unwrap().text().await.unwrap();
    assert!(messages.contains("Confirm your email address"), "PL-4: the email is visible in the app");

    // Signing up again with the same address creates nothing and tells the owner.
    let other = browser();
    let res = post_form(
        &other,
        &app,
        "/signup",
        "/signup",
        &[("email", "ana@example.org"), ("name", "Impostor"), ("password", PW)],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.count("members").await, 1);
    assert_eq!(app.last_email("ana@example.org").await.0, "You already have an account");
    app.stop().await;
});

on_both!(pl1_one_time_link_and_password_reset, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let _ = signed_up(&app, "bo@example.org", "Bo Berg", PW).await;
    let c = browser();
    let res = post_form(&c, &app, "/signin", "/signin/email-link", &[("email", "bo@example.org")]).await;
    assert_eq!(res.status(), 200);
    let token = app.emailed_token("bo@example.org", "/signin/link").await;
    // Opening the link shows a button; it does not sign in by itself.
    let page = c.get(app.url(&format!("/signin/link?token={token}"))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(c.get(app.url("/account")).send().await.unwrap().status(), 303);
    let res = post_form(&c, &app, &format!("/signin/link?token={token}"), "/signin/link", &[("token", &token)]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(c.get(app.url("/account")).send().await.unwrap().status(), 200);
    let reuse = post_form(&browser(), &app, "/signin", "/signin/link", &[("token", &token)]).await;
    assert_eq!(reuse.status(), 410, "a one-time link works once");

    // Unknown addresses get the same answer and no email.
    let before = app.count("outbox").await;
    let res =
        post_form(&browser(), &app, "/password/forgot", "/password/forgot", &[("email", "nobody@example.org")]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.count("outbox").await, before);

    let res = post_form(&browser(), &app, "/password/forgot", "/password/forgot", &[("email", "bo@example.org")]).await;
    assert_eq!(res.status(), 200);
    let token = app.emailed_token("bo@example.org", "/password/reset").await;
    let short =
        post_form(&browser(), &app, "/signin", "/password/reset", &[("token", &token), ("password", "short")]).await;
    assert_eq!(short.status(), 422);
    assert!(short.text().await.unwrap().contains("at least 10 characters"));
    let r = browser();
    let res =
        post_form(&r, &app, "/signin", "/password/reset", &[("token", &token), ("password", "a brand new passphrase")])
            .await;
    assert_eq!(res.status(), 303);
    assert_eq!(c.get(app.url("/account")).send().await.unwrap().status(), 303, "reset ends other sessions");
    let old = post_form(&browser(), &app, "/signin", "/signin", &[("email", "bo@example.org"), ("password", PW)]).await;
    assert_eq!(old.status(), 401);
    let new = post_form(
        &browser(),
        &app,
        "/signin",
        "/signin",
        &[("email", "bo@example.org"), ("password", "a brand new passphrase")],
    )
    .await;
    assert_eq!(new.status(), 303);
    assert_eq!(app.last_email("bo@example.org").await.0, "Your password was changed");
    app.stop().await;
});

on_both!(pl1_forms_without_a_valid_csrf_token_are_refused, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let c = signed_up(&app, "cy@example.org", "Cy Ng", PW).await;
    let before = app.count("members").await;
    for csrf in [None, Some("forged-token-forged-token-forged-token-1234")] {
        let mut form = vec![("email", "new@example.org"), ("name", "New"), ("password", PW)];
        if let Some(t) = csrf {
            form.push(("csrf", t));
        }
        let res = browser().post(app.url("/signup")).form(&form).send().await.unwrap();
        assert_eq!(res.status(), 403);
        assert!(res.text().await.unwrap().contains("This form has expired"));
        let res = c
            .post(app.url("/account"))
            .form(&[("name", "Hacked"), ("locale", "en"), ("time_zone", "UTC")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
    }
    assert_eq!(app.count("members").await, before);
    let page = c.get(app.url("/account")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Cy Ng") && !page.contains("Hacked"));
    app.stop().await;
});

on_both!(pl1_sixth_wrong_password_in_a_minute_is_rate_limited, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let _ = signed_up(&app, "dee@example.org", "Dee", PW).await;
    let c = browser();
    for _ in 0..5 {
        let res =
            post_form(&c, &app, "/signin", "/signin", &[("email", "dee@example.org"), ("password", "wrong password!")])
                .await;
        assert_eq!(res.status(), 401);
    }
    let res =
        post_form(&c, &app, "/signin", "/signin", &[("email", "dee@example.org"), ("password", "wrong password!")])
            .await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    assert!(res.text().await.unwrap().contains("Too many attempts"));
    // Even the right password waits for the window to pass.
    let res = post_form(&c, &app, "/signin", "/signin", &[("email", "dee@example.org"), ("password", PW)]).await;
    assert_eq!(res.status(), 429);
    app.stop().await;
});

on_both!(pl1_members_cannot_touch_each_others_accounts, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let _ = signed_up(&app, "eve@example.org", "Eve", PW).await;
    let frank = signed_up(&app, "frank@example.org", "Frank", PW).await;
    let state = guildhall::AppState::new(app.db.clone(), guildhall::Config::local(&app.tdb.url));
    let eve_token =
        guildhall::services::tokens::token_for_email(&state.services, "eve@example.org", "test").await.unwrap();
    let frank_id: String = {
        let r = reqwest::Client::new();
        let t =
            guildhall::services::tokens::token_for_email(&state.services, "frank@example.org", "test").await.unwrap();
        let me: serde_json::Value =
            r.get(app.url("/api/v1/me")).bearer_auth(&t).send().await.unwrap().json().await.unwrap();
        me["id"].as_str().unwrap().to_owned()
    };
    let api = reqwest::Client::new();
    let me = api.get(app.url("/api/v1/me")).bearer_auth(&eve_token).send().await.unwrap();
    assert_eq!(me.status(), 200);
    let other = api.get(app.url(&format!("/api/v1/members/{frank_id}"))).bearer_auth(&eve_token).send().await.unwrap();
    assert_eq!(other.status(), 403);
    assert_eq!(other.headers()["content-type"], "application/problem+json");
    // Frank's messages are not Eve's to read, by page or by API.
    let frank_msg: String = sqlx::query_scalar("SELECT id FROM outbox WHERE to_address = 'frank@example.org' LIMIT 1")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    let eve_browser = browser();
    let res =
        post_form(&eve_browser, &app, "/signin", "/signin", &[("email", "eve@example.org"), ("password", PW)]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(eve_browser.get(app.url(&format!("/messages/{frank_msg}"))).send().await.unwrap().status(), 404);
    assert_eq!(frank.get(app.url(&format!("/messages/{frank_msg}"))).send().await.unwrap().status(), 200);
    let msgs: serde_json::Value =
        api.get(app.url("/api/v1/messages")).bearer_auth(&eve_token).send().await.unwrap().json().await.unwrap();
    assert!(msgs.as_array().unwrap().iter().all(|m| !m["body"].as_str().unwrap().contains("Frank")));
    // Admin pages, regions, settings and the audit log are not for members.
    for page in ["/admin/audit", "/admin/regions", "/admin/settings"] {
        assert_eq!(eve_browser.get(app.url(page)).send().await.unwrap().status(), 403, "{page}");
    }
    let res = api
        .post(app.url("/api/v1/regions"))
        .bearer_auth(&eve_token)
        .json(&serde_json::json!({"name": "Mine", "currency": "EUR"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(api.get(app.url("/api/v1/audit")).bearer_auth(&eve_token).send().await.unwrap().status(), 403);
    assert_eq!(app.count("regions").await, 0);
    // No token, a wrong token: 401 problem+json.
    assert_eq!(api.get(app.url("/api/v1/me")).send().await.unwrap().status(), 401);
    assert_eq!(api.get(app.url("/api/v1/me")).bearer_auth("gh_nope").send().await.unwrap().status(), 401);
    app.stop().await;
});

on_both!(pl7_admin_changes_are_audited_and_shown, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let _ = signed_up(&app, "gil@example.org", "Gil Manager", PW).await;
    let state = guildhall::AppState::new(app.db.clone(), guildhall::Config::local(&app.tdb.url));
    let link =
        guildhall::services::tokens::bootstrap_admin(&state.services, "root@example.org", "Root Admin").await.unwrap();
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let admin = browser();
    let res = post_form(&admin, &app, "/signin", "/signin/link", &[("token", &token)]).await;
    assert_eq!(res.status(), 303);
    let res =
        post_form(&admin, &app, "/admin/regions", "/admin/regions", &[("name", "Iberia"), ("currency", "eur")]).await;
    assert_eq!(res.status(), 303);
    let region_page = res.headers()["location"].to_str().unwrap().to_owned();
    let res =
        post_form(&admin, &app, &region_page, &format!("{region_page}/managers"), &[("email", "gil@example.org")])
            .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.last_email("gil@example.org").await.0, "You are now a community manager of Iberia");
    let dup =
        post_form(&admin, &app, "/admin/regions", "/admin/regions", &[("name", "Iberia"), ("currency", "EUR")]).await;
    assert_eq!(dup.status(), 422);
    assert!(dup.text().await.unwrap().contains("A region with this name already exists"));
    let bad = post_form(
        &admin,
        &app,
        "/admin/settings",
        "/admin/settings",
        &[("key", "auth.session_days"), ("value", "0"), ("reason", "x")],
    )
    .await;
    assert_eq!(bad.status(), 422);
    let ok = post_form(
        &admin,
        &app,
        "/admin/settings",
        "/admin/settings",
        &[("key", "auth.session_days"), ("value", "14"), ("reason", "shorter sessions")],
    )
    .await;
    assert_eq!(ok.status(), 303);
    let log = admin.get(app.url("/admin/audit")).send().await.unwrap().text().await.unwrap();
    for expected in ["region.created", "role.granted", "setting.changed", "shorter sessions", "Root Admin"] {
        assert!(log.contains(expected), "audit page shows {expected}");
    }
    app.stop().await;
});

on_both!(pl13_the_account_page_says_the_address_was_confirmed_and_the_profile_saved, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let c = signed_up(&app, "noor@example.org", "Noor", "correct horse battery").await;
    let page = c.get(app.url("/account?verified=1")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Your address is confirmed and you are signed in."), "told after the link");
    let fields = [("name", "Noor Haddad"), ("locale", "en"), ("time_zone", "Europe/Lisbon")];
    let res = post_form(&c, &app, "/account", "/account", &fields).await;
    let page = follow(&c, &app, res).await;
    assert!(page.contains("Saved: your name, language and time zone are as shown below."), "told after saving");
    assert!(page.contains(r#"value="Noor Haddad""#) && page.contains(r#"value="Europe/Lisbon""#));
    assert!(!page.contains("Your address is confirmed"), "one notice, the one that is true now");
    app.stop().await;
});
