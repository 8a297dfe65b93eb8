// `liaison-rules/wasm` and `liaison-rules/forms/wasm`: the WebAssembly file of the full and of
// the forms-only build, for a bundler's loader. What the import gives depends on the loader:
// a URL (esbuild `--loader:.wasm=file`, Vite `?url`) or the bytes (esbuild
// `--loader:.wasm=binary`). Hand it to `init({ module_or_path: wasm })`.
declare const wasm: string | Uint8Array;
export default wasm;
