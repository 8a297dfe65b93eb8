//! The one error type of the library.
//!
//! Every error has a stable snake_case [`Error::code`], an English message (its `Display`)
//! and a Chinese message ([`Error::message_zh`]). Messages name fields, dates and codes,
//! never a person's name, address or phone number.

use chrono::NaiveDate;

/// A bad input. Outcomes (a failed vote, an overdue opinion) are results, never errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A2: the holiday calendar has no notice for the year of `date`.
    #[error("the holiday calendar does not cover `{date}`")]
    CalendarNotCovered {
        /// The first date that could not be judged.
        date: NaiveDate,
    },
    /// A date computation went past the last date the library can represent.
    #[error("date arithmetic from `{date}` leaves the supported range")]
    DateOutOfRange {
        /// The date the computation started from.
        date: NaiveDate,
    },
    /// A value that should be an ISO `YYYY-MM-DD` date is not a real date.
    #[error("`{field}` is not a valid YYYY-MM-DD date")]
    InvalidDate {
        /// The parameter or field concerned.
        field: String,
    },
    /// A count that is negative, fractional, not a number or too large.
    #[error("`{field}` must be a non-negative integer count")]
    InvalidCount {
        /// The parameter or field concerned.
        field: String,
    },
    /// A responsibility class of S5 that is not one of the four (name, digit 1–4 or label).
    #[error("`{field}`: `{value}` is not a responsibility class (within_remit, outside_remit, unresolvable, lead_unit or 1-4)")]
    InvalidResponsibility {
        /// The parameter or field concerned.
        field: String,
        /// The value given, cut to 40 characters (empty when not known).
        value: String,
    },
    /// A grade name that is not one of `excellent`, `qualified`, `undetermined`, `unqualified`.
    #[error(
        "`{field}`: `{value}` is not a grade (excellent, qualified, undetermined or unqualified)"
    )]
    InvalidGrade {
        /// The parameter or field concerned.
        field: String,
        /// The value given, cut to 40 characters (empty when not known).
        value: String,
    },
    /// S3.5, S3.7: a vote or ballot with no valid ballot at all (A5).
    #[error("there are no ballots: a share of zero ballots is undefined")]
    NoBallots,
    /// S5: the feedback date is before the receipt date.
    #[error("`fed_back` ({fed_back}) is before `received` ({received})")]
    FeedbackBeforeReceipt {
        /// Date of receipt.
        received: NaiveDate,
        /// Date of feedback.
        fed_back: NaiveDate,
    },
    /// S5: the records were taken before the matter was received.
    #[error("`as_of` ({as_of}) is before `received` ({received})")]
    AsOfBeforeReceipt {
        /// Date of receipt.
        received: NaiveDate,
        /// Day the records were taken.
        as_of: NaiveDate,
    },
    /// S5: without a feedback date the status needs the day the records were taken.
    #[error("`as_of` is required when there is no `fed_back` date")]
    AsOfRequired,
    /// A15, A5: the policy needs attendance figures that were not given.
    #[error("the policy needs the attendance figures `present` and `entitled`")]
    AttendanceRequired,
    /// A15, A5: attendance figures that contradict each other or the ballots.
    #[error("attendance is inconsistent: {detail}")]
    InvalidAttendance {
        /// What contradicts what.
        detail: String,
    },
    /// S3.8: the same year given twice.
    #[error("year `{year}` is given more than once")]
    DuplicateYear {
        /// The repeated year.
        year: i32,
    },
    /// A structured input (a record, a list of years) with a missing or unknown key or a
    /// value of the wrong type.
    #[error("`{field}`: {detail}")]
    InvalidInput {
        /// The path into the input, e.g. `years[1].combined`.
        field: String,
        /// What is wrong, without the value itself.
        detail: String,
    },
    /// A dataset record refers to an id that does not exist (or is of the wrong kind).
    #[error("`{field}` refers to an unknown {target}")]
    UnknownReference {
        /// The file or list, record and field, e.g. `visits[3].household`.
        field: String,
        /// What it should refer to (`unit`, `person`, `household`, …).
        target: String,
    },
    /// A dataset id given twice.
    #[error("`{field}` repeats an id used before")]
    DuplicateId {
        /// The file or list, record and field.
        field: String,
    },
    /// A period whose end is before its start.
    #[error("`{field}` ends before it starts")]
    InvalidPeriod {
        /// The file or list, record and field.
        field: String,
    },
    /// A record dated after `as_of`, the day the records were taken.
    #[error("`{field}` is after `as_of`, the day the records were taken")]
    AfterAsOf {
        /// The record and field.
        field: String,
    },
    /// A file or folder that cannot be read.
    #[error("cannot read `{path}`: {detail}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's reason.
        detail: String,
    },
    /// A policy that cannot be read or is inconsistent.
    #[error("invalid policy: {detail}")]
    InvalidPolicy {
        /// Which field and what is wrong with it.
        detail: String,
    },
    /// A holiday calendar that cannot be read or is inconsistent.
    #[error("invalid holiday calendar: {detail}")]
    InvalidCalendar {
        /// Which year or date and what is wrong with it.
        detail: String,
    },
}

