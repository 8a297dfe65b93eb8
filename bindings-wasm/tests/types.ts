// Type-checked by `tsc -p bindings-wasm` (never run): every export used with the types the
// generated .d.ts declares (types.d.ts, from the contract's Rust types), and wrong uses that
// must not compile (`@ts-expect-error`).
import * as liaison from '../pkg/node/index';
import type {
  CheckRequest, Consequence, ContractError, Dataset, DatasetInput, District, ErrorCode, ErrorCodeInfo,
  Agenda, AgendaItem, AgendaState, Counted, Explanation, FeedbackStatus, FieldCode, FieldError, FieldInfo, Finding, FindingCodeInfo, FormKind,
  FormKindInfo, Grade, IsoDate, JsonValue, LiaisonError, Loc, OperationInfo, OperationName, Operations,
  Outcome, OutcomeStatus, Period, Planted, Policy, PolicyInput, Report, Responsibility, RuleInfo,
  Status, Step, Tally, UnitGrade, Validation, VoteOutcome, YearEvaluation,
} from '../pkg/node/index';
import * as web from '../pkg/web/index';
import * as forms from '../pkg/web-forms/index';

// The policy: complete as answered, partial as read.
const policy: Policy = liaison.policyBanan2008();
const partial: PolicyInput = { within_remit_days: 7, vote_quorum: { numerator: 1, denominator: 2, inclusive: false } };
const days: number = policy.within_remit_days;
const quorum: { numerator: number } | null = policy.vote_quorum;
const completed: Policy = liaison.policy(partial);
const banan: Policy = liaison.policy();

// The four rules at the heart.
const due: IsoDate = liaison.deadline('2008-09-25', 'within_remit');
const due2: string = liaison.deadline('2008-09-25', 1, partial);
const due3: string = liaison.deadline('2008-09-25', '职责内', null);
const r: Responsibility = '4';
const fs: FeedbackStatus = liaison.feedbackStatus('2008-09-25', 1, '2008-10-06');
const st: Status = fs.status;
const fs2 = liaison.feedbackStatus('2008-09-25', 'lead_unit', null, '2008-10-01', policy);
const left: number = fs2.days;
const row: FeedbackStatus = liaison.evaluateRow('2008-09-25', 1, undefined, '2008-10-01');
const outcome: VoteOutcome = liaison.decideVote(20, 10);
const quorate: VoteOutcome = liaison.decideVote(20, 10, 0, partial, 31, 60);
const g: Grade = liaison.grade(91);
const g2: Grade = liaison.grade(70, undefined, 30, null);
const years: YearEvaluation[] = [
  { year: 2009, satisfied: 60, basically_satisfied: 0, dissatisfied: 40 },
  { year: 2010, satisfied: 40, combined: 'unqualified' },
];
const out: Consequence[] = liaison.consequences(years);
const action: 'rectify' | 'resign' = out[0].action;
const rest: boolean = liaison.isRestDay('2008-10-05');
const explained: Explanation = liaison.explain('deadline', { received: '2008-09-25', responsibility: 1 });
const stepRule: string = explained.steps[0].rule;

// The generic call: the request and answer types of the operation.
const viaCall: IsoDate = liaison.call('deadline', { received: '2008-09-25', responsibility: 1 });
const viaText: Report = liaison.call('check', '{"dataset": {}, "start": "2009-01-01", "end": "2009-12-31", "as_of": "2010-01-01"}');
const op: OperationName = 'feedback_status';
const statusRequest: Operations['feedback_status']['request'] = { received: '2008-09-25', responsibility: 2, as_of: '2008-10-01' };
const viaCall2: FeedbackStatus = liaison.call(op, statusRequest);

// The catalogues.
const codes: ErrorCodeInfo[] = liaison.errorCodes();
const firstCode: string = codes[0].code;
const status: number = codes[0].http_status;
const ops: OperationInfo[] = liaison.operations();
const params: string[] = ops[0].params;
const kinds: FormKindInfo[] = liaison.formKinds();
const ruleList: RuleInfo[] = liaison.rules();
const source: string = ruleList[0].source_zh + ruleList[0].implemented_by + ruleList[0].gloss;
const codeList: FindingCodeInfo[] = liaison.findingCodes();
const codeRules: string[] = codeList[0].rules;
// The field_error_codes operation answers text; `FieldCode` is the union of the same codes
// (a Node test checks that they are the same list).
const fieldCodes: string[] = liaison.fieldErrorCodes();

