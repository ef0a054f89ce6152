"""Run a graded notebook's cells in-process, to prove wrong answers are rejected.

``Assignment("03-communication-continue")`` executes the solution notebook's code
cells once, on first use of ``namespace`` (in a plain namespace, Agg backend): creating
it at a test module's top level costs nothing at import. ``rejects(grade_id, **answers)``
replays the test cell ``grade_id`` — hidden tests included — in a copy of that
namespace where the given variables are replaced by wrong answers, and returns
True when a check rejects them (as it must). ``accepts`` is the converse.
"""

from __future__ import annotations

import contextlib
import io
import json
from functools import cached_property
from pathlib import Path
from typing import Any

import matplotlib

from socialkit.check import Incorrect

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent


def _meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


class Assignment:
    def __init__(self, name: str, folder: str = "solutions") -> None:
        self.path = ROOT / folder / name / f"{name}.ipynb"

    @cached_property
    def cells(self) -> list[dict]:
        return json.loads(self.path.read_text(encoding="utf-8"))["cells"]

    @cached_property
    def namespace(self) -> dict[str, Any]:
        namespace: dict[str, Any] = {"__name__": "__main__"}
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in self.cells:
                if cell["cell_type"] == "code":
                    exec(compile(self._source(cell), str(self.path), "exec"), namespace)
        return namespace

    @staticmethod
    def _source(cell: dict) -> str:
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        # IPython magics have no place in graded notebooks; display() is the only builtin needed.
        assert not any(line.lstrip().startswith(("%", "!")) for line in src.splitlines()), src
        return src

    def grade_ids(self) -> list[str]:
        return [
            _meta(c)["grade_id"]
            for c in self.cells
            if c["cell_type"] == "code" and _meta(c).get("grade") and not _meta(c).get("solution")
        ]

    def test_cell(self, grade_id: str) -> str:
        for cell in self.cells:
            if _meta(cell).get("grade_id") == grade_id:
                return self._source(cell)
        raise KeyError(grade_id)

    def _run(self, grade_id: str, answers: dict[str, Any]) -> BaseException | None:
        namespace = dict(self.namespace)
        namespace.update(answers)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(self.test_cell(grade_id), grade_id, "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - any failure means "rejected"
            return exc
        return None

    def rejects(self, grade_id: str, **answers: Any) -> bool:
        """True when the tests fail *through a check* (``socialkit.check.Incorrect``).

        Any other exception means the test cell itself broke on that answer, which would
        hide whether the checks work; it is re-raised so the test shows it.
        """
        error = self._run(grade_id, answers)
        if error is None:
            return False
        if isinstance(error, Incorrect):
            return True
        raise AssertionError(f"{grade_id} crashed instead of rejecting: {error!r}") from error

    def accepts(self, grade_id: str, **answers: Any) -> bool:
        error = self._run(grade_id, answers)
        if error is not None:
            raise AssertionError(f"{grade_id} rejected a right answer: {error!r}")
        return True
