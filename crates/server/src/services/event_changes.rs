//! UG-17: a published event's time, place or online link changed: everyone
//! registered or waiting is emailed what changed, with an updated calendar
//! invitation (the same UID, a higher SEQUENCE), inside the change's own
//! transaction so nobody hears of a change that did not happen.

use guildhall_domain::event::EventChange;
use guildhall_domain::registration::RegistrationStatus;
use guildhall_storage::events::{self, Event};
use guildhall_storage::groups::Group;
use guildhall_storage::registrations;
use guildhall_storage::venues::Venue;

use super::notify::{self, Recipient};
use super::{Services, Work};
use crate::calendar::{ics, itip};
use crate::error::AppError;
use crate::i18n::Tr;

/// Where an event happens, as its emails name it.
fn place(tr: &Tr, venue: Option<&Venue>, ev: &Event) -> String {
    match (venue, &ev.details.online_link) {
        (Some(v), _) => format!("{}, {}, {}", v.profile.name, v.profile.address, v.profile.city),
        (None, Some(_)) => tr.t("event-change-online"),
        (None, None) => String::new(),
    }
}

/// Raises the SEQUENCE and tells everyone registered or waiting. `before`
/// and `after` are the event around the edit, with their venues.
pub async fn tell(
    svc: &Services,
    tx: &mut Work,
    change: EventChange,
    (before, old_venue): (&Event, Option<&Venue>),
    (after, new_venue): (&Event, Option<&Venue>),
    g: &Group,
) -> Result<usize, AppError> {
    if !change.any() {
        return Ok(0);
    }
    let sequence = events::bump_sequence(tx, after.id).await?;
    let after = Event { sequence, ..after.clone() };
    let link = svc.links.to(&format!("/events/{}", after.id));
    let entry = ics::Entry::new(&after, new_venue, link.clone(), g.profile.name.as_str());
    let tz = g.profile.time_zone;
    let people = registrations::attendees(tx.conn(), after.id, false).await?;
    for a in &people {
        let tr = Tr(a.locale);
        let mut lines = Vec::new();
        if change.time {
            let (old, new) = (tz.format(before.starts_at()), tz.format(after.starts_at()));
            lines.push(tr.with("event-change-time", &[("old", &old), ("new", &new)]));
        }
        if change.place {
            let (old, new) = (place(&tr, old_venue, before), place(&tr, new_venue, &after));
            lines.push(tr.with("event-change-place", &[("old", &old), ("new", &new)]));
        }
        if change.link {
            lines.push(tr.t("event-change-link"));
        }
        let changes = lines.join("\n");
        let when = tz.format(after.starts_at());
        let to = Recipient::from(a);
        let invitee = itip::Invitee {
            name: to.name,
            email: to.email.as_str(),
            confirmed: a.registration.status == RegistrationStatus::Confirmed,
        };
        let calendar = itip::request(&entry, svc.links.host(), svc.organizer(), &invitee);
        let args = [
            ("name", to.name),
            ("event", after.details.title.as_str()),
            ("group", g.profile.name.as_str()),
            ("when", when.as_str()),
            ("changes", changes.as_str()),
            ("link", link.as_str()),
        ];
        notify::queue_with_calendar(tx, to, "event-changed", &args, calendar).await?;
    }
    Ok(people.len())
}
