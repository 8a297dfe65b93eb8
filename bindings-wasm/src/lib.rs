//! WebAssembly binding of `liaison` (package `liaison-wasm`).
//!
//! The core decides everything; this crate only converts JS arguments into core types,
//! calls the core and converts the result back. It holds no rule, threshold or date
//! arithmetic. Conventions (see `shared/spec/API.md`):
//!
//! - functions and object keys are camelCase in JS (`decideVote`, `basicallySatisfied`),
//!   datasets and reports included (`householdEvents`, `byRule`); enum values are the core's
//!   snake_case strings (`not_adopted`, `on_time`, `not_met`);
//! - except form documents (F1–F5, `forms.rs`): their snake_case keys are the forms' field
//!   names in every language, so documents, redacted documents and schemas cross unchanged;
//!   only the keys of the result wrappers are camelCase (`messageZh`, `labelZh`);
//! - dates are ISO `YYYY-MM-DD` strings; counts are numbers that must be safe non-negative
//!   integers (as an argument, a `bigint` up to 2^64 − 1 is accepted too; inside a dataset
//!   or policy object, which crosses as JSON, a count is a number);
//! - optional parameters may be `undefined` or `null`; a missing policy is Banan 2008;
//! - every bad input throws an `Error` named `LiaisonError` with `code`, `messageZh` and
//!   `field` (the core's snake_case field or path, `undefined` when there is none).

use chrono::NaiveDate;
use js_sys::Reflect;
use liaison::convert::{count_from_f64, from_value, parse_date, MAX_SAFE_INTEGER};
use liaison::{Attendance, Error, Policy, Responsibility, YearEvaluation};
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

#[cfg(feature = "compliance")]
mod compliance;
mod forms;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A stable error code: one of `errorCodes()`. */
export type ErrorCode =
  | "calendar_not_covered" | "date_out_of_range" | "invalid_date" | "invalid_count"
  | "invalid_responsibility" | "invalid_grade" | "no_ballots" | "feedback_before_receipt"
  | "as_of_before_receipt" | "as_of_required" | "attendance_required" | "invalid_attendance"
  | "duplicate_year" | "invalid_input" | "unknown_reference" | "duplicate_id" | "invalid_period"
  | "after_as_of" | "io_error" | "invalid_policy" | "invalid_calendar";

/** What every function of this package throws on bad input. */
export interface LiaisonError extends Error {
  name: "LiaisonError";
  /** Stable snake_case code. */
  code: ErrorCode;
  /** The message in Chinese (`message` is the English one). */
  messageZh: string;
  /** The parameter or path concerned, snake_case as in every language (`as_of`, `years[0].dissatisfied`). */
  field: string | undefined;
}

/** An ISO `YYYY-MM-DD` date. */
export type IsoDate = string;
/** A non-negative safe integer (a `bigint` up to 2^64 - 1 is accepted too). */
export type Count = number | bigint;

export type ResponsibilityName = "within_remit" | "outside_remit" | "unresolvable" | "lead_unit";
export type ResponsibilityLabel = "职责内" | "职责外" | "不能解决" | "牵头解决";
/** A responsibility class of S5: its name, its digit 1-4 (number or string) or its Chinese label. */
export type ResponsibilityInput =
  | ResponsibilityName | ResponsibilityLabel | 1 | 2 | 3 | 4 | "1" | "2" | "3" | "4"
  | (string & {}) | number;

export type Status = "on_time" | "late" | "open" | "overdue";
export interface FeedbackStatus {
  /** The last day on which the matter may be finished and fed back. */
  deadline: IsoDate;
  status: Status;
  /** Days to spare, late, left or overdue: never negative. */
  days: number;
}

export type VoteOutcome = "adopted" | "rejected" | "not_adopted" | "no_quorum";
export type Grade = "excellent" | "qualified" | "undetermined" | "unqualified";

export interface YearEvaluation {
  year: number;
  satisfied: number;
  basicallySatisfied?: number;
  dissatisfied?: number;
  /** The combined evaluation grade; the ballot's grade when absent. */
  combined?: Grade | null;
}
export type Action = "rectify" | "resign";
export type Reason = "dissatisfaction_over_half" | "combined_unqualified" | "unqualified_two_years";
export interface Consequence {
  year: number;
  action: Action;
  reason: Reason;
}

