'use strict';
// The forms F1–F5 from JS, for what the shared vectors (forms_*.json, run in
// vectors.test.js) do not express: the messages and rule ids, the shape of the result
// wrappers, documents crossing without key renaming, the policy object, bad arguments, the
// field list, the schema, the .d.ts unions and the web build.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { liaison, thrown } = require('./helpers.js');

const { validateForm, formSchema, redact, formFields, fieldErrorCodes } = liaison;

const ROOT = path.join(__dirname, '..', '..');
const VECTORS = path.join(ROOT, 'tests', 'vectors');
const KINDS = ['reception_record', 'assignment_slip', 'visit_diary', 'register_entry', 'feedback_slip'];

/** A complete, valid F1 (the benchmark's record). */
function record() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'reception_record.json'), 'utf8'));
}

/** The first valid case of a vector file for `kind`. */
function validVector(kind) {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, `forms_${kind}.json`), 'utf8'));
  const kase = doc.cases.find((c) => Array.isArray(c.expect) && c.expect.length === 0 && !c.policy);
  assert.ok(kase, `a valid case for ${kind}`);
  return kase.args.data;
}

const pairs = (v) => v.errors.map((e) => [e.path, e.code]);

function assertLiaisonError(e, code, field) {
  assert.ok(e instanceof Error, 'an Error');
  assert.equal(e.name, 'LiaisonError');
  assert.equal(e.code, code, e.message);
  assert.equal(e.field, field);
  assert.equal(typeof e.messageZh, 'string');
}

test('a bad phone: path, code, English and Chinese message, rule', () => {
  const data = record();
  data.visitor.phone = '1381234';
  const v = validateForm('reception_record', data);
  assert.deepEqual(v, {
    valid: false,
    errors: [{
      path: 'visitor.phone',
      code: 'invalid_phone',
      message: '`visitor.phone` is not a mainland mobile number or a landline number with its area code',
      messageZh: '「来访群众情况·联系电话」不是有效的手机号码或带区号的固定电话号码',
      rule: 'F1',
    }],
  });
  // The wrapper's keys, in this order, and no snake_case twin.
  assert.deepEqual(Object.keys(v), ['valid', 'errors']);
  assert.deepEqual(Object.keys(v.errors[0]), ['path', 'code', 'message', 'messageZh', 'rule']);
});

test('the example of the core: 限期办理 without a handler, a bad phone, an unknown key', () => {
  const data = {
    date: '2008-12-01', receiver: '李书记',
    visitor: { name: '张三', phone: '1381234' },
    matter: '道路损毁', cause: '山体滑坡', request: '尽快修复',
    handling: { way: '限期办理', deadline: '2008-12-11' },
    notes: 'x',
  };
  const v = validateForm('reception_record', data);
  assert.deepEqual(pairs(v), [
    ['visitor.phone', 'invalid_phone'],
    ['handling.handler', 'required'],
    ['notes', 'unknown_field'],
  ]);
  assert.deepEqual(v.errors.map((e) => e.rule), ['F1', 'S1.9', 'F1']);
  assert.equal(v.errors[1].messageZh, '「办理情况·经办人」为必填项');
});

test('S1.8 三明确 and S2.5 八清楚 give Chinese messages naming the paper labels', () => {
  const v = validateForm('reception_record', { ...record(), matter: ' ', cause: null, request: undefined });
  assert.deepEqual(pairs(v), [['matter', 'required'], ['cause', 'required'], ['request', 'required']]);
  assert.deepEqual(v.errors.map((e) => e.messageZh), ['「事由」为必填项', '「原因」为必填项', '「要求解决的主要问题」为必填项']);
  assert.ok(v.errors.every((e) => e.rule.split(' ').includes('S1.8')), JSON.stringify(v.errors));

  const diary = validVector('visit_diary');
  diary.away_members = [{ name: '张小明' }];
  const d = validateForm('visit_diary', diary);
  assert.equal(d.valid, false);
  const away = d.errors.filter((e) => e.path.startsWith('away_members[0].'));
  assert.deepEqual(away.map((e) => e.path.slice('away_members[0].'.length)).sort(),
    ['destination', 'income', 'law_abidance', 'occupation', 'party_life', 'phone', 'requests', 'return_home']);
  assert.ok(away.every((e) => e.code === 'required' && e.rule.includes('S2.5')));
  assert.ok(away.every((e) => e.messageZh.startsWith('「外出人员情况·第1项·')), away.map((e) => e.messageZh).join('\n'));
});

