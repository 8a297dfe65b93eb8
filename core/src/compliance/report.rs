//! The report of a check: findings, tallies per rule and per unit, and messages.

use super::period::Period;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One shortfall: who fell short of which rule, in which period, by how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Rule id of the catalogue (`docs/rules.md`: `S1.3`, `S5.1`, …).
    pub rule: String,
    /// Stable snake_case code of the shortfall (`too_few_receptions`, …).
    pub code: String,
    /// The unit responsible.
    pub unit: String,
    /// The id of the person, household, opinion, link, pairing or unit concerned.
    pub subject: String,
    /// The period judged.
    pub period: Period,
    /// What the rule asks (a count, days or fen; see the code's documentation).
    pub expected: u64,
    /// What was recorded.
    pub actual: u64,
    /// English message (ids only, never personal data).
    pub message: String,
    /// Chinese message.
    pub message_zh: String,
    /// A24: judged with rest days guessed beyond the holiday calendar (Saturdays and Sundays
    /// only), to be confirmed once the State Council's notice for that year is added.
    #[serde(default)]
    pub provisional: bool,
    /// The records counted for `actual` — ids, dates and amounts only — when the check was
    /// asked to explain its findings (`explain`); none otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<Vec<Counted>>,
}

/// One record a finding counted: what it is, its day, the ids it names and, for aid, its
/// amount in fen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counted {
    /// `reception`, `visit`, `meeting`, `deed` or `aid`.
    pub record: String,
    /// Its day.
    #[serde(deserialize_with = "crate::de::date")]
    pub date: NaiveDate,
    /// The ids it names (the person; the person and the household; the link; the pairing).
    pub ids: Vec<String>,
    /// Aid: the amount in fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<u64>,
}

impl Counted {
    /// A record counted.
    pub(crate) fn new(record: &str, date: NaiveDate, ids: &[&str]) -> Counted {
        Counted {
            record: record.to_string(),
            date,
            ids: ids.iter().map(|s| s.to_string()).collect(),
            amount_fen: None,
        }
    }
}

/// Judged, met, not met and not judged for one rule or one unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    /// The rule id or the unit id.
    pub key: String,
    /// Periods (or subjects) judged.
    pub judged: u64,
    /// Judged and met.
    pub met: u64,
    /// Judged and not met.
    pub not_met: u64,
    /// Not judged (A8: not wholly inside the range and the subject's time, or still open;
    /// or a record that cannot be judged).
    pub not_judged: u64,
    /// `not_judged` broken down by reason code (`outside_range`, `open`, `partial_period`,
    /// …; see [`NOT_JUDGED_REASONS`](super::NOT_JUDGED_REASONS)); the counts add up to
    /// `not_judged`.
    #[serde(default)]
    pub not_judged_by_reason: BTreeMap<String, u64>,
    /// Judgements (among `judged`) that are provisional (A24).
    #[serde(default)]
    pub provisional: u64,
    /// `met / judged` in per mille, rounded down; none when nothing was judged.
    pub rate_permille: Option<u64>,
}

/// A committee's grade for a year (S3.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitGrade {
    /// The village or community.
    pub unit: String,
    /// The year.
    pub year: i32,
    /// The ballot's grade.
    pub ballot: crate::Grade,
    /// The combined grade for display: the one on record, or the ballot's when none was
    /// recorded (S3.8 never judges on that substitute unless the policy says so, A23; see
    /// `recorded_combined`).
    pub combined: crate::Grade,
    /// The combined grade on record (综合考评结果); none when none was recorded.
    #[serde(default)]
    pub recorded_combined: Option<crate::Grade>,
}

/// How one judged (or not judged) period came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeStatus {
    /// Judged and met.
    Met,
    /// Judged and not met (a finding says why).
    NotMet,
    /// Not judged (A8), for the reason in [`Outcome::reason`].
    NotJudged,
}

