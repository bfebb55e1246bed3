# pyreason: `make demo` and `make test` set up what they need on a fresh Debian machine
# (SWI-Prolog from apt, a .venv with the package), then run. `make demo` installs only what the
# demo needs (SWI-Prolog and the package); `make test` everything the tests need.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip -q --disable-pip-version-check
DEMO_STAMP := $(VENV)/.installed-demo
STAMP := $(VENV)/.installed-test
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get

.PHONY: setup setup-demo system system-demo demo test test-prolog test-python test-check bench wheel clean

# The demo: SWI-Prolog for the KB. The tests also need Pango and a CJK font for PDF reports
# (WeasyPrint) and Chromium for the browser tests of the web page (driven by Playwright, which
# downloads no browser).
DEMO_DEBS := swi-prolog-nox
DEBS := $(DEMO_DEBS) libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk chromium

# $(call apt_install,PACKAGES): install those of PACKAGES that are missing.
define apt_install
	@missing=$$(for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(APT) update -qq && $(APT) install -y -qq $$missing >/dev/null; fi
endef

# The package's bytecode, as a regular (non-editable) install has it: an editable install has
# none, and where PYTHONDONTWRITEBYTECODE is set every start compiled the package again (~25 ms
# of a cold `pyreason ask`, issue 13). Only changed files are compiled.
setup: system $(STAMP)
	@$(PY) -m compileall -q pyreason
setup-demo: system-demo $(DEMO_STAMP)
	@$(PY) -m compileall -q pyreason

system:
	$(call apt_install,$(DEBS))

system-demo:
	$(call apt_install,$(DEMO_DEBS))

$(PY):
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "Installing python3-venv..."; \
	  $(APT) update -qq && $(APT) install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }

# The distribution was called "pyreason" before it became "pyreason-law": an old editable
# install of that name is removed first, so that one package owns the pyreason command.
define drop_old_dist
	@if $(PY) -m pip show -q pyreason >/dev/null 2>&1; then $(PIP) uninstall -y pyreason; fi
endef

# Everything: the package with all its extras (web, pdf, sign) and the test tools.
$(STAMP): pyproject.toml | $(PY)
	$(drop_old_dist)
	$(PIP) install -e '.[test,web,pdf,sign]'
	@touch $@ $(DEMO_STAMP)

# The package alone (no extras), unless the tests' installation is already there.
$(DEMO_STAMP): pyproject.toml | $(PY)
	$(drop_old_dist)
	@if [ $(STAMP) -nt pyproject.toml ]; then touch $@; else $(PIP) install -e . && touch $@; fi

demo: setup-demo
	@echo
	@echo "== pyreason ask examples/director_absent_authorised.yaml"
	@echo "   (the director is away and has authorised the deputy: who releases the enforcement funds?)"
	@echo
	@$(VENV)/bin/pyreason ask examples/director_absent_authorised.yaml
	@echo
	@echo "More: .venv/bin/pyreason ask FILE --format json | --lang en ; .venv/bin/pyreason articles 7 ; .venv/bin/pyreason names matters"
	@echo "Case-file report: .venv/bin/pyreason report examples/director_absent_authorised.yaml --format html -o report.html --case-number 案号"
	@echo "  (PDF: .venv/bin/pip install -e '.[pdf]', then --format pdf)"
	@echo "The page for analysts and the HTTP API: .venv/bin/pip install -e '.[web]', then .venv/bin/pyreason serve   (open http://127.0.0.1:8000/)"

test: setup test-prolog test-python test-check

test-prolog: setup
	swipl -q pyreason/prolog/test_kb.pl kb
	swipl -q pyreason/prolog/test_kb.pl tests/kbs/court_b
	swipl -q pyreason/prolog/test_kb.pl tests/kbs/committee15
	swipl -q pyreason/prolog/tests/run.pl
	swipl -q -g run_tests -t halt pyreason/prolog/tests/lib.plt
	swipl -q -g run_tests -t halt pyreason/prolog/tests/engine.plt
	swipl -q -g run_tests -t halt pyreason/prolog/tests/boot.plt

test-python: setup
	$(PY) -m pytest -q

# The rule-consistency check of the shipped KB, with mutation testing; fails on errors.
test-check: setup
	@mkdir -p build
	@$(VENV)/bin/pyreason check --mutate --lang en -o build/check.txt --force; status=$$?; \
	  tail -n 22 build/check.txt; exit $$status

# Benchmarks (timings, not tests; never run by `make test`): writes bench/RESULTS.md and
# bench/results.json, and fails when a target is missed. A few minutes (BENCH_RUNS, BENCH_BATCH_SIZES,
# BENCH_LEAK_ASKS shorten it).
bench: setup
	$(PY) bench/bench.py

# A wheel of the package in dist/ (what `pip install pyreason-law` would install).
wheel: | $(PY)
	$(PY) -m pip wheel --no-deps -w dist .

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