test('documents cross unchanged: snake_case keys, camelCase keys are unknown fields', () => {
  const data = record();
  const before = JSON.stringify(data);
  assert.equal(validateForm('reception_record', data).valid, true);
  const camel = { ...record(), receiverPost: data.receiver_post };
  delete camel.receiver_post;
  assert.deepEqual(pairs(validateForm('reception_record', camel)), [['receiverPost', 'unknown_field']]);
  // Redaction keeps every key as it is, masks the personal fields, leaves the input alone.
  const r = redact('reception_record', data);
  assert.equal(JSON.stringify(data), before, 'the input is not changed');
  assert.equal(r.receiver_post, '镇党委书记');
  assert.equal(r.visitor.phone, '138 **** 1234');
  assert.equal(r.visitor.name, '张**');
  assert.equal(r.visitor.address, '重庆市巴南区****');
  assert.equal(r.opinion.signed_by, '张**');
  assert.equal(r.handling.way, 'by_deadline');
  const keys = (v) => (v && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, keys(v[k])]) : null);
  assert.deepEqual(keys(r), keys(data));
  // Unknown keys stay too (only ID numbers in them are masked), and non-objects come back.
  assert.deepEqual(redact('reception_record', { someKey: '500113198001011234' }), { someKey: '500113********1234' });
  assert.equal(redact('reception_record', null), null);
  assert.deepEqual(redact('reception_record', [13812341234]), [13812341234]);
});

test('what is not an object is a validation, not an error', () => {
  for (const notForm of [undefined, null, 5, 'form', true, []]) {
    const v = validateForm('visit_diary', notForm);
    assert.deepEqual(pairs(v), [['', 'invalid_type']], String(notForm));
    assert.equal(v.errors[0].messageZh, '「基层党组织班子成员进家入户走访群众民情日志」应为对象');
  }
  // undefined properties drop out as in JSON: an absent optional field.
  assert.equal(validateForm('reception_record', { ...record(), account: undefined }).valid, true);
  // Types are strict: a number is not a phone, text is not an age.
  const data = record();
  data.visitor.phone = 13812341234;
  data.visitor.age = '58';
  assert.deepEqual(pairs(validateForm('reception_record', data)), [
    ['visitor.age', 'invalid_type'], ['visitor.phone', 'invalid_type'],
  ]);
});

test('bad arguments throw LiaisonError', () => {
  for (const kind of ['form_9', 'ReceptionRecord', '', 1, undefined, null]) {
    assertLiaisonError(thrown(() => validateForm(kind, {})), 'invalid_input', 'kind');
    assertLiaisonError(thrown(() => redact(kind, {})), 'invalid_input', 'kind');
    assertLiaisonError(thrown(() => formSchema(kind)), 'invalid_input', 'kind');
    assertLiaisonError(thrown(() => formFields(kind)), 'invalid_input', 'kind');
  }
  // What JSON cannot hold.
  const cyclic = record();
  cyclic.self = cyclic;
  for (const notJson of [{ ...record(), age: 58n }, cyclic]) {
    assertLiaisonError(thrown(() => validateForm('reception_record', notJson)), 'invalid_input', 'data');
    assertLiaisonError(thrown(() => redact('reception_record', notJson)), 'invalid_input', 'data');
  }
  // A policy is a camelCase policy object, checked by the core's loader.
  assertLiaisonError(thrown(() => validateForm('register_entry', {}, { move_rest_day: false })), 'invalid_policy', undefined);
  assertLiaisonError(thrown(() => validateForm('register_entry', {}, { withinRemitDays: -1 })), 'invalid_policy', undefined);
});

test('the policy decides the "1234" deadline (S5.1, A1, A2)', () => {
  const row = {
    number: 1, reporter: '王五', reported: '2008-09-25', matter: '低保',
    handler: '赵六', responsibility: 'within_remit', deadline: '2008-10-05',
  };
  const v = validateForm('register_entry', row);
  assert.deepEqual(pairs(v), [['deadline', 'deadline_mismatch']]);
  assert.match(v.errors[0].messageZh, /2008-10-06/);
  assert.ok(v.errors[0].rule.includes('S5.1'));
  assert.equal(validateForm('register_entry', row, { moveRestDay: false }).valid, true);
  assert.equal(validateForm('register_entry', row, null).valid, false);
  assert.equal(validateForm('register_entry', { ...row, deadline: '2008-10-06' }, undefined).valid, true);
  const policy = liaison.policyFromJson('{"move_rest_day": false}');
  assert.equal(validateForm('register_entry', row, policy).valid, true);
});

test('no message contains what was typed into the form', () => {
  const marker = 'ZQX';
  // Every text of the record carries the marker, and every field is wrong somehow.
  const data = {
    date: `${marker}-01`, receiver: `${marker}`.repeat(40), receiver_post: 5,
    visitor: { name: [marker], sex: marker, age: 999, address: { marker }, phone: `138${marker}` },
    account: 1, matter: marker, cause: marker, request: marker,
    handling: { way: marker, deadline: marker, handler: marker },
    opinion: { signed_on: `2008-13-${marker}` },
    [marker]: marker, [`${marker}_2`]: { [marker]: marker },
  };
  const v = validateForm('reception_record', data);
  assert.ok(v.errors.length >= 10, JSON.stringify(pairs(v)));
  for (const e of v.errors) {
    assert.ok(!e.message.includes(marker), e.message);
    assert.ok(!e.messageZh.includes(marker), e.messageZh);
  }
});

