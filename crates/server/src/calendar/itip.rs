//! UG-17: the calendar invitation an email about an event carries (iTIP,
//! RFC 5546): METHOD:REQUEST for a place held or a change, with the event's
//! UID of the feeds and its SEQUENCE, so a calendar updates the entry it
//! already has instead of adding a second one; METHOD:CANCEL when the
//! event is cancelled or the person's place is gone.

use chrono::Utc;
use icalendar::{Attendee, Calendar, Component, EventStatus, PartStat, Property};

use super::ics::{event_component, Entry};

/// Who the invitation is for, and whether they hold a seat (`ACCEPTED`)
/// or wait for one (`TENTATIVE`).
pub struct Invitee<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub confirmed: bool,
}

/// A REQUEST for `entry` to `to`, organised by `organizer` (an address).
pub fn request(entry: &Entry, host: &str, organizer: &str, to: &Invitee) -> String {
    let status = if to.confirmed { PartStat::Accepted } else { PartStat::Tentative };
    message("REQUEST", entry, host, organizer, to, status)
}

/// A CANCEL of `entry` for `to` (RFC 5546 §3.2.5): the event was
/// cancelled, or `to` no longer holds a place or a waiting position.
pub fn cancel(entry: &Entry, host: &str, organizer: &str, to: &Invitee) -> String {
    message("CANCEL", entry, host, organizer, to, PartStat::Declined)
}

fn message(method: &str, entry: &Entry, host: &str, organizer: &str, to: &Invitee, status: PartStat) -> String {
    let mut cal = Calendar::new();
    cal.append_property(Property::new("METHOD", method));
    let mut item = event_component(entry, host, None);
    // An iTIP message is stamped when it is sent (RFC 5546 §2.1.5): of two
    // with the same SEQUENCE, the calendar keeps the later.
    item.timestamp(Utc::now());
    if method == "CANCEL" {
        item.status(EventStatus::Cancelled);
    }
    let mut org = Property::new("ORGANIZER", format!("mailto:{organizer}"));
    org.add_parameter("CN", entry.group_name);
    item.append_property(org);
    item.attendee(Attendee::new(format!("mailto:{}", to.email)).cn(to.name.to_owned()).partstat(status));
    cal.push(item.done());
    cal.done().to_string()
}

/// UG-15: a PUBLISH of `entry` for a group's followers: the event to add
/// to a calendar, not an invitation to answer (no attendee, no organizer
/// asking for a reply), with the same UID and SEQUENCE as the feeds.
pub fn publish(entry: &Entry, host: &str) -> String {
    let mut cal = Calendar::new();
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.push(event_component(entry, host, None).done());
    cal.done().to_string()
}
