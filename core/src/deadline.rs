//! S5.1–S5.4 — the "1234" time limits for the public's opinions (群众意见"1234"定期办理反馈).
//!
//! > 对属本级党组织工作职责范围内的事项，应在收到反映问题之日起10天内办结，并反馈反映人；
//! > 属上一级党组织工作职责范围解决的问题，上一级党组织应在收到反映问题之日起20天内办结……；
//! > 对确实解决不了的问题，应在30天内向反映人说明情况……；对需要多个单位共同协调解决的问题，
//! > 由牵头解决的单位党组织在40天内办结，并反馈反映人。

use crate::de::{choice, Choice};
use crate::error::Shown;
use crate::explain::{Step, Trace};
use crate::policy::{BeyondCalendar, DayCount, Policy};
use crate::{Error, ErrorKind, Result};
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// The four responsibility classes of S5 ("1234").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsibility {
    /// 1 · 职责内 — within the receiving organisation's remit (S5.1, 10 days).
    WithinRemit,
    /// 2 · 职责外 — for the organisation one level up (S5.2, 20 days from its receipt; A13).
    OutsideRemit,
    /// 3 · 不能解决 — truly cannot be solved; the reporter is told why (S5.3, 30 days).
    Unresolvable,
    /// 4 · 牵头解决 — needs several units; the leading unit finishes (S5.4, 40 days).
    LeadUnit,
}

impl Responsibility {
    /// All four classes, in digit order.
    pub const ALL: [Responsibility; 4] = [
        Responsibility::WithinRemit,
        Responsibility::OutsideRemit,
        Responsibility::Unresolvable,
        Responsibility::LeadUnit,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Responsibility::WithinRemit => "within_remit",
            Responsibility::OutsideRemit => "outside_remit",
            Responsibility::Unresolvable => "unresolvable",
            Responsibility::LeadUnit => "lead_unit",
        }
    }

    /// The digit of "1234".
    pub fn digit(self) -> u8 {
        match self {
            Responsibility::WithinRemit => 1,
            Responsibility::OutsideRemit => 2,
            Responsibility::Unresolvable => 3,
            Responsibility::LeadUnit => 4,
        }
    }

    /// The label from the source.
    pub fn label_zh(self) -> &'static str {
        match self {
            Responsibility::WithinRemit => "职责内",
            Responsibility::OutsideRemit => "职责外",
            Responsibility::Unresolvable => "不能解决",
            Responsibility::LeadUnit => "牵头解决",
        }
    }

    /// The class of a digit 1–4.
    ///
    /// # Errors
    /// `invalid_responsibility` for any other number.
    pub fn from_digit(digit: u64) -> Result<Self> {
        Responsibility::ALL
            .into_iter()
            .find(|r| u64::from(r.digit()) == digit)
            .ok_or_else(|| {
                Error::new(ErrorKind::InvalidResponsibility {
                    value: Shown::text(&digit.to_string()),
                })
            })
    }

    /// The rule id of the class (`S5.1` to `S5.4`).
    pub fn rule(self) -> &'static str {
        match self {
            Responsibility::WithinRemit => "S5.1",
            Responsibility::OutsideRemit => "S5.2",
            Responsibility::Unresolvable => "S5.3",
            Responsibility::LeadUnit => "S5.4",
        }
    }

    /// The words of the source that set the class's time limit.
    pub fn words(self) -> &'static str {
        match self {
            Responsibility::WithinRemit => "对属本级党组织工作职责范围内的事项，应在收到反映问题之日起10天内办结，并反馈反映人",
            Responsibility::OutsideRemit => "属上一级党组织工作职责范围解决的问题，上一级党组织应在收到反映问题之日起20天内办结，并反馈反映人",
            Responsibility::Unresolvable => "对确实解决不了的问题，应在30天内向反映人说明情况",
            Responsibility::LeadUnit => "对需要多个单位共同协调解决的问题，由牵头解决的单位党组织在40天内办结，并反馈反映人",
        }
    }

    /// S5.1–S5.4: the days the policy allows for this class.
    pub fn days(self, policy: &Policy) -> u32 {
        match self {
            Responsibility::WithinRemit => policy.within_remit_days,
            Responsibility::OutsideRemit => policy.outside_remit_days,
            Responsibility::Unresolvable => policy.unresolvable_days,
            Responsibility::LeadUnit => policy.lead_unit_days,
        }
    }
}

