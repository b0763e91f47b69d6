//! End to end in a real browser: Debian's Chromium driven by chromedriver
//! over WebDriver (fantoccini). A visitor finds a group, signs up, follows
//! the verification link, registers, sees the ticket and cancels; a leader
//! creates and publishes an event and checks an attendee in (UG-14, PL-5).
//! Screenshots of the key pages go to `target/screenshots/<backend>/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::world::world;
use common::TestApp;
use fantoccini::{Client, ClientBuilder, Locator};
use guildhall_storage::testing::skip;
use guildhall_storage::Backend;
use serde_json::json;

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver() -> Option<Driver> {
    let path = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(path) = path else {
        skip("the browser test", "chromedriver is not installed (apt-get install -y chromium chromium-driver)");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child =
        Command::new(path).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    Some(Driver { child, port })
}

async fn connect(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    let profile = std::env::temp_dir().join(format!("guildhall-chrome-{}", uuid::Uuid::now_v7().simple()));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,1000", format!("--user-data-dir={}", profile.display())]
        }),
    );
    // chromedriver takes a moment to listen.
    for _ in 0..50 {
        if let Ok(c) = ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
        {
            return c;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not connect to chromedriver");
}

struct Shots {
    dir: PathBuf,
}

impl Shots {
    fn new(backend: Backend) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        let dir = root.join(format!("{backend:?}").to_lowercase());
        std::fs::create_dir_all(&dir).unwrap();
        Self { dir }
    }

    async fn take(&self, c: &Client, name: &str) {
        let png = c.screenshot().await.unwrap();
        std::fs::write(self.dir.join(format!("{name}.png")), png).unwrap();
    }
}

async fn text(c: &Client) -> String {
    c.find(Locator::Css("main")).await.unwrap().text().await.unwrap()
}

async fn fill(c: &Client, css: &str, value: &str) {
    let el = c.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css} on the page"));
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

/// Clicks something that loads a new page, and waits until the old page
/// is gone, so what follows reads the new one.
async fn click_and_wait(c: &Client, what: Locator<'_>, label: &str) {
    let old = c.find(Locator::Css("main")).await.unwrap();
    c.find(what).await.unwrap_or_else(|_| panic!("{label} on the page")).click().await.unwrap();
    for _ in 0..100 {
        if old.text().await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("clicking {label} did not load a page");
}

async fn click(c: &Client, css: &str) {
    click_and_wait(c, Locator::Css(css), css).await;
}

async fn click_link(c: &Client, text: &str) {
    click_and_wait(c, Locator::LinkText(text), text).await;
}

async fn visitor_registers_and_cancels(app: &TestApp, c: &Client, shots: &Shots, event_title: &str) {
    c.goto(&app.url("/")).await.unwrap();
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
    // No account yet: sign up, then follow the emailed link.
    c.goto(&app.url("/signup")).await.unwrap();
    fill(c, "#name", "Vera Visitor").await;
    fill(c, "#email", "vera@example.org").await;
    fill(c, "#password", "a long enough password").await;
    click(c, "main form button[type=submit]").await;
    let token = app.emailed_token("vera@example.org", "/verify").await;
    c.goto(&app.url(&format!("/verify?token={token}"))).await.unwrap();
    assert!(c.current_url().await.unwrap().path().starts_with("/account"));
    // Back to the event, one click to register.
    c.goto(&app.url("/groups/lisboa-net")).await.unwrap();
    click_link(c, event_title).await;
    click(c, "aside form button[type=submit]").await;
    assert!(c.current_url().await.unwrap().path().starts_with("/tickets/"));
    let ticket = text(c).await;
    assert!(ticket.contains("You're in"), "{ticket}");
    assert!(regex::Regex::new(r"[A-Z2-9]{4}-[A-Z2-9]{4}").unwrap().is_match(&ticket), "code on the ticket");
    c.find(Locator::Css(".qr svg")).await.expect("QR image");
    shots.take(c, "05-ticket").await;
    click(c, "form[action$='/cancel'] button").await;
    let page = text(c).await;
    assert!(page.contains("Register"), "back on the event page, free to register again: {page}");
    assert!(!page.contains("You're in"));
}

async fn leader_creates_publishes_and_checks_in(w: &common::world::World, c: &Client, shots: &Shots) {
    let app = &w.app;
    c.goto(&app.url("/signin")).await.unwrap();
    fill(c, "#email", "lead@example.org").await;
    fill(c, "#password", "correct horse battery").await;
    click(c, "main form button[type=submit]").await;
    c.goto(&app.url("/groups/lisboa-net")).await.unwrap();
    click_link(c, "New event").await;
    fill(c, "#title", "Rust on the server").await;
    fill(c, "#description", "Three short talks and a long conversation.").await;
    // datetime-local fields take the digits as typed in the en-US layout.
    let start = chrono::Utc::now() + chrono::Duration::days(20);
    let local = start.with_timezone(&chrono_tz::Europe::Lisbon);
    c.execute(
        "document.getElementById('starts_at').value = arguments[0]; document.getElementById('ends_at').value = arguments[1];",
        vec![json!(local.format("%Y-%m-%dT18:30").to_string()), json!(local.format("%Y-%m-%dT21:00").to_string())],
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
    c.goto(&app.url(&format!("/events/{event_id}/attendees"))).await.unwrap();
    shots.take(c, "07-attendees").await;
    click(c, "table form button").await;
    let page = text(c).await;
    assert!(page.contains("attendee 0 is checked in."), "{page}");
    assert!(page.contains("1 confirmed, 0 waiting, 1 checked in"), "{page}");
    shots.take(c, "08-checked-in").await;
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
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_visitor_and_leader_in_chromium_on_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_visitor_and_leader_in_chromium_on_postgres() {
    run(Backend::Postgres).await;
}
