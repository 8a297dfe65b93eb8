"""Exact, executable rules of 巴南委办发〔2008〕43号.

The notice of the Banan District (Chongqing) Party committee of 21 November 2008 sets five
systems for Party organisations and members to keep in touch with and serve the public.
This package is the Python binding of the Rust crate ``liaison``: every rule, threshold and
date computation is the Rust core's; Python only converts arguments and results.

======================================  ===============================================
rule                                    function
======================================  ===============================================
S5.1–S5.4 "1234" time limits            ``deadline``, ``feedback_status``
S3.5 commitment vote                    ``decide_vote``
S3.7 satisfaction grade                 ``grade``
S3.8 consequences                       ``consequences``
A2 rest days                            ``is_rest_day``
S1–S5 compliance of a district          ``check``, ``check_detailed`` → ``Report``
S5 over a whole register (Arrow)        ``evaluate_register``, ``evaluate_batches``
F1–F5 forms                             ``validate_form``, ``form_schema``, ``redact``,
                                        ``form_fields``, ``FORM_KINDS``,
                                        ``FIELD_ERROR_CODES``
a synthetic district to try it on       ``generate_district``
the rule catalogue, the finding codes   ``RULES``, ``FINDING_CODES``
every number and default                ``Policy`` (Banan 2008 unless given)
======================================  ===============================================

Dates are ``datetime.date`` or ISO ``"YYYY-MM-DD"`` strings; counts are ``int`` from 0 to
2**64 - 1; outcomes are lower-case strings. Every bad value raises ``LiaisonError`` (a
``ValueError``) with a stable ``code``, a Chinese ``message_zh`` and the ``field`` concerned.

>>> import liaison
>>> liaison.deadline("2008-09-25", "within_remit")
datetime.date(2008, 10, 6)
>>> liaison.grade(91, 9, 0)
'excellent'
>>> try:
...     liaison.grade(-1)
... except liaison.LiaisonError as e:
...     print(e.code, e.field, e.message_zh)
invalid_count satisfied `satisfied` 必须是非负整数

``RULES`` is a tuple of dicts ``{"id", "gloss", "source_zh", "implemented_by"}``, one per
rule id of RULES.md in order; ``FINDING_CODES`` a tuple of ``(code, rule ids, meaning)``,
``meaning`` saying what a finding's ``expected`` and ``actual`` hold.

>>> liaison.RULES[0]["id"], liaison.RULES[0]["source_zh"][:6]
('S1.1', '区委书记每年')
>>> liaison.FINDING_CODES[0]
('too_few_receptions', ('S1.1', 'S1.2', 'S1.3'), 'receptions of at least half a day (A7) in the period: asked, held')
"""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple, Optional, TypedDict


class LiaisonError(ValueError):
    """A bad input, with a stable ``code``, a Chinese message and the field concerned.

    ``str(error)`` is the English message; ``code`` is one of ``ERROR_CODES``;
    ``message_zh`` is the message in Chinese; ``field`` names the parameter or the path into
    a structured input (``"years[1].satisfied"``), or is ``None``. Errors pickle with all
    their attributes.

    >>> import pickle, liaison
    >>> e = liaison.LiaisonError("`approve` must be a non-negative integer count",
    ...                          "invalid_count", "`approve` 必须是非负整数", "approve")
    >>> copy = pickle.loads(pickle.dumps(e))
    >>> (str(copy), copy.code, copy.field)
    ('`approve` must be a non-negative integer count', 'invalid_count', 'approve')
    """

    code: str
    message_zh: str
    field: Optional[str]

    def __init__(
        self, message: str, code: str, message_zh: str, field: Optional[str] = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message_zh = message_zh
        self.field = field

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (str(self), self.code, self.message_zh, self.field),
            self.__dict__,
        )


class FeedbackStatus(NamedTuple):
    """The deadline of a matter and where it stands (``feedback_status``).

    ``status`` is ``"on_time"``, ``"late"``, ``"open"`` or ``"overdue"``; ``days`` is the
    days to spare, days late, days left or days overdue, never negative.

    >>> import liaison
    >>> s = liaison.feedback_status("2008-09-25", "within_remit", "2008-10-06")
    >>> s.status, s.days
    ('on_time', 0)
    """

    deadline: datetime.date
    status: str
    days: int


class Consequence(TypedDict):
    """One consequence for one year, as ``consequences`` returns it."""

    year: int
    action: str
    reason: str


