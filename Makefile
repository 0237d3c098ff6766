# `make run` and `make test` work on a fresh clone with only Python, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONSTRAINTS := constraints.txt

.PHONY: run test lint bench sample-data constraints clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/streamlit run app.py

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kpi_core kpi_app tests pages app.py benchmarks scripts
	$(BIN)/ruff format --check kpi_core kpi_app tests pages app.py benchmarks scripts
	$(BIN)/mypy

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_ingest.py

sample-data: $(VENV)/.installed
	$(BIN)/python scripts/make_sample_data.py

# Re-pin after a deliberate upgrade: the suite must pass with what this writes.
constraints: $(VENV)/.installed-test
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > $(CONSTRAINTS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
