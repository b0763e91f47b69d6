//! Test kit: a Guildhall server on a random port over a fresh database,
//! a cookie-keeping client, the outbox to read emailed links from, and a
//! real SMTP server on loopback.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod audit;
pub mod blog;
pub mod browser;
pub mod calendar_readers;
pub mod forms;
pub mod forum;
pub mod gov;
pub mod world;

use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use guildhall::auth::secrets;
use guildhall::{AppState, Config, Server};
use guildhall_domain::access::Role;
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale};
use guildhall_storage::members::{self, NewMember};
use guildhall_storage::testing::TestDb;
use guildhall_storage::tokens;
use guildhall_storage::{Backend, Db};
use sqlx::Row;

/// A running app with its own database.
pub struct TestApp {
    pub base: String,
    pub state: AppState,
    /// For API calls; keeps connections alive.
    pub client: reqwest::Client,
    pub db: Db,
    pub server: Option<Server>,
    pub tdb: TestDb,
}

impl TestApp {
    /// Starts an app on `backend`; `None` when that backend is not available
    /// (already reported loudly by the storage test kit).
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, tweak: impl FnOnce(&mut Config)) -> Option<TestApp> {
        let tdb = TestDb::fresh(backend).await?;
        let mut config = Config::local(&tdb.url);
        config.bind = ([127, 0, 0, 1], 0).into();
        config.run_worker = false;
        // Tests read pages right after changing things; the cache has its own test.
        config.page_cache_ms = 0;
        // The tests' feeds are served on loopback.
        config.fetch_private_hosts = true;
        config.mail_dir = std::env::temp_dir().join(format!("guildhall-mail-{}", uuid::Uuid::now_v7().simple()));
        config.upload_dir = std::env::temp_dir().join(format!("guildhall-uploads-{}", uuid::Uuid::now_v7().simple()));
        tweak(&mut config);
        let state = AppState::new(tdb.db.clone(), config);
        let server = Server::start(state.clone()).await.expect("server starts");
        let base = format!("http://{}", server.addr);
        let client = reqwest::Client::builder().pool_max_idle_per_host(1024).build().unwrap();
        Some(TestApp { base, state, client, db: tdb.db.clone(), server: Some(server), tdb })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The newest email to `to`, as (subject, body) the way it goes out.
    pub async fn last_email(&self, to: &str) -> (String, String) {
        let row = sqlx::query(
            "SELECT subject, COALESCE(body_secret, body_text) AS body FROM outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(to)
        .fetch_one(self.db.reader())
        .await
        .unwrap_or_else(|e| panic!("no email to {to}: {e}"));
        (row.get("subject"), row.get("body"))
    }

    /// The token of the newest link to `path` emailed to `to`.
    pub async fn emailed_token(&self, to: &str, path: &str) -> String {
        let (_, body) = self.last_email(to).await;
        let re = regex::Regex::new(&format!(r"{}\?token=([A-Za-z0-9_\-]+)", regex::escape(path))).unwrap();
        re.captures(&body).unwrap_or_else(|| panic!("no {path} link in: {body}"))[1].to_owned()
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
            .fetch_one(self.db.reader())
            .await
            .unwrap()
            .get::<i64, _>("n")
    }

    /// Verified members with API tokens, made straight in the database:
    /// quick setup for tests that need many. Returns (id, email, token).
    /// A browser signed in as `member` (a session made in the database),
    /// that shows redirects rather than following them.
    pub async fn browser_for(&self, member: MemberId) -> reqwest::Client {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let token = guildhall::auth::secrets::new_token();
        let mut tx = self.db.begin().await.unwrap();
        let now = chrono::Utc::now();
        guildhall_storage::sessions::create_session(
            &mut tx,
            &guildhall::auth::secrets::hash_token(&token),
            member,
            now,
            now + chrono::Duration::days(1),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        jar.add_cookie_str(&format!("gh_session={token}; Path=/"), &self.base.parse().unwrap());
        reqwest::Client::builder().cookie_provider(jar).redirect(reqwest::redirect::Policy::none()).build().unwrap()
    }

    pub async fn members_with_tokens(&self, prefix: &str, n: usize) -> Vec<(MemberId, String, String)> {
        let now = chrono::Utc::now();
        let mut tx = self.db.begin().await.unwrap();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let email = EmailAddress::parse(&format!("{prefix}{i}@example.org")).unwrap();
            let name = DisplayName::parse(&format!("{prefix} {i}")).unwrap();
            let new = NewMember { email: &email, name: &name, password_hash: None, verified: true, locale: Locale::En };
            let id = members::insert(&mut tx, new, now).await.unwrap();
            let token = secrets::new_token();
            tokens::create(&mut tx, id, "test", &secrets::hash_token(&token), now).await.unwrap();
            out.push((id, email.to_string(), token));
        }
        tx.commit().await.unwrap();
        out
    }

    /// A member with a token and the given role.
    pub async fn member_with_role(&self, email_prefix: &str, role: Option<Role>) -> (MemberId, String, String) {
        let (id, email, token) = self.members_with_tokens(email_prefix, 1).await.remove(0);
        if let Some(role) = role {
            let mut tx = self.db.begin().await.unwrap();
            members::grant(&mut tx, id, role, None, chrono::Utc::now()).await.unwrap();
            tx.commit().await.unwrap();
        }
        (id, email, token)
    }

    /// Sends a JSON request with a bearer token; returns status and body.
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let text = res.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)))
    }

    /// Another instance on this test's database, as behind a load balancer
    /// (no worker of its own); the caller stops it.
    pub async fn another_instance(&self) -> Server {
        let db = guildhall_storage::Db::connect(&self.tdb.url, 10).await.expect("another instance connects");
        let mut config = Config::local(&self.tdb.url);
        config.bind = ([127, 0, 0, 1], 0).into();
        config.run_worker = false;
        Server::start(AppState::new(db, config)).await.expect("another instance starts")
    }

    pub async fn stop(mut self) {
        if let Some(s) = self.server.take() {
            s.stop().await;
        }
    }
}

