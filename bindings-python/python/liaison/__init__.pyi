"""Type stubs of ``liaison``; checked against the runtime by ``python -m mypy.stubtest liaison``."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, Literal, NamedTuple, Optional, Protocol, TypedDict, Union, final

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

__version__: str
ERROR_CODES: tuple[str, ...]
RULES: tuple[dict[str, str], ...]
FINDING_CODES: tuple[tuple[str, tuple[str, ...], str], ...]
FORM_KINDS: tuple[str, ...]
FIELD_ERROR_CODES: tuple[str, ...]

_Date = Union[datetime.date, str]
_Responsibility = Union[
    Literal["within_remit", "outside_remit", "unresolvable", "lead_unit"], str, int
]
_PolicyArg = Union["Policy", Mapping[str, Any], None]
_Status = Literal["on_time", "late", "open", "overdue"]
_VoteOutcome = Literal["adopted", "rejected", "not_adopted", "no_quorum"]
_Grade = Literal["excellent", "qualified", "undetermined", "unqualified"]
_Action = Literal["rectify", "resign"]
_Reason = Literal["dissatisfaction_over_half", "combined_unqualified", "unqualified_two_years"]

_OutcomeStatus = Literal["met", "not_met", "not_judged"]

class _DataFrame(Protocol):
    """A pandas or polars DataFrame (read row by row as dicts)."""

    @property
    def columns(self) -> Any: ...

class LiaisonError(ValueError):
    code: str
    message_zh: str
    field: Optional[str]
    def __init__(
        self, message: str, code: str, message_zh: str, field: Optional[str] = None
    ) -> None: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

class FeedbackStatus(NamedTuple):
    deadline: datetime.date
    status: _Status
    days: int

class Consequence(TypedDict):
    year: int
    action: _Action
    reason: _Reason

class _YearEvaluationRequired(TypedDict):
    year: int
    satisfied: int

class YearEvaluation(_YearEvaluationRequired, total=False):
    basically_satisfied: int
    dissatisfied: int
    combined: Optional[_Grade]

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
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def deadline(
    received: _Date, responsibility: _Responsibility, policy: _PolicyArg = None
) -> datetime.date: ...
def feedback_status(
    received: _Date,
    responsibility: _Responsibility,
    fed_back: Optional[_Date] = None,
    as_of: Optional[_Date] = None,
    policy: _PolicyArg = None,
) -> FeedbackStatus: ...
def decide_vote(
    approve: int,
    disapprove: int,
    abstain: int = 0,
    policy: _PolicyArg = None,
    present: Optional[int] = None,
    entitled: Optional[int] = None,
) -> _VoteOutcome: ...
def grade(
    satisfied: int,
    basically_satisfied: int = 0,
    dissatisfied: int = 0,
    policy: _PolicyArg = None,
) -> _Grade: ...
def consequences(
    years: Union[Iterable[Mapping[str, Any]], _DataFrame], policy: _PolicyArg = None
) -> list[Consequence]: ...
def is_rest_day(date: _Date, policy: _PolicyArg = None) -> bool: ...

class Period(TypedDict):
    start: datetime.date
    end: datetime.date
    label: str

class Finding(TypedDict):
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
    key: str
    judged: int
    met: int
    not_met: int
    not_judged: int
    rate_permille: Optional[int]

class UnitGrade(TypedDict):
    unit: str
    year: int
    ballot: _Grade
    combined: _Grade

class Outcome(TypedDict):
    rule: str
    unit: str
    subject: str
    period: Period
    status: _OutcomeStatus

class PlantedFinding(TypedDict):
    rule: str
    code: str
    subject: str
    period: str

# A dict in the JSON shape, a mapping of record type to DataFrame, Arrow table or list of
# dicts, or the path of a JSON file or a folder of CSV files.
_Dataset = Union[Mapping[str, Any], str, os.PathLike[str]]

@final
class Report:
    __hash__: ClassVar[None]  # type: ignore[assignment]
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
    def outcomes(self) -> Optional[list[Outcome]]: ...
    @property
    def all_met(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...
    @classmethod
    def from_json(cls, json: str) -> Report: ...
    def findings_frame(self) -> Any: ...
    def __len__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def check(
    dataset: _Dataset,
    start: _Date,
    end: _Date,
    as_of: _Date,
    policy: _PolicyArg = None,
) -> Report: ...
def check_detailed(
    dataset: _Dataset,
    start: _Date,
    end: _Date,
    as_of: _Date,
    policy: _PolicyArg = None,
) -> Report: ...
def generate_district(
    seed: Optional[int] = 2008,
    towns: Optional[int] = 2,
    villages_per_town: Optional[int] = 3,
    households_per_village: Optional[int] = 8,
    first_year: Optional[int] = 2023,
    years: Optional[int] = 3,
    policy: _PolicyArg = None,
) -> tuple[dict[str, Any], list[PlantedFinding]]: ...

# --- F1-F5 forms ---------------------------------------------------------------------

_FormKind = Literal[
    "reception_record", "assignment_slip", "visit_diary", "register_entry", "feedback_slip"
]

class FormError(TypedDict):
    path: str
    code: str
    message: str
    message_zh: str
    rule: str

class FormValidation(TypedDict):
    valid: bool
    errors: list[FormError]

class FormField(TypedDict):
    path: str
    label_zh: str
    description: str
    kind: str
    required: bool
    rule: str

def validate_form(
    kind: Union[_FormKind, str], data: Mapping[str, Any], policy: _PolicyArg = None
) -> FormValidation: ...
def form_schema(kind: Union[_FormKind, str]) -> dict[str, Any]: ...
def redact(kind: Union[_FormKind, str], data: Mapping[str, Any]) -> dict[str, Any]: ...
def form_fields(kind: Union[_FormKind, str]) -> list[FormField]: ...

# --- S5 over a whole register (Arrow) -------------------------------------------------

# Anything speaking the Arrow PyCapsule interface: a pyarrow Table, RecordBatch or
# RecordBatchReader, a polars DataFrame, a pandas DataFrame, a duckdb relation.
class _ArrowStream(Protocol):
    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...

class _ArrowArray(Protocol):
    def __arrow_c_array__(self, requested_schema: Any = None) -> Any: ...

_ArrowTable = Union[_ArrowStream, _ArrowArray]
_Errors = Literal["raise", "column"]

def evaluate_register(
    table: _ArrowTable,
    as_of: _Date,
    policy: _PolicyArg = None,
    *,
    errors: _Errors = "raise",
    received: str = "received",
    responsibility: str = "responsibility",
    fed_back: Optional[str] = "fed_back",
    keep: bool = False,
) -> Any:
    """A ``pyarrow.Table`` (typed ``Any`` so that the stubs need no pyarrow)."""

def evaluate_batches(
    batches: Union[_ArrowStream, _ArrowArray, Iterable[_ArrowTable]],
    as_of: _Date,
    policy: _PolicyArg = None,
    *,
    errors: _Errors = "raise",
    received: str = "received",
    responsibility: str = "responsibility",
    fed_back: Optional[str] = "fed_back",
    keep: bool = False,
) -> Iterator[Any]:
    """``pyarrow.RecordBatch`` objects, one per input batch."""
