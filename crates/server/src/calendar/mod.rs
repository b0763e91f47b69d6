//! iCalendar files (RFC 5545) Guildhall writes: feeds of events and
//! interview invites (`ics`), and the invitations emails carry (`itip`,
//! RFC 5546). Built with the `icalendar` crate; the zone definitions it
//! does not write come from `vtimezone`. Pages, feeds and services share it.

pub mod ics;
pub mod itip;
mod vtimezone;
