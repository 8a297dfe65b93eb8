//! Groups and types more than one form uses: the handling of a matter (办理情况, F1 and
//! F3), the contact person (联系人, F2 and F5), the serial number of F2, and the choices.

use super::codes::FieldCode;
use super::fields::parse_serial;
use super::table::{Choice, Field, Kind, NAME, TEXT, UNIT};
use super::walk::{at, not_before, Doc, Out};
use crate::{Policy, Responsibility};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::str::FromStr;

/// 性别.
pub(crate) static SEX: &[Choice] = &[
    Choice {
        name: "male",
        label_zh: "男",
    },
    Choice {
        name: "female",
        label_zh: "女",
    },
];

/// S1.9: the four ways of handling printed on F1 and F3.
pub(crate) static WAYS: &[Choice] = &[
    Choice {
        name: "on_the_spot",
        label_zh: "现场办理",
    },
    Choice {
        name: "by_deadline",
        label_zh: "限期办理",
    },
    Choice {
        name: "explained",
        label_zh: "解释说明",
    },
    Choice {
        name: "referred",
        label_zh: "转有关部门办理",
    },
];

/// F5 是否满意, with the middle answer of S3.7.
pub(crate) static SATISFACTION: &[Choice] = &[
    Choice {
        name: "satisfied",
        label_zh: "满意",
    },
    Choice {
        name: "basically_satisfied",
        label_zh: "基本满意",
    },
    Choice {
        name: "dissatisfied",
        label_zh: "不满意",
    },
];

/// F2: the serial number as an object.
pub(crate) static SERIAL: [Field; 2] = [
    Field::req(
        "year",
        "年",
        "the year of the serial number (4 digits)",
        Kind::Integer {
            min: 1000,
            max: 9999,
        },
        "F2",
    ),
    Field::req(
        "number",
        "号",
        "the number within the year (1-999999)",
        Kind::Integer {
            min: 1,
            max: 999_999,
        },
        "F2",
    ),
];

/// S1.9: 办理情况 of F1 and F3.
pub(crate) static HANDLING: &[Field] = &[
    Field::req(
        "way",
        "办理方式",
        "how the matter is handled: on_the_spot (现场办理), by_deadline (限期办理), explained (解释说明) or referred (转有关部门办理)",
        Kind::Choice(WAYS),
        "S1.9",
    ),
    Field::opt("deadline", "办理期限", "by_deadline: the date by which the matter is solved (required for by_deadline)", Kind::Date, "S1.9"),
    Field::opt("handler", "经办人", "by_deadline: the person named to handle it (required for by_deadline)", NAME, "S1.9"),
    Field::opt("department", "转办部门", "referred: the department the matter is passed to (required for referred)", UNIT, "S1.9"),
    Field::opt("note", "办理说明", "what was done or said", TEXT, "S1.9"),
];

/// S5.6: the contact person and phone of F2 and F5.
pub(crate) static CONTACT: &[Field] = &[
    Field::req("name", "联系人", "the contact person", NAME, "S5.6"),
    Field::req(
        "phone",
        "联系电话",
        "the contact person's phone",
        Kind::Phone,
        "S5.6",
    ),
];

/// S1.9: the cross-field rules of a handling group at `handling` (F1, F3), whose form
/// date is `date`: 限期办理 names a deadline and a handler, 转有关部门办理 a department,
/// and the deadline is not before the form date.
pub(crate) fn handling_rules(fields: &'static [Field], doc: &Doc<'_>, out: &mut Out) {
    match doc.choice(&["handling", "way"], WAYS) {
        Some("by_deadline") => {
            for key in ["deadline", "handler"] {
                if !doc.present(&["handling", key]) {
                    out.push(
                        &at(fields, &["handling", key]),
                        FieldCode::Required,
                        "S1.9",
                        &[],
                    );
                }
            }
        }
        Some("referred") if !doc.present(&["handling", "department"]) => {
            out.push(
                &at(fields, &["handling", "department"]),
                FieldCode::Required,
                "S1.9",
                &[],
            );
        }
        _ => {}
    }
    not_before(
        fields,
        doc,
        &["handling", "deadline"],
        &["date"],
        "S1.9",
        out,
    );
}

/// 性别.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// 男.
    #[serde(alias = "男")]
    Male,
    /// 女.
    #[serde(alias = "女")]
    Female,
}

/// S1.9: how a matter is handled (办理情况), as printed on F1 and F3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlingWay {
    /// 现场办理 — answered or solved on the spot.
    #[serde(alias = "现场办理")]
    OnTheSpot,
    /// 限期办理 — promised, with a named handler and a deadline.
    #[serde(alias = "限期办理")]
    ByDeadline,
    /// 解释说明 — explained (a request that cannot lawfully be met).
    #[serde(alias = "解释说明")]
    Explained,
    /// 转有关部门办理 — registered and passed to the competent department.
    #[serde(alias = "转有关部门办理")]
    Referred,
}

/// S1.9: 办理情况 (F1, F3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handling {
    /// 办理方式.
    pub way: HandlingWay,
    /// 办理期限 — required for `by_deadline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// 经办人 — required for `by_deadline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    /// 转办部门 — required for `referred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 办理说明.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The opinion and signature of the person received or visited (F1, F3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    /// 意见.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// 签字.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// 签字日期.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<NaiveDate>,
}

