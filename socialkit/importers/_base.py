"""What every platform importer shares: the table found in a file, and the mapping helpers.

A platform module only says which headers it recognises and how its columns map onto the
``publications`` schema; finding the file's table (encoding, separator, sheets, header block)
is done by :mod:`socialkit.files`, and checking/writing the schema by :mod:`socialkit.data`.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from socialkit import files
from socialkit.files import DataError, fail
from socialkit.schema import CATEGORIES, TABLES

COLUMNS = [name for name, _, _ in TABLES["publications"]]
INT_COLUMNS = [name for name, kind, _ in TABLES["publications"] if kind == "int"]
NO_TEXT = "(sans texte)"  # the kit's loader refuses an empty ``texte``
REDOWNLOAD = "Téléchargez à nouveau l'export sans l'ouvrir dans un tableur."


@dataclass
class Found:
    """A table found in a file: its rows (index = line number), and key → original header."""

    path: Path | str
    frame: pd.DataFrame
    columns: dict[str, str]
    sheet: str = ""
    encoding: str | None = None
    separator: str | None = None
    notes: list[str] = field(default_factory=list)

    def col(self, key: str) -> pd.Series:
        if key in self.columns:
            return self.frame[self.columns[key]]
        return pd.Series(pd.NA, index=self.frame.index, dtype="string")

    def has(self, key: str) -> bool:
        return key in self.columns


def match_columns(headers, aliases: dict[str, list[str]]) -> dict[str, str]:
    """key → original header, for the first alias of each key present in ``headers``."""
    by_norm = {}
    for header in headers:
        by_norm.setdefault(files.norm(header), header)
    found = {}
    for key, names in aliases.items():
        for name in names:
            if name in by_norm:
                found[key] = by_norm[name]
                break
    return found


def check_options(compte_id, sujet, abonnes) -> tuple[str | None, str | None, int | None]:
    if compte_id is not None and (not isinstance(compte_id, str) or not compte_id.strip()):
        raise DataError(
            f"compte_id doit être un texte non vide (l'identifiant que vous donnez à ce compte, "
            f'par ex. "C001" ou "Page Facebook"), reçu {compte_id!r}.'
        )
    if sujet is not None and sujet not in CATEGORIES["sujet"]:
        raise DataError(
            f"Sujet inconnu : « {sujet} ». Choix possibles : "
            f"{', '.join(CATEGORIES['sujet'])} (ou ne rien indiquer)."
        )
    if abonnes is not None and (
        isinstance(abonnes, bool) or not isinstance(abonnes, (int, np.integer)) or abonnes < 0
    ):
        raise DataError(
            f"abonnes doit être un nombre entier positif (vos abonnés actuels), reçu {abonnes!r}."
        )
    return (
        compte_id.strip() if compte_id else None,
        sujet,
        None if abonnes is None else int(abonnes),
    )


def ids(found: Found, key: str = "publication_id") -> pd.Series:
    header = found.columns[key]
    values = found.col(key).str.strip().str.replace(r"^'", "", regex=True)
    if values.isna().any():
        row = values.index[values.isna()][0]
        raise fail(
            found.path,
            f"identifiant vide dans la colonne « {header} » (ligne {row}).",
            "Téléchargez à nouveau l'export.",
        )
    mangled = values.str.fullmatch(r"[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+")
    if mangled.any():
        bad = values[mangled]
        raise fail(
            found.path,
            f"identifiants abîmés par Excel dans « {header} » : « {bad.iloc[0]} » "
            f"(ligne {bad.index[0]}) au lieu du nombre complet.",
            "Téléchargez à nouveau l'export et importez-le sans l'ouvrir ni l'enregistrer "
            "dans Excel.",
        )
    dup = values.duplicated()
    if dup.any():
        raise fail(
            found.path,
            f"la publication « {values[dup].iloc[0]} » apparaît sur plusieurs lignes "
            f"(ligne {values.index[dup][0]}).",
            "Exportez une ligne par publication (valeurs « Lifetime » / « Durée de vie »), "
            "pas une ligne par jour.",
        )
    return values.astype("string")


def counts(found: Found, key: str) -> pd.Series:
    """Integer counts with thousands separators (``1.500``, ``12,400``, ``1 500``) → Int64."""
    col = found.col(key)
    values, bad = files.numbers(col, integer=True)
    if bad.any():
        where = bad[bad].index[0]
        raise fail(
            found.path,
            f"nombre illisible dans la colonne « {found.columns[key]} » : « {col[where]} » "
            f"(ligne {where}).",
            "Téléchargez à nouveau l'export sans le modifier dans un tableur.",
        )
    return values


def formats(values: pd.Series) -> pd.Series:
    """Platform post types (``Photos``, ``IG reel``, ``Links``, ``Vidéo``…) → the kit's formats."""
    low = values.astype("string").str.lower()
    rules = [  # first match wins
        ("carrousel", r"carousel|carrousel|album|document|multi"),
        ("video", r"reel|vid[eé]o|live|direct|short"),
        ("photo", r"photo|image"),
        ("lien", r"link|lien|article"),
        ("texte", r"text|status|statut|sondage|poll"),
    ]
    out = pd.Series(pd.NA, index=values.index, dtype="object")
    for fmt, pattern in reversed(rules):
        out = out.mask(low.str.contains(pattern, regex=True).fillna(False).astype(bool), fmt)
    return out