impl FromStr for Responsibility {
    type Err = Error;

    /// Accepts the name, the digit or the Chinese label, ignoring surrounding spaces.
    ///
    /// ```
    /// use liaison::Responsibility;
    /// for s in ["lead_unit", "4", "牵头解决"] {
    ///     assert_eq!(s.parse::<Responsibility>().unwrap(), Responsibility::LeadUnit);
    /// }
    /// assert_eq!("5".parse::<Responsibility>().unwrap_err().code(), "invalid_responsibility");
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim();
        Responsibility::ALL
            .into_iter()
            .find(|r| t == r.name() || t == r.label_zh() || t == r.digit().to_string())
            .ok_or_else(|| {
                Error::new(ErrorKind::InvalidResponsibility {
                    value: Shown::text(t),
                })
            })
    }
}

impl Choice for Responsibility {
    const MARK: &'static str = "$liaison::responsibility";

    /// A name, a label, or a digit 1–4 as a number or a text.
    fn read(value: &Value) -> Result<Self> {
        match value {
            Value::String(s) => s.parse(),
            Value::Number(n) => match n.as_u64() {
                Some(d) => Responsibility::from_digit(d),
                None => Err(Error::new(ErrorKind::InvalidResponsibility {
                    value: Shown::json(value),
                })),
            },
            other => Err(Error::new(ErrorKind::InvalidResponsibility {
                value: Shown::json(other),
            })),
        }
    }

    fn name(&self) -> &'static str {
        Responsibility::name(*self)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Responsibility {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Responsibility".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<_> = Responsibility::ALL.iter().map(|r| r.name()).collect();
        let labels: Vec<_> = Responsibility::ALL.iter().map(|r| r.label_zh()).collect();
        let digits: Vec<String> = Responsibility::ALL
            .iter()
            .map(|r| r.digit().to_string())
            .collect();
        schemars::json_schema!({
            "description": "A \"1234\" class of S5: its name (written in answers), its Chinese label, or its digit 1-4 as a number or a text.",
            "anyOf": [
                {"type": "string", "enum": names},
                {"type": "string", "enum": labels},
                {"type": "string", "enum": digits},
                {"type": "integer", "minimum": 1, "maximum": 4}
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Responsibility {
    /// A name, a Chinese label or a digit 1–4 (a number or a text); any other value is
    /// `invalid_responsibility` (through [`crate::de`]).
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        choice(d)
    }
}

impl fmt::Display for Responsibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where an opinion stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fed back on or before the deadline.
    OnTime,
    /// Fed back after the deadline.
    Late,
    /// Not fed back; the deadline has not passed as of the day the records were taken.
    Open,
    /// Not fed back; the deadline has passed.
    Overdue,
}

impl Status {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Status::OnTime => "on_time",
            Status::Late => "late",
            Status::Open => "open",
            Status::Overdue => "overdue",
        }
    }
}

/// The deadline of an opinion and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeedbackStatus {
    /// The last day on which the matter may be finished and fed back.
    pub deadline: NaiveDate,
    /// On time, late, open or overdue.
    pub status: Status,
    /// Days to spare (`on_time`), days late (`late`), days left (`open`) or days overdue
    /// (`overdue`): never negative.
    pub days: u64,
}

