#!/usr/bin/env bash
# `make test-http` (after the server's checks): what `liaison` writes for people, read by
# other programs. The agenda's calendar file parsed by the `icalendar` library from PyPI
# (agenda_ics.py); the HTML report of `check` and the agenda's page opened offline in
# headless Chromium with a CJK font, screenshots and an A4 PDF taken (browser_report.js).
#
#     bash cli/tests/reports_test.sh BINARY PYTHON SCREENSHOT_DIR
set -euo pipefail

BIN=${1:?usage: reports_test.sh BINARY PYTHON SCREENSHOT_DIR}
PY=${2:?usage: reports_test.sh BINARY PYTHON SCREENSHOT_DIR}
SHOTS=${3:?usage: reports_test.sh BINARY PYTHON SCREENSHOT_DIR}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

DATASET="$ROOT/examples/district.json"
AS_OF=2026-01-20

"$PY" "$ROOT/cli/tests/agenda_ics.py" "$BIN" "$DATASET" "$AS_OF"

status=0
"$BIN" check "$DATASET" --from 2023-01-01 --to 2025-12-31 --as-of "$AS_OF" --format html --output "$WORK/report.html" || status=$?
[ "$status" -eq 1 ] || { echo "reports: check exited $status, expected 1 (findings)" >&2; exit 1; }
"$BIN" agenda "$DATASET" --as-of "$AS_OF" --format html --output "$WORK/agenda.html"

mkdir -p "$SHOTS"
TMPDIR="$WORK" node "$ROOT/cli/tests/browser_report.js" "$WORK/report.html" "$WORK/agenda.html" "$SHOTS"
cp "$WORK/report.html" "$WORK/agenda.html" "$SHOTS/"
echo "reports: screenshots, the PDF and the pages in $SHOTS"
