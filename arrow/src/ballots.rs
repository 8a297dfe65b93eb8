//! S3.7 and S3.5 over a table of ballots: [`Grades`] reads `satisfied`,
//! `basically_satisfied` and `dissatisfied` counts and answers a `grade` column; [`Votes`]
//! reads `approve`, `disapprove`, `abstain` and, where the policy needs them (A5, A15),
//! `present` and `entitled`, and answers an `outcome` column. Each row is what
//! [`liaison::grade`] or [`liaison::decide_vote`] answers for its counts (the core's
//! [`GradeEvaluator`] and [`VoteEvaluator`] decide; this module only reads cells and
//! writes columns). A bad row is a coded [`Error`] at `["row", i, "<column>"]` (`["row",
//! i]` when the single-row rule's error has no field, as `no_ballots`), raised or, with
//! [`OnError::Column`], its output null and its code in an `error` column.
//!
//! Counts are integer columns of any width (a negative or null count is `invalid_count`,
//! as `None` or `-1` is for the single-row functions); `present` and `entitled` are
//! optional: a null there is an absent figure.

use crate::columns::wrong_column;
use crate::{dictionary, internal, output_schema, Columnar, Evaluated, OnError};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_buffer::NullBuffer;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use liaison::ballots::{GradeEvaluator, VoteEvaluator};
use liaison::error::{Loc, LocItem};
use liaison::{Attendance, Error, ErrorKind, Grade, Policy, VoteOutcome};
use serde::Deserialize;
use serde_json::Value;
use std::sync::Arc;

