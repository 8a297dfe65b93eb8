//! F1–F5: the forms module against its own promises — every code covered by a vector,
//! no personal data in any message, the schema and the validator listing the same fields,
//! the typed models reading every valid document, redaction that never fails.
//! (The vectors themselves run in `vectors.rs`.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use liaison::forms::{self, FieldCode, FormKind, FIELD_ERROR_CODES};
use liaison::Policy;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn vector_file(name: &str) -> Value {
    let text = std::fs::read_to_string(vectors_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn p() -> Policy {
    Policy::banan_2008()
}

/// The complete document of each kind: the vector case named "complete ...".
fn complete(kind: FormKind) -> Value {
    let doc = vector_file(&format!("forms_{}.json", kind.name()));
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().starts_with("complete"))
        .map(|c| c["request"]["data"].clone())
        .unwrap()
}

/// Every valid document of the vectors of `kind`.
fn valid_docs(kind: FormKind) -> Vec<Value> {
    let doc = vector_file(&format!("forms_{}.json", kind.name()));
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["request"].get("policy").is_none() && c["answer"]["errors"] == json!([]))
        .map(|c| c["request"]["data"].clone())
        .collect()
}

fn pairs(kind: FormKind, data: &Value) -> Vec<(String, String)> {
    forms::validate_form(kind.name(), data, &p())
        .unwrap()
        .errors
        .into_iter()
        .map(|e| (e.loc.to_string(), e.code.name().to_string()))
        .collect()
}

// ---------------------------------------------------------------- codes

#[test]
fn code_list_matches_the_enum_and_is_snake_case() {
    let names: Vec<&str> = FieldCode::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(names, FIELD_ERROR_CODES);
    for code in FieldCode::ALL {
        assert_eq!(serde_json::to_value(code).unwrap(), json!(code.name()));
        assert!(code
            .name()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_'));
        assert!(!code.template_en().is_empty() && !code.template_zh().is_empty());
    }
}

#[test]
fn every_field_error_code_has_a_vector() {
    let mut seen = BTreeSet::new();
    for kind in FormKind::ALL {
        let doc = vector_file(&format!("forms_{}.json", kind.name()));
        for case in doc["cases"].as_array().unwrap() {
            assert_eq!(case["op"], "validate_form");
            if let Some(errors) = case.get("answer").map(|a| &a["errors"]) {
                for e in errors.as_array().unwrap() {
                    seen.insert(e["code"].as_str().unwrap().to_string());
                }
            }
        }
    }
    for code in FIELD_ERROR_CODES {
        assert!(seen.contains(code), "no vector for `{code}`");
    }
}

#[test]
fn each_kind_has_valid_and_invalid_vectors() {
    for kind in FormKind::ALL {
        let doc = vector_file(&format!("forms_{}.json", kind.name()));
        let cases = doc["cases"].as_array().unwrap();
        assert!(
            cases.iter().any(|c| c["answer"]["errors"] == json!([])),
            "{kind}"
        );
        assert!(
            cases
                .iter()
                .any(|c| c.get("answer").is_some_and(|a| a["errors"] != json!([]))),
            "{kind}"
        );
    }
}

#[test]
fn unknown_kind_is_invalid_input_on_kind() {
    for e in [
        forms::validate_form("F1", &json!({}), &p()).unwrap_err(),
        forms::form_schema("").unwrap_err(),
        forms::redact("Reception_Record", &json!({})).unwrap_err(),
        forms::form_fields("visit").unwrap_err(),
    ] {
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("invalid_input", Some("kind"))
        );
    }
}

