"""Moderation team: who answers the comments, and how fast (module 4).

Anchors: docs/sources.md §2.2 (responsiveness benchmarks and SLA tiers: urgent ≤ 1 h, complaint
≤ 4 business hours, question ≤ 1 business day), §5.1 (audience activity: morning 7–9 h and
evening 19–22 h peaks, weekend uplift), §5.5 (business-hours gaps, Friday → Monday).

Model:

- Arrivals: non-homogeneous Poisson process. Hour h of the week (0 = Monday 0–1 h) brings
  ``Poisson(λ_h)`` comments at uniform times inside the hour; the 168-hour profile repeats
  for ``weeks`` weeks.
- Service: ``headcount`` identical moderators, FIFO, each answer takes ``handle_minutes`` of
  *working* time; moderators work only on ``staff_days`` between ``staff_start`` and
  ``staff_end`` (hours, local time). Work interrupted at closing time resumes at the next
  opening.
- Trick used for the computation: calendar time t is mapped to cumulated open time B(t)
  (piecewise linear, flat when closed). In open time the queue is an ordinary FIFO
  multi-server queue: start_j = max(B(arrival_j), earliest free moderator),
  end_j = start_j + handle; the answer time is the first calendar instant with
  B(t) = end_j. Delay = answer − arrival (hours, calendar).
"""

from __future__ import annotations

import heapq
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from socialkit.display import Summary
from socialkit.errors import KitValueError
from socialkit.models._validate import check_number

__all__ = [
    "default_weekly_profile",
    "ModerationRun",
    "run_moderation",
    "simulate_moderation",
    "share_within",
    "summary",
    "summarise_delays",
    "HOURS_PER_WEEK",
]

HOURS_PER_WEEK = 168

# Audience activity by hour of day (relative), §5.1: night trough, morning 7–9 h peak,
# lunch bump, evening 19–22 h peak.  [D]
_DAY_SHAPE = np.array(
    [
        0.15, 0.08, 0.05, 0.04, 0.05, 0.15, 0.45, 1.00,  # 0–7 h
        1.10, 0.90, 0.60, 0.60, 0.75, 0.70, 0.55, 0.55,  # 8–15 h
        0.60, 0.70, 0.85, 1.20, 1.35, 1.30, 1.05, 0.50,  # 16–23 h
    ]
)  # fmt: skip
# Day weights Monday…Sunday: weekend uplift (Hootsuite government best times, §5.1). [D]
_WEEK_SHAPE = np.array([1.0, 0.95, 0.95, 0.95, 1.0, 1.25, 1.30])


def default_weekly_profile(comments_per_week: float = 450.0) -> np.ndarray:
    """Hourly arrival rates (comments/hour) for one week, Monday 0 h first (168 values).

    Shape of §5.1 (morning 7–9 h and evening 19–22 h peaks, weekend uplift), scaled so the
    rates add up to ``comments_per_week`` ([0, 100 000], typically 300–600).
    """
    comments_per_week = check_number("comments_per_week", comments_per_week, 0.0, 1e5)
    profile = np.outer(_WEEK_SHAPE, _DAY_SHAPE).ravel()
    return profile * (comments_per_week / profile.sum())


def _open_intervals(staff_start: float, staff_end: float, staff_days) -> tuple:
    """Open intervals of one week (hours since Monday 0 h) and open time before each."""
    starts = np.array([24.0 * d + staff_start for d in staff_days])
    ends = np.array([24.0 * d + staff_end for d in staff_days])
    lengths = ends - starts
    before = np.concatenate(([0.0], np.cumsum(lengths)[:-1]))
    return starts, ends, before, float(lengths.sum())


def _to_open_time(t: np.ndarray, starts, ends, before, per_week) -> np.ndarray:
    """B(t): cumulated open hours from Monday 0 h of week 1 up to calendar time t."""
    week, tau = np.divmod(t, HOURS_PER_WEEK)
    j = np.searchsorted(starts, tau, side="right") - 1  # last interval started at tau
    jc = np.clip(j, 0, None)
    inside = np.clip(tau - starts[jc], 0.0, ends[jc] - starts[jc])
    b_week = np.where(j >= 0, before[jc] + inside, 0.0)
    return week * per_week + b_week


