//! The batch path of S5: a whole register (form F4) as Arrow columns, evaluated by the
//! core's [`RegisterEvaluator`] row by row, without copying the inputs (a `date32` column
//! is read from its own values and validity buffers) and without the GIL.
//!
//! This reads each cell as the core's types (days since 1970-01-01, a [`Responsibility`])
//! and writes the core's answers as Arrow columns; every deadline and status is the core's.
//! Tables come in through the Arrow PyCapsule interface (`pyo3-arrow`), so pyarrow, polars,
//! pandas and duckdb all work, and go out as pyarrow objects when pyarrow is importable.

use crate::args;
use crate::error::{BindError, BindResult};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int16Type, Int32Type, Int64Type, Int8Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{
    Array, ArrayRef, ArrowPrimitiveType, Date32Array, DictionaryArray, Int8Array, LargeStringArray,
    RecordBatch, RecordBatchReader, StringArray, StringViewArray, UInt32Array,
};
use arrow_buffer::{ArrowNativeType, BooleanBufferBuilder, NullBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef, TimeUnit};
use liaison::register::{to_days, RegisterEvaluator};
use liaison::{Error, Responsibility, Status};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::{PyRecordBatch, PyRecordBatchReader, PyTable};
use std::borrow::Cow;
use std::sync::{Arc, Mutex};

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

/// Which of the three input columns a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Received,
    Responsibility,
    FedBack,
}

/// What is wrong with one row, cheap to make: the full error (with its text) is only built
/// for the row that is raised.
#[derive(Debug)]
enum Fault {
    /// A null where a value is needed (`received`, `responsibility`).
    Missing(Col),
    /// A cell that is not a day (text that is not an ISO date, a time of day).
    NotADay(Col),
    /// The core's error for the row (boxed: a row that is fine moves less).
    Core(Box<Error>, Col),
}

impl Fault {
    fn column(&self) -> Col {
        match self {
            Fault::Missing(col) | Fault::NotADay(col) | Fault::Core(_, col) => *col,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Fault::Missing(_) => "invalid_input",
            Fault::NotADay(_) => "invalid_date",
            Fault::Core(e, _) => e.code(),
        }
    }
}

/// The column a core error of [`RegisterEvaluator::evaluate`] is about.
fn column_of(e: &Error) -> Col {
    match e {
        Error::FeedbackBeforeReceipt { .. } => Col::FedBack,
        Error::InvalidResponsibility { .. } => Col::Responsibility,
        // as_of before receipt, a deadline the calendar does not cover or cannot reach: the
        // row's date of receipt.
        _ => Col::Received,
    }
}

/// `errors=`: what a bad row does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Raise `LiaisonError` naming the first bad row.
    Raise,
    /// Nulls for the row and its code in an `error` column.
    Column,
}

/// The options shared by `evaluate_register` and `evaluate_batches`.
pub struct Options {
    mode: Mode,
    received: String,
    responsibility: String,
    fed_back: Option<String>,
    keep: bool,
}

impl Options {
    /// Reads `errors=` and the column names.
    pub fn new(
        errors: &str,
        received: String,
        responsibility: String,
        fed_back: Option<String>,
        keep: bool,
    ) -> BindResult<Self> {
        let mode = match errors {
            "raise" => Mode::Raise,
            "column" => Mode::Column,
            _ => {
                return Err(Error::InvalidInput {
                    field: "errors".to_string(),
                    detail: "must be \"raise\" or \"column\"".to_string(),
                }
                .into())
            }
        };
        Ok(Options {
            mode,
            received,
            responsibility,
            fed_back,
            keep,
        })
    }

    fn name(&self, col: Col) -> &str {
        match col {
            Col::Received => &self.received,
            Col::Responsibility => &self.responsibility,
            Col::FedBack => self.fed_back.as_deref().unwrap_or("fed_back"),
        }
    }
}

/// Why a batch could not be evaluated.
enum Failure {
    /// A bad row (in `errors="raise"`), by its index in the whole input.
    Row(Fault, usize),
    /// A missing column or one of a type that holds no such values.
    Column(Error),
    /// Arrow could not build the output (it always should).
    Arrow(ArrowError),
    /// A worker thread panicked (a bug: reported, never a crash).
    Panic,
}

impl From<ArrowError> for Failure {
    fn from(e: ArrowError) -> Self {
        Failure::Arrow(e)
    }
}

fn wrong_column(name: &str, detail: String) -> Failure {
    Failure::Column(Error::InvalidInput {
        field: name.to_string(),
        detail,
    })
}

/// One cell read as a value of the core.
enum Cell<T> {
    Null,
    Bad,
    Value(T),
}

/// A text column of any of Arrow's three string layouts.
enum Text<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
}

impl Text<'_> {
    fn of(array: &dyn Array) -> Option<Text<'_>> {
        if let Some(a) = array.as_string_opt::<i32>() {
            return Some(Text::Utf8(a));
        }
        if let Some(a) = array.as_string_opt::<i64>() {
            return Some(Text::Large(a));
        }
        array.as_string_view_opt().map(Text::View)
    }

    fn len(&self) -> usize {
        match self {
            Text::Utf8(a) => a.len(),
            Text::Large(a) => a.len(),
            Text::View(a) => a.len(),
        }
    }

    /// The text of row `i` (`i` below `len`).
    fn value(&self, i: usize) -> &str {
        match self {
            Text::Utf8(a) => a.value(i),
            Text::Large(a) => a.value(i),
            Text::View(a) => a.value(i),
        }
    }
}

