//! Python data to JSON values, for the structured inputs the core reads with serde
//! (`liaison::convert::from_value`, `Policy::from_json`). The core decides what is valid;
//! this only says what each Python object is.

use crate::error::BindResult;
use liaison::Error;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use serde_json::{Map, Number, Value};

/// Deeper than this is a self-containing or absurd structure, not a record.
const MAX_DEPTH: usize = 32;

/// How `NaN` reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NanAs {
    /// A missing value, as pandas writes one: `null`.
    Null,
    /// A number like any other float (which the core then rejects where it wants an integer).
    Number,
}

fn wrong_type(path: &str, detail: &str) -> Error {
    Error::InvalidInput {
        field: path.to_string(),
        detail: detail.to_string(),
    }
}

/// A float as a JSON number; JSON has no infinity or NaN, so those become the largest
/// finite float of their sign (still a float, still rejected where an integer is wanted).
fn float(value: f64) -> Value {
    let finite = if value.is_nan() {
        f64::MAX
    } else {
        value.clamp(f64::MIN, f64::MAX)
    };
    Number::from_f64(finite).map_or(Value::Null, Value::Number)
}

/// How a `datetime.datetime` (a pandas `Timestamp` too) reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DateTimes {
    /// Refused with `invalid_date`: dates only, as in every argument and record.
    Refuse,
    /// As text for the core to judge, as a form's cell: its ISO day at midnight (how
    /// pandas holds a date), else its ISO date and time (which the core reports as a field
    /// that is not a date).
    Text,
}

/// Converts `obj` (None, bool, int, float, str, date, mapping with str keys, list or tuple)
/// to a JSON value. `path` names it in errors, in the core's `years[1].satisfied` form.
///
/// # Errors
/// `invalid_input` for an object of another type, a key that is not a string or nesting
/// deeper than 32; `invalid_date` for a `datetime.datetime` (dates only, as everywhere).
pub fn to_json(obj: &Bound<'_, PyAny>, path: &str, nan: NanAs) -> BindResult<Value> {
    convert(obj, path, nan, DateTimes::Refuse, 0)
}

/// As [`to_json`] for a form document: `NaN` is `null` (a missing cell) and a datetime is
/// text (see [`DateTimes::Text`]), so that the core reports every problem of the document.
///
/// # Errors
/// `invalid_input` for an object no JSON holds (naming its path) or nesting deeper than 32.
pub fn form_json(obj: &Bound<'_, PyAny>, path: &str) -> BindResult<Value> {
    convert(obj, path, NanAs::Null, DateTimes::Text, 0)
}

fn convert(
    obj: &Bound<'_, PyAny>,
    path: &str,
    nan: NanAs,
    datetimes: DateTimes,
    depth: usize,
) -> BindResult<Value> {
    if depth > MAX_DEPTH {
        return Err(wrong_type(path, "nested too deeply").into());
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(int(obj)?);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let v = f.value();
        return Ok(if v.is_nan() && nan == NanAs::Null {
            Value::Null
        } else {
            float(v)
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s
            .to_cow()
            .map_err(|_| wrong_type(path, "text that is not valid Unicode"))?;
        return Ok(Value::String(text.into_owned()));
    }
    if obj.is_instance_of::<PyDateTime>() {
        if datetimes == DateTimes::Text {
            return Ok(Value::String(datetime_text(obj)?));
        }
        return Err(Error::InvalidDate {
            field: path.to_string(),
        }
        .into());
    }
    if obj.is_instance_of::<PyDate>() {
        let d = crate::args::date(obj, path)?;
        return Ok(Value::String(d.format("%Y-%m-%d").to_string()));
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let mut out = Map::new();
        for item in m.items()?.iter() {
            let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let key = key
                .cast::<PyString>()
                .ok()
                .and_then(|k| k.to_cow().ok().map(|k| k.into_owned()))
                .ok_or_else(|| wrong_type(path, "a key that is not a string"))?;
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            out.insert(key, convert(&value, &child, nan, datetimes, depth + 1)?);
        }
        return Ok(Value::Object(out));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return items(obj, path, nan, datetimes, depth);
    }
    if obj.hasattr("__index__")? {
        // NumPy integers and other integer-like objects.
        if let Ok(i) = obj.call_method0("__index__") {
            return Ok(int(&i)?);
        }
    }
    Err(wrong_type(path, "value of the wrong type").into())
}

/// The items of any iterable, as a JSON array with paths `path[i]`.
pub fn sequence(obj: &Bound<'_, PyAny>, path: &str, nan: NanAs, depth: usize) -> BindResult<Value> {
    items(obj, path, nan, DateTimes::Refuse, depth)
}

fn items(
    obj: &Bound<'_, PyAny>,
    path: &str,
    nan: NanAs,
    datetimes: DateTimes,
    depth: usize,
) -> BindResult<Value> {
    let mut out = Vec::new();
    for (i, item) in obj.try_iter()?.enumerate() {
        out.push(convert(
            &item?,
            &format!("{path}[{i}]"),
            nan,
            datetimes,
            depth + 1,
        )?);
    }
    Ok(Value::Array(out))
}

/// A datetime as text: `YYYY-MM-DD` at midnight, else its `isoformat()`.
fn datetime_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut parts = vec!["hour", "minute", "second", "microsecond"];
    if obj.hasattr("nanosecond")? {
        parts.push("nanosecond");
    }
    let mut midnight = true;
    for part in parts {
        let value = obj.getattr(part).and_then(|v| v.extract::<i64>()).ok();
        midnight &= value == Some(0);
    }
    let text = if midnight {
        obj.call_method0("date")?.call_method0("isoformat")?
    } else {
        obj.call_method0("isoformat")?
    };
    text.extract()
}

/// An `int`: exact within `i64` and `u64`; beyond, the nearest float (which the core
/// rejects as it rejects any float where it wants an integer).
fn int(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(u) = obj.extract::<u64>() {
        return Ok(Value::from(u));
    }
    let negative = obj.lt(0)?;
    let approx = obj
        .extract::<f64>()
        .unwrap_or(if negative { f64::MIN } else { f64::MAX });
    Ok(float(approx))
}
