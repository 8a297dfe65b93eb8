//! Timestamps as days and days as milliseconds: a `date64` or `timestamp` column (units
//! since 1970-01-01) decoded into days on up to `threads` threads, into memory of the pool;
//! and the deadlines of a NumPy host as its `datetime64[ms]`. A value that is not a
//! midnight, or a day `i32` cannot hold, is a fault of its row; with `nat`, an `i64::MIN`
//! (NumPy's `NaT`, which pandas hands over as it is) is a missing cell.

use crate::columns::{Col, Fault};
use crate::parts::{on_threads, part_size};
use crate::pool::{self, Pooled};
use arrow_buffer::{BooleanBuffer, Buffer, NullBuffer};
use arrow_schema::TimeUnit;
use liaison::Error;

/// Exact division by a day of `2^shift × odd` units: the quotient of a multiple of the odd
/// part is the product with its inverse modulo 2^64, and only those multiples land in
/// `i64`'s range divided by the odd part (multiplying by an odd number permutes the
/// integers modulo 2^64). So a shift, a multiplication and two comparisons tell whether a
/// value is a whole day and which, instead of a division and a remainder.
#[derive(Clone, Copy)]
struct ExactDay {
    shift: u32,
    inverse: i64,
}

impl ExactDay {
    const fn of(per_day: i64) -> Self {
        let shift = per_day.trailing_zeros();
        let odd = per_day >> shift;
        // Newton's iteration: `odd` is its own inverse modulo 8 (3 bits), and each step
        // doubles the bits that are right (96 after five).
        let mut inverse = odd;
        let mut step = 0;
        while step < 5 {
            inverse = inverse.wrapping_mul(2i64.wrapping_sub(odd.wrapping_mul(inverse)));
            step += 1;
        }
        ExactDay { shift, inverse }
    }

    /// The day of `v` when it is a whole number of days that `i32` holds.
    #[inline(always)]
    fn day(self, v: i64) -> Option<i32> {
        let whole_units = v & ((1i64 << self.shift) - 1) == 0;
        let quotient = (v >> self.shift).wrapping_mul(self.inverse);
        // |quotient| ≤ 2^31 ≤ 2^63 / odd, so a quotient `i32` holds is exact.
        i32::try_from(quotient).ok().filter(|_| whole_units)
    }
}

/// Days decoded into memory of the pool, and the column's validity.
pub(crate) type DecodedDays = (Pooled<i32>, Option<NullBuffer>);

/// Units of `unit` a day.
const fn per_day(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Second => 86_400,
        TimeUnit::Millisecond => 86_400_000,
        TimeUnit::Microsecond => 86_400_000_000,
        TimeUnit::Nanosecond => 86_400_000_000_000,
    }
}

/// The days of `values` of `unit` since 1970-01-01; `nulls` the column's validity. Answers
/// the days (0 in a cell that is null or not a day) and the validity with each `NaT` null
/// too; each cell that holds a value that is not a day is added to `faults`.
pub(crate) fn days(
    values: &[i64],
    unit: TimeUnit,
    nulls: Option<&NullBuffer>,
    nat: bool,
    col: Col,
    faults: &mut Vec<(usize, Fault)>,
    threads: usize,
) -> Result<DecodedDays, Error> {
    const SECONDS: i64 = per_day(TimeUnit::Second);
    const MILLIS: i64 = per_day(TimeUnit::Millisecond);
    const MICROS: i64 = per_day(TimeUnit::Microsecond);
    const NANOS: i64 = per_day(TimeUnit::Nanosecond);
    let decode = match unit {
        TimeUnit::Second => part::<SECONDS>,
        TimeUnit::Millisecond => part::<MILLIS>,
        TimeUnit::Microsecond => part::<MICROS>,
        TimeUnit::Nanosecond => part::<NANOS>,
    };
    let n = values.len();
    let mut days = pool::lend(&pool::INPUT_DAYS, n);
    let mut words = vec![0u64; if nat { n.div_ceil(64) } else { 0 }];
    // Parts of whole 64-row words, so that each thread writes words of its own.
    let size = part_size(n, threads).next_multiple_of(64).max(64);
    let mut word_parts = words.chunks_mut(size / 64);
    let parts: Vec<_> = days
        .chunks_mut(size)
        .enumerate()
        .map(|(k, days)| (k * size, days, word_parts.next().unwrap_or_default()))
        .collect();
    let found = on_threads(parts, |(at, days, words)| {
        Ok(decode(values, at, days, words, nat, nulls, col))
    })?;
    faults.extend(found.into_iter().flatten());
    let nulls = if nat {
        let bits = NullBuffer::new(BooleanBuffer::new(Buffer::from_vec(words), 0, n));
        NullBuffer::union(nulls, Some(&bits).filter(|b| b.null_count() > 0))
    } else {
        nulls.cloned()
    };
    Ok((days, nulls))
}

/// Rows `at..at + days.len()`: their days written, a validity word per 64 rows when `nat`,
/// the faults of the part answered in row order.
fn part<const PER_DAY: i64>(
    values: &[i64],
    at: usize,
    days: &mut [i32],
    words: &mut [u64],
    nat: bool,
    nulls: Option<&NullBuffer>,
    col: Col,
) -> Vec<(usize, Fault)> {
    let exact = const { ExactDay::of(PER_DAY) };
    let values = values.get(at..at + days.len()).unwrap_or_default();
    let mut faults = Vec::new();
    let blocks = values.chunks(64).zip(days.chunks_mut(64));
    for (k, (values, days)) in blocks.enumerate() {
        let mut word = 0u64;
        let mut wrong = false;
        for (bit, (&v, slot)) in (0..64).zip(values.iter().zip(days)) {
            let day = exact.day(v);
            *slot = day.unwrap_or(0);
            let missing = nat && v == i64::MIN;
            word |= u64::from(!missing) << bit;
            wrong |= day.is_none() && !missing;
        }
        if let Some(slot) = words.get_mut(k) {
            *slot = word;
        }
        if wrong {
            let first = at + k * 64;
            not_days(exact, values, first, nat, nulls, col, &mut faults);
        }
    }
    faults
}

