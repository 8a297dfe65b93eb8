//! Python values to the JSON documents of the contract, and answers back. A conversion
//! says what each Python object is; the core decides whether it is valid.
//!
//! dict (string keys), list, tuple, str, int, float, bool and None are themselves; an `int`
//! beyond 64 bits becomes a float (which the core refuses as a count, `invalid_count`); NaN
//! is null and an infinity the largest float of its sign; `datetime.date` is its ISO day;
//! `datetime.datetime` and `pandas.Timestamp` at midnight are their day, with a time of day
//! their ISO date and time (which the core refuses as a date, `invalid_date`);
//! `numpy.datetime64` likewise; other NumPy scalars are their Python value; NaT and `pd.NA`
//! are null. Anything else — a set, bytes, an object — is `invalid_input` at its place, and
//! so is a text with a lone surrogate or nesting deeper than [`MAX_DEPTH`].

use crate::error::raise;
use liaison::error::{Detail, Loc, LocItem};
use liaison::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use serde_json::{Map, Number, Value};

/// Deeper than this is a self-containing or absurd structure, not a document.
pub const MAX_DEPTH: usize = 64;

/// A Python value read as a JSON value, for `#[pyfunction]` arguments.
pub struct Json(pub Value);

impl<'a, 'py> FromPyObject<'a, 'py> for Json {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let mut at = Vec::new();
        to_value(&obj, &mut at)
            .map(Json)
            .map_err(|e| raise(obj.py(), &e))
    }
}

/// A `str` argument, with a coded error for a lone surrogate.
pub struct Text(pub String);

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.cast::<PyString>() {
            Ok(s) => text(&s, &[]).map(Text).map_err(|e| raise(obj.py(), &e)),
            Err(_) => Err(pyo3::exceptions::PyTypeError::new_err("expected a str")),
        }
    }
}

/// `invalid_input` at `at`, with the binding's words.
pub fn invalid(at: &[LocItem], en: &'static str, zh: &'static str) -> Error {
    Error::new(ErrorKind::InvalidInput {
        detail: Detail::new(en, zh),
    })
    .with_loc(Loc(at.to_vec()))
}

/// A Python `str` as Rust text; a lone surrogate is `invalid_input` at `at`.
pub fn text(s: &Bound<'_, PyString>, at: &[LocItem]) -> Result<String, Error> {
    s.to_cow().map(|c| c.into_owned()).map_err(|_| {
        invalid(
            at,
            "a text that is not valid Unicode (a lone surrogate)",
            "文本不是有效的 Unicode（含孤立代理项）",
        )
    })
}

/// A float as JSON: NaN is a missing value; an infinity the largest float of its sign.
fn float(value: f64) -> Value {
    if value.is_nan() {
        return Value::Null;
    }
    Number::from_f64(value.clamp(f64::MIN, f64::MAX)).map_or(Value::Null, Value::Number)
}

fn int(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(u) = obj.extract::<u64>() {
        return Ok(Value::from(u));
    }
    let huge = if obj.lt(0)? { f64::MIN } else { f64::MAX };
    Ok(float(obj.extract::<f64>().unwrap_or(huge)))
}

/// A datetime (a pandas Timestamp too) at midnight as its ISO day, else as its ISO text.
fn datetime(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let mut parts = vec!["hour", "minute", "second", "microsecond"];
    if obj.hasattr("nanosecond")? {
        parts.push("nanosecond");
    }
    let mut midnight = true;
    for part in parts {
        midnight &= obj.getattr(part)?.extract::<i64>().ok() == Some(0);
    }
    let text = if midnight {
        obj.call_method0("date")?.call_method0("isoformat")?
    } else {
        obj.call_method0("isoformat")?
    };
    Ok(Value::String(text.extract()?))
}

