# Two entry points: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck unit unit-postgresql bench lock clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Exactly the versions in the lock files, each checked against its hash; then the bot
# itself, without resolving anything again.
$(VENV)/.installed-run: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@ $(VENV)/.installed-run

# Refresh both lock files from pyproject.toml (newest versions within its bounds), for
# every platform and Python 3.11 and later. Review the diff, run `make test`, commit.
LOCK = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --index-url https://pypi.org/simple --custom-compile-command "make lock"
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(LOCK) --upgrade -o requirements.lock
	$(LOCK) --upgrade --extra dev -o requirements-dev.lock
	cp requirements.lock requirements-postgres.lock  # the same versions, and psycopg
	$(LOCK) --extra postgres -o requirements-postgres.lock

# `make run` is for trying it: with no chat platform configured it starts the console,
# also with piped input. `ciso-bot run` itself (systemd, a container) refuses that.
run: $(VENV)/.installed-run
	$(BIN)/ciso-bot run --console

test: $(VENV)/.installed-dev lint typecheck unit unit-postgresql

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# One worker per core (pytest-xdist): every test has its own database, ports and files;
# a worker that runs out of tests takes some of the other's (worksteal), so a long test
# near the end does not leave a core idle.
unit: $(VENV)/.installed-dev
	$(BIN)/pytest -q -n auto --dist worksteal

# The same suite once more, on a throwaway PostgreSQL server when this machine has one
# (it says clearly when it has not, and skips; CI installs one and requires it).
unit-postgresql: $(VENV)/.installed-dev
	tests/with-postgresql $(BIN)/pytest -q -n auto --dist worksteal

bench: $(VENV)/.installed-dev  # the benchmarks use the tests' fake chat servers
	$(BIN)/python bench/search.py
	$(BIN)/python bench/reminders.py
	$(BIN)/python bench/slack_ack.py
	$(BIN)/python bench/mattermost_command.py
	$(BIN)/python bench/digest.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/kill_loop.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
