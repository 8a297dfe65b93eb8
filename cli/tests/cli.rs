//! The `liaison` command: exit codes, formats, errors that name file, line and field, the
//! clap command line, closed pipes and full disks, special files, `call` and `serve`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_liaison");

fn liaison<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Runs with `input` on stdin.
fn liaison_in(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn district() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        examples()
            .join("district.json")
            .to_str()
            .unwrap()
            .to_string()
    })
}

const RANGE: [&str; 6] = [
    "--from",
    "2023-01-01",
    "--to",
    "2025-12-31",
    "--as-of",
    "2026-01-20",
];

/// The violations planted in the generated district of `seed` (`examples/district.json` is
/// seed 2008, the default): what `check` must find, no more, no fewer.
fn planted(seed: u64) -> usize {
    let o = liaison_in(
        &["call", "generate_district"],
        json!({ "seed": seed }).to_string().as_bytes(),
    );
    let district: Value = serde_json::from_slice(&o.stdout).unwrap();
    let n = district["planted"].as_array().unwrap().len();
    assert!(n >= 20, "{n} planted");
    n
}

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

/// Waits for `child` at most `secs` seconds; kills it and fails the test after that.
fn wait_for(child: &mut Child, secs: u64, what: &str) -> ExitStatus {
    let until = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > until {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The error a command printed on stderr must be coded, in both languages.
fn assert_coded(o: &Output, code: &str) {
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!("error[{code}]")) && err.contains("错误"),
        "expected a coded `{code}` error, got: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

// ---- check, rules, generate: today's behaviour ----

#[test]
fn findings_exit_1_and_json_and_csv_inputs_agree() {
    let json = check(district(), "json");
    let csv = check(examples().join("district-csv").to_str().unwrap(), "json");
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(csv.status.code(), Some(1));
    assert_eq!(json.stdout, csv.stdout);
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), planted(2008));
    assert!(report["outcomes"].is_null());
    let mut args = vec!["check", district()];
    args.extend(RANGE);
    args.extend(["--format", "json", "--detailed"]);
    let detailed: Value = serde_json::from_slice(&liaison(&args).stdout).unwrap();
    assert!(detailed["outcomes"].as_array().unwrap().len() > 1000);
}

