"""socialkit.analysis.plan: calendar building, rule checks, exports, indicators; SLA targets."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pandas as pd
import pytest
from icalendar import Calendar
from tables import TZ

from socialkit import load
from socialkit.analysis import funnel, interactions, plan
from socialkit.analysis.plan import PlanError
from socialkit.errors import KitValueError

CONTENTS = [
    ("coulisses_equipe", "photo", "notoriété", "Rencontrez l'équipe de l'accueil."),
    ("demarches_administratives", "carrousel", "après-service", "Votre eID en 3 clics."),
    ("social_sante", "video", "relation", "L'épicerie sociale en une minute."),
]


def good_calendar() -> pd.DataFrame:
    slots = plan.regular_slots("2026-09-07", 4, days=["mardi", "jeudi"], times=["07:30"])
    return plan.build_calendar(slots, CONTENTS, "C009", "facebook")


def rows(*items) -> pd.DataFrame:
    """A calendar from (date_heure string, compte_id, plateforme, format, objectif) tuples."""
    return pd.DataFrame(
        [
            {
                "date_heure": d,
                "plateforme": p,
                "compte_id": c,
                "sujet": "social_sante",
                "format": f,
                "texte": "Texte",
                "objectif": o,
            }
            for d, c, p, f, o in items
        ]
    )


def weekly(account="C009", platform="facebook", days=("mardi",), time="19:00"):
    slots = plan.regular_slots("2026-09-07", 4, days=list(days), times=[time])
    return plan.build_calendar(slots, CONTENTS, account, platform)


# ---------------------------------------------------------------------------
# regular_slots / build_calendar
# ---------------------------------------------------------------------------


def test_regular_slots_every_week_same_slots():
    slots = plan.regular_slots("2026-09-07", 4, days=["mardi", "samedi"], times=["7h30", "19:00"])
    assert len(slots) == 16
    assert str(slots.tz) == TZ
    assert set(slots.day_of_week) == {1, 5}
    assert {(t.hour, t.minute) for t in slots} == {(7, 30), (19, 0)}
    assert slots[0] == pd.Timestamp("2026-09-08 07:30", tz=TZ)
    assert slots.is_monotonic_increasing


def test_regular_slots_aliases_and_numbers():
    assert len(plan.regular_slots(days="semaine", times="12h", weeks=1)) == 5
    assert len(plan.regular_slots(days=["week-end"], times=["10"], weeks=2)) == 4
    assert len(plan.regular_slots(days=[0, 2], times=["08:00"], weeks=1)) == 2


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"days": ["mardy"]}, "mardy"),
        ({"days": []}, "au moins un jour"),
        ({"times": ["25:00"]}, "25:00"),
        ({"times": ["midi"]}, "midi"),
        ({"weeks": 0}, "weeks"),
        ({"start": "bientôt"}, "bientôt"),
    ],
)
def test_regular_slots_friendly_errors(kwargs, fragment):
    with pytest.raises(PlanError, match=fragment):
        plan.regular_slots(**kwargs)


def test_build_calendar_columns_and_repeated_contents():
    cal = good_calendar()
    assert list(cal.columns) == plan.CALENDAR_COLUMNS
    assert len(cal) == 8
    assert isinstance(cal["date_heure"].dtype, pd.DatetimeTZDtype)
    assert str(cal["date_heure"].dt.tz) == TZ
    assert list(cal["sujet"][:4]) == [c[0] for c in CONTENTS] + [CONTENTS[0][0]]
    assert (cal["compte_id"] == "C009").all() and (cal["plateforme"] == "facebook").all()


def test_build_calendar_accepts_dicts_dataframe_and_strings():
    dicts = [dict(zip(["sujet", "format", "objectif", "texte"], c, strict=True)) for c in CONTENTS]
    a = plan.build_calendar(["2026-09-08 07:30", "2026-09-10 07:30"], dicts, "C1", "facebook")
    b = plan.build_calendar(
        pd.to_datetime(["2026-09-08 07:30", "2026-09-10 07:30"]),
        pd.DataFrame(dicts),
        "C1",
        "facebook",
    )
    pd.testing.assert_frame_equal(a, b)
    assert a["date_heure"].iloc[0] == pd.Timestamp("2026-09-08 07:30", tz=TZ)


@pytest.mark.parametrize(
    ("contents", "fragment"),
    [
        ([("a", "photo", "relation")], "Contenu n° 1"),
        ([], "vide"),
        ("coulisses", "liste"),
        ([{"sujet": "a", "format": "photo"}], "objectif"),
    ],
)
def test_build_calendar_bad_contents(contents, fragment):
    with pytest.raises(PlanError, match=fragment):
        plan.build_calendar(plan.regular_slots(), contents, "C009", "facebook")


def test_combine_sorts_and_reindexes():
    both = plan.combine(weekly("C009", days=["jeudi"]), weekly("C010", "linkedin", ["mardi"]))
    assert list(both.index) == list(range(8))
    assert both["date_heure"].is_monotonic_increasing
    assert both["compte_id"].iloc[0] == "C010"


# ---------------------------------------------------------------------------
# check_calendar: structural errors name the row and the value
# ---------------------------------------------------------------------------


def test_check_calendar_reads_naive_and_iso_strings_as_brussels():
    cal = rows(
        ("2026-09-08 07:30", "C009", "facebook", "photo", "relation"),
        ("2026-09-10T19:00:00+02:00", "C009", "facebook", "photo", "relation"),
    )
    out = plan.check_calendar(cal)
    assert out["date_heure"].iloc[0] == pd.Timestamp("2026-09-08 07:30", tz=TZ)
    assert out["date_heure"].iloc[1] == pd.Timestamp("2026-09-10 19:00", tz=TZ)
    naive = cal.assign(date_heure=pd.to_datetime(cal["date_heure"].iloc[:1].tolist() * 2))
    assert str(plan.check_calendar(naive)["date_heure"].dt.tz) == TZ


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda c: c.drop(columns=["objectif"]), "objectif"),
        (lambda c: c.assign(texte=["ok", "  "]), "Ligne 1 .*texte"),
        (lambda c: c.assign(format=[None, "photo"]), "Ligne 0 .*format"),
        (lambda c: c.assign(date_heure=["2026-09-08 07:30", "jeudi soir"]), "Ligne 1 .*jeudi soir"),
        (lambda c: c.iloc[:0], "vide"),
        (lambda c: c["texte"], "pas une seule colonne"),
        (lambda c: c.to_dict(), "dict"),
    ],
)
def test_check_calendar_friendly_errors(mutate, fragment):
    cal = rows(
        ("2026-09-08 07:30", "C009", "facebook", "photo", "relation"),
        ("2026-09-10 07:30", "C009", "facebook", "photo", "relation"),
    )
    with pytest.raises(PlanError, match=fragment):
        plan.check_calendar(mutate(cal))


def test_nonexistent_local_time_is_refused():
    cal = rows(("2026-03-29 02:30", "C009", "facebook", "photo", "relation"))
    with pytest.raises(PlanError, match="changement d'heure"):
        plan.check_calendar(cal)


# ---------------------------------------------------------------------------
# calendar_problems: one rule at a time
# ---------------------------------------------------------------------------


def test_good_calendar_has_no_problem():
    assert plan.calendar_problems(good_calendar()) == []
    assert plan.calendar_problems(good_calendar(), accounts=load("comptes")) == []


def test_unknown_platform_format_stage():
    cal = weekly()
    cal.loc[1, "plateforme"] = "tiktok"
    cal.loc[2, "format"] = "reel"
    cal.loc[3, "objectif"] = "fidélisation"
    found = plan.calendar_problems(cal)
    assert found == [
        "Ligne 1 : plateforme « tiktok » inconnu(e) ; valeurs possibles : facebook, instagram, "
        "x, linkedin, youtube, mastodon.",
        "Ligne 2 : format « reel » inconnu(e) ; valeurs possibles : texte, photo, lien, video, "
        "carrousel.",
        "Ligne 3 : objectif « fidélisation » inconnu(e) ; valeurs possibles : notoriété, "
        "relation, après-service.",
    ]


def test_too_many_posts_a_day_per_account():
    cal = weekly()
    extra = cal.iloc[[0, 0]].assign(
        date_heure=[
            pd.Timestamp("2026-09-08 07:15", tz=TZ),
            pd.Timestamp("2026-09-08 12:30", tz=TZ),
        ]
    )
    cal = pd.concat([cal, extra], ignore_index=True)
    assert plan.calendar_problems(cal) == [
        "Compte C009, mardi 08/09/2026 : 3 publications le même jour (maximum 2)."
    ]
    assert plan.calendar_problems(cal, max_per_day=3) == []
    # the same day on another account is not fatigue
    other = pd.concat([weekly(), weekly("C010", "linkedin")], ignore_index=True)
    assert plan.calendar_problems(other) == []


def test_outside_audience_hours():
    cal = weekly(time="10:00")
    found = plan.calendar_problems(cal)
    assert len(found) == 4
    assert found[0] == (
        "Ligne 0 : mardi 08/09/2026 à 10:00, en dehors des heures d'audience du mardi "
        "(7 h–9 h, 12 h–14 h, 17 h–22 h)."
    )
    # the end of a range is excluded, its start included
    assert plan.calendar_problems(weekly(time="09:00"))
    assert plan.calendar_problems(weekly(time="07:00")) == []
    # custom audience hours: a list applies to every day, a dict per day name
    assert plan.calendar_problems(cal, audience_hours=[(9, 11)]) == []
    assert plan.calendar_problems(cal, audience_hours={"mardi": [(9.5, 10.5)]}) == []
    sunday = weekly(days=["dimanche"], time="10:00")
    assert len(plan.calendar_problems(sunday, audience_hours={"semaine": [(9, 11)]})) == 4


def test_bad_audience_hours_are_explained():
    with pytest.raises(PlanError, match="0 ≤ début < fin ≤ 24"):
        plan.calendar_problems(weekly(), audience_hours=[(20, 8)])
    with pytest.raises(PlanError, match="paires"):
        plan.calendar_problems(weekly(), audience_hours={"mardi": ["soir"]})


def test_gaps_between_posts():
    # weekly on Tuesday: gaps of exactly 7 days are fine
    assert plan.calendar_problems(weekly()) == []
    # drop the third Tuesday: 14 days between 15/09 and 29/09
    cal = weekly().drop(index=2)
    assert plan.calendar_problems(cal) == [
        "Compte C009 : 14 jours entre les publications du 15/09 et du 29/09 (au plus 7 jours "
        "entre deux publications pour un rendez-vous régulier)."
    ]
    assert plan.calendar_problems(cal, max_gap_days=14) == []
    # one day is « 1 jour », never « 1 jours »
    assert plan.calendar_problems(weekly(), max_gap_days=1)[0] == (
        "Compte C009 : 1 jour sans publication entre le début du plan (07/09) et le 08/09 "
        "(au plus 1 jour entre deux publications pour un rendez-vous régulier)."
    )


def test_gaps_at_the_edges_of_the_plan():
    # first post on the second Monday: the whole first week is silent
    late = weekly(days=["lundi"]).iloc[1:]
    assert plan.calendar_problems(late, start=plan.PLAN_START, weeks=4) == [
        "Compte C009 : 7 jours sans publication entre le début du plan (07/09) et le 14/09 "
        "(au plus 7 jours entre deux publications pour un rendez-vous régulier)."
    ]
    # last post on the third Tuesday: the fourth week is silent
    early = weekly().iloc[:3]
    assert plan.calendar_problems(early, start=plan.PLAN_START, weeks=4) == [
        "Compte C009 : 12 jours sans publication entre le 22/09 et la fin du plan (04/10) "
        "(au plus 7 jours entre deux publications pour un rendez-vous régulier)."
    ]
    # Monday of week 1 and Sunday of week 4 are the extreme days that still count
    edges = rows(
        *[
            (d, "C009", "facebook", "photo", "relation")
            for d in [
                "2026-09-07 07:30",
                "2026-09-14 07:30",
                "2026-09-21 07:30",
                "2026-09-28 07:30",
                "2026-10-04 10:00",
            ]
        ]
    )
    assert plan.calendar_problems(edges, start=plan.PLAN_START, weeks=4) == []


def test_dates_outside_the_plan():
    cal = weekly()
    cal.loc[3, "date_heure"] = pd.Timestamp("2026-10-06 19:00", tz=TZ)
    found = plan.calendar_problems(cal, start=plan.PLAN_START, weeks=4)
    assert found[0] == (
        "Ligne 3 : le mardi 06/10/2026 est hors de la période du plan (du 07/09/2026 au "
        "04/10/2026)."
    )
    # the post outside the period does not count for regularity: the 4th week is silent
    assert "fin du plan" in found[1]
    # in a five-week plan the date is inside, but 22/09 → 06/10 is a 14-day silence
    assert [p[:40] for p in plan.calendar_problems(cal, start=plan.PLAN_START, weeks=5)] == [
        "Compte C009 : 14 jours entre les publica"
    ]


def test_no_post_at_all_for_an_account_in_the_period():
    cal = weekly()
    cal["date_heure"] = cal["date_heure"] + pd.Timedelta(days=70)
    found = plan.calendar_problems(cal, start=plan.PLAN_START, weeks=4)
    assert found[-1].startswith("Compte C009 : aucune publication pendant toute la période")


def test_default_period_follows_the_calendar_any_dates():
    """Own dates need no extra argument: the plan runs over the weeks the calendar covers."""
    slots = plan.regular_slots("2027-01-05", 6, days=["mardi"], times=["12:30"])
    cal = plan.build_calendar(slots, CONTENTS, "Page Facebook", "facebook")
    assert plan.calendar_problems(cal) == []
    counts = plan.weekly_counts(cal)
    assert counts.shape == (6, 1) and counts.index[0] == "semaine 1 (du 04/01)"
    gap = cal.drop(index=2)
    assert plan.calendar_problems(gap) == [
        "Compte Page Facebook : 14 jours entre les publications du 12/01 et du 26/01 (au plus "
        "7 jours entre deux publications pour un rendez-vous régulier)."
    ]


def test_accounts_and_platforms():
    comptes = load("comptes")
    cal = pd.concat(
        [
            weekly(),
            weekly("C009", "instagram", ["jeudi"]),
            weekly("C999", "facebook", ["vendredi"]),
        ],
        ignore_index=True,
    )
    found = plan.calendar_problems(cal, accounts=comptes)
    assert "Ligne 4 : le compte C009 est sur facebook, pas sur instagram." in found
    assert "Ligne 8 : compte « C999 » absent du tableau des comptes." in found
    assert len(found) == 8


def test_bad_rule_parameters():
    with pytest.raises(PlanError, match="max_per_day"):
        plan.calendar_problems(weekly(), max_per_day=0)
    with pytest.raises(PlanError, match="max_gap_days"):
        plan.calendar_problems(weekly(), max_gap_days=2.5)


# ---------------------------------------------------------------------------
# Reading helpers
# ---------------------------------------------------------------------------


def test_readable_and_weekly_counts():
    cal = good_calendar()
    view = plan.readable(cal)
    assert list(view.columns[:3]) == ["jour", "date", "heure"]
    assert view.iloc[0][["jour", "date", "heure"]].tolist() == ["mardi", "08/09", "07:30"]
    counts = plan.weekly_counts(cal)
    assert counts.shape == (4, 1)
    assert counts["C009"].tolist() == [2, 2, 2, 2]
    assert counts.index[0] == "semaine 1 (du 07/09)"


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


def test_export_paths(tmp_path):
    paths = plan.export_paths("I02", tmp_path)
    assert paths["csv"] == tmp_path / "plan_I02_calendrier.csv"
    assert paths["ics"] == tmp_path / "plan_I02_calendrier.ics"
    assert plan.export_paths("CPAS d'Écaussinnes")["csv"].name == (
        "plan_CPAS-d-Ecaussinnes_calendrier.csv"
    )
    with pytest.raises(PlanError):
        plan.export_paths("???")


def test_csv_default_opens_in_a_belgian_excel(tmp_path):
    cal = good_calendar()
    path = plan.to_csv(cal, tmp_path / "c.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "date;heure;plateforme;compte_id;sujet;format;texte;objectif"
    assert lines[1].startswith("08/09/2026;07:30;facebook;C009;coulisses_equipe;photo;")
    back = plan.read_calendar(path)
    pd.testing.assert_frame_equal(back, plan.check_calendar(cal), check_dtype=False)


def test_csv_for_programs_round_trip(tmp_path):
    cal = good_calendar()
    path = plan.to_csv(cal, tmp_path / "c.csv", excel=False)
    text = path.read_bytes()
    assert not text.startswith(b"\xef\xbb\xbf")
    assert b"2026-09-08T07:30:00+02:00" in text
    back = plan.read_calendar(path)
    pd.testing.assert_frame_equal(back, plan.check_calendar(cal), check_dtype=False)


def test_read_calendar_missing_file(tmp_path):
    with pytest.raises(PlanError, match="introuvable"):
        plan.read_calendar(tmp_path / "absent.csv")


STAMP = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)


def test_ics_is_valid_deterministic_and_complete(tmp_path):
    cal = good_calendar()
    a = plan.to_ics(cal, tmp_path / "a.ics", name="Plan CPAS", stamp=STAMP).read_bytes()
    b = plan.to_ics(cal.iloc[::-1], tmp_path / "b.ics", name="Plan CPAS", stamp=STAMP)
    assert a == b.read_bytes()  # row order does not matter
    parsed = Calendar.from_ical(a)
    assert str(parsed["VERSION"]) == "2.0"
    assert "PRODID" in parsed
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Europe/Brussels"]
    events = parsed.walk("VEVENT")
    assert len(events) == len(cal)
    first = events[0]
    assert first.decoded("dtstart") == pd.Timestamp("2026-09-08 07:30", tz=TZ)
    assert b"DTSTART;TZID=Europe/Brussels:20260908T073000" in a
    assert str(first["summary"]) == "Facebook · Rencontrez l'équipe de l'accueil. (photo)"
    description = str(first["description"])
    assert "Rencontrez l'équipe" in description
    assert "Sujet : coulisses de l'équipe · Format : photo · Objectif : notoriété" in description
    assert len({str(e["uid"]) for e in events}) == len(cal)
    assert {e.decoded("dtstamp") for e in events} == {STAMP}


def test_ics_dtstamp_is_the_export_time(tmp_path):
    before = datetime.now(UTC).replace(microsecond=0)
    parsed = Calendar.from_ical(plan.to_ics(good_calendar(), tmp_path / "n.ics").read_bytes())
    after = datetime.now(UTC)
    for event in parsed.walk("VEVENT"):
        assert before <= event.decoded("dtstamp") <= after


def test_ics_timezone_is_complete_for_any_year(tmp_path):
    """The VTIMEZONE carries the yearly rules: it converts correctly far beyond the plan."""
    parsed = Calendar.from_ical(plan.to_ics(good_calendar(), tmp_path / "z.ics").read_bytes())
    (zone,) = parsed.walk("VTIMEZONE")
    kinds = {c.name: c for c in zone.subcomponents}
    assert set(kinds) == {"DAYLIGHT", "STANDARD"}
    assert all("RRULE" in c for c in kinds.values())
    tz = zone.to_tz()
    for when, offset in [
        (datetime(2026, 3, 29, 1, 59), 1),
        (datetime(2026, 3, 29, 3, 1), 2),
        (datetime(2031, 7, 14, 12, 0), 2),
        (datetime(2031, 10, 26, 3, 30), 1),
        (datetime(2040, 1, 15, 9, 0), 1),
    ]:
        assert when.replace(tzinfo=tz).utcoffset().total_seconds() == offset * 3600, when


def test_ics_uid_is_the_slot_and_survives_edits(tmp_path):
    cal = good_calendar()
    twice = pd.concat([cal, cal.iloc[[0]]], ignore_index=True)
    events = plan.read_ics(plan.to_ics(twice, tmp_path / "t.ics"))
    assert len(events) == 9 and events["uid"].is_unique
    original = plan.read_ics(plan.to_ics(cal, tmp_path / "u.ics"))
    assert set(original["uid"]) < set(events["uid"])
    edited = cal.assign(texte="Autre texte", sujet="vie_democratique", format="lien")
    again = plan.read_ics(plan.to_ics(edited, tmp_path / "v.ics"))
    assert again["uid"].tolist() == original["uid"].tolist()  # same slots, same events
    assert again["titre"].iloc[0] == "Facebook · Autre texte (lien)"
    moved = cal.assign(date_heure=cal["date_heure"] + pd.Timedelta(hours=1))
    moved_uids = set(plan.read_ics(plan.to_ics(moved, tmp_path / "w.ics"))["uid"])
    assert not moved_uids & set(original["uid"])  # another slot is another event
    other = cal.assign(compte_id="C010")
    assert not set(plan.read_ics(plan.to_ics(other, tmp_path / "x.ics"))["uid"]) & set(
        original["uid"]
    )


def test_read_ics(tmp_path):
    cal = good_calendar()
    events = plan.read_ics(plan.to_ics(cal, tmp_path / "x.ics"))
    assert list(events.columns) == ["uid", "date_heure", "titre", "description"]
    assert events["date_heure"].tolist() == cal["date_heure"].tolist()
    bad = tmp_path / "bad.ics"
    bad.write_text("bonjour")
    with pytest.raises(PlanError, match="iCalendar"):
        plan.read_ics(bad)
    with pytest.raises(PlanError, match="introuvable"):
        plan.read_ics(tmp_path / "absent.ics")


# ---------------------------------------------------------------------------
# Moderation targets
# ---------------------------------------------------------------------------


def comment(cat, created, replied, needs=True):
    return {
        "categorie": cat,
        "necessite_reponse": needs,
        "cree_le": pd.Timestamp(created, tz=TZ),
        "repondu_le": pd.Timestamp(replied, tz=TZ) if replied else pd.NaT,
    }


def test_sla_compliance_hand_computed():
    table = pd.DataFrame(
        [
            # complaint Friday 16:00 → Monday 10:00: 2.5 business hours (in time), 66 clock hours
            comment("plainte", "2026-09-11 16:00", "2026-09-14 10:00"),
            # complaint Monday 9:00 → Monday 14:00: 5 business hours (late)
            comment("plainte", "2026-09-14 09:00", "2026-09-14 14:00"),
            comment("plainte", "2026-09-14 09:00", None),  # unanswered: late
            comment("plainte", "2026-09-14 09:00", None, needs=False),  # not counted
            # misinformation Saturday 20:00 → 20:45: within 1 clock hour
            comment("desinformation", "2026-09-12 20:00", "2026-09-12 20:45"),
            # question Monday 16:00 → Tuesday 16:00: 8.5 business hours = 1 business day, in time
            comment("question", "2026-09-14 16:00", "2026-09-15 16:00"),
        ]
    )
    sla = interactions.sla_compliance(table)
    assert list(sla.index) == ["urgent", "plainte", "question", "autre"]
    assert sla.loc["plainte", "a_repondre"] == 3
    assert sla.loc["plainte", "dans_delai"] == 1
    assert sla.loc["plainte", "part_dans_delai"] == pytest.approx(100 / 3)
    assert sla.loc["plainte", "delai_median_h"] == pytest.approx((2.5 + 5) / 2)
    assert sla.loc["urgent", "part_dans_delai"] == 100
    assert sla.loc["question", "part_dans_delai"] == 100
    assert math.isnan(sla.loc["autre", "part_dans_delai"])


def test_sla_table_lists_every_tier():
    table = interactions.sla_table()
    assert list(table.index) == list(interactions.SLA_TIERS)
    assert table.loc["plainte", "delai_cible"] == "4 heures ouvrables"


def test_sla_compliance_errors():
    with pytest.raises(KitValueError, match="categorie"):
        interactions.sla_compliance(pd.DataFrame({"x": [1]}))
    with pytest.raises(KitValueError):
        interactions.sla_compliance("commentaires")


# ---------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables():
    return {n: load(n) for n in ["publications", "commentaires", "abonnes", "mentions", "comptes"]}


@pytest.fixture(scope="module")
def base_i02(tables):
    return plan.baselines(
        tables["publications"],
        tables["commentaires"],
        tables["abonnes"],
        tables["mentions"],
        tables["comptes"],
        "I02",
    )


def test_baselines_match_the_funnel_metrics(tables, base_i02):
    expected = funnel.stage_metrics(
        tables["publications"],
        tables["commentaires"],
        tables["abonnes"],
        tables["mentions"],
        tables["comptes"],
    ).loc["I02"]
    for name in funnel.METRICS:
        assert base_i02[name] == pytest.approx(expected[name], nan_ok=True)
    assert list(base_i02.index) == list(plan.INDICATORS)
    # I02's official accounts: C009 (Facebook) and C010 (LinkedIn)
    mine = tables["commentaires"][tables["commentaires"]["compte_id"].isin(["C009", "C010"])]
    sla = interactions.sla_compliance(mine)
    assert base_i02["plaintes_dans_delai"] == pytest.approx(sla.loc["plainte", "part_dans_delai"])
    assert base_i02["plaintes_dans_delai"] == pytest.approx(20.0)
    assert base_i02["taux_reponse"] == pytest.approx(40.816326531)


TARGETS = {"taux_portee": 8.0, "taux_engagement": 3.0, "taux_reponse": 60.0, "delai_median_h": 4.0}


def test_indicator_table_and_no_problem(base_i02):
    table = plan.indicator_table(base_i02, TARGETS)
    assert list(table.columns) == plan.INDICATOR_COLUMNS
    assert table["etape"].tolist() == ["notoriété", "relation", "après-service", "après-service"]
    assert table["valeur_depart"].tolist() == [base_i02[k] for k in TARGETS]
    assert plan.indicator_problems(table, base_i02) == []
    assert plan.indicator_problems(table) == []


def test_indicator_problems(base_i02):
    table = plan.indicator_table(base_i02, TARGETS)
    table.loc[0, "cible"] = 5.0  # below the baseline (7.06)
    table.loc[3, "cible"] = 10.0  # a delay must go down
    table.loc[1, "valeur_depart"] = 2.5  # not the data
    table.loc[2, "etape"] = "relation"
    found = plan.indicator_problems(table, base_i02)
    assert found == [
        "Ligne 0 : la cible de « taux_portee » (5,00) doit être plus haute que la valeur de "
        "départ (7,06).",
        "Ligne 1 : la valeur de départ de « taux_engagement » (2,50) ne correspond pas aux "
        "données ; recalculez-la avec plan.baselines(...).",
        "Ligne 2 : « taux_reponse » mesure l'étape « après-service », pas « relation ».",
        "Ligne 3 : la cible de « delai_median_h » (10,00) doit être plus basse que la valeur "
        "de départ (6,47).",
    ]


def test_indicator_problems_missing_stage_duplicates_unknown_nan(base_i02):
    table = plan.indicator_table(base_i02, {"taux_reponse": 60.0, "taux_engagement": 3.0})
    table = pd.concat([table, table.iloc[[0]]], ignore_index=True)
    table.loc[3] = ["notoriété", "abonnes_facebook", "?", 1.0, 2.0]
    found = plan.indicator_problems(table)
    assert "Ligne 2 : l'indicateur « taux_reponse » figure deux fois." in found
    assert "Ligne 3 : indicateur « abonnes_facebook » inconnu." in found
    assert "Aucun indicateur pour l'étape « notoriété »." not in found
    last = plan.indicator_problems(table.iloc[:2])[-1]
    assert last == "Aucun indicateur pour l'étape « notoriété »."
    nan_base = base_i02.copy()
    nan_base["delai_median_h"] = float("nan")
    t = plan.indicator_table(nan_base, {"delai_median_h": 4.0})
    assert "pas de valeur de départ" in plan.indicator_problems(t)[0]
    t = plan.indicator_table(base_i02, {"taux_reponse": 120.0})
    assert "entre 0 et 100" in plan.indicator_problems(t)[0]
    t = plan.indicator_table(base_i02, {"portee_moyenne": -5})
    assert "négative" in plan.indicator_problems(t)[0]
    t = plan.indicator_table(base_i02, {"taux_reponse": "60 %"})
    assert "cible chiffrée" in plan.indicator_problems(t)[0]


def test_indicator_table_errors(base_i02):
    with pytest.raises(PlanError, match="inconnu"):
        plan.indicator_table(base_i02, {"likes": 10})
    with pytest.raises(PlanError, match="dictionnaire"):
        plan.indicator_table(base_i02, [("taux_reponse", 60)])
    with pytest.raises(PlanError, match="baselines"):
        plan.indicator_table(base_i02.to_dict(), {"taux_reponse": 60})
    with pytest.raises(PlanError, match="indicator_table"):
        plan.indicator_problems(pd.DataFrame({"indicateur": ["taux_reponse"]}))
