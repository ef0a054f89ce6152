"""The course plot style: applied by one call, French month names on any machine."""

from __future__ import annotations

import datetime
import locale

import matplotlib as mpl
import matplotlib.pyplot as plt
import matplotlib.units as munits
import pandas as pd
import pytest

from socialkit import plots
from socialkit.style import COURSE_STYLE, use_course_style


@pytest.fixture(autouse=True)
def restore():
    saved_rc, saved_time = mpl.rcParams.copy(), locale.setlocale(locale.LC_TIME)
    saved_units = dict(munits.registry)
    locale.setlocale(locale.LC_TIME, "C")  # an English-speaking machine
    yield
    mpl.rcParams.update(saved_rc)
    locale.setlocale(locale.LC_TIME, saved_time)
    munits.registry.clear()
    munits.registry.update(saved_units)
    plt.close("all")


def _labels(ax) -> list[str]:
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels()] + [ax.xaxis.get_offset_text().get_text()]


def test_style_is_applied():
    mpl.rcdefaults()
    use_course_style()
    assert mpl.rcParams["font.size"] == COURSE_STYLE["font.size"]
    assert mpl.rcParams["axes.spines.top"] is False


def test_month_names_are_french_without_a_french_locale():
    use_course_style()
    days = pd.date_range("2025-09-01", "2026-08-31", freq="D")
    fig, ax = plt.subplots()
    ax.plot(days.to_pydatetime(), range(len(days)))
    text = " ".join(_labels(ax))
    assert "sept." in text and "juil." in text, text
    assert not any(name in text for name in ("Jan", "Feb", "Dec", "Oct"))


def test_french_dates_after_a_pandas_plot():
    use_course_style()
    series = pd.Series(range(120), index=pd.date_range("2026-01-01", periods=120, freq="D"))
    ax = series.plot(x_compat=True)
    plots.french_dates(ax)
    text = " ".join(_labels(ax))
    assert any(m in text for m in ("févr.", "mars", "avr.")), text
    assert "Feb" not in text and "Mar" not in text


def test_formatter_writes_french_month_for_a_single_date():
    locator = plots.mdates.AutoDateLocator()
    formatter = plots.FrenchDateFormatter(locator)
    fig, ax = plt.subplots()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)
    ax.plot([datetime.datetime(2026, 2, 1), datetime.datetime(2026, 2, 3)], [0, 1])
    assert "févr." in " ".join(_labels(ax))
