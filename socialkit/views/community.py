"""Module 7 — growing a community: institutional push, word of mouth, quality of service.

Thin view over :mod:`socialkit.models.community`.
"""

from __future__ import annotations

from socialkit import colours, fr
from socialkit.models import community
from socialkit.plots import french_ticks
from socialkit.views.base import (
    FONT_LABEL,
    FONT_SMALL,
    FONT_TITLE,
    ModelView,
    dropdown,
    int_slider,
    nice_upper,
    slider,
)

__all__ = ["CommunityView"]

_WEEKS = 104


class CommunityView(ModelView):
    """Controls: p (institutional promotion), q (word of mouth), ambassadors, service, market."""

    title = "Faire grandir une communauté : promotion, bouche-à-oreille et service"
    figsize = (8.4, 4.6)

    def _build_controls(self):
        return {
            "promotion": slider(
                "Promotion institutionnelle (p, par semaine)",
                0.01,
                0.001,
                0.1,
                0.001,
                readout_format=".3f",
            ),
            "bouche_a_oreille": slider("Bouche-à-oreille (q, par semaine)", 0.2, 0.0, 0.6, 0.01),
            "ambassadeurs": int_slider("Nombre d'ambassadeurs", 0, 0, 30),
            "service": slider("Part des questions qui reçoivent une réponse", 0.5, 0.0, 1.0, 0.05),
            "marche": dropdown(
                "Public potentiel",
                [
                    ("2 000 personnes", 2000),
                    ("10 000 personnes", 10000),
                    ("50 000 personnes", 50000),
                ],
                value=10000,
            ),
        }

    def _setup_plot(self, fig):
        fig.subplots_adjust(left=0.1, right=0.98, top=0.93, bottom=0.12, hspace=0.4)
        self.ax_new = fig.add_subplot(211)
        self.ax_total = fig.add_subplot(212, sharex=self.ax_new)
        self.ax_new.tick_params(labelbottom=False)
        (self.line_new,) = self.ax_new.plot([], [], color=colours.PURPLE, lw=2.0)
        (self.line_peak,) = self.ax_new.plot([], [], color=colours.GREY, lw=1.4, ls="--")
        (self.line_followers,) = self.ax_total.plot(
            [], [], color=colours.BLUE, lw=2.0, label="Abonnés (trait plein)"
        )
        (self.line_active,) = self.ax_total.plot(
            [], [], color=colours.ORANGE, lw=2.0, ls="--", label="Communauté active (tirets)"
        )
        self.ax_new.set_title(
            "Nouveaux abonnés par semaine (tirets : pic prévu par Bass)",
            fontsize=FONT_TITLE,
            loc="left",
            y=1.0,
            pad=3,
        )
        self.ax_total.set_title(
            "Abonnés et communauté active", fontsize=FONT_TITLE, loc="left", y=1.0, pad=3
        )
        self.ax_total.set_xlabel("Semaine", fontsize=FONT_LABEL)
        self.ax_total.legend(fontsize=FONT_SMALL, loc="center right")
        for ax in (self.ax_new, self.ax_total):
            ax.grid(alpha=0.3)
        self.ax_new.set_xlim(1, _WEEKS)
        self._new_max = None
        french_ticks(self.ax_new, self.ax_total)
        self.animate(self.line_new, self.line_peak, self.line_followers, self.line_active)

    def _compute(self, values):
        p = values["promotion"]
        q_eff = community.effective_q(values["bouche_a_oreille"], values["ambassadeurs"])
        curves = community.community_curves(
            p,
            values["bouche_a_oreille"],
            values["marche"],
            weeks=_WEEKS,
            service_quality=values["service"],
            n_ambassadors=values["ambassadeurs"],
        )
        return curves, community.bass_peak_week(p, q_eff), values

    def _draw(self, result):
        curves, peak, values = result
        weeks, new = curves.semaine, curves.adoptants_nouveaux
        self.line_new.set_data(weeks, new)
        self._new_max = nice_upper(float(new.max()), self._new_max, 10.0)
        self.line_peak.set_data([peak, peak], [0.0, self._new_max])
        self.line_followers.set_data(weeks, curves.abonnes)
        self.line_active.set_data(weeks, curves.communaute_active)
        self.set_limits(self.ax_new, y=(0.0, self._new_max))
        self.set_limits(self.ax_total, y=(0.0, values["marche"] * 1.05))

    def _describe(self, result):
        curves, peak, _ = result
        peak_week = int(curves.semaine[curves.adoptants_nouveaux.argmax()])
        return (
            f"Pic des nouveaux abonnés : <b>semaine {peak_week}</b> "
            f"(formule de Bass : {fr.number(peak, 1)}) · abonnés après {_WEEKS} semaines : "
            f"<b>{fr.number(curves.abonnes[-1])}</b> · communauté active : "
            f"<b>{fr.number(curves.communaute_active[-1])}</b>"
        )
