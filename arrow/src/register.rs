//! [`Register`]: S5.1–S5.6 over the rows of a batch — the input columns read, the core's
//! [`RegisterEvaluator`] asked about every row in one tight loop, the answers written into
//! the output columns.

mod request;
mod rows;

pub use request::{Options, RegisterRequest};

use crate::columns::{
    wrong_column, AnyClass, ClassColumn, Classes, Col, DayColumn, Decoded, Fault, Ints,
};
use crate::parts::in_parts;
use crate::{dictionary, failed_rows, guarded, internal, output_schema, pool, stamps};
use crate::{Columnar, Evaluated, OnError};
use arrow_array::{
    ArrayRef, Date32Array, Int8Array, RecordBatch, StringArray, TimestampMillisecondArray,
    UInt32Array,
};
use arrow_buffer::NullBuffer;
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::NaiveDate;
use liaison::error::{Loc, LocItem};
use liaison::register::{to_days, RegisterEvaluator};
use liaison::{Error, ErrorKind, Policy, Status};
use request::{cached, remember};
use rows::{Columns, Rows};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// The statuses in the order of the `status` column's dictionary.
const STATUSES: [Status; 4] = [Status::OnTime, Status::Late, Status::Open, Status::Overdue];

/// The key of a status in the dictionary of [`STATUSES`].
fn status_key(status: Status) -> i8 {
    match status {
        Status::OnTime => 0,
        Status::Late => 1,
        Status::Open => 2,
        Status::Overdue => 3,
    }
}

/// A compiled evaluator with its `as_of` and options: one per register, used for every
/// batch.
#[derive(Debug, Clone)]
pub struct Register {
    evaluator: Arc<RegisterEvaluator>,
    as_of: i32,
    options: Options,
    /// `["on_time", "late", "open", "overdue"]`, the dictionary of every `status` column.
    statuses: ArrayRef,
}

impl Register {
    /// Compiles the policy's deadlines once.
    ///
    /// # Errors
    /// `invalid_calendar` for a bad policy calendar.
    pub fn new(policy: &Policy, as_of: NaiveDate, options: Options) -> Result<Self, Error> {
        Ok(Register::compiled(
            Arc::new(RegisterEvaluator::new(policy)?),
            as_of,
            options,
        ))
    }

    fn compiled(evaluator: Arc<RegisterEvaluator>, as_of: NaiveDate, options: Options) -> Self {
        Register {
            evaluator,
            as_of: to_days(as_of),
            options,
            statuses: Arc::new(StringArray::from_iter_values(STATUSES.map(Status::name))),
        }
    }

    /// A register from a host's request (see [`RegisterRequest`]).
    ///
    /// # Errors
    /// `invalid_input` for an unknown key or an `errors` other than `raise` or `column`,
    /// `invalid_date` for `as_of`, `invalid_policy` and `invalid_calendar` for the policy,
    /// each at its key.
    pub fn from_request(request: &Value) -> Result<Self, Error> {
        let r: RegisterRequest = liaison::de::from_value(request)?;
        let as_of = match &r.as_of {
            Value::String(s) => liaison::de::parse_date(s),
            _ => Err(Error::new(ErrorKind::InvalidDate)),
        }
        .map_err(|e| e.at("as_of"))?;
        let options = Options {
            received: r.received,
            responsibility: r.responsibility,
            fed_back: r.fed_back,
            errors: r.errors,
            keep: r.keep,
            numpy: r.numpy,
        };
        let key = r
            .policy
            .as_ref()
            .map_or(Value::Null, |doc| doc.value.clone());
        if let Some(evaluator) = cached(&key) {
            return Ok(Register::compiled(evaluator, as_of, options));
        }
        let policy = match &r.policy {
            Some(doc) => Policy::from_value(&doc.value).map_err(|e| e.at("policy"))?,
            None => Policy::banan_2008(),
        };
        let evaluator = RegisterEvaluator::new(&policy).map_err(|e| e.at("policy"))?;
        let evaluator = Arc::new(evaluator);
        remember(key, Arc::clone(&evaluator));
        Ok(Register::compiled(evaluator, as_of, options))
    }

