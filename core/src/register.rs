//! S5 in bulk: deadlines and statuses of a whole register (form F4) at once.
//!
//! [`RegisterEvaluator`] compiles a policy's "1234" deadlines into one table per class,
//! indexed by the day of receipt, so that each row costs a lookup and two comparisons. It
//! gives exactly what [`deadline`] and [`feedback_status`] give row by row (a test compares
//! them on every day of the calendar); it only makes them fast. Dates are days since
//! 1970-01-01, as in Arrow's `date32`.
//!
//! [`feedback_status`]: crate::feedback_status

use crate::deadline::{deadline, Responsibility, Status};
use crate::policy::{DayCount, Policy};
use crate::{Error, ErrorKind, Result};
use chrono::{Days, NaiveDate};

/// 1970-01-01, day 0 of `date32`.
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A date as days since 1970-01-01.
pub fn to_days(date: NaiveDate) -> i32 {
    i32::try_from(date.signed_duration_since(EPOCH).num_days()).unwrap_or(i32::MAX)
}

/// Days since 1970-01-01 as a date; none outside chrono's range.
pub fn from_days(days: i32) -> Option<NaiveDate> {
    if days >= 0 {
        EPOCH.checked_add_days(Days::new(u64::from(days.unsigned_abs())))
    } else {
        EPOCH.checked_sub_days(Days::new(u64::from(days.unsigned_abs())))
    }
}

/// 0001-01-01 to 9999-12-31 as days since 1970-01-01: the dates every language holds.
pub const SUPPORTED: std::ops::RangeInclusive<i32> = -719_162..=2_932_896;

/// A day of the supported range as a date; `invalid_date` at `field` otherwise.
fn day(days: i32, field: &'static str) -> Result<NaiveDate> {
    from_days(days)
        .filter(|_| SUPPORTED.contains(&days))
        .ok_or_else(|| ErrorKind::InvalidDate.at(field))
}

/// What went wrong with one row, by its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Row index in the input.
    pub row: usize,
    /// The error.
    pub error: Error,
}

/// One evaluated row: deadline (days since 1970-01-01), status and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowStatus {
    /// The last day (A1, A2).
    pub deadline: i32,
    /// On time, late, open or overdue.
    pub status: Status,
    /// Days to spare, late, left or overdue.
    pub days: u32,
}

/// An entry of the table that the row-by-row rule answers instead.
const NONE: u8 = u8::MAX;

/// Deadlines of the four classes compiled for fast evaluation of many rows.
#[derive(Debug, Clone)]
pub struct RegisterEvaluator {
    policy: Policy,
    /// Days to add when no calendar is needed (no rest-day move, calendar days).
    plain: Option<[i32; 4]>,
    /// First receipt day of the table.
    first: i32,
    /// The fewest days from receipt to deadline of each class over the table.
    least: [i32; 4],
    /// The days from receipt to deadline beyond the class's `least`, four a receipt day from
    /// `first` on (one per class, in digit order): `[(received − first) × 4 + class − 1]`;
    /// [`NONE`] where the calendar does not cover the deadline or it is that many days or
    /// more beyond, for the row-by-row rule to answer. A byte an entry keeps 20 years in the
    /// first-level cache (29 KB), where the row's lookup takes a few cycles.
    table: Vec<u8>,
}

fn class_index(r: Responsibility) -> usize {
    usize::from(r.digit().saturating_sub(1))
}

