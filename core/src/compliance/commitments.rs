//! S3.2–S3.8 — the two committees' commitments, their vote, evaluation and consequences.
//!
//! > 换届后第一年提出三年任期承诺，同时提出本年度承诺事项，以后每年初承诺一次。……同意票达到
//! > 三分之二及以上的，列为承诺内容……“不满意”票超过30％的为不合格……若连续两年综合考评仍然
//! > 不合格的村（社区）“两委会”，其成员应主动辞职。

use super::index::{of, Index};
use super::period::{periods, Judgement, Period, PeriodKind, Window};
use super::reason;
use super::report::{Collector, Shortfall, UnitGrade};
use crate::dataset::{Commitment, CommitmentKind, Committee, Evaluation};
use crate::grade::{grade, shares, Grade};
use crate::policy::{CommitmentBy, Policy, VoteBase};
use crate::share::Threshold;
use crate::vote::{decide_vote, Attendance, VoteOutcome};
use crate::{ErrorKind, Result};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::BTreeMap;

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
        // Inside the range's years, the commitment's year is a representable calendar year.
        let Some(year) = Period::year(c.year) else {
            continue;
        };
        steps_in_order(c, &year, out);
        votes(c, &year, policy, out)?;
    }
    evaluations(ix, w, policy, out);
    Ok(())
}

fn year_in_range(year: i32, w: &Window) -> bool {
    w.start.year() <= year && year <= w.end.year()
}

/// The policy's "年初" day in year `y` (A12); in a common year, 29 February is the last day
/// of February.
fn policy_day(y: i32, policy: &Policy) -> Option<NaiveDate> {
    let (m, d) = (
        policy.annual_commitment_by_month,
        policy.annual_commitment_by_day,
    );
    NaiveDate::from_ymd_opt(y, m, d).or_else(|| {
        NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|first| first.checked_add_months(Months::new(1)))
            .and_then(|next| next.pred_opt())
    })
}

