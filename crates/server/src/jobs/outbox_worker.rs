//! Sends the outbox (PL-4). Several instances may run this at once: each
//! claims due emails under a lease (`storage::outbox::claim`), so no two
//! hold the same email. An email is marked sent right after the server
//! accepts it; a crash in between is the only way one can go out twice,
//! and then with the same Message-ID. A batch is sent side by side, so a
//! crash can catch at most one batch in flight.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use guildhall_domain::email_topic::Topic;
use guildhall_domain::outbox::after_failure;
use guildhall_storage::outbox;
use tokio::sync::watch;

use crate::config::Config;
use crate::mail::Transport;
use crate::services::email_preferences::LinkKey;
use crate::services::Services;

/// Emails claimed per round: small, so a claim (`mail_lease_secs`) always
/// outlasts sending them, even at the SMTP timeout.
pub const BATCH: i64 = 5;

/// Runs until `shutdown` turns true, finishing the email in hand first.
pub async fn run(svc: Services, config: Arc<Config>, transport: Transport, mut shutdown: watch::Receiver<bool>) {
    let host = config.public_url.host_str().unwrap_or("guildhall.localhost").to_owned();
    let worker = svc.instance_id.to_string();
    loop {
        if *shutdown.borrow() {
            break;
        }
        let sent = match round(&svc, &config, &transport, &worker, &host, &shutdown).await {
            Ok(n) => n,
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "outbox round failed");
                0
            }
        };
        if sent == 0 {
            tokio::select! {
                _ = svc.mail_signal().woken() => {}
                _ = tokio::time::sleep(Duration::from_millis(config.worker_poll_ms)) => {}
                _ = shutdown.changed() => {}
            }
        }
    }
    tracing::info!("outbox worker stopped");
}

/// Marks an email the SMTP server accepted as sent. The database may be
/// restarting at that moment; giving up would let the lease run out and
/// the email go out a second time, so it keeps trying while the claim
/// still holds.
async fn record_sent(
    svc: &Services,
    config: &Config,
    id: guildhall_domain::ids::OutboxId,
    worker: &str,
) -> anyhow::Result<()> {
    let give_up = tokio::time::Instant::now() + Duration::from_secs(config.mail_lease_secs.max(1) as u64);
    loop {
        match outbox::mark_sent(&svc.db, id, worker, Utc::now()).await {
            Ok(_) => return Ok(()),
            Err(guildhall_storage::StorageError::Database(e))
                if guildhall_storage::error::is_unavailable(&e) && tokio::time::Instant::now() < give_up =>
            {
                tracing::warn!(email = %id, error = %e, "database unavailable; marking sent again shortly");
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Claims one batch and sends its emails side by side (one SMTP
/// connection each, from lettre's pool): one at a time, every email waited
/// a network round trip or more, and a rush of registrations left
/// confirmations queued for minutes. Returns how many were handled.
async fn round(
    svc: &Services,
    config: &Arc<Config>,
    transport: &Transport,
    worker: &str,
    host: &str,
    shutdown: &watch::Receiver<bool>,
) -> anyhow::Result<usize> {
    let batch =
        outbox::claim(&svc.db, worker, Utc::now(), chrono::Duration::seconds(config.mail_lease_secs), BATCH).await?;
    if batch.is_empty() {
        return Ok(0);
    }
    let s = svc.settings().await?;
    let retry = Retry {
        max_attempts: s.int("mail.max_attempts"),
        base: chrono::Duration::seconds(s.int("mail.retry_base_seconds")),
    };
    let n = batch.len();
    // PL-4: the emails one may turn off carry their one-click unsubscribe.
    let needs_key = batch.iter().any(|e| e.recipient.is_some() && Topic::of_kind(&e.kind).is_some());
    let key = if needs_key { Some(Arc::new(LinkKey::load(&svc.db).await?)) } else { None };
    let mut sends = tokio::task::JoinSet::new();
    for email in batch {
        if *shutdown.borrow() {
            // Not started: release it for the next worker at once.
            outbox::mark_failed(&svc.db, email.id, worker, "shutdown before sending", Some(Utc::now())).await?;
            continue;
        }
        let unsubscribe = match (&key, email.recipient, Topic::of_kind(&email.kind)) {
            _ if email.unsubscribe_path.is_some() => email.unsubscribe_path.as_deref().map(|p| svc.links.to(p)),
            (Some(k), Some(member), Some(topic)) => Some(svc.links.to(&k.path(member, topic))),
            _ => None,
        };
        let (svc, config, transport, worker, host) =
            (svc.clone(), config.clone(), transport.clone(), worker.to_owned(), host.to_owned());
        sends.spawn(
            async move { send_one(&svc, &config, &transport, &worker, &host, (email, unsubscribe), retry).await },
        );
    }
    while let Some(done) = sends.join_next().await {
        done??;
    }
    Ok(n)
}

#[derive(Clone, Copy)]
struct Retry {
    max_attempts: i64,
    base: chrono::Duration,
}

/// Sends one claimed email and records the outcome.
async fn send_one(
    svc: &Services,
    config: &Config,
    transport: &Transport,
    worker: &str,
    host: &str,
    (email, unsubscribe): (outbox::OutboxEmail, Option<String>),
    retry: Retry,
) -> anyhow::Result<()> {
    match transport.send(&config.mail_from, host, &email, unsubscribe.as_deref()).await {
        Ok(()) => {
            record_sent(svc, config, email.id, worker).await?;
            metrics::counter!("guildhall_emails_sent_total").increment(1);
        }
        Err(e) => {
            let next = after_failure(email.attempts, retry.max_attempts, retry.base);
            tracing::warn!(email = %email.id, attempt = email.attempts, error = format!("{e:#}"), "sending failed");
            metrics::counter!("guildhall_email_failures_total").increment(1);
            outbox::mark_failed(&svc.db, email.id, worker, &format!("{e:#}"), next.map(|d| Utc::now() + d)).await?;
        }
    }
    Ok(())
}
