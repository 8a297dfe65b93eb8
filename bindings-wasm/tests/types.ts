// Type-checked by `tsc -p bindings-wasm` (never run): every export used with the types the
// generated .d.ts declares, and wrong uses that must not compile (`@ts-expect-error`).
import * as liaison from '../pkg/node/index';
import type {
  Aid, CompleteDataset, Consequence, Count, Dataset, DetailedReport, ErrorCode, FeedbackStatus,
  Finding, FindingCode, FindingCodeInfo, GeneratedDistrict, Grade, IsoDate, LiaisonError,
  Outcome, OutcomeStatus, Period, Planted, Policy, PolicyInput, Report, Rule, RuleId, Status,
  Tally, UnitGrade, VoteOutcome, YearEvaluation,
} from '../pkg/node/index';
import type {
  FieldError, FieldErrorCode, FieldKind, FormDocument, FormField, FormKind, FormSchema, JsonValue,
  ValidationResult,
} from '../pkg/node/index';
import * as web from '../pkg/web/index';

const policy: Policy = liaison.policyBanan2008();
const partial: PolicyInput = { withinRemitDays: 7, voteQuorum: { numerator: 1, denominator: 2, inclusive: false } };
const days: number = policy.withinRemitDays;
const quorum: { numerator: number } | null = policy.voteQuorum;

const due: IsoDate = liaison.deadline('2008-09-25', 'within_remit');
const due2: string = liaison.deadline('2008-09-25', 1, partial);
const due3: string = liaison.deadline('2008-09-25', '职责内', null);

const fs: FeedbackStatus = liaison.feedbackStatus('2008-09-25', 1, '2008-10-06');
const st: Status = fs.status;
const fs2 = liaison.feedbackStatus('2008-09-25', 'lead_unit', null, '2008-10-01', policy);
const left: number = fs2.days;

const outcome: VoteOutcome = liaison.decideVote(20, 10);
const big: VoteOutcome = liaison.decideVote(20n, 10n, 0n, partial, 31, 60);
const g: Grade = liaison.grade(91);
const g2: Grade = liaison.grade(70, undefined, 30, null);

const years: YearEvaluation[] = [
  { year: 2009, satisfied: 60, basicallySatisfied: 0, dissatisfied: 40 },
  { year: 2010, satisfied: 40, combined: 'unqualified' },
];
const out: Consequence[] = liaison.consequences(years);
const action: 'rectify' | 'resign' = out[0].action;

const rest: boolean = liaison.isRestDay('2008-10-05');
const json: string = liaison.policyToJson(policy);
const back: Policy = liaison.policyFromJson(json);
const codes: ErrorCode[] = liaison.errorCodes();
const n: Count = 3;

try {
  liaison.grade(-1);
} catch (e) {
  const err = e as LiaisonError;
  const code: ErrorCode = err.code;
  const zh: string = err.messageZh;
  const field: string | undefined = err.field;
  const message: string = err.message;
}

