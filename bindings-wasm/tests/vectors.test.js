'use strict';
// Runs every shared vector in tests/vectors/ (see its README) against the Node build.
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { liaison, camelize } = require('./helpers.js');

const VECTORS = path.join(__dirname, '..', '..', 'tests', 'vectors');

// Positional parameters of each function, in order (README: "Functions and their parameters").
const FUNCTIONS = {
  deadline: [liaison.deadline, ['received', 'responsibility', 'policy']],
  feedback_status: [liaison.feedbackStatus, ['received', 'responsibility', 'fed_back', 'as_of', 'policy']],
  decide_vote: [liaison.decideVote, ['approve', 'disapprove', 'abstain', 'policy', 'present', 'entitled']],
  grade: [liaison.grade, ['satisfied', 'basically_satisfied', 'dissatisfied', 'policy']],
  consequences: [liaison.consequences, ['years', 'policy']],
  is_rest_day: [liaison.isRestDay, ['date', 'policy']],
};

/** The case's policy as a JS policy object, loaded from `policy_json` when it has one. */
function policyOf(kase) {
  if ('policy_json' in kase) return liaison.policyFromJson(kase.policy_json);
  return 'policy' in kase ? camelize(kase.policy) : undefined;
}

function run(fn, kase) {
  if (fn === 'policy') {
    // The JS policy loader: a policy object is loaded by writing it in the file format.
    const policy = policyOf(kase);
    return liaison.policyFromJson(liaison.policyToJson(policy));
  }
  const entry = FUNCTIONS[fn];
  assert.ok(entry, `unknown function ${fn}`);
  const [call, params] = entry;
  const args = params.map((p) => (p === 'policy' ? policyOf(kase) : camelize(kase.args[p])));
  // Leave off absent arguments at the end, as a caller would.
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return call(...args);
}

const files = fs
  .readdirSync(VECTORS)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('the vector folder has files', () => {
  assert.ok(files.length > 0, `no vector files in ${VECTORS}`);
});

for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8'));
  describe(file, () => {
    for (const kase of doc.cases) {
      const name = `${kase.name} [${kase.rule}]`;
      const skip = Array.isArray(kase.skip) && kase.skip.includes('js')
        ? 'not expressible in JS (listed in the case\'s skip)'
        : false;
      test(name, { skip }, () => {
        assert.equal(typeof kase.rule, 'string', 'a case cites its rule');
        assert.ok(('expect' in kase) !== ('error' in kase), 'exactly one of expect or error');
        let got;
        let error;
        try {
          got = run(doc.function, kase);
        } catch (e) {
          error = e;
        }
        if ('error' in kase) {
          assert.ok(error, `expected error ${kase.error}, got ${JSON.stringify(got)}`);
          assert.ok(error instanceof Error, 'a thrown Error');
          assert.equal(error.code, kase.error, error.message);
          if ('field' in kase) assert.equal(error.field, kase.field);
          return;
        }
        if (error) throw error;
        const expect = camelize(kase.expect);
        if (doc.function === 'policy') {
          for (const [key, value] of Object.entries(expect)) {
            assert.ok(key in got, `loaded policy has ${key}`);
            assert.deepEqual(got[key], value, key);
          }
        } else {
          assert.deepEqual(got, expect);
        }
      });
    }
  });
}
