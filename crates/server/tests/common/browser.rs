//! The browser kit: Debian's Chromium driven by chromedriver over
//! WebDriver (fantoccini), screenshots, and helpers that wait for pages.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use guildhall_storage::testing::skip;
use guildhall_storage::Backend;
use serde_json::json;

/// chromedriver on a free port, killed when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start_driver() -> Option<Driver> {
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

pub async fn connect(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    let profile = std::env::temp_dir().join(format!("guildhall-chrome-{}", uuid::Uuid::now_v7().simple()));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900", format!("--user-data-dir={}", profile.display())]
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

/// Screenshots of the pages a browser test shows (issue 17, item 7): each
/// at 1280×900 and at a 390×844 phone size, and audited by
/// [`super::audit`]. [`Shots::finish`] gives the audit's verdict; a test
/// that forgets it fails.
pub struct Shots {
    dir: PathBuf,
    finished: std::sync::atomic::AtomicBool,
}

/// The window sizes every page is photographed at.
pub const DESKTOP: (u32, u32) = (1280, 900);
pub const PHONE: (u32, u32) = (390, 844);

impl Shots {
    pub fn new(backend: Backend) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        let dir = root.join(format!("{backend:?}").to_lowercase());
        std::fs::create_dir_all(dir.join("phone")).unwrap();
        Self { dir, finished: Default::default() }
    }

    pub async fn take(&self, c: &Client, name: &str) {
        super::audit::page(c, Some(name)).await;
        desktop_size(c).await;
        let png = c.screenshot().await.unwrap();
        std::fs::write(self.dir.join(format!("{name}.png")), png).unwrap();
        phone_size(c).await;
        let png = c.screenshot().await.unwrap();
        std::fs::write(self.dir.join("phone").join(format!("{name}.png")), png).unwrap();
        desktop_size(c).await;
    }

    /// Fails the test on any problem the audit found.
    pub fn finish(&self) {
        self.finished.store(true, std::sync::atomic::Ordering::SeqCst);
        super::audit::verdict();
    }
}

impl Drop for Shots {
    fn drop(&mut self) {
        if !std::thread::panicking() && !self.finished.load(std::sync::atomic::Ordering::SeqCst) {
            panic!("a browser test ended without Shots::finish, so its pages went unaudited");
        }
    }
}

/// A Chrome DevTools command, through chromedriver's own endpoint.
#[derive(Debug)]
struct Cdp(&'static str, serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        (axum::http::Method::POST, Some(json!({"cmd": self.0, "params": self.1}).to_string()))
    }
}

/// Makes the viewport exactly `width`×`height` CSS pixels (a window
/// cannot be made that narrow, and its frame takes height).
async fn viewport(c: &Client, (width, height): (u32, u32), mobile: bool) {
    let metrics = json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile});
    c.issue_cmd(Cdp("Emulation.setDeviceMetricsOverride", metrics)).await.unwrap();
}

/// Makes the browser believe it is in `zone` (as `Intl` reports it).
pub async fn time_zone(c: &Client, zone: &str) {
    c.issue_cmd(Cdp("Emulation.setTimezoneOverride", json!({"timezoneId": zone}))).await.unwrap();
}

/// A 390×844 phone's viewport.
pub async fn phone_size(c: &Client) {
    viewport(c, PHONE, true).await;
}

/// A 1280×900 desktop's viewport.
pub async fn desktop_size(c: &Client) {
    viewport(c, DESKTOP, false).await;
}

/// Opens `url` and audits the page it shows.
pub async fn visit(c: &Client, url: &str) {
    c.goto(url).await.unwrap();
    super::audit::page(c, None).await;
}