/// An integer column as read: the values buffer itself.
enum Ints<'a> {
    I8(&'a [i8]),
    I16(&'a [i16]),
    I32(&'a [i32]),
    I64(&'a [i64]),
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    U64(&'a [u64]),
    /// No such column: every count 0 (an optional count) or absent (attendance).
    Absent,
    /// Arrow's `null` type: every cell null.
    Nulls,
}

/// A count column and its validity.
struct Counts<'a> {
    ints: Ints<'a>,
    nulls: Option<NullBuffer>,
}

/// One cell of a count column.
enum Count {
    /// A count from 0 to `u64::MAX`.
    Value(u64),
    /// A null cell, or no column (`present` and `entitled` only).
    Absent,
    /// A negative count.
    Bad,
}

fn signed(v: Option<i64>) -> Count {
    match v.map(u64::try_from) {
        Some(Ok(v)) => Count::Value(v),
        Some(Err(_)) => Count::Bad,
        None => Count::Absent,
    }
}

fn unsigned(v: Option<u64>) -> Count {
    v.map_or(Count::Absent, Count::Value)
}

impl<'a> Counts<'a> {
    /// Reads an integer column, or says why its type holds no counts.
    fn read(array: &'a dyn Array, name: &str) -> Result<Self, Error> {
        let ints =
            match array.data_type() {
                DataType::Int8 => Ints::I8(array.as_primitive::<Int8Type>().values()),
                DataType::Int16 => Ints::I16(array.as_primitive::<Int16Type>().values()),
                DataType::Int32 => Ints::I32(array.as_primitive::<Int32Type>().values()),
                DataType::Int64 => Ints::I64(array.as_primitive::<Int64Type>().values()),
                DataType::UInt8 => Ints::U8(array.as_primitive::<UInt8Type>().values()),
                DataType::UInt16 => Ints::U16(array.as_primitive::<UInt16Type>().values()),
                DataType::UInt32 => Ints::U32(array.as_primitive::<UInt32Type>().values()),
                DataType::UInt64 => Ints::U64(array.as_primitive::<UInt64Type>().values()),
                DataType::Null => Ints::Nulls,
                other => return Err(wrong_column(
                    name,
                    format!(
                        "a column of type {other} is not counts: give integers of any width \
                         (a float or text column is not read; a count is a whole number)"
                    ),
                    "该列的类型不是票数：应为任意宽度的整数（不读取浮点数或文本列；票数是整数）"
                        .to_string(),
                )),
            };
        let nulls = array.logical_nulls().filter(|n| n.null_count() > 0);
        Ok(Counts { ints, nulls })
    }

    fn absent() -> Self {
        Counts {
            ints: Ints::Absent,
            nulls: None,
        }
    }

    /// The cell of row `i`.
    #[inline(always)]
    fn at(&self, i: usize) -> Count {
        if self.nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            return Count::Absent;
        }
        let wide = |v: Option<&i64>| signed(v.copied());
        match &self.ints {
            Ints::I8(v) => signed(v.get(i).map(|&x| i64::from(x))),
            Ints::I16(v) => signed(v.get(i).map(|&x| i64::from(x))),
            Ints::I32(v) => signed(v.get(i).map(|&x| i64::from(x))),
            Ints::I64(v) => wide(v.get(i)),
            Ints::U8(v) => unsigned(v.get(i).map(|&x| u64::from(x))),
            Ints::U16(v) => unsigned(v.get(i).map(|&x| u64::from(x))),
            Ints::U32(v) => unsigned(v.get(i).map(|&x| u64::from(x))),
            Ints::U64(v) => unsigned(v.get(i).copied()),
            Ints::Absent => Count::Absent,
            Ints::Nulls => Count::Absent,
        }
    }

    /// A count that must be there: an absent optional column counts 0, a null or negative
    /// cell is `invalid_count`.
    #[inline(always)]
    fn required(&self, i: usize, field: usize) -> Result<u64, Fault> {
        match (self.at(i), &self.ints) {
            (Count::Value(v), _) => Ok(v),
            (Count::Absent, Ints::Absent) => Ok(0),
            _ => Err(Fault::Count(field)),
        }
    }

    /// A figure that may be absent (`present`, `entitled`).
    #[inline(always)]
    fn optional(&self, i: usize, field: usize) -> Result<Option<u64>, Fault> {
        match self.at(i) {
            Count::Value(v) => Ok(Some(v)),
            Count::Absent => Ok(None),
            Count::Bad => Err(Fault::Count(field)),
        }
    }
}

/// What is wrong with one row.
enum Fault {
    /// The count of field `i` (in the order of [`Ballots::fields`]) is null or negative.
    Count(usize),
    /// The core's error for the row.
    Core(Box<Error>),
}

impl Fault {
    fn code(&self) -> &'static str {
        match self {
            Fault::Count(_) => "invalid_count",
            Fault::Core(e) => e.code(),
        }
    }
}

/// The single-row rule's field names and the table's columns for them.
trait Ballots: Sync {
    /// The fields of the single-row function, in the order it reads them.
    const FIELDS: &'static [&'static str];
    /// The name of the output column.
    const OUTPUT: &'static str;
    /// The column of each field, in the order of [`Ballots::FIELDS`]; none when the table
    /// has no such column.
    fn columns(&self) -> Vec<Option<&str>>;
    fn errors(&self) -> OnError;
    fn keep(&self) -> bool;
    /// The dictionary of the output column.
    fn values(&self) -> &ArrayRef;
    /// The answer of one row as the key of the output dictionary.
    fn row(&self, counts: &[Counts<'_>], i: usize) -> Result<i8, Fault>;

    /// The column a field is read from (its own name when the table has none).
    fn column_name(&self, field: usize) -> String {
        self.columns()
            .get(field)
            .copied()
            .flatten()
            .or_else(|| Self::FIELDS.get(field).copied())
            .unwrap_or_default()
            .to_string()
    }

    /// The error of a fault at row `row` of the whole input: the single-row rule's error
    /// with its place `["row", row]` followed by the column of its field.
    fn row_error(&self, fault: Fault, row: usize) -> Error {
        let mut loc = vec![LocItem::key("row"), LocItem::from(row)];
        let error = match fault {
            Fault::Count(field) => {
                loc.push(LocItem::key(&self.column_name(field)));
                Error::new(ErrorKind::InvalidCount)
            }
            Fault::Core(e) => {
                if let Some(key) = e.loc().first_key() {
                    let column = match Self::FIELDS.iter().position(|f| *f == key) {
                        Some(field) => self.column_name(field),
                        None => key.to_string(),
                    };
                    loc.push(LocItem::key(&column));
                }
                *e
            }
        };
        error.with_loc(Loc(loc))
    }

    fn fields(&self) -> Vec<Field> {
        let mut fields = vec![Field::new(
            Self::OUTPUT,
            DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8)),
            true,
        )];
        if self.errors() == OnError::Column {
            fields.push(Field::new("error", DataType::Utf8, true));
        }
        fields
    }

    fn run(&self, batch: &RecordBatch, first_row: usize) -> Result<Evaluated, Error> {
        let schema = output_schema(batch.schema_ref(), self.fields(), self.keep())?;
        let mut counts = Vec::with_capacity(Self::FIELDS.len());
        for name in self.columns() {
            counts.push(match name {
                Some(name) => {
                    let array = batch.column_by_name(name).ok_or_else(|| {
                        wrong_column(
                            name,
                            "no such column (name it with the option of the same name)".to_string(),
                            "没有该列（请用同名选项指定列名）".to_string(),
                        )
                    })?;
                    Counts::read(array.as_ref(), name)?
                }
                None => Counts::absent(),
            });
        }
        let n = batch.num_rows();
        let raise = self.errors() == OnError::Raise;
        let mut keys = crate::pool::KEYS.take(n);
        let mut faults = Vec::new();
        for i in 0..n {
            match self.row(&counts, i) {
                Ok(k) => keys.push(k),
                Err(fault) if raise => return Err(self.row_error(fault, first_row + i)),
                Err(fault) => {
                    keys.push(0);
                    faults.push((i, fault));
                }
            }
        }
        let nulls = crate::failed_rows(n, faults.iter().map(|(row, _)| *row));
        let mut columns: Vec<ArrayRef> = if self.keep() {
            batch.columns().to_vec()
        } else {
            Vec::new()
        };
        columns.push(dictionary(keys, nulls, self.values())?);
        let mut errors = Vec::with_capacity(faults.len());
        if !raise {
            let mut codes: Vec<Option<&str>> = vec![None; n];
            for (row, fault) in faults {
                if let Some(slot) = codes.get_mut(row) {
                    *slot = Some(fault.code());
                }
                errors.push(self.row_error(fault, first_row + row));
            }
            columns.push(Arc::new(StringArray::from(codes)));
        }
        let batch = RecordBatch::try_new(schema, columns)
            .map_err(|_| internal("the output batch cannot be built"))?;
        Ok(Evaluated { batch, errors })
    }
}

