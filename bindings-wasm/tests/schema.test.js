'use strict';
// The forms' JSON Schemas (formSchema, drafts 2020-12 and 07) in the validators form builders
// use: ajv in strict mode (ajv/dist/2020 and plain ajv for draft 07, with ajv-formats) and the
// react-jsonschema-form validator (@rjsf/validator-ajv8), over every form vector
// (tests/vectors/forms_*.json). Where a schema can express a rule, the validator and
// validateForm agree: a valid document passes, a document whose problems all have codes a
// schema expresses fails, and no schema is stricter than validateForm. Chinese labels of
// choices, digits as text and 是/否 are normalised first (the schema lists canonical names
// and `x-labels`; validateForm accepts all of them).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const Ajv07 = require('ajv').default;
const addFormats = require('ajv-formats').default;
const { customizeValidator } = require('@rjsf/validator-ajv8');
const fc = require('fast-check');
const { liaison, VECTORS } = require('./helpers.js');

const { formSchema, formKinds, validateForm } = liaison;
const DRAFTS = ['2020-12', '07'];
const KINDS = formKinds().map((k) => k.kind);

/**
 * The codes of a form's problems that the schemas express: type, required, pattern, format,
 * bounds, length, choices and the if/then of choices and closed entries. Not expressible:
 * date_order, deadline_mismatch, calendar_not_covered (the calendar) and invalid_amount
 * (`x-max-decimals`).
 */
const EXPRESSIBLE = new Set(['required', 'unknown_field', 'invalid_type', 'out_of_range', 'invalid_choice', 'too_long',
  'invalid_phone', 'invalid_date', 'invalid_serial', 'closed_incomplete', 'inconsistent']);

/** Every `x-` keyword of the schemas of every kind and draft. */
function xKeywords() {
  const seen = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, w] of Object.entries(v)) {
        if (k.startsWith('x-')) seen.add(k);
        else walk(w);
      }
    }
  };
  for (const kind of KINDS) for (const draft of DRAFTS) walk(formSchema(kind, draft));
  return [...seen].sort();
}
const X = xKeywords();

/** An ajv in strict mode (its default) that knows the schemas' `x-` keywords. */
function strictAjv(draft) {
  const ajv = draft === '07' ? new Ajv07({ allErrors: true }) : new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(X);
  return ajv;
}

/** The validators, each `(kind, data) => list of places ([] when valid)`. */
function validators() {
  const out = {};
  for (const draft of DRAFTS) {
    const ajv = strictAjv(draft);
    const compiled = Object.fromEntries(KINDS.map((kind) => [kind, ajv.compile(formSchema(kind, draft))]));
    out[`ajv ${draft}`] = (kind, data) => {
      const validate = compiled[kind];
      return validate(data) ? [] : validate.errors.map((e) => ajvLoc(e));
    };
  }
  // react-jsonschema-form's validator as a form builder gets it: draft 07 by default, 2020-12
  // with the Ajv2020 class. It is not strict: x- keywords need nothing there.
  const rjsf = { '07': customizeValidator(), '2020-12': customizeValidator({ AjvClass: Ajv2020 }) };
  for (const draft of DRAFTS) {
    const schemas = Object.fromEntries(KINDS.map((kind) => [kind, formSchema(kind, draft)]));
    out[`rjsf ${draft}`] = (kind, data) => {
      const { errors, validationError } = rjsf[draft].rawValidation(schemas[kind], data);
      assert.equal(validationError, undefined, String(validationError));
      return (errors || []).map((e) => ajvLoc(e));
    };
  }
  return out;
}

/** An ajv error's place as a liaison `loc`: the instance path, then the property it names. */
function ajvLoc(e) {
  const loc = e.instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const property = e.params && (e.params.missingProperty || e.params.additionalProperty);
  return property === undefined ? loc : [...loc, property];
}

/**
 * A document with the forms validateForm accepts beside the canonical ones replaced by them:
 * a choice's Chinese label by its name (`x-labels`), a choice's digit as text by the number
 * where the choice offers integers, 是/否 by true/false where a boolean is expected. Nothing
 * else: text around a choice, or digits as text in a number field, stay as they are.
 */
