//! F1–F5 — the five paper forms of 巴南委办发〔2008〕43号 (附件1–5) as typed models, one
//! validator that reports every problem at once, a JSON Schema with the Chinese labels,
//! and redaction for export.
//!
//! | kind | form | model |
//! |---|---|---|
//! | `reception_record` | F1 党组织书记接待群众登记表 | [`ReceptionRecord`] |
//! | `assignment_slip` | F2 群众意见交办单 | [`AssignmentSlip`] |
//! | `visit_diary` | F3 民情日志 | [`VisitDiary`] |
//! | `register_entry` | F4 群众意见办理情况登记表 | [`RegisterEntry`] |
//! | `feedback_slip` | F5 群众意见办理情况反馈单 | [`FeedbackSlip`] |
//!
//! Every function reads the same per-form field table (JSON key, Chinese label, English
//! description, kind, required, rule id), so the validator, the schema, the redaction,
//! [`form_fields`] and the typed models cannot drift apart. `docs/forms.md` lists the
//! fields, checks and codes.
//!
//! Conventions of a form document:
//! - JSON keys are snake_case; groups of the paper form are nested objects
//!   (`visitor.phone`), rows are lists (`members[2].age`);
//! - a missing key and `null` both mean absent; a required text that is empty or only
//!   white space is missing too (spreadsheet imports should turn empty cells into `null`);
//! - dates are ISO `YYYY-MM-DD` text, phones are text, ages and counts whole numbers,
//!   money is yuan as a number with at most 2 decimals, areas square metres;
//! - choices take the snake_case name or the Chinese label printed on the form.

mod assignment_slip;
mod codes;
mod common;
mod feedback_slip;
mod fields;
mod path;
mod reception_record;
mod redact;
mod register_entry;
mod schema;
mod table;
mod visit_diary;
mod walk;

pub use assignment_slip::AssignmentSlip;
pub use codes::{FieldCode, FIELD_ERROR_CODES};
pub use common::{Contact, Handling, HandlingWay, Opinion, Satisfaction, Serial, Sex};
pub use feedback_slip::FeedbackSlip;
pub use fields::{is_landline, is_mobile, is_phone, parse_serial, PHONE_PATTERN, SERIAL_PATTERN};
pub use reception_record::{ReceptionRecord, Visitor};
pub use redact::{mask_address, mask_free_text, mask_ids, mask_name, mask_phone};
pub use register_entry::RegisterEntry;
pub use schema::{Draft, SCHEMA_DIALECT};
pub use visit_diary::{AwayMember, Member, VisitDiary};

use crate::error::Detail;
use crate::{Error, ErrorKind, Loc, Policy, Result};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;
use table::{Field, Kind};
use walk::{check_object, Doc, Out, Path};

/// The five forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// F1 — 党组织书记接待群众登记表 (附件1).
    ReceptionRecord,
    /// F2 — 群众意见交办单 (附件2).
    AssignmentSlip,
    /// F3 — 民情日志 (附件3).
    VisitDiary,
    /// F4 — 群众意见办理情况登记表 (附件4).
    RegisterEntry,
    /// F5 — 群众意见办理情况反馈单 (附件5).
    FeedbackSlip,
}

impl FormKind {
    /// The five kinds, F1 to F5.
    pub const ALL: [FormKind; 5] = [
        FormKind::ReceptionRecord,
        FormKind::AssignmentSlip,
        FormKind::VisitDiary,
        FormKind::RegisterEntry,
        FormKind::FeedbackSlip,
    ];

