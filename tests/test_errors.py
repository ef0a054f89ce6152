"""Trainee-facing errors: the package raises the kit's French exceptions, never bare built-ins."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from socialkit.errors import FriendlyError, KitTypeError, KitValueError

PACKAGE = Path(__file__).resolve().parent.parent / "socialkit"
BUILTINS = {
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "AttributeError",
    "RuntimeError",
    "Exception",
    "LookupError",
}


def bare_raises(source: str) -> list[int]:
    """Line numbers of ``raise X(...)`` / ``raise X`` where X is a built-in exception."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and target.id in BUILTINS:
                lines.append(node.lineno)
    return sorted(lines)


def test_no_bare_builtin_raise_in_the_package():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in bare_raises(path.read_text(encoding="utf-8"))
    ]
    assert not found, "raise KitValueError / KitTypeError instead of: " + ", ".join(found)


def test_the_scanner_finds_bare_raises():
    source = "def f(x):\n    if x:\n        raise ValueError('a')\n    raise TypeError\n"
    assert bare_raises(source) == [3, 4]
    assert bare_raises("raise KitValueError('a')\n") == []
    assert bare_raises("try:\n    pass\nexcept ValueError:\n    raise\n") == []


def test_kit_errors_are_still_builtin_errors_for_callers():
    # Code that catches ValueError/TypeError (pandas, nbgrader, tests) keeps working.
    assert issubclass(KitValueError, ValueError) and issubclass(KitValueError, FriendlyError)
    assert issubclass(KitTypeError, TypeError) and issubclass(KitTypeError, FriendlyError)


def test_a_real_mistake_gets_a_kit_error():
    from socialkit import metrics

    with pytest.raises(KitValueError, match="négatifs"):
        metrics.net_sentiment_from_counts(-1, 0, 10)
    with pytest.raises((KitValueError, KitTypeError), match="publications"):
        metrics.engagement_rate("pas un tableau")
