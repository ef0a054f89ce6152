"""Module 6 assignment: plausible wrong answers are rejected, right answers accepted."""

from __future__ import annotations

import numpy as np
import pytest
from nbharness import Assignment

from socialkit import metrics

A = Assignment("06-ambassadeurs-gouvernance")


@pytest.fixture(scope="module", autouse=True)
def _solution_tables():
    """Run the solution (once, on first use) and name the tables the tests below use."""
    global NS
    NS = A.namespace


def test_solution_accepted():
    for grade_id in A.grade_ids():
        assert A.accepts(grade_id)


def test_q1_wrong_answers():
    comparaison = NS["comparaison"]
    right_id = NS["institution_max_personnes"]
    # The institution whose people reach most people in absolute terms (not the share).
    most_people_reach = comparaison["portee_personnes"].idxmax()
    assert most_people_reach != right_id
    assert A.rejects("q1_tests", institution_max_personnes=most_people_reach)
    # The institution whose people have the highest engagement rate.
    best_er = comparaison["taux_engagement_personnes"].idxmax()
    assert best_er != right_id
    assert A.rejects("q1_tests", institution_max_personnes=best_er)
    # Its name instead of its identifier.
    assert A.rejects("q1_tests", institution_max_personnes=comparaison.loc[right_id, "nom"])
    # The share as a fraction, the institution's own share, or rounded to an integer.
    share = NS["part_max_personnes"]
    assert A.rejects("q1_tests", part_max_personnes=share / 100)
    assert A.rejects("q1_tests", part_max_personnes=100 - share)
    assert A.rejects("q1_tests", part_max_personnes=float(round(share)))
    # Rounded to two decimals is fine.
    assert A.accepts("q1_tests", part_max_personnes=round(float(share), 2))


def test_q2_wrong_answers():
    par_compte = NS["par_compte"]
    people = par_compte[par_compte["groupe"] == "personnes"]["taux_engagement"]
    own = par_compte[par_compte["groupe"] == "institution"]["taux_engagement"]
    every_institutional = par_compte[par_compte["type_compte"] == "institutionnel"][
        "taux_engagement"
    ]
    # Mean instead of median.
    assert A.rejects("q2_tests", er_median_personnes=people.mean())
    assert A.rejects("q2_tests", er_median_institution=own.mean())
    # Unreferenced (impostor) pages left in the institution group.
    assert every_institutional.median() != own.median()
    assert A.rejects("q2_tests", er_median_institution=every_institutional.median())
    # Pooled rate over all posts of the group instead of the typical account.
    tagged = NS["ambassadors"].tag_posts(NS["publications"], NS["comptes"])
    pooled = metrics.engagement_rate(tagged[tagged["groupe"] == "personnes"])
    assert A.rejects("q2_tests", er_median_personnes=pooled)
    # Median over posts rather than over accounts.
    per_post = metrics.engagement_rate_per_post(tagged[tagged["groupe"] == "personnes"])
    assert A.rejects("q2_tests", er_median_personnes=float(per_post.median()))
    # Swapped variables; a whole column instead of a number.
    assert A.rejects(
        "q2_tests", er_median_personnes=own.median(), er_median_institution=people.median()
    )
    assert A.rejects("q2_tests", er_median_personnes=people)


def test_q3_wrong_answers():
    sujets = NS["sujets"]
    right = NS["sujet_mieux_porte"]
    # Highest people's rate, most people posts, biggest gap in points: not the ratio.
    for wrong in (
        sujets["taux_engagement_personnes"].idxmax(),
        sujets["publications_personnes"].idxmax(),
        (sujets["taux_engagement_personnes"] - sujets["taux_engagement_institution"]).idxmax(),
    ):
        assert wrong != right
        assert A.rejects("q3_tests", sujet_mieux_porte=wrong)
    # The runner-up, a label with different spelling, the ratio value itself.
    assert A.rejects("q3_tests", sujet_mieux_porte=sujets["rapport"].dropna().index[1])
    assert A.rejects("q3_tests", sujet_mieux_porte=right.replace("_", " "))
    assert A.rejects("q3_tests", sujet_mieux_porte=sujets["rapport"].max())


def test_q4_wrong_answers():
    tableau = NS["tableau"]
    right = NS["nb_pour_doubler"]
    # Union of the ambassadors' audiences instead of the NEW people reached.
    union = tableau[tableau["portee_ambassadeurs"] >= 2000]["ambassadeurs"].min()
    assert union != right
    assert A.rejects("q4_tests", nb_pour_doubler=union)
    # Total reach above the institution's reach (any programme "beats" it).
    assert A.rejects(
        "q4_tests", nb_pour_doubler=tableau[tableau["portee_totale"] > 2000]["ambassadeurs"].min()
    )
    # The default overlap (0.3) instead of 0.4.
    other = NS["sweep_ambassadors"](range(0, 101), posts_per_month=6, overlap=0.3)
    default_overlap = other[other["gain_pct"] >= 100]["ambassadeurs"].min()
    assert default_overlap != right
    assert A.rejects("q4_tests", nb_pour_doubler=default_overlap)
    # Off by one, or a float.
    assert A.rejects("q4_tests", nb_pour_doubler=right - 1)
    assert A.rejects("q4_tests", nb_pour_doubler=float(right))


@pytest.mark.parametrize("key", ["proba_au_moins_un", "hors_message_simules", "proba_hors_message"])
def test_q5_wrong_keys(key):
    simulate = NS["simulate_ambassadors"]
    without = simulate(20, posts_per_month=6, overlap=0.4, trained=False, charter=False)
    with_frame = simulate(20, posts_per_month=6, overlap=0.4)
    assert A.rejects(
        "q5_tests", hors_message_sans_cadre=without[key], hors_message_avec_cadre=with_frame[key]
    )


def test_q5_other_wrong_answers():
    simulate = NS["simulate_ambassadors"]
    sans, avec = NS["hors_message_sans_cadre"], NS["hors_message_avec_cadre"]
    # Swapped.
    assert A.rejects("q5_tests", hors_message_sans_cadre=avec, hors_message_avec_cadre=sans)
    # Only training, or only the charter, counted as "with".
    trained_only = simulate(20, posts_per_month=6, overlap=0.4, trained=True, charter=False)
    assert A.rejects("q5_tests", hors_message_avec_cadre=trained_only["hors_message_attendus"])
    # The default posting rate of the widget (4 a month) instead of 6.
    four = simulate(20, posts_per_month=4, overlap=0.4, trained=False, charter=False)
    assert A.rejects("q5_tests", hors_message_sans_cadre=four["hors_message_attendus"])
    # Whole result dictionary instead of one value; a string.
    assert A.rejects("q5_tests", hors_message_sans_cadre=dict(trained_only))
    assert A.rejects("q5_tests", hors_message_avec_cadre=str(avec))
    assert np.isfinite(sans) and np.isfinite(avec)
