//! S1.1–S1.4 — secretaries receive the public on a schedule, and the other members rotate.
//!
//! > 区委书记每年集中接待群众不少于2次，每次不少于半天。镇街党委（党工委）书记每月集中接待群众
//! > 不少于1次……村（社区）党组织书记每周集中接待群众不少于1次……区委常委班子成员在1年内轮流
//! > 接待；镇街党委（党工委）班子成员在1月内轮流接待；村（社区）党组织班子成员在1周内轮流接待。

use super::index::{between, Index};
use super::period::{periods, Judgement, PeriodKind, Window};
use super::report::{Collector, Shortfall};
use crate::dataset::{Level, Role};
use crate::policy::Policy;

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
        for period in periods(kind, w.start, w.end) {
            match w.judge(&period, p.from, p.to) {
                Judgement::Outside => {}
                Judgement::NotJudged => out.not_judged(rule, &p.unit, &p.id, &period),
                Judgement::Judged => {
                    let held = between(sessions, period.start, period.end, |s| s.0);
                    // A7 applies to the secretaries' sessions; A11 counts every turn of a member.
                    let counted = if secretary {
                        held.iter()
                            .filter(|s| s.1 >= policy.reception_min_minutes)
                            .count()
                    } else {
                        held.len()
                    };
                    out.at_least(Shortfall {
                        rule,
                        code: if secretary {
                            "too_few_receptions"
                        } else {
                            "rotation_missed"
                        },
                        unit: &p.unit,
                        subject: &p.id,
                        period,
                        expected: u64::from(asked),
                        actual: counted as u64,
                    });
                }
            }
        }
    }
}
