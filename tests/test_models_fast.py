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
