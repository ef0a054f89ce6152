"""Loading and saving the kit's tables: one function each, typed results, French errors.

``load("publications")`` returns a DataFrame whose columns have the types the schema promises
(tz-aware datetimes in Europe/Brussels, categoricals, nullable integers, booleans).
``load("comptes", folder="mes_donnees")`` reads a trainee's own table the same way, from
``comptes.csv`` or ``comptes.xlsx`` (the fill-in templates of :mod:`socialkit.templates`): CSV
in UTF-8 or Windows-1252, ``,`` or ``;``, Excel workbooks, decimal commas, ``oui``/``non``,
dates written ``02/03/2026`` (the day/month order is decided from the file or asked for with
``dayfirst=``) are all read.

Anything wrong with a file — missing, empty, truncated, missing or renamed columns, unreadable
values — raises :class:`DataError` with one French line that names the file, the line and what
to do. :func:`save` writes a table in the kit's format, all or nothing: it validates first and
replaces the file only once the new one is complete. File reading itself lives in
:mod:`socialkit.files`, shared with the importers of real exports (:mod:`socialkit.importers`).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pandas as pd

from socialkit import files
from socialkit.files import DataError, fail
from socialkit.schema import CATEGORIES, TABLES, TIMEZONE

__all__ = ["DataError", "load", "data_dir", "save", "validate", "KIT_DATASETS"]

KIT_DATASETS = Path(__file__).resolve().parent.parent / "datasets"

_REGENERATE = "Pour retrouver les fichiers d'origine, lancez `make data` dans le dossier du kit."
_TRUE = {"true", "vrai", "oui", "o", "yes", "y", "1", "x"}
_FALSE = {"false", "faux", "non", "n", "no", "0"}
_EXTENSIONS = (".csv", ".xlsx", ".xls", ".tsv", ".txt")


def data_dir() -> Path:
    """Folder of the CSV files: ``$SOCIALKIT_DATA`` if set, else the kit's ``datasets/``."""
    env = os.environ.get("SOCIALKIT_DATA")
    if env:
        return Path(env)
    return KIT_DATASETS


def _advice(path: Path) -> str:
    if path.parent.resolve() == KIT_DATASETS:
        return _REGENERATE
    return "Corrigez le fichier (le modèle à remplir est dans socialkit.templates)."


def _locate(folder: Path, name: str) -> Path:
    for ext in _EXTENSIONS:
        candidate = folder / f"{name}{ext}"
        if candidate.exists():
            return candidate
    if folder.resolve() == KIT_DATASETS or not folder.exists():
        return folder / f"{name}.csv"  # reported as missing below
    present = sorted(
        p.stem for p in folder.iterdir() if p.suffix.lower() in _EXTENSIONS and p.stem in TABLES
    )
    here = ", ".join(f"« {p} »" for p in present) or "aucun tableau du kit"
    raise DataError(
        f"Le dossier « {folder} » ne contient pas le tableau « {name} » ({name}.csv ou "
        f"{name}.xlsx) ; il contient : {here}. Créez-le à partir du modèle : "
        f'socialkit.templates.write_template("{name}", "{folder}"), ou passez les sections '
        "du notebook qui en ont besoin."
    )


def read_table(path: Path, table: str) -> pd.DataFrame:
    """The text cells of one kit table file (CSV or Excel), header on the first line."""
    expected = [name for name, _, _ in TABLES[table]]
    if not path.exists():
        raise fail(path, "ce fichier est introuvable.", _advice(path))
    if path.is_dir():
        raise fail(path, "c'est un dossier, pas un fichier CSV ni un classeur Excel.")
    raw = path.read_bytes()
    if not raw.strip():
        raise fail(path, "le fichier est vide.", _advice(path))
    kind = files.sniff(path, raw)
    if kind == "encrypted":
        raise fail(path, *files.PASSWORD)
    if kind not in ("text", "xlsx", "xls"):
        raise fail(
            path,
            f"c'est {files.KIND_NAMES[kind]}, pas un tableau CSV ou Excel.",
            f"Enregistrez le tableau « {table} » en CSV ou en .xlsx.",
        )
    if kind == "text":
        return _read_text(path, raw, table)
    grids = files.read_grids(path, raw, kind)
    grid = next(
        (g for g in grids if g.rows and set(expected) & {files.norm(c) for c in g.rows[0]}),
        grids[0],
    )
    if not grid.rows:
        raise fail(path, "le fichier est vide.", _advice(path))
    frame = files.table(grid, 0)
    frame.columns = [files.norm(c) for c in frame.columns]
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise fail(
            path,
            f"colonne(s) manquante(s) : {', '.join(missing)} (première ligne attendue : "
            f"{', '.join(expected[:4])}…).",
            _advice(path),
        )
    if "truncated" in grid.notes:
        raise fail(path, "le fichier semble tronqué (la dernière ligne est incomplète).")
    if frame.empty:
        raise fail(
            path, "le fichier ne contient que l'en-tête, aucune ligne de données.", _advice(path)
        )
    width = len(grid.rows[0])
    ragged = [i + 1 for i, row in enumerate(grid.rows) if len(row) > width and any(row[width:])]
    if ragged:
        raise fail(
            path,
            f"la ligne {ragged[0]} n'a pas le bon nombre de champs (plus que l'en-tête).",
            _advice(path),
        )
    return frame[expected]


