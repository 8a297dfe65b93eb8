//! Python binding of `liaison`: the native half of the `liaison` package
//! (`liaison._liaison`). One function, [`call`], answers every operation of the contract
//! (`liaison::api`) from Python data; the package's functions (`python/liaison/`) are thin
//! Python over it. The Arrow path (`arrow.rs`) hands batches to `liaison-arrow`. Every rule,
//! threshold, date computation and error is the core's.

mod arrow;
mod columns;
mod error;
mod value;

use error::OrRaise;
use liaison::api::{call_with, Options};
use liaison::dataset::Encoding;
use liaison::error::{Detail, LocItem};
use liaison::{Error, ErrorKind};
use pyo3::exceptions::{PyTypeError, PyUnicodeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyString};
use serde::Serialize;
use std::path::PathBuf;
use value::{invalid, to_python, Json, Text};

/// What Python allows: a dataset may be the path of a JSON file, a folder of CSV files or an
/// `.xlsx` workbook, read with `encoding` (``None``: detected) and `strict` (``None``:
/// ``False``); anything else is `invalid_input` at that keyword.
fn options(
    py: Python<'_>,
    encoding: Option<&Bound<'_, PyAny>>,
    strict: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let encoding = match encoding {
        None => Encoding::Auto,
        Some(given) => {
            let at = [LocItem::key("encoding")];
            let name = match given.cast::<PyString>() {
                Ok(s) => value::text(s, &at),
                Err(_) => Err(invalid(
                    &at,
                    "must be a text: auto, utf-8 or gb18030 (gbk)",
                    "必须是文本：auto、utf-8 或 gb18030（gbk）",
                )),
            };
            name.and_then(|name| name.parse::<Encoding>().map_err(|e| e.at("encoding")))
                .or_raise(py)?
        }
    };
    let strict = match strict {
        None => false,
        Some(given) => match given.cast::<PyBool>() {
            Ok(b) => b.is_true(),
            Err(_) => {
                let at = [LocItem::key("strict")];
                let e = invalid(&at, "must be True or False", "必须是 True 或 False");
                return Err(error::raise(py, &e));
            }
        },
    };
    Ok(Options {
        files: true,
        encoding,
        strict,
        ..Options::default()
    })
}

/// Answers one request of the contract: ``call(op, request, *, encoding=None, strict=None)``.
///
/// ``op`` is an operation of ``operations()``; ``request`` a dict of its parameters
/// (snake_case keys, the Python values ``liaison``'s functions take) or the request as
/// JSON text. A dataset given as a path is read with ``encoding`` (of CSV files: ``"auto"``,
/// ``"utf-8"``, ``"gb18030"`` or ``"gbk"``) and ``strict``. Returns the answer as Python
/// data (ISO dates as text). The core runs without the GIL. Raises ``LiaisonError`` with
/// the core's code and place.
#[pyfunction]
#[pyo3(signature = (op, request, *, encoding = None, strict = None))]
fn call<'py>(
    op: Text,
    request: &Bound<'py, PyAny>,
    encoding: Option<&Bound<'py, PyAny>>,
    strict: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = request.py();
    let request = match request.cast::<PyString>() {
        Ok(_) => {
            let Text(text) = request.extract()?;
            py.detach(|| liaison::de::parse(&text)).or_raise(py)?
        }
        Err(_) => request.extract::<Json>()?.0,
    };
    let options = options(py, encoding, strict)?;
    let answer = py
        .detach(|| call_with(&op.0, &request, &options))
        .or_raise(py)?;
    to_python(py, &answer)
}

fn internal(what: &'static str) -> Error {
    Error::new(ErrorKind::Internal {
        detail: Detail::new(what, what),
    })
}

fn answer<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value)
        .map_err(|_| internal("an answer cannot be written as JSON"))
        .or_raise(py)?;
    to_python(py, &value)
}

