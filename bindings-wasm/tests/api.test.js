'use strict';
// What the shared vectors do not express: the JS error, the functions' positional
// parameters, JS values (numbers, bigints, undefined, null, what JSON cannot hold), the
// generic `call`, the policy object and the web build.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { liaison, vectorFiles, camel, thrown, assertLiaisonError, allKeys } = require('./helpers.js');

const {
  call, deadline, feedbackStatus, decideVote, grade, consequences, isRestDay, policy,
  policyBanan2008, errorCodes, operations,
} = liaison;

test('an error is an Error named LiaisonError with code, message, message_zh, loc and rule', () => {
  const e = thrown(() => decideVote(0, 0, 0));
  assertLiaisonError(e, 'no_ballots', []);
  assert.equal(e.message, 'there are no ballots: a share of zero ballots is undefined');
  assert.equal(e.message_zh, '没有有效票，无法计算比例');
  assert.equal(e.rule, 'S3.5');
  assert.deepEqual(Object.getOwnPropertyNames(e).sort(), ['code', 'loc', 'message', 'message_zh', 'name', 'rule', 'stack']);

  const f = thrown(() => feedbackStatus('2008-09-25', 'within_remit'));
  assertLiaisonError(f, 'as_of_required', ['as_of']);
  assert.ok(!('rule' in f), 'no rule when none applies');
  assert.equal(f.message_zh, '`as_of`：没有反馈日期时必须给出统计日期 `as_of`');
  // A place inside a parameter is a list of keys and indexes.
  assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: 1 }, { year: 2010, satisfied: -1 }])),
    'invalid_count', ['years', 1, 'satisfied']);
});

test('every function takes the catalogue\'s parameters in its order', () => {
  for (const { name, params } of operations()) {
    const fn = liaison[camel(name)];
    assert.equal(typeof fn, 'function', name);
    const declared = /^function \w+\(([^)]*)\)/.exec(fn.toString());
    assert.ok(declared, name);
    assert.deepEqual(declared[1].split(',').map((p) => p.trim()).filter(Boolean), params, name);
  }
  assert.deepEqual(operations().find((o) => o.name === 'decide_vote').params,
    ['approve', 'disapprove', 'abstain', 'policy', 'present', 'entitled']);
});

for (const [label, bad] of [
  ['-1', -1], ['0.5', 0.5], ['2**53', 2 ** 53], ['-(2**53)', -(2 ** 53)], ['1e300', 1e300], ['"3"', '3'], ['true', true], ['{}', {}], ['[]', []], ['-1n', -1n],
]) {
  test(`count ${label} is invalid_count at its parameter`, () => {
    assertLiaisonError(thrown(() => decideVote(bad, 1)), 'invalid_count', ['approve']);
    assertLiaisonError(thrown(() => decideVote(1, bad)), 'invalid_count', ['disapprove']);
    assertLiaisonError(thrown(() => grade(bad)), 'invalid_count', ['satisfied']);
    assertLiaisonError(thrown(() => decideVote(1, 1, bad)), 'invalid_count', ['abstain']);
    assertLiaisonError(thrown(() => grade(1, bad)), 'invalid_count', ['basically_satisfied']);
    assertLiaisonError(thrown(() => grade(1, 0, bad)), 'invalid_count', ['dissatisfied']);
    assertLiaisonError(thrown(() => decideVote(1, 1, 0, null, bad, 5)), 'invalid_count', ['present']);
    assertLiaisonError(thrown(() => decideVote(1, 1, 0, null, 5, bad)), 'invalid_count', ['entitled']);
  });
}

