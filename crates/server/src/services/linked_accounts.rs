//! PL-3: members link the forum account and the feeds they import from,
//! and prove each is theirs before anything is imported from it (the rule
//! is `domain::linked_account`). The proof is read here: the forum user's
//! public profile, or the feed as its address serves it.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::ids::{LinkedAccountId, MemberId};
use guildhall_domain::linked_account::{
    check_claim, check_import, AccountKind, Handle, LinkedAccount, Proof, ProofCode,
};
use guildhall_domain::DomainError;
use guildhall_storage::{audit, linked_accounts as store, members};
use rand::Rng;
use serde_json::json;

use super::{entry, Services};
use crate::error::AppError;
use crate::integrations::discourse::{Forum, ForumError};
use crate::integrations::feed_fetch::{self, FetchError};

/// A fresh proof code: 12 letters and digits no one reads wrongly.
fn new_code() -> ProofCode {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = rand::thread_rng();
    let random: String = (0..12).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    ProofCode::from_random(&random).unwrap_or_else(|_| unreachable!("the alphabet is lower case and digits"))
}

/// The forum set up for imports, or the field problem saying there is none.
pub async fn forum(svc: &Services) -> Result<Forum, AppError> {
    let base = svc.settings().await?.text("imports.forum_url").to_owned();
    if base.is_empty() {
        return Err(DomainError::field("handle", "forum_not_configured").into());
    }
    Forum::new(&base).map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))
}

/// A member's links: to the member themself and program staff.
#[tracing::instrument(skip_all)]
pub async fn list(svc: &Services, actor: &Actor, member: MemberId) -> Result<Vec<LinkedAccount>, AppError> {
    authorize(actor, Action::AddContribution(member))?;
    Ok(store::of_member(svc.db.reader(), member).await?)
}

/// Starts a link: the account and the code to place in it. Asking again
/// for the same account gives the same code (`false`: nothing new).
#[tracing::instrument(skip_all)]
pub async fn add(
    svc: &Services,
    actor: &Actor,
    member: MemberId,
    kind: &str,
    handle: &str,
) -> Result<(LinkedAccount, bool), AppError> {
    authorize(actor, Action::AddContribution(member))?;
    members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let kind = AccountKind::parse(kind)?;
    let handle = Handle::parse(kind, handle)?;
    match kind {
        AccountKind::Discourse => {
            forum(svc).await?;
        }
        // Said now rather than at the first check: a mistyped host, or one
        // inside a private network.
        AccountKind::Feed => {
            let url = url::Url::parse(handle.as_str()).map_err(|_| DomainError::field("handle", "feed_url_invalid"))?;
            feed_fetch::resolve(&url, svc.fetch_private_hosts).await.map_err(fetch_problem)?;
        }
    }
    check_claim(store::owner(svc.db.reader(), kind, &handle).await?, member)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let (link, created) = store::add(&mut tx, member, kind, &handle, &new_code(), now).await?;
    if created {
        let details = json!({"link": link.id, "kind": kind.as_str()});
        audit::record(&mut tx, entry(Some(actor.member_id), "account.link", "member", member, None, details), now)
            .await?;
    }
    tx.commit().await?;
    Ok((link, created))
}

/// A link the actor may act on; someone else's is not found.
async fn visible(svc: &Services, actor: &Actor, id: LinkedAccountId) -> Result<LinkedAccount, AppError> {
    let link = store::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    if authorize(actor, Action::AddContribution(link.member)).is_err() {
        return Err(DomainError::NotFound.into());
    }
    Ok(link)
}

/// Why the account could not be read, as the field problem a member reads.
fn unreadable(code: &'static str, cause: impl std::fmt::Display) -> AppError {
    tracing::info!(%cause, code, "a linked account could not be read");
    DomainError::field("handle", code).into()
}

