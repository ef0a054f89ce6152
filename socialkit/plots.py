"""Chart helpers shared by the notebooks: one place for every plot the kit draws for trainees.

- :func:`french_ticks` writes tick numbers the French way (``10 000``, ``0,5``);
- :func:`french_dates` / :func:`register_french_dates` write dates on an axis with French
  month names whatever the machine's locale (``use_course_style`` registers them);
- :func:`plot_grid` (weekday × hour heatmap, module 3), :func:`plot_weekly_profiles`
  (168-hour comment profiles, module 4) and :func:`plot_scorecard` (audit scores, module 5);
- :func:`alt_text` / :func:`describe`: the French text alternative of a figure (title, kind,
  axes, legend, plus what a helper says about it), which :func:`install_alt_text` attaches to
  every figure a notebook shows (output metadata ``image/png`` → ``alt``, and ``text/plain``).

Colours come from :mod:`socialkit.colours` (colour-blind-safe, never the only cue).

The widget views (:mod:`socialkit.views`) draw on their own pyplot-free figures for speed; the
helpers here use pyplot so that a notebook shows the figure at the end of the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.units as munits
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from socialkit import colours, fr
from socialkit.analysis import audit
from socialkit.errors import KitValueError

__all__ = [
    "COLOURS",
    "HATCHES",
    "level_label",
    "french_labels",
    "hatch_bars",
    "level_legend",
    "describe",
    "alt_text",
    "install_alt_text",
    "figure_bundle",
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

#: Traffic-light colours of the audit scorecard (colour-blind-safe, see :mod:`socialkit.colours`)
#: and the hatch that goes with each level, so that colour is never the only cue.
COLOURS = colours.LEVELS
HATCHES = colours.LEVEL_HATCHES
_NAME_CHARS = 30


# ---------------------------------------------------------------------------
# French numbers and dates on axes
# ---------------------------------------------------------------------------


def _tick_label(value: float, _pos: int) -> str:
    return fr.number(value, 0 if float(value).is_integer() else 1)


def french_ticks(*axes: Axes, labelsize: float = 11) -> None:
    """French number format (``10 000``, ``0,5``) on the tick labels of ``axes``.

    Also keeps the axes light to draw (few ticks): fewer texts = faster. ``labelsize`` in
    points (11: readable on a projector at the widgets' 96 dpi).
    """
    formatter = FuncFormatter(_tick_label)
    for ax in axes:
        for axis, bins in ((ax.xaxis, 6), (ax.yaxis, 4)):
            axis.set_major_formatter(formatter)
            axis.set_major_locator(MaxNLocator(nbins=bins))
        ax.tick_params(labelsize=labelsize, length=3, pad=2)


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


def french_labels(data: Any) -> Any:
    """``data`` (Series or DataFrame) with the kit's codes in its index and columns replaced by
    French words (topics such as ``evenement_culture``, formats, platforms), for the labels and
    legend of a chart. The words come from :mod:`socialkit.analysis.plan.calendar`."""
    from socialkit.analysis.plan.calendar import FORMAT_LABELS, PLATFORM_LABELS, TOPIC_LABELS

    words = {**TOPIC_LABELS, **FORMAT_LABELS, **PLATFORM_LABELS}

    def word(value: Any) -> Any:
        return words.get(value, value) if isinstance(value, str) else value

    renamed = data.rename(index=word)
    if isinstance(renamed, pd.DataFrame):
        renamed = renamed.rename(columns=word)
    return renamed


def hatch_bars(ax: Axes) -> Axes:
    """A hatch per bar series (stacked or grouped bars, e.g. ``DataFrame.plot.barh(stacked=True)``),
    so that the series differ by more than their colour (:data:`socialkit.colours.HATCHES`).

    Call it before ``ax.legend(...)`` (a legend drawn earlier is redrawn with the hatches).
    Returns ``ax``.
    """
    from matplotlib.container import BarContainer

    series = [c for c in ax.containers if isinstance(c, BarContainer)]
    for k, container in enumerate(series):
        for bar in container:
            bar.set_hatch(colours.HATCHES[k % len(colours.HATCHES)])
            bar.set_edgecolor("white")
            bar.set_linewidth(0)
    legend = ax.get_legend()
    if legend is not None:
        title = legend.get_title().get_text()
        ax.legend(title=title or None)
    return ax


# ---------------------------------------------------------------------------
# Module 3: weekday × hour heatmap
# ---------------------------------------------------------------------------


def plot_grid(
    grid: pd.DataFrame,
    ax: Any = None,
    title: str = "",
    label: str = "",
    cmap: str = colours.SEQUENTIAL,
    decimals: int | None = None,
):
    """Heatmap of a weekday × hour table (from :func:`posts_grid` or :func:`engagement_grid`).

    Empty slots (``nan``) stay white. ``label`` names the colour bar; ``decimals`` writes
    the values in the cells (useful for small tables only). ``cmap`` should stay a single-hue
    scale (:data:`socialkit.colours.SEQUENTIAL` or :data:`~socialkit.colours.HEAT`): the value
    is read from the lightness. The figure's text alternative names the busiest slot.
    Returns the matplotlib Axes.
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
    values = grid.to_numpy(dtype="float64")
    if np.isfinite(values).any():
        row, col = np.unravel_index(np.nanargmax(values), values.shape)
        peak = float(values[row, col])
        top = fr.number(peak, 0 if peak.is_integer() else 1)
        what = f" ({label})" if label else ""
        _add_description(
            ax.figure,
            f"{title or 'Carte de chaleur'} : un jour par ligne, une heure par colonne, plus la "
            f"case est foncée, plus la valeur est élevée ; maximum {top}{what} le "
            f"{grid.index[row]} à {int(grid.columns[col])} h",
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
    ax.plot(hours, data, label="Vos données", drawstyle="steps-post", color=colours.BLUE, ls="-")
    ax.plot(
        hours,
        model,
        label="Modèle (activité du public), en tirets",
        drawstyle="steps-post",
        color=colours.ORANGE,
        ls="--",
    )
    ax.set_xticks(np.arange(0, 168, 24) + 12, [d.capitalize() for d in fr.WEEKDAYS])
    ax.set_xticks(np.arange(0, 169, 24), minor=True)
    ax.grid(False, axis="x")
    ax.grid(True, axis="x", which="minor", alpha=0.3)
    ax.set_xlim(0, 168)
    ax.set_ylabel("commentaires par heure")
    ax.set_title("Quand arrivent les commentaires ?")
    ax.legend()
    busiest = [fr.WEEKDAYS[int(np.argmax(p)) // 24] for p in (data, model)]
    _add_description(
        ax.figure,
        "Deux profils de la semaine, heure par heure, du lundi au dimanche : vos données "
        f"(trait plein bleu, maximum le {busiest[0]}) et le modèle (tirets orange, maximum le "
        f"{busiest[1]})",
    )
    return ax


# ---------------------------------------------------------------------------
# Module 5: audit scorecard
# ---------------------------------------------------------------------------


def short_name(name: str) -> str:
    """``name`` cut to fit a bar label (30 characters, with « … »)."""
    return name if len(name) <= _NAME_CHARS else name[: _NAME_CHARS - 1].rstrip() + "…"


def level_label(level: str) -> str:
    """« vert (70 et plus) », « orange (40 à 69) », « rouge (moins de 40) »: the audit level
    in words, with its thresholds from :mod:`socialkit.analysis.audit`."""
    green, orange = fr.number(audit.GREEN_FROM), fr.number(audit.ORANGE_FROM)
    below = fr.number(audit.GREEN_FROM - 1)
    return {
        "vert": f"vert ({green} et plus)",
        "orange": f"orange ({orange} à {below})",
        "rouge": f"rouge (moins de {orange})",
    }[level]


def level_legend(ax: Axes, fontsize: float = 11, **kwargs: Any):
    """Legend of the three audit levels: colour, hatch and name with thresholds."""
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=COLOURS[c], hatch=HATCHES[c], edgecolor="white", label=level_label(c))
        for c in ("vert", "orange", "rouge")
    ]
    kwargs.setdefault("loc", "lower right")
    return ax.legend(handles=handles, fontsize=fontsize, frameon=True, framealpha=0.9, **kwargs)


def style_score_axes(ax, n: int, fontsize: float = 11) -> None:
    """Axes of the scorecard: 0–100, the zones of the audit grid (light tints, dotted limits,
    named), no y ticks."""
    ax.set_xlim(0, 100)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks([])
    ax.axvspan(0, audit.ORANGE_FROM, color=COLOURS["rouge"], alpha=0.07, lw=0)
    ax.axvspan(audit.ORANGE_FROM, audit.GREEN_FROM, color=COLOURS["orange"], alpha=0.07, lw=0)
    ax.axvspan(audit.GREEN_FROM, 100, color=COLOURS["vert"], alpha=0.07, lw=0)
    for x in (audit.ORANGE_FROM, audit.GREEN_FROM):
        ax.axvline(x, color=colours.GREY, lw=0.8, ls=":")
    ax.set_xticks([0, 20, 40, 70, 100])
    ax.tick_params(labelsize=fontsize, length=2, pad=2)
    ax.set_xlabel("Score d'audit (sur 100)", fontsize=fontsize)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def plot_scorecard(card: pd.DataFrame, title: str = "Score d'audit par institution") -> Figure:
    """Horizontal bars, best institution on top, score and level written at the bar end.

    The level is shown three ways: colour (:data:`COLOURS`), hatch (:data:`HATCHES`) and its
    name (« 82 · vert »), with a legend. ``card`` is the output of
    :func:`socialkit.analysis.audit.scorecard`. The figure is made with pyplot, so a notebook
    shows it at the end of the cell; it is returned for ``savefig``. Its text alternative
    lists every institution with its score and level.
    """
    n = len(card)
    height = 0.42 * n + 2.0
    fig = plt.figure(figsize=(9.5, height))
    fig.subplots_adjust(left=0.33, right=0.86, top=1 - 0.45 / height, bottom=1.15 / height)
    ax = fig.add_subplot(111)
    style_score_axes(ax, n)
    y = np.arange(n)
    scores = card["score"].to_numpy(dtype=float)
    levels = list(card["couleur"])
    bars = ax.barh(y, scores, color=[COLOURS[c] for c in levels], height=0.7)
    for bar, level in zip(bars, levels, strict=True):
        bar.set_hatch(HATCHES[level])
        bar.set_edgecolor("white")
        bar.set_linewidth(0)
    for i, (score, name, level) in enumerate(zip(scores, card["nom"], levels, strict=True)):
        ax.text(score + 1, i, f"{fr.number(score)} · {level}", va="center", fontsize=11)
        ax.text(-1.5, i, short_name(str(name)), va="center", ha="right", fontsize=11, clip_on=False)
    ax.set_title(title, fontsize=13, loc="left")
    # under the axis (figure coordinates), so that it never hides a bar
    level_legend(ax, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=3)
    ax.get_legend().set_bbox_to_anchor((0.5, 0.01), transform=fig.transFigure)
    rows = " ; ".join(
        f"{name} {fr.number(score)} ({level})"
        for name, score, level in zip(card["nom"], scores, levels, strict=True)
    )
    counts = ", ".join(
        f"{fr.plural(levels.count(c), 'institution')} en {c}"
        for c in ("vert", "orange", "rouge")
        if levels.count(c)
    )
    describe(
        fig,
        f"Barres horizontales, une par institution, de la meilleure à la moins bonne "
        f"({counts}) : {rows}",
    )
    return fig


# ---------------------------------------------------------------------------
# Text alternative of a figure (alt text)
# ---------------------------------------------------------------------------

_ALT = "_socialkit_alt"


def describe(figure: Figure | Axes, text: str) -> Figure:
    """Give ``figure`` (or the figure of an Axes) a French description for its text alternative.

    The description comes first in :func:`alt_text`, before what is read from the figure
    itself (titles, axes, legend). Returns the figure.
    """
    fig = figure.get_figure() if isinstance(figure, Axes) else figure
    setattr(fig, _ALT, str(text).strip().rstrip("."))
    return fig


def _add_description(fig: Figure, text: str) -> None:
    """Append a description (several helpers can draw on one figure)."""
    previous = getattr(fig, _ALT, "")
    setattr(fig, _ALT, f"{previous}. {text}" if previous else text)


def _kind(ax: Axes) -> str:
    from matplotlib.collections import PathCollection
    from matplotlib.container import BarContainer

    kinds = []
    if ax.images:
        kinds.append("carte de chaleur")
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    if bars:
        horizontal = any(getattr(c, "orientation", None) == "horizontal" for c in bars)
        kinds.append("barres horizontales" if horizontal else "barres")
    lines = [line for line in ax.get_lines() if len(np.atleast_1d(line.get_xdata())) > 2]
    if lines:
        kinds.append("courbe" if len(lines) == 1 else f"{len(lines)} courbes")
    if any(isinstance(c, PathCollection) for c in ax.collections):
        kinds.append("nuage de points")
    return ", ".join(kinds)


_NUMERIC = re.compile(r"^[\d\s\u202f\u00a0,.:/%+\-−–]*(h|[a-zéû]{3,4}\.?)?[\d\s,.:/%+\-−–]*$")


def _categories(axis, most: int = 12, bars: int = 0) -> list[str]:
    """The tick labels of a categorical axis, if at most ``most``: names, or any label when
    there is one per bar (``bars``), not the numbers or dates of a continuous axis."""
    if not axis.get_visible():
        return []
    labels = [t.get_text().strip() for t in axis.get_ticklabels()]
    labels = [t for t in labels if t]
    if not labels or len(labels) > most:
        return []
    if len(labels) != bars and all(_NUMERIC.match(t) for t in labels):
        return []
    return labels


def _short_number(value: float) -> str:
    return fr.number(value, 0 if float(value).is_integer() or abs(value) >= 100 else 1)


def _legend_texts(legend) -> list[str]:
    return [t.get_text() for t in legend.get_texts() if t.get_text()] if legend else []


def _axes_parts(ax: Axes, twin: bool) -> tuple[str, list[str]]:
    """(« title » (kind), [axis labels, legend]) of one plot of a figure."""
    titles = (ax.get_title("left"), ax.get_title(), ax.get_title("right"))
    title = " ".join(t for t in titles if t)
    kind = _kind(ax)
    head = " ".join(x for x in (f"« {title} »" if title else "", f"({kind})" if kind else "") if x)
    details = []
    if ax.get_xlabel() and not twin:
        details.append(f"axe horizontal : {ax.get_xlabel()}")
    if ax.get_ylabel():
        side = "axe vertical de droite" if twin else "axe vertical"
        details.append(f"{side} : {ax.get_ylabel()}")
    from matplotlib.container import BarContainer

    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    for axis, name in ((ax.yaxis, "lignes"), (ax.xaxis, "colonnes")):
        categories = _categories(axis, bars=len(bars[0]) if len(bars) == 1 else 0)
        if not categories or twin:
            continue
        horizontal = axis is ax.yaxis
        if len(bars) == 1 and len(bars[0]) == len(categories):  # one bar per name: its value
            values = [b.get_width() if horizontal else b.get_height() for b in bars[0]]
            pairs = [f"{c} {_short_number(v)}" for c, v in zip(categories, values, strict=True)]
            details.append("valeurs : " + ", ".join(pairs))
        else:
            details.append(f"{name} : " + ", ".join(categories))
    entries = _legend_texts(ax.get_legend())
    if entries:
        details.append("légende : " + ", ".join(entries))
    return head, details


def alt_text(fig: Figure) -> str:
    """French text alternative of ``fig``: « Graphique « titre » (kind) », the description
    given with :func:`describe` (or by a kit helper), then the axis labels, legend and colour
    scale of each plot.

    A figure without any title, label or description gets « Graphique sans titre. » (a sign
    that the cell should add a title).
    """
    colorbars = [ax for ax in fig.axes if getattr(ax, "_colorbar", None) is not None]
    plots = [ax for ax in fig.axes if ax.get_visible() and ax not in colorbars]
    parts = []
    for k, ax in enumerate(plots):
        twin = any(other.bbox.bounds == ax.bbox.bounds for other in plots[:k])
        parts.append(_axes_parts(ax, twin))
    suptitle = getattr(fig, "_suptitle", None)
    sup = suptitle.get_text() if suptitle is not None else ""
    explicit = getattr(fig, _ALT, "")
    details = []
    if len(parts) == 1 and not sup:
        head = parts[0][0]
        details = parts[0][1]
    else:
        head = f"« {sup} » " if sup else ""
        # twin axes (a second vertical axis on the same plot) are not a separate part
        count = len([p for k, p in enumerate(parts) if p[0] or k == 0])
        head += f"en {count} parties" if count > 1 else parts[0][0] if parts else ""
        for number, (part_head, part_details) in enumerate(parts, start=1):
            text = " ; ".join(x for x in (part_head, *part_details) if x)
            if text:
                details.append(f"{number}) {text}" if count > 1 else text)
    for legend in fig.legends:
        entries = _legend_texts(legend)
        if entries:
            details.append("légende : " + ", ".join(entries))
    for cax in colorbars:
        label = cax.get_ylabel() or cax.get_xlabel()
        details.append(
            "échelle de couleur" + (f" : {label}" if label else "") + ", plus foncé = plus élevé"
        )
    if not head.strip() and not explicit and not details:
        return "Graphique sans titre."
    sentences = [f"Graphique {head}".strip()]
    if explicit:
        sentences.append(explicit[0].upper() + explicit[1:])
    if details:
        rest = " ; ".join(details)
        sentences.append(rest[0].upper() + rest[1:])
    return ". ".join(sentences) + "."


def figure_bundle(fig: Figure, include: Any = None, exclude: Any = None):
    """IPython mimebundle formatter of a matplotlib figure: its French alt text, as
    ``metadata["image/png"]["alt"]`` and as ``text/plain`` (the PNG itself still comes from
    the inline backend's ``image/png`` formatter). Installed by :func:`install_alt_text`."""
    text = alt_text(fig)
    return {"text/plain": text}, {"image/png": {"alt": text}}


def install_alt_text(shell: Any = None) -> bool:
    """Attach :func:`alt_text` to every matplotlib figure the IPython ``shell`` displays
    (see :mod:`socialkit._alt`, which ``import socialkit`` runs in a kernel)."""
    from socialkit import _alt

    return _alt.install(shell)
