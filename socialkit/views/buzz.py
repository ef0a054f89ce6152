"""Module 4 — bad buzz: how the response delay and quality change its final reach.

Thin view over :mod:`socialkit.models.buzz`.
"""

from __future__ import annotations

from socialkit import colours, fr
from socialkit.models import buzz
from socialkit.plots import french_ticks
from socialkit.views.base import (
    FONT_LABEL,
    FONT_SMALL,
    ModelView,
    dropdown,
    slider,
)

__all__ = ["BuzzView"]


class BuzzView(ModelView):
    """Sliders: response delay, response quality; dropdowns: topic virality, audience."""

    title = "Bad buzz : l'effet du délai et de la qualité de votre réponse"

    def _build_controls(self):
        return {
            "delai": slider("Délai de votre réponse officielle (heures)", 6.0, 0.0, 48.0, 0.5),
            "qualite": slider(
                "Qualité de la réponse (0 = défensive, 1 = transparente)", 0.5, 0.0, 1.0, 0.05
            ),
            "contagion": dropdown(
                "Sujet",
                [("Peu viral", 0.5), ("Viral", 0.8), ("Très viral", 1.2)],
                value=0.8,
            ),
            "audience": dropdown(
                "Audience exposée",
                [
                    ("5 000 personnes", 5000),
                    ("20 000 personnes", 20000),
                    ("100 000 personnes", 100000),
                ],
                value=20000,
            ),
        }

    def _setup_plot(self, fig):
        fig.subplots_adjust(left=0.09, right=0.98, top=0.96, bottom=0.14)
        ax = self.ax = fig.add_subplot(111)
        (self.line_heard,) = ax.plot(
            [], [], color=colours.BLUE, lw=2.2, label="Ont entendu parler (trait plein)"
        )
        (self.line_spread,) = ax.plot(
            [], [], color=colours.ORANGE, lw=1.8, ls="-.", label="Propagent (trait-point)"
        )
        (self.line_ref,) = ax.plot(
            [], [], color=colours.GREY, lw=1.6, ls="--", label="Sans réponse (tirets gris)"
        )
        self.line_delay = ax.axvline(
            0.0, color=colours.BLACK, lw=1.4, ls=":", label="Votre réponse (pointillé)"
        )
        ax.set_xlabel("Heures depuis le début", fontsize=FONT_LABEL)
        ax.set_ylabel("% de l'audience", fontsize=FONT_LABEL)
        ax.grid(alpha=0.3)
        ax.set_ylim(0.0, 100.0)
        ax.set_xlim(0.0, 72.0)
        ax.legend(fontsize=FONT_SMALL, loc="center right")
        french_ticks(ax)
        self.animate(self.line_ref, self.line_spread, self.line_heard, self.line_delay)

    def _compute(self, values):
        params = {"audience": values["audience"], "beta": values["contagion"]}
        curves = buzz.buzz_curves(delay_hours=values["delai"], quality=values["qualite"], **params)
        reference = buzz.buzz_curves(delay_hours=None, quality=0.0, **params)
        return curves, reference, values

    def _draw(self, result):
        curves, reference, values = result
        scale = 100.0 / values["audience"]
        hours = curves.heure
        self.line_heard.set_data(hours, curves.ont_entendu * scale)
        self.line_spread.set_data(hours, curves.propagateurs * scale)
        self.line_ref.set_data(hours, reference.ont_entendu * scale)
        self.line_delay.set_xdata([values["delai"], values["delai"]])

    def _describe(self, result):
        curves, reference, values = result
        reach = float(curves.ont_entendu[-1])
        ref = float(reference.ont_entendu[-1])
        share = 100.0 * reach / values["audience"]
        avoided = ref - reach
        return (
            f"Portée finale du bad buzz : <b>{fr.number(reach)} personnes</b> "
            f"({fr.percent(share, 0)} de l'audience) · sans réponse : {fr.number(ref)} · "
            f"personnes épargnées grâce à votre réponse : <b>{fr.number(avoided)}</b>"
        )
