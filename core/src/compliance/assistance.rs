//! S4.1–S4.5 — organisations pair with villages and members with poor people.
//!
//! > 做到党组织100%覆盖、贫困群众100%覆盖。……每年为村（社区）党组织办实事、好事不少于2件。
//! > ……由1名或多名党员与1名村（社区）贫困群众结成对子开展帮扶活动，每年提供不少于500元帮扶资金。
//!
//! "每年" of a link or pairing runs in its own years, from its first day (A17), so that one
//! running 1 March to the end of February is judged on that year; a final part-year asks the
//! requirement prorated by its days, rounded half up (A16). Coverage (S4.1) is by calendar
//! year.

use super::index::{between, of, Index};
use super::period::{anniversary_years, periods, Judgement, Period, PeriodKind, Share, Window};
use super::report::{Collector, Counted, Shortfall};
use crate::dataset::LinkKind;
use crate::policy::{AssistanceYears, Policy};
use chrono::NaiveDate;

pub(crate) fn check(ix: &Index<'_>, w: &Window, policy: &Policy, out: &mut Collector) {
    for year in periods(PeriodKind::Year, w.start, w.judge_end()) {
        match w.judge_whole(&year) {
            Judgement::Outside => {}
            Judgement::NotJudged(why) => {
                for u in ix.grassroots() {
                    out.not_judged("S4.1", &u.id, &u.id, &year, why);
                }
                for h in ix.data.households.iter().filter(|h| h.poor) {
                    out.not_judged("S4.1", &h.unit, &h.id, &year, why);
                }
            }
            Judgement::Judged => coverage(ix, &year, out),
        }
    }
    for l in &ix.data.links {
        let (rule, asked) = match l.kind {
            LinkKind::BranchLink => ("S4.2", policy.branch_link_deeds_per_year),
            LinkKind::IndustryVillage => ("S4.4", policy.industry_village_deeds_per_year),
            LinkKind::MassOrganisation => ("S4.5", policy.mass_organisation_deeds_per_year),
        };
        let deeds = ix
            .deeds_of
            .get(l.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for year in years_of(w, l.from, l.to, policy) {
            match w.judge_share(&year, l.from, l.to, u64::from(asked), policy.partial_years) {
                Share::Outside => {}
                Share::NotJudged(why) => out.not_judged(rule, &l.helper, &l.id, &year, why),
                Share::Open { part, required } => out.open(Shortfall {
                    rule,
                    code: "too_few_deeds",
                    unit: &l.helper,
                    subject: &l.id,
                    expected: required,
                    actual: between(deeds, part.start, w.as_of, |d| *d).len() as u64,
                    period: part,
                }),
                Share::Judged { part, required } => {
                    out.counting(|| {
                        between(deeds, part.start, part.end, |d| *d)
                            .iter()
                            .map(|d| Counted::new("deed", *d, &[&l.id]))
                            .collect()
                    });
                    out.at_least(Shortfall {
                        rule,
                        code: "too_few_deeds",
                        unit: &l.helper,
                        subject: &l.id,
                        expected: required,
                        actual: between(deeds, part.start, part.end, |d| *d).len() as u64,
                        period: part,
                    });
                }
            }
        }
    }
    for p in &ix.data.pairings {
        let unit = ix
            .households
            .get(p.household.as_str())
            .map_or("", |h| h.unit.as_str());
        let aid = ix
            .aid_of
            .get(p.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for year in years_of(w, p.from, p.to, policy) {
            match w.judge_share(
                &year,
                p.from,
                p.to,
                policy.pairing_min_fen_per_year,
                policy.partial_years,
            ) {
                Share::Outside => {}
                Share::NotJudged(why) => out.not_judged("S4.3", unit, &p.id, &year, why),
                Share::Open { part, required } => {
                    let given: u128 = between(aid, part.start, w.as_of, |a| a.0)
                        .iter()
                        .map(|a| u128::from(a.1))
                        .sum();
                    out.open(Shortfall {
                        rule: "S4.3",
                        code: "aid_below_minimum",
                        unit,
                        subject: &p.id,
                        period: part,
                        expected: required,
                        actual: u64::try_from(given).unwrap_or(u64::MAX),
                    });
                }
                Share::Judged { part, required } => {
                    out.counting(|| {
                        between(aid, part.start, part.end, |a| a.0)
                            .iter()
                            .map(|a| Counted {
                                amount_fen: Some(a.1),
                                ..Counted::new("aid", a.0, &[&p.id])
                            })
                            .collect()
                    });
                    // A sum of u64 amounts cannot overflow u128; the report caps it at u64::MAX.
                    let given: u128 = between(aid, part.start, part.end, |a| a.0)
                        .iter()
                        .map(|a| u128::from(a.1))
                        .sum();
                    out.at_least(Shortfall {
                        rule: "S4.3",
                        code: "aid_below_minimum",
                        unit,
                        subject: &p.id,
                        period: part,
                        expected: required,
                        actual: u64::try_from(given).unwrap_or(u64::MAX),
                    });
                }
            }
        }
    }
}

/// A17: the years a link's or pairing's yearly obligation runs in: its own years from its
/// first day (the default), or calendar years.
fn years_of(w: &Window, from: NaiveDate, to: Option<NaiveDate>, policy: &Policy) -> Vec<Period> {
    match policy.assistance_years {
        AssistanceYears::Anniversary => anniversary_years(from, to, w.start, w.judge_end()),
        AssistanceYears::Calendar => w.periods_for(PeriodKind::Year, from, to),
    }
}

/// S4.1: every village and community linked, and every poor household paired, at some time
/// in the year.
fn coverage(ix: &Index<'_>, year: &Period, out: &mut Collector) {
    let active =
        |from: NaiveDate, to: Option<NaiveDate>| year.overlaps(from, to.unwrap_or(NaiveDate::MAX));
    for u in ix.grassroots() {
        let linked = of(&ix.links_to, &u.id).iter().any(|l| active(l.from, l.to));
        out.at_least(Shortfall {
            rule: "S4.1",
            code: "unit_not_covered",
            unit: &u.id,
            subject: &u.id,
            period: year.clone(),
            expected: 1,
            actual: u64::from(linked),
        });
    }
    for h in ix.data.households.iter().filter(|h| h.poor) {
        let paired = of(&ix.pairings_of, &h.id)
            .iter()
            .any(|p| active(p.from, p.to));
        out.at_least(Shortfall {
            rule: "S4.1",
            code: "poor_not_paired",
            unit: &h.unit,
            subject: &h.id,
            period: year.clone(),
            expected: 1,
            actual: u64::from(paired),
        });
    }
}