/** A bound on a share: "达到/及以上" (`inclusive`) or "超过" (not inclusive). */
export interface Threshold {
  numerator: number;
  denominator: number;
  inclusive: boolean;
}
export interface RestPeriod {
  name: string;
  from: IsoDate;
  to: IsoDate;
}
export interface CalendarYear {
  year: number;
  notice?: string;
  docNo?: string | null;
  published?: IsoDate | null;
  restDays?: RestPeriod[];
  workingDays?: IsoDate[];
}
export type VoteBase = "ballots" | "present" | "entitled";
export type BasicallySatisfiedAs = "neither" | "satisfied" | "dissatisfied";
export type DayCount = "calendar" | "working";

/** Every parameter of the rules (camelCase keys of the snake_case policy JSON). */
export interface Policy {
  name: string;
  /** The rules `check` judges: rule ids (`S5.1`) or systems (`S1`); empty judges every rule. */
  rules: string[];
  districtSecretaryReceptionsPerYear: number;
  townSecretaryReceptionsPerMonth: number;
  villageSecretaryReceptionsPerWeek: number;
  receptionMinMinutes: number;
  rotationTurnsPerMember: number;
  districtLeaderVisitsPerYear: number;
  townMemberVisitsPerYear: number;
  villageVisitsPerHouseholdPerTerm: number;
  mustVisitWindowDays: number;
  analysisMeetingsPerMonth: number;
  termYears: number;
  annualCommitmentByMonth: number;
  annualCommitmentByDay: number;
  voteAdopt: Threshold;
  voteReject: Threshold;
  voteBase: VoteBase;
  voteQuorum: Threshold | null;
  gradeUnqualified: Threshold;
  gradeQualified: Threshold;
  gradeExcellent: Threshold;
  basicallySatisfiedAs: BasicallySatisfiedAs;
  undeterminedAs: Grade | null;
  rectifyDissatisfied: Threshold;
  resignAfterUnqualifiedYears: number;
  branchLinkDeedsPerYear: number;
  pairingMinFenPerYear: number;
  industryVillageDeedsPerYear: number;
  massOrganisationDeedsPerYear: number;
  withinRemitDays: number;
  outsideRemitDays: number;
  unresolvableDays: number;
  leadUnitDays: number;
  countReceiptDay: boolean;
  dayCount: DayCount;
  moveRestDay: boolean;
  calendarBuiltin: boolean;
  calendarYears: CalendarYear[];
}
/** A policy naming only some fields: the rest are Banan 2008's. Unknown keys are an error. */
export type PolicyInput = Partial<Policy>;
"#;

// ---------------------------------------------------------------------------------------
// Errors

/// A core error as a thrown JS `Error` with `code`, `messageZh` and `field`.
fn to_js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("LiaisonError");
    let field = e.field().map_or(JsValue::UNDEFINED, JsValue::from);
    for (key, value) in [
        ("code", JsValue::from(e.code())),
        ("messageZh", JsValue::from(e.message_zh())),
        ("field", field),
    ] {
        // Setting a property on a fresh Error cannot fail.
        let _ = Reflect::set(&err, &JsValue::from(key), &value);
    }
    err.into()
}

/// A failure of this binding itself (never expected): a plain `Error` without a code.
fn internal_error(what: &str) -> JsValue {
    js_sys::Error::new(&format!("liaison-wasm internal error: {what}")).into()
}

type JsResult<T> = Result<T, JsValue>;

fn core<T>(result: liaison::Result<T>) -> JsResult<T> {
    result.map_err(|e| to_js_error(&e))
}

// ---------------------------------------------------------------------------------------
// Arguments

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

fn date(field: &str, value: &JsValue) -> liaison::Result<NaiveDate> {
    match value.as_string() {
        Some(text) => parse_date(field, &text),
        None => Err(Error::InvalidDate {
            field: field.to_string(),
        }),
    }
}

