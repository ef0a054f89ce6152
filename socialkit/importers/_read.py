"""read_export: find the platform's table in any file, or say in French what the file is."""

from __future__ import annotations

import json
import warnings
from pathlib import Path, PurePosixPath

import pandas as pd

from socialkit import data, files
from socialkit.files import DataError, fail
from socialkit.importers import _base, linkedin, mastodon, meta, x, youtube
from socialkit.schema import CATEGORIES, TABLES

TABULAR = {"meta": meta, "linkedin": linkedin, "x": x, "youtube": youtube}
MODULES = {**TABULAR, "mastodon": mastodon}
DOWNLOAD_ANY = (
    "Téléchargez l'export des publications (une ligne par publication) : "
    + " ; ".join(m.SHORT for m in MODULES.values())
    + "."
)
_FUNCTION = {name: f"from_{name}" for name in MODULES}
_METRIC_WORDS = (
    "impression",
    "reach",
    "portée",
    "couverture",
    "engagement",
    "follow",
    "abonn",
    "views",
    "vues",
    "likes",
    "j'aime",
    "clic",
    "click",
    "visit",
    "watch time",
    "visionnage",
)
_DATE_WORDS = {"date", "jour", "day", "datum", "period", "période"}
_MEDIA_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".mp4", ".mov", ".webm", ".mp3"}


def _options(compte_id, sujet, abonnes, dayfirst, platform):
    if platform is not None and platform not in MODULES:
        raise DataError(
            f"Plateforme inconnue : « {platform} ». Choix possibles : {', '.join(MODULES)} "
            "(ou ne rien indiquer : read_export la reconnaît)."
        )
    if dayfirst not in (None, True, False):
        raise DataError(f"dayfirst doit valoir True, False ou None, reçu {dayfirst!r}.")
    return _base.check_options(compte_id, sujet, abonnes)


def read_export(
    path,
    compte_id: str | None = None,
    *,
    sujet: str | None = None,
    abonnes: int | None = None,
    dayfirst: bool | None = None,
    platform: str | None = None,
) -> pd.DataFrame:
    """The posts of any supported export file, in the ``publications`` schema.

    ``compte_id``: the id you give to this account in your ``comptes`` table (default: the
    page or account name found in the export, else the platform's name). ``sujet``: one of
    the kit's subjects for every post. ``abonnes``: today's follower count, copied to every
    post. ``dayfirst``: the order of dates written ``03/11/2026`` when the file does not
    settle it (True: day first, the Belgian way). ``platform``: ``"meta"``, ``"linkedin"``,
    ``"x"``, ``"youtube"`` or ``"mastodon"`` to accept only that platform.

    The result's ``attrs`` say what was found: ``plateforme`` (the schema's platform, e.g.
    ``"instagram"``), ``source`` (file type, encoding, separator, sheet).
    """
    compte_id, sujet, abonnes = _options(compte_id, sujet, abonnes, dayfirst, platform)
    opts = {"compte_id": compte_id, "sujet": sujet, "abonnes": abonnes, "dayfirst": dayfirst}
    path = Path(path)
    if not path.exists():
        raise fail(
            path,
            "ce fichier est introuvable.",
            "Vérifiez le nom et le dossier (copiez le chemin depuis l'explorateur de fichiers).",
        )
    if path.is_dir():
        outbox = path / "outbox.json"
        if outbox.exists():
            actor = path / "actor.json"
            return _mastodon(
                outbox, outbox.read_bytes(), actor.read_bytes() if actor.exists() else None, opts
            )
        raise fail(
            path,
            "c'est un dossier, pas un fichier d'export.",
            "Indiquez le fichier lui-même (ou le dossier d'une archive Mastodon décompressée).",
        )
    tables = _from_bytes(path, path.read_bytes(), opts, platform)
    if len(tables) == 1:
        return tables[0]
    combined = pd.concat(tables, ignore_index=True)
    combined.attrs = {
        **tables[0].attrs,
        "plateforme": sorted({t.attrs["plateforme"] for t in tables}),
    }
    return combined


