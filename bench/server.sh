#!/usr/bin/env bash
# The load benchmark of `liaison serve` (part of `make bench`; a benchmark, not a timed
# test: nothing here fails on a slow machine, only on a wrong answer).
#
#   1. `deadline` and `validate_form` (a valid F1 reception record) at full speed for
#      $SECONDS_EACH s each (default 60) from wrk on the same machine (1 thread, 32
#      connections): requests/s, p50 and p99 latency, non-2xx answers; the server's RSS
#      before the load and after each run.
#   2. `check` of a generated year of 10 000 villages (2.5 M records), in-process
#      (`liaison call check FILE`: read, parse, check, write the answer) and over HTTP
#      (POST /v1/check with the same request), best of $CHECK_RUNS (default 2), as a ratio.
#
#     bash bench/server.sh RELEASE_BINARY PYTHON
set -euo pipefail

BIN=${1:?usage: server.sh RELEASE_BINARY PYTHON}
PY=${2:?usage: server.sh RELEASE_BINARY PYTHON}
SECONDS_EACH=${SECONDS_EACH:-60}
CHECK_RUNS=${CHECK_RUNS:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVER=""
cleanup() {
    [ -n "$SERVER" ] && kill -KILL "$SERVER" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

rss() { awk '/^VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$SERVER/status"; }

# Request logs go to /dev/null: written (one line a request, as in production), not kept.
: >"$WORK/server.out"
"$BIN" serve --listen 127.0.0.1:0 >"$WORK/server.out" 2>/dev/null &
SERVER=$!
URL=""
for _ in $(seq 1 200); do
    if read -r first <"$WORK/server.out" 2>/dev/null && [ -n "$first" ]; then
        URL=${first#listening on }
        break
    fi
    sleep 0.05
done
[ -n "$URL" ] || { echo "bench: the server printed no address" >&2; exit 1; }
curl -fsS "$URL/healthz" >/dev/null

echo '{"received": "2008-09-25", "responsibility": 1}' >"$WORK/deadline.json"
"$PY" -c 'import json, sys; print(json.dumps({"kind": "reception_record", "data": json.load(open(sys.argv[1]))}, ensure_ascii=False))' \
    "$ROOT/bench/reception_record.json" >"$WORK/validate_form.json"
# Both answer as expected before any load.
[ "$(curl -fsS --data-binary @"$WORK/deadline.json" "$URL/v1/deadline")" = '"2008-10-06"' ]
curl -fsS --data-binary @"$WORK/validate_form.json" "$URL/v1/validate_form" | grep -q '"valid":true'

echo "liaison serve, $(nproc) cores, wrk 1 thread 32 connections, ${SECONDS_EACH} s per operation"
echo "RSS at start: $(rss)"
for op in deadline validate_form; do
    # wrk posts the file's text as the body of every request.
    {
        echo 'wrk.method = "POST"'
        echo 'wrk.headers["Content-Type"] = "application/json"'
        printf 'wrk.body = [==[%s]==]\n' "$(cat "$WORK/$op.json")"
    } >"$WORK/$op.lua"
    wrk -t1 -c32 -d"${SECONDS_EACH}s" --latency -s "$WORK/$op.lua" "$URL/v1/$op" >"$WORK/$op.wrk"
    reqs=$(awk '/^Requests\/sec/ {print $2}' "$WORK/$op.wrk")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/$op.wrk")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/$op.wrk")
    bad=$(awk '/Non-2xx/ {print $NF}' "$WORK/$op.wrk")
    errs=$(awk '/Socket errors/ {print}' "$WORK/$op.wrk")
    printf '%-14s %10s req/s   p50 %8s   p99 %8s   non-2xx %s %s  RSS after: %s\n' \
        "$op" "$reqs" "$p50" "$p99" "${bad:-0}" "$errs" "$(rss)"
    [ "${bad:-0}" -eq 0 ] || { echo "bench: $op: ${bad} answers were not 200" >&2; exit 1; }
done

# A year of 10 000 villages: 100 towns x 100 villages x 8 households, nothing planted.
"$BIN" generate "$WORK/year.json" --towns 100 --villages 100 --years 1 --compliant 2>/dev/null
{
    printf '{"start": "2023-01-01", "end": "2023-12-31", "as_of": "2024-01-20", "dataset": '
    cat "$WORK/year.json"
    printf '}'
} >"$WORK/check.json"
rm "$WORK/year.json"
bytes=$(stat -c %s "$WORK/check.json")
best_local=""
best_http=""
for _ in $(seq 1 "$CHECK_RUNS"); do
    t=$("$PY" - "$BIN" "$WORK/check.json" <<'EOF'
import subprocess, sys, time
start = time.perf_counter()
p = subprocess.run([sys.argv[1], "call", "check", sys.argv[2], "--max-file-size", "1000000000"],
                   stdout=subprocess.PIPE)
elapsed = time.perf_counter() - start
assert p.returncode == 0 and b'"findings":[]' in p.stdout, p.stdout[:300]
print(f"{elapsed:.2f}")
EOF
)
    best_local=$("$PY" -c "import sys; a=[float(x) for x in sys.argv[1:] if x]; print(f'{min(a):.2f}')" "$t" "$best_local")
    t=$("$PY" - "$URL" "$WORK/check.json" <<'EOF'
import sys, time, urllib.request
body = open(sys.argv[2], "rb").read()
start = time.perf_counter()
req = urllib.request.Request(sys.argv[1] + "/v1/check", data=body, headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=600) as r:
    answer = r.read()
elapsed = time.perf_counter() - start
assert b'"findings":[]' in answer, answer[:300]
print(f"{elapsed:.2f}")
EOF
)
    best_http=$("$PY" -c "import sys; a=[float(x) for x in sys.argv[1:] if x]; print(f'{min(a):.2f}')" "$t" "$best_http")
done
ratio=$("$PY" -c "import sys; print(f'{float(sys.argv[2]) / float(sys.argv[1]):.2f}')" "$best_local" "$best_http")
echo "check, 10 000 villages (2.5 M records, ${bytes} bytes of request): in-process ${best_local} s, over HTTP ${best_http} s: ratio ${ratio} (best of ${CHECK_RUNS})"
echo "RSS after the checks: $(rss)"

kill -TERM "$SERVER"
status=0
wait "$SERVER" || status=$?
SERVER=""
[ "$status" -eq 0 ] || { echo "bench: the server exited $status after SIGTERM" >&2; exit 1; }
