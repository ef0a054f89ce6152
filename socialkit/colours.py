"""The course's colours, defined once: colour-blind-safe, and never the only cue.

Every figure of the kit (notebook helpers, widget views, the audit report) takes its colours
from here; ``tests/test_colours.py`` fails on any other colour literal, on a red/green colour
map and on pairs that a simulated deuteranope or protanope could not tell apart.

- :data:`OKABE_ITO`: the eight colours of Okabe & Ito (2008, « Color Universal Design »), chosen
  to stay distinct for the common forms of colour blindness;
- :data:`SERIES` / :data:`LINESTYLES`: the colour cycle of every course figure, each colour paired
  with its own line style, so that two curves also differ in black and white;
- :data:`LEVELS`: the audit's traffic light. « vert », « orange », « rouge » are the names of the
  audit checklist, kept as words; the colours are Okabe–Ito's bluish green and orange and
  ColorBrewer's dark orange-red (``#A63603``, « Oranges » scale), three colours that differ in
  lightness as well as in hue. Figures add :data:`LEVEL_HATCHES` and the level's name;
- :data:`HEAT` / :data:`HEAT_REVERSED`: the single-hue colour map of heat tables and grids (the
  value is read from the lightness: the darker, the more it needs attention).
"""

from __future__ import annotations

__all__ = [
    "OKABE_ITO",
    "BLUE",
    "ORANGE",
    "GREEN",
    "VERMILION",
    "PURPLE",
    "SKY",
    "YELLOW",
    "BLACK",
    "GREY",
    "SERIES",
    "LINESTYLES",
    "MARKERS",
    "HATCHES",
    "LEVELS",
    "LEVEL_HATCHES",
    "HEAT",
    "HEAT_REVERSED",
    "SEQUENTIAL",
    "ERROR_TEXT",
]

BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"  # Okabe–Ito « bluish green »
VERMILION = "#D55E00"
PURPLE = "#CC79A7"  # Okabe–Ito « reddish purple »
SKY = "#56B4E9"
YELLOW = "#F0E442"
BLACK = "#000000"
GREY = "#777777"  # reference lines and curves (« sans réponse », seuils)

#: Okabe & Ito (2008), by French name.
OKABE_ITO = {
    "bleu": BLUE,
    "orange": ORANGE,
    "vert bleuté": GREEN,
    "vermillon": VERMILION,
    "pourpre": PURPLE,
    "bleu ciel": SKY,
    "jaune": YELLOW,
    "noir": BLACK,
}

#: Colour cycle of the course figures, and the line style / marker that goes with each colour.
SERIES = [BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY, YELLOW, BLACK]
LINESTYLES = ["-", "--", "-.", ":", "-", "--", "-.", ":"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
#: Hatches of bar series (stacked or grouped bars), in the order of the series.
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]

#: The audit's traffic light (names of the audit checklist) and the cues that go with it.
LEVELS = {"vert": GREEN, "orange": ORANGE, "rouge": "#A63603"}
LEVEL_HATCHES = {"vert": "", "orange": "//", "rouge": "xx"}

#: Colour maps (matplotlib names): single hue, lightness carries the value.
HEAT = "Oranges"  # the darker, the more to look at (delays, gaps)
HEAT_REVERSED = "Oranges_r"  # the darker, the lower (scores where low = weak)
SEQUENTIAL = "Blues"  # neutral counts (publications per slot)

#: Colour of French error lines in the widgets (text, not a figure; 7.6:1 on white).
ERROR_TEXT = "#B00020"
