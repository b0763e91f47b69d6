//! End to end in a real browser: Debian's Chromium driven by chromedriver
//! over WebDriver (fantoccini). A visitor finds a group, signs up, follows
//! the verification link, registers, sees the ticket and cancels; a leader
//! creates and publishes an event and checks an attendee in (UG-14, PL-5).
//! Screenshots of the key pages go to `target/screenshots/<backend>/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::browser::{click, click_link, connect, fill, start_driver, text, visit, Shots};
use common::world::world;
use common::TestApp;
use fantoccini::{Client, Locator};
use guildhall_storage::Backend;
use serde_json::json;

async fn visitor_registers_and_cancels(app: &TestApp, c: &Client, shots: &Shots, event_title: &str) {
    visit(c, &app.url("/")).await;
    shots.take(c, "01-home").await;
    click_link(c, "Groups").await;
    fill(c, "#q", "lisboa").await;
    click(c, "form.filters button[type=submit]").await;
    shots.take(c, "02-directory").await;
    click_link(c, "Lisboa .NET").await;
    assert!(text(c).await.contains("Upcoming events"));
    shots.take(c, "03-group").await;
    click_link(c, event_title).await;
    shots.take(c, "04-event").await;
    click_link(c, "Sign in to register").await;
    // No account yet: sign up, then follow the emailed link. She is in
    // Brazil, and her new account knows it without asking (issue 17).
    common::browser::time_zone(c, "America/Sao_Paulo").await;
    visit(c, &app.url("/signup")).await;
    fill(c, "#name", "Vera Visitor").await;
    fill(c, "#email", "vera@example.org").await;
    fill(c, "#password", "a long enough password").await;
    click(c, "main form button[type=submit]").await;
    let token = app.emailed_token("vera@example.org", "/verify").await;
    visit(c, &app.url(&format!("/verify?token={token}"))).await;
    fill(c, "#password", "a long enough password").await;
    click(c, "main form button[type=submit]").await;
    assert!(c.current_url().await.unwrap().path().starts_with("/account"));
    let zone = c.find(Locator::Css("#time_zone")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(zone.as_deref(), Some("America/Sao_Paulo"), "the time zone is the browser's, not UTC");
    // Back to the event, one click to register.
    visit(c, &app.url("/groups/lisboa-net")).await;
    click_link(c, event_title).await;
    click(c, "aside form button[type=submit]").await;
    assert!(c.current_url().await.unwrap().path().starts_with("/tickets/"));
    let ticket = text(c).await;
    assert!(ticket.contains("You're in"), "{ticket}");
    assert!(regex::Regex::new(r"[A-Z2-9]{4}-[A-Z2-9]{4}").unwrap().is_match(&ticket), "code on the ticket");
    c.find(Locator::Css(".qr svg")).await.expect("QR image");
    shots.take(c, "05-ticket").await;
    // PL-13: giving the place up asks first; the button is hidden until then.
    let give_up = c.find(Locator::Css("form[action$='/cancel'] button")).await.unwrap();
    assert!(!give_up.is_displayed().await.unwrap(), "no one-click cancel");
    c.find(Locator::Css("details.confirm summary")).await.unwrap().click().await.unwrap();
    assert!(give_up.is_displayed().await.unwrap(), "the step opens on the page, no load");
    shots.take(c, "05b-ticket-give-up").await;
    click(c, "form[action$='/cancel'] button").await;
    let page = text(c).await;
    assert!(page.contains("You gave up this place"), "the ticket says what happened: {page}");
    assert!(!page.contains("You're in"));
    click_link(c, "Event page").await;
    let page = text(c).await;
    assert!(page.contains("Register"), "free to register again: {page}");
}

async fn leader_creates_publishes_and_checks_in(w: &common::world::World, c: &Client, shots: &Shots) {
    let app = &w.app;
    visit(c, &app.url("/signin")).await;
    fill(c, "#email", "lead@example.org").await;
    fill(c, "#password", "correct horse battery").await;
    click(c, "main form button[type=submit]").await;
    visit(c, &app.url("/groups/lisboa-net")).await;
    click_link(c, "New event").await;
    fill(c, "#title", "Rust on the server").await;
    fill(c, "#description", "Three short talks and a long conversation.").await;
    // datetime-local fields take the digits as typed in the en-US layout.
    // It starts within the hour, so the door is open for check-in (UG-14).
    let start = (chrono::Utc::now() + chrono::Duration::hours(1)).with_timezone(&chrono_tz::Europe::Lisbon);
    let end = start + chrono::Duration::hours(2);
    c.execute(
        "document.getElementById('starts_at').value = arguments[0]; document.getElementById('ends_at').value = arguments[1];",
        vec![json!(start.format("%Y-%m-%dT%H:%M").to_string()), json!(end.format("%Y-%m-%dT%H:%M").to_string())],
    )
    .await
    .unwrap();
    fill(c, "#capacity", "30").await;
    fill(c, "#online_link", "https://meet.example.org/rust").await;
    shots.take(c, "06-event-form").await;
    click(c, "main form button[type=submit]").await;
    assert!(text(c).await.contains("Draft"));
    click(c, "form[action$='/publish'] button").await;
    let url = c.current_url().await.unwrap();
    let event_id = url.path().trim_start_matches("/events/").to_owned();
    assert!(!text(c).await.contains("Draft"));
    // Someone registers (through the API), the leader checks them in at the door.
    let (_, _, token) = app.member_with_role("attendee", None).await;
    let (s, body) =
        app.api(reqwest::Method::POST, &format!("/api/v1/events/{event_id}/registrations"), Some(&token), None).await;
    assert_eq!(s, 201, "{body}");
    visit(c, &app.url(&format!("/events/{event_id}/attendees"))).await;
    shots.take(c, "07-attendees").await;
    click(c, "table form button").await;
    let page = text(c).await;
    assert!(page.contains("attendee 0 is in."), "{page}");
    assert!(page.contains("1 confirmed, 0 waiting, 1 checked in"), "{page}");
    shots.take(c, "08-checked-in").await;
    // UG-14: a walk-in with no account comes in by name, and the list is
    // searched as one types (accents and case ignored).
    fill(c, "#walkin-name", "Zoë Álvares").await;
    click(c, "form[action$='/walk-in'] button").await;
    assert!(text(c).await.contains("Zoë Álvares is in, as a walk-in."));
    let rows = || async { c.find_all(Locator::Css("#door-list tbody tr")).await.unwrap() };
    assert_eq!(rows().await.len(), 2, "the registered attendee and the walk-in");
    c.find(Locator::Css("#door-q")).await.unwrap().send_keys("zoe alv").await.unwrap();
    let mut shown = Vec::new();
    for row in rows().await {
        if row.is_displayed().await.unwrap() {
            shown.push(row.text().await.unwrap());
        }
    }
    assert_eq!(shown.len(), 1, "typing narrows the list with no page load: {shown:?}");
    assert!(shown[0].contains("Zoë Álvares"), "{shown:?}");
    shots.take(c, "08b-door-search").await;
}

async fn run(backend: Backend) {
    let Some(driver) = start_driver() else { return };
    let Some(w) = world(backend).await else { return };
    let title = "Minimal APIs in depth";
    w.published(40).await;
    // The leader has a password account to sign in with.
    let lead = common::signed_up(&w.app, "lead@example.org", "Lia Leader", "correct horse battery").await;
    drop(lead);
    let (s, _) = w
        .app
        .api(
            reqwest::Method::POST,
            "/api/v1/groups/lisboa-net/leaders",
            Some(&w.admin),
            Some(json!({"email": "lead@example.org"})),
        )
        .await;
    assert_eq!(s, 200);
    let shots = Shots::new(backend);
    let visitor = connect(&driver).await;
    visitor_registers_and_cancels(&w.app, &visitor, &shots, title).await;
    visitor.close().await.unwrap();
    let leader = connect(&driver).await;
    leader_creates_publishes_and_checks_in(&w, &leader, &shots).await;
    leader.close().await.unwrap();
    w.app.stop().await;
    shots.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_visitor_and_leader_in_chromium_on_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_visitor_and_leader_in_chromium_on_postgres() {
    run(Backend::Postgres).await;
}
