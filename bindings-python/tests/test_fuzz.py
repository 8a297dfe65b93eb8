"""Issue 11.14: hostile and careless input to every public function of the package.

Each property hands a function values of every Python type — ``None``, bools, ints up to and
beyond 64 bits, floats with NaN and infinities, text with lone surrogates, bytes, dates,
datetimes with and without a time zone, sets, objects, NumPy, pandas and pyarrow values —
nested in dicts and lists, mixed with plausible values so that the core is reached, and
with the personal markers 张三丰, 13812345678 and 500113198001011234 in text and keys.
Whatever comes in, the call answers or raises ``LiaisonError`` with a code of
``ERROR_CODES`` (``TypeError`` only where the function documents it: a ``policy`` that is
no policy, an ``explain`` that is no bool, a table that is no Arrow data, text or a path
that is no ``str``) — never another exception, a panic or a hang — and no marker reaches
any message, ``loc`` or field of the error (or of a form's problems); ``redact`` leaves no
phone or ID number.

Bounded by the Hypothesis profile (``conftest.py``): 100 examples a property in ``make
test``; ``LIAISON_HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``) runs ``LIAISON_FUZZ_EXAMPLES``.
"""

from __future__ import annotations

import datetime
import decimal
import fractions
import json
import types
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

import liaison
from liaison import LiaisonError

MARKERS = ("张三丰", "13812345678", "500113198001011234")
# What redaction must mask in any text, whatever the shape of the document.
NUMBERS = MARKERS[1:]

FUZZ = settings(suppress_health_check=list(HealthCheck))

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy comes with pandas in requirements-dev.txt
    np = None
try:
    import pandas as pd
except ImportError:  # pragma: no cover
    pd = None
try:
    import pyarrow as pa
except ImportError:  # pragma: no cover
    pa = None


# --- values of every type -------------------------------------------------------------

surrogates = st.integers(0xD800, 0xDFFF).map(chr)
words = st.sampled_from(
    [
        "", " ", "\x00", "2008-09-25", "2009-02-29", "2008-9-25", "2008-09-25T00:00", "9999-12-31",
        "0001-01-01", "within_remit", "职责内", "1", "4", "5", "reception_record", "village", "secretary",
        "satisfied", "满意", "gbk", "utf-8", "2020-12", "07", "..", "/", "NaN", "1e999",
    ]
)
texts = st.lists(
    st.one_of(st.text(max_size=6), st.sampled_from(MARKERS), surrogates, words), max_size=3
).map("".join)
ints = st.one_of(
    st.integers(-3, 60),
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**32, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63) - 1, 10**400]),
)
floats = st.floats(allow_nan=True, allow_infinity=True)
zones = st.one_of(
    st.none(),
    st.integers(-23, 23).map(lambda h: datetime.timezone(datetime.timedelta(hours=h))),
)
dates = st.dates()
datetimes = st.one_of(
    st.datetimes(timezones=zones),
    dates.map(lambda d: datetime.datetime(d.year, d.month, d.day)),
)


class _Opaque:
    """An object of no JSON kind."""


class _Hostile:
    """An object whose lookup of any attribute the conversion asks about fails (others are
    left alone, so that Hypothesis can print it)."""

    PROBED = frozenset({"columns", "__arrow_c_stream__", "__arrow_c_array__", "__index__", "item", "isoformat", "items"})

    def __getattr__(self, name: str) -> Any:
        if name in self.PROBED:
            raise RuntimeError("no attribute for anyone")
        raise AttributeError(name)


class _HostileMapping(Mapping[str, Any]):
    """A mapping that cannot be read."""

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("no item")

    def __iter__(self) -> Any:
        raise RuntimeError("no iteration")

    def __len__(self) -> int:
        return 1


class _HostileIterable:
    """An iterable that fails half-way."""

    def __iter__(self) -> Any:
        yield {"year": 2009, "satisfied": 1}
        raise RuntimeError("no more")


