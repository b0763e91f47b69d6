//! UG-15: members follow groups; publishing an event tells the followers
//! once, in their language, with the event's calendar file and a one-click
//! "stop following"; the community team announces to a region's leaders
//! or a program's members after seeing how many it reaches.

use crate::common;

use common::gov::{gov, gov_with, page_client, Gov, Person};
use common::SmtpSink;
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::json;

/// A change made behind the app's back (what another page or a person
/// did meanwhile), with two text parameters.
async fn write(g: &Gov, sql: &str, a: &str, b: &str) {
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query(sql).bind(a).bind(b).execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
}

async fn set_locale(g: &Gov, who: &Person, locale: &str) {
    write(g, "UPDATE members SET locale = $1 WHERE id = $2", locale, &who.id.to_string()).await;
}

/// The kinds of email queued to `to`, oldest first.
async fn kinds_to(g: &Gov, to: &str) -> Vec<String> {
    use sqlx::Row;
    sqlx::query("SELECT kind FROM outbox WHERE to_address = $1 ORDER BY created_at, id")
        .bind(to)
        .fetch_all(g.app.db.reader())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get("kind"))
        .collect()
}

/// The message the sink received for `to` whose subject holds `subject`.
async fn received(sink: &SmtpSink, to: &str, subject: &str) -> String {
    let find = || sink.received().into_iter().find(|m| m.contains(&format!("To: {to}")) && m.contains(subject));
    assert!(
        common::eventually(|| {
            let got = find();
            async move { got.is_some() }
        })
        .await,
        "no email to {to} about {subject}"
    );
    find().unwrap()
}

