"""``explain`` and ``explain=True``: the answer as the function gives it, and the steps the
rules took, each with its rule id and the source's words."""

from __future__ import annotations

import datetime
import inspect
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import liaison
from liaison import LiaisonError

EXPLAINED = {
    "deadline": ({"received": "2008-09-25", "responsibility": 1}, datetime.date(2008, 10, 6)),
    "feedback_status": (
        {"received": "2008-09-25", "responsibility": 1, "fed_back": "2008-10-07"},
        liaison.FeedbackStatus(datetime.date(2008, 10, 6), "late", 1),
    ),
    "decide_vote": ({"approve": 20, "disapprove": 10}, "adopted"),
    "grade": ({"satisfied": 70, "dissatisfied": 30}, "qualified"),
}


def error_of(call: Any, *args: Any, **kwargs: Any) -> LiaisonError:
    with pytest.raises(LiaisonError) as info:
        call(*args, **kwargs)
    return info.value


@pytest.mark.parametrize("op", EXPLAINED)
def test_explain_answers_as_the_function_does(op: str) -> None:
    request, answer = EXPLAINED[op]
    function = getattr(liaison, op)
    assert function(**request) == answer
    explained = liaison.explain(op, request)
    assert list(explained) == ["answer", "steps"]
    assert explained["answer"] == answer and type(explained["answer"]) is type(answer)
    assert function(**request, explain=True) == explained
    assert explained["steps"], "every answer has at least one step"
    for step in explained["steps"]:
        assert {"rule", "text", "text_zh"} <= set(step) <= {"rule", "text", "text_zh", "words", "date"}
        assert step["rule"] and step["text"] and step["text_zh"]
        if "date" in step:
            assert type(step["date"]) is datetime.date


@pytest.mark.parametrize("op", EXPLAINED)
def test_explain_is_keyword_only_and_a_bool(op: str) -> None:
    function = getattr(liaison, op)
    parameter = inspect.signature(function).parameters["explain"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY and parameter.default is False
    request, answer = EXPLAINED[op]
    assert function(**request, explain=False) == answer
    with pytest.raises(TypeError):
        function(**request, explain="yes")
    with pytest.raises(TypeError):
        function(**request, explain=1)


def test_the_worked_example_step_by_step() -> None:
    steps = liaison.deadline("2008-09-25", "职责内", explain=True)["steps"]
    assert [s["rule"] for s in steps] == ["A1", "S5.1", "A2", "A2"]
    assert [s.get("date") for s in steps][1:] == [
        datetime.date(2008, 10, 5),
        datetime.date(2008, 10, 5),
        datetime.date(2008, 10, 6),
    ]
    assert "10天内办结" in steps[1]["words"]
    assert "国庆节" in steps[2]["text_zh"]


def test_a_policy_object_in_the_request() -> None:
    policy = liaison.Policy.from_dict({"undetermined_as": "qualified"})
    by_object = liaison.explain("grade", {"satisfied": 69, "basically_satisfied": 31, "policy": policy})
    by_dict = liaison.explain("grade", {"satisfied": 69, "basically_satisfied": 31, "policy": policy.to_dict()})
    assert by_object == by_dict == liaison.grade(69, 31, policy=policy, explain=True)
    assert by_object["answer"] == "qualified" and by_object["steps"][-1]["rule"] == "A3"


def test_the_vote_with_a_quorum() -> None:
    quorum = {"vote_quorum": {"numerator": 1, "denominator": 2, "inclusive": False}}
    e = liaison.decide_vote(30, 0, 0, quorum, 40, 80, explain=True)
    assert e["answer"] == "no_quorum" and e["steps"][0]["rule"] == "A15"


@pytest.mark.parametrize(
    ("op", "request_", "code", "loc"),
    [
        ("deadline", {"received": "2008-9-25", "responsibility": 1}, "invalid_date", ["request", "received"]),
        ("grade", {"satisfied": -1}, "invalid_count", ["request", "satisfied"]),
        ("grade", {"satisfied": 0}, "no_ballots", []),
        ("decide_vote", {"approve": 1}, "invalid_input", ["request", "disapprove"]),
        # (the core places this one at ["as_of"], not under "request": reported, not pinned)
        ("feedback_status", {"received": "2008-09-25", "responsibility": 1}, "as_of_required", []),
        ("check", {}, "invalid_input", ["op"]),
        ("Deadline", {}, "invalid_input", ["op"]),
        (None, {}, "invalid_input", ["op"]),
        ("grade", [70, 0, 30], "invalid_input", ["request"]),
        ("grade", "satisfied=70", "invalid_input", ["request"]),
    ],
    ids=repr,
)
def test_explain_errors(op: Any, request_: Any, code: str, loc: list[Any]) -> None:
    e = error_of(liaison.explain, op, request_)
    assert e.code == code, str(e)
    assert e.loc[: len(loc)] == loc, (e.loc, str(e))


def test_the_errors_of_explain_true_are_the_functions() -> None:
    assert error_of(liaison.grade, -1, explain=True).loc == ["request", "satisfied"]
    assert error_of(liaison.deadline, "2008-09-25", 5, explain=True).code == "invalid_responsibility"


@given(
    received=st.dates(datetime.date(2008, 1, 1), datetime.date(2025, 10, 1)),
    digit=st.integers(1, 4),
)
def test_the_last_dated_step_is_the_deadline(received: datetime.date, digit: int) -> None:
    e = liaison.deadline(received, digit, explain=True)
    assert e["answer"] == liaison.deadline(received, digit)
    dated = [s["date"] for s in e["steps"] if "date" in s]
    assert dated and dated[-1] == e["answer"]


@given(
    satisfied=st.integers(0, 200),
    basically=st.integers(0, 200),
    dissatisfied=st.integers(0, 200),
)
def test_the_explained_grade_is_the_grade(satisfied: int, basically: int, dissatisfied: int) -> None:
    if satisfied + basically + dissatisfied == 0:
        return
    e = liaison.grade(satisfied, basically, dissatisfied, explain=True)
    assert e["answer"] == liaison.grade(satisfied, basically, dissatisfied)
    assert any("S3.7" in s["rule"] for s in e["steps"])
