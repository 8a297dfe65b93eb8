//! The contract's shapes as Python types (feature `schema`), generated from the same JSON
//! Schemas as the OpenAPI document ([`contract`]), so that the Python package restates no
//! shape by hand. `bindings-python/python/liaison/_types.py` is this output (a module the
//! package imports and its stubs re-export), and `core/tests/generated.rs` fails when it
//! differs.
//!
//! The mapping:
//! - a definition with properties is a `TypedDict` (named `…Dict` where the package has a
//!   class of that name: `PolicyDict`, `ReportDict`, `ErrorDict`), except `FeedbackStatus`,
//!   which Python answers as a `NamedTuple`; any other definition is a type alias;
//! - fields come in the order of the Rust type (the schema's `required` list), then the
//!   optional ones (outside `required`: `total=False`) by name; a type with a field named
//!   by a Python keyword (`from`) is written in the functional form, every key optional;
//! - string enums and `oneOf` of constants are `Literal`s, `anyOf`/`oneOf` `Union`s, `null`
//!   `None`; `format: date` is `datetime.date` in the shapes Python answers with dates
//!   (`Period`, `Counted`, `FeedbackStatus`, `Agenda`, `AgendaItem`, `Step`) and ISO text
//!   (`str`) elsewhere;
//! - `REQUEST_DEFAULTS` holds, per operation, the defaults of its parameters that are not
//!   null (the Python functions take them as their signatures' defaults).

use super::contract;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The prefix of every `$ref` of the contract.
const REF: &str = "#/components/schemas/";

/// Definitions named otherwise in Python, where the package has a class of the name.
const RENAMED: &[(&str, &str)] = &[
    ("Policy", "PolicyDict"),
    ("Report", "ReportDict"),
    ("Error", "ErrorDict"),
];

/// Definitions answered as a `NamedTuple`.
const NAMED_TUPLES: &[&str] = &["FeedbackStatus"];

/// Definitions whose dates Python answers as `datetime.date`: the periods of findings and
/// outcomes, the records a finding counted, a status, the agenda and its items, the steps of
/// an explanation.
const DATED: &[&str] = &[
    "Period",
    "Counted",
    "FeedbackStatus",
    "Agenda",
    "AgendaItem",
    "Step",
];

/// Words a Python field cannot be named in a class body.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn python_name(name: &str) -> String {
    RENAMED
        .iter()
        .find(|(rust, _)| *rust == name)
        .map_or_else(|| name.to_string(), |(_, py)| py.to_string())
}

/// A Python string literal.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// One paragraph of a description, on one line.
fn one_line(text: &str) -> String {
    text.split("\n\n")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Python type of a schema; `quote` puts names in quotes (outside class bodies, where
/// they are evaluated at import), `dated` writes `format: date` as `datetime.date`.
fn py_type(schema: &Value, quote: bool, dated: bool) -> String {
    let Some(s) = schema.as_object() else {
        return "Any".to_string();
    };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = python_name(r.trim_start_matches(REF));
        return if quote { quoted(&name) } else { name };
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        return literal(values.iter());
    }
    if let Some(value) = s.get("const") {
        return literal(std::iter::once(value));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = s.get(key).and_then(Value::as_array) {
            let consts: Option<Vec<&Value>> = options.iter().map(|o| o.get("const")).collect();
            if let Some(consts) = consts {
                return literal(consts.into_iter());
            }
            return union(options.iter().map(|o| py_type(o, quote, dated)).collect());
        }
    }
    match s.get("type") {
        Some(Value::Array(types)) => union(
            types
                .iter()
                .map(|t| {
                    let mut one = s.clone();
                    one.insert("type".to_string(), t.clone());
                    py_type(&Value::Object(one), quote, dated)
                })
                .collect(),
        ),
        Some(Value::String(t)) => match t.as_str() {
            "string" if dated && s.get("format").and_then(Value::as_str) == Some("date") => {
                "datetime.date".to_string()
            }
            "string" => "str".to_string(),
            "integer" => "int".to_string(),
            "number" => "float".to_string(),
            "boolean" => "bool".to_string(),
            "null" => "None".to_string(),
            "array" => match s.get("items") {
                Some(items) if items.is_object() => {
                    format!("list[{}]", py_type(items, quote, dated))
                }
                _ => "list[Any]".to_string(),
            },
            "object" => match s.get("additionalProperties") {
                Some(v) if v.is_object() => format!("dict[str, {}]", py_type(v, quote, dated)),
                _ => "dict[str, Any]".to_string(),
            },
            _ => "Any".to_string(),
        },
        _ => "Any".to_string(),
    }
}

/// Literals; several as a `Union` of one-value `Literal`s, which is what a type checker reads
/// `Literal[a, b]` as (and stubtest then finds the same at run time).
fn literal<'a>(values: impl Iterator<Item = &'a Value>) -> String {
    let items: Vec<String> = values.map(|v| format!("Literal[{v}]")).collect();
    match items.as_slice() {
        [one] => one.clone(),
        _ => format!("Union[{}]", items.join(", ")),
    }
}

