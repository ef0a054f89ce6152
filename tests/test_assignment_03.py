"""Module 3 assignment: right answers accepted, plausible wrong answers rejected.

Wrong answers are computed from the solution's own namespace (same data, same model), so
these tests keep meaning the same thing if the sample data are regenerated.
"""

from __future__ import annotations

import contextlib
import io
import json

import pandas as pd
import pytest
from nbharness import ROOT, Assignment

from socialkit import metrics
from socialkit.analysis import cadence as ca
from socialkit.check import Incorrect
from socialkit.models import cadence

NAME = "03-communication-continue"
A = Assignment(NAME)
YEAR = {"start": "2025-09-01", "end": "2026-09-01"}


@pytest.fixture(scope="module", autouse=True)
def _solution_tables():
    """Run the solution (once, on first use) and name the tables the tests below use."""
    global NS, PUBS, COMPTES, INST, PUBS_INST
    NS = A.namespace
    PUBS = NS["publications"]
    COMPTES = NS["comptes"]
    INST = NS["institutionnels"]
    PUBS_INST = NS["pubs_inst"]


def test_every_graded_cell_is_covered_here():
    assert A.grade_ids() == [f"q{i}_tests" for i in range(1, 9)]


@pytest.mark.parametrize("grade_id", [f"q{i}_tests" for i in range(1, 9)])
def test_solution_is_accepted(grade_id):
    assert A.accepts(grade_id)


def test_q1_wrong_answers():
    # every publication, ambassadors included
    assert A.rejects("q1_tests", pubs_inst=PUBS)
    # every account kept
    assert A.rejects("q1_tests", institutionnels=COMPTES, pubs_inst=PUBS)
    # "officiel" instead of type_compte: drops the two unofficial institutional pages
    official = COMPTES[COMPTES["officiel"]]
    assert A.rejects(
        "q1_tests",
        institutionnels=official,
        pubs_inst=PUBS[PUBS["compte_id"].isin(official["compte_id"])],
    )
    # only the ids, not the table
    assert A.rejects("q1_tests", pubs_inst=PUBS_INST["compte_id"])


def test_q1_accepts_an_equivalent_filter():
    inst = COMPTES.query("type_compte == 'institutionnel'")
    pubs = PUBS.merge(inst[["compte_id"]], on="compte_id")
    assert A.accepts("q1_tests", institutionnels=inst, pubs_inst=pubs)


def per_week(**kwargs) -> float:
    return metrics.posting_regularity(PUBS_INST, **kwargs).loc["C046", "publications_par_semaine"]


def test_q2_wrong_answers():
    # period counted from the account's first post (the initial silence disappears)
    assert A.rejects("q2_tests", pub_semaine_cpas=per_week())
    # off by one day: 31 August excluded
    assert A.rejects("q2_tests", pub_semaine_cpas=per_week(start="2025-09-01", end="2026-08-31"))
    # number of posts of the year, not per week
    count = int((PUBS_INST["compte_id"] == "C046").sum())
    assert A.rejects("q2_tests", pub_semaine_cpas=count)
    # posts divided by 52 weeks instead of 365 / 7
    assert A.rejects("q2_tests", pub_semaine_cpas=count / 52)
    # rounded
    assert A.rejects("q2_tests", pub_semaine_cpas=round(NS["pub_semaine_cpas"], 2))


def test_q3_wrong_answers():
    right = int(NS["nb_comptes_silence_90"])
    # accounts that never posted are forgotten (no accounts=...)
    silent = metrics.posting_regularity(PUBS_INST, **YEAR)["plus_long_silence_jours"] > 90
    assert int(silent.sum()) != right
    assert A.rejects("q3_tests", nb_comptes_silence_90=silent.sum())
    # dormant accounts (only the final silence counts)
    dormant = metrics.is_dormant(PUBS_INST, accounts=INST, end="2026-09-01").sum()
    assert A.rejects("q3_tests", nb_comptes_silence_90=dormant)
    # a float, and the list of accounts instead of their number
    assert A.rejects("q3_tests", nb_comptes_silence_90=float(right))
    rythme = NS["rythme"]
    assert A.rejects(
        "q3_tests",
        nb_comptes_silence_90=list(rythme.index[rythme["plus_long_silence_jours"] > 90]),
    )


def test_q3_accepts_a_plain_int():
    assert A.accepts("q3_tests", nb_comptes_silence_90=int(NS["nb_comptes_silence_90"]))


def test_q4_wrong_answers():
    right = int(NS["heure_top"])
    # the busiest hour instead of the most engaging one
    busiest = int(ca.time_profile(PUBS_INST)["part_publications"].idxmax())
    assert busiest != right
    assert A.rejects("q4_tests", heure_top=busiest)
    # hours read in UTC instead of Brussels time
    rates = metrics.engagement_rate_per_post(PUBS_INST)
    utc_hour = PUBS_INST["publie_le"].dt.tz_convert("UTC").dt.hour
    by_hour = rates.groupby(utc_hour).agg(["median", "size"])
    utc_best = int(by_hour.loc[by_hour["size"] >= 20, "median"].idxmax())
    assert utc_best != right
    assert A.rejects("q4_tests", heure_top=utc_best)
    # all accounts, ambassadors included
    everyone = int(ca.time_profile(PUBS)["taux_engagement_median"].idxmax())
    assert everyone != right
    assert A.rejects("q4_tests", heure_top=everyone)
    # a float, and a label string
    assert A.rejects("q4_tests", heure_top=float(right))
    assert A.rejects("q4_tests", heure_top=f"{right} h")


def test_q4_accepts_a_plain_int():
    assert A.accepts("q4_tests", heure_top=int(NS["heure_top"]))


