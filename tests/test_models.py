"""Properties of the simulation models (socialkit.models) that must survive refactoring."""

from __future__ import annotations

import math

import numpy as np
import pytest

from socialkit.models import ambassadors, buzz, cadence, community, moderation

# --------------------------------------------------------------------------- cadence


def test_saturation_second_post_is_57_percent():
    assert cadence.saturation(2, 0.8) == pytest.approx(2**-0.8)
    assert cadence.saturation(2, 0.8) == pytest.approx(0.574, abs=1e-3)
    assert cadence.saturation(1, 0.8) == 1.0


def test_daily_total_is_concave_and_starts_at_zero():
    totals = cadence.daily_total(np.arange(0, 8), 0.8)
    assert totals[0] == 0.0 and totals[1] == 1.0
    gains = np.diff(totals)
    assert np.all(gains > 0) and np.all(np.diff(gains) < 0)


@pytest.mark.parametrize("posts_per_week", [2, 3, 5])
def test_more_regular_gives_more_habit_and_reach_per_post(posts_per_week):
    regular = cadence.summary(cadence.simulate_cadence(posts_per_week, 1.0, 1.0, seed=3))
    bursty = cadence.summary(cadence.simulate_cadence(posts_per_week, 0.2, 1.0, seed=3))
    assert regular["publications"] == bursty["publications"]  # equal volume
    assert regular["habitude_moyenne"] > bursty["habitude_moyenne"]
    assert regular["habitude_finale"] > bursty["habitude_finale"]
    assert regular["portee_moyenne_par_publication"] > bursty["portee_moyenne_par_publication"]
    assert bursty["plus_long_silence"] > regular["plus_long_silence"]


def test_cadence_is_monotone_in_regularity_with_common_random_numbers():
    habits = [
        cadence.summary(cadence.simulate_cadence(4, r, 1.0, seed=1))["habitude_moyenne"]
        for r in (0.0, 0.25, 0.5, 0.75, 1.0)
    ]
    assert habits == sorted(habits)


def test_cadence_frame_shape_and_determinism():
    df = cadence.simulate_cadence(3, 0.5, 1.0, weeks=52, seed=7)
    assert list(df.columns) == ["jour", "publie", "habitude", "portee", "abonnes"]
    assert len(df) == 364 and df["publie"].sum() == 156
    assert df["habitude"].between(0, 1).all()
    again = cadence.simulate_cadence(3, 0.5, 1.0, weeks=52, seed=7)
    assert df.equals(again)
    assert not df.equals(cadence.simulate_cadence(3, 0.5, 1.0, weeks=52, seed=8))


def test_cadence_habit_recursion_matches_equation():
    df = cadence.simulate_cadence(7, 1.0, 1.0, weeks=1, alpha=0.1)
    # one post a day on the usual slot: H_t = 1 − (1 − α)^t from H_0 = 0
    expected = 1 - 0.9 ** np.arange(1, 8)
    assert np.allclose(df["habitude"], expected)
    # reach of day 1 uses H_0 = 0: F·ρ·interest
    assert df["portee"].iloc[0] == pytest.approx(5000 * 0.05)


def test_cadence_fatigue_churn_above_two_posts_per_day():
    calm = cadence.simulate_cadence(14, 1.0, 1.0, follow_rate=0.0)
    heavy = cadence.simulate_cadence(35, 1.0, 1.0, follow_rate=0.0)
    assert heavy["abonnes"].iloc[-1] < calm["abonnes"].iloc[-1]


def test_cadence_summary_without_posts():
    s = cadence.summary(cadence.simulate_cadence(0, 1.0, 1.0, weeks=4))
    assert s["publications"] == 0 and s["portee_moyenne_par_publication"] == 0.0


# --------------------------------------------------------------------------- buzz


def test_buzz_never_heard_limit_is_0203():
    df = buzz.simulate_buzz(
        audience=1_000_000, beta=1.0, gamma=1.0, delay_hours=None, quality=0.0,
        seed_fraction=1e-6, hours=300, dt=0.05,
    )  # fmt: skip
    never = df["ignorants"].iloc[-1] / 1_000_000
    assert never == pytest.approx(0.203, abs=0.002)
    assert df["propagateurs"].max() / 1_000_000 == pytest.approx(1 - math.log(2), abs=0.003)


def test_buzz_conserves_the_audience():
    df = buzz.simulate_buzz(audience=20000, delay_hours=3, quality=0.7)
    total = df["ignorants"] + df["propagateurs"] + df["etouffeurs"]
    assert np.allclose(total, 20000)
    assert np.allclose(df["ont_entendu"], 20000 - df["ignorants"])
    assert list(df.columns) == ["heure", "ignorants", "propagateurs", "etouffeurs", "ont_entendu"]
    assert len(df) == 721


