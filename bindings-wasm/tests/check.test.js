'use strict';
// The compliance check from JS: the example district, the synthetic generator, the report's
// shape, bad datasets, the catalogues, the .d.ts unions and the web build. The shared
// vectors (tests/vectors/check.json) run in vectors.test.js.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { liaison, ROOT, thrown, assertLiaisonError, allKeys } = require('./helpers.js');

const { check, checkDetailed, agenda, generateDistrict, rules, findingCodes, errorCodes, formKinds } = liaison;

/** The example district: the same snake_case JSON document in every language. */
const EXAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'district.json'), 'utf8'));
// The range of the demo (Makefile `demo`) and of the generator's default shape.
const RANGE = ['2023-01-01', '2025-12-31', '2026-01-20'];

/** A report's findings as the generator's planted list: {rule, code, subject, period}, sorted. */
function asPlanted(report) {
  const key = (p) => JSON.stringify([p.rule, p.code, p.subject, p.period]);
  return report.findings
    .map((f) => ({ rule: f.rule, code: f.code, subject: f.subject, period: f.period.label }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A small valid dataset to break in one place. */
function small() {
  return {
    units: [{ id: 'D', level: 'district' }, { id: 'T1', level: 'town', parent: 'D' },
      { id: 'V1', level: 'village', parent: 'T1' }],
    people: [{ id: 'S', unit: 'V1', role: 'secretary', from: '2008-01-01' },
      { id: 'M', unit: 'V1', role: 'member', from: '2008-01-01', to: null }],
    households: [{ id: 'H1', unit: 'V1', member: 'M', poor: true }],
    receptions: [{ person: 'S', date: '2009-01-06', minutes: 240, place: 'market' }],
    visits: [{ person: 'M', household: 'H1', date: '2009-01-07' }, { person: 'S', household: 'H1', date: '2009-01-08' }],
    household_events: [{ id: 'E1', household: 'H1', kind: 'hospital', date: '2009-01-08' }],
    opinions: [{ id: 'O1', unit: 'V1', received: '2009-01-05', responsibility: '职责内', fed_back: '2009-01-09', result: true, closed: true }],
    evaluations: [{ unit: 'V1', year: 2009, satisfied: 60, basically_satisfied: 30, dissatisfied: 10, combined: null }],
    pairings: [{ id: 'P1', household: 'H1', from: '2009-01-01' }],
    aid: [{ pairing: 'P1', date: '2009-03-01', amount_fen: 50000 }],
  };
}

test('the example district gives the 32 planted findings', () => {
  const report = check(EXAMPLE, ...RANGE);
  assert.equal(report.findings.length, 32);
  const generated = generateDistrict();
  assert.equal(generated.planted.length, 32);
  assert.deepEqual(asPlanted(report), generated.planted);
  // The example is the generator's default district, written as the same document.
  assert.deepEqual(EXAMPLE, generated.dataset);
  assert.deepEqual(check(generated.dataset, ...RANGE), report);
});

test('the report has snake_case keys and outcomes null; the detailed one lists them', () => {
  const report = check(EXAMPLE, ...RANGE);
  const sorted = (o) => Object.keys(o).sort();
  assert.deepEqual(sorted(report), ['as_of', 'by_rule', 'by_unit', 'end', 'findings', 'grades', 'outcomes', 'policy',
    'provisional', 'records_not_judged', 'start']);
  assert.equal(report.outcomes, null);
  assert.deepEqual([report.start, report.end, report.as_of], RANGE);
  assert.equal(report.policy, liaison.policyBanan2008().name);
  const f = report.findings[0];
  assert.deepEqual(sorted(f), ['actual', 'code', 'expected', 'message', 'message_zh', 'period', 'provisional', 'rule', 'subject', 'unit']);
  assert.deepEqual(sorted(f.period), ['end', 'label', 'start']);
  assert.equal(typeof f.message_zh, 'string');
  assert.deepEqual(sorted(report.by_rule[0]), ['judged', 'key', 'met', 'not_judged', 'not_judged_by_reason', 'not_met',
    'provisional', 'rate_permille']);
  assert.deepEqual(sorted(report.grades[0]), ['ballot', 'combined', 'recorded_combined', 'unit', 'year']);
  for (const t of [...report.by_rule, ...report.by_unit]) {
    assert.equal(t.judged, t.met + t.not_met, t.key);
    assert.ok(t.rate_permille === null ? t.judged === 0 : Number.isInteger(t.rate_permille), t.key);
    // Every obligation not judged is counted under its reason.
    assert.equal(Object.values(t.not_judged_by_reason).reduce((a, b) => a + b, 0), t.not_judged, t.key);
  }
  assert.ok([...allKeys(report)].every((k) => k === k.toLowerCase() || /^[A-Z]/.test(k) === false), 'no camelCase key');
  // Values stay as the core writes them.
  const detailed = checkDetailed(EXAMPLE, ...RANGE);
  assert.deepEqual(sorted(detailed), sorted(report));
  assert.deepEqual(detailed.findings, report.findings);
  assert.deepEqual(detailed.by_rule, report.by_rule);
  assert.deepEqual(detailed.records_not_judged, report.records_not_judged);
  const statuses = new Set(detailed.outcomes.map((o) => o.status));
  assert.deepEqual([...statuses].sort(), ['met', 'not_judged', 'not_met']);
  assert.deepEqual(sorted(detailed.outcomes[0]), ['period', 'provisional', 'reason', 'rule', 'status', 'subject', 'unit']);
  for (const o of detailed.outcomes) {
    assert.equal(o.reason === null, o.status !== 'not_judged', JSON.stringify(o));
  }
  // Every judgement is counted once in the per-rule tallies, and each reason too.
  const sum = (k) => report.by_rule.reduce((n, t) => n + t[k], 0);
  const count = (s) => detailed.outcomes.filter((o) => o.status === s).length;
  assert.equal(count('met'), sum('met'));
  assert.equal(count('not_met'), sum('not_met'));
  assert.equal(count('not_judged'), sum('not_judged'));
  for (const t of report.by_rule) {
    for (const [reason, n] of Object.entries(t.not_judged_by_reason)) {
      assert.equal(detailed.outcomes.filter((o) => o.rule === t.key && o.reason === reason).length, n, `${t.key} ${reason}`);
    }
  }
});

test('explain: each finding lists the records it counted, ids, dates and amounts only', () => {
  const plain = check(EXAMPLE, ...RANGE);
  assert.ok(plain.findings.every((f) => !('counted' in f)), 'no counted list unless asked');
  const explained = check(EXAMPLE, ...RANGE, null, true);
  assert.equal(explained.findings.length, plain.findings.length);
  // The findings of a count (receptions, visits, meetings, deeds, aid) list what they counted.
  const counting = explained.findings.filter((f) => 'counted' in f);
  assert.ok(counting.length >= 10, `${counting.length} findings with counted records`);
  assert.ok(counting.some((f) => f.code === 'too_few_visits') && counting.some((f) => f.code === 'aid_below_minimum'));
  const all = counting.flatMap((f) => f.counted);
  assert.ok(all.length > 0, 'some finding counted records');
  for (const f of counting.filter((x) => x.code === 'aid_below_minimum')) {
    assert.equal(f.counted.reduce((n, c) => n + c.amount_fen, 0), f.actual, 'the aid counted is the aid found');
  }
  for (const c of all) {
    assert.ok(['reception', 'visit', 'meeting', 'deed', 'aid'].includes(c.record), c.record);
    assert.match(c.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(c.ids.every((id) => typeof id === 'string'));
    assert.ok(!('amount_fen' in c) || c.record === 'aid', JSON.stringify(c));
  }
  // Without the records counted, the same report.
  assert.deepEqual(explained.findings.map(({ counted, ...f }) => f), plain.findings);
  assert.deepEqual(check(EXAMPLE, ...RANGE, null, false), plain);
  assertLiaisonError(thrown(() => check(EXAMPLE, ...RANGE, null, 'yes')), 'invalid_input', ['explain']);
});

test('an empty dataset judges nothing; the detailed report has an empty list of outcomes', () => {
  for (const empty of [{}, { units: [] }, { units: undefined }]) {
    const r = check(empty, '2009-01-01', '2009-12-31', '2010-01-01');
    assert.deepEqual(r.findings, []);
    assert.equal(r.outcomes, null);
    assert.deepEqual(checkDetailed(empty, '2009-01-01', '2009-12-31', '2010-01-01').outcomes, []);
  }
});

test('agenda: what falls due, by due day, from the same dataset', () => {
  const a = agenda(EXAMPLE, '2026-01-20');
  assert.deepEqual(agenda(EXAMPLE, '2026-01-20', null, null), a);
  assert.deepEqual(liaison.call('agenda', { dataset: EXAMPLE, as_of: '2026-01-20' }), a);
  assert.ok([...allKeys(a)].every((k) => !/[A-Z]/.test(k)), 'snake_case keys');
  const wider = agenda(EXAMPLE, '2026-01-20', 60);
  assert.ok(JSON.stringify(wider).length >= JSON.stringify(agenda(EXAMPLE, '2026-01-20', 7)).length);
  assertLiaisonError(thrown(() => agenda(EXAMPLE, '2026-1-20')), 'invalid_date', ['as_of']);
  assertLiaisonError(thrown(() => agenda(EXAMPLE, '2026-01-20', -1)), 'invalid_count', ['horizon_days']);
  assertLiaisonError(thrown(() => agenda(undefined, '2026-01-20')), 'invalid_input', ['dataset']);
});

test('a small dataset with every record type is read', () => {
  const week = checkDetailed(small(), '2009-01-05', '2009-01-11', '2009-02-01', { rules: ['S1.3'] });
  assert.deepEqual(week.findings, []);
  assert.deepEqual(week.by_rule.map((t) => [t.key, t.judged, t.met]), [['S1.3', 1, 1]]);
  const quarter = checkDetailed(small(), '2009-01-05', '2009-03-31', '2009-04-01', { rules: ['S2.4', 'S5'] });
  assert.deepEqual(quarter.findings, []);
  assert.deepEqual(quarter.by_rule.map((t) => [t.key, t.judged, t.met]), [['S2.4', 1, 1], ['S5.1', 1, 1], ['S5.5', 1, 1]]);
});

test('commitment items may come as a flat list naming their commitment', () => {
  const flat = structuredClone(EXAMPLE);
  flat.commitment_items = flat.commitments.flatMap((c) => c.items.map((item) => ({ commitment: c.id, ...item })));
  for (const c of flat.commitments) delete c.items;
  assert.ok(flat.commitment_items.length > 0);
  assert.deepEqual(check(flat, ...RANGE), check(EXAMPLE, ...RANGE));
  flat.commitment_items[0].commitment = 'NOPE';
  assertLiaisonError(thrown(() => check(flat, ...RANGE)), 'unknown_reference', ['dataset', 'commitment_items', 0, 'commitment']);
});

test('the policy is used: a rule filter and a district minimum', () => {
  const s4 = check(EXAMPLE, ...RANGE, { rules: ['S4'] });
  assert.ok(s4.findings.length > 0);
  assert.ok(s4.findings.every((f) => f.rule.startsWith('S4.')));
  assert.ok(s4.by_rule.every((t) => t.key.startsWith('S4.')));
  const all = check(EXAMPLE, ...RANGE);
  assert.deepEqual(s4.findings, all.findings.filter((f) => f.rule.startsWith('S4.')));
  // 499.99 yuan is short of 500 and enough for a district asking 300.
  const data = small();
  data.aid[0].amount_fen = 49999;
  const range = ['2009-01-01', '2009-12-31', '2010-01-20'];
  const short = check(data, ...range, { rules: ['S4.3'] });
  assert.deepEqual(short.findings.map((f) => [f.code, f.expected, f.actual]), [['aid_below_minimum', 50000, 49999]]);
  assert.deepEqual(check(data, ...range, { rules: ['S4.3'], pairing_min_fen_per_year: 30000 }).findings, []);
  assert.deepEqual(check(data, ...range, null).findings, check(data, ...range).findings);
});

test('bad records are coded errors at their place inside the dataset', () => {
  const range = ['2009-01-01', '2009-12-31', '2010-01-01'];
  const bad = (edit, code, loc) => {
    const data = small();
    edit(data);
    assertLiaisonError(thrown(() => check(data, ...range)), code, ['dataset', ...loc]);
    assertLiaisonError(thrown(() => checkDetailed(data, ...range)), code, ['dataset', ...loc]);
  };
  bad((d) => { d.visits[0].household = 'NOPE'; }, 'unknown_reference', ['visits', 0, 'household']);
  bad((d) => { d.units.push({ id: 'V1', level: 'village' }); }, 'duplicate_id', ['units', 3, 'id']);
  bad((d) => { d.people[0].to = '2007-12-31'; }, 'invalid_period', ['people', 0, 'to']);
  bad((d) => { d.people[0].from = '2009-02-29'; }, 'invalid_date', ['people', 0, 'from']);
  bad((d) => { d.people[0].from = new Date(2009, 0, 1); }, 'invalid_date', ['people', 0, 'from']);
  bad((d) => { d.receptions[0].minutes = -30; }, 'invalid_count', ['receptions', 0, 'minutes']);
  bad((d) => { d.receptions[0].minutes = 0.5; }, 'invalid_count', ['receptions', 0, 'minutes']);
  bad((d) => { d.aid[0].amount_fen = 2 ** 53; }, 'invalid_count', ['aid', 0, 'amount_fen']);
  bad((d) => { d.aid[0].amount_fen = '500'; }, 'invalid_count', ['aid', 0, 'amount_fen']);
  bad((d) => { d.aid[0].amount_fen = 2n ** 64n; }, 'invalid_input', ['aid', 0, 'amount_fen']);
  bad((d) => { d.opinions[0].responsibility = 5; }, 'invalid_responsibility', ['opinions', 0, 'responsibility']);
  bad((d) => { d.evaluations[0].combined = 'good'; }, 'invalid_grade', ['evaluations', 0, 'combined']);
  bad((d) => { d.household_events[0].kind = 'birthday'; }, 'invalid_input', ['household_events', 0, 'kind']);
  // Keys are snake_case: a camelCase or unknown key is refused at its place.
  bad((d) => { d.householdEvents = d.household_events; delete d.household_events; }, 'invalid_input', ['householdEvents']);
  bad((d) => { d.aid[0].amountFen = 1; delete d.aid[0].amount_fen; }, 'invalid_input', ['aid', 0, 'amountFen']);
  bad((d) => { d.people[1].standingCommittee = true; }, 'invalid_input', ['people', 1, 'standingCommittee']);
  bad((d) => { d.Units = d.units; }, 'invalid_input', ['Units']);
  // A bigint is an integer of the document.
  const big = small();
  big.aid[0].amount_fen = 50000n;
  assert.deepEqual(check(big, ...range), check(small(), ...range));
  assert.equal(thrown(() => check({ peoples: [] }, ...range)).code, 'invalid_input');
  for (const notData of [undefined, null, 5, 'units', true, [], [{}]]) {
    assertLiaisonError(thrown(() => check(notData, ...range)), 'invalid_input', ['dataset']);
  }
  const cyclic = small();
  cyclic.self = cyclic;
  assertLiaisonError(thrown(() => check(cyclic, ...range)), 'invalid_input');
  // An opinion received after the records were taken (and not fed back).
  const late = small();
  late.opinions[0].fed_back = null;
  late.opinions[0].closed = false;
  assertLiaisonError(thrown(() => check(late, '2009-01-01', '2009-12-31', '2009-01-04')), 'after_as_of', ['dataset', 'opinions', 0, 'received']);
});

test('bad dates, ranges and policies of check', () => {
  const d = small();
  assertLiaisonError(thrown(() => check(d, '2009-1-1', '2009-12-31', '2010-01-01')), 'invalid_date', ['start']);
  assertLiaisonError(thrown(() => check(d, '2009-01-01', undefined, '2010-01-01')), 'invalid_input', ['end']);
  assertLiaisonError(thrown(() => check(d, '2009-01-01', '2009-12-31')), 'invalid_input', ['as_of']);
  assertLiaisonError(thrown(() => checkDetailed(d, '2009-01-01', '2009-12-31', 20100101)), 'invalid_date', ['as_of']);
  assertLiaisonError(thrown(() => check(d, '2009-12-31', '2009-01-01', '2010-01-01')), 'invalid_period', ['end']);
  for (const policy of [{ rules: ['S9'] }, { rules: 'S1' }, { withinRemit: 7 }, { withinRemitDays: 7 }, 7]) {
    const e = thrown(() => check(d, '2009-01-01', '2009-12-31', '2010-01-01', policy));
    assertLiaisonError(e, 'invalid_policy');
    assert.equal(e.loc[0], 'policy');
  }
});

test('generateDistrict: parameters, defaults, seeds and the round trip', () => {
  const g = generateDistrict();
  assert.deepEqual(Object.keys(g).sort(), ['dataset', 'planted']);
  assert.deepEqual(generateDistrict(2008, 2, 3, 8, 2023, 3), g);
  assert.deepEqual(generateDistrict(null, undefined, null, undefined, null, undefined), g);
  assert.deepEqual(generateDistrict(2008n), g);
  // The dataset is written with snake_case keys and every key present.
  const keys = allKeys(g.dataset);
  for (const k of ['household_events', 'standing_committee', 'amount_fen', 'basically_satisfied', 'fed_back']) {
    assert.ok(keys.has(k), k);
  }
  assert.ok([...keys].every((k) => k === k.toLowerCase()), 'no camelCase key');
  assert.deepEqual(Object.keys(g.planted[0]).sort(), ['code', 'period', 'rule', 'subject']);
  const sorted = [...g.planted].sort((a, b) => (JSON.stringify([a.rule, a.code, a.subject, a.period]) < JSON.stringify([b.rule, b.code, b.subject, b.period]) ? -1 : 1));
  assert.deepEqual(g.planted, sorted);
  for (const [seed, firstYear] of [[1, 2023], [2, 2022], [2n ** 64n - 1n, 2023]]) {
    const other = generateDistrict(seed, 2, 4, 9, firstYear);
    const range = [`${firstYear}-01-01`, `${firstYear + 2}-12-31`, `${firstYear + 3}-01-20`];
    assert.deepEqual(asPlanted(check(other.dataset, ...range)), other.planted, String(seed));
  }
  assert.notDeepEqual(generateDistrict(1).dataset, g.dataset);
  // The policy is the generator's too: Banan 2008 by default.
  assert.deepEqual(generateDistrict(2008, 2, 3, 8, 2023, 3, null), g);
  assert.deepEqual(generateDistrict(2008, 2, 3, 8, 2023, 3, liaison.policyBanan2008()), g);
  assertLiaisonError(thrown(() => generateDistrict(2008, 2, 3, 8, 2023, 3, { withinRemit: 7 })), 'invalid_policy', ['policy', 'withinRemit']);
  const other = { within_remit_days: 15 };
  const g15 = generateDistrict(2008, 2, 3, 8, 2023, 3, other);
  assert.deepEqual(asPlanted(check(g15.dataset, ...RANGE, other)), g15.planted);
});

test('generateDistrict: bad parameters are coded errors', () => {
  assertLiaisonError(thrown(() => generateDistrict(2008, 1)), 'invalid_input', []);
  assertLiaisonError(thrown(() => generateDistrict(2008, 2, 3, 8, 2023, 2)), 'invalid_input', []);
  // Sizes are counts; the first year and the number of years are whole numbers (i32).
  const params = [['seed', 'invalid_count'], ['towns', 'invalid_count'], ['villages_per_town', 'invalid_count'],
    ['households_per_village', 'invalid_count'], ['first_year', 'invalid_input'], ['years', 'invalid_input']];
  for (const [i, [field, code]] of params.entries()) {
    for (const bad of [-1, 0.5, '2', {}, 2 ** 53]) {
      const args = [2008, 2, 3, 8, 2023, 3];
      args[i] = bad;
      // A negative year is a whole number: the generator's limits refuse it (below).
      if (code === 'invalid_input' && bad === -1) continue;
      assertLiaisonError(thrown(() => generateDistrict(...args)), code, [field]);
    }
  }
  assertLiaisonError(thrown(() => generateDistrict(1, 2, 3, 8, 2023, -1)), 'invalid_input', []);
  // Beyond the size of the core's field: u32 for sizes, i32 for years.
  assertLiaisonError(thrown(() => generateDistrict(1, 2 ** 32)), 'invalid_count', ['towns']);
  assertLiaisonError(thrown(() => generateDistrict(1, 2, 3, 8, 2 ** 31)), 'invalid_input', ['first_year']);
  assertLiaisonError(thrown(() => generateDistrict(2n ** 64n)), 'invalid_input', ['seed']);
  // Years the policy's holiday calendar does not cover.
  assertLiaisonError(thrown(() => generateDistrict(1, 2, 3, 8, 2040)), 'calendar_not_covered', []);
});

test('rules() and findingCodes() are the core catalogues, and findings cite them', () => {
  const list = rules();
  assert.equal(list.length, 41);
  assert.deepEqual(Object.keys(list[0]).sort(), ['gloss', 'id', 'implemented_by', 'source_zh']);
  assert.deepEqual(list.slice(0, 4).map((r) => r.id), ['N.1', 'N.2', 'N.3', 'S1.1']);
  assert.equal(list[3].source_zh, '区委书记每年集中接待群众不少于2次，每次不少于半天。');
  const ids = list.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  const codes = findingCodes();
  assert.deepEqual(Object.keys(codes[0]).sort(), ['code', 'meaning', 'rules']);
  assert.deepEqual(codes[0].rules, ['S1.1', 'S1.2', 'S1.3']);
  assert.equal(new Set(codes.map((c) => c.code)).size, codes.length);
  for (const c of codes) assert.ok(c.rules.length > 0 && c.rules.every((r) => ids.includes(r)), c.code);
  const detailed = checkDetailed(EXAMPLE, ...RANGE);
  for (const f of detailed.findings) {
    const entry = codes.find((c) => c.code === f.code);
    assert.ok(entry && entry.rules.includes(f.rule), `${f.code} ${f.rule}`);
  }
  assert.ok(detailed.outcomes.every((o) => ids.includes(o.rule)));
});

test('the .d.ts is the generated one, its unions the lists the package gives', () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'pkg', 'node', 'index.d.ts'), 'utf8');
  const generated = fs.readFileSync(path.join(__dirname, '..', 'types.d.ts'), 'utf8');
  // wasm-bindgen copies types.d.ts in, re-indented.
  const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  assert.ok(lines(dts).includes(lines(generated)), 'index.d.ts holds types.d.ts');
  const union = (name) => {
    const m = dts.match(new RegExp(`export type ${name} = ([^;]*);`));
    assert.ok(m, `${name} in index.d.ts`);
    return [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
  };
  assert.deepEqual(union('ErrorCode'), errorCodes().map((c) => c.code));
  assert.deepEqual(union('FormKind'), formKinds().map((k) => k.kind));
  assert.deepEqual(union('FieldCode'), liaison.fieldErrorCodes());
  // Every key an answer holds is declared for its type, and every key declared present
  // (no `?`) is there: `?` marks what the core leaves out when empty.
  const body = (name) => {
    const m = dts.match(new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\s*\\}\\n`));
    assert.ok(m, `interface ${name}`);
    return Object.fromEntries([...m[1].matchAll(/^\s*(\w+)(\??): ([^;]+);/gm)].map((x) => [x[1], { optional: x[2] === '?', type: x[3] }]));
  };
  const fits = (value, name) => {
    const members = body(name);
    const keys = Object.keys(value);
    assert.deepEqual(keys.filter((k) => !(k in members)), [], `${name}: undeclared keys`);
    assert.deepEqual(Object.keys(members).filter((k) => !members[k].optional && !keys.includes(k)), [], `${name}: missing keys`);
  };
  const lists = body('Dataset');
  const g = generateDistrict();
  fits(g.dataset, 'Dataset');
  for (const [list, rows] of Object.entries(g.dataset)) {
    const type = lists[list].type.replace('[]', '');
    assert.ok(rows.length > 0, list);
    fits(rows[0], type);
  }
  fits(liaison.policyBanan2008(), 'Policy');
  assert.deepEqual(Object.keys(liaison.policyBanan2008()).sort(), Object.keys(body('Policy')).sort());
  const item = g.dataset.commitments.find((c) => c.items.length > 0).items[0];
  fits(item, 'CommitmentItem');
  const report = checkDetailed(EXAMPLE, ...RANGE, null, true);
  const counting = report.findings.find((f) => f.code === 'aid_below_minimum');
  const due = agenda(EXAMPLE, '2026-01-20');
  const explained = liaison.explain('deadline', { received: '2008-09-25', responsibility: 1 });
  for (const [value, type] of [[report, 'Report'], [report.findings[0], 'Finding'], [counting, 'Finding'],
    [counting.counted[0], 'Counted'], [report.by_rule[0], 'Tally'], [report.findings[0].period, 'Period'],
    [report.outcomes[0], 'Outcome'], [report.grades[0], 'UnitGrade'], [due, 'Agenda'], [due.items[0], 'AgendaItem'],
    [explained, 'Explanation'], ...explained.steps.map((step) => [step, 'Step']),
    [g.planted[0], 'Planted'], [g, 'District'], [rules()[0], 'RuleInfo'], [findingCodes()[0], 'FindingCodeInfo']]) {
    fits(value, type);
  }
  // What may be left out is left out somewhere, and written elsewhere.
  assert.ok(!('counted' in report.findings.find((f) => f.rule.startsWith('S5'))));
  assert.ok(explained.steps.some((step) => 'date' in step) && explained.steps.some((step) => !('date' in step)));
});

test('no input to the compliance functions traps or throws anything but a LiaisonError', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const values = [undefined, null, 0, 1, 2.5, NaN, '', '2009-01-01', true, 1n, -1n, {}, [], [{}],
    { units: [{}] }, Symbol('s'), () => 1, cyclic, new Proxy({}, { get() { throw new Error('boom'); } }),
    { get units() { throw new Error('boom'); } }];
  for (const fn of [check, checkDetailed]) {
    for (const a of values) {
      for (const b of values.slice(0, 8)) {
        for (const args of [[a, b, '2009-12-31', '2010-01-01'], [small(), '2009-01-01', a, b], [small(), '2009-01-01', '2009-12-31', '2010-01-01', a]]) {
          try {
            fn(...args);
          } catch (e) {
            assert.equal(e.name, 'LiaisonError', `${fn.name}: ${e}`);
          }
        }
      }
    }
  }
  for (const a of values) {
    try {
      generateDistrict(a, a === undefined ? 0 : a);
    } catch (e) {
      assert.equal(e.name, 'LiaisonError', `generateDistrict: ${e}`);
    }
  }
  // The module still works afterwards.
  assert.equal(check(EXAMPLE, ...RANGE).findings.length, 32);
});

test('the web build gives the same report via initSync', async () => {
  const dir = path.join(__dirname, '..', 'pkg', 'web');
  const web = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(dir, 'index_bg.wasm')) });
  assert.deepEqual(web.check(EXAMPLE, ...RANGE), check(EXAMPLE, ...RANGE));
  assert.deepEqual(web.checkDetailed(EXAMPLE, ...RANGE), checkDetailed(EXAMPLE, ...RANGE));
  assert.deepEqual(web.generateDistrict(), generateDistrict());
  assert.deepEqual(web.rules(), rules());
  assert.deepEqual(web.findingCodes(), findingCodes());
  const e = thrown(() => web.check({ visits: [{ person: 'P', household: 'H', date: '2009-01-01' }] }, ...RANGE));
  assertLiaisonError(e, 'unknown_reference', ['dataset', 'visits', 0, 'person']);
});

test('a shape outside the generator\'s limits is an error, not a trap', () => {
  assertLiaisonError(thrown(() => generateDistrict(1, 2, 3, 8, 2 ** 31 - 1)), 'invalid_input', []);
  assertLiaisonError(thrown(() => generateDistrict(1, 2, 3, 8, 2023, 2 ** 31 - 1)), 'invalid_input', []);
  assertLiaisonError(thrown(() => generateDistrict(1, 2, 3, 8, 262142)), 'invalid_input', []);
  assertLiaisonError(thrown(() => generateDistrict(1, 100000, 100000, 100000)), 'invalid_input', []);
});
