//! The contract as TypeScript declarations (feature `schema`), generated from the same JSON
//! Schemas as the OpenAPI document ([`contract`]), so that the npm package restates no shape
//! by hand. `bindings-wasm/types.d.ts` is this output, and `core/tests/generated.rs` fails
//! when it differs.
//!
//! The mapping:
//! - every definition is an `interface` (an object with properties) or a `type` (the rest);
//!   string enums and `oneOf` of constants are unions of string literals, `anyOf`/`oneOf`
//!   unions, `format: date` is `IsoDate` (ISO `YYYY-MM-DD` text), integers are `number`
//!   (a small range such as the digits 1-4 is a union of its literals), a schema that
//!   allows anything is `JsonValue`, and the schemas' descriptions are the doc comments;
//! - a property outside `required` is optional (`?`), `null` in its type is `| null`;
//!   in an answer, a property is present (no `?`) when serde always writes it: the schemas
//!   as written (schemars' serialize contract) require it, so a property skipped when
//!   empty (`skip_serializing_if`) stays optional;
//! - a definition used both in requests and in answers whose properties have defaults
//!   (`Policy`, `Dataset`, …) is declared twice: `Policy` as answered, every property
//!   present (serde writes a property with a default, and an optional one as `null`),
//!   and `PolicyInput` as read, those properties optional;
//! - the error is `ContractError` (its JSON) and `LiaisonError`, the JS `Error` with the
//!   same fields that every function throws; `ErrorCode` is the union of its codes;
//! - `Operations` maps each operation to its request and answer, for the generic
//!   `call(op, request)`; each operation is also a function of its own, named in camelCase,
//!   its parameters the request's keys in the order of the `operations` catalogue, typed
//!   by the request's own properties (`DeadlineRequest["received"]`); an optional one may
//!   also be `null`, which the functions read as absent.

use super::contract;
use crate::api::{operations, schemas};
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The prefix of every `$ref` of the contract.
const REF: &str = "#/components/schemas/";

/// The name of the error definition of [`contract`].
const ERROR: &str = "Error";

/// Words a TypeScript parameter cannot be named.
const RESERVED: &str = "break case catch class const continue debugger default delete do else \
    enum export extends false finally for function if import in instanceof new null return \
    super switch this throw true try typeof var void while with yield let static implements \
    interface package private protected public await";

/// Whether a type is read (a request) or written (an answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Input,
    Output,
}

