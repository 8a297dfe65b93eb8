//! JSON Schema (draft 2020-12) of each form, generated from the same field tables as the
//! validator.
//!
//! The schema says what a single field may hold; the cross-field rules (限期办理 needs a
//! deadline and a handler, dates in order, the "1234" deadline, closing an F4 entry, the
//! members working away) are listed in the form's `description` and `x-rules` and checked
//! by [`super::validate_form`] only.

use super::common::SERIAL;
use super::fields::{PHONE_PATTERN, SERIAL_PATTERN};
use super::table::{Choice, Field, Kind, Pii, AREA_MAX, MONEY_MAX};
use super::FormKind;
use serde_json::{json, Map, Value};

/// The `$schema` of every form schema.
pub const SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a form.
pub(crate) fn schema(kind: FormKind) -> Value {
    let mut root = object(kind.fields());
    if let Value::Object(map) = &mut root {
        let mut head = Map::new();
        head.insert("$schema".into(), json!(SCHEMA_DIALECT));
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
    if let Some(Value::Array(branches)) = map.get_mut("anyOf") {
        branches.push(json!({"type": "null"}));
        return;
    }
    if let Some(Value::String(t)) = map.get("type") {
        let t = t.clone();
        map.insert("type".into(), json!([t, "null"]));
    }
    if let Some(Value::Array(values)) = map.get_mut("enum") {
        values.push(Value::Null);
    }
}

/// Accepted values of a choice: the names, then the Chinese labels.
fn choice_enum(choices: &[Choice]) -> (Vec<&'static str>, Map<String, Value>) {
    let mut values: Vec<&str> = choices.iter().map(|c| c.name).collect();
    values.extend(choices.iter().map(|c| c.label_zh));
    let labels = choices
        .iter()
        .map(|c| (c.name.to_string(), json!(c.label_zh)))
        .collect();
    (values, labels)
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
        Kind::Choice(choices) => {
            let (values, labels) = choice_enum(choices);
            json!({"type": "string", "enum": values, "x-labels": labels})
        }
        Kind::Serial => json!({"anyOf": [
            {"type": "string", "pattern": SERIAL_PATTERN},
            object(&SERIAL),
        ]}),
        Kind::Responsibility => {
            let mut names = Vec::new();
            let mut labels = Map::new();
            for r in crate::Responsibility::ALL {
                names.push(r.name().to_string());
                labels.insert(r.name().to_string(), json!(r.label_zh()));
            }
            for r in crate::Responsibility::ALL {
                names.push(r.digit().to_string());
            }
            for r in crate::Responsibility::ALL {
                names.push(r.label_zh().to_string());
            }
            json!({"anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 4},
                {"type": "string", "enum": names, "x-labels": labels},
            ]})
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
mod tests {
    use super::*;

    #[test]
    fn ways_enum_lists_names_then_labels() {
        let (values, _) = choice_enum(crate::forms::common::WAYS);
        assert_eq!(values.len(), 8);
        assert_eq!(values.first(), Some(&"on_the_spot"));
        assert_eq!(values.get(4), Some(&"现场办理"));
    }
}
