"""Social media in the overall communication strategy (module 2).

Three questions of module 2, one function each, all on the tables of :mod:`socialkit.schema`:

- **channel mix**: which platforms each institution uses, how active each account is
  (posts per week) and how large its audience is (followers at the end of the period) —
  :func:`channel_mix` (one row per account) and :func:`institution_mix` (one per institution);
- **online and offline in one flow**: share of posts that relay an offline event or
  service (``relaie_hors_ligne``) — :func:`offline_share`;
- **continuity**: when the institution posts versus when the public comments —
  :func:`hourly_activity` and :func:`office_hours_share`.

:func:`with_accounts` adds the account's columns (institution, platform…) to each post,
which most questions need first. Timestamps are read in Brussels local time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from socialkit._common import (
    account_columns,
    choice,
    local_times,
    local_timestamp,
    official_mask,
    require_table,
)
from socialkit.errors import KitTypeError, KitValueError

__all__ = [
    "OFFICE_HOURS",
    "WORKDAYS",
    "with_accounts",
    "period_weeks",
    "channel_mix",
    "ACCOUNT_SCOPES",
    "institution_mix",
    "offline_share",
    "hourly_activity",
    "office_hours_share",
]

#: Default office hours (08:30–17:00, as decimal hours), as in ``metrics.first_response_times``.
OFFICE_HOURS = (8.5, 17.0)
#: Default working days (0 = Monday … 6 = Sunday).
WORKDAYS = (0, 1, 2, 3, 4)

ACCOUNT_COLUMNS = ("institution_id", "plateforme", "type_compte", "nom_affiche")


def with_accounts(
    posts: pd.DataFrame, accounts: pd.DataFrame, columns: Iterable[str] = ACCOUNT_COLUMNS
) -> pd.DataFrame:
    """The posts with, for each, the columns of its account (institution, platform…).

    A left join on ``compte_id``: every post is kept, in its original order and index;
    ``columns`` already present in ``posts`` are not duplicated.
    """
    require_table(posts, ["compte_id"], "publications")
    columns = [c for c in columns if c not in posts.columns]
    require_table(accounts, ["compte_id", *columns], "comptes")
    return pd.concat([posts, account_columns(posts, accounts, columns)], axis=1)


def period_weeks(posts: pd.DataFrame, start: Any = None, end: Any = None) -> float:
    """Length of the period in weeks: ``(last day − first day + 1) / 7``.

    ``start`` and ``end`` are calendar days (both included); by default the first and last
    day (Brussels time) on which ``posts`` has a post. The sample year 2025-09-01 →
    2026-08-31 gives 365 / 7 ≈ 52.14 weeks.
    """
    if start is None or end is None:
        require_table(posts, ["publie_le"], "publications")
        if len(posts) == 0:
            raise KitValueError(
                "Aucune publication : précisez start et end pour situer la période."
            )
        days = local_times(posts["publie_le"]).dt.normalize()
    first = local_timestamp(start, "start").normalize() if start is not None else days.min()
    last = local_timestamp(end, "end").normalize() if end is not None else days.max()
    n_days = (last - first).days + 1
    if n_days <= 0:
        raise KitValueError("La fin de la période (end) précède son début (start).")
    return n_days / 7


def channel_mix(
    accounts: pd.DataFrame,
    posts: pd.DataFrame,
    followers: pd.DataFrame,
    start: Any = None,
    end: Any = None,
) -> pd.DataFrame:
    """One row per account: platform, activity and audience (the channel mix).

    Columns (index ``compte_id``, every account of ``accounts``, even without a post):

    - ``institution_id``, ``plateforme``, ``type_compte``, ``nom_affiche`` (from ``accounts``),
      and ``officiel`` and ``statut_declare`` when ``accounts`` has them;
    - ``nb_publications``: posts between ``start`` and ``end`` (days included);
    - ``publications_par_semaine = nb_publications / period_weeks(posts, start, end)``;
    - ``abonnes_fin``: followers in the last snapshot of ``followers`` on or before ``end``
      (``<NA>`` when the account has none);
    - ``part_hors_ligne``: % of its posts with ``relaie_hors_ligne`` (``nan`` without posts).

    Sorted by institution, then by audience (largest first).
    """
    require_table(accounts, ["compte_id", *ACCOUNT_COLUMNS], "comptes")
    require_table(posts, ["compte_id", "publie_le", "relaie_hors_ligne"], "publications")
    require_table(followers, ["date", "compte_id", "abonnes"], "abonnes")
    weeks = period_weeks(posts, start, end)
    days = local_times(posts["publie_le"]).dt.normalize()
    first = local_timestamp(start, "start").normalize() if start is not None else None
    last_day = local_timestamp(end, "end").normalize() if end is not None else None
    keep = np.ones(len(posts), dtype=bool)
    if first is not None:
        keep &= (days >= first).to_numpy()
    if last_day is not None:
        keep &= (days <= last_day).to_numpy()
    kept = posts.loc[keep]
    grouped = kept.groupby(kept["compte_id"].astype("object"))
    counts = grouped.size()
    offline = grouped["relaie_hors_ligne"].mean() * 100

    snaps = followers
    if last_day is not None:
        snaps = snaps.loc[(local_times(snaps["date"]).dt.normalize() <= last_day).to_numpy()]
    last = (
        snaps.sort_values("date", kind="stable")
        .groupby(snaps["compte_id"].astype("object"))["abonnes"]
        .last()
    )

    optional = [c for c in ("officiel", "statut_declare") if c in accounts.columns]
    table = accounts.drop_duplicates("compte_id").set_index("compte_id")[
        [*ACCOUNT_COLUMNS, *optional]
    ]
    ids = table.index.astype("object")
    table.index = pd.Index(ids, name="compte_id")
    table["nb_publications"] = counts.reindex(ids).fillna(0).astype("int64").to_numpy()
    table["publications_par_semaine"] = table["nb_publications"] / weeks
    table["abonnes_fin"] = pd.array(last.reindex(ids).to_numpy(), dtype="Int64")
    table["part_hors_ligne"] = offline.reindex(ids).astype("float64").to_numpy()
    order = table.assign(_f=table["abonnes_fin"].astype("float64").fillna(-1)).sort_values(
        ["institution_id", "_f"], ascending=[True, False], kind="stable"
    )
    return table.loc[order.index]


ACCOUNT_SCOPES = ("officiels", "institutionnels", "tous")


def institution_mix(
    accounts: pd.DataFrame,
    posts: pd.DataFrame,
    followers: pd.DataFrame,
    start: Any = None,
    end: Any = None,
    scope: str = "officiels",
) -> pd.DataFrame:
    """One row per institution: its channels, total activity and total audience.

    Built from :func:`channel_mix`. ``scope`` chooses the accounts that count:
    ``"officiels"`` (default: the institution's own, recognised channels, as defined once in
    :func:`socialkit._common.official_mask`), ``"institutionnels"`` (``type_compte ==
    "institutionnel"``, unrecognised pages included) or ``"tous"`` (staff and elected
    officials' accounts too).
    Columns: ``nb_comptes``, ``plateformes`` (distinct platforms, alphabetical, comma-separated),
    ``nb_plateformes``, ``publications_par_semaine`` (sum over accounts), ``abonnes_fin``
    (sum over accounts; one person following two accounts counts twice) and ``part_hors_ligne``
    (% of all the institution's posts). Sorted by audience, largest first.
    """
    choice(scope, ACCOUNT_SCOPES, "scope")
    mix = channel_mix(accounts, posts, followers, start, end)
    if scope == "officiels":
        require_table(accounts, ["officiel"], "comptes")
        mix = mix[official_mask(mix)]
    elif scope == "institutionnels":
        mix = mix[(mix["type_compte"].astype("object") == "institutionnel").to_numpy(dtype=bool)]
    if mix.empty:
        raise KitValueError(
            "Aucun compte ne correspond : vérifiez le tableau des comptes et scope."
        )
    mix = mix.assign(
        _offline=mix["part_hors_ligne"].fillna(0) * mix["nb_publications"] / 100,
        plateforme=mix["plateforme"].astype("object"),
    )
    grouped = mix.groupby(mix["institution_id"].astype("object"), sort=True)
    result = pd.DataFrame(
        {
            "nb_comptes": grouped.size().astype("int64"),
            "plateformes": grouped["plateforme"].agg(lambda p: ", ".join(sorted(set(p)))),
            "nb_plateformes": grouped["plateforme"].nunique().astype("int64"),
            "publications_par_semaine": grouped["publications_par_semaine"].sum(),
            "abonnes_fin": grouped["abonnes_fin"].sum().astype("Int64"),
        }
    )
    posts_total = grouped["nb_publications"].sum()
    result["part_hors_ligne"] = (
        grouped["_offline"].sum() / posts_total.where(posts_total > 0) * 100
    ).astype("float64")
    result.index.name = "institution_id"
    return result.sort_values("abonnes_fin", ascending=False, kind="stable")


def offline_share(posts: pd.DataFrame, by: str | None = None) -> float | pd.Series:
    """Share of posts that relay an offline event or service, in percent.

    ``part = posts with relaie_hors_ligne True / posts × 100``. With ``by`` (a column of
    ``posts``, e.g. ``"sujet"`` or ``"compte_id"``), one value per group (Series, sorted
    from highest to lowest share).
    """
    require_table(posts, ["relaie_hors_ligne"] + ([by] if by else []), "publications")
    if len(posts) == 0:
        raise KitValueError("Le tableau des publications est vide : vérifiez votre filtre.")
    flags = posts["relaie_hors_ligne"].astype("boolean").astype("float64")
    if by is None:
        return float(flags.mean() * 100)
    shares = flags.groupby(posts[by].astype("object")).mean() * 100
    shares.index.name = by
    return shares.rename("part_hors_ligne").sort_values(ascending=False, kind="stable")


def hourly_activity(
    posts: pd.DataFrame, comments: pd.DataFrame, percent: bool = True
) -> pd.DataFrame:
    """Posts and comments by hour of the day (Brussels time), hours 0 to 23.

    Columns ``publications`` (from ``publie_le``) and ``commentaires`` (from ``cree_le``);
    with ``percent=True`` each column is the share of its table posted in that hour
    (each column sums to 100), so a small and a large table can be drawn side by side.
    """
    require_table(posts, ["publie_le"], "publications")
    require_table(comments, ["cree_le"], "commentaires")
    hours = pd.RangeIndex(24, name="heure")
    table = (
        pd.DataFrame(
            {
                "publications": local_times(posts["publie_le"]).dt.hour.value_counts(),
                "commentaires": local_times(comments["cree_le"]).dt.hour.value_counts(),
            }
        )
        .reindex(hours)
        .fillna(0)
        .astype("int64")
    )
    if percent:
        totals = table.sum()
        table = (table / totals.where(totals > 0) * 100).astype("float64")
    table.index.name = "heure"
    return table


def office_hours_share(
    stamps: pd.Series | pd.DataFrame,
    opening: tuple[float, float] = OFFICE_HOURS,
    workdays: Iterable[int] = WORKDAYS,
    holidays: Iterable[Any] = (),
) -> float:
    """Share of timestamps that fall within office hours, in percent.

    A time counts when its day is in ``workdays`` (0 = Monday) and not in ``holidays``,
    and ``opening[0] ≤ hour < opening[1]`` (decimal hours, 8.5 = 08:30), Brussels time.
    ``stamps`` is a column of timestamps or a table: ``publications`` (``publie_le``) or
    ``commentaires`` (``cree_le``).
    """
    if isinstance(stamps, pd.DataFrame):
        column = next((c for c in ("publie_le", "cree_le") if c in stamps.columns), None)
        if column is None:
            raise KitValueError(
                "Le tableau n'a ni « publie_le » ni « cree_le » : passez les publications, "
                "les commentaires ou une colonne de dates."
            )
        stamps = stamps[column]
    if not isinstance(stamps, pd.Series):
        raise KitTypeError("Une colonne de dates (Series) ou un tableau (DataFrame) est attendu.")
    open_h, close_h = (float(x) for x in opening)
    if not 0 <= open_h < close_h <= 24:
        raise KitValueError("opening doit être (ouverture, fermeture), par ex. (8.5, 17.0).")
    days = set(workdays)
    if not days or not days <= set(range(7)):
        raise KitValueError("workdays doit lister des jours de 0 (lundi) à 6 (dimanche).")
    local = local_times(stamps).dropna()
    if local.empty:
        raise KitValueError("Aucune date à analyser : la sélection est vide.")
    hour = local.dt.hour + local.dt.minute / 60 + local.dt.second / 3600
    closed = {local_timestamp(h, "holidays").normalize() for h in holidays}
    inside = (
        local.dt.day_of_week.isin(days)
        & ~local.dt.normalize().isin(list(closed))
        & (hour >= open_h)
        & (hour < close_h)
    )
    return float(inside.mean() * 100)
