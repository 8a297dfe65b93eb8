//! S5.1–S5.5 — every opinion finished and fed back within its "1234" time limit, and
//! closed (销号) only when finished.

use super::index::Index;
use super::period::{Period, Window};
use super::report::{Collector, Shortfall};
use crate::deadline::{feedback_status, Responsibility, Status};
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
        let rule = match o.responsibility {
            Responsibility::WithinRemit => "S5.1",
            Responsibility::OutsideRemit => "S5.2",
            Responsibility::Unresolvable => "S5.3",
            Responsibility::LeadUnit => "S5.4",
        };
        let s = feedback_status(
            o.received,
            o.responsibility,
            o.fed_back,
            Some(w.as_of),
            policy,
        )?;
        let allowed = s
            .deadline
            .signed_duration_since(o.received)
            .num_days()
            .unsigned_abs();
        let period = Period::span(o.received, s.deadline);
        match s.status {
            Status::OnTime => out.met(rule, &o.unit, &o.id, &period),
            Status::Open => out.not_judged(rule, &o.unit, &o.id, &period),
            Status::Late | Status::Overdue => out.not_met(Shortfall {
                rule,
                code: if s.status == Status::Late {
                    "feedback_late"
                } else {
                    "feedback_overdue"
                },
                unit: &o.unit,
                subject: &o.id,
                period,
                expected: allowed,
                actual: allowed + s.days,
            }),
        }
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