/// One judgement of [`check_detailed`](super::check_detailed): every period of every
/// subject, met or not, for grids and audits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Outcome {
    /// Rule id.
    pub rule: String,
    /// The unit responsible.
    pub unit: String,
    /// The subject's id.
    pub subject: String,
    /// The period.
    pub period: Period,
    /// Met, not met or not judged.
    pub status: OutcomeStatus,
    /// Why it was not judged (a code of [`NOT_JUDGED_REASONS`](super::NOT_JUDGED_REASONS));
    /// none when judged.
    #[serde(default)]
    pub reason: Option<String>,
    /// A24: judged with rest days guessed beyond the holiday calendar.
    #[serde(default)]
    pub provisional: bool,
}

/// The result of [`check`](super::check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// First day of the checked range.
    #[serde(deserialize_with = "crate::de::date")]
    pub start: NaiveDate,
    /// Last day of the checked range.
    #[serde(deserialize_with = "crate::de::date")]
    pub end: NaiveDate,
    /// The day the records were taken.
    #[serde(deserialize_with = "crate::de::date")]
    pub as_of: NaiveDate,
    /// The policy's name.
    pub policy: String,
    /// Every shortfall, by rule, unit, subject and period.
    pub findings: Vec<Finding>,
    /// Tallies per rule id.
    pub by_rule: Vec<Tally>,
    /// Tallies per unit.
    pub by_unit: Vec<Tally>,
    /// The year-end grades (S3.7).
    pub grades: Vec<UnitGrade>,
    /// Every obligation not judged because of a record (a reason other than
    /// `outside_range`, `open` and `partial_period`), in every report, each naming its
    /// record: the opinion, the commitment item (`commitment/item`), the village and year of
    /// an evaluation, or the village and committee.
    #[serde(default)]
    pub records_not_judged: Vec<Outcome>,
    /// A24: whether any judgement is provisional (rest days guessed beyond the calendar).
    #[serde(default)]
    pub provisional: bool,
    /// Every judgement, when asked for with [`check_detailed`](super::check_detailed);
    /// `null` from [`check`](super::check).
    #[serde(default)]
    pub outcomes: Option<Vec<Outcome>>,
}

impl Report {
    /// Whether every judged period met its rule.
    pub fn all_met(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Collects judgements while the checks run.
#[derive(Default)]
pub(crate) struct Collector {
    findings: Vec<Finding>,
    by_rule: BTreeMap<&'static str, Tally>,
    by_unit: BTreeMap<String, Tally>,
    pub grades: Vec<UnitGrade>,
    /// Whether to keep every judgement.
    pub detailed: bool,
    /// The rules judged (empty: all), from the policy.
    pub rules: Vec<String>,
    /// A24: whether the judgements being made are provisional (set around one record).
    pub provisional: bool,
    outcomes: Vec<Outcome>,
    records_not_judged: Vec<Outcome>,
    any_provisional: bool,
    /// The agenda's pending obligations, when the agenda asks for them.
    pub pending: Option<Vec<Pending>>,
    /// The agenda's day: an obligation due that day is still open, whatever was recorded.
    pub today: Option<NaiveDate>,
    /// Whether findings carry the records they counted.
    pub explain: bool,
    /// The records counted for the next finding.
    counted: Option<Vec<Counted>>,
}

/// An obligation still owed: open at `as_of` (due at the end of its period), or judged not
/// met and still to be done late (an opinion not fed back, a 五必访 visit, a commitment, an
/// evaluation).
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub rule: &'static str,
    pub code: &'static str,
    pub unit: String,
    pub subject: String,
    pub period: Period,
    pub expected: u64,
    pub actual: u64,
    pub provisional: bool,
}

/// The findings that are still worth doing late, for the agenda.
const DONE_LATE: &[&str] = &[
    "feedback_overdue",
    "must_visit_missed",
    "annual_commitment_missing",
    "term_commitment_missing",
    "evaluation_missing",
];

/// What a shortfall is, for its message.
pub(crate) struct Shortfall<'a> {
    pub rule: &'static str,
    pub code: &'static str,
    pub unit: &'a str,
    pub subject: &'a str,
    pub period: Period,
    pub expected: u64,
    pub actual: u64,
}

