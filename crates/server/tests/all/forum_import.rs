//! PL-3: importing accepted answers from a Discourse forum (a stand-in
//! serving recorded responses of the Solved plugin's real format), on
//! SQLite and PostgreSQL: counted by CH-4, idempotent, paged with its
//! progress readable, and every failure reported in words with nothing
//! half-imported. An account is read only once its member proved it is
//! theirs, by a code in their forum profile or feed, or staff's word.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::time::Duration;

use common::forum::FakeForum;
use common::gov::{gov, Gov, Person};
use reqwest::Method;
use serde_json::{json, Value};

/// Links `username` to `member` and proves it with the code placed in the
/// forum profile, as the member does before their first import (PL-3).
async fn link(g: &Gov, forum: &FakeForum, member: &Person, username: &str) -> Value {
    let url = format!("/api/v1/members/{}/linked-accounts", member.id);
    let (s, l) = g.call(Method::POST, &url, member, Some(json!({"kind": "discourse", "handle": username}))).await;
    assert!(s == 201 || s == 200, "{s} {l}");
    forum.set_bio(username, &format!("Answers about reports. {}", l["code"].as_str().unwrap()));
    let (s, l) = g
        .call(Method::POST, &format!("/api/v1/linked-accounts/{}/check", l["id"].as_str().unwrap()), member, None)
        .await;
    assert_eq!((s, l["status"].as_str()), (200, Some("proven")), "{l}");
    l
}