    /// The kind as a string, e.g. `reception_record`.
    pub fn name(self) -> &'static str {
        match self {
            FormKind::ReceptionRecord => "reception_record",
            FormKind::AssignmentSlip => "assignment_slip",
            FormKind::VisitDiary => "visit_diary",
            FormKind::RegisterEntry => "register_entry",
            FormKind::FeedbackSlip => "feedback_slip",
        }
    }

    /// The rule id, `F1`–`F5`.
    pub fn rule(self) -> &'static str {
        match self {
            FormKind::ReceptionRecord => "F1",
            FormKind::AssignmentSlip => "F2",
            FormKind::VisitDiary => "F3",
            FormKind::RegisterEntry => "F4",
            FormKind::FeedbackSlip => "F5",
        }
    }

    /// The title printed on the paper form.
    pub fn label_zh(self) -> &'static str {
        match self {
            FormKind::ReceptionRecord => "党组织书记接待群众登记表",
            FormKind::AssignmentSlip => "群众意见交办单",
            FormKind::VisitDiary => "基层党组织班子成员进家入户走访群众民情日志",
            FormKind::RegisterEntry => "群众意见办理情况登记表",
            FormKind::FeedbackSlip => "群众意见办理情况反馈单",
        }
    }

    /// The title in English.
    pub fn title_en(self) -> &'static str {
        match self {
            FormKind::ReceptionRecord => "Secretary's reception record",
            FormKind::AssignmentSlip => "Assignment slip for the public's opinions",
            FormKind::VisitDiary => "Household visit diary",
            FormKind::RegisterEntry => {
                "Register of how the public's opinions were handled (one row)"
            }
            FormKind::FeedbackSlip => "Feedback slip on how an opinion was handled",
        }
    }

    /// The number of the attachment (附件) of the notice.
    pub fn attachment(self) -> u8 {
        match self {
            FormKind::ReceptionRecord => 1,
            FormKind::AssignmentSlip => 2,
            FormKind::VisitDiary => 3,
            FormKind::RegisterEntry => 4,
            FormKind::FeedbackSlip => 5,
        }
    }

    /// The cross-field rules, in English, in the order they are checked.
    pub fn cross_rules_en(self) -> Vec<&'static str> {
        match self {
            FormKind::ReceptionRecord => vec![
                "S1.9: handling.way by_deadline (限期办理) needs handling.deadline and handling.handler",
                "S1.9: handling.way referred (转有关部门办理) needs handling.department",
                "S1.9: handling.deadline is not before date",
                "F1: opinion.signed_on is not before date",
            ],
            FormKind::AssignmentSlip => vec![
                "F2 S1.9: deadline is not before issued",
                "F2: received_on is not before issued",
                "F2: issued is not before reported",
                "S5.1-S5.4: with responsibility, reported is required and deadline is no later than the \"1234\" deadline from reported (A1, A2)",
            ],
            FormKind::VisitDiary => vec![
                "S1.9: handling.way by_deadline (限期办理) needs handling.deadline and handling.handler",
                "S1.9: handling.way referred (转有关部门办理) needs handling.department",
                "S1.9: handling.deadline is not before date",
                "F3: opinion.signed_on is not before date",
                "S2.5: has_away_members true needs a non-empty away_members; false contradicts a non-empty list",
            ],
            FormKind::RegisterEntry => vec![
                "F4 S5.6: fed_back is not before reported",
                "F4: deadline is not before reported",
                "S5.1-S5.4: with responsibility, deadline is no later than the \"1234\" deadline from reported (A1, A2)",
                "F4 S5.5: closed (是否销号) true needs result, fed_back and slip_signed_by",
            ],
            FormKind::FeedbackSlip => vec![
                "F5 S5.6: finished is not before reported",
                "F5: issued is not before finished",
                "F5: signed_on is not before issued",
            ],
        }
    }

    /// The field table.
    pub(crate) fn fields(self) -> &'static [Field] {
        match self {
            FormKind::ReceptionRecord => reception_record::FIELDS,
            FormKind::AssignmentSlip => assignment_slip::FIELDS,
            FormKind::VisitDiary => visit_diary::FIELDS,
            FormKind::RegisterEntry => register_entry::FIELDS,
            FormKind::FeedbackSlip => feedback_slip::FIELDS,
        }
    }

    /// The cross-field rules.
    fn cross(self, doc: &Doc<'_>, policy: &Policy, out: &mut Out) {
        match self {
            FormKind::ReceptionRecord => reception_record::cross(doc, out),
            FormKind::AssignmentSlip => assignment_slip::cross(doc, policy, out),
            FormKind::VisitDiary => visit_diary::cross(doc, out),
            FormKind::RegisterEntry => register_entry::cross(doc, policy, out),
            FormKind::FeedbackSlip => feedback_slip::cross(doc, out),
        }
    }
}

impl FromStr for FormKind {
    type Err = Error;

