//! Money (UG-13): no sponsorships and no third-party payers, so nothing
//! here can name one. The vendor covers primary costs through a fee
//! schedule per region (a cap per event for venue, catering and other
//! primary needs); a leader's claim is approved up to those caps.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::event::EventStatus;
use crate::values::{Currency, LongText};
use crate::DomainError;

/// An amount in a currency's minor units (cents), never negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

/// The largest amount we accept, in major units: a typo guard.
const MAX_MAJOR: i64 = 10_000_000;

impl Money {
    pub fn from_minor(minor: i64, currency: Currency) -> Result<Self, DomainError> {
        let limit = MAX_MAJOR * 10i64.pow(currency.minor_digits());
        if !(0..=limit).contains(&minor) {
            return Err(DomainError::field("amount", "amount_invalid"));
        }
        Ok(Self { minor, currency })
    }

    /// Parses "120", "120.5" or "120.50" (a comma works as the decimal
    /// mark too); empty means zero.
    pub fn parse(raw: &str, currency: Currency, field: &'static str) -> Result<Self, DomainError> {
        let bad = || DomainError::field(field, "amount_invalid");
        let s = raw.trim().replace(',', ".");
        if s.is_empty() {
            return Ok(Self { minor: 0, currency });
        }
        let digits = currency.minor_digits() as usize;
        let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
        if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        if frac.len() > digits || whole.len() > 9 {
            return Err(bad());
        }
        let whole: i64 = whole.parse().map_err(|_| bad())?;
        let frac_padded = format!("{frac:0<digits$}");
        let frac: i64 = if digits == 0 { 0 } else { frac_padded.parse().map_err(|_| bad())? };
        Self::from_minor(whole * 10i64.pow(digits as u32) + frac, currency).map_err(|_| bad())
    }

    pub fn minor(&self) -> i64 {
        self.minor
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The amount without the currency, as typed back into a form.
    pub fn amount_text(&self) -> String {
        let digits = self.currency.minor_digits();
        if digits == 0 {
            return self.minor.to_string();
        }
        let unit = 10i64.pow(digits);
        format!("{}.{:0width$}", self.minor / unit, self.minor % unit, width = digits as usize)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount_text(), self.currency)
    }
}

/// What an expense pays for (UG-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Venue,
    Catering,
    Other,
}

impl Category {
    pub const ALL: [Category; 3] = [Self::Venue, Self::Catering, Self::Other];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Venue => "venue",
            Self::Catering => "catering",
            Self::Other => "other",
        }
    }
}

/// An amount per category, in one currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amounts {
    pub venue: Money,
    pub catering: Money,
    pub other: Money,
}

impl Amounts {
    pub fn get(&self, c: Category) -> Money {
        match c {
            Category::Venue => self.venue,
            Category::Catering => self.catering,
            Category::Other => self.other,
        }
    }

    pub fn total_minor(&self) -> i64 {
        self.venue.minor + self.catering.minor + self.other.minor
    }

    pub fn total(&self) -> Money {
        Money { minor: self.total_minor(), currency: self.venue.currency }
    }

    fn parse(f: &AmountFields, currency: Currency) -> Result<Self, DomainError> {
        let v = Money::parse(&f.venue, currency, "venue");
        let c = Money::parse(&f.catering, currency, "catering");
        let o = Money::parse(&f.other, currency, "other");
        DomainError::collect([v.clone().err(), c.clone().err(), o.clone().err()])?;
        Ok(Self { venue: v?, catering: c?, other: o? })
    }
}

/// Raw amounts per category as a form or JSON body gives them.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmountFields {
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub catering: String,
    #[serde(default)]
    pub other: String,
}

/// A region's fee schedule: the caps per event (UG-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeeSchedule {
    pub caps: Amounts,
}

impl FeeSchedule {
    pub fn parse(f: &AmountFields, currency: Currency) -> Result<Self, DomainError> {
        Ok(Self { caps: Amounts::parse(f, currency)? })
    }

    pub fn currency(&self) -> Currency {
        self.caps.venue.currency
    }
}

/// A claim as the leader files it: amounts and a note. There is no payer
/// or sponsor field, and unknown fields are refused (UG-13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewClaim {
    pub amounts: Amounts,
    pub note: LongText,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimFields {
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub catering: String,
    #[serde(default)]
    pub other: String,
    #[serde(default)]
    pub note: String,
}

