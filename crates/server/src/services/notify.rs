//! Composes emails from the translation catalogue and writes them to the
//! outbox in the caller's transaction (PL-4).

use chrono::Utc;
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::{EmailAddress, Locale};
use guildhall_storage::outbox::{self, NewEmail};
use guildhall_storage::Tx;

use crate::error::AppError;
use crate::i18n::Tr;

/// Queues the email `kind` (keys `mail-<kind>-subject` and `-body`).
pub async fn queue(
    tx: &mut Tx,
    recipient: Option<MemberId>,
    to: &EmailAddress,
    locale: Locale,
    kind: &'static str,
    args: &[(&'static str, &str)],
) -> Result<(), AppError> {
    let tr = Tr(locale);
    let email = NewEmail {
        recipient,
        to: to.clone(),
        kind,
        subject: tr.with(&format!("mail-{kind}-subject"), args),
        body_text: tr.with(&format!("mail-{kind}-body"), args),
    };
    outbox::enqueue(tx, email, Utc::now()).await?;
    Ok(())
}
