"""The French HTML audit report: one call, self-contained, accessible, for own or sample data."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from socialkit import DataError, load
from socialkit.report import audit_report, main, recommend, report_context
from socialkit.schema import TABLES

OWN = Path(__file__).resolve().parent / "fixtures" / "mes_donnees"


class _Page(HTMLParser):
    """Every tag with its attributes, and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "img", "br", "link"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert page.open == [], f"unclosed tags: {page.open}"
    return page


@pytest.fixture(scope="module")
def own_report(tmp_path_factory) -> Path:
    return audit_report(folder=OWN, path=tmp_path_factory.mktemp("r") / "rapport.html")


def test_report_is_well_formed_french_and_self_contained(own_report):
    page = _parse(own_report)
    tags = [t for t, _ in page.tags]
    assert ("html", {"lang": "fr"}) in page.tags
    assert "script" not in tags and "link" not in tags  # nothing fetched from outside
    images = [a for t, a in page.tags if t == "img"]
    assert len(images) == 3
    for attrs in images:
        assert attrs["src"].startswith("data:image/png;base64,")
        assert len(attrs.get("alt", "")) > 40  # says what the chart shows
    text = " ".join(page.text)
    assert "Audit de la présence en ligne — Commune de Blanc-Ruisseau" in text
    for heading in ("Bulletin par compte", "Constats", "Rythme de publication",
                    "Réponses au public", "Actions recommandées"):  # fmt: skip
        assert heading in text


def test_report_findings_and_actions_on_the_fixture_institution(own_report):
    text = " ".join(_parse(own_report).text)
    assert "1 compte dormant sur 4" in text
    assert "Blanc-Ruisseau (X) : dernière publication le" in text
    assert "Fermer : Blanc-Ruisseau (X)" in text
    assert "Activer la double authentification : Blanc-Ruisseau (X)" in text
    comments = load("commentaires", folder=OWN)
    waiting = comments["necessite_reponse"] & comments["repondu_le"].isna()
    waiting &= comments["categorie"].isin(["question", "plainte"])
    assert f"Répondre aux {int(waiting.sum())} messages en attente" in text


def test_alt_text_carries_the_figures():
    tables = {name: load(name, folder=OWN) for name in TABLES}
    context = report_context(tables, "I99")
    scores = context["figures"]["scores"]
    assert 'alt="Score d&#x27;audit par compte, sur 100 : ' in scores
    assert "Blanc-Ruisseau (Instagram) 100 (vert) ; " in scores and "Blanc-Ruisseau (X) " in scores
    assert "par semaine en moyenne" in context["figures"]["cadence"]
    assert context["decisions"].loc["X-commune", "decision"] == "Fermer"
    assert set(context["decisions"]["decision"]) <= {"Garder", "Relancer", "Fermer"}


def test_report_for_a_sample_institution(tmp_path):
    path = audit_report("I05", path=tmp_path / "chu.html", end="2026-09-01")
    text = " ".join(_parse(path).text)
    assert "Audit de la présence en ligne — CHU de Val-des-Saules" in text
    assert "Période du 1 septembre 2025 au 31 août 2026" in text


def _audit_row(**values) -> dict:
    row = {
        "officiel": True,
        "doublon": False,
        "dormant": False,
        "score": 90.0,
        "nb_a_repondre": 0,
        "nb_repondus": 0,
        "jours_sans_publication": 3.0,
    }
    row.update(values)
    return row


def test_recommend_follows_the_module_5_grid():
    audit_df = pd.DataFrame(
        {
            "fake": _audit_row(officiel=False, score=0.0),
            "double": _audit_row(doublon=True, dormant=True, jours_sans_publication=200.0),
            "public": _audit_row(
                dormant=True, nb_a_repondre=5, nb_repondus=1, jours_sans_publication=120.0
            ),  # fmt: skip
            "empty": _audit_row(dormant=True, jours_sans_publication=400.0),
            "weak": _audit_row(score=55.0),
            "good": _audit_row(),
        }
    ).T
    out = recommend(audit_df)
    assert out["decision"].to_dict() == {
        "fake": "Signaler",
        "double": "Fusionner",
        "public": "Relancer",
        "empty": "Fermer",
        "weak": "Relancer",
        "good": "Garder",
    }
    assert (
        out.loc["public", "pourquoi"]
        == "120 jours sans publier, mais 4 messages du public sans réponse"
    )


def test_command_line_and_errors(tmp_path, capsys):
    target = tmp_path / "sortie" / "audit.html"
    assert main(["--dossier", str(OWN), "--sortie", str(target)]) == 0
    assert target.exists() and "Rapport écrit" in capsys.readouterr().out
    with pytest.raises(DataError, match="contient 14 institutions : indiquez laquelle"):
        audit_report(path=tmp_path / "x.html")
    with pytest.raises(DataError, match="Institution « I42 » absente"):
        audit_report("I42", folder=OWN, path=tmp_path / "x.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sortie"]
