//! Code-of-conduct reports (UG-8). Anyone reports; the report reaches the
//! group's leaders and its community manager, or only the manager and
//! program staff when it concerns a leader. Nobody learns who reported:
//! the reporter's address is used to tell them about their report and is
//! kept out of pages, API answers, the audit log and other emails.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::conduct::{NewReport, ReportFields, ReportStatus};
use guildhall_domain::ids::{EventId, ReportId};
use guildhall_domain::rate_limit::RateLimit;
use guildhall_domain::values::{Locale, LongText};
use guildhall_domain::DomainError;
use guildhall_storage::conduct_reports::{self as reports, Arrival, Note, Report};
use guildhall_storage::groups::Group;
use guildhall_storage::members::{self, Member};
use guildhall_storage::page::{After, Page, MAX_LIMIT};
use guildhall_storage::{audit, events};
use serde_json::json;

use super::{entry, limits, notify};
use super::{Services, Work};
use crate::error::AppError;

/// UG-8: one acknowledgement per reporter address per hour.
const ONE_ACK_PER_HOUR: RateLimit = RateLimit { max: 1, window_secs: 3600 };

fn action(r: &Report) -> Action {
    Action::HandleConductReport { group: r.group_id, region: r.region_id, concerns_leader: r.concerns_leader }
}

/// The people a report reaches (UG-8).
async fn circle(svc: &Services, g: &Group, concerns_leader: bool) -> Result<Vec<Member>, AppError> {
    let reader = svc.db.reader();
    let mut people = members::holders(reader, Role::CommunityManager(g.region_id)).await?;
    let others = if concerns_leader {
        members::holders(reader, Role::ProgramStaff).await?
    } else {
        members::holders(reader, Role::GroupLeader(g.id)).await?
    };
    for m in others {
        if !people.iter().any(|p| p.id == m.id) {
            people.push(m);
        }
    }
    Ok(people)
}

/// UG-8: files a report about a group or one of its events. `locale` is
/// the reporter's language for the acknowledgement; `client` their address.
///
/// Reports are limited per group, per network and per reporter address, the
/// last two under keyed hashes whose keys expire (`limits::Keyer`), so the
/// limits never tell who reported. An address gets one acknowledgement per
/// hour, however many reports name it: the form is no way to mail strangers.
#[tracing::instrument(skip_all)]
pub async fn report(
    svc: &Services,
    g: &Group,
    event: Option<EventId>,
    fields: &ReportFields,
    locale: Locale,
    client: &str,
) -> Result<ReportId, AppError> {
    let new = NewReport::parse(fields)?;
    let s = svc.settings().await?;
    let keyer = limits::Keyer::today(&svc.db).await?;
    let network = keyer.key(&guildhall_domain::rate_limit::network_of(client));
    limits::enforce(&svc.db, &format!("conduct-net:{network}"), s.rate_limit("conduct.reports_per_network_per_hour"))
        .await?;
    let reporter = new.reporter_email.as_ref().map(|email| keyer.key(email.as_str()));
    if let Some(r) = &reporter {
        limits::enforce(&svc.db, &format!("conduct-from:{r}"), s.rate_limit("conduct.reports_per_address_per_hour"))
            .await?;
    }
    // Past the group's limit a report is held, not refused: whoever floods
    // a group cannot keep a real report from reaching its circle.
    let held = !limits::allow(
        &svc.db,
        &format!("conduct-report:{}", g.id),
        s.rate_limit("conduct.reports_per_group_per_hour"),
    )
    .await?;
    let announce_flood = held && limits::allow(&svc.db, &format!("conduct-flood:{}", g.id), ONE_ACK_PER_HOUR).await?;
    let acknowledge = match &reporter {
        Some(r) => limits::allow(&svc.db, &format!("conduct-ack:{r}"), ONE_ACK_PER_HOUR).await?,
        None => false,
    };
    if let Some(e) = event {
        let ev = events::get(svc.db.reader(), e).await?.ok_or(DomainError::field("event_id", "event_unknown"))?;
        if ev.group_id != g.id {
            return Err(DomainError::field("event_id", "event_unknown").into());
        }
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = reports::insert(&mut tx, g.id, event, &new, Arrival { held, locale }, now).await?;
    // No actor and no reporter details: the audit log must not tell who reported.
    let details = json!({"group": g.id.to_string(), "concerns_leader": new.concerns_leader, "held": held});
    audit::record(&mut tx, entry(None, "conduct_report.received", "conduct_report", id, None, details), now).await?;
    if let Some(email) = new.reporter_email.as_ref().filter(|_| acknowledge) {
        let args = [("group", g.profile.name.as_str())];
        notify::queue(&mut tx, None, email, locale, "conduct-received", &args).await?;
    }
    // During a flood the circle hears once an hour, with the list to review.
    let (kind, url) = match (held, announce_flood) {
        (false, _) => (Some("conduct-task"), svc.links.to(&format!("/reports/{id}"))),
        (true, true) => (Some("conduct-flood"), svc.links.to("/reports?held=1")),
        (true, false) => (None, String::new()),
    };
    if let Some(kind) = kind {
        for m in circle(svc, g, new.concerns_leader).await? {
            let args = [("name", m.name.as_str()), ("group", g.profile.name.as_str()), ("link", url.as_str())];
            notify::queue(&mut tx, Some(m.id), &m.email, m.locale, kind, &args).await?;
        }
    }
    tx.commit().await?;
    Ok(id)
}

/// A report and its notes, for someone in its circle; anyone else is told
/// it does not exist.
#[tracing::instrument(skip_all)]
pub async fn get(svc: &Services, actor: &Actor, id: ReportId) -> Result<(Report, Vec<Note>), AppError> {
    let r = reports::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, action(&r)).map_err(|_| DomainError::NotFound)?;
    let notes = reports::notes(svc.db.reader(), id).await?;
    Ok((r, notes))
}

