"""Accessible colours: one colour-blind-safe palette, never a red/green scale, never colour alone.

The colour-vision test simulates deuteranopia and protanopia with the matrices of Machado,
Oliveira & Fernandes (2009, severity 1.0, applied to linear RGB) and measures the distance
between two simulated colours in CIELAB (ΔE*ab, CIE 1976): about 2 is « just noticeable »,
above 30 two flat areas are told apart at a glance.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import to_hex

from socialkit import colours, plots, style

ROOT = Path(__file__).resolve().parent.parent

MACHADO = {
    "deutéranopie": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "protanopie": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "vision typique": np.eye(3),
}
_SRGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_WHITE = np.array([0.95047, 1.0, 1.08883])


def _linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    xyz = _SRGB_TO_XYZ @ np.clip(linear_rgb, 0, 1) / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, vision: str) -> float:
    """CIELAB distance between ``a`` and ``b`` as seen with ``vision`` (simulated)."""
    m = MACHADO[vision]
    return float(np.linalg.norm(_lab(m @ _linear(a)) - _lab(m @ _linear(b))))


def test_simulation_is_the_standard_one():
    # grey stays grey (each row sums to 1) and the classic confusion shows: matplotlib's old
    # red and green, far apart for typical vision, nearly merge for a deuteranope
    for m in MACHADO.values():
        assert np.allclose(m.sum(axis=1), 1.0, atol=1e-3)
    assert delta_e("#2ca02c", "#d62728", "vision typique") > 90
    assert delta_e("#2ca02c", "#d62728", "deutéranopie") < 25
    assert delta_e("#2e9d4f", "#d0312d", "deutéranopie") < 20  # the kit's former « vert/rouge »


@pytest.mark.parametrize("vision", list(MACHADO))
def test_audit_levels_stay_apart(vision):
    for (a, x), (b, y) in itertools.combinations(colours.LEVELS.items(), 2):
        assert delta_e(x, y, vision) >= 30, f"{a} / {b} trop proches en {vision}"


@pytest.mark.parametrize("vision", list(MACHADO))
def test_series_stay_apart(vision):
    # the first three colours of the cycle (most figures have three series or fewer)
    for x, y in itertools.combinations(colours.SERIES[:3], 2):
        assert delta_e(x, y, vision) >= 30, (x, y, vision)
    # up to four series: still distinct, and each has its own line style
    for x, y in itertools.combinations(colours.SERIES[:4], 2):
        assert delta_e(x, y, vision) >= 15, (x, y, vision)
    assert len(set(colours.LINESTYLES[:4])) == 4


def test_colour_is_never_the_only_cue_for_levels_and_series():
    assert len(set(colours.LEVEL_HATCHES.values())) == len(colours.LEVELS)
    assert style.COURSE_STYLE["axes.prop_cycle"].by_key() == {
        "color": colours.SERIES,
        "linestyle": colours.LINESTYLES,
    }
    assert [plots.level_label(c) for c in ("vert", "orange", "rouge")] == [
        "vert (70 et plus)",
        "orange (40 à 69)",
        "rouge (moins de 40)",
    ]


def test_colour_maps_are_single_hue_and_exist():
    for name in (colours.HEAT, colours.HEAT_REVERSED, colours.SEQUENTIAL):
        assert name in matplotlib.colormaps
        lightness = [
            _lab(_linear(to_hex(matplotlib.colormaps[name](x))))[0] for x in np.linspace(0, 1, 9)
        ]
        steps = np.diff(lightness)
        assert (steps > 0).all() or (steps < 0).all(), name  # value read from lightness


# -- no red/green scale, no colour outside the palette, in the package and the notebooks ------
BANNED_MAPS = re.compile(  # colour map names, as strings (« cmap="RdYlGn" »)
    r"""["'](RdYlGn|RdGn|PiYG|PRGn|Spectral|jet|rainbow|gist_rainbow|nipy_spectral|hsv|brg|"""
    r"""turbo|gist_ncar|prism|flag)(_r)?["']"""
)
NAMED_COLOURS = re.compile(
    r"""(?:colou?r|facecolou?r|edgecolou?r|c)\s*=\s*["'](?:tab:)?(red|green|lime|darkgreen|"""
    r"""darkred|crimson|r|g)["']"""
)
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
#: CSS colours of the HTML pages that are not figure colours (text, table header, borders)
PAGE_TEXT = {"#1d1d1d", "#555555", "#666666", "#cccccc", "#eef3f9"}


def _allowed(hex_colour: str) -> bool:
    h = hex_colour.upper()
    palette = {c.upper() for c in [*colours.OKABE_ITO.values(), *colours.LEVELS.values()]}
    grey = h[1:3] == h[3:5] == h[5:7]
    return h in palette or grey or h == colours.ERROR_TEXT.upper() or h.lower() in PAGE_TEXT


def _sources() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "socialkit").rglob("*")):
        if path.suffix in {".py", ".j2", ".html", ".css"} and "__pycache__" not in path.parts:
            found.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for folder in ("course", "solutions", "apps"):
        for path in sorted((ROOT / folder).rglob("*.ipynb")):
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
            found.append((str(path.relative_to(ROOT)), code))
    return found


def test_sources_are_scanned():
    names = [name for name, _ in _sources()]
    assert "socialkit/plots.py" in names and "course/07-amplificateurs.ipynb" in names
    assert "socialkit/resources/audit_report.html.j2" in names


def test_no_red_green_colour_map_or_colour_outside_the_palette():
    bad = []
    for name, text in _sources():
        bad += [f"{name}: {m.group(0)}" for m in BANNED_MAPS.finditer(text)]
        bad += [f"{name}: {m.group(0)}" for m in NAMED_COLOURS.finditer(text)]
        bad += [f"{name}: {h}" for h in HEX.findall(text) if not _allowed(h)]
    assert bad == []


def test_the_scan_catches_the_old_colours():
    assert BANNED_MAPS.search('style.background_gradient(cmap="RdYlGn", vmin=0)')
    assert NAMED_COLOURS.search('ax.plot(x, y, color="red")')
    assert not _allowed("#d0312d") and not _allowed("#2e9d4f") and not _allowed("#d62728")
    assert _allowed("#0072B2") and _allowed("#777777")


def test_view_figures_use_the_palette():
    from socialkit.views import (
        AmbassadorsView,
        BuzzView,
        CadenceView,
        CommunityView,
        ModerationView,
    )
    from socialkit.views.audit import AuditView

    palette = {c.upper() for c in [*colours.SERIES, *colours.LEVELS.values(), colours.GREY]}
    for view_cls in (CadenceView, BuzzView, ModerationView, AmbassadorsView, CommunityView):
        view = view_cls()
        for ax in view.figure.axes:
            for line in ax.get_lines():
                assert to_hex(line.get_color()).upper() in palette, (view_cls.__name__, line)
    audit = AuditView()
    faces = {to_hex(bar.get_facecolor()).upper() for bar in audit.bars if bar.get_width() > 0}
    assert faces <= {c.upper() for c in colours.LEVELS.values()}
    assert {bar.get_hatch() or "" for bar in audit.bars} >= {"", "//"}
