//! Accounts (PL-1): sign-up with email verification, password and
//! one-time-link sign-in, password reset, sessions, profile.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::account::LinkPurpose;
use guildhall_domain::ids::MemberId;
use guildhall_domain::settings::Settings;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale, Password, TimeZone};
use guildhall_domain::DomainError;
use guildhall_storage::members::{self, Member, NewMember};
use guildhall_storage::{audit, sessions, tokens, Tx};
use serde_json::json;

use super::{entry, limits, notify};
use super::{Services, Work};
use crate::auth::secrets::{hash_password, hash_token, new_token, verify_password};
use crate::error::AppError;

/// A sign-up form, parsed.
#[derive(Debug)]
pub struct SignUp {
    pub email: EmailAddress,
    pub name: DisplayName,
    pub password: Password,
    pub locale: Locale,
    /// The browser's own zone when it told us one we know, else UTC: a
    /// guess the member sees and changes on their account page.
    pub time_zone: TimeZone,
}

impl SignUp {
    /// Parses raw fields, reporting every invalid one at once.
    pub fn parse(email: &str, name: &str, password: &str, locale: Locale) -> Result<Self, DomainError> {
        let (e, n, p) = (EmailAddress::parse(email), DisplayName::parse(name), Password::parse(password));
        DomainError::collect([e.clone().err(), n.clone().err(), p.clone().err()])?;
        match (e, n, p) {
            (Ok(email), Ok(name), Ok(password)) => Ok(Self { email, name, password, locale, time_zone: TimeZone::UTC }),
            _ => Err(DomainError::Invalid(vec![])),
        }
    }

    /// Takes the zone the browser reported (`Intl` on the sign-up page). An
    /// unknown or missing one is no fault of the person: UTC stays.
    pub fn in_zone(mut self, reported: &str) -> Self {
        if let Ok(zone) = TimeZone::parse(reported.trim()) {
            self.time_zone = zone;
        }
        self
    }
}

/// Creates a one-time link for `member`; returns its secret.
async fn new_link(
    tx: &mut Work,
    settings: &Settings,
    member: MemberId,
    purpose: LinkPurpose,
) -> Result<String, AppError> {
    let token = new_token();
    let now = Utc::now();
    sessions::create_link(tx, &hash_token(&token), member, purpose, now, now + purpose.lifetime(settings)).await?;
    Ok(token)
}

/// Creates and queues a one-time link for `member` in the email `kind`.
/// The stored copy of the email never holds the live link (PL-4, PL-8).
async fn send_link(
    svc: &Services,
    settings: &Settings,
    tx: &mut Work,
    member: &Member,
    purpose: LinkPurpose,
    kind: &'static str,
) -> Result<(), AppError> {
    let token = new_link(tx, settings, member.id, purpose).await?;
    let path = match purpose {
        LinkPurpose::VerifyEmail => "/verify",
        LinkPurpose::SignIn => "/signin/link",
        LinkPurpose::ResetPassword => "/password/reset",
    };
    let link = svc.links.to(&format!("{path}?token={token}"));
    notify::queue_with_secret_link(tx, Some(member.id), &member.email, member.locale, kind, member.name.as_str(), &link)
        .await
}