/// A date column as days since 1970-01-01.
enum Days<'a> {
    /// `date32`: the values buffer itself.
    Date32(&'a [i32]),
    /// `date64` or a `timestamp` without time zone: units since the epoch, `per_day` a day.
    Scaled(&'a [i64], i64),
    /// ISO `YYYY-MM-DD` text, parsed by the core.
    Text(Text<'a>),
    /// A dictionary of ISO text: each value parsed once, rows by their normalized keys.
    Dictionary(Vec<usize>, Vec<Option<i32>>),
}

/// A date column and its validity (logical nulls).
struct DayColumn<'a> {
    days: Days<'a>,
    nulls: Option<NullBuffer>,
}

fn iso_day(text: &str) -> Option<i32> {
    liaison::convert::parse_date("", text).ok().map(to_days)
}

impl<'a> DayColumn<'a> {
    fn read(array: &'a dyn Array, name: &str) -> Result<Self, Failure> {
        let nulls = array.logical_nulls();
        let scaled = |values: &'a [i64], per_day: i64| Days::Scaled(values, per_day);
        let days = match array.data_type() {
            DataType::Date32 => Days::Date32(array.as_primitive::<Date32Type>().values()),
            DataType::Date64 => scaled(array.as_primitive::<Date64Type>().values(), 86_400_000),
            DataType::Timestamp(unit, None) => match unit {
                TimeUnit::Second => {
                    scaled(array.as_primitive::<TimestampSecondType>().values(), 86_400)
                }
                TimeUnit::Millisecond => scaled(
                    array.as_primitive::<TimestampMillisecondType>().values(),
                    86_400_000,
                ),
                TimeUnit::Microsecond => scaled(
                    array.as_primitive::<TimestampMicrosecondType>().values(),
                    86_400_000_000,
                ),
                TimeUnit::Nanosecond => scaled(
                    array.as_primitive::<TimestampNanosecondType>().values(),
                    86_400_000_000_000,
                ),
            },
            DataType::Dictionary(_, value) if Text::of_type(value) => {
                let dict = array
                    .as_any_dictionary_opt()
                    .ok_or_else(|| wrong_column(name, "an unreadable dictionary".to_string()))?;
                let values = Text::of(dict.values().as_ref())
                    .ok_or_else(|| wrong_column(name, "an unreadable dictionary".to_string()))?;
                let parsed = (0..values.len())
                    .map(|i| iso_day(values.value(i)))
                    .collect();
                Days::Dictionary(dict.normalized_keys(), parsed)
            }
            other => match Text::of(array) {
                Some(text) => Days::Text(text),
                None => {
                    return Err(wrong_column(
                        name,
                        format!(
                            "a column of type {other} is not dates: give date32 (date64, a \
                             timestamp without time zone at midnight, or ISO text also read)"
                        ),
                    ))
                }
            },
        };
        Ok(DayColumn { days, nulls })
    }

    #[inline(always)]
    fn day(&self, i: usize) -> Cell<i32> {
        if self.nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            return Cell::Null;
        }
        let day = match &self.days {
            Days::Date32(values) => values.get(i).copied(),
            Days::Scaled(values, per_day) => values.get(i).and_then(|v| {
                (v.rem_euclid(*per_day) == 0)
                    .then(|| i32::try_from(v.div_euclid(*per_day)).ok())
                    .flatten()
            }),
            Days::Text(text) => iso_day(text.value(i)),
            Days::Dictionary(keys, parsed) => {
                keys.get(i).and_then(|k| parsed.get(*k)).copied().flatten()
            }
        };
        day.map_or(Cell::Bad, Cell::Value)
    }
}

impl<'a> DayColumn<'a> {
    /// The days of every row: the `date32` values buffer itself, else converted, each cell
    /// that is not a day added to `faults`. Nulls are left to the validity buffer.
    fn decode(&self, n: usize, col: Col, faults: &mut Vec<(usize, Fault)>) -> Cow<'a, [i32]> {
        if let Days::Date32(values) = self.days {
            return Cow::Borrowed(values);
        }
        let mut out = vec![0; n];
        for (i, slot) in out.iter_mut().enumerate() {
            match self.day(i) {
                Cell::Value(d) => *slot = d,
                Cell::Null => {}
                Cell::Bad => faults.push((i, Fault::NotADay(col))),
            }
        }
        Cow::Owned(out)
    }
}

impl Text<'_> {
    fn of_type(data_type: &DataType) -> bool {
        matches!(
            data_type,
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
        )
    }
}

