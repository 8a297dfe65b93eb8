#!/usr/bin/env bash
# Builds the npm package liaison-rules (WebAssembly) into bindings-wasm/pkg/:
#   pkg/package.json   the package: conditional exports (see npm/package.json and npm/README.md)
#   pkg/node/          CommonJS for Node (`require`), with index.d.ts
#   pkg/web/           ES module for browsers and bundlers (`await init()`), with index.d.ts,
#                      and node.js, the ES module for Node (its wasm read at import)
#   pkg/web-forms/     the same ES modules without the operations a form page does not need
#   pkg/node-forms/    (see the feature `full` in Cargo.toml), for pages that fill in forms
# One .wasm file per build: the CommonJS glue loads the one in web/ or web-forms/.
# index.d.ts is wasm-bindgen's output with types.d.ts, the declarations generated from the
# contract's Rust types (core/tests/generated.rs keeps that file up to date).
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli at the version of the
# wasm-bindgen crate in Cargo.lock, and `npm ci` run in bindings-wasm/ (for wasm-opt).
# Run from anywhere; `npm pack` in pkg/ makes the tarball.
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
mkdir -p pkg
version="$(awk -F '"' '/^version = / { print $2; exit }' "$root/Cargo.toml")"
for kind in node web node-forms web-forms; do
    case "$kind" in node*) target=nodejs ;; *) target=web ;; esac
    case "$kind" in *forms) input="$forms_wasm" ;; *) input="$wasm" ;; esac
    wasm-bindgen --target "$target" --out-dir "pkg/$kind" --out-name index "$input"
done
for pair in node:web node-forms:web-forms; do
    cjs="pkg/${pair%%:*}"
    esm="${pair##*:}"
    # The CommonJS glue loads the ES module's .wasm: the same bytes, shipped once.
    if ! cmp -s "$cjs/index_bg.wasm" "pkg/$esm/index_bg.wasm"; then
        echo "build.sh: $cjs and pkg/$esm have different .wasm files; cannot share one" >&2
        exit 1
    fi
    rm "$cjs/index_bg.wasm" "$cjs/index_bg.wasm.d.ts"
    from='const wasmPath = `${__dirname}/index_bg.wasm`;'
    to='const wasmPath = `${__dirname}/../'"$esm"'/index_bg.wasm`;'
    if [[ "$(grep -cF "$from" "$cjs/index.js")" != 1 ]]; then
        echo "build.sh: wasm-bindgen's nodejs glue no longer reads \`$from\`" >&2
        exit 1
    fi
    node -e 'const fs = require("node:fs"); const [f, a, b] = process.argv.slice(1);
        fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(a, () => b));' "$cjs/index.js" "$from" "$to"
done

# types.d.ts declares every operation; the forms-only build leaves some out: drop the
# declarations of the functions its index.js does not export.
node - pkg/web-forms pkg/node-forms <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const js = fs.readFileSync(path.join(process.argv[2], 'index.js'), 'utf8');
const exported = new Set([...js.matchAll(/^export function (\w+)/gm)].map((m) => m[1]));
const declaration = /\n(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export function (\w+)[^\n]*\n/g;
for (const out of process.argv.slice(2)) {
  const dts = path.join(out, 'index.d.ts');
  fs.writeFileSync(dts, fs.readFileSync(dts, 'utf8').replace(declaration, (all, name) => (exported.has(name) ? all : '')));
}
JS

for kind in web web-forms; do
    out="pkg/$kind"
    # -O gives the smallest gzipped file here (-Oz saves 4 KB raw, costs 0.6 KB gzipped).
    # --low-memory-unused: Rust's wasm32 layout puts the stack (1 MiB, growing down) first
    # and the data above it, so no access falls in the low 1 KiB; wasm-opt then folds
    # constant offsets into loads and stores (1.5 KB gzipped off web-forms, 2.5 KB off web).
    "$wasm_opt" -O --low-memory-unused --strip-debug --strip-producers \
        "$out/index_bg.wasm" -o "$out/index_bg.wasm.opt"
    mv "$out/index_bg.wasm.opt" "$out/index_bg.wasm"
    # The ES module for Node: the same functions, the wasm read at import; its declarations
    # are the CommonJS build's (no DOM types) and init/initSync.
    cjs="pkg/node${kind#web}"
    cp npm/node.js "$out/node.js"
    cat "$cjs/index.d.ts" npm/node-init.d.ts > "$out/node.d.ts"
done

# Each folder's module type, so that no package.json above it decides; then the package.
for kind in node node-forms; do echo '{ "type": "commonjs" }' > "pkg/$kind/package.json"; done
for kind in web web-forms; do echo '{ "type": "module" }' > "pkg/$kind/package.json"; done
node -e 'const fs = require("node:fs"); const [from, to, version] = process.argv.slice(1);
    const p = JSON.parse(fs.readFileSync(from, "utf8")); p.version = version;
    fs.writeFileSync(to, JSON.stringify(p, null, 2) + "\n");' npm/package.json pkg/package.json "$version"
cp npm/README.md npm/wasm.d.ts LICENSE-MIT LICENSE-APACHE pkg/

for kind in web web-forms; do
    raw="$(wc -c < "pkg/$kind/index_bg.wasm")"
    gz="$(gzip -9 -c "pkg/$kind/index_bg.wasm" | wc -c)"
    echo "build.sh: pkg/$kind/index_bg.wasm is $raw bytes ($gz gzipped)"
done
echo "build.sh: pkg/ is the npm package liaison-rules@$version (npm pack in pkg/ for the tarball)"
