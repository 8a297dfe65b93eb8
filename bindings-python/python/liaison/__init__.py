"""Exact, executable rules of 巴南委办发〔2008〕43号.

The notice of the Banan District (Chongqing) Party committee of 21 November 2008 sets five
systems for Party organisations and members to keep in touch with and serve the public.
This package is the Python binding of the Rust crate ``liaison-rules``: every rule,
threshold and date computation is the Rust core's. Each function below builds one request
of the core's contract and hands it to ``call(op, request)``; Python only converts
arguments and answers.

======================================  ===============================================
rule                                    function
======================================  ===============================================
S5.1–S5.4 "1234" time limits            ``deadline``, ``feedback_status``
S3.5 commitment vote                    ``decide_vote``, ``decide_vote_table`` (a table of votes)
S3.7 satisfaction grade                 ``grade``, ``grade_table`` (a table of ballots)
why an answer is what it is             ``explain`` (or ``explain=True`` on the four above)
S3.8 consequences                       ``consequences``
A2 rest days                            ``is_rest_day``
S1–S5 compliance of a district          ``check``, ``check_detailed`` → ``Report``
S1–S5 what falls due, what is late      ``agenda``
S5 over a whole register (Arrow)        ``evaluate_register``, ``evaluate_batches``
F1–F5 forms                             ``validate_form``, ``form_schema``, ``redact``,
                                        ``form_fields``, ``FORM_KINDS``,
                                        ``FIELD_ERROR_CODES``
a synthetic district to try it on       ``generate_district``
the rule catalogue, the finding codes   ``RULES``, ``FINDING_CODES``
every number and default                ``Policy`` (Banan 2008 unless given)
the contract itself                     ``call``, ``operations``, ``ERROR_CODES``
======================================  ===============================================

Dates are ``datetime.date``, ISO ``"YYYY-MM-DD"`` strings, or a ``datetime.datetime``,
``pandas.Timestamp`` or ``numpy.datetime64`` at midnight; counts are ``int`` from 0 to
2**64 - 1; outcomes are lower-case strings. Every bad value raises ``LiaisonError`` (a
``ValueError``) with a stable ``code``, a Chinese ``message_zh`` and ``loc``, the place it
concerns as a list of keys and indexes (``field`` is the same place written as a path).

>>> import liaison
>>> liaison.deadline("2008-09-25", "within_remit")
datetime.date(2008, 10, 6)
>>> liaison.grade(91, 9, 0)
'excellent'
>>> try:
...     liaison.grade(-1)
... except liaison.LiaisonError as e:
...     print(e.code, e.loc, e.message_zh)
invalid_count ['satisfied'] `satisfied`：必须是非负整数

``RULES`` is a tuple of dicts ``{"id", "gloss", "source_zh", "implemented_by"}``, one per
rule id of the catalogue in order; ``FINDING_CODES`` a tuple of ``(code, rule ids,
meaning)``, ``meaning`` saying what a finding's ``expected`` and ``actual`` hold.

>>> rule = next(r for r in liaison.RULES if r["id"] == "S1.1")
>>> rule["source_zh"][:6]
'区委书记每年'
>>> liaison.FINDING_CODES[0]
('too_few_receptions', ('S1.1', 'S1.2', 'S1.3'), 'receptions of at least half a day (A7) in the period: asked, held')
"""

from __future__ import annotations

import copy
import datetime
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Optional, Union

from liaison import _liaison
from liaison._types import *  # noqa: F403 - the contract's shapes, generated
from liaison._types import (
    REQUEST_DEFAULTS,
    Agenda,
    Explanation,
    FeedbackStatus,
    FieldError,
    FieldInfo,
    Planted,
    Validation,
)

__version__: str = _liaison.__version__

# The names the package used before the contract's shapes were generated.
FormError = FieldError
FormField = FieldInfo
FormValidation = Validation
PlantedFinding = Planted