/// The TypeScript declarations of every type and operation of the contract.
///
/// ```
/// let ts = liaison::api::schema::typescript::typescript();
/// assert!(ts.contains("export function decideVote(approve: DecideVoteRequest[\"approve\"], "));
/// assert!(ts.contains("export type VoteOutcome = "));
/// assert!(ts.contains("export interface LiaisonError extends globalThis.Error, ContractError {"));
/// ```
pub fn typescript() -> String {
    let (defs, ops) = contract();
    let infos = operations();
    let mut inputs = BTreeSet::new();
    let mut outputs = BTreeSet::new();
    for (_, request, answer) in &ops {
        reach(&defs, request, &mut inputs);
        reach(&defs, answer, &mut outputs);
    }
    let split = differing(&defs)
        .into_iter()
        .filter(|name| inputs.contains(name) && outputs.contains(name))
        .collect();
    let written = written();
    let ts = Ts {
        defs: &defs,
        split,
        written: &written,
    };

    let mut out = String::from(concat!(
        "// The TypeScript declarations of liaison's contract, generated from its Rust types by\n",
        "// `liaison::api::schema::typescript::typescript()`. Do not edit: `core/tests/generated.rs`\n",
        "// fails when this file differs, and writes it with LIAISON_UPDATE_GENERATED=1.\n\n",
        "/** An ISO `YYYY-MM-DD` date. */\n",
        "export type IsoDate = string;\n\n",
        "/** Any JSON value. */\n",
        "export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };\n",
    ));
    for (name, schema) in &defs {
        if name == ERROR {
            ts.error(&mut out, schema);
            continue;
        }
        let side = if outputs.contains(name) || !inputs.contains(name) {
            Side::Output
        } else {
            Side::Input
        };
        ts.definition(&mut out, name, schema, side);
        if ts.split.contains(name) {
            ts.definition(&mut out, &ts.name(name, Side::Input), schema, Side::Input);
        }
    }

    out.push_str("\n/** Every operation of the contract: its request and its answer. */\n");
    out.push_str("export interface Operations {\n");
    for (name, request, answer) in &ops {
        let summary = infos
            .iter()
            .find(|o| o.name == *name)
            .map(|o| o.summary.as_str());
        doc(&mut out, "  ", summary.unwrap_or_default());
        let _ = writeln!(
            out,
            "  {name}: {{ request: {}; answer: {} }};",
            ts.ty(request, Side::Input),
            ts.ty(answer, Side::Output)
        );
    }
    out.push_str("}\n\n/** The name of an operation (the `operations` catalogue). */\n");
    out.push_str("export type OperationName = keyof Operations;\n\n");
    doc(
        &mut out,
        "",
        "Answers one request of the contract: `request` is an object of the operation's parameters (snake_case keys) or the same request as JSON text.\n\n@throws {LiaisonError} every error of the operation, `unknown_operation`, `invalid_json`",
    );
    out.push_str("export function call<Op extends OperationName>(op: Op, request: Operations[Op][\"request\"] | string): Operations[Op][\"answer\"];\n");

    for (name, request, answer) in &ops {
        let Some(info) = infos.iter().find(|o| o.name == *name) else {
            continue;
        };
        let request_type = ts.ty(request, Side::Input);
        let (props, required) = ts.properties(request);
        let optional = |p: &String| !required.contains(p.as_str()) && props.contains_key(p);
        let params: Vec<String> = info
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // An optional parameter may also be `null`: absent, as `undefined`.
                let rest_optional = info.params.iter().skip(i).all(optional);
                let mark = if rest_optional { "?" } else { "" };
                let null = if optional(p) { " | null" } else { "" };
                let ident = if RESERVED.split_whitespace().any(|w| w == p) {
                    format!("{p}_")
                } else {
                    p.clone()
                };
                let key = literal(&Value::from(p.as_str()));
                format!("{ident}{mark}: {request_type}[{key}]{null}")
            })
            .collect();
        let rules = if info.rule.is_empty() {
            String::new()
        } else {
            format!(" Rules: {}.", info.rule)
        };
        let throws = if params.is_empty() {
            ""
        } else {
            "\n\n@throws {LiaisonError} on bad input (see `errorCodes()`)"
        };
        out.push('\n');
        doc(&mut out, "", &format!("{}{rules}{throws}", info.summary));
        let _ = writeln!(
            out,
            "export function {}({}): {};",
            camel(name),
            params.join(", "),
            ts.ty(answer, Side::Output)
        );
    }
    out
}

/// An operation's JS name: `feedback_status` → `feedbackStatus`.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// The definitions as serde writes them (schemars' serialize contract): there a property is
/// required when it is always written, and not when it may be skipped (`skip_serializing_if`).
fn written() -> Map<String, Value> {
    let mut generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    let _ = schemas(&mut generator);
    generator.take_definitions(true)
}

/// The definitions of the contract and which of them are read and written differently.
struct Ts<'a> {
    defs: &'a Map<String, Value>,
    /// Definitions declared twice, `Name` as answered and `NameInput` as read.
    split: BTreeSet<String>,
    /// The definitions as written ([`written`]), which say what an answer always holds.
    written: &'a Map<String, Value>,
}

