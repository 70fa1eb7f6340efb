# Wing Voice: `make run` starts the kiosk, `make test` runs every test.
# Both set up everything they need first (virtual environment, packages,
# database schema, system packages for the tests).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test setup system check-translations clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.app
	$(BIN)/flask --app wsgi translate compile
	$(BIN)/flask --app wsgi themes build
	$(BIN)/flask --app wsgi audio build
	$(BIN)/flask --app wsgi db upgrade

system:
	@bash scripts/system-deps.sh

## Start the kiosk on http://127.0.0.1:8000 (SQLite under instance/).
run: system setup
	$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

## Run the whole test suite, browser tests included.
test: $(VENV)/.dev system
	$(BIN)/flask --app wsgi translate compile
	$(BIN)/flask --app wsgi themes build
	$(BIN)/flask --app wsgi audio build
	$(BIN)/python -m pytest

bench: $(VENV)/.dev
	$(BIN)/python bench/chat_turn.py

clean:
	rm -rf $(VENV) instance .pytest_cache