/// A browser-like client: keeps cookies, does not follow redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// The CSRF token embedded in a page's forms.
pub async fn csrf(client: &reqwest::Client, url: &str) -> String {
    let html = client.get(url).send().await.unwrap().text().await.unwrap();
    let re = regex::Regex::new(r#"name="csrf" value="([^"]+)""#).unwrap();
    re.captures(&html).unwrap_or_else(|| panic!("no csrf field on {url}"))[1].to_owned()
}

/// PL-13: whether `button` (its text) is only reachable through a
/// confirmation step: every occurrence sits inside an unopened `<details>`.
pub fn asks_first(html: &str, button: &str) -> bool {
    let mut found = false;
    for (at, _) in html.match_indices(button) {
        let before = &html[..at];
        let opened = before.rfind("<details");
        let closed = before.rfind("</details>");
        match opened {
            Some(o)
                if closed.is_none_or(|c| c < o) && !html[o..at].split('>').next().unwrap_or("").contains(" open") =>
            {
                found = true
            }
            _ => return false,
        }
    }
    found
}

/// Posts a form with the page's CSRF token.
pub async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let token = csrf(client, &app.url(page)).await;
    let mut form: Vec<(&str, &str)> = vec![("csrf", &token)];
    form.extend_from_slice(fields);
    client.post(app.url(action)).form(&form).send().await.unwrap()
}

/// Where a form's 303 answer leads, as the browser would show it.
pub async fn follow(client: &reqwest::Client, app: &TestApp, res: reqwest::Response) -> String {
    assert_eq!(res.status(), 303, "a form that worked sends the browser on");
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    client.get(app.url(&to)).send().await.unwrap().text().await.unwrap()
}

