"""One plot style for every notebook: large, readable, projector-friendly.

Call :func:`use_course_style` once in the first cell of a notebook.
"""

from __future__ import annotations

import matplotlib as mpl

from socialkit import colours
from socialkit.plots import register_french_dates

# Colour-blind-safe palette (Okabe–Ito, :mod:`socialkit.colours`), in a fixed order so each
# platform keeps its colour; each colour of the cycle comes with its own line style, so that
# curves differ by more than their colour.
PALETTE = colours.SERIES
PLATFORM_COLOURS = {
    "facebook": colours.BLUE,
    "instagram": colours.PURPLE,
    "x": colours.BLACK,
    "linkedin": colours.SKY,
    "youtube": colours.VERMILION,
    "mastodon": colours.GREEN,
}

COURSE_STYLE = {
    "figure.figsize": (9, 4.5),
    "figure.dpi": 100,
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": mpl.cycler(color=PALETTE) + mpl.cycler(linestyle=colours.LINESTYLES),
    "image.cmap": colours.SEQUENTIAL,
    "hatch.linewidth": 1.5,
    "lines.linewidth": 2.2,
    "legend.frameon": False,
}


def use_course_style() -> None:
    """Apply the course style to every later matplotlib figure, with French dates on any machine."""
    mpl.rcParams.update(COURSE_STYLE)
    register_french_dates()
