"""Module 4 helpers: comment triage, reply templates, crisis episodes, delay tables.

Everything here builds on the tables of :func:`socialkit.load` and on
:mod:`socialkit.metrics`; the notebooks call these functions instead of writing
pandas logic themselves.

- **Triage** (docs/sources.md §2.3, US Air Force *Web Posting Response Assessment*; §7.6
  reply templates): each comment category maps to a profile of author and to an action —
  troll → do not feed, moderate per charter; misinformed → correct the facts; unhappy
  user → acknowledge and restore; question → answer; thanks → thank.
- **Crisis episodes** (docs/sources.md §4.2, §1.4 listening): days on which an institution's
  negative mentions jump far above its usual level, grouped into episodes.
- **Response-delay tables** (docs/sources.md §5.5 Friday → Monday gap): median first-response
  delay by weekday and hour of the comment.
- **Moderation staffing** (docs/sources.md §2.2, §5.1): hourly arrival profile of the comments
  and the smallest team that meets a response target in :mod:`socialkit.models.moderation`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from socialkit import fr, metrics
from socialkit._common import account_columns, local_times, local_timestamp, require_table
from socialkit.errors import KitValueError
from socialkit.models import moderation

__all__ = [
    "TRIAGE",
    "triage",
    "triage_table",
    "add_triage",
    "reply_template",
    "add_institution",
    "unanswered",
    "negative_mentions_per_day",
    "crisis_episodes",
    "episode_posts",
    "around_episode",
    "responsiveness_table",
    "delay_by_weekday",
    "delay_by_weekday_hour",
    "weekly_profile",
    "headcount_needed",
    "SLA_TIERS",
    "sla_table",
    "sla_compliance",
]


# ---------------------------------------------------------------------------
# Triage (docs/sources.md §2.3 US Air Force assessment, §4.2(d), §7.6)
# ---------------------------------------------------------------------------

#: category → (author profile, action, reply publicly?, reply template)
TRIAGE: dict[str, dict[str, Any]] = {
    "question": {
        "profil": "demandeur",
        "action": "répondre (ou orienter vers le bon service)",
        "repondre": True,
        "modele": (
            "Bonjour {prenom}, {reponse}. Pour toute autre question, {service} est joignable "
            "au {contact}. Bonne journée ! — {signature}"
        ),
    },
    "plainte": {
        "profil": "mécontent",
        "action": "reconnaître, réparer, puis revenir en public",
        "repondre": True,
        "modele": (
            "Bonjour {prenom}, merci de nous l'avoir signalé et désolés pour {probleme}. "
            "{action_concrete}. Pouvez-vous nous envoyer {precision} en message privé ? "
            "Nous revenons vers vous ici dès que c'est réglé. — {signature}"
        ),
    },
    "desinformation": {
        "profil": "mal informé",
        "action": "corriger les faits, calmement et avec la source",
        "repondre": True,
        "modele": (
            "Bonjour, cette information n'est pas exacte : {fait}. Vous trouverez {source}. "
            "Merci de relayer la bonne information autour de vous. — {signature}"
        ),
    },
    "troll": {
        "profil": "troll",
        "action": "ne pas nourrir : surveiller, masquer ou supprimer selon la charte",
        "repondre": False,
        "modele": (
            "(Pas de réponse publique. Si le message enfreint la charte de modération : le masquer "
            "ou le supprimer et le noter dans le registre de modération.)"
        ),
    },
    "spam": {
        "profil": "spammeur",
        "action": "supprimer selon la charte, signaler à la plateforme",
        "repondre": False,
        "modele": "(Pas de réponse : supprimer le message, signaler le compte, le noter.)",
    },
    "remerciement": {
        "profil": "satisfait",
        "action": "remercier (une mention « j'aime » ou un mot suffit)",
        "repondre": True,
        "modele": "Merci {prenom} pour votre message, nous transmettons à {equipe} ! — {signature}",
    },
    "suggestion": {
        "profil": "contributeur",
        "action": "remercier et dire ce qui sera fait de l'idée",
        "repondre": True,
        "modele": (
            "Merci {prenom} pour cette idée ! Nous la transmettons à {service}, qui {suite}. "
            "— {signature}"
        ),
    },
    "neutre": {
        "profil": "neutre",
        "action": "laisser vivre la conversation (pas de réponse nécessaire)",
        "repondre": False,
        "modele": "(Pas de réponse nécessaire.)",
    },
}


def _category(value: Any) -> str:
    if value not in TRIAGE:
        options = ", ".join(f"« {c} »" for c in TRIAGE)
        raise KitValueError(f"Catégorie inconnue : « {value} ». Catégories possibles : {options}.")
    return str(value)


def triage(categorie: str) -> dict[str, Any]:
    """Profile, action, whether to reply publicly and the reply template for a category.

    Example: ``triage("desinformation")["action"]`` → ``"corriger les faits, …"``.
    """
    return dict(TRIAGE[_category(categorie)], categorie=categorie)


def triage_table() -> pd.DataFrame:
    """The whole triage grid, one row per comment category (for display in the notebook)."""
    rows = [
        {"categorie": c, "profil": t["profil"], "action": t["action"], "repondre": t["repondre"]}
        for c, t in TRIAGE.items()
    ]
    return pd.DataFrame(rows).set_index("categorie")


def add_triage(comments: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``comments`` with two more columns, ``profil`` and ``action``, from the triage."""
    require_table(comments, ["categorie"], "commentaires", allow_empty=False)
    out = comments.copy()
    categories = out["categorie"].astype("object")
    unknown = set(categories.dropna()) - set(TRIAGE)
    if unknown:
        _category(sorted(unknown)[0])
    out["profil"] = categories.map({c: t["profil"] for c, t in TRIAGE.items()})
    out["action"] = categories.map({c: t["action"] for c, t in TRIAGE.items()})
    return out


