//! The event as a reader sees it: one read model that the event page and
//! the JSON API both show, built in three round trips (the event with its
//! group and venue; its talks; its numbers with the viewer's own seat),
//! and a fourth for a cancelled event's reason.
//! Who may see the event and its online link is decided here, once, by
//! the domain's `event::visible` and `event::sees_online_link`.

use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::event::{sees_online_link, visible, EventStatus};
use std::collections::HashMap;

use guildhall_domain::ids::{EventId, VenueId};
use guildhall_domain::review::ReviewStatus;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event, Talk};
use guildhall_storage::groups::Group;
use guildhall_storage::registrations::{self, Registration, Tally};
use guildhall_storage::venues::{self, Venue};

use super::Services;
use crate::error::AppError;

pub struct EventView {
    pub event: Event,
    pub group: Group,
    pub venue: Option<Venue>,
    pub talks: Vec<Talk>,
    pub tally: Tally,
    /// The viewer's own registration while it holds a seat or a place in line.
    pub mine: Option<Registration>,
    pub waitlist_position: Option<i64>,
    /// The viewer leads the group or manages its region.
    pub runs_group: bool,
    /// Why it was cancelled, as the organisers told everyone registered.
    pub cancellation_reason: Option<String>,
}

impl EventView {
    pub fn sees_online_link(&self) -> bool {
        sees_online_link(self.runs_group, self.mine.as_ref().map(|r| r.status))
    }
}

/// Whether `actor` runs the group (its leaders, its region's managers, admins).
pub fn runs_group(actor: Option<&Actor>, g: &Group) -> bool {
    actor.is_some_and(|a| authorize(a, Action::ManageGroup { group: g.id, region: g.region_id }).is_ok())
}

/// The event `id` as `actor` may see it; a draft they may not see is not found.
#[tracing::instrument(skip_all)]
pub async fn view(svc: &Services, actor: Option<&Actor>, id: EventId) -> Result<EventView, AppError> {
    let reader = svc.db.reader();
    let (event, group, venue) = events::with_group(reader, id).await?.ok_or(DomainError::NotFound)?;
    let runs_group = runs_group(actor, &group);
    if !visible(event.status, runs_group) {
        return Err(DomainError::NotFound.into());
    }
    let talks = shown_talks(actor, &group, &event, runs_group, events::talks(reader, id).await?);
    let (tally, mine, waitlist_position) = registrations::tally_for(reader, id, actor.map(|a| a.member_id)).await?;
    let mine = mine.filter(|r| r.status.is_active());
    let cancellation_reason = cancellation_reasons(svc, std::slice::from_ref(&event)).await?.remove(&id);
    Ok(EventView { event, group, venue, talks, tally, mine, waitlist_position, runs_group, cancellation_reason })
}

/// Several events of one group as `actor` may see them, in four round
/// trips whatever their number (venues, talks, numbers with the viewer's
/// seats): what a list shows is what each event's own page shows.
#[tracing::instrument(skip_all)]
pub async fn list(
    svc: &Services,
    actor: Option<&Actor>,
    group: &Group,
    list: Vec<Event>,
) -> Result<Vec<EventView>, AppError> {
    let reader = svc.db.reader();
    let runs_group = runs_group(actor, group);
    let list: Vec<Event> =
        list.into_iter().filter(|e| e.group_id == group.id && visible(e.status, runs_group)).collect();
    let ids: Vec<EventId> = list.iter().map(|e| e.id).collect();
    let mut venue_ids: Vec<VenueId> = list.iter().filter_map(|e| e.venue_id).collect();
    venue_ids.sort();
    venue_ids.dedup();
    let venues: HashMap<VenueId, Venue> =
        venues::by_ids(reader, &venue_ids).await?.into_iter().map(|v| (v.id, v)).collect();
    let mut talks = events::talks_of(reader, &ids).await?;
    let mut tallies = registrations::tallies_for(reader, &ids, actor.map(|a| a.member_id)).await?;
    let mut reasons = cancellation_reasons(svc, &list).await?;
    Ok(list
        .into_iter()
        .map(|event| {
            let talks = shown_talks(actor, group, &event, runs_group, talks.remove(&event.id).unwrap_or_default());
            let (tally, mine, waitlist_position) = tallies.remove(&event.id).unwrap_or_default();
            EventView {
                venue: event.venue_id.and_then(|v| venues.get(&v).cloned()),
                group: group.clone(),
                talks,
                tally,
                mine: mine.filter(|r| r.status.is_active()),
                waitlist_position,
                runs_group,
                cancellation_reason: reasons.remove(&event.id),
                event,
            }
        })
        .collect())
}

/// The reasons of the cancelled events among `list`; no query when none is.
async fn cancellation_reasons(svc: &Services, list: &[Event]) -> Result<HashMap<EventId, String>, AppError> {
    let cancelled: Vec<EventId> = list.iter().filter(|e| e.status == EventStatus::Cancelled).map(|e| e.id).collect();
    Ok(guildhall_storage::event_cancellations::reasons(svc.db.reader(), &cancelled).await?)
}

/// UG-6: on an event under review, a session added or edited after
/// publishing is shown to attendees once approved.
fn shown_talks(
    actor: Option<&Actor>,
    group: &Group,
    event: &Event,
    runs_group: bool,
    mut talks: Vec<Talk>,
) -> Vec<Talk> {
    let reviews = actor.is_some_and(|a| authorize(a, Action::ReviewSessions(group.region_id)).is_ok());
    if event.review_required && !runs_group && !reviews {
        talks.retain(|t| t.review.status == ReviewStatus::Approved);
    }
    talks
}
