"""Every graded assignment: nbgrader accepts the solution, rejects the untouched exercise.

``nbgrader validate`` runs the solution notebook with its hidden tests;
``nbgrader validate --invert`` runs the generated exercise and passes only if
every graded test cell fails there. The structure checks keep every assignment
to the kit's pattern (hidden tests in every graded cell, a manual answer,
French stubs, exact-type checks through socialkit.check).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())


def _validate(path: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", "validate", str(path), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


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
def test_solution_validates(name):
    done = _validate(ROOT / "solutions" / name / f"{name}.ipynb")
    assert "Success! Your notebook passes all the tests." in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_untouched_exercise_fails_every_test(name):
    done = _validate(ROOT / "exercises" / name / f"{name}.ipynb", "--invert")
    assert "Success! The notebook does not pass any tests." in done.stdout, (
        done.stdout + done.stderr
    )


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
