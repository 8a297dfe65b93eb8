//! `liaison agenda`, `liaison explain`, the HTML report and the workbook of `check`, and the
//! ways datasets arrive from offices: GBK CSV folders and `.xlsx` workbooks made in the test,
//! `--encoding`, `--strict`, and next year's holiday notice added with `--calendar`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_liaison");

fn liaison(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn liaison_env(args: &[&str], key: &str, value: &str) -> Output {
    Command::new(BIN)
        .args(args)
        .env(key, value)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

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

fn district() -> String {
    examples()
        .join("district.json")
        .to_str()
        .unwrap()
        .to_string()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("liaison-reports-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn assert_coded(o: &Output, code: &str) {
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!("error[{code}]")) && err.contains("错误"),
        "expected a coded `{code}` error, got: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

const AS_OF: &str = "2026-01-20";

fn agenda(format: &str) -> Output {
    liaison(&["agenda", &district(), "--as-of", AS_OF, "--format", format])
}

fn agenda_json() -> Value {
    let o = agenda("json");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} in {v}"))
}

// ---- agenda ----

#[test]
fn agenda_json_is_the_contracts_answer_and_exits_0() {
    let a = agenda_json();
    let request = json!({"dataset": district(), "as_of": AS_OF, "horizon_days": 14});
    let o = liaison_in(&["call", "agenda"], request.to_string().as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let answer: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(a, answer);
    let items = a["items"].as_array().unwrap();
    assert!(items.len() > 20, "{} items", items.len());
    let states: BTreeSet<&str> = items.iter().map(|i| s(i, "state")).collect();
    assert_eq!(
        states,
        BTreeSet::from(["due_soon", "late", "open"]),
        "the example has every state on {AS_OF}"
    );
    // --horizon changes what falls due.
    let o = liaison(&[
        "agenda",
        &district(),
        "--as-of",
        AS_OF,
        "--horizon",
        "0",
        "--format",
        "json",
    ]);
    let short: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(short["items"].as_array().unwrap().len() < items.len());
    assert_eq!(short["until"], AS_OF);
}

#[test]
fn agenda_table_is_headed_in_chinese_and_english_one_line_per_item() {
    let a = agenda_json();
    let items = a["items"].as_array().unwrap();
    let o = agenda("table");
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    for heading in [
        "到期日",
        "due",
        "剩余天数",
        "days left",
        "状态",
        "state",
        "规则",
        "rule",
        "单位",
        "unit",
        "对象",
        "subject",
        "待办内容",
        "owed",
    ] {
        assert!(out.contains(heading), "{heading}");
    }
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.len() > 10 && l.as_bytes()[..4].iter().all(u8::is_ascii_digit))
        .collect();
    assert_eq!(lines.len(), items.len(), "{out}");
    for (line, item) in lines.iter().zip(items) {
        assert!(line.starts_with(s(item, "due")), "{line}");
        for key in ["rule", "unit", "subject", "owed", "owed_zh"] {
            assert!(line.contains(s(item, key)), "{key} in {line}");
        }
        assert!(line.contains(&format!(" {} ", item["days_left"])), "{line}");
        let state = match s(item, "state") {
            "late" => "逾期 late",
            "due_soon" => "临期 due soon",
            _ => "待办 open",
        };
        assert!(line.contains(state), "{line}");
    }
}

#[test]
fn agenda_csv_and_html() {
    let a = agenda_json();
    let items = a["items"].as_array().unwrap();
    let csv = text(&agenda("csv").stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("due,days_left,state,rule,code,unit,subject,period,period_start,period_end,expected,actual,owed,owed_zh,provisional")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), items.len());
    assert!(rows[0].starts_with(&format!(
        "{},{},{}",
        s(&items[0], "due"),
        items[0]["days_left"],
        s(&items[0], "state")
    )));
    let html = text(&agenda("html").stdout);
    assert!(html.starts_with("<!doctype html>") && html.contains("lang=\"zh-CN\""));
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("@page{size:A4"));
    assert_eq!(html.matches("<tr class=\"row-").count(), items.len());
    for item in items {
        assert!(html.contains(s(item, "subject")));
    }
}

