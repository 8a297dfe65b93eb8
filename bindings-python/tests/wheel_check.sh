#!/usr/bin/env bash
# make test-wheel: the release wheel as an analyst installs it. A fresh venv, `pip install
# 'liaison_rules-….whl[pandas]'`, then, from a folder outside this checkout holding only
# examples/district.json, wheel_check.py: the wheel's tags, metadata, licences, stripping and
# glibc floor, and the README's Python snippet with the results its comments state;
# finally `auditwheel show` on the wheel.
#
# Usage: wheel_check.sh WHEEL_DIR PYTHON   (PYTHON: a Python with auditwheel, the build venv's)
set -euo pipefail

wheels=$(cd "$1" && pwd)
python=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

shopt -s nullglob
found=("$wheels"/liaison_rules-*.whl)
if [ "${#found[@]}" -ne 1 ]; then
    echo "wheel_check: expected one liaison_rules wheel in $wheels, found ${#found[@]} (make wheel)" >&2
    exit 1
fi
wheel=${found[0]}
echo "wheel_check: $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"
"$python" -m zipfile -l "$wheel"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel[pandas]"

mkdir -p "$work/analyst/examples"
cp "$root/examples/district.json" "$work/analyst/examples/"
(cd "$work/analyst" && "$work/venv/bin/python" "$root/bindings-python/tests/wheel_check.py" "$wheel" "$root/README.md")

# auditwheel's own reading of the platform tag the wheel can claim.
shown=$("$python" -m auditwheel show "$wheel")
echo "$shown"
if ! grep -q 'manylinux_2_17_x86_64' <<<"$shown"; then
    echo "wheel_check: auditwheel does not find the wheel consistent with manylinux_2_17_x86_64" >&2
    exit 1
fi
echo "wheel_check: passed"
