//! The one error type of the library and the message rule.
//!
//! Every error has a stable snake_case [`Error::code`] (chosen from its [`ErrorKind`],
//! never from another library's message text), an English [`Error::message`], a Chinese
//! [`Error::message_zh`], a [`Loc`] — the place it concerns, as a list of keys and indexes
//! — and, where one applies, the rule id. Serialised, an error is
//! `{"code", "message", "message_zh", "loc", "rule"?}` in every language and over HTTP.
//! Messages follow the message rule of [`shown`](self::Shown): no name, phone number,
//! address or ID number ever reaches one.

mod kinds;
mod loc;
mod shown;

pub use kinds::ErrorKind;
pub use loc::{Loc, LocItem};
pub use shown::{is_token, Detail, Shown, MAX_SHOWN_CHARS, MAX_SHOWN_DIGIT_RUN};

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// A bad input. Outcomes (a failed vote, an overdue opinion) are results, never errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    loc: Loc,
    rule: Option<&'static str>,
    related: Vec<Error>,
}

impl Error {
    /// Every code an [`Error`] can have, in declaration order. Bindings test against this list.
    pub const CODES: &'static [&'static str] = ErrorKind::CODES;

    /// An error of `kind` concerning the input as a whole.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner {
            kind,
            loc: Loc::default(),
            rule: None,
            related: Vec::new(),
        }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// The stable snake_case code of this error.
    ///
    /// ```
    /// use liaison::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::NoBallots).code(), "no_ballots");
    /// ```
    pub fn code(&self) -> &'static str {
        self.0.kind.code()
    }

    /// The place the error concerns, outermost first.
    pub fn loc(&self) -> &Loc {
        &self.0.loc
    }

    /// The rule id the error concerns, where one applies.
    pub fn rule(&self) -> Option<&'static str> {
        self.0.rule
    }

    /// The place as one path (`visits[3].household`), none when the error concerns the
    /// whole input.
    pub fn field(&self) -> Option<String> {
        (!self.0.loc.is_empty()).then(|| self.0.loc.to_string())
    }

    /// The message in English: the place, then what is wrong.
    ///
    /// ```
    /// use liaison::{Error, ErrorKind};
    /// let e = ErrorKind::InvalidCount.at("satisfied").at(1usize).at("years");
    /// assert_eq!(e.message(), "`years[1].satisfied`: must be a non-negative integer count");
    /// ```
    pub fn message(&self) -> String {
        match self.field() {
            Some(at) => format!("`{at}`: {}", self.0.kind.message()),
            None => self.0.kind.message(),
        }
    }

    /// The message in Chinese.
    ///
    /// ```
    /// use liaison::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::NoBallots).message_zh(), "没有有效票，无法计算比例");
    /// assert_eq!(ErrorKind::InvalidCount.at("satisfied").message_zh(), "`satisfied`：必须是非负整数");
    /// ```
    pub fn message_zh(&self) -> String {
        match self.field() {
            Some(at) => format!("`{at}`：{}", self.0.kind.message_zh()),
            None => self.0.kind.message_zh(),
        }
    }

    /// The same error one level further out: `item` is put before its place, as the error
    /// travels from a field to its record, list and file.
    ///
    /// ```
    /// use liaison::ErrorKind;
    /// let e = ErrorKind::InvalidDate.at("date").at(3usize).at("visits");
    /// assert_eq!(e.loc().to_string(), "visits[3].date");
    /// assert_eq!(serde_json::to_value(e.loc()).unwrap(), serde_json::json!(["visits", 3, "date"]));
    /// ```
    #[must_use]
    pub fn at(self, item: impl Into<LocItem>) -> Error {
        self.within(&Loc(vec![item.into()]))
    }

    /// The same error with `outer` put before its place (and before the places of the
    /// problems it gathers).
    #[must_use]
    pub fn within(mut self, outer: &Loc) -> Error {
        let inner = std::mem::take(&mut self.0.loc.0);
        self.0.loc.0 = outer.0.iter().cloned().chain(inner).collect();
        let related = std::mem::take(&mut self.0.related);
        self.0.related = related.into_iter().map(|e| e.within(outer)).collect();
        self
    }

    /// The same error with its place replaced.
    #[must_use]
    pub fn with_loc(mut self, loc: Loc) -> Error {
        self.0.loc = loc;
        self
    }

    /// The problems this error gathers (`invalid_records`: every problem of a file, up to a
    /// limit), each an error of its own with its place; empty for a single problem.
    pub fn related(&self) -> &[Error] {
        &self.0.related
    }

    /// One error for many problems: `invalid_records` at `loc`, the first `limit` problems
    /// kept, `total` counted.
    ///
    /// ```
    /// use liaison::{Error, ErrorKind};
    /// let problems = vec![ErrorKind::InvalidDate.at("date").at(5usize).at("visits.csv"); 3];
    /// let e = Error::gathered(problems, 2);
    /// assert_eq!((e.code(), e.related().len()), ("invalid_records", 2));
    /// assert_eq!(e.message(), "3 problems in the records; the first 2 are listed");
    /// ```
    pub fn gathered(mut problems: Vec<Error>, limit: usize) -> Error {
        let total = problems.len();
        problems.truncate(limit);
        let mut e = Error::new(ErrorKind::InvalidRecords {
            total,
            listed: problems.len(),
        });
        e.0.related = problems;
        e
    }

    /// The same error naming the rule it concerns.
    #[must_use]
    pub fn with_rule(mut self, rule: &'static str) -> Error {
        self.0.rule = Some(rule);
        self
    }

    /// An operating-system error reading or writing `path`: the place is the file's name,
    /// the detail the kind of failure (never the system's own text).
    pub fn io(path: &std::path::Path, e: &std::io::Error) -> Error {
        use std::io::ErrorKind as K;
        let (en, zh) = match e.kind() {
            K::NotFound => return ErrorKind::FileNotFound.at(file_name(path)),
            K::PermissionDenied => ("permission denied", "没有权限"),
            K::IsADirectory => ("a folder where a file is expected", "应为文件，实为文件夹"),
            K::NotADirectory => ("a file where a folder is expected", "应为文件夹，实为文件"),
            K::InvalidData => ("not UTF-8 text", "不是 UTF-8 文本"),
            K::StorageFull => ("no space left on the device", "设备空间已满"),
            K::AlreadyExists => ("already exists", "已存在"),
            K::BrokenPipe => ("the reader closed the pipe", "读取方已关闭管道"),
            _ => ("the operating system refused", "操作系统拒绝了该操作"),
        };
        ErrorKind::Io {
            detail: Detail::new(en, zh),
        }
        .at(file_name(path))
    }
}

/// The last part of a path, as a place.
pub(crate) fn file_name(path: &std::path::Path) -> LocItem {
    match path.file_name().and_then(|n| n.to_str()) {
        Some(name) => LocItem::key(name),
        None => LocItem::key(&path.to_string_lossy()),
    }
}

impl ErrorKind {
    /// An error of this kind at one place.
    ///
    /// ```
    /// let e = liaison::ErrorKind::InvalidDate.at("received");
    /// assert_eq!((e.code(), e.field().as_deref()), ("invalid_date", Some("received")));
    /// ```
    pub fn at(self, item: impl Into<LocItem>) -> Error {
        Error::new(self).at(item)
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

impl Serialize for Error {
    /// `{"code", "message", "message_zh", "loc", "rule"?, "errors"?}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Error", 6)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", &self.message())?;
        s.serialize_field("message_zh", &self.message_zh())?;
        s.serialize_field("loc", self.loc())?;
        match self.rule() {
            Some(rule) => s.serialize_field("rule", rule)?,
            None => s.skip_field("rule")?,
        }
        if self.related().is_empty() {
            s.skip_field("errors")?;
        } else {
            s.serialize_field("errors", self.related())?;
        }
        s.end()
    }
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
