//! The `dataset` argument of `check`: a path, the JSON shape as a dict, or tables per
//! record type (lists of dicts, pandas or polars DataFrames, Arrow tables). Reading and
//! checking the records, and putting a flat `commitment_items` table into its commitments,
//! is the core's (`Dataset::from_tables`, `Dataset::from_value`, `Dataset::from_path`);
//! this only says what each Python object holds.

use crate::error::BindResult;
use crate::json::{to_json, NanAs};
use liaison::dataset::Dataset;
use liaison::Error;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyDict, PyFloat, PyMapping, PyString};
use serde_json::{Map, Value};
use std::path::PathBuf;

/// Where the records come from, ready to be read by the core without the GIL.
pub enum Source {
    /// A JSON file or a folder of CSV files.
    Path(PathBuf),
    /// Record type → list of records (`commitment_items` among them, if given).
    Tables(Map<String, Value>),
    /// Anything else, as JSON, for the core to accept or refuse.
    Other(Value),
}

impl Source {
    /// Reads and checks the records (the core's work; no Python object is touched).
    pub fn read(self) -> liaison::Result<Dataset> {
        match self {
            Source::Path(path) => Dataset::from_path(&path),
            Source::Tables(tables) => Dataset::from_tables(tables),
            Source::Other(value) => Dataset::from_value(value),
        }
    }
}

/// Says what `obj` is: a `str` or `os.PathLike` path, a mapping of record type → records
/// (a list of dicts, a DataFrame or an Arrow table), or something the core will refuse.
/// Paths in errors are bare, as the core's: `receptions[0].date`.
pub fn source(obj: &Bound<'_, PyAny>) -> BindResult<Source> {
    if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
        return Ok(Source::Path(obj.extract::<PathBuf>()?));
    }
    let Ok(mapping) = obj.cast::<PyMapping>() else {
        return Ok(Source::Other(to_json(obj, "dataset", NanAs::Null)?));
    };
    let mut tables = Map::new();
    for pair in mapping.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
        let key = key
            .cast::<PyString>()
            .ok()
            .and_then(|k| k.to_cow().ok().map(|k| k.into_owned()))
            .ok_or_else(|| invalid_input("dataset", "a key that is not a string"))?;
        let rows = match frame_records(&value)? {
            Some(records) => frame_table(&records, &key)?,
            None => to_json(&value, &key, NanAs::Null)?,
        };
        tables.insert(key, rows);
    }
    Ok(Source::Tables(tables))
}

fn invalid_input(field: &str, detail: &str) -> Error {
    Error::InvalidInput {
        field: field.to_string(),
        detail: detail.to_string(),
    }
}

/// The rows of a pandas or polars DataFrame or of an Arrow table as a list of dicts, every
/// missing cell (None, NaN, NaT, `pd.NA`, null) as `None`; `None` for anything else.
fn frame_records<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyMapping>() || obj.is_instance_of::<PyString>() {
        return Ok(None);
    }
    if obj.hasattr("to_dicts")? && obj.hasattr("columns")? {
        // polars: nulls are None already; NaN is dropped with the other missing cells.
        return Ok(Some(obj.call_method0("to_dicts")?));
    }
    if obj.hasattr("iterrows")? && obj.hasattr("notna")? && obj.hasattr("to_dict")? {
        // pandas: object columns keep Python ints, bools, strings and Timestamps.
        let present = obj.call_method0("notna")?;
        let cells = obj
            .call_method1("astype", ("object",))?
            .call_method1("where", (present, obj.py().None()))?;
        return Ok(Some(cells.call_method1("to_dict", ("records",))?));
    }
    if obj.hasattr("__arrow_c_stream__")? || obj.hasattr("__arrow_c_array__")? {
        // An Arrow table, record batch or stream (pyarrow, duckdb, ...): its rows through
        // pyarrow, nulls as None, dates as `datetime.date`, timestamps as `datetime`.
        let pyarrow = obj.py().import("pyarrow").map_err(|e| {
            if e.is_instance_of::<PyImportError>(obj.py()) {
                let err = PyImportError::new_err(
                    "check() reads Arrow tables through pyarrow, which is not installed \
                     (pip install pyarrow)",
                );
                err.set_cause(obj.py(), Some(e));
                err
            } else {
                e
            }
        })?;
        let table = pyarrow.call_method1("table", (obj,))?;
        return Ok(Some(table.call_method0("to_pylist")?));
    }
    Ok(None)
}

/// A frame's rows as JSON records: a missing cell is an absent key (as an empty CSV cell
/// is), a datetime at midnight (how pandas holds a date) is its day.
fn frame_table(records: &Bound<'_, PyAny>, path: &str) -> BindResult<Value> {
    let mut rows = Vec::new();
    for (i, row) in records.try_iter()?.enumerate() {
        let row = row?;
        let at = format!("{path}[{i}]");
        let row = row
            .cast::<PyDict>()
            .map_err(|_| invalid_input(&at, "a row that is not a record"))?;
        let mut out = Map::new();
        for (key, cell) in row.iter() {
            let key = key
                .cast::<PyString>()
                .ok()
                .and_then(|k| k.to_cow().ok().map(|k| k.into_owned()))
                .ok_or_else(|| invalid_input(&at, "a column name that is not a string"))?;
            let field = format!("{at}.{key}");
            if let Some(value) = frame_cell(&cell, &field)? {
                out.insert(key, value);
            }
        }
        rows.push(Value::Object(out));
    }
    Ok(Value::Array(rows))
}

/// One cell of a frame; `None` when it is missing.
fn frame_cell(cell: &Bound<'_, PyAny>, field: &str) -> BindResult<Option<Value>> {
    if cell.is_none() {
        return Ok(None);
    }
    if let Ok(f) = cell.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(None);
        }
    }
    if cell.is_instance_of::<PyDateTime>() {
        return Ok(Some(midnight(cell, field)?));
    }
    Ok(Some(to_json(cell, field, NanAs::Null)?))
}

/// A `datetime` (a pandas `Timestamp`, a polars `Datetime`) at midnight as its ISO day;
/// any time of day is `invalid_date`, since a record holds days only.
fn midnight(cell: &Bound<'_, PyAny>, field: &str) -> BindResult<Value> {
    let invalid = || Error::InvalidDate {
        field: field.to_string(),
    };
    let mut parts = vec!["hour", "minute", "second", "microsecond"];
    if cell.hasattr("nanosecond")? {
        parts.push("nanosecond");
    }
    for part in parts {
        let value: i64 = cell
            .getattr(part)
            .and_then(|v| v.extract())
            .map_err(|_| invalid())?;
        if value != 0 {
            return Err(invalid().into());
        }
    }
    let day = cell.call_method0("date").map_err(|_| invalid())?;
    let day = crate::args::date(&day, field)?;
    Ok(Value::String(day.format("%Y-%m-%d").to_string()))
}
