//! Runs every shared vector in `tests/vectors/` (see its README) against the Rust core.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::convert::{from_value, parse_date};
use liaison::*;
use serde_json::{json, Value};
use std::path::PathBuf;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn date(args: &Value, key: &str) -> Result<Option<chrono::NaiveDate>> {
    match args.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => parse_date(key, v.as_str().unwrap_or("")).map(Some),
    }
}

fn count(args: &Value, key: &str) -> u64 {
    args.get(key)
        .map_or(0, |v| v.as_u64().expect("a u64 count"))
}

fn responsibility(args: &Value) -> Result<Responsibility> {
    match &args["responsibility"] {
        Value::Number(n) => Responsibility::from_digit(n.as_u64().unwrap_or(u64::MAX)),
        Value::String(s) => s.parse(),
        other => panic!("responsibility {other}"),
    }
}

fn policy(case: &Value) -> Result<Policy> {
    if let Some(raw) = case.get("policy_json") {
        return Policy::from_json(raw.as_str().unwrap());
    }
    match case.get("policy") {
        Some(p) => Policy::from_json(&p.to_string()),
        None => Ok(Policy::banan_2008()),
    }
}

fn run(function: &str, case: &Value) -> Result<Value> {
    let args = &case["args"];
    let policy = policy(case)?;
    Ok(match function {
        "deadline" => {
            let received = date(args, "received")?.unwrap();
            json!(deadline(received, responsibility(args)?, &policy)?)
        }
        "feedback_status" => {
            let received = date(args, "received")?.unwrap();
            let r = responsibility(args)?;
            let s = feedback_status(
                received,
                r,
                date(args, "fed_back")?,
                date(args, "as_of")?,
                &policy,
            )?;
            serde_json::to_value(s).unwrap()
        }
        "decide_vote" => {
            let attendance = match (args.get("present"), args.get("entitled")) {
                (Some(p), Some(e)) => Some(Attendance {
                    present: p.as_u64().unwrap(),
                    entitled: e.as_u64().unwrap(),
                }),
                _ => None,
            };
            let (a, d, ab) = (
                count(args, "approve"),
                count(args, "disapprove"),
                count(args, "abstain"),
            );
            json!(decide_vote(a, d, ab, &policy, attendance)?.name())
        }
        "grade" => {
            let (s, b, d) = (
                count(args, "satisfied"),
                count(args, "basically_satisfied"),
                count(args, "dissatisfied"),
            );
            json!(grade(s, b, d, &policy)?.name())
        }
        "consequences" => {
            let years: Vec<YearEvaluation> = from_value("years", args["years"].clone())?;
            serde_json::to_value(consequences(&years, &policy)?).unwrap()
        }
        "policy" => serde_json::to_value(&policy).unwrap(),
        "check" => {
            let data = liaison::dataset::Dataset::from_value(args["dataset"].clone())?;
            let d = |k: &str| date(args, k).map(|x| x.unwrap());
            let report = check(&data, d("start")?, d("end")?, d("as_of")?, &policy)?;
            let findings: Vec<Value> = report
                .findings
                .iter()
                .map(|f| json!([f.rule, f.code, f.subject, f.period.label]))
                .collect();
            let by_rule: serde_json::Map<String, Value> = report
                .by_rule
                .iter()
                .map(|t| {
                    (
                        t.key.clone(),
                        json!([t.judged, t.met, t.not_met, t.not_judged]),
                    )
                })
                .collect();
            json!({"findings": findings, "by_rule": by_rule})
        }
        "validate_form" => {
            let kind = args["kind"].as_str().unwrap();
            let v = forms::validate_form(kind, &args["data"], &policy)?;
            let pairs: Vec<Value> = v
                .errors
                .iter()
                .map(|e| json!([e.path, e.code.name()]))
                .collect();
            json!(pairs)
        }
        "redact" => forms::redact(args["kind"].as_str().unwrap(), &args["data"])?,
        "is_rest_day" => {
            let d = date(args, "date")?.unwrap();
            json!(policy.calendar()?.is_rest_day(d)?)
        }
        other => panic!("unknown function {other}"),
    })
}

#[test]
fn shared_vectors() {
    let mut files: Vec<_> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "vector files missing");
    let (mut ran, mut skipped, mut failures) = (0, 0, Vec::new());
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        // Files in the contract format (an `op` per case, no `function`) have their own
        // runner (`check_fidelity.rs`).
        let Some(function) = doc["function"].as_str() else {
            continue;
        };
        for case in doc["cases"].as_array().unwrap() {
            let name = format!(
                "{}: {}",
                file.file_name().unwrap().to_string_lossy(),
                case["name"]
            );
            assert!(case["rule"].is_string(), "{name} cites no rule");
            if case
                .get("skip")
                .is_some_and(|s| s.as_array().unwrap().contains(&json!("rust")))
            {
                skipped += 1;
                continue;
            }
            ran += 1;
            let got = run(function, case);
            match (case.get("expect"), case.get("error"), got) {
                (Some(expect), None, Ok(got)) => {
                    let ok =
                        if function == "policy" {
                            expect
                                .as_object()
                                .unwrap()
                                .iter()
                                .all(|(k, v)| got.get(k) == Some(v))
                        } else if function == "check" {
                            // by_rule lists only the rules the case is about.
                            got["findings"] == expect["findings"]
                                && expect.get("by_rule").and_then(Value::as_object).is_none_or(
                                    |m| m.iter().all(|(k, v)| got["by_rule"].get(k) == Some(v)),
                                )
                        } else {
                            &got == expect
                        };
                    if !ok {
                        failures.push(format!("{name}: expected {expect}, got {got}"));
                    }
                }
                (None, Some(code), Err(e)) => {
                    if e.code() != code {
                        failures.push(format!(
                            "{name}: expected error {code}, got {} ({e})",
                            e.code()
                        ));
                    }
                    if let Some(field) = case.get("field") {
                        if e.field() != field.as_str() {
                            failures.push(format!(
                                "{name}: expected field {field}, got {:?}",
                                e.field()
                            ));
                        }
                    }
                }
                (_, _, got) => failures.push(format!("{name}: got {got:?}")),
            }
        }
    }
    println!("vectors: {ran} run, {skipped} skipped in Rust");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_error_code_has_a_vector() {
    let mut text = String::new();
    for e in std::fs::read_dir(vectors_dir()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            text += &std::fs::read_to_string(path).unwrap();
        }
    }
    // date_out_of_range needs a date near 262143-12-31, which no language but Rust can pass;
    // io_error needs a file system (tested below and in the CLI tests).
    for code in Error::CODES
        .iter()
        .filter(|c| !["date_out_of_range", "io_error"].contains(*c))
    {
        assert!(
            text.contains(&format!("\"error\": \"{code}\"")),
            "no vector for `{code}`"
        );
    }
}

#[test]
fn date_out_of_range_is_an_error_not_a_panic() {
    let last = chrono::NaiveDate::MAX;
    let p = Policy::from_json(r#"{"move_rest_day": false}"#).unwrap();
    let e = deadline(last, Responsibility::LeadUnit, &p).unwrap_err();
    assert_eq!(e.code(), "date_out_of_range");
}

#[test]
fn an_unreadable_path_is_io_error() {
    let e = liaison::dataset::Dataset::from_path(std::path::Path::new("/nonexistent/liaison.json"))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("io_error", Some("/nonexistent/liaison.json"))
    );
}
