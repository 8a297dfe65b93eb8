//! `make bench` (core): rows per second of deadline + status, and `check` on a large district.
//! A benchmark, not a test: it prints figures and asserts nothing about time.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use liaison::register::{to_days, RegisterEvaluator};
use liaison::synthetic::{compliant, Shape};
use liaison::{agenda, check, Policy, Responsibility};
use std::hint::black_box;
use std::time::Instant;

const ROWS: usize = 10_000_000;

fn rows() -> (Vec<i32>, Vec<Responsibility>, Vec<Option<i32>>) {
    let start = to_days("2008-01-01".parse().unwrap());
    let mut x: u64 = 42;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut received = Vec::with_capacity(ROWS);
    let mut class = Vec::with_capacity(ROWS);
    let mut fed = Vec::with_capacity(ROWS);
    for _ in 0..ROWS {
        let r = start + (next() % 6000) as i32;
        received.push(r);
        class.push(Responsibility::ALL[(next() % 4) as usize]);
        fed.push((next() % 5 != 0).then(|| r + (next() % 60) as i32));
    }
    (received, class, fed)
}

fn rows_per_second(
    label: &str,
    policy: &Policy,
    data: &(Vec<i32>, Vec<Responsibility>, Vec<Option<i32>>),
) {
    let ev = RegisterEvaluator::new(policy).unwrap();
    let as_of = Some(to_days("2025-06-30".parse().unwrap()));
    let (received, class, fed) = data;
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let mut acc = 0u64;
        for i in 0..ROWS {
            if let Ok(s) = ev.evaluate(received[i], class[i], fed[i], as_of) {
                acc = acc.wrapping_add(s.days as u64 + s.deadline as u64 + s.status as u64);
            }
        }
        black_box(acc);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "core deadline+status, {label}: {:.0} M rows/s (1 core, best of 5, {ROWS} rows)",
        ROWS as f64 / best / 1e6
    );
}

fn main() {
    let data = rows();
    rows_per_second(
        "calendar days with the rest-day move (A2)",
        &Policy::banan_2008(),
        &data,
    );
    rows_per_second(
        "calendar days, no move",
        &Policy::from_json(r#"{"move_rest_day": false}"#).unwrap(),
        &data,
    );

    let shape = Shape {
        towns: 100,
        villages_per_town: 100,
        households_per_village: 8,
        years: 1,
        ..Shape::default()
    };
    let policy = Policy::banan_2008();
    let t = Instant::now();
    let data = compliant(&shape, &policy).unwrap();
    let generated = t.elapsed().as_secs_f64();
    let records = data.receptions.len()
        + data.visits.len()
        + data.meetings.len()
        + data.opinions.len()
        + data.aid.len()
        + data.deeds.len();
    let (from, _) = shape.range();
    let to = "2023-12-31".parse().unwrap();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let report = check(&data, from, to, "2024-01-20".parse().unwrap(), &policy).unwrap();
        black_box(report.findings.len());
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "check, {} villages, a year of {} records: {:.2} s (best of 3; generating took {:.1} s)",
        shape.towns * shape.villages_per_town,
        records,
        best,
        generated
    );
    let as_of = "2024-01-20".parse().unwrap();
    let mut best = f64::MAX;
    let mut items = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let a = agenda(&data, as_of, 14, &policy).unwrap();
        items = a.items.len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "agenda, {} villages on {as_of}, 14 days ahead: {:.2} s, {items} items (best of 3; target under 1 s)",
        shape.towns * shape.villages_per_town,
        best
    );
}