def test_q5_wrong_answers():
    # mean of the per-post rates instead of the ratio of sums
    assert A.rejects(
        "q5_tests", er_format=ca.engagement_by(PUBS_INST, "format", method="mean_of_ratios")
    )
    # every account, ambassadors included
    assert A.rejects("q5_tests", er_format=ca.engagement_by(PUBS, "format"))
    # engagement rate by followers instead of by reach
    assert A.rejects(
        "q5_tests", er_format=ca.engagement_by(PUBS_INST, "format", by="abonnes_au_moment")
    )
    # a list instead of a Series, a dict, rounded values, a fraction instead of percent
    right = NS["er_format"]
    assert A.rejects("q5_tests", er_format=right.tolist())
    assert A.rejects("q5_tests", er_format=right.to_dict())
    assert A.rejects("q5_tests", er_format=right.round(1))
    assert A.rejects("q5_tests", er_format=right / 100)
    # only some formats
    assert A.rejects("q5_tests", er_format=right.drop("texte"))


def test_q5_accepts_any_order_and_a_hand_made_groupby():
    right = NS["er_format"]
    assert A.accepts("q5_tests", er_format=right.sort_values(ascending=False))
    sums = PUBS_INST.groupby("format", observed=True)[
        ["reactions", "commentaires", "partages", "portee"]
    ].sum()
    by_hand = (sums["reactions"] + sums["commentaires"] + sums["partages"]) / sums["portee"] * 100
    assert isinstance(by_hand.index, pd.CategoricalIndex)  # and nullable Float64 values
    assert A.accepts("q5_tests", er_format=by_hand)


def test_q6_wrong_answers():
    # without relative=True (big accounts bias the curve)
    plain = metrics.posts_per_day_fatigue(PUBS_INST).loc[2, "indice_rang_1"]
    assert A.rejects("q6_tests", indice_rang_2=plain)
    # every account
    everyone = metrics.posts_per_day_fatigue(PUBS, relative=True).loc[2, "indice_rang_1"]
    assert A.rejects("q6_tests", indice_rang_2=everyone)
    # a fraction instead of a percentage, the first rank, the mean engagements
    right = NS["indice_rang_2"]
    assert A.rejects("q6_tests", indice_rang_2=right / 100)
    assert A.rejects("q6_tests", indice_rang_2=100.0)
    fatigue = metrics.posts_per_day_fatigue(PUBS_INST, relative=True)
    assert A.rejects("q6_tests", indice_rang_2=fatigue.loc[2, "engagements_moyens"])


def test_q7_wrong_answers():
    def habit(*args, key="habitude_finale", **kwargs):
        return cadence.summary(cadence.simulate_cadence(*args, **kwargs))[key]

    # forgot weeks=26 (default: one year)
    assert A.rejects("q7_tests", habitude_6_mois=habit(3, 0.9, 1.0))
    # mean habit over the period instead of the final one
    mean_habit = habit(3, 0.9, 1.0, weeks=26, key="habitude_moyenne")
    assert A.rejects("q7_tests", habitude_6_mois=mean_habit)
    # regularity 0.2 (the other half of the lecture's question)
    assert A.rejects("q7_tests", habitude_6_mois=habit(3, 0.2, 1.0, weeks=26))
    # the whole summary instead of one value
    assert A.rejects(
        "q7_tests", habitude_6_mois=cadence.summary(cadence.simulate_cadence(3, 0.9, 1.0, weeks=26))
    )


def test_q8_wrong_answers():
    right = int(NS["cadence_minimale"])
    # off by one: the last value that fails, or the one after the first that succeeds
    assert A.rejects("q8_tests", cadence_minimale=right - 1)
    assert A.rejects("q8_tests", cadence_minimale=right + 1)
    # a float
    assert A.rejects("q8_tests", cadence_minimale=float(right))
    # interest left at 1 (the simulator's default)
    default_interest = next(
        n
        for n in range(1, 22)
        if cadence.summary(cadence.simulate_cadence(n, 0.8, 1.0, weeks=26))["abonnes_finaux"]
        >= 5000
    )
    assert default_interest != right
    assert A.rejects("q8_tests", cadence_minimale=default_interest)


def test_untouched_exercise_says_not_answered_yet_for_every_question():
    """A trainee who runs every cell of the untouched exercise, in order, gets the French
    « pas encore répondu » message from each test cell (never a NameError)."""
    cells = json.loads((ROOT / "exercises" / NAME / f"{NAME}.ipynb").read_text(encoding="utf-8"))[
        "cells"
    ]
    namespace: dict = {"__name__": "__main__"}
    messages = {}
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        meta = cell["metadata"].get("nbgrader", {})
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(Assignment._source(cell), NAME, "exec"), namespace)
        except NotImplementedError:
            assert meta.get("solution"), meta
        except Incorrect as error:
            messages[meta["grade_id"]] = str(error)
    assert sorted(messages) == sorted(A.grade_ids())
    for grade_id, message in messages.items():
        assert message.startswith("Vous n'avez pas encore répondu"), (grade_id, message)


def test_visible_hint_for_a_list_is_french():
    error = A._run("q5_tests", {"er_format": NS["er_format"].tolist()})
    assert "colonne pandas (Series)" in str(error) and "tolist" in str(error)


def test_hidden_values_use_the_brussels_year():
    # guards the period used in the hidden values: 365 days, 1 Sept 2025 → 1 Sept 2026
    right = NS["pub_semaine_cpas"]
    count = int((PUBS_INST["compte_id"] == "C046").sum())
    assert right == pytest.approx(count / (365 / 7))
    assert isinstance(NS["er_format"], pd.Series)
