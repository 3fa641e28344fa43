# Quickstart: `make check` and `make test` set up .venv from nothing, then run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: check test lint setup browser clean fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

check: $(STAMP)
	$(BIN)/planlint check --fail-on never

lint: $(STAMP)
	$(BIN)/ruff check engine tests tools
	$(BIN)/ruff format --check engine tests tools
	$(BIN)/mypy engine tools
	$(BIN)/lint-imports --no-logo
	$(BIN)/python -m tools.import_cycles

# Debian's chromium (+ CJK fonts) for tests/test_browser.py; Playwright's own browser download is not used.
browser:
	@if command -v chromium >/dev/null 2>&1; then echo "browser: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	else echo "browser: chromium is missing and cannot be installed here (needs root and apt-get); tests/test_browser.py will say so"; fi

test: lint browser
	$(BIN)/python -m pytest

# The fuzz tests (tests/test_fuzz.py) with a longer budget than the suite's: about 20 minutes on 2 cores.
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	PLANLINT_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