/// Signs a new member up and emails a verification link. An address that
/// already has an account gets a notice instead, and the caller sees the
/// same answer either way, so sign-up does not reveal who has an account.
#[tracing::instrument(skip_all)]
pub async fn sign_up(svc: &Services, form: SignUp, client: &str) -> Result<(), AppError> {
    let s = svc.settings().await?;
    limits::enforce(&svc.db, &format!("signup:ip:{client}"), s.rate_limit("auth.signups_per_ip_per_hour")).await?;
    // Each sign-up emails the address: a limit per address keeps this form
    // from being a way to send mail to a stranger (PL-1, PL-4).
    limits::enforce(&svc.db, &format!("signup:email:{}", form.email), s.rate_limit("auth.signups_per_email_per_hour"))
        .await?;
    let hash = hash_password(&form.password).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let new = NewMember {
        email: &form.email,
        name: &form.name,
        password_hash: Some(&hash),
        verified: false,
        locale: form.locale,
    };
    match members::insert(&mut tx, new, now).await {
        Ok(id) => {
            if form.time_zone != TimeZone::UTC {
                members::update_profile(&mut tx, id, &form.name, form.locale, form.time_zone, now).await?;
            }
            audit::record(&mut tx, entry(Some(id), "member.signed_up", "member", id, None, json!({})), now).await?;
            let member = Member {
                id,
                email: form.email,
                name: form.name,
                password_hash: None,
                email_verified_at: None,
                locale: form.locale,
                time_zone: form.time_zone,
                created_at: now,
            };
            send_link(svc, &s, &mut tx, &member, LinkPurpose::VerifyEmail, "verify").await?;
        }
        Err(guildhall_storage::StorageError::Rule(DomainError::EmailTaken)) => {
            drop(tx);
            tx = svc.begin().await?;
            if let Some(existing) = members::by_email(svc.db.reader(), &form.email).await? {
                if existing.email_verified_at.is_none() {
                    // PL-1: an earlier sign-up for this address was never
                    // confirmed, and whoever made it chose its password.
                    // The owner gets a link to choose their own instead.
                    send_link(svc, &s, &mut tx, &existing, LinkPurpose::ResetPassword, "account-unconfirmed").await?;
                } else {
                    let link = svc.links.to("/signin");
                    notify::queue(
                        &mut tx,
                        Some(existing.id),
                        &existing.email,
                        existing.locale,
                        "account-exists",
                        &[("name", existing.name.as_str()), ("link", &link)],
                    )
                    .await?;
                }
            }
        }
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(())
}

/// The member a still-valid link of `purpose` belongs to, using nothing up.
async fn open_link(tx: &mut Tx, hash: &str, purpose: LinkPurpose) -> Result<MemberId, AppError> {
    let (member, link) = sessions::find_link(tx, hash).await?.ok_or(DomainError::LinkInvalid)?;
    link.redeem(purpose, Utc::now())?;
    Ok(member)
}

/// Uses a link up; only the first of two racing redemptions succeeds.
async fn use_up(tx: &mut Tx, hash: &str) -> Result<(), AppError> {
    if !sessions::use_link(tx, hash, Utc::now()).await? {
        return Err(DomainError::LinkInvalid.into());
    }
    Ok(())
}

/// Redeems a link of `purpose`, returning its member. Used once, atomically.
async fn redeem(tx: &mut Tx, token: &str, purpose: LinkPurpose) -> Result<MemberId, AppError> {
    let hash = hash_token(token.trim());
    let member = open_link(tx, &hash, purpose).await?;
    use_up(tx, &hash).await?;
    Ok(member)
}

/// What confirming an address leads to.
#[derive(Debug)]
pub enum Verified {
    /// The password typed was the sign-up's: signed in with it kept.
    SignedIn(MemberId),
    /// No password was typed: the address is confirmed, the password chosen
    /// at sign-up is gone, and this reset link's secret lets the owner
    /// choose one now.
    ChoosePassword(String),
}

/// PL-1: confirms an address from its verification link. Whoever opens
/// the link owns the address, but the password was chosen by whoever
/// signed up, who may be someone else (account pre-hijacking). So the
/// password is kept only when the person confirming types it; otherwise it
/// is forgotten and they choose their own. A wrong password uses nothing up.
#[tracing::instrument(skip_all)]
pub async fn verify_email(svc: &Services, token: &str, password: &str) -> Result<Verified, AppError> {
    let s = svc.settings().await?;
    let hash = hash_token(token.trim());
    // Look first, outside the write transaction: checking a password is
    // slow work (argon2id) that must not hold the database's writer.
    let id = {
        let mut look = svc.begin().await?;
        open_link(&mut look, &hash, LinkPurpose::VerifyEmail).await?
    };
    let member = members::by_id(svc.db.reader(), id).await?.ok_or(DomainError::LinkInvalid)?;
    let already = member.email_verified_at.is_some();
    let keeps_password = !password.is_empty() && verify_password(password, member.password_hash.clone()).await?;
    if !password.is_empty() && !keeps_password && !already {
        return Err(DomainError::field("password", "password_not_this_signup").into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    use_up(&mut tx, &hash).await?;
    members::mark_verified(&mut tx, id, now).await?;
    let outcome = if keeps_password || already {
        Verified::SignedIn(id)
    } else {
        members::clear_password(&mut tx, id, now).await?;
        sessions::void_links(&mut tx, id, now).await?;
        Verified::ChoosePassword(new_link(&mut tx, &s, id, LinkPurpose::ResetPassword).await?)
    };
    let details = json!({"password_kept": keeps_password || already});
    audit::record(&mut tx, entry(Some(id), "member.email_verified", "member", id, None, details), now).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Checks an email and password; an unverified account is told to verify
/// first. Every attempt counts against the client's address; only wrong
/// passwords count against the account, per network and (more loosely)
/// overall, so a stranger guessing elsewhere slows themselves down without
/// locking the owner out, and the emailed link always works (PL-1).
#[tracing::instrument(skip_all)]
pub async fn sign_in_with_password(
    svc: &Services,
    email: &str,
    password: &str,
    client: &str,
) -> Result<MemberId, AppError> {
    let s = svc.settings().await?;
    limits::enforce(&svc.db, &format!("signin:ip:{client}"), s.rate_limit("auth.signin_attempts_per_ip_per_minute"))
        .await?;
    let email = EmailAddress::parse(email).map_err(|_| DomainError::BadCredentials)?;
    let network = guildhall_domain::rate_limit::network_of(client);
    let near = (format!("signin:fail:{email}:{network}"), s.rate_limit("auth.signin_attempts_per_email_per_minute"));
    let overall = (format!("signin:fail:{email}"), s.rate_limit("auth.signin_failures_per_email_per_hour"));
    limits::check(&svc.db, &near.0, near.1).await?;
    limits::check(&svc.db, &overall.0, overall.1).await?;
    let member = members::by_email(svc.db.reader(), &email).await?;
    let stored = member.as_ref().and_then(|m| m.password_hash.clone());
    if !verify_password(password, stored).await? {
        limits::count(&svc.db, &near.0, near.1).await?;
        limits::count(&svc.db, &overall.0, overall.1).await?;
        return Err(DomainError::BadCredentials.into());
    }
    let member = member.ok_or(DomainError::BadCredentials)?;
    if member.email_verified_at.is_none() {
        return Err(DomainError::EmailNotVerified.into());
    }
    Ok(member.id)
}

/// Emails a one-time link (sign-in or password reset) if the address has an
/// account. The caller's answer is the same either way.
#[tracing::instrument(skip_all)]
pub async fn request_link(svc: &Services, email: &str, purpose: LinkPurpose, client: &str) -> Result<(), AppError> {
    let email = EmailAddress::parse(email)?;
    let s = svc.settings().await?;
    limits::enforce(&svc.db, &format!("link:ip:{client}"), s.rate_limit("auth.link_requests_per_ip_per_hour")).await?;
    limits::enforce(&svc.db, &format!("link:email:{email}"), s.rate_limit("auth.link_requests_per_email_per_hour"))
        .await?;
    if let Some(member) = members::by_email(svc.db.reader(), &email).await? {
        let mut tx = svc.begin().await?;
        let kind = if purpose == LinkPurpose::SignIn { "signin-link" } else { "reset" };
        send_link(svc, &s, &mut tx, &member, purpose, kind).await?;
        tx.commit().await?;
    }
    Ok(())
}

/// Redeems an emailed sign-in link. It proves the address, so an
/// unverified account becomes verified, and a password chosen before the
/// address was proven, which may not be its owner's (PL-1,
/// pre-hijacking), is forgotten.
#[tracing::instrument(skip_all)]
pub async fn sign_in_with_link(svc: &Services, token: &str) -> Result<MemberId, AppError> {
    let mut tx = svc.begin().await?;
    let member = redeem(&mut tx, token, LinkPurpose::SignIn).await?;
    let now = Utc::now();
    let m = members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::LinkInvalid)?;
    if m.email_verified_at.is_none() {
        members::clear_password(&mut tx, member, now).await?;
        members::mark_verified(&mut tx, member, now).await?;
        let e = entry(Some(member), "member.email_verified", "member", member, None, json!({"password_kept": false}));
        audit::record(&mut tx, e, now).await?;
    }
    tx.commit().await?;
    Ok(member)
}

/// Sets a new password from a reset link, ends every session of the
/// account, uses up every other link still out, revokes the API tokens when
/// the owner asks, and tells the owner (PL-1).
#[tracing::instrument(skip_all)]
pub async fn reset_password(
    svc: &Services,
    token: &str,
    password: &str,
    revoke_tokens: bool,
) -> Result<MemberId, AppError> {
    let password = Password::parse(password)?;
    let hash = hash_password(&password).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = redeem(&mut tx, token, LinkPurpose::ResetPassword).await?;
    members::set_password_hash(&mut tx, id, &hash, now).await?;
    members::mark_verified(&mut tx, id, now).await?;
    sessions::delete_member_sessions(&mut tx, id, None).await?;
    sessions::void_links(&mut tx, id, now).await?;
    let revoked = if revoke_tokens { tokens::revoke_all(&mut tx, id, now).await? } else { 0 };
    let details = json!({"tokens_revoked": revoked});
    audit::record(&mut tx, entry(Some(id), "member.password_reset", "member", id, None, details), now).await?;
    if let Some(m) = members::by_id(svc.db.reader(), id).await? {
        notify::queue(&mut tx, Some(id), &m.email, m.locale, "password-changed", &[("name", m.name.as_str())]).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Opens a session; returns the cookie's secret.
#[tracing::instrument(skip_all)]
pub async fn start_session(svc: &Services, member: MemberId) -> Result<String, AppError> {
    let s = svc.settings().await?;
    let token = new_token();
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    sessions::create_session(
        &mut tx,
        &hash_token(&token),
        member,
        now,
        now + chrono::Duration::days(s.int("auth.session_days")),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Ends the session whose cookie secret is `token`.
#[tracing::instrument(skip_all)]
pub async fn end_session(svc: &Services, token: &str) -> Result<(), AppError> {
    let mut tx = svc.begin().await?;
    sessions::delete_session(&mut tx, &hash_token(token)).await?;
    tx.commit().await?;
    Ok(())
}

/// Profile changes a member makes to their own account.
#[derive(Debug)]
pub struct ProfileChange {
    pub name: DisplayName,
    pub locale: Locale,
    pub time_zone: TimeZone,
}

impl ProfileChange {
    pub fn parse(name: &str, locale: &str, time_zone: &str) -> Result<Self, DomainError> {
        let (n, l, z) = (DisplayName::parse(name), Locale::parse(locale), TimeZone::parse(time_zone));
        DomainError::collect([n.clone().err(), l.clone().err(), z.clone().err()])?;
        match (n, l, z) {
            (Ok(name), Ok(locale), Ok(time_zone)) => Ok(Self { name, locale, time_zone }),
            _ => Err(DomainError::Invalid(vec![])),
        }
    }
}

/// Changes a member's profile (themselves, or an admin).
#[tracing::instrument(skip_all)]
pub async fn update_profile(
    svc: &Services,
    actor: &Actor,
    member: MemberId,
    change: ProfileChange,
) -> Result<(), AppError> {
    authorize(actor, Action::EditAccount(member))?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    members::update_profile(&mut tx, member, &change.name, change.locale, change.time_zone, now).await?;
    let details =
        json!({"name": change.name.as_str(), "locale": change.locale.code(), "time_zone": change.time_zone.name()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "member.profile_updated", "member", member, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_member_takes_the_browsers_zone_when_it_is_a_real_one() {
        let form = || SignUp::parse("ana@example.org", "Ana", "a long enough password", Locale::Pt);
        let zone = |reported: &str| form().map(|f| f.in_zone(reported).time_zone.name().to_owned());
        assert_eq!(zone("America/Sao_Paulo"), Ok("America/Sao_Paulo".into()));
        assert_eq!(zone(" Europe/Lisbon "), Ok("Europe/Lisbon".into()));
        assert_eq!(zone(""), Ok("UTC".into()), "no script, no guess");
        assert_eq!(zone("Mars/Olympus_Mons"), Ok("UTC".into()), "an unknown zone is not the person's fault");
    }
}
