//! The invariants, read from the database after the soak (and from what
//! the servers acknowledged during it). Each names the rule it proves.

use std::collections::{BTreeMap, HashMap, HashSet};

use guildhall_storage::Db;
use serde_json::Value;

use super::traffic::{Acked, Kind, Outcome};
use super::world::{SoakWorld, CAPACITY};

pub struct Check {
    pub rule: &'static str,
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
}

fn check(rule: &'static str, name: &'static str, problems: Vec<String>, fine: String) -> Check {
    let ok = problems.is_empty();
    let detail = if ok {
        fine
    } else {
        let more = if problems.len() > 5 { format!(" (and {} more)", problems.len() - 5) } else { String::new() };
        format!("{}{more}", problems.into_iter().take(5).collect::<Vec<_>>().join("; "))
    };
    Check { rule, name, ok, detail }
}

/// A time the soak was at fault on purpose: an instance down, or the
/// database restarting (`instance: None`, every instance affected).
pub struct Window {
    pub instance: Option<usize>,
    pub from: std::time::Instant,
    pub to: std::time::Instant,
}

/// UG-14: no event over capacity; its waiting list in order without gaps,
/// and nobody waiting while a seat is free.
pub async fn seats(db: &Db, base: &str, world: &SoakWorld) -> anyhow::Result<Check> {
    let mut problems = Vec::new();
    let (mut confirmed_all, mut waiting_all) = (0, 0);
    for ev in &world.events {
        let confirmed: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'confirmed'")
                .bind(ev)
                .fetch_one(db.reader())
                .await?;
        if confirmed > CAPACITY {
            problems.push(format!("event {ev}: {confirmed} confirmed for {CAPACITY} seats"));
        }
        // The leaders' list, as the API gives it.
        let list: Vec<Value> = reqwest::Client::new()
            .get(format!("{base}/api/v1/events/{ev}/registrations"))
            .bearer_auth(&world.admin_token)
            .send()
            .await?
            .json()
            .await?;
        let positions: Vec<i64> = list.iter().filter_map(|a| a["waitlist_position"].as_i64()).collect();
        let expected: Vec<i64> = (1..=positions.len() as i64).collect();
        if positions != expected {
            problems.push(format!("event {ev}: waiting positions {positions:?}"));
        }
        if !positions.is_empty() && confirmed < CAPACITY {
            problems.push(format!(
                "event {ev}: {} waiting while {} seats are free",
                positions.len(),
                CAPACITY - confirmed
            ));
        }
        confirmed_all += confirmed;
        waiting_all += positions.len();
    }
    if world.events.is_empty() || confirmed_all == 0 {
        problems.push(format!("{} events, {confirmed_all} seats taken: nothing was tested", world.events.len()));
    }
    let fine = format!(
        "{} events of {CAPACITY} seats: {confirmed_all} confirmed, {waiting_all} waiting, positions 1..n in each",
        world.events.len()
    );
    Ok(check("UG-14", "no event over capacity, waiting lists without gaps", problems, fine))
}

