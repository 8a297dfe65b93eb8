//! Periods of the schedules (A8): calendar years, calendar months and ISO weeks, and the
//! rule that only periods wholly inside both the checked range and a subject's own time
//! (in office, linked, paired) are judged.

use super::reason;
use crate::policy::PartialYears;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A period judged by a rule, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// First day.
    #[serde(deserialize_with = "crate::de::date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::de::date")]
    pub end: NaiveDate,
    /// `2009`, `2009-02`, `2009-W53`, or `2008-09-25..2008-10-06`.
    pub label: String,
}

impl Period {
    /// A period with a label of its two ends.
    pub fn span(start: NaiveDate, end: NaiveDate) -> Period {
        Period {
            start,
            end,
            label: format!("{start}..{end}"),
        }
    }

    /// The calendar year `y`.
    pub fn year(y: i32) -> Option<Period> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y, 12, 31)?,
            label: format!("{y}"),
        })
    }

    fn month(y: i32, m: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        Some(Period {
            start,
            end: next.pred_opt()?,
            label: format!("{y}-{m:02}"),
        })
    }

    fn iso_week(monday: NaiveDate) -> Option<Period> {
        let w = monday.iso_week();
        Some(Period {
            start: monday,
            end: monday.checked_add_days(Days::new(6))?,
            label: format!("{}-W{:02}", w.year(), w.week()),
        })
    }

    /// Whether the period lies wholly inside `[from, to]`.
    pub fn within(&self, from: NaiveDate, to: NaiveDate) -> bool {
        from <= self.start && self.end <= to
    }

    /// Whether the period shares a day with `[from, to]`.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start <= to && from <= self.end
    }
}

/// The kinds of period in the schedules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// 每年: a calendar year.
    Year,
    /// 每月: a calendar month.
    Month,
    /// 每周: an ISO 8601 week, Monday to Sunday (A8).
    Week,
}

/// Every period of `kind` that shares a day with `[start, end]`, in order.
pub fn periods(kind: PeriodKind, start: NaiveDate, end: NaiveDate) -> Vec<Period> {
    let mut out = Vec::new();
    let mut next = match kind {
        PeriodKind::Year => Period::year(start.year()),
        PeriodKind::Month => Period::month(start.year(), start.month()),
        PeriodKind::Week => start
            .checked_sub_days(Days::new(u64::from(start.weekday().num_days_from_monday())))
            .and_then(Period::iso_week),
    };
    while let Some(p) = next {
        if p.start > end {
            break;
        }
        next = match kind {
            PeriodKind::Year => Period::year(p.start.year() + 1),
            PeriodKind::Month => p
                .end
                .succ_opt()
                .and_then(|d| Period::month(d.year(), d.month())),
            PeriodKind::Week => p.end.succ_opt().and_then(Period::iso_week),
        };
        out.push(p);
    }
    out
}

/// How a period stands against the checked range and a subject's own time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    /// Wholly inside both, and over by `as_of`: judged.
    Judged,
    /// Shares days with both but cannot be judged, for the reason given (A8).
    NotJudged(&'static str),
    /// Outside the range or the subject's time: not counted at all.
    Outside,
}

/// How a yearly period stands when a part-year can be judged with a prorated requirement
/// (A16).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Share {
    /// Outside the range or the subject's time: not counted at all.
    Outside,
    /// Not judged, for the reason given.
    NotJudged(&'static str),
    /// Not over by `as_of` (not judged: `open`): `part` is the subject's part of the period
    /// and `required` what the rule will ask of it (the agenda's due), 0 when a part-year
    /// will ask nothing.
    Open {
        /// The days of the period in the subject's time, with the period's label.
        part: Period,
        /// What the rule asks of those days.
        required: u64,
    },
    /// Judged on `part` (the days of the period in the subject's time, labelled as the
    /// period), asking `required` (the full requirement, prorated when `part` is shorter).
    Judged {
        /// The days judged, with the period's label.
        part: Period,
        /// What the rule asks of those days.
        required: u64,
    },
}

