//! A stand-in blog on loopback serving feeds a test writes, as a member's
//! blog would serve its RSS or Atom feed (PL-3). A path no feed was
//! written for is a 404.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

type Feeds = Arc<Mutex<HashMap<String, String>>>;

pub struct FakeBlog {
    pub base: String,
    feeds: Feeds,
}

async fn serve(State(feeds): State<Feeds>, Path(name): Path<String>) -> Response {
    match feeds.lock().unwrap().get(&name) {
        Some(body) => ([(header::CONTENT_TYPE, "application/atom+xml")], body.clone()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

impl FakeBlog {
    pub async fn spawn() -> Self {
        let feeds: Feeds = Arc::default();
        let app = Router::new().route("/{name}", get(serve)).with_state(feeds.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { base, feeds }
    }

    /// Publishes `body` at `/name`; its address.
    pub fn publish(&self, name: &str, body: &str) -> String {
        self.feeds.lock().unwrap().insert(name.to_owned(), body.to_owned());
        format!("{}/{name}", self.base)
    }
}
