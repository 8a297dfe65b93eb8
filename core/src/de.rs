//! Reading JSON into the library's types, with coded errors and their places.
//!
//! Every structured input — a request of the contract, a dataset, a policy, a list of
//! years — is read in two steps: [`parse`] turns JSON text into a value (refusing
//! duplicate keys, too deep nesting and malformed text with `invalid_json`), and
//! [`from_value`] reads the value into a typed record through this module's own serde
//! deserializer. Because the deserializer knows what it was asked for, each error code is
//! chosen from the error's kind, never from a message text: a count that is not a
//! non-negative integer is `invalid_count`, a date that is not a real `YYYY-MM-DD` day
//! `invalid_date`, a missing or unknown key or a value of the wrong type `invalid_input`,
//! an unknown choice the choice's own code (`invalid_responsibility`, `invalid_grade`). The
//! place of the error is its [`Loc`](crate::error::Loc), built as the error travels out.
//!
//! Values whose reading carries its own code (dates, responsibility classes, grades) are
//! read through a "marked" newtype: their `Deserialize` asks for a newtype struct of a
//! reserved name, which this deserializer recognises (as `serde_json` does for its raw
//! values); any other deserializer reads them normally.

use crate::error::{Detail, ErrorKind, Shown};
use crate::{Error, Grade, Responsibility, Result};
use chrono::{Datelike, NaiveDate};
use serde::de::{
    self, Deserialize as _, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer,
    MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

/// The reserved name of a date read with [`date`].
const DATE: &str = "$liaison::date";

/// Reads JSON text into a value: a leading UTF-8 byte-order mark is skipped; duplicate
/// keys, nesting deeper than 128 and malformed text are `invalid_json` with the line and
/// column.
///
/// ```
/// use liaison::de::parse;
/// assert!(parse("\u{feff}{\"a\": 1}").is_ok());
/// let e = parse(r#"{"meetings": [], "meetings": []}"#).unwrap_err();
/// assert_eq!(e.code(), "invalid_json");
/// assert_eq!(parse("[1, 2").unwrap_err().code(), "invalid_json");
/// ```
///
/// # Errors
/// `invalid_json`.
pub fn parse(text: &str) -> Result<Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let duplicate = Cell::new(None);
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = Strict(&duplicate)
        .deserialize(&mut reader)
        .and_then(|v| reader.end().map(|()| v));
    value.map_err(|e| {
        let detail = match (duplicate.take(), e.classify()) {
            (Some(key), _) => Detail::new(
                format!("the key {key} is given twice"),
                format!("键 {key:#} 重复出现"),
            ),
            (None, serde_json::error::Category::Eof) => {
                Detail::new("the text ends too early", "文本提前结束")
            }
            (None, _) => Detail::new(
                "not JSON, or nested more than 128 deep",
                "不是 JSON，或嵌套超过 128 层",
            ),
        };
        Error::new(ErrorKind::InvalidJson {
            detail,
            line: e.line(),
            column: e.column(),
        })
    })
}

/// Reads a value into `T`, with coded errors (see the module docs).
///
/// ```
/// use liaison::{de::from_value, YearEvaluation};
/// let v = serde_json::json!([{"year": 2009, "satisfied": -1}]);
/// let e = from_value::<Vec<YearEvaluation>>(&v).unwrap_err();
/// assert_eq!(e.code(), "invalid_count");
/// assert_eq!(serde_json::to_value(e.loc()).unwrap(), serde_json::json!([0, "satisfied"]));
/// ```
///
/// # Errors
/// `invalid_input`, `invalid_count`, `invalid_date`, `invalid_responsibility`,
/// `invalid_grade`, each with its place.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T> {
    T::deserialize(ValueDe(value))
}

/// [`parse`], then [`from_value`].
///
/// # Errors
/// As [`parse`] and [`from_value`].
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    from_value(&parse(text)?)
}

/// Parses an ISO `YYYY-MM-DD` date (exactly ten characters, a real day).
///
/// ```
/// use liaison::de::parse_date;
/// assert!(parse_date("2008-02-29").is_ok());
/// assert_eq!(parse_date("2009-02-29").unwrap_err().code(), "invalid_date");
/// assert_eq!(parse_date("2009-2-1").unwrap_err().code(), "invalid_date");
/// assert_eq!(parse_date("0000-01-01").unwrap_err().code(), "invalid_date"); // before 0001
/// ```
///
/// # Errors
/// `invalid_date`, without a place.
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    // Four, two and two ASCII digits read by hand: chrono's `%Y-%m-%d` parser reads the
    // same days, and costs the WebAssembly builds its whole format parser.
    let mut parts = [0u32; 3];
    let mut part = 0;
    for (i, b) in text.bytes().enumerate() {
        match (i, b) {
            (4 | 7, b'-') => part += 1,
            (0..=9, b'0'..=b'9') if i != 4 && i != 7 => {
                if let Some(p) = parts.get_mut(part) {
                    *p = *p * 10 + u32::from(b - b'0');
                }
            }
            _ => return Err(Error::new(ErrorKind::InvalidDate)),
        }
    }
    let [year, month, day] = parts;
    (text.len() == 10)
        .then(|| NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day))
        .flatten()
        .filter(|d| d.year() >= 1)
        .ok_or_else(|| Error::new(ErrorKind::InvalidDate))
}

