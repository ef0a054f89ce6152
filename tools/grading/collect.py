"""``python -m tools.grading.collect <assignment> <folder-or-zip>``: import submissions.

Accepted layouts (one notebook per trainee):

- ``<folder>/<student>.ipynb``
- ``<folder>/<student>/<anything>.ipynb`` (plus any other files, kept but ignored)
- an LMS ``.zip`` of either layout (Moodle-style folder names such as
  ``Jean Dupont_12345_assignsubmission_file_`` become ``jean-dupont``).

Each submission lands in ``submitted/<student>/<assignment>/<notebook>.ipynb`` with a
``timestamp.txt``; unknown students are added to the gradebook.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from tools.grading.course import Course, slugify_student

_LMS_SUFFIX = re.compile(r"_\d+_(assignsubmission|onlinetext|file).*$", re.I)
_SKIP = {".ipynb_checkpoints", "__pycache__", "__MACOSX", ".DS_Store"}


def student_id_from(name: str) -> str:
    stem = Path(name).stem if name.endswith(".ipynb") else name
    return slugify_student(_LMS_SUFFIX.sub("", stem))


def _notebook_names(course: Course, assignment: str) -> list[str]:
    with course.gradebook() as gb:
        try:
            return [nb.name for nb in gb.find_assignment(assignment).notebooks]
        except Exception:  # noqa: BLE001 - assignment not generated yet
            pass
    src = course.source_dir(assignment)
    return sorted(p.stem for p in src.glob("*.ipynb"))


def _timestamp(path: Path) -> str:
    when = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    return when.strftime("%Y-%m-%d %H:%M:%S.%f %Z")


def _unwrap(folder: Path) -> Path:
    """Descend through a single wrapping folder (typical of LMS zips)."""
    while True:
        entries = [p for p in folder.iterdir() if p.name not in _SKIP]
        if (
            len(entries) == 1
            and entries[0].is_dir()
            and not any(entries[0].glob("*.ipynb"))
            and any(entries[0].iterdir())
        ):
            folder = entries[0]
            continue
        return folder


def _pick_notebook(notebooks: list[Path], expected: list[str]) -> Path | None:
    for p in notebooks:
        if p.stem in expected:
            return p
    if len(notebooks) >= 1:
        return sorted(notebooks, key=lambda p: p.stat().st_mtime)[-1]
    return None


def collect(assignment: str, source, root=None, quiet: bool = False) -> dict[str, str]:
    """Import submissions; return {student: French status message}."""
    course = Course.open(root)
    source = Path(source)
    expected = _notebook_names(course, assignment)
    if not expected:
        raise SystemExit(
            f"Le devoir « {assignment} » n'a pas de notebook : lancez d'abord la publication "
            "(python -m tools.grading.release)."
        )
    target_name = expected[0] + ".ipynb"
    tmp = None
    try:
        if source.is_file() and zipfile.is_zipfile(source):
            tmp = Path(tempfile.mkdtemp(prefix="kit-collect-"))
            with zipfile.ZipFile(source) as zf:
                for info in zf.infolist():
                    dest = (tmp / info.filename).resolve()
                    if not str(dest).startswith(str(tmp.resolve())):
                        continue  # zip slip
                    zf.extract(info, tmp)
            source = _unwrap(tmp)
        if not source.is_dir():
            raise SystemExit(f"Dossier ou archive introuvable : {source}")
        report: dict[str, str] = {}
        for entry in sorted(source.iterdir()):
            if entry.name in _SKIP or entry.name.startswith("."):
                continue
            if entry.is_file() and entry.suffix == ".ipynb":
                student = student_id_from(entry.name)
                files = [(entry, target_name)]
                message = "importé"
            elif entry.is_dir():
                student = student_id_from(entry.name)
                all_files = [
                    p
                    for p in entry.rglob("*")
                    if p.is_file() and not any(part in _SKIP for part in p.parts)
                ]
                notebooks = [p for p in all_files if p.suffix == ".ipynb"]
                chosen = _pick_notebook(notebooks, expected)
                files = []
                if chosen is not None:
                    files.append((chosen, target_name))
                    message = "importé"
                    if len(notebooks) > 1:
                        message = f"importé ({chosen.name} retenu parmi {len(notebooks)} notebooks)"
                else:
                    message = "aucun notebook dans la remise"
                for p in all_files:
                    if p is chosen:
                        continue
                    rel = p.relative_to(entry).as_posix()
                    if rel == target_name:
                        rel = "autre-" + rel
                    files.append((p, rel))
            else:
                continue
            dest = course.submitted_dir(student, assignment)
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            newest = None
            for src, rel in files:
                out = dest / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, out)
                if newest is None or src.stat().st_mtime > newest.stat().st_mtime:
                    newest = src
            (dest / "timestamp.txt").write_text(_timestamp(newest or dest), encoding="utf-8")
            report[student] = message
        with course.gradebook() as gb:
            for student in report:
                gb.update_or_create_student(student)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    if not quiet:
        for student, message in report.items():
            print(f"  {student:30s} {message}")
        print(f"{len(report)} remise(s) importée(s) dans {course.coursedir.submitted_directory}/.")
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Importer les remises d'un devoir.")
    parser.add_argument("assignment", help="identifiant du devoir")
    parser.add_argument("source", help="dossier de notebooks ou archive .zip de la plateforme")
    parser.add_argument("--root", default=None, help="racine du cours (défaut : dossier courant)")
    args = parser.parse_args(argv)
    collect(args.assignment, args.source, args.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
