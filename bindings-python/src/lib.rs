//! Python binding of `liaison`: the native half of the `liaison` package
//! (`liaison._liaison`). It converts Python arguments to core values, calls the core and
//! converts the results back; every rule, threshold and date computation is the core's.

mod args;
mod dataset;
mod error;
mod forms;
mod json;
mod policy;
mod register;
mod report;

use args::CountArg;
use error::BindResult;
use liaison::synthetic::Shape;
use liaison::{convert::from_value, Attendance, Error, YearEvaluation};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDate, PyDict, PyList, PyMapping, PyString, PyTuple, PyType};

pub use policy::PyPolicy;
pub use report::PyReport;

/// S5.1–S5.4 (A1, A2, A13): the last day on which a matter received on ``received`` may
/// still be finished and fed back.
///
/// ``received`` is a ``datetime.date`` or an ISO ``"YYYY-MM-DD"`` string;
/// ``responsibility`` is ``"within_remit"``, ``"outside_remit"``, ``"unresolvable"`` or
/// ``"lead_unit"``, the digit 1–4 (``int`` or ``str``) or the Chinese label. With Banan 2008
/// that is ``received`` + 10, 20, 30 or 40 days, moved on to the next working day when it
/// falls on a rest day.
///
/// Raises ``LiaisonError``: ``invalid_date``, ``invalid_responsibility``,
/// ``calendar_not_covered`` (a year the holiday calendar has no notice for),
/// ``date_out_of_range``.
///
/// >>> import liaison
/// >>> from datetime import date
/// >>> liaison.deadline(date(2008, 9, 25), "within_remit")  # 10-05 is a holiday
/// datetime.date(2008, 10, 6)
/// >>> liaison.deadline("2008-09-17", 1)  # Saturday 09-27 is a working day
/// datetime.date(2008, 9, 27)
/// >>> liaison.deadline("2008-12-22", "职责内")
/// datetime.date(2009, 1, 4)
/// >>> liaison.deadline("2026-12-01", "lead_unit")
/// Traceback (most recent call last):
///     ...
/// liaison.LiaisonError: the holiday calendar does not cover `2027-01-10`
#[pyfunction]
#[pyo3(signature = (received, responsibility, policy = None))]
fn deadline<'py>(
    py: Python<'py>,
    received: &Bound<'py, PyAny>,
    responsibility: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
) -> BindResult<Bound<'py, PyDate>> {
    let received = args::date(received, "received")?;
    let responsibility = args::responsibility(responsibility)?;
    let policy = args::policy(policy)?;
    let day = liaison::deadline(received, responsibility, policy.get())?;
    Ok(day.into_pyobject(py)?)
}

fn class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<Bound<'py, PyType>> {
    cell.import(py, "liaison", name).cloned()
}

/// S5.1–S5.6: the deadline of a matter and whether it was, or is being, met.
///
/// Returns a ``FeedbackStatus(deadline, status, days)``:
///
/// - fed back on or before the deadline: ``"on_time"``, ``days`` to spare;
/// - fed back after it: ``"late"``, ``days`` late;
/// - not fed back, ``as_of`` on or before the deadline: ``"open"``, ``days`` left;
/// - not fed back, ``as_of`` after it: ``"overdue"``, ``days`` overdue.
///
/// ``as_of`` (the day the records were taken) is required without ``fed_back`` and ignored
/// with it. Dates are ``datetime.date`` or ISO strings.
///
/// Raises ``LiaisonError``: ``feedback_before_receipt``, ``as_of_before_receipt``,
/// ``as_of_required`` and every error of ``deadline``.
///
/// >>> import liaison
/// >>> liaison.feedback_status("2008-09-25", "within_remit", fed_back="2008-10-07")
/// FeedbackStatus(deadline=datetime.date(2008, 10, 6), status='late', days=1)
/// >>> liaison.feedback_status("2008-09-25", 1, as_of="2008-09-30")._asdict()
/// {'deadline': datetime.date(2008, 10, 6), 'status': 'open', 'days': 6}
#[pyfunction]
#[pyo3(signature = (received, responsibility, fed_back = None, as_of = None, policy = None))]
fn feedback_status<'py>(
    py: Python<'py>,
    received: &Bound<'py, PyAny>,
    responsibility: &Bound<'py, PyAny>,
    fed_back: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
) -> BindResult<Bound<'py, PyAny>> {
    static FEEDBACK_STATUS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let received = args::date(received, "received")?;
    let responsibility = args::responsibility(responsibility)?;
    let fed_back = args::optional_date(fed_back, "fed_back")?;
    let as_of = args::optional_date(as_of, "as_of")?;
    let policy = args::policy(policy)?;
    let s = liaison::feedback_status(received, responsibility, fed_back, as_of, policy.get())?;
    let tuple_class = class(py, &FEEDBACK_STATUS, "FeedbackStatus")?;
    Ok(tuple_class.call1((s.deadline, s.status.name(), s.days))?)
}