// The error: a JS Error with the contract's fields.
try {
  liaison.grade(-1);
} catch (e) {
  const err = e as LiaisonError;
  const name: 'LiaisonError' = err.name;
  const code: ErrorCode = err.code;
  const zh: string = err.message_zh;
  const loc: Loc = err.loc;
  const first: string | number | undefined = loc[0];
  const rule: string | undefined = err.rule;
  const message: string = err.message;
  const asError: Error = err;
  const nested: ContractError[] | undefined = err.errors;
}

// The compliance check: a dataset with snake_case keys, every record type.
const data: DatasetInput = {
  units: [{ id: 'D', level: 'district' }, { id: 'T1', level: 'town', parent: 'D' },
    { id: 'V1', level: 'village', parent: 'T1' }, { id: 'ORG', level: 'organisation', parent: null }],
  people: [{ id: 'S', unit: 'V1', role: 'secretary', from: '2008-01-01' },
    { id: 'DS', unit: 'D', role: 'member', standing_committee: true, from: '2008-01-01', to: null }],
  households: [{ id: 'H1', unit: 'V1', member: 'S', poor: true, focus: false, away: true }],
  terms: [{ unit: 'V1', from: '2008-01-01', to: '2010-12-31' }],
  receptions: [{ person: 'S', date: '2009-01-06', minutes: 240, place: 'service_centre' }],
  visits: [{ person: 'S', household: 'H1', date: '2009-01-07' }],
  household_events: [{ id: 'E1', household: 'H1', kind: 'wedding_or_funeral', date: '2009-01-08' }],
  meetings: [{ unit: 'V1', date: '2009-01-20' }],
  opinions: [{ id: 'O1', unit: 'V1', received: '2009-01-05', responsibility: 1, fed_back: null, result: false, closed: false },
    { id: 'O2', unit: 'V1', received: '2009-01-05', responsibility: '牵头解决' }],
  commitments: [{
    id: 'C1', unit: 'V1', year: 2009, kind: 'annual', proposed: '2009-01-02', voted: null,
    items: [{ id: 'I1', approve: 20, disapprove: 1, abstain: 0, listed: true }],
  }],
  evaluations: [{ unit: 'V1', year: 2009, satisfied: 60, basically_satisfied: 30, dissatisfied: 10, combined: 'qualified' }],
  links: [{ id: 'L1', kind: 'branch_link', helper: 'ORG', unit: 'V1', from: '2008-01-01', to: null }],
  deeds: [{ link: 'L1', date: '2009-05-01' }],
  pairings: [{ id: 'P1', household: 'H1', from: '2008-06-01' }],
  aid: [{ pairing: 'P1', date: '2009-03-01', amount_fen: 50000 }],
};
const report: Report = liaison.check(data, '2009-01-01', '2009-12-31', '2010-01-20');
const report2: Report = liaison.check({}, '2009-01-01', '2009-12-31', '2010-01-20', { rules: ['S1', 'S5.1'] });
const report3 = liaison.check(data, '2009-01-01', '2009-12-31', '2010-01-20', null);
const request: CheckRequest = { dataset: data, start: '2009-01-01', end: '2009-12-31', as_of: '2010-01-20' };
const finding: Finding = report.findings[0];
const ruleId: string = finding.rule;
const zh: string = finding.message_zh;
const expected: number = finding.expected - finding.actual;
const period: Period = finding.period;
const label: string = period.label;
const tally: Tally = report.by_rule[0];
const notMet: number = tally.not_met + tally.not_judged + tally.judged + tally.met;
const rate: number | null = tally.rate_permille;
const byUnit: Tally[] = report.by_unit;
const unitGrade: UnitGrade = report.grades[0];
const ballot: Grade = unitGrade.ballot;
const asOf: IsoDate = report.as_of;
const detailed: Report = liaison.checkDetailed(data, '2009-01-01', '2009-12-31', '2010-01-20');
const judgement: Outcome | undefined = detailed.outcomes?.[0];
const outcomeStatus: OutcomeStatus | undefined = judgement?.status;
const reason: string | null | undefined = judgement?.reason;
const byReason: number | undefined = tally.not_judged_by_reason['outside_range'];
const provisional: boolean = report.provisional && finding.provisional;
// explain: each finding lists the records it counted, when asked.
const explainedReport: Report = liaison.check(data, '2009-01-01', '2009-12-31', '2010-01-20', null, true);
const counted: Counted[] | null | undefined = explainedReport.findings[0].counted;
const countedFen: number | null | undefined = counted?.[0].amount_fen;
const detailedExplained: Report = liaison.checkDetailed(data, '2009-01-01', '2009-12-31', '2010-01-20', undefined, false);

