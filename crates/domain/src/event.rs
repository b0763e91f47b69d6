//! Events (UG-14): their facts, their life cycle, where and when they
//! happen, and the links they may carry (UG-5). There is no price anywhere
//! in an event (UG-9): nothing here can hold one.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone as _, Utc};
use serde::{Deserialize, Serialize};

use crate::offer::WaitlistMode;
use crate::values::{LongText, TimeZone, Title, WebLink};
use crate::DomainError;

/// UG-14: draft, published, cancelled, completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Draft,
    Published,
    Cancelled,
    Completed,
}

/// What a leader can do to an event's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventCommand {
    Publish,
    Cancel,
    Complete,
}

impl EventStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Published => "published",
            Self::Cancelled => "cancelled",
            Self::Completed => "completed",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw {
            "draft" => Ok(Self::Draft),
            "published" => Ok(Self::Published),
            "cancelled" => Ok(Self::Cancelled),
            "completed" => Ok(Self::Completed),
            _ => Err(DomainError::field("status", "status_invalid")),
        }
    }

    /// UG-14 transitions: a draft is published (once it says where it
    /// happens) or cancelled; a published event is cancelled, or completed
    /// once it has ended. Cancelled and completed are final.
    pub fn apply(self, cmd: EventCommand, ev: &EventFacts, now: DateTime<Utc>) -> Result<Self, DomainError> {
        let target = match cmd {
            EventCommand::Publish => Self::Published,
            EventCommand::Cancel => Self::Cancelled,
            EventCommand::Complete => Self::Completed,
        };
        let conflict = DomainError::EventStateConflict { from: self.as_str(), to: target.as_str() };
        match (self, cmd) {
            (Self::Draft, EventCommand::Publish) => {
                if !ev.has_location {
                    return Err(DomainError::field("venue_id", "location_required"));
                }
                if ev.ends_at <= now {
                    return Err(DomainError::field("starts_at", "event_in_past"));
                }
                Ok(target)
            }
            (Self::Draft | Self::Published, EventCommand::Cancel) => Ok(target),
            // An event is held once it has happened: completing it before
            // its end would count a meeting that may never take place.
            (Self::Published, EventCommand::Complete) if now >= ev.ends_at => Ok(target),
            (Self::Published, EventCommand::Complete) => Err(DomainError::field("status", "event_not_ended")),
            _ => Err(conflict),
        }
    }

    /// Details can change while the event is a draft or published.
    pub fn is_editable(&self) -> bool {
        matches!(self, Self::Draft | Self::Published)
    }

    /// Drafts are seen by the group's leaders only.
    pub fn is_public(&self) -> bool {
        !matches!(self, Self::Draft)
    }
}

/// The facts the life cycle rules look at.
#[derive(Clone, Copy, Debug)]
pub struct EventFacts {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub has_location: bool,
}

/// Who may see an event at all: everyone once it is published (or later
/// cancelled or completed); a draft only those who run its group.
pub fn visible(status: EventStatus, runs_group: bool) -> bool {
    status.is_public() || runs_group
}

/// UG-14: an online event's link is for those holding a confirmed seat and
/// for those who run the group, never for the waiting list or visitors.
pub fn sees_online_link(runs_group: bool, mine: Option<crate::registration::RegistrationStatus>) -> bool {
    runs_group || mine == Some(crate::registration::RegistrationStatus::Confirmed)
}

/// UG-14: registration opens on publishing (or at the window's opening,
/// when one is set) and closes when the event ends (or at the window's
/// close).
pub fn registration_open(
    status: EventStatus,
    window: &RegistrationWindow,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    status == EventStatus::Published && now < ends_at && window.admits(now)
}

/// When registration opens and closes, if the organisers set it: a
/// launch at a known hour, a close the day before for the catering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegistrationWindow {
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
}

/// Where registration stands now, as the event page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowState {
    NotYet(DateTime<Utc>),
    Open,
    Closed(DateTime<Utc>),
}

impl RegistrationWindow {
    /// From two local times in the group's zone (blank: none), checked
    /// against the event's schedule.
    pub fn parse(opens: &str, closes: &str, tz: TimeZone, schedule: Option<&Schedule>) -> Result<Self, DomainError> {
        let at =
            |raw: &str, field| if raw.trim().is_empty() { Ok(None) } else { parse_instant(raw, tz, field).map(Some) };
        let (o, c) = (at(opens, "registration_opens_at"), at(closes, "registration_closes_at"));
        DomainError::collect([o.clone().err(), c.clone().err()])?;
        Self::new(o?, c?, schedule)
    }

