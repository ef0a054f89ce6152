"""The array entry points of the models (used by the widgets) agree with the public tables.

Each widget calls a model's array function (``run_cadence``, ``buzz_curves``…) and the public
DataFrame function is built from it: these tests pin that both give the same values, columns
and dtypes on random parameter settings, and that the caches of the models cannot be corrupted
by a caller. The values themselves are pinned by tests/test_models.py and the answer keys.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socialkit.errors import KitValueError
from socialkit.models import cadence

N_SETTINGS = 30


def _settings(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


# --------------------------------------------------------------------------- cadence


def _cadence_params(rng: np.random.Generator) -> dict:
    return {
        "posts_per_week": float(rng.choice([0.0, 0.5, 1.0, 3.0, 7.0, 14.5, 21.0, 70.0])),
        "regularity": float(rng.uniform(0.0, 1.0)),
        "interest": float(rng.uniform(0.2, 2.0)),
        "weeks": int(rng.choice([1, 13, 26, 52, 104])),
        "followers0": int(rng.integers(0, 50_000)),
        "kappa": float(rng.uniform(0.0, 2.0)),
        "gamma": float(rng.uniform(0.0, 1.5)),
        "fatigue_churn": float(rng.uniform(0.0, 0.01)),
        "fatigue_threshold": float(rng.uniform(0.0, 4.0)),
        "habit0": float(rng.uniform(0.0, 1.0)),
        "seed": int(rng.integers(0, 5)),
    }


def test_run_cadence_matches_simulate_cadence_and_summary():
    rng = _settings(15)
    for _ in range(N_SETTINGS):
        params = _cadence_params(rng)
        df = cadence.simulate_cadence(**params)
        run = cadence.run_cadence(**params)
        assert list(df.columns) == ["jour", "publie", "habitude", "portee", "abonnes"]
        assert [str(t) for t in df.dtypes] == ["int64", "int64", "float64", "float64", "float64"]
        assert isinstance(df.index, pd.RangeIndex) and len(df) == 7 * params["weeks"]
        for column in df.columns:
            assert np.array_equal(df[column].to_numpy(), getattr(run, column)), column
        assert df.attrs["abonnes_initiaux"] == run.abonnes_initiaux == params["followers0"]
        s = cadence.summary(df)
        assert cadence.summarise_run(run) == s
        assert [type(v) for v in s.values()] == [int, float, float, float, float] + [
            int,
            float,
            int,
            float,
            int,
        ]


def test_cadence_summary_longest_silence_and_other_start():
    df = cadence.simulate_cadence(1.0, 0.0, 1.0, weeks=13, seed=1)
    posts = df["publie"].tolist()
    longest, run = 0, 0
    for k in posts:  # the definition, day by day
        run = run + 1 if k == 0 else 0
        longest = max(longest, run)
    s = cadence.summary(df)
    assert s["plus_long_silence"] == longest > 7
    assert s["jours_sans_publication"] == posts.count(0)
    assert cadence.summary(df, followers0=0)["variation_abonnes"] == df["abonnes"].iloc[-1]
    silent = cadence.summary(cadence.simulate_cadence(0.0, 1.0, 1.0, weeks=2))
    assert silent["plus_long_silence"] == 14 and silent["publications"] == 0
    with pytest.raises(KitValueError, match="colonnes manquantes"):
        cadence.summary(df.drop(columns="portee"))


def test_cadence_schedule_cache_is_not_shared_with_callers():
    posts, on_slot = cadence.posting_schedule(3.0, 0.5, 52, 0)
    posts[:] = 99
    on_slot[:] = False
    again, on_again = cadence.posting_schedule(3.0, 0.5, 52, 0)
    assert again.max() < 99 and on_again.any()
    df = cadence.simulate_cadence(3.0, 0.5, 1.0)
    df.loc[0, "portee"] = -1.0
    assert cadence.simulate_cadence(3.0, 0.5, 1.0)["portee"].iloc[0] >= 0.0


# --------------------------------------------------------------------------- buzz


def _buzz_params(rng: np.random.Generator) -> dict:
    params = {
        "audience": int(rng.choice([1, 5000, 20000, 100000])),
        "beta": float(rng.choice([0.5, 0.8, 1.2, 3.0])),
        "gamma": float(rng.uniform(0.0, 1.5)),
        "delay_hours": None if rng.random() < 0.15 else float(rng.uniform(0.0, 80.0)),
        "quality": float(rng.choice([0.0, 0.05, 0.5, 1.0, rng.uniform()])),
        "seed_fraction": float(rng.choice([0.001, 0.01, 0.2])),
    }
    if rng.random() < 0.5:
        params["dt"] = float(rng.choice([0.05, 0.1, 0.3, 0.7]))
        params["hours"] = float(rng.choice([1.0, 24.0, 50.5, 72.0]))
    if params["delay_hours"] is not None and rng.random() < 0.3:  # on the step grid
        params["delay_hours"] = round(params["delay_hours"]) * 0.5
    return params


def test_buzz_curves_match_simulate_buzz_and_final_reach():
    from socialkit.models import buzz

    rng = _settings(16)
    for _ in range(N_SETTINGS):
        params = _buzz_params(rng)
        df = buzz.simulate_buzz(**params)
        curves = buzz.buzz_curves(**params)
        assert list(df.columns) == ["heure", "ignorants", "propagateurs", "etouffeurs"] + [
            "ont_entendu"
        ]
        assert set(map(str, df.dtypes)) == {"float64"}
        assert isinstance(df.index, pd.RangeIndex)
        for column in df.columns:
            assert np.array_equal(df[column].to_numpy(), getattr(curves, column)), column
        reach = buzz.final_reach(**params)  # rounded from the same fractions
        assert abs(reach - curves.ont_entendu[-1]) <= 0.5 + 1e-6 * params["audience"]


def test_buzz_before_the_response_is_the_run_without_response():
    from socialkit.models import buzz

    rng = _settings(17)
    for _ in range(N_SETTINGS):
        params = _buzz_params(rng)
        params.pop("delay_hours")
        quality = params.pop("quality")
        free = buzz.simulate_buzz(delay_hours=None, quality=quality, **params)
        delay = float(rng.uniform(0.0, 40.0))
        df = buzz.simulate_buzz(delay_hours=delay, quality=quality, **params)
        before = df["heure"].to_numpy() <= delay + 1e-9  # states up to the response step
        assert np.array_equal(df[before].to_numpy(), free[before].to_numpy())
        if quality > 0 and before.sum() < len(df):
            assert df["ont_entendu"].iloc[-1] <= free["ont_entendu"].iloc[-1]
        # a response without effect, or after the horizon, changes nothing at all
        assert buzz.simulate_buzz(delay_hours=delay, quality=0.0, **params).equals(free)
        late = buzz.simulate_buzz(delay_hours=df["heure"].iloc[-1] + 1.0, quality=quality, **params)
        assert late.equals(free)


def test_buzz_response_switches_on_at_the_first_step_on_or_after_the_delay():
    from socialkit.models import buzz

    free = buzz.simulate_buzz(delay_hours=None, dt=0.3)
    for delay in (0.0, 0.3, 0.6, 0.9, 1.0, 5.999999999, 6.0, 71.7, 71.9):
        df = buzz.simulate_buzz(delay_hours=delay, dt=0.3)
        t = df["heure"].to_numpy()
        k0 = int(np.argmax(t >= delay - 1e-9))  # first step whose start time is ≥ T_r
        assert np.array_equal(df.to_numpy()[: k0 + 1], free.to_numpy()[: k0 + 1]), delay
        if k0 + 1 < len(df):
            assert df["propagateurs"].iloc[k0 + 1] < free["propagateurs"].iloc[k0 + 1], delay


def test_buzz_cache_is_not_shared_with_callers():
    from socialkit.models import buzz

    curves = buzz.buzz_curves(delay_hours=None)
    curves.heure[:] = -1.0
    curves.ignorants[:] = -1.0
    again = buzz.buzz_curves(delay_hours=None)
    assert again.heure[1] > 0 and again.ignorants.min() > 0
    df = buzz.simulate_buzz(delay_hours=3.0)
    df.loc[:, "heure"] = 0.0
    assert buzz.simulate_buzz(delay_hours=3.0)["heure"].iloc[-1] == pytest.approx(72.0)


# --------------------------------------------------------------------------- moderation


def _moderation_params(rng: np.random.Generator) -> dict:
    from socialkit.models import moderation

    start, end = [(9.0, 17.0), (8.5, 17.0), (7.0, 22.0), (0.0, 24.0), (12.25, 12.75)][
        rng.integers(0, 5)
    ]
    days = [(0, 1, 2, 3, 4), (0, 1, 2, 3, 4, 5, 6), (2,), (6, 0), (5,)][rng.integers(0, 5)]
    return {
        "weekly_profile": moderation.default_weekly_profile(float(rng.uniform(0, 2000)))
        if rng.random() < 0.8
        else rng.uniform(0.0, 5.0, 168),
        "staff_start": start,
        "staff_end": end,
        "staff_days": days,
        "headcount": int(rng.integers(1, 5)),
        "handle_minutes": float(rng.uniform(0.5, 30.0)),
        "weeks": int(rng.choice([1, 2])),
        "seed": int(rng.integers(0, 3)),
    }


def test_run_moderation_matches_simulate_moderation_and_summary():
    from socialkit.models import moderation

    rng = _settings(18)
    for _ in range(N_SETTINGS):
        params = _moderation_params(rng)
        df = moderation.simulate_moderation(**params)
        run = moderation.run_moderation(**params)
        assert list(df.columns) == ["arrivee_h", "reponse_h", "delai_h"]
        assert set(map(str, df.dtypes)) == {"float64"}
        for column in df.columns:
            assert np.array_equal(df[column].to_numpy(), getattr(run, column)), column
        assert np.all(np.diff(run.arrivee_h) >= 0) and np.all(run.delai_h >= 0)
        fast = moderation.summarise_delays(run.delai_h)
        slow = moderation.summary(df)
        assert list(fast) == list(slow)
        for key in slow:
            assert fast[key] == slow[key] or (np.isnan(fast[key]) and np.isnan(slow[key]))


def test_moderation_one_moderator_is_fifo_in_open_time():
    """One moderator: each answer comes at least one handling time after the previous one."""
    from socialkit.models import moderation

    run = moderation.run_moderation(
        moderation.default_weekly_profile(900), 0.0, 24.0, range(7), headcount=1
    )
    gaps = np.diff(run.reponse_h)  # always open: calendar time = open time
    assert np.all(gaps >= 0.1 - 1e-9)
    assert np.all(run.reponse_h >= run.arrivee_h + 0.1 - 1e-9)
    two = moderation.run_moderation(
        moderation.default_weekly_profile(900), 0.0, 24.0, range(7), headcount=2
    )
    assert np.all(two.delai_h <= run.delai_h + 1e-9)


def test_moderation_cache_is_not_shared_with_callers():
    from socialkit.models import moderation

    run = moderation.run_moderation()
    run.arrivee_h[:] = -1.0
    assert moderation.run_moderation().arrivee_h.min() >= 0.0


# --------------------------------------------------------------------------- ambassadors


def _ambassador_params(rng: np.random.Generator) -> dict:
    return {
        "posts_per_month": float(rng.choice([0.0, 1.0, 4.0, 7.5, 20.0, 100.0])),
        "audience_each": float(rng.uniform(0, 2000)),
        "overlap": float(rng.uniform(0.0, 1.0)),
        "institution_reach": float(rng.choice([0.0, 2000.0, 1e6])),
        "trained": bool(rng.random() < 0.5),
        "charter": bool(rng.random() < 0.5),
        "base_off_message": float(rng.choice([0.0, 0.05, 0.5, 1.0])),
        "view_share": float(rng.uniform(0.0, 1.0)),
        "seed": int(rng.integers(0, 1000)),
    }


def test_sweep_arrays_match_sweep_simulate_and_fresh_generators():
    from socialkit.models import ambassadors

    rng = _settings(19)
    for _ in range(N_SETTINGS):
        params = _ambassador_params(rng)
        ns = sorted(rng.choice(200, size=int(rng.integers(1, 30)), replace=False).tolist())
        df = ambassadors.sweep_ambassadors(ns, **params)
        arrays = ambassadors.sweep_arrays(ns, **params)
        assert (
            list(df.columns)
            == list(arrays)
            == ["ambassadeurs"]
            + [
                "portee_institution",
                "portee_ambassadeurs",
                "portee_supplementaire",
                "portee_totale",
                "gain_pct",
                "publications_ambassadeurs",
                "proba_hors_message",
                "hors_message_attendus",
                "proba_au_moins_un",
                "hors_message_simules",
            ]
        )
        assert str(df["ambassadeurs"].dtype) == str(df["hors_message_simules"].dtype) == "int64"
        for column in df.columns:
            assert np.array_equal(df[column].to_numpy(), arrays[column]), column
        p = ambassadors.off_message_probability(
            params["base_off_message"], params["trained"], params["charter"]
        )
        for row, n in enumerate(ns):
            one = ambassadors.simulate_ambassadors(n, **params)
            assert one == {key: df[key].iloc[row].item() for key in one}
            # the documented draw: one fresh generator per n
            trials = int(np.rint(n * params["posts_per_month"]))
            expected = int(np.random.default_rng(params["seed"]).binomial(trials, p))
            assert one["hors_message_simules"] == expected


def test_sweep_errors_and_cache_isolation():
    from socialkit.models import ambassadors

    with pytest.raises(KitValueError, match="valeur reçue : -3"):
        ambassadors.sweep_arrays([0, 5, -3, 20_000], posts_per_month=4)
    with pytest.raises(KitValueError, match="valeur reçue : 20000"):
        ambassadors.sweep_ambassadors([0, 20_000, -3], posts_per_month=4)
    with pytest.raises(KitValueError, match="valeur reçue : -1"):
        ambassadors.sweep_arrays([3, -1, "beaucoup"], posts_per_month=4)
    assert ambassadors.sweep_ambassadors([], posts_per_month=4).empty
    generated = ambassadors.sweep_arrays((n for n in range(3)), posts_per_month=4)
    assert generated["ambassadeurs"].tolist() == [0, 1, 2]
    first = ambassadors.sweep_arrays(range(5), posts_per_month=4)
    first["portee_totale"][:] = -1.0
    first["hors_message_simules"][:] = -1
    again = ambassadors.sweep_arrays(range(5), posts_per_month=4)
    assert again["portee_totale"].min() > 0 and again["hors_message_simules"].min() >= 0


# --------------------------------------------------------------------------- community


def test_community_curves_match_simulate_community():
    from socialkit.models import community

    rng = _settings(20)
    for _ in range(N_SETTINGS):
        params = {
            "p": float(rng.uniform(0.001, 0.2)),
            "q": float(rng.uniform(0.0, 0.8)),
            "m": int(rng.choice([1, 2000, 10000, 50000])),
            "weeks": int(rng.choice([1, 52, 104, 520])),
            "service_quality": float(rng.uniform()),
            "churn": float(rng.uniform(0.0, 0.2)),
            "n_ambassadors": int(rng.integers(0, 31)),
        }
        df = community.simulate_community(**params)
        curves = community.community_curves(**params)
        assert list(df.columns) == list(curves._fields)
        assert [str(t) for t in df.dtypes] == ["int64", "float64", "float64", "float64"]
        for column in df.columns:
            assert np.array_equal(df[column].to_numpy(), getattr(curves, column)), column
        keep = 1.0 - params["churn"] * (1.0 - params["service_quality"])
        active, a = [], 0.0
        for n in curves.adoptants_nouveaux.tolist():  # the recursion of the docstring
            a = keep * a + n
            active.append(a)
        assert np.array_equal(curves.communaute_active, np.array(active))
