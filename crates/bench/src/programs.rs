//! CH-7 and CH-4 at scale: a fresh database with N Champions and 20
//! contributions each (2,000,000 at 100,000 members), then
//!
//! - the yearly renewal run by the release binary (`guildhall renew`), as
//!   its own process: wall time and peak resident set (VmHWM), and
//! - eligibility for one member, as the API computes it (stored plus
//!   derived contributions, then the engine), for 1,000 members in turn.
//!
//! Run at 10,000 and 100,000 members to show how both grow.

use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, Utc};
use guildhall_domain::contribution::{ContentFormat, Contribution, Details, Rating};
use guildhall_domain::eligibility::{evaluate, Criteria};
use guildhall_domain::ids::MemberId;
use guildhall_domain::program::FocusArea;
use guildhall_storage::testing::TestDb;
use guildhall_storage::{contributions, settings, Backend, Db};
use tokio::process::Command;

pub const PER_MEMBER: usize = 20;

/// A small deterministic generator, so every run seeds the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Focus areas roughly as a real program has them (forums the largest).
fn area(r: &mut Rng) -> FocusArea {
    match r.below(20) {
        0..=7 => FocusArea::Forums,
        8..=10 => FocusArea::Forge,
        11..=12 => FocusArea::OrganizingEvents,
        13..=14 => FocusArea::Speaking,
        15..=17 => FocusArea::TechnicalContent,
        _ => FocusArea::Mentoring,
    }
}

fn details(a: FocusArea, r: &mut Rng) -> Details {
    match a {
        FocusArea::Forums => Details::ForumSolution { accepted: r.below(10) < 8 },
        FocusArea::Forge => Details::ForgeComponent {
            rating: Rating::from_tenths(30 + r.below(21) as u8).unwrap_or_else(|_| unreachable!()),
            platform_version: if r.below(10) < 8 { "O11".into() } else { "O10".into() },
            has_description: true,
            has_screenshots: r.below(10) < 9,
            has_docs: r.below(10) < 8,
        },
        FocusArea::OrganizingEvents => Details::EventOrganized { held_here: false },
        FocusArea::Speaking => Details::SessionDelivered { held_here: false },
        FocusArea::TechnicalContent => Details::ContentPiece { format: ContentFormat::BlogPost },
        FocusArea::Mentoring => Details::MentoringTestimonial { onboarding_plan: false },
    }
}