impl RegisterEvaluator {
    /// Compiles the policy's deadlines for every receipt day its calendar covers.
    ///
    /// # Errors
    /// `invalid_calendar` for a bad policy calendar.
    pub fn new(policy: &Policy) -> Result<Self> {
        let plain = (policy.day_count == DayCount::Calendar && !policy.move_rest_day).then(|| {
            Responsibility::ALL.map(|r| {
                let days = r.days(policy);
                let days = if policy.count_receipt_day {
                    days.saturating_sub(1)
                } else {
                    days
                };
                i32::try_from(days).unwrap_or(i32::MAX)
            })
        });
        let calendar = policy.calendar()?;
        let (first, last) = match (calendar.years().first(), calendar.years().last()) {
            (Some(a), Some(b)) if plain.is_none() => (
                NaiveDate::from_ymd_opt(a.year - 1, 1, 1).unwrap_or(NaiveDate::MIN),
                NaiveDate::from_ymd_opt(b.year, 12, 31).unwrap_or(NaiveDate::MIN),
            ),
            _ => (EPOCH, NaiveDate::MIN),
        };
        let mut days = Vec::new();
        let mut day = first;
        while day <= last {
            for r in Responsibility::ALL {
                let deadline = deadline(day, r, policy).ok();
                days.push(deadline.map(|d| d.signed_duration_since(day).num_days()));
            }
            day = day.succ_opt().unwrap_or(NaiveDate::MAX);
        }
        let mut least = [0i64; 4];
        for (class, least) in least.iter_mut().enumerate() {
            let of_class = days.iter().skip(class).step_by(4).flatten();
            *least = of_class.min().copied().unwrap_or(0);
        }
        // Days between two dates chrono holds fit `i32`; a class whose do not has no entries.
        let least = least.map(|d| i32::try_from(d).ok());
        let table = days.iter().enumerate().map(|(k, d)| {
            let least = least.get(k % 4).copied().flatten();
            let beyond = d.zip(least).map(|(d, least)| d - i64::from(least));
            let beyond = beyond.and_then(|b| u8::try_from(b).ok());
            beyond.filter(|b| *b != NONE).unwrap_or(NONE)
        });
        Ok(RegisterEvaluator {
            policy: policy.clone(),
            plain,
            first: to_days(first),
            least: least.map(Option::unwrap_or_default),
            table: table.collect(),
        })
    }

    /// The deadline of one row, as days since 1970-01-01.
    ///
    /// # Errors
    /// As [`deadline`].
    #[inline(always)]
    pub fn deadline_days(&self, received: i32, class: Responsibility) -> Result<i32> {
        let i = class_index(class);
        if let Some(plain) = self.plain {
            let add = plain.get(i).copied().unwrap_or(0);
            return match received.checked_add(add).filter(|d| SUPPORTED.contains(d)) {
                Some(d) => Ok(d),
                None => self.out_of_range(received),
            };
        }
        let hit = received
            .checked_sub(self.first)
            .and_then(|o| usize::try_from(o).ok())
            .and_then(|o| self.table.get(o.wrapping_mul(4).wrapping_add(i)))
            .copied();
        match hit {
            // The sum is the deadline the table was built from, a date chrono holds, and both
            // terms added to `received` are at least 0: no overflow.
            Some(beyond) if beyond != NONE => {
                Ok(received + self.least.get(i & 3).copied().unwrap_or(0) + i32::from(beyond))
            }
            // Outside the tables or uncovered: the row-by-row rule gives the exact error.
            _ => self.by_the_rule(received, class),
        }
    }

    /// A plain deadline past the supported dates: the error (kept out of the hot loop).
    #[cold]
    #[inline(never)]
    fn out_of_range(&self, received: i32) -> Result<i32> {
        Err(Error::new(ErrorKind::DateOutOfRange {
            date: day(received, "received")?,
        }))
    }

    /// A deadline the tables do not hold, asked of the row-by-row rule (kept out of the hot
    /// loop).
    #[cold]
    #[inline(never)]
    fn by_the_rule(&self, received: i32, class: Responsibility) -> Result<i32> {
        deadline(day(received, "received")?, class, &self.policy).map(to_days)
    }

    /// S5.1–S5.4 for one row, exactly as [`feedback_status`](crate::feedback_status).
    ///
    /// # Errors
    /// As [`feedback_status`](crate::feedback_status).
    ///
    /// # Example: the first worked example, fed back a day late
    /// ```
    /// use liaison::register::{from_days, to_days, RegisterEvaluator};
    /// use liaison::{Policy, Responsibility, Status};
    /// let ev = RegisterEvaluator::new(&Policy::banan_2008()).unwrap();
    /// let d = |s: &str| to_days(s.parse().unwrap());
    /// let row = ev.evaluate(d("2008-09-25"), Responsibility::WithinRemit, Some(d("2008-10-07")), None).unwrap();
    /// assert_eq!((from_days(row.deadline).unwrap().to_string(), row.status, row.days), ("2008-10-06".to_string(), Status::Late, 1));
    /// ```
    #[inline(always)]
    pub fn evaluate(
        &self,
        received: i32,
        class: Responsibility,
        fed_back: Option<i32>,
        as_of: Option<i32>,
    ) -> Result<RowStatus> {
        // The day the status is taken on: the feedback, else `as_of`. Chosen and judged
        // without a branch on whether the row was fed back, which random data would
        // mispredict (a third of the time per row, measured).
        let Some(on) = fed_back.or(as_of).filter(|on| *on >= received) else {
            return Err(order_error(received, fed_back, as_of));
        };
        let deadline = self.deadline_days(received, class)?;
        let diff = i64::from(deadline) - i64::from(on);
        let status = match (fed_back.is_none(), diff < 0) {
            (false, false) => Status::OnTime,
            (false, true) => Status::Late,
            (true, false) => Status::Open,
            (true, true) => Status::Overdue,
        };
        Ok(RowStatus {
            deadline,
            status,
            days: u32::try_from(diff.unsigned_abs()).unwrap_or(u32::MAX),
        })
    }
}

