"""``python -m tests.grading.bench``: stock ``nbgrader autograde`` vs the kit's pipeline.

Grades one module of the kit (default ``01-prise-en-main``; ``--assignment fixture`` for
the small fixture assignment) twice, in separate temporary course dirs copied from the
repo layout (``nbgrader_config.py`` and ``solutions/<id>``; the datasets are read by the
socialkit package from the repo). The same N submissions are written into both: correct
(every answer cell taken from ``solutions/<id>`` without the ``### BEGIN/END SOLUTION``
lines), partial (correct for the first half of the questions), blank (the untouched
exercise from ``exercises/<id>``) and wrong (plausible wrong values), in rotation. One
copy is graded with stock nbgrader (same process launch as the CLI, timed per
submission), the other with ``tools.grading.grade``; it prints the assignment, wall
times, the ratio, per-submission p50/p95 for each, and whether the auto scores are
identical. Reports only, asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from tests.grading import fixture
from tools.grading import collect, grade, release
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


CPUACCT = Path("/sys/fs/cgroup/cpuacct")


def run_measured(argv: list[str], **kwargs) -> tuple[float, float]:
    """Run a command; return (wall seconds, CPU seconds of it and everything it started).

    CPU time from a cgroup v1 ``cpuacct`` group of its own when there is one we may write
    (it counts killed sandboxes too), else from the waited-for children's rusage."""
    group = CPUACCT / f"kit-bench-{os.getpid()}-{time.monotonic_ns()}"
    try:
        group.mkdir()
    except OSError:
        group = None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)

    def enter() -> None:
        if group is not None:
            (group / "cgroup.procs").write_text(str(os.getpid()))

    t0 = time.perf_counter()
    subprocess.run(argv, check=False, preexec_fn=enter, **kwargs)  # noqa: PLW1509
    wall = time.perf_counter() - t0
    if group is not None:
        cpu = int((group / "cpuacct.usage").read_text()) / 1e9
        for _ in range(50):  # the last sandboxes may still be exiting
            try:
                group.rmdir()
                break
            except OSError:
                time.sleep(0.1)
    else:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


REPO = Path(__file__).resolve().parents[2]
DEFAULT_ASSIGNMENT = "01-prise-en-main"
_SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def _answer_cells(nb) -> dict[str, str]:
    """{grade_id: source} of the autograded answer cells (code, solution, not grade)."""
    out = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution") and not meta.get("grade"):
            out[meta["grade_id"]] = cell.source
    return out


def _strip_solution_markers(source: str) -> str:
    return "\n".join(line for line in source.splitlines() if line.strip() not in _SOLUTION_MARKERS)


def _wrong_source(correct: str) -> str:
    """The correct answer followed by a plausible mistake (off by one, another category)."""
    names = [
        line.split("=", 1)[0].strip()
        for line in correct.splitlines()
        if "=" in line and line.split("=", 1)[0].strip().isidentifier()
    ]
    if not names:
        return correct
    var = names[-1]
    return (
        correct + f"\n{var} = (type({var})({var} + 1) if isinstance({var}, (int, float)) "
        f"and not isinstance({var}, bool) else str({var}).swapcase())\n{var}"
    )


def module_answers(assignment: str) -> dict[str, tuple[object, dict[str, str]]]:
    """{notebook name: (exercise notebook, {grade_id: correct source})} from the repo."""
    out = {}
    for ex_path in sorted((REPO / "exercises" / assignment).glob("*.ipynb")):
        sol_path = REPO / "solutions" / assignment / ex_path.name
        exercise = nbformat.read(ex_path, as_version=4)
        solution = nbformat.read(sol_path, as_version=4)
        answers = {
            gid: _strip_solution_markers(src) for gid, src in _answer_cells(solution).items()
        }
        out[ex_path.stem] = (exercise, answers)
    if not out:
        raise SystemExit(f"Module introuvable : {REPO / 'exercises' / assignment}")
    return out


