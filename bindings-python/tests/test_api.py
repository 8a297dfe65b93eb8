"""What the shared vectors cannot say: Python types, exceptions, pickling, properties."""

from __future__ import annotations

import copy
import datetime
import inspect
import json
import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liaison
from liaison import LiaisonError, Policy

U64_MAX = 2**64 - 1

# The core's list of error kinds, written once with a macro: `Variant => "code",`.
CORE_KINDS = Path(__file__).resolve().parent.parent.parent / "core" / "src" / "error" / "kinds.rs"

GRADE_ORDER = ["unqualified", "undetermined", "qualified", "excellent"]


def error_of(call: Any, *args: Any, **kwargs: Any) -> LiaisonError:
    with pytest.raises(LiaisonError) as info:
        call(*args, **kwargs)
    return info.value


# --- dates ----------------------------------------------------------------------------


def test_dates_as_date_objects_and_strings_agree() -> None:
    as_object = liaison.deadline(datetime.date(2008, 9, 25), "within_remit")
    as_string = liaison.deadline("2008-09-25", "within_remit")
    assert as_object == as_string == datetime.date(2008, 10, 6)
    assert type(as_object) is datetime.date


def test_feedback_status_accepts_mixed_date_types() -> None:
    s = liaison.feedback_status(datetime.date(2008, 9, 25), 1, "2008-10-07")
    assert s == (datetime.date(2008, 10, 6), "late", 1)
    s = liaison.feedback_status("2008-09-25", 1, None, datetime.date(2008, 9, 30))
    assert (s.status, s.days) == ("open", 6)


DATE_PARAMETERS = [
    ("received", lambda d: liaison.deadline(d, 1)),
    ("fed_back", lambda d: liaison.feedback_status("2008-01-01", 1, fed_back=d)),
    ("as_of", lambda d: liaison.feedback_status("2008-01-01", 1, as_of=d)),
    ("date", lambda d: liaison.is_rest_day(d)),
]
BAD_DATES = [
    datetime.datetime(2008, 9, 25, 9, 30),
    "2008-9-25",
    "2009-02-29",
    "2008-09-25T00:00",
    " 2008-09-25",
    20080925,
    None,  # not for the optional dates, where None means absent
]


@pytest.mark.parametrize(
    ("param", "call", "bad"),
    [
        pytest.param(param, call, bad, id=f"{param}-{bad!r}")
        for param, call in DATE_PARAMETERS
        for bad in BAD_DATES
        if not (bad is None and param in ("fed_back", "as_of"))
    ],
)
def test_bad_dates_are_invalid_date_naming_the_parameter(param: str, call: Any, bad: Any) -> None:
    e = error_of(call, bad)
    assert (e.code, e.field) == ("invalid_date", param)


@pytest.mark.parametrize(("param", "call"), DATE_PARAMETERS)
@pytest.mark.parametrize("bad", [b"2008-09-25", object(), {1, 2}], ids=repr)
def test_values_no_json_holds_are_invalid_input_naming_the_parameter(param: str, call: Any, bad: Any) -> None:
    e = error_of(call, bad)
    assert (e.code, e.loc) == ("invalid_input", [param])


def test_datetimes_at_midnight_timestamps_and_datetime64_are_days() -> None:
    """Issue 10.12: what pandas and NumPy hold a day as is that day."""
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    expected = datetime.date(2008, 10, 6)
    for day in (
        datetime.datetime(2008, 9, 25),
        pd.Timestamp("2008-09-25"),
        np.datetime64("2008-09-25"),
        np.datetime64("2008-09-25T00:00:00.000000000"),
    ):
        assert liaison.deadline(day, 1) == expected, repr(day)
        assert liaison.feedback_status("2008-09-20", 1, fed_back=day).status == "on_time"
        assert liaison.is_rest_day(day) is False
    for not_a_day in (pd.Timestamp("2008-09-25 09:30"), np.datetime64("2008-09-25T09:30")):
        e = error_of(liaison.deadline, not_a_day, 1)
        assert (e.code, e.loc) == ("invalid_date", ["received"])
    # NaT is a missing date
    assert error_of(liaison.deadline, pd.NaT, 1).code == "invalid_date"
    assert liaison.feedback_status("2008-09-25", 1, fed_back=np.datetime64("NaT"), as_of="2008-09-26").status == "open"


