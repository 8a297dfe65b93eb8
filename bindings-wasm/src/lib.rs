//! The WebAssembly binding of `liaison` (npm `liaison-rules`): the contract of
//! `liaison::api`, one JS function per operation, and nothing else.
//!
//! - `call(op, request)` answers one request of the contract; `request` is an object with
//!   the operation's snake_case keys, or the same request as JSON text.
//! - Every operation is also a camelCase function (`decideVote`, `feedbackStatus`) whose
//!   positional parameters are the request's keys in the order of the `operations()`
//!   catalogue; `undefined` and `null` mean "absent". A test checks the list below against
//!   the catalogue: names, order and parameters.
//! - Without the default feature `full`, the forms-only build binds the forms, the four
//!   rules at the heart, the policy and the error and form catalogues (see `Cargo.toml`).
//! - Answers are the contract's JSON documents (snake_case keys), parsed with `JSON.parse`.
//! - Every bad input throws an `Error` named `LiaisonError` with the contract's error
//!   fields: `code`, `message`, `message_zh`, `loc` (a list of keys and indexes) and `rule`
//!   where one applies. A value that JSON cannot hold (NaN, a symbol, a function, a cycle,
//!   a `bigint` beyond 2^64 - 1) is `invalid_input` at its place.
//!
//! The TypeScript declarations are generated from the contract's Rust types
//! (`liaison::api::schema::typescript`) into `types.d.ts`; `core/tests/generated.rs` fails
//! when that file is out of date.

use js_sys::{Array, Object, JSON};
use liaison::error::{Detail, ErrorKind};
use liaison::{api, Error};
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../types.d.ts");

#[wasm_bindgen]
extern "C" {
    // Reading a JS value may run its getters and proxy traps: these may throw, and a throw
    // must come back here as an error rather than unwind through the module.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn entries(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// The nesting the core's JSON reader allows (`liaison::de::parse`); a cycle goes deeper.
const MAX_DEPTH: usize = 128;

/// A JS value as the JSON document it stands for, as `JSON.stringify` reads it (object
/// properties that are `undefined` are left out) except that numbers stay exact: a safe
/// integer or a `bigint` within `i64`/`u64` is an integer, any other number a float (which
/// the core refuses as a count). What JSON cannot hold (NaN, the infinities, a symbol, a
/// function, a `bigint` beyond 2^64 - 1, a cycle, a throwing getter or proxy) is
/// `invalid_input` at its place.
fn json(value: &JsValue, depth: usize) -> Result<Value, Error> {
    if value.is_null() || value.is_undefined() {
        Ok(Value::Null)
    } else if let Some(b) = value.as_bool() {
        Ok(Value::Bool(b))
    } else if let Some(n) = value.as_f64() {
        if n.fract() == 0.0 && n.abs() <= js_sys::Number::MAX_SAFE_INTEGER {
            Ok(Value::from(n as i64))
        } else {
            Number::from_f64(n).map(Value::Number).ok_or_else(not_json)
        }
    } else if let Some(s) = value.as_string() {
        Ok(Value::String(s))
    } else if value.is_bigint() {
        i64::try_from(value.clone())
            .map(Value::from)
            .or_else(|v| u64::try_from(v).map(Value::from))
            .map_err(|_| not_json())
    } else if !value.is_object() || depth >= MAX_DEPTH {
        Err(not_json())
    } else if is_array(value).map_err(|_| not_json())? {
        let items = entries(value).map_err(|_| not_json())?;
        let item = |(i, pair): (usize, JsValue)| {
            let pair: Array = pair.unchecked_into();
            json(&pair.get(1), depth + 1).map_err(|e| e.at(i))
        };
        items
            .iter()
            .enumerate()
            .map(item)
            .collect::<Result<_, _>>()
            .map(Value::Array)
    } else {
        let mut map = Map::new();
        for pair in entries(value).map_err(|_| not_json())?.iter() {
            let pair: Array = pair.unchecked_into();
            let (key, item) = (pair.get(0).as_string().unwrap_or_default(), pair.get(1));
            if !item.is_undefined() {
                map.insert(key.clone(), json(&item, depth + 1).map_err(|e| e.at(&key))?);
            }
        }
        Ok(Value::Object(map))
    }
}

/// A value that JSON cannot hold.
fn not_json() -> Error {
    ErrorKind::InvalidInput {
        detail: Detail::new(
            "not a JSON value: NaN, an infinity, a symbol, a function, a bigint beyond 2^64 - 1, a cycle or nesting deeper than the JSON reader allows, or an object whose properties cannot be read",
            "不是 JSON 值：NaN、无穷大、符号、函数、超出 2^64 - 1 的 bigint、循环引用或嵌套过深，或无法读取属性的对象",
        ),
    }
    .into()
}

/// An error of the contract as a thrown JS `Error` named `LiaisonError`, with the error's
/// JSON fields (`code`, `message`, `message_zh`, `loc`, `rule`?) as its properties.
fn thrown(e: &Error) -> JsValue {
    let error = js_sys::Error::new(&e.message());
    error.set_name("LiaisonError");
    if let Some(fields) = serde_json::to_string(e)
        .ok()
        .and_then(|text| JSON::parse(&text).ok())
    {
        Object::assign(&error, fields.unchecked_ref());
    }
    error.into()
}

/// JSON text of an answer as a JS value.
fn parsed(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text).map_err(|_| thrown(&internal()))
}

