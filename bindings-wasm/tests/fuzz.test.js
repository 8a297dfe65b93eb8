'use strict';
// Property-based fuzzing (fast-check) of every JS function of the package, in the full build
// and in the forms-only build: random JS values of every kind (numbers with NaN and the
// infinities, bigints beyond 64 bits, undefined, null, symbols, functions, nested objects and
// arrays, dates in and out of range, text with personal markers: the name 张三丰, the phone
// 13812345678, the ID number 500113198001011234) as positional arguments and as `call`
// requests, and valid requests of the shared vectors with random parts replaced. Properties:
// no trap; nothing thrown but a LiaisonError; every error's code is one of errorCodes(); no
// marker in any error's message, message_zh or loc, nor in the messages and places inside an
// answer (a validation's or a report's). The module keeps working after every call.
//
// LIAISON_FUZZ_RUNS (default 200) runs per function and family; LIAISON_FUZZ_SEED replays a
// failure (fast-check prints the seed and the shrunk arguments).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const fc = require('fast-check');
const { liaison, vectorFiles, camel } = require('./helpers.js');

const RUNS = Number(process.env.LIAISON_FUZZ_RUNS || 200);
const SEED = process.env.LIAISON_FUZZ_SEED === undefined ? undefined : Number(process.env.LIAISON_FUZZ_SEED);
const MARKERS = ['张三丰', '13812345678', '500113198001011234'];
const CODES = new Set(liaison.errorCodes().map((c) => c.code));
const OPERATIONS = liaison.operations();

// --- values -------------------------------------------------------------------------------

/** Text carrying a marker, alone or inside other text. */
const markerText = fc.oneof(
  fc.constantFrom(...MARKERS, MARKERS.join(' '), `${MARKERS[0]}，电话${MARKERS[1]}`),
  fc.tuple(fc.string({ maxLength: 4 }), fc.constantFrom(...MARKERS), fc.string({ maxLength: 4 })).map(([a, m, b]) => `${a}${m}${b}`),
);

/** Dates as text: valid, invalid, at the ends of the range, as clerks type them. */
const dateText = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2008-09-25', '2008-12-22', '2009-01-05', '2023-01-01', '2025-12-31', '2026-01-20', '2008-02-29',
    '2009-02-29', '2009/1/5', '2009年1月5日', '0001-01-01', '9999-12-31', '+10000-01-01', '2008-13-01', ''),
);

/** Numbers and bigints of every kind. */
const numberish = fc.oneof(
  fc.integer(), fc.nat({ max: 120 }), fc.double(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 2 ** 53, 2 ** 53 - 1, -1, 1e300, 2 ** 31, 2 ** 32, 2n ** 64n - 1n, 2n ** 64n),
);

/** Words the core knows: operations, kinds, choices and their labels, keys of every document. */
function knownWords() {
  const words = new Set([...OPERATIONS.map((o) => o.name), ...OPERATIONS.flatMap((o) => o.params)]);
  for (const k of liaison.formKinds()) {
    words.add(k.kind);
    for (const f of liaison.formFields(k.kind)) f.path.split(/[.[\]]+/).filter(Boolean).forEach((p) => words.add(p));
  }
  Object.keys(liaison.policyBanan2008()).forEach((k) => words.add(k));
  const district = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'district.json'), 'utf8'));
  for (const [list, rows] of Object.entries(district)) {
    words.add(list);
    rows.slice(0, 1).forEach((r) => Object.keys(r).forEach((k) => words.add(k)));
  }
  for (const w of ['within_remit', 'outside_remit', 'unresolvable', 'lead_unit', '职责内', '牵头解决', '1', '4', '限期办理',
    'by_deadline', 'referred', 'male', '男', '是', '否', 'village', 'town', 'district', 'secretary', 'member', '2020-12', '07']) {
    words.add(w);
  }
  return [...words].sort();
}
const WORDS = knownWords();

const leaf = fc.oneof(
  { weight: 3, arbitrary: numberish },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 3, arbitrary: markerText },
  { weight: 3, arbitrary: dateText },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(Symbol('s'), () => 1, new Date(0), new Map([[1, 2]])) },
);

/** Any JS value: leaves, arrays and objects, their keys known words, markers or any text. */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...WORDS), markerText, fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
}));

/** The requests of the shared vectors, by operation (the valid and the invalid ones). */
function vectorRequests() {
  const out = new Map();
  for (const [, doc] of vectorFiles()) {
    for (const kase of doc.cases) {
      const request = kase.request;
      if (request === null || typeof request !== 'object' || Array.isArray(request)) continue;
      if (JSON.stringify(request).length > 20000) continue;
      if (!out.has(kase.op)) out.set(kase.op, []);
      out.get(kase.op).push(request);
    }
  }
  return out;
}
const REQUESTS = vectorRequests();

