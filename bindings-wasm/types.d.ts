// The TypeScript declarations of liaison's contract, generated from its Rust types by
// `liaison::api::schema::typescript::typescript()`. Do not edit: `core/tests/generated.rs`
// fails when this file differs, and writes it with LIAISON_UPDATE_GENERATED=1.

/** An ISO `YYYY-MM-DD` date. */
export type IsoDate = string;

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What the upper Party organisation must do. */
export type Action = "rectify" | "resign";

/** Help given under a pairing, in fen (S4.3). */
export interface Aid {
  /** Amount in fen (1 yuan = 100 fen). */
  amount_fen: number;
  /** Day given. */
  date: IsoDate;
  /** The pairing. */
  pairing: string;
}

/** Where "basically satisfied" ballots count in the satisfaction shares (A6). */
export type BasicallySatisfiedAs = "neither" | "satisfied" | "dissatisfied";

/** The yearly notice that sets one year's holidays. */
export interface CalendarYear {
  /** Document number, e.g. 国办发明电〔2007〕40号. */
  doc_no: string | null;
  /** Title of the notice. */
  notice: string;
  /** Date the notice was published. */
  published: IsoDate | null;
  /** Holiday periods (they may start in the previous year). */
  rest_days: RestPeriod[];
  /** Weekend days made working days (调休上班). */
  working_days: IsoDate[];
  /** The year the notice is for; it covers every date of that calendar year. */
  year: number;
}

/** The yearly notice that sets one year's holidays. */
export interface CalendarYearInput {
  /** Document number, e.g. 国办发明电〔2007〕40号. */
  doc_no?: string | null;
  /** Title of the notice. */
  notice?: string;
  /** Date the notice was published. */
  published?: IsoDate | null;
  /** Holiday periods (they may start in the previous year). */
  rest_days?: RestPeriod[];
  /** Weekend days made working days (调休上班). */
  working_days?: IsoDate[];
  /** The year the notice is for; it covers every date of that calendar year. */
  year: number;
}

/** `check` and `check_detailed`: S1–S5 over a district's records. */
export interface CheckRequest {
  /** The day the records were taken. */
  as_of: IsoDate;
  /** The records. */
  dataset: DatasetOrPath;
  /** Last day of the judged range (included). */
  end: IsoDate;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** First day of the judged range. */
  start: IsoDate;
}

/** A commitment of a village committee and the dates of its six steps (S3.2–S3.6). */
export interface Commitment {
  /** Approval by the town Party committee and government. */
  approved: IsoDate | null;
  /** Unique id. */
  id: string;
  /** The items voted on. */
  items: CommitmentItem[];
  /** Annual or term. */
  kind: CommitmentKind;
  /** 提出初诺. */
  proposed: IsoDate | null;
  /** 公开承诺: made public. */
  published: IsoDate | null;
  /** The village or community. */
  unit: string;
  /** 民主定诺: the vote. */
  voted: IsoDate | null;
  /** The year it is for (the first year for a term commitment). */
  year: number;
}

/** A commitment of a village committee and the dates of its six steps (S3.2–S3.6). */
export interface CommitmentInput {
  /** Approval by the town Party committee and government. */
  approved?: IsoDate | null;
  /** Unique id. */
  id: string;
  /** The items voted on. */
  items?: CommitmentItemInput[];
  /** Annual or term. */
  kind: CommitmentKind;
  /** 提出初诺. */
  proposed?: IsoDate | null;
  /** 公开承诺: made public. */
  published?: IsoDate | null;
  /** The village or community. */
  unit: string;
  /** 民主定诺: the vote. */
  voted?: IsoDate | null;
  /** The year it is for (the first year for a term commitment). */
  year: number;
}

/** The vote on one proposed item (S3.5) and whether it was listed. */
export interface CommitmentItem {
  /** Abstentions. */
  abstain: number;
  /** Approving ballots. */
  approve: number;
  /** Disapproving ballots. */
  disapprove: number;
  /** Id of the item within the commitment. */
  id: string;
  /** Listed in the commitment letter. */
  listed: boolean;
}

/** The vote on one proposed item (S3.5) and whether it was listed. */
export interface CommitmentItemInput {
  /** Abstentions. */
  abstain?: number;
  /** Approving ballots. */
  approve: number;
  /** Disapproving ballots. */
  disapprove: number;
  /** Id of the item within the commitment. */
  id: string;
  /** Listed in the commitment letter. */
  listed: boolean;
}

/** Annual or term commitment (S3.2). */
export type CommitmentKind = "annual" | "term";

/** One consequence for one year. */
export interface Consequence {
  /** What must be done. */
  action: Action;
  /** Why. */
  reason: Reason;
  /** The year whose evaluation calls for it. */
  year: number;
}

/** `consequences`: S3.8, what follows from a committee's year-end evaluations. */
export interface ConsequencesRequest {
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** One evaluation a year. */
  years: YearEvaluation[];
}

/** Everything a district recorded. Every list may be empty or left out. */
export interface Dataset {
  /** Aid under pairings. */
  aid: Aid[];
  /** Commitments (S3.2–S3.5). */
  commitments: Commitment[];
  /** Deeds under links. */
  deeds: Deed[];
  /** Year-end evaluations (S3.7). */
  evaluations: Evaluation[];
  /** Events of S2.4. */
  household_events: HouseholdEvent[];
  /** Village households. */
  households: Household[];
  /** Assistance links (S4.2, S4.4, S4.5). */
  links: Link[];
  /** Analysis meetings (S2.6). */
  meetings: Meeting[];
  /** Opinions (S5). */
  opinions: Opinion[];
  /** Pairings (S4.3). */
  pairings: Pairing[];
  /** Committee members. */
  people: Person[];
  /** Receptions (S1). */
  receptions: Reception[];
  /** Village committee terms. */
  terms: Term[];
  /** Party organisations. */
  units: Unit[];
  /** Household visits (S2). */
  visits: Visit[];
}

