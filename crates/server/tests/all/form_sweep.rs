//! PL-13, issue 17 item 2: nothing fails silently. Every form the demo
//! shows each role (found by following the links, as in the page audit)
//! is sent with bad values in every field a person types into: far too
//! long text, a date that does not exist, a choice not on the list, a
//! program where a document was asked for. Each
//! must come back as a page that says what went wrong (a field's message
//! or an alert), never a server error, never a silent page, and never
//! accepted.
//!
//! The same crawl saves every settings-like form again exactly as shown
//! (item 3): the page must then show the very same values.
//!
//! It runs on SQLite only: it reads the pages, which are the same on both
//! databases, and every rule behind them has its own test on both.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{HashSet, VecDeque};

use guildhall_domain::values::EmailAddress;
use guildhall_storage::{members, Backend};
use scraper::{ElementRef, Html, Selector};

use crate::common;
use common::audit::{followable, kind_of};
use common::forms;
use common::TestApp;

/// Longer than any field takes (names 100, reasons 500, texts a few
/// thousand), and far below the body limit.
fn too_long() -> String {
    "x".repeat(12_000)
}

/// A form as the page shows it, with bad values in what a person types.
struct Sent {
    action: String,
    fields: Vec<(String, String)>,
    /// The fields that were made bad: a form with none is only a button.
    spoiled: Vec<String>,
    /// File fields, sent a file that is not what they take; only when the
    /// form is sent as `multipart/form-data`.
    files: Vec<String>,
    multipart: bool,
}

impl Sent {
    async fn send(&self, c: &reqwest::Client, target: &url::Url) -> reqwest::Response {
        if !self.multipart {
            return c.post(target.as_str()).form(&self.fields).send().await.unwrap();
        }
        let mut body = reqwest::multipart::Form::new();
        for (k, v) in &self.fields {
            body = body.text(k.clone(), v.clone());
        }
        for name in &self.files {
            let part = reqwest::multipart::Part::bytes(b"MZ\x90\x00 not a document".to_vec())
                .file_name("setup.exe")
                .mime_str("application/octet-stream")
                .unwrap();
            body = body.part(name.clone(), part);
        }
        c.post(target.as_str()).multipart(body).send().await.unwrap()
    }
}

fn spoil(form: ElementRef) -> Sent {
    let inputs = Selector::parse("input, textarea, select").unwrap();
    let multipart = form.value().attr("enctype").is_some_and(|e| e.contains("multipart"));
    let mut fields = Vec::new();
    let mut spoiled = Vec::new();
    let mut files = Vec::new();
    for el in form.select(&inputs) {
        let e = el.value();
        let Some(name) = e.attr("name") else { continue };
        let kind = e.attr("type").unwrap_or("text");
        let bad = match (e.name(), kind) {
            ("textarea", _) => Some(too_long()),
            ("select", _) => Some("not-one-of-the-choices".to_owned()),
            ("input", "text" | "email" | "url" | "search" | "tel" | "password") => Some(too_long()),
            ("input", "number") => Some("-99999999999999999999".to_owned()),
            ("input", "date") => Some("2026-02-31".to_owned()),
            ("input", "datetime-local") => Some("2026-02-31T25:61".to_owned()),
            ("input", "time") => Some("25:61".to_owned()),
            _ => None,
        };
        match bad {
            Some(v) => {
                spoiled.push(name.to_owned());
                fields.push((name.to_owned(), v));
            }
            None if matches!(kind, "checkbox" | "radio") => {
                if e.attr("checked").is_some() {
                    fields.push((name.to_owned(), e.attr("value").unwrap_or("on").to_owned()));
                }
            }
            None if kind == "file" && multipart => {
                spoiled.push(name.to_owned());
                files.push(name.to_owned());
            }
            None if matches!(kind, "submit" | "button" | "reset" | "image" | "file") => {}
            None => fields.push((name.to_owned(), e.attr("value").unwrap_or("").to_owned())),
        }
    }
    let action = form.value().attr("action").unwrap_or("").to_owned();
    Sent { action, fields, spoiled, files, multipart }
}

/// What the answer shows a person about what went wrong.
fn said(html: &str) -> String {
    let doc = Html::parse_document(html);
    // A state shown in an alert box (role=status) is not a message about the form.
    let told = Selector::parse(".field-error, [role=alert], .alert:not(.success):not([role=status])").unwrap();
    doc.select(&told).flat_map(|e| e.text()).collect::<Vec<_>>().join(" ").trim().to_owned()
}

