"""Argument checks shared by the models (private; French messages for the trainees).

Every public model function validates its arguments with these helpers so that a
slider or a notebook cell with a wrong value gets a clear French ``KitValueError``
naming the parameter and the allowed range.
"""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any

from socialkit import fr
from socialkit.errors import KitValueError


def check_number(
    name: str,
    value: Any,
    low: float,
    high: float,
    *,
    low_open: bool = False,
    high_open: bool = False,
    integer: bool = False,
) -> float:
    """Return ``value`` as float (or int) if it lies in the range, else raise KitValueError."""
    kind = "un nombre entier" if integer else "un nombre"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise KitValueError(f"« {name} » doit être {kind} (valeur reçue : {value!r}).")
    if integer and not isinstance(value, Integral):
        if not float(value).is_integer():
            raise KitValueError(f"« {name} » doit être {kind} (valeur reçue : {value!r}).")
    v = float(value)
    too_low = v <= low if low_open else v < low
    too_high = v >= high if high_open else v > high
    if math.isnan(v) or too_low or too_high:
        left = "]" if low_open else "["
        right = "[" if high_open else "]"
        lo, hi = fr.short_number(low), fr.short_number(high)
        raise KitValueError(
            f"« {name} » doit être compris entre {lo} et {hi} "
            f"(intervalle {left}{lo} ; {hi}{right}, valeur reçue : {value!r})."
        )
    return int(v) if integer else v