/** Everything a district recorded. Every list may be empty or left out. */
export interface DatasetInput {
  /** Aid under pairings. */
  aid?: Aid[];
  /** Commitments (S3.2–S3.5). */
  commitments?: CommitmentInput[];
  /** Deeds under links. */
  deeds?: Deed[];
  /** Year-end evaluations (S3.7). */
  evaluations?: EvaluationInput[];
  /** Events of S2.4. */
  household_events?: HouseholdEvent[];
  /** Village households. */
  households?: HouseholdInput[];
  /** Assistance links (S4.2, S4.4, S4.5). */
  links?: LinkInput[];
  /** Analysis meetings (S2.6). */
  meetings?: Meeting[];
  /** Opinions (S5). */
  opinions?: OpinionInput[];
  /** Pairings (S4.3). */
  pairings?: PairingInput[];
  /** Committee members. */
  people?: PersonInput[];
  /** Receptions (S1). */
  receptions?: ReceptionInput[];
  /** Village committee terms. */
  terms?: Term[];
  /** Party organisations. */
  units?: UnitInput[];
  /** Household visits (S2). */
  visits?: Visit[];
}

/**
 * A dataset, or the path of one where the host reads files (the CLI and Python). Only its
 * schema is used: the operation reads the document itself, so that its errors keep their
 * codes and places.
 */
export type DatasetOrPath = string | DatasetInput;

/** How the "1234" time limits count days (A2). */
export type DayCount = "calendar" | "working";

/** `deadline`: S5.1–S5.4, the last day a matter may be finished and fed back. */
export interface DeadlineRequest {
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** The day the responsible organisation received the matter (A13). */
  received: IsoDate;
  /** The "1234" class: a name, a digit 1–4 or a Chinese label. */
  responsibility: Responsibility;
}

/** `decide_vote`: S3.5, the outcome of the vote on one proposed item. */
export interface DecideVoteRequest {
  /** Abstentions. */
  abstain?: number;
  /** Approving ballots. */
  approve: number;
  /** Disapproving ballots. */
  disapprove: number;
  /** Persons entitled to attend (A5, A15), with `present`. */
  entitled?: number | null;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** Persons present (A5, A15), with `entitled`. */
  present?: number | null;
}

/** A practical deed (办实事、好事) done under a link. */
export interface Deed {
  /** Day it was done. */
  date: IsoDate;
  /** The link. */
  link: string;
}

/** A synthetic district and the violations planted in it. */
export interface District {
  /** The records. */
  dataset: Dataset;
  /** The findings `check` must report, and no others. */
  planted: Planted[];
}

/** The JSON Schema draft of a form schema. */
export type Draft = "2020-12" | "07";

/** A stable error code (the `errorCodes()` catalogue). */
export type ErrorCode = "calendar_not_covered" | "date_out_of_range" | "invalid_date" | "invalid_count" | "invalid_responsibility" | "invalid_grade" | "no_ballots" | "feedback_before_receipt" | "as_of_before_receipt" | "as_of_required" | "attendance_required" | "invalid_attendance" | "duplicate_year" | "invalid_input" | "invalid_json" | "invalid_records" | "unknown_reference" | "duplicate_id" | "invalid_period" | "after_as_of" | "io_error" | "not_a_file" | "too_large" | "invalid_policy" | "invalid_calendar" | "internal_error" | "unknown_operation" | "timeout" | "overloaded" | "method_not_allowed";

/** A bad input: a stable code, messages in English and Chinese, and the place it concerns. */
export interface ContractError {
  code: ErrorCode;
  /** The problems an `invalid_records` error gathers, each with its place. */
  errors?: ContractError[];
  loc: Loc;
  /** English; shows no personal data. */
  message: string;
  /** Chinese; shows no personal data. */
  message_zh: string;
  /** The rule id, where one applies. */
  rule?: string;
}

/** What every function of the package throws on bad input: a JS `Error` named `LiaisonError` with the fields of the error. */
export interface LiaisonError extends globalThis.Error, ContractError {
  name: "LiaisonError";
}

/** One code of an error. */
export interface ErrorCodeInfo {
  /** The code (`invalid_date`). */
  code: string;
  /** The HTTP status `liaison serve` answers it with. */
  http_status: number;
}

/**
 * `evaluate_row`: S5 for one row of a register (form F4), as `evaluate_register` does for
 * every row: the status on `as_of`, the day the register was taken.
 */
export interface EvaluateRowRequest {
  /** The day the register was taken. */
  as_of: IsoDate;
  /** The day it was fed back, if it was. */
  fed_back?: IsoDate | null;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** The day the matter was received. */
  received: IsoDate;
  /** The "1234" class. */
  responsibility: Responsibility;
}

/** A year-end evaluation (S3.7). */
export interface Evaluation {
  /** Basically satisfied ballots. */
  basically_satisfied: number;
  /** The combined evaluation (综合考评结果); the ballot's grade when absent. */
  combined: Grade | null;
  /** Dissatisfied ballots. */
  dissatisfied: number;
  /** Satisfied ballots. */
  satisfied: number;
  /** The village or community. */
  unit: string;
  /** The year evaluated. */
  year: number;
}

/** A year-end evaluation (S3.7). */
export interface EvaluationInput {
  /** Basically satisfied ballots. */
  basically_satisfied?: number;
  /** The combined evaluation (综合考评结果); the ballot's grade when absent. */
  combined?: Grade | null;
  /** Dissatisfied ballots. */
  dissatisfied?: number;
  /** Satisfied ballots. */
  satisfied: number;
  /** The village or community. */
  unit: string;
  /** The year evaluated. */
  year: number;
}

/** The five events of S2.4 (五必访). */
export type EventKind = "serious_illness" | "hospital" | "wedding_or_funeral" | "accident" | "disaster";

/** `explain`: an operation's answer with the steps that reach it. */
export interface ExplainRequest {
  /** The operation. */
  op: ExplainedOp;
  /** Its request, as the operation takes it. */
  request: JsonValue;
}

/** The operations `explain` explains. */
export type ExplainedOp = "deadline" | "feedback_status" | "decide_vote" | "grade";

/** A result and how it was reached. */
export interface Explanation {
  /** The answer of the operation, as it answers without an explanation. */
  answer: JsonValue;
  /** The steps, in the order they were taken. */
  steps: Step[];
}

/** The deadline of an opinion and where it stands. */
export interface FeedbackStatus {
  /**
   * Days to spare (`on_time`), days late (`late`), days left (`open`) or days overdue
   * (`overdue`): never negative.
   */
  days: number;
  /** The last day on which the matter may be finished and fed back. */
  deadline: IsoDate;
  /** On time, late, open or overdue. */
  status: Status;
}