def _to_calendar(b: np.ndarray, starts, before, per_week) -> np.ndarray:
    """Inverse of B on open periods: first calendar time with cumulated open time b (b > 0)."""
    week, rest = np.divmod(b, per_week)
    # rest == 0 means "exactly at the end of the previous week's last open interval"
    at_end = rest <= 1e-12
    week = np.where(at_end, week - 1, week)
    rest = np.where(at_end, per_week, rest)
    j = np.searchsorted(before, rest, side="left") - 1
    j = np.clip(j, 0, None)
    return week * HOURS_PER_WEEK + starts[j] + (rest - before[j])


@lru_cache(maxsize=8)  # one per weekly volume the widget visits lately
def _arrivals(profile: bytes, weeks: int, seed: int) -> np.ndarray:
    """Sorted arrival times (hours) for a weekly profile given as float64 bytes; read-only."""
    rng = np.random.default_rng(seed)
    rates = np.tile(np.frombuffer(profile, dtype=float), weeks)
    counts = rng.poisson(rates)
    hour = np.repeat(np.arange(rates.size, dtype=float), counts)
    arrivals = np.sort(hour + rng.random(hour.size))
    arrivals.flags.writeable = False
    return arrivals


class ModerationRun(NamedTuple):
    """One :func:`run_moderation` simulation as NumPy arrays (one value per comment).

    The fields are the columns of :func:`simulate_moderation`.
    """

    arrivee_h: np.ndarray
    reponse_h: np.ndarray
    delai_h: np.ndarray


def run_moderation(
    weekly_profile=None,
    staff_start: float = 8.5,
    staff_end: float = 17.0,
    staff_days=(0, 1, 2, 3, 4),
    headcount: int = 1,
    handle_minutes: float = 6.0,
    weeks: int = 1,
    seed: int = 0,
) -> ModerationRun:
    """:func:`simulate_moderation` as NumPy arrays (a :class:`ModerationRun`), for a widget.

    Same arguments, checks and values as :func:`simulate_moderation`, which builds its table
    from this function's arrays.
    """
    if weekly_profile is None:
        weekly_profile = default_weekly_profile()
    try:
        profile = np.asarray(weekly_profile, dtype=float)
    except (TypeError, ValueError):
        raise KitValueError(
            "« weekly_profile » doit contenir 168 nombres (taux horaires)."
        ) from None
    if (
        profile.shape != (HOURS_PER_WEEK,)
        or not np.all(np.isfinite(profile))
        or np.any(profile < 0)
    ):
        raise KitValueError(
            "« weekly_profile » doit contenir exactement 168 taux horaires positifs ou nuls "
            f"(lundi 0 h en premier ; reçu : forme {profile.shape})."
        )
    staff_start = check_number("staff_start", staff_start, 0.0, 24.0, high_open=True)
    staff_end = check_number("staff_end", staff_end, staff_start, 24.0, low_open=True)
    try:
        days = sorted({int(d) for d in staff_days})
    except (TypeError, ValueError):
        raise KitValueError(
            "« staff_days » doit être une liste de jours 0 (lundi) à 6 (dimanche)."
        ) from None
    if not days or days[0] < 0 or days[-1] > 6 or len(days) != len(tuple(staff_days)):
        raise KitValueError(
            "« staff_days » doit contenir au moins un jour, sans doublon, entre 0 (lundi) "
            f"et 6 (dimanche) (reçu : {staff_days!r})."
        )
    headcount = check_number("headcount", headcount, 1, 50, integer=True)
    handle_minutes = check_number("handle_minutes", handle_minutes, 0.5, 240.0)
    weeks = check_number("weeks", weeks, 1, 52, integer=True)
    seed = check_number("seed", seed, 0, 2**32 - 1, integer=True)

    arrivals = _arrivals(profile.astype(float, copy=False).tobytes(), weeks, seed).copy()

    starts, ends, before, per_week = _open_intervals(staff_start, staff_end, days)
    b_arr = _to_open_time(arrivals, starts, ends, before, per_week).tolist()
    handle = handle_minutes / 60.0
    if headcount == 1:  # the heap below with one moderator, without the heap
        b_end, free = [], 0.0
        for b in b_arr:
            free = (free if free > b else b) + handle  # max(b, free) + handle
            b_end.append(free)
    else:
        free_at = [0.0] * headcount  # heap of times (open-time clock) when each one is free
        b_end, replace = [], heapq.heapreplace
        for b in b_arr:
            first = free_at[0]
            end = (first if first > b else b) + handle
            replace(free_at, end)
            b_end.append(end)
    answers = _to_calendar(np.array(b_end, dtype=float), starts, before, per_week)
    return ModerationRun(arrivals, answers, answers - arrivals)