// The agenda: what falls due, by due day.
const due7: Agenda = liaison.agenda(data, '2010-01-20', 7);
const dueDefault: Agenda = liaison.agenda(data, '2010-01-20');
const dueItem: AgendaItem = due7.items[0];
const dueState: AgendaState = dueItem.state;
const daysLeft: number = dueItem.days_left;
const owedZh: string = dueItem.owed_zh;
const viaCallAgenda: Agenda = liaison.call('agenda', { dataset: data, as_of: '2010-01-20', horizon_days: 30 });
const step: Step = explained.steps[0];
const stepDate: IsoDate | null | undefined = step.date;

const district: District = liaison.generateDistrict();
const district2 = liaison.generateDistrict(7, 2, 3, 8, 2023, 3);
const district3 = liaison.generateDistrict(7, null, undefined, 10, 2020, 3, { within_remit_days: 15 });
const complete: Dataset = district.dataset;
const fen: number = complete.aid[0].amount_fen;
const parent: string | null = complete.units[0].parent;
const planted: Planted[] = district.planted;
const plantedPeriod: string = planted[0].period;
const again: Report = liaison.check(district.dataset, '2023-01-01', '2025-12-31', '2026-01-20');

// The forms: documents and results keep their snake_case keys.
const kind: FormKind = 'reception_record';
const record = { date: '2008-12-01', receiver: '李明', visitor: { name: '张三', phone: '13812341234' } };
const validation: Validation = liaison.validateForm(kind, record);
const validation2 = liaison.validateForm('register_entry', { number: 1 }, { move_rest_day: false });
const validation3 = liaison.validateForm('visit_diary', JSON.parse('{}'), null);
const fieldError: FieldError = validation.errors[0];
const errorLoc: Loc = fieldError.loc;
const fieldCode: FieldCode = fieldError.code;
const fieldZh: string = fieldError.message_zh + fieldError.message + fieldError.rule;
const valid: boolean = validation2.valid && validation3.valid;
const redacted: JsonValue = liaison.redact('visit_diary', record);
const schema: JsonValue = liaison.formSchema('feedback_slip');
const schema07: JsonValue = liaison.formSchema('feedback_slip', '07');
const fields: FieldInfo[] = liaison.formFields('visit_diary');
const fieldLabel: string = fields[0].label_zh;

// The web builds declare the same functions plus their initialisers; the forms-only build
// declares only what it has.
const webDue: string = web.deadline('2008-09-25', 1);
const webReport: Report = web.check(data, '2009-01-01', '2009-12-31', '2010-01-20');
const init: (module: { module: BufferSource } | BufferSource) => unknown = web.initSync;
const formsValidation: Validation = forms.validateForm('visit_diary', record);
const formsDue: IsoDate = forms.deadline('2008-09-25', 1);
const formsCodes: string[] = forms.fieldErrorCodes();
const formsGrade: Grade = forms.grade(70, 0, 30);

