"""The shared vectors of tests/vectors/ (see its README), run through the package's public
functions: ``getattr(liaison, op)(**request)``, or ``liaison.call(op, request)`` for what a
function cannot be asked (an operation with no function of its own, a request that is not
a dict or has a key the function does not take, a request given as JSON text). Answers are
normalised to JSON (dates to ISO text, named tuples and reports to dicts) and matched as
the README says. Every case of every file runs, except those whose ``skip`` names
``python`` (a case Python cannot express), which are reported as skipped, never silently.
"""

from __future__ import annotations

import datetime
import inspect
import json
from pathlib import Path
from typing import Any

import pytest

import liaison

VECTORS = Path(__file__).resolve().parent.parent.parent / "tests" / "vectors"


def _files() -> list[Path]:
    return sorted(VECTORS.glob("*.json"))


def _cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{path.stem}[{i}] {case['name']}")
        for path in _files()
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))["cases"])
    ]


def _plain(value: Any) -> Any:
    """An answer as JSON: ISO dates, named tuples and reports as dicts, tuples as lists."""
    if isinstance(value, liaison.Report):
        return value.to_dict()
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return _plain(value._asdict())
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _run(case: dict[str, Any]) -> Any:
    op = case["op"]
    if "request_json" in case:
        return liaison.call(op, case["request_json"])
    request = case["request"]
    function = getattr(liaison, op, None) if op in liaison.__all__ else None
    if callable(function) and isinstance(request, dict) and _fits(function, request):
        answer = function(**request)
        if op == "generate_district":  # (dataset, planted), the District's fields
            return {"dataset": answer[0], "planted": answer[1]}
        return _plain(answer)
    return liaison.call(op, request)


def _fits(function: Any, request: dict[str, Any]) -> bool:
    """Whether the function can be called with the request's keys (none unknown, none of
    its required parameters missing)."""
    try:
        inspect.signature(function).bind(**request)
    except TypeError:
        return False
    return True


def _matches(pattern: Any, actual: Any, subset: bool) -> bool:
    if not subset:
        return bool(pattern == actual)
    if isinstance(pattern, dict) and list(pattern) == ["$contains"]:
        items = actual if isinstance(actual, list) else []
        return all(any(_matches(p, a, True) for a in items) for p in pattern["$contains"])
    if isinstance(pattern, dict) and isinstance(actual, dict):
        return all(k in actual and _matches(v, actual[k], True) for k, v in pattern.items())
    if isinstance(pattern, list) and isinstance(actual, list):
        return len(pattern) == len(actual) and all(_matches(p, a, True) for p, a in zip(pattern, actual))
    return bool(pattern == actual)


def test_the_matcher_can_fail() -> None:
    assert not _matches({"a": 1}, {"a": 2}, True)
    assert not _matches([1], [1, 2], True)
    assert not _matches({"$contains": [{"k": 3}]}, [{"k": 1}], True)
    assert not _matches({"a": 1}, {"a": 1, "b": 2}, False)
    assert _matches({"a": 1}, {"a": 1, "b": 2}, True)


def test_there_are_vectors_and_python_skips_only_what_it_cannot_express() -> None:
    cases = [case.values[0] for case in _cases()]
    assert len(cases) > 400
    skipped = [c["name"] for c in cases if "python" in c.get("skip", [])]
    # Python reads files: a dataset may be a path, so the refusal of one is not Python's.
    assert skipped == ["a dataset path is refused where the host reads no files"]


def test_every_operation_with_a_function_is_run_through_it() -> None:
    """The vectors reach the public functions (``liaison.agenda(**request)``), not only
    ``call``: each operation that has a function has cases its signature takes."""
    through: dict[str, int] = {}
    for param in _cases():
        case = param.values[0]
        op, request = case["op"], case.get("request")
        function = getattr(liaison, op, None) if op in liaison.__all__ else None
        if callable(function) and isinstance(request, dict):
            through[op] = through.get(op, 0) + _fits(function, request)
    assert set(through) >= {"agenda", "explain", "check", "deadline", "grade", "validate_form", "redact"}
    assert all(n > 0 for n in through.values()), through


@pytest.mark.parametrize("case", _cases())
def test_vector(case: dict[str, Any]) -> None:
    if "python" in case.get("skip", []):
        pytest.skip(f"vector {case['name']!r} skips python: a host that reads no files refuses a path")
    assert ("answer" in case) != ("error" in case), "a case has exactly one of answer and error"
    if "error" in case:
        with pytest.raises(liaison.LiaisonError) as info:
            _run(case)
        assert info.value.code == case["error"]["code"], str(info.value)
        if "loc" in case["error"]:
            assert info.value.loc == case["error"]["loc"], str(info.value)
        return
    got = _run(case)
    assert _matches(case["answer"], got, case.get("match") == "subset"), got
