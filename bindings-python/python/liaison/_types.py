"""The shapes of liaison's contract as Python types, generated from its Rust types by
``liaison::api::schema::python::python_stubs()``. Do not edit: ``core/tests/generated.rs``
fails when this file differs, and writes it with LIAISON_UPDATE_GENERATED=1."""

from __future__ import annotations

import datetime
from typing import Any, Literal, NamedTuple, Optional, TypedDict, Union

__all__ = [
    "Action",
    "Agenda",
    "AgendaItem",
    "AgendaRequest",
    "AgendaState",
    "Aid",
    "AssistanceYears",
    "BasicallySatisfiedAs",
    "BeyondCalendar",
    "CalendarYear",
    "CheckRequest",
    "Commitment",
    "CommitmentBy",
    "CommitmentItem",
    "CommitmentKind",
    "Committee",
    "Consequence",
    "ConsequencesRequest",
    "Counted",
    "Dataset",
    "DatasetOrPath",
    "DayCount",
    "DeadlineRequest",
    "DecideVoteRequest",
    "Deed",
    "District",
    "Draft",
    "ErrorCodeInfo",
    "ErrorDict",
    "EvaluateRowRequest",
    "Evaluation",
    "EventKind",
    "ExplainRequest",
    "ExplainedOp",
    "Explanation",
    "FeedbackStatus",
    "FeedbackStatusRequest",
    "FieldCode",
    "FieldError",
    "FieldInfo",
    "Finding",
    "FindingCodeInfo",
    "FormKind",
    "FormKindInfo",
    "FormRequest",
    "FormSchemaRequest",
    "GenerateDistrictRequest",
    "Grade",
    "GradeRequest",
    "Household",
    "HouseholdEvent",
    "Implementation",
    "IsRestDayRequest",
    "Level",
    "Link",
    "LinkKind",
    "Loc",
    "LocItem",
    "Meeting",
    "NoRequest",
    "OperationInfo",
    "Opinion",
    "Outcome",
    "OutcomeStatus",
    "Pairing",
    "PartialYears",
    "Period",
    "Person",
    "Place",
    "Planted",
    "PolicyDict",
    "PolicyRequest",
    "Reason",
    "Reception",
    "RedactRequest",
    "ReportDict",
    "Responsibility",
    "RestPeriod",
    "Role",
    "RuleInfo",
    "Status",
    "Step",
    "Tally",
    "Term",
    "Threshold",
    "Unit",
    "UnitGrade",
    "ValidateFormRequest",
    "Validation",
    "Visit",
    "VoteBase",
    "VoteOutcome",
    "YearEvaluation",
    "REQUEST_DEFAULTS",
]

# What the upper Party organisation must do.
Action = Union[Literal["rectify"], Literal["resign"]]

# Where an item stands on `as_of`.
AgendaState = Union[Literal["open"], Literal["due_soon"], Literal["late"]]

# Which years the S4.2–S4.5 yearly obligations of a link or pairing run in (A17).
AssistanceYears = Union[Literal["anniversary"], Literal["calendar"]]

# Where "basically satisfied" ballots count in the satisfaction shares (A6).
BasicallySatisfiedAs = Union[Literal["neither"], Literal["satisfied"], Literal["dissatisfied"]]

# What a deadline that needs a day beyond the calendar's last covered year gets (A24).
BeyondCalendar = Union[Literal["not_covered"], Literal["weekends"]]

# Who must make the S3.2 commitments (A21).
CommitmentBy = Union[Literal["each_committee"], Literal["joint"]]

# Annual or term commitment (S3.2).
CommitmentKind = Union[Literal["annual"], Literal["term"]]

# Which of the two committees (两委会) a commitment is made by (S3.1).
Committee = Union[Literal["party"], Literal["villagers"]]

# A dataset, or the path of one where the host reads files (the CLI and Python). Only its schema is used: the operation reads the document itself, so that its errors keep their codes and places.
DatasetOrPath = Union[str, "Dataset"]

# How the "1234" time limits count days (A2).
DayCount = Union[Literal["calendar"], Literal["working"]]

# The JSON Schema draft of a form schema.
Draft = Union[Literal["2020-12"], Literal["07"]]

# The five events of S2.4 (五必访).
EventKind = Union[Literal["serious_illness"], Literal["hospital"], Literal["wedding_or_funeral"], Literal["accident"], Literal["disaster"]]

# The operations `explain` explains.
ExplainedOp = Union[Literal["deadline"], Literal["feedback_status"], Literal["decide_vote"], Literal["grade"]]

# The code of a [`super::FieldError`]: stable snake_case, the same in every language.
FieldCode = Union[Literal["required"], Literal["unknown_field"], Literal["invalid_type"], Literal["invalid_date"], Literal["invalid_phone"], Literal["date_order"], Literal["out_of_range"], Literal["invalid_amount"], Literal["invalid_choice"], Literal["invalid_serial"], Literal["deadline_mismatch"], Literal["calendar_not_covered"], Literal["closed_incomplete"], Literal["inconsistent"], Literal["too_long"]]

# The five forms.
FormKind = Union[Literal["reception_record"], Literal["assignment_slip"], Literal["visit_diary"], Literal["register_entry"], Literal["feedback_slip"]]

