# The README's two commands: `make run` (the workstation on a demo agency) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEMO_DIR ?= $(CURDIR)/.demo

.PHONY: run test lint bench screenshots system-deps clean-demo

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

system-deps:
	@installer/install-system-deps.sh

run: system-deps $(VENV)/.installed
	$(PY) -m app --data-dir "$(DEMO_DIR)" demo --if-missing
	$(PY) -m app --data-dir "$(DEMO_DIR)" gui

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

test: $(VENV)/.installed lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench

clean-demo:
	rm -rf "$(DEMO_DIR)"
