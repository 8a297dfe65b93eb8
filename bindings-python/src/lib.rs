//! Python binding of `liaison`: the native half of the `liaison` package
//! (`liaison._liaison`). It converts Python arguments to core values, calls the core and
//! converts the results back; every rule, threshold and date computation is the core's.

mod args;
mod error;
mod json;
mod policy;

use args::CountArg;
use error::BindResult;
use liaison::{convert::from_value, Attendance, Error, YearEvaluation};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDate, PyDict, PyList, PyMapping, PyString, PyTuple, PyType};

pub use policy::PyPolicy;

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

/// The native half of the `liaison` package; import `liaison`, not this module.
#[pymodule]
fn _liaison(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(deadline, m)?)?;
    m.add_function(wrap_pyfunction!(feedback_status, m)?)?;
    m.add_function(wrap_pyfunction!(decide_vote, m)?)?;
    m.add_function(wrap_pyfunction!(grade, m)?)?;
    m.add_function(wrap_pyfunction!(consequences, m)?)?;
    m.add_function(wrap_pyfunction!(is_rest_day, m)?)?;
    m.add_class::<PyPolicy>()?;
    m.add("ERROR_CODES", PyTuple::new(m.py(), Error::CODES)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
