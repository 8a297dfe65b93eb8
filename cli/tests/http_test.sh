#!/usr/bin/env bash
# `make test-http`: starts `liaison serve` on a free port, runs every shared vector over
# HTTP (http_vectors.py), validates the OpenAPI document it serves (openapi-spec-validator),
# runs the Java example (and the PHP one where PHP is installed), then sends SIGTERM and
# checks that the server exits 0. The server is killed on any failure.
#
#     bash cli/tests/http_test.sh BINARY PYTHON
set -euo pipefail

BIN=${1:?usage: http_test.sh BINARY PYTHON}
PY=${2:?usage: http_test.sh BINARY PYTHON}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
SERVER=""

cleanup() {
    if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
        kill -KILL "$SERVER" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "test-http: FAILED: $*" >&2
    echo "--- server log (last 20 lines) ---" >&2
    tail -n 20 "$WORK/server.err" >&2 || true
    exit 1
}

: >"$WORK/server.out"
"$BIN" serve --listen 127.0.0.1:0 >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER=$!

# The first stdout line names the address; wait for it (at most 10 s), then for /healthz.
URL=""
for _ in $(seq 1 200); do
    if read -r first <"$WORK/server.out" 2>/dev/null && [ -n "$first" ]; then
        URL=${first#listening on }
        break
    fi
    kill -0 "$SERVER" 2>/dev/null || fail "the server exited at start"
    sleep 0.05
done
[ -n "$URL" ] || fail "the server printed no address in 10 s"
"$PY" - "$URL" <<'EOF' || fail "GET /healthz did not answer"
import json, sys, time, urllib.request
for _ in range(100):
    try:
        with urllib.request.urlopen(sys.argv[1] + "/healthz", timeout=2) as r:
            if json.load(r) == {"status": "ok"}:
                sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
EOF
echo "test-http: server at $URL"

"$PY" "$ROOT/cli/tests/http_vectors.py" "$URL" || fail "vectors over HTTP"

"$PY" - "$URL" <<'EOF' || fail "the OpenAPI document is not valid"
import json, sys, urllib.request
from openapi_spec_validator import validate
with urllib.request.urlopen(sys.argv[1] + "/v1/openapi.json", timeout=10) as r:
    doc = json.load(r)
assert doc["openapi"].startswith("3.1"), doc["openapi"]
validate(doc)  # raises on an invalid document; the version (3.1) is detected from it
print(f"openapi: {len(doc['paths'])} paths, {len(doc['components']['schemas'])} schemas: valid OpenAPI {doc['openapi']}")
EOF

java "$ROOT/examples/java/Deadline.java" "$URL" >"$WORK/java.out" 2>&1 || { cat "$WORK/java.out"; fail "the Java example"; }
cat "$WORK/java.out"
grep -q '^deadline: HTTP 200 "2008-10-06"$' "$WORK/java.out" || fail "Java: no deadline answer"
grep -q '^error: HTTP 400 code=invalid_date$' "$WORK/java.out" || fail "Java: no coded error"
grep -q '不是有效的 YYYY-MM-DD 日期' "$WORK/java.out" || fail "Java: no Chinese message"

if command -v php >/dev/null; then
    php "$ROOT/examples/php/deadline.php" "$URL" >"$WORK/php.out" 2>&1 || { cat "$WORK/php.out"; fail "the PHP example"; }
    grep -q '^ok$' "$WORK/php.out" || fail "PHP: unexpected output"
    echo "test-http: PHP example ok"
else
    echo "test-http: php is not installed: the PHP example (documentation) was not run"
fi

# A request in flight when SIGTERM comes is finished; then the server exits 0.
kill -TERM "$SERVER"
for _ in $(seq 1 200); do
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.05
done
kill -0 "$SERVER" 2>/dev/null && fail "the server did not stop within 10 s of SIGTERM"
status=0
wait "$SERVER" || status=$?
SERVER=""
[ "$status" -eq 0 ] || fail "the server exited $status after SIGTERM"
grep -q "POST /v1/deadline 200" "$WORK/server.err" || fail "no request log line"
if grep -q "2008-09-25" "$WORK/server.err"; then fail "a request body reached the log"; fi
echo "test-http: server stopped cleanly on SIGTERM (exit 0)"
echo "test-http: every check passed"
