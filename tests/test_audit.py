"""Tests of socialkit.analysis.audit (account audit, institution scorecard) on small tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from tables import TZ, stamps

from socialkit import metrics
from socialkit.analysis import audit
from socialkit.schema import columns

END = "2026-09-01"


def make_accounts() -> pd.DataFrame:
    rows = [
        # id, inst, type, platform, officiel, site, admins, perso, 2fa, charter, created
        ("A1", "I1", "institutionnel", "facebook", True, True, 3, False, True, True, "2015-01-01"),
        (
            "A2",
            "I1",
            "institutionnel",
            "facebook",
            True,
            False,
            1,
            True,
            False,
            False,
            "2024-03-01",
        ),
        ("A3", "I1", "institutionnel", "x", True, True, None, False, True, True, "2016-01-01"),
        (
            "F1",
            "I1",
            "institutionnel",
            "facebook",
            False,
            False,
            None,
            False,
            False,
            False,
            "2026-02-01",
        ),
        ("B1", "I2", "institutionnel", "instagram", True, True, 2, False, True, True, "2018-01-01"),
        ("P1", "I1", "ambassadeur", "linkedin", True, False, 1, True, False, False, "2012-01-01"),
    ]
    df = pd.DataFrame(
        rows,
        columns=[
            "compte_id",
            "institution_id",
            "type_compte",
            "plateforme",
            "officiel",
            "reference_site_web",
            "nb_admins",
            "admins_profils_personnels",
            "double_authentification",
            "charte_moderation",
            "cree_le",
        ],
    )
    df["nb_admins"] = df["nb_admins"].astype("Int64")
    df["cree_le"] = pd.to_datetime(df["cree_le"])
    df["identifiant"] = df["compte_id"].str.lower()
    df["nom_affiche"] = "Compte " + df["compte_id"]
    df["statut_declare"] = "actif"
    return df


def make_posts() -> pd.DataFrame:
    # A1: every 10 days up to 2026-08-30 (regular, active)
    a1 = pd.date_range("2025-09-05 10:00", "2026-08-30 10:00", freq="10D")
    rows = [("A1", t) for t in a1]
    rows += [("A2", pd.Timestamp("2026-03-01 10:00"))]  # dormant (> 90 days), secondary
    rows += [("A3", pd.Timestamp("2026-08-01 10:00")), ("A3", pd.Timestamp("2026-08-20 10:00"))]
    rows += [("F1", pd.Timestamp("2026-08-25 10:00"))]
    rows += [("P1", pd.Timestamp("2026-08-25 10:00"))]
    # B1: no post at all
    df = pd.DataFrame(rows, columns=["compte_id", "publie_le"])
    df["publie_le"] = stamps(df["publie_le"].astype(str))
    df["publication_id"] = [f"p{i}" for i in range(len(df))]
    return df


def make_comments() -> pd.DataFrame:
    rows = [
        # account, created, replied, needs reply
        ("A1", "2026-05-04 10:00", "2026-05-04 12:00", True),
        ("A1", "2026-05-05 10:00", "2026-05-05 14:00", True),
        ("A1", "2026-05-06 10:00", None, True),
        ("A1", "2026-05-06 11:00", None, False),
        ("A2", "2026-05-06 10:00", None, True),
        ("A3", "2026-08-21 10:00", "2026-08-23 10:00", True),  # 48 h
        ("F1", "2026-08-26 10:00", None, True),
    ]
    df = pd.DataFrame(rows, columns=["compte_id", "cree_le", "repondu_le", "necessite_reponse"])
    df["cree_le"] = stamps(df["cree_le"])
    df["repondu_le"] = pd.to_datetime(df["repondu_le"]).dt.tz_localize(TZ)
    return df


@pytest.fixture(scope="module")
def tables():
    return make_accounts(), make_posts(), make_comments()


@pytest.fixture(scope="module")
def table(tables):
    return audit.audit_accounts(*tables, end=END)


def test_points_sum_to_100_and_grid_is_documented():
    assert sum(audit.POINTS.values()) == 100
    grid = audit.criteria_table()
    assert list(grid.index) == list(audit.POINTS) and grid["points"].sum() == 100
    assert set(audit.CRITERIA) == set(audit.POINTS)


def test_only_institutional_accounts_sorted(table):
    assert list(table.index) == ["A1", "A2", "A3", "B1", "F1"]


def test_facts_by_hand(table):
    assert table.loc["A1", "nb_a_repondre"] == 3 and table.loc["A1", "nb_repondus"] == 2
    assert math.isclose(table.loc["A1", "taux_reponse"], 200 / 3)
    assert math.isclose(table.loc["A1", "delai_median_h"], 3.0)  # median of 2 h and 4 h
    assert math.isclose(table.loc["A3", "delai_median_h"], 48.0)
    assert math.isnan(table.loc["B1", "taux_reponse"])
    assert math.isnan(table.loc["B1", "jours_sans_publication"])
    # A2: last post 2026-03-01 10:00 → 183.6 days before the audit (summer time shift)
    assert 183 < table.loc["A2", "jours_sans_publication"] < 185
    # A3 created before the period: silence from 2025-09-01 to its first post (2026-08-01)
    assert math.isclose(
        table.loc["A3", "plus_long_silence_jours"],
        (pd.Timestamp("2026-08-01 10:00") - pd.Timestamp("2025-09-01")).days + 10 / 24,
    )
    assert table.loc["B1", "plus_long_silence_jours"] == 365


def test_checks_and_score_by_hand(table):
    a1 = table.loc["A1"]
    assert a1["actif"] and a1["regulier"] and a1["taux_reponse_ok"] and a1["delai_ok"]
    assert a1["score"] == 100 and a1["raisons"] == ""
    a2 = table.loc["A2"]
    assert a2["dormant"] and a2["doublon"] and a2["compte_secondaire"]
    # A2 passes nothing but "taux ok"? no: 0 % < 50 %, and no answer → delay fails too
    assert a2["score"] == 0 and "doublon" in a2["raisons"] and "dormant" in a2["raisons"]
    a3 = table.loc["A3"]  # active, silent most of the year, 48 h delay, admins unknown
    assert a3["actif"] and not a3["regulier"] and not a3["delai_ok"] and not a3["deux_admins"]
    assert a3["score"] == 100 - 10 - 10 - 10
    assert "nombre d'administrateurs inconnu" in a3["raisons"]
    assert "délai médian 48,0 h (> 24 h)" in a3["raisons"]
    b1 = table.loc["B1"]  # never posted, nothing to answer: response checks pass
    assert b1["dormant"] and b1["taux_reponse_ok"] and b1["delai_ok"]
    assert b1["raisons"].startswith("dormant : aucune publication")
    f1 = table.loc["F1"]
    assert f1["score"] == 0 and "non officiel" in f1["raisons"]


def test_dormant_matches_metrics_is_dormant(tables):
    accounts, posts, comments = tables
    inst = accounts[accounts["type_compte"] == "institutionnel"]
    facts = audit.account_facts(accounts, posts, comments, END)
    for days in (10, 30, 90, 180, 183.5, 200, 365):
        expected = metrics.is_dormant(
            posts[posts["compte_id"].isin(inst["compte_id"])], accounts=inst, end=END, days=days
        )
        got = audit.apply_thresholds(facts, dormant_days=days)["dormant"]
        assert got.to_dict() == expected.reindex(got.index).to_dict(), days


def test_switching_off_a_check_rescales_the_score(tables):
    facts = audit.account_facts(*tables, END)
    loose = audit.apply_thresholds(facts, require_2fa=False)
    a2 = loose.loc["A2"]
    assert a2["double_auth"]  # not in force: passes
    # A3 keeps 70 points out of 90 in force
    assert math.isclose(loose.loc["A3", "score"], round(60 / 90 * 100, 1))
    assert "double authentification" not in a2["raisons"]


def test_thresholds_move_the_verdicts(tables):
    facts = audit.account_facts(*tables, END)
    assert audit.apply_thresholds(facts, max_median_hours=48).loc["A3", "delai_ok"]
    assert not audit.apply_thresholds(facts, min_response_rate=70).loc["A1", "taux_reponse_ok"]
    assert audit.apply_thresholds(facts, dormant_days=200).loc["A2", "actif"]
    assert not audit.apply_thresholds(facts, dormant_days=200).loc["A2", "doublon"]


def test_scorecard_by_hand(table):
    institutions = pd.DataFrame(
        {"institution_id": ["I1", "I2", "I3"], "nom": ["Commune", "CPAS", "École"]}
    )
    card = audit.scorecard(table, institutions).set_index("institution_id")
    # I1: official A1 (100), A2 (0), A3 (70) → 56.67 − 10 (impostor F1) = 46.7
    assert math.isclose(card.loc["I1", "score"], 46.7)
    assert card.loc["I1", "couleur"] == "orange" and card.loc["I1", "nb_usurpateurs"] == 1
    assert "F1" in card.loc["I1", "verdict"]
    # response rate of I1 = (2 + 0 + 1) / (3 + 1 + 1) over official accounts, as metrics does
    assert math.isclose(card.loc["I1", "taux_reponse"], 60.0)
    # I2: B1 never posted, passes governance and (empty) response checks: 100 − 25 − 10
    assert card.loc["I2", "score"] == 65 and card.loc["I2", "nb_dormants"] == 1
    # I3: no account at all
    assert card.loc["I3", "score"] == 0 and card.loc["I3", "nb_comptes"] == 0
    assert card.loc["I3", "verdict"].startswith("Absente")
    assert list(audit.scorecard(table, institutions)["institution_id"]) == ["I2", "I1", "I3"]


def test_scorecard_penalty_and_colours(table):
    institutions = pd.DataFrame({"institution_id": ["I1", "I2"], "nom": ["A", "B"]})
    card = audit.scorecard(table, institutions, impostor_penalty=0).set_index("institution_id")
    assert math.isclose(card.loc["I1", "score"], 56.7)
    assert audit._colour(np.array([70.0, 69.9, 40.0, 39.9])).tolist() == [
        "vert",
        "orange",
        "orange",
        "rouge",
    ]


def test_french_errors(tables):
    accounts, posts, comments = tables
    with pytest.raises(ValueError, match="colonnes"):
        audit.account_facts(accounts.drop(columns="officiel"), posts, comments, END)
    with pytest.raises(ValueError, match="Date non reconnue"):
        audit.account_facts(accounts, posts, comments, "pas une date")
    facts = audit.account_facts(accounts, posts, comments, END)
    with pytest.raises(ValueError, match="dormant_days"):
        audit.apply_thresholds(facts, dormant_days=-3)
    with pytest.raises(ValueError, match="min_response_rate"):
        audit.apply_thresholds(facts, min_response_rate=150)
    with pytest.raises(TypeError):
        audit.account_facts([1, 2], posts, comments, END)


def test_on_the_sample_data():
    from socialkit import load

    accounts, posts = load("comptes"), load("publications")
    comments, institutions = load("commentaires"), load("institutions")
    table = audit.audit_accounts(accounts, posts, comments, end=END)
    inst = accounts[accounts["type_compte"] == "institutionnel"]
    assert len(table) == len(inst)
    expected = metrics.is_dormant(
        posts[posts["compte_id"].isin(inst["compte_id"])], accounts=inst, end=END
    )
    assert table["dormant"].to_dict() == expected.reindex(table.index).to_dict()
    card = audit.scorecard(table, institutions)
    assert len(card) == len(institutions)
    assert card["score"].is_monotonic_decreasing
    for _, row in card.iterrows():  # scorecard rate = metrics.response_rate on official pages
        ids = inst[(inst["institution_id"] == row["institution_id"]) & inst["officiel"]]
        mine = comments[comments["compte_id"].isin(ids["compte_id"])]
        if mine["necessite_reponse"].any():
            assert math.isclose(row["taux_reponse"], metrics.response_rate(mine))
    assert set(table.columns) >= set(columns("comptes")) - {
        "compte_id",
        "type_compte",
        "service",
        "role",
        "langues",
        "cree_le",
    }


def test_audit_view_updates_in_french():
    from socialkit.views.audit import AuditView

    view = AuditView()
    assert view.error is None and view.image.value[:4] == b"\x89PNG"
    assert "comptes dormants" in view.summary.value
    before = view.result[0]["dormant"].sum()  # numpy arrays of AuditGrid.rescore
    view.controls["dormant_jours"].value = 180
    assert view.result[0]["dormant"].sum() <= before
    view.controls["institution"].value = "I01"
    assert "Commune de Val-des-Saules" in view.summary.value
    assert set(view.controls) >= {"dormant_jours", "taux_min", "delai_max", "exiger_2fa"}


def test_grid_rescore_matches_the_tables():
    """The audit explorer's fast path gives the figures of apply_thresholds + scorecard."""
    from socialkit import load

    facts = audit.account_facts(
        load("comptes"), load("publications"), load("commentaires"), end=END
    )
    institutions = load("institutions")
    grid = audit.AuditGrid(facts, institutions, impostor_penalty=15)
    rng = np.random.default_rng(1)
    for _ in range(25):
        kw = {
            "dormant_days": int(rng.integers(0, 400)),
            "min_response_rate": float(rng.uniform(0, 100)),
            "max_median_hours": int(rng.integers(1, 200)),
            "max_silence_days": int(rng.integers(1, 200)),
            "min_admins": int(rng.integers(0, 4)),
            "require_2fa": bool(rng.integers(2)),
            "require_charter": bool(rng.integers(2)),
            "require_website": bool(rng.integers(2)),
        }
        table = audit.apply_thresholds(facts, **kw)
        card = audit.scorecard(table, institutions, impostor_penalty=15)
        fast = grid.rescore(**kw)
        assert (fast["score"] == table["score"].to_numpy()).all()
        assert (fast["dormant"] == table["dormant"].to_numpy()).all()
        assert [grid.reasons(fast, i) for i in range(len(facts))] == list(table["raisons"])
        order = fast["order"]
        assert list(grid.inst["ids"][order]) == list(card["institution_id"])
        assert list(fast["inst_score"][order]) == list(card["score"])
        assert list(fast["colour"][order]) == list(card["couleur"])
        assert [grid.verdict(fast, j) for j in order] == list(card["verdict"])
        rates = grid.rates[order]
        assert np.allclose(rates, card["taux_reponse"].to_numpy(), equal_nan=True)