fn policy_of(doc: Option<&liaison::api::PolicyDoc>) -> Result<Policy, Error> {
    match doc {
        Some(doc) => Policy::from_value(&doc.value).map_err(|e| e.at("policy")),
        None => Ok(Policy::banan_2008()),
    }
}

fn name(s: &str) -> String {
    s.to_string()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// The arguments of `grade_table` as a host sends them: snake_case keys, unknown keys
/// refused, read with the core's coded reader.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeRequest {
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<liaison::api::PolicyDoc>,
    /// `raise` or `column`.
    #[serde(default)]
    pub errors: OnError,
    /// The column of satisfied ballots.
    #[serde(default = "satisfied")]
    pub satisfied: String,
    /// The column of "basically satisfied" ballots, or null for none (0 each row).
    #[serde(default = "basically_satisfied")]
    pub basically_satisfied: Option<String>,
    /// The column of dissatisfied ballots, or null for none (0 each row).
    #[serde(default = "dissatisfied")]
    pub dissatisfied: Option<String>,
    /// Whether the input's columns come first.
    #[serde(default)]
    pub keep: bool,
}

fn satisfied() -> String {
    name("satisfied")
}
fn basically_satisfied() -> Option<String> {
    some("basically_satisfied")
}
fn dissatisfied() -> Option<String> {
    some("dissatisfied")
}