/** Every place inside a JSON-like value, as lists of keys and indexes. */
function places(v, at = [], out = []) {
  out.push(at);
  if (Array.isArray(v)) v.forEach((w, i) => places(w, [...at, i], out));
  else if (v !== null && typeof v === 'object') Object.entries(v).forEach(([k, w]) => places(w, [...at, k], out));
  return out;
}

/** A copy of `doc` with the value at `at` replaced (or a key added there), or removed. */
function edit(doc, at, replacement, remove) {
  if (at.length === 0) return replacement;
  const copy = Array.isArray(doc) ? [...doc] : { ...doc };
  const [head, ...rest] = at;
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(head, 1);
    else delete copy[head];
  } else {
    copy[head] = edit(copy[head], rest, replacement, remove);
  }
  return copy;
}

/** The vector requests for `op`, or those of an operation with the same parameters. */
function poolOf(op) {
  if (REQUESTS.has(op)) return REQUESTS.get(op);
  const params = JSON.stringify(OPERATIONS.find((o) => o.name === op).params);
  const twin = OPERATIONS.find((o) => REQUESTS.has(o.name) && JSON.stringify(o.params) === params);
  return twin ? REQUESTS.get(twin.name) : [{}];
}

/** A request of `op` from the vectors with one to three parts replaced, added or removed. */
function mutated(op) {
  const pool = poolOf(op);
  const replacement = fc.oneof({ weight: 3, arbitrary: markerText }, { weight: 1, arbitrary: dateText }, { weight: 3, arbitrary: value });
  const step = fc.tuple(fc.nat(), replacement, fc.oneof(fc.constantFrom(...WORDS), markerText), fc.nat({ max: 3 }));
  return fc.tuple(fc.constantFrom(...pool), fc.array(step, { minLength: 1, maxLength: 3 })).map(([base, steps]) => {
    let doc = base;
    for (const [pick, replacement, key, how] of steps) {
      const all = places(doc).slice(1);
      const at = all.length > 0 ? all[pick % all.length] : [];
      const target = at.reduce((v, k) => (v === null || v === undefined ? v : v[k]), doc);
      if (how === 0 && target !== null && typeof target === 'object' && !Array.isArray(target)) {
        doc = edit(doc, [...at, key], replacement, false); // a new key, often a marker
      } else if (how === 1 && at.length > 0) {
        doc = edit(doc, at, undefined, true);
      } else {
        doc = edit(doc, at, replacement, false);
      }
    }
    return doc;
  });
}

// --- properties -------------------------------------------------------------------------

/** The markers found in a text or a place. */
const leaks = (text) => MARKERS.filter((m) => String(text).includes(m));

/** Checks a thrown value: a LiaisonError with a catalogue code, no marker shown. */
function checkThrown(e, what) {
  assert.ok(e instanceof Error, `${what}: threw a non-Error ${typeof e}`);
  assert.equal(e.name, 'LiaisonError', `${what}: ${e.name}: ${e.message}`);
  assert.ok(CODES.has(e.code), `${what}: code ${e.code}`);
  checkMessages(e, what);
}

/**
 * No marker in any `message`, `message_zh` or `loc` inside a value (an error, an answer),
 * including a finding's, which shows a dataset id only when it is a short ASCII token.
 */
