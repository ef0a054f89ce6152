"""Chart helpers shared by the notebooks: one place for every plot the kit draws for trainees.

- :func:`french_ticks` writes tick numbers the French way (``10 000``, ``0,5``);
- :func:`french_dates` / :func:`register_french_dates` write dates on an axis with French
  month names whatever the machine's locale (``use_course_style`` registers them);
- :func:`plot_grid` (weekday × hour heatmap, module 3), :func:`plot_weekly_profiles`
  (168-hour comment profiles, module 4) and :func:`plot_scorecard` (audit scores, module 5).

The widget views (:mod:`socialkit.views`) draw on their own pyplot-free figures for speed; the
helpers here use pyplot so that a notebook shows the figure at the end of the cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.units as munits
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from socialkit import fr
from socialkit.analysis import audit
from socialkit.errors import KitValueError

__all__ = [
    "COLOURS",
    "short_name",
    "style_score_axes",
    "french_ticks",
    "french_dates",
    "register_french_dates",
    "FrenchDateFormatter",
    "plot_grid",
    "plot_weekly_profiles",
    "plot_scorecard",
]

#: Traffic-light colours of the audit scorecard.
COLOURS = {"vert": "#2e9d4f", "orange": "#f0a020", "rouge": "#d0312d"}
_NAME_CHARS = 30


# ---------------------------------------------------------------------------
# French numbers and dates on axes
# ---------------------------------------------------------------------------


def _tick_label(value: float, _pos: int) -> str:
    return fr.number(value, 0 if float(value).is_integer() else 1)


def french_ticks(*axes: Axes) -> None:
    """French number format (``10 000``, ``0,5``) on the tick labels of ``axes``.

    Also keeps the axes light to draw (few ticks, small labels): fewer texts = faster.
    """
    formatter = FuncFormatter(_tick_label)
    for ax in axes:
        for axis, bins in ((ax.xaxis, 6), (ax.yaxis, 4)):
            axis.set_major_formatter(formatter)
            axis.set_major_locator(MaxNLocator(nbins=bins))
        ax.tick_params(labelsize=7, length=2, pad=2)


class FrenchDateFormatter(mdates.ConciseDateFormatter):
    """matplotlib's concise date labels with French month names, from :mod:`socialkit.fr`.

    The labels are built here instead of by ``strftime``, whose month names follow the
    machine's locale (English on most laptops).
    """

    def __init__(self, locator: mdates.DateLocator, tz: Any = None) -> None:
        # Placeholders instead of %b / %B so that no locale-dependent name is ever produced.
        formats = ["%Y", "@M%m", "%d", "%H h", "%H:%M", "%S,%f"]
        zero_formats = ["", "%Y", "@M%m", "%d @M%m", "%H h", "%H:%M"]
        offset_formats = ["", "%Y", "@L%m %Y", "%d @L%m %Y", "%d @L%m %Y", "%d @L%m %Y %H:%M"]
        super().__init__(
            locator,
            tz=tz,
            formats=formats,
            zero_formats=zero_formats,
            offset_formats=offset_formats,
        )

    @staticmethod
    def _names(text: str) -> str:
        for code, names in (("@M", fr.MONTHS_SHORT), ("@L", fr.MONTHS)):
            while code in text:
                i = text.index(code)
                month = int(text[i + 2 : i + 4])
                text = text[:i] + names[month - 1] + text[i + 4 :]
        return text

    def format_ticks(self, values):  # noqa: D102 - matplotlib API
        return [self._names(label) for label in super().format_ticks(values)]

    def get_offset(self) -> str:  # noqa: D102 - matplotlib API
        return self._names(super().get_offset())

    def __call__(self, x, pos=None):  # noqa: D102 - matplotlib API
        return self._names(super().__call__(x, pos))


def french_dates(ax: Axes, axis: str = "x") -> Axes:
    """French month names on the date axis of ``ax`` (also after ``DataFrame.plot``)."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    locator = mdates.AutoDateLocator()
    target.set_major_locator(locator)
    target.set_major_formatter(FrenchDateFormatter(locator))
    return ax


class _FrenchDateConverter(mdates.DateConverter):
    def axisinfo(self, unit, axis):
        info = super().axisinfo(unit, axis)
        locator = mdates.AutoDateLocator(tz=unit)
        return munits.AxisInfo(
            majloc=locator,
            majfmt=FrenchDateFormatter(locator, tz=unit),
            label=info.label,
            default_limits=info.default_limits,
        )


def register_french_dates() -> None:
    """Every later matplotlib date axis (dates, datetimes, numpy and pandas timestamps)
    gets French month names, on any machine."""
    converter = _FrenchDateConverter()
    for kind in (dt.date, dt.datetime, np.datetime64, pd.Timestamp):
        munits.registry[kind] = converter


# ---------------------------------------------------------------------------
# Module 3: weekday × hour heatmap
# ---------------------------------------------------------------------------