/** `feedback_status`: S5.1–S5.6, the deadline and where the matter stands. */
export interface FeedbackStatusRequest {
  /** The day the records were taken; required without `fed_back`. */
  as_of?: IsoDate | null;
  /** The day it was fed back, if it was. */
  fed_back?: IsoDate | null;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** The day the matter was received. */
  received: IsoDate;
  /** The "1234" class. */
  responsibility: Responsibility;
}

/** The code of a [`super::FieldError`]: stable snake_case, the same in every language. */
export type FieldCode = "required" | "unknown_field" | "invalid_type" | "invalid_date" | "invalid_phone" | "date_order" | "out_of_range" | "invalid_amount" | "invalid_choice" | "invalid_serial" | "deadline_mismatch" | "calendar_not_covered" | "closed_incomplete" | "inconsistent" | "too_long";

/** One problem of a form document. */
export interface FieldError {
  /** What: one of [`FIELD_ERROR_CODES`]. */
  code: FieldCode;
  /** Where: `["visitor", "phone"]`, `["members", 2, "age"]`; `[]` for the document itself. */
  loc: Loc;
  /** In English, naming the field only (never a value typed into it). */
  message: string;
  /** In Chinese, naming the field by its labels on the paper form. */
  message_zh: string;
  /** The rule ids (`F1`, `S1.8`, `S2.5`, `S5.1 A1 A2`, …), space-separated. */
  rule: string;
}

/** One field of a form, as listed by [`form_fields`]. */
export interface FieldInfo {
  /** What the field holds, in English. */
  description: string;
  /**
   * `text`, `name`, `address`, `phone`, `date`, `integer`, `money`, `area`, `flag`,
   * `choice`, `serial`, `responsibility`, `object` or `list`.
   */
  kind: string;
  /** The Chinese label as printed on the paper form. */
  label_zh: string;
  /** The path, with `[]` for the items of a list: `visitor.phone`, `members[].age`. */
  path: string;
  /** Whether the field is required (inside its group or list item). */
  required: boolean;
  /** The rule ids it comes from. */
  rule: string;
}

/** One shortfall: who fell short of which rule, in which period, by how much. */
export interface Finding {
  /** What was recorded. */
  actual: number;
  /** Stable snake_case code of the shortfall (`too_few_receptions`, …). */
  code: string;
  /** What the rule asks (a count, days or fen; see the code's documentation). */
  expected: number;
  /** English message (ids only, never personal data). */
  message: string;
  /** Chinese message. */
  message_zh: string;
  /** The period judged. */
  period: Period;
  /** Rule id of RULES.md (`S1.3`, `S5.1`, …). */
  rule: string;
  /** The id of the person, household, opinion, link, pairing or unit concerned. */
  subject: string;
  /** The unit responsible. */
  unit: string;
}

/** One code of a finding of `check`. */
export interface FindingCodeInfo {
  /** The code (`too_few_receptions`). */
  code: string;
  /** What a finding's `expected` and `actual` hold. */
  meaning: string;
  /** The rule ids it is used for. */
  rules: string[];
}

/** The five forms. */
export type FormKind = "reception_record" | "assignment_slip" | "visit_diary" | "register_entry" | "feedback_slip";

/** One of the five forms. */
export interface FormKindInfo {
  /** The attachment (附件) number of the notice. */
  attachment: number;
  /** The kind (`reception_record`). */
  kind: string;
  /** The title printed on the paper form. */
  label_zh: string;
  /** The rule id (`F1`). */
  rule: string;
  /** The title in English. */
  title: string;
}

/** `form_fields`: one form. */
export interface FormRequest {
  /** Which form. */
  kind: FormKind;
}

/** `form_schema`: the JSON Schema of one form. */
export interface FormSchemaRequest {
  /** The JSON Schema draft: `2020-12` (the default) or `07`. */
  draft?: Draft;
  /** Which form. */
  kind: FormKind;
}

/** `generate_district`: a synthetic district with planted violations. */
export interface GenerateDistrictRequest {
  /** First year of the records (2023). */
  first_year?: number;
  /** Households per village (8). */
  households_per_village?: number;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** Seed of the pseudo-random choices (2008). */
  seed?: number;
  /** Towns (2). */
  towns?: number;
  /** Villages or communities per town (3). */
  villages_per_town?: number;
  /** Years of records, 1 to 3 (3). */
  years?: number;
}

/** A grade of S3.7: its name (written in answers) or its Chinese label. */
export type Grade = "unqualified" | "undetermined" | "qualified" | "excellent" | "不合格" | "未定" | "合格" | "优秀";

/** `grade`: S3.7, the grade of a satisfaction ballot. */
export interface GradeRequest {
  /** "Basically satisfied" ballots. */
  basically_satisfied?: number;
  /** Dissatisfied ballots. */
  dissatisfied?: number;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** Satisfied ballots. */
  satisfied: number;
}

/** A household of a village or community (S2.3, S2.4, S4.3). */
export interface Household {
  /** Has members working away (外出人员, S2.5). */
  away: boolean;
  /** A focus household of S2.1 (困难户, 上访户, 致富能人, 老党员, 老干部). */
  focus: boolean;
  /** Unique id. */
  id: string;
  /** The committee member it is assigned to (S2.3); none when unassigned. */
  member: string | null;
  /** Poor (贫困群众, S4.1, S4.3). */
  poor: boolean;
  /** Its village or community. */
  unit: string;
}

/** A household of a village or community (S2.3, S2.4, S4.3). */
export interface HouseholdInput {
  /** Has members working away (外出人员, S2.5). */
  away?: boolean;
  /** A focus household of S2.1 (困难户, 上访户, 致富能人, 老党员, 老干部). */
  focus?: boolean;
  /** Unique id. */
  id: string;
  /** The committee member it is assigned to (S2.3); none when unassigned. */
  member?: string | null;
  /** Poor (贫困群众, S4.1, S4.3). */
  poor?: boolean;
  /** Its village or community. */
  unit: string;
}

/** A household event the village secretary must visit (S2.4). */
export interface HouseholdEvent {
  /** Day of the event. */
  date: IsoDate;
  /** The household. */
  household: string;
  /** Unique id. */
  id: string;
  /** Which of the five. */
  kind: EventKind;
}

