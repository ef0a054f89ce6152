"""The widget views build headless and react to their controls."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from socialkit.views import (
    AmbassadorsView,
    BuzzView,
    CadenceView,
    CommunityView,
    ModerationView,
)
from socialkit.views.base import nice_upper

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# (view, control to move, new value)
CASES = [
    (CadenceView, "cadence", 10.0),
    (CadenceView, "semaines", 13),
    (BuzzView, "delai", 24.0),
    (BuzzView, "qualite", 1.0),
    (ModerationView, "effectif", 3),
    (ModerationView, "jours", (0, 1, 2, 3, 4, 5, 6)),
    (AmbassadorsView, "ambassadeurs", 40),
    (AmbassadorsView, "charte", False),
    (CommunityView, "bouche_a_oreille", 0.5),
    (CommunityView, "marche", 50000),
]


@pytest.mark.parametrize(
    "view_cls", [CadenceView, BuzzView, ModerationView, AmbassadorsView, CommunityView]
)
def test_view_builds_headless(view_cls):
    view = view_cls()
    assert isinstance(view.widget, widgets.VBox)
    assert bytes(view.image.value).startswith(PNG_MAGIC)
    assert view.summary.value and view.error is None
    assert view.controls and all(c.description for c in view.controls.values())
    shown = [w for c in view.widget.children for w in (c.children if _is_row(c) else [c])]
    for control in view.controls.values():
        assert control in shown


def _is_row(widget) -> bool:
    return isinstance(widget, widgets.HBox)


def test_float_slider_readouts_are_written_the_french_way():
    view = CommunityView()
    rows = [c for c in view.widget.children if _is_row(c)]
    readouts = {row.children[0]: row.children[1] for row in rows}
    promotion = view.controls["promotion"]
    assert promotion.readout is False  # ipywidgets' own readout would write 0.010
    assert readouts[promotion].value == "0,010"  # its readout_format keeps 3 decimals
    view.controls["bouche_a_oreille"].value = 0.35
    assert readouts[view.controls["bouche_a_oreille"]].value == "0,35"
    assert all("." not in label.value for label in readouts.values())
    # HTML, not Label: JupyterLab typesets each Label value with MathJax at every move
    assert all(type(label) is widgets.HTML for label in readouts.values())


@pytest.mark.parametrize(("view_cls", "name", "value"), CASES)
def test_control_change_updates_summary_and_image(view_cls, name, value):
    view = view_cls()
    before_text, before_png = view.summary.value, bytes(view.image.value)
    view.controls[name].value = value  # the observer updates synchronously
    assert view.error is None
    assert view.summary.value != before_text
    assert bytes(view.image.value) != before_png
    assert bytes(view.image.value).startswith(PNG_MAGIC)


def test_update_is_idempotent():
    view = BuzzView()
    png, text = bytes(view.image.value), view.summary.value
    view.update()
    assert bytes(view.image.value) == png and view.summary.value == text


def test_french_labels_and_summary():
    view = CadenceView()
    assert view.controls["cadence"].description == "Publications par semaine"
    assert "Portée moyenne par publication" in view.summary.value
    buzz_view = BuzzView()
    assert "Portée finale du bad buzz" in buzz_view.summary.value
    assert "% de l'audience" in buzz_view.summary.value


def test_nice_upper_hysteresis():
    assert nice_upper(830) == 1000
    assert nice_upper(900, current=1000) == 1000
    assert nice_upper(1200, current=1000) == 2000
    assert nice_upper(100, current=1000) == 200


def test_png_is_the_figure_pixel_for_pixel():
    import io

    import numpy as np
    from PIL import Image

    from socialkit.views.base import pixels, png_bytes

    view = CadenceView()
    view.controls["cadence"].value = 7.0
    expected = pixels(view.figure).copy()
    decoded = np.asarray(Image.open(io.BytesIO(bytes(view.image.value))).convert("RGBA"))
    assert decoded.shape == expected.shape == (*view.figure.canvas.get_width_height()[::-1], 4)
    assert (decoded == expected).all()
    # any RGBA array round-trips (odd sizes, transparency)
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 256, size=(7, 13, 4), dtype=np.uint8)
    assert (np.asarray(Image.open(io.BytesIO(png_bytes(noise)))) == noise).all()


def test_changes_during_an_update_are_drawn_once_with_the_latest_values():
    view = BuzzView()
    drawn = []
    compute = view._compute

    def nested(values):  # a callback moving another control while the view draws
        drawn.append(dict(values))
        if len(drawn) == 1:
            view.controls["qualite"].value = 0.9
            view.controls["qualite"].value = 1.0
        return compute(values)

    view._compute = nested
    view.controls["delai"].value = 12.0
    assert [d["qualite"] for d in drawn] == [drawn[0]["qualite"], 1.0]
    fresh = BuzzView()
    fresh.controls["delai"].value, fresh.controls["qualite"].value = 12.0, 1.0
    assert view.summary.value == fresh.summary.value  # the picture of the final values


def test_controls_do_not_echo_moves_back_to_the_browser():
    """One message less per move: the kernel does not send a received value back."""
    from socialkit.views import AuditView

    def echoes(widget, state) -> list[dict]:
        sent = []
        widget._send = lambda msg, buffers=None: sent.append(msg)
        widget.set_state(state)
        return [m for m in sent if m.get("method") == "echo_update"]

    stock = widgets.FloatSlider(value=1.0, max=10.0)
    assert echoes(stock, {"value": 2.0})  # ipywidgets' default, which the kit turns off
    audit = AuditView()
    for view in (CadenceView(), audit):
        for control in view.controls.values():
            state = {"index": 1} if isinstance(control, widgets.Dropdown) else None
            if state is None:
                value = control.value
                state = {"value": (not value) if isinstance(value, bool) else value + 1}
            assert echoes(control, state) == [], control.description
