//! The soak with faults (`guildhall-bench soak`, see docs/RELIABILITY.md):
//! mixed traffic for a set time against the release binary, while an
//! instance is SIGKILLed and restarted and (on PostgreSQL, with two
//! instances sharing it) the database is restarted; then the invariants.

mod checks;
mod fleet;
mod mail_sink;
mod traffic;
mod world;

use std::time::{Duration, Instant};

use guildhall_storage::testing::TestDb;
use guildhall_storage::Backend;

use checks::{Check, Window};
use fleet::Instance;
use mail_sink::MailSink;
use traffic::Traffic;

/// Clients sending at once, each as fast as answers come.
const WORKERS: u64 = 16;

pub struct Outcome {
    pub report: String,
    pub passed: bool,
}

pub async fn run(backend: Backend, minutes: f64) -> anyhow::Result<Outcome> {
    let tdb = TestDb::fresh(backend).await.ok_or_else(|| anyhow::anyhow!("{backend:?} is not available"))?;
    let dir = std::env::temp_dir().join(format!("guildhall-soak-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir)?;
    let (sink, smtp_port) = MailSink::start()?;
    let names: &[&'static str] = match backend {
        Backend::Postgres => &["a", "b"],
        Backend::Sqlite => &["a"],
    };
    let mut fleet = Vec::new();
    for name in names {
        fleet.push(Instance::start(name, &tdb.url, smtp_port, &dir).await?);
    }
    eprintln!("   seeding");
    let world = world::seed(&tdb.db, &fleet[0].base).await?;
    let traffic = Traffic::new(world, fleet.iter().map(|i| i.base.clone()).collect())?;
    let total = Duration::from_secs_f64(minutes * 60.0);
    let start = Instant::now();
    let at = |share: f64| start + total.mul_f64(share);
    let until = at(1.0);
    eprintln!("   traffic for {minutes} min");
    let mut tasks = tokio::task::JoinSet::new();
    for w in 0..WORKERS {
        tasks.spawn(traffic.clone().worker(w, until));
    }
    // The same file imported twice (the second adds nothing), the renewal
    // run worked in steps from a fifth of the way in.
    for share in [0.25, 0.65] {
        let (t, when) = (traffic.clone(), at(share));
        tasks.spawn(async move {
            tokio::time::sleep_until(when.into()).await;
            t.import().await;
        });
    }
    let (t, when) = (traffic.clone(), at(0.2));
    tasks.spawn(async move {
        tokio::time::sleep_until(when.into()).await;
        // Long enough for a killed instance's lease on the run to expire.
        t.renewal(total + Duration::from_secs(180)).await;
    });

    let mut windows = Vec::new();
    let mut faults = Vec::new();
    let victim = fleet.len() - 1;
    let kills = 1;
    tokio::time::sleep_until(at(0.3).into()).await;
    let from = Instant::now();
    fleet[victim].kill().await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    fleet[victim].restart().await?;
    windows.push(Window { instance: Some(victim), from, to: Instant::now() });
    faults.push(format!(
        "SIGKILL of instance {} at {:.0} s; restarted, serving again after {:.1} s",
        fleet[victim].name,
        (from - start).as_secs_f64(),
        from.elapsed().as_secs_f64()
    ));
    if backend == Backend::Postgres {
        tokio::time::sleep_until(at(0.6).into()).await;
        let from = Instant::now();
        let down = fleet::restart_postgres().await?;
        for i in &fleet {
            i.wait_ready(Duration::from_secs(60)).await?;
        }
        windows.push(Window { instance: None, from, to: Instant::now() });
        faults.push(format!(
            "PostgreSQL restarted (pg_ctlcluster restart, fast) at {:.0} s: accepting connections after {:.1} s, both instances healthy after {:.1} s",
            (from - start).as_secs_f64(),
            down.as_secs_f64(),
            from.elapsed().as_secs_f64()
        ));
    }
    while let Some(done) = tasks.join_next().await {
        done?;
    }
    let traffic_time = until.saturating_duration_since(start);
    eprintln!("   waiting for the outbox to empty");
    let (queued_at_stop, drained) = drain_outbox(&tdb).await?;
    tokio::time::sleep(Duration::from_secs(1)).await;

    eprintln!("   checking");
    let acked = std::mem::take(&mut *traffic.acked.lock().unwrap_or_else(|p| p.into_inner()));
    let world = &traffic.world;
    let mut list: Vec<Check> = vec![checks::seats(&tdb.db, &fleet[0].base, world).await?];
    list.extend(checks::registrations(&tdb.db, &acked).await?);
    list.push(checks::benefit_codes(&tdb.db, world, &acked).await?);
    list.push(checks::emails(&tdb.db, &sink.counts(), kills).await?);
    list.extend(checks::programs(&tdb.db, world, &acked).await?);
    let log = std::mem::take(&mut *traffic.log.lock().unwrap_or_else(|p| p.into_inner()));
    let http = checks::http(&log, &windows);
    for i in fleet.iter_mut() {
        i.stop().await;
    }
    let passed = list.iter().all(|c| c.ok) && http.check.ok;

    let name = format!("{backend:?}").to_lowercase();
    let mut out = format!(
        "### {name}: {} instance(s), {minutes} min of traffic ({})\n\n",
        fleet.len(),
        chrono::Utc::now().format("%Y-%m-%d")
    );
    out.push_str(&format!(
        "Requests: **{}** ({:.0}/s over the {:.0} s of traffic) from {WORKERS} clients, round robin over the instances: {}. \
         The renewal run, started at {:.0} s, answered done at {}.\n\n",
        http.total,
        http.total as f64 / traffic_time.as_secs_f64(),
        traffic_time.as_secs_f64(),
        http.per_kind.iter().map(|(k, n)| format!("{k:?} {n}")).collect::<Vec<_>>().join(", "),
        total.mul_f64(0.2).as_secs_f64(),
        acked.renewal_done.map(|t| format!("{:.0} s", (t - start).as_secs_f64())).unwrap_or_else(|| "never".into())
    ));
    out.push_str("Faults injected:\n\n");
    for f in &faults {
        out.push_str(&format!("- {f}\n"));
    }
    out.push_str(&format!(
        "\nDuring the faults {} requests were in flight or sent; of those, failed: {}.\n\
         {} emails were waiting in the outbox when the traffic stopped; the workers had sent them {:.1} s later.\n\n",
        http.in_windows,
        if http.failed_in_windows.is_empty() {
            "none".to_owned()
        } else {
            http.failed_in_windows.iter().map(|(k, n)| format!("{n} × {k}")).collect::<Vec<_>>().join(", ")
        },
        queued_at_stop,
        drained.as_secs_f64()
    ));
    out.push_str("| rule | invariant | result | figures |\n|---|---|---|---|\n");
    for c in list.iter().chain(std::iter::once(&http.check)) {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            c.rule,
            c.name,
            if c.ok { "held" } else { "**BROKEN**" },
            c.detail
        ));
    }
    if passed {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        out.push_str(&format!("\nInstance logs kept in {}.\n", dir.display()));
    }
    Ok(Outcome { report: out, passed })
}

/// Waits until every email in the outbox is sent, as long as the workers
/// keep making progress; returns how many were waiting when the traffic
/// stopped and how long emptying took.
async fn drain_outbox(tdb: &TestDb) -> anyhow::Result<(i64, Duration)> {
    let unsent = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'")
            .fetch_one(tdb.db.reader())
            .await
    };
    let start = Instant::now();
    let at_stop = unsent().await?;
    let (mut last, mut progress) = (at_stop, Instant::now());
    while last > 0 && progress.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let left = unsent().await?;
        if left < last {
            progress = Instant::now();
        }
        last = left;
    }
    Ok((at_stop, start.elapsed()))
}