impl Ts<'_> {
    /// The name of a definition on one side.
    fn name(&self, def: &str, side: Side) -> String {
        if def == ERROR {
            // Not `Error`, the global class `LiaisonError` extends.
            "ContractError".to_string()
        } else if side == Side::Input && self.split.contains(def) {
            format!("{def}Input")
        } else {
            def.to_string()
        }
    }

    /// The properties and required keys of an object schema or of the definition it refers to.
    fn properties(&self, schema: &Value) -> (Map<String, Value>, BTreeSet<String>) {
        let schema = match ref_name(schema) {
            Some(def) => self.defs.get(def).unwrap_or(schema),
            None => schema,
        };
        let props = schema
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let required = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        (props, required)
    }

    /// One definition: an interface for an object with properties, a type otherwise.
    fn definition(&self, out: &mut String, name: &str, schema: &Value, side: Side) {
        out.push('\n');
        doc(out, "", description(schema));
        if is_interface(schema) {
            let _ = writeln!(out, "export interface {name} {{");
            self.members(out, schema, side, &[], name);
            out.push_str("}\n");
        } else {
            let _ = writeln!(out, "export type {name} = {};", self.ty(schema, side));
        }
    }

    /// The error: `ErrorCode`, `ContractError` (the error as JSON) and `LiaisonError`, the
    /// JS `Error` that carries the same fields.
    fn error(&self, out: &mut String, schema: &Value) {
        let code = schema.pointer("/properties/code").unwrap_or(&Value::Null);
        out.push('\n');
        doc(
            out,
            "",
            "A stable error code (the `errorCodes()` catalogue).",
        );
        let _ = writeln!(
            out,
            "export type ErrorCode = {};",
            self.ty(code, Side::Output)
        );
        out.push('\n');
        doc(out, "", description(schema));
        let _ = writeln!(
            out,
            "export interface {} {{",
            self.name(ERROR, Side::Output)
        );
        self.members(out, schema, Side::Output, &[("code", "ErrorCode")], ERROR);
        out.push_str("}\n\n");
        doc(
            out,
            "",
            "What every function of the package throws on bad input: a JS `Error` named `LiaisonError` with the fields of the error.",
        );
        let _ = writeln!(
            out,
            "export interface LiaisonError extends globalThis.Error, {} {{\n  name: \"LiaisonError\";\n}}",
            self.name(ERROR, Side::Output)
        );
    }

    /// The members of the interface of definition `def`; `types` overrides the type of some
    /// properties.
    fn members(
        &self,
        out: &mut String,
        schema: &Value,
        side: Side,
        types: &[(&str, &str)],
        def: &str,
    ) {
        let (props, required) = self.properties(schema);
        // What an answer always holds: the properties the schema as written requires, or
        // (for a definition it lacks) those with a default or a `null`.
        let always = match self.written.get(def) {
            Some(written) if side == Side::Output => Some(self.properties(written).1),
            _ => None,
        };
        for (key, prop) in &props {
            let present = match &always {
                Some(always) => always.contains(key.as_str()),
                None => {
                    required.contains(key.as_str())
                        || (side == Side::Output
                            && (prop.get("default").is_some() || nullable(prop)))
                }
            };
            let ty = match types.iter().find(|(k, _)| k == key) {
                Some((_, ty)) => ty.to_string(),
                None => self.ty(prop, side),
            };
            doc(out, "  ", description(prop));
            let mark = if present { "" } else { "?" };
            let _ = writeln!(out, "  {}{mark}: {ty};", property_key(key));
        }
    }

    /// The type of a schema.
    fn ty(&self, schema: &Value, side: Side) -> String {
        let Some(o) = schema.as_object() else {
            return if schema == &Value::Bool(false) {
                "never".to_string()
            } else {
                "JsonValue".to_string()
            };
        };
        if let Some(def) = ref_name(schema) {
            return self.name(def, side);
        }
        if let Some(value) = o.get("const") {
            return literal(value);
        }
        if let Some(Value::Array(values)) = o.get("enum") {
            return union(values.iter().map(literal));
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(Value::Array(alternatives)) = o.get(key) {
                return union(alternatives.iter().map(|a| self.ty(a, side)));
            }
        }
        match o.get("type") {
            Some(Value::String(t)) => self.of_type(o, t, side),
            Some(Value::Array(types)) => union(
                types
                    .iter()
                    .map(|t| self.of_type(o, t.as_str().unwrap_or_default(), side)),
            ),
            _ => "JsonValue".to_string(),
        }
    }

    /// The type of a schema of one JSON type.
    fn of_type(&self, o: &Map<String, Value>, t: &str, side: Side) -> String {
        match t {
            "string" if o.get("format").and_then(Value::as_str) == Some("date") => {
                "IsoDate".to_string()
            }
            "string" => "string".to_string(),
            "integer" => {
                let bound = |k: &str| o.get(k).and_then(Value::as_i64);
                match (bound("minimum"), bound("maximum")) {
                    (Some(lo), Some(hi)) if lo <= hi && hi - lo < 16 => {
                        union((lo..=hi).map(|n| n.to_string()))
                    }
                    _ => "number".to_string(),
                }
            }
            "number" => "number".to_string(),
            "boolean" => "boolean".to_string(),
            "null" => "null".to_string(),
            "array" => {
                let items = o.get("items").unwrap_or(&Value::Bool(true));
                format!("{}[]", parenthesised(self.ty(items, side)))
            }
            "object" => {
                let (props, required) = self.properties(&Value::Object(o.clone()));
                if props.is_empty() {
                    return match o.get("additionalProperties") {
                        Some(Value::Bool(false)) => "Record<string, never>".to_string(),
                        Some(v @ Value::Object(_)) => {
                            format!("{{ [key: string]: {} }}", self.ty(v, side))
                        }
                        _ => "{ [key: string]: JsonValue }".to_string(),
                    };
                }
                let members: Vec<String> = props
                    .iter()
                    .map(|(k, v)| {
                        let mark = if required.contains(k.as_str()) {
                            ""
                        } else {
                            "?"
                        };
                        format!("{}{mark}: {}", property_key(k), self.ty(v, side))
                    })
                    .collect();
                format!("{{ {} }}", members.join("; "))
            }
            _ => "JsonValue".to_string(),
        }
    }
}