fn optional_date(field: &str, value: &JsValue) -> liaison::Result<Option<NaiveDate>> {
    if is_absent(value) {
        Ok(None)
    } else {
        date(field, value).map(Some)
    }
}

/// A count: a JS number checked by the core, or a `bigint` that fits in a `u64`.
fn count(field: &str, value: &JsValue) -> liaison::Result<u64> {
    if let Some(n) = value.as_f64() {
        return count_from_f64(field, n);
    }
    if value.is_bigint() {
        if let Ok(n) = u64::try_from(value.clone()) {
            return Ok(n);
        }
    }
    Err(Error::InvalidCount {
        field: field.to_string(),
    })
}

fn optional_count(field: &str, value: &JsValue) -> liaison::Result<Option<u64>> {
    if is_absent(value) {
        Ok(None)
    } else {
        count(field, value).map(Some)
    }
}

/// The responsibility class, read by the core from its name, digit or label. Numbers and
/// other values are read as the text JS or Rust would print for them.
fn responsibility(value: &JsValue) -> liaison::Result<Responsibility> {
    let text = if let Some(s) = value.as_string() {
        s
    } else if let Some(n) = value.as_f64() {
        n.to_string()
    } else if value.is_bigint() {
        u64::try_from(value.clone()).map_or_else(|_| "bigint".to_string(), |n| n.to_string())
    } else if let Some(b) = value.as_bool() {
        b.to_string()
    } else if value.is_null() {
        "null".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    };
    text.parse()
}

