//! A year of operation in Chromium, by what the pages show (issue 16): an
//! admin makes someone program staff (PL-1); a member links her forum
//! account with its proof code, imports her answers and applies to MVP
//! (PL-3, CH-6); staff verify and judge the evidence, record the NDA and
//! accept her (CH-1, CH-5); a leader publishes a meetup and moves it an
//! hour, and the registrant's calendar invitation updates (UG-17); the
//! meetup completes by itself and counts for the group's health (UG-14,
//! UG-10); the leader's claim with a receipt is approved on another
//! instance (UG-13, PL-12); the new MVP claims a benefit code with a
//! button (CH-8); Bea follows the group, hears of its new meetup with the
//! calendar file, stops following with the email's one click, and the
//! next meetup does not reach her (UG-15). Screenshots go to
//! `target/screenshots/<backend>/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use common::browser::{
    account, choose, click_link, connect, press, sign_in, start_driver, text, type_into, visit, Shots,
};
use common::forum::FakeForum;
use common::gov::{gov_with, Gov};
use common::{calendar_part, prop, vevent_props, SmtpSink};
use fantoccini::{Client, Locator};
use guildhall_domain::access::Role;
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::json;

/// A receipt as a scanner makes it: a (tiny) PDF.
const RECEIPT: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// Waits until the page's text holds `what` (a page that reloads itself,
/// or one a click is still loading).
async fn until_shown(c: &Client, what: &str) -> String {
    let mut page = text(c).await;
    for _ in 0..100 {
        if page.contains(what) {
            return page;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
        page = text(c).await;
    }
    panic!("{what:?} never showed: {page}");
}

/// Sets a `datetime-local` field (typed digits depend on the keyboard
/// layout, so the value is set as the browser's own picker would).
async fn set_time(c: &Client, label: &str, at: chrono::DateTime<chrono_tz::Tz>) {
    let xpath = format!("//main//label[normalize-space(.)='{label}']");
    let id = c.find(Locator::XPath(&xpath)).await.unwrap().attr("for").await.unwrap().unwrap();
    let value = at.format("%Y-%m-%dT%H:%M").to_string();
    c.execute("document.getElementById(arguments[0]).value = arguments[1];", vec![json!(id), json!(value)])
        .await
        .unwrap();
}

/// PL-1: the admin finds Stella and gives her the program staff role.
async fn admin_appoints_staff(g: &Gov, admin: &Client, shots: &Shots) {
    sign_in(g, admin, "ada@example.org").await;
    visit(admin, &g.app.url("/admin/people")).await;
    type_into(admin, "Name or email", "stella").await;
    press(admin, "Find").await;
    click_link(admin, "Stella Staff").await;
    choose(admin, "Role", "Program staff").await;
    press(admin, "Give the role").await;
    let page = until_shown(admin, "Program staff").await;
    assert!(page.contains("Stella Staff"), "{page}");
    shots.take(admin, "40-staff-appointed").await;
    let (subject, _) = g.app.last_email("stella@example.org").await;
    assert_eq!(subject, "You are now program staff", "she is told");
}

/// PL-3, CH-6: Bea proves her forum account, imports and applies to MVP.
async fn member_links_imports_and_applies(g: &Gov, forum: &FakeForum, bea: &Client, shots: &Shots) {
    sign_in(g, bea, "bea@example.org").await;
    visit(bea, &g.app.url("/programs")).await;
    type_into(bea, "Forum user name or feed address", "ana_silva").await;
    press(bea, "Link").await;
    until_shown(bea, "Waiting for the code").await;
    let code = bea.find(Locator::Css(".proof-code")).await.unwrap().text().await.unwrap();
    forum.set_bio("ana_silva", &format!("Reporting nerd. {code}"));
    press(bea, "Check for the code").await;
    until_shown(bea, "proven yours").await;
    press(bea, "Import my accepted answers").await;
    until_shown(bea, "Done.").await;
    click_link(bea, "Back to my programs").await;
    choose(bea, "Program", "MVP").await;
    press(bea, "Send the application").await;
    let page = until_shown(bea, "submitted").await;
    assert!(page.contains("MVP"), "{page}");
    shots.take(bea, "41-applied-to-mvp").await;
    assert_eq!(g.app.last_email("bea@example.org").await.0, "Thank you for applying to MVP");
}

/// CH-1, CH-5, CH-6: Stella verifies and judges the evidence, screens,
/// proposes a time Bea books, records the interview and the NDA, accepts.
async fn staff_accept_the_mvp(g: &Gov, stella: &Client, bea: &Client, shots: &Shots) {
    sign_in(g, stella, "stella@example.org").await;
    visit(stella, &g.app.url("/programs/pipeline")).await;
    click_link(stella, "Bea Forums").await;
    let app_url = stella.current_url().await.unwrap();
    press(stella, "Verify").await;
    until_shown(stella, "Verified: it counts now.").await;
    common::browser::judge_pieces_as_meeting_the_rubric(stella, 3).await;
    press(stella, "Screen").await;
    until_shown(stella, "Propose interview times").await;
    let tz = chrono_tz::Europe::Lisbon;
    set_time(stella, "Time 1", (Utc::now() + Duration::days(2)).with_timezone(&tz)).await;
    press(stella, "Propose these times").await;
    visit(bea, app_url.as_str()).await;
    press(bea, "Book this time").await;
    until_shown(bea, "Add the interview to your calendar").await;
    visit(stella, app_url.as_str()).await;
    type_into(stella, "Interests, motivations, expectations", "Wants to shape the reporting roadmap.").await;
    press(stella, "Interviewed").await;
    press(stella, "Accept").await;
    let page = until_shown(stella, "NDA").await;
    assert!(page.contains("NDA"), "MVP needs the NDA first, said in words: {page}");
    let today = Utc::now().date_naive();
    stella
        .execute("document.getElementById('signed_on').value = arguments[0];", vec![json!(today.to_string())])
        .await
        .unwrap();
    press(stella, "Record the NDA date").await;
    type_into(stella, "Reason (sent to the applicant)", "Welcome to MVP!").await;
    press(stella, "Accept").await;
    until_shown(stella, "Welcome to MVP!").await;
    shots.take(stella, "42-mvp-accepted").await;
    assert_eq!(g.app.last_email("bea@example.org").await.0, "Welcome to MVP!");
}

/// UG-17: Lia publishes a meetup, Bea registers, Lia moves it an hour and
/// Bea's invitation updates (same UID, higher SEQUENCE).
async fn leader_moves_a_meetup(g: &Gov, sink: &SmtpSink, lia: &Client, bea: &Client, shots: &Shots) -> String {
    sign_in(g, lia, "lia@example.org").await;
    visit(lia, &g.app.url(&format!("/groups/{}", g.slug))).await;
    click_link(lia, "New event").await;
    type_into(lia, "Title", "Dashboards that people read").await;
    let tz = chrono_tz::Europe::Lisbon;
    let start = (Utc::now() + Duration::days(7)).with_timezone(&tz);
    set_time(lia, "Starts", start).await;
    set_time(lia, "Ends", start + Duration::hours(2)).await;
    type_into(lia, "Capacity", "40").await;
    type_into(lia, "Online link", "https://meet.example.org/dash").await;
    press(lia, "Save").await;
    press(lia, "Publish").await;
    let event = lia.current_url().await.unwrap().path().trim_start_matches("/events/").to_owned();
    visit(bea, &g.app.url(&format!("/events/{event}"))).await;
    press(bea, "Register").await;
    until_shown(bea, "You're in").await;
    // What her calendar holds: the event's own calendar file, before the move.
    let ics_url = g.app.url(&format!("/events/{event}.ics"));
    let first = reqwest::get(&ics_url).await.unwrap().text().await.unwrap();
    let first = vevent_props(&first);
    click_link(lia, "Edit event").await;
    set_time(lia, "Starts", start + Duration::hours(1)).await;
    set_time(lia, "Ends", start + Duration::hours(3)).await;
    press(lia, "Save").await;
    let moved = || {
        let got = sink.received();
        async move { got.iter().any(|m| m.contains("To: bea@example.org") && m.contains("Changed:")) }
    };
    assert!(common::eventually(moved).await, "Bea hears of the move");
    let update = sink.received().into_iter().rfind(|m| m.contains("To: bea@example.org") && m.contains("Changed:"));
    let update = vevent_props(&calendar_part(&update.unwrap()).unwrap().1);
    assert_eq!(prop(&update, "UID"), prop(&first, "UID"), "the same event in her calendar");
    let seq = |p: &[ical::property::Property]| prop(p, "SEQUENCE").parse::<u32>().unwrap_or(0);
    assert!(seq(&update) > seq(&first), "a higher SEQUENCE replaces the old time");
    shots.take(lia, "43-meetup-moved").await;
    event
}

/// UG-15: Bea follows the group from its page, before Lia publishes.
async fn member_follows_the_group(g: &Gov, bea: &Client, shots: &Shots) {
    visit(bea, &g.app.url(&format!("/groups/{}", g.slug))).await;
    press(bea, "Follow").await;
    until_shown(bea, "You follow this group").await;
    shots.take(bea, "42-group-followed").await;
}

/// UG-15: the published meetup reached Bea with its calendar file; she
/// stops following with the email's link, and the next meetup does not
/// reach her.
async fn follower_hears_then_stops(g: &Gov, sink: &SmtpSink, event: &str, bea: &Client, shots: &Shots) {
    let announced = || {
        let got = sink.received();
        async move { got.iter().any(|m| m.contains("To: bea@example.org") && m.contains("New from")) }
    };
    assert!(common::eventually(announced).await, "Bea hears of the new meetup");
    let mail =
        sink.received().into_iter().find(|m| m.contains("To: bea@example.org") && m.contains("New from")).unwrap();
    let (method, ics) = calendar_part(&mail).expect("the meetup's calendar file");
    assert_eq!(method, "PUBLISH");
    assert!(prop(&vevent_props(&ics), "UID").starts_with(event), "{ics}");
    use mailparse::MailHeaderMap;
    let parsed = mailparse::parse_mail(mail.as_bytes()).unwrap();
    let link = parsed.headers.get_first_value("List-Unsubscribe").unwrap();
    let link = link.trim_start_matches('<').trim_end_matches('>');
    visit(bea, &g.app.url(&link[link.find("/unfollow/").unwrap()..])).await;
    until_shown(bea, "Stop receiving an email when").await;
    press(bea, "Stop following").await;
    until_shown(bea, "you no longer follow").await;
    shots.take(bea, "44-unfollowed").await;
    let next = g.published(None, 14).await;
    let told = |to: &str| {
        let to = to.to_owned();
        async move {
            use sqlx::Row;
            sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE to_address = $1 AND kind = 'new-event'")
                .bind(to)
                .fetch_one(g.app.db.reader())
                .await
                .unwrap()
                .get::<i64, _>("n")
        }
    };
    assert_eq!(told("bea@example.org").await, 1, "the meetup after {next} does not reach her");
}

/// UG-14, UG-10: once the meetup is over it completes by itself and counts
/// for the group's health; Lia files a claim with a receipt.
async fn meetup_completes_and_is_claimed(g: &Gov, event: &str, lia: &Client, shots: &Shots) {
    // The week passes: the meetup began half an hour ago, and Lia checks
    // Bea in at the door.
    let start = (Utc::now() - Duration::minutes(30)).timestamp_micros();
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("UPDATE events SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(start)
        .bind(start + 7_200_000_000)
        .bind(event)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    visit(lia, &g.app.url(&format!("/events/{event}"))).await;
    click_link(lia, "Attendees and check-in").await;
    common::browser::click_and_wait(lia, Locator::Css("button[aria-label='Check in: Bea Forums']"), "Check in Bea")
        .await;
    until_shown(lia, "Bea Forums is in.").await;
    // The completion job, as every instance runs it each minute, on its
    // run once the set hours after the end have passed.
    let after = Duration::hours(2 + 12);
    let done = guildhall::services::events::complete_ended(&g.app.state.services, Utc::now() + after).await.unwrap();
    assert_eq!(done, 1);
    visit(lia, &g.app.url(&format!("/events/{event}"))).await;
    let page = text(lia).await;
    assert!(page.contains("Completed") || page.contains("completed"), "{page}");
    click_link(lia, "File an expense claim").await;
    type_into(lia, "Venue (EUR)", "80").await;
    let receipt = std::env::temp_dir().join(format!("receipt-{}.pdf", uuid::Uuid::now_v7().simple()));
    std::fs::write(&receipt, RECEIPT).unwrap();
    let input = lia.find(Locator::Id("receipt")).await.unwrap();
    input.send_keys(receipt.to_str().unwrap()).await.unwrap();
    press(lia, "File the claim").await;
    let page = until_shown(lia, "waiting for the community manager").await;
    assert!(page.contains("receipt"), "{page}");
    shots.take(lia, "44-claim-filed").await;
}

/// UG-13, PL-12: the manager, on another instance, sees the receipt and
/// approves; the group's health counts the meetup.
async fn claim_approved_elsewhere(g: &Gov, other: &str, manu: &Client, shots: &Shots) {
    visit(manu, &format!("{other}/signin")).await;
    type_into(manu, "Email", "manu@example.org").await;
    type_into(manu, "Password", common::browser::PASSWORD).await;
    press(manu, "Sign in").await;
    visit(manu, &format!("{other}/manage/regions/{}", g.region)).await;
    let page = text(manu).await;
    assert!(page.contains("1/"), "the held meetup counts this year: {page}");
    let task = "//main//a[contains(., 'Dashboards that people read')]";
    common::browser::click_and_wait(manu, Locator::XPath(task), "the claim's task").await;
    let receipt = manu.find(Locator::Css("a[href*='/receipts/']")).await.unwrap().attr("href").await.unwrap();
    let href = receipt.unwrap();
    let url = if href.starts_with("http") { href } else { format!("{other}{href}") };
    let cookies = manu.get_all_cookies().await.unwrap();
    let jar: Vec<String> = cookies.iter().map(|c| format!("{}={}", c.name(), c.value())).collect();
    let res = reqwest::Client::new().get(&url).header("cookie", jar.join("; ")).send().await.unwrap();
    assert_eq!(res.status(), 200, "the receipt is there on this instance too");
    assert_eq!(res.bytes().await.unwrap().as_ref(), RECEIPT);
    press(manu, "Approve").await;
    until_shown(manu, "approved").await;
    shots.take(manu, "45-claim-approved-elsewhere").await;
}

/// CH-8: Stella loads a pool for MVPs; Bea claims a code with a button.
async fn benefit_claimed(g: &Gov, stella: &Client, bea: &Client, shots: &Shots) {
    visit(stella, &g.app.url("/programs/benefits")).await;
    type_into(stella, "Name", "Certification voucher").await;
    choose(stella, "For", "MVP").await;
    type_into(stella, "Codes, one per line (or separated by commas)", "MVP-0001\nMVP-0002").await;
    press(stella, "Create the pool").await;
    until_shown(stella, "2 left").await;
    visit(bea, &g.app.url("/programs/benefits")).await;
    press(bea, "Claim a code").await;
    let page = until_shown(bea, "Your code is below").await;
    assert!(page.contains("MVP-0001") || page.contains("MVP-0002"), "{page}");
    shots.take(bea, "46-benefit-claimed").await;
}

async fn run(backend: Backend) {
    let Some(driver) = start_driver() else { return };
    let (sink, port) = SmtpSink::start();
    let Some(g) = gov_with(backend, common::sending_to(port)).await else { return };
    let forum = FakeForum::spawn().await;
    g.set_setting("imports.forum_url", &forum.base).await;
    g.set_setting("mvp.min_contributions_per_year", "3").await;
    let (s, _) = g
        .call(
            Method::PUT,
            &format!("/api/v1/regions/{}/fee-schedule", g.region),
            &g.admin,
            Some(json!({"venue": "300", "catering": "200", "other": "50"})),
        )
        .await;
    assert_eq!(s, 200);
    account(&g, "ada@example.org", "Ada Admin", Some(Role::Admin)).await;
    account(&g, "stella@example.org", "Stella Staff", None).await;
    account(&g, "bea@example.org", "Bea Forums", None).await;
    account(&g, "lia@example.org", "Lia Leader", Some(Role::GroupLeader(g.group))).await;
    account(&g, "manu@example.org", "Manu Manager", Some(Role::CommunityManager(g.region))).await;
    // A second instance on the same database, as behind a load balancer.
    let second = g.app.another_instance().await;
    let other = format!("http://{}", second.addr);

    let shots = Shots::new(backend);
    let (admin, stella, bea) = (connect(&driver).await, connect(&driver).await, connect(&driver).await);
    admin_appoints_staff(&g, &admin, &shots).await;
    member_links_imports_and_applies(&g, &forum, &bea, &shots).await;
    staff_accept_the_mvp(&g, &stella, &bea, &shots).await;
    let (lia, manu) = (connect(&driver).await, connect(&driver).await);
    member_follows_the_group(&g, &bea, &shots).await;
    let event = leader_moves_a_meetup(&g, &sink, &lia, &bea, &shots).await;
    follower_hears_then_stops(&g, &sink, &event, &bea, &shots).await;
    meetup_completes_and_is_claimed(&g, &event, &lia, &shots).await;
    claim_approved_elsewhere(&g, &other, &manu, &shots).await;
    benefit_claimed(&g, &stella, &bea, &shots).await;
    for c in [admin, stella, bea, lia, manu] {
        c.close().await.unwrap();
    }
    second.stop().await;
    g.app.stop().await;
    shots.finish();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_a_year_in_chromium_on_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_a_year_in_chromium_on_postgres() {
    run(Backend::Postgres).await;
}
