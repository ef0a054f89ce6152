"""A self-contained French HTML audit report for one institution (sample or own data).

One call, or one command::

    from socialkit.report import audit_report
    audit_report("I99", folder="mes_donnees")          # → rapport_audit_<institution>.html

    python -m socialkit.report I99 --dossier mes_donnees --sortie rapport.html

The report is one HTML file (charts embedded as PNG in base64, each with an alt text that
says what it shows, figures included), readable offline and printable to PDF from the
browser. It holds, for the institution's accounts: the scorecard (module 5's audit,
:mod:`socialkit.analysis.audit`), the findings (dormant accounts, duplicates, impostors,
questions and complaints left unanswered), the posting cadence and the response figures with
their charts, and the recommended action per account from module 5's grid (keep, relaunch,
merge, close) by :func:`recommend`. The page is rendered by a Jinja2 template
(``socialkit/resources/audit_report.html.j2``); :func:`report_context` computes everything
it shows (pure, tested on its own).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import io
import sys
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from socialkit import colours, fr, metrics
from socialkit.analysis import audit, cadence, interactions
from socialkit.analysis.plan.calendar import PLATFORM_LABELS
from socialkit.data import DataError, data_dir, load
from socialkit.plots import COLOURS, HATCHES, level_label, level_legend

__all__ = ["audit_report", "recommend", "render", "report_context"]

_TEMPLATE = "audit_report.html.j2"
DECISIONS = ["Garder", "Relancer", "Fusionner", "Fermer", "Signaler"]


def recommend(audit_df: pd.DataFrame) -> pd.DataFrame:
    """Module 5's decision for each account of an audit table: ``decision`` and ``pourquoi``.

    - not official (``officiel`` False) → « Signaler » (impostor: report it to the platform);
    - duplicate (``doublon``: secondary account gone dormant) → « Fusionner »;
    - dormant with comments that still wait for a reply → « Relancer » (it has a public);
    - dormant otherwise → « Fermer »;
    - active but below the green threshold → « Relancer » (fix what the reasons list);
    - otherwise → « Garder ».
    """
    out = []
    for _, row in audit_df.iterrows():
        waiting = int(row["nb_a_repondre"]) - int(row["nb_repondus"])
        days = row["jours_sans_publication"]
        quiet = (
            "aucune publication sur la période"
            if pd.isna(days)
            else f"{fr.plural(round(days), 'jour')} sans publier"
        )
        if not row["officiel"]:
            decision, why = "Signaler", "compte non officiel qui utilise le nom de l'institution"
        elif row["doublon"]:
            decision, why = "Fusionner", f"doublon à l'abandon ({quiet})"
        elif row["dormant"] and waiting > 0:
            decision = "Relancer"
            why = f"{quiet}, mais {fr.plural(waiting, 'message')} du public sans réponse"
        elif row["dormant"]:
            decision, why = "Fermer", f"{quiet} et personne n'y attend de réponse"
        elif row["score"] < audit.GREEN_FROM:
            decision, why = "Relancer", f"score {fr.number(row['score'])}/100"
        else:
            decision, why = "Garder", "actif et suivi"
        out.append((decision, why))
    return pd.DataFrame(out, index=audit_df.index, columns=["decision", "pourquoi"])


# ---------------------------------------------------------------------------- charts


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    return fig


def _img(fig: Figure, alt: str, caption: str) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def _label(row: pd.Series) -> str:
    return (
        f"{row['nom_affiche']} ({PLATFORM_LABELS.get(str(row['plateforme']), row['plateforme'])})"
    )


def _scores_chart(rows: pd.DataFrame) -> str:
    fig = _figure(6.4, 0.45 * len(rows) + 0.9)
    ax = fig.add_subplot(111)
    labels = [_label(r) for _, r in rows.iterrows()]
    levels = list(rows["couleur"])
    bars = ax.barh(range(len(rows)), rows["score"], color=[COLOURS[c] for c in levels])
    for bar, level in zip(bars, levels, strict=True):  # colour is never the only cue
        bar.set_hatch(HATCHES[level])
        bar.set_edgecolor("white")
        bar.set_linewidth(0)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 115)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.set_xlabel("score d'audit (sur 100)")
    for i, (score, level) in enumerate(zip(rows["score"], levels, strict=True)):
        ax.text(score + 1, i, f"{fr.number(score)} · {level}", va="center", fontsize=8)
    level_legend(ax, fontsize=7, loc="lower right")
    alt = "Score d'audit par compte, sur 100 : " + " ; ".join(
        f"{label} {fr.number(s)} ({level})"
        for label, s, level in zip(labels, rows["score"], levels, strict=True)
    )
    caption = "Score d'audit de chaque compte : " + ", ".join(
        level_label(c) for c in ("vert", "orange", "rouge")
    )
    return _img(fig, alt + ".", caption + ".")


def _cadence_chart(weekly: pd.DataFrame, names: dict[str, str]) -> tuple[str, str]:
    fig = _figure(6.4, 2.8)
    ax = fig.add_subplot(111)
    for k, account in enumerate(weekly.columns):
        ax.plot(
            weekly.index,
            weekly[account],
            color=colours.SERIES[k % len(colours.SERIES)],
            ls=colours.LINESTYLES[k % len(colours.LINESTYLES)],
            marker=colours.MARKERS[k % len(colours.MARKERS)],
            markersize=3,
            label=names[account],
        )
    ax.set_ylabel("publications par semaine")
    ax.legend(fontsize=7, loc="upper left", frameon=False)
    ax.set_ylim(bottom=0)
    for tick in ax.get_xticklabels():
        tick.set_fontsize(7)
    means = weekly.mean()
    empty = (weekly == 0).sum()
    parts = [
        f"{names[a]} : {fr.number(means[a], 1)} par semaine en moyenne, "
        f"{fr.plural(int(empty[a]), 'semaine')} sans publication"
        for a in weekly.columns
    ]
    first, last = weekly.index.min(), weekly.index.max()
    alt = (
        f"Publications par semaine et par compte, semaines du {fr.date(first)} au "
        f"{fr.date(last)}. " + " ; ".join(parts) + "."
    )
    return _img(fig, alt, "Publications par semaine (semaines du lundi)."), " ; ".join(parts)


def _response_chart(table: pd.DataFrame) -> str:
    fig = _figure(6.4, 0.45 * len(table) + 0.9)
    ax = fig.add_subplot(111)
    rates = table["taux_reponse"].fillna(0)
    ax.barh(range(len(table)), rates, color=colours.BLUE)
    ax.set_yticks(range(len(table)), table["compte"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("taux de réponse (%)")
    for i, (rate, delay) in enumerate(zip(table["taux_reponse"], table["delai"], strict=True)):
        text = (
            "aucun message à traiter"
            if pd.isna(rate)
            else f"{fr.percent(rate)} · délai médian {delay}"
        )
        ax.text((0 if pd.isna(rate) else rate) + 1, i, text, va="center", fontsize=7)
    alt = "Taux de réponse et délai médian de première réponse par compte : " + " ; ".join(
        f"{c} {'sans message à traiter' if pd.isna(r) else fr.percent(r)}"
        + ("" if pd.isna(r) else f", délai médian {d}")
        for c, r, d in zip(table["compte"], table["taux_reponse"], table["delai"], strict=True)
    )
    return _img(fig, alt + ".", "Part des messages qui appelaient une réponse et en ont reçu une.")


# ---------------------------------------------------------------------------- context


def _tables(folder) -> dict[str, pd.DataFrame]:
    names = ["institutions", "comptes", "publications", "commentaires"]
    return {name: load(name, folder=folder) for name in names}


def report_context(
    tables: dict[str, pd.DataFrame],
    institution_id: str,
    end: Any = None,
    start: Any = None,
    source: str = "",
) -> dict[str, Any]:
    """Everything the report shows, computed from the tables (French texts, charts as HTML)."""
    institutions, accounts = tables["institutions"], tables["comptes"]
    posts, comments = tables["publications"], tables["commentaires"]
    known = institutions["institution_id"].astype(str).tolist()
    if institution_id not in known:
        raise DataError(
            f"Institution « {institution_id} » absente du tableau des institutions "
            f"({', '.join(known[:8])}{'…' if len(known) > 8 else ''})."
        )
    mine = accounts[accounts["institution_id"].astype(str) == institution_id]
    if mine.empty:
        raise DataError(f"Aucun compte de l'institution « {institution_id} » dans « comptes ».")
    ids = set(mine["compte_id"].astype(str))
    my_posts = posts[posts["compte_id"].astype(str).isin(ids)]
    my_comments = comments[comments["compte_id"].astype(str).isin(ids)]
    if end is None:
        latest = my_posts["publie_le"].max() if len(my_posts) else pd.Timestamp.now()
        end = (latest.tz_localize(None) if latest.tzinfo else latest).normalize() + pd.Timedelta(
            days=1
        )
    end = pd.Timestamp(end)
    if start is None:
        earliest = my_posts["publie_le"].min() if len(my_posts) else end - pd.Timedelta(days=365)
        earliest = earliest.tz_localize(None) if earliest.tzinfo else earliest
        start = max(end - pd.Timedelta(days=365), earliest.normalize())
    start = pd.Timestamp(start)
    result = audit.audit_accounts(mine, my_posts, my_comments, end=end, start=start)
    audited = set(result.index.astype(str))  # institutional accounts (not ambassadors)
    my_posts = my_posts[my_posts["compte_id"].astype(str).isin(audited)]
    my_comments = my_comments[my_comments["compte_id"].astype(str).isin(audited)]
    card = audit.scorecard(result, institutions[institutions["institution_id"] == institution_id])
    card_row = card.iloc[0]
    decisions = recommend(result)
    result = result.join(decisions)
    result["couleur"] = np.where(
        result["score"] >= audit.GREEN_FROM,
        "vert",
        np.where(result["score"] >= audit.ORANGE_FROM, "orange", "rouge"),
    )
    result = result.sort_values(["score", "nom_affiche"], ascending=[False, True])
    names = {cid: _label(row) for cid, row in result.iterrows()}

    rows = [
        {
            "name": row["nom_affiche"],
            "platform": PLATFORM_LABELS.get(str(row["plateforme"]), row["plateforme"]),
            "score": fr.number(row["score"]),
            "colour": row["couleur"],
            "reasons": row["raisons"] or "—",
            "decision": row["decision"],
            "why": row["pourquoi"],
        }
        for _, row in result.iterrows()
    ]

    # findings
    findings = []
    dormant = result[result["dormant"] & result["officiel"]]
    findings.append(
        {
            "title": "Comptes dormants (plus de 90 jours sans publication)",
            "text": f"{fr.plural(len(dormant), 'compte dormant')} sur {len(result)}."
            if len(dormant)
            else "Aucun compte dormant.",
            "items": [
                f"{names[cid]} : dernière publication le {fr.date(row['derniere_publication'])}"
                if pd.notna(row["derniere_publication"])
                else f"{names[cid]} : aucune publication"
                for cid, row in dormant.iterrows()
            ],
        }
    )
    doubles = result[result["doublon"]]
    findings.append(
        {
            "title": "Doublons",
            "text": (
                f"{fr.plural(len(doubles), 'compte secondaire')} à l'abandon sur une plateforme "
                "où l'institution a déjà un compte actif."
                if len(doubles)
                else "Aucun doublon à l'abandon."
            ),
            "items": [names[cid] for cid in doubles.index],
        }
    )
    fakes = result[~result["officiel"]]
    if len(fakes):
        findings.append(
            {
                "title": "Comptes non officiels",
                "text": "Ces comptes utilisent le nom de l'institution sans en dépendre.",
                "items": [names[cid] for cid in fakes.index],
            }
        )
    waiting = interactions.unanswered(my_comments)
    by_account = waiting["compte_id"].astype(str).value_counts()
    examples = waiting.sort_values("cree_le", ascending=False).drop_duplicates("texte").head(3)
    findings.append(
        {
            "title": "Questions et plaintes sans réponse",
            "text": (
                fr.plural(
                    len(waiting), "question ou plainte restée", "questions ou plaintes restées"
                )
                + " sans réponse, dont les plus récentes : "
                + " ; ".join(
                    f"« {str(t)[:90]} » ({fr.short_date(c)})"
                    for t, c in zip(examples["texte"], examples["cree_le"], strict=True)
                )
                + "."
                if len(waiting)
                else "Aucune question ni plainte sans réponse."
            ),
            "items": [f"{names[a]} : {fr.plural(n, 'message')}" for a, n in by_account.items()],
        }
    )

    # cadence
    active = [cid for cid in result.index if result.loc[cid, "officiel"]]
    weekly = cadence.weekly_posts(my_posts, start, end, accounts=active)
    cadence_figure, cadence_text = _cadence_chart(weekly, names)

    # responses
    response_rows = []
    for cid in active:
        theirs = my_comments[my_comments["compte_id"].astype(str) == cid]
        rate = metrics.response_rate(theirs) if len(theirs) else float("nan")
        summary = metrics.response_time_summary(theirs) if len(theirs) else {"mediane": np.nan}
        delay = "—" if pd.isna(summary["mediane"]) else f"{fr.number(summary['mediane'], 1)} h"
        response_rows.append({"compte": names[cid], "taux_reponse": rate, "delai": delay})
    response_table = pd.DataFrame(response_rows)
    overall = metrics.response_rate(my_comments) if len(my_comments) else float("nan")
    times = metrics.response_time_summary(my_comments) if len(my_comments) else None
    if times and times["n"]:
        response_text = (
            f"Sur l'ensemble des comptes, {fr.percent(overall)} des messages qui appelaient une "
            f"réponse en ont reçu une ; délai médian de première réponse "
            f"{fr.number(times['mediane'], 1)} h, et 9 réponses sur 10 en moins de "
            f"{fr.number(times['p90'], 0)} h."
        )
    else:
        response_text = "Aucune réponse de l'institution n'a été enregistrée sur la période."

    # actions
    actions = []
    for decision in ("Signaler", "Fermer", "Fusionner", "Relancer"):
        chosen = result[result["decision"] == decision]
        if len(chosen):
            listed = ", ".join(
                f"{names[cid]} ({result.loc[cid, 'pourquoi']})" for cid in chosen.index
            )
            actions.append(f"{decision} : {listed}.")
    if len(waiting):
        actions.append(
            f"Répondre aux {fr.plural(len(waiting), 'message')} en attente, en commençant par "
            "les plus anciens, puis tenir un délai cible (module 8)."
        )
    governance = {
        "double_auth": "Activer la double authentification",
        "deux_admins": "Nommer au moins deux administrateurs",
        "sans_profil_perso": "Retirer les administrateurs passant par un profil personnel",
        "charte": "Publier une charte de modération",
        "sur_site_web": "Référencer sur le site de l'institution",
    }
    for key, text in governance.items():
        failing = [names[cid] for cid in result.index[~result[key].astype(bool)]]
        if failing:
            actions.append(f"{text} : {', '.join(failing)}.")
    if not actions:
        actions.append("Garder le cap : aucune action urgente, revoir l'audit dans six mois.")

    nom = str(card_row["nom"])
    key_figures = [
        f"{fr.plural(len(result), 'compte audité', 'comptes audités')}, "
        f"{fr.plural(len(dormant), 'dormant')}, "
        f"{fr.plural(len(doubles), 'doublon')}.",
        f"{fr.plural(len(my_posts), 'publication')} et "
        f"{fr.plural(len(my_comments), 'commentaire')} sur la période.",
        response_text,
    ]
    return {
        "title": f"Audit de la présence en ligne — {nom}",
        "period": f"Période du {fr.date(start)} au {fr.date(end - pd.Timedelta(days=1))}",
        "accounts_count": fr.plural(len(result), "compte"),
        "made_on": fr.date(dt.date.today()),
        "score": fr.number(card_row["score"]),
        "colour": card_row["couleur"],
        "verdict": card_row["verdict"],
        "key_figures": key_figures,
        "accounts": rows,
        "findings": findings,
        "cadence_text": "Rythme observé : " + cadence_text + ".",
        "response_text": response_text,
        "actions": actions,
        "figures": {
            "scores": _scores_chart(result),
            "cadence": cadence_figure,
            "response": _response_chart(response_table),
        },
        "source": source or "tableaux du kit",
        "decisions": result[["decision", "pourquoi"]],
    }


def render(context: dict[str, Any]) -> str:
    """The HTML page for a :func:`report_context` (Jinja2, autoescaped)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("socialkit", "resources"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    style = {"levels": colours.LEVELS, "blue": colours.BLUE}  # the course palette, in the CSS
    return env.get_template(_TEMPLATE).render(**style, **context)


def audit_report(
    institution_id: str | None = None,
    folder=None,
    path=None,
    *,
    end: Any = None,
    start: Any = None,
) -> Path:
    """Write the audit report of one institution as a self-contained HTML file; return its path.

    ``folder``: where the tables are (default: the kit's sample data; e.g. ``"mes_donnees"``).
    ``institution_id``: may be left out when the folder holds one institution. ``path``:
    default ``rapport_audit_<institution>.html`` in the current folder. ``end`` (audit date,
    default: the day after the last post) and ``start`` (default: a year before, or the first
    post if later) bound the period.
    """
    folder = Path(folder) if folder is not None else data_dir()
    tables = _tables(folder)
    if institution_id is None:
        ids = tables["institutions"]["institution_id"].astype(str).unique()
        if len(ids) != 1:
            raise DataError(
                f"Le dossier « {folder} » contient {len(ids)} institutions : indiquez laquelle "
                f'(par ex. audit_report("{ids[0]}", …)).'
            )
        institution_id = str(ids[0])
    context = report_context(tables, institution_id, end=end, start=start, source=str(folder))
    target = (
        Path(path) if path is not None else Path(f"rapport_audit_{fr.slug(institution_id)}.html")
    )
    page = render(context)
    partial = target.with_name(f".{target.name}.partiel")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(page, encoding="utf-8")
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DataError(f"Fichier « {target} » : écriture impossible ({exc.strerror}).") from None
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m socialkit.report",
        description="Rapport d'audit HTML (en français) d'une institution.",
    )
    parser.add_argument("institution", nargs="?", help="identifiant, par ex. I05")
    parser.add_argument("--dossier", help="dossier des tableaux (par défaut : données du kit)")
    parser.add_argument("--sortie", help="fichier HTML à écrire")
    parser.add_argument("--date", help="date de l'audit, AAAA-MM-JJ")
    args = parser.parse_args(argv)
    path = audit_report(args.institution, args.dossier, args.sortie, end=args.date)
    print(f"Rapport écrit : {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
