"""Module 5 — audit explorer: thresholds of the audit grid → failing accounts and institutions.

Thin view over :mod:`socialkit.analysis.audit`: the raw figures of every account are computed once
(:func:`socialkit.analysis.audit.account_facts`), each control move only re-applies the
thresholds (:func:`socialkit.analysis.audit.apply_thresholds`) and rolls up per institution
(:func:`socialkit.analysis.audit.scorecard`).
:func:`plot_scorecard` draws the same chart once, for a
lecture notebook.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import font_manager
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from socialkit import fr
from socialkit.analysis import audit
from socialkit.data import load
from socialkit.plots import COLOURS, HATCHES, level_legend, short_name, style_score_axes
from socialkit.views.base import (
    FONT_SMALL,
    FONT_TITLE,
    ModelView,
    checkbox,
    dropdown,
    int_slider,
    slider,
)

__all__ = ["AuditView", "AUDIT_DATE"]

#: Audit date of the sample data: the morning after the last day of the period.
AUDIT_DATE = "2026-09-01"
_NAME_CHARS = 30
_MAX_ROWS = 25


_LABEL_PX = 15  # label font size in pixels (≈ 11 pt at the view's 96 dpi)


@lru_cache(maxsize=2)
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    family = font_manager.FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal")
    return ImageFont.truetype(font_manager.findfont(family), _LABEL_PX)


@lru_cache(maxsize=512)
def _label(text: str, bold: bool = False) -> np.ndarray:
    """A text label as an RGBA array, rendered once with PIL (matplotlib text is slow to redraw).

    The moving labels of the view (institution names in score order, scores) are pasted into
    two overlay images instead of being drawn as matplotlib texts at every update.
    """
    font = _font(bold)
    left, top, right, bottom = font.getbbox(text or " ")
    image = PILImage.new("RGBA", (max(1, right - left + 1), _LABEL_PX + 4), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((-left, 1), text, font=font, fill=(25, 25, 25, 255))
    return np.asarray(image)


def _paste(overlay: np.ndarray, label: np.ndarray, x: int, y_centre: float, right: bool) -> None:
    """Paste ``label`` into ``overlay`` (row 0 = top), right- or left-aligned at column x."""
    h, w = label.shape[:2]
    top = int(round(overlay.shape[0] - y_centre - h / 2))
    left = x - w if right else x
    top, left = max(0, top), max(0, left)
    h, w = min(h, overlay.shape[0] - top), min(w, overlay.shape[1] - left)
    if h > 0 and w > 0:
        overlay[top : top + h, left : left + w] = label[:h, :w]


class AuditView(ModelView):
    """Controls: dormancy, response rate, median delay, silence, 2FA, charter, institution.

    Data default to the course sample (``load``); pass the four tables to audit others.
    """

    title = "Explorateur d'audit : qui passe sous la barre ?"
    figsize = (8.6, 5.6)

    def __init__(
        self,
        comptes: pd.DataFrame | None = None,
        publications: pd.DataFrame | None = None,
        commentaires: pd.DataFrame | None = None,
        institutions: pd.DataFrame | None = None,
        end: Any = AUDIT_DATE,
    ) -> None:
        comptes = load("comptes") if comptes is None else comptes
        publications = load("publications") if publications is None else publications
        commentaires = load("commentaires") if commentaires is None else commentaires
        self.institutions = load("institutions") if institutions is None else institutions
        # heavy part, once: every slider move only re-thresholds these figures
        self.facts = audit.account_facts(comptes, publications, commentaires, end)
        ids = self.facts["institution_id"].unique()
        self._n = len(pd.Index(self.institutions["institution_id"].astype(str)).union(ids))
        names = self.institutions.set_index("institution_id")["nom"].astype(str)
        self._names = names
        self._choices = [("Toutes les institutions", "")] + [
            (f"{short_name(names.get(i, i))} ({i})", i) for i in sorted(ids)
        ]
        super().__init__()

    def _build_controls(self):
        return {
            "dormant_jours": int_slider("Dormant après (jours sans publication)", 90, 30, 365, 5),
            "taux_min": slider("Taux de réponse minimum (%)", 50.0, 0.0, 100.0, 5.0),
            "delai_max": int_slider("Délai médian de réponse maximum (heures)", 24, 1, 168),
            "silence_max": int_slider("Silence maximum toléré (jours)", 30, 7, 180, 1),
            "exiger_2fa": checkbox("Exiger la double authentification", True),
            "exiger_charte": checkbox("Exiger une charte de modération", True),
            "institution": dropdown("Comptes affichés", self._choices, value=""),
        }

    def _setup_plot(self, fig):
        n = self._n
        fig.subplots_adjust(left=0.33, right=0.86, top=0.95, bottom=0.17)
        ax = self.ax = fig.add_subplot(111)
        style_score_axes(ax, n, fontsize=FONT_SMALL)
        ax.set_title(
            "Score d'audit par institution",
            fontsize=FONT_TITLE,
            loc="left",
            y=1.0,
            pad=3,
        )
        ax.text(1.01, 1.0, "Score", transform=ax.transAxes, fontsize=FONT_SMALL, va="bottom")
        # under the axis, so that it never hides a bar
        level_legend(
            ax, fontsize=FONT_SMALL, loc="upper center", bbox_to_anchor=(0.35, -0.1), ncol=3
        )
        self.bars = list(ax.barh(np.arange(n), np.zeros(n), height=0.7, color=COLOURS["rouge"]))
        for bar in self.bars:
            bar.set_linewidth(0)
        # labels that move with the ranking: two overlay images (left names, right scores)
        width, height = fig.canvas.get_width_height()
        self._name_right = int(0.325 * width)
        self._score_left = int(0.865 * width)
        self._names_img = np.zeros((height, self._name_right + 2, 4), dtype=np.uint8)
        self._scores_img = np.zeros((height, width - self._score_left, 4), dtype=np.uint8)
        self.names_overlay = fig.figimage(self._names_img, 0, 0, origin="upper")
        self.scores_overlay = fig.figimage(self._scores_img, self._score_left, 0, origin="upper")
        self._centres = ax.transData.transform(np.column_stack([np.zeros(n), np.arange(n)]))[:, 1]
        self.animate(*self.bars, self.names_overlay, self.scores_overlay)

    def _compute(self, values):
        table = audit.apply_thresholds(
            self.facts,
            dormant_days=values["dormant_jours"],
            min_response_rate=values["taux_min"],
            max_median_hours=values["delai_max"],
            max_silence_days=values["silence_max"],
            require_2fa=values["exiger_2fa"],
            require_charter=values["exiger_charte"],
        )
        card = audit.scorecard(table, self.institutions)
        return table, card, values["institution"]

    def _draw(self, result):
        _, card, chosen = result
        scores = card["score"].to_numpy(dtype=float)
        rows = zip(card["institution_id"], card["nom"], card["couleur"], scores, strict=True)
        self._names_img[:] = 0
        self._scores_img[:] = 0
        for bar in self.bars[len(card) :]:
            bar.set_width(0)
        for bar, centre, (inst, name, colour, score) in zip(
            self.bars, self._centres, rows, strict=False
        ):
            mine = inst == chosen
            bar.set_width(score)
            bar.set_facecolor(COLOURS[colour])
            bar.set_hatch(HATCHES[colour])
            # hatch lines take the edge colour; the chosen institution gets a black outline
            bar.set_edgecolor("black" if mine else "white")
            bar.set_linewidth(1.5 if mine else 0)
            _paste(self._names_img, _label(short_name(name), mine), self._name_right, centre, True)
            score_text = f"{fr.number(score)} · {colour}"
            _paste(self._scores_img, _label(score_text, mine), 2, centre, False)
        self.names_overlay.set_data(self._names_img)
        self.scores_overlay.set_data(self._scores_img)

    def _describe(self, result):
        table, card, chosen = result
        rows = table[table["raisons"] != ""]
        if chosen:
            rows = rows[rows["institution_id"] == chosen]
        counts = card["couleur"].value_counts()
        head = (
            f"Institutions : <b>{counts.get('vert', 0)} en vert</b>"
            f" · <b>{counts.get('orange', 0)} en orange</b>"
            f" · <b>{counts.get('rouge', 0)} en rouge</b>"
            f" · comptes dormants : <b>{int(table['dormant'].sum())}</b>"
            f" sur {len(table)} · comptes avec au moins un critère en échec : "
            f"<b>{int((table['raisons'] != '').sum())}</b>"
        )
        if chosen:
            line = card[card["institution_id"] == chosen].iloc[0]
            head += (
                f"<br><b>{html.escape(line['nom'])}</b> : score {fr.number(line['score'])}"
                f" · taux de réponse {fr.percent(line['taux_reponse'], 0)}"
                f" · {html.escape(line['verdict'])}"
            )
        if rows.empty:
            return head + "<br><i>Aucun compte en échec avec ces seuils.</i>"
        rows = rows.sort_values(["score", "institution_id"]).head(_MAX_ROWS)
        columns = [
            rows.index,
            rows["institution_id"],
            rows["plateforme"],
            rows["nom_affiche"],
            rows["score"],
            rows["raisons"],
        ]
        cells = "".join(
            f"<tr><td>{cid}</td><td>{inst}</td><td>{platform}</td>"
            f"<td>{html.escape(short_name(name))}</td>"
            f"<td style='text-align:right'>{fr.number(score)}</td>"
            f"<td style='text-align:left'>{html.escape(why)}</td></tr>"
            for cid, inst, platform, name, score, why in zip(*columns, strict=True)
        )
        style = "style='font-size:85%;border-collapse:collapse'"
        return (
            f"{head}<table {style}><tr><th>Compte</th><th>Inst.</th><th>Plateforme</th>"
            f"<th>Nom affiché</th><th>Score</th><th>Raisons</th></tr>{cells}</table>"
        )
