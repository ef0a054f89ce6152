"""Module 4 assignment: right answers accepted, plausible wrong answers rejected.

Wrong answers are computed from the solution's own namespace (same data, same models): each
one is a mistake a trainee can really make (wrong filter, clock instead of business hours,
wrong column, wrong model setting…).
"""

from __future__ import annotations

import numpy as np
import pytest
from nbharness import Assignment

from socialkit import metrics
from socialkit.analysis import interactions
from socialkit.models import buzz, moderation

A = Assignment("04-interactions")


@pytest.fixture(scope="module", autouse=True)
def _solution_tables():
    """Run the solution (once, on first use) and name the tables the tests below use."""
    global NS, COM
    NS = A.namespace
    COM = NS["commentaires"]


def test_every_graded_cell_is_covered_here():
    assert A.grade_ids() == [f"q{i}_tests" for i in range(1, 8)]


def test_solution_is_accepted():
    for grade_id in A.grade_ids():
        assert A.accepts(grade_id)


def test_q1_response_rate_wrong_answers():
    page = COM[COM["compte_id"] == "C011"]
    # every comment as denominator (not only those needing a reply)
    assert A.rejects("q1_tests", taux_reponse_spf=float(page["repondu_le"].notna().mean() * 100))
    # the whole institution (ambassadors included) instead of its page
    spf = COM[COM["institution_id"] == "I03"]
    assert A.rejects("q1_tests", taux_reponse_spf=metrics.response_rate(spf))
    # a share instead of a percentage
    assert A.rejects("q1_tests", taux_reponse_spf=metrics.response_rate(page) / 100)
    # the rounded number typed by hand, as text
    assert A.rejects("q1_tests", taux_reponse_spf=f"{metrics.response_rate(page):.1f}")


def test_q2_business_hours_wrong_answers():
    page = COM[COM["compte_id"] == "C001"]
    clock = metrics.response_time_summary(page)["mediane"]
    assert A.rejects("q2_tests", mediane_bureau_commune=clock)
    delays = metrics.first_response_times(page, business_hours=True)
    assert A.rejects("q2_tests", mediane_bureau_commune=float(delays.mean()))
    summary = metrics.response_time_summary(page, business_hours=True)
    assert A.rejects("q2_tests", mediane_bureau_commune=summary["p90"])
    assert A.rejects("q2_tests", mediane_bureau_commune=summary)


def test_q3_unanswered_questions_wrong_answers():
    page = COM[COM["compte_id"] == "C042"]
    right = len(interactions.unanswered(page, "question"))
    wrong = {
        len(interactions.unanswered(page)),  # questions and complaints
        len(interactions.unanswered(page, None)),  # every category
        int((page["categorie"] == "question").sum()),  # answered ones too
    }
    wrong.discard(right)
    assert len(wrong) >= 2
    for value in wrong:
        assert A.rejects("q3_tests", questions_oubliees=value)
    assert A.rejects("q3_tests", questions_oubliees=float(right))
    assert A.rejects("q3_tests", questions_oubliees=interactions.unanswered(page, "question"))


def test_q4_friday_gap_wrong_answers():
    officiels = COM[COM["type_compte"] == "institutionnel"]
    bureau = NS["bureau"]
    # hospital, police and transport kept
    with_on_call = interactions.delay_by_weekday_hour(officiels)
    assert A.rejects("q4_tests", delai_vendredi_soir=with_on_call.loc["vendredi", "17–24 h"])
    # business hours instead of clock hours
    business = interactions.delay_by_weekday_hour(bureau, business_hours=True)
    assert A.rejects("q4_tests", delai_vendredi_soir=business.loc["vendredi", "17–24 h"])
    # the whole Friday (weekday table) instead of Friday evening
    by_day = interactions.delay_by_weekday(bureau)
    assert A.rejects("q4_tests", delai_vendredi_soir=by_day.loc["vendredi", "delai_median_h"])
    # the whole row instead of one cell
    assert A.rejects("q4_tests", delai_vendredi_soir=NS["trou"].loc["vendredi"])


def test_q5_longest_crisis_wrong_answers():
    episodes = interactions.crisis_episodes(NS["mentions"])
    longest = episodes.loc[episodes["duree_jours"].idxmax()]
    highest_peak = episodes.loc[episodes["pic"].idxmax()]
    assert highest_peak["institution_id"] != longest["institution_id"]
    assert A.rejects("q5_tests", crise_institution=highest_peak["institution_id"])
    assert A.rejects("q5_tests", crise_jours=int(highest_peak["duree_jours"]))
    # the account of the page instead of the institution
    assert A.rejects("q5_tests", crise_institution="C001")
    # negative mentions instead of days
    assert A.rejects("q5_tests", crise_jours=int(longest["mentions_negatives"]))
    # a decimal number of days
    assert A.rejects("q5_tests", crise_jours=float(longest["duree_jours"]))
    # the shortest episode (sorted the wrong way)
    shortest = episodes.sort_values("duree_jours").iloc[0]
    assert A.rejects(
        "q5_tests",
        crise_institution=shortest["institution_id"],
        crise_jours=int(shortest["duree_jours"]),
    )


def test_q6_latest_delay_wrong_answers():
    right = NS["delai_max_buzz"]
    wrong = {
        buzz.latest_delay_under(2000, quality=0.5, audience=20000, beta=0.8),  # default quality
        buzz.latest_delay_under(5000, quality=0.8, audience=20000, beta=0.8),  # 25 %
        buzz.latest_delay_under(2000, quality=0.8, audience=20000, beta=1.2),  # « très viral »
        right + 0.5,  # half an hour too late
    }
    wrong.discard(right)
    assert len(wrong) >= 3
    for value in wrong:
        assert A.rejects("q6_tests", delai_max_buzz=value)
    assert A.rejects("q6_tests", delai_max_buzz=None)


def test_q6_latest_delay_is_the_boundary():
    right = NS["delai_max_buzz"]
    params = {"quality": 0.8, "audience": 20000, "beta": 0.8}
    assert buzz.final_reach(delay_hours=right, **params) <= 2000
    assert buzz.final_reach(delay_hours=right + 0.5, **params) > 2000


def test_q7_headcount_wrong_answers():
    right = NS["effectif_crise"]
    params = dict(
        weekly_profile=moderation.default_weekly_profile(2000),
        staff_start=7,
        staff_end=22,
        staff_days=(0, 1, 2, 3, 4, 5, 6),
        handle_minutes=10,
    )
    # one person fewer does not reach the target, so « right − 1 » must be rejected
    fewer = moderation.simulate_moderation(headcount=right - 1, **params)
    share = moderation.share_within(fewer, 4)
    assert share < 80
    assert A.rejects("q7_tests", effectif_crise=right - 1)
    assert A.rejects("q7_tests", effectif_crise=right + 1)
    # office hours (the default staffing) make the target impossible → None
    assert (
        interactions.headcount_needed(
            80, 4, weekly_profile=params["weekly_profile"], handle_minutes=10
        )
        is None
    )
    assert A.rejects("q7_tests", effectif_crise=None)
    # 6 minutes per answer (the simulator's default) instead of 10
    six = interactions.headcount_needed(80, 4, **{**params, "handle_minutes": 6})
    assert six != right
    assert A.rejects("q7_tests", effectif_crise=six)
    assert A.rejects("q7_tests", effectif_crise=np.float64(right))
