//! The validator: walks a JSON document along a form's field table, then the form's
//! cross-field rules add theirs; every problem is collected, none stops the walk.
//!
//! Order of the errors: by the position of their field in the form — the table's (paper)
//! order, depth first, list items by index, a group's unknown keys after its known ones
//! (sorted by code point). Errors on the same field keep the order they were found in: the
//! field's own check first (at most one), then the cross-field rules in the order the form
//! lists them.

use super::codes::FieldCode;
use super::fields::{decimal_places, integral, is_phone, parse_serial};
pub(crate) use super::path::{Out, Path};
use super::table::{Choice, Field, Kind, AREA_MAX, MONEY_MAX};
use crate::de::parse_date;
use crate::Responsibility;
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// Whether a value counts as absent: missing or `null`.
fn absent(value: Option<&Value>) -> bool {
    matches!(value, None | Some(Value::Null))
}

/// Whether text is blank (empty or only white space).
fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The English and Chinese names of a JSON type a field expects.
fn expected(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Text { .. } => ("text (a JSON string)", "文本"),
        Kind::Phone => (
            "a phone number as text (a JSON string)",
            "文本形式的电话号码",
        ),
        Kind::Date => ("a date as text, YYYY-MM-DD", "文本形式的日期（YYYY-MM-DD）"),
        Kind::Integer { .. } => ("a whole number", "整数"),
        Kind::Money | Kind::Area => ("a number", "数字"),
        Kind::Flag => ("true or false (or 是/否)", "是或否"),
        Kind::Choice(_) => ("one of the listed values as text", "所列选项之一（文本）"),
        Kind::Serial => (
            "a serial number as text or an object {year, number}",
            "文本形式的编号或 {year, number} 对象",
        ),
        Kind::Responsibility => (
            "a class name, a digit 1-4 or a Chinese label",
            "办理类别名称、数字 1-4 或中文名称",
        ),
        Kind::Object(_) => ("an object", "对象"),
        Kind::List { .. } => ("a list", "列表"),
    }
}

/// Formats a bound without a needless `.0`.
fn bound(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        // Exact: a whole number below 10^15.
        #[allow(clippy::cast_possible_truncation)]
        let i = x as i64;
        i.to_string()
    } else {
        x.to_string()
    }
}

/// The accepted values of a choice, in English and in Chinese.
fn choice_lists(choices: &[Choice]) -> (String, String) {
    let en: Vec<String> = choices
        .iter()
        .map(|c| format!("{} ({})", c.name, c.label_zh))
        .collect();
    let zh: Vec<&str> = choices.iter().map(|c| c.label_zh).collect();
    (en.join(", "), zh.join("、"))
}

/// Checks the object `value` against `fields` at `path`.
pub(crate) fn check_object(
    fields: &'static [Field],
    value: &Value,
    path: &Path,
    rule: &str,
    out: &mut Out,
) {
    let Some(map) = value.as_object() else {
        let (en, zh) = expected(Kind::Object(fields));
        out.push(
            path,
            FieldCode::InvalidType,
            rule,
            &[("expected", en.into()), ("expected_zh", zh.into())],
        );
        return;
    };
    for (position, field) in fields.iter().enumerate() {
        let p = path.field(field, position);
        let v = map.get(field.key);
        if absent(v) {
            if field.required {
                out.push(&p, FieldCode::Required, field.rule, &[]);
            }
        } else if let Some(v) = v {
            check_value(field, v, &p, out);
        }
    }
    let mut unknown: Vec<&String> = map
        .keys()
        .filter(|k| !fields.iter().any(|f| f.key == k.as_str()))
        .collect();
    unknown.sort();
    for key in unknown {
        out.push(
            &path.unknown(key),
            FieldCode::UnknownField,
            out.form_rule(),
            &[],
        );
    }
}

