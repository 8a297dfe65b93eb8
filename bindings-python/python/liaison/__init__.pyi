"""Type stubs of ``liaison``; checked against the runtime by ``python -m mypy.stubtest liaison``."""

import datetime
import os
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Literal, NamedTuple, Optional, Protocol, TypedDict, Union, final

__all__ = [
    "ERROR_CODES",
    "Consequence",
    "FeedbackStatus",
    "LiaisonError",
    "Policy",
    "YearEvaluation",
    "__version__",
    "consequences",
    "deadline",
    "decide_vote",
    "feedback_status",
    "grade",
    "is_rest_day",
]

__version__: str
ERROR_CODES: tuple[str, ...]

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
