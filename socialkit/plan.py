"""Module 8: the action plan — editorial calendar, moderation targets, indicators to follow.

Pure functions on small tables; the workshop notebook only chooses values.

**Editorial calendar.** A DataFrame with one row per planned post and the columns of
:data:`CALENDAR_COLUMNS`:

=============  =================================================================================
``date_heure`` date and time of the post, tz-aware ``Europe/Brussels`` (naive values and ISO
               strings are read as Brussels wall-clock time)
``plateforme`` one of :data:`socialkit.schema.PLATFORMS`
``compte_id``  the account that posts (``C001``… or any name for your own accounts)
``sujet``      topic (free text; the kit's topics are :data:`TOPICS`)
``format``     one of :data:`FORMATS` (``texte``, ``photo``, ``lien``, ``video``, ``carrousel``)
``texte``      draft text of the post
``objectif``   funnel stage served (:data:`STAGES`: notoriété, relation, après-service)
=============  =================================================================================

:func:`regular_slots` and :func:`build_calendar` build one; :func:`calendar_problems` lists,
in French, what breaks the rules of module 3 (domain.md §4.1(c)(d), §5.1):

- more than ``max_per_day`` posts the same day on one account (fatigue: the 2nd post of a
  day gets ≈ 57 % of the likes of the 1st, Track Social [V]);
- a slot outside the audience hours :data:`AUDIENCE_HOURS` [D], from the audience profile of
  domain.md §5.1 (morning 7–9 h and evening 19–22 h peaks, weekend uplift) and the data of
  module 3 (lunch break);
- an irregular account: more than ``max_gap_days`` days between two posts, counting from the
  day before the plan starts to the day after it ends (so every window of ``max_gap_days``
  days of the plan holds at least one post of every account) — the habit of §4.1(d);
- unknown platform, format or stage; dates outside the ``weeks`` weeks of the plan;
- with ``accounts`` (the ``comptes`` table): unknown account, or a platform that is not the
  account's.

Structural faults (not a table, missing column, empty cell, unreadable date) raise
:class:`PlanError` with a message that names the row and the value.

**Exports.** :func:`to_csv` / :func:`read_calendar` (CSV, ISO 8601 dates with the offset) and
:func:`to_ics` / :func:`read_ics` (iCalendar, RFC 5545, with the ``icalendar`` package: PRODID,
VERSION, a VTIMEZONE for Europe/Brussels, one VEVENT per post with DTSTART in Brussels time and
a stable UID computed from the row, so the same calendar always gives the same bytes).
:func:`export_paths` names the files ``plan_<institution>_calendrier.csv`` / ``.ics``.

**Moderation targets.** :data:`SLA_TIERS` are the response tiers of domain.md §2.2 [D]
(urgent ≤ 1 h on the clock, complaint ≤ 4 business hours, question ≤ 1 business day, other
≤ 2 business days, spam and trolls: no reply, moderate per charter); in this kit a
*désinformation* comment is the urgent tier (a rumour must be corrected before it spreads,
module 4). :func:`sla_compliance` measures the share of comments answered within target.

**Indicators.** :data:`INDICATORS` are the stage indicators of :mod:`socialkit.funnel` plus
the two moderation ones of :func:`sla_compliance`. :func:`baselines` computes their values for
one institution, :func:`indicator_table` builds the table to fill with targets and
:func:`indicator_problems` checks it: known indicator, right stage, baseline equal to the data,
a target that improves on the baseline, every stage covered.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from icalendar import Calendar, Event

from socialkit import funnel, metrics
from socialkit._common import local_timestamp, require_table
from socialkit.errors import FriendlyError
from socialkit.schema import CATEGORIES, PLATFORMS, TIMEZONE

__all__ = [
    "PlanError",
    "PLAN_START",
    "PLAN_WEEKS",
    "CALENDAR_COLUMNS",
    "STAGES",
    "FORMATS",
    "TOPICS",
    "WEEKDAYS",
    "AUDIENCE_HOURS",
    "SLA_TIERS",
    "INDICATORS",
    "INDICATOR_COLUMNS",
    "regular_slots",
    "build_calendar",
    "combine",
    "check_calendar",
    "calendar_problems",
    "readable",
    "weekly_counts",
    "export_paths",
    "to_csv",
    "read_calendar",
    "to_ics",
    "read_ics",
    "sla_table",
    "sla_compliance",
    "baselines",
    "indicator_table",
    "indicator_problems",
]


class PlanError(FriendlyError, ValueError):
    """A calendar or indicator table that cannot be read; the message is for the trainee."""

    title = "Plan à corriger"


#: First day of the plan: the Monday after the sample data (which end on 31 August 2026).
PLAN_START = "2026-09-07"
PLAN_WEEKS = 4
CALENDAR_COLUMNS = ["date_heure", "plateforme", "compte_id", "sujet", "format", "texte", "objectif"]
STAGES = list(funnel.STAGES)
FORMATS = list(CATEGORIES["format"])
TOPICS = list(CATEGORIES["sujet"])
#: French weekday names, Monday first.
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

#: Audience hours [D] (decimal hours, start included, end excluded), domain.md §5.1.
AUDIENCE_HOURS: dict[str, tuple[tuple[float, float], ...]] = {
    "semaine": ((7, 9), (12, 14), (17, 22)),
    "week-end": ((8, 21),),
}

#: Response tiers (domain.md §2.2 [D]): categories, target, clock or business hours.
SLA_TIERS: dict[str, dict[str, Any]] = {
    "urgent": {
        "categories": ("desinformation",),
        "cible_h": 1.0,
        "ouvrable": False,
        "cible": "1 heure, soirs et week-ends compris (permanence)",
    },
    "plainte": {
        "categories": ("plainte",),
        "cible_h": 4.0,
        "ouvrable": True,
        "cible": "4 heures ouvrables",
    },
    "question": {
        "categories": ("question",),
        "cible_h": 8.5,
        "ouvrable": True,
        "cible": "1 jour ouvrable (8 h 30)",
    },
    "autre": {
        "categories": ("suggestion", "remerciement"),
        "cible_h": 17.0,
        "ouvrable": True,
        "cible": "2 jours ouvrables",
    },
    "moderer": {
        "categories": ("spam", "troll"),
        "cible_h": None,
        "ouvrable": False,
        "cible": "pas de réponse : masquer ou supprimer selon la charte, noter au registre",
    },
}

_SLA_INDICATORS = {
    "plaintes_dans_delai": (
        "après-service",
        "plaintes qui demandent une réponse, traitées en 4 heures ouvrables (%)",
        True,
    ),
    "questions_dans_delai": (
        "après-service",
        "questions qui demandent une réponse, traitées en 1 jour ouvrable (%)",
        True,
    ),
}
#: indicator → (stage, French label, True when higher is better).
INDICATORS: dict[str, tuple[str, str, bool]] = {**funnel.METRICS, **_SLA_INDICATORS}
#: Indicators that are shares (a target must lie between 0 and 100).
_SHARES = {
    "taux_portee",
    "part_de_voix",
    "taux_engagement",
    "part_fideles",
    "taux_reponse",
    "part_questions_repondues",
    *_SLA_INDICATORS,
}
INDICATOR_COLUMNS = ["etape", "indicateur", "libelle", "valeur_depart", "cible"]

_DAY_ALIASES = {
    "semaine": (0, 1, 2, 3, 4),
    "week-end": (5, 6),
    "weekend": (5, 6),
    "tous": (0, 1, 2, 3, 4, 5, 6),
}
_TZ = ZoneInfo(TIMEZONE)
_OFFICE = (8.5, 17.0)


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _fr_date(stamp: pd.Timestamp) -> str:
    return f"{WEEKDAYS[stamp.day_of_week]} {stamp:%d/%m/%Y}"


def _fr_number(x: float, decimals: int = 1) -> str:
    return f"{x:.{decimals}f}".replace(".", ",")


def _hours_text(ranges: Iterable[tuple[float, float]]) -> str:
    def hh(x: float) -> str:
        h, m = int(x), int(round((x - int(x)) * 60))
        return f"{h} h" if m == 0 else f"{h} h {m:02d}"

    return ", ".join(f"{hh(a)}–{hh(b)}" for a, b in ranges)


def _start(value: Any) -> pd.Timestamp:
    """The first day of the plan as a naive date (midnight, Brussels wall clock)."""
    return local_timestamp(value, "start", error=PlanError).normalize()


def _weeks(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or not 1 <= value <= 52:
        raise PlanError(
            f"« weeks » doit être un nombre entier de semaines entre 1 et 52 (reçu : {value!r})."
        )
    return int(value)


def _day_numbers(days: Any) -> list[int]:
    """French weekday names, aliases or numbers 0 (Monday) … 6 → sorted day numbers."""
    if isinstance(days, str | int):
        days = [days]
    out: set[int] = set()
    for day in days:
        if isinstance(day, str):
            key = day.strip().lower()
            if key in WEEKDAYS:
                out.add(WEEKDAYS.index(key))
            elif key in _DAY_ALIASES:
                out.update(_DAY_ALIASES[key])
            else:
                raise PlanError(
                    f"Jour inconnu : « {day} ». Écrivez un jour en toutes lettres "
                    f"({', '.join(WEEKDAYS)}), « semaine » ou « week-end »."
                )
        elif isinstance(day, int | np.integer) and not isinstance(day, bool) and 0 <= day <= 6:
            out.add(int(day))
        else:
            raise PlanError(f"Jour inconnu : {day!r}. Écrivez par exemple « mardi ».")
    if not out:
        raise PlanError('Donnez au moins un jour de publication, par exemple ["mardi"].')
    return sorted(out)


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)?\s*$")


def _time_of_day(value: Any) -> tuple[int, int]:
    """ "07:30", "7h30", "19h", "19" → (hour, minute)."""
    match = _TIME.match(str(value))
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour <= 23 and minute <= 59:
            return hour, minute
    raise PlanError(f'Heure non reconnue : « {value} ». Écrivez par exemple "07:30" ou "19h30".')


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
        for day in _day_numbers([key]):
            table[day] = clean
    return table


# ---------------------------------------------------------------------------
# Building a calendar
# ---------------------------------------------------------------------------


def regular_slots(
    start: Any = PLAN_START,
    weeks: int = PLAN_WEEKS,
    days: Any = ("mardi", "jeudi"),
    times: Any = ("07:30",),
) -> pd.DatetimeIndex:
    """Every (day, time) of ``days`` × ``times`` in the ``weeks`` weeks from ``start``.

    ``days``: French day names (``"mardi"``), ``"semaine"``, ``"week-end"`` or numbers 0
    (Monday) … 6; ``times``: ``"07:30"``, ``"7h30"`` or ``"19h"``. The result is sorted,
    tz-aware (Europe/Brussels): the same slots every week, which is what builds a habit.
    """
    first = _start(start)
    n_weeks = _weeks(weeks)
    wanted = _day_numbers(days)
    if isinstance(times, str):
        times = [times]
    clock = sorted({_time_of_day(t) for t in times})
    if not clock:
        raise PlanError('Donnez au moins une heure de publication, par exemple ["07:30"].')
    stamps = []
    for offset in range(7 * n_weeks):
        day = first + pd.Timedelta(days=offset)
        if day.day_of_week in wanted:
            stamps += [day + pd.Timedelta(hours=h, minutes=m) for h, m in clock]
    index = pd.DatetimeIndex(stamps).tz_localize(
        TIMEZONE, ambiguous="raise", nonexistent="shift_forward"
    )
    return index.rename("date_heure")


_CONTENT_KEYS = ["sujet", "format", "objectif", "texte"]


def _content_rows(contents: Any) -> list[dict[str, Any]]:
    if isinstance(contents, pd.DataFrame):
        missing = [c for c in _CONTENT_KEYS if c not in contents.columns]
        if missing:
            raise PlanError(
                f"Il manque dans les contenus la ou les colonnes : {', '.join(missing)}."
            )
        return contents[_CONTENT_KEYS].to_dict("records")
    if isinstance(contents, dict | str) or not isinstance(contents, Iterable):
        raise PlanError(
            'Les contenus doivent être une liste, par exemple [("coulisses_equipe", "photo", '
            '"notoriété", "Texte…"), …] : (sujet, format, objectif, texte) pour chacun.'
        )
    rows = []
    for i, item in enumerate(contents, start=1):
        if isinstance(item, Mapping):
            missing = [k for k in _CONTENT_KEYS if k not in item]
            if missing:
                raise PlanError(f"Contenu n° {i} : il manque {', '.join(missing)}.")
            rows.append({k: item[k] for k in _CONTENT_KEYS})
        elif isinstance(item, tuple | list) and len(item) == 4:
            rows.append(dict(zip(_CONTENT_KEYS, item, strict=True)))
        else:
            raise PlanError(
                f"Contenu n° {i} illisible : {item!r}. Chaque contenu est un groupe de quatre "
                "valeurs entre parenthèses : (sujet, format, objectif, texte)."
            )
    if not rows:
        raise PlanError("La liste des contenus est vide : donnez au moins un contenu.")
    return rows


def build_calendar(slots: Any, contents: Any, compte_id: str, plateforme: str) -> pd.DataFrame:
    """One row per slot of ``slots`` for one account, with the columns of :data:`CALENDAR_COLUMNS`.

    ``contents`` is a list of ``(sujet, format, objectif, texte)`` (or dicts, or a DataFrame
    with those columns), used in order and **repeated** when there are fewer contents than
    slots. Values are not checked here: :func:`calendar_problems` does it.
    """
    if isinstance(slots, str) or not isinstance(slots, Iterable):
        raise PlanError(
            "Les créneaux doivent être une liste de dates, par exemple le résultat "
            "de plan.regular_slots(...)."
        )
    frame = pd.DataFrame({"date_heure": list(slots)})
    if len(frame) == 0:
        raise PlanError("Aucun créneau : vérifiez les jours et les heures choisis.")
    stamps = _stamps(frame["date_heure"])
    rows = _content_rows(contents)
    repeated = [rows[i % len(rows)] for i in range(len(stamps))]
    calendar = pd.DataFrame(repeated, columns=_CONTENT_KEYS)
    calendar.insert(0, "date_heure", stamps.to_numpy())
    calendar["date_heure"] = stamps.reset_index(drop=True)
    calendar.insert(1, "plateforme", plateforme)
    calendar.insert(2, "compte_id", compte_id)
    return calendar[CALENDAR_COLUMNS]


def combine(*calendars: pd.DataFrame) -> pd.DataFrame:
    """Several calendars (e.g. one per account) in one, sorted by date, index 0, 1, 2…"""
    if not calendars:
        raise PlanError("Donnez au moins un calendrier à combiner.")
    for i, cal in enumerate(calendars, start=1):
        require_table(cal, table=f"le calendrier n° {i}", error=PlanError)
    table = pd.concat([check_calendar(c) for c in calendars], ignore_index=True)
    table = table.sort_values(["date_heure", "compte_id"], kind="stable")
    return table.reset_index(drop=True)


# ---------------------------------------------------------------------------
# Checking a calendar
# ---------------------------------------------------------------------------


def check_calendar(calendar: Any) -> pd.DataFrame:
    """A copy of ``calendar`` with ``date_heure`` tz-aware (Brussels); raise :class:`PlanError`.

    Raises when ``calendar`` is not a DataFrame, has no row, misses a column of
    :data:`CALENDAR_COLUMNS`, has an empty cell in them, or a date that cannot be read.
    Naive dates and ISO strings are read as Brussels wall-clock time.
    """
    require_table(calendar, table="le calendrier", error=PlanError)
    missing = [c for c in CALENDAR_COLUMNS if c not in calendar.columns]
    if missing:
        raise PlanError(
            f"Il manque dans le calendrier la ou les colonnes : {', '.join(missing)}. "
            f"Colonnes attendues : {', '.join(CALENDAR_COLUMNS)}."
        )
    if len(calendar) == 0:
        raise PlanError("Le calendrier est vide (0 ligne).")
    out = calendar.copy()
    for column in CALENDAR_COLUMNS:
        values = out[column]
        empty = values.isna() | values.astype("object").map(
            lambda v: isinstance(v, str) and not v.strip()
        )
        if empty.any():
            row = empty.index[empty.to_numpy().argmax()]
            raise PlanError(f"Ligne {row} du calendrier : la colonne « {column} » est vide.")
    out["date_heure"] = _stamps(out["date_heure"])
    for column in CALENDAR_COLUMNS[1:]:
        out[column] = (
            out[column].astype("object").map(lambda v: v.strip() if isinstance(v, str) else v)
        )
    return out


def _stamps(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_convert(TIMEZONE)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        return _localise(values)
    parsed = []
    for row, value in values.items():
        if isinstance(value, pd.Timestamp | np.datetime64) or hasattr(value, "year"):
            stamp = pd.Timestamp(value)
        else:
            try:
                stamp = pd.Timestamp(str(value).strip())
            except (TypeError, ValueError):
                stamp = pd.NaT
        if stamp is pd.NaT:
            raise PlanError(
                f"Ligne {row} du calendrier : date et heure illisibles « {value} » "
                '(exemple attendu : "2026-09-08 07:30").'
            )
        if stamp.tzinfo is None:
            stamp = _localise(pd.Series([stamp], index=[row])).iloc[0]
        parsed.append(stamp.tz_convert(TIMEZONE))
    return pd.Series(pd.DatetimeIndex(parsed), index=values.index, name=values.name)


def _localise(values: pd.Series) -> pd.Series:
    try:
        return values.dt.tz_localize(TIMEZONE, ambiguous="raise", nonexistent="raise")
    except (ValueError, TypeError) as exc:  # DST change: 02:00–03:00 does not exist, etc.
        raise PlanError(
            f"Heure impossible ou ambiguë à Bruxelles (changement d'heure) : {exc}. "
            "Choisissez une autre heure."
        ) from None


def calendar_problems(
    calendar: Any,
    start: Any = PLAN_START,
    weeks: int = PLAN_WEEKS,
    max_per_day: int = 2,
    max_gap_days: int = 7,
    audience_hours: Any = None,
    accounts: pd.DataFrame | None = None,
) -> list[str]:
    """Every rule of the plan that ``calendar`` breaks, as French sentences (``[]`` = none).

    See the module docstring for the rules. Rows are named by their index label (the number
    shown on the left of the table). ``audience_hours`` defaults to :data:`AUDIENCE_HOURS`;
    ``accounts`` (the ``comptes`` table) also checks the accounts and their platforms.
    """
    cal = check_calendar(calendar)
    first = _start(start)
    n_weeks = _weeks(weeks)
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
                f"heures d'audience du {WEEKDAYS[day]} ({allowed})."
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
                        f"{gap - 1} jours sans publication entre le début du plan "
                        f"({first:%d/%m}) et le {after:%d/%m}"
                    )
                elif after >= end:
                    what = (
                        f"{gap - 1} jours sans publication entre le {before:%d/%m} et la "
                        f"fin du plan ({last_day:%d/%m})"
                    )
                else:
                    what = (
                        f"{gap} jours entre les publications du {before:%d/%m} et du {after:%d/%m}"
                    )
                problems.append(
                    f"Compte {account} : {what} (au plus {max_gap_days} jours entre deux "
                    "publications pour un rendez-vous régulier)."
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


# ---------------------------------------------------------------------------
# Reading a calendar
# ---------------------------------------------------------------------------


def readable(calendar: Any) -> pd.DataFrame:
    """The calendar as people read it: ``jour``, ``date`` (dd/mm), ``heure`` then the rest."""
    cal = check_calendar(calendar)
    local = cal["date_heure"]
    out = pd.DataFrame(
        {
            "jour": local.dt.day_of_week.map(dict(enumerate(WEEKDAYS))),
            "date": local.dt.strftime("%d/%m"),
            "heure": local.dt.strftime("%H:%M"),
        },
        index=cal.index,
    )
    return out.join(cal[CALENDAR_COLUMNS[1:]])


def weekly_counts(calendar: Any, start: Any = PLAN_START, weeks: int = PLAN_WEEKS) -> pd.DataFrame:
    """Posts per plan week (rows « semaine 1 » …) and account (columns), 0 included."""
    cal = check_calendar(calendar)
    first = _start(start)
    n_weeks = _weeks(weeks)
    local = cal["date_heure"].dt.tz_localize(None)
    number = ((local - first) // pd.Timedelta(days=7)) + 1
    keep = ((number >= 1) & (number <= n_weeks)).to_numpy()
    table = pd.crosstab(number[keep].to_numpy(), cal["compte_id"].astype(str)[keep].to_numpy())
    table = table.reindex(index=range(1, n_weeks + 1), fill_value=0)
    table.index = [
        f"semaine {i} (du {first + pd.Timedelta(days=7 * (i - 1)):%d/%m})" for i in table.index
    ]
    table.index.name = "semaine"
    table.columns.name = "compte_id"
    return table.astype("int64")


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


def _slug(text: Any) -> str:
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", ascii_text).strip("-")
    if not slug:
        raise PlanError(f"Nom d'institution inutilisable pour un nom de fichier : « {text} ».")
    return slug


def export_paths(institution: Any, folder: str | Path = ".") -> dict[str, Path]:
    """``{"csv": folder/plan_<institution>_calendrier.csv, "ics": … .ics}`` (accents and
    spaces of the name replaced, so the names work on every system)."""
    base = f"plan_{_slug(institution)}_calendrier"
    folder = Path(folder)
    return {"csv": folder / f"{base}.csv", "ics": folder / f"{base}.ics"}


def to_csv(calendar: Any, path: str | Path, excel: bool = False) -> Path:
    """Write the calendar as CSV (UTF-8, dates ISO 8601 with the Brussels offset).

    ``excel=True`` writes what Excel opens directly in Belgium (semicolons, UTF-8 with BOM).
    Returns the path written.
    """
    cal = check_calendar(calendar)
    out = cal.copy()
    out["date_heure"] = out["date_heure"].map(lambda t: t.isoformat())
    path = Path(path)
    out.to_csv(
        path,
        index=False,
        sep=";" if excel else ",",
        encoding="utf-8-sig" if excel else "utf-8",
        lineterminator="\n",
    )
    return path


def read_calendar(path: str | Path) -> pd.DataFrame:
    """Read a calendar written by :func:`to_csv` (or by hand, commas or semicolons)."""
    path = Path(path)
    if not path.is_file():
        raise PlanError(f"Fichier introuvable : « {path} ».")
    text = path.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0] if text.strip() else ""
    sep = ";" if header.count(";") > header.count(",") else ","
    table = pd.read_csv(
        path, sep=sep, dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""]
    )
    return check_calendar(table)


def _uids(cal: pd.DataFrame) -> list[str]:
    """A stable UID per row: hash of its content (+ a counter for identical rows)."""
    seen: dict[str, int] = {}
    out = []
    for _, row in cal.iterrows():
        key = "|".join(
            [row["date_heure"].isoformat(), *(str(row[c]) for c in CALENDAR_COLUMNS[1:])]
        )
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
        seen[digest] = seen.get(digest, 0) + 1
        suffix = "" if seen[digest] == 1 else f"-{seen[digest]}"
        out.append(f"{digest}{suffix}@plan.socialkit")
    return out


def to_ics(
    calendar: Any,
    path: str | Path,
    name: str = "Plan éditorial",
    duration_minutes: int = 15,
) -> Path:
    """Write the calendar as an iCalendar file (.ics) that calendar apps can import.

    One VEVENT per row: DTSTART (Europe/Brussels, with its VTIMEZONE), DTEND = start +
    ``duration_minutes``, SUMMARY « [plateforme] sujet (format) », DESCRIPTION with the text,
    the account and the objective, CATEGORIES = objective, and a UID computed from the row.
    DTSTAMP is the first post's time (UTC), so the file depends only on the calendar.
    """
    cal = check_calendar(calendar)
    if not isinstance(duration_minutes, int) or not 1 <= duration_minutes <= 24 * 60:
        raise PlanError("« duration_minutes » doit être un nombre entier de minutes (1 à 1440).")
    order = cal.sort_values(["date_heure", "compte_id"], kind="stable")
    ics = Calendar()
    ics.add("prodid", "-//socialkit//Plan d'action medias sociaux//FR")
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("method", "PUBLISH")
    ics.add("x-wr-calname", str(name))
    ics.add("x-wr-timezone", TIMEZONE)
    stamp = order["date_heure"].min().tz_convert("UTC").to_pydatetime()
    for uid, (_, row) in zip(_uids(order), order.iterrows(), strict=True):
        start = row["date_heure"].to_pydatetime().replace(tzinfo=None).replace(tzinfo=_TZ)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=duration_minutes))
        event.add("summary", f"[{row['plateforme']}] {row['sujet']} ({row['format']})")
        event.add(
            "description",
            f"{row['texte']}\n\nCompte : {row['compte_id']} · Objectif : {row['objectif']}",
        )
        event.add("categories", [str(row["objectif"])])
        ics.add_component(event)
    first_year = int(order["date_heure"].min().year)
    last_year = int(order["date_heure"].max().year)
    ics.add_missing_timezones(
        first_date=date(first_year, 1, 1), last_date=date(last_year + 2, 1, 1)
    )
    path = Path(path)
    path.write_bytes(ics.to_ical())
    return path


def read_ics(path: str | Path) -> pd.DataFrame:
    """The events of an .ics file: ``uid``, ``date_heure`` (Brussels), ``titre``, ``description``.

    Parsed with ``icalendar`` (the same library calendar tools rely on): if this works and
    gives one event per planned post, the file is importable.
    """
    path = Path(path)
    if not path.is_file():
        raise PlanError(f"Fichier introuvable : « {path} ».")
    try:
        parsed = Calendar.from_ical(path.read_bytes())
    except ValueError as exc:
        raise PlanError(f"« {path} » n'est pas un fichier iCalendar lisible ({exc}).") from None
    rows = []
    for event in parsed.walk("VEVENT"):
        start = pd.Timestamp(event.decoded("dtstart"))
        if start.tzinfo is None:
            start = start.tz_localize(TIMEZONE)
        rows.append(
            {
                "uid": str(event.get("uid")),
                "date_heure": start.tz_convert(TIMEZONE),
                "titre": str(event.get("summary")),
                "description": str(event.get("description")),
            }
        )
    table = pd.DataFrame(rows, columns=["uid", "date_heure", "titre", "description"])
    if len(table):
        table["date_heure"] = pd.to_datetime(table["date_heure"], utc=True).dt.tz_convert(TIMEZONE)
    return table


# ---------------------------------------------------------------------------
# Moderation targets (domain.md §2.2)
# ---------------------------------------------------------------------------


def sla_table() -> pd.DataFrame:
    """The response tiers as a French table (one row per tier)."""
    rows = [
        {
            "niveau": tier,
            "categories": ", ".join(spec["categories"]),
            "delai_cible": spec["cible"],
        }
        for tier, spec in SLA_TIERS.items()
    ]
    return pd.DataFrame(rows).set_index("niveau")


def sla_compliance(comments: pd.DataFrame, opening: tuple[float, float] = _OFFICE) -> pd.DataFrame:
    """Share of the comments needing a reply that were answered within their tier's target.

    One row per tier with a target (:data:`SLA_TIERS`): ``a_repondre`` (comments of the tier's
    categories with ``necessite_reponse``), ``dans_delai`` (answered within the target, on the
    clock for « urgent », in business hours otherwise — ``opening`` hours, Monday to Friday,
    as :func:`socialkit.metrics.first_response_times`), ``part_dans_delai`` (%; an unanswered
    comment counts as late; NaN when there is nothing to answer) and ``delai_median_h`` (median
    delay of the answered ones, in the tier's unit).
    """
    if not isinstance(comments, pd.DataFrame):
        raise PlanError("Passez le tableau des commentaires (DataFrame) chargé avec load(...).")
    needed = ["categorie", "necessite_reponse", "cree_le", "repondu_le"]
    missing = [c for c in needed if c not in comments.columns]
    if missing:
        raise PlanError(f"Il manque dans le tableau des commentaires : {', '.join(missing)}.")
    category = comments["categorie"].astype("object")
    must = comments["necessite_reponse"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    rows = {}
    for tier, spec in SLA_TIERS.items():
        if spec["cible_h"] is None:
            continue
        subset = comments[category.isin(spec["categories"]).to_numpy() & must]
        delays = metrics.first_response_times(
            subset, business_hours=spec["ouvrable"], opening=opening
        )
        ok = int((delays <= spec["cible_h"]).sum())
        n = len(subset)
        rows[tier] = {
            "delai_cible": spec["cible"],
            "a_repondre": n,
            "dans_delai": ok,
            "part_dans_delai": ok / n * 100 if n else float("nan"),
            "delai_median_h": float(delays.median()) if len(delays) else float("nan"),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "niveau"
    return table


# ---------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------


def baselines(
    publications: pd.DataFrame,
    commentaires: pd.DataFrame,
    abonnes: pd.DataFrame,
    mentions: pd.DataFrame,
    comptes: pd.DataFrame,
    institution_id: str,
) -> pd.Series:
    """Value of every indicator of :data:`INDICATORS` for one institution (its baseline).

    Stage indicators come from :func:`socialkit.funnel.stage_metrics` (official institutional
    accounts; share of voice against every institution of ``mentions``); the moderation ones
    from :func:`sla_compliance` on the comments of those accounts. Named ``"valeur_depart"``.
    """
    row = funnel.stage_metrics(
        publications, commentaires, abonnes, mentions, comptes, institutions=institution_id
    ).loc[institution_id]
    ids = funnel.official_accounts(comptes, institution_id)["compte_id"]
    mine = commentaires[commentaires["compte_id"].isin(ids).to_numpy()]
    sla = sla_compliance(mine)
    values = {k: float(row[k]) for k in funnel.METRICS}
    values["plaintes_dans_delai"] = float(sla.loc["plainte", "part_dans_delai"])
    values["questions_dans_delai"] = float(sla.loc["question", "part_dans_delai"])
    series = pd.Series(values, name="valeur_depart", dtype="float64")
    series.index.name = "indicateur"
    return series


def indicator_table(base: pd.Series, targets: Mapping[str, float]) -> pd.DataFrame:
    """The indicators to follow: one row per key of ``targets`` (indicator → target).

    Columns :data:`INDICATOR_COLUMNS`: ``etape`` and ``libelle`` from :data:`INDICATORS`,
    ``valeur_depart`` from ``base`` (the result of :func:`baselines`), ``cible`` the target.
    """
    if not isinstance(base, pd.Series):
        raise PlanError("« base » doit être le résultat de plan.baselines(...) (une Series).")
    if not isinstance(targets, Mapping) or not targets:
        raise PlanError(
            'Les cibles doivent être un dictionnaire, par exemple {"taux_reponse": 60}.'
        )
    rows = []
    for name, target in targets.items():
        if name not in INDICATORS:
            raise PlanError(
                f"Indicateur inconnu : « {name} ». Indicateurs possibles : {', '.join(INDICATORS)}."
            )
        if name not in base.index:
            raise PlanError(f"Pas de valeur de départ pour « {name} » dans « base ».")
        stage, label, _ = INDICATORS[name]
        rows.append(
            {
                "etape": stage,
                "indicateur": name,
                "libelle": label,
                "valeur_depart": float(base[name]),
                "cible": target,
            }
        )
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return None
    return float(value)


def indicator_problems(table: Any, base: pd.Series | None = None, rel: float = 1e-6) -> list[str]:
    """What is wrong with an indicator table, as French sentences (``[]`` = nothing).

    Each row needs a known ``indicateur`` (:data:`INDICATORS`), the ``etape`` of that
    indicator, a numeric ``valeur_depart`` (equal to ``base[indicateur]`` within ``rel`` when
    ``base`` is given) and a numeric ``cible`` that improves on it (higher, or lower for a
    delay); a share (%) stays between 0 and 100. Each stage of :data:`STAGES` needs at least
    one indicator; an indicator appears once.
    """
    require_table(table, table="le tableau des indicateurs", error=PlanError)
    missing = [c for c in ("etape", "indicateur", "valeur_depart", "cible") if c not in table]
    if missing:
        raise PlanError(
            f"Il manque dans le tableau des indicateurs : {', '.join(missing)}. Construisez-le "
            "avec plan.indicator_table(...)."
        )
    problems = []
    seen = set()
    for row, line in table.iterrows():
        name, stage = line["indicateur"], line["etape"]
        if name not in INDICATORS:
            problems.append(f"Ligne {row} : indicateur « {name} » inconnu.")
            continue
        if name in seen:
            problems.append(f"Ligne {row} : l'indicateur « {name} » figure deux fois.")
        seen.add(name)
        right_stage, _, higher = INDICATORS[name]
        if stage != right_stage:
            problems.append(
                f"Ligne {row} : « {name} » mesure l'étape « {right_stage} », pas « {stage} »."
            )
        start, target = _as_number(line["valeur_depart"]), _as_number(line["cible"])
        if start is None or np.isnan(start):
            problems.append(
                f"Ligne {row} : pas de valeur de départ pour « {name} » (les données ne "
                "permettent pas de la calculer : choisissez un autre indicateur)."
            )
            continue
        if base is not None and name in base.index:
            expected = float(base[name])
            if not np.isclose(start, expected, rtol=rel, atol=1e-9, equal_nan=True):
                problems.append(
                    f"Ligne {row} : la valeur de départ de « {name} » ({_fr_number(start, 2)}) "
                    "ne correspond pas aux données ; recalculez-la avec plan.baselines(...)."
                )
        if target is None or np.isnan(target):
            problems.append(f"Ligne {row} : donnez une cible chiffrée pour « {name} ».")
            continue
        if name in _SHARES and not 0 <= target <= 100:
            problems.append(
                f"Ligne {row} : la cible de « {name} » ({_fr_number(target, 2)}) est un "
                "pourcentage : elle doit être comprise entre 0 et 100."
            )
        elif name != "croissance_abonnes" and target < 0:
            problems.append(f"Ligne {row} : la cible de « {name} » ne peut pas être négative.")
        elif (higher and target <= start) or (not higher and target >= start):
            sens = "plus haute" if higher else "plus basse"
            problems.append(
                f"Ligne {row} : la cible de « {name} » ({_fr_number(target, 2)}) doit être "
                f"{sens} que la valeur de départ ({_fr_number(start, 2)})."
            )
    covered = set(table["etape"].astype("object"))
    for stage in STAGES:
        if stage not in covered:
            problems.append(f"Aucun indicateur pour l'étape « {stage} ».")
    return problems
