//! The holiday calendar of A2: which days are rest days.
//!
//! A day is a rest day when an official notice puts it in a holiday period, or when it is a
//! Saturday or Sunday that no notice makes a working day (调休). The built-in data
//! (`core/data/cn-holidays.json`) holds the State Council General Office's notice of every
//! year 2007–2026, each citing its document; a policy can extend or replace years. A date
//! whose year has no notice is not guessed: it is the error `calendar_not_covered`.

use crate::error::Detail;
use crate::explain::{Step, Trace};
use crate::{Error, ErrorKind, Result};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

const BUILTIN_JSON: &str = include_str!("../data/cn-holidays.json");

/// One holiday period of a notice, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RestPeriod {
    /// The holiday's name as the notice gives it (元旦, 春节, …).
    pub name: String,
    /// First rest day.
    #[serde(deserialize_with = "crate::de::date")]
    pub from: NaiveDate,
    /// Last rest day.
    #[serde(deserialize_with = "crate::de::date")]
    pub to: NaiveDate,
}

/// The yearly notice that sets one year's holidays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    #[serde(default, deserialize_with = "crate::de::opt_date")]
    pub published: Option<NaiveDate>,
    /// Holiday periods (they may start in the previous year).
    #[serde(default)]
    pub rest_days: Vec<RestPeriod>,
    /// Weekend days made working days (调休上班).
    #[serde(default, deserialize_with = "crate::de::dates")]
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

/// The rest days of one covered year: one bit per day, by day of the year from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
struct YearDays([u64; 6]);

impl YearDays {
    fn bit(ordinal0: u32) -> (usize, u64) {
        ((ordinal0 / 64) as usize, 1u64 << (ordinal0 % 64))
    }

    fn set(&mut self, ordinal0: u32, rest: bool) {
        let (word, mask) = YearDays::bit(ordinal0);
        if let Some(w) = self.0.get_mut(word) {
            if rest {
                *w |= mask;
            } else {
                *w &= !mask;
            }
        }
    }

    fn is_rest(&self, ordinal0: u32) -> bool {
        let (word, mask) = YearDays::bit(ordinal0);
        self.0.get(word).is_some_and(|w| w & mask != 0)
    }
}

/// A compiled calendar: the rest days of every covered year. Building it costs the
/// covered years and the notices' entries inside them, never the span of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayCalendar {
    days: BTreeMap<i32, YearDays>,
    years: Vec<CalendarYear>,
}

fn bad(en: String, zh: String) -> Error {
    Error::new(ErrorKind::InvalidCalendar {
        detail: Detail::new(en, zh),
    })
}

