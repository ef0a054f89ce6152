"""Tests of socialkit.analysis.ambassadors against tiny tables computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from socialkit.analysis import ambassadors as aa


def make_accounts() -> pd.DataFrame:
    # I1: one own page (A), one impostor page (X), two ambassadors (P, Q); I2: own page only (B)
    rows = [
        ("A", "I1", "institutionnel", "aucun", "facebook", True),
        ("X", "I1", "institutionnel", "aucun", "facebook", False),
        ("P", "I1", "ambassadeur", "employe", "instagram", False),
        ("Q", "I1", "ambassadeur", "rh", "linkedin", False),
        ("B", "I2", "institutionnel", "aucun", "facebook", True),
    ]
    df = pd.DataFrame(
        rows,
        columns=[
            "compte_id",
            "institution_id",
            "type_compte",
            "role",
            "plateforme",
            "officiel",
        ],
    )
    df["compte_id"] = df["compte_id"].astype("string")
    df["type_compte"] = pd.Categorical(
        df["type_compte"], categories=["institutionnel", "ambassadeur"]
    )
    return df


def make_posts() -> pd.DataFrame:
    # (compte, sujet, portee, reactions, commentaires, partages)
    rows = [
        ("A", "s1", 1000, 10, 0, 0),  # own I1: reach 1000+1000, eng 10+30
        ("A", "s2", 1000, 20, 5, 5),
        ("X", "s1", 5000, 500, 0, 0),  # impostor: excluded from the institution side
        ("P", "s1", 300, 12, 0, 0),  # people I1: reach 300+200+500, eng 12+8+30
        ("P", "s2", 200, 6, 1, 1),
        ("Q", "s1", 500, 25, 5, 0),
        ("B", "s1", 400, 4, 0, 0),  # own I2: reach 400, eng 4
    ]
    df = pd.DataFrame(
        rows, columns=["compte_id", "sujet", "portee", "reactions", "commentaires", "partages"]
    )
    df["compte_id"] = df["compte_id"].astype("string")
    for col in ["portee", "reactions", "commentaires", "partages"]:
        df[col] = df[col].astype("Int64")
    return df


def test_tag_posts_adds_account_info_and_own_flag():
    tagged = aa.tag_posts(make_posts(), make_accounts())
    assert list(tagged["institution_id"]) == ["I1"] * 6 + ["I2"]
    assert list(tagged["groupe"]) == ["institution"] * 2 + ["non_reference"] + ["personnes"] * 3 + [
        "institution"
    ]
    assert list(tagged["engagements"]) == [10, 30, 500, 12, 8, 30, 4]


def test_account_table_per_account_er_and_reach():
    t = aa.account_table(make_posts(), make_accounts())
    assert list(t.index) == ["A", "B", "P", "Q", "X"]
    assert t.loc["A", "portee_totale"] == 2000
    assert t.loc["A", "publications"] == 2
    assert t.loc["A", "portee_moyenne"] == 1000
    assert math.isclose(t.loc["A", "taux_engagement"], 40 / 2000 * 100)
    assert math.isclose(t.loc["P", "taux_engagement"], 20 / 500 * 100)
    assert math.isclose(t.loc["Q", "taux_engagement"], 30 / 500 * 100)
    assert t.loc["Q", "role"] == "rh"
    assert list(t["groupe"]) == [
        "institution",
        "institution",
        "personnes",
        "personnes",
        "non_reference",
    ]
    amb = t[t["groupe"] == "personnes"]["taux_engagement"]
    assert math.isclose(amb.median(), 5.0)


def test_compare_by_institution_by_hand():
    t = aa.compare_by_institution(make_posts(), make_accounts())
    assert list(t.index) == ["I1", "I2"]
    i1 = t.loc["I1"]
    assert i1["portee_institution"] == 2000  # impostor X left out
    assert i1["portee_personnes"] == 1000
    assert math.isclose(i1["part_personnes"], 1000 / 3000 * 100)
    assert math.isclose(i1["taux_engagement_institution"], 2.0)
    assert math.isclose(i1["taux_engagement_personnes"], 50 / 1000 * 100)
    assert i1["publications_personnes"] == 3
    assert math.isclose(i1["portee_moyenne_personnes"], 1000 / 3)
    i2 = t.loc["I2"]
    assert i2["portee_personnes"] == 0 and i2["part_personnes"] == 0
    assert i2["publications_personnes"] == 0
    assert math.isnan(i2["taux_engagement_personnes"])
    assert math.isnan(i2["portee_moyenne_personnes"])


def test_compare_by_institution_adds_names():
    inst = pd.DataFrame({"institution_id": ["I2", "I1"], "nom": ["Deux", "Un"]})
    t = aa.compare_by_institution(make_posts(), make_accounts(), institutions=inst)
    assert list(t.columns)[0] == "nom"
    assert list(t["nom"]) == ["Un", "Deux"]


def test_people_share_sorted_descending():
    share = aa.people_share(make_posts(), make_accounts())
    assert share.name == "part_personnes"
    assert list(share.index) == ["I1", "I2"]
    assert math.isclose(share["I1"], 100 / 3)
    assert share["I2"] == 0


def test_compare_by_topic_ratio_and_threshold():
    t = aa.compare_by_topic(make_posts(), make_accounts(), min_posts=1)
    # s1, institutions with people (I1 only): own A 10/1000 = 1 %; people (12+30)/800 = 5.25 %
    assert math.isclose(t.loc["s1", "taux_engagement_institution"], 1.0)
    assert math.isclose(t.loc["s1", "taux_engagement_personnes"], 42 / 800 * 100)
    assert math.isclose(t.loc["s1", "rapport"], 5.25)
    # s2: own 30/1000 = 3 %; people 8/200 = 4 %
    assert math.isclose(t.loc["s2", "rapport"], 4 / 3)
    assert list(t.index) == ["s1", "s2"]
    everyone = aa.compare_by_topic(
        make_posts(), make_accounts(), min_posts=1, same_institutions=False
    )
    assert math.isclose(everyone.loc["s1", "taux_engagement_institution"], 14 / 1400 * 100)
    strict = aa.compare_by_topic(make_posts(), make_accounts(), min_posts=2)
    assert strict.loc["s1", "publications_personnes"] == 2
    assert math.isnan(strict.loc["s2", "rapport"])  # one people post on s2 only
    assert math.isnan(strict.loc["s1", "rapport"])  # one own post on s1 only
    with pytest.raises(ValueError, match="min_posts"):
        aa.compare_by_topic(make_posts(), make_accounts(), min_posts=2.5)


def test_inputs_not_modified_and_french_errors():
    posts, accounts = make_posts(), make_accounts()
    before = posts.copy()
    aa.compare_by_institution(posts, accounts)
    pd.testing.assert_frame_equal(posts, before)
    with pytest.raises(TypeError, match="DataFrame"):
        aa.account_table(posts["portee"], accounts)
    with pytest.raises(ValueError, match="type_compte"):
        aa.account_table(posts, accounts.drop(columns="type_compte"))
    with pytest.raises(ValueError, match="comptes"):
        aa.compare_by_institution(posts, posts)
