//! Demo groups, venues, events, talks, registrations, waiting lists and
//! check-ins across regions and time zones, so a newcomer sees a living
//! site. Groups and events go through the services; the crowd of past
//! attendees is written straight to storage (no emails for old events).

use chrono::{Duration, NaiveTime, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::event::{local_to_utc, EventCommand, EventFields, EventStatus};
use guildhall_domain::group::GroupFields;
use guildhall_domain::ids::{EventId, MemberId, RegionId};
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale, LongText, TimeZone, Title};
use guildhall_domain::venue::{VenueFields, VenueProfile};
use guildhall_storage::events::{self, NewSpeaker, NewTalk};
use guildhall_storage::members::{self, NewMember};
use guildhall_storage::registrations;

use crate::app::AppState;
use crate::services::{events as event_service, groups as group_service};

/// A demo group with its first venue.
struct DemoGroup {
    region: usize,
    name: &'static str,
    city: &'static str,
    country: &'static str,
    zone: &'static str,
    leader: &'static str,
    venue: (&'static str, &'static str, &'static str),
}

const GROUPS: &[DemoGroup] = &[
    DemoGroup {
        region: 0,
        name: "Lisboa .NET",
        city: "Lisboa",
        country: "PT",
        zone: "Europe/Lisbon",
        leader: "tomas.ferreira@example.org",
        venue: ("LX Factory, Room 3", "Rua Rodrigues de Faria 103", "event_space"),
    },
    DemoGroup {
        region: 0,
        name: "Porto Cloud Builders",
        city: "Porto",
        country: "PT",
        zone: "Europe/Lisbon",
        leader: "beatriz.almeida@example.org",
        venue: ("UPTEC Auditorium", "Rua Alfredo Allen 455", "university"),
    },
    DemoGroup {
        region: 0,
        name: "Madrid Developers",
        city: "Madrid",
        country: "ES",
        zone: "Europe/Madrid",
        leader: "tomas.ferreira@example.org",
        venue: ("Biblioteca Eugenio Trías", "Paseo Fernán Núñez 24", "public_venue"),
    },
    DemoGroup {
        region: 1,
        name: "Berlin Platform Engineers",
        city: "Berlin",
        country: "DE",
        zone: "Europe/Berlin",
        leader: "lena.vogt@example.org",
        venue: ("Betahaus Kreuzberg", "Rudi-Dutschke-Straße 23", "coworking"),
    },
    DemoGroup {
        region: 2,
        name: "Dublin DevOps",
        city: "Dublin",
        country: "IE",
        zone: "Europe/Dublin",
        leader: "sofia.lindqvist@example.org",
        venue: ("Dogpatch Labs", "Custom House Quay", "coworking"),
    },
    DemoGroup {
        region: 3,
        name: "São Paulo Devs",
        city: "São Paulo",
        country: "BR",
        zone: "America/Sao_Paulo",
        leader: "beatriz.almeida@example.org",
        venue: ("Cubo Itaú", "Rua Casa do Ator 919", "event_space"),
    },
    DemoGroup {
        region: 4,
        name: "Toronto Builders",
        city: "Toronto",
        country: "CA",
        zone: "America/Toronto",
        leader: "kwame.mensah@example.org",
        venue: ("Toronto Reference Library", "789 Yonge St", "public_venue"),
    },
    DemoGroup {
        region: 5,
        name: "Bengaluru Cloud Community",
        city: "Bengaluru",
        country: "IN",
        zone: "Asia/Kolkata",
        leader: "arjun.mehta@example.org",
        venue: ("IISc Faculty Hall", "CV Raman Rd", "university"),
    },
];

const TITLES: &[&str] = &[
    "Minimal APIs in depth",
    "Observability without the bill shock",
    "Zero-downtime database migrations",
    "Testing with real dependencies",
    "Infrastructure as code, two years in",
    "Secrets management done right",
    "From monolith to modules",
    "Performance profiling in production",
    "Accessibility for backend developers",
    "Event-driven architectures: lessons learned",
    "Container images that stay small",
    "Identity and access, explained",
];

const TALKS: &[(&str, &str)] = &[
    (
        "What we learned running it for a year",
        "A frank look at what worked, what broke at 3 a.m., and what we would do again.",
    ),
    ("Live demo: from zero to production", "Forty minutes, one repository, no slides. Bring your questions."),
    ("Lightning talks", "Five-minute talks from members. Sign up at the door."),
];

const FIRST: &[&str] = &[
    "Ana", "Ben", "Carla", "David", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Júlia", "Kenji", "Laura", "Mateus",
    "Nadia", "Omar", "Paula", "Quentin", "Rita", "Sven", "Tariq",
];
const LAST: &[&str] =
    &["Silva", "Müller", "Okafor", "Santos", "Kowalski", "Nakamura", "Dubois", "Rossi", "Haddad", "Moreau"];

/// How many demo attendees exist.
const CROWD: usize = 120;

async fn crowd(state: &AppState, hash: &str) -> anyhow::Result<Vec<MemberId>> {
    let now = Utc::now();
    let mut tx = state.services.db.begin().await?;
    let mut ids = Vec::with_capacity(CROWD);
    for i in 0..CROWD {
        let (f, l) = (FIRST[i % FIRST.len()], LAST[(i / FIRST.len() + i) % LAST.len()]);
        let email = EmailAddress::parse(&format!("{}.{}{}@example.net", f.to_lowercase(), l.to_lowercase(), i))?;
        let name = DisplayName::parse(&format!("{f} {l}"))?;
        let locale = if i % 4 == 0 { Locale::Pt } else { Locale::En };
        let new = NewMember { email: &email, name: &name, password_hash: Some(hash), verified: true, locale };
        ids.push(members::insert(&mut tx, new, now).await?);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Local `18:30` on the day `days` from today, in `tz`, as form input.
pub(super) fn evening(tz: TimeZone, days: i64, hours: i64) -> String {
    let day = (Utc::now() + Duration::days(days)).with_timezone(&tz.tz()).date_naive();
    let start = day.and_time(NaiveTime::from_hms_opt(18, 30, 0).unwrap_or_default());
    let at = local_to_utc(start, tz).unwrap_or_else(Utc::now) + Duration::hours(hours);
    guildhall_domain::event::to_local_input(at, tz)
}

/// Registers `people` straight in storage, `checked` of them checked in.
pub(super) async fn attend(
    state: &AppState,
    event: EventId,
    capacity: usize,
    people: &[MemberId],
    checked: usize,
    by: MemberId,
) -> anyhow::Result<()> {
    let now = Utc::now();
    let mut tx = state.services.db.begin().await?;
    for (i, m) in people.iter().enumerate() {
        let status = if i < capacity { RegistrationStatus::Confirmed } else { RegistrationStatus::Waitlisted };
        let id = registrations::insert(&mut tx, event, *m, status, i as i64 + 1, now).await?;
        if i < checked.min(capacity) {
            registrations::check_in(&mut tx, id, by, now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

pub async fn fill(
    state: &AppState,
    admin: &Actor,
    regions: &[RegionId],
    hash: &str,
) -> anyhow::Result<(usize, Vec<MemberId>)> {
    let people = crowd(state, hash).await?;
    let mut made = 0;
    for (gi, dg) in GROUPS.iter().enumerate() {
        let DemoGroup { region: r, name, city, country, zone, leader, venue: (venue, address, kind) } = dg;
        let fields = GroupFields {
            name: (*name).into(),
            city: (*city).into(),
            country: (*country).into(),
            time_zone: (*zone).into(),
            description: format!(
                "{name} brings together developers in and around {city} who build on the platform.\n\n\
                 We meet about once a month for talks, live demos and conversation. Everyone is welcome, \
                 from first-timers to long-time experts; events are always free."
            ),
            ..Default::default()
        };
        let leader = members::by_email(state.services.db.reader(), &EmailAddress::parse(leader)?)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo leader missing"))?;
        let leaders = [group_service::LeaderRef::Member(leader.id)];
        let gid = group_service::create(&state.services, admin, regions[*r], &fields, &leaders).await?;
        let venue = VenueFields {
            name: (*venue).into(),
            address: (*address).into(),
            city: (*city).into(),
            country: (*country).into(),
            kind: (*kind).into(),
            capacity: "80".into(),
            accessibility: "Step-free entrance and an accessible toilet on the ground floor.".into(),
        };
        let vid = group_service::add_venue(&state.services, admin, &VenueProfile::parse(&venue)?).await?;
        let tz = TimeZone::parse(zone)?;
        let leader_actor = members::actor(state.services.db.reader(), leader.id).await?;
        // Past, upcoming (one of them full with a waiting list) and a draft.
        let plan: [(i64, usize, usize, bool); 6] = [
            (-75, 40, 28, false),
            (-40, 40, 33, false),
            (-12, 60, 41, false),
            (5, 30, 34, true),
            (19, 60, 22, true),
            (47, 50, 0, false),
        ];
        for (ei, (days, capacity, crowd_size, publish)) in plan.iter().enumerate() {
            let title = TITLES[(gi * 3 + ei) % TITLES.len()];
            let online = gi % 3 == 1 && ei == 4;
            let f = EventFields {
                title: title.into(),
                description: format!("An evening about {}. Doors open 15 minutes before the start; the talks are followed by time to talk.", title.to_lowercase()),
                starts_at: evening(tz, *days, 0),
                ends_at: evening(tz, *days, 2),
                capacity: capacity.to_string(),
                online_link: if online { "https://meet.example.org/guildhall-demo".into() } else { String::new() },
                promotion_links: if ei == 4 { format!("https://blog.example.org/{}", gi) } else { String::new() },
                // UG-18: half the groups offer freed seats rather than give them.
                waitlist_mode: if gi % 2 == 0 { "offers".into() } else { String::new() },
                ..EventFields::default()
            };
            let venue = if online { None } else { Some(vid.to_string()) };
            let eid = event_service::create(&state.services, &leader_actor, gid, &f, venue.as_deref()).await?;
            let (t, a) = TALKS[ei % TALKS.len()];
            let speaker = people[(gi * 7 + ei) % people.len()];
            let talk = NewTalk {
                title: Title::parse(t)?,
                abstract_text: LongText::parse(a, "abstract", false)?,
                speakers: vec![NewSpeaker::Member(speaker), NewSpeaker::Guest(DisplayName::parse("Guest speaker")?)],
            };
            let mut tx = state.services.db.begin().await?;
            events::add_talk(&mut tx, eid, &talk, Utc::now()).await?;
            tx.commit().await?;
            let start = (gi * 11 + ei * 5) % (people.len() - crowd_size.max(&1));
            let crowd = &people[start..start + crowd_size];
            if *days < 0 {
                // Held in the past: published then completed, straight in storage.
                let mut tx = state.services.db.begin().await?;
                events::set_status(&mut tx, eid, EventStatus::Draft, EventStatus::Published, Utc::now()).await?;
                events::set_status(&mut tx, eid, EventStatus::Published, EventStatus::Completed, Utc::now()).await?;
                tx.commit().await?;
                attend(state, eid, *capacity, crowd, crowd_size * 4 / 5, leader.id).await?;
            } else if *publish {
                event_service::transition(&state.services, &leader_actor, eid, EventCommand::Publish).await?;
                attend(state, eid, *capacity, crowd, 0, leader.id).await?;
            }
            made += 1;
        }
    }
    follow_groups(state, &people).await?;
    Ok((made, people))
}

/// UG-15: a third of the crowd follows a group or two, after the demo's
/// events are published (so the demo queues no announcement to them).
async fn follow_groups(state: &AppState, people: &[MemberId]) -> anyhow::Result<()> {
    let groups = guildhall_storage::groups::all_listed(state.services.db.reader()).await?;
    if groups.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let mut tx = state.services.db.begin().await?;
    for (i, m) in people.iter().enumerate().filter(|(i, _)| i % 3 == 2) {
        for g in [&groups[i % groups.len()], &groups[(i * 7) % groups.len()]] {
            guildhall_storage::follows::follow(&mut tx, *m, g.id, now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
