// pkg/web-forms: the ES module without the compliance check, for pages that only validate
// forms. It must give the same answers as the full package for everything it has.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const full = require('../pkg/node/index.js');

test('the forms-only web build validates, redacts and decides like the full package', async () => {
  const dir = path.join(__dirname, '..', 'pkg', 'web-forms');
  const web = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(dir, 'index_bg.wasm')) });
  const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, '../../tests/vectors/forms_reception_record.json'), 'utf8'));
  for (const c of vectors.cases.filter((c) => c.args.kind === 'reception_record')) {
    assert.deepEqual(web.validateForm('reception_record', c.args.data), full.validateForm('reception_record', c.args.data), c.name);
    assert.deepEqual(web.redact('reception_record', c.args.data), full.redact('reception_record', c.args.data), c.name);
  }
  assert.equal(web.deadline('2008-09-25', 1), '2008-10-06');
  assert.equal(web.decideVote(20, 10, 0), 'adopted');
  assert.equal(typeof web.check, 'undefined', 'the compliance check is left out of this build');
  assert.equal(typeof full.check, 'function');
});