fn union(mut types: Vec<String>) -> String {
    let mut seen = Vec::new();
    types.retain(|t| {
        let new = !seen.contains(t);
        seen.push(t.clone());
        new
    });
    let nullable = types.iter().any(|t| t == "None");
    types.retain(|t| t != "None");
    let inner = match types.as_slice() {
        [] => "None".to_string(),
        [one] => one.clone(),
        _ => format!("Union[{}]", types.join(", ")),
    };
    if nullable && !types.is_empty() {
        format!("Optional[{inner}]")
    } else {
        inner
    }
}

/// The fields of an object schema: the required ones in the type's order, then the others
/// by name; each with its schema and whether it is required.
fn fields(schema: &Map<String, Value>) -> Vec<(String, &Value, bool)> {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out: Vec<(String, &Value, bool)> = required
        .iter()
        .filter_map(|k| properties.get(*k).map(|v| (k.to_string(), v, true)))
        .collect();
    let mut rest: Vec<(&String, &Value)> = properties
        .iter()
        .filter(|(k, _)| !required.contains(&k.as_str()))
        .collect();
    rest.sort_by(|a, b| a.0.cmp(b.0));
    out.extend(rest.into_iter().map(|(k, v)| (k.clone(), v, false)));
    out
}

fn docstring(out: &mut String, indent: &str, description: Option<&Value>) {
    if let Some(text) = description.and_then(Value::as_str) {
        let text = one_line(text)
            .replace('\\', "\\\\")
            .replace("\"\"\"", "'''");
        let _ = writeln!(out, "{indent}\"\"\"{text}\"\"\"\n");
    }
}

fn field_comment(out: &mut String, schema: &Value) {
    if let Some(text) = schema.get("description").and_then(Value::as_str) {
        let _ = writeln!(out, "    # {}", one_line(text));
    }
}

fn class(out: &mut String, name: &str, schema: &Map<String, Value>) {
    let dated = DATED.contains(&name);
    let py = python_name(name);
    let all = fields(schema);
    if all.iter().any(|(k, _, _)| KEYWORDS.contains(&k.as_str())) {
        // Functional form: a keyword cannot be a field of a class body.
        let items: Vec<String> = all
            .iter()
            .map(|(k, v, _)| format!("{}: {}", quoted(k), py_type(v, true, dated)))
            .collect();
        let _ = writeln!(
            out,
            "# {}",
            one_line(
                schema
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or("")
            )
        );
        let _ = writeln!(
            out,
            "{py} = TypedDict({}, {{{}}}, total=False)\n\n",
            quoted(&py),
            items.join(", ")
        );
        return;
    }
    let (required, optional): (Vec<_>, Vec<_>) = all.iter().partition(|(_, _, r)| *r);
    if NAMED_TUPLES.contains(&name) {
        let _ = writeln!(out, "class {py}(NamedTuple):");
        docstring(out, "    ", schema.get("description"));
        for (k, v, _) in &all {
            field_comment(out, v);
            let _ = writeln!(out, "    {k}: {}", py_type(v, false, dated));
        }
        out.push_str("\n\n");
        return;
    }
    let head = match (required.is_empty(), optional.is_empty()) {
        (false, false) => {
            let _ = writeln!(out, "class _{py}Required(TypedDict):");
            for (k, v, _) in &required {
                field_comment(out, v);
                let _ = writeln!(out, "    {k}: {}", py_type(v, false, dated));
            }
            out.push_str("\n\n");
            format!("class {py}(_{py}Required, total=False):")
        }
        (true, false) => format!("class {py}(TypedDict, total=False):"),
        _ => format!("class {py}(TypedDict):"),
    };
    let _ = writeln!(out, "{head}");
    docstring(out, "    ", schema.get("description"));
    let body: Vec<&(String, &Value, bool)> = if required.is_empty() || optional.is_empty() {
        all.iter().collect()
    } else {
        optional
    };
    for (k, v, _) in body {
        field_comment(out, v);
        let _ = writeln!(out, "    {k}: {}", py_type(v, false, dated));
    }
    if all.is_empty() {
        out.push_str("    pass\n");
    }
    out.push_str("\n\n");
}

