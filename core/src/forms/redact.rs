//! Masks personal data for export (《个人信息保护法》 art. 51: 去标识化), field by field
//! from the form's table; never fails on content.
//!
//! - names → the first character and one `*` for each other character (张三丰 → 张**;
//!   a one-character name → `*`);
//! - phones → the first 3 and the last 4 digits kept, the other digits `*`, separators and
//!   a `+86`/`86` prefix kept (13812341234 → 138****1234, 023-66230226 → 023-****0226);
//!   fewer than 8 digits → every digit masked;
//! - addresses and places → the first 6 characters then `****`; an address of 6
//!   characters or fewer keeps only its first half;
//! - an 18-character resident ID number (17 digits and a digit or `X`) standing alone
//!   anywhere in any text, known field or not → its first 6 and last 4 characters kept.
//!
//! Everything else, unknown fields included, is unchanged. Free text (事由, 来访情况, …)
//! is not scanned for names, phones or addresses: review it before export.

use super::table::{Field, Kind, Pii};
use serde_json::{Map, Value};

/// Redacts a form document.
pub(crate) fn redact_form(fields: &'static [Field], data: &Value) -> Value {
    match data {
        Value::Object(map) => Value::Object(redact_object(fields, map)),
        other => mask_ids_in(other),
    }
}

fn redact_object(fields: &'static [Field], map: &Map<String, Value>) -> Map<String, Value> {
    map.iter()
        .map(|(key, value)| {
            let masked = match fields.iter().find(|f| f.key == key.as_str()) {
                Some(field) => redact_field(field.kind, value),
                None => mask_ids_in(value),
            };
            (key.clone(), masked)
        })
        .collect()
}

fn redact_field(kind: Kind, value: &Value) -> Value {
    match kind {
        Kind::Text { pii: Pii::Name, .. } => mask_leaves(value, &mask_name),
        Kind::Text {
            pii: Pii::Address, ..
        } => mask_leaves(value, &mask_address),
        Kind::Phone => mask_leaves(value, &mask_phone),
        Kind::Object(fields) => match value {
            Value::Object(map) => Value::Object(redact_object(fields, map)),
            other => mask_ids_in(other),
        },
        Kind::List { item, .. } => match value {
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|v| match v {
                        Value::Object(map) => Value::Object(redact_object(item, map)),
                        other => mask_ids_in(other),
                    })
                    .collect(),
            ),
            other => mask_ids_in(other),
        },
        _ => mask_ids_in(value),
    }
}

/// Applies a text mask to a personal field whatever its JSON type: text, a number (as
/// its text), or every text and number inside a list or object. `null` and booleans stay.
fn mask_leaves(value: &Value, mask: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(mask(s)),
        Value::Number(n) => Value::String(mask(&n.to_string())),
        Value::Array(items) => Value::Array(items.iter().map(|v| mask_leaves(v, mask)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), mask_leaves(v, mask)))
                .collect(),
        ),
        Value::Null | Value::Bool(_) => value.clone(),
    }
}

/// Masks ID numbers in every text inside `value`.
fn mask_ids_in(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(mask_ids(s)),
        Value::Array(items) => Value::Array(items.iter().map(mask_ids_in).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), mask_ids_in(v)))
                .collect(),
        ),
        other => other.clone(),
    }
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