class _YearEvaluationRequired(TypedDict):
    year: int
    satisfied: int


class YearEvaluation(_YearEvaluationRequired, total=False):
    """One year's evaluation, as ``consequences`` reads it."""

    basically_satisfied: int
    dissatisfied: int
    combined: Optional[str]


class Period(TypedDict):
    """A period judged by a rule, both ends included; ``label`` is ``"2009"``,
    ``"2009-02"``, ``"2009-W53"`` or ``"2008-09-25..2008-10-06"``."""

    start: datetime.date
    end: datetime.date
    label: str


class Finding(TypedDict):
    """One shortfall of a ``Report``: who (``subject``, an id) fell short of which rule, in
    which period, by how much (``expected``, ``actual``: see ``FINDING_CODES``)."""

    rule: str
    code: str
    unit: str
    subject: str
    period: Period
    expected: int
    actual: int
    message: str
    message_zh: str


class Tally(TypedDict):
    """Judged, met, not met and not judged for one rule id or unit (``key``);
    ``rate_permille`` is ``met * 1000 // judged``, ``None`` when nothing was judged."""

    key: str
    judged: int
    met: int
    not_met: int
    not_judged: int
    rate_permille: Optional[int]


class UnitGrade(TypedDict):
    """A village or community's year-end grade (S3.7): the ballot's and the combined one."""

    unit: str
    year: int
    ballot: str
    combined: str


class Outcome(TypedDict):
    """One judgement of ``check_detailed``: ``status`` is ``"met"``, ``"not_met"`` or
    ``"not_judged"``."""

    rule: str
    unit: str
    subject: str
    period: Period
    status: str


class PlantedFinding(TypedDict):
    """A finding ``generate_district`` planted: ``period`` is the period's label."""

    rule: str
    code: str
    subject: str
    period: str


class FormError(TypedDict):
    """One problem of a form document (``validate_form``): ``path`` (``"visitor.phone"``,
    ``"members[2].age"``, ``""`` for the document), ``code`` (one of
    ``FIELD_ERROR_CODES``), the messages in English and Chinese, and the rule ids."""

    path: str
    code: str
    message: str
    message_zh: str
    rule: str


class FormValidation(TypedDict):
    """The result of ``validate_form``: ``valid`` exactly when ``errors`` is empty."""

    valid: bool
    errors: list[FormError]


class FormField(TypedDict):
    """One field of a form (``form_fields``): its path (``[]`` for list items), Chinese
    label, English description, kind, whether it is required, and its rule ids."""

    path: str
    label_zh: str
    description: str
    kind: str
    required: bool
    rule: str


from liaison._liaison import (  # noqa: E402
    ERROR_CODES,
    FIELD_ERROR_CODES,
    FINDING_CODES,
    FORM_KINDS,
    RULES,
    Policy,
    Report,
    __version__,
    check,
    check_detailed,
    consequences,
    deadline,
    decide_vote,
    evaluate_batches,
    evaluate_register,
    feedback_status,
    form_fields,
    form_schema,
    generate_district,
    grade,
    is_rest_day,
    redact,
    validate_form,
)

# The native functions say they live here, where users find them (and pickle finds them).
for _function in (
    check,
    check_detailed,
    consequences,
    deadline,
    decide_vote,
    evaluate_batches,
    evaluate_register,
    feedback_status,
    form_fields,
    form_schema,
    generate_district,
    grade,
    is_rest_day,
    redact,
    validate_form,
):
    _function.__module__ = __name__
del _function

__all__ = [
    "ERROR_CODES",
    "FIELD_ERROR_CODES",
    "FINDING_CODES",
    "FORM_KINDS",
    "RULES",
    "Consequence",
    "FeedbackStatus",
    "Finding",
    "FormError",
    "FormField",
    "FormValidation",
    "LiaisonError",
    "Outcome",
    "Period",
    "PlantedFinding",
    "Policy",
    "Report",
    "Tally",
    "UnitGrade",
    "YearEvaluation",
    "__version__",
    "check",
    "check_detailed",
    "consequences",
    "deadline",
    "decide_vote",
    "evaluate_batches",
    "evaluate_register",
    "feedback_status",
    "form_fields",
    "form_schema",
    "generate_district",
    "grade",
    "is_rest_day",
    "redact",
    "validate_form",
]
