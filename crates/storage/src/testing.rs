//! Fresh databases for tests: one per test, on SQLite or PostgreSQL.
//! Each is a copy of a template migrated once (per process on SQLite, per
//! set of migrations on PostgreSQL), so a test does not pay for running
//! every migration again.
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
        let url = Self::migrated_url(backend).await?;
        let db = match Db::connect(&url.0, 8).await {
            Ok(db) => db,
            Err(e) => panic!("could not open test database {}: {e}", url.0),
        };
        Some(TestDb { db, url: url.0, sqlite_dir: url.1, pg_name: url.2 })
    }

    /// A URL for a new database that already holds every migration: a
    /// copy of the template.
    async fn migrated_url(backend: Backend) -> Option<(String, Option<PathBuf>, Option<(String, String)>)> {
        let tag = uuid::Uuid::now_v7().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let template = sqlite_template().await;
                let dir = std::env::temp_dir().join(format!("guildhall-test-{tag}"));
                let file = dir.join("guildhall.db");
                if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::copy(template, &file)) {
                    panic!("cannot copy the template database into {}: {e}", dir.display());
                }
                Some((format!("sqlite:{}", file.display()), Some(dir), None))
            }
            Backend::Postgres => {
                let (admin, mut conn) = admin_connection().await?;
                let template = postgres_template(&admin, &mut conn).await;
                let name = format!("gh_test_{tag}");
                if let Err(e) =
                    sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}")).execute(&mut conn).await
                {
                    panic!("cannot create database {name} from {template}: {e}");
                }
                Some((database_url(&admin, &name), None, Some((admin, name))))
            }
        }
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
                let (admin, mut conn) = admin_connection().await?;
                let name = format!("gh_test_{tag}");
                if let Err(e) = sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await {
                    panic!("cannot create database {name}: {e}");
                }
                Some((database_url(&admin, &name), None, Some((admin, name))))
            }
        }
    }
}

/// A connection to the administrative database, or `None` (after a loud
/// message) when PostgreSQL is not reachable.
async fn admin_connection() -> Option<(String, sqlx::PgConnection)> {
    use sqlx::Connection;
    let admin = postgres_admin_url();
    match sqlx::PgConnection::connect(&admin).await {
        Ok(c) => Some((admin, c)),
        Err(e) => {
            skip("the PostgreSQL half of this test", &format!("PostgreSQL not reachable at {admin}: {e}"));
            None
        }
    }
}

/// The URL of database `name` on the administrative URL's server.
fn database_url(admin: &str, name: &str) -> String {
    let mut url = url::Url::parse(admin).unwrap_or_else(|e| panic!("bad {admin}: {e}"));
    url.set_path(name);
    url.to_string()
}

/// A name that changes whenever a migration is added or edited.
fn migrations_tag() -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for m in crate::db::MIGRATOR.iter() {
        m.version.hash(&mut h);
        m.checksum.hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

/// The migrated SQLite file for this set of migrations, made by the first
/// test process that needs it and kept for later runs. A process builds
/// its own copy under a private name and renames it into place, so two
/// processes racing both leave a whole file.
async fn sqlite_template() -> &'static std::path::Path {
    static TEMPLATE: tokio::sync::OnceCell<PathBuf> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let file = std::env::temp_dir().join(format!("guildhall-template-{}.db", migrations_tag()));
            if file.exists() {
                return file;
            }
            let dir = std::env::temp_dir().join(format!("guildhall-template-{}", uuid::Uuid::now_v7().simple()));
            if let Err(e) = std::fs::create_dir_all(&dir) {
                panic!("cannot create {}: {e}", dir.display());
            }
            let building = dir.join("template.db");
            let db = Db::connect(&format!("sqlite:{}", building.display()), 2)
                .await
                .unwrap_or_else(|e| panic!("cannot migrate the template database: {e}"));
            // Closing checkpoints the WAL into the file, so the file alone is whole.
            db.close().await;
            if let Err(e) = std::fs::rename(&building, &file) {
                panic!("cannot put the template database at {}: {e}", file.display());
            }
            let _ = std::fs::remove_dir_all(dir);
            file
        })
        .await
}

/// The migrated template database on this PostgreSQL server, made by the
/// first test process that needs it (an advisory lock keeps others waiting)
/// and kept for later runs with the same migrations.
async fn postgres_template(admin: &str, conn: &mut sqlx::PgConnection) -> String {
    let name = format!("gh_template_{}", migrations_tag());
    let fail = |what: &str, e: sqlx::Error| -> ! { panic!("cannot {what} the template database {name}: {e}") };
    // Any constant works as the lock's key, as long as every process uses the same.
    const LOCK: i64 = 0x6775_696c_6468;
    sqlx::query("SELECT pg_advisory_lock($1)").bind(LOCK).execute(&mut *conn).await.unwrap_or_else(|e| fail("lock", e));
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut *conn)
        .await
        .unwrap_or_else(|e| fail("look up", e));
    if exists.is_none() {
        let building = format!("{name}_building");
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)")).execute(&mut *conn).await;
        sqlx::query(&format!("CREATE DATABASE {building}"))
            .execute(&mut *conn)
            .await
            .unwrap_or_else(|e| fail("create", e));
        let db = Db::connect(&database_url(admin, &building), 2)
            .await
            .unwrap_or_else(|e| panic!("cannot migrate {building}: {e}"));
        db.close().await;
        // A closed pool's connections may still be ending on the server,
        // and a database in use cannot be renamed (the flake of stop 29).
        let _ = sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
            .bind(&building)
            .execute(&mut *conn)
            .await;
        // Renamed only once whole, so a crash mid-migration leaves no half template behind.
        sqlx::query(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .execute(&mut *conn)
            .await
            .unwrap_or_else(|e| fail("finish", e));
    }
    sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(LOCK)
        .execute(&mut *conn)
        .await
        .unwrap_or_else(|e| fail("unlock", e));
    name
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
