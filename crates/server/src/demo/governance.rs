//! Demo data for running groups by the guidelines: fee schedules and
//! claims, leader applications at every stage, a nomination, a group that
//! needs support, code-of-conduct reports, speakers, invitations, expert
//! requests and a session review. All of it through the services.

use chrono::{Duration, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::conduct::{ReportFields, ReportStatus};
use guildhall_domain::event::{EventFields, EventStatus};
use guildhall_domain::group::GroupFields;
use guildhall_domain::ids::{EventId, MemberId, RegionId};
use guildhall_domain::leadership::ApplicationFields;
use guildhall_domain::money::{AmountFields, ClaimFields};
use guildhall_domain::speaker::SpeakerFields;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale, TimeZone};
use guildhall_domain::venue::{VenueFields, VenueProfile};
use guildhall_storage::events::{self, When};
use guildhall_storage::groups::{self, Group};
use guildhall_storage::members::{self, NewMember};

use super::groups::{attend, evening};
use crate::app::AppState;
use crate::services::leadership::{self, ApplyTo};
use crate::services::{conduct, events as event_service, expenses, groups as group_service, health, review, speakers};

/// Caps per region, in its currency: venue, catering, other.
const CAPS: &[(&str, &str, &str)] = &[
    ("300", "200", "50"),
    ("300", "200", "50"),
    ("250", "180", "40"),
    ("1500", "1000", "250"),
    ("350", "250", "60"),
    ("20000", "15000", "3000"),
];

/// Applicants who are not leaders yet.
const APPLICANTS: &[(&str, &str)] = &[
    ("Inês Carvalho", "ines.carvalho@example.org"),
    ("Miguel Santos", "miguel.santos@example.org"),
    ("Hannah Schmidt", "hannah.schmidt@example.org"),
    ("Oliver Grant", "oliver.grant@example.org"),
    ("Chloe Martin", "chloe.martin@example.org"),
    ("Yuki Tanaka", "yuki.tanaka@example.org"),
];

pub(super) async fn actor(state: &AppState, email: &str) -> anyhow::Result<Actor> {
    let m = members::by_email(state.services.db.reader(), &EmailAddress::parse(email)?)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo member {email} missing"))?;
    Ok(members::actor(state.services.db.reader(), m.id).await?)
}

async fn group(state: &AppState, slug: &str) -> anyhow::Result<Group> {
    groups::by_slug(state.services.db.reader(), slug).await?.ok_or_else(|| anyhow::anyhow!("demo group {slug} missing"))
}

fn experience(years: &str, projects: &str) -> ApplicationFields {
    ApplicationFields {
        years: years.into(),
        certifications: "Associate Developer".into(),
        projects: projects.into(),
        profile_link: "https://community.example.com/u/demo".into(),
        accept_guidelines: true,
        ..Default::default()
    }
}

fn soon(days: i64) -> String {
    (Utc::now() + Duration::days(days)).format("%Y-%m-%dT17:00").to_string()
}

