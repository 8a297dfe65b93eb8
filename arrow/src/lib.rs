//! `liaison-arrow` — S5.1–S5.6 over a whole register (form F4) as Arrow columns.
//!
//! A [`Register`] is the core's
//! [`RegisterEvaluator`](liaison::register::RegisterEvaluator) (the policy's "1234"
//! deadlines compiled once) with the day the register was taken (`as_of`) and the names of its three
//! columns. [`Register::evaluate`] reads a [`RecordBatch`] — `received` (`date32`; `date64`,
//! a `timestamp` without time zone at midnight and ISO text too), `responsibility`
//! (integers 1–4 of any width, text or a dictionary of text), `fed_back` (dates, null when
//! not fed back) — and answers a batch with `deadline` (`date32`), `status`
//! (`dictionary<int8, utf8>` of `on_time`, `late`, `open`, `overdue`) and `days`
//! (`uint32`), row for row what [`liaison::feedback_status`] answers. Every deadline and
//! status is the core's; this crate only reads cells and writes columns.
//!
//! A bad row is a coded [`liaison::Error`] placed at `["row", i, "<column>"]`, `i`
//! counting from 0 over the whole input: raised for the first bad row, or, with
//! [`OnError::Column`], its outputs null, its code in an extra `error` column and the
//! error in [`Evaluated::errors`].
//!
//! ```
//! use arrow_array::{Date32Array, Int64Array, RecordBatch, cast::AsArray};
//! use liaison_arrow::Register;
//! use std::sync::Arc;
//! let day = |s: &str| liaison::register::to_days(s.parse().unwrap());
//! let batch = RecordBatch::try_from_iter([
//!     ("received", Arc::new(Date32Array::from(vec![day("2008-09-25")])) as _),
//!     ("responsibility", Arc::new(Int64Array::from(vec![1])) as _),
//!     ("fed_back", Arc::new(Date32Array::from(vec![Some(day("2008-10-07"))])) as _),
//! ])?;
//! let register = Register::from_request(&serde_json::json!({"as_of": "2008-12-31"}))?;
//! let out = register.evaluate(&batch, 0)?.batch;
//! // 10-05 is in the National Day holiday: the deadline moves to 10-06; a day late.
//! let deadline = out.column(0).as_primitive::<arrow_array::types::Date32Type>().value(0);
//! assert_eq!(deadline, day("2008-10-06"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod ballots;
mod columns;
mod parts;
mod pool;
mod register;
mod stamps;

pub use ballots::{GradeRequest, Grades, VoteRequest, Votes};

pub use parts::threads;
pub use register::{Options, Register, RegisterRequest};

use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, DictionaryArray, Int8Array, RecordBatch};
use arrow_buffer::{BooleanBufferBuilder, NullBuffer};
use arrow_schema::{Field, Schema, SchemaRef};
use columns::wrong_column;
use liaison::error::Detail;
use liaison::{Error, ErrorKind};
use serde::{Deserialize, Serialize};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

/// What a bad row does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnError {
    /// The first bad row is the error.
    #[default]
    Raise,
    /// The row's outputs are null and its code is in an extra `error` column.
    Column,
}

/// An evaluated batch and the errors of its bad rows (with [`OnError::Column`]).
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// The output batch, row for row.
    pub batch: RecordBatch,
    /// One error per bad row, at `["row", i, "<column>"]`, in row order.
    pub errors: Vec<Error>,
}

pub(crate) fn internal(en: &'static str) -> Error {
    Error::new(ErrorKind::Internal {
        detail: Detail::new(en, en),
    })
}

/// A table evaluated row by row into added columns: [`Register`], [`Grades`], [`Votes`].
pub trait Columnar: Sync {
    /// The schema of an output batch for an input of schema `input`.
    ///
    /// # Errors
    /// `invalid_input` at an added column's name when `keep` would repeat an input column.
    fn schema(&self, input: &Schema) -> Result<SchemaRef, Error>;

    /// Evaluates one batch whose first row is row `first_row` of the whole input.
    ///
    /// # Errors
    /// `invalid_input` at a column's name for a missing column or one of a type that holds
    /// no such values; with [`OnError::Raise`], the first bad row's error at `["row", i,
    /// "<column>"]`.
    fn evaluate(&self, batch: &RecordBatch, first_row: usize) -> Result<Evaluated, Error>;

    /// [`Columnar::evaluate`] for a large batch, cut into parts of at least 2^18 rows
    /// evaluated on up to `threads` threads at once (scoped threads); one output batch per
    /// part, in row order (the first bad row in row order is the one raised).
    ///
    /// # Errors
    /// As [`Columnar::evaluate`].
    fn evaluate_parallel(
        &self,
        batch: &RecordBatch,
        first_row: usize,
        threads: usize,
    ) -> Result<Vec<Evaluated>, Error> {
        batch_per_part(self, batch, first_row, threads)
    }
}

/// [`Columnar::evaluate_parallel`]'s way: a batch per part, each evaluated on its thread.
pub(crate) fn batch_per_part(
    columnar: &(impl Columnar + ?Sized),
    batch: &RecordBatch,
    first_row: usize,
    threads: usize,
) -> Result<Vec<Evaluated>, Error> {
    parts::in_parts(batch.num_rows(), threads, |at, len| {
        if at == 0 && len == batch.num_rows() {
            columnar.evaluate(batch, first_row)
        } else {
            columnar.evaluate(&batch.slice(at, len), first_row + at)
        }
    })
}

/// `f`, with a panic (which would be a bug) answered as `internal_error`.
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(internal("the evaluation panicked")))
}

/// The schema of an output: `added` after the input's fields when `keep`, else alone.
pub(crate) fn output_schema(
    input: &Schema,
    added: Vec<Field>,
    keep: bool,
) -> Result<SchemaRef, Error> {
    if !keep {
        return Ok(Arc::new(Schema::new(added)));
    }
    if let Some(f) = added
        .iter()
        .find(|f| input.column_with_name(f.name()).is_some())
    {
        return Err(wrong_column(
            f.name(),
            "the input already has a column of this name, which `keep` would repeat".to_string(),
            "输入中已有同名列，保留输入列（keep）会使其重复".to_string(),
        ));
    }
    let mut fields: Vec<Field> = input.fields().iter().map(|f| f.as_ref().clone()).collect();
    fields.extend(added);
    Ok(Arc::new(Schema::new_with_metadata(
        fields,
        input.metadata().clone(),
    )))
}

/// The validity of an output column: none when no row failed.
pub(crate) fn failed_rows(n: usize, failed: impl Iterator<Item = usize>) -> Option<NullBuffer> {
    let mut failed = failed.peekable();
    failed.peek()?;
    let mut valid = BooleanBufferBuilder::new(n);
    valid.append_n(n, true);
    for row in failed {
        if row < n {
            valid.set_bit(row, false);
        }
    }
    Some(NullBuffer::new(valid.finish()))
}

/// A `dictionary<int8, utf8>` column of `keys` into `values`.
pub(crate) fn dictionary(
    keys: Vec<i8>,
    nulls: Option<NullBuffer>,
    values: &ArrayRef,
) -> Result<ArrayRef, Error> {
    let keys = Int8Array::new(pool::KEYS.buffer(keys), nulls);
    DictionaryArray::<Int8Type>::try_new(keys, Arc::clone(values))
        .map(|d| Arc::new(d) as ArrayRef)
        .map_err(|_| internal("a dictionary column cannot be built"))
}