    pub fn new(
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
        schedule: Option<&Schedule>,
    ) -> Result<Self, DomainError> {
        // Every problem at once, so one save shows them all.
        let mut problems = Vec::new();
        if let (Some(o), Some(c)) = (opens_at, closes_at) {
            if c <= o {
                problems.push(DomainError::field("registration_closes_at", "closes_before_opens"));
            }
        }
        if let Some(s) = schedule {
            // Opening once it has begun would invite people to what they missed.
            if opens_at.is_some_and(|o| o >= s.starts_at) {
                problems.push(DomainError::field("registration_opens_at", "opens_after_start"));
            }
            if closes_at.is_some_and(|c| c > s.ends_at) {
                problems.push(DomainError::field("registration_closes_at", "closes_after_event"));
            }
        }
        DomainError::collect(problems.into_iter().map(Some))?;
        Ok(Self { opens_at, closes_at })
    }

    pub fn admits(&self, now: DateTime<Utc>) -> bool {
        self.opens_at.is_none_or(|o| now >= o) && self.closes_at.is_none_or(|c| now < c)
    }

    pub fn state(&self, now: DateTime<Utc>) -> WindowState {
        match (self.opens_at, self.closes_at) {
            (Some(o), _) if now < o => WindowState::NotYet(o),
            (_, Some(c)) if now >= c => WindowState::Closed(c),
            _ => WindowState::Open,
        }
    }
}

/// UG-14: a published event's dates may change, but not into the past:
/// moved there, it could be completed and counted as held (UG-10, CH-4)
/// without ever having been open to anyone. An event under way may keep
/// its start and move its end, as long as the end is still to come.
pub fn check_reschedule(
    status: EventStatus,
    old: Schedule,
    new: Schedule,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if status != EventStatus::Published || old == new {
        return Ok(());
    }
    if new.starts_at != old.starts_at && new.starts_at < now {
        return Err(DomainError::field("starts_at", "event_moved_into_past"));
    }
    if new.ends_at <= now {
        return Err(DomainError::field("ends_at", "event_moved_into_past"));
    }
    Ok(())
}

/// UG-14: the dates an event may have when created, edited or published:
/// within `window_days` of now either way (a setting). 1900 and 9999 are
/// typing errors; history (a past meetup entered later) stays possible,
/// and a past draft can never be published anyway.
pub fn check_plausible(schedule: Schedule, now: DateTime<Utc>, window_days: i64) -> Result<(), DomainError> {
    if schedule.starts_at < now - Duration::days(window_days) {
        return Err(DomainError::field("starts_at", "event_too_far_past"));
    }
    if schedule.starts_at > now + Duration::days(window_days) {
        return Err(DomainError::field("starts_at", "event_too_far_ahead"));
    }
    Ok(())
}

/// UG-14: when the door opens and closes for an event (the page says it).
pub fn door_window(
    schedule: Schedule,
    opens_minutes_before: i64,
    closes_hours_after: i64,
) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        schedule.starts_at - Duration::minutes(opens_minutes_before),
        schedule.ends_at + Duration::hours(closes_hours_after),
    )
}

/// UG-14: the door window, when leaders check people in and register
/// walk-ins: from `opens_minutes_before` the start to `closes_hours_after`
/// the end (settings). Outside it, a check-in would record attendance
/// nobody saw.
pub fn door_open(
    schedule: Schedule,
    now: DateTime<Utc>,
    opens_minutes_before: i64,
    closes_hours_after: i64,
) -> Result<(), DomainError> {
    let (opens, closes) = door_window(schedule, opens_minutes_before, closes_hours_after);
    if now < opens {
        return Err(DomainError::field("ticket_code", "door_not_open_yet"));
    }
    if now > closes {
        return Err(DomainError::field("ticket_code", "door_closed"));
    }
    Ok(())
}

/// UG-17: what of a published event's change people must hear of: its
/// time, its place, or its online link. A new title or description alone
/// sends nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventChange {
    pub time: bool,
    pub place: bool,
    pub link: bool,
}

impl EventChange {
    pub fn between<V: PartialEq>(
        old: (&EventDetails, Option<V>),
        new: (&EventDetails, Option<V>),
        status: EventStatus,
    ) -> Self {
        if status != EventStatus::Published {
            return Self::default();
        }
        // To the minute, as people read times: a form that drops seconds
        // has not moved anything.
        let minute = |t: DateTime<Utc>| t.timestamp().div_euclid(60);
        let (a, b) = (old.0.schedule, new.0.schedule);
        Self {
            time: minute(a.starts_at) != minute(b.starts_at) || minute(a.ends_at) != minute(b.ends_at),
            place: old.1 != new.1,
            link: old.0.online_link != new.0.online_link,
        }
    }

