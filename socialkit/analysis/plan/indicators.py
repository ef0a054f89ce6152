"""Module 8, action plan: the indicators to follow and their baselines.

:data:`INDICATORS` are the stage indicators of :mod:`socialkit.analysis.funnel` plus the two
moderation ones of :func:`socialkit.analysis.interactions.sla_compliance`. :func:`baselines`
computes their values for one institution, :func:`indicator_table` builds the table to fill
with targets and :func:`indicator_problems` checks it: known indicator, right stage, baseline
equal to the data, a target that improves on the baseline, every stage covered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from socialkit import fr
from socialkit._common import require_table
from socialkit.analysis import funnel
from socialkit.analysis.interactions import sla_compliance
from socialkit.analysis.plan.calendar import STAGES, PlanError

__all__ = ["INDICATORS", "INDICATOR_COLUMNS", "baselines", "indicator_table", "indicator_problems"]

_SLA_INDICATORS = {
    "plaintes_dans_delai": (
        "après-service",
        "plaintes qui demandent une réponse, traitées en 4 heures ouvrables (%)",
        True,
    ),
    "questions_dans_delai": (
        "après-service",
        "questions qui demandent une réponse, traitées en 1 jour ouvrable (%)",
        True,
    ),
}
#: indicator → (stage, French label, True when higher is better).
INDICATORS: dict[str, tuple[str, str, bool]] = {**funnel.METRICS, **_SLA_INDICATORS}
#: Indicators that are shares (a target must lie between 0 and 100).
_SHARES = {
    "taux_portee",
    "part_de_voix",
    "taux_engagement",
    "part_fideles",
    "taux_reponse",
    "part_questions_repondues",
    *_SLA_INDICATORS,
}
INDICATOR_COLUMNS = ["etape", "indicateur", "libelle", "valeur_depart", "cible"]


def baselines(
    publications: pd.DataFrame,
    commentaires: pd.DataFrame,
    abonnes: pd.DataFrame,
    mentions: pd.DataFrame,
    comptes: pd.DataFrame,
    institution_id: str,
) -> pd.Series:
    """Value of every indicator of :data:`INDICATORS` for one institution (its baseline).

    Stage indicators come from :func:`socialkit.funnel.stage_metrics` (official institutional
    accounts; share of voice against every institution of ``mentions``); the moderation ones
    from :func:`sla_compliance` on the comments of those accounts. Named ``"valeur_depart"``.
    """
    row = funnel.stage_metrics(
        publications, commentaires, abonnes, mentions, comptes, institutions=institution_id
    ).loc[institution_id]
    ids = funnel.official_accounts(comptes, institution_id)["compte_id"]
    mine = commentaires[commentaires["compte_id"].isin(ids).to_numpy()]
    sla = sla_compliance(mine)
    values = {k: float(row[k]) for k in funnel.METRICS}
    values["plaintes_dans_delai"] = float(sla.loc["plainte", "part_dans_delai"])
    values["questions_dans_delai"] = float(sla.loc["question", "part_dans_delai"])
    series = pd.Series(values, name="valeur_depart", dtype="float64")
    series.index.name = "indicateur"
    return series


def indicator_table(base: pd.Series, targets: Mapping[str, float]) -> pd.DataFrame:
    """The indicators to follow: one row per key of ``targets`` (indicator → target).

    Columns :data:`INDICATOR_COLUMNS`: ``etape`` and ``libelle`` from :data:`INDICATORS`,
    ``valeur_depart`` from ``base`` (the result of :func:`baselines`), ``cible`` the target.
    """
    if not isinstance(base, pd.Series):
        raise PlanError("« base » doit être le résultat de plan.baselines(...) (une Series).")
    if not isinstance(targets, Mapping) or not targets:
        raise PlanError(
            'Les cibles doivent être un dictionnaire, par exemple {"taux_reponse": 60}.'
        )
    rows = []
    for name, target in targets.items():
        if name not in INDICATORS:
            raise PlanError(
                f"Indicateur inconnu : « {name} ». Indicateurs possibles : {', '.join(INDICATORS)}."
            )
        if name not in base.index:
            raise PlanError(f"Pas de valeur de départ pour « {name} » dans « base ».")
        stage, label, _ = INDICATORS[name]
        rows.append(
            {
                "etape": stage,
                "indicateur": name,
                "libelle": label,
                "valeur_depart": float(base[name]),
                "cible": target,
            }
        )
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return None
    return float(value)


def indicator_problems(table: Any, base: pd.Series | None = None, rel: float = 1e-6) -> list[str]:
    """What is wrong with an indicator table, as French sentences (``[]`` = nothing).

    Each row needs a known ``indicateur`` (:data:`INDICATORS`), the ``etape`` of that
    indicator, a numeric ``valeur_depart`` (equal to ``base[indicateur]`` within ``rel`` when
    ``base`` is given) and a numeric ``cible`` that improves on it (higher, or lower for a
    delay); a share (%) stays between 0 and 100. Each stage of :data:`STAGES` needs at least
    one indicator; an indicator appears once.
    """
    require_table(table, table="le tableau des indicateurs", error=PlanError)
    missing = [c for c in ("etape", "indicateur", "valeur_depart", "cible") if c not in table]
    if missing:
        raise PlanError(
            f"Il manque dans le tableau des indicateurs : {', '.join(missing)}. Construisez-le "
            "avec plan.indicator_table(...)."
        )
    problems = []
    seen = set()
    for row, line in table.iterrows():
        name, stage = line["indicateur"], line["etape"]
        if name not in INDICATORS:
            problems.append(f"Ligne {row} : indicateur « {name} » inconnu.")
            continue
        if name in seen:
            problems.append(f"Ligne {row} : l'indicateur « {name} » figure deux fois.")
        seen.add(name)
        right_stage, _, higher = INDICATORS[name]
        if stage != right_stage:
            problems.append(
                f"Ligne {row} : « {name} » mesure l'étape « {right_stage} », pas « {stage} »."
            )
        start, target = _as_number(line["valeur_depart"]), _as_number(line["cible"])
        if start is None or np.isnan(start):
            problems.append(
                f"Ligne {row} : pas de valeur de départ pour « {name} » (les données ne "
                "permettent pas de la calculer : choisissez un autre indicateur)."
            )
            continue
        if base is not None and name in base.index:
            expected = float(base[name])
            if not np.isclose(start, expected, rtol=rel, atol=1e-9, equal_nan=True):
                problems.append(
                    f"Ligne {row} : la valeur de départ de « {name} » ({fr.number(start, 2)}) "
                    "ne correspond pas aux données ; recalculez-la avec plan.baselines(...)."
                )
        if target is None or np.isnan(target):
            problems.append(f"Ligne {row} : donnez une cible chiffrée pour « {name} ».")
            continue
        if name in _SHARES and not 0 <= target <= 100:
            problems.append(
                f"Ligne {row} : la cible de « {name} » ({fr.number(target, 2)}) est un "
                "pourcentage : elle doit être comprise entre 0 et 100."
            )
        elif name != "croissance_abonnes" and target < 0:
            problems.append(f"Ligne {row} : la cible de « {name} » ne peut pas être négative.")
        elif (higher and target <= start) or (not higher and target >= start):
            sens = "plus haute" if higher else "plus basse"
            problems.append(
                f"Ligne {row} : la cible de « {name} » ({fr.number(target, 2)}) doit être "
                f"{sens} que la valeur de départ ({fr.number(start, 2)})."
            )
    covered = set(table["etape"].astype("object"))
    for stage in STAGES:
        if stage not in covered:
            problems.append(f"Aucun indicateur pour l'étape « {stage} ».")
    return problems
