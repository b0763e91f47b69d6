//! What group and event pages show, prepared once so templates stay
//! simple: times in the group's zone, places as text, no employer (UG-3)
//! and no price (UG-9) anywhere.

use chrono::{DateTime, Utc};
use guildhall_domain::event::EventStatus;
use guildhall_domain::values::TimeZone;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::venues::Venue;

/// "2026-12-01 18:30–20:30 WET", or with both dates when it spans days.
pub fn when_text(starts: DateTime<Utc>, ends: DateTime<Utc>, tz: TimeZone) -> String {
    let (s, e) = (starts.with_timezone(&tz.tz()), ends.with_timezone(&tz.tz()));
    if s.date_naive() == e.date_naive() {
        format!("{}–{}", s.format("%Y-%m-%d %H:%M"), e.format("%H:%M %Z"))
    } else {
        format!("{} – {}", s.format("%Y-%m-%d %H:%M %Z"), e.format("%Y-%m-%d %H:%M %Z"))
    }
}

/// A line in a list of events.
#[derive(Clone, Debug)]
pub struct EventCard {
    pub id: String,
    pub title: String,
    pub group_name: String,
    pub group_slug: String,
    pub when: String,
    /// ISO date for `<time datetime>`.
    pub datetime: String,
    pub status: &'static str,
    pub online: bool,
}

impl EventCard {
    pub fn new(ev: &Event, g: &Group) -> Self {
        Self {
            id: ev.id.to_string(),
            title: ev.details.title.to_string(),
            group_name: g.profile.name.to_string(),
            group_slug: g.profile.slug.to_string(),
            when: when_text(ev.starts_at(), ev.ends_at(), g.profile.time_zone),
            datetime: crate::web::ctx::machine_time(ev.starts_at()),
            status: ev.status.as_str(),
            online: ev.venue_id.is_none() && ev.details.online_link.is_some(),
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.status == EventStatus::Cancelled.as_str()
    }

    pub fn is_draft(&self) -> bool {
        self.status == EventStatus::Draft.as_str()
    }
}

/// A venue as one line of text.
pub fn venue_text(v: &Venue) -> String {
    format!("{}, {}, {}", v.profile.name, v.profile.address, v.profile.city)
}
