//! schema.org `Event` data (JSON-LD) for every public event page, so
//! search engines and calendars understand it (UG-14).

use guildhall_domain::event::EventStatus;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::registrations::Tally;
use guildhall_storage::venues::Venue;
use serde_json::json;

/// The JSON-LD text, safe to place inside a `<script>` element.
pub fn event(ev: &Event, g: &Group, venue: Option<&Venue>, tally: &Tally, url: &str, group_url: &str) -> String {
    let tz = g.profile.time_zone.tz();
    let status = match ev.status {
        EventStatus::Cancelled => "https://schema.org/EventCancelled",
        _ => "https://schema.org/EventScheduled",
    };
    let online = ev.details.online_link.is_some();
    let mode = match (venue.is_some(), online) {
        (true, true) => "https://schema.org/MixedEventAttendanceMode",
        (false, true) => "https://schema.org/OnlineEventAttendanceMode",
        _ => "https://schema.org/OfflineEventAttendanceMode",
    };
    let mut locations = Vec::new();
    if let Some(v) = venue {
        locations.push(json!({
            "@type": "Place",
            "name": v.profile.name.as_str(),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": v.profile.address.as_str(),
                "addressLocality": v.profile.city.as_str(),
                "addressCountry": v.profile.country.code(),
            }
        }));
    }
    if online {
        // The link itself is for registered attendees only; point to the page.
        locations.push(json!({"@type": "VirtualLocation", "url": url}));
    }
    let capacity = u64::from(ev.details.capacity.get());
    let data = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": ev.details.title.as_str(),
        "description": ev.details.description.as_str(),
        "url": url,
        "startDate": ev.starts_at().with_timezone(&tz).to_rfc3339(),
        "endDate": ev.ends_at().with_timezone(&tz).to_rfc3339(),
        "eventStatus": status,
        "eventAttendanceMode": mode,
        "location": if locations.len() == 1 { locations.remove(0) } else { json!(locations) },
        "organizer": {"@type": "Organization", "name": g.profile.name.as_str(), "url": group_url},
        // UG-9: events are free; there is no price to state.
        "isAccessibleForFree": true,
        "maximumAttendeeCapacity": capacity,
        "remainingAttendeeCapacity": tally.seats_left(ev.details.capacity.get()),
    });
    // "</" would end the script element early.
    data.to_string().replace("</", "<\\/")
}