/// S3.5 (A4, A5, A15): the outcome of the vote on one proposed commitment item.
///
/// ``"adopted"`` when approve ≥ 2/3 of the ballots (达到三分之二及以上), ``"rejected"`` when
/// disapprove > 1/3 (超过三分之一: redraft), otherwise ``"not_adopted"`` (A4). A policy with
/// a quorum (A15) or another base (A5) needs ``present`` and ``entitled`` and may give
/// ``"no_quorum"``. Counts are ``int`` from 0 to 2**64 - 1, compared exactly.
///
/// Raises ``LiaisonError``: ``invalid_count`` (a negative, too large, ``float`` or ``bool``
/// count; ``field`` names it), ``no_ballots``, ``attendance_required`` (also when only one
/// of ``present`` and ``entitled`` is given), ``invalid_attendance``.
///
/// >>> import liaison
/// >>> liaison.decide_vote(20, 10)  # 20/30 = 2/3
/// 'adopted'
/// >>> liaison.decide_vote(19, 11)  # 11/30 > 1/3
/// 'rejected'
/// >>> liaison.decide_vote(19, 10, 1)
/// 'not_adopted'
/// >>> quorum = {"vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": False}}
/// >>> liaison.decide_vote(30, 0, 0, quorum, present=40, entitled=80)
/// 'no_quorum'
#[pyfunction]
#[pyo3(
    signature = (approve, disapprove, abstain = CountArg::Zero, policy = None, present = None, entitled = None),
    text_signature = "(approve, disapprove, abstain=0, policy=None, present=None, entitled=None)"
)]
fn decide_vote<'py>(
    approve: &Bound<'py, PyAny>,
    disapprove: &Bound<'py, PyAny>,
    abstain: CountArg<'py>,
    policy: Option<&Bound<'py, PyAny>>,
    present: Option<&Bound<'py, PyAny>>,
    entitled: Option<&Bound<'py, PyAny>>,
) -> BindResult<&'static str> {
    let approve = args::count(approve, "approve")?;
    let disapprove = args::count(disapprove, "disapprove")?;
    let abstain = abstain.get("abstain")?;
    let policy = args::policy(policy)?;
    let present = args::optional_count(present, "present")?;
    let entitled = args::optional_count(entitled, "entitled")?;
    let attendance = match (present, entitled) {
        (Some(present), Some(entitled)) => Some(Attendance { present, entitled }),
        (None, None) => None,
        _ => return Err(Error::AttendanceRequired.into()),
    };
    let outcome = liaison::decide_vote(approve, disapprove, abstain, policy.get(), attendance)?;
    Ok(outcome.name())
}

/// S3.7 (A3, A6): the grade of a year-end satisfaction ballot.
///
/// ``"unqualified"`` when dissatisfied > 30% of the valid ballots (超过30%), else
/// ``"excellent"`` when satisfied > 90% (超过90%), else ``"qualified"`` when satisfied ≥ 70%
/// (达到70%), else ``"undetermined"`` (A3). "Basically satisfied" ballots count in the base
/// only (A6). Counts are ``int`` from 0 to 2**64 - 1, compared exactly.
///
/// Raises ``LiaisonError``: ``invalid_count``, ``no_ballots``.
///
/// >>> import liaison
/// >>> liaison.grade(70, 0, 30)  # 30% is not "超过30%"
/// 'qualified'
/// >>> liaison.grade(69, dissatisfied=31)
/// 'unqualified'
/// >>> liaison.grade(91, 9)
/// 'excellent'
/// >>> liaison.grade(69, 31)
/// 'undetermined'
/// >>> liaison.grade(2**64 - 1, 0, 0)
/// 'excellent'
#[pyfunction]
#[pyo3(
    signature = (satisfied, basically_satisfied = CountArg::Zero, dissatisfied = CountArg::Zero, policy = None),
    text_signature = "(satisfied, basically_satisfied=0, dissatisfied=0, policy=None)"
)]
fn grade<'py>(
    satisfied: &Bound<'py, PyAny>,
    basically_satisfied: CountArg<'py>,
    dissatisfied: CountArg<'py>,
    policy: Option<&Bound<'py, PyAny>>,
) -> BindResult<&'static str> {
    let satisfied = args::count(satisfied, "satisfied")?;
    let basically_satisfied = basically_satisfied.get("basically_satisfied")?;
    let dissatisfied = dissatisfied.get("dissatisfied")?;
    let policy = args::policy(policy)?;
    Ok(liaison::grade(satisfied, basically_satisfied, dissatisfied, policy.get())?.name())
}

