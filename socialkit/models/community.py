"""Community growth along the relationship funnel (module 7).

Anchor: docs/sources.md §4.3, Bass diffusion (1969), time in weeks:

    F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p) e^{−(p+q)t}),   N(t) = m F(t)
    peak of new adoptions at t* = ln(q/p) / (p + q)

p = institutional push (« publicité institutionnelle »: bulletin communal, website, flyers),
q = word of mouth (sharing by residents and employees; ambassadors raise it:
``q_eff = q + n_ambassadors × q_per_ambassador``), m = addressable population.

Retention [D]: the active community A (members who still read/interact) gains the new
adopters and loses members at the weekly rate ``churn × (1 − service_quality)``, where
service_quality ∈ [0, 1] is the share of questions that get an answer (§2.2):

    A_w = A_{w−1} + n_w − churn · (1 − service_quality) · A_{w−1}

Week w covers the interval ]w − 1, w]: ``adoptants_nouveaux`` n_w = m (F(w) − F(w−1)),
``abonnes`` = N(w) (cumulated adopters).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from socialkit.models._validate import check_number

__all__ = [
    "bass_cumulative",
    "bass_peak_week",
    "effective_q",
    "CommunityCurves",
    "community_curves",
    "simulate_community",
]


def effective_q(q: float, n_ambassadors: int = 0, q_per_ambassador: float = 0.01) -> float:
    """Word-of-mouth coefficient raised by ambassadors: ``q + n × q_per_ambassador``."""
    q = check_number("q", q, 0.0, 2.0)
    n = check_number("n_ambassadors", n_ambassadors, 0, 10_000, integer=True)
    per = check_number("q_per_ambassador", q_per_ambassador, 0.0, 0.5)
    return q + n * per


def bass_cumulative(t, p: float, q: float):
    """Bass cumulative adoption share F(t) (0 → 1); t in weeks, number or array."""
    p = check_number("p", p, 0.0, 1.0, low_open=True)
    q = check_number("q", q, 0.0, 10.0)
    t = np.asarray(t, dtype=float)
    e = np.exp(-(p + q) * t)
    out = (1.0 - e) / (1.0 + (q / p) * e)
    return float(out) if out.ndim == 0 else out


def bass_peak_week(p: float, q: float) -> float:
    """Time of the peak of new adoptions, ``t* = ln(q/p) / (p + q)`` (weeks).

    When q ≤ p the adoptions only decrease: the peak is at the start and 0.0 is returned.
    """
    p = check_number("p", p, 0.0, 1.0, low_open=True)
    q = check_number("q", q, 0.0, 10.0)
    if q <= p:
        return 0.0
    return math.log(q / p) / (p + q)


class CommunityCurves(NamedTuple):
    """One :func:`community_curves` run as NumPy arrays (one value per week).

    The fields are the columns of :func:`simulate_community`.
    """

    semaine: np.ndarray
    adoptants_nouveaux: np.ndarray
    abonnes: np.ndarray
    communaute_active: np.ndarray


def community_curves(
    p: float,
    q: float,
    m: int,
    weeks: int = 104,
    service_quality: float = 0.5,
    churn: float = 0.05,
    n_ambassadors: int = 0,
    q_per_ambassador: float = 0.01,
) -> CommunityCurves:
    """:func:`simulate_community` as NumPy arrays (a :class:`CommunityCurves`), for a widget.

    Same arguments, checks and values as :func:`simulate_community`, which builds its table
    from this function's arrays.
    """
    p = check_number("p", p, 0.0, 1.0, low_open=True)
    q_eff = effective_q(q, n_ambassadors, q_per_ambassador)
    m = check_number("m", m, 1, 1e8, integer=True)
    weeks = check_number("weeks", weeks, 1, 520, integer=True)
    service_quality = check_number("service_quality", service_quality, 0.0, 1.0)
    churn = check_number("churn", churn, 0.0, 1.0)

    cumulative = m * bass_cumulative(np.arange(weeks + 1), p, q_eff)
    new = np.diff(cumulative)
    keep = 1.0 - churn * (1.0 - service_quality)
    active = _recursive(new, keep)
    return CommunityCurves(np.arange(1, weeks + 1), new, cumulative[1:], active)


def simulate_community(
    p: float,
    q: float,
    m: int,
    weeks: int = 104,
    service_quality: float = 0.5,
    churn: float = 0.05,
    n_ambassadors: int = 0,
    q_per_ambassador: float = 0.01,
) -> pd.DataFrame:
    """Bass adoption plus service-driven retention (equations in the module docstring).

    Parameters (allowed ranges): p ]0, 1] per week; q [0, 2] per week; m [1, 10⁸] people;
    weeks [1, 520]; service_quality [0, 1]; churn [0, 1] per week; n_ambassadors
    [0, 10 000]; q_per_ambassador [0, 0.5].

    Returns one row per week: ``semaine`` (1…weeks), ``adoptants_nouveaux``, ``abonnes``,
    ``communaute_active`` (people, floats).
    """
    curves = community_curves(
        p, q, m, weeks, service_quality, churn, n_ambassadors, q_per_ambassador
    )
    return pd.DataFrame(curves._asdict(), copy=False)


def _recursive(new: np.ndarray, keep: float) -> np.ndarray:
    """Recursion A_w = keep · A_{w−1} + n_w with A_0 = 0 (plain floats: fast for ~100 weeks)."""
    out, a = [], 0.0
    for n in new.tolist():
        a = keep * a + n
        out.append(a)
    return np.array(out, dtype=float)