# A grade of S3.7: its name (written in answers) or its Chinese label.
Grade = Union[Union[Literal["unqualified"], Literal["undetermined"], Literal["qualified"], Literal["excellent"]], Union[Literal["不合格"], Literal["未定"], Literal["合格"], Literal["优秀"]]]

# The level of a unit (区 · 镇（街） · 村（社区）), or an organisation that gives help (S4).
Level = Union[Literal["district"], Literal["town"], Literal["village"], Literal["community"], Literal["organisation"]]

# The kinds of assistance link (S4.2, S4.4, S4.5).
LinkKind = Union[Literal["branch_link"], Literal["industry_village"], Literal["mass_organisation"]]

# The place an error concerns, outermost first: `["visits", 3, "household"]`, `["visits.csv", 5, "household"]`, `["row", 17, "responsibility"]`; empty for the input as a whole. Written as `visits[3].household` in messages.
Loc = list["LocItem"]

# One step of a [`Loc`]: a key (a parameter, a field, a file name) or an index (a list position, or a line number in a CSV file, the header being line 1).
LocItem = Union[int, str]

# How one judged (or not judged) period came out.
OutcomeStatus = Union[Literal["met"], Literal["not_met"], Literal["not_judged"]]

# How a yearly obligation is judged for a year its subject covers only in part (A16).
PartialYears = Union[Literal["prorate"], Literal["whole_only"]]

# Where a reception took place (S1.5).
Place = Union[Literal["reception_office"], Literal["service_centre"], Literal["market"], Literal["field"], Literal["scene"], Literal["other"]]

# Why the action follows.
Reason = Union[Literal["dissatisfaction_over_half"], Literal["combined_unqualified"], Literal["unqualified_two_years"]]

# A "1234" class of S5: its name (written in answers), its Chinese label, or its digit 1-4 as a number or a text.
Responsibility = Union[Union[Literal["within_remit"], Literal["outside_remit"], Literal["unresolvable"], Literal["lead_unit"]], Union[Literal["职责内"], Literal["职责外"], Literal["不能解决"], Literal["牵头解决"]], Union[Literal["1"], Literal["2"], Literal["3"], Literal["4"]], int]

# A committee role (S1, S2).
Role = Union[Literal["secretary"], Literal["member"]]

# Where an opinion stands against its deadline.
Status = Union[Literal["on_time"], Literal["late"], Literal["open"], Literal["overdue"]]

# What the shares of a commitment vote are taken of (A5).
VoteBase = Union[Literal["ballots"], Literal["present"], Literal["entitled"]]

# The outcome of a vote on one commitment item.
VoteOutcome = Union[Literal["adopted"], Literal["rejected"], Literal["not_adopted"], Literal["no_quorum"]]


class Agenda(TypedDict):
    """The agenda of a district on a day."""

    # The day the records were taken.
    as_of: datetime.date
    # Days ahead looked at.
    horizon_days: int
    # The last day looked at: `as_of` + `horizon_days`.
    until: datetime.date
    # Every item, by due day.
    items: list[AgendaItem]
    # The records the agenda could not judge, each named with its reason (an opinion whose deadline the holiday calendar does not cover, a vote without attendance…): nothing is left out without a word.
    records_not_judged: list[Outcome]


class AgendaItem(TypedDict):
    """One thing owed."""

    # The rule id.
    rule: str
    # The finding it becomes if it is not done (`too_few_receptions`, `feedback_overdue`…).
    code: str
    # The unit responsible.
    unit: str
    # The person, household, event, opinion, link, pairing, unit or committee concerned.
    subject: str
    # The period of the obligation.
    period: Period
    # The last day to do it.
    due: datetime.date
    # Days from `as_of` to `due`: negative when late.
    days_left: int
    # Open, due soon or late.
    state: AgendaState
    # What the rule asks in the period (receptions, visits, meetings, deeds, fen, …).
    expected: int
    # What was done by `as_of`.
    actual: int
    # What is still owed, in English (`1 reception of at least 240 minutes`).
    owed: str
    # What is still owed, in Chinese.
    owed_zh: str
    # A24: the due day rests on a guess beyond the holiday calendar.
    provisional: bool


class _AgendaRequestRequired(TypedDict):
    # The records.
    dataset: DatasetOrPath
    # The day the records were taken: today.
    as_of: str


class AgendaRequest(_AgendaRequestRequired, total=False):
    """`agenda`: what falls due within a horizon, and what is already late."""

    # Days ahead to look (14).
    horizon_days: int
    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class Aid(TypedDict):
    """Help given under a pairing, in fen (S4.3)."""

    # The pairing.
    pairing: str
    # Day given.
    date: str
    # Amount in fen (1 yuan = 100 fen).
    amount_fen: int


class _CalendarYearRequired(TypedDict):
    # The year the notice is for; it covers every date of that calendar year.
    year: int


class CalendarYear(_CalendarYearRequired, total=False):
    """The yearly notice that sets one year's holidays."""

    # Document number, e.g. 国办发明电〔2007〕40号.
    doc_no: Optional[str]
    # Title of the notice.
    notice: str
    # Date the notice was published.
    published: Optional[str]
    # Holiday periods (they may start in the previous year).
    rest_days: list[RestPeriod]
    # Weekend days made working days (调休上班).
    working_days: list[str]


class _CheckRequestRequired(TypedDict):
    # The records.
    dataset: DatasetOrPath
    # First day of the judged range.
    start: str
    # Last day of the judged range (included).
    end: str
    # The day the records were taken.
    as_of: str


