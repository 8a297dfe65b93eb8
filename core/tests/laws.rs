//! Property tests: the laws the rules must obey for every input (A14, S3.5, S3.7, S5).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{Datelike, Days, NaiveDate};
use liaison::*;
use proptest::prelude::*;

fn p() -> Policy {
    Policy::banan_2008()
}

fn rank(g: Grade) -> u8 {
    match g {
        Grade::Unqualified => 0,
        Grade::Undetermined => 1,
        Grade::Qualified => 2,
        Grade::Excellent => 3,
    }
}

/// A covered receipt date: 2007-01-01 plus up to 19 years minus the longest limit.
fn covered_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..(19 * 365)).prop_map(|d| NaiveDate::from_ymd_opt(2007, 1, 1).unwrap() + Days::new(d))
}

fn class() -> impl Strategy<Value = Responsibility> {
    prop::sample::select(Responsibility::ALL.to_vec())
}

proptest! {
    /// S3.7: the grade never falls when a dissatisfied ballot becomes a satisfied one.
    #[test]
    fn grade_is_monotone_in_satisfaction(s in 0u64..1_000_000, b in 0u64..1_000_000, d in 1u64..1_000_000) {
        let before = grade(s, b, d, &p()).unwrap();
        let after = grade(s + 1, b, d - 1, &p()).unwrap();
        prop_assert!(rank(after) >= rank(before));
    }

    /// S3.7: nor when a basically satisfied ballot becomes a satisfied one.
    #[test]
    fn grade_is_monotone_in_basic_satisfaction(s in 0u64..1_000_000, b in 1u64..1_000_000, d in 0u64..1_000_000) {
        prop_assert!(rank(grade(s + 1, b - 1, d, &p()).unwrap()) >= rank(grade(s, b, d, &p()).unwrap()));
    }

    /// S3.7, A14: the grade equals the definition evaluated on exact rationals, for any u64.
    #[test]
    fn grade_matches_exact_rationals(s in any::<u64>(), b in any::<u64>(), d in any::<u64>()) {
        prop_assume!(s > 0 || b > 0 || d > 0);
        let n = u128::from(s) + u128::from(b) + u128::from(d);
        // Compare with 100 * part against bound * n; n < 2^66 so the products fit in u128.
        let (s, d) = (u128::from(s), u128::from(d));
        let expected = if 100 * d > 30 * n {
            Grade::Unqualified
        } else if 100 * s > 90 * n {
            Grade::Excellent
        } else if 100 * s >= 70 * n {
            Grade::Qualified
        } else {
            Grade::Undetermined
        };
        prop_assert_eq!(grade(s as u64, b, d as u64, &p()).unwrap(), expected);
    }

    /// S3.5, A4, A14: the vote equals the definition on exact rationals, for any u64.
    #[test]
    fn vote_matches_exact_rationals(a in any::<u64>(), d in any::<u64>(), ab in any::<u64>()) {
        prop_assume!(a > 0 || d > 0 || ab > 0);
        let n = u128::from(a) + u128::from(d) + u128::from(ab);
        let expected = if 3 * u128::from(a) >= 2 * n {
            VoteOutcome::Adopted
        } else if 3 * u128::from(d) > n {
            VoteOutcome::Rejected
        } else {
            VoteOutcome::NotAdopted
        };
        prop_assert_eq!(decide_vote(a, d, ab, &p(), None).unwrap(), expected);
    }

    /// S3.5: one more approving ballot never turns an adopted item into another outcome.
    #[test]
    fn adoption_is_monotone(a in 0u64..1_000_000, d in 0u64..1_000_000, ab in 0u64..1_000_000) {
        prop_assume!(a + d + ab > 0);
        if decide_vote(a, d, ab, &p(), None).unwrap() == VoteOutcome::Adopted {
            prop_assert_eq!(decide_vote(a + 1, d, ab, &p(), None).unwrap(), VoteOutcome::Adopted);
        }
    }

    /// S5, A1, A2: the deadline is the nominal day or the first working day after it, and
    /// the days between are all rest days.
    #[test]
    fn deadline_is_first_working_day_from_nominal(received in covered_date(), r in class()) {
        let cal = HolidayCalendar::builtin().unwrap();
        let nominal = received + Days::new(u64::from(r.days(&p())));
        let got = deadline(received, r, &p()).unwrap();
        prop_assert!(got >= nominal);
        prop_assert!(!cal.is_rest_day(got).unwrap());
        let mut day = nominal;
        while day < got {
            prop_assert!(cal.is_rest_day(day).unwrap());
            day = day.succ_opt().unwrap();
        }
    }

    /// S5: deadlines never fall when the receipt date rises.
    #[test]
    fn deadline_is_monotone(received in covered_date(), r in class()) {
        let next = received.succ_opt().unwrap();
        prop_assert!(deadline(next, r, &p()).unwrap() >= deadline(received, r, &p()).unwrap());
    }

    /// S5: status and days agree with the deadline, for every pair of dates.
    #[test]
    fn status_agrees_with_deadline(received in covered_date(), r in class(), later in 0u64..120, fed in any::<bool>()) {
        let day = received + Days::new(later);
        let (fed_back, as_of) = if fed { (Some(day), None) } else { (None, Some(day)) };
        let s = feedback_status(received, r, fed_back, as_of, &p()).unwrap();
        let signed = s.deadline.signed_duration_since(day).num_days();
        prop_assert_eq!(s.days, signed.unsigned_abs());
        let expected = match (fed, signed >= 0) {
            (true, true) => Status::OnTime,
            (true, false) => Status::Late,
            (false, true) => Status::Open,
            (false, false) => Status::Overdue,
        };
        prop_assert_eq!(s.status, expected);
    }
}

/// A2: every built-in year is covered from 1 January to 31 December, and nothing outside.
#[test]
fn builtin_calendar_covers_2007_to_2026() {
    let cal = HolidayCalendar::builtin().unwrap();
    let years: Vec<i32> = cal.years().iter().map(|y| y.year).collect();
    assert_eq!(years, (2007..=2026).collect::<Vec<_>>());
    let mut d = NaiveDate::from_ymd_opt(2007, 1, 1).unwrap();
    while d.year() <= 2026 {
        assert!(cal.is_rest_day(d).is_ok(), "{d}");
        d = d.succ_opt().unwrap();
    }
    assert!(cal
        .is_rest_day(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
        .is_err());
    assert!(cal
        .is_rest_day(NaiveDate::from_ymd_opt(2006, 12, 31).unwrap())
        .is_err());
    for y in cal.years() {
        assert!(!y.notice.is_empty(), "{} cites no notice", y.year);
    }
}

/// Policy: saving and loading gives the same policy; a district's JSON changes results.
#[test]
fn policy_round_trips_through_json() {
    let p = Policy::banan_2008();
    assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
    let other = Policy::from_json(r#"{"within_remit_days": 5, "move_rest_day": false}"#).unwrap();
    let received = NaiveDate::from_ymd_opt(2008, 9, 25).unwrap();
    assert_eq!(
        deadline(received, Responsibility::WithinRemit, &other).unwrap(),
        NaiveDate::from_ymd_opt(2008, 9, 30).unwrap()
    );
}

/// Errors: codes are unique snake_case, and every error has a Chinese message.
#[test]
fn error_codes_are_stable_snake_case() {
    let mut seen = std::collections::HashSet::new();
    for code in Error::CODES {
        assert!(
            code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{code}"
        );
        assert!(seen.insert(code), "{code} twice");
    }
    assert!(!Error::new(liaison::ErrorKind::NoBallots)
        .message_zh()
        .is_empty());
}
