//! Eligibility by focus area (CH-4, CH-5): one pure, table-driven engine.
//! For a focus area it counts the contributions that meet the area's
//! conditions inside the area's window and compares the count with the
//! threshold. Thresholds, windows and the supported platform versions are
//! settings data passed in as [`Criteria`]; the quality of each piece is
//! judged afterwards by a reviewer against the area's rubric (CH-5).

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::contribution::{Contribution, Details, Source};
use crate::program::FocusArea;
use crate::DomainError;

/// The numbers of CH-4, from settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criteria {
    pub forums_min_solutions: u32,
    pub forge_min_components: u32,
    /// In tenths: 40 is a rating of 4.0.
    pub forge_min_rating_tenths: u8,
    /// Supported platform versions (today only "O11").
    pub forge_supported_versions: Vec<String>,
    pub events_min_organized: u32,
    pub speaking_min_sessions: u32,
    pub content_min_pieces: u32,
    pub mentoring_min_testimonials: u32,
    /// The look-back window of the areas not counted per calendar year.
    pub window_months: u32,
}

impl Default for Criteria {
    /// CH-4 as written in SPEC.md; the seeded settings say the same (a
    /// storage test checks it).
    fn default() -> Self {
        Self {
            forums_min_solutions: 5,
            forge_min_components: 2,
            forge_min_rating_tenths: 40,
            forge_supported_versions: vec!["O11".into()],
            events_min_organized: 2,
            speaking_min_sessions: 1,
            content_min_pieces: 2,
            mentoring_min_testimonials: 1,
            window_months: 12,
        }
    }
}

impl Criteria {
    /// CH-4's numbers from settings data (`champions.*`).
    pub fn from_settings(s: &crate::settings::Settings) -> Self {
        let n = |k: &str| u32::try_from(s.int(k)).unwrap_or(0);
        Self {
            forums_min_solutions: n("champions.forums_min_solutions"),
            forge_min_components: n("champions.forge_min_components"),
            forge_min_rating_tenths: u8::try_from(s.int("champions.forge_min_rating_tenths")).unwrap_or(40),
            forge_supported_versions: s.hosts("champions.forge_supported_versions").to_vec(),
            events_min_organized: n("champions.events_min_organized"),
            speaking_min_sessions: n("champions.speaking_min_sessions"),
            content_min_pieces: n("champions.content_min_pieces"),
            mentoring_min_testimonials: n("champions.mentoring_min_testimonials"),
            window_months: n("champions.window_months"),
        }
    }
}

/// The period a criterion counts over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Window {
    /// Forums: the current calendar year.
    CalendarYear { year: i32 },
    /// Other areas: from `from` to `to`, both included.
    Between { from: NaiveDate, to: NaiveDate },
}

impl Window {
    pub fn contains(&self, day: NaiveDate) -> bool {
        match self {
            Self::CalendarYear { year } => day.year() == *year,
            Self::Between { from, to } => *from <= day && day <= *to,
        }
    }

    /// "2026" or "2025-11-23 to 2026-11-22", for messages.
    pub fn describe(&self) -> String {
        match self {
            Self::CalendarYear { year } => year.to_string(),
            Self::Between { from, to } => format!("{from} to {to}"),
        }
    }
}

/// One criterion's result: met or not, what was found, what is needed, in
/// which window, and the message key a person reads (CH-4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    /// A stable name, e.g. `forums_solutions`.
    pub criterion: &'static str,
    pub met: bool,
    pub found: u32,
    pub needed: u32,
    pub window: Window,
}

