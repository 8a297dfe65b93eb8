//! S5.1–S5.5 — every opinion finished and fed back within its "1234" time limit, never
//! promised for later than that limit, and closed (销号) only when finished.
//!
//! > 建立10天、20天、30天、40天群众意见限期办结反馈制度……对属本级党组织工作职责范围内的事项，
//! > 应在收到反映问题之日起10天内办结，并反馈反映人……
//!
//! One opinion never costs the report: an opinion whose deadline needs a year the holiday
//! calendar does not cover is not judged (`calendar_not_covered`), named by its id, unless
//! the policy guesses weekends beyond the calendar (A24), which flags the judgement
//! `provisional`.

use super::index::Index;
use super::period::{Period, Window};
use super::reason;
use super::report::{Collector, Shortfall};
use crate::dataset::Opinion;
use crate::deadline::{feedback_status_detail, Responsibility, Status};
use crate::policy::Policy;
use crate::{ErrorKind, Result};

pub(crate) fn check(
    ix: &Index<'_>,
    w: &Window,
    policy: &Policy,
    out: &mut Collector,
) -> Result<()> {
    for (i, o) in ix.data.opinions.iter().enumerate() {
        if o.received < w.start || o.received > w.end {
            continue;
        }
        // The records were taken on as_of: nothing in them can be later.
        for (day, field) in [(Some(o.received), "received"), (o.fed_back, "fed_back")] {
            if day.is_some_and(|d| d > w.as_of) {
                return Err(ErrorKind::AfterAsOf.at(field).at(i).at("opinions"));
            }
        }
        time_limit(o, w, policy, out)?;
        if o.closed {
            let recorded = u64::from(o.result) + u64::from(o.fed_back.is_some());
            out.at_least(Shortfall {
                rule: "S5.5",
                code: "closed_without_result",
                unit: &o.unit,
                subject: &o.id,
                period: Period::span(o.received, o.fed_back.unwrap_or(w.as_of)),
                expected: 2,
                actual: recorded,
            });
        }
    }
    Ok(())
}

/// S5.1–S5.4 (A1, A2, A13, A24) for one opinion: fed back by its deadline, and no promised
/// day ("望在…前办理完毕") later than the deadline ("10天内" is a maximum: an earlier promise
/// is valid).
fn time_limit(o: &Opinion, w: &Window, policy: &Policy, out: &mut Collector) -> Result<()> {
    let rule = match o.responsibility {
        Responsibility::WithinRemit => "S5.1",
        Responsibility::OutsideRemit => "S5.2",
        Responsibility::Unresolvable => "S5.3",
        Responsibility::LeadUnit => "S5.4",
    };
    let (s, guessed) = match feedback_status_detail(
        o.received,
        o.responsibility,
        o.fed_back,
        Some(w.as_of),
        policy,
    ) {
        Ok(found) => found,
        Err(e) => {
            let why = match e.kind() {
                ErrorKind::CalendarNotCovered { .. } => reason::CALENDAR_NOT_COVERED,
                ErrorKind::DateOutOfRange { .. } => reason::DATE_OUT_OF_RANGE,
                _ => return Err(e),
            };
            let day = Period::span(o.received, o.received);
            out.not_judged(rule, &o.unit, &o.id, &day, why);
            return Ok(());
        }
    };
    out.provisional = guessed;
    let days_from_receipt = |d: chrono::NaiveDate| {
        d.signed_duration_since(o.received)
            .num_days()
            .unsigned_abs()
    };
    let allowed = days_from_receipt(s.deadline);
    let period = Period::span(o.received, s.deadline);
    let mismatch = o.promised.filter(|p| *p > s.deadline).map(|p| Shortfall {
        rule,
        code: "deadline_mismatch",
        unit: &o.unit,
        subject: &o.id,
        period: period.clone(),
        expected: allowed,
        actual: days_from_receipt(p),
    });
    let missed = match s.status {
        Status::OnTime | Status::Open => None,
        Status::Late | Status::Overdue => Some(Shortfall {
            rule,
            code: if s.status == Status::Late {
                "feedback_late"
            } else {
                "feedback_overdue"
            },
            unit: &o.unit,
            subject: &o.id,
            period: period.clone(),
            expected: allowed,
            actual: allowed + s.days,
        }),
    };
    let mut shortfalls = missed.into_iter().chain(mismatch);
    match shortfalls.next() {
        None if s.status == Status::Open => out.open(Shortfall {
            rule,
            code: "feedback_overdue",
            unit: &o.unit,
            subject: &o.id,
            period,
            expected: 1,
            actual: 0,
        }),
        None => out.met(rule, &o.unit, &o.id, &period),
        Some(first) => {
            out.not_met(first);
            for more in shortfalls {
                out.record(more);
            }
        }
    }
    out.provisional = false;
    Ok(())
}
