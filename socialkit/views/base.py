"""Shared machinery of the widget views: one persistent figure, PNG rendering, French numbers.

Every view is a thin subclass of :class:`ModelView`:

- ``_build_controls()`` returns the French-labelled sliders/dropdowns (dict name → widget);
- ``_setup_plot(fig)`` creates the axes and artists once;
- ``_compute(values)`` calls the model (no model logic in the views);
- ``_draw(result)`` updates the artists (``set_data`` / ``set_ydata``, axis limits);
- ``_describe(result)`` returns the French summary line (HTML).

Speed (p95 ≤ 50 ms per slider move): one ``matplotlib.figure.Figure`` per view with an Agg
canvas (no pyplot, no display needed), artists updated in place, the Agg pixels written as
PNG without row filters at deflate level 1 by ISA-L (:func:`png_bytes`, ~0.6 ms instead of
~12 ms with Pillow's adaptive filters) straight into a :class:`FigureCanvas` (decoded off the
browser's main thread, painted into a <canvas>); the controls'
values are not echoed back (:func:`_no_echo`): fewer messages per move. What matplotlib redraws
slowly (many moving labels) can be painted into the pixels by :meth:`ModelView._paint`.
The moving artists are registered with :meth:`ModelView.animate`: the static part (axes,
ticks, labels, legend) is drawn once and cached as a bitmap, each update only restores it
and redraws the moving artists (blitting, ~1–2 ms). The cached background is keyed by the
axis limits (set with :meth:`ModelView.set_limits`): a new combination costs one full draw
(~15–30 ms), a known one is restored. :func:`nice_upper` gives "nice"
upper limits with hysteresis so that most slider moves keep the same limits.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as widgets
import numpy as np
from isal import isal_zlib
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from traitlets import Bytes, Unicode

from socialkit import colours, fr

__all__ = [
    "FONT_SMALL",
    "FONT_LABEL",
    "FONT_TITLE",
    "FIGSIZE",
    "make_figure",
    "render_png",
    "encode_png",
    "png_bytes",
    "pixels",
    "nice_upper",
    "slider",
    "int_slider",
    "dropdown",
    "checkbox",
    "FigureCanvas",
    "ModelView",
]


_CACHE_SIZE = 24  # cached backgrounds per view (~1.2 MB each at the default size)
#: Font sizes (points) of the views' figures: readable on a projector at 96 dpi, where the
#: image is shown pixel for pixel (ticks and legends, axis labels, titles).
FONT_SMALL, FONT_LABEL, FONT_TITLE = 11, 12, 13
#: Default figure size (inches at 96 dpi: 806 × 384 px).
FIGSIZE = (8.4, 4.0)
_LABEL_STYLE = {"description_width": "19em"}
_CONTROL_LAYOUT = {"width": "38em"}


def make_figure(width: float = FIGSIZE[0], height: float = FIGSIZE[1], dpi: int = 96) -> Figure:
    """A pyplot-free Figure with its own Agg canvas (works headless)."""
    fig = Figure(figsize=(width, height), dpi=dpi, layout=None)
    FigureCanvasAgg(fig)
    return fig


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def png_bytes(pixels: np.ndarray, level: int = 1) -> bytes:
    """PNG of an RGBA uint8 array (height × width × 4): filter « none », deflate ``level``.

    Pillow's PNG writer tries five row filters per row (adaptive filtering): ~10–15 ms for
    a 700 × 440 chart. A chart is mostly flat colour, so rows without filter and level 1
    compress as well (same size ±10 %). The deflate stream comes from ISA-L (``isal``):
    standard zlib data, ~0.6 ms for an 806 × 384 chart where the zlib module takes ~3.5 ms.
    The format is the PNG specification's minimum: signature, IHDR, one IDAT, IEND.
    """
    height, width = pixels.shape[:2]
    rows = np.empty((height, 1 + width * 4), dtype=np.uint8)
    rows[:, 0] = 0  # filter type « none » for every row
    rows[:, 1:] = pixels.reshape(height, width * 4)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", isal_zlib.compress(rows.data, level)),
            _chunk(b"IEND", b""),
        )
    )


def pixels(fig: Figure) -> np.ndarray:
    """The figure's Agg buffer as a writable RGBA array (a view: no copy)."""
    return np.asarray(fig.canvas.buffer_rgba())


