"""One plot style for every notebook: large, readable, projector-friendly.

Call :func:`use_course_style` once in the first cell of a notebook.
"""

from __future__ import annotations

import matplotlib as mpl

from socialkit.plots import register_french_dates

# Colour-blind-safe palette (Okabe–Ito), in a fixed order so each platform keeps its colour.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
PLATFORM_COLOURS = {
    "facebook": "#0072B2",
    "instagram": "#CC79A7",
    "x": "#000000",
    "linkedin": "#56B4E9",
    "youtube": "#D55E00",
    "mastodon": "#009E73",
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
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "lines.linewidth": 2.2,
    "legend.frameon": False,
}


def use_course_style() -> None:
    """Apply the course style to every later matplotlib figure, with French dates on any machine."""
    mpl.rcParams.update(COURSE_STYLE)
    register_french_dates()
