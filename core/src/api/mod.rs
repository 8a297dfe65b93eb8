//! The contract: every public operation as a request type and an answer type, defined
//! once, and one dispatcher, [`call`]. The Python and WebAssembly bindings, `liaison call`
//! (JSON on stdin) and `liaison serve` (HTTP) all go through it, so that every host reads
//! the same snake_case JSON documents, answers the same way and fails with the same coded
//! [`Error`] — `{"code", "message", "message_zh", "loc", "rule"?}`.
//!
//! | operation | request | answer | rule |
//! |---|---|---|---|
//! | `deadline` | [`DeadlineRequest`] | `"YYYY-MM-DD"` | S5.1–S5.4 |
//! | `feedback_status` | [`FeedbackStatusRequest`] | [`FeedbackStatus`](crate::FeedbackStatus) | S5.1–S5.6 |
//! | `evaluate_row` | [`EvaluateRowRequest`] | [`FeedbackStatus`](crate::FeedbackStatus) | S5, F4 |
//! | `decide_vote` | [`DecideVoteRequest`] | [`VoteOutcome`](crate::VoteOutcome) | S3.5 |
//! | `grade` | [`GradeRequest`] | [`Grade`](crate::Grade) | S3.7 |
//! | `consequences` | [`ConsequencesRequest`] | list of [`Consequence`](crate::Consequence) | S3.8 |
//! | `is_rest_day` | [`IsRestDayRequest`] | `true` or `false` | A2 |
//! | `check`, `check_detailed` | [`CheckRequest`] | [`Report`](crate::Report) | S1–S5 |
//! | `agenda` | [`AgendaRequest`] | [`Agenda`](crate::Agenda) | S1–S5 |
//! | `validate_form` | [`ValidateFormRequest`] | [`Validation`](crate::forms::Validation) | F1–F5 |
//! | `form_schema` | [`FormSchemaRequest`] | a JSON Schema (draft 2020-12 or 07) | F1–F5 |
//! | `form_fields` | [`FormRequest`] | list of [`FieldInfo`](crate::forms::FieldInfo) | F1–F5 |
//! | `redact` | [`RedactRequest`] | the document, masked | F1–F5 |
//! | `generate_district` | [`GenerateDistrictRequest`] | [`District`] | |
//! | `policy` | [`PolicyRequest`] | [`Policy`](crate::Policy), complete | A1–A15 |
//! | `rules`, `finding_codes`, `error_codes`, `form_kinds`, `operations` | `{}` | the catalogues | |
//!
//! ```
//! use serde_json::json;
//! let answer = liaison::api::call("deadline", &json!({"received": "2008-09-25", "responsibility": 1}))?;
//! assert_eq!(answer, json!("2008-10-06"));
//! let e = liaison::api::call("grade", &json!({"satisfied": -1})).unwrap_err();
//! assert_eq!(serde_json::to_value(&e)?, json!({
//!     "code": "invalid_count", "loc": ["satisfied"],
//!     "message": "`satisfied`: must be a non-negative integer count",
//!     "message_zh": "`satisfied`：必须是非负整数"}));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod answers;
mod requests;
#[cfg(feature = "schema")]
pub mod schema;

pub use answers::*;
pub use requests::*;

use crate::dataset::Dataset;
use crate::de::from_value;
use crate::error::{Detail, Shown};
use crate::forms::{self, FormKind};
use crate::{Error, ErrorKind, Policy, Result};
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::Cell;
use std::marker::PhantomData;
use std::path::Path;

/// What a host allows an operation to do besides computing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Whether a dataset may be given as the path of a file or folder to read (the CLI and
    /// Python: yes; a server: no, a request never names a file of the server).
    pub files: bool,
    /// The largest file read, in bytes.
    pub max_file_bytes: u64,
    /// The text encoding of the CSV files of a dataset read from a path; default
    /// [`Encoding::Auto`](crate::dataset::Encoding::Auto) (UTF-8, else GB18030 with the
    /// `office` feature).
    pub encoding: crate::dataset::Encoding,
    /// Whether a dataset read from a path holds only the forms a JSON dataset holds (ISO
    /// dates, the names of choices, the fields' names as headers); default `false`.
    pub strict: bool,
}

impl Default for Options {
    /// No files.
    fn default() -> Self {
        Options {
            files: false,
            max_file_bytes: crate::files::MAX_FILE_BYTES,
            encoding: crate::dataset::Encoding::Auto,
            strict: false,
        }
    }
}

