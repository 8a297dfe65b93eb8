'use strict';
// The forms F1–F5 from JS, for what the shared vectors (forms_*.json, run in
// vectors.test.js) do not express: the messages and rule ids, the shape of the results,
// documents crossing unchanged, the policy, bad arguments, the field list, the schema, the
// .d.ts unions and the web build.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { liaison, ROOT, VECTORS, thrown, assertLiaisonError } = require('./helpers.js');

const { call, validateForm, formSchema, redact, formFields, formKinds, fieldErrorCodes } = liaison;

const KINDS = ['reception_record', 'assignment_slip', 'visit_diary', 'register_entry', 'feedback_slip'];

/** A complete, valid F1 (the benchmark's record). */
function record() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'reception_record.json'), 'utf8'));
}

/** The first valid case of the vector file of `kind`. */
function validVector(kind) {
  const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, `forms_${kind}.json`), 'utf8'));
  const kase = doc.cases.find((c) => c.answer && c.answer.valid === true && !c.request.policy);
  assert.ok(kase, `a valid case for ${kind}`);
  return kase.request.data;
}

/** A place as the messages write it: `visitor.phone`, `members[2].age`. */
const at = (loc) => loc.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
const pairs = (v) => v.errors.map((e) => [at(e.loc), e.code]);

test('a bad phone: place, code, English and Chinese message, rule', () => {
  const data = record();
  data.visitor.phone = '1381234';
  const v = validateForm('reception_record', data);
  assert.deepEqual(v, {
    valid: false,
    errors: [{
      loc: ['visitor', 'phone'],
      code: 'invalid_phone',
      message: '`visitor.phone` is not a mainland mobile number or a landline number with its area code',
      message_zh: '「来访群众情况·联系电话」不是有效的手机号码或带区号的固定电话号码',
      rule: 'F1',
    }],
  });
  assert.deepEqual(Object.keys(v).sort(), ['errors', 'valid']);
  assert.deepEqual(Object.keys(v.errors[0]).sort(), ['code', 'loc', 'message', 'message_zh', 'rule']);
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
  assert.equal(v.errors[1].message_zh, '「办理情况·经办人」为必填项');
});

test('S1.8 三明确 and S2.5 八清楚 give Chinese messages naming the paper labels', () => {
  const v = validateForm('reception_record', { ...record(), matter: ' ', cause: null, request: undefined });
  assert.deepEqual(pairs(v), [['matter', 'required'], ['cause', 'required'], ['request', 'required']]);
  assert.deepEqual(v.errors.map((e) => e.message_zh), ['「事由」为必填项', '「原因」为必填项', '「要求解决的主要问题」为必填项']);
  assert.ok(v.errors.every((e) => e.rule.split(' ').includes('S1.8')), JSON.stringify(v.errors));

  const diary = validVector('visit_diary');
  diary.away_members = [{ name: '张小明' }];
  const d = validateForm('visit_diary', diary);
  assert.equal(d.valid, false);
  const away = d.errors.filter((e) => e.loc[0] === 'away_members' && e.loc[1] === 0);
  assert.deepEqual(away.map((e) => e.loc[2]).sort(),
    ['destination', 'income', 'law_abidance', 'occupation', 'party_life', 'phone', 'requests', 'return_home']);
  assert.ok(away.every((e) => e.code === 'required' && e.rule.includes('S2.5')));
  assert.ok(away.every((e) => e.message_zh.startsWith('「外出人员情况·第1项·')), away.map((e) => e.message_zh).join('\n'));
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
  // Unknown keys stay, masked whole (redaction fails closed); other JSON comes back masked.
  assert.deepEqual(redact('reception_record', { someKey: '500113198001011234' }), { someKey: '******************' });
  assert.equal(call('redact', { kind: 'reception_record', data: null }), null);
  assert.deepEqual(redact('reception_record', [13812341234]), ['***********']);
});