pub async fn fill(
    state: &AppState,
    admin: &Actor,
    regions: &[RegionId],
    hash: &str,
    crowd: &[MemberId],
) -> anyhow::Result<()> {
    for (r, (v, c, o)) in regions.iter().zip(CAPS) {
        let caps = AmountFields { venue: (*v).into(), catering: (*c).into(), other: (*o).into() };
        expenses::set_schedule(&state.services, admin, *r, &caps).await?;
    }
    let mut tx = state.services.db.begin().await?;
    for (name, email) in APPLICANTS {
        let new = NewMember {
            email: &EmailAddress::parse(email)?,
            name: &DisplayName::parse(name)?,
            password_hash: Some(hash),
            verified: true,
            locale: Locale::En,
        };
        members::insert(&mut tx, new, Utc::now()).await?;
    }
    tx.commit().await?;
    let partner = VenueFields {
        name: "Acme Consulting office".into(),
        address: "Avenida da Liberdade 110".into(),
        city: "Lisboa".into(),
        country: "PT".into(),
        kind: "partner_office".into(),
        capacity: "40".into(),
        accessibility: String::new(),
    };
    group_service::add_venue(&state.services, admin, &VenueProfile::parse(&partner)?).await?;

    let marta = actor(state, "marta.nogueira@example.org").await?;
    let jonas = actor(state, "jonas.keller@example.org").await?;
    let aoife = actor(state, "aoife.byrne@example.org").await?;
    let lisboa = group(state, "lisboa-net").await?;
    let porto = group(state, "porto-cloud-builders").await?;
    let madrid = group(state, "madrid-developers").await?;
    let berlin = group(state, "berlin-platform-engineers").await?;
    let dublin = group(state, "dublin-devops").await?;

    // UG-10: a group that met once, months ago, and now needs support.
    let quiet = GroupFields {
        name: "Coimbra Devs".into(),
        city: "Coimbra".into(),
        country: "PT".into(),
        time_zone: "Europe/Lisbon".into(),
        description: "Developers of Coimbra and its university. We are looking for new energy!".into(),
        ..Default::default()
    };
    let kwame = actor(state, "kwame.mensah@example.org").await?;
    let leaders = [group_service::LeaderRef::Member(kwame.member_id)];
    let coimbra = group_service::create(&state.services, admin, regions[0], &quiet, &leaders).await?;
    let kwame = actor(state, "kwame.mensah@example.org").await?;
    let tz = TimeZone::parse("Europe/Lisbon")?;
    let old = EventFields {
        title: "Kick-off meetup".into(),
        description: "Our first meetup.".into(),
        starts_at: evening(tz, -130, 0),
        ends_at: evening(tz, -130, 2),
        capacity: "30".into(),
        online_link: "https://meet.example.org/coimbra".into(),
        promotion_links: String::new(),
        ..EventFields::default()
    };
    let old = event_service::create(&state.services, &kwame, coimbra, &old, None).await?;
    let mut tx = state.services.db.begin().await?;
    events::set_status(&mut tx, old, EventStatus::Draft, EventStatus::Published, Utc::now()).await?;
    events::set_status(&mut tx, old, EventStatus::Published, EventStatus::Completed, Utc::now()).await?;
    tx.commit().await?;
    attend(state, old, 30, &crowd[..12], 9, kwame.member_id).await?;

    // UG-2, UG-4: applications at every stage.
    let ines = actor(state, "ines.carvalho@example.org").await?;
    leadership::apply(
        &state.services,
        &ines,
        ApplyTo::Group(porto.id),
        &experience("3", "Inventory app for a food bank"),
    )
    .await?;
    let miguel = actor(state, "miguel.santos@example.org").await?;
    let m = leadership::apply(&state.services, &miguel, ApplyTo::Group(madrid.id), &experience("5", "Claims portal"))
        .await?;
    leadership::propose_times(&state.services, &marta, m, &[soon(3), soon(4), soon(6)]).await?;
    let hannah = actor(state, "hannah.schmidt@example.org").await?;
    let h =
        leadership::apply(&state.services, &hannah, ApplyTo::Group(berlin.id), &experience("7", "Logistics platform"))
            .await?;
    let slots = leadership::propose_times(&state.services, &jonas, h, &[soon(2), soon(5)]).await?;
    let first = leadership::slots(&state.services, &leadership::readable(&state.services, &hannah, h).await?)
        .await?
        .into_iter()
        .find(|s| Some(&s.starts_at) == slots.first());
    if let Some(slot) = first {
        leadership::pick_time(&state.services, &hannah, h, slot.id).await?;
        leadership::record_notes(&state.services, &jonas, h, "Strong platform knowledge; organised two hackathons.")
            .await?;
    }
    let yuki = actor(state, "yuki.tanaka@example.org").await?;
    let y = leadership::apply(
        &state.services,
        &yuki,
        ApplyTo::NewGroup(regions[0]),
        &ApplicationFields {
            proposed_name: "Braga Devs".into(),
            proposed_city: "Braga".into(),
            ..experience("4", "Tourism booking app")
        },
    )
    .await?;
    let slots = leadership::propose_times(&state.services, &marta, y, &[soon(1)]).await?;
    if let Some(slot) = leadership::slots(&state.services, &leadership::readable(&state.services, &yuki, y).await?)
        .await?
        .into_iter()
        .find(|s| Some(&s.starts_at) == slots.first())
    {
        leadership::pick_time(&state.services, &yuki, y, slot.id).await?;
    }
    let oliver = actor(state, "oliver.grant@example.org").await?;
    let o =
        leadership::apply(&state.services, &oliver, ApplyTo::Group(dublin.id), &experience("1", "First app")).await?;
    leadership::decline(
        &state.services,
        &aoife,
        o,
        "Thank you! Please co-organise a few events with Dublin DevOps first.",
    )
    .await?;
    let tomas = actor(state, "tomas.ferreira@example.org").await?;
    leadership::nominate(&state.services, &tomas, lisboa.id, "chloe.martin@example.org").await?;
    let beatriz = actor(state, "beatriz.almeida@example.org").await?;
    leadership::set_coleader_wanted(&state.services, &beatriz, porto.id, true).await?;

    // UG-8: reports.
    let report = |d: &str, leader: bool, email: &str| ReportFields {
        description: d.into(),
        concerns_leader: leader,
        email: email.into(),
    };
    conduct::report(
        &state.services,
        &lisboa,
        None,
        &report("Someone handed out job offers during the break.", false, ""),
        Locale::En,
        "demo",
    )
    .await?;
    let about_leader =
        report("The organizer pushed his company's paid training all evening.", true, "witness@example.net");
    let r = conduct::report(&state.services, &porto, None, &about_leader, Locale::En, "demo").await?;
    conduct::add_note(
        &state.services,
        &marta,
        r,
        ReportStatus::Investigating,
        "Talked to two attendees; meeting the leader next week.",
    )
    .await?;
    let r = conduct::report(
        &state.services,
        &madrid,
        None,
        &report("Loud comments about a speaker's accent.", false, ""),
        Locale::En,
        "demo",
    )
    .await?;
    conduct::add_note(
        &state.services,
        &marta,
        r,
        ReportStatus::Resolved,
        "Spoke with the person; apologised publicly.",
    )
    .await?;

    // UG-13: claims for past events.
    let past = |g: &Group| {
        let g = g.id;
        async move {
            let list = events::for_group(state.services.db.reader(), g, When::Past, false, Utc::now(), 10).await?;
            Ok::<Vec<EventId>, anyhow::Error>(list.into_iter().map(|e| e.id).collect())
        }
    };
    let lisboa_past = past(&lisboa).await?;
    let claim = |v: &str, c: &str, note: &str| ClaimFields {
        venue: v.into(),
        catering: c.into(),
        other: String::new(),
        note: note.into(),
    };
    if let [a, b, ..] = lisboa_past.as_slice() {
        let c = expenses::file(&state.services, &tomas, *a, &claim("150", "180.40", "Room and pizza for 33")).await?;
        expenses::add_receipt(&state.services, &tomas, c, "pizza-receipt.pdf", DEMO_PDF).await?;
        expenses::decide(&state.services, &marta, c, true, "Receipts match").await?;
        let c = expenses::file(&state.services, &tomas, *b, &claim("", "95", "Coffee and snacks")).await?;
        expenses::add_receipt(&state.services, &tomas, c, "coffee.pdf", DEMO_PDF).await?;
    }
    if let Some(e) = past(&porto).await?.first() {
        let c = expenses::file(&state.services, &beatriz, *e, &claim("200", "", "Auditorium rental")).await?;
        expenses::decide(
            &state.services,
            &marta,
            c,
            false,
            "The university offers the auditorium for free to student groups; ask them first.",
        )
        .await?;
    }

    // UG-11: speakers, an invitation, expert requests.
    let jonas = actor(state, "jonas.keller@example.org").await?;
    for (i, (topics, bio)) in [
        ("observability, kubernetes", "SRE who likes boring, reliable systems."),
        ("accessibility, frontend", "Front-end developer and screen-reader user."),
        ("data, performance", "Makes slow queries fast for a living."),
        ("security, identity", "Security engineer; talks about OAuth without tears."),
    ]
    .iter()
    .enumerate()
    {
        let speaker = members::actor(state.services.db.reader(), crowd[20 + i]).await?;
        let f = SpeakerFields {
            bio: (*bio).into(),
            topics: (*topics).into(),
            past_talks: format!("Lessons from production | https://slides.example.org/talk-{i}"),
        };
        speakers::apply(&state.services, &speaker, regions[i % 2], &f).await?;
        if i < 3 {
            // UG-11: each region's manager decides its own speakers.
            let manager = if i % 2 == 0 { &marta } else { &jonas };
            speakers::decide(&state.services, manager, speaker.member_id, true, "").await?;
        }
    }
    let upcoming =
        events::for_group(state.services.db.reader(), lisboa.id, When::Upcoming, true, Utc::now(), 10).await?;
    if let Some(draft) = upcoming.iter().find(|e| e.status == EventStatus::Draft) {
        let s = speakers::invite(
            &state.services,
            &tomas,
            draft.id,
            crowd[20],
            "Tracing a request across twelve services",
            "We would love to hear about your tracing setup!",
        )
        .await?;
        let speaker = members::actor(state.services.db.reader(), crowd[20]).await?;
        speakers::answer(&state.services, &speaker, s, true).await?;
        speakers::invite(&state.services, &tomas, draft.id, crowd[21], "Accessible forms in practice", "").await?;
    }
    let lena = actor(state, "lena.vogt@example.org").await?;
    speakers::ask_expert(
        &state.services,
        &lena,
        berlin.id,
        "Our 5th anniversary meetup in March",
        "Runtime performance internals",
    )
    .await?;
    let sofia = actor(state, "sofia.lindqvist@example.org").await?;
    let x = speakers::ask_expert(
        &state.services,
        &sofia,
        dublin.id,
        "A joint event with the university",
        "Security best practices",
    )
    .await?;
    speakers::answer_expert(
        &state.services,
        &aoife,
        x,
        "Ana Ribeiro from the security team can join remotely; she will email you.",
    )
    .await?;

    // UG-6: Madrid's sessions are reviewed; its draft has one waiting.
    review::require_for_group(&state.services, &marta, madrid.id, true).await?;
    let madrid_upcoming =
        events::for_group(state.services.db.reader(), madrid.id, When::Upcoming, true, Utc::now(), 10).await?;
    if let Some(draft) = madrid_upcoming.iter().find(|e| e.status == EventStatus::Draft) {
        review::require_for_event(&state.services, &marta, draft.id, true).await?;
    }

    health::daily_check(&state.services, Utc::now()).await?;
    Ok(())
}

/// A tiny but valid PDF, as a receipt.
const DEMO_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