/// An iCalendar file's content lines, unfolded (RFC 5545 §3.1).
fn unfold(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split("\r\n") {
        if let Some(rest) = raw.strip_prefix(' ') {
            lines.last_mut().unwrap().push_str(rest);
        } else if !raw.is_empty() {
            lines.push(raw.to_string());
        }
    }
    lines
}

fn unescape(value: &str) -> String {
    value
        .replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

/// The events of a calendar: each a map of property (with its parameters) to value.
fn events(ics: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in unfold(ics) {
        let (name, value) = line.split_once(':').unwrap();
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => out.push(current.take().unwrap()),
            _ => {
                if let Some(e) = current.as_mut() {
                    e.push((name.to_string(), value.to_string()));
                }
            }
        }
    }
    out
}

fn prop<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

#[test]
fn agenda_ics_is_an_rfc5545_calendar_of_every_item() {
    let a = agenda_json();
    let items = a["items"].as_array().unwrap();
    let o = agenda("ics");
    assert_eq!(o.status.code(), Some(0));
    let ics = String::from_utf8(o.stdout).unwrap();
    // CRLF line ends only, every line within 75 octets, folded lines begin with a space.
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'));
    assert!(!ics.replace("\r\n", "").contains('\r'));
    let mut folded = 0;
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        folded += usize::from(line.starts_with(' '));
    }
    assert!(folded > 0, "long lines are folded");
    let lines = unfold(&ics);
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    for required in ["VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        assert!(lines.iter().any(|l| l == required), "{required}");
    }
    assert!(lines.iter().any(|l| l.starts_with("PRODID:-//")));
    let all = events(&ics);
    assert_eq!(all.len(), items.len());
    let mut uids = BTreeSet::new();
    for (e, item) in all.iter().zip(items) {
        let due = s(item, "due").replace('-', "");
        assert_eq!(prop(e, "DTSTART;VALUE=DATE"), due);
        let end = chrono::NaiveDate::parse_from_str(s(item, "due"), "%Y-%m-%d")
            .unwrap()
            .succ_opt()
            .unwrap()
            .format("%Y%m%d")
            .to_string();
        assert_eq!(prop(e, "DTEND;VALUE=DATE"), end);
        let stamp = prop(e, "DTSTAMP");
        assert!(
            stamp.len() == 16 && stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
            "{stamp}"
        );
        assert_eq!(
            unescape(prop(e, "SUMMARY")),
            format!("{}: {}", s(item, "rule"), s(item, "owed_zh"))
        );
        let description = unescape(prop(e, "DESCRIPTION"));
        for key in ["owed", "unit", "subject", "code"] {
            assert!(description.contains(s(item, key)), "{key}: {description}");
        }
        assert_eq!(prop(e, "X-LIAISON-SUBJECT"), s(item, "subject"));
        assert_eq!(prop(e, "X-LIAISON-STATE"), s(item, "state"));
        assert!(uids.insert(prop(e, "UID").to_string()), "UIDs are unique");
    }
    // Stable across runs (DTSTAMP is the time written, or SOURCE_DATE_EPOCH) …
    let args = ["agenda", &district(), "--as-of", AS_OF, "--format", "ics"];
    let one = text(&liaison_env(&args, "SOURCE_DATE_EPOCH", "1700000000").stdout);
    let two = text(&liaison_env(&args, "SOURCE_DATE_EPOCH", "1800000000").stdout);
    assert!(
        one.contains("DTSTAMP:20231114T221320Z"),
        "SOURCE_DATE_EPOCH"
    );
    let uids_of = |ics: &str| -> Vec<String> {
        events(ics)
            .iter()
            .map(|e| prop(e, "UID").to_string())
            .collect()
    };
    assert_eq!(uids_of(&one), uids_of(&two));
    assert_eq!(uids_of(&one), uids_of(&ics));
    // … and across days: the same obligation a day later keeps its UID.
    let next = text(
        &liaison(&[
            "agenda",
            &district(),
            "--as-of",
            "2026-01-21",
            "--format",
            "ics",
        ])
        .stdout,
    );
    let key = |e: &Vec<(String, String)>| {
        (
            prop(e, "X-LIAISON-RULE").to_string(),
            prop(e, "X-LIAISON-SUBJECT").to_string(),
            prop(e, "X-LIAISON-PERIOD").to_string(),
        )
    };
    let today: std::collections::BTreeMap<_, _> = events(&ics)
        .iter()
        .map(|e| (key(e), prop(e, "UID").to_string()))
        .collect();
    let mut same = 0;
    for e in events(&next) {
        if let Some(uid) = today.get(&key(&e)) {
            assert_eq!(uid, prop(&e, "UID"));
            same += 1;
        }
    }
    assert!(same > 10, "{same} items kept their UID");
}