    pub fn any(&self) -> bool {
        self.time || self.place || self.link
    }
}

/// UG-14: a published event completes by itself `hours_after` its end
/// (a setting), so that whether it was held (UG-10, CH-4) never waits for
/// a leader's click. Cancelled, draft and completed events stay as they are.
pub fn completes_by_itself(status: EventStatus, ends_at: DateTime<Utc>, now: DateTime<Utc>, hours_after: i64) -> bool {
    status == EventStatus::Published && now >= ends_at + Duration::hours(hours_after)
}

/// UG-14: an event counts as held once it is completed with at least one
/// check-in.
pub fn counts_as_held(status: EventStatus, checkins: u64) -> bool {
    status == EventStatus::Completed && checkins > 0
}

/// How many people an event can take: 1 to 100,000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Capacity(u32);

impl Capacity {
    pub const MAX: u32 = 100_000;

    pub fn new(n: i64) -> Result<Self, DomainError> {
        match u32::try_from(n) {
            Ok(v) if (1..=Self::MAX).contains(&v) => Ok(Self(v)),
            _ => Err(DomainError::field("capacity", "capacity_invalid")),
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        raw.trim().parse::<i64>().map_err(|_| DomainError::field("capacity", "capacity_invalid")).and_then(Self::new)
    }

    pub fn get(&self) -> u32 {
        self.0
    }
}

impl TryFrom<i64> for Capacity {
    type Error = DomainError;
    fn try_from(v: i64) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

impl From<Capacity> for i64 {
    fn from(c: Capacity) -> Self {
        c.0.into()
    }
}

/// Where a new registrant lands (UG-14).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Confirmed,
    Waitlisted,
}

/// UG-14, never overbooked: a seat is given only while fewer than
/// `capacity` are confirmed. Callers hold the event's capacity lock while
/// counting, so `confirmed` is exact.
pub fn place(capacity: Capacity, confirmed: u64) -> Placement {
    if confirmed < u64::from(capacity.get()) {
        Placement::Confirmed
    } else {
        Placement::Waitlisted
    }
}

/// UG-14: someone let in at the door without an account takes a seat
/// only while one is free (`taken` counts registrations and walk-ins):
/// the door never overbooks either. Someone with an account joins the
/// waiting list instead, through `place`.
pub fn seat_for_walk_in(capacity: Capacity, taken: u64) -> Result<(), DomainError> {
    match place(capacity, taken) {
        Placement::Confirmed => Ok(()),
        Placement::Waitlisted => Err(DomainError::EventFull { capacity: capacity.get() }),
    }
}

/// UG-14: how many waiting people move up when seats free up (a
/// cancellation, or a larger capacity).
pub fn seats_to_fill(capacity: Capacity, confirmed: u64) -> u64 {
    u64::from(capacity.get()).saturating_sub(confirmed)
}

/// A capacity may grow, or shrink down to the people already confirmed:
/// nobody loses a confirmed seat because a leader changed a number.
pub fn check_capacity_change(new: Capacity, confirmed: u64) -> Result<(), DomainError> {
    if u64::from(new.get()) < confirmed {
        Err(DomainError::field("capacity", "capacity_below_confirmed"))
    } else {
        Ok(())
    }
}

/// UG-5: promotion links may point anywhere but to a ticketing or RSVP
/// site (the settings' host list, matched with its subdomains):
/// registration happens here.
pub fn check_promotion_link(link: &WebLink, ticketing_hosts: &[String]) -> Result<(), DomainError> {
    let host = link.host();
    let refused = ticketing_hosts.iter().any(|t| host == *t || host.ends_with(&format!(".{t}")));
    if refused {
        Err(DomainError::field("promotion_links", "registration_link_refused"))
    } else {
        Ok(())
    }
}

/// When an event happens, in UTC (PL-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl Schedule {
    /// Longest event: a two-week hackathon.
    pub const MAX_DAYS: i64 = 14;

    /// Parses start and end given either as local times in the group's
    /// zone (`2026-03-29T10:30`, as a browser's datetime-local field sends
    /// them) or as RFC 3339 instants with an offset.
    pub fn parse(starts: &str, ends: &str, tz: TimeZone) -> Result<Self, DomainError> {
        let s = parse_instant(starts, tz, "starts_at");
        let e = parse_instant(ends, tz, "ends_at");
        DomainError::collect([s.clone().err(), e.clone().err()])?;
        Self::new(s?, e?)
    }

