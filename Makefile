# giamngheo — run `make` to list the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install demo test test-sqlite test-postgres lint bench openapi clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/giamngheo: pyproject.toml constraints.txt
	@PY=$$(scripts/find-python) && echo "Python: $$PY" && \
	  { [ -x $(BIN)/python ] || "$$PY" -m venv $(VENV); } && \
	  $(BIN)/python -m pip install --quiet --upgrade pip && \
	  $(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

MO := src/giamngheo/locale/en/LC_MESSAGES/django.mo
$(MO): src/giamngheo/locale/en/LC_MESSAGES/django.po $(BIN)/giamngheo
	@$(BIN)/giamngheo manage compilemessages --ignore '.venv' --ignore node_modules -v 0

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is required for the page assets: apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error

install: $(BIN)/giamngheo $(MO) node_modules/.package-lock.json ## build .venv (Python >= 3.12), install the package, its tools and the page assets (npm)

demo: install ## migrate the SQLite database, load a demo province, serve http://127.0.0.1:$(PORT)
	$(BIN)/giamngheo manage migrate --no-input -v 0
	$(BIN)/giamngheo demo-data --province "Lạng Sơn" --households $${DEMO_HOUSEHOLDS:-200000} --years 2021-2025 --seed 1 --if-empty
	@$(BIN)/giamngheo demo-users
	@scripts/demo-serve $(PORT)

test: test-sqlite test-postgres ## the whole suite on SQLite and on a throwaway PostgreSQL

test-sqlite: install
	scripts/ensure-chromium
	DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install  # the Spark tests touch no database: they run in test-sqlite only
	scripts/ensure-chromium
	scripts/with-postgres $(BIN)/pytest -m "not spark" $(PYTEST_ARGS)

lint: install ## ruff (style) and mypy (types)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

openapi: install ## regenerate docs/api/openapi.json (CI fails when it is stale)
	$(BIN)/giamngheo manage export_openapi_schema --api giamngheo.api.urls.api \
	  --output docs/api/openapi.json --indent 2 --sorted

bench: install ## benchmarks; results as JSON under bench/results/
	@for f in bench/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean: ## remove the virtual environment and local state
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