def test_feedback_status_needs_as_of_without_fed_back() -> None:
    e = error_of(liaison.feedback_status, "2008-01-01", 1)
    assert (e.code, e.field) == ("as_of_required", "as_of")


# --- counts ---------------------------------------------------------------------------

BAD_COUNTS = [True, False, 1.0, 0.5, float("nan"), -1, 2**64, -(2**64), "3", None, [1]]


COUNT_PARAMETERS = [
    ("satisfied", lambda v: liaison.grade(v, 1, 1)),
    ("basically_satisfied", lambda v: liaison.grade(1, v, 1)),
    ("dissatisfied", lambda v: liaison.grade(1, 1, v)),
    ("approve", lambda v: liaison.decide_vote(v, 1)),
    ("disapprove", lambda v: liaison.decide_vote(1, v)),
    ("abstain", lambda v: liaison.decide_vote(1, 1, v)),
    ("present", lambda v: liaison.decide_vote(1, 1, 0, None, v, 10)),
    ("entitled", lambda v: liaison.decide_vote(1, 1, 0, None, 10, v)),
]


@pytest.mark.parametrize(
    ("param", "call", "bad"),
    [
        pytest.param(param, call, bad, id=f"{param}-{bad!r}")
        for param, call in COUNT_PARAMETERS
        for bad in BAD_COUNTS
        # None and NaN (a missing cell) mean "absent" for the attendance figures
        if not ((bad is None or bad != bad) and param in ("present", "entitled"))
    ],
)
def test_bad_counts_are_invalid_count_naming_the_parameter(param: str, call: Any, bad: Any) -> None:
    e = error_of(call, bad)
    assert (e.code, e.field, e.loc) == ("invalid_count", param, [param])
    assert isinstance(e, ValueError)


@pytest.mark.parametrize(("param", "call"), COUNT_PARAMETERS)
def test_a_count_no_json_holds_is_invalid_input(param: str, call: Any) -> None:
    e = error_of(call, object())
    assert (e.code, e.loc) == ("invalid_input", [param])


def test_u64_max_counts() -> None:
    m = U64_MAX
    assert liaison.grade(m, 0, 0) == "excellent"
    assert liaison.grade(m, m, m) == "unqualified"
    assert liaison.grade(0, m, 0) == "undetermined"
    assert liaison.decide_vote(m, 0) == "adopted"
    assert liaison.decide_vote(m, m, m) == "not_adopted"
    assert liaison.decide_vote(0, m) == "rejected"


def test_integer_like_counts_are_accepted() -> None:
    np = pytest.importorskip("numpy")
    assert liaison.grade(np.int64(91), np.uint64(9)) == "excellent"
    assert error_of(liaison.grade, np.float64(91.0)).code == "invalid_count"
    assert error_of(liaison.grade, np.bool_(True)).code == "invalid_count"


def test_attendance_needs_both_figures() -> None:
    for kwargs in ({"present": 10}, {"entitled": 10}):
        e = error_of(liaison.decide_vote, 5, 1, **kwargs)
        assert e.code == "attendance_required"
    assert liaison.decide_vote(5, 1, present=10, entitled=10) == "adopted"


def test_keywords_and_defaults() -> None:
    assert liaison.grade(satisfied=69, dissatisfied=31) == "unqualified"
    assert liaison.decide_vote(approve=19, disapprove=10, abstain=1) == "not_adopted"
    assert liaison.deadline(received="2008-03-04", responsibility="lead_unit", policy=None)