class CheckRequest(_CheckRequestRequired, total=False):
    """`check` and `check_detailed`: S1–S5 over a district's records."""

    # Whether each finding lists the records it counted (ids, dates and amounts only).
    explain: bool
    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class _CommitmentRequired(TypedDict):
    # Unique id.
    id: str
    # The village or community.
    unit: str
    # The year it is for (the first year for a term commitment).
    year: int
    # Annual or term.
    kind: CommitmentKind


class Commitment(_CommitmentRequired, total=False):
    """A commitment of a village committee and the dates of its six steps (S3.2–S3.6)."""

    # Approval by the town Party committee and government.
    approved: Optional[str]
    # The committee that commits (S3.1): `party` or `villagers`. A commitment naming none is credited to neither committee (`missing_committee`) unless the policy takes one joint commitment (A21).
    committee: Optional[Committee]
    # The items voted on.
    items: list[CommitmentItem]
    # 提出初诺.
    proposed: Optional[str]
    # 公开承诺: made public.
    published: Optional[str]
    # 民主定诺: the vote.
    voted: Optional[str]


class _CommitmentItemRequired(TypedDict):
    # Id of the item within the commitment.
    id: str
    # Approving ballots.
    approve: int
    # Disapproving ballots.
    disapprove: int
    # Listed in the commitment letter.
    listed: bool


class CommitmentItem(_CommitmentItemRequired, total=False):
    """The vote on one proposed item (S3.5) and whether it was listed."""

    # Abstentions.
    abstain: int
    # Persons entitled to vote (A5, A15); as `present`.
    entitled: Optional[int]
    # Persons present at the vote (A5, A15); needed when the policy sets a quorum or takes the shares of those present or entitled.
    present: Optional[int]


class Consequence(TypedDict):
    """One consequence for one year."""

    # The year whose evaluation calls for it.
    year: int
    # What must be done.
    action: Action
    # Why.
    reason: Reason


class _ConsequencesRequestRequired(TypedDict):
    # One evaluation a year.
    years: list[YearEvaluation]


class ConsequencesRequest(_ConsequencesRequestRequired, total=False):
    """`consequences`: S3.8, what follows from a committee's year-end evaluations."""

    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class _CountedRequired(TypedDict):
    # `reception`, `visit`, `meeting`, `deed` or `aid`.
    record: str
    # Its day.
    date: datetime.date
    # The ids it names (the person; the person and the household; the link; the pairing).
    ids: list[str]


class Counted(_CountedRequired, total=False):
    """One record a finding counted: what it is, its day, the ids it names and, for aid, its amount in fen."""

    # Aid: the amount in fen.
    amount_fen: Optional[int]


class Dataset(TypedDict, total=False):
    """Everything a district recorded. Every list may be empty or left out."""

    # Aid under pairings.
    aid: list[Aid]
    # Commitments (S3.2–S3.5).
    commitments: list[Commitment]
    # Deeds under links.
    deeds: list[Deed]
    # Year-end evaluations (S3.7).
    evaluations: list[Evaluation]
    # Events of S2.4.
    household_events: list[HouseholdEvent]
    # Village households.
    households: list[Household]
    # How towns and departments implemented the notice (N.1–N.3).
    implementations: list[Implementation]
    # Assistance links (S4.2, S4.4, S4.5).
    links: list[Link]
    # Analysis meetings (S2.6).
    meetings: list[Meeting]
    # Opinions (S5).
    opinions: list[Opinion]
    # Pairings (S4.3).
    pairings: list[Pairing]
    # Committee members.
    people: list[Person]
    # Receptions (S1).
    receptions: list[Reception]
    # Village committee terms.
    terms: list[Term]
    # Party organisations.
    units: list[Unit]
    # Household visits (S2).
    visits: list[Visit]


class _DeadlineRequestRequired(TypedDict):
    # The day the responsible organisation received the matter (A13).
    received: str
    # The "1234" class: a name, a digit 1–4 or a Chinese label.
    responsibility: Responsibility


class DeadlineRequest(_DeadlineRequestRequired, total=False):
    """`deadline`: S5.1–S5.4, the last day a matter may be finished and fed back."""

    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class _DecideVoteRequestRequired(TypedDict):
    # Approving ballots.
    approve: int
    # Disapproving ballots.
    disapprove: int


class DecideVoteRequest(_DecideVoteRequestRequired, total=False):
    """`decide_vote`: S3.5, the outcome of the vote on one proposed item."""

    # Abstentions.
    abstain: int
    # Persons entitled to attend (A5, A15), with `present`.
    entitled: Optional[int]
    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]
    # Persons present (A5, A15), with `entitled`.
    present: Optional[int]


class Deed(TypedDict):
    """A practical deed (办实事、好事) done under a link."""

    # The link.
    link: str
    # Day it was done.
    date: str


class District(TypedDict):
    """A synthetic district and the violations planted in it."""

    # The records.
    dataset: Dataset
    # The findings `check` must report, and no others.
    planted: list[Planted]


class ErrorCodeInfo(TypedDict):
    """One code of an error."""

    # The code (`invalid_date`).
    code: str
    # The HTTP status `liaison serve` answers it with.
    http_status: int


