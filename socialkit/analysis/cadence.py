"""Module 3 analyses: when accounts post, when their audience engages, what engages.

Small building blocks for the « Communiquer de manière continue » notebooks, on top of
:mod:`socialkit.metrics` (the per-post engagement rate comes from there):

- :func:`posts_grid`       posts per weekday × hour (7 × 24 table, Brussels time);
- :func:`engagement_grid`  median (or mean) per-post engagement rate per weekday × hour;
- :func:`time_profile`     share of posts and median engagement rate per hour or per weekday;
- :func:`engagement_by`    engagement rate of each group of posts (format, topic…), ratio of
  sums or mean of ratios (docs/sources.md §1.2);
- :func:`weekly_posts`     posts per calendar week and account (Monday-based weeks);
- :func:`plot_grid`        a readable heatmap of a weekday × hour table.

Rows of the grids are the French weekday names ``lundi`` … ``dimanche`` (index ``jour``),
columns the hours ``0`` … ``23`` (columns ``heure``), so ``grid.stack().idxmax()`` reads
as ``("samedi", 20)``. Timestamps are read in Brussels wall-clock time like the metrics.
Errors are ``KitValueError``/``KitTypeError`` with short French messages.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from socialkit import fr, metrics
from socialkit._common import choice, local_times, local_timestamp, require_table
from socialkit.errors import KitValueError

__all__ = [
    "posts_grid",
    "engagement_grid",
    "time_profile",
    "engagement_by",
    "weekly_posts",
]

HOURS = list(range(24))
STATS = ("median", "mean")
UNITS = ("hour", "weekday")


def _slots(posts: pd.DataFrame) -> tuple[pd.Categorical, np.ndarray]:
    stamps = local_times(posts["publie_le"])
    day = pd.Categorical.from_codes(stamps.dt.day_of_week.to_numpy(), categories=list(fr.WEEKDAYS))
    return day, stamps.dt.hour.to_numpy()


def _grid(values: pd.Series, day: pd.Categorical, hour: np.ndarray, how: str) -> pd.DataFrame:
    frame = pd.DataFrame({"jour": day, "heure": hour, "v": values.to_numpy()})
    grouped = frame.groupby(["jour", "heure"], observed=False)["v"].agg(how)
    grid = grouped.unstack("heure").reindex(index=list(fr.WEEKDAYS), columns=HOURS)
    grid.index = pd.Index(list(fr.WEEKDAYS), name="jour")
    grid.columns = pd.Index(HOURS, name="heure")
    return grid


def posts_grid(posts: pd.DataFrame, share: bool = False) -> pd.DataFrame:
    """Number of posts per weekday (rows ``lundi`` … ``dimanche``) and hour (columns 0 … 23).

    ``share=True`` gives percentages of all posts instead (the table sums to 100).
    Hours are Brussels local time, so a post at 18:30 counts in column 18.
    """
    require_table(posts, ["publie_le"], "publications", allow_empty=False)
    day, hour = _slots(posts)
    ones = pd.Series(np.ones(len(posts), dtype="int64"))
    grid = _grid(ones, day, hour, "sum").fillna(0).astype("int64")
    if share:
        return (grid / grid.to_numpy().sum() * 100).astype("float64")
    return grid


def engagement_grid(
    posts: pd.DataFrame, by: str = "portee", stat: str = "median", min_posts: int = 20
) -> pd.DataFrame:
    """Per-post engagement rate (%) summarised per weekday × hour slot.

    Each post gets ``metrics.engagement_rate_per_post(posts, by=by)`` (ER by reach by
    default); each slot shows the ``stat`` (``"median"`` or ``"mean"``) of its posts, or
    ``nan`` when the slot holds fewer than ``min_posts`` posts (too few to conclude).
    The median resists the few viral posts that pull a mean up (heavy tails, §5.2).
    """
    choice(stat, STATS, "stat")
    if min_posts < 1:
        raise KitValueError("min_posts doit être un nombre entier ≥ 1 (par exemple 20).")
    require_table(posts, ["publie_le"], "publications", allow_empty=False)
    rates = metrics.engagement_rate_per_post(posts, by=by)
    day, hour = _slots(posts)
    grid = _grid(rates, day, hour, stat)
    counts = _grid(rates.notna().astype("int64"), day, hour, "sum").fillna(0)
    return grid.where(counts >= min_posts).astype("float64")


def time_profile(
    posts: pd.DataFrame, unit: str = "hour", by: str = "portee", min_posts: int = 20
) -> pd.DataFrame:
    """Posting versus engagement, per hour of the day (``unit="hour"``) or per weekday.

    One row per hour 0 … 23 (index ``heure``) or per weekday (index ``jour``):

    - ``part_publications``: share of the posts published in that hour/day (%, sums to 100);
    - ``nb_publications``: number of posts;
    - ``portee_abonnes_median``: median share of the followers reached by a post
      (``portee / abonnes_au_moment × 100``; posts of accounts without followers ignored);
    - ``taux_engagement_median``: median per-post engagement rate (% of ``by``).

    Both medians are ``nan`` below ``min_posts`` posts.
    """
    choice(unit, UNITS, "unit")
    require_table(
        posts, ["publie_le", "portee", "abonnes_au_moment"], "publications", allow_empty=False
    )
    rates = metrics.engagement_rate_per_post(posts, by=by)
    followers = pd.to_numeric(posts["abonnes_au_moment"]).astype("float64")
    reached = pd.to_numeric(posts["portee"]).astype("float64") / followers.where(followers > 0)
    day, hour = _slots(posts)
    if unit == "hour":
        key, labels, name = pd.Series(hour), HOURS, "heure"
    else:
        key, labels, name = pd.Series(day), list(fr.WEEKDAYS), "jour"
    frame = pd.DataFrame(
        {"k": key.to_numpy(), "er": rates.to_numpy(), "reach": reached.to_numpy() * 100}
    )
    grouped = frame.groupby("k", observed=False)
    sizes = grouped.size().reindex(labels, fill_value=0).astype("int64")
    result = pd.DataFrame(
        {
            "part_publications": sizes / len(posts) * 100,
            "nb_publications": sizes,
            "portee_abonnes_median": grouped["reach"].median().reindex(labels),
            "taux_engagement_median": grouped["er"].median().reindex(labels),
        }
    )
    for column, source in (("portee_abonnes_median", "reach"), ("taux_engagement_median", "er")):
        enough = grouped[source].count().reindex(labels, fill_value=0) >= min_posts
        result[column] = result[column].where(enough).astype("float64")
    result.index = pd.Index(labels, name=name)
    return result


def engagement_by(
    posts: pd.DataFrame,
    column: str,
    by: str = "portee",
    method: str = "ratio_of_sums",
    min_posts: int = 1,
) -> pd.Series:
    """Engagement rate (%) of each group of posts sharing a value of ``column``.

    ``column`` is e.g. ``"format"``, ``"sujet"`` or ``"compte_id"``; ``by`` and ``method``
    mean what they mean in :func:`socialkit.metrics.engagement_rate` (docs/sources.md §1.2):

    - ``"ratio_of_sums"``: ``Σ engagements / Σ by × 100`` over the group's posts;
    - ``"mean_of_ratios"``: mean of the per-post rates (posts with ``by = 0`` ignored).

    Groups with fewer than ``min_posts`` posts are left out. Returns a Series named
    ``"taux_engagement"`` indexed by the group values (in the categories' order), so
    ``engagement_by(p, "format")["video"]`` is the ER by reach of the videos.
    """
    choice(method, metrics.METHODS, "method")
    choice(by, metrics.DENOMINATORS, "by")
    require_table(
        posts,
        [column, by, "reactions", "commentaires", "partages"],
        "publications",
        allow_empty=False,
    )
    keys = posts[column]
    result = metrics.engagement_rate_by(posts, keys, by=by, method=method)
    sizes = keys.groupby(keys, observed=True, sort=True).size()
    result = result[sizes.reindex(result.index, fill_value=0) >= min_posts]
    result.index = pd.Index(list(result.index), name=column)
    return result.astype("float64").rename("taux_engagement")


def weekly_posts(posts: pd.DataFrame, start: Any, end: Any, accounts: Any = None) -> pd.DataFrame:
    """Posts per calendar week (rows: the Monday of each week) and account (columns).

    Weeks start on Monday (Belgian calendar); every week between ``start`` and ``end`` is
    listed, with 0 when an account did not post, so silences show as gaps in a plot.
    ``accounts`` (list of ``compte_id``) keeps those columns, in that order.
    """
    require_table(posts, ["publie_le", "compte_id"], "publications", allow_empty=False)
    t0 = local_timestamp(start, "start")
    t1 = local_timestamp(end, "end")
    if t1 <= t0:
        raise KitValueError("end doit être postérieur à start (par exemple 2026-09-01).")
    stamps = local_times(posts["publie_le"])
    keep = ((stamps >= t0) & (stamps < t1)).to_numpy()
    monday = (stamps.dt.normalize() - pd.to_timedelta(stamps.dt.day_of_week, unit="D"))[keep]
    ids = posts["compte_id"].astype("object")[keep]
    counts = pd.crosstab(monday.to_numpy(), ids.to_numpy())
    first = t0.normalize() - pd.Timedelta(days=t0.day_of_week)
    weeks = pd.date_range(first, t1 - pd.Timedelta(microseconds=1), freq="W-MON")
    columns = list(accounts) if accounts is not None else sorted(counts.columns)
    table = counts.reindex(index=weeks, columns=columns, fill_value=0).astype("int64")
    table.index.name = "semaine"
    table.columns.name = "compte_id"
    return table
