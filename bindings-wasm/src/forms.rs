//! The five paper forms F1–F5 (`docs/forms.md`): validation, JSON Schema, redaction and
//! the field list. As everywhere in this crate: convert, call the core, convert back.
//!
//! Form documents are not key-renamed: their snake_case keys are the documented JSON names
//! of the paper forms in every language, and the paths of the errors refer to them. So a
//! document crosses as it is, and `redact` and `formSchema` return the core's JSON as it
//! is; only the keys of the result wrappers (`messageZh`, `labelZh`) are camelCase.

use crate::{core, internal_error, policy, to_js, JsResult};
use liaison::forms;
use liaison::Error;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_FORMS: &str = r#"
/** The five paper forms (附件1–5): F1 reception record … F5 feedback slip. */
export type FormKind =
  | "reception_record" | "assignment_slip" | "visit_diary" | "register_entry" | "feedback_slip";

/** The code of a problem of a form document: one of `fieldErrorCodes()`. */
export type FieldErrorCode =
  | "required" | "unknown_field" | "invalid_type" | "invalid_date" | "invalid_phone"
  | "date_order" | "out_of_range" | "invalid_amount" | "invalid_choice" | "invalid_serial"
  | "deadline_mismatch" | "calendar_not_covered" | "closed_incomplete" | "inconsistent"
  | "too_long";

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A form document: snake_case keys as printed in docs/forms.md (`visitor.phone`,
 * `members[2].age`), the same in every language (never camelCased).
 */
export type FormDocument = { [key: string]: JsonValue };

/** One problem of a form document. */
export interface FieldError {
  /** Where, with the form's snake_case keys: `visitor.phone`, `members[2].age`; `""` for the document. */
  path: string;
  code: FieldErrorCode;
  /** In English; names the field, never a value typed into it. */
  message: string;
  /** In Chinese, naming the field by its labels on the paper form. */
  messageZh: string;
  /** The rule ids (`F1`, `S1.8`, `S5.1 A1 A2`, …), space-separated. */
  rule: string;
}

/** The result of `validateForm`: `valid` exactly when `errors` is empty. */
export interface ValidationResult {
  valid: boolean;
  /** Every problem, in the order of the paper form. */
  errors: FieldError[];
}

/** What a field holds (`FormField.kind`). */
export type FieldKind =
  | "text" | "name" | "address" | "phone" | "date" | "integer" | "money" | "area" | "flag"
  | "choice" | "serial" | "responsibility" | "object" | "list";

/** One field of a form, as listed by `formFields`. */
export interface FormField {
  /** The path with `[]` for the items of a list: `visitor.phone`, `members[].age`. */
  path: string;
  /** The Chinese label printed on the paper form. */
  labelZh: string;
  /** What the field holds, in English. */
  description: string;
  kind: FieldKind;
  /** Required (inside its group or list item). */
  required: boolean;
  /** The rule ids it comes from, space-separated. */
  rule: string;
}

/** A JSON Schema (draft 2020-12) of a form, with its keys exactly as the core writes them. */
export interface FormSchema {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  /** `urn:liaison:form:<kind>`. */
  $id: string;
  /** The form's Chinese title. */
  title: string;
  description: string;
  type: "object";
  /** Every field, keyed by its snake_case name, each with a Chinese `title`. */
  properties: { [key: string]: JsonValue };
  required: string[];
  additionalProperties: false;
  "x-kind": FormKind;
  "x-rule": string;
  /** The cross-field rules, which only `validateForm` checks. */
  "x-rules": string[];
  /** The paper's order of the fields. */
  "x-order": string[];
  [key: string]: JsonValue | undefined;
}
"#;

/// The kind as text; anything else is passed on as text the core refuses with its own
/// error (`invalid_input` on `kind`).
fn kind(value: &JsValue) -> String {
    value.as_string().unwrap_or_default()
}

