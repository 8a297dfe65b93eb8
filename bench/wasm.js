// `make bench` (WebAssembly): size of the web build and calls per second in Node.
// A benchmark, not a test: it prints figures.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const liaison = require("../bindings-wasm/pkg/node/index.js");

const wasm = fs.readFileSync(path.join(__dirname, "../bindings-wasm/pkg/web/index_bg.wasm"));
const gz = zlib.gzipSync(wasm, { level: 9 });
console.log(`web build index_bg.wasm: ${wasm.length} bytes raw, ${gz.length} bytes gzipped (-9)`);
const forms = fs.readFileSync(path.join(__dirname, "../bindings-wasm/pkg/web-forms/index_bg.wasm"));
console.log(`forms-only web build (pkg/web-forms): ${forms.length} bytes raw, ${zlib.gzipSync(forms, { level: 9 }).length} bytes gzipped (-9)`);

function rate(label, n, fn) {
  for (let i = 0; i < Math.min(n, 1000); i++) fn(i); // warm up
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`${label.padEnd(48)} ${(n / s).toFixed(0).padStart(10)} calls/s`);
}

const days = ["2008-09-25", "2008-12-22", "2015-08-24", "2019-09-21"];
rate("deadline(received, class)", 200000, (i) => liaison.deadline(days[i & 3], (i & 3) + 1));
const record = JSON.parse(fs.readFileSync(path.join(__dirname, "reception_record.json"), "utf8"));
const bad = { ...record, visitor: { ...record.visitor, phone: "12345" } };
// Measure what the labels say: the record is valid, the other has exactly the bad phone.
assert.equal(liaison.validateForm("reception_record", record).valid, true);
assert.deepEqual(liaison.validateForm("reception_record", bad).errors.map((e) => e.code), ["invalid_phone"]);
rate("validateForm('reception_record', valid form)", 50000, () => liaison.validateForm("reception_record", record));
rate("validateForm('reception_record', bad phone)", 50000, () => liaison.validateForm("reception_record", bad));
rate("redact('reception_record', valid form)", 50000, () => liaison.redact("reception_record", record));