test('what is not an object is a validation, not an error', () => {
  for (const notForm of [5, 'form', true, []]) {
    const v = validateForm('visit_diary', notForm);
    assert.deepEqual(pairs(v), [['', 'invalid_type']], String(notForm));
    assert.deepEqual(v.errors[0].loc, []);
    assert.equal(v.errors[0].message_zh, '「基层党组织班子成员进家入户走访群众民情日志」应为对象');
  }
  // JSON null is a document too (through call: a null parameter is an absent one).
  assert.deepEqual(pairs(call('validate_form', { kind: 'visit_diary', data: null })), [['', 'invalid_type']]);
  assertLiaisonError(thrown(() => validateForm('visit_diary', null)), 'invalid_input', ['data']);
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
    const loc = ['kind'];
    const code = 'invalid_input';
    assertLiaisonError(thrown(() => validateForm(kind, {})), code, loc);
    assertLiaisonError(thrown(() => redact(kind, {})), code, loc);
    assertLiaisonError(thrown(() => formSchema(kind)), code, loc);
    assertLiaisonError(thrown(() => formFields(kind)), code, loc);
  }
  // What JSON cannot hold.
  const cyclic = record();
  cyclic.self = cyclic;
  for (const [notJson, loc] of [[{ ...record(), age: 2n ** 64n }, ['data', 'age']], [{ ...record(), f: () => 1 }, ['data', 'f']]]) {
    assertLiaisonError(thrown(() => validateForm('reception_record', notJson)), 'invalid_input', loc);
    assertLiaisonError(thrown(() => redact('reception_record', notJson)), 'invalid_input', loc);
  }
  assert.deepEqual(thrown(() => validateForm('reception_record', cyclic)).loc.slice(0, 2), ['data', 'self']);
  // The policy is checked by the core's loader.
  assertLiaisonError(thrown(() => validateForm('register_entry', {}, { moveRestDay: false })), 'invalid_policy', ['policy', 'moveRestDay']);
  assertLiaisonError(thrown(() => validateForm('register_entry', {}, { within_remit_days: -1 })), 'invalid_policy', ['policy', 'within_remit_days']);
});

test('the policy decides the "1234" deadline (S5.1, A1, A2)', () => {
  // 2008-09-25 + 10 days is 10-05, in the National Day holiday: the last day is 10-06 (A1, A2).
  const row = {
    number: 1, reporter: '王五', reported: '2008-09-25', matter: '低保',
    handler: '赵六', responsibility: 'within_remit', deadline: '2008-10-07',
  };
  const v = validateForm('register_entry', row);
  assert.deepEqual(pairs(v), [['deadline', 'deadline_mismatch']]);
  assert.match(v.errors[0].message_zh, /2008-10-06/);
  assert.ok(v.errors[0].rule.includes('S5.1'));
  // "10天内" is at most: a deadline on or before the last day is valid.
  const onTime = { ...row, deadline: '2008-10-06' };
  assert.equal(validateForm('register_entry', onTime).valid, true);
  assert.equal(validateForm('register_entry', { ...row, deadline: '2008-10-05' }, undefined).valid, true);
  assert.equal(validateForm('register_entry', onTime, null).valid, true);
  // Without moving a rest day, the last day is 10-05.
  const unmoved = validateForm('register_entry', onTime, { move_rest_day: false });
  assert.deepEqual(pairs(unmoved), [['deadline', 'deadline_mismatch']]);
  assert.match(unmoved.errors[0].message_zh, /2008-10-05/);
  assert.deepEqual(validateForm('register_entry', onTime, liaison.policy({ move_rest_day: false })), unmoved);
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
    assert.ok(!e.message_zh.includes(marker), e.message_zh);
  }
});

test('formFields: the paper labels, in order, snake_case keys', () => {
  const f1 = formFields('reception_record');
  assert.deepEqual(Object.keys(f1[0]).sort(), ['description', 'kind', 'label_zh', 'path', 'required', 'rule']);
  const label = (p) => f1.find((f) => f.path === p).label_zh;
  assert.equal(label('date'), '时间');
  assert.equal(label('visitor'), '来访群众情况');
  assert.equal(label('visitor.phone'), '联系电话');
  assert.equal(label('request'), '要求解决的主要问题');
  assert.equal(label('handling'), '办理情况');
  assert.equal(f1.find((f) => f.path === 'handling.way').required, true);
  assert.deepEqual(f1.slice(0, 4).map((f) => f.path), ['date', 'receiver', 'receiver_post', 'visitor']);
  const f3 = formFields('visit_diary');
  const age = f3.find((f) => f.path === 'members[].age');
  assert.deepEqual([age.label_zh, age.kind, age.required], ['年龄', 'integer', false]);
  assert.ok(f3.some((f) => f.path.startsWith('away_members[].')));
  for (const kind of KINDS) {
    const fields = formFields(kind);
    assert.ok(fields.length > 5, kind);
    assert.equal(new Set(fields.map((f) => f.path)).size, fields.length, `${kind}: paths are unique`);
    for (const f of fields) {
      assert.match(f.path, /^[a-z_]+(\[\])?(\.[a-z_]+)?$/, f.path);
      assert.ok(f.label_zh.length > 0 && f.description.length > 0 && f.rule.length > 0, f.path);
    }
  }
});