# --- responsibility -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["outside_remit", "2", 2, "职责外", " outside_remit "], ids=repr
)
def test_responsibility_forms(value: Any) -> None:
    assert liaison.deadline("2008-03-04", value) == liaison.deadline("2008-03-04", "outside_remit")


@pytest.mark.parametrize("bad", [0, 5, -1, 2**70, True, 2.0, "5", "", None, ["1"]], ids=repr)
def test_bad_responsibility(bad: Any) -> None:
    e = error_of(liaison.deadline, "2008-03-04", bad)
    assert (e.code, e.field) == ("invalid_responsibility", "responsibility")


# --- LiaisonError ---------------------------------------------------------------------


def test_liaison_error_is_a_value_error_with_attributes() -> None:
    e = error_of(liaison.grade, 0, 0, 0)
    assert isinstance(e, ValueError)
    assert e.code == "no_ballots"
    assert e.field is None
    assert str(e) == "there are no ballots: a share of zero ballots is undefined"
    assert e.message_zh == "没有有效票，无法计算比例"
    assert e.code in liaison.ERROR_CODES


@pytest.mark.parametrize("copier", [lambda e: pickle.loads(pickle.dumps(e)), copy.deepcopy])
def test_liaison_error_pickles(copier: Any) -> None:
    e = error_of(liaison.grade, -1)
    again = copier(e)
    assert type(again) is LiaisonError
    assert (str(again), again.code, again.message_zh, again.field) == (
        str(e),
        "invalid_count",
        e.message_zh,
        "satisfied",
    )
    assert again.args == e.args


def test_liaison_error_pickles_with_extra_attributes() -> None:
    e = LiaisonError("m", "invalid_input", "zh", ["years", 0], "S3.8", "years[0]")
    e.extra = 1  # type: ignore[attr-defined]
    again = pickle.loads(pickle.dumps(e))
    assert (again.code, again.loc, again.rule, again.field, again.extra) == (
        "invalid_input", ["years", 0], "S3.8", "years[0]", 1
    )


def test_errors_have_loc_rule_and_the_rendered_field() -> None:
    e = error_of(liaison.consequences, [{"year": 2009, "satisfied": 1}, {"year": 2010, "satisfied": -1}])
    assert (e.loc, e.field) == (["years", 1, "satisfied"], "years[1].satisfied")
    assert str(e) == "`years[1].satisfied`: must be a non-negative integer count"
    assert e.message_zh == "`years[1].satisfied`：必须是非负整数"
    assert error_of(liaison.grade, 0).loc == [] and error_of(liaison.grade, 0).field is None


def test_a_lone_surrogate_is_a_coded_error_in_any_string_argument() -> None:
    bad = "\ud800"
    for call, loc in [
        (lambda: liaison.deadline(bad, 1), ["received"]),
        (lambda: liaison.deadline("2008-09-25", bad), ["responsibility"]),
        (lambda: liaison.consequences([{"year": 2009, "satisfied": 1, bad: 1}]), ["years", 0]),
        (lambda: liaison.validate_form("reception_record", {"matter": bad}), ["data", "matter"]),
        (lambda: liaison.call(bad, {}), []),
        (lambda: liaison.call("deadline", bad), []),
        (lambda: Policy.from_json(bad), []),
        (lambda: Policy.from_dict({"name": bad}), ["policy", "name"]),
        (lambda: liaison.Report.from_json(bad), []),
    ]:
        with pytest.raises(LiaisonError) as info:
            call()
        assert (info.value.code, info.value.loc) == ("invalid_input", loc), info.value


def test_error_codes_match_the_core() -> None:
    assert isinstance(liaison.ERROR_CODES, tuple)
    codes = tuple(re.findall(r'=> "([a-z_]+)",', CORE_KINDS.read_text(encoding="utf-8")))
    assert len(codes) > 20
    assert liaison.ERROR_CODES == codes


# --- the contract's parameters --------------------------------------------------------