/// Members, their Champions memberships and their contributions, written
/// with multi-row inserts. Returns the members' ids.
async fn seed(db: &Db, members: usize) -> anyhow::Result<Vec<MemberId>> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let now = Utc::now().timestamp_micros();
    let today = Utc::now().date_naive();
    let started = NaiveDate::from_ymd_opt(today.year() - 2, 1, 1).unwrap_or(today).to_string();
    let mut ids = Vec::with_capacity(members);
    // Small statements (SQLite prepares big ones slowly), large transactions.
    const CHUNK: usize = 10;
    const PER_TX: usize = 100;
    let mut tx = db.begin().await?;
    for chunk in 0..members.div_ceil(CHUNK) {
        if chunk > 0 && chunk % PER_TX == 0 {
            tx.commit().await?;
            tx = db.begin().await?;
        }
        let range = chunk * CHUNK..((chunk + 1) * CHUNK).min(members);
        let batch: Vec<(MemberId, FocusArea)> = range.clone().map(|_| (MemberId::new(), area(&mut r))).collect();
        let rows = |n: usize, cols: usize| {
            (0..n)
                .map(|i| {
                    format!("({})", (1..=cols).map(|c| format!("${}", i * cols + c)).collect::<Vec<_>>().join(", "))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let sql = format!(
            "INSERT INTO members (id, email, name, email_verified_at, created_at, updated_at) VALUES {}",
            rows(batch.len(), 6)
        );
        let mut q = sqlx::query(&sql);
        for (i, (id, _)) in range.clone().zip(&batch) {
            q = q.bind(id.to_string()).bind(format!("champion{i}@example.org")).bind(format!("Champion {i}"));
            q = q.bind(now).bind(now).bind(now);
        }
        q.execute(&mut *tx).await?;
        let sql = format!(
            "INSERT INTO memberships (id, member_id, program, focus_area, starts_on, created_at) VALUES {}",
            rows(batch.len(), 6)
        );
        let mut q = sqlx::query(&sql);
        for (id, a) in &batch {
            q = q.bind(uuid::Uuid::now_v7().to_string()).bind(id.to_string()).bind("champions");
            q = q.bind(a.as_str()).bind(started.clone()).bind(now);
        }
        q.execute(&mut *tx).await?;
        let n = batch.len() * PER_MEMBER;
        let sql = format!(
            "INSERT INTO contributions (id, member_id, kind, details, happened_on, link, title, source, source_key,
             verification, created_at) VALUES {}",
            rows(n, 11)
        );
        let mut q = sqlx::query(&sql);
        for (id, a) in &batch {
            for k in 0..PER_MEMBER {
                // Mostly in the member's own area, over the last two years.
                let kind_area = if r.below(10) < 7 { *a } else { area(&mut r) };
                let d = details(kind_area, &mut r);
                let day = today - chrono::Days::new(r.below(730));
                q = q
                    .bind(uuid::Uuid::now_v7().to_string())
                    .bind(id.to_string())
                    .bind(d.kind().as_str())
                    .bind(serde_json::to_string(&d)?)
                    .bind(day.to_string())
                    .bind(format!("https://community.example.com/c/{id}/{k}"))
                    .bind(format!("Contribution {k}"))
                    .bind("imported")
                    .bind(format!("bench:{k}"))
                    .bind("unverified")
                    .bind(now);
            }
        }
        q.execute(&mut *tx).await?;
        ids.extend(batch.into_iter().map(|(id, _)| id));
    }
    tx.commit().await?;
    Ok(ids)
}

pub struct Renewal {
    pub seconds: f64,
    pub peak_kib: u64,
    pub output: String,
}

fn binary() -> std::path::PathBuf {
    let here = std::env::current_exe().expect("own path");
    here.parent().expect("target dir").join("guildhall")
}

fn high_water_kib(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// `guildhall renew` as its own process, timed, its peak memory read from
/// /proc while it runs.
async fn renewal(url: &str) -> anyhow::Result<Renewal> {
    let start = Instant::now();
    let mut child = Command::new(binary())
        .args(["--database-url", url, "renew", "--program", "champions"])
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let pid = child.id().unwrap_or(0);
    let mut peak = 0;
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        peak = peak.max(high_water_kib(pid).unwrap_or(0));
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let seconds = start.elapsed().as_secs_f64();
    let mut output = String::new();
    if let Some(mut out) = child.stdout.take() {
        use tokio::io::AsyncReadExt;
        out.read_to_string(&mut output).await?;
    }
    anyhow::ensure!(status.success(), "guildhall renew failed: {output}");
    Ok(Renewal { seconds, peak_kib: peak, output: output.trim().to_owned() })
}

/// Eligibility of `sample` members one after another, as the API computes
/// it: (p50, p99) in milliseconds.
async fn eligibility(db: &Db, sample: &[MemberId]) -> anyhow::Result<(f64, f64)> {
    let criteria = Criteria::from_settings(&settings::load(db.reader()).await?);
    let today = Utc::now().date_naive();
    let mut times = Vec::with_capacity(sample.len());
    for id in sample {
        let t = Instant::now();
        let list: Vec<Contribution> =
            contributions::all(db.reader(), *id).await?.into_iter().map(|s| s.contribution).collect();
        let e = evaluate(FocusArea::Forums, &list, &criteria, today);
        std::hint::black_box(e);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    Ok((at(0.5), at(0.99)))
}

pub struct Scale {
    pub members: usize,
    pub seed_seconds: f64,
    pub renewal: Renewal,
    pub eligibility_ms: (f64, f64),
}

pub async fn measure(backend: Backend, members: usize) -> anyhow::Result<Scale> {
    let tdb = TestDb::fresh(backend).await.ok_or_else(|| anyhow::anyhow!("{backend:?} not available"))?;
    let t = Instant::now();
    let ids = seed(&tdb.db, members).await?;
    let seed_seconds = t.elapsed().as_secs_f64();
    if backend == Backend::Postgres {
        sqlx::query("ANALYZE").execute(tdb.db.reader()).await?;
    }
    let renewal = renewal(&tdb.url).await?;
    let step = (ids.len() / 1000).max(1);
    let sample: Vec<MemberId> = ids.iter().step_by(step).copied().take(1000).collect();
    let eligibility_ms = eligibility(&tdb.db, &sample).await?;
    Ok(Scale { members, seed_seconds, renewal, eligibility_ms })
}

/// The Markdown section for one backend.
pub fn report(name: &str, scales: &[Scale]) -> String {
    let mut out = format!(
        "### Renewal and eligibility at scale, {name}\n\n{} contributions per member; renewal by `guildhall renew` as its own process.\n\n\
         | members | contributions | seeding | renewal run | renewal peak memory | eligibility of one member p50 / p99 |\n|---:|---:|---:|---:|---:|---:|\n",
        PER_MEMBER
    );
    for s in scales {
        out.push_str(&format!(
            "| {} | {} | {:.1} s | **{:.2} s** | {:.1} MiB | {:.2} / {:.2} ms |\n",
            s.members,
            s.members * PER_MEMBER,
            s.seed_seconds,
            s.renewal.seconds,
            s.renewal.peak_kib as f64 / 1024.0,
            s.eligibility_ms.0,
            s.eligibility_ms.1
        ));
    }
    if let [small, large] = scales {
        let growth = large.renewal.seconds / small.renewal.seconds;
        let size = large.members as f64 / small.members as f64;
        out.push_str(&format!(
            "\nFrom {} to {} members ({size:.0}×) the renewal took {growth:.1}× as long (linear would be {size:.0}×); \
             eligibility of one member went from {:.2} to {:.2} ms (p50).\n",
            small.members, large.members, small.eligibility_ms.0, large.eligibility_ms.0
        ));
    }
    if let Some(last) = scales.last() {
        out.push_str(&format!("\nLast run said: `{}`\n", last.renewal.output));
    }
    out
}
