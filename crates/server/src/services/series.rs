//! UG-16: series. A leader writes a rule once; each date it gives becomes
//! an event of the group with its own capacity, talks and check-in (so
//! each counts on its own for group health). A member registers for the
//! whole series once and holds a place or a waiting position at every
//! future date; leaving one date is giving up that ticket, and leaving the
//! series gives up every future one. Editing the series changes its
//! future dates only: the same day is updated (its registrants told, as
//! for any moved event, UG-17), a day the rule no longer gives is
//! cancelled, a new day is added and its registrants enrolled.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use guildhall_domain::access::Actor;
use guildhall_domain::event::{EventCommand, EventDetails, EventFields, EventStatus, Schedule};
use guildhall_domain::ids::{EventId, GroupId, MemberId, RegistrationId, SeriesId, VenueId};
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::series::{is_future, local_day, Recurrence, RecurrenceFields};
use guildhall_domain::values::Reason;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event};
use guildhall_storage::groups::Group;
use guildhall_storage::series::{self as store, Series, SeriesDetails};
use guildhall_storage::{audit, follows, members, registrations};
use serde::Deserialize;
use serde_json::json;

use super::groups::managed;
use super::registrar::Pending;
use super::{entry, events as event_service, registrations as regs, Services};
use crate::auth::SignedIn;
use crate::error::AppError;

/// A series as a form or JSON body gives it: what every date shares, and
/// the rule.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SeriesInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub online_link: String,
    #[serde(default)]
    pub venue_id: String,
    /// UG-18: `automatic` or `offers`, for every date.
    #[serde(default)]
    pub waitlist_mode: String,
    #[serde(flatten)]
    pub rule: RecurrenceFields,
}

/// A checked series: the first date's details (the others differ only in
/// their schedule), the venue, the rule and every date it gives.
pub struct Plan {
    pub details: EventDetails,
    pub venue: Option<VenueId>,
    pub rule: Recurrence,
    pub schedules: Vec<Schedule>,
}

impl Plan {
    fn date(&self, schedule: Schedule) -> EventDetails {
        EventDetails { schedule, ..self.details.clone() }
    }
}

/// The fields of one date, as the event form would send them.
fn event_fields(input: &SeriesInput, s: Schedule) -> EventFields {
    EventFields {
        title: input.title.clone(),
        description: input.description.clone(),
        starts_at: s.starts_at.to_rfc3339(),
        ends_at: s.ends_at.to_rfc3339(),
        capacity: input.capacity.clone(),
        online_link: input.online_link.clone(),
        promotion_links: String::new(),
        waitlist_mode: input.waitlist_mode.clone(),
        ..EventFields::default()
    }
}

/// Whether a plan is for a new series (every date still to come) or for
/// one that has begun (its past dates stay as they were).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Planning {
    New,
    Edit,
}

/// Checks a series for `g`: the rule gives dates (a new series' all still
/// to come, an edited one's at least one), none beyond the plausible
/// window; the shared details are an event's. Every problem is reported
/// at once, as a form shows them.
pub async fn plan(svc: &Services, g: &Group, input: &SeriesInput, planning: Planning) -> Result<Plan, AppError> {
    let tz = g.profile.time_zone;
    let now = Utc::now();
    let rule = Recurrence::parse(&input.rule);
    let schedules = rule.clone().and_then(|r| r.schedules(tz)).and_then(|s| {
        let past = |x: &Schedule| !is_future(x.starts_at, now);
        match planning {
            Planning::New if s.first().is_some_and(past) => Err(DomainError::field("from", "series_starts_past")),
            Planning::Edit if s.iter().all(past) => Err(DomainError::field("from", "series_starts_past")),
            _ => Ok(s),
        }
    });
    // The shared details are checked as the last date's: the plausible
    // window (events.date_window_days) then covers every date.
    let probe = schedules.as_ref().ok().and_then(|s| s.last().copied()).unwrap_or(Schedule {
        starts_at: now + chrono::Duration::days(1),
        ends_at: now + chrono::Duration::days(1) + chrono::Duration::hours(2),
    });
    let venue = Some(input.venue_id.as_str()).filter(|v| !v.trim().is_empty());
    let details = event_service::parse(svc, g, &event_fields(input, probe), venue).await;
    let details_err = match &details {
        Err(AppError::Domain(e)) => Some(e.clone()),
        _ => None,
    };
    DomainError::collect([rule.clone().err(), schedules.clone().err(), details_err])?;
    let (details, venue) = details?;
    Ok(Plan { details, venue, rule: rule?, schedules: schedules? })
}