// ---------------------------------------------------------------------------------------
// Marked values: dates and choices.

/// A value read from its name, a Chinese label or a digit, with its own error code.
pub(crate) trait Choice: Sized {
    /// The reserved newtype name.
    const MARK: &'static str;
    /// Reads the value.
    fn read(value: &Value) -> Result<Self>;
    /// The canonical name (which [`Choice::read`] accepts).
    fn name(&self) -> &'static str;
}

/// Reads a marked value, or says it is not marked.
fn read_marked(mark: &str, value: &Value) -> Option<Result<&'static str>> {
    Some(match mark {
        DATE => match value {
            Value::String(s) => parse_date(s).map(|_| ""),
            _ => Err(Error::new(ErrorKind::InvalidDate)),
        },
        Responsibility::MARK => Responsibility::read(value).map(|r| r.name()),
        Grade::MARK => Grade::read(value).map(|g| g.name()),
        _ => return None,
    })
}

/// `Deserialize` of a [`Choice`]: a marked newtype.
pub(crate) fn choice<'de, T: Choice, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_newtype_struct(T::MARK, ChoiceVisitor(PhantomData))
}

struct ChoiceVisitor<T>(PhantomData<T>);

impl<'de, T: Choice> Visitor<'de> for ChoiceVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a name, a label or a digit")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let value = Value::deserialize(d)?;
        T::read(&value).map_err(de::Error::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::read(&Value::String(v.to_string())).map_err(E::custom)
    }
}

/// For `#[serde(deserialize_with = "crate::de::date")]`: an ISO date, `invalid_date`
/// otherwise.
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_newtype_struct(DATE, DateVisitor)
}

/// For `#[serde(default, deserialize_with = "crate::de::opt_date")]`: a date or null.
pub(crate) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    struct Opt;
    impl<'de> Visitor<'de> for Opt {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a YYYY-MM-DD date or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            date(d).map(Some)
        }
    }
    d.deserialize_option(Opt)
}

/// For `#[serde(default, deserialize_with = "crate::de::dates")]`: a list of dates.
pub(crate) fn dates<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    struct Day(NaiveDate);
    impl<'de> de::Deserialize<'de> for Day {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            date(d).map(Day)
        }
    }
    Vec::<Day>::deserialize(d).map(|v| v.into_iter().map(|d| d.0).collect())
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YYYY-MM-DD date")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(self)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse_date(v).map_err(|_| E::custom("invalid_date: not a valid YYYY-MM-DD date"))
    }
}

// ---------------------------------------------------------------------------------------
// Text to value, refusing duplicate keys.

/// Builds a [`Value`], noting the first duplicate key in the cell.
struct Strict<'a>(&'a Cell<Option<Shown>>);

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict(self.0))? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                self.0.set(Some(Shown::text(&key)));
                return Err(de::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(Strict(self.0))?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

// ---------------------------------------------------------------------------------------
// Value to typed records, with coded errors.

fn input(en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en.into(), zh.into()),
    })
}

/// What a JSON value is, for a message.
fn kind_of(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("true or false", "布尔值"),
        Value::Number(_) => ("a number", "数字"),
        Value::String(_) => ("a text", "文本"),
        Value::Array(_) => ("a list", "列表"),
        Value::Object(_) => ("an object", "对象"),
    }
}

fn unexpected_kind(u: &Unexpected<'_>) -> (&'static str, &'static str) {
    match u {
        Unexpected::Bool(_) => ("true or false", "布尔值"),
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => {
            ("a number", "数字")
        }
        Unexpected::Char(_) | Unexpected::Str(_) => ("a text", "文本"),
        Unexpected::Unit | Unexpected::Option => ("null", "null"),
        Unexpected::Seq => ("a list", "列表"),
        Unexpected::Map => ("an object", "对象"),
        _ => ("a value of another type", "其他类型的值"),
    }
}

