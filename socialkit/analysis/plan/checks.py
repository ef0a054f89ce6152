"""Module 8, action plan: the rules a calendar must follow (module 3), as French sentences.

:func:`calendar_problems` lists what breaks the rules of module 3 (docs/sources.md §4.1(c)(d),
§5.1):

- more than ``max_per_day`` posts the same day on one account (fatigue: in Track Social's 2012
  study of brand pages, posts on two-post days averaged ≈ 57 % of the likes of one-post days);
- a slot outside the audience hours :data:`AUDIENCE_HOURS` [D], from the audience profile of
  docs/sources.md §5.1 (morning 7–9 h and evening 19–22 h peaks, weekend uplift) and the data of
  module 3 (lunch break);
- an irregular account: more than ``max_gap_days`` days between two posts, counting from the
  day before the plan starts to the day after it ends (so every window of ``max_gap_days``
  days of the plan holds at least one post of every account) — the habit of §4.1(d);
- unknown platform, format or stage; dates outside the ``weeks`` weeks of the plan;
- with ``accounts`` (the ``comptes`` table): unknown account, or a platform that is not the
  account's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from socialkit import fr
from socialkit._common import require_table
from socialkit.analysis.plan.calendar import (
    FORMATS,
    STAGES,
    PlanError,
    check_calendar,
    day_numbers,
    plan_period,
)
from socialkit.schema import PLATFORMS

__all__ = ["AUDIENCE_HOURS", "calendar_problems"]

#: Audience hours [D] (decimal hours, start included, end excluded), docs/sources.md §5.1.
AUDIENCE_HOURS: dict[str, tuple[tuple[float, float], ...]] = {
    "semaine": ((7, 9), (12, 14), (17, 22)),
    "week-end": ((8, 21),),
}


def _hours_text(ranges: Iterable[tuple[float, float]]) -> str:
    return ", ".join(f"{fr.clock(a)}–{fr.clock(b)}" for a, b in ranges)


def _audience(audience_hours: Any) -> dict[int, list[tuple[float, float]]]:
    """Audience hours as {day number: [(start, end), …]} with friendly errors.

    Accepts a mapping whose keys are French day names, « semaine », « week-end », « tous »
    or numbers 0–6 (later keys override earlier ones), or a plain list of ranges (every day).
    """
    if not isinstance(audience_hours, Mapping):
        audience_hours = {"tous": audience_hours}
    table: dict[int, list[tuple[float, float]]] = {d: [] for d in range(7)}
    for key, ranges in audience_hours.items():
        clean = []
        try:
            pairs = list(ranges)
        except TypeError:
            pairs = [ranges]
        for pair in pairs:
            try:
                a, b = (float(x) for x in pair)
            except (TypeError, ValueError):
                raise PlanError(
                    f"Heures d'audience illisibles pour « {key} » : {pair!r}. Donnez des paires "
                    "(début, fin) en heures, par exemple (7, 9) pour 7 h – 9 h."
                ) from None
            if not 0 <= a < b <= 24:
                raise PlanError(
                    f"Heures d'audience impossibles pour « {key} » : ({a:g}, {b:g}). Il faut "
                    "0 ≤ début < fin ≤ 24."
                )
            clean.append((a, b))
        for day in day_numbers([key]):
            table[day] = clean
    return table


def _fr_date(stamp: pd.Timestamp) -> str:
    return fr.short_date(stamp, weekday=True)


def calendar_problems(
    calendar: Any,
    start: Any = None,
    weeks: Any = None,
    max_per_day: int = 2,
    max_gap_days: int = 7,
    audience_hours: Any = None,
    accounts: pd.DataFrame | None = None,
) -> list[str]:
    """Every rule of the plan that ``calendar`` breaks, as French sentences (``[]`` = none).

    See the module docstring for the rules. The plan's period is ``start`` (first day) and
    ``weeks``; by default, the weeks the calendar covers, from the Monday of its first post
    (:func:`~socialkit.analysis.plan.calendar.plan_period`): any dates work, and dates outside
    a fixed period are reported only when ``start`` is given. Rows are named by their index
    label (the number
    shown on the left of the table). ``audience_hours`` defaults to :data:`AUDIENCE_HOURS`;
    ``accounts`` (the ``comptes`` table) also checks the accounts and their platforms.
    """
    cal = check_calendar(calendar)
    first, n_weeks = plan_period(cal, start, weeks)
    for name, value, low in (("max_per_day", max_per_day, 1), ("max_gap_days", max_gap_days, 1)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
            raise PlanError(f"« {name} » doit être un nombre entier ≥ {low} (reçu : {value!r}).")
    hours = _audience(AUDIENCE_HOURS if audience_hours is None else audience_hours)
    end = first + pd.Timedelta(days=7 * n_weeks)  # exclusive
    local = cal["date_heure"].dt.tz_localize(None)
    problems: list[str] = []

    # closed lists
    closed = (("plateforme", PLATFORMS), ("format", FORMATS), ("objectif", STAGES))
    for column, allowed in closed:
        for row, value in cal[column].items():
            if value not in allowed:
                problems.append(
                    f"Ligne {row} : {column} « {value} » inconnu(e) ; valeurs possibles : "
                    f"{', '.join(allowed)}."
                )
    if accounts is not None:
        problems += _account_problems(cal, accounts)

    # period
    last_day = end - pd.Timedelta(days=1)
    outside = (local < first) | (local >= end)
    for row in cal.index[outside.to_numpy()]:
        problems.append(
            f"Ligne {row} : le {_fr_date(local[row])} est hors de la période du plan "
            f"(du {first:%d/%m/%Y} au {last_day:%d/%m/%Y})."
        )

    # audience hours
    decimal = local.dt.hour + local.dt.minute / 60
    for row in cal.index:
        day, h = local[row].day_of_week, decimal[row]
        if not any(a <= h < b for a, b in hours[day]):
            allowed = _hours_text(hours[day]) or "aucune heure"
            problems.append(
                f"Ligne {row} : {_fr_date(local[row])} à {local[row]:%H:%M}, en dehors des "
                f"heures d'audience du {fr.WEEKDAYS[day]} ({allowed})."
            )

    # fatigue: posts per account and day
    days = local.dt.normalize()
    per_day = pd.DataFrame({"c": cal["compte_id"].astype(str), "d": days}).value_counts(sort=False)
    for (account, day), count in per_day.sort_index().items():
        if count > max_per_day:
            problems.append(
                f"Compte {account}, {_fr_date(day)} : {count} publications le même jour "
                f"(maximum {max_per_day})."
            )

    # regularity: gaps between consecutive days with a post, plan bounds included
    in_period = ~outside
    for account in sorted(cal["compte_id"].astype(str).unique()):
        mine = in_period & (cal["compte_id"].astype(str) == account)
        posted = sorted(set(days[mine.to_numpy()]))
        bounds = [first - pd.Timedelta(days=1), *posted, end]
        for before, after in zip(bounds[:-1], bounds[1:], strict=True):
            gap = (after - before).days
            if gap > max_gap_days:
                if before < first and after >= end:
                    what = "aucune publication pendant toute la période du plan"
                elif before < first:
                    what = (
                        f"{fr.plural(gap - 1, 'jour')} sans publication entre le début du plan "
                        f"({first:%d/%m}) et le {after:%d/%m}"
                    )
                elif after >= end:
                    what = (
                        f"{fr.plural(gap - 1, 'jour')} sans publication entre le "
                        f"{before:%d/%m} et la fin du plan ({last_day:%d/%m})"
                    )
                else:
                    what = (
                        f"{fr.plural(gap, 'jour')} entre les publications du {before:%d/%m} "
                        f"et du {after:%d/%m}"
                    )
                problems.append(
                    f"Compte {account} : {what} (au plus {fr.plural(max_gap_days, 'jour')} "
                    "entre deux publications pour un rendez-vous régulier)."
                )
    return problems


def _account_problems(cal: pd.DataFrame, accounts: pd.DataFrame) -> list[str]:
    require_table(accounts, ["compte_id", "plateforme"], "comptes", error=PlanError)
    platform = (
        accounts.drop_duplicates("compte_id")
        .set_index(accounts.drop_duplicates("compte_id")["compte_id"].astype(str))["plateforme"]
        .astype(str)
    )
    out = []
    for row in cal.index:
        account, where = str(cal.at[row, "compte_id"]), str(cal.at[row, "plateforme"])
        if account not in platform.index:
            out.append(f"Ligne {row} : compte « {account} » absent du tableau des comptes.")
        elif platform[account] != where:
            out.append(
                f"Ligne {row} : le compte {account} est sur {platform[account]}, pas sur {where}."
            )
    return out
