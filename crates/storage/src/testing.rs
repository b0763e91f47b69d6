//! Fresh databases for tests: one per test, on SQLite or PostgreSQL.
//!
//! PostgreSQL tests need a server (`GUILDHALL_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`). Without one they skip
//! with a loud message, unless `GUILDHALL_REQUIRE_ALL=1`, where a skip fails.

use std::path::PathBuf;

use crate::{Backend, Db};

/// A database made for one test and removed after it.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    sqlite_dir: Option<PathBuf>,
    pg_name: Option<(String, String)>,
}

/// The administrative PostgreSQL URL tests create databases through.
pub fn postgres_admin_url() -> String {
    std::env::var("GUILDHALL_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Reports a skipped half of a test; fails instead when skips are not allowed.
pub fn skip(what: &str, why: &str) {
    if std::env::var("GUILDHALL_REQUIRE_ALL").as_deref() == Ok("1") {
        panic!("GUILDHALL_REQUIRE_ALL=1 and {what} cannot run: {why}");
    }
    eprintln!("\n!!! SKIPPED {what}: {why} (set GUILDHALL_REQUIRE_ALL=1 to make this a failure)\n");
}

impl TestDb {
    /// A fresh, migrated database, or `None` (after a loud message) when
    /// PostgreSQL is asked for and not reachable.
    pub async fn fresh(backend: Backend) -> Option<TestDb> {
        let url = Self::fresh_url(backend).await?;
        let db = match Db::connect(&url.0, 8).await {
            Ok(db) => db,
            Err(e) => panic!("could not open test database {}: {e}", url.0),
        };
        Some(TestDb { db, url: url.0, sqlite_dir: url.1, pg_name: url.2 })
    }

    /// A URL for a new empty database, without connecting to it.
    pub async fn fresh_url(backend: Backend) -> Option<(String, Option<PathBuf>, Option<(String, String)>)> {
        let tag = uuid::Uuid::now_v7().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("guildhall-test-{tag}"));
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    panic!("cannot create {}: {e}", dir.display());
                }
                let url = format!("sqlite:{}", dir.join("guildhall.db").display());
                Some((url, Some(dir), None))
            }
            Backend::Postgres => {
                use sqlx::Connection;
                let admin = postgres_admin_url();
                let mut conn = match sqlx::PgConnection::connect(&admin).await {
                    Ok(c) => c,
                    Err(e) => {
                        skip("the PostgreSQL half of this test", &format!("PostgreSQL not reachable at {admin}: {e}"));
                        return None;
                    }
                };
                let name = format!("gh_test_{tag}");
                if let Err(e) = sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await {
                    panic!("cannot create database {name}: {e}");
                }
                let mut url = url::Url::parse(&admin).unwrap_or_else(|e| panic!("bad {admin}: {e}"));
                url.set_path(&name);
                Some((url.to_string(), None, Some((admin, name))))
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(dir) = self.sqlite_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some((admin, name)) = self.pg_name.take() {
            // Drop runs outside async code: use a short-lived thread and runtime.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
                rt.block_on(async {
                    use sqlx::Connection;
                    if let Ok(mut c) = sqlx::PgConnection::connect(&admin).await {
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut c).await;
                    }
                });
            })
            .join();
        }
    }
}

/// Runs one async test body against a fresh SQLite database and a fresh
/// PostgreSQL database: `both_backends!(name, |db| async move { ... });`
/// makes `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(t) = $crate::testing::TestDb::fresh($crate::Backend::Sqlite).await {
                    ($body)(t.db.clone()).await;
                    t.db.close().await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(t) = $crate::testing::TestDb::fresh($crate::Backend::Postgres).await {
                    ($body)(t.db.clone()).await;
                    t.db.close().await;
                }
            }
        }
    };
}