on_both!(
    ug15_a_follower_hears_of_each_new_event_once_in_their_language_and_stops_with_one_click,
    |backend: Backend| async move {
        let (sink, port) = SmtpSink::start();
        let Some(g) = gov_with(backend, common::sending_to(port)).await else { return };
        // The member follows from the group's page; the staff member, in Portuguese, over the API.
        let browser = page_client(&g, Some(&g.member)).await;
        let page = format!("/groups/{}", g.slug);
        let res = common::post_form(&browser, &g.app, &page, &format!("/groups/{}/follow", g.slug), &[]).await;
        let shown = common::follow(&browser, &g.app, res).await;
        assert!(shown.contains("You follow this group"), "{shown}");
        assert!(shown.contains("Stop following") && shown.contains("One follower"), "{shown}");
        set_locale(&g, &g.staff, "pt").await;
        let follows = format!("/api/v1/me/follows/{}", g.slug);
        for _ in 0..2 {
            // Following twice is no change.
            let (s, b) = g.call(Method::PUT, &follows, &g.staff, None).await;
            assert_eq!((s, b["slug"].as_str()), (200, Some(g.slug.as_str())), "{b}");
        }
        let (_, mine) = g.call(Method::GET, "/api/v1/me/follows", &g.staff, None).await;
        assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
        // The leader follows their own group: they published the event, so no email.
        g.call(Method::PUT, &follows, &g.leader, None).await;
        let shown = browser.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
        assert!(shown.contains("3 followers"), "{shown}");

        // A single event at a venue: its email names the place and carries the calendar file.
        let venue = g.venue("university").await;
        let ev = g.published(Some(&venue), 10).await;
        let mail = received(&sink, &g.member.email, "New from Lisboa Devs").await;
        assert!(mail.contains("Observability without vendors"), "{mail}");
        let (method, ics) = common::calendar_part(&mail).expect("the event's calendar file");
        assert_eq!(method, "PUBLISH", "an event to add, not an invitation to answer");
        let props = common::vevent_props(&ics);
        assert!(common::prop(&props, "UID").starts_with(&ev), "the feeds' UID: {ics}");
        assert!(common::prop(&props, "LOCATION").contains("Lisboa"), "{ics}");
        let parsed = mailparse::parse_mail(mail.as_bytes()).unwrap();
        use mailparse::MailHeaderMap;
        let link = parsed.headers.get_first_value("List-Unsubscribe").expect("a one-click way out");
        assert_eq!(
            parsed.headers.get_first_value("List-Unsubscribe-Post").as_deref(),
            Some("List-Unsubscribe=One-Click")
        );
        let link = link.trim_start_matches('<').trim_end_matches('>');
        assert!(link.contains("/unfollow/"), "{link}");
        let pt = received(&sink, &g.staff.email, "Novo de Lisboa Devs").await;
        assert!(pt.contains("Deixe de o seguir com um clique"), "in their language: {pt}");
        assert!(!kinds_to(&g, &g.leader.email).await.contains(&"new-event".to_owned()), "the leader published it");

        // Once: an edit later reaches those registered, not the followers again.
        let (s, _) = g
            .call(
                Method::PATCH,
                &format!("/api/v1/events/{ev}"),
                &g.leader,
                Some(json!({"title": "Observability, again"})),
            )
            .await;
        assert!(s == 200 || s == 405, "{s}");
        let new_events = |to: String| {
            let g = &g;
            async move { kinds_to(g, &to).await.iter().filter(|k| *k == "new-event").count() }
        };
        assert_eq!(new_events(g.member.email.clone()).await, 1);

        // A forged link is refused and changes nothing; the real one asks, then its POST stops.
        let url = g.app.url(&link[link.find("/unfollow/").unwrap()..]);
        let stranger = reqwest::Client::new();
        let forged = format!("{}0", url.trim_end_matches(|c: char| c.is_ascii_hexdigit()));
        let res = stranger.post(&forged).form(&[("List-Unsubscribe", "One-Click")]).send().await.unwrap();
        assert_eq!(res.status(), 410);
        let asked = stranger.get(&url).send().await.unwrap().text().await.unwrap();
        assert!(asked.contains("Stop receiving an email when Lisboa Devs publishes"), "{asked}");
        let (_, still) = g.call(Method::GET, "/api/v1/me/follows", &g.member, None).await;
        assert_eq!(still.as_array().map(Vec::len), Some(1), "opening the link only asks");
        let res = stranger.post(&url).form(&[("List-Unsubscribe", "One-Click")]).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.text().await.unwrap().contains("you no longer follow Lisboa Devs"));
        let (_, none) = g.call(Method::GET, "/api/v1/me/follows", &g.member, None).await;
        assert_eq!(none, json!([]));

        // An online event next: it reaches the one still following, and not the member.
        g.published(None, 12).await;
        let second = |to: String| {
            let g = &g;
            async move {
                common::eventually(|| {
                    let to = to.clone();
                    async move { kinds_to(g, &to).await.iter().filter(|k| *k == "new-event").count() == 2 }
                })
                .await
            }
        };
        assert!(second(g.staff.email.clone()).await, "the staff member still follows");
        assert_eq!(new_events(g.member.email.clone()).await, 1, "the member stopped following");
        // The audit log names who followed, and that the link stopped it.
        let (_, audit) = g.call(Method::GET, "/api/v1/audit?limit=200", &g.admin, None).await;
        let actions: Vec<_> = audit.as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
        assert!(actions.contains(&"member.followed") && actions.contains(&"member.unfollowed"), "{actions:?}");
    }
);

on_both!(ug15_following_is_refused_in_words_where_it_cannot_be, |backend: Backend| async move {
    let Some(g) = gov(backend).await else { return };
    let follows = format!("/api/v1/me/follows/{}", g.slug);
    let (s, _) = g.app.api(Method::PUT, &follows, None, None).await;
    assert_eq!(s, 401);
    let (s, _) = g.call(Method::PUT, "/api/v1/me/follows/no-such-group", &g.member, None).await;
    assert_eq!(s, 404);
    // Stopping when not following changes nothing.
    let (s, _) = g.call(Method::DELETE, &follows, &g.member, None).await;
    assert_eq!(s, 204);
    // An archived group holds no more events to follow.
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/archive", g.other_slug),
            &g.admin,
            Some(json!({"reason": "Quiet"})),
        )
        .await;
    assert_eq!(s, 200);
    let (s, b) = g.call(Method::PUT, &format!("/api/v1/me/follows/{}", g.other_slug), &g.member, None).await;
    assert_eq!((s, b["errors"][0]["field"].as_str()), (422, Some("group")), "{b}");
    let browser = page_client(&g, Some(&g.member)).await;
    let page = format!("/groups/{}", g.other_slug);
    let shown = browser.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(!shown.contains(">Follow<"), "no Follow button on an archived group");
    let res = common::post_form(&browser, &g.app, &page, &format!("/groups/{}/follow", g.other_slug), &[]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("This group is archived"), "the refusal is said on the page");
    // A visitor is offered to sign in instead.
    let visitor = page_client(&g, None).await;
    let shown = visitor.get(g.app.url(&format!("/groups/{}", g.slug))).send().await.unwrap().text().await.unwrap();
    assert!(shown.contains(&format!("/signin?next=/groups/{}", g.slug)) && shown.contains("Sign in to follow"));
});

