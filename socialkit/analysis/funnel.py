"""Module 7: the relationship funnel — stage of each post and comment, stage metrics.

Social media serve each step of the relationship between an institution and its public
(docs/sources.md §1.5: a marketing "social funnel" — awareness, engagement, conversion —
mapped onto three stages):

- **notoriété** (awareness): the public does not know the institution yet; content that
  creates interest and shows what the institution stands for;
- **relation**: the relationship exists; useful everyday information that keeps the
  institution close to its community;
- **après-service** (after-service): after a first experience (a procedure, a visit, an
  event); complementary information and an institution that stays available.

Classification (a documented convention [D], to be adapted to each institution):

- a **post** gets the stage of its ``sujet`` (:data:`TOPIC_STAGE`);
- a **comment** gets the stage of its ``categorie`` (:data:`CATEGORY_STAGE`); spam and
  trolls are outside the funnel (``"hors entonnoir"``).

Stage metrics per institution (docs/sources.md §1.5 table; formulas in :mod:`socialkit.metrics`),
computed on the institution's **official institutional accounts** (:func:`official_accounts`):

==============  ==========================================================================
notoriété       ``portee_moyenne`` (mean reach per post), ``taux_portee`` (Σ reach / Σ
                followers at the time of the post × 100), ``croissance_abonnes`` (%, all
                official accounts summed), ``part_de_voix`` (% of the mentions of the table)
relation        ``taux_engagement`` (ER by reach, ratio of sums, %), ``taux_conversation``
                (comments per post), ``commentateurs_fideles`` (authors who commented on
                ≥ 2 different days), ``part_fideles`` (% of distinct commenters)
après-service   ``taux_reponse`` (%), ``delai_median_h`` (median first-response time, clock
                hours), ``part_questions_repondues`` (% of questions that got a public answer)
==============  ==========================================================================

:func:`stage_scores` compares institutions: for each indicator of :data:`SCORED` (those that
do not grow mechanically with the size of the institution), institutions are ranked
(percentile, 100 = best); the score of a stage is the mean of its indicators' percentiles.
:func:`weakest_stage` returns the stage with the lowest score.

:func:`min_service_quality` answers a planning question with the community model of
module 7 (:mod:`socialkit.models.community`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from socialkit import metrics
from socialkit._common import local_times, official_mask, require_table
from socialkit.errors import KitValueError
from socialkit.models import community

__all__ = [
    "STAGES",
    "OUTSIDE",
    "TOPIC_STAGE",
    "CATEGORY_STAGE",
    "METRICS",
    "SCORED",
    "official_accounts",
    "post_stage",
    "comment_stage",
    "add_stage",
    "stage_mix",
    "returning_commenters",
    "returning_share",
    "public_answer_share",
    "stage_metrics",
    "stage_card",
    "stage_scores",
    "weakest_stage",
    "min_service_quality",
]

#: The three stages, in the order of the relationship.
STAGES = ["notoriété", "relation", "après-service"]
#: Stage of the comments that are not part of a relationship (spam, trolls).
OUTSIDE = "hors entonnoir"

#: Stage of a post from its topic (``sujet``) [D].
TOPIC_STAGE: dict[str, str] = {
    # Make the institution known, show its values and what it offers.
    "evenement_culture": "notoriété",
    "sport_loisirs": "notoriété",
    "coulisses_equipe": "notoriété",
    "emploi_recrutement": "notoriété",
    # Everyday useful information for the people who already follow it.
    "travaux_mobilite": "relation",
    "dechets_environnement": "relation",
    "social_sante": "relation",
    "securite_alerte": "relation",
    "vie_democratique": "relation",
    # For people who use (or just used) a service: how-to, follow-up, corrections.
    "demarches_administratives": "après-service",
    "correction_info": "après-service",
}

#: Stage of a comment from its category (``categorie``) [D].
CATEGORY_STAGE: dict[str, str] = {
    # Tags and "partagé": the comment carries the post to people who do not follow yet.
    "neutre": "notoriété",
    # The community talks with the institution: thanks, ideas.
    "remerciement": "relation",
    "suggestion": "relation",
    # Someone needs the institution to be available: the "after-sales" desk.
    "question": "après-service",
    "plainte": "après-service",
    "desinformation": "après-service",
    # Not a relationship: moderate per charter.
    "spam": OUTSIDE,
    "troll": OUTSIDE,
}

#: column → (stage, French label, True when a higher value is better).
METRICS: dict[str, tuple[str, str, bool]] = {
    "portee_moyenne": ("notoriété", "portée moyenne par publication (personnes)", True),
    "taux_portee": ("notoriété", "portée / abonnés (%)", True),
    "croissance_abonnes": ("notoriété", "croissance des abonnés sur la période (%)", True),
    "part_de_voix": ("notoriété", "part de voix (% des mentions)", True),
    "taux_engagement": ("relation", "taux d'engagement par portée (%)", True),
    "taux_conversation": ("relation", "commentaires par publication", True),
    "commentateurs_fideles": ("relation", "commentateurs fidèles (≥ 2 jours différents)", True),
    "part_fideles": ("relation", "part de commentateurs fidèles (%)", True),
    "taux_reponse": ("après-service", "taux de réponse (%)", True),
    "delai_median_h": ("après-service", "délai médian de première réponse (heures)", False),
    "part_questions_repondues": (
        "après-service",
        "questions avec une réponse publique (%)",
        True,
    ),
}

#: Indicators used by :func:`stage_scores` (size-independent ones).
SCORED = [
    "taux_portee",
    "croissance_abonnes",
    "taux_engagement",
    "part_fideles",
    "taux_reponse",
    "delai_median_h",
    "part_questions_repondues",
]

#: A reply that moves the conversation to private messages is not a public answer.
_PRIVATE = re.compile(r"\bpriv[ée]e?s?\b|\bMP\b|messagerie", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _stage_series(values: pd.Series, mapping: dict[str, str], column: str) -> pd.Series:
    text = values.astype("object")
    unknown = sorted(set(text.dropna()) - set(mapping))
    if unknown:
        raise KitValueError(
            f"Valeur(s) inconnue(s) dans la colonne « {column} » : {', '.join(map(str, unknown))}."
        )
    stage = text.map(mapping)
    order = STAGES + ([OUTSIDE] if OUTSIDE in mapping.values() else [])
    return pd.Series(pd.Categorical(stage, categories=order), index=values.index, name="etape")


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------


def official_accounts(accounts: pd.DataFrame, institution_id: str | None = None) -> pd.DataFrame:
    """Official institutional accounts (``type_compte == "institutionnel"`` and ``officiel``).

    Ambassador (personal) accounts and unofficial pages such as an impostor page are left
    out: stage metrics describe what the institution itself does. ``institution_id``
    keeps one institution.
    """
    require_table(accounts, ["compte_id", "institution_id", "type_compte", "officiel"], "comptes")
    keep = official_mask(accounts)
    if institution_id is not None:
        keep &= accounts["institution_id"].eq(institution_id).to_numpy(dtype=bool)
    return accounts[keep]


def post_stage(posts: pd.DataFrame) -> pd.Series:
    """Stage of each post from its ``sujet`` (:data:`TOPIC_STAGE`), named ``"etape"``."""
    require_table(posts, ["sujet"], "publications")
    return _stage_series(posts["sujet"], TOPIC_STAGE, "sujet")


def comment_stage(comments: pd.DataFrame) -> pd.Series:
    """Stage of each comment from its ``categorie`` (:data:`CATEGORY_STAGE`), named ``"etape"``.

    Spam and trolls get :data:`OUTSIDE` (« hors entonnoir »).
    """
    require_table(comments, ["categorie"], "commentaires")
    return _stage_series(comments["categorie"], CATEGORY_STAGE, "categorie")


def add_stage(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with a column ``etape``.

    Comments (a ``categorie`` column) are classified with :func:`comment_stage`, posts
    (a ``sujet`` column) with :func:`post_stage`.
    """
    if isinstance(table, pd.DataFrame) and "categorie" in table.columns:
        stage = comment_stage(table)
    else:
        stage = post_stage(table)
    out = table.copy()
    out["etape"] = stage
    return out


