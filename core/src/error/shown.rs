//! The message rule: what an error message may show of a value.
//!
//! A message shows a value only when it is a date, a number or a short ASCII token (an id
//! or a code): at most 40 characters, each an ASCII letter, digit or one of `-_.:/+@#`, and
//! no run of 7 or more digits (so that no phone, ID or bank number passes as a "number").
//! Anything else is described by its kind and length ("a text of 14 characters"), never
//! shown, so that no name, phone number, address or ID number can reach a message or a
//! log. The rule fails closed: a value that is not proved harmless is described.

use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// The longest token a message may show.
pub const MAX_SHOWN_CHARS: usize = 40;
/// The longest run of digits a shown token may hold (a mobile number has 11).
pub const MAX_SHOWN_DIGIT_RUN: usize = 6;

/// Whether `text` may appear in a message: a short ASCII token (see the module docs).
///
/// ```
/// use liaison::error::is_token;
/// assert!(is_token("V0001") && is_token("2009-01-05") && is_token("within_remit"));
/// assert!(!is_token("张三丰") && !is_token("13812345678") && !is_token("a b"));
/// ```
pub fn is_token(text: &str) -> bool {
    let mut run = 0usize;
    !text.is_empty()
        && text.len() <= MAX_SHOWN_CHARS
        && text.chars().all(|c| {
            run = if c.is_ascii_digit() { run + 1 } else { 0 };
            run <= MAX_SHOWN_DIGIT_RUN && (c.is_ascii_alphanumeric() || "-_.:/+@#".contains(c))
        })
}

/// A value from the input as an error message may show it: the token itself, or its
/// kind and length. `Display` writes English; the alternate form (`{:#}`) Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown(Showing);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Showing {
    Token(String),
    Text(usize),
    List(usize),
    Object(usize),
    Bool(bool),
    Null,
}

impl Shown {
    /// A text value.
    ///
    /// ```
    /// use liaison::error::Shown;
    /// assert_eq!(Shown::text("lead_unit").to_string(), "`lead_unit`");
    /// assert_eq!(Shown::text("张三丰 13812345678").to_string(), "a text of 15 characters");
    /// assert_eq!(format!("{:#}", Shown::text("张三丰")), "一段 3 个字符的文本");
    /// ```
    pub fn text(text: &str) -> Shown {
        if is_token(text) {
            Shown(Showing::Token(text.to_string()))
        } else {
            Shown(Showing::Text(text.chars().count()))
        }
    }

    /// A JSON value: numbers and texts by the token rule, lists and objects by their size.
    pub fn json(value: &Value) -> Shown {
        match value {
            Value::String(s) => Shown::text(s),
            Value::Number(n) => Shown::text(&n.to_string()),
            Value::Bool(b) => Shown(Showing::Bool(*b)),
            Value::Null => Shown(Showing::Null),
            Value::Array(a) => Shown(Showing::List(a.len())),
            Value::Object(o) => Shown(Showing::Object(o.len())),
        }
    }

    /// The token, when the value is shown.
    pub fn token(&self) -> Option<&str> {
        match &self.0 {
            Showing::Token(t) => Some(t),
            _ => None,
        }
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let zh = f.alternate();
        match (&self.0, zh) {
            (Showing::Token(t), _) => write!(f, "`{t}`"),
            (Showing::Text(n), false) => write!(f, "a text of {n} characters"),
            (Showing::Text(n), true) => write!(f, "一段 {n} 个字符的文本"),
            (Showing::List(n), false) => write!(f, "a list of {n} items"),
            (Showing::List(n), true) => write!(f, "一个含 {n} 项的列表"),
            (Showing::Object(n), false) => write!(f, "an object of {n} keys"),
            (Showing::Object(n), true) => write!(f, "一个含 {n} 个键的对象"),
            (Showing::Bool(b), _) => write!(f, "`{b}`"),
            (Showing::Null, _) => write!(f, "`null`"),
        }
    }
}

/// What is wrong, in English and Chinese, written by the library from fixed words and
/// numbers only (never from the input). `Display` writes English; `{:#}` Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    en: Cow<'static, str>,
    zh: Cow<'static, str>,
}

impl Detail {
    /// A detail from its two texts.
    pub fn new(en: impl Into<Cow<'static, str>>, zh: impl Into<Cow<'static, str>>) -> Detail {
        Detail {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The English text.
    pub fn en(&self) -> &str {
        &self.en
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if f.alternate() { &self.zh } else { &self.en })
    }
}