def _read_text(path: Path, raw: bytes, table: str) -> pd.DataFrame:
    """A CSV kit table, read by pandas' C parser (the sample tables are large)."""
    expected = [name for name, _, _ in TABLES[table]]
    text, encoding = files.decode(raw, path)
    text = text.lstrip("\ufeff")
    sep = files.separator(text)
    first_line = text[: text.find("\n")] if "\n" in text else text
    header = [files.norm(c) for c in next(csv.reader([first_line], delimiter=sep))]
    missing = [c for c in expected if c not in header]
    if missing:
        raise fail(
            path,
            f"colonne(s) manquante(s) : {', '.join(missing)} (première ligne attendue : "
            f"{', '.join(expected[:4])}…).",
            _advice(path),
        )
    if not text.endswith(("\n", "\r")):
        raise fail(path, "le fichier semble tronqué (la dernière ligne est incomplète).")
    try:
        source = (  # bytes straight to the C parser when pandas can decode them itself
            io.BytesIO(raw) if encoding in ("utf-8", "utf-8-sig", "cp1252") else io.StringIO(text)
        )
        frame = pd.read_csv(
            source,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8-sig" if encoding == "utf-8" else encoding,
        )
    except (pd.errors.ParserError, ValueError) as exc:
        first = str(exc).splitlines()[0]
        raise fail(
            path, f"une ligne n'a pas le bon nombre de champs ({first}).", _advice(path)
        ) from None
    if frame.empty:
        raise fail(
            path, "le fichier ne contient que l'en-tête, aucune ligne de données.", _advice(path)
        )
    frame.columns = header
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="ligne")
    return frame[expected]


def validate(
    frame: pd.DataFrame, table: str, path: Path | str, dayfirst: bool | None = None
) -> pd.DataFrame:
    """Text (or already typed) columns of ``table`` → the typed table; French errors by line.

    The index of ``frame`` is used as the line number in messages (``read_table`` sets it to
    the line of the file).
    """
    out = {}
    for name, kind, nullable in TABLES[table]:
        col = frame[name]
        if col.dtype == object:
            col = col.astype("string")
        if not nullable and col.isna().any():
            row = col.index[col.isna()][0]
            raise fail(
                path,
                f"valeur manquante dans la colonne « {name} » (ligne {row}).",
                "Complétez la cellule : cette colonne est obligatoire.",
            )
        out[name] = _typed(col, kind, name, path, dayfirst)
    return pd.DataFrame(out).reset_index(drop=True)


def _first_bad(col: pd.Series, ok: pd.Series) -> str:
    bad = col[~ok & col.notna()]
    return f"« {bad.iloc[0]} » (ligne {bad.index[0]})"