/// A JS value as JSON through `JSON.stringify` (so `toJSON` applies and `undefined`
/// properties drop out). What JSON cannot hold (a `bigint`, a cycle, `undefined` itself)
/// becomes `null`, which the core then rejects with its own code.
fn js_to_json(value: &JsValue) -> Value {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| JsValue::from(s).as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

fn camel_to_snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn snake_to_camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Renames the keys of JS input (camelCase) to the core's snake_case, recursively. A key
/// that is not camelCase (`basically_satisfied`, `a__b`, `Units`) would not survive the
/// renaming back or would start with `_`, and is refused: the error is the path to it. An integer beyond JS's safe range was
/// rounded by JS, so it is passed on as a float, which the core refuses as a count.
fn keys_to_snake(value: Value, path: &str) -> Result<Value, String> {
    rename_to_snake(value).map_err(|mut steps| {
        // The steps come innermost first; the path is written only for the error.
        let mut out = path.to_string();
        while let Some(step) = steps.pop() {
            match step {
                Step::Key(key) if out.is_empty() => out = key,
                Step::Key(key) => {
                    out.push('.');
                    out.push_str(&key);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    })
}

/// One step of the path to a refused key.
enum Step {
    Key(String),
    Index(usize),
}

fn rename_to_snake(value: Value) -> Result<Value, Vec<Step>> {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, v) in map {
                let snake = camel_to_snake(&key);
                if snake_to_camel(&snake) != key || snake.starts_with('_') {
                    return Err(vec![Step::Key(key)]);
                }
                match rename_to_snake(v) {
                    Ok(v) => {
                        out.insert(snake, v);
                    }
                    Err(mut steps) => {
                        steps.push(Step::Key(snake));
                        return Err(steps);
                    }
                }
            }
            Ok(Value::Object(out))
        }
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                rename_to_snake(v).map_err(|mut steps| {
                    steps.push(Step::Index(i));
                    steps
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Value::Number(n) => {
            let safe = n.as_u64().is_none_or(|u| u as f64 <= MAX_SAFE_INTEGER)
                && n.as_i64().is_none_or(|i| i as f64 >= -MAX_SAFE_INTEGER);
            if safe {
                Ok(Value::Number(n))
            } else {
                Ok(n.as_f64().map_or(Value::Null, Value::from))
            }
        }
        other => Ok(other),
    }
}

/// A JS policy object (camelCase keys) loaded by the core's strict loader; Banan 2008
/// when absent.
fn policy(value: &JsValue) -> liaison::Result<Policy> {
    if is_absent(value) {
        return Ok(Policy::banan_2008());
    }
    let json = keys_to_snake(js_to_json(value), "").map_err(|key| Error::InvalidPolicy {
        detail: format!("unknown key `{key}` (policy keys are camelCase in JS)"),
    })?;
    Policy::from_json(&json.to_string())
}

// ---------------------------------------------------------------------------------------
// Results

/// A core result as a JS value with camelCase keys, in the order the core declares them.
/// The keys are renamed in the JSON text, so that one `JSON.parse` builds the whole value
/// (a large report holds hundreds of thousands of keys).
fn to_js<T: Serialize>(value: &T) -> JsResult<JsValue> {
    let json = serde_json::to_string(value).map_err(|e| internal_error(&e.to_string()))?;
    js_sys::JSON::parse(&camel_keys(&json)).map_err(|_| internal_error("result is not JSON"))
}

/// Renames every object key of JSON text from snake_case to camelCase (as
/// [`snake_to_camel`]), leaving every value, string values included, as it is.
fn camel_keys(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    // For each open bracket: whether it is an object's.
    let mut objects: Vec<bool> = Vec::new();
    let mut key_next = false;
    let (mut in_string, mut in_key, mut escaped, mut upper) = (false, false, false, false);
    for c in json.chars() {
        if in_string {
            if escaped {
                escaped = false;
                out.push(c);
                continue;
            }
            match c {
                '\\' => {
                    escaped = true;
                    out.push(c);
                }
                '"' => {
                    in_string = false;
                    upper = false;
                    out.push(c);
                }
                '_' if in_key => upper = true,
                _ if upper => {
                    out.push(c.to_ascii_uppercase());
                    upper = false;
                }
                _ => out.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                in_key = key_next;
                key_next = false;
            }
            '{' => {
                objects.push(true);
                key_next = true;
            }
            '[' => objects.push(false),
            '}' | ']' => {
                objects.pop();
            }
            ',' => key_next = objects.last() == Some(&true),
            _ => {}
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Exports

/// S5.1–S5.4: the last day on which a matter received on `received` may still be finished
/// and fed back (an ISO date).
///
/// @throws {LiaisonError} `invalid_date`, `invalid_responsibility`, `invalid_policy`,
/// `calendar_not_covered`, `date_out_of_range`
#[wasm_bindgen(js_name = deadline, unchecked_return_type = "IsoDate")]
pub fn deadline_js(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] received: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponsibilityInput")] responsibility: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    let received = core(date("received", &received))?;
    let class = core(self::responsibility(&responsibility))?;
    let policy = core(self::policy(&policy))?;
    let due = core(liaison::deadline(received, class, &policy))?;
    Ok(JsValue::from(due.to_string()))
}

/// S5.1–S5.6: the deadline of a matter and whether it was (`on_time`, `late`) or is being
/// (`open`, `overdue`) met. `asOf` is needed when there is no `fedBack`.
///
/// @throws {LiaisonError} as `deadline`, and `feedback_before_receipt`,
/// `as_of_before_receipt`, `as_of_required`
#[wasm_bindgen(js_name = feedbackStatus, unchecked_return_type = "FeedbackStatus")]
pub fn feedback_status_js(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] received: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ResponsibilityInput")] responsibility: JsValue,
    #[wasm_bindgen(js_name = fedBack, unchecked_optional_param_type = "IsoDate | null")]
    fed_back: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_optional_param_type = "IsoDate | null")]
    as_of: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    let received = core(date("received", &received))?;
    let class = core(self::responsibility(&responsibility))?;
    let fed_back = core(optional_date("fed_back", &fed_back))?;
    let as_of = core(optional_date("as_of", &as_of))?;
    let policy = core(self::policy(&policy))?;
    let status = core(liaison::feedback_status(
        received, class, fed_back, as_of, &policy,
    ))?;
    to_js(&status)
}

/// S3.5: the outcome of a vote on one commitment item. `present` and `entitled` (given
/// together) are needed by a policy with a quorum or another base for the shares.
///
/// @throws {LiaisonError} `invalid_count`, `no_ballots`, `attendance_required` (also when
/// only one of `present` and `entitled` is given), `invalid_attendance`, `invalid_policy`
#[wasm_bindgen(js_name = decideVote, unchecked_return_type = "VoteOutcome")]
pub fn decide_vote_js(
    #[wasm_bindgen(unchecked_param_type = "Count")] approve: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Count")] disapprove: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Count | null")] abstain: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Count | null")] present: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Count | null")] entitled: JsValue,
) -> JsResult<JsValue> {
    let approve = core(count("approve", &approve))?;
    let disapprove = core(count("disapprove", &disapprove))?;
    let abstain = core(optional_count("abstain", &abstain))?.unwrap_or(0);
    let policy = core(self::policy(&policy))?;
    let present = core(optional_count("present", &present))?;
    let entitled = core(optional_count("entitled", &entitled))?;
    let attendance = match (present, entitled) {
        (Some(present), Some(entitled)) => Some(Attendance { present, entitled }),
        (None, None) => None,
        // One figure without the other cannot be used (as in the Python binding).
        _ => return Err(to_js_error(&Error::AttendanceRequired)),
    };
    let outcome = core(liaison::decide_vote(
        approve, disapprove, abstain, &policy, attendance,
    ))?;
    Ok(JsValue::from(outcome.name()))
}

/// S3.7: the grade of a year-end satisfaction ballot.
///
/// @throws {LiaisonError} `invalid_count`, `no_ballots`, `invalid_policy`
#[wasm_bindgen(js_name = grade, unchecked_return_type = "Grade")]
pub fn grade_js(
    #[wasm_bindgen(unchecked_param_type = "Count")] satisfied: JsValue,
    #[wasm_bindgen(js_name = basicallySatisfied, unchecked_optional_param_type = "Count | null")]
    basically_satisfied: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Count | null")] dissatisfied: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    let satisfied = core(count("satisfied", &satisfied))?;
    let basically_satisfied =
        core(optional_count("basically_satisfied", &basically_satisfied))?.unwrap_or(0);
    let dissatisfied = core(optional_count("dissatisfied", &dissatisfied))?.unwrap_or(0);
    let policy = core(self::policy(&policy))?;
    let grade = core(liaison::grade(
        satisfied,
        basically_satisfied,
        dissatisfied,
        &policy,
    ))?;
    Ok(JsValue::from(grade.name()))
}

/// S3.8: the consequences of a committee's year-end evaluations, in year order.
///
/// @throws {LiaisonError} `invalid_input`, `invalid_count`, `invalid_grade`,
/// `duplicate_year`, `no_ballots`, `invalid_policy`
#[wasm_bindgen(js_name = consequences, unchecked_return_type = "Consequence[]")]
pub fn consequences_js(
    #[wasm_bindgen(unchecked_param_type = "YearEvaluation[]")] years: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    let json = keys_to_snake(js_to_json(&years), "years").map_err(|field| {
        to_js_error(&Error::InvalidInput {
            field,
            detail: "unknown key".to_string(),
        })
    })?;
    let years: Vec<YearEvaluation> = core(from_value("years", json))?;
    let policy = core(self::policy(&policy))?;
    to_js(&core(liaison::consequences(&years, &policy))?)
}