#[test]
fn messages_follow_the_style() {
    // One line, no final period, English starting lower case or with a backticked path.
    for kind in FormKind::ALL {
        let doc = vector_file(&format!("forms_{}.json", kind.name()));
        for case in doc["cases"].as_array().unwrap() {
            let Ok(v) = forms::validate_form(kind.name(), &case["request"]["data"], &p()) else {
                continue;
            };
            assert_eq!(v.valid, v.errors.is_empty());
            for e in v.errors {
                for m in [&e.message, &e.message_zh] {
                    assert!(!m.contains('\n') && !m.ends_with('.'), "{m}");
                    for name in [
                        "{field}",
                        "{label}",
                        "{other}",
                        "{other_zh}",
                        "{expected}",
                        "{range}",
                        "{max}",
                        "{within}",
                    ] {
                        assert!(!m.contains(name), "unfilled placeholder in {m}");
                    }
                }
                let first = e.message.chars().next().unwrap();
                assert!(first == '`' || first.is_ascii_lowercase(), "{}", e.message);
                assert!(!e.rule.is_empty());
                let shape = serde_json::to_value(&e).unwrap();
                let keys: Vec<&String> = shape.as_object().unwrap().keys().collect();
                assert_eq!(keys, ["loc", "code", "message", "message_zh", "rule"]);
            }
        }
    }
}

// ---------------------------------------------------------------- personal data

/// Recognisable personal strings.
const NAMES: [&str; 4] = ["欧阳娜娜", "张三丰", "Wang Xiaoming", "李秀英"];
const PHONES: [&str; 4] = ["13812345678", "023-66230226", "1381234", "023-66230226-801"];
const ADDRESSES: [&str; 2] = ["重庆市巴南区鱼洞街道新市街12号", "石龙村5组"];
const ID: &str = "500113198001011234";

fn personal_strings() -> Vec<&'static str> {
    let mut all: Vec<&str> = NAMES.to_vec();
    all.extend(PHONES);
    all.extend(ADDRESSES);
    all.push(ID);
    all
}

fn assert_no_personal_data(kind: FormKind, data: &Value, extra: &[&str]) {
    let v = forms::validate_form(kind.name(), data, &p()).unwrap();
    assert!(!v.valid, "{kind}: the probe document should be invalid");
    for e in &v.errors {
        for s in personal_strings().iter().chain(extra) {
            assert!(
                !e.message.contains(s) && !e.message_zh.contains(s) && !e.rule.contains(s),
                "{kind}: `{s}` leaks into {e:?}"
            );
        }
    }
}

#[test]
fn no_message_contains_personal_data() {
    // Personal strings in every personal field, valid or not, in wrong types, as list items
    // and as unknown keys.
    let f1 = json!({
        "date": "2008-12-01", "receiver": NAMES[0],
        "visitor": {"name": NAMES[1], "sex": NAMES[2], "age": NAMES[3], "address": ADDRESSES[0],
                    "phone": PHONES[2], NAMES[3]: ID},
        "matter": ID, "cause": "", "request": [NAMES[1]],
        "handling": {"way": PHONES[0], "handler": NAMES[2], "department": ADDRESSES[1]},
        "opinion": {"signed_by": {"name": NAMES[1]}, "signed_on": PHONES[1]},
        NAMES[0]: PHONES[0], ADDRESSES[0]: NAMES[1]
    });
    assert_no_personal_data(FormKind::ReceptionRecord, &f1, &[]);

    let f2 = json!({
        "serial": format!("（{}）年第12号", NAMES[1]), "addressee": NAMES[0],
        "reporter_address": ADDRESSES[0], "reporter": NAMES[2], "matter": ID,
        "assist": NAMES[3], "deadline": PHONES[0],
        "contact": {"name": NAMES[1], "phone": PHONES[3], PHONES[0]: 1},
        "issuer": NAMES[0], "issued": ADDRESSES[1], "responsibility": NAMES[1],
        "received_by": 13_812_345_678_u64
    });
    assert_no_personal_data(FormKind::AssignmentSlip, &f2, &[]);

    let f3 = json!({
        "date": "2008-12-10", "home_visitor": NAMES[0],
        "members": [{"name": NAMES[1], "sex": NAMES[3], "age": 200, "occupation": ID},
                    NAMES[2], {"name": PHONES[0], NAMES[0]: NAMES[1]}],
        "residence": ADDRESSES[0], "income": NAMES[1], "skills": "", "housing_area": ADDRESSES[1],
        "phone": PHONES[2], "problems": "x", "requests": "y",
        "has_away_members": false,
        "away_members": [{"name": NAMES[3], "destination": ADDRESSES[1], "phone": PHONES[3],
                          "income": 1.005}]
    });
    assert_no_personal_data(FormKind::VisitDiary, &f3, &[]);

    let f4 = json!({
        "number": NAMES[0], "reporter": NAMES[1], "reporter_address": ADDRESSES[0],
        "reported": "2008-09-25", "matter": ID, "handler": PHONES[1],
        "fed_back": "2008-09-24", "slip_signed_by": 12, "closed": NAMES[2],
        "responsibility": 1, "deadline": "2008-10-05", ID: ADDRESSES[1]
    });
    assert_no_personal_data(FormKind::RegisterEntry, &f4, &[]);

    let f5 = json!({
        "reporter": NAMES[0], "reported": "2008-12-01", "matter": NAMES[1],
        "finished": "2008-11-01", "outcome": ADDRESSES[0], "issuer": NAMES[2],
        "issued": "2008-10-01", "satisfaction": NAMES[3], "signed_by": PHONES[0],
        "signed_on": "2008-09-01", "contact": {"name": NAMES[1], "phone": PHONES[2]}
    });
    assert_no_personal_data(FormKind::FeedbackSlip, &f5, &[]);
}

