//! UG-17: the calendar invitation each email about a person's place
//! carries. A place or a waiting position is a REQUEST (PARTSTAT accepted
//! or tentative); a place released, or the event cancelled, is a CANCEL.
//! All use the event's UID and SEQUENCE, the same as every feed, so a
//! calendar updates or removes the entry it already has.

use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::venues::{self, Venue};

use super::notify::Recipient;
use super::{Services, Work};
use crate::calendar::{ics, itip};
use crate::error::AppError;

/// One event as its invitations describe it.
pub struct Invitations<'a> {
    svc: &'a Services,
    event: &'a Event,
    group: &'a Group,
    venue: Option<Venue>,
    url: String,
}

impl<'a> Invitations<'a> {
    /// Reads the event's venue (once, for every invitation about it) in
    /// the caller's unit of work: it holds the event's lock, and a second
    /// connection from a busy pool could be a long wait.
    pub async fn of(svc: &'a Services, tx: &mut Work, event: &'a Event, group: &'a Group) -> Result<Self, AppError> {
        let venue = match event.venue_id {
            Some(v) => venues::get(tx.conn(), v).await?,
            None => None,
        };
        Ok(Self::with_venue(svc, event, group, venue))
    }

    pub fn with_venue(svc: &'a Services, event: &'a Event, group: &'a Group, venue: Option<Venue>) -> Self {
        let url = svc.links.to(&format!("/events/{}", event.id));
        Self { svc, event, group, venue, url }
    }

    fn entry(&self) -> ics::Entry<'_> {
        ics::Entry::new(self.event, self.venue.as_ref(), self.url.clone(), self.group.profile.name.as_str())
    }

    fn invitee<'r>(to: &'r Recipient<'_>, confirmed: bool) -> itip::Invitee<'r> {
        itip::Invitee { name: to.name, email: to.email.as_str(), confirmed }
    }

    /// A place held (`confirmed`) or a waiting position.
    pub fn request(&self, to: &Recipient<'_>, confirmed: bool) -> String {
        itip::request(&self.entry(), self.svc.links.host(), self.svc.organizer(), &Self::invitee(to, confirmed))
    }

    /// The place is gone, or the event is.
    pub fn cancel(&self, to: &Recipient<'_>) -> String {
        itip::cancel(&self.entry(), self.svc.links.host(), self.svc.organizer(), &Self::invitee(to, false))
    }
}
