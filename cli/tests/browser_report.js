'use strict';
// The HTML pages of `liaison check --format html` and `liaison agenda --format html` in
// headless Chromium, opened from files as an inspector opens them (offline): nothing is
// fetched, no script runs, Chinese renders in a CJK font (asked of Chromium itself through
// the DevTools protocol), the SVG trends are drawn, every finding's <details> opens on its
// period and figures, printing (A4) shows them all, and screenshots are taken.
//
//   node cli/tests/browser_report.js REPORT.html AGENDA.html SCREENSHOT_DIR
//
// Needs playwright-core (bindings-wasm/node_modules, `npm ci`), Debian's Chromium at
// /usr/bin/chromium (or CHROMIUM=path) and a CJK font (fonts-wqy-microhei or
// fonts-noto-cjk). A missing one is a failure, never a skip. `make test-http` runs it.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, before, after } = require('node:test');

const ROOT = path.resolve(__dirname, '..', '..');
const { chromium } = require(path.join(ROOT, 'bindings-wasm', 'node_modules', 'playwright-core'));

const [REPORT, AGENDA, SHOTS] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Debian's Chromium on these machines needs these flags, and a fresh profile under a temporary TMPDIR.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
// Families that hold Chinese glyphs (Debian's fonts-wqy-*, fonts-noto-cjk, fonts-arphic-*).
const CJK_FONT = /CJK|WenQuanYi|wqy|Hei|Song|Kai|Ming|Han Sans|Han Serif|AR PL/i;

let tmp;
let context;
const problems = [];

