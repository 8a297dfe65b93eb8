//! The three input columns read as the core's values, without copying where Arrow already
//! holds them so (a `date32` column is its own values buffer). Nothing is decided here: a
//! cell is a day, a class, a null or unreadable, and the core says what follows.

use crate::pool::Pooled;
use crate::stamps;
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int16Type, Int32Type, Int64Type, Int8Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{
    AnyDictionaryArray, Array, ArrowPrimitiveType, LargeStringArray, StringArray, StringViewArray,
};
use arrow_buffer::{ArrowNativeType, NullBuffer};
use arrow_schema::{DataType, TimeUnit};
use liaison::error::{Detail, Shown};
use liaison::register::to_days;
use liaison::{Error, ErrorKind, Responsibility};
use std::ops::Range;

/// Which of the three input columns a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// The day the matter was received.
    Received,
    /// The "1234" class.
    Responsibility,
    /// The day it was fed back.
    FedBack,
}

/// What is wrong with one row, cheap to make: the full error is only built for the rows
/// reported.
#[derive(Debug)]
pub enum Fault {
    /// A null where a value is needed (`received`, `responsibility`).
    Missing(Col),
    /// A cell that is not a day (text that is not an ISO date, a time of day).
    NotADay(Col),
    /// The core's error for the row (boxed: a row that is fine moves less).
    Core(Box<Error>, Col),
}

impl Fault {
    /// The column the fault is in.
    pub fn column(&self) -> Col {
        match self {
            Fault::Missing(col) | Fault::NotADay(col) | Fault::Core(_, col) => *col,
        }
    }

    /// The stable code of the fault.
    pub fn code(&self) -> &'static str {
        match self {
            Fault::Missing(_) => "invalid_input",
            Fault::NotADay(_) => "invalid_date",
            Fault::Core(e, _) => e.code(),
        }
    }

    /// The core's error for the fault, without its place.
    pub fn into_error(self) -> Error {
        match self {
            Fault::Missing(_) => Error::new(ErrorKind::InvalidInput {
                detail: Detail::new("a missing value (null)", "缺少值（null）"),
            }),
            Fault::NotADay(_) => Error::new(ErrorKind::InvalidDate),
            Fault::Core(e, _) => *e,
        }
    }
}

/// The column a core error of a row is about: a feedback before receipt is the feedback's;
/// a class the class's; every other (the records taken before receipt, a deadline the
/// calendar does not cover or cannot reach) the day of receipt's.
pub fn column_of(e: &Error) -> Col {
    match e.kind() {
        ErrorKind::FeedbackBeforeReceipt { .. } => Col::FedBack,
        ErrorKind::InvalidResponsibility { .. } => Col::Responsibility,
        _ => Col::Received,
    }
}

/// A column of a type that holds no such values, at the column's name.
pub fn wrong_column(name: &str, en: String, zh: String) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en, zh),
    })
    .at(name)
}

/// One cell read as a value of the core.
pub enum Cell<T> {
    Null,
    Bad,
    Value(T),
}

/// A text column of any of Arrow's three string layouts.
pub enum Text<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
}

impl Text<'_> {
    pub fn of(array: &dyn Array) -> Option<Text<'_>> {
        if let Some(a) = array.as_string_opt::<i32>() {
            return Some(Text::Utf8(a));
        }
        if let Some(a) = array.as_string_opt::<i64>() {
            return Some(Text::Large(a));
        }
        array.as_string_view_opt().map(Text::View)
    }

    fn of_type(data_type: &DataType) -> bool {
        matches!(
            data_type,
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
        )
    }

    fn len(&self) -> usize {
        match self {
            Text::Utf8(a) => a.len(),
            Text::Large(a) => a.len(),
            Text::View(a) => a.len(),
        }
    }

    /// The text of row `i`; empty past the end.
    fn value(&self, i: usize) -> &str {
        if i >= self.len() {
            return "";
        }
        match self {
            Text::Utf8(a) => a.value(i),
            Text::Large(a) => a.value(i),
            Text::View(a) => a.value(i),
        }
    }
}

