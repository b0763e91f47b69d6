//! The governance rules end to end in Chromium (UG-2, UG-8, UG-13): a
//! member applies to lead, the manager proposes a time, the applicant
//! books it and the manager appoints them; an anonymous code-of-conduct
//! report reaches the manager and not an unrelated leader; an expense
//! claim over the cap is refused with its reason. Screenshots go to
//! `target/screenshots/<backend>/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Duration, Utc};
use common::browser::{account, click, click_link, connect, fill, press, sign_in, start_driver, text, visit, Shots};
use common::gov::{gov, Gov};
use fantoccini::{Client, Locator};
use guildhall_domain::access::Role;
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::json;

async fn apply_interview_appoint(g: &Gov, applicant: &Client, manager: &Client, shots: &Shots) {
    sign_in(g, applicant, "ana@example.org").await;
    visit(applicant, &g.app.url(&format!("/groups/{}", g.slug))).await;
    visit(applicant, &g.app.url(&format!("/lead/apply?group={}", g.slug))).await;
    fill(applicant, "#years", "5").await;
    fill(applicant, "#projects", "A volunteer scheduling app for the city's food bank.").await;
    fill(applicant, "#profile_link", "https://community.example.com/u/ana").await;
    applicant.find(Locator::Css("input[name=accept_guidelines]")).await.unwrap().click().await.unwrap();
    shots.take(applicant, "20-apply-to-lead").await;
    click(applicant, "main form button[type=submit]").await;
    let page = text(applicant).await;
    assert!(page.contains("submitted"), "{page}");
    let app_url = applicant.current_url().await.unwrap();

    sign_in(g, manager, "mgr@example.org").await;
    click_link(manager, "Community").await;
    click_link(manager, "Iberia").await;
    shots.take(manager, "21-region-dashboard").await;
    click_link(manager, "Ana Applicant → Lisboa Devs").await;
    let when = (Utc::now() + Duration::days(3)).format("%Y-%m-%dT18:00").to_string();
    manager.execute("document.getElementById('time1').value = arguments[0];", vec![json!(when)]).await.unwrap();
    press(manager, "Propose these times").await;
    assert!(text(manager).await.contains("interview times proposed"));

    visit(applicant, app_url.as_str()).await;
    shots.take(applicant, "22-pick-a-time").await;
    click(applicant, "form[action$='/pick'] button").await;
    let page = text(applicant).await;
    assert!(page.contains("interview booked"), "{page}");
    assert!(page.contains("Add the interview to your calendar"), "{page}");
    let (subject, body) = g.app.last_email("ana@example.org").await;
    assert!(subject.starts_with("Your interview about Lisboa Devs"), "{subject}");
    assert!(body.contains("interview.ics"));

    visit(manager, app_url.as_str()).await;
    assert!(text(manager).await.contains("once the interview has taken place"), "no appointment before it");
    // The interview takes place.
    g.interview_held(app_url.path().rsplit('/').next().unwrap()).await;
    visit(manager, app_url.as_str()).await;
    fill(manager, "#notes", "Knows the platform; has run two hackathons.").await;
    click(manager, "form[action$='/notes'] button").await;
    fill(manager, "#appoint-reason", "Welcome aboard!").await;
    click(manager, "form[action$='/appoint'] button").await;
    let page = text(manager).await;
    assert!(page.contains("Appointed: Welcome aboard!"), "{page}");
    shots.take(manager, "23-appointed").await;
    // The new leader now sees the group's leader tools.
    visit(applicant, &g.app.url(&format!("/groups/{}", g.slug))).await;
    assert!(text(applicant).await.contains("New event"));
}

async fn anonymous_report(g: &Gov, visitor: &Client, manager: &Client, other_leader: &Client, shots: &Shots) {
    visit(visitor, &g.app.url(&format!("/groups/{}", g.slug))).await;
    click_link(visitor, "Report a code-of-conduct incident").await;
    fill(visitor, "#description", "A man kept handing out job offers for his company during the break.").await;
    shots.take(visitor, "24-report-form").await;
    click(visitor, "main form button[type=submit]").await;
    assert!(text(visitor).await.contains("Your report was received"));

    visit(manager, &g.app.url("/reports")).await;
    click_link(manager, "Open").await;
    let page = text(manager).await;
    assert!(page.contains("job offers"), "{page}");
    assert!(page.contains("The reporter left no address."));
    shots.take(manager, "25-report").await;

    sign_in(g, other_leader, "porto.lead@example.org").await;
    visit(other_leader, &g.app.url("/reports")).await;
    let page = text(other_leader).await;
    assert!(page.contains("No reports for you to handle."), "{page}");
}

async fn claim_over_cap(g: &Gov, leader: &Client, shots: &Shots) {
    let (s, _) = g
        .call(
            Method::PUT,
            &format!("/api/v1/regions/{}/fee-schedule", g.region),
            &g.admin,
            Some(json!({"venue": "300", "catering": "200", "other": "50"})),
        )
        .await;
    assert_eq!(s, 200);
    let ev = g.held_event(g.group, Utc::now() - Duration::days(3), 12).await;
    sign_in(g, leader, "lisboa.lead@example.org").await;
    visit(leader, &g.app.url(&format!("/events/{ev}/claim"))).await;
    fill(leader, "#venue", "120").await;
    fill(leader, "#catering", "250").await;
    click(leader, "main form button[type=submit]").await;
    let page = text(leader).await;
    assert!(page.contains("catering: 250.00 EUR is over the region's cap of 200.00 EUR per event"), "{page}");
    shots.take(leader, "26-claim-over-cap").await;
    fill(leader, "#catering", "180").await;
    click(leader, "main form button[type=submit]").await;
    let page = text(leader).await;
    assert!(page.contains("waiting for the community manager"), "{page}");
    assert!(page.contains("300.00 EUR"), "{page}");
}

async fn run(backend: Backend) {
    let Some(driver) = start_driver() else { return };
    let Some(g) = gov(backend).await else { return };
    account(&g, "ana@example.org", "Ana Applicant", None).await;
    account(&g, "mgr@example.org", "Manu Manager", Some(Role::CommunityManager(g.region))).await;
    account(&g, "lisboa.lead@example.org", "Lia Leader", Some(Role::GroupLeader(g.group))).await;
    let porto = guildhall_storage::groups::by_slug(g.app.db.reader(), &g.other_slug).await.unwrap().unwrap();
    account(&g, "porto.lead@example.org", "Paulo Porto", Some(Role::GroupLeader(porto.id))).await;
    let shots = Shots::new(backend);
    let (applicant, manager) = (connect(&driver).await, connect(&driver).await);
    apply_interview_appoint(&g, &applicant, &manager, &shots).await;
    let (visitor, other_leader) = (connect(&driver).await, connect(&driver).await);
    anonymous_report(&g, &visitor, &manager, &other_leader, &shots).await;
    let leader = connect(&driver).await;
    claim_over_cap(&g, &leader, &shots).await;
    for c in [applicant, manager, visitor, other_leader, leader] {
        c.close().await.unwrap();
    }
    g.app.stop().await;
    shots.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_governance_in_chromium_on_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_governance_in_chromium_on_postgres() {
    run(Backend::Postgres).await;
}
