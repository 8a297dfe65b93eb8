'use strict';
// pkg/web-forms: the ES module without the functions of the compliance part, for pages that
// only validate forms. It must give the same answers as the full package for everything it
// has, and declare only what it has.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { liaison: full, VECTORS, camel } = require('./helpers.js');

const COMPLIANCE = ['check', 'checkDetailed', 'generateDistrict', 'rules', 'findingCodes'];

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
  assert.deepEqual(web.policyBanan2008(), full.policyBanan2008());
  for (const fn of COMPLIANCE) {
    assert.equal(typeof web[fn], 'undefined', `${fn} is left out of this build`);
    assert.equal(typeof full[fn], 'function', fn);
  }
  // Every other operation is there.
  for (const { name } of full.operations()) {
    if (!COMPLIANCE.includes(camel(name))) assert.equal(typeof web[camel(name)], 'function', name);
  }
  // Its declarations are those of the functions it has.
  const dts = fs.readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
  const declared = new Set([...dts.matchAll(/^export function (\w+)/gm)].map((m) => m[1]));
  for (const fn of COMPLIANCE) assert.ok(!declared.has(fn), fn);
  for (const fn of declared) assert.equal(typeof web[fn], 'function', fn);
  assert.ok(declared.has('validateForm') && declared.has('call'));
});
