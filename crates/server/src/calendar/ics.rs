//! iCalendar feeds (UG-14): one event, or a group's events, with the
//! group's time zone defined in the file.

use chrono::{DateTime, Utc};
use guildhall_domain::event::EventStatus;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::venues::Venue;
use icalendar::{Calendar, CalendarDateTime, Component, Event as IcsEvent, EventLike, EventStatus as IcsStatus};

use super::vtimezone::vtimezone;

/// One event with what the calendar shows of it.
pub struct Entry<'a> {
    pub event: &'a Event,
    pub venue: Option<&'a Venue>,
    pub url: String,
    /// The organising group's name (the invitation's organizer).
    pub group_name: &'a str,
    /// In a member's own feed, where they stand; `None` in public feeds.
    pub held: Option<Held>,
}

/// Where the reader of a member's feed stands at an event (UG-17).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    Place,
    Waiting,
    /// They released their place: the entry stays, cancelled, so a
    /// calendar that had it drops it.
    Released,
}

impl<'a> Entry<'a> {
    pub fn new(event: &'a Event, venue: Option<&'a Venue>, url: String, group_name: &'a str) -> Self {
        Self { event, venue, url, group_name, held: None }
    }

    /// What a calendar shows: cancelled when the event is or when the
    /// reader let their place go, tentative while they wait.
    fn status(&self) -> IcsStatus {
        match (self.event.status, self.held) {
            (EventStatus::Cancelled, _) | (_, Some(Held::Released)) => IcsStatus::Cancelled,
            (_, Some(Held::Waiting)) => IcsStatus::Tentative,
            _ => IcsStatus::Confirmed,
        }
    }
}

fn location(e: &Entry) -> String {
    match (e.venue, &e.event.details.online_link) {
        (Some(v), _) => format!("{}, {}, {}", v.profile.name, v.profile.address, v.profile.city),
        (None, Some(_)) => "Online".to_owned(),
        (None, None) => String::new(),
    }
}

/// One event as a VEVENT: the same UID (`<event id>@<host>`) and SEQUENCE
/// in feeds and invitations (UG-17). Times are in `zone` (a feed, which
/// defines the zone) or in UTC (a lone invitation, which then needs none).
pub fn event_component(e: &Entry, host: &str, zone: Option<chrono_tz::Tz>) -> IcsEvent {
    let ev = e.event;
    let mut item = IcsEvent::new();
    item.uid(&format!("{}@{host}", ev.id))
        .sequence(u32::try_from(ev.sequence).unwrap_or(u32::MAX))
        .summary(ev.details.title.as_str())
        .description(&format!("{}\n\n{}", ev.details.description, e.url));
    match zone {
        Some(tz) => item
            .starts(CalendarDateTime::from_date_time(ev.starts_at().with_timezone(&tz)))
            .ends(CalendarDateTime::from_date_time(ev.ends_at().with_timezone(&tz))),
        None => item.starts(ev.starts_at()).ends(ev.ends_at()),
    };
    // DTSTAMP and LAST-MODIFIED: when the event last changed, so a feed
    // read twice without a change is the same file.
    item.url(&e.url).timestamp(ev.updated_at).last_modified(ev.updated_at).status(e.status());
    let loc = location(e);
    if !loc.is_empty() {
        item.location(&loc);
    }
    item
}

/// A calendar named `name` with `entries`, times in the group's zone.
pub fn calendar(name: &str, g: &Group, host: &str, entries: &[Entry]) -> String {
    zoned(name, g.profile.time_zone.tz(), host, entries)
}

/// A calendar named `name` whose entries may come from groups in several
/// zones (a member's or a region's feed): times in UTC, which needs no
/// zone definition and reads the same everywhere.
pub fn calendar_utc(name: &str, host: &str, entries: &[Entry]) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for e in entries {
        cal.push(event_component(e, host, None).done());
    }
    cal.done().to_string()
}

/// A calendar named `name` with `entries`, times in `tz`.
pub fn zoned(name: &str, tz: chrono_tz::Tz, host: &str, entries: &[Entry]) -> String {
    let mut cal = Calendar::new();
    cal.name(name).timezone(tz.name());
    for e in entries {
        cal.push(event_component(e, host, Some(tz)).done());
    }
    let text = cal.done().to_string();
    // The zone must be defined in the file (RFC 5545 §3.2.19); place it
    // before the first event.
    let span: Vec<DateTime<Utc>> = entries.iter().map(|e| e.event.starts_at()).collect();
    let (from, to) =
        (span.iter().min().copied().unwrap_or_else(Utc::now), span.iter().max().copied().unwrap_or_else(Utc::now));
    let zone = vtimezone(tz, from, to);
    match text.find("BEGIN:VEVENT") {
        Some(i) => format!("{}{zone}{}", &text[..i], &text[i..]),
        None => text.replacen("END:VCALENDAR", &format!("{zone}END:VCALENDAR"), 1),
    }
}

/// UG-2: the calendar invite for a leader-application interview, in UTC.
pub fn interview(
    uid: &str,
    summary: &str,
    description: &str,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    url: &str,
) -> String {
    let mut cal = Calendar::new();
    cal.name(summary);
    let item = IcsEvent::new()
        .uid(uid)
        .summary(summary)
        .description(description)
        .starts(starts)
        .ends(ends)
        .url(url)
        .timestamp(Utc::now())
        .status(IcsStatus::Confirmed)
        .done();
    cal.push(item);
    cal.done().to_string()
}