#[test]
fn an_empty_agenda_exits_0() {
    for format in ["table", "json", "csv", "ics", "html"] {
        let o = liaison_in(
            &["agenda", "-", "--as-of", AS_OF, "--format", format],
            b"{}",
        );
        assert_eq!(o.status.code(), Some(0), "{format}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        match format {
            "table" => assert!(out.contains("没有待办事项") && out.contains("Nothing is due")),
            "json" => assert_eq!(
                serde_json::from_str::<Value>(&out).unwrap()["items"],
                json!([])
            ),
            "csv" => assert_eq!(out.lines().count(), 1),
            "ics" => {
                assert!(out.starts_with("BEGIN:VCALENDAR\r\n") && !out.contains("VEVENT"))
            }
            _ => assert!(out.contains("Nothing is due")),
        }
    }
}

#[test]
fn agenda_bad_input_exits_2_with_a_coded_error() {
    let o = liaison(&["agenda", &district(), "--as-of", "2026-1-20"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_date");
    assert!(text(&o.stderr).contains("`--as-of`"));
    // Records after the day they were taken.
    let o = liaison(&["agenda", &district(), "--as-of", "2025-06-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "after_as_of");
    // A horizon beyond the representable dates.
    let o = liaison(&[
        "agenda",
        &district(),
        "--as-of",
        "9999-12-01",
        "--horizon",
        "4000000000",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("`--horizon`"),
        "{}",
        text(&o.stderr)
    );
    let o = liaison(&["agenda", "/nonexistent", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "file_not_found");
    let o = liaison(&["agenda", &district(), "--as-of", AS_OF, "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("table, json, csv, ics, html"));
}

// ---- explain ----

#[test]
fn explain_prints_the_steps_in_chinese_and_english() {
    let o = liaison(&["explain", "deadline", "2008-09-25", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("结论 Answer: 2008-10-06"), "{out}");
    for expected in [
        "[A1]",
        "[S5.1]",
        "[A2]",
        "收到之日 2008-09-25 不计入",
        "the day of receipt, 2008-09-25, is not counted",
        "国庆节",
        "《民法典》第二百零三条",
        "10天内办结",
    ] {
        assert!(out.contains(expected), "{expected}: {out}");
    }
    let o = liaison(&["explain", "vote", "19", "10", "1"]);
    let out = text(&o.stdout);
    assert!(
        out.contains("not_adopted") && out.contains("[A4]") && out.contains("19/30"),
        "{out}"
    );
    assert!(out.contains("同意票达到三分之二及以上的"), "{out}");
    let o = liaison(&["explain", "grade", "70", "0", "30"]);
    let out = text(&o.stdout);
    assert!(
        out.contains("合格 qualified") && out.contains("30/100"),
        "{out}"
    );
    let o = liaison(&[
        "explain",
        "feedback-status",
        "2008-09-25",
        "职责内",
        "--as-of",
        "2008-10-09",
    ]);
    let out = text(&o.stdout);
    assert!(
        out.contains("overdue") && out.contains("已超期 3 天"),
        "{out}"
    );
}

#[test]
fn explain_json_is_the_contracts_answer() {
    let cases: [(&[&str], Value); 4] = [
        (
            &["deadline", "2008-09-25", "1"],
            json!({"op": "deadline", "request": {"received": "2008-09-25", "responsibility": "1"}}),
        ),
        (
            &[
                "feedback-status",
                "2008-09-25",
                "1",
                "--fed-back",
                "2008-10-08",
            ],
            json!({"op": "feedback_status", "request": {"received": "2008-09-25", "responsibility": 1, "fed_back": "2008-10-08"}}),
        ),
        (
            &["vote", "20", "10"],
            json!({"op": "decide_vote", "request": {"approve": 20, "disapprove": 10}}),
        ),
        (
            &["grade", "69", "31"],
            json!({"op": "grade", "request": {"satisfied": 69, "basically_satisfied": 31}}),
        ),
    ];
    for (args, request) in cases {
        let mut all = vec!["explain"];
        all.extend(args);
        all.extend(["--format", "json"]);
        let o = liaison(&all);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        let mine: Value = serde_json::from_slice(&o.stdout).unwrap();
        let o = liaison_in(&["call", "explain"], request.to_string().as_bytes());
        let contract: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(mine, contract, "{args:?}");
        assert!(!mine["steps"].as_array().unwrap().is_empty());
    }
}

#[test]
fn explain_takes_a_policy_and_says_what_is_wrong() {
    let dir = tmp("explain");
    let policy = dir.join("p.json");
    std::fs::write(&policy, r#"{"within_remit_days": 7}"#).unwrap();
    let o = liaison(&[
        "explain",
        "deadline",
        "2008-09-25",
        "1",
        "--policy",
        policy.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let answer: Value = serde_json::from_slice(&o.stdout).unwrap();
    // 7 days: 2008-10-02, in the National Day holiday, moves to 10-06.
    assert_eq!(answer["answer"], "2008-10-06");
    assert!(answer["steps"].to_string().contains("2008-10-02"));
    let o = liaison(&["explain", "deadline", "2008-9-25", "1"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_date");
    assert!(text(&o.stderr).contains("`RECEIVED`"));
    let o = liaison(&["explain", "deadline", "2008-09-25", "张三丰 13812345678"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_responsibility");
    assert!(!text(&o.stderr).contains("13812345678") && !text(&o.stderr).contains("张三丰"));
    let o = liaison(&["explain", "feedback-status", "2008-09-25", "1"]);
    assert_coded(&o, "as_of_required");
    assert!(text(&o.stderr).contains("`--as-of`"));
    assert_eq!(liaison(&["explain", "grade", "-1"]).status.code(), Some(2));
    assert_eq!(liaison(&["explain"]).status.code(), Some(2));
    assert_eq!(liaison(&["explain", "check"]).status.code(), Some(2));
    let o = liaison(&["explain", "vote", "0", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "no_ballots");
}

// ---- next year's notice, as data (issue 9 item 12) ----

/// An opinion received on 2026-12-25, within remit: its deadline (2027-01-04) lies beyond
/// the built-in calendar (2007–2026).
const LATE_IN_2026: &str = r#"{"units": [{"id": "V1", "level": "village"}],
 "opinions": [{"id": "O1", "unit": "V1", "received": "2026-12-25", "responsibility": "within_remit"}]}"#;

/// A district's file for 2027 in the format of core/data/cn-holidays.json. The days are a
/// sample for the test, not the State Council's notice.
const NOTICE_2027: &str = r#"{"years": [{"year": 2027,
  "notice": "国务院办公厅关于2027年部分节假日安排的通知（测试样例）",
  "rest_days": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
                {"name": "测试假日", "from": "2027-01-04", "to": "2027-01-05"}],
  "working_days": []}]}"#;

#[test]
fn a_district_adds_next_years_notice_with_calendar() {
    let dir = tmp("calendar");
    let data = dir.join("d.json");
    std::fs::write(&data, LATE_IN_2026).unwrap();
    let notice = dir.join("2027.json");
    std::fs::write(&notice, NOTICE_2027).unwrap();
    let policy = dir.join("s5.json");
    std::fs::write(&policy, r#"{"rules": ["S5"]}"#).unwrap();
    let (d, n, p) = (
        data.to_str().unwrap(),
        notice.to_str().unwrap(),
        policy.to_str().unwrap(),
    );
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            d,
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--as-of",
            "2027-01-20",
            "--policy",
            p,
            "--format",
            "json",
        ];
        args.extend(extra);
        let o = liaison(&args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{}",
            text(&o.stderr)
        );
        serde_json::from_slice::<Value>(&o.stdout).unwrap()
    };
    // Without the notice: the opinion is not judged, named with its reason.
    let before = check(&[]);
    assert_eq!(before["records_not_judged"][0]["subject"], "O1");
    assert_eq!(
        before["records_not_judged"][0]["reason"],
        "calendar_not_covered"
    );
    assert_eq!(before["findings"], json!([]));
    // With it: judged. The last day, 2027-01-04, is a rest day of the file, so the deadline
    // moves to 2027-01-06; not fed back by 2027-01-20, it is overdue.
    let after = check(&["--calendar", n]);
    assert_eq!(after["records_not_judged"], json!([]));
    let f = &after["findings"][0];
    assert_eq!((s(f, "code"), s(f, "subject")), ("feedback_overdue", "O1"));
    assert_eq!(f["period"]["end"], "2027-01-06");
    // The agenda and explain take it too.
    let o = liaison(&[
        "agenda",
        d,
        "--as-of",
        "2026-12-28",
        "--policy",
        p,
        "--calendar",
        n,
        "--format",
        "json",
    ]);
    let a: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(a["items"][0]["due"], "2027-01-06", "{a}");
    let o = liaison(&["explain", "deadline", "2026-12-25", "1", "--calendar", n]);
    let out = text(&o.stdout);
    assert!(
        out.contains("结论 Answer: 2027-01-06") && out.contains("测试假日"),
        "{out}"
    );
    // Without it, deadline says the calendar does not cover 2027.
    let o = liaison(&["explain", "deadline", "2026-12-25", "1"]);
    assert_coded(&o, "calendar_not_covered");
    // A year given in a file replaces the built-in one: a 2008 with no National Day holiday.
    let y2008 = dir.join("2008.json");
    std::fs::write(
        &y2008,
        r#"{"years": [{"year": 2008, "notice": "test", "rest_days": []}]}"#,
    )
    .unwrap();
    let o = liaison(&[
        "explain",
        "deadline",
        "2008-09-25",
        "1",
        "--calendar",
        y2008.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let answer: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(answer["answer"], "2008-10-06", "10-05 is still a Sunday");
    // A bad file: coded, at its name.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"years": [{"year": 2027, "rest_days": [{"name": "x", "from": "2027-01-05", "to": "2027-01-04"}]}]}"#).unwrap();
    let o = liaison(&[
        "check",
        d,
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--as-of",
        "2027-01-20",
        "--calendar",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_calendar");
    assert!(text(&o.stderr).contains("bad.json"), "{}", text(&o.stderr));
}

// ---- files from offices: GBK CSV, xlsx workbooks, --encoding, --strict ----

/// A small district as clerks type it: Chinese choices, dates with slashes. One village
/// secretary with a reception in 2009-W02 and none in 2009-W03.
fn clerk_tables() -> Vec<(&'static str, String)> {
    vec![
        ("单位.csv", "编号,级别\nV1,村\n".to_string()),
        (
            "people.csv",
            "id,unit,role,from\nS,V1,书记,2009/1/1\n".to_string(),
        ),
        (
            "receptions.csv",
            "person,date,minutes\nS,2009/1/6,240\n".to_string(),
        ),
    ]
}

const CLERK_RANGE: [&str; 6] = [
    "--from",
    "2009-01-05",
    "--to",
    "2009-01-18",
    "--as-of",
    "2009-02-01",
];

fn check_dir(path: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", path.to_str().unwrap()];
    args.extend(CLERK_RANGE);
    args.extend(["--format", "json"]);
    args.extend(extra);
    liaison(&args)
}

fn s13(o: &Output) -> Vec<String> {
    let r: Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o.stderr)));
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "S1.3")
        .map(|f| s(f, "subject").to_string() + " " + s(&f["period"], "label"))
        .collect()
}

#[test]
fn a_gbk_csv_folder_reads_as_its_utf8_twin() {
    let utf8 = tmp("utf8");
    let gbk = tmp("gbk");
    for (name, content) in clerk_tables() {
        std::fs::write(utf8.join(name), &content).unwrap();
        let (bytes, _, lossy) = encoding_rs::GBK.encode(&content);
        assert!(!lossy);
        std::fs::write(gbk.join(name), &bytes).unwrap();
    }
    assert!(
        std::str::from_utf8(&std::fs::read(gbk.join("people.csv")).unwrap()).is_err(),
        "GBK bytes"
    );
    let reference = check_dir(&utf8, &[]);
    assert_eq!(
        reference.status.code(),
        Some(1),
        "{}",
        text(&reference.stderr)
    );
    assert_eq!(s13(&reference), ["S 2009-W03"]);
    for encoding in [None, Some("gb18030"), Some("gbk"), Some("auto")] {
        let extra: Vec<&str> = encoding.map(|e| vec!["--encoding", e]).unwrap_or_default();
        let o = check_dir(&gbk, &extra);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{encoding:?}: {}",
            text(&o.stderr)
        );
        assert_eq!(o.stdout, reference.stdout, "{encoding:?}");
    }
    // Asked for UTF-8, each GBK file is refused, at its name, all at once.
    let o = check_dir(&gbk, &["--encoding", "utf-8"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_records");
    let err = text(&o.stderr);
    for file in ["people.csv", "单位.csv"] {
        assert!(
            err.contains(&format!("error[invalid_input]: `{file}`: not UTF-8")),
            "{err}"
        );
    }
    // Strict: Chinese labels and 2009/1/1 are refused, every problem at once.
    let o = check_dir(&utf8, &["--strict"]);
    assert_eq!(o.status.code(), Some(2));
    assert_coded(&o, "invalid_records");
    let err = text(&o.stderr);
    assert!(
        err.contains("error[invalid_date]: `people.csv[2].from`"),
        "{err}"
    );
    // The agenda reads the same way.
    let o = liaison(&[
        "agenda",
        gbk.to_str().unwrap(),
        "--as-of",
        "2009-01-14",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let a: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(a["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["rule"] == "S1.3" && i["subject"] == "S"));
    let o = liaison(&[
        "agenda",
        gbk.to_str().unwrap(),
        "--as-of",
        "2009-01-14",
        "--encoding",
        "utf-8",
    ]);
    assert_coded(&o, "invalid_input");
}

#[test]
fn an_xlsx_workbook_reads_as_its_csv_twin() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tmp("xlsx");
    let csv = dir.join("csv");
    std::fs::create_dir_all(&csv).unwrap();
    for (name, content) in clerk_tables() {
        std::fs::write(csv.join(name), content).unwrap();
    }
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let units = book.add_worksheet();
    units.set_name("单位").unwrap();
    units.write_string(0, 0, "编号").unwrap();
    units.write_string(0, 1, "级别").unwrap();
    units.write_string(1, 0, "V1").unwrap();
    units.write_string(1, 1, "村").unwrap();
    let people = book.add_worksheet();
    people.set_name("people").unwrap();
    for (col, h) in ["id", "unit", "role", "from"].iter().enumerate() {
        people.write_string(0, col as u16, *h).unwrap();
    }
    people.write_string(1, 0, "S").unwrap();
    people.write_string(1, 1, "V1").unwrap();
    people.write_string(1, 2, "书记").unwrap();
    people
        .write_datetime_with_format(1, 3, ExcelDateTime::from_ymd(2009, 1, 1).unwrap(), &date)
        .unwrap();
    let receptions = book.add_worksheet();
    receptions.set_name("接待记录").unwrap();
    for (col, h) in ["person", "date", "minutes"].iter().enumerate() {
        receptions.write_string(0, col as u16, *h).unwrap();
    }
    receptions.write_string(1, 0, "S").unwrap();
    receptions
        .write_datetime_with_format(1, 1, ExcelDateTime::from_ymd(2009, 1, 6).unwrap(), &date)
        .unwrap();
    receptions.write_number(1, 2, 240).unwrap();
    let workbook = dir.join("district.xlsx");
    book.save(&workbook).unwrap();
    let from_csv = check_dir(&csv, &[]);
    let from_xlsx = check_dir(&workbook, &[]);
    assert_eq!(
        from_xlsx.status.code(),
        Some(1),
        "{}",
        text(&from_xlsx.stderr)
    );
    assert_eq!(from_xlsx.stdout, from_csv.stdout);
    assert_eq!(s13(&from_xlsx), ["S 2009-W03"]);
    // A workbook bigger than the limit, and an .xls, are refused.
    let o = check_dir(&workbook, &["--max-file-size", "100"]);
    assert_coded(&o, "too_large");
    let xls = dir.join("old.xls");
    std::fs::write(&xls, b"not really").unwrap();
    let o = check_dir(&xls, &[]);
    assert_coded(&o, "invalid_input");
    assert!(text(&o.stderr).contains(".xlsx"));
}

#[test]
fn the_default_file_limit_is_the_cores() {
    let help = text(&liaison(&["check", "--help"]).stdout);
    assert!(
        help.contains(&format!("[default: {}]", liaison::files::MAX_FILE_BYTES)),
        "{help}"
    );
    assert_eq!(liaison::files::MAX_FILE_BYTES, 1 << 30);
    for flag in ["--encoding", "--strict", "--calendar", "xlsx"] {
        assert!(help.contains(flag), "{flag}");
    }
}

// ---- the report of check: HTML and xlsx ----

fn check_report(format: &str, extra: &[&str]) -> Output {
    let district = district();
    let mut args = vec![
        "check",
        &district,
        "--from",
        "2023-01-01",
        "--to",
        "2025-12-31",
        "--as-of",
        "2026-01-20",
        "--format",
        format,
    ];
    args.extend(extra);
    liaison(&args)
}

fn report_json() -> Value {
    serde_json::from_slice(&check_report("json", &[]).stdout).unwrap()
}

#[test]
fn the_html_report_ranks_units_by_severity_and_shows_every_finding() {
    let r = report_json();
    let findings = r["findings"].as_array().unwrap();
    let o = check_report("html", &[]);
    assert_eq!(o.status.code(), Some(1));
    let html = text(&o.stdout);
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("@page{size:A4"));
    // Every unit of the example has a name: shown beside its id, with no note.
    assert!(!html.contains("以编号显示"));
    assert!(html.contains("第1镇第1村 <span class=\"id\">T0-V0</span>"));
    // S3.8 (resign, rectify) ranks its unit first; a missed week alone ranks low.
    let units_at = html.find("id=\"units\"").unwrap();
    let first_row = &html[units_at..];
    let first_unit = first_row
        .split("<tr><td class=\"l\">")
        .nth(1)
        .unwrap()
        .split("<span class=\"id\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    let s38_unit = findings
        .iter()
        .find(|f| s(f, "code") == "resign_unqualified_two_years")
        .map(|f| s(f, "unit"))
        .unwrap();
    assert_eq!(first_unit, s38_unit);
    // One SVG per unit, one details per finding, with figures in their units.
    let units = r["by_unit"].as_array().unwrap().len();
    assert_eq!(html.matches("<figure class=\"mini\">").count(), units);
    assert_eq!(html.matches("<svg ").count(), units);
    assert_eq!(
        html.matches("<details class=\"finding").count(),
        findings.len()
    );
    let aid = findings
        .iter()
        .find(|f| s(f, "code") == "aid_below_minimum")
        .unwrap();
    assert!(html.contains(&format!(
        "{}.{:02} 元",
        aid["expected"].as_u64().unwrap() / 100,
        aid["expected"].as_u64().unwrap() % 100
    )));
    let overdue = findings
        .iter()
        .find(|f| s(f, "code") == "feedback_overdue")
        .unwrap();
    assert!(html.contains(&format!("{} 天", overdue["actual"])));
    assert!(html.contains("1 次"));
    // The records not judged, with their reasons.
    let records = r["records_not_judged"].as_array().unwrap();
    assert!(!records.is_empty());
    let section = &html[html.find("id=\"not-judged\"").unwrap()..];
    for record in records {
        assert!(section.contains(s(record, "subject")));
        assert!(section.contains(s(record, "reason")));
    }
    assert!(section.contains("该年度无测评记录"));
    // The severities are explained on the page.
    assert!(html.contains("严重程度的含义"));
}

#[test]
fn the_workbook_has_findings_rule_and_unit_sheets() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let r = report_json();
    let dir = tmp("workbook");
    let file = dir.join("report.xlsx");
    let o = check_report("xlsx", &["--output", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "问题 findings",
            "按规则 by rule",
            "按单位 by unit",
            "未评判记录 not judged",
            "说明 about"
        ]
    );
    let findings = book.worksheet_range("问题 findings").unwrap();
    assert_eq!(
        findings.height(),
        r["findings"].as_array().unwrap().len() + 1
    );
    let header: Vec<String> = findings
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "严重程度 severity");
    assert_eq!(header[9], "应达 expected");
    // Most severe first.
    let levels: Vec<f64> = findings
        .rows()
        .skip(1)
        .map(|row| match &row[1] {
            Data::Float(f) => *f,
            Data::Int(i) => *i as f64,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(levels.windows(2).all(|w| w[0] >= w[1]), "{levels:?}");
    assert_eq!(levels[0], 4.0);
    // Money in yuan.
    let aid = findings
        .rows()
        .find(|row| row[3] == Data::String("aid_below_minimum".into()))
        .unwrap();
    assert_eq!(
        (aid[9].clone(), aid[10].clone(), aid[11].to_string()),
        (Data::Float(500.0), Data::Float(499.99), "元".to_string())
    );
    let rules = book.worksheet_range("按规则 by rule").unwrap();
    assert_eq!(rules.height(), r["by_rule"].as_array().unwrap().len() + 1);
    let units = book.worksheet_range("按单位 by unit").unwrap();
    assert_eq!(units.height(), r["by_unit"].as_array().unwrap().len() + 1);
    let not_judged = book.worksheet_range("未评判记录 not judged").unwrap();
    assert_eq!(
        not_judged.height(),
        r["records_not_judged"].as_array().unwrap().len() + 1
    );
    // To a pipe too (not a terminal).
    let o = check_report("xlsx", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.starts_with(b"PK"), "a zip");
}

#[test]
fn a_workbook_is_never_written_to_a_terminal() {
    // `script` gives the command a terminal.
    let district = district();
    let o = Command::new("script")
        .args([
            "-qec",
            &format!("{BIN} check {district} --from 2023-01-01 --to 2025-12-31 --as-of 2026-01-20 --format xlsx"),
            "/dev/null",
        ])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let out = text(&o.stdout);
    assert!(
        out.contains("error[invalid_input]") && out.contains("--output"),
        "{out}"
    );
    assert!(!out.contains("PK"));
}

#[test]
fn check_explain_lists_the_records_each_finding_counted() {
    let plain = report_json();
    assert!(plain["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f.get("counted").is_none()));
    let o = check_report("json", &["--explain"]);
    assert_eq!(o.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), plain["findings"].as_array().unwrap().len());
    let visits = findings
        .iter()
        .find(|f| s(f, "code") == "too_few_visits" && f["actual"].as_u64() > Some(0))
        .unwrap();
    let counted = visits["counted"].as_array().unwrap();
    assert_eq!(counted.len() as u64, visits["actual"].as_u64().unwrap());
    assert_eq!(counted[0]["record"], "visit");
    // The HTML report lists them under the finding.
    let html = text(&check_report("html", &[]).stdout);
    assert!(html.contains("计入的记录"));
    assert!(html.contains(&format!("{} 走访", s(&counted[0], "date"))));
}

#[test]
fn a_unit_without_a_name_is_shown_by_its_id_and_the_report_says_so() {
    let dir = tmp("unnamed");
    let path = dir.join("d.json");
    let data = json!({
        "units": [
            {"id": "T1", "level": "town"},
            {"id": "V1", "level": "village", "parent": "T1", "name": "民主村"},
            {"id": "V2", "level": "village", "parent": "T1"}
        ]
    });
    std::fs::write(&path, data.to_string()).unwrap();
    let p = path.to_str().unwrap();
    let args = [
        "check",
        p,
        "--from",
        "2009-01-01",
        "--to",
        "2009-12-31",
        "--as-of",
        "2010-01-10",
        "--format",
        "html",
    ];
    let html = text(&liaison(&args).stdout);
    assert!(html.contains("<tr><td class=\"l\">民主村 <span class=\"id\">V1</span></td>"));
    assert!(html.contains("<tr><td class=\"l\">V2</td>"));
    assert!(html.contains("数据集未给出名称的单位以编号显示"));
    // Never in a message: the findings name the id.
    let table = text(&liaison(&args[..8]).stdout);
    assert!(table.contains("V1") && !table.contains("民主村"), "{table}");
}
