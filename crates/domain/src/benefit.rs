//! CH-8: benefits are pools of codes for a program's active members (or
//! any program's, when none is named), claimable until the pool's last
//! valid day.

use chrono::NaiveDate;

use crate::program::{Held, Program};
use crate::DomainError;

/// Who may claim from a pool and until when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pool {
    /// None: the active members of any program.
    pub program: Option<Program>,
    /// The last day a code may be claimed; None: no end.
    pub valid_until: Option<NaiveDate>,
}

impl Pool {
    /// Whether a member holding `held` may claim from it on `today`.
    pub fn check_claim(&self, held: &[Held], today: NaiveDate) -> Result<(), DomainError> {
        if self.valid_until.is_some_and(|last| today > last) {
            return Err(DomainError::field("benefit", "benefit_expired"));
        }
        let active = held.iter().any(|h| h.active_on(today) && self.program.is_none_or(|p| p == h.program));
        if !active {
            return Err(DomainError::field("benefit", "not_an_active_member"));
        }
        Ok(())
    }

    /// A new pool's last day may not be already past.
    pub fn check_new(&self, today: NaiveDate) -> Result<(), DomainError> {
        match self.valid_until {
            Some(last) if last < today => Err(DomainError::field("valid_until", "date_in_past")),
            _ => Ok(()),
        }
    }
}

/// Codes pasted one per line (or separated by commas), trimmed, without
/// blanks or repeats, in the order given.
pub fn parse_codes(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in raw.split(['\n', '\r', ',', ';']).map(str::trim).filter(|c| !c.is_empty()) {
        if !out.iter().any(|c| c == code) {
            out.push(code.to_owned());
        }
    }
    out
}

/// The longest code a pool takes: codes are vouchers and keys, not texts.
pub const CODE_MAX_CHARS: usize = 200;

/// CH-8: every code is short and on one line, so a paste of the wrong
/// thing (a whole document) is refused, not loaded as one "code".
pub fn check_codes(codes: &[String]) -> Result<(), DomainError> {
    let bad = |c: &String| c.trim().is_empty() || c.chars().count() > CODE_MAX_CHARS || c.chars().any(char::is_control);
    match codes.iter().any(bad) {
        true => Err(DomainError::field("codes", "code_invalid")),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn ch8_a_pool_is_for_its_programs_active_members_until_its_last_day() {
        let today = day("2026-12-01");
        let champ = [Held { program: Program::Champions, starts_on: day("2026-01-01"), ends_on: None }];
        let ended = [Held { program: Program::Mvp, starts_on: day("2025-01-01"), ends_on: Some(day("2025-12-31")) }];
        let mvp_pool = Pool { program: Some(Program::Mvp), valid_until: None };
        let any = Pool { program: None, valid_until: Some(today) };
        assert_eq!(any.check_claim(&champ, today), Ok(()), "any program, on its last day");
        assert_eq!(mvp_pool.check_claim(&champ, today), Err(DomainError::field("benefit", "not_an_active_member")));
        assert_eq!(mvp_pool.check_claim(&ended, today), Err(DomainError::field("benefit", "not_an_active_member")));
        assert_eq!(any.check_claim(&champ, day("2026-12-02")), Err(DomainError::field("benefit", "benefit_expired")));
        assert_eq!(any.check_new(day("2026-12-02")), Err(DomainError::field("valid_until", "date_in_past")));
        assert_eq!(any.check_new(today), Ok(()));
    }

    #[test]
    fn ch8_pasted_codes_are_trimmed_and_kept_once() {
        assert_eq!(parse_codes(" A-1\r\nB-2, A-1\n\n;C-3 "), vec!["A-1", "B-2", "C-3"]);
        assert!(parse_codes(" \n ,").is_empty());
        assert_eq!(check_codes(&parse_codes("A-1\nB-2")), Ok(()));
        let long = "x".repeat(CODE_MAX_CHARS + 1);
        assert_eq!(check_codes(&[long]), Err(DomainError::field("codes", "code_invalid")), "a paste is not a code");
        assert!(check_codes(&["tab\there".into()]).is_err(), "no control characters");
    }
}
