# Every target sets itself up from the package registries: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-library browser eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/fandex analyze examples/

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

test: $(STAMP) browser
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest

# Headless Chromium and its driver from Debian's packages, for the browser tests (tests/web/test_browser.py).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	fi

# The pipeline's speed against spaCy on the PDNC novels (docs/performance.md); BENCH_ARGS=--quick to iterate.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_pipeline.py $(BENCH_ARGS)

# The library at 100,000 synthetic works: add throughput, search and facet latency (docs/performance.md).
bench-library: $(STAMP)
	$(BIN)/python benchmarks/bench_library.py $(BENCH_LIBRARY_ARGS)

eval: $(STAMP)
	$(BIN)/fandex eval pdnc ../shared/data/pdnc

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
