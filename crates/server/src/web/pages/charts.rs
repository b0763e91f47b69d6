//! Server-rendered SVG charts (UG-10, UG-12): a group's health and a
//! region's groups at a glance. Plain markup, no script; every text is
//! escaped, and each chart carries a label for screen readers next to the
//! table that holds the same numbers.

use std::fmt::Write;

use guildhall_domain::health::Health;

use crate::i18n::Tr;

const OK: &str = "#05603a";
const MISSED: &str = "#b42318";
const LATER: &str = "#d9dce1";
const INK: &str = "#1b1e23";
const MUTED: &str = "#5a6270";
const LINE: &str = "#1d4ed8";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Colour of a quarter: met, missed (over, and the group existed), or
/// neither (still to come, or before the group started).
fn quarter_colour(h: &Health, q: usize) -> &'static str {
    let quarter = q as u32 + 1;
    if h.per_quarter[q] > 0 {
        OK
    } else if quarter < h.current_quarter && quarter >= h.first_quarter {
        MISSED
    } else {
        LATER
    }
}

/// UG-10: bars of held events per quarter against one per quarter, and
/// the attendance of the last held events as a line.
pub fn group_health(h: &Health, tr: Tr) -> String {
    let (w, ht) = (420, 176);
    let label = tr.with("health-chart-label", &[("year", &h.year.to_string())]);
    let mut s = format!(
        r#"<svg class="chart" viewBox="0 0 {w} {ht}" width="100%" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(&label)
    );
    let max = h.per_quarter.iter().copied().max().unwrap_or(0).max(2);
    let (base, top) = (130.0, 20.0);
    let scale = (base - top) / f64::from(max);
    let target_y = base - scale;
    let _ = write!(
        s,
        r#"<line x1="10" x2="200" y1="{target_y:.1}" y2="{target_y:.1}" stroke="{MUTED}" stroke-dasharray="4 3"/>"#
    );
    for q in 0..4 {
        let n = h.per_quarter[q];
        let x = 18 + q * 46;
        let bar = (f64::from(n) * scale).max(if n == 0 { 3.0 } else { 0.0 });
        let y = base - bar;
        let colour = quarter_colour(h, q);
        let _ = write!(
            s,
            r#"<rect x="{x}" y="{y:.1}" width="32" height="{bar:.1}" rx="3" fill="{colour}"/><text x="{}" y="{:.1}" text-anchor="middle" font-size="13" fill="{INK}">{n}</text><text x="{}" y="150" text-anchor="middle" font-size="12" fill="{MUTED}">{}</text>"#,
            x + 16,
            y - 5.0,
            x + 16,
            esc(&tr.with("health-quarter", &[("q", &(q + 1).to_string())]))
        );
    }
    // Attendance line on the right.
    let (x0, x1) = (230.0, 405.0);
    let points = &h.attendance;
    if points.is_empty() {
        let _ = write!(
            s,
            r#"<text x="{}" y="80" text-anchor="middle" font-size="12" fill="{MUTED}">{}</text>"#,
            (x0 + x1) / 2.0,
            esc(&tr.t("health-never"))
        );
    } else {
        // Issue 18: the registered of the same events, dashed, on the same scale.
        let registered = &h.registered;
        let most = points.iter().chain(registered.iter()).copied().max().unwrap_or(1).max(1);
        let peak = f64::from(most);
        let step = if points.len() > 1 { (x1 - x0) / (points.len() - 1) as f64 } else { 0.0 };
        let place = |values: &[u32]| -> Vec<(f64, f64)> {
            values
                .iter()
                .enumerate()
                .map(|(i, &n)| (x0 + step * i as f64, base - (f64::from(n) / peak) * (base - top)))
                .collect()
        };
        let line =
            |coords: &[(f64, f64)]| coords.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
        if registered.len() == points.len() {
            let _ = write!(
                s,
                r#"<polyline points="{}" fill="none" stroke="{MUTED}" stroke-width="2" stroke-dasharray="5 4"/>"#,
                line(&place(registered))
            );
        }
        let coords = place(points);
        let _ = write!(s, r#"<polyline points="{}" fill="none" stroke="{LINE}" stroke-width="2.5"/>"#, line(&coords));
        for (x, y) in &coords {
            let _ = write!(s, r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{LINE}"/>"#);
        }
        if let (Some((x, y)), Some(n)) = (coords.last(), points.last()) {
            let _ = write!(
                s,
                r#"<text x="{x:.1}" y="{:.1}" text-anchor="end" font-size="13" fill="{INK}">{n}</text>"#,
                y - 8.0
            );
        }
        // The legend: a solid line for who came, a dashed one for who registered.
        let _ = write!(
            s,
            r#"<line x1="{x0}" x2="{}" y1="146" y2="146" stroke="{LINE}" stroke-width="2.5"/><text x="{}" y="150" font-size="12" fill="{MUTED}">{}</text><line x1="{x0}" x2="{}" y1="162" y2="162" stroke="{MUTED}" stroke-width="2" stroke-dasharray="5 4"/><text x="{}" y="166" font-size="12" fill="{MUTED}">{}</text>"#,
            x0 + 18.0,
            x0 + 24.0,
            esc(&tr.t("health-legend-came")),
            x0 + 18.0,
            x0 + 24.0,
            esc(&tr.t("health-legend-registered"))
        );
    }
    s.push_str("</svg>");
    s
}

/// One row of the region overview.
pub struct RegionRow<'a> {
    pub name: &'a str,
    pub health: &'a Health,
    pub needs_support: bool,
}

/// UG-10, UG-12: every group of a region in one picture: a square per
/// quarter (green held, red missed, grey to come), this year's events
/// against the required number, and the days since the last event.
pub fn region_overview(rows: &[RegionRow<'_>], tr: Tr, label: &str) -> String {
    let row_h = 30;
    let ht = 36 + rows.len() * row_h;
    let w = 640;
    let mut s = format!(
        r#"<svg class="chart" viewBox="0 0 {w} {ht}" width="100%" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(label)
    );
    for q in 0..4 {
        let _ = write!(
            s,
            r#"<text x="{}" y="20" text-anchor="middle" font-size="12" fill="{MUTED}">{}</text>"#,
            240 + q * 28 + 11,
            esc(&tr.with("health-quarter", &[("q", &(q + 1).to_string())]))
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let y = 32 + i * row_h;
        let name: String = r.name.chars().take(30).collect();
        let weight = if r.needs_support { "700" } else { "400" };
        let colour = if r.needs_support { MISSED } else { INK };
        let _ = write!(
            s,
            r#"<text x="8" y="{}" font-size="14" font-weight="{weight}" fill="{colour}">{}</text>"#,
            y + 16,
            esc(&name)
        );
        for q in 0..4 {
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="22" height="22" rx="4" fill="{}"/>"#,
                240 + q * 28,
                y + 1,
                quarter_colour(r.health, q)
            );
        }
        let required = r.health.required_per_year.max(1);
        let frac = (f64::from(r.health.held_this_year) / f64::from(required)).min(1.0);
        let bar_colour = if r.health.held_this_year >= r.health.required_per_year { OK } else { LINE };
        let _ = write!(
            s,
            r#"<rect x="370" y="{}" width="120" height="10" rx="5" fill="{LATER}"/><rect x="370" y="{}" width="{:.1}" height="10" rx="5" fill="{bar_colour}"/><text x="498" y="{}" font-size="13" fill="{INK}">{}/{}</text>"#,
            y + 7,
            y + 7,
            120.0 * frac,
            y + 16,
            r.health.held_this_year,
            r.health.required_per_year
        );
        let days = r.health.days_since_last.map(|d| format!("{d} d")).unwrap_or_else(|| "–".into());
        let _ = write!(
            s,
            r#"<text x="632" y="{}" text-anchor="end" font-size="13" fill="{colour}">{}</text>"#,
            y + 16,
            esc(&days)
        );
    }
    s.push_str("</svg>");
    s
}

/// CH-6: the pipeline board: one bar per stage with its count.
pub fn pipeline(counts: &[(String, usize)], label: &str) -> String {
    let row_h = 30;
    let ht = 10 + counts.len() * row_h;
    let w = 560;
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let mut s = format!(
        r#"<svg class="chart" viewBox="0 0 {w} {ht}" width="100%" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(label)
    );
    for (i, (stage, n)) in counts.iter().enumerate() {
        let y = 6 + i * row_h;
        let bar = 320.0 * (*n as f64) / (max as f64);
        let _ = write!(
            s,
            r#"<text x="180" y="{}" text-anchor="end" font-size="14" fill="{INK}">{}</text><rect x="190" y="{}" width="{bar:.1}" height="20" rx="4" fill="{LINE}"/><text x="{:.1}" y="{}" font-size="14" fill="{INK}">{n}</text>"#,
            y + 15,
            esc(stage),
            y,
            196.0 + bar,
            y + 15
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use guildhall_domain::health::Trend;

    fn health(per_quarter: [u32; 4], attendance: Vec<u32>) -> Health {
        Health {
            year: 2026,
            last_held: None,
            days_since_last: Some(12),
            held_this_year: per_quarter.iter().sum(),
            required_per_year: 4,
            per_quarter,
            registered: attendance.iter().map(|n| n + 2).collect(),
            attendance,
            trend: Trend::Steady,
            needs_support: false,
            current_quarter: 3,
            first_quarter: 1,
        }
    }

    #[test]
    fn ug10_missed_quarters_are_red_future_ones_grey() {
        let h = health([1, 0, 0, 0], vec![]);
        assert_eq!([0, 1, 2, 3].map(|q| quarter_colour(&h, q)), [OK, MISSED, LATER, LATER]);
        let young = Health { first_quarter: 2, ..health([0, 0, 0, 0], vec![]) };
        assert_eq!([0, 1, 2, 3].map(|q| quarter_colour(&young, q)), [LATER, MISSED, LATER, LATER]);
    }

    #[test]
    fn ch6_pipeline_draws_a_bar_per_stage() {
        let svg = pipeline(&[("submitted".into(), 3), ("<b>".into(), 0)], "Pipeline");
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("&lt;b&gt;") && svg.contains(">3</text>"));
    }

    #[test]
    fn charts_escape_names_and_draw_every_point() {
        let h = health([2, 1, 0, 0], vec![10, 20, 30]);
        let svg = group_health(&h, Tr::default());
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<rect").count(), 4);
        let rows = [RegionRow { name: "<b>Évora & co</b>", health: &h, needs_support: true }];
        let svg = region_overview(&rows, Tr::default(), "Region");
        assert!(svg.contains("&lt;b&gt;Évora &amp; co&lt;/b&gt;"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("3/4"));
    }
}