def _typed(col: pd.Series, kind: str, name: str, path, dayfirst: bool | None) -> pd.Series:
    if kind == "str":
        return col.astype("string")
    if kind in ("int", "float"):
        if pd.api.types.is_numeric_dtype(col.dtype):
            values, bad = pd.to_numeric(col), pd.Series(False, index=col.index)
        else:
            values, bad = files.numbers(col, integer=kind == "int")
        if kind == "int" and not bad.any():
            whole = values.isna() | (values == values.round())
            bad = bad | ~whole.astype(bool)
        if bad.any():
            what = "nombre entier" if kind == "int" else "nombre"
            raise fail(path, f"{what} attendu dans « {name} », trouvé {_first_bad(col, ~bad)}.")
        return values.astype("Int64") if kind == "int" else values.astype("float64")
    if kind == "bool":
        if pd.api.types.is_bool_dtype(col.dtype):
            return col
        low = col.astype("string").str.lower()
        mapped = pd.Series(pd.NA, index=col.index, dtype="object")
        mapped[low.isin(_TRUE).fillna(False).astype(bool)] = True
        mapped[low.isin(_FALSE).fillna(False).astype(bool)] = False
        bad = col.notna() & mapped.isna()
        if bad.any():
            raise fail(
                path,
                f"oui ou non (True ou False) attendu dans « {name} », trouvé "
                f"{_first_bad(col, ~bad)}.",
            )
        return mapped.astype("boolean") if col.isna().any() else mapped.astype(bool)
    if kind in ("datetime", "date"):
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            stamps = col.dt.tz_convert(TIMEZONE)
            return stamps if kind == "datetime" else stamps.dt.tz_localize(None).dt.normalize()
        text = col.astype("string") if col.dtype == object else col
        if kind == "datetime":  # the kit's own format: exact instants, nothing to guess
            # a strict format with %z refuses values without an offset (read below instead)
            stamps = pd.to_datetime(text, format="%Y-%m-%dT%H:%M:%S%z", utc=True, errors="coerce")
            if not (text.notna() & stamps.isna()).any():
                return stamps.dt.tz_convert(TIMEZONE)
        else:
            days = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
            if not (text.notna() & days.isna()).any():
                return days.astype("datetime64[ns]")
        example = (
            "ISO 8601 (2026-03-02T09:15:00+01:00), 2026-03-02 09:15 ou 02/03/2026 09:15"
            if kind == "datetime"
            else "AAAA-MM-JJ (2026-03-02) ou JJ/MM/AAAA"
        )
        naive = files.parse_times(
            col, path, name, dayfirst=dayfirst, with_time=kind == "datetime", example=example
        )
        if kind == "date":
            return naive.astype("datetime64[ns]")
        return files.localise(naive)
    if kind == "category":
        allowed = CATEGORIES[name]
        text = col.astype("string")
        ok = text.isin(allowed)
        if (text.notna() & ~ok).any():
            raise fail(
                path,
                f"valeur inconnue dans « {name} » : {_first_bad(text, ok)} ; "
                f"valeurs possibles : {', '.join(allowed)}.",
            )
        return pd.Series(pd.Categorical(text, categories=allowed), index=col.index)
    raise DataError(f"Type de colonne inconnu dans le schéma : « {kind} ».")


def load(name: str, folder: str | Path | None = None, *, dayfirst: bool | None = None):
    """Load one table by name (e.g. ``"publications"``) as a typed DataFrame.

    ``folder`` overrides where the files are read from (default: :func:`data_dir`), e.g. a
    trainee's ``"mes_donnees"``; there, ``<name>.csv`` or ``<name>.xlsx`` is read. Dates
    written ``02/03/2026`` whose day/month order the file does not settle need
    ``dayfirst=True`` (day first, the Belgian way) or ``dayfirst=False``.
    """
    if name not in TABLES:
        known = ", ".join(f"« {t} »" for t in TABLES)
        raise DataError(f"Il n'existe pas de tableau « {name} ». Tableaux disponibles : {known}.")
    folder = Path(folder) if folder is not None else data_dir()
    path = _locate(folder, name)
    frame = read_table(path, name)
    return validate(frame, name, path, dayfirst)


def _as_text(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    out = pd.DataFrame(index=frame.index)
    for name, kind, _ in TABLES[table]:
        col = frame[name]
        if kind == "datetime":
            stamps = pd.to_datetime(col, utc=True).dt.tz_convert(TIMEZONE)
            text = stamps.dt.strftime("%Y-%m-%dT%H:%M:%S%z")
            col = text.str[:-2] + ":" + text.str[-2:]
        elif kind == "date":
            col = pd.to_datetime(col).dt.strftime("%Y-%m-%d")
        elif kind == "int":
            col = col.astype("Int64")
        elif kind == "bool":
            col = col.astype("boolean")
        out[name] = col
    return out


def save(frame: pd.DataFrame, table: str, folder: str | Path) -> Path:
    """Write ``frame`` as ``<folder>/<table>.csv`` (UTF-8, the kit's format); return the path.

    All or nothing: the table is validated against the schema first (French error, nothing
    written), then written to a temporary file that replaces the old one only when complete.
    The kit's own ``datasets/`` folder is refused.
    """
    folder = Path(folder)
    target = folder / f"{table}.csv"
    if folder.resolve() == KIT_DATASETS:
        raise fail(
            target,
            "c'est le jeu de données d'exemple du kit.",
            "Choisissez un autre dossier, par exemple « mes_donnees ».",
        )
    missing = [c for c, _, _ in TABLES[table] if c not in frame.columns]
    if missing:
        raise fail(target, f"colonne(s) absente(s) du tableau : {', '.join(missing)}.")
    lines = frame.set_axis(pd.RangeIndex(2, len(frame) + 2))  # line numbers of the CSV
    typed = validate(lines, table, target)
    out = _as_text(typed, table)
    partial = folder / f".{table}.csv.partiel"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        out.to_csv(partial, index=False, encoding="utf-8", lineterminator="\n")
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise fail(
            target,
            f"écriture impossible ({exc.strerror}).",
            "Vérifiez que le dossier existe et que le fichier n'est pas ouvert dans Excel.",
        ) from None
    return target
