//! What the black-box security sweep found (issue 14), each finding as the
//! attacker tried it, on SQLite and PostgreSQL. Every test here failed
//! before its fix.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::gov::gov;
use common::world::world;
use common::{browser, post_form, TestApp};
use reqwest::Method;
use serde_json::json;

const VICTIM: &str = "victim@example.org";
const ATTACKER_PW: &str = "attacker chose this one";
const OWNER_PW: &str = "the owner's own password";

async fn sign_up(app: &TestApp, email: &str, password: &str) {
    let c = browser();
    let res =
        post_form(&c, app, "/signup", "/signup", &[("email", email), ("name", "Someone"), ("password", password)])
            .await;
    assert_eq!(res.status(), 200);
}

/// Whether a password sign-in for `email` succeeds.
async fn password_works(app: &TestApp, email: &str, password: &str) -> bool {
    let c = browser();
    let res = post_form(&c, app, "/signin", "/signin", &[("email", email), ("password", password)]).await;
    res.status() == 303
}

on_both!(pl1_a_password_chosen_by_whoever_signed_up_first_dies_when_the_owner_confirms, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    // The attacker signs up with the victim's address and picks the password.
    sign_up(&app, VICTIM, ATTACKER_PW).await;
    // The victim opens the link they did not ask for and confirms without
    // knowing that password: the address is theirs, the password is gone.
    let token = app.emailed_token(VICTIM, "/verify").await;
    let c = browser();
    let page = format!("/verify?token={token}");
    let res = post_form(&c, &app, &page, "/verify", &[("token", &token), ("password", "")]).await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/password/reset?token="), "the owner chooses a password next: {to}");
    assert!(!password_works(&app, VICTIM, ATTACKER_PW).await, "the attacker's password no longer opens the account");
    // Guessing the password at the confirmation is refused and uses nothing.
    sign_up(&app, "second@example.org", ATTACKER_PW).await;
    let token2 = app.emailed_token("second@example.org", "/verify").await;
    let page2 = format!("/verify?token={token2}");
    let res = post_form(&c, &app, &page2, "/verify", &[("token", &token2), ("password", "not the one")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("not the password chosen at sign-up"));
    // The owner's chosen password works from the page they were sent to.
    let reset_token = to.split("token=").nth(1).unwrap().split('&').next().unwrap().to_owned();
    let reset_page = c.get(app.url(&to)).send().await.unwrap().text().await.unwrap();
    assert!(reset_page.contains("Your address is confirmed"), "{reset_page}");
    let res = post_form(&c, &app, &to, "/password/reset", &[("token", &reset_token), ("password", OWNER_PW)]).await;
    assert_eq!(res.status(), 303);
    assert!(password_works(&app, VICTIM, OWNER_PW).await);
    assert!(!password_works(&app, VICTIM, ATTACKER_PW).await);
    app.stop().await;
});

on_both!(pl1_signing_up_over_an_unconfirmed_account_lets_the_owner_take_it, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    sign_up(&app, VICTIM, ATTACKER_PW).await;
    // Later the owner signs up themselves: not "you already have an
    // account", but a link to choose their own password.
    sign_up(&app, VICTIM, OWNER_PW).await;
    let (subject, body) = app.last_email(VICTIM).await;
    assert_eq!(subject, "Finish setting up your account");
    assert!(body.contains("never confirmed"), "{body}");
    let token = app.emailed_token(VICTIM, "/password/reset").await;
    let c = browser();
    let page = format!("/password/reset?token={token}");
    let res = post_form(&c, &app, &page, "/password/reset", &[("token", &token), ("password", OWNER_PW)]).await;
    assert_eq!(res.status(), 303);
    assert!(password_works(&app, VICTIM, OWNER_PW).await);
    assert!(!password_works(&app, VICTIM, ATTACKER_PW).await, "the attacker's password was replaced");
    // The emailed sign-in link is the other way in: it proves the address
    // and forgets a password chosen before.
    sign_up(&app, "third@example.org", ATTACKER_PW).await;
    let c = browser();
    let res = post_form(&c, &app, "/signin", "/signin/email-link", &[("email", "third@example.org")]).await;
    assert_eq!(res.status(), 200);
    let link = app.emailed_token("third@example.org", "/signin/link").await;
    let page = format!("/signin/link?token={link}");
    let res = post_form(&c, &app, &page, "/signin/link", &[("token", &link)]).await;
    assert_eq!(res.status(), 303, "signed in by the link");
    assert!(!password_works(&app, "third@example.org", ATTACKER_PW).await);
    app.stop().await;
});

