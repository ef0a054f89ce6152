"""Employee ambassadors: extra reach versus off-message risk (module 6).

Anchors: docs/sources.md §5.6 (ambassador accounts: personal accounts resharing, human voice),
§4.1(b) (organic reach of a post), §4.3 (word of mouth). Pedagogical model [D], one month:

- Reach of one ambassador. Each share is seen by a share v = ``view_share`` of the
  ambassador's audience a; over m shares a month the part of the audience reached at least
  once is ``a_eff = a · (1 − (1 − v)^m)``.
- Overlap o ∈ [0, 1]. The audience of each ambassador is a *personal* part (1 − o)·a_eff
  (family, friends: disjoint from the others) plus a *shared* part: each member of a common
  circle of size a_eff (colleagues, local network) belongs to it with probability o. The
  union of n ambassadors is

      U(n) = n (1 − o) a_eff + a_eff (1 − (1 − o)^n)

  (n·a_eff when o = 0, a_eff when o = 1). A person of that union already follows the
  institution with the same probability o, so the *extra* unique reach is
  ``U(n) · (1 − o)``; total = institution_reach + extra.
- Off-message risk. Each ambassador post is off-message (error, tone, confidential
  information…) with probability ``p = base_off_message × m_train × m_charter``, with
  documented multipliers [D]: ``TRAINING_MULTIPLIER`` = 0.5 when trained, ``CHARTER_MULTIPLIER``
  = 0.6 when a charter is signed (1 otherwise). Expected off-message posts a month = n·m·p;
  probability of at least one = 1 − (1 − p)^(n·m). One random month (binomial draw with
  ``seed``) is also returned, to show that the risk is a probability, not a certainty.
"""

from __future__ import annotations

import inspect
from functools import lru_cache

import numpy as np
import pandas as pd

from socialkit.errors import KitValueError
from socialkit.models._validate import check_number

__all__ = [
    "simulate_ambassadors",
    "sweep_ambassadors",
    "sweep_arrays",
    "unique_reach",
    "off_message_probability",
    "TRAINING_MULTIPLIER",
    "CHARTER_MULTIPLIER",
]

#: Off-message risk multiplier when the ambassadors are trained [D].
TRAINING_MULTIPLIER = 0.5
#: Off-message risk multiplier when the ambassadors signed a charter [D].
CHARTER_MULTIPLIER = 0.6


def unique_reach(n, audience_each: float, overlap: float):
    """Union of n ambassador audiences of size ``audience_each`` with overlap ``overlap``.

    ``U(n) = n (1 − o) A + A (1 − (1 − o)^n)`` (module docstring). Accepts an array for n.
    """
    overlap = check_number("overlap", overlap, 0.0, 1.0)
    audience_each = check_number("audience_each", audience_each, 0.0, 1e6)
    n_arr = np.asarray(n, dtype=float)
    out = n_arr * (1.0 - overlap) * audience_each + audience_each * (1.0 - (1.0 - overlap) ** n_arr)
    return float(out) if out.ndim == 0 else out


def off_message_probability(base_off_message: float, trained: bool, charter: bool) -> float:
    """Probability that one ambassador post is off-message (multipliers in the module doc)."""
    base = check_number("base_off_message", base_off_message, 0.0, 1.0)
    return (
        base * (TRAINING_MULTIPLIER if trained else 1.0) * (CHARTER_MULTIPLIER if charter else 1.0)
    )


def simulate_ambassadors(
    n_ambassadors: int,
    posts_per_month: float,
    audience_each: float = 400,
    overlap: float = 0.3,
    institution_reach: float = 2000,
    trained: bool = True,
    charter: bool = True,
    base_off_message: float = 0.05,
    view_share: float = 0.2,
    seed: int = 0,
) -> dict:
    """One month of an ambassador programme (equations in the module docstring).

    Parameters (allowed ranges): n_ambassadors [0, 10 000]; posts_per_month [0, 100]
    (shares per ambassador); audience_each [0, 10⁶]; overlap [0, 1]; institution_reach
    [0, 10⁹]; trained, charter: bool; base_off_message [0, 1]; view_share [0, 1]; seed ≥ 0.

    Returns a dict (French keys): ``portee_institution``, ``portee_ambassadeurs`` (union of
    their audiences reached), ``portee_supplementaire`` (extra unique people),
    ``portee_totale``, ``gain_pct`` (extra / institution, %), ``publications_ambassadeurs``,
    ``proba_hors_message`` (per post), ``hors_message_attendus`` (expected per month),
    ``proba_au_moins_un`` (at least one off-message post in the month),
    ``hors_message_simules`` (one random month).
    """
    n = check_number("n_ambassadors", n_ambassadors, 0, 10_000, integer=True)
    month = _month(
        np.array([n]),
        posts_per_month,
        audience_each,
        overlap,
        institution_reach,
        trained,
        charter,
        base_off_message,
        view_share,
        seed,
    )
    return {key: value[0].item() for key, value in month.items()}