/// The checked range: `[start, end]`, judged up to `min(end, as_of)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First day of the range.
    pub start: NaiveDate,
    /// Last day of the range.
    pub end: NaiveDate,
    /// The day the records were taken.
    pub as_of: NaiveDate,
}

/// Days from `from` to `to`, both included (0 when `to` is before `from`).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> u64 {
    u64::try_from(to.signed_duration_since(from).num_days()).map_or(0, |d| d.saturating_add(1))
}

/// A16: `full × covered / whole`, rounded to the nearest whole number, half up, exactly in
/// integers (`whole` of 0 asks nothing).
pub fn prorate(full: u64, covered: u64, whole: u64) -> u64 {
    if whole == 0 {
        return 0;
    }
    // full < 2^64 and covered, whole < 2^63: every product stays below 2^128.
    let (full, covered, whole) = (u128::from(full), u128::from(covered), u128::from(whole));
    let twice = full
        .saturating_mul(covered)
        .saturating_mul(2)
        .saturating_add(whole);
    u64::try_from(twice / whole.saturating_mul(2)).unwrap_or(u64::MAX)
}

impl Window {
    /// The last day a judged period may reach: `min(end, as_of)`.
    pub fn judge_end(&self) -> NaiveDate {
        self.end.min(self.as_of)
    }

    /// A8: judged when the period is wholly inside the range, wholly inside the subject's
    /// own time `[from, to]` and over by `as_of`; otherwise not judged with the first reason
    /// that applies (`outside_range`, `partial_period`, `open`), or outside when it shares
    /// no day with the range or the subject's time.
    pub fn judge(&self, period: &Period, from: NaiveDate, to: Option<NaiveDate>) -> Judgement {
        let own_end = to.unwrap_or(period.end.max(from));
        if !period.overlaps(self.start, self.end) || !period.overlaps(from, own_end) {
            Judgement::Outside
        } else if !period.within(self.start, self.end) {
            Judgement::NotJudged(reason::OUTSIDE_RANGE)
        } else if !period.within(from, own_end) {
            Judgement::NotJudged(reason::PARTIAL_PERIOD)
        } else if period.end > self.as_of {
            Judgement::NotJudged(reason::OPEN)
        } else {
            Judgement::Judged
        }
    }

    /// A8 for a period that is the subject's whole concern (a unit's month, an event's
    /// window): judged when wholly inside the range and over by `as_of`.
    pub fn judge_whole(&self, period: &Period) -> Judgement {
        self.judge(period, period.start, Some(period.end))
    }

    /// A8, A16: a yearly period of a subject whose own time `[from, to]` may cover only part
    /// of it. The period must lie wholly inside the range (`outside_range`) and the
    /// subject's part of it must be over by `as_of` (`open`). A whole period asks `full`; a
    /// part asks `full` prorated by its days (rounded half up) when the policy prorates, and
    /// is not judged (`partial_period`) when it does not or when the prorated requirement
    /// is 0.
    pub fn judge_share(
        &self,
        period: &Period,
        from: NaiveDate,
        to: Option<NaiveDate>,
        full: u64,
        mode: PartialYears,
    ) -> Share {
        let own_end = to.unwrap_or(period.end.max(from));
        if !period.overlaps(self.start, self.end) || !period.overlaps(from, own_end) {
            return Share::Outside;
        }
        if !period.within(self.start, self.end) {
            return Share::NotJudged(reason::OUTSIDE_RANGE);
        }
        let part = Period {
            start: period.start.max(from),
            end: period.end.min(own_end),
            label: period.label.clone(),
        };
        let whole = part.start == period.start && part.end == period.end;
        let required = match mode {
            _ if whole => full,
            PartialYears::WholeOnly => 0,
            PartialYears::Prorate => prorate(
                full,
                days_between(part.start, part.end),
                days_between(period.start, period.end),
            ),
        };
        if part.end > self.as_of {
            Share::Open { part, required }
        } else if required == 0 && !whole {
            Share::NotJudged(reason::PARTIAL_PERIOD)
        } else {
            Share::Judged { part, required }
        }
    }