/// A JSON document inside a request that its operation reads itself (a policy, a
/// dataset), so that its errors keep their own codes (`invalid_policy`, …) and places.
/// Its schema is `T`'s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Doc<T> {
    /// The document as given.
    pub value: Value,
    #[serde(skip)]
    kind: PhantomData<T>,
}

impl<T> Doc<T> {
    /// A document.
    pub fn new(value: Value) -> Self {
        Doc {
            value,
            kind: PhantomData,
        }
    }
}

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Doc<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// The policy of a request: Banan 2008 when absent.
fn policy_of(doc: Option<&PolicyDoc>) -> Result<Policy> {
    match doc {
        None => Ok(Policy::banan_2008()),
        Some(doc) => Policy::from_value(&doc.value).map_err(|e| e.at("policy")),
    }
}

/// The dataset of a request: the records, or a path where the host allows files, read as
/// the options say.
fn dataset_of(doc: &DatasetDoc, options: &Options) -> Result<Dataset> {
    use crate::dataset::ReadOptions;
    match &doc.value {
        Value::String(path) if options.files => Dataset::from_path_with(
            Path::new(path),
            &ReadOptions {
                max_bytes: options.max_file_bytes,
                encoding: options.encoding,
                strict: options.strict,
            },
        ),
        Value::String(_) => Err(Error::new(ErrorKind::InvalidInput {
            detail: Detail::new(
                "a path is not accepted here: send the records themselves",
                "此处不接受文件路径：请直接发送记录",
            ),
        })),
        records => Dataset::from_value(records),
    }
    .map_err(|e| e.at("dataset"))
}

/// `check` and `check_detailed`: an error about a record is placed inside `dataset`.
fn run_check(r: CheckRequest, options: &Options, detailed: bool) -> Result<crate::Report> {
    let dataset = dataset_of(&r.dataset, options)?;
    let policy = policy_of(r.policy.as_ref())?;
    let check = crate::CheckOptions {
        detailed,
        explain: r.explain,
    };
    crate::check_with(&dataset, r.start, r.end, r.as_of, &policy, check).map_err(in_dataset)
}

/// An error about a record of a dataset, placed inside the request's `dataset`.
fn in_dataset(e: Error) -> Error {
    match e.loc().first_key() {
        Some(list) if Dataset::LISTS.contains(&list) => e.at("dataset"),
        _ => e,
    }
}

/// `explain`: the operation run with its steps recorded.
fn run_explain(r: ExplainRequest) -> Result<crate::explain::Explanation> {
    use crate::explain::Trace;
    let mut trace = Trace::on();
    // Every error, the request's and the rule's, is placed inside `request`.
    let mut run = || -> Result<Value> {
        Ok(match r.op {
            ExplainedOp::Deadline => {
                let q: DeadlineRequest = read_request(&r.request)?;
                let policy = policy_of(q.policy.as_ref())?;
                answer(&crate::deadline::deadline_traced(
                    q.received,
                    q.responsibility,
                    &policy,
                    &mut trace,
                )?)?
            }
            ExplainedOp::FeedbackStatus => {
                let q: FeedbackStatusRequest = read_request(&r.request)?;
                let policy = policy_of(q.policy.as_ref())?;
                answer(&crate::deadline::feedback_status_traced(
                    q.received,
                    q.responsibility,
                    q.fed_back,
                    q.as_of,
                    &policy,
                    &mut trace,
                )?)?
            }
            ExplainedOp::DecideVote => {
                let q: DecideVoteRequest = read_request(&r.request)?;
                let policy = policy_of(q.policy.as_ref())?;
                let attendance = crate::Attendance::from_parts(q.present, q.entitled)?;
                answer(&crate::vote::decide_vote_traced(
                    q.approve,
                    q.disapprove,
                    q.abstain,
                    &policy,
                    attendance,
                    &mut trace,
                )?)?
            }
            ExplainedOp::Grade => {
                let q: GradeRequest = read_request(&r.request)?;
                let policy = policy_of(q.policy.as_ref())?;
                answer(&crate::grade::grade_traced(
                    q.satisfied,
                    q.basically_satisfied,
                    q.dissatisfied,
                    &policy,
                    &mut trace,
                )?)?
            }
        })
    };
    let answer = run().map_err(|e| e.at("request"))?;
    Ok(crate::explain::Explanation {
        answer,
        steps: trace.into_steps(),
    })
}

fn form_kinds() -> Vec<FormKindInfo> {
    FormKind::ALL
        .iter()
        .map(|k| FormKindInfo {
            kind: k.name().to_string(),
            rule: k.rule().to_string(),
            label_zh: k.label_zh().to_string(),
            title: k.title_en().to_string(),
            attachment: k.attachment(),
        })
        .collect()
}

