//! `liaison.Report`: the core's report of a compliance check as a Python object. Every
//! figure and message is the core's; this converts them to Python data.

use crate::error::BindResult;
use liaison::convert::from_value;
use liaison::{Error, Finding, Outcome, OutcomeStatus, Period, Report, Tally};
use pyo3::exceptions::{PyImportError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyType};
use serde::Serialize;
use serde_json::Value;

/// The columns of ``Report.findings_frame()``, in order.
const FRAME_COLUMNS: [&str; 11] = [
    "rule",
    "code",
    "unit",
    "subject",
    "period",
    "period_start",
    "period_end",
    "expected",
    "actual",
    "message",
    "message_zh",
];

/// The report of ``check`` or ``check_detailed``: every shortfall of S1–S5 in the range,
/// and judged, met, not met and not judged per rule and per unit.
///
/// - ``start``, ``end``, ``as_of`` (``datetime.date``) and ``policy`` (its name): what was
///   checked;
/// - ``findings``: a list of dicts ``{"rule", "code", "unit", "subject", "period",
///   "expected", "actual", "message", "message_zh"}`` by rule, unit, subject and period;
///   ``period`` is ``{"start", "end", "label"}`` with ``datetime.date`` ends; ``expected``
///   and ``actual`` are counts, days or fen as ``FINDING_CODES`` says for the code;
/// - ``by_rule``, ``by_unit``: lists of dicts ``{"key", "judged", "met", "not_met",
///   "not_judged", "rate_permille"}`` (``rate_permille`` is ``met * 1000 // judged``,
///   ``None`` when nothing was judged);
/// - ``grades``: the year-end grades, dicts ``{"unit", "year", "ballot", "combined"}``;
/// - ``outcomes``: every judgement (``check_detailed``), dicts ``{"rule", "unit",
///   "subject", "period", "status"}`` with ``status`` ``"met"``, ``"not_met"`` or
///   ``"not_judged"``; ``None`` for a report of ``check``;
/// - ``all_met``: whether there is no finding.
///
/// Each access to a list builds it anew, so changing it changes nothing in the report.
/// ``len(report)`` is the number of findings (a report with none is falsy);
/// ``to_dict()`` and ``to_json()`` give the JSON form (ISO dates, as ``liaison check
/// --format json`` writes it); ``findings_frame()`` gives a pandas DataFrame. Reports are
/// frozen, compare by value and pickle.
///
/// >>> import liaison
/// >>> data = {
/// ...     "units": [{"id": "V1", "level": "village"}],
/// ...     "people": [{"id": "P1", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
/// ...     "receptions": [{"person": "P1", "date": "2009-01-06", "minutes": 240},
/// ...                    {"person": "P1", "date": "2009-01-14", "minutes": 180}],
/// ... }
/// >>> report = liaison.check(data, "2009-01-05", "2009-01-18", "2009-02-01",
/// ...                        {"rules": ["S1.3"]})
/// >>> report
/// <liaison.Report 2009-01-05..2009-01-18 as of 2009-02-01: 1 finding>
/// >>> f = report.findings[0]
/// >>> f["rule"], f["code"], f["subject"], f["period"]["label"], f["expected"], f["actual"]
/// ('S1.3', 'too_few_receptions', 'P1', '2009-W03', 1, 0)
/// >>> f["period"]["start"]
/// datetime.date(2009, 1, 12)
/// >>> report.by_rule
/// [{'key': 'S1.3', 'judged': 2, 'met': 1, 'not_met': 1, 'not_judged': 0, 'rate_permille': 500}]
/// >>> len(report), report.all_met, report.outcomes is None
/// (1, False, True)
/// >>> liaison.Report.from_json(report.to_json()) == report
/// True
#[pyclass(module = "liaison", name = "Report", frozen, eq)]
#[derive(PartialEq)]
pub struct PyReport {
    /// The core report.
    pub inner: Report,
    /// Made by `check_detailed`: `outcomes` is a list (perhaps empty), not `None`.
    pub detailed: bool,
}

fn runtime(e: &serde_json::Error) -> PyErr {
    PyRuntimeError::new_err(format!("the report does not serialize: {e}"))
}

fn period<'py>(py: Python<'py>, p: &Period) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("start", p.start)?;
    d.set_item("end", p.end)?;
    d.set_item("label", &p.label)?;
    Ok(d)
}

fn finding<'py>(py: Python<'py>, f: &Finding) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("rule", &f.rule)?;
    d.set_item("code", &f.code)?;
    d.set_item("unit", &f.unit)?;
    d.set_item("subject", &f.subject)?;
    d.set_item("period", period(py, &f.period)?)?;
    d.set_item("expected", f.expected)?;
    d.set_item("actual", f.actual)?;
    d.set_item("message", &f.message)?;
    d.set_item("message_zh", &f.message_zh)?;
    Ok(d)
}

