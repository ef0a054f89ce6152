"""A trainee's own folder, templates filled, runs the M4, M5, M7 and M8 helpers end to end.

The fixture institution « Commune de Blanc-Ruisseau » (I99, tests/fixtures/mes_donnees, written
by tests/fixtures/make_exports.py) is not in the sample data. Its tables are saved the way a
trainee would save them: CSV from a Belgian Excel (``;``, BOM, Windows-1252, ``02/06/2026``
dates, ``0,4`` decimals) and Excel workbooks (real date cells, ``oui``/``non``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from socialkit import load, metrics
from socialkit.analysis import audit, funnel, interactions, plan
from socialkit.schema import TABLES

OWN = Path(__file__).resolve().parent / "fixtures" / "mes_donnees"
END = "2026-11-01"
START = "2026-06-01"


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return {name: load(name, folder=OWN) for name in TABLES}


def test_every_table_of_the_folder_loads_typed(t):
    assert t["institutions"]["institution_id"].tolist() == ["I99"]
    assert t["institutions"]["population_desservie"].iloc[0] == 12400  # "12.400" in the CSV
    assert len(t["comptes"]) == 4 and t["comptes"]["officiel"].all()
    assert str(t["publications"]["publie_le"].dt.tz) == "Europe/Brussels"
    assert t["abonnes"]["date"].min() == pd.Timestamp(START)  # 01/06/2026, day first
    assert t["mentions"]["sentiment"].between(-1, 1).all()
    replied = t["commentaires"].dropna(subset=["repondu_le"])
    assert (replied["repondu_le"] > replied["cree_le"]).all()
    known = set(t["comptes"]["compte_id"])
    assert set(t["publications"]["compte_id"]) <= known
    assert set(t["commentaires"]["publication_id"]) <= set(t["publications"]["publication_id"])


def test_m4_response_rate_times_and_unanswered(t):
    com = interactions.add_institution(t["commentaires"], t["comptes"], t["institutions"])
    needing = com[com["necessite_reponse"]]
    expected = needing["repondu_le"].notna().mean() * 100
    assert metrics.response_rate(com) == pytest.approx(expected)
    summary = metrics.response_time_summary(com)
    assert summary["n"] == needing["repondu_le"].notna().sum()
    assert 0 < summary["mediane"] <= summary["p90"] < 48
    table = interactions.responsiveness_table(com, t["comptes"])
    assert table.index.tolist() == ["I99"]
    assert len(interactions.unanswered(com)) == needing["repondu_le"].isna().sum()
    assert interactions.delay_by_weekday_hour(com).notna().any().any()
    sla = interactions.sla_compliance(com)
    assert not sla.empty


def test_m5_audit_finds_the_dormant_account(t):
    posts, accounts = t["publications"], t["comptes"]
    dormant = metrics.is_dormant(posts, accounts=accounts, end=END, days=90)
    assert dormant[dormant].index.tolist() == ["X-commune"]
    facts = audit.account_facts(accounts, posts, t["commentaires"], end=END, start=START)
    assert facts.loc["FB-commune", "nb_publications"] == (posts["compte_id"] == "FB-commune").sum()
    result = audit.audit_accounts(accounts, posts, t["commentaires"], end=END, start=START)
    assert result["score"].idxmin() == "X-commune"
    card = audit.scorecard(result, t["institutions"])
    assert card["nom"].tolist() == ["Commune de Blanc-Ruisseau"]
    assert card["nb_dormants"].iloc[0] == 1


def test_m7_stage_metrics_for_the_own_institution(t):
    officiels = funnel.official_accounts(t["comptes"], "I99")
    assert len(officiels) == 4
    stages = funnel.stage_metrics(
        t["publications"], t["commentaires"], t["abonnes"], t["mentions"], t["comptes"]
    )
    row = stages.loc["I99"]
    assert row["part_de_voix"] == pytest.approx(100.0)  # only its own mentions
    assert np.isfinite(row[["portee_moyenne", "taux_engagement", "taux_reponse"]]).all()
    assert funnel.weakest_stage(stages, "I99") in funnel.STAGES
    assert not funnel.stage_card(stages, "I99").empty


def test_m8_baselines_indicators_and_a_calendar_from_any_date(t):
    base = plan.baselines(
        t["publications"], t["commentaires"], t["abonnes"], t["mentions"], t["comptes"], "I99"
    )
    assert np.isfinite(base[["taux_portee", "taux_engagement"]].astype(float)).all()
    table = plan.indicator_table(base, {"taux_portee": 9.0, "taux_engagement": 3.0})
    assert len(table) >= 2
    slots = plan.regular_slots("2026-11-09", weeks=4, days=["mardi"], times=["12:30"])
    calendar = plan.build_calendar(
        slots,
        [("evenement_culture", "photo", "notoriété", "Concert de Noël au kiosque")],
        compte_id="FB-commune",
        plateforme="facebook",
    )
    assert len(calendar) == 4
    assert plan.calendar_problems(calendar, accounts=t["comptes"]) == []


def test_m8_exports_of_the_fixture_institution(t, tmp_path):
    from icalendar import Calendar

    slots = plan.regular_slots("2026-11-09", weeks=4, days=["mardi", "jeudi"], times=["12:30"])
    contents = [
        ("evenement_culture", "photo", "notoriété", "Concert de Noël au kiosque"),
        ("dechets_environnement", "lien", "après-service", "Sapins : collecte le 8 janvier"),
    ]
    calendar = plan.build_calendar(slots, contents, compte_id="FB-commune", plateforme="facebook")
    name = t["institutions"]["nom"].iloc[0]
    paths = plan.export_paths(name, tmp_path)
    assert paths["ics"].name == "plan_Commune-de-Blanc-Ruisseau_calendrier.ics"
    plan.to_csv(calendar, paths["csv"])
    plan.to_ics(calendar, paths["ics"], name=f"Plan éditorial — {name}")
    parsed = Calendar.from_ical(paths["ics"].read_bytes())
    events = parsed.walk("VEVENT")
    assert len(events) == 8
    assert str(events[0]["summary"]) == "Facebook · Concert de Noël au kiosque (photo)"
    assert plan.read_calendar(paths["csv"])["date_heure"].tolist() == (
        calendar["date_heure"].tolist()
    )
    first = {str(e["uid"]) for e in events}
    calendar.loc[0, "texte"] = "Concert de Noël au kiosque, avec la chorale des écoles"
    plan.to_ics(calendar, paths["ics"])
    edited = Calendar.from_ical(paths["ics"].read_bytes()).walk("VEVENT")
    assert {str(e["uid"]) for e in edited} == first
