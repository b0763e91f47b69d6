//! Events (UG-14): drafts, edits, publishing, cancelling, completing,
//! talks. Registration lives in `registrations`.

use chrono::Utc;
use guildhall_domain::access::Actor;
use guildhall_domain::event::{
    check_capacity_change, check_plausible, check_reschedule, completes_by_itself, seats_to_fill, EventChange,
    EventCommand, EventDetails, EventFields, EventStatus,
};
use guildhall_domain::follow::announces_publication;
use guildhall_domain::ids::MemberId;
use guildhall_domain::ids::{EventId, GroupId, TalkId, VenueId};
use guildhall_domain::review::check_publishable;
use guildhall_domain::values::{DisplayName, LongText, Reason, Title};
use guildhall_domain::venue::check_neutral;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event, NewSpeaker, NewTalk};
use guildhall_storage::groups::Group;
use guildhall_storage::{audit, registrations, venues};
use serde_json::json;

use super::groups::managed;
use super::{entry, registrations as regs};
use super::{Services, Work};
use crate::error::AppError;

/// Loads an event with its group, checking the actor may run the group.
#[tracing::instrument(skip_all)]
pub async fn managed_event(svc: &Services, actor: &Actor, id: EventId) -> Result<(Event, Group), AppError> {
    let ev = events::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let g = managed(svc, actor, ev.group_id).await?;
    Ok((ev, g))
}

/// Parses the fields in the group's time zone, with the current list of
/// ticketing hosts (UG-5) and the plausible date window (UG-14), and checks
/// the venue exists.
pub(super) async fn parse(
    svc: &Services,
    g: &Group,
    fields: &EventFields,
    venue: Option<&str>,
) -> Result<(EventDetails, Option<VenueId>), AppError> {
    let s = svc.settings().await?;
    let details = EventDetails::parse(fields, g.profile.time_zone, s.hosts("events.ticketing_hosts"))
        .and_then(|d| check_plausible(d.schedule, Utc::now(), s.int("events.date_window_days")).map(|()| d));
    let venue_id = match venue.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(raw) => match raw.parse::<VenueId>() {
            Ok(id) if venues::get(svc.db.reader(), id).await?.is_some() => Ok(Some(id)),
            _ => Err(DomainError::field("venue_id", "venue_unknown")),
        },
    };
    DomainError::collect([details.clone().err(), venue_id.clone().err()])?;
    Ok((details?, venue_id?))
}

/// A leader creates a draft (UG-14).
#[tracing::instrument(skip_all)]
pub async fn create(
    svc: &Services,
    actor: &Actor,
    group: GroupId,
    fields: &EventFields,
    venue: Option<&str>,
) -> Result<EventId, AppError> {
    let g = managed(svc, actor, group).await?;
    if !g.status.is_listed() {
        return Err(DomainError::field("group", "group_archived").into());
    }
    let (details, venue) = parse(svc, &g, fields, venue).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = events::insert(&mut tx, g.id, &details, venue, now).await?;
    if g.review_required {
        // UG-6: the group's events start under review.
        events::set_review_required(&mut tx, id, true, now).await?;
    }
    let audit_details = json!({"title": details.title.as_str(), "group": g.id.to_string()});
    audit::record(&mut tx, entry(Some(actor.member_id), "event.created", "event", id, None, audit_details), now)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// Edits a draft or published event. A larger capacity moves waiting
/// people up; a smaller one may not drop below those confirmed.
#[tracing::instrument(skip_all)]
pub async fn update(
    svc: &Services,
    actor: &Actor,
    id: EventId,
    fields: &EventFields,
    venue: Option<&str>,
) -> Result<(), AppError> {
    let (seen, g) = managed_event(svc, actor, id).await?;
    let (details, venue) = parse(svc, &g, fields, venue).await?;
    // The venues the change notice names, read before the transaction.
    let venue_of = async |v: Option<VenueId>| match v {
        Some(v) => venues::get(svc.db.reader(), v).await,
        None => Ok(None),
    };
    let (old_venue, new_venue) = (venue_of(seen.venue_id).await?, venue_of(venue).await?);
    let window = super::offers::window(svc).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let ev = events::lock(&mut tx, id).await?;
    if !ev.status.is_editable() {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "edited" }.into());
    }
    if ev.status == EventStatus::Published && venue != ev.venue_id {
        check_venue_neutral(svc, venue).await?;
    }
    check_reschedule(ev.status, ev.details.schedule, details.schedule, now)?;
    let confirmed = registrations::count_confirmed(tx.conn(), id).await?;
    check_capacity_change(details.capacity, confirmed)?;
    events::update(&mut tx, id, &details, venue, now).await?;
    let promoted = seats_to_fill(details.capacity, confirmed);
    let updated = Event { details: details.clone(), venue_id: venue, ..ev.clone() };
    regs::promote(svc, &mut tx, (&updated, &g), promoted, window, now).await?;
    // UG-17: a moved meetup reaches everyone registered or waiting.
    let change = EventChange::between((&ev.details, ev.venue_id), (&updated.details, venue), ev.status);
    let old_venue = old_venue.filter(|v| Some(v.id) == ev.venue_id);
    super::event_changes::tell(svc, &mut tx, change, (&ev, old_venue.as_ref()), (&updated, new_venue.as_ref()), &g)
        .await?;
    let audit_details = json!({"title": details.title.as_str(), "capacity": details.capacity.get()});
    audit::record(&mut tx, entry(Some(actor.member_id), "event.updated", "event", id, None, audit_details), now)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// UG-7: no event at a partner's or client's office.