/// Replaces the value at every leaf of `doc` in turn (and adds an unknown key beside it)
/// by the marker, collecting the documents.
fn probes(doc: &Value, marker: &str) -> Vec<Value> {
    fn walk(v: &Value, marker: &str, out: &mut Vec<Value>, rebuild: &dyn Fn(Value) -> Value) {
        match v {
            Value::Object(map) => {
                let mut with_key = map.clone();
                with_key.insert(marker.to_string(), json!(marker));
                out.push(rebuild(Value::Object(with_key)));
                for (k, child) in map {
                    let map = map.clone();
                    let k2 = k.clone();
                    walk(child, marker, out, &|new| {
                        let mut m = map.clone();
                        m.insert(k2.clone(), new);
                        rebuild(Value::Object(m))
                    });
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let items = items.clone();
                    walk(child, marker, out, &|new| {
                        let mut a = items.clone();
                        a[i] = new;
                        rebuild(Value::Array(a))
                    });
                }
            }
            _ => out.push(rebuild(json!(marker))),
        }
    }
    let mut out = Vec::new();
    walk(doc, marker, &mut out, &|v| v);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever text is typed into whichever field (or used as a key), it never reaches a
    /// message.
    #[test]
    fn a_marker_in_any_field_never_reaches_a_message(
        marker in "Zq[0-9\u{4e00}-\u{9fa5}]{4,10}",
        k in 0usize..5,
    ) {
        let kind = FormKind::ALL[k];
        for doc in probes(&complete(kind), &marker) {
            let v = forms::validate_form(kind.name(), &doc, &p()).unwrap();
            for e in v.errors {
                prop_assert!(!e.message.contains(&marker), "{:?}", e);
                prop_assert!(!e.message_zh.contains(&marker), "{:?}", e);
            }
        }
    }
}

// ---------------------------------------------------------------- schema and fields

/// (path, title, required) of every property of a schema, `[]` for list items.
fn schema_fields(schema: &Value, prefix: &str, out: &mut Vec<(String, String, bool)>) {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().map(|x| x.as_str().unwrap()).collect())
        .unwrap_or_default();
    let order: Vec<&str> = schema["x-order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    let props = schema["properties"].as_object().unwrap();
    assert_eq!(
        order.iter().copied().collect::<BTreeSet<_>>(),
        props.keys().map(String::as_str).collect::<BTreeSet<_>>()
    );
    assert_eq!(schema["additionalProperties"], false);
    for key in order {
        let prop = &props[key];
        let path = format!("{prefix}{key}");
        out.push((
            path.clone(),
            prop["title"].as_str().unwrap().to_string(),
            required.contains(&key),
        ));
        assert!(prop["description"].is_string(), "{path} has no description");
        let ty = &prop["type"];
        let is = |t: &str| ty == t || ty.as_array().is_some_and(|a| a.contains(&json!(t)));
        if is("object") {
            schema_fields(prop, &format!("{path}."), out);
        } else if is("array") {
            schema_fields(&prop["items"], &format!("{path}[]."), out);
        }
    }
}

