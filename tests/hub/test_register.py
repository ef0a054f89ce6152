"""make grade before make release: the assignment is registered, or a French explanation."""

from __future__ import annotations

import shutil
from pathlib import Path

from tools.grading.course import Course
from tools.grading.register import ensure_registered, is_registered

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01-prise-en-main"


def _course(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, tmp_path / "solutions" / ASSIGNMENT)
    return tmp_path


def test_unreleased_assignment_is_registered_without_touching_exercises(tmp_path, capsys):
    root = _course(tmp_path)
    assert ensure_registered(ASSIGNMENT, root) == 0
    assert "n'était pas enregistré" in capsys.readouterr().out
    course = Course.open(root)
    assert is_registered(course, ASSIGNMENT)
    course.close()
    assert not (root / "exercises").exists()
    assert ensure_registered(ASSIGNMENT, root) == 0  # second time: nothing to do
    assert capsys.readouterr().out == ""


def test_unknown_assignment_is_explained_in_french(tmp_path, capsys):
    root = _course(tmp_path)
    assert ensure_registered("99-inconnu", root) == 2
    err = capsys.readouterr().err
    assert "Devoir « 99-inconnu » inconnu" in err and "make release" in err
