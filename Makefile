# liaison — `make test` sets up everything it needs (idempotent), then runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

ROOT   := $(CURDIR)
VENV   := $(ROOT)/.venv
PY     := $(VENV)/bin/python
CARGO  ?= cargo
WASM   := bindings-wasm
# wasm-bindgen-cli must equal the crate version pinned in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/[^0-9.]/, ""); print}' Cargo.lock)

.PHONY: test setup setup-python setup-wasm lint test-rust test-python test-js test-spark demo demo-web bench clean

test: setup lint test-rust test-python test-js test-http
	@echo "make test: all checks passed"

## ---- set-up (idempotent) ----
setup: setup-python setup-wasm

$(PY):
	python3 -m venv $(VENV)

setup-python: $(PY)
	$(PY) -m pip install -q --disable-pip-version-check -r bindings-python/requirements-dev.txt

setup-wasm:
	rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')" != "$(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
		$(CARGO) install wasm-bindgen-cli --version "$(WASM_BINDGEN_VERSION)" --force; \
	fi
	cd $(WASM) && npm ci --no-audit --no-fund --loglevel=error
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver)
	@fc-list :lang=zh family | grep -q . || (apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-wqy-microhei)

## ---- checks ----
lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p liaison-wasm --target wasm32-unknown-unknown -- -D warnings
	$(CARGO) clippy -p liaison-wasm --target wasm32-unknown-unknown --no-default-features -- -D warnings

test-rust:
	$(CARGO) test --workspace

test-python: setup-python
	cd bindings-python && VIRTUAL_ENV=$(VENV) PATH=$(VENV)/bin:$$PATH maturin develop -q
	LIAISON_HYPOTHESIS_PROFILE=liaison $(PY) -m pytest bindings-python/tests -q
	cd bindings-python && $(PY) -m mypy.stubtest liaison

test-js:
	bash $(WASM)/build.sh
	node --test $(WASM)/tests/*.test.js
	$(WASM)/node_modules/.bin/tsc -p $(WASM)
	node --test $(WASM)/tests-package/
	TMPDIR=$$(mktemp -d) node --test $(WASM)/tests-browser/*.test.js

# liaison serve over HTTP: every vector, the OpenAPI document (openapi-spec-validator), the
# Java example (and the PHP one where php is installed), then SIGTERM and a clean exit.
# Then what the CLI writes for people (test-cli-browser).
.PHONY: test-http
test-http: $(PY)
	$(PY) -m pip install -q --disable-pip-version-check -r cli/tests/requirements.txt
	$(CARGO) build -q -p liaison-cli
	bash cli/tests/http_test.sh "$$($(CARGO) metadata --format-version 1 --no-deps | $(PY) -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/debug/liaison" $(PY)
	$(MAKE) --no-print-directory test-cli-browser

# The agenda's .ics parsed by icalendar (PyPI); the HTML report and agenda page in headless
# Chromium with a CJK font (installed here when none is), screenshots and an A4 PDF in
# TARGET_DIR/liaison-screenshots.
.PHONY: test-cli-browser
test-cli-browser: $(PY)
	$(PY) -m pip install -q --disable-pip-version-check -r cli/tests/requirements.txt
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium)
	@fc-list :lang=zh family | grep -q . || (apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-wqy-microhei)
	@test -d $(WASM)/node_modules/playwright-core || (cd $(WASM) && npm ci --no-audit --no-fund --loglevel=error)
	$(CARGO) build -q -p liaison-cli
	target="$$($(CARGO) metadata --format-version 1 --no-deps | $(PY) -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"; \
	bash cli/tests/reports_test.sh "$$target/debug/liaison" $(PY) "$$target/liaison-screenshots"

## ---- for people ----
demo:
	@$(CARGO) run -q -p liaison-rules --example demo
	@echo
	@$(CARGO) run -q -p liaison-cli -- check examples/district.json --from 2023-01-01 --to 2025-12-31 --as-of 2026-01-20 || [ $$? -eq 1 ]

# Longer property-based runs than make test's (release builds): the contract against random
# and mutated requests in Rust; each host adds its own below.
.PHONY: fuzz
fuzz: setup
	PROPTEST_CASES=20000 $(CARGO) test --release -p liaison-rules --test hostile
	LIAISON_MUTATIONS=5000 $(CARGO) test --release -p liaison-cli --test mutation
	bash $(WASM)/build.sh
	LIAISON_FUZZ_RUNS=20000 node --test $(WASM)/tests/fuzz.test.js $(WASM)/tests/schema.test.js
	cd bindings-python && VIRTUAL_ENV=$(VENV) PATH=$(VENV)/bin:$$PATH maturin develop --release -q
	LIAISON_HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest bindings-python/tests/test_fuzz.py -q

bench: setup
	$(CARGO) bench -p liaison-rules --bench throughput
	$(CARGO) bench -p liaison-arrow --bench columns
	cd bindings-python && VIRTUAL_ENV=$(VENV) PATH=$(VENV)/bin:$$PATH maturin develop --release -q
	$(PY) bench/register.py
	bash $(WASM)/build.sh
	node bench/wasm.js
	$(CARGO) build --release -q -p liaison-cli
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk)
	bash bench/server.sh "$$($(CARGO) metadata --format-version 1 --no-deps | $(PY) -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/release/liaison" $(PY)

# PySpark (about 490 MB) is not part of make test: evaluate_batches inside mapInArrow, local[2].
test-spark: setup-python
	$(PY) -m pip install -q --disable-pip-version-check -r bindings-python/requirements-spark.txt
	cd bindings-python && VIRTUAL_ENV=$(VENV) PATH=$(VENV)/bin:$$PATH maturin develop -q
	$(PY) -m pytest bindings-python/tests/spark_demo.py -q

# The release wheel for real servers (issue 10.2), not part of make test (a release build
# takes long): abi3 (CPython 3.9+), manylinux2014 (glibc 2.17) by maturin's zig linking,
# stripped, into target/wheels/. `make test-wheel` installs it into a fresh venv and runs the
# README's Python snippet from another folder.
.PHONY: wheel test-wheel
WHEELS := $(ROOT)/target/wheels

wheel: $(PY)
	$(PY) -m pip install -q --disable-pip-version-check -r bindings-python/requirements-release.txt
	rm -f $(WHEELS)/liaison_rules-*.whl
	cd bindings-python && VIRTUAL_ENV=$(VENV) PATH=$(VENV)/bin:$$PATH maturin build --release --strip \
		--zig --compatibility manylinux2014 --out $(WHEELS)
	@ls $(WHEELS)/liaison_rules-*.whl

test-wheel: wheel
	bash bindings-python/tests/wheel_check.sh $(WHEELS) $(PY)

demo-web:
	bash $(WASM)/build.sh
	node $(WASM)/demo/serve.js

clean:
	$(CARGO) clean
	rm -rf $(VENV) $(WASM)/pkg $(WASM)/node_modules
