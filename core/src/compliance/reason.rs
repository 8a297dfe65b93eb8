//! Why an obligation was not judged: a small, stable set of snake_case codes.
//!
//! Every obligation-period `check` finds is counted exactly once: judged (met or not met)
//! or not judged with one of these reasons. The first three are about the period; the
//! others about a record, and a report lists each of those by its record
//! ([`Report::records_not_judged`](super::Report::records_not_judged)).

/// The period is cut by the checked range `[start, end]` (A8).
pub const OUTSIDE_RANGE: &str = "outside_range";
/// The period, window or deadline has not closed by `as_of`.
pub const OPEN: &str = "open";
/// The period is covered only in part by the subject's own time (in office, linked,
/// paired, the term), and the policy judges whole periods only or the prorated
/// requirement is 0 (A8, A16).
pub const PARTIAL_PERIOD: &str = "partial_period";
/// No term is on record for the village and none can be counted (A9, A18).
pub const NO_TERM_ON_RECORD: &str = "no_term_on_record";
/// The deadline needs a day of a year the holiday calendar does not cover (A2, A24).
pub const CALENDAR_NOT_COVERED: &str = "calendar_not_covered";
/// A date computation leaves the dates the library can represent.
pub const DATE_OUT_OF_RANGE: &str = "date_out_of_range";
/// The vote needs the attendance figures `present` and `entitled`, which the item lacks
/// (A5, A15).
pub const MISSING_ATTENDANCE: &str = "missing_attendance";
/// The attendance figures contradict each other or the ballots (A5, A15).
pub const INVALID_ATTENDANCE: &str = "invalid_attendance";
/// A vote or a satisfaction ballot with no valid ballot at all (A5).
pub const NO_BALLOTS: &str = "no_ballots";
/// The year has no combined result (综合考评结果) on record (S3.8, A23).
pub const MISSING_COMBINED: &str = "missing_combined";
/// The year has no evaluation on record, so its consequences cannot be judged (S3.8).
pub const MISSING_EVALUATION: &str = "missing_evaluation";
/// The commitment records no date of any step (S3.4).
pub const MISSING_DATES: &str = "missing_dates";
/// The commitments of the year name no `committee`, so they cannot be credited to either
/// committee (S3.1, A21).
pub const MISSING_COMMITTEE: &str = "missing_committee";

/// Every reason, with what it means, in the order of the documentation.
pub const NOT_JUDGED_REASONS: &[(&str, &str)] = &[
    (OUTSIDE_RANGE, "the period is cut by the checked range (A8)"),
    (OPEN, "the period, window or deadline has not closed by as_of"),
    (
        PARTIAL_PERIOD,
        "the subject's own time covers the period only in part; whole periods only, or a prorated requirement of 0 (A8, A16)",
    ),
    (
        NO_TERM_ON_RECORD,
        "no term on record for the village and none can be counted (A9, A18)",
    ),
    (
        CALENDAR_NOT_COVERED,
        "the deadline needs a year the holiday calendar does not cover (A2, A24)",
    ),
    (
        DATE_OUT_OF_RANGE,
        "a date computation leaves the representable dates",
    ),
    (
        MISSING_ATTENDANCE,
        "the vote needs present and entitled, which the item lacks (A5, A15)",
    ),
    (
        INVALID_ATTENDANCE,
        "the attendance figures contradict each other or the ballots (A5, A15)",
    ),
    (NO_BALLOTS, "a vote or ballot with no valid ballot (A5)"),
    (
        MISSING_COMBINED,
        "no combined result on record for the year (S3.8, A23)",
    ),
    (
        MISSING_EVALUATION,
        "no evaluation on record for the year (S3.8)",
    ),
    (MISSING_DATES, "the commitment records no step date (S3.4)"),
    (
        MISSING_COMMITTEE,
        "the year's commitments name no committee (S3.1, A21)",
    ),
];

/// Whether a reason is about the period (the range, `as_of`, the subject's time) rather
/// than about a record.
pub(crate) fn is_about_period(reason: &str) -> bool {
    matches!(reason, OUTSIDE_RANGE | OPEN | PARTIAL_PERIOD)
}
