"""Shared fixtures and the shape of a test run.

- One execution per notebook: :mod:`nbrun` runs every notebook in a real kernel once per
  content and stores the result under ``.cache/``; the tests that need it (« runs without
  error », ``nbgrader validate``, ``validate --invert``) share it, across the two
  pytest-xdist workers and across runs where nothing changed.
- One generation of ``exercises/`` per run (``generated_exercises``), shared by the
  freshness test and the ``validate --invert`` tests.
- Nothing runs at import: test modules build their data in fixtures.
- Scheduling (``make test`` runs ``--dist loadgroup``): the tests of one file stay on one
  worker, so a module-scoped fixture (a solution run in-process, the sample data, a graded
  class) is built once; the notebook tests of :data:`SPREAD` go one by one to whichever
  worker is free.
- Hand-made tables for the unit tests are typed by :mod:`tables` (``stamps``, ``ts``,
  ``typed``: the types ``load`` gives); the graded notebooks' wrong-answer tests use
  :mod:`nbharness`.
"""

from __future__ import annotations

from pathlib import Path

import nbrun
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Files whose tests each execute (or read) one notebook: spread over the workers.
SPREAD = {"test_notebooks.py", "test_assignments.py"}


def pytest_collection_modifyitems(items):
    for item in items:
        name = item.path.name
        if name not in SPREAD:
            item.add_marker(pytest.mark.xdist_group(name))


@pytest.fixture(scope="session")
def generated_exercises() -> Path:
    """``exercises/`` freshly generated from ``solutions/`` (once per content)."""
    return nbrun.generated_exercises()
