# The README's commands: `make run` (the workstation on a demo agency), `make install` (the
# `anuyat` command on PATH) and `make test` (lint, types and every test, as CI runs it).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEMO_DIR ?= $(CURDIR)/.demo
# Where `make install` puts the `anuyat` command (default: /usr/local/bin as root, else
# ~/.local/bin); see installer/install-launcher.sh.
BINDIR ?=

.PHONY: run install launcher test lint bench system-deps system-deps-test clean-demo

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

# What the workstation needs to run; no test servers on an officer's computer.
system-deps:
	@installer/install-system-deps.sh run

# What the tests need on top (poppler, sqlite3, Dovecot, SoftHSM, OpenSC, Xvfb).
system-deps-test:
	@installer/install-system-deps.sh run test

launcher:
	@installer/install-launcher.sh "$(abspath $(VENV))/bin/anuyat" $(BINDIR)

# Byte-compiled once here, so the first start of an install is not a compile-everything start
# (the cold start to the sign-in is measured with .pyc files present: make bench).
install: system-deps $(VENV)/.installed
	$(PY) -m compileall -q app ui services models migrations demo
	@$(MAKE) --no-print-directory launcher

run: install
	$(PY) -m app --data-dir "$(DEMO_DIR)" demo --if-missing
	$(PY) -m app --data-dir "$(DEMO_DIR)" gui

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

# The agency profile (PostgreSQL, started by tests/peers/postgres.py): the migrations, the
# claims/counter/lockout/sync races, a request's way through review, mail intake, the outbox
# and approval run again on it.
AGENCY_TESTS = tests/integration/test_store.py tests/integration/test_concurrency.py \
	tests/integration/test_review.py tests/integration/test_request_flow.py \
	tests/integration/test_search.py tests/integration/test_retention.py \
	tests/integration/test_screen_lock.py \
	tests/integration/test_archive_export.py \
	tests/integration/test_fees.py tests/integration/test_fee_slips.py \
	tests/integration/test_fee_inbox.py tests/integration/test_fee_submission.py \
	tests/integration/test_fee_races.py tests/integration/test_fee_refunds.py \
	tests/integration/test_report_data_requests.py \
	tests/integration/test_intake.py \
	tests/integration/test_fee_notice_drafts.py \
	tests/integration/test_outbox.py tests/integration/test_approval.py \
	tests/integration/test_approval_batch_reads.py \
	tests/integration/test_intake_group.py tests/integration/test_paper_licences.py \
	tests/integration/test_licence_search.py \
	tests/integration/test_intake_group_writes.py tests/integration/test_blob_sweep.py \
	tests/integration/test_group_orphans.py \
	tests/integration/test_dashboard.py tests/integration/test_dashboard_rows.py

test: system-deps-test $(VENV)/.installed lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	ANUYAT_TEST_DB=postgres QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(AGENCY_TESTS)

bench: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench

clean-demo:
	rm -rf "$(DEMO_DIR)"
