"""Bad-buzz propagation and the official response (module 4).

Anchor: docs/sources.md §4.2(b), Daley–Kendall / Maki–Thompson rumour model with the teaching
extension « official correction at T_r ». Fractions of an exposed audience N (time in hours):

    di/dt = −β i s
    ds/dt =  β i s − γ s (s + r) − c(t) s
    dr/dt =  γ s (s + r) + c(t) s
    c(t)  = c_max · quality   if t ≥ T_r (response delay), else 0

i = ignorants (never heard), s = spreaders (« propagateurs »), r = stiflers (« étouffeurs »).
``quality`` ∈ [0, 1]: 0 = no answer or a defensive one (no effect), 1 = fast, transparent,
credible answer (spreaders stop at the extra rate ``c_max`` per hour).

Classical check (β = γ, no correction, tiny seed): the never-heard fraction tends to
≈ 0.203 (Sudbury 1985) and the spreader peak to ≈ 1 − ln 2 ≈ 0.307.

Integration: classical fixed-step RK4 with step ``dt`` hours; the correction switches on at
the first step whose start time is ≥ T_r (exact when T_r is a multiple of ``dt``).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from socialkit.errors import KitValueError
from socialkit.models._validate import check_number

__all__ = [
    "BuzzCurves",
    "buzz_curves",
    "simulate_buzz",
    "final_reach",
    "latest_delay_under",
    "DELAY_GRID_HOURS",
]

#: Grid step (hours) of :func:`latest_delay_under`.
DELAY_GRID_HOURS = 0.5


def _check(audience, beta, gamma, delay_hours, quality, seed_fraction, hours, dt, c_max) -> tuple:
    audience = check_number("audience", audience, 1, 1e9, integer=True)
    beta = check_number("beta", beta, 0.0, 10.0, low_open=True)
    gamma = check_number("gamma", gamma, 0.0, 10.0)
    if delay_hours is None:
        delay = math.inf
    else:
        delay = check_number("delay_hours", delay_hours, 0.0, math.inf)
    quality = check_number("quality", quality, 0.0, 1.0)
    seed_fraction = check_number("seed_fraction", seed_fraction, 0.0, 0.5, low_open=True)
    hours = check_number("hours", hours, 1.0, 2000.0)
    dt = check_number("dt", dt, 0.0, 1.0, low_open=True)
    c_max = check_number("c_max", c_max, 0.0, 10.0)
    return audience, beta, gamma, delay, quality, seed_fraction, hours, dt, c_max


def _integrate(beta, gamma, delay, c, s0, hours, dt):
    """RK4 on (i, s, r); returns arrays of times and fractions (read-only when cached).

    Before the response (steps k with k·dt < T_r) the trajectory does not depend on the
    response: it is the cached run without response (:func:`_free_run`), reused as it is;
    only the steps from the response on are integrated here, with the same operations.
    """
    free_t, free = _free_run(beta, gamma, s0, hours, dt)
    n = free.shape[0] - 1
    k0 = _first_response_step(delay, dt, n)
    if k0 >= n or c == 0.0:  # no response within the horizon, or one without effect
        return free_t, free
    out = np.empty((n + 1, 3))
    out[: k0 + 1] = free[: k0 + 1]
    i, s, r = free[k0].tolist()
    out[k0 + 1 :] = _rk4_steps(beta, gamma, c, i, s, r, dt, n - k0)
    return free_t, out


def _first_response_step(delay: float, dt: float, n: int) -> int:
    """First step k (0 … n) whose start time k·dt is ≥ T_r (same test as the RK4 loop)."""
    limit = delay - 1e-9
    if not limit <= n * dt:
        return n
    k = max(0, math.floor(limit / dt) - 1)
    while k > 0 and (k - 1) * dt >= limit:
        k -= 1
    while k * dt < limit:
        k += 1
    return k


@lru_cache(maxsize=8)  # the views need one per topic (3); runs can be long
def _free_run(beta, gamma, s0, hours, dt):
    """RK4 without any response (c = 0 at every step): times and fractions, read-only."""
    n = int(round(hours / dt))
    out = np.empty((n + 1, 3))
    out[0] = (1.0 - s0, s0, 0.0)
    out[1:] = _rk4_steps(beta, gamma, 0.0, 1.0 - s0, s0, 0.0, dt, n)
    t = np.arange(n + 1) * dt
    t.flags.writeable = False
    out.flags.writeable = False
    return t, out


def _rk4_steps(beta, gamma, cc, i, s, r, h, steps) -> np.ndarray:
    """``steps`` RK4 steps from (i, s, r) with a constant response rate ``cc``: (i, s, r) rows.

    Plain-float loop (fastest for a few hundred steps).
    """
    half = 0.5 * h
    rows = []  # flat: i, s, r of each step
    extend = rows.extend
    for _ in range(steps):
        # derivatives inlined (i, s, r) → (di, ds); dr = −di − ds (conservation)
        a1 = beta * i * s
        b1 = gamma * s * (s + r) + cc * s
        i2, s2 = i - half * a1, s + half * (a1 - b1)
        r2 = 1.0 - i2 - s2
        a2 = beta * i2 * s2
        b2 = gamma * s2 * (s2 + r2) + cc * s2
        i3, s3 = i - half * a2, s + half * (a2 - b2)
        r3 = 1.0 - i3 - s3
        a3 = beta * i3 * s3
        b3 = gamma * s3 * (s3 + r3) + cc * s3
        i4, s4 = i - h * a3, s + h * (a3 - b3)
        r4 = 1.0 - i4 - s4
        a4 = beta * i4 * s4
        b4 = gamma * s4 * (s4 + r4) + cc * s4
        da = (a1 + 2.0 * a2 + 2.0 * a3 + a4) / 6.0
        db = (b1 + 2.0 * b2 + 2.0 * b3 + b4) / 6.0
        i = i - h * da
        s = s + h * (da - db)
        r = 1.0 - i - s
        extend((i, s, r))
    return np.array(rows, dtype=float).reshape(steps, 3)


class BuzzCurves(NamedTuple):
    """One :func:`buzz_curves` run as NumPy arrays (one value per step, people).

    The fields are the columns of :func:`simulate_buzz`.
    """

    heure: np.ndarray
    ignorants: np.ndarray
    propagateurs: np.ndarray
    etouffeurs: np.ndarray
    ont_entendu: np.ndarray


def buzz_curves(
    audience: int = 20000,
    beta: float = 0.8,
    gamma: float = 0.8,
    delay_hours: float | None = 6.0,
    quality: float = 0.5,
    seed_fraction: float = 0.001,
    hours: float = 72.0,
    dt: float = 0.1,
    c_max: float = 1.5,
) -> BuzzCurves:
    """:func:`simulate_buzz` as NumPy arrays (a :class:`BuzzCurves`), for a widget.

    Same arguments, checks and values as :func:`simulate_buzz`, which builds its table from
    this function's arrays.
    """
    audience, beta, gamma, delay, quality, s0, hours, dt, c_max = _check(
        audience, beta, gamma, delay_hours, quality, seed_fraction, hours, dt, c_max
    )
    t, y = _integrate(beta, gamma, delay, c_max * quality, s0, hours, dt)
    y = (y * audience).T.copy()  # one row per compartment
    return BuzzCurves(t.copy(), y[0], y[1], y[2], audience - y[0])


def simulate_buzz(
    audience: int = 20000,
    beta: float = 0.8,
    gamma: float = 0.8,
    delay_hours: float | None = 6.0,
    quality: float = 0.5,
    seed_fraction: float = 0.001,
    hours: float = 72.0,
    dt: float = 0.1,
    c_max: float = 1.5,
) -> pd.DataFrame:
    """Integrate the rumour model with an official response (equations in the module docstring).

    Parameters (allowed ranges):
        audience [1, 10⁹] people exposed to the conversation; beta ]0, 10] contacts that
        spread per hour; gamma [0, 10] stifling rate per hour; delay_hours [0, ∞[ or None
        (no response); quality [0, 1]; seed_fraction ]0, 0.5] initial spreaders; hours
        [1, 2000]; dt ]0, 1] hours; c_max [0, 10] extra stop rate per hour of a perfect answer.

    Returns one row per step: ``heure``, ``ignorants``, ``propagateurs``, ``etouffeurs``,
    ``ont_entendu`` (people, floats; ``ont_entendu = audience − ignorants``).
    """
    curves = buzz_curves(
        audience, beta, gamma, delay_hours, quality, seed_fraction, hours, dt, c_max
    )
    return pd.DataFrame(curves._asdict(), copy=False)


def final_reach(
    audience: int = 20000,
    beta: float = 0.8,
    gamma: float = 0.8,
    delay_hours: float | None = 6.0,
    quality: float = 0.5,
    seed_fraction: float = 0.001,
    hours: float = 72.0,
    dt: float = 0.1,
    c_max: float = 1.5,
) -> int:
    """People who heard the bad buzz by the end of the horizon (rounded int)."""
    audience, beta, gamma, delay, quality, s0, hours, dt, c_max = _check(
        audience, beta, gamma, delay_hours, quality, seed_fraction, hours, dt, c_max
    )
    _, y = _integrate(beta, gamma, delay, c_max * quality, s0, hours, dt)
    return int(round(audience * (1.0 - y[-1, 0])))


def latest_delay_under(max_reach: float, quality: float, **params) -> float | None:
    """Latest response delay (hours) that keeps :func:`final_reach` ≤ ``max_reach``.

    Search on a grid of ``DELAY_GRID_HOURS`` = 0.5 h from 0 to ``hours``, by binary search:
    the final reach never decreases when the response comes later (checked in the tests).
    Returns the largest grid delay that works, ``None`` if even an immediate response
    (delay 0) exceeds ``max_reach``. If not answering at all within the horizon is already
    fine, returns ``hours`` (the end of the horizon). ``params`` are the other arguments
    of :func:`final_reach` (``delay_hours`` is not allowed).
    """
    if "delay_hours" in params:
        raise KitValueError("« delay_hours » ne peut pas être fixé : c'est ce que l'on cherche.")
    max_reach = check_number("max_reach", max_reach, 0.0, 1e9)
    hours = check_number("hours", params.get("hours", 72.0), 1.0, 2000.0)
    n = int(math.floor(hours / DELAY_GRID_HOURS + 1e-9))

    def ok(j: int) -> bool:
        delay = j * DELAY_GRID_HOURS
        return final_reach(delay_hours=delay, quality=quality, **params) <= max_reach

    if not ok(0):
        return None
    if ok(n):
        return n * DELAY_GRID_HOURS
    lo, hi = 0, n  # ok(lo) is True, ok(hi) is False
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            lo = mid
        else:
            hi = mid
    return lo * DELAY_GRID_HOURS