class _ErrorDictRequired(TypedDict):
    code: Union[Literal["calendar_not_covered"], Literal["date_out_of_range"], Literal["invalid_date"], Literal["invalid_count"], Literal["invalid_responsibility"], Literal["invalid_grade"], Literal["no_ballots"], Literal["feedback_before_receipt"], Literal["as_of_before_receipt"], Literal["as_of_required"], Literal["attendance_required"], Literal["invalid_attendance"], Literal["duplicate_year"], Literal["invalid_input"], Literal["invalid_json"], Literal["invalid_records"], Literal["unknown_reference"], Literal["duplicate_id"], Literal["range_too_long"], Literal["invalid_period"], Literal["after_as_of"], Literal["file_not_found"], Literal["io_error"], Literal["not_a_file"], Literal["too_large"], Literal["invalid_policy"], Literal["invalid_calendar"], Literal["internal_error"], Literal["unknown_operation"], Literal["timeout"], Literal["overloaded"], Literal["method_not_allowed"]]
    # English; shows no personal data.
    message: str
    # Chinese; shows no personal data.
    message_zh: str
    loc: Loc


class ErrorDict(_ErrorDictRequired, total=False):
    """A bad input: a stable code, messages in English and Chinese, and the place it concerns."""

    # The problems an `invalid_records` error gathers, each with its place.
    errors: list[ErrorDict]
    # The rule id, where one applies.
    rule: str


class _EvaluateRowRequestRequired(TypedDict):
    # The day the matter was received.
    received: str
    # The "1234" class.
    responsibility: Responsibility
    # The day the register was taken.
    as_of: str


class EvaluateRowRequest(_EvaluateRowRequestRequired, total=False):
    """`evaluate_row`: S5 for one row of a register (form F4), as `evaluate_register` does for every row: the status on `as_of`, the day the register was taken."""

    # The day it was fed back, if it was.
    fed_back: Optional[str]
    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class _EvaluationRequired(TypedDict):
    # The village or community.
    unit: str
    # The year evaluated.
    year: int
    # Satisfied ballots.
    satisfied: int


class Evaluation(_EvaluationRequired, total=False):
    """A year-end evaluation (S3.7)."""

    # Basically satisfied ballots.
    basically_satisfied: int
    # The combined evaluation (综合考评结果). When absent, the parts of S3.8 that rest on it are not judged (`missing_combined`), never read from the ballot, unless the policy says so (A23).
    combined: Optional[Grade]
    # Dissatisfied ballots.
    dissatisfied: int


class ExplainRequest(TypedDict):
    """`explain`: an operation's answer with the steps that reach it."""

    # The operation.
    op: ExplainedOp
    # Its request, as the operation takes it.
    request: Any


class Explanation(TypedDict):
    """A result and how it was reached."""

    # The answer of the operation, as it answers without an explanation.
    answer: Any
    # The steps, in the order they were taken.
    steps: list[Step]


class FeedbackStatus(NamedTuple):
    """The deadline of an opinion and where it stands."""

    # The last day on which the matter may be finished and fed back.
    deadline: datetime.date
    # On time, late, open or overdue.
    status: Status
    # Days to spare (`on_time`), days late (`late`), days left (`open`) or days overdue (`overdue`): never negative.
    days: int


class _FeedbackStatusRequestRequired(TypedDict):
    # The day the matter was received.
    received: str
    # The "1234" class.
    responsibility: Responsibility


class FeedbackStatusRequest(_FeedbackStatusRequestRequired, total=False):
    """`feedback_status`: S5.1–S5.6, the deadline and where the matter stands."""

    # The day the records were taken; required without `fed_back`.
    as_of: Optional[str]
    # The day it was fed back, if it was.
    fed_back: Optional[str]
    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class FieldError(TypedDict):
    """One problem of a form document."""

    # Where: `["visitor", "phone"]`, `["members", 2, "age"]`; `[]` for the document itself.
    loc: Loc
    # What: one of [`FIELD_ERROR_CODES`].
    code: FieldCode
    # In English, naming the field only (never a value typed into it).
    message: str
    # In Chinese, naming the field by its labels on the paper form.
    message_zh: str
    # The rule ids (`F1`, `S1.8`, `S2.5`, `S5.1 A1 A2`, …), space-separated.
    rule: str


class FieldInfo(TypedDict):
    """One field of a form, as listed by [`form_fields`]."""

    # The path, with `[]` for the items of a list: `visitor.phone`, `members[].age`.
    path: str
    # The Chinese label as printed on the paper form.
    label_zh: str
    # What the field holds, in English.
    description: str
    # `text`, `name`, `address`, `phone`, `date`, `integer`, `money`, `area`, `flag`, `choice`, `serial`, `responsibility`, `object` or `list`.
    kind: str
    # Whether the field is required (inside its group or list item).
    required: bool
    # The rule ids it comes from.
    rule: str


class _FindingRequired(TypedDict):
    # Rule id of the catalogue (`docs/rules.md`: `S1.3`, `S5.1`, …).
    rule: str
    # Stable snake_case code of the shortfall (`too_few_receptions`, …).
    code: str
    # The unit responsible.
    unit: str
    # The id of the person, household, opinion, link, pairing or unit concerned.
    subject: str
    # The period judged.
    period: Period
    # What the rule asks (a count, days or fen; see the code's documentation).
    expected: int
    # What was recorded.
    actual: int
    # English message (ids only, never personal data).
    message: str
    # Chinese message.
    message_zh: str


