"""Register an assignment in the gradebook when it was never released (``make grade`` first).

On a fresh clone ``exercises/`` already exists, so an instructor may collect and grade
without ``make release``: the gradebook then has no record of the assignment's cells.
:func:`ensure_registered` records them with ``nbgrader generate_assignment`` writing its
release copy to a temporary folder (``exercises/`` is left as it is), or explains in French
what to run when the assignment's source is missing.
"""

from __future__ import annotations

import sys
import tempfile

from tools.grading.course import Course, run_nbgrader


def is_registered(course: Course, assignment: str) -> bool:
    from nbgrader.api import MissingEntry

    with course.gradebook() as gb:
        try:
            return bool(gb.find_assignment(assignment).notebooks)
        except MissingEntry:
            return False


def ensure_registered(assignment: str | None, root=None) -> int:
    """0 when ``assignment`` is (now) in the gradebook; 2 with a French message otherwise."""
    if not assignment:
        return 0
    course = Course.open(root)
    try:
        if is_registered(course, assignment):
            return 0
        if not course.source_dir(assignment).is_dir():
            print(
                f"Devoir « {assignment} » inconnu : ni dans le carnet de notes ni dans "
                f"{course.coursedir.source_directory}/. Vérifiez le nom (ls "
                f"{course.coursedir.source_directory}/), puis lancez "
                f"make release ASSIGNMENT=<devoir>.",
                file=sys.stderr,
            )
            return 2
        print(
            f"Le devoir « {assignment} » n'était pas enregistré (make release jamais lancé) : "
            "enregistrement dans le carnet de notes."
        )
    finally:
        course.close()
    with tempfile.TemporaryDirectory(prefix="kit-register-") as tmp:
        rc = run_nbgrader(
            [
                "generate_assignment",
                assignment,
                "--force",
                f"--CourseDirectory.release_directory={tmp}",
            ],
            course.root,
            quiet=True,
        )
    if rc != 0:
        print(
            f"Échec de l'enregistrement de « {assignment} » : lancez make release "
            f"ASSIGNMENT={assignment} et lisez son message.",
            file=sys.stderr,
        )
        return 2
    return 0
