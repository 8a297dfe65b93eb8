//! Masks personal data for export (《个人信息保护法》 art. 51: 去标识化), field by field
//! from the form's table; never fails on content, and fails closed: whatever it cannot
//! prove harmless is masked.
//!
//! - names → the first character and one `*` for each other character (张三丰 → 张**;
//!   a one-character name → `*`);
//! - phones → the first 3 and the last 4 digits kept, the other digits `*`, separators and
//!   a `+86`/`86` prefix kept (13812341234 → 138****1234, 023-66230226 → 023-****0226);
//!   fewer than 8 digits → every digit masked;
//! - addresses and places → the first 6 characters then `****`; an address of 6
//!   characters or fewer keeps only its first half;
//! - free text of a known field (事由, 来访情况, …) is kept, with every 18-character resident
//!   ID number masked (first 6 and last 4 characters kept) and every other run of 7 or more
//!   digits (a phone, a bank card) masked as a phone is; names inside free text are not
//!   recognised: review free text before export;
//! - a date, number, flag or choice of a known field is kept when it has its field's own
//!   shape; any other value there is masked whole;
//! - everything the form does not know — an unknown key's value, a value of the wrong shape
//!   (a text where a group is expected, a group where a text is expected) — is masked whole:
//!   every character of every text `*`, every number a text of `*`; an unknown key that is not
//!   a short ASCII token (it may be a name or an ID number) is replaced by `<key N>`.

use super::fields::{integral, is_phone};
use super::table::{Field, Kind, Pii, AREA_MAX, MONEY_MAX};
use crate::error::is_token;
use serde_json::{Map, Value};

/// Redacts a form document.
pub(crate) fn redact_form(fields: &'static [Field], data: &Value) -> Value {
    match data {
        Value::Object(map) => Value::Object(redact_object(fields, map)),
        other => mask_whole(other),
    }
}

fn redact_object(fields: &'static [Field], map: &Map<String, Value>) -> Map<String, Value> {
    let mut unknown = 0usize;
    map.iter()
        .map(
            |(key, value)| match fields.iter().find(|f| f.key == key.as_str()) {
                Some(field) => (key.clone(), redact_field(field.kind, value)),
                None => {
                    unknown += 1;
                    let key = if is_token(key) {
                        key.clone()
                    } else {
                        format!("<key {unknown}>")
                    };
                    (key, mask_whole(value))
                }
            },
        )
        .collect()
}

fn redact_field(kind: Kind, value: &Value) -> Value {
    match (kind, value) {
        (_, Value::Null) => Value::Null,
        (Kind::Text { pii: Pii::Name, .. }, Value::String(s)) => Value::String(mask_name(s)),
        (
            Kind::Text {
                pii: Pii::Address, ..
            },
            Value::String(s),
        ) => Value::String(mask_address(s)),
        (Kind::Text { pii: Pii::None, .. }, Value::String(s)) => Value::String(mask_free_text(s)),
        (Kind::Phone, Value::String(s)) if is_phone(s) => Value::String(mask_phone(s)),
        (Kind::Phone, Value::String(s)) => Value::String(mask_digit_runs(s, 1)),
        (Kind::Phone, Value::Number(n)) => Value::String(mask_digit_runs(&n.to_string(), 1)),
        (Kind::Date, Value::String(s)) if crate::de::parse_date(s).is_ok() => value.clone(),
        (Kind::Integer { .. } | Kind::Money | Kind::Area, Value::Number(n))
            if harmless_number(kind, n) =>
        {
            value.clone()
        }
        (Kind::Flag, Value::Bool(_)) => value.clone(),
        (Kind::Flag, Value::String(s)) if s == "是" || s == "否" => value.clone(),
        (Kind::Choice(choices), Value::String(s))
            if choices.iter().any(|c| c.name == s || c.label_zh == s) =>
        {
            value.clone()
        }
        (Kind::Serial, Value::String(s)) if super::fields::parse_serial(s).is_some() => {
            value.clone()
        }
        (Kind::Serial, Value::Object(_)) => mask_whole_except_numbers(value),
        (Kind::Responsibility, Value::String(s)) if s.parse::<crate::Responsibility>().is_ok() => {
            value.clone()
        }
        (Kind::Responsibility, Value::Number(n))
            if n.as_u64().is_some_and(|d| (1..=4).contains(&d)) =>
        {
            value.clone()
        }
        (Kind::Object(fields), Value::Object(map)) => Value::Object(redact_object(fields, map)),
        (Kind::List { item, .. }, Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|v| match v {
                    Value::Object(map) => Value::Object(redact_object(item, map)),
                    other => mask_whole(other),
                })
                .collect(),
        ),
        (_, other) => mask_whole(other),
    }
}