impl CriterionResult {
    /// The plain-English sentence: "Forums: 4 of 5 answers marked as
    /// solution in 2026". Pages and emails use the translated form of the
    /// same words (`eligibility-<criterion>`).
    pub fn sentence(&self) -> String {
        let (found, needed, window) = (self.found, self.needed, self.window.describe());
        match self.criterion {
            "forums_solutions" => format!("Forums: {found} of {needed} answers marked as solution in {window}"),
            "forge_components" => format!(
                "Forge: {found} of {needed} published components with description, screenshots, documentation, a supported version and a rating of at least 4.0 ({window})"
            ),
            "events_organized" => format!("Organizing events: {found} of {needed} events organized ({window})"),
            "sessions_delivered" => {
                format!("Speaking at events: {found} of {needed} sessions presented with slides or a recording ({window})")
            }
            "content_pieces" => format!("Technical content: {found} of {needed} pieces published ({window})"),
            "mentoring_testimonials" => {
                format!("Mentoring: {found} of {needed} testimonials or onboarding plans ({window})")
            }
            "mvp_contributions" => format!("MVP: {found} of {needed} contributions of any kind ({window})"),
            "ambassador_contributions" => {
                format!("Ambassadors: {found} of {needed} contributions of any kind ({window})")
            }
            other => format!("{other}: {found} of {needed} ({window})"),
        }
    }
}

/// The engine's answer for one member and focus area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    pub area: FocusArea,
    pub eligible: bool,
    pub criteria: Vec<CriterionResult>,
}

/// The window an area counts over, ending `today`.
pub fn window(area: FocusArea, criteria: &Criteria, today: NaiveDate) -> Window {
    match area {
        FocusArea::Forums => Window::CalendarYear { year: today.year() },
        _ => {
            let from = today
                .checked_sub_months(Months::new(criteria.window_months))
                .and_then(|d| d.succ_opt())
                .unwrap_or(NaiveDate::MIN);
            Window::Between { from, to: today }
        }
    }
}

/// Whether one contribution counts towards `area` (CH-4's conditions).
pub fn counts_for(area: FocusArea, c: &Contribution, criteria: &Criteria) -> bool {
    if !c.counts_at_all() {
        return false;
    }
    match (area, &c.details) {
        (FocusArea::Forums, Details::ForumSolution { accepted }) => *accepted,
        (
            FocusArea::Forge,
            Details::ForgeComponent { rating, platform_version, has_description, has_screenshots, has_docs },
        ) => {
            rating.tenths() >= criteria.forge_min_rating_tenths
                && criteria.forge_supported_versions.iter().any(|v| v.eq_ignore_ascii_case(platform_version.trim()))
                && *has_description
                && *has_screenshots
                && *has_docs
        }
        // Events held here count by themselves; others need evidence.
        (FocusArea::OrganizingEvents, Details::EventOrganized { held_here }) => {
            (*held_here && c.source == Source::Derived) || c.link.is_some()
        }
        // Sessions at events held here count by themselves; others need
        // their slides or recording.
        (FocusArea::Speaking, Details::SessionDelivered { held_here }) => {
            (*held_here && c.source == Source::Derived) || c.link.is_some()
        }
        (FocusArea::TechnicalContent, Details::ContentPiece { .. }) => c.link.is_some(),
        (FocusArea::Mentoring, Details::MentoringTestimonial { .. }) => true,
        _ => false,
    }
}

/// The table: each area's one criterion and its threshold.
fn rule(area: FocusArea, criteria: &Criteria) -> (&'static str, u32) {
    match area {
        FocusArea::Forums => ("forums_solutions", criteria.forums_min_solutions),
        FocusArea::Forge => ("forge_components", criteria.forge_min_components),
        FocusArea::OrganizingEvents => ("events_organized", criteria.events_min_organized),
        FocusArea::Speaking => ("sessions_delivered", criteria.speaking_min_sessions),
        FocusArea::TechnicalContent => ("content_pieces", criteria.content_min_pieces),
        FocusArea::Mentoring => ("mentoring_testimonials", criteria.mentoring_min_testimonials),
    }
}

/// CH-4: a member's eligibility for `area` on `today`.
pub fn evaluate(area: FocusArea, contributions: &[Contribution], criteria: &Criteria, today: NaiveDate) -> Eligibility {
    evaluate_in(area, contributions, criteria, window(area, criteria, today))
}