// The compliance check: a dataset with camelCase keys, every record type.
const data: Dataset = {
  units: [{ id: 'D', level: 'district' }, { id: 'T1', level: 'town', parent: 'D' },
    { id: 'V1', level: 'village', parent: 'T1' }, { id: 'ORG', level: 'organisation', parent: null }],
  people: [{ id: 'S', unit: 'V1', role: 'secretary', from: '2008-01-01' },
    { id: 'DS', unit: 'D', role: 'member', standingCommittee: true, from: '2008-01-01', to: null }],
  households: [{ id: 'H1', unit: 'V1', member: 'S', poor: true, focus: false, away: true }],
  terms: [{ unit: 'V1', from: '2008-01-01', to: '2010-12-31' }],
  receptions: [{ person: 'S', date: '2009-01-06', minutes: 240, place: 'service_centre' }],
  visits: [{ person: 'S', household: 'H1', date: '2009-01-07' }],
  householdEvents: [{ id: 'E1', household: 'H1', kind: 'wedding_or_funeral', date: '2009-01-08' }],
  meetings: [{ unit: 'V1', date: '2009-01-20' }],
  opinions: [{ id: 'O1', unit: 'V1', received: '2009-01-05', responsibility: 1, fedBack: null, result: false, closed: false },
    { id: 'O2', unit: 'V1', received: '2009-01-05', responsibility: '牵头解决' }],
  commitments: [{
    id: 'C1', unit: 'V1', year: 2009, kind: 'annual', proposed: '2009-01-02', voted: null,
    items: [{ id: 'I1', approve: 20, disapprove: 1, abstain: 0, listed: true }],
  }],
  evaluations: [{ unit: 'V1', year: 2009, satisfied: 60, basicallySatisfied: 30, dissatisfied: 10, combined: 'qualified' }],
  links: [{ id: 'L1', kind: 'branch_link', helper: 'ORG', unit: 'V1', from: '2008-01-01', to: null }],
  deeds: [{ link: 'L1', date: '2009-05-01' }],
  pairings: [{ id: 'P1', household: 'H1', from: '2008-06-01' }],
  aid: [{ pairing: 'P1', date: '2009-03-01', amountFen: 50000 }],
};
const report: Report = liaison.check(data, '2009-01-01', '2009-12-31', '2010-01-20');
const report2: Report = liaison.check({}, '2009-01-01', '2009-12-31', '2010-01-20', { rules: ['S1', 'S5.1'] });
const report3 = liaison.check(data, '2009-01-01', '2009-12-31', '2010-01-20', null);
const finding: Finding = report.findings[0];
const ruleId: RuleId = finding.rule;
const findingCode: FindingCode = finding.code;
const zh: string = finding.messageZh;
const expected: number = finding.expected - finding.actual;
const period: Period = finding.period;
const label: string = period.label;
const tally: Tally = report.byRule[0];
const notMet: number = tally.notMet + tally.notJudged + tally.judged + tally.met;
const rate: number | null = tally.ratePermille;
const byUnit: Tally[] = report.byUnit;
const unitGrade: UnitGrade = report.grades[0];
const ballot: Grade = unitGrade.ballot;
const asOf: IsoDate = report.asOf;
const detailed: DetailedReport = liaison.checkDetailed(data, '2009-01-01', '2009-12-31', '2010-01-20');
const judgement: Outcome = detailed.outcomes[0];
const outcomeStatus: OutcomeStatus = judgement.status;
const asReport: Report = detailed;

const district: GeneratedDistrict = liaison.generateDistrict();
const district2 = liaison.generateDistrict(7n, 2, 3, 8, 2023, 3);
const district3 = liaison.generateDistrict(7, null, undefined, 10, 2020, 3, { withinRemitDays: 15 });
const flat: Dataset = { commitments: [{ id: 'C1', unit: 'V1', year: 2009, kind: 'term' }],
  commitmentItems: [{ commitment: 'C1', id: 'I1', approve: 20, disapprove: 1, listed: true }] };
const complete: CompleteDataset = district.dataset;
const aid: Aid = complete.aid[0];
const fen: number = complete.aid[0].amountFen;
const parent: string | null = complete.units[0].parent;
const planted: Planted[] = district.planted;
const plantedPeriod: string = planted[0].period;
const again: Report = liaison.check(district.dataset, district.start, district.end, district.asOf);
const ruleList: Rule[] = liaison.rules();
const source: string = ruleList[0].sourceZh + ruleList[0].implementedBy + ruleList[0].gloss;
const codeList: FindingCodeInfo[] = liaison.findingCodes();
const codeRules: RuleId[] = codeList[0].rules;
const datasetCode: ErrorCode = 'unknown_reference';

// The forms: documents keep their snake_case field names; the result wrappers are camelCase.
const kind: FormKind = 'reception_record';
const record = { date: '2008-12-01', receiver: '李明', visitor: { name: '张三', phone: '13812341234' } };
const validation: ValidationResult = liaison.validateForm(kind, record);
const validation2 = liaison.validateForm('register_entry', { number: 1 }, { moveRestDay: false });
const validation3 = liaison.validateForm('visit_diary', JSON.parse('{}'), null);
const fieldError: FieldError = validation.errors[0];
const errorPath: string = fieldError.path;
const fieldCode: FieldErrorCode = fieldError.code;
const fieldZh: string = fieldError.messageZh + fieldError.message + fieldError.rule;
const valid: boolean = validation2.valid && validation3.valid;
const redacted: FormDocument = liaison.redact('visit_diary', record);
const redactedPhone: JsonValue = redacted['visitor'];
const schema: FormSchema = liaison.formSchema('feedback_slip');
const schemaTitle: string = schema.title;
const order: string[] = schema['x-order'];
const fields: FormField[] = liaison.formFields('visit_diary');
const fieldLabel: string = fields[0].labelZh;
const fieldKind: FieldKind = fields[0].kind;
const fieldCodes: FieldErrorCode[] = liaison.fieldErrorCodes();
const webValidation: ValidationResult = web.validateForm('visit_diary', record);