#[test]
fn schema_lists_the_same_fields_as_the_validator() {
    for kind in FormKind::ALL {
        let schema = forms::form_schema(kind.name()).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["title"], kind.label_zh());
        assert!(schema["description"].is_string());
        let mut from_schema = Vec::new();
        schema_fields(&schema, "", &mut from_schema);
        let from_table: Vec<(String, String, bool)> = forms::form_fields(kind.name())
            .unwrap()
            .into_iter()
            .map(|f| (f.path, f.label_zh, f.required))
            .collect();
        assert_eq!(from_schema, from_table, "{kind}");
    }
}

/// Every leaf path of a document, with `[]` for list items.
fn leaf_paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let path = format!("{prefix}{k}");
                out.insert(path.clone());
                leaf_paths(child, &format!("{path}."), out);
            }
        }
        Value::Array(items) => {
            let base = prefix.trim_end_matches('.');
            for child in items {
                leaf_paths(child, &format!("{base}[]."), out);
            }
        }
        _ => {}
    }
}

/// Removes the value at a `form_fields` path (every list item for `[]`).
fn remove(v: &mut Value, path: &str) {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let (key, list) = match head.strip_suffix("[]") {
        Some(k) => (k, true),
        None => (head, false),
    };
    let Some(map) = v.as_object_mut() else { return };
    match rest {
        None => {
            map.remove(key);
        }
        Some(rest) => {
            let Some(child) = map.get_mut(key) else {
                return;
            };
            if list {
                for item in child.as_array_mut().unwrap() {
                    remove(item, rest);
                }
            } else {
                remove(child, rest);
            }
        }
    }
}

#[test]
fn the_complete_documents_use_every_field_and_the_validator_knows_them_all() {
    for kind in FormKind::ALL {
        let doc = complete(kind);
        assert_eq!(pairs(kind, &doc), Vec::<(String, String)>::new(), "{kind}");
        let mut used = BTreeSet::new();
        leaf_paths(&doc, "", &mut used);
        let fields = forms::form_fields(kind.name()).unwrap();
        let listed: BTreeSet<String> = fields.iter().map(|f| f.path.clone()).collect();
        // serial may be text in the complete document.
        let missing: Vec<_> = listed
            .difference(&used)
            .filter(|p| !p.starts_with("serial."))
            .collect();
        assert!(
            missing.is_empty(),
            "{kind}: not in the complete document: {missing:?}"
        );
        for f in &fields {
            let mut d = doc.clone();
            remove(&mut d, &f.path);
            let got = pairs(kind, &d);
            assert!(
                got.iter().all(|(_, c)| c != "unknown_field"),
                "{kind} {}: {got:?}",
                f.path
            );
            let concrete = f.path.replace("[]", "[0]");
            let flagged = got.iter().any(|(p, c)| p == &concrete && c == "required");
            // The complete document has every group, so a required field of any group
            // (optional or not) is reported; a serial there is text, not an object.
            if f.required && !f.path.starts_with("serial.") {
                assert!(
                    flagged,
                    "{kind}: removing required `{}` gives {got:?}",
                    f.path
                );
            }
        }
    }
}

#[test]
fn an_extra_key_in_any_group_is_unknown() {
    for kind in FormKind::ALL {
        for f in forms::form_fields(kind.name()).unwrap() {
            if f.kind != "object" && f.kind != "list" {
                continue;
            }
            let mut doc = complete(kind);
            let path = f.path.replace("[]", "[0]");
            let target = path
                .split('.')
                .fold(&mut doc, |v, seg| match seg.strip_suffix("[0]") {
                    Some(k) => &mut v[k][0],
                    None => &mut v[seg],
                });
            let target = if f.kind == "list" {
                &mut target[0]
            } else {
                target
            };
            target
                .as_object_mut()
                .unwrap()
                .insert("zz_extra".into(), json!(1));
            let expected_path = if f.kind == "list" {
                format!("{path}[0].zz_extra")
            } else {
                format!("{path}.zz_extra")
            };
            assert_eq!(
                pairs(kind, &doc),
                vec![(expected_path, "unknown_field".to_string())],
                "{kind}"
            );
        }
    }
}