/// Starts an import and waits for it to end; returns the finished run.
async fn import(g: &Gov, caller: &Person, member: &Person, username: &str) -> Value {
    let url = format!("/api/v1/members/{}/imports/discourse", member.id);
    let (s, run) = g.call(Method::POST, &url, caller, Some(json!({"username": username}))).await;
    assert_eq!(s, 202, "{run}");
    let id = run["id"].as_str().unwrap().to_owned();
    for _ in 0..200 {
        let (s, run) = g.call(Method::GET, &format!("/api/v1/imports/{id}"), caller, None).await;
        assert_eq!(s, 200, "{run}");
        if run["status"] != "running" {
            return run;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the import did not end");
}

async fn contributions(g: &Gov, who: &Person) -> Vec<Value> {
    let (s, list) = g.call(Method::GET, &format!("/api/v1/members/{}/contributions", who.id), who, None).await;
    assert_eq!(s, 200);
    list.as_array().unwrap().iter().filter(|c| c["kind"] == "forum_solution").cloned().collect()
}

on_both!(pl3_discourse_answers_import_once_and_count_for_forums, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    let url = format!("/api/v1/members/{}/imports/discourse", g.member.id);
    let (s, p) = g.call(Method::POST, &url, &g.member, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("username")), "no forum set up yet: {p}");
    g.set_setting("imports.forum_url", &forum.base).await;
    let (s, _) = g.call(Method::POST, &url, &g.member, Some(json!({"username": "../admin"}))).await;
    assert_eq!(s, 422, "a user name is checked before any request");
    let (s, _) = g.call(Method::POST, &url, &g.leader, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!(s, 403, "only the member or program staff import for a member");
    link(&g, &forum, &g.member, "ana_silva").await;

    let run = import(&g, &g.member, &g.member, "ana_silva").await;
    assert_eq!(
        (run["status"].as_str(), run["fetched"].as_i64(), run["added"].as_i64()),
        (Some("done"), Some(7), Some(7))
    );
    let list = contributions(&g, &g.member).await;
    assert_eq!(list.len(), 7);
    let one = list.iter().find(|c| c["title"] == "Report times shift by one hour after DST").expect("titled by topic");
    assert_eq!(one["link"], format!("{}/t/report-times-shift-by-one-hour/18231/4", forum.base));
    assert_eq!((one["details"]["accepted"].as_bool(), one["source"].as_str()), (Some(true), Some("imported")), "{one}");
    // CH-4: six of the seven answers are this calendar year.
    let (_, e) = g
        .call(
            Method::GET,
            &format!("/api/v1/members/{}/eligibility?program=champions&focus_area=forums", g.member.id),
            &g.member,
            None,
        )
        .await;
    assert_eq!(e["eligible"], true);
    assert_eq!(e["criteria"][0]["found"], 6, "{e}");

    // The same answers again add nothing.
    let run = import(&g, &g.staff, &g.member, "@ana_silva").await;
    assert_eq!((run["added"].as_i64(), run["already_there"].as_i64()), (Some(0), Some(7)), "{run}");
    assert_eq!(contributions(&g, &g.member).await.len(), 7);
    let (_, audit) = g.call(Method::GET, "/api/v1/audit?action=import.discourse", &g.admin, None).await;
    assert!(audit.to_string().contains("ana_silva"), "each run is audited: {audit}");
});

on_both!(pl3_discourse_import_pages_through_and_shows_progress, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    g.set_setting("imports.forum_url", &forum.base).await;
    link(&g, &forum, &g.leader, "busy").await;
    let run = import(&g, &g.staff, &g.leader, "busy").await;
    assert_eq!(
        (run["status"].as_str(), run["fetched"].as_i64(), run["added"].as_i64()),
        (Some("done"), Some(120), Some(120))
    );
    assert_eq!(forum.requests(), 3, "50 + 50 + 20");
    assert_eq!(contributions(&g, &g.leader).await.len(), 120);
    // The member follows it on a page of its own, linked from their programs page.
    let page = common::gov::page_client(&g, Some(&g.leader)).await;
    let programs = page.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    let id = run["id"].as_str().unwrap();
    assert!(programs.contains(&format!("/programs/imports/{id}")), "{programs}");
    let html = page.get(g.app.url(&format!("/programs/imports/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("<dd id=\"fetched\">120</dd>") && html.contains("Done."), "{html}");
    let (s, _) = g.call(Method::GET, &format!("/api/v1/imports/{id}"), &g.member, None).await;
    assert_eq!(s, 404, "another member does not see the run");
});

on_both!(pl3_discourse_failures_are_reported_and_import_nothing, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    g.set_setting("imports.forum_url", &forum.base).await;
    // An account staff confirmed that the forum has since deleted.
    let url = format!("/api/v1/members/{}/linked-accounts", g.member.id);
    let (_, l) =
        g.call(Method::POST, &url, &g.member, Some(json!({"kind": "discourse", "handle": "nobody_here"}))).await;
    let confirm = format!("/api/v1/linked-accounts/{}/confirm", l["id"].as_str().unwrap());
    let (s, _) = g.call(Method::POST, &confirm, &g.staff, None).await;
    assert_eq!(s, 200);
    link(&g, &forum, &g.member, "broken").await;
    link(&g, &forum, &g.member, "ana_silva").await;
    let run = import(&g, &g.member, &g.member, "nobody_here").await;
    assert_eq!(run["status"], "failed");
    assert_eq!(run["problem"], "the forum has no user called nobody_here");
    let run = import(&g, &g.member, &g.member, "broken").await;
    assert_eq!(run["status"], "failed");
    assert!(
        run["problem"].as_str().unwrap().starts_with("the forum's answer was not the Solved plugin's format"),
        "{run}"
    );
    // A forum that is down.
    g.set_setting("imports.forum_url", "http://127.0.0.1:9").await;
    let run = import(&g, &g.member, &g.member, "ana_silva").await;
    assert!(run["problem"].as_str().unwrap().starts_with("the forum could not be reached"), "{run}");
    assert!(contributions(&g, &g.member).await.is_empty());
    // The page form shows a bad user name next to its field.
    g.set_setting("imports.forum_url", &forum.base).await;
    let page = common::gov::page_client(&g, Some(&g.member)).await;
    let res =
        common::post_form(&page, &g.app, "/programs", "/programs/imports/discourse", &[("username", "no spaces")])
            .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Enter your forum user name"));
});

