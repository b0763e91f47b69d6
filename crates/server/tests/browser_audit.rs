//! Every page of the demo, as every role reaches it by following links,
//! audited by tools none of us wrote (issue 17, item 8; PL-5): axe-core
//! for WCAG 2.1 A and AA in Chromium and the W3C Nu HTML checker.
//!
//! Each role (a visitor, a member, a leader and a community manager who
//! read Portuguese, program staff and an admin) starts at the home page
//! and follows every link on the site, one page of each kind (ids taken
//! out of the address), GET only, so nothing is changed. The story tests
//! audit the states their forms lead to; this one audits the breadth.
//! It runs on SQLite only: the pages are the same on both databases and
//! the browser stories already run on both.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{HashSet, VecDeque};

use common::audit;
use common::browser::{click, connect, desktop_size, fill, phone_size, start_driver};
use common::TestApp;
use fantoccini::{Client, Locator};
use guildhall_storage::Backend;

/// The README's pictures: (viewer, kind of page, file, the element to
/// picture or the whole viewport). Taken from the demo as the crawl
/// reaches them, at desktop size, into `target/screenshots/readme/`.
const README_SHOTS: &[(&str, &str, &str, Option<&str>)] = &[
    ("visitor ", "/groups?", "directory", None),
    ("visitor ", "/groups/:slug?", "group", None),
    ("visitor ", "/events/:id?", "event", None),
    ("member ", "/tickets/:id?", "ticket", None),
    ("admin ", "/events/:id/attendees?", "checkin", None),
    ("admin ", "/groups/:slug?", "group-health", Some("#health-section")),
    ("admin ", "/manage/regions/:id?", "region-dashboard", None),
    ("admin ", "/applications/lead/:id?", "leader-application", None),
    ("admin ", "/reports/:id?", "conduct-report", None),
];

async fn readme_shot(c: &Client, viewer: &str, kind: &str) {
    let Some((_, _, file, part)) = README_SHOTS.iter().find(|(v, k, _, _)| *v == viewer && *k == kind) else {
        return;
    };
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots/readme");
    std::fs::create_dir_all(&dir).unwrap();
    desktop_size(c).await;
    let png = match part {
        Some(css) => c.find(Locator::Css(css)).await.unwrap().screenshot().await.unwrap(),
        None => c.screenshot().await.unwrap(),
    };
    std::fs::write(dir.join(format!("{file}.png")), png).unwrap();
    if *file == "event" {
        phone_size(c).await;
        std::fs::write(dir.join("phone-event.png"), c.screenshot().await.unwrap()).unwrap();
        desktop_size(c).await;
    }
}

/// Follows every link from `/` as `viewer`; answers how many pages it read.
async fn crawl(app: &TestApp, c: &Client, viewer: &str) -> usize {
    let origin = url::Url::parse(&app.base).unwrap();
    let mut queue = VecDeque::from([app.url("/")]);
    let mut kinds = HashSet::new();
    let mut read = 0;
    while let Some(next) = queue.pop_front() {
        let url = url::Url::parse(&next).unwrap();
        if !kinds.insert(audit::kind_of(&url)) {
            continue;
        }
        c.goto(&next).await.unwrap();
        read += 1;
        audit::page_seen_by(c, viewer, None).await;
        readme_shot(c, viewer, &audit::kind_of(&url)).await;
        let links =
            c.execute("return Array.from(document.querySelectorAll('a[href]'), a => a.href)", vec![]).await.unwrap();
        for link in links.as_array().into_iter().flatten().filter_map(|l| l.as_str()) {
            let Ok(mut u) = url::Url::parse(link) else { continue };
            u.set_fragment(None);
            if audit::followable(&u, &origin) && !kinds.contains(&audit::kind_of(&u)) {
                queue.push_back(u.to_string());
            }
        }
    }
    read
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pl5_every_page_every_role_reaches_passes_axe_and_the_nu_checker() {
    let Some(driver) = start_driver() else { return };
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else { return };
    guildhall::demo::fill(&app.state).await.unwrap();
    let roles = [
        ("visitor", None),
        ("member", Some("hana.moreau47@example.net")),
        ("leader", Some("tomas.ferreira@example.org")),
        ("manager", Some("marta.nogueira@example.org")),
        ("staff", Some("staff@example.org")),
        ("admin", Some("admin@example.org")),
    ];
    phone_menu_folds_and_opens(&app, &driver).await;
    let mut total = 0;
    for (viewer, email) in roles {
        let c = connect(&driver).await;
        if let Some(email) = email {
            c.goto(&app.url("/signin")).await.unwrap();
            fill(&c, "#email", email).await;
            fill(&c, "#password", guildhall::demo::DEMO_PASSWORD).await;
            click(&c, "main form button[type=submit]").await;
            assert!(!c.current_url().await.unwrap().path().starts_with("/signin"), "{viewer} signed in");
        }
        let read = crawl(&app, &c, &format!("{viewer} ")).await;
        eprintln!("{viewer}: {read} kinds of page");
        total += read;
        c.close().await.unwrap();
    }
    // A crawl that reads almost nothing proves nothing.
    assert!(total > 100, "the crawl read only {total} pages");
    audit::verdict();
    app.stop().await;
}

/// Issue 17, item 7: on a phone the links fold behind "Menu", which opens
/// them without a script; on a desktop they are all in sight.
async fn phone_menu_folds_and_opens(app: &TestApp, driver: &common::browser::Driver) {
    let c = connect(driver).await;
    c.goto(&app.url("/")).await.unwrap();
    desktop_size(&c).await;
    let groups = || async { c.find(Locator::Css("header.site a[href='/groups']")).await.unwrap() };
    assert!(groups().await.is_displayed().await.unwrap(), "a desktop shows the links");
    assert!(!c.find(Locator::Css("label.menu-button")).await.unwrap().is_displayed().await.unwrap());
    phone_size(&c).await;
    assert!(!groups().await.is_displayed().await.unwrap(), "a phone folds the links away");
    let height = || async {
        let h = c.execute("return document.querySelector('header.site').getBoundingClientRect().height", vec![]);
        h.await.unwrap().as_f64().unwrap()
    };
    assert!(height().await < 80.0, "folded, the header is one line: {}px", height().await);
    let menu = c.find(Locator::Css("label.menu-button")).await.unwrap();
    assert_eq!(menu.text().await.unwrap(), "Menu");
    menu.click().await.unwrap();
    assert!(groups().await.is_displayed().await.unwrap(), "Menu opens them");
    assert!(height().await > 150.0, "the open menu lists the links one under another: {}px", height().await);
    menu.click().await.unwrap();
    assert!(!groups().await.is_displayed().await.unwrap(), "Menu again folds them");
    c.close().await.unwrap();
}