/// A `numpy.datetime64` at midnight as its ISO day, NaT as null, else its ISO text.
fn datetime64(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let day = obj.call_method1("astype", ("datetime64[D]",))?;
    let text: String = day.str()?.extract()?;
    if text == "NaT" {
        return Ok(Value::Null);
    }
    if day.eq(obj)? {
        return Ok(Value::String(text));
    }
    Ok(Value::String(obj.str()?.extract()?))
}

fn type_is(obj: &Bound<'_, PyAny>, module: &str, names: &[&str]) -> bool {
    let t = obj.get_type();
    let module_ok = t.module().is_ok_and(|m| {
        m.to_cow()
            .is_ok_and(|m| m == module || m.starts_with(&format!("{module}.")))
    });
    module_ok
        && t.name()
            .is_ok_and(|n| n.to_cow().is_ok_and(|n| names.contains(&n.as_ref())))
}

fn unreadable(at: &[LocItem]) -> Error {
    invalid(at, "a value that cannot be read", "无法读取的值")
}

/// Reads `obj` at place `at` (the keys and indexes from the request down to it).
pub fn to_value(obj: &Bound<'_, PyAny>, at: &mut Vec<LocItem>) -> Result<Value, Error> {
    if at.len() > MAX_DEPTH {
        return Err(invalid(at, "nested too deeply", "嵌套过深"));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return int(obj).map_err(|_| unreadable(at));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(float(f.value()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return text(s, at).map(Value::String);
    }
    if type_is(obj, "pandas", &["NaTType", "NAType"]) {
        return Ok(Value::Null);
    }
    if obj.is_instance_of::<PyDateTime>() {
        return datetime(obj).map_err(|_| unreadable(at));
    }
    if obj.is_instance_of::<PyDate>() {
        let iso = obj.call_method0("isoformat").map_err(|_| unreadable(at))?;
        return iso.extract().map(Value::String).map_err(|_| unreadable(at));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        return object(d.items().iter(), at);
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let items = m.items().map_err(|_| unreadable(at))?;
        return object(items.iter(), at);
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, item) in obj.try_iter().map_err(|_| unreadable(at))?.enumerate() {
            at.push(LocItem::from(i));
            let value = item
                .map_err(|_| unreadable(at))
                .and_then(|item| to_value(&item, at));
            at.pop();
            out.push(value?);
        }
        return Ok(Value::Array(out));
    }
    if type_is(obj, "numpy", &["datetime64"]) {
        return datetime64(obj).map_err(|_| unreadable(at));
    }
    if type_is(obj, "numpy", &["bool", "bool_"]) || obj.hasattr("__index__").unwrap_or(false) {
        // NumPy scalars (and other integer-likes) are their Python value.
        let plain = match obj.call_method0("item") {
            Ok(item) => item,
            Err(_) => obj.call_method0("__index__").map_err(|_| unreadable(at))?,
        };
        if plain.is_instance_of::<PyBool>() || plain.is_instance_of::<PyInt>() {
            return to_value(&plain, at);
        }
    }
    Err(invalid(
        at,
        "a value of a type no JSON document holds (a set, bytes, an object)",
        "JSON 文档无法容纳的类型（集合、字节串或对象）",
    ))
}

fn object<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    at: &mut Vec<LocItem>,
) -> Result<Value, Error> {
    let mut out = Map::new();
    for pair in items {
        let Ok((key, value)) = pair.extract::<(Bound<'py, PyAny>, Bound<'py, PyAny>)>() else {
            return Err(invalid(
                at,
                "a mapping that cannot be read",
                "无法读取的映射",
            ));
        };
        let Ok(key) = key.cast::<PyString>() else {
            return Err(invalid(at, "a key that is not a text", "键不是文本"));
        };
        let key = text(key, at)?;
        at.push(LocItem::key(&key));
        let value = to_value(&value, at);
        at.pop();
        out.insert(key, value?);
    }
    Ok(Value::Object(out))
}

/// An answer of the core as Python data.
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}