test('a missing count is a missing parameter; NaN, infinities and bigints beyond 64 bits are not JSON', () => {
  for (const absent of [undefined, null]) {
    assertLiaisonError(thrown(() => decideVote(absent, 1)), 'invalid_input', ['approve']);
    assertLiaisonError(thrown(() => grade(absent)), 'invalid_input', ['satisfied']);
  }
  for (const huge of [NaN, Infinity, -Infinity, 2n ** 64n, -(2n ** 63n) - 1n]) {
    assertLiaisonError(thrown(() => decideVote(1, 1, 0, null, huge, 5)), 'invalid_input', ['present']);
    assertLiaisonError(thrown(() => decideVote(huge, 1)), 'invalid_input', ['approve']);
    assertLiaisonError(thrown(() => grade(1, 0, huge)), 'invalid_input', ['dissatisfied']);
  }
});

test('the largest safe integer and bigints up to 2^64 - 1 are counts', () => {
  assert.equal(grade(2 ** 53 - 1), 'excellent');
  assert.equal(decideVote(20n, 10n, 0n), 'adopted');
  const max = 2n ** 64n - 1n;
  assert.equal(decideVote(max, max, max), 'not_adopted');
  assert.equal(grade(max - 1n, 0n, 1n), 'excellent');
  // Also inside objects: a bigint is an integer of the JSON document.
  assert.equal(consequences([{ year: 2009, satisfied: max, dissatisfied: max }])[0].action, 'rectify');
});

test('optional parameters may be undefined or null and default as documented', () => {
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
  const quorum = { vote_quorum: { numerator: 1, denominator: 2, inclusive: false } };
  assert.equal(decideVote(20, 10, 0, quorum, 31, 60), 'adopted');
  assert.equal(decideVote(20, 10, 0, quorum, 30, 60), 'no_quorum');
  assert.equal(thrown(() => decideVote(20, 10, 0, quorum)).code, 'attendance_required');
  assertLiaisonError(thrown(() => decideVote(20, 10, 0, quorum, 31)), 'attendance_required', ['entitled']);
  assertLiaisonError(thrown(() => decideVote(20, 10, 0, null, undefined, 60)), 'attendance_required');
});

test('bad dates are invalid_date at their parameter', () => {
  for (const bad of ['2008-13-01', '2008-9-1', '2009-02-29', '', ' 2008-09-25', '2008-09-25T00:00', 20080925, true, new Date(2008, 8, 25)]) {
    assertLiaisonError(thrown(() => deadline(bad, 1)), 'invalid_date', ['received']);
    assertLiaisonError(thrown(() => isRestDay(bad)), 'invalid_date', ['date']);
  }
  for (const absent of [null, undefined]) {
    assertLiaisonError(thrown(() => deadline(absent, 1)), 'invalid_input', ['received']);
  }
  assertLiaisonError(thrown(() => feedbackStatus('2008-09-25', 1, '2008-10-32')), 'invalid_date', ['fed_back']);
  assertLiaisonError(thrown(() => feedbackStatus('2008-09-25', 1, null, 'tomorrow')), 'invalid_date', ['as_of']);
});

test('responsibility as a number, a digit string, a bigint, a name or a label', () => {
  for (const r of [1, '1', ' 1 ', 'within_remit', '职责内', 1n]) {
    assert.equal(deadline('2008-09-25', r), '2008-10-06', String(r));
  }
  assert.equal(deadline('2008-09-25', 4, { move_rest_day: false }), '2008-11-04');
  assert.equal(deadline('2008-09-25', '牵头解决', { move_rest_day: false }), '2008-11-04');
  for (const bad of [0, 5, 1.5, -1, 2 ** 53, '5', 'within', '', true, {}, [1]]) {
    assertLiaisonError(thrown(() => deadline('2008-09-25', bad)), 'invalid_responsibility', ['responsibility']);
  }
});

