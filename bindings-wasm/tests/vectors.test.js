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
  check: [liaison.check, ['dataset', 'start', 'end', 'as_of', 'policy']],
  validate_form: [liaison.validateForm, ['kind', 'data', 'policy']],
  redact: [liaison.redact, ['kind', 'data']],
};

// Functions on form documents: their arguments and results keep the forms' snake_case
// field names (README: "Form documents"), so nothing is camelCased but the policy.
const FORM_FUNCTIONS = new Set(['validate_form', 'redact']);

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
  const asIs = FORM_FUNCTIONS.has(fn);
  const args = params.map((p) => {
    if (p === 'policy') return policyOf(kase);
    return asIs ? kase.args[p] : camelize(kase.args[p]);
  });
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

/**
 * The report of `check` in the vector's shape (README): findings as [rule, code, subject,
 * period label] in report order; by_rule as {rule: [judged, met, not_met, not_judged]}.
 */
function checkShape(report) {
  return {
    findings: report.findings.map((f) => [f.rule, f.code, f.subject, f.period.label]),
    by_rule: Object.fromEntries(report.byRule.map((t) => [t.key, [t.judged, t.met, t.notMet, t.notJudged]])),
  };
}

for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8'));
  // A function of the core that this package does not bind (yet) is skipped by name, so
  // that the run says so.
  const unbound = doc.function !== 'policy' && !(doc.function in FUNCTIONS)
    ? `liaison-wasm does not bind ${doc.function}`
    : false;
  describe(file, () => {
    for (const kase of doc.cases) {
      const name = `${kase.name} [${kase.rule}]`;
      const skip = Array.isArray(kase.skip) && kase.skip.includes('js')
        ? 'not expressible in JS (listed in the case\'s skip)'
        : unbound;
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
        if (doc.function === 'check') {
          // by_rule lists only the rules the case is about.
          const shape = checkShape(got);
          assert.deepEqual(shape.findings, kase.expect.findings);
          for (const [rule, counts] of Object.entries(kase.expect.by_rule || {})) {
            assert.deepEqual(shape.by_rule[rule], counts, `by_rule ${rule}`);
          }
          return;
        }
        if (doc.function === 'validate_form') {
          // Only [path, code] is compared; messages are checked in forms.test.js.
          assert.deepEqual(got.errors.map((e) => [e.path, e.code]), kase.expect);
          assert.equal(got.valid, kase.expect.length === 0);
          return;
        }
        if (doc.function === 'redact') {
          assert.deepEqual(got, kase.expect);
          return;
        }
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
