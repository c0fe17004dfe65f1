# Two commands for a newcomer: `make site` builds the site into site/, `make test` runs
# every test. Each target creates the virtual environment in .venv and installs the
# pinned dependencies first when they are missing or changed: what building needs
# (requirements.lock) for the site, and what the tests, browser checks and benchmark add
# (requirements-test.lock) for the tests.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# the test processes share the cores; a module's tests stay together (its fixture site is built once)
PYTEST := $(BIN)/python -m pytest -n auto --dist loadfile

# Material for MkDocs prints its end-of-life notice (5 May 2027) once per build, on purpose:
# README.md, "Stack plan", says what follows from it.

.PHONY: site serve check translations schemas test test-fast test-unit test-browser test-data system-deps bench screenshots clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.lock
	$(PIP) --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(PIP) -r requirements-test.lock
	touch $(TEST_STAMP)

## check: validate the data files alone
check: $(STAMP)
	$(BIN)/python -m macros.core.checking.check data

## translations: report texts and pages that lack their English or French version
translations: $(STAMP)
	$(BIN)/python -m macros.core.tools.translations data docs

## schemas: regenerate the JSON Schemas for editors (schemas/) from the record models
schemas: $(STAMP)
	$(BIN)/python -m macros.core.tools.schema schemas

## site: validate the data, then build the site strictly into site/ (search index included)
site: check
	$(BIN)/mkdocs build --strict --clean --site-dir site

## serve: live preview on http://127.0.0.1:8000/ that rebuilds on every change
serve: check
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## test: the code's tests, every kind: unit, fixture builds, browser, HTML and link checks
## (the content of data/ is `make test-data`; CI runs both)
test: $(TEST_STAMP) system-deps
	$(PYTEST) -m "not data"

## test-fast: the tests for the edit loop: unit tests and fixture builds (no browser, no Java)
test-fast: $(TEST_STAMP)
	$(PYTEST) -m "unit or build"

## test-unit: the core's functions alone, no site built (seconds)
test-unit: $(TEST_STAMP)
	$(BIN)/python -m pytest -m unit

## test-browser: Chromium, Java and live-preview tests alone
test-browser: $(TEST_STAMP) system-deps
	$(PYTEST) -m browser

## test-data: the content of data/ and docs/: what the sources and the flyer say is there
test-data: $(TEST_STAMP)
	$(PYTEST) -m data

## system-deps: Chromium and Java from Debian's packages, if missing (for the browser tests)
system-deps:
	scripts/system-deps

## bench: CPU, wall time and memory against plain Material + search + i18n at 100, 1000, 3000
## partnerships, and the test suites as multiples of one build of the real data
bench: $(TEST_STAMP) system-deps
	$(BIN)/python scripts/bench.py 100 1000 3000 --suites

## screenshots: build the site, then full-page PNGs of one page of every template at 390 and
## 1280 px in de, en and fr into screenshots/ (needs Chromium: make system-deps)
screenshots: site $(TEST_STAMP)
	rm -rf screenshots
	$(BIN)/python scripts/screenshots.py site screenshots

clean:
	rm -rf site screenshots $(VENV) .pytest_cache