impl Error {
    /// Every code an [`Error`] can have, in declaration order. Bindings test against this list.
    pub const CODES: &'static [&'static str] = &[
        "calendar_not_covered",
        "date_out_of_range",
        "invalid_date",
        "invalid_count",
        "invalid_responsibility",
        "invalid_grade",
        "no_ballots",
        "feedback_before_receipt",
        "as_of_before_receipt",
        "as_of_required",
        "attendance_required",
        "invalid_attendance",
        "duplicate_year",
        "invalid_input",
        "unknown_reference",
        "duplicate_id",
        "invalid_period",
        "after_as_of",
        "io_error",
        "invalid_policy",
        "invalid_calendar",
    ];

    /// The stable snake_case code of this error.
    ///
    /// ```
    /// assert_eq!(liaison::Error::NoBallots.code(), "no_ballots");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::CalendarNotCovered { .. } => "calendar_not_covered",
            Error::DateOutOfRange { .. } => "date_out_of_range",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidCount { .. } => "invalid_count",
            Error::InvalidResponsibility { .. } => "invalid_responsibility",
            Error::InvalidGrade { .. } => "invalid_grade",
            Error::NoBallots => "no_ballots",
            Error::FeedbackBeforeReceipt { .. } => "feedback_before_receipt",
            Error::AsOfBeforeReceipt { .. } => "as_of_before_receipt",
            Error::AsOfRequired => "as_of_required",
            Error::AttendanceRequired => "attendance_required",
            Error::InvalidAttendance { .. } => "invalid_attendance",
            Error::DuplicateYear { .. } => "duplicate_year",
            Error::InvalidInput { .. } => "invalid_input",
            Error::UnknownReference { .. } => "unknown_reference",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::InvalidPeriod { .. } => "invalid_period",
            Error::AfterAsOf { .. } => "after_as_of",
            Error::Io { .. } => "io_error",
            Error::InvalidPolicy { .. } => "invalid_policy",
            Error::InvalidCalendar { .. } => "invalid_calendar",
        }
    }

    /// The field or parameter the error concerns, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidDate { field }
            | Error::InvalidCount { field }
            | Error::InvalidInput { field, .. }
            | Error::InvalidResponsibility { field, .. }
            | Error::InvalidGrade { field, .. }
            | Error::UnknownReference { field, .. }
            | Error::DuplicateId { field }
            | Error::InvalidPeriod { field }
            | Error::AfterAsOf { field } => Some(field),
            Error::Io { path, .. } => Some(path),
            Error::FeedbackBeforeReceipt { .. } => Some("fed_back"),
            Error::AsOfRequired | Error::AsOfBeforeReceipt { .. } => Some("as_of"),
            Error::DuplicateYear { .. } => Some("years"),
            Error::CalendarNotCovered { .. }
            | Error::DateOutOfRange { .. }
            | Error::NoBallots
            | Error::AttendanceRequired
            | Error::InvalidAttendance { .. }
            | Error::InvalidPolicy { .. }
            | Error::InvalidCalendar { .. } => None,
        }
    }

    /// The message in Chinese.
    ///
    /// ```
    /// assert_eq!(liaison::Error::NoBallots.message_zh(), "没有有效票，无法计算比例");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            Error::CalendarNotCovered { date } => format!("节假日日历未覆盖 `{date}`"),
            Error::DateOutOfRange { date } => format!("自 `{date}` 起的日期计算超出支持范围"),
            Error::InvalidDate { field } => format!("`{field}` 不是有效的 YYYY-MM-DD 日期"),
            Error::InvalidCount { field } => format!("`{field}` 必须是非负整数"),
            Error::InvalidResponsibility { field, value } => format!(
                "`{field}`：`{value}` 不是有效的办理类别（职责内、职责外、不能解决、牵头解决或 1-4）"
            ),
            Error::InvalidGrade { field, value } => {
                format!("`{field}`：`{value}` 不是有效的等次（优秀、合格、未定、不合格）")
            }
            Error::NoBallots => "没有有效票，无法计算比例".to_string(),
            Error::FeedbackBeforeReceipt { received, fed_back } => {
                format!("反馈日期（{fed_back}）早于收到日期（{received}）")
            }
            Error::AsOfBeforeReceipt { received, as_of } => {
                format!("统计日期（{as_of}）早于收到日期（{received}）")
            }
            Error::AsOfRequired => "没有反馈日期时必须给出统计日期 `as_of`".to_string(),
            Error::AttendanceRequired => {
                "该政策需要出席人数 `present` 和应到人数 `entitled`".to_string()
            }
            Error::InvalidAttendance { detail } => format!("出席人数不一致：{detail}"),
            Error::DuplicateYear { year } => format!("年度 `{year}` 重复出现"),
            Error::InvalidInput { field, detail } => format!("`{field}` 输入无效：{detail}"),
            Error::UnknownReference { field, target } => {
                format!("`{field}` 引用了不存在的{}", target_zh(target))
            }
            Error::DuplicateId { field } => format!("`{field}` 与前面的编号重复"),
            Error::InvalidPeriod { field } => format!("`{field}` 的结束日期早于开始日期"),
            Error::AfterAsOf { field } => format!("`{field}` 晚于统计日期 `as_of`"),
            Error::Io { path, detail } => format!("无法读取 `{path}`：{detail}"),
            Error::InvalidPolicy { detail } => format!("政策参数无效：{detail}"),
            Error::InvalidCalendar { detail } => format!("节假日日历无效：{detail}"),
        }
    }
}

