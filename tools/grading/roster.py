"""The class roster: ``roster.csv`` → hub accounts and gradebook identities.

Columns (UTF-8, comma or semicolon separated, header required)::

    identifiant,prénom,nom,courriel[,id_plateforme]

``identifiant`` is the trainee's login on the hub, their Unix account when the hub runs as
root, and their student id in nbgrader (exchange, gradebook, ``grades.csv``): lowercase
letters, digits and hyphens, starting with a letter, at most 32 characters.
``id_plateforme`` (optional) is the participant id of the LMS (Moodle…), kept in the
gradebook as ``lms_user_id``.

``python -m tools.grading.roster roster.csv [--root COURSE]`` imports the roster into the
gradebook (names, e-mail, LMS id), so the formgrader and ``grades.csv`` show who is who.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("identifiant", "prénom", "nom", "courriel")
OPTIONAL = ("id_plateforme",)
ID_RE = re.compile(r"^[a-z][a-z0-9-]{0,31}$")
# Unix accounts the roster must never name (they exist on every system).
RESERVED = {"root", "daemon", "bin", "sys", "nobody", "admin", "jupyterhub", "kitgrader"}


class RosterError(ValueError):
    """A roster problem, described in one French sentence for the instructor."""


@dataclass(frozen=True)
class Member:
    id: str
    first_name: str
    last_name: str
    email: str
    lms_id: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def _normalise(header: str) -> str:
    return header.strip().lower().replace("prenom", "prénom")


def read_roster(path: str | Path) -> list[Member]:
    """Members of ``path``, validated; raises :class:`RosterError` with a French message."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(f"Liste de la classe introuvable : {path}.")
    text = path.read_text(encoding="utf-8-sig")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    if not rows:
        raise RosterError(
            f"{path.name} est vide : une ligne d'en-tête {','.join(COLUMNS)} attendue."
        )
    header = [_normalise(h) for h in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RosterError(
            f"{path.name} : colonne(s) manquante(s) {', '.join(missing)} "
            f"(en-tête attendu : {','.join(COLUMNS)}[,id_plateforme])."
        )
    members: list[Member] = []
    seen: set[str] = set()
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = dict(zip(header, (cell.strip() for cell in row), strict=False))
        ident = values.get("identifiant", "")
        if not ID_RE.match(ident) or ident in RESERVED:
            raise RosterError(
                f"{path.name}, ligne {line_no} : identifiant « {ident} » invalide (lettres "
                "minuscules, chiffres et tirets, commençant par une lettre, 32 caractères au plus)."
            )
        if ident in seen:
            raise RosterError(f"{path.name}, ligne {line_no} : identifiant « {ident} » en double.")
        seen.add(ident)
        email = values.get("courriel", "")
        if email and "@" not in email:
            raise RosterError(f"{path.name}, ligne {line_no} : courriel « {email} » invalide.")
        members.append(
            Member(
                id=ident,
                first_name=values.get("prénom", ""),
                last_name=values.get("nom", ""),
                email=email,
                lms_id=values.get("id_plateforme") or None,
            )
        )
    if not members:
        raise RosterError(f"{path.name} ne contient aucune personne.")
    return members


def import_roster(members: list[Member], root=None) -> int:
    """Create or update every member in the gradebook of the course at ``root``."""
    from tools.grading.course import Course

    course = Course.open(root)
    try:
        with course.gradebook() as gb:
            for m in members:
                gb.update_or_create_student(
                    m.id,
                    first_name=m.first_name or None,
                    last_name=m.last_name or None,
                    email=m.email or None,
                    lms_user_id=m.lms_id,
                )
    finally:
        course.close()
    return len(members)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Importer la liste de la classe (roster.csv).")
    parser.add_argument("roster", help="fichier CSV : identifiant,prénom,nom,courriel")
    parser.add_argument("--root", default=None, help="racine du cours (défaut : dossier courant)")
    args = parser.parse_args(argv)
    try:
        members = read_roster(args.roster)
    except RosterError as exc:
        print(exc, file=sys.stderr)
        return 2
    n = import_roster(members, args.root)
    print(f"{n} personne(s) inscrite(s) dans le carnet de notes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