impl NewClaim {
    /// UG-13: amounts in the region's currency, something to claim, each
    /// category within the schedule's cap.
    pub fn parse(f: &ClaimFields, schedule: &FeeSchedule) -> Result<Self, DomainError> {
        let amounts = Amounts::parse(
            &AmountFields { venue: f.venue.clone(), catering: f.catering.clone(), other: f.other.clone() },
            schedule.currency(),
        );
        let note = LongText::parse(&f.note, "note", false);
        DomainError::collect([amounts.clone().err(), note.clone().err()])?;
        let amounts = amounts?;
        if amounts.total_minor() == 0 {
            return Err(DomainError::field("venue", "claim_empty"));
        }
        check_caps(&amounts, schedule)?;
        Ok(Self { amounts, note: note? })
    }
}

/// UG-13: each category at most its cap per event.
pub fn check_caps(amounts: &Amounts, schedule: &FeeSchedule) -> Result<(), DomainError> {
    for c in Category::ALL {
        let (amount, cap) = (amounts.get(c), schedule.caps.get(c));
        if amount.currency != cap.currency {
            return Err(DomainError::field(c.as_str(), "currency_mismatch"));
        }
        if amount.minor > cap.minor {
            return Err(DomainError::OverCap {
                category: c.as_str(),
                amount: amount.to_string(),
                cap: cap.to_string(),
            });
        }
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Submitted,
    Approved,
    Rejected,
    /// The claimant took it back before the decision (UG-13).
    Withdrawn,
}

/// What the claimant does to their own claim before it is settled (UG-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimantStep {
    /// Correct the amounts or note: a submitted claim stays submitted; a
    /// rejected one is filed again for a new decision.
    Correct,
    Withdraw,
}

/// What a manager's approval rests on besides the amounts (UG-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimEvidence {
    /// The event was held: completed, with at least one check-in.
    pub event_held: bool,
    pub receipts: usize,
}

/// UG-13: a claim is filed for an event that took place: published and
/// ended, or completed. Not for a draft, a cancelled event or one still to
/// come, whose costs are not known yet.
pub fn check_claimable(status: EventStatus, ended: bool) -> Result<(), DomainError> {
    match status {
        EventStatus::Completed => Ok(()),
        EventStatus::Published if ended => Ok(()),
        EventStatus::Published => Err(DomainError::field("event_id", "claim_event_not_ended")),
        EventStatus::Draft | EventStatus::Cancelled => Err(DomainError::field("event_id", "claim_event_not_held")),
    }
}

/// UG-13: a claim's receipts stay within the settings' count and total size.
pub fn check_receipt_room(
    count: usize,
    total_bytes: u64,
    adding: u64,
    max_count: usize,
    max_total: u64,
) -> Result<(), DomainError> {
    if count >= max_count {
        return Err(DomainError::field("receipt", "too_many_receipts"));
    }
    if total_bytes.saturating_add(adding) > max_total {
        return Err(DomainError::field("receipt", "receipts_too_large"));
    }
    Ok(())
}

