//! The Champions program and its siblings (CH-1, CH-2, CH-3): programs as
//! data, focus areas, and the rules for holding memberships at once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Program {
    Champions,
    Mvp,
    Ambassadors,
}

impl Program {
    pub const ALL: [Program; 3] = [Self::Champions, Self::Mvp, Self::Ambassadors];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Champions => "champions",
            Self::Mvp => "mvp",
            Self::Ambassadors => "ambassadors",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw.trim()).ok_or(DomainError::field("program", "program_invalid"))
    }
}

/// CH-1: what makes each program different, as configuration data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramRules {
    pub program: Program,
    /// MVP only: the most members at once.
    pub seat_cap: Option<u32>,
    /// MVP: the NDA is signed before the award starts.
    pub nda_required: bool,
    /// MVP: moderator rights in the online community (read by integrations).
    pub moderator_rights: bool,
    /// MVP: yearly metrics to keep the award; Champions have none once in.
    pub yearly_metrics: bool,
    /// Champions: exactly one focus area.
    pub has_focus_area: bool,
    /// CH-2: the programs nobody holds at the same time as this one.
    pub excludes: Vec<Program>,
}

impl ProgramRules {
    /// CH-1: the program's traits as an admin set them (settings data:
    /// `<program>.seat_cap` with 0 for no cap, `.nda_required`,
    /// `.moderator_rights`, `.exclusive_with`). Exclusivity goes both ways:
    /// two programs exclude each other when either names the other. Whether
    /// a program has focus areas and yearly metrics is its nature (CH-3,
    /// CH-7), not a setting.
    pub fn from_settings(program: Program, s: &crate::settings::Settings) -> Self {
        let key = |trait_name: &str| format!("{}.{trait_name}", program.as_str());
        let flag = |trait_name: &str| s.int(&key(trait_name)) != 0;
        let names = |p: Program| -> Vec<Program> {
            s.hosts(&format!("{}.exclusive_with", p.as_str())).iter().filter_map(|w| Program::parse(w).ok()).collect()
        };
        let excludes = Program::ALL
            .into_iter()
            .filter(|other| *other != program && (names(program).contains(other) || names(*other).contains(&program)))
            .collect();
        let cap = u32::try_from(s.int(&key("seat_cap"))).unwrap_or(0);
        Self {
            program,
            seat_cap: (cap > 0).then_some(cap),
            nda_required: flag("nda_required"),
            moderator_rights: flag("moderator_rights"),
            yearly_metrics: program == Program::Mvp,
            has_focus_area: program == Program::Champions,
            excludes,
        }
    }

    /// The defaults of CH-1 (what the settings migration seeds).
    pub fn defaults(program: Program, mvp_seat_cap: u32) -> Self {
        match program {
            Program::Champions => Self {
                program,
                seat_cap: None,
                nda_required: false,
                moderator_rights: false,
                yearly_metrics: false,
                has_focus_area: true,
                excludes: vec![Program::Mvp],
            },
            Program::Mvp => Self {
                program,
                seat_cap: Some(mvp_seat_cap),
                nda_required: true,
                moderator_rights: true,
                yearly_metrics: true,
                has_focus_area: false,
                excludes: vec![Program::Champions],
            },
            Program::Ambassadors => Self {
                program,
                seat_cap: None,
                nda_required: false,
                moderator_rights: false,
                yearly_metrics: false,
                has_focus_area: false,
                excludes: vec![],
            },
        }
    }
}

/// CH-3: the six focus areas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FocusArea {
    Forums,
    Forge,
    OrganizingEvents,
    Speaking,
    TechnicalContent,
    Mentoring,
}

impl FocusArea {
    pub const ALL: [FocusArea; 6] =
        [Self::Forums, Self::Forge, Self::OrganizingEvents, Self::Speaking, Self::TechnicalContent, Self::Mentoring];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Forums => "forums",
            Self::Forge => "forge",
            Self::OrganizingEvents => "organizing_events",
            Self::Speaking => "speaking",
            Self::TechnicalContent => "technical_content",
            Self::Mentoring => "mentoring",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|a| a.as_str() == raw.trim())
            .ok_or(DomainError::field("focus_area", "focus_area_invalid"))
    }
}

/// CH-3: one focus area, and others as optional interests (not the focus
/// area again, no repeats).
pub fn parse_interests(focus: FocusArea, raw: &[String]) -> Result<Vec<FocusArea>, DomainError> {
    let mut out = Vec::new();
    for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let a = FocusArea::parse(r).map_err(|_| DomainError::field("interests", "focus_area_invalid"))?;
        if a != focus && !out.contains(&a) {
            out.push(a);
        }
    }
    Ok(out)
}

/// CH-1: the day staff record that an applicant signed the NDA: only for
/// a program that needs one, and not a day still to come.
pub fn check_nda_signed_on(rules: &ProgramRules, signed_on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
    if !rules.nda_required {
        return Err(DomainError::field("signed_on", "nda_not_needed"));
    }
    if signed_on > today {
        return Err(DomainError::field("signed_on", "date_in_future"));
    }
    Ok(())
}

