"""Every graded assignment: nbgrader accepts the solution, rejects the untouched exercise.

nbgrader's ``Validator`` (what ``nbgrader validate`` runs) judges the solution notebook
with its hidden tests, and with ``invert`` the freshly generated exercise, which passes
only if every graded test cell fails there. Both read the one execution of each notebook
that :mod:`nbrun` stores; the exercises come from the run's one generation, which must also
equal ``exercises/`` in git. The structure checks keep every assignment to the kit's
pattern (hidden tests in every graded cell, a manual answer, French stubs, exact-type checks
through socialkit.check); the header checks keep each notebook's header equal to what its
metadata gives (``tools/headers.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbrun
import pytest

from tools import headers
from tools.exercises import differences

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = nbrun.assignments()


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_pairs_exactly(name):
    assert (ROOT / "solutions" / name / f"{name}.ipynb").is_file()
    assert (ROOT / "exercises" / name / f"{name}.ipynb").is_file()
    assert list((ROOT / "course").glob(f"{name}.ipynb")), f"course/{name}.ipynb is missing"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_solution_runs_and_validates(name):
    path = ROOT / "solutions" / name / f"{name}.ipynb"
    assert nbrun.errors(nbrun.executed(path)) == []  # no cell raises, graded or not
    assert nbrun.validate(path) == {}


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_untouched_exercise_fails_every_test(name, generated_exercises):
    path = generated_exercises / name / f"{name}.ipynb"
    assert nbrun.validate(path, invert=True) == {}
    # The same execution judged the other way: every graded cell fails (tests raise, and an
    # untouched written answer scores 0).
    failed = nbrun.validate(path)["failed"]
    graded = [c for c in _cells(path) if c["metadata"].get("nbgrader", {}).get("grade")]
    assert len(failed) == len(graded) >= 4


def test_exercises_are_fresh(generated_exercises):
    """exercises/ is what `make exercises` gives from solutions/ (nobody edits it)."""
    stale = differences(generated_exercises, ROOT / "exercises")
    assert stale == [], f"exercises/ is stale, run `make exercises`: {stale}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_header_matches_metadata(name):
    """The header and the question headings are what tools/headers.py makes of the metadata."""
    assert headers.stale([name]) == [], f"{name}: points changed, run `make exercises`"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_header_total_is_the_metadata_total(name):
    cells = _cells(ROOT / "solutions" / name / f"{name}.ipynb")
    meta = [c["metadata"].get("nbgrader", {}) for c in cells]
    points = sum(m.get("points", 0) for m in meta if m.get("grade") or m.get("task"))
    auto = sum(m.get("points", 0) for m in meta if m.get("grade") and not m.get("solution"))
    text = "\n".join(_source(c) for c in cells[:3])
    assert f"| **Total** | **{points}** |" in text
    assert f"{points} points au total ({auto} points corrigés automatiquement" in text
    for cell in cells:
        src = _source(cell)
        if src.startswith("## Question "):
            assert re.search(r"\(\d+ points?(, corrigée à la main)?\)$", src.splitlines()[0])


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_structure(name):
    cells = _cells(ROOT / "solutions" / name / f"{name}.ipynb")
    meta = [c["metadata"].get("nbgrader", {}) for c in cells]
    tests = [
        (c, m) for c, m in zip(cells, meta, strict=True) if m.get("grade") and not m.get("solution")
    ]
    manual = [m for m in meta if m.get("grade") and m.get("solution")]
    assert len(tests) >= 4, "at least 4 autograded questions"
    for cell, m in tests:
        src = _source(cell)
        assert m.get("locked") and m.get("points", 0) > 0, m["grade_id"]
        assert "### BEGIN HIDDEN TESTS" in src and "### END HIDDEN TESTS" in src, m["grade_id"]
        visible = src.split("### BEGIN HIDDEN TESTS")[0]
        assert "check_" in visible, f"{m['grade_id']}: visible tests use socialkit.check"
        assert "assert " not in src, f"{m['grade_id']}: bare assert; use socialkit.check"
    for cell, m in zip(cells, meta, strict=True):
        if cell["cell_type"] == "code" and m.get("solution") and not m.get("grade"):
            head = _source(cell).split("### BEGIN SOLUTION")[0]
            assert re.search(r"^\w+ = \.\.\.$", head, re.MULTILINE), (
                f"{m['grade_id']}: pre-set the answer to ... so an untouched cell gets the "
                "« pas encore répondu » message instead of a NameError"
            )
    if name != "01-prise-en-main":
        assert manual, "at least one manually graded answer"
    ids = [m["grade_id"] for m in meta if m]
    assert len(ids) == len(set(ids)), "grade_id values must be unique"