/// The keys of a dictionary as indexes into its values; `usize::MAX` (no value) for a key
/// that points nowhere, which is the case of every key of a dictionary with no values (an
/// all-null category column).
fn dictionary_keys(dict: &dyn AnyDictionaryArray) -> Vec<usize> {
    if dict.values().is_empty() {
        return vec![usize::MAX; dict.keys().len()];
    }
    dict.normalized_keys()
}

/// The values of a dictionary of text, each read once.
fn dictionary_of<T>(
    array: &dyn Array,
    name: &str,
    read: impl Fn(&str) -> T,
) -> Result<(Vec<usize>, Vec<T>), Error> {
    let unreadable = || {
        wrong_column(
            name,
            "an unreadable dictionary".to_string(),
            "无法读取的字典列".to_string(),
        )
    };
    let dict = array.as_any_dictionary_opt().ok_or_else(unreadable)?;
    let values = Text::of(dict.values().as_ref()).ok_or_else(unreadable)?;
    let parsed = (0..values.len()).map(|i| read(values.value(i))).collect();
    Ok((dictionary_keys(dict), parsed))
}

/// A date column as days since 1970-01-01.
enum Days<'a> {
    /// `date32`: the values buffer itself.
    Date32(&'a [i32]),
    /// `date64` (milliseconds) or a `timestamp` without time zone: units since the epoch.
    Scaled(&'a [i64], TimeUnit),
    /// ISO `YYYY-MM-DD` text, parsed by the core.
    Text(Text<'a>),
    /// A dictionary of ISO text: each value parsed once, rows by their keys.
    Dictionary(Vec<usize>, Vec<Option<i32>>),
    /// A column of nulls only (Arrow's `null` type, a dictionary of nulls).
    Nulls,
}

/// A date column and its validity (logical nulls).
pub struct DayColumn<'a> {
    days: Days<'a>,
    /// Which cells are null.
    pub nulls: Option<NullBuffer>,
    /// Whether an `i64::MIN` in a `timestamp` column is a null (NumPy's `NaT`).
    nat: bool,
}

/// The days of every row of a column: the `date32` values buffer itself, days decoded into
/// memory of the pool, or days read one by one.
pub enum Decoded<'a> {
    Borrowed(&'a [i32]),
    Pooled(Pooled<i32>),
    Owned(Vec<i32>),
}

impl std::ops::Deref for Decoded<'_> {
    type Target = [i32];
    fn deref(&self) -> &[i32] {
        match self {
            Decoded::Borrowed(days) => days,
            Decoded::Pooled(days) => days,
            Decoded::Owned(days) => days,
        }
    }
}

fn iso_day(text: &str) -> Option<i32> {
    liaison::de::parse_date(text).ok().map(to_days)
}

fn is_null_type(data_type: &DataType) -> bool {
    match data_type {
        DataType::Null => true,
        DataType::Dictionary(_, value) => value.as_ref() == &DataType::Null,
        _ => false,
    }
}