def simulate_moderation(
    weekly_profile=None,
    staff_start: float = 8.5,
    staff_end: float = 17.0,
    staff_days=(0, 1, 2, 3, 4),
    headcount: int = 1,
    handle_minutes: float = 6.0,
    weeks: int = 1,
    seed: int = 0,
) -> pd.DataFrame:
    """Simulate the comment queue (see the module docstring).

    Parameters (allowed ranges):
        weekly_profile: 168 hourly arrival rates ≥ 0 (Monday 0 h first); ``None`` =
        :func:`default_weekly_profile`; staff_start [0, 24[ and staff_end ]staff_start, 24]
        (hours, 8.5 = 8 h 30); staff_days: distinct day numbers 0 (Monday) … 6 (Sunday),
        at least one; headcount [1, 50]; handle_minutes [0,5 ; 240]; weeks [1, 52].

    Returns one row per comment, in arrival order: ``arrivee_h`` (hours since Monday 0 h of
    week 1), ``reponse_h`` (answer time, same clock), ``delai_h`` (answer − arrival, hours).
    """
    run = run_moderation(
        weekly_profile, staff_start, staff_end, staff_days, headcount, handle_minutes, weeks, seed
    )
    return pd.DataFrame(run._asdict(), copy=False)


def _delays(df: pd.DataFrame) -> np.ndarray:
    if "delai_h" not in df.columns:
        raise KitValueError(
            "« df » doit venir de simulate_moderation (colonne « delai_h » manquante)."
        )
    return df["delai_h"].to_numpy(dtype=float)


def share_within(df: pd.DataFrame, target_hours: float) -> float:
    """Percentage (0–100) of comments answered within ``target_hours`` ([0, 10 000] h).

    Returns 0.0 when there is no comment.
    """
    target_hours = check_number("target_hours", target_hours, 0.0, 1e4)
    d = _delays(df)
    return float(100.0 * np.mean(d <= target_hours)) if d.size else 0.0


#: How a notebook labels the keys of :func:`summary`.
SUMMARY_LABELS = {
    "commentaires": ("commentaires traités dans la semaine", ""),
    "delai_median_h": ("délai médian de réponse", "h"),
    "delai_p90_h": ("p90 : 90 % des réponses arrivent plus vite", "h"),
    "delai_max_h": ("délai le plus long", "h"),
    "part_sous_1h": ("part des réponses en moins d'1 h", "%"),
    "part_sous_4h": ("part des réponses en moins de 4 h", "%"),
    "part_sous_24h": ("part des réponses en moins de 24 h", "%"),
}


def summary(df: pd.DataFrame) -> Summary:
    """Key numbers: ``commentaires``, ``delai_median_h``, ``delai_p90_h``, ``delai_max_h``,
    ``part_sous_1h``, ``part_sous_4h``, ``part_sous_24h`` (percentages, §2.2 SLA tiers).

    Delays are NaN when there is no comment. A :class:`~socialkit.display.Summary` (a dict
    shown as a labelled table).
    """
    return summarise_delays(_delays(df))


def summarise_delays(delays) -> Summary:
    """:func:`summary` of the answer delays (hours) of a :func:`run_moderation` result."""
    d = np.asarray(delays, dtype=float)
    if d.size == 0:
        nan = float("nan")
        values = {
            "commentaires": 0,
            "delai_median_h": nan,
            "delai_p90_h": nan,
            "delai_max_h": nan,
            "part_sous_1h": 0.0,
            "part_sous_4h": 0.0,
            "part_sous_24h": 0.0,
        }
        return Summary(values, SUMMARY_LABELS)
    values = {
        "commentaires": int(d.size),
        "delai_median_h": float(np.median(d)),
        "delai_p90_h": float(np.percentile(d, 90)),
        "delai_max_h": float(d.max()),
        "part_sous_1h": float(100.0 * np.mean(d <= 1.0)),
        "part_sous_4h": float(100.0 * np.mean(d <= 4.0)),
        "part_sous_24h": float(100.0 * np.mean(d <= 24.0)),
    }
    return Summary(values, SUMMARY_LABELS)