#[test]
fn every_enum_value_of_the_schema_is_accepted() {
    fn visit(schema: &Value, prefix: &str, out: &mut Vec<(String, Value)>) {
        if let Some(props) = schema["properties"].as_object() {
            for (k, prop) in props {
                let path = format!("{prefix}{k}");
                let mut enums: Vec<Value> = prop["enum"].as_array().cloned().unwrap_or_default();
                for branch in prop["anyOf"].as_array().into_iter().flatten() {
                    enums.extend(branch["enum"].as_array().cloned().unwrap_or_default());
                }
                for v in enums.into_iter().filter(|v| !v.is_null()) {
                    out.push((path.clone(), v));
                }
                visit(prop, &format!("{path}."), out);
            }
        }
    }
    for kind in FormKind::ALL {
        let mut values = Vec::new();
        visit(&forms::form_schema(kind.name()).unwrap(), "", &mut values);
        for (path, value) in values {
            let mut doc = complete(kind);
            let keys: Vec<&str> = path.split('.').collect();
            let mut target = &mut doc;
            for k in &keys[..keys.len() - 1] {
                target = &mut target[*k];
            }
            target[keys[keys.len() - 1]] = value.clone();
            let got = pairs(kind, &doc);
            assert!(
                got.iter()
                    .all(|(p, c)| p != &path
                        || !matches!(c.as_str(), "invalid_choice" | "invalid_type")),
                "{kind} {path} = {value}: {got:?}"
            );
        }
    }
}

#[test]
fn schema_patterns_are_the_validators() {
    let s = forms::form_schema("feedback_slip").unwrap();
    assert_eq!(
        s["properties"]["contact"]["properties"]["phone"]["pattern"],
        forms::PHONE_PATTERN
    );
    let s = forms::form_schema("assignment_slip").unwrap();
    assert_eq!(
        s["properties"]["serial"]["anyOf"][0]["pattern"],
        forms::SERIAL_PATTERN
    );
}

proptest! {
    /// Every string the schema's phone pattern matches, the validator accepts.
    #[test]
    fn phone_pattern_strings_are_phones(s in forms::PHONE_PATTERN.trim_start_matches('^').trim_end_matches('$')) {
        prop_assert!(forms::is_phone(&s), "{s}");
    }

    /// Every string the schema's serial pattern matches, the validator accepts.
    #[test]
    fn serial_pattern_strings_are_serials(s in forms::SERIAL_PATTERN.trim_start_matches('^').trim_end_matches('$')) {
        prop_assert!(forms::parse_serial(&s).is_some(), "{s}");
    }

    /// Mobiles in any grouping are phones; one digit more or less is not.
    #[test]
    fn mobiles_in_any_grouping(second in 3u8..=9, rest in "[0-9]{9}", seps in proptest::collection::vec(prop::sample::select(vec!["", " ", "-"]), 10)) {
        let digits = format!("1{second}{rest}");
        let mut s = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 { s.push_str(seps[i - 1]); }
            s.push(c);
        }
        prop_assert!(forms::is_mobile(&s), "{s}");
        let longer = format!("{}0", s);
        prop_assert!(!forms::is_phone(&longer), "{}", longer);
        prop_assert!(!forms::is_mobile(&digits[1..]));
    }
}

// ---------------------------------------------------------------- typed models

fn roundtrip<T: forms::FormModel>(kind: FormKind) {
    for doc in valid_docs(kind) {
        let model: T = forms::parse(&doc, &p())
            .unwrap_or_else(|v| panic!("{kind}: {doc} does not parse: {:?}", v.errors));
        let back = serde_json::to_value(&model).unwrap();
        assert_eq!(
            pairs(kind, &back),
            Vec::<(String, String)>::new(),
            "{kind}: {back}"
        );
        let again: T = forms::parse(&back, &p()).unwrap_or_else(|_| panic!("{kind}"));
        assert_eq!(serde_json::to_value(&again).unwrap(), back);
    }
}

#[test]
fn typed_models_read_every_valid_vector_document() {
    roundtrip::<forms::ReceptionRecord>(FormKind::ReceptionRecord);
    roundtrip::<forms::AssignmentSlip>(FormKind::AssignmentSlip);
    roundtrip::<forms::VisitDiary>(FormKind::VisitDiary);
    roundtrip::<forms::RegisterEntry>(FormKind::RegisterEntry);
    roundtrip::<forms::FeedbackSlip>(FormKind::FeedbackSlip);
}

