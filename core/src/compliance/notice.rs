//! N.1–N.3 — the notice's own requirements, judged where the dataset records them
//! (`implementations`, one record per town, street or department).
//!
//! > 各镇街党委（党工委）要在今年12月20日前全面贯彻落实五项制度。2009年1月10日前，将本地区、
//! > 本系统党组织落实五项制度的情况形成书面报告送区委组织部，同时通过党政网向区委组织部组织科
//! > 报送电子文档。……明确党组织书记为第一责任人，分管领导为直接责任人，同时落实具体经办人
//!
//! Each deadline is the last day allowed ("前" includes the day, A25; the policy's
//! `implement_by` and `report_by`). A deadline outside the checked range is not counted; one
//! after `as_of` with nothing done is not judged (`open`).

use super::index::{of, Index};
use super::period::{Judgement, Period, Window};
use super::reason;
use super::report::{Collector, Shortfall};
use crate::dataset::{Implementation, Level, Role};
use crate::policy::Policy;
use chrono::NaiveDate;

pub(crate) fn check(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for r in &ix.data.implementations {
        let Some(level) = ix.level(&r.unit) else {
            continue;
        };
        // N.1: the towns and streets (镇街党委、党工委).
        if level == Level::Town {
            by_deadline(
                "N.1",
                "implementation_late",
                r,
                &[r.implemented],
                policy.implement_by,
                w,
                out,
            );
        }
        // N.2: "本地区、本系统": the towns and streets, and the departments.
        if matches!(level, Level::Town | Level::Organisation) {
            by_deadline(
                "N.2",
                "report_late",
                r,
                &[r.report_written, r.report_electronic],
                policy.report_by,
                w,
                out,
            );
        }
        responsibility(ix, r, policy, w, out);
    }
}

/// Days from `from` to `to` (0 when `to` is not after `from`).
fn days_after(from: NaiveDate, to: NaiveDate) -> u64 {
    u64::try_from(to.signed_duration_since(from).num_days()).unwrap_or(0)
}

/// N.1, N.2: every one of `done` dated on or before `by`. Judged once every one is done or
/// `by` has passed by `as_of`; the shortfall is the days after `by` of the latest (up to
/// `as_of` for one not done).
fn by_deadline(
    rule: &'static str,
    code: &'static str,
    r: &Implementation,
    done: &[Option<NaiveDate>],
    by: NaiveDate,
    w: &Window,
    out: &mut Collector,
) {
    let period = Period::span(by, by);
    if !period.overlaps(w.start, w.end) {
        return;
    }
    let seen = |d: &Option<NaiveDate>| d.filter(|d| *d <= w.as_of);
    let all_in_time = done.iter().all(|d| seen(d).is_some_and(|d| d <= by));
    if all_in_time {
        out.met(rule, &r.unit, &r.unit, &period);
        return;
    }
    if by > w.as_of && done.iter().all(|d| seen(d).is_none_or(|d| d <= by)) {
        out.not_judged(rule, &r.unit, &r.unit, &period, reason::OPEN);
        return;
    }
    let late = done
        .iter()
        .map(|d| days_after(by, seen(d).unwrap_or(w.as_of)))
        .max()
        .unwrap_or(0);
    out.not_met(Shortfall {
        rule,
        code,
        unit: &r.unit,
        subject: &r.unit,
        period,
        expected: 0,
        actual: late,
    });
}

/// N.3: the unit's Party secretary named first responsible (第一责任人), a leader of the unit
/// directly responsible (直接责任人), and a clerk (具体经办人). Judged for a record whose
/// `implement_by` lies in the range and is over by `as_of`.
fn responsibility(
    ix: &Index<'_>,
    r: &Implementation,
    policy: &Policy,
    w: &Window,
    out: &mut Collector,
) {
    let by = policy.implement_by;
    let period = Period::span(by, by);
    match w.judge_whole(&period) {
        Judgement::Outside => {}
        Judgement::NotJudged(why) => out.not_judged("N.3", &r.unit, &r.unit, &period, why),
        Judgement::Judged => {
            let people = of(&ix.people_of, &r.unit);
            let first = r.first_responsible.as_deref().is_some_and(|id| {
                people
                    .iter()
                    .any(|p| p.id == id && p.role == Role::Secretary)
            });
            let direct = r
                .directly_responsible
                .as_deref()
                .is_some_and(|id| people.iter().any(|p| p.id == id));
            let clerk = r.clerk.as_deref().is_some_and(|c| !c.trim().is_empty());
            out.at_least(Shortfall {
                rule: "N.3",
                code: "responsibility_unassigned",
                unit: &r.unit,
                subject: &r.unit,
                period,
                expected: 3,
                actual: u64::from(first) + u64::from(direct) + u64::from(clerk),
            });
        }
    }
}
