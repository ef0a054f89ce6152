"""Everything CI checks, in one command (``make test``), with the time of each step.

Steps: ruff check · ruff format --check · notebook hygiene · datasets fresh · exercises fresh ·
one pytest run covering the package tests, the nbgrader tests and every notebook of ``course/``
and ``solutions/`` under nbval (in parallel with pytest-xdist). Every step runs
even when an earlier one fails, so one run shows every problem; the exit status
is non-zero if any step failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def steps(jobs: int) -> list[tuple[str, list[str]]]:
    bin_dir = Path(PY).parent
    return [
        (
            "ruff",
            [str(bin_dir / "ruff"), "check", "socialkit", "tools", "tests", "nbgrader_config.py"],
        ),
        (
            "ruff format",
            [
                str(bin_dir / "ruff"),
                "format",
                "--check",
                "socialkit",
                "tools",
                "tests",
                "nbgrader_config.py",
            ],
        ),
        ("hygiène des notebooks", [PY, "tools/notebooks.py", "--check"]),
        ("datasets/ à jour", [PY, "tools/make_data.py", "--check"]),
        ("exercises/ à jour", [PY, "tools/exercises.py", "--check"]),
        (
            "pytest (paquet, nbgrader, notebooks)",
            [
                PY,
                "-m",
                "pytest",
                "-n",
                str(jobs),
                "--dist",
                "loadfile",
                "--nbval-lax",
                "--nbval-current-env",
                "-p",
                "no:cacheprovider",
                "tests",
                "course",
                "solutions",
            ],
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="pytest-xdist workers")
    args = parser.parse_args()
    start = time.perf_counter()
    report = []
    for title, cmd in steps(args.jobs):
        print(f"\n=== {title} ===", flush=True)
        t0 = time.perf_counter()
        code = subprocess.run(cmd, cwd=ROOT).returncode
        report.append((title, code, time.perf_counter() - t0))
    total = time.perf_counter() - start
    print("\n=== résumé ===")
    for title, code, seconds in report:
        print(f"{'OK   ' if code == 0 else 'ÉCHEC'}  {seconds:7.1f} s  {title}")
    print(f"temps total : {total:.1f} s")
    failed = sum(code != 0 for _, code, _ in report)
    print(f"étapes: {len(report) - failed} passed, {failed} failed")
    return 0 if all(code == 0 for _, code, _ in report) else 1


if __name__ == "__main__":
    sys.exit(main())