def test_every_function_takes_its_operations_parameters_in_order() -> None:
    """The contract: positional parameters are the request's keys in catalogue order; what Python
    adds (``explain=True`` on the four rules, ``encoding``, ``strict``) is keyword-only."""
    functions = 0
    for op in liaison.operations():
        function = getattr(liaison, op["name"], None)
        if op["name"] not in liaison.__all__ or not callable(function) or isinstance(function, type):
            continue
        params = inspect.signature(function).parameters.values()
        positional = [p.name for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
        assert positional == op["params"], op["name"]
        defaults = liaison.REQUEST_DEFAULTS[op["name"]]
        for p in params:
            if p.name in defaults:
                assert p.default == defaults[p.name], (op["name"], p.name)
        functions += 1
    assert functions >= 15


# --- Policy ---------------------------------------------------------------------------


def test_policy_constructors_agree() -> None:
    assert Policy() == Policy.banan_2008() == Policy.from_dict({}) == Policy.from_json("{}")
    assert repr(Policy()) == "Policy.banan_2008()"
    assert Policy() != Policy.from_dict({"within_remit_days": 7})
    assert Policy() != "not a policy"


def test_policy_round_trips() -> None:
    p = Policy.from_dict({"within_remit_days": 7, "vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": False}})
    assert Policy.from_json(p.to_json()) == p
    assert Policy.from_dict(p.to_dict()) == p
    assert pickle.loads(pickle.dumps(p)) == p
    assert copy.deepcopy(p) == p
    assert json.loads(p.to_json()) == p.to_dict()
    assert repr(p).startswith("Policy.from_dict({")
    assert eval(repr(p), {"Policy": Policy}) == p  # noqa: S307 - our own repr


def test_policy_partial_dict_takes_the_rest_from_banan() -> None:
    d = Policy.from_dict({"lead_unit_days": 45}).to_dict()
    base = Policy().to_dict()
    assert d["lead_unit_days"] == 45
    assert {k: v for k, v in d.items() if k != "lead_unit_days"} == {
        k: v for k, v in base.items() if k != "lead_unit_days"
    }


@pytest.mark.parametrize(
    "data",
    [
        {"within_remit": 7},
        {"within_remit_days": 7.0},
        {"within_remit_days": True},
        {"within_remit_days": 2**70},
        {"within_remit_days": float("nan")},
        {"name": float("inf")},
    ],
    ids=repr,
)
def test_bad_policy_dicts(data: Any) -> None:
    assert error_of(Policy.from_dict, data).code == "invalid_policy"


@pytest.mark.parametrize(
    ("data", "loc"),
    [({"within_remit_days": object()}, ["policy", "within_remit_days"]), ({1: 2}, ["policy"])],
    ids=repr,
)
def test_policy_dicts_no_json_holds(data: Any, loc: list[Any]) -> None:
    e = error_of(Policy.from_dict, data)
    assert (e.code, e.loc) == ("invalid_input", loc)


def test_policy_from_json_errors() -> None:
    assert error_of(Policy.from_json, "{").code == "invalid_policy"
    assert error_of(Policy.from_json, '{"within_remit_days": 7, "within_remit_days": 8}').code == "invalid_policy"
    assert error_of(Policy.from_dict, [["within_remit_days", 7]]).code == "invalid_policy"


def test_policy_json_array_is_not_a_policy() -> None:
    # serde would read a struct from a JSON array, field by position; the core refuses it.
    assert error_of(Policy.from_json, '["x", 3]').code == "invalid_policy"
    assert error_of(Policy.from_dict, ["x", 3]).code == "invalid_policy"


def test_year_as_a_list_is_not_a_year() -> None:
    e = error_of(liaison.consequences, [[2009, 60, 0, 40, None]])
    assert (e.code, e.field) == ("invalid_input", "years[0]")


