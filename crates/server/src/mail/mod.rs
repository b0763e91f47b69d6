//! Mail transport (PL-4): SMTP through lettre, or `.eml` files in a folder
//! when no SMTP server is configured.

use std::path::PathBuf;

use anyhow::Context;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use guildhall_storage::outbox::OutboxEmail;

/// Where emails go.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

impl Transport {
    pub fn from_config(smtp_url: Option<&str>, mail_dir: &std::path::Path) -> anyhow::Result<Self> {
        match smtp_url {
            Some(url) => {
                let t = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .with_context(|| format!("SMTP URL {} is not usable", crate::config::redact_url(url)))?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .build();
                Ok(Self::Smtp(t))
            }
            None => Ok(Self::Files(mail_dir.to_path_buf())),
        }
    }

    /// Sends one outbox email. Its Message-ID is derived from the outbox id,
    /// so a retry after a crash carries the same id and receivers can
    /// recognise it as the same message.
    /// `unsubscribe` is the one-click link of an email one may turn off:
    /// it goes out as `List-Unsubscribe` with `List-Unsubscribe-Post`
    /// (RFC 8058), which mail clients offer as an unsubscribe button.
    pub async fn send(
        &self,
        from: &str,
        host: &str,
        email: &OutboxEmail,
        unsubscribe: Option<&str>,
    ) -> anyhow::Result<()> {
        let from: Mailbox = from.parse().context("mail_from is not a valid mailbox")?;
        let to: Mailbox = email.to_address.parse().context("recipient address")?;
        let mut builder = Message::builder()
            .from(from)
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(format!("<{}@{}>", email.id, host)));
        if let Some(link) = unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{link}>")))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        // A one-time link goes out in the email only (PL-4, PL-8).
        let text = email.body_secret.clone().unwrap_or_else(|| email.body_text.clone());
        let message = match &email.calendar {
            None => builder.header(ContentType::TEXT_PLAIN).body(text)?,
            // UG-17: the text and the invitation as alternatives (what
            // calendar clients read, RFC 6047), and the same file attached
            // for clients that only offer attachments.
            Some(ics) => {
                let method =
                    ics.lines().find_map(|l| l.strip_prefix("METHOD:")).map(str::trim).unwrap_or("PUBLISH").to_owned();
                let calendar_type = ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))?;
                let alternative = MultiPart::alternative()
                    .singlepart(SinglePart::plain(text))
                    .singlepart(SinglePart::builder().header(calendar_type.clone()).body(ics.clone()));
                let file = Attachment::new("invite.ics".to_owned()).body(ics.clone(), calendar_type);
                builder.multipart(MultiPart::mixed().multipart(alternative).singlepart(file))?
            }
        };
        match self {
            Self::Smtp(t) => {
                t.send(message).await?;
            }
            Self::Files(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                // Write then rename: a crash leaves no half file, and a retry
                // replaces the same file rather than adding a second one.
                let tmp = dir.join(format!(".{}.eml.tmp", email.id));
                tokio::fs::write(&tmp, message.formatted()).await?;
                tokio::fs::rename(&tmp, dir.join(format!("{}.eml", email.id))).await?;
            }
        }
        Ok(())
    }
}
