"""Reading any table file a trainee brings: what it is, its encoding, separator and sheets.

One reader for the whole kit: :func:`socialkit.data.load` (the sample tables and a trainee's
own ``mes_donnees/`` folder) and every importer of :mod:`socialkit.importers` go through it, so
a file is checked in one place and every wrong file gets the same kind of French message.

- :func:`sniff` says what a file is from its first bytes, not from its name: CSV/TSV text,
  XLSX, XLS (and password-protected workbooks), JSON, zip or tar.gz archive, PDF, image,
  calendar (``.ics``).
- :func:`decode` turns bytes into text: UTF-8 with or without BOM, UTF-16 (with or without
  BOM, as Meta and Excel « Texte Unicode » write it), else Windows-1252 (Excel's « CSV »).
- :func:`separator` picks ``,``, ``;`` or tab from the shape of the lines, ignoring a block of
  descriptive lines above the table.
- :func:`read_grids` returns every sheet of a file as a grid of text cells (``None`` for empty
  cells), header not yet chosen; Excel dates become ISO text so that no day/month order has to
  be guessed for them. :func:`table` then cuts a grid at its header row.
- :func:`numbers` reads counts and decimals written the French or the English way (``1.500``,
  ``12,400``, ``1 500``, ``3,5``, ``12,5 %``).

Everything raises :class:`socialkit.data.DataError` (a ``KitValueError``) with one French line
naming the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from socialkit.errors import KitValueError

__all__ = [
    "DataError",
    "Grid",
    "decode",
    "fail",
    "norm",
    "numbers",
    "read_grids",
    "separator",
    "sniff",
    "table",
]


class DataError(KitValueError):
    """A file or table the kit cannot use; the message is meant for the trainee."""

    title = "Problème de données"


def fail(path, problem: str, advice: str = "") -> DataError:
    """``Fichier « path » : problem advice`` as a :class:`DataError`."""
    return DataError(f"Fichier « {path} » : {problem} {advice}".strip())


def norm(name) -> str:
    """A header as compared by the kit: lower case, straight apostrophes, single spaces."""
    text = "" if name is None else str(name)
    text = text.replace("\ufeff", "").replace("’", "'").replace("\u00a0", " ").strip().lower()
    return re.sub(r"\s+", " ", text)


# ---------------------------------------------------------------------------- what is it

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
}

PASSWORD = (
    "c'est un classeur Excel protégé par un mot de passe, que le kit ne peut pas ouvrir.",
    "Ouvrez-le dans Excel, retirez le mot de passe (Fichier > Informations > Protéger le "
    "classeur) et enregistrez-le, ou importez l'export d'origine de la plateforme.",
)

KIND_NAMES = {
    "xlsx": "un classeur Excel (.xlsx)",
    "xls": "un classeur Excel ancien format (.xls)",
    "encrypted": "un classeur Excel protégé par un mot de passe",
    "zip": "une archive .zip",
    "tar": "une archive .tar.gz",
    "json": "un fichier JSON",
    "pdf": "un document PDF",
    "image": "une image",
    "ics": "un agenda (.ics)",
    "text": "un fichier texte (CSV)",
    "ods": "un classeur LibreOffice (.ods)",
    "docx": "un document Word",
    "pptx": "une présentation PowerPoint",
}


def sniff(path: Path, raw: bytes | None = None) -> str:
    """What a file is, from its content: a key of :data:`KIND_NAMES`."""
    raw = path.read_bytes() if raw is None else raw
    if raw.startswith(_OLE2):
        # an encrypted OOXML workbook is an OLE2 file with these two streams (names in UTF-16)
        if "EncryptedPackage".encode("utf-16-le") in raw[:65536] or (
            "EncryptionInfo".encode("utf-16-le") in raw[:65536]
        ):
            return "encrypted"
        return "xls"
    if raw.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            names = []
        if any(n.startswith("xl/") for n in names) or path.suffix.lower() in (".xlsx", ".xlsm"):
            return "xlsx"
        if "mimetype" in names and any(n == "content.xml" for n in names):
            return "ods"
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("ppt/") for n in names):
            return "pptx"
        return "zip"
    if raw.startswith(b"\x1f\x8b") or raw[257:262] == b"ustar":
        return "tar"
    if raw.startswith(b"%PDF"):
        return "pdf"
    for magic in _IMAGES:
        if raw.startswith(magic):
            return "image"
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "image"
    head = decode(raw[:4096], path, partial=True)[0].lstrip("\ufeff \r\n\t")
    if head.startswith("BEGIN:VCALENDAR"):
        return "ics"
    if head[:1] in ("{", "["):
        return "json"
    return "text"


def image_kind(raw: bytes) -> str:
    for magic, name in _IMAGES.items():
        if raw.startswith(magic):
            return name
    return "WEBP"


# ---------------------------------------------------------------------------- text


def decode(raw: bytes, path: Path | str = "", partial: bool = False) -> tuple[str, str]:
    """(text, encoding name): UTF-8 ±BOM, UTF-16 ±BOM, else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace" if partial else "strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        if partial:
            raw = raw[: len(raw) // 2 * 2]
        return raw.decode("utf-16", errors="replace"), "utf-16"
    sample = raw[:2000]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) / 4 and even == 0:
            return raw[: len(raw) // 2 * 2].decode("utf-16-le", errors="replace"), "utf-16-le"
        if even > len(sample) / 4 and odd == 0:
            return raw[: len(raw) // 2 * 2].decode("utf-16-be", errors="replace"), "utf-16-be"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(raw) - 3:  # a character cut by the sample's end
            return raw[: exc.start].decode("utf-8"), "utf-8"
    return raw.decode("cp1252", errors="replace"), "cp1252"


def separator(text: str) -> str:
    """``,``, ``;`` or tab: the one giving the most lines with the same number (>1) of fields."""
    lines = [line for line in text[:65536].splitlines()[:60] if line.strip()]
    best, score = ",", (0, 0)
    for sep in (",", ";", "\t"):
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=sep)]
        except csv.Error:
            continue
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        candidate = (wide.count(mode), mode)
        if candidate > score:
            best, score = sep, candidate
    return best