/// A responsibility column: integers 1–4 of any width, text (name, digit or label) or a
/// dictionary of text.
enum Classes<'a> {
    I8(&'a [i8]),
    I16(&'a [i16]),
    I32(&'a [i32]),
    I64(&'a [i64]),
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    U64(&'a [u64]),
    Text(Text<'a>),
    /// Each dictionary value parsed once, rows by their normalized keys.
    Dictionary(Vec<usize>, Vec<liaison::Result<Responsibility>>),
}

/// A class column and its validity (logical nulls).
struct ClassColumn<'a> {
    classes: Classes<'a>,
    nulls: Option<NullBuffer>,
    digits: Digits,
}

/// The classes of the digits 0–4 as the core reads them (`Responsibility::from_digit`),
/// looked up per row instead of asking the core again.
type Digits = [Option<Responsibility>; 5];

fn digits() -> Digits {
    [0, 1, 2, 3, 4].map(|d| Responsibility::from_digit(d).ok())
}

/// The core's class for an integer cell.
#[inline(always)]
fn digit<T: ArrowNativeType>(
    digits: &Digits,
    value: Option<&T>,
) -> liaison::Result<Responsibility> {
    let value = value.copied().unwrap_or_default();
    let wide = value.to_i64();
    if let Some(class) = wide
        .and_then(|v| usize::try_from(v).ok())
        .and_then(|v| digits.get(v).copied().flatten())
    {
        return Ok(class);
    }
    match wide.and_then(|v| u64::try_from(v).ok()) {
        Some(d) => Responsibility::from_digit(d),
        None => Err(Error::InvalidResponsibility {
            field: "responsibility".to_string(),
            value: format!("{value:?}"),
        }),
    }
}

fn ints<T: ArrowPrimitiveType>(array: &dyn Array) -> &[T::Native] {
    array.as_primitive::<T>().values()
}

impl<'a> ClassColumn<'a> {
    fn read(array: &'a dyn Array, name: &str) -> Result<Self, Failure> {
        let nulls = array.logical_nulls();
        let classes = match array.data_type() {
            DataType::Int8 => Classes::I8(ints::<Int8Type>(array)),
            DataType::Int16 => Classes::I16(ints::<Int16Type>(array)),
            DataType::Int32 => Classes::I32(ints::<Int32Type>(array)),
            DataType::Int64 => Classes::I64(ints::<Int64Type>(array)),
            DataType::UInt8 => Classes::U8(ints::<UInt8Type>(array)),
            DataType::UInt16 => Classes::U16(ints::<UInt16Type>(array)),
            DataType::UInt32 => Classes::U32(ints::<UInt32Type>(array)),
            DataType::UInt64 => Classes::U64(ints::<UInt64Type>(array)),
            DataType::Dictionary(_, value) if Text::of_type(value) => {
                let dict = array
                    .as_any_dictionary_opt()
                    .ok_or_else(|| wrong_column(name, "an unreadable dictionary".to_string()))?;
                let values = Text::of(dict.values().as_ref())
                    .ok_or_else(|| wrong_column(name, "an unreadable dictionary".to_string()))?;
                let parsed = (0..values.len()).map(|i| values.value(i).parse()).collect();
                Classes::Dictionary(dict.normalized_keys(), parsed)
            }
            other => match Text::of(array) {
                Some(text) => Classes::Text(text),
                None => {
                    return Err(wrong_column(
                        name,
                        format!(
                            "a column of type {other} is not responsibility classes: give \
                             integers 1-4, text (name, digit or Chinese label) or a \
                             dictionary of text"
                        ),
                    ))
                }
            },
        };
        Ok(ClassColumn {
            classes,
            nulls,
            digits: digits(),
        })
    }

    #[inline(always)]
    fn class(&self, i: usize) -> Result<Responsibility, Fault> {
        if self.nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            return Err(Fault::Missing(Col::Responsibility));
        }
        let class = match &self.classes {
            Classes::I8(v) => digit(&self.digits, v.get(i)),
            Classes::I16(v) => digit(&self.digits, v.get(i)),
            Classes::I32(v) => digit(&self.digits, v.get(i)),
            Classes::I64(v) => digit(&self.digits, v.get(i)),
            Classes::U8(v) => digit(&self.digits, v.get(i)),
            Classes::U16(v) => digit(&self.digits, v.get(i)),
            Classes::U32(v) => digit(&self.digits, v.get(i)),
            Classes::U64(v) => digit(&self.digits, v.get(i)),
            Classes::Text(text) => text.value(i).parse(),
            Classes::Dictionary(keys, parsed) => match keys.get(i).and_then(|k| parsed.get(*k)) {
                Some(class) => class.clone(),
                None => return Err(Fault::Missing(Col::Responsibility)),
            },
        };
        class.map_err(|e| Fault::Core(Box::new(e), Col::Responsibility))
    }
}

/// A class column read in the hot loop: `None` for a null or bad cell, whose fault the
/// full [`ClassColumn::class`] then tells.
trait ClassAt {
    fn at(&self, i: usize) -> Option<Responsibility>;
}

/// An integer class column: the values buffer itself, looked up in the core's digits.
struct Ints<'a, T> {
    values: &'a [T],
    nulls: Option<&'a NullBuffer>,
    digits: &'a Digits,
}

impl<T: ArrowNativeType> ClassAt for Ints<'_, T> {
    #[inline(always)]
    fn at(&self, i: usize) -> Option<Responsibility> {
        if self.nulls.is_some_and(|n| n.is_null(i)) {
            return None;
        }
        let value = self.values.get(i)?.to_i64()?;
        self.digits
            .get(usize::try_from(value).ok()?)
            .copied()
            .flatten()
    }
}

/// Any other class column (text, dictionary): the full reading per row.
struct AnyClass<'a, 'b>(&'b ClassColumn<'a>);

impl ClassAt for AnyClass<'_, '_> {
    #[inline(always)]
    fn at(&self, i: usize) -> Option<Responsibility> {
        self.0.class(i).ok()
    }
}

/// The output columns of one batch, before they become Arrow arrays.
struct Columns {
    deadline: Vec<i32>,
    status: Vec<i8>,
    days: Vec<u32>,
    /// Rows that failed (column mode), with their code, in row order.
    faults: Vec<(usize, &'static str)>,
}

/// The fewest rows worth a thread of their own in `evaluate_register`.
const PART: usize = 1 << 18;

/// The threads `evaluate_register` may use: the machine's, at most 8.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// The decoded input columns of one batch.
struct Rows<'a> {
    received: &'a [i32],
    /// The class column, for the fault of a row whose class is missing or bad.
    classes: &'a ClassColumn<'a>,
    fed_back: &'a [i32],
    /// The index of the batch's first row in the whole input.
    first_row: usize,
}

/// A compiled evaluator with its `as_of` and options: one per call, used for every batch.
pub struct Register {
    evaluator: RegisterEvaluator,
    as_of: i32,
    options: Options,
    /// `["on_time", "late", "open", "overdue"]`, the dictionary of every `status` column.
    statuses: ArrayRef,
}

impl Register {
    /// Compiles the policy's deadlines once.
    pub fn new(policy: &liaison::Policy, as_of: i32, options: Options) -> BindResult<Self> {
        Ok(Register {
            evaluator: RegisterEvaluator::new(policy)?,
            as_of,
            options,
            statuses: Arc::new(StringArray::from_iter_values(STATUSES.map(Status::name))),
        })
    }

    /// The fields this adds to a batch.
    fn fields(&self) -> Vec<Field> {
        let mut fields = vec![
            Field::new("deadline", DataType::Date32, true),
            Field::new(
                "status",
                DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8)),
                true,
            ),
            Field::new("days", DataType::UInt32, true),
        ];
        if self.options.mode == Mode::Column {
            fields.push(Field::new("error", DataType::Utf8, true));
        }
        fields
    }

    /// The schema of an output batch for an input of `input` schema.
    fn schema(&self, input: &Schema) -> Result<SchemaRef, Failure> {
        let added = self.fields();
        if !self.options.keep {
            return Ok(Arc::new(Schema::new(added)));
        }
        for f in &added {
            if input.column_with_name(f.name()).is_some() {
                return Err(wrong_column(
                    f.name(),
                    "the input already has a column of this name, which `keep=True` would \
                     repeat"
                        .to_string(),
                ));
            }
        }
        let mut fields: Vec<Field> = input.fields().iter().map(|f| f.as_ref().clone()).collect();
        fields.extend(added);
        Ok(Arc::new(Schema::new_with_metadata(
            fields,
            input.metadata().clone(),
        )))
    }

    fn column<'b>(&self, batch: &'b RecordBatch, name: &str) -> Result<&'b ArrayRef, Failure> {
        batch.column_by_name(name).ok_or_else(|| {
            wrong_column(
                name,
                "no such column (name it with the keyword of the same name)".to_string(),
            )
        })
    }

    /// Evaluates one batch whose first row is row `first_row` of the whole input. Touches
    /// no Python object: runs without the GIL.
    ///
    /// Each input column is first read whole (a `date32` column as it is, other types
    /// converted), every unreadable cell noted as a fault of its row; then one tight loop
    /// asks the core about every row that has none.
    fn evaluate(&self, batch: &RecordBatch, first_row: usize) -> Result<RecordBatch, Failure> {
        let schema = self.schema(batch.schema_ref())?;
        let n = batch.num_rows();
        // Faults of unreadable dates, received before fed_back as the row-by-row rule reads
        // them; sorted by row below, the first of a row kept. A bad class is found in the
        // loop (and comes before a bad fed_back).
        let mut faults = Vec::new();
        let received_name = &self.options.received;
        let received = DayColumn::read(self.column(batch, received_name)?.as_ref(), received_name)?;
        let received_days = received.decode(n, Col::Received, &mut faults);
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
                let fed = DayColumn::read(self.column(batch, name)?.as_ref(), name)?;
                let days = fed.decode(n, Col::FedBack, &mut faults);
                (days, fed.nulls.filter(|n| n.null_count() > 0))
            }
            None => (Cow::Owned(vec![0; n]), Some(NullBuffer::new_null(n))),
        };
        faults.sort_by_key(|(row, _)| *row);
        faults.dedup_by_key(|(row, _)| *row);
        let rows = Rows {
            received: &received_days,
            classes: &classes,
            fed_back: &fed_days,
            first_row,
        };
        let nulls = classes.nulls.as_ref().filter(|n| n.null_count() > 0);
        let digits = &classes.digits;
        macro_rules! ints {
            ($values:expr) => {
                self.run_with(
                    &rows,
                    &Ints {
                        values: $values,
                        nulls,
                        digits,
                    },
                    fed_nulls.as_ref(),
                    faults,
                )?
            };
        }
        let out = match &classes.classes {
            Classes::I8(v) => ints!(v),
            Classes::I16(v) => ints!(v),
            Classes::I32(v) => ints!(v),
            Classes::I64(v) => ints!(v),
            Classes::U8(v) => ints!(v),
            Classes::U16(v) => ints!(v),
            Classes::U32(v) => ints!(v),
            Classes::U64(v) => ints!(v),
            Classes::Text(_) | Classes::Dictionary(..) => {
                self.run_with(&rows, &AnyClass(&classes), fed_nulls.as_ref(), faults)?
            }
        };
        let mut columns: Vec<ArrayRef> = if self.options.keep {
            batch.columns().to_vec()
        } else {
            Vec::new()
        };
        columns.extend(self.arrays(out, n)?);
        Ok(RecordBatch::try_new(schema, columns)?)
    }

    /// [`Register::evaluate`] for a large batch, cut into parts of at least [`PART`] rows
    /// evaluated on up to `threads` threads at once; one output batch per part, in row
    /// order (the first bad row in row order is the one raised).
    fn evaluate_parallel(
        &self,
        batch: &RecordBatch,
        first_row: usize,
        threads: usize,
    ) -> Result<Vec<RecordBatch>, Failure> {
        let n = batch.num_rows();
        let parts = threads.min(n.div_ceil(PART)).max(1);
        if parts == 1 {
            return Ok(vec![self.evaluate(batch, first_row)?]);
        }
        let size = n.div_ceil(parts);
        let slices: Vec<(usize, RecordBatch)> = (0..n)
            .step_by(size)
            .map(|at| (at, batch.slice(at, size.min(n - at))))
            .collect();
        let results: Vec<Result<RecordBatch, Failure>> = std::thread::scope(|scope| {
            let workers: Vec<_> = slices
                .iter()
                .map(|(at, part)| scope.spawn(move || self.evaluate(part, first_row + at)))
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or(Err(Failure::Panic)))
                .collect()
        });
        results.into_iter().collect()
    }

    /// [`Register::run`] with the validity of `fed_back` as an iterator.
    fn run_with(
        &self,
        rows: &Rows<'_>,
        classes: &impl ClassAt,
        fed_nulls: Option<&NullBuffer>,
        faults: Vec<(usize, Fault)>,
    ) -> Result<Columns, Failure> {
        match fed_nulls {
            Some(nulls) => self.run(rows, classes, nulls.iter(), faults),
            None => self.run(rows, classes, std::iter::repeat(true), faults),
        }
    }

    /// The core's answer for every row, in one loop over plain slices; `fed_valid` says
    /// which `fed_back` cells hold a date, `faults` (sorted by row) which rows have a date
    /// that cannot be read.
    fn run(
        &self,
        rows: &Rows<'_>,
        classes: &impl ClassAt,
        fed_valid: impl Iterator<Item = bool>,
        faults: Vec<(usize, Fault)>,
    ) -> Result<Columns, Failure> {
        let n = rows.received.len();
        let mut deadline = vec![0; n];
        let mut status = vec![0; n];
        let mut days = vec![0; n];
        let mut failed = Vec::new();
        let mut faults = faults.into_iter();
        let mut next = faults.next();
        let as_of = Some(self.as_of);
        let raise = self.options.mode == Mode::Raise;
        let outputs = deadline
            .iter_mut()
            .zip(status.iter_mut())
            .zip(days.iter_mut());
        let cells = rows
            .received
            .iter()
            .zip(rows.fed_back.iter().zip(fed_valid))
            .zip(outputs);
        for (i, ((received, (fed, valid)), ((d, s), k))) in cells.enumerate() {
            let date_fault = match next {
                Some((row, _)) if row == i => {
                    let fault = next.take().map(|(_, f)| f);
                    next = faults.next();
                    fault
                }
                _ => None,
            };
            let class = match classes.at(i) {
                Some(class) => Ok(class),
                None => rows.classes.class(i),
            };
            // In the order the row-by-row rule reads a row: received, class, fed_back.
            let fault = match (date_fault, class) {
                (Some(fault), _) if fault.column() == Col::Received => Some(fault),
                (_, Err(fault)) | (Some(fault), Ok(_)) => Some(fault),
                (None, Ok(class)) => {
                    let fed = valid.then_some(*fed);
                    match self.evaluator.evaluate(*received, class, fed, as_of) {
                        Ok(row) => {
                            *d = row.deadline;
                            *s = status_key(row.status);
                            *k = row.days;
                            None
                        }
                        Err(e) => {
                            let col = column_of(&e);
                            Some(Fault::Core(Box::new(e), col))
                        }
                    }
                }
            };
            if let Some(fault) = fault {
                if raise {
                    return Err(Failure::Row(fault, rows.first_row + i));
                }
                failed.push((i, fault.code()));
            }
        }
        Ok(Columns {
            deadline,
            status,
            days,
            faults: failed,
        })
    }

    /// The Arrow arrays of the output columns; failed rows are null.
    fn arrays(&self, out: Columns, n: usize) -> Result<Vec<ArrayRef>, Failure> {
        let nulls = (!out.faults.is_empty()).then(|| {
            let mut valid = BooleanBufferBuilder::new(n);
            valid.append_n(n, true);
            for (row, _) in &out.faults {
                valid.set_bit(*row, false);
            }
            NullBuffer::new(valid.finish())
        });
        let keys = Int8Array::new(ScalarBuffer::from(out.status), nulls.clone());
        let status = DictionaryArray::<Int8Type>::try_new(keys, Arc::clone(&self.statuses))?;
        let mut arrays: Vec<ArrayRef> = vec![
            Arc::new(Date32Array::new(
                ScalarBuffer::from(out.deadline),
                nulls.clone(),
            )),
            Arc::new(status),
            Arc::new(UInt32Array::new(ScalarBuffer::from(out.days), nulls)),
        ];
        if self.options.mode == Mode::Column {
            let mut codes: Vec<Option<&str>> = vec![None; n];
            for (row, code) in out.faults {
                if let Some(slot) = codes.get_mut(row) {
                    *slot = Some(code);
                }
            }
            arrays.push(Arc::new(StringArray::from(codes)));
        }
        Ok(arrays)
    }

    /// The Python exception for a failure.
    fn error(&self, failure: Failure) -> BindError {
        match failure {
            Failure::Column(e) => e.into(),
            Failure::Arrow(e) => PyValueError::new_err(e.to_string()).into(),
            Failure::Panic => {
                PyRuntimeError::new_err("liaison: a register worker thread panicked").into()
            }
            Failure::Row(fault, row) => {
                let at = |col: Col| format!("row {row}: {}", self.options.name(col));
                match fault {
                    Fault::Missing(col) => Error::InvalidInput {
                        field: at(col),
                        detail: "a missing value (null)".to_string(),
                    }
                    .into(),
                    Fault::NotADay(col) => Error::InvalidDate { field: at(col) }.into(),
                    Fault::Core(e, col) => match *e {
                        Error::InvalidResponsibility { value, .. } => {
                            Error::InvalidResponsibility {
                                field: at(col),
                                value,
                            }
                            .into()
                        }
                        e => BindError::At(e, at(col)),
                    },
                }
            }
        }
    }
}

