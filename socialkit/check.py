"""Answer checks for the graded notebooks: exact types, then values.

Every test cell of the course calls these helpers instead of a bare ``assert``:

- the type is compared *exactly* (``type(x) is int``, never ``isinstance``), so an
  object whose ``__eq__`` always returns True, or a subclass of the expected type,
  is rejected before any comparison runs;
- values are compared only once the type is known to be a plain built-in, NumPy or
  pandas type, so no student-defined ``__eq__`` is ever called;
- failures raise :class:`Incorrect` (an ``AssertionError``) with a short French
  message that names the variable and says what to try next.

``Ellipsis`` (``...``) is the "not answered yet" placeholder of the exercises.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from socialkit.errors import FriendlyError, KitTypeError

__all__ = [
    "Incorrect",
    "check_type",
    "check_equal",
    "check_between",
    "check_columns",
    "check_true",
]


class Incorrect(FriendlyError, AssertionError):
    """A wrong or missing answer; the message is meant for the trainee."""

    title = "Réponse à revoir"


# Exact types accepted for each expected kind. NumPy scalars are what pandas
# returns (``df["x"].sum()`` is ``numpy.int64``), so they count as plain numbers.
_INT_TYPES = (int, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64)
_FLOAT_TYPES = (float, np.float16, np.float32, np.float64)
_BOOL_TYPES = (bool, np.bool_)

_KIND_NAMES = {
    int: "un nombre entier (int)",
    float: "un nombre décimal (float)",
    bool: "un booléen (True ou False)",
    str: "un texte (str)",
    list: "une liste (list)",
    dict: "un dictionnaire (dict)",
    tuple: "un tuple",
    pd.DataFrame: "un tableau pandas (DataFrame)",
    pd.Series: "une colonne pandas (Series)",
}


def _accepted(expected_type: type) -> tuple[type, ...]:
    if expected_type is int:
        return _INT_TYPES
    if expected_type is float:
        # An integer result for a float question is fine (e.g. a rate of exactly 3).
        return _FLOAT_TYPES + _INT_TYPES
    if expected_type is bool:
        return _BOOL_TYPES
    return (expected_type,)


def _describe(value: Any) -> str:
    # type(value).__name__ is read from the class, never from the instance.
    return type(value).__name__


def _not_answered(value: Any, name: str) -> None:
    if value is Ellipsis:
        raise Incorrect(
            f"Vous n'avez pas encore répondu : remplacez les « ... » de `{name}` "
            "par votre réponse, puis exécutez à nouveau la cellule (Maj + Entrée)."
        )


def check_type(value: Any, expected_type: type, name: str, hint: str = "") -> None:
    """Fail unless ``type(value)`` is exactly one of the accepted types.

    ``expected_type`` is a built-in (``int``, ``float``, ``bool``, ``str``, ``list``,
    ``dict``, ``tuple``) or ``pd.DataFrame`` / ``pd.Series``.
    """
    __tracebackhide__ = True
    _not_answered(value, name)
    if type(value) not in _accepted(expected_type):
        wanted = _KIND_NAMES.get(expected_type, expected_type.__name__)
        message = (
            f"`{name}` devrait être {wanted}, mais c'est un objet de type « {_describe(value)} »."
        )
        raise Incorrect(message + (f" Piste : {hint}" if hint else ""))


def _same_number(value: Any, expected: float, rel: float, abs_: float) -> bool:
    value = float(value)
    if math.isnan(expected):
        return math.isnan(value)
    return math.isclose(value, expected, rel_tol=rel, abs_tol=abs_)


def _equal(value: Any, expected: Any, rel: float, abs_: float) -> bool:
    """Compare after an exact type check; never calls a user-defined ``__eq__``."""
    kind = type(expected)
    if kind in _BOOL_TYPES:
        return type(value) in _BOOL_TYPES and bool(value) == bool(expected)
    if kind in _INT_TYPES:
        return type(value) in _INT_TYPES and int(value) == int(expected)
    if kind in _FLOAT_TYPES:
        return type(value) in _FLOAT_TYPES + _INT_TYPES and _same_number(
            value, float(expected), rel, abs_
        )
    if type(value) is not kind:
        return False
    if kind is str:
        return str.__eq__(value, expected)
    if kind in (list, tuple):
        return len(value) == len(expected) and all(
            _equal(v, e, rel, abs_) for v, e in zip(value, expected, strict=True)
        )
    if kind is dict:
        return set(map(repr, value)) == set(map(repr, expected)) and all(
            _equal(value[k], expected[k], rel, abs_) for k in expected
        )
    if kind is pd.Series:
        try:
            pd.testing.assert_series_equal(
                value, expected, check_dtype=False, check_names=False, rtol=rel, atol=abs_
            )
        except AssertionError:
            return False
        return True
    if kind is pd.DataFrame:
        try:
            pd.testing.assert_frame_equal(value, expected, check_dtype=False, rtol=rel, atol=abs_)
        except AssertionError:
            return False
        return True
    raise KitTypeError(f"check_equal ne sait pas comparer le type {kind.__name__}")


def check_equal(
    value: Any,
    expected: Any,
    name: str,
    *,
    rel: float = 1e-6,
    abs: float = 1e-9,  # noqa: A002 - mirrors math.isclose
    hint: str = "",
) -> None:
    """Fail unless ``value`` has the type of ``expected`` and the same value.

    Numbers are compared with a relative tolerance ``rel`` (and absolute ``abs``);
    lists, tuples and dicts element by element; Series and DataFrames with pandas'
    own testing functions. The expected value never appears in the message.
    """
    __tracebackhide__ = True
    expected_kind = type(expected)
    if expected_kind in _INT_TYPES:
        expected_kind = int
    elif expected_kind in _FLOAT_TYPES:
        expected_kind = float
    elif expected_kind in _BOOL_TYPES:
        expected_kind = bool
    check_type(value, expected_kind, name, hint)
    if not _equal(value, expected, rel, abs):
        message = f"`{name}` n'a pas la valeur attendue."
        raise Incorrect(message + (f" Piste : {hint}" if hint else " Relisez la consigne."))


def check_between(value: Any, low: float, high: float, name: str, hint: str = "") -> None:
    """Fail unless ``value`` is a plain number within ``[low, high]`` (a visible sanity check)."""
    __tracebackhide__ = True
    check_type(value, float, name, hint)
    if not (low <= float(value) <= high):
        message = f"`{name}` vaut {float(value):g}, ce qui sort de l'ordre de grandeur attendu."
        raise Incorrect(message + (f" Piste : {hint}" if hint else ""))


def check_columns(value: Any, required: list[str], name: str, hint: str = "") -> None:
    """Fail unless ``value`` is a DataFrame with (at least) the ``required`` columns."""
    __tracebackhide__ = True
    check_type(value, pd.DataFrame, name, hint)
    missing = [c for c in required if c not in list(value.columns)]
    if missing:
        message = f"Il manque dans `{name}` la ou les colonnes : {', '.join(missing)}."
        raise Incorrect(message + (f" Piste : {hint}" if hint else ""))


def check_true(condition: Any, message: str) -> None:
    """Fail with ``message`` unless ``condition`` is exactly ``True`` (or ``numpy.True_``)."""
    __tracebackhide__ = True
    if type(condition) not in _BOOL_TYPES or not bool(condition):
        raise Incorrect(message)
