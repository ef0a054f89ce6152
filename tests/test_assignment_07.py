"""Module 7 assignment: right answers accepted, plausible wrong answers rejected.

Wrong answers are computed from the solution's own namespace (same data, same model), so
these tests keep meaning the same thing if the sample data are regenerated.
"""

from __future__ import annotations

import pytest
from nbharness import Assignment

from socialkit import metrics
from socialkit.analysis import funnel, strategy
from socialkit.models import community

A = Assignment("07-amplificateurs")
GRADED = [f"q{i}_tests" for i in range(1, 7)]


@pytest.fixture(scope="module", autouse=True)
def _solution_tables():
    """Run the solution (once, on first use) and name the tables the tests below use."""
    global NS, PUBLICATIONS, COMMENTAIRES, COMPTES, MENTIONS, PUBS, COMS
    NS = A.namespace
    PUBLICATIONS = NS["publications"]
    COMMENTAIRES = NS["commentaires"]
    COMPTES = NS["comptes"]
    MENTIONS = NS["mentions"]
    PUBS = NS["pubs"]
    COMS = NS["coms"]


def test_every_graded_cell_is_covered_here():
    assert A.grade_ids() == GRADED


@pytest.mark.parametrize("grade_id", GRADED)
def test_solution_is_accepted(grade_id):
    assert A.accepts(grade_id)


def test_not_answered_is_rejected():
    for grade_id, name in [
        ("q1_tests", "part_notoriete"),
        ("q2_tests", "fideles_cpas"),
        ("q3_tests", "part_voix_commune"),
        ("q5_tests", "pic_semaine"),
        ("q6_tests", "service_min"),
    ]:
        assert A.rejects(grade_id, **{name: ...})
    assert A.rejects("q4_tests", etape_faible=..., indicateur_faible=...)


def test_q1_wrong_answers():
    right = NS["part_notoriete"]
    # a proportion instead of a percentage
    assert A.rejects("q1_tests", part_notoriete=right / 100)
    # every account of the commune (ambassadors, impostor page) instead of the official ones
    every = strategy.with_accounts(PUBLICATIONS, COMPTES)
    mix_all = funnel.stage_mix(every[every["institution_id"] == "I01"])
    assert A.rejects("q1_tests", part_notoriete=mix_all["notoriété"])
    # every institution instead of the commune
    assert A.rejects("q1_tests", part_notoriete=funnel.stage_mix(PUBS)["notoriété"])
    # the share of another stage
    mix = funnel.stage_mix(PUBS[PUBS["institution_id"] == "I01"])
    assert A.rejects("q1_tests", part_notoriete=mix["relation"])
    # rounded to one decimal is fine
    assert A.accepts("q1_tests", part_notoriete=round(float(right), 1))


def test_q2_wrong_answers():
    cpas = COMS[COMS["institution_id"] == "I02"]
    # authors with two comments or more, even on the same day
    counts = cpas["auteur_id"].value_counts()
    assert A.rejects("q2_tests", fideles_cpas=int((counts >= 2).sum()))
    # every commenter
    assert A.rejects("q2_tests", fideles_cpas=int(cpas["auteur_id"].nunique()))
    # the ambassadors' accounts of the CPAS included
    every = strategy.with_accounts(COMMENTAIRES, COMPTES)
    every_cpas = every[every["institution_id"] == "I02"]
    assert A.rejects("q2_tests", fideles_cpas=funnel.returning_commenters(every_cpas))
    # the share instead of the number
    assert A.rejects("q2_tests", fideles_cpas=funnel.returning_share(cpas))


def test_q3_wrong_answers():
    # compared with the whole region (no competitors)
    assert A.rejects("q3_tests", part_voix_commune=metrics.share_of_voice(MENTIONS, "I01"))
    # weighted by the audience of the sources
    weighted = metrics.share_of_voice(MENTIONS, "I01", competitors="I13", weight="abonnes_source")
    assert A.rejects("q3_tests", part_voix_commune=weighted)
    # the other commune's share
    assert A.rejects(
        "q3_tests", part_voix_commune=metrics.share_of_voice(MENTIONS, "I13", competitors="I01")
    )
    # a proportion
    assert A.rejects("q3_tests", part_voix_commune=NS["part_voix_commune"] / 100)


def test_q4_wrong_answers():
    right_stage, right_code = NS["etape_faible"], NS["indicateur_faible"]
    for stage in funnel.STAGES:
        if stage != right_stage:
            assert A.rejects("q4_tests", etape_faible=stage)
    # without the accents
    assert A.rejects("q4_tests", etape_faible="notoriete")
    # the strongest stage
    scores = funnel.stage_scores(NS["tableau"])
    assert A.rejects("q4_tests", etape_faible=str(scores.loc["I03"].idxmax()))
    # another indicator of the same stage, or the French label instead of the code
    card = funnel.stage_card(NS["tableau"], "I03")
    same_stage = card[card["etape"] == right_stage]
    for code in same_stage["code"]:
        if code != right_code:
            assert A.rejects("q4_tests", indicateur_faible=code)
    label = same_stage.set_index("code").loc[right_code, "indicateur"]
    assert A.rejects("q4_tests", indicateur_faible=label)
    # the worst rank over every stage, not only the weakest one
    worst_overall = card.sort_values("rang", ascending=False)["code"].iloc[0]
    if worst_overall != right_code:
        assert A.rejects("q4_tests", indicateur_faible=worst_overall)


def test_q5_wrong_answers():
    # ambassadors forgotten
    assert A.rejects("q5_tests", pic_semaine=community.bass_peak_week(0.01, 0.2))
    # p and q swapped (the peak is then at the start: 0.0)
    assert A.rejects("q5_tests", pic_semaine=community.bass_peak_week(0.2, 0.01))
    # the week of the highest bar in the simulation (a whole week)
    df = community.simulate_community(0.01, community.effective_q(0.2, 10), 10000)
    week = int(df.loc[df["adoptants_nouveaux"].idxmax(), "semaine"])
    assert A.rejects("q5_tests", pic_semaine=week)
    # each ambassador counted as 0.1 instead of 0.01
    assert A.rejects("q5_tests", pic_semaine=community.bass_peak_week(0.01, 1.2))
    # rounded to two decimals is fine
    assert A.accepts("q5_tests", pic_semaine=round(NS["pic_semaine"], 2))


def test_q6_wrong_answers():
    right = NS["service_min"]
    # one step too low or too high on the grid
    assert A.rejects("q6_tests", service_min=round(right - 0.05, 2))
    assert A.rejects("q6_tests", service_min=round(right + 0.05, 2))
    # a percentage
    assert A.rejects("q6_tests", service_min=int(round(right * 100)))
    # "not found"
    assert A.rejects("q6_tests", service_min=None)
    # with the 10 ambassadors of question 5
    with_ambassadors = funnel.min_service_quality(5000, p=0.01, q=0.2, m=10000, n_ambassadors=10)
    if with_ambassadors != right:
        assert A.rejects("q6_tests", service_min=with_ambassadors)
    # 50 000 people instead of 10 000
    assert A.rejects("q6_tests", service_min=funnel.min_service_quality(5000, 0.01, 0.2, 50000))


def test_manual_question_has_criteria_and_a_model_answer():
    cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in A.cells}
    criteria = "".join(cells["consigne_q7"]["source"])
    assert "Critères de correction" in criteria
    model = "".join(cells["q7_manuel"]["source"])
    assert "### BEGIN SOLUTION" in model and "### END SOLUTION" in model
    for stage in ("Notoriété", "Relation", "Après-service"):
        assert stage in model
