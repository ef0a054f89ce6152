"""``python -m tests.grading.probes``: probe table, stock ``nbgrader autograde`` vs the kit.

Builds the fixture course twice (scratch dirs), writes the same probe class (correct,
cheats, malformed files…) into both, grades one with stock nbgrader and one with the
kit, and prints, per probe: auto score and "needs manual grade" under nbgrader, auto
score and flags under the kit (auto points out of 4).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import nbformat

from tests.grading import fixture
from tools.grading import collect, grade, release
from tools.grading.course import Course

# The attacks on the grader (fixture.ATTACKS) are left out: stock nbgrader would run them
# unsandboxed, with the rights of whoever runs this table (files planted in the kit, the
# venv, the home folder). tests/test_grading*.py run them in the kit's sandbox only.
KINDS = [k for k in fixture.PROBES if k not in fixture.ATTACKS]


def _stock_scores(root: Path) -> dict:
    out = {}
    with Course.open(root).gradebook() as gb:
        for sub in gb.find_assignment(fixture.ASSIGNMENT).submissions:
            total, manual, none = 0.0, False, False
            for nb in sub.notebooks:
                for g in nb.grades:
                    if g.name.endswith("_tests"):
                        if g.auto_score is None:
                            none = True
                        else:
                            total += g.auto_score
                        manual = manual or g.needs_manual_grade
            out[sub.student.id] = (None if none and total == 0 else total, none, manual)
    return out


def run(timeout: int = 3) -> list[tuple]:
    base = Path(tempfile.mkdtemp(prefix="kit-probes-"))
    try:
        roots = {}
        for name in ("stock", "kit"):
            root = fixture.build_course(base / name, timeout=timeout)
            release.release(fixture.ASSIGNMENT, root, quiet=True)
            rel = nbformat.read(
                root / "exercises" / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb",
                as_version=4,
            )
            tokens = {
                "ROOT": str(root),
                "KIT": str(Path(__file__).resolve().parents[2]),
                "HOME": os.path.expanduser("~"),
                "PORT": "9",  # discard: nothing listens, the network probe only reports
                "VENV": sysconfig.get_paths()["purelib"],
            }
            students = fixture.write_class(base / f"{name}-in", rel, list(fixture.PROBES), tokens)
            collect.collect(fixture.ASSIGNMENT, base / f"{name}-in", root, quiet=True)
            roots[name] = root
        env = dict(os.environ)
        env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
        subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", fixture.ASSIGNMENT],
            cwd=roots["stock"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        stock = _stock_scores(roots["stock"])
        kit = grade.grade(roots["kit"], fixture.ASSIGNMENT, quiet=True, timeout=timeout)
        table = []
        for student, kind in students.items():
            s = stock.get(student)
            k = kit[(student, fixture.ASSIGNMENT)]
            table.append((kind, s, k["auto_score"], k["flags"]))
        return table
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Tableau des sondes : nbgrader vs kit.")
    parser.add_argument("--timeout", type=int, default=3)
    args = parser.parse_args(argv)
    print("| sonde | nbgrader autograde (/4) | kit (/4) | signalements du kit |")
    print("|---|---|---|---|")
    for kind, s, k, flags in run(args.timeout):
        if s is None:
            stock = "non corrigé (erreur)"
        else:
            total, has_none, manual = s
            stock = (
                ("None" if total is None else f"{total:g}")
                + (" (+None)" if has_none and total is not None else "")
                + (", needs manual" if manual and has_none else "")
            )
        print(f"| {kind} | {stock} | {k:g} | {', '.join(flags) or '—'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