    /// The options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    fn name(&self, col: Col) -> &str {
        match col {
            Col::Received => &self.options.received,
            Col::Responsibility => &self.options.responsibility,
            Col::FedBack => self.options.fed_back.as_deref().unwrap_or("fed_back"),
        }
    }

    /// The error of a fault at row `row` of the whole input: `["row", row, "<column>"]`.
    fn row_error(&self, fault: Fault, row: usize) -> Error {
        let column = self.name(fault.column()).to_string();
        fault.into_error().with_loc(Loc(vec![
            LocItem::key("row"),
            LocItem::from(row),
            LocItem::key(&column),
        ]))
    }

    /// The fields this adds to a batch.
    fn fields(&self) -> Vec<Field> {
        let (deadline, status) = if self.options.numpy {
            let categories = STATUSES.map(|s| format!("\"{}\"", s.name())).join(",");
            let categories = HashMap::from([("categories".to_string(), format!("[{categories}]"))]);
            (
                DataType::Timestamp(TimeUnit::Millisecond, None),
                Field::new("status", DataType::Int8, true).with_metadata(categories),
            )
        } else {
            let dictionary =
                DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8));
            (DataType::Date32, Field::new("status", dictionary, true))
        };
        let mut fields = vec![
            Field::new("deadline", deadline, true),
            status,
            Field::new("days", DataType::UInt32, true),
        ];
        if self.options.errors == OnError::Column {
            fields.push(Field::new("error", DataType::Utf8, true));
        }
        fields
    }

    /// The schema of an output batch for an input of schema `input`.
    ///
    /// # Errors
    /// `invalid_input` at an added column's name when `keep` would repeat an input column.
    pub fn schema(&self, input: &Schema) -> Result<SchemaRef, Error> {
        output_schema(input, self.fields(), self.options.keep)
    }

    fn column<'b>(&self, batch: &'b RecordBatch, name: &str) -> Result<&'b ArrayRef, Error> {
        batch.column_by_name(name).ok_or_else(|| {
            wrong_column(
                name,
                "no such column (name it with the option of the same name)".to_string(),
                "没有该列（请用同名选项指定列名）".to_string(),
            )
        })
    }

    /// Evaluates one batch whose first row is row `first_row` of the whole input.
    ///
    /// # Errors
    /// `invalid_input` at a column's name for a missing column or one of a type that holds
    /// no such values; with [`OnError::Raise`], the first bad row's error at `["row", i,
    /// "<column>"]`; `internal_error` if Arrow cannot build the output (it always should).
    pub fn evaluate(&self, batch: &RecordBatch, first_row: usize) -> Result<Evaluated, Error> {
        self.evaluate_threads(batch, first_row, 1)
    }

    /// [`Register::evaluate`] with the rows of a batch of more than 2^18 rows shared
    /// between up to `threads` threads, each writing its part of the same output columns:
    /// one output batch, as from one thread (the first bad row in row order is the one
    /// raised). [`Register::evaluate_parallel`] answers a batch per part instead, each
    /// built on its own thread.
    ///
    /// # Errors
    /// As [`Register::evaluate`].
    ///
    /// # Example: 600 000 opinions received on 2008-09-25, class 1, none fed back
    /// ```
    /// use arrow_array::{cast::AsArray, types::Date32Type, Date32Array, Int8Array, RecordBatch};
    /// use liaison_arrow::Register;
    /// use std::sync::Arc;
    /// let day = |s: &str| liaison::register::to_days(s.parse().unwrap());
    /// let n = 600_000;
    /// let batch = RecordBatch::try_from_iter([
    ///     ("received", Arc::new(Date32Array::from(vec![day("2008-09-25"); n])) as _),
    ///     ("responsibility", Arc::new(Int8Array::from(vec![1; n])) as _),
    /// ])?;
    /// let request = serde_json::json!({"as_of": "2008-12-31", "fed_back": null});
    /// let out = Register::from_request(&request)?.evaluate_threads(&batch, 0, 3)?.batch;
    /// assert_eq!(out.num_rows(), n);
    /// // 10-05 is in the National Day holiday: every deadline moves to 10-06 (S5.1, A2).
    /// let deadline = out.column(0).as_primitive::<Date32Type>();
    /// assert!(deadline.values().iter().all(|&d| d == day("2008-10-06")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate_threads(
        &self,
        batch: &RecordBatch,
        first_row: usize,
        threads: usize,
    ) -> Result<Evaluated, Error> {
        guarded(|| self.evaluate_unguarded(batch, first_row, threads))
    }

    /// [`Register::evaluate`] for a large batch, cut into parts of at least 2^18 rows
    /// evaluated on up to `threads` threads at once; one output batch per part, in row
    /// order (the first bad row in row order is the one raised).
    ///
    /// # Errors
    /// As [`Register::evaluate`].
    pub fn evaluate_parallel(
        &self,
        batch: &RecordBatch,
        first_row: usize,
        threads: usize,
    ) -> Result<Vec<Evaluated>, Error> {
        Columnar::evaluate_parallel(self, batch, first_row, threads)
    }

    /// The core alone on the rows of `batch`, for benchmarks: the rows first read into
    /// plain vectors (days, classes, optional feedback days: what `cargo bench` feeds the
    /// core), then every row's [`RegisterEvaluator::evaluate`] on up to `threads` threads,
    /// nothing written but a checksum. Answers the checksum and the time of the evaluation
    /// alone, so that a host's benchmark can set the way in and out beside the core on the
    /// same rows.
    ///
    /// # Errors
    /// `invalid_input` for a missing column or one of a type that holds no such values.
    pub fn core_alone(
        &self,
        batch: &RecordBatch,
        threads: usize,
    ) -> Result<(u64, std::time::Duration), Error> {
        let n = batch.num_rows();
        let mut faults = Vec::new();
        let received = self.options.received.as_str();
        let nat = self.options.numpy;
        let mut received = DayColumn::read(self.column(batch, received)?.as_ref(), received, nat)?;
        let received = received.decode(n, Col::Received, &mut faults, threads)?;
        let class = self.options.responsibility.as_str();
        let classes = ClassColumn::read(self.column(batch, class)?.as_ref(), class)?;
        let classes: Vec<Option<liaison::Responsibility>> =
            (0..n).map(|i| classes.class(i).ok()).collect();
        let fed: Vec<Option<i32>> = match &self.options.fed_back {
            Some(name) => {
                let mut column = DayColumn::read(self.column(batch, name)?.as_ref(), name, nat)?;
                let days = column.decode(n, Col::FedBack, &mut faults, threads)?;
                days.iter()
                    .enumerate()
                    .map(|(i, d)| {
                        column
                            .nulls
                            .as_ref()
                            .is_none_or(|v| v.is_valid(i))
                            .then_some(*d)
                    })
                    .collect()
            }
            None => vec![None; n],
        };
        let as_of = Some(self.as_of);
        let start = std::time::Instant::now();
        let sums = in_parts(n, threads, |at, len| {
            let part = at..at + len;
            let (received, classes, fed) = (
                received.get(part.clone()).unwrap_or_default(),
                classes.get(part.clone()).unwrap_or_default(),
                fed.get(part).unwrap_or_default(),
            );
            let rows = received.iter().zip(classes).zip(fed);
            let mut acc = 0u64;
            for ((&r, c), &f) in rows {
                let Some(c) = *c else { continue };
                if let Ok(row) = self.evaluator.evaluate(r, c, f, as_of) {
                    // All three answers in the sum: one left out is work the compiler drops.
                    let status = u64::from(status_key(row.status).unsigned_abs()) << 40;
                    let answer = u64::from(row.days) ^ u64::from(row.deadline.unsigned_abs());
                    acc = acc.wrapping_add(answer ^ status);
                }
            }
            Ok(acc)
        })?;
        let elapsed = start.elapsed();
        Ok((sums.into_iter().fold(0, u64::wrapping_add), elapsed))
    }

    /// Each input column is first read whole (a `date32` column as it is, other types
    /// converted), every unreadable cell noted as a fault of its row; then one tight loop
    /// asks the core about every row that has none.
    fn evaluate_unguarded(
        &self,
        batch: &RecordBatch,
        first_row: usize,
        threads: usize,
    ) -> Result<Evaluated, Error> {
        let schema = self.schema(batch.schema_ref())?;
        let n = batch.num_rows();
        // Faults of unreadable dates; sorted by row below, the first of a row kept. A bad
        // class is found in the loop.
        let mut faults = Vec::new();
        let received_name = &self.options.received;
        let nat = self.options.numpy;
        let column = self.column(batch, received_name)?.as_ref();
        let mut received = DayColumn::read(column, received_name, nat)?;
        let received_days = received.decode(n, Col::Received, &mut faults, threads)?;
        if let Some(nulls) = received.nulls.as_ref().filter(|n| n.null_count() > 0) {
            for (i, valid) in nulls.iter().enumerate() {
                if !valid {
                    faults.push((i, Fault::Missing(Col::Received)));
                }
            }
        }
        let class_name = &self.options.responsibility;
        let classes = ClassColumn::read(self.column(batch, class_name)?.as_ref(), class_name)?;
        let (fed_days, fed_nulls) = match &self.options.fed_back {
            Some(name) => {
                let mut fed = DayColumn::read(self.column(batch, name)?.as_ref(), name, nat)?;
                let days = fed.decode(n, Col::FedBack, &mut faults, threads)?;
                (days, fed.nulls.filter(|n| n.null_count() > 0))
            }
            None => (Decoded::Owned(vec![0; n]), Some(NullBuffer::new_null(n))),
        };
        faults.sort_by_key(|(row, _)| *row);
        faults.dedup_by_key(|(row, _)| *row);
        let rows = Rows {
            received: &received_days,
            classes: &classes,
            fed_back: &fed_days,
            first_row,
        };
        let digits = &classes.digits;
        let fed_nulls = fed_nulls.as_ref();
        macro_rules! ints {
            ($values:expr) => {
                self.run_with(
                    &rows,
                    &Ints::new($values, digits),
                    fed_nulls,
                    faults,
                    threads,
                )?
            };
        }
        let out = match &classes.classes {
            _ if classes.nulls.as_ref().is_some_and(|n| n.null_count() > 0) => {
                self.run_with(&rows, &AnyClass(&classes), fed_nulls, faults, threads)?
            }
            Classes::I8(v) => ints!(v),
            Classes::I16(v) => ints!(v),
            Classes::I32(v) => ints!(v),
            Classes::I64(v) => ints!(v),
            Classes::U8(v) => ints!(v),
            Classes::U16(v) => ints!(v),
            Classes::U32(v) => ints!(v),
            Classes::U64(v) => ints!(v),
            Classes::Text(_) | Classes::Dictionary(..) | Classes::Nulls => {
                self.run_with(&rows, &AnyClass(&classes), fed_nulls, faults, threads)?
            }
        };
        let mut columns: Vec<ArrayRef> = if self.options.keep {
            batch.columns().to_vec()
        } else {
            Vec::new()
        };
        let (arrays, errors) = self.arrays(out, n, first_row, threads)?;
        columns.extend(arrays);
        let batch = RecordBatch::try_new(schema, columns)
            .map_err(|_| internal("the output batch cannot be built"))?;
        Ok(Evaluated { batch, errors })
    }

    /// The Arrow arrays of the output columns (failed rows null) and the rows' errors.
    fn arrays(
        &self,
        out: Columns,
        n: usize,
        first_row: usize,
        threads: usize,
    ) -> Result<(Vec<ArrayRef>, Vec<Error>), Error> {
        let nulls = failed_rows(n, out.faults.iter().map(|(row, _)| *row));
        let (deadline, status): (ArrayRef, ArrayRef) = if self.options.numpy {
            let ms = pool::MILLIS.buffer(stamps::millis(&out.deadline, threads)?);
            (
                Arc::new(TimestampMillisecondArray::new(ms, nulls.clone())),
                Arc::new(Int8Array::new(pool::KEYS.buffer(out.status), nulls.clone())),
            )
        } else {
            let days = pool::DEADLINES.buffer(out.deadline);
            (
                Arc::new(Date32Array::new(days, nulls.clone())),
                dictionary(out.status, nulls.clone(), &self.statuses)?,
            )
        };
        let days = UInt32Array::new(pool::DAYS.buffer(out.days), nulls);
        let mut arrays: Vec<ArrayRef> = vec![deadline, status, Arc::new(days)];
        let mut errors = Vec::with_capacity(out.faults.len());
        if self.options.errors == OnError::Column {
            let mut codes: Vec<Option<&str>> = vec![None; n];
            for (row, fault) in out.faults {
                if let Some(slot) = codes.get_mut(row) {
                    *slot = Some(fault.code());
                }
                errors.push(self.row_error(fault, first_row + row));
            }
            arrays.push(Arc::new(StringArray::from(codes)));
        }
        Ok((arrays, errors))
    }
}

impl Columnar for Register {
    fn schema(&self, input: &Schema) -> Result<SchemaRef, Error> {
        Register::schema(self, input)
    }

    fn evaluate(&self, batch: &RecordBatch, first_row: usize) -> Result<Evaluated, Error> {
        Register::evaluate(self, batch, first_row)
    }

    /// One batch per part; one batch for a NumPy host (see [`Options::numpy`]), whose
    /// columns must each be one array.
    fn evaluate_parallel(
        &self,
        batch: &RecordBatch,
        first_row: usize,
        threads: usize,
    ) -> Result<Vec<Evaluated>, Error> {
        if self.options.numpy {
            return Ok(vec![self.evaluate_threads(batch, first_row, threads)?]);
        }
        crate::batch_per_part(self, batch, first_row, threads)
    }
}
