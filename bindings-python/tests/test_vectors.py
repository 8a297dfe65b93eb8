"""The shared vectors of tests/vectors/, run through the Python binding.

Each case is one test. Arguments are passed positionally in the order of the README's
table; a parameter left out before a given one takes the function's own default. A case
whose ``skip`` names ``python`` is skipped by name, never silently. Every function of the
README is bound: one that is missing fails, it is not skipped.
"""

from __future__ import annotations

import datetime
import inspect
import json
from pathlib import Path
from typing import Any, Callable

import pytest

import liaison

VECTORS = Path(__file__).resolve().parent.parent.parent / "tests" / "vectors"

# README: "Functions and their parameters, in order" (without `policy`, which comes from
# the case's own `policy` or `policy_json`).
PARAMETERS: dict[str, list[str]] = {
    "deadline": ["received", "responsibility", "policy"],
    "feedback_status": ["received", "responsibility", "fed_back", "as_of", "policy"],
    "decide_vote": ["approve", "disapprove", "abstain", "policy", "present", "entitled"],
    "grade": ["satisfied", "basically_satisfied", "dissatisfied", "policy"],
    "consequences": ["years", "policy"],
    "is_rest_day": ["date", "policy"],
    "check": ["dataset", "start", "end", "as_of", "policy"],
    "validate_form": ["kind", "data", "policy"],
    "redact": ["kind", "data"],
    "policy": [],
}

FUNCTIONS: dict[str, Callable[..., Any]] = {
    name: getattr(liaison, name) for name in PARAMETERS if name != "policy"
}


def _files() -> list[Path]:
    return sorted(VECTORS.glob("*.json"))


def _cases() -> list[Any]:
    params = []
    for path in _files():
        data = json.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data["cases"]):
            params.append(
                pytest.param(
                    data["function"],
                    case,
                    id=f"{path.stem}[{index}] {case.get('name', '')}",
                )
            )
    return params


def _policy(case: dict[str, Any]) -> liaison.Policy | None:
    """The case's policy, through the Python policy loader; None when the case has none."""
    if "policy_json" in case:
        return liaison.Policy.from_json(case["policy_json"])
    if "policy" in case:
        return liaison.Policy.from_dict(case["policy"])
    return None


def _plain(result: Any) -> Any:
    """A result in the vectors' JSON form: ISO dates, FeedbackStatus as a dict, a Report as
    ``{"findings": [[rule, code, subject, period label], ...], "by_rule": {rule: [judged,
    met, not_met, not_judged]}}``."""
    if isinstance(result, liaison.Report):
        return {
            "findings": [
                [f["rule"], f["code"], f["subject"], f["period"]["label"]]
                for f in result.findings
            ],
            "by_rule": {
                t["key"]: [t["judged"], t["met"], t["not_met"], t["not_judged"]]
                for t in result.by_rule
            },
        }
    if isinstance(result, liaison.FeedbackStatus):
        return {key: _plain(value) for key, value in result._asdict().items()}
    if isinstance(result, datetime.date):
        return result.isoformat()
    if isinstance(result, list):
        return [_plain(item) for item in result]
    return result


def _run(function: str, case: dict[str, Any]) -> Any:
    policy = _policy(case)
    if function == "policy":
        assert policy is not None, "a `policy` case needs `policy` or `policy_json`"
        return policy.to_dict()
    call = FUNCTIONS[function]
    names = PARAMETERS[function]
    given = dict(case.get("args", {}))
    unknown = set(given) - set(names)
    assert not unknown, f"arguments {sorted(unknown)} are not parameters of {function}"
    if policy is not None:
        given["policy"] = policy
    last = max((names.index(name) for name in given), default=-1)
    defaults = inspect.signature(call).parameters
    positional = [
        given[name] if name in given else defaults[name].default for name in names[: last + 1]
    ]
    return call(*positional)


def test_vector_folder_is_there() -> None:
    assert VECTORS.is_dir(), VECTORS
    assert _files(), f"no vector files in {VECTORS}"


def test_every_function_of_the_vectors_is_known() -> None:
    for path in _files():
        function = json.loads(path.read_text(encoding="utf-8"))["function"]
        assert function in PARAMETERS, f"{path.name}: unknown function {function!r}"


def test_every_error_code_of_the_vectors_is_a_code() -> None:
    for path in _files():
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            if "error" in case:
                assert case["error"] in liaison.ERROR_CODES, (path.name, case["name"])


@pytest.mark.parametrize(("function", "case"), _cases())
def test_vector(function: str, case: dict[str, Any]) -> None:
    if "python" in case.get("skip", []):
        reason = case.get("skip_reason") or case.get("note") or "not expressible in Python"
        pytest.skip(f"vector {case.get('name')!r} skips python: {reason}")
    assert ("expect" in case) != ("error" in case), "a case has exactly one of expect/error"
    if "error" in case:
        with pytest.raises(liaison.LiaisonError) as info:
            _run(function, case)
        assert info.value.code == case["error"], str(info.value)
        if "field" in case:
            assert info.value.field == case["field"], str(info.value)
        return
    result = _run(function, case)
    if function == "policy":
        expected = case["expect"]
        assert {key: result.get(key) for key in expected} == expected
        assert set(expected) <= set(result), sorted(set(expected) - set(result))
    elif function == "validate_form":
        # Only [path, code] is compared, in the validator's order; valid iff no error.
        assert [[e["path"], e["code"]] for e in result["errors"]] == case["expect"]
        assert result["valid"] is (case["expect"] == [])
    elif function == "check":
        # Findings in report order; by_rule only for the rules the case lists.
        got = _plain(result)
        assert got["findings"] == case["expect"]["findings"]
        expected_by_rule = case["expect"].get("by_rule", {})
        assert {rule: got["by_rule"].get(rule) for rule in expected_by_rule} == expected_by_rule
    else:
        assert _plain(result) == case["expect"]
