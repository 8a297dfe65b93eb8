'use strict';
// End to end in headless Chromium: the demo page (bindings-wasm/demo/) served on 127.0.0.1,
// F1 and F3 filled as a person would, the Chinese messages read where they are shown, the
// page at 1280 and 390 px wide, with screenshots (into LIAISON_SCREENSHOTS or a new
// temporary folder, printed). Needs the web build (bash bindings-wasm/build.sh), `npm ci`
// (playwright-core), Debian's Chromium at /usr/bin/chromium (or CHROMIUM=path) and a CJK
// font (else Chinese renders as boxes):
//   apt-get install -y --no-install-recommends chromium chromium-driver fonts-wqy-microhei
// A missing Chromium or font is a failure, not a skip. Run: node --test bindings-wasm/tests-browser/
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { start } = require('../demo/serve.js');
const liaison = require('../pkg/node/index.js');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Debian's Chromium on these machines needs these flags, and a fresh profile under a temporary TMPDIR.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const SHOTS = process.env.LIAISON_SCREENSHOTS || fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-screenshots-'));
const SCREENSHOT = path.join(SHOTS, 'f1-1100-submitted.png');

let server;
let url;
let tmp;
let context;
let page;
const problems = [];

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM),
    `Chromium is missing at ${CHROMIUM}; install it: apt-get install -y --no-install-recommends chromium chromium-driver`);
  let cjk = '';
  try {
    cjk = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    cjk = '';
  }
  assert.ok(cjk, 'no Chinese font: install one: apt-get install -y --no-install-recommends fonts-wqy-microhei');
  fs.mkdirSync(SHOTS, { recursive: true });
  ({ server, url } = await start());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-e2e-'));
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    env: { ...process.env, TMPDIR: tmp },
    viewport: { width: 1100, height: 900 },
    locale: 'zh-CN',
  });
  // Nothing may be fetched from anywhere but the demo server.
  const origin = new URL(url).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`) || u.startsWith('data:')) return route.continue();
    problems.push(`request outside the demo server: ${u}`);
    return route.abort();
  });
  page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  const ready = await page.getAttribute('body', 'data-ready');
  assert.equal(ready, 'true', await page.textContent('#fatal'));
});

after(async () => {
  if (context) await context.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The message(s) shown for a slot, '' when none. */
const message = (form, slot) => page.evaluate(([f, s]) => {
  const el = document.querySelector(`#${f} [data-slot="${s}"]`);
  return el && el.errorElement ? el.errorElement.textContent : '';
}, [form, slot]);

/** The messages shown in the n-th (from 0) row of a list, by the row's slot names. */
const rowMessages = (form, list, n) => page.evaluate(([f, l, i]) => {
  const row = document.querySelectorAll(`#${f} [data-list="${l}"]`)[i];
  const out = {};
  for (const slot of row.querySelectorAll('[data-slot]')) {
    out[slot.dataset.slot.replace(`${l}[].`, '')] = slot.errorElement ? slot.errorElement.textContent : '';
  }
  return out;
}, [form, list, n]);

const input = (form, name) => page.locator(`#${form} [name="${name}"]`);
const summary = (form) => page.textContent(`#${form} [data-summary]`);
const summaryState = (form) => page.getAttribute(`#${form} [data-summary]`, 'data-state');
const PENDING = '逐项填写，填写时即时校验；带 * 的为必填项';

test('an untouched form shows no red count: a neutral line, no message, no red border', async () => {
  for (const form of ['f1', 'f3']) {
    assert.equal(await summary(form), PENDING, form);
    assert.equal(await summaryState(form), 'pending', form);
    const color = await page.$eval(`#${form} [data-summary]`, (el) => getComputedStyle(el).color);
    assert.notEqual(color, 'rgb(198, 40, 40)', `${form}: the summary is not red`);
    assert.equal(await page.locator(`#${form} [aria-invalid="true"]`).count(), 0, form);
    assert.equal(await page.$$eval(`#${form} .err`, (els) => els.filter((e) => e.textContent).length), 0, form);
  }
});

