"""Importing real export files into the kit's ``publications`` table.

Three importers turn the files a trainee downloads from a platform into a DataFrame with the
columns of ``publications`` (:mod:`socialkit.schema`, same order and types as
``load("publications")``); :func:`save_as_dataset` writes it as ``publications.csv`` so that
``load("publications", folder=...)`` and every course analysis read it back.

- :func:`from_meta`: Meta Business Suite « Publications » CSV, Facebook Page or Instagram
  (English headers with ``,``; French headers with ``;`` and ``1.500`` thousands);
- :func:`from_x`: X « Content » export ``account_analytics_content_*.csv``;
- :func:`from_mastodon`: ``outbox.json`` of a Mastodon archive, or the archive ``.tar.gz``.

What an export does not carry stays **missing** (``<NA>``), never invented:

- ``sujet``: no export knows it; ``sujet="..."`` gives one subject to the whole file;
- ``abonnes_au_moment``: no post export has it; ``abonnes=N`` gives today's follower count to
  every post (an approximation, said in the docstrings);
- ``portee`` on X and Mastodon, ``impressions`` on Mastodon, ``clics`` on Instagram and
  Mastodon, ``commentaires`` on Mastodon: the platform does not measure or export them;
- ``format`` on X (the export does not say whether a post had a photo or a video).

Each importer warns (``UserWarning``, in French) about what it could not recover.
:func:`save_as_dataset` refuses, with a French :class:`~socialkit.data.DataError` saying how
to fill them, the columns that ``load`` requires but are still missing: it follows the
``nullable`` flags of :data:`socialkit.schema.TABLES`.

Hypotheses (documented for the trainee in the docstrings):

- Meta ``Publish time`` is the wall-clock time of the account's Business Suite settings, read
  as Europe/Brussels; English exports are month-first (``11/10/2025 21:00`` = 10 November),
  French ones day-first; a day above 12 settles the order.
- X ``Date`` has no hour: the exact time is recovered from the post id (X « snowflake » ids
  encode their creation instant) when it agrees with ``Date``, otherwise the post is put at
  12:00 Brussels time, with a warning.
- Mastodon: only the account's own public, unlisted or followers-only ``Note`` posts (and
  replies to itself, i.e. threads); boosts, polls, direct messages and replies to others are
  left out. ``likes``/``shares`` counts exist from Mastodon 4.3 on.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import tarfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from socialkit.data import DataError
from socialkit.schema import CATEGORIES, TABLES, TIMEZONE

__all__ = ["from_meta", "from_x", "from_mastodon", "save_as_dataset"]

COLUMNS = [name for name, _, _ in TABLES["publications"]]
INT_COLUMNS = [name for name, kind, _ in TABLES["publications"] if kind == "int"]
NO_TEXT = "(sans texte)"  # the kit's loader refuses an empty ``texte``

_KIT_DATASETS = Path(__file__).resolve().parent.parent / "datasets"

# Header aliases, compared after _norm (lower case, straight apostrophes, single spaces).
# English names: domain.md §3.1–3.2. French names: Business Suite in French (to be checked
# against a real French export; add any variant here).
_META = {
    "publication_id": [
        "post id",
        "identifiant de la publication",
        "id de la publication",
        "id de publication",
    ],
    "publie_le": ["publish time", "heure de publication", "date de publication"],
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
_META_REQUIRED = {  # key -> name shown to the trainee
    "publication_id": "Post ID",
    "publie_le": "Publish time",
    "portee": "Reach",
    "reactions": "Reactions (Facebook) ou Likes (Instagram)",
    "commentaires": "Comments",
    "partages": "Shares",
}
_X = {
    "publication_id": ["post id", "tweet id"],
    "date": ["date"],
    "texte": ["post text", "tweet text"],
    "impressions": ["impressions"],
    "reactions": ["likes"],
    "commentaires": ["replies"],
    "partages": ["reposts"],
    "clics": ["url clicks"],
}
_X_REQUIRED = {
    "publication_id": "Post id",
    "date": "Date",
    "impressions": "Impressions",
    "reactions": "Likes",
    "commentaires": "Replies",
    "partages": "Reposts",
}

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_SNOWFLAKE_EPOCH_MS = 1288834974657
_PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


# ---------------------------------------------------------------------------- helpers


def _fail(path, problem: str, advice: str = "") -> DataError:
    return DataError(f"Fichier « {path} » : {problem} {advice}".strip())


def _norm(name: str) -> str:
    name = name.replace("\ufeff", "").replace("’", "'").strip().lower()
    return re.sub(r"\s+", " ", name)


def _check_account(compte_id) -> str:
    if not isinstance(compte_id, str) or not compte_id.strip():
        raise DataError(
            f"compte_id doit être un texte non vide (l'identifiant que vous donnez à ce compte, "
            f'par ex. "C001" ou "Page Facebook"), reçu {compte_id!r}.'
        )
    return compte_id.strip()


def _check_subject(sujet) -> str | None:
    if sujet is not None and sujet not in CATEGORIES["sujet"]:
        raise DataError(
            f"Sujet inconnu : « {sujet} ». Choix possibles : "
            f"{', '.join(CATEGORIES['sujet'])} (ou ne rien indiquer)."
        )
    return sujet


def _check_followers(abonnes) -> int | None:
    if abonnes is None:
        return None
    if isinstance(abonnes, bool) or not isinstance(abonnes, (int, np.integer)) or abonnes < 0:
        raise DataError(
            f"abonnes doit être un nombre entier positif (vos abonnés actuels), reçu {abonnes!r}."
        )
    return int(abonnes)


def _read_text(path) -> tuple[Path, str]:
    """The text of a CSV export, or a French DataError for every kind of wrong file."""
    path = Path(path)
    if not path.exists():
        raise _fail(
            path,
            "ce fichier est introuvable.",
            "Vérifiez le nom et le dossier (copiez le chemin depuis l'explorateur).",
        )
    if path.is_dir():
        raise _fail(path, "c'est un dossier, pas un fichier d'export.")
    raw = path.read_bytes()
    if not raw.strip():
        raise _fail(path, "le fichier est vide.", "Téléchargez à nouveau l'export.")
    if raw[:4] == b"PK\x03\x04" or raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _fail(
            path,
            "c'est un classeur Excel, pas un fichier CSV.",
            "Téléchargez l'export au format CSV (ou, dans Excel : Fichier > "
            "Enregistrer sous > CSV UTF-8).",
        )
    if raw[:5] == b"%PDF-":
        raise _fail(
            path,
            "c'est un PDF, pas un fichier CSV.",
            "Choisissez l'export au format CSV sur la plateforme.",
        )
    if raw.lstrip()[:1] in (b"{", b"["):
        raise _fail(
            path,
            "c'est un fichier JSON, pas un fichier CSV.",
            "Pour une archive Mastodon, utilisez from_mastodon.",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return path, raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _fail(
        path,
        "encodage du texte non reconnu.",  # pragma: no cover - cp1252 is lenient
        "Réenregistrez-le en « CSV UTF-8 ».",
    )


def _read_csv(path, aliases: dict[str, list[str]]) -> tuple[Path, pd.DataFrame, dict, str]:
    """Read an export: (path, raw table as text, key -> original header, separator)."""
    path, text = _read_text(path)
    first = text.lstrip("\ufeff").splitlines()[0]
    sep = max([",", ";", "\t"], key=lambda s: len(next(csv.reader([first], delimiter=s))))
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skipinitialspace=True,
        )
    except (pd.errors.ParserError, ValueError) as exc:
        line = str(exc).splitlines()[0]
        raise _fail(
            path,
            f"une ligne n'a pas le bon nombre de champs ({line}).",
            "Téléchargez à nouveau l'export sans l'ouvrir dans un tableur.",
        ) from None
    by_norm = {_norm(c): c for c in frame.columns}
    found = {}
    for key, names in aliases.items():
        for name in names:
            if name in by_norm:
                found[key] = by_norm[name]
                break
    if frame.empty:
        raise _fail(
            path,
            "le fichier ne contient que l'en-tête, aucune publication.",
            "Choisissez une période qui contient des publications et exportez à nouveau.",
        )
    return path, frame, found, sep


def _require(
    path: Path, found: dict, required: dict[str, str], frame: pd.DataFrame, expected: str
) -> None:
    missing = [shown for key, shown in required.items() if key not in found]
    if not missing:
        return
    headers = {_norm(c) for c in frame.columns}
    if {"post id", "date", "post text"} <= headers:
        hint = "C'est un export X : utilisez from_x."
    elif {"publication_id", "compte_id", "publie_le"} <= headers:
        hint = 'C\'est déjà un fichier au format du kit : chargez-le avec load("publications", …).'
    elif {"post id", "publish time"} <= headers:
        hint = "C'est un export Meta Business Suite : utilisez from_meta."
    else:
        hint = f"Vérifiez qu'il s'agit bien de {expected}, sans colonnes renommées."
    shown = ", ".join(f"« {m} »" for m in missing)
    raise _fail(path, f"colonne(s) attendue(s) introuvable(s) : {shown}.", hint)


def _line(index) -> int:
    return int(index) + 2  # +1 for the header, +1 one-based


def _ids(path: Path, col: pd.Series, header: str) -> pd.Series:
    ids = col.str.strip()
    if ids.isna().any():
        row = _line(ids.index[ids.isna()][0])
        raise _fail(
            path,
            f"identifiant vide dans la colonne « {header} » (ligne {row}).",
            "Téléchargez à nouveau l'export.",
        )
    mangled = ids.str.fullmatch(r"[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+")
    if mangled.any():
        bad = ids[mangled]
        raise _fail(
            path,
            f"identifiants abîmés par Excel dans « {header} » : « {bad.iloc[0]} » "
            f"(ligne {_line(bad.index[0])}) au lieu du nombre complet.",
            "Téléchargez à nouveau l'export et importez-le sans l'ouvrir ni l'enregistrer "
            "dans Excel.",
        )
    dup = ids.duplicated()
    if dup.any():
        raise _fail(
            path,
            f"la publication « {ids[dup].iloc[0]} » apparaît sur plusieurs lignes "
            f"(ligne {_line(ids.index[dup][0])}).",
            "Exportez une ligne par publication (valeurs « Lifetime » / « Durée de vie »), "
            "pas une ligne par jour.",
        )
    return ids.astype("string")


def _counts(path: Path, col: pd.Series, header: str) -> pd.Series:
    """Integer counts with thousands separators (``1.500``, ``12,400``, ``1 500``) → Int64."""
    text = col.str.strip().str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    text = text.mask(text.isin(["-", "--", "—", ""]))
    ok = text.str.fullmatch(r"[0-9]+|[0-9]{1,3}(?:[.,'][0-9]{3})+")
    bad = text.notna() & ~ok.fillna(False).astype(bool)
    if bad.any():
        raise _fail(
            path,
            f"nombre illisible dans la colonne « {header} » : « {col[bad].iloc[0]} » "
            f"(ligne {_line(col.index[bad][0])}).",
            "Téléchargez à nouveau l'export sans le modifier dans un tableur.",
        )
    return pd.to_numeric(text.str.replace(r"[.,']", "", regex=True)).astype("Int64")


def _localise(naive: pd.Series) -> pd.Series:
    """Naive Brussels wall-clock times → tz-aware (autumn's doubled hour read as summer time)."""
    return naive.dt.tz_localize(
        TIMEZONE, ambiguous=np.ones(len(naive), dtype=bool), nonexistent="shift_forward"
    )


def _meta_times(path: Path, col: pd.Series, header: str, month_first: bool) -> pd.Series:
    text = col.str.strip()
    parts = text.str.extract(
        r"^(\d{1,2})/(\d{1,2})/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?$"
    )
    a, b = pd.to_numeric(parts[0]), pd.to_numeric(parts[1])
    if (a > 12).any() and (b > 12).any():
        raise _fail(
            path,
            f"dates mélangées (jour/mois et mois/jour) dans « {header} ».",
            "Téléchargez à nouveau l'export sans l'ouvrir dans un tableur.",
        )
    if (a > 12).any():
        month_first = False
    elif (b > 12).any():
        month_first = True
    hour = pd.to_numeric(parts[3])
    pm = parts[5].str.lower()
    hour = hour.where(pm.isna(), hour % 12 + (pm == "pm") * 12)
    stamps = pd.to_datetime(
        pd.DataFrame(
            {
                "year": pd.to_numeric(parts[2]),
                "month": b if not month_first else a,
                "day": a if not month_first else b,
                "hour": hour,
                "minute": pd.to_numeric(parts[4]),
            }
        ),
        errors="coerce",
    )
    iso = pd.to_datetime(text.where(stamps.isna()), format="ISO8601", errors="coerce", utc=True)
    iso = iso.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    stamps = stamps.fillna(iso)
    bad = stamps.isna()
    if bad.any():
        raise _fail(
            path,
            f"date illisible dans la colonne « {header} » : « {col[bad].iloc[0]} » "
            f"(ligne {_line(col.index[bad][0])}) ; format attendu « 11/10/2025 21:00 ».",
            "Téléchargez à nouveau l'export sans l'ouvrir dans un tableur.",
        )
    return _localise(stamps)


def _formats(values: pd.Series) -> pd.Series:
    """Platform post types (``Photos``, ``IG reel``, ``Links``…) → the kit's formats."""
    low = values.str.lower()
    rules = [  # first match wins
        ("carrousel", r"carousel|carrousel|album"),
        ("video", r"reel|vid[eé]o|live|direct"),
        ("photo", r"photo|image"),
        ("lien", r"link|lien"),
        ("texte", r"text|status|statut"),
    ]
    out = pd.Series(pd.NA, index=values.index, dtype="object")
    for fmt, pattern in reversed(rules):
        out = out.mask(low.str.contains(pattern, regex=True).fillna(False).astype(bool), fmt)
    return out


def _texts(*columns: pd.Series) -> pd.Series:
    text = columns[0].str.strip().replace("", pd.NA)
    for other in columns[1:]:
        text = text.fillna(other.str.strip().replace("", pd.NA))
    return text.fillna(NO_TEXT).astype("string")


def _frame(values: dict, index: pd.Index, sujet: str | None, abonnes: int | None) -> pd.DataFrame:
    """The ``publications`` columns in schema order with the types of ``load``."""
    na_int = pd.Series(pd.NA, index=index, dtype="Int64")
    out = {}
    for name in COLUMNS:
        value = values.get(name)
        if name == "sujet":
            value = pd.Series(sujet, index=index, dtype="object")
        elif name == "abonnes_au_moment":
            value = na_int if abonnes is None else pd.Series(abonnes, index=index, dtype="Int64")
        elif name == "relaie_hors_ligne":
            value = pd.Series(False, index=index)
        elif name == "sponsorise" and value is None:
            value = pd.Series(False, index=index)
        elif value is None:
            value = na_int
        if name in ("sujet", "format"):
            value = pd.Categorical(value, categories=CATEGORIES[name])
        elif name in ("publication_id", "compte_id", "texte"):
            value = pd.Series(value, index=index).astype("string")
        elif name in INT_COLUMNS:
            value = pd.Series(value, index=index).astype("Int64")
        out[name] = value
    frame = pd.DataFrame(out, index=index)
    return frame.sort_values("publie_le", kind="stable").reset_index(drop=True)


def _warn_missing(path: Path, frame: pd.DataFrame, why: dict[str, str]) -> None:
    empty = [c for c in COLUMNS if frame[c].isna().all() and c in why]
    if empty:
        details = " ; ".join(f"{c} : {why[c]}" for c in empty)
        warnings.warn(
            f"« {Path(path).name} » : colonnes laissées vides — {details}.",
            UserWarning,
            stacklevel=3,
        )


_WHY_COMMON = {
    "sujet": 'aucun export ne le contient (indiquez sujet="…" ou complétez la colonne)',
    "abonnes_au_moment": "aucun export de publications ne le contient (indiquez abonnes=…)",
}


# ---------------------------------------------------------------------------- importers


def from_meta(
    path, compte_id: str, *, sujet: str | None = None, abonnes: int | None = None
) -> pd.DataFrame:
    """Read a Meta Business Suite « Publications » export (Facebook Page or Instagram, CSV).

    ``path`` is the CSV downloaded from Business Suite (Insights > Contenu > Exporter), one row
    per post (``Date`` = ``Lifetime``); ``compte_id`` is the id you give to this account in
    your ``comptes`` table. English headers (``,``-separated, ``12,400``) and French ones
    (``;``-separated, ``1.500``) are both read.

    Mapping: ``Post ID`` → ``publication_id``; ``Publish time`` → ``publie_le`` (read as
    Brussels wall-clock time; month-first in English files, day-first in French ones, unless a
    value above 12 settles it); ``Description`` (else ``Title``, else « (sans texte) ») →
    ``texte``; ``Post type`` → ``format``; ``Funded content status`` → ``sponsorise`` (False
    when absent or empty, or « not … »/« non … »); ``Reach`` → ``portee``; ``Impressions``
    (else ``Views``) → ``impressions``; ``Reactions`` (Facebook) or ``Likes`` (Instagram) →
    ``reactions``; ``Comments``, ``Shares``; ``Total clicks`` (else ``Link clicks``) →
    ``clics`` (missing on Instagram). ``relaie_hors_ligne`` is False.

    ``sujet`` (one of the kit's subjects) is given to every post; ``abonnes`` (today's follower
    count) is copied to ``abonnes_au_moment`` of every post — an approximation for older posts.
    Without them the two columns stay missing, with a warning.
    """
    compte_id = _check_account(compte_id)
    sujet, abonnes = _check_subject(sujet), _check_followers(abonnes)
    path, raw, found, sep = _read_csv(path, _META)
    _require(
        path,
        found,
        _META_REQUIRED,
        raw,
        "l'export « Publications » de Meta Business Suite (Facebook ou Instagram)",
    )
    english = _norm(found["publie_le"]) == "publish time"
    col = {key: raw[header] for key, header in found.items()}
    values = {
        "publication_id": _ids(path, col["publication_id"], found["publication_id"]),
        "compte_id": compte_id,
        "publie_le": _meta_times(path, col["publie_le"], found["publie_le"], english),
        "texte": _texts(
            *(
                col.get(k, pd.Series(pd.NA, index=raw.index, dtype="object"))
                for k in ("description", "title")
            )
        ),
    }
    if "post_type" in col:
        fmt = _formats(col["post_type"])
        unknown = col["post_type"][fmt.isna() & col["post_type"].notna()].unique()
        if len(unknown):
            warnings.warn(
                f"« {path.name} » : type(s) de publication non reconnu(s) "
                f"{', '.join(map(repr, unknown))} : format laissé vide pour ces lignes.",
                UserWarning,
                stacklevel=2,
            )
        values["format"] = fmt
    if "funded" in col:
        status = col["funded"].str.strip().str.lower()
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
        for key in (k for k in keys if k in found):  # first column, then the fallback's
            counts = _counts(path, col[key], found[key])
            values[target] = values[target].fillna(counts) if target in values else counts
    frame = _frame(values, raw.index, sujet, abonnes)
    _warn_missing(
        path,
        frame,
        {
            **_WHY_COMMON,
            "impressions": "ni « Impressions » ni « Views » dans l'export",
            "clics": "pas de colonne de clics (normal pour Instagram)",
            "format": "pas de colonne « Post type »",
        },
    )
    return frame


def from_x(
    path, compte_id: str, *, sujet: str | None = None, abonnes: int | None = None
) -> pd.DataFrame:
    """Read the X « Content » export ``account_analytics_content_*.csv`` (one row per post).

    Mapping: ``Post id`` → ``publication_id``; ``Post text`` → ``texte``; ``Impressions``;
    ``Likes`` → ``reactions``; ``Replies`` → ``commentaires``; ``Reposts`` → ``partages``
    (X's separate ``Shares``, sending a link, is not counted); ``URL Clicks`` → ``clics``.

    ``Date`` (``Tue, Jul 14, 2026``) has no hour. The exact instant is taken from the post id
    (X ids encode their creation time) when it falls within a day of ``Date``; otherwise the
    post is placed at **12:00 Brussels time** that day and a warning says how many posts are
    concerned: do not use them for « best hour » analyses.

    Not in the export, left missing with a warning: ``portee`` (X measures impressions, not
    reach), ``format`` (photo or video is not said), and ``sujet``/``abonnes_au_moment``
    unless given (see :func:`from_meta`). ``sponsorise`` and ``relaie_hors_ligne`` are False.
    """
    compte_id = _check_account(compte_id)
    sujet, abonnes = _check_subject(sujet), _check_followers(abonnes)
    path, raw, found, _ = _read_csv(path, _X)
    _require(
        path, found, _X_REQUIRED, raw, "l'export « Contenu » de X (account_analytics_content_….csv)"
    )
    col = {key: raw[header] for key, header in found.items()}
    ids = _ids(path, col["publication_id"], found["publication_id"])
    day = _x_days(path, col["date"], found["date"])
    noon = _localise(day + pd.Timedelta(hours=12))
    numeric = ids.str.fullmatch(r"[0-9]{15,19}").fillna(False).astype(bool)
    ms = np.zeros(len(ids), dtype=np.int64)
    ms[numeric.to_numpy()] = (
        ids[numeric].to_numpy(dtype=str).astype(np.uint64) >> np.uint64(22)
    ).astype(np.int64) + _SNOWFLAKE_EPOCH_MS
    exact = pd.Series(pd.to_datetime(ms, unit="ms", utc=True), index=ids.index)
    exact = exact.dt.tz_convert(TIMEZONE)
    close = numeric & ((exact - noon).abs() <= pd.Timedelta(hours=36))
    published = exact.where(close, noon)
    if (~close).any():
        warnings.warn(
            f"« {path.name} » : l'export X ne donne que le jour de publication ; "
            f"{int((~close).sum())} publication(s) placée(s) à 12:00 (heure de Bruxelles) "
            "faute d'heure exacte. Ne les utilisez pas pour choisir les meilleures heures.",
            UserWarning,
            stacklevel=2,
        )
    values = {
        "publication_id": ids,
        "compte_id": compte_id,
        "publie_le": published,
        "texte": _texts(col.get("texte", pd.Series(pd.NA, index=raw.index, dtype="object"))),
    }
    for target in ("impressions", "reactions", "commentaires", "partages", "clics"):
        if target in found:
            values[target] = _counts(path, col[target], found[target])
    frame = _frame(values, raw.index, sujet, abonnes)
    _warn_missing(
        path,
        frame,
        {
            **_WHY_COMMON,
            "portee": "X ne mesure pas la portée (seulement les impressions)",
            "format": "l'export ne dit pas si la publication contenait une photo ou une vidéo",
            "clics": "pas de colonne « URL Clicks »",
        },
    )
    return frame


def _x_days(path: Path, col: pd.Series, header: str) -> pd.Series:
    """``Tue, Jul 14, 2026`` (or ``2026-07-14``) → naive midnight, independent of the locale."""
    text = col.str.strip()
    parts = text.str.extract(
        r"^(?:[A-Za-z]+\.?,?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$"
    )
    month = parts[0].str.lower().map(_MONTHS)
    days = pd.to_datetime(
        pd.DataFrame(
            {"year": pd.to_numeric(parts[2]), "month": month, "day": pd.to_numeric(parts[1])}
        ),
        errors="coerce",
    )
    iso = pd.to_datetime(text.where(days.isna()).str[:10], format="%Y-%m-%d", errors="coerce")
    days = days.fillna(iso)
    bad = days.isna()
    if bad.any():
        raise _fail(
            path,
            f"date illisible dans la colonne « {header} » : « {col[bad].iloc[0]} » "
            f"(ligne {_line(col.index[bad][0])}) ; format attendu « Tue, Jul 14, 2026 ».",
            "Téléchargez à nouveau l'export sans l'ouvrir dans un tableur.",
        )
    return days


def _strip_html(content: str) -> str:
    text = re.sub(r"(?i)<br\s*/?>", "\n", content or "")
    text = re.sub(r"(?i)</p>\s*<p[^>]*>", "\n\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def _mastodon_format(note: dict, text: str) -> str:
    media = [a.get("mediaType", "") for a in note.get("attachment") or [] if isinstance(a, dict)]
    if any(m.startswith(("video/", "audio/")) for m in media) or any(
        m == "image/gif" for m in media
    ):
        return "video"
    if len(media) > 1:
        return "carrousel"
    if media:
        return "photo"
    content = note.get("content") or ""
    links = re.findall(r"<a\s[^>]*>", content)
    if any("mention" not in a and "hashtag" not in a for a in links):
        return "lien"
    return "texte"


def _outbox(path) -> tuple[Path, dict]:
    path = Path(path)
    if not path.exists():
        raise _fail(
            path,
            "ce fichier est introuvable.",
            "Vérifiez le nom et le dossier (copiez le chemin depuis l'explorateur).",
        )
    if path.is_dir():
        inside = path / "outbox.json"
        if not inside.exists():
            raise _fail(
                path,
                "ce dossier ne contient pas de outbox.json.",
                "Indiquez l'archive .tar.gz ou le fichier outbox.json.",
            )
        path = inside
    try:
        if tarfile.is_tarfile(path):
            with tarfile.open(path) as archive:
                member = next(
                    (
                        m
                        for m in archive.getmembers()
                        if m.isfile() and Path(m.name).name == "outbox.json"
                    ),
                    None,
                )
                if member is None:
                    raise _fail(
                        path,
                        "cette archive ne contient pas de outbox.json.",
                        "Demandez l'archive dans Préférences > Import et export > "
                        "Demander votre archive.",
                    )
                raw = archive.extractfile(member).read()
        else:
            raw = path.read_bytes()
    except (tarfile.TarError, OSError, EOFError):
        raise _fail(
            path, "archive illisible ou incomplète.", "Téléchargez à nouveau l'archive Mastodon."
        ) from None
    if not raw.strip():
        raise _fail(path, "le fichier est vide.", "Téléchargez à nouveau l'archive.")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise _fail(
            path,
            "ce n'est ni un fichier outbox.json ni une archive Mastodon .tar.gz.",
            "Indiquez l'archive téléchargée depuis Mastodon ou le outbox.json qu'elle contient.",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("orderedItems"), list):
        raise _fail(
            path,
            "fichier JSON sans liste « orderedItems » : ce n'est pas un outbox.json de Mastodon.",
            "Utilisez outbox.json (pas likes.json, bookmarks.json ni actor.json).",
        )
    return path, data


def from_mastodon(
    path_or_tar, compte_id: str, *, sujet: str | None = None, abonnes: int | None = None
) -> pd.DataFrame:
    """Read the posts of a Mastodon account archive (``.tar.gz``, its folder or ``outbox.json``).

    Kept: the account's own ``Create``/``Note`` items that are public, unlisted or for
    followers, including replies to itself (threads). Left out: boosts (``Announce``), polls
    (``Question``), direct messages and replies to other accounts.

    Mapping: status id (end of the ``id`` URL) → ``publication_id``; ``published`` →
    ``publie_le``; ``content`` with HTML tags removed → ``texte``; attachments → ``format``
    (image → photo, several images → carrousel, video/audio/gif → video, else a link →
    lien, else texte); ``likes.totalItems`` → ``reactions``; ``shares.totalItems`` →
    ``partages`` (Mastodon ≥ 4.3; missing with a warning for older archives).

    Mastodon has **no reach nor impressions**: ``portee`` and ``impressions`` stay missing,
    like ``commentaires`` (replies received are not in the archive) and ``clics``.
    """
    compte_id = _check_account(compte_id)
    sujet, abonnes = _check_subject(sujet), _check_followers(abonnes)
    path, data = _outbox(path_or_tar)
    rows = []
    for item in data["orderedItems"]:
        if not isinstance(item, dict) or item.get("type") != "Create":
            continue
        note = item.get("object")
        if not isinstance(note, dict) or note.get("type") != "Note":
            continue
        audience = list(note.get("to") or []) + list(note.get("cc") or [])
        if not any(a == _PUBLIC or str(a).endswith("/followers") for a in audience):
            continue  # direct message
        actor = str(item.get("actor") or note.get("attributedTo") or "")
        reply_to = note.get("inReplyTo")
        if reply_to and not (actor and str(reply_to).startswith(actor + "/")):
            continue  # reply to someone else
        text = _strip_html(note.get("content") or "")
        counts = {
            k: (note.get(k) or {}).get("totalItems") if isinstance(note.get(k), dict) else None
            for k in ("likes", "shares")
        }
        rows.append(
            {
                "publication_id": str(note.get("id") or item.get("id") or "")
                .rstrip("/")
                .rsplit("/", 1)[-1],
                "publie_le": note.get("published") or item.get("published"),
                "texte": text or NO_TEXT,
                "format": _mastodon_format(note, text),
                "reactions": counts["likes"],
                "partages": counts["shares"],
            }
        )
    if not rows:
        raise _fail(
            path,
            "aucune publication publique trouvée dans outbox.json.",
            "Vérifiez qu'il s'agit de l'archive du bon compte.",
        )
    table = pd.DataFrame(rows)
    stamps = pd.to_datetime(table["publie_le"], format="ISO8601", utc=True, errors="coerce")
    if stamps.isna().any():
        bad = table["publie_le"][stamps.isna()].iloc[0]
        raise _fail(
            path,
            f"date de publication illisible : « {bad} ».",
            "Téléchargez à nouveau l'archive Mastodon.",
        )
    values = {
        "publication_id": table["publication_id"],
        "compte_id": compte_id,
        "publie_le": stamps.dt.tz_convert(TIMEZONE),
        "texte": table["texte"],
        "format": table["format"],
        "reactions": pd.to_numeric(table["reactions"]).astype("Int64"),
        "partages": pd.to_numeric(table["partages"]).astype("Int64"),
    }
    frame = _frame(values, table.index, sujet, abonnes)
    _warn_missing(
        path,
        frame,
        {
            **_WHY_COMMON,
            "portee": "Mastodon ne mesure pas la portée",
            "impressions": "Mastodon ne mesure pas les impressions",
            "commentaires": "l'archive ne contient pas les réponses reçues",
            "clics": "Mastodon ne compte pas les clics",
            "reactions": "archive antérieure à Mastodon 4.3, sans compteur de favoris",
            "partages": "archive antérieure à Mastodon 4.3, sans compteur de partages",
        },
    )
    return frame


# ---------------------------------------------------------------------------- saving

_FILL_ADVICE = {
    "sujet": 'aucun export ne le contient ; indiquez sujet="…" à l\'import ou complétez la '
    "colonne (valeurs possibles : " + ", ".join(CATEGORIES["sujet"]) + ")",
    "format": "type de publication inconnu ; complétez la colonne (texte, photo, lien, video, "
    "carrousel)",
}


def save_as_dataset(frame: pd.DataFrame, folder) -> Path:
    """Write ``frame`` as ``<folder>/publications.csv`` in the kit's format; return the path.

    The folder is created if needed; an existing ``publications.csv`` there is replaced (the
    kit's own ``datasets/`` folder is refused). Several imports can be combined first with
    ``pd.concat([...], ignore_index=True)``. Read it back with
    ``load("publications", folder=folder)``.

    Columns that the kit's loader requires (non-nullable in :mod:`socialkit.schema`) but that
    are still missing raise a French :class:`DataError` saying how to fill them.
    """
    folder = Path(folder)
    target = folder / "publications.csv"
    if not isinstance(frame, pd.DataFrame):
        raise DataError(
            f"Un tableau (DataFrame) est attendu, reçu {type(frame).__name__} : "
            "passez le résultat de from_meta, from_x ou from_mastodon."
        )
    absent = [c for c in COLUMNS if c not in frame.columns]
    if absent:
        raise DataError(
            f"Colonne(s) absente(s) du tableau : {', '.join(absent)} : passez le "
            "résultat de from_meta, from_x ou from_mastodon."
        )
    if frame.empty:
        raise DataError("Le tableau est vide (0 publication) : rien à enregistrer.")
    if folder.resolve() == _KIT_DATASETS:
        raise _fail(
            target,
            "c'est le jeu de données d'exemple du kit.",
            "Choisissez un autre dossier, par exemple « mes_donnees ».",
        )
    problems = []
    for name, kind, nullable in TABLES["publications"]:
        col = frame[name]
        if kind == "category":
            bad = col.notna() & ~col.astype("object").isin(CATEGORIES[name])
            if bad.any():
                problems.append(
                    f"« {name} » : valeur inconnue « {col[bad].iloc[0]} » "
                    f"(possibles : {', '.join(CATEGORIES[name])})"
                )
        if not nullable and col.isna().any():
            advice = _FILL_ADVICE.get(name, "complétez la colonne")
            problems.append(
                f"« {name} » manque pour {int(col.isna().sum())} publication(s) : {advice}"
            )
    if problems:
        raise _fail(
            target,
            "impossible d'enregistrer au format du kit.",
            "Problème(s) : " + " ; ".join(problems) + ".",
        )
    out = frame[COLUMNS].copy()
    stamps = pd.to_datetime(out["publie_le"], utc=True).dt.tz_convert(TIMEZONE)
    text = stamps.dt.strftime("%Y-%m-%dT%H:%M:%S%z")
    out["publie_le"] = text.str[:-2] + ":" + text.str[-2:]
    for name in INT_COLUMNS:
        out[name] = out[name].astype("Int64")
    for name in ("relaie_hors_ligne", "sponsorise"):
        out[name] = out[name].astype(bool)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        out.to_csv(target, index=False, encoding="utf-8", lineterminator="\n")
    except OSError as exc:
        raise _fail(
            target,
            f"écriture impossible ({exc.strerror}).",
            "Vérifiez que le dossier existe et n'est pas ouvert dans Excel.",
        ) from None
    return target
