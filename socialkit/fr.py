"""French presentation: the one place where numbers, dates and words are written for trainees.

Everything a trainee reads (messages, tables, widget readouts, chart labels, reports) goes
through these helpers, so the kit writes « 4 210 », « 56,8 % », « 1 jour », « 2 jours » and
« lundi 1 septembre 2025 » the same way everywhere, on any machine: names come from here,
never from the operating system's locale (an English-locale laptop shows French dates too).

This module imports nothing from the kit and nothing heavier than the standard library.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from numbers import Real
from typing import Any

#: Narrow no-break space: French thousands separator and the space before « % » or a unit.
NNBSP = "\u202f"

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WEEKDAYS_SHORT = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def number(value: Any, decimals: int = 0) -> str:
    """A number the French/Belgian way: ``4 210`` (U+202F), ``0,57``, ``-1 234,5``.

    NaN and missing values give « – », infinities « ∞ » / « -∞ »; « -0 » is never written.
    """
    if value is None:
        return "–"
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(x):
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    text = f"{x:,.{max(0, int(decimals))}f}"
    if text.startswith("-") and float(text[1:].replace(",", "")) == 0:
        text = text[1:]
    return text.replace(",", NNBSP).replace(".", ",")


def table_number(value: Any) -> str:
    """A float in a pandas table: French separators, enough decimals to copy, no trailing zeros.

    ``306.625`` → « 306,625 », ``56.79172`` → « 56,792 », ``0.43856`` → « 0,4386 »,
    ``7001088.0`` → « 7 001 088 »: at least as many decimals as any graded question asks
    for (three), so a trainee can copy a value from a table.
    """
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(x) or math.isinf(x):
        return number(x)
    size = abs(x)
    decimals = 2 if size >= 1000 else 3 if size >= 1 else 4 if size >= 0.001 else 6
    text = number(x, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def short_number(value: Any) -> str:
    """A bound or parameter without useless zeros: ``5``, ``0,25``, ``l'infini``."""
    x = float(value)
    if math.isinf(x):
        return "l'infini"
    if x.is_integer():
        return number(x, 0)
    text = f"{x:.6g}"
    if "e" in text:  # never « 2.6e+07 » in a message
        return number(x, 2)
    return text.replace(".", ",")


def percent(value: Any, decimals: int = 1) -> str:
    """``number`` then a narrow no-break space and « % ». The value is already in percent."""
    return f"{number(value, decimals)}{NNBSP}%"


def plural(count: Any, singular: str, plural_form: str | None = None, decimals: int = 0) -> str:
    """« 1 jour », « 2 jours », « 0,5 jour », « 1 200 comptes » (|n| < 2 is singular)."""
    word = singular if abs(float(count)) < 2 else (plural_form or singular + "s")
    return f"{number(count, decimals)} {word}"


def _as_date(value: Any) -> dt.date | dt.datetime:
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def date(value: Any, weekday: bool = False) -> str:
    """« 1 septembre 2025 », or « lundi 1 septembre 2025 » with ``weekday=True``."""
    d = _as_date(value)
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def short_date(value: Any, weekday: bool = False) -> str:
    """« 01/09/2025 » (day first, as in Belgium), optionally « lundi 01/09/2025 »."""
    d = _as_date(value)
    text = f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def month(value: Any, short: bool = False, year: bool = True) -> str:
    """« septembre 2025 », « sept. 2025 », or the name alone with ``year=False``."""
    d = _as_date(value)
    name = (MONTHS_SHORT if short else MONTHS)[d.month - 1]
    return f"{name} {d.year}" if year else name


def clock(hours: Real) -> str:
    """A time of day from decimal hours: ``clock(9) == "9 h"``, ``clock(17.5) == "17 h 30"``."""
    total = int(round(float(hours) * 60))
    h, m = divmod(total, 60)
    return f"{h} h" if m == 0 else f"{h} h {m:02d}"


def duration_hours(hours: Any, decimals: int = 1) -> str:
    """« 4,3 h », « 1 h » — a duration in hours, with a comma."""
    return f"{number(hours, decimals)}{NNBSP}h"


def slug(text: Any) -> str:
    """ASCII file-name part: ``slug("Commune de Val-des-Saules") == "Commune-de-Val-des-Saules"``.

    Returns "" when nothing usable is left; callers decide what that means for them.
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_]+", "-", ascii_text).strip("-")


def join(words: list[str] | tuple[str, ...], last: str = "et") -> str:
    """« a », « a et b », « a, b et c »."""
    words = [str(w) for w in words]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"
