//! S2.1–S2.4, S2.6 — committee members visit households; the monthly analysis meeting.
//!
//! > 区级领导每年入户走访时间不少于2次；镇街党委（党工委）班子成员每年入户走访时间不少于4次；
//! > 村（社区）党组织班子成员每届入户走访辖区每户群众家庭不少于6次……做到100%覆盖……
//! > 村（社区）党组织书记对重病卧床、住院治疗、红白喜事、意外事故、家庭受灾的群众须做到“五必访”。
//! > 基层党组织每月召开一次民情分析会。

use super::index::{between, of, Index};
use super::period::{periods, Judgement, Period, PeriodKind, Share, Window};
use super::reason;
use super::report::{Collector, Counted, Shortfall};
use crate::dataset::{Level, Person, Role};
use crate::policy::Policy;
use chrono::{Days, NaiveDate};

pub(crate) fn check(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    yearly_visits(ix, w, policy, out);
    assignment(ix, w, out);
    term_visits(ix, w, policy, out);
    must_visits(ix, w, policy, out);
    meetings(ix, w, policy, out);
}

/// S2.1, S2.2: visits a year by district leaders and town committee members, prorated for a
/// part-year in office (A16).
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
        for period in w.periods_for(PeriodKind::Year, p.from, p.to) {
            if out.skips(period.end, "too_few_visits") {
                continue;
            }
            match w.judge_share(
                &period,
                p.from,
                p.to,
                u64::from(asked),
                policy.partial_years,
            ) {
                Share::Outside => {}
                Share::NotJudged(why) => out.not_judged(rule, &p.unit, &p.id, &period, why),
                Share::Open { part, required } => out.open(Shortfall {
                    rule,
                    code: "too_few_visits",
                    unit: &p.unit,
                    subject: &p.id,
                    expected: required,
                    actual: between(visits, part.start, w.as_of, |d| *d).len() as u64,
                    period: part,
                }),
                Share::Judged { part, required } => {
                    let made = between(visits, part.start, part.end, |d| *d).len() as u64;
                    out.counting(|| {
                        between(visits, part.start, part.end, |d| *d)
                            .iter()
                            .map(|d| Counted::new("visit", *d, &[&p.id]))
                            .collect()
                    });
                    out.at_least(Shortfall {
                        rule,
                        code: "too_few_visits",
                        unit: &p.unit,
                        subject: &p.id,
                        period: part,
                        expected: required,
                        actual: made,
                    });
                }
            }
        }
    }
}

/// S2.3: every household assigned to a committee member of its village in office on the
/// last judged day (100% coverage); not judged (`open`) when `as_of` is before the range.
fn assignment(ix: &Index<'_>, w: &Window, out: &mut Collector) {
    let day = w.judge_end();
    for h in &ix.data.households {
        if day < w.start {
            out.not_judged(
                "S2.3",
                &h.unit,
                &h.id,
                &Period::span(w.start, w.end),
                reason::OPEN,
            );
            continue;
        }
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

/// S2.3, A9, A18: each household visited at least six times in each term (on record, or
/// counted from the village's first record) by the committee members of its village.
fn term_visits(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for u in ix.grassroots() {
        let households = of(&ix.households_of, &u.id);
        if households.is_empty() {
            continue;
        }
        let Some(terms) = ix.terms(&u.id, w.start, w.end, policy) else {
            let range = Period::span(w.start, w.end);
            for h in households {
                out.not_judged("S2.3", &u.id, &h.id, &range, reason::NO_TERM_ON_RECORD);
            }
            continue;
        };
        let members: Vec<&str> = of(&ix.people_of, &u.id)
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        for (from, to) in terms {
            let period = Period::span(from, to);
            let judgement = w.judge_whole(&period);
            for h in households {
                match judgement {
                    Judgement::Outside => {}
                    Judgement::NotJudged(why) if why != reason::OPEN => {
                        out.not_judged("S2.3", &u.id, &h.id, &period, why)
                    }
                    Judgement::NotJudged(_) | Judgement::Judged => {
                        let visits = ix
                            .visits_to
                            .get(h.id.as_str())
                            .map(Vec::as_slice)
                            .unwrap_or(&[]);
                        let counted = between(visits, from, to.min(w.as_of), |v| v.0)
                            .iter()
                            .filter(|v| members.contains(&v.1));
                        let made = counted.clone().count() as u64;
                        out.counting(|| {
                            counted
                                .map(|v| Counted::new("visit", v.0, &[v.1, &h.id]))
                                .collect()
                        });
                        let s = Shortfall {
                            rule: "S2.3",
                            code: "household_under_visited",
                            unit: &u.id,
                            subject: &h.id,
                            period: period.clone(),
                            expected: u64::from(policy.village_visits_per_household_per_term),
                            actual: made,
                        };
                        if judgement == Judgement::Judged {
                            out.at_least(s);
                        } else {
                            out.open(s);
                        }
                    }
                }
            }
        }
    }
}

/// S2.4, A10: each event visited within the window by a secretary of the household's village
/// who is in office on the day of the visit; judged once the window has closed (or such a
/// visit came), otherwise not judged (`open`).
fn must_visits(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for e in &ix.data.household_events {
        if e.date < w.start || e.date > w.end {
            continue;
        }
        let Some(h) = ix.households.get(e.household.as_str()) else {
            continue;
        };
        let Some(close) = e
            .date
            .checked_add_days(Days::new(u64::from(policy.must_visit_window_days)))
        else {
            let day = Period::span(e.date, e.date);
            out.not_judged("S2.4", &h.unit, &e.id, &day, reason::DATE_OUT_OF_RANGE);
            continue;
        };
        let secretaries: Vec<&Person> = of(&ix.people_of, &h.unit)
            .iter()
            .filter(|p| p.role == Role::Secretary)
            .copied()
            .collect();
        let in_office = |id: &str, day: NaiveDate| {
            secretaries
                .iter()
                .any(|p| p.id == id && p.from <= day && p.to.is_none_or(|to| day <= to))
        };
        let visits = ix
            .visits_to
            .get(h.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let visited = between(visits, e.date, close.min(w.as_of), |v| v.0)
            .iter()
            .any(|v| in_office(v.1, v.0));
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
            out.open(Shortfall {
                rule: "S2.4",
                code: "must_visit_missed",
                unit: &h.unit,
                subject: &e.id,
                period,
                expected: 1,
                actual: 0,
            });
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
        for period in periods(PeriodKind::Month, w.start, w.judge_end()) {
            if out.skips(period.end, "meeting_missing") {
                continue;
            }
            match w.judge_whole(&period) {
                Judgement::Outside => {}
                Judgement::NotJudged(reason::OPEN) => out.open(Shortfall {
                    rule: "S2.6",
                    code: "meeting_missing",
                    unit: &u.id,
                    subject: &u.id,
                    expected: u64::from(policy.analysis_meetings_per_month),
                    actual: between(held, period.start, w.as_of, |d| *d).len() as u64,
                    period,
                }),
                Judgement::NotJudged(why) => out.not_judged("S2.6", &u.id, &u.id, &period, why),
                Judgement::Judged => {
                    let n = between(held, period.start, period.end, |d| *d).len() as u64;
                    out.counting(|| {
                        between(held, period.start, period.end, |d| *d)
                            .iter()
                            .map(|d| Counted::new("meeting", *d, &[&u.id]))
                            .collect()
                    });
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
