"""Figures quoted in the lecture notebooks and the answer key agree with the data.

A lecture sentence that quotes a share (« un commentaire sur deux (52 %) ») is read from the
notebook and compared with the same computation on ``datasets/``: regenerating the data with
other figures fails here until the sentence is updated. Modules 2 and 4 quote the same
office-hours share of comments on institutional pages (one story per figure).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from socialkit import load, metrics
from socialkit.analysis import funnel, strategy

ROOT = Path(__file__).resolve().parent.parent


def markdown(notebook: str) -> str:
    cells = json.loads((ROOT / "course" / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.fixture(scope="module")
def data():
    return {n: load(n) for n in ("comptes", "publications", "commentaires", "abonnes", "mentions")}


def _office_shares(data):
    pages = data["comptes"].loc[data["comptes"]["type_compte"] == "institutionnel", "compte_id"]
    com = data["commentaires"]
    on_pages = com["compte_id"].isin(pages)
    return (
        strategy.office_hours_share(com[on_pages]),
        strategy.office_hours_share(com[~on_pages]),
        on_pages.mean() * 100,
    )


def test_modules_2_and_4_quote_the_same_office_hours_share(data):
    pages, personal, share_pages = _office_shares(data)
    quoted = "(" + f"{pages:.1f}".replace(".", ",") + " %"
    m2, m4 = markdown("02-strategie-globale.ipynb"), markdown("04-interactions.ipynb")
    assert f"un commentaire sur deux {quoted})" in m2
    assert f"un commentaire sur deux {quoted}, comme au module 2)" in m4
    assert 45 <= pages <= 55  # « un commentaire sur deux »
    assert "quatre commentaires sur cinq tombent hors des heures de bureau" in m2
    assert 75 <= 100 - personal <= 85
    assert "près de trois commentaires sur quatre" in m2
    assert 70 <= 100 - share_pages <= 77


def test_module_7_response_rates(data):
    table = funnel.stage_metrics(
        data["publications"], data["commentaires"], data["abonnes"], data["mentions"],
        data["comptes"],
    )  # fmt: skip
    rates = table["taux_reponse"].dropna().sort_values(ascending=False)
    text = markdown("07-amplificateurs.ipynb")
    assert "répondent à six demandes sur dix en quelques" in text
    assert 55 <= rates.iloc[0] <= 65 and 55 <= rates.iloc[1] <= 65
    assert table.loc[rates.index[:2], "delai_median_h"].max() < 12  # « en quelques heures »
    assert "d'autres à une sur trois ou une sur quatre après presque un jour" in text
    slow = table[table["delai_median_h"] > 18]
    assert slow["taux_reponse"].between(24, 37).sum() >= 3
    assert rates.iloc[-1] == 0  # « l'athénée ne répond pas du tout »
    assert rates.index[-1] == "I10"


def test_answer_key_control_figures(data):
    key = (ROOT / "docs" / "instructor" / "answer_key.md").read_text(encoding="utf-8")
    com = data["commentaires"]
    pages, personal, share_pages = _office_shares(data)
    inst = data["comptes"].loc[data["comptes"]["type_compte"] == "institutionnel", "compte_id"]

    def fr(x: float) -> str:
        return f"{x:.1f}".replace(".", ",") + " %"

    rate_all = metrics.response_rate(com)
    rate_pages = metrics.response_rate(com[com["compte_id"].isin(inst)])
    assert f"{fr(rate_all)} sur l'ensemble des comptes, {fr(rate_pages)} sur les pages" in key
    assert f"{fr(pages)} des commentaires des pages institutionnelles" in key
    assert f"{fr(personal)} de ceux des comptes personnels" in key
    assert f"qui portent {round(100 - share_pages)} % des commentaires" in key
    median = metrics.response_time_summary(com)["mediane"]
    h, m = divmod(round(median * 60), 60)
    assert re.search(rf"médiane ≈ {h} h {m:02d}, p90", key)
