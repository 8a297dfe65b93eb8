//! Hostile input through every operation of the contract: no panic, every error coded, and
//! no personal data in any message (the message rule). `PROPTEST_CASES` sets the number of
//! cases per property (`make fuzz` runs many more than `make test`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::api::{call, call_json, Options, OPERATIONS};
use liaison::Error;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Personal data that must never reach a message: a name, a mobile, a landline, an ID
/// number, an address.
const MARKERS: [&str; 5] = [
    "张三丰",
    "13812345678",
    "023-66230226",
    "500113198001011234",
    "鱼洞街道新市街12号",
];

/// Keys and texts that reach deep into the operations: real parameter and field names,
/// real codes, dates around the calendar's edges, and the markers.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("received".to_string()),
        Just("responsibility".to_string()),
        Just("policy".to_string()),
        Just("dataset".to_string()),
        Just("units".to_string()),
        Just("people".to_string()),
        Just("opinions".to_string()),
        Just("id".to_string()),
        Just("unit".to_string()),
        Just("kind".to_string()),
        Just("data".to_string()),
        Just("years".to_string()),
        Just("year".to_string()),
        Just("satisfied".to_string()),
        Just("calendar_years".to_string()),
        Just("rest_days".to_string()),
        Just("visitor".to_string()),
        Just("within_remit".to_string()),
        Just("reception_record".to_string()),
        Just("register_entry".to_string()),
        Just("2008-09-25".to_string()),
        Just("9999-12-31".to_string()),
        Just("0001-01-01".to_string()),
        Just("2026-12-31".to_string()),
        Just("village".to_string()),
        (0usize..MARKERS.len()).prop_map(|i| MARKERS[i].to_string()),
        "[a-z_]{0,12}",
        "\\PC{0,8}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e20f64..1e20).prop_map(|f| json!(f)),
        (0u64..5).prop_map(Value::from),
        word().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((word(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn assert_coded(e: &Error) {
    assert!(Error::CODES.contains(&e.code()), "{}", e.code());
    let shown = serde_json::to_string(e).unwrap();
    for m in MARKERS {
        assert!(!shown.contains(m), "{m} in {shown}");
    }
    assert!(!e.message().is_empty() && !e.message_zh().is_empty());
}

proptest! {
    #[test]
    fn any_request_to_any_operation(op in 0usize..OPERATIONS.len(), request in value()) {
        let op = OPERATIONS[op];
        if op == "generate_district" {
            // Generating is the one operation whose cost a request sets (within its limits).
            return Ok(());
        }
        match call(op, &request) {
            Ok(answer) if op == "validate_form" => {
                for e in answer["errors"].as_array().unwrap() {
                    for key in ["message", "message_zh"] {
                        let m = e[key].as_str().unwrap();
                        for marker in MARKERS {
                            prop_assert!(!m.contains(marker), "{marker} in {m}");
                        }
                    }
                }
            }
            Ok(_) => {}
            Err(e) => assert_coded(&e),
        }
    }

    #[test]
    fn any_text_to_any_operation(op in 0usize..OPERATIONS.len(), text in "\\PC{0,64}") {
        if let Err(e) = call_json(OPERATIONS[op], &text, &Options::default()) {
            assert_coded(&e);
        }
    }

    #[test]
    fn any_policy(policy in value()) {
        let request = json!({"received": "2008-09-25", "responsibility": 1, "policy": policy});
        if let Err(e) = call("deadline", &request) {
            assert_coded(&e);
        }
    }

    #[test]
    fn redaction_leaves_no_marker(data in value(), kind in 0usize..5) {
        let kinds = ["reception_record", "assignment_slip", "visit_diary", "register_entry", "feedback_slip"];
        let masked = call("redact", &json!({"kind": kinds[kind], "data": data})).unwrap();
        let text = masked.to_string();
        // Free text of a known field keeps its words: markers may only survive there, and
        // never a phone or an ID number.
        for m in ["13812345678", "500113198001011234"] {
            prop_assert!(!text.contains(m), "{m} in {text}");
        }
    }
}

#[test]
fn personal_values_are_described_not_shown() {
    let e = call(
        "deadline",
        &json!({"received": "2008-09-25", "responsibility": "张三丰 13812345678"}),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_responsibility");
    assert!(
        e.message().contains("a text of 15 characters"),
        "{}",
        e.message()
    );
    assert_coded(&e);
    let e = call(
        "policy",
        &json!({"policy": {"within_remit_days": "张三丰"}}),
    )
    .unwrap_err();
    assert_coded(&e);
    let e = call("policy", &json!({"policy": {"张三丰": 1}})).unwrap_err();
    assert_coded(&e);
    let v = call(
        "validate_form",
        &json!({"kind": "reception_record", "data": {"visitor": {"张三丰": [1, 2]}}}),
    )
    .unwrap();
    assert!(!v.to_string().contains("张三丰"));
}

/// Every request of the shared vectors, as seeds for mutation.
fn seeds() -> Vec<(String, Value)> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for case in doc["cases"].as_array().unwrap() {
                if let (Some(op), Some(request)) = (case["op"].as_str(), case.get("request")) {
                    out.push((op.to_string(), request.clone()));
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Replaces, removes or adds at a place chosen by `path` (each step picks a child).
fn mutate(value: &mut Value, path: &[usize], kind: u8, new: Value) {
    if let Some((step, rest)) = path.split_first() {
        match value {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(step % map.len()).unwrap().clone();
                return mutate(map.get_mut(&key).unwrap(), rest, kind, new);
            }
            Value::Array(items) if !items.is_empty() => {
                let n = items.len();
                return mutate(&mut items[step % n], rest, kind, new);
            }
            _ => {}
        }
    }
    match (kind % 3, &mut *value) {
        (0, Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().next().unwrap().clone();
            map.remove(&key);
        }
        (1, Value::Object(map)) => {
            map.insert(format!("{new}").chars().take(12).collect(), new);
        }
        (1, Value::Array(items)) => items.push(new),
        _ => *value = new,
    }
}

proptest! {
    #[test]
    fn mutated_vectors(seed in any::<prop::sample::Index>(),
                       mutations in prop::collection::vec((prop::collection::vec(0usize..64, 0..6), any::<u8>(), value()), 1..4)) {
        let seeds = seeds();
        let (op, mut request) = seeds[seed.index(seeds.len())].clone();
        if op == "generate_district" {
            return Ok(());
        }
        for (path, kind, new) in mutations {
            mutate(&mut request, &path, kind, new);
        }
        match call(&op, &request) {
            Ok(_) => {}
            Err(e) => assert_coded(&e),
        }
    }
}
