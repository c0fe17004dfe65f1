# Two commands for a newcomer: `make site` builds the site into site/, `make test` runs
# every test. Each target creates the virtual environment in .venv and installs the
# pinned dependencies (requirements.lock) first when they are missing or changed.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check translations schemas test test-fast system-deps bench screenshots clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

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

## test: every test: unit tests, builds of fixture sites, browser, HTML and link checks
test: $(STAMP) system-deps
	$(BIN)/python -m pytest

## test-fast: the tests for the edit loop: unit tests, messages, fixture builds (no browser, no Java)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

## system-deps: Chromium and Java from Debian's packages, if missing (for the browser tests)
system-deps:
	scripts/system-deps

## bench: build times against plain Material + i18n at 100, 1000, 3000 partnerships
bench: $(STAMP)
	$(BIN)/python scripts/bench.py 100 1000 3000

## screenshots: build the site, then full-page PNGs of one page of every template at 390 and
## 1280 px in de, en and fr into screenshots/ (needs Chromium: make system-deps)
screenshots: site
	rm -rf screenshots
	$(BIN)/python scripts/screenshots.py site screenshots

clean:
	rm -rf site screenshots $(VENV) .pytest_cache
