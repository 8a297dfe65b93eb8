//! `liaison` — exact, executable rules of 巴南委办发〔2008〕43号, the notice of the Banan
//! District (Chongqing) Party committee of 21 November 2008 that sets five systems for
//! Party organisations and members to keep in touch with and serve the public
//! (党组织及党员联系服务群众).
//!
//! Every rule function cites its id in the rule catalogue (`docs/rules.md`, `liaison rules`:
//! N.1–N.3, S1–S5, forms F1–F5; ambiguities
//! A1–A25 in `docs/ambiguities.md`),
//! takes a [`Policy`] (Banan 2008 by default: [`Policy::banan_2008`]) and returns an outcome
//! as data or a coded [`Error`]; none panics.
//!
//! | rule | function |
//! |---|---|
//! | S5.1–S5.4 "1234" time limits | [`deadline`], [`feedback_status`] |
//! | S3.5 commitment vote | [`decide_vote`] |
//! | S3.7 satisfaction grade | [`grade`] |
//! | S3.8 consequences | [`consequences`] |
//! | A2 rest days | [`HolidayCalendar`] |
//! | N.1–N.3, S1–S5 compliance of a district's records, every obligation judged or not judged with a reason | [`check`], [`check_detailed`], [`dataset::Dataset`], [`NOT_JUDGED_REASONS`] |
//! | S5 over a whole register (F4) | [`register::RegisterEvaluator`] |
//! | F1–F5 forms | [`forms::validate_form`], [`forms::form_schema`], [`forms::redact`] |
//! | the rule catalogue | [`rules::RULES`] |
//! | a synthetic district with planted violations | [`synthetic::generate`] |

pub mod api;
pub mod ballots;
mod calendar;
mod compliance;
mod consequences;
pub mod dataset;
pub mod de;
pub(crate) mod deadline;
pub mod error;
pub mod explain;
pub mod files;
pub mod forms;
pub(crate) mod grade;
mod policy;
pub mod register;
pub mod rules;
mod share;
pub mod synthetic;
pub(crate) mod vote;

pub use calendar::{CalendarYear, HolidayCalendar, RestPeriod};
pub use compliance::{
    agenda, check, check_detailed, check_with, Agenda, AgendaItem, AgendaState, CheckOptions,
    Counted, Finding, Outcome, OutcomeStatus, Period, Report, Tally, UnitGrade, FINDING_CODES,
    NOT_JUDGED_REASONS,
};
pub use consequences::{consequences, Action, Consequence, Reason, YearEvaluation};
pub use deadline::{deadline, feedback_status, FeedbackStatus, Responsibility, Status};
pub use error::{Error, ErrorKind, Loc, LocItem, Result};
pub use grade::{grade, Grade};
pub use policy::{
    AssistanceYears, BasicallySatisfiedAs, BeyondCalendar, CommitmentBy, DayCount, PartialYears,
    Policy, VoteBase,
};
pub use share::Threshold;
pub use vote::{decide_vote, Attendance, VoteOutcome};