test('formSchema: JSON Schema 2020-12 (or draft 07) with the keys as the core writes them', () => {
  const s = formSchema('reception_record');
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(s.$id, 'urn:liaison:form:reception_record');
  assert.equal(s.title, '党组织书记接待群众登记表');
  assert.equal(s.additionalProperties, false);
  assert.equal(s['x-kind'], 'reception_record');
  assert.equal(s.properties.visitor.properties.phone.title, '联系电话');
  assert.ok('receiver_post' in s.properties && !('receiverPost' in s.properties));
  const way = s.properties.handling.properties.way;
  assert.deepEqual(way.oneOf.map((c) => [c.const, c.title]), [
    ['on_the_spot', '现场办理'], ['by_deadline', '限期办理'], ['explained', '解释说明'], ['referred', '转有关部门办理'],
  ]);
  assert.equal(way['x-labels'].on_the_spot, '现场办理');
  assert.equal(formSchema('reception_record', '07').$schema, 'http://json-schema.org/draft-07/schema#');
  assertLiaisonError(thrown(() => formSchema('reception_record', '2019-09')), 'invalid_input', ['draft']);
  for (const kind of KINDS) {
    const schema = formSchema(kind);
    // Top-level properties are the fields of the list without a dot or brackets.
    const top = formFields(kind).filter((f) => !/[.[]/.test(f.path)).map((f) => f.path);
    assert.deepEqual(schema['x-order'], top, kind);
    assert.deepEqual(Object.keys(schema.properties).sort(), [...top].sort(), kind);
  }
});

test('fieldErrorCodes and formKinds: the catalogues; the vectors use every field error code', () => {
  const codes = fieldErrorCodes();
  assert.equal(codes.length, 15);
  assert.equal(new Set(codes).size, codes.length);
  assert.deepEqual(formKinds().map((k) => k.kind), KINDS);
  assert.deepEqual(formKinds().map((k) => k.rule), ['F1', 'F2', 'F3', 'F4', 'F5']);
  const seen = new Set();
  const collect = (v) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      if (typeof v.code === 'string' && Array.isArray(v.loc)) seen.add(v.code);
      Object.values(v).forEach(collect);
    }
  };
  for (const file of fs.readdirSync(VECTORS).filter((f) => /^forms_.*\.json$/.test(f))) {
    const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8'));
    for (const kase of doc.cases) if (kase.op === 'validate_form' && kase.answer) collect(kase.answer.errors);
  }
  assert.deepEqual([...seen].filter((c) => !codes.includes(c)), []);
  assert.deepEqual(codes.filter((c) => !seen.has(c)), []);
});

test('the .d.ts declares the form functions and the unions the package gives', () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'pkg', 'node', 'index.d.ts'), 'utf8');
  const union = (name) => {
    const m = dts.match(new RegExp(`export type ${name} = ([^;]*);`));
    assert.ok(m, `${name} in index.d.ts`);
    return [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
  };
  assert.deepEqual(union('FieldCode'), fieldErrorCodes());
  assert.deepEqual(union('FormKind'), KINDS);
  for (const fn of ['validateForm', 'formSchema', 'redact', 'formFields', 'formKinds', 'fieldErrorCodes']) {
    assert.match(dts, new RegExp(`export function ${fn}\\(`), fn);
  }
});

test('the web build gives the same answers via initSync', async () => {
  const dir = path.join(__dirname, '..', 'pkg', 'web');
  const web = await import(pathToFileURL(path.join(dir, 'index.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(dir, 'index_bg.wasm')) });
  const bad = record();
  bad.visitor.phone = '12345';
  for (const data of [record(), bad, validVector('visit_diary'), {}, 5]) {
    assert.deepEqual(web.validateForm('reception_record', data), validateForm('reception_record', data));
    assert.deepEqual(web.redact('visit_diary', data), redact('visit_diary', data));
  }
  for (const kind of KINDS) {
    assert.deepEqual(web.formFields(kind), formFields(kind));
    assert.deepEqual(web.formSchema(kind), formSchema(kind));
  }
  assert.deepEqual(web.fieldErrorCodes(), fieldErrorCodes());
  assertLiaisonError(thrown(() => web.validateForm('x', {})), 'invalid_input', ['kind']);
});
