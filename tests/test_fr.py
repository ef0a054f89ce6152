"""socialkit.fr: French numbers, dates, names and plurals, independent of the machine's locale."""

from __future__ import annotations

import datetime as dt
import locale

import pandas as pd
import pytest

from socialkit import fr
from socialkit.fr import NNBSP


def test_numbers_use_comma_and_narrow_no_break_space():
    assert fr.number(4210) == f"4{NNBSP}210"
    assert fr.number(1234567.891, 2) == f"1{NNBSP}234{NNBSP}567,89"
    assert fr.number(0.574, 2) == "0,57"
    assert fr.number(-0.01) == "0"
    assert fr.number(-1234.5, 1) == f"-1{NNBSP}234,5"
    assert fr.number(float("nan")) == "–"
    assert fr.number(None) == "–"
    assert fr.number(float("inf")) == "∞"
    assert fr.percent(21.4) == f"21,4{NNBSP}%"
    assert fr.percent(21.4, 0) == f"21{NNBSP}%"


def test_short_number_never_writes_scientific_notation():
    assert fr.short_number(5) == "5"
    assert fr.short_number(0.25) == "0,25"
    assert fr.short_number(float("inf")) == "l'infini"
    assert "e+" not in fr.short_number(2.62391e7)
    assert fr.short_number(2.62391e7) == f"26{NNBSP}239{NNBSP}100"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 jour"), (1, "1 jour"), (1.5, "1,5 jour"), (2, "2 jours"), (1200, f"1{NNBSP}200 jours")],
)
def test_plural_follows_the_french_rule(count, expected):
    assert fr.plural(count, "jour", decimals=1 if count == 1.5 else 0) == expected


def test_plural_with_an_irregular_form():
    assert fr.plural(3, "journal", "journaux") == "3 journaux"


def test_dates_are_french_whatever_the_locale():
    # Force an English LC_TIME where the machine has one: the kit must not depend on it.
    try:
        locale.setlocale(locale.LC_TIME, "C")
    except locale.Error:  # pragma: no cover - "C" always exists
        pass
    assert fr.date("2025-09-01") == "1 septembre 2025"
    assert fr.date(dt.date(2026, 2, 10), weekday=True) == "mardi 10 février 2026"
    assert fr.date(pd.Timestamp("2026-08-15 10:00", tz="Europe/Brussels")) == "15 août 2026"
    assert fr.short_date("2025-09-01", weekday=True) == "lundi 01/09/2025"
    assert fr.month("2025-12-03") == "décembre 2025"
    assert fr.month("2025-12-03", short=True, year=False) == "déc."


def test_clock_and_duration():
    assert fr.clock(9) == "9 h"
    assert fr.clock(17.5) == "17 h 30"
    assert fr.clock(7.75) == "7 h 45"
    assert fr.duration_hours(4.26) == f"4,3{NNBSP}h"
    assert fr.duration_hours(1, 0) == f"1{NNBSP}h"


def test_slug_and_join():
    assert fr.slug("Hôpital Saint-Luc (site 2)") == "Hopital-Saint-Luc-site-2"
    assert fr.slug("§§") == ""
    assert fr.join(["a"]) == "a"
    assert fr.join(["a", "b", "c"]) == "a, b et c"
    assert fr.join(["a", "b"], last="ou") == "a ou b"
