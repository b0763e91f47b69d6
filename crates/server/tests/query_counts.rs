//! How many database round trips the main pages make for a signed-in
//! member, counted (not timed) so that a page that starts reading row by
//! row fails here instead of in production. sqlx reports every statement
//! as a `sqlx::query` tracing event; this binary installs a layer that
//! counts them. It holds one test that visits both databases one after the
//! other, so no other request adds to the count.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::world::world;
use guildhall_storage::Backend;
use reqwest::Method;
use tracing::Subscriber;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

struct CountStatements;

impl<S: Subscriber> Layer<S> for CountStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let mut summary = Summary(String::new());
        event.record(&mut summary);
        // A connection the pool opens sets itself up (SQLite's PRAGMAs):
        // that is the pool's work, not the page's.
        if !summary.0.to_ascii_uppercase().starts_with("PRAGMA") {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// The statement's first words, as sqlx reports them.
struct Summary(String);

impl tracing::field::Visit for Summary {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "summary" {
            value.clone_into(&mut self.0);
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" {
            self.0 = format!("{value:?}").trim_matches('"').to_owned();
        }
    }
}

/// Statements run while answering one GET (the page is read to its end),
/// counted on the second visit, once the pool holds its connections.
async fn statements(client: &reqwest::Client, url: &str, bearer: Option<&str>) -> usize {
    let _ = visit(client, url, bearer).await;
    visit(client, url, bearer).await
}

async fn visit(client: &reqwest::Client, url: &str, bearer: Option<&str>) -> usize {
    let before = STATEMENTS.load(Ordering::SeqCst);
    let mut req = client.get(url);
    if let Some(t) = bearer {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.expect("page answers");
    assert_eq!(res.status(), 200, "{url}");
    let _ = res.text().await.expect("page body");
    STATEMENTS.load(Ordering::SeqCst) - before
}

async fn pages(backend: Backend) -> Vec<(&'static str, usize, usize)> {
    // A missing database is reported (and under GUILDHALL_REQUIRE_ALL fails) by the kit.
    let Some(w) = world(backend).await else { return Vec::new() };
    let ev = w.published(50).await;
    let member = common::signed_up(&w.app, "counted@example.org", "Counted Member", "correct horse battery").await;
    let (_, _, token) = w.app.member_with_role("api-counted", None).await;
    // The member holds a seat, so the page shows their ticket too.
    let res =
        common::post_form(&member, &w.app, &format!("/events/{ev}"), &format!("/events/{ev}/register"), &[]).await;
    assert_eq!(res.status(), 303, "registered through the page");

    // (page, statements counted, the most it may take)
    let mut out = Vec::new();
    for (page, path, budget) in [
        ("event page", format!("/events/{ev}"), 4),
        // UG-16: the group's series, one statement for all of them.
        ("group page", format!("/groups/{}", w.slug), 7),
        ("home page", "/".to_owned(), 3),
        ("my tickets", "/tickets".to_owned(), 4),
        // UG-15: whether the member follows each listed group, in one statement for all.
        ("group directory", "/groups".to_owned(), 5),
        ("emails page (follows)", "/account/emails".to_owned(), 4),
    ] {
        out.push((page, statements(&member, &w.app.url(&path), None).await, budget));
    }
    out.push((
        "API event",
        statements(&w.app.client, &w.app.url(&format!("/api/v1/events/{ev}")), Some(&token)).await,
        4,
    ));
    // A group's events through the API: the same few round trips for three
    // events as for one (each used to be read on its own).
    let more = [w.published(20).await, w.published(30).await];
    out.push((
        "API group events (3)",
        statements(&w.app.client, &w.app.url(&format!("/api/v1/groups/{}/events", w.slug)), Some(&token)).await,
        6,
    ));
    // The member's tickets: the same round trips for three as for one (the
    // page used to read each ticket's event and group on its own).
    for ev in &more {
        let res =
            common::post_form(&member, &w.app, &format!("/events/{ev}"), &format!("/events/{ev}/register"), &[]).await;
        assert_eq!(res.status(), 303, "registered through the page");
    }
    out.push(("my tickets (3)", statements(&member, &w.app.url("/tickets"), None).await, 4));
    let (s, _) =
        w.app.api(Method::POST, &format!("/api/v1/events/{}/registrations", more[0]), Some(&token), None).await;
    assert_eq!(s, 201);
    out.push(("API my tickets", statements(&w.app.client, &w.app.url("/api/v1/me/tickets"), Some(&token)).await, 3));
    let (s, _) = w.app.api(Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(s, 200);
    w.app.stop().await;
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_in_pages_read_what_they_show_in_few_round_trips() {
    let _ = tracing_subscriber::registry()
        .with(CountStatements.with_filter(Targets::new().with_target("sqlx::query", LevelFilter::TRACE)))
        .try_init();
    let mut report = Vec::new();
    let mut over = Vec::new();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        for (page, n, budget) in pages(backend).await {
            assert!(n > 0, "{page} on {backend:?}: the counter saw no statement, so it counts nothing");
            report.push(format!("{backend:?} {page}: {n} statements (at most {budget})"));
            if n > budget {
                over.push(format!("{backend:?} {page}: {n} > {budget}"));
            }
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        over.is_empty(),
        "pages over their budget of round trips:\n{}\n\nall:\n{}",
        over.join("\n"),
        report.join("\n")
    );
}