/// The rows of a pandas or polars DataFrame as a list of dicts; `None` for anything else.
fn data_frame_rows<'py>(years: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if years.is_instance_of::<PyMapping>() || years.is_instance_of::<PyString>() {
        return Ok(None);
    }
    if years.hasattr("to_dicts")? && years.hasattr("columns")? {
        // polars
        return Ok(Some(years.call_method0("to_dicts")?));
    }
    if years.hasattr("iterrows")? && years.hasattr("to_dict")? {
        // pandas
        return Ok(Some(years.call_method1("to_dict", ("records",))?));
    }
    Ok(None)
}

/// S3.8: the consequences of a committee's year-end evaluations.
///
/// ``years`` is an iterable of mappings ``{"year", "satisfied", "basically_satisfied",
/// "dissatisfied", "combined"}`` (the last three optional; ``combined`` is the combined
/// evaluation grade, the ballot's grade when absent, ``None`` or NaN), or a pandas or
/// polars DataFrame with those columns. Returns a list of dicts ``{"year", "action",
/// "reason"}`` in year order: ``action`` is ``"rectify"`` or ``"resign"``, ``reason``
/// ``"dissatisfaction_over_half"``, ``"combined_unqualified"`` or
/// ``"unqualified_two_years"``.
///
/// Raises ``LiaisonError``: ``invalid_input`` (a missing or unknown key, a value of the
/// wrong type; ``field`` is the path such as ``years[1].satisfied``), ``invalid_count``,
/// ``invalid_grade``, ``duplicate_year``, ``no_ballots``.
///
/// >>> import liaison
/// >>> for c in liaison.consequences([
/// ...     {"year": 2009, "satisfied": 60, "dissatisfied": 40},
/// ...     {"year": 2010, "satisfied": 40, "dissatisfied": 60},
/// ... ]):
/// ...     print(c)
/// {'year': 2009, 'action': 'rectify', 'reason': 'combined_unqualified'}
/// {'year': 2010, 'action': 'rectify', 'reason': 'dissatisfaction_over_half'}
/// {'year': 2010, 'action': 'rectify', 'reason': 'combined_unqualified'}
/// {'year': 2010, 'action': 'resign', 'reason': 'unqualified_two_years'}
#[pyfunction]
#[pyo3(signature = (years, policy = None))]
fn consequences<'py>(
    py: Python<'py>,
    years: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
) -> BindResult<Bound<'py, PyList>> {
    let rows = data_frame_rows(years)?;
    let years = rows.as_ref().unwrap_or(years);
    let value = if years.is_instance_of::<PyMapping>()
        || years.is_instance_of::<PyString>()
        || years.try_iter().is_err()
    {
        // Not a sequence of records: the core says so, with its code and path.
        json::to_json(years, "years", json::NanAs::Null)?
    } else {
        json::sequence(years, "years", json::NanAs::Null, 0)?
    };
    let years: Vec<YearEvaluation> = from_value("years", value)?;
    let policy = args::policy(policy)?;
    let out = liaison::consequences(&years, policy.get())?;
    let list = PyList::empty(py);
    for c in out {
        let d = PyDict::new(py);
        d.set_item("year", c.year)?;
        d.set_item("action", c.action.name())?;
        d.set_item("reason", c.reason.name())?;
        list.append(d)?;
    }
    Ok(list)
}

