//! The compliance check (S1–S5), the synthetic district and the catalogues of rules and
//! finding codes. As everywhere in this crate: convert, call the core, convert back.

use crate::{core, count, date, internal_error, keys_to_snake, policy, to_js, JsResult};
use js_sys::Reflect;
use liaison::dataset::Dataset;
use liaison::synthetic::{generate, Shape};
use liaison::{Error, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_COMPLIANCE: &str = r#"
/** A rule id of RULES.md: one of `rules()`. */
export type RuleId =
  | "S1.1" | "S1.2" | "S1.3" | "S1.4" | "S1.5" | "S1.6" | "S1.7" | "S1.8" | "S1.9"
  | "S2.1" | "S2.2" | "S2.3" | "S2.4" | "S2.5" | "S2.6" | "S2.7" | "S2.8"
  | "S3.1" | "S3.2" | "S3.3" | "S3.4" | "S3.5" | "S3.6" | "S3.7" | "S3.8" | "S3.9"
  | "S4.1" | "S4.2" | "S4.3" | "S4.4" | "S4.5"
  | "S5.1" | "S5.2" | "S5.3" | "S5.4" | "S5.5" | "S5.6" | "S5.7";

/** The code of a shortfall: one of `findingCodes()`. */
export type FindingCode =
  | "too_few_receptions" | "rotation_missed" | "too_few_visits" | "household_unassigned"
  | "household_under_visited" | "must_visit_missed" | "meeting_missing"
  | "annual_commitment_missing" | "term_commitment_missing" | "steps_out_of_order"
  | "listed_without_adoption" | "evaluation_missing" | "rectify_dissatisfaction_over_half"
  | "rectify_combined_unqualified" | "resign_unqualified_two_years" | "unit_not_covered"
  | "poor_not_paired" | "too_few_deeds" | "aid_below_minimum" | "feedback_late"
  | "feedback_overdue" | "closed_without_result";

// ---- the dataset (docs/dataset.md; keys camelCase in JS, values as in the JSON file) ----

/** 区 · 镇（街） · 村 · 社区, or an organisation that gives help under S4.2–S4.5. */
export type Level = "district" | "town" | "village" | "community" | "organisation";
/** A Party organisation and its area. */
export interface Unit {
  id: string;
  level: Level;
  /** The unit above (none for the district and for organisations). */
  parent?: string | null;
}
export type Role = "secretary" | "member";
/** A committee member and their time in office. */
export interface Person {
  /** Never a name. */
  id: string;
  unit: string;
  role: Role;
  /** District only: a member of the standing committee (区委常委), rostered under S1.4. */
  standingCommittee?: boolean;
  /** First day in office. */
  from: IsoDate;
  /** Last day in office; none while still in office. */
  to?: IsoDate | null;
}
/** A household of a village or community (S2.3, S2.4, S4.3). */
export interface Household {
  id: string;
  /** Its village or community. */
  unit: string;
  /** The committee member it is assigned to (S2.3); none when unassigned. */
  member?: string | null;
  /** Poor (贫困群众, S4.1, S4.3). */
  poor?: boolean;
  /** A focus household of S2.1. */
  focus?: boolean;
  /** Has members working away (S2.5). */
  away?: boolean;
}
/** A village committee's term (A9). */
export interface Term {
  unit: string;
  from: IsoDate;
  to: IsoDate;
}
/** Where a reception took place (S1.5). */
export type Place = "reception_office" | "service_centre" | "market" | "field" | "scene" | "other";
/** A reception session (S1.1–S1.5). */
export interface Reception {
  person: string;
  date: IsoDate;
  /** Length in minutes (A7): a non-negative safe integer. */
  minutes: number;
  /** `reception_office` when absent. */
  place?: Place;
}
/** A household visit (S2.1–S2.5). */
export interface Visit {
  person: string;
  household: string;
  date: IsoDate;
}
/** The five events of S2.4 (五必访). */
export type EventKind = "serious_illness" | "hospital" | "wedding_or_funeral" | "accident" | "disaster";
export interface HouseholdEvent {
  id: string;
  household: string;
  kind: EventKind;
  date: IsoDate;
}
/** A monthly public-opinion analysis meeting (S2.6). */
export interface Meeting {
  unit: string;
  date: IsoDate;
}
/** An opinion of the public (S5, form F4). */
export interface Opinion {
  /** The register's serial number. */
  id: string;
  /** The organisation responsible (A13). */
  unit: string;
  received: IsoDate;
  /** A name, a digit 1-4 (number or string) or a label; the library writes the name. */
  responsibility: ResponsibilityInput;
  fedBack?: IsoDate | null;
  /** A result is recorded (办理结果). */
  result?: boolean;
  /** Closed in the register (销号). */
  closed?: boolean;
}
export type CommitmentKind = "annual" | "term";
/** The vote on one proposed item (S3.5). */
export interface CommitmentItem {
  id: string;
  approve: number;
  disapprove: number;
  abstain?: number;
  /** Listed in the commitment letter. */
  listed: boolean;
}
/** A commitment and the dates of its steps (S3.2–S3.6). */
export interface Commitment {
  id: string;
  unit: string;
  /** The year it is for (the first year for a term commitment). */
  year: number;
  kind: CommitmentKind;
  proposed?: IsoDate | null;
  voted?: IsoDate | null;
  approved?: IsoDate | null;
  published?: IsoDate | null;
  items?: CommitmentItem[];
}
/** A year-end evaluation (S3.7). */
export interface Evaluation {
  unit: string;
  year: number;
  satisfied: number;
  basicallySatisfied?: number;
  dissatisfied?: number;
  /** The combined evaluation; the ballot's grade when absent. */
  combined?: Grade | null;
}
/** 支部联线 (S4.2), 工农联姻 (S4.4), 社团牵手 (S4.5). */
export type LinkKind = "branch_link" | "industry_village" | "mass_organisation";
export interface Link {
  id: string;
  kind: LinkKind;
  /** The helping organisation (a unit). */
  helper: string;
  /** The village or community helped. */
  unit: string;
  from: IsoDate;
  to?: IsoDate | null;
}
/** A practical deed done under a link. */
export interface Deed {
  link: string;
  date: IsoDate;
}
/** Party members paired with a poor household (S4.3). */
export interface Pairing {
  id: string;
  household: string;
  from: IsoDate;
  to?: IsoDate | null;
}
/** Help given under a pairing (S4.3). */
export interface Aid {
  pairing: string;
  date: IsoDate;
  /** Amount in fen (1 yuan = 100 fen): a non-negative safe integer. */
  amountFen: number;
}
/** What a district recorded (docs/dataset.md, keys in camelCase). Every list may be left out. */
export interface Dataset {
  units?: Unit[];
  people?: Person[];
  households?: Household[];
  terms?: Term[];
  receptions?: Reception[];
  visits?: Visit[];
  householdEvents?: HouseholdEvent[];
  meetings?: Meeting[];
  opinions?: Opinion[];
  commitments?: Commitment[];
  evaluations?: Evaluation[];
  links?: Link[];
  deeds?: Deed[];
  pairings?: Pairing[];
  aid?: Aid[];
  /**
   * Commitment items as a flat list, each naming its commitment (the layout of
   * `commitment_items.csv`): put into their commitments' `items` when read.
   */
  commitmentItems?: CommitmentItemRow[];
}
/** A commitment item of the flat list `commitmentItems`. */
export interface CommitmentItemRow extends CommitmentItem {
  /** The id of its commitment. */
  commitment: string;
}
/** A dataset as the library writes it: every list and every key present, absent values `null`. */
export type CompleteDataset = {
  [K in Exclude<keyof Dataset, "commitmentItems">]-?: Array<Required<NonNullable<Dataset[K]>[number]>>;
};

// ---- the report ----

/** A period judged, both ends included. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
  /** `2009`, `2009-02`, `2009-W53`, or `2008-09-25..2008-10-06`. */
  label: string;
}
/** One shortfall: who fell short of which rule, in which period, by how much. */
export interface Finding {
  rule: RuleId;
  code: FindingCode;
  /** The unit responsible. */
  unit: string;
  /** The id of the person, household, opinion, link, pairing or unit concerned. */
  subject: string;
  period: Period;
  /** What the rule asks (see `findingCodes()` for what the figures hold). */
  expected: number;
  /** What was recorded. */
  actual: number;
  /** English message (ids only). */
  message: string;
  /** Chinese message. */
  messageZh: string;
}
/** Judged, met, not met and not judged for one rule or one unit. */
export interface Tally {
  /** The rule id (`byRule`) or the unit id (`byUnit`). */
  key: string;
  judged: number;
  met: number;
  notMet: number;
  /** Not judged (A8). */
  notJudged: number;
  /** `met / judged` in per mille, rounded down; null when nothing was judged. */
  ratePermille: number | null;
}
/** A committee's grade for a year (S3.7). */
export interface UnitGrade {
  unit: string;
  year: number;
  ballot: Grade;
  combined: Grade;
}
export type OutcomeStatus = "met" | "not_met" | "not_judged";
/** One judgement of `checkDetailed`. */
export interface Outcome {
  rule: RuleId;
  unit: string;
  subject: string;
  period: Period;
  status: OutcomeStatus;
}
/** The result of `check`. */
export interface Report {
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  /** The policy's name. */
  policy: string;
  /** Every shortfall, by rule, unit, subject and period. */
  findings: Finding[];
  byRule: Tally[];
  byUnit: Tally[];
  grades: UnitGrade[];
}
/** The result of `checkDetailed`: a report with every judgement. */
export interface DetailedReport extends Report {
  outcomes: Outcome[];
}

