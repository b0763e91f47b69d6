//! Runtime configuration, from flags and `GUILDHALL_*` variables.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything `serve` needs. `Debug` hides the SMTP password.
#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub db_max_connections: u32,
    pub bind: SocketAddr,
    /// The address people reach us at, used in emailed links.
    pub public_url: url::Url,
    /// `smtp://user:pass@host:port` (see lettre's URL forms); `None` writes
    /// emails as `.eml` files into `mail_dir` instead (PL-4).
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub mail_dir: PathBuf,
    /// Trust `X-Forwarded-For` for the client address (behind a proxy).
    pub trust_proxy: bool,
    pub max_body_bytes: usize,
    /// Run the outbox worker in this process.
    pub run_worker: bool,
    /// How often the worker looks for due emails when nothing wakes it.
    pub worker_poll_ms: u64,
    /// How long a worker's claim on outbox emails holds before another
    /// instance may take them over (a crashed worker's emails come back then).
    pub mail_lease_secs: i64,
    /// A name for this instance in logs and outbox claims.
    pub instance_id: String,
    /// How old a public page shown to visitors may be (0: always render).
    pub page_cache_ms: u64,
    /// Where receipt files of expense claims are kept (UG-13).
    pub upload_dir: PathBuf,
    /// Let member-given addresses (linked feeds) reach loopback and private
    /// networks; off unless Guildhall serves an intranet (PL-3).
    pub fetch_private_hosts: bool,
}

impl Config {
    /// Defaults for a local run, used by tests and as the CLI's base.
    pub fn local(database_url: &str) -> Self {
        let bind: SocketAddr = ([127, 0, 0, 1], 8080).into();
        Self {
            database_url: database_url.to_owned(),
            db_max_connections: 10,
            bind,
            public_url: url::Url::parse("http://127.0.0.1:8080").unwrap_or_else(|_| unreachable!()),
            smtp_url: None,
            mail_from: "Guildhall <no-reply@guildhall.localhost>".into(),
            mail_dir: PathBuf::from("mail"),
            trust_proxy: false,
            max_body_bytes: 1024 * 1024,
            run_worker: true,
            worker_poll_ms: 1000,
            mail_lease_secs: 120,
            instance_id: format!("{}-{}", hostname(), std::process::id()),
            page_cache_ms: 2000,
            upload_dir: PathBuf::from("uploads"),
            fetch_private_hosts: false,
        }
    }

    /// A link to `path` on the public site.
    /// A warning when people outside this machine would reach Guildhall
    /// over plain http: session cookies then travel unencrypted and are not
    /// marked `Secure` (ASVS V3.4.1, V9.1.1).
    pub fn plain_http_warning(&self, bound: SocketAddr) -> Option<String> {
        let public_host_is_loopback = match self.public_url.host() {
            Some(url::Host::Domain(d)) => d == "localhost",
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => true,
        };
        let exposed = !bound.ip().is_loopback() || !public_host_is_loopback;
        (self.public_url.scheme() == "http" && exposed).then(|| {
            format!(
                "the public URL {} is plain http while Guildhall is reachable beyond this machine: put it behind \
                 TLS and set --public-url to its https address, or session cookies travel unencrypted",
                self.public_url
            )
        })
    }

    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.public_url.as_str().trim_end_matches('/'), path)
    }
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "guildhall".into())
}

/// Hides the password part of a URL.
pub fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        Ok(u) => u.to_string(),
        Err(_) => "<unparseable>".into(),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("public_url", &self.public_url.as_str())
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("mail_dir", &self.mail_dir)
            .field("upload_dir", &self.upload_dir)
            .field("fetch_private_hosts", &self.fetch_private_hosts)
            .field("trust_proxy", &self.trust_proxy)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("run_worker", &self.run_worker)
            .field("instance_id", &self.instance_id)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_passwords() {
        let mut c = Config::local("postgres://app:s3cret@db/guildhall");
        c.smtp_url = Some("smtp://mailer:hunter22@mail.example.org:587".into());
        let shown = format!("{c:?}");
        assert!(!shown.contains("s3cret") && !shown.contains("hunter22"), "{shown}");
    }

    #[test]
    fn asvs_plain_http_beyond_loopback_is_warned_about() {
        let mut c = Config::local("sqlite::memory:");
        assert_eq!(c.plain_http_warning(([127, 0, 0, 1], 8080).into()), None, "local development");
        assert!(c.plain_http_warning(([0, 0, 0, 0], 8080).into()).is_some(), "every interface, http");
        c.public_url = "https://community.example.org/".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.plain_http_warning(([0, 0, 0, 0], 8080).into()), None, "behind TLS");
        c.public_url = "http://community.example.org/".parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(c.plain_http_warning(([127, 0, 0, 1], 8080).into()).is_some(), "a proxy serving plain http");
    }
}