def _from_bytes(path, raw: bytes, opts: dict, platform: str | None) -> list[pd.DataFrame]:
    if not raw.strip():
        raise fail(
            path,
            "le fichier est vide (0 octet utile) : le téléchargement n'a pas abouti.",
            "Téléchargez à nouveau l'export depuis la plateforme.",
        )
    kind = files.sniff(Path(str(path)), raw)
    if kind == "image":
        raise fail(
            path,
            f"c'est une image ({files.image_kind(raw)}), sans doute une capture d'écran des "
            "statistiques, pas un export de données.",
            DOWNLOAD_ANY,
        )
    if kind == "ics":
        raise fail(
            path,
            "c'est un agenda (.ics, des rendez-vous), pas un export de publications.",
            DOWNLOAD_ANY,
        )
    if kind in ("pdf", "docx", "pptx"):
        raise fail(
            path,
            f"c'est {files.KIND_NAMES[kind]} (un rapport à lire), pas un export de données.",
            DOWNLOAD_ANY,
        )
    if kind == "ods":
        raise fail(
            path,
            "c'est un classeur LibreOffice (.ods).",
            "Enregistrez-le au format Excel (.xlsx) ou CSV, ou importez le fichier "
            "d'origine téléchargé depuis la plateforme.",
        )
    if kind == "encrypted":
        raise fail(path, *files.PASSWORD)
    if kind == "json":
        _only(path, platform, "mastodon")
        return [_mastodon(path, raw, None, opts)]
    if kind in ("zip", "tar"):
        return _archive(path, raw, kind, opts, platform)
    return [_tabular(path, raw, kind, opts, platform)]


def _only(path, platform: str | None, found: str) -> None:
    if platform is not None and platform != found:
        raise fail(
            path,
            f"c'est un export {MODULES[found].LABEL}, pas {MODULES[platform].LABEL}.",
            f"Utilisez {_FUNCTION[found]} ou read_export, qui reconnaît la plateforme.",
        )


