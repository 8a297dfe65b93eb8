//! Periods of the schedules (A8): calendar years, calendar months and ISO weeks, and the
//! rule that only periods wholly inside both the checked range and a subject's own time
//! (in office, linked, paired) are judged.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// A period judged by a rule, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
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
    /// Wholly inside both: judged.
    Judged,
    /// Shares days with both but not wholly inside: counted as not judged (A8).
    NotJudged,
    /// Outside the range or the subject's time: not counted at all.
    Outside,
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

impl Window {
    /// The last day a judged period may reach: `min(end, as_of)`.
    pub fn judge_end(&self) -> NaiveDate {
        self.end.min(self.as_of)
    }

    /// A8: judged when the period is wholly inside the range (up to `as_of`) and the
    /// subject's own time `[from, to]`; not judged when it only shares days with them.
    pub fn judge(&self, period: &Period, from: NaiveDate, to: Option<NaiveDate>) -> Judgement {
        let to = to.unwrap_or(NaiveDate::MAX);
        if !period.overlaps(self.start, self.end) || !period.overlaps(from, to) {
            Judgement::Outside
        } else if period.within(self.start, self.judge_end()) && period.within(from, to) {
            Judgement::Judged
        } else {
            Judgement::NotJudged
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
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
        assert_eq!(w.judge(&jan, d("2009-01-02"), None), Judgement::NotJudged);
        assert_eq!(w.judge(&jan, d("2009-02-01"), None), Judgement::Outside);
        let early = Window {
            as_of: d("2009-01-30"),
            ..w
        };
        assert_eq!(
            early.judge(&jan, d("2008-01-01"), None),
            Judgement::NotJudged
        );
    }
}