// ---- the synthetic district and the catalogues ----

/** A finding the check must report for a planted violation. */
export interface Planted {
  rule: RuleId;
  code: FindingCode;
  subject: string;
  /** The period's label. */
  period: string;
}
/** A synthetic district, its planted violations and the range to check it over. */
export interface GeneratedDistrict {
  dataset: CompleteDataset;
  /** Sorted by rule, code, subject and period. */
  planted: Planted[];
  /** The first day of the first year. */
  start: IsoDate;
  /** The last day of the last year. */
  end: IsoDate;
  /** The day the records were taken. */
  asOf: IsoDate;
}
/** One rule of 巴南委办发〔2008〕43号. */
export interface Rule {
  id: RuleId;
  /** An English gloss. */
  gloss: string;
  /** The source's words. */
  sourceZh: string;
  /** The function or check that implements it, or why none does. */
  implementedBy: string;
}
/** A finding code, its rules and what `expected` and `actual` hold. */
export interface FindingCodeInfo {
  code: FindingCode;
  rules: RuleId[];
  meaning: string;
}
"#;

/// A JS dataset object (camelCase keys) read and checked by the core. Paths in errors are
/// the core's bare snake_case ones (`visits[0].household`).
fn dataset(value: &JsValue) -> liaison::Result<Dataset> {
    let json = crate::js_to_json(value);
    if !json.is_object() {
        // Not a dataset at all: the core says so.
        return Dataset::from_value(json);
    }
    let json = keys_to_snake(json, "").map_err(|field| Error::InvalidInput {
        field,
        detail: "unknown key (dataset keys are camelCase in JS)".to_string(),
    })?;
    Dataset::from_value(json)
}