# ---------------------------------------------------------------------------- grids


@dataclass
class Grid:
    """One sheet (or CSV file) as rows of text cells, before its header row is chosen."""

    name: str
    rows: list[list[str | None]]
    encoding: str | None = None
    separator: str | None = None
    notes: list[str] = field(default_factory=list)

    def headers_at(self, index: int) -> list[str]:
        return [norm(c) for c in self.rows[index]]


def _cell(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if text.strip() else None


def _csv_grid(path: Path, raw: bytes) -> Grid:
    text, encoding = decode(raw, path)
    text = text.lstrip("\ufeff")
    sep = separator(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=False))
    except csv.Error as exc:
        raise fail(
            path,
            f"le fichier texte est illisible ({exc}).",
            "Téléchargez à nouveau l'export sans l'ouvrir dans un tableur.",
        ) from None
    cells = [[c if c.strip() else None for c in row] for row in rows]
    grid = Grid(path.name, cells, encoding=encoding, separator=sep)
    if not text.endswith(("\n", "\r")) and text.count("\n") >= 1:
        grid.notes.append("truncated")
    return grid


def _xlsx_grids(path: Path, raw: bytes) -> list[Grid]:
    import openpyxl  # imported here: only for Excel files

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any failure of a damaged zip means the same to a trainee
        raise fail(
            path,
            "le classeur Excel est incomplet ou abîmé (téléchargement interrompu ?).",
            "Téléchargez à nouveau l'export depuis la plateforme.",
        ) from None
    grids = []
    for sheet in book.worksheets:
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        grids.append(Grid(sheet.title, rows))
    book.close()
    return grids


