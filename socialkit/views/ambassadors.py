"""Module 6 — employee ambassadors: extra reach versus off-message risk.

Thin view over :mod:`socialkit.models.ambassadors`.
"""

from __future__ import annotations

from socialkit import colours, fr
from socialkit.models import ambassadors
from socialkit.plots import french_ticks
from socialkit.views.base import (
    FONT_LABEL,
    FONT_SMALL,
    ModelView,
    checkbox,
    int_slider,
    nice_upper,
    slider,
)

__all__ = ["AmbassadorsView"]

_MAX_AMBASSADORS = 50


class AmbassadorsView(ModelView):
    """Controls: number of ambassadors, shares per month, audience overlap, training, charter."""

    title = "Ambassadeurs : portée supplémentaire et risque de message hors charte"

    def _build_controls(self):
        return {
            "ambassadeurs": int_slider("Nombre d'ambassadeurs", 10, 0, _MAX_AMBASSADORS),
            "partages": slider("Partages par ambassadeur et par mois", 4.0, 0.0, 20.0, 1.0),
            "chevauchement": slider("Chevauchement des audiences (0 à 1)", 0.3, 0.0, 0.9, 0.05),
            "formation": checkbox("Les ambassadeurs ont suivi une formation", True),
            "charte": checkbox("Les ambassadeurs ont signé une charte", True),
        }

    def _setup_plot(self, fig):
        fig.subplots_adjust(left=0.11, right=0.89, top=0.96, bottom=0.14)
        ax = self.ax = fig.add_subplot(111)
        self.ax_risk = ax.twinx()
        (self.line_total,) = ax.plot(
            [], [], color=colours.BLUE, lw=2.2, label="Portée totale / mois (trait plein)"
        )
        (self.point,) = ax.plot([], [], "o", color=colours.BLUE, ms=8)
        (self.line_risk,) = self.ax_risk.plot(
            [],
            [],
            color=colours.VERMILION,
            lw=1.8,
            ls="--",
            label="Messages hors charte / mois (tirets, axe de droite)",
        )
        ax.set_xlim(0, _MAX_AMBASSADORS)
        ax.set_xlabel("Nombre d'ambassadeurs", fontsize=FONT_LABEL)
        ax.set_ylabel("Personnes atteintes par mois", fontsize=FONT_LABEL, color=colours.BLUE)
        self.ax_risk.set_ylabel(
            "Messages hors charte attendus", fontsize=FONT_LABEL, color=colours.VERMILION
        )
        ax.grid(alpha=0.3)
        ax.legend(handles=[self.line_total, self.line_risk], fontsize=FONT_SMALL, loc="upper left")
        self._ymax = None
        self._rmax = None
        french_ticks(ax, self.ax_risk)
        self.animate(self.line_total, self.point, self.line_risk)

    def _compute(self, values):
        params = {
            "posts_per_month": values["partages"],
            "overlap": values["chevauchement"],
            "trained": bool(values["formation"]),
            "charter": bool(values["charte"]),
        }
        sweep = ambassadors.sweep_arrays(range(0, _MAX_AMBASSADORS + 1), **params)
        current = ambassadors.simulate_ambassadors(values["ambassadeurs"], **params)
        return sweep, current, values

    def _draw(self, result):
        sweep, current, values = result
        n = sweep["ambassadeurs"]
        total = sweep["portee_totale"]
        risk = sweep["hors_message_attendus"]
        self.line_total.set_data(n, total)
        self.point.set_data([values["ambassadeurs"]], [current["portee_totale"]])
        self.line_risk.set_data(n, risk)
        self._ymax = nice_upper(float(total.max()), self._ymax, 100.0)
        self._rmax = nice_upper(float(risk.max()), self._rmax, 1.0)
        self.set_limits(self.ax, y=(0.0, self._ymax))
        self.set_limits(self.ax_risk, y=(0.0, self._rmax))

    def _describe(self, result):
        _, c, _ = result
        return (
            f"Portée totale : <b>{fr.number(c['portee_totale'])} personnes par mois</b> "
            f"(+{fr.percent(c['gain_pct'], 0)} par rapport à l'institution seule, "
            f"{fr.number(c['portee_institution'])}) · messages hors charte attendus : "
            f"<b>{fr.number(c['hors_message_attendus'], 1)} par mois</b> · probabilité d'au "
            f"moins un : {fr.percent(100 * c['proba_au_moins_un'], 0)}"
        )
