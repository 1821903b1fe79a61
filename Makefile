# trilogue's build, check and test commands. Every target installs what it needs into .venv/
# (and caches outside the repo, in $(CACHE)), so each works on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
PIP := $(BIN)/python -m pip -q --disable-pip-version-check
CACHE ?= $(or $(TRILOGUE_CACHE),$(HOME)/.cache/trilogue)
PRISM_VERSION := 5.16.0
PRISM := $(CACHE)/prism-$(PRISM_VERSION)/node_modules/.bin/prism
GENERATED := generated/trilogue_api
GENERATE := PATH="$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi.yaml \
	--meta none --config generator-config.yaml --custom-template-path templates --overwrite

# The raw component schemas (extensions and $refs kept) for the facade's request checks.
SPEC_MODULE := $(BIN)/python scripts/spec_module.py openapi.yaml

export TRILOGUE_PRISM := $(PRISM)

.PHONY: help setup lock generate drift spec-check lint test test-unit dist release prism local-server serve-local demo bench clean

help:
	@echo "make setup | lock | generate | drift | spec-check | lint | test | dist | release | serve-local | demo | bench"

setup: $(VENV)/.stamp

# requirements-dev.txt is a hash-pinned lock (see `make lock`); trilogue itself goes in editable,
# built by the locked hatchling.
$(VENV)/.stamp: requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements-dev.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

## re-resolve requirements-dev.in + pyproject.toml into the hash-pinned requirements-dev.txt
lock: setup
	$(BIN)/uv pip compile --quiet --universal --generate-hashes --python-version 3.11 \
		--annotation-style line --custom-compile-command "make lock" \
		pyproject.toml requirements-dev.in -o requirements-dev.txt

## generated/ from openapi.yaml + generator-config.yaml + templates/
generate: setup
	$(GENERATE) --output-path $(GENERATED)
	$(SPEC_MODULE) $(GENERATED)/spec.py

## regenerate into a temp dir and fail, naming the files, if generated/ differs
drift: setup
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(GENERATE) --output-path "$$tmp/trilogue_api" > "$$tmp/log" 2>&1 || { cat "$$tmp/log"; exit 1; }; \
	$(SPEC_MODULE) "$$tmp/trilogue_api/spec.py" || exit 1; \
	if diff -rq -x __pycache__ $(GENERATED) "$$tmp/trilogue_api" > "$$tmp/diff"; then \
		echo "drift: generated/ matches openapi.yaml, generator-config.yaml and templates/"; \
	else \
		echo "drift: generated/ is out of date (run make generate). Differences:"; \
		sed -e "s|$$tmp/trilogue_api|<regenerated>|g" "$$tmp/diff"; exit 1; \
	fi

## openapi.yaml against the providers' published specs (spec-facts/*.json, offline); fails on a
## difference that is neither fixed nor listed with its reason in spec-facts/explained.yaml
spec-check: setup
	$(BIN)/python scripts/spec_check.py

lint: setup
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/mypy

prism: $(PRISM)

$(PRISM):
	npm install --silent --no-audit --no-fund --prefix $(CACHE)/prism-$(PRISM_VERSION) @stoplight/prism-cli@$(PRISM_VERSION)

## llama.cpp's llama-server and the SmolLM2 model, built/unpacked once into $(CACHE)
local-server: setup
	@$(BIN)/python scripts/local_server.py install || { rc=$$?; [ $$rc -eq 3 ] && echo "local-server: no xllamacpp and no build tools; the integration suite will skip" || exit $$rc; }

serve-local: local-server
	$(BIN)/python scripts/local_server.py serve

test: setup prism local-server
	$(BIN)/python -m pytest -p no:cacheprovider -rs

## a quick run without the real-server suite
test-unit: setup prism
	$(BIN)/python -m pytest -p no:cacheprovider --ignore=tests/integration

dist: setup
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .

## wheel + sdist into $(DIST), twine check, a smoke test of the wheel in a clean venv, then an
## upload to INDEX_URL (twine's credentials: TWINE_USERNAME/TWINE_PASSWORD or keyring)
DIST ?= dist
INDEX_URL ?=
release: setup
	rm -rf $(DIST)
	$(BIN)/python -m build --no-isolation --outdir $(DIST) .
	$(BIN)/twine check --strict $(DIST)/*
	$(BIN)/python scripts/smoke_wheel.py $(DIST)/trilogue-*.whl
	@if [ -n "$(INDEX_URL)" ]; then \
		echo "release: uploading to $(INDEX_URL)"; \
		$(BIN)/twine upload --non-interactive --disable-progress-bar \
			--repository-url "$(INDEX_URL)" $(DIST)/*; \
	else \
		echo "release: $(DIST)/ is built and checked; no INDEX_URL, so nothing was uploaded"; \
	fi

demo: setup local-server
	$(BIN)/python scripts/demo.py

bench: setup
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/validation.py
	$(BIN)/python bench/stream_rate.py --rounds 3   # trilogue[fast]: .venv has orjson
	$(BIN)/python bench/partial_json.py
	$(BIN)/python bench/telemetry.py   # OpenTelemetry off / no-op provider / SDK
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/batch_runner.py $(BATCH_BENCH_ARGS)   # --smoke: a ten-second run
	$(BIN)/python bench/resume.py   # kill -9 at half, then the same command again

clean:
	rm -rf $(VENV) .venv-bench dist build .mypy_cache .ruff_cache .pytest_cache