/// A membership as the exclusivity rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    pub program: Program,
    pub starts_on: NaiveDate,
    /// The last day; None while open-ended.
    pub ends_on: Option<NaiveDate>,
}

impl Held {
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && self.ends_on.is_none_or(|end| day <= end)
    }
}

/// What starting a membership does to the ones already held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// Nothing else changes.
    Alongside,
    /// CH-2 transfer: the old membership (Champion ↔ MVP) ends the day
    /// before the new one starts, so they never overlap.
    Transfer { ends: Program, last_day: NaiveDate },
}

/// CH-1, CH-2: may `program` start on `starts_on` for someone holding
/// `held`? `transfer` says the member asked to move between Champions and
/// MVP (and met the target's criteria, which the caller checks);
/// `seats_taken` counts the program's active members that day;
/// `nda_signed_on` is when the member signed the NDA, if ever.
pub fn check_start(
    rules: &ProgramRules,
    held: &[Held],
    starts_on: NaiveDate,
    transfer: bool,
    seats_taken: u32,
    nda_signed_on: Option<NaiveDate>,
) -> Result<Start, DomainError> {
    let program = rules.program;
    if held.iter().any(|h| h.program == program && h.active_on(starts_on)) {
        return Err(DomainError::AlreadyMember);
    }
    if let Some(cap) = rules.seat_cap {
        if seats_taken >= cap {
            return Err(DomainError::ProgramFull { cap });
        }
    }
    if rules.nda_required && nda_signed_on.is_none_or(|d| d > starts_on) {
        return Err(DomainError::NdaNotSigned);
    }
    let conflicting =
        held.iter().find(|h| rules.excludes.contains(&h.program) && h.ends_on.is_none_or(|e| e >= starts_on));
    match (conflicting, transfer) {
        (None, _) => Ok(Start::Alongside),
        (Some(old), true) => {
            let last_day = starts_on.pred_opt().ok_or(DomainError::field("starts_on", "date_invalid"))?;
            if last_day < old.starts_on {
                return Err(DomainError::field("starts_on", "transfer_before_start"));
            }
            Ok(Start::Transfer { ends: old.program, last_day })
        }
        (Some(_), false) => Err(DomainError::ProgramsExclusive),
    }
}

#[cfg(test)]
mod traits_tests {
    use super::*;
    use crate::settings::{Settings, DEFINITIONS};