/// Whether a definition is declared as an interface: an object with properties or none.
fn is_interface(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("object")
        && !matches!(schema.get("additionalProperties"), Some(Value::Object(_)))
}

/// The definition a schema refers to.
fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix(REF)
}

/// Adds every definition `schema` refers to, directly or not, to `seen`.
fn reach(defs: &Map<String, Value>, schema: &Value, seen: &mut BTreeSet<String>) {
    let mut names = Vec::new();
    refs(schema, &mut names);
    for name in names {
        if seen.insert(name.clone()) {
            if let Some(def) = defs.get(&name) {
                reach(defs, def, seen);
            }
        }
    }
}

/// The definitions a schema refers to directly (defaults and examples are values, skipped).
fn refs(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(o) => {
            if let Some(name) = ref_name(schema) {
                out.push(name.to_string());
            }
            for (key, value) in o {
                if !matches!(key.as_str(), "default" | "examples" | "const" | "enum") {
                    refs(value, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// The definitions whose properties are read and written differently: a property with a
/// default or a `null` is optional when read and always written; and every definition that
/// refers to one of those.
fn differing(defs: &Map<String, Value>) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = defs
        .iter()
        .filter(|(_, schema)| {
            let required: Vec<&Value> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().collect())
                .unwrap_or_default();
            schema
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|props| {
                    props.iter().any(|(k, p)| {
                        !required.contains(&&Value::from(k.as_str()))
                            && (p.get("default").is_some() || nullable(p))
                    })
                })
        })
        .map(|(name, _)| name.clone())
        .collect();
    loop {
        let more: Vec<String> = defs
            .iter()
            .filter(|(name, _)| !out.contains(*name))
            .filter(|(_, schema)| {
                let mut names = Vec::new();
                refs(schema, &mut names);
                names.iter().any(|n| out.contains(n))
            })
            .map(|(name, _)| name.clone())
            .collect();
        if more.is_empty() {
            return out;
        }
        out.extend(more);
    }
}

/// Whether a schema allows `null`.
fn nullable(schema: &Value) -> bool {
    let null = Value::from("null");
    match schema.get("type") {
        Some(Value::Array(types)) if types.contains(&null) => return true,
        Some(t) if t == &null => return true,
        _ => {}
    }
    ["anyOf", "oneOf"].iter().any(|k| {
        schema
            .get(*k)
            .and_then(Value::as_array)
            .is_some_and(|alternatives| alternatives.iter().any(nullable))
    })
}

/// The description of a schema, or nothing.
fn description(schema: &Value) -> &str {
    schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// A JSON value as a TypeScript literal type.
fn literal(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "never".to_string())
}

/// The union of some types, each once, in order.
fn union(types: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for t in types {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    if seen.is_empty() {
        return "never".to_string();
    }
    seen.join(" | ")
}

/// A type as the element of an array type.
fn parenthesised(ty: String) -> String {
    if ty.contains(" | ") {
        format!("({ty})")
    } else {
        ty
    }
}

/// A property name, quoted when it is not an identifier.
fn property_key(key: &str) -> String {
    let identifier = !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        key.to_string()
    } else {
        literal(&Value::from(key))
    }
}

/// A doc comment; nothing for an empty text.
fn doc(out: &mut String, indent: &str, text: &str) {
    let text = text.trim().replace("*/", "*\\/");
    if text.is_empty() {
        return;
    }
    if !text.contains('\n') {
        let _ = writeln!(out, "{indent}/** {text} */");
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    for line in text.lines() {
        if line.trim().is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {}", line.trim_end());
        }
    }
    let _ = writeln!(out, "{indent} */");
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn names_and_types() {
        assert_eq!(camel("feedback_status"), "feedbackStatus");
        assert_eq!(camel("rules"), "rules");
        let defs = Map::new();
        let written = Map::new();
        let ts = Ts {
            defs: &defs,
            split: BTreeSet::new(),
            written: &written,
        };
        let ty = |s: Value| ts.ty(&s, Side::Output);
        assert_eq!(
            ty(serde_json::json!({"type": ["string", "null"], "format": "date"})),
            "IsoDate | null"
        );
        assert_eq!(
            ty(serde_json::json!({"type": "integer", "minimum": 1, "maximum": 4})),
            "1 | 2 | 3 | 4"
        );
        assert_eq!(
            ty(serde_json::json!({"type": "integer", "minimum": 0, "maximum": 255})),
            "number"
        );
        assert_eq!(
            ty(
                serde_json::json!({"type": "array", "items": {"anyOf": [{"type": "integer"}, {"type": "string"}]}})
            ),
            "(number | string)[]"
        );
        assert_eq!(
            ty(serde_json::json!({"oneOf": [{"const": "a"}, {"const": "b"}]})),
            "\"a\" | \"b\""
        );
        assert_eq!(ty(serde_json::json!(true)), "JsonValue");
        assert_eq!(
            ty(
                serde_json::json!({"type": "object", "properties": {"a b": {"type": "string"}}, "required": []})
            ),
            "{ \"a b\"?: string }"
        );
    }

    #[test]
    fn a_property_with_a_default_is_optional_when_read_and_present_when_written() {
        let ts = typescript();
        assert!(ts.contains("export interface Policy {\n"));
        assert!(ts.contains("export interface PolicyInput {\n"));
        let body = |name: &str| {
            let start = ts.find(&format!("export interface {name} {{\n")).unwrap();
            let end = start + ts[start..].find("\n}\n").unwrap();
            ts[start..end].to_string()
        };
        assert!(body("Policy").contains("  within_remit_days: number;"));
        assert!(body("PolicyInput").contains("  within_remit_days?: number;"));
        // Threshold has no defaults: one declaration serves both sides.
        assert!(body("PolicyInput").contains("  vote_quorum?: Threshold | null;"));
        assert!(!ts.contains("ThresholdInput"));
        assert!(body("PolicyInput").contains("  calendar_years?: CalendarYearInput[];"));
        assert!(body("Tally").contains("  rate_permille: number | null;"));
        assert!(body("Report").contains("  outcomes: Outcome[] | null;"));
        assert!(body("DeadlineRequest").contains("  policy?: PolicyInput | null;"));
        // Skipped when empty (`skip_serializing_if`): optional in an answer too.
        assert!(body("Finding").contains("  counted?: Counted[] | null;"));
        assert!(body("Finding").contains("  provisional: boolean;"));
        assert!(body("Step").contains("  words?: string | null;"));
    }
}
