'use strict';
// pkg/web-forms: the ES module for pages that fill in forms — the forms, the four rules at
// the heart, the policy and the catalogues of errors and forms, without the compliance check
// and the rest. It must give the same answers as the full package for everything it has,
// declare only what it has, and stay near 150 KB gzipped.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { liaison: full, VECTORS, camel } = require('./helpers.js');

const zlib = require('node:zlib');

/** What the forms-only build leaves out (bindings-wasm/Cargo.toml, feature `full`). */
const LEFT_OUT = ['check', 'checkDetailed', 'agenda', 'generateDistrict', 'explain', 'rules', 'findingCodes', 'operations'];

test('the forms-only web build validates, redacts and decides like the full package', async () => {
  const dir = path.join(__dirname, '..', 'pkg', 'web-forms');
  const web = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(dir, 'index_bg.wasm')) });
  const vectors = JSON.parse(fs.readFileSync(path.join(VECTORS, 'forms_reception_record.json'), 'utf8'));
  const cases = vectors.cases.filter((c) => c.request.kind === 'reception_record');
  assert.ok(cases.length > 10);
  for (const c of cases) {
    assert.deepEqual(web.validateForm('reception_record', c.request.data), full.validateForm('reception_record', c.request.data), c.name);
    assert.deepEqual(web.redact('reception_record', c.request.data), full.redact('reception_record', c.request.data), c.name);
  }
  assert.equal(web.deadline('2008-09-25', 1), '2008-10-06');
  assert.equal(web.decideVote(20, 10, 0), 'adopted');
  assert.equal(web.grade(69, 31), 'undetermined');
  assert.deepEqual(web.consequences([{ year: 2009, satisfied: 40, dissatisfied: 60 }]),
    full.consequences([{ year: 2009, satisfied: 40, dissatisfied: 60 }]));
  assert.deepEqual(web.fieldErrorCodes(), full.fieldErrorCodes());
  assert.deepEqual(web.errorCodes(), full.errorCodes());
  assert.deepEqual(web.formKinds(), full.formKinds());
  for (const kind of ['reception_record', 'register_entry']) {
    assert.deepEqual(web.formSchema(kind, '07'), full.formSchema(kind, '07'));
  }
  // The generic call answers what this build has, and knows nothing else.
  assert.equal(web.call('deadline', { received: '2008-09-25', responsibility: 1 }), '2008-10-06');
  for (const op of ['check', 'agenda', 'operations', 'explain']) {
    const e = (() => { try { web.call(op, {}); } catch (x) { return x; } return null; })();
    assert.equal(e && e.code, 'unknown_operation', op);
  }
  assert.deepEqual(web.policyBanan2008(), full.policyBanan2008());
  for (const fn of LEFT_OUT) {
    assert.equal(typeof web[fn], 'undefined', `${fn} is left out of this build`);
    assert.equal(typeof full[fn], 'function', fn);
  }
  // Every other operation is there.
  for (const { name } of full.operations()) {
    if (!LEFT_OUT.includes(camel(name))) assert.equal(typeof web[camel(name)], 'function', name);
  }
  // Its declarations are those of the functions it has.
  const dts = fs.readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
  const declared = new Set([...dts.matchAll(/^export function (\w+)/gm)].map((m) => m[1]));
  for (const fn of LEFT_OUT) assert.ok(!declared.has(fn), fn);
  for (const fn of declared) assert.equal(typeof web[fn], 'function', fn);
  assert.ok(declared.has('validateForm') && declared.has('call'));
});

test('the forms-only build is within its 150 000 bytes gzipped, well under the full one', () => {
  const size = (kind) => zlib.gzipSync(fs.readFileSync(path.join(__dirname, '..', 'pkg', kind, 'index_bg.wasm')), { level: 9 }).length;
  const forms = size('web-forms');
  const all = size('web');
  assert.ok(forms <= 150000, `pkg/web-forms/index_bg.wasm is ${forms} bytes gzipped`);
  assert.ok(forms < all * 0.7, `${forms} against ${all}`);
});
