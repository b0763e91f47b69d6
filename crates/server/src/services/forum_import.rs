//! PL-3: a member's accepted answers imported from the Discourse forum set
//! in `imports.forum_url`. The import runs in the background, page by page;
//! each page is stored in one transaction and added to the run's counts,
//! which its page shows while it runs. Answers are keyed by post id, so a
//! second import (or one restarted after a crash) adds only new answers.
//! Only a forum account the member linked and proved is read
//! (`linked_accounts`).

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::ids::{ImportRunId, MemberId};
use guildhall_domain::linked_account::{AccountKind, Handle};
use guildhall_domain::DomainError;
use guildhall_storage::contributions::{self, NewContribution};
use guildhall_storage::import_runs::{self, ImportRun};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::entry;
use super::Services;
use crate::error::AppError;
use crate::integrations::discourse::{parse_username, Forum, ForumError, PAGE};

/// Starts importing `username`'s accepted answers for `member` (the member
/// themself or program staff); answers with the run's id at once.
#[tracing::instrument(skip_all)]
pub async fn start(svc: &Services, actor: &Actor, member: MemberId, username: &str) -> Result<ImportRunId, AppError> {
    authorize(actor, Action::AddContribution(member))?;
    members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let username = parse_username(username).ok_or(DomainError::field("username", "forum_username_invalid"))?;
    let base = svc.settings().await?.text("imports.forum_url").to_owned();
    if base.is_empty() {
        return Err(DomainError::field("username", "forum_not_configured").into());
    }
    let forum = Forum::new(&base).map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))?;
    let handle = Handle::parse(AccountKind::Discourse, &username)?;
    super::linked_accounts::proven_for_import(svc, actor, member, AccountKind::Discourse, &handle).await?;
    let mut tx = svc.begin().await?;
    let id = import_runs::start(&mut tx, "discourse", member, actor.member_id, &username, Utc::now()).await?;
    tx.commit().await?;
    let (svc, run, by) = (svc.clone(), id, actor.member_id);
    tokio::spawn(async move {
        let problem = match read_all(&svc, &forum, run, member, by, &username).await {
            Ok(()) => None,
            Err(Stop::Forum(e)) => Some(e.to_string()),
            Err(Stop::App(e)) => {
                tracing::error!(error = %e, run = %run, "forum import failed");
                Some("the import stopped on an internal error; it is safe to start it again".to_owned())
            }
        };
        if let Err(e) = finish(&svc, run, member, by, problem.as_deref()).await {
            tracing::error!(error = %e, run = %run, "could not record the end of a forum import");
        }
    });
    Ok(id)
}

enum Stop {
    Forum(ForumError),
    App(AppError),
}

impl<E: Into<AppError>> From<E> for Stop {
    fn from(e: E) -> Self {
        Self::App(e.into())
    }
}

async fn read_all(
    svc: &Services,
    forum: &Forum,
    run: ImportRunId,
    member: MemberId,
    by: MemberId,
    username: &str,
) -> Result<(), Stop> {
    let mut offset = 0;
    loop {
        let page = forum.solved(username, offset).await.map_err(Stop::Forum)?;
        let now = Utc::now();
        let mut tx = svc.begin().await?;
        let (mut added, mut already) = (0, 0);
        for post in &page {
            let Some((title, c, key)) = forum.contribution(post) else { continue };
            let new =
                NewContribution { member, title: title.as_str(), contribution: &c, source_key: &key, by: Some(by) };
            match contributions::insert(&mut tx, new, now).await? {
                Some(_) => added += 1,
                None => already += 1,
            }
        }
        import_runs::advance(&mut tx, run, page.len() as i64, added, already, now).await?;
        tx.commit().await?;
        if page.len() < PAGE {
            return Ok(());
        }
        offset += page.len();
    }
}

async fn finish(
    svc: &Services,
    run: ImportRunId,
    member: MemberId,
    by: MemberId,
    problem: Option<&str>,
) -> Result<(), AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    import_runs::finish(&mut tx, run, problem, now).await?;
    let r = import_runs::by_id(svc.db.reader(), run).await?.ok_or(DomainError::NotFound)?;
    let details = json!({"run": run, "source": r.source, "fetched": r.fetched, "added": r.added, "problem": problem});
    audit::record(&mut tx, entry(Some(by), "import.discourse", "member", member, None, details), now).await?;
    tx.commit().await?;
    Ok(())
}

/// A run, to the member it imports for, whoever started it, and staff.
#[tracing::instrument(skip_all)]
pub async fn run(svc: &Services, actor: &Actor, id: ImportRunId) -> Result<ImportRun, AppError> {
    let r = import_runs::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let mine = r.member_id == actor.member_id || r.started_by == actor.member_id;
    if !mine && authorize(actor, Action::AddContribution(r.member_id)).is_err() {
        return Err(DomainError::NotFound.into());
    }
    Ok(r)
}

/// A member's latest runs, for their programs page.
#[tracing::instrument(skip_all)]
pub async fn recent(svc: &Services, actor: &Actor) -> Result<Vec<ImportRun>, AppError> {
    Ok(import_runs::of_member(svc.db.reader(), actor.member_id, 5).await?)
}