/// Reads `evaluate_register`'s and `evaluate_batches`' arguments into a [`Register`].
#[allow(clippy::too_many_arguments)]
fn register(
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    errors: &str,
    received: String,
    responsibility: String,
    fed_back: Option<String>,
    keep: bool,
) -> BindResult<Register> {
    let as_of = to_days(args::date(as_of, "as_of")?);
    let policy = args::policy(policy)?;
    let options = Options::new(errors, received, responsibility, fed_back, keep)?;
    Register::new(policy.get(), as_of, options)
}

fn not_arrow(obj: &Bound<'_, PyAny>, what: &str) -> PyErr {
    let name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!(
        "{what} must speak the Arrow PyCapsule interface (__arrow_c_stream__ or \
         __arrow_c_array__: a pyarrow Table or RecordBatch, a polars DataFrame, a pandas \
         DataFrame with pyarrow installed, a duckdb relation), not {name}"
    ))
}

/// `pyarrow.table(table)` when pyarrow is importable, else the table itself (an
/// `arro3.core.Table`-like object speaking the PyCapsule interface).
fn export_table(py: Python<'_>, table: PyTable) -> PyResult<Bound<'_, PyAny>> {
    let table = Bound::new(py, table)?.into_any();
    match py.import("pyarrow") {
        Ok(pyarrow) => pyarrow.getattr("table")?.call1((table,)),
        Err(_) => Ok(table),
    }
}

/// S5.1–S5.6 for every row of a register: the deadline, status and days of each opinion,
/// as ``feedback_status`` gives them row by row, in the order of the rows.
///
/// ``table`` is anything that speaks the Arrow PyCapsule interface (``__arrow_c_stream__``
/// or ``__arrow_c_array__``): a pyarrow ``Table``, ``RecordBatch`` or ``RecordBatchReader``,
/// a polars ``DataFrame``, a pandas ``DataFrame`` (with pyarrow installed), a duckdb
/// relation. Its columns are read without copying:
///
/// - ``received`` (named by the keyword of the same name): ``date32``; ``date64``, a
///   ``timestamp`` without time zone at midnight, and ISO ``YYYY-MM-DD`` text are read too;
/// - ``responsibility``: integers 1–4 of any width, or text (the name, digit or Chinese
///   label; also dictionary-encoded, such as a pandas or polars category);
/// - ``fed_back``: dates as ``received``, null when not fed back; ``fed_back=None`` when the
///   table has no such column.
///
/// Returns a ``pyarrow.Table`` (or, without pyarrow, an object speaking the same interface)
/// with the columns ``deadline`` (``date32``), ``status`` (``dictionary<int8, utf8>`` of
/// ``on_time``, ``late``, ``open``, ``overdue``) and ``days`` (``uint32``); with
/// ``keep=True`` the input's columns come first. The policy's deadlines are compiled once;
/// the rows are evaluated without the GIL, a large table on several threads (up to the
/// machine's cores, at most 8; the output is then in several chunks).
///
/// A bad row (a null or unreadable cell, a class that is not 1–4, a feedback before
/// receipt, a receipt after ``as_of``, a date the holiday calendar does not cover) raises
/// ``LiaisonError`` with the core's code and ``field`` naming the row (counting from 0 over
/// the whole input) and the column, e.g. ``"row 17: responsibility"``. With
/// ``errors="column"`` the row's outputs are null instead and an extra ``error`` column
/// (``utf8``) holds its code (null where the row is fine).
///
/// Raises ``LiaisonError``: ``invalid_input`` for a missing column or one of a type that
/// holds no such values (``field`` is the column's name) and for ``errors`` other than
/// ``"raise"`` or ``"column"``; ``invalid_date`` for ``as_of``; ``invalid_policy``; a bad
/// row as above. ``TypeError`` for a ``table`` that is not Arrow data.
///
/// >>> import datetime, liaison, pyarrow as pa
/// >>> table = pa.table({
/// ...     "received": pa.array([datetime.date(2008, 9, 25), datetime.date(2008, 9, 25),
/// ...                           datetime.date(2008, 12, 1)]),
/// ...     "responsibility": [1, 1, 4],
/// ...     "fed_back": pa.array([datetime.date(2008, 10, 7), None, None], pa.date32()),
/// ... })
/// >>> out = liaison.evaluate_register(table, "2008-12-31")
/// >>> out.column("deadline").to_pylist()  # 10-05 is in the National Day holiday
/// [datetime.date(2008, 10, 6), datetime.date(2008, 10, 6), datetime.date(2009, 1, 12)]
/// >>> out.column("status").to_pylist(), out.column("days").to_pylist()
/// (['late', 'overdue', 'open'], [1, 86, 12])
/// >>> bad = table.set_column(1, "responsibility", pa.array([1, 5, 4]))
/// >>> try:
/// ...     liaison.evaluate_register(bad, "2008-12-31")
/// ... except liaison.LiaisonError as e:
/// ...     print(e.code, e.field)
/// invalid_responsibility row 1: responsibility
/// >>> liaison.evaluate_register(bad, "2008-12-31", errors="column").column("error").to_pylist()
/// [None, 'invalid_responsibility', None]
#[pyfunction]
#[pyo3(
    signature = (table, as_of, policy = None, *, errors = "raise", received = "received".to_string(), responsibility = "responsibility".to_string(), fed_back = Some("fed_back".to_string()), keep = false),
    text_signature = "(table, as_of, policy=None, *, errors='raise', received='received', responsibility='responsibility', fed_back='fed_back', keep=False)"
)]
#[allow(clippy::too_many_arguments)]
pub fn evaluate_register<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
    errors: &str,
    received: String,
    responsibility: String,
    fed_back: Option<String>,
    keep: bool,
) -> BindResult<Bound<'py, PyAny>> {
    if !(table.hasattr("__arrow_c_stream__")? || table.hasattr("__arrow_c_array__")?) {
        return Err(not_arrow(table, "`table`").into());
    }
    let register = register(
        as_of,
        policy,
        errors,
        received,
        responsibility,
        fed_back,
        keep,
    )?;
    let reader = table.extract::<AnyRecordBatch>()?.into_reader()?;
    let input_schema = reader.schema();
    let batches = reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let result = py.detach(|| {
        let schema = register.schema(&input_schema)?;
        let threads = threads();
        let mut first_row = 0;
        let mut out = Vec::with_capacity(batches.len());
        for batch in &batches {
            out.extend(register.evaluate_parallel(batch, first_row, threads)?);
            first_row += batch.num_rows();
        }
        Ok((out, schema))
    });
    let (out, schema) = result.map_err(|f| register.error(f))?;
    drop(batches);
    Ok(export_table(py, PyTable::try_new(out, schema)?)?)
}