    pub fn new(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Result<Self, DomainError> {
        if ends_at <= starts_at {
            return Err(DomainError::field("ends_at", "ends_before_start"));
        }
        if ends_at - starts_at > Duration::days(Self::MAX_DAYS) {
            return Err(DomainError::field("ends_at", "event_too_long"));
        }
        Ok(Self { starts_at, ends_at })
    }
}

/// A local time in `tz` (as a datetime-local field sends it) or an RFC 3339
/// instant with an offset.
pub fn parse_instant(raw: &str, tz: TimeZone, field: &'static str) -> Result<DateTime<Utc>, DomainError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(DomainError::field(field, "required"));
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Ok(at.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .map_err(|_| DomainError::field(field, "datetime_invalid"))?;
    local_to_utc(naive, tz).ok_or(DomainError::field(field, "time_skipped_by_dst"))
}

/// A wall-clock time in `tz` as a UTC instant. When clocks go back the
/// hour happens twice and the first is meant; when they go forward the
/// skipped hour does not exist and `None` says so.
pub fn local_to_utc(naive: NaiveDateTime, tz: TimeZone) -> Option<DateTime<Utc>> {
    match tz.tz().from_local_datetime(&naive) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// The local wall-clock time as a datetime-local form field shows it.
pub fn to_local_input(at: DateTime<Utc>, tz: TimeZone) -> String {
    at.with_timezone(&tz.tz()).format("%Y-%m-%dT%H:%M").to_string()
}

/// The editable facts of an event (UG-14), parsed together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDetails {
    pub title: Title,
    pub description: LongText,
    pub schedule: Schedule,
    pub capacity: Capacity,
    pub online_link: Option<WebLink>,
    pub promotion_links: Vec<WebLink>,
    /// UG-18: how a freed seat reaches the waiting list.
    pub waitlist_mode: WaitlistMode,
    /// When registration opens and closes, if not on publishing and at the end.
    pub window: RegistrationWindow,
}

/// Raw event fields from a form or JSON body. Promotion links come one per
/// line.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct EventFields {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub online_link: String,
    #[serde(default)]
    pub promotion_links: String,
    /// UG-18: `automatic` (blank) or `offers`.
    #[serde(default)]
    pub waitlist_mode: String,
    /// Local times in the group's zone; blank: on publishing, and at the end.
    #[serde(default)]
    pub registration_opens_at: String,
    #[serde(default)]
    pub registration_closes_at: String,
}

impl EventDetails {
    pub fn parse(f: &EventFields, tz: TimeZone, ticketing_hosts: &[String]) -> Result<Self, DomainError> {
        let title = Title::parse(&f.title);
        let description = LongText::parse(&f.description, "description", false);
        let schedule = Schedule::parse(&f.starts_at, &f.ends_at, tz);
        let capacity = Capacity::parse(&f.capacity);
        let online = match f.online_link.trim() {
            "" => Ok(None),
            raw => WebLink::parse(raw, "online_link").map(Some),
        };
        let promotion = parse_promotion_links(&f.promotion_links, ticketing_hosts);
        let mode = WaitlistMode::parse(&f.waitlist_mode);
        let window =
            RegistrationWindow::parse(&f.registration_opens_at, &f.registration_closes_at, tz, schedule.as_ref().ok());
        DomainError::collect([
            mode.clone().err(),
            window.clone().err(),
            title.clone().err(),
            description.clone().err(),
            schedule.clone().err(),
            capacity.clone().err(),
            online.clone().err(),
            promotion.clone().err(),
        ])?;
        Ok(Self {
            title: title?,
            description: description?,
            schedule: schedule?,
            capacity: capacity?,
            online_link: online?,
            promotion_links: promotion?,
            waitlist_mode: mode?,
            window: window?,
        })
    }
}

/// At most this many promotion links per event.
pub const MAX_PROMOTION_LINKS: usize = 10;

fn parse_promotion_links(raw: &str, ticketing_hosts: &[String]) -> Result<Vec<WebLink>, DomainError> {
    let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() > MAX_PROMOTION_LINKS {
        return Err(DomainError::field("promotion_links", "too_many_links"));
    }
    let mut links = Vec::new();
    for line in lines {
        let link = WebLink::parse(line, "promotion_links")?;
        check_promotion_link(&link, ticketing_hosts)?;
        links.push(link);
    }
    Ok(links)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn ug17_only_time_place_and_link_changes_of_a_published_event_are_told() {
        let start = Utc::now() + Duration::days(3);
        let details = |hours: i64, link: Option<&str>| EventDetails {
            title: Title::parse("Meetup").unwrap_or_else(|_| unreachable!()),
            description: LongText::parse("", "description", false).unwrap_or_else(|_| unreachable!()),
            schedule: Schedule::new(start + Duration::hours(hours), start + Duration::hours(hours + 2))
                .unwrap_or_else(|_| unreachable!()),
            capacity: Capacity::new(10).unwrap_or_else(|_| unreachable!()),
            online_link: link.map(|l| WebLink::parse(l, "online_link").unwrap_or_else(|_| unreachable!())),
            promotion_links: vec![],
            waitlist_mode: WaitlistMode::Automatic,
            window: RegistrationWindow::default(),
        };
        let (a, moved, linked) = (details(0, None), details(1, None), details(0, Some("https://meet.example.org/x")));
        let p = EventStatus::Published;
        assert_eq!(EventChange::between((&a, Some(1)), (&a, Some(1)), p), EventChange::default());
        let renamed = EventDetails { title: Title::parse("Renamed").unwrap_or_else(|_| unreachable!()), ..a.clone() };
        assert!(!EventChange::between((&a, Some(1)), (&renamed, Some(1)), p).any(), "a title alone");
        assert_eq!(
            EventChange::between((&a, Some(1)), (&moved, Some(1)), p),
            EventChange { time: true, ..Default::default() }
        );
        assert_eq!(
            EventChange::between((&a, Some(1)), (&a, Some(2)), p),
            EventChange { place: true, ..Default::default() }
        );
        assert_eq!(
            EventChange::between((&a, Some(1)), (&linked, Some(1)), p),
            EventChange { link: true, ..Default::default() }
        );
        for quiet in [EventStatus::Draft, EventStatus::Cancelled, EventStatus::Completed] {
            assert!(!EventChange::between((&a, Some(1)), (&moved, Some(2)), quiet).any(), "{quiet:?}: nobody to tell");
        }
    }

    #[test]
    fn ug14_a_published_event_completes_by_itself_hours_after_its_end() {
        let end = Utc::now();
        let due = |status, after_hours: i64| completes_by_itself(status, end, end + Duration::hours(after_hours), 12);
        assert!(!due(EventStatus::Published, 11), "not before the set time");
        assert!(due(EventStatus::Published, 12));
        assert!(due(EventStatus::Published, 400), "however late the job runs");
        for other in [EventStatus::Draft, EventStatus::Cancelled, EventStatus::Completed] {
            assert!(!due(other, 400), "{other:?} stays");
        }
    }

    #[test]
    fn ug14_drafts_are_seen_by_those_who_run_the_group_only() {
        assert!(!visible(EventStatus::Draft, false));
        assert!(visible(EventStatus::Draft, true));
        for s in [EventStatus::Published, EventStatus::Cancelled, EventStatus::Completed] {
            assert!(visible(s, false), "{s:?}");
        }
    }

    #[test]
    fn ug14_the_online_link_goes_to_confirmed_seats_and_leaders() {
        use crate::registration::RegistrationStatus as R;
        assert!(sees_online_link(true, None));
        assert!(sees_online_link(false, Some(R::Confirmed)));
        assert!(!sees_online_link(false, Some(R::Waitlisted)));
        assert!(!sees_online_link(false, Some(R::Cancelled)));
        assert!(!sees_online_link(false, None));
    }

    fn lisbon() -> TimeZone {
        TimeZone::parse("Europe/Lisbon").unwrap_or(TimeZone::UTC)
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    }

    fn facts(start: &str) -> EventFacts {
        EventFacts { starts_at: at(start), ends_at: at(start) + Duration::hours(2), has_location: true }
    }

    #[test]
    fn ug14_life_cycle() {
        use EventCommand::*;
        use EventStatus::*;
        let ev = facts("2026-12-01T18:00:00Z");
        let before = at("2026-11-30T00:00:00Z");
        let during = at("2026-12-01T19:00:00Z");
        let after = at("2026-12-01T20:00:00Z");
        assert_eq!(Draft.apply(Publish, &ev, before), Ok(Published));
        assert_eq!(Draft.apply(Cancel, &ev, before), Ok(Cancelled));
        assert_eq!(Published.apply(Cancel, &ev, before), Ok(Cancelled));
        assert_eq!(Published.apply(Complete, &ev, after), Ok(Completed), "completed once it has ended");
        assert!(Published.apply(Complete, &ev, before).is_err(), "cannot complete before it starts");
        assert_eq!(
            Published.apply(Complete, &ev, during),
            Err(DomainError::field("status", "event_not_ended")),
            "UG-10: nor while it is under way"
        );
        assert!(Draft.apply(Complete, &ev, during).is_err(), "a draft is never held");
        for done in [Cancelled, Completed] {
            for cmd in [Publish, Cancel, Complete] {
                assert!(matches!(done.apply(cmd, &ev, during), Err(DomainError::EventStateConflict { .. })));
            }
            assert!(!done.is_editable());
        }
        assert!(matches!(Published.apply(Publish, &ev, before), Err(DomainError::EventStateConflict { .. })));
    }

    fn schedule(start: &str) -> Schedule {
        let f = facts(start);
        Schedule { starts_at: f.starts_at, ends_at: f.ends_at }
    }

    #[test]
    fn ug10_ug14_a_published_event_never_moves_into_the_past() {
        let now = at("2026-12-01T12:00:00Z");
        let old = schedule("2026-12-20T18:00:00Z");
        let past = schedule("2026-11-01T18:00:00Z");
        assert_eq!(
            check_reschedule(EventStatus::Published, old, past, now),
            Err(DomainError::field("starts_at", "event_moved_into_past"))
        );
        assert_eq!(check_reschedule(EventStatus::Draft, old, past, now), Ok(()), "a draft counts for nothing");
        assert_eq!(check_reschedule(EventStatus::Published, old, schedule("2026-12-27T18:00:00Z"), now), Ok(()));
        // Under way: the start stays, the end moves later, or not into the past.
        let running = schedule("2026-12-01T11:00:00Z");
        let longer = Schedule { ends_at: running.ends_at + Duration::hours(1), ..running };
        assert_eq!(check_reschedule(EventStatus::Published, running, longer, now), Ok(()));
        let ended = Schedule { ends_at: now - Duration::minutes(1), ..running };
        assert_eq!(
            check_reschedule(EventStatus::Published, running, ended, now),
            Err(DomainError::field("ends_at", "event_moved_into_past"))
        );
    }

    #[test]
    fn ug14_event_dates_stay_in_a_plausible_window() {
        let now = at("2026-12-01T12:00:00Z");
        assert_eq!(check_plausible(schedule("2026-12-20T18:00:00Z"), now, 730), Ok(()));
        assert_eq!(check_plausible(schedule("2026-12-01T08:00:00Z"), now, 730), Ok(()), "entered as it starts");
        assert_eq!(check_plausible(schedule("2026-03-01T08:00:00Z"), now, 730), Ok(()), "history entered later");
        assert_eq!(
            check_plausible(schedule("1900-01-01T18:00:00Z"), now, 730),
            Err(DomainError::field("starts_at", "event_too_far_past"))
        );
        assert_eq!(
            check_plausible(schedule("9999-01-01T18:00:00Z"), now, 730),
            Err(DomainError::field("starts_at", "event_too_far_ahead"))
        );
        assert!(check_plausible(schedule("2029-01-01T18:00:00Z"), now, 730).is_err());
    }

    #[test]
    fn ug14_a_walk_in_takes_a_free_seat_and_never_overbooks() {
        let cap = Capacity::new(3).unwrap_or_else(|_| unreachable!());
        assert_eq!(seat_for_walk_in(cap, 0), Ok(()));
        assert_eq!(seat_for_walk_in(cap, 2), Ok(()));
        assert_eq!(seat_for_walk_in(cap, 3), Err(DomainError::EventFull { capacity: 3 }));
        assert_eq!(seat_for_walk_in(cap, 9), Err(DomainError::EventFull { capacity: 3 }), "already over: still no");
    }

    #[test]
    fn ug14_the_door_opens_shortly_before_the_start_and_closes_after_the_end() {
        let ev = schedule("2026-12-20T18:00:00Z");
        let door = |now: &str| door_open(ev, at(now), 120, 24);
        assert_eq!(door("2026-11-30T18:00:00Z"), Err(DomainError::field("ticket_code", "door_not_open_yet")));
        assert_eq!(door("2026-12-20T15:59:00Z"), Err(DomainError::field("ticket_code", "door_not_open_yet")));
        assert_eq!(door("2026-12-20T16:00:00Z"), Ok(()));
        assert_eq!(door("2026-12-20T19:00:00Z"), Ok(()));
        assert_eq!(door("2026-12-21T20:00:00Z"), Ok(()), "a list typed in the next day");
        assert_eq!(door("2026-12-21T20:01:00Z"), Err(DomainError::field("ticket_code", "door_closed")));
    }

    #[test]
    fn ug14_publishing_needs_a_place_and_a_future() {
        let mut ev = facts("2026-12-01T18:00:00Z");
        ev.has_location = false;
        let now = at("2026-11-01T00:00:00Z");
        assert_eq!(
            EventStatus::Draft.apply(EventCommand::Publish, &ev, now),
            Err(DomainError::field("venue_id", "location_required"))
        );
        let past = facts("2020-01-01T18:00:00Z");
        assert!(EventStatus::Draft.apply(EventCommand::Publish, &past, now).is_err());
    }

    #[test]
    fn ug14_a_registration_window_is_checked_against_itself_and_the_event() {
        let tz = TimeZone::parse("Europe/Lisbon").unwrap_or_else(|_| unreachable!());
        let s =
            Schedule::new(at("2026-12-10T18:00:00Z"), at("2026-12-10T20:00:00Z")).unwrap_or_else(|_| unreachable!());
        let ok = RegistrationWindow::parse("2026-12-01T09:00", "2026-12-09T12:00", tz, Some(&s));
        assert_eq!(ok.map(|w| w.opens_at), Ok(Some(at("2026-12-01T09:00:00Z"))), "local time in the group's zone");
        assert_eq!(RegistrationWindow::parse("", "", tz, Some(&s)), Ok(RegistrationWindow::default()));
        let code = |r: Result<RegistrationWindow, DomainError>| format!("{:?}", r.err());
        assert!(code(RegistrationWindow::parse("2026-12-05T09:00", "2026-12-04T09:00", tz, Some(&s)))
            .contains("closes_before_opens"));
        assert!(code(RegistrationWindow::parse("", "2026-12-11T09:00", tz, Some(&s))).contains("closes_after_event"));
        assert!(code(RegistrationWindow::parse("2026-12-11T09:00", "", tz, Some(&s))).contains("opens_after_start"));
        assert!(code(RegistrationWindow::parse("2026-12-10T18:30", "", tz, Some(&s))).contains("opens_after_start"));
        let both = code(RegistrationWindow::parse("2026-12-10T19:00", "2026-12-10T18:45", tz, Some(&s)));
        assert!(both.contains("closes_before_opens") && both.contains("opens_after_start"), "both at once: {both}");
        assert!(code(RegistrationWindow::parse("soon", "", tz, Some(&s))).contains("registration_opens_at"));
    }

    #[test]
    fn ug14_registration_opens_on_publishing_and_closes_at_the_end() {
        let end = at("2026-12-01T20:00:00Z");
        let before = at("2026-12-01T10:00:00Z");
        let always = RegistrationWindow::default();
        assert!(registration_open(EventStatus::Published, &always, end, before));
        assert!(!registration_open(EventStatus::Draft, &always, end, before));
        assert!(!registration_open(EventStatus::Cancelled, &always, end, before));
        assert!(!registration_open(EventStatus::Published, &always, end, end));
        // A window: not before it opens, not after it closes.
        let hour = Duration::hours(1);
        let window = RegistrationWindow { opens_at: Some(before + hour), closes_at: Some(before + hour * 3) };
        assert!(!registration_open(EventStatus::Published, &window, end, before));
        assert!(registration_open(EventStatus::Published, &window, end, before + hour));
        assert!(!registration_open(EventStatus::Published, &window, end, before + hour * 3));
        assert_eq!(window.state(before), WindowState::NotYet(before + hour));
        assert_eq!(window.state(before + hour * 4), WindowState::Closed(before + hour * 3));
    }

    #[test]
    fn ug14_never_overbooked() {
        let cap = Capacity::new(3).unwrap_or(Capacity(1));
        assert_eq!(place(cap, 0), Placement::Confirmed);
        assert_eq!(place(cap, 2), Placement::Confirmed);
        assert_eq!(place(cap, 3), Placement::Waitlisted);
        assert_eq!(place(cap, 7), Placement::Waitlisted);
        assert_eq!(seats_to_fill(cap, 1), 2);
        assert_eq!(seats_to_fill(cap, 5), 0);
        assert!(check_capacity_change(cap, 3).is_ok());
        assert!(check_capacity_change(cap, 4).is_err());
    }

    #[test]
    fn ug14_capacity_bounds() {
        assert!(Capacity::parse("0").is_err());
        assert!(Capacity::parse("-5").is_err());
        assert!(Capacity::parse("ten").is_err());
        assert!(Capacity::parse("100001").is_err());
        assert_eq!(Capacity::parse(" 100 ").map(|c| c.get()), Ok(100));
    }

    #[test]
    fn ug14_held_means_completed_with_a_checkin() {
        assert!(counts_as_held(EventStatus::Completed, 1));
        assert!(!counts_as_held(EventStatus::Completed, 0));
        assert!(!counts_as_held(EventStatus::Published, 10));
    }

    #[test]
    fn ug5_ticketing_sites_are_refused_with_their_subdomains() {
        let hosts = vec!["eventbrite.com".to_owned(), "meetup.com".to_owned()];
        let link = |s: &str| WebLink::parse(s, "promotion_links");
        for bad in ["https://www.eventbrite.com/e/123", "https://pt.eventbrite.com/x", "http://MEETUP.com/g"] {
            assert_eq!(
                link(bad).and_then(|l| check_promotion_link(&l, &hosts)),
                Err(DomainError::field("promotion_links", "registration_link_refused")),
                "{bad}"
            );
        }
        for ok in ["https://blog.example.org/post", "https://notmeetup.com/", "https://youtube.com/watch?v=1"] {
            assert!(link(ok).and_then(|l| check_promotion_link(&l, &hosts)).is_ok(), "{ok}");
        }
    }

    #[test]
    fn ug14_local_times_follow_daylight_saving() {
        let tz = lisbon();
        // Winter: Lisbon is UTC+0; summer: UTC+1.
        let winter = Schedule::parse("2026-01-15T18:30", "2026-01-15T20:30", tz);
        assert_eq!(winter.map(|s| s.starts_at), Ok(at("2026-01-15T18:30:00Z")));
        let summer = Schedule::parse("2026-07-15T18:30", "2026-07-15T20:30", tz);
        assert_eq!(summer.map(|s| s.starts_at), Ok(at("2026-07-15T17:30:00Z")));
        // An event across the spring change (29 March 2026, 01:00 → 02:00)
        // lasts one hour less than the wall clock says.
        let across = Schedule::parse("2026-03-29T00:30", "2026-03-29T03:30", tz);
        assert_eq!(across.map(|s| s.ends_at - s.starts_at), Ok(Duration::hours(2)));
        // 01:30 that morning never happens.
        assert_eq!(
            Schedule::parse("2026-03-29T01:30", "2026-03-29T03:00", tz),
            Err(DomainError::field("starts_at", "time_skipped_by_dst"))
        );
        // 01:30 on 25 October happens twice; the first (summer time) is meant.
        let naive = NaiveDate::from_ymd_opt(2026, 10, 25).and_then(|d| d.and_hms_opt(1, 30, 0));
        assert_eq!(naive.and_then(|n| local_to_utc(n, tz)), Some(at("2026-10-25T00:30:00Z")));
        assert_eq!(to_local_input(at("2026-07-15T17:30:00Z"), tz), "2026-07-15T18:30");
    }

    #[test]
    fn ug14_schedule_accepts_rfc3339_and_refuses_nonsense() {
        let tz = lisbon();
        let s = Schedule::parse("2026-07-15T18:30:00+02:00", "2026-07-15T20:00:00+02:00", tz);
        assert_eq!(s.map(|s| s.starts_at), Ok(at("2026-07-15T16:30:00Z")));
        assert!(Schedule::parse("tomorrow", "2026-07-15T20:00", tz).is_err());
        assert_eq!(
            Schedule::parse("2026-07-15T20:00", "2026-07-15T18:00", tz),
            Err(DomainError::field("ends_at", "ends_before_start"))
        );
        assert!(Schedule::parse("2026-07-01T20:00", "2026-07-30T18:00", tz).is_err());
    }

    #[test]
    fn ug14_ug5_details_report_every_problem() {
        let f = EventFields {
            title: String::new(),
            capacity: "0".into(),
            starts_at: "x".into(),
            ends_at: "2026-07-15T20:00".into(),
            promotion_links: "https://lu.ma/abc".into(),
            ..Default::default()
        };
        let Err(DomainError::Invalid(errs)) = EventDetails::parse(&f, lisbon(), &["lu.ma".to_owned()]) else {
            panic!("accepted")
        };
        let fields: Vec<_> = errs.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("title", "required"),
                ("starts_at", "datetime_invalid"),
                ("capacity", "capacity_invalid"),
                ("promotion_links", "registration_link_refused")
            ]
        );
    }
}