async fn check_venue_neutral(svc: &Services, venue: Option<VenueId>) -> Result<(), AppError> {
    if let Some(v) = venue {
        let v = venues::get(svc.db.reader(), v).await?.ok_or(DomainError::field("venue_id", "venue_unknown"))?;
        check_neutral(v.profile.kind)?;
    }
    Ok(())
}

/// Publishes, cancels or completes an event (UG-14). Cancelling emails
/// everyone who held a place.
#[tracing::instrument(skip_all)]
pub async fn transition(
    svc: &Services,
    actor: &Actor,
    id: EventId,
    cmd: EventCommand,
) -> Result<EventStatus, AppError> {
    change(svc, actor, id, cmd, None).await
}

/// UG-14, PL-13: cancels the event, telling everyone registered or
/// waiting the organisers' `reason` (when they gave one) in their email.
pub async fn cancel(
    svc: &Services,
    actor: &Actor,
    id: EventId,
    reason: Option<&Reason>,
) -> Result<EventStatus, AppError> {
    change(svc, actor, id, EventCommand::Cancel, reason).await
}

async fn change(
    svc: &Services,
    actor: &Actor,
    id: EventId,
    cmd: EventCommand,
    reason: Option<&Reason>,
) -> Result<EventStatus, AppError> {
    let (_, g) = managed_event(svc, actor, id).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let ev = events::lock(&mut tx, id).await?;
    let to = ev.status.apply(cmd, &ev.facts(), now)?;
    if cmd == EventCommand::Publish {
        if !g.status.is_listed() {
            return Err(DomainError::field("group", "group_archived").into());
        }
        // A draft dated before the plausible window existed may hold 9999.
        let window = svc.settings().await?.int("events.date_window_days");
        check_plausible(ev.details.schedule, now, window)?;
        check_venue_neutral(svc, ev.venue_id).await?;
        check_publishable(ev.review_required, &events::review_statuses(&mut tx, id).await?)?;
    }
    events::set_status(&mut tx, id, ev.status, to, now).await?;
    let mut told = None;
    if announces_publication(ev.status, to, false) {
        // UG-15: the group's followers hear of it once, with this commit.
        let published = Event { status: to, ..ev.clone() };
        told = Some(super::follows::announce_new_event(svc, &mut tx, &published, &g).await?);
    }
    if to == EventStatus::Cancelled {
        if let Some(r) = reason {
            guildhall_storage::event_cancellations::record(&mut tx, id, r, actor.member_id, now).await?;
        }
        let link = svc.links.to(&format!("/events/{id}"));
        // UG-17: a new revision of the event, which calendars drop.
        let sequence = events::bump_sequence(&mut tx, id).await?;
        let cancelled = Event { status: to, sequence, updated_at: now, ..ev.clone() };
        let invitations = super::invitations::Invitations::of(svc, &mut tx, &cancelled, &g).await?;
        for a in registrations::attendees(tx.conn(), id, false).await? {
            let why = reason
                .map(|r| crate::i18n::Tr(a.locale).with("mail-event-cancelled-reason", &[("reason", r.as_str())]));
            let extra = [("reason", why.as_deref().unwrap_or_default())];
            let invite = invitations.cancel(&(&a).into());
            super::notify::about_event(
                &mut tx,
                (&a).into(),
                "event-cancelled",
                &ev,
                &g,
                &link,
                None,
                &extra,
                Some(invite),
            )
            .await?;
        }
    }
    if to == EventStatus::Completed {
        send_materials_on_completion(svc, &mut tx, &Event { status: to, ..ev.clone() }, &g).await?;
    }
    let held = to == EventStatus::Completed && registrations::tally(tx.conn(), id).await?.checked_in > 0;
    let action = format!("event.{}", to.as_str());
    let mut details = json!({"from": ev.status.as_str(), "to": to.as_str()});
    if let Some(n) = told {
        details["followers_told"] = json!(n);
    }
    if let Some(r) = reason {
        details["reason"] = json!(r.as_str());
    }
    audit::record(&mut tx, entry(Some(actor.member_id), &action, "event", id, None, details), now).await?;
    tx.commit().await?;
    if held {
        // UG-10: a held event returns a needs-support group to active.
        super::health::restore(svc, g.id, "event_held", now).await?;
    }
    Ok(to)
}