/// S5.1–S5.4 (A1, A2, A13): the last day on which a matter received on `received` may
/// still be finished and fed back.
///
/// With the Banan 2008 policy that is `received + days` (10, 20, 30 or 40 calendar days;
/// the day of receipt does not count, A1), moved on to the next working day when that day
/// is a rest day (A2). For S5.2 `received` is the day the organisation one level up
/// received the matter (A13). The policy can count the day of receipt, turn the move off,
/// or count working days instead. With `beyond_calendar: "weekends"` (A24, opt-in), a day
/// after the calendar's last covered year is a rest day when it is a Saturday or a Sunday:
/// an answer to be confirmed once the State Council's notice for that year is added (`check`
/// flags it `provisional`).
///
/// # Errors
/// - `calendar_not_covered` when the rest-day move or the working-day count needs a day
///   of a year the holiday calendar has no notice for (a plain calendar-day deadline with
///   the move turned off never needs the calendar), unless `beyond_calendar` is
///   `weekends` and the day is after the last covered year;
/// - `date_out_of_range` when the deadline is past the last representable date;
/// - `invalid_calendar` when the policy's calendar years are inconsistent.
///
/// # Example: the worked examples of the catalogue (`docs/ambiguities.md`)
/// ```
/// use chrono::NaiveDate;
/// use liaison::{deadline, Policy, Responsibility::WithinRemit};
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// let p = Policy::banan_2008();
/// // 10-05 is in the National Day holiday (09-29 to 10-05): moved to Monday 10-06.
/// assert_eq!(deadline(d("2008-09-25"), WithinRemit, &p).unwrap(), d("2008-10-06"));
/// // 09-27 is a Saturday made a working day: no move.
/// assert_eq!(deadline(d("2008-09-17"), WithinRemit, &p).unwrap(), d("2008-09-27"));
/// // New Year holiday 01-01 to 01-03; Sunday 01-04 is a working day.
/// assert_eq!(deadline(d("2008-12-22"), WithinRemit, &p).unwrap(), d("2009-01-04"));
/// ```
///
/// # Example: a year the calendar does not cover
/// ```
/// use chrono::NaiveDate;
/// use liaison::{deadline, Policy, Responsibility::LeadUnit};
/// let received = "2026-12-01".parse::<NaiveDate>().unwrap();
/// let err = deadline(received, LeadUnit, &Policy::banan_2008()).unwrap_err();
/// assert_eq!(err.code(), "calendar_not_covered");
/// ```
///
/// # Example: beyond the calendar, weekends only (A24), or next year's notice as data (A2)
/// ```
/// use chrono::NaiveDate;
/// use liaison::{deadline, Policy, Responsibility::WithinRemit};
/// let received: NaiveDate = "2026-12-22".parse()?;
/// // 2027-01-01 is a Friday: with weekends only it is a working day (a provisional answer).
/// let guess = Policy::from_json(r#"{"beyond_calendar": "weekends"}"#)?;
/// assert_eq!(deadline(received, WithinRemit, &guess)?, "2027-01-01".parse::<NaiveDate>()?);
/// // A district adds the 2027 notice (here an illustrative one) as data: 01-01 to 01-03 off.
/// let with_2027 = Policy::from_json(r#"{"calendar_years": [{"year": 2027,
///   "notice": "国务院办公厅关于2027年部分节假日安排的通知",
///   "rest_days": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}]}"#)?;
/// assert_eq!(deadline(received, WithinRemit, &with_2027)?, "2027-01-04".parse::<NaiveDate>()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn deadline(
    received: NaiveDate,
    responsibility: Responsibility,
    policy: &Policy,
) -> Result<NaiveDate> {
    deadline_traced(received, responsibility, policy, &mut Trace::off())
}

