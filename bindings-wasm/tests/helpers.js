'use strict';
// Shared by the test files: the built Node package and the snake_case → camelCase renaming
// the vectors README asks JS suites to apply.
const path = require('node:path');

const liaison = require(path.join(__dirname, '..', 'pkg', 'node', 'index.js'));

function snakeToCamel(key) {
  return key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** Renames the keys of plain objects (and of objects inside arrays) to camelCase. */
function camelize(value) {
  if (Array.isArray(value)) return value.map(camelize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeToCamel(k), camelize(v)]));
  }
  return value;
}

/** Calls `fn` and returns what it threw, failing when it returned instead. */
function thrown(fn) {
  try {
    const got = fn();
    throw new Error(`expected an error, got ${JSON.stringify(got)}`);
  } catch (e) {
    return e;
  }
}

module.exports = { liaison, camelize, snakeToCamel, thrown };
