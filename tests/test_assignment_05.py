"""Wrong answers of exercise 5 (audit of institutional presence) are rejected."""

from __future__ import annotations

import pytest
from nbharness import Assignment

from socialkit import metrics
from socialkit.analysis import audit

A = Assignment("05-audit-secteur-public")


@pytest.fixture(scope="module", autouse=True)
def _solution_tables():
    """Run the solution (once, on first use) and name the tables the tests below use."""
    global NS
    NS = A.namespace


def test_right_answers_accepted():
    for grade_id in A.grade_ids():
        assert A.accepts(grade_id)


def test_q1_wrong_answers():
    pubs, accounts, end = NS["publications_inst"], NS["comptes_inst"], NS["DATE_AUDIT"]
    # forgetting accounts=: accounts that never posted are missed
    missed = metrics.is_dormant(pubs, end=end)
    missed = sorted(missed[missed].index)
    assert len(missed) < NS["nb_dormants"]
    assert A.rejects("q1_tests", dormants=missed, nb_dormants=len(missed))
    # 30 days instead of 90
    strict = metrics.is_dormant(pubs, accounts=accounts, end=end, days=30)
    strict = sorted(strict[strict].index)
    assert A.rejects("q1_tests", dormants=strict, nb_dormants=len(strict))
    # unsorted list, count as float, count disagreeing with the list
    assert A.rejects("q1_tests", dormants=NS["dormants"][::-1])
    assert A.rejects("q1_tests", nb_dormants=float(NS["nb_dormants"]))
    assert A.rejects("q1_tests", nb_dormants=NS["nb_dormants"] + 1)


def test_q2_wrong_answers():
    comments, accounts = NS["commentaires"], NS["comptes_inst"]
    # impostor page included
    all_i01 = accounts[accounts["institution_id"] == "I01"]["compte_id"]
    with_fake = metrics.response_rate(comments[comments["compte_id"].isin(all_i01)])
    assert A.rejects("q2_tests", taux_reponse_commune=with_fake)
    # personal accounts of agents and elected officials included
    everyone = NS["comptes"][NS["comptes"]["institution_id"] == "I01"]["compte_id"]
    with_people = metrics.response_rate(comments[comments["compte_id"].isin(everyone)])
    assert A.rejects("q2_tests", taux_reponse_commune=with_people)
    # replies over every comment (not only those needing a reply); fraction instead of %
    mine = comments[comments["compte_id"].isin(NS["officiels_commune"]["compte_id"])]
    over_all = mine["repondu_le"].notna().mean() * 100
    assert A.rejects("q2_tests", taux_reponse_commune=over_all)
    assert A.rejects("q2_tests", taux_reponse_commune=NS["taux_reponse_commune"] / 100)


def test_q3_wrong_answers():
    table = NS["audit_comptes"]
    with_fakes = int((table["score"] < 40).sum())  # impostor pages counted
    not_green = int((table[table["officiel"]]["score"] < 70).sum())  # orange counted too
    assert with_fakes != NS["nb_comptes_rouges"] and not_green != NS["nb_comptes_rouges"]
    assert A.rejects("q3_tests", nb_comptes_rouges=with_fakes)
    assert A.rejects("q3_tests", nb_comptes_rouges=not_green)
    assert A.rejects("q3_tests", nb_comptes_rouges=float(NS["nb_comptes_rouges"]))
    # a stricter grid (2FA not required) gives another table
    other = audit.apply_thresholds(
        audit.account_facts(
            NS["comptes"],
            NS["publications"],
            NS["commentaires"],
            NS["DATE_AUDIT"],
            institutional_only=False,
        )
    )
    assert A.rejects("q3_tests", audit_comptes=other)


def test_q4_wrong_answers():
    card = NS["carte"]
    best_three = list(card["institution_id"].head(3))
    assert A.rejects("q4_tests", trois_derniers=list(card["institution_id"].tail(3)))  # order
    assert A.rejects("q4_tests", trois_derniers=best_three)
    names = list(card["nom"].tail(3))[::-1]
    assert A.rejects("q4_tests", trois_derniers=names)
    mean_only = card.set_index("institution_id").loc["I01", "score"] + 10  # penalty forgotten
    assert A.rejects("q4_tests", score_commune=mean_only)
    assert A.rejects("q4_tests", score_commune=str(NS["score_commune"]))


def test_q5_wrong_answers():
    assert A.rejects("q5_tests", usurpateur="C001")  # the real page
    assert A.rejects("q5_tests", usurpateur="C037")  # the other impostor (police)
    assert A.rejects("q5_tests", usurpateur="Commune de Val des Saules - Concours")


def test_q6_wrong_answers():
    assert A.rejects("q6_tests", nb_dormants_180=NS["nb_dormants"])  # still 90 days
    six = int(
        audit.audit_accounts(
            NS["comptes"],
            NS["publications"],
            NS["commentaires"],
            end=NS["DATE_AUDIT"],
            dormant_days=6,
        )["dormant"].sum()
    )
    assert A.rejects("q6_tests", nb_dormants_180=six)  # "6 months" typed as 6
    assert A.rejects("q6_tests", nb_dormants_180=NS["nb_dormants_180"] - 1)
    assert A.rejects("q6_tests", nb_dormants_180=float(NS["nb_dormants_180"]))


def test_untouched_stubs_rejected():
    for grade_id, names in {
        "q1_tests": ["dormants", "nb_dormants"],
        "q2_tests": ["taux_reponse_commune"],
        "q3_tests": ["nb_comptes_rouges"],
        "q4_tests": ["trois_derniers", "score_commune"],
        "q5_tests": ["usurpateur"],
        "q6_tests": ["nb_dormants_180"],
    }.items():
        assert A.rejects(grade_id, **dict.fromkeys(names, ...))