def encode_png(fig: Figure) -> bytes:
    """PNG bytes of what is currently in the figure's Agg buffer (no redraw; fast zlib)."""
    return png_bytes(pixels(fig))


def render_png(fig: Figure) -> bytes:
    """Full redraw of the figure, then PNG bytes (animated artists are not drawn)."""
    fig.canvas.draw()
    return encode_png(fig)


def nice_upper(value: float, current: float | None = None, floor: float = 1.0) -> float:
    """A "nice" axis upper limit (1, 2 or 5 × 10^k) above ``value`` × 1.05.

    Hysteresis: ``current`` is kept while ``value`` stays between 25 % and 100 % of it, so
    small slider moves do not rescale the axis (and do not force a full redraw).
    """
    value = max(float(value), floor) if math.isfinite(value) else floor
    if current is not None and 0.25 * current <= value <= current:
        return current
    target = value * 1.05
    exponent = math.floor(math.log10(target))
    for mantissa in (1.0, 2.0, 5.0, 10.0):
        candidate = mantissa * 10.0**exponent
        if candidate >= target:
            return candidate
    return 10.0 ** (exponent + 1)  # pragma: no cover - loop always returns


def _no_echo(widget: widgets.Widget, trait: str = "value") -> widgets.Widget:
    """Do not echo the control's value back to the browser after each move.

    ipywidgets 8 sends every value received from the front end back to it (« echo_update »,
    for several browsers on one kernel). A view is shown in one browser: the echo is one
    message more per move for the kernel, the server and the page. traitlets reads per-instance
    metadata from ``_<trait>_metadata``, which ipywidgets consults for ``echo_update``.
    """
    setattr(widget, f"_{trait}_metadata", {"echo_update": False})
    return widget


def _style(widget: widgets.Widget) -> widgets.Widget:
    widget.style = _LABEL_STYLE
    widget.layout = widgets.Layout(**_CONTROL_LAYOUT)
    return _no_echo(widget, "index" if isinstance(widget, widgets.Dropdown) else "value")


def slider(description: str, value: float, min: float, max: float, step: float, **kw):
    """FloatSlider with a French label and a wide label area (readout: see the view)."""
    return _style(
        widgets.FloatSlider(value=value, min=min, max=max, step=step, description=description, **kw)
    )


def _with_french_readout(control: widgets.Widget) -> widgets.Widget:
    """A float slider with its value written the French way beside it (« 0,25 »).

    ipywidgets formats a slider's own readout with d3-format, whose locale cannot be set per
    widget: it would write « 0.25 ». That readout is hidden and a label follows the value,
    with the decimals of the slider's ``readout_format`` (``.2f`` by default). The label is an
    ``ipywidgets.HTML``: JupyterLab's front end passes every ``Label`` value through its LaTeX
    typesetter (MathJax), a cost at every slider move.
    """
    if not isinstance(control, widgets.FloatSlider):
        return control
    fmt = control.readout_format or ".2f"
    decimals = int(fmt[1:-1]) if fmt.startswith(".") and fmt[1:-1].isdigit() else 2
    control.readout = False
    # an HTML widget, not a Label: JupyterLab typesets every Label update with MathJax
    label = widgets.HTML(fr.number(control.value, decimals))
    label.add_class("kit-readout")

    def follow(change: dict) -> None:
        label.value = fr.number(change["new"], decimals)

    control.observe(follow, names="value")
    return widgets.HBox([control, label])


def int_slider(description: str, value: int, min: int, max: int, step: int = 1, **kw):
    """IntSlider with a French label."""
    return _style(
        widgets.IntSlider(value=value, min=min, max=max, step=step, description=description, **kw)
    )


