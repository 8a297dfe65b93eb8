//! S3.2–S3.8 — the two committees' commitments, their vote, evaluation and consequences.
//!
//! > 换届后第一年提出三年任期承诺，同时提出本年度承诺事项，以后每年初承诺一次。……同意票达到
//! > 三分之二及以上的，列为承诺内容……“不满意”票超过30％的为不合格……若连续两年综合考评仍然
//! > 不合格的村（社区）“两委会”，其成员应主动辞职。

use super::index::{of, Index};
use super::period::{periods, Judgement, Period, PeriodKind, Window};
use super::report::{Collector, Shortfall, UnitGrade};
use crate::consequences::{consequences, Action, Reason, YearEvaluation};
use crate::dataset::{Commitment, CommitmentKind};
use crate::grade::{grade, shares};
use crate::policy::Policy;
use crate::vote::{decide_vote, VoteOutcome};
use crate::Result;
use chrono::{Datelike, NaiveDate};

pub(crate) fn check(
    ix: &Index<'_>,
    w: &Window,
    policy: &Policy,
    out: &mut Collector,
) -> Result<()> {
    made_in_time(ix, w, policy, out);
    for c in &ix.data.commitments {
        if !year_in_range(c.year, w) {
            continue;
        }
        steps_in_order(c, out);
        votes(c, policy, out)?;
    }
    evaluations(ix, w, policy, out)
}

fn year_in_range(year: i32, w: &Window) -> bool {
    w.start.year() <= year && year <= w.end.year()
}

/// S3.2, A12: a term commitment and an annual one made public in the first year of each
/// term; an annual one by the policy day of each other year.
fn made_in_time(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for u in ix.grassroots() {
        let mine = of(&ix.commitments_of, &u.id);
        let published_by = |kind: CommitmentKind, year: i32, by: NaiveDate| {
            mine.iter()
                .any(|c| c.kind == kind && c.year == year && c.published.is_some_and(|p| p <= by))
        };
        for year in periods(PeriodKind::Year, w.start, w.end) {
            let y = year.start.year();
            let first_of_term = of(&ix.terms_of, &u.id).iter().any(|t| t.from.year() == y);
            let due = if first_of_term {
                Some(year.end)
            } else {
                NaiveDate::from_ymd_opt(
                    y,
                    policy.annual_commitment_by_month,
                    policy.annual_commitment_by_day,
                )
            };
            let Some(due) = due else { continue };
            let period = Period {
                end: due,
                ..year.clone()
            };
            match w.judge(&period, NaiveDate::MIN, None) {
                Judgement::Outside => {}
                Judgement::NotJudged => out.not_judged("S3.2", &u.id, &u.id, &period),
                Judgement::Judged => {
                    let mut kinds = vec![(CommitmentKind::Annual, "annual_commitment_missing")];
                    if first_of_term {
                        kinds.push((CommitmentKind::Term, "term_commitment_missing"));
                    }
                    for (kind, code) in kinds {
                        let made = published_by(kind, y, due);
                        out.at_least(Shortfall {
                            rule: "S3.2",
                            code,
                            unit: &u.id,
                            subject: &u.id,
                            period: period.clone(),
                            expected: 1,
                            actual: u64::from(made),
                        });
                    }
                }
            }
        }
    }
}

/// S3.4: the steps propose → vote → approve → publish, each dated no earlier than the one
/// before, and none missing before a later one.
fn steps_in_order(c: &Commitment, out: &mut Collector) {
    let steps = [c.proposed, c.voted, c.approved, c.published];
    let dates: Vec<NaiveDate> = steps.iter().flatten().copied().collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        let year =
            Period::year(c.year).unwrap_or_else(|| Period::span(NaiveDate::MIN, NaiveDate::MIN));
        out.not_judged("S3.4", &c.unit, &c.id, &year);
        return;
    };
    let period = Period::span(*first, *last);
    let mut in_order = 0u64;
    let mut previous: Option<NaiveDate> = None;
    let mut broken = false;
    for (i, step) in steps.iter().enumerate() {
        let later_present = steps.iter().skip(i + 1).any(Option::is_some);
        match step {
            Some(d) if previous.is_none_or(|p| p <= *d) => {
                previous = Some(*d);
                in_order += 1;
            }
            None if !later_present => break,
            _ => {
                broken = true;
                break;
            }
        }
    }
    if broken {
        out.not_met(Shortfall {
            rule: "S3.4",
            code: "steps_out_of_order",
            unit: &c.unit,
            subject: &c.id,
            period,
            expected: 4,
            actual: in_order,
        });
    } else {
        out.met("S3.4", &c.unit, &c.id, &period);
    }
}