test('formFields: the paper labels, in order, camelCase wrapper keys', () => {
  const f1 = formFields('reception_record');
  assert.deepEqual(Object.keys(f1[0]), ['path', 'labelZh', 'description', 'kind', 'required', 'rule']);
  const label = (p) => f1.find((f) => f.path === p).labelZh;
  assert.equal(label('date'), '时间');
  assert.equal(label('visitor'), '来访群众情况');
  assert.equal(label('visitor.phone'), '联系电话');
  assert.equal(label('request'), '要求解决的主要问题');
  assert.equal(label('handling'), '办理情况');
  assert.equal(f1.find((f) => f.path === 'handling.way').required, true);
  assert.deepEqual(f1.slice(0, 4).map((f) => f.path), ['date', 'receiver', 'receiver_post', 'visitor']);
  const f3 = formFields('visit_diary');
  const age = f3.find((f) => f.path === 'members[].age');
  assert.deepEqual([age.labelZh, age.kind, age.required], ['年龄', 'integer', false]);
  assert.ok(f3.some((f) => f.path.startsWith('away_members[].')));
  // Every path of the list is a path the validator knows: setting it to a wrong type is
  // never an unknown field.
  for (const kind of KINDS) {
    const fields = formFields(kind);
    assert.ok(fields.length > 5, kind);
    assert.equal(new Set(fields.map((f) => f.path)).size, fields.length, `${kind}: paths are unique`);
    for (const f of fields) {
      assert.match(f.path, /^[a-z_]+(\[\])?(\.[a-z_]+)?$/, f.path);
      assert.ok(f.labelZh.length > 0 && f.description.length > 0 && f.rule.length > 0, f.path);
    }
  }
});

test('formSchema: JSON Schema 2020-12 with the keys as the core writes them', () => {
  const s = formSchema('reception_record');
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(s.$id, 'urn:liaison:form:reception_record');
  assert.equal(s.title, '党组织书记接待群众登记表');
  assert.equal(s.additionalProperties, false);
  assert.equal(s['x-kind'], 'reception_record');
  assert.equal(s.properties.visitor.properties.phone.title, '联系电话');
  assert.ok('receiver_post' in s.properties && !('receiverPost' in s.properties));
  const way = s.properties.handling.properties.way;
  assert.ok(way.enum.includes('on_the_spot') && way.enum.includes('现场办理'), JSON.stringify(way));
  assert.equal(way['x-labels'].on_the_spot, '现场办理');
  for (const kind of KINDS) {
    const schema = formSchema(kind);
    // Top-level properties are the fields of the list without a dot or brackets.
    const top = formFields(kind).filter((f) => !/[.[]/.test(f.path)).map((f) => f.path);
    assert.deepEqual(schema['x-order'], top, kind);
    assert.deepEqual(Object.keys(schema.properties).sort(), [...top].sort(), kind);
  }
});

test('fieldErrorCodes lists the codes once; the vectors cover every one', () => {
  const codes = fieldErrorCodes();
  assert.equal(codes.length, 15);
  assert.equal(new Set(codes).size, codes.length);
  const seen = new Set();
  for (const file of fs.readdirSync(VECTORS).filter((f) => /^forms_.*\.json$/.test(f))) {
    const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8'));
    if (doc.function !== 'validate_form') continue;
    for (const kase of doc.cases) if (Array.isArray(kase.expect)) kase.expect.forEach(([, c]) => seen.add(c));
  }
  assert.deepEqual([...seen].filter((c) => !codes.includes(c)), []);
  assert.deepEqual(codes.filter((c) => !seen.has(c)), []);
});

test('the unions of the .d.ts are the lists the package gives', () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'pkg', 'node', 'index.d.ts'), 'utf8');
  const union = (name) => {
    const m = dts.match(new RegExp(`export type ${name} =([^;]*);`));
    assert.ok(m, `${name} in index.d.ts`);
    return [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
  };
  assert.deepEqual(union('FieldErrorCode'), fieldErrorCodes());
  assert.deepEqual(union('FormKind'), KINDS);
  const kinds = new Set(KINDS.flatMap((k) => formFields(k).map((f) => f.kind)));
  assert.deepEqual([...kinds].filter((k) => !union('FieldKind').includes(k)), []);
  for (const fn of ['validateForm', 'formSchema', 'redact', 'formFields', 'fieldErrorCodes']) {
    assert.match(dts, new RegExp(`export function ${fn}\\(`), fn);
  }
});

test('the web build gives the same answers via initSync', async () => {
  const dir = path.join(__dirname, '..', 'pkg', 'web');
  const web = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(dir, 'index_bg.wasm')) });
  const bad = record();
  bad.visitor.phone = '12345';
  for (const data of [record(), bad, validVector('visit_diary'), {}, null]) {
    assert.deepEqual(web.validateForm('reception_record', data), validateForm('reception_record', data));
    assert.deepEqual(web.redact('visit_diary', data), redact('visit_diary', data));
  }
  for (const kind of KINDS) {
    assert.deepEqual(web.formFields(kind), formFields(kind));
    assert.deepEqual(web.formSchema(kind), formSchema(kind));
  }
  assert.deepEqual(web.fieldErrorCodes(), fieldErrorCodes());
  const e = thrown(() => web.validateForm('x', {}));
  assert.equal(e.code, 'invalid_input');
});