def test_later_response_means_larger_reach():
    reaches = [buzz.final_reach(delay_hours=d, quality=0.6) for d in (0, 1, 2, 4, 8, 16, 32)]
    assert all(a < b for a, b in zip(reaches[:-2], reaches[1:-1], strict=True))
    assert reaches == sorted(reaches)
    assert buzz.final_reach(delay_hours=None, quality=0.6) >= reaches[-1]


def test_better_quality_means_smaller_reach():
    reaches = [buzz.final_reach(delay_hours=4, quality=q) for q in (0.0, 0.25, 0.5, 0.75, 1.0)]
    assert all(a > b for a, b in zip(reaches, reaches[1:], strict=False))
    # quality 0 = no effect at all
    assert buzz.final_reach(delay_hours=4, quality=0.0) == buzz.final_reach(delay_hours=None)


def test_latest_delay_under_is_consistent_and_monotone():
    delays = [buzz.latest_delay_under(cap, 1.0) for cap in (1500, 3000, 6000, 12000)]
    assert all(d is not None for d in delays)
    assert delays == sorted(delays)
    for cap, d in zip((1500, 3000, 6000, 12000), delays, strict=True):
        assert d % buzz.DELAY_GRID_HOURS == 0
        assert buzz.final_reach(delay_hours=d, quality=1.0) <= cap
        assert buzz.final_reach(delay_hours=d + buzz.DELAY_GRID_HOURS, quality=1.0) > cap
    # better quality leaves more time
    assert buzz.latest_delay_under(6000, 1.0) >= buzz.latest_delay_under(6000, 0.6)
    assert buzz.latest_delay_under(10, 1.0) is None  # impossible even at once
    assert buzz.latest_delay_under(20000, 0.5) == 72.0  # anything works


# --------------------------------------------------------------------------- moderation


def test_default_profile_shape():
    profile = moderation.default_weekly_profile()
    assert profile.shape == (168,) and 300 <= profile.sum() <= 600
    by_day = profile.reshape(7, 24)
    assert by_day[5:].sum(axis=1).min() > by_day[:5].sum(axis=1).max()  # weekend uplift
    hours = by_day.mean(axis=0)
    assert hours[7:9].mean() > hours[3] and hours[19:22].mean() > hours[14]  # peaks


def test_more_staff_shortens_p90():
    p90 = [
        moderation.summary(moderation.simulate_moderation(headcount=h, seed=2))["delai_p90_h"]
        for h in (1, 2, 4)
    ]
    assert p90[0] > p90[1] >= p90[2]
    long_hours = moderation.simulate_moderation(staff_start=7, staff_end=22, staff_days=range(7))
    assert moderation.summary(long_hours)["delai_p90_h"] < p90[0]


