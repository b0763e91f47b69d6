//! Imports (PL-3), starting with CSV files of contributions. The whole
//! file is checked first: any bad row is reported by line and field and
//! nothing is imported, so a file is never half-imported. Each row carries
//! a `source_key`, so importing the same file twice adds nothing.

use std::collections::HashMap;

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::contribution::{Contribution, ContributionFields, Source};
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::{EmailAddress, Title};
use guildhall_domain::DomainError;
use guildhall_storage::contributions::{self, NewContribution};
use guildhall_storage::{audit, members};
use serde::Deserialize;
use serde_json::json;

use super::entry;
use super::Services;
use crate::error::AppError;
use crate::i18n::Tr;

/// One problem of one row: 1-based line number (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    pub line: u64,
    pub field: String,
    /// The field problem's stable code, as in every other 422 answer.
    pub code: String,
    pub message: String,
}

impl RowProblem {
    fn new(line: u64, field: &str, code: &str, tr: Tr) -> Self {
        Self { line, field: field.to_owned(), code: code.to_owned(), message: tr.field(code) }
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub rows: u64,
    pub added: u64,
    /// Rows whose source key was already imported.
    pub already_there: u64,
    /// Non-empty means nothing was imported.
    pub problems: Vec<RowProblem>,
}

/// The columns of a contributions CSV file (a header row names them;
/// missing optional columns are empty). Every cell is text here and is
/// parsed by the domain, so a bad cell is reported by its field.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Row {
    email: String,
    title: String,
    source_key: String,
    kind: String,
    date: String,
    link: String,
    accepted: String,
    rating: String,
    platform_version: String,
    has_description: String,
    has_screenshots: String,
    has_docs: String,
    format: String,
    onboarding_plan: String,
}

/// "true", "yes", "1" (any case) are true; empty or anything else false.
fn flag(raw: &str) -> bool {
    matches!(raw.trim().to_ascii_lowercase().as_str(), "true" | "yes" | "1" | "y")
}

impl Row {
    fn fields(&self) -> ContributionFields {
        ContributionFields {
            kind: self.kind.clone(),
            date: self.date.clone(),
            link: self.link.clone(),
            source: Source::Imported.as_str().into(),
            verification: String::new(),
            accepted: if self.accepted.trim().is_empty() { None } else { Some(flag(&self.accepted)) },
            rating: self.rating.clone(),
            platform_version: self.platform_version.clone(),
            has_description: flag(&self.has_description),
            has_screenshots: flag(&self.has_screenshots),
            has_docs: flag(&self.has_docs),
            format: self.format.clone(),
            onboarding_plan: flag(&self.onboarding_plan),
        }
    }
}

/// A CSV row checked by the domain, waiting for its member to be found.
#[derive(Debug)]
pub struct CheckedRow {
    pub line: u64,
    pub email: Option<EmailAddress>,
    pub title: Option<Title>,
    pub contribution: Option<Contribution>,
    pub source_key: String,
}

impl CheckedRow {
    /// Everything but the member is known and valid.
    pub fn ready(&self) -> bool {
        self.email.is_some() && self.title.is_some() && self.contribution.is_some() && !self.source_key.is_empty()
    }
}