const ROLES: [(&str, &str); 6] = [
    ("visitor", ""),
    ("member", "hana.moreau47@example.net"),
    ("leader", "tomas.ferreira@example.org"),
    ("manager", "marta.nogueira@example.org"),
    ("staff", "staff@example.org"),
    ("admin", "admin@example.org"),
];

/// A browser signed in as the demo's `email` (a visitor for "").
async fn as_role(app: &TestApp, email: &str) -> reqwest::Client {
    match EmailAddress::parse(email) {
        Ok(email) => app.browser_for(members::by_email(app.db.reader(), &email).await.unwrap().unwrap().id).await,
        Err(_) => common::browser(),
    }
}

/// Every kind of page `c` reaches from `/` by following links, GET only.
async fn pages(app: &TestApp, c: &reqwest::Client) -> Vec<(url::Url, String)> {
    // The demo's series, which one kind of group page may not link to
    // (the crawl reads one page of each kind).
    let series: Vec<String> = sqlx::query_scalar("SELECT id FROM series").fetch_all(app.db.reader()).await.unwrap();
    let origin = url::Url::parse(&app.base).unwrap();
    let links_sel = Selector::parse("a[href]").unwrap();
    let mut queue = VecDeque::from([app.url("/")]);
    queue.extend(series.iter().map(|id| app.url(&format!("/series/{id}"))));
    let mut kinds = HashSet::new();
    let mut read = Vec::new();
    while let Some(next) = queue.pop_front() {
        let url = url::Url::parse(&next).unwrap();
        if !kinds.insert(kind_of(&url)) {
            continue;
        }
        let res = c.get(url.as_str()).send().await.unwrap();
        if !res.status().is_success() {
            continue;
        }
        let html = res.text().await.unwrap();
        let links: Vec<String> = Html::parse_document(&html)
            .select(&links_sel)
            .filter_map(|a| a.value().attr("href"))
            .map(str::to_owned)
            .collect();
        for link in links {
            let Ok(mut u) = url.join(&link) else { continue };
            u.set_fragment(None);
            if followable(&u, &origin) && !kinds.contains(&kind_of(&u)) {
                queue.push_back(u.to_string());
            }
        }
        read.push((url, html));
    }
    read
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pl13_every_form_refuses_bad_values_in_words() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else { return };
    guildhall::demo::fill(&app.state).await.unwrap();
    let forms_sel = Selector::parse("form").unwrap();
    let mut tried = HashSet::new();
    let mut problems = Vec::new();
    let mut sent = 0;
    let mut multipart = 0;
    for (role, email) in ROLES {
        let c = as_role(&app, email).await;
        for (url, html) in pages(&app, &c).await {
            let forms: Vec<Sent> = Html::parse_document(&html)
                .select(&forms_sel)
                .filter(|f| f.value().attr("method").is_some_and(|m| m.eq_ignore_ascii_case("post")))
                .map(spoil)
                .collect();
            for form in forms.into_iter().filter(|f| !f.spoiled.is_empty()) {
                let target = url.join(&form.action).unwrap();
                let key = format!("{role} {} {:?}", kind_of(&target), form.spoiled);
                if !tried.insert(key.clone()) {
                    continue;
                }
                sent += 1;
                multipart += usize::from(form.multipart);
                let res = form.send(&c, &target).await;
                let status = res.status();
                let answer = res.text().await.unwrap_or_default();
                let told = said(&answer);
                if status.is_server_error() {
                    problems.push(format!("{key} from {}: {status}", kind_of(&url)));
                } else if status.is_redirection() {
                    problems.push(format!("{key} from {}: accepted ({status})", kind_of(&url)));
                } else if told.is_empty() {
                    problems.push(format!("{key} from {}: {status} and no message on the page", kind_of(&url)));
                }
            }
        }
    }
    eprintln!("{sent} forms sent with bad values, {multipart} of them with a file");
    assert!(sent > 40, "the sweep reached only {sent} forms");
    assert!(multipart >= 2, "the sweep sent only {multipart} forms with a file");
    assert!(problems.is_empty(), "{} forms did not say what went wrong:\n{}", problems.len(), problems.join("\n"));
    app.stop().await;
}

