"""Generate ``exercises/`` (trainee versions) from ``solutions/`` with nbgrader.

``python tools/exercises.py`` regenerates every assignment (or those named on the
command line) with ``nbgrader generate_assignment`` and puts the notebooks in the
kit's normal form. ``--check`` generates into a temporary folder and exits 1 when
``exercises/`` differs, naming the files (CI runs it): nobody edits ``exercises/``
by hand.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebooks import dumps, normalise  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "solutions"
RELEASE = ROOT / "exercises"


def assignments() -> list[str]:
    return sorted(p.name for p in SOURCE.iterdir() if p.is_dir() and not p.name.startswith("."))


def generate(names: list[str], release: Path, jobs: int = 2) -> None:
    """Run nbgrader for ``names`` into ``release`` (without touching the gradebook).

    One nbgrader process per assignment, ``jobs`` at a time: each spends most of its
    time starting up, so two in parallel halve the wall time on two cores.
    """
    release.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda name: _generate_one(name, release), names))


def _generate_one(name: str, release: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "nbgrader",
        "generate_assignment",
        name,
        "--force",
        "--no-db",
        "--log-level=WARN",
        f"--CourseDirectory.root={ROOT}",
        f"--CourseDirectory.release_directory={release}",
    ]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise RuntimeError(f"nbgrader generate_assignment {name} a échoué")
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
        for name in names:
            shutil.rmtree(RELEASE / name, ignore_errors=True)
        generate(names, RELEASE)
        print(f"exercises/ régénéré : {', '.join(names)}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(names, Path(tmp))
        stale = []
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