def stage_mix(table: pd.DataFrame, by: str | None = None) -> pd.Series | pd.DataFrame:
    """Share of the rows in each stage, in percent (posts or comments).

    Without ``by``: a Series indexed by stage (shares add up to 100). With ``by`` (a column
    such as ``"institution_id"`` or ``"compte_id"``): one row per value, one column per
    stage. Stages with no row get 0.
    """
    require_table(table, [by] if by else [], "le tableau", allow_empty=False)
    stage = table["etape"] if "etape" in table.columns else add_stage(table)["etape"]
    if by is None:
        counts = stage.value_counts(sort=False)
        return (counts / counts.sum() * 100).astype("float64").rename("part_pct")
    order = list(stage.cat.categories) if hasattr(stage, "cat") else sorted(stage.dropna().unique())
    counts = pd.crosstab(table[by].to_numpy(), stage.astype("object").to_numpy())
    counts = counts.reindex(columns=order, fill_value=0)
    mix = counts.div(counts.sum(axis=1), axis=0) * 100
    mix.index.name = by
    mix.columns = pd.Index(order, dtype="object", name="etape")
    return mix.astype("float64")


# ---------------------------------------------------------------------------
# Relation and after-service indicators not in socialkit.metrics
# ---------------------------------------------------------------------------


