//! Core errors become `liaison.LiaisonError`, the exception class defined in Python
//! (`python/liaison/__init__.py`) so that it pickles with its attributes.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// What a binding function can fail with: a coded core error or a Python exception
/// (raised by a callback such as `__index__`, or a failed import).
pub enum BindError {
    /// A bad value, decided by the core's error type.
    Core(liaison::Error),
    /// A core error located by the binding (a row and column of a table): `field` replaces
    /// the core's own field, the code and messages stay the core's.
    At(liaison::Error, String),
    /// An exception that is already a Python one.
    Py(PyErr),
}

impl From<liaison::Error> for BindError {
    fn from(e: liaison::Error) -> Self {
        BindError::Core(e)
    }
}

impl From<PyErr> for BindError {
    fn from(e: PyErr) -> Self {
        BindError::Py(e)
    }
}

impl From<BindError> for PyErr {
    fn from(e: BindError) -> Self {
        match e {
            BindError::Py(e) => e,
            BindError::Core(e) => Python::attach(|py| liaison_error(py, &e)),
            BindError::At(e, field) => Python::attach(|py| located(py, &e, Some(field))),
        }
    }
}

/// The result type of the binding's functions.
pub type BindResult<T> = Result<T, BindError>;

/// `liaison.LiaisonError(message, code, message_zh, field)` for a core error.
pub fn liaison_error(py: Python<'_>, e: &liaison::Error) -> PyErr {
    located(py, e, e.field().map(str::to_string))
}

/// `liaison.LiaisonError` for a core error, with `field` given by the binding.
fn located(py: Python<'_>, e: &liaison::Error, field: Option<String>) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    match CLASS.import(py, "liaison", "LiaisonError") {
        Ok(class) => PyErr::from_type(
            class.clone(),
            (e.to_string(), e.code(), e.message_zh(), field),
        ),
        Err(import_error) => import_error,
    }
}
