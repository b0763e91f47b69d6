//! The Champions program end to end in Chromium (PL-3, CH-4 to CH-6,
//! CH-9): a member imports her accepted answers from the forum, applies
//! for Forums, is screened, books an interview time, is interviewed and
//! accepted, opts in and appears in the public directory; another member
//! is not selected and reads why in the email, in his messages.
//! Screenshots go to `target/screenshots/<backend>/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use chrono::{Datelike, Utc};
use common::browser::{account, click, click_link, connect, fill, press, sign_in, start_driver, text, visit, Shots};
use common::forum::FakeForum;
use common::gov::{gov, Gov};
use fantoccini::{Client, Locator};
use guildhall_domain::access::Role;
use guildhall_storage::Backend;
use serde_json::json;

/// Applies on the programs page for Champions with `area`.
async fn apply(c: &Client, area: &str) {
    c.find(Locator::Css("#program option[value=champions]")).await.unwrap().click().await.unwrap();
    c.find(Locator::Css(&format!("#focus_area option[value={area}]"))).await.unwrap().click().await.unwrap();
    click(c, "form[action='/programs/apply'] button").await;
}

async fn import_apply_interview_accept(g: &Gov, forum: &FakeForum, bea: &Client, staff: &Client, shots: &Shots) {
    let year = Utc::now().year();
    sign_in(g, bea, "bea@example.org").await;
    visit(bea, &g.app.url("/programs")).await;
    // PL-3: she links her forum account and proves it with the code shown.
    fill(bea, "#link-handle", "ana_silva").await;
    click(bea, "form[action='/programs/linked-accounts#linked-accounts'] button").await;
    let page = text(bea).await;
    assert!(page.contains("The account is linked") && page.contains("Waiting for the code"), "{page}");
    let code = bea.find(Locator::Css(".proof-code")).await.unwrap().text().await.unwrap();
    shots.take(bea, "30-link-forum-account").await;
    click(bea, "form[action$='/check#linked-accounts'] button").await;
    assert!(text(bea).await.contains("The code is not there yet"), "checked before the code was placed");
    forum.set_bio("ana_silva", &format!("Bea, answering report questions. {code}"));
    click(bea, "form[action$='/check#linked-accounts'] button").await;
    assert!(text(bea).await.contains("proven yours"));
    click(bea, "form[action='/programs/imports/discourse'] button").await;
    // The progress page refreshes itself until the import is done.
    let mut page = text(bea).await;
    for _ in 0..100 {
        if page.contains("Done.") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        page = text(bea).await;
    }
    assert!(page.contains("Done.") && page.contains("7"), "{page}");
    shots.take(bea, "31-import-done").await;
    click_link(bea, "Back to my programs").await;
    let page = text(bea).await;
    assert!(page.contains(&format!("Forums: 6 of 5 answers marked as solution in {year}")), "{page}");
    apply(bea, "forums").await;
    assert!(text(bea).await.contains("submitted"));
    click_link(bea, "Champions").await;
    let bea_app = bea.current_url().await.unwrap();
    let (subject, _) = g.app.last_email("bea@example.org").await;
    assert_eq!(subject, "Thank you for applying to Champions");

    sign_in(g, staff, "sam@example.org").await;
    visit(staff, &g.app.url("/programs/pipeline")).await;
    shots.take(staff, "32-pipeline-board").await;
    click_link(staff, "Bea Forums").await;
    let page = text(staff).await;
    assert!(page.contains("Report times shift by one hour after DST") && page.contains("Tested the problem"), "{page}");
    // CH-5: she judges five answers (the floor) against the rubric, one by one.
    common::browser::judge_pieces_as_meeting_the_rubric(staff, 5).await;
    let page = text(staff).await;
    assert!(page.contains("5 pieces meet every point of the rubric (5 judged)."), "{page}");
    shots.take(staff, "32b-evidence-judged").await;
    fill(staff, "#screen-notes", "Answers reproduce the problem and link the docs.").await;
    click(staff, "form[action$='/screen'] button").await;
    let when = (Utc::now() + chrono::Duration::days(3)).format("%Y-%m-%dT18:00").to_string();
    staff.execute("document.getElementById('time1').value = arguments[0];", vec![json!(when)]).await.unwrap();
    press(staff, "Propose these times").await;
    let staff_app = staff.current_url().await.unwrap();

    visit(bea, bea_app.as_str()).await;
    let page = text(bea).await;
    assert!(page.contains("Pick the time that suits you"), "{page}");
    shots.take(bea, "33-pick-interview-time").await;
    click(bea, "form[action$='/pick'] button").await;
    assert!(text(bea).await.contains("Add the interview to your calendar"));
    let (subject, body) = g.app.last_email("bea@example.org").await;
    assert!(subject.starts_with("Your Champions interview"), "{subject}");
    assert!(body.contains("interview.ics"), "{body}");

    visit(staff, staff_app.as_str()).await;
    fill(staff, "#interview-notes", "Wants to mentor newcomers; expects early access to betas.").await;
    click(staff, "form[action$='/interview'] button").await;
    fill(staff, "#decide-reason", "Welcome to the program!").await;
    click(staff, "form[action$='/decide'] button[value=accept]").await;
    let page = text(staff).await;
    assert!(page.contains("Welcome to the program!"), "{page}");
    shots.take(staff, "34-accepted").await;
    assert_eq!(g.app.last_email("bea@example.org").await.0, "Welcome to Champions!");

    // She opts in and the public directory lists her.
    visit(bea, &g.app.url("/programs")).await;
    bea.find(Locator::Css("input[name=listed]")).await.unwrap().click().await.unwrap();
    // The country is chosen by its name, not typed as a code (issue 17).
    bea.find(Locator::Css("#d-country option[value=PT]")).await.unwrap().click().await.unwrap();
    fill(bea, "#d-quote", "I learnt more answering than asking.").await;
    click(bea, "form[action='/programs/directory'] button").await;
    assert!(text(bea).await.contains("Saved: you are listed in the public directory"), "saving is said");
    // Back on her page, the form shows what she saved, so saving again keeps it.
    visit(bea, &g.app.url("/programs#directory")).await;
    assert!(bea.find(Locator::Css("input[name=listed]")).await.unwrap().is_selected().await.unwrap(), "still listed");
    let country = bea.find(Locator::Css("#d-country option:checked")).await.unwrap().text().await.unwrap();
    assert_eq!(country, "Portugal");
    click(bea, "form[action='/programs/directory'] button").await;
    let visitor = bea;
    visit(visitor, &g.app.url("/champions")).await;
    let page = text(visitor).await;
    assert!(page.contains("Bea Forums") && page.contains("Forums") && page.contains("Portugal"), "{page}");
    assert!(page.contains("I learnt more answering than asking."), "{page}");
    shots.take(visitor, "35-directory").await;
}