/// UG-14: slides and recordings already added go to everyone who came as
/// the event completes; added later, a leader sends them.
async fn send_materials_on_completion(svc: &Services, tx: &mut Work, ev: &Event, g: &Group) -> Result<(), AppError> {
    let talks = events::talks(svc.db.reader(), ev.id).await?;
    if super::materials::any_links(&talks) {
        super::materials::queue(svc, tx, ev, g, &talks).await?;
    }
    Ok(())
}

/// UG-14: completes every published event that ended
/// `events.complete_hours_after_end` ago, as the system, and asks its
/// leaders to confirm the check-ins while the door is still open. Each
/// event is completed once even with several instances running this (the
/// status moves only from published). Returns how many it completed.
#[tracing::instrument(skip_all)]
pub async fn complete_ended(svc: &Services, now: chrono::DateTime<Utc>) -> Result<usize, AppError> {
    let s = svc.settings().await?;
    let (after, door) = (s.int("events.complete_hours_after_end"), s.int("events.checkin_closes_hours_after"));
    let due = events::ended_unclosed(svc.db.reader(), now - chrono::Duration::hours(after), 100).await?;
    let mut done = 0;
    for candidate in due {
        let g = guildhall_storage::groups::by_id(svc.db.reader(), candidate.group_id)
            .await?
            .ok_or(DomainError::NotFound)?;
        let leaders = guildhall_storage::members::leaders_of(svc.db.reader(), &[g.id]).await?;
        let mut tx = svc.begin().await?;
        let ev = events::lock(&mut tx, candidate.id).await?;
        if !completes_by_itself(ev.status, ev.ends_at(), now, after) {
            continue;
        }
        events::set_status(&mut tx, ev.id, ev.status, EventStatus::Completed, now).await?;
        send_materials_on_completion(svc, &mut tx, &Event { status: EventStatus::Completed, ..ev.clone() }, &g).await?;
        let tally = registrations::tally(tx.conn(), ev.id).await?;
        let details = json!({"from": "published", "to": "completed", "checked_in": tally.checked_in});
        audit::record(&mut tx, entry(None, "event.completed", "event", ev.id, Some("ended"), details), now).await?;
        let link = svc.links.to(&format!("/events/{}/attendees", ev.id));
        let checked_in = tally.checked_in.to_string();
        let door_closes = g.profile.time_zone.format(ev.ends_at() + chrono::Duration::hours(door));
        for (_, m) in &leaders {
            let args = [
                ("name", m.name.as_str()),
                ("event", ev.details.title.as_str()),
                ("group", g.profile.name.as_str()),
                ("checked_in", checked_in.as_str()),
                ("door_closes", door_closes.as_str()),
                ("link", link.as_str()),
            ];
            super::notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "event-completed", &args).await?;
        }
        tx.commit().await?;
        done += 1;
        if tally.checked_in > 0 {
            // UG-10: a held event returns a needs-support group to active.
            super::health::restore(svc, g.id, "event_held", now).await?;
        }
    }
    Ok(done)
}

