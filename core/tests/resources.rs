//! Work follows the size of the records, never the span of dates asked or a square of
//! anything: each hostile input below must finish within a multiple of a baseline measured
//! in the same run (no absolute times, so a slow or busy machine does not fail it).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::api::call;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The time of `f`, best of three.
fn time(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// A baseline: 2 000 deadlines and a year's check of a small synthetic district.
fn baseline() -> Duration {
    let district = call("generate_district", &json!({})).unwrap();
    time(|| {
        for i in 0..2000u32 {
            let received = format!("2009-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
            call(
                "deadline",
                &json!({"received": received, "responsibility": 1 + i % 4}),
            )
            .unwrap();
        }
        call("check", &json!({"dataset": district["dataset"], "start": "2023-01-01", "end": "2023-12-31", "as_of": "2024-01-31"})).unwrap();
    })
}

/// Asserts `f` takes at most `times` baselines.
fn within(name: &str, base: Duration, times: u32, f: impl FnMut()) {
    let took = time(f);
    assert!(
        took <= base * times,
        "{name}: {took:?} against a baseline of {base:?}"
    );
}

#[test]
fn hostile_inputs_cost_what_their_records_cost() {
    let base = baseline();

    // S3.8: 20 000 years and a resignation rule that never fires.
    let years: Vec<Value> = (1..=20_000)
        .map(|y| json!({"year": y, "satisfied": 60, "dissatisfied": 40}))
        .collect();
    within("consequences over 20 000 years", base, 20, || {
        call(
            "consequences",
            &json!({"years": years, "policy": {"resign_after_unqualified_years": 100_000}}),
        )
        .unwrap();
    });

    // A2: a policy calendar whose 300 rest periods span 0001 to 9999; built once, then
    // every call reuses it.
    let rest: Vec<Value> = (0..300)
        .map(|i| json!({"name": format!("p{i}"), "from": "0001-01-01", "to": "9999-12-31"}))
        .collect();
    let policy = json!({"calendar_years": [{"year": 2027, "rest_days": rest}]});
    within(
        "a calendar of 300 periods spanning 9 999 years",
        base,
        2,
        || {
            call(
                "is_rest_day",
                &json!({"date": "2027-03-03", "policy": policy}),
            )
            .unwrap();
        },
    );
    let policy = liaison::Policy::from_value(&policy).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 3).unwrap();
    within("2 000 rest-day questions with that policy", base, 2, || {
        for _ in 0..2000 {
            assert!(policy.calendar().unwrap().is_rest_day(day).unwrap());
        }
    });

    // A2: calendar years far apart cost their years, not the span between them.
    let far = json!({"calendar_years": [{"year": 1}, {"year": 9999}]});
    within("calendar years 1 and 9999", base, 5, || {
        call("is_rest_day", &json!({"date": "9999-06-01", "policy": far})).unwrap();
    });

    // S5: a register of 3 rows with a policy calendar.
    let own = json!({"calendar_years": [{"year": 2027, "rest_days": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}]});
    within("deadlines with a policy calendar", base, 5, || {
        for day in ["2026-12-22", "2026-12-23", "2026-12-24"] {
            call(
                "deadline",
                &json!({"received": day, "responsibility": 1, "policy": own}),
            )
            .unwrap();
        }
    });
}