class Finding(_FindingRequired, total=False):
    """One shortfall: who fell short of which rule, in which period, by how much."""

    # The records counted for `actual` — ids, dates and amounts only — when the check was asked to explain its findings (`explain`); none otherwise.
    counted: Optional[list[Counted]]
    # A24: judged with rest days guessed beyond the holiday calendar (Saturdays and Sundays only), to be confirmed once the State Council's notice for that year is added.
    provisional: bool


class FindingCodeInfo(TypedDict):
    """One code of a finding of `check`."""

    # The code (`too_few_receptions`).
    code: str
    # The rule ids it is used for.
    rules: list[str]
    # What a finding's `expected` and `actual` hold.
    meaning: str


class FormKindInfo(TypedDict):
    """One of the five forms."""

    # The kind (`reception_record`).
    kind: str
    # The rule id (`F1`).
    rule: str
    # The title printed on the paper form.
    label_zh: str
    # The title in English.
    title: str
    # The attachment (附件) number of the notice.
    attachment: int


class FormRequest(TypedDict):
    """`form_fields`: one form."""

    # Which form.
    kind: FormKind


class _FormSchemaRequestRequired(TypedDict):
    # Which form.
    kind: FormKind


class FormSchemaRequest(_FormSchemaRequestRequired, total=False):
    """`form_schema`: the JSON Schema of one form."""

    # The JSON Schema draft: `2020-12` (the default, also when `null`) or `07`.
    draft: Optional[Draft]


class GenerateDistrictRequest(TypedDict, total=False):
    """`generate_district`: a synthetic district with planted violations."""

    # First year of the records (2023).
    first_year: int
    # Households per village (8).
    households_per_village: int
    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]
    # Seed of the pseudo-random choices (2008).
    seed: int
    # Towns (2).
    towns: int
    # Villages or communities per town (3).
    villages_per_town: int
    # Years of records, 1 to 3 (3).
    years: int


class _GradeRequestRequired(TypedDict):
    # Satisfied ballots.
    satisfied: int


class GradeRequest(_GradeRequestRequired, total=False):
    """`grade`: S3.7, the grade of a satisfaction ballot."""

    # "Basically satisfied" ballots.
    basically_satisfied: int
    # Dissatisfied ballots.
    dissatisfied: int
    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class _HouseholdRequired(TypedDict):
    # Unique id.
    id: str
    # Its village or community.
    unit: str


class Household(_HouseholdRequired, total=False):
    """A household of a village or community (S2.3, S2.4, S4.3)."""

    # Has members working away (外出人员, S2.5).
    away: bool
    # A focus household of S2.1 (困难户, 上访户, 致富能人, 老党员, 老干部).
    focus: bool
    # The committee member it is assigned to (S2.3); none when unassigned.
    member: Optional[str]
    # Poor (贫困群众, S4.1, S4.3).
    poor: bool


class HouseholdEvent(TypedDict):
    """A household event the village secretary must visit (S2.4)."""

    # Unique id.
    id: str
    # The household.
    household: str
    # Which of the five.
    kind: EventKind
    # Day of the event.
    date: str


class _ImplementationRequired(TypedDict):
    # The town, street or department (organisation); one record each.
    unit: str


class Implementation(_ImplementationRequired, total=False):
    """How a town, street or department implemented the notice itself (N.1–N.3)."""

    # N.3: the named clerk (具体经办人): an id, as for any person.
    clerk: Optional[str]
    # N.3: the leader in charge, directly responsible (直接责任人): a person of the unit.
    directly_responsible: Optional[str]
    # N.3: the person first responsible (第一责任人): the unit's Party secretary.
    first_responsible: Optional[str]
    # N.1: the day the five systems were fully in force (全面贯彻落实); none when not yet.
    implemented: Optional[str]
    # N.2: the day the electronic copy was sent over the Party/government network.
    report_electronic: Optional[str]
    # N.2: the day the written report reached the Organisation Department; none when not yet.
    report_written: Optional[str]


class _IsRestDayRequestRequired(TypedDict):
    # The day.
    date: str


class IsRestDayRequest(_IsRestDayRequestRequired, total=False):
    """`is_rest_day`: A2, whether a day is a rest day of the holiday calendar."""

    # The policy (its calendar); Banan 2008 when absent.
    policy: Optional[PolicyDict]


# A helping organisation linked with a grassroots Party organisation.
Link = TypedDict("Link", {"id": str, "kind": "LinkKind", "helper": str, "unit": str, "from": str, "to": Optional[str]}, total=False)


class Meeting(TypedDict):
    """A monthly public-opinion analysis meeting (S2.6)."""

    # The grassroots organisation.
    unit: str
    # Day of the meeting.
    date: str


class NoRequest(TypedDict):
    """The catalogues: no parameter."""

    pass


class OperationInfo(TypedDict):
    """One operation of the contract."""

    # The name (`deadline`); JS functions take its camelCase form (`feedbackStatus`).
    name: str
    # The parameters in positional order: the request's keys.
    params: list[str]
    # The rule ids it decides.
    rule: str
    # What it answers.
    summary: str


class _OpinionRequired(TypedDict):
    # Unique id (the register's serial number).
    id: str
    # The organisation responsible (for S5.2 the one up, A13).
    unit: str
    # Day the responsible organisation received it (A13).
    received: str
    # "1234" class.
    responsibility: Responsibility