    /// Accepts the kind's name exactly.
    ///
    /// # Errors
    /// `invalid_input` on `kind` for anything else.
    fn from_str(s: &str) -> Result<Self> {
        FormKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                ErrorKind::InvalidInput {
                    detail: Detail::new(
                        "not a form kind (reception_record, assignment_slip, visit_diary, register_entry or feedback_slip)",
                        "不是表单类型（reception_record、assignment_slip、visit_diary、register_entry 或 feedback_slip）",
                    ),
                }
                .at("kind")
            })
    }
}

impl fmt::Display for FormKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem of a form document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldError {
    /// Where: `["visitor", "phone"]`, `["members", 2, "age"]`; `[]` for the document itself.
    pub loc: Loc,
    /// What: one of [`FIELD_ERROR_CODES`].
    pub code: FieldCode,
    /// In English, naming the field only (never a value typed into it).
    pub message: String,
    /// In Chinese, naming the field by its labels on the paper form.
    pub message_zh: String,
    /// The rule ids (`F1`, `S1.8`, `S2.5`, `S5.1 A1 A2`, …), space-separated.
    pub rule: String,
}

/// The result of [`validate_form`]: `valid` exactly when `errors` is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Validation {
    /// Whether the document has no problem.
    pub valid: bool,
    /// Every problem, in form order (see [`validate_form`]).
    pub errors: Vec<FieldError>,
}

/// F1–F5, S1.8, S1.9, S2.5, S5.1–S5.6: checks a form document and returns every problem
/// at once, each with its path, code, English and Chinese message and rule id.
///
/// `kind` is one of `reception_record` (F1), `assignment_slip` (F2), `visit_diary` (F3),
/// `register_entry` (F4), `feedback_slip` (F5). The checks (all listed in `docs/forms.md`):
/// required fields (the 三明确 of S1.8 on F1, the 八清楚 of S2.5 on F3 for the household
/// and for each member working away, the contact person and phone of S5.6 on F2 and F5);
/// JSON types; unknown keys; real dates and their order; mainland mobile and landline
/// phones; ages, incomes and housing areas in range; choices (the four handling ways of
/// S1.9, 限期办理 with a deadline and a handler); F2 serial numbers; on F2 and F4 a
/// deadline equal to [`crate::deadline`] of its "1234" class under `policy`; F4 closed
/// (是否销号) only with a result, a feedback date and who signed for the slip.
///
/// Order of the errors: by the field's position on the form (the table's order, depth
/// first, list items by index, a group's unknown keys after its known ones sorted by code
/// point); for one field, its own check first, then the cross-field rules in the order of
/// [`FormKind::cross_rules_en`]. A field gets at most one error from its own check.
///
/// Messages never contain a value from the document, nor the name of an unknown key.
///
/// # Errors
/// `invalid_input` on `kind` when `kind` is not one of the five. Problems of the document
/// are never errors: they are the returned [`Validation`].
///
/// # Example: a 限期办理 without a handler, a bad phone, an unknown key
/// ```
/// use liaison::{forms::validate_form, Policy};
/// let data = serde_json::json!({
///     "date": "2008-12-01", "receiver": "李书记",
///     "visitor": {"name": "张三", "phone": "1381234"},
///     "matter": "道路损毁", "cause": "山体滑坡", "request": "尽快修复",
///     "handling": {"way": "限期办理", "deadline": "2008-12-11"},
///     "notes": "x"
/// });
/// let v = validate_form("reception_record", &data, &Policy::banan_2008()).unwrap();
/// let got: Vec<(String, &str)> = v.errors.iter().map(|e| (e.loc.to_string(), e.code.name())).collect();
/// assert_eq!(got, [
///     ("visitor.phone".to_string(), "invalid_phone"),
///     ("handling.handler".to_string(), "required"),
///     ("notes".to_string(), "unknown_field"),
/// ]);
/// assert_eq!(v.errors[0].message_zh, "「来访群众情况·联系电话」不是有效的手机号码或带区号的固定电话号码");
/// assert!(!v.valid);
/// ```
///
/// # Example: the "1234" deadline of an F4 row (S5.1, A2)
/// ```
/// use liaison::{forms::validate_form, Policy};
/// let mut row = serde_json::json!({
///     "number": 1, "reporter": "王五", "reported": "2008-09-25", "matter": "低保",
///     "handler": "赵六", "responsibility": "within_remit", "deadline": "2008-10-07"
/// });
/// let p = Policy::banan_2008();
/// let v = validate_form("register_entry", &row, &p).unwrap();
/// assert_eq!(v.errors[0].code.name(), "deadline_mismatch"); // the last day is 10-06
/// row["deadline"] = "2008-10-06".into();
/// assert!(validate_form("register_entry", &row, &p).unwrap().valid);
/// row["deadline"] = "2008-10-05".into(); // sooner than the limit: valid
/// assert!(validate_form("register_entry", &row, &p).unwrap().valid);
/// assert_eq!(validate_form("form_9", &row, &p).unwrap_err().code(), "invalid_input");
/// ```
pub fn validate_form(kind: &str, data: &Value, policy: &Policy) -> Result<Validation> {
    Ok(validate_kind(kind.parse()?, data, policy))
}