class _HostilePath:
    """A path-like whose path cannot be had."""

    def __fspath__(self) -> str:
        raise RuntimeError("no path")


def _misc() -> list[Any]:
    values: list[Any] = [
        b"2008-09-25", bytearray(b"\xff"), 1 + 2j, decimal.Decimal("1.5"), decimal.Decimal("NaN"),
        fractions.Fraction(1, 3), _Opaque(), object(), Ellipsis, NotImplemented, range(3), {1, 2},
        frozenset({"张三丰"}), type, len, datetime.time(1, 2), datetime.timedelta(days=1),
        types.MappingProxyType({"a": 1}), OrderedDict([("year", 2009)]), Path("张三丰.json"),
        _Hostile(), _HostileMapping(), _HostileIterable(), _HostilePath(), [_HostileMapping()],
        {"units": _Hostile()}, {"policy": _HostileMapping()},
    ]
    if np is not None:
        values += [
            np.int64(7), np.uint64(2**64 - 1), np.int8(-1), np.float64("nan"), np.float32(1.5), np.bool_(True),
            np.str_("张三丰"), np.datetime64("2008-09-25"), np.datetime64("NaT"), np.datetime64("2008-09-25T09:30"),
            np.datetime64("1677-09-21T00:00:00.000000000"), np.datetime64("9999-12-31", "D"), np.array([1, 2]),
            np.array(5), np.array([], dtype=object),
        ]
    if pd is not None:
        values += [
            pd.Timestamp("2008-09-25"), pd.Timestamp("2008-09-25 09:30"), pd.Timestamp("2008-09-25", tz="UTC"),
            pd.NaT, pd.NA, pd.Series([1, 2]), pd.DataFrame({"year": [2009], "satisfied": [1]}), pd.DataFrame(),
        ]
    if pa is not None:
        values += [
            pa.array([1, 2]), pa.chunked_array([["a"]]), pa.table({"x": [1]}), pa.scalar(3),
            pa.record_batch({"received": [None]}), pa.array([None]).dictionary_encode(),
        ]
    return values


def _self_containing() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    cycle: dict[str, Any] = {}
    cycle["self"] = cycle
    deep: list[Any] = [1]
    for _ in range(100):
        deep = [deep]
    return [loop, cycle, deep]


scalars = st.one_of(
    st.none(), st.booleans(), ints, floats, texts, dates, datetimes, st.sampled_from(_misc()),
    st.sampled_from(_self_containing()),
)
keys = st.one_of(texts, st.sampled_from(MARKERS), ints, st.none(), st.booleans())
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(texts, inner, max_size=4),
        st.dictionaries(keys, inner, max_size=3),
    ),
    max_leaves=10,
)


def plausible(*values: Any, extra: st.SearchStrategy[Any] | None = None) -> st.SearchStrategy[Any]:
    """Anything, or one of the values a parameter takes, or near them."""
    options = [anything, st.sampled_from(values)] if values else [anything]
    if extra is not None:
        options.append(extra)
    return st.one_of(*options)


day = plausible("2008-09-25", "2009-01-18", datetime.date(2008, 12, 22), extra=st.one_of(dates, datetimes))
count = plausible(0, 1, 20, 2**64 - 1, extra=ints)
responsibility = plausible("within_remit", "outside_remit", 1, 4, "3", "职责内", "牵头解决")
POLICY_KEYS = list(liaison.Policy().to_dict())
policy_doc = st.dictionaries(st.one_of(st.sampled_from(POLICY_KEYS), texts), anything, max_size=3)
policy = st.one_of(st.none(), st.just(liaison.Policy()), policy_doc, anything)
LISTS = ["units", "people", "households", "receptions", "visits", "opinions", "evaluations", "commitments", "aid"]
FIELDS = ["id", "unit", "level", "role", "from", "to", "date", "person", "household", "minutes", "year",
          "satisfied", "received", "responsibility", "fed_back", "parent", "amount_fen", "items"]