class Opinion(_OpinionRequired, total=False):
    """An opinion of the public (S5, form F4)."""

    # Closed in the register (是否销号).
    closed: bool
    # Day fed back to the reporter.
    fed_back: Optional[str]
    # The "finish and reply by" day promised on the assignment slip (F2: 望在…前办理完毕), if any; it may be earlier than the limit, never later (S5.1–S5.4: "10天内" is a maximum).
    promised: Optional[str]
    # Whether a result is recorded (办理结果).
    result: bool


class _OutcomeRequired(TypedDict):
    # Rule id.
    rule: str
    # The unit responsible.
    unit: str
    # The subject's id.
    subject: str
    # The period.
    period: Period
    # Met, not met or not judged.
    status: OutcomeStatus


class Outcome(_OutcomeRequired, total=False):
    """One judgement of [`check_detailed`](super::check_detailed): every period of every subject, met or not, for grids and audits."""

    # A24: judged with rest days guessed beyond the holiday calendar.
    provisional: bool
    # Why it was not judged (a code of [`NOT_JUDGED_REASONS`](super::NOT_JUDGED_REASONS)); none when judged.
    reason: Optional[str]


# One or more Party members paired with a poor household (S4.3).
Pairing = TypedDict("Pairing", {"id": str, "household": str, "from": str, "to": Optional[str]}, total=False)


class Period(TypedDict):
    """A period judged by a rule, both ends included."""

    # First day.
    start: datetime.date
    # Last day.
    end: datetime.date
    # `2009`, `2009-02`, `2009-W53`, or `2008-09-25..2008-10-06`.
    label: str


# A committee member and their time in office.
Person = TypedDict("Person", {"id": str, "unit": str, "role": "Role", "from": str, "standing_committee": bool, "to": Optional[str]}, total=False)


class Planted(TypedDict):
    """A finding the check must report: rule, code, subject and the period's label."""

    # Rule id.
    rule: str
    # Finding code.
    code: str
    # Subject id.
    subject: str
    # Period label.
    period: str


class PolicyDict(TypedDict, total=False):
    """The parameters of every rule. Field docs name the rule id each comes from."""

    # S2.6: public-opinion analysis meetings a month in each grassroots organisation (1).
    analysis_meetings_per_month: int
    # S3.2, A12: day of the month by which the annual commitment is made (31).
    annual_commitment_by_day: int
    # S3.2, A12: month of the day by which the annual commitment is made (1).
    annual_commitment_by_month: int
    # S4.2–S4.5, A17: the years a link's or pairing's yearly obligation runs in (`anniversary`: its own years from its first day).
    assistance_years: AssistanceYears
    # A6: where "basically satisfied" ballots count (neither).
    basically_satisfied_as: BasicallySatisfiedAs
    # A24: what a day after the calendar's last covered year is (`not_covered`).
    beyond_calendar: BeyondCalendar
    # S4.2: practical deeds a year by a linked branch (2).
    branch_link_deeds_per_year: int
    # A2: whether the built-in calendar (State Council notices 2007–2026) is used (true).
    calendar_builtin: bool
    # A2: calendar years that extend the built-in calendar or replace its years.
    calendar_years: list[CalendarYear]
    # S3.1, S3.2, A21: whether each committee commits (`each_committee`) or one joint commitment suffices (`joint`).
    commitment_by: CommitmentBy
    # A1: whether the day of receipt is day 1 (false: counting starts the next day).
    count_receipt_day: bool
    # A2: calendar days or working days.
    day_count: DayCount
    # S2.1: household visits a year by a district leader (2).
    district_leader_visits_per_year: int
    # S1.1: receptions a year by the district Party secretary (2).
    district_secretary_receptions_per_year: int
    # S5: an open opinion due within this many working days is due soon (临期) on the agenda (3).
    due_soon_working_days: int
    # S3.7: satisfied share that makes it excellent, "超过90%" (> 90%).
    grade_excellent: Threshold
    # S3.7: satisfied share that makes it qualified, "达到70%" (≥ 70%).
    grade_qualified: Threshold
    # S3.7: dissatisfied share that makes a committee unqualified, "超过30%" (> 30%).
    grade_unqualified: Threshold
    # N.1, A25: the last day by which each town/street implements the five systems ("今年12月20日前": 2008-12-20, the day included).
    implement_by: str
    # S4.4: practical deeds a year in an industry–village tie (2).
    industry_village_deeds_per_year: int
    # S2.3, S3.2, S3.8, A18: whether a village with no term on record has terms of `term_years` counted from its first record (true); false leaves them not judged (`no_term_on_record`).
    infer_terms: bool
    # S5.4: days for the leading unit of a matter needing several units (40).
    lead_unit_days: int
    # S4.5: practical deeds a year by a mass organisation (2).
    mass_organisation_deeds_per_year: int
    # The longest range a `check` may cover, in years (100): its work follows the records and the range up to `as_of`; this bounds the range a caller may ask.
    max_range_years: int
    # S3.8, A23: whether a year with no combined result (综合考评结果) on record takes the ballot's grade instead (false: that part of S3.8 is not judged, `missing_combined`).
    missing_combined_as_ballot: bool
    # A2: whether a last day that is a rest day moves to the next working day (true).
    move_rest_day: bool
    # S2.4, A10: days after a 五必访 event within which the village secretary visits (30).
    must_visit_window_days: int
    # Free text naming the policy and its source.
    name: str
    # S5.2: days for the organisation one level up, from its own receipt (20; A13).
    outside_remit_days: int
    # S4.3: help a year for a paired poor person, in fen (50 000 = 500 yuan).
    pairing_min_fen_per_year: int
    # S1.1, S1.4, S2.1, S2.2, S4.2–S4.5, A16: how a year covered only in part is judged (`prorate`).
    partial_years: PartialYears
    # S1.1–S1.3, A7: minutes a reception must last to count as "不少于半天" (240).
    reception_min_minutes: int
    # S1.5, A19: the places where a session counts for S1.1–S1.4 (the five the notice names: `reception_office`, `service_centre`, `market`, `field`, `scene`; not `other`, a channel of S1.6).
    reception_places: list[Place]
    # S3.8: dissatisfied share that calls for rectification, "超过50%" (> 50%).
    rectify_dissatisfied: Threshold
    # N.2, A25: the last day by which the written report reaches the Organisation Department, with its electronic copy ("2009年1月10日前": 2009-01-10, included).
    report_by: str
    # S3.8: consecutive unqualified years after which members should resign (2).
    resign_after_unqualified_years: int
    # S3.8, A22: whether the unqualified years must be consecutive years of the same term of the committee (true) or any consecutive calendar years (false).
    resign_within_term: bool
    # S1.4, A20: minutes a rotation turn must last to count as a turn (240, the half day of A7: "每次不少于半天" is the measure of a 集中接待 session).
    rotation_min_minutes: int
    # S1.4, A11: turns each other committee member takes in each rotation period (1).
    rotation_turns_per_member: int
    # The rules `check` judges: rule ids (`S5.1`) or systems (`S1`); empty judges every rule. A district that has not adopted a system leaves it out.
    rules: list[str]
    # S3.2, A9: years of a village committee's term when its dates are not on record (3).
    term_years: int
    # S2.2: household visits a year by a town/street committee member (4).
    town_member_visits_per_year: int
    # S1.2: receptions a calendar month by a town/street secretary (1).
    town_secretary_receptions_per_month: int
    # A3: the grade an undetermined ballot is mapped to; none keeps `undetermined`.
    undetermined_as: Optional[Grade]
    # S5.3: days to explain a matter that cannot be solved (30).
    unresolvable_days: int
    # S1.3: receptions an ISO week by a village/community secretary (1; A8).
    village_secretary_receptions_per_week: int
    # S2.3: visits to each household by its village committee member per term (6).
    village_visits_per_household_per_term: int
    # S3.5: approving share that lists an item, "达到三分之二及以上" (≥ 2/3).
    vote_adopt: Threshold
    # A5: what the vote shares are taken of (all valid ballots).
    vote_base: VoteBase
    # A15: attendance share (present / entitled) a vote needs; none by default, as the source sets none (the Villagers' Committee Organisation Law asks more than 1/2 of adult villagers for a villagers' meeting, at least 2/3 for a representatives' meeting).
    vote_quorum: Optional[Threshold]
    # S3.5: disapproving share that sends an item back for redrafting, "超过三分之一" (> 1/3).
    vote_reject: Threshold
    # S5.1: days to finish a matter within the organisation's remit (10).
    within_remit_days: int


