// Type-checked by `tsc -p bindings-wasm` (never run): every export used with the types the
// generated .d.ts declares, and wrong uses that must not compile (`@ts-expect-error`).
import * as liaison from '../pkg/node/index';
import type {
  Consequence, Count, ErrorCode, FeedbackStatus, Grade, IsoDate, LiaisonError, Policy,
  PolicyInput, Status, VoteOutcome, YearEvaluation,
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

// The web build declares the same functions plus its initialisers.
const webDue: string = web.deadline('2008-09-25', 1);
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
