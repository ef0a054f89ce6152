"""``python -m tools.grading.release <assignment>``: build the trainee version.

Runs ``nbgrader generate_assignment <id> --force`` (solutions/ → exercises/, and the
assignment's cells are recorded in gradebook.db), then ``nbgrader release_assignment``
when an exchange is configured (``c.Exchange.root``).
"""

from __future__ import annotations

import argparse
import sys

from tools.grading.course import Course, run_nbgrader


def release(assignment: str, root=None, quiet: bool = False) -> int:
    course = Course.open(root)
    if not course.source_dir(assignment).is_dir():
        print(
            f"Devoir introuvable : {course.source_dir(assignment)} n'existe pas.", file=sys.stderr
        )
        return 2
    rc = run_nbgrader(["generate_assignment", assignment, "--force"], course.root, quiet)
    if rc != 0:
        print(f"Échec de nbgrader generate_assignment (code {rc}).", file=sys.stderr)
        return rc
    print(f"Version stagiaire écrite dans {course.release_dir(assignment)}.")
    if course.exchange_root:
        rc = run_nbgrader(["release_assignment", assignment, "--force"], course.root, quiet)
        if rc != 0:
            print(f"Échec de nbgrader release_assignment (code {rc}).", file=sys.stderr)
            return rc
        print(f"Devoir publié dans l'échange {course.exchange_root}.")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Générer (et publier) un devoir.")
    parser.add_argument("assignment", help="identifiant du devoir (dossier de solutions/)")
    parser.add_argument("--root", default=None, help="racine du cours (défaut : dossier courant)")
    args = parser.parse_args(argv)
    return release(args.assignment, args.root)


if __name__ == "__main__":
    sys.exit(main())