/// PL-7 and UG-14: replaying each registration's audit entries gives its
/// stored state (so no change went unrecorded), and every change a server
/// acknowledged is stored.
pub async fn registrations(db: &Db, acked: &Acked) -> anyhow::Result<Vec<Check>> {
    let rows: Vec<(String, String, Option<i64>)> =
        sqlx::query_as("SELECT id, status, checked_in_at FROM registrations").fetch_all(db.reader()).await?;
    let entries: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT entity_id, action, details FROM audit_log WHERE entity_type = 'registration' ORDER BY at, id",
    )
    .fetch_all(db.reader())
    .await?;
    let mut replay: HashMap<&str, (String, bool, bool)> = HashMap::new();
    for (id, action, details) in &entries {
        let state = replay.entry(id.as_str()).or_insert((String::new(), false, false));
        match action.as_str() {
            "registration.created" => {
                let d: Value = serde_json::from_str(details).unwrap_or_default();
                state.0 = d["status"].as_str().unwrap_or_default().to_owned();
            }
            "registration.cancelled" => {
                state.0 = "cancelled".into();
                state.2 = true;
            }
            "registration.promoted" => state.0 = "confirmed".into(),
            "registration.checked_in" => state.1 = true,
            _ => {}
        }
    }
    let mut unaudited = Vec::new();
    for (id, status, checked_in) in &rows {
        match replay.get(id.as_str()) {
            Some((s, c, _)) if s == status && *c == checked_in.is_some() => {}
            Some((s, c, _)) => unaudited.push(format!(
                "{id}: stored {status}{}, audit says {s}{}",
                if checked_in.is_some() { " checked in" } else { "" },
                if *c { " checked in" } else { "" }
            )),
            None => unaudited.push(format!("{id}: no audit entry")),
        }
    }
    if rows.is_empty() {
        unaudited.push("no registration was stored".into());
    }
    let audit = check(
        "PL-7",
        "an audit entry for every change of a registration",
        unaudited,
        format!("{} registrations, {} audit entries replay to their stored state", rows.len(), entries.len()),
    );
    let stored: HashMap<&str, Option<i64>> = rows.iter().map(|(id, _, c)| (id.as_str(), *c)).collect();
    let mut lost = Vec::new();
    for r in &acked.registrations {
        if !stored.contains_key(r.id.as_str()) {
            lost.push(format!("registration {} acknowledged, not stored", r.id));
        }
    }
    for id in &acked.checked_in {
        if stored.get(id.as_str()).is_none_or(|c| c.is_none()) {
            lost.push(format!("check-in of {id} acknowledged, not stored"));
        }
    }
    for id in &acked.cancelled {
        if !replay.get(id.as_str()).is_some_and(|(_, _, cancelled)| *cancelled) {
            lost.push(format!("cancellation of {id} acknowledged, not recorded"));
        }
    }
    for (what, n) in [
        ("registration", acked.registrations.len()),
        ("cancellation", acked.cancelled.len()),
        ("check-in", acked.checked_in.len()),
    ] {
        if n == 0 {
            lost.push(format!("no {what} was acknowledged"));
        }
    }
    let kept = check(
        "UG-14",
        "every acknowledged registration, cancellation and check-in is stored",
        lost,
        format!(
            "{} registrations, {} cancellations, {} check-ins acknowledged; all there",
            acked.registrations.len(),
            acked.cancelled.len(),
            acked.checked_in.len()
        ),
    );
    Ok(vec![audit, kept])
}

/// CH-8: no code handed out twice, one per member per year, every claim
/// audited, every acknowledged code stored for its member.
pub async fn benefit_codes(db: &Db, world: &SoakWorld, acked: &Acked) -> anyhow::Result<Check> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT code, claimed_by FROM benefit_codes WHERE benefit_id = $1 AND claimed_by IS NOT NULL")
            .bind(&world.benefit)
            .fetch_all(db.reader())
            .await?;
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'benefit.claimed' AND entity_id = $1")
            .bind(&world.benefit)
            .fetch_one(db.reader())
            .await?;
    let mut problems = Vec::new();
    let mut holders: HashMap<&str, u32> = HashMap::new();
    for (_, by) in &rows {
        *holders.entry(by.as_str()).or_default() += 1;
    }
    for (by, n) in &holders {
        if *n > 1 {
            problems.push(format!("member {by} holds {n} codes"));
        }
    }
    let mut seen = HashSet::new();
    let stored: HashSet<(&str, &str)> = rows.iter().map(|(c, by)| (c.as_str(), by.as_str())).collect();
    for (member, code) in &acked.codes {
        if !seen.insert(code) {
            problems.push(format!("code {code} handed out twice"));
        }
        if !stored.contains(&(code.as_str(), world.ids[*member].as_str())) {
            problems.push(format!("code {code} acknowledged, not stored as claimed by the member it was given to"));
        }
    }
    if audited != rows.len() as i64 {
        problems.push(format!("{} codes claimed, {audited} claims audited", rows.len()));
    }
    if rows.is_empty() || acked.codes.is_empty() {
        problems.push("no code was claimed".into());
    }
    let fine = format!(
        "{} codes claimed by {} members, {} answers with a code, each code once, each claim audited",
        rows.len(),
        holders.len(),
        acked.codes.len()
    );
    Ok(check("CH-8", "no benefit code handed out twice", problems, fine))
}

