//! The answers that are not the domain's own types: the catalogues and the synthetic
//! district.

use crate::dataset::Dataset;
use crate::synthetic::Planted;
use serde::{Deserialize, Serialize};

/// One rule of the catalogue (`docs/rules.md`, `liaison rules`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleInfo {
    /// The id (`S5.1`).
    pub id: String,
    /// An English gloss.
    pub gloss: String,
    /// The source's words.
    pub source_zh: String,
    /// The operation or check that implements it, or why none does.
    pub implemented_by: String,
}

/// One code of a finding of `check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FindingCodeInfo {
    /// The code (`too_few_receptions`).
    pub code: String,
    /// The rule ids it is used for.
    pub rules: Vec<String>,
    /// What a finding's `expected` and `actual` hold.
    pub meaning: String,
}

/// One code of an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorCodeInfo {
    /// The code (`invalid_date`).
    pub code: String,
    /// The HTTP status `liaison serve` answers it with.
    pub http_status: u16,
}

/// One of the five forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormKindInfo {
    /// The kind (`reception_record`).
    pub kind: String,
    /// The rule id (`F1`).
    pub rule: String,
    /// The title printed on the paper form.
    pub label_zh: String,
    /// The title in English.
    pub title: String,
    /// The attachment (附件) number of the notice.
    pub attachment: u8,
}

/// One operation of the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OperationInfo {
    /// The name (`deadline`); JS functions take its camelCase form (`feedbackStatus`).
    pub name: String,
    /// The parameters in positional order: the request's keys.
    pub params: Vec<String>,
    /// The rule ids it decides.
    pub rule: String,
    /// What it answers.
    pub summary: String,
}

/// A synthetic district and the violations planted in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct District {
    /// The records.
    pub dataset: Dataset,
    /// The findings `check` must report, and no others.
    pub planted: Vec<Planted>,
}
