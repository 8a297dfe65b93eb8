//! S3.7 — the year-end satisfaction ballot (满意度测评).
//!
//! > “不满意”票超过30％的为不合格，满意票达到70％的为合格，满意票超过90％的为优秀。

use crate::de::{choice, Choice};
use crate::error::Shown;
use crate::explain::{compare, Step, Trace};
use crate::policy::{BasicallySatisfiedAs, Policy};
use crate::share::Threshold;
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::str::FromStr;

/// The grade of a satisfaction ballot or of a combined evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 不合格 — dissatisfied > 30%.
    Unqualified,
    /// Neither unqualified nor qualified (A3): satisfied < 70% and dissatisfied ≤ 30%.
    Undetermined,
    /// 合格 — satisfied ≥ 70%.
    Qualified,
    /// 优秀 — satisfied > 90%.
    Excellent,
}

impl Grade {
    /// All grades, lowest first.
    pub const ALL: [Grade; 4] = [
        Grade::Unqualified,
        Grade::Undetermined,
        Grade::Qualified,
        Grade::Excellent,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Unqualified => "unqualified",
            Grade::Undetermined => "undetermined",
            Grade::Qualified => "qualified",
            Grade::Excellent => "excellent",
        }
    }

    /// The Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Grade::Unqualified => "不合格",
            Grade::Undetermined => "未定",
            Grade::Qualified => "合格",
            Grade::Excellent => "优秀",
        }
    }
}

impl FromStr for Grade {
    type Err = Error;

    /// Accepts the name or the Chinese label.
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim();
        Grade::ALL
            .into_iter()
            .find(|g| t == g.name() || t == g.label_zh())
            .ok_or_else(|| {
                Error::new(ErrorKind::InvalidGrade {
                    value: Shown::text(t),
                })
            })
    }
}

impl Choice for Grade {
    const MARK: &'static str = "$liaison::grade";

    /// The name or the Chinese label.
    fn read(value: &Value) -> Result<Self> {
        match value {
            Value::String(s) => s.parse(),
            other => Err(Error::new(ErrorKind::InvalidGrade {
                value: Shown::json(other),
            })),
        }
    }