function checkMessages(v, what, seen = new Set()) {
  if (v === null || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  for (const key of ['message', 'message_zh']) {
    if (typeof v[key] !== 'string') continue;
    assert.deepEqual(leaks(v[key]), [], `${what}: ${key} shows personal data: ${v[key]}`);
  }
  if (Array.isArray(v.loc)) assert.deepEqual(leaks(JSON.stringify(v.loc)), [], `${what}: loc shows personal data: ${JSON.stringify(v.loc)}`);
  for (const w of Array.isArray(v) ? v : Object.values(v)) checkMessages(w, what, seen);
}

/** What the calls gave, by function: answers and error codes (LIAISON_FUZZ_STATS=1 prints it). */
const STATS = new Map();
const tally = (name, key) => {
  if (!STATS.has(name)) STATS.set(name, {});
  const s = STATS.get(name);
  s[key] = (s[key] || 0) + 1;
};

/** Calls `fn(...args)` and checks what comes back or is thrown. */
function probe(name, fn, args) {
  let answer;
  try {
    answer = fn(...args);
  } catch (e) {
    checkThrown(e, name);
    tally(name, e.code);
    return;
  }
  checkMessages(answer, name);
  tally(name, 'answer');
}

/** The functions of a build: every operation's, `call` and `policyBanan2008`. */
function functionsOf(lib) {
  return Object.entries(lib).filter(([, f]) => typeof f === 'function' && !/^init/.test(f.name) && f.name !== '__wbg_init');
}

/** Runs the properties over every function of `lib`; answers how many functions ran. */
function fuzz(lib, label) {
  const fns = functionsOf(lib);
  const paramsOf = new Map(OPERATIONS.map((o) => [camel(o.name), o]));
  let ran = 0;
  const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };
  for (const [name, fn] of fns) {
    const what = `${label}.${name}`;
    const op = paramsOf.get(name);
    const arity = op ? op.params.length : fn.length;
    // Any values as positional arguments (one more than the function takes).
    fc.assert(fc.property(fc.array(value, { maxLength: arity + 1 }), (args) => probe(what, fn, args)), settings);
    if (op && op.params.length > 0) {
      // A vector's request, mutated, as positional arguments.
      fc.assert(fc.property(mutated(op.name), (request) => {
        const args = request !== null && typeof request === 'object' ? op.params.map((p) => request[p]) : [request];
        probe(what, fn, args);
      }), settings);
    }
    if (name === 'call') {
      const ops = fc.oneof(fc.constantFrom(...OPERATIONS.map((o) => o.name)), fc.string(), markerText, value);
      fc.assert(fc.property(ops, value, (o, request) => probe(what, fn, [o, request])), settings);
      // Mutated requests, as objects and as JSON text (BigInt and undefined as JSON allows).
      fc.assert(fc.property(fc.constantFrom(...OPERATIONS.map((o) => o.name)).chain((o) => fc.tuple(fc.constant(o), mutated(o), fc.boolean())),
        ([o, request, asText]) => {
          let text;
          try {
            text = JSON.stringify(request, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
          } catch {
            text = undefined;
          }
          probe(what, fn, [o, asText && text !== undefined ? text : request]);
        }), settings);
    }
    // The module still works after every call.
    assert.equal(lib.deadline('2008-09-25', 1), '2008-10-06', `${what}: the module is broken afterwards`);
    ran += 1;
  }
  return ran;
}

process.on('exit', () => {
  if (process.env.LIAISON_FUZZ_STATS) for (const [name, s] of STATS) console.log(name, JSON.stringify(s));
});

test('the checks can fail: a marker in a message and a thrown TypeError are caught', () => {
  const shown = new Error(`\`x\` is not valid: ${MARKERS[0]}`);
  Object.assign(shown, { name: 'LiaisonError', code: 'invalid_input', loc: [], message_zh: '' });
  assert.throws(() => checkThrown(shown, 't'), /personal data/);
  assert.throws(() => checkThrown(new TypeError('x'), 't'), /TypeError/);
  assert.throws(() => checkThrown(Object.assign(new Error('x'), { name: 'LiaisonError', code: 'nope', loc: [] }), 't'), /code nope/);
  assert.throws(() => checkMessages({ errors: [{ loc: ['data', MARKERS[2]] }] }, 't'), /loc shows/);
  assert.doesNotThrow(() => checkMessages({ dataset: { name: MARKERS[0] } }, 't'), 'data itself may hold anything');
});

// The message rule: a message shows a value only when it is a date, a number or a short ASCII
// token, so a district that uses names or phone numbers as ids does not get them in messages.
test('a finding\'s message does not show ids that are personal data', () => {
  const dataset = {
    units: [{ id: 'D', level: 'district' }, { id: 'T1', level: 'town', parent: 'D' }, { id: 'V1', level: 'village', parent: 'T1' }],
    people: [{ id: MARKERS.join(' '), unit: 'V1', role: 'secretary', from: '2019-01-01' }],
  };
  const report = liaison.check(dataset, '2021-01-04', '2021-01-17', '2021-01-20', { rules: ['S1.3'] });
  assert.equal(report.findings.length, 2);
  for (const f of report.findings) {
    assert.deepEqual(leaks(f.message), [], f.message);
    assert.deepEqual(leaks(f.message_zh), [], f.message_zh);
  }
});

test(`every function of the full build, ${RUNS} runs per family`, () => {
  const ran = fuzz(liaison, 'liaison');
  assert.ok(ran >= OPERATIONS.length + 2, `${ran} functions fuzzed`);
});

test(`every function of the forms-only build, ${RUNS} runs per family`, async () => {
  const dir = path.join(__dirname, '..', 'pkg', 'web-forms');
  const forms = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  forms.initSync({ module: fs.readFileSync(path.join(dir, 'index_bg.wasm')) });
  const ran = fuzz(forms, 'forms');
  assert.ok(ran >= 15, `${ran} functions fuzzed`);
});