/// The reports the actor may handle, newest first.
#[tracing::instrument(skip_all)]
pub async fn visible(svc: &Services, actor: &Actor) -> Result<Vec<Report>, AppError> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = visible_page(svc, actor, None, MAX_LIMIT, after.as_ref()).await?;
        all.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => return Ok(all),
        }
    }
}

/// One page of the reports the caller may handle, newest first, after
/// `after`; `open` narrows to open (true) or closed (false) ones. Who may
/// see a report depends on the report (one about a leader leaves that
/// leader out), so reports are read in batches and kept until the page is
/// full: a page is never short while more follow.
pub async fn visible_page(
    svc: &Services,
    actor: &Actor,
    open: Option<bool>,
    limit: usize,
    after: Option<&After>,
) -> Result<Page<Report>, AppError> {
    let mut kept = Vec::new();
    let mut from = after.cloned();
    loop {
        let batch = reports::page(svc.db.reader(), open, MAX_LIMIT, from.as_ref()).await?;
        kept.extend(batch.items.into_iter().filter(|r| authorize(actor, action(r)).is_ok()));
        if kept.len() > limit || batch.next.is_none() {
            break;
        }
        from = batch.next;
    }
    Ok(Page::from_rows(kept, limit, reports::cursor_of))
}

/// UG-8: adds a private note and moves the report; the reporter who left
/// an address is told when it closes.
#[tracing::instrument(skip_all)]
pub async fn add_note(
    svc: &Services,
    actor: &Actor,
    id: ReportId,
    to: ReportStatus,
    body: &str,
) -> Result<ReportStatus, AppError> {
    let (r, _) = get(svc, actor, id).await?;
    let to = r.status.move_to(to)?;
    let body = LongText::parse(body, "note", true)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if to != r.status {
        reports::set_status(&mut tx, id, r.status, to, now).await?;
    }
    reports::add_note(&mut tx, id, actor.member_id, to, body.as_str(), now).await?;
    let details = json!({"from": r.status.as_str(), "to": to.as_str()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "conduct_report.noted", "conduct_report", id, None, details),
        now,
    )
    .await?;
    if to.is_closed() {
        tell_reporter_closed(&mut tx, id, &r, to).await?;
    }
    tx.commit().await?;
    Ok(to)
}

async fn tell_reporter_closed(tx: &mut Work, id: ReportId, r: &Report, to: ReportStatus) -> Result<(), AppError> {
    if let Some((email, locale)) = reports::reporter_email(tx, id).await? {
        let status = crate::i18n::Tr(locale).t(&format!("conduct-status-{}", to.as_str()));
        let args = [("group", r.group_name.as_str()), ("status", status.as_str())];
        notify::queue(tx, None, &email, locale, "conduct-closed", &args).await?;
    }
    Ok(())
}
