//! Email preferences (PL-4, UG-15): members turn reminders and
//! organizers' announcements off on their account page, over the API, or
//! with the one-click unsubscribe every such email carries (RFC 8058).
//! The link names the member and the topic, signed with a secret every
//! instance shares, so it works wherever it lands and needs no sign-in.

use std::collections::HashSet;

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::email_topic::Topic;
use guildhall_domain::ids::{GroupId, MemberId, RegistrationId};
use guildhall_domain::DomainError;
use guildhall_storage::email_preferences as prefs;
use guildhall_storage::{audit, Db};
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;

use super::{entry, Services};
use crate::error::AppError;

/// Each topic and whether the member receives it.
#[tracing::instrument(skip_all)]
pub async fn of(svc: &Services, actor: &Actor, member: MemberId) -> Result<Vec<(Topic, bool)>, AppError> {
    authorize(actor, Action::EditAccount(member))?;
    let off = prefs::opted_out(svc.db.reader(), member).await?;
    Ok(Topic::ALL.into_iter().map(|t| (t, !off.contains(&t))).collect())
}

/// Sets what the member receives: `send` lists the topics kept on.
#[tracing::instrument(skip_all)]
pub async fn set(svc: &Services, actor: &Actor, member: MemberId, send: &HashSet<Topic>) -> Result<(), AppError> {
    authorize(actor, Action::EditAccount(member))?;
    change(svc, member, send, Some(actor.member_id)).await
}