/// Checks one present, non-null value.
fn check_value(field: &'static Field, value: &Value, path: &Path, out: &mut Out) {
    let rule = field.rule;
    let wrong_type = |out: &mut Out| {
        let (en, zh) = expected(field.kind);
        out.push(
            path,
            FieldCode::InvalidType,
            rule,
            &[("expected", en.into()), ("expected_zh", zh.into())],
        );
    };
    match field.kind {
        Kind::Text { max, .. } => match value {
            Value::String(s) if field.required && blank(s) => {
                out.push(path, FieldCode::Required, rule, &[])
            }
            Value::String(s) if s.chars().count() > max => out.push(
                path,
                FieldCode::TooLong,
                rule,
                &[
                    ("max", max.to_string()),
                    ("unit", "characters".into()),
                    ("unit_zh", "个字符".into()),
                ],
            ),
            Value::String(_) => {}
            _ => wrong_type(out),
        },
        Kind::Phone => match value {
            Value::String(s) if field.required && blank(s) => {
                out.push(path, FieldCode::Required, rule, &[])
            }
            Value::String(s) if !is_phone(s) => out.push(path, FieldCode::InvalidPhone, rule, &[]),
            Value::String(_) => {}
            _ => wrong_type(out),
        },
        Kind::Date => match value {
            Value::String(s) if field.required && blank(s) => {
                out.push(path, FieldCode::Required, rule, &[])
            }
            Value::String(s) if parse_date(s).is_err() => {
                out.push(path, FieldCode::InvalidDate, rule, &[])
            }
            Value::String(_) => {}
            _ => wrong_type(out),
        },
        Kind::Integer { min, max } => match value {
            Value::Number(n) => match integral(n) {
                // Bounds are small integers, exact in f64.
                #[allow(clippy::cast_precision_loss)]
                Some(x) if x < min as f64 || x > max as f64 => out.push(
                    path,
                    FieldCode::OutOfRange,
                    rule,
                    &[
                        ("range", format!("a whole number from {min} to {max}")),
                        ("range_zh", format!("为 {min} 到 {max} 之间的整数")),
                    ],
                ),
                Some(_) => {}
                None => wrong_type(out),
            },
            _ => wrong_type(out),
        },
        Kind::Money => match value {
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if !(0.0..=MONEY_MAX).contains(&x) {
                    out.push(
                        path,
                        FieldCode::OutOfRange,
                        rule,
                        &[
                            ("range", format!("from 0 to {} yuan", bound(MONEY_MAX))),
                            ("range_zh", format!("在 0 到 {} 元之间", bound(MONEY_MAX))),
                        ],
                    );
                } else if decimal_places(n) > 2 {
                    out.push(path, FieldCode::InvalidAmount, rule, &[]);
                }
            }
            _ => wrong_type(out),
        },
        Kind::Area => match value {
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if !(x > 0.0 && x <= AREA_MAX) {
                    out.push(
                        path,
                        FieldCode::OutOfRange,
                        rule,
                        &[
                            (
                                "range",
                                format!(
                                    "more than 0 and at most {} square metres",
                                    bound(AREA_MAX)
                                ),
                            ),
                            (
                                "range_zh",
                                format!("大于 0 且不超过 {} 平方米", bound(AREA_MAX)),
                            ),
                        ],
                    );
                }
            }
            _ => wrong_type(out),
        },
        Kind::Flag => match value {
            Value::Bool(_) => {}
            Value::String(s) if s == "是" || s == "否" => {}
            Value::String(_) => out.push(
                path,
                FieldCode::InvalidChoice,
                rule,
                &[
                    ("choices", "true, false, 是, 否".into()),
                    ("choices_zh", "是、否".into()),
                ],
            ),
            _ => wrong_type(out),
        },
        Kind::Choice(choices) => match value {
            Value::String(s) if field.required && blank(s) => {
                out.push(path, FieldCode::Required, rule, &[])
            }
            Value::String(s) => {
                if choice(choices, s).is_none() {
                    let (en, zh) = choice_lists(choices);
                    out.push(
                        path,
                        FieldCode::InvalidChoice,
                        rule,
                        &[("choices", en), ("choices_zh", zh)],
                    );
                }
            }
            _ => wrong_type(out),
        },
        Kind::Serial => match value {
            Value::String(s) if field.required && blank(s) => {
                out.push(path, FieldCode::Required, rule, &[])
            }
            Value::String(s) => {
                if parse_serial(s).is_none() {
                    out.push(path, FieldCode::InvalidSerial, rule, &[]);
                }
            }
            Value::Object(_) => check_object(&super::common::SERIAL, value, path, rule, out),
            _ => wrong_type(out),
        },
        Kind::Responsibility => match value {
            Value::String(s) if field.required && blank(s) => {
                out.push(path, FieldCode::Required, rule, &[])
            }
            Value::String(_) | Value::Number(_) => {
                if responsibility(value).is_none() {
                    out.push(
                        path,
                        FieldCode::InvalidChoice,
                        rule,
                        &[
                            (
                                "choices",
                                "within_remit (1, 职责内), outside_remit (2, 职责外), unresolvable (3, 不能解决), lead_unit (4, 牵头解决)".into(),
                            ),
                            ("choices_zh", "职责内（1）、职责外（2）、不能解决（3）、牵头解决（4）".into()),
                        ],
                    );
                }
            }
            _ => wrong_type(out),
        },
        Kind::Object(fields) => check_object(fields, value, path, rule, out),
        Kind::List { item, max } => match value {
            Value::Array(items) => {
                if field.required && items.is_empty() {
                    out.push(path, FieldCode::Required, rule, &[]);
                }
                if items.len() > max {
                    out.push(
                        path,
                        FieldCode::TooLong,
                        rule,
                        &[
                            ("max", max.to_string()),
                            ("unit", "items".into()),
                            ("unit_zh", "项".into()),
                        ],
                    );
                }
                for (i, v) in items.iter().enumerate() {
                    check_object(item, v, &path.item(i), rule, out);
                }
            }
            _ => wrong_type(out),
        },
    }
}