/// A policy read from JSON text and completed with Banan 2008's values (``Policy.from_json``):
/// the core's reader, with its ``invalid_policy`` for malformed text.
#[pyfunction]
fn policy_from_json(py: Python<'_>, json: Text) -> PyResult<Bound<'_, PyAny>> {
    let policy = liaison::Policy::from_json(&json.0).or_raise(py)?;
    answer(py, &policy)
}

/// A policy read from a regular UTF-8 JSON file of at most the core's file limit
/// (``Policy.load``). A path that is no ``str`` or ``os.PathLike`` is a ``TypeError``; one
/// that the file system cannot name (a lone surrogate), or an ``os.PathLike`` that fails to
/// give its path, is ``invalid_input``.
#[pyfunction]
fn policy_from_file<'py>(path: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = path.py();
    let path: PathBuf = match path.extract() {
        Ok(path) => path,
        Err(e) if e.is_instance_of::<PyTypeError>(py) => return Err(e),
        Err(e) => {
            let e = if e.is_instance_of::<PyUnicodeError>(py) {
                invalid(
                    &[],
                    "a path that is not valid Unicode (a lone surrogate)",
                    "路径不是有效的 Unicode（含孤立代理项）",
                )
            } else {
                invalid(
                    &[],
                    "a path-like object that fails to give its path",
                    "类路径对象无法给出其路径",
                )
            };
            return Err(error::raise(py, &e));
        }
    };
    let policy = py.detach(|| {
        let text = liaison::files::read_text(&path, liaison::files::MAX_FILE_BYTES)?;
        liaison::Policy::from_json(&text)
    });
    answer(py, &policy.or_raise(py)?)
}

/// A report read back from its JSON form (``Report.from_json``), checked by the core's
/// reader.
#[pyfunction]
fn report_from_json(py: Python<'_>, json: Text) -> PyResult<Bound<'_, PyAny>> {
    let report: liaison::Report = liaison::de::from_json(&json.0).or_raise(py)?;
    answer(py, &report)
}

/// The widest indentation ``to_json`` writes.
const MAX_INDENT: i64 = 16;

/// Python data as JSON text (``Report.to_json``, ``Policy.to_json``): compact, or indented
/// by ``indent`` spaces (0 to 16; anything else is ``invalid_input`` on ``indent``).
#[pyfunction]
#[pyo3(signature = (value, indent = None))]
fn to_json(py: Python<'_>, value: Json, indent: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let pad = match indent {
        None => None,
        Some(n) => match n.extract::<i64>() {
            Ok(n) if (0..=MAX_INDENT).contains(&n) => Some(" ".repeat(n.unsigned_abs() as usize)),
            _ => {
                let at = [LocItem::key("indent")];
                let e = invalid(
                    &at,
                    "must be a whole number of spaces from 0 to 16",
                    "必须是 0 到 16 之间的整数空格数",
                );
                return Err(error::raise(py, &e));
            }
        },
    };
    let text = match pad {
        None => serde_json::to_vec(&value.0),
        Some(pad) => {
            let mut out = Vec::new();
            let formatter = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
            value.0.serialize(&mut ser).map(|()| out)
        }
    };
    let text = text
        .map_err(|_| internal("a value cannot be written as JSON"))
        .or_raise(py)?;
    String::from_utf8(text)
        .map_err(|_| internal("JSON text is not UTF-8"))
        .or_raise(py)
}

/// The native half of the `liaison` package; import `liaison`, not this module.
#[pymodule]
fn _liaison(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(policy_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(policy_from_file, m)?)?;
    m.add_function(wrap_pyfunction!(report_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(to_json, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::arrow_table, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::evaluate_register, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::evaluate_batches, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::register_core, m)?)?;
    m.add_function(wrap_pyfunction!(columns::grade_table, m)?)?;
    m.add_function(wrap_pyfunction!(columns::decide_vote_table, m)?)?;
    m.add_class::<arrow::RegisterBatches>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
