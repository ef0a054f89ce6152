"""Every figure a notebook shows has a French text alternative, and French labels.

``import socialkit`` installs a formatter in the kernel (:mod:`socialkit._alt`): each matplotlib
figure's ``display_data`` gets ``metadata["image/png"]["alt"]`` built by
:func:`socialkit.plots.alt_text` (title, kind, axes, legend, the helpers' own description).
The lecture notebooks are checked as executed (:mod:`nbrun`, inline backend as in JupyterLab):
no figure without its alt, no « Graphique sans titre », no column code (``institution_id``,
``evenement_culture``…) or identifier (``I05``, ``C001``) in a title, axis label or legend.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import nbrun
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from socialkit import load, plots
from socialkit.analysis import audit

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "course").glob("*.ipynb"))

#: a column code (snake_case) or a table identifier where a French word should be
CODE = re.compile(r"\b[a-zé]+_[a-z_é]+\b|\b[ICA]\d{2,3}\b")


def figures(nb) -> list[tuple[int, dict]]:
    """(cell number, output) of every PNG figure of an executed notebook."""
    return [
        (number, output)
        for number, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]


def problems_of(alt: str | None) -> list[str]:
    if not alt or not alt.strip():
        return ["pas de texte alternatif"]
    found = []
    if not alt.startswith("Graphique") or "Graphique sans titre" in alt:
        found.append(f"texte alternatif pauvre : {alt!r}")
    found += [f"code au lieu d'un mot : {m!r} dans {alt!r}" for m in CODE.findall(alt)]
    if re.search(r"\b(Figure size|Axes|the|of)\b", alt):
        found.append(f"anglais : {alt!r}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_has_a_french_alt_text(path):
    nb = nbrun.executed(path)
    bad = []
    for number, output in figures(nb):
        alt = output.get("metadata", {}).get("image/png", {}).get("alt")
        bad += [f"cellule {number} : {p}" for p in problems_of(alt)]
        assert output["data"]["text/plain"] == alt  # text-only front ends get it too
    assert bad == []


def test_the_course_shows_figures():
    counts = {p.stem: len(figures(nbrun.executed(p))) for p in NOTEBOOKS}
    assert sum(counts.values()) >= 15, counts
    assert all(counts[p.stem] for p in NOTEBOOKS if p.stem[:2] in {"01", "02", "03", "04"})


def test_the_check_catches_poor_alt_texts():
    assert problems_of(None) and problems_of("Graphique sans titre.")
    assert problems_of("<Figure size 900x450 with 1 Axes>")
    assert problems_of("Graphique « Activité » (2 courbes). Légende : institution_id, I05.")
    assert problems_of("Graphique (courbe). Axe horizontal : delai_median_ouvrable_h.")
    assert not problems_of("Graphique « Activité par heure » (2 courbes). Légende : CHU, SPF.")


# -- the helpers -------------------------------------------------------------------------
def test_alt_text_reads_title_kind_axes_and_legend():
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [1, 3, 2], label="publications")
    ax.plot([0, 1, 2], [2, 1, 0], label="commentaires")
    ax.set_title("Activité par heure")
    ax.set_xlabel("heure")
    ax.set_ylabel("% du total")
    ax.legend()
    assert plots.alt_text(fig) == (
        "Graphique « Activité par heure » (2 courbes). Axe horizontal : heure ; "
        "axe vertical : % du total ; légende : publications, commentaires."
    )
    plots.describe(ax, "Les commentaires arrivent le soir.")
    assert plots.alt_text(fig).startswith(
        "Graphique « Activité par heure » (2 courbes). Les commentaires arrivent le soir. Axe"
    )
    assert plots.alt_text(Figure()) == "Graphique sans titre."


def test_alt_text_of_twin_axes_bars_and_parts():
    fig = Figure()
    ax = fig.add_subplot()
    ax.barh(["a", "b"], [1, 2])
    ax.set_xlabel("publications")
    ax.twinx().set_ylabel("taux (%)")
    text = plots.alt_text(fig)
    assert "(barres horizontales)" in text and "axe vertical de droite : taux (%)" in text
    assert "parties" not in text
    fig = Figure()
    top, bottom = fig.subplots(2, 1)
    top.set_title("Haut")
    bottom.set_title("Bas")
    image = bottom.imshow(np.ones((2, 2)))
    fig.colorbar(image, ax=bottom, label="publications")
    assert plots.alt_text(fig) == (
        "Graphique en 2 parties. 1) « Haut » ; 2) « Bas » (carte de chaleur) ; "
        "échelle de couleur : publications, plus foncé = plus élevé."
    )


def test_scorecard_says_every_score_and_level_in_words():
    facts = audit.account_facts(
        load("comptes"), load("publications"), load("commentaires"), "2026-09-01"
    )
    card = audit.scorecard(audit.apply_thresholds(facts), load("institutions"))
    fig = plots.plot_scorecard(card, "Audit")
    text = plots.alt_text(fig)
    first = card.iloc[0]
    assert text.startswith("Graphique « Audit » (barres horizontales). Barres horizontales, une")
    assert f"{first['nom']} {plots.fr.number(first['score'])} ({first['couleur']})" in text
    assert all(name in text for name in card["nom"])
    bars = fig.axes[0].patches
    hatches = {bar.get_hatch() or "" for bar in bars if bar.get_width() > 0}
    assert hatches == {plots.HATCHES[c] for c in set(card["couleur"])}
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert f"{plots.fr.number(first['score'])} · {first['couleur']}" in labels
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [plots.level_label(c) for c in ("vert", "orange", "rouge")]
    assert not problems_of(text)
    matplotlib.pyplot.close(fig)


def test_grid_and_profiles_describe_themselves():
    grid = pd.DataFrame(
        [[1.0, 5.0], [2.0, np.nan]], index=["lundi", "mardi"], columns=[9, 10], dtype=float
    )
    ax = plots.plot_grid(grid, title="Quand publier", label="publications")
    assert "maximum 5 (publications) le lundi à 10 h" in plots.alt_text(ax.figure)
    profile = np.zeros(168)
    profile[24 * 5 + 20] = 3  # Saturday 20 h
    ax = plots.plot_weekly_profiles(np.ones(168), profile)
    text = plots.alt_text(ax.figure)
    assert "le modèle (tirets orange, maximum le samedi)" in text
    assert not problems_of(text)
    matplotlib.pyplot.close("all")


def test_kernel_formatter_sets_alt_and_text():
    from IPython.core.interactiveshell import InteractiveShell

    from socialkit import _alt

    shell = InteractiveShell.instance()
    assert _alt.install(shell)
    fig = Figure()
    fig.add_subplot().set_title("Abonnés")
    data, metadata = shell.display_formatter.format(fig)
    assert metadata["image/png"]["alt"] == "Graphique « Abonnés »."
    assert data["text/plain"] == "Graphique « Abonnés »."


# -- the widget views (screen readers cannot read their image) ----------------------------
def _views():
    from socialkit.views import (
        AmbassadorsView,
        BuzzView,
        CadenceView,
        CommunityView,
        ModerationView,
    )
    from socialkit.views.audit import AuditView

    return [AuditView, CadenceView, BuzzView, ModerationView, AmbassadorsView, CommunityView]


@pytest.mark.parametrize("view_cls", _views(), ids=lambda v: v.__name__)
def test_views_are_labelled_summarised_and_readable(view_cls):
    view = view_cls()
    for name, control in view.controls.items():
        label = control.description
        # a visible French label, not the parameter's name: words, capital first
        assert label and label != name and "_" not in label and label[0].isupper(), name
        assert not getattr(control, "description_allow_html", False)
        if hasattr(control.style, "description_width"):
            assert control.style.description_width in ("", "19em")  # wide: label not cut
    # one French line summing up the state of the simulation, with its figures
    first_line = re.split(r"<br>|<table", view.summary.value)[0]
    text = re.sub(r"<[^>]+>", "", first_line)
    assert re.search(r"\d", text) and "\n" not in text and len(text) > 30
    assert view.image.alt.startswith("Graphique : ")
    # projector: at least 800 px wide, shown at the size it is drawn, text of 11 pt or more
    width, _ = view.figure.canvas.get_width_height()
    assert width >= 800 and view.image.layout.width == f"{width}px"
    view.figure.canvas.draw()
    sizes = [
        t.get_fontsize()
        for t in view.figure.findobj(matplotlib.text.Text)
        if t.get_text().strip() and t.get_visible()
    ]
    assert sizes and min(sizes) >= 11, sorted(set(sizes))


def test_hatch_bars_gives_each_series_its_hatch_and_legend():
    frame = pd.DataFrame({"plainte": [1, 2], "troll": [2, 1], "question": [1, 1]})
    ax = frame.plot.bar(stacked=True)
    plots.hatch_bars(ax)
    hatches = [{bar.get_hatch() or "" for bar in c} for c in ax.containers]
    assert hatches == [{""}, {"//"}, {".."}]
    legend = ax.get_legend()
    assert [h.get_hatch() or "" for h in legend.legend_handles] == ["", "//", ".."]
    assert [t.get_text() for t in legend.get_texts()] == ["plainte", "troll", "question"]
    matplotlib.pyplot.close("all")


def test_alt_text_lists_categories_and_bar_values():
    fig = Figure()
    ax = fig.add_subplot()
    ax.barh(["Facebook", "Instagram"], [3, 4.5])
    ax.set_title("Publications par semaine")
    assert plots.alt_text(fig) == (
        "Graphique « Publications par semaine » (barres horizontales). "
        "Valeurs : Facebook 3, Instagram 4,5."
    )
    fig = Figure()
    ax = fig.add_subplot()
    ax.scatter([1, 2], [0, 1])
    ax.set_yticks([0, 1], ["Comptes de l'institution", "Comptes de personnes"])
    assert "Lignes : Comptes de l'institution, Comptes de personnes." in plots.alt_text(fig)
    fig = Figure()
    ax = fig.add_subplot()
    ax.bar([f"Compte {k}" for k in range(20)], range(20))  # more than 12: too many to read
    assert "Valeurs" not in plots.alt_text(fig) and "Compte 3" not in plots.alt_text(fig)


def test_french_labels_replaces_the_kit_codes():
    frame = pd.DataFrame(
        {"facebook": [1, 2], "autre": [3, 4]}, index=["evenement_culture", "coulisses_equipe"]
    )
    named = plots.french_labels(frame)
    assert list(named.index) == ["événement et culture", "coulisses de l'équipe"]
    assert list(named.columns) == ["Facebook", "autre"]
    assert list(plots.french_labels(frame["facebook"]).index) == list(named.index)
