//! The validator: walks a JSON document along a form's field table, then the form's
//! cross-field rules add theirs; every problem is collected, none stops the walk.
//!
//! Order of the errors: by the position of their field in the form — the table's (paper)
//! order, depth first, list items by index, a group's unknown keys after its known ones
//! (sorted by code point). Errors on the same field keep the order they were found in: the
//! field's own check first (at most one), then the cross-field rules in the order the form
//! lists them.

use super::codes::{render, FieldCode};
use super::fields::{decimal_places, integral, is_phone, parse_serial};
use super::table::{find, Choice, Field, Kind, AREA_MAX, MONEY_MAX};
use super::FieldError;
use crate::convert::parse_date;
use crate::Responsibility;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// One step of a path.
#[derive(Debug, Clone)]
enum Seg {
    /// A key of the table, with its position and label.
    Known {
        key: &'static str,
        position: usize,
        label_zh: &'static str,
    },
    /// A key that is not in the table.
    Unknown(String),
    /// An item of a list.
    Item(usize),
}

/// A path into a form document, e.g. `members[2].age`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Path(Vec<Seg>);

impl Path {
    /// The root of the document.
    pub(crate) fn root() -> Path {
        Path(Vec::new())
    }

    fn with(&self, seg: Seg) -> Path {
        let mut segs = self.0.clone();
        segs.push(seg);
        Path(segs)
    }

    /// The field at `position` of the table.
    pub(crate) fn field(&self, field: &'static Field, position: usize) -> Path {
        self.with(Seg::Known {
            key: field.key,
            position,
            label_zh: field.label_zh,
        })
    }

    /// A key that is not on the form.
    pub(crate) fn unknown(&self, key: &str) -> Path {
        self.with(Seg::Unknown(key.to_string()))
    }

    /// An item of a list.
    pub(crate) fn item(&self, index: usize) -> Path {
        self.with(Seg::Item(index))
    }

    /// The path of a field given by its keys from the root of `fields`; `None` when the
    /// table has no such field.
    pub(crate) fn of(fields: &'static [Field], keys: &[&str]) -> Option<Path> {
        let mut path = Path::root();
        let mut table = fields;
        for (depth, key) in keys.iter().enumerate() {
            let (position, field) = find(table, key)?;
            path = path.field(field, position);
            if depth + 1 < keys.len() {
                table = match field.kind {
                    Kind::Object(inner) => inner,
                    _ => return None,
                };
            }
        }
        Some(path)
    }

    /// The path as text: `visitor.phone`, `members[2].age`, `` for the root.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for seg in &self.0 {
            match seg {
                Seg::Known { key, .. } => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Seg::Unknown(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Seg::Item(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// The Chinese labels of the path: `来访群众情况·联系电话`, `被访家庭成员基本情况·第3项·年龄`.
    /// Unknown keys are not shown (they may be personal data).
    pub(crate) fn label_zh(&self, form_label: &str) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .filter_map(|seg| match seg {
                Seg::Known { label_zh, .. } => Some((*label_zh).to_string()),
                Seg::Item(i) => Some(format!("第{}项", i.saturating_add(1))),
                Seg::Unknown(_) => None,
            })
            .collect();
        if parts.is_empty() {
            form_label.to_string()
        } else {
            parts.join("·")
        }
    }

    /// The path without its last step.
    fn parent(&self) -> Path {
        let mut segs = self.0.clone();
        segs.pop();
        Path(segs)
    }

    /// The sort key: table positions, unknown keys after known ones, items by index.
    fn cmp_key(&self, other: &Path) -> Ordering {
        for (a, b) in self.0.iter().zip(other.0.iter()) {
            let o = match (a, b) {
                (Seg::Known { position: x, .. }, Seg::Known { position: y, .. }) => x.cmp(y),
                (Seg::Known { .. }, Seg::Unknown(_)) => Ordering::Less,
                (Seg::Unknown(_), Seg::Known { .. }) => Ordering::Greater,
                (Seg::Unknown(x), Seg::Unknown(y)) => x.cmp(y),
                (Seg::Item(x), Seg::Item(y)) => x.cmp(y),
                (Seg::Item(_), _) => Ordering::Less,
                (_, Seg::Item(_)) => Ordering::Greater,
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        self.0.len().cmp(&other.0.len())
    }
}

/// Collects the errors of one validation.
pub(crate) struct Out {
    form_label: &'static str,
    form_rule: &'static str,
    rows: Vec<(Path, FieldError)>,
}

impl Out {
    pub(crate) fn new(form_label: &'static str, form_rule: &'static str) -> Out {
        Out {
            form_label,
            form_rule,
            rows: Vec::new(),
        }
    }

    /// The rule id of the form (F1–F5).
    pub(crate) fn form_rule(&self) -> &'static str {
        self.form_rule
    }

    /// Adds an error. `params` fill the templates besides `{field}` and `{label}`.
    pub(crate) fn push(
        &mut self,
        path: &Path,
        code: FieldCode,
        rule: &str,
        params: &[(&str, String)],
    ) {
        let mut all: Vec<(&str, String)> = vec![
            ("field", path.text()),
            ("label", path.label_zh(self.form_label)),
        ];
        if code == FieldCode::UnknownField {
            let parent = path.parent();
            let (within, within_zh) = if parent.0.is_empty() {
                (String::new(), "表单".to_string())
            } else {
                (
                    format!(" in `{}`", parent.text()),
                    format!("「{}」", parent.label_zh(self.form_label)),
                )
            };
            all.push(("within", within));
            all.push(("within_zh", within_zh));
        }
        all.extend(params.iter().map(|(k, v)| (*k, v.clone())));
        let error = FieldError {
            path: path.text(),
            code,
            message: render(code.template_en(), &all),
            message_zh: render(code.template_zh(), &all),
            rule: rule.to_string(),
        };
        self.rows.push((path.clone(), error));
    }

    /// Adds an error at `other`-relative field: `{other}` and `{other_zh}` name it.
    pub(crate) fn push_vs(
        &mut self,
        path: &Path,
        code: FieldCode,
        rule: &str,
        other: &Path,
        params: &[(&str, String)],
    ) {
        let mut all = vec![
            ("other", other.text()),
            ("other_zh", other.label_zh(self.form_label)),
        ];
        all.extend(params.iter().map(|(k, v)| (*k, v.clone())));
        self.push(path, code, rule, &all);
    }

    /// The errors in form order (stable: same-field errors keep their order).
    pub(crate) fn finish(mut self) -> Vec<FieldError> {
        self.rows.sort_by(|(a, _), (b, _)| a.cmp_key(b));
        self.rows.into_iter().map(|(_, e)| e).collect()
    }
}

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
            Value::String(s) if parse_date("", s).is_err() => {
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
            .and_then(|s| parse_date("", s).ok())
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