test('policy: Banan 2008 complete, in the policy file format (snake_case keys)', () => {
  const p = policyBanan2008();
  assert.equal(p.within_remit_days, 10);
  assert.deepEqual(p.vote_adopt, { numerator: 2, denominator: 3, inclusive: true });
  assert.equal(p.vote_quorum, null);
  assert.deepEqual(p.calendar_years, []);
  assert.ok([...allKeys(p)].every((k) => k === k.toLowerCase()), 'snake_case keys');
  // `policy` completes and checks a policy; the answer is the file format.
  assert.deepEqual(policy(), p);
  assert.deepEqual(policy({}), p);
  assert.deepEqual(policy(JSON.parse(JSON.stringify(p))), p);
  assert.deepEqual(call('policy', JSON.stringify({ policy: p })), p);
  const seven = policy({ within_remit_days: 7 });
  assert.equal(seven.within_remit_days, 7);
  assert.equal(seven.outside_remit_days, 20);
  assert.equal(Object.keys(seven).length, Object.keys(p).length);
});

test('a partial policy takes the rest from Banan 2008 and is used, nested keys too', () => {
  // 2008-03-03 + 7 days is Monday 2008-03-10, a working day.
  assert.equal(deadline('2008-03-03', 1, { within_remit_days: 7 }), '2008-03-10');
  assert.equal(deadline('2008-03-03', 1), '2008-03-13');
  const cal = {
    calendar_years: [{
      year: 2027, notice: 'test', doc_no: null,
      rest_days: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], working_days: [],
    }],
  };
  assert.equal(isRestDay('2027-01-01', cal), true);
  assert.equal(isRestDay('2027-01-04', cal), false);
  assert.equal(policy(cal).calendar_years[0].rest_days[0].name, '元旦');
  // A count in a policy may be a bigint too.
  assert.equal(policy({ within_remit_days: 10n }).within_remit_days, 10);
});

test('unknown policy keys (camelCase ones too) and bad values are invalid_policy at their place', () => {
  for (const [bad, loc] of [
    [{ withinRemit: 7 }, ['policy', 'withinRemit']],
    [{ withinRemitDays: 7 }, ['policy', 'withinRemitDays']],
    [{ vote_adopt: { numerator: 2, denominator: 3, inclusive: true, extra: 1 } }, ['policy', 'vote_adopt', 'extra']],
    [{ calendar_years: [{ year: 2027, restDays: [] }] }, ['policy', 'calendar_years', 0, 'restDays']],
  ]) {
    assertLiaisonError(thrown(() => grade(1, 0, 0, bad)), 'invalid_policy', loc);
    assertLiaisonError(thrown(() => policy(bad)), 'invalid_policy', loc);
  }
  for (const bad of ['{"within_remit_days": 7}', 7, true, { within_remit_days: 2 ** 53 }, { within_remit_days: -1 }]) {
    assert.equal(thrown(() => deadline('2008-09-25', 1, bad)).code, 'invalid_policy', String(bad));
  }
  assert.equal(thrown(() => call('policy', '{"policy": {"within_remit_days": 7, "within_remit_days": 8}}')).code, 'invalid_json');
});

test('consequences read snake_case year objects and answer snake_case objects', () => {
  const out = consequences([
    { year: 2009, satisfied: 60, basically_satisfied: 0, dissatisfied: 40 },
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
  // undefined properties are left out, as JSON.stringify leaves them out.
  assert.deepEqual(consequences([{ year: 2009, satisfied: 95, combined: undefined }]), []);
  assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: 1, basicallySatisfied: 1 }])),
    'invalid_input', ['years', 0, 'basicallySatisfied']);
  for (const bad of [0.5, 2 ** 53, -1, '1']) {
    assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: bad }])), 'invalid_count', ['years', 0, 'satisfied']);
  }
  assertLiaisonError(thrown(() => consequences([{ year: 2009, satisfied: NaN }])), 'invalid_input', ['years', 0, 'satisfied']);
  assertLiaisonError(thrown(() => consequences(undefined)), 'invalid_input', ['years']);
  assertLiaisonError(thrown(() => consequences(5)), 'invalid_input', ['years']);
  assertLiaisonError(thrown(() => consequences({})), 'invalid_input', ['years']);
  assertLiaisonError(thrown(() => consequences([1n])), 'invalid_input', ['years', 0]);
});

