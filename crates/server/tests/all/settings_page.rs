//! PL-13 and issue 17 items 3 and 6: the admin's settings page speaks
//! human (areas, labels, units, help in the reader's language, no rule
//! ids or raw keys), finds a setting by a word, says what was saved, and
//! saving a form again as it is shown never changes what was saved.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use guildhall_domain::access::Role;

use crate::common;
use common::forms;
use common::TestApp;

async fn stored(app: &TestApp) -> Vec<(String, String)> {
    use sqlx::Row;
    let rows = sqlx::query("SELECT key, value FROM settings ORDER BY key").fetch_all(app.db.reader()).await.unwrap();
    rows.iter().map(|r| (r.get::<String, _>(0), r.get::<String, _>(1))).collect()
}

/// The page's words, without tags, attributes or hidden fields.
fn visible(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("main").unwrap();
    doc.select(&body).flat_map(|m| m.text()).collect::<Vec<_>>().join(" ")
}

on_both!(pl13_the_settings_page_speaks_human_and_a_second_save_changes_nothing, |backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (admin_id, _, _) = app.member_with_role("admin", Some(Role::Admin)).await;
    let admin = app.browser_for(admin_id).await;
    let page = |path: &'static str| {
        let admin = admin.clone();
        let url = app.url(path);
        async move { admin.get(url).send().await.unwrap().text().await.unwrap() }
    };

    // Grouped, labelled, with units and help; no rule id, no raw key.
    let html = page("/admin/settings").await;
    let text = visible(&html);
    for words in ["Sign-in and accounts", "Events", "Champions", "Session length", "days", "minutes"] {
        assert!(text.contains(words), "the page says {words:?}");
    }
    for raw in ["(PL-1)", "(UG-14)", "auth.session_days", "signin_attempts", "_"] {
        assert!(!text.contains(raw), "no raw {raw:?} in what the page shows");
    }
    let pt = page("/admin/settings?lang=pt").await;
    assert!(visible(&pt).contains("Eventos") && visible(&pt).contains("dias"), "in Portuguese too");
    page("/admin/settings?lang=en").await;
    // A yes/no trait is a choice, a list of programs is a set of boxes.
    assert!(html.contains(r#"<option value="1" selected>Yes</option>"#) || html.contains(">Yes</option>"));
    assert!(html.contains(r#"type="checkbox" name="value" value="mvp""#), "exclusivity names programs by box");

    // Finding a setting by a word, without the script (the Find button).
    let found = page("/admin/settings?q=check-in").await;
    assert!(found.contains("id=\"s-events-checkin-opens-minutes-before\""), "the check-in window is found");
    assert!(!found.contains("id=\"s-auth-session-days\""), "the rest is filtered out");
    let none = page("/admin/settings?q=zzzz").await;
    assert!(!none.contains(r#"id="settings-none" class="muted" hidden"#), "nothing found is said");

    // Every form saved again exactly as shown changes nothing stored.
    let before = stored(&app).await;
    let shown = forms::as_shown(&html, "form.setting");
    assert_eq!(shown.len(), guildhall_domain::settings::DEFINITIONS.len(), "one form per setting");
    for mut form in shown {
        let key = forms::value(&form, "key").unwrap().to_owned();
        for (k, v) in form.iter_mut() {
            if k == "reason" {
                *v = "Checking that saving again keeps it".into();
            }
        }
        let res = admin.post(app.url("/admin/settings")).form(&form).send().await.unwrap();
        assert_eq!(res.status(), 303, "{key} saved as shown");
    }
    assert_eq!(stored(&app).await, before, "a second save never changes what the first saved");

    // A change is said in words on the setting itself, with its unit.
    let form = forms::as_shown(&html, "form#s-auth-session-days").remove(0);
    let mut form: Vec<(String, String)> =
        form.into_iter().map(|(k, v)| (k.clone(), if k == "value" { "14".into() } else { v })).collect();
    form.retain(|(k, _)| k != "reason");
    form.push(("reason".into(), "Shorter sessions".into()));
    let res = admin.post(app.url("/admin/settings")).form(&form).send().await.unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("#s-auth-session-days"), "back to the setting: {to}");
    let saved = admin.get(app.url(&to)).send().await.unwrap().text().await.unwrap();
    let notice =
        r#"<p class="alert success" role="status">Saved: Session length (Sign-in and accounts) is now 14 days.</p>"#;
    assert!(saved.contains(notice), "the notice names the setting, its area and the new value");

    // A refused value is said beside its field, keeps what was typed, and
    // changes nothing; the programs' boxes round-trip too.
    form.iter_mut().filter(|(k, _)| k == "value").for_each(|(_, v)| *v = "0".into());
    let res = admin.post(app.url("/admin/settings")).form(&form).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    let refused = forms::as_shown(&html, "form#s-auth-session-days").remove(0);
    assert_eq!(forms::value(&refused, "value"), Some("0"), "what was typed is kept");
    assert!(html.contains("field-error"), "and the problem is said");
    let csrf = forms::value(&refused, "csrf").unwrap().to_owned();
    let boxes = [("csrf", csrf.as_str()), ("key", "ambassadors.exclusive_with"), ("value", "champions")];
    let mut boxes = boxes.to_vec();
    boxes.extend([("value", "mvp"), ("reason", "Ambassadors stand alone no more")]);
    assert_eq!(admin.post(app.url("/admin/settings")).form(&boxes).send().await.unwrap().status(), 303);
    // A program cannot be made to exclude itself, and saying so keeps the rest.
    let own = [("csrf", csrf.as_str()), ("key", "mvp.exclusive_with"), ("value", "mvp"), ("reason", "Oops")];
    let res = admin.post(app.url("/admin/settings")).form(&own).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("A program cannot exclude its own members"), "said in words");
    assert!(html.contains(r#"value="Oops""#), "the reason typed is kept for the next try");
    let after = stored(&app).await;
    let value = |k: &str| after.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap();
    assert_eq!(value("auth.session_days"), "14", "the refused 0 changed nothing");
    assert_eq!(value("ambassadors.exclusive_with"), "champions\nmvp", "two ticked boxes, two programs");
    assert_eq!(value("mvp.exclusive_with"), before.iter().find(|(k, _)| k == "mvp.exclusive_with").unwrap().1);
    app.stop().await;
});
