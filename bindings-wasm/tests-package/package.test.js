'use strict';
// The npm package as a user gets it: `npm pack` of bindings-wasm/pkg (build it first: bash
// bindings-wasm/build.sh), installed from the tarball into a fresh project in a temporary
// folder (`npm install --offline`: the package has no dependencies), then used there the
// ways its README shows: CommonJS `require`, ES module `import` with and without `await
// init()`, `tsc --strict` on consumers (Node ESM and CommonJS, a bundler project, the old
// node10 resolution), esbuild bundles run in Node from a folder without node_modules, and a
// Vite build and an esbuild browser bundle loaded in headless Chromium. The tools are the
// ones `npm ci` installed in bindings-wasm/node_modules; nothing else is downloaded.
// Run: node --test bindings-wasm/tests-package/
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const HERE = path.join(__dirname, '..');
const PKG = path.join(HERE, 'pkg');
const TOOLS = path.join(HERE, 'node_modules');
const NODE = process.execPath;
const TSC = path.join(TOOLS, 'typescript', 'bin', 'tsc');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let tmp;
let app;
let packed;

/** Runs a command in `cwd`, failing with its output when it fails; answers its stdout. */
function run(cmd, args, cwd, env = {}) {
  try {
    return execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const tail = (text) => String(text || '').slice(-3000);
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${tail(e.stdout)}\n${tail(e.stderr)}`);
  }
}

/** Writes the files of an object {relative path: text} under `dir`. */
function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** The JSON a script prints as its last line. */
const lastJson = (out) => JSON.parse(out.trim().split('\n').pop());

// What every consumer checks: the same answers from every entry point.
const EXPECTED = {
  due: '2008-10-06',
  vote: 'adopted',
  valid: false,
  code: 'invalid_count',
  loc: ['satisfied'],
  name: 'LiaisonError',
};

before(() => {
  assert.ok(fs.existsSync(path.join(PKG, 'package.json')), 'build the package first: bash bindings-wasm/build.sh');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-package-'));
  packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], PKG))[0];
  app = path.join(tmp, 'app');
  write(app, { 'package.json': JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }) });
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp, packed.filename)], app);
});

after(() => {
  if (tmp && !process.env.LIAISON_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the tarball: one package liaison-rules, licence, README, exports, only what is needed', () => {
  assert.equal(packed.name, 'liaison-rules');
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['package.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'wasm.d.ts',
    'node/index.js', 'node/index.d.ts', 'node-forms/index.js', 'web/index.js', 'web/index.d.ts', 'web/node.js',
    'web/node.d.ts', 'web/index_bg.wasm', 'web-forms/index.js', 'web-forms/node.js', 'web-forms/index_bg.wasm']) {
    assert.ok(files.includes(f), `${f} in the tarball`);
  }
  // One .wasm per build: the CommonJS glue loads the ES module's file.
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), ['web-forms/index_bg.wasm', 'web/index_bg.wasm']);
  const meta = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'liaison-rules', 'package.json'), 'utf8'));
  assert.equal(meta.license, 'MIT OR Apache-2.0');
  assert.equal(meta.private, undefined);
  const cargo = fs.readFileSync(path.join(HERE, '..', 'Cargo.toml'), 'utf8');
  assert.equal(meta.version, /^version = "([^"]+)"/m.exec(cargo)[1], 'the workspace version');
  assert.deepEqual(Object.keys(meta.exports), ['.', './forms', './wasm', './forms/wasm', './package.json']);
  assert.ok(fs.readFileSync(path.join(app, 'node_modules', 'liaison-rules', 'README.md'), 'utf8').includes('--loader:.wasm='));
  // No folder is a package of its own any more: only the module type is set there.
  for (const dir of ['node', 'node-forms', 'web', 'web-forms']) {
    const sub = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'liaison-rules', dir, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(sub), ['type'], dir);
  }
  assert.ok(packed.size < 700 * 1024, `the tarball is ${packed.size} bytes`);
});

// The check every consumer script runs, as source text: `lib` is the package's module.
const CHECK = `
function answers(lib) {
  let error;
  try { lib.grade(-1); } catch (e) { error = e; }
  return {
    due: lib.deadline('2008-09-25', 'within_remit'),
    vote: lib.decideVote(20, 10, 0),
    valid: lib.validateForm('reception_record', {}).valid,
    code: error.code, loc: error.loc, name: error.name,
  };
}`;

test('CommonJS: require("liaison-rules") and require("liaison-rules/forms") work at once', () => {
  write(app, {
    'cjs.cjs': `${CHECK}
const lib = require('liaison-rules');
const forms = require('liaison-rules/forms');
const out = { full: answers(lib), forms: answers(forms) };
out.check = typeof lib.check;
out.formsCheck = typeof forms.check;
out.findings = lib.check({}, '2009-01-01', '2009-12-31', '2010-01-01').findings.length;
console.log(JSON.stringify(out));`,
  });
  const out = lastJson(run(NODE, ['cjs.cjs'], app));
  assert.deepEqual(out.full, EXPECTED);
  assert.deepEqual(out.forms, EXPECTED);
  assert.equal(out.check, 'function');
  assert.equal(out.formsCheck, 'undefined', 'the forms build has no check');
  assert.equal(out.findings, 0);
});

test('ES module in Node: import works at once, and `await init()` (written for the browser) too', () => {
  write(app, {
    'esm.mjs': `${CHECK}
import * as direct from 'liaison-rules';
import init, { initSync, deadline } from 'liaison-rules';
import initForms, * as forms from 'liaison-rules/forms';
const before = answers(direct);
const loaded = await init();
const again = await init();
await initForms();
console.log(JSON.stringify({
  before, after: answers(direct), forms: answers(forms), same: loaded === again && loaded !== undefined,
  sync: typeof initSync, due: deadline('2008-12-22', 1), formsCheck: typeof forms.check,
}));`,
  });
  const out = lastJson(run(NODE, ['esm.mjs'], app));
  assert.deepEqual(out.before, EXPECTED, 'before init()');
  assert.deepEqual(out.after, EXPECTED);
  assert.deepEqual(out.forms, EXPECTED);
  assert.equal(out.same, true);
  assert.equal(out.sync, 'function');
  assert.equal(out.due, '2009-01-04');
  assert.equal(out.formsCheck, 'undefined');
});

test('tsc --strict: Node ESM and CommonJS, a bundler project, node10 resolution', () => {
  const consumer = (from, forms) => `
import init, { deadline, validateForm, check, call, type LiaisonError, type Report, type Validation, type IsoDate } from '${from}';
import * as formsOnly from '${forms}';
await init();
const due: IsoDate = deadline('2008-09-25', 'within_remit');
const v: Validation = validateForm('reception_record', {});
const r: Report = check({}, '2009-01-01', '2009-12-31', '2010-01-01');
const viaCall: IsoDate = call('deadline', { received: '2008-09-25', responsibility: 1 });
let code = '';
try { deadline('x', 1); } catch (e) { code = (e as LiaisonError).code; }
const formsValidation: Validation = formsOnly.validateForm('visit_diary', {});
// @ts-expect-error the forms-only build has no check
formsOnly.check({}, '2009-01-01', '2009-12-31', '2010-01-01');
// @ts-expect-error a date is text
deadline(20080925, 1);
export const out = [due, v.valid, r.findings.length, viaCall, formsValidation.valid, code];
`;
  const base = { strict: true, noEmit: true, skipLibCheck: false, types: [], target: 'ES2022' };
  write(app, {
    'ts/node-esm/consumer.mts': consumer('liaison-rules', 'liaison-rules/forms'),
    'ts/node-esm/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16', lib: ['ES2022'] }, files: ['consumer.mts'] }),
    'ts/node-cjs/consumer.cts': `
import { deadline, check, type Report } from 'liaison-rules';
import * as formsOnly from 'liaison-rules/forms';
import wasm from 'liaison-rules/wasm';
const due: string = deadline('2008-09-25', 1);
const r: Report = check({}, '2009-01-01', '2009-12-31', '2010-01-01');
// @ts-expect-error the forms-only build has no agenda
formsOnly.agenda({}, '2010-01-01');
const file: string | Uint8Array = wasm;
export const out = [due, r, file];
`,
    'ts/node-cjs/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16', lib: ['ES2022'] }, files: ['consumer.cts'] }),
    'ts/bundler/consumer.ts': `${consumer('liaison-rules', 'liaison-rules/forms')}
import wasm from 'liaison-rules/wasm';
import formsWasm from 'liaison-rules/forms/wasm';
await init({ module_or_path: wasm });
await formsOnly.default({ module_or_path: formsWasm });
`,
    'ts/bundler/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'] }, files: ['consumer.ts'] }),
    'ts/node10/consumer.ts': `
import { deadline, type Report } from 'liaison-rules';
import { validateForm } from 'liaison-rules/forms';
const due: string = deadline('2008-09-25', 1);
const valid: boolean = validateForm('reception_record', {}).valid;
export const out: [string, boolean, Report | null] = [due, valid, null];
`,
    'ts/node10/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, module: 'commonjs', moduleResolution: 'node10', lib: ['ES2022'] }, files: ['consumer.ts'] }),
  });
  for (const project of ['node-esm', 'node-cjs', 'bundler', 'node10']) {
    run(NODE, [TSC, '-p', path.join(app, 'ts', project)], app);
  }
  // The check can fail: a wrong type is an error.
  write(app, {
    'ts/wrong/consumer.mts': "import { grade } from 'liaison-rules';\ngrade('3');\n",
    'ts/wrong/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16', lib: ['ES2022'] }, files: ['consumer.mts'] }),
  });
  assert.throws(() => run(NODE, [TSC, '-p', path.join(app, 'ts', 'wrong')], app), /TS2345/);
});

/**
 * The ```js blocks of a Markdown text that use only this package (no bundler file import,
 * no other package), each as a script: a line `expression; // value` checks that the
 * expression gives the value when the comment reads as a JS literal (a trailing remark in
 * parentheses left off), and runs it otherwise.
 */
function snippets(markdown) {
  const out = [];
  for (const [, body] of markdown.matchAll(/```js\n([\s\S]*?)```/g)) {
    const imports = [...body.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    if (imports.length === 0 || !imports.every((i) => i === 'liaison-rules' || i === 'liaison-rules/forms')) continue;
    const lines = body.split('\n').map((line, n) => {
      const m = /^([^/'"]*?\S.*?);\s*\/\/\s*(.+)$/.exec(line);
      if (!m || /^\s*(import|const|let|var|await|try|export)\b/.test(m[1])) return line;
      return `__expect(() => (${m[1]}), ${JSON.stringify(m[2])}, ${n + 1});`;
    });
    out.push({ esm: /^\s*(import|export)\b/m.test(body), code: lines.join('\n') });
  }
  return out;
}

const EXPECT = `
const __assert = require('node:assert/strict');
function __expect(run, comment, line) {
  const got = run();
  let want;
  for (const text of [comment, comment.replace(/\\s*\\([^)]*\\)\\s*$/, '')]) {
    try { want = (0, eval)('(' + text + ')'); break; } catch { want = undefined; }
  }
  if (want !== undefined) __assert.deepEqual(got, want, 'line ' + line + ': ' + comment);
  globalThis.__checked = (globalThis.__checked || 0) + (want !== undefined ? 1 : 0);
}
process.on('exit', () => console.log(JSON.stringify({ checked: globalThis.__checked || 0 })));
`;

test('the README snippets (the repository\'s JavaScript section, the package README) run as written', () => {
  const root = fs.readFileSync(path.join(HERE, '..', 'README.md'), 'utf8');
  const section = root.slice(root.indexOf('## JavaScript'), root.indexOf('\n## ', root.indexOf('## JavaScript') + 3));
  const readme = fs.readFileSync(path.join(HERE, 'npm', 'README.md'), 'utf8');
  let checked = 0;
  let ran = 0;
  for (const [name, text] of [['README', section], ['npm-README', readme]]) {
    snippets(text).forEach(({ esm, code }, i) => {
      const file = `snippet-${name}-${i}.${esm ? 'mjs' : 'cjs'}`;
      const prelude = esm ? `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${EXPECT}` : EXPECT;
      write(app, { [file]: `${prelude}\n${code}` });
      checked += lastJson(run(NODE, [file], app)).checked;
      ran += 1;
    });
  }
  assert.ok(ran >= 4, `${ran} snippets ran`);
  assert.ok(checked >= 8, `${checked} commented values checked`);
});

// The app a bundler packs: the wasm file imported explicitly, as the package README shows.
const BUNDLED = (from) => `${CHECK}
import init, * as lib from '${from}';
import wasm from '${from}/wasm';
await init({ module_or_path: wasm });
console.log(JSON.stringify({ ...answers(lib), check: typeof lib.check }));`;

/** Bundles `entry` with esbuild (from bindings-wasm/node_modules) into `outdir`. */
function esbuild(entry, outdir, options) {
  const { buildSync } = require(path.join(TOOLS, 'esbuild'));
  return buildSync({
    entryPoints: [path.join(app, entry)], bundle: true, format: 'esm', outdir,
    absWorkingDir: app, logLevel: 'silent', metafile: true, ...options,
  });
}

/** Runs a bundle from a fresh folder with no node_modules: the bundle must hold it all. */
function runAlone(outdir) {
  const alone = fs.mkdtempSync(path.join(tmp, 'alone-'));
  fs.cpSync(outdir, alone, { recursive: true });
  const entry = fs.readdirSync(alone).find((f) => f.endsWith('.js'));
  return lastJson(run(NODE, [path.join(alone, entry)], alone));
}

test('esbuild: bundles with the wasm inlined (--loader:.wasm=binary) run in Node, for Node and for browsers', () => {
  // esbuild 0.28 decodes an inlined file with Uint8Array.fromBase64 unless the target lacks
  // it, as Node 20 and 22 do: the README says to name the target.
  write(app, { 'bundle/full.mjs': BUNDLED('liaison-rules'), 'bundle/forms.mjs': BUNDLED('liaison-rules/forms') });
  const sizes = {};
  for (const platform of ['node', 'browser']) {
    for (const which of ['full', 'forms']) {
      const outdir = path.join(tmp, 'out', `${platform}-binary-${which}`);
      const target = platform === 'node' ? 'node20' : 'es2022';
      esbuild(`bundle/${which}.mjs`, outdir, { platform, target, loader: { '.wasm': 'binary' } });
      fs.writeFileSync(path.join(outdir, 'package.json'), '{"type": "module"}');
      const out = runAlone(outdir);
      assert.deepEqual({ ...out, check: undefined }, { ...EXPECTED, check: undefined }, `${platform} ${which}`);
      assert.equal(out.check, which === 'full' ? 'function' : 'undefined');
      sizes[`${platform}-${which}`] = fs.statSync(path.join(outdir, `${which}.js`)).size;
    }
  }
  // The forms bundle carries the forms-only wasm.
  assert.ok(sizes['browser-forms'] < sizes['browser-full'] * 0.7, JSON.stringify(sizes));
});

test('esbuild: --loader:.wasm=file copies the wasm beside the bundle, and a Node bundle loads it from there', () => {
  const outdir = path.join(tmp, 'out', 'node-file');
  const result = esbuild('bundle/full.mjs', outdir, { platform: 'node', loader: { '.wasm': 'file' } });
  const emitted = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.wasm'));
  assert.equal(emitted.length, 1, 'one .wasm file emitted');
  fs.writeFileSync(path.join(outdir, 'package.json'), '{"type": "module"}');
  const out = runAlone(outdir);
  assert.deepEqual({ ...out, check: undefined }, { ...EXPECTED, check: undefined });
});

/** Serves `dir` on 127.0.0.1 (with the wasm MIME type); resolves to { server, url }. */
function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

/** Opens each page in headless Chromium and answers what each wrote into its <pre>. */
async function inChromium(pages) {
  assert.ok(fs.existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}`);
  const { chromium } = require(path.join(TOOLS, 'playwright-core'));
  const profile = fs.mkdtempSync(path.join(tmp, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, env: { ...process.env, TMPDIR: profile },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const out = [];
  try {
    for (const url of pages) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector('pre')?.textContent, null, { timeout: 20000 })
        .catch(() => assert.fail(`${url}: nothing written; errors: ${errors.join('; ')}`));
      out.push(JSON.parse(await page.textContent('pre')));
      await page.close();
    }
  } finally {
    await context.close();
  }
  return out;
}

// The browser app: `await init()` with no argument, the wasm found by the bundler.
const PAGE_SCRIPT = (from) => `${CHECK}
import init, * as lib from '${from}';
await init();
const pre = document.createElement('pre');
pre.textContent = JSON.stringify({ ...answers(lib), check: typeof lib.check });
document.body.append(pre);`;

test('Vite (build) and an esbuild browser bundle (--loader:.wasm=file) load the wasm in Chromium', async () => {
  const { build } = await import(pathToFileURL(path.join(TOOLS, 'vite', 'dist', 'node', 'index.js')).href);
  const html = (script) => `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="${script}"></script></body></html>`;
  write(app, {
    'vite/index.html': html('./main.js'),
    'vite/main.js': PAGE_SCRIPT('liaison-rules'),
    'vite/forms.html': html('./forms.js'),
    'vite/forms.js': PAGE_SCRIPT('liaison-rules/forms'),
    'esb/index.html': html('./full.js'),
    'esb/full.mjs': `${CHECK}
import init, * as lib from 'liaison-rules';
import wasm from 'liaison-rules/wasm';
await init({ module_or_path: wasm });
const pre = document.createElement('pre');
pre.textContent = JSON.stringify({ ...answers(lib), check: typeof lib.check });
document.body.append(pre);`,
  });
  const dist = path.join(tmp, 'out', 'vite');
  await build({
    root: path.join(app, 'vite'), base: './', logLevel: 'silent', configFile: false,
    build: { outDir: dist, emptyOutDir: true, target: 'es2022',
      rollupOptions: { input: { main: path.join(app, 'vite', 'index.html'), forms: path.join(app, 'vite', 'forms.html') } } },
  });
  const assets = fs.readdirSync(path.join(dist, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 2, `Vite emits both wasm files: ${assets}`);
  const esb = path.join(tmp, 'out', 'esbuild-browser');
  esbuild('esb/full.mjs', esb, { platform: 'browser', loader: { '.wasm': 'file' }, entryNames: 'full' });
  fs.copyFileSync(path.join(app, 'esb', 'index.html'), path.join(esb, 'index.html'));
  const { server, url } = await serve(tmp);
  try {
    const [full, forms, esbuilt] = await inChromium([`${url}out/vite/index.html`, `${url}out/vite/forms.html`, `${url}out/esbuild-browser/index.html`]);
    assert.deepEqual(full, { ...EXPECTED, check: 'function' }, 'Vite, liaison-rules');
    assert.deepEqual(forms, { ...EXPECTED, check: 'undefined' }, 'Vite, liaison-rules/forms');
    assert.deepEqual(esbuilt, { ...EXPECTED, check: 'function' }, 'esbuild, --loader:.wasm=file');
  } finally {
    server.close();
  }
});