function normalise(value, schema) {
  if (!schema || typeof schema !== 'object') return value;
  const alternatives = schema.oneOf || schema.anyOf || [];
  const types = [schema.type, ...alternatives.map((a) => a.type)].flat().filter(Boolean);
  if (typeof value === 'string') {
    const labels = schema['x-labels'];
    if (labels) {
      // A choice: its label, or its digit where it has digits (the "1234" classes).
      const name = Object.keys(labels).find((n) => labels[n] === value);
      if (name !== undefined) return name;
      if (/^\d+$/.test(value) && types.includes('integer')) return Number(value);
    }
    if (types.includes('boolean') && (value === '是' || value === '否')) return value === '是';
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, schema.items));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalise(v, (schema.properties || {})[k]);
    return out;
  }
  return value;
}

/** The validate_form cases of the form vectors, with the file each comes from. */
function formCases() {
  const out = [];
  for (const file of fs.readdirSync(VECTORS).filter((f) => /^forms_.*\.json$/.test(f)).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8'));
    for (const kase of doc.cases) {
      if (kase.op === 'validate_form' && KINDS.includes(kase.request.kind)) out.push({ file, ...kase });
    }
  }
  return out;
}

/** Whether two places agree: one is the other or lies inside it. */
const related = (a, b) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((k, i) => k === b[i]);
};

test('every schema compiles in strict ajv once its x- keywords are declared, and not before', () => {
  assert.deepEqual(X, ['x-kind', 'x-labels', 'x-max-decimals', 'x-order', 'x-personal', 'x-rule', 'x-rules', 'x-unit']);
  // The package README names them all, for form builders.
  const readme = fs.readFileSync(path.join(__dirname, '..', 'npm', 'README.md'), 'utf8');
  for (const k of X) assert.ok(readme.includes(`\`${k}\``), `${k} in npm/README.md`);
  for (const draft of DRAFTS) {
    const plain = draft === '07' ? new Ajv07() : new Ajv2020();
    addFormats(plain);
    assert.throws(() => plain.compile(formSchema('reception_record', draft)), /strict mode: unknown keyword: "x-/);
    const ajv = strictAjv(draft);
    for (const kind of KINDS) {
      const schema = formSchema(kind, draft);
      assert.equal(schema.$schema, draft === '07' ? 'http://json-schema.org/draft-07/schema#' : 'https://json-schema.org/draft/2020-12/schema');
      assert.doesNotThrow(() => ajv.compile(schema), `${kind} ${draft}`);
    }
  }
});

test('what a schema cannot say: 2 decimals of money, dates in order (validateForm checks them)', () => {
  const diary = JSON.parse(fs.readFileSync(path.join(VECTORS, 'forms_visit_diary.json'), 'utf8'))
    .cases.find((c) => c.answer && c.answer.valid === true && !c.request.policy).request.data;
  const cents = { ...diary, income: 1234.567 };
  assert.deepEqual(validateForm('visit_diary', cents).errors.map((e) => [e.loc, e.code]), [[['income'], 'invalid_amount']]);
  const schema = formSchema('visit_diary');
  assert.equal(schema.properties.income['x-max-decimals'], 2);
  assert.equal(strictAjv('2020-12').compile(schema)(normalise(cents, schema)), true);
});

test('choices are oneOf of {const, title}, the title the paper\'s label, x-labels the same', () => {
  let choices = 0;
  const walk = (s, at) => {
    if (Array.isArray(s)) return s.forEach((v, i) => walk(v, `${at}[${i}]`));
    if (!s || typeof s !== 'object') return;
    if (s['x-labels']) {
      choices += 1;
      const consts = (s.oneOf || []).filter((a) => 'const' in a);
      assert.ok(consts.length >= 2, `${at}: oneOf of constants`);
      for (const c of consts) {
        assert.equal(typeof c.title, 'string', at);
        assert.equal(s['x-labels'][c.const], c.title, `${at}: ${c.const}`);
      }
      assert.deepEqual(Object.keys(s['x-labels']).sort(), consts.map((c) => c.const).filter((c) => typeof c === 'string').sort(), at);
      assert.ok(!('enum' in s), `${at}: no enum of names and labels side by side`);
    }
    for (const [k, v] of Object.entries(s)) walk(v, `${at}/${k}`);
  };
  for (const kind of KINDS) for (const draft of DRAFTS) walk(formSchema(kind, draft), `${kind} ${draft}`);
  assert.ok(choices >= 10, `${choices} choices`);
});

test('cross-field rules: if/then, in words both drafts share', () => {
  const text = (draft) => JSON.stringify(KINDS.map((k) => formSchema(k, draft)));
  assert.match(text('2020-12'), /"if":/);
  assert.doesNotMatch(text('07'), /"dependentRequired":|"dependencies":|"\$defs":/);
  // S1.9: 限期办理 needs a deadline and a handler, in every validator.
  const record = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'bench', 'reception_record.json'), 'utf8'));
  const byDeadline = { ...record, handling: { way: 'by_deadline' } };
  const core = validateForm('reception_record', byDeadline).errors.map((e) => [e.loc, e.code]);
  assert.deepEqual(core, [[['handling', 'deadline'], 'required'], [['handling', 'handler'], 'required']]);
  const schemaOf = (name) => formSchema('reception_record', name.split(' ')[1]);
  for (const [name, validate] of Object.entries(validators())) {
    assert.deepEqual(validate('reception_record', normalise(record, schemaOf(name))), [], name);
    const places = validate('reception_record', normalise(byDeadline, schemaOf(name)));
    for (const [loc] of core) assert.ok(places.some((p) => related(p, loc)), `${name}: ${JSON.stringify(places)}`);
  }
});