fn run(
    dataset: &JsValue,
    start: &JsValue,
    end: &JsValue,
    as_of: &JsValue,
    policy: &JsValue,
    detailed: bool,
) -> JsResult<JsValue> {
    let data = core(self::dataset(dataset))?;
    let start = core(date("start", start))?;
    let end = core(date("end", end))?;
    let as_of = core(date("as_of", as_of))?;
    let policy = core(self::policy(policy))?;
    let report: Report = if detailed {
        core(liaison::check_detailed(&data, start, end, as_of, &policy))?
    } else {
        core(liaison::check(&data, start, end, as_of, &policy))?
    };
    let out = to_js(&report)?;
    // The core leaves out an empty list of outcomes (and `check` keeps none); the detailed
    // report always has the list.
    if detailed && report.outcomes.is_empty() {
        Reflect::set(&out, &JsValue::from("outcomes"), &js_sys::Array::new())
            .map_err(|_| internal_error("report is not an object"))?;
    }
    Ok(out)
}

/// S1–S5: checks what a district recorded against every schedule, from `start` to `end`
/// (both included), with the records taken on `asOf`. Only periods wholly inside both the
/// range and the subject's own time are judged (A8).
///
/// @throws {LiaisonError} `invalid_input`, `invalid_date`, `invalid_count`,
/// `invalid_responsibility`, `invalid_grade` (a bad record, `field` its snake_case path);
/// `unknown_reference`, `duplicate_id`, `invalid_period`; `after_as_of` (an opinion
/// received or fed back after `asOf`), `calendar_not_covered`, `no_ballots`,
/// `attendance_required`, `invalid_policy`
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check_js(
    #[wasm_bindgen(unchecked_param_type = "Dataset")] dataset: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] end: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    run(&dataset, &start, &end, &as_of, &policy, false)
}

