//! The request of every operation: one type each, its fields the operation's parameters in
//! order (the positional order of every language's function), snake_case keys, unknown
//! keys refused.

use super::Doc;
use crate::dataset::Dataset;
use crate::forms::FormKind;
use crate::{Policy, Responsibility, YearEvaluation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A policy: every field optional, the others Banan 2008's (see `docs/policy.md`).
pub type PolicyDoc = Doc<Policy>;

/// A dataset (`docs/dataset.md`); where the host allows files, also the path of a JSON
/// file or of a folder of CSV files.
pub type DatasetDoc = Doc<DatasetOrPath>;

/// A dataset, or the path of one where the host reads files (the CLI and Python). Only its
/// schema is used: the operation reads the document itself, so that its errors keep their
/// codes and places.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum DatasetOrPath {
    /// The path of a JSON file or of a folder of CSV files.
    Path(String),
    /// The records themselves.
    Dataset(Box<Dataset>),
}

/// `deadline`: S5.1–S5.4, the last day a matter may be finished and fed back.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeadlineRequest {
    /// The day the responsible organisation received the matter (A13).
    #[serde(deserialize_with = "crate::de::date")]
    pub received: NaiveDate,
    /// The "1234" class: a name, a digit 1–4 or a Chinese label.
    pub responsibility: Responsibility,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// `feedback_status`: S5.1–S5.6, the deadline and where the matter stands.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackStatusRequest {
    /// The day the matter was received.
    #[serde(deserialize_with = "crate::de::date")]
    pub received: NaiveDate,
    /// The "1234" class.
    pub responsibility: Responsibility,
    /// The day it was fed back, if it was.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub fed_back: Option<NaiveDate>,
    /// The day the records were taken; required without `fed_back`.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub as_of: Option<NaiveDate>,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// `evaluate_row`: S5 for one row of a register (form F4), as `evaluate_register` does for
/// every row: the status on `as_of`, the day the register was taken.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvaluateRowRequest {
    /// The day the matter was received.
    #[serde(deserialize_with = "crate::de::date")]
    pub received: NaiveDate,
    /// The "1234" class.
    pub responsibility: Responsibility,
    /// The day it was fed back, if it was.
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub fed_back: Option<NaiveDate>,
    /// The day the register was taken.
    #[serde(deserialize_with = "crate::de::date")]
    pub as_of: NaiveDate,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// `decide_vote`: S3.5, the outcome of the vote on one proposed item.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DecideVoteRequest {
    /// Approving ballots.
    pub approve: u64,
    /// Disapproving ballots.
    pub disapprove: u64,
    /// Abstentions.
    #[serde(default)]
    pub abstain: u64,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
    /// Persons present (A5, A15), with `entitled`.
    #[serde(default)]
    pub present: Option<u64>,
    /// Persons entitled to attend (A5, A15), with `present`.
    #[serde(default)]
    pub entitled: Option<u64>,
}

/// `grade`: S3.7, the grade of a satisfaction ballot.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeRequest {
    /// Satisfied ballots.
    pub satisfied: u64,
    /// "Basically satisfied" ballots.
    #[serde(default)]
    pub basically_satisfied: u64,
    /// Dissatisfied ballots.
    #[serde(default)]
    pub dissatisfied: u64,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// `consequences`: S3.8, what follows from a committee's year-end evaluations.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsequencesRequest {
    /// One evaluation a year.
    pub years: Vec<YearEvaluation>,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// `is_rest_day`: A2, whether a day is a rest day of the holiday calendar.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IsRestDayRequest {
    /// The day.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
    /// The policy (its calendar); Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// `check` and `check_detailed`: S1–S5 over a district's records.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    /// The records.
    pub dataset: DatasetDoc,
    /// First day of the judged range.
    #[serde(deserialize_with = "crate::de::date")]
    pub start: NaiveDate,
    /// Last day of the judged range (included).
    #[serde(deserialize_with = "crate::de::date")]
    pub end: NaiveDate,
    /// The day the records were taken.
    #[serde(deserialize_with = "crate::de::date")]
    pub as_of: NaiveDate,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
    /// Whether each finding lists the records it counted (ids, dates and amounts only).
    #[serde(default)]
    pub explain: bool,
}

/// `validate_form`: F1–F5, every problem of a form document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValidateFormRequest {
    /// Which form.
    pub kind: FormKind,
    /// The document (any JSON: its problems are the answer).
    pub data: serde_json::Value,
    /// The policy (for the "1234" deadlines on F2 and F4); Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// `redact`: F1–F5, a copy of a form document with personal data masked.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RedactRequest {
    /// Which form.
    pub kind: FormKind,
    /// The document, valid or not.
    pub data: serde_json::Value,
}

/// `form_schema`: the JSON Schema of one form.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormSchemaRequest {
    /// Which form.
    pub kind: FormKind,
    /// The JSON Schema draft: `2020-12` (the default, also when `null`) or `07`.
    #[serde(default)]
    pub draft: Option<crate::forms::Draft>,
}

/// `form_fields`: one form.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormRequest {
    /// Which form.
    pub kind: FormKind,
}

/// `generate_district`: a synthetic district with planted violations.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct GenerateDistrictRequest {
    /// Seed of the pseudo-random choices (2008).
    pub seed: u64,
    /// Towns (2).
    pub towns: u32,
    /// Villages or communities per town (3).
    pub villages_per_town: u32,
    /// Households per village (8).
    pub households_per_village: u32,
    /// First year of the records (2023).
    pub first_year: i32,
    /// Years of records, 1 to 3 (3).
    pub years: i32,
    /// The policy; Banan 2008 when absent.
    pub policy: Option<PolicyDoc>,
}

impl Default for GenerateDistrictRequest {
    fn default() -> Self {
        let s = crate::synthetic::Shape::default();
        GenerateDistrictRequest {
            seed: s.seed,
            towns: s.towns,
            villages_per_town: s.villages_per_town,
            households_per_village: s.households_per_village,
            first_year: s.first_year,
            years: s.years,
            policy: None,
        }
    }
}

/// `policy`: a policy read and completed with Banan 2008's values, then checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyRequest {
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

/// The catalogues: no parameter.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoRequest {}

/// The operations `explain` explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExplainedOp {
    /// S5.1–S5.4.
    Deadline,
    /// S5.1–S5.6.
    FeedbackStatus,
    /// S3.5.
    DecideVote,
    /// S3.7.
    Grade,
}

/// `explain`: an operation's answer with the steps that reach it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExplainRequest {
    /// The operation.
    pub op: ExplainedOp,
    /// Its request, as the operation takes it.
    pub request: serde_json::Value,
}

/// `agenda`: what falls due within a horizon, and what is already late.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgendaRequest {
    /// The records.
    pub dataset: DatasetDoc,
    /// The day the records were taken: today.
    #[serde(deserialize_with = "crate::de::date")]
    pub as_of: NaiveDate,
    /// Days ahead to look (14).
    #[serde(default = "fourteen")]
    pub horizon_days: u32,
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<PolicyDoc>,
}

fn fourteen() -> u32 {
    14
}