/// PL-4: every email in the outbox was sent and arrived. An email arrives
/// twice only if its instance was SIGKILLed between the SMTP server's
/// "250 accepted" and the database recording it: SMTP gives no way to ask
/// afterwards, so the retry carries the same Message-ID for the receiving
/// side to recognise. At most one batch per kill (a worker sends one batch
/// at a time); each repeat is reported.
pub async fn emails(db: &Db, received: &HashMap<String, u32>, kills: usize) -> anyhow::Result<Check> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, state FROM outbox").fetch_all(db.reader()).await?;
    let by_outbox_id: HashMap<&str, u32> =
        received.iter().map(|(mid, n)| (mid.split('@').next().unwrap_or_default(), *n)).collect();
    let mut problems = Vec::new();
    let mut states: BTreeMap<&str, usize> = BTreeMap::new();
    let mut repeats = 0;
    for (id, state) in &rows {
        *states.entry(state.as_str()).or_default() += 1;
        match by_outbox_id.get(id.as_str()).copied().unwrap_or(0) {
            1 => {}
            0 => problems.push(format!("email {id} ({state}) never arrived")),
            n => repeats += n as usize - 1,
        }
    }
    if rows.is_empty() {
        problems.push("no email was queued".into());
    }
    if states.keys().any(|s| *s != "sent") {
        problems.push(format!("outbox not empty: {states:?}"));
    }
    if repeats > kills * guildhall::jobs::outbox_worker::BATCH as usize {
        problems.push(format!("{repeats} emails arrived twice after {kills} kill(s)"));
    }
    let known: HashSet<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    for id in by_outbox_id.keys() {
        if !known.contains(id) {
            problems.push(format!("an email arrived that the outbox does not hold: {id}"));
        }
    }
    let fine = format!(
        "{} emails, all sent, each received; {repeats} received a second time (same Message-ID) after {kills} SIGKILL(s)",
        rows.len()
    );
    Ok(check("PL-4", "every outbox email sent, none lost, none twice but those in flight at a kill", problems, fine))
}