def reply_template(categorie: str, **fields: str) -> str:
    """The reply template of a category, with ``{fields}`` filled where given.

    Placeholders left empty stay visible as ``[prenom]`` so the trainee sees what to fill.
    """
    template = TRIAGE[_category(categorie)]["modele"]

    class _Keep(dict):
        def __missing__(self, key: str) -> str:
            return f"[{key}]"

    return template.format_map(_Keep(fields))


# ---------------------------------------------------------------------------
# Joining the account and institution of each comment
# ---------------------------------------------------------------------------


def add_institution(
    comments: pd.DataFrame, accounts: pd.DataFrame, institutions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Copy of ``comments`` with ``type_compte`` and ``institution_id`` of each comment's account,
    and ``type_institution`` when the ``institutions`` table is given (same rows, same order).
    """
    require_table(comments, ["compte_id"], "commentaires", allow_empty=False)
    require_table(
        accounts, ["compte_id", "institution_id", "type_compte"], "comptes", allow_empty=False
    )
    out = comments.copy()
    extra = account_columns(out, accounts, ["type_compte", "institution_id"], dtype="object")
    out["type_compte"] = extra["type_compte"].to_numpy()
    out["institution_id"] = extra["institution_id"].to_numpy()
    if institutions is not None:
        require_table(
            institutions, ["institution_id", "type_institution"], "institutions", allow_empty=False
        )
        kinds = institutions.drop_duplicates("institution_id").set_index("institution_id")
        out["type_institution"] = (
            out["institution_id"].map(kinds["type_institution"].astype("object")).to_numpy()
        )
    return out


# ---------------------------------------------------------------------------
# Unanswered comments
# ---------------------------------------------------------------------------


def unanswered(
    comments: pd.DataFrame, categories: str | Iterable[str] | None = ("question", "plainte")
) -> pd.DataFrame:
    """Comments that needed a reply (``necessite_reponse``) and never got one.

    ``categories`` restricts to some categories (default: questions and complaints;
    ``None`` keeps every category). Rows keep the order and index of ``comments``.
    """
    require_table(comments, ["necessite_reponse", "repondu_le", "categorie"], "commentaires")
    keep = comments["necessite_reponse"].fillna(False).astype(bool).to_numpy().copy()
    keep &= comments["repondu_le"].isna().to_numpy()
    if categories is not None:
        wanted = [categories] if isinstance(categories, str) else list(categories)
        for c in wanted:
            _category(c)
        keep &= comments["categorie"].isin(wanted).to_numpy()
    return comments.loc[keep]


# ---------------------------------------------------------------------------
# Crisis episodes from negative mentions (docs/sources.md §4.2, §1.4)
# ---------------------------------------------------------------------------


def negative_mentions_per_day(
    mentions: pd.DataFrame, institution_id: str | None = None, threshold: float = -0.2
) -> pd.DataFrame | pd.Series:
    """Number of negative mentions (``sentiment < threshold``) per calendar day.

    Days are Brussels calendar days and every day of the table's period is present (0 when
    quiet). With ``institution_id``: a Series for that institution (named
    ``"mentions_negatives"``); without: a DataFrame, one column per institution.
    """
    require_table(
        mentions, ["publiee_le", "institution_id", "sentiment"], "mentions", allow_empty=False
    )
    local = local_times(mentions["publiee_le"])
    days = pd.date_range(local.min().normalize(), local.max().normalize(), freq="D")
    negative = pd.to_numeric(mentions["sentiment"]).to_numpy() < threshold
    table = pd.DataFrame(
        {"jour": local.dt.normalize().to_numpy(), "inst": mentions["institution_id"].to_numpy()}
    )[negative]
    counts = table.groupby(["jour", "inst"]).size().unstack("inst", fill_value=0)
    institutions = sorted(pd.unique(mentions["institution_id"].dropna()))
    counts = counts.reindex(index=days, columns=institutions, fill_value=0).astype("int64")
    counts.index.name = "jour"
    counts.columns.name = "institution_id"
    if institution_id is None:
        return counts
    if institution_id not in counts.columns:
        raise KitValueError(f"Aucune mention pour l'institution « {institution_id} ».")
    return counts[institution_id].rename("mentions_negatives")


def crisis_episodes(
    mentions: pd.DataFrame,
    threshold: float = -0.2,
    quantile: float = 0.95,
    margin: float = 2.0,
    min_per_day: int = 5,
    max_gap_days: int = 1,
) -> pd.DataFrame:
    """Crisis episodes: runs of days with unusually many negative mentions.

    A mention is negative when ``sentiment < threshold``. For each institution, a day is a
    *crisis day* when its negative mentions exceed the institution's usual level —
    ``count > quantile(daily counts, 0.95) + margin`` — and reach at least ``min_per_day``
    (so that a quiet institution's one bad day is not a crisis). Crisis days separated by at
    most ``max_gap_days`` quiet days form one episode.

    Returns one row per episode, sorted by start: ``institution_id``, ``debut``, ``fin``
    (first and last crisis day), ``debut_heure`` (first negative mention of ``debut``, Brussels
    time: when the episode started), ``duree_jours`` (``fin − debut + 1``), ``jours_de_crise``
    (crisis days in the episode), ``mentions_negatives`` (sum from ``debut`` to ``fin``),
    ``pic`` (highest daily count) and ``jour_du_pic``.
    """
    if not 0 <= quantile <= 1 or min_per_day < 1 or max_gap_days < 0:
        raise KitValueError(
            "quantile doit être entre 0 et 1, min_per_day ≥ 1 et max_gap_days ≥ 0 "
            "(par exemple quantile=0.95, min_per_day=5, max_gap_days=1)."
        )
    daily = negative_mentions_per_day(mentions, threshold=threshold)
    local = local_times(mentions["publiee_le"])
    negative = pd.to_numeric(mentions["sentiment"]).to_numpy() < threshold
    rows = []
    for inst in daily.columns:
        counts = daily[inst]
        values = counts.to_numpy()
        limit = float(np.quantile(values, quantile)) + margin
        hot = counts.index[(values > limit) & (values >= min_per_day)]
        if hot.empty:
            continue
        groups = [[hot[0]]]
        for day in hot[1:]:
            if (day - groups[-1][-1]).days <= max_gap_days + 1:
                groups[-1].append(day)
            else:
                groups.append([day])
        for group in groups:
            span = counts.loc[group[0] : group[-1]]
            first = negative & (mentions["institution_id"] == inst).to_numpy()
            first &= (local.dt.normalize() == group[0]).to_numpy()
            rows.append(
                {
                    "institution_id": inst,
                    "debut": group[0],
                    "fin": group[-1],
                    "debut_heure": local[first].min(),
                    "duree_jours": int((group[-1] - group[0]).days + 1),
                    "jours_de_crise": len(group),
                    "mentions_negatives": int(span.sum()),
                    "pic": int(span.max()),
                    "jour_du_pic": span.idxmax(),
                }
            )
    columns = [
        "institution_id",
        "debut",
        "fin",
        "debut_heure",
        "duree_jours",
        "jours_de_crise",
        "mentions_negatives",
        "pic",
        "jour_du_pic",
    ]
    result = pd.DataFrame(rows, columns=columns)
    return result.sort_values("debut", kind="stable").reset_index(drop=True)


def episode_posts(
    posts: pd.DataFrame, compte_id: str, start: Any, days: float = 4, min_comments: int = 10
) -> pd.DataFrame:
    """Posts of one account in the ``days`` after ``start`` that drew ≥ ``min_comments`` comments.

    Used to find the institution's official answer to a bad buzz: columns ``publie_le``,
    ``heures_apres_debut`` (hours since ``start``, Brussels time), ``texte``, ``commentaires``.
    """
    require_table(
        posts,
        ["compte_id", "publie_le", "texte", "commentaires"],
        "publications",
        allow_empty=False,
    )
    t0 = local_timestamp(start, "start")
    local = local_times(posts["publie_le"])
    keep = (posts["compte_id"] == compte_id).to_numpy() & (local >= t0).to_numpy()
    keep &= (local < t0 + pd.Timedelta(days=days)).to_numpy()
    keep &= (pd.to_numeric(posts["commentaires"]).fillna(0) >= min_comments).to_numpy()
    out = posts.loc[keep, ["publie_le", "texte", "commentaires"]].copy()
    out.insert(1, "heures_apres_debut", ((local[keep] - t0) / pd.Timedelta(hours=1)).round(2))
    return out.sort_values("publie_le", kind="stable")


def around_episode(
    comments: pd.DataFrame,
    compte_id: str,
    start: Any,
    days_before: int = 3,
    days_after: int = 14,
) -> pd.DataFrame:
    """Daily comments of one account around an episode, one column per category.

    Rows are the Brussels days from ``start − days_before`` to ``start + days_after``
    (0 on quiet days); columns are the categories plus ``total``.
    """
    require_table(
        comments, ["compte_id", "cree_le", "categorie"], "commentaires", allow_empty=False
    )
    day0 = local_timestamp(start, "start").normalize()
    days = pd.date_range(
        day0 - pd.Timedelta(days=days_before), day0 + pd.Timedelta(days=days_after), freq="D"
    )
    own = comments[comments["compte_id"] == compte_id]
    local = local_times(own["cree_le"]).dt.normalize()
    cats = own["categorie"].astype("object")
    table = pd.crosstab(local.to_numpy(), cats.to_numpy())
    table = table.reindex(index=days, columns=list(TRIAGE), fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    table.index.name = "jour"
    table.columns.name = None
    return table


# ---------------------------------------------------------------------------
# Friday → Monday gap (docs/sources.md §5.5)
# ---------------------------------------------------------------------------


def _delays_with_time(comments: pd.DataFrame, business_hours: bool, **options) -> pd.DataFrame:
    delays = metrics.first_response_times(comments, business_hours=business_hours, **options)
    created = local_times(comments.loc[delays.index, "cree_le"])
    return pd.DataFrame(
        {
            "jour": created.dt.day_of_week.to_numpy(),
            "heure": created.dt.hour.to_numpy(),
            "delai": delays.to_numpy(),
        },
        index=delays.index,
    )


def delay_by_weekday(
    comments: pd.DataFrame, business_hours: bool = False, **options: Any
) -> pd.DataFrame:
    """Median and p90 first-response delay (hours) by weekday of the comment.

    One row per weekday (French names, Monday first): ``commentaires_repondus``,
    ``delai_median_h``, ``delai_p90_h``. Delays come from
    :func:`socialkit.metrics.first_response_times` (same ``business_hours`` and ``options``).
    """
    table = _delays_with_time(comments, business_hours, **options)
    grouped = table.groupby("jour")["delai"]
    result = pd.DataFrame(
        {
            "commentaires_repondus": grouped.size(),
            "delai_median_h": grouped.median(),
            "delai_p90_h": grouped.quantile(0.9),
        }
    ).reindex(range(7))
    result["commentaires_repondus"] = result["commentaires_repondus"].fillna(0).astype("int64")
    result.index = pd.Index(list(fr.WEEKDAYS), name="jour")
    return result


def delay_by_weekday_hour(
    comments: pd.DataFrame,
    bins: Iterable[int] = (0, 8, 12, 17, 24),
    business_hours: bool = False,
    **options: Any,
) -> pd.DataFrame:
    """Median first-response delay (hours) by weekday (rows) and time slot (columns).

    ``bins`` are the slot limits in hours (default 0–8 h, 8–12 h, 12–17 h, 17–24 h); a slot
    with no answered comment is NaN. Reads like a heat map: Friday 17–24 h waits longest.
    """
    edges = [int(b) for b in bins]
    if edges != sorted(edges) or edges[0] != 0 or edges[-1] != 24 or len(set(edges)) != len(edges):
        raise KitValueError(
            "bins doit aller de 0 à 24 en croissant, par exemple (0, 8, 12, 17, 24)."
        )
    table = _delays_with_time(comments, business_hours, **options)
    labels = [f"{a}–{b} h" for a, b in zip(edges[:-1], edges[1:], strict=True)]
    table["creneau"] = pd.cut(table["heure"], edges, right=False, labels=labels)
    pivot = table.pivot_table(
        index="jour", columns="creneau", values="delai", aggfunc="median", observed=False
    )
    pivot = pivot.reindex(index=range(7), columns=labels)
    pivot.index = pd.Index(list(fr.WEEKDAYS), name="jour")
    pivot.columns = pd.Index(labels, name="creneau")
    return pivot


# ---------------------------------------------------------------------------
# Moderation staffing (docs/sources.md §2.2, §5.1; socialkit.models.moderation)
# ---------------------------------------------------------------------------


def responsiveness_table(
    comments: pd.DataFrame,
    accounts: pd.DataFrame,
    by: str = "institution_id",
    **options: Any,
) -> pd.DataFrame:
    """Responsiveness of each group of accounts (docs/sources.md §1.4, §2.2).

    ``accounts`` is the ``comptes`` table (it brings ``by``: ``institution_id``,
    ``plateforme``, ``type_compte``… or ``compte_id`` itself). One row per group:
    ``commentaires``, ``a_repondre`` (``necessite_reponse``), ``taux_reponse`` (%,
    :func:`socialkit.metrics.response_rate`), ``delai_median_h`` and ``delai_p90_h`` (clock
    hours) and ``delai_median_ouvrable_h`` (business hours; ``options`` such as ``opening``
    are passed to :func:`socialkit.metrics.response_time_summary`). Groups are sorted by name.
    """
    require_table(
        comments,
        ["compte_id", "necessite_reponse", "repondu_le", "cree_le"],
        "commentaires",
        allow_empty=False,
    )
    require_table(accounts, ["compte_id", by], "comptes", allow_empty=False)
    if by == "compte_id":
        keys = comments["compte_id"].astype("object")
    else:
        keys = account_columns(comments, accounts, [by], dtype="object")[by]
    rows = {}
    for key, group in comments.groupby(keys.to_numpy(), sort=True):
        clock = metrics.response_time_summary(group)
        business = metrics.response_time_summary(group, business_hours=True, **options)
        needed = int(group["necessite_reponse"].fillna(False).astype(bool).sum())
        rows[key] = {
            "commentaires": len(group),
            "a_repondre": needed,
            "taux_reponse": metrics.response_rate(group) if needed else float("nan"),
            "delai_median_h": clock["mediane"],
            "delai_p90_h": clock["p90"],
            "delai_median_ouvrable_h": business["mediane"],
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = by
    return table


def weekly_profile(comments: pd.DataFrame, needing_reply_only: bool = True) -> np.ndarray:
    """Mean number of comments per hour of the week (168 values, Monday 0–1 h first).

    Counts the comments (by default only those needing a reply) in each hour of the week
    and divides by the number of weeks covered by the table, so the result can be passed
    as ``weekly_profile`` to :func:`socialkit.models.moderation.simulate_moderation`.
    """
    require_table(comments, ["cree_le", "necessite_reponse"], "commentaires", allow_empty=False)
    local = local_times(comments["cree_le"])
    weeks = max(1.0, (local.max() - local.min()) / pd.Timedelta(days=7))
    if needing_reply_only:
        local = local[comments["necessite_reponse"].fillna(False).astype(bool).to_numpy()]
    slot = local.dt.day_of_week * 24 + local.dt.hour
    counts = np.bincount(slot.to_numpy(dtype="int64"), minlength=168).astype(float)
    return counts / weeks


def headcount_needed(
    target_share: float, target_hours: float, max_headcount: int = 50, **params: Any
) -> int | None:
    """Smallest moderation team answering ≥ ``target_share`` % of comments within ``target_hours``.

    Runs :func:`socialkit.models.moderation.simulate_moderation` (``params``: every argument
    but ``headcount``, same ``seed`` for each team size) for 1, 2, … ``max_headcount`` people
    and returns the first size that meets the target, or ``None`` when even
    ``max_headcount`` people cannot (the opening hours are then the bottleneck, not the team).
    """
    if "headcount" in params:
        raise KitValueError("« headcount » ne peut pas être fixé : c'est ce que l'on cherche.")
    if not 0 <= target_share <= 100:
        raise KitValueError("target_share est un pourcentage entre 0 et 100 (par exemple 80).")
    for size in range(1, int(max_headcount) + 1):
        df = moderation.simulate_moderation(headcount=size, **params)
        if moderation.share_within(df, target_hours) >= target_share:
            return size
    return None


#: Response tiers (docs/sources.md §2.2 [D]): categories, target, clock or business hours.
SLA_TIERS: dict[str, dict[str, Any]] = {
    "urgent": {
        "categories": ("desinformation",),
        "cible_h": 1.0,
        "ouvrable": False,
        "cible": "1 heure, soirs et week-ends compris (permanence)",
    },
    "plainte": {
        "categories": ("plainte",),
        "cible_h": 4.0,
        "ouvrable": True,
        "cible": "4 heures ouvrables",
    },
    "question": {
        "categories": ("question",),
        "cible_h": 8.5,
        "ouvrable": True,
        "cible": "1 jour ouvrable (8 h 30)",
    },
    "autre": {
        "categories": ("suggestion", "remerciement"),
        "cible_h": 17.0,
        "ouvrable": True,
        "cible": "2 jours ouvrables",
    },
    "moderer": {
        "categories": ("spam", "troll"),
        "cible_h": None,
        "ouvrable": False,
        "cible": "pas de réponse : masquer ou supprimer selon la charte, noter au registre",
    },
}


_OFFICE = (8.5, 17.0)


# ---------------------------------------------------------------------------
# Moderation targets (docs/sources.md §2.2)
# ---------------------------------------------------------------------------


def sla_table() -> pd.DataFrame:
    """The response tiers as a French table (one row per tier)."""
    rows = [
        {
            "niveau": tier,
            "categories": ", ".join(spec["categories"]),
            "delai_cible": spec["cible"],
        }
        for tier, spec in SLA_TIERS.items()
    ]
    return pd.DataFrame(rows).set_index("niveau")


def sla_compliance(comments: pd.DataFrame, opening: tuple[float, float] = _OFFICE) -> pd.DataFrame:
    """Share of the comments needing a reply that were answered within their tier's target.

    One row per tier with a target (:data:`SLA_TIERS`): ``a_repondre`` (comments of the tier's
    categories with ``necessite_reponse``), ``dans_delai`` (answered within the target, on the
    clock for « urgent », in business hours otherwise — ``opening`` hours, Monday to Friday,
    as :func:`socialkit.metrics.first_response_times`), ``part_dans_delai`` (%; an unanswered
    comment counts as late; NaN when there is nothing to answer) and ``delai_median_h`` (median
    delay of the answered ones, in the tier's unit).
    """
    if not isinstance(comments, pd.DataFrame):
        raise KitValueError("Passez le tableau des commentaires (DataFrame) chargé avec load(...).")
    needed = ["categorie", "necessite_reponse", "cree_le", "repondu_le"]
    missing = [c for c in needed if c not in comments.columns]
    if missing:
        raise KitValueError(f"Il manque dans le tableau des commentaires : {', '.join(missing)}.")
    category = comments["categorie"].astype("object")
    must = comments["necessite_reponse"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    rows = {}
    for tier, spec in SLA_TIERS.items():
        if spec["cible_h"] is None:
            continue
        subset = comments[category.isin(spec["categories"]).to_numpy() & must]
        delays = metrics.first_response_times(
            subset, business_hours=spec["ouvrable"], opening=opening
        )
        ok = int((delays <= spec["cible_h"]).sum())
        n = len(subset)
        rows[tier] = {
            "delai_cible": spec["cible"],
            "a_repondre": n,
            "dans_delai": ok,
            "part_dans_delai": ok / n * 100 if n else float("nan"),
            "delai_median_h": float(delays.median()) if len(delays) else float("nan"),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "niveau"
    return table