test('over every form vector, each validator agrees with validateForm where the schema can express the rule', () => {
  const all = validators();
  const cases = formCases();
  assert.ok(cases.length >= 100, `${cases.length} cases`);
  const seen = { valid: 0, expressible: 0, other: 0 };
  const codesFailing = new Set();
  // The codes a schema cannot express, and how often the schema failed the document anyway.
  const beyond = {};
  const disagreements = [];
  for (const kase of cases) {
    const { kind, data, policy } = kase.request;
    const core = validateForm(kind, data, policy);
    const codes = core.errors.map((e) => e.code);
    const expressible = codes.length > 0 && codes.every((c) => EXPRESSIBLE.has(c));
    seen[core.valid ? 'valid' : expressible ? 'expressible' : 'other'] += 1;
    for (const [name, validate] of Object.entries(all)) {
      const draft = name.split(' ')[1];
      const places = validate(kind, normalise(data, formSchema(kind, draft)));
      if (!core.valid && !expressible && name === 'ajv 2020-12') {
        for (const c of codes.filter((x) => !EXPRESSIBLE.has(x))) {
          beyond[c] = beyond[c] || { cases: 0, schema_fails: 0 };
          beyond[c].cases += 1;
          beyond[c].schema_fails += places.length > 0 ? 1 : 0;
        }
      }
      const where = `${kase.file} "${kase.name}" ${name}`;
      if (core.valid && places.length > 0) disagreements.push(`${where}: valid for validateForm, schema errors at ${JSON.stringify(places)}`);
      if (!core.valid && expressible && places.length === 0) disagreements.push(`${where}: ${codes} and the schema passes it`);
      if (places.length > 0 && core.valid) continue;
      if (expressible) {
        // Each problem validateForm finds, the validator finds at the same place or around it.
        for (const e of core.errors) {
          if (!places.some((p) => related(p, e.loc))) disagreements.push(`${where}: ${e.code} at ${JSON.stringify(e.loc)} not among ${JSON.stringify(places)}`);
          else codesFailing.add(e.code);
        }
      }
    }
  }
  if (process.env.LIAISON_SCHEMA_REPORT) console.log(JSON.stringify({ seen, beyond }, null, 1));
  assert.deepEqual(disagreements, []);
  // Enough of each kind of case ran, and every expressible code was caught by the schemas.
  assert.ok(seen.valid >= 20 && seen.expressible >= 30 && seen.other >= 10, JSON.stringify(seen));
  assert.deepEqual([...EXPRESSIBLE].filter((c) => !codesFailing.has(c)), [], 'codes never caught');
});

// F2 (assignment_slip): validateForm reads a null `responsibility` or `reported` as absent,
// and so does the schema (an `if`/`then` that treats null as absent, not `dependentRequired`).
const NULL_CASES = (base) => [
  ['responsibility set, reported null', { ...base, reported: null }],
  ['responsibility null, reported absent', (({ reported, ...rest }) => ({ ...rest, responsibility: null }))(base)],
];

test('F2: a null responsibility or reported is absent for the schema as for validateForm', () => {
  const slip = JSON.parse(fs.readFileSync(path.join(VECTORS, 'forms_assignment_slip.json'), 'utf8'))
    .cases.find((c) => c.answer && c.answer.valid === true && c.request.data.responsibility && c.request.data.reported).request.data;
  for (const draft of DRAFTS) {
    const validate = strictAjv(draft).compile(formSchema('assignment_slip', draft));
    for (const [label, doc] of NULL_CASES(slip)) {
      const schema = normalise(doc, formSchema('assignment_slip', draft));
      assert.equal(validate(schema), validateForm('assignment_slip', doc).valid, `${draft}: ${label}`);
    }
  }
});