    fn name(&self) -> &'static str {
        Grade::name(*self)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Grade {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Grade".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<_> = Grade::ALL.iter().map(|g| g.name()).collect();
        let labels: Vec<_> = Grade::ALL.iter().map(|g| g.label_zh()).collect();
        schemars::json_schema!({
            "description": "A grade of S3.7: its name (written in answers) or its Chinese label.",
            "anyOf": [
                {"type": "string", "enum": names},
                {"type": "string", "enum": labels}
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Grade {
    /// The name or the Chinese label; anything else is `invalid_grade`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        choice(d)
    }
}

/// The satisfied and dissatisfied shares' numerators and their common base, after A6.
pub(crate) struct Shares {
    pub satisfied: u128,
    pub dissatisfied: u128,
    pub valid: u128,
}

#[inline]
pub(crate) fn shares(
    satisfied: u64,
    basically_satisfied: u64,
    dissatisfied: u64,
    policy: &Policy,
) -> Result<Shares> {
    let (s, b, d) = (
        u128::from(satisfied),
        u128::from(basically_satisfied),
        u128::from(dissatisfied),
    );
    let valid = s + b + d;
    if valid == 0 {
        return Err(Error::new(ErrorKind::NoBallots).with_rule("S3.7"));
    }
    let (satisfied, dissatisfied) = match policy.basically_satisfied_as {
        BasicallySatisfiedAs::Neither => (s, d),
        BasicallySatisfiedAs::Satisfied => (s + b, d),
        BasicallySatisfiedAs::Dissatisfied => (s, d + b),
    };
    Ok(Shares {
        satisfied,
        dissatisfied,
        valid,
    })
}

/// S3.7 (A3, A6, A14): grades a year-end satisfaction ballot.
///
/// In order: `unqualified` when dissatisfied > 30% of the valid ballots ("超过"), then
/// `excellent` when satisfied > 90% ("超过"), then `qualified` when satisfied ≥ 70%
/// ("达到"), else `undetermined` (A3) — or the grade the policy maps it to. "Basically
/// satisfied" ballots count in the base but on neither side unless the policy says so (A6).
/// Exact for any `u64` counts.
///
/// # Properties
/// The grade never falls when a dissatisfied or basically satisfied ballot becomes a
/// satisfied one (a property test checks it).
///
/// # Errors
/// `no_ballots` when all three counts are zero.
///
/// # Example: the bounds exactly and one ballot either side
/// ```
/// use liaison::{grade, Grade::*, Policy};
/// let p = Policy::banan_2008();
/// assert_eq!(grade(70, 0, 30, &p).unwrap(), Qualified);       // 30% is not "超过30%"
/// assert_eq!(grade(69, 0, 31, &p).unwrap(), Unqualified);     // 31% is
/// assert_eq!(grade(90, 10, 0, &p).unwrap(), Qualified);       // 90% is not "超过90%"
/// assert_eq!(grade(91, 9, 0, &p).unwrap(), Excellent);
/// assert_eq!(grade(69, 31, 0, &p).unwrap(), Undetermined);    // A3
/// assert_eq!(grade(0, 0, 0, &p).unwrap_err().code(), "no_ballots");
/// ```
pub fn grade(
    satisfied: u64,
    basically_satisfied: u64,
    dissatisfied: u64,
    policy: &Policy,
) -> Result<Grade> {
    grade_traced(
        satisfied,
        basically_satisfied,
        dissatisfied,
        policy,
        &mut Trace::off(),
    )
}

/// [`grade`], recording its steps.
pub(crate) fn grade_traced<const RECORDS: bool>(
    satisfied: u64,
    basically_satisfied: u64,
    dissatisfied: u64,
    policy: &Policy,
    trace: &mut Trace<RECORDS>,
) -> Result<Grade> {
    let s = shares(satisfied, basically_satisfied, dissatisfied, policy)?;
    trace.step(|| {
        let (en, zh) = match policy.basically_satisfied_as {
            BasicallySatisfiedAs::Neither => ("count on neither side", "不计入任何一方"),
            BasicallySatisfiedAs::Satisfied => ("count as satisfied", "计为满意"),
            BasicallySatisfiedAs::Dissatisfied => ("count as dissatisfied", "计为不满意"),
        };
        Step::new(
            "A6",
            format!("the shares are of the {} valid ballots; {basically_satisfied} basically satisfied {en}", s.valid),
            format!("比例以有效票 {} 张为基数；基本满意 {basically_satisfied} 张{zh}", s.valid),
        )
    });
    let checks: [(&Threshold, u128, Grade, &str, &str, &str); 3] = [
        (
            &policy.grade_unqualified,
            s.dissatisfied,
            Grade::Unqualified,
            "dissatisfied",
            "不满意票",
            "“不满意”票超过30％的为不合格",
        ),
        (
            &policy.grade_excellent,
            s.satisfied,
            Grade::Excellent,
            "satisfied",
            "满意票",
            "满意票超过90％的为优秀",
        ),
        (
            &policy.grade_qualified,
            s.satisfied,
            Grade::Qualified,
            "satisfied",
            "满意票",
            "满意票达到70％的为合格",
        ),
    ];
    for (threshold, part, grade, what, what_zh, words) in checks {
        let met = threshold.is_met(part, s.valid);
        trace.step(|| {
            let (text, text_zh) = compare(part, s.valid, threshold);
            let verdict = if met {
                (grade.name(), grade.label_zh())
            } else {
                ("not this grade", "非此等次")
            };
            Step::new(
                "S3.7",
                format!("{what} {text}: {}", verdict.0),
                format!("{what_zh} {text_zh}：{}", verdict.1),
            )
            .words(words)
        });
        if met {
            return Ok(grade);
        }
    }
    let g = policy.undetermined_as.unwrap_or(Grade::Undetermined);
    trace.step(|| match policy.undetermined_as {
        None => Step::new(
            "A3",
            "no sentence of the source grades this ballot: undetermined".to_string(),
            "原文未规定此种情形的等次：未定".to_string(),
        ),
        Some(g) => Step::new(
            "A3",
            format!(
                "no sentence of the source grades this ballot; the policy reads it as {}",
                g.name()
            ),
            format!("原文未规定此种情形的等次；本政策将其定为{}", g.label_zh()),
        ),
    });
    Ok(g)
}
