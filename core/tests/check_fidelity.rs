//! Issue 9: judge what a district inspector would judge.
//!
//! The shared runner (`vectors.rs`) matches `tests/vectors/check_fidelity.json`'s answers;
//! this file checks on each of its reports that every obligation-period is counted once,
//! judged or not judged with a known reason, and that a district can add next year's holiday
//! notice as data.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::dataset::Dataset;
use liaison::synthetic::{generate, Shape};
use liaison::{check, check_detailed, HolidayCalendar, Policy, Report, NOT_JUDGED_REASONS};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn vectors() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/check_fidelity.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Judged = met + not met; the reasons add up to not judged and are known codes.
fn assert_accounting(report: &Report) {
    let known: Vec<&str> = NOT_JUDGED_REASONS.iter().map(|r| r.0).collect();
    for t in report.by_rule.iter().chain(&report.by_unit) {
        assert_eq!(t.judged, t.met + t.not_met, "{}", t.key);
        assert_eq!(
            t.not_judged,
            t.not_judged_by_reason.values().sum::<u64>(),
            "{}",
            t.key
        );
        assert!(t.provisional <= t.judged, "{}", t.key);
        for r in t.not_judged_by_reason.keys() {
            assert!(known.contains(&r.as_str()), "unknown reason {r}");
        }
    }
    for o in &report.records_not_judged {
        let r = o.reason.as_deref().unwrap();
        assert!(
            !["outside_range", "open", "partial_period"].contains(&r),
            "{r}"
        );
    }
    // No placeholder date (NaiveDate::MIN or MAX) ever reaches a result.
    let text = serde_json::to_string(report).unwrap();
    for sentinel in ["-262143", "-262144", "+262142", "+262143", "262142-12-31"] {
        assert!(
            !text.contains(sentinel),
            "sentinel date {sentinel} in {text}"
        );
    }
}