/// A number kept by redaction: in its field's range and without a run of 7 or more
/// digits (which could be a phone or an ID number typed into the wrong field).
fn harmless_number(kind: Kind, n: &serde_json::Number) -> bool {
    let text = n.to_string();
    let run_ok = text
        .split(|c: char| !c.is_ascii_digit())
        .all(|run| run.len() < 7);
    let in_range = match kind {
        Kind::Integer { min, max } => {
            integral(n).is_some_and(|x| (min as f64..=max as f64).contains(&x))
        }
        Kind::Money => n.as_f64().is_some_and(|x| (0.0..=MONEY_MAX).contains(&x)),
        Kind::Area => n.as_f64().is_some_and(|x| x > 0.0 && x <= AREA_MAX),
        _ => false,
    };
    run_ok && in_range
}

/// Everything inside `value` masked: every text `*` for each character, every number a
/// text of `*`, unknown keys that are not tokens replaced; `null` and booleans kept.
fn mask_whole(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String("*".repeat(s.chars().count())),
        Value::Number(n) => Value::String("*".repeat(n.to_string().chars().count())),
        Value::Array(items) => Value::Array(items.iter().map(mask_whole).collect()),
        Value::Object(map) => {
            let mut n = 0usize;
            Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        n += 1;
                        let k = if is_token(k) {
                            k.clone()
                        } else {
                            format!("<key {n}>")
                        };
                        (k, mask_whole(v))
                    })
                    .collect(),
            )
        }
        Value::Null | Value::Bool(_) => value.clone(),
    }
}

/// A serial given as `{year, number}`: whole numbers kept, anything else masked.
fn mask_whole_except_numbers(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| match v {
                    Value::Number(n) if n.is_u64() && is_token(k) => (k.clone(), v.clone()),
                    _ => {
                        let masked = mask_whole(&Value::Object(
                            std::iter::once((k.clone(), v.clone())).collect(),
                        ));
                        masked
                            .as_object()
                            .and_then(|m| m.iter().next())
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .unwrap_or_else(|| (String::new(), Value::Null))
                    }
                })
                .collect(),
        ),
        other => mask_whole(other),
    }
}

/// Free text: ID numbers masked, and every other run of 7 or more digits masked as a
/// phone (first 3 and last 4 kept from 11 digits on, all masked below).
///
/// ```
/// use liaison::forms::mask_free_text;
/// assert_eq!(mask_free_text("路灯坏了，电话13812341234"), "路灯坏了，电话138****1234");
/// assert_eq!(mask_free_text("卡号6222020200112233445"), "卡号622************3445");
/// assert_eq!(mask_free_text("2008年12月1日，3户"), "2008年12月1日，3户");
/// ```
pub fn mask_free_text(s: &str) -> String {
    mask_digit_runs(&mask_ids(s), 7)
}

/// Masks every run of at least `min` ASCII digits: from 11 digits on the first 3 and the
/// last 4 are kept, shorter runs are masked whole.
fn mask_digit_runs(s: &str, min: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0usize;
    while i < chars.len() {
        let run = chars
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if run == 0 {
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i += 1;
            continue;
        }
        for (j, c) in chars.get(i..i + run).unwrap_or(&[]).iter().enumerate() {
            let keep = run < min || (run >= 11 && (j < 3 || j >= run - 4));
            out.push(if keep { *c } else { '*' });
        }
        i += run;
    }
    out
}

