"""Generate ``exercises/`` (trainee versions) from ``solutions/`` with nbgrader.

``python -m tools.exercises`` first regenerates the header of every notebook of
``solutions/`` from its nbgrader metadata (:mod:`tools.headers`), then regenerates every
assignment (or those named on the command line) with nbgrader's ``generate_assignment``
converter, in this process, and puts the notebooks in the kit's normal form. ``--check``
generates into a temporary folder and exits 1 when ``exercises/`` (or a header) differs,
naming the files: nobody edits ``exercises/`` by hand. The test suite makes the same
comparison (``tests/test_assignments.py``) with one generation per run.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from tools import headers
from tools.notebooks import dumps, normalise

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "solutions"
RELEASE = ROOT / "exercises"


def assignments() -> list[str]:
    return sorted(p.name for p in SOURCE.iterdir() if p.is_dir() and not p.name.startswith("."))


def generate(names: list[str], release: Path) -> None:
    """Run nbgrader's ``generate_assignment`` for ``names`` into ``release``.

    In this process (one nbgrader start-up for all assignments, no gradebook), with the
    kit's ``nbgrader_config.py``; the notebooks are then put in the kit's normal form.
    """
    from nbgrader.converters import GenerateAssignment
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import PyFileConfigLoader

    release.mkdir(parents=True, exist_ok=True)
    logging.getLogger("traitlets").setLevel(logging.WARNING)
    for name in names:
        config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
        config.CourseDirectory.root = str(ROOT)
        config.CourseDirectory.release_directory = str(release)
        config.GenerateAssignment.no_database = True  # what `--no-db` sets
        config.SaveCells.enabled = False
        config.BaseConverter.force = True
        coursedir = CourseDirectory(config=config)
        coursedir.assignment_id = name
        try:
            GenerateAssignment(coursedir=coursedir, config=config).start()
        except Exception as exc:  # nbgrader's own message was logged above
            raise RuntimeError(f"nbgrader generate_assignment {name} a échoué : {exc}") from exc
        for path in (release / name).rglob("*.ipynb"):
            nb = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(dumps(normalise(nb)), encoding="utf-8")


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two trees (missing on either side included)."""
    out = []
    cmp = filecmp.dircmp(left, right)
    stack = [(cmp, Path())]
    while stack:
        node, rel = stack.pop()
        out += [str(rel / n) for n in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        out += [str(rel / n) for n in mismatch + errors]
        stack += [(sub, rel / n) for n, sub in node.subdirs.items()]
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="assignments (default: all of solutions/)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    names = args.names or assignments()
    if not args.check:
        changed = headers.write(names)
        if changed:
            print(f"en-têtes régénérés dans solutions/ : {', '.join(changed)}")
        for name in names:
            shutil.rmtree(RELEASE / name, ignore_errors=True)
        generate(names, RELEASE)
        print(f"exercises/ régénéré : {', '.join(names)}")
        return 0
    stale = [f"{n}/{n}.ipynb (en-tête de solutions/)" for n in headers.stale(names)]
    with tempfile.TemporaryDirectory() as tmp:
        generate(names, Path(tmp))
        for name in names:
            if not (RELEASE / name).is_dir():
                stale.append(f"{name}/ (absent de exercises/)")
                continue
            stale += [f"{name}/{d}" for d in differences(Path(tmp) / name, RELEASE / name)]
    if stale:
        print("exercises/ n'est pas à jour par rapport à solutions/ ; lancez `make exercises` :")
        print("\n".join(f"  {s}" for s in stale))
        return 1
    print(f"exercises/ à jour ({len(names)} devoirs)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:  # nbgrader failed; its own output was printed above
        sys.exit(str(exc))