/// S5.6: 联系人 and 联系电话 (F2, F5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 联系人.
    pub name: String,
    /// 联系电话.
    pub phone: String,
}

/// F5 是否满意.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// 满意.
    #[serde(alias = "满意")]
    Satisfied,
    /// 基本满意.
    #[serde(alias = "基本满意")]
    BasicallySatisfied,
    /// 不满意.
    #[serde(alias = "不满意")]
    Dissatisfied,
}

/// F2: a serial number `（2008）年第12号`. Reads from `{"year", "number"}` or from the text
/// (full-width or ASCII parentheses); writes as the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SerialRepr")]
pub struct Serial {
    /// The year (4 digits).
    pub year: u16,
    /// The number within the year (1–999 999).
    pub number: u32,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SerialRepr {
    Object {
        #[serde(deserialize_with = "de_whole")]
        year: u16,
        #[serde(deserialize_with = "de_whole")]
        number: u32,
    },
    Text(String),
}

impl TryFrom<SerialRepr> for Serial {
    type Error = String;

    fn try_from(repr: SerialRepr) -> Result<Self, Self::Error> {
        match repr {
            SerialRepr::Object { year, number } => Ok(Serial { year, number }),
            SerialRepr::Text(s) => s.parse(),
        }
    }
}

impl FromStr for Serial {
    type Err = String;

    /// ```
    /// let s: liaison::forms::Serial = "（2008）年第12号".parse().unwrap();
    /// assert_eq!((s.year, s.number), (2008, 12));
    /// assert_eq!(s.to_string(), "（2008）年第12号");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_serial(s)
            .map(|(year, number)| Serial { year, number })
            .ok_or_else(|| "not a serial number like （2008）年第12号".to_string())
    }
}

impl fmt::Display for Serial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "（{}）年第{}号", self.year, self.number)
    }
}

/// Reads an optional flag: `true`/`false` or 是/否.
pub(crate) fn de_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Text(String),
    }
    match Option::<Flag>::deserialize(d)? {
        None => Ok(None),
        Some(Flag::Bool(b)) => Ok(Some(b)),
        Some(Flag::Text(s)) if s == "是" => Ok(Some(true)),
        Some(Flag::Text(s)) if s == "否" => Ok(Some(false)),
        Some(Flag::Text(_)) => Err(serde::de::Error::custom("expected true, false, 是 or 否")),
    }
}

/// Reads an optional "1234" class: name, digit (number or string) or Chinese label.
pub(crate) fn de_responsibility<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Responsibility>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => super::walk::responsibility(&v)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom("not a responsibility class")),
    }
}

/// A whole JSON number (`30` or `30.0`) that fits `T`.
fn whole<T: TryFrom<u64>>(value: &serde_json::Value) -> Option<T> {
    let n = value.as_number()?;
    let x = super::fields::integral(n)?;
    if !(0.0..=9_007_199_254_740_991.0).contains(&x) {
        return None;
    }
    // A non-negative safe integer converts to u64 exactly.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let u = x as u64;
    T::try_from(u).ok()
}

/// Reads a whole number written as `30` or `30.0`.
pub(crate) fn de_whole<'de, D: Deserializer<'de>, T: TryFrom<u64>>(d: D) -> Result<T, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    whole(&value).ok_or_else(|| serde::de::Error::custom("expected a whole number in range"))
}

/// Reads an optional whole number written as `30` or `30.0`.
pub(crate) fn de_opt_whole<'de, D: Deserializer<'de>, T: TryFrom<u64>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => whole(&v)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom("expected a whole number in range")),
    }
}

/// The rule id of a "1234" class.
fn class_rule(class: Responsibility) -> &'static str {
    match class {
        Responsibility::WithinRemit => "S5.1",
        Responsibility::OutsideRemit => "S5.2",
        Responsibility::Unresolvable => "S5.3",
        Responsibility::LeadUnit => "S5.4",
    }
}

/// S5.1–S5.4 (A1, A2, A13) on F2 and F4: with a "1234" class, the day of receipt
/// `reported` is needed, and a given `deadline` may not be later than [`crate::deadline`]
/// of that day and class under the policy ("10天内" is a most: a promise to finish sooner
/// is valid).
pub(crate) fn deadline_rule(
    fields: &'static [Field],
    doc: &Doc<'_>,
    policy: &Policy,
    out: &mut Out,
) {
    let Some(class) = doc.responsibility(&["responsibility"]) else {
        return;
    };
    let rule = class_rule(class);
    if !doc.present(&["reported"]) {
        out.push(&at(fields, &["reported"]), FieldCode::Required, rule, &[]);
        return;
    }
    let (Some(reported), Some(given)) = (doc.date(&["reported"]), doc.date(&["deadline"])) else {
        return;
    };
    let path = at(fields, &["deadline"]);
    let rule = format!("{rule} A1 A2");
    match crate::deadline(reported, class, policy) {
        Ok(last) if given <= last => {}
        Ok(expected) => out.push_vs(
            &path,
            FieldCode::DeadlineMismatch,
            &rule,
            &at(fields, &["reported"]),
            &[
                ("expected", expected.to_string()),
                ("class", class.name().to_string()),
                ("class_zh", class.label_zh().to_string()),
                ("days", class.days(policy).to_string()),
            ],
        ),
        Err(_) => out.push(&path, FieldCode::CalendarNotCovered, &rule, &[]),
    }
}