impl<'a> DayColumn<'a> {
    /// Reads a date column, or says why its type holds no days; `nat` as [`DayColumn::nat`].
    pub fn read(array: &'a dyn Array, name: &str, nat: bool) -> Result<Self, Error> {
        let data_type = array.data_type();
        let days = match data_type {
            DataType::Date32 => Days::Date32(array.as_primitive::<Date32Type>().values()),
            DataType::Date64 => Days::Scaled(
                array.as_primitive::<Date64Type>().values(),
                TimeUnit::Millisecond,
            ),
            DataType::Timestamp(unit, None) => {
                let values = match unit {
                    TimeUnit::Second => array.as_primitive::<TimestampSecondType>().values(),
                    TimeUnit::Millisecond => {
                        array.as_primitive::<TimestampMillisecondType>().values()
                    }
                    TimeUnit::Microsecond => {
                        array.as_primitive::<TimestampMicrosecondType>().values()
                    }
                    TimeUnit::Nanosecond => array.as_primitive::<TimestampNanosecondType>().values(),
                };
                Days::Scaled(values, *unit)
            }
            t if is_null_type(t) => Days::Nulls,
            DataType::Dictionary(_, value) if Text::of_type(value) => {
                let (keys, parsed) = dictionary_of(array, name, iso_day)?;
                Days::Dictionary(keys, parsed)
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
                        "该列的类型不是日期：应为 date32（也可为 date64、无时区的零点时间戳或 ISO 文本）"
                            .to_string(),
                    ))
                }
            },
        };
        let nulls = match days {
            Days::Nulls => Some(NullBuffer::new_null(array.len())),
            _ => array.logical_nulls(),
        };
        Ok(DayColumn { days, nulls, nat })
    }

    /// The day of row `i` of a column of text or of a dictionary of text (the other kinds
    /// are read whole by [`DayColumn::decode`]).
    fn day(&self, i: usize) -> Cell<i32> {
        if self.nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            return Cell::Null;
        }
        let day = match &self.days {
            Days::Text(text) => iso_day(text.value(i)),
            Days::Dictionary(keys, parsed) => {
                keys.get(i).and_then(|k| parsed.get(*k)).copied().flatten()
            }
            Days::Date32(_) | Days::Scaled(..) | Days::Nulls => None,
        };
        day.map_or(Cell::Bad, Cell::Value)
    }

    /// The days of every row: the `date32` values buffer itself, else converted (a
    /// `timestamp` column on up to `threads` threads), each cell that is not a day added to
    /// `faults`. Nulls are left to the validity, which a `NaT` joins (see [`DayColumn::nat`]).
    ///
    /// # Errors
    /// `internal_error` if a thread fails (it never should).
    pub fn decode(
        &mut self,
        n: usize,
        col: Col,
        faults: &mut Vec<(usize, Fault)>,
        threads: usize,
    ) -> Result<Decoded<'a>, Error> {
        match self.days {
            Days::Date32(values) => return Ok(Decoded::Borrowed(values)),
            Days::Scaled(values, unit) => {
                let nulls = self.nulls.as_ref();
                let (days, nulls) =
                    stamps::days(values, unit, nulls, self.nat, col, faults, threads)?;
                self.nulls = nulls;
                return Ok(Decoded::Pooled(days));
            }
            _ => {}
        }
        let mut out = vec![0; n];
        for (i, slot) in out.iter_mut().enumerate() {
            match self.day(i) {
                Cell::Value(d) => *slot = d,
                Cell::Null => {}
                Cell::Bad => faults.push((i, Fault::NotADay(col))),
            }
        }
        Ok(Decoded::Owned(out))
    }
}

