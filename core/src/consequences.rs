//! S3.8 — what follows from the year-end evaluation (评诺结果运用).
//!
//! > 对无正当理由未完成任期目标和承诺事项，党员群众民主测评不满意率超过50％，或在综合考评中
//! > 认定不合格的村（社区）“两委会”，上级党组织要严肃批评，指出不足，限期整改。若连续两年
//! > 综合考评仍然不合格的村（社区）“两委会”，其成员应主动辞职……

use crate::grade::{grade, shares, Grade};
use crate::policy::Policy;
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One year's evaluation of a village committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearEvaluation {
    /// The year evaluated.
    pub year: i32,
    /// Satisfied ballots.
    pub satisfied: u64,
    /// "Basically satisfied" ballots.
    #[serde(default)]
    pub basically_satisfied: u64,
    /// Dissatisfied ballots.
    #[serde(default)]
    pub dissatisfied: u64,
    /// The combined evaluation grade (综合考评结果); the ballot's grade when absent.
    #[serde(default)]
    pub combined: Option<Grade>,
}

/// What the upper Party organisation must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Serious criticism and rectification within a deadline (严肃批评，限期整改).
    Rectify,
    /// The members should resign, or be removed or recalled (应主动辞职).
    Resign,
}

impl Action {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Action::Rectify => "rectify",
            Action::Resign => "resign",
        }
    }
}

/// Why the action follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Dissatisfied ballots > 50% (不满意率超过50％).
    DissatisfactionOverHalf,
    /// The combined evaluation is unqualified (综合考评中认定不合格).
    CombinedUnqualified,
    /// Unqualified in the combined evaluation two years running (连续两年综合考评仍然不合格).
    UnqualifiedTwoYears,
}

impl Reason {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Reason::DissatisfactionOverHalf => "dissatisfaction_over_half",
            Reason::CombinedUnqualified => "combined_unqualified",
            Reason::UnqualifiedTwoYears => "unqualified_two_years",
        }
    }
}

/// One consequence for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Consequence {
    /// The year whose evaluation calls for it.
    pub year: i32,
    /// What must be done.
    pub action: Action,
    /// Why.
    pub reason: Reason,
}

/// S3.8 (A3, A6, A14): the consequences of a committee's year-end evaluations.
///
/// For each year, in year order: `rectify` for `dissatisfaction_over_half` when the
/// dissatisfied ballots exceed 50% of the valid ones; `rectify` for `combined_unqualified`
/// when the combined grade (the ballot's grade when none is given) is unqualified; `resign`
/// for `unqualified_two_years` when that year and the year before it (two consecutive year
/// numbers; the policy sets how many) are both unqualified. This function takes the
/// ballot's grade for a year with no combined result, as its callers ask; [`check`](crate::check) does not
/// (A23) and asks the two years to be of one term (A22). The S3.8 cases that need facts
/// the ballot does not hold (commitments failed through the committee's own fault, term
/// goals unmet without good reason) are for the compliance check.
///
/// # Errors
/// - `duplicate_year` when a year is given twice;
/// - `no_ballots` when a year has no ballot at all.
///
/// # Example: two unqualified years in a row
/// ```
/// use liaison::{consequences, Action, Policy, Reason, YearEvaluation};
/// let y = |year, satisfied, dissatisfied| YearEvaluation {
///     year, satisfied, basically_satisfied: 0, dissatisfied, combined: None };
/// let out = consequences(&[y(2009, 60, 40), y(2010, 40, 60)], &Policy::banan_2008()).unwrap();
/// let got: Vec<_> = out.iter().map(|c| (c.year, c.action, c.reason)).collect();
/// assert_eq!(got, vec![
///     (2009, Action::Rectify, Reason::CombinedUnqualified),
///     (2010, Action::Rectify, Reason::DissatisfactionOverHalf),
///     (2010, Action::Rectify, Reason::CombinedUnqualified),
///     (2010, Action::Resign, Reason::UnqualifiedTwoYears),
/// ]);
/// ```
pub fn consequences(years: &[YearEvaluation], policy: &Policy) -> Result<Vec<Consequence>> {
    let mut by_year: BTreeMap<i32, (usize, &YearEvaluation)> = BTreeMap::new();
    for (i, y) in years.iter().enumerate() {
        if by_year.insert(y.year, (i, y)).is_some() {
            return Err(ErrorKind::DuplicateYear { year: y.year }.at(i).at("years"));
        }
    }
    let mut out = Vec::new();
    // The unqualified years in a row ending with the previous year looked at, and that year.
    let mut run: (u64, Option<i32>) = (0, None);
    for (&year, &(i, y)) in &by_year {
        let at = |e: Error| e.at(i).at("years");
        let mut push = |action, reason| {
            out.push(Consequence {
                year,
                action,
                reason,
            })
        };
        let s = shares(y.satisfied, y.basically_satisfied, y.dissatisfied, policy).map_err(at)?;
        if policy.rectify_dissatisfied.is_met(s.dissatisfied, s.valid) {
            push(Action::Rectify, Reason::DissatisfactionOverHalf);
        }
        let combined = match y.combined {
            Some(g) => g,
            None => {
                grade(y.satisfied, y.basically_satisfied, y.dissatisfied, policy).map_err(at)?
            }
        };
        let follows = run.1.and_then(|prev| prev.checked_add(1)) == Some(year);
        run = match (combined == Grade::Unqualified, follows) {
            (true, true) => (run.0.saturating_add(1), Some(year)),
            (true, false) => (1, Some(year)),
            (false, _) => (0, Some(year)),
        };
        if run.0 > 0 {
            push(Action::Rectify, Reason::CombinedUnqualified);
            if run.0 >= u64::from(policy.resign_after_unqualified_years) {
                push(Action::Resign, Reason::UnqualifiedTwoYears);
            }
        }
    }
    Ok(out)
}
