//! Guildhall's benchmarks (see docs/BENCHMARKS.md). For SQLite and for
//! PostgreSQL, against the release binary running as its own process:
//!
//! 1. Pages: `wrk` at 64 connections on the public event page and group
//!    page, each reported as a ratio of a static file of the same server
//!    measured in the same run.
//! 2. Registration rush: 10,000 members register for a 1,000-seat event
//!    as fast as the server takes them; registrations per second and proof
//!    that exactly 1,000 were confirmed.
//! 3. Memory: the server's resident set idle and at its peak under load.
//!
//! Prints a Markdown report. No thresholds: the aims are in the report.
//!
//! Also `renewal` (CH-7 at scale, bench/renewal.sh) and `soak` (the soak
//! with faults, bench/soak.sh and docs/RELIABILITY.md).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod load;
mod programs;
mod seed;
mod server;
mod soak;

use guildhall_storage::Backend;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let only = std::env::args().nth(1);
    let mut sections = Vec::new();
    // `guildhall-bench soak [minutes] [sqlite|postgres]`: the soak with faults.
    if only.as_deref() == Some("soak") {
        let minutes: f64 = std::env::args().nth(2).and_then(|m| m.parse().ok()).unwrap_or(5.0);
        let wanted = std::env::args().nth(3);
        let mut passed = true;
        for backend in [Backend::Postgres, Backend::Sqlite] {
            let name = format!("{backend:?}").to_lowercase();
            if wanted.as_deref().is_some_and(|b| b != name) {
                continue;
            }
            eprintln!("== soak, {name}, {minutes} min");
            let outcome = soak::run(backend, minutes).await?;
            passed &= outcome.passed;
            sections.push(outcome.report);
        }
        println!("{}", sections.join("\n"));
        anyhow::ensure!(passed, "an invariant was broken (see the report above)");
        return Ok(());
    }
    // `guildhall-bench renewal [sqlite|postgres] [members...]`: CH-7 at scale.
    if only.as_deref() == Some("renewal") {
        let wanted = std::env::args().nth(2);
        let sizes: Vec<usize> = std::env::args().skip(3).filter_map(|a| a.parse().ok()).collect();
        let sizes = if sizes.is_empty() { vec![10_000, 100_000] } else { sizes };
        for backend in [Backend::Sqlite, Backend::Postgres] {
            let name = format!("{backend:?}").to_lowercase();
            if wanted.as_deref().is_some_and(|b| b != name) {
                continue;
            }
            let mut scales = Vec::new();
            for n in &sizes {
                eprintln!("== renewal, {name}, {n} members");
                scales.push(programs::measure(backend, *n).await?);
            }
            sections.push(programs::report(&name, &scales));
        }
        println!("{}", sections.join("\n"));
        return Ok(());
    }
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let name = format!("{backend:?}").to_lowercase();
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        eprintln!("== {name}");
        sections.push(run(backend, &name).await?);
    }
    println!("{}", sections.join("\n"));
    Ok(())
}

async fn run(backend: Backend, name: &str) -> anyhow::Result<String> {
    let srv = server::Server::start(backend).await?;
    let world = seed::world(&srv).await?;
    let idle = srv.rss_kib();
    let cookie = Some(world.session_cookie.as_str());
    let pages = [
        ("static file (baseline)", "/static/site.css".to_owned(), None),
        ("event page, visitor", format!("/events/{}", world.page_event), None),
        ("group page, visitor", format!("/groups/{}", world.slug), None),
        ("event page, signed-in member (rendered every time)", format!("/events/{}", world.page_event), cookie),
        ("group page, signed-in member (rendered every time)", format!("/groups/{}", world.slug), cookie),
    ];
    let mut results = Vec::new();
    let mut peak = idle;
    for (label, path, cookie) in &pages {
        let (r, p) = load::wrk(&srv, path, *cookie).await?;
        peak = peak.max(p);
        results.push((label, r));
    }
    let base = results[0].1.rps;
    let mut out = format!(
        "### {name}\n\nwrk, 2 threads, 64 connections, 10 s per page, {}\n\n| page | requests/s | ratio to static | p50 | p99 |\n|---|---:|---:|---:|---:|\n",
        chrono::Utc::now().format("%Y-%m-%d")
    );
    for (label, r) in &results {
        out.push_str(&format!(
            "| {label} | {:.0} | {:.0}% | {:.2} ms | {:.2} ms |\n",
            r.rps,
            100.0 * r.rps / base,
            r.p50_ms,
            r.p99_ms
        ));
    }
    let rush = load::rush(&srv, &world).await?;
    peak = peak.max(rush.peak_rss_kib);
    out.push_str(&format!(
        "\nRegistration rush: {} members, {} seats, 64 at a time: **{:.0} registrations/s** ({:.2} s); \
         confirmed {}, waiting {} (positions 1..{} without gaps: {}).\n",
        rush.members,
        rush.seats,
        rush.members as f64 / rush.seconds,
        rush.seconds,
        rush.confirmed,
        rush.waiting,
        rush.waiting,
        if rush.positions_ok { "yes" } else { "NO" },
    ));
    out.push_str(&format!(
        "\nMemory (server's resident set): idle {:.1} MiB, peak under load {:.1} MiB.\n",
        idle as f64 / 1024.0,
        peak as f64 / 1024.0
    ));
    srv.stop().await;
    Ok(out)
}
