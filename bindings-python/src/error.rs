//! The core's [`liaison::Error`] as `liaison.LiaisonError`, the exception class defined in
//! Python (`python/liaison/__init__.py`) so that it pickles with its attributes.

use liaison::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// Whether an error says that a file or folder does not exist (`file_not_found`), which
/// Python also raises as a `FileNotFoundError`. Decided by the error's kind, never its text.
fn not_found(e: &Error) -> bool {
    matches!(e.kind(), ErrorKind::FileNotFound)
}

/// `LiaisonError(message, code, message_zh, loc, rule, field, errors)` for a core error
/// (`LiaisonFileNotFoundError` for a missing path).
pub fn raise(py: Python<'_>, e: &Error) -> PyErr {
    static ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static NOT_FOUND: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let class = if not_found(e) {
        NOT_FOUND.import(py, "liaison", "LiaisonFileNotFoundError")
    } else {
        ERROR.import(py, "liaison", "LiaisonError")
    };
    // The place, and the problems an `invalid_records` error gathers, as Python lists.
    let parts = match crate::value::to_python(py, &serde_json::json!([e.loc(), e.related()])) {
        Ok(parts) => parts,
        Err(err) => return err,
    };
    let (loc, related) = match (parts.get_item(0), parts.get_item(1)) {
        (Ok(loc), Ok(related)) => (loc.unbind(), related.unbind()),
        (Err(err), _) | (_, Err(err)) => return err,
    };
    match class {
        Ok(class) => PyErr::from_type(
            class.clone(),
            (
                e.message(),
                e.code(),
                e.message_zh(),
                loc,
                e.rule(),
                e.field(),
                related,
            ),
        ),
        Err(import_error) => import_error,
    }
}

/// A result whose error is the core's, raised as `LiaisonError`.
pub trait OrRaise<T> {
    /// The value, or the error raised as `LiaisonError`.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise(py, &e))
    }
}
