"""Loading the sample tables: one function, typed results, French errors.

``load("publications")`` returns a DataFrame whose columns have the types the
schema promises (tz-aware datetimes in Europe/Brussels, categoricals, nullable
integers, booleans). Anything wrong with a file — missing, empty, truncated,
wrong separator, missing or renamed columns, unreadable values — raises
:class:`DataError` with a message that names the file and says what to do.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd

from socialkit.errors import FriendlyError, KitValueError
from socialkit.schema import CATEGORIES, TABLES, TIMEZONE

__all__ = ["DataError", "load", "data_dir"]


class DataError(FriendlyError):
    """A sample table that cannot be loaded; the message is meant for the trainee."""

    title = "Problème de données"


_REGENERATE = "Pour retrouver les fichiers d'origine, lancez `make data` dans le dossier du kit."


def data_dir() -> Path:
    """Folder of the CSV files: ``$SOCIALKIT_DATA`` if set, else the kit's ``datasets/``."""
    env = os.environ.get("SOCIALKIT_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "datasets"


def _fail(path: Path, problem: str, advice: str = _REGENERATE) -> DataError:
    return DataError(f"Fichier « {path} » : {problem} {advice}".strip())


def _read(path: Path, table: str) -> pd.DataFrame:
    expected = [name for name, _, _ in TABLES[table]]
    if not path.exists():
        raise _fail(path, "ce fichier est introuvable.")
    if path.is_dir():
        raise _fail(path, "c'est un dossier, pas un fichier CSV.")
    raw = path.read_bytes()
    if not raw.strip():
        raise _fail(path, "le fichier est vide.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _fail(
            path,
            "le fichier n'est pas encodé en UTF-8 (a-t-il été réenregistré avec Excel ?).",
        ) from None
    header = next(csv.reader([text.splitlines()[0]]))
    if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
        raise _fail(
            path,
            "les colonnes sont séparées par des points-virgules ou des tabulations au lieu de "
            "virgules (fichier réenregistré avec Excel ?).",
        )
    missing = [c for c in expected if c not in header]
    if missing:
        raise _fail(path, f"colonne(s) manquante(s) : {', '.join(missing)}.")
    if not text.endswith("\n"):
        raise _fail(path, "le fichier semble tronqué (la dernière ligne est incomplète).")
    try:
        frame = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        first = str(exc).splitlines()[0]
        raise _fail(path, f"une ligne n'a pas le bon nombre de champs ({first}).") from None
    if frame.empty:
        raise _fail(path, "le fichier ne contient que l'en-tête, aucune ligne de données.")
    return frame[expected]


def _convert(frame: pd.DataFrame, table: str, path: Path) -> pd.DataFrame:
    out = {}
    for name, kind, nullable in TABLES[table]:
        col = frame[name]
        if not nullable and col.isna().any():
            row = int(col.isna().to_numpy().argmax()) + 2  # +1 header, +1 one-based
            raise _fail(path, f"valeur manquante dans la colonne « {name} » (ligne {row}).")
        try:
            out[name] = _typed(col, kind, name)
        except ValueError as exc:
            raise _fail(path, str(exc)) from None
    return pd.DataFrame(out)


def _first_bad(col: pd.Series, ok: pd.Series) -> str:
    bad = col[~ok & col.notna()]
    row = int(bad.index[0]) + 2
    return f"« {bad.iloc[0]} » (ligne {row})"


def _typed(col: pd.Series, kind: str, name: str) -> pd.Series:
    if kind == "str":
        return col.astype("string")
    if kind == "int":
        numbers = pd.to_numeric(col, errors="coerce")
        ok = numbers.notna() & (numbers == numbers.round())
        if (col.notna() & ~ok).any():
            raise KitValueError(
                f"nombre entier attendu dans « {name} », trouvé {_first_bad(col, ok)}."
            )
        return numbers.astype("Int64")
    if kind == "float":
        numbers = pd.to_numeric(col, errors="coerce")
        if (col.notna() & numbers.isna()).any():
            raise KitValueError(
                f"nombre attendu dans « {name} », trouvé {_first_bad(col, numbers.notna())}."
            )
        return numbers.astype("float64")
    if kind == "bool":
        mapped = col.map({"True": True, "False": False})
        if (col.notna() & mapped.isna()).any():
            raise KitValueError(
                f"True ou False attendu dans « {name} », trouvé {_first_bad(col, mapped.notna())}."
            )
        return mapped.astype("boolean") if col.isna().any() else mapped.astype(bool)
    if kind == "datetime":
        stamps = pd.to_datetime(col, errors="coerce", utc=True, format="ISO8601")
        if (col.notna() & stamps.isna()).any():
            raise KitValueError(
                f"date et heure ISO 8601 attendues dans « {name} » "
                f"(ex. 2026-03-02T09:15:00+01:00), trouvé {_first_bad(col, stamps.notna())}."
            )
        return stamps.dt.tz_convert(TIMEZONE)
    if kind == "date":
        days = pd.to_datetime(col, errors="coerce", format="%Y-%m-%d")
        if (col.notna() & days.isna()).any():
            raise KitValueError(
                f"date AAAA-MM-JJ attendue dans « {name} », trouvé {_first_bad(col, days.notna())}."
            )
        return days
    if kind == "category":
        allowed = CATEGORIES[name]
        ok = col.isin(allowed)
        if (col.notna() & ~ok).any():
            raise KitValueError(
                f"valeur inconnue dans « {name} » : {_first_bad(col, ok)} ; "
                f"valeurs possibles : {', '.join(allowed)}."
            )
        return pd.Categorical(col, categories=allowed)
    raise AssertionError(f"unknown kind {kind}")


def load(name: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Load one sample table by name (e.g. ``"publications"``) as a typed DataFrame.

    ``folder`` overrides where the CSV files are read from (default: :func:`data_dir`).
    """
    if name not in TABLES:
        known = ", ".join(f"« {t} »" for t in TABLES)
        raise DataError(f"Il n'existe pas de tableau « {name} ». Tableaux disponibles : {known}.")
    path = Path(folder) if folder is not None else data_dir()
    path = path / f"{name}.csv"
    frame = _read(path, name)
    return _convert(frame, name, path)