/// Adds a talk (title, abstract, speakers) to an editable event. Speakers
/// are guests by name, or the leader adding it: another member is named a
/// public speaker only by accepting an invitation (UG-11, `speakers::invite`).
#[tracing::instrument(skip_all)]
pub async fn add_talk(svc: &Services, actor: &Actor, id: EventId, talk: &NewTalk) -> Result<TalkId, AppError> {
    if talk.speakers.iter().any(|s| matches!(s, NewSpeaker::Member(m) if *m != actor.member_id)) {
        return Err(DomainError::field("speakers", "speaker_needs_invitation").into());
    }
    let (ev, _) = managed_event(svc, actor, id).await?;
    if !ev.status.is_editable() {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "edited" }.into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let talk_id = events::add_talk(&mut tx, id, talk, now).await?;
    let details = json!({"talk": talk_id.to_string(), "title": talk.title.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "event.talk_added", "event", id, None, details), now).await?;
    tx.commit().await?;
    Ok(talk_id)
}

/// UG-6: the leaders edit a talk's title and abstract, typically one sent
/// back with changes requested; on an event under review it goes back to
/// the reviewers, who see it among the sessions to approve.
#[tracing::instrument(skip_all)]
pub async fn edit_talk(
    svc: &Services,
    actor: &Actor,
    id: EventId,
    talk: TalkId,
    title: &str,
    abstract_text: &str,
) -> Result<(), AppError> {
    let (ev, _) = managed_event(svc, actor, id).await?;
    if !ev.status.is_editable() {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "edited" }.into());
    }
    let t = Title::parse(title);
    let a = LongText::parse(abstract_text, "abstract", false);
    DomainError::collect([t.clone().err(), a.clone().err()])?;
    let (t, a) = (t?, a?);
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    events::edit_talk(&mut tx, id, talk, t.as_str(), a.as_str()).await?;
    let details = json!({"talk": talk.to_string(), "title": t.as_str(), "resubmitted": ev.review_required});
    audit::record(&mut tx, entry(Some(actor.member_id), "event.talk_edited", "event", id, None, details), now).await?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all)]
pub async fn remove_talk(svc: &Services, actor: &Actor, id: EventId, talk: TalkId) -> Result<(), AppError> {
    let (ev, _) = managed_event(svc, actor, id).await?;
    if !ev.status.is_editable() {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "edited" }.into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    events::remove_talk(&mut tx, id, talk).await?;
    let details = json!({"talk": talk.to_string()});
    audit::record(&mut tx, entry(Some(actor.member_id), "event.talk_removed", "event", id, None, details), now).await?;
    tx.commit().await?;
    Ok(())
}

/// A talk from raw text: speakers are member ids or guest names, one each.
pub fn parse_talk(title: &str, abstract_text: &str, speakers: &[&str]) -> Result<NewTalk, DomainError> {
    let title = Title::parse(title);
    let abstract_text = LongText::parse(abstract_text, "abstract", false);
    let speakers: Result<Vec<NewSpeaker>, DomainError> = speakers
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(|l| match l.parse::<MemberId>() {
            Ok(m) => Ok(NewSpeaker::Member(m)),
            Err(_) => {
                DisplayName::parse(l).map(NewSpeaker::Guest).map_err(|_| DomainError::field("speakers", "invalid"))
            }
        })
        .collect();
    DomainError::collect([title.clone().err(), abstract_text.clone().err(), speakers.clone().err()])?;
    Ok(NewTalk { title: title?, abstract_text: abstract_text?, speakers: speakers? })
}
