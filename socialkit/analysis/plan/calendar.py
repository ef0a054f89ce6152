"""Module 8, action plan: building and reading an editorial calendar.

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

:func:`regular_slots` and :func:`build_calendar` build one, :func:`combine` joins several,
:func:`readable` and :func:`weekly_counts` show it. Structural faults (not a table, missing
column, empty cell, unreadable date) raise :class:`PlanError` with a message that names the row
and the value (:func:`check_calendar`). The rules of module 3 are checked in
:mod:`socialkit.analysis.plan.checks`; exports live in :mod:`socialkit.analysis.plan.export`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from socialkit import fr
from socialkit._common import local_timestamp, require_table
from socialkit.analysis import funnel
from socialkit.errors import FriendlyError
from socialkit.schema import CATEGORIES, TIMEZONE

__all__ = [
    "PlanError",
    "PLAN_START",
    "PLAN_WEEKS",
    "CALENDAR_COLUMNS",
    "STAGES",
    "FORMATS",
    "TOPICS",
    "TOPIC_LABELS",
    "FORMAT_LABELS",
    "PLATFORM_LABELS",
    "plan_period",
    "regular_slots",
    "build_calendar",
    "combine",
    "check_calendar",
    "readable",
    "weekly_counts",
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

#: French words for the kit's topics, formats and platforms (calendar titles, exports).
TOPIC_LABELS = {
    "travaux_mobilite": "travaux et mobilité",
    "dechets_environnement": "déchets et environnement",
    "demarches_administratives": "démarches administratives",
    "evenement_culture": "événement et culture",
    "sport_loisirs": "sport et loisirs",
    "social_sante": "social et santé",
    "securite_alerte": "sécurité et alertes",
    "vie_democratique": "vie démocratique",
    "emploi_recrutement": "emploi et recrutement",
    "coulisses_equipe": "coulisses de l'équipe",
    "correction_info": "correction d'une information",
}
FORMAT_LABELS = {
    "texte": "texte",
    "photo": "photo",
    "lien": "lien",
    "video": "vidéo",
    "carrousel": "carrousel",
}
PLATFORM_LABELS = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "mastodon": "Mastodon",
}

_DAY_ALIASES = {
    "semaine": (0, 1, 2, 3, 4),
    "week-end": (5, 6),
    "weekend": (5, 6),
    "tous": (0, 1, 2, 3, 4, 5, 6),
}


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def start_day(value: Any) -> pd.Timestamp:
    """The first day of the plan as a naive date (midnight, Brussels wall clock)."""
    return local_timestamp(value, "start", error=PlanError).normalize()


def week_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or not 1 <= value <= 52:
        raise PlanError(
            f"« weeks » doit être un nombre entier de semaines entre 1 et 52 (reçu : {value!r})."
        )
    return int(value)


def day_numbers(days: Any) -> list[int]:
    """French weekday names, aliases or numbers 0 (Monday) … 6 → sorted day numbers."""
    if isinstance(days, str | int):
        days = [days]
    out: set[int] = set()
    for day in days:
        if isinstance(day, str):
            key = day.strip().lower()
            if key in fr.WEEKDAYS:
                out.add(fr.WEEKDAYS.index(key))
            elif key in _DAY_ALIASES:
                out.update(_DAY_ALIASES[key])
            else:
                raise PlanError(
                    f"Jour inconnu : « {day} ». Écrivez un jour en toutes lettres "
                    f"({', '.join(fr.WEEKDAYS)}), « semaine » ou « week-end »."
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
    first = start_day(start)
    n_weeks = week_count(weeks)
    wanted = day_numbers(days)
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
            "de plan_calendar.regular_slots(...)."
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


# ---------------------------------------------------------------------------
# Reading a calendar
# ---------------------------------------------------------------------------


def readable(calendar: Any) -> pd.DataFrame:
    """The calendar as people read it: ``jour``, ``date`` (dd/mm), ``heure`` then the rest."""
    cal = check_calendar(calendar)
    local = cal["date_heure"]
    out = pd.DataFrame(
        {
            "jour": local.dt.day_of_week.map(dict(enumerate(fr.WEEKDAYS))),
            "date": local.dt.strftime("%d/%m"),
            "heure": local.dt.strftime("%H:%M"),
        },
        index=cal.index,
    )
    return out.join(cal[CALENDAR_COLUMNS[1:]])


def plan_period(
    cal: pd.DataFrame, start: Any = None, weeks: Any = None
) -> tuple[pd.Timestamp, int]:
    """(first day, number of weeks) of the plan of a checked calendar.

    ``start`` defaults to the Monday of the week of the first post, ``weeks`` to as many
    weeks as it takes to reach the last post: a calendar for any institution and any dates
    needs no extra argument. Give them to check a calendar against a fixed period.
    """
    local = cal["date_heure"].dt.tz_localize(None)
    if start is None:
        first_post = local.min().normalize()
        first = first_post - pd.Timedelta(days=first_post.day_of_week)
    else:
        first = start_day(start)
    if weeks is None:
        span = (local.max().normalize() - first).days
        n_weeks = min(52, max(1, span // 7 + 1))
    else:
        n_weeks = week_count(weeks)
    return first, n_weeks


def weekly_counts(calendar: Any, start: Any = None, weeks: Any = None) -> pd.DataFrame:
    """Posts per plan week (rows « semaine 1 » …) and account (columns), 0 included.

    The period is :func:`plan_period` (by default, the weeks the calendar covers).
    """
    cal = check_calendar(calendar)
    first, n_weeks = plan_period(cal, start, weeks)
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
