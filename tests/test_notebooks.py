"""Every lecture notebook of ``course/`` runs top to bottom without an error.

Each notebook is executed once per content in a real kernel (:mod:`nbrun`). A cell tagged
``raises-exception`` must raise (the lecture shows an error on purpose). The notebooks of
``solutions/`` get the same check in ``tests/test_assignments.py``, on the execution that
nbgrader's validator judges.
"""

from __future__ import annotations

from pathlib import Path

import nbrun
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "course").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_runs_without_error(path):
    assert nbrun.errors(nbrun.executed(path)) == []


def test_an_error_is_reported(tmp_path):
    """The check above sees an error, and a tagged cell that does not raise."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("1 / 0"),
        nbformat.v4.new_code_cell("y = 2", metadata={"tags": ["raises-exception"]}),
        nbformat.v4.new_code_cell("int('a')", metadata={"tags": ["raises-exception"]}),
    ]
    path = tmp_path / "erreur.ipynb"
    nbformat.write(nb, path)
    assert nbrun.errors(nbrun.executed(path)) == [
        "cell 1: ZeroDivisionError: division by zero",
        "cell 2: tagged raises-exception but ran without error",
    ]
