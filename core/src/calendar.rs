//! The holiday calendar of A2: which days are rest days.
//!
//! A day is a rest day when an official notice puts it in a holiday period, or when it is a
//! Saturday or Sunday that no notice makes a working day (调休). The built-in data
//! (`core/data/cn-holidays.json`) holds the State Council General Office's notice of every
//! year 2007–2026, each citing its document; a policy can extend or replace years. A date
//! whose year has no notice is not guessed: it is the error `calendar_not_covered`.

use crate::policy::describe_serde_error;
use crate::{Error, Result};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const BUILTIN_JSON: &str = include_str!("../data/cn-holidays.json");

/// One holiday period of a notice, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestPeriod {
    /// The holiday's name as the notice gives it (元旦, 春节, …).
    pub name: String,
    /// First rest day.
    pub from: NaiveDate,
    /// Last rest day.
    pub to: NaiveDate,
}

/// The yearly notice that sets one year's holidays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    /// The year the notice is for; it covers every date of that calendar year.
    pub year: i32,
    /// Title of the notice.
    #[serde(default)]
    pub notice: String,
    /// Document number, e.g. 国办发明电〔2007〕40号.
    #[serde(default)]
    pub doc_no: Option<String>,
    /// Date the notice was published.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// Holiday periods (they may start in the previous year).
    #[serde(default)]
    pub rest_days: Vec<RestPeriod>,
    /// Weekend days made working days (调休上班).
    #[serde(default)]
    pub working_days: Vec<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    #[serde(default)]
    #[allow(dead_code)]
    description: String,
    years: Vec<CalendarYear>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayKind {
    Uncovered,
    Working,
    Rest,
}

/// A compiled calendar: one entry per day from the first covered year to the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayCalendar {
    first: NaiveDate,
    days: Vec<DayKind>,
    years: Vec<CalendarYear>,
}