/// S3.7 (A3, A6) for every row of a table: the policy compiled once, the column names and
/// what bad rows do.
#[derive(Debug, Clone)]
pub struct Grades {
    evaluator: GradeEvaluator,
    request: GradeRequest,
    /// `["unqualified", "undetermined", "qualified", "excellent"]`.
    values: ArrayRef,
}

fn grade_key(g: Grade) -> i8 {
    match g {
        Grade::Unqualified => 0,
        Grade::Undetermined => 1,
        Grade::Qualified => 2,
        Grade::Excellent => 3,
    }
}

impl Grades {
    /// Grades from a host's request (see [`GradeRequest`]).
    ///
    /// # Errors
    /// `invalid_input` for an unknown key or a bad `errors`; `invalid_policy` and
    /// `invalid_calendar` at `policy`.
    ///
    /// ```
    /// use arrow_array::{cast::AsArray, types::Int8Type, RecordBatch, UInt64Array};
    /// use liaison_arrow::{Columnar, Grades};
    /// use std::sync::Arc;
    /// let batch = RecordBatch::try_from_iter([
    ///     ("satisfied", Arc::new(UInt64Array::from(vec![70, 91, u64::MAX])) as _),
    ///     ("basically_satisfied", Arc::new(UInt64Array::from(vec![0, 9, 0])) as _),
    ///     ("dissatisfied", Arc::new(UInt64Array::from(vec![30, 0, 0])) as _),
    /// ])?;
    /// let grades = Grades::from_request(&serde_json::json!({}))?;
    /// let out = grades.evaluate(&batch, 0)?.batch;
    /// let grade = out.column(0).as_dictionary::<Int8Type>();
    /// let names = grade.values().as_string::<i32>();
    /// let got: Vec<_> = grade.keys().values().iter().map(|&k| names.value(k as usize)).collect();
    /// assert_eq!(got, ["qualified", "excellent", "excellent"]); // 30% is not "超过30%"
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_request(request: &Value) -> Result<Self, Error> {
        let request: GradeRequest = liaison::de::from_value(request)?;
        let policy = policy_of(request.policy.as_ref())?;
        Ok(Grades {
            evaluator: GradeEvaluator::new(&policy),
            request,
            values: Arc::new(StringArray::from_iter_values(Grade::ALL.map(Grade::name))),
        })
    }
}

impl Ballots for Grades {
    const FIELDS: &'static [&'static str] = &["satisfied", "basically_satisfied", "dissatisfied"];
    const OUTPUT: &'static str = "grade";

    fn columns(&self) -> Vec<Option<&str>> {
        let r = &self.request;
        vec![
            Some(r.satisfied.as_str()),
            r.basically_satisfied.as_deref(),
            r.dissatisfied.as_deref(),
        ]
    }

    fn errors(&self) -> OnError {
        self.request.errors
    }

    fn keep(&self) -> bool {
        self.request.keep
    }

    fn values(&self) -> &ArrayRef {
        &self.values
    }

    #[inline(always)]
    fn row(&self, counts: &[Counts<'_>], i: usize) -> Result<i8, Fault> {
        let [s, b, d] = counts else {
            return Err(Fault::Core(Box::new(internal("three count columns"))));
        };
        let (s, b, d) = (s.required(i, 0)?, b.required(i, 1)?, d.required(i, 2)?);
        match self.evaluator.grade(s, b, d) {
            Ok(g) => Ok(grade_key(g)),
            Err(e) => Err(Fault::Core(Box::new(e))),
        }
    }
}

/// The arguments of `decide_vote_table` as a host sends them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// The policy; Banan 2008 when absent.
    #[serde(default)]
    pub policy: Option<liaison::api::PolicyDoc>,
    /// `raise` or `column`.
    #[serde(default)]
    pub errors: OnError,
    /// The column of approving ballots.
    #[serde(default = "approve")]
    pub approve: String,
    /// The column of disapproving ballots.
    #[serde(default = "disapprove")]
    pub disapprove: String,
    /// The column of abstentions, or null for none (0 each row).
    #[serde(default = "abstain")]
    pub abstain: Option<String>,
    /// The column of persons present (A5, A15), or null for none.
    #[serde(default)]
    pub present: Option<String>,
    /// The column of persons entitled to attend (A5, A15), or null for none.
    #[serde(default)]
    pub entitled: Option<String>,
    /// Whether the input's columns come first.
    #[serde(default)]
    pub keep: bool,
}

