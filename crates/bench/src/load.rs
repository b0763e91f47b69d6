//! The load generators: wrk for pages, a Rust client for the rush.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use guildhall_domain::ids::EventId;
use guildhall_storage::registrations;
use serde_json::Value;

use crate::seed::{World, RUSH_MEMBERS, RUSH_SEATS};
use crate::server::Server;

pub struct WrkResult {
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

fn ms(v: &str) -> f64 {
    let (num, unit) = v.trim().split_at(v.trim().find(|c: char| c.is_alphabetic()).unwrap_or(v.len()));
    let n: f64 = num.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        _ => f64::NAN,
    }
}

/// Runs wrk against `path`, sampling the server's memory meanwhile.
pub async fn wrk(srv: &Server, path: &str, cookie: Option<&str>) -> anyhow::Result<(WrkResult, u64)> {
    let header: Vec<String> = cookie.map(|c| vec!["-H".to_owned(), format!("Cookie: {c}")]).unwrap_or_default();
    // Warm up, so the first figures are not connection setup.
    let _ = tokio::process::Command::new("wrk")
        .args(["-t2", "-c64", "-d2s"])
        .args(&header)
        .arg(srv.url(path))
        .output()
        .await?;
    let child = tokio::process::Command::new("wrk")
        .args(["-t2", "-c64", "-d10s", "--latency"])
        .args(&header)
        .arg(srv.url(path))
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let mut peak = 0;
    let out = {
        let wait = child.wait_with_output();
        tokio::pin!(wait);
        loop {
            tokio::select! {
                out = &mut wait => break out?,
                _ = tokio::time::sleep(Duration::from_millis(250)) => peak = peak.max(srv.rss_kib()),
            }
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |prefix: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or("")
    };
    let rps: f64 = field("Requests/sec:").parse().unwrap_or(0.0);
    let non2xx = text.lines().any(|l| l.contains("Non-2xx"));
    anyhow::ensure!(!non2xx, "{path} answered errors under load:\n{text}");
    Ok((WrkResult { rps, p50_ms: ms(field("50%")), p99_ms: ms(field("99%")) }, peak))
}

pub struct Rush {
    pub members: usize,
    pub seats: i64,
    pub seconds: f64,
    pub confirmed: u64,
    pub waiting: u64,
    pub positions_ok: bool,
    pub peak_rss_kib: u64,
}

/// 10,000 registrations, 64 in flight at a time.
pub async fn rush(srv: &Server, world: &World) -> anyhow::Result<Rush> {
    let client = reqwest::Client::builder().pool_max_idle_per_host(64).build()?;
    let url = srv.url(&format!("/api/v1/events/{}/registrations", world.rush_event));
    let next = Arc::new(AtomicUsize::new(0));
    let tokens = Arc::new(world.tokens.clone());
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..64 {
        let (client, url, next, tokens) = (client.clone(), url.clone(), next.clone(), tokens.clone());
        tasks.spawn(async move {
            let mut positions = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(token) = tokens.get(i) else { break };
                let res = client.post(&url).bearer_auth(token).send().await.expect("request");
                assert_eq!(res.status().as_u16(), 201, "registration accepted");
                let body: Value = res.json().await.expect("json");
                if let Some(p) = body["waitlist_position"].as_i64() {
                    positions.push(p);
                }
            }
            positions
        });
    }
    let mut peak = 0;
    let mut positions = Vec::new();
    while !tasks.is_empty() {
        tokio::select! {
            done = tasks.join_next() => if let Some(p) = done { positions.extend(p?) },
            _ = tokio::time::sleep(Duration::from_millis(250)) => peak = peak.max(srv.rss_kib()),
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let event: EventId = world.rush_event.parse()?;
    let tally = registrations::tally(srv.db.reader(), event).await?;
    positions.sort_unstable();
    let expected: Vec<i64> = (1..=(RUSH_MEMBERS as i64 - RUSH_SEATS)).collect();
    Ok(Rush {
        members: RUSH_MEMBERS,
        seats: RUSH_SEATS,
        seconds,
        confirmed: tally.confirmed,
        waiting: tally.waiting,
        positions_ok: positions == expected,
        peak_rss_kib: peak,
    })
}
