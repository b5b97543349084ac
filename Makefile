# Two commands on a fresh machine: `make demo` and `make test`. Both set up .venv when it is
# missing (or when pyproject.toml changed) and are quick when everything is installed already.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BALIZA := $(VENV)/bin/baliza
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test lint bench data default-model eval-default clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,scale]'
	touch $(STAMP)

demo: setup
	@bash scripts/demo.sh

# The service tests also run on PostgreSQL: scripts/postgres.sh starts a local one when it is
# installed (CI installs it); without it, those tests skip locally and fail under CI=true.
test: setup
	@if [ -z "$$BALIZA_TEST_POSTGRES_URL" ] && url=$$(bash scripts/postgres.sh 2>/dev/null); then \
		export BALIZA_TEST_POSTGRES_URL=$$url; fi; $(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .

# The load section runs on PostgreSQL too when scripts/postgres.sh can start one (as for `test`).
bench: setup
	@if [ -z "$$BALIZA_BENCH_POSTGRES_URL$$BALIZA_TEST_POSTGRES_URL" ] && url=$$(bash scripts/postgres.sh 2>/dev/null); \
		then export BALIZA_BENCH_POSTGRES_URL=$$url; fi; $(PY) bench/run.py

# Rebuild the committed synthetic dataset (byte for byte).
data: setup
	$(BALIZA) data generate

# Rebuild the shipped default model from the committed data, then record its real-text figures.
default-model: setup
	bash scripts/default_model.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache bench/results.json
