"""``python -m tools.grading.collect <assignment> <folder-or-zip>``: import submissions.

Accepted layouts (one notebook per trainee):

- ``<folder>/<student>.ipynb``
- ``<folder>/<student>/<anything>.ipynb`` (plus any other files, kept but ignored)
- an LMS ``.zip`` of either layout (Moodle-style folder names such as
  ``Jean Dupont_12345_assignsubmission_file_`` become ``jean-dupont``).

Each submission lands in ``submitted/<student>/<assignment>/<notebook>.ipynb`` with a
``timestamp.txt``; unknown students are added to the gradebook.

Hostile input is expected: archives are checked against size, count and compression-ratio
limits while they are extracted (declared sizes are not trusted); symlinks are never
followed nor extracted; absolute or ``..`` paths are refused; two people whose names give
the same id (homonyms with different LMS ids, ``Lea`` / ``LEA``) get distinct ids (a
suffix) and a French warning. Every skipped file is reported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import stat
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from tools.grading.course import Course, slugify_student

_LMS_SUFFIX = re.compile(r"_(\d+)_(assignsubmission|onlinetext|file).*$", re.I)
_SKIP = {".ipynb_checkpoints", "__pycache__", "__MACOSX", ".DS_Store"}

# Archive limits (nbgrader's own file limit is 100 MB).
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_ENTRIES = 20_000
MAX_RATIO = 200  # uncompressed / compressed, for members above 1 MiB


class Report(dict):
    """{student: French status}; ``skipped``: [(path, reason)]; ``warnings``: [French]."""

    def __init__(self):
        super().__init__()
        self.skipped: list[tuple[str, str]] = []
        self.warnings: list[str] = []


def student_id_from(name: str) -> str:
    stem = Path(name).stem if name.endswith(".ipynb") else name
    return slugify_student(_LMS_SUFFIX.sub("", stem))


def lms_id(name: str) -> str | None:
    match = _LMS_SUFFIX.search(Path(name).stem if name.endswith(".ipynb") else name)
    return match.group(1) if match else None


def _extract(archive: Path, dest: Path, report: Report) -> None:
    """Extract ``archive`` into ``dest`` within the limits; never a link, never outside."""
    total = 0
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise SystemExit(
                f"Archive refusée : {len(infos)} fichiers (au plus {MAX_ENTRIES}). "
                "Vérifiez qu'il s'agit bien de l'export des remises."
            )
        for info in infos:
            name = info.filename
            mode = info.external_attr >> 16
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if stat.S_ISLNK(mode):
                report.skipped.append((name, "lien symbolique (jamais extrait)"))
                continue
            if not parts or name.startswith("/") or ".." in parts or ":" in parts[0]:
                report.skipped.append((name, "chemin dangereux (absolu ou « .. »)"))
                continue
            if info.is_dir():
                continue
            if info.file_size > MAX_FILE_BYTES:
                report.skipped.append((name, f"fichier trop gros ({info.file_size // 2**20} Mo)"))
                continue
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                report.skipped.append((name, "taux de compression suspect (bombe zip ?)"))
                continue
            target = dest.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            too_big = False
            with zf.open(info) as src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    total += len(chunk)
                    if written > MAX_FILE_BYTES or written > MAX_RATIO * max(
                        info.compress_size, 2**20 // MAX_RATIO
                    ):
                        too_big = True
                        break
                    if total > MAX_TOTAL_BYTES:
                        out.close()
                        target.unlink()
                        raise SystemExit(
                            f"Archive refusée : plus de {MAX_TOTAL_BYTES // 2**20} Mo une fois "
                            "décompressée (bombe zip ?)."
                        )
                    out.write(chunk)
            if too_big:
                target.unlink()
                total -= written
                report.skipped.append((name, "taille réelle au-delà des limites (bombe zip ?)"))


def _walk(entry: Path, report: Report, root: Path) -> list[Path]:
    """Regular files under ``entry``, without following or keeping any symlink."""
    files = []
    for dirpath, dirnames, filenames in os.walk(entry, followlinks=False):
        for name in list(dirnames):
            path = Path(dirpath, name)
            if name in _SKIP or path.is_symlink():
                dirnames.remove(name)
                if path.is_symlink():
                    report.skipped.append((str(path.relative_to(root)), "lien symbolique"))
        for name in filenames:
            path = Path(dirpath, name)
            rel = str(path.relative_to(root))
            if name in _SKIP:
                report.skipped.append((rel, "fichier système ignoré"))
            elif path.is_symlink():
                report.skipped.append((rel, "lien symbolique"))
            elif not path.is_file():
                report.skipped.append((rel, "fichier spécial"))
            elif path.stat().st_size > MAX_FILE_BYTES:
                report.skipped.append((rel, "fichier trop gros"))
            else:
                files.append(path)
    return sorted(files)


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
            and not entries[0].is_symlink()
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
        return sorted(notebooks, key=lambda p: p.lstat().st_mtime)[-1]
    return None


def _entries(source: Path, report: Report) -> list[tuple[Path, str, str]]:
    """(entry, student id, original name) per submission, ids made distinct."""
    chosen: list[tuple[Path, str, str]] = []
    owner: dict[str, str] = {}  # id -> the original name it stands for
    for entry in sorted(source.iterdir()):
        if entry.name in _SKIP or entry.name.startswith("."):
            if entry.name not in _SKIP:
                report.skipped.append((entry.name, "fichier caché ignoré"))
            continue
        if entry.is_symlink():
            report.skipped.append((entry.name, "lien symbolique (jamais suivi)"))
            continue
        if not (entry.is_dir() or (entry.is_file() and entry.suffix == ".ipynb")):
            report.skipped.append((entry.name, "ni dossier ni notebook"))
            continue
        student = student_id_from(entry.name)
        key = entry.name if entry.is_dir() else entry.stem
        if student in owner and owner[student] != key:
            lms = lms_id(entry.name)
            candidate = f"{student}-{lms}" if lms else f"{student}-2"
            n = 2
            while candidate in owner:
                n += 1
                candidate = f"{student}-{n}"
            report.warnings.append(
                f"« {key} » et « {owner[student]} » donnent le même identifiant "
                f"« {student} » : « {key} » devient « {candidate} ». Vérifiez qu'il s'agit "
                "bien de deux personnes."
            )
            student = candidate
        owner[student] = key
        chosen.append((entry, student, key))
    return chosen


def _files_of(entry: Path, source: Path, expected: list[str], target_name: str, report):
    if entry.is_file():
        return [(entry, target_name)], "importé"
    all_files = _walk(entry, report, source)
    notebooks = [p for p in all_files if p.suffix == ".ipynb"]
    chosen = _pick_notebook(notebooks, expected)
    files = []
    message = "aucun notebook dans la remise"
    if chosen is not None:
        files.append((chosen, target_name))
        message = "importé"
        if len(notebooks) > 1:
            message = f"importé ({chosen.name} retenu parmi {len(notebooks)} notebooks)"
    for p in all_files:
        if p == chosen:
            continue
        rel = p.relative_to(entry).as_posix()
        files.append((p, "autre-" + rel if rel == target_name else rel))
    return files, message


def collect(assignment: str, source, root=None, quiet: bool = False) -> Report:
    """Import submissions; return {student: French status message} (a :class:`Report`)."""
    course = Course.open(root)
    source = Path(source)
    expected = _notebook_names(course, assignment)
    if not expected:
        raise SystemExit(
            f"Le devoir « {assignment} » n'a pas de notebook : lancez d'abord la publication "
            "(python -m tools.grading.release)."
        )
    target_name = expected[0] + ".ipynb"
    report = Report()
    tmp = None
    try:
        if source.is_symlink():
            raise SystemExit(f"Source refusée : {source} est un lien symbolique.")
        if source.is_file() and zipfile.is_zipfile(source):
            tmp = Path(tempfile.mkdtemp(prefix="kit-collect-"))
            _extract(source, tmp, report)
            source = _unwrap(tmp)
        if not source.is_dir():
            raise SystemExit(f"Dossier ou archive introuvable : {source}")
        for entry, student, _ in _entries(source, report):
            files, message = _files_of(entry, source, expected, target_name, report)
            dest = course.submitted_dir(student, assignment)
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            newest = None
            for src, rel in files:
                out = dest / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, out, follow_symlinks=False)
                if newest is None or src.lstat().st_mtime > newest.lstat().st_mtime:
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
        for warning in report.warnings:
            print(f"ATTENTION : {warning}")
        if report.skipped:
            print(f"{len(report.skipped)} fichier(s) ignoré(s) :")
            for path, reason in report.skipped:
                print(f"  {path} : {reason}")
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