test('dates typed as clerks type them read as YYYY-MM-DD once the field is left', async () => {
  // On a page of its own, so that the fields touched here leave the shared page untouched.
  const p = await context.newPage();
  try {
    await p.goto(url);
    await p.waitForSelector('body[data-ready="true"]');
    const date = p.locator('#f1 [name="date"]');
    const shown = () => p.$eval('#f1 [data-slot="date"]', (el) => (el.errorElement ? el.errorElement.textContent : ''));
    for (const [typed, iso] of [['2009/1/5', '2009-01-05'], ['2008年12月1日', '2008-12-01'], ['2009.1.5', '2009-01-05'],
      ['２００９／１／５', '2009-01-05'], ['2008-9-25', '2008-09-25'], ['2008-12-01', '2008-12-01']]) {
      await date.fill(typed);
      assert.equal(await date.inputValue(), typed, 'not while typing');
      await date.blur();
      assert.equal(await date.inputValue(), iso, typed);
      assert.equal(await shown(), '', typed);
    }
    // Not a day of the calendar: left as typed, and the core says so.
    await date.fill('2009/2/30');
    await date.blur();
    assert.equal(await date.inputValue(), '2009/2/30');
    assert.match(await shown(), /时间/);
    assert.equal(await p.getAttribute('#f1 [data-slot="date"] .err', 'data-code'), 'invalid_date');
    assert.equal(await p.getAttribute('#f1 [data-summary]', 'data-state'), 'invalid');
    // The same in a date inside a group (办理期限) and on F3.
    const deadline = p.locator('#f1 [name="handling.deadline"]');
    await deadline.fill('2008/12/11');
    await deadline.blur();
    assert.equal(await deadline.inputValue(), '2008-12-11');
    await p.click('#tab-f3');
    const signed = p.locator('#f3 [name="opinion.signed_on"]');
    await signed.fill('2008年12月10日');
    await signed.blur();
    assert.equal(await signed.inputValue(), '2008-12-10');
  } finally {
    await p.close();
  }
});

test('the page is built from the core: every field has an input, labels from formFields', async () => {
  for (const form of ['f1', 'f3']) {
    assert.equal(await page.getAttribute(`#${form}`, 'data-unbound'), '', form);
  }
  assert.equal(await page.textContent('#f1 h2'), '党组织书记接待群众登记表');
  assert.equal(await page.textContent('#f1 [data-label="visitor.phone"]'), '联系电话');
  assert.equal(await page.textContent('#f1 [data-label="visitor"]'), '来访群众情况');
  // The four ways of S1.9 as radio buttons, labelled as on the paper.
  const ways = await page.$$eval('#f1 input[name="handling.way"]',
    (rs) => rs.map((r) => [r.value, r.closest('label').textContent.trim()]));
  assert.deepEqual(ways, [
    ['on_the_spot', '现场办理'], ['by_deadline', '限期办理'], ['explained', '解释说明'], ['referred', '转有关部门办理'],
  ]);
  // F3 prints five member rows.
  assert.equal(await page.locator('#f3 tr[data-list="members"]').count(), 5);
});