#[test]
fn typed_models_normalise_labels() {
    let doc = complete(FormKind::ReceptionRecord);
    let r: forms::ReceptionRecord = forms::parse(&doc, &p()).unwrap();
    assert_eq!(r.visitor.sex, Some(forms::Sex::Male));
    assert_eq!(r.handling.way, forms::HandlingWay::ByDeadline);
    let slip: forms::AssignmentSlip =
        forms::parse(&complete(FormKind::AssignmentSlip), &p()).unwrap();
    assert_eq!((slip.serial.year, slip.serial.number), (2008, 12));
    assert_eq!(
        slip.responsibility,
        Some(liaison::Responsibility::OutsideRemit)
    );
    let bad = forms::parse::<forms::FeedbackSlip>(&json!({}), &p()).unwrap_err();
    assert!(!bad.valid && bad.errors.len() == 8);
}

// ---------------------------------------------------------------- redaction

#[test]
fn redacted_complete_documents_hold_no_personal_string() {
    for kind in FormKind::ALL {
        let doc = complete(kind);
        let redacted = forms::redact(kind.name(), &doc).unwrap();
        let text = redacted.to_string();
        for f in forms::form_fields(kind.name()).unwrap() {
            if !matches!(f.kind.as_str(), "name" | "phone" | "address") {
                continue;
            }
            let mut values = Vec::new();
            collect(&doc, &f.path, &mut values);
            for v in values {
                let v = v.as_str().unwrap();
                if v.chars().count() > 1 {
                    let needle = format!("\"{v}\"");
                    assert!(!text.contains(&needle), "{kind}: {} kept {v}", f.path);
                }
            }
        }
        assert_eq!(
            forms::redact(kind.name(), &redacted).unwrap(),
            forms::redact(kind.name(), &redacted).unwrap()
        );
    }
}

fn collect<'a>(v: &'a Value, path: &str, out: &mut Vec<&'a Value>) {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let (key, list) = match head.strip_suffix("[]") {
        Some(k) => (k, true),
        None => (head, false),
    };
    let Some(child) = v.get(key) else { return };
    let children: Vec<&Value> = if list {
        child
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    } else {
        vec![child]
    };
    for c in children {
        match rest {
            Some(r) => collect(c, r, out),
            None => out.push(c),
        }
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,24}".prop_map(Value::String),
        "[0-9]{17}[0-9X]".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("visitor".to_string()),
            Just("name".to_string()),
            Just("phone".to_string()),
            Just("members".to_string()),
            Just("contact".to_string()),
            Just("address".to_string()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

proptest! {
    /// Redaction and validation never fail (nor panic) on any document.
    #[test]
    fn redact_and_validate_never_fail_on_content(doc in arb_json(), k in 0usize..5) {
        let kind = FormKind::ALL[k].name();
        prop_assert!(forms::redact(kind, &doc).is_ok());
        let v = forms::validate_form(kind, &doc, &p()).unwrap();
        prop_assert_eq!(v.valid, v.errors.is_empty());
    }

    /// Masked names keep their length and first character only.
    #[test]
    fn masked_names_keep_length(name in "\\PC{2,12}") {
        let m = forms::mask_name(&name);
        prop_assert_eq!(m.chars().count(), name.chars().count());
        prop_assert_eq!(m.chars().next(), name.chars().next());
        prop_assert!(m.chars().skip(1).all(|c| c == '*'));
    }
}

// ---------------------------------------------------------------- documentation

#[test]
fn docs_list_every_field_and_code() {
    let docs =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/forms.md"))
            .unwrap();
    for kind in FormKind::ALL {
        for f in forms::form_fields(kind.name()).unwrap() {
            let row = format!("| `{}` | {} | {} |", f.path, f.label_zh, f.kind);
            assert!(docs.contains(&row), "docs/forms.md lacks {row}");
        }
    }
    for code in FieldCode::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            code.name(),
            code.template_en(),
            code.template_zh()
        );
        assert!(docs.contains(&row), "docs/forms.md lacks {row}");
    }
}
