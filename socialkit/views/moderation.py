"""Module 4 — moderation team: staffing hours, headcount and response times.

Thin view over :mod:`socialkit.models.moderation`.
"""

from __future__ import annotations

import numpy as np

from socialkit import colours, fr
from socialkit.models import moderation
from socialkit.plots import french_ticks
from socialkit.views.base import (
    FONT_LABEL,
    FONT_SMALL,
    FONT_TITLE,
    ModelView,
    dropdown,
    int_slider,
    slider,
)

__all__ = ["ModerationView"]

_MAX_HOURS = 72.0


class ModerationView(ModelView):
    """Controls: headcount, staffing hours and days, minutes per answer, weekly volume."""

    title = "Modération : en combien de temps répondez-vous ?"

    def _build_controls(self):
        return {
            "effectif": int_slider("Personnes à la modération", 1, 1, 6),
            "horaires": dropdown(
                "Horaires de l'équipe",
                [
                    ("9 h – 17 h", (9.0, 17.0)),
                    ("8 h 30 – 17 h", (8.5, 17.0)),
                    ("8 h – 20 h", (8.0, 20.0)),
                    ("7 h – 22 h", (7.0, 22.0)),
                ],
                value=(8.5, 17.0),
            ),
            "jours": dropdown(
                "Jours couverts",
                [
                    ("Du lundi au vendredi", (0, 1, 2, 3, 4)),
                    ("Du lundi au samedi", (0, 1, 2, 3, 4, 5)),
                    ("7 jours sur 7", (0, 1, 2, 3, 4, 5, 6)),
                ],
                value=(0, 1, 2, 3, 4),
            ),
            "minutes": slider("Minutes par réponse", 6.0, 1.0, 20.0, 1.0),
            "volume": int_slider("Commentaires par semaine", 450, 50, 2000, 50),
        }

    def _setup_plot(self, fig):
        fig.subplots_adjust(left=0.09, right=0.98, top=0.91, bottom=0.14)
        ax = self.ax = fig.add_subplot(111)
        (self.line_cdf,) = ax.plot([], [], color=colours.BLUE, lw=2.2, drawstyle="steps-post")
        for hours, label in ((1, "1 h"), (4, "4 h"), (24, "24 h")):
            ax.axvline(hours, color=colours.GREY, lw=1.0, ls=":")
            ax.text(hours, 3, f" {label}", fontsize=FONT_SMALL, color=colours.GREY)
        ax.set_xlim(0.0, _MAX_HOURS)
        ax.set_ylim(0.0, 100.0)
        ax.set_xlabel("Délai de réponse (heures)", fontsize=FONT_LABEL)
        ax.set_ylabel("% des commentaires répondus", fontsize=FONT_LABEL)
        ax.set_title(
            "Part des commentaires répondus en moins de x heures",
            fontsize=FONT_TITLE,
            loc="left",
            y=1.0,
            pad=3,
        )
        ax.grid(alpha=0.3)
        french_ticks(ax)
        self.animate(self.line_cdf)

    def _compute(self, values):
        start, end = values["horaires"]
        run = moderation.run_moderation(
            moderation.default_weekly_profile(values["volume"]),
            staff_start=start,
            staff_end=end,
            staff_days=values["jours"],
            headcount=values["effectif"],
            handle_minutes=values["minutes"],
        )
        return run, moderation.summarise_delays(run.delai_h)

    def _draw(self, result):
        run, _ = result
        delays = np.sort(run.delai_h)
        share = 100.0 * np.arange(1, delays.size + 1) / max(1, delays.size)
        self.line_cdf.set_data(np.concatenate(([0.0], delays)), np.concatenate(([0.0], share)))

    def _describe(self, result):
        _, s = result
        return (
            f"{fr.number(s['commentaires'])} commentaires · délai médian : "
            f"<b>{fr.number(s['delai_median_h'], 1)} h</b> · 90 % des réponses en moins de "
            f"<b>{fr.number(s['delai_p90_h'], 1)} h</b> · répondus en moins d'1 h : "
            f"<b>{fr.percent(s['part_sous_1h'], 0)}</b> · en moins de 24 h : "
            f"{fr.percent(s['part_sous_24h'], 0)}"
        )