/// S3.5: an item is listed only when adopted.
fn votes(c: &Commitment, policy: &Policy, out: &mut Collector) -> Result<()> {
    for item in &c.items {
        let outcome = decide_vote(item.approve, item.disapprove, item.abstain, policy, None)?;
        let day = c.voted.or(c.published).unwrap_or(NaiveDate::MIN);
        let subject = format!("{}/{}", c.id, item.id);
        if !item.listed || outcome == VoteOutcome::Adopted {
            out.met("S3.5", &c.unit, &subject, &Period::span(day, day));
            continue;
        }
        let ballots =
            u128::from(item.approve) + u128::from(item.disapprove) + u128::from(item.abstain);
        let needed = policy.vote_adopt.min_part(ballots).unwrap_or(ballots);
        out.not_met(Shortfall {
            rule: "S3.5",
            code: "listed_without_adoption",
            unit: &c.unit,
            subject: &subject,
            period: Period::span(day, day),
            expected: u64::try_from(needed).unwrap_or(u64::MAX),
            actual: item.approve,
        });
    }
    Ok(())
}

/// S3.7, S3.8: a year-end evaluation each year, its grade, and its consequences.
fn evaluations(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) -> Result<()> {
    for u in ix.grassroots() {
        let mut years: Vec<YearEvaluation> = of(&ix.evaluations_of, &u.id)
            .iter()
            .filter(|e| e.year <= w.end.year())
            .map(|e| YearEvaluation {
                year: e.year,
                satisfied: e.satisfied,
                basically_satisfied: e.basically_satisfied,
                dissatisfied: e.dissatisfied,
                combined: e.combined,
            })
            .collect();
        years.sort_by_key(|e| e.year);
        for year in periods(PeriodKind::Year, w.start, w.end) {
            let y = year.start.year();
            match w.judge(&year, NaiveDate::MIN, None) {
                Judgement::Outside => {}
                Judgement::NotJudged => out.not_judged("S3.7", &u.id, &u.id, &year),
                Judgement::Judged => {
                    let held = years.iter().any(|e| e.year == y);
                    out.at_least(Shortfall {
                        rule: "S3.7",
                        code: "evaluation_missing",
                        unit: &u.id,
                        subject: &u.id,
                        period: year,
                        expected: 1,
                        actual: u64::from(held),
                    });
                }
            }
        }
        let in_range: Vec<&YearEvaluation> =
            years.iter().filter(|e| year_in_range(e.year, w)).collect();
        for e in &in_range {
            let ballot = grade(e.satisfied, e.basically_satisfied, e.dissatisfied, policy)?;
            out.grades.push(UnitGrade {
                unit: u.id.clone(),
                year: e.year,
                ballot,
                combined: e.combined.unwrap_or(ballot),
            });
        }
        let found = consequences(&years, policy)?;
        for e in in_range {
            let mine: Vec<_> = found.iter().filter(|c| c.year == e.year).collect();
            let Some(period) = Period::year(e.year) else {
                continue;
            };
            if mine.is_empty() {
                out.met("S3.8", &u.id, &u.id, &period);
            } else {
                out.tally_not_met("S3.8", &u.id, &u.id, &period);
            }
            for c in mine {
                let (code, expected, actual) = match (c.action, c.reason) {
                    (Action::Rectify, Reason::DissatisfactionOverHalf) => {
                        let s = shares(e.satisfied, e.basically_satisfied, e.dissatisfied, policy)?;
                        let pct = s.dissatisfied * 100 / s.valid;
                        let bound = u64::from(policy.rectify_dissatisfied.numerator) * 100
                            / u64::from(policy.rectify_dissatisfied.denominator.max(1));
                        (
                            "rectify_dissatisfaction_over_half",
                            bound,
                            u64::try_from(pct).unwrap_or(100),
                        )
                    }
                    (Action::Rectify, _) => ("rectify_combined_unqualified", 0, 1),
                    (Action::Resign, _) => {
                        let run = run_length(&years, e.year, policy);
                        (
                            "resign_unqualified_two_years",
                            u64::from(policy.resign_after_unqualified_years),
                            run,
                        )
                    }
                };
                out.record(Shortfall {
                    rule: "S3.8",
                    code,
                    unit: &u.id,
                    subject: &u.id,
                    period: period.clone(),
                    expected,
                    actual,
                });
            }
        }
    }
    Ok(())
}

/// Unqualified years in a row ending with `year`.
fn run_length(years: &[YearEvaluation], year: i32, policy: &Policy) -> u64 {
    let unqualified = |y: i32| {
        years.iter().find(|e| e.year == y).is_some_and(|e| {
            let g = e
                .combined
                .or_else(|| grade(e.satisfied, e.basically_satisfied, e.dissatisfied, policy).ok());
            g == Some(crate::Grade::Unqualified)
        })
    };
    let mut n = 0;
    let mut y = Some(year);
    while let Some(this) = y.filter(|this| unqualified(*this)) {
        n += 1;
        y = this.checked_sub(1);
    }
    n
}
