'use strict';
// What the shared vectors do not express: the JS error shape, JS-only argument types,
// optional arguments, the policy object round trip and the web build.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { liaison, thrown } = require('./helpers.js');

const {
  deadline, feedbackStatus, decideVote, grade, consequences, isRestDay,
  policyBanan2008, policyFromJson, policyToJson, errorCodes,
} = liaison;

function assertLiaisonError(e, code, field) {
  assert.ok(e instanceof Error, 'an Error instance');
  assert.equal(e.name, 'LiaisonError');
  assert.equal(e.code, code, e.message);
  assert.equal(e.field, field);
  assert.equal(typeof e.message, 'string');
  assert.equal(typeof e.messageZh, 'string');
  assert.ok(e.message.length > 0 && e.messageZh.length > 0);
  assert.ok(typeof e.stack === 'string');
}

test('an error is an Error with code, message, messageZh and field', () => {
  const e = thrown(() => decideVote(0, 0, 0));
  assertLiaisonError(e, 'no_ballots', undefined);
  assert.ok('field' in e, 'field is present, undefined when there is none');
  assert.equal(e.message, 'there are no ballots: a share of zero ballots is undefined');
  assert.equal(e.messageZh, '没有有效票，无法计算比例');

  const f = thrown(() => feedbackStatus('2008-09-25', 'within_remit'));
  assertLiaisonError(f, 'as_of_required', 'as_of');
});

for (const [label, bad] of [
  ['-1', -1], ['0.5', 0.5], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
  ['2**53', 2 ** 53], ['"3"', '3'], ['null', null], ['undefined', undefined], ['true', true],
  ['{}', {}], ['-1n', -1n], ['2n**64n', 2n ** 64n],
]) {
  test(`count ${label} is invalid_count naming the parameter`, () => {
    assertLiaisonError(thrown(() => decideVote(bad, 1)), 'invalid_count', 'approve');
    assertLiaisonError(thrown(() => decideVote(1, bad)), 'invalid_count', 'disapprove');
    assertLiaisonError(thrown(() => grade(bad)), 'invalid_count', 'satisfied');
    if (bad !== null && bad !== undefined) {
      assertLiaisonError(thrown(() => decideVote(1, 1, bad)), 'invalid_count', 'abstain');
      assertLiaisonError(thrown(() => grade(1, bad)), 'invalid_count', 'basically_satisfied');
      assertLiaisonError(thrown(() => grade(1, 0, bad)), 'invalid_count', 'dissatisfied');
      assertLiaisonError(thrown(() => decideVote(1, 1, 0, null, bad, 5)), 'invalid_count', 'present');
      assertLiaisonError(thrown(() => decideVote(1, 1, 0, null, 5, bad)), 'invalid_count', 'entitled');
    }
  });
}

test('the largest safe integer and bigints are counts', () => {
  assert.equal(grade(2 ** 53 - 1), 'excellent');
  assert.equal(decideVote(20n, 10n, 0n), 'adopted');
  // Beyond 2^53: exact with bigints, up to 2^64 - 1.
  const max = 2n ** 64n - 1n;
  assert.equal(decideVote(max, max, max), 'not_adopted');
  assert.equal(grade(max - 1n, 0n, 1n), 'excellent');
});

test('optional arguments may be undefined or null and default as documented', () => {
  assert.equal(decideVote(20, 10), 'adopted');
  assert.equal(decideVote(20, 10, undefined, undefined), 'adopted');
  assert.equal(decideVote(20, 10, null, null, null, null), 'adopted');
  assert.equal(decideVote(19, 10, 1), 'not_adopted');
  assert.equal(grade(70, null, 30, null), 'qualified');
  assert.equal(grade(91), 'excellent');
  assert.deepEqual(feedbackStatus('2008-09-25', 1, null, '2008-09-30', null),
    { deadline: '2008-10-06', status: 'open', days: 6 });
  assert.equal(deadline('2008-09-25', 1, null), '2008-10-06');
  assert.equal(isRestDay('2008-10-05', undefined), true);
});

test('attendance figures come in pairs', () => {
  const quorum = { voteQuorum: { numerator: 1, denominator: 2, inclusive: false } };
  assert.equal(decideVote(20, 10, 0, quorum, 31, 60), 'adopted');
  assert.equal(decideVote(20, 10, 0, quorum, 30, 60), 'no_quorum');
  assertLiaisonError(thrown(() => decideVote(20, 10, 0, quorum)), 'attendance_required', undefined);
  // One figure without the other is attendance_required, as in the Python binding.
  assertLiaisonError(thrown(() => decideVote(20, 10, 0, quorum, 31)), 'attendance_required', undefined);
  assertLiaisonError(thrown(() => decideVote(20, 10, 0, null, undefined, 60)), 'attendance_required', undefined);
});