def _month(
    n: np.ndarray,
    posts_per_month: float,
    audience_each: float,
    overlap: float,
    institution_reach: float,
    trained: bool,
    charter: bool,
    base_off_message: float,
    view_share: float,
    seed: int,
) -> dict[str, np.ndarray]:
    """:func:`simulate_ambassadors` for an array of (checked) ``n``: one array per key."""
    m = check_number("posts_per_month", posts_per_month, 0.0, 100.0)
    a = check_number("audience_each", audience_each, 0.0, 1e6)
    overlap = check_number("overlap", overlap, 0.0, 1.0)
    inst = check_number("institution_reach", institution_reach, 0.0, 1e9)
    for name, flag in (("trained", trained), ("charter", charter)):
        if not isinstance(flag, bool | np.bool_):
            raise KitValueError(f"« {name} » doit valoir True ou False (reçu : {flag!r}).")
    view_share = check_number("view_share", view_share, 0.0, 1.0)
    seed = check_number("seed", seed, 0, 2**32 - 1, integer=True)
    p = off_message_probability(base_off_message, bool(trained), bool(charter))
    month = _month_values(tuple(n.tolist()), m, a, overlap, inst, p, view_share, seed)
    return {key: value.copy() for key, value in month.items()}


@lru_cache(maxsize=32)
def _month_values(
    ns: tuple, m: float, a: float, overlap: float, inst: float, p: float, view_share, seed: int
) -> dict[str, np.ndarray]:
    """:func:`_month` of checked values (``p`` per post): read-only arrays, cached."""
    n = np.array(ns, dtype="int64")
    a_eff = a * (1.0 - (1.0 - view_share) ** m)
    union = unique_reach(n, a_eff, overlap)
    extra = union * (1.0 - overlap)
    n_posts = n * m
    with np.errstate(divide="ignore", invalid="ignore"):
        gain = 100.0 * extra / inst if inst > 0 else np.where(extra > 0, np.inf, 0.0)
    simulated = _fresh_binomials(seed, np.rint(n_posts), p)
    full = np.full(len(n), 1.0)
    month = {
        "portee_institution": inst * full,
        "portee_ambassadeurs": union,
        "portee_supplementaire": extra,
        "portee_totale": inst + extra,
        "gain_pct": gain * full,
        "publications_ambassadeurs": n_posts,
        "proba_hors_message": p * full,
        "hors_message_attendus": n_posts * p,
        "proba_au_moins_un": 1.0 - (1.0 - p) ** n_posts,
        "hors_message_simules": np.array(simulated, dtype="int64"),
    }
    for value in month.values():
        value.flags.writeable = False
    return month


def _fresh_binomials(seed: int, trials: np.ndarray, p: float) -> list[int]:
    """One binomial draw per number of trials, each from a fresh ``default_rng(seed)``.

    The same draws as one new generator per value: the generator is built once and its
    state restored before each draw (no trial or p = 0 draws nothing: the result is 0).
    """
    rng = np.random.default_rng(seed)
    bits = rng.bit_generator
    fresh = bits.state
    out = []
    for k in trials.tolist():
        k = int(k)
        if k == 0 or p == 0.0:
            out.append(0)
            continue
        bits.state = fresh
        out.append(int(rng.binomial(k, p)))
    return out


def sweep_ambassadors(n_values=range(0, 51), **params) -> pd.DataFrame:
    """:func:`simulate_ambassadors` for each n in ``n_values``; one row per n.

    ``params`` are the other arguments (``posts_per_month`` is required). Columns:
    ``ambassadeurs`` then the keys of :func:`simulate_ambassadors`.
    """
    return pd.DataFrame(sweep_arrays(n_values, **params), copy=False)


def sweep_arrays(n_values=range(0, 51), **params) -> dict[str, np.ndarray]:
    """:func:`sweep_ambassadors` as a dict of NumPy arrays (the columns), for a widget.

    Same arguments, checks and values; :func:`sweep_ambassadors` builds its table from it.
    """
    if "n_ambassadors" in params:
        raise KitValueError("« n_ambassadors » ne peut pas être fixé : utilisez « n_values ».")
    if "posts_per_month" not in params:
        raise KitValueError(
            "« posts_per_month » est obligatoire (partages par ambassadeur et par mois)."
        )
    # same arguments, defaults and errors as simulate_ambassadors
    bound = _SIGNATURE.bind(0, **params)
    bound.apply_defaults()
    args = {k: v for k, v in bound.arguments.items() if k != "n_ambassadors"}
    values = list(n_values)
    try:
        ns = [int(n) for n in values]
        in_range = not ns or 0 <= min(ns) <= max(ns) <= 10_000
    except (TypeError, ValueError):
        in_range = False
    if not in_range:  # one by one: the error of the first bad value, as before
        ns = [check_number("n_ambassadors", int(n), 0, 10_000, integer=True) for n in values]
    n_array = np.array(ns, dtype="int64")
    month = _month(n_array, **args)
    return {"ambassadeurs": n_array, **month}


_SIGNATURE = inspect.signature(simulate_ambassadors)