/// Asks `check` until it holds, for about five seconds; whether it did.
/// For what another task or instance does on its own time (a queue freed,
/// a notification heard): the assertion stays with the caller.
pub async fn eventually<F, Fut>(mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..500 {
        if check().await {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    false
}

/// Signs up and verifies a member through the pages; returns a signed-in client.
pub async fn signed_up(app: &TestApp, email: &str, name: &str, password: &str) -> reqwest::Client {
    let c = browser();
    let res =
        post_form(&c, app, "/signup", "/signup", &[("email", email), ("name", name), ("password", password)]).await;
    assert_eq!(res.status(), 200, "sign-up page answers");
    let token = app.emailed_token(email, "/verify").await;
    let page = format!("/verify?token={token}");
    let res = post_form(&c, app, &page, "/verify", &[("token", &token), ("password", password)]).await;
    assert_eq!(res.status(), 303, "the sign-up's own password confirms the address");
    assert_eq!(res.headers()["location"], "/account?verified=1");
    c
}

/// A configuration whose worker sends the outbox to the [`SmtpSink`] on
/// `port`, soon after each email is queued.
pub fn sending_to(port: u16) -> impl FnOnce(&mut Config) {
    move |c| {
        c.run_worker = true;
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.worker_poll_ms = 100;
    }
}

/// A real SMTP server on loopback that keeps every message it accepts.
#[derive(Clone, Default)]
pub struct SmtpSink {
    pub messages: Arc<Mutex<Vec<String>>>,
    current: Vec<u8>,
}

impl mailin_embedded::Handler for SmtpSink {
    fn data_start(&mut self, _d: &str, _f: &str, _is_8bit: bool, _to: &[String]) -> mailin_embedded::Response {
        self.current.clear();
        mailin_embedded::response::OK
    }
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }
    fn data_end(&mut self) -> mailin_embedded::Response {
        let text = String::from_utf8_lossy(&self.current).into_owned();
        self.messages.lock().unwrap().push(text);
        mailin_embedded::response::OK
    }
}

impl SmtpSink {
    /// Starts the server on a free loopback port; returns it and its port.
    pub fn start() -> (SmtpSink, u16) {
        let sink = SmtpSink::default();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mut server = mailin_embedded::Server::new(sink.clone());
        // A thread per connection, and the worker keeps a pool of them open:
        // enough threads that none waits, as with a real mail server.
        server.with_name("localhost").with_num_threads(64).with_tcp_listener(listener);
        server.with_ssl(mailin_embedded::SslConfig::None).unwrap();
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        (sink, port)
    }

    pub fn received(&self) -> Vec<String> {
        self.messages.lock().unwrap().clone()
    }

    /// Message-IDs of everything received.
    pub fn message_ids(&self) -> Vec<String> {
        let re = regex::Regex::new(r"(?mi)^Message-ID:\s*<([^>]+)>").unwrap();
        self.received().iter().filter_map(|m| re.captures(m).map(|c| c[1].to_owned())).collect()
    }
}

/// Runs one async test body on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)(guildhall_storage::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)(guildhall_storage::Backend::Postgres).await;
            }
        }
    };
}

/// The `text/calendar` part of a raw message, decoded, with its METHOD
/// parameter (read by `mailparse`, a MIME parser none of us wrote).
pub fn calendar_part(raw: &str) -> Option<(String, String)> {
    fn walk(p: &mailparse::ParsedMail) -> Option<(String, String)> {
        if p.ctype.mimetype == "text/calendar" {
            let method = p.ctype.params.get("method").cloned().unwrap_or_default();
            return Some((method, p.get_body().ok()?));
        }
        p.subparts.iter().find_map(walk)
    }
    walk(&mailparse::parse_mail(raw.as_bytes()).ok()?)
}

/// One property of the first VEVENT, read by the `ical` parser.
pub fn vevent_props(ics: &str) -> Vec<ical::property::Property> {
    let cal = ical::IcalParser::new(ics.as_bytes()).next().unwrap().unwrap();
    cal.events[0].properties.clone()
}

pub fn prop(props: &[ical::property::Property], name: &str) -> String {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
}
