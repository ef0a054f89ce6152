"""Fill-in templates for a trainee's own tables (accounts, comments, followers, mentions…).

No platform exports the account inventory, the comments with the time of the institution's
reply, the daily follower counts or the mentions found by listening in the kit's shape. The
templates give each table as a workbook (``.xlsx``: the table with French column names and one
example row, plus a sheet « Aide » describing each column) or as a CSV (``;`` and UTF-8 with
BOM, what a Belgian Excel opens directly). Once filled and saved in ``mes_donnees/``,
``load("comptes", folder="mes_donnees")`` reads and validates them (line-numbered French
errors), like the sample tables.

Column names are those of :mod:`socialkit.schema` (French, without accents, what the notebooks
use); cells may be written the French way: ``oui``/``non``, ``0,5``, ``02/03/2026 09:15``
(the day/month order is asked for with ``dayfirst=`` when the file does not settle it),
Excel date cells.
"""

from __future__ import annotations

import csv
from pathlib import Path

from socialkit.files import DataError
from socialkit.schema import CATEGORIES, TABLES

__all__ = ["EXAMPLES", "describe", "write_template", "write_templates"]

# One realistic row per table, as a trainee would type it (French habits on purpose).
EXAMPLES: dict[str, dict[str, str]] = {
    "institutions": {
        "institution_id": "I99",
        "nom": "Commune de Blanc-Ruisseau",
        "type_institution": "commune",
        "localite": "Blanc-Ruisseau",
        "site_web": "https://www.blanc-ruisseau.example",
        "population_desservie": "12400",
    },
    "comptes": {
        "compte_id": "FB-commune",
        "institution_id": "I99",
        "type_compte": "institutionnel",
        "plateforme": "facebook",
        "identifiant": "CommuneBlancRuisseau",
        "nom_affiche": "Commune de Blanc-Ruisseau",
        "service": "Communication",
        "role": "aucun",
        "officiel": "oui",
        "reference_site_web": "oui",
        "nb_admins": "2",
        "admins_profils_personnels": "non",
        "double_authentification": "oui",
        "charte_moderation": "non",
        "langues": "fr",
        "cree_le": "2014-05-12",
        "statut_declare": "actif",
    },
    "publications": {
        "publication_id": "FB-0001",
        "compte_id": "FB-commune",
        "publie_le": "2026-03-02 09:15",
        "sujet": "dechets_environnement",
        "format": "photo",
        "texte": "♻️ Collecte des encombrants le 14 mars : inscrivez-vous avant le 10.",
        "relaie_hors_ligne": "non",
        "sponsorise": "non",
        "abonnes_au_moment": "3150",
        "portee": "1820",
        "impressions": "2400",
        "reactions": "45",
        "commentaires": "6",
        "partages": "9",
        "clics": "120",
    },
    "commentaires": {
        "commentaire_id": "COM-0001",
        "publication_id": "FB-0001",
        "compte_id": "FB-commune",
        "auteur_id": "citoyen-1",
        "cree_le": "2026-03-02 10:40",
        "categorie": "question",
        "sentiment": "0,1",
        "texte": "Est-ce que le recyparc accepte les pots de peinture ?",
        "necessite_reponse": "oui",
        "repondu_le": "2026-03-02 11:05",
        "reponse_texte": "Bonjour, oui : conteneur « déchets spéciaux ». Bonne journée !",
        "action_moderation": "aucune",
    },
    "abonnes": {
        "date": "2026-03-02",
        "compte_id": "FB-commune",
        "abonnes": "3150",
        "nouveaux": "4",
        "desabonnements": "1",
    },
    "mentions": {
        "mention_id": "MEN-0001",
        "publiee_le": "2026-03-03 18:20",
        "institution_id": "I99",
        "plateforme": "facebook",
        "source_type": "media",
        "abonnes_source": "8200",
        "sentiment": "0,4",
        "est_partage": "non",
        "texte": "Blanc-Ruisseau lance sa collecte d'encombrants sur inscription.",
    },
}

_KINDS = {
    "str": "texte",
    "int": "nombre entier (1500 ou 1.500)",
    "float": "nombre (0,5 ou 0.5)",
    "bool": "oui ou non",
    "datetime": "date et heure (2026-03-02 09:15 ou 02/03/2026 09:15)",
    "date": "date (2026-03-02 ou 02/03/2026)",
}


def describe(table: str) -> list[tuple[str, str, str, str]]:
    """(column, required, expected kind, example) for each column of ``table``, in French."""
    _check(table)
    rows = []
    for name, kind, nullable in TABLES[table]:
        if kind == "category":
            expected = "une valeur parmi : " + ", ".join(CATEGORIES[name])
        else:
            expected = _KINDS[kind]
        required = "facultatif (cellule vide permise)" if nullable else "obligatoire"
        rows.append((name, required, expected, EXAMPLES[table][name]))
    return rows


def _check(table: str) -> None:
    if table not in TABLES:
        known = ", ".join(f"« {t} »" for t in TABLES)
        raise DataError(f"Il n'existe pas de tableau « {table} ». Tableaux disponibles : {known}.")


def write_template(table: str, folder, kind: str = "xlsx") -> Path:
    """Write the template of ``table`` into ``folder`` (``.xlsx`` or ``.csv``); return the path.

    An existing file of that name is never overwritten (a French error says so): the template
    is meant to be filled, not to replace a filled table.
    """
    _check(table)
    if kind not in ("xlsx", "csv"):
        raise DataError(f"Format de modèle inconnu : « {kind} ». Choix possibles : xlsx, csv.")
    folder = Path(folder)
    target = folder / f"{table}.{kind}"
    if target.exists():
        raise DataError(
            f"Le fichier « {target} » existe déjà : il n'est pas remplacé par un modèle vide. "
            "Renommez-le ou choisissez un autre dossier."
        )
    folder.mkdir(parents=True, exist_ok=True)
    header = [name for name, _, _ in TABLES[table]]
    example = [EXAMPLES[table][name] for name in header]
    if kind == "csv":
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow(header)
            writer.writerow(example)
        return target
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = table
    sheet.append(header)
    sheet.append(example)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, width + 2)
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet("Aide")
    help_sheet.append(
        [
            f"Tableau « {table} » : remplacez la ligne d'exemple par vos données, une ligne par "
            "élément ; ne renommez pas les colonnes."
        ]  # fmt: skip
    )
    help_sheet.append(["colonne", "obligatoire ?", "contenu attendu", "exemple"])
    for row in describe(table):
        help_sheet.append(list(row))
    for cell in help_sheet[2]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (26, 32, 70, 50), strict=True):
        help_sheet.column_dimensions[letter].width = width
    book.save(target)
    return target


def write_templates(folder, kind: str = "xlsx") -> list[Path]:
    """Write the template of every table not yet present in ``folder``; return the paths."""
    folder = Path(folder)
    written = []
    for table in TABLES:
        if any((folder / f"{table}.{ext}").exists() for ext in ("csv", "xlsx", "xls")):
            continue
        written.append(write_template(table, folder, kind))
    return written
