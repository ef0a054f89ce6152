"""Exceptions whose message is meant for the trainee, shown without a Python traceback.

When an exception defines ``_render_traceback_``, IPython prints what it returns instead of
the usual frames (the hook ipyparallel uses for remote errors). The kit's own errors use it
to show one line — a red title and the French message — rather than the inside of the kit.
They remain ordinary exceptions for nbgrader, nbval and pytest: the cell still fails, with
the same name and message.
"""

from __future__ import annotations

__all__ = ["FriendlyError", "KitTypeError", "KitValueError"]


class FriendlyError(Exception):
    """Base of the kit's trainee-facing errors."""

    title = "Erreur"

    def _render_traceback_(self) -> list[str]:
        return [f"\x1b[1;31m{self.title}\x1b[0m : {self}"]


class KitValueError(FriendlyError, ValueError):
    """A value the kit cannot use (unknown option, out-of-range number, missing column…)."""

    title = "Valeur à corriger"


class KitTypeError(FriendlyError, TypeError):
    """An argument of the wrong kind (e.g. a column where a table is expected)."""

    title = "Type à corriger"