def dropdown(description: str, options, value=None, **kw):
    """Dropdown with a French label; ``options`` as (label, value) pairs."""
    kwargs = {"options": options, "description": description, **kw}
    if value is not None:
        kwargs["value"] = value
    return _style(widgets.Dropdown(**kwargs))


def checkbox(description: str, value: bool = False, **kw):
    """Checkbox with a French label."""
    box = widgets.Checkbox(value=value, description=description, indent=False, **kw)
    box.layout = widgets.Layout(width="auto")
    return _no_echo(box)


class FigureCanvas(anywidget.AnyWidget):
    """The figure of a view: PNG bytes (``value``) painted into a <canvas> in the browser.

    Front end: ``socialkit/resources/figure.js`` (anywidget: the module travels with the
    widget, no JupyterLab extension to build, works offline in JupyterLab and Voilà). The
    PNG is decoded by ``createImageBitmap``, off the main thread, ~7 ms sooner than an
    ``ipywidgets.Image`` (whose <img> fetches its blob: URL back before decoding).
    ``alt`` is the canvas' accessible name (``role="img"``, ``aria-label``) and its title.
    (ipywidgets' own ``tooltip`` is not used: its front end reads a ``description`` trait
    that this widget does not have, and the view then fails to render.)
    """

    _esm = Path(__file__).resolve().parent.parent / "resources" / "figure.js"
    value = Bytes(b"").tag(sync=True)
    alt = Unicode("").tag(sync=True)


