//! Every kind of error, written once: its variant, its stable code and its messages in
//! English and Chinese. [`ErrorKind::CODES`], [`ErrorKind::code`], [`ErrorKind::message`]
//! and [`ErrorKind::message_zh`] are generated from this one list.
//!
//! Messages follow one style: one line, lower case, no final period, values in backticks,
//! no Rust type names. A field of a message is a date, a number, a [`Shown`] value (the
//! message rule) or a [`Detail`] written by the library; never raw input.

use super::shown::{Detail, Shown};
use chrono::NaiveDate;

macro_rules! error_kinds {
    ($(
        $(#[$doc:meta])*
        $variant:ident $({ $($field:ident: $ty:ty),* $(,)? })? => $code:literal,
            $en:literal, $zh:literal;
    )*) => {
        /// What went wrong: one variant per stable code.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        #[allow(missing_docs)]
        pub enum ErrorKind {
            $( $(#[$doc])* $variant $({ $($field: $ty),* })?, )*
        }

        impl ErrorKind {
            /// Every code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable snake_case code.
            pub fn code(&self) -> &'static str {
                match self {
                    $( ErrorKind::$variant { .. } => $code, )*
                }
            }

            /// The message in English, without the place.
            pub fn message(&self) -> String {
                match self {
                    $( ErrorKind::$variant $({ $($field),* })? => {
                        $($( let _ = &$field; )*)?
                        format!($en)
                    } )*
                }
            }

            /// The message in Chinese, without the place.
            pub fn message_zh(&self) -> String {
                match self {
                    $( ErrorKind::$variant $({ $($field),* })? => {
                        $($( let _ = &$field; )*)?
                        format!($zh)
                    } )*
                }
            }
        }
    };
}

error_kinds! {
    /// A2: the holiday calendar has no notice for the year of `date`.
    CalendarNotCovered { date: NaiveDate } => "calendar_not_covered",
        "the holiday calendar does not cover {date}", "节假日日历未覆盖 {date}";
    /// A date computation leaves 0001-01-01 to 9999-12-31, the dates every language holds.
    DateOutOfRange { date: NaiveDate } => "date_out_of_range",
        "date arithmetic from {date} leaves the supported range 0001-01-01 to 9999-12-31",
        "自 {date} 起的日期计算超出支持范围（0001-01-01 至 9999-12-31）";
    /// A value that should be an ISO `YYYY-MM-DD` date is not a real date.
    InvalidDate => "invalid_date",
        "not a valid YYYY-MM-DD date", "不是有效的 YYYY-MM-DD 日期";
    /// A count that is negative, fractional, not a number or too large.
    InvalidCount => "invalid_count",
        "must be a non-negative integer count", "必须是非负整数";
    /// S5: not one of the four responsibility classes (name, digit 1–4 or label).
    InvalidResponsibility { value: Shown } => "invalid_responsibility",
        "{value} is not a responsibility class (within_remit, outside_remit, unresolvable, lead_unit or 1-4)",
        "{value:#} 不是有效的办理类别（职责内、职责外、不能解决、牵头解决或 1-4）";
    /// S3.7: not one of `excellent`, `qualified`, `undetermined`, `unqualified`.
    InvalidGrade { value: Shown } => "invalid_grade",
        "{value} is not a grade (excellent, qualified, undetermined or unqualified)",
        "{value:#} 不是有效的等次（优秀、合格、未定、不合格）";
    /// S3.5, S3.7: a vote or ballot with no valid ballot at all (A5).
    NoBallots => "no_ballots",
        "there are no ballots: a share of zero ballots is undefined",
        "没有有效票，无法计算比例";
    /// S5: the feedback date is before the receipt date.
    FeedbackBeforeReceipt { received: NaiveDate, fed_back: NaiveDate } => "feedback_before_receipt",
        "fed back on {fed_back}, before it was received on {received}",
        "反馈日期（{fed_back}）早于收到日期（{received}）";
    /// S5: the records were taken before the matter was received.
    AsOfBeforeReceipt { received: NaiveDate, as_of: NaiveDate } => "as_of_before_receipt",
        "the records were taken on {as_of}, before the matter was received on {received}",
        "统计日期（{as_of}）早于收到日期（{received}）";
    /// S5: without a feedback date the status needs the day the records were taken.
    AsOfRequired => "as_of_required",
        "`as_of` is required when there is no `fed_back` date",
        "没有反馈日期时必须给出统计日期 `as_of`";
    /// A15, A5: the policy needs attendance figures that were not given.
    AttendanceRequired => "attendance_required",
        "the policy needs the attendance figures `present` and `entitled`",
        "该政策需要出席人数 `present` 和应到人数 `entitled`";
    /// A15, A5: attendance figures that contradict each other or the ballots.
    InvalidAttendance { detail: Detail } => "invalid_attendance",
        "attendance is inconsistent: {detail}", "出席人数不一致：{detail:#}";
    /// S3.8: the same year given twice.
    DuplicateYear { year: i32 } => "duplicate_year",
        "year {year} is given more than once", "年度 {year} 重复出现";
    /// A structured input with a missing or unknown key or a value of the wrong type.
    InvalidInput { detail: Detail } => "invalid_input",
        "{detail}", "{detail:#}";
    /// JSON text that cannot be read (a syntax error, a duplicate key, too deep).
    InvalidJson { detail: Detail, line: usize, column: usize } => "invalid_json",
        "malformed JSON at line {line}, column {column}: {detail}",
        "JSON 格式错误（第 {line} 行第 {column} 列）：{detail:#}";
    /// Many problems in the records read (a file with several bad rows): each is listed in
    /// the error's `errors`, up to a limit.
    InvalidRecords { total: usize, listed: usize } => "invalid_records",
        "{total} problems in the records; the first {listed} are listed",
        "记录中有 {total} 处问题；列出前 {listed} 处";
    /// A dataset record refers to an id that does not exist (or is of the wrong kind).
    UnknownReference { target: Detail } => "unknown_reference",
        "refers to an unknown {target}", "引用了不存在的{target:#}";
    /// A dataset id given twice.
    DuplicateId { id: Shown } => "duplicate_id",
        "repeats the id {id} used before", "与前面的编号 {id:#} 重复";
    /// A checked range longer than the policy allows (`max_range_years`).
    RangeTooLong { limit: u32 } => "range_too_long",
        "the range spans {limit} years or more, the policy's limit", "检查期间达到或超过政策上限 {limit} 年";
    /// A period whose end is before its start.
    InvalidPeriod => "invalid_period",
        "ends before it starts", "结束日期早于开始日期";
    /// A record dated after `as_of`, the day the records were taken.
    AfterAsOf => "after_as_of",
        "is after `as_of`, the day the records were taken", "晚于统计日期 `as_of`";
    /// A file or folder that does not exist.
    FileNotFound => "file_not_found",
        "no such file or folder", "文件或文件夹不存在";
    /// A file or folder that cannot be read or written.
    Io { detail: Detail } => "io_error",
        "cannot read or write: {detail}", "无法读写：{detail:#}";
    /// A path that is not a regular file (a folder, a pipe, a device, a socket).
    NotAFile => "not_a_file",
        "not a regular file (a folder, a pipe or a device)",
        "不是普通文件（文件夹、管道或设备）";
    /// An input larger than its limit.
    TooLarge { limit: u64 } => "too_large",
        "larger than the limit of {limit} bytes", "超过 {limit} 字节的上限";
    /// A policy that cannot be read or is inconsistent.
    InvalidPolicy { detail: Detail } => "invalid_policy",
        "invalid policy: {detail}", "政策参数无效：{detail:#}";
    /// A holiday calendar that cannot be read or is inconsistent.
    InvalidCalendar { detail: Detail } => "invalid_calendar",
        "invalid holiday calendar: {detail}", "节假日日历无效：{detail:#}";
    /// A fault of the library itself, never of the input: please report it.
    Internal { detail: Detail } => "internal_error",
        "internal error (please report it): {detail}", "内部错误（请报告）：{detail:#}";
    /// The contract: an operation that does not exist.
    UnknownOperation { op: Shown } => "unknown_operation",
        "{op} is not an operation (see the `operations` catalogue)",
        "{op:#} 不是可调用的操作（见 `operations` 目录）";
    /// The server: a request that took longer than the server's limit (HTTP 408).
    Timeout { seconds: u64 } => "timeout",
        "the request took longer than the limit of {seconds} s",
        "请求处理超过 {seconds} 秒的时限";
    /// The server: as many requests in flight as its limit; try again later (HTTP 503).
    Overloaded { limit: u64 } => "overloaded",
        "the server is answering its limit of {limit} requests at once: try again later",
        "服务器同时处理的请求已达上限 {limit} 个，请稍后重试";
    /// The server: a method the path does not answer (HTTP 405).
    MethodNotAllowed { allowed: Detail } => "method_not_allowed",
        "this path does not answer that method: use {allowed}",
        "此路径不支持该请求方法，请使用 {allowed:#}";
}