test('bad dates are invalid_date naming the parameter', () => {
  for (const bad of ['2008-13-01', '2008-9-1', '2009-02-29', '', ' 2008-09-25', '2008-09-25T00:00', 20080925, null, undefined, new Date(2008, 8, 25)]) {
    assertLiaisonError(thrown(() => deadline(bad, 1)), 'invalid_date', 'received');
    assertLiaisonError(thrown(() => isRestDay(bad)), 'invalid_date', 'date');
  }
  assertLiaisonError(thrown(() => feedbackStatus('2008-09-25', 1, '2008-10-32')), 'invalid_date', 'fed_back');
  assertLiaisonError(thrown(() => feedbackStatus('2008-09-25', 1, null, 'tomorrow')), 'invalid_date', 'as_of');
});

test('responsibility as a number, a digit string, a name or a label', () => {
  for (const r of [1, '1', ' 1 ', 'within_remit', '职责内', 1n]) {
    assert.equal(deadline('2008-09-25', r), '2008-10-06', String(r));
  }
  assert.equal(deadline('2008-09-25', 4, { moveRestDay: false }), '2008-11-04');
  assert.equal(deadline('2008-09-25', '牵头解决', { moveRestDay: false }), '2008-11-04');
  for (const bad of [0, 5, 1.5, -1, NaN, '5', 'within', '', null, undefined, true, {}, [1]]) {
    assertLiaisonError(thrown(() => deadline('2008-09-25', bad)), 'invalid_responsibility', 'responsibility');
  }
});

test('policy round trip: policyBanan2008 → policyToJson → policyFromJson', () => {
  const p = policyBanan2008();
  const json = policyToJson(p);
  assert.equal(typeof json, 'string');
  assert.deepEqual(policyFromJson(json), p);
  // The file format is snake_case and names every field.
  const file = JSON.parse(json);
  assert.equal(file.within_remit_days, 10);
  assert.equal(Object.keys(file).length, Object.keys(p).length);
  assert.ok(Object.keys(file).every((k) => k === k.toLowerCase()));
  // The JS object is camelCase.
  assert.equal(p.withinRemitDays, 10);
  assert.deepEqual(p.voteAdopt, { numerator: 2, denominator: 3, inclusive: true });
  assert.equal(p.voteQuorum, null);
  assert.deepEqual(p.calendarYears, []);
  // A missing policy is Banan 2008.
  assert.equal(policyToJson(undefined), json);
  assert.equal(policyToJson({}), json);
});

test('a partial policy object takes the rest from Banan 2008 and is used', () => {
  const p = policyFromJson(policyToJson({ withinRemitDays: 7 }));
  assert.equal(p.withinRemitDays, 7);
  assert.equal(p.outsideRemitDays, 20);
  // 2008-03-03 + 7 days is Monday 2008-03-10, a working day.
  assert.equal(deadline('2008-03-03', 1, { withinRemitDays: 7 }), '2008-03-10');
  assert.equal(deadline('2008-03-03', 1), '2008-03-13');
  // Nested camelCase keys reach the core too: a calendar year for 2027.
  const cal = {
    calendarYears: [{
      year: 2027, notice: 'test', docNo: null,
      restDays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workingDays: [],
    }],
  };
  assert.equal(isRestDay('2027-01-01', cal), true);
  assert.equal(isRestDay('2027-01-04', cal), false);
  assert.equal(policyFromJson(policyToJson(cal)).calendarYears[0].restDays[0].name, '元旦');
});

test('unknown or non-camelCase policy keys are invalid_policy', () => {
  for (const bad of [
    { withinRemit: 7 },
    { within_remit_days: 7 },
    { WithinRemitDays: 7 },
    { voteAdopt: { numerator: 2, denominator: 3, inclusive: true, extra: 1 } },
    { calendarYears: [{ year: 2027, rest_days: [] }] },
  ]) {
    assertLiaisonError(thrown(() => grade(1, 0, 0, bad)), 'invalid_policy', undefined);
    assertLiaisonError(thrown(() => policyToJson(bad)), 'invalid_policy', undefined);
  }
  for (const bad of ['{"within_remit_days": 7}', 7, true, { withinRemitDays: 2 ** 53 }, { withinRemitDays: 10n }]) {
    assertLiaisonError(thrown(() => deadline('2008-09-25', 1, bad)), 'invalid_policy', undefined);
  }
  assertLiaisonError(thrown(() => policyFromJson('{"withinRemitDays": 7}')), 'invalid_policy', undefined);
  assertLiaisonError(thrown(() => policyFromJson({})), 'invalid_policy', undefined);
  assertLiaisonError(thrown(() => policyFromJson(undefined)), 'invalid_policy', undefined);
});

