"""Posting cadence, audience habit and saturation (module 3, « communiquer de manière continue »).

Anchors: docs/sources.md §4.1(b) organic reach, §4.1(c) saturation, §4.1(d) habit and followers,
§5.6 (« compte à éclipses »: bursts and silences).

Model, one step per day t (d = 1 … 7·weeks):

- Schedule. ``N = round(posts_per_week · weeks)`` posts. Post i has a *usual slot* on day
  ``floor(i · D / N)`` (evenly spaced, same hour). With probability ``regularity`` it keeps
  that slot; otherwise it is moved into a *burst* (a random window of a few days, off the
  usual hour). Few bursts per year → bursts + long silences when regularity → 0.
  The same uniform draw per post is used for every ``regularity`` (common random numbers),
  so with a fixed ``seed`` a more regular schedule keeps a superset of usual-slot posts.
- Habit (§4.1d): ``H_t = H_{t−1} + α(1 − H_{t−1})`` if a post lands on the usual slot on
  day t, else ``H_t = (1 − δ) H_{t−1}``.
- Reach of the k-th post of the day (§4.1b–c): ``F_t · ρ · interest · (1 + κ H_{t−1}) · k^−γ``
  (the habit built *before* the day multiplies the reach); reach of the day
  ``F_t · ρ · interest · (1 + κ H_{t−1}) · T(k_t)`` with ``T(k) = Σ_{j ≤ k} j^−γ``.
- Followers (§4.1d): ``F_{t+1} = F_t + c_f · interest · Reach_t
  − F_t · (χ₀ + χ₁ · max(0, k_t − k*))`` with χ₀ = ``churn_month`` / 30 (baseline daily
  churn), χ₁ = ``fatigue_churn`` (extra daily churn per post above k* = ``fatigue_threshold``
  posts in the day, Momentus Media) and c_f = ``follow_rate`` (follows per person reached,
  scaled by content interest — shares carry the reach beyond current followers).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from socialkit.errors import KitValueError
from socialkit.models._validate import check_number

__all__ = [
    "saturation",
    "daily_total",
    "posting_schedule",
    "CadenceRun",
    "run_cadence",
    "simulate_cadence",
    "summary",
    "summarise_run",
]

#: Days per burst window when a post leaves its usual slot (§5.6 « compte à éclipses »).
BURST_DAYS = 5
#: One burst every ``BURST_SPACING_WEEKS`` weeks on average (at least one burst).
BURST_SPACING_WEEKS = 6


def saturation(k, gamma: float = 0.8):
    """Relative reach of the k-th post of the same day, ``s(k) = k^−γ`` (§4.1c).

    ``saturation(2, 0.8) ≈ 0.574`` (second post ≈ 57 % of the first, Track Social).
    Accepts a number or a NumPy array of ranks k ≥ 1.
    """
    gamma = check_number("gamma", gamma, 0.0, 3.0)
    k_arr = np.asarray(k, dtype=float)
    if np.any(~np.isfinite(k_arr)) or np.any(k_arr < 1):
        raise KitValueError(
            f"« k » (rang de la publication dans la journée) doit être ≥ 1 (reçu : {k!r})."
        )
    out = k_arr ** (-gamma)
    return float(out) if out.ndim == 0 else out


def daily_total(k, gamma: float = 0.8):
    """Total relative reach of a day with k posts, ``T(k) = Σ_{j=1..k} j^−γ`` (§4.1c; T(0)=0).

    Concave in k: each extra post adds less than the previous one.
    """
    gamma = check_number("gamma", gamma, 0.0, 3.0)
    k_arr = np.asarray(k)
    if np.any(k_arr < 0) or np.any(np.asarray(k_arr, dtype=float) % 1 != 0):
        raise KitValueError(
            f"« k » (nombre de publications du jour) doit être un entier ≥ 0 (reçu : {k!r})."
        )
    out = _daily_total(k_arr.astype(int), gamma)
    return float(out) if np.ndim(out) == 0 else out


def _daily_total(k_int: np.ndarray, gamma: float) -> np.ndarray:
    """:func:`daily_total` of checked integer counts ``k_int`` ≥ 0 and a checked ``gamma``."""
    kmax = int(k_int.max()) if k_int.size else 0
    cum = np.concatenate(([0.0], np.cumsum(np.arange(1, kmax + 1, dtype=float) ** (-gamma))))
    return cum[k_int]


def posting_schedule(
    posts_per_week: float, regularity: float, weeks: int = 52, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Daily schedule: ``(posts_per_day, usual_slot_day)`` arrays of length 7·weeks.

    ``usual_slot_day[d]`` is True when at least one post of day d is published on the usual
    slot (which is what builds the habit). See the module docstring for the bursts.
    """
    posts_per_week = check_number("posts_per_week", posts_per_week, 0.0, 70.0)
    regularity = check_number("regularity", regularity, 0.0, 1.0)
    weeks = check_number("weeks", weeks, 1, 520, integer=True)
    seed = check_number("seed", seed, 0, 2**32 - 1, integer=True)
    days = 7 * weeks
    n_posts = int(round(posts_per_week * weeks))
    u, usual_day, burst_day = _draws(n_posts, weeks, seed)
    keeps_slot = u < regularity
    day = np.where(keeps_slot, usual_day, burst_day)

    posts_per_day = np.bincount(day, minlength=days).astype(int)
    on_slot = np.bincount(usual_day[keeps_slot], minlength=days) > 0
    return posts_per_day, on_slot


