//! The processes under test: Guildhall instances (the release binary, each
//! on its own fixed port, as behind a load balancer) and, on PostgreSQL,
//! the database cluster itself. Faults are real: SIGKILL, and a restart of
//! the PostgreSQL cluster with `pg_ctlcluster`.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};

/// One Guildhall instance. Restarting keeps its port and log file.
pub struct Instance {
    pub name: &'static str,
    pub base: String,
    port: u16,
    db_url: String,
    smtp_port: u16,
    dir: PathBuf,
    child: Option<Child>,
}

impl Instance {
    pub async fn start(name: &'static str, db_url: &str, smtp_port: u16, dir: &Path) -> anyhow::Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut i = Instance {
            name,
            base: format!("http://127.0.0.1:{port}"),
            port,
            db_url: db_url.to_owned(),
            smtp_port,
            dir: dir.to_owned(),
            child: None,
        };
        i.spawn().await?;
        Ok(i)
    }

    async fn spawn(&mut self) -> anyhow::Result<()> {
        let log =
            std::fs::OpenOptions::new().create(true).append(true).open(self.dir.join(format!("{}.log", self.name)))?;
        let child = Command::new(crate::server::binary())
            .args(["--database-url", &self.db_url, "--db-max-connections", "8", "serve"])
            .args(["--bind", &format!("127.0.0.1:{}", self.port)])
            .args(["--smtp-url", &format!("smtp://127.0.0.1:{}", self.smtp_port)])
            // A killed instance's claimed emails go to the other after 5 s.
            .args(["--mail-lease-secs", "5"])
            .arg("--upload-dir")
            .arg(self.dir.join("uploads"))
            .arg("--mail-dir")
            .arg(self.dir.join("mail"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log)
            .kill_on_drop(true)
            .spawn()?;
        self.child = Some(child);
        self.wait_ready(Duration::from_secs(60)).await
    }

    /// Waits until `/healthz` answers 200.
    pub async fn wait_ready(&self, limit: Duration) -> anyhow::Result<()> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if reqwest::get(format!("{}/healthz", self.base)).await.is_ok_and(|r| r.status().is_success()) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::bail!("instance {} did not become ready in {limit:?}", self.name)
    }

    /// SIGKILL: no shutdown, no flushing, whatever was in flight is cut.
    pub async fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.start_kill();
            let _ = c.wait().await;
        }
    }

    pub async fn restart(&mut self) -> anyhow::Result<()> {
        self.spawn().await
    }

    /// SIGTERM, and waits for the graceful shutdown (emails in hand finished).
    pub async fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            if let Some(pid) = c.id() {
                let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status().await;
            }
            if tokio::time::timeout(Duration::from_secs(30), c.wait()).await.is_err() {
                let _ = c.start_kill();
                let _ = c.wait().await;
            }
        }
    }
}

/// Restarts the local PostgreSQL cluster (Debian's `pg_ctlcluster`, fast
/// mode: open connections are cut) and waits until it accepts connections.
pub async fn restart_postgres() -> anyhow::Result<Duration> {
    let version = std::fs::read_dir("/etc/postgresql")?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .max_by_key(|v| v.parse::<u32>().unwrap_or(0))
        .ok_or_else(|| anyhow::anyhow!("no PostgreSQL cluster under /etc/postgresql"))?;
    let start = Instant::now();
    let out = Command::new("pg_ctlcluster")
        .args(["--skip-systemctl-redirect", &version, "main", "restart", "-m", "fast"])
        .output()
        .await?;
    anyhow::ensure!(out.status.success(), "pg_ctlcluster restart failed: {}", String::from_utf8_lossy(&out.stderr));
    while start.elapsed() < Duration::from_secs(60) {
        let ready = Command::new("pg_isready").args(["-h", "127.0.0.1", "-p", "5432", "-q"]).status().await?;
        if ready.success() {
            return Ok(start.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("PostgreSQL did not come back within a minute")
}
