//! Composes emails from the translation catalogue and writes them to the
//! outbox in the caller's transaction (PL-4).

use chrono::Utc;
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::{EmailAddress, Locale};
use guildhall_storage::outbox::{self, NewEmail};

use super::Work;
use crate::error::AppError;
use crate::i18n::Tr;

/// Queues the email `kind` (keys `mail-<kind>-subject` and `-body`).
pub async fn queue(
    tx: &mut Work,
    recipient: Option<MemberId>,
    to: &EmailAddress,
    locale: Locale,
    kind: &'static str,
    args: &[(&'static str, &str)],
) -> Result<(), AppError> {
    outbox::enqueue(tx, compose(recipient, to, locale, kind, args), Utc::now()).await?;
    tx.mail_queued();
    Ok(())
}

/// The email `kind` in the recipient's language, not yet queued (for
/// callers that queue many at once).
pub fn compose(
    recipient: Option<MemberId>,
    to: &EmailAddress,
    locale: Locale,
    kind: &'static str,
    args: &[(&'static str, &str)],
) -> NewEmail {
    let tr = Tr(locale);
    NewEmail {
        recipient,
        to: to.clone(),
        kind,
        subject: tr.with(&format!("mail-{kind}-subject"), args),
        body_text: tr.with(&format!("mail-{kind}-body"), args),
        body_secret: None,
        calendar: None,
        unsubscribe_path: None,
    }
}

/// Queues the email `kind` whose `link` opens the account (verify, sign
/// in, reset): the link goes out by email only, and the copy kept for
/// Messages, the API and exports says it was removed (PL-4, PL-8).
pub async fn queue_with_secret_link(
    tx: &mut Work,
    recipient: Option<MemberId>,
    to: &EmailAddress,
    locale: Locale,
    kind: &'static str,
    name: &str,
    link: &str,
) -> Result<(), AppError> {
    let removed = Tr(locale).t("mail-link-removed");
    let mut email = compose(recipient, to, locale, kind, &[("name", name), ("link", &removed)]);
    email.body_secret = Some(Tr(locale).with(&format!("mail-{kind}-body"), &[("name", name), ("link", link)]));
    outbox::enqueue(tx, email, Utc::now()).await?;
    tx.mail_queued();
    Ok(())
}

/// Queues `kind` carrying a calendar invitation (UG-17).
pub async fn queue_with_calendar(
    tx: &mut Work,
    to: Recipient<'_>,
    kind: &'static str,
    args: &[(&'static str, &str)],
    calendar: String,
) -> Result<(), AppError> {
    let mut email = compose(Some(to.id), to.email, to.locale, kind, args);
    email.calendar = Some(calendar);
    outbox::enqueue(tx, email, Utc::now()).await?;
    tx.mail_queued();
    Ok(())
}

/// Who an email about an event goes to.
pub struct Recipient<'a> {
    pub id: MemberId,
    pub name: &'a str,
    pub email: &'a EmailAddress,
    pub locale: Locale,
}

impl<'a> From<&'a guildhall_storage::registrations::Attendee> for Recipient<'a> {
    fn from(a: &'a guildhall_storage::registrations::Attendee) -> Self {
        Self { id: a.registration.member_id, name: a.name.as_str(), email: &a.email, locale: a.locale }
    }
}

/// Queues an email about an event (UG-14: registered, waitlisted,
/// promoted, reminder, event-cancelled) naming the event, its group, its
/// local time in the group's zone, a link and, for the waiting list, the
/// position; `extra` holds more arguments for the message (a
/// cancellation's reason); `calendar` the invitation it carries (UG-17).
#[allow(clippy::too_many_arguments)]
pub async fn about_event(
    tx: &mut Work,
    to: Recipient<'_>,
    kind: &'static str,
    ev: &guildhall_storage::events::Event,
    g: &guildhall_storage::groups::Group,
    link: &str,
    position: Option<i64>,
    extra: &[(&'static str, &str)],
    calendar: Option<String>,
) -> Result<(), AppError> {
    let when = g.profile.time_zone.format(ev.starts_at());
    let pos = position.map(|p| p.to_string()).unwrap_or_default();
    let mut args = vec![
        ("name", to.name),
        ("event", ev.details.title.as_str()),
        ("group", g.profile.name.as_str()),
        ("when", when.as_str()),
        ("position", pos.as_str()),
        ("link", link),
    ];
    args.extend_from_slice(extra);
    match calendar {
        Some(ics) => queue_with_calendar(tx, to, kind, &args, ics).await,
        None => queue(tx, Some(to.id), to.email, to.locale, kind, &args).await,
    }
}
