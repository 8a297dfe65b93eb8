//! The columnar S3.7 and S3.5 (`grade_table`, `decide_vote_table`): a table of counts in,
//! the core's grade or outcome of every row out, through the same Arrow path as
//! `evaluate_register`. Nothing is read or decided here.

use crate::arrow::evaluate_table;
use crate::error::OrRaise;
use crate::value::Json;
use liaison_arrow::{Grades, Votes};
use pyo3::prelude::*;

/// `grade_table(table, options)`: S3.7 for every row, as one Arrow table.
#[pyfunction]
pub fn grade_table<'py>(table: &Bound<'py, PyAny>, options: Json) -> PyResult<Bound<'py, PyAny>> {
    let py = table.py();
    let grades = Grades::from_request(&options.0).or_raise(py)?;
    evaluate_table(table, &grades)
}

/// `decide_vote_table(table, options)`: S3.5 for every row, as one Arrow table.
#[pyfunction]
pub fn decide_vote_table<'py>(
    table: &Bound<'py, PyAny>,
    options: Json,
) -> PyResult<Bound<'py, PyAny>> {
    let py = table.py();
    let votes = Votes::from_request(&options.0).or_raise(py)?;
    evaluate_table(table, &votes)
}