record = st.dictionaries(st.one_of(st.sampled_from(FIELDS), texts), anything, max_size=4)
dataset_doc = st.dictionaries(st.one_of(st.sampled_from(LISTS), texts), st.lists(record, max_size=3), max_size=3)
dataset = st.one_of(dataset_doc, anything, st.sampled_from(["examples/nowhere.json", "张三丰/13812345678.json", "."]))
kind = plausible(*liaison.FORM_KINDS)
FORM_FIELDS = sorted({f["path"].split(".")[0].split("[")[0] for k in liaison.FORM_KINDS for f in liaison.form_fields(k)})
document = st.one_of(
    st.dictionaries(st.one_of(st.sampled_from(FORM_FIELDS), texts), anything, max_size=6), anything
)


# --- the property ---------------------------------------------------------------------


def _texts_of(value: Any) -> list[str]:
    """Every text inside a value (keys too), for the marker check."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [t for k, v in value.items() for t in _texts_of(k) + _texts_of(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts_of(v)]
    return [repr(value)] if value is not None else []


def _clean(where: str, *values: Any) -> None:
    for text in (t for v in values for t in _texts_of(v)):
        for marker in MARKERS:
            assert marker not in text, f"{marker} in {where}: {text!r}"


def _check_error(e: LiaisonError) -> None:
    assert e.code in liaison.ERROR_CODES, e.code
    assert isinstance(e, ValueError) and isinstance(e.loc, list)
    assert all(isinstance(item, (str, int)) for item in e.loc), e.loc
    _clean("the error", str(e), e.message_zh, e.loc, e.field, e.rule)
    for problem in e.errors:
        assert problem["code"] in liaison.ERROR_CODES, problem
        _clean("a gathered problem", problem)


def _is_policy(value: Any) -> bool:
    return value is None or isinstance(value, (Mapping, liaison.Policy))


def _event(label: str) -> None:
    """What a call came to, for ``--hypothesis-show-statistics``."""
    if currently_in_test_context():
        event(label)


def outcome(call: Callable[[], Any], type_error: bool = False) -> Any:
    """Runs one call: an answer, or a coded error that shows no marker; a ``TypeError``
    only when ``type_error`` says the function documents one for these arguments."""
    try:
        answer = call()
    except LiaisonError as e:
        _event(f"LiaisonError {e.code}")
        _check_error(e)
    except TypeError as e:
        if not type_error:
            raise
        _event("TypeError")
        _clean("a TypeError", str(e))
    else:
        _event("answered")
        return answer
    return None


def test_the_property_can_fail() -> None:
    """The checks above reject a marker in any part of an error, an unknown code, and an
    undocumented TypeError."""
    leaks = [
        LiaisonError("`张三丰` is bad", "invalid_input", "x", []),
        LiaisonError("m", "invalid_input", "13812345678 不对", []),
        LiaisonError("m", "invalid_input", "x", ["dataset", "500113198001011234"]),
        LiaisonError("m", "invalid_input", "x", [], errors=[{"code": "invalid_date", "loc": ["张三丰"], "message": "", "message_zh": ""}]),
        LiaisonError("m", "no_such_code", "x", []),
    ]
    for e in leaks:
        with pytest.raises(AssertionError):
            _check_error(e)
    with pytest.raises(TypeError):
        outcome(lambda: liaison.deadline("2008-09-25", 1, "policy"))
    assert outcome(lambda: liaison.deadline("2008-09-25", 1, "policy"), type_error=True) is None
    assert outcome(lambda: liaison.grade(-1)) is None
    assert outcome(lambda: liaison.grade(1)) == "excellent"


# --- every public function ------------------------------------------------------------


@st.composite
def arguments(draw: Any, **params: tuple[Any, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """A function's arguments: every one drawn from its strategy, or all valid but one, so
    that both the conversion of anything and the core's checks behind it are reached."""
    bad = draw(st.sampled_from(["every one", "none", *params]))
    return {
        name: draw(strategy) if bad in ("every one", name) else valid for name, (valid, strategy) in params.items()
    }


