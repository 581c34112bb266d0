# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MAKEMESSAGES_IGNORES := --ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete

.PHONY: run test lint messages bench collectstatic clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# A local server on SQLite with demo data (loaded only into an empty database).
run: $(VENV)/.runtime-installed
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py loaddemo --if-empty
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# Everything CI checks: lint, migrations, the full suite (browser tests included).
test: lint
	$(BIN)/pytest

# Extract the strings to translate and compile the catalogue (needs gettext).
messages: $(VENV)/.runtime-installed
	DEBUG=true $(BIN)/python manage.py makemessages -l nl $(MAKEMESSAGES_IGNORES)
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv

# Requests per second and latency of the main pages against a real gunicorn.
bench: $(VENV)/.runtime-installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

collectstatic: $(VENV)/.runtime-installed
	$(BIN)/python manage.py collectstatic --noinput

clean:
	rm -rf $(VENV) staticfiles