/// The HTTP status `liaison serve` answers an error code with: 404 for an unknown
/// operation, 405 for a method a path does not answer, 408 for a request over the time
/// limit, 413 for an input over its limit, 503 when the server is at its limit of requests
/// in flight, 500 for an internal error, 400 otherwise.
///
/// ```
/// use liaison::api::http_status;
/// assert_eq!((http_status("invalid_date"), http_status("unknown_operation")), (400, 404));
/// assert_eq!((http_status("timeout"), http_status("overloaded")), (408, 503));
/// ```
pub fn http_status(code: &str) -> u16 {
    match code {
        "unknown_operation" => 404,
        "method_not_allowed" => 405,
        "timeout" => 408,
        "too_large" => 413,
        "file_not_found" => 404,
        "internal_error" => 500,
        "overloaded" => 503,
        _ => 400,
    }
}

macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $req:ty => $ans:ty, $rule:literal, $run:expr;
    )*) => {
        /// The names of every operation, in catalogue order.
        pub const OPERATIONS: &[&str] = &[$(stringify!($name)),*];

        fn dispatch(op: &str, request: &Value, options: &Options) -> Result<Value> {
            match op {
                $(stringify!($name) => Op::$name(request, options),)*
                _ => Err(unknown_operation(op)),
            }
        }

        /// One function per operation, so that a host binding only some of them links only those.
        pub struct Op;
        impl Op {
            $(
                #[doc = concat!("The operation `", stringify!($name), "`: as `call_with`.")]
                pub fn $name(request: &Value, options: &Options) -> Result<Value> {
                    let request: $req = read_request(request)?;
                    let run: fn($req, &Options) -> Result<$ans> = $run;
                    answer(&run(request, options)?)
                }
            )*
        }

        /// The catalogue of operations: name, parameters in positional order, rule ids and
        /// a summary.
        pub fn operations() -> Vec<OperationInfo> {
            vec![$(OperationInfo {
                name: stringify!($name).to_string(),
                params: fields_of::<$req>(),
                rule: $rule.to_string(),
                summary: concat!($($doc, "\n"),*).split_whitespace().collect::<Vec<_>>().join(" "),
            }),*]
        }

        /// The request and answer schemas of every operation, by name; their definitions
        /// are added to `generator`.
        #[cfg(feature = "schema")]
        pub fn schemas(
            generator: &mut schemars::SchemaGenerator,
        ) -> Vec<(&'static str, schemars::Schema, schemars::Schema)> {
            vec![$((
                stringify!($name),
                generator.subschema_for::<$req>(),
                generator.subschema_for::<$ans>(),
            )),*]
        }
    };
}

