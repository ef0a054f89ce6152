"""YouTube Studio content table: ``Table data.csv`` (alone or in the exported ``.zip``).

Studio > Statistiques > Mode avancé > Contenu > Exporter (CSV) gives a zip with
``Chart data.csv`` (one row per day), ``Totals.csv`` (one row per day) and ``Table data.csv``:
one row per video, under a ``Total`` row that is not a video (left out).

Mapping: ``Content`` (the video id) → ``publication_id``; ``Video title`` → ``texte``;
``Video publish time`` (``Mar 4, 2025`` or ``4 mars 2025``: a day without hour, placed at
12:00 Brussels time with a warning) → ``publie_le``; ``format`` is ``video``; ``Impressions``
(thumbnail impressions) → ``impressions``; ``Unique viewers`` → ``portee`` when the column
was added in Studio; ``Likes`` → ``reactions``, ``Comments added`` → ``commentaires``,
``Shares`` → ``partages`` when they were added (Mode avancé > colonnes), else missing and
``save_as_dataset`` says so. ``Views`` is not copied (it counts views, not people or posts).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from socialkit.files import fail
from socialkit.importers import _base

LABEL = "YouTube Studio (tableau « Table data.csv »)"
DOWNLOAD = (
    "YouTube Studio > Statistiques > Mode avancé > Contenu > Exporter (CSV), fichier "
    "« Table data.csv » de l'archive"
)

SHORT = "YouTube Studio > Statistiques > Mode avancé > Exporter"
ALIASES = {
    "publication_id": ["content", "contenu"],
    "texte": ["video title", "titre de la vidéo"],
    "publie_le": [
        "video publish time",
        "heure de publication de la vidéo",
        "date de publication de la vidéo",
    ],
    "views": ["views", "vues"],
    "impressions": ["impressions"],
    "portee": ["unique viewers", "spectateurs uniques"],
    "reactions": ["likes", "j'aime", "mentions j'aime"],
    "commentaires": ["comments added", "commentaires ajoutés"],
    "partages": ["shares", "partages"],
}
REQUIRED = {
    "publication_id": "Content",
    "texte": "Video title",
    "publie_le": "Video publish time",
}
SIGNATURE = set(ALIASES["publication_id"]) | set(ALIASES["texte"]) | set(ALIASES["publie_le"])
NEED = 2

_MONTHS = {
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    **{
        m: i
        for i, m in enumerate("janv févr mars avr mai juin juil août sept oct nov déc".split(), 1)
    },
    "fevr": 2,
    "aout": 8,
}


def _month(word: str | None) -> float:
    if word is None or pd.isna(word):
        return float("nan")
    word = word.lower().rstrip(".")
    for size in (len(word), 5, 4, 3):
        if word[:size] in _MONTHS:
            return _MONTHS[word[:size]]
    return float("nan")


def _days(found: _base.Found) -> pd.Series:
    col = found.col("publie_le").str.strip()
    english = col.str.extract(r"^([A-Za-zéû]+)\.?\s+(\d{1,2}),\s+(\d{4})$")
    french = col.str.extract(r"^(\d{1,2})\s+([A-Za-zéû]+)\.?\s+(\d{4})$")
    month = english[0].map(_month).astype("float64").fillna(french[1].map(_month))
    day = pd.to_numeric(english[1]).astype("float64").fillna(pd.to_numeric(french[0]))
    year = pd.to_numeric(english[2]).astype("float64").fillna(pd.to_numeric(french[2]))
    days = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce")
    iso = pd.to_datetime(col.where(days.isna()).str[:10], format="%Y-%m-%d", errors="coerce")
    days = days.fillna(iso)
    bad = col.notna() & days.isna()
    if bad.any():
        where = bad[bad].index[0]
        raise fail(
            found.path,
            f"date illisible dans la colonne « {found.columns['publie_le']} » : "
            f"« {col[where]} » (ligne {where}) ; format attendu « Mar 4, 2025 ».",
            _base.REDOWNLOAD,
        )
    return days


def convert(found, compte_id, sujet, abonnes, dayfirst) -> pd.DataFrame:
    total = found.col("publication_id").str.strip().str.lower().isin(["total", "totaux"])
    found.frame = found.frame[~total.fillna(False).astype(bool)]
    if found.frame.empty:
        raise fail(
            found.path,
            "le tableau YouTube ne contient que la ligne « Total », aucune vidéo.",
            "Choisissez une période qui contient des vidéos et exportez à nouveau.",
        )
    days = _days(found)
    warnings.warn(
        f"« {Path(str(found.path)).name} » : YouTube Studio ne donne que le jour de "
        f"publication ; {len(days)} vidéo(s) placée(s) à 12:00 (heure de Bruxelles).",
        UserWarning,
        stacklevel=4,
    )
    values = {
        "publication_id": _base.ids(found),
        "publie_le": _base.files.localise(days + pd.Timedelta(hours=12)),
        "texte": _base.texts(found.col("texte")),
        "format": pd.Series("video", index=found.frame.index),
    }
    for target in ("impressions", "portee", "reactions", "commentaires", "partages"):
        if found.has(target):
            values[target] = _base.counts(found, target)
    table = _base.frame(values, found.frame.index, compte_id or "youtube", sujet, abonnes)
    table.attrs["plateforme"] = "youtube"
    add = "ajoutez la colonne dans YouTube Studio (Mode avancé > colonnes) et exportez à nouveau"
    _base.warn_missing(
        found.path,
        table,
        {
            **_base.WHY_COMMON,
            "portee": "colonne « Spectateurs uniques » absente ; " + _base.WHY_NO_REACH,
            "reactions": f"colonne « J'aime » absente : {add}",
            "commentaires": f"colonne « Commentaires ajoutés » absente : {add}",
            "partages": f"colonne « Partages » absente : {add}",
            "clics": "YouTube ne compte pas les clics sur les liens",
        },
    )
    return table
