# The two commands of the README: `make run` and `make test`. Each sets everything up first.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif
EXAMPLE ?= examples/missed-deadline-withholding-open.yaml

.PHONY: setup run screen-example test lint types pytest test-postgres fuzz clean

setup:
	@bash scripts/system-packages.sh
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	@$(UV) sync --frozen --quiet

# The web application on http://127.0.0.1:8000 with a demo organization (logins printed) and the examples;
# `withhold serve` starts the task queue's worker (manage.py db_worker) beside it and stops it with it.
run: setup
	@$(UV) run --frozen python -m withhold.web.manage migrate --noinput -v0
	@$(UV) run --frozen python -m withhold.web.manage withhold_demo --examples examples --url http://127.0.0.1:8000
	@$(UV) run --frozen python -m withhold.web.manage deadline_tasks -v0
	@$(UV) run --frozen withhold serve --host 127.0.0.1 --port 8000

# The screening of one example case in the terminal.
screen-example: setup
	@$(UV) run --frozen withhold screen $(EXAMPLE)

lint: setup
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

types: setup
	$(UV) run --frozen mypy

# The browser tests drive Debian's Chromium (installed here when missing); they skip, by name, without it.
# Two workers (pytest-xdist), a test file to each at a time: a file's server and browser start once.
JOBS_PYTEST ?= 2
pytest: setup
	@bash scripts/browser-packages.sh
	$(UV) run --frozen pytest -n $(JOBS_PYTEST) --dist loadfile --durations=15

# The web tests again, on a throwaway PostgreSQL server (installed from Debian's packages when missing).
test-postgres: setup
	@UV="$(UV)" bash scripts/test-web-postgres.sh

test: lint types pytest test-postgres

# 10,000 hostile case files through every command that reads a case: crashes per 10,000 (about 20 minutes
# on 2 cores). FILES=... JOBS=... for another size.
FILES ?= 10000
JOBS ?= 2
fuzz: setup
	$(UV) run --frozen python bench/hostile_files.py --files $(FILES) --jobs $(JOBS)

clean:
	rm -rf .venv .mypy_cache .ruff_cache .pytest_cache
