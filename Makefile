# pyreason: `make demo` and `make test` set up everything they need on a fresh
# Debian machine (SWI-Prolog from apt, a .venv with the package), then run.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get

.PHONY: setup system demo test test-prolog test-python test-check bench clean

setup: system $(STAMP)

# SWI-Prolog for the KB; Pango and a CJK font for PDF reports (WeasyPrint); Chromium for the
# browser tests of the web page (driven by Playwright, which downloads no browser).
DEBS := swi-prolog-nox libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk chromium

system:
	@missing=$$(for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(APT) update -qq && $(APT) install -y -qq $$missing >/dev/null; fi

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "Installing python3-venv..."; \
	  $(APT) update -qq && $(APT) install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $@

demo: setup
	@echo
	@echo "== pyreason ask examples/director_absent_authorised.yaml"
	@echo "   (the director is away and has authorised the deputy: who releases the enforcement funds?)"
	@echo
	@$(VENV)/bin/pyreason ask examples/director_absent_authorised.yaml
	@echo
	@echo "More: .venv/bin/pyreason ask FILE --format json | --lang en ; .venv/bin/pyreason articles 7 ; .venv/bin/pyreason names matters"
	@echo "Case-file report: .venv/bin/pyreason report examples/director_absent_authorised.yaml --format pdf -o report.pdf --case-number 案号"
	@echo "The page for analysts and the HTTP API: .venv/bin/pyreason serve   (then open http://127.0.0.1:8000/)"

test: setup test-prolog test-python test-check

test-prolog: setup
	swipl -q pyreason/prolog/test_kb.pl kb
	swipl -q pyreason/prolog/test_kb.pl tests/kbs/court_b
	swipl -q pyreason/prolog/tests/run.pl
	swipl -q -g run_tests -t halt pyreason/prolog/tests/lib.plt

test-python: setup
	$(PY) -m pytest -q

# The rule-consistency check of the shipped KB, with mutation testing; fails on errors.
test-check: setup
	@mkdir -p build
	@$(VENV)/bin/pyreason check --mutate --lang en -o build/check.txt --force; status=$$?; \
	  tail -n 22 build/check.txt; exit $$status

# Benchmarks (timings, not tests): writes bench/RESULTS.md and bench/results.json.
bench: setup
	$(PY) bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