operations! {
    /// S5.1–S5.4: the last day on which a matter may still be finished and fed back
    /// (A1, A2, A13).
    deadline: DeadlineRequest => chrono::NaiveDate, "S5.1 S5.2 S5.3 S5.4 A1 A2 A13",
        |r, _| crate::deadline(r.received, r.responsibility, &policy_of(r.policy.as_ref())?);
    /// S5.1–S5.6: the deadline of a matter and whether it was, or is being, met.
    feedback_status: FeedbackStatusRequest => crate::FeedbackStatus, "S5.1 S5.2 S5.3 S5.4 S5.6",
        |r, _| crate::feedback_status(
            r.received, r.responsibility, r.fed_back, r.as_of, &policy_of(r.policy.as_ref())?);
    /// S5 for one row of a register (form F4) on the day it was taken, as
    /// `evaluate_register` does for every row.
    evaluate_row: EvaluateRowRequest => crate::FeedbackStatus, "S5.1 S5.2 S5.3 S5.4 S5.5 F4",
        |r, _| crate::feedback_status(
            r.received, r.responsibility, r.fed_back, Some(r.as_of), &policy_of(r.policy.as_ref())?);
    /// S3.5: the outcome of the vote on one proposed commitment item (A4, A5, A15).
    decide_vote: DecideVoteRequest => crate::VoteOutcome, "S3.5 A4 A5 A15",
        |r, _| {
            let attendance = crate::Attendance::from_parts(r.present, r.entitled)?;
            crate::decide_vote(r.approve, r.disapprove, r.abstain, &policy_of(r.policy.as_ref())?, attendance)
        };
    /// S3.7: the grade of a year-end satisfaction ballot (A3, A6).
    grade: GradeRequest => crate::Grade, "S3.7 A3 A6",
        |r, _| crate::grade(r.satisfied, r.basically_satisfied, r.dissatisfied, &policy_of(r.policy.as_ref())?);
    /// S3.8: the consequences of a committee's year-end evaluations.
    consequences: ConsequencesRequest => Vec<crate::Consequence>, "S3.8",
        |r, _| crate::consequences(&r.years, &policy_of(r.policy.as_ref())?);
    /// A2: whether a day is a rest day of the policy's holiday calendar.
    is_rest_day: IsRestDayRequest => bool, "A2",
        |r, _| policy_of(r.policy.as_ref())?.calendar()?.is_rest_day(r.date);
    /// S1–S5: every shortfall of a district's records in a range of days.
    check: CheckRequest => crate::Report, "S1 S2 S3 S4 S5",
        |r, o| run_check(r, o, false);
    /// S1–S5, as `check`, with every judgement kept in `outcomes`.
    check_detailed: CheckRequest => crate::Report, "S1 S2 S3 S4 S5",
        |r, o| run_check(r, o, true);
    /// S1–S5: what falls due within the horizon, and what is already late and can still be
    /// done, by due day.
    agenda: AgendaRequest => crate::Agenda, "S1 S2 S3 S4 S5",
        |r, o| {
            let dataset = dataset_of(&r.dataset, o)?;
            let policy = policy_of(r.policy.as_ref())?;
            crate::agenda(&dataset, r.as_of, r.horizon_days, &policy).map_err(in_dataset)
        };
    /// F1–F5: every problem of a form document, with its place, code and messages.
    validate_form: ValidateFormRequest => forms::Validation, "F1 F2 F3 F4 F5 S1.8 S1.9 S2.5 S5.5 S5.6",
        |r, _| Ok(forms::validate_kind(r.kind, &r.data, &policy_of(r.policy.as_ref())?));
    /// F1–F5: the JSON Schema of a form, with the Chinese labels.
    form_schema: FormSchemaRequest => Value, "F1 F2 F3 F4 F5",
        |r, _| forms::form_schema_draft(r.kind.name(), r.draft.unwrap_or_default());
    /// F1–F5: every field of a form in the order of the paper form.
    form_fields: FormRequest => Vec<forms::FieldInfo>, "F1 F2 F3 F4 F5",
        |r, _| forms::form_fields(r.kind.name());
    /// F1–F5: a copy of a form document with personal data masked.
    redact: RedactRequest => Value, "F1 F2 F3 F4 F5",
        |r, _| forms::redact(r.kind.name(), &r.data);
    /// A synthetic district with planted violations that `check` must find.
    generate_district: GenerateDistrictRequest => District, "S1 S2 S3 S4 S5",
        |r, _| {
            let shape = crate::synthetic::Shape {
                seed: r.seed,
                towns: r.towns,
                villages_per_town: r.villages_per_town,
                households_per_village: r.households_per_village,
                first_year: r.first_year,
                years: r.years,
            };
            let (dataset, planted) = crate::synthetic::generate(&shape, &policy_of(r.policy.as_ref())?)?;
            Ok(District { dataset, planted })
        };
    /// Why an answer of `deadline`, `feedback_status`, `decide_vote` or `grade` is what it
    /// is: the answer and its derivation as steps, each with its rule id and the source's words.
    explain: ExplainRequest => crate::explain::Explanation, "S5.1 S5.2 S5.3 S5.4 S3.5 S3.7 A1 A2 A3 A4 A5 A6 A15",
        |r, _| run_explain(r);
    /// A1–A15: a policy completed with Banan 2008's values and checked.
    policy: PolicyRequest => Policy, "A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13 A14 A15",
        |r, _| policy_of(r.policy.as_ref());
    /// The rule catalogue: every rule id with the source's words.
    rules: NoRequest => Vec<RuleInfo>, "",
        |_, _| Ok(crate::rules::RULES.iter().map(|r| RuleInfo {
            id: r.id.to_string(),
            gloss: r.gloss.to_string(),
            source_zh: r.source_zh.to_string(),
            implemented_by: r.implemented_by.to_string(),
        }).collect());
    /// The codes of a finding of `check`.
    finding_codes: NoRequest => Vec<FindingCodeInfo>, "",
        |_, _| Ok(crate::FINDING_CODES.iter().map(|(code, rules, meaning)| FindingCodeInfo {
            code: code.to_string(),
            rules: rules.split_whitespace().map(str::to_string).collect(),
            meaning: meaning.to_string(),
        }).collect());
    /// The codes of an error.
    error_codes: NoRequest => Vec<ErrorCodeInfo>, "",
        |_, _| Ok(Error::CODES.iter().map(|code| ErrorCodeInfo {
            code: code.to_string(),
            http_status: http_status(code),
        }).collect());
    /// The five forms.
    form_kinds: NoRequest => Vec<FormKindInfo>, "F1 F2 F3 F4 F5",
        |_, _| Ok(form_kinds());
    /// The codes of a form validation's problems.
    field_error_codes: NoRequest => Vec<forms::FieldCode>, "F1 F2 F3 F4 F5",
        |_, _| Ok(forms::FieldCode::ALL.to_vec());
    /// The operations of this contract, with their parameters in positional order.
    operations: NoRequest => Vec<OperationInfo>, "",
        |_, _| Ok(operations());
}

