//! The rows of a batch through the core: cut into parts on threads, each part's runs of
//! answered rows in one tight loop ([`Register::answered`]), every other row's fault noted
//! or raised.

use super::{status_key, Register};
use crate::columns::{column_of, ClassAt, ClassColumn, Col, Fault};
use crate::parts::{on_threads, part_size};
use crate::{internal, pool, OnError};
use arrow_buffer::NullBuffer;
use liaison::Error;

/// The output columns of one batch, before they become Arrow arrays.
pub(super) struct Columns {
    pub(super) deadline: Vec<i32>,
    pub(super) status: Vec<i8>,
    pub(super) days: Vec<u32>,
    /// Rows that failed (column mode), with their fault, in row order.
    pub(super) faults: Vec<(usize, Fault)>,
}

/// The output slots of rows `at..at + deadline.len()` of a batch: one thread's part.
struct Slots<'o> {
    at: usize,
    deadline: &'o mut [i32],
    status: &'o mut [i8],
    days: &'o mut [u32],
}

impl Slots<'_> {
    /// The outputs of a failed row: 0 under the null that [`crate::failed_rows`] sets.
    fn zero(&mut self, row: usize) {
        let i = row.wrapping_sub(self.at);
        let slots = (
            self.deadline.get_mut(i),
            self.status.get_mut(i),
            self.days.get_mut(i),
        );
        if let (Some(deadline), Some(status), Some(days)) = slots {
            (*deadline, *status, *days) = (0, 0, 0);
        }
    }
}

/// The decoded input columns of one batch.
pub(super) struct Rows<'a> {
    pub(super) received: &'a [i32],
    /// The class column, for the fault of a row whose class is missing or bad.
    pub(super) classes: &'a ClassColumn<'a>,
    pub(super) fed_back: &'a [i32],
    /// The index of the batch's first row in the whole input.
    pub(super) first_row: usize,
}

/// Which cells of a column hold a value, 64 rows at a time (read once per 64 rows in the
/// hot loop).
trait Valid {
    /// Bit `k` says whether row `at + k` holds a value.
    fn word(&self, at: usize) -> u64;
}

/// A column without nulls.
struct AllValid;

impl Valid for AllValid {
    #[inline(always)]
    fn word(&self, _: usize) -> u64 {
        u64::MAX
    }
}

/// A validity bitmap: its bytes and the bit of row 0.
struct Bits<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Bits<'a> {
    fn of(nulls: &'a NullBuffer) -> Self {
        Bits {
            bytes: nulls.validity(),
            offset: nulls.offset(),
        }
    }
}

impl Valid for Bits<'_> {
    #[inline]
    fn word(&self, at: usize) -> u64 {
        let bit = self.offset.saturating_add(at);
        let bytes = self.bytes.get(bit / 8..).unwrap_or_default();
        let mut le = [0u8; 16];
        for (to, from) in le.iter_mut().zip(bytes.iter().take(9)) {
            *to = *from;
        }
        // The 64 bits from `bit` on: the low half of the nine bytes shifted into place.
        (u128::from_le_bytes(le) >> (bit % 8)) as u64
    }
}

impl Register {
    /// [`Register::run`] with the validity of `fed_back` as a bitmap, or none when every
    /// cell holds a date.
    pub(super) fn run_with(
        &self,
        rows: &Rows<'_>,
        classes: &(impl ClassAt + Sync),
        fed_nulls: Option<&NullBuffer>,
        faults: Vec<(usize, Fault)>,
        threads: usize,
    ) -> Result<Columns, Error> {
        match fed_nulls {
            Some(nulls) => self.run(rows, classes, &Bits::of(nulls), faults, threads),
            None => self.run(rows, classes, &AllValid, faults, threads),
        }
    }

    /// The core's answer for every row; `fed_valid` says which `fed_back` cells hold a
    /// date, `faults` (sorted by row) which rows have a date that cannot be read. The rows
    /// are cut into parts as [`Columnar::evaluate_parallel`] cuts them, each part written
    /// by [`Register::run_part`] on a thread of its own into its slots of the outputs.
    fn run(
        &self,
        rows: &Rows<'_>,
        classes: &(impl ClassAt + Sync),
        fed_valid: &(impl Valid + Sync),
        faults: Vec<(usize, Fault)>,
        threads: usize,
    ) -> Result<Columns, Error> {
        let n = rows.received.len();
        let mut deadline = pool::DEADLINES.take_len(n);
        let mut status = pool::KEYS.take_len(n);
        let mut days = pool::DAYS.take_len(n);
        let size = part_size(n, threads).max(1);
        let mut faults = faults.into_iter().peekable();
        let parts: Vec<_> = deadline
            .chunks_mut(size)
            .zip(status.chunks_mut(size).zip(days.chunks_mut(size)))
            .enumerate()
            .map(|(k, (deadline, (status, days)))| {
                let at = k * size;
                let end = at + deadline.len();
                let own: Vec<_> =
                    std::iter::from_fn(|| faults.next_if(|(row, _)| *row < end)).collect();
                let slots = Slots {
                    at,
                    deadline,
                    status,
                    days,
                };
                (slots, own)
            })
            .collect();
        let found = on_threads(parts, |(slots, own)| {
            self.run_part(rows, classes, fed_valid, own, slots)
        })?;
        Ok(Columns {
            deadline,
            status,
            days,
            faults: found.into_iter().flatten().collect(),
        })
    }

