//! JSON Schema (draft 2020-12, or draft 07 for older validators) of each form, generated
//! from the same field tables as the validator.
//!
//! The schema says what each field may hold and the cross-field rules a schema can express:
//! 限期办理 needs a deadline and a handler and 转有关部门办理 a department (`if`/`then`), a
//! visit diary that says members work away lists them, a closed F4 entry has its result,
//! feedback date and signer, an F2 slip with a "1234" class names the day it was reported
//! (a null value counting as absent, as for the validator). Date order and the "1234" deadline itself need arithmetic no
//! schema has: they are listed in `x-rules` and checked by [`super::validate_form`] only.
//! Choices are `oneOf` of `{const, title}`: the canonical names, titled with the Chinese
//! labels printed on the form (the validator also accepts the labels as values).

use super::common::SERIAL;
use super::fields::{PHONE_PATTERN, SERIAL_PATTERN};
use super::table::{Field, Kind, Pii, AREA_MAX, MONEY_MAX};
use super::FormKind;
use serde_json::{json, Map, Value};

/// The `$schema` of the form schemas (draft 2020-12, the default).
pub const SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema draft of a form schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Draft {
    /// Draft 2020-12 (the default).
    #[default]
    #[serde(rename = "2020-12")]
    Draft2020_12,
    /// Draft 07, for validators that know no later one (react-jsonschema-form's default
    /// ajv). The schemas use only what both drafts share; they differ in `$schema`.
    #[serde(rename = "07")]
    Draft07,
}

impl Draft {
    fn dialect(self) -> &'static str {
        match self {
            Draft::Draft2020_12 => SCHEMA_DIALECT,
            Draft::Draft07 => "http://json-schema.org/draft-07/schema#",
        }
    }
}

/// The schema of a form.
pub(crate) fn schema(kind: FormKind, draft: Draft) -> Value {
    let mut root = object(kind.fields());
    if let Value::Object(map) = &mut root {
        add_conditions(kind, map);
        let mut head = Map::new();
        head.insert("$schema".into(), json!(draft.dialect()));
        head.insert(
            "$id".into(),
            json!(format!("urn:liaison:form:{}", kind.name())),
        );
        head.insert("title".into(), json!(kind.label_zh()));
        head.insert(
            "description".into(),
            json!(format!(
                "{} ({}, 巴南委办发〔2008〕43号 附件{}). Cross-field rules checked by validate_form: {}",
                kind.title_en(),
                kind.rule(),
                kind.attachment(),
                kind.cross_rules_en().join("; ")
            )),
        );
        head.insert("x-kind".into(), json!(kind.name()));
        head.insert("x-rule".into(), json!(kind.rule()));
        head.insert("x-rules".into(), json!(kind.cross_rules_en()));
        head.append(map);
        *map = head;
    }
    root
}

/// An object of `fields`: properties with titles, `required`, no other keys, and the
/// paper's order in `x-order` (JSON objects have none).
fn object(fields: &'static [Field]) -> Value {
    let mut properties = Map::new();
    for f in fields {
        properties.insert(f.key.to_string(), property(f));
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    let order: Vec<&str> = fields.iter().map(|f| f.key).collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
        "x-order": order,
    })
}

/// One property: its value schema, the Chinese title, the English description, and
/// `null` allowed when it is optional.
fn property(f: &'static Field) -> Value {
    let mut s = value(f);
    if let Value::Object(map) = &mut s {
        let mut head = Map::new();
        head.insert("title".into(), json!(f.label_zh));
        head.insert("description".into(), json!(f.en));
        head.insert("x-rule".into(), json!(f.rule));
        head.append(map);
        if !f.required {
            allow_null(&mut head);
        }
        *map = head;
    }
    s
}

/// Lets an optional property be `null` (the validator treats `null` as absent).
fn allow_null(map: &mut Map<String, Value>) {
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = map.get_mut(key) {
            branches.push(json!({"type": "null"}));
            if key == "oneOf" {
                // The branches carry their own types (`const` texts, a number).
                map.remove("type");
            }
            return;
        }
    }
    if let Some(Value::String(t)) = map.get("type") {
        let t = t.clone();
        map.insert("type".into(), json!([t, "null"]));
    }
    if let Some(Value::Array(values)) = map.get_mut("enum") {
        values.push(Value::Null);
    }
}

/// A choice as `oneOf` of `{const: name, title: label}`, the labels also listed in
/// `x-labels` (accepted as values by the validator).
fn choice_one_of(choices: impl Iterator<Item = (&'static str, &'static str)>) -> Value {
    let (one_of, labels): (Vec<Value>, Map<String, Value>) = choices
        .map(|(name, label)| {
            (
                json!({"const": name, "title": label}),
                (name.to_string(), json!(label)),
            )
        })
        .unzip();
    json!({"type": "string", "oneOf": one_of, "x-labels": labels})
}

/// A field that must be present and not blank, as a `then` clause can ask it.
fn filled(fields: &'static [Field], key: &str) -> Value {
    match fields.iter().find(|f| f.key == key).map(|f| f.kind) {
        Some(Kind::Text { .. }) => json!({"type": "string", "pattern": r"\S"}),
        Some(Kind::List { .. }) => json!({"type": "array", "minItems": 1}),
        _ => json!({"not": {"type": "null"}}),
    }
}

/// `if` a choice or flag field holds one of `values`, `then` `keys` are filled.
fn when(fields: &'static [Field], field: &str, values: Value, keys: &[&str]) -> Value {
    let then: Map<String, Value> = keys
        .iter()
        .map(|k| (k.to_string(), filled(fields, k)))
        .collect();
    json!({
        "if": {"properties": {field: {"enum": values}}, "required": [field]},
        "then": {"required": keys, "properties": then}
    })
}