def plot_grid(
    grid: pd.DataFrame,
    ax: Any = None,
    title: str = "",
    label: str = "",
    cmap: str = "Blues",
    decimals: int | None = None,
):
    """Heatmap of a weekday × hour table (from :func:`posts_grid` or :func:`engagement_grid`).

    Empty slots (``nan``) stay white. ``label`` names the colour bar; ``decimals`` writes
    the values in the cells (useful for small tables only). Returns the matplotlib Axes.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 3.6))
    values = np.ma.masked_invalid(grid.to_numpy(dtype="float64"))
    image = ax.imshow(values, aspect="auto", cmap=cmap, interpolation="nearest")
    ax.set_yticks(range(len(grid.index)), [str(d) for d in grid.index])
    hours = list(grid.columns)
    ticks = [i for i, h in enumerate(hours) if int(h) % 2 == 0]
    ax.set_xticks(ticks, [f"{int(hours[i])} h" for i in ticks])
    ax.set_xlabel("heure (Bruxelles)")
    ax.grid(False)
    if title:
        ax.set_title(title)
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.035, pad=0.02)
    if label:
        bar.set_label(label)
    if decimals is not None:
        for (row, col), value in np.ndenumerate(grid.to_numpy(dtype="float64")):
            if not np.isnan(value):
                ax.text(
                    col,
                    row,
                    fr.number(value, decimals),
                    ha="center",
                    va="center",
                    fontsize=8,
                )
    return ax


# ---------------------------------------------------------------------------
# Module 4: weekly comment profiles
# ---------------------------------------------------------------------------


def plot_weekly_profiles(data_profile: Any, model_profile: Any, ax: Any = None) -> Any:
    """Line plot of two 168-hour profiles (comments per hour), one tick per day.

    ``data_profile`` is drawn as « Vos données », ``model_profile`` as « Modèle ». Returns the
    matplotlib axes.
    """
    data = np.asarray(data_profile, dtype=float)
    model = np.asarray(model_profile, dtype=float)
    if data.shape != (168,) or model.shape != (168,):
        raise KitValueError(
            "Les deux profils doivent compter 168 valeurs (une par heure de la semaine)."
        )
    if ax is None:
        _, ax = plt.subplots()
    hours = np.arange(168)
    ax.plot(hours, data, label="Vos données", drawstyle="steps-post")
    ax.plot(hours, model, label="Modèle (activité du public)", drawstyle="steps-post")
    ax.set_xticks(np.arange(0, 168, 24) + 12, [d.capitalize() for d in fr.WEEKDAYS])
    ax.set_xticks(np.arange(0, 169, 24), minor=True)
    ax.grid(False, axis="x")
    ax.grid(True, axis="x", which="minor", alpha=0.3)
    ax.set_xlim(0, 168)
    ax.set_ylabel("commentaires par heure")
    ax.set_title("Quand arrivent les commentaires ?")
    ax.legend()
    return ax


# ---------------------------------------------------------------------------
# Module 5: audit scorecard
# ---------------------------------------------------------------------------


def short_name(name: str) -> str:
    """``name`` cut to fit a bar label (30 characters, with « … »)."""
    return name if len(name) <= _NAME_CHARS else name[: _NAME_CHARS - 1].rstrip() + "…"


def style_score_axes(ax, n: int) -> None:
    """Axes of the scorecard: 0–100, the colour zones of the audit grid, no y ticks."""
    ax.set_xlim(0, 100)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks([])
    ax.axvspan(0, audit.ORANGE_FROM, color=COLOURS["rouge"], alpha=0.07, lw=0)
    ax.axvspan(audit.ORANGE_FROM, audit.GREEN_FROM, color=COLOURS["orange"], alpha=0.07, lw=0)
    ax.axvspan(audit.GREEN_FROM, 100, color=COLOURS["vert"], alpha=0.07, lw=0)
    for x in (audit.ORANGE_FROM, audit.GREEN_FROM):
        ax.axvline(x, color="grey", lw=0.8, ls=":")
    ax.set_xticks([0, 20, 40, 70, 100])
    ax.tick_params(labelsize=7, length=2, pad=2)
    ax.set_xlabel("Score d'audit (sur 100)", fontsize=8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def plot_scorecard(card: pd.DataFrame, title: str = "Score d'audit par institution") -> Figure:
    """Horizontal bars, best institution on top, traffic-light colours, score at the bar end.

    ``card`` is the output of :func:`socialkit.analysis.audit.scorecard`. The figure is made with
    pyplot, so a notebook shows it at the end of the cell; it is returned for ``savefig``.
    """
    n = len(card)
    fig = plt.figure(figsize=(7.2, 0.32 * n + 1.0))
    fig.subplots_adjust(
        left=0.36, right=0.97, top=1 - 0.35 / (0.32 * n + 1.0), bottom=0.55 / (0.32 * n + 1.0)
    )
    ax = fig.add_subplot(111)
    style_score_axes(ax, n)
    y = np.arange(n)
    scores = card["score"].to_numpy(dtype=float)
    ax.barh(y, scores, color=[COLOURS[c] for c in card["couleur"]], height=0.7)
    for i, (score, name) in enumerate(zip(scores, card["nom"], strict=True)):
        ax.text(score + 1, i, fr.number(score), va="center", fontsize=7)
        ax.text(-1.5, i, short_name(str(name)), va="center", ha="right", fontsize=7, clip_on=False)
    ax.set_title(title, fontsize=9, loc="left")
    return fig