def _mastodon(path, raw: bytes, actor_raw: bytes | None, opts: dict) -> pd.DataFrame:
    outbox = mastodon.parse(path, raw)
    actor = None
    if actor_raw:
        try:
            actor = json.loads(actor_raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            actor = None
    table = mastodon.convert(
        path, outbox, opts["compte_id"], opts["sujet"], opts["abonnes"], actor=actor
    )
    table.attrs["source"] = "archive Mastodon (outbox.json)"
    return table


def _archive(path, raw: bytes, kind: str, opts: dict, platform) -> list[pd.DataFrame]:
    members = files.archive_members(path, raw, kind)
    by_name = {PurePosixPath(name).name: content for name, content in members}
    if "outbox.json" in by_name:
        _only(path, platform, "mastodon")
        return [_mastodon(path, by_name["outbox.json"], by_name.get("actor.json"), opts)]
    if "Table data.csv" in by_name:  # YouTube Studio's zip: one row per video there
        _only(path, platform, "youtube")
        inner = f"{path} › Table data.csv"
        return [_tabular(inner, by_name["Table data.csv"], "text", opts, platform)]
    candidates = [
        (name, content)
        for name, content in members
        if PurePosixPath(name).suffix.lower() not in _MEDIA_SUFFIXES
        and not PurePosixPath(name).name.startswith(("._", "."))
    ]
    tables, problems = [], []
    for name, content in candidates:
        try:
            tables.extend(_from_bytes(f"{path} › {name}", content, opts, platform))
        except DataError as exc:
            problems.append(str(exc))
    if tables:
        return tables
    listed = ", ".join(PurePosixPath(n).name for n, _ in members[:6]) or "rien"
    raise fail(
        path,
        f"cette archive ne contient aucun export de publications reconnu (elle contient : "
        f"{listed}).",
        DOWNLOAD_ANY,
    )


def _tabular(path, raw: bytes, kind: str, opts: dict, platform) -> pd.DataFrame:
    grids = files.read_grids(Path(str(path)), raw, kind)
    for grid in grids:
        for index, row in enumerate(grid.rows[:25]):
            cells = {files.norm(c) for c in row if c is not None}
            if len(cells & x.RETIRED) >= 2:
                raise x.retired(path)
            for name, module in TABULAR.items():
                if len(cells & module.SIGNATURE) >= module.NEED:
                    _only(path, platform, name)
                    return _convert(path, grid, index, name, module, opts)
    raise _unrecognised(path, grids)


def _convert(path, grid: files.Grid, index: int, name: str, module, opts) -> pd.DataFrame:
    frame = files.table(grid, index)
    columns = _base.match_columns(frame.columns, module.ALIASES)
    headers = {files.norm(c) for c in frame.columns}
    if name == "youtube" and headers & _DATE_WORDS:
        raise fail(
            path,
            "c'est le tableau YouTube « Chart data.csv » (une ligne par jour et par vidéo), pas "
            "le tableau des vidéos.",
            "Utilisez « Table data.csv », dans la même archive (ou l'archive .zip entière).",
        )
    missing = [shown for key, shown in module.REQUIRED.items() if key not in columns]
    if missing:
        shown = ", ".join(f"« {m} »" for m in missing)
        raise fail(
            path,
            f"export {module.LABEL} reconnu, mais colonne(s) attendue(s) introuvable(s) : {shown}.",
            "Vérifiez qu'aucune colonne n'a été supprimée ou renommée, ou téléchargez à nouveau "
            f"l'export : {module.DOWNLOAD}.",
        )
    if frame.empty:
        raise fail(
            path,
            f"le fichier ne contient que la ligne d'en-tête d'un export {module.LABEL}, aucune "
            "publication.",
            "Choisissez une période qui contient des publications et exportez à nouveau.",
        )
    found = _base.Found(
        path, frame, columns, grid.name, encoding=grid.encoding, separator=grid.separator
    )
    table = module.convert(
        found, opts["compte_id"], opts["sujet"], opts["abonnes"], opts["dayfirst"]
    )
    table.attrs["source"] = _describe(grid, kind_of(path))
    if grid.encoding == "cp1252" and table["texte"].str.contains("?", regex=False).any():
        warnings.warn(
            f"« {PurePosixPath(str(path)).name} » : ce fichier a été réenregistré par Excel "
            "(encodage Windows-1252), qui remplace les emoji par « ? ». Pour garder les "
            "textes intacts, importez l'export d'origine, sans l'ouvrir dans Excel.",
            UserWarning,
            stacklevel=4,
        )
    return table


def kind_of(path) -> str:
    suffix = PurePosixPath(str(path)).suffix.lower()
    return {".xlsx": "classeur Excel .xlsx", ".xls": "classeur Excel .xls"}.get(suffix, "")


def _describe(grid: files.Grid, kind: str) -> str:
    if grid.separator is None:
        return f"{kind or 'classeur Excel'}, feuille « {grid.name} »"
    sep = {",": "virgules", ";": "points-virgules", "\t": "tabulations"}[grid.separator]
    return f"texte CSV ({grid.encoding}, séparé par des {sep})"


def _unrecognised(path, grids: list[files.Grid]) -> DataError:
    first = None
    for grid in grids:
        for row in grid.rows[:25]:
            cells = [files.norm(c) for c in row if c is not None]
            if len(cells) < 2:
                continue
            first = first or [str(c) for c in row if c is not None]
            for table, spec in TABLES.items():
                names = {c for c, _, _ in spec}
                if len(set(cells) & names) >= min(4, len(names)):
                    return fail(
                        path,
                        f"c'est déjà un tableau du kit (« {table} »), pas un export de plateforme.",
                        f'Chargez-le avec load("{table}", folder=…) après l\'avoir placé dans '
                        f"votre dossier sous le nom {table}.csv.",
                    )
            dated = set(cells) & _DATE_WORDS
            metrics = [c for c in cells if any(w in c for w in _METRIC_WORDS)]
            if dated and metrics:
                return fail(
                    path,
                    "c'est un export de totaux par jour (une ligne par jour : "
                    f"{', '.join(metrics[:3])}…), pas une ligne par publication.",
                    DOWNLOAD_ANY,
                )
    if first is None:
        return fail(
            path,
            "le fichier ne contient aucun tableau (une seule colonne ou des lignes vides).",
            DOWNLOAD_ANY,
        )
    shown = ", ".join(f"« {c} »" for c in first[:4])
    return fail(
        path,
        f"ce tableau (colonnes {shown}…) ne ressemble à aucun export de publications reconnu "
        "(Meta, LinkedIn, X, YouTube, Mastodon).",
        DOWNLOAD_ANY,
    )


def _platform_reader(name: str):
    def reader(
        path,
        compte_id: str | None = None,
        *,
        sujet: str | None = None,
        abonnes: int | None = None,
        dayfirst: bool | None = None,
    ) -> pd.DataFrame:
        return read_export(
            path, compte_id, sujet=sujet, abonnes=abonnes, dayfirst=dayfirst, platform=name
        )

    reader.__name__ = reader.__qualname__ = _FUNCTION[name]
    reader.__doc__ = (
        f"Read an export of {name} only (see :mod:`socialkit.importers.{name}` for the mapping);"
        " same arguments as :func:`read_export`."
    )
    return reader


from_meta = _platform_reader("meta")
from_linkedin = _platform_reader("linkedin")
from_x = _platform_reader("x")
from_youtube = _platform_reader("youtube")
from_mastodon = _platform_reader("mastodon")


_FILL_ADVICE = {
    "sujet": 'aucun export ne le contient : indiquez sujet="…" à l\'import ou complétez la '
    'colonne, par ex. publications["sujet"] = "evenement_culture" (valeurs possibles : '
    + ", ".join(CATEGORIES["sujet"])
    + ")",
    "format": "la plateforme ne le dit pas pour ces publications : complétez la colonne, par ex. "
    'publications["format"] = publications["format"].fillna("texte") (valeurs possibles : '
    + ", ".join(CATEGORIES["format"])
    + ")",
    "reactions": "l'export n'a pas de colonne de « J'aime » : ajoutez-la sur la plateforme et "
    "exportez à nouveau",
    "partages": "l'export n'a pas de colonne de partages : ajoutez-la sur la plateforme et "
    "exportez à nouveau",
}


def save_as_dataset(frame: pd.DataFrame, folder) -> Path:
    """Write ``frame`` as ``<folder>/publications.csv`` in the kit's format; return the path.

    The folder is created if needed; an existing ``publications.csv`` there is replaced only
    once the new one is complete (the kit's own ``datasets/`` folder is refused). Several
    imports can be combined first with ``pd.concat([...], ignore_index=True)``. Read it back
    with ``load("publications", folder=folder)``.

    Required columns (non-nullable in :mod:`socialkit.schema`) that are still missing raise
    one French :class:`DataError` listing each with how to complete it; nothing is written.
    """
    folder = Path(folder)
    target = folder / "publications.csv"
    if not isinstance(frame, pd.DataFrame):
        raise DataError(
            f"Un tableau (DataFrame) est attendu, reçu {type(frame).__name__} : passez le "
            "résultat de read_export."
        )
    absent = [c for c in _base.COLUMNS if c not in frame.columns]
    if absent:
        raise DataError(
            f"Colonne(s) absente(s) du tableau : {', '.join(absent)} : passez le résultat de "
            "read_export."
        )
    if frame.empty:
        raise DataError("Le tableau est vide (0 publication) : rien à enregistrer.")
    if folder.resolve() == data.KIT_DATASETS:
        raise fail(
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
        raise fail(
            target,
            "impossible d'enregistrer au format du kit, rien n'a été écrit.",
            "Problème(s) : " + " ; ".join(problems) + ".",
        )
    return data.save(frame, "publications", folder)