/// The cross-field rules a schema can express, on the root object of `kind`.
fn add_conditions(kind: FormKind, root: &mut Map<String, Value>) {
    use super::common::{HANDLING, WAYS};
    let label = |name: &str| {
        WAYS.iter()
            .find(|c| c.name == name)
            .map_or("", |c| c.label_zh)
    };
    let handling = || {
        json!([
            when(
                HANDLING,
                "way",
                json!(["by_deadline", label("by_deadline")]),
                &["deadline", "handler"]
            ),
            when(
                HANDLING,
                "way",
                json!(["referred", label("referred")]),
                &["department"]
            ),
        ])
    };
    match kind {
        FormKind::ReceptionRecord | FormKind::VisitDiary => {
            if let Some(Value::Object(h)) = root
                .get_mut("properties")
                .and_then(|p| p.get_mut("handling"))
            {
                h.insert("allOf".into(), handling());
            }
            if kind == FormKind::VisitDiary {
                let fields = kind.fields();
                root.insert(
                    "allOf".into(),
                    json!([
                        when(fields, "has_away_members", json!([true, "是"]), &["away_members"]),
                        {
                            "if": {"properties": {"has_away_members": {"enum": [false, "否"]}}, "required": ["has_away_members"]},
                            "then": {"properties": {"away_members": {"anyOf": [{"type": "null"}, {"type": "array", "maxItems": 0}]}}}
                        }
                    ]),
                );
            }
        }
        FormKind::RegisterEntry => {
            root.insert(
                "allOf".into(),
                json!([when(
                    kind.fields(),
                    "closed",
                    json!([true, "是"]),
                    &["result", "fed_back", "slip_signed_by"]
                )]),
            );
        }
        FormKind::AssignmentSlip => {
            // A null `responsibility` is absent for the validator, so not `dependentRequired`
            // (which looks at keys only).
            let reported = filled(kind.fields(), "reported");
            root.insert(
                "allOf".into(),
                json!([{
                    "if": {"properties": {"responsibility": {"not": {"type": "null"}}}, "required": ["responsibility"]},
                    "then": {"required": ["reported"], "properties": {"reported": reported}}
                }]),
            );
        }
        FormKind::FeedbackSlip => {}
    }
}

/// The schema of the value of a field.
fn value(f: &'static Field) -> Value {
    match f.kind {
        Kind::Text { max, pii } => {
            let mut s = json!({"type": "string", "maxLength": max});
            if f.required {
                if let Value::Object(m) = &mut s {
                    m.insert("minLength".into(), json!(1));
                    m.insert("pattern".into(), json!(r"\S"));
                }
            }
            if let (Value::Object(m), Some(p)) = (&mut s, pii_name(pii)) {
                m.insert("x-personal".into(), json!(p));
            }
            s
        }
        Kind::Phone => json!({"type": "string", "pattern": PHONE_PATTERN, "x-personal": "phone"}),
        Kind::Date => {
            json!({"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
        }
        Kind::Integer { min, max } => json!({"type": "integer", "minimum": min, "maximum": max}),
        Kind::Money => {
            json!({"type": "number", "minimum": 0, "maximum": MONEY_MAX, "x-max-decimals": 2, "x-unit": "yuan"})
        }
        Kind::Area => {
            json!({"type": "number", "exclusiveMinimum": 0, "maximum": AREA_MAX, "x-unit": "m2"})
        }
        Kind::Flag => {
            json!({"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["是", "否"]}]})
        }
        Kind::Choice(choices) => choice_one_of(choices.iter().map(|c| (c.name, c.label_zh))),
        Kind::Serial => json!({"anyOf": [
            {"type": "string", "pattern": SERIAL_PATTERN},
            object(&SERIAL),
        ]}),
        Kind::Responsibility => {
            let mut s = choice_one_of(
                crate::Responsibility::ALL
                    .iter()
                    .map(|r| (r.name(), r.label_zh())),
            );
            // The digit of "1234" as a number is a class too; the text forms (labels, digits
            // as text) are accepted by the validator and listed in `x-labels`.
            if let Some(Value::Array(one_of)) = s.get_mut("oneOf") {
                one_of.push(json!({"type": "integer", "minimum": 1, "maximum": 4, "title": "1-4"}));
            }
            s
        }
        Kind::Object(fields) => object(fields),
        Kind::List { item, max } => {
            let mut s = json!({"type": "array", "items": object(item), "maxItems": max});
            if f.required {
                if let Value::Object(m) = &mut s {
                    m.insert("minItems".into(), json!(1));
                }
            }
            s
        }
    }
}

/// How a text field is masked by `redact`, for the schema's `x-personal`.
fn pii_name(pii: Pii) -> Option<&'static str> {
    match pii {
        Pii::None => None,
        Pii::Name => Some("name"),
        Pii::Address => Some("address"),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn ways_are_one_of_names_titled_with_labels() {
        let s = choice_one_of(
            crate::forms::common::WAYS
                .iter()
                .map(|c| (c.name, c.label_zh)),
        );
        assert_eq!(s["oneOf"].as_array().map(Vec::len), Some(4));
        assert_eq!(
            s["oneOf"][0],
            json!({"const": "on_the_spot", "title": "现场办理"})
        );
    }

    #[test]
    fn draft_07_differs_in_its_dialect_only() {
        let (a, b) = (
            schema(FormKind::AssignmentSlip, Draft::Draft07),
            schema(FormKind::AssignmentSlip, Draft::Draft2020_12),
        );
        assert_eq!(a["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(a["allOf"], b["allOf"]);
        assert_eq!(a["allOf"][0]["then"]["required"], json!(["reported"]));
    }
}
