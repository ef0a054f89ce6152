"""tools/answer_keys.py: keys are rewritten from the executed solution, and reruns are no-ops."""

from __future__ import annotations

import json
import re

import pytest

from tools.answer_keys import HIDDEN, SOURCE, Notebook

NAME = "01-prise-en-main"


def _visible(notebook: Notebook, grade_id: str) -> str:
    for cell in notebook.nb["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            return "".join(cell["source"]).split(HIDDEN)[0]
    raise KeyError(grade_id)


def _set_visible(notebook: Notebook, grade_id: str, text: str) -> None:
    for cell in notebook.nb["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            hidden = "".join(cell["source"]).split(HIDDEN, 1)[1]
            cell["source"] = (text + HIDDEN + hidden).splitlines(keepends=True)


def test_stale_and_new_keys_are_rewritten_and_reruns_change_nothing():
    notebook = Notebook(NAME)
    original = json.loads(json.dumps(notebook.nb))
    q1 = _visible(notebook, "q1_tests")
    key = re.search(r'"(i:[0-9a-f]{16}:[0-9a-f]{24})"', q1).group(1)
    spec, salt, digest = key.split(":")
    # A stale digest (the data changed) and a new question written with its kind only.
    _set_visible(notebook, "q1_tests", q1.replace(key, f"i:{salt}:{'0' * 24}"))
    q3 = _visible(notebook, "q3_tests")
    q3_key = re.search(r'"(i:[0-9a-f]{16}:[0-9a-f]{24})"', q3).group(1)
    _set_visible(notebook, "q3_tests", q3.replace(f'"{q3_key}"', '"i"'))
    assert notebook.rewrite()
    assert key in _visible(notebook, "q1_tests")  # the salt is kept: the same key comes back
    fresh = re.search(r'"(i:[0-9a-f]{16}:[0-9a-f]{24})"', _visible(notebook, "q3_tests"))
    assert fresh and fresh.group(1) != q3_key  # a new salt, a new valid key
    assert not Notebook(NAME).rewrite()  # the committed notebook is up to date
    assert notebook.nb["cells"][0] == original["cells"][0]  # nothing else touched


@pytest.mark.parametrize("name", sorted(p.name for p in SOURCE.iterdir() if p.is_dir()))
def test_every_answer_key_is_fresh(name):
    """A key left stale after a data or solution change fails here (and in nbgrader validate)."""
    assert not Notebook(name).rewrite(), f"run python -m tools.answer_keys --fix {name}"