def module_submission(exercise, answers: dict[str, str], kind: str):
    nb = copy.deepcopy(exercise)
    ids = [gid for gid in _answer_cells(exercise) if gid in answers]
    if kind == "correct":
        chosen = {gid: answers[gid] for gid in ids}
    elif kind == "partial":
        chosen = {gid: answers[gid] for gid in ids[: (len(ids) + 1) // 2]}
    elif kind == "wrong":
        chosen = {gid: _wrong_source(answers[gid]) for gid in ids}
    else:  # blank
        chosen = {}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in chosen:
            cell.source = chosen[gid]
    return nb


def write_module_class(folder: Path, assignment: str, kinds: list[str]) -> None:
    notebooks = module_answers(assignment)
    for i, kind in enumerate(kinds, 1):
        d = folder / f"e{i:02d}-{kind}"
        d.mkdir(parents=True, exist_ok=True)
        for name, (exercise, answers) in notebooks.items():
            nbformat.write(module_submission(exercise, answers, kind), d / f"{name}.ipynb")


def make_course(base: Path, name: str, n: int, timeout: int, assignment: str) -> Path:
    kinds = [KINDS[i % len(KINDS)] for i in range(n)]
    incoming = base / f"{name}-remises"
    if assignment == fixture.ASSIGNMENT:
        root = fixture.build_course(base / name, timeout=timeout)
    else:
        root = base / name
        root.mkdir(parents=True)
        shutil.copyfile(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
        with open(root / "nbgrader_config.py", "a", encoding="utf-8") as fh:
            fh.write(f"\nc.Execute.timeout = {int(timeout)}\n")
        shutil.copytree(REPO / "solutions" / assignment, root / "solutions" / assignment)
    if release.release(assignment, root, quiet=True) != 0:
        raise SystemExit("generate_assignment a échoué")
    if assignment == fixture.ASSIGNMENT:
        rel = nbformat.read(root / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
        fixture.write_class(incoming, rel, kinds)
    else:
        write_module_class(incoming, assignment, kinds)
    collect.collect(assignment, incoming, root, quiet=True)
    return root


def auto_scores(root: Path, assignment: str) -> dict:
    course = Course.open(root)
    out = {}
    with course.gradebook() as gb:
        for sub in gb.find_assignment(assignment).submissions:
            for nb in sub.notebooks:
                for g in nb.grades:
                    out[(sub.student.id, g.name)] = g.auto_score
    return out


def run(
    n: int = 30,
    timeout: int = 30,
    workers: int | None = None,
    keep: bool = False,
    assignment: str = DEFAULT_ASSIGNMENT,
) -> dict:
    if assignment == "fixture":
        assignment = fixture.ASSIGNMENT
    base = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        stock_root = make_course(base, "stock", n, timeout, assignment)
        kit_root = make_course(base, "kit", n, timeout, assignment)
        times_file = base / "stock-times.json"
        env = dict(os.environ)
        env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
        load_before = os.getloadavg()
        stock_wall, stock_cpu = run_measured(
            [sys.executable, "-c", STOCK_DRIVER, assignment, str(times_file)],
            cwd=stock_root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stock_times = json.loads(times_file.read_text())
        kit_wall, kit_cpu = run_measured(
            [sys.executable, "-m", "tools.grading.grade", assignment, "--root", str(kit_root)]
            + (["--workers", str(workers)] if workers else []),
            cwd=Path(__file__).resolve().parents[2],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        load_after = os.getloadavg()
        kit_times, kit_waits = [], []
        kit_course = Course.open(kit_root)
        for d in (kit_root / "autograded").iterdir():
            rec = grade.read_result(kit_course, d.name, assignment)
            if rec:
                kit_times.append(rec["duration"])
                kit_waits.append(rec.get("wait", 0.0))
        a, b = auto_scores(stock_root, assignment), auto_scores(kit_root, assignment)
        diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
        report = {
            "assignment": assignment,
            "n": n,
            "cpus": os.cpu_count(),
            "stock_wall": stock_wall,
            "kit_wall": kit_wall,
            "ratio": stock_wall / kit_wall if kit_wall else float("nan"),
            "stock_cpu_per_copy": stock_cpu / n,
            "kit_cpu_per_copy": kit_cpu / n,
            "cpu_ratio": stock_cpu / kit_cpu if kit_cpu else float("nan"),
            "load": (load_before[0], load_after[0]),
            "stock_p50": pct(stock_times, 0.5),
            "stock_p95": pct(stock_times, 0.95),
            "kit_p50": pct(kit_times, 0.5),
            "kit_p95": pct(kit_times, 0.95),
            "kit_wait_p50": pct(kit_waits, 0.5),
            "kit_wait_p95": pct(kit_waits, 0.95),
            "identical": not diff and len(a) == len(b) > 0,
            "differences": {f"{k[0]}/{k[1]}": v for k, v in sorted(diff.items())},
        }
        return report
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)


def sandbox_overhead(level: str, n: int = 10) -> dict:
    """Start ``n`` sandboxed kernels one after the other (no pre-start) and time each from
    the request to the kernel's first ``kernel_info`` reply (and ``stop``)."""
    from tools.grading import sandbox, worker

    base = tempfile.mkdtemp(prefix="kit-grading-")
    os.chmod(base, 0o711)
    datasets = str(REPO / "datasets")
    zygote = sandbox.Zygote(base, datasets, worker.PRELOAD) if level == "fork" else None
    if zygote:
        zygote.wait()
    ready, stop = [], []
    try:
        for _ in range(n):
            t0 = time.perf_counter()
            kernel = worker.SandboxKernel(
                base, level, datasets, zygote=zygote.path if zygote else None
            )
            kernel.wait_ready()
            t1 = time.perf_counter()
            kernel.kill()
            stop.append(time.perf_counter() - t1)
            ready.append(t1 - t0)
            kernel.dispose()
    finally:
        if zygote:
            zygote.close()
        shutil.rmtree(base, ignore_errors=True)
    return {
        "level": level,
        "ready_p50": pct(ready, 0.5),
        "ready_p95": pct(ready, 0.95),
        "stop_p50": pct(stop, 0.5),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Comparer nbgrader autograde et le pipeline.")
    parser.add_argument("-n", type=int, default=30, help="nombre de copies (défaut 30)")
    parser.add_argument("--timeout", type=int, default=30)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="garder les dossiers temporaires")
    parser.add_argument(
        "--assignment",
        default=DEFAULT_ASSIGNMENT,
        help=f"module du kit (défaut {DEFAULT_ASSIGNMENT}) ou « fixture »",
    )
    parser.add_argument("--json", action="store_true", help="afficher aussi le rapport JSON")
    parser.add_argument(
        "--overhead",
        action="store_true",
        help="mesurer seulement le démarrage d'un bac à sable (fork et bwrap)",
    )
    args = parser.parse_args(argv)
    if args.overhead:
        for level in ("fork", "bwrap"):
            o = sandbox_overhead(level)
            print(
                f"{level} : demande → noyau prêt p50 {o['ready_p50']:.3f} s / p95 "
                f"{o['ready_p95']:.3f} s ; arrêt (et copie rapatriée) p50 {o['stop_p50']:.3f} s"
            )
        return 0
    r = run(args.n, args.timeout, args.workers, args.keep, args.assignment)
    print(f"Devoir : {r['assignment']}")
    print(f"Copies : {r['n']} — processeurs : {r['cpus']}")
    print(
        f"nbgrader autograde : {r['stock_wall']:.1f} s au total, par copie p50 "
        f"{r['stock_p50']:.2f} s / p95 {r['stock_p95']:.2f} s"
    )
    print(
        f"pipeline du kit    : {r['kit_wall']:.1f} s au total, par copie p50 "
        f"{r['kit_p50']:.2f} s / p95 {r['kit_p95']:.2f} s "
        f"(p95/p50 = {r['kit_p95'] / r['kit_p50']:.2f})"
    )
    print(
        f"  (par copie : exécution propre, du noyau prêt au notebook exécuté ; attente du "
        f"noyau pré-démarré p50 {r['kit_wait_p50']:.2f} s / p95 {r['kit_wait_p95']:.2f} s)"
    )
    print(f"Accélération : {r['ratio']:.2f}× (objectif ≥ 2,5× sur 2 cœurs)")
    print(
        f"Temps processeur par copie : nbgrader {r['stock_cpu_per_copy']:.2f} s, kit "
        f"{r['kit_cpu_per_copy']:.2f} s ({r['cpu_ratio']:.2f}×) ; charge moyenne (1 min) "
        f"{r['load'][0]:.2f} avant, {r['load'][1]:.2f} après"
    )
    print("Notes identiques : " + ("oui" if r["identical"] else f"NON {r['differences']}"))
    if args.json:
        print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