/// Where `evaluate_batches` takes its batches from.
enum Input {
    /// An Arrow stream (a RecordBatchReader, a table): read a batch at a time.
    Stream(Box<dyn RecordBatchReader + Send>),
    /// A Python iterator of batches (or of streams, read through one by one).
    Iter {
        iter: Py<PyAny>,
        current: Option<Box<dyn RecordBatchReader + Send>>,
    },
    /// Exhausted, or failed.
    Done,
}

struct State {
    input: Input,
    /// Rows read so far: the index of the next batch's first row.
    rows: usize,
}

/// The iterator `evaluate_batches` returns: one output batch per input batch.
#[pyclass(module = "liaison", name = "RegisterBatches", frozen)]
pub struct RegisterBatches {
    register: Register,
    state: Mutex<State>,
}

fn next_of(reader: &mut Box<dyn RecordBatchReader + Send>) -> PyResult<Option<RecordBatch>> {
    reader
        .next()
        .transpose()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

impl RegisterBatches {
    /// The next input batch, or `None` at the end.
    fn next_input(py: Python<'_>, input: &mut Input) -> PyResult<Option<RecordBatch>> {
        loop {
            match input {
                Input::Done => return Ok(None),
                Input::Stream(reader) => {
                    let next = next_of(reader)?;
                    if next.is_none() {
                        *input = Input::Done;
                    }
                    return Ok(next);
                }
                Input::Iter { iter, current } => {
                    if let Some(reader) = current {
                        match next_of(reader)? {
                            Some(batch) => return Ok(Some(batch)),
                            None => *current = None,
                        }
                    }
                    let Some(item) = iter.bind(py).try_iter()?.next() else {
                        *input = Input::Done;
                        return Ok(None);
                    };
                    let item = item?;
                    if item.hasattr("__arrow_c_array__")? {
                        return Ok(Some(item.extract::<PyRecordBatch>()?.into_inner()));
                    }
                    if item.hasattr("__arrow_c_stream__")? {
                        *current = Some(item.extract::<PyRecordBatchReader>()?.into_reader()?);
                        continue;
                    }
                    return Err(not_arrow(&item, "each item of `batches`"));
                }
            }
        }
    }
}

#[pymethods]
impl RegisterBatches {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> BindResult<Option<Bound<'py, PyAny>>> {
        // Waits for another thread's batch without holding the GIL.
        let mut state = self
            .state
            .lock_py_attached(py)
            .map_err(|_| PyValueError::new_err("the batch iterator failed before"))?;
        let Some(batch) = Self::next_input(py, &mut state.input).inspect_err(|_| {
            state.input = Input::Done;
        })?
        else {
            return Ok(None);
        };
        let first_row = state.rows;
        state.rows += batch.num_rows();
        let out = py.detach(|| self.register.evaluate(&batch, first_row));
        drop(batch);
        let out = match out {
            Ok(out) => out,
            Err(f) => {
                state.input = Input::Done;
                return Err(self.register.error(f));
            }
        };
        let out = Bound::new(py, PyRecordBatch::new(out))?.into_any();
        Ok(Some(match py.import("pyarrow") {
            Ok(pyarrow) => pyarrow.getattr("record_batch")?.call1((out,))?,
            Err(_) => out,
        }))
    }
}