impl HolidayCalendar {
    /// The built-in calendar: the State Council notices for 2007–2026.
    ///
    /// # Errors
    /// `invalid_calendar` if the bundled data were inconsistent (a test guards against it).
    pub fn builtin() -> Result<Arc<HolidayCalendar>> {
        static BUILTIN: OnceLock<Result<Arc<HolidayCalendar>>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| HolidayCalendar::from_json(BUILTIN_JSON).map(Arc::new))
            .clone()
    }

    /// The calendar of the built-in notices (when `builtin`) with `own` years added or
    /// put in their place, compiled once and kept (a few at a time) for later calls.
    ///
    /// # Errors
    /// As [`HolidayCalendar::from_years`].
    pub(crate) fn with_years(builtin: bool, own: &[CalendarYear]) -> Result<Arc<HolidayCalendar>> {
        type Cache = Mutex<Vec<(bool, Vec<CalendarYear>, Arc<HolidayCalendar>)>>;
        static CACHE: OnceLock<Cache> = OnceLock::new();
        if builtin && own.is_empty() {
            return HolidayCalendar::builtin();
        }
        let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
        if let Ok(kept) = cache.lock() {
            if let Some((_, _, cal)) = kept.iter().find(|(b, y, _)| *b == builtin && y == own) {
                return Ok(Arc::clone(cal));
            }
        }
        let mut years = if builtin {
            HolidayCalendar::builtin()?.years.clone()
        } else {
            Vec::new()
        };
        years.retain(|y| !own.iter().any(|o| o.year == y.year));
        years.extend(own.iter().cloned());
        let cal = Arc::new(HolidayCalendar::from_years(years)?);
        if let Ok(mut kept) = cache.lock() {
            if kept.len() >= 8 {
                kept.remove(0);
            }
            kept.push((builtin, own.to_vec(), Arc::clone(&cal)));
        }
        Ok(cal)
    }

    /// Reads a calendar file (`{"years": [...]}`, the format of `core/data/cn-holidays.json`).
    ///
    /// # Errors
    /// `invalid_calendar` for malformed JSON, unknown keys, a year outside 1–9999 or given
    /// twice, a period that ends before it starts, or a working day that is not a weekend
    /// day or lies inside a rest period.
    pub fn from_json(json: &str) -> Result<Self> {
        let file: CalendarFile = crate::de::from_json(json).map_err(|e| {
            let detail = Detail::new(e.kind().message(), e.kind().message_zh());
            Error::new(ErrorKind::InvalidCalendar { detail }).with_loc(e.loc().clone())
        })?;
        HolidayCalendar::from_years(file.years)
    }

    /// Compiles notices into a calendar. See [`HolidayCalendar::from_json`] for the errors.
    pub fn from_years(mut years: Vec<CalendarYear>) -> Result<Self> {
        years.sort_by_key(|y| y.year);
        let mut days = BTreeMap::new();
        for (i, y) in years.iter().enumerate() {
            if !(1..=9999).contains(&y.year) {
                return Err(bad(
                    format!("year {} is not in 1-9999", y.year),
                    format!("年度 {} 不在 1-9999 之内", y.year),
                ));
            }
            if i > 0 && years.get(i - 1).map(|p| p.year) == Some(y.year) {
                return Err(bad(
                    format!("year {} is given more than once", y.year),
                    format!("年度 {} 重复出现", y.year),
                ));
            }
            let mut week = YearDays([0; 6]);
            let mut d = NaiveDate::from_ymd_opt(y.year, 1, 1);
            while let Some(day) = d.filter(|d| d.year() == y.year) {
                week.set(
                    day.ordinal0(),
                    matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                );
                d = day.succ_opt();
            }
            days.insert(y.year, week);
        }
        // Notices override weekdays; they may reach into the previous year. Only the days
        // of covered years are visited, however long a period.
        for y in &years {
            for p in &y.rest_days {
                if p.to < p.from {
                    return Err(bad(
                        format!("{}: a rest period ends before it starts", y.year),
                        format!("{}：休息时段的结束日期早于开始日期", y.year),
                    ));
                }
                for (&year, covered) in days.range_mut(p.from.year()..=p.to.year()) {
                    let first = if p.from.year() == year {
                        p.from.ordinal0()
                    } else {
                        0
                    };
                    let last = if p.to.year() == year {
                        p.to.ordinal0()
                    } else {
                        365
                    };
                    for ordinal0 in first..=last {
                        covered.set(ordinal0, true);
                    }
                }
            }
        }
        for y in &years {
            for w in &y.working_days {
                if !matches!(w.weekday(), Weekday::Sat | Weekday::Sun) {
                    return Err(bad(
                        format!("{}: working day {w} is not a weekend day", y.year),
                        format!("{}：调休上班日 {w} 不是周末", y.year),
                    ));
                }
                if y.rest_days.iter().any(|p| p.from <= *w && *w <= p.to) {
                    return Err(bad(
                        format!("{}: working day {w} lies in a rest period", y.year),
                        format!("{}：调休上班日 {w} 位于休息时段内", y.year),
                    ));
                }
                if let Some(covered) = days.get_mut(&w.year()) {
                    covered.set(w.ordinal0(), false);
                }
            }
        }
        Ok(HolidayCalendar { days, years })
    }

    /// The notices this calendar holds, by year.
    pub fn years(&self) -> &[CalendarYear] {
        &self.years
    }

    /// The first and last covered years.
    pub fn span(&self) -> Option<(i32, i32)> {
        Some((*self.days.keys().next()?, *self.days.keys().next_back()?))
    }

    /// A2: whether `date` is a rest day: a day of an official holiday period, or a Saturday
    /// or Sunday not made a working day.
    ///
    /// # Errors
    /// `calendar_not_covered` when no notice covers the year of `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = liaison::HolidayCalendar::builtin()?;
    /// let d = |s: &str| s.parse::<NaiveDate>();
    /// assert!(cal.is_rest_day(d("2008-10-05")?)?); // National Day holiday
    /// assert!(!cal.is_rest_day(d("2008-09-27")?)?); // a Saturday made a working day
    /// assert_eq!(cal.is_rest_day(d("2006-12-31")?).unwrap_err().code(), "calendar_not_covered");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_rest_day(&self, date: NaiveDate) -> Result<bool> {
        self.rest_day(date, false, &mut Trace::off())
    }

    /// A2, A24: whether `date` is a rest day. With `weekends_beyond`, a day after the last
    /// covered year is a rest day when it is a Saturday or a Sunday — a guess, which the
    /// trace marks provisional; otherwise, and before the last covered year, an uncovered
    /// day is `calendar_not_covered`.
    pub(crate) fn rest_day<const RECORDS: bool>(
        &self,
        date: NaiveDate,
        weekends_beyond: bool,
        trace: &mut Trace<RECORDS>,
    ) -> Result<bool> {
        if let Some(covered) = self.days.get(&date.year()) {
            return Ok(covered.is_rest(date.ordinal0()));
        }
        let after_last = self.span().is_none_or(|(_, last)| date.year() > last);
        if weekends_beyond && after_last {
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            trace.guess(|| {
                let (en, zh) = if weekend {
                    (
                        "a rest day, being a Saturday or Sunday",
                        "休息日（星期六或星期日）",
                    )
                } else {
                    ("a working day, being a weekday", "工作日（非周末）")
                };
                Step::new(
                    "A24",
                    format!("{date} is beyond the holiday calendar: taken as {en}, provisionally"),
                    format!("{date} 超出节假日日历：暂按{zh}处理"),
                )
                .on(date)
            });
            return Ok(weekend);
        }
        Err(Error::new(ErrorKind::CalendarNotCovered { date }).with_rule("A2"))
    }

    /// The first working day on or after `date`.
    ///
    /// # Errors
    /// `calendar_not_covered` when the search reaches a year no notice covers.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.next_working_day_traced(date, false, &mut Trace::off())
    }

    /// A2: [`HolidayCalendar::next_working_day`] (with A24's guess beyond the calendar when
    /// `weekends_beyond`), recording why each rest day is one (once per holiday period or
    /// weekend) and where the day moved to.
    pub(crate) fn next_working_day_traced<const RECORDS: bool>(
        &self,
        date: NaiveDate,
        weekends_beyond: bool,
        trace: &mut Trace<RECORDS>,
    ) -> Result<NaiveDate> {
        let mut d = date;
        let mut told: Option<String> = None;
        while self.rest_day(d, weekends_beyond, trace)? {
            // Why, only for a trace that records (`why` writes text).
            if trace.records() {
                let (text, text_zh) = self.why(d);
                if told.as_deref() != Some(text.as_str()) {
                    trace.step(|| {
                        Step::new(
                            "A2",
                            format!("{d} is a rest day: {text}"),
                            format!("{d} 是休息日：{text_zh}"),
                        )
                        .on(d)
                    });
                    told = Some(text);
                }
            }
            d = d
                .checked_add_days(Days::new(1))
                .ok_or_else(|| Error::new(ErrorKind::DateOutOfRange { date }))?;
        }
        if d == date {
            trace.step(|| {
                let (text, text_zh) = self.why(d);
                Step::new(
                    "A2",
                    format!("{d} is a working day ({text}): it stays"),
                    format!("{d} 是工作日（{text_zh}），不顺延"),
                )
                .on(d)
            });
        } else {
            trace.step(|| {
                Step::new(
                    "A2",
                    format!("a last day that is a rest day moves to the next working day: {d}"),
                    format!("期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日：{d}"),
                )
                .words("期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日（《民法典》第二百零三条）")
                .on(d)
            });
        }
        Ok(d)
    }

    /// Why `date` is a rest day or a working day, in English and Chinese: the holiday period
    /// and the notice that sets it, a weekend day made a working day and its notice, or an
    /// ordinary weekend day or weekday.
    pub(crate) fn why(&self, date: NaiveDate) -> (String, String) {
        let notice = |y: &CalendarYear| match &y.doc_no {
            Some(no) => format!("{}（{no}）", y.notice),
            None => y.notice.clone(),
        };
        for y in &self.years {
            if let Some(p) = y.rest_days.iter().find(|p| p.from <= date && date <= p.to) {
                return (
                    format!("{} {} to {}, per {}", p.name, p.from, p.to, notice(y)),
                    format!("{} {} 至 {}，见{}", p.name, p.from, p.to, notice(y)),
                );
            }
        }
        for y in &self.years {
            if y.working_days.contains(&date) {
                return (
                    format!("a weekend day made a working day (调休) per {}", notice(y)),
                    format!("调休上班的周末，见{}", notice(y)),
                );
            }
        }
        match date.weekday() {
            Weekday::Sat => ("a Saturday".to_string(), "星期六".to_string()),
            Weekday::Sun => ("a Sunday".to_string(), "星期日".to_string()),
            _ => ("an ordinary weekday".to_string(), "普通工作日".to_string()),
        }
    }

    /// The `n`-th working day after `date` (`date` itself not counted).
    ///
    /// # Errors
    /// `calendar_not_covered` when the count reaches a year no notice covers.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate> {
        self.add_working_days_traced(date, n, false, &mut Trace::off())
    }

    /// [`HolidayCalendar::add_working_days`], with A24's guess beyond the calendar when
    /// `weekends_beyond`.
    pub(crate) fn add_working_days_traced<const RECORDS: bool>(
        &self,
        date: NaiveDate,
        n: u32,
        weekends_beyond: bool,
        trace: &mut Trace<RECORDS>,
    ) -> Result<NaiveDate> {
        let mut d = date;
        let mut left = n;
        while left > 0 {
            d = d
                .checked_add_days(Days::new(1))
                .ok_or_else(|| Error::new(ErrorKind::DateOutOfRange { date }))?;
            if !self.rest_day(d, weekends_beyond, trace)? {
                left -= 1;
            }
        }
        Ok(d)
    }
}