def test_policy_load(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"within_remit_days": 5}), encoding="utf-8")
    assert Policy.load(path) == Policy.load(str(path)) == Policy.from_dict({"within_remit_days": 5})
    with pytest.raises(FileNotFoundError) as info:
        Policy.load(tmp_path / "missing.json")
    assert isinstance(info.value, LiaisonError) and isinstance(info.value, liaison.LiaisonFileNotFoundError)
    assert (info.value.code, info.value.loc) == ("file_not_found", ["missing.json"])
    assert pickle.loads(pickle.dumps(info.value)).loc == ["missing.json"]
    path.write_bytes(b"\xff\xfe")
    assert error_of(Policy.load, path).code == "io_error"  # not UTF-8 text
    assert error_of(Policy.load, tmp_path).code == "not_a_file"
    path.write_text('{"within_remit_days": "x"}', encoding="utf-8")
    assert error_of(Policy.load, path).code == "invalid_policy"


def test_policy_argument_forms() -> None:
    as_dict = {"within_remit_days": 7, "move_rest_day": False}
    as_object = Policy.from_dict(as_dict)
    expected = datetime.date(2008, 3, 11)
    assert liaison.deadline("2008-03-04", 1, as_dict) == expected
    assert liaison.deadline("2008-03-04", 1, policy=as_object) == expected
    assert liaison.deadline("2008-03-04", 1, None) == datetime.date(2008, 3, 14)
    assert error_of(liaison.deadline, "2008-03-04", 1, {"nope": 1}).code == "invalid_policy"
    with pytest.raises(TypeError):
        liaison.deadline("2008-03-04", 1, "within_remit_days=7")  # type: ignore[arg-type]


def test_policy_is_final_and_unhashable() -> None:
    with pytest.raises(TypeError):
        type("Sub", (Policy,), {})
    with pytest.raises(TypeError):
        hash(Policy())


# --- FeedbackStatus -------------------------------------------------------------------


def test_feedback_status_is_a_picklable_named_tuple() -> None:
    s = liaison.feedback_status("2008-09-25", "within_remit", "2008-10-07")
    assert isinstance(s, tuple) and isinstance(s, liaison.FeedbackStatus)
    deadline, status, days = s
    assert (deadline, status, days) == (datetime.date(2008, 10, 6), "late", 1)
    assert s._asdict() == {"deadline": datetime.date(2008, 10, 6), "status": "late", "days": 1}
    assert pickle.loads(pickle.dumps(s)) == s


# --- consequences ---------------------------------------------------------------------

YEARS = [
    {"year": 2009, "satisfied": 60, "dissatisfied": 40},
    {"year": 2010, "satisfied": 40, "dissatisfied": 60},
]
EXPECTED = [
    {"year": 2009, "action": "rectify", "reason": "combined_unqualified"},
    {"year": 2010, "action": "rectify", "reason": "dissatisfaction_over_half"},
    {"year": 2010, "action": "rectify", "reason": "combined_unqualified"},
    {"year": 2010, "action": "resign", "reason": "unqualified_two_years"},
]


def test_consequences_accepts_any_iterable_of_mappings() -> None:
    assert liaison.consequences(YEARS) == EXPECTED
    assert liaison.consequences(tuple(YEARS)) == EXPECTED
    assert liaison.consequences(y for y in YEARS) == EXPECTED
    assert liaison.consequences([]) == []


def test_consequences_reads_data_frames() -> None:
    pd = pytest.importorskip("pandas")
    assert liaison.consequences(pd.DataFrame(YEARS)) == EXPECTED
    pl = pytest.importorskip("polars")
    assert liaison.consequences(pl.DataFrame(YEARS)) == EXPECTED


def test_consequences_missing_combined_in_a_data_frame_is_absent() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        [
            {"year": 2009, "satisfied": 90, "dissatisfied": 10, "combined": "unqualified"},
            {"year": 2010, "satisfied": 90, "dissatisfied": 10, "combined": None},
        ]
    )
    assert liaison.consequences(frame) == [
        {"year": 2009, "action": "rectify", "reason": "combined_unqualified"}
    ]