def _xls_grids(path: Path, raw: bytes) -> list[Grid]:
    import xlrd  # imported here: only for old Excel files

    try:
        book = xlrd.open_workbook(file_contents=raw)
    except Exception as exc:  # noqa: BLE001 - xlrd raises several kinds for a damaged file
        if "encrypt" in str(exc).lower():  # an old-style .xls protected by a password
            raise fail(path, PASSWORD[0], PASSWORD[1]) from None
        raise fail(
            path,
            "le classeur Excel (.xls) est incomplet ou abîmé (téléchargement interrompu ?).",
            "Téléchargez à nouveau l'export depuis la plateforme.",
        ) from None
    grids = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            row = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                    if value.time() == dt.time(0):
                        value = value.date()
                    row.append(_cell(value))
                else:
                    row.append(_cell(cell.value))
            rows.append(row)
        grids.append(Grid(sheet.name, rows))
    return grids


def read_grids(path: Path, raw: bytes | None = None, kind: str | None = None) -> list[Grid]:
    """Every sheet of a CSV/TSV text file or an Excel workbook, as text grids."""
    raw = path.read_bytes() if raw is None else raw
    kind = kind or sniff(path, raw)
    if kind == "xlsx":
        return _xlsx_grids(path, raw)
    if kind == "xls":
        return _xls_grids(path, raw)
    if kind == "text":
        return [_csv_grid(path, raw)]
    raise fail(path, f"c'est {KIND_NAMES.get(kind, kind)}, pas un tableau CSV ou Excel.")


def table(grid: Grid, header: int) -> pd.DataFrame:
    """The rows below ``grid.rows[header]`` as a DataFrame of text (``NA`` for empty cells).

    Fully empty rows are dropped; the index is the line number in the file or sheet
    (one-based), so that error messages can name it. Columns are the header cells as written.
    """
    names = [("" if c is None else str(c)).replace("\ufeff", "").strip() for c in grid.rows[header]]
    width = len(names)
    rows, lines = [], []
    for number, row in enumerate(grid.rows[header + 1 :], start=header + 2):
        if all(c is None for c in row):
            continue
        cells = [c.strip() if isinstance(c, str) and c.strip() else None for c in row[:width]]
        cells += [None] * (width - len(cells))
        rows.append(cells)
        lines.append(number)
    frame = pd.DataFrame(rows, columns=names, index=pd.Index(lines, name="ligne"), dtype=object)
    frame = frame.astype("string")
    frame = frame.loc[:, [n != "" for n in names]] if "" in names else frame
    return frame


def find_header(grid: Grid, wanted: set[str], need: int, search: int = 25) -> int | None:
    """Index of the first row (among the first ``search``) with ``need`` of ``wanted`` headers."""
    for index, row in enumerate(grid.rows[:search]):
        cells = {norm(c) for c in row if c is not None}
        if len(cells & wanted) >= need:
            return index
    return None


# ---------------------------------------------------------------------------- numbers

_BLANKS = ["-", "--", "—", "", "n/a", "N/A", "nan", "NaN"]