/// The choice a string names (by name or label, exactly).
pub(crate) fn choice(choices: &'static [Choice], s: &str) -> Option<&'static Choice> {
    choices.iter().find(|c| c.name == s || c.label_zh == s)
}

/// A "1234" class: the name, the label or the digit as a string, exactly; or the digit
/// 1–4 as a whole number.
pub(crate) fn responsibility(value: &Value) -> Option<Responsibility> {
    match value {
        Value::String(s) if s.trim() == s => s.parse().ok(),
        Value::Number(n) => integral(n)
            .filter(|x| (1.0..=4.0).contains(x))
            // A whole number from 1 to 4.
            .and_then(|x| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Responsibility::from_digit(x as u64).ok()
            }),
        _ => None,
    }
}

/// Getters the cross-field rules use: each returns a value only when it is present and
/// valid (an invalid value has already been reported by the walk).
pub(crate) struct Doc<'a> {
    map: &'a Map<String, Value>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(map: &'a Map<String, Value>) -> Doc<'a> {
        Doc { map }
    }

    /// The value at `keys` (nested objects), when present and not null.
    pub(crate) fn get(&self, keys: &[&str]) -> Option<&'a Value> {
        let (last, parents) = keys.split_last()?;
        let mut map = self.map;
        for key in parents {
            map = map.get(*key)?.as_object()?;
        }
        map.get(*last).filter(|v| !v.is_null())
    }

    /// Whether a value is present: not missing, not null, not blank text, not an empty list.
    pub(crate) fn present(&self, keys: &[&str]) -> bool {
        match self.get(keys) {
            None => false,
            Some(Value::String(s)) => !blank(s),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(_) => true,
        }
    }

    /// A valid date.
    pub(crate) fn date(&self, keys: &[&str]) -> Option<NaiveDate> {
        self.get(keys)
            .and_then(Value::as_str)
            .and_then(|s| parse_date(s).ok())
    }

    /// A valid flag (`true`/`false`, 是/否).
    pub(crate) fn flag(&self, keys: &[&str]) -> Option<bool> {
        match self.get(keys)? {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s == "是" => Some(true),
            Value::String(s) if s == "否" => Some(false),
            _ => None,
        }
    }

    /// The name of a valid choice.
    pub(crate) fn choice(&self, keys: &[&str], choices: &'static [Choice]) -> Option<&'static str> {
        self.get(keys)
            .and_then(Value::as_str)
            .and_then(|s| choice(choices, s))
            .map(|c| c.name)
    }

    /// A valid "1234" class.
    pub(crate) fn responsibility(&self, keys: &[&str]) -> Option<Responsibility> {
        self.get(keys).and_then(responsibility)
    }
}

/// The path of a field known to be in the table (the root if it is not, which tests rule out).
pub(crate) fn at(fields: &'static [Field], keys: &[&str]) -> Path {
    Path::of(fields, keys).unwrap_or_default()
}

/// Reports `date_order` at `later` when both dates are valid and `later` is before `earlier`.
pub(crate) fn not_before(
    fields: &'static [Field],
    doc: &Doc<'_>,
    later: &[&str],
    earlier: &[&str],
    rule: &str,
    out: &mut Out,
) {
    if let (Some(l), Some(e)) = (doc.date(later), doc.date(earlier)) {
        if l < e {
            out.push_vs(
                &at(fields, later),
                FieldCode::DateOrder,
                rule,
                &at(fields, earlier),
                &[],
            );
        }
    }
}