/// A2: whether `date` is a rest day of the policy's holiday calendar.
///
/// @throws {LiaisonError} `invalid_date`, `calendar_not_covered`, `invalid_policy`,
/// `invalid_calendar`
#[wasm_bindgen(js_name = isRestDay)]
pub fn is_rest_day_js(
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<bool> {
    let date = core(self::date("date", &date))?;
    let policy = core(self::policy(&policy))?;
    core(policy.calendar().and_then(|c| c.is_rest_day(date)))
}

/// The Banan 2008 policy: the source's values and the defaults of the ambiguities.
#[wasm_bindgen(js_name = policyBanan2008, unchecked_return_type = "Policy")]
pub fn policy_banan_2008_js() -> JsResult<JsValue> {
    to_js(&Policy::banan_2008())
}

/// Reads a policy file (snake_case JSON, fields left out take Banan 2008's values) into a
/// policy object with camelCase keys.
///
/// @throws {LiaisonError} `invalid_policy`, `invalid_calendar`
#[wasm_bindgen(js_name = policyFromJson, unchecked_return_type = "Policy")]
pub fn policy_from_json_js(
    #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
) -> JsResult<JsValue> {
    let text = json.as_string().ok_or_else(|| {
        to_js_error(&Error::InvalidPolicy {
            detail: "the policy JSON must be a string".to_string(),
        })
    })?;
    to_js(&core(Policy::from_json(&text))?)
}

/// Writes a policy object (camelCase keys, possibly partial) as the policy file format:
/// pretty snake_case JSON naming every field.
///
/// @throws {LiaisonError} `invalid_policy`, `invalid_calendar`
#[wasm_bindgen(js_name = policyToJson, unchecked_return_type = "string")]
pub fn policy_to_json_js(
    #[wasm_bindgen(unchecked_param_type = "PolicyInput")] policy: JsValue,
) -> JsResult<JsValue> {
    let policy = core(self::policy(&policy))?;
    Ok(JsValue::from(policy.to_json()))
}

/// Every error code, in the core's order.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes_js() -> JsValue {
    Error::CODES
        .iter()
        .map(|c| JsValue::from(*c))
        .collect::<js_sys::Array>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_renaming_round_trips() {
        for (camel, snake) in [
            ("basicallySatisfied", "basically_satisfied"),
            ("voteQuorum", "vote_quorum"),
            ("docNo", "doc_no"),
            ("year", "year"),
        ] {
            assert_eq!(camel_to_snake(camel), snake);
            assert_eq!(snake_to_camel(snake), camel);
        }
    }

    #[test]
    fn snake_keys_from_js_are_refused_with_their_path() {
        let v = serde_json::json!([{"year": 2009, "basically_satisfied": 1}]);
        assert_eq!(
            keys_to_snake(v, "years"),
            Err("years[0].basically_satisfied".to_string())
        );
        let v = serde_json::json!([[{"a": {"bC": [{"d_e": 1}]}}]]);
        assert_eq!(keys_to_snake(v, ""), Err("[0][0].a.b_c[0].d_e".to_string()));
        let v = serde_json::json!({"units": [], "Units": []});
        assert_eq!(
            keys_to_snake(v, "dataset"),
            Err("dataset.Units".to_string())
        );
        let v = serde_json::json!({"calendarYears": [{"rest_days": []}]});
        assert_eq!(
            keys_to_snake(v, ""),
            Err("calendar_years[0].rest_days".to_string())
        );
    }

    #[test]
    fn camel_keys_renames_keys_only() {
        let json = r#"{"as_of":"2009-01-01","by_rule":[{"not_met":1,"key":"S1.3"}],"x":{"a_b":["c_d",{"e_f":"g_h\"_i\\","j_k":1}]},"rate_permille":null}"#;
        assert_eq!(
            camel_keys(json),
            r#"{"asOf":"2009-01-01","byRule":[{"notMet":1,"key":"S1.3"}],"x":{"aB":["c_d",{"eF":"g_h\"_i\\","jK":1}]},"ratePermille":null}"#
        );
        let value = serde_json::json!({"message_zh": "农户 H_1 {\"a_b\": [1, 2]}", "list": [[], {}, [{"z_z": 0}]]});
        let renamed: Value =
            serde_json::from_str(&camel_keys(&value.to_string())).unwrap_or_default();
        assert_eq!(
            renamed,
            serde_json::json!({"messageZh": "农户 H_1 {\"a_b\": [1, 2]}", "list": [[], {}, [{"zZ": 0}]]})
        );
    }

    #[test]
    fn unsafe_integers_become_floats() {
        let v = serde_json::json!({"a": 9_007_199_254_740_991_u64, "b": 9_007_199_254_740_992_u64});
        let out = keys_to_snake(v, "");
        let out = out.as_ref().ok().and_then(Value::as_object);
        assert_eq!(
            out.and_then(|o| o.get("a")).and_then(Value::as_u64),
            Some(9_007_199_254_740_991)
        );
        assert!(out.and_then(|o| o.get("b")).is_some_and(Value::is_f64));
    }
}