def _policy_ok(args: dict[str, Any]) -> bool:
    return _is_policy(args.get("policy"))


@FUZZ
@given(
    args=arguments(
        received=("2008-09-25", day),
        responsibility=(1, responsibility),
        policy=(None, policy),
    ),
    explain=st.booleans(),
)
def test_deadline(args: dict[str, Any], explain: bool) -> None:
    answer = outcome(lambda: liaison.deadline(**args, explain=explain), not _policy_ok(args))
    if answer is not None and not explain:
        assert type(answer) is datetime.date


@FUZZ
@given(
    args=arguments(
        received=("2008-09-25", day),
        responsibility=("职责外", responsibility),
        fed_back=(None, day),
        as_of=("2008-10-09", day),
        policy=(None, policy),
    ),
    explain=st.booleans(),
)
def test_feedback_status(args: dict[str, Any], explain: bool) -> None:
    answer = outcome(lambda: liaison.feedback_status(**args, explain=explain), not _policy_ok(args))
    if answer is not None and not explain:
        assert answer.status in ("on_time", "late", "open", "overdue") and answer.days >= 0


@FUZZ
@given(
    args=arguments(
        approve=(20, count),
        disapprove=(10, count),
        abstain=(0, count),
        policy=(None, policy),
        present=(None, count),
        entitled=(None, count),
    ),
    explain=st.booleans(),
)
def test_decide_vote(args: dict[str, Any], explain: bool) -> None:
    answer = outcome(lambda: liaison.decide_vote(**args, explain=explain), not _policy_ok(args))
    if answer is not None and not explain:
        assert answer in ("adopted", "rejected", "not_adopted", "no_quorum")


@FUZZ
@given(
    args=arguments(
        satisfied=(70, count),
        basically_satisfied=(0, count),
        dissatisfied=(30, count),
        policy=(None, policy),
    ),
    explain=st.booleans(),
)
def test_grade(args: dict[str, Any], explain: bool) -> None:
    answer = outcome(lambda: liaison.grade(**args, explain=explain), not _policy_ok(args))
    if answer is not None and not explain:
        assert answer in ("excellent", "qualified", "undetermined", "unqualified")


@FUZZ
@given(
    args=arguments(
        op=("deadline", plausible("deadline", "feedback_status", "decide_vote", "grade", "check")),
        request=(
            {"received": "2008-12-22", "responsibility": "within_remit"},
            st.one_of(
                st.fixed_dictionaries(
                    {"received": day, "responsibility": responsibility},
                    optional={"policy": policy_doc, "as_of": day, "fed_back": day},
                ),
                st.fixed_dictionaries({"satisfied": count}, optional={"dissatisfied": count, "approve": count}),
                anything,
            ),
        ),
    )
)
def test_explain(args: dict[str, Any]) -> None:
    answer = outcome(lambda: liaison.explain(**args))
    if answer is not None:
        assert list(answer) == ["answer", "steps"] and answer["steps"]


YEAR = st.fixed_dictionaries(
    {"year": plausible(2009, 2010, extra=ints), "satisfied": count},
    optional={"basically_satisfied": count, "dissatisfied": count, "combined": plausible("unqualified", "优秀")},
)


@FUZZ
@given(
    args=arguments(
        years=([{"year": 2009, "satisfied": 60, "dissatisfied": 40}], st.one_of(st.lists(st.one_of(YEAR, anything), max_size=4), anything)),
        policy=(None, policy),
    )
)
def test_consequences(args: dict[str, Any]) -> None:
    outcome(lambda: liaison.consequences(**args), not _policy_ok(args))


@FUZZ
@given(args=arguments(date=("2008-10-01", day), policy=(None, policy)))
def test_is_rest_day(args: dict[str, Any]) -> None:
    outcome(lambda: liaison.is_rest_day(**args), not _policy_ok(args))