/// [`deadline`], recording its steps.
pub(crate) fn deadline_traced<const RECORDS: bool>(
    received: NaiveDate,
    responsibility: Responsibility,
    policy: &Policy,
    trace: &mut Trace<RECORDS>,
) -> Result<NaiveDate> {
    let days = responsibility.days(policy);
    let rule = responsibility.rule();
    let beyond = policy.beyond_calendar == BeyondCalendar::Weekends;
    let counted = if policy.count_receipt_day {
        trace.step(|| {
            Step::new(
                "A1",
                format!("the day of receipt, {received}, counts as day 1 (the policy's reading)"),
                format!("收到之日 {received} 计为第 1 日（本政策的读法）"),
            )
        });
        days.saturating_sub(1)
    } else {
        trace.step(|| {
            Step::new(
                "A1",
                format!("the day of receipt, {received}, is not counted: counting starts the next day"),
                format!("收到之日 {received} 不计入，自次日起算"),
            )
            .words("按照日、月、年计算期间的，开始的当日不计入，自下一日开始计算（《民法典》第二百零一条）")
        });
        days
    };
    let out_of_range = || Error::new(ErrorKind::DateOutOfRange { date: received });
    let last = match policy.day_count {
        DayCount::Calendar => {
            let nominal = received
                .checked_add_days(Days::new(u64::from(counted)))
                .ok_or_else(out_of_range)?;
            trace.step(|| {
                Step::new(
                    rule,
                    format!("{days} days: the last day is {nominal}"),
                    format!("{days} 天内：最后一日为 {nominal}"),
                )
                .words(responsibility.words())
                .on(nominal)
            });
            if policy.move_rest_day {
                policy
                    .calendar()?
                    .next_working_day_traced(nominal, beyond, trace)
            } else {
                trace.step(|| not_moved(nominal));
                Ok(nominal)
            }
        }
        DayCount::Working => {
            let calendar = policy.calendar()?;
            let start = if policy.count_receipt_day && days > 0 {
                received.pred_opt().ok_or_else(out_of_range)?
            } else {
                received
            };
            let end = calendar.add_working_days_traced(start, days, beyond, trace)?;
            trace.step(|| {
                Step::new(
                    &format!("{rule} A2"),
                    format!("{days} working days after {start}, rest days skipped: the last day is {end}"),
                    format!("{start} 之后第 {days} 个工作日（跳过休息日）：最后一日为 {end}"),
                )
                .words(responsibility.words())
                .on(end)
            });
            if policy.move_rest_day {
                calendar.next_working_day_traced(end, beyond, trace)
            } else {
                trace.step(|| not_moved(end));
                Ok(end)
            }
        }
    }?;
    supported(last, received)
}

fn plural(days: u64) -> String {
    if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    }
}

fn not_moved(day: NaiveDate) -> Step {
    Step::new(
        "A2",
        format!("the policy does not move a last day off rest days: {day}"),
        format!("本政策不顺延休息日：{day}"),
    )
    .on(day)
}

/// A result in 0001-01-01 to 9999-12-31, the dates every language holds; otherwise
/// `date_out_of_range` from `from`.
pub(crate) fn supported(date: NaiveDate, from: NaiveDate) -> Result<NaiveDate> {
    if (1..=9999).contains(&date.year()) {
        Ok(date)
    } else {
        Err(Error::new(ErrorKind::DateOutOfRange { date: from }))
    }
}

