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

/// docs/dataset.schema.json names every key the dataset writes, and nothing else.
#[test]
fn schema_lists_every_field() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../docs/dataset.schema.json")).unwrap();
    let (data, _) = generate(&Shape::default(), &Policy::banan_2008()).unwrap();
    let value = serde_json::to_value(&data).unwrap();
    for (table, rows) in value.as_object().unwrap() {
        let props = &schema["properties"][table]["items"]["properties"];
        assert!(props.is_object(), "{table} missing from the schema");
        let row = &rows[0];
        let mut keys: Vec<&String> = row.as_object().unwrap().keys().collect();
        let mut schema_keys: Vec<&String> = props.as_object().unwrap().keys().collect();
        keys.sort();
        schema_keys.sort();
        assert_eq!(keys, schema_keys, "{table}");
    }
}