on_both!(pl4_pl8_stored_mail_holds_no_live_link, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let c = common::signed_up(&app, "owner@example.org", "Owner", OWNER_PW).await;
    let res = post_form(&c, &app, "/password/forgot", "/password/forgot", &[("email", "owner@example.org")]).await;
    assert_eq!(res.status(), 200);
    let token = app.emailed_token("owner@example.org", "/password/reset").await;
    // The email that goes out has the link; the copy kept does not.
    let (_, stored): (String, String) = {
        let row: (String, String) =
            sqlx::query_as("SELECT subject, body_text FROM outbox WHERE kind = 'reset' ORDER BY id DESC LIMIT 1")
                .fetch_one(app.db.reader())
                .await
                .unwrap();
        row
    };
    assert!(!stored.contains(&token), "{stored}");
    assert!(stored.contains("sent by email only"), "{stored}");
    let messages = c.get(app.url("/messages")).send().await.unwrap().text().await.unwrap();
    assert!(messages.contains("Reset your password"), "the email is listed: {messages}");
    assert!(!messages.contains(&token));
    let export: serde_json::Value = c.get(app.url("/account/export.json")).send().await.unwrap().json().await.unwrap();
    let kept = export["sections"]["messages"].as_array().unwrap();
    assert!(kept.iter().any(|m| m["subject"] == "Reset your password"), "the export holds the email: {kept:?}");
    assert!(kept.iter().any(|m| m["subject"] == "Confirm your email address"));
    let text = export.to_string();
    assert!(!text.contains(&token), "the export hands over no live link");
    assert!(!text.contains("?token="), "nor any other one-time link");
    app.stop().await;
});

