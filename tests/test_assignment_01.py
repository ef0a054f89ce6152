"""Module 1 graded notebook: right answers accepted, plausible wrong answers rejected."""

from __future__ import annotations

import pandas as pd
import pytest
from nbharness import Assignment


@pytest.fixture(scope="module")
def a():
    return Assignment("01-prise-en-main")


def test_grade_ids(a):
    assert a.grade_ids() == ["q1_tests", "q2_tests", "q3_tests", "q4_tests", "q5_tests"]


def test_solution_is_accepted(a):
    for grade_id in a.grade_ids():
        assert a.accepts(grade_id)


def test_unanswered_is_rejected(a):
    for grade_id, name in [
        ("q1_tests", "nb_publications"),
        ("q2_tests", "nb_comptes_commune"),
        ("q3_tests", "partages_cpas"),
        ("q4_tests", "plateforme_spf"),
        ("q5_tests", "publi_mois"),
    ]:
        assert a.rejects(grade_id, **{name: ...})


def test_q1_wrong_answers(a):
    publications, comptes = a.namespace["publications"], a.namespace["comptes"]
    assert a.rejects("q1_tests", nb_publications=len(comptes))  # wrong table
    assert a.rejects("q1_tests", nb_publications=float(len(publications)))  # not an int
    assert a.rejects("q1_tests", nb_publications=len(publications) - 1)
    assert a.rejects("q1_tests", nb_publications=str(len(publications)))


def test_q2_wrong_answers(a):
    comptes = a.namespace["comptes"]
    commune = comptes[comptes["institution_id"] == "I01"]
    institutional = commune[commune["type_compte"] == "institutionnel"]
    assert a.rejects("q2_tests", nb_comptes_commune=len(institutional))  # ambassadors forgotten
    assert a.rejects("q2_tests", nb_comptes_commune=int(commune["officiel"].sum()))  # official only
    assert a.rejects("q2_tests", nb_comptes_commune=len(comptes))  # no filter
    assert a.rejects("q2_tests", nb_comptes_commune=commune)  # the table itself


def test_q3_wrong_answers(a):
    publications = a.namespace["publications"]
    page = publications[publications["compte_id"] == "C009"]
    assert a.rejects("q3_tests", partages_cpas=page["reactions"].sum())  # wrong column
    assert a.rejects("q3_tests", partages_cpas=len(page))  # number of posts
    assert a.rejects("q3_tests", partages_cpas=page["partages"].mean())  # mean, not total
    assert a.rejects("q3_tests", partages_cpas=publications["partages"].sum())  # every account


def test_q4_wrong_answers(a):
    pubs = a.namespace["pubs"]
    spf = pubs[pubs["institution_id"] == "I03"]
    assert a.rejects("q4_tests", plateforme_spf="facebook")  # most posts overall
    assert a.rejects("q4_tests", plateforme_spf="X")  # capital letter
    assert a.rejects("q4_tests", plateforme_spf=spf["plateforme"].value_counts())  # the count
    assert a.rejects("q4_tests", plateforme_spf=pubs["plateforme"].value_counts().idxmax())


def _same_month(pubs: pd.DataFrame, publication_id: str) -> pd.DataFrame:
    months = pubs["publie_le"].dt.strftime("%Y-%m")
    return pubs[months == months[pubs["publication_id"] == publication_id].iloc[0]]


def _top(table: pd.DataFrame, column: str = "commentaires") -> str:
    return table.sort_values(column, ascending=False)["publication_id"].iloc[0]


def test_q5_wrong_answers(a):
    right = a.namespace["publi_mois"]
    pubs = _same_month(a.namespace["pubs"], right)
    commune = pubs[pubs["institution_id"] == "I01"]
    institutional = commune[commune["type_compte"] == "institutionnel"]
    wrong = {
        "ambassadors included": _top(commune),
        "every institution": _top(pubs),
        "most reactions": _top(institutional, "reactions"),
        "Facebook page only": _top(institutional[institutional["compte_id"] == "C001"]),
    }
    for label, answer in wrong.items():
        assert answer != right, label
        assert a.rejects("q5_tests", publi_mois=answer), label
    assert a.rejects("q5_tests", publi_mois=institutional.sort_values("commentaires").head(1))
    assert a.rejects("q5_tests", publi_mois="P6024")  # not an existing id
