# `make run` builds the briefing of seeds/ into out/; `make test` runs the test suite;
# `make bench` measures routing quality, `make bench-scale` speed and memory at scale.
# All create the virtual environment and install what they need on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test bench bench-scale clean reference-docx

run: $(VENV)/.installed
	$(BIN)/briefing build seeds --out out

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# The shipped DOCX styles are made by a script, so that they can be reviewed as code.
reference-docx: $(VENV)/.installed
	$(BIN)/python scripts/make_reference_docx.py templates/reference.docx

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/routing.py

# Minutes: the 2,000-article corpus parses for a few of them. Not part of `make test`.
bench-scale: $(VENV)/.installed
	$(BIN)/python benchmarks/scale.py --write

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	# As pip does for a regular install: an editable one leaves the byte-code to the first
	# run, which cannot write it where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q briefing
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) out/briefing.* out/.briefing-manifest.json