/// PL-3 and CH-7: the import added each row once and is audited; the
/// renewal run finished with a decision and an audit entry per Champion.
pub async fn programs(db: &Db, world: &SoakWorld, acked: &Acked) -> anyhow::Result<Vec<Check>> {
    let imported: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contributions WHERE source = 'imported'")
        .fetch_one(db.reader())
        .await?;
    let details: Vec<String> =
        sqlx::query_scalar("SELECT details FROM audit_log WHERE action = 'import.csv'").fetch_all(db.reader()).await?;
    let added: i64 =
        details.iter().filter_map(|d| serde_json::from_str::<Value>(d).ok()).filter_map(|d| d["added"].as_i64()).sum();
    let mut problems = Vec::new();
    if imported != world.csv_rows as i64 {
        problems.push(format!("{imported} contributions stored from a file of {} rows", world.csv_rows));
    }
    if added != imported {
        problems.push(format!("audit says {added} added, {imported} stored"));
    }
    if acked.imported_files == 0 {
        problems.push("no import was acknowledged".into());
    }
    let import = check(
        "PL-3",
        "the contributions import: every row once, audited",
        problems,
        format!(
            "file of {} rows sent {} times (acknowledged): {imported} contributions, {} audited imports",
            world.csv_rows,
            acked.imported_files,
            details.len()
        ),
    );
    let runs: Vec<(String, String, i64, i64)> =
        sqlx::query_as("SELECT id, status, total, decided FROM renewal_runs WHERE program = 'champions' AND year = $1")
            .bind(i64::from(world.renewal_year))
            .fetch_all(db.reader())
            .await?;
    let decisions: Vec<(String, String)> = sqlx::query_as(
        "SELECT d.member_id, d.outcome FROM renewal_decisions d JOIN renewal_runs r ON r.id = d.run_id WHERE r.year = $1",
    )
    .bind(i64::from(world.renewal_year))
    .fetch_all(db.reader())
    .await?;
    let audited: Vec<(String, String)> =
        sqlx::query_as("SELECT entity_id, action FROM audit_log WHERE action LIKE 'renewal.%'")
            .fetch_all(db.reader())
            .await?;
    let audited: HashSet<(String, String)> = audited.into_iter().collect();
    let mut problems = Vec::new();
    // Every Champion the soak seeded is in the run: a run over nobody
    // proves nothing.
    let seeded = super::world::CHAMPIONS as i64;
    match runs.as_slice() {
        [(_, status, total, decided)] => {
            if status != "done" && acked.renewal_done.is_none() {
                problems.push(format!("run is {status}"));
            }
            if *total != seeded || total != decided || *decided != decisions.len() as i64 {
                problems.push(format!(
                    "{decided} of {total} decided ({seeded} Champions seeded), {} decisions stored",
                    decisions.len()
                ));
            }
        }
        other => problems.push(format!("{} renewal runs", other.len())),
    }
    for (member, outcome) in &decisions {
        if !audited.contains(&(member.clone(), format!("renewal.{outcome}"))) {
            problems.push(format!("decision {outcome} for {member} not audited"));
        }
    }
    let renewal = check(
        "CH-7",
        "the renewal run: one decision per Champion, each audited",
        problems,
        format!("{} Champions decided in one run, every decision audited", decisions.len()),
    );
    Ok(vec![import, renewal])
}

/// Answers as counted: per kind, and the failures outside fault windows.
pub struct HttpTally {
    pub total: usize,
    pub per_kind: BTreeMap<Kind, usize>,
    pub in_windows: usize,
    pub failed_in_windows: BTreeMap<String, usize>,
    pub check: Check,
}

/// No 5xx, no refused connection and no unexpected answer except while the
/// instance (or the database) was down on purpose.
pub fn http(log: &[Outcome], windows: &[Window]) -> HttpTally {
    let grace = std::time::Duration::from_secs(1);
    let mut per_kind = BTreeMap::new();
    let mut failed_in_windows = BTreeMap::new();
    let mut in_windows = 0;
    let mut problems = Vec::new();
    for o in log {
        *per_kind.entry(o.kind).or_default() += 1;
        let excused = windows.iter().any(|w| {
            w.instance.is_none_or(|i| i == o.instance) && o.started <= w.to + grace && o.ended + grace >= w.from
        });
        if excused {
            in_windows += 1;
        }
        let bad = match o.status {
            None => Some("no answer".to_owned()),
            Some(s) if s >= 500 => Some(format!("{s}")),
            Some(s) if !o.kind.expected(s) => Some(format!("{s}")),
            Some(_) => None,
        };
        if let Some(what) = bad {
            if excused {
                *failed_in_windows.entry(what).or_default() += 1;
            } else {
                problems.push(format!("{:?} on instance {}: {what}", o.kind, o.instance));
            }
        }
    }
    let fine = format!("{} requests; none failed outside the fault windows", log.len());
    HttpTally {
        total: log.len(),
        per_kind,
        in_windows,
        failed_in_windows,
        check: check("PL-10", "no 5xx or refused request except while its instance was down", problems, fine),
    }
}
