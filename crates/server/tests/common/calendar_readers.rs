//! UG-17: iCalendar text read back by two parsers none of us wrote,
//! Mozilla's ical.js (npm, `tools/ical`) and Python's `icalendar`. Both
//! print the same summary (`tools/ical/read.*`); a test gets it once both
//! agree, so a file one of them reads differently fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use guildhall_storage::testing::skip;
use serde_json::Value;

fn tools() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/ical")
}

fn run(program: &str, script: &str, text: &str) -> Result<Value, String> {
    let mut child = Command::new(program)
        .arg(tools().join(script))
        .current_dir(tools())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("{program} printed no JSON: {e}"))
}

/// Whether both parsers are installed (`.ci/run` installs them).
fn available() -> Option<&'static str> {
    if !tools().join("node_modules/ical.js/package.json").exists() {
        return Some("ical.js is not installed (npm ci --prefix tools/ical)");
    }
    let python = Command::new("python3").args(["-c", "import icalendar"]).status();
    if !python.map(|s| s.success()).unwrap_or(false) {
        return Some("Python's icalendar is not installed (pip install icalendar)");
    }
    None
}

/// `text` as both parsers read it: `{method, name, events: [{uid,
/// sequence, status, summary, start, end, last_modified, attendees}]}`,
/// times as UTC instants. `None` (after a skip notice) without them.
pub fn read_both(text: &str) -> Option<Value> {
    if let Some(why) = available() {
        skip("reading calendars with ical.js and icalendar", why);
        return None;
    }
    let js = run("node", "read.mjs", text).unwrap_or_else(|e| panic!("ical.js refused the file: {e}\n{text}"));
    let py = run("python3", "read.py", text).unwrap_or_else(|e| panic!("icalendar refused the file: {e}\n{text}"));
    assert_eq!(js, py, "the two parsers read the file differently:\n{text}");
    Some(js)
}

/// The event with `uid` prefix `id` among a parsed file's events.
pub fn event<'a>(cal: &'a Value, id: &str) -> &'a Value {
    cal["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["uid"].as_str().unwrap().starts_with(id))
        .unwrap_or_else(|| panic!("event {id} in {cal}"))
}
