"""Type stubs of ``liaison``; checked against the runtime by ``python -m mypy.stubtest liaison``.

The shapes of answers and documents (``Finding``, ``Tally``, ``ReportDict``,
``FeedbackStatus``, ``Consequence``, ``FieldError``, ``Validation``, …) are generated from
the core's Rust types into ``liaison._types`` and re-exported here, never restated.
"""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, Literal, Optional, Protocol, Union, final, overload

from liaison._types import *
from liaison._types import (
    REQUEST_DEFAULTS as REQUEST_DEFAULTS,
    Agenda,
    Consequence,
    Draft,
    ExplainedOp,
    Explanation,
    FeedbackStatus as FeedbackStatus,
    FieldError,
    FieldInfo,
    Finding,
    FormKind,
    Grade,
    OperationInfo,
    Outcome,
    Planted,
    RuleInfo,
    Tally,
    UnitGrade,
    Validation,
    VoteOutcome,
)

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

__version__: str
ERROR_CODES: tuple[str, ...]
RULES: tuple[dict[str, str], ...]
FINDING_CODES: tuple[tuple[str, tuple[str, ...], str], ...]
FORM_KINDS: tuple[str, ...]
FIELD_ERROR_CODES: tuple[str, ...]

# The names the package used before the shapes were generated.
from liaison._types import FieldError as FormError
from liaison._types import FieldInfo as FormField
from liaison._types import Planted as PlantedFinding
from liaison._types import Validation as FormValidation

# A date: ISO text, `datetime.date`, a `datetime` or `pandas.Timestamp` at midnight, or a
# `numpy.datetime64` (typed `Any` so that the stubs need neither pandas nor NumPy).
_Date = Union[datetime.date, str, Any]
_Responsibility = Union[Responsibility, str, int]
_PolicyArg = Union["Policy", Mapping[str, Any], None]

class LiaisonError(ValueError):
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
    ) -> None: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

class LiaisonFileNotFoundError(LiaisonError, FileNotFoundError): ...

def call(
    op: str,
    request: Union[Mapping[str, Any], str],
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Any: ...
def operations() -> list[OperationInfo]: ...
@final
class Policy:
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self) -> None: ...
    @classmethod
    def banan_2008(cls) -> Policy: ...
    @classmethod
    def from_json(cls, json: str) -> Policy: ...
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy: ...
    @classmethod
    def load(cls, path: Union[str, os.PathLike[str]]) -> Policy: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

# Each of the four rules at the heart answers, with `explain=True`, its explanation.
@overload
def deadline(
    received: _Date,
    responsibility: _Responsibility,
    policy: _PolicyArg = None,
    *,
    explain: Literal[False] = False,
) -> datetime.date: ...
@overload
def deadline(
    received: _Date,
    responsibility: _Responsibility,
    policy: _PolicyArg = None,
    *,
    explain: Literal[True],
) -> Explanation: ...
@overload
def feedback_status(
    received: _Date,
    responsibility: _Responsibility,
    fed_back: Optional[_Date] = None,
    as_of: Optional[_Date] = None,
    policy: _PolicyArg = None,
    *,
    explain: Literal[False] = False,
) -> FeedbackStatus: ...
@overload
def feedback_status(
    received: _Date,
    responsibility: _Responsibility,
    fed_back: Optional[_Date] = None,
    as_of: Optional[_Date] = None,
    policy: _PolicyArg = None,
    *,
    explain: Literal[True],
) -> Explanation: ...
@overload
def decide_vote(
    approve: int,
    disapprove: int,
    abstain: int = 0,
    policy: _PolicyArg = None,
    present: Optional[int] = None,
    entitled: Optional[int] = None,
    *,
    explain: Literal[False] = False,
) -> VoteOutcome: ...
@overload
def decide_vote(
    approve: int,
    disapprove: int,
    abstain: int = 0,
    policy: _PolicyArg = None,
    present: Optional[int] = None,
    entitled: Optional[int] = None,
    *,
    explain: Literal[True],
) -> Explanation: ...
@overload
def grade(
    satisfied: int,
    basically_satisfied: int = 0,
    dissatisfied: int = 0,
    policy: _PolicyArg = None,
    *,
    explain: Literal[False] = False,
) -> Grade: ...
@overload
def grade(
    satisfied: int,
    basically_satisfied: int = 0,
    dissatisfied: int = 0,
    policy: _PolicyArg = None,
    *,
    explain: Literal[True],
) -> Explanation: ...
def explain(op: Union[ExplainedOp, str], request: Mapping[str, Any]) -> Explanation: ...

class _DataFrame(Protocol):
    """A pandas or polars DataFrame (read row by row as dicts)."""

    @property
    def columns(self) -> Any: ...

def consequences(
    years: Union[Iterable[Mapping[str, Any]], _DataFrame], policy: _PolicyArg = None
) -> list[Consequence]: ...
def is_rest_day(date: _Date, policy: _PolicyArg = None) -> bool: ...