// The web build declares the same functions plus its initialisers.
const webDue: string = web.deadline('2008-09-25', 1);
const webReport: Report = web.check(data, '2009-01-01', '2009-12-31', '2010-01-20');
const init: (module: { module: BufferSource } | BufferSource) => unknown = web.initSync;

// Wrong uses that must not compile.
// @ts-expect-error a date is a string
liaison.deadline(20080925, 1);
// @ts-expect-error a count is a number or bigint
liaison.grade('3');
// @ts-expect-error unknown policy key
liaison.grade(1, 0, 0, { withinRemit: 7 });
// @ts-expect-error the result is a string, not a Date
const wrongDue: Date = liaison.deadline('2008-09-25', 1);
// @ts-expect-error statuses are snake_case strings
const wrongStatus: 'onTime' = fs.status;
// @ts-expect-error years use camelCase keys
liaison.consequences([{ year: 2009, satisfied: 1, basically_satisfied: 0 }]);
// @ts-expect-error a policy object has camelCase keys
const wrongKey: number = policy.within_remit_days;
// @ts-expect-error dataset keys are camelCase
liaison.check({ household_events: [] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error record keys are camelCase
liaison.check({ aid: [{ pairing: 'P1', date: '2009-03-01', amount_fen: 50000 }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error an unknown unit level
liaison.check({ units: [{ id: 'V1', level: 'hamlet' }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error minutes are a number
liaison.check({ receptions: [{ person: 'S', date: '2009-01-06', minutes: '240' }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error a visit names its household
liaison.check({ visits: [{ person: 'S', date: '2009-01-07' }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error a flat commitment item names its commitment
liaison.check({ commitmentItems: [{ id: 'I1', approve: 20, disapprove: 1, listed: true }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error the generator writes nested items only
const wrongFlat = district.dataset.commitmentItems;
// @ts-expect-error asOf is required
liaison.check(data, '2009-01-01', '2009-12-31');
// @ts-expect-error the dataset is an object, not JSON text
liaison.check('{"units": []}', '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error report keys are camelCase
const wrongByRule = report.by_rule;
// @ts-expect-error finding keys are camelCase
const wrongZh: string = finding.message_zh;
// @ts-expect-error tallies are numbers
const wrongTally: string = tally.notMet;
// @ts-expect-error the rate may be null
const wrongRate: number = tally.ratePermille;
// @ts-expect-error only checkDetailed has outcomes
const wrongOutcomes = report.outcomes;
// @ts-expect-error statuses are snake_case strings
const wrongOutcomeStatus: OutcomeStatus = 'notMet';
// @ts-expect-error not a rule id
const wrongRule: RuleId = 'S9.9';
// @ts-expect-error not a finding code
const wrongCode: FindingCode = 'too_few';
// @ts-expect-error the seed is a count, not a string
liaison.generateDistrict('7');
// @ts-expect-error rule keys are camelCase
const wrongSource = liaison.rules()[0].source_zh;
// @ts-expect-error a finding code's rules are a list
const wrongRules: string = liaison.findingCodes()[0].rules;
// @ts-expect-error not a form kind
liaison.validateForm('form_9', {});
// @ts-expect-error the kind comes first
liaison.validateForm(record, 'reception_record');
// @ts-expect-error the Chinese message is messageZh
const wrongMessageZh = validation.errors[0].message_zh;
// @ts-expect-error not a field error code
const wrongFieldCode: FieldErrorCode = 'invalidPhone';
// @ts-expect-error a form field's label is labelZh
const wrongLabel = fields[0].label_zh;
// @ts-expect-error the policy of a form is a camelCase policy object
liaison.validateForm('register_entry', {}, { move_rest_day: false });
// @ts-expect-error redact takes a document object
liaison.redact('reception_record', 'text');
// @ts-expect-error valid is a boolean
const wrongValid: string = validation.valid;
