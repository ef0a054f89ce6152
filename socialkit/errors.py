"""Exceptions whose message is meant for the trainee, shown without a Python traceback.

When an exception defines ``_render_traceback_``, IPython prints what it returns instead of
the usual frames (the hook ipyparallel uses for remote errors). The kit's own errors use it
to show one line — a red title and the French message — rather than the inside of the kit.
They remain ordinary exceptions for nbgrader, nbval and pytest: the cell still fails, with
the same name and message.

:func:`install` (run when ``socialkit`` is imported in a Jupyter kernel) also turns the
predictable Python and pandas mistakes of a beginner — ``and`` between two conditions, a
decimal comma, ``=`` for ``==``, an unknown column or name, a question left unanswered or
whose cell failed — into one French line. It does nothing while nbgrader or the kit's tests
run a notebook (:func:`grading`), so graders always see the real exception.
"""

from __future__ import annotations

import ast
import os
import re
import sys
from typing import Any

__all__ = [
    "FriendlyError",
    "KitTypeError",
    "KitValueError",
    "explain",
    "grading",
    "install",
    "shell",
]


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


# --------------------------------------------------------------------------------------
# Friendly messages for predictable Python and pandas mistakes, inside Jupyter only
# --------------------------------------------------------------------------------------

# nbgrader sets NBGRADER_EXECUTION while it validates or autogrades; the kit's own test
# runs (pytest, nbval) set SOCIALKIT_GRADING. Graders then see the real exception.
GRADING_VARIABLES = ("NBGRADER_EXECUTION", "SOCIALKIT_GRADING")

# Variable name → name of the error raised by the last run of the cell that assigns it.
_FAILED: dict[str, str] = {}

_AND_OR = (
    "Pour combiner des conditions sur un tableau, utilisez & (et) ou | (ou) et mettez chaque "
    'condition entre parenthèses : (t["a"] == 1) & (t["b"] > 2). Les mots and / or ne '
    "fonctionnent pas sur une colonne."
)
_TWO_TABLES = (
    "Vous comparez des colonnes de deux tableaux différents : leurs lignes ne se "
    'correspondent pas. Filtrez un tableau avec ses propres colonnes (t[t["x"] == ...]), ou '
    'gardez les lignes présentes dans l\'autre avec .isin(autre["colonne"]).'
)
_DOUBLE_EQUAL = (
    "Pour comparer, écrivez == (deux signes égal) : un seul = range une valeur dans une "
    'variable. Exemple : t[t["plateforme"] == "facebook"].'
)
_DECIMAL_COMMA = (
    "En Python, les décimales s'écrivent avec un point : 0.01 et non 0,01 (la virgule "
    "sépare deux valeurs)."
)


def grading() -> bool:
    """True while nbgrader or the kit's tests run the notebook."""
    return any(os.environ.get(name, "") not in ("", "0") for name in GRADING_VARIABLES)


def failed_cell(name: str) -> str | None:
    """Name of the error of the last run of the cell that assigns ``name`` (None if it ran)."""
    return _FAILED.get(name)


def _names(cell: str) -> tuple[set[str], set[str]]:
    """(assigned, used) variable names of a cell; a cell that does not parse assigns by regex."""
    try:
        tree = ast.parse(cell)
    except SyntaxError:
        return set(re.findall(r"^(\w+)\s*=[^=]", cell, re.MULTILINE)), set()
    assigned, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (assigned if isinstance(node.ctx, ast.Store) else used).add(node.id)
    return assigned, used


def explain(error: BaseException, cell: str = "", namespace: dict | None = None) -> str | None:
    """One French line for a predictable mistake, or None to show the usual traceback."""
    namespace = namespace or {}
    text = str(error)
    if isinstance(error, SyntaxError):
        message = error.msg or ""
        line = error.text or ""
        if "leading zeros" in message or re.search(r"\b\d+,\d", line):
            return _DECIMAL_COMMA
        if "'=='" in message or "Maybe you meant '=='" in message:
            return _DOUBLE_EQUAL
        if re.search(r"\d[ \u202f\u00a0]\d{3}\b", line):
            return (
                "Écrivez les nombres sans espace entre les milliers : 26239100 (ou 26_239_100), "
                "pas « 26 239 100 » recopié d'un tableau."
            )
        if "positional argument follows keyword argument" in message and re.search(
            r"=\s*\d+,\d", line
        ):
            return _DECIMAL_COMMA
        return None
    assigned, used = _names(cell)
    used -= assigned
    for name in sorted(used):
        if name in _FAILED:
            return (
                f"La cellule qui calcule `{name}` a produit une erreur ({_FAILED[name]}) : "
                "corrigez-la d'abord, exécutez-la à nouveau, puis relancez celle-ci."
            )
    for name in sorted(used):
        if namespace.get(name, None) is Ellipsis:
            return (
                f"Vous n'avez pas encore répondu à la question qui définit `{name}` (elle vaut "
                "encore « ... ») : répondez-y d'abord, puis relancez cette cellule."
            )
    if isinstance(error, ValueError) and "truth value of a" in text and "ambiguous" in text:
        return _AND_OR
    if isinstance(error, ValueError) and "identically-labeled" in text:
        return _TWO_TABLES
    if type(error) is KeyError and len(error.args) == 1 and isinstance(error.args[0], str):
        label = error.args[0]
        return (
            f"« {label} » est introuvable : ce n'est pas une colonne de ce tableau (ni une "
            "étiquette de ligne ou une clé existante). Vérifiez l'orthographe, les accents et "
            "les majuscules ; tableau.columns affiche les noms des colonnes."
        )
    if type(error) is NameError and getattr(error, "name", None):
        return (
            f"Le nom `{error.name}` n'est pas défini : exécutez d'abord les cellules du dessus "
            "(celle qui le crée), ou vérifiez son orthographe."
        )
    return None


def _show(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None) -> None:
    """IPython custom exception handler: one French line when the mistake is a known one."""
    cell = shell.user_ns.get("In", [""])[-1] if shell.user_ns.get("In") else ""
    line = None if isinstance(value, FriendlyError) else explain(value, cell, shell.user_ns)
    if line is not None:
        shell._showtraceback(etype, value, [f"\x1b[1;31mErreur\x1b[0m : {line}"])
    elif issubclass(etype, SyntaxError):
        shell.showsyntaxerror()
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def _after_cell(result: Any) -> None:
    """Remember which variables the last run of a cell failed to compute."""
    assigned, _ = _names(getattr(result.info, "raw_cell", "") or "")
    error = result.error_before_exec or result.error_in_exec
    if isinstance(error, NotImplementedError):
        error = None  # the exercise's stub: the question is simply not answered yet
    for name in assigned:
        if error is not None:
            _FAILED[name] = type(error).__name__
        else:
            _FAILED.pop(name, None)


def shell() -> Any:
    """The running IPython shell (a Jupyter kernel), or None in plain Python."""
    ipython = sys.modules.get("IPython")
    return ipython.get_ipython() if ipython is not None else None


def install(ip: Any = None) -> bool:
    """Install the French messages in the running IPython kernel (not while grading).

    Called when ``socialkit`` is imported. Returns True when it installed the hooks.
    """
    if grading():
        return False
    ip = ip or shell()
    if ip is None or getattr(ip, "_socialkit_friendly", False):
        return False
    ip.set_custom_exc((Exception,), _show)
    ip.events.register("post_run_cell", _after_cell)
    ip._socialkit_friendly = True
    return True