/// The page's main text. A page still loading may replace `main` between
/// finding it and reading it (a stale element): then read the new one.
pub async fn text(c: &Client) -> String {
    for _ in 0..50 {
        if let Ok(main) = c.find(Locator::Css("main")).await {
            if let Ok(t) = main.text().await {
                return t;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the page has no readable main");
}

pub async fn fill(c: &Client, css: &str, value: &str) {
    let el = c.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css} on the page"));
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

/// Clicks something that loads a new page, and waits until the old page
/// is gone, so what follows reads the new one.
pub async fn click_and_wait(c: &Client, what: Locator<'_>, label: &str) {
    let old = c.find(Locator::Css("main")).await.unwrap();
    c.find(what).await.unwrap_or_else(|_| panic!("{label} on the page")).click().await.unwrap();
    for _ in 0..100 {
        if old.text().await.is_err() {
            super::audit::page(c, None).await;
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("clicking {label} did not load a page");
}

pub async fn click(c: &Client, css: &str) {
    click_and_wait(c, Locator::Css(css), css).await;
}

pub async fn click_link(c: &Client, text: &str) {
    click_and_wait(c, Locator::LinkText(text), text).await;
}

/// An XPath string literal for `text` (which may hold an apostrophe).
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        return format!("'{text}'");
    }
    let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
    format!("concat({})", parts.join(", \"'\", "))
}

/// Presses the button whose visible text is `label` (a hidden suffix for
/// screen readers may follow it) and waits for the next page.
pub async fn press(c: &Client, label: &str) {
    let xpath = format!("//main//button[starts-with(normalize-space(.), {})]", xpath_literal(label));
    click_and_wait(c, Locator::XPath(&xpath), label).await;
}

/// Types `value` into the field whose label reads `label`.
pub async fn type_into(c: &Client, label: &str, value: &str) {
    let xpath = format!("//main//label[normalize-space(.)={}]", xpath_literal(label));
    let l = c.find(Locator::XPath(&xpath)).await.unwrap_or_else(|_| panic!("a field labelled {label:?}"));
    let id = l.attr("for").await.unwrap().unwrap_or_else(|| panic!("{label:?} names its field"));
    let el = c.find(Locator::Id(&id)).await.unwrap();
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

/// Picks the option `option` in the list labelled `label`.
pub async fn choose(c: &Client, label: &str, option: &str) {
    let xpath = format!("//main//label[normalize-space(.)={}]", xpath_literal(label));
    let l = c.find(Locator::XPath(&xpath)).await.unwrap_or_else(|_| panic!("a list labelled {label:?}"));
    let id = l.attr("for").await.unwrap().unwrap_or_else(|| panic!("{label:?} names its list"));
    let o = format!("//select[@id={}]/option[normalize-space(.)={}]", xpath_literal(&id), xpath_literal(option));
    c.find(Locator::XPath(&o)).await.unwrap_or_else(|_| panic!("{option:?} in {label:?}")).click().await.unwrap();
}

/// CH-5: on an application page, judges the first `n` pieces of evidence
/// as meeting every rubric point, one by one, waiting for each to be saved.
pub async fn judge_pieces_as_meeting_the_rubric(c: &Client, n: usize) {
    for i in 0..n {
        let forms = c.find_all(Locator::Css("form[action$='/judgments']")).await.unwrap();
        for b in forms[i].find_all(Locator::Css("input[type=checkbox]")).await.unwrap() {
            b.click().await.unwrap();
        }
        forms[i].find(Locator::Css("button")).await.unwrap().click().await.unwrap();
        // The page reloads with one more piece meeting the rubric.
        let mut page = text(c).await;
        for _ in 0..100 {
            if page.matches("Meets the rubric").count() == i + 1 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            page = text(c).await;
        }
        assert!(page.contains("The judgment is saved.") && page.matches("Meets the rubric").count() == i + 1, "{page}");
    }
}

/// The password of the accounts [`account`] makes.
pub const PASSWORD: &str = "correct horse battery";

/// A password account made through the pages, with `role` granted.
pub async fn account(g: &super::gov::Gov, email: &str, name: &str, role: Option<guildhall_domain::access::Role>) {
    super::signed_up(&g.app, email, name, PASSWORD).await;
    if let Some(role) = role {
        let email = guildhall_domain::values::EmailAddress::parse(email).unwrap();
        let m = guildhall_storage::members::by_email(g.app.db.reader(), &email).await.unwrap().unwrap();
        let mut tx = g.app.db.begin().await.unwrap();
        guildhall_storage::members::grant(&mut tx, m.id, role, None, chrono::Utc::now()).await.unwrap();
        tx.commit().await.unwrap();
    }
}

/// Signs `c` in through the sign-in page with an [`account`]'s password.
pub async fn sign_in(g: &super::gov::Gov, c: &Client, email: &str) {
    visit(c, &g.app.url("/signin")).await;
    fill(c, "#email", email).await;
    fill(c, "#password", PASSWORD).await;
    click(c, "main form button[type=submit]").await;
}