class PolicyRequest(TypedDict, total=False):
    """`policy`: a policy read and completed with Banan 2008's values, then checked."""

    # The policy; Banan 2008 when absent.
    policy: Optional[PolicyDict]


class _ReceptionRequired(TypedDict):
    # The receiving secretary or member.
    person: str
    # Day of the session.
    date: str
    # Length in minutes (A7).
    minutes: int


class Reception(_ReceptionRequired, total=False):
    """A reception session (S1.1–S1.5)."""

    # Where (S1.5).
    place: Place


class RedactRequest(TypedDict):
    """`redact`: F1–F5, a copy of a form document with personal data masked."""

    # Which form.
    kind: FormKind
    # The document, valid or not.
    data: Any


class _ReportDictRequired(TypedDict):
    # First day of the checked range.
    start: str
    # Last day of the checked range.
    end: str
    # The day the records were taken.
    as_of: str
    # The policy's name.
    policy: str
    # Every shortfall, by rule, unit, subject and period.
    findings: list[Finding]
    # Tallies per rule id.
    by_rule: list[Tally]
    # Tallies per unit.
    by_unit: list[Tally]
    # The year-end grades (S3.7).
    grades: list[UnitGrade]


class ReportDict(_ReportDictRequired, total=False):
    """The result of [`check`](super::check)."""

    # Every judgement, when asked for with [`check_detailed`](super::check_detailed); `null` from [`check`](super::check).
    outcomes: Optional[list[Outcome]]
    # A24: whether any judgement is provisional (rest days guessed beyond the calendar).
    provisional: bool
    # Every obligation not judged because of a record (a reason other than `outside_range`, `open` and `partial_period`), in every report, each naming its record: the opinion, the commitment item (`commitment/item`), the village and year of an evaluation, or the village and committee.
    records_not_judged: list[Outcome]


# One holiday period of a notice, both ends included.
RestPeriod = TypedDict("RestPeriod", {"name": str, "from": str, "to": str}, total=False)


class RuleInfo(TypedDict):
    """One rule of the catalogue (`docs/rules.md`, `liaison rules`)."""

    # The id (`S5.1`).
    id: str
    # An English gloss.
    gloss: str
    # The source's words.
    source_zh: str
    # The operation or check that implements it, or why none does.
    implemented_by: str


