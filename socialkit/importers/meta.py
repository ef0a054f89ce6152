"""Meta Business Suite « Publications » export: Facebook Page or Instagram, French or English.

Insights > Contenu > Exporter, one row per post (``Date`` = ``Lifetime`` / ``Durée de vie``),
as CSV (``,`` and ``12,400`` in English; ``;`` and ``1.500`` in French; UTF-8 or UTF-16) or
as an Excel workbook.

Mapping: ``Post ID`` → ``publication_id``; ``Publish time`` → ``publie_le`` (read as Brussels
wall-clock time; English files are month-first, ``11/10/2025 21:00`` = 10 November; for
French files the order is decided from the file or asked for with ``dayfirst=``);
``Description`` (else ``Title``, else « (sans texte) ») → ``texte``; ``Post type`` →
``format``; ``Funded content status`` → ``sponsorise`` (False when absent, empty or « not
… »/« non … »); ``Reach`` → ``portee``; ``Impressions`` (else ``Views``) → ``impressions``;
``Reactions`` (Facebook) or ``Likes`` (Instagram) → ``reactions``; ``Comments``, ``Shares``;
``Total clicks`` (else ``Link clicks``) → ``clics`` (missing on Instagram). The French header
names are those Business Suite shows in French; add any new variant to ``ALIASES``.
"""

from __future__ import annotations

import pandas as pd

from socialkit import files
from socialkit.importers import _base

LABEL = "Meta Business Suite (Facebook ou Instagram)"
DOWNLOAD = (
    "Meta Business Suite > Insights > Contenu > Exporter les données, une ligne par publication"
)

SHORT = "Meta Business Suite > Insights > Contenu > Exporter"
ALIASES = {
    "publication_id": [
        "post id",
        "identifiant de la publication",
        "id de la publication",
        "id de publication",
    ],
    "publie_le": ["publish time", "heure de publication", "date de publication"],
    "page": [
        "page name",
        "nom de la page",
        "account username",
        "nom d'utilisateur du compte",
        "account name",
        "nom du compte",
    ],
    "page_id": ["page id", "identifiant de la page", "id de la page"],
    "account_id": ["account id", "identifiant du compte", "id du compte"],
    "description": ["description"],
    "title": ["title", "titre"],
    "post_type": ["post type", "type de publication"],
    "funded": ["funded content status", "statut du contenu financé", "statut de contenu financé"],
    "portee": ["reach", "couverture", "portée"],
    "impressions": ["impressions"],
    "views": ["views", "vues"],
    "reactions": ["reactions", "réactions", "likes", "j'aime", "mentions j'aime"],
    "commentaires": ["comments", "commentaires"],
    "partages": ["shares", "partages"],
    "total_clicks": ["total clicks", "nombre total de clics", "clics totaux", "total des clics"],
    "link_clicks": ["link clicks", "clics sur un lien", "clics sur le lien", "clics sur les liens"],
}
REQUIRED = {
    "publication_id": "Post ID",
    "publie_le": "Publish time",
    "portee": "Reach",
    "reactions": "Reactions (Facebook) ou Likes (Instagram)",
    "commentaires": "Comments",
    "partages": "Shares",
}
SIGNATURE = set(ALIASES["publication_id"]) | set(ALIASES["publie_le"])
NEED = 2


def platform(found: _base.Found) -> str:
    kinds = found.col("post_type").str.lower().fillna("")
    if found.has("account_id") or kinds.str.startswith("ig ").any():
        return "instagram"
    return "facebook"


def convert(
    found: _base.Found,
    compte_id: str | None,
    sujet: str | None,
    abonnes: int | None,
    dayfirst: bool | None,
) -> pd.DataFrame:
    english = files.norm(found.columns["publie_le"]) == "publish time"
    where = platform(found)
    if compte_id is None:
        names = found.col("page").dropna()
        compte_id = names.iloc[0] if len(names) else where
    times = files.parse_times(
        found.col("publie_le"),
        found.path,
        found.columns["publie_le"],
        dayfirst=dayfirst,
        default=False if english else None,
        example="11/10/2025 21:00",
    )
    values = {
        "publication_id": _base.ids(found),
        "publie_le": files.localise(times),
        "texte": _base.texts(found.col("description"), found.col("title")),
    }
    if found.has("post_type"):
        fmt = _base.formats(found.col("post_type"))
        if where == "facebook":
            # Business Suite writes « Publications » for a plain status on some pages
            plain = found.col("post_type").str.lower().isin(["publications", "posts", "statuts"])
            fmt = fmt.mask(plain.fillna(False).astype(bool) & fmt.isna(), "texte")
        values["format"] = fmt
    if found.has("funded"):
        status = found.col("funded").str.strip().str.lower()
        organic = (
            status.isna()
            | status.isin(["", "-", "--"])
            | status.str.contains(
                r"\b(?:not|non|no|none|pas|aucun|organic|organique)\b", regex=True
            )
        )
        values["sponsorise"] = ~organic.fillna(True).astype(bool)
    for target, keys in {
        "portee": ["portee"],
        "impressions": ["impressions", "views"],
        "reactions": ["reactions"],
        "commentaires": ["commentaires"],
        "partages": ["partages"],
        "clics": ["total_clicks", "link_clicks"],
    }.items():
        for key in (k for k in keys if found.has(k)):  # first column, then the fallback's
            numbers = _base.counts(found, key)
            values[target] = values[target].fillna(numbers) if target in values else numbers
    table = _base.frame(values, found.frame.index, compte_id, sujet, abonnes)
    table.attrs["plateforme"] = where
    _base.warn_missing(
        found.path,
        table,
        {
            **_base.WHY_COMMON,
            "impressions": "ni « Impressions » ni « Views » dans l'export",
            "clics": "pas de colonne de clics (normal pour Instagram)",
            "format": "type de publication absent ou non reconnu (« Post type »)",
        },
    )
    return table
