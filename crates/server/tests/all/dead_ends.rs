//! PL-13, issue 17: no page leaves a person guessing. A wrong address says
//! what to do next, a bare section address leads somewhere, a search that
//! finds no group offers the next step, and codes people should not have
//! to know (PT, Europe/Lisbon) are chosen from lists by name, in the
//! reader's language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use scraper::{Html, Selector};

use crate::common;
use common::world::world;
use common::{browser, signed_up};

fn texts(html: &str, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    Html::parse_document(html).select(&sel).map(|e| e.text().collect::<String>().trim().to_owned()).collect()
}

on_both!(pl13_no_address_or_search_ends_without_a_next_step, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let visitor = browser();
    // A mistyped address: what happened and where to go, no "HTTP 404".
    let res = visitor.get(w.app.url("/groups/no-such-group")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let html = res.text().await.unwrap();
    assert!(!html.contains("HTTP 404"), "{html}");
    assert!(html.contains("The address may be mistyped"), "{html}");
    assert!(html.contains(r#"<a href="/groups">Find a group</a>"#), "{html}");
    // A form's address opened as a page says it is one.
    let res = visitor.get(w.app.url("/signout")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert!(res.text().await.unwrap().contains("Go back to the page the form was on"));
    // The managers' section without a region leads to the hub listing them.
    let res = visitor.get(w.app.url("/manage")).send().await.unwrap();
    assert_eq!(res.headers()["location"], "/community");

    // A search that finds nothing says what to try, and how to start a group.
    let html = visitor.get(w.app.url("/groups?q=atlantis")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("No group matches this search"), "{html}");
    assert!(html.contains(r#"<a href="/groups">Show all groups</a>"#));
    assert!(html.contains(r#"<a href="/lead/apply">Apply to start or lead a group</a>"#));
    w.app.stop().await;
});

on_both!(pl9_countries_and_time_zones_are_chosen_by_name_in_the_readers_language, |backend| async move {
    let Some(w) = world(backend).await else { return };
    // The directory names the group's country in Portuguese for a Portuguese reader.
    let html = browser().get(w.app.url("/groups?lang=pt")).send().await.unwrap().text().await.unwrap();
    assert!(texts(&html, "#country option").contains(&"Portugal".to_owned()), "{html}");
    let html = browser().get(w.app.url("/groups?lang=en")).send().await.unwrap().text().await.unwrap();
    assert!(texts(&html, ".card .muted").iter().any(|t| t.contains(", Portugal")), "{html}");

    // A new member's account offers time zones by place, theirs chosen.
    let member = signed_up(&w.app, "zoe@example.org", "Zoë", "correct horse battery").await;
    let html = member.get(w.app.url("/account")).send().await.unwrap().text().await.unwrap();
    let chosen = texts(&html, "select#time_zone option[selected]");
    assert_eq!(chosen.len(), 1, "one zone chosen: {chosen:?}");
    let groups = texts(&html, "select#time_zone optgroup > option:first-child");
    assert!(groups.len() > 8, "places grouped by part of the world: {groups:?}");
    let doc = Html::parse_document(&html);
    let lisbon = Selector::parse(r#"optgroup[label="Europe"] option[value="Europe/Lisbon"]"#).unwrap();
    assert_eq!(doc.select(&lisbon).next().map(|o| o.text().collect::<String>()), Some("Lisbon".to_owned()));

    // A venue's country is a list of names; a code typed through the API still works.
    let leader = w.leader_browser("venues@example.org").await;
    let html = leader.get(w.app.url("/venues/new")).send().await.unwrap().text().await.unwrap();
    let names = texts(&html, "select#country option");
    assert!(names.contains(&"Germany".to_owned()) && !names.contains(&"DE".to_owned()), "{names:?}");
    w.app.stop().await;
});
