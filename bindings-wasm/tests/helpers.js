'use strict';
// Shared by the test files: the built Node package, the shared vectors and small checks.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const liaison = require(path.join(__dirname, '..', 'pkg', 'node', 'index.js'));

const ROOT = path.join(__dirname, '..', '..');
const VECTORS = path.join(ROOT, 'tests', 'vectors');

/** The vector files, sorted, as [file name, document]. */
function vectorFiles() {
  return fs.readdirSync(VECTORS).filter((f) => f.endsWith('.json')).sort()
    .map((f) => [f, JSON.parse(fs.readFileSync(path.join(VECTORS, f), 'utf8'))]);
}

/** An operation's JS name: `feedback_status` → `feedbackStatus`. */
function camel(op) {
  return op.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** Calls `fn` and returns what it threw, failing when it returned instead. */
function thrown(fn) {
  let got;
  try {
    got = fn();
  } catch (e) {
    return e;
  }
  throw new assert.AssertionError({ message: `expected an error, got ${JSON.stringify(got)}` });
}

/** Asserts that `e` is the package's error with `code` and, when given, `loc`. */
function assertLiaisonError(e, code, loc) {
  assert.ok(e instanceof Error, `an Error instance: ${e}`);
  assert.equal(e.name, 'LiaisonError', String(e));
  assert.equal(e.code, code, e.message);
  if (loc !== undefined) assert.deepEqual(e.loc, loc, e.message);
  assert.ok(Array.isArray(e.loc), 'loc is a list');
  assert.ok(e.loc.every((item) => typeof item === 'string' || Number.isInteger(item)), 'of keys and indexes');
  assert.ok(typeof e.message === 'string' && e.message.length > 0);
  assert.ok(typeof e.message_zh === 'string' && e.message_zh.length > 0);
  assert.ok(!('messageZh' in e) && !('field' in e), 'no camelCase twin');
  assert.ok(e.rule === undefined || typeof e.rule === 'string');
  assert.equal(typeof e.stack, 'string');
}

/** Every object key in a value, recursively. */
function allKeys(value, out = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}

module.exports = { liaison, ROOT, VECTORS, vectorFiles, camel, thrown, assertLiaisonError, allKeys };
