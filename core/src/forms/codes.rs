//! The field error codes of [`super::validate_form`], with their message templates.
//!
//! Templates name fields only: `{field}` is the path in backticks, `{label}` the Chinese
//! labels of the path; the other placeholders are bounds, dates, lists of accepted values
//! and other fields — never a value the user typed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The code of a [`super::FieldError`]: stable snake_case, the same in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FieldCode {
    /// A required field is missing, `null`, or blank text (also an empty required list).
    Required,
    /// A key that is not on the form.
    UnknownField,
    /// A value of the wrong JSON type (a number where text is expected, a fraction where a
    /// whole number is expected, …).
    InvalidType,
    /// Not a real ISO `YYYY-MM-DD` date.
    InvalidDate,
    /// Neither a mainland mobile number nor a landline number with its area code.
    InvalidPhone,
    /// A date before the date it must not precede.
    DateOrder,
    /// A number outside its range (age, housing area, income, serial year or number).
    OutOfRange,
    /// An amount of money with more than two decimal places.
    InvalidAmount,
    /// Not one of the accepted values.
    InvalidChoice,
    /// An F2 serial number not in the form `（2008）年第12号`.
    InvalidSerial,
    /// S5.1–S5.4: a deadline that is not the "1234" deadline of its class.
    DeadlineMismatch,
    /// A2: a deadline that cannot be checked because the holiday calendar does not cover it.
    CalendarNotCovered,
    /// F4: a field that must be filled before the entry is closed (是否销号).
    ClosedIncomplete,
    /// A field that contradicts another one.
    Inconsistent,
    /// Text or a list longer than allowed.
    TooLong,
}

/// Every field error code, in the order of [`FieldCode::ALL`]. Bindings test against it.
pub const FIELD_ERROR_CODES: [&str; 15] = [
    "required",
    "unknown_field",
    "invalid_type",
    "invalid_date",
    "invalid_phone",
    "date_order",
    "out_of_range",
    "invalid_amount",
    "invalid_choice",
    "invalid_serial",
    "deadline_mismatch",
    "calendar_not_covered",
    "closed_incomplete",
    "inconsistent",
    "too_long",
];

impl FieldCode {
    /// Every code, in declaration order.
    pub const ALL: [FieldCode; 15] = [
        FieldCode::Required,
        FieldCode::UnknownField,
        FieldCode::InvalidType,
        FieldCode::InvalidDate,
        FieldCode::InvalidPhone,
        FieldCode::DateOrder,
        FieldCode::OutOfRange,
        FieldCode::InvalidAmount,
        FieldCode::InvalidChoice,
        FieldCode::InvalidSerial,
        FieldCode::DeadlineMismatch,
        FieldCode::CalendarNotCovered,
        FieldCode::ClosedIncomplete,
        FieldCode::Inconsistent,
        FieldCode::TooLong,
    ];

    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(liaison::forms::FieldCode::DateOrder.name(), "date_order");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FieldCode::Required => "required",
            FieldCode::UnknownField => "unknown_field",
            FieldCode::InvalidType => "invalid_type",
            FieldCode::InvalidDate => "invalid_date",
            FieldCode::InvalidPhone => "invalid_phone",
            FieldCode::DateOrder => "date_order",
            FieldCode::OutOfRange => "out_of_range",
            FieldCode::InvalidAmount => "invalid_amount",
            FieldCode::InvalidChoice => "invalid_choice",
            FieldCode::InvalidSerial => "invalid_serial",
            FieldCode::DeadlineMismatch => "deadline_mismatch",
            FieldCode::CalendarNotCovered => "calendar_not_covered",
            FieldCode::ClosedIncomplete => "closed_incomplete",
            FieldCode::Inconsistent => "inconsistent",
            FieldCode::TooLong => "too_long",
        }
    }

    /// The English message template.
    pub fn template_en(self) -> &'static str {
        match self {
            FieldCode::Required => "`{field}` is required",
            FieldCode::UnknownField => "unknown field{within}: it is not on the form",
            FieldCode::InvalidType => "`{field}` must be {expected}",
            FieldCode::InvalidDate => "`{field}` is not a real date in the form YYYY-MM-DD",
            FieldCode::InvalidPhone => {
                "`{field}` is not a mainland mobile number or a landline number with its area code"
            }
            FieldCode::DateOrder => "`{field}` must not be before `{other}`",
            FieldCode::OutOfRange => "`{field}` must be {range}",
            FieldCode::InvalidAmount => {
                "`{field}` must be an amount in yuan with at most 2 decimal places"
            }
            FieldCode::InvalidChoice => "`{field}` must be one of {choices}",
            FieldCode::InvalidSerial => {
                "`{field}` is not a serial number like （2008）年第12号 or {\"year\": 2008, \"number\": 12}"
            }
            FieldCode::DeadlineMismatch => {
                "`{field}` must be no later than {expected}, the {class} deadline ({days} days) counted from `{other}`"
            }
            FieldCode::CalendarNotCovered => {
                "`{field}` cannot be checked: the holiday calendar does not cover it"
            }
            FieldCode::ClosedIncomplete => "`{field}` must be filled before the entry is closed",
            FieldCode::Inconsistent => "`{field}` contradicts `{other}`",
            FieldCode::TooLong => "`{field}` is longer than {max} {unit}",
        }
    }

    /// The Chinese message template.
    pub fn template_zh(self) -> &'static str {
        match self {
            FieldCode::Required => "「{label}」为必填项",
            FieldCode::UnknownField => "{within_zh}含有表格中没有的栏目",
            FieldCode::InvalidType => "「{label}」应为{expected_zh}",
            FieldCode::InvalidDate => "「{label}」不是有效的日期（格式为 YYYY-MM-DD）",
            FieldCode::InvalidPhone => "「{label}」不是有效的手机号码或带区号的固定电话号码",
            FieldCode::DateOrder => "「{label}」不得早于「{other_zh}」",
            FieldCode::OutOfRange => "「{label}」应{range_zh}",
            FieldCode::InvalidAmount => "「{label}」应为以元为单位、最多两位小数的金额",
            FieldCode::InvalidChoice => "「{label}」应为以下之一：{choices_zh}",
            FieldCode::InvalidSerial => "「{label}」不是有效的编号（如：（2008）年第12号）",
            FieldCode::DeadlineMismatch => {
                "「{label}」不得晚于 {expected}（自「{other_zh}」起按{class_zh}计 {days} 天的期限）"
            }
            FieldCode::CalendarNotCovered => "「{label}」无法核对：节假日日历未覆盖该日期",
            FieldCode::ClosedIncomplete => "销号前必须填写「{label}」",
            FieldCode::Inconsistent => "「{label}」与「{other_zh}」矛盾",
            FieldCode::TooLong => "「{label}」超过 {max} {unit_zh}",
        }
    }
}

impl fmt::Display for FieldCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Fills `{name}` placeholders of a template. Unknown placeholders are left as they are.
pub(crate) fn render(template: &str, params: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let end = from.find('}');
        let name = end.and_then(|e| from.get(1..e));
        match (end, name.and_then(|n| params.iter().find(|(k, _)| *k == n))) {
            (Some(e), Some((_, value))) => {
                out.push_str(value);
                rest = from.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('{');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}
