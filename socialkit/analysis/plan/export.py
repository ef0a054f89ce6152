"""Module 8, action plan: exporting a calendar to CSV and iCalendar, and reading it back.

:func:`to_csv` / :func:`read_calendar` (CSV, ISO 8601 dates with the offset) and
:func:`to_ics` / :func:`read_ics` (iCalendar, RFC 5545, with the ``icalendar`` package: PRODID,
VERSION, a VTIMEZONE for Europe/Brussels, one VEVENT per post with DTSTART in Brussels time and
a stable UID). :func:`export_paths` names the files ``plan_<institution>_calendrier.csv`` /
``.ics``.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from icalendar import Calendar, Event

from socialkit import fr
from socialkit.analysis.plan.calendar import CALENDAR_COLUMNS, PlanError, check_calendar
from socialkit.schema import TIMEZONE

__all__ = ["export_paths", "to_csv", "read_calendar", "to_ics", "read_ics"]

_TZ = ZoneInfo(TIMEZONE)


def _slug(text: Any) -> str:
    slug = fr.slug(text)
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
