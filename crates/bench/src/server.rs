//! The release binary as its own process, on a fresh database.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use guildhall_storage::testing::TestDb;
use guildhall_storage::{Backend, Db};
use tokio::process::{Child, Command};

pub struct Server {
    pub base: String,
    pub db: Db,
    child: Child,
    _tdb: TestDb,
}

pub fn binary() -> PathBuf {
    let here = std::env::current_exe().expect("own path");
    here.parent().expect("target dir").join("guildhall")
}

impl Server {
    pub async fn start(backend: Backend) -> anyhow::Result<Self> {
        let tdb = TestDb::fresh(backend).await.ok_or_else(|| anyhow::anyhow!("{backend:?} not available"))?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new(binary())
            .args(["--database-url", &tdb.url, "--db-max-connections", "16", "serve", "--no-worker"])
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()?;
        let base = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if reqwest::get(format!("{base}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
                let db = tdb.db.clone();
                return Ok(Self { base, db, child, _tdb: tdb });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::bail!("server did not start")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Resident set size in KiB, from /proc.
    pub fn rss_kib(&self) -> u64 {
        let Some(pid) = self.child.id() else { return 0 };
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_owned))
            .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
            .unwrap_or(0)
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
