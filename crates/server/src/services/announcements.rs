//! UG-15: the community team writes to the leaders of a region or to a
//! program's members. The sender sees how many it will reach before it
//! goes; it goes through the outbox, each in their language, and is
//! audited and kept with how many it reached.

use std::collections::BTreeSet;

use chrono::Utc;
use guildhall_domain::access::{authorize, Actor};
use guildhall_domain::email_topic::Topic;
use guildhall_domain::follow::{announcement_recipients, Announcement, Audience};
use guildhall_domain::program::Program;
use guildhall_domain::DomainError;
use guildhall_storage::announcements::{self, Sent};
use guildhall_storage::members::{self, Member};
use guildhall_storage::{audit, groups, outbox, programs, regions};
use serde_json::json;

use super::notify::compose;
use super::{entry, Services};
use crate::error::AppError;

/// How many an announcement will reach, and how many of its audience
/// turned announcements off (PL-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    pub recipients: usize,
    pub opted_out: usize,
}

/// An audience the sender may write to, with its name for a picker.
pub struct Choice {
    pub audience: Audience,
    pub name: String,
}

/// The audiences `actor` may address: each region they may write to the
/// leaders of, then each program if they are program staff.
#[tracing::instrument(skip_all)]
pub async fn choices(svc: &Services, actor: &Actor) -> Result<Vec<Choice>, AppError> {
    let mut out: Vec<Choice> = regions::list(svc.db.reader())
        .await?
        .into_iter()
        .map(|r| Choice { audience: Audience::RegionLeaders(r.id), name: r.name.as_str().to_owned() })
        .collect();
    out.extend(Program::ALL.map(|p| Choice { audience: Audience::ProgramMembers(p), name: p.as_str().to_owned() }));
    out.retain(|c| authorize(actor, c.audience.action()).is_ok());
    Ok(out)
}

/// Everyone the audience names, before preferences: each member once.
async fn audience_members(svc: &Services, audience: Audience) -> Result<Vec<Member>, AppError> {
    let pool = svc.db.reader();
    let ids: Vec<_> = match audience {
        Audience::RegionLeaders(r) => {
            regions::get(pool, r).await?.ok_or(DomainError::field("audience", "audience_unknown"))?;
            let listed: Vec<_> =
                groups::in_region(pool, r).await?.into_iter().filter(|g| g.status.is_listed()).map(|g| g.id).collect();
            members::leaders_of(pool, &listed).await?.into_iter().map(|(_, m)| m.id).collect()
        }
        Audience::ProgramMembers(p) => {
            programs::active(pool, p, Utc::now().date_naive()).await?.into_iter().map(|m| m.member_id).collect()
        }
    };
    let unique: Vec<_> = ids.into_iter().collect::<BTreeSet<_>>().into_iter().collect();
    Ok(members::by_ids(pool, &unique).await?)
}

/// Who it goes to now, and how many of the audience turned it off.
async fn recipients(svc: &Services, audience: Audience) -> Result<(Vec<Member>, usize), AppError> {
    let people = audience_members(svc, audience).await?;
    let ids: Vec<_> = people.iter().map(|m| m.id).collect();
    let off: BTreeSet<_> =
        super::email_preferences::opted_out(svc, &ids, Topic::Announcements).await?.into_iter().collect();
    let to = announcement_recipients(&ids, &off);
    let opted_out = people.len() - to.len();
    Ok((people.into_iter().filter(|m| to.contains(&m.id)).collect(), opted_out))
}

/// How many `audience` would reach if sent now.
#[tracing::instrument(skip_all)]
pub async fn reach(svc: &Services, actor: &Actor, audience: Audience) -> Result<Reach, AppError> {
    authorize(actor, audience.action())?;
    let (to, opted_out) = recipients(svc, audience).await?;
    Ok(Reach { recipients: to.len(), opted_out })
}

/// Sends `a`. With `expected` (the count the sender was shown), a change
/// in the audience since is refused with the new count, so nobody sends
/// to more people than they agreed to. Returns how many it reached.
#[tracing::instrument(skip_all)]
pub async fn send(svc: &Services, actor: &Actor, a: &Announcement, expected: Option<usize>) -> Result<usize, AppError> {
    authorize(actor, a.audience.action())?;
    let (to, _) = recipients(svc, a.audience).await?;
    if expected.is_some_and(|e| e != to.len()) {
        return Err(DomainError::AudienceChanged { now: u32::try_from(to.len()).unwrap_or(u32::MAX) }.into());
    }
    if to.is_empty() {
        return Err(DomainError::field("audience", "nobody_to_announce").into());
    }
    let sender = members::by_id(svc.db.reader(), actor.member_id).await?.ok_or(DomainError::NotFound)?;
    let emails: Vec<_> = to
        .iter()
        .map(|m| {
            let args = [
                ("name", m.name.as_str()),
                ("sender", sender.name.as_str()),
                ("subject", a.subject.as_str()),
                ("message", a.body.as_str()),
            ];
            compose(Some(m.id), &m.email, m.locale, "community-announcement", &args)
        })
        .collect();
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    outbox::enqueue_many(&mut tx, &emails, now).await?;
    tx.mail_queued();
    let id = announcements::insert(&mut tx, actor.member_id, a, emails.len(), now).await?;
    let details = json!({
        "audience": a.audience.kind(),
        "target": a.audience.target(),
        "recipients": emails.len(),
        "subject": a.subject.as_str(),
    });
    audit::record(&mut tx, entry(Some(actor.member_id), "announcement.sent", "announcement", id, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(emails.len())
}

/// The latest announcements `actor` could have sent, newest first.
#[tracing::instrument(skip_all)]
pub async fn recent(svc: &Services, actor: &Actor) -> Result<Vec<Sent>, AppError> {
    let all = announcements::recent(svc.db.reader(), 200).await?;
    Ok(all.into_iter().filter(|s| authorize(actor, s.audience.action()).is_ok()).take(50).collect())
}