SMALL = {
    "units": [{"id": "V1", "level": "village"}],
    "people": [{"id": "S", "unit": "V1", "role": "secretary", "from": "2008-01-01"}],
    "receptions": [{"person": "S", "date": "2009-01-06", "minutes": 240}],
}
encodings = st.one_of(st.none(), st.sampled_from(["auto", "gbk", "utf-8", "GB18030"]), anything)
stricts = st.one_of(st.booleans(), anything)


@FUZZ
@given(
    args=arguments(
        dataset=(SMALL, dataset),
        start=("2009-01-05", day),
        end=("2009-03-01", day),
        as_of=("2009-03-10", day),
        policy=(None, policy),
        explain=(False, st.one_of(st.booleans(), anything)),
        encoding=(None, encodings),
        strict=(False, stricts),
    ),
    detailed=st.booleans(),
)
def test_check(args: dict[str, Any], detailed: bool) -> None:
    check = liaison.check_detailed if detailed else liaison.check
    report = outcome(lambda: check(**args), not _policy_ok(args))
    if report is not None:
        assert (report.outcomes is not None) == detailed
        assert liaison.Report.from_json(report.to_json()) == report


@FUZZ
@given(
    args=arguments(
        dataset=(SMALL, dataset),
        as_of=("2009-01-18", day),
        horizon_days=(14, count),
        policy=(None, policy),
        encoding=(None, encodings),
        strict=(False, stricts),
    )
)
def test_agenda(args: dict[str, Any]) -> None:
    agenda = outcome(lambda: liaison.agenda(**args), not _policy_ok(args))
    if agenda is not None:
        assert all(item["due"] <= agenda["until"] for item in agenda["items"])


@FUZZ
@given(args=arguments(kind=("reception_record", kind), data=({"matter": "道路损毁"}, document), policy=(None, policy)))
def test_validate_form(args: dict[str, Any]) -> None:
    result = outcome(lambda: liaison.validate_form(**args), not _policy_ok(args))
    if result is not None:
        assert result["valid"] == (not result["errors"])
        for problem in result["errors"]:
            assert problem["code"] in liaison.FIELD_ERROR_CODES, problem
            _clean("a form's problem", problem["message"], problem["message_zh"], problem["loc"])


@FUZZ
@given(args=arguments(kind=("visit_diary", kind), data=({"members": [{"name": "张三丰"}]}, document)))
def test_redact(args: dict[str, Any]) -> None:
    masked = outcome(lambda: liaison.redact(**args))
    if masked is not None:
        for text in _texts_of(masked):
            for number in NUMBERS:
                assert number not in text, f"{number} left in {text!r}"


@FUZZ
@given(args=arguments(kind=("feedback_slip", kind), draft=("07", plausible("2020-12", "07", None))))
def test_form_schema_and_fields(args: dict[str, Any]) -> None:
    schema = outcome(lambda: liaison.form_schema(**args))
    if schema is not None:
        assert json.loads(json.dumps(schema)) == schema
    outcome(lambda: liaison.form_fields(args["kind"]))


SHAPE = st.one_of(st.none(), st.integers(-3, 4), st.integers(2**31, 2**70), anything.filter(lambda v: not isinstance(v, int)))


@FUZZ
@given(
    args=arguments(
        seed=(1, st.one_of(st.none(), ints, anything)),
        towns=(2, SHAPE),
        villages_per_town=(3, SHAPE),
        households_per_village=(8, SHAPE),
        first_year=(2009, st.one_of(st.none(), st.sampled_from([1899, 1990, 2009, 2023, 2200, 2201]), SHAPE)),
        years=(3, SHAPE),
        policy=(None, st.one_of(st.none(), policy_doc)),
    )
)
def test_generate_district(args: dict[str, Any]) -> None:
    outcome(lambda: liaison.generate_district(**args))


OPS = [o["name"] for o in liaison.operations() if o["name"] not in ("generate_district",)]


