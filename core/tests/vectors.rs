//! The shared vectors (`tests/vectors/*.json`, see its README) as calls of the contract:
//! every case through `liaison::api`, answers and errors compared as the README says.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::api::{call_json, call_with, Options};
use liaison::Error;
use serde_json::{json, Value};
use std::path::PathBuf;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// The vector files, by name.
fn files() -> Vec<(String, Value)> {
    let mut paths: Vec<_> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect()
}

/// The README's matching: exact equality, or with `"match": "subset"` objects match on the
/// keys they name, lists item by item, and `{"$contains": [...]}` each pattern somewhere.
fn matches(pattern: &Value, actual: &Value, subset: bool) -> bool {
    if !subset {
        return pattern == actual;
    }
    match (pattern, actual) {
        (Value::Object(p), _) if p.len() == 1 && p.contains_key("$contains") => {
            let items = actual.as_array().map(Vec::as_slice).unwrap_or(&[]);
            p["$contains"]
                .as_array()
                .unwrap()
                .iter()
                .all(|want| items.iter().any(|got| matches(want, got, true)))
        }
        (Value::Object(p), Value::Object(a)) => p
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|got| matches(v, got, true))),
        (Value::Array(p), Value::Array(a)) => {
            p.len() == a.len() && p.iter().zip(a).all(|(v, got)| matches(v, got, true))
        }
        _ => pattern == actual,
    }
}

/// Runs one case; a failure as text.
fn run(case: &Value) -> Result<(), String> {
    let op = case["op"].as_str().unwrap();
    let options = Options::default();
    let got: Result<Value, Error> = match case.get("request_json") {
        Some(text) => call_json(op, text.as_str().unwrap(), &options)
            .map(|s| serde_json::from_str(&s).unwrap()),
        None => call_with(op, &case["request"], &options),
    };
    match (case.get("answer"), case.get("error"), got) {
        (Some(want), None, Ok(got)) => {
            let subset = case.get("match") == Some(&json!("subset"));
            if matches(want, &got, subset) {
                Ok(())
            } else {
                Err(format!("expected {want}, got {got}"))
            }
        }
        (None, Some(want), Err(e)) => {
            let got = serde_json::to_value(&e).unwrap();
            if got["code"] != want["code"] {
                return Err(format!("expected error {}, got {got}", want["code"]));
            }
            if want.get("loc").is_some_and(|loc| loc != &got["loc"]) {
                return Err(format!("expected loc {}, got {}", want["loc"], got["loc"]));
            }
            Ok(())
        }
        (_, _, got) => Err(format!("got {got:?}")),
    }
}

#[test]
fn every_vector() {
    let (mut ran, mut skipped, mut failures) = (0, 0, Vec::new());
    for (file, doc) in files() {
        for case in doc["cases"].as_array().unwrap() {
            let name = format!("{file}: {}", case["name"]);
            assert!(case["rule"].is_string(), "{name} cites no rule");
            assert!(
                case.get("answer").is_some() != case.get("error").is_some(),
                "{name}: exactly one of answer and error"
            );
            if case["skip"]
                .as_array()
                .is_some_and(|s| s.contains(&json!("rust")))
            {
                skipped += 1;
                continue;
            }
            ran += 1;
            if let Err(why) = run(case) {
                failures.push(format!("{name}: {why}"));
            }
        }
    }
    println!("vectors: {ran} run, {skipped} skipped in Rust");
    assert!(ran > 300, "only {ran} vectors ran");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_matcher_can_fail() {
    assert!(!matches(&json!({"a": 1}), &json!({"a": 2}), true));
    assert!(!matches(&json!([1]), &json!([1, 2]), true));
    assert!(!matches(
        &json!({"$contains": [{"k": 3}]}),
        &json!([{"k": 1}]),
        true
    ));
    assert!(!matches(&json!({"a": 1}), &json!({"a": 1, "b": 2}), false));
    assert!(matches(&json!({"a": 1}), &json!({"a": 1, "b": 2}), true));
}

#[test]
fn every_error_code_has_a_vector() {
    let text: String = files().iter().map(|(_, d)| d.to_string()).collect();
    // Reading files is refused over the contract's vectors (no host reads files for them),
    // and an internal error is a bug: these are tested by the CLI and the core's own tests.
    // The server's own conditions (a timeout, overload, a wrong method) are tested by the
    // server's tests.
    let by_files = [
        "io_error",
        "not_a_file",
        "too_large",
        "file_not_found",
        "internal_error",
        "timeout",
        "overloaded",
        "method_not_allowed",
    ];
    for code in Error::CODES.iter().filter(|c| !by_files.contains(c)) {
        assert!(
            text.contains(&format!("{{\"code\":\"{code}\"")),
            "no vector for `{code}`"
        );
    }
}