/// [`validate_form`] for a known kind.
pub(crate) fn validate_kind(kind: FormKind, data: &Value, policy: &Policy) -> Validation {
    let mut out = Out::new(kind.label_zh(), kind.rule());
    check_object(kind.fields(), data, &Path::root(), kind.rule(), &mut out);
    if let Some(map) = data.as_object() {
        kind.cross(&Doc::new(map), policy, &mut out);
    }
    let errors = out.finish();
    Validation {
        valid: errors.is_empty(),
        errors,
    }
}

/// F1–F5: the JSON Schema of a form (draft 2020-12; see [`form_schema_draft`] for draft
/// 07), generated from the validator's field table: `title` is the Chinese label of the form
/// and of each property, `description` English; `required`, `additionalProperties: false`,
/// choices as `oneOf` of `{const, title}` (the names, titled with the Chinese labels),
/// `format: date`, the phone pattern ([`PHONE_PATTERN`]), ranges, and the cross-field rules a
/// schema can express (`if`/`then`, a null value counting as absent). Optional properties also accept
/// `null`. Extra annotations: `x-order` (the paper's field order), `x-rule` (rule ids),
/// `x-labels` (choice labels, also accepted as values by [`validate_form`]), `x-personal`
/// (what `redact` masks), `x-rules` (every cross-field rule; date order and the "1234"
/// deadline only [`validate_form`] checks).
///
/// # Errors
/// `invalid_input` on `kind` when `kind` is not one of the five.
///
/// # Example
/// ```
/// let s = liaison::forms::form_schema("reception_record")?;
/// assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(s["title"], "党组织书记接待群众登记表");
/// assert_eq!(s["properties"]["visitor"]["properties"]["phone"]["title"], "联系电话");
/// assert_eq!(s["properties"]["handling"]["properties"]["way"]["oneOf"][1]["title"], "限期办理");
/// assert_eq!(s["additionalProperties"], false);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn form_schema(kind: &str) -> Result<Value> {
    form_schema_draft(kind, Draft::default())
}

/// F1–F5: [`form_schema`] in a given JSON Schema draft (the same schema; only `$schema`
/// differs).
///
/// # Errors
/// `invalid_input` on `kind` when `kind` is not one of the five.
pub fn form_schema_draft(kind: &str, draft: Draft) -> Result<Value> {
    Ok(schema::schema(kind.parse()?, draft))
}

/// PIPL art. 51: a copy of a form document with personal data masked for export —
/// names (张三丰 → 张**), phones (13812341234 → 138****1234, 023-66230226 →
/// 023-****0226), addresses (first 6 characters then `****`) and 18-character ID numbers
/// in any text (first 6 and last 4 kept). Everything else, unknown keys included, is
/// unchanged. Works on invalid documents too; see [`mask_name`], [`mask_phone`],
/// [`mask_address`], [`mask_ids`].
///
/// # Errors
/// `invalid_input` on `kind` when `kind` is not one of the five; never for the content.
///
/// # Example
/// ```
/// use serde_json::json;
/// let data = json!({"visitor": {"name": "张三丰", "phone": "13812341234",
///                   "address": "重庆市巴南区鱼洞街道新市街12号"}, "matter": "道路损毁"});
/// let r = liaison::forms::redact("reception_record", &data).unwrap();
/// assert_eq!(r, json!({"visitor": {"name": "张**", "phone": "138****1234",
///                      "address": "重庆市巴南区****"}, "matter": "道路损毁"}));
/// ```
pub fn redact(kind: &str, data: &Value) -> Result<Value> {
    let kind: FormKind = kind.parse()?;
    Ok(redact::redact_form(kind.fields(), data))
}