/// A2: whether ``date`` is a rest day in the policy's holiday calendar: a day of an
/// official holiday period, or a Saturday or Sunday that no notice makes a working day.
///
/// Raises ``LiaisonError``: ``invalid_date``, ``calendar_not_covered``, ``invalid_calendar``.
///
/// >>> import liaison
/// >>> liaison.is_rest_day("2008-10-01")
/// True
/// >>> liaison.is_rest_day("2008-09-27")  # a Saturday made a working day
/// False
#[pyfunction]
#[pyo3(signature = (date, policy = None))]
fn is_rest_day(date: &Bound<'_, PyAny>, policy: Option<&Bound<'_, PyAny>>) -> BindResult<bool> {
    let date = args::date(date, "date")?;
    let policy = args::policy(policy)?;
    Ok(policy.get().calendar()?.is_rest_day(date)?)
}

fn run_check(
    py: Python<'_>,
    dataset: &Bound<'_, PyAny>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
    detailed: bool,
) -> BindResult<PyReport> {
    let source = dataset::source(dataset)?;
    let start = args::date(start, "start")?;
    let end = args::date(end, "end")?;
    let as_of = args::date(as_of, "as_of")?;
    let policy = args::policy(policy)?;
    let policy = policy.get();
    let report = py.detach(|| {
        let data = source.read()?;
        if detailed {
            liaison::check_detailed(&data, start, end, as_of, policy)
        } else {
            liaison::check(&data, start, end, as_of, policy)
        }
    })?;
    Ok(PyReport {
        inner: report,
        detailed,
    })
}

/// S1–S5: checks what a district recorded against every schedule, from ``start`` to
/// ``end`` (both included), with the records taken on ``as_of``. Returns a ``Report``.
///
/// Only periods wholly inside both the range (up to ``as_of``) and the subject's own time
/// (in office, linked, paired) are judged; the others count as not judged, never as met
/// (A8). A policy's ``rules`` (rule ids, or systems such as ``"S1"``) limits what is judged.
///
/// ``dataset`` is one of:
///
/// - a dict in the JSON shape of ``docs/dataset.md``: ``{"units": [...], "people": [...],
///   ...}``, every list optional;
/// - a ``str`` or ``os.PathLike`` path to a JSON file or to a folder of CSV files, one per
///   record type;
/// - a mapping of record type → pandas or polars DataFrame, Arrow table (a pyarrow
///   ``Table``, ``RecordBatch`` or ``RecordBatchReader``, a duckdb relation: anything with
///   ``__arrow_c_stream__`` or ``__arrow_c_array__``, read through pyarrow) or list of
///   dicts: one row per record, one column per field. In a frame a missing cell (``None``,
///   NaN, NaT, ``pd.NA``, an Arrow null) is an absent field, as an empty CSV cell is, and a
///   timestamp at midnight is its day. Counts must be integers: give a count column with missing cells an integer
///   type (pandas ``"Int64"``), since floats are refused. Commitment items may come as a
///   ``commitment_items`` table whose ``commitment`` column names their commitment, as in
///   ``commitment_items.csv``.
///
/// Dates are ``datetime.date`` or ISO strings. The check runs without the GIL.
///
/// Raises ``LiaisonError``:
///
/// - a bad record: ``invalid_input`` (a missing or unknown key or column, a value of the
///   wrong type), ``invalid_date``, ``invalid_count``, ``invalid_responsibility``,
///   ``invalid_grade``, with ``field`` its path, e.g. ``visits[3].date`` (a frame's rows
///   count from 0, whatever its index), ``commitment_items[2].commitment`` or
///   ``visits.csv:5:date``; ``invalid_input`` on ``dataset`` for anything but a mapping or a
///   path;
/// - records that do not fit together: ``unknown_reference``, ``duplicate_id``,
///   ``invalid_period``, with ``field`` e.g. ``visits[3].household``;
/// - ``io_error`` for a path that cannot be read (``field`` is the path);
/// - ``invalid_date`` for ``start``, ``end`` or ``as_of``; ``invalid_period`` when ``end``
///   is before ``start``; ``after_as_of`` for an opinion received or fed back after
///   ``as_of``;
/// - ``invalid_policy``, ``calendar_not_covered``, ``no_ballots``, ``attendance_required``.
///
/// >>> import liaison
/// >>> data, planted = liaison.generate_district()
/// >>> report = liaison.check(data, "2023-01-01", "2025-12-31", "2026-01-20")
/// >>> report
/// <liaison.Report 2023-01-01..2025-12-31 as of 2026-01-20: 25 findings>
/// >>> sorted((f["rule"], f["subject"], f["period"]["label"]) for f in report.findings) == sorted(
/// ...     (p["rule"], p["subject"], p["period"]) for p in planted)
/// True
/// >>> f = next(f for f in report.findings if f["code"] == "aid_below_minimum")
/// >>> f["expected"], f["actual"]  # fen: 500.00 yuan asked, 499.99 given
/// (50000, 49999)
/// >>> liaison.check(data, "2023-01-01", "2025-12-31", "2026-01-20", {"rules": ["S4.3"]}).by_rule
/// [{'key': 'S4.3', 'judged': 33, 'met': 32, 'not_met': 1, 'not_judged': 0, 'rate_permille': 969}]
#[pyfunction]
#[pyo3(signature = (dataset, start, end, as_of, policy = None))]
fn check(
    py: Python<'_>,
    dataset: &Bound<'_, PyAny>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> BindResult<PyReport> {
    run_check(py, dataset, start, end, as_of, policy, false)
}

