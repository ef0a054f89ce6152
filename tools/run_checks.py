"""Everything CI checks, in one command (``make test``), with the time of each step.

Steps: ruff check · ruff format --check · one pytest run (two pytest-xdist workers) that
covers everything else once: the package tests, notebook hygiene, the freshness of
``datasets/`` and ``exercises/``, every notebook of ``course/`` and ``solutions/`` run in a
kernel, ``nbgrader validate`` / ``--invert`` on every assignment and the wrong-answer tests
(see ``tests/conftest.py``). Every step runs even when an earlier one fails, so one run shows
every problem; the exit status is non-zero if any step failed.

``python -m tools.run_checks --durations`` adds pytest's table of the slowest tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def steps(jobs: int, durations: bool = False) -> list[tuple[str, list[str]]]:
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
        (
            "pytest (paquet, données, notebooks, nbgrader)",
            [
                PY,
                "-m",
                "pytest",
                "-n",
                str(jobs),
                "--dist",
                "loadfile",
                "-p",
                "no:cacheprovider",
                *(["--durations", "15"] if durations else []),
                "tests",
            ],
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="pytest-xdist workers")
    parser.add_argument("--durations", action="store_true", help="list the slowest tests")
    args = parser.parse_args()
    start = time.perf_counter()
    report = []
    for title, cmd in steps(args.jobs, args.durations):
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
