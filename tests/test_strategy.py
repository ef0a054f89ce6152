"""socialkit.analysis.strategy: channel mix, offline share, hourly activity, office hours."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from tables import stamps

from socialkit.analysis import strategy


@pytest.fixture
def accounts():
    return pd.DataFrame(
        {
            "compte_id": ["A1", "A2", "A3", "B1"],
            "institution_id": ["I1", "I1", "I1", "I2"],
            "plateforme": pd.Categorical(["facebook", "instagram", "facebook", "x"]),
            "type_compte": ["institutionnel", "institutionnel", "ambassadeur", "institutionnel"],
            "nom_affiche": ["Commune", "Commune IG", "Échevine", "Service"],
            "officiel": [True, True, False, True],
        }
    )


@pytest.fixture
def posts():
    return pd.DataFrame(
        {
            "publication_id": ["P1", "P2", "P3", "P4", "P5", "P6"],
            "compte_id": ["A1", "A1", "A1", "A2", "B1", "A3"],
            "publie_le": stamps(
                [
                    "2026-03-02 09:15",  # Monday, office hours
                    "2026-03-07 10:00",  # Saturday
                    "2026-03-04 20:30",  # Wednesday evening
                    "2026-03-10 08:29",  # Tuesday, one minute before opening
                    "2026-03-15 16:59",  # Sunday
                    "2026-03-14 12:00",  # Saturday
                ]
            ),
            "relaie_hors_ligne": [True, False, True, False, True, True],
        }
    )


@pytest.fixture
def followers():
    return pd.DataFrame(
        {
            "date": pd.to_datetime(
                ["2026-03-01", "2026-03-15", "2026-03-01", "2026-03-15", "2026-03-10", "2026-03-12"]
            ),
            "compte_id": ["A1", "A1", "A2", "A2", "B1", "A3"],
            "abonnes": pd.array([100, 120, 50, 40, 900, 10], dtype="Int64"),
        }
    )


def test_with_accounts_keeps_posts_and_order(posts, accounts):
    out = strategy.with_accounts(posts.iloc[::-1], accounts)
    assert list(out["publication_id"]) == ["P6", "P5", "P4", "P3", "P2", "P1"]
    assert list(out["institution_id"]) == ["I1", "I2", "I1", "I1", "I1", "I1"]
    assert list(out.index) == [5, 4, 3, 2, 1, 0]
    assert "plateforme" in out and len(out) == len(posts)


def test_with_accounts_unknown_account_gives_missing(posts, accounts):
    out = strategy.with_accounts(posts.assign(compte_id="ZZ"), accounts)
    assert out["institution_id"].isna().all()


def test_period_weeks_defaults_and_explicit(posts):
    assert strategy.period_weeks(posts) == pytest.approx(14 / 7)  # 2 → 15 March
    assert strategy.period_weeks(posts, "2025-09-01", "2026-08-31") == pytest.approx(365 / 7)
    with pytest.raises(ValueError, match="précède"):
        strategy.period_weeks(posts, "2026-03-10", "2026-03-01")


def test_channel_mix_counts_rates_audience(accounts, posts, followers):
    mix = strategy.channel_mix(accounts, posts, followers)
    assert list(mix.index) == ["A1", "A2", "A3", "B1"]
    assert mix.loc["A1", "nb_publications"] == 3
    assert mix.loc["A1", "publications_par_semaine"] == pytest.approx(3 / 2)
    assert mix.loc["A1", "abonnes_fin"] == 120
    assert mix.loc["A2", "abonnes_fin"] == 40  # the last snapshot, not the largest
    assert mix.loc["A1", "part_hors_ligne"] == pytest.approx(200 / 3)
    assert list(mix["officiel"]) == [True, True, False, True]
    assert "statut_declare" not in mix  # absent from these accounts


def test_channel_mix_account_without_posts(accounts, posts, followers):
    extra = pd.concat(
        [
            accounts,
            pd.DataFrame(
                {
                    "compte_id": ["A9"],
                    "institution_id": ["I1"],
                    "plateforme": ["youtube"],
                    "type_compte": ["institutionnel"],
                    "nom_affiche": ["TV"],
                    "officiel": [True],
                }
            ),
        ],
        ignore_index=True,
    )
    mix = strategy.channel_mix(extra, posts, followers)
    assert mix.loc["A9", "nb_publications"] == 0
    assert mix.loc["A9", "publications_par_semaine"] == 0
    assert pd.isna(mix.loc["A9", "abonnes_fin"]) and math.isnan(mix.loc["A9", "part_hors_ligne"])


def test_channel_mix_period_filters_posts_and_snapshots(accounts, posts, followers):
    mix = strategy.channel_mix(accounts, posts, followers, start="2026-03-01", end="2026-03-07")
    assert mix.loc["A1", "nb_publications"] == 3
    assert mix.loc["A2", "nb_publications"] == 0
    assert mix.loc["A1", "publications_par_semaine"] == pytest.approx(3.0)
    assert mix.loc["A1", "abonnes_fin"] == 100
    assert pd.isna(mix.loc["B1", "abonnes_fin"])


def test_institution_mix_sums_official_accounts(accounts, posts, followers):
    inst = strategy.institution_mix(accounts, posts, followers)
    assert list(inst.index) == ["I2", "I1"]  # largest audience first
    assert inst.loc["I1", "nb_comptes"] == 2
    assert inst.loc["I1", "plateformes"] == "facebook, instagram"
    assert inst.loc["I1", "abonnes_fin"] == 160
    assert inst.loc["I1", "publications_par_semaine"] == pytest.approx(4 / 2)
    assert inst.loc["I1", "part_hors_ligne"] == pytest.approx(50.0)
    both = strategy.institution_mix(accounts, posts, followers, scope="tous")
    assert both.loc["I1", "nb_comptes"] == 3 and both.loc["I1", "nb_plateformes"] == 2
    assert both.loc["I1", "abonnes_fin"] == 170


def test_institution_mix_scopes(accounts, posts, followers):
    # An unrecognised page: institutional type, not official.
    fake = accounts.assign(officiel=[True, False, False, True])
    official = strategy.institution_mix(fake, posts, followers)
    assert official.loc["I1", "nb_comptes"] == 1 and official.loc["I1", "abonnes_fin"] == 120
    institutional = strategy.institution_mix(fake, posts, followers, scope="institutionnels")
    assert institutional.loc["I1", "nb_comptes"] == 2
    with pytest.raises(ValueError, match="scope"):
        strategy.institution_mix(accounts, posts, followers, scope="officiel")


def test_offline_share(posts):
    assert strategy.offline_share(posts) == pytest.approx(4 / 6 * 100)
    by = strategy.offline_share(posts, by="compte_id")
    assert by.index[0] in {"B1", "A3"} and by["A2"] == 0
    assert by["A1"] == pytest.approx(200 / 3)
    with pytest.raises(ValueError, match="vide"):
        strategy.offline_share(posts.iloc[0:0])
    with pytest.raises(ValueError, match="relaie_hors_ligne"):
        strategy.offline_share(posts.drop(columns="relaie_hors_ligne"))


def test_hourly_activity_counts_and_percent(posts):
    comments = pd.DataFrame(
        {"cree_le": stamps(["2026-03-02 20:10", "2026-03-02 20:50", "2026-03-03 09:00"])}
    )
    counts = strategy.hourly_activity(posts, comments, percent=False)
    assert list(counts.index) == list(range(24))
    assert counts.loc[20, "commentaires"] == 2 and counts.loc[9, "publications"] == 1
    assert counts["publications"].sum() == 6
    shares = strategy.hourly_activity(posts, comments)
    assert shares["commentaires"].sum() == pytest.approx(100)
    assert shares.loc[20, "commentaires"] == pytest.approx(200 / 3)


def test_hourly_activity_uses_brussels_time():
    stamp = pd.Series(pd.to_datetime(["2026-07-01 07:30"])).dt.tz_localize("UTC")
    utc = pd.DataFrame({"publie_le": stamp})
    comments = pd.DataFrame({"cree_le": utc["publie_le"]})
    counts = strategy.hourly_activity(utc, comments, percent=False)
    assert counts.loc[9, "publications"] == 1  # 07:30 UTC = 09:30 in Brussels (summer)


def test_office_hours_share(posts):
    # Only P1 (Monday 09:15) is inside Mon–Fri 08:30–17:00.
    assert strategy.office_hours_share(posts) == pytest.approx(100 / 6)
    assert strategy.office_hours_share(posts["publie_le"], opening=(8.0, 21.0)) == pytest.approx(
        300 / 6
    )
    weekend = strategy.office_hours_share(posts, workdays=range(7), opening=(8.0, 18.0))
    assert weekend == pytest.approx(500 / 6)  # all but Wednesday 20:30
    assert strategy.office_hours_share(posts, holidays=["2026-03-02"]) == 0.0


def test_office_hours_share_rejects_bad_input(posts):
    with pytest.raises(ValueError, match="opening"):
        strategy.office_hours_share(posts, opening=(17, 8))
    with pytest.raises(ValueError, match="workdays"):
        strategy.office_hours_share(posts, workdays=[7])
    with pytest.raises(ValueError, match="publie_le"):
        strategy.office_hours_share(pd.DataFrame({"x": [1]}))
    with pytest.raises(TypeError):
        strategy.office_hours_share([1, 2, 3])


def test_require_messages_are_french(accounts, posts, followers):
    with pytest.raises(ValueError, match="absente"):
        strategy.channel_mix(accounts.drop(columns="plateforme"), posts, followers)
    with pytest.raises(TypeError, match="DataFrame"):
        strategy.with_accounts(np.zeros(3), accounts)