# A dict in the JSON shape, a mapping of record type to DataFrame, Arrow table or list of
# dicts, or the path of a JSON file or a folder of CSV files.
_Dataset = Union[Mapping[str, Any], str, os.PathLike[str]]

@final
class Report:
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    @property
    def start(self) -> datetime.date: ...
    @property
    def end(self) -> datetime.date: ...
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def policy(self) -> str: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def by_rule(self) -> list[Tally]: ...
    @property
    def by_unit(self) -> list[Tally]: ...
    @property
    def grades(self) -> list[UnitGrade]: ...
    @property
    def records_not_judged(self) -> list[Outcome]: ...
    @property
    def provisional(self) -> bool: ...
    @property
    def outcomes(self) -> Optional[list[Outcome]]: ...
    @property
    def all_met(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...
    @classmethod
    def from_json(cls, json_text: str) -> Report: ...
    def findings_frame(self, library: Optional[str] = None) -> Any: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def check(
    dataset: _Dataset,
    start: _Date,
    end: _Date,
    as_of: _Date,
    policy: _PolicyArg = None,
    explain: bool = False,
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Report: ...
def check_detailed(
    dataset: _Dataset,
    start: _Date,
    end: _Date,
    as_of: _Date,
    policy: _PolicyArg = None,
    explain: bool = False,
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Report: ...
def agenda(
    dataset: _Dataset,
    as_of: _Date,
    horizon_days: int = ...,
    policy: _PolicyArg = None,
    *,
    encoding: Optional[str] = None,
    strict: bool = False,
) -> Agenda: ...
def generate_district(
    seed: Optional[int] = ...,
    towns: Optional[int] = ...,
    villages_per_town: Optional[int] = ...,
    households_per_village: Optional[int] = ...,
    first_year: Optional[int] = ...,
    years: Optional[int] = ...,
    policy: _PolicyArg = None,
) -> tuple[dict[str, Any], list[Planted]]: ...

# --- F1-F5 forms ---------------------------------------------------------------------

def validate_form(
    kind: Union[FormKind, str], data: Mapping[str, Any], policy: _PolicyArg = None
) -> Validation: ...
def form_schema(
    kind: Union[FormKind, str], draft: Union[Draft, str, None] = "2020-12"
) -> dict[str, Any]: ...
def redact(kind: Union[FormKind, str], data: Mapping[str, Any]) -> dict[str, Any]: ...
def form_fields(kind: Union[FormKind, str]) -> list[FieldInfo]: ...

# --- S5 over a whole register (Arrow) -------------------------------------------------

# Anything speaking the Arrow PyCapsule interface: a pyarrow Table, RecordBatch or
# RecordBatchReader, a polars DataFrame, a pandas DataFrame, a duckdb relation.
class _ArrowStream(Protocol):
    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...

class _ArrowArray(Protocol):
    def __arrow_c_array__(self, requested_schema: Any = None) -> Any: ...

_ArrowTable = Union[_ArrowStream, _ArrowArray]

def evaluate_register(
    table: _ArrowTable,
    as_of: _Date,
    policy: _PolicyArg = None,
    *,
    errors: str = "raise",
    received: str = "received",
    responsibility: str = "responsibility",
    fed_back: Optional[str] = "fed_back",
    keep: bool = False,
) -> Any:
    """A pandas ``DataFrame`` for a pandas one, a polars ``DataFrame`` for a polars one,
    else a ``pyarrow.Table`` (typed ``Any`` so that the stubs need no pyarrow)."""

def grade_table(
    table: _ArrowTable,
    policy: _PolicyArg = None,
    *,
    errors: str = "raise",
    satisfied: str = "satisfied",
    basically_satisfied: Optional[str] = "basically_satisfied",
    dissatisfied: Optional[str] = "dissatisfied",
    keep: bool = False,
) -> Any:
    """The ``grade`` column in the caller's library (pandas, polars or pyarrow)."""

def decide_vote_table(
    table: _ArrowTable,
    policy: _PolicyArg = None,
    *,
    errors: str = "raise",
    approve: str = "approve",
    disapprove: str = "disapprove",
    abstain: Optional[str] = "abstain",
    present: Optional[str] = None,
    entitled: Optional[str] = None,
    keep: bool = False,
) -> Any:
    """The ``outcome`` column in the caller's library (pandas, polars or pyarrow)."""

def evaluate_batches(
    batches: Union[_ArrowStream, _ArrowArray, Iterable[_ArrowTable]],
    as_of: _Date,
    policy: _PolicyArg = None,
    *,
    errors: str = "raise",
    received: str = "received",
    responsibility: str = "responsibility",
    fed_back: Optional[str] = "fed_back",
    keep: bool = False,
) -> Iterator[Any]:
    """``pyarrow.RecordBatch`` objects, one per input batch."""
