//! Property tests of the domain's state machines (issue 7): any sequence
//! of registrations, cancellations, check-ins and capacity changes,
//! decided by UG-14's rules, never confirms more than the capacity, never
//! leaves someone waiting while a seat is free, and keeps each member in
//! the waiting list once (positions 1..n by arrival); a program
//! application (CH-6) never skips a stage.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use guildhall_domain::event::{check_capacity_change, place, seats_to_fill, Capacity, Placement};
use guildhall_domain::program_application::{Stage, Step};
use guildhall_domain::registration::RegistrationStatus;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Register(u8),
    Cancel(u8),
    CheckIn(u8),
    Capacity(u16),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..40).prop_map(Op::Register),
        2 => (0u8..40).prop_map(Op::Cancel),
        1 => (0u8..40).prop_map(Op::CheckIn),
        1 => (1u16..30).prop_map(Op::Capacity),
    ]
}

/// An event as the storage keeps it: one row per registration, in arrival
/// order (member, status, checked in).
struct Event {
    capacity: Capacity,
    rows: Vec<(u8, RegistrationStatus, bool)>,
}

impl Event {
    fn confirmed(&self) -> u64 {
        self.rows.iter().filter(|r| r.1 == RegistrationStatus::Confirmed).count() as u64
    }

    /// UG-14: the first people waiting move up into free seats.
    fn promote(&mut self) {
        let mut free = seats_to_fill(self.capacity, self.confirmed());
        for r in self.rows.iter_mut().filter(|r| r.1 == RegistrationStatus::Waitlisted) {
            if free == 0 {
                break;
            }
            r.1 = RegistrationStatus::Confirmed;
            free -= 1;
        }
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Register(m) => {
                if self.rows.iter().any(|r| r.0 == m && r.1.is_active()) {
                    return; // one active registration per member
                }
                let status = match place(self.capacity, self.confirmed()) {
                    Placement::Confirmed => RegistrationStatus::Confirmed,
                    Placement::Waitlisted => RegistrationStatus::Waitlisted,
                };
                self.rows.push((m, status, false));
            }
            Op::Cancel(m) => {
                if let Some(r) = self.rows.iter_mut().find(|r| r.0 == m && r.1.is_active() && r.1.cancel(r.2).is_ok()) {
                    let freed = r.1.frees_a_seat();
                    r.1 = RegistrationStatus::Cancelled;
                    if freed {
                        self.promote();
                    }
                }
            }
            Op::CheckIn(m) => {
                if let Some(r) = self.rows.iter_mut().find(|r| r.0 == m && r.1.is_active()) {
                    if r.1.check_in().is_ok() {
                        r.2 = true;
                    }
                }
            }
            Op::Capacity(n) => {
                let new = Capacity::new(i64::from(n)).unwrap();
                if check_capacity_change(new, self.confirmed()).is_ok() {
                    self.capacity = new;
                    self.promote();
                }
            }
        }
    }
}

const STEPS: [Step; 7] =
    [Step::Submit, Step::Screen, Step::NotSelect, Step::Invite, Step::RecordInterview, Step::Accept, Step::Decline];

/// The order stages are reached in; the two ends of screening, and of the
/// decision, share a rank.
fn rank(s: Stage) -> u8 {
    match s {
        Stage::Draft => 0,
        Stage::Submitted => 1,
        Stage::Screening => 2,
        Stage::NotSelected | Stage::Interview => 3,
        Stage::Interviewed => 4,
        Stage::Accepted | Stage::Declined => 5,
        Stage::Withdrawn => 6,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn ug14_never_overbooked_and_nobody_waits_for_a_free_seat(
        start in 1i64..20,
        ops in prop::collection::vec(op(), 0..120),
    ) {
        let mut ev = Event { capacity: Capacity::new(start).unwrap(), rows: Vec::new() };
        for op in &ops {
            ev.apply(op);
            let (confirmed, capacity) = (ev.confirmed(), u64::from(ev.capacity.get()));
            prop_assert!(confirmed <= capacity, "{} confirmed for {} seats", confirmed, capacity);
            let waiting: Vec<u8> =
                ev.rows.iter().filter(|r| r.1 == RegistrationStatus::Waitlisted).map(|r| r.0).collect();
            prop_assert!(waiting.is_empty() || confirmed == capacity, "someone waits while a seat is free");
            let mut seen = std::collections::BTreeSet::new();
            prop_assert!(waiting.iter().all(|m| seen.insert(*m)), "a member waits twice");
            prop_assert!(
                ev.rows.iter().filter(|r| r.2).all(|r| r.1 == RegistrationStatus::Confirmed),
                "only the confirmed were let in, and whoever was let in keeps their seat"
            );
        }
    }

    #[test]
    fn ch6_an_application_never_skips_a_stage(steps in prop::collection::vec(0usize..7, 0..40)) {
        let mut stage = Stage::Draft;
        for i in steps {
            if let Ok(next) = stage.apply(STEPS[i]) {
                prop_assert_eq!(rank(next), rank(stage) + 1, "{:?} -> {:?} skipped a stage", stage, next);
                prop_assert!(stage.is_open(), "a closed application moved");
                stage = next;
            }
        }
    }
}