fn details_of<'a>(p: &'a Plan, rrule: &'a str) -> SeriesDetails<'a> {
    let d = &p.details;
    SeriesDetails {
        title: &d.title,
        description: &d.description,
        rule: &p.rule,
        rrule,
        capacity: d.capacity,
        venue_id: p.venue,
        online_link: d.online_link.as_ref(),
        waitlist_mode: d.waitlist_mode,
    }
}

/// A leader creates a series: its dates are drafts until it is published.
#[tracing::instrument(skip_all)]
pub async fn create(svc: &Services, actor: &Actor, group: GroupId, input: &SeriesInput) -> Result<SeriesId, AppError> {
    let g = managed(svc, actor, group).await?;
    if !g.status.is_listed() {
        return Err(DomainError::field("group", "group_archived").into());
    }
    let p = plan(svc, &g, input, Planning::New).await?;
    let rrule = p.rule.rrule(g.profile.time_zone);
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = store::insert(&mut tx, g.id, &details_of(&p, &rrule), actor.member_id, now).await?;
    for s in &p.schedules {
        let ev = events::insert(&mut tx, g.id, &p.date(*s), p.venue, now).await?;
        store::attach(&mut tx, id, ev).await?;
        if g.review_required {
            events::set_review_required(&mut tx, ev, true, now).await?;
        }
    }
    let details = json!({"group": g.id.to_string(), "dates": p.schedules.len(), "rrule": rrule});
    audit::record(&mut tx, entry(Some(actor.member_id), "series.created", "series", id, None, details), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A series with its group and dates, as anyone may see it: a series with
/// no published date is its organisers' only.
pub struct SeriesView {
    pub series: Series,
    pub group: Group,
    pub dates: Vec<Event>,
    pub runs_group: bool,
    /// The viewer registered for the whole series.
    pub joined: bool,
    /// The viewer's own place at each date, when they hold one.
    pub mine: HashMap<EventId, (RegistrationId, RegistrationStatus)>,
}

impl SeriesView {
    /// The dates still to come and not cancelled.
    pub fn upcoming(&self) -> impl Iterator<Item = &Event> {
        let now = Utc::now();
        self.dates.iter().filter(move |e| is_future(e.starts_at(), now) && e.status != EventStatus::Cancelled)
    }

    pub fn is_published(&self) -> bool {
        self.dates.iter().any(|e| e.status.is_public())
    }
}

#[tracing::instrument(skip_all)]
pub async fn view(svc: &Services, actor: Option<&Actor>, id: SeriesId) -> Result<SeriesView, AppError> {
    let reader = svc.db.reader();
    let series = store::get(reader, id).await?.ok_or(DomainError::NotFound)?;
    let group = guildhall_storage::groups::by_id(reader, series.group_id).await?.ok_or(DomainError::NotFound)?;
    let runs_group = super::event_view::runs_group(actor, &group);
    let dates: Vec<Event> =
        store::dates(reader, id).await?.into_iter().filter(|e| runs_group || e.status.is_public()).collect();
    if dates.is_empty() && !runs_group {
        return Err(DomainError::NotFound.into());
    }
    let (joined, mine) = match actor {
        Some(a) => {
            // A cancelled date holds no place, whatever its rows say.
            let ids: Vec<EventId> = dates.iter().filter(|e| e.status != EventStatus::Cancelled).map(|e| e.id).collect();
            let mine = registrations::tallies_for(reader, &ids, Some(a.member_id))
                .await?
                .into_iter()
                .filter_map(|(ev, (_, r, _))| r.filter(|r| r.status.is_active()).map(|r| (ev, (r.id, r.status))))
                .collect();
            (store::is_member(reader, id, a.member_id).await?, mine)
        }
        None => (false, HashMap::new()),
    };
    Ok(SeriesView { series, group, dates, runs_group, joined, mine })
}

/// A group's series, for its page: all of them for those who run it.
pub async fn of_group(svc: &Services, g: &Group, runs_group: bool) -> Result<Vec<Series>, AppError> {
    Ok(store::of_group(svc.db.reader(), g.id, !runs_group).await?)
}

async fn managed_series(svc: &Services, actor: &Actor, id: SeriesId) -> Result<(Series, Group), AppError> {
    let s = store::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let g = managed(svc, actor, s.group_id).await?;
    Ok((s, g))
}

/// Enrols `member` at `event` as the series' registration does: a place,
/// or the waiting list when the date is full (never overbooked: the
/// registrar seats them, UG-14). Already registered is fine.
async fn enrol(svc: &Services, by: MemberId, g: &Group, event: EventId, member: MemberId) -> Result<(), AppError> {
    let Some(m) = members::by_id(svc.db.reader(), member).await? else { return Ok(()) };
    let pending = Pending::new(m.id, m.name, m.email, m.locale, by, g.clone());
    match svc.registrar.submit(svc, event, pending).await {
        Ok(_) | Err(AppError::Domain(DomainError::AlreadyRegistered | DomainError::RegistrationClosed)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Publishes every future draft date. Followers hear of the series once,
/// through its first date (UG-15), not once per date; those registered
/// for the whole series are enrolled at each newly published date.
#[tracing::instrument(skip_all)]
pub async fn publish(svc: &Services, actor: &Actor, id: SeriesId) -> Result<usize, AppError> {
    let (_, g) = managed_series(svc, actor, id).await?;
    let now = Utc::now();
    let dates = store::dates(svc.db.reader(), id).await?;
    let already_public = dates.iter().any(|e| e.status.is_public());
    let drafts: Vec<Event> =
        dates.into_iter().filter(|e| e.status == EventStatus::Draft && is_future(e.starts_at(), now)).collect();
    if drafts.is_empty() {
        return Err(DomainError::field("series", "series_nothing_to_publish").into());
    }
    let mut tx = svc.begin().await?;
    let quiet = if already_public { &drafts[..] } else { &drafts[1..] };
    for e in quiet {
        follows::mark_announced(&mut tx, e.id, now).await?;
    }
    tx.commit().await?;
    let joined = store::members(svc.db.reader(), id).await?;
    for e in &drafts {
        event_service::transition(svc, actor, e.id, EventCommand::Publish).await?;
        for m in &joined {
            enrol(svc, actor.member_id, &g, e.id, *m).await?;
        }
    }
    Ok(drafts.len())
}

/// What registering for a whole series gave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Joined {
    pub places: usize,
    pub waiting: usize,
}

/// The signed-in member registers for the whole series (UG-16): a place
/// or a waiting position at every future published date, and at each
/// date published later.
#[tracing::instrument(skip_all)]
pub async fn join(svc: &Services, me: &SignedIn, id: SeriesId) -> Result<Joined, AppError> {
    let v = view(svc, Some(&me.actor), id).await?;
    let open: Vec<EventId> = v.upcoming().filter(|e| e.status == EventStatus::Published).map(|e| e.id).collect();
    if open.is_empty() {
        return Err(DomainError::RegistrationClosed.into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if store::join(&mut tx, id, me.actor.member_id, now).await? {
        let details = json!({"series": id.to_string()});
        audit::record(&mut tx, entry(Some(me.actor.member_id), "series.joined", "series", id, None, details), now)
            .await?;
    }
    tx.commit().await?;
    let mut got = Joined::default();
    for event in open {
        let status = match regs::register(svc, me, event, None).await {
            Ok(o) => Some(o.status),
            Err(AppError::Domain(DomainError::AlreadyRegistered)) => {
                registrations::find(svc.db.reader(), event, me.actor.member_id).await?.map(|r| r.status)
            }
            Err(AppError::Domain(DomainError::RegistrationClosed)) => None,
            Err(e) => return Err(e),
        };
        match status {
            Some(RegistrationStatus::Confirmed) => got.places += 1,
            Some(RegistrationStatus::Waitlisted) => got.waiting += 1,
            _ => {}
        }
    }
    Ok(got)
}

/// The member leaves the whole series: every future place they hold is
/// given up (each freed seat goes to that date's first waiting person)
/// and dates published later no longer enrol them. Returns how many
/// places were given up.
#[tracing::instrument(skip_all)]
pub async fn leave(svc: &Services, actor: &Actor, id: SeriesId) -> Result<usize, AppError> {
    let v = view(svc, Some(actor), id).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let was = store::leave(&mut tx, id, actor.member_id, now).await?;
    if was {
        let details = json!({"series": id.to_string()});
        audit::record(&mut tx, entry(Some(actor.member_id), "series.left", "series", id, None, details), now).await?;
    }
    tx.commit().await?;
    // The view already holds the member's active places, by date.
    let mut given_up = 0;
    for e in v.upcoming() {
        let Some((registration, _)) = v.mine.get(&e.id) else { continue };
        match regs::cancel(svc, actor, e.id, *registration).await {
            Ok(()) => given_up += 1,
            // Let in already: that attendance stays, as at any door.
            Err(AppError::Domain(DomainError::CheckedInAlready)) => {}
            Err(e) => return Err(e),
        }
    }
    if !was && given_up == 0 {
        return Err(DomainError::field("series", "series_not_joined").into());
    }
    Ok(given_up)
}

/// What editing a series did to its future dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Replanned {
    pub changed: usize,
    pub added: usize,
    pub cancelled: usize,
}

/// Edits the series; only its future dates change (UG-16).
#[tracing::instrument(skip_all)]
pub async fn update(svc: &Services, actor: &Actor, id: SeriesId, input: &SeriesInput) -> Result<Replanned, AppError> {
    let (s, g) = managed_series(svc, actor, id).await?;
    let tz = g.profile.time_zone;
    let p = plan(svc, &g, input, Planning::Edit).await?;
    let rrule = p.rule.rrule(tz);
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    store::update(&mut tx, id, &details_of(&p, &rrule), now).await?;
    let details = json!({"rrule": rrule, "before": s.rrule});
    audit::record(&mut tx, entry(Some(actor.member_id), "series.updated", "series", id, None, details), now).await?;
    tx.commit().await?;

    let all = store::dates(svc.db.reader(), id).await?;
    let published = all.iter().any(|e| e.status.is_public());
    // A day that has (or had) a date is never made again: past dates keep
    // what they were, and a date the organisers cancelled stays skipped.
    let had: std::collections::HashSet<NaiveDate> = all.iter().map(|e| local_day(e.starts_at(), tz)).collect();
    let mut by_day: HashMap<NaiveDate, Event> = all
        .into_iter()
        .filter(|e| is_future(e.starts_at(), now) && e.status != EventStatus::Cancelled)
        .map(|e| (local_day(e.starts_at(), tz), e))
        .collect();
    let mut done = Replanned::default();
    let joined = store::members(svc.db.reader(), id).await?;
    let venue = Some(input.venue_id.as_str()).filter(|v| !v.trim().is_empty());
    for sched in p.schedules.iter().filter(|s| is_future(s.starts_at, now)) {
        match by_day.remove(&local_day(sched.starts_at, tz)) {
            Some(e) => {
                event_service::update(svc, actor, e.id, &event_fields(input, *sched), venue).await?;
                done.changed += 1;
            }
            None if had.contains(&local_day(sched.starts_at, tz)) => {}
            None => {
                let mut tx = svc.begin().await?;
                let ev = events::insert(&mut tx, g.id, &p.date(*sched), p.venue, now).await?;
                store::attach(&mut tx, id, ev).await?;
                if g.review_required {
                    events::set_review_required(&mut tx, ev, true, now).await?;
                }
                // Followers heard of the series already.
                follows::mark_announced(&mut tx, ev, now).await?;
                tx.commit().await?;
                if published {
                    event_service::transition(svc, actor, ev, EventCommand::Publish).await?;
                    for m in &joined {
                        enrol(svc, actor.member_id, &g, ev, *m).await?;
                    }
                }
                done.added += 1;
            }
        }
    }
    // A reason is the organisers' words in their language: none is made up.
    for e in by_day.into_values() {
        event_service::cancel(svc, actor, e.id, None).await?;
        done.cancelled += 1;
    }
    Ok(done)
}

/// Cancels every date still to come (UG-16, PL-13): each is cancelled as
/// one event would be, everyone registered or waiting emailed with the
/// organisers' reason. Dates already held stay as they were. Returns how
/// many dates were cancelled.
#[tracing::instrument(skip_all)]
pub async fn cancel(svc: &Services, actor: &Actor, id: SeriesId, reason: &Reason) -> Result<usize, AppError> {
    let (_, _) = managed_series(svc, actor, id).await?;
    let now = Utc::now();
    let coming: Vec<Event> = store::dates(svc.db.reader(), id)
        .await?
        .into_iter()
        .filter(|e| is_future(e.starts_at(), now) && e.status.is_editable())
        .collect();
    if coming.is_empty() {
        return Err(DomainError::field("series", "series_nothing_to_cancel").into());
    }
    for e in &coming {
        event_service::cancel(svc, actor, e.id, Some(reason)).await?;
    }
    let mut tx = svc.begin().await?;
    let details = json!({"dates": coming.len(), "reason": reason.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "series.cancelled", "series", id, None, details), now).await?;
    tx.commit().await?;
    Ok(coming.len())
}