@FUZZ
@given(
    op=st.one_of(st.sampled_from(OPS), texts),
    request=st.one_of(st.dictionaries(st.sampled_from(["dataset", "received", "kind", "policy", "years"]) | texts, anything, max_size=4), anything, texts),
)
def test_call(op: str, request: Any) -> None:
    outcome(lambda: liaison.call(op, request))


@FUZZ
@given(op=anything)
def test_call_with_an_op_that_is_no_text(op: Any) -> None:
    outcome(lambda: liaison.call(op, {}), not isinstance(op, str))


@FUZZ
@given(data=st.one_of(policy_doc, anything), text=st.one_of(texts, anything))
def test_policy_readers(data: Any, text: Any) -> None:
    policy = outcome(lambda: liaison.Policy.from_dict(data))
    if policy is not None:
        assert liaison.Policy.from_json(policy.to_json()) == policy
    outcome(lambda: liaison.Policy.from_json(text), not isinstance(text, str))
    if isinstance(text, str) and "\x00" not in text and len(text) < 100:
        outcome(lambda: liaison.Policy.load(Path("/nonexistent-liaison-fuzz") / text))


REPORT = liaison.check({}, "2009-01-01", "2009-12-31", "2010-01-10")


@FUZZ
@given(
    text=st.one_of(texts, anything, st.just(REPORT.to_json()).map(lambda t: t.replace("2009-01-01", "2009-02-30"))),
    indent=st.one_of(st.none(), ints, anything),
    library=plausible("pandas", "polars", None),
)
def test_report_readers_and_writers(text: Any, indent: Any, library: Any) -> None:
    outcome(lambda: liaison.Report.from_json(text), not isinstance(text, str))
    outcome(lambda: REPORT.to_json(indent))
    outcome(lambda: REPORT.findings_frame(library))


def test_operations() -> None:
    """No parameter, nothing to fuzz: the catalogue, every name an operation ``call`` knows."""
    for op in outcome(liaison.operations):
        assert outcome(lambda: liaison.call(op["name"], {})) is not None or op["params"]


FUZZED = {
    "agenda", "call", "check", "check_detailed", "consequences", "deadline", "decide_vote", "decide_vote_table",
    "evaluate_batches", "evaluate_register", "explain", "feedback_status", "form_fields", "form_schema",
    "generate_district", "grade", "grade_table", "is_rest_day", "operations", "redact", "validate_form", "Policy",
    "Report",
}


def test_every_public_function_is_fuzzed() -> None:
    shapes = set(liaison._types.__all__)
    public = {
        name
        for name in liaison.__all__
        if callable(getattr(liaison, name))
        and name not in shapes
        and not (isinstance(getattr(liaison, name), type) and issubclass(getattr(liaison, name), Exception))
        and name not in ("FormError", "FormField", "FormValidation", "PlantedFinding")  # shapes, renamed
    }
    assert public == FUZZED


def _tables(
    columns: tuple[str, ...] = ("received", "responsibility", "fed_back"),
) -> st.SearchStrategy[Any]:
    """Arrow tables with the register's columns (or `columns`), of every type Arrow builds
    from Python."""
    assert pa is not None
    column = st.one_of(
        st.lists(st.one_of(st.none(), dates), max_size=4),
        st.lists(st.one_of(st.none(), ints.filter(lambda i: -(2**63) <= i < 2**63)), max_size=4),
        st.lists(st.one_of(st.none(), texts.filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t))), max_size=4),
        st.lists(st.one_of(st.none(), st.floats()), max_size=4),
        st.lists(st.none(), max_size=4),
    )

    def build(columns: dict[str, list[Any]], encode: bool) -> Any:
        n = min((len(c) for c in columns.values()), default=0)
        arrays = {}
        for name, values in columns.items():
            array = pa.array(values[:n])
            if encode and pa.types.is_string(array.type) or (encode and pa.types.is_null(array.type)):
                array = array.dictionary_encode()
            arrays[name] = array
        return pa.table(arrays) if arrays else pa.table({"received": pa.array([], pa.date32())})

    names = st.sampled_from([*columns, "张三丰", "x"])
    return st.builds(build, st.dictionaries(names, column, max_size=4), st.booleans())