/// One field of a form, as listed by [`form_fields`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldInfo {
    /// The path, with `[]` for the items of a list: `visitor.phone`, `members[].age`.
    pub path: String,
    /// The Chinese label as printed on the paper form.
    pub label_zh: String,
    /// What the field holds, in English.
    pub description: String,
    /// `text`, `name`, `address`, `phone`, `date`, `integer`, `money`, `area`, `flag`,
    /// `choice`, `serial`, `responsibility`, `object` or `list`.
    pub kind: String,
    /// Whether the field is required (inside its group or list item).
    pub required: bool,
    /// The rule ids it comes from.
    pub rule: String,
}

/// F1–F5: every field of a form in the order of the paper form, groups before their
/// fields — for spreadsheet column headers and form builders.
///
/// # Errors
/// `invalid_input` on `kind` when `kind` is not one of the five.
///
/// # Example
/// ```
/// let f = liaison::forms::form_fields("visit_diary").unwrap();
/// let age = f.iter().find(|f| f.path == "members[].age").unwrap();
/// assert_eq!((age.label_zh.as_str(), age.kind.as_str()), ("年龄", "integer"));
/// ```
pub fn form_fields(kind: &str) -> Result<Vec<FieldInfo>> {
    let kind: FormKind = kind.parse()?;
    let mut out = Vec::new();
    list_fields(kind.fields(), "", &mut out);
    Ok(out)
}

fn list_fields(fields: &'static [Field], prefix: &str, out: &mut Vec<FieldInfo>) {
    for f in fields {
        let path = format!("{prefix}{}", f.key);
        out.push(FieldInfo {
            path: path.clone(),
            label_zh: f.label_zh.to_string(),
            description: f.en.to_string(),
            kind: f.kind.name().to_string(),
            required: f.required,
            rule: f.rule.to_string(),
        });
        match f.kind {
            Kind::Object(inner) => list_fields(inner, &format!("{path}."), out),
            Kind::List { item, .. } => list_fields(item, &format!("{path}[]."), out),
            _ => {}
        }
    }
}

/// A typed model of one of the five forms.
pub trait FormModel: Serialize + DeserializeOwned {
    /// The form it models.
    const KIND: FormKind;
}

/// F1–F5: validates a document and, when it is valid, reads it into its typed model
/// (choices given as Chinese labels become their names; a serial in text becomes
/// `{year, number}`; 是/否 become booleans).
///
/// # Errors
/// The [`Validation`] with every problem when the document is not valid.
///
/// # Example
/// ```
/// use liaison::{forms::{parse, FeedbackSlip}, Policy};
/// let data = serde_json::json!({
///     "reporter": "张三", "reported": "2008-12-01", "matter": "路灯不亮",
///     "finished": "2008-12-05", "outcome": "已修复", "issuer": "某村党支部",
///     "issued": "2008-12-06", "satisfaction": "满意",
///     "contact": {"name": "李四", "phone": "023-66230226"}
/// });
/// let slip: FeedbackSlip = parse(&data, &Policy::banan_2008()).unwrap();
/// assert_eq!(slip.contact.phone, "023-66230226");
/// ```
pub fn parse<T: FormModel>(data: &Value, policy: &Policy) -> std::result::Result<T, Validation> {
    let validation = validate_kind(T::KIND, data, policy);
    if !validation.valid {
        return Err(validation);
    }
    crate::de::from_value(data).map_err(|e| {
        // The validator accepted what the model rejects: report it rather than panic.
        let at = e.loc().to_string();
        Validation {
            valid: false,
            errors: vec![FieldError {
                message: format!("`{at}` cannot be read into the typed model"),
                message_zh: format!("`{at}` 无法读入类型化模型"),
                loc: e.loc().clone(),
                code: FieldCode::InvalidType,
                rule: T::KIND.rule().to_string(),
            }],
        }
    })
}