/// A responsibility column: integers 1–4 of any width, text (name, digit or label) or a
/// dictionary of text.
pub enum Classes<'a> {
    I8(&'a [i8]),
    I16(&'a [i16]),
    I32(&'a [i32]),
    I64(&'a [i64]),
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    U64(&'a [u64]),
    Text(Text<'a>),
    /// Each dictionary value parsed once, rows by their keys.
    Dictionary(Vec<usize>, Vec<liaison::Result<Responsibility>>),
    /// A column of nulls only.
    Nulls,
}

/// The classes of the digits 0–4 as the core reads them (`Responsibility::from_digit`),
/// looked up per row instead of asking the core again.
pub type Digits = [Option<Responsibility>; 5];

fn digits() -> Digits {
    [0, 1, 2, 3, 4].map(|d| Responsibility::from_digit(d).ok())
}

/// A class column and its validity (logical nulls).
pub struct ClassColumn<'a> {
    pub classes: Classes<'a>,
    pub nulls: Option<NullBuffer>,
    pub digits: Digits,
}

/// The core's class for an integer cell.
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
        None => Err(Error::new(ErrorKind::InvalidResponsibility {
            value: Shown::text(&format!("{value:?}")),
        })),
    }
}

fn ints<T: ArrowPrimitiveType>(array: &dyn Array) -> &[T::Native] {
    array.as_primitive::<T>().values()
}

impl<'a> ClassColumn<'a> {
    /// Reads a class column, or says why its type holds no classes.
    pub fn read(array: &'a dyn Array, name: &str) -> Result<Self, Error> {
        let classes = match array.data_type() {
            DataType::Int8 => Classes::I8(ints::<Int8Type>(array)),
            DataType::Int16 => Classes::I16(ints::<Int16Type>(array)),
            DataType::Int32 => Classes::I32(ints::<Int32Type>(array)),
            DataType::Int64 => Classes::I64(ints::<Int64Type>(array)),
            DataType::UInt8 => Classes::U8(ints::<UInt8Type>(array)),
            DataType::UInt16 => Classes::U16(ints::<UInt16Type>(array)),
            DataType::UInt32 => Classes::U32(ints::<UInt32Type>(array)),
            DataType::UInt64 => Classes::U64(ints::<UInt64Type>(array)),
            t if is_null_type(t) => Classes::Nulls,
            DataType::Dictionary(_, value) if Text::of_type(value) => {
                let (keys, parsed) =
                    dictionary_of(array, name, |s: &str| s.parse::<Responsibility>())?;
                Classes::Dictionary(keys, parsed)
            }
            other => match Text::of(array) {
                Some(text) => Classes::Text(text),
                None => return Err(wrong_column(
                    name,
                    format!(
                        "a column of type {other} is not responsibility classes: give \
                             integers 1-4, text (name, digit or Chinese label) or a \
                             dictionary of text"
                    ),
                    "该列的类型不是办理类别：应为整数 1-4、文本（名称、数字或中文名称）或文本字典"
                        .to_string(),
                )),
            },
        };
        let nulls = match classes {
            Classes::Nulls => Some(NullBuffer::new_null(array.len())),
            _ => array.logical_nulls(),
        };
        Ok(ClassColumn {
            classes,
            nulls,
            digits: digits(),
        })
    }

    /// The class of row `i`, or its fault.
    pub fn class(&self, i: usize) -> Result<Responsibility, Fault> {
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
            Classes::Nulls => return Err(Fault::Missing(Col::Responsibility)),
        };
        class.map_err(|e| Fault::Core(Box::new(e), Col::Responsibility))
    }
}

/// A class column read in the hot loop: `None` for a null or bad cell, whose fault the
/// full [`ClassColumn::class`] then tells.
pub trait ClassAt {
    /// The classes of the rows of `range`, in order; as many as the column holds there.
    fn classes(&self, range: Range<usize>) -> impl Iterator<Item = Option<Responsibility>>;
}

/// An integer class column without nulls: the values buffer itself, each value looked up
/// in the core's digits spread over every byte value (one load a row, no bounds check).
pub struct Ints<'a, T> {
    values: &'a [T],
    codes: [Option<Responsibility>; 256],
}

impl<'a, T> Ints<'a, T> {
    /// The column's values and the core's digits (`digits[d]` is the class of value `d`).
    pub fn new(values: &'a [T], digits: &Digits) -> Self {
        let mut codes = [None; 256];
        for (code, digit) in codes.iter_mut().zip(digits) {
            *code = *digit;
        }
        Ints { values, codes }
    }
}

impl<T: ArrowNativeType> ClassAt for Ints<'_, T> {
    #[inline(always)]
    fn classes(&self, range: Range<usize>) -> impl Iterator<Item = Option<Responsibility>> {
        let values = self.values.get(range).unwrap_or_default();
        values.iter().map(|value| {
            let byte = u8::try_from(value.to_i64()?).ok()?;
            self.codes.get(usize::from(byte)).copied().flatten()
        })
    }
}

/// Any other class column (text, dictionary): the full reading per row.
pub struct AnyClass<'a, 'b>(pub &'b ClassColumn<'a>);

impl ClassAt for AnyClass<'_, '_> {
    #[inline(always)]
    fn classes(&self, range: Range<usize>) -> impl Iterator<Item = Option<Responsibility>> {
        range.map(|i| self.0.class(i).ok())
    }
}
