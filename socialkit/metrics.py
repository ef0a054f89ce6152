"""Course metrics: engagement, Kaushik, Bonsón, growth, responsiveness, listening, cadence.

Every function takes the DataFrames described in :mod:`socialkit.schema` (French column
names, e.g. ``publications``, ``commentaires``, ``abonnes``, ``mentions``) and is vectorised
(no Python loop over rows). Each docstring gives the formula and the section of the
sources (``docs/sources.md §…``) it comes from.

Conventions shared by all functions:

- rates are returned in **percent** (``3.0`` means 3 %) as plain ``float``;
- an **empty table** raises ``KitValueError`` with a French message (it is almost always a
  filter that kept nothing);
- a table with rows but a **zero denominator** (no reach at all, no comment needing a
  reply…) gives ``nan`` rather than an error: the metric is undefined, not wrong;
- timestamps are compared in local Brussels time (``Europe/Brussels``); naive timestamps
  (and strings such as ``"2026-03-31"``) are read as Brussels wall-clock time.

Misuse (missing column, wrong table, unknown option) raises ``KitValueError``/``KitTypeError``
with a short French message meant for the trainee.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from socialkit._common import (
    check_period,
    choice,
    local_times,
    local_timestamp,
    require_table,
)
from socialkit.display import Summary
from socialkit.errors import KitValueError

__all__ = [
    "engagements",
    "engagement_rate",
    "engagement_rate_by",
    "engagement_rate_per_post",
    "conversation_rate",
    "amplification_rate",
    "applause_rate",
    "bonson",
    "follower_growth",
    "response_rate",
    "first_response_times",
    "response_time_summary",
    "share_of_voice",
    "net_sentiment",
    "net_sentiment_from_counts",
    "posting_regularity",
    "is_dormant",
    "daily_rank",
    "posts_per_day_fatigue",
]

DENOMINATORS = ("portee", "abonnes_au_moment", "impressions")
METHODS = ("ratio_of_sums", "mean_of_ratios")

_HOUR = pd.Timedelta(hours=1)
_DAY = pd.Timedelta(days=1)


# ---------------------------------------------------------------------------
# Internal helpers: validation, numbers, time
# ---------------------------------------------------------------------------


def _num(series: pd.Series) -> np.ndarray:
    """Column as a float64 NumPy array (nullable ``Int64`` NA becomes ``nan``)."""
    try:
        return pd.to_numeric(series).to_numpy(dtype="float64", na_value=np.nan)
    except (TypeError, ValueError):
        raise KitValueError(
            f"La colonne « {series.name} » doit contenir des nombres : "
            "vérifiez qu'elle n'a pas été lue comme du texte."
        ) from None


def _ratio_percent(numerator: float, denominator: float) -> float:
    if denominator == 0 or np.isnan(denominator):
        return float("nan")
    return float(numerator / denominator * 100)


def _engagement_values(posts: pd.DataFrame, with_clicks: bool) -> np.ndarray:
    columns = ["reactions", "commentaires", "partages"] + (["clics"] if with_clicks else [])
    require_table(posts, columns, "publications")
    return sum(_num(posts[c]) for c in columns)


# ---------------------------------------------------------------------------
# Engagement (docs/sources.md §1.2)
# ---------------------------------------------------------------------------


def engagements(posts: pd.DataFrame, with_clicks: bool = False) -> pd.Series:
    """Engagements of each post (docs/sources.md §1.2).

    ``engagements = reactions + commentaires + partages`` (``+ clics`` when
    ``with_clicks=True``, as X and LinkedIn count them). Returns one integer per post,
    aligned on ``posts.index``, named ``"engagements"``.
    """
    columns = ["reactions", "commentaires", "partages"] + (["clics"] if with_clicks else [])
    require_table(posts, columns, "publications")
    total = posts[columns[0]]
    for column in columns[1:]:
        total = total + posts[column]
    return total.rename("engagements")


def engagement_rate_per_post(
    posts: pd.DataFrame, by: str = "portee", with_clicks: bool = False
) -> pd.Series:
    """Engagement rate of each post, in percent (docs/sources.md §1.2, Hootsuite's ER family).

    ``ER_post = engagements_post / denominator_post × 100`` where the denominator ``by`` is
    ``"portee"`` (ER by reach), ``"abonnes_au_moment"`` (ER by followers) or
    ``"impressions"``. Posts whose denominator is 0 get ``nan``. Named ``"taux_engagement"``.
    """
    choice(by, DENOMINATORS, "by")
    require_table(posts, [by], "publications")
    eng = _engagement_values(posts, with_clicks)
    denominator = _num(posts[by])
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(denominator > 0, eng / denominator * 100, np.nan)
    return pd.Series(rate, index=posts.index, name="taux_engagement")


def engagement_rate(
    posts: pd.DataFrame,
    by: str = "portee",
    method: str = "ratio_of_sums",
    with_clicks: bool = False,
) -> float:
    """Engagement rate of a set of posts, in percent (docs/sources.md §1.2).

    - ``method="ratio_of_sums"`` (Sprout's "Total Engagement %"):
      ``ER = Σ engagements / Σ denominator × 100``;
    - ``method="mean_of_ratios"`` (Sprout's "Average Engagement %", Hootsuite's average ERR):
      ``ER = mean(engagements_post / denominator_post) × 100``, ignoring posts whose
      denominator is 0.

    Posts with a missing engagement count or denominator are left out of both sums.

    ``by`` is the denominator: ``"portee"`` (reach), ``"abonnes_au_moment"`` (followers on
    the day of the post) or ``"impressions"``. Example (§1.2): 10 000 followers, 50 000
    reach, 1 500 engagements → 3 % by reach, 15 % by followers.
    """
    choice(by, DENOMINATORS, "by")
    choice(method, METHODS, "method")
    require_table(posts, [by], "publications", allow_empty=False)
    if method == "mean_of_ratios":
        rates = engagement_rate_per_post(posts, by=by, with_clicks=with_clicks)
        return float(rates.mean()) if rates.notna().any() else float("nan")
    eng = _engagement_values(posts, with_clicks)
    denominator = _num(posts[by])
    known = ~(np.isnan(eng) | np.isnan(denominator))  # a post counts only if both are known
    return _ratio_percent(eng[known].sum(), denominator[known].sum())


def engagement_rate_by(
    posts: pd.DataFrame,
    keys: Any,
    by: str = "portee",
    method: str = "ratio_of_sums",
    with_clicks: bool = False,
) -> pd.Series:
    """:func:`engagement_rate` of each group of posts (same definitions, one implementation).

    ``keys`` is a column name, a list of column names or a Series aligned with ``posts``.
    Groups whose denominator sums to 0 get ``nan``. Named ``"taux_engagement"``.
    """
    choice(by, DENOMINATORS, "by")
    choice(method, METHODS, "method")
    require_table(posts, [by], "publications")
    if isinstance(keys, str | list):
        keys = [posts[k] for k in ([keys] if isinstance(keys, str) else keys)]
    if method == "mean_of_ratios":
        rates = engagement_rate_per_post(posts, by=by, with_clicks=with_clicks)
        result = rates.groupby(keys, observed=True, sort=True).mean()
    else:
        eng = _engagement_values(posts, with_clicks)
        denominator = _num(posts[by])
        known = ~(np.isnan(eng) | np.isnan(denominator))
        table = pd.DataFrame(
            {"e": np.where(known, eng, np.nan), "d": np.where(known, denominator, np.nan)},
            index=posts.index,
        )
        sums = table.groupby(keys, observed=True, sort=True).sum(min_count=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            result = sums["e"] / sums["d"].where(sums["d"] > 0) * 100
    return result.astype("float64").rename("taux_engagement")


# ---------------------------------------------------------------------------
# Kaushik's ratios (docs/sources.md §1.3)
# ---------------------------------------------------------------------------


def _per_post(
    posts: pd.DataFrame, column: str, per_1000_followers: bool, group_by: str | None
) -> float | pd.Series:
    needed = [column] + (["abonnes_au_moment"] if per_1000_followers else [])
    if group_by is not None:
        needed.append(group_by)
    require_table(posts, needed, "publications", allow_empty=False)
    table = pd.DataFrame({"x": _num(posts[column])}, index=posts.index)
    if per_1000_followers:
        table["f"] = _num(posts["abonnes_au_moment"])
    if group_by is None:
        value = table["x"].mean()
        if per_1000_followers:
            value = value / table["f"].mean() * 1000
        return float(value)
    grouped = table.groupby(posts[group_by].to_numpy(), sort=True).mean()
    grouped.index.name = group_by
    result = grouped["x"]
    if per_1000_followers:
        result = result / grouped["f"] * 1000
    return result.rename(column)


def conversation_rate(
    posts: pd.DataFrame, per_1000_followers: bool = False, group_by: str | None = None
) -> float | pd.Series:
    """Kaushik's conversation rate (docs/sources.md §1.3): ``Σ commentaires / number of posts``.

    ``per_1000_followers=True`` gives the relative variant
    ``(Σ commentaires / posts) / mean(abonnes_au_moment) × 1000`` to compare accounts of
    different size. ``group_by="compte_id"`` returns one value per account (Series).
    """
    return _per_post(posts, "commentaires", per_1000_followers, group_by)


def amplification_rate(
    posts: pd.DataFrame, per_1000_followers: bool = False, group_by: str | None = None
) -> float | pd.Series:
    """Kaushik's amplification rate (docs/sources.md §1.3): ``Σ partages / number of posts``.

    ``per_1000_followers=True``: ``(Σ partages / posts) / mean(abonnes_au_moment) × 1000``.
    ``group_by="compte_id"`` returns one value per account (Series).
    """
    return _per_post(posts, "partages", per_1000_followers, group_by)


def applause_rate(
    posts: pd.DataFrame, per_1000_followers: bool = False, group_by: str | None = None
) -> float | pd.Series:
    """Kaushik's applause rate (docs/sources.md §1.3): ``Σ reactions / number of posts``.

    ``per_1000_followers=True``: ``(Σ reactions / posts) / mean(abonnes_au_moment) × 1000``.
    ``group_by="compte_id"`` returns one value per account (Series).
    """
    return _per_post(posts, "reactions", per_1000_followers, group_by)


# ---------------------------------------------------------------------------
# Bonsón & Ratkai (docs/sources.md §1.5)
# ---------------------------------------------------------------------------

BONSON_KEYS = ["P1", "P2", "P3", "C1", "C2", "C3", "V1", "V2", "V3", "E"]


def bonson(posts: pd.DataFrame, group_by: str | None = None) -> pd.Series | pd.DataFrame:
    """Bonsón & Ratkai popularity / commitment / virality / engagement (docs/sources.md §1.5).

    **[M]-tagged in docs/sources.md: definitions from general knowledge, not
    re-verified against the 2013 paper — check before quoting them as the authors' own.**
    With ``fans = mean(abonnes_au_moment)`` over the posts:

    - P1 = posts with ≥ 1 reaction / posts × 100; P2 = Σ reactions / posts; P3 = P2 / fans × 1000
    - C1 = posts with ≥ 1 comment / posts × 100; C2 = Σ commentaires / posts; C3 = C2 / fans × 1000
    - V1 = posts with ≥ 1 share / posts × 100; V2 = Σ partages / posts; V3 = V2 / fans × 1000
    - E = P3 + C3 + V3

    Returns a Series indexed ``P1 … E`` or, with ``group_by="compte_id"``, a DataFrame with
    one row per account and those ten columns.
    """
    needed = ["reactions", "commentaires", "partages", "abonnes_au_moment"]
    if group_by is not None:
        needed.append(group_by)
    require_table(posts, needed, "publications", allow_empty=False)
    fans = _num(posts["abonnes_au_moment"])
    parts: dict[str, np.ndarray] = {"fans": fans}
    for letter, column in (("P", "reactions"), ("C", "commentaires"), ("V", "partages")):
        values = _num(posts[column])
        parts[letter + "1"] = (values > 0) * 100.0
        parts[letter + "2"] = values
    table = pd.DataFrame(parts, index=posts.index)
    if group_by is None:
        means = table.mean().to_frame().T
    else:
        means = table.groupby(posts[group_by].to_numpy(), sort=True).mean()
        means.index.name = group_by
    for letter in "PCV":
        means[letter + "3"] = means[letter + "2"] / means["fans"] * 1000
    means["E"] = means["P3"] + means["C3"] + means["V3"]
    result = means[BONSON_KEYS].astype("float64")
    if group_by is None:
        return result.iloc[0].rename("bonson")
    return result


# ---------------------------------------------------------------------------
# Growth (docs/sources.md §1.4)
# ---------------------------------------------------------------------------


def follower_growth(
    followers: pd.DataFrame,
    start: Any = None,
    end: Any = None,
    compte_id: str | Iterable[str] | None = None,
) -> float | pd.Series:
    """Audience growth rate in percent (docs/sources.md §1.4).

    ``growth = (abonnes_end − abonnes_start) / abonnes_start × 100`` (net new followers
    over followers at the start). For each account, ``abonnes_start`` is the first
    snapshot on or after ``start`` and ``abonnes_end`` the last snapshot on or before
    ``end`` (the whole table when they are ``None``).

    Return type follows the question asked: a ``float`` when the answer concerns one
    account (``compte_id="…"``, or a table holding a single account), otherwise a
    Series indexed by ``compte_id`` (``nan`` for an account with no snapshot in the
    period or 0 followers at the start).
    """
    require_table(followers, ["date", "compte_id", "abonnes"], "abonnes", allow_empty=False)
    single = isinstance(compte_id, str)
    table = pd.DataFrame(
        {
            "compte_id": followers["compte_id"].to_numpy(),
            "date": local_times(followers["date"]).to_numpy(),
            "abonnes": _num(followers["abonnes"]),
        }
    )
    if compte_id is not None:
        wanted = [compte_id] if single else list(compte_id)
        unknown = sorted(set(wanted) - set(table["compte_id"]))
        if unknown:
            raise KitValueError(
                f"Compte(s) absent(s) du tableau des abonnés : {', '.join(map(str, unknown))}."
            )
        table = table[table["compte_id"].isin(wanted)]
    accounts = pd.Index(pd.unique(table["compte_id"]), name="compte_id").sort_values()
    if start is not None and end is not None:
        check_period(local_timestamp(start, "start"), local_timestamp(end, "end"))
    if start is not None:
        table = table[table["date"] >= local_timestamp(start, "start")]
    if end is not None:
        table = table[table["date"] <= local_timestamp(end, "end")]
    table = table.dropna(subset=["date", "abonnes"]).sort_values(["compte_id", "date"])
    grouped = table.groupby("compte_id", sort=True)["abonnes"]
    first, last = grouped.first(), grouped.last()
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = ((last - first) / first.where(first != 0) * 100).reindex(accounts)
    growth = growth.astype("float64").rename("croissance_abonnes")
    if single or len(accounts) == 1:
        return float(growth.iloc[0])
    return growth


# ---------------------------------------------------------------------------
# Responsiveness (docs/sources.md §1.4, §2.2, §5.5)
# ---------------------------------------------------------------------------


def _needs_reply(comments: pd.DataFrame) -> np.ndarray:
    flag = comments["necessite_reponse"]
    return flag.astype("boolean").fillna(False).to_numpy(dtype=bool)


def response_rate(comments: pd.DataFrame) -> float:
    """Response rate in percent (docs/sources.md §1.4, benchmarks §2.2).

    ``response_rate = comments needing a reply that have a repondu_le
    / comments needing a reply (necessite_reponse True) × 100``.
    Comments that do not need a reply (spam, "merci !") are left out of both counts.
    """
    require_table(comments, ["necessite_reponse", "repondu_le"], "commentaires", allow_empty=False)
    needed = _needs_reply(comments)
    answered = needed & comments["repondu_le"].notna().to_numpy()
    return _ratio_percent(answered.sum(), needed.sum())


def _business_clock(
    local: pd.Series, opening: tuple[float, float], weekmask: str, holidays: np.ndarray
) -> np.ndarray:
    """f(t): business hours elapsed between a fixed epoch and each local time t.

    ``f(t) = busdays(epoch, day(t)) × (close − open) + [day(t) is a workday] ×
    (clip(hour(t), open, close) − open)``; the business delay between two times is
    ``f(reply) − f(comment)``.
    """
    open_h, close_h = opening
    values = local.to_numpy()
    days = values.astype("datetime64[D]")
    hours = (values - days.astype(values.dtype)) / np.timedelta64(1, "h")
    epoch = np.datetime64("2000-01-03", "D")
    full_days = np.busday_count(epoch, days, weekmask=weekmask, holidays=holidays)
    workday = np.is_busday(days, weekmask=weekmask, holidays=holidays)
    within = np.where(workday, np.clip(hours, open_h, close_h) - open_h, 0.0)
    return full_days * (close_h - open_h) + within


def first_response_times(
    comments: pd.DataFrame,
    business_hours: bool = False,
    opening: tuple[float, float] = (8.5, 17.0),
    workdays: Iterable[int] = (0, 1, 2, 3, 4),
    holidays: Iterable[Any] = (),
) -> pd.Series:
    """First-response delays in **hours** (docs/sources.md §1.4, §2.2, §5.5).

    Only comments that need a reply (``necessite_reponse``) and were answered
    (``repondu_le`` not NaT) are kept; the Series is indexed like ``comments`` and named
    ``"delai_heures"``.

    - clock mode: ``delay = repondu_le − cree_le`` in hours;
    - ``business_hours=True``: only time inside ``opening`` (hours as decimals,
      8.5 = 08:30) on ``workdays`` (0 = Monday … 6 = Sunday), outside ``holidays``
      (list of dates), counts: ``delay = f(repondu_le) − f(cree_le)`` with ``f`` the
      cumulative business hours since a fixed epoch, computed with ``numpy.busday_count``
      and the time of day clipped to the opening hours (Brussels wall-clock time).

    Example: Friday 16:00 → Monday 09:30 = 65.5 h on the clock, 2.0 business hours.
    """
    require_table(comments, ["necessite_reponse", "cree_le", "repondu_le"], "commentaires")
    keep = _needs_reply(comments) & comments["repondu_le"].notna().to_numpy()
    subset = comments.loc[keep]
    created, replied = local_times(subset["cree_le"]), local_times(subset["repondu_le"])
    if not business_hours:
        # Real elapsed time: tz-aware stamps are subtracted as instants (DST-proof).
        a, b = subset["cree_le"], subset["repondu_le"]
        if not (
            isinstance(a.dtype, pd.DatetimeTZDtype) and isinstance(b.dtype, pd.DatetimeTZDtype)
        ):
            a, b = created, replied
        delays = ((b - a) / _HOUR).to_numpy(dtype="float64")
    else:
        open_h, close_h = (float(x) for x in opening)
        if not 0 <= open_h < close_h <= 24:
            raise KitValueError(
                "opening doit être (ouverture, fermeture) en heures, par ex. (8.5, 17.0) "
                "pour 08:30–17:00, avec 0 ≤ ouverture < fermeture ≤ 24."
            )
        days = set(workdays)
        if not days or not days <= set(range(7)):
            raise KitValueError("workdays doit lister des jours de 0 (lundi) à 6 (dimanche).")
        weekmask = "".join("1" if d in days else "0" for d in range(7))
        hol = np.array(
            [local_timestamp(h, "holidays").to_datetime64() for h in holidays],
            dtype="datetime64[D]",
        )
        clock = (open_h, close_h)
        delays = _business_clock(replied, clock, weekmask, hol) - _business_clock(
            created, clock, weekmask, hol
        )
    if (delays < 0).any():
        raise KitValueError(
            f"{int((delays < 0).sum())} réponse(s) datée(s) avant leur commentaire : "
            "vérifiez les colonnes « cree_le » et « repondu_le »."
        )
    return pd.Series(delays, index=subset.index, name="delai_heures")


def response_time_summary(
    comments: pd.DataFrame, business_hours: bool = False, **options: Any
) -> Summary:
    """Median and 90th percentile of first-response times (docs/sources.md §1.4, §5.5).

    Returns ``{"mediane": hours, "p90": hours, "n": answered comments}`` (a
    :class:`~socialkit.display.Summary`: a dict shown as a labelled table) computed on
    :func:`first_response_times` (``options`` are passed on: ``opening``, ``workdays``,
    ``holidays``). The p90 uses pandas' default linear interpolation. Median and p90
    are reported instead of the mean because reply delays are heavy-tailed.
    """
    delays = first_response_times(comments, business_hours=business_hours, **options)
    if delays.empty:
        values = {"mediane": float("nan"), "p90": float("nan"), "n": 0}
    else:
        values = {
            "mediane": float(delays.median()),
            "p90": float(delays.quantile(0.9)),
            "n": int(delays.size),
        }
    return Summary(values, RESPONSE_TIME_LABELS)


#: How a notebook labels the keys of :func:`response_time_summary`.
RESPONSE_TIME_LABELS = {
    "mediane": ("délai médian : la moitié des réponses arrivent plus vite", "h"),
    "p90": ("p90 : 90 % des réponses arrivent plus vite", "h"),
    "n": ("réponses mesurées", ""),
}


# ---------------------------------------------------------------------------
# Listening (docs/sources.md §1.4)
# ---------------------------------------------------------------------------


def share_of_voice(
    mentions: pd.DataFrame,
    institution_id: str,
    competitors: str | Iterable[str] | None = None,
    weight: str | None = None,
) -> float:
    """Share of voice in percent (docs/sources.md §1.4).

    ``SoV = own mentions / (own + comparators' mentions) × 100``. Comparators are
    ``competitors`` (ids) or, when ``None``, every other institution of the table.
    ``weight="abonnes_source"`` weights each mention by the audience of its author
    (weighted SoV) instead of counting mentions.
    """
    if weight is not None:
        choice(weight, ("abonnes_source",), "weight")
    require_table(
        mentions, ["institution_id"] + ([weight] if weight else []), "mentions", allow_empty=False
    )
    ids = mentions["institution_id"]
    values = _num(mentions[weight]) if weight else np.ones(len(mentions))
    own = ids.eq(institution_id).to_numpy(dtype=bool, na_value=False)
    if competitors is None:
        scope = ids.notna().to_numpy()
    else:
        others = [competitors] if isinstance(competitors, str) else list(competitors)
        scope = ids.isin([institution_id, *others]).to_numpy(dtype=bool, na_value=False)
    return _ratio_percent(np.nansum(values[own]), np.nansum(values[scope]))


def net_sentiment(
    data: pd.DataFrame | pd.Series | Iterable[float], threshold: float = 0.05
) -> float:
    """Net sentiment score in percent (docs/sources.md §1.4).

    ``NSS = (positive − negative) / total × 100`` where a score is positive when
    ``sentiment > threshold``, negative when ``sentiment < −threshold`` and ``total``
    counts every non-missing score (neutral ones included). ``data`` is a DataFrame with
    a ``sentiment`` column (mentions, commentaires) or the scores themselves.
    """
    if isinstance(data, pd.DataFrame):
        if "sentiment" not in data.columns:
            raise KitValueError(
                "La colonne « sentiment » est absente du tableau : vérifiez que vous passez "
                "bien le tableau des mentions ou des commentaires."
            )
        scores = _num(data["sentiment"])
    else:
        scores = _num(pd.Series(data, name="sentiment"))
    scores = scores[~np.isnan(scores)]
    if scores.size == 0:
        raise KitValueError("Aucun score de sentiment à analyser : la sélection est vide.")
    if threshold < 0:
        raise KitValueError("threshold doit être positif ou nul (par exemple 0.05).")
    positive = int((scores > threshold).sum())
    negative = int((scores < -threshold).sum())
    return net_sentiment_from_counts(positive, negative, int(scores.size))


def net_sentiment_from_counts(positive: int, negative: int, total: int) -> float:
    """Net sentiment score from counts (docs/sources.md §1.4): ``(pos − neg) / total × 100``.

    Example from docs/sources.md §1.4: 800 positive, 150 negative, 1 500 mentions → 43.33.
    """
    if min(positive, negative, total) < 0:
        raise KitValueError("Les nombres de mentions ne peuvent pas être négatifs.")
    if total == 0:
        raise KitValueError("Le total des mentions est 0 : le score net n'est pas défini.")
    if positive + negative > total:
        raise KitValueError(
            "positifs + négatifs dépasse le total : le total doit compter toutes les mentions, "
            "neutres comprises."
        )
    return float((positive - negative) / total * 100)


# ---------------------------------------------------------------------------
# Cadence: regularity, dormancy, fatigue (docs/sources.md §4.1, §2.3)
# ---------------------------------------------------------------------------


def _account_ids(accounts: Any) -> pd.Index:
    if isinstance(accounts, pd.DataFrame):
        if "compte_id" not in accounts.columns:
            raise KitValueError(
                "La colonne « compte_id » est absente du tableau : vérifiez que vous passez "
                "bien le tableau des comptes (ou une liste d'identifiants)."
            )
        accounts = accounts["compte_id"]
    if isinstance(accounts, str):
        accounts = [accounts]
    return pd.Index(pd.unique(pd.Series(list(accounts), dtype="object")))


def posting_regularity(
    posts: pd.DataFrame,
    by: str = "compte_id",
    start: Any = None,
    end: Any = None,
    accounts: Any = None,
) -> pd.DataFrame:
    """Cadence of each account (docs/sources.md §4.1(d) habit, "compte à éclipses").

    One row per ``by`` value (accounts listed in ``accounts`` but without posts get
    ``nb_publications = 0``). Gaps are the intervals in days between consecutive posts:

    - ``nb_publications``: posts in the period;
    - ``publications_par_semaine = nb_publications / (period in days / 7)``, the period
      running from ``start`` (default: the account's first post) to ``end``;
    - ``ecart_type_intervalle``: standard deviation of gaps (days, ``ddof=1`` like
      pandas' ``.std()``; ``nan`` with fewer than two gaps);
    - ``coefficient_variation = std(gaps) / mean(gaps)`` (low = regular; ≈ 1 = random;
      > 1 = bursts and silences);
    - ``plus_long_silence_jours``: longest gap, **including** ``first post − start``
      (when ``start`` is given) and ``end − last post``;
    - ``derniere_publication``: last post.

    ``end`` defaults to the most recent post of the whole table, so an account that
    stopped posting early still shows its final silence. Posts outside
    [``start``, ``end``] are ignored.
    """
    require_table(posts, ["publie_le", by], "publications", allow_empty=accounts is not None)
    local = local_times(posts["publie_le"])
    table = pd.DataFrame({"g": posts[by].to_numpy(), "t": local.to_numpy()})
    table = table.dropna()  # RangeIndex: row positions in ``posts``
    t0 = local_timestamp(start, "start") if start is not None else None
    if t0 is not None:
        table = table[table["t"] >= t0]
    if end is not None:
        t1 = local_timestamp(end, "end")
        check_period(t0, t1)
        table = table[table["t"] <= t1]
    elif len(table):
        t1 = table["t"].max()
    else:
        raise KitValueError("Aucune publication : précisez end pour situer la période.")
    table = table.sort_values(["g", "t"], kind="stable")
    gaps = table.groupby("g", sort=True)["t"].diff() / _DAY
    table["gap"] = gaps.to_numpy()
    grouped = table.groupby("g", sort=True)
    first, last = grouped["t"].min(), grouped["t"].max()
    result = pd.DataFrame({"nb_publications": grouped.size()})
    period_start = first if t0 is None else pd.Series(t0, index=first.index)
    period_days = (t1 - period_start) / _DAY
    result["publications_par_semaine"] = result["nb_publications"] / (period_days / 7).where(
        period_days > 0
    )
    gap_std = grouped["gap"].std()
    result["ecart_type_intervalle"] = gap_std
    result["coefficient_variation"] = gap_std / grouped["gap"].mean()
    silences = pd.concat(
        [grouped["gap"].max(), (t1 - last) / _DAY]
        + ([(first - t0) / _DAY] if t0 is not None else []),
        axis=1,
    )
    result["plus_long_silence_jours"] = silences.max(axis=1)
    last_rows = grouped["t"].idxmax().to_numpy()
    result["derniere_publication"] = posts["publie_le"].iloc[last_rows].set_axis(result.index)
    if accounts is not None:
        ids = _account_ids(accounts)
        result = result.reindex(result.index.union(ids))
        never = result["nb_publications"].isna()
        result["nb_publications"] = result["nb_publications"].fillna(0)
        if t0 is not None:
            days = (t1 - t0) / _DAY
            result.loc[never, "publications_par_semaine"] = 0.0 if days > 0 else np.nan
            result.loc[never, "plus_long_silence_jours"] = days
    result["nb_publications"] = result["nb_publications"].astype("int64")
    result.index.name = by
    return result


def is_dormant(
    posts: pd.DataFrame, accounts: Any = None, end: Any = None, days: float = 90
) -> pd.Series:
    """Dormant accounts (docs/sources.md §0.2, §2.3: "dormant after N months", DOI: 3 months).

    ``dormant = last post < end − days`` (strictly older than ``days`` days before
    ``end``), or no post at all. Posts after ``end`` are ignored; ``end`` defaults to the
    most recent post of the table. With ``accounts`` (the ``comptes`` table or a list of
    ids), accounts that never posted are included (and dormant). Returns a boolean Series
    indexed by ``compte_id`` and named ``"dormant"``.
    """
    require_table(
        posts, ["compte_id", "publie_le"], "publications", allow_empty=accounts is not None
    )
    if days < 0:
        raise KitValueError("days doit être un nombre de jours positif (par exemple 90).")
    stamps = local_times(posts["publie_le"])
    if end is None:
        if stamps.notna().sum() == 0:
            raise KitValueError("Aucune publication : précisez end (date de référence).")
        t1 = stamps.max()
    else:
        t1 = local_timestamp(end, "end")
    in_period = (stamps <= t1).to_numpy()
    last = stamps[in_period].groupby(posts["compte_id"].to_numpy()[in_period]).max()
    ids = pd.Index(pd.unique(posts["compte_id"].dropna().to_numpy()))
    if accounts is not None:
        ids = ids.union(_account_ids(accounts))
    ids = ids.sort_values()
    last = last.reindex(ids)
    dormant = (last.isna() | (last < t1 - pd.Timedelta(days=days))).astype(bool)
    dormant.index.name = "compte_id"
    return dormant.rename("dormant")


def daily_rank(posts: pd.DataFrame) -> pd.Series:
    """Rank k of each post within its (account, Brussels calendar day): 1 = first post.

    Used by :func:`posts_per_day_fatigue` (docs/sources.md §4.1(c)). Named ``"rang_du_jour"``.
    """
    require_table(posts, ["compte_id", "publie_le"], "publications")
    local = local_times(posts["publie_le"])
    order = pd.DataFrame(
        {
            "c": posts["compte_id"].to_numpy(),
            "d": local.dt.normalize().to_numpy(),
            "t": local.to_numpy(),
        },
        index=posts.index,
    ).sort_values(["c", "d", "t"], kind="stable")
    rank = order.groupby(["c", "d"], sort=False).cumcount() + 1
    return rank.reindex(posts.index).astype("int64").rename("rang_du_jour")


def posts_per_day_fatigue(
    posts: pd.DataFrame, with_clicks: bool = False, relative: bool = False
) -> pd.DataFrame:
    """Mean engagement of the k-th post of a day (docs/sources.md §4.1(c), saturation s(k)).

    Each post gets its rank k within (account, calendar day) (:func:`daily_rank`); the
    result has one row per k with ``nb_publications``, ``engagements_moyens``
    (``mean(engagements | rank = k)``) and ``indice_rang_1 = engagements_moyens(k) /
    engagements_moyens(1) × 100`` (Track Social: the 2nd post gets ≈ 57 % of the likes).
    ``relative=True`` first divides each post's engagements by its account's mean
    engagements per post (× 100), so large accounts that post more do not bias the curve.
    """
    rank = daily_rank(posts)
    eng = pd.Series(_engagement_values(posts, with_clicks), index=posts.index)
    if relative:
        account_mean = eng.groupby(posts["compte_id"].to_numpy()).transform("mean")
        eng = eng / account_mean.where(account_mean != 0) * 100
    grouped = eng.groupby(rank.to_numpy())
    result = pd.DataFrame({"nb_publications": grouped.size(), "engagements_moyens": grouped.mean()})
    result.index.name = "rang_du_jour"
    base = result["engagements_moyens"].get(1, np.nan)
    result["indice_rang_1"] = result["engagements_moyens"] / base * 100 if base else np.nan
    return result