/// As ``check``, with every judgement kept in ``Report.outcomes``: a list of dicts
/// ``{"rule", "unit", "subject", "period", "status"}``, ``status`` being ``"met"``,
/// ``"not_met"`` or ``"not_judged"``, for grids (a week-by-village view) and audits.
///
/// Raises ``LiaisonError`` as ``check``.
///
/// >>> import liaison
/// >>> data = {
/// ...     "units": [{"id": "V1", "level": "village"}],
/// ...     "people": [{"id": "P1", "unit": "V1", "role": "secretary", "from": "2009-01-07"}],
/// ...     "receptions": [{"person": "P1", "date": "2009-01-14", "minutes": 240}],
/// ... }
/// >>> report = liaison.check_detailed(data, "2009-01-05", "2009-01-18", "2009-02-01",
/// ...                                 {"rules": ["S1.3"]})
/// >>> for o in report.outcomes:  # joined on a Wednesday: that week is not judged (A8)
/// ...     print(o["period"]["label"], o["status"])
/// 2009-W02 not_judged
/// 2009-W03 met
#[pyfunction]
#[pyo3(signature = (dataset, start, end, as_of, policy = None))]
fn check_detailed(
    py: Python<'_>,
    dataset: &Bound<'_, PyAny>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> BindResult<PyReport> {
    run_check(py, dataset, start, end, as_of, policy, true)
}

/// An optional size of the synthetic district: the core's default when `None`, else a
/// count that fits the core's field type.
fn sized<T: TryFrom<u64>>(
    obj: Option<&Bound<'_, PyAny>>,
    field: &str,
    default: T,
) -> BindResult<T> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(default);
    };
    T::try_from(args::count(obj, field)?).map_err(|_| {
        Error::InvalidCount {
            field: field.to_string(),
        }
        .into()
    })
}