test('random edits of valid forms: the schema is never stricter, and catches what it can express', () => {
  const pool = formCases().filter((c) => c.answer && c.answer.valid === true && !c.request.policy).map((c) => c.request);
  const ajv = Object.fromEntries(DRAFTS.map((d) => [d, strictAjv(d)]));
  const compiled = {};
  const check = (kind, draft) => {
    compiled[`${kind} ${draft}`] ||= ajv[draft].compile(formSchema(kind, draft));
    return compiled[`${kind} ${draft}`];
  };
  const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 200 }), fc.double({ min: -1, max: 1e4, noNaN: true }),
    fc.boolean(), fc.constant(null), fc.constantFrom('2009-01-05', '2009-13-01', '2009/1/5', '13812345678', '023-66230226', 'male',
      '女', 'by_deadline', '限期办理', 'within_remit', '1', '', ' ', 'x'.repeat(60), '是', 4, 5, 0, 2.5, 12000.555));
  const key = fc.constantFrom('extra', 'deadline', 'handler', 'department', 'closed', 'result', 'fed_back', 'reported',
    'responsibility', 'away_members', 'has_away_members');
  const places = (v, at = [], out = []) => {
    out.push(at);
    if (Array.isArray(v)) v.forEach((w, i) => places(w, [...at, i], out));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, w]) => places(w, [...at, k], out));
    return out;
  };
  const edit = (doc, at, value, remove) => {
    if (at.length === 0) return value;
    const copy = Array.isArray(doc) ? [...doc] : { ...doc };
    const [head, ...rest] = at;
    if (rest.length === 0 && remove) {
      if (Array.isArray(copy)) copy.splice(head, 1);
      else delete copy[head];
    } else copy[head] = edit(copy[head], rest, value, remove);
    return copy;
  };
  let compared = 0;
  fc.assert(fc.property(fc.constantFrom(...pool), fc.array(fc.tuple(fc.nat(), leaf, fc.nat({ max: 3 }), key), { minLength: 1, maxLength: 2 }),
    fc.constantFrom(...DRAFTS), (request, steps, draft) => {
      let doc = request.data;
      for (const [pick, value, how, name] of steps) {
        const all = places(doc).slice(1);
        const at = all[pick % all.length];
        const target = at.reduce((v, k) => (v === null || v === undefined ? v : v[k]), doc);
        if (how === 0 && target && typeof target === 'object' && !Array.isArray(target)) doc = edit(doc, [...at, name], value, false);
        else if (how === 1) doc = edit(doc, at, undefined, true);
        else doc = edit(doc, at, value, false);
      }
      compared += 1;
      const core = validateForm(request.kind, doc);
      const validate = check(request.kind, draft);
      const passes = validate(normalise(doc, formSchema(request.kind, draft)));
      const detail = () => `${request.kind} ${draft} ${JSON.stringify(doc)}: validateForm ${JSON.stringify(core.errors.map((e) => [e.loc, e.code]))}, schema ${JSON.stringify((validate.errors || []).map((e) => [e.instancePath, e.keyword]))}`;
      assert.ok(!(core.valid && !passes), `the schema is stricter: ${detail()}`);
      const expressible = core.errors.length > 0 && core.errors.every((e) => EXPRESSIBLE.has(e.code));
      assert.ok(!(expressible && passes), `the schema lets through what it can express: ${detail()}`);
    }), { numRuns: Number(process.env.LIAISON_FUZZ_RUNS || 300), seed: process.env.LIAISON_FUZZ_SEED === undefined ? undefined : Number(process.env.LIAISON_FUZZ_SEED) });
  assert.ok(compared > 0);
});

test('the comparison can fail: a schema loosened by hand lets a bad phone through', () => {
  const ajv = strictAjv('2020-12');
  const schema = formSchema('reception_record');
  delete schema.properties.visitor.properties.phone.pattern;
  const record = normalise(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'bench', 'reception_record.json'), 'utf8')), schema);
  record.visitor.phone = '1381234';
  assert.deepEqual(validateForm('reception_record', record).errors.map((e) => e.code), ['invalid_phone']);
  assert.equal(ajv.compile(schema)(record), true);
  assert.equal(strictAjv('2020-12').compile(formSchema('reception_record'))(record), false);
});