on_both!(pl1_a_reset_or_change_voids_every_other_link_and_may_revoke_tokens, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let c = common::signed_up(&app, "owner@example.org", "Owner", OWNER_PW).await;
    post_form(&c, &app, "/password/forgot", "/password/forgot", &[("email", "owner@example.org")]).await;
    let old_link = app.emailed_token("owner@example.org", "/password/reset").await;
    let res = post_form(&c, &app, "/account", "/account/tokens", &[("name", "ci")]).await;
    assert!(res.status().is_redirection() || res.status() == 200);
    let live_tokens = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL")
            .fetch_one(app.db.reader())
            .await
            .unwrap()
    };
    assert_eq!(live_tokens().await, 1);
    // The owner changes the password twice, revoking tokens the second time.
    let res = post_form(
        &c,
        &app,
        "/account",
        "/account/password",
        &[("current_password", OWNER_PW), ("new_password", "a second good password")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(live_tokens().await, 1, "tokens stay unless the owner asks");
    let res = post_form(
        &c,
        &app,
        "/account",
        "/account/password",
        &[
            ("current_password", "a second good password"),
            ("new_password", "a third good password"),
            ("revoke_tokens", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(live_tokens().await, 0, "revoked on request");
    // The reset link emailed before the changes opens nothing.
    let page = format!("/password/reset?token={old_link}");
    let res = post_form(&c, &app, &page, "/password/reset", &[("token", &old_link), ("password", ATTACKER_PW)]).await;
    assert_ne!(res.status(), 303);
    assert!(!password_works(&app, "owner@example.org", ATTACKER_PW).await);
    assert!(password_works(&app, "owner@example.org", "a third good password").await);
    app.stop().await;
});

on_both!(pl1_wrong_passwords_from_elsewhere_do_not_lock_the_owner_out, |backend| async move {
    let Some(app) = TestApp::spawn_with(backend, |c| c.trust_proxy = true).await else { return };
    let _ = common::signed_up(&app, "owner@example.org", "Owner", OWNER_PW).await;
    let attempt = |ip: &'static str, pw: &'static str| {
        let app = &app;
        async move {
            let c = browser();
            let page = c.get(app.url("/signin")).header("x-forwarded-for", ip).send().await.unwrap();
            let html = page.text().await.unwrap();
            let csrf =
                regex::Regex::new(r#"name="csrf" value="([^"]+)""#).unwrap().captures(&html).unwrap()[1].to_owned();
            c.post(app.url("/signin"))
                .header("x-forwarded-for", ip)
                .form(&[("csrf", csrf.as_str()), ("email", "owner@example.org"), ("password", pw)])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // A stranger guesses from one network until slowed down. The limit
    // counts per minute window, and the guesses may straddle two windows:
    // eleven of them put six (one over the limit) in one window or the other.
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let status = attempt("203.0.113.9", "guess guess guess").await;
        statuses.push(status);
        if status == 429 {
            break;
        }
    }
    assert!(statuses.contains(&429), "the guesser is slowed down: {statuses:?}");
    // The owner, from their own network, signs in at once.
    assert_eq!(attempt("198.51.100.4", OWNER_PW).await, 303, "the owner is not locked out");
    app.stop().await;
});

on_both!(pl1_sign_up_mail_to_one_address_is_limited, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    for _ in 0..6 {
        let c = browser();
        post_form(
            &c,
            &app,
            "/signup",
            "/signup",
            &[("email", "stranger@example.org"), ("name", "Spam"), ("password", ATTACKER_PW)],
        )
        .await;
    }
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE to_address = 'stranger@example.org'")
        .fetch_one(app.db.reader())
        .await
        .unwrap();
    assert_eq!(n, 3, "auth.signups_per_email_per_hour: three emails, not six");
    // Names that hide what they say are refused.
    let c = browser();
    let res = post_form(
        &c,
        &app,
        "/signup",
        "/signup",
        &[("email", "rlo@example.org"), ("name", "Ana\u{202E}gnp.exe"), ("password", OWNER_PW)],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("invisible characters"));
    app.stop().await;
});

on_both!(pl1_next_after_sign_in_never_leaves_the_site, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let _ = common::signed_up(&app, "owner@example.org", "Owner", OWNER_PW).await;
    for next in ["/\t/evil.example", "/\\evil.example", "//evil.example", "/\n/evil.example"] {
        let c = browser();
        let res = post_form(
            &c,
            &app,
            "/signin",
            "/signin",
            &[("email", "owner@example.org"), ("password", OWNER_PW), ("next", next)],
        )
        .await;
        assert_eq!(res.status(), 303, "{next:?}: no 500");
        assert_eq!(res.headers()["location"], "/", "{next:?}");
    }
    app.stop().await;
});

on_both!(pl1_a_form_token_from_before_sign_in_is_worthless_after, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let _ = common::signed_up(&app, "owner@example.org", "Owner", OWNER_PW).await;
    let c = browser();
    let before = common::csrf(&c, &app.url("/signin")).await;
    let res = c
        .post(app.url("/signin"))
        .form(&[("csrf", before.as_str()), ("email", "owner@example.org"), ("password", OWNER_PW)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // The same token, now that a session exists, is refused.
    let res = c.post(app.url("/signout")).form(&[("csrf", before.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), 403, "tied to the session");
    let fresh = common::csrf(&c, &app.url("/account")).await;
    assert_ne!(fresh, before);
    let res = c.post(app.url("/signout")).form(&[("csrf", fresh.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), 303);
    app.stop().await;
});

on_both!(ch9_hidden_members_are_listed_to_program_staff_only, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    for who in [&g.leader, &g.member] {
        let (s, b) = g
            .call(
                Method::POST,
                "/api/v1/programs/ambassadors/memberships",
                &g.staff,
                Some(json!({"member_id": who.id.to_string()})),
            )
            .await;
        assert_eq!(s, 201, "{b}");
    }
    // The leader opts into the directory; the member does not.
    let (s, b) = g
        .call(
            Method::PUT,
            "/api/v1/me/directory",
            &g.leader,
            Some(json!({"listed": true, "region_id": g.region.to_string(), "country": "PT"})),
        )
        .await;
    assert!(s == 200 || s == 204, "{s} {b}");
    let names = |list: &serde_json::Value| {
        list.as_array().unwrap().iter().map(|m| m["member_id"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
    };
    let (_, seen) = g.call(Method::GET, "/api/v1/programs/ambassadors/memberships", &g.other_leader, None).await;
    assert_eq!(names(&seen), vec![g.leader.id.to_string()], "only the listed member: {seen}");
    let (_, staff) = g.call(Method::GET, "/api/v1/programs/ambassadors/memberships", &g.staff, None).await;
    assert_eq!(names(&staff).len(), 2, "staff and integrations see everyone");
    g.app.stop().await;
});

on_both!(ug10_ug14_a_leader_alone_cannot_fabricate_a_held_event, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await;
    let path = format!("/api/v1/events/{ev}");
    // She registers herself and tries to check in weeks early.
    let (s, reg) = w.register(&ev, &w.leader).await;
    assert_eq!(s, 201, "{reg}");
    let (s, b) = w
        .app
        .api(Method::POST, &format!("{path}/checkins"), Some(&w.leader), Some(json!({"registration_id": reg["id"]})))
        .await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("door_not_open_yet")), "{b}");
    // She moves the published event into the past.
    let past = Utc::now() - Duration::days(20);
    let (s, b) = w
        .app
        .api(
            Method::PATCH,
            &path,
            Some(&w.leader),
            Some(json!({"title": "Minimal APIs in depth", "starts_at": past.to_rfc3339(),
                "ends_at": (past + Duration::hours(2)).to_rfc3339(), "capacity": 10,
                "online_link": "https://meet.example.org/abc"})),
        )
        .await;
    assert_eq!(s, 422, "{b}");
    assert!(b.to_string().contains("event_moved_into_past") || b.to_string().contains("event_too_far_past"), "{b}");
    // And completes it before it happened.
    let (s, b) = w.app.api(Method::POST, &format!("{path}/complete"), Some(&w.leader), None).await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("event_not_ended")), "{b}");
    let (_, e) = w.app.api(Method::GET, &path, Some(&w.leader), None).await;
    assert_eq!(e["status"], "published", "nothing was changed: {e}");
    // Dates out of any plausible window are refused at once.
    for year in ["1900", "9999"] {
        let (s, b) = w
            .app
            .api(
                Method::POST,
                &format!("/api/v1/groups/{}/events", w.slug),
                Some(&w.leader),
                Some(json!({"title": "Typo", "starts_at": format!("{year}-05-01T18:00"), "ends_at": format!("{year}-05-01T20:00"), "capacity": 5})),
            )
            .await;
        assert_eq!(s, 422, "{year}: {b}");
    }
    w.app.stop().await;
});

on_both!(ug14_others_are_registered_only_at_the_door, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await;
    let (id, _, _) = w.app.member_with_role("someone", None).await;
    let (s, b) = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/events/{ev}/registrations"),
            Some(&w.leader),
            Some(json!({"member_id": id.to_string()})),
        )
        .await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("register_others_at_door")), "{b}");
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations").fetch_one(w.app.db.reader()).await.unwrap();
    assert_eq!(n, 0, "nobody was registered without their consent");
    w.app.stop().await;
});

