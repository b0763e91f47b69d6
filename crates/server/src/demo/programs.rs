//! Demo data for the programs: contributions in every area, current
//! Champions, MVPs and Ambassadors in the directory, applications at
//! several stages and a benefit pool. Through the services.

use chrono::{Datelike, Duration, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::contribution::ContributionFields;
use guildhall_domain::ids::{MemberId, RegionId};
use guildhall_domain::program::{FocusArea, Program};
use guildhall_storage::members;

use crate::app::AppState;
use crate::services::program_evidence as evidence_service;
use crate::services::program_memberships::{self as membership_service, Grant};
use crate::services::programs;

fn fields(kind: &str, days_ago: i64, link: &str) -> ContributionFields {
    ContributionFields {
        kind: kind.into(),
        date: (Utc::now() - Duration::days(days_ago)).date_naive().to_string(),
        link: link.into(),
        source: "imported".into(),
        verification: "verified".into(),
        accepted: Some(true),
        rating: "4.5".into(),
        platform_version: "O11".into(),
        has_description: true,
        has_screenshots: true,
        has_docs: true,
        format: "blog_post".into(),
        ..Default::default()
    }
}

pub async fn fill(state: &AppState, staff: &Actor, regions: &[RegionId], crowd: &[MemberId]) -> anyhow::Result<()> {
    let kinds = [
        ("forum_solution", FocusArea::Forums, 6),
        ("forge_component", FocusArea::Forge, 2),
        ("content_piece", FocusArea::TechnicalContent, 3),
        ("mentoring_testimonial", FocusArea::Mentoring, 1),
    ];
    // What people call their work, one list per kind, so the demo's
    // contributions read like a real Champion's.
    let titles: [&[&str]; 4] = [
        &[
            "Fixing a timeout in the REST connector",
            "Why the bulk import skips rows with empty dates",
            "Paging a large list without loading it all",
            "Reading a config value per environment",
            "Retrying a failed job without running it twice",
            "Sorting a table by a computed column",
        ],
        &["Calendar picker component", "Offline form sync library"],
        &[
            "Building your first integration, step by step",
            "Ten tips for faster screens",
            "Testing timers without waiting",
        ],
        &["Six months mentoring a new team lead"],
    ];
    let quotes = [
        "Answering questions taught me more than any course.",
        "The community gave me a stage; now I give others one.",
        "Writing about what I build keeps me honest.",
        "Mentoring newcomers is the best part of my week.",
    ];
    // Four Champions (one per area), each listed in the directory.
    for (i, (kind, area, n)) in kinds.iter().enumerate() {
        let who = crowd[40 + i];
        for j in 0..*n {
            let days = (j as i64) * 20 + 5;
            let days = if *area == FocusArea::Forums { days.min(i64::from(Utc::now().ordinal0())) } else { days };
            let c = fields(kind, days, &format!("https://community.example.com/{kind}/{i}-{j}")).parse()?;
            evidence_service::add_contribution(
                &state.services,
                staff,
                who,
                titles[i].get(j).copied().unwrap_or("Community contribution"),
                c,
                &format!("demo-{i}-{j}"),
            )
            .await?;
        }
        let g = Grant {
            member: who,
            focus_area: Some(*area),
            interests: vec![],
            starts_on: Utc::now().date_naive(),
            nda_signed_on: None,
            transfer: false,
        };
        membership_service::grant(&state.services, staff, Program::Champions, &g).await?;
        let member = members::actor(state.services.db.reader(), who).await?;
        membership_service::set_directory_entry(
            &state.services,
            &member,
            true,
            Some(regions[i % regions.len()]),
            "PT",
            quotes[i],
        )
        .await?;
    }
    // An MVP and an Ambassador.
    let today = Utc::now().date_naive();
    let mvp = Grant {
        member: crowd[44],
        focus_area: None,
        interests: vec![],
        starts_on: today,
        nda_signed_on: Some(today),
        transfer: false,
    };
    membership_service::grant(&state.services, staff, Program::Mvp, &mvp).await?;
    let m = members::actor(state.services.db.reader(), crowd[44]).await?;
    membership_service::set_directory_entry(&state.services, &m, true, Some(regions[1]), "DE", "").await?;
    let amb = Grant {
        member: crowd[45],
        focus_area: None,
        interests: vec![],
        starts_on: today,
        nda_signed_on: None,
        transfer: false,
    };
    membership_service::grant(&state.services, staff, Program::Ambassadors, &amb).await?;
    // Applications: one passes screening, one is not selected, one waits.
    for (i, forums) in [(46usize, 5usize), (47, 3), (48, 5)] {
        let who = crowd[i];
        for j in 0..forums {
            let c = fields("forum_solution", 1, &format!("https://community.example.com/t/{i}-{j}")).parse()?;
            evidence_service::add_contribution(
                &state.services,
                staff,
                who,
                &format!("Answer {j}"),
                c,
                &format!("demo-app-{i}-{j}"),
            )
            .await?;
        }
        let applicant = members::actor(state.services.db.reader(), who).await?;
        let id = programs::apply(
            &state.services,
            &applicant,
            Program::Champions,
            Some(FocusArea::Forums),
            &[FocusArea::Mentoring],
        )
        .await?;
        programs::submit(&state.services, &applicant, id).await?;
        if i != 48 {
            programs::screen(&state.services, staff, id, true, "Answers cite docs and include tested code.").await?;
        }
        if i == 46 {
            // Passed screening: staff ask a community manager to interview,
            // and her two times wait for the applicant.
            let marta = super::governance::actor(state, "marta.nogueira@example.org").await?;
            crate::services::program_interviews::assign(&state.services, staff, id, Some(marta.member_id)).await?;
            let at = |days: i64, time: &str| {
                format!("{}T{time}", (chrono::Utc::now() + chrono::Duration::days(days)).date_naive())
            };
            crate::services::program_interviews::propose_times(
                &state.services,
                &marta,
                id,
                &[at(4, "17:30"), at(6, "10:00")],
            )
            .await?;
        }
    }
    let codes: Vec<String> = (1..=25).map(|n| format!("CERT-DEMO-{n:04}")).collect();
    let pool = crate::services::benefits::NewPool::parse("Certification exam voucher (50% off)", "", "", codes)?;
    crate::services::benefits::create(&state.services, staff, pool).await?;
    Ok(())
}