    /// The periods of `kind` that share a day with both the range up to `as_of` and
    /// `[from, to]`: the only obligations [`Window::judge`] can count (a period that begins
    /// after the records were taken is no obligation yet). Their number follows the days the
    /// range, the records and the subject share, never the range alone.
    pub fn periods_for(
        &self,
        kind: PeriodKind,
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> Vec<Period> {
        let first = self.start.max(from);
        let last = to.map_or(self.judge_end(), |t| t.min(self.judge_end()));
        if last < first {
            return Vec::new();
        }
        periods(kind, first, last)
    }
}

/// A17: the years of a link or pairing itself, from its first day (a year ends on the day
/// before the same date a year later; from 29 February, on the last day of February,
/// 《民法典》 art. 202), that share a day with `[start, end]` and with its own time
/// `[from, to]`. Each is labelled with its first and last day, or as a calendar year when it
/// is one (a link from 1 January).
pub fn anniversary_years(
    from: NaiveDate,
    to: Option<NaiveDate>,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<Period> {
    let last = to.map_or(end, |t| t.min(end));
    let mut out = Vec::new();
    if last < start.max(from) {
        return out;
    }
    // Skip the years wholly before the range without stepping through them.
    let mut k =
        u32::try_from(start.year().saturating_sub(from.year()).saturating_sub(1)).unwrap_or(0);
    while let Some(year_start) = add_years(from, k) {
        if year_start > last {
            break;
        }
        let Some(year_end) = k
            .checked_add(1)
            .and_then(|n| add_years(from, n))
            .and_then(|d| d.pred_opt())
        else {
            break;
        };
        if year_end >= start.max(from) {
            // A year of its own that is a calendar year is labelled as one.
            let calendar = Period::year(year_start.year())
                .filter(|y| (y.start, y.end) == (year_start, year_end));
            out.push(calendar.unwrap_or_else(|| Period::span(year_start, year_end)));
        }
        let Some(next) = k.checked_add(1) else {
            break;
        };
        k = next;
    }
    out
}

/// The first day of the `n`-th year counted from `from`: the same date `n` years later or,
/// where that year has none (29 February), 1 March, so that the year before ends on the last
/// day of February (《民法典》 art. 202).
pub fn add_years(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    let same = from.checked_add_months(Months::new(n.checked_mul(12)?))?;
    if same.day() == from.day() {
        Some(same)
    } else {
        same.succ_opt()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn iso_week_53_and_new_year() {
        // 2009-12-28 .. 2010-01-03 is ISO week 2009-W53.
        let weeks = periods(PeriodKind::Week, d("2009-12-30"), d("2010-01-05"));
        let labels: Vec<_> = weeks.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2009-W53", "2010-W01"]);
        assert_eq!(
            (weeks[0].start, weeks[0].end),
            (d("2009-12-28"), d("2010-01-03"))
        );
    }

    #[test]
    fn months_of_a_leap_year() {
        let months = periods(PeriodKind::Month, d("2008-02-10"), d("2008-03-01"));
        assert_eq!(months[0].end, d("2008-02-29"));
        assert_eq!(months.len(), 2);
    }

    #[test]
    fn judged_only_when_wholly_inside() {
        let w = Window {
            start: d("2009-01-01"),
            end: d("2009-12-31"),
            as_of: d("2010-01-10"),
        };
        let jan = Period::month(2009, 1).unwrap();
        assert_eq!(w.judge(&jan, d("2008-01-01"), None), Judgement::Judged);
        assert_eq!(
            w.judge(&jan, d("2009-01-02"), None),
            Judgement::NotJudged(reason::PARTIAL_PERIOD)
        );
        assert_eq!(w.judge(&jan, d("2009-02-01"), None), Judgement::Outside);
        let early = Window {
            as_of: d("2009-01-30"),
            ..w
        };
        assert_eq!(
            early.judge(&jan, d("2008-01-01"), None),
            Judgement::NotJudged(reason::OPEN)
        );
        let late_start = Window {
            start: d("2009-01-02"),
            ..w
        };
        assert_eq!(
            late_start.judge(&jan, d("2008-01-01"), None),
            Judgement::NotJudged(reason::OUTSIDE_RANGE)
        );
    }

    #[test]
    fn prorating_rounds_half_up_in_integers() {
        // 2 × 364 / 365 = 1.994… → 2; 2 × 91 / 365 = 0.498… → 0; 2 × 92 / 366 = 0.502… → 1.
        assert_eq!(prorate(2, 364, 365), 2);
        assert_eq!(prorate(2, 91, 365), 0);
        assert_eq!(prorate(2, 92, 366), 1);
        // Exactly one half rounds up: 1 × 183 / 366 = 0.5 → 1.
        assert_eq!(prorate(1, 183, 366), 1);
        assert_eq!(prorate(u64::MAX, 365, 365), u64::MAX);
        assert_eq!(prorate(5, 1, 0), 0);
    }

    #[test]
    fn a_part_year_is_prorated_or_not_judged() {
        let w = Window {
            start: d("2009-01-01"),
            end: d("2010-12-31"),
            as_of: d("2011-01-10"),
        };
        let y2009 = Period::year(2009).unwrap();
        let share = w.judge_share(&y2009, d("2009-01-02"), None, 2, PartialYears::Prorate);
        let Share::Judged { part, required } = share else {
            panic!("{share:?}")
        };
        assert_eq!(
            (part.start, part.end, required),
            (d("2009-01-02"), d("2009-12-31"), 2)
        );
        assert_eq!(
            w.judge_share(&y2009, d("2009-01-02"), None, 2, PartialYears::WholeOnly),
            Share::NotJudged(reason::PARTIAL_PERIOD)
        );
        assert_eq!(
            w.judge_share(&y2009, d("2009-10-02"), None, 2, PartialYears::Prorate),
            Share::NotJudged(reason::PARTIAL_PERIOD)
        );
        // Left office in June; the records taken in July: the part-year is over.
        let july = Window {
            as_of: d("2009-07-15"),
            ..w
        };
        let share = july.judge_share(
            &y2009,
            d("2008-01-01"),
            Some(d("2009-06-30")),
            2,
            PartialYears::Prorate,
        );
        assert!(
            matches!(share, Share::Judged { required: 1, .. }),
            "{share:?}"
        );
    }

    #[test]
    fn anniversary_years_of_a_link() {
        let years = anniversary_years(d("2009-03-01"), None, d("2009-01-01"), d("2010-12-31"));
        let labels: Vec<_> = years.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2009-03-01..2010-02-28", "2010-03-01..2011-02-28"]);
        // From 29 February: a year ends on the last day of February.
        let years = anniversary_years(d("2008-02-29"), None, d("2008-01-01"), d("2012-03-31"));
        let labels: Vec<_> = years.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2008-02-29..2009-02-28",
                "2009-03-01..2010-02-28",
                "2010-03-01..2011-02-28",
                "2011-03-01..2012-02-28",
                "2012-02-29..2013-02-28"
            ]
        );
        // A range centuries later is reached without stepping through the years between.
        let years = anniversary_years(d("2009-03-01"), None, d("2409-01-01"), d("2409-12-31"));
        assert_eq!(years.len(), 2);
        assert!(anniversary_years(
            d("2009-03-01"),
            Some(d("2009-05-01")),
            d("2010-01-01"),
            d("2010-12-31")
        )
        .is_empty());
    }
}