/// A form document as JSON, keys unchanged. `undefined` becomes `null` (which the
/// validator reports as not an object); what JSON cannot hold at all (a `bigint`, a cycle)
/// is an `invalid_input` error on `data`.
fn document(value: &JsValue) -> liaison::Result<Value> {
    let not_json = || Error::InvalidInput {
        field: "data".to_string(),
        detail: "not JSON (it holds a bigint, a cycle or a value that cannot be written as JSON)"
            .to_string(),
    };
    let text = js_sys::JSON::stringify(value).map_err(|_| not_json())?;
    match text.as_string() {
        // `JSON.stringify(undefined)` and the like give `undefined`.
        None => Ok(Value::Null),
        Some(text) => serde_json::from_str(&text).map_err(|_| not_json()),
    }
}

/// A core value as JS, keys unchanged (form documents and schemas).
fn to_js_as_is<T: Serialize>(value: &T) -> JsResult<JsValue> {
    let json = serde_json::to_string(value).map_err(|e| internal_error(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| internal_error("result is not JSON"))
}

/// F1–F5, S1.8, S1.9, S2.5, S5.1–S5.6: checks a form document and returns every problem
/// at once, each with its `path` (the form's snake_case keys: `visitor.phone`,
/// `members[2].age`), `code`, English `message`, Chinese `messageZh` and `rule`. The
/// document's keys are the form's snake_case field names (docs/forms.md), not camelCase.
/// Problems of the document are never thrown: they are the result. The policy matters for
/// the "1234" deadlines of F2 and F4.
///
/// @throws {LiaisonError} `invalid_input` on `kind` for an unknown kind, on `data` for a
/// value that cannot be written as JSON (a `bigint`, a cycle); `invalid_policy`,
/// `invalid_calendar`
#[wasm_bindgen(js_name = validateForm, unchecked_return_type = "ValidationResult")]
pub fn validate_form_js(
    #[wasm_bindgen(unchecked_param_type = "FormKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] data: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    let kind = self::kind(&kind);
    let data = core(document(&data))?;
    let policy = core(self::policy(&policy))?;
    to_js(&core(forms::validate_form(&kind, &data, &policy))?)
}

/// F1–F5: the JSON Schema (draft 2020-12) of a form, with the Chinese titles, for form
/// builders; keys exactly as the core writes them (`additionalProperties`, `x-order`, the
/// form's snake_case field names).
///
/// @throws {LiaisonError} `invalid_input` on `kind` for an unknown kind
#[wasm_bindgen(js_name = formSchema, unchecked_return_type = "FormSchema")]
pub fn form_schema_js(
    #[wasm_bindgen(unchecked_param_type = "FormKind")] kind: JsValue,
) -> JsResult<JsValue> {
    to_js_as_is(&core(forms::form_schema(&self::kind(&kind)))?)
}

/// PIPL art. 51: a copy of a form document for export with names (张三丰 → 张**), phones
/// (13812341234 → 138****1234), addresses and ID numbers masked; everything else, keys
/// included, unchanged. Works on invalid documents too.
///
/// @throws {LiaisonError} `invalid_input` on `kind` for an unknown kind, on `data` for a
/// value that cannot be written as JSON
#[wasm_bindgen(js_name = redact, unchecked_return_type = "FormDocument")]
pub fn redact_js(
    #[wasm_bindgen(unchecked_param_type = "FormKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object")] data: JsValue,
) -> JsResult<JsValue> {
    let kind = self::kind(&kind);
    let data = core(document(&data))?;
    to_js_as_is(&core(forms::redact(&kind, &data))?)
}

/// F1–F5: every field of a form in the order of the paper form, groups before their
/// fields, with its Chinese label — for column headers and form builders.
///
/// @throws {LiaisonError} `invalid_input` on `kind` for an unknown kind
#[wasm_bindgen(js_name = formFields, unchecked_return_type = "FormField[]")]
pub fn form_fields_js(
    #[wasm_bindgen(unchecked_param_type = "FormKind")] kind: JsValue,
) -> JsResult<JsValue> {
    to_js(&core(forms::form_fields(&self::kind(&kind)))?)
}

/// Every code a `FieldError` can have, in the core's order.
#[wasm_bindgen(js_name = fieldErrorCodes, unchecked_return_type = "FieldErrorCode[]")]
pub fn field_error_codes_js() -> JsValue {
    forms::FIELD_ERROR_CODES
        .iter()
        .map(|c| JsValue::from(*c))
        .collect::<js_sys::Array>()
        .into()
}
