//! A short-lived cache of public pages rendered for visitors who are not
//! signed in (PL-5: fast when an event is announced and everyone looks at
//! once). Pages for signed-in members are always rendered fresh, and
//! anonymous pages carry no form tokens, so a cached page is the same for
//! every visitor who speaks its language. Each instance keeps its own; a
//! page is at most `ttl` old. Registration itself never reads from here.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::response::{Html, IntoResponse, Response};

use super::ctx::PageCtx;

/// Entries beyond this are dropped wholesale: the cache only needs to
/// absorb bursts on a few hot pages.
const MAX_ENTRIES: usize = 4096;

pub struct PageCache {
    ttl: Duration,
    pages: Mutex<HashMap<String, (Instant, Arc<str>)>>,
}

impl PageCache {
    pub fn new(ttl: Duration) -> Self {
        Self { ttl, pages: Mutex::new(HashMap::new()) }
    }

    /// The cache key for this view, if the page may be shared: a visitor
    /// not signed in, with the cache turned on.
    pub fn key(&self, ctx: &PageCtx) -> Option<String> {
        (ctx.user.is_none() && !self.ttl.is_zero()).then(|| format!("{}|{}", ctx.lang(), ctx.path))
    }

    pub fn get(&self, key: &str) -> Option<Response> {
        let pages = self.pages.lock().ok()?;
        let (at, html) = pages.get(key)?;
        (at.elapsed() < self.ttl).then(|| Html(html.to_string()).into_response())
    }

    pub fn put(&self, key: String, html: &str) {
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= MAX_ENTRIES {
                pages.clear();
            }
            pages.insert(key, (Instant::now(), Arc::from(html)));
        }
    }

    /// Forgets everything, after this instance changed something.
    pub fn clear(&self) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_expire_and_the_cache_can_be_off() {
        let c = PageCache::new(Duration::from_millis(50));
        c.put("en|/groups".into(), "<p>hi</p>");
        assert!(c.get("en|/groups").is_some());
        assert!(c.get("pt|/groups").is_none());
        std::thread::sleep(Duration::from_millis(60));
        assert!(c.get("en|/groups").is_none());
        c.put("en|/x".into(), "x");
        c.clear();
        assert!(c.get("en|/x").is_none());
    }
}