REGISTER = (
    pa.table(
        {
            "received": pa.array([datetime.date(2008, 9, 25), datetime.date(2008, 12, 1)]),
            "responsibility": ["职责内", "lead_unit"],
            "fed_back": pa.array([datetime.date(2008, 10, 7), None], pa.date32()),
        }
    )
    if pa is not None
    else None
)


@pytest.mark.skipif(pa is None, reason="pyarrow is not installed")
@FUZZ
@given(
    args=arguments(
        table=(REGISTER, st.one_of(st.deferred(_tables), anything)),
        as_of=("2008-12-31", day),
        policy=(None, policy),
        errors=("raise", plausible("raise", "column")),
        received=("received", plausible("received", "fed_back", None)),
        responsibility=("responsibility", plausible("responsibility", "received")),
        fed_back=("fed_back", plausible("fed_back", None)),
        keep=(False, st.one_of(st.booleans(), anything)),
    ),
    batches=st.booleans(),
)
def test_evaluate_register_and_batches(args: dict[str, Any], batches: bool) -> None:
    table = args.pop("table")
    if batches:  # an iterable of anything: each item that is no Arrow data is a TypeError
        outcome(lambda: list(liaison.evaluate_batches(table, **args)), True)
    else:
        speaks = hasattr(table, "__arrow_c_stream__") or hasattr(table, "__arrow_c_array__")
        outcome(lambda: liaison.evaluate_register(table, **args), not (_policy_ok(args) and speaks))


BALLOTS = (
    pa.table({"satisfied": [70, 1], "basically_satisfied": [0, 0], "dissatisfied": [30, 0],
              "approve": [20, 1], "disapprove": [10, 2], "abstain": [0, 0], "present": [40, None], "entitled": [60, None]})
    if pa is not None
    else None
)
COUNTS = ("satisfied", "basically_satisfied", "dissatisfied", "approve", "disapprove", "abstain", "present", "entitled")


@pytest.mark.skipif(pa is None, reason="pyarrow is not installed")
@FUZZ
@given(
    args=arguments(
        table=(BALLOTS, st.one_of(st.deferred(lambda: _tables(COUNTS)), anything)),
        policy=(None, policy),
        errors=("raise", plausible("raise", "column")),
        satisfied=("satisfied", plausible(*COUNTS)),
        basically_satisfied=("basically_satisfied", plausible("basically_satisfied", None)),
        dissatisfied=("dissatisfied", plausible("dissatisfied", None)),
        keep=(False, st.one_of(st.booleans(), anything)),
    ),
)
def test_grade_table(args: dict[str, Any]) -> None:
    table = args.pop("table")
    speaks = hasattr(table, "__arrow_c_stream__") or hasattr(table, "__arrow_c_array__")
    outcome(lambda: liaison.grade_table(table, **args), not (_policy_ok(args) and speaks))


@pytest.mark.skipif(pa is None, reason="pyarrow is not installed")
@FUZZ
@given(
    args=arguments(
        table=(BALLOTS, st.one_of(st.deferred(lambda: _tables(COUNTS)), anything)),
        policy=(None, policy),
        errors=("raise", plausible("raise", "column")),
        approve=("approve", plausible(*COUNTS)),
        disapprove=("disapprove", plausible("disapprove")),
        abstain=("abstain", plausible("abstain", None)),
        present=(None, plausible("present", None)),
        entitled=(None, plausible("entitled", None)),
        keep=(False, st.one_of(st.booleans(), anything)),
    ),
)
def test_decide_vote_table(args: dict[str, Any]) -> None:
    table = args.pop("table")
    speaks = hasattr(table, "__arrow_c_stream__") or hasattr(table, "__arrow_c_array__")
    outcome(lambda: liaison.decide_vote_table(table, **args), not (_policy_ok(args) and speaks))
