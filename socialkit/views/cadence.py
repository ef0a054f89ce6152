"""Module 3 — « Communiquer de manière continue »: cadence, regularity and habit.

Thin view over :mod:`socialkit.models.cadence`.
"""

from __future__ import annotations

import numpy as np

from socialkit import colours, fr
from socialkit.models import cadence
from socialkit.plots import french_ticks
from socialkit.views.base import (
    FONT_LABEL,
    FONT_TITLE,
    ModelView,
    dropdown,
    nice_upper,
    slider,
)

__all__ = ["CadenceView"]


class CadenceView(ModelView):
    """Sliders: publications per week, regularity, content interest, duration."""

    title = "Rythme de publication, habitude et portée"
    figsize = (8.4, 4.6)

    def _build_controls(self):
        return {
            "cadence": slider("Publications par semaine", 3.0, 0.0, 21.0, 0.5),
            "regularite": slider("Régularité (1 = toujours au même créneau)", 0.8, 0.0, 1.0, 0.05),
            "interet": slider("Intérêt du contenu (1 = moyen)", 1.0, 0.2, 2.0, 0.1),
            "semaines": dropdown(
                "Durée simulée",
                [
                    ("13 semaines (un trimestre)", 13),
                    ("26 semaines", 26),
                    ("52 semaines (un an)", 52),
                ],
                value=52,
            ),
        }

    def _setup_plot(self, fig):
        fig.subplots_adjust(left=0.1, right=0.98, top=0.93, bottom=0.12, hspace=0.4)
        self.ax_reach = fig.add_subplot(211)
        self.ax_habit = fig.add_subplot(212, sharex=self.ax_reach)
        self.ax_reach.tick_params(labelbottom=False)
        (self.line_reach,) = self.ax_reach.plot([], [], color=colours.BLUE, lw=1.2)
        (self.line_habit,) = self.ax_habit.plot([], [], color=colours.VERMILION, lw=1.8)
        self.ax_reach.set_title(
            "Portée du jour (personnes)", fontsize=FONT_TITLE, loc="left", y=1.0, pad=3
        )
        self.ax_habit.set_title(
            "Habitude de l'audience (0 à 1)", fontsize=FONT_TITLE, loc="left", y=1.0, pad=3
        )
        self.ax_habit.set_xlabel("Jour", fontsize=FONT_LABEL)
        for ax in (self.ax_reach, self.ax_habit):
            ax.grid(alpha=0.3)
        self.ax_habit.set_ylim(0.0, 1.0)
        self._ymax = None
        french_ticks(self.ax_reach, self.ax_habit)
        self.animate(self.line_reach, self.line_habit)

    def _compute(self, values):
        run = cadence.run_cadence(
            posts_per_week=values["cadence"],
            regularity=values["regularite"],
            interest=values["interet"],
            weeks=values["semaines"],
        )
        return run, cadence.summarise_run(run)

    def _draw(self, result):
        run, _ = result
        days, reach = run.jour, run.portee
        self.line_reach.set_data(days, reach)
        self.line_habit.set_data(days, run.habitude)
        self._ymax = nice_upper(float(np.max(reach)) if reach.size else 0.0, self._ymax, 10.0)
        self.set_limits(self.ax_reach, x=(1.0, float(days[-1])), y=(0.0, self._ymax))

    def _describe(self, result):
        _, s = result
        sign = "+" if s["variation_abonnes"] >= 0 else ""
        mean_reach = fr.number(s["portee_moyenne_par_publication"])
        return (
            f"Portée moyenne par publication : <b>{mean_reach} personnes</b> · "
            f"habitude finale : <b>{fr.number(s['habitude_finale'], 2)}</b> · "
            f"abonnés à la fin : <b>{fr.number(s['abonnes_finaux'])}</b> "
            f"({sign}{fr.number(s['variation_abonnes'])}) · "
            f"jours sans publication : {fr.percent(s['part_jours_sans_publication'], 0)}"
            f" (plus long silence : {fr.plural(s['plus_long_silence'], 'jour')})"
        )