class ModelView:
    """Base class of the views: builds controls, figure, image and summary; wires updates.

    Public attributes: ``controls`` (dict name → widget), ``figure``, ``image``
    (:class:`FigureCanvas`, PNG bytes in ``image.value``), ``summary`` (``ipywidgets.HTML``),
    ``widget`` (the VBox to display), ``result`` (last model output) and ``error`` (last
    French error message or ``None``). Setting ``view.controls[name].value`` calls
    :meth:`update` synchronously.
    """

    title: str = ""
    figsize: tuple[float, float] = FIGSIZE
    # 96 dpi: one figure inch is one CSS inch, so the PNG is shown pixel for pixel (sharp)
    dpi: int = 96

    def __init__(self) -> None:
        self.controls: dict[str, widgets.ValueWidget] = self._build_controls()
        self.figure = make_figure(*self.figsize, dpi=self.dpi)
        self._animated: list[Artist] = []
        # cached bitmaps of the static part of the figure, keyed by the axis limits
        self._backgrounds: dict[tuple, Any] = {}
        self._setup_plot(self.figure)
        width, height = self.figure.canvas.get_width_height()
        # shown at the size it is rendered (no blurry upscaling); shrinks on narrow screens
        self.image = FigureCanvas(
            layout=widgets.Layout(width=f"{width}px", max_width="100%", height="auto"),
            alt=f"Graphique : {self.title or 'simulation'}. Résumé chiffré en dessous.",
        )
        self.summary = widgets.HTML()
        self.result: Any = None
        self.error: str | None = None
        self._last_summary: str | None = None
        self._moved: widgets.ValueWidget | None = None
        self._updating = False  # an update is running (see _on_change)
        self._stale = False  # a control changed during it: draw once more
        header = [widgets.HTML(f"<b>{self.title}</b>")] if self.title else []
        rows = [_with_french_readout(c) for c in self.controls.values()]
        self.widget = widgets.VBox([*header, *rows, self.image, self.summary])
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    # -- to implement in the subclasses --------------------------------------------
    def _build_controls(self) -> dict[str, widgets.ValueWidget]:
        raise NotImplementedError

    def _setup_plot(self, fig: Figure) -> None:
        raise NotImplementedError

    def _compute(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def _draw(self, result: Any) -> None:
        raise NotImplementedError

    def _describe(self, result: Any) -> str:
        raise NotImplementedError

    # -- helpers for the subclasses -------------------------------------------------
    def animate(self, *artists: Artist) -> None:
        """Register artists that change at each update (redrawn over the cached background)."""
        for artist in artists:
            artist.set_animated(True)
            self._animated.append(artist)

    def set_limits(
        self,
        ax: Axes,
        x: tuple[float, float] | None = None,
        y: tuple[float, float] | None = None,
    ) -> None:
        """Set axis limits (only when they change; the background cache is keyed by them)."""
        if x is not None and tuple(ax.get_xlim()) != tuple(map(float, x)):
            ax.set_xlim(*x)
        if y is not None and tuple(ax.get_ylim()) != tuple(map(float, y)):
            ax.set_ylim(*y)

    def invalidate(self) -> None:
        """Forget the cached backgrounds (call after changing a static text or style)."""
        self._backgrounds.clear()

    def _render(self) -> bytes:
        """Restore the cached static background for the current limits, draw moving artists.

        Backgrounds are cached per combination of axis limits (at most ``_CACHE_SIZE``), so
        going back to a dropdown option or a "nice" limit seen before stays fast.
        """
        canvas = self.figure.canvas
        key = tuple((ax.get_xlim(), ax.get_ylim()) for ax in self.figure.axes)
        background = self._backgrounds.pop(key, None)
        if background is None:
            canvas.draw()  # static part only: animated artists are skipped
            background = canvas.copy_from_bbox(self.figure.bbox)
            if len(self._backgrounds) >= _CACHE_SIZE:
                self._backgrounds.pop(next(iter(self._backgrounds)))  # least recently used
        else:
            canvas.restore_region(background)
        self._backgrounds[key] = background  # (re)insert as most recently used
        for artist in self._animated:
            if artist.get_visible():
                self.figure.draw_artist(artist)
        rgba = pixels(self.figure)
        self._paint(rgba)
        return encode_png(self.figure)

    def _paint(self, rgba: np.ndarray) -> None:
        """Hook: paint straight into the rendered RGBA pixels (row 0 = top) before encoding.

        For what matplotlib redraws slowly at every update (e.g. many moving text labels):
        pixels painted here are wiped by the next background restore, like animated artists.
        """

    # -- shared behaviour ----------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Current value of every control."""
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, change: dict) -> None:
        """One update at a time; values changed during an update are drawn once, the latest.

        In a kernel the front end already sends at most one change per control at a time and
        merges the key repeats that arrive meanwhile (ipywidgets' message throttle); this
        guard covers changes made while drawing (a view or a callback setting a control):
        they are not drawn one by one but once, with the values current at the end.
        """
        self._moved = change.get("owner")
        if self._updating:
            self._stale = True
            return
        self._updating = True
        try:
            self._stale = True
            while self._stale:
                self._stale = False
                self.update()
        finally:
            self._updating = False
            self._moved = None

    def _unchanged_note(self) -> str:
        """French line saying that the last move left the result as it was."""
        control = self._moved
        label = getattr(control, "description", "") or "ce réglage"
        value = getattr(control, "value", None)
        if isinstance(control, widgets.Dropdown):
            value = control.label
        elif isinstance(control, widgets.Checkbox):
            value = "coché" if value else "décoché"
        elif isinstance(value, float):
            value = fr.number(value, 2).rstrip("0").rstrip(",")
        return (
            f"<br><i>Résultat inchangé : « {label} » = {value} ne modifie ni le graphique "
            "ni les chiffres.</i>"
        )

    def update(self) -> None:
        """Recompute the model, redraw the figure, refresh image and summary."""
        try:
            result = self._compute(self.values())
        except ValueError as exc:  # French message from the model: show it, keep last plot
            self.error = str(exc)
            self.summary.value = f"<span style='color:{colours.ERROR_TEXT}'>⚠ {exc}</span>"
            return
        self.error = None
        self.result = result
        self._draw(result)
        png = self._render()
        text = self._describe(result)
        moved_without_effect = (
            self._moved is not None and text == self._last_summary and png == self.image.value
        )
        self.image.value = png
        self._last_summary = text
        self.summary.value = text + self._unchanged_note() if moved_without_effect else text

    def _repr_mimebundle_(self, **kwargs):  # display(view) shows the widget
        return self.widget._repr_mimebundle_(**kwargs)
