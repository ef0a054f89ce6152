"""The simulations as apps (Voilà): one view, its instructions and its questions side by side.

Each notebook of ``apps/`` holds one markdown title and one code cell::

    from socialkit.apps import show
    show("cadence")

:func:`show` builds the view and, beside its controls, the questions of the course notebook
the simulation belongs to: the first markdown cell after the view's cell that starts with
« Questions ». The questions are read from ``course/`` when the app starts, so the app never
goes stale when the course text changes (one source for the questions).
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets

from socialkit.errors import KitValueError

__all__ = ["APPS", "App", "app_panel", "questions_markdown", "show"]

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "course"


@dataclass(frozen=True)
class App:
    """One simulation app: its view, the course notebook it comes from, its file in apps/."""

    key: str
    view: str  # class name in socialkit.views
    notebook: str  # course notebook (file name in course/)
    module: str  # « Module 3 »
    title: str  # French title of the app
    filename: str  # notebook in apps/ (sorts in course order)
    what: str  # one French sentence: what the simulation shows

    def view_class(self):
        return getattr(importlib.import_module("socialkit.views"), self.view)

    @property
    def html_name(self) -> str:
        return self.filename.replace(".ipynb", ".html")


APPS: dict[str, App] = {
    app.key: app
    for app in (
        App(
            "cadence",
            "CadenceView",
            "03-communication-continue.ipynb",
            "Module 3",
            "Rythme de publication, habitude et portée",
            "03-rythme-de-publication.ipynb",
            "Comment le rythme et la régularité des publications installent une habitude "
            "chez votre public.",
        ),
        App(
            "buzz",
            "BuzzView",
            "04-interactions.ipynb",
            "Module 4",
            "Bad buzz : le délai et la qualité de votre réponse",
            "04a-bad-buzz.ipynb",
            "Combien de personnes entendent parler d'une affaire selon la vitesse et la qualité "
            "de votre première réponse.",
        ),
        App(
            "moderation",
            "ModerationView",
            "04-interactions.ipynb",
            "Module 4",
            "L'équipe de modération",
            "04b-equipe-de-moderation.ipynb",
            "Combien de personnes, à quelles heures, pour répondre vite aux commentaires.",
        ),
        App(
            "audit",
            "AuditView",
            "05-audit-secteur-public.ipynb",
            "Module 5",
            "Explorateur d'audit : qui passe sous la barre ?",
            "05-explorateur-d-audit.ipynb",
            "Déplacez les seuils de la grille d'audit et voyez quelles institutions changent "
            "de couleur.",
        ),
        App(
            "ambassadors",
            "AmbassadorsView",
            "06-ambassadeurs-gouvernance.ipynb",
            "Module 6",
            "Ambassadeurs : portée et risques",
            "06-ambassadeurs.ipynb",
            "Ce que des agents ambassadeurs ajoutent à la portée de l'institution, et les "
            "messages hors charte à prévoir.",
        ),
        App(
            "community",
            "CommunityView",
            "07-amplificateurs.ipynb",
            "Module 7",
            "Faire grandir une communauté et la garder",
            "07-croissance-communaute.ipynb",
            "Comment la promotion, le bouche-à-oreille et la qualité du service font grandir "
            "une communauté et la gardent active.",
        ),
    )
}

INSTRUCTIONS = (
    "Déplacez les curseurs à la souris ou au clavier (touche Tab pour passer d'un réglage à "
    "l'autre, flèches pour changer la valeur, Début et Fin pour les extrémités). Le graphique "
    "et la ligne de résumé sous le graphique se mettent à jour à chaque réglage."
)


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def questions_markdown(app: App, course: Path = COURSE) -> str:
    """The « Questions » markdown cell that follows the view's cell in the course notebook."""
    path = course / app.notebook
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    pattern = re.compile(rf"\b{app.view}\(")
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and pattern.search(_source(cell)):
            for following in cells[i + 1 : i + 4]:
                text = _source(following).strip()
                if following["cell_type"] == "markdown" and "**Questions" in text:
                    start = text.index("**Questions")
                    return text[start:]
            break
    raise KitValueError(
        f"{path.name} : pas de cellule « **Questions** » après la simulation {app.view}. "
        "Ajoutez-la (juste après la cellule qui affiche la vue) ou corrigez APPS."
    )


def _markdown_html(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(text)


def app_panel(key: str):
    """(view, widget): the view's widget with the questions beside it (wraps on narrow screens)."""
    if key not in APPS:
        raise KitValueError(f"Simulation inconnue « {key} » : choisissez parmi {', '.join(APPS)}.")
    app = APPS[key]
    view = app.view_class()()
    # stable hooks for the browser tests and the latency benchmark
    view.widget.add_class("kit-view")
    view.image.add_class("kit-figure")
    view.summary.add_class("kit-summary")
    questions = widgets.HTML(
        f"<div class='kit-questions'>{_markdown_html(questions_markdown(app))}</div>",
        layout=widgets.Layout(flex="1 1 24em", min_width="20em", max_width="46em", padding="0 1em"),
    )
    width = max(view.figure.canvas.get_width_height()[0], 620)  # figure or controls (38em)
    view.widget.layout = widgets.Layout(flex="0 1 auto", width=f"{width + 16}px", max_width="100%")
    panel = widgets.Box(
        [view.widget, questions],
        layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="flex-start"),
    )
    return view, panel


def show(key: str):
    """Display the app ``key`` (used by the notebooks of ``apps/``); return the view."""
    from IPython.display import display

    view, panel = app_panel(key)
    display(panel)
    return view
