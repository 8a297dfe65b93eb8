//! `liaison.Policy`: the core's policy as a Python object. Reading, checking and filling
//! in missing fields is the core's (`Policy::from_json`); this converts and delegates.

use crate::error::{BindError, BindResult};
use crate::json::{to_json, NanAs};
use liaison::{Error, Policy};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PyType};
use std::path::PathBuf;

/// Every number of the rules and every default of the ambiguities A1–A15.
///
/// ``Policy()`` and ``Policy.banan_2008()`` give the values of 巴南委办发〔2008〕43号; a policy
/// read from JSON or a dict that names only some fields takes the rest from Banan 2008.
/// Unknown keys and values of the wrong type are ``LiaisonError`` ``invalid_policy``.
/// Policies compare by value and pickle.
///
/// >>> import liaison
/// >>> p = liaison.Policy.from_dict({"within_remit_days": 7})
/// >>> p
/// Policy.from_dict({'within_remit_days': 7})
/// >>> p.to_dict()["within_remit_days"], p.to_dict()["outside_remit_days"]
/// (7, 20)
/// >>> liaison.Policy() == liaison.Policy.banan_2008()
/// True
/// >>> liaison.Policy.from_json(p.to_json()) == p
/// True
/// >>> try:
/// ...     liaison.Policy.from_dict({"within_remit": 7})
/// ... except liaison.LiaisonError as e:
/// ...     print(e.code)
/// invalid_policy
#[pyclass(module = "liaison", name = "Policy", frozen, eq)]
#[derive(PartialEq)]
pub struct PyPolicy {
    /// The core policy.
    pub inner: Policy,
}

/// Reads a policy from a Python mapping through the core's JSON reader.
///
/// # Errors
/// `invalid_policy` for a value no JSON can hold and for everything the core rejects.
pub fn from_mapping(obj: &Bound<'_, PyAny>) -> BindResult<Policy> {
    if !obj.is_instance_of::<PyMapping>() {
        return Err(Error::InvalidPolicy {
            detail: "a policy is a mapping of field names to values".to_string(),
        }
        .into());
    }
    let value = to_json(obj, "policy", NanAs::Number).map_err(|e| match e {
        BindError::Core(e) => BindError::Core(Error::InvalidPolicy {
            detail: e.to_string(),
        }),
        other => other,
    })?;
    let text = serde_json::to_string(&value).map_err(|e| Error::InvalidPolicy {
        detail: e.to_string(),
    })?;
    Ok(Policy::from_json(&text)?)
}

fn to_dict<'py>(py: Python<'py>, policy: &Policy) -> PyResult<Bound<'py, PyDict>> {
    Ok(py
        .import("json")?
        .call_method1("loads", (policy.to_json(),))?
        .cast_into::<PyDict>()?)
}

#[pymethods]
impl PyPolicy {
    /// The Banan 2008 policy, as ``Policy.banan_2008()``.
    #[new]
    fn new() -> Self {
        PyPolicy {
            inner: Policy::banan_2008(),
        }
    }

    /// The values of 巴南委办发〔2008〕43号 and the defaults of RULES.md A1–A15.
    ///
    /// >>> import liaison
    /// >>> liaison.Policy.banan_2008().to_dict()["within_remit_days"]
    /// 10
    #[classmethod]
    fn banan_2008(_cls: &Bound<'_, PyType>) -> Self {
        PyPolicy::new()
    }

    /// Reads a policy from JSON text; fields left out take their Banan 2008 value.
    ///
    /// Raises ``LiaisonError`` ``invalid_policy`` (malformed JSON, an unknown or duplicate
    /// key, a value of the wrong type, an impossible threshold) or ``invalid_calendar``.
    ///
    /// >>> import liaison
    /// >>> liaison.Policy.from_json('{"lead_unit_days": 45}').to_dict()["lead_unit_days"]
    /// 45
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> BindResult<Self> {
        Ok(PyPolicy {
            inner: Policy::from_json(json)?,
        })
    }

    /// Reads a policy from a dict (any mapping with string keys), as ``from_json`` reads
    /// JSON text.
    ///
    /// >>> import liaison
    /// >>> liaison.Policy.from_dict({"move_rest_day": False}).to_dict()["move_rest_day"]
    /// False
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> BindResult<Self> {
        Ok(PyPolicy {
            inner: from_mapping(data)?,
        })
    }

    /// Reads a policy from a UTF-8 JSON file (a ``str`` or ``os.PathLike`` path).
    ///
    /// Raises ``OSError`` when the file cannot be read and ``LiaisonError`` as ``from_json``.
    ///
    /// >>> import liaison, json, pathlib, tempfile
    /// >>> with tempfile.TemporaryDirectory() as d:
    /// ...     path = pathlib.Path(d) / "policy.json"
    /// ...     _ = path.write_text(json.dumps({"within_remit_days": 5}), encoding="utf-8")
    /// ...     liaison.Policy.load(path).to_dict()["within_remit_days"]
    /// 5
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, path: PathBuf) -> BindResult<Self> {
        let bytes = std::fs::read(&path).map_err(PyErr::from)?;
        let text = String::from_utf8(bytes).map_err(|_| Error::InvalidPolicy {
            detail: "the file is not UTF-8 text".to_string(),
        })?;
        Ok(PyPolicy {
            inner: Policy::from_json(&text)?,
        })
    }

    /// The policy as pretty JSON, every field named.
    ///
    /// >>> import liaison
    /// >>> '"within_remit_days": 10' in liaison.Policy().to_json()
    /// True
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The policy as a dict, every field named, in the order of the JSON.
    ///
    /// >>> import liaison
    /// >>> liaison.Policy().to_dict()["vote_adopt"]
    /// {'numerator': 2, 'denominator': 3, 'inclusive': True}
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        to_dict(py, &self.inner)
    }

    /// ``Policy.banan_2008()``, or ``Policy.from_dict({...})`` naming the fields that differ.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let own = to_dict(py, &self.inner)?;
        let base = to_dict(py, &Policy::banan_2008())?;
        let differ = PyDict::new(py);
        for (key, value) in own.iter() {
            let same = match base.get_item(&key)? {
                Some(b) => b.eq(&value)?,
                None => false,
            };
            if !same {
                differ.set_item(key, value)?;
            }
        }
        if differ.is_empty() {
            Ok("Policy.banan_2008()".to_string())
        } else {
            Ok(format!("Policy.from_dict({})", differ.repr()?))
        }
    }

    /// Pickles through the JSON form.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().inner.to_json(),)))
    }
}
