//! S1.1–S1.5 — secretaries receive the public on a schedule, and the other members rotate.
//!
//! > 区委书记每年集中接待群众不少于2次，每次不少于半天。镇街党委（党工委）书记每月集中接待群众
//! > 不少于1次……村（社区）党组织书记每周集中接待群众不少于1次……区委常委班子成员在1年内轮流
//! > 接待；镇街党委（党工委）班子成员在1月内轮流接待；村（社区）党组织班子成员在1周内轮流接待。
//! > 区委书记和其他区级领导在区信访办公室集中接待来访群众……
//!
//! A session counts when it was held at a place the notice names (S1.5, A19: the policy's
//! `reception_places`; a mailbox or hotline session, `other`, is a channel of S1.6) and
//! lasted at least half a day (A7) for a secretary, or the policy's turn length for a
//! member's turn (A20). The yearly obligations of the district (S1.1 and the standing
//! committee's rota of S1.4) are prorated for a part-year in office (A16); months and weeks
//! are judged whole (A8).

use super::index::{between, Index};
use super::period::{Judgement, PeriodKind, Share, Window};
use super::reason;
use super::report::{Collector, Counted, Shortfall};
use crate::dataset::{Level, Role};
use crate::policy::Policy;
use chrono::NaiveDate;

pub(crate) fn check(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for p in &ix.data.people {
        let Some(level) = ix.level(&p.unit) else {
            continue;
        };
        let secretary = p.role == Role::Secretary;
        let (rule, kind, asked) = match (level, secretary) {
            (Level::District, true) => (
                "S1.1",
                PeriodKind::Year,
                policy.district_secretary_receptions_per_year,
            ),
            (Level::Town, true) => (
                "S1.2",
                PeriodKind::Month,
                policy.town_secretary_receptions_per_month,
            ),
            (Level::Village | Level::Community, true) => (
                "S1.3",
                PeriodKind::Week,
                policy.village_secretary_receptions_per_week,
            ),
            // S1.4: the district rota is of its standing committee.
            (Level::District, false) if !p.standing_committee => continue,
            (Level::District, false) => {
                ("S1.4", PeriodKind::Year, policy.rotation_turns_per_member)
            }
            (Level::Town, false) => ("S1.4", PeriodKind::Month, policy.rotation_turns_per_member),
            (Level::Village | Level::Community, false) => {
                ("S1.4", PeriodKind::Week, policy.rotation_turns_per_member)
            }
            (Level::Organisation, _) => continue,
        };
        let sessions = ix
            .receptions_of
            .get(p.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        // A7 measures a secretary's session, A20 a member's turn; S1.5 (A19) the place.
        let least = if secretary {
            policy.reception_min_minutes
        } else {
            policy.rotation_min_minutes
        };
        let qualifying = |from: NaiveDate, to: NaiveDate| {
            between(sessions, from, to, |s| s.0)
                .iter()
                .filter(|s| s.1 >= least && policy.reception_places.contains(&s.2))
        };
        let counted = |from: NaiveDate, to: NaiveDate| qualifying(from, to).count() as u64;
        let evidence = |from: NaiveDate, to: NaiveDate| {
            qualifying(from, to)
                .map(|s| Counted::new("reception", s.0, &[&p.id]))
                .collect()
        };
        let code = if secretary {
            "too_few_receptions"
        } else {
            "rotation_missed"
        };
        for period in w.periods_for(kind, p.from, p.to) {
            if out.skips(period.end, code) {
                continue;
            }
            if kind == PeriodKind::Year {
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
                        code,
                        unit: &p.unit,
                        subject: &p.id,
                        expected: required,
                        actual: counted(part.start, w.as_of),
                        period: part,
                    }),
                    Share::Judged { part, required } => {
                        out.counting(|| evidence(part.start, part.end));
                        out.at_least(Shortfall {
                            rule,
                            code,
                            unit: &p.unit,
                            subject: &p.id,
                            expected: required,
                            actual: counted(part.start, part.end),
                            period: part,
                        });
                    }
                }
                continue;
            }
            match w.judge(&period, p.from, p.to) {
                Judgement::Outside => {}
                Judgement::NotJudged(reason::OPEN) => out.open(Shortfall {
                    rule,
                    code,
                    unit: &p.unit,
                    subject: &p.id,
                    expected: u64::from(asked),
                    actual: counted(period.start, w.as_of),
                    period,
                }),
                Judgement::NotJudged(why) => out.not_judged(rule, &p.unit, &p.id, &period, why),
                Judgement::Judged => {
                    out.counting(|| evidence(period.start, period.end));
                    out.at_least(Shortfall {
                        rule,
                        code,
                        unit: &p.unit,
                        subject: &p.id,
                        expected: u64::from(asked),
                        actual: counted(period.start, period.end),
                        period,
                    });
                }
            }
        }
    }
}