/// The error of an operation that does not exist.
pub fn unknown_operation(op: &str) -> Error {
    Error::new(ErrorKind::UnknownOperation {
        op: Shown::text(op),
    })
}

/// Answers one request with no file access (see [`call_with`]).
///
/// # Errors
/// `unknown_operation`, `invalid_input` for a request that is not an object or has an
/// unknown key, and every error of the operation, its place starting with the request's key.
pub fn call(op: &str, request: &Value) -> Result<Value> {
    call_with(op, request, &Options::default())
}

/// Answers one request of operation `op` (one of [`OPERATIONS`]).
///
/// # Errors
/// As [`call`].
pub fn call_with(op: &str, request: &Value, options: &Options) -> Result<Value> {
    dispatch(op, request, options)
}

/// [`call_with`] on JSON text, answering JSON text.
///
/// # Errors
/// `invalid_json` for malformed text or a key given twice; otherwise as [`call`].
pub fn call_json(op: &str, request: &str, options: &Options) -> Result<String> {
    let answer = call_with(op, &crate::de::parse(request)?, options)?;
    serde_json::to_string(&answer).map_err(|_| internal("an answer cannot be written as JSON"))
}

fn internal(what: &'static str) -> Error {
    Error::new(ErrorKind::Internal {
        detail: Detail::new(what, what),
    })
}

fn read_request<T: DeserializeOwned>(request: &Value) -> Result<T> {
    if !request.is_object() {
        return Err(Error::new(ErrorKind::InvalidInput {
            detail: Detail::new(
                "a request is a JSON object of the operation's parameters",
                "请求应为由操作参数组成的 JSON 对象",
            ),
        }));
    }
    from_value(request)
}

fn answer<T: Serialize>(value: &T) -> Result<Value> {
    serde_json::to_value(value).map_err(|_| internal("an answer cannot be written as JSON"))
}

/// The keys of a request type in declaration order (serde's own list of a struct's fields).
fn fields_of<T: DeserializeOwned>() -> Vec<String> {
    let fields = Cell::new(&[][..]);
    let _ = T::deserialize(FieldNames(&fields));
    fields.get().iter().map(|f| f.to_string()).collect()
}

/// A deserializer that notes the fields a struct asks for and reads nothing.
struct FieldNames<'a>(&'a Cell<&'static [&'static str]>);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(internal("not a request type"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        self.0.set(fields);
        Err(internal("field names only"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

impl de::Expected for FieldNames<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a request")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_operation_is_in_the_catalogue_with_its_parameters() {
        let ops = operations();
        assert_eq!(ops.len(), OPERATIONS.len());
        let deadline = ops.iter().find(|o| o.name == "deadline").unwrap();
        assert_eq!(deadline.params, ["received", "responsibility", "policy"]);
        let vote = ops.iter().find(|o| o.name == "decide_vote").unwrap();
        assert_eq!(
            vote.params,
            [
                "approve",
                "disapprove",
                "abstain",
                "policy",
                "present",
                "entitled"
            ]
        );
        assert!(ops
            .iter()
            .find(|o| o.name == "rules")
            .unwrap()
            .params
            .is_empty());
    }

    #[test]
    fn errors_carry_the_request_key() {
        let e = call(
            "deadline",
            &json!({"received": "2008-9-25", "responsibility": 1}),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("invalid_date", Some("received"))
        );
        let e = call("deadline", &json!({"received": "2008-09-25", "responsibility": 1, "policy": {"within_remit_days": -1}})).unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("invalid_policy", Some("policy.within_remit_days"))
        );
        let e = call("nope", &json!({})).unwrap_err();
        assert_eq!(e.code(), "unknown_operation");
        let e = call("rules", &json!({"x": 1})).unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("invalid_input", Some("x"))
        );
    }

    #[test]
    fn no_path_without_files() {
        let request = json!({"dataset": "/etc/passwd", "start": "2009-01-01", "end": "2009-12-31", "as_of": "2010-01-10"});
        let e = call("check", &request).unwrap_err();
        assert_eq!(
            (e.code(), e.field().as_deref()),
            ("invalid_input", Some("dataset"))
        );
    }
}