on_both!(ug13_no_money_for_events_that_never_happened, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    g.fee_schedule().await;
    let claim = json!({"venue": "100", "catering": "50"});
    // A future event and a cancelled one: no claim.
    let future = g.draft(None, 10).await;
    g.call(Method::POST, &format!("/api/v1/events/{future}/publish"), &g.leader, None).await;
    let (s, b) = g.call(Method::POST, &format!("/api/v1/events/{future}/claims"), &g.leader, Some(claim.clone())).await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("claim_event_not_ended")), "{b}");
    let cancelled = g.draft(None, 5).await;
    g.call(Method::POST, &format!("/api/v1/events/{cancelled}/cancel"), &g.leader, None).await;
    let (s, b) =
        g.call(Method::POST, &format!("/api/v1/events/{cancelled}/claims"), &g.leader, Some(claim.clone())).await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("claim_event_not_held")), "{b}");
    // A held event: filed, but not approved without a receipt.
    let held = g.held_event(g.group, Utc::now() - Duration::days(3), 4).await;
    let (s, c) = g.call(Method::POST, &format!("/api/v1/events/{held}/claims"), &g.leader, Some(claim)).await;
    assert_eq!(s, 201, "{c}");
    let id = c["id"].as_str().unwrap();
    let (s, b) =
        g.call(Method::POST, &format!("/api/v1/claims/{id}/approve"), &g.manager, Some(json!({"reason": ""}))).await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("claim_without_receipts")), "{b}");
    // The manager sees what the approval rests on.
    let (_, body) = g.call(Method::GET, &format!("/api/v1/claims/{id}"), &g.manager, None).await;
    assert_eq!((body["event_status"].as_str(), body["event_checkins"].as_i64()), (Some("completed"), Some(4)));
    g.app.stop().await;
});

