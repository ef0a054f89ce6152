"""Fixtures shared by the test modules: the browser ones live in ``tests/browserkit.py``."""

from browserkit import (  # noqa: F401 - fixtures are registered by being imported here
    browser,
    page,
    playwright_instance,
    pytest_runtest_makereport,
    static_server,
)
