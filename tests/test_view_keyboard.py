"""Every value of every control is reachable with the keyboard; a move without effect says so.

A slider moves by ``step`` from ``min`` (arrow keys, Home, End): ``max`` is reachable only if
``max - min`` is a whole number of steps. Dropdowns and checkboxes reach every option.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from socialkit.apps import APPS, questions_markdown
from socialkit.views import (
    AmbassadorsView,
    AuditView,
    BuzzView,
    CadenceView,
    CommunityView,
    ModerationView,
)

VIEWS = [CadenceView, BuzzView, ModerationView, AmbassadorsView, CommunityView, AuditView]


@pytest.fixture(scope="module")
def views():
    return {cls: cls() for cls in VIEWS}


@pytest.mark.parametrize("cls", VIEWS, ids=lambda c: c.__name__)
def test_every_slider_value_is_a_whole_number_of_steps(views, cls):
    for name, control in views[cls].controls.items():
        if isinstance(control, widgets.IntSlider | widgets.FloatSlider):
            steps = (control.max - control.min) / control.step
            assert abs(steps - round(steps)) < 1e-9, (name, control.min, control.max, control.step)
            start = (control.value - control.min) / control.step
            assert abs(start - round(start)) < 1e-9, (name, "start value off the step grid")


def test_audit_dormancy_slider_reaches_365_days(views):
    control = views[AuditView].controls["dormant_jours"]
    assert control.max == 365 and (365 - control.min) % control.step == 0
    for days in (30, 90, 180, 365):  # the values the module's questions use, and the maximum
        assert (days - control.min) % control.step == 0


def test_figure_is_shown_at_its_rendered_size(views):
    for view in views.values():
        width, _ = view.figure.canvas.get_width_height()
        assert view.image.layout.width == f"{width}px"
        assert view.image.layout.height == "auto"


def test_move_without_effect_says_so():
    view = BuzzView()
    control = view.controls["audience"]
    before = view.summary.value
    # same result, other object: a dropdown re-selecting an equal value counts as a move
    view._moved = control
    view.update()
    view._moved = None
    assert "Résultat inchangé" in view.summary.value and "Audience exposée" in view.summary.value
    assert view.summary.value.startswith(before)
    control.value = 5000  # a real change: the note disappears
    assert "Résultat inchangé" not in view.summary.value


@pytest.mark.parametrize("key", list(APPS))
def test_every_app_finds_its_questions(key):
    text = questions_markdown(APPS[key])
    assert text.startswith("**Questions") and "1." in text