/// CH-7: activity over the year before `today`, for every area alike
/// (renewal looks back one year, not at the calendar year).
pub fn past_year(today: NaiveDate) -> Window {
    look_back(today, 12)
}

/// CH-7: activity over the `months` before `today`, `today` included
/// (`champions.renewal_look_back_months`).
pub fn look_back(today: NaiveDate, months: u32) -> Window {
    let from = today.checked_sub_months(Months::new(months)).and_then(|d| d.succ_opt()).unwrap_or(NaiveDate::MIN);
    Window::Between { from, to: today }
}

/// The engine over an explicit window.
pub fn evaluate_in(area: FocusArea, contributions: &[Contribution], criteria: &Criteria, w: Window) -> Eligibility {
    let (criterion, needed) = rule(area, criteria);
    let found = contributions.iter().filter(|c| w.contains(c.date) && counts_for(area, c, criteria)).count();
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    let result = CriterionResult { criterion, met: found >= needed, found, needed, window: w };
    Eligibility { area, eligible: result.met, criteria: vec![result] }
}

/// CH-1, CH-7: an MVP's yearly metric, contributions of any kind that
/// count at all in `window`, against `min` (`mvp.min_contributions_per_year`).
/// `None` when no metric is set: staff then evaluate every MVP.
pub fn mvp_yearly(contributions: &[Contribution], min: u32, w: Window) -> Option<Eligibility> {
    if min == 0 {
        return None;
    }
    let found = contributions.iter().filter(|c| w.contains(c.date) && c.counts_at_all()).count();
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    let result = CriterionResult { criterion: "mvp_contributions", met: found >= min, found, needed: min, window: w };
    // The area is not used for MVPs; Forums stands in for the field.
    Some(Eligibility { area: FocusArea::Forums, eligible: result.met, criteria: vec![result] })
}

/// CH-1, CH-5: an Ambassador applicant's contributions of any kind that
/// count at all over the past year, against `min`
/// (`ambassadors.min_contributions_per_year`); `None` when it is 0.
pub fn ambassador_activity(contributions: &[Contribution], min: u32, w: Window) -> Option<Eligibility> {
    let e = mvp_yearly(contributions, min, w)?;
    let criteria =
        e.criteria.into_iter().map(|c| CriterionResult { criterion: "ambassador_contributions", ..c }).collect();
    Some(Eligibility { criteria, ..e })
}

/// What a program's screening measures, each from its own settings data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgramMinimums {
    /// `mvp.min_contributions_per_year` (CH-1: MVP's yearly metric).
    pub mvp_per_year: u32,
    /// `ambassadors.min_contributions_per_year`.
    pub ambassadors_per_year: u32,
}

impl ProgramMinimums {
    pub fn from_settings(s: &crate::settings::Settings) -> Self {
        let n = |k: &str| u32::try_from(s.int(k)).unwrap_or(0);
        Self {
            mvp_per_year: n("mvp.min_contributions_per_year"),
            ambassadors_per_year: n("ambassadors.min_contributions_per_year"),
        }
    }
}

/// CH-5: screening for `program`, against that program's own criteria and
/// never another's: Champions by the focus area (CH-4), MVP by its yearly
/// metric, Ambassadors by their minimum of contributions. A program with
/// no number set has no criterion: the reviewer's judgment of the evidence
/// decides alone, and the result says so by listing no criterion.
pub fn screening(
    program: crate::program::Program,
    focus: Option<FocusArea>,
    contributions: &[Contribution],
    criteria: &Criteria,
    minimums: ProgramMinimums,
    today: NaiveDate,
) -> Eligibility {
    use crate::program::Program;
    let none = || Eligibility { area: focus.unwrap_or(FocusArea::Forums), eligible: true, criteria: vec![] };
    match program {
        Program::Champions => match focus {
            Some(area) => evaluate(area, contributions, criteria, today),
            // A Champions application always has its focus area (CH-3).
            None => Eligibility { area: FocusArea::Forums, eligible: false, criteria: vec![] },
        },
        Program::Mvp => mvp_yearly(contributions, minimums.mvp_per_year, past_year(today)).unwrap_or_else(none),
        Program::Ambassadors => {
            ambassador_activity(contributions, minimums.ambassadors_per_year, past_year(today)).unwrap_or_else(none)
        }
    }
}