class LiaisonError(ValueError):
    """A bad input, with a stable ``code``, a Chinese message and the place it concerns.

    ``str(error)`` is the English message; ``code`` is one of ``ERROR_CODES``;
    ``message_zh`` is the message in Chinese; ``loc`` the place as a list of keys and
    indexes into the call (``["years", 1, "satisfied"]``, ``["row", 17,
    "responsibility"]``, ``[]`` for the call as a whole); ``field`` the same place written
    as a path (``"years[1].satisfied"``) or ``None``; ``rule`` the rule id where one
    applies; ``errors`` the problems an ``invalid_records`` error gathers (every problem of
    the records read, up to a limit), each a dict ``{"code", "message", "message_zh", "loc",
    "rule"?}``, else empty. Errors pickle with all their attributes.

    >>> import pickle, liaison
    >>> e = liaison.LiaisonError("`approve`: must be a non-negative integer count",
    ...                          "invalid_count", "`approve`：必须是非负整数", ["approve"],
    ...                          None, "approve")
    >>> copy = pickle.loads(pickle.dumps(e))
    >>> (str(copy), copy.code, copy.loc, copy.field)
    ('`approve`: must be a non-negative integer count', 'invalid_count', ['approve'], 'approve')
    """

    code: str
    message_zh: str
    loc: list[Union[str, int]]
    rule: Optional[str]
    field: Optional[str]
    errors: list[dict[str, Any]]

    def __init__(
        self,
        message: str,
        code: str,
        message_zh: str,
        loc: Optional[Iterable[Union[str, int]]] = None,
        rule: Optional[str] = None,
        field: Optional[str] = None,
        errors: Optional[Iterable[dict[str, Any]]] = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message_zh = message_zh
        self.loc = list(loc or [])
        self.rule = rule
        self.field = field
        self.errors = list(errors or [])

    def __reduce__(self) -> tuple[Any, ...]:
        args = (str(self), self.code, self.message_zh, self.loc, self.rule, self.field, self.errors)
        return (type(self), args, self.__dict__)


class LiaisonFileNotFoundError(LiaisonError, FileNotFoundError):
    """``file_not_found``, a path that does not exist: a ``LiaisonError`` that is also a
    ``FileNotFoundError``.

    >>> import liaison
    >>> try:
    ...     liaison.Policy.load("no-such-policy.json")
    ... except FileNotFoundError as e:
    ...     print(e.code, e.loc)
    file_not_found ['no-such-policy.json']
    """


def call(
    op: str,
    request: Union[Mapping[str, Any], str],
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Any:
    """Answers one request of the contract, as ``liaison call`` and ``liaison serve`` do.

    ``op`` is an operation of ``operations()``; ``request`` a dict of its parameters
    (snake_case keys) or the request as JSON text. Returns the answer as JSON-like Python
    data (dates as ISO text). A dataset may be the path of a file or folder, read with
    ``encoding`` and ``strict`` as ``check`` reads it. Raises ``LiaisonError`` with the
    operation's code and place (``unknown_operation`` for an unknown ``op``,
    ``invalid_json`` for malformed text); ``TypeError`` for an ``op`` that is not a ``str``.

    >>> import liaison
    >>> liaison.call("deadline", {"received": "2008-09-25", "responsibility": 1})
    '2008-10-06'
    >>> liaison.call("grade", '{"satisfied": 70, "dissatisfied": 30}')
    'qualified'
    >>> try:
    ...     liaison.call("deadlines", {})
    ... except liaison.LiaisonError as e:
    ...     print(e.code)
    unknown_operation
    """
    return _liaison.call(op, request, encoding=encoding, strict=strict)


def operations() -> list[OperationInfo]:  # noqa: F405
    """The operations of the contract: name, parameters in positional order (the request's
    keys), rule ids and a summary. Each function of this package takes the same parameters
    in the same order.

    >>> import liaison
    >>> next(o["params"] for o in liaison.operations() if o["name"] == "grade")
    ['satisfied', 'basically_satisfied', 'dissatisfied', 'policy']
    """
    answer: list[OperationInfo] = _liaison.call("operations", {})  # noqa: F405
    return answer


ERROR_CODES: tuple[str, ...] = tuple(c["code"] for c in _liaison.call("error_codes", {}))
RULES: tuple[dict[str, str], ...] = tuple(_liaison.call("rules", {}))
FINDING_CODES: tuple[tuple[str, tuple[str, ...], str], ...] = tuple(
    (c["code"], tuple(c["rules"]), c["meaning"]) for c in _liaison.call("finding_codes", {})
)
FORM_KINDS: tuple[str, ...] = tuple(k["kind"] for k in _liaison.call("form_kinds", {}))
FIELD_ERROR_CODES: tuple[str, ...] = tuple(_liaison.call("field_error_codes", {}))


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _status(answer: dict[str, Any]) -> FeedbackStatus:
    return FeedbackStatus(_day(answer["deadline"]), answer["status"], answer["days"])


def _flag(name: str, value: Any) -> bool:
    """A keyword that is ``True`` or ``False``, else ``TypeError``."""
    if value is True or value is False:
        return value
    raise TypeError(f"`{name}` must be True or False, not {type(value).__name__}")


# How each operation that ``explain`` explains answers in Python.
_ANSWERS: dict[str, Any] = {
    "deadline": _day,
    "feedback_status": _status,
    "decide_vote": lambda answer: answer,
    "grade": lambda answer: answer,
}


def _explained(op: Any, request: Any) -> Explanation:
    """The ``explain`` operation on ``op``'s request, its answer and dates as Python's."""
    answer = _liaison.call("explain", {"op": op, "request": request})
    steps = [{**step, "date": _day(step["date"])} if "date" in step else step for step in answer["steps"]]
    return {"answer": _ANSWERS[op](answer["answer"]), "steps": steps}  # type: ignore[typeddict-item]


def _policy(policy: Any) -> Any:
    """A policy argument as the request holds it: a ``Policy``'s fields, a mapping as it is."""
    if policy is None or isinstance(policy, Mapping):
        return policy
    if isinstance(policy, Policy):
        return policy._data
    raise TypeError(f"`policy` must be None, a liaison.Policy or a dict, not {type(policy).__name__}")


def _has(obj: Any, name: str) -> bool:
    """``hasattr``, with an object whose attribute lookup raises taken as lacking it (the
    core's converter then reports what it is)."""
    try:
        return hasattr(obj, name)
    except Exception:  # noqa: BLE001 - any failure of the caller's object means "no"
        return False


def _library(frame: Any) -> Optional[str]:
    """``"pandas"`` or ``"polars"`` for a data frame of that library, else ``None``."""
    module = str(getattr(type(frame), "__module__", "")).split(".")[0]
    if module in ("pandas", "polars") and _has(frame, "columns"):
        return module
    return None


def _missing(value: Any) -> bool:
    """A cell left out: None, or a float NaN (NaT and ``pd.NA`` are None by then)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _rows(table: Any, loc: list[Any]) -> Any:
    """The rows of a pandas or polars data frame or an Arrow table as a list of dicts, a
    missing cell (None, NaN, NaT, ``pd.NA``, null) left out as an empty CSV cell is;
    anything else as it is."""
    library = _library(table)
    if library == "pandas":
        cells = table.astype(object).where(table.notna(), None)
        rows = cells.to_dict("records")
    elif library == "polars":
        rows = table.to_dicts()
    elif _has(table, "__arrow_c_stream__") or _has(table, "__arrow_c_array__"):
        rows = _liaison.arrow_table(table, loc).to_pylist()
    else:
        return table
    return [{k: v for k, v in row.items() if not _missing(v)} for row in rows]


def deadline(received: Any, responsibility: Any, policy: Any = None, *, explain: bool = False) -> Any:
    """S5.1–S5.4 (A1, A2, A13): the last day on which a matter received on ``received`` may
    still be finished and fed back.

    ``responsibility`` is ``"within_remit"``, ``"outside_remit"``, ``"unresolvable"`` or
    ``"lead_unit"``, the digit 1–4 (``int`` or ``str``) or the Chinese label. With Banan
    2008 that is ``received`` + 10, 20, 30 or 40 days, moved on to the next working day when
    it falls on a rest day. With ``explain=True`` the answer is ``explain("deadline", …)``:
    ``{"answer": the day, "steps": [...]}``.

    Raises ``LiaisonError``: ``invalid_date``, ``invalid_responsibility``,
    ``calendar_not_covered`` (a year the holiday calendar has no notice for),
    ``date_out_of_range``.

    >>> import liaison
    >>> from datetime import date, datetime
    >>> liaison.deadline(date(2008, 9, 25), "within_remit")  # 10-05 is a holiday
    datetime.date(2008, 10, 6)
    >>> liaison.deadline("2008-09-17", 1)  # Saturday 09-27 is a working day
    datetime.date(2008, 9, 27)
    >>> liaison.deadline(datetime(2008, 12, 22), "职责内")
    datetime.date(2009, 1, 4)
    >>> liaison.deadline("2026-12-01", "lead_unit")
    Traceback (most recent call last):
        ...
    liaison.LiaisonError: the holiday calendar does not cover 2027-01-10
    """
    request = {"received": received, "responsibility": responsibility, "policy": _policy(policy)}
    if _flag("explain", explain):
        return _explained("deadline", request)
    return _day(_liaison.call("deadline", request))


def feedback_status(
    received: Any,
    responsibility: Any,
    fed_back: Any = None,
    as_of: Any = None,
    policy: Any = None,
    *,
    explain: bool = False,
) -> Any:
    """S5.1–S5.6: the deadline of a matter and whether it was, or is being, met.

    Returns a ``FeedbackStatus(deadline, status, days)``:

    - fed back on or before the deadline: ``"on_time"``, ``days`` to spare;
    - fed back after it: ``"late"``, ``days`` late;
    - not fed back, ``as_of`` on or before the deadline: ``"open"``, ``days`` left;
    - not fed back, ``as_of`` after it: ``"overdue"``, ``days`` overdue.

    ``as_of`` (the day the records were taken) is required without ``fed_back``. With
    ``explain=True`` the answer is ``explain("feedback_status", …)``.

    Raises ``LiaisonError``: ``feedback_before_receipt``, ``as_of_before_receipt``,
    ``as_of_required`` and every error of ``deadline``.

    >>> import liaison
    >>> liaison.feedback_status("2008-09-25", "within_remit", fed_back="2008-10-07")
    FeedbackStatus(deadline=datetime.date(2008, 10, 6), status='late', days=1)
    >>> liaison.feedback_status("2008-09-25", 1, as_of="2008-09-30")._asdict()
    {'deadline': datetime.date(2008, 10, 6), 'status': 'open', 'days': 6}
    """
    request = {
        "received": received,
        "responsibility": responsibility,
        "fed_back": fed_back,
        "as_of": as_of,
        "policy": _policy(policy),
    }
    if _flag("explain", explain):
        return _explained("feedback_status", request)
    return _status(_liaison.call("feedback_status", request))


def decide_vote(
    approve: Any,
    disapprove: Any,
    abstain: Any = 0,
    policy: Any = None,
    present: Any = None,
    entitled: Any = None,
    *,
    explain: bool = False,
) -> Any:
    """S3.5 (A4, A5, A15): the outcome of the vote on one proposed commitment item.

    ``"adopted"`` when approve ≥ 2/3 of the ballots (达到三分之二及以上), ``"rejected"`` when
    disapprove > 1/3 (超过三分之一: redraft), otherwise ``"not_adopted"`` (A4). A policy with
    a quorum (A15) or another base (A5) needs ``present`` and ``entitled`` and may give
    ``"no_quorum"``. Counts are ``int`` from 0 to 2**64 - 1, compared exactly. With
    ``explain=True`` the answer is ``explain("decide_vote", …)``.

    Raises ``LiaisonError``: ``invalid_count`` (a negative, too large, ``float`` or ``bool``
    count; ``loc`` names it), ``no_ballots``, ``attendance_required``,
    ``invalid_attendance``.

    >>> import liaison
    >>> liaison.decide_vote(20, 10)  # 20/30 = 2/3
    'adopted'
    >>> liaison.decide_vote(19, 11)  # 11/30 > 1/3
    'rejected'
    >>> liaison.decide_vote(19, 10, 1)
    'not_adopted'
    >>> quorum = {"vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": False}}
    >>> liaison.decide_vote(30, 0, 0, quorum, present=40, entitled=80)
    'no_quorum'
    """
    request = {
        "approve": approve,
        "disapprove": disapprove,
        "abstain": abstain,
        "policy": _policy(policy),
        "present": present,
        "entitled": entitled,
    }
    if _flag("explain", explain):
        return _explained("decide_vote", request)
    return _liaison.call("decide_vote", request)


def grade(
    satisfied: Any,
    basically_satisfied: Any = 0,
    dissatisfied: Any = 0,
    policy: Any = None,
    *,
    explain: bool = False,
) -> Any:
    """S3.7 (A3, A6): the grade of a year-end satisfaction ballot.

    ``"unqualified"`` when dissatisfied > 30% of the valid ballots (超过30%), else
    ``"excellent"`` when satisfied > 90% (超过90%), else ``"qualified"`` when satisfied ≥ 70%
    (达到70%), else ``"undetermined"`` (A3). "Basically satisfied" ballots count in the base
    only (A6). Counts are ``int`` from 0 to 2**64 - 1, compared exactly. With
    ``explain=True`` the answer is ``explain("grade", …)``.

    Raises ``LiaisonError``: ``invalid_count``, ``no_ballots``.

    >>> import liaison
    >>> liaison.grade(70, 0, 30)  # 30% is not "超过30%"
    'qualified'
    >>> liaison.grade(69, dissatisfied=31)
    'unqualified'
    >>> liaison.grade(91, 9)
    'excellent'
    >>> liaison.grade(69, 31)
    'undetermined'
    >>> liaison.grade(2**64 - 1, 0, 0)
    'excellent'
    """
    request = {
        "satisfied": satisfied,
        "basically_satisfied": basically_satisfied,
        "dissatisfied": dissatisfied,
        "policy": _policy(policy),
    }
    if _flag("explain", explain):
        return _explained("grade", request)
    return _liaison.call("grade", request)


def explain(op: Any, request: Any) -> Explanation:
    """Why an answer of ``deadline``, ``feedback_status``, ``decide_vote`` or ``grade`` is
    what it is: ``{"answer", "steps"}``, the answer as that function returns it and the
    steps the rules took to reach it, in order, each a dict ``{"rule", "text", "text_zh"}``
    with ``"words"`` (the source's words that decide it) and ``"date"`` (the day it arrives
    at, a ``datetime.date``) where they apply. The rules record these steps as they decide:
    the explanation is the decision itself.

    ``op`` is one of the four names; ``request`` the operation's request, a dict of its
    parameters (``policy`` may be a ``Policy``). Each of the four functions gives the same
    with ``explain=True``.

    Raises ``LiaisonError``: ``invalid_input`` on ``op`` for another operation, and every
    error of the operation, its ``loc`` under ``"request"``.

    >>> import liaison
    >>> e = liaison.explain("deadline", {"received": "2008-09-25", "responsibility": 1})
    >>> e["answer"]
    datetime.date(2008, 10, 6)
    >>> for step in e["steps"]:
    ...     print(step["rule"], step.get("date"), step["text_zh"])
    A1 None 收到之日 2008-09-25 不计入，自次日起算
    S5.1 2008-10-05 10 天内：最后一日为 2008-10-05
    A2 2008-10-05 2008-10-05 是休息日：国庆节 2008-09-29 至 2008-10-05，见国务院办公厅关于2008年部分节假日安排的通知
    A2 2008-10-06 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日：2008-10-06
    >>> e["steps"][1]["words"]
    '对属本级党组织工作职责范围内的事项，应在收到反映问题之日起10天内办结，并反馈反映人'
    >>> liaison.grade(69, 31, explain=True)["steps"][-1]["rule"]
    'A3'
    >>> try:
    ...     liaison.explain("deadline", {"received": "2008-9-25", "responsibility": 1})
    ... except liaison.LiaisonError as e:
    ...     print(e.code, e.loc)
    invalid_date ['request', 'received']
    """
    if isinstance(request, Mapping):
        try:
            request = {**request}
        except Exception:  # noqa: BLE001 - a mapping that cannot be read: the core says so
            return _explained(op, request)
        if isinstance(request.get("policy"), Policy):
            request["policy"] = _policy(request["policy"])
    return _explained(op, request)


def consequences(years: Any, policy: Any = None) -> list[Consequence]:  # noqa: F405
    """S3.8: the consequences of a committee's year-end evaluations.

    ``years`` is an iterable of mappings ``{"year", "satisfied", "basically_satisfied",
    "dissatisfied", "combined"}`` (the last three optional; ``combined`` is the combined
    evaluation grade, the ballot's grade when absent or ``None``), or a pandas or polars
    DataFrame with those columns. Returns a list of dicts ``{"year", "action", "reason"}``
    in year order.

    Raises ``LiaisonError``: ``invalid_input`` (a missing or unknown key, a value of the
    wrong type; ``loc`` such as ``["years", 1, "satisfied"]``), ``invalid_count``,
    ``invalid_grade``, ``duplicate_year``, ``no_ballots``.

    >>> import liaison
    >>> for c in liaison.consequences([
    ...     {"year": 2009, "satisfied": 60, "dissatisfied": 40},
    ...     {"year": 2010, "satisfied": 40, "dissatisfied": 60},
    ... ]):
    ...     print(c)
    {'year': 2009, 'action': 'rectify', 'reason': 'combined_unqualified'}
    {'year': 2010, 'action': 'rectify', 'reason': 'dissatisfaction_over_half'}
    {'year': 2010, 'action': 'rectify', 'reason': 'combined_unqualified'}
    {'year': 2010, 'action': 'resign', 'reason': 'unqualified_two_years'}
    """
    years = _rows(years, ["years"])
    if isinstance(years, Iterable) and not isinstance(years, (str, bytes, Mapping, list, tuple)):
        try:
            years = list(years)
        except Exception:  # noqa: BLE001 - an iterable that fails is read as what it is
            pass
    answer: list[Consequence] = _liaison.call(  # noqa: F405
        "consequences", {"years": years, "policy": _policy(policy)}
    )
    return answer


def is_rest_day(date: Any, policy: Any = None) -> bool:
    """A2: whether ``date`` is a rest day in the policy's holiday calendar: a day of an
    official holiday period, or a Saturday or Sunday that no notice makes a working day.

    Raises ``LiaisonError``: ``invalid_date``, ``calendar_not_covered``, ``invalid_calendar``.

    >>> import liaison
    >>> liaison.is_rest_day("2008-10-01")
    True
    >>> liaison.is_rest_day("2008-09-27")  # a Saturday made a working day
    False
    """
    answer: bool = _liaison.call("is_rest_day", {"date": date, "policy": _policy(policy)})
    return answer


def _dataset(dataset: Any) -> tuple[Any, Optional[str]]:
    """A dataset argument as the request holds it (a path as text, data frames and Arrow
    tables as lists of rows), and the data frame library it came in, if any."""
    library = None
    if isinstance(dataset, (str, os.PathLike)):
        try:
            dataset = os.fspath(dataset)
        except Exception:  # noqa: BLE001 - a path-like that fails is read as what it is
            pass
    elif isinstance(dataset, Mapping):
        try:
            items = list(dataset.items())
        except Exception:  # noqa: BLE001 - a mapping that cannot be read: the core says so
            return dataset, None
        tables = {}
        for key, value in items:
            library = library or _library(value)
            tables[key] = _rows(value, ["dataset", key])
        dataset = tables
    return dataset, library


def _check(
    op: str, dataset: Any, start: Any, end: Any, as_of: Any, policy: Any, explain: Any, encoding: Any, strict: Any
) -> Report:
    dataset, library = _dataset(dataset)
    request = {
        "dataset": dataset,
        "start": start,
        "end": end,
        "as_of": as_of,
        "policy": _policy(policy),
        "explain": explain,
    }
    return Report._of(_liaison.call(op, request, encoding=encoding, strict=strict), library)


def check(
    dataset: Any,
    start: Any,
    end: Any,
    as_of: Any,
    policy: Any = None,
    explain: Any = False,
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Report:
    """S1–S5: checks what a district recorded against every schedule, from ``start`` to
    ``end`` (both included), with the records taken on ``as_of``. Returns a ``Report``.

    Only periods wholly inside both the range (up to ``as_of``) and the subject's own time
    are judged; the others count as not judged, never as met (A8). A policy's ``rules``
    (rule ids, or systems such as ``"S1"``) limits what is judged. With ``explain=True``
    each finding also lists the records it counted for ``actual`` in ``counted``: dicts
    ``{"record", "date", "ids"}`` (``"amount_fen"`` for aid) — ids, dates and amounts only.

    ``dataset`` is one of:

    - a dict in the JSON shape of ``docs/dataset.md``: ``{"units": [...], "people": [...],
      ...}``, every list optional;
    - a ``str`` or ``os.PathLike`` path to a JSON file, a folder of CSV files or an
      ``.xlsx`` workbook (one sheet per record type), read with ``encoding`` (of the CSV
      files: ``None`` or ``"auto"`` detects UTF-8, with or without a byte-order mark, else
      GB18030, which includes GBK; or ``"utf-8"``, ``"gb18030"``, ``"gbk"``) and ``strict``
      (``True``: only the forms a JSON dataset holds — ISO dates, the names of choices, the
      fields' names as headers; ``False``, the default, also what clerks type, such as
      ``2009/1/5``, ``村`` or the paper forms' column labels; see ``docs/dataset.md``);
      both apply to a path only;
    - a mapping of record type → pandas or polars DataFrame, Arrow table (anything with
      ``__arrow_c_stream__`` or ``__arrow_c_array__``, read through pyarrow) or list of
      dicts: one row per record, one column per field. A missing cell (``None``, NaN, NaT,
      ``pd.NA``, an Arrow null) is an absent field, as an empty CSV cell is; a timestamp at
      midnight is its day. Commitment items may come as a ``commitment_items`` table whose
      ``commitment`` column names their commitment.

    The check runs without the GIL.

    Raises ``LiaisonError`` with the core's code and ``loc``: a bad record at
    ``["dataset", "visits", 3, "date"]`` (``["dataset", "visits.csv", 5, "date"]`` in a CSV
    folder), several at once as ``invalid_records`` with each problem in ``errors``;
    ``file_not_found`` (a ``LiaisonFileNotFoundError``), ``io_error``, ``not_a_file``,
    ``too_large`` for a path; ``invalid_input`` on ``encoding`` or ``strict``;
    ``invalid_date`` for ``start``, ``end`` or ``as_of``; ``invalid_period``,
    ``range_too_long`` (the policy's ``max_range_years``), ``after_as_of``,
    ``invalid_policy``, ``calendar_not_covered``, ``no_ballots``, ``attendance_required``.

    >>> import liaison
    >>> data, planted = liaison.generate_district()
    >>> report = liaison.check(data, "2023-01-01", "2025-12-31", "2026-01-20")
    >>> report
    <liaison.Report 2023-01-01..2025-12-31 as of 2026-01-20: 32 findings>
    >>> sorted((f["rule"], f["subject"], f["period"]["label"]) for f in report.findings) == sorted(
    ...     (p["rule"], p["subject"], p["period"]) for p in planted)
    True
    >>> f = next(f for f in report.findings if f["code"] == "aid_below_minimum")
    >>> f["expected"], f["actual"]  # fen: 500.00 yuan asked, 499.99 given
    (50000, 49999)
    >>> explained = liaison.check(data, "2023-01-01", "2025-12-31", "2026-01-20", {"rules": ["S4.3"]}, True)
    >>> sum(c["amount_fen"] for c in explained.findings[0]["counted"])
    49999
    >>> liaison.check(data, "2023-01-01", "2025-12-31", "2026-01-20", {"rules": ["S4.3"]}).by_rule
    [{'key': 'S4.3', 'judged': 33, 'met': 32, 'not_met': 1, 'not_judged': 1, 'not_judged_by_reason': {'outside_range': 1}, 'provisional': 0, 'rate_permille': 969}]
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as d:  # Excel's "CSV (逗号分隔)" in China is GBK
    ...     _ = (pathlib.Path(d) / "单位.csv").write_bytes("编号,级别\\nV1,村\\n".encode("gbk"))
    ...     report = liaison.check(d, "2009-01-01", "2009-12-31", "2010-01-10", {"rules": ["S2.6"]})
    ...     print(len(report), report.findings[0]["message_zh"])
    ...     try:  # strict: the fields' names as headers, "village" for 村
    ...         liaison.check(d, "2009-01-01", "2009-12-31", "2010-01-10", strict=True)
    ...     except liaison.LiaisonError as e:
    ...         print(e.code, [problem["loc"] for problem in e.errors])
    12 V1 在 2009-01 召开民情分析会 0 次，少于规定的 1 次
    invalid_records [['dataset', '单位.csv', 1, '编号'], ['dataset', '单位.csv', 1, '级别']]
    """
    return _check("check", dataset, start, end, as_of, policy, explain, encoding, strict)


def check_detailed(
    dataset: Any,
    start: Any,
    end: Any,
    as_of: Any,
    policy: Any = None,
    explain: Any = False,
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Report:
    """As ``check``, with every judgement kept in ``Report.outcomes``: a list of dicts
    ``{"rule", "unit", "subject", "period", "status", "reason", "provisional"}``,
    ``status`` being ``"met"``, ``"not_met"`` or ``"not_judged"`` (``reason`` then says
    why, a code such as ``"outside_range"``), for grids (a week-by-village view) and audits.

    >>> import liaison
    >>> data = {
    ...     "units": [{"id": "V1", "level": "village"}],
    ...     "people": [{"id": "P1", "unit": "V1", "role": "secretary", "from": "2009-01-07"}],
    ...     "receptions": [{"person": "P1", "date": "2009-01-14", "minutes": 240}],
    ... }
    >>> report = liaison.check_detailed(data, "2009-01-05", "2009-01-18", "2009-02-01",
    ...                                 {"rules": ["S1.3"]})
    >>> for o in report.outcomes:  # joined on a Wednesday: that week is not judged (A8)
    ...     print(o["period"]["label"], o["status"])
    2009-W02 not_judged
    2009-W03 met
    """
    return _check("check_detailed", dataset, start, end, as_of, policy, explain, encoding, strict)


def _item(item: dict[str, Any]) -> dict[str, Any]:
    return {**item, "period": _dated_period(item["period"]), "due": _day(item["due"])}


def agenda(
    dataset: Any,
    as_of: Any,
    horizon_days: Any = REQUEST_DEFAULTS["agenda"]["horizon_days"],
    policy: Any = None,
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Agenda:
    """S1–S5: what a district owes on ``as_of`` (today): every obligation open on that day
    that falls due within ``horizon_days`` days (this week's reception, the month's meeting,
    the year's visits, a 五必访 window, an opinion's "1234" deadline, a pairing year's aid …)
    and every one already late that can still be done (an opinion not fed back, a missed
    五必访 visit, a commitment or evaluation not made), by due day. The obligations are the
    check's own: an item is what ``check`` would report as a finding if it is not done.

    ``dataset`` is what ``check`` takes (a dict, data frames, a path read with ``encoding``
    and ``strict``). Returns a dict ``{"as_of", "horizon_days", "until", "items",
    "records_not_judged"}``, ``until`` being ``as_of`` + ``horizon_days``,
    ``records_not_judged`` the records the agenda could not judge, each named with its
    reason as in ``Report.records_not_judged``, and each item a dict ``{"rule", "code",
    "unit", "subject", "period", "due", "days_left", "state", "expected", "actual",
    "owed", "owed_zh", "provisional"}``: ``due`` the last day to do it and ``days_left``
    the days from ``as_of`` to it (negative when late), ``state`` ``"open"``,
    ``"due_soon"`` or ``"late"``, ``owed`` what is still owed in English and ``owed_zh`` in
    Chinese. Dates are ``datetime.date``.

    Raises ``LiaisonError`` as ``check`` does, and ``invalid_count`` for ``horizon_days``
    (a whole number of days from 0 to 2**32 - 1), ``date_out_of_range`` when ``as_of`` +
    ``horizon_days`` is after 9999-12-31.

    >>> import liaison
    >>> data = {
    ...     "units": [{"id": "V1", "level": "village"}],
    ...     "people": [{"id": "S", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
    ...     "receptions": [{"person": "S", "date": "2009-01-06", "minutes": 240}],
    ... }
    >>> a = liaison.agenda(data, "2009-01-18", 0, {"rules": ["S1.3"]})
    >>> a["as_of"], a["until"]
    (datetime.date(2009, 1, 18), datetime.date(2009, 1, 18))
    >>> item = a["items"][0]
    >>> item["rule"], item["period"]["label"], item["due"], item["days_left"], item["state"]
    ('S1.3', '2009-W03', datetime.date(2009, 1, 18), 0, 'open')
    >>> item["owed"], item["owed_zh"]
    ('1 reception of at least 240 minutes', '1 次集中接待（每次不少于 240 分钟）')
    >>> [i["days_left"] for i in liaison.agenda(data, "2009-01-14", policy={"rules": ["S1.3"]})["items"]]
    [4]
    """
    dataset, _ = _dataset(dataset)
    request = {"dataset": dataset, "as_of": as_of, "horizon_days": horizon_days, "policy": _policy(policy)}
    answer = _liaison.call("agenda", request, encoding=encoding, strict=strict)
    answer["as_of"], answer["until"] = _day(answer["as_of"]), _day(answer["until"])
    answer["items"] = [_item(item) for item in answer["items"]]
    if "records_not_judged" in answer:
        answer["records_not_judged"] = _dated(answer["records_not_judged"])
    result: Agenda = answer
    return result


def validate_form(kind: Any, data: Any, policy: Any = None) -> Validation:
    """F1–F5, S1.8, S1.9, S2.5, S5.1–S5.6: checks a form document and returns every problem
    at once.

    ``kind`` is one of ``FORM_KINDS``; ``data`` the document: a dict whose keys are the
    form's field names (``form_fields``), groups as nested dicts and rows as lists. A
    missing key, ``None`` and NaN all mean an empty field; a date, or a datetime or pandas
    ``Timestamp`` at midnight, is its ISO day (one with a time of day is reported as not a
    date).

    Returns ``{"valid": bool, "errors": [...]}``, each error a dict ``{"loc", "code",
    "message", "message_zh", "rule"}``: ``loc`` the field's place (``["visitor",
    "phone"]``, ``["members", 2, "age"]``, ``[]`` for the document), ``code`` one of
    ``FIELD_ERROR_CODES``, the messages naming the field by its labels on the paper form,
    never a value from the document.

    Raises ``LiaisonError``: ``invalid_input`` on ``kind`` for anything but the five kinds,
    and at the place of a value no JSON document holds (a ``set``, an object);
    ``invalid_policy``. Problems of the document are never raised: they are the result.

    >>> import liaison
    >>> record = {
    ...     "date": "2008-12-01", "receiver": "李书记",
    ...     "visitor": {"name": "张三", "phone": "1381234"},
    ...     "matter": "道路损毁", "cause": "山体滑坡", "request": "尽快修复",
    ...     "handling": {"way": "限期办理", "deadline": "2008-12-11"},
    ...     "notes": "x",
    ... }
    >>> result = liaison.validate_form("reception_record", record)
    >>> result["valid"]
    False
    >>> [(e["loc"], e["code"]) for e in result["errors"]]
    [(['visitor', 'phone'], 'invalid_phone'), (['handling', 'handler'], 'required'), (['notes'], 'unknown_field')]
    >>> result["errors"][0]["message_zh"]
    '「来访群众情况·联系电话」不是有效的手机号码或带区号的固定电话号码'
    >>> from datetime import date
    >>> row = {"number": 1, "reporter": "王五", "reported": date(2008, 9, 25), "matter": "低保",
    ...        "handler": "赵六", "responsibility": "within_remit", "deadline": date(2008, 10, 6)}
    >>> liaison.validate_form("register_entry", row)  # 10-05 is a holiday: moved to 10-06
    {'valid': True, 'errors': []}
    """
    request = {"kind": kind, "data": data, "policy": _policy(policy)}
    answer: Validation = _liaison.call("validate_form", request)
    return answer


def form_schema(kind: Any, draft: Any = "2020-12") -> dict[str, Any]:
    """F1–F5: the JSON Schema of a form, as a dict, for form builders: ``draft`` is
    ``"2020-12"`` (the default) or ``"07"`` (for validators that know no later draft, such
    as react-jsonschema-form's default ajv).

    Generated from the validator's field table: ``title`` is the Chinese label of the form
    and of each property, ``description`` English; required fields, choices as ``oneOf``
    of ``{"const": name, "title": Chinese label}``, ``format: date``, the phone pattern,
    ranges, the cross-field rules a schema can express (``if``/``then``, a ``None``
    counting as absent), and the annotations
    ``x-order``, ``x-rule``, ``x-personal`` and ``x-rules``.

    Raises ``LiaisonError`` ``invalid_input`` on ``kind`` for anything but the five kinds
    and on ``draft`` for anything but the two drafts.

    >>> import liaison
    >>> schema = liaison.form_schema("reception_record")
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["title"], schema["properties"]["visitor"]["properties"]["phone"]["title"]
    ('党组织书记接待群众登记表', '联系电话')
    >>> liaison.form_schema("reception_record", draft="07")["$schema"]
    'http://json-schema.org/draft-07/schema#'
    """
    request = {"kind": kind} if draft is None else {"kind": kind, "draft": draft}  # None: the default
    answer: dict[str, Any] = _liaison.call("form_schema", request)
    return answer


def redact(kind: Any, data: Any) -> dict[str, Any]:
    """PIPL art. 51: a copy of a form document with personal data masked for export.

    Names (张三丰 → 张**), phones (13812341234 → 138****1234), addresses (the first 6
    characters, then ``****``) and ID numbers in any text are masked, and every string the
    core cannot prove harmless; the rest is unchanged, in the order of ``data``. Dates come
    back as ISO text.

    Raises ``LiaisonError`` ``invalid_input`` on ``kind`` for anything but the five kinds,
    and at the place of a value no JSON document holds.

    >>> import liaison
    >>> liaison.redact("reception_record", {
    ...     "visitor": {"name": "张三丰", "phone": "13812341234",
    ...                 "address": "重庆市巴南区鱼洞街道新市街12号"},
    ...     "matter": "道路损毁"})
    {'visitor': {'name': '张**', 'phone': '138****1234', 'address': '重庆市巴南区****'}, 'matter': '道路损毁'}
    """
    answer: dict[str, Any] = _liaison.call("redact", {"kind": kind, "data": data})
    return answer


def form_fields(kind: Any) -> list[FieldInfo]:
    """F1–F5: every field of a form in the order of the paper form, groups before their
    fields, for spreadsheet headers and form builders: dicts ``{"path", "label_zh",
    "description", "kind", "required", "rule"}`` (``path`` with ``[]`` for list items).

    Raises ``LiaisonError`` ``invalid_input`` on ``kind`` for anything but the five kinds.

    >>> import liaison
    >>> fields = liaison.form_fields("visit_diary")
    >>> [(f["path"], f["label_zh"], f["kind"], f["required"]) for f in fields[3:7]]
    [('members', '被访家庭成员基本情况', 'list', True), ('members[].name', '姓名', 'name', True), ('members[].sex', '性别', 'choice', False), ('members[].age', '年龄', 'integer', False)]
    """
    answer: list[FieldInfo] = _liaison.call("form_fields", {"kind": kind})
    return answer


_SHAPE = REQUEST_DEFAULTS["generate_district"]


def generate_district(
    seed: Optional[int] = _SHAPE["seed"],
    towns: Optional[int] = _SHAPE["towns"],
    villages_per_town: Optional[int] = _SHAPE["villages_per_town"],
    households_per_village: Optional[int] = _SHAPE["households_per_village"],
    first_year: Optional[int] = _SHAPE["first_year"],
    years: Optional[int] = _SHAPE["years"],
    policy: Any = None,
) -> tuple[dict[str, Any], list[Planted]]:
    """A seeded synthetic district with a known sprinkling of violations, and the findings
    ``check`` must report for them.

    Returns ``(dataset, planted)``: the dataset as a dict in the JSON shape and a list of
    dicts ``{"rule", "code", "subject", "period"}`` (``period`` is the period's label).
    Check it from ``first_year``-01-01 to the last day of the last year, as of 20 January
    after it. The same arguments give the same district on every machine; ``None`` takes
    the default (the core's, which the signature shows).

    Raises ``LiaisonError``: ``invalid_count``, ``invalid_input`` (a shape too small to
    plant in), ``calendar_not_covered``, ``invalid_policy``.

    >>> import liaison
    >>> data, planted = liaison.generate_district(seed=7, first_year=2020)
    >>> sorted(data)[:4]
    ['aid', 'commitments', 'deeds', 'evaluations']
    >>> report = liaison.check(data, "2020-01-01", "2022-12-31", "2023-01-20")
    >>> len(report) == len(planted)
    True
    >>> planted[0]
    {'rule': 'S1.2', 'code': 'too_few_receptions', 'subject': 'T1-S', 'period': '2021-03'}
    """
    given = {
        "seed": seed,
        "towns": towns,
        "villages_per_town": villages_per_town,
        "households_per_village": households_per_village,
        "first_year": first_year,
        "years": years,
        "policy": _policy(policy),
    }
    request = {k: v for k, v in given.items() if v is not None}
    district = _liaison.call("generate_district", request)
    return district["dataset"], district["planted"]


def evaluate_register(
    table: Any,
    as_of: Any,
    policy: Any = None,
    *,
    errors: str = "raise",
    received: str = "received",
    responsibility: str = "responsibility",
    fed_back: Optional[str] = "fed_back",
    keep: bool = False,
) -> Any:
    """S5.1–S5.6 for every row of a register: the deadline, status and days of each opinion,
    as ``feedback_status`` gives them row by row, in the order of the rows.

    ``table`` is anything that speaks the Arrow PyCapsule interface: a pyarrow ``Table``,
    ``RecordBatch`` or ``RecordBatchReader``, a polars ``DataFrame``, a pandas
    ``DataFrame`` (with pyarrow installed), a duckdb relation. Its columns are read without
    copying: ``received`` (``date32``; ``date64``, a ``timestamp`` without time zone at
    midnight and ISO text too), ``responsibility`` (integers 1–4 or text, also
    dictionary-encoded), ``fed_back`` (dates, null when not fed back; ``fed_back=None``
    when the table has no such column).

    Returns the rows in the caller's library: a pandas ``DataFrame`` for a pandas
    ``DataFrame`` (``deadline`` as ``datetime64[ms]``, ``status`` categorical, ``days``
    ``uint32``, the input's index kept; a ``datetime64`` or integer column held in NumPy is
    read as it is, ``NaT`` a missing cell, and the answer written into NumPy arrays of its
    own, not through pyarrow's conversions), a polars ``DataFrame`` for a polars ``DataFrame``,
    else a ``pyarrow.Table`` (or, without pyarrow, an object speaking the same interface)
    with ``deadline`` (``date32``), ``status`` (``dictionary<int8, utf8>``) and ``days``
    (``uint32``); with ``keep=True`` the input's columns come first. The rows are
    evaluated by the ``liaison-arrow`` crate without the GIL, a large table on all the
    machine's cores (at most 8; ``LIAISON_THREADS=n`` in the environment sets how many).

    A bad row raises ``LiaisonError`` with the core's code and ``loc`` ``["row", i,
    column]`` (``i`` counting from 0 over the whole input); with ``errors="column"`` its
    outputs are null instead and an extra ``error`` column holds its code. Raises
    ``LiaisonError`` ``invalid_input`` for a missing column or one of a type that holds no
    such values, for Arrow data that is not a table, and for ``errors`` other than
    ``"raise"`` or ``"column"``; ``TypeError`` for a ``table`` that is not Arrow data.

    >>> import datetime, liaison, pyarrow as pa
    >>> table = pa.table({
    ...     "received": pa.array([datetime.date(2008, 9, 25), datetime.date(2008, 9, 25),
    ...                           datetime.date(2008, 12, 1)]),
    ...     "responsibility": [1, 1, 4],
    ...     "fed_back": pa.array([datetime.date(2008, 10, 7), None, None], pa.date32()),
    ... })
    >>> out = liaison.evaluate_register(table, "2008-12-31")
    >>> out.column("deadline").to_pylist()  # 10-05 is in the National Day holiday
    [datetime.date(2008, 10, 6), datetime.date(2008, 10, 6), datetime.date(2009, 1, 12)]
    >>> out.column("status").to_pylist(), out.column("days").to_pylist()
    (['late', 'overdue', 'open'], [1, 86, 12])
    >>> bad = table.set_column(1, "responsibility", pa.array([1, 5, 4]))
    >>> try:
    ...     liaison.evaluate_register(bad, "2008-12-31")
    ... except liaison.LiaisonError as e:
    ...     print(e.code, e.loc)
    invalid_responsibility ['row', 1, 'responsibility']
    >>> liaison.evaluate_register(bad, "2008-12-31", errors="column").column("error").to_pylist()
    [None, 'invalid_responsibility', None]
    """
    options = {
        "as_of": as_of,
        "policy": _policy(policy),
        "errors": errors,
        "received": received,
        "responsibility": responsibility,
        "fed_back": fed_back,
        "keep": keep,
    }
    if _library(table) == "pandas" and errors == "raise" and not keep:
        columns = _numpy_columns(table, [received, responsibility, fed_back])
        if columns is not None:
            out = _liaison.evaluate_register(columns, {**options, "numpy": True})
            return _numpy_frame(out, table.index)
    return _in_library(_liaison.evaluate_register(table, options), table)


def _numpy_columns(frame: Any, names: list[Optional[str]]) -> Any:
    """The named columns of a pandas frame as an Arrow table, the NumPy ones without
    copying: ``datetime64`` as ``timestamp`` with ``NaT`` as it is (the core reads it as a
    missing cell), integers as they are, any other column as pyarrow converts it. None when a
    name is not one column of the frame (the frame is then read whole, as any other)."""
    import numpy

    try:
        import pyarrow
    except ImportError:
        return None
    arrays, kept = [], []
    for name in names:
        if name is None:
            continue
        if list(frame.columns).count(name) != 1:
            return None
        column = frame[name]
        dtype = column.dtype
        if isinstance(dtype, numpy.dtype) and dtype.kind == "M":
            unit = numpy.datetime_data(dtype)[0]
            if unit not in ("s", "ms", "us", "ns"):
                return None
            values = numpy.ascontiguousarray(column.to_numpy()).view("int64")
            buffers = [None, pyarrow.py_buffer(values)]
            arrays.append(pyarrow.Array.from_buffers(pyarrow.timestamp(unit), len(values), buffers))
        elif isinstance(dtype, numpy.dtype) and dtype.kind in "iu":
            arrays.append(pyarrow.array(numpy.ascontiguousarray(column.to_numpy())))
        else:
            arrays.append(pyarrow.array(column, from_pandas=True))
        kept.append(name)
    return pyarrow.Table.from_arrays(arrays, names=kept)


def _numpy_frame(out: Any, index: Any) -> Any:
    """The answers of a NumPy evaluation (one batch, no nulls; ``deadline`` already
    ``timestamp[ms]``) as a pandas frame of NumPy arrays of its own: the core's memory is
    Arrow's, read-only, and a frame is written in place."""
    import json

    import pandas

    def values(name: str) -> Any:
        column = out.column(name)
        array = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
        return array.to_numpy(zero_copy_only=True).copy()

    categories = json.loads(out.schema.field("status").metadata[b"categories"])
    status = pandas.CategoricalDtype(categories)
    columns = {
        "deadline": values("deadline"),
        "status": pandas.Categorical.from_codes(values("status"), dtype=status, validate=False),
        "days": values("days"),
    }
    return pandas.DataFrame(columns, index=index, copy=False)


def _in_library(out: Any, table: Any) -> Any:
    """An Arrow table of answers in the library of ``table``: pandas in, pandas out (the
    input's index kept); polars in, polars out; else the Arrow table as it is."""
    library = _library(table)
    if library == "pandas":
        frame = out.to_pandas(date_as_object=False, split_blocks=True, self_destruct=True)
        if len(frame) == len(table):
            frame.index = table.index
        return frame
    if library == "polars":
        import polars

        return polars.from_arrow(out)
    return out


def grade_table(
    table: Any,
    policy: Any = None,
    *,
    errors: str = "raise",
    satisfied: str = "satisfied",
    basically_satisfied: Optional[str] = "basically_satisfied",
    dissatisfied: Optional[str] = "dissatisfied",
    keep: bool = False,
) -> Any:
    """S3.7 (A3, A6) for every row of a table of ballots: the ``grade`` each row's counts
    get from ``grade``, in the order of the rows.

    ``table`` is Arrow data as for ``evaluate_register`` (a pyarrow, polars or pandas
    table). ``satisfied``, ``basically_satisfied`` and ``dissatisfied`` name integer
    columns of any width (``basically_satisfied=None`` or ``dissatisfied=None`` when the
    table has no such column: 0 ballots each row). Counts are compared exactly up to
    2**64 - 1.

    Returns the rows in the caller's library (pandas in, pandas out; polars in, polars out;
    else a ``pyarrow.Table``) with a ``grade`` column (``dictionary<int8, utf8>``:
    ``unqualified``, ``undetermined``, ``qualified``, ``excellent``; categorical in pandas);
    with ``keep=True`` the input's columns come first.

    A bad row raises ``LiaisonError`` with the code ``grade`` gives it and ``loc`` ``["row",
    i, column]`` (``invalid_count`` for a null or negative count), or ``["row", i]`` for
    ``no_ballots``; with ``errors="column"`` its grade is null instead and an extra
    ``error`` column holds its code. ``invalid_input`` for a missing column or one that is
    not integers (a float column is not read: a count is a whole number).

    >>> import liaison, pyarrow as pa
    >>> ballots = pa.table({"satisfied": [70, 69, 91, 69, 0],
    ...                     "basically_satisfied": [0, 0, 9, 31, 0],
    ...                     "dissatisfied": [30, 31, 0, 0, 0]})
    >>> liaison.grade_table(ballots.slice(0, 4)).column("grade").to_pylist()
    ['qualified', 'unqualified', 'excellent', 'undetermined']
    >>> try:
    ...     liaison.grade_table(ballots)
    ... except liaison.LiaisonError as e:
    ...     print(e.code, e.loc)
    no_ballots ['row', 4]
    >>> liaison.grade_table(ballots, errors="column").column("error").to_pylist()
    [None, None, None, None, 'no_ballots']
    """
    options = {
        "policy": _policy(policy),
        "errors": errors,
        "satisfied": satisfied,
        "basically_satisfied": basically_satisfied,
        "dissatisfied": dissatisfied,
        "keep": keep,
    }
    return _in_library(_liaison.grade_table(table, options), table)


def decide_vote_table(
    table: Any,
    policy: Any = None,
    *,
    errors: str = "raise",
    approve: str = "approve",
    disapprove: str = "disapprove",
    abstain: Optional[str] = "abstain",
    present: Optional[str] = None,
    entitled: Optional[str] = None,
    keep: bool = False,
) -> Any:
    """S3.5 (A4, A5, A15) for every row of a table of votes: the ``outcome`` each row's
    counts get from ``decide_vote``, in the order of the rows.

    ``approve``, ``disapprove`` and ``abstain`` name integer columns of any width
    (``abstain=None`` when the table has none: 0 each row); ``present`` and ``entitled``
    name the attendance columns a policy with a quorum (A15) or another base (A5) needs,
    a null cell there being an absent figure. Counts are compared exactly up to 2**64 - 1.

    Returns the rows in the caller's library (pandas in, pandas out; polars in, polars out;
    else a ``pyarrow.Table``) with an ``outcome`` column (``dictionary<int8, utf8>``:
    ``adopted``, ``rejected``, ``not_adopted``, ``no_quorum``); with ``keep=True`` the
    input's columns come first.

    A bad row raises ``LiaisonError`` with the code ``decide_vote`` gives it and ``loc``
    ``["row", i, column]`` (``invalid_count``, ``invalid_attendance``,
    ``attendance_required``) or ``["row", i]`` (``no_ballots``, and ``attendance_required``
    when the policy needs attendance columns and none is named); with ``errors="column"``
    its outcome is null instead and an extra ``error`` column holds its code.

    >>> import liaison, pyarrow as pa
    >>> votes = pa.table({"approve": [20, 19, 19], "disapprove": [10, 11, 10],
    ...                   "abstain": [0, 0, 1]})
    >>> liaison.decide_vote_table(votes).column("outcome").to_pylist()
    ['adopted', 'rejected', 'not_adopted']
    >>> quorum = {"vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": False}}
    >>> met = votes.append_column("present", pa.array([40, 31, 30])).append_column(
    ...     "entitled", pa.array([60, 60, 60]))
    >>> out = liaison.decide_vote_table(met, quorum, present="present", entitled="entitled")
    >>> out.column("outcome").to_pylist()
    ['adopted', 'rejected', 'no_quorum']
    """
    options = {
        "policy": _policy(policy),
        "errors": errors,
        "approve": approve,
        "disapprove": disapprove,
        "abstain": abstain,
        "present": present,
        "entitled": entitled,
        "keep": keep,
    }
    return _in_library(_liaison.decide_vote_table(table, options), table)


def evaluate_batches(
    batches: Any,
    as_of: Any,
    policy: Any = None,
    *,
    errors: str = "raise",
    received: str = "received",
    responsibility: str = "responsibility",
    fed_back: Optional[str] = "fed_back",
    keep: bool = False,
) -> Iterator[Any]:
    """``evaluate_register`` a batch at a time, with memory bounded by the batch: for a
    stream too large to hold, and for engines that hand over batches (Spark's
    ``mapInArrow``).

    ``batches`` is an Arrow stream (read a batch at a time) or any iterable of record
    batches or tables. Returns an iterator of ``pyarrow.RecordBatch``, one per input batch;
    the rows of a large batch are shared between the machine's cores as in
    ``evaluate_register`` (``LIAISON_THREADS``), still one batch out. The policy's deadlines
    are compiled once for the whole iteration. A bad row's ``loc``
    counts rows over all batches from 0; after an error the iterator is exhausted. An input
    that asks this iterator for a batch while it reads one is ``invalid_input`` on
    ``batches`` (it would wait for itself for ever).

    >>> import datetime, liaison, pyarrow as pa
    >>> batch = pa.record_batch({
    ...     "id": [7, 8],
    ...     "received": pa.array([datetime.date(2008, 9, 25)] * 2),
    ...     "responsibility": ["within_remit", "职责外"],
    ...     "fed_back": pa.array([None, None], pa.date32()),
    ... })
    >>> for out in liaison.evaluate_batches([batch, batch], "2008-10-10", keep=True):
    ...     print(out.column_names, out.column("status").to_pylist())
    ['id', 'received', 'responsibility', 'fed_back', 'deadline', 'status', 'days'] ['overdue', 'open']
    ['id', 'received', 'responsibility', 'fed_back', 'deadline', 'status', 'days'] ['overdue', 'open']
    """
    options = {
        "as_of": as_of,
        "policy": _policy(policy),
        "errors": errors,
        "received": received,
        "responsibility": responsibility,
        "fed_back": fed_back,
        "keep": keep,
    }
    iterator: Iterator[Any] = _liaison.evaluate_batches(batches, options)
    return iterator


class Policy:
    """Every number of the rules and every default of the ambiguities A1–A15.

    ``Policy()`` and ``Policy.banan_2008()`` give the values of 巴南委办发〔2008〕43号; a
    policy read from JSON or a dict that names only some fields takes the rest from Banan
    2008 (the core's ``policy`` operation completes and checks it). Unknown keys and values
    of the wrong type are ``LiaisonError`` ``invalid_policy``. Policies compare by value and
    pickle.

    >>> import liaison
    >>> p = liaison.Policy.from_dict({"within_remit_days": 7})
    >>> p
    Policy.from_dict({'within_remit_days': 7})
    >>> p.to_dict()["within_remit_days"], p.to_dict()["outside_remit_days"]
    (7, 20)
    >>> liaison.Policy() == liaison.Policy.banan_2008()
    True
    >>> liaison.Policy.from_json(p.to_json()) == p
    True
    >>> try:
    ...     liaison.Policy.from_dict({"within_remit": 7})
    ... except liaison.LiaisonError as e:
    ...     print(e.code, e.loc)
    invalid_policy ['policy', 'within_remit']
    """

    __slots__ = ("_data",)
    __hash__ = None  # type: ignore[assignment]
    _data: dict[str, Any]

    def __init__(self) -> None:
        object.__setattr__(self, "_data", _liaison.call("policy", {}))

    def __init_subclass__(cls, **kwargs: Any) -> None:
        raise TypeError("liaison.Policy is final")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a liaison.Policy is frozen")

    @classmethod
    def _of(cls, data: dict[str, Any]) -> Policy:
        policy = object.__new__(cls)
        object.__setattr__(policy, "_data", data)
        return policy

    @classmethod
    def banan_2008(cls) -> Policy:
        """The values of 巴南委办发〔2008〕43号 and the defaults of A1–A15.

        >>> import liaison
        >>> liaison.Policy.banan_2008().to_dict()["within_remit_days"]
        10
        """
        return cls()

    @classmethod
    def from_json(cls, json: str) -> Policy:
        """Reads a policy from JSON text; fields left out take their Banan 2008 value.

        Raises ``LiaisonError`` ``invalid_policy`` (malformed JSON, an unknown or duplicate
        key, a value of the wrong type, an impossible threshold) or ``invalid_calendar``;
        ``TypeError`` for ``json`` that is not a ``str``.

        >>> import liaison
        >>> liaison.Policy.from_json('{"lead_unit_days": 45}').to_dict()["lead_unit_days"]
        45
        """
        return cls._of(_liaison.policy_from_json(json))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        """Reads a policy from a dict, as ``from_json`` reads JSON text.

        >>> import liaison
        >>> liaison.Policy.from_dict({"move_rest_day": False}).to_dict()["move_rest_day"]
        False
        """
        return cls._of(_liaison.call("policy", {"policy": data}))

    @classmethod
    def load(cls, path: Union[str, os.PathLike[str]]) -> Policy:
        """Reads a policy from a regular UTF-8 JSON file (a ``str`` or ``os.PathLike``).

        Raises ``LiaisonError``: ``file_not_found`` (a ``LiaisonFileNotFoundError``, also a
        ``FileNotFoundError``), ``io_error`` (not UTF-8, no permission), ``not_a_file`` (a
        folder, a pipe, a device), ``too_large``, ``invalid_input`` for a path with a lone
        surrogate, and as ``from_json``; ``TypeError`` for a ``path`` that is neither.

        >>> import liaison, json, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     path = pathlib.Path(d) / "policy.json"
        ...     _ = path.write_text(json.dumps({"within_remit_days": 5}), encoding="utf-8")
        ...     liaison.Policy.load(path).to_dict()["within_remit_days"]
        5
        """
        return cls._of(_liaison.policy_from_file(path))

    def to_json(self) -> str:
        """The policy as pretty JSON, every field named.

        >>> import liaison
        >>> '"within_remit_days": 10' in liaison.Policy().to_json()
        True
        """
        text: str = _liaison.to_json(self._data, 2)
        return text

    def to_dict(self) -> dict[str, Any]:
        """The policy as a dict, every field named, in the order of the JSON.

        >>> import liaison
        >>> liaison.Policy().to_dict()["vote_adopt"]
        {'numerator': 2, 'denominator': 3, 'inclusive': True}
        """
        return copy.deepcopy(self._data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Policy):
            return NotImplemented
        return self._data == other._data

    def __repr__(self) -> str:
        base = _banan()
        differ = {k: v for k, v in self._data.items() if base.get(k, not v) != v}
        return f"Policy.from_dict({differ!r})" if differ else "Policy.banan_2008()"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (Policy.from_json, (self.to_json(),))


_BANAN: list[dict[str, Any]] = []


def _banan() -> dict[str, Any]:
    if not _BANAN:
        _BANAN.append(_liaison.call("policy", {}))
    return _BANAN[0]


def _dated_period(period: dict[str, Any]) -> dict[str, Any]:
    return {**period, "start": _day(period["start"]), "end": _day(period["end"])}


def _dated_item(item: dict[str, Any]) -> dict[str, Any]:
    dated = {**item, "period": _dated_period(item["period"])}
    if item.get("counted") is not None:
        dated["counted"] = [{**c, "date": _day(c["date"])} for c in item["counted"]]
    return dated


def _dated(items: list[dict[str, Any]]) -> list[Any]:
    """Findings or outcomes with their periods' ends and the days of the records they
    counted as ``datetime.date`` (new dicts)."""
    return [_dated_item(item) for item in items]


_FRAME_COLUMNS = (
    "rule", "code", "unit", "subject", "period", "period_start", "period_end",
    "expected", "actual", "message", "message_zh",
)


class Report:
    """The report of ``check`` or ``check_detailed``: every shortfall of S1–S5 in the range,
    and judged, met, not met and not judged per rule and per unit.

    - ``start``, ``end``, ``as_of`` (``datetime.date``) and ``policy`` (its name);
    - ``findings``: dicts ``{"rule", "code", "unit", "subject", "period", "expected",
      "actual", "message", "message_zh", "provisional"}``; ``period`` is ``{"start",
      "end", "label"}`` with ``datetime.date`` ends; ``expected`` and ``actual`` are
      counts, days or fen as ``FINDING_CODES`` says for the code; ``provisional`` whether
      it was judged with rest days guessed beyond the holiday calendar (A24);
    - ``by_rule``, ``by_unit``: dicts ``{"key", "judged", "met", "not_met", "not_judged",
      "not_judged_by_reason", "provisional", "rate_permille"}``, ``not_judged_by_reason``
      the not judged by reason code (``{"outside_range": 2, …}``, adding up to
      ``not_judged``), ``provisional`` the judgements among ``judged`` that are;
    - ``grades``: the year-end grades, dicts ``{"unit", "year", "ballot", "combined",
      "recorded_combined"}``;
    - ``records_not_judged``: every obligation not judged because of a record (an opinion,
      a commitment item, an evaluation …), in every report, as the ``outcomes`` dicts;
    - ``provisional``: whether any judgement is provisional (A24);
    - ``outcomes``: every judgement (``check_detailed``), ``None`` for a report of ``check``;
    - ``all_met``: whether there is no finding.

    Each access to a list builds it anew. ``len(report)`` is the number of findings;
    ``to_dict()`` and ``to_json()`` give the contract's JSON form (ISO dates);
    ``findings_frame()`` a data frame. Reports are frozen, compare by value and pickle.

    >>> import liaison
    >>> data = {
    ...     "units": [{"id": "V1", "level": "village"}],
    ...     "people": [{"id": "P1", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
    ...     "receptions": [{"person": "P1", "date": "2009-01-06", "minutes": 240},
    ...                    {"person": "P1", "date": "2009-01-14", "minutes": 180}],
    ... }
    >>> report = liaison.check(data, "2009-01-05", "2009-01-18", "2009-02-01",
    ...                        {"rules": ["S1.3"]})
    >>> report
    <liaison.Report 2009-01-05..2009-01-18 as of 2009-02-01: 1 finding>
    >>> f = report.findings[0]
    >>> f["rule"], f["code"], f["subject"], f["period"]["label"], f["expected"], f["actual"]
    ('S1.3', 'too_few_receptions', 'P1', '2009-W03', 1, 0)
    >>> f["period"]["start"]
    datetime.date(2009, 1, 12)
    >>> report.by_rule
    [{'key': 'S1.3', 'judged': 2, 'met': 1, 'not_met': 1, 'not_judged': 0, 'not_judged_by_reason': {}, 'provisional': 0, 'rate_permille': 500}]
    >>> len(report), report.all_met, report.outcomes is None, report.provisional
    (1, False, True, False)
    >>> liaison.Report.from_json(report.to_json()) == report
    True
    """

    __slots__ = ("_data", "_library")
    __hash__ = None  # type: ignore[assignment]
    _data: dict[str, Any]
    _library: Optional[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("reports are made by liaison.check, check_detailed and Report.from_json")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        raise TypeError("liaison.Report is final")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a liaison.Report is frozen")

    @classmethod
    def _of(cls, data: dict[str, Any], library: Optional[str] = None) -> Report:
        report = object.__new__(cls)
        object.__setattr__(report, "_data", data)
        object.__setattr__(report, "_library", library)
        return report

    @property
    def start(self) -> datetime.date:
        """First day of the checked range."""
        return _day(self._data["start"])

    @property
    def end(self) -> datetime.date:
        """Last day of the checked range."""
        return _day(self._data["end"])

    @property
    def as_of(self) -> datetime.date:
        """The day the records were taken."""
        return _day(self._data["as_of"])

    @property
    def policy(self) -> str:
        """The name of the policy the check used."""
        name: str = self._data["policy"]
        return name

    @property
    def findings(self) -> list[Finding]:  # noqa: F405
        """Every shortfall, by rule, unit, subject and period (a new list of dicts)."""
        return _dated(self._data["findings"])

    @property
    def by_rule(self) -> list[Tally]:  # noqa: F405
        """Judged, met, not met and not judged per rule id (a new list of dicts)."""
        return copy.deepcopy(self._data["by_rule"])

    @property
    def by_unit(self) -> list[Tally]:  # noqa: F405
        """Judged, met, not met and not judged per unit (a new list of dicts)."""
        return copy.deepcopy(self._data["by_unit"])

    @property
    def grades(self) -> list[UnitGrade]:  # noqa: F405
        """The year-end grades of S3.7 (a new list of dicts)."""
        return copy.deepcopy(self._data["grades"])

    @property
    def records_not_judged(self) -> list[Outcome]:  # noqa: F405
        """Every obligation not judged because of a record, each naming its record (a new
        list of dicts, as ``outcomes``).

        >>> import liaison
        >>> data = {"units": [{"id": "V1", "level": "village"}],
        ...         "evaluations": [{"unit": "V1", "year": 2009, "satisfied": 0}]}
        >>> report = liaison.check(data, "2009-01-01", "2009-12-31", "2010-01-10", {"rules": ["S3.7"]})
        >>> [(o["rule"], o["subject"], o["period"]["label"], o["reason"]) for o in report.records_not_judged]
        [('S3.7', 'V1', '2009', 'no_ballots')]
        >>> report.by_rule[0]["not_judged_by_reason"]
        {'no_ballots': 1}
        """
        return _dated(self._data["records_not_judged"])

    @property
    def provisional(self) -> bool:
        """A24: whether any judgement rests on rest days guessed beyond the holiday calendar
        (Saturdays and Sundays only), to be confirmed once the year's notice is added."""
        return bool(self._data["provisional"])

    @property
    def outcomes(self) -> Optional[list[Outcome]]:  # noqa: F405
        """Every judgement of ``check_detailed``; ``None`` for a report of ``check``."""
        outcomes = self._data["outcomes"]
        return None if outcomes is None else _dated(outcomes)

    @property
    def all_met(self) -> bool:
        """Whether every judged period met its rule."""
        return not self._data["findings"]

    def to_dict(self) -> dict[str, Any]:
        """The report in the contract's JSON form, as ``liaison check --format json`` writes
        it (ISO dates).

        >>> import liaison
        >>> report = liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10")
        >>> d = report.to_dict()
        >>> list(d)
        ['start', 'end', 'as_of', 'policy', 'findings', 'by_rule', 'by_unit', 'grades', 'records_not_judged', 'provisional', 'outcomes']
        >>> d["start"], d["findings"], d["outcomes"]
        ('2009-01-01', [], None)
        """
        return copy.deepcopy(self._data)

    def to_json(self, indent: Optional[int] = None) -> str:
        """The JSON form as text: compact, or indented by ``indent`` spaces (0 to 16;
        anything else is ``LiaisonError`` ``invalid_input`` on ``indent``).

        >>> import liaison
        >>> liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10").to_json()[:40]
        '{"start":"2009-01-01","end":"2009-12-31"'
        """
        text: str = _liaison.to_json(self._data, indent)
        return text

    @classmethod
    def from_json(cls, json_text: str) -> Report:
        """Reads a report back from its JSON form (the core checks it); a report with a
        list of ``outcomes`` is a detailed one. Raises ``LiaisonError`` (``invalid_json``,
        ``invalid_input`` at the place of a bad field); ``TypeError`` for ``json_text`` that
        is not a ``str``.

        >>> import liaison
        >>> r = liaison.check_detailed({}, "2009-01-01", "2009-12-31", "2010-01-10")
        >>> liaison.Report.from_json(r.to_json()) == r
        True
        """
        return cls._of(_liaison.report_from_json(json_text))

    def findings_frame(self, library: Optional[str] = None) -> Any:
        """The findings as a data frame, one row per finding, with the columns ``rule``,
        ``code``, ``unit``, ``subject``, ``period`` (its label), ``period_start``,
        ``period_end`` (``datetime.date``), ``expected``, ``actual``, ``message`` and
        ``message_zh``, in the order of ``findings``.

        ``library`` is ``"pandas"`` or ``"polars"``; by default the library of the data
        frames the check read (polars frames in, a polars frame out), else pandas. Raises
        ``LiaisonError`` ``invalid_input`` on ``library`` for anything else, ``ImportError``
        when that library is not installed.

        >>> import liaison
        >>> data, planted = liaison.generate_district()
        >>> frame = liaison.check(data, "2023-01-01", "2025-12-31", "2026-01-20").findings_frame()
        >>> frame.shape == (len(planted), 11)
        True
        >>> list(frame.columns)[:7]
        ['rule', 'code', 'unit', 'subject', 'period', 'period_start', 'period_end']
        >>> frame[frame.rule == "S4.3"][["subject", "period", "expected", "actual"]].to_dict("records")
        [{'subject': 'T0-V1-H005-P', 'period': '2025', 'expected': 50000, 'actual': 49999}]
        """
        if library is None:
            library = self._library or "pandas"
        if not (isinstance(library, str) and library in ("pandas", "polars")):
            raise LiaisonError(
                "`library`: must be pandas or polars", "invalid_input", "`library`：必须是 pandas 或 polars",
                ["library"], None, "library",
            )
        try:
            module = __import__(library)
        except ImportError as e:
            raise ImportError(
                f"Report.findings_frame() needs {library}, which is not installed (pip install {library})"
            ) from e
        columns: dict[str, list[Any]] = {name: [] for name in _FRAME_COLUMNS}
        for f in self.findings:
            period = f["period"]
            row = (
                f["rule"], f["code"], f["unit"], f["subject"], period["label"], period["start"],
                period["end"], f["expected"], f["actual"], f["message"], f["message_zh"],
            )
            for name, cell in zip(_FRAME_COLUMNS, row):
                columns[name].append(cell)
        return module.DataFrame(columns)

    def __len__(self) -> int:
        return len(self._data["findings"])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return self._data == other._data

    def __repr__(self) -> str:
        n = len(self)
        detailed = "" if self._data["outcomes"] is None else ", detailed"
        d = self._data
        return (
            f"<liaison.Report {d['start']}..{d['end']} as of {d['as_of']}: "
            f"{n} finding{'' if n == 1 else 's'}{detailed}>"
        )

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (Report.from_json, (self.to_json(),))


__all__ = [
    "ERROR_CODES",
    "FIELD_ERROR_CODES",
    "FINDING_CODES",
    "FORM_KINDS",
    "RULES",
    "FeedbackStatus",
    "FormError",
    "FormField",
    "FormValidation",
    "LiaisonError",
    "LiaisonFileNotFoundError",
    "PlantedFinding",
    "Policy",
    "Report",
    "__version__",
    "agenda",
    "call",
    "check",
    "check_detailed",
    "consequences",
    "deadline",
    "decide_vote",
    "decide_vote_table",
    "evaluate_batches",
    "evaluate_register",
    "explain",
    "feedback_status",
    "form_fields",
    "form_schema",
    "generate_district",
    "grade",
    "grade_table",
    "is_rest_day",
    "operations",
    "redact",
    "validate_form",
]