_URL = re.compile(r"https?://\S+|\b[a-z0-9-]+\.(?:be|com|org|eu|net|example)/\S*", re.I)
_MEDIA_URL = re.compile(r"pic\.(?:x|twitter)\.com/|/photo/\d|/video/\d", re.I)


def formats_from_text(texts: pd.Series) -> pd.Series:
    """``photo`` for an X media link, ``lien`` for another link, else missing (not known)."""
    text = texts.astype("string").fillna("")
    out = pd.Series(pd.NA, index=texts.index, dtype="object")
    out = out.mask(text.str.contains(_URL).astype(bool), "lien")
    return out.mask(text.str.contains(_MEDIA_URL).astype(bool), "photo")


def texts(*columns: pd.Series) -> pd.Series:
    text = columns[0].astype("string").str.strip().replace("", pd.NA)
    for other in columns[1:]:
        text = text.fillna(other.astype("string").str.strip().replace("", pd.NA))
    return text.fillna(NO_TEXT).astype("string")


def frame(
    values: dict, index: pd.Index, compte_id: str, sujet: str | None, abonnes: int | None
) -> pd.DataFrame:
    """The ``publications`` columns in schema order with the types of ``load``."""
    index = pd.Index(index)
    na_int = pd.Series(pd.NA, index=index, dtype="Int64")
    out = {}
    for name in COLUMNS:
        value = values.get(name)
        if name == "compte_id":
            value = pd.Series(compte_id, index=index)
        elif name == "sujet":
            value = pd.Series(sujet, index=index, dtype="object")
        elif name == "abonnes_au_moment":
            value = na_int if abonnes is None else pd.Series(abonnes, index=index, dtype="Int64")
        elif name == "relaie_hors_ligne":
            value = pd.Series(False, index=index)
        elif name == "sponsorise" and value is None:
            value = pd.Series(False, index=index)
        elif name == "format" and value is None:
            value = pd.Series(pd.NA, index=index, dtype="object")
        elif value is None:
            value = na_int
        if name in ("sujet", "format"):
            value = pd.Series(
                pd.Categorical(pd.Series(value, index=index), categories=CATEGORIES[name]),
                index=index,
            )
        elif name in ("publication_id", "compte_id", "texte"):
            value = pd.Series(value, index=index).astype("string")
        elif name in INT_COLUMNS:
            value = pd.Series(value, index=index).astype("Int64")
        out[name] = value
    table = pd.DataFrame(out, index=index)
    return table.sort_values("publie_le", kind="stable").reset_index(drop=True)


WHY_COMMON = {
    "sujet": 'aucun export ne le contient (indiquez sujet="…" ou complétez la colonne)',
    "abonnes_au_moment": "aucun export de publications ne le contient (indiquez abonnes=…)",
}
WHY_NO_REACH = (
    "le taux d'engagement par portée (metrics.engagement_rate) sera donc nan pour ces "
    'publications : utilisez by="impressions"'
)


def warn_missing(path, table: pd.DataFrame, why: dict[str, str]) -> None:
    """One French warning listing the columns left empty and why."""
    empty = [c for c in COLUMNS if table[c].isna().all() and c in why]
    partly = [
        c for c in ("format",) if c in why and table[c].isna().any() and not table[c].isna().all()
    ]
    details = [f"{c} : {why[c]}" for c in empty]
    details += [f"{c} (en partie) : {why[c]}" for c in partly]
    if details:
        warnings.warn(
            f"« {Path(str(path)).name} » : colonnes laissées vides — {' ; '.join(details)}.",
            UserWarning,
            stacklevel=3,
        )
