//! Applications to lead a group (UG-2) and co-leaders (UG-4): applying,
//! nominating, interviews, notes, appointment or decline. The applicant is
//! emailed at each step; every step is audited.

use chrono::{DateTime, Duration, Utc};
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::group::{GroupFields, GroupProfile};
use guildhall_domain::ids::{GroupId, LeaderApplicationId, MemberId, RegionId, SlotId};
use guildhall_domain::leadership::{
    check_interview_held, parse_application, parse_slots, ApplicationCommand, ApplicationFields, ApplicationStatus,
    Target, INTERVIEW_MINUTES,
};
use guildhall_domain::values::{EmailAddress, LongText, Reason};
use guildhall_domain::DomainError;
use guildhall_storage::leader_applications::{self as apps, LeaderApplication, NewApplication, Slot};
use guildhall_storage::members;
use guildhall_storage::{audit, groups, regions};
use serde_json::json;

use super::{entry, notify};
use super::{Services, Work};
use crate::error::AppError;

/// Where an application goes: an existing group, or a new one in a region.
pub enum ApplyTo {
    Group(GroupId),
    NewGroup(RegionId),
}

async fn guidelines_version(svc: &Services) -> Result<i64, AppError> {
    Ok(svc.settings().await?.int("leaders.guidelines_version"))
}

fn link(svc: &Services, id: LeaderApplicationId) -> String {
    svc.links.to(&format!("/applications/lead/{id}"))
}

/// Emails the applicant about a step (`kind`), with the group and a link.
async fn tell_applicant(
    svc: &Services,
    tx: &mut Work,
    a: &LeaderApplication,
    kind: &'static str,
    extra: &[(&'static str, &str)],
) -> Result<(), AppError> {
    let m = members::by_id(svc.db.reader(), a.member_id).await?.ok_or(DomainError::NotFound)?;
    let url = link(svc, a.id);
    let mut args = vec![("name", m.name.as_str()), ("group", a.target_name()), ("link", url.as_str())];
    args.extend_from_slice(extra);
    notify::queue(tx, Some(m.id), &m.email, m.locale, kind, &args).await
}

/// Tells the region's community managers there is something to do.
async fn tell_managers(
    svc: &Services,
    tx: &mut Work,
    a: &LeaderApplication,
    kind: &'static str,
) -> Result<(), AppError> {
    let url = link(svc, a.id);
    for m in members::holders(svc.db.reader(), Role::CommunityManager(a.region_id)).await? {
        let args = [
            ("name", m.name.as_str()),
            ("applicant", a.member_name.as_str()),
            ("group", a.target_name()),
            ("link", url.as_str()),
        ];
        notify::queue(tx, Some(m.id), &m.email, m.locale, kind, &args).await?;
    }
    Ok(())
}

async fn load(svc: &Services, id: LeaderApplicationId) -> Result<LeaderApplication, AppError> {
    Ok(apps::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?)
}

/// Loads an application the actor may read (the applicant, the region's
/// managers, admins).
#[tracing::instrument(skip_all)]
pub async fn readable(svc: &Services, actor: &Actor, id: LeaderApplicationId) -> Result<LeaderApplication, AppError> {
    let a = load(svc, id).await?;
    authorize(actor, Action::ReadLeaderApplication { applicant: a.member_id, region: a.region_id })
        .map_err(|_| DomainError::NotFound)?;
    Ok(a)
}

/// UG-2: a member applies to lead a group or found one.
#[tracing::instrument(skip_all)]
pub async fn apply(
    svc: &Services,
    actor: &Actor,
    to: ApplyTo,
    fields: &ApplicationFields,
) -> Result<LeaderApplicationId, AppError> {
    let (region, group) = match to {
        ApplyTo::Group(g) => {
            let g = groups::by_id(svc.db.reader(), g).await?.ok_or(DomainError::NotFound)?;
            if actor.leads_group(g.id) {
                return Err(DomainError::field("group", "already_leader").into());
            }
            (g.region_id, Some(g.id))
        }
        ApplyTo::NewGroup(r) => {
            regions::get(svc.db.reader(), r).await?.ok_or(DomainError::field("region_id", "region_unknown"))?;
            (r, None)
        }
    };
    let version = guidelines_version(svc).await?;
    let (exp, target, version) = parse_application(fields, group.is_none(), version)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if apps::has_open(&mut tx, actor.member_id, region, group).await? {
        return Err(DomainError::OpenApplicationExists.into());
    }
    let new = NewApplication {
        member: actor.member_id,
        region,
        group,
        target: &target,
        experience: Some(&exp),
        guidelines_version: Some(version),
        nominated_by: None,
        status: ApplicationStatus::Submitted,
    };
    let id = apps::insert(&mut tx, new, now).await?;
    let details = json!({"group": group.map(|g| g.to_string()), "guidelines_version": version});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "leader_application.submitted", "leader_application", id, None, details),
        now,
    )
    .await?;
    let a = apps::get(tx.conn(), id).await?.ok_or(DomainError::NotFound)?;
    tell_applicant(svc, &mut tx, &a, "lead-application-received", &[]).await?;
    tell_managers(svc, &mut tx, &a, "lead-application-task").await?;
    tx.commit().await?;
    Ok(id)
}