def numbers(col: pd.Series, integer: bool) -> tuple[pd.Series, pd.Series]:
    """(values, unreadable mask): French or English numbers, decided for the whole column.

    Counts (``integer=True``) accept thousands separators ``.``, ``,``, ``'`` and spaces
    (``1.500``, ``12,400``, ``1 500``). Decimals accept a decimal comma (``3,5``, ``0,25``) or
    point, and a trailing ``%``. In a decimal column where a ``,`` is followed by exactly three
    digits everywhere (``1,500``), the column is read the English way.
    """
    fast = pd.to_numeric(col, errors="coerce")
    if not (col.notna() & fast.isna()).any():  # plain numbers: the sample tables, Excel cells
        if not integer:
            return fast.astype("float64"), pd.Series(False, index=col.index)
        whole = fast.isna() | (fast == fast.round())
        if bool(whole.all()):
            return fast.astype("Int64"), pd.Series(False, index=col.index)
    text = col.astype("string").str.strip()
    text = text.str.replace(r"[\s\u00a0\u202f]", "", regex=True).str.rstrip("%")
    text = text.mask(text.isin(_BLANKS))
    if integer:
        ok = text.str.fullmatch(r"-?(?:[0-9]+|[0-9]{1,3}(?:[.,'][0-9]{3})+)(?:\.0+)?")
        ok = ok.fillna(False).astype(bool)
        clean = text.where(ok).str.replace(r"\.0+$", "", regex=True)
        clean = clean.str.replace(r"[.,']", "", regex=True)
        values = pd.to_numeric(clean, errors="coerce").astype("Int64")
        return values, text.notna() & ~ok
    # one decision for the column: French if a comma is a decimal mark somewhere (0,5 ; 12,25)
    french = bool(
        text.str.fullmatch(r"-?[0-9]*,[0-9]{1,2}|-?[0-9]*,[0-9]{4,}|-?[0-9]{4,},[0-9]+")
        .fillna(False)
        .any()
    )

    def one(value):
        if value is None or value is pd.NA:
            return None
        if "," in value and "." in value:
            decimal = "," if value.rfind(",") > value.rfind(".") else "."
            other = "." if decimal == "," else ","
            value = value.replace(other, "").replace(decimal, ".")
        elif "," in value:
            thousands = re.fullmatch(r"-?[0-9]{1,3}(?:,[0-9]{3})+", value) and not french
            value = value.replace(",", "" if thousands else ".")
        elif "." in value and french and re.fullmatch(r"-?[0-9]{1,3}(?:\.[0-9]{3})+", value):
            value = value.replace(".", "")
        return value if re.fullmatch(r"-?[0-9]*\.?[0-9]+", value) else None

    values = pd.to_numeric(text.map(one, na_action="ignore"), errors="coerce")
    return values.astype("float64"), text.notna() & values.isna()


