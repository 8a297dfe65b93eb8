'use strict';
// Every shared vector of tests/vectors/ (see its README), through the package's public
// functions: `liaison[camel(op)](...params)` with the params of `operations()`, and the
// `request_json` cases through `call(op, text)`. A request no positional call can express
// (an unknown operation, a request that is not an object, a key the operation does not
// have) goes through `call(op, request)`. Cases with `skip: ["js"]` are skipped by name.
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { isDeepStrictEqual } = require('node:util');
const { liaison, vectorFiles, camel } = require('./helpers.js');

const PARAMS = new Map(liaison.operations().map((o) => [o.name, o.params]));

/** The README's matching: equality, or with `"match": "subset"` the keys a pattern names. */
function matches(pattern, actual, subset) {
  if (!subset) return isDeepStrictEqual(pattern, actual);
  if (pattern !== null && typeof pattern === 'object' && !Array.isArray(pattern)) {
    const keys = Object.keys(pattern);
    if (keys.length === 1 && keys[0] === '$contains') {
      return Array.isArray(actual) && pattern.$contains.every((want) => actual.some((got) => matches(want, got, true)));
    }
    return actual !== null && typeof actual === 'object' && !Array.isArray(actual)
      && keys.every((k) => k in actual && matches(pattern[k], actual[k], true));
  }
  if (Array.isArray(pattern)) {
    return Array.isArray(actual) && pattern.length === actual.length
      && pattern.every((p, i) => matches(p, actual[i], true));
  }
  return pattern === actual;
}

/** One case through the package's public functions. */
function run(kase) {
  if ('request_json' in kase) return liaison.call(kase.op, kase.request_json);
  const params = PARAMS.get(kase.op);
  const request = kase.request;
  const positional = params && request !== null && typeof request === 'object' && !Array.isArray(request)
    && Object.keys(request).every((k) => params.includes(k));
  if (!positional) return liaison.call(kase.op, request);
  return liaison[camel(kase.op)](...params.map((p) => request[p]));
}

test('the matcher can fail', () => {
  assert.ok(!matches({ a: 1 }, { a: 2 }, true));
  assert.ok(!matches([1], [1, 2], true));
  assert.ok(!matches({ $contains: [{ k: 3 }] }, [{ k: 1 }], true));
  assert.ok(!matches({ a: 1 }, { a: 1, b: 2 }, false));
  assert.ok(matches({ a: 1 }, { a: 1, b: 2 }, true));
});

const files = vectorFiles();
let ran = 0;
const ranByFile = new Map();

for (const [file, doc] of files) {
  describe(file, () => {
    for (const kase of doc.cases) {
      const skip = (kase.skip || []).includes('js') && 'not expressible in JS (the case\'s skip)';
      test(`${kase.name} [${kase.rule}]`, { skip }, () => {
        assert.equal(typeof kase.rule, 'string', 'a case cites its rule');
        assert.ok(('answer' in kase) !== ('error' in kase), 'exactly one of answer and error');
        ran += 1;
        ranByFile.set(file, (ranByFile.get(file) || 0) + 1);
        let got;
        let error;
        try {
          got = run(kase);
        } catch (e) {
          error = e;
        }
        if ('error' in kase) {
          assert.ok(error, `expected error ${kase.error.code}, got ${JSON.stringify(got)}`);
          assert.equal(error.name, 'LiaisonError', String(error));
          assert.equal(error.code, kase.error.code, error.message);
          if ('loc' in kase.error) assert.deepEqual(error.loc, kase.error.loc, error.message);
          return;
        }
        if (error) throw error;
        assert.ok(matches(kase.answer, got, kase.match === 'subset'),
          `expected ${JSON.stringify(kase.answer)}, got ${JSON.stringify(got)}`);
      });
    }
  });
}

test('the vectors ran', () => {
  assert.ok(files.length > 10, 'vector files');
  assert.ok(ran > 300, `only ${ran} vectors ran`);
  // Every file of tests/vectors/ ran, each case but those skipped for JS by name.
  for (const [file, doc] of files) {
    const skipped = doc.cases.filter((c) => (c.skip || []).includes('js')).length;
    assert.equal(ranByFile.get(file) || 0, doc.cases.length - skipped, file);
  }
  for (const file of ['agenda.json', 'explain.json', 'check_fidelity.json', 'dataset_errors.json', 'contract.json']) {
    assert.ok(ranByFile.get(file) > 0, file);
  }
  // Every operation of the catalogue has its function.
  for (const op of PARAMS.keys()) assert.equal(typeof liaison[camel(op)], 'function', op);
});
