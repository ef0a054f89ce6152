"""Shared fixtures and the shape of a test run.

- One execution per notebook: :mod:`nbrun` runs every notebook in a real kernel once per
  content and stores the result under ``.cache/``; the tests that need it (« runs without
  error », ``nbgrader validate``, ``validate --invert``) share it, across the two
  pytest-xdist workers and across runs where nothing changed.
- One generation of ``exercises/`` per run (``generated_exercises``), shared by the
  freshness test and the ``validate --invert`` tests.
- Nothing runs at import: test modules build their data in fixtures.
- Scheduling (``make test`` runs ``--dist loadfile``): the tests of one file stay on one
  worker, so a module-scoped fixture (a solution run in-process, the sample data, a graded
  class) is built once. The files that run notebooks or graders come first (:data:`HEAVY`),
  so the two workers start on the long work and share out the short files at the end.
- Browser fixtures (``page``, ``browser``, ``static_server``…) come from :mod:`browserkit`.
- Hand-made tables for the unit tests are typed by :mod:`tables` (``stamps``, ``ts``,
  ``typed``: the types ``load`` gives); the graded notebooks' wrong-answer tests use
  :mod:`nbharness`.
"""

from __future__ import annotations

from pathlib import Path

import nbrun
import pytest
from browserkit import (  # noqa: F401 - browser fixtures, registered by being imported
    browser,
    page,
    playwright_instance,
    pytest_runtest_makereport,
    static_server,
)

ROOT = Path(__file__).resolve().parent.parent
# Longest files first: the classroom's browser journey (tests/hub/), lecture notebooks (one
# worker), solutions and exercises (the other), then the graded probe class and the data
# generator.
HEAVY = [
    "test_classroom.py",
    "test_notebooks.py",
    "test_assignments.py",
    "test_grading.py",
    "test_grading_user.py",
    "test_data.py",
]


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(HEAVY)}
    items.sort(key=lambda item: rank.get(item.path.name, len(HEAVY)))


@pytest.fixture(scope="session")
def generated_exercises() -> Path:
    """``exercises/`` freshly generated from ``solutions/`` (once per content)."""
    return nbrun.generated_exercises()
