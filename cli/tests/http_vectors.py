#!/usr/bin/env python3
"""Every shared vector (tests/vectors/*.json) over HTTP: each case is posted to
`POST /v1/{op}` of a running `liaison serve` and its answer or error is compared as
tests/vectors/README.md says; an error's HTTP status must be the one the `error_codes`
catalogue gives its code. Also checks the server's other routes and error statuses.

    python3 cli/tests/http_vectors.py http://127.0.0.1:PORT

Python 3 standard library only (urllib). Prints `N passed, N failed, N skipped` and exits
1 on any failure.
"""

import json
import pathlib
import sys
import urllib.error
import urllib.request

VECTORS = pathlib.Path(__file__).resolve().parent.parent.parent / "tests" / "vectors"
ERROR_KEYS = {"code", "message", "message_zh", "loc"}


def request(base, method, path, body=None):
    """(status, parsed JSON body, headers) of one request."""
    req = urllib.request.Request(base + path, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read().decode("utf-8")), r.headers
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8")
        return e.code, json.loads(text), e.headers


def same(a, b):
    """Exact JSON equality: unlike Python's ==, `true` is not `1` and `1` is not `1.0`."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def matches(pattern, actual, subset):
    """The README's matching: equality, or with "match": "subset" objects on the keys they
    name, lists item by item, and {"$contains": [...]} each pattern somewhere."""
    if not subset:
        return same(pattern, actual)
    if isinstance(pattern, dict) and list(pattern) == ["$contains"]:
        items = actual if isinstance(actual, list) else []
        return all(any(matches(p, got, True) for got in items) for p in pattern["$contains"])
    if isinstance(pattern, dict):
        return isinstance(actual, dict) and all(
            k in actual and matches(v, actual[k], True) for k, v in pattern.items()
        )
    if isinstance(pattern, list):
        return (
            isinstance(actual, list)
            and len(pattern) == len(actual)
            and all(matches(p, a, True) for p, a in zip(pattern, actual))
        )
    return same(pattern, actual)


def error_object(err):
    """Whether `err` is {code, message, message_zh, loc, rule?, errors?}, `errors` a list of
    error objects (the problems an `invalid_records` error gathers)."""
    return (
        isinstance(err, dict)
        and ERROR_KEYS <= err.keys() <= ERROR_KEYS | {"rule", "errors"}
        and all(isinstance(err[k], str) for k in ("code", "message", "message_zh"))
        and isinstance(err["loc"], list)
        and all(error_object(e) for e in err.get("errors", []))
    )


def check_error_shape(err, status, statuses):
    """An error body is an error object with the status of its code."""
    if not error_object(err):
        return f"not an error object: {err}"
    want = statuses.get(err["code"])
    if want is None:
        return f"code {err['code']} is not in the error_codes catalogue"
    if status != want:
        return f"status {status} for {err['code']}, the catalogue says {want}"
    return None


def run_case(base, case, statuses):
    """None when the case passes, else why not."""
    op = case["op"]
    if "request_json" in case:
        body = case["request_json"].encode("utf-8")
    else:
        body = json.dumps(case["request"], ensure_ascii=False).encode("utf-8")
    status, got, _ = request(base, "POST", f"/v1/{op}", body)
    if "answer" in case:
        if status != 200:
            return f"status {status}: {got}"
        if not matches(case["answer"], got, case.get("match") == "subset"):
            return f"expected {json.dumps(case['answer'], ensure_ascii=False)}, got {json.dumps(got, ensure_ascii=False)[:400]}"
        return None
    want = case["error"]
    if status == 200:
        return f"expected error {want['code']}, got answer {got}"
    why = check_error_shape(got, status, statuses)
    if why:
        return why
    if got["code"] != want["code"]:
        return f"expected error {want['code']}, got {got}"
    if "loc" in want and not same(want["loc"], got["loc"]):
        return f"expected loc {want['loc']}, got {got['loc']}"
    return None


def server_checks(base, statuses):
    """The routes beside POST /v1/{op}, and the statuses of errors no vector can cause."""
    failures, count = [], [0]

    def expect(what, cond):
        count[0] += 1
        if not cond:
            failures.append(what)

    status, body, _ = request(base, "GET", "/healthz")
    expect("GET /healthz", status == 200 and body == {"status": "ok"})
    status, body, _ = request(base, "GET", "/v1/openapi.json")
    expect("GET /v1/openapi.json", status == 200 and body.get("openapi") == "3.1.0"
           and "/v1/deadline" in body.get("paths", {}))
    status, rules, _ = request(base, "GET", "/v1/rules")
    _, posted, _ = request(base, "POST", "/v1/rules", b"")
    expect("GET /v1/rules is POST /v1/rules", status == 200 and rules == posted
           and any(r["id"] == "S5.1" for r in rules))
    status, body, headers = request(base, "GET", "/v1/deadline")
    expect(f"GET /v1/deadline is 405 method_not_allowed: {status} {body}",
           status == 405 and body.get("code") == "method_not_allowed"
           and headers.get("Allow") == "POST" and not check_error_shape(body, status, statuses))
    status, body, _ = request(base, "DELETE", "/healthz")
    expect(f"DELETE /healthz is 405: {status}", status == 405 and body.get("code") == "method_not_allowed")
    status, body, _ = request(base, "POST", "/v1/nope", b"{}")
    expect(f"an unknown operation is 404: {status}", status == 404 and body.get("code") == "unknown_operation")
    status, body, _ = request(base, "GET", "/nowhere")
    expect(f"an unknown path is 404: {status}", status == 404 and not check_error_shape(body, status, statuses))
    status, body, _ = request(base, "POST", "/v1/deadline", b'{"received": "2008-09-25", "responsibility": 1')
    expect(f"malformed JSON is 400 invalid_json: {status} {body}", status == 400 and body.get("code") == "invalid_json")
    status, body, _ = request(base, "POST", "/v1/deadline", b'{"received": "2008-09-25", "responsibility": "\xff"}')
    expect(f"a body that is not UTF-8 is 400 invalid_json: {status}", status == 400 and body.get("code") == "invalid_json")
    status, body, _ = request(base, "POST", "/v1/grade", b"")
    expect(f"an empty body is {{}}: {status} {body}", status == 400 and body.get("loc") == ["satisfied"])
    # A request never names a file of the server.
    status, body, _ = request(base, "POST", "/v1/check", json.dumps({
        "dataset": "/etc/passwd", "start": "2009-01-01", "end": "2009-12-31", "as_of": "2010-01-10"}).encode())
    expect(f"no file is read for a request: {status} {body}", status == 400 and body.get("loc") == ["dataset"])
    # No personal data in any message: a name and a phone number in a bad value.
    status, body, _ = request(base, "POST", "/v1/deadline", json.dumps(
        {"received": "2008-09-25", "responsibility": "张三丰 13812345678"}, ensure_ascii=False).encode())
    text = json.dumps(body, ensure_ascii=False)
    expect(f"no personal data in a message: {text}",
           status == 400 and "张三丰" not in text and "13812345678" not in text)
    for code, want in [("timeout", 408), ("overloaded", 503), ("method_not_allowed", 405),
                       ("too_large", 413), ("unknown_operation", 404), ("invalid_date", 400)]:
        expect(f"the catalogue gives {code} status {want}", statuses.get(code) == want)
    return count[0], failures


def main():
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
    status, catalogue, _ = request(base, "POST", "/v1/error_codes", b"{}")
    if status != 200:
        print(f"error_codes: status {status}")
        return 1
    statuses = {c["code"]: c["http_status"] for c in catalogue}
    passed, failed, skipped, failures = 0, 0, 0, []
    for path in sorted(VECTORS.glob("*.json")):
        for case in json.loads(path.read_text("utf-8"))["cases"]:
            if "http" in case.get("skip", []):
                skipped += 1
                continue
            why = run_case(base, case, statuses)
            if why is None:
                passed += 1
            else:
                failed += 1
                failures.append(f"{path.name}: {case['name']}: {why}")
    checks, server_failures = server_checks(base, statuses)
    passed += checks - len(server_failures)
    failed += len(server_failures)
    failures += [f"server: {why}" for why in server_failures]
    for f in failures:
        print("FAIL", f)
    print(f"vectors over HTTP: {passed} passed, {failed} failed, {skipped} skipped")
    if passed < 300:
        print(f"only {passed} vectors passed: the vectors were not found or not run")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
