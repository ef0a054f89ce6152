"""X « Contenu » export ``account_analytics_content_*.csv`` (one row per post).

Mapping: ``Post id`` → ``publication_id``; ``Post text`` → ``texte``; ``Impressions``;
``Likes`` → ``reactions``; ``Replies`` → ``commentaires``; ``Reposts`` → ``partages`` (X's
separate ``Shares``, sending a link, is not counted); ``URL Clicks`` → ``clics``.

``Date`` (``Tue, Jul 14, 2026``) has no hour. The exact instant is taken from the post id
(X ids encode their creation time) when it falls within a day of ``Date``; otherwise the
post is placed at **12:00 Brussels time** that day, with a warning: do not use those posts for
« best hour » analyses.

``format``: X does not export it. It is filled from the text where the text says it — a
``pic.x.com`` link is a photo, another link is ``lien`` — and left missing otherwise (a
text-only post and a video look the same in the export); ``save_as_dataset`` then says how to
complete it. ``portee`` stays missing (X measures impressions, not reach), so the engagement
rate per reach is ``nan``: use ``denominator="impressions"``.

The retired « Tweet activity » export (``tweet_activity_metrics_*.csv``, 2014–2023) is
recognised and refused with a message saying which export to download instead.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from socialkit import files
from socialkit.files import fail
from socialkit.importers import _base

LABEL = "X (export « Contenu »)"
DOWNLOAD = "X > Analytics > Contenu > Exporter les données (account_analytics_content_….csv)"

SHORT = "X > Analytics > Contenu > Exporter"
ALIASES = {
    "publication_id": ["post id"],
    "date": ["date"],
    "texte": ["post text"],
    "impressions": ["impressions"],
    "reactions": ["likes"],
    "commentaires": ["replies"],
    "partages": ["reposts"],
    "clics": ["url clicks"],
}
REQUIRED = {
    "publication_id": "Post id",
    "date": "Date",
    "impressions": "Impressions",
    "reactions": "Likes",
    "commentaires": "Replies",
    "partages": "Reposts",
}
SIGNATURE = {"post id", "post text", "post link"}
NEED = 2
RETIRED = {"tweet id", "tweet permalink", "tweet text"}

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_SNOWFLAKE_EPOCH_MS = 1288834974657


def retired(path) -> Exception:
    return fail(
        path,
        "c'est l'ancien export « Tweet activity » de X (tweet_activity_metrics_….csv), un "
        "format retiré en 2023 que le kit ne lit plus.",
        f"Téléchargez l'export actuel : {DOWNLOAD}.",
    )


def _days(found: _base.Found) -> pd.Series:
    """``Tue, Jul 14, 2026`` (or ``2026-07-14``) → naive midnight, independent of the locale."""
    col = found.col("date")
    text = col.str.strip()
    parts = text.str.extract(
        r"^(?:[A-Za-z]+\.?,?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$"
    )
    month = parts[0].str.lower().map(_MONTHS)
    days = pd.to_datetime(
        pd.DataFrame(
            {
                "year": pd.to_numeric(parts[2]).astype("float64"),
                "month": month.astype("float64"),
                "day": pd.to_numeric(parts[1]).astype("float64"),
            }
        ),
        errors="coerce",
    )
    iso = pd.to_datetime(text.where(days.isna()).str[:10], format="%Y-%m-%d", errors="coerce")
    days = days.fillna(iso)
    bad = days.isna()
    if bad.any():
        where = bad[bad].index[0]
        raise fail(
            found.path,
            f"date illisible dans la colonne « {found.columns['date']} » : « {col[where]} » "
            f"(ligne {where}) ; format attendu « Tue, Jul 14, 2026 ».",
            _base.REDOWNLOAD,
        )
    return days


def convert(found, compte_id, sujet, abonnes, dayfirst) -> pd.DataFrame:
    compte_id = compte_id or "x"
    ids = _base.ids(found)
    noon = files.localise(_days(found) + pd.Timedelta(hours=12))
    numeric = ids.str.fullmatch(r"[0-9]{15,19}").fillna(False).astype(bool)
    ms = np.zeros(len(ids), dtype=np.int64)
    ms[numeric.to_numpy()] = (
        ids[numeric].to_numpy(dtype=str).astype(np.uint64) >> np.uint64(22)
    ).astype(np.int64) + _SNOWFLAKE_EPOCH_MS
    exact = pd.Series(pd.to_datetime(ms, unit="ms", utc=True), index=ids.index)
    exact = exact.dt.tz_convert("Europe/Brussels")
    close = numeric & ((exact - noon).abs() <= pd.Timedelta(hours=36))
    published = exact.where(close, noon)
    if (~close).any():
        warnings.warn(
            f"« {Path(str(found.path)).name} » : l'export X ne donne que le jour de "
            f"publication ; {int((~close).sum())} publication(s) placée(s) à 12:00 (heure de "
            "Bruxelles) faute d'heure exacte. Ne les utilisez pas pour choisir les meilleures "
            "heures.",
            UserWarning,
            stacklevel=4,
        )
    text = _base.texts(found.col("texte"))
    values = {
        "publication_id": ids,
        "publie_le": published,
        "texte": text,
        "format": _base.formats_from_text(found.col("texte")),
    }
    for target in ("impressions", "reactions", "commentaires", "partages", "clics"):
        if found.has(target):
            values[target] = _base.counts(found, target)
    table = _base.frame(values, found.frame.index, compte_id, sujet, abonnes)
    table.attrs["plateforme"] = "x"
    _base.warn_missing(
        found.path,
        table,
        {
            **_base.WHY_COMMON,
            "portee": "X ne mesure pas la portée (seulement les impressions) ; "
            + _base.WHY_NO_REACH,
            "format": "l'export ne dit pas si une publication sans lien contenait une photo ou "
            'une vidéo ; complétez-la (par ex. publications["format"] = '
            'publications["format"].fillna("texte"))',
            "clics": "pas de colonne « URL Clicks »",
        },
    )
    return table
