# One entry point for trainees, instructors and maintainers. `make help` lists the targets.
# Everything runs inside .venv, created on first use from pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
ASSIGNMENT ?=
FROM ?=
JOBS ?= 2
# Course directory the grading commands work on (default: this folder). On the classroom hub:
# COURSE=/srv/medias-sociaux/cours (run as root; files are given back to the course's owner).
COURSE ?=
ROOT_ARG = $(if $(COURSE),--root $(COURSE))
OWNER_FIX = $(if $(COURSE),&& $(BIN)/python -m tools.grading.exchange fix-owner --root $(COURSE))
ROSTER ?= roster.csv
HUB_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install lab check-env test lint test-package test-notebooks test-assignments \
        data check-data exercises clean-notebooks bench release collect grade bench-grading \
        feedback format check-notebook grading-deps browser vendor apps slides site bench-browser \
        hub trainee-dist roster release-feedback

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 20

$(STAMP): pyproject.toml jupyter-config/lab/overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/jupyter server extension enable --sys-prefix nbgrader.server_extensions.formgrader >/dev/null
	$(BIN)/jupyter server extension enable --sys-prefix nbgrader.server_extensions.assignment_list >/dev/null
	$(BIN)/jupyter server extension enable --sys-prefix nbgrader.server_extensions.course_list >/dev/null
	$(BIN)/jupyter server extension enable --sys-prefix nbgrader.server_extensions.validate_assignment >/dev/null
	$(BIN)/jupyter labextension enable nbgrader >/dev/null
	@# server extension: notebooks not marked modified on opening (socialkit/lab.py); a wheel
	@# install puts this file there itself, an editable install skips pyproject's data-files
	install -D -m 644 jupyter-config/jupyter_server_config.d/socialkit.lab.json \
		$(VENV)/etc/jupyter/jupyter_server_config.d/socialkit.lab.json
	@# JupyterLab defaults: no execution-progress item in the notebook toolbar (its updates at
	@# every kernel message cost ~14 ms per slider move; docs/maintainers/delivery.md)
	install -D -m 644 jupyter-config/lab/overrides.json \
		$(VENV)/share/jupyter/lab/settings/overrides.json
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)  ## create .venv and install the kit (done by every other target)

check-env: $(STAMP)  ## print OK / MANQUANT for every package
	@$(BIN)/python -m tools.check_env

# Jupyter refuses to run as root (containers, Binder-like hosts) unless told it is deliberate.
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

# The environment's tools (alembic for the formgrader's first gradebook, nbgrader, jupyter) must be
# on PATH for the server and its kernels: without it the formgrader hangs on first open.
lab: check-env  ## open JupyterLab on the course index (nbgrader extensions enabled)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/jupyter lab $(LAB_FLAGS) --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/course/00-index.ipynb

test: $(STAMP) grading-deps browser vendor  ## every check CI runs: lint, package, data, notebooks, nbgrader, exercises
	@$(BIN)/python -m tools.run_checks --jobs $(JOBS)

# The grading sandbox (one per submission) comes from the kit's fork server (Linux
# namespaces, nothing to install); bubblewrap from the distribution is its fallback (and
# the tests grade with both). As root on Debian/Ubuntu (CI, a grading server) it is
# installed when missing; otherwise the command to run is printed.
grading-deps:  ## install bubblewrap (fallback grading sandbox) when missing (apt-get, as root)
	@command -v bwrap >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installation de bubblewrap (bac à sable de la correction)…"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap) >/dev/null \
	      || { echo "Échec de l'installation de bubblewrap."; exit 1; }; \
	  else \
	    echo "bubblewrap manque pour le bac à sable de la correction : sudo apt-get install bubblewrap"; \
	  fi; }

lint: $(STAMP)  ## ruff lint and format check on every Python source
	$(BIN)/ruff check socialkit tools tests nbgrader_config.py
	$(BIN)/ruff format --check socialkit tools tests nbgrader_config.py

format: $(STAMP)  ## apply ruff's formatter and safe lint fixes
	$(BIN)/ruff format socialkit tools tests nbgrader_config.py
	$(BIN)/ruff check --fix socialkit tools tests nbgrader_config.py

data: $(STAMP)  ## regenerate datasets/ from tools/make_data.py
	$(BIN)/python -m tools.make_data

check-data: $(STAMP)  ## fail if datasets/ differs from a fresh generation
	$(BIN)/python -m tools.make_data --check

exercises: $(STAMP)  ## regenerate the headers in solutions/, then exercises/ (nbgrader)
	$(BIN)/python -m tools.exercises

# While writing a notebook: every cell under pytest with nbval, outputs compared loosely
# (make test runs each notebook once, cached by content, through tests/nbrun.py).
NB ?= course
check-notebook: $(STAMP)  ## run notebooks cell by cell with nbval: make check-notebook NB=course/03-….ipynb
	MPLBACKEND=Agg $(BIN)/python -m pytest -p no:cacheprovider --nbval-lax --nbval-current-env $(NB)

clean-notebooks: $(STAMP)  ## strip outputs and machine metadata from every notebook
	$(BIN)/python -m tools.notebooks --fix

