"""What the import assistant shows and does, as pure functions (the widget only displays them).

:func:`inspect_export` reads an uploaded file (name and bytes) with :func:`read_export` and
returns an :class:`ImportReport`: the table or the French error, the detected platform, the
period covered, the file type, the French warnings (« problems found ») and a ten-row
preview with French column titles. :func:`save_report` adds the posts to the trainee's
``mes_donnees/publications.csv`` (posts already there with the same id are replaced), all or
nothing, through :func:`save_as_dataset`.
"""

from __future__ import annotations

import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from socialkit import fr
from socialkit.data import load
from socialkit.files import DataError
from socialkit.importers._read import read_export, save_as_dataset

PLATFORM_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
    "x": "X",
    "youtube": "YouTube",
    "mastodon": "Mastodon",
}
PREVIEW_COLUMNS = {
    "publie_le": "publiée le",
    "format": "format",
    "portee": "portée",
    "impressions": "impressions",
    "reactions": "réactions",
    "commentaires": "commentaires",
    "partages": "partages",
    "texte": "texte",
}


@dataclass
class ImportReport:
    """What the assistant found in one file."""

    name: str
    table: pd.DataFrame | None = None
    error: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.table is not None

    @property
    def platform(self) -> str:
        if self.table is None:
            return ""
        found = self.table.attrs.get("plateforme", "")
        names = found if isinstance(found, list) else [found]
        return ", ".join(PLATFORM_NAMES.get(n, n) for n in names)

    @property
    def period(self) -> str:
        if self.table is None or self.table.empty:
            return ""
        first, last = self.table["publie_le"].min(), self.table["publie_le"].max()
        return f"du {fr.date(first)} au {fr.date(last)}"

    def summary(self) -> str:
        """One French sentence: platform, number of posts, period, file type."""
        if self.table is None:
            return f"« {self.name} » n'a pas pu être importé."
        posts = fr.plural(len(self.table), "publication")
        source = self.table.attrs.get("source", "")
        return f"{self.platform} : {posts} {self.period} ({source})."

    def preview(self, rows: int = 10) -> pd.DataFrame:
        """The first ``rows`` posts with French column titles and French dates."""
        if self.table is None:
            return pd.DataFrame()
        head = self.table[list(PREVIEW_COLUMNS)].head(rows).copy()
        head["publie_le"] = [
            f"{fr.short_date(s)} {s:%H:%M}" if pd.notna(s) else "" for s in head["publie_le"]
        ]
        head["texte"] = head["texte"].str.slice(0, 80)
        return head.rename(columns=PREVIEW_COLUMNS)


def inspect_export(
    name: str,
    content: bytes,
    compte_id: str | None = None,
    *,
    sujet: str | None = None,
    abonnes: int | None = None,
    dayfirst: bool | None = None,
    missing_format: str | None = None,
) -> ImportReport:
    """Read an uploaded export (its file name and bytes); never raises for a bad file.

    ``missing_format`` (one of the kit's formats) is given to the posts whose format the
    export does not tell (X posts without a link, for instance).
    """
    report = ImportReport(Path(name).name or "export")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / report.name
        path.write_bytes(content)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                table = read_export(
                    path, compte_id, sujet=sujet, abonnes=abonnes, dayfirst=dayfirst
                )
            except DataError as exc:
                report.error = str(exc).replace(f"{path.parent}/", "")
                return report
    if missing_format is not None and table["format"].isna().any():
        count = int(table["format"].isna().sum())
        table["format"] = table["format"].fillna(missing_format)
        caught.append(
            warnings.WarningMessage(
                f"format « {missing_format} » donné à {fr.plural(count, 'publication')} dont "
                "l'export ne dit pas le format.",
                UserWarning,
                __file__,
                0,
            )
        )
    report.table = table
    report.problems = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    return report


def save_report(report: ImportReport, folder="mes_donnees") -> Path:
    """Add the report's posts to ``<folder>/publications.csv``; replaced ids win. All or nothing."""
    if report.table is None:
        raise DataError(f"Rien à enregistrer : « {report.name} » n'a pas pu être importé.")
    folder = Path(folder)
    new = report.table
    if (folder / "publications.csv").exists():
        old = load("publications", folder=folder)
        old = old[~old["publication_id"].isin(new["publication_id"])]
        new = pd.concat([old, new], ignore_index=True).sort_values("publie_le")
    return save_as_dataset(new.reset_index(drop=True), folder)