#[test]
fn a_compliant_district_exits_0() {
    let dir = tmp("ok");
    // A policy that judges only S4.4 and S4.5 (met everywhere in the example) gives a
    // clean report.
    std::fs::write(dir.join("p.json"), r#"{"rules": ["S4.4", "S4.5"]}"#).unwrap();
    let mut args = vec!["check", "../examples/district.json"];
    args.extend(RANGE);
    let policy = dir.join("p.json");
    args.extend(["--policy", policy.to_str().unwrap()]);
    let o = Command::new(BIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("every judged rule is met"));
    // A generated district with nothing planted meets every rule.
    let clean = dir.join("clean.json");
    let o = liaison(&[
        "generate",
        clean.to_str().unwrap(),
        "--compliant",
        "--years",
        "1",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = liaison(&[
        "check",
        clean.to_str().unwrap(),
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
        "--as-of",
        "2024-01-20",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
}

#[test]
fn csv_and_html_formats() {
    let csv = text(&check(district(), "csv").stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("rule,code,unit,subject,period,period_start,period_end,expected,actual,message,message_zh")
    );
    assert_eq!(lines.count(), planted(2008));
    let html = text(&check(district(), "html").stdout);
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
    assert_coded(&o, "invalid_count");
    let err = text(&o.stderr);
    assert!(err.contains("`receptions.csv[3].minutes`"), "{err}");
    std::fs::write(
        dir.join("receptions.csv"),
        "person,date,minutes\nS,2009-01-05,240\nX,2009-01-12,30\n",
    )
    .unwrap();
    let o = check(dir.to_str().unwrap(), "table");
    assert_coded(&o, "unknown_reference");
    assert!(text(&o.stderr).contains("`receptions.csv[3].person`"));
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
    assert_coded(&o, "invalid_date");
    assert!(text(&o.stderr).contains("`--from`"));
    let o = liaison(&[
        "check",
        "/nonexistent",
        "--from",
        "2009-01-01",
        "--to",
        "2009-12-31",
        "--as-of",
        "2010-01-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "file_not_found");
    assert_eq!(liaison(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn rules_lists_every_id_with_its_source() {
    let out = text(&liaison(&["rules"]).stdout);
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
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), planted(7));
    // As a folder of CSV files, and as JSON on stdout.
    let folder = dir.join("csv");
    assert!(
        liaison(&["generate", folder.to_str().unwrap(), "--seed", "7", "--csv"])
            .status
            .success()
    );
    assert_eq!(check(folder.to_str().unwrap(), "json").stdout, o.stdout);
    let o = liaison(&["generate", "-", "--seed", "7"]);
    let from_stdout: Value = serde_json::from_slice(&o.stdout).unwrap();
    let from_file: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(from_stdout, from_file);
}

#[test]
fn generate_to_an_unwritable_path_says_it_cannot_write() {
    let dir = tmp("unwritable");
    std::fs::write(dir.join("file"), "x").unwrap();
    for path in [
        dir.join("no-such-folder").join("d.json"),
        dir.join("file").join("d.json"),
    ] {
        let o = liaison(&["generate", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        assert_coded(&o, "io_error");
        let err = text(&o.stderr);
        assert!(
            err.contains("writing failed") && err.contains("写入失败") && err.contains("`d.json`"),
            "{err}"
        );
    }
    let o = liaison(&["generate", "-", "--csv"]);
    assert_coded(&o, "invalid_input");
}

// ---- the command line (clap) ----

#[test]
fn help_and_version_everywhere() {
    let o = liaison(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    for cmd in [
        "check",
        "agenda",
        "explain",
        "call",
        "serve",
        "generate",
        "completions",
    ] {
        assert!(text(&o.stdout).contains(cmd), "{cmd}");
    }
    for cmd in [
        "check",
        "agenda",
        "explain",
        "rules",
        "generate",
        "call",
        "serve",
        "schema",
        "completions",
    ] {
        let o = liaison(&[cmd, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{cmd} --help");
        assert!(text(&o.stdout).contains("Usage: liaison"), "{cmd} --help");
        let o = liaison(&[cmd, "--version"]);
        assert_eq!(o.status.code(), Some(0), "{cmd} --version");
        let version = text(&o.stdout);
        assert!(
            version.starts_with("liaison") && version.trim().ends_with(env!("CARGO_PKG_VERSION")),
            "{version}"
        );
    }
    assert!(text(&liaison(&["check", "--help"]).stdout).contains("--as-of"));
    // No command: the help, on stderr, exit 2.
    let o = liaison::<&str>(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("Usage"));
}

#[test]
fn a_misspelt_flag_is_an_error_with_a_suggestion() {
    let mut args = vec!["check", "x.json"];
    args.extend(RANGE);
    args.extend(["--fromat", "html"]);
    let o = liaison(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "nothing written");
    let err = text(&o.stderr);
    assert!(
        err.contains("--fromat") && err.contains("similar argument exists: '--format'"),
        "{err}"
    );
    let o = liaison(&["chekc"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("'check'"));
    // A value outside the choices.
    let mut args = vec!["check", "x.json"];
    args.extend(RANGE);
    args.extend(["--format", "pdf"]);
    let o = liaison(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("table, json, csv, html"));
}

#[test]
fn a_repeated_flag_is_an_error() {
    let mut args = vec!["check", district()];
    args.extend(RANGE);
    args.extend(["--format", "json", "--format", "csv"]);
    let o = liaison(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cannot be used multiple times"));
    let mut args = vec!["check", district()];
    args.extend(RANGE);
    args.extend(["--as-of", "2026-01-21"]);
    assert_eq!(liaison(&args).status.code(), Some(2));
    let o = liaison(&["generate", "-", "--csv", "--csv"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn arguments_that_are_not_utf8_never_panic() {
    let bad = OsStr::from_bytes(b"/tmp/liaison-\xff\xfe.json");
    let mut args: Vec<&OsStr> = vec![OsStr::new("check"), bad];
    args.extend(RANGE.iter().map(OsStr::new));
    let o = liaison(&args);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "file_not_found");
    // In a flag's value that must be text: clap's error, exit 2.
    let o = liaison(&[
        OsStr::new("check"),
        OsStr::new("x.json"),
        OsStr::new("--from"),
        OsStr::from_bytes(b"\xff"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!text(&o.stderr).contains("panicked"));
    let o = liaison(&[OsStr::new("call"), OsStr::from_bytes(b"dead\xffline")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!text(&o.stderr).contains("panicked"));
    let o = liaison(&[OsStr::new("call"), OsStr::new("rules"), bad]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "file_not_found");
}

#[test]
fn stdin_and_output_file() {
    let data = std::fs::read(district()).unwrap();
    let mut args = vec!["check", "-"];
    args.extend(RANGE);
    args.extend(["--format", "json"]);
    let o = liaison_in(&args, &data);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(o.stdout, check(district(), "json").stdout);
    // The policy on stdin.
    let mut args = vec!["check", district()];
    args.extend(RANGE);
    args.extend(["--policy", "-"]);
    let o = liaison_in(&args, br#"{"rules": ["S4.4"]}"#);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // A bad policy on stdin: coded, placed at `stdin`.
    let o = liaison_in(&args, br#"{"within_remit_days": -1}"#);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_policy");
    assert!(text(&o.stderr).contains("`stdin.within_remit_days`"));
    // Not both.
    let mut args = vec!["check", "-"];
    args.extend(RANGE);
    args.extend(["--policy", "-"]);
    assert_coded(&liaison_in(&args, b"{}"), "invalid_input");
    // --output FILE: nothing on stdout.
    let dir = tmp("output");
    let file = dir.join("report.csv");
    let mut args = vec!["check", district()];
    args.extend(RANGE);
    args.extend(["--format", "csv", "--output", file.to_str().unwrap()]);
    let o = liaison(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        check(district(), "csv").stdout
    );
    // A limit on what is read.
    let mut args = vec!["check", district()];
    args.extend(RANGE);
    args.extend(["--max-file-size", "1000"]);
    assert_coded(&liaison(&args), "too_large");
    let mut args = vec!["check", "-"];
    args.extend(RANGE);
    args.extend(["--max-file-size", "1000"]);
    assert_coded(&liaison_in(&args, &data), "too_large");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Each writes far more than a pipe holds, so the reader's going is seen.
    let mut check_json = vec!["check", district()];
    check_json.extend(RANGE);
    check_json.extend(["--format", "json", "--detailed"]);
    let runs: [Vec<&str>; 3] = [
        vec!["generate", "-", "--towns", "4"],
        check_json,
        vec!["schema", "openapi"],
    ];
    for args in runs {
        let mut child = Command::new(BIN)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = wait_for(&mut child, 60, "closed pipe");
        assert!(
            matches!(status.code(), Some(0 | 1)),
            "{args:?}: {status:?} {err}"
        );
        assert!(
            !err.contains("panicked") && !err.contains("failed printing") && !err.contains("error"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_full_disk_is_a_coded_error() {
    let full = || std::fs::File::create("/dev/full").unwrap();
    for args in [
        vec!["rules"],
        vec!["--help"],
        vec!["schema"],
        vec!["completions", "bash"],
        vec!["generate", "-"],
        vec!["explain", "deadline", "2008-09-25", "1"],
        vec![
            "agenda",
            district(),
            "--as-of",
            "2026-01-20",
            "--format",
            "ics",
        ],
    ] {
        let o = Command::new(BIN)
            .args(&args)
            .stdout(full())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_coded(&o, "io_error");
        assert!(text(&o.stderr).contains("no space left"), "{args:?}");
    }
    let mut args = vec!["check", district()];
    args.extend(RANGE);
    args.extend(["--output", "/dev/full"]);
    let o = liaison(&args);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "io_error");
    let o = Command::new(BIN)
        .args(["call", "deadline"])
        .stdin(std::fs::File::open(examples().join("../tests/vectors/README.md")).unwrap())
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "io_error");
}

#[test]
fn a_fifo_is_refused_never_waited_on() {
    let dir = tmp("fifo");
    let fifo = dir.join("data.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let fifo = fifo.to_str().unwrap();
    let mut as_dataset = vec!["check", fifo];
    as_dataset.extend(RANGE);
    let mut as_policy = vec!["check", district()];
    as_policy.extend(RANGE);
    as_policy.extend(["--policy", fifo]);
    for args in [
        as_dataset,
        as_policy,
        vec!["call", "rules", fifo],
        vec!["call", "--lines", fifo],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let status = wait_for(&mut child, 20, &format!("{args:?}"));
        let o = child.wait_with_output().unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
        assert_coded(&o, "not_a_file");
    }
    // `/dev/zero` neither.
    let mut args = vec!["check", "/dev/zero"];
    args.extend(RANGE);
    assert_coded(&liaison(&args), "not_a_file");
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    // `script` gives the command a terminal.
    let run = |no_color: bool| {
        let mut cmd = Command::new("script");
        cmd.args([
            "-qec",
            &format!(
                "{BIN} check /nonexistent --from 2009-01-01 --to 2009-12-31 --as-of 2010-01-01"
            ),
            "/dev/null",
        ]);
        cmd.env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let o = cmd.stdin(Stdio::null()).output().unwrap();
        text(&o.stdout)
    };
    let coloured = run(false);
    assert!(coloured.contains("error[file_not_found]"), "{coloured}");
    assert!(coloured.contains('\x1b'), "colour on a terminal");
    let plain = run(true);
    assert!(plain.contains("error[file_not_found]"), "{plain}");
    assert!(!plain.contains('\x1b'), "NO_COLOR: {plain:?}");
    // Not a terminal: no colour.
    let o = liaison(&[
        "check",
        "/nonexistent",
        "--from",
        "2009-01-01",
        "--to",
        "2009-12-31",
        "--as-of",
        "2010-01-01",
    ]);
    assert!(!text(&o.stderr).contains('\x1b'));
}

#[test]
fn completions_and_schema() {
    let o = liaison(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    let script = text(&o.stdout);
    assert!(script.contains("liaison") && script.contains("--as-of"));
    assert_eq!(liaison(&["completions", "tcsh"]).status.code(), Some(2));
    let o = liaison(&["schema", "openapi"]);
    assert_eq!(o.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/v1/deadline"]["post"].is_object());
    assert_eq!(liaison(&["schema"]).stdout, o.stdout);
    let ts = text(&liaison(&["schema", "typescript"]).stdout);
    assert!(ts.contains("export type ErrorCode") && ts.contains("\"method_not_allowed\""));
    let py = text(&liaison(&["schema", "python"]).stdout);
    assert!(
        py.contains("TypedDict") && py.contains("class DeadlineRequest"),
        "{py}"
    );
    assert_eq!(liaison(&["schema", "java"]).status.code(), Some(2));
}

// ---- call ----

#[test]
fn call_answers_one_request() {
    let o = liaison_in(
        &["call", "deadline"],
        br#"{"received": "2008-09-25", "responsibility": 1}"#,
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "\"2008-10-06\"\n");
    // A coded error: {"error": …} on stdout, exit 1.
    let o = liaison_in(
        &["call", "deadline", "-"],
        br#"{"received": "2008-9-25", "responsibility": 1}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    let e: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(e["error"]["code"], "invalid_date");
    assert_eq!(e["error"]["loc"], json!(["received"]));
    assert!(e["error"]["message_zh"].is_string() && e["error"]["message"].is_string());
    // Malformed JSON, an unknown operation: answered errors too.
    let o = liaison_in(&["call", "deadline"], b"{\"received\": ");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("invalid_json"));
    let o = liaison_in(&["call", "deadlines"], b"{}");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("unknown_operation"));
    // A file, and a dataset named by its path (the CLI reads files).
    let dir = tmp("call");
    let request = dir.join("check.json");
    std::fs::write(
        &request,
        json!({"dataset": district(), "start": "2023-01-01", "end": "2025-12-31", "as_of": "2026-01-20"}).to_string(),
    )
    .unwrap();
    let o = liaison(&["call", "check", request.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), planted(2008));
    // Unreadable input: exit 2, the coded error on stderr, nothing on stdout.
    let o = liaison(&["call", "deadline", "/nonexistent.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_coded(&o, "file_not_found");
    let o = liaison(&["call", "deadline", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "not_a_file");
    let o = liaison_in(&["call", "deadline"], b"\xff\xfe");
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "io_error");
    // Usage errors.
    assert_eq!(liaison(&["call"]).status.code(), Some(2));
    assert_eq!(liaison(&["call", "a", "b", "c"]).status.code(), Some(2));
    assert_eq!(
        liaison(&["call", "--lines", "a", "b"]).status.code(),
        Some(2)
    );
}

#[test]
fn call_lines_answers_line_by_line() {
    let input = [
        r#"{"op": "deadline", "request": {"received": "2008-09-25", "responsibility": 1}}"#,
        r#"{"op": "deadline", "request": {"received": "2008-9-25", "responsibility": 1}}"#,
        "not json",
        r#"{"op": "form_kinds"}"#,
        r#"{"op": "nope", "request": {}}"#,
        r#"{"op": "grade", "request": {"satisfied": 91, "basically_satisfied": 9}}"#,
    ]
    .join("\n");
    let o = liaison_in(&["call", "--lines"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let lines: Vec<Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0], json!({"answer": "2008-10-06"}));
    assert_eq!(lines[1]["error"]["code"], "invalid_date");
    assert_eq!(lines[1]["error"]["loc"], json!(["request", "received"]));
    assert_eq!(lines[2]["error"]["code"], "invalid_json");
    assert_eq!(lines[3]["answer"].as_array().unwrap().len(), 5);
    assert_eq!(lines[4]["error"]["code"], "unknown_operation");
    assert_eq!(lines[4]["error"]["loc"], json!(["op"]));
    assert_eq!(lines[5], json!({"answer": "excellent"}));
    // Every line answered: exit 0 (CRLF line ends too).
    let ok = "{\"op\": \"grade\", \"request\": {\"satisfied\": 7}}\r\n{\"op\": \"decide_vote\", \"request\": {\"approve\": 20, \"disapprove\": 10}}\r\n";
    let o = liaison_in(&["call", "--lines", "-"], ok.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        "{\"answer\":\"excellent\"}\n{\"answer\":\"adopted\"}\n"
    );
    // A line over the limit is an error line; the next is answered.
    let long = format!(
        "{{\"op\": \"rules\", \"request\": {{}}, \"pad\": \"{}\"}}\n{{\"op\": \"grade\", \"request\": {{\"satisfied\": 7}}}}\n",
        "x".repeat(5000)
    );
    let o = liaison_in(
        &["call", "--lines", "--max-file-size", "1000"],
        long.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let mut lines = out.lines();
    assert!(lines.next().unwrap().contains("too_large"));
    assert_eq!(lines.next(), Some("{\"answer\":\"excellent\"}"));
    // From a file; a missing file is exit 2.
    let dir = tmp("lines");
    let file = dir.join("in.jsonl");
    std::fs::write(&file, ok).unwrap();
    let o = liaison(&["call", "--lines", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let o = liaison(&["call", "--lines", dir.join("none.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "file_not_found");
}

// ---- serve ----

/// A running `liaison serve`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
    stderr: Option<std::process::ChildStderr>,
}

impl Server {
    fn start(flags: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(flags)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("first line: {line:?}"))
            .to_string();
        let stderr = child.stderr.take();
        Server {
            child,
            addr,
            stderr,
        }
    }

    /// Sends SIGTERM.
    fn terminate(&self) {
        // The shell's own `kill`: no procps needed.
        let ok = Command::new("sh")
            .args(["-c", &format!("kill -TERM {}", self.child.id())])
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// Waits for the exit; the status and everything logged.
    fn wait(mut self) -> (ExitStatus, String) {
        let status = wait_for(&mut self.child, 30, "server shutdown");
        let mut log = String::new();
        self.stderr
            .take()
            .unwrap()
            .read_to_string(&mut log)
            .unwrap();
        (status, log)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes raw bytes of a request on a new connection.
fn open(addr: &str, head: &str, body: &[u8]) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    s
}

/// Reads a whole response (the request said `Connection: close`): status and body.
fn response(mut s: TcpStream) -> (u16, Value, String) {
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = text(&raw);
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    (
        status,
        serde_json::from_str(body).unwrap(),
        head.to_string(),
    )
}

fn post(addr: &str, path: &str, body: &[u8]) -> (u16, Value, String) {
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    response(open(addr, &head, body))
}

fn get(addr: &str, method: &str, path: &str) -> (u16, Value, String) {
    let head = format!("{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    response(open(addr, &head, b""))
}

#[test]
fn serve_answers_the_contract_and_stops_on_sigterm() {
    let server = Server::start(&[]);
    let a = server.addr.clone();
    let (status, body, head) = post(
        &a,
        "/v1/deadline",
        br#"{"received": "2008-09-25", "responsibility": 1}"#,
    );
    assert_eq!((status, body), (200, json!("2008-10-06")));
    assert!(head.contains("content-type: application/json"), "{head}");
    let (status, body, _) = post(
        &a,
        "/v1/deadline",
        "{\"received\": \"2008-09-25\", \"responsibility\": \"张三丰 13812345678\"}".as_bytes(),
    );
    assert_eq!(status, 400);
    assert_eq!(body["code"], "invalid_responsibility");
    assert!(!body.to_string().contains("13812345678"));
    let (status, body, _) = post(&a, "/v1/deadlines", b"{}");
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("unknown_operation"))
    );
    let (status, body, head) = get(&a, "GET", "/v1/deadline");
    assert_eq!(
        (status, body["code"].as_str()),
        (405, Some("method_not_allowed"))
    );
    assert!(head.to_lowercase().contains("allow: post"), "{head}");
    assert_eq!(get(&a, "GET", "/healthz").1, json!({"status": "ok"}));
    assert_eq!(get(&a, "GET", "/v1/openapi.json").1["openapi"], "3.1.0");
    let (_, rules, _) = get(&a, "GET", "/v1/rules");
    assert_eq!(rules, post(&a, "/v1/rules", b"").1);
    let (status, body, _) = get(&a, "GET", "/nowhere/13812345678");
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("unknown_operation"))
    );
    // No file is read for a request.
    let request = json!({"dataset": district(), "start": "2023-01-01", "end": "2025-12-31", "as_of": "2026-01-20"});
    let (status, body, _) = post(&a, "/v1/check", request.to_string().as_bytes());
    assert_eq!((status, &body["loc"]), (400, &json!(["dataset"])));

    // A request in flight when SIGTERM comes is finished, then the server exits 0.
    let body = br#"{"satisfied": 91, "basically_satisfied": 9}"#;
    let head = format!(
        "POST /v1/grade HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut in_flight = open(&a, &head, &body[..10]);
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    std::thread::sleep(Duration::from_millis(200));
    in_flight.write_all(&body[10..]).unwrap();
    assert_eq!(response(in_flight).1, json!("excellent"));
    let (status, log) = server.wait();
    assert_eq!(status.code(), Some(0), "{log}");
    // One line per request: method, path, status, duration; never a body or a number
    // from a path.
    assert!(log.contains("POST /v1/deadline 200 "), "{log}");
    assert!(log.contains("POST /v1/deadline 400 "), "{log}");
    assert!(log.contains("GET <20 characters> 404 "), "{log}");
    assert!(log.contains("POST /v1/grade 200 "), "{log}");
    assert!(
        !log.contains("13812345678") && !log.contains("张三丰"),
        "{log}"
    );
    assert!(!log.contains("2008-09-25"), "{log}");
}

#[test]
fn serve_limits_body_time_and_requests_in_flight() {
    let server = Server::start(&[
        "--max-body",
        "100",
        "--timeout",
        "1",
        "--max-in-flight",
        "1",
    ]);
    let a = server.addr.clone();
    // 413: declared and undeclared (chunked) bodies over the limit.
    let (status, body, _) = post(&a, "/v1/grade", &[b' '; 101]);
    assert_eq!((status, body["code"].as_str()), (413, Some("too_large")));
    let chunked = format!("{:x}\r\n{}\r\n0\r\n\r\n", 150, " ".repeat(150));
    let s = open(
        &a,
        "POST /v1/grade HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        chunked.as_bytes(),
    );
    let (status, body, _) = response(s);
    assert_eq!((status, body["code"].as_str()), (413, Some("too_large")));
    // 503: one request in flight (its body not yet sent) holds the only place.
    let slow = open(
        &a,
        "POST /v1/grade HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\nConnection: close\r\n\r\n",
        b"{",
    );
    std::thread::sleep(Duration::from_millis(300));
    let (status, body, _) = post(&a, "/v1/grade", br#"{"satisfied": 1}"#);
    assert_eq!(
        (status, body["code"].as_str()),
        (503, Some("overloaded")),
        "{body}"
    );
    for key in ["code", "message", "message_zh", "loc"] {
        assert!(body.get(key).is_some(), "{key}");
    }
    // 408: the slow one is timed out after a second.
    let (status, body, _) = response(slow);
    assert_eq!(
        (status, body["code"].as_str()),
        (408, Some("timeout")),
        "{body}"
    );
    let (status, _, _) = post(&a, "/v1/grade", br#"{"satisfied": 1}"#);
    assert_eq!(status, 200);
    drop(server);
}

#[test]
fn serve_refuses_a_bad_address() {
    let o = liaison(&["serve", "--listen", "not an address"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_input");
    let server = Server::start(&[]);
    let o = liaison(&["serve", "--listen", &server.addr]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "io_error");
    assert!(text(&o.stderr).contains("in use"));
}

#[test]
fn the_readme_shows_every_command() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .unwrap();
    let start = readme.find("## Command line").unwrap();
    let end = start + readme[start..].find("\n## Python").unwrap();
    let section = &readme[start..end];
    let guide = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/platforms.md"),
    )
    .unwrap();
    for cmd in [
        "check",
        "agenda",
        "explain",
        "rules",
        "generate",
        "call",
        "serve",
        "schema",
        "completions",
    ] {
        assert!(
            section.contains(&format!("liaison-cli -- {cmd}"))
                || section.contains(&format!("`liaison {cmd}")),
            "README's Command line section does not show `{cmd}`"
        );
    }
    for cmd in [
        "liaison check PATH",
        "liaison agenda PATH",
        "liaison explain deadline",
    ] {
        assert!(guide.contains(cmd), "docs/platforms.md: {cmd}");
    }
}

#[test]
fn the_platform_guide_lists_every_operation_with_its_parameters() {
    let guide = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/platforms.md"),
    )
    .unwrap();
    let o = liaison_in(&["call", "operations"], b"{}");
    let ops: Value = serde_json::from_slice(&o.stdout).unwrap();
    for op in ops.as_array().unwrap() {
        let params: Vec<String> = op["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| format!("`{}`", p.as_str().unwrap()))
            .collect();
        let params = if params.is_empty() {
            "—".to_string()
        } else {
            params.join(", ")
        };
        let row = format!("| `{}` | {params} |", op["name"].as_str().unwrap());
        assert!(guide.contains(&row), "docs/platforms.md has no row {row}");
    }
}