/// The faults of a block of rows from `first` on that holds a value that is not a day.
#[cold]
#[inline(never)]
fn not_days(
    exact: ExactDay,
    values: &[i64],
    first: usize,
    nat: bool,
    nulls: Option<&NullBuffer>,
    col: Col,
    faults: &mut Vec<(usize, Fault)>,
) {
    for (row, &v) in (first..).zip(values) {
        let missing = (nat && v == i64::MIN) || nulls.is_some_and(|n| n.is_null(row));
        if exact.day(v).is_none() && !missing {
            faults.push((row, Fault::NotADay(col)));
        }
    }
}

/// Days since 1970-01-01 as milliseconds (NumPy's `datetime64[ms]`, which pandas gives
/// dates as), on up to `threads` threads into memory of the pool. `i32::MAX` days is under
/// 2^58 ms: no overflow.
pub(crate) fn millis(days: &[i32], threads: usize) -> Result<Vec<i64>, Error> {
    let mut out = pool::MILLIS.take_len(days.len());
    let size = part_size(days.len(), threads).max(1);
    let parts: Vec<_> = out.chunks_mut(size).zip(days.chunks(size)).collect();
    on_threads(parts, |(out, days)| {
        for (ms, &day) in out.iter_mut().zip(days) {
            *ms = i64::from(day) * per_day(TimeUnit::Millisecond);
        }
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// What [`ExactDay::day`] must give: the division and remainder as the words say them.
    fn by_division(v: i64, per_day: i64) -> Option<i32> {
        (v.rem_euclid(per_day) == 0)
            .then(|| i32::try_from(v.div_euclid(per_day)).ok())
            .flatten()
    }

    #[test]
    fn exact_division_is_the_division_for_every_unit() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut random = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as i64
        };
        let units = [
            TimeUnit::Second,
            TimeUnit::Millisecond,
            TimeUnit::Microsecond,
            TimeUnit::Nanosecond,
        ];
        for unit in units {
            let per_day = per_day(unit);
            let exact = ExactDay::of(per_day);
            let edges = [i64::MIN, i64::MAX, 0, 1, -1, per_day, -per_day, per_day - 1];
            let bounds = [i32::MIN, i32::MAX, -719_162, 2_932_896].map(i64::from);
            let near = bounds
                .iter()
                .flat_map(|d| [d - 1, *d, d + 1])
                .flat_map(|d| [-1, 0, 1].map(|e| d.saturating_mul(per_day).saturating_add(e)));
            let whole_days: Vec<i64> = (0..20_000)
                .map(|_| (random() % (i64::MAX / per_day)) * per_day)
                .collect();
            let any: Vec<i64> = (0..20_000).map(|_| random()).collect();
            for v in edges.into_iter().chain(near).chain(whole_days).chain(any) {
                assert_eq!(exact.day(v), by_division(v, per_day), "{v} / {per_day}");
            }
        }
    }

    #[test]
    fn nat_is_null_and_a_time_of_day_a_fault_on_every_thread() {
        let per_day = per_day(TimeUnit::Nanosecond);
        let n = 3 * crate::parts::PART + 77;
        let mut values: Vec<i64> = (0..n as i64).map(|i| (i % 9_000) * per_day).collect();
        let (nat_row, noon_row) = (crate::parts::PART + 5, n - 1);
        values[nat_row] = i64::MIN;
        values[noon_row] += per_day / 2;
        for threads in [1, 2, 4] {
            let decode = |nat| {
                let mut faults = Vec::new();
                let col = Col::FedBack;
                let unit = TimeUnit::Nanosecond;
                let (days, nulls) =
                    days(&values, unit, None, nat, col, &mut faults, threads).unwrap();
                (days, nulls, faults.iter().map(|f| f.0).collect::<Vec<_>>())
            };
            let (decoded, nulls, faults) = decode(true);
            assert_eq!(decoded[10], 10);
            assert_eq!(decoded[n - 2], ((n - 2) % 9_000) as i32);
            let nulls = nulls.unwrap();
            assert_eq!((nulls.null_count(), nulls.is_null(nat_row)), (1, true));
            assert_eq!(faults, [noon_row]);
            let (_, nulls, faults) = decode(false);
            assert!(nulls.is_none(), "without `nat` NaT is a value");
            assert_eq!(faults, [nat_row, noon_row]);
        }
    }

    #[test]
    fn days_as_milliseconds_on_every_thread() {
        let days: Vec<i32> = [0, 1, -1, i32::MAX, i32::MIN]
            .into_iter()
            .cycle()
            .take(3 * crate::parts::PART + 5)
            .collect();
        for threads in [1, 2, 4] {
            let ms = millis(&days, threads).unwrap();
            assert!(ms
                .iter()
                .zip(&days)
                .all(|(ms, d)| *ms == i64::from(*d) * 86_400_000));
            assert_eq!(ms.len(), days.len());
        }
    }
}
