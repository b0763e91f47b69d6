//! Issue 17 item 6: co-leaders are chosen by searching names, not typed
//! as ids or addresses. The search ignores accents and capitals, shows
//! only confirmed accounts, never shows a whole address, and is offered
//! only to those who may appoint or nominate.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use guildhall_domain::values::{DisplayName, EmailAddress, Locale};
use guildhall_storage::members::{self, NewMember};
use reqwest::Method;

use crate::common;
use common::world::world;

async fn person(app: &common::TestApp, email: &str, name: &str, verified: bool) -> String {
    let (email, name) = (EmailAddress::parse(email).unwrap(), DisplayName::parse(name).unwrap());
    let mut tx = app.db.begin().await.unwrap();
    let new = NewMember { email: &email, name: &name, password_hash: None, verified, locale: Locale::Pt };
    let id = members::insert(&mut tx, new, chrono::Utc::now()).await.unwrap();
    tx.commit().await.unwrap();
    id.to_string()
}

on_both!(issue17_a_co_leader_is_found_by_name_and_appointed_with_one_button, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let joao = person(&w.app, "joao.c@example.org", "João Conceição", true).await;
    person(&w.app, "joana@example.org", "Joana Conceição Alves", true).await;
    person(&w.app, "ghost@example.org", "João Fantasma", false).await;
    let (admin_id, _, _) = w.app.member_with_role("boss", Some(guildhall_domain::access::Role::Admin)).await;
    let admin = w.app.browser_for(admin_id).await;
    let group = "/groups/lisboa-net";
    let page = |c: &reqwest::Client, q: &str| {
        let (c, url) = (c.clone(), w.app.url(&format!("{group}?{q}")));
        async move { c.get(url).send().await.unwrap().text().await.unwrap() }
    };

    // Accounts made before names were kept folded are found once filled in.
    let mut tx = w.app.db.begin().await.unwrap();
    sqlx::query("UPDATE members SET search_name = ''").execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
    members::fill_search_names(&w.app.db).await.unwrap();

    // Typed without accents, in capitals: found, with a masked address.
    let html = page(&admin, "appoint=JOAO+conc").await;
    assert!(html.contains("João Conceição"), "found by name without its accents");
    assert!(html.contains("j•••@example.org"), "told apart by a masked address");
    assert!(!html.contains("joao.c@example.org"), "never the whole address");
    assert!(!html.contains("João Fantasma"), "an unconfirmed account is not offered");
    assert!(!html.contains("Joana Conceição Alves"), "every word must start a word of the name");
    let both = page(&admin, "appoint=concei").await;
    assert!(both.contains("João Conceição") && both.contains("Joana Conceição Alves"), "part of a name finds both");
    let none = page(&admin, "appoint=zzz").await;
    assert!(none.contains("Nobody with a confirmed account has that name"), "finding nobody is said");

    // A refused address re-shows the page; its search still searches this page.
    let res =
        common::post_form(&admin, &w.app, group, &format!("{group}/leaders"), &[("email", "nobody@example.org")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(r#"<form method="get" action="/groups/lisboa-net#leaders" role="search""#),
        "not the POST address"
    );

    // One button appoints the person found.
    let res = common::post_form(&admin, &w.app, group, &format!("{group}/leaders"), &[("member", &joao)]).await;
    assert_eq!(res.status(), 303);
    let (_, g) = w.app.api(Method::GET, "/api/v1/groups/lisboa-net", None, None).await;
    let names: Vec<&str> = g["leaders"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"João Conceição"), "{names:?}");

    // An admin makes a community manager of someone found by name.
    let (_, region) = w.app.api(Method::GET, "/api/v1/groups/lisboa-net", None, None).await;
    let region = region["region_id"].as_str().unwrap().to_owned();
    let region_page = format!("/admin/regions/{region}");
    let html =
        admin.get(w.app.url(&format!("{region_page}?manager=joana"))).send().await.unwrap().text().await.unwrap();
    let joana_id =
        regex::Regex::new(r#"name="member" value="([^"]+)""#).unwrap().captures(&html).unwrap()[1].to_owned();
    let res =
        common::post_form(&admin, &w.app, &region_page, &format!("{region_page}/managers"), &[("member", &joana_id)])
            .await;
    assert_eq!(res.status(), 303);
    let next = res.headers()["location"].to_str().unwrap().to_owned();
    let html = admin.get(w.app.url(&next)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Joana Conceição Alves"), "listed among the region's managers");
    assert!(html.contains("they are now a community manager of this region"), "the page says it was done");
    // Adding her again says so, and changes nothing.
    let mails = w.app.count("outbox").await;
    let res =
        common::post_form(&admin, &w.app, &region_page, &format!("{region_page}/managers"), &[("member", &joana_id)])
            .await;
    let next = res.headers()["location"].to_str().unwrap().to_owned();
    let html = admin.get(w.app.url(&next)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("already manages this region: nothing changed"), "a second add is not silent");
    assert_eq!(w.app.count("outbox").await, mails, "no second welcome email");

    // A leader nominates by name; a member is offered no picker at all.
    let leader = w.leader_browser("lia@example.org").await;
    let html = page(&leader, "nominate=joana").await;
    assert!(html.contains("Joana Conceição Alves"), "the leader finds whom to nominate");
    assert!(!html.contains(r#"name="appoint""#), "appointing is the manager's");
    let joana = regex::Regex::new(r#"name="member" value="([^"]+)""#).unwrap().captures(&html).unwrap()[1].to_owned();
    let before = w.app.count("leader_applications").await;
    let res = common::post_form(&leader, &w.app, group, &format!("{group}/nominations"), &[("member", &joana)]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(w.app.count("leader_applications").await, before + 1, "the nomination is made");
    let (member_id, _, _) = w.app.member_with_role("plain", None).await;
    let member = w.app.browser_for(member_id).await;
    let html = page(&member, "appoint=joao&nominate=joao").await;
    assert!(!html.contains("João Conceição") || !html.contains("j•••@example.org"), "no one is found for a member");
    assert!(!html.contains(r#"name="nominate""#) && !html.contains(r#"name="appoint""#));
});