fn internal() -> Error {
    ErrorKind::Internal {
        detail: Detail::new("an answer cannot be passed to JS", "答案无法传给 JS"),
    }
    .into()
}

/// The answer of the contract as a JS value, or its error thrown.
fn reply(answer: liaison::Result<Value>) -> Result<JsValue, JsValue> {
    let text = answer.and_then(|value| serde_json::to_string(&value).map_err(|_| internal()));
    parsed(&text.map_err(|e| thrown(&e))?)
}

/// Runs `op` with the request made of the given parameters, absent ones left out.
type Op = fn(&Value, &api::Options) -> liaison::Result<Value>;
fn run<const N: usize>(op: Op, params: [(&str, JsValue); N]) -> Result<JsValue, JsValue> {
    let mut request = Map::new();
    for (key, value) in params {
        if !(value.is_undefined() || value.is_null()) {
            let value = json(&value, 0).map_err(|e| thrown(&e.at(key)))?;
            request.insert(key.to_string(), value);
        }
    }
    reply(op(&Value::Object(request), &api::Options::default()))
}

/// One JS function per operation: `name as jsName(params in catalogue order);`.
macro_rules! operations {
    ($($(#[$attr:meta])* $op:ident as $js:ident($($param:ident),*);)*) => {
        $(
            $(#[$attr])*
            #[wasm_bindgen(js_name = $js, skip_typescript)]
            pub fn $op($($param: JsValue),*) -> Result<JsValue, JsValue> {
                run(api::Op::$op, [$((stringify!($param), $param)),*])
            }
        )*

        /// Answers one request of the contract: `request` is an object of the operation's
        /// snake_case keys or the request as JSON text (read strictly).
        #[wasm_bindgen(skip_typescript)]
        pub fn call(op: JsValue, request: JsValue) -> Result<JsValue, JsValue> {
            let op = op.as_string().unwrap_or_default();
            let request = match request.as_string() {
                Some(text) => liaison::de::parse(&text),
                None => json(&request, 0),
            }.map_err(|e| thrown(&e))?;
            reply(match op.as_str() {
                $($(#[$attr])* stringify!($op) => api::Op::$op(&request, &api::Options::default()),)*
                _ => Err(api::unknown_operation(&op)),
            })
        }

        /// The operations of this build with their parameters, as bound.
        #[cfg(test)]
        fn bound() -> Vec<(&'static str, Vec<&'static str>)> {
            let mut out = Vec::new();
            $($(#[$attr])* out.extend(Some((stringify!($op), vec![$(stringify!($param)),*])));)*
            out
        }
    };
}

operations! {
    deadline as deadline(received, responsibility, policy);
    feedback_status as feedbackStatus(received, responsibility, fed_back, as_of, policy);
    evaluate_row as evaluateRow(received, responsibility, fed_back, as_of, policy);
    decide_vote as decideVote(approve, disapprove, abstain, policy, present, entitled);
    grade as grade(satisfied, basically_satisfied, dissatisfied, policy);
    consequences as consequences(years, policy);
    is_rest_day as isRestDay(date, policy);
    #[cfg(feature = "full")]
    check as check(dataset, start, end, as_of, policy, explain);
    #[cfg(feature = "full")]
    check_detailed as checkDetailed(dataset, start, end, as_of, policy, explain);
    #[cfg(feature = "full")]
    agenda as agenda(dataset, as_of, horizon_days, policy);
    validate_form as validateForm(kind, data, policy);
    form_schema as formSchema(kind, draft);
    form_fields as formFields(kind);
    redact as redact(kind, data);
    #[cfg(feature = "full")]
    generate_district as generateDistrict(seed, towns, villages_per_town, households_per_village, first_year, years, policy);
    #[cfg(feature = "full")]
    explain as explain(op, request);
    policy as policy(policy);
    #[cfg(feature = "full")]
    rules as rules();
    #[cfg(feature = "full")]
    finding_codes as findingCodes();
    error_codes as errorCodes();
    form_kinds as formKinds();
    field_error_codes as fieldErrorCodes();
    #[cfg(feature = "full")]
    operations as operations();
}

/// The Banan 2008 policy, complete: the source's values and the defaults of the ambiguities.
#[wasm_bindgen(js_name = policyBanan2008, unchecked_return_type = "Policy")]
pub fn policy_banan_2008() -> Result<JsValue, JsValue> {
    run(api::Op::policy, [])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_bound_with_the_catalogue_parameters() {
        let catalogue = api::operations();
        let bound = bound();
        for (op, params) in &bound {
            let info = catalogue.iter().find(|o| o.name == *op);
            assert_eq!(
                info.map(|o| &o.params),
                Some(&params.iter().map(|p| p.to_string()).collect()),
                "{op}"
            );
        }
        // Every operation, in the catalogue's order; the forms-only build a subsequence.
        let names: Vec<&str> = bound.iter().map(|(op, _)| *op).collect();
        let mut rest = api::OPERATIONS.iter();
        assert!(names.iter().all(|op| rest.any(|o| o == op)), "{names:?}");
        if cfg!(feature = "full") {
            assert_eq!(names, api::OPERATIONS);
        }
    }
}
