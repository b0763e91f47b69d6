//! Bad input gets a clear answer, never a panic, and changes nothing stored.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::*;
use guildhall_storage::Backend;

on_both!(bad_input_is_refused_clearly_and_stores_nothing, |backend: Backend| async move {
    let Some(app) = TestApp::spawn_with(backend, |c| c.max_body_bytes = 64 * 1024).await else { return };
    let c = browser();
    let members = app.count("members").await;
    let outbox = app.count("outbox").await;
    let long_name = "n".repeat(101);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("email", "not-an-email"), ("name", "Ana"), ("password", "correct horse battery")],
            "Enter an email address",
        ),
        (vec![("email", "a@b"), ("name", "Ana"), ("password", "correct horse battery")], "Enter an email address"),
        (
            vec![("email", "ana@example.org"), ("name", &long_name), ("password", "correct horse battery")],
            "This is too long",
        ),
        (vec![("email", "ana@example.org"), ("name", ""), ("password", "short")], "Use at least 10 characters"),
    ];
    for (form, message) in cases {
        let res = post_form(&c, &app, "/signup", "/signup", &form).await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains(message), "{message}");
    }
    // Over-long body: the page answers 413 with a page, the API with problem+json.
    let token = csrf(&c, &app.url("/signup")).await;
    let huge = "x".repeat(200 * 1024);
    let res =
        c.post(app.url("/signup")).form(&[("csrf", token.as_str()), ("name", huge.as_str())]).send().await.unwrap();
    assert_eq!(res.status(), 413);
    assert!(res.text().await.unwrap().contains("The request is too large"));
    let api = reqwest::Client::new();
    let state = guildhall::AppState::new(app.db.clone(), guildhall::Config::local(&app.tdb.url));
    let link = guildhall::services::tokens::bootstrap_admin(&state.services, "root@example.org", "Root").await.unwrap();
    assert!(link.contains("/signin/link?token="));
    let bearer = guildhall::services::tokens::token_for_email(&state.services, "root@example.org", "t").await.unwrap();
    let res = api
        .post(app.url("/api/v1/regions"))
        .bearer_auth(&bearer)
        .header("content-type", "application/json")
        .body(format!("{{\"name\":\"{huge}\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    // Invalid UTF-8 and malformed JSON (a fresh connection: the server closes one after a 413).
    let api = reqwest::Client::new();
    let res = api
        .post(app.url("/api/v1/regions"))
        .bearer_auth(&bearer)
        .header("content-type", "application/json")
        .body(vec![b'{', 0xff, 0xfe, b'}'])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "json_malformed");
    let res = c
        .post(app.url("/signup"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![b'c', b'=', 0xff, 0xfe])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "no valid CSRF token in garbage");
    let res = api
        .post(app.url("/api/v1/regions"))
        .bearer_auth(&bearer)
        .json(&serde_json::json!({"name": "Nordics", "currency": "KRONA"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "currency");
    assert_eq!(body["type"], "/problems/invalid_input");
    // Unknown routes and ids.
    let res = c.get(app.url("/no/such/page")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("We could not find that page"));
    let res = api.get(app.url("/api/v1/nothing")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = api.get(app.url("/api/v1/members/../../etc")).bearer_auth(&bearer).send().await.unwrap();
    assert!(res.status() == 404 || res.status() == 400);
    // Still serving, nothing stored by the bad requests (the admin above aside).
    assert_eq!(c.get(app.url("/healthz")).send().await.unwrap().status(), 200);
    assert_eq!(app.count("members").await, members + 1);
    assert_eq!(app.count("outbox").await, outbox);
    assert_eq!(app.count("regions").await, 0);
    app.stop().await;
});

#[test]
fn pl10_a_wrong_database_url_is_a_clear_error() {
    for url in ["mysql://localhost/x", "postgres://nobody@127.0.0.1:1/none"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_guildhall"))
            .args(["--database-url", url, "migrate"])
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error: cannot open database"), "{url}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[tokio::test]
async fn pl9_pages_speak_portuguese() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else { return };
    let c = browser();
    let html = c.get(app.url("/signin?lang=pt")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("lang=\"pt\"") && html.contains("Esqueceu-se da palavra-passe?"));
    // The choice is remembered by a cookie.
    let html = c.get(app.url("/signup")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Crie a sua conta"));
    let html = browser()
        .get(app.url("/signup"))
        .header("accept-language", "pt-BR,pt;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Crie a sua conta"));
    let res = reqwest::Client::new().get(app.url("/api/v1/me")).header("accept-language", "pt").send().await.unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["title"], "Entre primeiro na sua conta.");
    // A member who saved Portuguese reads refusals in it too, whatever the browser says.
    let (member, _, _) = app.member_with_role("lusa", None).await;
    sqlx::query("UPDATE members SET locale = 'pt' WHERE id = $1")
        .bind(member.to_string())
        .execute(app.db.reader())
        .await
        .unwrap();
    let lusa = app.browser_for(member).await;
    let forbidden = lusa.get(app.url("/programs/pipeline")).send().await.unwrap();
    assert_eq!(forbidden.status(), 403);
    assert!(forbidden.text().await.unwrap().contains("Não tem permissão para fazer isto."));
    let missing = lusa.get(app.url("/programs/applications/nothing-here")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("Não encontrámos"));
    app.stop().await;
}
