//! The generator's planted violations are exactly the findings of the check.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::synthetic::{compliant, generate, Planted, Shape};
use liaison::{check, Policy};

fn findings(shape: &Shape, data: &liaison::dataset::Dataset) -> Vec<Planted> {
    let (from, to) = shape.range();
    let report = check(data, from, to, shape.as_of(), &Policy::banan_2008()).unwrap();
    let mut got: Vec<Planted> = report
        .findings
        .iter()
        .map(|f| Planted {
            rule: f.rule.clone(),
            code: f.code.clone(),
            subject: f.subject.clone(),
            period: f.period.label.clone(),
        })
        .collect();
    got.sort();
    got
}

#[test]
fn compliant_district_has_no_findings() {
    for seed in [1, 2, 2008] {
        let shape = Shape {
            seed,
            ..Shape::default()
        };
        let data = compliant(&shape, &Policy::banan_2008()).unwrap();
        assert_eq!(findings(&shape, &data), vec![], "seed {seed}");
    }
}

#[test]
fn planted_violations_are_exactly_the_findings() {
    for seed in [1, 2, 2008] {
        let shape = Shape {
            seed,
            ..Shape::default()
        };
        let (data, planted) = generate(&shape, &Policy::banan_2008()).unwrap();
        assert_eq!(findings(&shape, &data), planted, "seed {seed}");
    }
}
