"""The import assistant: pure report functions, and the widget as a thin view over them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from socialkit import DataError, load
from socialkit.importers.assistant import inspect_export, save_report
from socialkit.views import ImportAssistant

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
FB = EXPORTS / "meta_facebook_posts.csv"
X = EXPORTS / "account_analytics_content_2026-07-01_2026-07-31.csv"
LINKEDIN = EXPORTS / "commune-de-val-des-saules_content_1793491200000.xls"


def _inspect(path: Path, **options):
    return inspect_export(path.name, path.read_bytes(), **options)


def test_report_of_a_good_export():
    report = _inspect(LINKEDIN, sujet="emploi_recrutement")
    assert report.ok and report.error is None
    assert report.platform == "LinkedIn"
    assert report.period == "du 3 septembre 2026 au 13 octobre 2026"
    assert report.summary().startswith("LinkedIn : 4 publications du 3 septembre 2026")
    assert "feuille « All posts »" in report.summary()
    assert any("LinkedIn ne donne que le jour" in p for p in report.problems)
    preview = report.preview()
    assert list(preview.columns)[:3] == ["publiée le", "format", "portée"]
    assert preview["publiée le"].iloc[0] == "03/09/2026 12:00"
    assert len(_inspect(FB).preview(rows=2)) == 2


def test_report_of_a_bad_file_never_raises():
    report = inspect_export(
        "capture.png", (EXPORTS / "bad" / "capture_statistiques.png").read_bytes()
    )
    assert not report.ok and report.table is None
    assert report.error.startswith("Fichier « capture.png » : c'est une image (PNG)")
    assert "/tmp" not in report.error
    assert report.preview().empty and report.period == ""


def test_save_report_adds_to_the_folder_and_replaces_same_ids(tmp_path):
    first = _inspect(FB, sujet="evenement_culture", abonnes=5100)
    save_report(first, tmp_path)
    linkedin = _inspect(LINKEDIN, sujet="emploi_recrutement", abonnes=800)
    save_report(linkedin, tmp_path)
    again = _inspect(FB, sujet="dechets_environnement", abonnes=5200)
    path = save_report(again, tmp_path)
    posts = load("publications", folder=tmp_path)
    assert path == tmp_path / "publications.csv"
    assert len(posts) == 3 + 4
    facebook = posts[posts["compte_id"] == "Commune de Val-des-Saules"]
    assert facebook["sujet"].eq("dechets_environnement").all()
    assert posts["publie_le"].is_monotonic_increasing


def test_save_report_refuses_in_french_and_writes_nothing(tmp_path):
    report = _inspect(X)  # no subject, no format: the kit cannot store it yet
    with pytest.raises(DataError, match="« sujet » manque pour 2 publication"):
        save_report(report, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_widget_is_a_thin_view(tmp_path):
    view = ImportAssistant(folder=str(tmp_path / "mes_donnees"))
    assert view.save_button.disabled and view.status.value == ""
    view.load_file(X.name, X.read_bytes())
    assert "X : 2 publications du 2 juillet 2026 au 14 juillet 2026" in view.status.value
    assert "Points d'attention" in view.problems.value
    assert view.table.value.count("<tr") == 1 + 2  # header and two posts
    view.save_button.click()  # no subject yet: French refusal, nothing written
    assert "« sujet » manque" in view.status.value
    assert not (tmp_path / "mes_donnees" / "publications.csv").exists()
    view.subject.value = "travaux_mobilite"
    view.account.value = "X-commune"
    assert view.report.table["compte_id"].eq("X-commune").all()
    view.save_button.click()  # formats still unknown
    assert "« format » manque pour 2 publication" in view.status.value
    view.missing_format.value = "texte"
    assert any("format « texte » donné à 2 publications" in p for p in view.report.problems)
    view.save_button.click()
    assert "Enregistré dans" in view.status.value
    saved = load("publications", folder=tmp_path / "mes_donnees")
    assert saved["sujet"].eq("travaux_mobilite").all() and len(saved) == 2


def test_widget_shows_the_error_of_a_bad_file_and_asks_for_dayfirst():
    view = ImportAssistant()
    ambiguous = EXPORTS / "meta_instagram_posts_ambiguous_dates.csv"
    view.load_file(ambiguous.name, ambiguous.read_bytes())
    assert "dayfirst=True" in view.status.value and view.save_button.disabled
    view.order.value = "jour/mois"
    assert view.report.ok and not view.save_button.disabled
    first = view.report.table.set_index("publication_id").loc["18050000000000001", "publie_le"]
    assert first == pd.Timestamp("2025-11-03 10:00", tz="Europe/Brussels")