on_both!(ug15_a_members_home_and_emails_page_show_the_groups_they_follow, |backend: Backend| async move {
    let Some(g) = gov(backend).await else { return };
    let browser = page_client(&g, Some(&g.member)).await;
    let home = browser.get(g.app.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains("Follow a group to see its next events here"), "{home}");
    let ev = g.published(None, 5).await;
    // From the directory, filtered: the button comes back to the same listing.
    let listing = "/groups?q=lisboa";
    let res = common::post_form(
        &browser,
        &g.app,
        listing,
        &format!("/groups/{}/follow", g.slug),
        &[("back", "/groups?q=lisboa")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/groups?q=lisboa&done=followed"), "{to}");
    let shown = browser.get(g.app.url(&to)).send().await.unwrap().text().await.unwrap();
    assert!(shown.contains("You follow Lisboa Devs") && shown.contains("Following"), "{shown}");
    // An address elsewhere is not followed (no open redirect).
    let res = common::post_form(
        &browser,
        &g.app,
        listing,
        &format!("/groups/{}/follow", g.slug),
        &[("back", "//evil.example")],
    )
    .await;
    assert!(res.headers()["location"].to_str().unwrap().starts_with(&format!("/groups/{}?done=followed", g.slug)));
    let home = browser.get(g.app.url("/")).send().await.unwrap().text().await.unwrap();
    let section = &home[home.find("From groups you follow").unwrap()..home.find("id=\"coming-up\"").unwrap()];
    assert!(section.contains(&format!("/events/{ev}")), "{section}");
    // What one follows is theirs: it is in their export.
    let (_, export) = g.call(Method::GET, "/api/v1/me/export", &g.member, None).await;
    assert_eq!(export["sections"]["follows"][0]["slug"].as_str(), Some(g.slug.as_str()), "{export}");
    // The emails page lists it with a way out that comes back there.
    let emails = browser.get(g.app.url("/account/emails")).send().await.unwrap().text().await.unwrap();
    assert!(emails.contains("Groups you follow") && emails.contains("Lisboa Devs"), "{emails}");
    let res = common::post_form(
        &browser,
        &g.app,
        "/account/emails",
        &format!("/groups/{}/unfollow", g.slug),
        &[("back", "/account/emails")],
    )
    .await;
    let shown = common::follow(&browser, &g.app, res).await;
    assert!(
        shown.contains("you no longer follow Lisboa Devs") && shown.contains("You do not follow any group yet"),
        "{shown}"
    );
});

on_both!(
    ug15_a_manager_writes_to_the_regions_leaders_after_seeing_how_many_it_reaches,
    |backend: Backend| async move {
        let Some(g) = gov(backend).await else { return };
        let (s, choices) = g.call(Method::GET, "/api/v1/announcements/audiences", &g.manager, None).await;
        assert_eq!(s, 200);
        assert_eq!(
            choices,
            json!([{"audience": "region_leaders", "target": g.region.to_string(), "name": "Iberia"}]),
            "their own region only, and no program"
        );
        let audience = json!({"audience": "region_leaders", "target": g.region.to_string()});
        let (_, reach) = g.call(Method::POST, "/api/v1/announcements/reach", &g.manager, Some(audience.clone())).await;
        assert_eq!(reach, json!({"recipients": 2, "opted_out": 0}));
        // One leader turns announcements off: the count says so.
        let (s, _) = g
            .call(
                Method::PUT,
                "/api/v1/me/email-preferences",
                &g.other_leader,
                Some(json!({"reminders": true, "announcements": false})),
            )
            .await;
        assert_eq!(s, 200);
        let (_, reach) = g.call(Method::POST, "/api/v1/announcements/reach", &g.manager, Some(audience.clone())).await;
        assert_eq!(reach, json!({"recipients": 1, "opted_out": 1}));
        // Sent with the count seen before that change: refused, with the new count.
        let mut body =
            json!({"subject": "Claims close Friday", "body": "Send receipts by Friday.", "expected_recipients": 2});
        body["audience"] = audience["audience"].clone();
        body["target"] = audience["target"].clone();
        let (s, b) = g.call(Method::POST, "/api/v1/announcements", &g.manager, Some(body.clone())).await;
        assert_eq!((s, b["type"].as_str().map(|t| t.ends_with("audience_changed"))), (409, Some(true)), "{b}");
        assert!(
            b["detail"].as_str().unwrap_or_default().contains('1')
                || b["title"].as_str().unwrap_or_default().contains('1'),
            "{b}"
        );
        assert!(g.emails_to(&g.leader.email).await.iter().all(|(s, _)| !s.contains("Claims close")), "nothing went");
        body["expected_recipients"] = json!(1);
        let (s, b) = g.call(Method::POST, "/api/v1/announcements", &g.manager, Some(body.clone())).await;
        assert_eq!((s, b["recipients"].as_u64()), (202, Some(1)), "{b}");
        let to_leader = g.emails_to(&g.leader.email).await;
        assert!(
            to_leader.iter().any(|(s, body)| s == "Claims close Friday" && body.contains("Send receipts by Friday.")),
            "{to_leader:?}"
        );
        assert!(g.emails_to(&g.other_leader.email).await.iter().all(|(s, _)| s != "Claims close Friday"));
        // Kept, and audited; another region's manager sees none of it and may not write here.
        let (_, sent) = g.call(Method::GET, "/api/v1/announcements", &g.manager, None).await;
        assert_eq!(
            (sent[0]["subject"].as_str(), sent[0]["recipients"].as_u64()),
            (Some("Claims close Friday"), Some(1)),
            "{sent}"
        );
        let (_, theirs) = g.call(Method::GET, "/api/v1/announcements", &g.other_manager, None).await;
        assert_eq!(theirs, json!([]));
        let (s, _) = g.call(Method::POST, "/api/v1/announcements", &g.other_manager, Some(body.clone())).await;
        assert_eq!(s, 403);
        let (_, audit) = g.call(Method::GET, "/api/v1/audit?limit=200", &g.admin, None).await;
        assert!(audit.as_array().unwrap().iter().any(|e| e["action"] == "announcement.sent"), "{audit}");
        // Bad fields are all named at once.
        let (s, b) =
            g.call(Method::POST, "/api/v1/announcements", &g.manager, Some(json!({"audience": "everyone"}))).await;
        let fields: Vec<_> = b["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
        assert_eq!((s, fields), (422, vec!["audience", "subject", "body"]), "{b}");
    }
);

on_both!(ug15_program_staff_write_to_each_programs_members, |backend: Backend| async move {
    let Some(g) = gov(backend).await else { return };
    for program in ["champions", "mvp", "ambassadors"] {
        let audience = json!({"audience": "program_members", "target": program});
        let (_, reach) = g.call(Method::POST, "/api/v1/announcements/reach", &g.staff, Some(audience.clone())).await;
        assert_eq!(reach["recipients"], 0, "{program}: nobody yet");
        let (id, email, _) = g.app.member_with_role(&format!("{program}member"), None).await;
        let mut grant = json!({"member_id": id.to_string(), "focus_area": "speaking"});
        if program == "mvp" {
            // CH-1: the MVP award starts once the NDA is signed.
            grant["nda_signed_on"] = json!(chrono::Utc::now().date_naive().to_string());
        }
        let (s, b) =
            g.call(Method::POST, &format!("/api/v1/programs/{program}/memberships"), &g.staff, Some(grant)).await;
        assert_eq!(s, 201, "{program}: {b}");
        let (_, reach) = g.call(Method::POST, "/api/v1/announcements/reach", &g.staff, Some(audience.clone())).await;
        assert_eq!(reach["recipients"], 1, "{program}");
        let mut body = json!({"subject": format!("News for {program}"), "body": "The summit is in May.", "expected_recipients": 1});
        body["audience"] = audience["audience"].clone();
        body["target"] = audience["target"].clone();
        let (s, _) = g.call(Method::POST, "/api/v1/announcements", &g.manager, Some(body.clone())).await;
        assert_eq!(s, 403, "a community manager does not write to a program's members");
        let (s, b) = g.call(Method::POST, "/api/v1/announcements", &g.staff, Some(body)).await;
        assert_eq!((s, b["recipients"].as_u64()), (202, Some(1)), "{program}: {b}");
        assert!(g.emails_to(&email).await.iter().any(|(s, _)| s == &format!("News for {program}")));
    }
});

on_both!(ug15_the_announcement_pages_show_the_count_and_the_message_before_sending, |backend: Backend| async move {
    let Some(g) = gov(backend).await else { return };
    let browser = page_client(&g, Some(&g.manager)).await;
    let hub = browser.get(g.app.url("/community")).send().await.unwrap().text().await.unwrap();
    assert!(hub.contains("href=\"/announcements\""), "the hub leads there");
    let audience = format!("region_leaders:{}", g.region);
    // A missing subject and body are named on the form, which keeps the choice.
    let res =
        common::post_form(&browser, &g.app, "/announcements", "/announcements/preview", &[("audience", &audience)])
            .await;
    assert_eq!(res.status(), 422);
    let shown = res.text().await.unwrap();
    assert!(shown.contains("a-subject-error") && shown.contains("a-body-error"), "{shown}");
    let fields = [
        ("audience", audience.as_str()),
        ("subject", "Venue budget"),
        ("body", "First line.\r\n\r\nSecond paragraph."),
    ];
    let res = common::post_form(&browser, &g.app, "/announcements", "/announcements/preview", &fields).await;
    assert_eq!(res.status(), 200);
    let preview = res.text().await.unwrap();
    assert!(
        preview.contains("It will be emailed to 2 people") && preview.contains("Leaders of the groups in Iberia"),
        "{preview}"
    );
    assert!(preview.contains("Second paragraph.") && preview.contains("Send to 2 people"), "{preview}");
    assert!(g.emails_to(&g.leader.email).await.iter().all(|(s, _)| s != "Venue budget"), "the preview sends nothing");
    // "Change it" goes back to the form with what was written.
    let mut with_count: Vec<(&str, &str)> = fields.to_vec();
    with_count.push(("expected", "2"));
    let res = common::post_form(&browser, &g.app, "/announcements", "/announcements/edit", &with_count).await;
    let form = res.text().await.unwrap();
    assert!(form.contains("value=\"Venue budget\"") && form.contains("Second paragraph."), "{form}");
    // A leader leaves meanwhile: the page shows the new count instead of sending.
    write(&g, "UPDATE groups SET status = $1 WHERE slug = $2", "archived", &g.other_slug).await;
    let res = common::post_form(&browser, &g.app, "/announcements", "/announcements/send", &with_count).await;
    assert_eq!(res.status(), 409);
    let again = res.text().await.unwrap();
    assert!(again.contains("it is now 1 people") || again.contains("The audience changed"), "{again}");
    assert!(again.contains("Send to one person"), "{again}");
    let mut now: Vec<(&str, &str)> = fields.to_vec();
    now.push(("expected", "1"));
    let res = common::post_form(&browser, &g.app, "/announcements", "/announcements/send", &now).await;
    let done = common::follow(&browser, &g.app, res).await;
    assert!(done.contains("Sent: it is on its way to one person") && done.contains("Venue budget"), "{done}");
    assert!(g.emails_to(&g.leader.email).await.iter().any(|(s, _)| s == "Venue budget"));
    // Nobody else reaches the page.
    let member = page_client(&g, Some(&g.member)).await;
    assert_eq!(member.get(g.app.url("/announcements")).send().await.unwrap().status(), 403);
});