/// UG-4: a leader nominates a co-leader by email. The answer is the same
/// whether the address has an account, or an open application, or not:
/// nominating is no way to learn who is a member (the nominee is emailed,
/// and the leader sees them once they apply).
#[tracing::instrument(skip_all)]
pub async fn nominate(svc: &Services, actor: &Actor, group: GroupId, email: &str) -> Result<(), AppError> {
    super::groups::managed(svc, actor, group).await?;
    let email = EmailAddress::parse(email).map_err(|_| DomainError::field("nominee", "email_invalid"))?;
    let Some(nominee) = members::by_email(svc.db.reader(), &email).await? else { return Ok(()) };
    nominate_member(svc, actor, group, nominee.id).await
}

/// UG-4: a leader nominates a member found by name (the picker): the same
/// as by email, once the member is known.
#[tracing::instrument(skip_all)]
pub async fn nominate_member(svc: &Services, actor: &Actor, group: GroupId, member: MemberId) -> Result<(), AppError> {
    let g = super::groups::managed(svc, actor, group).await?;
    let nominee = members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    if members::roles(svc.db.reader(), nominee.id).await?.contains(&Role::GroupLeader(g.id)) {
        // The group's leaders are on its public page: saying so tells nothing.
        return Err(DomainError::field("nominee", "already_leader").into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if apps::has_open(&mut tx, nominee.id, g.region_id, Some(g.id)).await? {
        return Ok(());
    }
    let new = NewApplication {
        member: nominee.id,
        region: g.region_id,
        group: Some(g.id),
        target: &Target::Existing,
        experience: None,
        guidelines_version: None,
        nominated_by: Some(actor.member_id),
        status: ApplicationStatus::Draft,
    };
    let id = apps::insert(&mut tx, new, now).await?;
    let details = json!({"group": g.id.to_string(), "nominee": nominee.id.to_string()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "leader_application.nominated", "leader_application", id, None, details),
        now,
    )
    .await?;
    let a = apps::get(tx.conn(), id).await?.ok_or(DomainError::NotFound)?;
    tell_applicant(svc, &mut tx, &a, "lead-nominated", &[]).await?;
    tx.commit().await?;
    Ok(())
}

/// UG-4: the nominee completes a nomination and submits it.
#[tracing::instrument(skip_all)]
pub async fn submit_nomination(
    svc: &Services,
    actor: &Actor,
    id: LeaderApplicationId,
    fields: &ApplicationFields,
) -> Result<(), AppError> {
    let a = readable(svc, actor, id).await?;
    if a.member_id != actor.member_id {
        return Err(DomainError::Forbidden.into());
    }
    let to = a.status.apply(ApplicationCommand::Submit)?;
    let (exp, _, version) = parse_application(fields, false, guidelines_version(svc).await?)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    apps::set_experience(&mut tx, id, &exp, version).await?;
    apps::set_status(&mut tx, id, a.status, to, now).await?;
    audit::record(
        &mut tx,
        entry(
            Some(actor.member_id),
            "leader_application.submitted",
            "leader_application",
            id,
            None,
            json!({"guidelines_version": version}),
        ),
        now,
    )
    .await?;
    tell_applicant(svc, &mut tx, &a, "lead-application-received", &[]).await?;
    tell_managers(svc, &mut tx, &a, "lead-application-task").await?;
    tx.commit().await?;
    Ok(())
}

async fn reviewed(svc: &Services, actor: &Actor, id: LeaderApplicationId) -> Result<LeaderApplication, AppError> {
    let a = readable(svc, actor, id).await?;
    authorize(actor, Action::ReviewLeaderApplications(a.region_id))?;
    Ok(a)
}

/// UG-2: the manager proposes interview times, given in their own zone.
#[tracing::instrument(skip_all)]
pub async fn propose_times(
    svc: &Services,
    actor: &Actor,
    id: LeaderApplicationId,
    raw: &[String],
) -> Result<Vec<DateTime<Utc>>, AppError> {
    let a = reviewed(svc, actor, id).await?;
    let to = a.status.apply(ApplicationCommand::ProposeTimes)?;
    let me = members::by_id(svc.db.reader(), actor.member_id).await?.ok_or(DomainError::NotFound)?;
    let now = Utc::now();
    let times = parse_slots(raw, me.time_zone, now)?;
    let mut tx = svc.begin().await?;
    apps::replace_slots(&mut tx, id, &times, INTERVIEW_MINUTES, actor.member_id).await?;
    apps::set_status(&mut tx, id, a.status, to, now).await?;
    let details = json!({"times": times.iter().map(|t| t.to_rfc3339()).collect::<Vec<_>>()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "leader_application.interview_proposed", "leader_application", id, None, details),
        now,
    )
    .await?;
    tell_applicant(svc, &mut tx, &a, "lead-interview-proposed", &[]).await?;
    tx.commit().await?;
    Ok(times)
}

/// UG-2: the applicant picks a time and gets a calendar invite.
#[tracing::instrument(skip_all)]
pub async fn pick_time(svc: &Services, actor: &Actor, id: LeaderApplicationId, slot: SlotId) -> Result<Slot, AppError> {
    let a = readable(svc, actor, id).await?;
    if a.member_id != actor.member_id {
        return Err(DomainError::Forbidden.into());
    }
    let to = a.status.apply(ApplicationCommand::PickTime)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let chosen = apps::choose_slot(&mut tx, id, slot, now).await?;
    apps::set_status(&mut tx, id, a.status, to, now).await?;
    let details = json!({"at": chosen.starts_at.to_rfc3339()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "leader_application.interview_scheduled", "leader_application", id, None, details),
        now,
    )
    .await?;
    let me = members::by_id(svc.db.reader(), actor.member_id).await?.ok_or(DomainError::NotFound)?;
    let when = me.time_zone.format(chosen.starts_at);
    let invite = svc.links.to(&format!("/applications/lead/{id}/interview.ics"));
    tell_applicant(
        svc,
        &mut tx,
        &a,
        "lead-interview-scheduled",
        &[("when", when.as_str()), ("invite", invite.as_str())],
    )
    .await?;
    tell_managers(svc, &mut tx, &a, "lead-interview-task").await?;
    tx.commit().await?;
    Ok(chosen)
}

/// UG-2: the manager's interview notes (private to managers).
#[tracing::instrument(skip_all)]
pub async fn record_notes(svc: &Services, actor: &Actor, id: LeaderApplicationId, notes: &str) -> Result<(), AppError> {
    let a = reviewed(svc, actor, id).await?;
    if !a.status.is_open() || a.status == ApplicationStatus::Draft {
        return Err(DomainError::StateConflict { what: "application", from: a.status.as_str(), to: "noted" }.into());
    }
    let notes = LongText::parse(notes, "notes", true)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    apps::set_notes(&mut tx, id, notes.as_str(), now).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "leader_application.notes", "leader_application", id, None, json!({})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Which group a founding application's new leader leads (UG-1, UG-2).
pub enum Founding {
    /// A group of the region that already exists.
    Existing(GroupId),
    /// The proposed group, created by the appointment with the applicant
    /// as its leader. An empty name or city is the application's.
    Create(GroupFields),
}

/// UG-2: appoints the applicant once the interview was held, with a
/// reason. An application to found a group names the group (`founding`):
/// one of the region's, or the proposed one, created in the same
/// transaction so that it is never without its leader.
#[tracing::instrument(skip_all)]
pub async fn appoint(
    svc: &Services,
    actor: &Actor,
    id: LeaderApplicationId,
    reason: &str,
    founding: Option<Founding>,
) -> Result<GroupId, AppError> {
    let a = reviewed(svc, actor, id).await?;
    let to = a.status.apply(ApplicationCommand::Appoint)?;
    check_interview_held(a.interview_at, Utc::now())?;
    let reason = Reason::parse(reason)?;
    let mut create = None;
    let chosen = match (a.group_id, founding) {
        (Some(g), _) => Some(g),
        (None, Some(Founding::Existing(g))) => {
            let g = groups::by_id(svc.db.reader(), g).await?.ok_or(DomainError::field("group", "group_unknown"))?;
            if g.region_id != a.region_id {
                return Err(DomainError::field("group", "group_unknown").into());
            }
            Some(g.id)
        }
        (None, Some(Founding::Create(mut f))) => {
            if f.name.trim().is_empty() {
                f.name = a.proposed_name.clone();
            }
            if f.city.trim().is_empty() {
                f.city = a.proposed_city.clone();
            }
            if f.description.trim().is_empty() {
                f.description = format!("{}: developers in {} who build on the platform.", f.name, f.city);
            }
            create = Some(GroupProfile::parse(&f)?);
            None
        }
        (None, None) => return Err(DomainError::field("group", "group_required").into()),
    };
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let group_id = match (chosen, &create) {
        (Some(g), _) => g,
        (None, Some(profile)) => {
            let gid = groups::insert(&mut tx, a.region_id, profile, now).await?;
            let details = json!({"slug": profile.slug.as_str(), "name": profile.name.as_str(),
                "region": a.region_id.to_string(), "founded_by_application": id.to_string()});
            audit::record(&mut tx, entry(Some(actor.member_id), "group.created", "group", gid, None, details), now)
                .await?;
            gid
        }
        (None, None) => return Err(DomainError::field("group", "group_required").into()),
    };
    apps::set_status(&mut tx, id, a.status, to, now).await?;
    apps::set_decision(&mut tx, id, reason.as_str(), actor.member_id, Some(group_id)).await?;
    if members::grant(&mut tx, a.member_id, Role::GroupLeader(group_id), Some(actor.member_id), now).await? {
        let details = json!({"role": "group_leader", "group": group_id.to_string()});
        audit::record(
            &mut tx,
            entry(Some(actor.member_id), "role.granted", "member", a.member_id, Some(reason.as_str()), details),
            now,
        )
        .await?;
    }
    audit::record(
        &mut tx,
        entry(
            Some(actor.member_id),
            "leader_application.appointed",
            "leader_application",
            id,
            Some(reason.as_str()),
            json!({"group": group_id.to_string()}),
        ),
        now,
    )
    .await?;
    let a = apps::get(tx.conn(), id).await?.ok_or(DomainError::NotFound)?;
    tell_applicant(svc, &mut tx, &a, "lead-appointed", &[("reason", reason.as_str())]).await?;
    tx.commit().await?;
    Ok(group_id)
}

/// UG-2: declines with a reason the applicant reads.
#[tracing::instrument(skip_all)]
pub async fn decline(svc: &Services, actor: &Actor, id: LeaderApplicationId, reason: &str) -> Result<(), AppError> {
    let a = reviewed(svc, actor, id).await?;
    let to = a.status.apply(ApplicationCommand::Decline)?;
    let reason = Reason::parse(reason)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    apps::set_status(&mut tx, id, a.status, to, now).await?;
    apps::set_decision(&mut tx, id, reason.as_str(), actor.member_id, None).await?;
    audit::record(
        &mut tx,
        entry(
            Some(actor.member_id),
            "leader_application.declined",
            "leader_application",
            id,
            Some(reason.as_str()),
            json!({}),
        ),
        now,
    )
    .await?;
    tell_applicant(svc, &mut tx, &a, "lead-declined", &[("reason", reason.as_str())]).await?;
    tx.commit().await?;
    Ok(())
}

/// The applicant withdraws an open application.
#[tracing::instrument(skip_all)]
pub async fn withdraw(svc: &Services, actor: &Actor, id: LeaderApplicationId) -> Result<(), AppError> {
    let a = readable(svc, actor, id).await?;
    if a.member_id != actor.member_id {
        return Err(DomainError::Forbidden.into());
    }
    let to = a.status.apply(ApplicationCommand::Withdraw)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    apps::set_status(&mut tx, id, a.status, to, now).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "leader_application.withdrawn", "leader_application", id, None, json!({})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The chosen interview as (start, end), for the calendar invite.
#[tracing::instrument(skip_all)]
pub async fn interview(
    svc: &Services,
    actor: &Actor,
    id: LeaderApplicationId,
) -> Result<(LeaderApplication, DateTime<Utc>, DateTime<Utc>), AppError> {
    let a = readable(svc, actor, id).await?;
    let slot = apps::slots(svc.db.reader(), id).await?.into_iter().find(|s| s.chosen).ok_or(DomainError::NotFound)?;
    Ok((a, slot.starts_at, slot.starts_at + Duration::minutes(slot.minutes)))
}

/// The member's own applications and, for managers, their regions' open ones.
#[tracing::instrument(skip_all)]
pub async fn visible(
    svc: &Services,
    actor: &Actor,
) -> Result<(Vec<LeaderApplication>, Vec<LeaderApplication>), AppError> {
    let mine = apps::of_member(svc.db.reader(), actor.member_id).await?;
    let mut to_review = Vec::new();
    for r in regions::list(svc.db.reader()).await? {
        if authorize(actor, Action::ReviewLeaderApplications(r.id)).is_ok() {
            to_review.extend(apps::of_region(svc.db.reader(), r.id, false).await?);
        }
    }
    Ok((mine, to_review))
}

/// Proposed interview times of an application already read with
/// [`readable`] (so the caller's right was checked).
#[tracing::instrument(skip_all)]
pub async fn slots(svc: &Services, a: &LeaderApplication) -> Result<Vec<Slot>, AppError> {
    Ok(apps::slots(svc.db.reader(), a.id).await?)
}

/// UG-4: a leader marks the group "co-leader wanted" (or not); the
/// community managers are told when it turns on.
#[tracing::instrument(skip_all)]
pub async fn set_coleader_wanted(svc: &Services, actor: &Actor, group: GroupId, wanted: bool) -> Result<(), AppError> {
    let g = super::groups::managed(svc, actor, group).await?;
    if g.coleader_wanted == wanted {
        return Ok(());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    groups::set_coleader_wanted(&mut tx, g.id, wanted, now).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "group.coleader_wanted", "group", g.id, None, json!({"wanted": wanted})),
        now,
    )
    .await?;
    if wanted {
        let url = svc.links.to(&format!("/groups/{}", g.profile.slug));
        for m in members::holders(svc.db.reader(), Role::CommunityManager(g.region_id)).await? {
            let args = [("name", m.name.as_str()), ("group", g.profile.name.as_str()), ("link", url.as_str())];
            notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "coleader-wanted", &args).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
