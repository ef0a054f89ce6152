"""The kit and nbgrader's exchange: collect from it, give feedback back through it.

- ``python -m tools.grading.exchange collect <assignment> [--root COURSE]`` (also
  ``make collect ASSIGNMENT=<id> FROM=exchange``): ``nbgrader collect --update`` into
  ``submitted/``. The submission time kept is the exchange's ``timestamp.txt`` (the moment the
  trainee clicked Submit); ``--update`` only replaces a copy by a newer submission, so a
  re-collect keeps everyone's time.
- ``python -m tools.grading.exchange release-feedback <assignment> [--root COURSE]``: the
  kit's feedback (French, no test code) through ``nbgrader release_feedback``. nbgrader needs
  ``timestamp.txt`` and ``submission_secret.txt`` next to each feedback file (it hashes the
  secret to name the file only the trainee can find); they are copied from ``submitted/``.
  Any feedback HTML that contains hidden-test or solution markers is refused.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
from pathlib import Path

from tools.grading.course import Course, run_nbgrader

# Files nbgrader's exchange writes into every submission: never « fichiers en trop ».
NBGRADER_FILES = ("timestamp.txt", "submission_secret.txt")
LEAK_MARKERS = (
    "BEGIN HIDDEN TESTS",
    "END HIDDEN TESTS",
    "BEGIN SOLUTION",
    "END SOLUTION",
    "check_",
    "assert ",
)


def _students(course: Course, assignment: str) -> list[str]:
    submitted = Path(course.coursedir.root) / course.coursedir.submitted_directory
    return sorted(p.parent.name for p in submitted.glob(f"*/{assignment}") if p.is_dir())


def collect(assignment: str, root=None) -> int:
    course = Course.open(root)
    if not course.exchange_root:
        print(
            "Aucun échange nbgrader configuré (c.Exchange.root) : collectez un dossier ou "
            "l'archive de la plateforme (make collect ASSIGNMENT=… FROM=remises.zip).",
            file=sys.stderr,
        )
        return 2
    rc = run_nbgrader(["collect", assignment, "--update"], course.root)
    if rc != 0:
        print(f"Échec de nbgrader collect (code {rc}).", file=sys.stderr)
        return rc
    students = _students(course, assignment)
    for student in students:
        _not_world_writable(course.submitted_dir(student, assignment))
    from nbgrader.api import MissingEntry

    with course.gradebook() as gb:
        for student in students:
            try:
                gb.find_student(student)  # roster identities are kept as they are
            except MissingEntry:
                gb.update_or_create_student(student)
    course.close()
    print(f"{len(students)} remise(s) dans {course.coursedir.submitted_directory}/ (échange).")
    return 0


def _not_world_writable(folder: Path) -> None:
    """Give a collected copy the modes of an ordinary file tree (0755 / 0644).

    nbgrader's exchange hands submissions over world-writable (0777) so that any account can
    submit; once collected they belong to the course, whose root is private to the instructor.
    Files keep read access for others so that a copy collected by root stays readable by the
    instructor's formgrader.
    """
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() else 0o644)


def leaks(html_text: str) -> list[str]:
    return [m for m in LEAK_MARKERS if m in html_text]


def prepare_feedback(course: Course, assignment: str) -> list[str]:
    """Copy nbgrader's two files next to each feedback; return the students ready."""
    ready = []
    for student in _students(course, assignment):
        fb = course.feedback_dir(student, assignment)
        sub = course.submitted_dir(student, assignment)
        if not fb.is_dir() or not any(fb.glob("*.html")):
            continue
        for html in fb.glob("*.html"):
            found = leaks(html.read_text(encoding="utf-8", errors="replace"))
            if found:
                raise SystemExit(
                    f"{html} contient du code de test ({', '.join(found)}) : "
                    "régénérez les retours avec make feedback avant de les publier."
                )
        for name in NBGRADER_FILES:
            if (sub / name).exists():
                shutil.copyfile(sub / name, fb / name)
        if all((fb / name).exists() for name in NBGRADER_FILES):
            ready.append(student)
    return ready


def release_feedback(assignment: str, root=None) -> int:
    course = Course.open(root)
    if not course.exchange_root:
        print(
            "Aucun échange nbgrader configuré : envoyez les fichiers de feedback/ par courriel "
            "ou par la plateforme.",
            file=sys.stderr,
        )
        return 2
    ready = prepare_feedback(course, assignment)
    if not ready:
        print(f"Aucun retour à publier pour {assignment} : lancez d'abord make feedback.")
        return 1
    rc = run_nbgrader(["release_feedback", assignment], course.root)
    if rc != 0:
        print(f"Échec de nbgrader release_feedback (code {rc}).", file=sys.stderr)
        return rc
    print(f"Retours publiés dans l'échange pour {len(ready)} personne(s).")
    return 0


def fix_owner(root=None) -> int:
    """As root, give the course's files back to the owner of the course directory.

    Grading runs as root (the kit's isolation needs it); the instructor's server, which runs
    as the instructor, must still be able to write the gradebook and read autograded/.
    """
    root = Path(root or ".").resolve()
    owner = root.stat()
    if os.geteuid() != 0 or owner.st_uid == 0:
        return 0
    paths = [root, *root.rglob("*")]
    # The course's folder in the exchange (created by a release run as root): the instructor's
    # formgrader must write feedback/ there and read inbound/. Trainees' files stay theirs.
    course = Course.open(root)
    if course.exchange_root:
        base = Path(course.exchange_root) / course.course_id
        paths += [base, base / "inbound"]
        for sub in ("outbound", "feedback"):
            paths += [base / sub, *(base / sub).rglob("*")]
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            if path.lstat().st_uid != owner.st_uid:
                os.lchown(path, owner.st_uid, owner.st_gid)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Collecter et rendre les retours par l'échange.")
    parser.add_argument("action", choices=["collect", "release-feedback", "fix-owner"])
    parser.add_argument("assignment", nargs="?", default="", help="identifiant du devoir")
    parser.add_argument("--root", default=None, help="racine du cours (défaut : dossier courant)")
    args = parser.parse_args(argv)
    if args.action == "fix-owner":
        return fix_owner(args.root)
    if not args.assignment:
        parser.error("précisez le devoir")
    if args.action == "collect":
        return collect(args.assignment, args.root)
    return release_feedback(args.assignment, args.root)


if __name__ == "__main__":
    sys.exit(main())