test('consequences take camelCase year objects and return camelCase results', () => {
  const out = consequences([
    { year: 2009, satisfied: 60, basicallySatisfied: 0, dissatisfied: 40 },
    { year: 2010, satisfied: 40, dissatisfied: 60 },
  ]);
  assert.deepEqual(out, [
    { year: 2009, action: 'rectify', reason: 'combined_unqualified' },
    { year: 2010, action: 'rectify', reason: 'dissatisfaction_over_half' },
    { year: 2010, action: 'rectify', reason: 'combined_unqualified' },
    { year: 2010, action: 'resign', reason: 'unqualified_two_years' },
  ]);
  assert.deepEqual(consequences([]), []);
  assert.deepEqual(consequences([{ year: 2009, satisfied: 95, combined: null }]), []);
  assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: 1, basically_satisfied: 1 }])),
    'invalid_input', 'years[0].basically_satisfied');
  assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: 0.5 }])), 'invalid_count', 'years[0].satisfied');
  assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: 2 ** 53 }])), 'invalid_count', 'years[0].satisfied');
  assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: NaN }])), 'invalid_count', 'years[0].satisfied');
  for (const bad of [undefined, null, 5, 'years', {}, [1n]]) {
    assert.ok(['invalid_input', 'invalid_count'].includes(thrown(() => consequences(bad)).code));
  }
  const cyclic = [{ year: 2009, satisfied: 1 }];
  cyclic[0].self = cyclic;
  assertLiaisonError(thrown(() => consequences(cyclic)), 'invalid_input', 'years');
});

test('errorCodes() lists every code once, snake_case', () => {
  const codes = errorCodes();
  assert.ok(Array.isArray(codes));
  assert.equal(new Set(codes).size, codes.length);
  for (const code of ['calendar_not_covered', 'invalid_date', 'invalid_count', 'invalid_policy', 'no_ballots']) {
    assert.ok(codes.includes(code), code);
  }
  assert.ok(codes.every((c) => /^[a-z]+(_[a-z]+)*$/.test(c)));
  // Every code the vectors expect is one of them.
  const dir = path.join(__dirname, '..', '..', 'tests', 'vectors');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const kase of JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).cases) {
      if ('error' in kase) assert.ok(codes.includes(kase.error), `${file}: ${kase.error}`);
    }
  }
});

const show = (v) => {
  try {
    return typeof v === 'bigint' ? `${v}n` : String(v);
  } catch {
    return typeof v;
  }
};

test('no input traps or throws anything but a LiaisonError', () => {
  const values = [undefined, null, 0, -0, 1, 2.5, NaN, 1e300, '', 'x', '2008-09-25', true, 1n, -1n,
    {}, [], [{}], Symbol('s'), () => 1, new Proxy({}, { get() { throw new Error('boom'); } })];
  const fns = [deadline, feedbackStatus, decideVote, grade, consequences, isRestDay, policyFromJson, policyToJson];
  for (const fn of fns) {
    for (const a of values) {
      for (const b of values.slice(0, 8)) {
        try {
          fn(a, b);
        } catch (e) {
          assert.equal(e.name, 'LiaisonError', `${fn.name}(${show(a)}, ${show(b)}): ${e}`);
        }
      }
    }
  }
  // The module still works afterwards.
  assert.equal(deadline('2008-09-25', 1), '2008-10-06');
});

test('the web build loads with initSync and gives the same answers', async () => {
  const dir = path.join(__dirname, '..', 'pkg', 'web');
  const web = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(dir, 'index_bg.wasm')) });
  assert.equal(web.deadline('2008-09-25', 'within_remit'), '2008-10-06');
  assert.deepEqual(web.policyBanan2008(), policyBanan2008());
  const e = thrown(() => web.grade(-1));
  assert.equal(e.code, 'invalid_count');
  assert.equal(e.field, 'satisfied');
});

test('vectors skipped for JS numbers pass with bigint counts', () => {
  // Integers of 16 or more digits are read as bigints (JSON.parse would round them).
  const dir = path.join(__dirname, '..', '..', 'tests', 'vectors');
  const calls = { decide_vote: ['approve', 'disapprove', 'abstain'], grade: ['satisfied', 'basically_satisfied', 'dissatisfied'] };
  let ran = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8')
      .replace(/([:[,]\s*)(\d{16,})(?=\s*[,\]}])/g, '$1"$2n"');
    const doc = JSON.parse(text, (_, v) => (typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v));
    const params = calls[doc.function];
    if (!params) continue;
    for (const kase of doc.cases) {
      if (!(kase.skip || []).includes('js') || 'policy' in kase || 'policy_json' in kase) continue;
      if (!params.some((p) => typeof kase.args[p] === 'bigint')) continue;
      const args = params.map((p) => (p in kase.args ? BigInt(kase.args[p]) : undefined));
      const fn = doc.function === 'grade' ? grade : decideVote;
      if ('error' in kase) {
        assertLiaisonError(thrown(() => fn(...args)), kase.error, kase.field);
      } else {
        assert.equal(fn(...args), kase.expect, kase.name);
      }
      ran += 1;
    }
  }
  assert.ok(ran > 0, 'some u64-scale vectors ran');
});