@lru_cache(maxsize=16)
def _draws(n_posts: int, weeks: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What the schedule draws, whatever ``regularity`` (read-only arrays, cached).

    ``(u, usual_day, burst_day)`` per post: the uniform draw compared with ``regularity``,
    the usual-slot day and the burst day (see the module docstring).
    """
    days = 7 * weeks
    rng = np.random.default_rng(seed)
    # Always draw the same random numbers whatever regularity (common random numbers).
    u = rng.random(n_posts)
    n_bursts = max(1, round(weeks / BURST_SPACING_WEEKS))
    burst_starts = rng.integers(0, max(1, days - BURST_DAYS + 1), size=n_bursts)
    which_burst = rng.integers(0, n_bursts, size=n_posts)
    offset = rng.integers(0, BURST_DAYS, size=n_posts)

    usual_day = (np.arange(n_posts) * days) // max(n_posts, 1)
    burst_day = np.minimum(burst_starts[which_burst] + offset, days - 1)
    for array in (u, usual_day, burst_day):
        array.flags.writeable = False
    return u, usual_day, burst_day


class CadenceRun(NamedTuple):
    """One :func:`run_cadence` simulation as NumPy arrays (one value per day).

    The fields are the columns of :func:`simulate_cadence` (``jour``, ``publie``,
    ``habitude``, ``portee``, ``abonnes``) plus ``abonnes_initiaux`` (followers before day 1).
    """

    jour: np.ndarray
    publie: np.ndarray
    habitude: np.ndarray
    portee: np.ndarray
    abonnes: np.ndarray
    abonnes_initiaux: float


def run_cadence(
    posts_per_week: float,
    regularity: float,
    interest: float,
    weeks: int = 52,
    followers0: int = 5000,
    rho: float = 0.05,
    alpha: float = 0.1,
    delta: float = 0.05,
    kappa: float = 0.8,
    gamma: float = 0.8,
    follow_rate: float = 0.005,
    churn_month: float = 0.003,
    fatigue_churn: float = 0.0005,
    fatigue_threshold: float = 2.0,
    habit0: float = 0.0,
    seed: int = 0,
) -> CadenceRun:
    """:func:`simulate_cadence` as NumPy arrays (a :class:`CadenceRun`), for a widget.

    Same arguments, checks and values as :func:`simulate_cadence`, which builds its table
    from this function's arrays.
    """
    interest = check_number("interest", interest, 0.0, 5.0, low_open=True)
    followers0 = check_number("followers0", followers0, 0, 1e8)
    rho = check_number("rho", rho, 0.0, 1.0, low_open=True)
    alpha = check_number("alpha", alpha, 0.0, 1.0)
    delta = check_number("delta", delta, 0.0, 1.0)
    kappa = check_number("kappa", kappa, 0.0, 5.0)
    gamma = check_number("gamma", gamma, 0.0, 3.0)
    follow_rate = check_number("follow_rate", follow_rate, 0.0, 1.0)
    churn_month = check_number("churn_month", churn_month, 0.0, 1.0)
    fatigue_churn = check_number("fatigue_churn", fatigue_churn, 0.0, 0.1)
    fatigue_threshold = check_number("fatigue_threshold", fatigue_threshold, 0.0, 20.0)
    habit0 = check_number("habit0", habit0, 0.0, 1.0)
    posts, on_slot = posting_schedule(posts_per_week, regularity, weeks, seed)

    days = posts.size
    totals = _daily_total(posts, gamma).tolist() if days else []
    base = rho * interest
    gain = follow_rate * interest
    chi0 = churn_month / 30.0
    # daily churn rate χ₀ + χ₁·max(0, k_t − k*): depends on the posts of the day only
    churn = [
        chi0 + (fatigue_churn * (k - fatigue_threshold) if k - fatigue_threshold > 0 else 0.0)
        for k in posts.tolist()
    ]
    habit, reach, followers = [0.0] * days, [0.0] * days, [0.0] * days
    h, f = habit0, followers0
    keep = 1.0 - delta
    for d, on in enumerate(on_slot.tolist()):  # sequential recursion: plain floats are fastest
        r = f * base * (1.0 + kappa * h) * totals[d]
        h = h + alpha * (1.0 - h) if on else keep * h
        f = f + gain * r - f * churn[d]
        f = max(f, 0.0)
        habit[d], reach[d], followers[d] = h, r, f
    return CadenceRun(
        np.arange(1, days + 1),
        posts,
        np.array(habit, dtype=float),
        np.array(reach, dtype=float),
        np.array(followers, dtype=float),
        followers0,
    )


def simulate_cadence(
    posts_per_week: float,
    regularity: float,
    interest: float,
    weeks: int = 52,
    followers0: int = 5000,
    rho: float = 0.05,
    alpha: float = 0.1,
    delta: float = 0.05,
    kappa: float = 0.8,
    gamma: float = 0.8,
    follow_rate: float = 0.005,
    churn_month: float = 0.003,
    fatigue_churn: float = 0.0005,
    fatigue_threshold: float = 2.0,
    habit0: float = 0.0,
    seed: int = 0,
) -> pd.DataFrame:
    """Simulate one account day by day (equations in the module docstring, §4.1b–d).

    Parameters (allowed ranges):
        posts_per_week [0, 70]; regularity [0, 1] (1 = evenly spaced on the usual slot,
        0 = bursts and silences); interest ]0, 5] (content-quality multiplier, 1 = average);
        weeks [1, 520]; followers0 [0, 10⁸]; rho ]0, 1] (organic reach fraction, 2–16 %);
        alpha, delta [0, 1]; kappa [0, 5]; gamma [0, 3]; follow_rate [0, 1];
        churn_month [0, 1] (baseline churn per 30 days); fatigue_churn [0, 0.1] (extra daily
        churn per post above ``fatigue_threshold`` [0, 20] posts/day); habit0 [0, 1].

    Returns one row per day: ``jour`` (1…7·weeks), ``publie`` (posts that day),
    ``habitude`` (H_t at the end of the day), ``portee`` (reach of the day, people),
    ``abonnes`` (followers at the end of the day).
    """
    run = run_cadence(
        posts_per_week,
        regularity,
        interest,
        weeks=weeks,
        followers0=followers0,
        rho=rho,
        alpha=alpha,
        delta=delta,
        kappa=kappa,
        gamma=gamma,
        follow_rate=follow_rate,
        churn_month=churn_month,
        fatigue_churn=fatigue_churn,
        fatigue_threshold=fatigue_threshold,
        habit0=habit0,
        seed=seed,
    )
    df = pd.DataFrame(
        {
            "jour": run.jour,
            "publie": run.publie,
            "habitude": run.habitude,
            "portee": run.portee,
            "abonnes": run.abonnes,
        },
        copy=False,
    )
    df.attrs["abonnes_initiaux"] = run.abonnes_initiaux
    return df


def summary(df: pd.DataFrame, followers0: float | None = None) -> dict:
    """Key numbers of a :func:`simulate_cadence` result (French keys, plain Python types).

    ``publications``, ``portee_totale``, ``portee_moyenne_par_publication`` (0 if no post),
    ``habitude_finale``, ``habitude_moyenne``, ``abonnes_finaux`` (rounded),
    ``variation_abonnes`` (vs. ``followers0``, by default the value stored by
    :func:`simulate_cadence` in ``df.attrs``), ``jours_sans_publication``,
    ``part_jours_sans_publication`` (%), ``plus_long_silence`` (days).
    """
    missing = {"jour", "publie", "habitude", "portee", "abonnes"} - set(df.columns)
    if missing:
        raise KitValueError(
            f"« df » doit venir de simulate_cadence (colonnes manquantes : {sorted(missing)})."
        )
    if followers0 is None:
        followers0 = df.attrs.get("abonnes_initiaux", float(df["abonnes"].iloc[0]))
    run = CadenceRun(
        df["jour"].to_numpy(),
        df["publie"].to_numpy(),
        df["habitude"].to_numpy(dtype=float),
        df["portee"].to_numpy(dtype=float),
        df["abonnes"].to_numpy(dtype=float),
        followers0,
    )
    return summarise_run(run)


def summarise_run(run: CadenceRun) -> dict:
    """:func:`summary` of a :func:`run_cadence` result (same keys and values).

    The variation of followers is measured from ``run.abonnes_initiaux``.
    """
    posts = run.publie
    n_posts = int(posts.sum())
    total = float(np.nansum(run.portee))  # NaN skipped, as pandas' Series.sum
    silent = posts == 0
    n_silent = int(silent.sum())
    longest = 0
    if n_silent:  # longest run of silent days: distance between consecutive posting days
        posting_days = np.flatnonzero(~silent)
        bounds = np.concatenate(([-1], posting_days, [posts.size]))
        longest = int(np.diff(bounds).max()) - 1
    habit, followers = run.habitude, run.abonnes
    return {
        "publications": n_posts,
        "portee_totale": total,
        "portee_moyenne_par_publication": total / n_posts if n_posts else 0.0,
        "habitude_finale": float(habit[-1]),
        "habitude_moyenne": float(np.nanmean(habit)),
        "abonnes_finaux": int(round(float(followers[-1]))),
        "variation_abonnes": float(followers[-1] - run.abonnes_initiaux),
        "jours_sans_publication": n_silent,
        "part_jours_sans_publication": float(100.0 * silent.mean()) if silent.size else 0.0,
        "plus_long_silence": longest,
    }