/// The error of a row whose feedback or `as_of` comes before its receipt, or that has
/// neither (kept out of the hot loop).
#[cold]
#[inline(never)]
fn order_error(received: i32, fed_back: Option<i32>, as_of: Option<i32>) -> Error {
    let error = match (fed_back, as_of) {
        (Some(f), _) => day(received, "received").and_then(|r| {
            Ok(ErrorKind::FeedbackBeforeReceipt {
                received: r,
                fed_back: day(f, "fed_back")?,
            }
            .at("fed_back"))
        }),
        (None, Some(a)) => day(received, "received").and_then(|r| {
            Ok(ErrorKind::AsOfBeforeReceipt {
                received: r,
                as_of: day(a, "as_of")?,
            }
            .at("as_of"))
        }),
        (None, None) => Ok(ErrorKind::AsOfRequired.at("as_of")),
    };
    error.unwrap_or_else(|e| e)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use crate::feedback_status;

    /// The tables give exactly the row-by-row rule on every day of the calendar and past it.
    #[test]
    fn supported_range_in_days() {
        let d = |y, m, d| to_days(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(SUPPORTED, d(1, 1, 1)..=d(9999, 12, 31));
    }

    #[test]
    fn same_as_row_by_row_on_every_day() {
        for json in [
            "{}",
            r#"{"day_count": "working"}"#,
            r#"{"move_rest_day": false}"#,
            r#"{"count_receipt_day": true}"#,
            // Limits far beyond a byte of days: the table holds them beyond each class's
            // fewest days; a 2 000-working-day limit runs past the calendar.
            r#"{"within_remit_days": 300, "lead_unit_days": 1000, "day_count": "working"}"#,
            r#"{"unresolvable_days": 2000, "day_count": "working"}"#,
        ] {
            let policy = Policy::from_json(json).unwrap();
            let ev = RegisterEvaluator::new(&policy).unwrap();
            let mut day = NaiveDate::from_ymd_opt(2006, 11, 1).unwrap();
            while day <= NaiveDate::from_ymd_opt(2027, 1, 31).unwrap() {
                for r in Responsibility::ALL {
                    let as_of = day + Days::new(25);
                    // Open or overdue; on time, late or fed back before receipt.
                    let fed = [None, Some(day), Some(day + Days::new(45)), day.pred_opt()];
                    for fed_back in fed {
                        let of = |d: Option<NaiveDate>| d.map(to_days);
                        let fast = ev.evaluate(to_days(day), r, of(fed_back), Some(to_days(as_of)));
                        let slow = feedback_status(day, r, fed_back, Some(as_of), &policy);
                        match (fast, slow) {
                            (Ok(f), Ok(s)) => {
                                assert_eq!(
                                    (from_days(f.deadline).unwrap(), f.status, u64::from(f.days)),
                                    (s.deadline, s.status, s.days),
                                    "{json} {day} {r} {fed_back:?}"
                                )
                            }
                            (Err(f), Err(s)) => assert_eq!(f, s, "{json} {day} {r} {fed_back:?}"),
                            (f, s) => panic!("{json} {day} {r} {fed_back:?}: {f:?} vs {s:?}"),
                        }
                    }
                }
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn long_limits_stay_in_the_table() {
        let policy =
            Policy::from_json(r#"{"within_remit_days": 300, "lead_unit_days": 1000}"#).unwrap();
        let ev = RegisterEvaluator::new(&policy).unwrap();
        let covered = ev.table.iter().filter(|b| **b != NONE).count();
        // All but the receipt days whose deadline runs past the calendar's last year.
        assert!(
            covered * 10 > ev.table.len() * 8,
            "{covered} of {}",
            ev.table.len()
        );
        assert!(ev.least[3] >= 1000 && ev.least[0] >= 300, "{:?}", ev.least);
    }
}