fn approve() -> String {
    name("approve")
}
fn disapprove() -> String {
    name("disapprove")
}
fn abstain() -> Option<String> {
    some("abstain")
}

/// S3.5 (A4, A5, A15) for every row of a table.
#[derive(Debug, Clone)]
pub struct Votes {
    evaluator: VoteEvaluator,
    request: VoteRequest,
    /// `["adopted", "rejected", "not_adopted", "no_quorum"]`.
    values: ArrayRef,
}

const OUTCOMES: [VoteOutcome; 4] = [
    VoteOutcome::Adopted,
    VoteOutcome::Rejected,
    VoteOutcome::NotAdopted,
    VoteOutcome::NoQuorum,
];

fn outcome_key(o: VoteOutcome) -> i8 {
    match o {
        VoteOutcome::Adopted => 0,
        VoteOutcome::Rejected => 1,
        VoteOutcome::NotAdopted => 2,
        VoteOutcome::NoQuorum => 3,
    }
}

impl Votes {
    /// Votes from a host's request (see [`VoteRequest`]).
    ///
    /// # Errors
    /// `invalid_input` for an unknown key or a bad `errors`; `invalid_policy` and
    /// `invalid_calendar` at `policy`.
    pub fn from_request(request: &Value) -> Result<Self, Error> {
        let request: VoteRequest = liaison::de::from_value(request)?;
        let policy = policy_of(request.policy.as_ref())?;
        Ok(Votes {
            evaluator: VoteEvaluator::new(&policy),
            request,
            values: Arc::new(StringArray::from_iter_values(
                OUTCOMES.map(VoteOutcome::name),
            )),
        })
    }
}

impl Ballots for Votes {
    const FIELDS: &'static [&'static str] =
        &["approve", "disapprove", "abstain", "present", "entitled"];
    const OUTPUT: &'static str = "outcome";

    fn columns(&self) -> Vec<Option<&str>> {
        let r = &self.request;
        vec![
            Some(r.approve.as_str()),
            Some(r.disapprove.as_str()),
            r.abstain.as_deref(),
            r.present.as_deref(),
            r.entitled.as_deref(),
        ]
    }

    fn errors(&self) -> OnError {
        self.request.errors
    }

    fn keep(&self) -> bool {
        self.request.keep
    }

    fn values(&self) -> &ArrayRef {
        &self.values
    }

    #[inline(always)]
    fn row(&self, counts: &[Counts<'_>], i: usize) -> Result<i8, Fault> {
        let [a, d, x, p, e] = counts else {
            return Err(Fault::Core(Box::new(internal("five count columns"))));
        };
        let (a, d, x) = (a.required(i, 0)?, d.required(i, 1)?, x.required(i, 2)?);
        let (p, e) = (p.optional(i, 3)?, e.optional(i, 4)?);
        let core = |e: Error| Fault::Core(Box::new(e));
        let attendance = Attendance::from_parts(p, e).map_err(core)?;
        match self.evaluator.decide(a, d, x, attendance) {
            Ok(o) => Ok(outcome_key(o)),
            Err(e) => Err(core(e)),
        }
    }
}

macro_rules! columnar {
    ($($t:ty),*) => {$(
        impl Columnar for $t {
            fn schema(&self, input: &Schema) -> Result<SchemaRef, Error> {
                output_schema(input, self.fields(), self.keep())
            }

            fn evaluate(&self, batch: &RecordBatch, first_row: usize) -> Result<Evaluated, Error> {
                crate::guarded(|| self.run(batch, first_row))
            }
        }
    )*};
}

columnar!(Grades, Votes);