/// S5.1–S5.6: the deadline of a matter and whether it was, or is being, met.
///
/// - fed back on or before the deadline → `on_time`, `days` = days to spare;
/// - fed back after it → `late`, `days` = days late;
/// - not fed back, `as_of` on or before the deadline → `open`, `days` = days left;
/// - not fed back, `as_of` after it → `overdue`, `days` = days overdue.
///
/// When `fed_back` is given, `as_of` is not needed and is ignored.
///
/// # Errors
/// - `feedback_before_receipt` when `fed_back` is before `received`;
/// - `as_of_before_receipt` when there is no `fed_back` and `as_of` is before `received`;
/// - `as_of_required` when neither `fed_back` nor `as_of` is given;
/// - every error of [`deadline`].
///
/// # Example: late by one day, on time on the deadline
/// ```
/// use chrono::NaiveDate;
/// use liaison::{feedback_status, Policy, Responsibility::WithinRemit, Status};
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// let p = Policy::banan_2008();
/// let s = feedback_status(d("2008-09-25"), WithinRemit, Some(d("2008-10-07")), None, &p).unwrap();
/// assert_eq!((s.deadline, s.status, s.days), (d("2008-10-06"), Status::Late, 1));
/// let s = feedback_status(d("2008-09-25"), WithinRemit, Some(d("2008-10-06")), None, &p).unwrap();
/// assert_eq!((s.status, s.days), (Status::OnTime, 0));
/// let s = feedback_status(d("2008-09-25"), WithinRemit, None, Some(d("2008-09-30")), &p).unwrap();
/// assert_eq!((s.status, s.days), (Status::Open, 6));
/// ```
pub fn feedback_status(
    received: NaiveDate,
    responsibility: Responsibility,
    fed_back: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
    policy: &Policy,
) -> Result<FeedbackStatus> {
    feedback_status_traced(
        received,
        responsibility,
        fed_back,
        as_of,
        policy,
        &mut Trace::off(),
    )
}

/// [`feedback_status`], and whether it rests on a rest day guessed beyond the calendar
/// (A24).
pub(crate) fn feedback_status_detail(
    received: NaiveDate,
    responsibility: Responsibility,
    fed_back: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
    policy: &Policy,
) -> Result<(FeedbackStatus, bool)> {
    let mut trace = Trace::off();
    let s = feedback_status_traced(
        received,
        responsibility,
        fed_back,
        as_of,
        policy,
        &mut trace,
    )?;
    Ok((s, trace.provisional()))
}

/// [`feedback_status`], recording its steps.
pub(crate) fn feedback_status_traced<const RECORDS: bool>(
    received: NaiveDate,
    responsibility: Responsibility,
    fed_back: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
    policy: &Policy,
    trace: &mut Trace<RECORDS>,
) -> Result<FeedbackStatus> {
    if let Some(fed_back) = fed_back {
        if fed_back < received {
            return Err(ErrorKind::FeedbackBeforeReceipt { received, fed_back }.at("fed_back"));
        }
    }
    if let (None, Some(as_of)) = (fed_back, as_of) {
        if as_of < received {
            return Err(ErrorKind::AsOfBeforeReceipt { received, as_of }.at("as_of"));
        }
    }
    let (day, done) = match (fed_back, as_of) {
        (Some(f), _) => (f, true),
        (None, Some(a)) => (a, false),
        (None, None) => return Err(ErrorKind::AsOfRequired.at("as_of")),
    };
    let deadline = deadline_traced(received, responsibility, policy, trace)?;
    let diff = deadline.signed_duration_since(day).num_days();
    let status = match (done, diff >= 0) {
        (true, true) => Status::OnTime,
        (true, false) => Status::Late,
        (false, true) => Status::Open,
        (false, false) => Status::Overdue,
    };
    let days = diff.unsigned_abs();
    trace.step(|| {
        let (text, text_zh) = match status {
            Status::OnTime => (
                format!("fed back on {day}, {} to spare: on time", plural(days)),
                format!("{day} 反馈，提前 {days} 天：按期"),
            ),
            Status::Late => (
                format!(
                    "fed back on {day}, {} after the last day: late",
                    plural(days)
                ),
                format!("{day} 反馈，逾期 {days} 天：逾期反馈"),
            ),
            Status::Open => (
                format!("not fed back by {day}, {} left: open", plural(days)),
                format!("截至 {day} 未反馈，尚余 {days} 天：办理中"),
            ),
            Status::Overdue => (
                format!(
                    "not fed back by {day}, {} past the last day: overdue",
                    plural(days)
                ),
                format!("截至 {day} 未反馈，已逾期 {days} 天：超期未办结"),
            ),
        };
        Step::new(responsibility.rule(), text, text_zh).on(day)
    });
    Ok(FeedbackStatus {
        deadline,
        status,
        days,
    })
}
