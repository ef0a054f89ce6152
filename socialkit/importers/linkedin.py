"""LinkedIn Page « Contenu » export: an Excel workbook (``.xls`` or ``.xlsx``), two sheets.

Page admin view > Analytics > Contenu > Exporter gives ``<page>_content_<timestamp>.xls``:
sheet « Metrics » holds one row per **day** (page totals, not read here), sheet « All posts »
one row per post, under a descriptive line (the header is found wherever it is in the first
rows). English headers (``Post title``, ``Post link``, ``Created date``…; older files say
``Update title``/``Update link`` and ``Shares``) and French ones are read.

Mapping: the number at the end of ``Post link`` (``urn:li:activity:…``) → ``publication_id``
(the link itself when it has none); ``Created date`` → ``publie_le`` (a day without hour:
placed at 12:00 Brussels time, with a warning; English files are month-first, French ones are
decided from the file or by ``dayfirst=``); ``Post title`` → ``texte``; ``Content Type`` →
``format``; ``Post type`` (« Sponsored ») → ``sponsorise``; ``Impressions``; ``Clicks`` →
``clics``; ``Likes`` (else ``Reactions``) → ``reactions``; ``Comments``; ``Reposts`` (else
``Shares``) → ``partages``. LinkedIn gives no reach per post: ``portee`` stays missing.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd

from socialkit import files
from socialkit.importers import _base

LABEL = "LinkedIn (export « Contenu » de la page)"
DOWNLOAD = "LinkedIn, vue administrateur de la page > Analytics > Contenu > Exporter"

SHORT = "LinkedIn > Analytics > Contenu > Exporter"
ALIASES = {
    "link": ["post link", "update link", "lien du post", "lien de la publication"],
    "texte": ["post title", "update title", "titre du post", "titre de la publication"],
    "publie_le": ["created date", "date de création", "date de publication"],
    "post_type": ["post type", "update type", "type de post", "type de publication"],
    "content_type": ["content type", "type de contenu"],
    "posted_by": ["posted by", "published by", "publié par"],
    "impressions": ["impressions"],
    "clics": ["clicks", "clics"],
    "reactions": ["likes", "reactions", "j'aime", "réactions"],
    "commentaires": ["comments", "commentaires"],
    "partages": ["reposts", "shares", "republications", "partages"],
}
REQUIRED = {
    "link": "Post link",
    "publie_le": "Created date",
    "impressions": "Impressions",
    "reactions": "Likes",
    "commentaires": "Comments",
    "partages": "Reposts",
}
SIGNATURE = set(ALIASES["link"]) | set(ALIASES["texte"]) | set(ALIASES["publie_le"])
NEED = 3


def _ids(found: _base.Found) -> pd.Series:
    links = found.col("link").str.strip()
    number = links.str.extract(r"(\d{12,})\D*$")[0]
    found.frame["_id"] = number.fillna(links)
    found.columns["publication_id"] = "_id"
    return _base.ids(found)


def convert(found, compte_id, sujet, abonnes, dayfirst) -> pd.DataFrame:
    if compte_id is None:
        stem = Path(str(found.path)).stem
        compte_id = re.sub(r"_content.*$", "", stem) or "linkedin"
    english = files.norm(found.columns["publie_le"]) == "created date"
    days = files.parse_times(
        found.col("publie_le"),
        found.path,
        found.columns["publie_le"],
        dayfirst=dayfirst,
        default=False if english else None,
        with_time=False,
        example="07/14/2026",
    )
    warnings.warn(
        f"« {Path(str(found.path)).name} » : LinkedIn ne donne que le jour de publication ; "
        f"{len(days)} publication(s) placée(s) à 12:00 (heure de Bruxelles). Ne les utilisez "
        "pas pour choisir les meilleures heures.",
        UserWarning,
        stacklevel=4,
    )
    kind = found.col("content_type")
    values = {
        "publication_id": _ids(found),
        "publie_le": files.localise(days + pd.Timedelta(hours=12)),
        "texte": _base.texts(found.col("texte")),
        "format": _base.formats(kind).mask(kind.str.lower().eq("text").fillna(False), "texte"),
        "sponsorise": found.col("post_type")
        .str.lower()
        .str.contains("sponsor")
        .fillna(False)
        .astype(bool),
    }
    for target in ("impressions", "clics", "reactions", "commentaires", "partages"):
        if found.has(target):
            values[target] = _base.counts(found, target)
    table = _base.frame(values, found.frame.index, compte_id, sujet, abonnes)
    table.attrs["plateforme"] = "linkedin"
    _base.warn_missing(
        found.path,
        table,
        {
            **_base.WHY_COMMON,
            "portee": "LinkedIn ne donne pas la portée par publication ; " + _base.WHY_NO_REACH,
            "format": "pas de colonne « Content Type » reconnue",
        },
    )
    return table
