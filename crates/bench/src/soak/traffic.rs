//! Mixed traffic, as a load balancer without health checks would send it:
//! each request goes to the next instance in turn, up or not. Every answer
//! is logged with its time, and every change the server acknowledged is
//! kept so the checks can prove it was not lost.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::{Client, Method, RequestBuilder};
use serde_json::{json, Value};

use super::world::{SoakWorld, CHAMPIONS, SLUG};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Browse,
    Register,
    Cancel,
    CheckIn,
    Claim,
    Import,
    Renewal,
}

impl Kind {
    /// Answers that are a correct reply to a correct request in this mix
    /// (a second registration is refused, a code pool runs dry, ...).
    pub fn expected(self, status: u16) -> bool {
        match self {
            Kind::Browse | Kind::CheckIn | Kind::Import | Kind::Renewal => status == 200 || status == 422,
            Kind::Register => status == 201 || status == 409,
            Kind::Cancel => status == 204 || status == 409,
            Kind::Claim => status == 201 || status == 409 || status == 422,
        }
    }
}

pub struct Outcome {
    pub kind: Kind,
    pub instance: usize,
    pub started: Instant,
    pub ended: Instant,
    /// None when no answer came (connection refused or cut).
    pub status: Option<u16>,
}

#[derive(Clone)]
pub struct Registered {
    pub event: String,
    pub id: String,
    pub member: usize,
}

/// What the servers said they did.
#[derive(Default)]
pub struct Acked {
    pub registrations: Vec<Registered>,
    pub cancelled: Vec<String>,
    pub checked_in: Vec<String>,
    /// (member index, code)
    pub codes: Vec<(usize, String)>,
    pub imported_files: usize,
    /// When the renewal run answered "done".
    pub renewal_done: Option<Instant>,
}

pub struct Traffic {
    pub world: SoakWorld,
    bases: Vec<String>,
    client: Client,
    next_instance: AtomicUsize,
    pub log: Mutex<Vec<Outcome>>,
    pub acked: Mutex<Acked>,
}

/// A small deterministic generator per worker.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

impl Traffic {
    pub fn new(world: SoakWorld, bases: Vec<String>) -> anyhow::Result<Arc<Self>> {
        // Longer than the server's wait for a database connection (30 s).
        let client = Client::builder().timeout(Duration::from_secs(45)).pool_max_idle_per_host(32).build()?;
        Ok(Arc::new(Traffic {
            world,
            bases,
            client,
            next_instance: AtomicUsize::new(0),
            log: Mutex::default(),
            acked: Mutex::default(),
        }))
    }