on_both!(pl3_a_forum_account_is_imported_only_once_its_member_proved_it_is_theirs, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    g.set_setting("imports.forum_url", &forum.base).await;
    let imports = format!("/api/v1/members/{}/imports/discourse", g.member.id);
    let (s, p) = g.call(Method::POST, &imports, &g.member, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/account_not_linked")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("code"), "the refusal says how to link: {p}");
    let (s, _) = g.call(Method::POST, &imports, &g.staff, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!(s, 409, "staff too import only a linked account");

    // The member links it and is given a code; asking again gives the same one.
    let links = format!("/api/v1/members/{}/linked-accounts", g.member.id);
    let body = json!({"kind": "discourse", "handle": "@Ana_Silva"});
    let (s, l) = g.call(Method::POST, &links, &g.member, Some(body.clone())).await;
    assert_eq!((s, l["status"].as_str(), l["handle"].as_str()), (201, Some("waiting"), Some("ana_silva")), "{l}");
    let code = l["code"].as_str().unwrap().to_owned();
    assert!(code.starts_with("guildhall-") && code.len() > 16, "{code}");
    let (s, again) = g.call(Method::POST, &links, &g.member, Some(body)).await;
    assert_eq!((s, again["code"].as_str()), (200, Some(code.as_str())));
    let check = format!("/api/v1/linked-accounts/{}/check", l["id"].as_str().unwrap());
    let (s, p) = g.call(Method::POST, &check, &g.member, None).await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/proof_not_found")), "not placed yet: {p}");
    let (s, p) = g.call(Method::POST, &imports, &g.member, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/proof_not_found")), "the import checks it too: {p}");
    assert_eq!(g.app.count("contributions").await, 0);

    // Someone else cannot see, check or claim it.
    let (s, _) = g.call(Method::POST, &check, &g.leader, None).await;
    assert_eq!(s, 404);
    let (s, _) = g.call(Method::GET, &links, &g.leader, None).await;
    assert_eq!(s, 403);

    // The code placed (the forum renders it in the profile), the import proves it.
    forum.set_bio("ana_silva", &format!("I answer questions about reports. {}", code.to_uppercase()));
    let run = import(&g, &g.member, &g.member, "ana_silva").await;
    assert_eq!((run["status"].as_str(), run["added"].as_i64()), (Some("done"), Some(7)), "{run}");
    let (_, list) = g.call(Method::GET, &links, &g.member, None).await;
    assert_eq!((list[0]["status"].as_str(), list[0]["proof"].as_str()), (Some("proven"), Some("code")), "{list}");
    // The member may take the code out again; the proof stays.
    forum.set_bio("ana_silva", "");
    let (s, l) = g.call(Method::POST, &check, &g.member, None).await;
    assert_eq!((s, l["status"].as_str()), (200, Some("proven")));

    // One account, one member: a second member's claim is refused.
    let other = format!("/api/v1/members/{}/linked-accounts", g.leader.id);
    let (s, p) =
        g.call(Method::POST, &other, &g.leader, Some(json!({"kind": "discourse", "handle": "ana_silva"}))).await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/account_linked_elsewhere")), "{p}");
    // An unknown forum user is said so when checked.
    let (_, l) = g.call(Method::POST, &other, &g.leader, Some(json!({"kind": "discourse", "handle": "ghost"}))).await;
    let (s, p) = g
        .call(Method::POST, &format!("/api/v1/linked-accounts/{}/check", l["id"].as_str().unwrap()), &g.leader, None)
        .await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("forum_user_unknown")), "{p}");
    // Staff confirm a link instead of the code: only staff.
    let (_, l) = g.call(Method::POST, &other, &g.leader, Some(json!({"kind": "discourse", "handle": "busy"}))).await;
    let confirm = format!("/api/v1/linked-accounts/{}/confirm", l["id"].as_str().unwrap());
    let (s, _) = g.call(Method::POST, &confirm, &g.leader, None).await;
    assert_eq!(s, 403, "a member cannot vouch for themself");
    let (s, l) = g.call(Method::POST, &confirm, &g.staff, None).await;
    assert_eq!((s, l["proof"].as_str()), (200, Some("staff")), "{l}");
    let run = import(&g, &g.staff, &g.leader, "busy").await;
    assert_eq!(run["added"], 120);

    // Unlinked, the account is not read again; what was imported stays.
    let (s, _) = g
        .call(Method::DELETE, &format!("/api/v1/linked-accounts/{}", list[0]["id"].as_str().unwrap()), &g.member, None)
        .await;
    assert_eq!(s, 204);
    let (s, _) = g.call(Method::POST, &imports, &g.member, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!(s, 409);
    assert_eq!(contributions(&g, &g.member).await.len(), 7);
    let (_, audit) = g.call(Method::GET, "/api/v1/audit", &g.admin, None).await;
    let proofs: Vec<&Value> = audit.as_array().unwrap().iter().filter(|e| e["action"] == "account.prove").collect();
    let how: Vec<&str> = proofs.iter().map(|e| e["details"]["proof"].as_str().unwrap()).collect();
    assert_eq!(how, ["staff", "code"], "each proof is audited, newest first: {audit}");
});

const ANA_FEED: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ana's notes</title><id>urn:ana</id><updated>2026-10-02T10:00:00Z</updated>{CODE}
  <entry><title>Profiling a slow query</title><id>urn:ana:1</id><link href="https://ana.example.org/slow-query"/>
    <updated>2026-09-01T10:00:00Z</updated><published>2026-09-01T10:00:00Z</published></entry>
</feed>"#;

on_both!(pl3_a_feed_is_read_from_the_address_its_member_proved, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let blog = common::blog::FakeBlog::spawn().await;
    let feed_url = blog.publish("ana.atom", &ANA_FEED.replace("{CODE}", ""));
    let imports = g.app.url(&format!("/api/v1/members/{}/imports/feed", g.member.id));
    let by_url =
        |who: &Person, url: &str| g.app.client.post(&imports).bearer_auth(&who.token).json(&json!({"url": url})).send();
    // The feed's text alone proves nothing: refused for the member.
    let res = g
        .app
        .client
        .post(&imports)
        .bearer_auth(&g.member.token)
        .body(ANA_FEED.replace("{CODE}", ""))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    let res = by_url(&g.member, &feed_url).await.unwrap();
    assert_eq!(res.status(), 409, "not linked yet");

    // By the page: link the feed, see the code, publish it, import.
    let page = common::gov::page_client(&g, Some(&g.member)).await;
    let link_feed = |handle: String| {
        let (page, app) = (&page, &g.app);
        async move {
            common::post_form(
                page,
                app,
                "/programs",
                "/programs/linked-accounts",
                &[("kind", "feed"), ("handle", &handle)],
            )
            .await
        }
    };
    let res = link_feed("not a url".into()).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("full web address"), "{html}");
    assert!(
        html.contains("value=\"not a url\"") && html.contains("aria-describedby=\"link-handle-error"),
        "kept, and tied to its error"
    );
    let secret = feed_url.replacen("://", "://ana:hunter2@", 1);
    let res = link_feed(secret).await;
    assert_eq!(res.status(), 422, "an address with a password is not stored");
    let res = link_feed(feed_url.clone()).await;
    let html = common::follow(&page, &g.app, res).await;
    assert!(html.contains("The account is linked") && html.contains("Waiting for the code"), "{html}");
    let code = html.split("<code class=\"proof-code\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
    let res = link_feed(feed_url.clone()).await;
    let again = common::follow(&page, &g.app, res).await;
    assert!(again.contains("already linked") && again.contains(&code), "linking twice keeps the one code");
    let (_, links) =
        g.call(Method::GET, &format!("/api/v1/members/{}/linked-accounts", g.member.id), &g.member, None).await;
    let id = links[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(links[0]["code"], code.as_str());
    let check = format!("/programs/linked-accounts/{id}/check");
    let res = common::post_form(&page, &g.app, "/programs", &check, &[]).await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    let (code_at, said_at) = (html.find("proof-code").unwrap(), html.find("The code is not there yet").unwrap());
    assert!(said_at > code_at, "said in that account's entry, under its code");

    blog.publish("ana.atom", &ANA_FEED.replace("{CODE}", &format!("<subtitle>Ana's notes. {code}</subtitle>")));
    let res = common::post_form(&page, &g.app, "/programs", &check, &[]).await;
    let html = common::follow(&page, &g.app, res).await;
    assert!(html.contains("proven yours") && html.contains("Import my posts"), "{html}");
    let res = common::post_form(&page, &g.app, "/programs", "/programs/imports/feed", &[("url", &feed_url)]).await;
    let html = common::follow(&page, &g.app, res).await;
    assert!(html.contains("1 new posts added"), "{html}");
    let r: Value = by_url(&g.member, &feed_url).await.unwrap().json().await.unwrap();
    assert_eq!((r["added"].as_u64(), r["already_there"].as_u64()), (Some(0), Some(1)), "read again, nothing new: {r}");
    // A feed gone from its address is said so, and nothing changes.
    let gone = blog.publish("gone.atom", "");
    let (_, l) = g
        .call(
            Method::POST,
            &format!("/api/v1/members/{}/linked-accounts", g.member.id),
            &g.member,
            Some(json!({"kind": "feed", "handle": format!("{gone}-missing")})),
        )
        .await;
    let (s, p) = g
        .call(Method::POST, &format!("/api/v1/linked-accounts/{}/check", l["id"].as_str().unwrap()), &g.member, None)
        .await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("account_unreachable")), "{p}");
    assert_eq!(g.app.count("contributions").await, 1);
});
