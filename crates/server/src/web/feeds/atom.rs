//! A group's upcoming events as an Atom feed (RFC 4287).

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::Utc;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    Link { href, rel: rel.to_owned(), mime_type: mime.map(str::to_owned), ..Default::default() }
}

pub fn feed(g: &Group, group_url: String, self_url: String, events: &[(Event, String)]) -> String {
    let tz = g.profile.time_zone;
    let updated = events.iter().map(|(e, _)| e.updated_at).max().unwrap_or_else(Utc::now);
    let entries = events
        .iter()
        .map(|(ev, url)| Entry {
            id: format!("urn:uuid:{}", ev.id),
            title: Text::plain(ev.details.title.as_str()),
            updated: FixedDateTime::from(ev.updated_at),
            published: Some(FixedDateTime::from(ev.created_at)),
            summary: Some(Text::plain(format!("{} – {}", tz.format(ev.starts_at()), g.profile.name))),
            content: Some(Content {
                value: Some(ev.details.description.to_string()),
                content_type: Some("text".to_owned()),
                ..Default::default()
            }),
            links: vec![link(url.clone(), "alternate", Some("text/html"))],
            ..Default::default()
        })
        .collect();
    // A feed has no reader's language: its subtitle is in English, the
    // catalogue's fallback.
    let country = crate::i18n::Tr::default().country(&g.profile.country);
    Feed {
        id: group_url.clone(),
        title: Text::plain(g.profile.name.as_str()),
        subtitle: Some(Text::plain(format!("{}, {}", g.profile.city, country))),
        updated: FixedDateTime::from(updated),
        authors: vec![Person { name: g.profile.name.to_string(), uri: Some(group_url.clone()), ..Default::default() }],
        links: vec![
            link(self_url, "self", Some("application/atom+xml")),
            link(group_url, "alternate", Some("text/html")),
        ],
        entries,
        ..Default::default()
    }
    .to_string()
}