def _authors_days(comments: pd.DataFrame) -> pd.Series:
    """Number of different (Brussels) calendar days on which each author commented."""
    require_table(comments, ["auteur_id", "cree_le"], "commentaires")
    days = local_times(comments["cree_le"]).dt.normalize()
    frame = pd.DataFrame({"a": comments["auteur_id"].to_numpy(), "d": days.to_numpy()}).dropna()
    return frame.groupby("a")["d"].nunique()


def returning_commenters(comments: pd.DataFrame, min_days: int = 2) -> int:
    """Returning commenters (loyalty, docs/sources.md §1.5): authors seen on ≥ ``min_days`` days.

    An author (``auteur_id``) who wrote several comments on the **same** day counts once;
    only comments written on at least ``min_days`` different calendar days (Brussels time)
    make a returning commenter.
    """
    if int(min_days) != min_days or min_days < 1:
        raise KitValueError("min_days doit être un nombre entier de jours ≥ 1 (par exemple 2).")
    return int((_authors_days(comments) >= min_days).sum())


def returning_share(comments: pd.DataFrame, min_days: int = 2) -> float:
    """Returning commenters / distinct commenters × 100 (``nan`` when nobody commented)."""
    days = _authors_days(comments)
    if days.empty:
        return float("nan")
    return float(returning_commenters(comments, min_days) / days.size * 100)


def public_answer_share(
    comments: pd.DataFrame, categories: str | Iterable[str] = ("question",)
) -> float:
    """Share of the comments of ``categories`` that got a **public** answer, in percent.

    ``answered publicly = repondu_le present and reponse_texte does not move the
    conversation to private messages`` (« en privé », « message privé », « MP »). A public
    answer also serves everyone who had the same question (docs/sources.md §1.3, "service
    value": questions answered publicly). ``nan`` when there is no such comment.
    """
    require_table(comments, ["categorie", "repondu_le", "reponse_texte"], "commentaires")
    wanted = [categories] if isinstance(categories, str) else list(categories)
    unknown = sorted(set(wanted) - set(CATEGORY_STAGE))
    if unknown:
        raise KitValueError(f"Catégorie(s) inconnue(s) : {', '.join(unknown)}.")
    subset = comments[comments["categorie"].astype("object").isin(wanted).to_numpy()]
    if len(subset) == 0:
        return float("nan")
    texts = subset["reponse_texte"].astype("object").fillna("")
    private = texts.map(lambda t: bool(_PRIVATE.search(str(t))))
    public = subset["repondu_le"].notna() & ~private
    return float(public.mean() * 100)


# ---------------------------------------------------------------------------
# Stage metrics per institution
# ---------------------------------------------------------------------------


