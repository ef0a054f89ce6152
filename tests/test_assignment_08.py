"""Module 8 assignment: right answers accepted, plausible wrong answers rejected.

The solution chooses the CPAS de Val-des-Saules (I02); several tests also switch the
institution to check that the hidden tests follow the trainee's choice. The notebook writes
its exports in the current folder, so the whole module runs in a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from nbharness import Assignment

from socialkit.analysis import ambassadors, audit, funnel, interactions, plan
from socialkit.analysis import cadence as ca


@pytest.fixture(scope="module")
def A(tmp_path_factory):
    here = os.getcwd()
    folder = tmp_path_factory.mktemp("m8")
    os.chdir(folder)
    try:
        yield Assignment("08-plan-action")
    finally:
        os.chdir(here)


@pytest.fixture(autouse=True)
def _in_export_folder(A, tmp_path_factory):
    """Stay in the folder where the solution wrote its exports (Q6 reads them)."""
    here = os.getcwd()
    os.chdir(Path(A.namespace["chemins"]["csv"]).resolve().parent)
    yield
    os.chdir(here)


GRADED = [f"q{i}_tests" for i in range(1, 9)]


def ns(A, name):
    return A.namespace[name]


def test_every_graded_cell_is_covered_here(A):
    assert A.grade_ids() == GRADED


@pytest.mark.parametrize("grade_id", GRADED)
def test_solution_is_accepted(A, grade_id):
    assert A.accepts(grade_id)


def test_solution_exports_next_to_the_notebook(A):
    assert Path(ns(A, "chemins")["csv"]).name == "plan_I02_calendrier.csv"
    assert not Path(ns(A, "chemins")["csv"]).is_absolute()


# --- Q1 ---------------------------------------------------------------------------


def test_q1_wrong_answers(A):
    comptes = ns(A, "comptes")
    # an institution outside the list
    assert A.rejects(
        "q1_tests", institution_id="I04", mes_comptes=funnel.official_accounts(comptes, "I04")
    )
    # the identifier without quotes would be a NameError; a number is the next mistake
    assert A.rejects("q1_tests", institution_id=2)
    # every account of the institution, ambassadors included
    assert A.rejects("q1_tests", mes_comptes=comptes[comptes["institution_id"] == "I02"])
    # the accounts of another institution
    assert A.rejects("q1_tests", mes_comptes=funnel.official_accounts(comptes, "I05"))


def test_q1_follows_the_choice(A):
    comptes = ns(A, "comptes")
    for inst in ["I01", "I05", "I12"]:
        assert A.accepts(
            "q1_tests", institution_id=inst, mes_comptes=funnel.official_accounts(comptes, inst)
        )
    # I01: the unofficial "concours" page C007 must not be there
    everything = comptes[
        (comptes["institution_id"] == "I01") & (comptes["type_compte"] == "institutionnel")
    ]
    assert A.rejects("q1_tests", institution_id="I01", mes_comptes=everything)


# --- Q2 ---------------------------------------------------------------------------


def actifs(A, inst, dormant=False):
    full = audit.audit_accounts(
        ns(A, "comptes"), ns(A, "publications"), ns(A, "commentaires"), end="2026-09-01"
    )
    mine = full[full.index.isin(funnel.official_accounts(ns(A, "comptes"), inst)["compte_id"])]
    return sorted(mine.index if dormant else mine[~mine["dormant"]].index)


def test_q2_wrong_answers(A):
    comptes = ns(A, "comptes")
    i05 = {"institution_id": "I05", "mes_comptes": funnel.official_accounts(comptes, "I05")}
    assert A.accepts("q2_tests", comptes_actifs=actifs(A, "I05"), **i05)
    # dormant accounts kept
    assert A.rejects("q2_tests", comptes_actifs=actifs(A, "I05", dormant=True), **i05)
    # only the dormant ones (filter reversed)
    dormants = sorted(set(actifs(A, "I05", dormant=True)) - set(actifs(A, "I05")))
    assert A.rejects("q2_tests", comptes_actifs=dormants, **i05)
    # a Series / an Index instead of a list
    assert A.rejects("q2_tests", comptes_actifs=pd.Series(ns(A, "comptes_actifs")))
    assert A.rejects("q2_tests", comptes_actifs=pd.Index(ns(A, "comptes_actifs")))
    # ambassadors' accounts added
    assert A.rejects("q2_tests", comptes_actifs=["C009", "C010", "C061", "C062"])
    # the audit date of the data's end (31/08) is the same answer; a year earlier is not
    i01 = {"institution_id": "I01", "mes_comptes": funnel.official_accounts(comptes, "I01")}
    assert A.accepts("q2_tests", comptes_actifs=actifs(A, "I01"), **i01)
    assert A.rejects("q2_tests", comptes_actifs=actifs(A, "I01", dormant=True), **i01)


# --- Q3 ---------------------------------------------------------------------------


def test_q3_wrong_answers(A):
    right = ns(A, "part_personnes")
    assert A.rejects("q3_tests", part_personnes=right / 100)  # a fraction
    assert A.rejects("q3_tests", part_personnes=round(right, 1))  # rounded
    table = ambassadors.compare_by_institution(ns(A, "publications"), ns(A, "comptes"))
    row = table.loc["I02"]
    by_posts = (
        row["publications_personnes"]
        / (row["publications_personnes"] + row["publications_institution"])
        * 100
    )
    assert A.rejects("q3_tests", part_personnes=float(by_posts))  # share of posts, not reach
    # another institution's value
    share = ambassadors.people_share(ns(A, "publications"), ns(A, "comptes"))
    assert A.rejects("q3_tests", part_personnes=share["I05"])
    assert A.accepts("q3_tests", institution_id="I05", part_personnes=share["I05"])
    assert A.rejects("q3_tests", part_personnes=str(right))


# --- Q4 ---------------------------------------------------------------------------


def test_q4_wrong_answers(A):
    mine = ns(A, "mes_publications")
    most_published = str(mine["format"].value_counts().idxmax())
    assert most_published != ns(A, "meilleur_format")
    assert A.rejects("q4_tests", meilleur_format=most_published)
    assert A.rejects("q4_tests", meilleur_format="carrousel")  # second best
    assert A.rejects("q4_tests", meilleur_format="vidéo")  # not a kit format
    assert A.rejects("q4_tests", meilleur_format=ns(A, "par_format"))  # the whole Series
    # the right answer of I02 given for I03 (whose best format is the photo)
    assert A.rejects("q4_tests", institution_id="I03", meilleur_format="video")
    comptes, pubs = ns(A, "comptes"), ns(A, "publications")
    i03 = pubs[pubs["compte_id"].isin(funnel.official_accounts(comptes, "I03")["compte_id"])]
    best = ca.engagement_by(i03, "format", min_posts=20).idxmax()
    assert A.accepts("q4_tests", institution_id="I03", meilleur_format=best)


# --- Q5 ---------------------------------------------------------------------------


def test_q5_wrong_answers(A):
    cal = ns(A, "calendrier")
    # a post in office hours (10:00 on a Tuesday)
    late = cal.copy()
    late.loc[0, "date_heure"] = late.loc[0, "date_heure"].replace(hour=10)
    assert A.rejects("q5_tests", calendrier=late)
    # only the first week: too few posts and silent weeks
    assert A.rejects("q5_tests", calendrier=cal.iloc[:6])
    # a holiday week on Facebook: 10 days between Saturday 19/09 and Tuesday 29/09
    local = cal["date_heure"].dt.tz_localize(None)
    week3 = (local >= "2026-09-21") & (local < "2026-09-28") & (cal["compte_id"] == "C009")
    assert A.rejects("q5_tests", calendrier=cal[~week3])
    # the same calendar a year too early (the data period, not the plan)
    assert A.rejects(
        "q5_tests", calendrier=cal.assign(date_heure=cal["date_heure"] - pd.Timedelta(weeks=52))
    )
    # three posts the same day on the Facebook page
    crowded = pd.concat(
        [
            cal,
            cal.iloc[[0, 0]].assign(
                date_heure=[
                    cal.loc[0, "date_heure"].replace(hour=12),
                    cal.loc[0, "date_heure"].replace(hour=19),
                ]
            ),
        ],
        ignore_index=True,
    )
    assert A.rejects("q5_tests", calendrier=crowded)
    # a single stage
    assert A.rejects("q5_tests", calendrier=cal.assign(objectif="relation"))
    # the best format never used
    assert A.rejects("q5_tests", calendrier=cal.assign(format="photo"))
    # an account of another institution (Facebook page of the commune)
    assert A.rejects("q5_tests", calendrier=cal.assign(compte_id="C001"))
    # a missing column
    assert A.rejects("q5_tests", calendrier=cal.drop(columns=["objectif"]))
    # empty texts are refused by the hidden tests only
    short = cal.assign(texte="À faire")
    assert A.rejects("q5_tests", calendrier=short)


def test_q5_accepts_another_valid_plan(A):
    slots = plan.regular_slots(days=["lundi", "mercredi", "vendredi"], times=["19h30"])
    contents = [
        ("coulisses_equipe", "video", "notoriété", "Une journée à l'accueil du CPAS."),
        ("social_sante", "photo", "relation", "Le potager solidaire vous attend."),
        (
            "demarches_administratives",
            "carrousel",
            "après-service",
            "Votre demande d'aide en quatre étapes.",
        ),
    ]
    cal = plan.build_calendar(slots, contents, "C009", "facebook")
    assert A.accepts("q5_tests", calendrier=cal)


# --- Q6 ---------------------------------------------------------------------------


def test_q6_wrong_answers(A, tmp_path):
    cal = ns(A, "calendrier")
    paths = plan.export_paths("I02", tmp_path)
    # nothing written
    assert A.rejects("q6_tests", chemins=paths)
    # an .ics exported before the last changes (one post fewer)
    plan.to_csv(cal, paths["csv"])
    plan.to_ics(cal.iloc[:-1], paths["ics"])
    assert A.rejects("q6_tests", chemins=paths)
    # the CSV of an older calendar
    plan.to_ics(cal, paths["ics"])
    plan.to_csv(cal.iloc[:-2], paths["csv"])
    assert A.rejects("q6_tests", chemins=paths)
    # right content under other names
    other = {"csv": tmp_path / "calendrier.csv", "ics": tmp_path / "calendrier.ics"}
    plan.to_csv(cal, other["csv"])
    plan.to_ics(cal, other["ics"])
    assert A.rejects("q6_tests", chemins=other)
    # a list instead of the dict
    assert A.rejects("q6_tests", chemins=[other["csv"], other["ics"]])
    # a hand-made .ics without time zone or PRODID
    bare = plan.export_paths("I02", tmp_path / "bare")
    bare["csv"].parent.mkdir()
    plan.to_csv(cal, bare["csv"])
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    for stamp in cal["date_heure"]:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{stamp.value}",
            f"DTSTART:{stamp:%Y%m%dT%H%M%S}",
            "SUMMARY:x",
            "END:VEVENT",
        ]
    bare["ics"].write_text("\r\n".join([*lines, "END:VCALENDAR", ""]))
    assert A.rejects("q6_tests", chemins=bare)
    # right files in another folder are fine
    good = plan.export_paths("I02", tmp_path / "ok")
    good["csv"].parent.mkdir()
    plan.to_csv(cal, good["csv"])
    plan.to_ics(cal, good["ics"])
    assert A.accepts("q6_tests", chemins=good)


# --- Q7 ---------------------------------------------------------------------------


def test_q7_wrong_answers(A):
    comments = ns(A, "commentaires")
    assert A.rejects("q7_tests", part_questions_1j=ns(A, "part_questions_1j") / 100)
    # all the comments of the data, not the institution's
    everybody = interactions.sla_compliance(comments).loc["question", "part_dans_delai"]
    assert A.rejects("q7_tests", part_questions_1j=everybody)
    # the complaints' line
    assert A.rejects(
        "q7_tests", part_questions_1j=ns(A, "sla_depart").loc["plainte", "part_dans_delai"]
    )
    # answered questions only (the unanswered ones forgotten)
    sla = ns(A, "sla_depart")
    among_answered = sla.loc["question", "dans_delai"] / 7 * 100  # 7 answered questions
    assert A.rejects("q7_tests", part_questions_1j=float(among_answered))
    # ambassadors' comments included
    i02 = comments[comments["compte_id"].isin(["C009", "C010", "C061", "C062"])]
    with_people = interactions.sla_compliance(i02).loc["question", "part_dans_delai"]
    if with_people != ns(A, "part_questions_1j"):
        assert A.rejects("q7_tests", part_questions_1j=with_people)


# --- Q8 ---------------------------------------------------------------------------


def test_q8_wrong_answers(A):
    table, base = ns(A, "indicateurs"), ns(A, "base")
    # a made-up baseline
    fudged = table.copy()
    fudged.loc[0, "valeur_depart"] = 5.0
    assert A.rejects("q8_tests", indicateurs=fudged)
    # baselines of another institution
    other = plan.baselines(
        ns(A, "publications"),
        ns(A, "commentaires"),
        ns(A, "abonnes"),
        ns(A, "mentions"),
        ns(A, "comptes"),
        "I05",
    )
    targets = dict(zip(table["indicateur"], table["cible"], strict=True))
    targets = {
        k: (v if other[k] < v or k == "delai_median_h" else other[k] * 1.1)
        for k, v in targets.items()
    }
    assert A.rejects("q8_tests", indicateurs=plan.indicator_table(other, targets), base=other)
    # a target that is already reached
    reached = table.assign(cible=table["valeur_depart"])
    assert A.rejects("q8_tests", indicateurs=reached)
    # a share above 100 %
    too_high = table.copy()
    too_high.loc[table["indicateur"] == "taux_reponse", "cible"] = 140.0
    assert A.rejects("q8_tests", indicateurs=too_high)
    # no relation indicator
    assert A.rejects("q8_tests", indicateurs=table[table["etape"] != "relation"])
    # no moderation indicator
    no_sla = plan.indicator_table(
        base,
        {"taux_portee": 8.0, "taux_engagement": 3.2, "taux_reponse": 70.0, "part_fideles": 15.0},
    )
    assert A.rejects("q8_tests", indicateurs=no_sla)
    # three indicators only
    three = plan.indicator_table(
        base, {"taux_portee": 8.0, "taux_engagement": 3.2, "questions_dans_delai": 70.0}
    )
    assert A.rejects("q8_tests", indicateurs=three)
    # a delay whose target goes up
    slower = plan.indicator_table(
        base,
        {
            "taux_portee": 8.0,
            "taux_engagement": 3.2,
            "questions_dans_delai": 70.0,
            "delai_median_h": 8.0,
        },
    )
    assert A.rejects("q8_tests", indicateurs=slower)
    # a base tampered with in the same way as the table (hidden tests use the data)
    tampered_base = base.copy()
    tampered_base["taux_portee"] = 5.0
    tampered = plan.indicator_table(tampered_base, targets)
    assert A.rejects("q8_tests", indicateurs=tampered, base=tampered_base)


def test_q8_follows_the_choice(A):
    comptes = ns(A, "comptes")
    base = plan.baselines(
        ns(A, "publications"),
        ns(A, "commentaires"),
        ns(A, "abonnes"),
        ns(A, "mentions"),
        comptes,
        "I05",
    )
    table = plan.indicator_table(
        base,
        {
            "taux_portee": 9.0,
            "taux_engagement": 3.0,
            "plaintes_dans_delai": 75.0,
            "delai_median_h": 1.0,
        },
    )
    assert A.accepts("q8_tests", institution_id="I05", base=base, indicateurs=table)
    # the I05 table handed in while I02 is the chosen institution
    assert A.rejects("q8_tests", indicateurs=table, base=base)