/// Whether one contribution is evidence for `program`'s screening (what
/// the reviewer judges): the focus area's kind for Champions, anything
/// for the others, whatever its verification.
pub fn evidence_for(
    program: crate::program::Program,
    focus: Option<FocusArea>,
    c: &Contribution,
    criteria: &Criteria,
    today: NaiveDate,
) -> bool {
    use crate::program::Program;
    // What would count once verified: staff see the pieces waiting for
    // their verdict (and the rejected ones, to re-judge) beside the rest.
    let judged = Contribution { verification: crate::contribution::Verification::Verified, ..c.clone() };
    match (program, focus) {
        (Program::Champions, Some(area)) => {
            window(area, criteria, today).contains(c.date) && counts_for(area, &judged, criteria)
        }
        (Program::Champions, None) => false,
        (Program::Mvp | Program::Ambassadors, _) => past_year(today).contains(c.date) && judged.counts_at_all(),
    }
}

/// CH-5: the rubric a reviewer judges each piece of evidence against.
pub fn rubric(area: FocusArea) -> &'static [&'static str] {
    match area {
        FocusArea::Forums => &["researched", "tested", "added_resources"],
        FocusArea::Forge => &["description", "screenshots", "documentation", "supported_version", "rating"],
        FocusArea::TechnicalContent => &["details", "examples", "expertise"],
        FocusArea::OrganizingEvents => &["for_this_community", "evidence"],
        FocusArea::Speaking => &["technical", "slides_or_recording"],
        FocusArea::Mentoring => &["mentee_testimonial_or_plan"],
    }
}

/// CH-5: the rubric of an application: its focus area's, or for a program
/// without focus areas one point, the program's own quality bar.
pub fn rubric_of(focus: Option<FocusArea>) -> &'static [&'static str] {
    focus.map(rubric).unwrap_or(&["quality"])
}

/// CH-5: the rubric points a reviewer says one piece of evidence meets,
/// each one of the rubric's; none is a judgment too (it meets none).
pub fn parse_points(rubric: &'static [&'static str], raw: &[String]) -> Result<Vec<&'static str>, DomainError> {
    let mut met = Vec::new();
    for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let point = rubric.iter().find(|p| **p == r).ok_or(DomainError::field("points", "rubric_point_unknown"))?;
        if !met.contains(point) {
            met.push(*point);
        }
    }
    Ok(met)
}

/// CH-5: a piece is of quality when it meets every point of the rubric.
pub fn meets_rubric(rubric: &[&str], met: &[String]) -> bool {
    rubric.iter().all(|p| met.iter().any(|m| m == p))
}

/// CH-5: the reviewer's judgment of the quality, from the pieces judged
/// one by one: the counts are the floor, so as many pieces must meet the
/// rubric as the criteria need (at least one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quality {
    Accepted,
    TooFew { good: u32, needed: u32 },
}

impl Quality {
    pub fn judged(good: u32, e: &Eligibility) -> Self {
        let needed = e.criteria.iter().map(|c| c.needed).max().unwrap_or(0).max(1);
        if good >= needed {
            Self::Accepted
        } else {
            Self::TooFew { good, needed }
        }
    }

    pub fn accepted(&self) -> bool {
        *self == Self::Accepted
    }
}

/// CH-5: screening passes only when every criterion is met and the
/// reviewer accepts the quality.
pub fn passes_screening(e: &Eligibility, quality_accepted: bool) -> bool {
    e.eligible && e.criteria.iter().all(|c| c.met) && quality_accepted
}

#[cfg(test)]
mod mvp_tests {
    use super::*;
    use crate::contribution::{ContentFormat, Verification};

