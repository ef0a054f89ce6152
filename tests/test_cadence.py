"""Tests of socialkit.analysis.cadence on small tables whose results are computed by hand."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from tables import TZ

from socialkit import fr, plots  # noqa: E402
from socialkit.analysis import cadence as ca  # noqa: E402

INT_COLUMNS = [
    "abonnes_au_moment",
    "portee",
    "impressions",
    "reactions",
    "commentaires",
    "partages",
    "clics",
]


def make_posts(rows: list[dict]) -> pd.DataFrame:
    """Publications table like load(): tz-aware Brussels times, Int64 counts, categoricals."""
    base = {
        "compte_id": "a",
        "format": "photo",
        "portee": 100,
        "abonnes_au_moment": 1000,
        "impressions": 150,
        "reactions": 0,
        "commentaires": 0,
        "partages": 0,
        "clics": 0,
    }
    df = pd.DataFrame([{**base, **row} for row in rows])
    df["compte_id"] = df["compte_id"].astype("string")
    df["publie_le"] = pd.to_datetime(df["publie_le"]).dt.tz_localize(TZ)
    df["format"] = pd.Categorical(df["format"], categories=["texte", "photo", "lien", "video"])
    for column in INT_COLUMNS:
        df[column] = df[column].astype("Int64")
    return df


# 2026-03-02 is a Monday; 2026-03-07 a Saturday.
POSTS = make_posts(
    [
        {"publie_le": "2026-03-02 09:15", "reactions": 2},  # lundi 9 h, ER 2 %
        {"publie_le": "2026-03-02 09:45", "reactions": 4},  # lundi 9 h, ER 4 %
        {"publie_le": "2026-03-09 09:05", "reactions": 9},  # lundi 9 h, ER 9 %
        {"publie_le": "2026-03-07 20:30", "reactions": 10, "commentaires": 2},  # samedi 20 h, 12 %
    ]
)


def test_posts_grid_counts_weekday_and_local_hour():
    grid = ca.posts_grid(POSTS)
    assert grid.shape == (7, 24)
    assert list(grid.index) == list(fr.WEEKDAYS) and list(grid.columns) == list(range(24))
    assert grid.loc["lundi", 9] == 3 and grid.loc["samedi", 20] == 1
    assert grid.to_numpy().sum() == 4 and grid.dtypes.eq("int64").all()


def test_posts_grid_reads_brussels_time_even_from_utc_stamps():
    utc = POSTS.assign(publie_le=POSTS["publie_le"].dt.tz_convert("UTC"))
    assert ca.posts_grid(utc).loc["samedi", 20] == 1  # 19:30 UTC = 20:30 in March (CET)


def test_posts_grid_share_sums_to_100():
    share = ca.posts_grid(POSTS, share=True)
    assert share.loc["lundi", 9] == pytest.approx(75.0)
    assert share.to_numpy().sum() == pytest.approx(100.0)


def test_engagement_grid_median_mean_and_min_posts():
    median = ca.engagement_grid(POSTS, min_posts=1)
    assert median.loc["lundi", 9] == pytest.approx(4.0)  # median of 2, 4, 9
    assert median.loc["samedi", 20] == pytest.approx(12.0)
    assert math.isnan(median.loc["mardi", 9])  # no post
    mean = ca.engagement_grid(POSTS, stat="mean", min_posts=1)
    assert mean.loc["lundi", 9] == pytest.approx(5.0)
    strict = ca.engagement_grid(POSTS, min_posts=2)
    assert strict.loc["lundi", 9] == pytest.approx(4.0) and math.isnan(strict.loc["samedi", 20])


def test_engagement_grid_by_followers():
    grid = ca.engagement_grid(POSTS, by="abonnes_au_moment", min_posts=1)
    assert grid.loc["samedi", 20] == pytest.approx(1.2)  # 12 / 1000 × 100


def test_time_profile_hour_and_weekday():
    hours = ca.time_profile(POSTS, min_posts=1)
    assert list(hours.columns) == [
        "part_publications",
        "nb_publications",
        "portee_abonnes_median",
        "taux_engagement_median",
    ]
    assert hours.loc[9, "portee_abonnes_median"] == pytest.approx(10.0)  # 100 / 1000
    assert hours.index.name == "heure" and len(hours) == 24
    assert hours.loc[9, "part_publications"] == pytest.approx(75.0)
    assert hours.loc[9, "taux_engagement_median"] == pytest.approx(4.0)
    assert hours.loc[3, "nb_publications"] == 0
    assert math.isnan(hours.loc[3, "taux_engagement_median"])
    days = ca.time_profile(POSTS, unit="weekday", min_posts=2)
    assert list(days.index) == list(fr.WEEKDAYS)
    assert days.loc["lundi", "nb_publications"] == 3
    assert math.isnan(days.loc["samedi", "taux_engagement_median"])  # 1 post < min_posts


def test_time_profile_reach_share_ignores_accounts_without_followers():
    posts = make_posts(
        [
            {"publie_le": "2026-03-02 21:00", "portee": 300, "abonnes_au_moment": 1000},
            {"publie_le": "2026-03-03 21:10", "portee": 50, "abonnes_au_moment": 0},
            {"publie_le": "2026-03-04 21:20", "portee": 100, "abonnes_au_moment": 1000},
        ]
    )
    hours = ca.time_profile(posts, min_posts=1)
    assert hours.loc[21, "portee_abonnes_median"] == pytest.approx(20.0)  # median of 30 %, 10 %
    assert hours.loc[21, "nb_publications"] == 3


def test_engagement_by_ratio_of_sums_differs_from_mean_of_ratios():
    # Two videos: 10 engagements / 100 reached (10 %) and 100 / 10 000 (1 %).
    posts = make_posts(
        [
            {"publie_le": "2026-03-02 10:00", "format": "video", "reactions": 10, "portee": 100},
            {"publie_le": "2026-03-03 10:00", "format": "video", "reactions": 100, "portee": 10000},
            {"publie_le": "2026-03-04 10:00", "format": "lien", "reactions": 1, "portee": 200},
        ]
    )
    sums = ca.engagement_by(posts, "format")
    assert sums.name == "taux_engagement" and sums.index.name == "format"
    assert list(sums.index) == ["lien", "video"]  # categories' order, empty ones dropped
    assert sums["video"] == pytest.approx(110 / 10100 * 100)
    assert sums["lien"] == pytest.approx(0.5)
    ratios = ca.engagement_by(posts, "format", method="mean_of_ratios")
    assert ratios["video"] == pytest.approx(5.5)
    assert list(ca.engagement_by(posts, "format", min_posts=2).index) == ["video"]


def test_engagement_by_ignores_zero_reach_group_and_counts_comments_shares():
    posts = make_posts(
        [
            {
                "publie_le": "2026-03-02 10:00",
                "compte_id": "a",
                "reactions": 1,
                "commentaires": 2,
                "partages": 3,
                "clics": 50,
                "portee": 60,
            },
            {"publie_le": "2026-03-02 11:00", "compte_id": "b", "reactions": 5, "portee": 0},
        ]
    )
    rates = ca.engagement_by(posts, "compte_id")
    assert rates["a"] == pytest.approx(10.0)  # clicks are not engagements here
    assert math.isnan(rates["b"])


def test_weekly_posts_fills_silent_weeks_with_zero():
    posts = make_posts(
        [
            {"publie_le": "2026-03-02 09:00", "compte_id": "a"},
            {"publie_le": "2026-03-08 23:30", "compte_id": "a"},  # Sunday: same week
            {"publie_le": "2026-03-23 10:00", "compte_id": "b"},
            {"publie_le": "2026-04-06 10:00", "compte_id": "a"},  # on end: excluded
        ]
    )
    table = ca.weekly_posts(posts, "2026-03-04", "2026-04-06", accounts=["b", "a", "c"])
    assert list(table.columns) == ["b", "a", "c"]
    assert table.index[0] == pd.Timestamp("2026-03-02")
    assert table.index[-1] == pd.Timestamp("2026-03-30")
    assert len(table) == 5
    assert table["a"].tolist() == [1, 0, 0, 0, 0]  # the 2 March post is before start
    assert table["b"].tolist() == [0, 0, 0, 1, 0]
    assert table["c"].sum() == 0


def test_plot_grid_returns_axes():
    ax = plots.plot_grid(ca.engagement_grid(POSTS, min_posts=1), title="t", label="%", decimals=1)
    assert ax.get_title() == "t"
    assert [t.get_text() for t in ax.get_yticklabels()] == list(fr.WEEKDAYS)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: ca.posts_grid(POSTS["publie_le"]), TypeError, "Series"),
        (lambda: ca.posts_grid([1, 2]), TypeError, "DataFrame"),
        (lambda: ca.posts_grid(POSTS.iloc[0:0]), ValueError, "vide"),
        (lambda: ca.posts_grid(POSTS.drop(columns="publie_le")), ValueError, "publie_le"),
        (lambda: ca.posts_grid(POSTS.assign(publie_le="lundi")), ValueError, "dates"),
        (lambda: ca.engagement_grid(POSTS, stat="max"), ValueError, "stat"),
        (lambda: ca.engagement_grid(POSTS, min_posts=0), ValueError, "min_posts"),
        (lambda: ca.time_profile(POSTS, unit="month"), ValueError, "unit"),
        (lambda: ca.engagement_by(POSTS, "format", method="median"), ValueError, "method"),
        (lambda: ca.engagement_by(POSTS, "format", by="vues"), ValueError, "by"),
        (lambda: ca.engagement_by(POSTS, "plateforme"), ValueError, "plateforme"),
        (lambda: ca.weekly_posts(POSTS, "2026-04-01", "2026-03-01"), ValueError, "end"),
        (lambda: ca.weekly_posts(POSTS, "hier", "2026-03-01"), ValueError, "start"),
    ],
)
def test_errors_are_french_and_precise(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_functions_do_not_modify_their_input():
    before = POSTS.copy()
    ca.posts_grid(POSTS)
    ca.engagement_grid(POSTS)
    ca.time_profile(POSTS)
    ca.engagement_by(POSTS, "format")
    ca.weekly_posts(POSTS, "2026-03-01", "2026-04-01")
    pd.testing.assert_frame_equal(POSTS, before)
    assert np.all(POSTS.index == before.index)


# ---------------------------------------------------------------------------
# What course/03-communication-continue.ipynb says about the committed data and the model.
# The lecture reads its numbers on screen; these tests keep its sentences true if the
# sample data or the cadence model are regenerated.
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lecture():
    from socialkit import load, metrics

    posts, accounts = load("publications"), load("comptes")
    inst = accounts[accounts["type_compte"] == "institutionnel"]
    pubs = posts[posts["compte_id"].isin(inst["compte_id"])]
    rhythm = metrics.posting_regularity(pubs, start="2025-09-01", end="2026-09-01", accounts=inst)
    return {"pubs": pubs, "rhythm": rhythm, "followers": load("abonnes"), "metrics": metrics}


def test_lecture_rhythm_regular_vs_eclipse_accounts(lecture):
    rhythm = lecture["rhythm"]
    busy = rhythm[rhythm["publications_par_semaine"] >= 5]  # « les gros volumes »
    assert busy["coefficient_variation"].between(0.8, 2.0).all()
    assert (busy["plus_long_silence_jours"] < 10).all()
    assert (rhythm["coefficient_variation"] >= 3).sum() >= 8  # « compte à éclipses »
    assert (rhythm["plus_long_silence_jours"] > 90).sum() >= 10


def test_lecture_posting_hours_versus_audience_hours(lecture):
    hours = ca.time_profile(lecture["pubs"])
    office = hours.loc[9:16]
    evening = hours.loc[19:22]
    assert office["part_publications"].sum() > 75
    assert evening["part_publications"].sum() < 5
    assert hours.loc[21, "portee_abonnes_median"] > 3 * hours.loc[15, "portee_abonnes_median"]
    assert evening["taux_engagement_median"].max() > office["taux_engagement_median"].max()
    days = ca.time_profile(lecture["pubs"], unit="weekday")
    weekend, week = days.loc[["samedi", "dimanche"]], days.loc["lundi":"vendredi"]
    assert weekend["part_publications"].sum() < 10
    assert weekend["taux_engagement_median"].min() > week["taux_engagement_median"].max()
    assert weekend["portee_abonnes_median"].min() > week["portee_abonnes_median"].max()


def test_lecture_formats_and_topics(lecture):
    pubs = lecture["pubs"]
    formats = ca.engagement_by(pubs, "format")
    assert formats["video"] > formats["photo"] > formats["lien"]
    assert formats.idxmin() == "lien"
    assert not np.allclose(formats, ca.engagement_by(pubs, "format", method="mean_of_ratios"))
    topics = ca.engagement_by(pubs, "sujet").sort_values(ascending=False)
    counts = pubs["sujet"].value_counts()
    assert "coulisses_equipe" in topics.index[:2]
    assert "demarches_administratives" in counts.index[:2]
    assert "demarches_administratives" in topics.index[-3:]


def test_lecture_second_post_of_the_day_gets_about_half(lecture):
    fatigue = lecture["metrics"].posts_per_day_fatigue(lecture["pubs"], relative=True)
    assert 40 <= fatigue.loc[2, "indice_rang_1"] <= 65
    assert fatigue["indice_rang_1"].iloc[:4].is_monotonic_decreasing


def test_lecture_story_two_cpas(lecture):
    pubs, metrics = lecture["pubs"], lecture["metrics"]
    weeks = ca.weekly_posts(pubs, "2025-09-01", "2026-09-01", accounts=["C009", "C046"])
    active = (weeks > 0).sum()
    assert active["C009"] >= 50 and active["C046"] <= 20
    growth = metrics.follower_growth(lecture["followers"], compte_id=["C009", "C046"])
    assert growth["C009"] > growth["C046"] + 10
    rates = ca.engagement_by(pubs, "compte_id")
    assert rates["C046"] > rates["C009"]  # « celui de Mont-Fleury est plus élevé »


def test_lecture_simulator_answers():
    from socialkit.models import cadence

    def run(*args, weeks=26):
        return cadence.summary(cadence.simulate_cadence(*args, weeks=weeks))

    regular, bursty = run(3, 0.9, 1.0), run(3, 0.2, 1.0)
    per_post = "portee_moyenne_par_publication"
    assert regular[per_post] > 1.5 * bursty[per_post]
    assert regular["habitude_finale"] > 3 * bursty["habitude_finale"]
    more = run(10, 0.2, 1.0)  # question 2: volume does not make up for irregularity
    assert more["portee_moyenne_par_publication"] < regular["portee_moyenne_par_publication"]
    assert more["abonnes_finaux"] < 5000
    dull, interesting = run(3, 1.0, 0.5), run(3, 1.0, 1.5)  # question 3
    assert dull["habitude_finale"] == pytest.approx(interesting["habitude_finale"])
    assert dull["abonnes_finaux"] < 5000 < interesting["abonnes_finaux"]
    daily, twice = run(7, 1.0, 1.0), run(14, 1.0, 1.0)  # question 4
    assert twice["portee_moyenne_par_publication"] < daily["portee_moyenne_par_publication"]
    assert twice["abonnes_finaux"] > daily["abonnes_finaux"]
    assert run(3, 0.0, 1.0, weeks=52)["plus_long_silence"] > 14  # question 5