/// PL-3: reads and checks a contributions CSV file without touching the
/// database: each row's problems by line and field, and the rows. A file
/// without a header row is refused whole.
pub fn read_csv(text: &str, tr: Tr) -> Result<(ImportReport, Vec<CheckedRow>), DomainError> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut report = ImportReport::default();
    let mut rows = Vec::new();
    let headers = reader.headers().map_err(|_| DomainError::field("file", "csv_header_missing"))?.clone();
    for (i, record) in reader.records().enumerate() {
        // The reader counts lines by "\n" only: a file with old Mac line
        // ends ("\r") would say line 1 for every row; a row is never
        // before its own index (found by the csv_import fuzzer).
        let counted = record.as_ref().ok().and_then(|r| r.position()).map(|p| p.line()).unwrap_or(0);
        let line = counted.max(i as u64 + 2);
        report.rows += 1;
        let mut problem = |field: &str, code: &str| {
            report.problems.push(RowProblem::new(line, field, code, tr));
        };
        let Some(row) = record.ok().and_then(|r| r.deserialize::<Row>(Some(&headers)).ok()) else {
            problem("row", "csv_row_malformed");
            continue;
        };
        let email = EmailAddress::parse(&row.email).map_err(|_| problem("email", "email_invalid")).ok();
        let title = Title::parse(&row.title).map_err(|_| problem("title", "required")).ok();
        if row.source_key.trim().is_empty() {
            problem("source_key", "required");
        }
        let contribution = match row.fields().parse() {
            Ok(c) => Some(c),
            Err(DomainError::Invalid(errs)) => {
                for e in errs {
                    problem(e.field, e.code);
                }
                None
            }
            Err(e) => return Err(e),
        };
        rows.push(CheckedRow { line, email, title, contribution, source_key: row.source_key.trim().to_owned() });
    }
    Ok((report, rows))
}

/// PL-3: program staff import contributions from CSV text.
#[tracing::instrument(skip_all)]
pub async fn contributions_csv(svc: &Services, actor: &Actor, text: &str, tr: Tr) -> Result<ImportReport, AppError> {
    authorize(actor, Action::ManagePrograms)?;
    let (mut report, rows) = read_csv(text, tr)?;
    let mut ready: Vec<(MemberId, Title, Contribution, String)> = Vec::new();
    let mut known: HashMap<String, Option<MemberId>> = HashMap::new();
    for row in rows {
        let Some(email) = &row.email else { continue };
        let key = email.to_string();
        if !known.contains_key(&key) {
            let found = members::by_email(svc.db.reader(), email).await?.map(|m| m.id);
            known.insert(key.clone(), found);
        }
        let Some(member) = known.get(&key).copied().flatten() else {
            report.problems.push(RowProblem::new(row.line, "email", "member_not_found", tr));
            continue;
        };
        if let (Some(t), Some(c)) = (row.title, row.contribution) {
            ready.push((member, t, c, row.source_key));
        }
    }
    // Problems in file order; a row's address first, as it is read first.
    report.problems.sort_by_key(|p| (p.line, p.field != "email"));
    if !report.problems.is_empty() {
        return Ok(report);
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    for (member, title, c, key) in &ready {
        let new = NewContribution {
            member: *member,
            title: title.as_str(),
            contribution: c,
            source_key: key,
            by: Some(actor.member_id),
        };
        match contributions::insert(&mut tx, new, now).await? {
            Some(_) => report.added += 1,
            None => report.already_there += 1,
        }
    }
    let details = json!({"rows": report.rows, "added": report.added, "already_there": report.already_there});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "import.csv", "import", uuid::Uuid::now_v7(), None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(report)
}

/// A feed entry ready to store: title, content piece, entry key.
pub type FeedPiece = (Title, Contribution, String);

/// PL-3: reads a feed without touching the database: each entry becomes a
/// content piece keyed by its id, or a problem naming its entry and field.
pub fn read_feed(body: &[u8], tr: Tr) -> Result<(ImportReport, Vec<FeedPiece>), DomainError> {
    let parsed = feed_rs::parser::parse(body).map_err(|_| DomainError::field("feed", "feed_malformed"))?;
    let mut report = ImportReport::default();
    let mut ready = Vec::new();
    for (i, e) in parsed.entries.iter().enumerate() {
        report.rows += 1;
        let line = i as u64 + 1;
        let date = e.published.or(e.updated).map(|d| d.date_naive());
        let link = e.links.iter().find_map(|l| guildhall_domain::values::WebLink::parse(&l.href, "link").ok());
        let title = e
            .title
            .as_ref()
            .map(|t| t.content.trim().to_owned())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "Untitled".into());
        let title: String = title.chars().take(Title::MAX_CHARS).collect();
        match (date, link, Title::parse(&title)) {
            (Some(date), Some(link), Ok(title)) => {
                let c = Contribution {
                    details: guildhall_domain::contribution::Details::ContentPiece {
                        format: guildhall_domain::contribution::ContentFormat::BlogPost,
                    },
                    date,
                    link: Some(link),
                    source: Source::Imported,
                    verification: guildhall_domain::contribution::Verification::Unverified,
                };
                ready.push((title, c, format!("feed:{}", e.id)));
            }
            (None, _, _) => report.problems.push(RowProblem::new(line, "date", "date_invalid", tr)),
            (_, None, _) => report.problems.push(RowProblem::new(line, "link", "link_invalid", tr)),
            (_, _, Err(_)) => report.problems.push(RowProblem::new(line, "title", "required", tr)),
        }
    }
    Ok((report, ready))
}