test('F1: a bad phone shows its message beside the field; fixing it clears it; submit', async () => {
  const phone = input('f1', 'visitor.phone');
  await phone.fill('1381234');
  assert.equal(await summary('f1'), '共 1 处需要修改', 'the count is of the messages shown');
  assert.equal(await message('f1', 'visitor.phone'), '「来访群众情况·联系电话」不是有效的手机号码或带区号的固定电话号码');
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  const describedBy = await phone.getAttribute('aria-describedby');
  assert.match(await page.textContent(`#${describedBy}`), /联系电话/);
  const border = await phone.evaluate((el) => getComputedStyle(el).borderTopColor);
  assert.equal(border, 'rgb(198, 40, 40)', 'a red border');
  // Fields not touched yet say nothing; the summary counts every problem.
  assert.equal(await message('f1', 'visitor.name'), '');
  assert.match(await summary('f1'), /^共 \d+ 处需要修改$/);
  assert.equal(await summaryState('f1'), 'invalid');

  await phone.fill('138 1234 1234');
  assert.equal(await message('f1', 'visitor.phone'), '');
  assert.equal(await phone.getAttribute('aria-invalid'), null);

  // Submitting an incomplete form shows every problem and submits nothing.
  await page.click('#f1 button[type=submit]');
  assert.equal(await page.isVisible('#f1 [data-result]'), false);
  assert.equal(await message('f1', 'matter'), '「事由」为必填项');
  assert.equal(await message('f1', 'cause'), '「原因」为必填项');
  assert.equal(await message('f1', 'request'), '「要求解决的主要问题」为必填项');
  assert.equal(await message('f1', 'handling handling.way'), '「办理情况」为必填项');
  const errors = liaison.validateForm('reception_record', { visitor: { phone: '138 1234 1234' } }).errors;
  assert.equal(await summary('f1'), `共 ${errors.length} 处需要修改`);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  await input('f1', 'date').fill('2008-12-01');
  await input('f1', 'receiver').fill('李明');
  await input('f1', 'receiver_post').fill('镇党委书记');
  await input('f1', 'visitor.name').fill('张三丰');
  await input('f1', 'visitor.sex').selectOption({ label: '男' });
  await input('f1', 'visitor.age').fill('58');
  await input('f1', 'visitor.address').fill('重庆市巴南区鱼洞街道新市街12号');
  await input('f1', 'account').fill('来访反映村道因山体滑坡损毁，雨天无法通行。');
  await input('f1', 'matter').fill('村道损毁');
  await input('f1', 'cause').fill('山体滑坡');
  await input('f1', 'request').fill('尽快修复村道');
  // 限期办理 needs a deadline and a handler (S1.9): the messages appear with the choice.
  await page.locator('#f1').getByLabel('限期办理').check();
  assert.equal(await message('f1', 'handling.deadline'), '「办理情况·办理期限」为必填项');
  assert.equal(await message('f1', 'handling.handler'), '「办理情况·经办人」为必填项');
  await input('f1', 'handling.deadline').fill('2008-11-30');
  assert.equal(await message('f1', 'handling.deadline'), '「办理情况·办理期限」不得早于「时间」');
  await input('f1', 'handling.deadline').fill('2008-12-11');
  await input('f1', 'handling.handler').fill('王强');
  await input('f1', 'opinion.signed_by').fill('张三丰');
  await input('f1', 'opinion.signed_on').fill('2008-12-01');
  assert.equal(await summary('f1'), '可以提交');

  await page.click('#f1 button[type=submit]');
  await page.waitForSelector('#f1 [data-result]:not([hidden])');
  assert.equal(await page.textContent('#f1 [data-result] .done'), '已提交');
  const exported = JSON.parse(await page.textContent('#f1 [data-export]'));
  assert.equal(exported.visitor.phone, '138 **** 1234');
  assert.equal(exported.visitor.name, '张**');
  assert.equal(exported.visitor.address, '重庆市巴南区****');
  assert.equal(exported.handling.way, 'by_deadline');
  // Exactly the redaction of the document the page assembled.
  const doc = {
    date: '2008-12-01', receiver: '李明', receiver_post: '镇党委书记',
    visitor: { name: '张三丰', sex: 'male', age: 58, address: '重庆市巴南区鱼洞街道新市街12号', phone: '138 1234 1234' },
    account: '来访反映村道因山体滑坡损毁，雨天无法通行。', matter: '村道损毁', cause: '山体滑坡', request: '尽快修复村道',
    handling: { way: 'by_deadline', deadline: '2008-12-11', handler: '王强' },
    opinion: { signed_by: '张三丰', signed_on: '2008-12-01' },
  };
  assert.equal(liaison.validateForm('reception_record', doc).valid, true);
  assert.deepEqual(exported, liaison.redact('reception_record', doc));
  assert.ok(!(await page.textContent('#f1 [data-export]')).includes('1234 1234'));

  // A plain mobile number is masked as 138****1234.
  await input('f1', 'visitor.phone').fill('13812341234');
  assert.equal(await page.isVisible('#f1 [data-result]'), false, 'an edit hides the old result');
  await page.click('#f1 button[type=submit]');
  await page.waitForSelector('#f1 [data-result]:not([hidden])');
  assert.equal(JSON.parse(await page.textContent('#f1 [data-export]')).visitor.phone, '138****1234');
});