    fn piece(day: NaiveDate) -> Contribution {
        Contribution {
            details: Details::ContentPiece { format: ContentFormat::Video },
            date: day,
            link: None,
            source: Source::Imported,
            verification: Verification::Unverified,
        }
    }

    #[test]
    fn ch7_mvp_yearly_metric_at_under_and_over_its_threshold_and_unset() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or(NaiveDate::MIN);
        let w = past_year(today);
        let old = piece(today - chrono::Days::new(400));
        let list: Vec<Contribution> = (0..3).map(|i| piece(today - chrono::Days::new(i * 30))).chain([old]).collect();
        assert_eq!(mvp_yearly(&list, 0, w), None, "no metric set: staff evaluate");
        for (min, met) in [(2, true), (3, true), (4, false)] {
            let e = mvp_yearly(&list, min, w).map(|e| (e.eligible, e.criteria[0].found));
            assert_eq!(e, Some((met, 3)), "min {min}: the piece older than a year does not count");
        }
        let e = mvp_yearly(&list, 4, w).map(|e| e.criteria[0].sentence()).unwrap_or_default();
        assert_eq!(e, "MVP: 3 of 4 contributions of any kind (2025-11-24 to 2026-11-23)");
    }
}

#[cfg(test)]
mod look_back_tests {
    use super::*;