on_both!(ug13_receipts_per_claim_are_bounded, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    g.set_setting("expenses.receipts_per_claim", "2").await;
    g.fee_schedule().await;
    let held = g.held_event(g.group, Utc::now() - Duration::days(3), 1).await;
    let (_, c) =
        g.call(Method::POST, &format!("/api/v1/events/{held}/claims"), &g.leader, Some(json!({"venue": "10"}))).await;
    let id = c["id"].as_str().unwrap().to_owned();
    let mut statuses = Vec::new();
    for i in 0..3 {
        statuses.push(g.upload_receipt(&id, &format!("r{i}.pdf")).await);
    }
    assert_eq!(statuses, vec![201, 201, 422], "the third receipt is over the count");
    g.app.stop().await;
});

on_both!(ug13_csv_exports_neutralise_formulas, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    g.fee_schedule().await;
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("UPDATE groups SET name = '=HYPERLINK(\"https://evil.example\",\"x\")' WHERE id = $1")
        .bind(g.group.to_string())
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let held = g.held_event(g.group, Utc::now() - Duration::days(3), 1).await;
    let (_, c) =
        g.call(Method::POST, &format!("/api/v1/events/{held}/claims"), &g.leader, Some(json!({"venue": "10"}))).await;
    let id = c["id"].as_str().unwrap().to_owned();
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("UPDATE expense_claims SET status = 'approved' WHERE id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let year = (Utc::now() - Duration::days(3)).format("%Y").to_string();
    let csv = g
        .app
        .client
        .get(g.app.url(&format!("/api/v1/expenses?region_id={}&year={year}", g.region)))
        .bearer_auth(&g.manager.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.lines().count() >= 3, "header, the group's row and the region's: {csv}");
    // An absurd year is a clear 422, not a dropped connection (found by schemathesis).
    let (s, b) = g
        .call(Method::GET, &format!("/api/v1/expenses?year=2147483647&region_id={}", g.region), &g.manager, None)
        .await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("year_invalid")), "{b}");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(!csv.lines().any(|l| l.split(',').any(|cell| cell.trim_matches('"').starts_with('='))), "{csv}");
    g.app.stop().await;
});