/// Every case of `check_fidelity.json` (whose answers the contract runner, `vectors.rs`,
/// matches): one or more per item of the issue, each quoting the deciding Chinese words, and
/// every report accounting for each obligation once, with no placeholder date.
#[test]
fn fidelity_vectors_account_for_every_obligation() {
    let doc = vectors();
    let cases = doc["cases"].as_array().unwrap();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        assert_eq!(case["op"], "check", "{name}");
        assert!(
            case["words"].as_str().is_some_and(|w| !w.is_ascii()),
            "{name} quotes no Chinese words"
        );
        let request = match case.get("request_json") {
            Some(text) => liaison::de::parse(text.as_str().unwrap()),
            None => Ok(case["request"].clone()),
        };
        if let Ok(answer) = request.and_then(|r| liaison::api::call("check", &r)) {
            assert_accounting(&serde_json::from_value(answer).unwrap());
        }
    }
    for item in 1..=14 {
        assert!(
            cases.iter().any(|c| c["name"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{item}: "))),
            "no case for item {item}"
        );
    }
}

/// A dataset in which every rule has an obligation, with the obligation-periods counted by
/// hand (see each line). Range 2009, records taken 2010-01-10; the district's own N dates
/// fall in 2009.
fn every_rule() -> (Dataset, BTreeMap<&'static str, u64>) {
    let data = Dataset::from_value(&json!({
        "units": [{"id": "D", "level": "district"}, {"id": "T1", "level": "town", "parent": "D"},
                  {"id": "V1", "level": "village", "parent": "T1"}, {"id": "O1", "level": "organisation"}],
        "people": [
            {"id": "DS", "unit": "D", "role": "secretary", "from": "2008-01-01"},
            {"id": "DM", "unit": "D", "role": "member", "standing_committee": true, "from": "2009-07-01"},
            {"id": "TS", "unit": "T1", "role": "secretary", "from": "2008-01-01"},
            {"id": "TM", "unit": "T1", "role": "member", "from": "2009-03-15"},
            {"id": "VS", "unit": "V1", "role": "secretary", "from": "2008-01-01"},
            {"id": "VM", "unit": "V1", "role": "member", "from": "2008-01-01"},
            {"id": "OS", "unit": "O1", "role": "secretary", "from": "2008-01-01"}],
        "households": [{"id": "H1", "unit": "V1", "member": "VM", "poor": true}, {"id": "H2", "unit": "V1"}],
        "terms": [{"unit": "V1", "from": "2007-01-01", "to": "2009-12-31"}],
        "receptions": [{"person": "VS", "date": "2009-01-06", "minutes": 240}],
        "visits": [{"person": "VS", "household": "H1", "date": "2009-06-02"}],
        "household_events": [{"id": "E1", "household": "H1", "kind": "hospital", "date": "2009-06-01"},
                             {"id": "E2", "household": "H2", "kind": "disaster", "date": "2009-12-20"}],
        "meetings": [{"unit": "V1", "date": "2009-01-05"}],
        "opinions": [
            {"id": "O1", "unit": "V1", "received": "2009-05-04", "responsibility": 1, "fed_back": "2009-05-08", "result": true, "closed": true},
            {"id": "O2", "unit": "T1", "received": "2009-12-28", "responsibility": 2},
            {"id": "O3", "unit": "V1", "received": "2009-08-03", "responsibility": 3, "fed_back": "2009-08-20", "closed": true},
            {"id": "O4", "unit": "T1", "received": "2009-03-02", "responsibility": 4, "fed_back": "2009-04-30"}],
        "commitments": [
            {"id": "C1", "unit": "V1", "year": 2009, "kind": "annual", "committee": "party",
             "proposed": "2009-01-05", "voted": "2009-01-10", "published": "2009-01-20",
             "items": [{"id": "I1", "approve": 20, "disapprove": 10, "listed": true},
                       {"id": "I2", "approve": 1, "disapprove": 29, "listed": false},
                       {"id": "I3", "approve": 0, "disapprove": 0, "listed": true}]},
            {"id": "C2", "unit": "V1", "year": 2009, "kind": "annual"}],
        "evaluations": [{"unit": "V1", "year": 2009, "satisfied": 60, "dissatisfied": 40}],
        "links": [
            {"id": "L1", "kind": "branch_link", "helper": "O1", "unit": "V1", "from": "2009-03-01"},
            {"id": "L2", "kind": "industry_village", "helper": "O1", "unit": "V1", "from": "2008-01-01"},
            {"id": "L3", "kind": "mass_organisation", "helper": "O1", "unit": "V1", "from": "2008-01-01", "to": "2009-06-30"}],
        "deeds": [{"link": "L2", "date": "2009-04-01"}],
        "pairings": [{"id": "P1", "household": "H1", "from": "2008-01-01"}],
        "aid": [{"pairing": "P1", "date": "2009-05-01", "amount_fen": 10000}],
        "implementations": [
            {"unit": "T1", "implemented": "2009-06-20", "report_written": "2009-07-01",
             "first_responsible": "TS", "clerk": "K1"},
            {"unit": "O1", "report_written": "2009-07-20", "report_electronic": "2009-07-01"}]
    }))
    .unwrap();
    let obligations = BTreeMap::from([
        ("N.1", 1),   // T1
        ("N.2", 2),   // T1, O1
        ("N.3", 2),   // T1, O1
        ("S1.1", 1),  // DS × 2009
        ("S1.2", 12), // TS × 12 months
        ("S1.3", 53), // VS × ISO weeks 2009-W01..2009-W53
        ("S1.4", 64), // DM × 2009, TM × March..December, VM × 53 weeks
        ("S2.1", 2),  // DS, DM × 2009
        ("S2.2", 2),  // TS, TM × 2009
        ("S2.3", 4),  // H1, H2 assigned; H1, H2 × the term 2007..2009
        ("S2.4", 2),  // E1, E2
        ("S2.6", 12), // V1 × 12 months
        ("S3.2", 2),  // V1 party, V1 villagers × 2009 (not a first year)
        ("S3.4", 2),  // C1, C2
        ("S3.5", 3),  // C1/I1, C1/I2, C1/I3
        ("S3.7", 1),  // V1 × 2009
        ("S3.8", 1),  // V1 × 2009
        ("S4.1", 2),  // V1 × 2009, H1 × 2009
        ("S4.2", 1),  // L1 × its year 2009-03-01..2010-02-28 (or 2009)
        ("S4.3", 1),  // P1 × 2009
        ("S4.4", 1),  // L2 × 2009
        ("S4.5", 1),  // L3 × 2009
        ("S5.1", 1),  // O1
        ("S5.2", 1),  // O2
        ("S5.3", 1),  // O3
        ("S5.4", 1),  // O4
        ("S5.5", 2),  // O1, O3 closed
    ]);
    (data, obligations)
}

/// Item 3: judged + not judged = obligations, per rule, under the default policy and under
/// every switch that changes how an obligation is judged but not how many there are.
#[test]
fn every_obligation_is_counted_once() {
    let (data, obligations) = every_rule();
    let base = r#""implement_by": "2009-06-30", "report_by": "2009-07-10""#;
    let variants = [
        "",
        r#", "partial_years": "whole_only""#,
        r#", "assistance_years": "calendar""#,
        r#", "infer_terms": false"#,
        r#", "resign_within_term": false, "missing_combined_as_ballot": true"#,
        r#", "beyond_calendar": "weekends""#,
        r#", "reception_places": ["other"], "rotation_min_minutes": 0"#,
        r#", "vote_base": "present""#,
        r#", "vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": false}"#,
    ];
    let d = |s: &str| s.parse().unwrap();
    for as_of in ["2010-01-10", "2009-12-30"] {
        for v in variants {
            let policy = Policy::from_json(&format!("{{{base}{v}}}")).unwrap();
            let report =
                check_detailed(&data, d("2009-01-01"), d("2009-12-31"), d(as_of), &policy).unwrap();
            assert_accounting(&report);
            let mut counted: BTreeMap<&str, u64> = BTreeMap::new();
            for t in &report.by_rule {
                counted.insert(t.key.as_str(), t.judged + t.not_judged);
            }
            let expected: BTreeMap<&str, u64> = obligations.clone();
            assert_eq!(counted, expected, "policy {v}, as of {as_of}");
            // The outcomes are the same judgements, one by one.
            let mut outcomes: BTreeMap<&str, u64> = BTreeMap::new();
            for o in report.outcomes.iter().flatten() {
                *outcomes.entry(o.rule.as_str()).or_default() += 1;
            }
            assert_eq!(outcomes, expected, "outcomes, policy {v}");
        }
    }
    // One joint commitment of the two committees: one S3.2 obligation instead of two.
    let policy = Policy::from_json(&format!(r#"{{{base}, "commitment_by": "joint"}}"#)).unwrap();
    let report = check(
        &data,
        d("2009-01-01"),
        d("2009-12-31"),
        d("2010-01-10"),
        &policy,
    )
    .unwrap();
    let s32 = report.by_rule.iter().find(|t| t.key == "S3.2").unwrap();
    assert_eq!(s32.judged + s32.not_judged, 1);
}

/// Item 3 on the generated district: the tallies and the outcomes agree rule by rule, and
/// nothing in range is left uncounted for any as_of.
#[test]
fn tallies_agree_with_outcomes_on_a_generated_district() {
    let shape = Shape::default();
    let policy = Policy::banan_2008();
    let (data, _) = generate(&shape, &policy).unwrap();
    let (from, to) = shape.range();
    for as_of in [shape.as_of(), to] {
        let report = check_detailed(&data, from, to, as_of, &policy).unwrap();
        assert_accounting(&report);
        for t in &report.by_rule {
            let n = report
                .outcomes
                .iter()
                .flatten()
                .filter(|o| o.rule == t.key)
                .count() as u64;
            assert_eq!(n, t.judged + t.not_judged, "{}", t.key);
        }
    }
}

/// Item 12: a district adds next year's State Council notice as data, without a release: the
/// notice in the calendar file format (`{"years": [...]}`, as `core/data/cn-holidays.json`),
/// read and checked with `HolidayCalendar::from_json`, goes into the policy's
/// `calendar_years` (the CLI reads the policy from `--policy FILE`).
#[test]
fn next_years_notice_added_as_data() {
    let notice = r#"{"years": [{"year": 2027,
        "notice": "国务院办公厅关于2027年部分节假日安排的通知 (illustrative)",
        "rest_days": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}]}"#;
    let dir = std::env::temp_dir().join(format!("liaison-calendar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cn-holidays-2027.json");
    std::fs::write(&file, notice).unwrap();

    let calendar = HolidayCalendar::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let policy_json = json!({"rules": ["S5"], "calendar_years": calendar.years()}).to_string();
    std::fs::write(dir.join("policy.json"), &policy_json).unwrap();
    let policy =
        Policy::from_json(&std::fs::read_to_string(dir.join("policy.json")).unwrap()).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    let data = Dataset::from_value(&json!({
        "units": [{"id": "V1", "level": "village"}],
        "opinions": [{"id": "O1", "unit": "V1", "received": "2026-12-22", "responsibility": 1, "fed_back": "2027-01-04"}]
    }))
    .unwrap();
    let d = |s: &str| s.parse().unwrap();
    let (start, end, as_of) = (d("2026-12-01"), d("2026-12-31"), d("2027-01-20"));
    // Without the notice: not judged, named.
    let s5 = Policy::from_json(r#"{"rules": ["S5"]}"#).unwrap();
    let before = check(&data, start, end, as_of, &s5).unwrap();
    assert_eq!(before.records_not_judged.len(), 1);
    assert_eq!(
        before.records_not_judged[0].reason.as_deref(),
        Some("calendar_not_covered")
    );
    // With it: 2027-01-01 is New Year, the last day moves to Monday 2027-01-04: on time.
    let after = check(&data, start, end, as_of, &policy).unwrap();
    assert!(after.findings.is_empty() && after.records_not_judged.is_empty() && !after.provisional);
    let s51 = after.by_rule.iter().find(|t| t.key == "S5.1").unwrap();
    assert_eq!((s51.judged, s51.met), (1, 1));
}