/// The module `liaison._types`: every shape of the contract as Python types, and the
/// operations' parameter defaults.
///
/// ```
/// let py = liaison::api::schema::python::python_stubs();
/// assert!(py.contains("class Finding("));
/// assert!(py.contains("class FeedbackStatus(NamedTuple):"));
/// assert!(py.contains("VoteOutcome = Union[Literal[\"adopted\"], "));
/// ```
pub fn python_stubs() -> String {
    let (defs, ops) = contract();
    let mut out = String::from(concat!(
        "\"\"\"The shapes of liaison's contract as Python types, generated from its Rust types by\n",
        "``liaison::api::schema::python::python_stubs()``. Do not edit: ``core/tests/generated.rs``\n",
        "fails when this file differs, and writes it with LIAISON_UPDATE_GENERATED=1.\"\"\"\n\n",
        "from __future__ import annotations\n\n",
        "import datetime\n",
        "from typing import Any, Literal, NamedTuple, Optional, TypedDict, Union\n\n",
        "__all__ = [\n",
    ));
    let mut names: Vec<(String, &String)> = defs.keys().map(|k| (python_name(k), k)).collect();
    names.sort();
    for (py, _) in &names {
        let _ = writeln!(out, "    {},", quoted(py));
    }
    out.push_str("    \"REQUEST_DEFAULTS\",\n]\n\n");
    // Aliases first (quoted names need no order), then the classes.
    for (py, name) in &names {
        let Some(schema) = defs.get(*name).and_then(Value::as_object) else {
            continue;
        };
        if !schema.contains_key("properties") && schema.get("type") != Some(&Value::from("object"))
        {
            if let Some(text) = schema.get("description").and_then(Value::as_str) {
                let _ = writeln!(out, "# {}", one_line(text));
            }
            let _ = writeln!(
                out,
                "{py} = {}\n",
                py_type(&Value::Object(schema.clone()), true, false)
            );
        }
    }
    out.push('\n');
    for (_, name) in &names {
        let Some(schema) = defs.get(*name).and_then(Value::as_object) else {
            continue;
        };
        if schema.contains_key("properties") || schema.get("type") == Some(&Value::from("object")) {
            class(&mut out, name, schema);
        }
    }
    let mut defaults: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    for (op, request, _) in &ops {
        let request = match request.get("$ref").and_then(Value::as_str) {
            Some(r) => defs.get(r.trim_start_matches(REF)).unwrap_or(request),
            None => request,
        };
        let found: Map<String, Value> = request
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| {
                p.iter()
                    .filter_map(|(k, v)| {
                        v.get("default")
                            .filter(|d| !d.is_null())
                            .map(|d| (k.clone(), d.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        defaults.insert(op, found);
    }
    out.push_str("# The defaults of each operation's parameters that are not null.\n");
    out.push_str("REQUEST_DEFAULTS: dict[str, dict[str, Any]] = {\n");
    for (op, found) in defaults {
        let mut found: Vec<_> = found.into_iter().collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let items: Vec<String> = found
            .iter()
            .map(|(k, v)| format!("{}: {}", quoted(k), python_literal(v)))
            .collect();
        let _ = writeln!(out, "    {}: {{{}}},", quoted(op), items.join(", "));
    }
    out.push_str("}\n");
    out
}

/// A JSON value as a Python literal.
fn python_literal(value: &Value) -> String {
    match value {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(python_literal)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Object(map) => {
            let items: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", quoted(k), python_literal(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        other => other.to_string(),
    }
}