def _growth(followers: pd.DataFrame, ids: pd.Index) -> float:
    rows = followers[followers["compte_id"].isin(ids).to_numpy()]
    if len(rows) == 0:
        return float("nan")
    total = rows.groupby("date", as_index=False)["abonnes"].sum()
    total["compte_id"] = "institution"
    return float(metrics.follower_growth(total, compte_id="institution"))


def _metrics_one(posts, comments, followers, mentions, ids, institution_id, business_hours):
    p = posts[posts["compte_id"].isin(ids).to_numpy()]
    c = comments[comments["compte_id"].isin(ids).to_numpy()]
    nan = float("nan")
    row = dict.fromkeys(METRICS, nan)
    if len(p):
        row["portee_moyenne"] = float(p["portee"].astype("float64").mean())
        base = float(p["abonnes_au_moment"].sum())
        row["taux_portee"] = float(p["portee"].sum()) / base * 100 if base > 0 else nan
        row["taux_engagement"] = metrics.engagement_rate(p, by="portee")
        row["taux_conversation"] = float(metrics.conversation_rate(p))
    row["croissance_abonnes"] = _growth(followers, ids)
    row["part_de_voix"] = metrics.share_of_voice(mentions, institution_id)
    row["commentateurs_fideles"] = returning_commenters(c) if len(c) else 0
    row["part_fideles"] = returning_share(c) if len(c) else nan
    if len(c):
        row["taux_reponse"] = metrics.response_rate(c)
        row["delai_median_h"] = metrics.response_time_summary(c, business_hours=business_hours)[
            "mediane"
        ]
        row["part_questions_repondues"] = public_answer_share(c)
    return row


def stage_metrics(
    posts: pd.DataFrame,
    comments: pd.DataFrame,
    followers: pd.DataFrame,
    mentions: pd.DataFrame,
    accounts: pd.DataFrame,
    institutions: str | Iterable[str] | None = None,
    business_hours: bool = False,
) -> pd.DataFrame:
    """The stage metrics of every institution (module docstring; docs/sources.md §1.5).

    One row per ``institution_id`` (all institutions of ``accounts``, or those listed in
    ``institutions``), one column per indicator of :data:`METRICS`. Only the official
    institutional accounts count (:func:`official_accounts`); the share of voice compares
    the institution with every institution of ``mentions``. ``business_hours=True``
    measures reply delays in office hours (see :func:`socialkit.metrics.first_response_times`).
    """
    require_table(posts, ["compte_id", "portee", "abonnes_au_moment"], "publications")
    require_table(comments, ["compte_id", "auteur_id", "cree_le", "categorie"], "commentaires")
    require_table(followers, ["date", "compte_id", "abonnes"], "abonnes")
    require_table(mentions, ["institution_id"], "mentions")
    official = official_accounts(accounts)
    wanted = sorted(pd.unique(accounts["institution_id"].dropna()))
    if institutions is not None:
        wanted = [institutions] if isinstance(institutions, str) else list(institutions)
        unknown = sorted(set(wanted) - set(accounts["institution_id"]))
        if unknown:
            raise KitValueError(f"Institution(s) inconnue(s) : {', '.join(unknown)}.")
    rows = {}
    for inst in wanted:
        ids = pd.Index(official.loc[official["institution_id"] == inst, "compte_id"])
        rows[inst] = _metrics_one(posts, comments, followers, mentions, ids, inst, business_hours)
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(METRICS))
    table.index.name = "institution_id"
    table["commentateurs_fideles"] = table["commentateurs_fideles"].astype("int64")
    return table