test('what JSON cannot hold is invalid_input at its place, and the module goes on working', () => {
  const cyclic = [{ year: 2009, satisfied: 1 }];
  cyclic[0].self = cyclic;
  const e = thrown(() => consequences(cyclic));
  assertLiaisonError(e, 'invalid_input');
  assert.deepEqual(e.loc.slice(0, 4), ['years', 0, 'self', 0]);
  const getter = { year: 2009, get satisfied() { throw new Error('boom'); } };
  assertLiaisonError(thrown(() => consequences([getter])), 'invalid_input', ['years', 0]);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  assertLiaisonError(thrown(() => grade(1, 0, 0, revoked.proxy)), 'invalid_input', ['policy']);
  const keys = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
  assertLiaisonError(thrown(() => grade(1, 0, 0, keys)), 'invalid_input', ['policy']);
  assertLiaisonError(thrown(() => deadline(Symbol('d'), 1)), 'invalid_input', ['received']);
  assertLiaisonError(thrown(() => deadline('2008-09-25', () => 1)), 'invalid_input', ['responsibility']);
  assertLiaisonError(thrown(() => grade(1, 0, 0, { name: Symbol('n') })), 'invalid_input', ['policy', 'name']);
  let deep = {};
  for (let i = 0; i < 10000; i += 1) deep = { a: deep };
  assertLiaisonError(thrown(() => grade(1, 0, 0, deep)), 'invalid_input');
  assert.equal(deadline('2008-09-25', 1), '2008-10-06');
});

test('call(op, request): an object or JSON text, the same answers and errors', () => {
  const request = { received: '2008-09-25', responsibility: 1 };
  assert.equal(call('deadline', request), '2008-10-06');
  assert.equal(call('deadline', JSON.stringify(request)), '2008-10-06');
  assert.deepEqual(call('feedback_status', { ...request, as_of: '2008-09-30' }),
    { deadline: '2008-10-06', status: 'open', days: 6 });
  assert.deepEqual(call('rules', {}), liaison.rules());
  assertLiaisonError(thrown(() => call('deadline', { received: '2008-9-25', responsibility: 1 })), 'invalid_date', ['received']);
  assertLiaisonError(thrown(() => call('deadline', '{"received": "2008-09-25", "received": "2008-09-26"}')), 'invalid_json', []);
  assertLiaisonError(thrown(() => call('deadline', '{"received": ')), 'invalid_json', []);
  assertLiaisonError(thrown(() => call('deadline', { ...request, as_of: '2008-10-01' })), 'invalid_input', ['as_of']);
  assertLiaisonError(thrown(() => call('deadlines', request)), 'unknown_operation', []);
  assertLiaisonError(thrown(() => call(5, request)), 'unknown_operation', []);
  for (const notObject of [undefined, null, 5, [request]]) {
    assertLiaisonError(thrown(() => call('deadline', notObject)), 'invalid_input', []);
  }
  assertLiaisonError(thrown(() => call('deadline', { ...request, policy: { x: 1n << 70n } })), 'invalid_input', ['policy', 'x']);
});

test('errorCodes() lists every code once; every code a vector expects is one', () => {
  const codes = errorCodes();
  assert.deepEqual(Object.keys(codes[0]), ['code', 'http_status']);
  const names = codes.map((c) => c.code);
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.every((c) => /^[a-z]+(_[a-z]+)*$/.test(c)));
  assert.equal(codes.find((c) => c.code === 'unknown_operation').http_status, 404);
  for (const [file, doc] of vectorFiles()) {
    for (const kase of doc.cases) {
      if ('error' in kase) assert.ok(names.includes(kase.error.code), `${file}: ${kase.error.code}`);
    }
  }
});