bench: $(STAMP)  ## widget latency (p50/p95 per view) and grading speed vs stock nbgrader
	$(BIN)/python -m tools.bench_widgets
	$(BIN)/python -m tests.grading.bench

bench-grading: $(STAMP) grading-deps  ## grading benchmark only: 30 submissions, kit vs stock nbgrader
	$(BIN)/python -m tests.grading.bench

release: $(STAMP)  ## regenerate one assignment in exercises/ (and release it if an exchange is set)
	@test -n "$(ASSIGNMENT)" || { echo "Précisez le devoir : make release ASSIGNMENT=03-communication-continue"; exit 2; }
	$(BIN)/python -m tools.grading.release $(ASSIGNMENT) $(ROOT_ARG) $(OWNER_FIX)

collect: $(STAMP)  ## import submissions: make collect ASSIGNMENT=<id> FROM=<folder, zip or exchange>
	@test -n "$(ASSIGNMENT)" -a -n "$(FROM)" || { echo "Précisez le devoir et la source : make collect ASSIGNMENT=<id> FROM=<dossier, zip ou exchange>"; exit 2; }
	$(if $(filter exchange,$(FROM)),$(BIN)/python -m tools.grading.exchange collect $(ASSIGNMENT),$(BIN)/python -m tools.grading.collect $(ASSIGNMENT) $(FROM)) $(ROOT_ARG) $(OWNER_FIX)

grade: $(STAMP) grading-deps  ## autograde (all assignments, or ASSIGNMENT=<id>), feedback, grades.csv, summary
	$(BIN)/python -m tools.grading.grade $(ASSIGNMENT) --workers $(JOBS) $(if $(ISOLATION),--isolation $(ISOLATION)) $(ROOT_ARG) $(OWNER_FIX)

feedback: $(STAMP)  ## regenerate feedback after manual grading in the formgrader
	$(BIN)/python -m tools.grading.feedback $(ASSIGNMENT) $(ROOT_ARG) $(OWNER_FIX)

release-feedback: $(STAMP)  ## give the kit's feedback back through nbgrader's exchange
	@test -n "$(ASSIGNMENT)" || { echo "Précisez le devoir : make release-feedback ASSIGNMENT=<id>"; exit 2; }
	$(BIN)/python -m tools.grading.exchange release-feedback $(ASSIGNMENT) $(ROOT_ARG) $(OWNER_FIX)

roster: $(STAMP)  ## import roster.csv (names, e-mail, LMS id) into the gradebook
	$(BIN)/python -m tools.grading.roster $(ROSTER) $(ROOT_ARG) $(OWNER_FIX)

trainee-dist: $(STAMP)  ## the trainees' copy (course, exercises, datasets, package) into build/trainee-dist/
	$(BIN)/python tools/trainee_dist.py

# The classroom: provisions (as root: Unix accounts from roster.csv, exchange, users' Python
# environment, configurable-http-proxy from npm) and runs JupyterHub. docs/instructor/classroom.md
hub: $(STAMP)  ## JupyterHub for the class from roster.csv (see docs/instructor/classroom.md)
	@test -f "$(ROSTER)" || { echo "Liste de la classe absente : copiez docs/instructor/roster-exemple.csv en $(ROSTER) et complétez-la."; exit 2; }
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m tools.hub --roster $(ROSTER) $(HUB_ARGS)

# Browser tests use the distribution's chromium (never `playwright install`: it downloads a
# browser). As root (CI, these machines) it is installed with apt-get when missing.
CHROMIUM ?= /usr/bin/chromium

browser:  ## install Debian's chromium for the browser tests when missing (needs root)
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium absent : sudo apt-get install chromium (ou CHROMIUM=/chemin/vers/chromium)"; exit 1; \
	  fi; }

vendor: $(STAMP)  ## reveal.js, axe-core and MathJax from the npm registry into build/vendor/ (offline after)
	@$(BIN)/python tools/vendor.py

APPS_PORT ?= 8866
# Voilà with the kit's template (share/jupyter/voila/templates/kit: no CDN request) and
# kernel websockets without Nagle's delay (socialkit/websocket.py)
VOILA = JUPYTER_PATH=$(CURDIR)/share/jupyter $(BIN)/voila --template=kit --Voila.ip=127.0.0.1 \
	--Voila.kernel_websocket_connection_class=socialkit.websocket.NoDelayKernelConnection

apps: $(STAMP)  ## serve the simulations as apps (Voilà) on http://127.0.0.1:8866/
	@echo "Sommaire des simulations : http://127.0.0.1:$(APPS_PORT)/voila/render/00-sommaire.ipynb"
	MPLBACKEND=Agg $(VOILA) --preheat_kernel=True --port=$(APPS_PORT) --no-browser apps/

slides: $(STAMP) vendor  ## instructor decks (reveal.js, offline) into build/slides/
	$(BIN)/python tools/publish.py slides

site: $(STAMP) vendor  ## static self-study site into build/site/ (open build/site/index.html)
	$(BIN)/python tools/publish.py site

bench-browser: $(STAMP) browser  ## latency in chromium: key press → figure painted, Voilà and JupyterLab
	$(BIN)/python tools/bench_browser.py
