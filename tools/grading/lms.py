"""Grades in the LMS's import format: ``python -m tools.grading.lms <assignment>``.

Writes ``notes-moodle-<assignment>.csv`` for Moodle's grade import (Notes → Importer →
Fichier CSV): one row per trainee with ``Adresse de courriel``, ``Numéro d'identification``
(the roster's ``id_plateforme``), the grade out of the assignment's maximum and the
instructor's comments. In Moodle, map « Adresse de courriel » to the user's e-mail and the
grade column to the assignment's grade item. Provisional rows (a manual grade still
pending) are left out unless ``--provisoires`` is given: they would overwrite a final grade.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from tools.grading.course import Course


def moodle_rows(course: Course, assignment: str, provisional: bool = False) -> list[dict]:
    from nbgrader.api import MissingEntry

    rows = []
    with course.gradebook() as gb:
        for student in sorted(gb.students, key=lambda s: s.id):
            try:
                sub = gb.find_submission(assignment, student.id)
            except MissingEntry:
                continue
            if sub.needs_manual_grade and not provisional:
                continue
            comments = [
                c.manual_comment
                for nb in sub.notebooks
                for c in nb.comments
                if c.manual_comment and c.manual_comment.strip()
            ]
            rows.append(
                {
                    "Adresse de courriel": student.email or "",
                    "Numéro d'identification": student.lms_user_id or "",
                    "Prénom": student.first_name or "",
                    "Nom": student.last_name or "",
                    f"{assignment} (note)": round(sub.score, 2),
                    f"{assignment} (commentaire)": " | ".join(comments),
                }
            )
    return rows


def write_moodle(assignment: str, root=None, provisional: bool = False) -> Path:
    course = Course.open(root)
    rows = moodle_rows(course, assignment, provisional)
    course.close()
    path = course.root / f"notes-moodle-{assignment}.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        fields = list(rows[0]) if rows else ["Adresse de courriel", f"{assignment} (note)"]
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Exporter les notes au format d'import Moodle.")
    parser.add_argument("assignment", help="identifiant du devoir")
    parser.add_argument("--root", default=None, help="racine du cours (défaut : dossier courant)")
    parser.add_argument(
        "--provisoires", action="store_true", help="inclure les notes en attente de correction"
    )
    args = parser.parse_args(argv)
    path = write_moodle(args.assignment, args.root, args.provisoires)
    print(f"Notes pour l'import Moodle : {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
