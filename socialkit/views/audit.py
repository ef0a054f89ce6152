"""Module 5 — audit explorer: thresholds of the audit grid → failing accounts and institutions.

Thin view over :mod:`socialkit.analysis.audit`: the raw figures of every account are computed once
(:func:`socialkit.analysis.audit.account_facts`) and prepared once for re-scoring
(:class:`socialkit.analysis.audit.AuditGrid`); each control move only re-applies the thresholds
(:meth:`~socialkit.analysis.audit.AuditGrid.rescore`, the functions behind
:func:`~socialkit.analysis.audit.apply_thresholds` and :func:`~socialkit.analysis.audit.scorecard`
on numpy arrays) and writes the French reasons of the accounts shown.
:func:`plot_scorecard` draws the same chart once, for a lecture notebook.
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
    """A text label as an alpha mask (uint8, height × width), rendered once with PIL.

    The moving labels of the view (institution names in score order, scores) are blended
    straight into the rendered pixels (:meth:`AuditView._paint`) instead of being drawn as
    matplotlib texts or images at every update (both cost ~10 ms per update).
    """
    font = _font(bold)
    left, top, right, bottom = font.getbbox(text or " ")
    image = PILImage.new("L", (max(1, right - left + 1), _LABEL_PX + 4), 0)
    ImageDraw.Draw(image).text((-left, 1), text, font=font, fill=255)
    return np.asarray(image)


_INK = 25  # grey level of the labels (as matplotlib's near-black text)


def _blend(rgba: np.ndarray, mask: np.ndarray, x: int, y_centre: float, right: bool) -> None:
    """Blend the label ``mask`` in ink colour into ``rgba`` (row 0 = top), aligned at column x.

    ``y_centre`` is in display coordinates (from the bottom), ``right`` aligns the label's
    right edge on ``x`` (else its left edge).
    """
    h, w = mask.shape
    top = int(round(rgba.shape[0] - y_centre - h / 2))
    left = x - w if right else x
    if top < 0 or left < 0:
        mask = mask[max(0, -top) :, max(0, -left) :]
        top, left = max(0, top), max(0, left)
    h, w = min(mask.shape[0], rgba.shape[0] - top), min(mask.shape[1], rgba.shape[1] - left)
    if h <= 0 or w <= 0:
        return
    region = rgba[top : top + h, left : left + w, :3]
    alpha = mask[:h, :w, None].astype(np.uint16)
    region[:] = (region * (255 - alpha) + _INK * alpha + 127) // 255


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
        # heavy part, once: every control move only re-scores these figures (numpy, ~1 ms)
        self.facts = audit.account_facts(comptes, publications, commentaires, end)
        self.grid = audit.AuditGrid(self.facts, self.institutions)
        ids = self.grid.inst["ids"]
        self._n = len(ids)
        self._short = [
            short_name(n or i) for i, n in zip(ids, self.grid.inst["names"], strict=True)
        ]
        self._platforms = self.facts["plateforme"].to_numpy(dtype=object)
        self._display = [html.escape(short_name(n)) for n in self.facts["nom_affiche"]]
        present = set(self.grid.institution_of)
        self._choices = [("Toutes les institutions", "")] + [
            (f"{self._short[j]} ({i})", i) for j, i in enumerate(ids) if i in present
        ]
        self._position = {i: j for j, i in enumerate(ids)}
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
        # labels that move with the ranking: blended into the pixels by _paint
        width, _ = fig.canvas.get_width_height()
        self._name_right = int(0.325 * width)
        self._score_left = int(0.865 * width) + 2
        self._centres = ax.transData.transform(np.column_stack([np.zeros(n), np.arange(n)]))[:, 1]
        self._labels: list[tuple[np.ndarray, int, float, bool]] = []
        self.animate(*self.bars)

    def _compute(self, values):
        scores = self.grid.rescore(
            dormant_days=values["dormant_jours"],
            min_response_rate=values["taux_min"],
            max_median_hours=values["delai_max"],
            max_silence_days=values["silence_max"],
            require_2fa=values["exiger_2fa"],
            require_charter=values["exiger_charte"],
        )
        return scores, values["institution"]

    def _draw(self, result):
        scores, chosen = result
        ids, colours, values = self.grid.inst["ids"], scores["colour"], scores["inst_score"]
        labels = []
        for bar, centre, j in zip(self.bars, self._centres, scores["order"], strict=True):
            mine, colour = ids[j] == chosen, colours[j]
            bar.set_width(values[j])
            bar.set_facecolor(COLOURS[colour])
            bar.set_hatch(HATCHES[colour])
            # hatch lines take the edge colour; the chosen institution gets a black outline
            bar.set_edgecolor("black" if mine else "white")
            bar.set_linewidth(1.5 if mine else 0)
            labels.append((_label(self._short[j], mine), self._name_right, centre, True))
            score_text = f"{fr.number(values[j])} · {colour}"
            labels.append((_label(score_text, mine), self._score_left, centre, False))
        self._labels = labels

    def _paint(self, rgba):
        for mask, x, centre, right in self._labels:
            _blend(rgba, mask, x, centre, right)

    def _describe(self, result):
        scores, chosen = result
        counts = {c: int((scores["colour"] == c).sum()) for c in ("vert", "orange", "rouge")}
        failing = scores["nb_echecs"] > 0
        head = (
            f"Institutions : <b>{counts['vert']} en vert</b>"
            f" · <b>{counts['orange']} en orange</b>"
            f" · <b>{counts['rouge']} en rouge</b>"
            f" · comptes dormants : <b>{int(scores['dormant'].sum())}</b>"
            f" sur {len(failing)} · comptes avec au moins un critère en échec : "
            f"<b>{int(failing.sum())}</b>"
        )
        if chosen:
            j = self._position[chosen]
            head += (
                f"<br><b>{html.escape(self.grid.inst['names'][j])}</b> : score "
                f"{fr.number(scores['inst_score'][j])}"
                f" · taux de réponse {fr.percent(self.grid.rates[j], 0)}"
                f" · {html.escape(self.grid.verdict(scores, j))}"
            )
            failing &= self.grid.institution_of == chosen
        rows = np.flatnonzero(failing)
        if rows.size == 0:
            return head + "<br><i>Aucun compte en échec avec ces seuils.</i>"
        score = scores["score"]
        # worst first, ties by institution then account (the facts are sorted by compte_id)
        rows = rows[np.lexsort((self.grid.institution_of[rows].astype(str), score[rows]))]
        cells = "".join(
            f"<tr><td>{self.grid.account_ids[i]}</td><td>{self.grid.institution_of[i]}</td>"
            f"<td>{self._platforms[i]}</td><td>{self._display[i]}</td>"
            f"<td style='text-align:right'>{fr.number(score[i])}</td>"
            f"<td style='text-align:left'>{html.escape(self.grid.reasons(scores, i))}</td></tr>"
            for i in rows[:_MAX_ROWS]
        )
        style = "style='font-size:85%;border-collapse:collapse'"
        return (
            f"{head}<table {style}><tr><th>Compte</th><th>Inst.</th><th>Plateforme</th>"
            f"<th>Nom affiché</th><th>Score</th><th>Raisons</th></tr>{cells}</table>"
        )
