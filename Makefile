# newsarchive: `make demo` and `make test` work on a fresh clone (Python 3.11+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint format bench screenshot clean help isso

help:
	@echo "make demo   - set up, crawl the bundled demo site offline, print a summary"
	@echo "make test   - set up and run the test suite"
	@echo "make lint   - ruff check and format check"
	@echo "make bench  - crawl benchmark (bench/crawl.py), minutes"
	@echo "make screenshot - docs/img/article-page.png: the demo archive's article page in Chromium"
	@echo "make isso   - install Isso for the browser-stage tests (.cache/isso)"
	@echo "make clean  - remove the venv and data/"

$(STAMP): pyproject.toml Makefile
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	# the fleet's scrapy-redis, without its redis>=4.2 (pywb pins 2.10.6): docs/fleet.md
	$(BIN)/pip install -q --no-deps 'scrapy-redis==0.9.1' 'six>=1.15'
	@touch $@

# Isso, the real comment server of the browser-stage tests, in a venv of its own
# (its dependencies stay out of ours): tests/archive/crawl/browser/isso.py
ISSO := .cache/isso/bin/isso
isso: $(ISSO)
$(ISSO):
	$(PYTHON) -m venv .cache/isso
	.cache/isso/bin/pip install -q 'isso==0.14.0'

demo: $(STAMP)
	$(BIN)/newsarchive demo

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/crawl.py

screenshot: $(STAMP)
	$(BIN)/python docs/screenshot.py

clean:
	rm -rf $(VENV) data build *.egg-info .cache
