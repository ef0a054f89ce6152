"""``python -m tools.grading.bench``: stock ``nbgrader autograde`` vs the kit's pipeline.

Builds the fixture assignment twice (separate temporary course dirs), writes the same
N submissions (correct / partial / blank / wrong, in rotation) into both, grades one
copy with stock nbgrader (same process launch as the CLI, timed per submission) and
the other with ``tools.grading.grade``, then prints wall times, the ratio, per-
submission p50/p95 for each, and whether the auto scores are identical. Reports only,
asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from tools.grading import collect, fixture, grade, release
from tools.grading.course import Course

KINDS = ["correct", "partial", "blank", "wrong"]

# Runs nbgrader's CLI entry point, timing each submission (init_assignment → write).
STOCK_DRIVER = r"""
import json, sys, time
from nbgrader.converters import autograde as ag
from nbgrader.converters.base import BaseConverter
times, starts = [], {}
orig_init, orig_perm = ag.Autograde.init_assignment, BaseConverter.set_permissions
def init(self, a, s):
    starts[s] = time.perf_counter()
    return orig_init(self, a, s)
def perm(self, a, s):
    r = orig_perm(self, a, s)
    times.append(time.perf_counter() - starts[s])
    return r
ag.Autograde.init_assignment, BaseConverter.set_permissions = init, perm
from nbgrader.apps.nbgraderapp import NbGraderApp
try:
    NbGraderApp.launch_instance(argv=["autograde", sys.argv[1], "--log-level=ERROR"])
except SystemExit:
    pass
finally:
    with open(sys.argv[2], "w") as fh:
        json.dump(times, fh)
"""


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def make_course(base: Path, name: str, n: int, timeout: int) -> Path:
    root = fixture.build_course(base / name, timeout=timeout)
    if release.release(fixture.ASSIGNMENT, root, quiet=True) != 0:
        raise SystemExit("generate_assignment a échoué")
    rel = nbformat.read(
        root / "exercises" / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb", as_version=4
    )
    incoming = base / f"{name}-remises"
    fixture.write_class(incoming, rel, [KINDS[i % len(KINDS)] for i in range(n)])
    collect.collect(fixture.ASSIGNMENT, incoming, root, quiet=True)
    return root


def auto_scores(root: Path) -> dict:
    course = Course.open(root)
    out = {}
    with course.gradebook() as gb:
        for sub in gb.find_assignment(fixture.ASSIGNMENT).submissions:
            for nb in sub.notebooks:
                for g in nb.grades:
                    out[(sub.student.id, g.name)] = g.auto_score
    return out


def run(n: int = 30, timeout: int = 30, workers: int | None = None, keep: bool = False) -> dict:
    base = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        stock_root = make_course(base, "stock", n, timeout)
        kit_root = make_course(base, "kit", n, timeout)
        times_file = base / "stock-times.json"
        env = dict(os.environ)
        env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", STOCK_DRIVER, fixture.ASSIGNMENT, str(times_file)],
            cwd=stock_root, env=env, check=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        stock_wall = time.perf_counter() - t0
        stock_times = json.loads(times_file.read_text())
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tools.grading.grade", fixture.ASSIGNMENT, "--root",
             str(kit_root)] + (["--workers", str(workers)] if workers else []),
            cwd=Path(__file__).resolve().parents[2], env=env, check=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        kit_wall = time.perf_counter() - t0
        kit_times = []
        for d in (kit_root / "autograded").iterdir():
            rec = grade.read_result(Course.open(kit_root), d.name, fixture.ASSIGNMENT)
            if rec:
                kit_times.append(rec["duration"])
        a, b = auto_scores(stock_root), auto_scores(kit_root)
        diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
        report = {
            "n": n,
            "cpus": os.cpu_count(),
            "stock_wall": stock_wall,
            "kit_wall": kit_wall,
            "ratio": stock_wall / kit_wall if kit_wall else float("nan"),
            "stock_p50": pct(stock_times, 0.5),
            "stock_p95": pct(stock_times, 0.95),
            "kit_p50": pct(kit_times, 0.5),
            "kit_p95": pct(kit_times, 0.95),
            "identical": not diff and len(a) == len(b) > 0,
            "differences": {f"{k[0]}/{k[1]}": v for k, v in sorted(diff.items())},
        }
        return report
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Comparer nbgrader autograde et le pipeline.")
    parser.add_argument("-n", type=int, default=30, help="nombre de copies (défaut 30)")
    parser.add_argument("--timeout", type=int, default=30)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="garder les dossiers temporaires")
    args = parser.parse_args(argv)
    r = run(args.n, args.timeout, args.workers, args.keep)
    print(f"Copies : {r['n']} — processeurs : {r['cpus']}")
    print(f"nbgrader autograde : {r['stock_wall']:.1f} s au total, par copie p50 "
          f"{r['stock_p50']:.2f} s / p95 {r['stock_p95']:.2f} s")
    print(f"pipeline du kit    : {r['kit_wall']:.1f} s au total, par copie p50 "
          f"{r['kit_p50']:.2f} s / p95 {r['kit_p95']:.2f} s "
          f"(p95/p50 = {r['kit_p95'] / r['kit_p50']:.2f})")
    print(f"Accélération : {r['ratio']:.2f}× (objectif ≥ 2,5× sur 2 cœurs)")
    print("Notes identiques : " + ("oui" if r["identical"] else f"NON {r['differences']}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