async fn change(svc: &Services, member: MemberId, send: &HashSet<Topic>, by: Option<MemberId>) -> Result<(), AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let mut changed = Vec::new();
    for t in Topic::ALL {
        if prefs::set(&mut tx, member, t, send.contains(&t), now).await? {
            changed.push(json!({"topic": t.as_str(), "send": send.contains(&t)}));
        }
    }
    if !changed.is_empty() {
        let details = json!({"changed": changed});
        audit::record(&mut tx, entry(by, "member.email_preferences", "member", member, None, details), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Of `members`, those who turned `topic` off (for a list of recipients).
pub async fn opted_out(svc: &Services, members: &[MemberId], topic: Topic) -> Result<HashSet<MemberId>, AppError> {
    Ok(prefs::opted_out_of(svc.db.reader(), members, topic).await?)
}

/// The key unsubscribe links are signed with, shared by every instance.
pub struct LinkKey(Hmac<Sha256>);

/// The name of its row in `server_secrets`.
const SECRET: &str = "unsubscribe_links";

impl LinkKey {
    /// The key; a write transaction only the first time, to make it (the
    /// calendar feeds and one-click pages that read it are polled).
    pub async fn load(db: &Db) -> Result<Self, AppError> {
        if let Some(secret) = prefs::existing_secret(db.reader(), SECRET).await? {
            return Self::from_secret(&secret);
        }
        let mut tx = db.begin().await?;
        let key = Self::within(&mut tx).await?;
        tx.commit().await?;
        Ok(key)
    }

    fn from_secret(secret: &str) -> Result<Self, AppError> {
        let mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|e| anyhow::anyhow!("hmac: {e}"))?;
        Ok(Self(mac))
    }

    /// The key, read in the caller's transaction: on SQLite a second one
    /// would wait for the only writer, which the caller holds.
    pub async fn within(tx: &mut guildhall_storage::Tx) -> Result<Self, AppError> {
        let candidate = crate::auth::secrets::new_token();
        let secret = prefs::server_secret(tx, SECRET, &candidate).await?;
        Self::from_secret(&secret)
    }

    fn sign(&self, message: &str) -> String {
        let mut mac = self.0.clone();
        mac.update(message.as_bytes());
        hex::encode(&mac.finalize().into_bytes()[..16])
    }

    fn signature(&self, member: MemberId, topic: Topic) -> String {
        self.sign(&format!("{member}:{}", topic.as_str()))
    }

    /// UG-15: a follower's "stop following" is signed over another message
    /// than any topic's (topics hold no colon), so neither link opens the other.
    fn follow_signature(&self, member: MemberId, group: GroupId) -> String {
        self.sign(&format!("{member}:follow:{group}"))
    }

    /// UG-17: a member's private calendar feed, signed over its version so
    /// that a new address retires the old one.
    fn calendar_signature(&self, member: MemberId, version: i64) -> String {
        self.sign(&format!("{member}:calendar:{version}"))
    }

    /// A one-click link about one place, signed over its `purpose` (each
    /// purpose's message starts with its own word, so no link opens another).
    fn place_token(&self, purpose: &str, registration: RegistrationId) -> String {
        format!("{registration}.{}", self.sign(&format!("{purpose}:{registration}")))
    }

    fn verify_place(&self, purpose: &str, token: &str) -> Option<RegistrationId> {
        let (id, _) = token.split_once('.')?;
        let registration: RegistrationId = id.parse().ok()?;
        same(token, &self.place_token(purpose, registration)).then_some(registration)
    }

    /// UG-14: the path of a reminder's one-click "I can't come".
    pub fn release_path(&self, registration: RegistrationId) -> String {
        format!("/release/{}", self.place_token("release", registration))
    }

    /// The place a release link names, if its signature holds.
    pub fn verify_release(&self, token: &str) -> Option<RegistrationId> {
        self.verify_place("release", token)
    }

    /// UG-18: the path of the page that claims (or declines) an offered seat.
    pub fn offer_path(&self, registration: RegistrationId) -> String {
        format!("/offers/{}", self.place_token("offer", registration))
    }

    /// The place an offer link names, if its signature holds.
    pub fn verify_offer(&self, token: &str) -> Option<RegistrationId> {
        self.verify_place("offer", token)
    }

    /// The path of `member`'s calendar feed at `version`.
    pub fn calendar_path(&self, member: MemberId, version: i64) -> String {
        format!("/calendar/{member}.{version}.{}.ics", self.calendar_signature(member, version))
    }

    /// The member and version a calendar feed's token names, if it holds.
    pub fn verify_calendar(&self, token: &str) -> Option<(MemberId, i64)> {
        let mut parts = token.trim_end_matches(".ics").splitn(3, '.');
        let member: MemberId = parts.next()?.parse().ok()?;
        let version: i64 = parts.next()?.parse().ok()?;
        same(parts.next()?, &self.calendar_signature(member, version)).then_some((member, version))
    }

    /// The path of `member`'s one-click unsubscribe from `topic`.
    pub fn path(&self, member: MemberId, topic: Topic) -> String {
        format!("/unsubscribe/{member}.{}.{}", topic.as_str(), self.signature(member, topic))
    }

    /// The path of `member`'s one-click "stop following `group`" (UG-15).
    pub fn unfollow_path(&self, member: MemberId, group: GroupId) -> String {
        format!("/unfollow/{member}.{group}.{}", self.follow_signature(member, group))
    }

    /// The member and topic a link's token names, if its signature holds.
    pub fn verify(&self, token: &str) -> Option<(MemberId, Topic)> {
        let mut parts = token.splitn(3, '.');
        let member: MemberId = parts.next()?.parse().ok()?;
        let topic = Topic::parse(parts.next()?).ok()?;
        same(parts.next()?, &self.signature(member, topic)).then_some((member, topic))
    }

    /// The member and group an unfollow link's token names, if it holds.
    pub fn verify_unfollow(&self, token: &str) -> Option<(MemberId, GroupId)> {
        let mut parts = token.splitn(3, '.');
        let member: MemberId = parts.next()?.parse().ok()?;
        let group: GroupId = parts.next()?.parse().ok()?;
        same(parts.next()?, &self.follow_signature(member, group)).then_some((member, group))
    }
}

/// Compared in constant time, as a password would be.
fn same(given: &str, expected: &str) -> bool {
    given.len() == expected.len() && given.bytes().zip(expected.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// What an unsubscribe link names, for the confirmation page.
pub async fn link_target(svc: &Services, token: &str) -> Result<(MemberId, Topic), AppError> {
    let key = LinkKey::load(&svc.db).await?;
    Ok(key.verify(token).ok_or(DomainError::LinkInvalid)?)
}

/// RFC 8058 one-click unsubscribe: turns the link's topic off. Whoever
/// holds the email may do it, signed in or not; it only ever stops mail.
#[tracing::instrument(skip_all)]
pub async fn unsubscribe(svc: &Services, token: &str) -> Result<Topic, AppError> {
    let (member, topic) = link_target(svc, token).await?;
    let mut send: HashSet<Topic> = Topic::ALL.into_iter().collect();
    for t in prefs::opted_out(svc.db.reader(), member).await? {
        send.remove(&t);
    }
    send.remove(&topic);
    change(svc, member, &send, None).await?;
    Ok(topic)
}
