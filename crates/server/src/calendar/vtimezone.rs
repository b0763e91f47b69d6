//! VTIMEZONE components (RFC 5545 §3.6.5) from the IANA database. The
//! icalendar crate writes TZID parameters but not the zone definitions
//! they must point to, so this writes the observances (one per offset
//! change) for the years a calendar spans.

use chrono::{DateTime, Datelike, Duration, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};

fn offset_secs(tz: Tz, t: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc()
}

fn is_dst(tz: Tz, t: DateTime<Utc>) -> bool {
    !tz.offset_from_utc_datetime(&t.naive_utc()).dst_offset().is_zero()
}

fn fmt_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.abs();
    format!("{sign}{:02}{:02}", a / 3600, (a % 3600) / 60)
}

/// The first instant in `(lo, hi]` whose offset differs from `lo`'s.
fn transition(tz: Tz, mut lo: DateTime<Utc>, mut hi: DateTime<Utc>) -> DateTime<Utc> {
    let before = offset_secs(tz, lo);
    while hi - lo > Duration::seconds(1) {
        let mid = lo + (hi - lo) / 2;
        if offset_secs(tz, mid) == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

fn observance(out: &mut String, tz: Tz, at: DateTime<Utc>, from: i32, to: i32) {
    let kind = if is_dst(tz, at) { "DAYLIGHT" } else { "STANDARD" };
    // DTSTART is the local time just before the change, in the old offset.
    let local = at.naive_utc() + Duration::seconds(from.into());
    let name = at.with_timezone(&tz).format("%Z").to_string();
    out.push_str(&format!(
        "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{name}\r\nEND:{kind}\r\n",
        local.format("%Y%m%dT%H%M%S"),
        fmt_offset(from),
        fmt_offset(to),
    ));
}

/// The zone's definition covering the whole years from `from` to `to`.
pub fn vtimezone(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let start = Utc.with_ymd_and_hms(from.year() - 1, 1, 1, 0, 0, 0).single().unwrap_or(from);
    let end = Utc.with_ymd_and_hms(to.year() + 1, 12, 31, 0, 0, 0).single().unwrap_or(to);
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let first = offset_secs(tz, start);
    observance(&mut out, tz, start, first, first);
    let (mut t, mut prev) = (start, first);
    while t < end {
        let next = t + Duration::days(1);
        let o = offset_secs(tz, next);
        if o != prev {
            let at = transition(tz, t, next);
            observance(&mut out, tz, at, prev, o);
            prev = o;
        }
        t = next;
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lisbon_2026_has_its_two_changes() {
        let tz: Tz = "Europe/Lisbon".parse().unwrap_or(Tz::UTC);
        let at = |s: &str| DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default();
        let v = vtimezone(tz, at("2026-06-01T00:00:00Z"), at("2026-06-01T00:00:00Z"));
        assert!(v.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:WEST"
        ));
        assert!(v.contains(
            "BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:WET"
        ));
    }

    #[test]
    fn zones_without_changes_have_one_observance() {
        let v = vtimezone(Tz::America__Sao_Paulo, Utc::now(), Utc::now());
        assert_eq!(v.matches("BEGIN:STANDARD").count(), 1);
        assert!(v.contains("TZOFFSETTO:-0300"));
    }
}
