//! S5.1–S5.4 — the "1234" time limits for the public's opinions (群众意见"1234"定期办理反馈).
//!
//! > 对属本级党组织工作职责范围内的事项，应在收到反映问题之日起10天内办结，并反馈反映人；
//! > 属上一级党组织工作职责范围解决的问题，上一级党组织应在收到反映问题之日起20天内办结……；
//! > 对确实解决不了的问题，应在30天内向反映人说明情况……；对需要多个单位共同协调解决的问题，
//! > 由牵头解决的单位党组织在40天内办结，并反馈反映人。

use crate::de::{choice, Choice};
use crate::error::Shown;
use crate::policy::{DayCount, Policy};
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
/// or count working days instead.
///
/// # Errors
/// - `calendar_not_covered` when the rest-day move or the working-day count needs a day
///   of a year the holiday calendar has no notice for (a plain calendar-day deadline with
///   the move turned off never needs the calendar);
/// - `date_out_of_range` when the deadline is past the last representable date;
/// - `invalid_calendar` when the policy's calendar years are inconsistent.
///
/// # Example: the worked examples of RULES.md
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
pub fn deadline(
    received: NaiveDate,
    responsibility: Responsibility,
    policy: &Policy,
) -> Result<NaiveDate> {
    let days = responsibility.days(policy);
    let counted = if policy.count_receipt_day {
        days.saturating_sub(1)
    } else {
        days
    };
    let out_of_range = || Error::new(ErrorKind::DateOutOfRange { date: received });
    let last = match policy.day_count {
        DayCount::Calendar => {
            let nominal = received
                .checked_add_days(Days::new(u64::from(counted)))
                .ok_or_else(out_of_range)?;
            if policy.move_rest_day {
                policy.calendar()?.next_working_day(nominal)
            } else {
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
            let end = calendar.add_working_days(start, days)?;
            if policy.move_rest_day {
                calendar.next_working_day(end)
            } else {
                Ok(end)
            }
        }
    }?;
    supported(last, received)
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
    let deadline = deadline(received, responsibility, policy)?;
    let diff = deadline.signed_duration_since(day).num_days();
    let status = match (done, diff >= 0) {
        (true, true) => Status::OnTime,
        (true, false) => Status::Late,
        (false, true) => Status::Open,
        (false, false) => Status::Overdue,
    };
    Ok(FeedbackStatus {
        deadline,
        status,
        days: diff.unsigned_abs(),
    })
}
