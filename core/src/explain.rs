//! Why a result is what it is: the derivation of a deadline, a status, a vote or a grade as
//! steps, each with its rule or ambiguity id, the source's words and the text of the step in
//! English and Chinese. The rules record their steps as they decide ([`Trace`]), so an
//! explanation is the decision itself, never a second account of it.

use crate::share::Threshold;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One step of a derivation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    /// The rule or ambiguity ids the step applies (`S5.1`, `A2`).
    pub rule: String,
    /// The step in English.
    pub text: String,
    /// The step in Chinese.
    pub text_zh: String,
    /// The words of the source (or of the law it follows) that decide the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    /// The day the step arrives at, where it arrives at one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl Step {
    /// A step.
    pub(crate) fn new(rule: &str, text: String, text_zh: String) -> Step {
        Step {
            rule: rule.to_string(),
            text,
            text_zh,
            words: None,
            date: None,
        }
    }

    /// The same step quoting `words`.
    pub(crate) fn words(mut self, words: &str) -> Step {
        self.words = Some(words.to_string());
        self
    }

    /// The same step arriving at `date`.
    pub(crate) fn on(mut self, date: NaiveDate) -> Step {
        self.date = Some(date);
        self
    }
}

/// A result and how it was reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Explanation {
    /// The answer of the operation, as it answers without an explanation.
    pub answer: serde_json::Value,
    /// The steps, in the order they were taken.
    pub steps: Vec<Step>,
}

/// Where a rule records its steps: nowhere (`RECORDS` false: the plain functions) or in a
/// list; and, in either case, whether any step rested on a guess beyond the holiday
/// calendar (A24). Whether it records is part of its type, so that the plain functions are
/// compiled without the steps' texts (the WebAssembly forms build has no `explain`).
#[derive(Debug, Default)]
pub(crate) struct Trace<const RECORDS: bool> {
    steps: Vec<Step>,
    provisional: bool,
}

impl Trace<false> {
    /// A trace that records no step and costs nothing.
    pub(crate) fn off() -> Self {
        Trace::default()
    }
}

impl Trace<true> {
    /// A trace that records every step.
    pub(crate) fn on() -> Self {
        Trace::default()
    }
}

impl<const RECORDS: bool> Trace<RECORDS> {
    /// Whether the trace records its steps.
    pub(crate) fn records(&self) -> bool {
        RECORDS
    }

    /// Records a step, built only when the trace records.
    pub(crate) fn step(&mut self, make: impl FnOnce() -> Step) {
        if RECORDS {
            self.steps.push(make());
        }
    }

    /// Records a step that guesses (A24): the result becomes provisional.
    pub(crate) fn guess(&mut self, make: impl FnOnce() -> Step) {
        self.provisional = true;
        self.step(make);
    }

    /// Whether a step guessed.
    pub(crate) fn provisional(&self) -> bool {
        self.provisional
    }

    /// The steps recorded.
    pub(crate) fn into_steps(self) -> Vec<Step> {
        self.steps
    }
}

/// `part/whole` against a threshold, as a step's text: `20/30 ≥ 2/3: met`.
pub(crate) fn compare(part: u128, whole: u128, t: &Threshold) -> (String, String) {
    let met = t.is_met(part, whole);
    let (op, op_zh) = match (t.inclusive, met) {
        (true, true) => ("≥", "达到"),
        (true, false) => ("<", "未达到"),
        (false, true) => (">", "超过"),
        (false, false) => ("≤", "未超过"),
    };
    let bound = format!("{}/{}", t.numerator, t.denominator);
    (
        format!("{part}/{whole} {op} {bound}"),
        format!("{part}/{whole} {op_zh} {bound}"),
    )
}
