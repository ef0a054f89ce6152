"""Module 2 graded notebook: right answers accepted, plausible wrong answers rejected."""

from __future__ import annotations

import pytest
from nbharness import Assignment

from socialkit.analysis import strategy


@pytest.fixture(scope="module")
def a():
    return Assignment("02-strategie-globale")


def test_grade_ids(a):
    assert a.grade_ids() == [f"q{i}_tests" for i in range(1, 7)]


def test_solution_is_accepted(a):
    for grade_id in a.grade_ids():
        assert a.accepts(grade_id)


def test_unanswered_is_rejected(a):
    names = [
        "nb_plateformes_chu",
        "rythme_cpas",
        "audience_spf",
        "hors_ligne_commune",
        "bureau_commentaires",
        "heure_pic",
    ]
    for i, name in enumerate(names, start=1):
        assert a.rejects(f"q{i}_tests", **{name: ...})


def test_q1_wrong_answers(a):
    comptes = a.namespace["comptes"]
    chu_all = comptes[comptes["institution_id"] == "I05"]
    chu = chu_all[chu_all["officiel"]]
    assert a.rejects("q1_tests", nb_plateformes_chu=len(chu))  # accounts, not platforms
    assert a.rejects("q1_tests", nb_plateformes_chu=chu_all["plateforme"].nunique())  # + staff
    assert a.rejects("q1_tests", nb_plateformes_chu=len(chu_all))
    assert a.rejects("q1_tests", nb_plateformes_chu=list(chu["plateforme"].unique()))


def test_q2_wrong_answers(a):
    n = int((a.namespace["publications"]["compte_id"] == "C009").sum())
    assert a.rejects("q2_tests", rythme_cpas=n)  # posts in the year
    assert a.rejects("q2_tests", rythme_cpas=n / 365)  # per day
    assert a.rejects("q2_tests", rythme_cpas=n / 52)  # 52 weeks instead of 365/7
    assert a.rejects("q2_tests", rythme_cpas=n / 12)  # per month


def test_q3_wrong_answers(a):
    ns = a.namespace
    comptes, abonnes = ns["comptes"], ns["abonnes"]
    spf = comptes[comptes["institution_id"] == "I03"]
    official = spf.loc[spf["officiel"], "compte_id"]
    first, last = abonnes["date"].min(), abonnes["date"].max()

    def total(ids, day):
        rows = abonnes[(abonnes["date"] == day) & abonnes["compte_id"].isin(ids)]
        return int(rows["abonnes"].sum())

    assert a.rejects("q3_tests", audience_spf=total(spf["compte_id"], last))  # staff included
    assert a.rejects("q3_tests", audience_spf=total(official, first))  # start of the period
    assert a.rejects(
        "q3_tests",
        audience_spf=int(abonnes.loc[abonnes["compte_id"].isin(official), "abonnes"].sum()),
    )  # every day
    top = strategy.channel_mix(comptes, ns["publications"], abonnes).loc[official, "abonnes_fin"]
    assert a.rejects("q3_tests", audience_spf=int(top.max()))  # largest account only
    assert a.rejects("q3_tests", audience_spf=float(total(official, last)))  # not an int


def test_q4_wrong_answers(a):
    ns = a.namespace
    publications = ns["publications"]
    page = publications[publications["compte_id"] == "C001"]
    pubs = strategy.with_accounts(publications, ns["comptes"])
    assert a.rejects("q4_tests", hors_ligne_commune=float(page["relaie_hors_ligne"].mean()))
    assert a.rejects("q4_tests", hors_ligne_commune=int(page["relaie_hors_ligne"].sum()))
    assert a.rejects(
        "q4_tests", hors_ligne_commune=strategy.offline_share(pubs[pubs["institution_id"] == "I01"])
    )  # whole commune
    assert a.rejects("q4_tests", hors_ligne_commune=strategy.offline_share(publications))
    assert a.rejects("q4_tests", hors_ligne_commune=100 - ns["hors_ligne_commune"])


def test_q5_wrong_answers(a):
    ns = a.namespace
    comments = ns["commentaires"]
    page_comments = comments[comments["compte_id"] == "C001"]
    page_posts = ns["publications"][ns["publications"]["compte_id"] == "C001"]
    right = ns["bureau_commentaires"]
    assert a.rejects("q5_tests", bureau_commentaires=strategy.office_hours_share(page_posts))
    assert a.rejects("q5_tests", bureau_commentaires=100 - right)  # outside office hours
    assert a.rejects("q5_tests", bureau_commentaires=right / 100)  # a proportion
    assert a.rejects("q5_tests", bureau_commentaires=strategy.office_hours_share(comments))
    assert a.rejects(
        "q5_tests",
        bureau_commentaires=strategy.office_hours_share(page_comments, workdays=range(7)),
    )  # weekends counted as office days


def test_q6_wrong_answers(a):
    ns = a.namespace
    hours = strategy.hourly_activity(ns["publications"], ns["commentaires"])
    counts = strategy.hourly_activity(ns["publications"], ns["commentaires"], percent=False)
    assert a.rejects("q6_tests", heure_pic=int(hours["publications"].idxmax()))  # posts' peak
    assert a.rejects("q6_tests", heure_pic=float(hours["commentaires"].max()))  # the share
    assert a.rejects("q6_tests", heure_pic=int(counts["commentaires"].max()))  # the count
    assert a.rejects("q6_tests", heure_pic=f"{ns['heure_pic']}h")


def test_manual_question_has_criteria(a):
    instructions = a.test_cell("consigne_q7")
    assert "Critères de correction" in instructions and instructions.count("**1 point**") == 3
