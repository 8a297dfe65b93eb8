// liaison-rules as an ES module in Node (the "node" + "import" condition of package.json):
// the web build of this folder, its WebAssembly read from beside this file when the module
// is first imported, so that every function works at once, as with `require`. `init()`
// resolves at once, so code written for the browser (`await init()`) runs unchanged.
//
// In a bundle, where the .wasm file is not beside this module, nothing is loaded at import:
// `init(source)` loads it from what the bundler hands over — the bytes (esbuild
// `--loader:.wasm=binary`), or a path or `file:` URL (esbuild `--loader:.wasm=file`, read
// relative to the bundle) — see the package README.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import load, { initSync } from './index.js';

export * from './index.js';

/** A URL beside this module, or null where there is no `import.meta.url` (a CommonJS bundle). */
function beside(name) {
  try {
    return new URL(name, import.meta.url);
  } catch {
    return null;
  }
}

const file = beside('./index_bg.wasm');
let ready = file && file.protocol === 'file:' && existsSync(file)
  ? initSync({ module: readFileSync(file) })
  : undefined;

/**
 * Loads the WebAssembly module, once. In Node it is loaded at import and this resolves at
 * once; given a source (bytes, a compiled module, a path or a `file:` or `http(s):` URL, or
 * `{ module_or_path }` as wasm-bindgen's init takes it) it loads from there when it was not.
 */
export default async function init(source) {
  if (ready) return ready;
  let input = source !== null && typeof source === 'object' && Object.getPrototypeOf(source) === Object.prototype
    ? source.module_or_path
    : source;
  input = await input;
  if (input === undefined || input === null) {
    if (!file || file.protocol !== 'file:' || !existsSync(file)) {
      throw new Error('liaison-rules: index_bg.wasm is not beside the module (a bundle?): pass the file to init(), '
        + "e.g. import wasm from 'liaison-rules/wasm' with esbuild --loader:.wasm=binary, then await init({ module_or_path: wasm })");
    }
    input = file;
  }
  if (typeof input === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(input)) input = beside(input) || input;
  if (input instanceof URL && input.protocol === 'file:') input = await readFile(input);
  ready = await load({ module_or_path: input });
  return ready;
}