fn wrong_type(v: &Value, want_en: &str, want_zh: &str) -> Error {
    let (got_en, got_zh) = kind_of(v);
    input(
        format!("{got_en} where {want_en} is expected"),
        format!("应为{want_zh}，实为{got_zh}"),
    )
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        // Another library's text may hold the input: it is never shown.
        input("an invalid value", "值无效")
    }

    fn invalid_type(unexp: Unexpected<'_>, _exp: &dyn de::Expected) -> Self {
        let (en, zh) = unexpected_kind(&unexp);
        input(
            format!("a value of the wrong type ({en})"),
            format!("值的类型错误（{zh}）"),
        )
    }

    fn invalid_value(_unexp: Unexpected<'_>, _exp: &dyn de::Expected) -> Self {
        input("an invalid value", "值无效")
    }

    fn invalid_length(len: usize, _exp: &dyn de::Expected) -> Self {
        input(
            format!("a list of the wrong length ({len})"),
            format!("列表长度错误（{len}）"),
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let v = Shown::text(variant);
        input(
            format!("{v} is not one of {}", expected.join(", ")),
            format!("{v:#} 不是以下之一：{}", expected.join("、")),
        )
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        input("unknown key", "未知的键").at(field)
    }

    fn missing_field(field: &'static str) -> Self {
        input("missing key", "缺少该键").at(field)
    }

    fn duplicate_field(field: &'static str) -> Self {
        input("key given twice", "键重复出现").at(field)
    }
}

/// The deserializer over a borrowed [`Value`].
#[derive(Clone, Copy)]
struct ValueDe<'a>(&'a Value);

macro_rules! unsigned {
    ($($method:ident: $ty:ty => $visit:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            match self.0.as_u64().and_then(|n| <$ty>::try_from(n).ok()) {
                Some(n) => visitor.$visit(n),
                None => Err(Error::new(ErrorKind::InvalidCount)),
            }
        }
    )*};
}

