//! A Discourse forum's accepted answers (PL-3), as the Solved plugin serves
//! them: `GET /solution/by_user.json?username=&offset=&limit=` answers
//! `{"user_solved_posts": [{"post_id", "topic_id", "topic_title",
//! "created_at", "url", ...}]}`, newest first, an empty list past the end.

use std::time::Duration;

use chrono::{DateTime, Utc};
use guildhall_domain::contribution::{Contribution, Details, Source, Verification};
use guildhall_domain::values::{Title, WebLink};
use serde::Deserialize;

/// How many answers one request asks for.
pub const PAGE: usize = 50;

/// One accepted answer, with only the fields Guildhall reads.
#[derive(Clone, Debug, Deserialize)]
pub struct SolvedPost {
    pub post_id: i64,
    pub topic_id: i64,
    #[serde(default)]
    pub topic_title: String,
    pub created_at: DateTime<Utc>,
    /// Relative (`/t/slug/12/3`) on Discourse; absolute accepted too.
    #[serde(default)]
    pub url: String,
}

#[derive(Deserialize)]
struct SolvedPage {
    user_solved_posts: Vec<SolvedPost>,
}

/// Why reading the forum stopped, said so a member understands it.
#[derive(Debug, thiserror::Error)]
pub enum ForumError {
    #[error("the forum has no user called {0}")]
    NoSuchUser(String),
    #[error("the forum could not be reached ({0})")]
    Unreachable(String),
    #[error("the forum answered {0}")]
    Status(u16),
    #[error("the forum's answer was not the Solved plugin's format ({0})")]
    Format(String),
    #[error("the forum's user profile was not in Discourse's format ({0})")]
    ProfileFormat(String),
}

/// A client for one forum.
#[derive(Clone)]
pub struct Forum {
    http: reqwest::Client,
    base: String,
}

impl Forum {
    pub fn new(base: &str) -> Result<Self, ForumError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent(concat!("Guildhall/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ForumError::Unreachable(e.to_string()))?;
        Ok(Self { http, base: base.trim_end_matches('/').to_owned() })
    }

    /// One page of a user's accepted answers, from `offset`.
    pub async fn solved(&self, username: &str, offset: usize) -> Result<Vec<SolvedPost>, ForumError> {
        let res = self
            .http
            .get(format!("{}/solution/by_user.json", self.base))
            .query(&[("username", username), ("offset", &offset.to_string()), ("limit", &PAGE.to_string())])
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|e| ForumError::Unreachable(e.without_url().to_string()))?;
        match res.status().as_u16() {
            200 => {}
            404 => return Err(ForumError::NoSuchUser(username.to_owned())),
            other => return Err(ForumError::Status(other)),
        }
        let body = res.bytes().await.map_err(|e| ForumError::Unreachable(e.without_url().to_string()))?;
        parse_page(&body)
    }

    /// What the user's public profile says of them ("About me", website,
    /// location), as one text to look for a proof code in (PL-3).
    /// Discourse serves it at `GET /u/{username}.json` as
    /// `{"user": {"bio_raw", "bio_cooked", "website", "location", ...}}`.
    pub async fn profile(&self, username: &str) -> Result<String, ForumError> {
        let res = self
            .http
            .get(format!("{}/u/{username}.json", self.base))
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|e| ForumError::Unreachable(e.without_url().to_string()))?;
        match res.status().as_u16() {
            200 => {}
            404 => return Err(ForumError::NoSuchUser(username.to_owned())),
            other => return Err(ForumError::Status(other)),
        }
        let body = res.bytes().await.map_err(|e| ForumError::Unreachable(e.without_url().to_string()))?;
        parse_profile(&body)
    }

    /// The post as a contribution (PL-2): a forum solution, accepted, on
    /// the day it was posted, linked to the post; keyed by the post's id so
    /// a second import adds nothing (PL-3).
    /// `None` only for a post with neither a usable title nor a topic id.
    pub fn contribution(&self, p: &SolvedPost) -> Option<(Title, Contribution, String)> {
        let link = if p.url.starts_with("http") { p.url.clone() } else { format!("{}{}", self.base, p.url) };
        let link = WebLink::parse(&link, "link")
            .or_else(|_| WebLink::parse(&format!("{}/t/{}", self.base, p.topic_id), "link"))
            .ok();
        let title: String = p.topic_title.trim().chars().take(Title::MAX_CHARS).collect();
        let title = Title::parse(&title).or_else(|_| Title::parse(&format!("Topic {}", p.topic_id))).ok()?;
        let c = Contribution {
            details: Details::ForumSolution { accepted: true },
            date: p.created_at.date_naive(),
            link,
            source: Source::Imported,
            verification: Verification::Unverified,
        };
        Some((title, c, format!("discourse:{}", p.post_id)))
    }
}

/// One page of the Solved plugin's answer, read.
pub fn parse_page(body: &[u8]) -> Result<Vec<SolvedPost>, ForumError> {
    let page: SolvedPage = serde_json::from_slice(body).map_err(|e| ForumError::Format(e.to_string()))?;
    Ok(page.user_solved_posts)
}

#[derive(Deserialize)]
struct Profile {
    user: ProfileUser,
}

#[derive(Deserialize)]
struct ProfileUser {
    #[serde(default)]
    bio_raw: Option<String>,
    #[serde(default)]
    bio_cooked: Option<String>,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    location: Option<String>,
}

/// The profile's texts a member can write, joined.
pub fn parse_profile(body: &[u8]) -> Result<String, ForumError> {
    let p: Profile = serde_json::from_slice(body).map_err(|e| ForumError::ProfileFormat(e.to_string()))?;
    let u = p.user;
    Ok([u.bio_raw, u.bio_cooked, u.website, u.location].into_iter().flatten().collect::<Vec<_>>().join("\n"))
}

/// Discourse user names: letters, digits, `_`, `.` and `-`, 1 to 60 long.
pub fn parse_username(raw: &str) -> Option<String> {
    let u = raw.trim().trim_start_matches('@');
    let ok = !u.is_empty() && u.len() <= 60 && u.chars().all(|c| c.is_alphanumeric() || "_.-".contains(c));
    ok.then(|| u.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pl3_usernames_are_checked_before_any_request() {
        assert_eq!(parse_username(" @ana_silva "), Some("ana_silva".into()));
        for bad in ["", "ana silva", "../admin", "a?b=c", &"x".repeat(61)] {
            assert_eq!(parse_username(bad), None, "{bad}");
        }
    }

    #[test]
    fn pl3_a_solved_post_becomes_an_accepted_forum_solution_keyed_by_post() {
        let f = Forum::new("https://forum.example.com/").unwrap();
        let p: SolvedPost = serde_json::from_str(
            r#"{"post_id": 812, "topic_id": 77, "topic_title": "Timezones in reports", "post_number": 3,
                "created_at": "2026-02-03T10:20:30.000Z", "url": "/t/timezones-in-reports/77/3", "excerpt": "Use UTC"}"#,
        )
        .unwrap();
        let (title, c, key) = f.contribution(&p).unwrap();
        assert_eq!(title.as_str(), "Timezones in reports");
        assert_eq!(key, "discourse:812");
        assert_eq!(c.details, Details::ForumSolution { accepted: true });
        assert_eq!(c.date.to_string(), "2026-02-03");
        assert_eq!(c.link.unwrap().as_str(), "https://forum.example.com/t/timezones-in-reports/77/3");
    }
}
