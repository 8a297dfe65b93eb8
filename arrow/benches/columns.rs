//! `make bench` (Arrow): rows per second of `Register::evaluate_parallel` on 1 and 2 threads
//! next to the core's `RegisterEvaluator` alone on the same rows, and of the columnar grade
//! and vote. A benchmark, not a test: it prints figures and asserts nothing about time.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use arrow_array::{Date32Array, Int8Array, RecordBatch, UInt32Array};
use liaison::register::to_days;
use liaison_arrow::{Columnar, Grades, Register, Votes};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

fn rows() -> usize {
    std::env::var("LIAISON_BENCH_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5_000_000)
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn register(n: usize) -> RecordBatch {
    let start = to_days("2008-01-01".parse().unwrap());
    let mut rng = Rng(42);
    let (mut received, mut class, mut fed) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        let r = start + (rng.next() % 6000) as i32;
        received.push(r);
        class.push((rng.next() % 4 + 1) as i8);
        fed.push((rng.next() % 5 != 0).then(|| r + (rng.next() % 60) as i32));
    }
    RecordBatch::try_from_iter([
        ("received", Arc::new(Date32Array::from(received)) as _),
        ("responsibility", Arc::new(Int8Array::from(class)) as _),
        ("fed_back", Arc::new(Date32Array::from(fed)) as _),
    ])
    .unwrap()
}

fn best(label: &str, n: usize, runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        f();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (lo, hi) = (times[0], times[times.len() - 1]);
    println!(
        "{label:<66} {:7.1} M rows/s (best of {runs}; slowest {:.1})",
        n as f64 / lo / 1e6,
        n as f64 / hi / 1e6
    );
    n as f64 / lo
}

fn counts(n: usize, columns: &[&str], max: u64) -> RecordBatch {
    let mut rng = Rng(7);
    RecordBatch::try_from_iter(columns.iter().map(|c| {
        let v: Vec<u32> = (0..n).map(|_| (rng.next() % max) as u32 + 1).collect();
        (*c, Arc::new(UInt32Array::from(v)) as _)
    }))
    .unwrap()
}

fn main() {
    let n = rows();
    let batch = register(n);
    let as_of = serde_json::json!({"as_of": "2025-06-30"});
    let compile = Instant::now();
    let reg = Register::from_request(&as_of).unwrap();
    println!(
        "compiling the policy's deadlines (RegisterEvaluator::new): {:.2} ms",
        compile.elapsed().as_secs_f64() * 1e3
    );
    let mut core = [0.0; 3];
    for threads in [1, 2] {
        let mut times: Vec<f64> = (0..7)
            .map(|_| reg.core_alone(&batch, threads).unwrap().1.as_secs_f64())
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{:<66} {:7.1} M rows/s (best of 7; slowest {:.1})",
            format!("core RegisterEvaluator alone, same rows, with the move, {threads} thread(s)"),
            n as f64 / times[0] / 1e6,
            n as f64 / times[6] / 1e6
        );
        core[threads] = n as f64 / times[0];
    }
    let one = best(
        "Register::evaluate_parallel, with the move, 1 thread",
        n,
        7,
        || {
            black_box(reg.evaluate_parallel(&batch, 0, 1).unwrap());
        },
    );
    let two = best(
        "Register::evaluate_parallel, with the move, 2 threads",
        n,
        7,
        || {
            black_box(reg.evaluate_parallel(&batch, 0, 2).unwrap());
        },
    );
    println!(
        "ratios: 1 thread / core on 1 {:.2}; 2 threads / core on 2 {:.2}; 2 threads / 1 thread {:.2}",
        one / core[1],
        two / core[2],
        two / one
    );
    let grades = Grades::from_request(&serde_json::json!({})).unwrap();
    let g = counts(
        n,
        &["satisfied", "basically_satisfied", "dissatisfied"],
        100,
    );
    best("Grades (S3.7), 2 threads", n, 7, || {
        black_box(grades.evaluate_parallel(&g, 0, 2).unwrap());
    });
    let votes = Votes::from_request(&serde_json::json!({})).unwrap();
    let v = counts(n, &["approve", "disapprove", "abstain"], 100);
    best("Votes (S3.5), 2 threads", n, 7, || {
        black_box(votes.evaluate_parallel(&v, 0, 2).unwrap());
    });
}