/// ``evaluate_register`` a batch at a time, with memory bounded by the batch: for a stream
/// too large to hold, and for engines that hand over batches (Spark's ``mapInArrow``).
///
/// ``batches`` is an Arrow stream (a pyarrow ``RecordBatchReader``, a table, anything with
/// ``__arrow_c_stream__``, read a batch at a time) or any iterable of record batches
/// (objects with ``__arrow_c_array__``, such as ``pyarrow.RecordBatch``). Returns an
/// iterator of ``pyarrow.RecordBatch``, one per input batch, each with the columns of
/// ``evaluate_register``; with ``keep=True`` the input's columns come first (Spark's
/// ``mapInArrow`` keeps its id columns so). The policy's deadlines are compiled once for
/// the whole iteration; each batch is evaluated without the GIL.
///
/// Options and errors as ``evaluate_register``; a bad row's ``field`` counts rows over all
/// batches from 0. After an error the iterator is exhausted.
///
/// >>> import datetime, liaison, pyarrow as pa
/// >>> batch = pa.record_batch({
/// ...     "id": [7, 8],
/// ...     "received": pa.array([datetime.date(2008, 9, 25)] * 2),
/// ...     "responsibility": ["within_remit", "职责外"],
/// ...     "fed_back": pa.array([None, None], pa.date32()),
/// ... })
/// >>> for out in liaison.evaluate_batches([batch, batch], "2008-10-10", keep=True):
/// ...     print(out.column_names, out.column("status").to_pylist())
/// ['id', 'received', 'responsibility', 'fed_back', 'deadline', 'status', 'days'] ['overdue', 'open']
/// ['id', 'received', 'responsibility', 'fed_back', 'deadline', 'status', 'days'] ['overdue', 'open']
#[pyfunction]
#[pyo3(
    signature = (batches, as_of, policy = None, *, errors = "raise", received = "received".to_string(), responsibility = "responsibility".to_string(), fed_back = Some("fed_back".to_string()), keep = false),
    text_signature = "(batches, as_of, policy=None, *, errors='raise', received='received', responsibility='responsibility', fed_back='fed_back', keep=False)"
)]
#[allow(clippy::too_many_arguments)]
pub fn evaluate_batches(
    batches: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    errors: &str,
    received: String,
    responsibility: String,
    fed_back: Option<String>,
    keep: bool,
) -> BindResult<RegisterBatches> {
    let register = register(
        as_of,
        policy,
        errors,
        received,
        responsibility,
        fed_back,
        keep,
    )?;
    let input = if batches.hasattr("__arrow_c_stream__")? {
        Input::Stream(batches.extract::<PyRecordBatchReader>()?.into_reader()?)
    } else if batches.hasattr("__arrow_c_array__")? {
        let batch = batches.extract::<PyRecordBatch>()?.into_inner();
        let schema = batch.schema();
        Input::Stream(Box::new(arrow_array::RecordBatchIterator::new(
            vec![Ok(batch)],
            schema,
        )))
    } else {
        match batches.try_iter() {
            Ok(iter) => Input::Iter {
                iter: iter.into_any().unbind(),
                current: None,
            },
            Err(_) => return Err(not_arrow(batches, "`batches`").into()),
        }
    };
    Ok(RegisterBatches {
        register,
        state: Mutex::new(State { input, rows: 0 }),
    })
}