impl ClaimStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "submitted" => Ok(Self::Submitted),
            "approved" => Ok(Self::Approved),
            "rejected" => Ok(Self::Rejected),
            "withdrawn" => Ok(Self::Withdrawn),
            _ => Err(DomainError::field("status", "status_invalid")),
        }
    }

    /// A submitted claim is decided once. Approval checks the caps again,
    /// as the schedule may have changed since filing, and needs the event
    /// held (completed with someone checked in, UG-14) and a receipt: the
    /// vendor pays for meetings that happened, on proof of what they cost.
    pub fn decide(
        self,
        approve: bool,
        amounts: &Amounts,
        schedule: &FeeSchedule,
        evidence: ClaimEvidence,
    ) -> Result<Self, DomainError> {
        if self != Self::Submitted {
            let to = if approve { "approved" } else { "rejected" };
            return Err(DomainError::StateConflict { what: "claim", from: self.as_str(), to });
        }
        if approve {
            if !evidence.event_held {
                return Err(DomainError::field("claim", "claim_event_not_held"));
            }
            if evidence.receipts == 0 {
                return Err(DomainError::field("claim", "claim_without_receipts"));
            }
            check_caps(amounts, schedule)?;
            Ok(Self::Approved)
        } else {
            Ok(Self::Rejected)
        }
    }

    /// Blocks another claim for the same event.
    pub fn blocks_new_claim(&self) -> bool {
        !matches!(self, Self::Rejected | Self::Withdrawn)
    }

    /// UG-13: the claimant corrects or withdraws a claim until it is
    /// decided; a rejected one can be corrected and filed again, never
    /// withdrawn (it is already settled). An approved or withdrawn claim
    /// is final.
    pub fn by_claimant(self, step: ClaimantStep) -> Result<Self, DomainError> {
        let to = match step {
            ClaimantStep::Correct => "submitted",
            ClaimantStep::Withdraw => "withdrawn",
        };
        match (self, step) {
            (Self::Submitted | Self::Rejected, ClaimantStep::Correct) => Ok(Self::Submitted),
            (Self::Submitted, ClaimantStep::Withdraw) => Ok(Self::Withdrawn),
            (from, _) => Err(DomainError::StateConflict { what: "claim", from: from.as_str(), to }),
        }
    }

    /// Receipts can be added while the claim waits for a decision or is
    /// being corrected after a rejection.
    pub fn takes_receipts(&self) -> bool {
        matches!(self, Self::Submitted | Self::Rejected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap_or_else(|_| unreachable!())
    }

    fn schedule() -> FeeSchedule {
        let f = AmountFields { venue: "300".into(), catering: "200".into(), other: "50".into() };
        FeeSchedule::parse(&f, eur()).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn claim(venue: &str, catering: &str, other: &str) -> ClaimFields {
        ClaimFields { venue: venue.into(), catering: catering.into(), other: other.into(), note: String::new() }
    }

    #[test]
    fn ug13_amounts_parse_in_minor_units() {
        assert_eq!(Money::parse("120.5", eur(), "x").map(|m| m.minor()), Ok(12050));
        assert_eq!(Money::parse("120,05", eur(), "x").map(|m| m.to_string()), Ok("120.05 EUR".into()));
        assert_eq!(Money::parse("", eur(), "x").map(|m| m.minor()), Ok(0));
        let yen = Currency::parse("JPY").unwrap_or_else(|_| unreachable!());
        assert_eq!(Money::parse("5000", yen, "x").map(|m| m.to_string()), Ok("5000 JPY".into()));
        for bad in ["-5", "1.234", "12a", ".5", "1e3", "99999999999"] {
            assert_eq!(Money::parse(bad, eur(), "venue"), Err(DomainError::field("venue", "amount_invalid")), "{bad}");
        }
        assert!(Money::parse("5.5", yen, "x").is_err());
    }

    #[test]
    fn ug13_a_claim_within_the_caps_is_accepted() {
        let c = NewClaim::parse(&claim("300", "180.40", ""), &schedule()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(c.amounts.total().to_string(), "480.40 EUR");
    }

    #[test]
    fn ug13_over_the_cap_is_refused_with_the_cap_named() {
        assert_eq!(
            NewClaim::parse(&claim("100", "250", ""), &schedule()),
            Err(DomainError::OverCap { category: "catering", amount: "250.00 EUR".into(), cap: "200.00 EUR".into() })
        );
        assert_eq!(NewClaim::parse(&claim("", "", ""), &schedule()), Err(DomainError::field("venue", "claim_empty")));
    }

    #[test]
    fn ug13_no_payer_or_sponsor_field_exists() {
        let body = r#"{"venue": "10", "payer": "ACME Corp"}"#;
        assert!(serde_json::from_str::<ClaimFields>(body).is_err());
        let body = r#"{"venue": "10", "sponsor": "ACME Corp"}"#;
        assert!(serde_json::from_str::<ClaimFields>(body).is_err());
        assert!(serde_json::from_str::<ClaimFields>(r#"{"venue": "10"}"#).is_ok());
    }

    #[test]
    fn ug13_claims_are_decided_once_and_within_current_caps() {
        let c = NewClaim::parse(&claim("300", "", ""), &schedule()).unwrap_or_else(|e| panic!("{e:?}"));
        let held = ClaimEvidence { event_held: true, receipts: 1 };
        assert_eq!(ClaimStatus::Submitted.decide(true, &c.amounts, &schedule(), held), Ok(ClaimStatus::Approved));
        assert!(ClaimStatus::Approved.decide(false, &c.amounts, &schedule(), held).is_err());
        let lowered = FeeSchedule::parse(&AmountFields { venue: "200".into(), ..Default::default() }, eur())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(matches!(
            ClaimStatus::Submitted.decide(true, &c.amounts, &lowered, held),
            Err(DomainError::OverCap { .. })
        ));
        assert_eq!(ClaimStatus::Submitted.decide(false, &c.amounts, &lowered, held), Ok(ClaimStatus::Rejected));
        assert!(!ClaimStatus::Rejected.blocks_new_claim());
    }

    #[test]
    fn ug13_claims_are_for_events_that_happened_with_receipts() {
        use EventStatus::*;
        assert_eq!(check_claimable(Completed, true), Ok(()));
        assert_eq!(check_claimable(Published, true), Ok(()));
        assert_eq!(check_claimable(Published, false), Err(DomainError::field("event_id", "claim_event_not_ended")));
        for never in [Draft, Cancelled] {
            assert_eq!(check_claimable(never, true), Err(DomainError::field("event_id", "claim_event_not_held")));
        }
        let c = NewClaim::parse(&claim("100", "", ""), &schedule()).unwrap_or_else(|e| panic!("{e:?}"));
        let not_held = ClaimEvidence { event_held: false, receipts: 2 };
        let no_receipts = ClaimEvidence { event_held: true, receipts: 0 };
        assert_eq!(
            ClaimStatus::Submitted.decide(true, &c.amounts, &schedule(), not_held),
            Err(DomainError::field("claim", "claim_event_not_held"))
        );
        assert_eq!(
            ClaimStatus::Submitted.decide(true, &c.amounts, &schedule(), no_receipts),
            Err(DomainError::field("claim", "claim_without_receipts"))
        );
        assert_eq!(
            ClaimStatus::Submitted.decide(false, &c.amounts, &schedule(), not_held),
            Ok(ClaimStatus::Rejected),
            "rejecting needs no proof"
        );
    }

    #[test]
    fn ug13_the_claimant_corrects_withdraws_and_files_again_only_before_it_is_settled() {
        use ClaimantStep::*;
        assert_eq!(ClaimStatus::Submitted.by_claimant(Correct), Ok(ClaimStatus::Submitted));
        assert_eq!(ClaimStatus::Submitted.by_claimant(Withdraw), Ok(ClaimStatus::Withdrawn));
        assert_eq!(ClaimStatus::Rejected.by_claimant(Correct), Ok(ClaimStatus::Submitted), "filed again");
        assert_eq!(
            ClaimStatus::Rejected.by_claimant(Withdraw),
            Err(DomainError::StateConflict { what: "claim", from: "rejected", to: "withdrawn" })
        );
        for settled in [ClaimStatus::Approved, ClaimStatus::Withdrawn] {
            for step in [Correct, Withdraw] {
                assert!(settled.by_claimant(step).is_err(), "{settled:?} {step:?}");
            }
            assert!(!settled.takes_receipts());
        }
        assert!(!ClaimStatus::Withdrawn.blocks_new_claim());
        assert!(ClaimStatus::Submitted.blocks_new_claim());
        assert_eq!(ClaimStatus::parse("withdrawn"), Ok(ClaimStatus::Withdrawn));
        let decided = ClaimStatus::Withdrawn.decide(false, &sample().amounts, &schedule(), held());
        assert!(decided.is_err(), "a withdrawn claim is not decided");
    }

    fn sample() -> NewClaim {
        NewClaim::parse(&claim("100", "", ""), &schedule()).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn held() -> ClaimEvidence {
        ClaimEvidence { event_held: true, receipts: 1 }
    }

    #[test]
    fn ug13_receipts_per_claim_are_bounded_in_count_and_total_size() {
        assert_eq!(check_receipt_room(0, 0, 100, 10, 1000), Ok(()));
        assert_eq!(check_receipt_room(9, 500, 500, 10, 1000), Ok(()));
        assert_eq!(check_receipt_room(10, 0, 1, 10, 1000), Err(DomainError::field("receipt", "too_many_receipts")));
        assert_eq!(check_receipt_room(3, 900, 101, 10, 1000), Err(DomainError::field("receipt", "receipts_too_large")));
    }
}
