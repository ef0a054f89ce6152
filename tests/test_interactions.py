"""Tests of socialkit.analysis.interactions on small tables whose results are computed by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from tables import stamps

from socialkit import fr, plots
from socialkit.analysis import interactions as I
from socialkit.models import moderation


def comments(rows):
    """Comments from (compte_id, cree_le, repondu_le or None, necessite_reponse, categorie)."""
    return pd.DataFrame(
        {
            "commentaire_id": [f"m{i}" for i in range(len(rows))],
            "compte_id": pd.Series([r[0] for r in rows], dtype="string"),
            "cree_le": stamps([r[1] for r in rows]),
            "repondu_le": stamps([r[2] for r in rows]),
            "necessite_reponse": [r[3] for r in rows],
            "categorie": pd.Categorical([r[4] for r in rows], categories=list(I.TRIAGE)),
        }
    )


def mentions(rows):
    """Mentions from (publiee_le, institution_id, sentiment)."""
    return pd.DataFrame(
        {
            "publiee_le": stamps([r[0] for r in rows]),
            "institution_id": pd.Series([r[1] for r in rows], dtype="string"),
            "sentiment": [r[2] for r in rows],
        }
    )


# --------------------------------------------------------------------------- triage


def test_triage_follows_the_air_force_assessment():
    assert I.triage("troll")["repondre"] is False
    assert "charte" in I.triage("troll")["action"]
    assert "corriger les faits" in I.triage("desinformation")["action"]
    assert "réparer" in I.triage("plainte")["action"]
    assert I.triage("question")["repondre"] is True
    assert I.triage("spam")["repondre"] is False
    table = I.triage_table()
    assert list(table.index) == list(I.TRIAGE)
    assert set(table.index) == {
        "question",
        "plainte",
        "remerciement",
        "neutre",
        "suggestion",
        "spam",
        "troll",
        "desinformation",
    }


def test_triage_unknown_category_is_a_french_error():
    with pytest.raises(ValueError, match="Catégorie inconnue"):
        I.triage("insulte")


def test_add_triage_adds_profile_and_action():
    df = comments(
        [
            ("a", "2026-03-02 10:00", None, True, "plainte"),
            ("a", "2026-03-02 11:00", None, False, "troll"),
        ]
    )
    out = I.add_triage(df)
    assert out["profil"].tolist() == ["mécontent", "troll"]
    assert "profil" not in df.columns  # the input is left untouched


def test_reply_template_fills_known_fields_and_shows_missing_ones():
    text = I.reply_template("plainte", prenom="Marc")
    assert text.startswith("Bonjour Marc,")
    assert "[signature]" in text


# --------------------------------------------------------------------------- unanswered


def test_unanswered_keeps_needed_and_unreplied_questions_and_complaints():
    df = comments(
        [
            ("a", "2026-03-02 10:00", None, True, "question"),
            ("a", "2026-03-02 10:00", "2026-03-02 11:00", True, "question"),
            ("a", "2026-03-02 10:00", None, True, "plainte"),
            ("a", "2026-03-02 10:00", None, False, "question"),
            ("a", "2026-03-02 10:00", None, True, "suggestion"),
        ]
    )
    assert I.unanswered(df).index.tolist() == [0, 2]
    assert I.unanswered(df, "question").index.tolist() == [0]
    assert I.unanswered(df, None).index.tolist() == [0, 2, 4]


# --------------------------------------------------------------------------- crisis episodes


def _quiet_then_burst():
    days = pd.date_range("2026-03-01", periods=60, freq="D")  # 1 negative a day for 60 days
    rows = [(f"{d:%Y-%m-%d} 12:00", "X", -0.5) for d in days]
    rows += [("2026-03-10 08:30", "X", -0.9)] + [("2026-03-10 15:00", "X", -0.9)] * 19
    rows += [("2026-03-11 09:00", "X", -0.9)] * 14  # day 11: 15 negatives
    rows += [("2026-03-13 09:00", "X", -0.9)] * 9  # day 13: 10 (after a 1-day gap)
    rows += [("2026-03-20 09:00", "X", 0.8)] * 50  # positives never count
    rows += [("2026-03-05 09:00", "Y", 0.1)]
    return mentions(rows)


def test_negative_mentions_per_day_fills_quiet_days():
    daily = I.negative_mentions_per_day(_quiet_then_burst())
    assert list(daily.columns) == ["X", "Y"]
    assert len(daily) == 60
    x = I.negative_mentions_per_day(_quiet_then_burst(), "X")
    assert x.loc["2026-03-10"] == 21 and x.loc["2026-03-12"] == 1 and x.loc["2026-03-20"] == 1
    assert daily["Y"].sum() == 0


def test_crisis_episodes_groups_days_across_short_gaps():
    m = _quiet_then_burst()
    # 57 days at 1, then 10, 15, 21: p95 (linear) = 1 + 0.05 × 9 = 1.45; limit 3.45 and ≥ 5
    e = I.crisis_episodes(m)
    assert len(e) == 1
    row = e.iloc[0]
    assert row["institution_id"] == "X"
    assert row["debut"] == pd.Timestamp("2026-03-10") and row["fin"] == pd.Timestamp("2026-03-13")
    assert row["duree_jours"] == 4 and row["jours_de_crise"] == 3
    assert row["mentions_negatives"] == 21 + 15 + 1 + 10
    assert row["pic"] == 21 and row["jour_du_pic"] == pd.Timestamp("2026-03-10")
    assert row["debut_heure"] == pd.Timestamp("2026-03-10 08:30")
    # without tolerated gaps the episode splits in two
    assert len(I.crisis_episodes(m, max_gap_days=0)) == 2
    # a higher floor removes the smaller day
    assert I.crisis_episodes(m, min_per_day=12).iloc[0]["duree_jours"] == 2


def test_episode_posts_and_around_episode():
    posts = pd.DataFrame(
        {
            "compte_id": pd.Series(["a", "a", "a", "b"], dtype="string"),
            "publie_le": stamps(
                ["2026-03-10 09:00", "2026-03-10 20:30", "2026-03-20 09:00", "2026-03-10 10:00"]
            ),
            "texte": ["déclencheur", "réponse", "trop tard", "autre compte"],
            "commentaires": pd.array([50, 12, 40, 99], dtype="Int64"),
        }
    )
    out = I.episode_posts(posts, "a", "2026-03-10 08:30")
    assert out["texte"].tolist() == ["déclencheur", "réponse"]
    assert out["heures_apres_debut"].tolist() == [0.5, 12.0]
    df = comments(
        [
            ("a", "2026-03-10 10:00", None, True, "plainte"),
            ("a", "2026-03-10 23:59", None, False, "troll"),
            ("a", "2026-03-12 01:00", None, True, "plainte"),
            ("b", "2026-03-10 10:00", None, True, "plainte"),
        ]
    )
    table = I.around_episode(df, "a", "2026-03-10 08:30", days_before=1, days_after=3)
    assert len(table) == 5
    assert table.loc["2026-03-10", "plainte"] == 1 and table.loc["2026-03-10", "troll"] == 1
    assert table.loc["2026-03-12", "total"] == 1 and table.loc["2026-03-09", "total"] == 0


# --------------------------------------------------------------------------- Friday gap


def _friday_gap():
    return comments(
        [
            ("a", "2026-03-06 18:00", "2026-03-09 10:00", True, "question"),  # Fri evening: 64 h
            ("a", "2026-03-06 19:00", "2026-03-09 09:00", True, "question"),  # 62 h
            ("a", "2026-03-06 10:00", "2026-03-06 11:00", True, "question"),  # Fri morning: 1 h
            ("a", "2026-03-02 10:00", "2026-03-02 13:00", True, "question"),  # Mon morning: 3 h
            ("a", "2026-03-02 10:00", None, True, "question"),  # unanswered: ignored
        ]
    )


def test_delay_by_weekday():
    table = I.delay_by_weekday(_friday_gap())
    assert list(table.index) == list(fr.WEEKDAYS)
    assert table.loc["vendredi", "commentaires_repondus"] == 3
    assert table.loc["vendredi", "delai_median_h"] == 62.0
    assert table.loc["lundi", "delai_median_h"] == 3.0
    assert table.loc["mardi", "commentaires_repondus"] == 0
    assert np.isnan(table.loc["mardi", "delai_median_h"])


def test_delay_by_weekday_hour_and_business_hours():
    table = I.delay_by_weekday_hour(_friday_gap())
    assert list(table.columns) == ["0–8 h", "8–12 h", "12–17 h", "17–24 h"]
    assert table.loc["vendredi", "17–24 h"] == 63.0
    assert table.loc["vendredi", "8–12 h"] == 1.0
    assert np.isnan(table.loc["jeudi", "8–12 h"])
    business = I.delay_by_weekday_hour(_friday_gap(), business_hours=True)
    # Friday 18:00 → Monday 10:00 = 1.5 business hours; 19:00 → 09:00 = 0.5
    assert business.loc["vendredi", "17–24 h"] == 1.0
    with pytest.raises(ValueError, match="bins"):
        I.delay_by_weekday_hour(_friday_gap(), bins=(8, 12, 24))


# --------------------------------------------------------------------------- responsiveness


def test_responsiveness_table_by_institution():
    df = _friday_gap()
    df.loc[3, "compte_id"] = "b"
    accounts = pd.DataFrame({"compte_id": ["a", "b"], "institution_id": ["I1", "I2"]})
    table = I.responsiveness_table(df, accounts)
    assert table.loc["I1", "commentaires"] == 4 and table.loc["I1", "a_repondre"] == 4
    assert table.loc["I1", "taux_reponse"] == 75.0
    assert table.loc["I1", "delai_median_h"] == 62.0
    assert table.loc["I2", "taux_reponse"] == 100.0
    assert table.loc["I2", "delai_median_ouvrable_h"] == 3.0


# --------------------------------------------------------------------------- staffing


def test_weekly_profile_counts_per_hour_of_week():
    df = comments(
        [
            ("a", "2026-03-02 10:15", None, True, "question"),  # Monday 10 h → slot 10
            ("a", "2026-03-02 10:45", None, False, "neutre"),  # not needing a reply
            ("a", "2026-03-08 23:30", None, True, "plainte"),  # Sunday 23 h → slot 167
            ("a", "2026-03-16 10:00", None, True, "question"),  # two weeks later, Monday 10 h
        ]
    )
    profile = I.weekly_profile(df)
    weeks = (pd.Timestamp("2026-03-16 10:00") - pd.Timestamp("2026-03-02 10:15")) / pd.Timedelta(
        days=7
    )
    assert profile.shape == (168,)
    assert profile[10] == pytest.approx(2 / weeks)
    assert profile[167] == pytest.approx(1 / weeks)
    assert profile.sum() == pytest.approx(3 / weeks)
    assert I.weekly_profile(df, needing_reply_only=False)[10] == pytest.approx(3 / weeks)


def test_headcount_needed_is_the_first_size_meeting_the_target():
    params = dict(
        weekly_profile=moderation.default_weekly_profile(2000),
        staff_start=7.0,
        staff_end=22.0,
        staff_days=tuple(range(7)),
        handle_minutes=10.0,
    )
    n = I.headcount_needed(80, 4, **params)
    assert n is not None and n > 1
    share = [
        moderation.share_within(moderation.simulate_moderation(headcount=k, **params), 4)
        for k in (n - 1, n)
    ]
    assert share[0] < 80 <= share[1]
    # office hours only: no team size reaches 80 % within 1 hour
    assert I.headcount_needed(80, 1, max_headcount=5, handle_minutes=6.0) is None
    with pytest.raises(ValueError, match="headcount"):
        I.headcount_needed(80, 4, headcount=2)


def test_plot_weekly_profiles_draws_two_lines():
    import matplotlib

    matplotlib.use("Agg")
    ax = plots.plot_weekly_profiles(np.ones(168), moderation.default_weekly_profile(168))
    assert len(ax.get_lines()) == 2
    with pytest.raises(ValueError, match="168"):
        plots.plot_weekly_profiles(np.ones(24), np.ones(168))


def test_add_institution_keeps_rows_and_order():
    df = comments(
        [
            ("b", "2026-03-02 10:00", None, True, "question"),
            ("a", "2026-03-02 11:00", None, True, "plainte"),
        ]
    )
    accounts = pd.DataFrame(
        {
            "compte_id": ["a", "b"],
            "institution_id": ["I1", "I2"],
            "type_compte": ["institutionnel", "ambassadeur"],
        }
    )
    institutions = pd.DataFrame(
        {"institution_id": ["I1", "I2"], "type_institution": ["commune", "hopital"]}
    )
    out = I.add_institution(df, accounts, institutions)
    assert out["institution_id"].tolist() == ["I2", "I1"]
    assert out["type_compte"].tolist() == ["ambassadeur", "institutionnel"]
    assert out["type_institution"].tolist() == ["hopital", "commune"]
    assert "type_institution" not in I.add_institution(df, accounts).columns