/// As `check`, with every judgement (met, not met and not judged) in `outcomes`, for grids
/// and audits.
///
/// @throws {LiaisonError} as `check`
#[wasm_bindgen(js_name = checkDetailed, unchecked_return_type = "DetailedReport")]
pub fn check_detailed_js(
    #[wasm_bindgen(unchecked_param_type = "Dataset")] dataset: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IsoDate")] end: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "IsoDate")] as_of: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    run(&dataset, &start, &end, &as_of, &policy, true)
}

/// An optional count that must fit the core's field type.
fn sized<T: TryFrom<u64>>(field: &str, value: &JsValue, default: T) -> liaison::Result<T> {
    if crate::is_absent(value) {
        return Ok(default);
    }
    T::try_from(count(field, value)?).map_err(|_| Error::InvalidCount {
        field: field.to_string(),
    })
}

#[derive(Serialize)]
struct Generated {
    dataset: Dataset,
    planted: Vec<liaison::synthetic::Planted>,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    as_of: chrono::NaiveDate,
}

/// A seeded synthetic district with a known sprinkling of violations, the findings `check`
/// must report for them (sorted), and the range and day to check it with. Parameters left
/// out take the core's defaults (seed 2008, 2 towns, 3 villages a town, 8 households a
/// village, from 2023, 3 years, Banan 2008). Every third village is a community. The same
/// arguments give the same district on every machine.
///
/// @throws {LiaisonError} `invalid_count` for a parameter that is not a count of its size;
/// `invalid_input` for a shape too small to plant in; `calendar_not_covered`,
/// `invalid_policy`
#[wasm_bindgen(js_name = generateDistrict, unchecked_return_type = "GeneratedDistrict")]
pub fn generate_district_js(
    #[wasm_bindgen(unchecked_optional_param_type = "Count | null")] seed: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number | null")] towns: JsValue,
    #[wasm_bindgen(js_name = villagesPerTown, unchecked_optional_param_type = "number | null")]
    villages_per_town: JsValue,
    #[wasm_bindgen(
        js_name = householdsPerVillage,
        unchecked_optional_param_type = "number | null"
    )]
    households_per_village: JsValue,
    #[wasm_bindgen(js_name = firstYear, unchecked_optional_param_type = "number | null")]
    first_year: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number | null")] years: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PolicyInput | null")] policy: JsValue,
) -> JsResult<JsValue> {
    let d = Shape::default();
    let shape = Shape {
        seed: core(sized("seed", &seed, d.seed))?,
        towns: core(sized("towns", &towns, d.towns))?,
        villages_per_town: core(sized(
            "villages_per_town",
            &villages_per_town,
            d.villages_per_town,
        ))?,
        households_per_village: core(sized(
            "households_per_village",
            &households_per_village,
            d.households_per_village,
        ))?,
        first_year: core(sized("first_year", &first_year, d.first_year))?,
        years: core(sized("years", &years, d.years))?,
    };
    let policy = core(self::policy(&policy))?;
    let (dataset, planted) = core(generate(&shape, &policy))?;
    let (start, end) = shape.range();
    to_js(&Generated {
        dataset,
        planted,
        start,
        end,
        as_of: shape.as_of(),
    })
}

#[derive(Serialize)]
struct RuleRow {
    id: &'static str,
    gloss: &'static str,
    source_zh: &'static str,
    implemented_by: &'static str,
}

/// Every rule id of RULES.md with its English gloss, the source's Chinese words and what
/// implements it, in the order of RULES.md.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "Rule[]")]
pub fn rules_js() -> JsResult<JsValue> {
    let rows: Vec<RuleRow> = liaison::rules::RULES
        .iter()
        .map(|r| RuleRow {
            id: r.id,
            gloss: r.gloss,
            source_zh: r.source_zh,
            implemented_by: r.implemented_by,
        })
        .collect();
    to_js(&rows)
}

#[derive(Serialize)]
struct CodeRow {
    code: &'static str,
    rules: Vec<&'static str>,
    meaning: &'static str,
}

/// Every finding code with its rule ids and what a finding's `expected` and `actual` hold.
#[wasm_bindgen(js_name = findingCodes, unchecked_return_type = "FindingCodeInfo[]")]
pub fn finding_codes_js() -> JsResult<JsValue> {
    let rows: Vec<CodeRow> = liaison::FINDING_CODES
        .iter()
        .map(|(code, rules, meaning)| CodeRow {
            code,
            rules: rules.split_whitespace().collect(),
            meaning,
        })
        .collect();
    to_js(&rows)
}