on_both!(ug8_reports_cannot_flood_or_mail_strangers, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let mut statuses = Vec::new();
    for i in 0..8 {
        let (s, _) = g
            .app
            .api(
                Method::POST,
                "/api/v1/reports",
                None,
                Some(json!({"group_slug": g.slug, "description": format!("Report number {i} about the evening."), "email": "stranger@example.org"})),
            )
            .await;
        statuses.push(s);
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 3, "per reporter address: {statuses:?}");
    assert!(statuses.contains(&429));
    let acks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE to_address = 'stranger@example.org'")
        .fetch_one(g.app.db.reader())
        .await
        .unwrap();
    assert_eq!(acks, 1, "one acknowledgement per address per hour");
    // Nothing stored says who reported: the limits count keyed hashes.
    let keys: Vec<String> =
        sqlx::query_scalar("SELECT key FROM rate_limits").fetch_all(g.app.db.reader()).await.unwrap();
    for kind in ["conduct-net:", "conduct-from:", "conduct-ack:"] {
        assert!(keys.iter().any(|k| k.starts_with(kind)), "the {kind} limit is counted: {keys:?}");
    }
    assert!(keys.iter().all(|k| !k.contains("stranger") && !k.contains("127.0.0.1")), "{keys:?}");
    // Without an address, the network's limit holds.
    let mut anonymous = Vec::new();
    for i in 0..6 {
        let (s, _) = g
            .app
            .api(
                Method::POST,
                "/api/v1/reports",
                None,
                Some(json!({"group_slug": g.other_slug, "description": format!("Anonymous report {i} here.")})),
            )
            .await;
        anonymous.push(s);
    }
    assert!(anonymous.contains(&429), "per network: {anonymous:?}");
    g.app.stop().await;
});

on_both!(ug11_managers_decide_only_their_regions_speakers, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let apply = json!({"region_id": g.region.to_string(), "bio": "Builds things.", "topics": "rust", "past_talks": ""});
    let (s, b) = g.call(Method::POST, "/api/v1/speakers", &g.member, Some(apply)).await;
    assert!(s == 200 || s == 201 || s == 204, "{s} {b}");
    let (_, mine) = g.call(Method::GET, "/api/v1/speakers/applications", &g.manager, None).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
    let (_, theirs) = g.call(Method::GET, "/api/v1/speakers/applications", &g.other_manager, None).await;
    assert_eq!(theirs.as_array().map(Vec::len), Some(0), "another region's applications are not listed: {theirs}");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/speakers/{}/decision", g.member.id),
            &g.other_manager,
            Some(json!({"approve": true})),
        )
        .await;
    assert_eq!(s, 404, "nor decided");
    // A leader cannot name a member as speaker without their acceptance.
    let ev = g.draft(None, 10).await;
    let talk = json!({"title": "Fake keynote", "abstract": "", "speakers": [g.member.id.to_string()]});
    let (s, b) = g.call(Method::POST, &format!("/api/v1/events/{ev}/talks"), &g.leader, Some(talk)).await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("speaker_needs_invitation")), "{b}");
    let guest = json!({"title": "Guest talk", "abstract": "", "speakers": ["Grace Guest"]});
    let (s, b) = g.call(Method::POST, &format!("/api/v1/events/{ev}/talks"), &g.leader, Some(guest)).await;
    assert_eq!(s, 201, "a guest by name is fine: {b}");
    g.app.stop().await;
});

on_both!(ug4_nominations_tell_nobody_who_has_an_account, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let path = format!("/api/v1/groups/{}/nominations", g.slug);
    let (known, _) = g.call(Method::POST, &path, &g.leader, Some(json!({"email": g.member.email}))).await;
    let (unknown, _) = g.call(Method::POST, &path, &g.leader, Some(json!({"email": "nobody@example.org"}))).await;
    let (again, _) = g.call(Method::POST, &path, &g.leader, Some(json!({"email": g.member.email}))).await;
    assert_eq!((known, unknown, again), (202, 202, 202));
    g.app.stop().await;
});