class _StepRequired(TypedDict):
    # The rule or ambiguity ids the step applies (`S5.1`, `A2`).
    rule: str
    # The step in English.
    text: str
    # The step in Chinese.
    text_zh: str


class Step(_StepRequired, total=False):
    """One step of a derivation."""

    # The day the step arrives at, where it arrives at one.
    date: Optional[datetime.date]
    # The words of the source (or of the law it follows) that decide the step.
    words: Optional[str]


class _TallyRequired(TypedDict):
    # The rule id or the unit id.
    key: str
    # Periods (or subjects) judged.
    judged: int
    # Judged and met.
    met: int
    # Judged and not met.
    not_met: int
    # Not judged (A8: not wholly inside the range and the subject's time, or still open; or a record that cannot be judged).
    not_judged: int


class Tally(_TallyRequired, total=False):
    """Judged, met, not met and not judged for one rule or one unit."""

    # `not_judged` broken down by reason code (`outside_range`, `open`, `partial_period`, …; see [`NOT_JUDGED_REASONS`](super::NOT_JUDGED_REASONS)); the counts add up to `not_judged`.
    not_judged_by_reason: dict[str, int]
    # Judgements (among `judged`) that are provisional (A24).
    provisional: int
    # `met / judged` in per mille, rounded down; none when nothing was judged.
    rate_permille: Optional[int]


# A village committee's term (换届 to 换届, A9).
Term = TypedDict("Term", {"unit": str, "from": str, "to": str}, total=False)


class Threshold(TypedDict):
    """A bound on a share, as the source words it: "达到/及以上" (`at_least`, the bound included) or "超过" (`more_than`, the bound excluded)."""

    # Numerator of the bound, e.g. 2 in 2/3 or 70 in 70%.
    numerator: int
    # Denominator of the bound, e.g. 3 in 2/3 or 100 in 70%; never 0.
    denominator: int
    # Whether the bound itself meets the threshold: true for "达到/及以上", false for "超过".
    inclusive: bool


class _UnitRequired(TypedDict):
    # Unique id.
    id: str
    # Level.
    level: Level


class Unit(_UnitRequired, total=False):
    """A Party organisation and its area."""

    # Its name (`花溪街道`, `民主村`), for reports a person reads; never judged, and never shown in a message (which names the id).
    name: Optional[str]
    # The unit above (none for the district and for organisations).
    parent: Optional[str]


class _UnitGradeRequired(TypedDict):
    # The village or community.
    unit: str
    # The year.
    year: int
    # The ballot's grade.
    ballot: Grade
    # The combined grade for display: the one on record, or the ballot's when none was recorded (S3.8 never judges on that substitute unless the policy says so, A23; see `recorded_combined`).
    combined: Grade


class UnitGrade(_UnitGradeRequired, total=False):
    """A committee's grade for a year (S3.7)."""

    # The combined grade on record (综合考评结果); none when none was recorded.
    recorded_combined: Optional[Grade]


class _ValidateFormRequestRequired(TypedDict):
    # Which form.
    kind: FormKind
    # The document (any JSON: its problems are the answer).
    data: Any


class ValidateFormRequest(_ValidateFormRequestRequired, total=False):
    """`validate_form`: F1–F5, every problem of a form document."""

    # The policy (for the "1234" deadlines on F2 and F4); Banan 2008 when absent.
    policy: Optional[PolicyDict]


class Validation(TypedDict):
    """The result of [`validate_form`]: `valid` exactly when `errors` is empty."""

    # Whether the document has no problem.
    valid: bool
    # Every problem, in form order (see [`validate_form`]).
    errors: list[FieldError]


class Visit(TypedDict):
    """A household visit (S2.1–S2.5)."""

    # The visiting committee member.
    person: str
    # The household visited.
    household: str
    # Day of the visit.
    date: str


class _YearEvaluationRequired(TypedDict):
    # The year evaluated.
    year: int
    # Satisfied ballots.
    satisfied: int


class YearEvaluation(_YearEvaluationRequired, total=False):
    """One year's evaluation of a village committee."""

    # "Basically satisfied" ballots.
    basically_satisfied: int
    # The combined evaluation grade (综合考评结果); the ballot's grade when absent.
    combined: Optional[Grade]
    # Dissatisfied ballots.
    dissatisfied: int


# The defaults of each operation's parameters that are not null.
REQUEST_DEFAULTS: dict[str, dict[str, Any]] = {
    "agenda": {"horizon_days": 14},
    "check": {"explain": False},
    "check_detailed": {"explain": False},
    "consequences": {},
    "deadline": {},
    "decide_vote": {"abstain": 0},
    "error_codes": {},
    "evaluate_row": {},
    "explain": {},
    "feedback_status": {},
    "field_error_codes": {},
    "finding_codes": {},
    "form_fields": {},
    "form_kinds": {},
    "form_schema": {},
    "generate_district": {"first_year": 2023, "households_per_village": 8, "seed": 2008, "towns": 2, "villages_per_town": 3, "years": 3},
    "grade": {"basically_satisfied": 0, "dissatisfied": 0},
    "is_rest_day": {},
    "operations": {},
    "policy": {},
    "redact": {},
    "rules": {},
    "validate_form": {},
}
