# Two commands matter: `make serve` and `make test`. Both set up what they need.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.DEFAULT_GOAL := serve
.PHONY: serve test html clean publish setup setup-test

serve: setup  ## Build and preview at http://127.0.0.1:8000 with live reload
	$(BIN)/invoke livereload

html: setup  ## Development build into output/
	$(BIN)/invoke build

publish: setup  ## Check, build for production and deploy
	$(BIN)/invoke publish

clean: setup  ## Delete output/
	$(BIN)/invoke clean

test: setup-test  ## Install everything the tests need, then run them all
	$(BIN)/python -m pytest

setup: $(VENV)/.site-installed

setup-test: setup $(VENV)/.dev-installed node_modules/.installed
	scripts/install-system-packages.sh test

# Reinstall whenever a pinned list changes.
$(VENV)/.site-installed: requirements.txt
	scripts/install-system-packages.sh site
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	scripts/install-system-packages.sh node
	npm ci --no-audit --no-fund
	touch $@