    fn acked(&self) -> std::sync::MutexGuard<'_, Acked> {
        self.acked.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Sends one request to the next instance; logs it; its status and JSON.
    async fn send(&self, kind: Kind, build: impl FnOnce(&Client, &str) -> RequestBuilder) -> (Option<u16>, Value) {
        let instance = self.next_instance.fetch_add(1, Ordering::Relaxed) % self.bases.len();
        let started = Instant::now();
        let (status, body) = match build(&self.client, &self.bases[instance]).send().await {
            Ok(res) => {
                let status = res.status().as_u16();
                let body = res.bytes().await.ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or(Value::Null);
                (Some(status), body)
            }
            Err(_) => (None, Value::Null),
        };
        let outcome = Outcome { kind, instance, started, ended: Instant::now(), status };
        self.log.lock().unwrap_or_else(|p| p.into_inner()).push(outcome);
        if status.is_none() {
            // As a person would: wait a moment before trying again.
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        (status, body)
    }

    /// One worker: picks an action by weight until `until`.
    pub async fn worker(self: Arc<Self>, seed: u64, until: Instant) {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ (seed + 1).wrapping_mul(0x9E37_79B9));
        let w = &self.world;
        while Instant::now() < until {
            match rng.below(100) {
                0..=44 => {
                    let ev = &w.events[rng.below(w.events.len())];
                    let paths = [
                        "/".to_owned(),
                        "/groups".to_owned(),
                        format!("/groups/{SLUG}"),
                        format!("/events/{ev}"),
                        format!("/groups/{SLUG}/events.ics"),
                        format!("/groups/{SLUG}/feed.atom"),
                        "/champions".to_owned(),
                        format!("/api/v1/events/{ev}"),
                        "/api/v1/groups".to_owned(),
                    ];
                    let path = &paths[rng.below(paths.len())];
                    self.send(Kind::Browse, |c, b| c.get(format!("{b}{path}"))).await;
                }
                45..=69 => {
                    let m = rng.below(w.tokens.len());
                    let ev = &w.events[rng.below(w.events.len())];
                    let url = format!("/api/v1/events/{ev}/registrations");
                    let (s, body) =
                        self.send(Kind::Register, |c, b| c.post(format!("{b}{url}")).bearer_auth(&w.tokens[m])).await;
                    if s == Some(201) {
                        let id = body["id"].as_str().unwrap_or_default().to_owned();
                        self.acked().registrations.push(Registered { event: ev.clone(), id, member: m });
                    }
                }
                70..=81 => {
                    let Some(r) = self.pick_registration(&mut rng) else { continue };
                    let url = format!("/api/v1/events/{}/registrations/{}", r.event, r.id);
                    let (s, _) = self
                        .send(Kind::Cancel, |c, b| {
                            c.request(Method::DELETE, format!("{b}{url}")).bearer_auth(&w.tokens[r.member])
                        })
                        .await;
                    if s == Some(204) {
                        self.acked().cancelled.push(r.id);
                    }
                }
                82..=91 => {
                    let Some(r) = self.pick_registration(&mut rng) else { continue };
                    let (s, _) = self
                        .send(Kind::CheckIn, |c, b| {
                            c.post(format!("{b}/api/v1/events/{}/checkins", r.event))
                                .bearer_auth(&w.admin_token)
                                .json(&json!({"registration_id": r.id}))
                        })
                        .await;
                    if s == Some(200) {
                        self.acked().checked_in.push(r.id);
                    }
                }
                _ => {
                    let m = rng.below(CHAMPIONS);
                    let url = format!("/api/v1/benefits/{}/claims", w.benefit);
                    let (s, body) =
                        self.send(Kind::Claim, |c, b| c.post(format!("{b}{url}")).bearer_auth(&w.tokens[m])).await;
                    if s == Some(201) {
                        self.acked().codes.push((m, body["code"].as_str().unwrap_or_default().to_owned()));
                    }
                }
            }
        }
    }

    /// A registration the servers acknowledged, chosen at random.
    fn pick_registration(&self, rng: &mut Rng) -> Option<Registered> {
        let a = self.acked();
        (!a.registrations.is_empty()).then(|| a.registrations[rng.below(a.registrations.len())].clone())
    }

    /// A contributions import (PL-3) by program staff; sent again until an
    /// instance answers, as an operator would.
    pub async fn import(&self) {
        let w = &self.world;
        for _ in 0..60 {
            let (s, _) = self
                .send(Kind::Import, |c, b| {
                    c.post(format!("{b}/api/v1/imports/contributions"))
                        .bearer_auth(&w.admin_token)
                        .header("content-type", "text/csv")
                        .body(w.csv.clone())
                })
                .await;
            if s == Some(200) {
                self.acked().imported_files += 1;
                return;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }

    /// CH-7: the year's renewal run, worked in small steps until done.
    pub async fn renewal(&self, limit: Duration) {
        let start = Instant::now();
        while start.elapsed() < limit {
            let (s, body) = self
                .send(Kind::Renewal, |c, b| {
                    c.post(format!("{b}/api/v1/programs/champions/renewals"))
                        .bearer_auth(&self.world.admin_token)
                        .json(&json!({"limit": 5, "year": self.world.renewal_year}))
                })
                .await;
            if s == Some(200) && body["done"] == json!(true) {
                self.acked().renewal_done = Some(Instant::now());
                return;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
}