impl Error {
    /// The same error with its field prefixed by the file it was read from.
    pub fn in_file(self, file: &str) -> Error {
        self.map_field(|field| format!("{file}: {field}"))
    }

    /// The same error with its field rewritten (to name a file, a row or a column); errors
    /// without a field are returned as they are.
    ///
    /// ```
    /// let e = liaison::Error::InvalidCount { field: "minutes".to_string() };
    /// assert_eq!(e.map_field(|f| format!("row 17: {f}")).field(), Some("row 17: minutes"));
    /// ```
    pub fn map_field(self, f: impl FnOnce(String) -> String) -> Error {
        match self {
            Error::InvalidDate { field } => Error::InvalidDate { field: f(field) },
            Error::InvalidCount { field } => Error::InvalidCount { field: f(field) },
            Error::InvalidResponsibility { field, value } => Error::InvalidResponsibility {
                field: f(field),
                value,
            },
            Error::InvalidGrade { field, value } => Error::InvalidGrade {
                field: f(field),
                value,
            },
            Error::InvalidInput { field, detail } => Error::InvalidInput {
                field: f(field),
                detail,
            },
            Error::UnknownReference { field, target } => Error::UnknownReference {
                field: f(field),
                target,
            },
            Error::DuplicateId { field } => Error::DuplicateId { field: f(field) },
            Error::InvalidPeriod { field } => Error::InvalidPeriod { field: f(field) },
            Error::AfterAsOf { field } => Error::AfterAsOf { field: f(field) },
            other => other,
        }
    }
}

fn target_zh(target: &str) -> &'static str {
    match target {
        "unit" => "单位",
        "person" => "人员",
        "household" => "农户",
        "link" => "帮扶关系",
        "pairing" => "结对",
        "grassroots unit" => "村（社区）",
        _ => "对象",
    }
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