fn tallies<'py>(py: Python<'py>, tallies: &[Tally]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for t in tallies {
        let d = PyDict::new(py);
        d.set_item("key", &t.key)?;
        d.set_item("judged", t.judged)?;
        d.set_item("met", t.met)?;
        d.set_item("not_met", t.not_met)?;
        d.set_item("not_judged", t.not_judged)?;
        d.set_item("rate_permille", t.rate_permille)?;
        list.append(d)?;
    }
    Ok(list)
}

fn status_name(status: OutcomeStatus) -> &'static str {
    match status {
        OutcomeStatus::Met => "met",
        OutcomeStatus::NotMet => "not_met",
        OutcomeStatus::NotJudged => "not_judged",
    }
}

/// A detailed report without outcomes, written with an empty `outcomes` list (the core
/// leaves an empty list out) so that it reads back as detailed.
#[derive(Serialize)]
struct WithOutcomes<'a> {
    #[serde(flatten)]
    report: &'a Report,
    outcomes: &'a [Outcome],
}

/// JSON text of `value`, compact or indented by `indent` spaces; keys in the order of the
/// core's structs.
fn json_text<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let text = match indent {
        None => serde_json::to_vec(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut out = Vec::new();
            let formatter = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
            value.serialize(&mut ser).map(|()| out)
        }
    }
    .map_err(|e| runtime(&e))?;
    String::from_utf8(text).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// JSON text as Python data, with `json.loads` (keys keep their order).
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

impl PyReport {
    /// The JSON form: the core's serialization; `outcomes` is always there (perhaps empty)
    /// in a report of `check_detailed` and never in one of `check`.
    fn json(&self, indent: Option<usize>) -> PyResult<String> {
        if self.detailed && self.inner.outcomes.is_empty() {
            json_text(
                &WithOutcomes {
                    report: &self.inner,
                    outcomes: &[],
                },
                indent,
            )
        } else {
            json_text(&self.inner, indent)
        }
    }
}

#[pymethods]
impl PyReport {
    /// First day of the checked range.
    #[getter]
    fn start(&self) -> chrono::NaiveDate {
        self.inner.start
    }

    /// Last day of the checked range.
    #[getter]
    fn end(&self) -> chrono::NaiveDate {
        self.inner.end
    }

    /// The day the records were taken.
    #[getter]
    fn as_of(&self) -> chrono::NaiveDate {
        self.inner.as_of
    }

    /// The name of the policy the check used.
    #[getter]
    fn policy(&self) -> &str {
        &self.inner.policy
    }