/// What a page tells a person happened: any notice, success or not.
fn told_anything(html: &str) -> String {
    let doc = Html::parse_document(html);
    let any = Selector::parse(".field-error, [role=alert], [role=status], .alert").unwrap();
    doc.select(&any).flat_map(|e| e.text()).collect::<Vec<_>>().join(" ").trim().to_owned()
}

/// Buttons that end the crawl's session, or hand over what the next
/// buttons need; each has its own test.
const NOT_PRESSED: &[&str] = &["/signout?", "/account/sessions/end-all?"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pl13_every_button_says_what_it_did_or_why_not() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else { return };
    guildhall::demo::fill(&app.state).await.unwrap();
    let forms_sel = Selector::parse("form").unwrap();
    let mut pressed = HashSet::new();
    let mut problems = Vec::new();
    for (role, email) in ROLES {
        let c = as_role(&app, email).await;
        for (url, html) in pages(&app, &c).await {
            let buttons: Vec<Sent> = Html::parse_document(&html)
                .select(&forms_sel)
                .filter(|f| f.value().attr("method").is_some_and(|m| m.eq_ignore_ascii_case("post")))
                .map(spoil)
                .filter(|f| f.spoiled.is_empty())
                .collect();
            for form in buttons {
                let target = url.join(&form.action).unwrap();
                let kind = kind_of(&target);
                if NOT_PRESSED.contains(&kind.as_str()) || !pressed.insert(format!("{role} {kind}")) {
                    continue;
                }
                let res = form.send(&c, &target).await;
                let status = res.status();
                let shown = if status.is_redirection() {
                    let to = res.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("/").to_owned();
                    let next = target.join(&to).unwrap();
                    let res = c.get(next.as_str()).send().await.unwrap();
                    let ok = res.status().is_success();
                    let html = res.text().await.unwrap_or_default();
                    if !ok {
                        problems.push(format!("{role} {kind} from {}: sent to {to}, which fails", kind_of(&url)));
                        continue;
                    }
                    html
                } else {
                    res.text().await.unwrap_or_default()
                };
                if status.is_server_error() {
                    problems.push(format!("{role} {kind} from {}: {status}", kind_of(&url)));
                } else if told_anything(&shown).is_empty() {
                    problems.push(format!("{role} {kind} from {}: {status} and nothing said", kind_of(&url)));
                }
            }
        }
    }
    eprintln!("{} buttons pressed", pressed.len());
    assert!(pressed.len() > 25, "the sweep reached only {} buttons", pressed.len());
    assert!(problems.is_empty(), "{} buttons said nothing:\n{}", problems.len(), problems.join("\n"));
    app.stop().await;
}