on_both!(pl8_the_members_own_export_leaves_staff_notes_out, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let (_, a) = g
        .call(
            Method::POST,
            "/api/v1/programs/champions/applications",
            &g.member,
            Some(json!({"focus_area": "technical_content"})),
        )
        .await;
    let app_id = a["id"].as_str().unwrap().to_owned();
    g.call(Method::POST, &format!("/api/v1/applications/{app_id}/submit"), &g.member, None).await;
    let (s, b) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{app_id}/screen"),
            &g.staff,
            Some(json!({"quality_accepted": false, "notes": "PRIVATE-QUALITY-NOTE"})),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let (_, own) = g.call(Method::GET, "/api/v1/me/export", &g.member, None).await;
    let apps = own["sections"]["program_applications"].as_array().unwrap();
    assert_eq!(apps.len(), 1, "the application itself is there: {own}");
    assert_eq!(apps[0]["stage"], "not_selected");
    assert!(!own.to_string().contains("PRIVATE-QUALITY-NOTE"), "{own}");
    assert_eq!(own["staff_notes_included"], false);
    let (_, formal) = g.call(Method::GET, &format!("/api/v1/members/{}/export", g.member.id), &g.admin, None).await;
    assert!(formal.to_string().contains("PRIVATE-QUALITY-NOTE"));
    assert_eq!(formal["staff_notes_included"], true, "and says so");
    g.app.stop().await;
});

on_both!(ch4_self_reported_contributions_alone_make_nobody_eligible, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    for i in 0..3 {
        let c = json!({"kind": "content_piece", "format": "blog_post", "title": format!("My post {i}"),
            "date": Utc::now().date_naive().to_string(), "link": format!("https://blog.example.org/{i}")});
        let (s, b) =
            g.call(Method::POST, &format!("/api/v1/members/{}/contributions", g.member.id), &g.member, Some(c)).await;
        assert_eq!(s, 201, "{b}");
    }
    let (_, e) = g
        .call(
            Method::GET,
            &format!("/api/v1/members/{}/eligibility?program=champions&focus_area=technical_content", g.member.id),
            &g.member,
            None,
        )
        .await;
    assert_eq!(e["eligible"], false, "three posts the member typed in, none verified: {e}");
    g.app.stop().await;
});

on_both!(ug1_a_group_cannot_take_an_address_the_site_uses, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let (s, b) = g
        .call(
            Method::POST,
            "/api/v1/groups",
            &g.admin,
            Some(json!({"region_id": g.region.to_string(), "name": "New", "city": "Lisboa", "country": "PT",
                "time_zone": "Europe/Lisbon", "description": "x", "leaders": [g.leader.email]})),
        )
        .await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("slug_reserved")), "{b}");
    g.app.stop().await;
});

on_both!(pl13_door_and_completion_refusals_say_why_on_the_page, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await;
    let leader = w.leader_browser("doorkeeper@example.org").await;
    let door = format!("/events/{ev}/attendees");
    // A walk-in days before the event: refused, and the page says so.
    let res = post_form(
        &leader,
        &w.app,
        &door,
        &format!("/events/{ev}/walk-in"),
        &[("name", "Someone"), ("email", "someone@example.org")],
    )
    .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("only at the door, while check-in is open"), "{html}");
    // Completing it before it happened: refused on the event page, in words.
    let page = format!("/events/{ev}");
    let res = post_form(&leader, &w.app, &page, &format!("/events/{ev}/complete"), &[]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("only once it has ended"), "{html}");
    // Switching language on a one-time link's page keeps its token.
    let html = leader.get(w.app.url("/verify?token=abc123")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("href=\"?lang=pt&#38;token=abc123\""), "{html}");
    w.app.stop().await;
});