def stage_card(table: pd.DataFrame, institution_id: str) -> pd.DataFrame:
    """One institution's indicators in long form, one row per indicator of :data:`METRICS`.

    Columns: ``etape``, ``indicateur`` (French label), ``code`` (column of ``table``),
    ``valeur``, ``mediane_institutions`` (median of the table) and ``rang`` (1 = best of
    the table; for the reply delay, the shortest is best; ties share the best rank).
    """
    _check_table(table)
    if institution_id not in table.index:
        raise KitValueError(f"Institution absente du tableau : « {institution_id} ».")
    rows = []
    for column, (stage, label, higher) in METRICS.items():
        if column not in table.columns:
            continue
        values = table[column].astype("float64")
        rank = values.rank(ascending=not higher, method="min")
        rows.append(
            {
                "etape": stage,
                "indicateur": label,
                "code": column,
                "valeur": float(values[institution_id]),
                "mediane_institutions": float(values.median()),
                "rang": rank[institution_id],
            }
        )
    card = pd.DataFrame(rows)
    card["rang"] = card["rang"].astype("Int64")
    return card


def _check_table(table: Any) -> None:
    require_table(table, [], "le tableau des étapes (résultat de stage_metrics)")
    missing = [c for c in SCORED if c not in table.columns]
    if missing:
        raise KitValueError(
            f"Ce tableau ne vient pas de funnel.stage_metrics : il manque {', '.join(missing)}."
        )


def stage_scores(table: pd.DataFrame) -> pd.DataFrame:
    """Score of each stage for each institution, 0–100 (100 = best of the table).

    For each indicator of :data:`SCORED`, institutions are ranked
    (``rank(pct=True) × 100``, ties averaged; reversed for the reply delay, where lower
    is better); the stage score is the mean of its indicators (missing values skipped).
    Columns in the order of :data:`STAGES`.
    """
    _check_table(table)
    pct = {}
    for column in SCORED:
        higher = METRICS[column][2]
        values = table[column].astype("float64")
        pct[column] = values.rank(ascending=higher, pct=True, method="average") * 100
    percentiles = pd.DataFrame(pct, index=table.index)
    scores = pd.DataFrame(index=table.index)
    for stage in STAGES:
        columns = [c for c in SCORED if METRICS[c][0] == stage]
        scores[stage] = percentiles[columns].mean(axis=1)
    scores.columns.name = "etape"
    return scores


def weakest_stage(table: pd.DataFrame, institution_id: str) -> str:
    """The stage with the lowest :func:`stage_scores` score for ``institution_id``.

    ``table`` is the result of :func:`stage_metrics` (all institutions: the score compares
    them). Ties go to the earliest stage of :data:`STAGES`.
    """
    scores = stage_scores(table)
    if institution_id not in scores.index:
        raise KitValueError(f"Institution absente du tableau : « {institution_id} ».")
    row = scores.loc[institution_id]
    if row.isna().all():
        raise KitValueError(f"Aucun indicateur disponible pour « {institution_id} ».")
    return str(row.idxmin())


# ---------------------------------------------------------------------------
# Planning with the community model (socialkit.models.community)
# ---------------------------------------------------------------------------


def min_service_quality(
    target_active: float,
    p: float,
    q: float,
    m: int,
    weeks: int = 104,
    step: float = 0.05,
    **params: Any,
) -> float | None:
    """Smallest service quality that keeps the active community ≥ ``target_active``.

    Runs :func:`socialkit.models.community.simulate_community` for service_quality = 0,
    ``step``, 2·``step``… 1 and returns the first value whose active community at the
    **last** week (``weeks``) reaches ``target_active`` (people), rounded to 10 decimals;
    ``None`` if even a perfect service (1.0) does not. ``params`` are passed on (``churn``,
    ``n_ambassadors``, ``q_per_ambassador``). The active community grows with the service
    quality (less churn), so the first value found is the smallest on the grid.
    """
    if not isinstance(step, int | float) or not 0 < step <= 1:
        raise KitValueError("step doit être compris entre 0 (exclu) et 1, par exemple 0.05.")
    if "service_quality" in params:
        raise KitValueError("« service_quality » est ce que l'on cherche : ne le fixez pas.")
    n_steps = int(round(1 / step))
    grid = np.unique(np.round(np.append(np.arange(n_steps + 1) * step, 1.0), 10))
    grid = grid[grid <= 1.0]
    for quality in grid:
        df = community.simulate_community(
            p, q, m, weeks=weeks, service_quality=float(quality), **params
        )
        if float(df["communaute_active"].iloc[-1]) >= target_active:
            return float(quality)
    return None