/// S3.1, S3.2, A12, A18, A21: in the first year of each term (on record or counted), a term
/// commitment and an annual one made public by the end of the year; in each other year an
/// annual one by the policy day — by each committee, or jointly when the policy says so.
fn made_in_time(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for u in ix.grassroots() {
        let mine = of(&ix.commitments_of, &u.id);
        let subjects: Vec<(String, Option<Committee>)> = match policy.commitment_by {
            CommitmentBy::Joint => vec![(u.id.clone(), None)],
            CommitmentBy::EachCommittee => Committee::ALL
                .iter()
                .map(|c| (format!("{}/{}", u.id, c.name()), Some(*c)))
                .collect(),
        };
        for year in periods(PeriodKind::Year, w.start, w.judge_end()) {
            let y = year.start.year();
            let Some(terms) = ix.terms(&u.id, year.start, year.end, policy) else {
                for (subject, _) in &subjects {
                    out.not_judged("S3.2", &u.id, subject, &year, reason::NO_TERM_ON_RECORD);
                }
                continue;
            };
            let first_of_term = terms.iter().any(|t| t.0.year() == y);
            let due = if first_of_term {
                Some(year.end)
            } else {
                policy_day(y, policy)
            };
            let Some(due) = due else { continue };
            let period = Period {
                end: due,
                ..year.clone()
            };
            let mut kinds = vec![(CommitmentKind::Annual, "annual_commitment_missing")];
            if first_of_term {
                kinds.push((CommitmentKind::Term, "term_commitment_missing"));
            }
            let judgement = w.judge_whole(&period);
            for (subject, committee) in &subjects {
                for (kind, code) in &kinds {
                    let in_time = |c: &&&Commitment| {
                        c.kind == *kind
                            && c.year == y
                            && c.published.is_some_and(|p| p <= due.min(w.as_of))
                    };
                    let made = mine
                        .iter()
                        .filter(in_time)
                        .any(|c| committee.is_none() || c.committee == *committee);
                    match judgement {
                        Judgement::Outside => {}
                        Judgement::NotJudged(reason::OPEN) => out.open(Shortfall {
                            rule: "S3.2",
                            code,
                            unit: &u.id,
                            subject,
                            period: period.clone(),
                            expected: 1,
                            actual: u64::from(made),
                        }),
                        Judgement::NotJudged(why) => {
                            out.not_judged("S3.2", &u.id, subject, &period, why)
                        }
                        Judgement::Judged => {
                            let unnamed =
                                mine.iter().filter(in_time).any(|c| c.committee.is_none());
                            if !made && unnamed {
                                out.not_judged(
                                    "S3.2",
                                    &u.id,
                                    subject,
                                    &period,
                                    reason::MISSING_COMMITTEE,
                                );
                                continue;
                            }
                            out.at_least(Shortfall {
                                rule: "S3.2",
                                code,
                                unit: &u.id,
                                subject,
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
}

/// S3.4: the steps propose → vote → approve → publish, each dated no earlier than the one
/// before, and none missing before a later one; not judged (`missing_dates`) when no step
/// is dated.
fn steps_in_order(c: &Commitment, year: &Period, out: &mut Collector) {
    let steps = [c.proposed, c.voted, c.approved, c.published];
    let dates: Vec<NaiveDate> = steps.iter().flatten().copied().collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        out.not_judged("S3.4", &c.unit, &c.id, year, reason::MISSING_DATES);
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

/// S3.5, A4, A5, A15: an item is listed only when adopted. The period is the day of the vote,
/// or the commitment's year when no vote day is recorded. An item the vote cannot decide —
/// no ballots, attendance the policy needs but the item lacks, or attendance that
/// contradicts the ballots — is not judged, with that reason.
fn votes(c: &Commitment, year: &Period, policy: &Policy, out: &mut Collector) -> Result<()> {
    let period = c.voted.map_or_else(|| year.clone(), |d| Period::span(d, d));
    for item in &c.items {
        let subject = format!("{}/{}", c.id, item.id);
        if !item.listed {
            out.met("S3.5", &c.unit, &subject, &period);
            continue;
        }
        let decided = Attendance::from_parts(item.present, item.entitled).and_then(|a| {
            decide_vote(item.approve, item.disapprove, item.abstain, policy, a).map(|o| (o, a))
        });
        let (outcome, attendance) = match decided {
            Ok(found) => found,
            Err(e) => {
                let why = match e.kind() {
                    ErrorKind::AttendanceRequired => reason::MISSING_ATTENDANCE,
                    ErrorKind::InvalidAttendance { .. } => reason::INVALID_ATTENDANCE,
                    ErrorKind::NoBallots => reason::NO_BALLOTS,
                    _ => return Err(e),
                };
                out.not_judged("S3.5", &c.unit, &subject, &period, why);
                continue;
            }
        };
        let ballots =
            u128::from(item.approve) + u128::from(item.disapprove) + u128::from(item.abstain);
        let (code, expected, actual) = match (outcome, attendance) {
            (VoteOutcome::Adopted, _) => {
                out.met("S3.5", &c.unit, &subject, &period);
                continue;
            }
            (VoteOutcome::NoQuorum, Some(a)) => {
                let quorum = policy.vote_quorum.unwrap_or(Threshold::at_least(0, 1));
                let needed = quorum.min_part(u128::from(a.entitled));
                (
                    "listed_without_quorum",
                    needed.map_or(u64::MAX, |n| u64::try_from(n).unwrap_or(u64::MAX)),
                    a.present,
                )
            }
            (_, a) => {
                let base = match (policy.vote_base, a) {
                    (VoteBase::Present, Some(a)) => u128::from(a.present),
                    (VoteBase::Entitled, Some(a)) => u128::from(a.entitled),
                    _ => ballots,
                };
                let needed = policy.vote_adopt.min_part(base).unwrap_or(base);
                (
                    "listed_without_adoption",
                    u64::try_from(needed).unwrap_or(u64::MAX),
                    item.approve,
                )
            }
        };
        out.not_met(Shortfall {
            rule: "S3.5",
            code,
            unit: &c.unit,
            subject: &subject,
            period: period.clone(),
            expected,
            actual,
        });
    }
    Ok(())
}

/// S3.7, S3.8: a year-end evaluation each year, its grade, and its consequences.
fn evaluations(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for u in ix.grassroots() {
        let evaluations: BTreeMap<i32, &Evaluation> = of(&ix.evaluations_of, &u.id)
            .iter()
            .map(|e| (e.year, *e))
            .collect();
        for (&y, e) in evaluations.range(w.start.year()..=w.end.year()) {
            if let Ok(ballot) = grade(e.satisfied, e.basically_satisfied, e.dissatisfied, policy) {
                out.grades.push(UnitGrade {
                    unit: u.id.clone(),
                    year: y,
                    ballot,
                    combined: e.combined.unwrap_or(ballot),
                    recorded_combined: e.combined,
                });
            }
        }
        for year in periods(PeriodKind::Year, w.start, w.judge_end()) {
            let y = year.start.year();
            match w.judge_whole(&year) {
                Judgement::Outside => {}
                Judgement::NotJudged(reason::OPEN) => {
                    out.open(Shortfall {
                        rule: "S3.7",
                        code: "evaluation_missing",
                        unit: &u.id,
                        subject: &u.id,
                        period: year.clone(),
                        expected: 1,
                        actual: u64::from(evaluations.contains_key(&y)),
                    });
                    out.not_judged("S3.8", &u.id, &u.id, &year, reason::OPEN);
                }
                Judgement::NotJudged(why) => {
                    out.not_judged("S3.7", &u.id, &u.id, &year, why);
                    out.not_judged("S3.8", &u.id, &u.id, &year, why);
                }
                Judgement::Judged => {
                    let e = evaluations.get(&y);
                    match e {
                        None => out.not_met(Shortfall {
                            rule: "S3.7",
                            code: "evaluation_missing",
                            unit: &u.id,
                            subject: &u.id,
                            period: year.clone(),
                            expected: 1,
                            actual: 0,
                        }),
                        Some(e) if ballots(e) == 0 => {
                            out.not_judged("S3.7", &u.id, &u.id, &year, reason::NO_BALLOTS)
                        }
                        Some(_) => out.met("S3.7", &u.id, &u.id, &year),
                    }
                    consequences_of_year(ix, &u.id, &evaluations, &year, policy, out);
                }
            }
        }
    }
}

fn ballots(e: &Evaluation) -> u128 {
    u128::from(e.satisfied) + u128::from(e.basically_satisfied) + u128::from(e.dissatisfied)
}

/// S3.8, A22, A23: the consequences of one judged year's evaluation. Rectification when the
/// dissatisfied ballots exceed the policy's share (the ballot decides) or when the combined
/// result is unqualified; resignation when the combined result is unqualified in as many
/// consecutive years — of the same term, by default — as the policy says. The combined
/// result is the one on record; without one that part is not judged (`missing_combined`)
/// unless the policy takes the ballot's grade.
fn consequences_of_year(
    ix: &Index<'_>,
    unit: &str,
    evaluations: &BTreeMap<i32, &Evaluation>,
    year: &Period,
    policy: &Policy,
    out: &mut Collector,
) {
    let y = year.start.year();
    let Some(e) = evaluations.get(&y) else {
        out.not_judged("S3.8", unit, unit, year, reason::MISSING_EVALUATION);
        return;
    };
    let Ok(s) = shares(e.satisfied, e.basically_satisfied, e.dissatisfied, policy) else {
        out.not_judged("S3.8", unit, unit, year, reason::NO_BALLOTS);
        return;
    };
    let combined = |e: &Evaluation| -> Option<Grade> {
        e.combined.or_else(|| {
            policy
                .missing_combined_as_ballot
                .then(|| grade(e.satisfied, e.basically_satisfied, e.dissatisfied, policy).ok())
                .flatten()
        })
    };
    let mut found: Vec<(&'static str, u64, u64)> = Vec::new();
    if policy.rectify_dissatisfied.is_met(s.dissatisfied, s.valid) {
        let pct = s.dissatisfied * 100 / s.valid;
        let bound = u64::from(policy.rectify_dissatisfied.numerator) * 100
            / u64::from(policy.rectify_dissatisfied.denominator.max(1));
        found.push((
            "rectify_dissatisfaction_over_half",
            bound,
            u64::try_from(pct).unwrap_or(100),
        ));
    }
    let this = combined(e);
    if this == Some(Grade::Unqualified) {
        found.push(("rectify_combined_unqualified", 0, 1));
        // A22: the committee of a year is the one whose term holds 31 December.
        let term_of = |y: i32| {
            NaiveDate::from_ymd_opt(y, 12, 31)
                .and_then(|d| ix.terms(unit, d, d, policy))
                .and_then(|t| t.first().copied())
        };
        let term = term_of(y);
        // Only whether the run reaches the policy's length matters: stop there, so the walk
        // costs at most that many years.
        let needed = u64::from(policy.resign_after_unqualified_years);
        let mut run = 0u64;
        let mut back = Some(y);
        while let Some(b) = back.filter(|_| run < needed) {
            let unqualified = evaluations
                .get(&b)
                .is_some_and(|e| combined(e) == Some(Grade::Unqualified));
            let same_term = !policy.resign_within_term || (term.is_some() && term_of(b) == term);
            if !unqualified || !same_term {
                break;
            }
            run += 1;
            back = b.checked_sub(1);
        }
        if run >= needed {
            found.push((
                "resign_unqualified_two_years",
                u64::from(policy.resign_after_unqualified_years),
                run,
            ));
        }
    }
    if found.is_empty() {
        if this.is_none() {
            out.not_judged("S3.8", unit, unit, year, reason::MISSING_COMBINED);
        } else {
            out.met("S3.8", unit, unit, year);
        }
        return;
    }
    out.tally_not_met("S3.8", unit, unit, year);
    for (code, expected, actual) in found {
        out.record(Shortfall {
            rule: "S3.8",
            code,
            unit,
            subject: unit,
            period: year.clone(),
            expected,
            actual,
        });
    }
}