/// What the member can write where the account lives: the forum profile,
/// or the feed itself.
async fn proof_text(svc: &Services, link: &LinkedAccount) -> Result<String, AppError> {
    match link.kind {
        AccountKind::Discourse => match forum(svc).await?.profile(link.handle.as_str()).await {
            Ok(text) => Ok(text),
            Err(e @ ForumError::NoSuchUser(_)) => Err(unreadable("forum_user_unknown", e)),
            Err(e) => Err(unreadable("account_unreachable", e)),
        },
        AccountKind::Feed => {
            let body = read_feed(svc, &link.handle).await?;
            Ok(String::from_utf8_lossy(&body).into_owned())
        }
    }
}

/// The feed at a linked address, or why it could not be read.
pub async fn read_feed(svc: &Services, handle: &Handle) -> Result<Vec<u8>, AppError> {
    let url = url::Url::parse(handle.as_str()).map_err(|_| DomainError::field("handle", "feed_url_invalid"))?;
    feed_fetch::fetch(&url, svc.fetch_private_hosts).await.map_err(fetch_problem)
}

/// Why a feed could not be read, as the member's field problem.
fn fetch_problem(e: FetchError) -> AppError {
    match e {
        e @ FetchError::UnknownHost(_) => unreadable("feed_host_unknown", e),
        e @ FetchError::PrivateAddress => unreadable("feed_private_address", e),
        e @ FetchError::Moved(_) => unreadable("feed_moved", e),
        e @ FetchError::TooLarge => unreadable("feed_too_large", e),
        e => unreadable("account_unreachable", e),
    }
}

/// Records `how` the link was proven, once; the owner check runs again
/// inside, and the database refuses a second owner at the same moment.
async fn record_proof(
    svc: &Services,
    actor: &Actor,
    link: &LinkedAccount,
    how: Proof,
) -> Result<LinkedAccount, AppError> {
    check_claim(store::owner(svc.db.reader(), link.kind, &link.handle).await?, link.member)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    store::prove(&mut tx, link.id, how, actor.member_id, now).await?;
    let details = json!({"link": link.id, "kind": link.kind.as_str(), "proof": how.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "account.prove", "member", link.member, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(store::by_id(svc.db.reader(), link.id).await?.ok_or(DomainError::NotFound)?)
}

/// Looks for the code where the member was asked to put it; proven, the
/// link stays proven even if the code is later removed.
#[tracing::instrument(skip_all)]
pub async fn check(svc: &Services, actor: &Actor, id: LinkedAccountId) -> Result<LinkedAccount, AppError> {
    let link = visible(svc, actor, id).await?;
    if link.is_proven() {
        return Ok(link);
    }
    let text = proof_text(svc, &link).await?;
    let how = link.prove_with(&text)?;
    record_proof(svc, actor, &link, how).await
}

/// Program staff confirm a link they checked another way.
#[tracing::instrument(skip_all)]
pub async fn confirm(svc: &Services, actor: &Actor, id: LinkedAccountId) -> Result<LinkedAccount, AppError> {
    authorize(actor, Action::ManagePrograms)?;
    let link = store::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    if link.is_proven() {
        return Ok(link);
    }
    record_proof(svc, actor, &link, Proof::Staff).await
}

/// Unlinks an account; what was imported through it stays.
#[tracing::instrument(skip_all)]
pub async fn remove(svc: &Services, actor: &Actor, id: LinkedAccountId) -> Result<(), AppError> {
    let link = visible(svc, actor, id).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    store::remove(&mut tx, link.id).await?;
    let details = json!({"link": link.id, "kind": link.kind.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "account.unlink", "member", link.member, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// PL-3: the member's proven link to the account an import reads. A link
/// still waiting for its proof is checked now (the import checks the
/// code); no link at all is refused.
pub async fn proven_for_import(
    svc: &Services,
    actor: &Actor,
    member: MemberId,
    kind: AccountKind,
    handle: &Handle,
) -> Result<LinkedAccount, AppError> {
    let link = store::of_member_for(svc.db.reader(), member, kind, handle).await?;
    let link = match link {
        Some(l) if !l.is_proven() => {
            let text = proof_text(svc, &l).await?;
            let how = l.prove_with(&text)?;
            record_proof(svc, actor, &l, how).await?
        }
        other => other.ok_or(DomainError::AccountNotLinked)?,
    };
    Ok(check_import(Some(&link), member)?.clone())
}
