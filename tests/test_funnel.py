"""socialkit.analysis.funnel: stages, loyalty, public answers, stage metrics, planning."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from tables import stamps

from socialkit.analysis import funnel
from socialkit.models import community
from socialkit.schema import CATEGORIES


@pytest.fixture
def accounts():
    return pd.DataFrame(
        {
            "compte_id": ["A1", "A2", "A3", "A4", "B1"],
            "institution_id": ["I1", "I1", "I1", "I1", "I2"],
            "type_compte": [
                "institutionnel",
                "institutionnel",
                "ambassadeur",
                "institutionnel",
                "institutionnel",
            ],
            "officiel": [True, True, False, False, True],  # A4: impostor page
        }
    )


@pytest.fixture
def posts():
    return pd.DataFrame(
        {
            "compte_id": ["A1", "A1", "A2", "A3", "A4", "B1", "B1"],
            "sujet": [
                "evenement_culture",  # notoriété
                "travaux_mobilite",  # relation
                "demarches_administratives",  # après-service
                "coulisses_equipe",  # ambassador: left out of I1's metrics
                "evenement_culture",  # impostor: left out
                "correction_info",  # après-service
                "securite_alerte",  # relation
            ],
            "portee": [100, 300, 200, 999, 999, 50, 150],
            "abonnes_au_moment": [1000, 1000, 2000, 9999, 9999, 400, 600],
            "reactions": [8, 10, 2, 99, 99, 4, 6],
            "commentaires": [1, 3, 2, 99, 99, 0, 2],
            "partages": [1, 2, 1, 99, 99, 1, 1],
        }
    )


@pytest.fixture
def comments():
    return pd.DataFrame(
        {
            "compte_id": ["A1", "A1", "A1", "A1", "A2", "A2", "A3", "B1", "B1"],
            "auteur_id": ["U1", "U1", "U2", "U2", "U3", "U1", "U2", "U9", "U9"],
            "cree_le": stamps(
                [
                    "2026-03-02 09:00",  # U1 day 1
                    "2026-03-02 23:30",  # U1 same day (Brussels) → still one day
                    "2026-03-02 10:00",  # U2 day 1
                    "2026-03-05 10:00",  # U2 day 2 → returning
                    "2026-03-03 10:00",  # U3 once
                    "2026-03-09 08:00",  # U1 day 2, on another account of I1 → returning
                    "2026-03-09 08:00",  # ambassador account: ignored for I1
                    "2026-03-02 12:00",
                    "2026-03-03 12:00",  # U9 returning for I2
                ]
            ),
            "categorie": [
                "question",
                "remerciement",
                "plainte",
                "question",
                "neutre",
                "spam",
                "question",
                "question",
                "troll",
            ],
            "necessite_reponse": [True, False, True, True, False, False, True, True, False],
            "repondu_le": stamps(
                [
                    "2026-03-02 11:00",  # 2 h
                    None,
                    "2026-03-02 16:00",  # 6 h
                    None,
                    None,
                    None,
                    "2026-03-09 09:00",
                    "2026-03-02 13:00",
                    None,
                ]
            ),
            "reponse_texte": [
                "Oui, tout est sur le site.",
                None,
                "Je vous réponds en privé.",
                None,
                None,
                None,
                "Bonne question ! Je te réponds en privé",
                "Envoyez-nous un MP svp",
                None,
            ],
        }
    )


@pytest.fixture
def followers():
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-03-01", "2026-03-31"] * 4),
            "compte_id": ["A1", "A1", "A2", "A2", "A4", "A4", "B1", "B1"],
            "abonnes": [1000, 1100, 2000, 2000, 0, 5000, 400, 380],
        }
    )


@pytest.fixture
def mentions():
    return pd.DataFrame({"institution_id": ["I1", "I1", "I1", "I2", "I3"]})


# ----------------------------------------------------------------- classification


def test_mappings_cover_every_topic_and_category():
    assert set(funnel.TOPIC_STAGE) == set(CATEGORIES["sujet"])
    assert set(funnel.CATEGORY_STAGE) == set(CATEGORIES["categorie"])
    assert set(funnel.TOPIC_STAGE.values()) == set(funnel.STAGES)
    assert set(funnel.CATEGORY_STAGE.values()) == set(funnel.STAGES) | {funnel.OUTSIDE}
    assert {c for c, s in funnel.CATEGORY_STAGE.items() if s == funnel.OUTSIDE} == {
        "spam",
        "troll",
    }


def test_post_stage_follows_the_topic(posts):
    stage = funnel.post_stage(posts)
    assert stage.name == "etape"
    assert list(stage.index) == list(posts.index)
    assert list(stage.cat.categories) == funnel.STAGES
    assert list(stage.astype(str))[:3] == ["notoriété", "relation", "après-service"]


def test_comment_stage_puts_spam_and_trolls_outside(comments):
    stage = funnel.comment_stage(comments).astype(str).tolist()
    assert stage == [
        "après-service",
        "relation",
        "après-service",
        "après-service",
        "notoriété",
        "hors entonnoir",
        "après-service",
        "après-service",
        "hors entonnoir",
    ]


def test_add_stage_detects_posts_and_comments(posts, comments):
    assert "etape" not in posts.columns
    assert funnel.add_stage(posts)["etape"].iloc[0] == "notoriété"
    assert funnel.add_stage(comments)["etape"].iloc[1] == "relation"
    assert "etape" not in posts.columns  # a copy


def test_unknown_topic_is_a_french_error(posts):
    bad = posts.assign(sujet=["météo"] + list(posts["sujet"].iloc[1:]))
    with pytest.raises(ValueError, match="inconnue.*sujet"):
        funnel.post_stage(bad)
    with pytest.raises(ValueError, match="sujet"):
        funnel.post_stage(posts.drop(columns="sujet"))
    with pytest.raises(TypeError, match="DataFrame"):
        funnel.post_stage(posts["sujet"])


def test_stage_mix_in_percent(posts):
    mix = funnel.stage_mix(posts)
    # 7 posts: notoriété 3 (culture, coulisses, culture), relation 2, après-service 2
    assert mix.to_dict() == pytest.approx(
        {"notoriété": 300 / 7, "relation": 200 / 7, "après-service": 200 / 7}
    )
    assert mix.sum() == pytest.approx(100)


def test_stage_mix_by_column_fills_missing_stages_with_zero(posts):
    mix = funnel.stage_mix(posts, by="compte_id")
    assert list(mix.columns) == funnel.STAGES
    assert mix.loc["A1"].tolist() == [50.0, 50.0, 0.0]
    assert mix.loc["B1"].tolist() == [0.0, 50.0, 50.0]
    np.testing.assert_allclose(mix.sum(axis=1), 100)


def test_stage_mix_of_comments_has_the_outside_column(comments):
    mix = funnel.stage_mix(comments, by="compte_id")
    assert list(mix.columns) == funnel.STAGES + [funnel.OUTSIDE]
    assert mix.loc["B1", funnel.OUTSIDE] == 50.0


def test_stage_mix_empty_table_is_an_error(posts):
    with pytest.raises(ValueError, match="vide"):
        funnel.stage_mix(posts.iloc[:0])


# ----------------------------------------------------------------- loyalty and answers


def test_returning_commenters_counts_distinct_days(comments):
    i1 = comments[comments["compte_id"].isin(["A1", "A2"])]
    # U1: 2026-03-02 (twice) and 2026-03-09 → returning; U2: 03-02 and 03-05 → returning;
    # U3: once → not returning
    assert funnel.returning_commenters(i1) == 2
    assert funnel.returning_share(i1) == pytest.approx(200 / 3)
    assert funnel.returning_commenters(i1, min_days=3) == 0
    # the same author twice on the same day is not returning
    same_day = comments.iloc[[0, 1]]
    assert funnel.returning_commenters(same_day) == 0
    assert isinstance(funnel.returning_commenters(i1), int)


def test_returning_commenters_uses_brussels_days():
    # 23:30 UTC on 1 March is 00:30 on 2 March in Brussels: two UTC days, one local day
    stamps = pd.Series(pd.to_datetime(["2026-03-01 23:30", "2026-03-02 08:00"])).dt.tz_localize(
        "UTC"
    )
    table = pd.DataFrame({"auteur_id": ["U1", "U1"], "cree_le": stamps})
    assert funnel.returning_commenters(table) == 0


def test_returning_commenters_rejects_bad_min_days(comments):
    with pytest.raises(ValueError, match="min_days"):
        funnel.returning_commenters(comments, min_days=0)


def test_public_answer_share_ignores_private_redirections(comments):
    # questions: row 0 public answer, row 3 unanswered, row 6 "en privé", row 7 "MP"
    assert funnel.public_answer_share(comments) == pytest.approx(25.0)
    # complaints: the only one was redirected to private messages
    assert funnel.public_answer_share(comments, "plainte") == 0.0
    assert math.isnan(funnel.public_answer_share(comments, "suggestion"))
    with pytest.raises(ValueError, match="inconnue"):
        funnel.public_answer_share(comments, "questions")


# ----------------------------------------------------------------- stage metrics


def test_official_accounts_keeps_institutional_official_pages(accounts):
    assert funnel.official_accounts(accounts)["compte_id"].tolist() == ["A1", "A2", "B1"]
    assert funnel.official_accounts(accounts, "I2")["compte_id"].tolist() == ["B1"]


def test_stage_metrics_by_hand(posts, comments, followers, mentions, accounts):
    table = funnel.stage_metrics(posts, comments, followers, mentions, accounts)
    assert list(table.index) == ["I1", "I2"]
    assert list(table.columns) == list(funnel.METRICS)
    i1 = table.loc["I1"]
    # official posts of I1: A1 ×2, A2 ×1 (ambassador A3 and impostor A4 excluded)
    assert i1["portee_moyenne"] == pytest.approx(200.0)
    assert i1["taux_portee"] == pytest.approx(600 / 4000 * 100)
    # engagements 10 + 15 + 5 = 30 over reach 600
    assert i1["taux_engagement"] == pytest.approx(5.0)
    assert i1["taux_conversation"] == pytest.approx(2.0)
    # followers A1 + A2: 3000 → 3100 (A4 excluded)
    assert i1["croissance_abonnes"] == pytest.approx(100 / 3000 * 100)
    assert i1["part_de_voix"] == pytest.approx(60.0)
    assert i1["commentateurs_fideles"] == 2
    assert i1["part_fideles"] == pytest.approx(200 / 3)
    # needing a reply on A1/A2: rows 0, 2, 3 → 2 answered
    assert i1["taux_reponse"] == pytest.approx(200 / 3)
    assert i1["delai_median_h"] == pytest.approx(4.0)
    # questions of I1: rows 0 (public) and 3 (unanswered)
    assert i1["part_questions_repondues"] == pytest.approx(50.0)
    i2 = table.loc["I2"]
    assert i2["croissance_abonnes"] == pytest.approx(-5.0)
    assert i2["commentateurs_fideles"] == 1
    assert i2["part_questions_repondues"] == 0.0
    assert table["commentateurs_fideles"].dtype == "int64"


def test_stage_metrics_one_institution_and_no_comment(posts, comments, followers, mentions):
    accounts = pd.DataFrame(
        {
            "compte_id": ["A1", "Z1"],
            "institution_id": ["I1", "I9"],
            "type_compte": ["institutionnel", "institutionnel"],
            "officiel": [True, True],
        }
    )
    table = funnel.stage_metrics(posts, comments, followers, mentions, accounts, "I9")
    assert list(table.index) == ["I9"]
    row = table.loc["I9"]
    assert row["commentateurs_fideles"] == 0
    assert math.isnan(row["taux_reponse"]) and math.isnan(row["portee_moyenne"])
    assert row["part_de_voix"] == 0.0
    with pytest.raises(ValueError, match="inconnue"):
        funnel.stage_metrics(posts, comments, followers, mentions, accounts, ["I7"])


def _table():
    return pd.DataFrame(
        {
            "taux_portee": [5.0, 10.0, 20.0],
            "croissance_abonnes": [1.0, 2.0, 3.0],
            "taux_engagement": [3.0, 2.0, 1.0],
            "part_fideles": [30.0, 20.0, 10.0],
            "taux_reponse": [50.0, 80.0, 20.0],
            "delai_median_h": [2.0, 1.0, 30.0],
            "part_questions_repondues": [60.0, 90.0, np.nan],
        },
        index=pd.Index(["I1", "I2", "I3"], name="institution_id"),
    )


def test_stage_scores_are_mean_percentiles():
    scores = funnel.stage_scores(_table())
    assert list(scores.columns) == funnel.STAGES
    # notoriété: I1 is last on both indicators (1/3), I3 first (3/3)
    assert scores.loc["I1", "notoriété"] == pytest.approx(100 / 3)
    assert scores.loc["I3", "notoriété"] == pytest.approx(100)
    assert scores.loc["I1", "relation"] == pytest.approx(100)
    # après-service I2: best response rate, shortest delay, best public share → 100
    assert scores.loc["I2", "après-service"] == pytest.approx(100)
    # I3: response 1/3, delay (longest) 1/3, public share missing → skipped
    assert scores.loc["I3", "après-service"] == pytest.approx(100 / 3)
    # I1: response 2/3, delay 2/3, public share 1/2 (ranked among the 2 known)
    assert scores.loc["I1", "après-service"] == pytest.approx((200 / 3 + 200 / 3 + 50) / 3)


def test_weakest_stage():
    table = _table()
    assert funnel.weakest_stage(table, "I1") == "notoriété"
    assert funnel.weakest_stage(table, "I3") == "relation"
    with pytest.raises(ValueError, match="absente"):
        funnel.weakest_stage(table, "I7")
    with pytest.raises(ValueError, match="stage_metrics"):
        funnel.weakest_stage(table.drop(columns="taux_reponse"), "I1")


def test_stage_card_ranks_with_direction():
    table = _table()
    table["portee_moyenne"] = [10.0, 20.0, 30.0]
    card = funnel.stage_card(table, "I2")
    assert list(card.columns) == [
        "etape",
        "indicateur",
        "code",
        "valeur",
        "mediane_institutions",
        "rang",
    ]
    delay = card.set_index("code").loc["delai_median_h"]
    assert delay["valeur"] == 1.0 and delay["rang"] == 1  # shortest delay = best
    reach = card[card["indicateur"].str.startswith("portée moyenne")].iloc[0]
    assert reach["rang"] == 2 and reach["mediane_institutions"] == 20.0


# ----------------------------------------------------------------- planning


def test_min_service_quality_is_the_first_grid_value_that_works():
    params = {"p": 0.01, "q": 0.2, "m": 10000}
    found = funnel.min_service_quality(5000, **params)
    assert found == 0.85

    def active(s):
        df = community.simulate_community(service_quality=s, **params)
        return df["communaute_active"].iloc[-1]

    assert active(0.85) >= 5000 > active(0.8)
    assert funnel.min_service_quality(0, **params) == 0.0
    assert funnel.min_service_quality(10001, **params) is None
    assert funnel.min_service_quality(5000, step=0.1, **params) == 0.9


def test_min_service_quality_arguments():
    with pytest.raises(ValueError, match="step"):
        funnel.min_service_quality(100, 0.01, 0.2, 1000, step=0)
    with pytest.raises(ValueError, match="service_quality"):
        funnel.min_service_quality(100, 0.01, 0.2, 1000, service_quality=0.5)