def test_weekend_arrivals_wait_until_monday():
    df = moderation.simulate_moderation(staff_start=8.5, staff_days=(0, 1, 2, 3, 4), weeks=2)
    weekend = df[(df["arrivee_h"] % 168) >= 120]
    assert len(weekend) > 0
    next_monday = (df.loc[weekend.index, "arrivee_h"] // 168 + 1) * 168 + 8.5
    assert (weekend["reponse_h"] >= next_monday - 1e-9).all()


def test_answers_only_during_staffing_hours_and_fifo():
    df = moderation.simulate_moderation(staff_start=9, staff_end=17, headcount=2, weeks=2)
    hour_of_day = df["reponse_h"] % 24
    day = (df["reponse_h"] // 24) % 7
    assert ((hour_of_day >= 9 - 1e-9) & (hour_of_day <= 17 + 1e-9)).all()
    assert (day <= 4).all()
    assert (df["delai_h"] >= 0.1 - 1e-9).all()  # at least the 6 minutes of handling
    assert df["arrivee_h"].is_monotonic_increasing


def test_share_within_and_summary():
    df = moderation.simulate_moderation(staff_start=0, staff_end=24, staff_days=range(7))
    assert moderation.share_within(df, 1.0) > 95
    s = moderation.summary(df)
    assert s["part_sous_1h"] == pytest.approx(moderation.share_within(df, 1.0))
    assert s["delai_median_h"] <= s["delai_p90_h"] <= s["delai_max_h"]


def test_moderation_is_deterministic():
    # Speed is measured by `make bench` (tools/bench_widgets.py), not asserted here.
    a = moderation.simulate_moderation(seed=5)
    assert a.equals(moderation.simulate_moderation(seed=5))


# --------------------------------------------------------------------------- ambassadors


def test_overlap_reduces_extra_reach():
    extra = [
        ambassadors.simulate_ambassadors(10, 4, overlap=o)["portee_supplementaire"]
        for o in (0.0, 0.2, 0.5, 0.8, 1.0)
    ]
    assert all(a > b for a, b in zip(extra, extra[1:], strict=False))
    assert extra[-1] == 0.0


def test_unique_reach_formula_limits():
    assert ambassadors.unique_reach(5, 100, 0.0) == pytest.approx(500)
    assert ambassadors.unique_reach(5, 100, 1.0) == pytest.approx(100)
    assert ambassadors.unique_reach(0, 100, 0.3) == 0.0


def test_charter_and_training_reduce_off_message():
    def risk(trained, charter):
        r = ambassadors.simulate_ambassadors(20, 5, trained=trained, charter=charter)
        return r["hors_message_attendus"]

    assert risk(True, True) < risk(True, False) < risk(False, False)
    assert risk(True, True) < risk(False, True) < risk(False, False)
    assert risk(False, False) == pytest.approx(20 * 5 * 0.05)


def test_ambassadors_sweep_and_totals():
    sweep = ambassadors.sweep_ambassadors(range(0, 21, 5), posts_per_month=4)
    assert list(sweep["ambassadeurs"]) == [0, 5, 10, 15, 20]
    assert sweep["portee_totale"].is_monotonic_increasing
    assert sweep["portee_totale"].iloc[0] == 2000
    row = ambassadors.simulate_ambassadors(10, 4)
    assert row["portee_totale"] == pytest.approx(
        row["portee_institution"] + row["portee_supplementaire"]
    )
    assert row == ambassadors.simulate_ambassadors(10, 4)  # deterministic


# --------------------------------------------------------------------------- community


@pytest.mark.parametrize(("p", "q"), [(0.01, 0.3), (0.03, 0.38), (0.005, 0.15)])
def test_bass_peak_week_matches_simulation(p, q):
    t_star = community.bass_peak_week(p, q)
    assert t_star == pytest.approx(math.log(q / p) / (p + q))
    df = community.simulate_community(p, q, 10000, weeks=200)
    peak_week = int(df["semaine"].iloc[df["adoptants_nouveaux"].to_numpy().argmax()])
    assert abs(peak_week - t_star) <= 1.0


def test_community_service_quality_keeps_members_and_ambassadors_speed_up():
    low = community.simulate_community(0.01, 0.2, 10000, service_quality=0.1)
    high = community.simulate_community(0.01, 0.2, 10000, service_quality=0.9)
    assert high["communaute_active"].iloc[-1] > low["communaute_active"].iloc[-1]
    assert (high["communaute_active"] <= high["abonnes"] + 1e-6).all()
    boosted = community.simulate_community(0.01, 0.2, 10000, n_ambassadors=10)
    assert boosted["abonnes"].iloc[20] > low["abonnes"].iloc[20]
    assert community.bass_peak_week(0.05, 0.01) == 0.0


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: cadence.simulate_cadence(-1, 0.5, 1.0), "posts_per_week"),
        (lambda: cadence.simulate_cadence(3, 1.5, 1.0), "regularity"),
        (lambda: cadence.simulate_cadence(3, 0.5, 0.0), "interest"),
        (lambda: cadence.saturation(2, gamma=-1), "gamma"),
        (lambda: buzz.simulate_buzz(quality=2), "quality"),
        (lambda: buzz.simulate_buzz(delay_hours=-1), "delay_hours"),
        (lambda: buzz.simulate_buzz(audience="beaucoup"), "audience"),
        (lambda: moderation.simulate_moderation(headcount=0), "headcount"),
        (lambda: moderation.simulate_moderation(staff_start=18, staff_end=9), "staff_end"),
        (lambda: moderation.simulate_moderation(staff_days=(5, 7)), "staff_days"),
        (lambda: moderation.simulate_moderation(np.ones(24)), "weekly_profile"),
        (lambda: ambassadors.simulate_ambassadors(-3, 4), "n_ambassadors"),
        (lambda: ambassadors.simulate_ambassadors(3, 4, overlap=1.2), "overlap"),
        (lambda: ambassadors.simulate_ambassadors(3, 4, trained="oui"), "trained"),
        (lambda: community.simulate_community(0, 0.3, 1000), "p"),
        (
            lambda: community.simulate_community(0.01, 0.3, 1000, service_quality=1.1),
            "service_quality",
        ),
    ],
)
def test_invalid_arguments_raise_french_value_error(call, name):
    with pytest.raises(ValueError) as info:
        call()
    message = str(info.value)
    assert f"« {name} »" in message
    assert "doit" in message  # French wording: « … doit être compris entre … »


def test_range_message_gives_the_bounds():
    with pytest.raises(ValueError, match=r"« regularity » doit être compris entre 0 et 1"):
        cadence.simulate_cadence(3, 2, 1.0)