/// The forms that edit something kept (a profile, preferences, an entry):
/// saving one again as shown must change nothing the page shows.
const SETTINGS_LIKE: &[&str] = &[
    "/account?",
    "/account/emails?",
    "/admin/regions/:id?",
    "/admin/regions/:id/fees?",
    "/admin/settings?",
    "/programs/directory?",
    "/groups/:slug/edit?",
    "/events/:id/edit?",
    "/series/:id/edit?",
    "/events/:id/talks/:id/edit?",
    "/programs/contributions/:id/edit?",
    "/programs/applications/:id/edit?",
    "/speakers/apply?",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pl13_saving_any_settings_like_form_again_changes_nothing() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else { return };
    guildhall::demo::fill(&app.state).await.unwrap();
    let mut saved = HashSet::new();
    let mut resaved = HashSet::new();
    let mut problems = Vec::new();
    // A Champion of the demo, with a directory entry and contributions.
    let champion: String = sqlx::query_scalar(
        "SELECT m.email FROM directory_entries d JOIN members m ON m.id = d.member_id
         WHERE d.listed = 1 AND EXISTS (SELECT 1 FROM contributions c WHERE c.member_id = m.id) ORDER BY m.email",
    )
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    // One contribution of their own, the kind they can edit.
    let token = guildhall::services::tokens::token_for_email(&app.state.services, &champion, "sweep").await.unwrap();
    let id = members::by_email(app.db.reader(), &EmailAddress::parse(&champion).unwrap()).await.unwrap().unwrap().id;
    let c = serde_json::json!({"kind": "content_piece", "format": "how_to", "title": "Tracing in practice",
        "date": "2026-10-10", "link": "https://blog.example.org/tracing"});
    let (s, _) =
        app.api(reqwest::Method::POST, &format!("/api/v1/members/{id}/contributions"), Some(&token), Some(c)).await;
    assert_eq!(s, 201);
    // The member has a speaker profile and a program application in draft,
    // so the two forms that keep them are reached with their values.
    let member = ROLES[1].1;
    let token = guildhall::services::tokens::token_for_email(&app.state.services, member, "sweep").await.unwrap();
    let region: String =
        sqlx::query_scalar("SELECT id FROM regions ORDER BY name").fetch_one(app.db.reader()).await.unwrap();
    let profile = serde_json::json!({"region_id": region, "bio": "I build integrations and teach testing.",
        "topics": "testing, integrations", "past_talks": "Tests that read like stories | https://talks.example.org/1"});
    let (s, _) = app.api(reqwest::Method::POST, "/api/v1/speakers", Some(&token), Some(profile)).await;
    assert_eq!(s, 204);
    let draft = serde_json::json!({"focus_area": "forums", "interests": ["mentoring"]});
    let (s, body) =
        app.api(reqwest::Method::POST, "/api/v1/programs/champions/applications", Some(&token), Some(draft)).await;
    assert_eq!(s, 201, "{body}");
    for (role, email) in ROLES.into_iter().chain([("champion", champion.as_str())]) {
        let c = as_role(&app, email).await;
        for (url, html) in pages(&app, &c).await {
            let actions: Vec<String> = {
                let doc = Html::parse_document(&html);
                let sel = Selector::parse("form[method=post]").unwrap();
                doc.select(&sel).filter_map(|f| f.value().attr("action")).map(str::to_owned).collect()
            };
            for action in actions {
                let target = url.join(&action).unwrap();
                let kind = kind_of(&target);
                if !SETTINGS_LIKE.contains(&kind.as_str()) || !saved.insert(format!("{role} {kind}")) {
                    continue;
                }
                let css = format!("form[method=post][action=\"{action}\"]");
                let before = without_csrf(forms::as_shown(&html, &css).remove(0));
                let mut fields = forms::as_shown(&html, &css).remove(0);
                // A reason asked for with each change is the only thing typed.
                for (k, v) in fields.iter_mut() {
                    if k == "reason" && v.is_empty() {
                        *v = "Saved again to check nothing changes".into();
                    }
                }
                if !shows_saved_values(&html, &css) {
                    continue; // a blank form for something not made yet
                }
                resaved.insert(kind.clone());
                let res = c.post(target.as_str()).form(&fields).send().await.unwrap();
                let status = res.status();
                let answer = res.text().await.unwrap_or_default();
                // Saved: sent on (303), or the page again with its success notice.
                let success = status.is_redirection() || (status.is_success() && answer.contains("alert success"));
                if !success {
                    problems.push(format!("{role} {kind} from {}: {status} {}", kind_of(&url), said(&answer)));
                    continue;
                }
                let again = c.get(url.as_str()).send().await.unwrap().text().await.unwrap();
                let after = forms::as_shown(&again, &css).into_iter().next().map(without_csrf);
                if after.as_ref() != Some(&before) {
                    problems.push(format!("{role} {kind} from {}: {before:?} became {after:?}", kind_of(&url)));
                }
            }
        }
    }
    eprintln!("{} settings-like forms saved again: {resaved:?}", saved.len());
    for kind in SETTINGS_LIKE {
        assert!(resaved.contains(*kind), "no {kind} form with saved values was reached: {resaved:?}");
    }
    assert!(problems.is_empty(), "{} forms changed on a second save:\n{}", problems.len(), problems.join("\n"));
    app.stop().await;
}

/// Whether a form shows something already kept: a field a person types
/// into that has a value, or a ticked box.
fn shows_saved_values(html: &str, css: &str) -> bool {
    let doc = Html::parse_document(html);
    let form = Selector::parse(css).unwrap();
    let typed = Selector::parse(
        "textarea, input[type=checkbox][checked], input:not([type]), input[type=text], input[type=email], \
         input[type=url], input[type=number], input[type=date], input[type=datetime-local]",
    )
    .unwrap();
    doc.select(&form).next().is_some_and(|f| {
        f.select(&typed).any(|e| match e.value().name() {
            "textarea" => !e.text().collect::<String>().trim().is_empty(),
            _ => e.value().attr("type") == Some("checkbox") || e.value().attr("value").is_some_and(|v| !v.is_empty()),
        })
    })
}

fn without_csrf(mut form: Vec<(String, String)>) -> Vec<(String, String)> {
    form.retain(|(k, v)| k != "csrf" && !(k == "reason" && v.is_empty()));
    form
}