test('answers are the contract\'s JSON documents: snake_case keys', () => {
  assert.deepEqual(Object.keys(liaison.formKinds()[0]).sort(), ['attachment', 'kind', 'label_zh', 'rule', 'title']);
  assert.deepEqual(Object.keys(liaison.rules()[0]).sort(), ['gloss', 'id', 'implemented_by', 'source_zh']);
  assert.equal(liaison.rules()[0].id, 'N.1');
  const ops = operations();
  assert.deepEqual(Object.keys(ops[0]), ['name', 'params', 'rule', 'summary']);
  assert.deepEqual(ops.map((o) => o.name), [...new Set(ops.map((o) => o.name))]);
  const explained = liaison.explain('deadline', { received: '2008-09-25', responsibility: 1 });
  assert.equal(explained.answer, '2008-10-06');
  assert.ok(explained.steps.some((s) => s.rule === 'A2' && s.text_zh.length > 0));
});

const show = (v) => {
  try {
    return typeof v === 'bigint' ? `${v}n` : String(v);
  } catch {
    return typeof v;
  }
};

test('no input traps or throws anything but a LiaisonError', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const values = [undefined, null, 0, -0, 1, 2.5, NaN, 1e300, '', 'x', '2008-09-25', true, 1n, -1n, 2n ** 70n,
    {}, [], [{}], Symbol('s'), () => 1, cyclic, revoked.proxy, new Date(0), new Map([[1, 2]]),
    new Proxy({}, { get() { throw new Error('boom'); } }),
    new Proxy([], { ownKeys() { throw new Error('boom'); } }),
    { get x() { throw new Error('boom'); } }];
  const fns = operations().filter((o) => o.params.length > 0).map((o) => liaison[camel(o.name)]);
  for (const fn of [...fns, call]) {
    for (const a of values) {
      for (const b of values.slice(0, 12)) {
        try {
          fn(a, b);
          fn('2008-09-25', a, b);
          fn(1, 1, a, b);
        } catch (e) {
          assert.equal(e.name, 'LiaisonError', `${fn.name}(${show(a)}, ${show(b)}): ${e}`);
          assert.equal(typeof e.code, 'string');
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
  assert.equal(web.call('deadline', '{"received": "2008-09-25", "responsibility": 1}'), '2008-10-06');
  assert.deepEqual(web.policyBanan2008(), policyBanan2008());
  assert.deepEqual(web.operations(), operations());
  const e = thrown(() => web.grade(-1));
  assertLiaisonError(e, 'invalid_count', ['satisfied']);
});

test('the vectors skipped for JS numbers pass with bigint counts', () => {
  // Integers of 16 or more digits are read as bigints (JSON.parse would round them).
  let ran = 0;
  for (const [file] of vectorFiles()) {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'tests', 'vectors', file), 'utf8')
      .replace(/([:[,]\s*)(\d{16,})(?=\s*[,\]}])/g, '$1"$2n"');
    const doc = JSON.parse(text, (_, v) => (typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v));
    for (const kase of doc.cases) {
      if (!(kase.skip || []).includes('js')) continue;
      const params = operations().find((o) => o.name === kase.op).params;
      const args = params.map((p) => kase.request[p]);
      const fn = liaison[camel(kase.op)];
      const beyond = args.some((a) => typeof a === 'bigint' && a >= 2n ** 64n);
      if (beyond) {
        // A bigint beyond 2^64 - 1 is not an integer JSON holds here (Rust reads the same
        // number as an invalid count).
        assert.equal(kase.error.code, 'invalid_count', kase.name);
        assertLiaisonError(thrown(() => fn(...args)), 'invalid_input', kase.error.loc);
      } else if ('error' in kase) {
        assertLiaisonError(thrown(() => fn(...args)), kase.error.code, kase.error.loc);
      } else {
        assert.deepEqual(fn(...args), kase.answer, kase.name);
      }
      ran += 1;
    }
  }
  assert.ok(ran >= 9, `only ${ran} u64-scale vectors ran`);
});