    /// Every setting at a neutral value, then `over` on top.
    fn settings(over: &[(&'static str, &str)]) -> Settings {
        let rows: Vec<(&str, String)> = DEFINITIONS
            .iter()
            .map(|d| {
                let v = over.iter().find(|(k, _)| *k == d.key).map(|(_, v)| (*v).to_owned());
                let v = v.unwrap_or_else(|| match d.kind {
                    crate::settings::SettingKind::Int { min, .. } => min.to_string(),
                    crate::settings::SettingKind::WebAddress => String::new(),
                    _ => String::new(),
                });
                (d.key, v)
            })
            .collect();
        Settings::from_rows(rows.iter().map(|(k, v)| (*k, v.as_str()))).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn ch1_ch2_program_traits_are_the_admins_settings() {
        let spec = settings(&[
            ("mvp.seat_cap", "300"),
            ("mvp.nda_required", "1"),
            ("mvp.moderator_rights", "1"),
            ("champions.exclusive_with", "mvp"),
        ]);
        for p in Program::ALL {
            assert_eq!(ProgramRules::from_settings(p, &spec), ProgramRules::defaults(p, 300), "{p:?} as CH-1 says");
        }
        // Exclusivity named on one side binds both (settings take program names only).
        let changed = settings(&[
            ("mvp.seat_cap", "5"),
            ("ambassadors.seat_cap", "50"),
            ("ambassadors.nda_required", "1"),
            ("ambassadors.exclusive_with", "champions"),
        ]);
        let amb = ProgramRules::from_settings(Program::Ambassadors, &changed);
        assert_eq!((amb.seat_cap, amb.nda_required, amb.excludes.clone()), (Some(50), true, vec![Program::Champions]));
        let ch = ProgramRules::from_settings(Program::Champions, &changed);
        assert_eq!(
            (ch.seat_cap, ch.excludes.clone()),
            (None, vec![Program::Ambassadors]),
            "0 is no cap; Champions-MVP lifted"
        );
        let held = [Held { program: Program::Champions, starts_on: NaiveDate::MIN, ends_on: None }];
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or(NaiveDate::MIN);
        let mvp = ProgramRules::from_settings(Program::Mvp, &changed);
        assert_eq!(check_start(&mvp, &held, today, false, 0, Some(today)), Ok(Start::Alongside));
        assert_eq!(check_start(&amb, &held, today, false, 0, Some(today)), Err(DomainError::ProgramsExclusive));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn held(p: Program, from: &str, to: Option<&str>) -> Held {
        Held { program: p, starts_on: day(from), ends_on: to.map(day) }
    }

    fn rules(p: Program) -> ProgramRules {
        ProgramRules::defaults(p, 3)
    }

    #[test]
    fn ch1_programs_are_configured_as_data() {
        let mvp = rules(Program::Mvp);
        assert_eq!(
            (mvp.seat_cap, mvp.nda_required, mvp.moderator_rights, mvp.yearly_metrics),
            (Some(3), true, true, true)
        );
        let ch = rules(Program::Champions);
        assert_eq!((ch.seat_cap, ch.nda_required, ch.moderator_rights, ch.has_focus_area), (None, false, false, true));
        for p in Program::ALL {
            assert_eq!(Program::parse(p.as_str()), Ok(p));
        }
    }

    #[test]
    fn ch2_nobody_is_champion_and_mvp_at_once() {
        let champ = [held(Program::Champions, "2026-01-01", None)];
        let err = check_start(&rules(Program::Mvp), &champ, day("2026-06-01"), false, 0, Some(day("2026-05-01")));
        assert_eq!(err, Err(DomainError::ProgramsExclusive));
        // A Champion title that ended before is no obstacle.
        let past = [held(Program::Champions, "2025-01-01", Some("2025-12-31"))];
        let ok = check_start(&rules(Program::Mvp), &past, day("2026-06-01"), false, 0, Some(day("2026-05-01")));
        assert_eq!(ok, Ok(Start::Alongside));
    }

    #[test]
    fn ch2_ambassadors_combine_with_either() {
        let both = [held(Program::Champions, "2026-01-01", None)];
        assert_eq!(
            check_start(&rules(Program::Ambassadors), &both, day("2026-03-01"), false, 0, None),
            Ok(Start::Alongside)
        );
        let amb = [held(Program::Ambassadors, "2026-01-01", None)];
        assert_eq!(
            check_start(&rules(Program::Champions), &amb, day("2026-03-01"), false, 0, None),
            Ok(Start::Alongside)
        );
    }

    #[test]
    fn ch2_a_transfer_ends_the_old_membership_the_day_before() {
        let champ = [held(Program::Champions, "2026-01-01", None)];
        let t = check_start(&rules(Program::Mvp), &champ, day("2026-06-01"), true, 0, Some(day("2026-05-20")));
        assert_eq!(t, Ok(Start::Transfer { ends: Program::Champions, last_day: day("2026-05-31") }));
        let mvp = [held(Program::Mvp, "2026-01-01", None)];
        let t = check_start(&rules(Program::Champions), &mvp, day("2026-06-01"), true, 0, None);
        assert_eq!(t, Ok(Start::Transfer { ends: Program::Mvp, last_day: day("2026-05-31") }));
    }

    #[test]
    fn ch1_mvp_seat_cap_and_nda_before_start() {
        let r = rules(Program::Mvp);
        assert_eq!(
            check_start(&r, &[], day("2026-06-01"), false, 3, Some(day("2026-05-01"))),
            Err(DomainError::ProgramFull { cap: 3 })
        );
        assert!(check_start(&r, &[], day("2026-06-01"), false, 2, Some(day("2026-05-01"))).is_ok());
        assert_eq!(check_start(&r, &[], day("2026-06-01"), false, 0, None), Err(DomainError::NdaNotSigned));
        assert_eq!(
            check_start(&r, &[], day("2026-06-01"), false, 0, Some(day("2026-06-02"))),
            Err(DomainError::NdaNotSigned),
            "signed after the start is too late"
        );
        assert!(check_start(&r, &[], day("2026-06-01"), false, 0, Some(day("2026-06-01"))).is_ok());
    }

    #[test]
    fn ch1_the_nda_date_is_recorded_only_where_an_nda_is_needed_and_not_ahead() {
        let today = day("2026-06-01");
        assert_eq!(check_nda_signed_on(&rules(Program::Mvp), day("2026-05-30"), today), Ok(()));
        assert_eq!(check_nda_signed_on(&rules(Program::Mvp), today, today), Ok(()));
        assert_eq!(
            check_nda_signed_on(&rules(Program::Mvp), day("2026-06-02"), today),
            Err(DomainError::field("signed_on", "date_in_future"))
        );
        for p in [Program::Champions, Program::Ambassadors] {
            assert_eq!(
                check_nda_signed_on(&rules(p), today, today),
                Err(DomainError::field("signed_on", "nda_not_needed"))
            );
        }
    }

    #[test]
    fn ch2_no_second_membership_of_the_same_program() {
        let champ = [held(Program::Champions, "2026-01-01", None)];
        assert_eq!(
            check_start(&rules(Program::Champions), &champ, day("2026-06-01"), false, 0, None),
            Err(DomainError::AlreadyMember)
        );
    }

    #[test]
    fn ch3_one_focus_area_and_other_interests() {
        let raw = ["forge".to_owned(), "forums".into(), "forge".into(), " ".into()];
        assert_eq!(parse_interests(FocusArea::Forums, &raw), Ok(vec![FocusArea::Forge]));
        assert!(parse_interests(FocusArea::Forums, &["knitting".to_owned()]).is_err());
        for a in FocusArea::ALL {
            assert_eq!(FocusArea::parse(a.as_str()), Ok(a));
        }
    }
}