/// Where a feed import reads the feed from.
pub enum FeedSource<'a> {
    /// The address of a feed the member linked and proved (PL-3); read now.
    Linked(&'a str),
    /// The feed's text, sent by program staff, who vouch for it as they do
    /// for a CSV file: a member's own text proves nothing.
    Text(&'a [u8]),
}

/// PL-3: a member's posts from an RSS or Atom feed, read by feed-rs,
/// become content pieces keyed by the entry's id, so importing the feed
/// again adds only new posts. A feed that does not parse, or an entry
/// without a date or a web link, is reported and nothing is imported.
#[tracing::instrument(skip_all)]
pub async fn feed(
    svc: &Services,
    actor: &Actor,
    member: MemberId,
    source: FeedSource<'_>,
    tr: Tr,
) -> Result<ImportReport, AppError> {
    use guildhall_domain::linked_account::{AccountKind, Handle};
    authorize(actor, Action::AddContribution(member))?;
    members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let fetched;
    let body = match source {
        FeedSource::Text(text) if authorize(actor, Action::ManagePrograms).is_ok() => text,
        FeedSource::Text(_) => return Err(DomainError::AccountNotLinked.into()),
        FeedSource::Linked(url) => {
            let handle =
                Handle::parse(AccountKind::Feed, url).map_err(|_| DomainError::field("url", "feed_url_invalid"))?;
            super::linked_accounts::proven_for_import(svc, actor, member, AccountKind::Feed, &handle).await?;
            fetched = super::linked_accounts::read_feed(svc, &handle).await?;
            &fetched[..]
        }
    };
    let (mut report, ready) = read_feed(body, tr)?;
    if !report.problems.is_empty() {
        return Ok(report);
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    for (title, c, key) in &ready {
        let new = NewContribution {
            member,
            title: title.as_str(),
            contribution: c,
            source_key: key,
            by: Some(actor.member_id),
        };
        match contributions::insert(&mut tx, new, now).await? {
            Some(_) => report.added += 1,
            None => report.already_there += 1,
        }
    }
    let details = json!({"entries": report.rows, "added": report.added});
    audit::record(&mut tx, entry(Some(actor.member_id), "import.feed", "member", member, None, details), now).await?;
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use guildhall_domain::values::Locale;

    #[test]
    fn pl3_rows_are_numbered_by_line_whatever_the_line_ends() {
        for end in ["\n", "\r\n", "\r"] {
            let text = [
                "email,title,source_key,kind,date",
                "nobody,,k1,forum_solution,2026-01-01",
                "x@y.org,T,,tweet,2026-01-01",
            ]
            .join(end);
            let (report, rows) = read_csv(&text, Tr(Locale::En)).unwrap();
            let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
            assert_eq!(lines, [2, 2, 3, 3], "line ends {end:?}: {:?}", report.problems);
            assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
        }
    }
}
