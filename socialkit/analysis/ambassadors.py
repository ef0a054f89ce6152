"""People versus institutions: how much visibility do ambassador accounts bring? (module 6)

The ``comptes`` table tells each account's kind: ``type_compte == "institutionnel"`` (the
institution's own pages) or ``"ambassadeur"`` (a person of the institution — employee, HR,
communication, direction, elected official — posting on a personal account, docs/sources.md §5.6).
These helpers put the two side by side, with the kit's definitions:

- **visibility** of a set of posts = total reach, ``Σ portee`` (docs/sources.md §1.1);
- **engagement rate** = ER by reach, ratio of sums, ``Σ engagements / Σ portee × 100``
  (docs/sources.md §1.2, :func:`socialkit.metrics.engagement_rate` defaults);
- the institution's **own** accounts are its ``institutionnel`` accounts, *without* the pages
  does not recognise (not *official* in the one sense of :func:`socialkit._common.official_mask`:
  impostor or unofficial pages, module 5) — their reach is not visibility the institution produces;
- the **people's share** of an institution's visibility =
  ``Σ portee(ambassadors) / (Σ portee(own accounts) + Σ portee(ambassadors)) × 100``.

Every function takes the tables as returned by :func:`socialkit.load` and returns a new
DataFrame or Series (the inputs are never modified).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from socialkit import metrics
from socialkit._common import (
    AMBASSADOR,
    INSTITUTIONAL,
    account_columns,
    official_mask,
    require_table,
)
from socialkit.errors import KitValueError

__all__ = [
    "INSTITUTION",
    "PEOPLE",
    "tag_posts",
    "account_table",
    "compare_by_institution",
    "people_share",
    "compare_by_topic",
]

#: Values of ``type_compte`` (schema.py).
INSTITUTION = INSTITUTIONAL
PEOPLE = AMBASSADOR

_ACCOUNT_COLUMNS = [
    "compte_id",
    "institution_id",
    "type_compte",
    "role",
    "plateforme",
    "officiel",
]


def tag_posts(posts: pd.DataFrame, accounts: pd.DataFrame) -> pd.DataFrame:
    """Posts with their account's ``institution_id``, ``type_compte``, ``role``, ``plateforme``.

    Adds ``engagements`` (reactions + commentaires + partages) and ``groupe``: ``"institution"``
    for an own institutional account, ``"personnes"`` for an ambassador, ``"non_reference"`` for
    an institutional page the institution does not reference (impostor, unofficial page).
    Posts whose account is missing from ``accounts`` are dropped.
    """
    require_table(
        posts, ["compte_id", "portee", "reactions", "commentaires", "partages"], "publications"
    )
    require_table(accounts, _ACCOUNT_COLUMNS, "comptes")
    out = posts.drop(columns=[c for c in _ACCOUNT_COLUMNS[1:] if c in posts.columns]).copy()
    out["engagements"] = metrics.engagements(posts).astype("float64")
    known = out["compte_id"].astype(str).isin(accounts["compte_id"].astype(str)).to_numpy()
    extra = account_columns(out, accounts, _ACCOUNT_COLUMNS[1:], as_text=True)
    out = pd.concat([out, extra], axis=1)[known].reset_index(drop=True)
    for column in ("institution_id", "type_compte", "role", "plateforme"):
        out[column] = out[column].astype(str)
    unreferenced = ~official_mask(out)
    out["groupe"] = np.where(
        out["type_compte"] == PEOPLE,
        "personnes",
        np.where(unreferenced, "non_reference", "institution"),
    )
    return out


def _sums(tagged: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    grouped = tagged.groupby(keys, sort=True, observed=True)
    table = pd.DataFrame(
        {
            "publications": grouped.size(),
            "portee": grouped["portee"].sum().astype("float64"),
            "engagements": grouped["engagements"].sum(),
        }
    )
    table["taux_engagement"] = metrics.engagement_rate_by(tagged, keys, by="portee")
    return table


def account_table(posts: pd.DataFrame, accounts: pd.DataFrame) -> pd.DataFrame:
    """One row per account that posted, indexed by ``compte_id``.

    Columns: ``institution_id``, ``type_compte``, ``groupe`` (``"institution"``,
    ``"personnes"`` or ``"non_reference"``, see :func:`tag_posts`), ``role``, ``plateforme``,
    ``publications``,
    ``portee_totale`` (Σ portee), ``portee_moyenne`` (per post) and ``taux_engagement``
    (ER by reach of the account, ratio of sums, %). Sorted by ``compte_id``.
    Example: the median ER of the ambassador accounts is
    ``t[t["groupe"] == "personnes"]["taux_engagement"].median()``.
    """
    tagged = tag_posts(posts, accounts)
    tagged["compte_id"] = tagged["compte_id"].astype(str)
    sums = _sums(tagged, ["compte_id"])
    info = tagged.groupby("compte_id", sort=True)[
        ["institution_id", "type_compte", "groupe", "role", "plateforme"]
    ].first()
    table = info.join(sums)
    table["publications"] = table["publications"].astype("int64")
    table = table.rename(columns={"portee": "portee_totale"})
    table["portee_moyenne"] = table["portee_totale"] / table["publications"]
    columns = [
        "institution_id",
        "type_compte",
        "groupe",
        "role",
        "plateforme",
        "publications",
        "portee_totale",
        "portee_moyenne",
        "taux_engagement",
    ]
    return table[columns]


def _two_sided(tagged: pd.DataFrame, key: str) -> pd.DataFrame:
    tagged = tagged[tagged["groupe"] != "non_reference"]
    sums = _sums(tagged, [key, "groupe"])
    wide = sums.unstack("groupe")
    out = pd.DataFrame(index=wide.index)
    for side in ("institution", "personnes"):
        for column in ("publications", "portee", "taux_engagement"):
            if (column, side) in wide.columns:
                out[f"{column}_{side}"] = wide[(column, side)]
            else:
                out[f"{column}_{side}"] = np.nan
    for side in ("institution", "personnes"):
        out[f"publications_{side}"] = out[f"publications_{side}"].fillna(0).astype("int64")
        out[f"portee_{side}"] = out[f"portee_{side}"].fillna(0.0)
    return out


def compare_by_institution(
    posts: pd.DataFrame, accounts: pd.DataFrame, institutions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """People versus own accounts, one row per institution (indexed by ``institution_id``).

    Columns: ``publications_institution``, ``publications_personnes``, ``portee_institution``,
    ``portee_personnes`` (Σ portee), ``part_personnes`` (people's share of the total reach, %),
    ``taux_engagement_institution``, ``taux_engagement_personnes`` (ER by reach, ratio of sums,
    %; NaN without posts), ``portee_moyenne_institution``, ``portee_moyenne_personnes`` (reach
    per post). With ``institutions`` (the ``institutions`` table), a ``nom`` column comes
    first. Sorted by ``institution_id``.
    """
    tagged = tag_posts(posts, accounts)
    table = _two_sided(tagged, "institution_id")
    total = table["portee_institution"] + table["portee_personnes"]
    with np.errstate(divide="ignore", invalid="ignore"):
        table["part_personnes"] = np.where(
            total > 0, table["portee_personnes"] / total * 100, np.nan
        )
        for side in ("institution", "personnes"):
            count = table[f"publications_{side}"]
            table[f"portee_moyenne_{side}"] = np.where(
                count > 0, table[f"portee_{side}"] / count, np.nan
            )
    columns = [
        "publications_institution",
        "publications_personnes",
        "portee_institution",
        "portee_personnes",
        "part_personnes",
        "taux_engagement_institution",
        "taux_engagement_personnes",
        "portee_moyenne_institution",
        "portee_moyenne_personnes",
    ]
    table = table[columns]
    if institutions is not None:
        require_table(institutions, ["institution_id", "nom"], "institutions")
        names = institutions.assign(institution_id=institutions["institution_id"].astype(str))
        names = names.set_index("institution_id")["nom"].astype(str)
        table.insert(0, "nom", names.reindex(table.index))
    table.index.name = "institution_id"
    return table


def people_share(posts: pd.DataFrame, accounts: pd.DataFrame) -> pd.Series:
    """People's share of each institution's visibility, in % (module docstring).

    ``Σ portee(ambassadors) / (Σ portee(own accounts) + Σ portee(ambassadors)) × 100``, one
    value per institution (0 when it has no ambassador), sorted from highest to lowest.
    Named ``"part_personnes"``.
    """
    share = compare_by_institution(posts, accounts)["part_personnes"]
    return share.sort_values(ascending=False, kind="stable").rename("part_personnes")


def compare_by_topic(
    posts: pd.DataFrame,
    accounts: pd.DataFrame,
    min_posts: int = 20,
    same_institutions: bool = True,
) -> pd.DataFrame:
    """Engagement rate per topic (``sujet``), people versus own accounts.

    One row per topic with ``publications_institution``, ``publications_personnes``,
    ``taux_engagement_institution``, ``taux_engagement_personnes`` (ER by reach, ratio of
    sums, %) and ``rapport = taux_engagement_personnes / taux_engagement_institution``
    (how many times better people carry the topic). ``rapport`` is NaN when either side has
    fewer than ``min_posts`` posts on the topic (too few to compare). With
    ``same_institutions=True`` the institution side only counts the institutions that have
    at least one ambassador, so that both sides speak for the same institutions. Sorted by
    ``rapport``, highest first (NaN last).
    """
    if isinstance(min_posts, bool) or not isinstance(min_posts, int | np.integer):
        raise KitValueError(f"« min_posts » doit être un nombre entier (reçu : {min_posts!r}).")
    require_table(posts, ["sujet"], "publications")
    tagged = tag_posts(posts, accounts)
    tagged["sujet"] = tagged["sujet"].astype(str)
    if same_institutions:
        with_people = set(tagged.loc[tagged["type_compte"] == PEOPLE, "institution_id"])
        tagged = tagged[tagged["institution_id"].isin(with_people)]
    table = _two_sided(tagged, "sujet")
    enough = (table["publications_institution"] >= min_posts) & (
        table["publications_personnes"] >= min_posts
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = table["taux_engagement_personnes"] / table["taux_engagement_institution"]
    table["rapport"] = ratio.where(enough)
    columns = [
        "publications_institution",
        "publications_personnes",
        "taux_engagement_institution",
        "taux_engagement_personnes",
        "rapport",
    ]
    table = table[columns].sort_values(
        "rapport", ascending=False, na_position="last", kind="stable"
    )
    table.index.name = "sujet"
    return table
