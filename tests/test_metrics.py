"""Tests of socialkit.metrics against small tables whose results are computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from tables import stamps, ts, typed

from socialkit import metrics


def make_posts(**columns) -> pd.DataFrame:
    """Publications table with schema columns; integer columns as nullable Int64 like load()."""
    n = len(next(iter(columns.values())))
    base = {
        "publication_id": [f"p{i}" for i in range(n)],
        "compte_id": ["a"] * n,
        "publie_le": [f"2026-03-0{2 + i % 5} 10:00" for i in range(n)],
        "abonnes_au_moment": [1000] * n,
        "portee": [100] * n,
        "impressions": [150] * n,
        "reactions": [0] * n,
        "commentaires": [0] * n,
        "partages": [0] * n,
        "clics": [0] * n,
    }
    base.update(columns)
    return typed(pd.DataFrame(base), "publications")


def make_comments(rows: list[tuple[str, str | None, bool]]) -> pd.DataFrame:
    """Comments table from (cree_le, repondu_le or None, necessite_reponse)."""
    return pd.DataFrame(
        {
            "commentaire_id": [f"c{i}" for i in range(len(rows))],
            "cree_le": stamps([r[0] for r in rows]),
            "repondu_le": stamps([r[1] for r in rows]),
            "necessite_reponse": [r[2] for r in rows],
            "categorie": ["question"] * len(rows),
            "sentiment": [0.0] * len(rows),
        }
    )


# --------------------------------------------------------------------------- engagement


def test_engagements_with_and_without_clicks():
    posts = make_posts(reactions=[10, 0], commentaires=[2, 1], partages=[3, 0], clics=[5, 7])
    assert metrics.engagements(posts).tolist() == [15, 1]
    assert metrics.engagements(posts, with_clicks=True).tolist() == [20, 8]
    assert metrics.engagements(posts).name == "engagements"


def test_engagement_rate_denominators_domain_example():
    # docs/sources.md §1.2: 10 000 followers, 50 000 reach, 1 500 engagements → 3 % vs 15 %
    posts = make_posts(
        abonnes_au_moment=[10_000],
        portee=[50_000],
        impressions=[75_000],
        reactions=[1_000],
        commentaires=[300],
        partages=[200],
        clics=[500],
    )
    assert metrics.engagement_rate(posts, by="portee") == pytest.approx(3.0)
    assert metrics.engagement_rate(posts, by="abonnes_au_moment") == pytest.approx(15.0)
    assert metrics.engagement_rate(posts, by="impressions") == pytest.approx(2.0)
    assert metrics.engagement_rate(posts, with_clicks=True) == pytest.approx(4.0)
    assert type(metrics.engagement_rate(posts)) is float


def test_mean_of_ratios_differs_from_ratio_of_sums():
    # engagements 10/100 = 10 %, 10/1000 = 1 %, 100/400 = 25 %; a 4th post has reach 0
    posts = make_posts(
        portee=[100, 1000, 400, 0],
        reactions=[10, 10, 100, 5],
    )
    # ratio of sums: (10 + 10 + 100 + 5) / 1500 × 100 = 8.333…
    assert metrics.engagement_rate(posts) == pytest.approx(125 / 1500 * 100)
    # mean of ratios ignores the reach-0 post: (10 + 1 + 25) / 3 = 12
    assert metrics.engagement_rate(posts, method="mean_of_ratios") == pytest.approx(12.0)
    per_post = metrics.engagement_rate_per_post(posts)
    assert per_post.iloc[:3].tolist() == pytest.approx([10.0, 1.0, 25.0])
    assert math.isnan(per_post.iloc[3])
    assert per_post.index.equals(posts.index)


def test_engagement_rate_skips_missing_values():
    posts = make_posts(portee=[100, 100, 100], reactions=[1, 2, 3])
    posts.loc[0, "portee"] = pd.NA
    assert metrics.engagement_rate(posts) == pytest.approx(2.5)  # (2 + 3) / 200
    assert metrics.engagement_rate(posts, method="mean_of_ratios") == pytest.approx(2.5)


def test_engagement_rate_zero_denominator_is_nan():
    posts = make_posts(portee=[0, 0], reactions=[1, 2])
    assert math.isnan(metrics.engagement_rate(posts))
    assert math.isnan(metrics.engagement_rate(posts, method="mean_of_ratios"))


# --------------------------------------------------------------------------- Kaushik, Bonsón


@pytest.fixture
def four_posts() -> pd.DataFrame:
    return make_posts(
        compte_id=["a", "a", "b", "b"],
        abonnes_au_moment=[1000, 1000, 3000, 3000],
        reactions=[10, 0, 20, 10],
        commentaires=[0, 2, 4, 6],
        partages=[1, 1, 1, 1],
    )


def test_kaushik_rates(four_posts):
    assert metrics.conversation_rate(four_posts) == pytest.approx(3.0)
    assert metrics.amplification_rate(four_posts) == pytest.approx(1.0)
    assert metrics.applause_rate(four_posts) == pytest.approx(10.0)
    # relative variants: per post / mean followers (2 000) × 1 000
    assert metrics.conversation_rate(four_posts, per_1000_followers=True) == pytest.approx(1.5)
    assert metrics.amplification_rate(four_posts, per_1000_followers=True) == pytest.approx(0.5)
    assert metrics.applause_rate(four_posts, per_1000_followers=True) == pytest.approx(5.0)


def test_kaushik_rates_by_account(four_posts):
    conv = metrics.conversation_rate(four_posts, group_by="compte_id")
    assert conv.to_dict() == {"a": 1.0, "b": 5.0}
    rel = metrics.applause_rate(four_posts, per_1000_followers=True, group_by="compte_id")
    assert rel.to_dict() == pytest.approx({"a": 5.0, "b": 5.0})  # 5/1000×1000, 15/3000×1000


def test_bonson_tiny_table(four_posts):
    result = metrics.bonson(four_posts)
    expected = {
        "P1": 75.0,
        "P2": 10.0,
        "P3": 5.0,
        "C1": 75.0,
        "C2": 3.0,
        "C3": 1.5,
        "V1": 100.0,
        "V2": 1.0,
        "V3": 0.5,
        "E": 7.0,
    }
    assert list(result.index) == list(expected)
    assert result.to_dict() == pytest.approx(expected)


def test_bonson_by_account(four_posts):
    table = metrics.bonson(four_posts, group_by="compte_id")
    # account a: reactions 10, 0 → P1 50, P2 5, P3 5 ; comments 0, 2 → C1 50, C2 1, C3 1
    assert table.loc["a", ["P1", "P2", "P3", "C1", "C2", "C3"]].tolist() == pytest.approx(
        [50.0, 5.0, 5.0, 50.0, 1.0, 1.0]
    )
    # account b: E = 15/3 + 5/3 + 1/3 (per 1 000 followers)
    assert table.loc["b", "E"] == pytest.approx(21 / 3)


# --------------------------------------------------------------------------- growth


@pytest.fixture
def followers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-01-01", "2026-01-15", "2026-01-31"] * 2),
            "compte_id": pd.Series(["a"] * 3 + ["b"] * 3, dtype="string"),
            "abonnes": pd.array([1000, 1050, 1100, 500, 480, 450], dtype="Int64"),
            "nouveaux": pd.array([0, 60, 60, 0, 5, 5], dtype="Int64"),
            "desabonnements": pd.array([0, 10, 10, 0, 25, 35], dtype="Int64"),
        }
    )


def test_follower_growth_per_account(followers):
    growth = metrics.follower_growth(followers)
    assert isinstance(growth, pd.Series)
    assert growth.to_dict() == pytest.approx({"a": 10.0, "b": -10.0})
    assert growth.index.name == "compte_id"


def test_follower_growth_single_account_and_window(followers):
    assert metrics.follower_growth(followers, compte_id="a") == pytest.approx(10.0)
    # from 15 Jan: (1100 − 1050) / 1050 × 100
    value = metrics.follower_growth(followers, start="2026-01-15", compte_id="a")
    assert value == pytest.approx(50 / 1050 * 100)
    assert type(value) is float
    only_b = followers[followers["compte_id"] == "b"]
    assert metrics.follower_growth(only_b, end="2026-01-15") == pytest.approx(-4.0)


def test_follower_growth_unknown_account(followers):
    with pytest.raises(ValueError, match="zzz"):
        metrics.follower_growth(followers, compte_id="zzz")


# --------------------------------------------------------------------------- responsiveness


def test_response_rate():
    comments = make_comments(
        [
            ("2026-03-02 10:00", "2026-03-02 11:00", True),
            ("2026-03-02 10:00", None, True),
            ("2026-03-02 10:00", "2026-03-03 10:00", True),
            ("2026-03-02 10:00", "2026-03-02 10:30", False),  # answered but no reply needed
            ("2026-03-02 10:00", None, False),
        ]
    )
    assert metrics.response_rate(comments) == pytest.approx(200 / 3)


def test_response_rate_nothing_needs_reply_is_nan():
    comments = make_comments([("2026-03-02 10:00", None, False)])
    assert math.isnan(metrics.response_rate(comments))


def test_first_response_times_clock_and_business_hours():
    comments = make_comments(
        [
            ("2026-03-06 16:00", "2026-03-09 09:30", True),  # Friday 16:00 → Monday 09:30
            ("2026-03-07 11:00", "2026-03-09 10:00", True),  # Saturday → Monday 10:00
            ("2026-03-03 10:00", "2026-03-03 12:15", True),  # same Tuesday
            ("2026-03-03 18:00", "2026-03-04 09:00", True),  # Tuesday evening → Wednesday
            ("2026-03-27 16:00", "2026-03-30 09:30", True),  # across the DST change (29 March)
            ("2026-03-03 10:00", None, True),  # unanswered: left out
            ("2026-03-03 10:00", "2026-03-03 11:00", False),  # no reply needed: left out
        ]
    )
    clock = metrics.first_response_times(comments)
    assert clock.tolist() == pytest.approx([65.5, 47.0, 2.25, 15.0, 64.5])
    assert clock.index.tolist() == [0, 1, 2, 3, 4]
    business = metrics.first_response_times(comments, business_hours=True)
    assert business.tolist() == pytest.approx([2.0, 1.5, 2.25, 0.5, 2.0])


def test_business_hours_options():
    comments = make_comments([("2026-04-03 16:00", "2026-04-07 09:00", True)])  # Fri → Tue
    # Easter Monday 6 April 2026 is a holiday: 1 h on Friday + 0.5 h on Tuesday
    result = metrics.first_response_times(comments, business_hours=True, holidays=["2026-04-06"])
    assert result.tolist() == pytest.approx([1.5])
    no_holiday = metrics.first_response_times(comments, business_hours=True)
    assert no_holiday.tolist() == pytest.approx([10.0])  # 1 + 8.5 + 0.5
    # opening 9–17, Monday to Saturday: Fri 1 h + Sat 8 h + Mon 8 h + Tue 0 h
    custom = metrics.first_response_times(
        comments, business_hours=True, opening=(9, 17), workdays=(0, 1, 2, 3, 4, 5)
    )
    assert custom.tolist() == pytest.approx([17.0])
    with pytest.raises(ValueError, match="opening"):
        metrics.first_response_times(comments, business_hours=True, opening=(17, 8))


def test_response_time_summary_median_p90():
    comments = make_comments(
        [
            ("2026-03-03 08:00", "2026-03-03 09:00", True),  # 1 h
            ("2026-03-03 08:00", "2026-03-03 10:00", True),  # 2 h
            ("2026-03-03 08:00", "2026-03-03 11:00", True),  # 3 h
            ("2026-03-03 08:00", "2026-03-03 12:00", True),  # 4 h
            ("2026-03-03 08:00", "2026-03-03 18:00", True),  # 10 h
            ("2026-03-03 08:00", None, True),
        ]
    )
    summary = metrics.response_time_summary(comments)
    # p90 (linear): position 0.9 × 4 = 3.6 → 4 + 0.6 × (10 − 4) = 7.6
    assert summary == pytest.approx({"mediane": 3.0, "p90": 7.6, "n": 5})
    assert type(summary["n"]) is int
    # business hours 08:30–17:00: 0.5, 1.5, 2.5, 3.5, 8.5
    business = metrics.response_time_summary(comments, business_hours=True)
    assert business == pytest.approx({"mediane": 2.5, "p90": 6.5, "n": 5})


def test_negative_delay_is_reported():
    comments = make_comments([("2026-03-03 10:00", "2026-03-03 09:00", True)])
    with pytest.raises(ValueError, match="avant leur commentaire"):
        metrics.first_response_times(comments)


# --------------------------------------------------------------------------- listening


@pytest.fixture
def mentions() -> pd.DataFrame:
    ids = ["A"] * 30 + ["B"] * 70 + ["C"] * 100
    return pd.DataFrame(
        {
            "institution_id": pd.Series(ids, dtype="string"),
            "abonnes_source": pd.array([100] * 30 + [10] * 70 + [1] * 100, dtype="Int64"),
            "sentiment": [0.0] * 200,
        }
    )


def test_share_of_voice(mentions):
    assert metrics.share_of_voice(mentions, "A", competitors=["B"]) == pytest.approx(30.0)
    assert metrics.share_of_voice(mentions, "A", competitors="B") == pytest.approx(30.0)
    assert metrics.share_of_voice(mentions, "A") == pytest.approx(15.0)  # 30 / 200
    weighted = metrics.share_of_voice(mentions, "A", competitors=["B"], weight="abonnes_source")
    assert weighted == pytest.approx(3000 / 3700 * 100)


def test_net_sentiment():
    assert metrics.net_sentiment_from_counts(800, 150, 1500) == pytest.approx(43.3333, abs=1e-4)
    scores = [0.5, 0.06, 0.05, 0.0, -0.05, -0.2, np.nan]
    # positive > 0.05: 0.5, 0.06 ; negative < −0.05: −0.2 ; total 6 non-missing
    assert metrics.net_sentiment(scores) == pytest.approx(100 / 6)
    table = pd.DataFrame({"sentiment": scores})
    assert metrics.net_sentiment(table) == pytest.approx(100 / 6)
    # threshold 0: positive 0.5, 0.06, 0.05 ; negative −0.05, −0.2 → (3 − 2) / 6
    assert metrics.net_sentiment(table, threshold=0.0) == pytest.approx(100 / 6)
    # threshold 0.1: positive 0.5 ; negative −0.2 → 0
    assert metrics.net_sentiment(table, threshold=0.1) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="neutres"):
        metrics.net_sentiment_from_counts(800, 800, 1500)


# --------------------------------------------------------------------------- cadence


@pytest.fixture
def cadence_posts() -> pd.DataFrame:
    return make_posts(
        compte_id=["a", "a", "a", "b", "b", "b", "b"],
        publie_le=[
            "2026-01-05 10:00",
            "2026-01-01 10:00",
            "2026-01-02 10:00",  # unsorted on purpose
            "2026-01-10 10:00",
            "2026-01-17 10:00",
            "2026-01-24 10:00",
            "2026-01-31 10:00",
        ],
    )


def test_posting_regularity(cadence_posts):
    table = metrics.posting_regularity(cadence_posts, end="2026-01-31 10:00")
    a, b = table.loc["a"], table.loc["b"]
    # a: gaps 1 and 3 days, then 26 days of silence until the end
    assert a["nb_publications"] == 3
    assert a["ecart_type_intervalle"] == pytest.approx(math.sqrt(2))
    assert a["coefficient_variation"] == pytest.approx(math.sqrt(2) / 2)
    assert a["plus_long_silence_jours"] == pytest.approx(26.0)
    assert a["publications_par_semaine"] == pytest.approx(3 / (30 / 7))
    assert a["derniere_publication"] == ts("2026-01-05 10:00")
    # b: one post a week exactly → perfectly regular
    assert b["ecart_type_intervalle"] == pytest.approx(0.0)
    assert b["coefficient_variation"] == pytest.approx(0.0)
    assert b["plus_long_silence_jours"] == pytest.approx(7.0)
    assert b["publications_par_semaine"] == pytest.approx(4 / 3)
    assert list(table.columns) == [
        "nb_publications",
        "publications_par_semaine",
        "ecart_type_intervalle",
        "coefficient_variation",
        "plus_long_silence_jours",
        "derniere_publication",
    ]


def test_posting_regularity_with_start_and_silent_account(cadence_posts):
    table = metrics.posting_regularity(
        cadence_posts, start="2025-12-01 10:00", end="2026-01-31 10:00", accounts=["a", "b", "c"]
    )
    # head gap 1 Dec → 1 Jan = 31 days is now a's longest silence; period = 61 days
    assert table.loc["a", "plus_long_silence_jours"] == pytest.approx(31.0)
    assert table.loc["a", "publications_par_semaine"] == pytest.approx(3 / (61 / 7))
    assert table.loc["b", "plus_long_silence_jours"] == pytest.approx(40.0)  # 1 Dec → 10 Jan
    assert table.loc["c", "nb_publications"] == 0
    assert table.loc["c", "plus_long_silence_jours"] == pytest.approx(61.0)


def test_is_dormant_90_days():
    posts = make_posts(
        compte_id=["a", "a", "b", "d"],
        publie_le=[
            "2026-01-10 12:00",
            "2026-04-01 12:00",  # a: exactly 90 days before the end → still active
            "2026-03-31 12:00",  # b: 91 days → dormant
            "2026-07-15 12:00",  # d: only posts after the end → dormant at the end date
        ],
    )
    result = metrics.is_dormant(posts, accounts=["a", "b", "c", "d"], end="2026-06-30 12:00")
    assert result.to_dict() == {"a": False, "b": True, "c": True, "d": True}
    assert result.dtype == bool
    assert metrics.is_dormant(posts, end="2026-06-30 12:00", days=100).to_dict() == {
        "a": False,
        "b": False,
        "d": True,
    }
    # accounts as the comptes table
    comptes = pd.DataFrame({"compte_id": ["a", "e"]})
    assert metrics.is_dormant(posts, comptes, "2026-06-30 12:00")["e"]


def test_daily_rank_uses_brussels_calendar_day():
    posts = make_posts(
        compte_id=["a", "a", "a", "b"],
        publie_le=["2026-03-02 23:30", "2026-03-02 09:00", "2026-03-03 00:30", "2026-03-02 23:45"],
    )
    assert metrics.daily_rank(posts).tolist() == [2, 1, 1, 1]


def test_posts_per_day_fatigue():
    posts = make_posts(
        compte_id=["b", "a", "a", "a", "b", "b"],
        publie_le=[
            "2026-03-02 12:00",
            "2026-03-02 14:00",
            "2026-03-02 09:00",
            "2026-03-03 09:00",
            "2026-03-02 10:00",
            "2026-03-02 11:00",
        ],
        reactions=[6, 50, 100, 60, 20, 10],
    )
    table = metrics.posts_per_day_fatigue(posts)
    # rank 1: 100, 60, 20 → 60 ; rank 2: 50, 10 → 30 ; rank 3: 6
    assert table["nb_publications"].tolist() == [3, 2, 1]
    assert table["engagements_moyens"].tolist() == pytest.approx([60.0, 30.0, 6.0])
    assert table["indice_rang_1"].tolist() == pytest.approx([100.0, 50.0, 10.0])
    # relative: a's mean is 70, b's is 12 → ranks as % of the account mean
    rel = metrics.posts_per_day_fatigue(posts, relative=True)
    expected_rank1 = (100 / 70 + 60 / 70 + 20 / 12) / 3 * 100
    assert rel.loc[1, "engagements_moyens"] == pytest.approx(expected_rank1)


# --------------------------------------------------------------------------- friendly errors


def test_missing_column_message():
    posts = make_posts(reactions=[1]).drop(columns="portee")
    with pytest.raises(ValueError) as info:
        metrics.engagement_rate(posts, by="portee")
    assert str(info.value) == (
        "La colonne « portee » est absente du tableau : "
        "vérifiez que vous passez bien le tableau des publications."
    )


def test_wrong_option_and_wrong_input_messages():
    posts = make_posts(reactions=[1])
    with pytest.raises(ValueError, match="Choix possibles"):
        metrics.engagement_rate(posts, by="reach")
    with pytest.raises(ValueError, match="Choix possibles"):
        metrics.engagement_rate(posts, method="mean")
    with pytest.raises(TypeError, match="DataFrame"):
        metrics.engagement_rate(posts["portee"])
    with pytest.raises(ValueError, match="vide"):
        metrics.engagement_rate(posts.iloc[0:0])
    comments = make_comments([("2026-03-02 10:00", None, True)])
    with pytest.raises(ValueError, match="tableau des publications"):
        metrics.engagement_rate(comments)


def test_engagement_rate_by_matches_the_scalar_definition_per_group():
    posts = pd.DataFrame(
        {
            "g": ["a", "a", "b", "b"],
            "portee": [1000, 3000, 500, 0],
            "reactions": [10, 50, 5, 1],
            "commentaires": [5, 5, 0, 0],
            "partages": [5, 0, 0, 0],
        }
    )
    by_group = metrics.engagement_rate_by(posts, "g")
    assert by_group.name == "taux_engagement"
    # a: (20 + 55) / 4000 = 1.875 %, ratio of sums, not the mean of 2 % and 1.83 %
    assert by_group["a"] == pytest.approx(1.875)
    assert by_group["a"] == pytest.approx(metrics.engagement_rate(posts[posts["g"] == "a"]))
    assert by_group["b"] == pytest.approx(6 / 500 * 100)
    means = metrics.engagement_rate_by(posts, "g", method="mean_of_ratios")
    assert means["a"] == pytest.approx((2.0 + 55 / 3000 * 100) / 2)


def test_official_accounts_have_one_definition():
    from socialkit._common import official_mask

    accounts = pd.DataFrame(
        {
            "type_compte": ["institutionnel", "institutionnel", "ambassadeur", "institutionnel"],
            "officiel": [True, False, True, None],
        }
    )
    assert official_mask(accounts).tolist() == [True, False, False, False]