@pytest.mark.parametrize(
    ("years", "code", "field"),
    [
        ([{"year": 2009, "satisfied": -1}], "invalid_count", "years[0].satisfied"),
        ([{"year": 2009, "satisfied": 1}, {"year": 2010, "satisfied": 1.5}], "invalid_count", "years[1].satisfied"),
        ([{"year": 2009, "satisfied": 2**64}], "invalid_count", "years[0].satisfied"),
        ([{"year": 2009, "satisfied": True}], "invalid_count", "years[0].satisfied"),
        ([{"year": 2009}], "invalid_input", "years[0].satisfied"),
        ([{"year": 2009, "satisfied": 1, "bogus": 1}], "invalid_input", "years[0].bogus"),
        ([{"year": "2009", "satisfied": 1}], "invalid_input", "years[0].year"),
        ([{"year": 2009, "satisfied": 1, "dissatisfied": object()}], "invalid_input", "years[0].dissatisfied"),
        ([{1: 2}], "invalid_input", "years[0]"),
        ([5], "invalid_input", "years[0]"),
        (5, "invalid_input", "years"),
        ("years", "invalid_input", "years"),
        ({"year": 2009, "satisfied": 1}, "invalid_input", "years"),
        ([{"year": 2009, "satisfied": 1}, {"year": 2009, "satisfied": 2}], "duplicate_year", None),
        ([{"year": 2009, "satisfied": 0}], "no_ballots", None),
    ],
)
def test_consequences_errors(years: Any, code: str, field: str | None) -> None:
    e = error_of(liaison.consequences, years)
    assert e.code == code, str(e)
    if field is not None:
        assert e.field == field, str(e)


def test_consequences_bad_grade() -> None:
    e = error_of(liaison.consequences, [{"year": 2009, "satisfied": 1, "combined": "good"}])
    assert e.code == "invalid_grade"


def test_consequences_self_containing_input_is_an_error_not_a_crash() -> None:
    loop: list[Any] = []
    loop.append(loop)
    assert error_of(liaison.consequences, [{"year": 2009, "satisfied": 1, "x": loop}]).code == "invalid_input"


# --- is_rest_day ----------------------------------------------------------------------


def test_is_rest_day() -> None:
    assert liaison.is_rest_day(datetime.date(2008, 10, 1)) is True
    assert liaison.is_rest_day("2008-09-27") is False  # a Saturday made a working day
    assert liaison.is_rest_day("2008-09-26") is False
    assert error_of(liaison.is_rest_day, "1999-01-01").code == "calendar_not_covered"


# --- properties -----------------------------------------------------------------------

counts = st.one_of(st.integers(0, 300), st.integers(0, U64_MAX))


@given(satisfied=counts, basically=counts, dissatisfied=counts)
def test_grade_never_falls_when_a_dissatisfied_ballot_becomes_satisfied(
    satisfied: int, basically: int, dissatisfied: int
) -> None:
    if dissatisfied == 0 or satisfied == U64_MAX:
        return
    before = liaison.grade(satisfied, basically, dissatisfied)
    after = liaison.grade(satisfied + 1, basically, dissatisfied - 1)
    assert GRADE_ORDER.index(after) >= GRADE_ORDER.index(before)


@given(satisfied=counts, basically=counts, dissatisfied=counts)
def test_grade_never_falls_when_a_basically_satisfied_ballot_becomes_satisfied(
    satisfied: int, basically: int, dissatisfied: int
) -> None:
    if basically == 0 or satisfied == U64_MAX:
        return
    before = liaison.grade(satisfied, basically, dissatisfied)
    after = liaison.grade(satisfied + 1, basically - 1, dissatisfied)
    assert GRADE_ORDER.index(after) >= GRADE_ORDER.index(before)


@given(received=st.dates(datetime.date(2007, 1, 1), datetime.date(2025, 10, 1)), digit=st.integers(1, 4))
def test_date_object_and_iso_string_give_the_same_deadline(received: datetime.date, digit: int) -> None:
    assert liaison.deadline(received, digit) == liaison.deadline(received.isoformat(), str(digit))
