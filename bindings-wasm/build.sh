#!/usr/bin/env bash
# Builds the WebAssembly package of liaison into bindings-wasm/pkg/:
#   pkg/node/index.js  CommonJS for Node (`require`), with index.d.ts
#   pkg/web/index.js   ES module for browsers (`init()` / `initSync()`), with index.d.ts
#   pkg/web-forms/     the same ES module without the functions of the compliance part
#                      (check, checkDetailed, generateDistrict, rules, findingCodes), for
#                      pages that only validate forms
# index.d.ts is wasm-bindgen's output with types.d.ts, the declarations generated from the
# contract's Rust types (core/tests/generated.rs keeps that file up to date).
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli at the version of the
# wasm-bindgen crate in Cargo.lock, and `npm ci` run in bindings-wasm/ (for wasm-opt).
# Run from anywhere.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$here"

# --- tools -------------------------------------------------------------------------------
if command -v rustup >/dev/null 2>&1 \
    && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi

want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' "$root/Cargo.lock")"
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ -z "$want" || "$have" != "$want" ]]; then
    echo "build.sh: wasm-bindgen CLI ${have:-missing} does not match the crate ($want);" >&2
    echo "  run: cargo install wasm-bindgen-cli --version $want --force" >&2
    exit 1
fi

wasm_opt="$here/node_modules/.bin/wasm-opt"
if [[ ! -x "$wasm_opt" ]]; then
    echo "build.sh: $wasm_opt is missing; run \`npm ci\` in bindings-wasm/ first" >&2
    exit 1
fi

# --- compile -------------------------------------------------------------------------------
# Size options for this build only (the workspace profile also serves the Python module).
# overflow-checks stay on as the workspace sets them.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
cargo build -p liaison-wasm --release --target wasm32-unknown-unknown

target_dir="$(cargo metadata --format-version 1 --no-deps \
    | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => console.log(JSON.parse(s).target_directory))')"
wasm="$target_dir/wasm32-unknown-unknown/release/liaison_wasm.wasm"
# The forms-only build writes the same file name: keep the full one aside first.
full_wasm="$target_dir/liaison_wasm_full.wasm"
cp "$wasm" "$full_wasm"
cargo build -p liaison-wasm --release --target wasm32-unknown-unknown --no-default-features
forms_wasm="$target_dir/liaison_wasm_forms.wasm"
cp "$wasm" "$forms_wasm"
wasm="$full_wasm"

# --- bind and optimise -------------------------------------------------------------------
rm -rf pkg
version="$(awk -F '"' '/^version = / { print $2; exit }' "$root/Cargo.toml")"
for kind in node web web-forms; do
    if [[ "$kind" == node ]]; then target=nodejs; module=commonjs; else target=web; module=module; fi
    input="$wasm"
    if [[ "$kind" == web-forms ]]; then input="$forms_wasm"; fi
    out="pkg/$kind"
    wasm-bindgen --target "$target" --out-dir "$out" --out-name index "$input"
    if [[ "$kind" == web-forms ]]; then
        # types.d.ts declares every operation; this build leaves some out: drop the
        # declarations of the functions its index.js does not export.
        node - "$out" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const out = process.argv[2];
const js = fs.readFileSync(path.join(out, 'index.js'), 'utf8');
const exported = new Set([...js.matchAll(/^export function (\w+)/gm)].map((m) => m[1]));
const dts = path.join(out, 'index.d.ts');
const declaration = /\n(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export function (\w+)[^\n]*\n/g;
fs.writeFileSync(dts, fs.readFileSync(dts, 'utf8').replace(declaration, (all, name) => (exported.has(name) ? all : '')));
JS
    fi
    # -O gives the smallest gzipped file here (-Oz saves under 1 KB raw, costs 0.5 KB gzipped).
    "$wasm_opt" -O --strip-debug --strip-producers "$out/index_bg.wasm" -o "$out/index_bg.wasm.opt"
    mv "$out/index_bg.wasm.opt" "$out/index_bg.wasm"
    # The package's own module type, so that no package.json above it decides.
    cat > "$out/package.json" <<EOF
{
  "name": "liaison-wasm",
  "version": "$version",
  "private": true,
  "type": "$module",
  "main": "index.js",
  "types": "index.d.ts"
}
EOF
done

raw="$(wc -c < pkg/web/index_bg.wasm)"
gz="$(gzip -9 -c pkg/web/index_bg.wasm | wc -c)"
echo "build.sh: pkg/node and pkg/web built; index_bg.wasm is $raw bytes ($gz gzipped)"
raw="$(wc -c < pkg/web-forms/index_bg.wasm)"
gz="$(gzip -9 -c pkg/web-forms/index_bg.wasm | wc -c)"
echo "build.sh: pkg/web-forms built; index_bg.wasm is $raw bytes ($gz gzipped)"
