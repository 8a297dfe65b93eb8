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
    within("consequences over 20 000 years", base, 50, || {
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

    // S1–S5: a range of 99 years around a few records costs what the records and the range
    // up to `as_of` cost, not the 5 000 weeks of the range.
    let district = call("generate_district", &json!({})).unwrap();
    within("a check over 99 years", base, 10, || {
        call("check", &json!({"dataset": district["dataset"], "start": "2023-01-01", "end": "2121-12-31", "as_of": "2026-01-20"})).unwrap();
    });

    // S3.7, S3.8: 3 000 evaluations (30 villages × 100 years) in one check.
    let units: Vec<Value> = (0..30)
        .map(|v| json!({"id": format!("V{v}"), "level": "village"}))
        .collect();
    let evaluations: Vec<Value> = (0..30)
        .flat_map(|v| (2000..2100).map(move |y| json!({"unit": format!("V{v}"), "year": y, "satisfied": 60, "dissatisfied": 40})))
        .collect();
    within("3 000 evaluations in a check", base, 50, || {
        call(
            "check",
            &json!({"dataset": {"units": units, "evaluations": evaluations},
            "start": "2000-01-01", "end": "2098-12-31", "as_of": "2099-01-31",
            "policy": {"rules": ["S3.7", "S3.8"], "missing_combined_as_ballot": true}}),
        )
        .unwrap();
    });

    // S3.5: 40 000 commitment items, each naming the last of 40 000 commitments.
    let commitments: Vec<Value> = (0..40_000)
        .map(|i| json!({"id": format!("C{i}"), "unit": "V0", "year": 2009, "kind": "annual"}))
        .collect();
    let items: Vec<Value> = (0..40_000)
        .map(|i| json!({"commitment": "C39999", "id": format!("I{i}"), "approve": 2, "disapprove": 1, "listed": true}))
        .collect();
    within("40 000 items of one commitment", base, 50, || {
        let tables = json!({"units": [{"id": "V0", "level": "village"}], "commitments": commitments, "commitment_items": items});
        liaison::dataset::Dataset::from_tables(tables.as_object().unwrap().clone()).unwrap();
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