test('F3: a household with a member working away lists what is missing for that member', async () => {
  await page.click('#tab-f3');
  assert.equal(await page.isVisible('#f3'), true);
  assert.equal(await page.isVisible('#f1'), false);
  assert.equal(await page.textContent('#f3 h2'), '基层党组织班子成员进家入户走访群众民情日志');

  await input('f3', 'date').fill('2008-12-10');
  await input('f3', 'home_visitor').fill('黄海');
  const member = (name) => page.locator(`#f3 tr[data-list="members"]`).nth(0).locator(`[name="members[].${name}"]`);
  await member('name').fill('张三丰');
  await member('sex').selectOption({ label: '男' });
  await member('age').fill('五十八');
  assert.equal((await rowMessages('f3', 'members', 0)).age, '「被访家庭成员基本情况·第1项·年龄」应为整数');
  await member('age').fill('58');
  assert.equal((await rowMessages('f3', 'members', 0)).age, '');
  // A second member typed into the third printed row is members[1].
  const third = page.locator('#f3 tr[data-list="members"]').nth(2);
  await third.locator('[name="members[].age"]').fill('55');
  assert.equal((await rowMessages('f3', 'members', 2)).name, '「被访家庭成员基本情况·第2项·姓名」为必填项');
  await third.locator('[name="members[].name"]').fill('李秀英');
  assert.equal((await rowMessages('f3', 'members', 2)).name, '');

  // 有外出人员: a block for the member appears; a name alone leaves the eight things of S2.5.
  await input('f3', 'has_away_members').check();
  assert.equal(await page.locator('#f3 [data-list="away_members"]').count(), 1);
  const away = page.locator('#f3 [data-list="away_members"]').nth(0);
  await away.locator('[name="away_members[].name"]').fill('张小明');
  const shown = await rowMessages('f3', 'away_members', 0);
  assert.deepEqual(shown, {
    name: '',
    phone: '「外出人员情况·第1项·联系电话」为必填项',
    occupation: '「外出人员情况·第1项·从事职业」为必填项',
    income: '「外出人员情况·第1项·收入状况」为必填项',
    destination: '「外出人员情况·第1项·流出地点」为必填项',
    return_home: '「外出人员情况·第1项·返家情况」为必填项',
    requests: '「外出人员情况·第1项·建议要求」为必填项',
    party_life: '「外出人员情况·第1项·党员组织生活情况（非党员参加党派情况）」为必填项',
    law_abidance: '「外出人员情况·第1项·遵纪守法情况」为必填项',
  });
  const awayPhone = away.locator('[name="away_members[].phone"]');
  assert.equal(await awayPhone.getAttribute('aria-invalid'), 'true');
  await awayPhone.fill('12345');
  assert.equal((await rowMessages('f3', 'away_members', 0)).phone,
    '「外出人员情况·第1项·联系电话」不是有效的手机号码或带区号的固定电话号码');

  // Submitting now shows the household's 八清楚 too, and submits nothing.
  await page.click('#f3 button[type=submit]');
  assert.equal(await page.isVisible('#f3 [data-result]'), false);
  assert.equal(await message('f3', 'residence'), '「居住地点」为必填项');
  assert.equal(await message('f3', 'housing_area'), '「住房面积」为必填项');
  assert.match(await summary('f3'), /^共 \d+ 处需要修改$/);
  await page.screenshot({ path: path.join(SHOTS, 'f3-1100-submitted.png'), fullPage: true });

  // Complete it and submit.
  await input('f3', 'residence').fill('重庆市巴南区石龙镇石龙村5组');
  await input('f3', 'income').fill('12000.5');
  await input('f3', 'skills').fill('生猪养殖');
  await input('f3', 'housing_area').fill('120.5');
  await input('f3', 'phone').fill('13912345678');
  await input('f3', 'problems').fill('房屋漏雨');
  await input('f3', 'requests').fill('申请危房改造');
  await page.locator('#f3').getByLabel('转有关部门办理').check();
  assert.equal(await message('f3', 'handling.department'), '「办理情况·转办部门」为必填项');
  await input('f3', 'handling.department').fill('镇民政办');
  await awayPhone.fill('023-66230226');
  const fill = (name, value) => away.locator(`[name="away_members[].${name}"]`).fill(value);
  await fill('destination', '广东省东莞市长安镇');
  await fill('occupation', '电子厂工人');
  await fill('income', '36000');
  await fill('requests', '希望家乡提供技能培训');
  await fill('party_life', '非党员');
  await fill('law_abidance', '遵纪守法');
  await fill('return_home', '每年春节返家');
  assert.equal(await summary('f3'), '可以提交');
  await page.click('#f3 button[type=submit]');
  await page.waitForSelector('#f3 [data-result]:not([hidden])');
  assert.equal(await page.textContent('#f3 [data-result] .done'), '已提交');
  const exported = JSON.parse(await page.textContent('#f3 [data-export]'));
  assert.equal(exported.phone, '139****5678');
  assert.equal(exported.away_members[0].phone, '023-****0226');
  assert.equal(exported.away_members[0].name, '张**');
  assert.deepEqual(exported.members.map((m) => m.name), ['张**', '李**']);
  assert.equal(exported.income, 12000.5);
  assert.equal(exported.has_away_members, true);
});