/// A name: first character kept, one `*` for each other character.
///
/// ```
/// use liaison::forms::mask_name;
/// assert_eq!(mask_name("张三丰"), "张**");
/// assert_eq!(mask_name("欧阳娜娜"), "欧***");
/// assert_eq!(mask_name("张"), "*");
/// ```
pub fn mask_name(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.clone().next()) {
        (None, _) => String::new(),
        (Some(_), None) => "*".to_string(),
        (Some(first), Some(_)) => {
            let mut out = String::from(first);
            out.extend(chars.map(|_| '*'));
            out
        }
    }
}

/// An address: the first 6 characters kept then `****`; 6 characters or fewer keep only
/// their first half.
///
/// ```
/// use liaison::forms::mask_address;
/// assert_eq!(mask_address("重庆市巴南区鱼洞街道新市街12号"), "重庆市巴南区****");
/// assert_eq!(mask_address("巴南区鱼洞"), "巴南****");
/// ```
pub fn mask_address(s: &str) -> String {
    let n = s.chars().count();
    if n == 0 {
        return String::new();
    }
    let keep = if n > 6 { 6 } else { n / 2 };
    let mut out: String = s.chars().take(keep).collect();
    out.push_str("****");
    out
}

/// A phone: the first 3 and last 4 digits of the number (after a `+86`/`86` prefix of a
/// mobile) kept, the others `*`; separators kept. Fewer than 8 digits: every digit masked.
///
/// ```
/// use liaison::forms::mask_phone;
/// assert_eq!(mask_phone("13812341234"), "138****1234");
/// assert_eq!(mask_phone("023-66230226"), "023-****0226");
/// assert_eq!(mask_phone("+86 138 1234 1234"), "+86 138 **** 1234");
/// assert_eq!(mask_phone("12345"), "*****");
/// ```
pub fn mask_phone(s: &str) -> String {
    let (prefix, rest) = split_country_prefix(s);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let mut out = String::from(prefix);
    let mut seen = 0usize;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            let keep = digits >= 8 && (seen < 3 || seen >= digits.saturating_sub(4));
            out.push(if keep { c } else { '*' });
            seen = seen.saturating_add(1);
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits `+86`/`86` (and one separator) off a mobile number.
fn split_country_prefix(s: &str) -> (&str, &str) {
    if super::fields::is_mobile(s) {
        for p in ["+86 ", "+86-", "+86", "86 ", "86-", "86"] {
            if let Some(rest) = s.strip_prefix(p) {
                if super::fields::is_mobile(rest) && rest.starts_with('1') {
                    return (p, rest);
                }
            }
        }
    }
    ("", s)
}

/// Masks every 18-character resident ID number standing alone in `s` (not part of a longer
/// run of ASCII letters and digits): first 6 and last 4 characters kept.
///
/// ```
/// use liaison::forms::mask_ids;
/// assert_eq!(mask_ids("500113198001011234"), "500113********1234");
/// assert_eq!(mask_ids("身份证号50011319800101123X丢失"), "身份证号500113********123X丢失");
/// assert_eq!(mask_ids("5001131980010112345"), "5001131980010112345");
/// ```
pub fn mask_ids(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0usize;
    while i < chars.len() {
        let run_end = chars
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(chars.len(), |p| i.saturating_add(p));
        let run = chars.get(i..run_end).unwrap_or(&[]);
        if run.is_empty() {
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i = i.saturating_add(1);
            continue;
        }
        if is_id_number(run) {
            for (j, c) in run.iter().enumerate() {
                out.push(if (6..14).contains(&j) { '*' } else { *c });
            }
        } else {
            out.extend(run.iter());
        }
        i = run_end;
    }
    out
}

/// 17 digits and a digit or `X`.
fn is_id_number(run: &[char]) -> bool {
    run.len() == 18
        && run.iter().take(17).all(char::is_ascii_digit)
        && run
            .last()
            .is_some_and(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
}
