# The two commands of the README: `make run` and `make test`. Each sets everything up first.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif
EXAMPLE ?= examples/missed-deadline-withholding-open.yaml

.PHONY: setup run test lint types pytest clean

setup:
	@bash scripts/system-packages.sh
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	@$(UV) sync --frozen --quiet

run: setup
	@$(UV) run --frozen withhold screen $(EXAMPLE)

lint: setup
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

types: setup
	$(UV) run --frozen mypy

pytest: setup
	$(UV) run --frozen pytest

test: lint types pytest

clean:
	rm -rf .venv .mypy_cache .ruff_cache .pytest_cache