/// A seeded synthetic district with a known sprinkling of violations, and the findings
/// ``check`` must report for them.
///
/// Returns ``(dataset, planted)``: the dataset as a dict in the JSON shape (``check``
/// reads it back) and a list of dicts ``{"rule", "code", "subject", "period"}``
/// (``period`` is the period's label). Check it from ``first_year``-01-01 to the last
/// day of the last year, as of 20 January after it. Every third village is a community.
/// The same arguments give the same district on every machine; ``None`` takes the
/// default.
///
/// Raises ``LiaisonError``: ``invalid_count`` (a size that is not a count of its type),
/// ``invalid_input`` (a shape too small to plant in: fewer than 2 towns, 3 villages a
/// town, 8 households a village or 3 years), ``calendar_not_covered``, ``invalid_policy``.
///
/// >>> import liaison
/// >>> data, planted = liaison.generate_district(seed=7, first_year=2020)
/// >>> sorted(data)[:4]
/// ['aid', 'commitments', 'deeds', 'evaluations']
/// >>> report = liaison.check(data, "2020-01-01", "2022-12-31", "2023-01-20")
/// >>> len(report) == len(planted)
/// True
/// >>> planted[0]
/// {'rule': 'S1.2', 'code': 'too_few_receptions', 'subject': 'T1-S', 'period': '2021-03'}
#[pyfunction]
#[pyo3(
    signature = (seed = None, towns = None, villages_per_town = None, households_per_village = None, first_year = None, years = None, policy = None),
    text_signature = "(seed=2008, towns=2, villages_per_town=3, households_per_village=8, first_year=2023, years=3, policy=None)"
)]
#[allow(clippy::too_many_arguments)]
fn generate_district<'py>(
    py: Python<'py>,
    seed: Option<&Bound<'py, PyAny>>,
    towns: Option<&Bound<'py, PyAny>>,
    villages_per_town: Option<&Bound<'py, PyAny>>,
    households_per_village: Option<&Bound<'py, PyAny>>,
    first_year: Option<&Bound<'py, PyAny>>,
    years: Option<&Bound<'py, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
) -> BindResult<Bound<'py, PyTuple>> {
    let d = Shape::default();
    let shape = Shape {
        seed: sized(seed, "seed", d.seed)?,
        towns: sized(towns, "towns", d.towns)?,
        villages_per_town: sized(villages_per_town, "villages_per_town", d.villages_per_town)?,
        households_per_village: sized(
            households_per_village,
            "households_per_village",
            d.households_per_village,
        )?,
        first_year: sized(first_year, "first_year", d.first_year)?,
        years: sized(years, "years", d.years)?,
    };
    let policy = args::policy(policy)?;
    let policy = policy.get();
    let (data, planted) = py.detach(|| liaison::synthetic::generate(&shape, policy))?;
    let text = |value: Result<String, serde_json::Error>| {
        value.map_err(|e| {
            pyo3::exceptions::PyRuntimeError::new_err(format!(
                "a core value does not serialize: {e}"
            ))
        })
    };
    let data = report::loads(py, &text(serde_json::to_string(&data))?)?;
    let planted = report::loads(py, &text(serde_json::to_string(&planted))?)?;
    Ok(PyTuple::new(py, [data, planted])?)
}

/// `RULES`: every rule of RULES.md as a dict, in order.
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    let mut rows = Vec::new();
    for r in liaison::rules::RULES {
        let d = PyDict::new(py);
        d.set_item("id", r.id)?;
        d.set_item("gloss", r.gloss)?;
        d.set_item("source_zh", r.source_zh)?;
        d.set_item("implemented_by", r.implemented_by)?;
        rows.push(d);
    }
    PyTuple::new(py, rows)
}

/// `FINDING_CODES`: `(code, rule ids, what expected and actual hold)` for every code.
fn finding_codes(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    let mut rows = Vec::new();
    for (code, rules, meaning) in liaison::FINDING_CODES {
        let rules = PyTuple::new(py, rules.split_whitespace().collect::<Vec<_>>())?;
        rows.push((*code, rules, *meaning).into_pyobject(py)?);
    }
    PyTuple::new(py, rows)
}

/// The native half of the `liaison` package; import `liaison`, not this module.
#[pymodule]
fn _liaison(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(deadline, m)?)?;
    m.add_function(wrap_pyfunction!(feedback_status, m)?)?;
    m.add_function(wrap_pyfunction!(decide_vote, m)?)?;
    m.add_function(wrap_pyfunction!(grade, m)?)?;
    m.add_function(wrap_pyfunction!(consequences, m)?)?;
    m.add_function(wrap_pyfunction!(is_rest_day, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_detailed, m)?)?;
    m.add_function(wrap_pyfunction!(generate_district, m)?)?;
    m.add_function(wrap_pyfunction!(forms::validate_form, m)?)?;
    m.add_function(wrap_pyfunction!(forms::form_schema, m)?)?;
    m.add_function(wrap_pyfunction!(forms::redact, m)?)?;
    m.add_function(wrap_pyfunction!(forms::form_fields, m)?)?;
    m.add_function(wrap_pyfunction!(register::evaluate_register, m)?)?;
    m.add_function(wrap_pyfunction!(register::evaluate_batches, m)?)?;
    m.add_class::<PyPolicy>()?;
    m.add_class::<PyReport>()?;
    m.add("ERROR_CODES", PyTuple::new(m.py(), Error::CODES)?)?;
    m.add("RULES", rules(m.py())?)?;
    m.add("FINDING_CODES", finding_codes(m.py())?)?;
    m.add("FORM_KINDS", forms::form_kinds(m.py())?)?;
    m.add("FIELD_ERROR_CODES", forms::field_error_codes(m.py())?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
