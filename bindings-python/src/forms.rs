//! F1–F5, the five paper forms: validation, JSON Schema, field lists and redaction. Every
//! check, label and mask is the core's (`liaison::forms`); this converts a Python document
//! to JSON and the core's answers back to Python data.

use crate::args;
use crate::error::BindResult;
use crate::json::form_json;
use crate::report::loads;
use liaison::forms::{self, FormKind, FIELD_ERROR_CODES};
use liaison::Error;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyMapping, PyString, PyTuple};
use serde_json::Value;

/// The `kind` argument as text; anything but a `str` is `invalid_input` on `kind`, as an
/// unknown kind is (the core names the five).
fn kind(obj: &Bound<'_, PyAny>) -> BindResult<String> {
    obj.cast::<PyString>()
        .ok()
        .and_then(|s| s.to_cow().ok().map(|s| s.into_owned()))
        .ok_or_else(|| {
            Error::InvalidInput {
                field: "kind".to_string(),
                detail: "not a form kind (reception_record, assignment_slip, visit_diary, register_entry or feedback_slip)".to_string(),
            }
            .into()
        })
}

/// A core JSON value as Python data (dicts keep the core's key order).
fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| PyRuntimeError::new_err(format!("a core value does not serialize: {e}")))?;
    loads(py, &text)
}

/// F1–F5, S1.8, S1.9, S2.5, S5.1–S5.6: checks a form document and returns every problem at
/// once.
///
/// ``kind`` is one of ``FORM_KINDS``: ``"reception_record"`` (F1), ``"assignment_slip"``
/// (F2), ``"visit_diary"`` (F3), ``"register_entry"`` (F4), ``"feedback_slip"`` (F5).
/// ``data`` is the document: a dict whose keys are the form's field names (``form_fields``),
/// groups as nested dicts (``visitor.phone``) and rows as lists (``members[2].age``). A
/// missing key, ``None`` and NaN all mean an empty field; a ``datetime.date`` is its ISO
/// day, and so is a ``datetime`` or pandas ``Timestamp`` at midnight (one with a time of day
/// is not a date, and is reported as such).
///
/// Returns ``{"valid": bool, "errors": [...]}``, each error a dict ``{"path", "code",
/// "message", "message_zh", "rule"}``: ``path`` as above (``""`` for the document itself),
/// ``code`` one of ``FIELD_ERROR_CODES``, the messages in English and Chinese (naming the
/// field by its labels on the paper form, never a value from the document), ``rule`` the
/// rule ids. ``valid`` is true exactly when ``errors`` is empty. The ``policy`` gives the
/// "1234" deadlines an F2 or F4 deadline must equal.
///
/// Raises ``LiaisonError``: ``invalid_input`` on ``kind`` for anything but the five kinds,
/// and on the path of a value no JSON document can hold (a ``set``, an object);
/// ``invalid_policy``. Problems of the document are never raised: they are the result.
///
/// >>> import liaison
/// >>> record = {
/// ...     "date": "2008-12-01", "receiver": "李书记",
/// ...     "visitor": {"name": "张三", "phone": "1381234"},
/// ...     "matter": "道路损毁", "cause": "山体滑坡", "request": "尽快修复",
/// ...     "handling": {"way": "限期办理", "deadline": "2008-12-11"},
/// ...     "notes": "x",
/// ... }
/// >>> result = liaison.validate_form("reception_record", record)
/// >>> result["valid"]
/// False
/// >>> [(e["path"], e["code"]) for e in result["errors"]]
/// [('visitor.phone', 'invalid_phone'), ('handling.handler', 'required'), ('notes', 'unknown_field')]
/// >>> result["errors"][0]["message_zh"]
/// '「来访群众情况·联系电话」不是有效的手机号码或带区号的固定电话号码'
/// >>> from datetime import date
/// >>> row = {"number": 1, "reporter": "王五", "reported": date(2008, 9, 25), "matter": "低保",
/// ...        "handler": "赵六", "responsibility": "within_remit", "deadline": date(2008, 10, 6)}
/// >>> liaison.validate_form("register_entry", row)  # 10-05 is a holiday: moved to 10-06
/// {'valid': True, 'errors': []}
#[pyfunction]
#[pyo3(signature = (kind, data, policy = None))]
pub fn validate_form<'py>(
    py: Python<'py>,
    kind: &Bound<'py, PyAny>,
    data: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
) -> BindResult<Bound<'py, PyDict>> {
    let kind = self::kind(kind)?;
    let data = form_json(data, "")?;
    let policy = args::policy(policy)?;
    let validation = forms::validate_form(&kind, &data, policy.get())?;
    let errors = PyList::empty(py);
    for e in &validation.errors {
        let d = PyDict::new(py);
        d.set_item("path", &e.path)?;
        d.set_item("code", e.code.name())?;
        d.set_item("message", &e.message)?;
        d.set_item("message_zh", &e.message_zh)?;
        d.set_item("rule", &e.rule)?;
        errors.append(d)?;
    }
    let out = PyDict::new(py);
    out.set_item("valid", validation.valid)?;
    out.set_item("errors", errors)?;
    Ok(out)
}

