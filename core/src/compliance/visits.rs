//! S2.1–S2.4, S2.6 — committee members visit households; the monthly analysis meeting.
//!
//! > 区级领导每年入户走访时间不少于2次；镇街党委（党工委）班子成员每年入户走访时间不少于4次；
//! > 村（社区）党组织班子成员每届入户走访辖区每户群众家庭不少于6次……做到100%覆盖……
//! > 村（社区）党组织书记对重病卧床、住院治疗、红白喜事、意外事故、家庭受灾的群众须做到“五必访”。
//! > 基层党组织每月召开一次民情分析会。

use super::index::{between, Index};
use super::period::{periods, Judgement, Period, PeriodKind, Window};
use super::report::{Collector, Shortfall};
use crate::dataset::{Level, Role};
use crate::policy::Policy;
use chrono::Days;

pub(crate) fn check(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    yearly_visits(ix, w, policy, out);
    assignment(ix, w, out);
    term_visits(ix, w, policy, out);
    must_visits(ix, w, policy, out);
    meetings(ix, w, policy, out);
}

/// S2.1, S2.2: visits a year by district leaders and town committee members.
fn yearly_visits(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for p in &ix.data.people {
        let (rule, asked) = match ix.level(&p.unit) {
            Some(Level::District) => ("S2.1", policy.district_leader_visits_per_year),
            Some(Level::Town) => ("S2.2", policy.town_member_visits_per_year),
            _ => continue,
        };
        let visits = ix
            .visits_by
            .get(p.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for period in periods(PeriodKind::Year, w.start, w.end) {
            match w.judge(&period, p.from, p.to) {
                Judgement::Outside => {}
                Judgement::NotJudged => out.not_judged(rule, &p.unit, &p.id, &period),
                Judgement::Judged => {
                    let made = between(visits, period.start, period.end, |d| *d).len() as u64;
                    out.at_least(Shortfall {
                        rule,
                        code: "too_few_visits",
                        unit: &p.unit,
                        subject: &p.id,
                        period,
                        expected: u64::from(asked),
                        actual: made,
                    });
                }
            }
        }
    }
}

/// S2.3: every household assigned to a committee member of its village in office on the
/// last judged day (100% coverage).
fn assignment(ix: &Index<'_>, w: &Window, out: &mut Collector) {
    let day = w.judge_end();
    if day < w.start {
        return;
    }
    for h in &ix.data.households {
        let assigned = h.member.as_deref().and_then(|m| {
            ix.people_of
                .get(h.unit.as_str())
                .and_then(|ps| ps.iter().find(|p| p.id == m))
        });
        let in_office = assigned.is_some_and(|p| p.from <= day && p.to.is_none_or(|to| day <= to));
        let period = Period::span(w.start, day);
        if in_office {
            out.met("S2.3", &h.unit, &h.id, &period);
        } else {
            out.not_met(Shortfall {
                rule: "S2.3",
                code: "household_unassigned",
                unit: &h.unit,
                subject: &h.id,
                period,
                expected: 1,
                actual: 0,
            });
        }
    }
}

/// S2.3, A9: each household visited at least six times in each term on record by the
/// committee members of its village.
fn term_visits(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for t in &ix.data.terms {
        let period = Period::span(t.from, t.to);
        let judgement = w.judge(&period, t.from, Some(t.to));
        let members: Vec<&str> = ix
            .people_of
            .get(t.unit.as_str())
            .map(|ps| ps.iter().map(|p| p.id.as_str()).collect())
            .unwrap_or_default();
        for h in ix
            .households_of
            .get(t.unit.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            match judgement {
                Judgement::Outside => {}
                Judgement::NotJudged => out.not_judged("S2.3", &t.unit, &h.id, &period),
                Judgement::Judged => {
                    let visits = ix
                        .visits_to
                        .get(h.id.as_str())
                        .map(Vec::as_slice)
                        .unwrap_or(&[]);
                    let made = between(visits, t.from, t.to, |v| v.0)
                        .iter()
                        .filter(|v| members.contains(&v.1))
                        .count() as u64;
                    out.at_least(Shortfall {
                        rule: "S2.3",
                        code: "household_under_visited",
                        unit: &t.unit,
                        subject: &h.id,
                        period: period.clone(),
                        expected: u64::from(policy.village_visits_per_household_per_term),
                        actual: made,
                    });
                }
            }
        }
    }
}

/// S2.4, A10: each event visited by a secretary of the household's village within the
/// window; judged once the window has closed (or a visit came), otherwise not judged.
fn must_visits(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for e in &ix.data.household_events {
        if e.date < w.start || e.date > w.end {
            continue;
        }
        let Some(h) = ix.households.get(e.household.as_str()) else {
            continue;
        };
        let close = e
            .date
            .checked_add_days(Days::new(u64::from(policy.must_visit_window_days)))
            .unwrap_or(chrono::NaiveDate::MAX);
        let secretaries: Vec<&str> = ix
            .people_of
            .get(h.unit.as_str())
            .map(|ps| {
                ps.iter()
                    .filter(|p| p.role == Role::Secretary)
                    .map(|p| p.id.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let visits = ix
            .visits_to
            .get(h.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let visited = between(visits, e.date, close.min(w.as_of), |v| v.0)
            .iter()
            .any(|v| secretaries.contains(&v.1));
        let period = Period::span(e.date, close);
        if visited {
            out.met("S2.4", &h.unit, &e.id, &period);
        } else if close <= w.as_of {
            out.not_met(Shortfall {
                rule: "S2.4",
                code: "must_visit_missed",
                unit: &h.unit,
                subject: &e.id,
                period,
                expected: u64::from(policy.must_visit_window_days),
                actual: 0,
            });
        } else {
            out.not_judged("S2.4", &h.unit, &e.id, &period);
        }
    }
}

/// S2.6: a public-opinion analysis meeting each month in each village and community.
fn meetings(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for u in ix.grassroots() {
        let held = ix
            .meetings_of
            .get(u.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for period in periods(PeriodKind::Month, w.start, w.end) {
            match w.judge(&period, chrono::NaiveDate::MIN, None) {
                Judgement::Outside => {}
                Judgement::NotJudged => out.not_judged("S2.6", &u.id, &u.id, &period),
                Judgement::Judged => {
                    let n = between(held, period.start, period.end, |d| *d).len() as u64;
                    out.at_least(Shortfall {
                        rule: "S2.6",
                        code: "meeting_missing",
                        unit: &u.id,
                        subject: &u.id,
                        period,
                        expected: u64::from(policy.analysis_meetings_per_month),
                        actual: n,
                    });
                }
            }
        }
    }
}