    /// The rows of one part: the rows between two unreadable ones go through
    /// [`Register::stretch`]. Answers the part's failed rows, in order.
    fn run_part(
        &self,
        rows: &Rows<'_>,
        classes: &impl ClassAt,
        fed_valid: &impl Valid,
        faults: Vec<(usize, Fault)>,
        mut slots: Slots<'_>,
    ) -> Result<Vec<(usize, Fault)>, Error> {
        let end = slots.at + slots.deadline.len();
        let mut found = Vec::new();
        let mut start = slots.at;
        for (row, fault) in faults {
            if row < start || row >= end {
                continue;
            }
            self.stretch(rows, classes, fed_valid, start..row, &mut slots, &mut found)?;
            // In the order the row-by-row rule reads a row: received, class, fed_back.
            let fault = match (fault.column(), rows.classes.class(row)) {
                (Col::Received, _) | (_, Ok(_)) => fault,
                (_, Err(class_fault)) => class_fault,
            };
            slots.zero(row);
            self.failed(fault, row, rows.first_row, &mut found)?;
            start = row + 1;
        }
        self.stretch(rows, classes, fed_valid, start..end, &mut slots, &mut found)?;
        Ok(found)
    }

    /// Rows whose dates were all read: each run of rows the core answers goes through
    /// [`Register::answered`], one tight loop; a row it stops at (a missing or bad class,
    /// the core's error) is answered 0 under a null and its fault noted or raised, and the
    /// next run starts after it.
    fn stretch(
        &self,
        rows: &Rows<'_>,
        classes: &impl ClassAt,
        fed_valid: &impl Valid,
        range: std::ops::Range<usize>,
        slots: &mut Slots<'_>,
        faults: &mut Vec<(usize, Fault)>,
    ) -> Result<(), Error> {
        let mut start = range.start;
        while start < range.end {
            start += self.answered(rows, classes, fed_valid, start..range.end, slots)?;
            if start < range.end {
                slots.zero(start);
                let fault = self.fault_of(rows, fed_valid, start);
                self.failed(fault, start, rows.first_row, faults)?;
                start += 1;
            }
        }
        Ok(())
    }

    /// The rows of `range` from its first on, up to the first the core does not answer:
    /// the class looked up, the core asked, the answer written into the row's slots of the
    /// three outputs. Answers how many rows were written. The validity of `fed_back` is
    /// read a 64-row word at a time.
    #[inline(always)]
    fn answered(
        &self,
        rows: &Rows<'_>,
        classes: &impl ClassAt,
        fed_valid: &impl Valid,
        range: std::ops::Range<usize>,
        slots: &mut Slots<'_>,
    ) -> Result<usize, Error> {
        let as_of = Some(self.as_of);
        let received = rows.received.get(range.clone()).unwrap_or_default();
        let fed_back = rows.fed_back.get(range.clone()).unwrap_or_default();
        let own = range.start.wrapping_sub(slots.at)..range.end.wrapping_sub(slots.at);
        let deadline = slots.deadline.get_mut(own.clone()).unwrap_or_default();
        let status = slots.status.get_mut(own.clone()).unwrap_or_default();
        let days = slots.days.get_mut(own).unwrap_or_default();
        if [received.len(), fed_back.len(), deadline.len()] != [range.len(); 3] {
            return Err(internal("an input column is shorter than the batch"));
        }
        let inputs = classes
            .classes(range.clone())
            .zip(received.iter().zip(fed_back));
        let outputs = deadline
            .iter_mut()
            .zip(status.iter_mut().zip(days.iter_mut()));
        let mut done = 0;
        let mut valid = 0;
        for ((class, (&received, &fed)), (deadline, (status, days))) in inputs.zip(outputs) {
            if done % 64 == 0 {
                valid = fed_valid.word(range.start + done);
            }
            let fed = (valid & 1 == 1).then_some(fed);
            valid >>= 1;
            let Some(Ok(row)) = class.map(|c| self.evaluator.evaluate(received, c, fed, as_of))
            else {
                break;
            };
            *deadline = row.deadline;
            *status = status_key(row.status);
            *days = row.days;
            done += 1;
        }
        Ok(done)
    }

    /// The fault of a row [`Register::answered`] stopped at: its class's, or the core's.
    #[cold]
    #[inline(never)]
    fn fault_of(&self, rows: &Rows<'_>, fed_valid: &impl Valid, row: usize) -> Fault {
        let class = match rows.classes.class(row) {
            Ok(class) => class,
            Err(fault) => return fault,
        };
        let received = rows.received.get(row).copied().unwrap_or_default();
        let fed = rows.fed_back.get(row).copied();
        let fed = fed.filter(|_| fed_valid.word(row) & 1 == 1);
        match self
            .evaluator
            .evaluate(received, class, fed, Some(self.as_of))
        {
            Err(e) => {
                let col = column_of(&e);
                Fault::Core(Box::new(e), col)
            }
            // The class column's fast reading found no class where its full reading does.
            Ok(_) => Fault::Missing(Col::Responsibility),
        }
    }

    /// A row that failed: raised, or noted (its outputs are already 0 and become null).
    #[cold]
    #[inline(never)]
    fn failed(
        &self,
        fault: Fault,
        row: usize,
        first_row: usize,
        faults: &mut Vec<(usize, Fault)>,
    ) -> Result<(), Error> {
        if self.options.errors == OnError::Raise {
            return Err(self.row_error(fault, first_row + row));
        }
        faults.push((row, fault));
        Ok(())
    }
}