impl Collector {
    fn judges(&self, rule: &str) -> bool {
        self.rules.is_empty()
            || self
                .rules
                .iter()
                .any(|r| r == rule || rule.split('.').next() == Some(r.as_str()))
    }

    fn tallies(&mut self, rule: &'static str, unit: &str) -> [&mut Tally; 2] {
        let r = self.by_rule.entry(rule).or_default();
        let u = self.by_unit.entry(unit.to_string()).or_default();
        [r, u]
    }

    fn outcome(
        &mut self,
        rule: &str,
        unit: &str,
        subject: &str,
        period: &Period,
        status: OutcomeStatus,
        reason: Option<&'static str>,
    ) {
        let by_record = reason.is_some_and(|r| !super::reason::is_about_period(r));
        if !self.detailed && !by_record {
            return;
        }
        let o = Outcome {
            rule: rule.to_string(),
            unit: unit.to_string(),
            subject: subject.to_string(),
            period: period.clone(),
            status,
            reason: reason.map(str::to_string),
            provisional: self.provisional && reason.is_none(),
        };
        if by_record {
            self.records_not_judged.push(o.clone());
        }
        if self.detailed {
            self.outcomes.push(o);
        }
    }

    fn judged(&mut self, rule: &'static str, unit: &str, met: bool) {
        let provisional = self.provisional;
        self.any_provisional |= provisional;
        for t in self.tallies(rule, unit) {
            t.judged += 1;
            if met {
                t.met += 1;
            } else {
                t.not_met += 1;
            }
            t.provisional += u64::from(provisional);
        }
    }

    /// A judged period that was met.
    pub fn met(&mut self, rule: &'static str, unit: &str, subject: &str, period: &Period) {
        if !self.judges(rule) {
            return;
        }
        self.judged(rule, unit, true);
        self.outcome(rule, unit, subject, period, OutcomeStatus::Met, None);
    }

    /// An obligation not judged, for a reason of [`super::reason`].
    pub fn not_judged(
        &mut self,
        rule: &'static str,
        unit: &str,
        subject: &str,
        period: &Period,
        reason: &'static str,
    ) {
        if !self.judges(rule) {
            return;
        }
        for t in self.tallies(rule, unit) {
            t.not_judged += 1;
            *t.not_judged_by_reason
                .entry(reason.to_string())
                .or_default() += 1;
        }
        self.outcome(
            rule,
            unit,
            subject,
            period,
            OutcomeStatus::NotJudged,
            Some(reason),
        );
    }

    /// A judged period that was not met, with its finding.
    pub fn not_met(&mut self, s: Shortfall<'_>) {
        self.tally_not_met(s.rule, s.unit, s.subject, &s.period);
        if DONE_LATE.contains(&s.code) || self.today == Some(s.period.end) {
            self.pend(&s);
        }
        self.record(s);
    }

    /// An obligation not over by `as_of` (not judged: `open`), with what it asks and what was
    /// done so far: on the agenda when something is still owed.
    pub fn open(&mut self, s: Shortfall<'_>) {
        self.not_judged(s.rule, s.unit, s.subject, &s.period, super::reason::OPEN);
        if s.actual < s.expected {
            self.pend(&s);
        }
    }

    fn pend(&mut self, s: &Shortfall<'_>) {
        if !self.judges(s.rule) {
            return;
        }
        let provisional = self.provisional;
        if let Some(pending) = &mut self.pending {
            pending.push(Pending {
                rule: s.rule,
                code: s.code,
                unit: s.unit.to_string(),
                subject: s.subject.to_string(),
                period: s.period.clone(),
                expected: s.expected,
                actual: s.actual,
                provisional,
            });
        }
    }

