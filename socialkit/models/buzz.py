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

import numpy as np
import pandas as pd

from socialkit.errors import KitValueError
from socialkit.models._validate import check_number

__all__ = ["simulate_buzz", "final_reach", "latest_delay_under", "DELAY_GRID_HOURS"]

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
    """RK4 on (i, s, r); returns arrays of times and fractions (plain-float loop: fastest)."""
    n = int(round(hours / dt))
    i, s, r = 1.0 - s0, s0, 0.0
    out = np.empty((n + 1, 3))
    out[0] = (i, s, r)
    rows = [None] * n
    h = dt
    for k in range(n):
        cc = c if k * h >= delay - 1e-9 else 0.0

        # derivatives inlined (i, s, r) → (di, ds); dr = −di − ds (conservation)
        a1 = beta * i * s
        b1 = gamma * s * (s + r) + cc * s
        i2, s2 = i - 0.5 * h * a1, s + 0.5 * h * (a1 - b1)
        r2 = 1.0 - i2 - s2
        a2 = beta * i2 * s2
        b2 = gamma * s2 * (s2 + r2) + cc * s2
        i3, s3 = i - 0.5 * h * a2, s + 0.5 * h * (a2 - b2)
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
        rows[k] = (i, s, r)
    if n:
        out[1:] = rows
    return np.arange(n + 1) * dt, out


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
    audience, beta, gamma, delay, quality, s0, hours, dt, c_max = _check(
        audience, beta, gamma, delay_hours, quality, seed_fraction, hours, dt, c_max
    )
    t, y = _integrate(beta, gamma, delay, c_max * quality, s0, hours, dt)
    y = y * audience
    return pd.DataFrame(
        {
            "heure": t,
            "ignorants": y[:, 0],
            "propagateurs": y[:, 1],
            "etouffeurs": y[:, 2],
            "ont_entendu": audience - y[:, 0],
        }
    )


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