impl HolidayCalendar {
    /// The built-in calendar: the State Council notices for 2007–2026.
    ///
    /// # Errors
    /// `invalid_calendar` if the bundled data were inconsistent (a test guards against it).
    pub fn builtin() -> Result<&'static HolidayCalendar> {
        static BUILTIN: OnceLock<Result<HolidayCalendar>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| HolidayCalendar::from_json(BUILTIN_JSON))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(crate) fn builtin_years() -> Result<Vec<CalendarYear>> {
        Ok(HolidayCalendar::builtin()?.years.clone())
    }

    /// Reads a calendar file (`{"years": [...]}`, the format of `core/data/cn-holidays.json`).
    ///
    /// # Errors
    /// `invalid_calendar` for malformed JSON, unknown keys, a year given twice, a period
    /// that ends before it starts, or a working day that is not a weekend day or lies inside
    /// a rest period.
    pub fn from_json(json: &str) -> Result<Self> {
        let file: CalendarFile =
            serde_json::from_str(json).map_err(|e| Error::InvalidCalendar {
                detail: describe_serde_error(&e),
            })?;
        HolidayCalendar::from_years(file.years)
    }

    /// Compiles notices into a calendar. See [`HolidayCalendar::from_json`] for the errors.
    pub fn from_years(mut years: Vec<CalendarYear>) -> Result<Self> {
        years.sort_by_key(|y| y.year);
        let bad = |detail: String| Error::InvalidCalendar { detail };
        let (Some(first_year), Some(last_year)) =
            (years.first().map(|y| y.year), years.last().map(|y| y.year))
        else {
            return Ok(HolidayCalendar {
                first: NaiveDate::MIN,
                days: Vec::new(),
                years,
            });
        };
        let first = NaiveDate::from_ymd_opt(first_year, 1, 1)
            .ok_or_else(|| bad(format!("year `{first_year}` is out of range")))?;
        let end = NaiveDate::from_ymd_opt(last_year, 12, 31)
            .ok_or_else(|| bad(format!("year `{last_year}` is out of range")))?;
        let len = usize::try_from(end.signed_duration_since(first).num_days() + 1)
            .map_err(|_| bad("years out of order".to_string()))?;
        let mut days = vec![DayKind::Uncovered; len];
        let mut previous = None;
        for y in &years {
            if previous == Some(y.year) {
                return Err(bad(format!("year `{}` is given more than once", y.year)));
            }
            previous = Some(y.year);
            let mut d = NaiveDate::from_ymd_opt(y.year, 1, 1)
                .ok_or_else(|| bad(format!("year `{}` is out of range", y.year)))?;
            while d.year() == y.year {
                let kind = if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                    DayKind::Rest
                } else {
                    DayKind::Working
                };
                if let Some(slot) = slot(&mut days, first, d) {
                    *slot = kind;
                }
                d = d
                    .succ_opt()
                    .ok_or_else(|| bad("date out of range".to_string()))?;
            }
        }
        // Notices override weekdays; they may reach into the previous year.
        for y in &years {
            for p in &y.rest_days {
                if p.to < p.from {
                    return Err(bad(format!(
                        "{} `{}`: `to` is before `from`",
                        y.year, p.name
                    )));
                }
                let mut d = p.from;
                while d <= p.to {
                    override_day(&mut days, first, d, DayKind::Rest);
                    d = d
                        .succ_opt()
                        .ok_or_else(|| bad("date out of range".to_string()))?;
                }
            }
        }
        for y in &years {
            for w in &y.working_days {
                if !matches!(w.weekday(), Weekday::Sat | Weekday::Sun) {
                    return Err(bad(format!(
                        "{}: working day `{w}` is not a weekend day",
                        y.year
                    )));
                }
                if y.rest_days.iter().any(|p| p.from <= *w && *w <= p.to) {
                    return Err(bad(format!(
                        "{}: working day `{w}` lies in a rest period",
                        y.year
                    )));
                }
                override_day(&mut days, first, *w, DayKind::Working);
            }
        }
        Ok(HolidayCalendar { first, days, years })
    }

    /// The notices this calendar holds, by year.
    pub fn years(&self) -> &[CalendarYear] {
        &self.years
    }

    fn kind(&self, date: NaiveDate) -> DayKind {
        let offset = date.signed_duration_since(self.first).num_days();
        usize::try_from(offset)
            .ok()
            .and_then(|i| self.days.get(i))
            .copied()
            .unwrap_or(DayKind::Uncovered)
    }

    /// A2: whether `date` is a rest day: a day of an official holiday period, or a Saturday
    /// or Sunday not made a working day.
    ///
    /// # Errors
    /// `calendar_not_covered` when no notice covers the year of `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = liaison::HolidayCalendar::builtin().unwrap();
    /// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    /// assert!(cal.is_rest_day(d("2008-10-05")).unwrap()); // National Day holiday
    /// assert!(!cal.is_rest_day(d("2008-09-27")).unwrap()); // a Saturday made a working day
    /// assert_eq!(cal.is_rest_day(d("2006-12-31")).unwrap_err().code(), "calendar_not_covered");
    /// ```
    pub fn is_rest_day(&self, date: NaiveDate) -> Result<bool> {
        match self.kind(date) {
            DayKind::Rest => Ok(true),
            DayKind::Working => Ok(false),
            DayKind::Uncovered => Err(Error::CalendarNotCovered { date }),
        }
    }

    /// The first working day on or after `date`.
    ///
    /// # Errors
    /// `calendar_not_covered` when the search reaches a year no notice covers.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.next_working_day_beyond(date, false).map(|(d, _)| d)
    }

    /// The `n`-th working day after `date` (`date` itself not counted).
    ///
    /// # Errors
    /// `calendar_not_covered` when the count reaches a year no notice covers.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate> {
        self.add_working_days_beyond(date, n, false).map(|(d, _)| d)
    }

    /// A24: whether `date` is a rest day and whether that was guessed: with
    /// `weekends_beyond`, a day after the last covered year is a rest day when it is a
    /// Saturday or a Sunday (guessed); otherwise, or before the last covered year, an
    /// uncovered day is `calendar_not_covered`.
    pub(crate) fn rest_day_beyond(
        &self,
        date: NaiveDate,
        weekends_beyond: bool,
    ) -> Result<(bool, bool)> {
        match self.kind(date) {
            DayKind::Rest => Ok((true, false)),
            DayKind::Working => Ok((false, false)),
            DayKind::Uncovered => {
                let last = self
                    .years
                    .last()
                    .and_then(|y| NaiveDate::from_ymd_opt(y.year, 12, 31));
                if weekends_beyond && last.is_none_or(|l| date > l) {
                    Ok((matches!(date.weekday(), Weekday::Sat | Weekday::Sun), true))
                } else {
                    Err(Error::CalendarNotCovered { date })
                }
            }
        }
    }

    /// [`HolidayCalendar::next_working_day`] with A24's guess beyond the last covered year;
    /// also tells whether any day was guessed.
    pub(crate) fn next_working_day_beyond(
        &self,
        date: NaiveDate,
        weekends_beyond: bool,
    ) -> Result<(NaiveDate, bool)> {
        let mut d = date;
        let mut guessed = false;
        loop {
            let (rest, guess) = self.rest_day_beyond(d, weekends_beyond)?;
            guessed |= guess;
            if !rest {
                return Ok((d, guessed));
            }
            d = d
                .checked_add_days(Days::new(1))
                .ok_or(Error::DateOutOfRange { date })?;
        }
    }

    /// [`HolidayCalendar::add_working_days`] with A24's guess beyond the last covered year;
    /// also tells whether any day was guessed.
    pub(crate) fn add_working_days_beyond(
        &self,
        date: NaiveDate,
        n: u32,
        weekends_beyond: bool,
    ) -> Result<(NaiveDate, bool)> {
        let mut d = date;
        let mut left = n;
        let mut guessed = false;
        while left > 0 {
            d = d
                .checked_add_days(Days::new(1))
                .ok_or(Error::DateOutOfRange { date })?;
            let (rest, guess) = self.rest_day_beyond(d, weekends_beyond)?;
            guessed |= guess;
            if !rest {
                left -= 1;
            }
        }
        Ok((d, guessed))
    }
}

fn slot(days: &mut [DayKind], first: NaiveDate, date: NaiveDate) -> Option<&mut DayKind> {
    let offset = date.signed_duration_since(first).num_days();
    usize::try_from(offset).ok().and_then(|i| days.get_mut(i))
}

/// A notice's entry changes a day only where some notice covers that day's year.
fn override_day(days: &mut [DayKind], first: NaiveDate, date: NaiveDate, kind: DayKind) {
    if let Some(slot) = slot(days, first, date).filter(|s| **s != DayKind::Uncovered) {
        *slot = kind;
    }
}
