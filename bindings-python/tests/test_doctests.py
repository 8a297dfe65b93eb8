"""The examples in the docstrings of the package (Python and native halves) run as tests."""

from __future__ import annotations

import doctest

import liaison


def test_docstring_examples() -> None:
    result = doctest.testmod(liaison, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0
    # Every public function, the Policy and Report classes and their methods, the error and
    # the module.
    assert result.attempted >= 90, result


def test_every_public_callable_has_an_example() -> None:
    missing = []
    shapes = set(liaison._types.__all__)  # the contract's shapes, generated: no behaviour
    for name in liaison.__all__:
        obj = getattr(liaison, name)
        typed_dict = isinstance(obj, type) and issubclass(obj, dict)  # documents a shape
        if callable(obj) and not typed_dict and name not in shapes:
            if ">>>" not in (obj.__doc__ or ""):
                missing.append(name)
    for name in ("banan_2008", "from_json", "from_dict", "load", "to_json", "to_dict"):
        if ">>>" not in (getattr(liaison.Policy, name).__doc__ or ""):
            missing.append(f"Policy.{name}")
    for name in ("from_json", "to_json", "to_dict", "findings_frame"):
        if ">>>" not in (getattr(liaison.Report, name).__doc__ or ""):
            missing.append(f"Report.{name}")
    assert not missing