before(async () => {
  assert.ok(REPORT && AGENDA && SHOTS, 'usage: node browser_report.js REPORT.html AGENDA.html SCREENSHOT_DIR');
  assert.ok(fs.existsSync(CHROMIUM),
    `Chromium is missing at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  fs.mkdirSync(SHOTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-report-'));
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    env: { ...process.env, TMPDIR: tmp },
    viewport: { width: 1200, height: 900 },
    locale: 'zh-CN',
    javaScriptEnabled: true, // for the test's own page.evaluate; the pages carry none
  });
  // Offline: nothing may be fetched but the page itself.
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file://') || u.startsWith('data:')) return route.continue();
    problems.push(`a request leaves the page: ${u}`);
    return route.abort();
  });
});

after(async () => {
  if (context) await context.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(file) {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => problems.push(`console ${m.type()}: ${m.text()}`));
  await page.goto(`file://${path.resolve(file)}`);
  await page.waitForLoadState('load');
  return page;
}

/** The font families Chromium used to draw the text of the first element matching `selector`. */
async function fontsOf(page, selector) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  assert.ok(nodeId, `no ${selector}`);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

async function assertChineseFont(page, selector) {
  const fonts = await fontsOf(page, selector);
  const cjk = fonts.filter((f) => CJK_FONT.test(f.familyName) && f.glyphCount > 0);
  assert.ok(cjk.length > 0,
    `${selector}: Chinese is not drawn in a CJK font (fonts used: ${JSON.stringify(fonts)}); install fonts-wqy-microhei or fonts-noto-cjk`);
}

test('the check report: offline, Chinese, ranked units, SVG trends, details, A4 print', async () => {
  const html = fs.readFileSync(REPORT, 'utf8');
  assert.ok(!/<script/i.test(html), 'no script');
  assert.ok(!/(src|href)\s*=\s*["']?https?:/i.test(html), 'no external file');
  const page = await open(REPORT);
  assert.match(await page.textContent('h1'), /联系服务群众五项制度落实情况/);
  await assertChineseFont(page, 'h1');
  await assertChineseFont(page, 'h2');

  // Units worst first: the first row's badge is the most severe of all.
  const worst = await page.$$eval('table tr td:nth-child(2) .sev', (els) => els.map((e) => e.className));
  const level = (c) => Number((c.match(/s(\d)/) || [0, 0])[1]);
  const levels = worst.map(level);
  assert.ok(levels.length > 3, 'a units table');
  for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i - 1] >= levels[i], `units not ranked: ${levels}`);

  // One drawn SVG chart per unit.
  const charts = await page.$$eval('figure.mini svg', (svgs) => svgs.map((s) => {
    const box = s.getBoundingClientRect();
    return { w: box.width, h: box.height, bars: s.querySelectorAll('rect').length };
  }));
  assert.equal(charts.length, levels.length, 'one chart per unit');
  for (const c of charts) assert.ok(c.w > 100 && c.h > 30 && c.bars > 0, JSON.stringify(c));

  // Findings: closed <details>; opened, each shows its period, expected and actual with units.
  const details = await page.$$('details.finding');
  assert.ok(details.length > 10, `${details.length} findings`);
  const first = details[0];
  assert.equal(await first.$eval('dl', (dl) => dl.checkVisibility()), false, 'closed until asked');
  await first.$eval('summary', (s) => s.click());
  const opened = await first.$eval('dl', (dl) => ({
    shown: dl.checkVisibility(), h: dl.getBoundingClientRect().height, text: dl.innerText,
  }));
  assert.ok(opened.shown && opened.h > 40, 'opens');
  assert.match(opened.text, /期间/);
  assert.match(opened.text, /应达[\s\S]*\d+ (次|元|天|年|%|人|件|份|步|票|个|项)/);
  assert.match(opened.text, /实际/);
  const money = await page.$$eval('details.finding dd', (dds) => dds.map((d) => d.textContent).filter((t) => /元/.test(t)));
  assert.ok(money.some((t) => /\d+\.\d\d 元/.test(t)), `money in yuan: ${money}`);
  await page.locator('#findings').screenshot({ path: path.join(SHOTS, 'report-findings.png') });
  await first.$eval('summary', (s) => s.click());
  await page.screenshot({ path: path.join(SHOTS, 'report-top.png') });
  await page.locator('#trends').screenshot({ path: path.join(SHOTS, 'report-trends.png') });
  await page.locator('#not-judged').screenshot({ path: path.join(SHOTS, 'report-not-judged.png') });
  await page.screenshot({ path: path.join(SHOTS, 'report-full.png'), fullPage: true });

  // The records not judged, with their reasons in Chinese.
  assert.match(await page.textContent('body'), /无法评判的记录/);

  // Print (A4): every finding's details shown without a click.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.$$eval('details.finding dl', (dls) => dls.filter((dl) => dl.checkVisibility()).length);
  assert.equal(printed, details.length, 'printing shows every finding');
  await page.screenshot({ path: path.join(SHOTS, 'report-print.png'), fullPage: true });
  // The first A4 page as printed: 210 mm at 96 dpi less the margins is about 703 px.
  await page.setViewportSize({ width: 703, height: 1030 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'report-a4.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the printed page is ${overflow}px wider than A4`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.writeFileSync(path.join(SHOTS, 'report.pdf'), pdf);
  const text = pdf.toString('latin1');
  assert.ok(text.startsWith('%PDF-'), 'a PDF');
  // A4 is 595.28 × 841.89 points; several pages.
  const boxes = [...text.matchAll(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length > 1, `pages: ${boxes.length}`);
  for (const [w, h] of boxes) assert.ok(Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1, `not A4: ${w} × ${h}`);
  await page.close();
});

test('the agenda page: offline, Chinese, one row per item', async () => {
  const html = fs.readFileSync(AGENDA, 'utf8');
  assert.ok(!/<script/i.test(html), 'no script');
  const page = await open(AGENDA);
  assert.match(await page.textContent('h1'), /待办事项/);
  await assertChineseFont(page, 'h1');
  const rows = await page.$$('table tr');
  assert.ok(rows.length > 2, `${rows.length} rows`);
  await page.screenshot({ path: path.join(SHOTS, 'agenda.png'), fullPage: true });
  await page.close();
});

test('nothing was fetched and nothing was logged', () => {
  assert.deepEqual(problems, []);
});
