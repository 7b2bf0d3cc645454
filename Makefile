# Two commands matter: `make serve` and `make test`. Both set up what they need.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT = 8000  # make PORT=8001 overrides it; an exported PORT does not

.DEFAULT_GOAL := serve
.PHONY: serve test html clean publish rollback check post faq help setup setup-test given-settings-only

# The author's commands (UPUTSTVO.md). Messages are Serbian; make itself adds
# one English line („make: *** … Error 1”) when a command reports a problem.
# After Ctrl+C a command says so and exits 130 (site_tools/interrupt.py). When
# the terminal's Ctrl+C reached this recipe too, that is taken as done, so make,
# which stops on Ctrl+C by itself, adds no such line; a 130 from anything else
# is still an error. The shell waits out a closed terminal (HUP) or a kill
# (TERM), so the command cleans up before make goes.
run = ctrl_c=; trap 'ctrl_c=1' INT; trap : HUP TERM; $(1) || { status=$$?; test $$status -eq 130 -a -n "$$ctrl_c" || exit $$status; }

help:  ## Spisak komandi
	@echo 'make               pregled sajta na http://127.0.0.1:8000 (osvežava se posle svakog čuvanja)'
	@echo 'make PORT=8001     isto, na drugom portu (kada je 8000 zauzet)'
	@echo 'make check         provera sadržaja: svaki problem sa fajlom, redom i savetom'
	@echo 'make post NASLOV="Naslov teksta"        novi tekst (nacrt) u content/posts/'
	@echo 'make faq NASLOV="Naslov" [VRSTA=myths]  nova stranica sa pitanjima (ili mitovima) u content/faq/'
	@echo 'make publish       objavljivanje (make publish PROBNO=1: samo pokaže šta bi se promenilo)'
	@echo 'make rollback      vraća prethodnu objavljenu verziju sajta'

serve: setup  ## Build and preview at http://127.0.0.1:8000 (make PORT=8001: another port) with live reload
	@$(call run,$(BIN)/invoke livereload --port "$(PORT)")

html: setup  ## Development build into output/
	@$(call run,$(BIN)/invoke build)

check: setup  ## Check the content: every problem with file, line and hint
	@$(call run,$(BIN)/invoke check)

# A title without quotes (make post NASLOV=Kako da počnemo): make takes its other words for commands.
STRAY_WORDS := $(filter-out serve test html clean publish rollback check post faq help setup setup-test given-settings-only,$(MAKECMDGOALS))
QUOTE_THE_TITLE = { echo 'Naslov stavite pod navodnike, na primer: make $@ NASLOV="$(NASLOV) $(STRAY_WORDS)"'; exit 2; }
# The title as typed, for the shell to read from the environment: written into a recipe, its " or ` would
# end the shell's quotes, and make itself would take $1 in „$100” for a variable.
export NASLOV_TEXT := $(value NASLOV)

post: setup  ## New post: make post NASLOV="…"
	@test -z "$(STRAY_WORDS)" || $(QUOTE_THE_TITLE)
	@test -n "$$NASLOV_TEXT" || { echo 'Nedostaje naslov. Napišite, na primer: make post NASLOV="Kako da počnemo saradnju"'; exit 2; }
	@$(BIN)/invoke new-post "$$NASLOV_TEXT"

faq: setup  ## New FAQ page: make faq NASLOV="…" [VRSTA=myths]
	@test -z "$(STRAY_WORDS)" || $(QUOTE_THE_TITLE)
	@test -n "$$NASLOV_TEXT" || { echo 'Nedostaje naslov. Napišite, na primer: make faq NASLOV="Pitanja o ceni"'; exit 2; }
	@$(BIN)/invoke new-faq "$$NASLOV_TEXT" --kind "$(or $(VRSTA),questions)"

# What was set on the command line (make publish PROBNO=1). make ignores a name it does not use, so a
# misspelt one (probno=1) would make the trial a real publish: publish and rollback stop on it, before set-up.
GIVEN = $(foreach v,$(.VARIABLES),$(if $(filter command line,$(origin $(v))),$(v)))
comma := ,
empty :=
space := $(empty) $(empty)
UNKNOWN = $(filter-out $(ALLOWED),$(GIVEN))
UNKNOWN_SAID = $(if $(word 2,$(UNKNOWN)),Nepoznata podešavanja,Nepoznato podešavanje) $(subst $(space),$(comma) ,$(patsubst %,„%”,$(UNKNOWN)))
publish: ALLOWED = PROBNO
publish: INSTEAD = Probno objavljivanje je: make publish PROBNO=1
rollback: ALLOWED =
rollback: INSTEAD = Napišite samo: make rollback
# make -n (--dry-run) only prints the commands: the trial publish is PROBNO=1.
ifneq (,$(findstring n,$(firstword -$(MAKEFLAGS))))
$(info make -n (--dry-run) samo ispisuje komande i ništa ne pokreće. Probno objavljivanje je: make publish PROBNO=1)
endif

given-settings-only:
	@test -z "$(UNKNOWN)" || { echo '$(UNKNOWN_SAID); ništa nije pokrenuto. $(INSTEAD)'; exit 2; }

publish: given-settings-only setup  ## Check, build for production and deploy (PROBNO=1: dry run; PROBNO=0: a real one)
	@$(call run,$(BIN)/invoke publish $(if $(filter-out 0,$(PROBNO)),--dry-run))

rollback: given-settings-only setup  ## Make the previous published version live again
	@$(call run,$(BIN)/invoke rollback)

clean: setup  ## Delete output/ and cache/
	@$(call run,$(BIN)/invoke clean)

test: setup-test  ## Install everything the tests need, lint, then run them all
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

setup: $(VENV)/.site-installed

# A mistyped command (make serv): make's own answer, „No rule to make target”, is English.
# Files make already has (the Makefile, the pinned lists) are up to date and never reach it.
Makefile: ;
%:
	@echo 'Nepoznata komanda „make $@”. Spisak komandi daje: make help'; exit 2

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
