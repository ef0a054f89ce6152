"""Module 8, action plan: exporting a calendar to CSV and iCalendar, and reading it back.

:func:`to_csv` / :func:`read_calendar`: by default what a Belgian Excel opens directly
(semicolons, UTF-8 with BOM, a ``date`` column ``JJ/MM/AAAA`` and an ``heure`` column
``HH:MM`` that Excel reads as a date and a time); ``excel=False`` writes ISO 8601 dates with
commas, for programs. :func:`to_ics` / :func:`read_ics`: iCalendar (RFC 5545, with the
``icalendar`` package): PRODID, VERSION, a complete VTIMEZONE for Europe/Brussels (the yearly
summer-time rules, valid for any year), one VEVENT per post with a readable French title,
DTSTART in Brussels time, DTSTAMP = the export time, and a UID that identifies the calendar
**slot** (date and time, account, platform), so that re-exporting a calendar whose texts were
edited updates the events instead of duplicating them. :func:`export_paths` names the files
``plan_<institution>_calendrier.csv`` / ``.ics``.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from socialkit import fr
from socialkit.analysis.plan.calendar import (
    FORMAT_LABELS,
    PLATFORM_LABELS,
    TOPIC_LABELS,
    PlanError,
    check_calendar,
)
from socialkit.schema import TIMEZONE

__all__ = [
    "brussels_vtimezone",
    "event_title",
    "export_paths",
    "to_csv",
    "read_calendar",
    "to_ics",
    "read_ics",
]

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


def to_csv(calendar: Any, path: str | Path, excel: bool = True) -> Path:
    """Write the calendar as CSV; return the path written.

    Default (``excel=True``): what Excel opens directly in Belgium — semicolons, UTF-8 with
    BOM, ``date`` as ``JJ/MM/AAAA`` and ``heure`` as ``HH:MM`` (read by Excel as a date and
    a time, so the column sorts and filters as dates), then the other columns.
    ``excel=False``: commas, UTF-8, one ``date_heure`` column in ISO 8601 with the Brussels
    offset, for programs.
    """
    cal = check_calendar(calendar)
    out = cal.copy()
    if excel:
        stamps = out.pop("date_heure")
        out.insert(0, "heure", stamps.dt.strftime("%H:%M"))
        out.insert(0, "date", stamps.dt.strftime("%d/%m/%Y"))
    else:
        out["date_heure"] = out["date_heure"].map(lambda t: t.isoformat())
    path = Path(path)
    out.to_csv(
        path,
        index=False,
        sep=";" if excel else ",",
        encoding="utf-8-sig" if excel else "utf-8",
        lineterminator="\r\n" if excel else "\n",
    )
    return path


def read_calendar(path: str | Path) -> pd.DataFrame:
    """Read a calendar written by :func:`to_csv` (either kind) or by hand.

    Commas or semicolons; either a ``date_heure`` column or ``date`` (``JJ/MM/AAAA``, day
    first as in Belgium, or ``AAAA-MM-JJ``) and ``heure`` (``HH:MM``) columns.
    """
    path = Path(path)
    if not path.is_file():
        raise PlanError(f"Fichier introuvable : « {path} ».")
    text = path.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0] if text.strip() else ""
    sep = ";" if header.count(";") > header.count(",") else ","
    table = pd.read_csv(
        path, sep=sep, dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""]
    )
    if "date_heure" not in table.columns and {"date", "heure"} <= set(table.columns):
        joined = table.pop("date").str.strip() + " " + table.pop("heure").str.strip()
        stamps = pd.to_datetime(joined, format="%d/%m/%Y %H:%M", errors="coerce")
        stamps = stamps.fillna(pd.to_datetime(joined, format="%Y-%m-%d %H:%M", errors="coerce"))
        bad = stamps.isna() & joined.notna()
        if bad.any():
            row = bad.index[bad.to_numpy().argmax()]
            raise PlanError(
                f"Ligne {row} du calendrier : date et heure illisibles « {joined[row]} » "
                "(exemple attendu : 08/09/2026 et 07:30)."
            )
        table.insert(0, "date_heure", stamps)
    return check_calendar(table)


def _uids(cal: pd.DataFrame) -> list[str]:
    """A UID per row from its slot: instant, account and platform (+ a counter when repeated).

    Not from the content: a post whose text, topic or format is edited keeps its UID, so a
    calendar app that imports the new file updates the event instead of adding a second one.
    """
    seen: dict[str, int] = {}
    out = []
    for _, row in cal.iterrows():
        instant = row["date_heure"].tz_convert("UTC").strftime("%Y%m%dT%H%M%SZ")
        key = "|".join([instant, str(row["compte_id"]), str(row["plateforme"])])
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
        seen[digest] = seen.get(digest, 0) + 1
        suffix = "" if seen[digest] == 1 else f"-{seen[digest]}"
        out.append(f"{digest}{suffix}@plan.socialkit")
    return out


def brussels_vtimezone() -> Timezone:
    """The complete VTIMEZONE of Europe/Brussels: CET/CEST with the EU yearly rules.

    Summer time from the last Sunday of March 02:00 (rule in force since 1981) to the last
    Sunday of October 03:00 (since 1996), as RRULEs: valid for every year, unlike a list of
    dates that stops after a few years.
    """
    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add("x-lic-location", TIMEZONE)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("dtstart", datetime(1981, 3, 29, 2, 0, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("dtstart", datetime(1996, 10, 27, 3, 0, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _label(labels: dict[str, str], value: Any) -> str:
    return labels.get(str(value), str(value))


def event_title(row: pd.Series, width: int = 60) -> str:
    """« Facebook · Concert de Noël au kiosque (photo) »: platform, start of the text, format."""
    text = " ".join(str(row["texte"]).split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    platform = _label(PLATFORM_LABELS, row["plateforme"])
    return f"{platform} · {text} ({_label(FORMAT_LABELS, row['format'])})"


def to_ics(
    calendar: Any,
    path: str | Path,
    name: str = "Plan éditorial",
    duration_minutes: int = 15,
    stamp: datetime | None = None,
) -> Path:
    """Write the calendar as an iCalendar file (.ics) that calendar apps can import.

    One VEVENT per row: DTSTART (Europe/Brussels, with the complete VTIMEZONE of
    :func:`brussels_vtimezone`), DTEND = start + ``duration_minutes``, SUMMARY « Facebook ·
    start of the text (format) » (:func:`event_title`), DESCRIPTION with the whole text, the
    topic, format, objective and account in French, CATEGORIES = objective, UID = the slot
    (see :func:`_uids`) and DTSTAMP = ``stamp`` (default: now, the time of the export).
    """
    cal = check_calendar(calendar)
    if not isinstance(duration_minutes, int) or not 1 <= duration_minutes <= 24 * 60:
        raise PlanError("« duration_minutes » doit être un nombre entier de minutes (1 à 1440).")
    order = cal.sort_values(["date_heure", "compte_id"], kind="stable")
    exported = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    ics = Calendar()
    ics.add("prodid", "-//socialkit//Plan d'action medias sociaux//FR")
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("method", "PUBLISH")
    ics.add("x-wr-calname", str(name))
    ics.add("x-wr-timezone", TIMEZONE)
    ics.add_component(brussels_vtimezone())
    for uid, (_, row) in zip(_uids(order), order.iterrows(), strict=True):
        start = row["date_heure"].to_pydatetime().replace(tzinfo=None).replace(tzinfo=_TZ)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", exported)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=duration_minutes))
        event.add("summary", event_title(row))
        event.add(
            "description",
            f"{row['texte']}\n\nSujet : {_label(TOPIC_LABELS, row['sujet'])} · Format : "
            f"{_label(FORMAT_LABELS, row['format'])} · Objectif : {row['objectif']} · "
            f"Compte : {row['compte_id']} ({_label(PLATFORM_LABELS, row['plateforme'])})",
        )
        event.add("categories", [str(row["objectif"])])
        ics.add_component(event)
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
