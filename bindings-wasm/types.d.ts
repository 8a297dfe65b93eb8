// The TypeScript declarations of liaison's contract, generated from its Rust types by
// `liaison::api::schema::typescript::typescript()`. Do not edit: `core/tests/generated.rs`
// fails when this file differs, and writes it with LIAISON_UPDATE_GENERATED=1.

/** An ISO `YYYY-MM-DD` date. */
export type IsoDate = string;

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** `deadline`: S5.1–S5.4, the last day a matter may be finished and fed back. */
export interface DeadlineRequest {
  /** The day the responsible organisation received the matter (A13). */
  received: IsoDate;
  /** The "1234" class: a name, a digit 1–4 or a Chinese label. */
  responsibility: Responsibility;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** A "1234" class of S5: its name (written in answers), its Chinese label, or its digit 1-4 as a number or a text. */
export type Responsibility = "within_remit" | "outside_remit" | "unresolvable" | "lead_unit" | "职责内" | "职责外" | "不能解决" | "牵头解决" | "1" | "2" | "3" | "4" | 1 | 2 | 3 | 4;

/** The parameters of every rule. Field docs name the rule id each comes from. */
export interface Policy {
  /** Free text naming the policy and its source. */
  name: string;
  /**
   * The rules `check` judges: rule ids (`S5.1`) or systems (`S1`); empty judges every rule.
   * A district that has not adopted a system leaves it out.
   */
  rules: string[];
  /** S1.1: receptions a year by the district Party secretary (2). */
  district_secretary_receptions_per_year: number;
  /** S1.2: receptions a calendar month by a town/street secretary (1). */
  town_secretary_receptions_per_month: number;
  /** S1.3: receptions an ISO week by a village/community secretary (1; A8). */
  village_secretary_receptions_per_week: number;
  /** S1.1–S1.3, A7: minutes a reception must last to count as "不少于半天" (240). */
  reception_min_minutes: number;
  /** S1.4, A11: turns each other committee member takes in each rotation period (1). */
  rotation_turns_per_member: number;
  /**
   * S1.4, A20: minutes a rotation turn must last to count as a turn (240, the half day
   * of A7: "每次不少于半天" is the measure of a 集中接待 session).
   */
  rotation_min_minutes: number;
  /**
   * S1.5, A19: the places where a session counts for S1.1–S1.4 (the five the notice names:
   * `reception_office`, `service_centre`, `market`, `field`, `scene`; not `other`, a
   * channel of S1.6).
   */
  reception_places: Place[];
  /**
   * S1.1, S1.4, S2.1, S2.2, S4.2–S4.5, A16: how a year covered only in part is judged
   * (`prorate`).
   */
  partial_years: PartialYears;
  /** S2.1: household visits a year by a district leader (2). */
  district_leader_visits_per_year: number;
  /** S2.2: household visits a year by a town/street committee member (4). */
  town_member_visits_per_year: number;
  /** S2.3: visits to each household by its village committee member per term (6). */
  village_visits_per_household_per_term: number;
  /** S2.4, A10: days after a 五必访 event within which the village secretary visits (30). */
  must_visit_window_days: number;
  /** S2.6: public-opinion analysis meetings a month in each grassroots organisation (1). */
  analysis_meetings_per_month: number;
  /** S3.2, A9: years of a village committee's term when its dates are not on record (3). */
  term_years: number;
  /**
   * S2.3, S3.2, S3.8, A18: whether a village with no term on record has terms of
   * `term_years` counted from its first record (true); false leaves them not judged
   * (`no_term_on_record`).
   */
  infer_terms: boolean;
  /**
   * S3.1, S3.2, A21: whether each committee commits (`each_committee`) or one joint
   * commitment suffices (`joint`).
   */
  commitment_by: CommitmentBy;
  /** S3.2, A12: month of the day by which the annual commitment is made (1). */
  annual_commitment_by_month: number;
  /** S3.2, A12: day of the month by which the annual commitment is made (31). */
  annual_commitment_by_day: number;
  /** S3.5: approving share that lists an item, "达到三分之二及以上" (≥ 2/3). */
  vote_adopt: Threshold;
  /** S3.5: disapproving share that sends an item back for redrafting, "超过三分之一" (> 1/3). */
  vote_reject: Threshold;
  /** A5: what the vote shares are taken of (all valid ballots). */
  vote_base: VoteBase;
  /**
   * A15: attendance share (present / entitled) a vote needs; none by default, as the
   * source sets none (the Villagers' Committee Organisation Law asks more than 1/2 of adult
   * villagers for a villagers' meeting, at least 2/3 for a representatives' meeting).
   */
  vote_quorum: Threshold | null;
  /** S3.7: dissatisfied share that makes a committee unqualified, "超过30%" (> 30%). */
  grade_unqualified: Threshold;
  /** S3.7: satisfied share that makes it qualified, "达到70%" (≥ 70%). */
  grade_qualified: Threshold;
  /** S3.7: satisfied share that makes it excellent, "超过90%" (> 90%). */
  grade_excellent: Threshold;
  /** A6: where "basically satisfied" ballots count (neither). */
  basically_satisfied_as: BasicallySatisfiedAs;
  /** A3: the grade an undetermined ballot is mapped to; none keeps `undetermined`. */
  undetermined_as: Grade | null;
  /** S3.8: dissatisfied share that calls for rectification, "超过50%" (> 50%). */
  rectify_dissatisfied: Threshold;
  /** S3.8: consecutive unqualified years after which members should resign (2). */
  resign_after_unqualified_years: number;
  /**
   * S3.8, A22: whether the unqualified years must be consecutive years of the same term
   * of the committee (true) or any consecutive calendar years (false).
   */
  resign_within_term: boolean;
  /**
   * S3.8, A23: whether a year with no combined result (综合考评结果) on record takes the
   * ballot's grade instead (false: that part of S3.8 is not judged, `missing_combined`).
   */
  missing_combined_as_ballot: boolean;
  /** S4.2: practical deeds a year by a linked branch (2). */
  branch_link_deeds_per_year: number;
  /** S4.3: help a year for a paired poor person, in fen (50 000 = 500 yuan). */
  pairing_min_fen_per_year: number;
  /** S4.4: practical deeds a year in an industry–village tie (2). */
  industry_village_deeds_per_year: number;
  /** S4.5: practical deeds a year by a mass organisation (2). */
  mass_organisation_deeds_per_year: number;
  /**
   * S4.2–S4.5, A17: the years a link's or pairing's yearly obligation runs in
   * (`anniversary`: its own years from its first day).
   */
  assistance_years: AssistanceYears;
  /** S5.1: days to finish a matter within the organisation's remit (10). */
  within_remit_days: number;
  /** S5.2: days for the organisation one level up, from its own receipt (20; A13). */
  outside_remit_days: number;
  /** S5.3: days to explain a matter that cannot be solved (30). */
  unresolvable_days: number;
  /** S5.4: days for the leading unit of a matter needing several units (40). */
  lead_unit_days: number;
  /** A1: whether the day of receipt is day 1 (false: counting starts the next day). */
  count_receipt_day: boolean;
  /** A2: calendar days or working days. */
  day_count: DayCount;
  /** A2: whether a last day that is a rest day moves to the next working day (true). */
  move_rest_day: boolean;
  /** A2: whether the built-in calendar (State Council notices 2007–2026) is used (true). */
  calendar_builtin: boolean;
  /** A2: calendar years that extend the built-in calendar or replace its years. */
  calendar_years: CalendarYear[];
  /** A24: what a day after the calendar's last covered year is (`not_covered`). */
  beyond_calendar: BeyondCalendar;
  /**
   * S5: an open opinion due within this many working days is due soon (临期) on the
   * agenda (3).
   */
  due_soon_working_days: number;
  /**
   * The longest range a `check` may cover, in years (100): its work follows the records
   * and the range up to `as_of`; this bounds the range a caller may ask.
   */
  max_range_years: number;
  /**
   * N.1, A25: the last day by which each town/street implements the five systems
   * ("今年12月20日前": 2008-12-20, the day included).
   */
  implement_by: IsoDate;
  /**
   * N.2, A25: the last day by which the written report reaches the Organisation
   * Department, with its electronic copy ("2009年1月10日前": 2009-01-10, included).
   */
  report_by: IsoDate;
}

/** The parameters of every rule. Field docs name the rule id each comes from. */
export interface PolicyInput {
  /** Free text naming the policy and its source. */
  name?: string;
  /**
   * The rules `check` judges: rule ids (`S5.1`) or systems (`S1`); empty judges every rule.
   * A district that has not adopted a system leaves it out.
   */
  rules?: string[];
  /** S1.1: receptions a year by the district Party secretary (2). */
  district_secretary_receptions_per_year?: number;
  /** S1.2: receptions a calendar month by a town/street secretary (1). */
  town_secretary_receptions_per_month?: number;
  /** S1.3: receptions an ISO week by a village/community secretary (1; A8). */
  village_secretary_receptions_per_week?: number;
  /** S1.1–S1.3, A7: minutes a reception must last to count as "不少于半天" (240). */
  reception_min_minutes?: number;
  /** S1.4, A11: turns each other committee member takes in each rotation period (1). */
  rotation_turns_per_member?: number;
  /**
   * S1.4, A20: minutes a rotation turn must last to count as a turn (240, the half day
   * of A7: "每次不少于半天" is the measure of a 集中接待 session).
   */
  rotation_min_minutes?: number;
  /**
   * S1.5, A19: the places where a session counts for S1.1–S1.4 (the five the notice names:
   * `reception_office`, `service_centre`, `market`, `field`, `scene`; not `other`, a
   * channel of S1.6).
   */
  reception_places?: Place[];
  /**
   * S1.1, S1.4, S2.1, S2.2, S4.2–S4.5, A16: how a year covered only in part is judged
   * (`prorate`).
   */
  partial_years?: PartialYears;
  /** S2.1: household visits a year by a district leader (2). */
  district_leader_visits_per_year?: number;
  /** S2.2: household visits a year by a town/street committee member (4). */
  town_member_visits_per_year?: number;
  /** S2.3: visits to each household by its village committee member per term (6). */
  village_visits_per_household_per_term?: number;
  /** S2.4, A10: days after a 五必访 event within which the village secretary visits (30). */
  must_visit_window_days?: number;
  /** S2.6: public-opinion analysis meetings a month in each grassroots organisation (1). */
  analysis_meetings_per_month?: number;
  /** S3.2, A9: years of a village committee's term when its dates are not on record (3). */
  term_years?: number;
  /**
   * S2.3, S3.2, S3.8, A18: whether a village with no term on record has terms of
   * `term_years` counted from its first record (true); false leaves them not judged
   * (`no_term_on_record`).
   */
  infer_terms?: boolean;
  /**
   * S3.1, S3.2, A21: whether each committee commits (`each_committee`) or one joint
   * commitment suffices (`joint`).
   */
  commitment_by?: CommitmentBy;
  /** S3.2, A12: month of the day by which the annual commitment is made (1). */
  annual_commitment_by_month?: number;
  /** S3.2, A12: day of the month by which the annual commitment is made (31). */
  annual_commitment_by_day?: number;
  /** S3.5: approving share that lists an item, "达到三分之二及以上" (≥ 2/3). */
  vote_adopt?: Threshold;
  /** S3.5: disapproving share that sends an item back for redrafting, "超过三分之一" (> 1/3). */
  vote_reject?: Threshold;
  /** A5: what the vote shares are taken of (all valid ballots). */
  vote_base?: VoteBase;
  /**
   * A15: attendance share (present / entitled) a vote needs; none by default, as the
   * source sets none (the Villagers' Committee Organisation Law asks more than 1/2 of adult
   * villagers for a villagers' meeting, at least 2/3 for a representatives' meeting).
   */
  vote_quorum?: Threshold | null;
  /** S3.7: dissatisfied share that makes a committee unqualified, "超过30%" (> 30%). */
  grade_unqualified?: Threshold;
  /** S3.7: satisfied share that makes it qualified, "达到70%" (≥ 70%). */
  grade_qualified?: Threshold;
  /** S3.7: satisfied share that makes it excellent, "超过90%" (> 90%). */
  grade_excellent?: Threshold;
  /** A6: where "basically satisfied" ballots count (neither). */
  basically_satisfied_as?: BasicallySatisfiedAs;
  /** A3: the grade an undetermined ballot is mapped to; none keeps `undetermined`. */
  undetermined_as?: Grade | null;
  /** S3.8: dissatisfied share that calls for rectification, "超过50%" (> 50%). */
  rectify_dissatisfied?: Threshold;
  /** S3.8: consecutive unqualified years after which members should resign (2). */
  resign_after_unqualified_years?: number;
  /**
   * S3.8, A22: whether the unqualified years must be consecutive years of the same term
   * of the committee (true) or any consecutive calendar years (false).
   */
  resign_within_term?: boolean;
  /**
   * S3.8, A23: whether a year with no combined result (综合考评结果) on record takes the
   * ballot's grade instead (false: that part of S3.8 is not judged, `missing_combined`).
   */
  missing_combined_as_ballot?: boolean;
  /** S4.2: practical deeds a year by a linked branch (2). */
  branch_link_deeds_per_year?: number;
  /** S4.3: help a year for a paired poor person, in fen (50 000 = 500 yuan). */
  pairing_min_fen_per_year?: number;
  /** S4.4: practical deeds a year in an industry–village tie (2). */
  industry_village_deeds_per_year?: number;
  /** S4.5: practical deeds a year by a mass organisation (2). */
  mass_organisation_deeds_per_year?: number;
  /**
   * S4.2–S4.5, A17: the years a link's or pairing's yearly obligation runs in
   * (`anniversary`: its own years from its first day).
   */
  assistance_years?: AssistanceYears;
  /** S5.1: days to finish a matter within the organisation's remit (10). */
  within_remit_days?: number;
  /** S5.2: days for the organisation one level up, from its own receipt (20; A13). */
  outside_remit_days?: number;
  /** S5.3: days to explain a matter that cannot be solved (30). */
  unresolvable_days?: number;
  /** S5.4: days for the leading unit of a matter needing several units (40). */
  lead_unit_days?: number;
  /** A1: whether the day of receipt is day 1 (false: counting starts the next day). */
  count_receipt_day?: boolean;
  /** A2: calendar days or working days. */
  day_count?: DayCount;
  /** A2: whether a last day that is a rest day moves to the next working day (true). */
  move_rest_day?: boolean;
  /** A2: whether the built-in calendar (State Council notices 2007–2026) is used (true). */
  calendar_builtin?: boolean;
  /** A2: calendar years that extend the built-in calendar or replace its years. */
  calendar_years?: CalendarYearInput[];
  /** A24: what a day after the calendar's last covered year is (`not_covered`). */
  beyond_calendar?: BeyondCalendar;
  /**
   * S5: an open opinion due within this many working days is due soon (临期) on the
   * agenda (3).
   */
  due_soon_working_days?: number;
  /**
   * The longest range a `check` may cover, in years (100): its work follows the records
   * and the range up to `as_of`; this bounds the range a caller may ask.
   */
  max_range_years?: number;
  /**
   * N.1, A25: the last day by which each town/street implements the five systems
   * ("今年12月20日前": 2008-12-20, the day included).
   */
  implement_by?: IsoDate;
  /**
   * N.2, A25: the last day by which the written report reaches the Organisation
   * Department, with its electronic copy ("2009年1月10日前": 2009-01-10, included).
   */
  report_by?: IsoDate;
}

/** Where a reception took place (S1.5). */
export type Place = "reception_office" | "service_centre" | "market" | "field" | "scene" | "other";

/** How a yearly obligation is judged for a year its subject covers only in part (A16). */
export type PartialYears = "prorate" | "whole_only";

/** Who must make the S3.2 commitments (A21). */
export type CommitmentBy = "each_committee" | "joint";

/**
 * A bound on a share, as the source words it: "达到/及以上" (`at_least`, the bound
 * included) or "超过" (`more_than`, the bound excluded).
 */
export interface Threshold {
  /** Numerator of the bound, e.g. 2 in 2/3 or 70 in 70%. */
  numerator: number;
  /** Denominator of the bound, e.g. 3 in 2/3 or 100 in 70%; never 0. */
  denominator: number;
  /** Whether the bound itself meets the threshold: true for "达到/及以上", false for "超过". */
  inclusive: boolean;
}

/** What the shares of a commitment vote are taken of (A5). */
export type VoteBase = "ballots" | "present" | "entitled";

/** Where "basically satisfied" ballots count in the satisfaction shares (A6). */
export type BasicallySatisfiedAs = "neither" | "satisfied" | "dissatisfied";

/** A grade of S3.7: its name (written in answers) or its Chinese label. */
export type Grade = "unqualified" | "undetermined" | "qualified" | "excellent" | "不合格" | "未定" | "合格" | "优秀";

/** Which years the S4.2–S4.5 yearly obligations of a link or pairing run in (A17). */
export type AssistanceYears = "anniversary" | "calendar";

/** How the "1234" time limits count days (A2). */
export type DayCount = "calendar" | "working";

/** The yearly notice that sets one year's holidays. */
export interface CalendarYear {
  /** The year the notice is for; it covers every date of that calendar year. */
  year: number;
  /** Title of the notice. */
  notice: string;
  /** Document number, e.g. 国办发明电〔2007〕40号. */
  doc_no: string | null;
  /** Date the notice was published. */
  published: IsoDate | null;
  /** Holiday periods (they may start in the previous year). */
  rest_days: RestPeriod[];
  /** Weekend days made working days (调休上班). */
  working_days: IsoDate[];
}

/** The yearly notice that sets one year's holidays. */
export interface CalendarYearInput {
  /** The year the notice is for; it covers every date of that calendar year. */
  year: number;
  /** Title of the notice. */
  notice?: string;
  /** Document number, e.g. 国办发明电〔2007〕40号. */
  doc_no?: string | null;
  /** Date the notice was published. */
  published?: IsoDate | null;
  /** Holiday periods (they may start in the previous year). */
  rest_days?: RestPeriod[];
  /** Weekend days made working days (调休上班). */
  working_days?: IsoDate[];
}

/** One holiday period of a notice, both ends included. */
export interface RestPeriod {
  /** The holiday's name as the notice gives it (元旦, 春节, …). */
  name: string;
  /** First rest day. */
  from: IsoDate;
  /** Last rest day. */
  to: IsoDate;
}

/** What a deadline that needs a day beyond the calendar's last covered year gets (A24). */
export type BeyondCalendar = "not_covered" | "weekends";

/** `feedback_status`: S5.1–S5.6, the deadline and where the matter stands. */
export interface FeedbackStatusRequest {
  /** The day the matter was received. */
  received: IsoDate;
  /** The "1234" class. */
  responsibility: Responsibility;
  /** The day it was fed back, if it was. */
  fed_back?: IsoDate | null;
  /** The day the records were taken; required without `fed_back`. */
  as_of?: IsoDate | null;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** The deadline of an opinion and where it stands. */
export interface FeedbackStatus {
  /** The last day on which the matter may be finished and fed back. */
  deadline: IsoDate;
  /** On time, late, open or overdue. */
  status: Status;
  /**
   * Days to spare (`on_time`), days late (`late`), days left (`open`) or days overdue
   * (`overdue`): never negative.
   */
  days: number;
}

/** Where an opinion stands against its deadline. */
export type Status = "on_time" | "late" | "open" | "overdue";

/**
 * `evaluate_row`: S5 for one row of a register (form F4), as `evaluate_register` does for
 * every row: the status on `as_of`, the day the register was taken.
 */
export interface EvaluateRowRequest {
  /** The day the matter was received. */
  received: IsoDate;
  /** The "1234" class. */
  responsibility: Responsibility;
  /** The day it was fed back, if it was. */
  fed_back?: IsoDate | null;
  /** The day the register was taken. */
  as_of: IsoDate;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** `decide_vote`: S3.5, the outcome of the vote on one proposed item. */
export interface DecideVoteRequest {
  /** Approving ballots. */
  approve: number;
  /** Disapproving ballots. */
  disapprove: number;
  /** Abstentions. */
  abstain?: number;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** Persons present (A5, A15), with `entitled`. */
  present?: number | null;
  /** Persons entitled to attend (A5, A15), with `present`. */
  entitled?: number | null;
}

/** The outcome of a vote on one commitment item. */
export type VoteOutcome = "adopted" | "rejected" | "not_adopted" | "no_quorum";

/** `grade`: S3.7, the grade of a satisfaction ballot. */
export interface GradeRequest {
  /** Satisfied ballots. */
  satisfied: number;
  /** "Basically satisfied" ballots. */
  basically_satisfied?: number;
  /** Dissatisfied ballots. */
  dissatisfied?: number;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** `consequences`: S3.8, what follows from a committee's year-end evaluations. */
export interface ConsequencesRequest {
  /** One evaluation a year. */
  years: YearEvaluation[];
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** One year's evaluation of a village committee. */
export interface YearEvaluation {
  /** The year evaluated. */
  year: number;
  /** Satisfied ballots. */
  satisfied: number;
  /** "Basically satisfied" ballots. */
  basically_satisfied?: number;
  /** Dissatisfied ballots. */
  dissatisfied?: number;
  /** The combined evaluation grade (综合考评结果); the ballot's grade when absent. */
  combined?: Grade | null;
}

/** One consequence for one year. */
export interface Consequence {
  /** The year whose evaluation calls for it. */
  year: number;
  /** What must be done. */
  action: Action;
  /** Why. */
  reason: Reason;
}

/** What the upper Party organisation must do. */
export type Action = "rectify" | "resign";

/** Why the action follows. */
export type Reason = "dissatisfaction_over_half" | "combined_unqualified" | "unqualified_two_years";

/** `is_rest_day`: A2, whether a day is a rest day of the holiday calendar. */
export interface IsRestDayRequest {
  /** The day. */
  date: IsoDate;
  /** The policy (its calendar); Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** `check` and `check_detailed`: S1–S5 over a district's records. */
export interface CheckRequest {
  /** The records. */
  dataset: DatasetOrPath;
  /** First day of the judged range. */
  start: IsoDate;
  /** Last day of the judged range (included). */
  end: IsoDate;
  /** The day the records were taken. */
  as_of: IsoDate;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
  /** Whether each finding lists the records it counted (ids, dates and amounts only). */
  explain?: boolean;
}

/**
 * A dataset, or the path of one where the host reads files (the CLI and Python). Only its
 * schema is used: the operation reads the document itself, so that its errors keep their
 * codes and places.
 */
export type DatasetOrPath = string | DatasetInput;

/** Everything a district recorded. Every list may be empty or left out. */
export interface Dataset {
  /** Party organisations. */
  units: Unit[];
  /** Committee members. */
  people: Person[];
  /** Village households. */
  households: Household[];
  /** Village committee terms. */
  terms: Term[];
  /** Receptions (S1). */
  receptions: Reception[];
  /** Household visits (S2). */
  visits: Visit[];
  /** Events of S2.4. */
  household_events: HouseholdEvent[];
  /** Analysis meetings (S2.6). */
  meetings: Meeting[];
  /** Opinions (S5). */
  opinions: Opinion[];
  /** Commitments (S3.2–S3.5). */
  commitments: Commitment[];
  /** Year-end evaluations (S3.7). */
  evaluations: Evaluation[];
  /** Assistance links (S4.2, S4.4, S4.5). */
  links: Link[];
  /** Deeds under links. */
  deeds: Deed[];
  /** Pairings (S4.3). */
  pairings: Pairing[];
  /** Aid under pairings. */
  aid: Aid[];
  /** How towns and departments implemented the notice (N.1–N.3). */
  implementations?: Implementation[];
}

/** Everything a district recorded. Every list may be empty or left out. */
export interface DatasetInput {
  /** Party organisations. */
  units?: UnitInput[];
  /** Committee members. */
  people?: PersonInput[];
  /** Village households. */
  households?: HouseholdInput[];
  /** Village committee terms. */
  terms?: Term[];
  /** Receptions (S1). */
  receptions?: ReceptionInput[];
  /** Household visits (S2). */
  visits?: Visit[];
  /** Events of S2.4. */
  household_events?: HouseholdEvent[];
  /** Analysis meetings (S2.6). */
  meetings?: Meeting[];
  /** Opinions (S5). */
  opinions?: OpinionInput[];
  /** Commitments (S3.2–S3.5). */
  commitments?: CommitmentInput[];
  /** Year-end evaluations (S3.7). */
  evaluations?: EvaluationInput[];
  /** Assistance links (S4.2, S4.4, S4.5). */
  links?: LinkInput[];
  /** Deeds under links. */
  deeds?: Deed[];
  /** Pairings (S4.3). */
  pairings?: PairingInput[];
  /** Aid under pairings. */
  aid?: Aid[];
  /** How towns and departments implemented the notice (N.1–N.3). */
  implementations?: ImplementationInput[];
}

/** A Party organisation and its area. */
export interface Unit {
  /** Unique id. */
  id: string;
  /** Level. */
  level: Level;
  /** The unit above (none for the district and for organisations). */
  parent: string | null;
  /**
   * Its name (`花溪街道`, `民主村`), for reports a person reads; never judged, and never
   * shown in a message (which names the id).
   */
  name?: string | null;
}

/** A Party organisation and its area. */
export interface UnitInput {
  /** Unique id. */
  id: string;
  /** Level. */
  level: Level;
  /** The unit above (none for the district and for organisations). */
  parent?: string | null;
  /**
   * Its name (`花溪街道`, `民主村`), for reports a person reads; never judged, and never
   * shown in a message (which names the id).
   */
  name?: string | null;
}

/** The level of a unit (区 · 镇（街） · 村（社区）), or an organisation that gives help (S4). */
export type Level = "district" | "town" | "village" | "community" | "organisation";

/** A committee member and their time in office. */
export interface Person {
  /** Unique id (never a name). */
  id: string;
  /** The unit whose committee they sit on. */
  unit: string;
  /** Secretary or member. */
  role: Role;
  /** District only: a member of the standing committee (区委常委), rostered under S1.4. */
  standing_committee: boolean;
  /** First day in office. */
  from: IsoDate;
  /** Last day in office; none while still in office. */
  to: IsoDate | null;
}

/** A committee member and their time in office. */
export interface PersonInput {
  /** Unique id (never a name). */
  id: string;
  /** The unit whose committee they sit on. */
  unit: string;
  /** Secretary or member. */
  role: Role;
  /** District only: a member of the standing committee (区委常委), rostered under S1.4. */
  standing_committee?: boolean;
  /** First day in office. */
  from: IsoDate;
  /** Last day in office; none while still in office. */
  to?: IsoDate | null;
}

/** A committee role (S1, S2). */
export type Role = "secretary" | "member";

/** A household of a village or community (S2.3, S2.4, S4.3). */
export interface Household {
  /** Unique id. */
  id: string;
  /** Its village or community. */
  unit: string;
  /** The committee member it is assigned to (S2.3); none when unassigned. */
  member: string | null;
  /** Poor (贫困群众, S4.1, S4.3). */
  poor: boolean;
  /** A focus household of S2.1 (困难户, 上访户, 致富能人, 老党员, 老干部). */
  focus: boolean;
  /** Has members working away (外出人员, S2.5). */
  away: boolean;
}

/** A household of a village or community (S2.3, S2.4, S4.3). */
export interface HouseholdInput {
  /** Unique id. */
  id: string;
  /** Its village or community. */
  unit: string;
  /** The committee member it is assigned to (S2.3); none when unassigned. */
  member?: string | null;
  /** Poor (贫困群众, S4.1, S4.3). */
  poor?: boolean;
  /** A focus household of S2.1 (困难户, 上访户, 致富能人, 老党员, 老干部). */
  focus?: boolean;
  /** Has members working away (外出人员, S2.5). */
  away?: boolean;
}

/** A village committee's term (换届 to 换届, A9). */
export interface Term {
  /** The village or community. */
  unit: string;
  /** First day of the term (the election). */
  from: IsoDate;
  /** Last day of the term. */
  to: IsoDate;
}

/** A reception session (S1.1–S1.5). */
export interface Reception {
  /** The receiving secretary or member. */
  person: string;
  /** Day of the session. */
  date: IsoDate;
  /** Length in minutes (A7). */
  minutes: number;
  /** Where (S1.5). */
  place: Place;
}

/** A reception session (S1.1–S1.5). */
export interface ReceptionInput {
  /** The receiving secretary or member. */
  person: string;
  /** Day of the session. */
  date: IsoDate;
  /** Length in minutes (A7). */
  minutes: number;
  /** Where (S1.5). */
  place?: Place;
}

/** A household visit (S2.1–S2.5). */
export interface Visit {
  /** The visiting committee member. */
  person: string;
  /** The household visited. */
  household: string;
  /** Day of the visit. */
  date: IsoDate;
}

/** A household event the village secretary must visit (S2.4). */
export interface HouseholdEvent {
  /** Unique id. */
  id: string;
  /** The household. */
  household: string;
  /** Which of the five. */
  kind: EventKind;
  /** Day of the event. */
  date: IsoDate;
}

/** The five events of S2.4 (五必访). */
export type EventKind = "serious_illness" | "hospital" | "wedding_or_funeral" | "accident" | "disaster";

/** A monthly public-opinion analysis meeting (S2.6). */
export interface Meeting {
  /** The grassroots organisation. */
  unit: string;
  /** Day of the meeting. */
  date: IsoDate;
}

/** An opinion of the public (S5, form F4). */
export interface Opinion {
  /** Unique id (the register's serial number). */
  id: string;
  /** The organisation responsible (for S5.2 the one up, A13). */
  unit: string;
  /** Day the responsible organisation received it (A13). */
  received: IsoDate;
  /** "1234" class. */
  responsibility: Responsibility;
  /** Day fed back to the reporter. */
  fed_back: IsoDate | null;
  /** Whether a result is recorded (办理结果). */
  result: boolean;
  /** Closed in the register (是否销号). */
  closed: boolean;
  /**
   * The "finish and reply by" day promised on the assignment slip (F2: 望在…前办理完毕),
   * if any; it may be earlier than the limit, never later (S5.1–S5.4: "10天内" is a
   * maximum).
   */
  promised: IsoDate | null;
}

/** An opinion of the public (S5, form F4). */
export interface OpinionInput {
  /** Unique id (the register's serial number). */
  id: string;
  /** The organisation responsible (for S5.2 the one up, A13). */
  unit: string;
  /** Day the responsible organisation received it (A13). */
  received: IsoDate;
  /** "1234" class. */
  responsibility: Responsibility;
  /** Day fed back to the reporter. */
  fed_back?: IsoDate | null;
  /** Whether a result is recorded (办理结果). */
  result?: boolean;
  /** Closed in the register (是否销号). */
  closed?: boolean;
  /**
   * The "finish and reply by" day promised on the assignment slip (F2: 望在…前办理完毕),
   * if any; it may be earlier than the limit, never later (S5.1–S5.4: "10天内" is a
   * maximum).
   */
  promised?: IsoDate | null;
}

/** A commitment of a village committee and the dates of its six steps (S3.2–S3.6). */
export interface Commitment {
  /** Unique id. */
  id: string;
  /** The village or community. */
  unit: string;
  /** The year it is for (the first year for a term commitment). */
  year: number;
  /** Annual or term. */
  kind: CommitmentKind;
  /**
   * The committee that commits (S3.1): `party` or `villagers`. A commitment naming none
   * is credited to neither committee (`missing_committee`) unless the policy takes one
   * joint commitment (A21).
   */
  committee: Committee | null;
  /** 提出初诺. */
  proposed: IsoDate | null;
  /** 民主定诺: the vote. */
  voted: IsoDate | null;
  /** Approval by the town Party committee and government. */
  approved: IsoDate | null;
  /** 公开承诺: made public. */
  published: IsoDate | null;
  /** The items voted on. */
  items: CommitmentItem[];
}

/** A commitment of a village committee and the dates of its six steps (S3.2–S3.6). */
export interface CommitmentInput {
  /** Unique id. */
  id: string;
  /** The village or community. */
  unit: string;
  /** The year it is for (the first year for a term commitment). */
  year: number;
  /** Annual or term. */
  kind: CommitmentKind;
  /**
   * The committee that commits (S3.1): `party` or `villagers`. A commitment naming none
   * is credited to neither committee (`missing_committee`) unless the policy takes one
   * joint commitment (A21).
   */
  committee?: Committee | null;
  /** 提出初诺. */
  proposed?: IsoDate | null;
  /** 民主定诺: the vote. */
  voted?: IsoDate | null;
  /** Approval by the town Party committee and government. */
  approved?: IsoDate | null;
  /** 公开承诺: made public. */
  published?: IsoDate | null;
  /** The items voted on. */
  items?: CommitmentItemInput[];
}

/** Annual or term commitment (S3.2). */
export type CommitmentKind = "annual" | "term";

/** Which of the two committees (两委会) a commitment is made by (S3.1). */
export type Committee = "party" | "villagers";

/** The vote on one proposed item (S3.5) and whether it was listed. */
export interface CommitmentItem {
  /** Id of the item within the commitment. */
  id: string;
  /** Approving ballots. */
  approve: number;
  /** Disapproving ballots. */
  disapprove: number;
  /** Abstentions. */
  abstain: number;
  /** Listed in the commitment letter. */
  listed: boolean;
  /**
   * Persons present at the vote (A5, A15); needed when the policy sets a quorum or takes
   * the shares of those present or entitled.
   */
  present: number | null;
  /** Persons entitled to vote (A5, A15); as `present`. */
  entitled: number | null;
}

/** The vote on one proposed item (S3.5) and whether it was listed. */
export interface CommitmentItemInput {
  /** Id of the item within the commitment. */
  id: string;
  /** Approving ballots. */
  approve: number;
  /** Disapproving ballots. */
  disapprove: number;
  /** Abstentions. */
  abstain?: number;
  /** Listed in the commitment letter. */
  listed: boolean;
  /**
   * Persons present at the vote (A5, A15); needed when the policy sets a quorum or takes
   * the shares of those present or entitled.
   */
  present?: number | null;
  /** Persons entitled to vote (A5, A15); as `present`. */
  entitled?: number | null;
}

/** A year-end evaluation (S3.7). */
export interface Evaluation {
  /** The village or community. */
  unit: string;
  /** The year evaluated. */
  year: number;
  /** Satisfied ballots. */
  satisfied: number;
  /** Basically satisfied ballots. */
  basically_satisfied: number;
  /** Dissatisfied ballots. */
  dissatisfied: number;
  /**
   * The combined evaluation (综合考评结果). When absent, the parts of S3.8 that rest on it
   * are not judged (`missing_combined`), never read from the ballot, unless the policy
   * says so (A23).
   */
  combined: Grade | null;
}

/** A year-end evaluation (S3.7). */
export interface EvaluationInput {
  /** The village or community. */
  unit: string;
  /** The year evaluated. */
  year: number;
  /** Satisfied ballots. */
  satisfied: number;
  /** Basically satisfied ballots. */
  basically_satisfied?: number;
  /** Dissatisfied ballots. */
  dissatisfied?: number;
  /**
   * The combined evaluation (综合考评结果). When absent, the parts of S3.8 that rest on it
   * are not judged (`missing_combined`), never read from the ballot, unless the policy
   * says so (A23).
   */
  combined?: Grade | null;
}

/** A helping organisation linked with a grassroots Party organisation. */
export interface Link {
  /** Unique id. */
  id: string;
  /** Which kind. */
  kind: LinkKind;
  /** The helping organisation (a unit). */
  helper: string;
  /** The village or community helped. */
  unit: string;
  /** First day of the link. */
  from: IsoDate;
  /** Last day; none while it lasts. */
  to: IsoDate | null;
}

/** A helping organisation linked with a grassroots Party organisation. */
export interface LinkInput {
  /** Unique id. */
  id: string;
  /** Which kind. */
  kind: LinkKind;
  /** The helping organisation (a unit). */
  helper: string;
  /** The village or community helped. */
  unit: string;
  /** First day of the link. */
  from: IsoDate;
  /** Last day; none while it lasts. */
  to?: IsoDate | null;
}

/** The kinds of assistance link (S4.2, S4.4, S4.5). */
export type LinkKind = "branch_link" | "industry_village" | "mass_organisation";

/** A practical deed (办实事、好事) done under a link. */
export interface Deed {
  /** The link. */
  link: string;
  /** Day it was done. */
  date: IsoDate;
}

/** One or more Party members paired with a poor household (S4.3). */
export interface Pairing {
  /** Unique id. */
  id: string;
  /** The poor household. */
  household: string;
  /** First day of the pairing. */
  from: IsoDate;
  /** Last day; none while it lasts. */
  to: IsoDate | null;
}

/** One or more Party members paired with a poor household (S4.3). */
export interface PairingInput {
  /** Unique id. */
  id: string;
  /** The poor household. */
  household: string;
  /** First day of the pairing. */
  from: IsoDate;
  /** Last day; none while it lasts. */
  to?: IsoDate | null;
}

/** Help given under a pairing, in fen (S4.3). */
export interface Aid {
  /** The pairing. */
  pairing: string;
  /** Day given. */
  date: IsoDate;
  /** Amount in fen (1 yuan = 100 fen). */
  amount_fen: number;
}

/** How a town, street or department implemented the notice itself (N.1–N.3). */
export interface Implementation {
  /** The town, street or department (organisation); one record each. */
  unit: string;
  /** N.1: the day the five systems were fully in force (全面贯彻落实); none when not yet. */
  implemented: IsoDate | null;
  /** N.2: the day the written report reached the Organisation Department; none when not yet. */
  report_written: IsoDate | null;
  /** N.2: the day the electronic copy was sent over the Party/government network. */
  report_electronic: IsoDate | null;
  /** N.3: the person first responsible (第一责任人): the unit's Party secretary. */
  first_responsible: string | null;
  /** N.3: the leader in charge, directly responsible (直接责任人): a person of the unit. */
  directly_responsible: string | null;
  /** N.3: the named clerk (具体经办人): an id, as for any person. */
  clerk: string | null;
}

/** How a town, street or department implemented the notice itself (N.1–N.3). */
export interface ImplementationInput {
  /** The town, street or department (organisation); one record each. */
  unit: string;
  /** N.1: the day the five systems were fully in force (全面贯彻落实); none when not yet. */
  implemented?: IsoDate | null;
  /** N.2: the day the written report reached the Organisation Department; none when not yet. */
  report_written?: IsoDate | null;
  /** N.2: the day the electronic copy was sent over the Party/government network. */
  report_electronic?: IsoDate | null;
  /** N.3: the person first responsible (第一责任人): the unit's Party secretary. */
  first_responsible?: string | null;
  /** N.3: the leader in charge, directly responsible (直接责任人): a person of the unit. */
  directly_responsible?: string | null;
  /** N.3: the named clerk (具体经办人): an id, as for any person. */
  clerk?: string | null;
}

/** The result of [`check`](super::check). */
export interface Report {
  /** First day of the checked range. */
  start: IsoDate;
  /** Last day of the checked range. */
  end: IsoDate;
  /** The day the records were taken. */
  as_of: IsoDate;
  /** The policy's name. */
  policy: string;
  /** Every shortfall, by rule, unit, subject and period. */
  findings: Finding[];
  /** Tallies per rule id. */
  by_rule: Tally[];
  /** Tallies per unit. */
  by_unit: Tally[];
  /** The year-end grades (S3.7). */
  grades: UnitGrade[];
  /**
   * Every obligation not judged because of a record (a reason other than
   * `outside_range`, `open` and `partial_period`), in every report, each naming its
   * record: the opinion, the commitment item (`commitment/item`), the village and year of
   * an evaluation, or the village and committee.
   */
  records_not_judged: Outcome[];
  /** A24: whether any judgement is provisional (rest days guessed beyond the calendar). */
  provisional: boolean;
  /**
   * Every judgement, when asked for with [`check_detailed`](super::check_detailed);
   * `null` from [`check`](super::check).
   */
  outcomes: Outcome[] | null;
}

/** One shortfall: who fell short of which rule, in which period, by how much. */
export interface Finding {
  /** Rule id of the catalogue (`docs/rules.md`: `S1.3`, `S5.1`, …). */
  rule: string;
  /** Stable snake_case code of the shortfall (`too_few_receptions`, …). */
  code: string;
  /** The unit responsible. */
  unit: string;
  /** The id of the person, household, opinion, link, pairing or unit concerned. */
  subject: string;
  /** The period judged. */
  period: Period;
  /** What the rule asks (a count, days or fen; see the code's documentation). */
  expected: number;
  /** What was recorded. */
  actual: number;
  /** English message (ids only, never personal data). */
  message: string;
  /** Chinese message. */
  message_zh: string;
  /**
   * A24: judged with rest days guessed beyond the holiday calendar (Saturdays and Sundays
   * only), to be confirmed once the State Council's notice for that year is added.
   */
  provisional: boolean;
  /**
   * The records counted for `actual` — ids, dates and amounts only — when the check was
   * asked to explain its findings (`explain`); none otherwise.
   */
  counted?: Counted[] | null;
}

/** A period judged by a rule, both ends included. */
export interface Period {
  /** First day. */
  start: IsoDate;
  /** Last day. */
  end: IsoDate;
  /** `2009`, `2009-02`, `2009-W53`, or `2008-09-25..2008-10-06`. */
  label: string;
}

/**
 * One record a finding counted: what it is, its day, the ids it names and, for aid, its
 * amount in fen.
 */
export interface Counted {
  /** `reception`, `visit`, `meeting`, `deed` or `aid`. */
  record: string;
  /** Its day. */
  date: IsoDate;
  /** The ids it names (the person; the person and the household; the link; the pairing). */
  ids: string[];
  /** Aid: the amount in fen. */
  amount_fen?: number | null;
}

/** Judged, met, not met and not judged for one rule or one unit. */
export interface Tally {
  /** The rule id or the unit id. */
  key: string;
  /** Periods (or subjects) judged. */
  judged: number;
  /** Judged and met. */
  met: number;
  /** Judged and not met. */
  not_met: number;
  /**
   * Not judged (A8: not wholly inside the range and the subject's time, or still open;
   * or a record that cannot be judged).
   */
  not_judged: number;
  /**
   * `not_judged` broken down by reason code (`outside_range`, `open`, `partial_period`,
   * …; see [`NOT_JUDGED_REASONS`](super::NOT_JUDGED_REASONS)); the counts add up to
   * `not_judged`.
   */
  not_judged_by_reason: { [key: string]: number };
  /** Judgements (among `judged`) that are provisional (A24). */
  provisional: number;
  /** `met / judged` in per mille, rounded down; none when nothing was judged. */
  rate_permille: number | null;
}

/** A committee's grade for a year (S3.7). */
export interface UnitGrade {
  /** The village or community. */
  unit: string;
  /** The year. */
  year: number;
  /** The ballot's grade. */
  ballot: Grade;
  /**
   * The combined grade for display: the one on record, or the ballot's when none was
   * recorded (S3.8 never judges on that substitute unless the policy says so, A23; see
   * `recorded_combined`).
   */
  combined: Grade;
  /** The combined grade on record (综合考评结果); none when none was recorded. */
  recorded_combined: Grade | null;
}

/**
 * One judgement of [`check_detailed`](super::check_detailed): every period of every
 * subject, met or not, for grids and audits.
 */
export interface Outcome {
  /** Rule id. */
  rule: string;
  /** The unit responsible. */
  unit: string;
  /** The subject's id. */
  subject: string;
  /** The period. */
  period: Period;
  /** Met, not met or not judged. */
  status: OutcomeStatus;
  /**
   * Why it was not judged (a code of [`NOT_JUDGED_REASONS`](super::NOT_JUDGED_REASONS));
   * none when judged.
   */
  reason: string | null;
  /** A24: judged with rest days guessed beyond the holiday calendar. */
  provisional: boolean;
}

/** How one judged (or not judged) period came out. */
export type OutcomeStatus = "met" | "not_met" | "not_judged";

/** `agenda`: what falls due within a horizon, and what is already late. */
export interface AgendaRequest {
  /** The records. */
  dataset: DatasetOrPath;
  /** The day the records were taken: today. */
  as_of: IsoDate;
  /** Days ahead to look (14). */
  horizon_days?: number;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** The agenda of a district on a day. */
export interface Agenda {
  /** The day the records were taken. */
  as_of: IsoDate;
  /** Days ahead looked at. */
  horizon_days: number;
  /** The last day looked at: `as_of` + `horizon_days`. */
  until: IsoDate;
  /** Every item, by due day. */
  items: AgendaItem[];
  /**
   * The records the agenda could not judge, each named with its reason (an opinion whose
   * deadline the holiday calendar does not cover, a vote without attendance…): nothing
   * is left out without a word.
   */
  records_not_judged: Outcome[];
}

/** One thing owed. */
export interface AgendaItem {
  /** The rule id. */
  rule: string;
  /** The finding it becomes if it is not done (`too_few_receptions`, `feedback_overdue`…). */
  code: string;
  /** The unit responsible. */
  unit: string;
  /** The person, household, event, opinion, link, pairing, unit or committee concerned. */
  subject: string;
  /** The period of the obligation. */
  period: Period;
  /** The last day to do it. */
  due: IsoDate;
  /** Days from `as_of` to `due`: negative when late. */
  days_left: number;
  /** Open, due soon or late. */
  state: AgendaState;
  /** What the rule asks in the period (receptions, visits, meetings, deeds, fen, …). */
  expected: number;
  /** What was done by `as_of`. */
  actual: number;
  /** What is still owed, in English (`1 reception of at least 240 minutes`). */
  owed: string;
  /** What is still owed, in Chinese. */
  owed_zh: string;
  /** A24: the due day rests on a guess beyond the holiday calendar. */
  provisional: boolean;
}

/** Where an item stands on `as_of`. */
export type AgendaState = "open" | "due_soon" | "late";

/** `validate_form`: F1–F5, every problem of a form document. */
export interface ValidateFormRequest {
  /** Which form. */
  kind: FormKind;
  /** The document (any JSON: its problems are the answer). */
  data: JsonValue;
  /** The policy (for the "1234" deadlines on F2 and F4); Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** The five forms. */
export type FormKind = "reception_record" | "assignment_slip" | "visit_diary" | "register_entry" | "feedback_slip";

/** The result of [`validate_form`]: `valid` exactly when `errors` is empty. */
export interface Validation {
  /** Whether the document has no problem. */
  valid: boolean;
  /** Every problem, in form order (see [`validate_form`]). */
  errors: FieldError[];
}

/** One problem of a form document. */
export interface FieldError {
  /** Where: `["visitor", "phone"]`, `["members", 2, "age"]`; `[]` for the document itself. */
  loc: Loc;
  /** What: one of [`FIELD_ERROR_CODES`]. */
  code: FieldCode;
  /** In English, naming the field only (never a value typed into it). */
  message: string;
  /** In Chinese, naming the field by its labels on the paper form. */
  message_zh: string;
  /** The rule ids (`F1`, `S1.8`, `S2.5`, `S5.1 A1 A2`, …), space-separated. */
  rule: string;
}

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

/** The code of a [`super::FieldError`]: stable snake_case, the same in every language. */
export type FieldCode = "required" | "unknown_field" | "invalid_type" | "invalid_date" | "invalid_phone" | "date_order" | "out_of_range" | "invalid_amount" | "invalid_choice" | "invalid_serial" | "deadline_mismatch" | "calendar_not_covered" | "closed_incomplete" | "inconsistent" | "too_long";

/** `form_schema`: the JSON Schema of one form. */
export interface FormSchemaRequest {
  /** Which form. */
  kind: FormKind;
  /** The JSON Schema draft: `2020-12` (the default, also when `null`) or `07`. */
  draft?: Draft | null;
}

/** The JSON Schema draft of a form schema. */
export type Draft = "2020-12" | "07";

/** `form_fields`: one form. */
export interface FormRequest {
  /** Which form. */
  kind: FormKind;
}

/** One field of a form, as listed by [`form_fields`]. */
export interface FieldInfo {
  /** The path, with `[]` for the items of a list: `visitor.phone`, `members[].age`. */
  path: string;
  /** The Chinese label as printed on the paper form. */
  label_zh: string;
  /** What the field holds, in English. */
  description: string;
  /**
   * `text`, `name`, `address`, `phone`, `date`, `integer`, `money`, `area`, `flag`,
   * `choice`, `serial`, `responsibility`, `object` or `list`.
   */
  kind: string;
  /** Whether the field is required (inside its group or list item). */
  required: boolean;
  /** The rule ids it comes from. */
  rule: string;
}

/** `redact`: F1–F5, a copy of a form document with personal data masked. */
export interface RedactRequest {
  /** Which form. */
  kind: FormKind;
  /** The document, valid or not. */
  data: JsonValue;
}

/** `generate_district`: a synthetic district with planted violations. */
export interface GenerateDistrictRequest {
  /** Seed of the pseudo-random choices (2008). */
  seed?: number;
  /** Towns (2). */
  towns?: number;
  /** Villages or communities per town (3). */
  villages_per_town?: number;
  /** Households per village (8). */
  households_per_village?: number;
  /** First year of the records (2023). */
  first_year?: number;
  /** Years of records, 1 to 3 (3). */
  years?: number;
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** A synthetic district and the violations planted in it. */
export interface District {
  /** The records. */
  dataset: Dataset;
  /** The findings `check` must report, and no others. */
  planted: Planted[];
}

/** A finding the check must report: rule, code, subject and the period's label. */
export interface Planted {
  /** Rule id. */
  rule: string;
  /** Finding code. */
  code: string;
  /** Subject id. */
  subject: string;
  /** Period label. */
  period: string;
}

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

/** One step of a derivation. */
export interface Step {
  /** The rule or ambiguity ids the step applies (`S5.1`, `A2`). */
  rule: string;
  /** The step in English. */
  text: string;
  /** The step in Chinese. */
  text_zh: string;
  /** The words of the source (or of the law it follows) that decide the step. */
  words?: string | null;
  /** The day the step arrives at, where it arrives at one. */
  date?: IsoDate | null;
}

/** `policy`: a policy read and completed with Banan 2008's values, then checked. */
export interface PolicyRequest {
  /** The policy; Banan 2008 when absent. */
  policy?: PolicyInput | null;
}

/** The catalogues: no parameter. */
export interface NoRequest {
}

/** One rule of the catalogue (`docs/rules.md`, `liaison rules`). */
export interface RuleInfo {
  /** The id (`S5.1`). */
  id: string;
  /** An English gloss. */
  gloss: string;
  /** The source's words. */
  source_zh: string;
  /** The operation or check that implements it, or why none does. */
  implemented_by: string;
}

/** One code of a finding of `check`. */
export interface FindingCodeInfo {
  /** The code (`too_few_receptions`). */
  code: string;
  /** The rule ids it is used for. */
  rules: string[];
  /** What a finding's `expected` and `actual` hold. */
  meaning: string;
}

/** One code of an error. */
export interface ErrorCodeInfo {
  /** The code (`invalid_date`). */
  code: string;
  /** The HTTP status `liaison serve` answers it with. */
  http_status: number;
}

/** One of the five forms. */
export interface FormKindInfo {
  /** The kind (`reception_record`). */
  kind: string;
  /** The rule id (`F1`). */
  rule: string;
  /** The title printed on the paper form. */
  label_zh: string;
  /** The title in English. */
  title: string;
  /** The attachment (附件) number of the notice. */
  attachment: number;
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

/** A stable error code (the `errorCodes()` catalogue). */
export type ErrorCode = "calendar_not_covered" | "date_out_of_range" | "invalid_date" | "invalid_count" | "invalid_responsibility" | "invalid_grade" | "no_ballots" | "feedback_before_receipt" | "as_of_before_receipt" | "as_of_required" | "attendance_required" | "invalid_attendance" | "duplicate_year" | "invalid_input" | "invalid_json" | "invalid_records" | "unknown_reference" | "duplicate_id" | "range_too_long" | "invalid_period" | "after_as_of" | "file_not_found" | "io_error" | "not_a_file" | "too_large" | "invalid_policy" | "invalid_calendar" | "internal_error" | "unknown_operation" | "timeout" | "overloaded" | "method_not_allowed";

/** A bad input: a stable code, messages in English and Chinese, and the place it concerns. */
export interface ContractError {
  code: ErrorCode;
  /** English; shows no personal data. */
  message: string;
  /** Chinese; shows no personal data. */
  message_zh: string;
  loc: Loc;
  /** The rule id, where one applies. */
  rule?: string;
  /** The problems an `invalid_records` error gathers, each with its place. */
  errors?: ContractError[];
}

/** What every function of the package throws on bad input: a JS `Error` named `LiaisonError` with the fields of the error. */
export interface LiaisonError extends globalThis.Error, ContractError {
  name: "LiaisonError";
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
  /** S1–S5: what falls due within the horizon, and what is already late and can still be done, by due day. */
  agenda: { request: AgendaRequest; answer: Agenda };
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
  /** The codes of a form validation's problems. */
  field_error_codes: { request: NoRequest; answer: FieldCode[] };
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
export function check(dataset: CheckRequest["dataset"], start: CheckRequest["start"], end: CheckRequest["end"], as_of: CheckRequest["as_of"], policy?: CheckRequest["policy"] | null, explain?: CheckRequest["explain"] | null): Report;

/**
 * S1–S5, as `check`, with every judgement kept in `outcomes`. Rules: S1 S2 S3 S4 S5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function checkDetailed(dataset: CheckRequest["dataset"], start: CheckRequest["start"], end: CheckRequest["end"], as_of: CheckRequest["as_of"], policy?: CheckRequest["policy"] | null, explain?: CheckRequest["explain"] | null): Report;

/**
 * S1–S5: what falls due within the horizon, and what is already late and can still be done, by due day. Rules: S1 S2 S3 S4 S5.
 *
 * @throws {LiaisonError} on bad input (see `errorCodes()`)
 */
export function agenda(dataset: AgendaRequest["dataset"], as_of: AgendaRequest["as_of"], horizon_days?: AgendaRequest["horizon_days"] | null, policy?: AgendaRequest["policy"] | null): Agenda;

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

/** The codes of a form validation's problems. Rules: F1 F2 F3 F4 F5. */
export function fieldErrorCodes(): FieldCode[];

/** The operations of this contract, with their parameters in positional order. */
export function operations(): OperationInfo[];
