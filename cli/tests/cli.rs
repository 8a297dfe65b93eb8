//! The `liaison` command: exit codes, formats, and errors that name file, line and field.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn liaison(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(args)
        .output()
        .unwrap()
}

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

const RANGE: [&str; 6] = [
    "--from",
    "2023-01-01",
    "--to",
    "2025-12-31",
    "--as-of",
    "2026-01-20",
];

fn check(path: &str, format: &str) -> Output {
    let mut args = vec!["check", path];
    args.extend(RANGE);
    args.extend(["--format", format]);
    liaison(&args)
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("liaison-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn findings_exit_1_and_json_and_csv_inputs_agree() {
    let json = check(examples().join("district.json").to_str().unwrap(), "json");
    let csv = check(examples().join("district-csv").to_str().unwrap(), "json");
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(csv.status.code(), Some(1));
    assert_eq!(json.stdout, csv.stdout);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 25);
}

#[test]
fn a_compliant_district_exits_0() {
    let dir = tmp("ok");
    // The generator with planting off is not a CLI option; a policy that judges only S4.4 and
    // S4.5 (met everywhere in the example) gives a clean report.
    std::fs::write(dir.join("p.json"), r#"{"rules": ["S4.4", "S4.5"]}"#).unwrap();
    let mut args = vec!["check", "../examples/district.json"];
    args.extend(RANGE);
    let policy = dir.join("p.json");
    args.extend(["--policy", policy.to_str().unwrap()]);
    let o = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("every judged rule is met"));
}

#[test]
fn csv_and_html_formats() {
    let path = examples().join("district.json");
    let csv = String::from_utf8(check(path.to_str().unwrap(), "csv").stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("rule,code,unit,subject,period,period_start,period_end,expected,actual,message,message_zh")
    );
    assert_eq!(lines.count(), 25);
    let html = String::from_utf8(check(path.to_str().unwrap(), "html").stdout).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        html.contains("class=\"grid\"") && html.contains("not_met") && html.contains("T1-V1-O03")
    );
    assert!(!html.contains("<script"), "self-contained and static");
}

#[test]
fn bad_input_exits_2_naming_file_line_and_field() {
    let dir = tmp("bad");
    std::fs::write(dir.join("units.csv"), "id,level\nV1,village\n").unwrap();
    std::fs::write(
        dir.join("people.csv"),
        "id,unit,role,from\nS,V1,secretary,2009-01-01\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("receptions.csv"),
        "person,date,minutes\nS,2009-01-05,240\nS,2009-01-12,-30\n",
    )
    .unwrap();
    let o = check(dir.to_str().unwrap(), "table");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("invalid_count") && err.contains("receptions.csv:3:minutes"),
        "{err}"
    );
    std::fs::write(
        dir.join("receptions.csv"),
        "person,date,minutes\nS,2009-01-05,240\nX,2009-01-12,30\n",
    )
    .unwrap();
    let err = String::from_utf8_lossy(&check(dir.to_str().unwrap(), "table").stderr).to_string();
    assert!(
        err.contains("unknown_reference") && err.contains("receptions.csv:3:person"),
        "{err}"
    );
    let o = liaison(&[
        "check",
        dir.to_str().unwrap(),
        "--from",
        "2009-13-01",
        "--to",
        "2009-12-31",
        "--as-of",
        "2010-01-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--from"));
    assert_eq!(
        liaison(&[
            "check",
            "/nonexistent",
            "--from",
            "2009-01-01",
            "--to",
            "2009-12-31",
            "--as-of",
            "2010-01-01"
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(liaison(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn rules_lists_every_id_with_its_source() {
    let out = String::from_utf8(liaison(&["rules"]).stdout).unwrap();
    for id in ["S1.1", "S3.5", "S5.4"] {
        assert!(out.contains(id));
    }
    assert!(out.contains("同意票达到三分之二及以上的"));
}

#[test]
fn generate_writes_what_check_reads() {
    let dir = tmp("gen");
    let out = dir.join("d.json");
    let o = liaison(&["generate", out.to_str().unwrap(), "--seed", "7"]);
    assert!(o.status.success());
    let o = check(out.to_str().unwrap(), "json");
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 25);
}