/** `is_rest_day`: A2, whether a day is a rest day of the holiday calendar. */
export interface IsRestDayRequest {
  /** The day. */
  date: IsoDate;
  /** The policy (its calendar); Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** The level of a unit (区 · 镇（街） · 村（社区）), or an organisation that gives help (S4). */
export type Level = "district" | "town" | "village" | "community" | "organisation";

/** A helping organisation linked with a grassroots Party organisation. */
export interface Link {
  /** First day of the link. */
  from: IsoDate;
  /** The helping organisation (a unit). */
  helper: string;
  /** Unique id. */
  id: string;
  /** Which kind. */
  kind: LinkKind;
  /** Last day; none while it lasts. */
  to: IsoDate | null;
  /** The village or community helped. */
  unit: string;
}

/** A helping organisation linked with a grassroots Party organisation. */
export interface LinkInput {
  /** First day of the link. */
  from: IsoDate;
  /** The helping organisation (a unit). */
  helper: string;
  /** Unique id. */
  id: string;
  /** Which kind. */
  kind: LinkKind;
  /** Last day; none while it lasts. */
  to?: IsoDate | null;
  /** The village or community helped. */
  unit: string;
}

/** The kinds of assistance link (S4.2, S4.4, S4.5). */
export type LinkKind = "branch_link" | "industry_village" | "mass_organisation";

/**
 * The place an error concerns, outermost first: `["visits", 3, "household"]`,
 * `["visits.csv", 5, "household"]`, `["row", 17, "responsibility"]`; empty for the
 * input as a whole. Written as `visits[3].household` in messages.
 */
export type Loc = LocItem[];

/**
 * One step of a [`Loc`]: a key (a parameter, a field, a file name) or an index (a list
 * position, or a line number in a CSV file, the header being line 1).
 *
 * A key that is not a short ASCII token (see [`is_token`]) is replaced by a description
 * of it, so that an unknown key that happens to be a name never reaches a message.
 */
export type LocItem = number | string;

/** A monthly public-opinion analysis meeting (S2.6). */
export interface Meeting {
  /** Day of the meeting. */
  date: IsoDate;
  /** The grassroots organisation. */
  unit: string;
}

/** The catalogues: no parameter. */
export interface NoRequest {
}

/** One operation of the contract. */
export interface OperationInfo {
  /** The name (`deadline`); JS functions take its camelCase form (`feedbackStatus`). */
  name: string;
  /** The parameters in positional order: the request's keys. */
  params: string[];
  /** The rule ids it decides. */
  rule: string;
  /** What it answers. */
  summary: string;
}

/** An opinion of the public (S5, form F4). */
export interface Opinion {
  /** Closed in the register (是否销号). */
  closed: boolean;
  /** Day fed back to the reporter. */
  fed_back: IsoDate | null;
  /** Unique id (the register's serial number). */
  id: string;
  /** Day the responsible organisation received it (A13). */
  received: IsoDate;
  /** "1234" class. */
  responsibility: Responsibility;
  /** Whether a result is recorded (办理结果). */
  result: boolean;
  /** The organisation responsible (for S5.2 the one up, A13). */
  unit: string;
}

/** An opinion of the public (S5, form F4). */
export interface OpinionInput {
  /** Closed in the register (是否销号). */
  closed?: boolean;
  /** Day fed back to the reporter. */
  fed_back?: IsoDate | null;
  /** Unique id (the register's serial number). */
  id: string;
  /** Day the responsible organisation received it (A13). */
  received: IsoDate;
  /** "1234" class. */
  responsibility: Responsibility;
  /** Whether a result is recorded (办理结果). */
  result?: boolean;
  /** The organisation responsible (for S5.2 the one up, A13). */
  unit: string;
}

/**
 * One judgement of [`check_detailed`](super::check_detailed): every period of every
 * subject, met or not, for grids and audits.
 */
export interface Outcome {
  /** The period. */
  period: Period;
  /** Rule id. */
  rule: string;
  /** Met, not met or not judged. */
  status: OutcomeStatus;
  /** The subject's id. */
  subject: string;
  /** The unit responsible. */
  unit: string;
}

/** How one judged (or not judged) period came out. */
export type OutcomeStatus = "met" | "not_met" | "not_judged";

/** One or more Party members paired with a poor household (S4.3). */
export interface Pairing {
  /** First day of the pairing. */
  from: IsoDate;
  /** The poor household. */
  household: string;
  /** Unique id. */
  id: string;
  /** Last day; none while it lasts. */
  to: IsoDate | null;
}

/** One or more Party members paired with a poor household (S4.3). */
export interface PairingInput {
  /** First day of the pairing. */
  from: IsoDate;
  /** The poor household. */
  household: string;
  /** Unique id. */
  id: string;
  /** Last day; none while it lasts. */
  to?: IsoDate | null;
}

/** A period judged by a rule, both ends included. */
export interface Period {
  /** Last day. */
  end: IsoDate;
  /** `2009`, `2009-02`, `2009-W53`, or `2008-09-25..2008-10-06`. */
  label: string;
  /** First day. */
  start: IsoDate;
}

/** A committee member and their time in office. */
export interface Person {
  /** First day in office. */
  from: IsoDate;
  /** Unique id (never a name). */
  id: string;
  /** Secretary or member. */
  role: Role;
  /** District only: a member of the standing committee (区委常委), rostered under S1.4. */
  standing_committee: boolean;
  /** Last day in office; none while still in office. */
  to: IsoDate | null;
  /** The unit whose committee they sit on. */
  unit: string;
}

/** A committee member and their time in office. */
export interface PersonInput {
  /** First day in office. */
  from: IsoDate;
  /** Unique id (never a name). */
  id: string;
  /** Secretary or member. */
  role: Role;
  /** District only: a member of the standing committee (区委常委), rostered under S1.4. */
  standing_committee?: boolean;
  /** Last day in office; none while still in office. */
  to?: IsoDate | null;
  /** The unit whose committee they sit on. */
  unit: string;
}

/** Where a reception took place (S1.5). */
export type Place = "reception_office" | "service_centre" | "market" | "field" | "scene" | "other";

/** A finding the check must report: rule, code, subject and the period's label. */
export interface Planted {
  /** Finding code. */
  code: string;
  /** Period label. */
  period: string;
  /** Rule id. */
  rule: string;
  /** Subject id. */
  subject: string;
}

/** The parameters of every rule. Field docs name the rule id each comes from. */
export interface Policy {
  /** S2.6: public-opinion analysis meetings a month in each grassroots organisation (1). */
  analysis_meetings_per_month: number;
  /** S3.2, A12: day of the month by which the annual commitment is made (31). */
  annual_commitment_by_day: number;
  /** S3.2, A12: month of the day by which the annual commitment is made (1). */
  annual_commitment_by_month: number;
  /** A6: where "basically satisfied" ballots count (neither). */
  basically_satisfied_as: BasicallySatisfiedAs;
  /** S4.2: practical deeds a year by a linked branch (2). */
  branch_link_deeds_per_year: number;
  /** A2: whether the built-in calendar (State Council notices 2007–2026) is used (true). */
  calendar_builtin: boolean;
  /** A2: calendar years that extend the built-in calendar or replace its years. */
  calendar_years: CalendarYear[];
  /** A1: whether the day of receipt is day 1 (false: counting starts the next day). */
  count_receipt_day: boolean;
  /** A2: calendar days or working days. */
  day_count: DayCount;
  /** S2.1: household visits a year by a district leader (2). */
  district_leader_visits_per_year: number;
  /** S1.1: receptions a year by the district Party secretary (2). */
  district_secretary_receptions_per_year: number;
  /** S3.7: satisfied share that makes it excellent, "超过90%" (> 90%). */
  grade_excellent: Threshold;
  /** S3.7: satisfied share that makes it qualified, "达到70%" (≥ 70%). */
  grade_qualified: Threshold;
  /** S3.7: dissatisfied share that makes a committee unqualified, "超过30%" (> 30%). */
  grade_unqualified: Threshold;
  /** S4.4: practical deeds a year in an industry–village tie (2). */
  industry_village_deeds_per_year: number;
  /** S5.4: days for the leading unit of a matter needing several units (40). */
  lead_unit_days: number;
  /** S4.5: practical deeds a year by a mass organisation (2). */
  mass_organisation_deeds_per_year: number;
  /** A2: whether a last day that is a rest day moves to the next working day (true). */
  move_rest_day: boolean;
  /** S2.4, A10: days after a 五必访 event within which the village secretary visits (30). */
  must_visit_window_days: number;
  /** Free text naming the policy and its source. */
  name: string;
  /** S5.2: days for the organisation one level up, from its own receipt (20; A13). */
  outside_remit_days: number;
  /** S4.3: help a year for a paired poor person, in fen (50 000 = 500 yuan). */
  pairing_min_fen_per_year: number;
  /** S1.1–S1.3, A7: minutes a reception must last to count as "不少于半天" (240). */
  reception_min_minutes: number;
  /** S3.8: dissatisfied share that calls for rectification, "超过50%" (> 50%). */
  rectify_dissatisfied: Threshold;
  /** S3.8: consecutive unqualified years after which members should resign (2). */
  resign_after_unqualified_years: number;
  /** S1.4, A11: turns each other committee member takes in each rotation period (1). */
  rotation_turns_per_member: number;
  /**
   * The rules `check` judges: rule ids (`S5.1`) or systems (`S1`); empty judges every rule.
   * A district that has not adopted a system leaves it out.
   */
  rules: string[];
  /** S3.2, A9: years of a village committee's term when its dates are not on record (3). */
  term_years: number;
  /** S2.2: household visits a year by a town/street committee member (4). */
  town_member_visits_per_year: number;
  /** S1.2: receptions a calendar month by a town/street secretary (1). */
  town_secretary_receptions_per_month: number;
  /** A3: the grade an undetermined ballot is mapped to; none keeps `undetermined`. */
  undetermined_as: Grade | null;
  /** S5.3: days to explain a matter that cannot be solved (30). */
  unresolvable_days: number;
  /** S1.3: receptions an ISO week by a village/community secretary (1; A8). */
  village_secretary_receptions_per_week: number;
  /** S2.3: visits to each household by its village committee member per term (6). */
  village_visits_per_household_per_term: number;
  /** S3.5: approving share that lists an item, "达到三分之二及以上" (≥ 2/3). */
  vote_adopt: Threshold;
  /** A5: what the vote shares are taken of (all valid ballots). */
  vote_base: VoteBase;
  /**
   * A15: attendance share (present / entitled) a vote needs; none by default, as the
   * source sets none (the Villagers' Committee Organisation Law asks more than 1/2 of adult
   * villagers for a villagers' meeting, at least 2/3 for a representatives' meeting).
   */
  vote_quorum: Threshold | null;
  /** S3.5: disapproving share that sends an item back for redrafting, "超过三分之一" (> 1/3). */
  vote_reject: Threshold;
  /** S5.1: days to finish a matter within the organisation's remit (10). */
  within_remit_days: number;
}

/** The parameters of every rule. Field docs name the rule id each comes from. */
export interface PolicyInput {
  /** S2.6: public-opinion analysis meetings a month in each grassroots organisation (1). */
  analysis_meetings_per_month?: number;
  /** S3.2, A12: day of the month by which the annual commitment is made (31). */
  annual_commitment_by_day?: number;
  /** S3.2, A12: month of the day by which the annual commitment is made (1). */
  annual_commitment_by_month?: number;
  /** A6: where "basically satisfied" ballots count (neither). */
  basically_satisfied_as?: BasicallySatisfiedAs;
  /** S4.2: practical deeds a year by a linked branch (2). */
  branch_link_deeds_per_year?: number;
  /** A2: whether the built-in calendar (State Council notices 2007–2026) is used (true). */
  calendar_builtin?: boolean;
  /** A2: calendar years that extend the built-in calendar or replace its years. */
  calendar_years?: CalendarYearInput[];
  /** A1: whether the day of receipt is day 1 (false: counting starts the next day). */
  count_receipt_day?: boolean;
  /** A2: calendar days or working days. */
  day_count?: DayCount;
  /** S2.1: household visits a year by a district leader (2). */
  district_leader_visits_per_year?: number;
  /** S1.1: receptions a year by the district Party secretary (2). */
  district_secretary_receptions_per_year?: number;
  /** S3.7: satisfied share that makes it excellent, "超过90%" (> 90%). */
  grade_excellent?: Threshold;
  /** S3.7: satisfied share that makes it qualified, "达到70%" (≥ 70%). */
  grade_qualified?: Threshold;
  /** S3.7: dissatisfied share that makes a committee unqualified, "超过30%" (> 30%). */
  grade_unqualified?: Threshold;
  /** S4.4: practical deeds a year in an industry–village tie (2). */
  industry_village_deeds_per_year?: number;
  /** S5.4: days for the leading unit of a matter needing several units (40). */
  lead_unit_days?: number;
  /** S4.5: practical deeds a year by a mass organisation (2). */
  mass_organisation_deeds_per_year?: number;
  /** A2: whether a last day that is a rest day moves to the next working day (true). */
  move_rest_day?: boolean;
  /** S2.4, A10: days after a 五必访 event within which the village secretary visits (30). */
  must_visit_window_days?: number;
  /** Free text naming the policy and its source. */
  name?: string;
  /** S5.2: days for the organisation one level up, from its own receipt (20; A13). */
  outside_remit_days?: number;
  /** S4.3: help a year for a paired poor person, in fen (50 000 = 500 yuan). */
  pairing_min_fen_per_year?: number;
  /** S1.1–S1.3, A7: minutes a reception must last to count as "不少于半天" (240). */
  reception_min_minutes?: number;
  /** S3.8: dissatisfied share that calls for rectification, "超过50%" (> 50%). */
  rectify_dissatisfied?: Threshold;
  /** S3.8: consecutive unqualified years after which members should resign (2). */
  resign_after_unqualified_years?: number;
  /** S1.4, A11: turns each other committee member takes in each rotation period (1). */
  rotation_turns_per_member?: number;
  /**
   * The rules `check` judges: rule ids (`S5.1`) or systems (`S1`); empty judges every rule.
   * A district that has not adopted a system leaves it out.
   */
  rules?: string[];
  /** S3.2, A9: years of a village committee's term when its dates are not on record (3). */
  term_years?: number;
  /** S2.2: household visits a year by a town/street committee member (4). */
  town_member_visits_per_year?: number;
  /** S1.2: receptions a calendar month by a town/street secretary (1). */
  town_secretary_receptions_per_month?: number;
  /** A3: the grade an undetermined ballot is mapped to; none keeps `undetermined`. */
  undetermined_as?: Grade | null;
  /** S5.3: days to explain a matter that cannot be solved (30). */
  unresolvable_days?: number;
  /** S1.3: receptions an ISO week by a village/community secretary (1; A8). */
  village_secretary_receptions_per_week?: number;
  /** S2.3: visits to each household by its village committee member per term (6). */
  village_visits_per_household_per_term?: number;
  /** S3.5: approving share that lists an item, "达到三分之二及以上" (≥ 2/3). */
  vote_adopt?: Threshold;
  /** A5: what the vote shares are taken of (all valid ballots). */
  vote_base?: VoteBase;
  /**
   * A15: attendance share (present / entitled) a vote needs; none by default, as the
   * source sets none (the Villagers' Committee Organisation Law asks more than 1/2 of adult
   * villagers for a villagers' meeting, at least 2/3 for a representatives' meeting).
   */
  vote_quorum?: Threshold | null;
  /** S3.5: disapproving share that sends an item back for redrafting, "超过三分之一" (> 1/3). */
  vote_reject?: Threshold;
  /** S5.1: days to finish a matter within the organisation's remit (10). */
  within_remit_days?: number;
}

/** `policy`: a policy read and completed with Banan 2008's values, then checked. */
export interface PolicyRequest {
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** Why the action follows. */
export type Reason = "dissatisfaction_over_half" | "combined_unqualified" | "unqualified_two_years";

/** A reception session (S1.1–S1.5). */
export interface Reception {
  /** Day of the session. */
  date: IsoDate;
  /** Length in minutes (A7). */
  minutes: number;
  /** The receiving secretary or member. */
  person: string;
  /** Where (S1.5). */
  place: Place;
}

/** A reception session (S1.1–S1.5). */
export interface ReceptionInput {
  /** Day of the session. */
  date: IsoDate;
  /** Length in minutes (A7). */
  minutes: number;
  /** The receiving secretary or member. */
  person: string;
  /** Where (S1.5). */
  place?: Place;
}

/** `redact`: F1–F5, a copy of a form document with personal data masked. */
export interface RedactRequest {
  /** The document, valid or not. */
  data: JsonValue;
  /** Which form. */
  kind: FormKind;
}

/** The result of [`check`](super::check). */
export interface Report {
  /** The day the records were taken. */
  as_of: IsoDate;
  /** Tallies per rule id. */
  by_rule: Tally[];
  /** Tallies per unit. */
  by_unit: Tally[];
  /** Last day of the checked range. */
  end: IsoDate;
  /** Every shortfall, by rule, unit, subject and period. */
  findings: Finding[];
  /** The year-end grades (S3.7). */
  grades: UnitGrade[];
  /** Every judgement, when asked for with [`check_detailed`](super::check_detailed). */
  outcomes?: Outcome[];
  /** The policy's name. */
  policy: string;
  /** First day of the checked range. */
  start: IsoDate;
}

/** A "1234" class of S5: its name (written in answers), its Chinese label, or its digit 1-4 as a number or a text. */
export type Responsibility = "within_remit" | "outside_remit" | "unresolvable" | "lead_unit" | "职责内" | "职责外" | "不能解决" | "牵头解决" | "1" | "2" | "3" | "4" | 1 | 2 | 3 | 4;

/** One holiday period of a notice, both ends included. */
export interface RestPeriod {
  /** First rest day. */
  from: IsoDate;
  /** The holiday's name as the notice gives it (元旦, 春节, …). */
  name: string;
  /** Last rest day. */
  to: IsoDate;
}

/** A committee role (S1, S2). */
export type Role = "secretary" | "member";

/** One rule of the catalogue (`docs/rules.md`, `liaison rules`). */
export interface RuleInfo {
  /** An English gloss. */
  gloss: string;
  /** The id (`S5.1`). */
  id: string;
  /** The operation or check that implements it, or why none does. */
  implemented_by: string;
  /** The source's words. */
  source_zh: string;
}

/** Where an opinion stands against its deadline. */
export type Status = "on_time" | "late" | "open" | "overdue";

/** One step of a derivation. */
export interface Step {
  /** The day the step arrives at, where it arrives at one. */
  date: IsoDate | null;
  /** The rule or ambiguity ids the step applies (`S5.1`, `A2`). */
  rule: string;
  /** The step in English. */
  text: string;
  /** The step in Chinese. */
  text_zh: string;
  /** The words of the source (or of the law it follows) that decide the step. */
  words: string | null;
}

/** Judged, met, not met and not judged for one rule or one unit. */
export interface Tally {
  /** Periods (or subjects) judged. */
  judged: number;
  /** The rule id or the unit id. */
  key: string;
  /** Judged and met. */
  met: number;
  /** Not judged (A8: not wholly inside the range and the subject's time, or still open). */
  not_judged: number;
  /** Judged and not met. */
  not_met: number;
  /** `met / judged` in per mille, rounded down; none when nothing was judged. */
  rate_permille: number | null;
}

/** A village committee's term (换届 to 换届, A9). */
export interface Term {
  /** First day of the term (the election). */
  from: IsoDate;
  /** Last day of the term. */
  to: IsoDate;
  /** The village or community. */
  unit: string;
}

/**
 * A bound on a share, as the source words it: "达到/及以上" (`at_least`, the bound
 * included) or "超过" (`more_than`, the bound excluded).
 */
export interface Threshold {
  /** Denominator of the bound, e.g. 3 in 2/3 or 100 in 70%; never 0. */
  denominator: number;
  /** Whether the bound itself meets the threshold: true for "达到/及以上", false for "超过". */
  inclusive: boolean;
  /** Numerator of the bound, e.g. 2 in 2/3 or 70 in 70%. */
  numerator: number;
}

/** A Party organisation and its area. */
export interface Unit {
  /** Unique id. */
  id: string;
  /** Level. */
  level: Level;
  /** The unit above (none for the district and for organisations). */
  parent: string | null;
}

/** A Party organisation and its area. */
export interface UnitInput {
  /** Unique id. */
  id: string;
  /** Level. */
  level: Level;
  /** The unit above (none for the district and for organisations). */
  parent?: string | null;
}

/** A committee's grade for a year (S3.7). */
export interface UnitGrade {
  /** The ballot's grade. */
  ballot: Grade;
  /** The combined grade (the ballot's when none was recorded). */
  combined: Grade;
  /** The village or community. */
  unit: string;
  /** The year. */
  year: number;
}

/** `validate_form`: F1–F5, every problem of a form document. */
export interface ValidateFormRequest {
  /** The document (any JSON: its problems are the answer). */
  data: JsonValue;
  /** Which form. */
  kind: FormKind;
  /** The policy (for the "1234" deadlines on F2 and F4); Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** The result of [`validate_form`]: `valid` exactly when `errors` is empty. */
export interface Validation {
  /** Every problem, in form order (see [`validate_form`]). */
  errors: FieldError[];
  /** Whether the document has no problem. */
  valid: boolean;
}

/** A household visit (S2.1–S2.5). */
export interface Visit {
  /** Day of the visit. */
  date: IsoDate;
  /** The household visited. */
  household: string;
  /** The visiting committee member. */
  person: string;
}

/** What the shares of a commitment vote are taken of (A5). */
export type VoteBase = "ballots" | "present" | "entitled";

/** The outcome of a vote on one commitment item. */
export type VoteOutcome = "adopted" | "rejected" | "not_adopted" | "no_quorum";

/** One year's evaluation of a village committee. */
export interface YearEvaluation {
  /** "Basically satisfied" ballots. */
  basically_satisfied?: number;
  /** The combined evaluation grade (综合考评结果); the ballot's grade when absent. */
  combined?: Grade | null;
  /** Dissatisfied ballots. */
  dissatisfied?: number;
  /** Satisfied ballots. */
  satisfied: number;
  /** The year evaluated. */
  year: number;
}

/** Every operation of the contract: its request and its answer. */
export interface Operations {
  /** S5.1–S5.4: the last day on which a matter may still be finished and fed back (A1, A2, A13). */
  deadline: { request: DeadlineRequest; answer: IsoDate };
  /** S5.1–S5.6: the deadline of a matter and whether it was, or is being, met. */
  feedback_status: { request: FeedbackStatusRequest; answer: FeedbackStatus };
  /** S5 for one row of a register (form F4) on the day it was taken, as `evaluate_register` does for every row. */
  evaluate_row: { request: EvaluateRowRequest; answer: FeedbackStatus };
  /** S3.5: the outcome of the vote on one proposed commitment item (A4, A5, A15). */
  decide_vote: { request: DecideVoteRequest; answer: VoteOutcome };
  /** S3.7: the grade of a year-end satisfaction ballot (A3, A6). */
  grade: { request: GradeRequest; answer: Grade };
  /** S3.8: the consequences of a committee's year-end evaluations. */
  consequences: { request: ConsequencesRequest; answer: Consequence[] };
  /** A2: whether a day is a rest day of the policy's holiday calendar. */
  is_rest_day: { request: IsRestDayRequest; answer: boolean };
  /** S1–S5: every shortfall of a district's records in a range of days. */
  check: { request: CheckRequest; answer: Report };
  /** S1–S5, as `check`, with every judgement kept in `outcomes`. */
  check_detailed: { request: CheckRequest; answer: Report };
  /** F1–F5: every problem of a form document, with its place, code and messages. */
  validate_form: { request: ValidateFormRequest; answer: Validation };
  /** F1–F5: the JSON Schema of a form, with the Chinese labels. */
  form_schema: { request: FormSchemaRequest; answer: JsonValue };
  /** F1–F5: every field of a form in the order of the paper form. */
  form_fields: { request: FormRequest; answer: FieldInfo[] };
  /** F1–F5: a copy of a form document with personal data masked. */
  redact: { request: RedactRequest; answer: JsonValue };
  /** A synthetic district with planted violations that `check` must find. */
  generate_district: { request: GenerateDistrictRequest; answer: District };
  /** Why an answer of `deadline`, `feedback_status`, `decide_vote` or `grade` is what it is: the answer and its derivation as steps, each with its rule id and the source's words. */
  explain: { request: ExplainRequest; answer: Explanation };
  /** A1–A15: a policy completed with Banan 2008's values and checked. */
  policy: { request: PolicyRequest; answer: Policy };
  /** The rule catalogue: every rule id with the source's words. */
  rules: { request: NoRequest; answer: RuleInfo[] };
  /** The codes of a finding of `check`. */
  finding_codes: { request: NoRequest; answer: FindingCodeInfo[] };
  /** The codes of an error. */
  error_codes: { request: NoRequest; answer: ErrorCodeInfo[] };
  /** The five forms. */
  form_kinds: { request: NoRequest; answer: FormKindInfo[] };
  /** The operations of this contract, with their parameters in positional order. */
  operations: { request: NoRequest; answer: OperationInfo[] };
}

/** The name of an operation (the `operations` catalogue). */
export type OperationName = keyof Operations;

/**
 * Answers one request of the contract: `request` is an object of the operation's parameters (snake_case keys) or the same request as JSON text.
 *
 * @throws {LiaisonError} every error of the operation, `unknown_operation`, `invalid_json`
 */
export function call<Op extends OperationName>(op: Op, request: Operations[Op]["request"] | string): Operations[Op]["answer"];

/**
 * S5.1–S5.4: the last day on which a matter may still be finished and fed back (A1, A2, A13). Rules: S5.1 S5.2 S5.3 S5.4 A1 A2 A13.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function deadline(received: DeadlineRequest["received"], responsibility: DeadlineRequest["responsibility"], policy?: DeadlineRequest["policy"] | null): IsoDate;

/**
 * S5.1–S5.6: the deadline of a matter and whether it was, or is being, met. Rules: S5.1 S5.2 S5.3 S5.4 S5.6.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function feedbackStatus(received: FeedbackStatusRequest["received"], responsibility: FeedbackStatusRequest["responsibility"], fed_back?: FeedbackStatusRequest["fed_back"] | null, as_of?: FeedbackStatusRequest["as_of"] | null, policy?: FeedbackStatusRequest["policy"] | null): FeedbackStatus;

/**
 * S5 for one row of a register (form F4) on the day it was taken, as `evaluate_register` does for every row. Rules: S5.1 S5.2 S5.3 S5.4 S5.5 F4.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function evaluateRow(received: EvaluateRowRequest["received"], responsibility: EvaluateRowRequest["responsibility"], fed_back: EvaluateRowRequest["fed_back"] | null, as_of: EvaluateRowRequest["as_of"], policy?: EvaluateRowRequest["policy"] | null): FeedbackStatus;

/**
 * S3.5: the outcome of the vote on one proposed commitment item (A4, A5, A15). Rules: S3.5 A4 A5 A15.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function decideVote(approve: DecideVoteRequest["approve"], disapprove: DecideVoteRequest["disapprove"], abstain?: DecideVoteRequest["abstain"] | null, policy?: DecideVoteRequest["policy"] | null, present?: DecideVoteRequest["present"] | null, entitled?: DecideVoteRequest["entitled"] | null): VoteOutcome;

/**
 * S3.7: the grade of a year-end satisfaction ballot (A3, A6). Rules: S3.7 A3 A6.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function grade(satisfied: GradeRequest["satisfied"], basically_satisfied?: GradeRequest["basically_satisfied"] | null, dissatisfied?: GradeRequest["dissatisfied"] | null, policy?: GradeRequest["policy"] | null): Grade;

/**
 * S3.8: the consequences of a committee's year-end evaluations. Rules: S3.8.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function consequences(years: ConsequencesRequest["years"], policy?: ConsequencesRequest["policy"] | null): Consequence[];

/**
 * A2: whether a day is a rest day of the policy's holiday calendar. Rules: A2.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function isRestDay(date: IsRestDayRequest["date"], policy?: IsRestDayRequest["policy"] | null): boolean;

/**
 * S1–S5: every shortfall of a district's records in a range of days. Rules: S1 S2 S3 S4 S5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function check(dataset: CheckRequest["dataset"], start: CheckRequest["start"], end: CheckRequest["end"], as_of: CheckRequest["as_of"], policy?: CheckRequest["policy"] | null): Report;

/**
 * S1–S5, as `check`, with every judgement kept in `outcomes`. Rules: S1 S2 S3 S4 S5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function checkDetailed(dataset: CheckRequest["dataset"], start: CheckRequest["start"], end: CheckRequest["end"], as_of: CheckRequest["as_of"], policy?: CheckRequest["policy"] | null): Report;

/**
 * F1–F5: every problem of a form document, with its place, code and messages. Rules: F1 F2 F3 F4 F5 S1.8 S1.9 S2.5 S5.5 S5.6.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function validateForm(kind: ValidateFormRequest["kind"], data: ValidateFormRequest["data"], policy?: ValidateFormRequest["policy"] | null): Validation;

/**
 * F1–F5: the JSON Schema of a form, with the Chinese labels. Rules: F1 F2 F3 F4 F5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function formSchema(kind: FormSchemaRequest["kind"], draft?: FormSchemaRequest["draft"] | null): JsonValue;

/**
 * F1–F5: every field of a form in the order of the paper form. Rules: F1 F2 F3 F4 F5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function formFields(kind: FormRequest["kind"]): FieldInfo[];

/**
 * F1–F5: a copy of a form document with personal data masked. Rules: F1 F2 F3 F4 F5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function redact(kind: RedactRequest["kind"], data: RedactRequest["data"]): JsonValue;

/**
 * A synthetic district with planted violations that `check` must find. Rules: S1 S2 S3 S4 S5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function generateDistrict(seed?: GenerateDistrictRequest["seed"] | null, towns?: GenerateDistrictRequest["towns"] | null, villages_per_town?: GenerateDistrictRequest["villages_per_town"] | null, households_per_village?: GenerateDistrictRequest["households_per_village"] | null, first_year?: GenerateDistrictRequest["first_year"] | null, years?: GenerateDistrictRequest["years"] | null, policy?: GenerateDistrictRequest["policy"] | null): District;

/**
 * Why an answer of `deadline`, `feedback_status`, `decide_vote` or `grade` is what it is: the answer and its derivation as steps, each with its rule id and the source's words. Rules: S5.1 S5.2 S5.3 S5.4 S3.5 S3.7 A1 A2 A3 A4 A5 A6 A15.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function explain(op: ExplainRequest["op"], request: ExplainRequest["request"]): Explanation;

/**
 * A1–A15: a policy completed with Banan 2008's values and checked. Rules: A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13 A14 A15.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function policy(policy?: PolicyRequest["policy"] | null): Policy;

/** The rule catalogue: every rule id with the source's words. */
export function rules(): RuleInfo[];

/** The codes of a finding of `check`. */
export function findingCodes(): FindingCodeInfo[];

/** The codes of an error. */
export function errorCodes(): ErrorCodeInfo[];

/** The five forms. Rules: F1 F2 F3 F4 F5. */
export function formKinds(): FormKindInfo[];

/** The operations of this contract, with their parameters in positional order. */
export function operations(): OperationInfo[];