// Wrong uses that must not compile.
// @ts-expect-error a date is a string
liaison.deadline(20080925, 1);
// @ts-expect-error not a responsibility class
liaison.deadline('2008-09-25', 5);
// @ts-expect-error a count is a number
liaison.grade('3');
// @ts-expect-error policy keys are snake_case
liaison.grade(1, 0, 0, { withinRemitDays: 7 });
// @ts-expect-error the answer is a string, not a Date
const wrongDue: Date = liaison.deadline('2008-09-25', 1);
// @ts-expect-error statuses are snake_case strings
const wrongStatus: 'onTime' = fs.status;
// @ts-expect-error year keys are snake_case
liaison.consequences([{ year: 2009, satisfied: 1, basicallySatisfied: 0 }]);
// @ts-expect-error a policy has snake_case keys
const wrongKey: number = policy.withinRemitDays;
// @ts-expect-error a partial policy's fields may be absent
const maybeDays: number = partial.within_remit_days;
// @ts-expect-error dataset keys are snake_case
liaison.check({ householdEvents: [] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error record keys are snake_case
liaison.check({ aid: [{ pairing: 'P1', date: '2009-03-01', amountFen: 50000 }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error an unknown unit level
liaison.check({ units: [{ id: 'V1', level: 'hamlet' }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error minutes are a number
liaison.check({ receptions: [{ person: 'S', date: '2009-01-06', minutes: '240' }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error a visit names its household
liaison.check({ visits: [{ person: 'S', date: '2009-01-07' }] }, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error as_of is required
liaison.check(data, '2009-01-01', '2009-12-31');
// @ts-expect-error report keys are snake_case
const wrongByRule = report.byRule;
// @ts-expect-error finding keys are snake_case
const wrongZh: string = finding.messageZh;
// @ts-expect-error tallies are numbers
const wrongTally: string = tally.not_met;
// @ts-expect-error the rate may be null
const wrongRate: number = tally.rate_permille;
// @ts-expect-error outcomes are there only with checkDetailed
const wrongOutcomes: Outcome[] = report.outcomes;
// @ts-expect-error statuses are snake_case strings
const wrongOutcomeStatus: OutcomeStatus = 'notMet';
// @ts-expect-error the seed is a number, not a string
liaison.generateDistrict('7');
// @ts-expect-error rule keys are snake_case
const wrongSource = liaison.rules()[0].sourceZh;
// @ts-expect-error a finding code's rules are a list
const wrongRules: string = liaison.findingCodes()[0].rules;
// @ts-expect-error not a form kind
liaison.validateForm('form_9', {});
// @ts-expect-error the kind comes first
liaison.validateForm(record, 'reception_record');
// @ts-expect-error the Chinese message is message_zh
const wrongMessageZh = validation.errors[0].messageZh;
// @ts-expect-error a field error's place is loc
const wrongPath = validation.errors[0].path;
// @ts-expect-error not a field error code
const wrongFieldCode: FieldCode = 'invalidPhone';
// @ts-expect-error a form field's label is label_zh
const wrongLabel = fields[0].labelZh;
// @ts-expect-error not a schema draft
liaison.formSchema('feedback_slip', '2019-09');
// @ts-expect-error valid is a boolean
const wrongValid: string = validation.valid;
// @ts-expect-error not an operation
liaison.call('deadlines', {});
// @ts-expect-error the request of call is the operation's
liaison.call('deadline', { received: '2008-09-25' });
// @ts-expect-error the answer of call is the operation's
const wrongCall: Report = liaison.call('deadline', { received: '2008-09-25', responsibility: 1 });
// @ts-expect-error the error's Chinese message is message_zh
const wrongErrorZh = ({} as LiaisonError).messageZh;
// @ts-expect-error an error's place is loc, a list
const wrongField: string = ({} as LiaisonError).loc;
// @ts-expect-error not an error code
const wrongErrorCode: ErrorCode = 'no_ballot';
// @ts-expect-error the forms-only build has no check
forms.check(data, '2009-01-01', '2009-12-31', '2010-01-20');
// @ts-expect-error the forms-only build has no agenda
forms.agenda(data, '2010-01-20');
// @ts-expect-error the forms-only build has no explain
forms.explain('deadline', { received: '2008-09-25', responsibility: 1 });
// @ts-expect-error the forms-only build has no catalogue of operations
forms.operations();
// @ts-expect-error explain is a boolean
liaison.check(data, '2009-01-01', '2009-12-31', '2010-01-20', null, 'yes');
// @ts-expect-error the horizon is a number of days
liaison.agenda(data, '2010-01-20', '7');
// @ts-expect-error an agenda item's state is a snake_case string
const wrongState: AgendaState = 'dueSoon';
// @ts-expect-error counted records may be absent
const wrongCounted: Counted[] = finding.counted;