    /// The records not judged so far (each named, with its reason).
    pub fn take_records_not_judged(&mut self) -> Vec<Outcome> {
        std::mem::take(&mut self.records_not_judged)
    }

    /// The pending obligations collected for the agenda.
    pub fn take_pending(&mut self) -> Vec<Pending> {
        self.pending.take().unwrap_or_default()
    }

    /// Counts a judged period as not met, without a finding (for several findings of one
    /// judged period).
    pub fn tally_not_met(
        &mut self,
        rule: &'static str,
        unit: &str,
        subject: &str,
        period: &Period,
    ) {
        if !self.judges(rule) {
            return;
        }
        self.judged(rule, unit, false);
        self.outcome(rule, unit, subject, period, OutcomeStatus::NotMet, None);
    }

    /// Whether the agenda can skip a period ending on `end` whose shortfall would be `code`:
    /// it is over, and such a shortfall is not something to do late (always false for a
    /// check, which judges every period).
    pub fn skips(&self, end: NaiveDate, code: &str) -> bool {
        self.today.is_some_and(|today| end < today) && !DONE_LATE.contains(&code)
    }

    /// The records counted for the judgement that follows, built only when the check
    /// explains its findings.
    pub fn counting(&mut self, make: impl FnOnce() -> Vec<Counted>) {
        self.counted = self.explain.then(make);
    }

    /// Records a finding without counting it.
    pub fn record(&mut self, s: Shortfall<'_>) {
        let counted = self.counted.take();
        if !self.judges(s.rule) {
            return;
        }
        let (message, message_zh) = super::messages::describe(&s);
        self.findings.push(Finding {
            rule: s.rule.to_string(),
            code: s.code.to_string(),
            unit: s.unit.to_string(),
            subject: s.subject.to_string(),
            period: s.period,
            expected: s.expected,
            actual: s.actual,
            message,
            message_zh,
            provisional: self.provisional,
            counted,
        });
    }

    /// Met when `actual >= expected`, else a shortfall.
    pub fn at_least(&mut self, s: Shortfall<'_>) {
        if s.actual >= s.expected {
            self.counted = None;
            self.met(s.rule, s.unit, s.subject, &s.period);
        } else {
            self.not_met(s);
        }
    }

    pub fn finish(
        mut self,
        start: NaiveDate,
        end: NaiveDate,
        as_of: NaiveDate,
        policy: String,
    ) -> Report {
        let rate = |t: &mut Tally| {
            t.rate_permille = (t.judged > 0).then(|| {
                let r = u128::from(t.met) * 1000 / u128::from(t.judged);
                u64::try_from(r).unwrap_or(1000)
            });
        };
        let by_rule = self
            .by_rule
            .into_iter()
            .map(|(k, mut t)| {
                t.key = k.to_string();
                rate(&mut t);
                t
            })
            .collect();
        let by_unit = self
            .by_unit
            .into_iter()
            .map(|(k, mut t)| {
                t.key = k;
                rate(&mut t);
                t
            })
            .collect();
        self.findings.sort_by(|a, b| {
            (rule_order(&a.rule), &a.unit, &a.subject, a.period.start).cmp(&(
                rule_order(&b.rule),
                &b.unit,
                &b.subject,
                b.period.start,
            ))
        });
        Report {
            start,
            end,
            as_of,
            policy,
            findings: self.findings,
            by_rule,
            by_unit,
            grades: self.grades,
            records_not_judged: self.records_not_judged,
            provisional: self.any_provisional,
            outcomes: self.detailed.then_some(self.outcomes),
        }
    }
}

/// Sorts `S1.10` after `S1.9`.
pub(crate) fn rule_order(rule: &str) -> (String, u32) {
    let (head, tail) = rule.split_once('.').unwrap_or((rule, "0"));
    (head.to_string(), tail.parse().unwrap_or(0))
}