    /// Every shortfall, by rule, unit, subject and period (a new list of dicts).
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for f in &self.inner.findings {
            list.append(finding(py, f)?)?;
        }
        Ok(list)
    }

    /// Judged, met, not met and not judged per rule id (a new list of dicts).
    #[getter]
    fn by_rule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        tallies(py, &self.inner.by_rule)
    }

    /// Judged, met, not met and not judged per unit (a new list of dicts).
    #[getter]
    fn by_unit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        tallies(py, &self.inner.by_unit)
    }

    /// The year-end grades of S3.7 (a new list of dicts).
    #[getter]
    fn grades<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for g in &self.inner.grades {
            let d = PyDict::new(py);
            d.set_item("unit", &g.unit)?;
            d.set_item("year", g.year)?;
            d.set_item("ballot", g.ballot.name())?;
            d.set_item("combined", g.combined.name())?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Every judgement of ``check_detailed`` (a new list of dicts); ``None`` for ``check``.
    #[getter]
    fn outcomes<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        if !self.detailed {
            return Ok(None);
        }
        let list = PyList::empty(py);
        for o in &self.inner.outcomes {
            let d = PyDict::new(py);
            d.set_item("rule", &o.rule)?;
            d.set_item("unit", &o.unit)?;
            d.set_item("subject", &o.subject)?;
            d.set_item("period", period(py, &o.period)?)?;
            d.set_item("status", status_name(o.status))?;
            list.append(d)?;
        }
        Ok(Some(list))
    }

    /// Whether every judged period met its rule (no finding).
    #[getter]
    fn all_met(&self) -> bool {
        self.inner.all_met()
    }

    /// The report in its JSON form as a dict: ISO date strings, grades and statuses as
    /// names; ``outcomes`` only in a report of ``check_detailed``.
    ///
    /// >>> import liaison
    /// >>> report = liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10")
    /// >>> report.to_dict()["start"], report.to_dict()["findings"]
    /// ('2009-01-01', [])
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.json(None)?)
    }

    /// The report as JSON text: compact, or indented by ``indent`` spaces.
    ///
    /// >>> import json, liaison
    /// >>> report = liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10")
    /// >>> json.loads(report.to_json(indent=2)) == report.to_dict()
    /// True
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        self.json(indent)
    }

    /// Reads a report from its JSON form (``to_json``, or ``liaison check --format
    /// json``). A report with ``outcomes`` reads as one of ``check_detailed``.
    ///
    /// Raises ``LiaisonError`` ``invalid_input`` (malformed JSON, a missing key, a value of
    /// the wrong type), ``invalid_date``, ``invalid_count``, ``invalid_grade``.
    ///
    /// >>> import liaison
    /// >>> report = liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10")
    /// >>> liaison.Report.from_json(report.to_json()).end
    /// datetime.date(2009, 12, 31)
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> BindResult<Self> {
        let value: Value = serde_json::from_str(json).map_err(|e| Error::InvalidInput {
            field: format!("line {}, column {}", e.line(), e.column()),
            detail: "malformed JSON".to_string(),
        })?;
        let detailed = value.get("outcomes").is_some();
        Ok(PyReport {
            inner: from_value("report", value)?,
            detailed,
        })
    }

    /// The findings as a pandas DataFrame, one row per finding, with the flat columns
    /// ``rule``, ``code``, ``unit``, ``subject``, ``period`` (its label), ``period_start``,
    /// ``period_end`` (``datetime.date``), ``expected``, ``actual``, ``message`` and
    /// ``message_zh``, in the order of ``findings``.
    ///
    /// Raises ``ImportError`` when pandas is not installed.
    ///
    /// >>> import liaison
    /// >>> data, planted = liaison.generate_district()
    /// >>> frame = liaison.check(data, "2023-01-01", "2025-12-31", "2026-01-20").findings_frame()
    /// >>> frame.shape == (len(planted), 11)
    /// True
    /// >>> list(frame.columns)[:7]
    /// ['rule', 'code', 'unit', 'subject', 'period', 'period_start', 'period_end']
    /// >>> frame[frame.rule == "S4.3"][["subject", "period", "expected", "actual"]].to_dict("records")
    /// [{'subject': 'T0-V1-H005-P', 'period': '2025', 'expected': 50000, 'actual': 49999}]
    fn findings_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|e| {
            if e.is_instance_of::<PyImportError>(py) {
                let err = PyImportError::new_err(
                    "Report.findings_frame() needs pandas, which is not installed \
                     (pip install pandas)",
                );
                err.set_cause(py, Some(e));
                err
            } else {
                e
            }
        })?;
        let columns: Vec<Bound<'py, PyList>> =
            FRAME_COLUMNS.iter().map(|_| PyList::empty(py)).collect();
        for f in &self.inner.findings {
            let row: [Bound<'py, PyAny>; 11] = [
                f.rule.as_str().into_pyobject(py)?.into_any(),
                f.code.as_str().into_pyobject(py)?.into_any(),
                f.unit.as_str().into_pyobject(py)?.into_any(),
                f.subject.as_str().into_pyobject(py)?.into_any(),
                f.period.label.as_str().into_pyobject(py)?.into_any(),
                f.period.start.into_pyobject(py)?.into_any(),
                f.period.end.into_pyobject(py)?.into_any(),
                f.expected.into_pyobject(py)?.into_any(),
                f.actual.into_pyobject(py)?.into_any(),
                f.message.as_str().into_pyobject(py)?.into_any(),
                f.message_zh.as_str().into_pyobject(py)?.into_any(),
            ];
            for (column, cell) in columns.iter().zip(row) {
                column.append(cell)?;
            }
        }
        let data = PyDict::new(py);
        for (name, column) in FRAME_COLUMNS.iter().zip(columns) {
            data.set_item(name, column)?;
        }
        pandas.getattr("DataFrame")?.call1((data,))
    }

    /// The number of findings.
    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }

    /// ``<liaison.Report START..END as of AS_OF: N findings>``.
    fn __repr__(&self) -> String {
        let n = self.inner.findings.len();
        let detailed = if self.detailed { ", detailed" } else { "" };
        format!(
            "<liaison.Report {}..{} as of {}: {n} finding{}{detailed}>",
            self.inner.start,
            self.inner.end,
            self.inner.as_of,
            if n == 1 { "" } else { "s" },
        )
    }

    /// Pickles through the JSON form.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().json(None)?,)))
    }
}