/// F1–F5: the JSON Schema (draft 2020-12) of a form, as a dict, for form builders.
///
/// Generated from the validator's field table: ``title`` is the Chinese label of the form
/// and of each property, ``description`` English; ``required``, ``additionalProperties:
/// false``, enums (names and Chinese labels), ``format: date``, the phone pattern, ranges;
/// optional properties also accept ``null``. Extra annotations: ``x-order`` (the paper's
/// field order), ``x-rule``, ``x-labels``, ``x-personal`` (what ``redact`` masks) and
/// ``x-rules`` (the cross-field rules, which only ``validate_form`` checks).
///
/// Raises ``LiaisonError`` ``invalid_input`` on ``kind`` for anything but the five kinds.
///
/// >>> import liaison
/// >>> schema = liaison.form_schema("reception_record")
/// >>> schema["$schema"]
/// 'https://json-schema.org/draft/2020-12/schema'
/// >>> schema["title"], schema["properties"]["visitor"]["properties"]["phone"]["title"]
/// ('党组织书记接待群众登记表', '联系电话')
#[pyfunction]
pub fn form_schema<'py>(
    py: Python<'py>,
    kind: &Bound<'py, PyAny>,
) -> BindResult<Bound<'py, PyAny>> {
    let schema = forms::form_schema(&self::kind(kind)?)?;
    Ok(to_python(py, &schema)?)
}

/// PIPL art. 51: a copy of a form document with personal data masked for export.
///
/// Names (张三丰 → 张**), phones (13812341234 → 138****1234, 023-66230226 →
/// 023-****0226), addresses (the first 6 characters, then ``****``) and 18-character ID
/// numbers in any text (the first 6 and last 4 kept) are masked; everything else, unknown
/// keys included, is unchanged, in the order of ``data``. Works on invalid documents too.
/// ``data`` is read as by ``validate_form``, so dates come back as ISO strings.
///
/// Raises ``LiaisonError`` ``invalid_input`` on ``kind`` for anything but the five kinds,
/// and on the path of a value no JSON document can hold.
///
/// >>> import liaison
/// >>> liaison.redact("reception_record", {
/// ...     "visitor": {"name": "张三丰", "phone": "13812341234",
/// ...                 "address": "重庆市巴南区鱼洞街道新市街12号"},
/// ...     "matter": "道路损毁"})
/// {'visitor': {'name': '张**', 'phone': '138****1234', 'address': '重庆市巴南区****'}, 'matter': '道路损毁'}
#[pyfunction]
pub fn redact<'py>(
    py: Python<'py>,
    kind: &Bound<'py, PyAny>,
    data: &Bound<'py, PyAny>,
) -> BindResult<Bound<'py, PyAny>> {
    let kind = self::kind(kind)?;
    let data_obj = data;
    let data = form_json(data, "")?;
    let redacted = forms::redact(&kind, &data)?;
    Ok(ordered_like(py, &redacted, Some(data_obj))?)
}

/// A JSON value as Python data whose dicts keep the key order of `like` (the document the
/// value was made from) where it has the same keys; other keys follow in the core's order.
fn ordered_like<'py>(
    py: Python<'py>,
    value: &Value,
    like: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let like: Option<Vec<Bound<'py, PyAny>>> = like
                .filter(|l| l.is_instance_of::<PyList>() || l.is_instance_of::<PyTuple>())
                .and_then(|l| l.try_iter().ok())
                .map(|it| it.filter_map(Result::ok).collect());
            let list = PyList::empty(py);
            for (i, item) in items.iter().enumerate() {
                let template = like.as_ref().and_then(|l| l.get(i));
                list.append(ordered_like(py, item, template)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            let like = like.and_then(|l| l.cast::<PyMapping>().ok());
            if let Some(like) = like {
                for pair in like.items()?.iter() {
                    let (key, template): (Bound<'py, PyAny>, Bound<'py, PyAny>) = pair.extract()?;
                    let Ok(key) = key.extract::<String>() else {
                        continue;
                    };
                    if let Some(v) = map.get(&key) {
                        dict.set_item(&key, ordered_like(py, v, Some(&template))?)?;
                    }
                }
            }
            for (key, v) in map {
                if !dict.contains(key)? {
                    dict.set_item(key, ordered_like(py, v, None)?)?;
                }
            }
            dict.into_any()
        }
    })
}

/// F1–F5: every field of a form in the order of the paper form, groups before their
/// fields, for spreadsheet headers and form builders.
///
/// Each is a dict ``{"path", "label_zh", "description", "kind", "required", "rule"}``:
/// ``path`` with ``[]`` for the items of a list (``members[].age``), ``label_zh`` as printed
/// on the paper form, ``kind`` one of ``text``, ``name``, ``address``, ``phone``, ``date``,
/// ``integer``, ``money``, ``area``, ``flag``, ``choice``, ``serial``, ``responsibility``,
/// ``object``, ``list``; ``required`` inside its group or list item.
///
/// Raises ``LiaisonError`` ``invalid_input`` on ``kind`` for anything but the five kinds.
///
/// >>> import liaison
/// >>> fields = liaison.form_fields("visit_diary")
/// >>> [(f["path"], f["label_zh"], f["kind"], f["required"]) for f in fields[3:7]]
/// [('members', '被访家庭成员基本情况', 'list', True), ('members[].name', '姓名', 'name', True), ('members[].sex', '性别', 'choice', False), ('members[].age', '年龄', 'integer', False)]
#[pyfunction]
pub fn form_fields<'py>(
    py: Python<'py>,
    kind: &Bound<'py, PyAny>,
) -> BindResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for f in forms::form_fields(&self::kind(kind)?)? {
        let d = PyDict::new(py);
        d.set_item("path", f.path)?;
        d.set_item("label_zh", f.label_zh)?;
        d.set_item("description", f.description)?;
        d.set_item("kind", f.kind)?;
        d.set_item("required", f.required)?;
        d.set_item("rule", f.rule)?;
        list.append(d)?;
    }
    Ok(list)
}

/// `FORM_KINDS`: the five kinds, F1 to F5.
pub fn form_kinds(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, FormKind::ALL.map(FormKind::name))
}

/// `FIELD_ERROR_CODES`: every code of a form error, in the core's order.
pub fn field_error_codes(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, FIELD_ERROR_CODES)
}
