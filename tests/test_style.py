"""The course plot style: applied by one call, French month names where the machine can."""

from __future__ import annotations

import datetime
import locale

import matplotlib as mpl
import pytest

from socialkit.style import COURSE_STYLE, use_course_style, use_french_dates


@pytest.fixture(autouse=True)
def restore():
    saved_rc, saved_time = mpl.rcParams.copy(), locale.setlocale(locale.LC_TIME)
    yield
    mpl.rcParams.update(saved_rc)
    locale.setlocale(locale.LC_TIME, saved_time)


def test_style_is_applied():
    mpl.rcdefaults()
    use_course_style()
    assert mpl.rcParams["font.size"] == COURSE_STYLE["font.size"]
    assert mpl.rcParams["axes.spines.top"] is False


def test_month_names_are_french_when_a_french_locale_exists():
    name = use_french_dates()
    if name is None:
        pytest.skip("no French locale on this machine (month names stay in English)")
    assert datetime.date(2026, 2, 10).strftime("%B") == "février"
