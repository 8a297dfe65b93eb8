//! Python arguments to core values. Every bad value becomes the core's coded error with
//! the parameter's name; no rule is decided here.

use crate::error::BindResult;
use crate::policy::PyPolicy;
use chrono::NaiveDate;
use liaison::{Error, Policy, Responsibility};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyFloat, PyInt, PyString};

/// A count parameter with a default of 0, told apart from an explicit argument so that an
/// explicit `None` is still rejected.
pub enum CountArg<'py> {
    /// Left out: 0.
    Zero,
    /// Given: checked by [`count`].
    Given(Bound<'py, PyAny>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for CountArg<'py> {
    type Error = std::convert::Infallible;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        Ok(CountArg::Given(obj.to_owned()))
    }
}

impl CountArg<'_> {
    /// The count, or `invalid_count` naming `field`.
    pub fn get(&self, field: &str) -> BindResult<u64> {
        match self {
            CountArg::Zero => Ok(0),
            CountArg::Given(obj) => count(obj, field),
        }
    }
}

fn invalid_count(field: &str) -> Error {
    Error::InvalidCount {
        field: field.to_string(),
    }
}

/// A Python `int` (or an object with `__index__`, such as a NumPy integer) in
/// `0..=2**64-1`. `bool`, `float`, strings and everything else are `invalid_count`.
pub fn count(obj: &Bound<'_, PyAny>, field: &str) -> BindResult<u64> {
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyFloat>() {
        return Err(invalid_count(field).into());
    }
    obj.extract::<u64>()
        .map_err(|_| invalid_count(field).into())
}

/// An optional count: `None` stays `None`.
pub fn optional_count(obj: Option<&Bound<'_, PyAny>>, field: &str) -> BindResult<Option<u64>> {
    obj.map(|o| count(o, field)).transpose()
}

fn invalid_date(field: &str) -> Error {
    Error::InvalidDate {
        field: field.to_string(),
    }
}

/// A `datetime.date` (not a `datetime.datetime`) or an ISO `YYYY-MM-DD` string.
pub fn date(obj: &Bound<'_, PyAny>, field: &str) -> BindResult<NaiveDate> {
    if let Ok(text) = obj.cast::<PyString>() {
        let text = text.to_cow().map_err(|_| invalid_date(field))?;
        return Ok(liaison::convert::parse_date(field, &text)?);
    }
    if obj.is_instance_of::<PyDateTime>() || !obj.is_instance_of::<PyDate>() {
        return Err(invalid_date(field).into());
    }
    obj.extract::<NaiveDate>()
        .map_err(|_| invalid_date(field).into())
}

/// An optional date: `None` stays `None`.
pub fn optional_date(obj: Option<&Bound<'_, PyAny>>, field: &str) -> BindResult<Option<NaiveDate>> {
    obj.map(|o| date(o, field)).transpose()
}

/// At most 40 characters of what the caller gave, as the core does for strings.
fn shown(obj: &Bound<'_, PyAny>) -> String {
    obj.repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| "?".to_string())
        .chars()
        .take(40)
        .collect()
}

/// A responsibility class: its name, digit string or Chinese label, or an `int` 1–4.
pub fn responsibility(obj: &Bound<'_, PyAny>) -> BindResult<Responsibility> {
    if let Ok(text) = obj.cast::<PyString>() {
        let text = text.to_cow().map_err(|_| Error::InvalidResponsibility {
            field: "responsibility".to_string(),
            value: shown(obj),
        })?;
        return Ok(text.parse()?);
    }
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        if let Ok(digit) = obj.extract::<u64>() {
            return Ok(Responsibility::from_digit(digit)?);
        }
    }
    Err(Error::InvalidResponsibility {
        field: "responsibility".to_string(),
        value: shown(obj),
    }
    .into())
}

/// The policy a rule function uses: Banan 2008, a `Policy` object, or one read from a dict.
pub enum PolicyArg<'py> {
    /// `Policy` given as an object: used without copying.
    Object(Bound<'py, PyPolicy>),
    /// Left out, `None`, or read from a mapping.
    Owned(Box<Policy>),
}

impl PolicyArg<'_> {
    /// The core policy.
    pub fn get(&self) -> &Policy {
        match self {
            PolicyArg::Object(p) => &p.get().inner,
            PolicyArg::Owned(p) => p,
        }
    }
}

/// `None` (Banan 2008), a `Policy`, or a mapping read by `Policy.from_dict`. Any other
/// type is a `TypeError`.
pub fn policy<'py>(obj: Option<&Bound<'py, PyAny>>) -> BindResult<PolicyArg<'py>> {
    let Some(obj) = obj else {
        return Ok(PolicyArg::Owned(Box::new(Policy::banan_2008())));
    };
    if let Ok(p) = obj.cast::<PyPolicy>() {
        return Ok(PolicyArg::Object(p.clone()));
    }
    if obj.is_instance_of::<pyo3::types::PyMapping>() {
        return Ok(PolicyArg::Owned(Box::new(crate::policy::from_mapping(
            obj,
        )?)));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "`policy` must be None, a liaison.Policy or a dict, not {}",
        obj.get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default()
    ))
    .into())
}
