//! A stand-in Discourse forum on loopback that serves recorded answers of
//! the Solved plugin's `GET /solution/by_user.json` (the real format, in
//! `tests/fixtures/discourse/`), paged by `offset` and `limit` as
//! Discourse pages them, and users' profiles at `GET /u/{username}.json`
//! (the fields Discourse's UserSerializer gives), whose "About me" a test
//! writes as a member would to place a proof code (PL-3).

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::Datelike;
use serde::Deserialize;
use serde_json::{json, Value};

const RECORDED: &str = include_str!("../fixtures/discourse/solved_by_user.json");

/// Users the forum knows: `ana_silva` has the 7 recorded answers (6 this
/// year, 1 last year), `busy` has 120 (three pages), `broken` gets an
/// answer in another format; anyone else is Discourse's 404.
pub struct FakeForum {
    pub base: String,
    pub requests: Arc<AtomicUsize>,
    bios: Bios,
}

type Bios = Arc<Mutex<HashMap<String, String>>>;

#[derive(Clone)]
struct Forum {
    requests: Arc<AtomicUsize>,
    bios: Bios,
}

#[derive(Deserialize)]
struct ByUser {
    username: String,
    #[serde(default)]
    offset: usize,
    #[serde(default)]
    limit: Option<usize>,
}

fn recorded() -> Vec<Value> {
    let year = chrono::Utc::now().year();
    let text = RECORDED.replace("{YEAR}", &year.to_string()).replace("{LASTYEAR}", &(year - 1).to_string());
    let v: Value = serde_json::from_str(&text).unwrap();
    v["user_solved_posts"].as_array().unwrap().clone()
}

async fn by_user(State(forum): State<Forum>, Query(q): Query<ByUser>) -> Response {
    forum.requests.fetch_add(1, Ordering::SeqCst);
    let posts: Vec<Value> = match q.username.as_str() {
        "ana_silva" => recorded(),
        "busy" => {
            let one = recorded()[0].clone();
            (0..120)
                .map(|i| {
                    let mut p = one.clone();
                    p["post_id"] = json!(500_000 + i);
                    p["topic_id"] = json!(40_000 + i);
                    p["topic_title"] = json!(format!("Question number {i}"));
                    p["url"] = json!(format!("/t/question-number-{i}/{}/2", 40_000 + i));
                    p
                })
                .collect()
        }
        "broken" => return Json(json!({"user_actions": [], "no_results_help": null})).into_response(),
        _ => {
            let body =
                json!({"errors": ["The requested URL or resource could not be found."], "error_type": "not_found"});
            return (StatusCode::NOT_FOUND, Json(body)).into_response();
        }
    };
    let limit = q.limit.unwrap_or(30);
    let page: Vec<Value> = posts.into_iter().skip(q.offset).take(limit).collect();
    Json(json!({ "user_solved_posts": page })).into_response()
}

/// `GET /u/{username}.json` as Discourse answers it to a visitor: the
/// users the forum knows, with the "About me" a test wrote.
async fn profile(State(forum): State<Forum>, Path(file): Path<String>) -> Response {
    let name = file.strip_suffix(".json").unwrap_or(&file).to_lowercase();
    if !["ana_silva", "busy", "broken"].contains(&name.as_str()) {
        let body = json!({"errors": ["The requested URL or resource could not be found."], "error_type": "not_found"});
        return (StatusCode::NOT_FOUND, Json(body)).into_response();
    }
    let bio = forum.bios.lock().unwrap().get(&name).cloned().unwrap_or_default();
    let user = json!({"id": 7, "username": name, "name": "Ana Silva", "trust_level": 2,
        "bio_raw": bio, "bio_cooked": format!("<p>{bio}</p>"), "location": "Lisbon"});
    Json(json!({"user_badges": [], "user": user})).into_response()
}

impl FakeForum {
    pub async fn spawn() -> Self {
        // Its users' names are people's words wherever a page shows them.
        super::audit::people_wrote(&["ana_silva"]);
        let requests = Arc::new(AtomicUsize::new(0));
        let bios: Bios = Arc::default();
        let state = Forum { requests: requests.clone(), bios: bios.clone() };
        let app = Router::new()
            .route("/solution/by_user.json", get(by_user))
            .route("/u/{file}", get(profile))
            .with_state(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { base, requests, bios }
    }

    /// Writes the user's "About me", as they would on the forum.
    pub fn set_bio(&self, username: &str, bio: &str) {
        self.bios.lock().unwrap().insert(username.to_lowercase(), bio.to_owned());
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}
