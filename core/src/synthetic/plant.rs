//! The planted violations: each changes the compliant data in one place and names the
//! finding the check must report for it.

use super::{add, ymd, Shape};
use crate::dataset::{Aid, Dataset, EventKind, HouseholdEvent, Place, Visit};
use crate::deadline::deadline;
use crate::error::Detail;
use crate::grade::Grade;
use crate::policy::Policy;
use crate::{Error, ErrorKind, Result};
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A finding the check must report: rule, code, subject and the period's label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Planted {
    /// Rule id.
    pub rule: String,
    /// Finding code.
    pub code: String,
    /// Subject id.
    pub subject: String,
    /// Period label.
    pub period: String,
}

fn planted(rule: &str, code: &str, subject: &str, period: impl Into<String>) -> Planted {
    Planted {
        rule: rule.to_string(),
        code: code.to_string(),
        subject: subject.to_string(),
        period: period.into(),
    }
}

fn span(a: NaiveDate, b: NaiveDate) -> String {
    format!("{a}..{b}")
}

/// The Monday of ISO week `week` of `year`.
fn monday(year: i32, week: u32) -> NaiveDate {
    NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).unwrap_or(NaiveDate::MIN)
}

pub(crate) fn plant(d: &mut Dataset, shape: &Shape, policy: &Policy) -> Result<Vec<Planted>> {
    if shape.towns < 2
        || shape.villages_per_town < 3
        || shape.households_per_village < 8
        || shape.years < 3
    {
        return Err(Error::new(ErrorKind::InvalidInput {
            detail: Detail::new(
                "planting needs 2 towns, 3 villages a town, 8 households a village and 3 years",
                "植入违规需要 2 个镇、每镇 3 个村、每村 8 户和 3 年",
            ),
        }));
    }
    let y0 = shape.first_year;
    let (first, last) = shape.range();
    let judge_end = last.min(shape.as_of());
    let mut out = Vec::new();

    // S1.3: a week without a reception, and a week whose only session is too short (A7).
    let w = monday(y0, 10);
    d.receptions
        .retain(|r| !(r.person == "T0-V1-S" && w <= r.date && r.date <= add(w, 6)));
    out.push(planted(
        "S1.3",
        "too_few_receptions",
        "T0-V1-S",
        format!("{y0}-W10"),
    ));
    let w = monday(y0 + 1, 20);
    for r in d
        .receptions
        .iter_mut()
        .filter(|r| r.person == "T1-V1-S" && w <= r.date && r.date <= add(w, 6))
    {
        r.minutes = policy.reception_min_minutes.saturating_sub(60);
    }
    out.push(planted(
        "S1.3",
        "too_few_receptions",
        "T1-V1-S",
        format!("{}-W20", y0 + 1),
    ));

    // S1.2: a town secretary misses a month.
    d.receptions
        .retain(|r| !(r.person == "T1-S" && r.date.year() == y0 + 1 && r.date.month() == 3));
    out.push(planted(
        "S1.2",
        "too_few_receptions",
        "T1-S",
        format!("{}-03", y0 + 1),
    ));

    // S1.4: a village member misses the rota for a week.
    let w = monday(y0 + 2, 5);
    d.receptions
        .retain(|r| !(r.person == "T0-V2-M1" && w <= r.date && r.date <= add(w, 6)));
    out.push(planted(
        "S1.4",
        "rotation_missed",
        "T0-V2-M1",
        format!("{}-W05", y0 + 2),
    ));

    // S2.2: a town member makes three visits in a year instead of four.
    let mut kept = 0;
    d.visits.retain(|v| {
        if v.person == "T1-M2" && v.date.year() == y0 + 1 {
            kept += 1;
            kept <= 3
        } else {
            true
        }
    });
    out.push(planted(
        "S2.2",
        "too_few_visits",
        "T1-M2",
        format!("{}", y0 + 1),
    ));

    // S2.3: a household assigned to nobody; a household visited five times in the term.
    if let Some(h) = d.households.iter_mut().find(|h| h.id == "T0-V1-H003") {
        h.member = None;
    }
    out.push(planted(
        "S2.3",
        "household_unassigned",
        "T0-V1-H003",
        span(first, judge_end),
    ));
    let mut kept = 0;
    d.visits.retain(|v| {
        if v.household == "T1-V0-H004" && v.person.starts_with("T1-V0-") {
            kept += 1;
            kept <= 5
        } else {
            true
        }
    });
    out.push(planted(
        "S2.3",
        "household_under_visited",
        "T1-V0-H004",
        span(first, last),
    ));

    // S2.4: an event the secretary never visits.
    let event = d
        .household_events
        .iter()
        .find(|e| e.id == "T0-V0-H002-E")
        .map(|e| e.date);
    if let Some(date) = event {
        d.visits.retain(|v| {
            !(v.household == "T0-V0-H002" && (v.person == "T0-V0-S" || v.person == "T0-V0-S2"))
        });
        let close = add(date, u64::from(policy.must_visit_window_days));
        out.push(planted(
            "S2.4",
            "must_visit_missed",
            "T0-V0-H002-E",
            span(date, close),
        ));
    }

    // S2.6: a month without an analysis meeting.
    d.meetings
        .retain(|m| !(m.unit == "T1-V2" && m.date.year() == y0 + 2 && m.date.month() == 7));
    out.push(planted(
        "S2.6",
        "meeting_missing",
        "T1-V2",
        format!("{}-07", y0 + 2),
    ));

    // S3.2: an annual commitment made public after the policy day; S3.1: the villagers'
    // committee of another village makes none, though the Party organisation does (each
    // committee's duty is its own, A21).
    if let Some(c) = d
        .commitments
        .iter_mut()
        .find(|c| c.id == format!("T0-V0-{}AP", y0 + 1))
    {
        c.published = Some(ymd(y0 + 1, 2, 10));
    }
    out.push(planted(
        "S3.2",
        "annual_commitment_missing",
        "T0-V0/party",
        format!("{}", y0 + 1),
    ));
    d.commitments
        .retain(|c| c.id != format!("T1-V2-{}AV", y0 + 1));
    out.push(planted(
        "S3.2",
        "annual_commitment_missing",
        "T1-V2/villagers",
        format!("{}", y0 + 1),
    ));

    // S3.4: the vote dated before the proposal.
    if let Some(c) = d
        .commitments
        .iter_mut()
        .find(|c| c.id == format!("T1-V1-{}AP", y0 + 2))
    {
        if let (Some(p), Some(pub_)) = (c.proposed, c.published) {
            let voted = p.checked_sub_days(Days::new(1)).unwrap_or(p);
            c.voted = Some(voted);
            out.push(planted(
                "S3.4",
                "steps_out_of_order",
                &c.id,
                span(voted, pub_),
            ));
        }
    }

    // S3.5: an item listed with one approving ballot short of two thirds.
    if let Some(c) = d
        .commitments
        .iter_mut()
        .find(|c| c.id == format!("T0-V2-{y0}AP"))
    {
        if let Some(item) = c.items.iter_mut().find(|i| i.id == "I2") {
            (item.approve, item.disapprove, item.abstain, item.listed) = (19, 10, 1, true);
        }
        let day = c.voted.unwrap_or(first);
        out.push(planted(
            "S3.5",
            "listed_without_adoption",
            &format!("{}/I2", c.id),
            span(day, day),
        ));
    }

    // S3.7: a year without an evaluation; S3.8: unqualified two years running.
    d.evaluations
        .retain(|e| !(e.unit == "T0-V1" && e.year == y0));
    out.push(planted(
        "S3.7",
        "evaluation_missing",
        "T0-V1",
        format!("{y0}"),
    ));
    // The combined results on record are unqualified too, in two years of one term (A22).
    for e in d.evaluations.iter_mut().filter(|e| e.unit == "T1-V0") {
        if e.year == y0 + 1 {
            (e.satisfied, e.basically_satisfied, e.dissatisfied) = (60, 0, 40);
            e.combined = Some(Grade::Unqualified);
        } else if e.year == y0 + 2 {
            (e.satisfied, e.basically_satisfied, e.dissatisfied) = (40, 0, 60);
            e.combined = Some(Grade::Unqualified);
        }
    }
    out.push(planted(
        "S3.8",
        "rectify_combined_unqualified",
        "T1-V0",
        format!("{}", y0 + 1),
    ));
    for code in [
        "rectify_dissatisfaction_over_half",
        "rectify_combined_unqualified",
        "resign_unqualified_two_years",
    ] {
        out.push(planted("S3.8", code, "T1-V0", format!("{}", y0 + 2)));
    }

    // S1.5 (A19): a week whose only session was held by the hotline (`other`), a channel of
    // S1.6, not a 集中接待 at a place the notice names.
    let w = monday(y0 + 1, 30);
    for r in d
        .receptions
        .iter_mut()
        .filter(|r| r.person == "T0-V1-S" && w <= r.date && r.date <= add(w, 6))
    {
        r.place = Place::Other;
    }
    out.push(planted(
        "S1.3",
        "too_few_receptions",
        "T0-V1-S",
        format!("{}-W30", y0 + 1),
    ));

    // S1.4 (A20): a member's turn one minute short of the turn length.
    let w = monday(y0 + 1, 40);
    for r in d
        .receptions
        .iter_mut()
        .filter(|r| r.person == "T1-V2-M2" && w <= r.date && r.date <= add(w, 6))
    {
        r.minutes = policy.rotation_min_minutes.saturating_sub(1);
    }
    out.push(planted(
        "S1.4",
        "rotation_missed",
        "T1-V2-M2",
        format!("{}-W40", y0 + 1),
    ));

    // S2.2 (A16): the town member who joined on 1 July makes one visit in that part-year,
    // where 4 × 184 / 365, rounded half up, asks 2.
    let mut kept = 0;
    d.visits.retain(|v| {
        if v.person == "T0-M3" && v.date.year() == y0 + 1 {
            kept += 1;
            kept <= 1
        } else {
            true
        }
    });
    out.push(planted(
        "S2.2",
        "too_few_visits",
        "T0-M3",
        format!("{}", y0 + 1),
    ));

    // S2.4: an event after the first village's change of secretary, visited only by the
    // secretary who had left office.
    let handover = d.people.iter().find(|p| p.id == "T0-V0-S2").map(|p| p.from);
    if let Some(h) = handover {
        let date = add(h, 10);
        d.household_events.push(HouseholdEvent {
            id: "T0-V0-H005-E".to_string(),
            household: "T0-V0-H005".to_string(),
            kind: EventKind::Accident,
            date,
        });
        d.visits.push(Visit {
            person: "T0-V0-S".to_string(),
            household: "T0-V0-H005".to_string(),
            date: add(date, 2),
        });
        let close = add(date, u64::from(policy.must_visit_window_days));
        out.push(planted(
            "S2.4",
            "must_visit_missed",
            "T0-V0-H005-E",
            span(date, close),
        ));
    }

    // S4.2 (A17): the second link of T1-V1 does nothing in its first year of its own
    // (1 March to the end of February).
    let from = ymd(y0, 3, 1);
    let until = from
        .checked_add_months(Months::new(12))
        .and_then(|d| d.pred_opt())
        .unwrap_or(from);
    d.deeds
        .retain(|x| !(x.link == "L2-T1-V1" && from <= x.date && x.date <= until));
    out.push(planted(
        "S4.2",
        "too_few_deeds",
        "L2-T1-V1",
        span(from, until),
    ));

    // S4.1: a poor household without a pairing.
    d.pairings.retain(|p| p.household != "T1-V2-H001");
    d.aid.retain(|a| a.pairing != "T1-V2-H001-P");
    for y in y0..y0 + 3 {
        out.push(planted(
            "S4.1",
            "poor_not_paired",
            "T1-V2-H001",
            format!("{y}"),
        ));
    }

    // S4.2: one deed in a year instead of two.
    let mut kept = 0;
    d.deeds.retain(|x| {
        if x.link == "L-T0-V0" && x.date.year() == y0 + 1 {
            kept += 1;
            kept <= 1
        } else {
            true
        }
    });
    out.push(planted(
        "S4.2",
        "too_few_deeds",
        "L-T0-V0",
        format!("{}", y0 + 1),
    ));

    // S4.3: 499.99 yuan in a year falls short; 500.00 yuan exactly meets the rule.
    for (pairing, fen) in [("T0-V1-H005-P", 49_999), ("T0-V0-H001-P", 50_000)] {
        d.aid
            .retain(|a| !(a.pairing == pairing && a.date.year() == y0 + 2));
        d.aid.push(Aid {
            pairing: pairing.to_string(),
            date: ymd(y0 + 2, 6, 15),
            amount_fen: fen,
        });
    }
    out.push(planted(
        "S4.3",
        "aid_below_minimum",
        "T0-V1-H005-P",
        format!("{}", y0 + 2),
    ));

    // S5.1: fed back one day late; S5.4: never fed back; S5.5: closed without a result.
    for o in d.opinions.iter_mut() {
        let due = || deadline(o.received, o.responsibility, policy);
        match o.id.as_str() {
            "T0-V2-O00" => {
                let due = due()?;
                o.fed_back = Some(add(due, 1));
                out.push(planted(
                    "S5.1",
                    "feedback_late",
                    &o.id,
                    span(o.received, due),
                ));
            }
            "T1-V1-O03" => {
                let due = due()?;
                (o.fed_back, o.closed) = (None, false);
                out.push(planted(
                    "S5.4",
                    "feedback_overdue",
                    &o.id,
                    span(o.received, due),
                ));
            }
            // S5.1: a promise later than the limit ("10天内" is a maximum); the next
            // opinion's earlier promise is valid.
            "T0-V1-O04" => {
                let due = due()?;
                o.promised = Some(add(due, 2));
                out.push(planted(
                    "S5.1",
                    "deadline_mismatch",
                    &o.id,
                    span(o.received, due),
                ));
            }
            "T0-V1-O08" => o.promised = Some(add(o.received, 1)),
            "T1-V2-O01" => {
                o.result = false;
                let fed = o.fed_back.unwrap_or(judge_end);
                out.push(planted(
                    "S5.5",
                    "closed_without_result",
                    &o.id,
                    span(o.received, fed),
                ));
            }
            _ => {}
        }
    }
    out.sort();
    Ok(out)
}