    #[test]
    fn ch7_the_renewal_looks_back_the_configured_months() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or(NaiveDate::MIN);
        let six = look_back(today, 6);
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        assert!(six.contains(day(2026, 6, 2)) && six.contains(today));
        assert!(!six.contains(day(2026, 6, 1)), "six months back, the day itself is out");
        assert_eq!(past_year(today), look_back(today, 12));
        assert!(look_back(today, 12).contains(day(2025, 12, 2)) && !look_back(today, 12).contains(day(2025, 12, 1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contribution::{ContentFormat, Rating, Verification};
    use crate::values::WebLink;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn link() -> Option<WebLink> {
        WebLink::parse("https://example.org/evidence", "link").ok()
    }

    fn c(details: Details, date: &str, source: Source, with_link: bool) -> Contribution {
        Contribution {
            details,
            date: day(date),
            link: if with_link { link() } else { None },
            source,
            // What members report themselves counts once staff verified it.
            verification: if source == Source::SelfReported {
                Verification::Verified
            } else {
                Verification::Unverified
            },
        }
    }

    fn solution(date: &str) -> Contribution {
        c(Details::ForumSolution { accepted: true }, date, Source::Imported, true)
    }

    fn component(rating: u8, version: &str, docs: bool) -> Contribution {
        let d = Details::ForgeComponent {
            rating: Rating::from_tenths(rating).unwrap_or_else(|_| unreachable!()),
            platform_version: version.into(),
            has_description: true,
            has_screenshots: true,
            has_docs: docs,
        };
        c(d, "2026-10-01", Source::Imported, true)
    }

    const TODAY: &str = "2026-11-23";

    fn found(area: FocusArea, list: &[Contribution]) -> (bool, u32, u32) {
        let e = evaluate(area, list, &Criteria::default(), day(TODAY));
        (e.eligible, e.criteria[0].found, e.criteria[0].needed)
    }

    #[test]
    fn ch4_each_area_at_under_and_over_its_threshold() {
        type Case = (FocusArea, fn() -> Contribution, u32);
        let cases: [Case; 6] = [
            (FocusArea::Forums, || solution("2026-03-01"), 5),
            (FocusArea::Forge, || component(40, "O11", true), 2),
            (
                FocusArea::OrganizingEvents,
                || c(Details::EventOrganized { held_here: true }, "2026-06-01", Source::Derived, false),
                2,
            ),
            (
                FocusArea::Speaking,
                || c(Details::SessionDelivered { held_here: true }, "2026-06-01", Source::Derived, false),
                1,
            ),
            (
                FocusArea::TechnicalContent,
                || c(Details::ContentPiece { format: ContentFormat::BlogPost }, "2026-06-01", Source::Imported, true),
                2,
            ),
            (
                FocusArea::Mentoring,
                || {
                    c(
                        Details::MentoringTestimonial { onboarding_plan: false },
                        "2026-06-01",
                        Source::SelfReported,
                        true,
                    )
                },
                1,
            ),
        ];
        for (area, make, needed) in cases {
            for n in [needed - 1, needed, needed + 1] {
                let list: Vec<_> = (0..n).map(|_| make()).collect();
                assert_eq!(found(area, &list), (n >= needed, n, needed), "{area:?} with {n}");
            }
        }
    }

    #[test]
    fn ch4_forums_count_in_the_calendar_year_only() {
        let list = [
            solution("2025-12-31"),
            solution("2026-01-01"),
            solution("2026-12-31"),
            solution("2027-01-01"),
            c(Details::ForumSolution { accepted: false }, "2026-05-05", Source::Imported, true),
        ];
        assert_eq!(found(FocusArea::Forums, &list), (false, 2, 5), "only the two 2026 accepted answers");
        let e = evaluate(FocusArea::Forums, &list, &Criteria::default(), day("2026-01-01"));
        assert_eq!(e.criteria[0].window, Window::CalendarYear { year: 2026 });
        assert_eq!(e.criteria[0].sentence(), "Forums: 2 of 5 answers marked as solution in 2026");
    }

    #[test]
    fn ch4_forge_components_must_be_complete_supported_and_rated() {
        let list = [
            component(39, "O11", true),
            component(45, "O10", true),
            component(50, "O11", false),
            component(40, "o11", true),
        ];
        assert_eq!(found(FocusArea::Forge, &list), (false, 1, 2), "3.9, an old version and missing docs do not count");
        let wider = Criteria { forge_supported_versions: vec!["O11".into(), "O10".into()], ..Criteria::default() };
        let e = evaluate(FocusArea::Forge, &list, &wider, day(TODAY));
        assert_eq!(e.criteria[0].found, 2, "the supported versions are settings data");
    }

    #[test]
    fn ch4_events_and_sessions_held_here_count_by_themselves_others_need_evidence() {
        let list = [
            c(Details::EventOrganized { held_here: true }, "2026-06-01", Source::Derived, false),
            c(Details::EventOrganized { held_here: false }, "2026-06-02", Source::SelfReported, false),
            c(Details::EventOrganized { held_here: false }, "2026-06-03", Source::SelfReported, true),
        ];
        assert_eq!(found(FocusArea::OrganizingEvents, &list), (true, 2, 2));
        let talks = [c(Details::SessionDelivered { held_here: false }, "2026-06-01", Source::SelfReported, false)];
        assert_eq!(found(FocusArea::Speaking, &talks), (false, 0, 1), "a talk elsewhere needs slides or a recording");
    }

    #[test]
    fn ch4_other_areas_count_over_the_last_months() {
        let piece = |d: &str| c(Details::ContentPiece { format: ContentFormat::Video }, d, Source::Imported, true);
        let list = [piece("2025-11-23"), piece("2025-11-24"), piece("2026-11-23"), piece("2026-11-24")];
        assert_eq!(found(FocusArea::TechnicalContent, &list), (true, 2, 2), "2025-11-24 to 2026-11-23 inclusive");
        let e = evaluate(FocusArea::TechnicalContent, &list, &Criteria::default(), day(TODAY));
        assert_eq!(e.criteria[0].window.describe(), "2025-11-24 to 2026-11-23");
    }

    #[test]
    fn ch4_pl2_what_a_member_reports_unverified_never_makes_them_eligible() {
        let mut typed =
            c(Details::ContentPiece { format: ContentFormat::Video }, "2026-06-01", Source::SelfReported, true);
        typed.verification = Verification::Unverified;
        let list = [typed.clone(), typed.clone(), typed.clone()];
        assert_eq!(found(FocusArea::TechnicalContent, &list), (false, 0, 2));
        let mut answer = solution("2026-03-01");
        answer.source = Source::SelfReported;
        answer.verification = Verification::Unverified;
        assert_eq!(found(FocusArea::Forums, &vec![answer; 9]), (false, 0, 5), "no self-typed forum solutions");
        typed.verification = Verification::Verified;
        assert_eq!(found(FocusArea::TechnicalContent, &[typed.clone(), typed]), (true, 2, 2), "once staff verify");
    }

    #[test]
    fn ch4_rejected_evidence_and_other_kinds_never_count() {
        let mut rejected = solution("2026-02-02");
        rejected.verification = Verification::Rejected;
        assert_eq!(found(FocusArea::Forums, &[rejected]), (false, 0, 5));
        assert_eq!(found(FocusArea::Forums, &[component(50, "O11", true)]), (false, 0, 5));
    }

    #[test]
    fn ch7_renewal_looks_back_one_year_for_every_area() {
        let list = [
            solution("2025-12-01"),
            solution("2026-01-05"),
            solution("2026-06-01"),
            solution("2026-11-01"),
            solution("2026-11-23"),
        ];
        let w = past_year(day(TODAY));
        assert_eq!(w, Window::Between { from: day("2025-11-24"), to: day(TODAY) });
        let e = evaluate_in(FocusArea::Forums, &list, &Criteria::default(), w);
        assert_eq!(
            (e.eligible, e.criteria[0].found),
            (true, 5),
            "December 2025 counts for renewal, not for a new application"
        );
        assert_eq!(found(FocusArea::Forums, &list), (false, 4, 5));
    }

    #[test]
    fn ch5_screening_needs_every_criterion_and_the_reviewers_quality() {
        let list: Vec<_> = (0..5).map(|_| solution("2026-03-01")).collect();
        let e = evaluate(FocusArea::Forums, &list, &Criteria::default(), day(TODAY));
        assert!(passes_screening(&e, true));
        assert!(!passes_screening(&e, false));
        let short = evaluate(FocusArea::Forums, &list[..4], &Criteria::default(), day(TODAY));
        assert!(!passes_screening(&short, true));
        assert_eq!(rubric(FocusArea::Forums), ["researched", "tested", "added_resources"]);
        assert_eq!(rubric(FocusArea::TechnicalContent), ["details", "examples", "expertise"]);
    }
}

#[cfg(test)]
mod quality_tests {
    use super::*;

    fn with_floor(needed: u32) -> Eligibility {
        let window = Window::CalendarYear { year: 2026 };
        let c = CriterionResult { criterion: "forums_solutions", met: true, found: 9, needed, window };
        Eligibility { area: FocusArea::Forums, eligible: true, criteria: vec![c] }
    }

    #[test]
    fn ch5_each_piece_is_judged_against_its_areas_rubric() {
        let r = rubric_of(Some(FocusArea::Forums));
        let met = parse_points(r, &[" tested ".into(), "researched".into(), "tested".into()]);
        assert_eq!(met, Ok(vec!["tested", "researched"]), "trimmed, once each");
        assert_eq!(parse_points(r, &["screenshots".into()]), Err(DomainError::field("points", "rubric_point_unknown")));
        assert_eq!(parse_points(r, &[]), Ok(vec![]), "meeting none is a judgment too");
        assert!(!meets_rubric(r, &["tested".into(), "researched".into()]));
        assert!(meets_rubric(r, &["tested".into(), "researched".into(), "added_resources".into()]));
        assert_eq!(rubric_of(None), ["quality"], "a program without focus areas has its one bar");
    }

    #[test]
    fn ch5_as_many_pieces_meet_the_rubric_as_the_floor_needs() {
        assert_eq!(Quality::judged(4, &with_floor(5)), Quality::TooFew { good: 4, needed: 5 });
        assert!(Quality::judged(5, &with_floor(5)).accepted());
        assert_eq!(Quality::judged(0, &with_floor(0)), Quality::TooFew { good: 0, needed: 1 }, "at least one");
        assert!(Quality::judged(1, &with_floor(0)).accepted());
    }
}