async fn not_selected(g: &Gov, carl: &Client, staff: &Client, shots: &Shots) {
    let year = Utc::now().year();
    sign_in(g, carl, "carl@example.org").await;
    visit(carl, &g.app.url("/programs")).await;
    apply(carl, "forums").await;
    visit(staff, &g.app.url("/programs/pipeline")).await;
    click_link(staff, "Carl Newcomer").await;
    click(staff, "form[action$='/screen'] button").await;
    assert!(text(staff).await.contains("not selected"));

    visit(carl, &g.app.url("/messages")).await;
    click_link(carl, "Your application to Champions").await;
    let page = text(carl).await;
    assert!(page.contains(&format!("Forums: 0 of 5 answers marked as solution in {year}")), "{page}");
    shots.take(carl, "36-not-selected-email").await;
}

async fn run(backend: Backend) {
    let Some(driver) = start_driver() else { return };
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    g.set_setting("imports.forum_url", &forum.base).await;
    account(&g, "bea@example.org", "Bea Forums", None).await;
    account(&g, "carl@example.org", "Carl Newcomer", None).await;
    account(&g, "sam@example.org", "Sam Staff", Some(Role::ProgramStaff)).await;
    let shots = Shots::new(backend);
    let (bea, staff) = (connect(&driver).await, connect(&driver).await);
    import_apply_interview_accept(&g, &forum, &bea, &staff, &shots).await;
    let carl = connect(&driver).await;
    not_selected(&g, &carl, &staff, &shots).await;
    for c in [bea, staff, carl] {
        c.close().await.unwrap();
    }
    g.app.stop().await;
    shots.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_champions_in_chromium_on_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_champions_in_chromium_on_postgres() {
    run(Backend::Postgres).await;
}