test('clearing the form starts again', async () => {
  await page.click('#f3 button[type=reset]');
  await page.waitForFunction(() => !document.querySelector('#f3 [data-list="away_members"]'));
  assert.equal(await page.isVisible('#f3 [data-result]'), false);
  assert.equal(await message('f3', 'residence'), '');
  assert.equal(await summary('f3'), PENDING);
  assert.equal(await summaryState('f3'), 'pending');
});

/** The width of a PNG file, from its header. */
const pngWidth = (file) => fs.readFileSync(file).readUInt32BE(16);

/** What sticks out of the viewport sideways: elements cut off at the right or the left. */
const cutOff = (p) => p.evaluate(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('input, select, textarea, label, th, td, button, .err, .summary, h1, h2')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left < -0.5 || r.right > width + 0.5) out.push(`${el.tagName.toLowerCase()}[${el.name || el.dataset.label || el.textContent.trim().slice(0, 10)}] ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return { width, scrollWidth: document.documentElement.scrollWidth, out };
});

test('at 1280 and 390 px wide nothing is cut off; screenshots of both', async (t) => {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    const p = await context.newPage();
    try {
      await p.setViewportSize({ width, height });
      await p.goto(url);
      await p.waitForSelector('body[data-ready="true"]');
      for (const form of ['f1', 'f3']) {
        if (form === 'f3') await p.click('#tab-f3');
        const untouched = path.join(SHOTS, `${form}-${width}.png`);
        await p.screenshot({ path: untouched, fullPage: true });
        assert.equal(pngWidth(untouched), width, `${untouched}: the page is as wide as the screen`);
        // With every message shown (a submit) and, on F3, a member working away.
        if (form === 'f3') await p.locator('#f3 [name="has_away_members"]').check();
        await p.click(`#${form} button[type=submit]`);
        const layout = await cutOff(p);
        assert.equal(layout.scrollWidth, width, `${form} at ${width}: no horizontal scrolling`);
        assert.deepEqual(layout.out, [], `${form} at ${width}: cut off`);
        assert.match(await p.textContent(`#${form} [data-summary]`), /^共 \d+ 处需要修改$/);
        const submitted = path.join(SHOTS, `${form}-${width}-submitted.png`);
        await p.screenshot({ path: submitted, fullPage: true });
        assert.equal(pngWidth(submitted), width, submitted);
      }
    } finally {
      await p.close();
    }
  }
  t.diagnostic(`screenshots: ${SHOTS}`);
});

test('nothing was fetched from elsewhere and the page logged no error', () => {
  assert.deepEqual(problems, []);
});