def archive_members(path: Path, raw: bytes, kind: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of the files in a zip or tar.gz archive; a French error if damaged."""
    out = []
    try:
        if kind == "zip":
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                for info in archive.infolist():
                    if not info.is_dir():
                        out.append((info.filename, archive.read(info)))
        else:
            with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
                for member in archive.getmembers():
                    if member.isfile():
                        out.append((member.name, archive.extractfile(member).read()))
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, RuntimeError):
        raise fail(
            path,
            "l'archive est incomplète ou abîmée (téléchargement interrompu ?).",
            "Téléchargez-la à nouveau.",
        ) from None
    return out


# ---------------------------------------------------------------------------- dates

_SLASH = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}),?(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$"
)


def _choose_order(
    a: pd.Series, b: pd.Series, readings: dict[bool, pd.Series], default: bool | None
) -> bool | None:
    """Day-first (True) or month-first (False) if the values themselves decide it, else None."""
    if (a > 12).any():
        return True
    if (b > 12).any():
        return False
    if default is not None:
        return default
    now = pd.Timestamp.now()
    future = {k: bool((v > now + pd.Timedelta(days=1)).any()) for k, v in readings.items()}
    if future[True] != future[False]:
        return not future[True]
    ordered = {}
    for key, stamps in readings.items():
        values = stamps.dropna()
        ordered[key] = values.nunique() >= 3 and (
            values.is_monotonic_increasing or values.is_monotonic_decreasing
        )
    if ordered[True] != ordered[False]:
        return ordered[True]
    return None


def parse_times(
    col: pd.Series,
    path,
    header: str,
    *,
    dayfirst: bool | None = None,
    default: bool | None = None,
    with_time: bool = True,
    example: str = "2026-03-02 09:15",
) -> pd.Series:
    """Naive wall-clock datetimes from ISO text or ``dd/mm/yyyy [hh:mm]`` (or ``mm/dd``).

    A day/month order is never guessed: a value above 12 settles it for the whole column,
    then ``dayfirst`` (what the trainee passed), then ``default`` (a platform whose format is
    documented), then the file itself (only one order gives no future date, or keeps the rows
    in date order). Otherwise a French error asks for ``dayfirst=True`` or ``dayfirst=False``.
    """
    text = col.astype("string").str.strip()
    parts = text.str.extract(_SLASH)
    slash = parts[0].notna()
    result = pd.Series(pd.NaT, index=col.index, dtype="datetime64[ns]")
    if slash.any():
        a = pd.to_numeric(parts[0][slash])
        b = pd.to_numeric(parts[1][slash])
        if (a > 12).any() and (b > 12).any():
            raise fail(
                path,
                f"dates mélangées (jour/mois et mois/jour) dans la colonne « {header} ».",
                "Téléchargez à nouveau l'export sans l'ouvrir dans un tableur.",
            )
        hour = pd.to_numeric(parts[3][slash]).fillna(0)
        pm = parts[6][slash].str.lower()
        hour = hour.where(pm.isna(), hour % 12 + (pm == "pm") * 12)

        def reading(day_first: bool) -> pd.Series:
            return pd.to_datetime(
                pd.DataFrame(
                    {
                        "year": pd.to_numeric(parts[2][slash]),
                        "month": b if day_first else a,
                        "day": a if day_first else b,
                        "hour": hour,
                        "minute": pd.to_numeric(parts[4][slash]).fillna(0),
                        "second": pd.to_numeric(parts[5][slash]).fillna(0),
                    }
                ),
                errors="coerce",
            )

        order = dayfirst
        if order is None or (a > 12).any() or (b > 12).any():
            order = _choose_order(a, b, {True: reading(True), False: reading(False)}, default)
        if order is None:
            sample = text[slash].iloc[0]
            raise fail(
                path,
                f"les dates de la colonne « {header} » (ex. « {sample} ») peuvent se lire "
                "jour/mois ou mois/jour et le fichier ne permet pas de trancher.",
                "Indiquez l'ordre : dayfirst=True (jour/mois, l'usage belge) ou dayfirst=False "
                "(mois/jour, l'usage américain).",
            )
        if dayfirst is not None and order != dayfirst:
            raise fail(
                path,
                f"vous avez indiqué dayfirst={dayfirst}, mais la colonne « {header} » contient "
                f"une date qui ne se lit que {'jour/mois' if order else 'mois/jour'}.",
                f"Indiquez dayfirst={order} ou ne l'indiquez pas.",
            )
        result[slash] = reading(order)
    rest = ~slash & text.notna()
    if rest.any():
        aware = rest & text.str.contains(r"(?:Z|[+-]\d{2}:?\d{2})$", regex=True).fillna(False)
        naive = rest & ~aware
        if aware.any():
            stamps = pd.to_datetime(text[aware], format="ISO8601", errors="coerce", utc=True)
            result[aware] = stamps.dt.tz_convert("Europe/Brussels").dt.tz_localize(None)
        if naive.any():
            result[naive] = pd.to_datetime(text[naive], format="ISO8601", errors="coerce")
    bad = text.notna() & result.isna()
    if bad.any():
        where = bad[bad].index[0]
        raise fail(
            path,
            f"date illisible dans la colonne « {header} » : « {text[where]} » (ligne {where}) ; "
            f"format attendu « {example} ».",
            "Corrigez la cellule ou téléchargez à nouveau l'export sans l'ouvrir dans un tableur.",
        )
    if not with_time:
        result = result.dt.normalize()
    return result


def localise(naive: pd.Series) -> pd.Series:
    """Naive Brussels wall-clock times → tz-aware (autumn's doubled hour read as summer time)."""
    import numpy as np

    return naive.dt.tz_localize(
        "Europe/Brussels", ambiguous=np.ones(len(naive), dtype=bool), nonexistent="shift_forward"
    )