macro_rules! signed {
    ($($method:ident: $ty:ty => $visit:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            match self.0.as_i64().and_then(|n| <$ty>::try_from(n).ok()) {
                Some(n) => visitor.$visit(n),
                None => Err(wrong_type(self.0, "a whole number in range", "范围内的整数")),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for ValueDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                _ => Err(input("a number out of range", "数字超出范围")),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(Seq::new(items)),
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            v => Err(wrong_type(v, "true or false", "布尔值")),
        }
    }

    unsigned!(
        deserialize_u8: u8 => visit_u8,
        deserialize_u16: u16 => visit_u16,
        deserialize_u32: u32 => visit_u32,
        deserialize_u64: u64 => visit_u64
    );
    signed!(
        deserialize_i8: i8 => visit_i8,
        deserialize_i16: i16 => visit_i16,
        deserialize_i32: i32 => visit_i32,
        deserialize_i64: i64 => visit_i64
    );

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0.as_f64() {
            Some(f) => visitor.visit_f64(f),
            None => Err(wrong_type(self.0, "a number", "数字")),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            v => Err(wrong_type(v, "a text", "文本")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(wrong_type(self.0, "bytes", "字节"))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(wrong_type(self.0, "bytes", "字节"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            v => Err(wrong_type(v, "null", "null")),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        match (read_marked(name, self.0), self.0) {
            (None, _) => visitor.visit_newtype_struct(self),
            (Some(Err(e)), _) => Err(e),
            (Some(Ok(_)), Value::String(s)) if name == DATE => visitor.visit_borrowed_str(s),
            (Some(Ok(canonical)), _) => visitor.visit_borrowed_str(canonical),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Seq::new(items)),
            v => Err(wrong_type(v, "a list", "列表")),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            v => Err(wrong_type(v, "an object", "对象")),
        }
    }

    /// A record is an object, never a list read field by position.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields::new(map)),
            v => Err(wrong_type(v, "a record (an object)", "记录（对象）")),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.0 {
            Value::String(s) if variants.contains(&s.as_str()) => {
                visitor.visit_enum(s.as_str().into_deserializer())
            }
            Value::String(s) => Err(de::Error::unknown_variant(s, variants)),
            v => Err(wrong_type(
                v,
                &format!("one of {}", variants.join(", ")),
                &format!("以下之一：{}", variants.join("、")),
            )),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }
}

/// A list, each item's errors placed at its index.
struct Seq<'a> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
}

impl<'a> Seq<'a> {
    fn new(items: &'a [Value]) -> Self {
        Seq {
            items: items.iter(),
            index: 0,
        }
    }
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueDe(item))
            .map(Some)
            .map_err(|e| e.at(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object, each value's errors placed at its key.
struct Fields<'a> {
    entries: serde_json::map::Iter<'a>,
    value: Option<(&'a str, &'a Value)>,
}

impl<'a> Fields<'a> {
    fn new(map: &'a Map<String, Value>) -> Self {
        Fields {
            entries: map.iter(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Fields<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(de::value::BorrowedStrDeserializer::<Error>::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        match self.value.take() {
            Some((key, value)) => seed.deserialize(ValueDe(value)).map_err(|e| e.at(key)),
            None => Err(input("a value without its key", "值缺少对应的键")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    /// The hand-written reader reads the days chrono's `%Y-%m-%d` reads, of the ten-character
    /// shape, and nothing else.
    #[test]
    fn parse_date_reads_what_chrono_reads() {
        let chrono = |s: &str| {
            let shape = s.len() == 10
                && s.bytes().enumerate().all(|(i, b)| match i {
                    4 | 7 => b == b'-',
                    _ => b.is_ascii_digit(),
                });
            shape
                .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .flatten()
                .filter(|d| d.year() >= 1)
        };
        let mut texts: Vec<String> = [
            "",
            "2008-09-25",
            "2008-9-25",
            "2008-09-2",
            "+2008-09-25",
            "-008-09-25",
            "02008-09-25",
            "2008-09-25 ",
            " 2008-09-25",
            "2008/09/25",
            "2008-09-2a",
            "2008-00-10",
            "2008-13-01",
            "2008-02-30",
            "2008-02-29",
            "2009-02-29",
            "2000-02-29",
            "1900-02-29",
            "0000-01-01",
            "0001-01-01",
            "9999-12-31",
            "2008-09-25x",
            "2008-09--5",
            "2008-0-925",
            "２００８-09-25",
            "2008年09-25",
            "99999-01-01",
            "2008-09+25",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for year in [1, 4, 100, 400, 1999, 2000, 2024, 2100, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    texts.push(format!("{year:04}-{month:02}-{day:02}"));
                }
            }
        }
        for text in texts {
            assert_eq!(parse_date(&text).ok(), chrono(&text), "{text:?}");
        }
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Row {
        count: u64,
        #[serde(deserialize_with = "date")]
        day: NaiveDate,
        #[serde(default, deserialize_with = "opt_date")]
        until: Option<NaiveDate>,
        class: Responsibility,
        #[serde(default)]
        grade: Option<Grade>,
    }

    fn code_and_loc(v: Value) -> (String, Value) {
        let e = from_value::<Vec<Row>>(&v).unwrap_err();
        (e.code().to_string(), serde_json::to_value(e.loc()).unwrap())
    }

    #[test]
    fn codes_come_from_the_kind() {
        let ok = json!({"count": 1, "day": "2009-01-05", "class": 1});
        assert!(from_value::<Vec<Row>>(&json!([ok])).is_ok());
        let cases = [
            (
                json!({"count": -1, "day": "2009-01-05", "class": 1}),
                "invalid_count",
                json!([0, "count"]),
            ),
            (
                json!({"count": 1.5, "day": "2009-01-05", "class": 1}),
                "invalid_count",
                json!([0, "count"]),
            ),
            (
                json!({"count": 1, "day": "2009-1-5", "class": 1}),
                "invalid_date",
                json!([0, "day"]),
            ),
            (
                json!({"count": 1, "day": "2009-01-05", "until": 7, "class": 1}),
                "invalid_date",
                json!([0, "until"]),
            ),
            (
                json!({"count": 1, "day": "2009-01-05", "class": 5}),
                "invalid_responsibility",
                json!([0, "class"]),
            ),
            (
                json!({"count": 1, "day": "2009-01-05", "class": "职责内", "grade": "good"}),
                "invalid_grade",
                json!([0, "grade"]),
            ),
            (
                json!({"day": "2009-01-05", "class": 1}),
                "invalid_input",
                json!([0, "count"]),
            ),
            (
                json!({"count": 1, "day": "2009-01-05", "class": 1, "x": 1}),
                "invalid_input",
                json!([0, "x"]),
            ),
            (json!([1, "2009-01-05", 1]), "invalid_input", json!([0])),
        ];
        for (row, code, loc) in cases {
            assert_eq!(code_and_loc(json!([row])), (code.to_string(), loc), "{row}");
        }
    }

    #[test]
    fn unknown_keys_that_are_not_tokens_are_described() {
        let e = from_value::<Row>(&json!({"张三丰": 1})).unwrap_err();
        assert_eq!(e.loc().to_string(), "<a key of 3 characters>");
        assert!(!e.message().contains("张三丰"));
    }

    #[test]
    fn duplicate_keys_and_bad_text() {
        let e = parse("{\n \"a\": 1,\n \"a\": 2}").unwrap_err();
        assert_eq!(e.code(), "invalid_json");
        assert!(e.message().contains("line 3"), "{}", e.message());
        assert!(e.message().contains("`a`"));
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep).unwrap_err().code(), "invalid_json");
    }
}
