
/** What `init` loads the WebAssembly module from: bytes, a path or URL (`file:`, `http(s):`). */
export type InitSource = ArrayBuffer | ArrayBufferView | string | { readonly href: string };

/**
 * Loads the WebAssembly module, once. In Node it is read from the package when the module is
 * imported and this resolves at once, so code written for the browser (`await init()`) runs
 * unchanged; in a bundle, give it the module's bytes or file (see the package README).
 */
export default function init(module_or_path?: { module_or_path: InitSource | Promise<InitSource> } | InitSource | Promise<InitSource>): Promise<unknown>;

/** Loads the WebAssembly module from its bytes, at once (a no-op once loaded). */
export function initSync(module: { module: ArrayBuffer | ArrayBufferView } | ArrayBuffer | ArrayBufferView): unknown;
