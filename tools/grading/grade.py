"""``python -m tools.grading.grade [<assignment>]``: autograde, feedback, CSV, summary.

One Python process: the parent reads and sanitizes each submission (gradebook reads
only), a pool of worker processes executes them in isolated kernels, and the parent
scores the executed notebooks and writes the gradebook, one commit per submission.
Already graded submissions (same files) are skipped unless ``--force``; manual grades
are never overwritten.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import multiprocessing
import os
import shutil
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader import utils
from nbgrader.preprocessors import LimitOutput

from tools.grading import feedback as fb
from tools.grading import isolation, worker
from tools.grading.course import Course, file_digest
from tools.grading.messages import DEFAULT_HINT, HINTS_BY_ERROR, flag_label
from tools.grading.sanitize import (
    BIG_OUTPUT_BYTES,
    Master,
    load_master,
    read_submission,
    sanitize,
    unchanged_answer,
)

RESULT_FILE = "kit_resultat.json"
PIPELINE_VERSION = 1


@dataclass
class Submission:
    student: str
    assignment: str
    digest: str
    flags: list = field(default_factory=list)  # [code, detail]
    notebooks: dict = field(default_factory=dict)  # name -> {"cells": {...}, "problem": ...}
    pending: set = field(default_factory=set)
    executed: dict = field(default_factory=dict)  # name -> executed NotebookNode
    duration: float = 0.0  # own execution (kernel ready → executed notebook), all notebooks
    wait: float = 0.0  # taking the pre-started kernel and connecting to it

    def flag(self, code: str, detail: str = "") -> None:
        if [code, detail] not in self.flags:
            self.flags.append([code, detail])


# --------------------------------------------------------------------------- scoring


def _clean_message(text: str, master: Master) -> str:
    text = (text or "").strip()
    for line in master.hidden_lines:
        if line and line in text:
            return "Le test n'est pas passé."
    return text[:600]


def _hint_for(message: str, ename: str, release_source: str) -> str:
    if "Piste :" in message:
        return message.split("Piste :", 1)[1].strip()
    for line in release_source.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped.lower().startswith("piste"):
            return stripped.split(":", 1)[-1].strip()
    return HINTS_BY_ERROR.get(ename, DEFAULT_HINT)


def score_notebook(nb, result: dict, master: Master, sub: Submission) -> dict:
    """Score the executed notebook: {grade_id: cell result}."""
    by_name = master.by_name
    executed = set(result.get("executed") or [])
    dead_at = result.get("dead_at")
    guard_ok = result.get("guard_installed")
    cells = {}
    unanswered = False  # the last answer cell still raises the stub's NotImplementedError
    for idx, cell in enumerate(nb.cells):
        meta0 = cell.metadata.get("nbgrader", {})
        if meta0.get("solution") and cell.cell_type == "code":
            unanswered = any(
                o.get("output_type") == "error" and o.get("ename") == "NotImplementedError"
                for o in cell.get("outputs", [])
            )
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "error" and out.get("ename") == "SystemExit":
                sub.flag("sys_exit", f"cellule {idx + 1}")
            if out.get("output_type") == "error" and out.get("ename") == "CellTimeoutError":
                sub.flag("delai_depasse", f"cellule {idx + 1}")
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        if not gid or not meta.get("grade") or gid not in by_name:
            continue
        mc = by_name[gid]
        max_points = float(mc.points or 0)
        entry = {"max": max_points, "type": "manual" if mc.solution else "auto"}
        if mc.solution:
            score, _ = utils.determine_grade(cell, None)
            entry.update(score=score, unchanged=unchanged_answer(cell))
            entry["status"] = "sans_reponse" if entry["unchanged"] else "manuel"
            cells[gid] = entry
            continue
        if cell.cell_type != "code":
            entry.update(score=None, status="manuel")
            cells[gid] = entry
            continue
        guard = (result.get("guard") or {}).get(str(idx), {})
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        score, status, message, ename = max_points, "reussi", "", ""
        if idx not in executed:
            score, status = 0.0, "non_execute"
            ename = "DeadKernel" if dead_at is not None else ""
            message = (
                "Test non exécuté : le noyau s'est arrêté avant."
                if dead_at is not None
                else "Test non exécuté."
            )
        else:
            tampered = []
            for phase in ("pre", "post"):
                codes = guard.get(phase)
                if guard_ok and codes is None:
                    tampered.append("garde")
                else:
                    tampered.extend(codes or [])
            if tampered:
                for code in tampered:
                    sub.flag(code.split(":")[0], gid)
                score, status = 0.0, "triche"
                message = "Environnement d'exécution modifié avant ou pendant ce test."
                ename = "Tamper"
            elif errors:
                err = errors[0]
                ename = err.get("ename", "")
                evalue = err.get("evalue", "")
                score, status = 0.0, "echoue"
                if unanswered and ename == "NameError":
                    ename = "NotImplementedError"
                    message = "Pas encore de réponse à cette question."
                elif ename == "CellTimeoutError":
                    message = "Délai d'exécution dépassé."
                elif ename in ("Incorrect", "AssertionError") and evalue:
                    message = evalue
                elif ename in ("Incorrect", "AssertionError"):
                    message = "Le test n'est pas passé."
                else:
                    message = f"{ename} : {evalue}" if evalue else ename
            else:
                for out in cell.outputs:
                    if out.get("output_type") == "execute_result":
                        try:
                            score = utils.get_partial_grade(out, max_points, None)
                        except Exception:  # noqa: BLE001
                            score = 0.0
                        if score < max_points:
                            status = "partiel"
                        break
        message = _clean_message(message, master)
        entry.update(
            score=float(score) if score is not None else None,
            status=status,
            message=message,
            hint="" if status == "reussi" else _hint_for(message, ename, mc.release_source),
        )
        cells[gid] = entry
    # Grade cells absent from the executed notebook (should not happen after sanitize).
    for mc in master.cells:
        if mc.grade and mc.name not in cells:
            cells[mc.name] = {
                "max": float(mc.points or 0),
                "type": "manual" if mc.solution else "auto",
                "score": 0.0,
                "status": "non_execute",
                "message": "Cellule introuvable.",
                "hint": DEFAULT_HINT,
            }
    return cells


def zero_cells(master: Master, message: str) -> dict:
    return {
        mc.name: {
            "max": float(mc.points or 0),
            "type": "manual" if mc.solution else "auto",
            "score": 0.0,
            "status": "probleme",
            "message": message,
            "hint": "Renvoyez le notebook .ipynb exporté depuis JupyterLab.",
        }
        for mc in master.cells
        if mc.grade
    }


# --------------------------------------------------------------------------- gradebook


def commit_submission(course: Course, sub: Submission, masters: dict[str, Master]) -> None:
    """Write the auto scores of one submission (manual scores are never touched)."""
    submitted = course.submitted_dir(sub.student, sub.assignment)
    timestamp = course.coursedir.get_existing_timestamp(str(submitted))
    with course.gradebook() as gb:
        gb.update_or_create_student(sub.student)
        if timestamp:
            gb.update_or_create_submission(sub.assignment, sub.student, timestamp=timestamp)
        else:
            gb.update_or_create_submission(sub.assignment, sub.student)
        for name in masters:
            cells = sub.notebooks.get(name, {}).get("cells", {})
            subnb = gb.find_submission_notebook(name, sub.assignment, sub.student)
            for grade in subnb.grades:
                info = cells.get(grade.name)
                auto = info["score"] if info else 0.0
                previous = grade.auto_score
                grade.auto_score = auto
                if grade.manual_score is not None:
                    if previous != auto:
                        grade.needs_manual_grade = True
                else:
                    grade.needs_manual_grade = auto is None
            for comment in subnb.comments:
                info = cells.get(comment.name)
                if info is not None and info.get("unchanged"):
                    comment.auto_comment = "No response."
                else:
                    comment.auto_comment = None
        gb.db.commit()


def write_autograded(course: Course, sub: Submission, masters: dict[str, Master]) -> None:
    dest = course.autograded_dir(sub.student, sub.assignment)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    submitted = course.submitted_dir(sub.student, sub.assignment)
    if (submitted / "timestamp.txt").exists():
        shutil.copyfile(submitted / "timestamp.txt", dest / "timestamp.txt")
    src_dir = course.source_dir(sub.assignment)
    if src_dir.is_dir():
        for path in src_dir.rglob("*"):
            skip = path.suffix == ".ipynb" or ".ipynb_checkpoints" in path.parts
            if path.is_file() and not skip:
                out = dest / path.relative_to(src_dir)
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, out)
    for name, master in masters.items():
        nb = sub.executed.get(name)
        if nb is None:
            # Unreadable submission: the trainee version with a notice, for the formgrader.
            if master.release_nb is None:
                continue
            nb = nbformat.from_dict(json.loads(nbformat.writes(master.release_nb)))
            problem = sub.notebooks.get(name, {}).get("problem", "")
            nb.cells.insert(
                0,
                nbformat.v4.new_markdown_cell(
                    f"**Remise non corrigée automatiquement** : {flag_label(problem)}."
                ),
            )
        else:
            nb, _ = LimitOutput().preprocess(nb, {})
        (dest / f"{name}.ipynb").write_text(
            json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    record = {
        "version": PIPELINE_VERSION,
        "student": sub.student,
        "assignment": sub.assignment,
        "digest": sub.digest,
        "flags": sub.flags,
        "notebooks": sub.notebooks,
        "duration": round(sub.duration, 3),
        "wait": round(sub.wait, 3),
        "graded_at": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    tmp = dest / (RESULT_FILE + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, dest / RESULT_FILE)


def read_result(course: Course, student: str, assignment: str) -> dict | None:
    path = course.autograded_dir(student, assignment) / RESULT_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# --------------------------------------------------------------------------- driver


class Progress:
    def __init__(self, total: int, label: str = "Correction"):
        self.total, self.done, self.label = total, 0, label
        self.tty = sys.stderr.isatty()
        self.start = time.perf_counter()
        self.bar = None
        try:
            import tqdm  # noqa: F401 - optional, never added as a dependency

            self.bar = tqdm.tqdm(total=total, desc=label, unit="copie")
        except ImportError:
            pass

    def step(self, text: str = "") -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        elapsed = time.perf_counter() - self.start
        line = f"{self.label} : {self.done}/{self.total} copies ({elapsed:.1f} s) {text}"
        if self.tty:
            sys.stderr.write("\r" + line[:100].ljust(100))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.tty:
            sys.stderr.write("\n")


def _submissions(course: Course, assignment: str) -> list[str]:
    base = Path(course.coursedir.root) / course.coursedir.submitted_directory
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / assignment).is_dir())


def _assignments(course: Course) -> list[str]:
    with course.gradebook() as gb:
        return sorted(a.name for a in gb.assignments)


def grade(
    root=None,
    assignment: str | None = None,
    *,
    force: bool = False,
    timeout: int | None = None,
    workers: int | None = None,
    isolation_level: str | None = None,
    students: list[str] | None = None,
    quiet: bool = False,
    write_feedback: bool = True,
) -> dict:
    """Grade; return {(student, assignment): summary row}."""
    warnings.filterwarnings("ignore", message=".*not in session.*")
    course = Course.open(root)
    level = isolation.detect(isolation_level)
    workers = workers or os.cpu_count() or 1
    timeout = timeout or course.timeout
    ctx = multiprocessing.get_context("fork")
    pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    base = isolation.make_base_dir()
    hidden = [str(p) for p in course.sensitive_paths()] if level == "namespace" else []
    # resolved: on the hub, datasets/ links to a copy the unprivileged kernel user can read
    datasets = (
        str((course.root / "datasets").resolve()) if (course.root / "datasets").is_dir() else None
    )
    prestart = os.environ.get("KIT_GRADING_PRESTART", "1") != "0"
    template = {
        "base": base,
        "isolation": level,
        "hidden": hidden,
        "datasets": datasets,
        "kernel_name": "python3",
        "prestart": prestart,
    }
    # Fork the workers now, before the parent opens the gradebook; each starts a kernel.
    for fut in [pool.submit(worker.prestart, template) for _ in range(workers)]:
        fut.result()
    rows = {}
    assignments = [assignment] if assignment else _assignments(course)
    try:
        work = []
        for aid in assignments:
            with course.gradebook() as gb:
                names = sorted(nb.name for nb in gb.find_assignment(aid).notebooks)
            masters = {name: load_master(course, aid, name) for name in names}
            for student in _submissions(course, aid):
                if students and student not in students:
                    continue
                work.append((aid, student, masters))
        if not quiet:
            print(
                f"{len(work)} copie(s) à traiter, {workers} processus, délai {timeout} s par "
                f"cellule, isolation : {isolation.DESCRIPTIONS[level]}.",
                file=sys.stderr,
            )
        progress = Progress(len(work)) if not quiet else None
        futures: dict[cf.Future, tuple[Submission, str, dict]] = {}
        skipped = 0

        def finish(sub: Submission, masters: dict) -> None:
            commit_submission(course, sub, masters)
            write_autograded(course, sub, masters)
            if write_feedback:
                fb.write_feedback(course, sub.student, sub.assignment)
            rows[(sub.student, sub.assignment)] = True
            if progress:
                progress.step(sub.student)

        def drain(block: bool) -> None:
            if not futures:
                return
            done, _ = cf.wait(
                list(futures), timeout=None if block else 0, return_when=cf.FIRST_COMPLETED
            )
            for fut in done:
                sub, name, masters = futures.pop(fut)
                try:
                    result = fut.result()
                except Exception as exc:  # noqa: BLE001 - worker crashed
                    result = {"error": f"{type(exc).__name__}: {exc}", "nb_json": None}
                handle_result(sub, name, masters, result)
                if not sub.pending:
                    finish(sub, masters)

        def handle_result(sub: Submission, name: str, masters: dict, result: dict) -> None:
            sub.pending.discard(name)
            sub.duration += result.get("duration", 0.0)
            sub.wait += result.get("wait", 0.0)
            master = masters[name]
            if result.get("error") or not result.get("nb_json"):
                sub.flag("erreur_interne", str(result.get("error"))[:200])
                cells = {
                    mc.name: {
                        "max": float(mc.points or 0),
                        "type": "manual" if mc.solution else "auto",
                        "score": None,
                        "status": "erreur",
                        "message": "Correction automatique impossible (erreur interne).",
                        "hint": "",
                    }
                    for mc in master.cells
                    if mc.grade
                }
                sub.notebooks[name] = {"cells": cells, "problem": "erreur_interne"}
                return
            nb = nbformat.from_dict(json.loads(result["nb_json"]))
            if result.get("dead_at") is not None:
                sub.flag("noyau_arrete", f"cellule {result['dead_at'] + 1}")
            if result.get("truncated"):
                sub.flag("sortie_volumineuse", "sorties tronquées à l'exécution")
            if result.get("guard_installed") is False:
                sub.flag("erreur_interne", "garde d'intégrité non installée")
            sub.notebooks[name] = {"cells": score_notebook(nb, result, master, sub)}
            sub.executed[name] = nb

        todo = []
        for aid, student, masters in work:
            submitted = course.submitted_dir(student, aid)
            files = [p for p in submitted.rglob("*") if p.is_file()]
            digest = file_digest(files)
            if not force:
                previous = read_result(course, student, aid)
                if (
                    previous
                    and previous.get("digest") == digest
                    and previous.get("version") == PIPELINE_VERSION
                ):
                    skipped += 1
                    rows[(student, aid)] = False
                    if progress:
                        progress.step(f"{student} (déjà corrigée)")
                    continue
            todo.append((aid, student, masters, submitted, files, digest))
        # At most one job per notebook: the last `workers` jobs start no spare kernel (no
        # worker will need one after them; it would only compete for the cores).
        total_jobs = sum(len(t[2]) for t in todo)
        submitted_jobs = 0
        extra_files_by_aid: dict[str, list] = {}
        for aid, student, masters, submitted, files, digest in todo:
            sub = Submission(student, aid, digest)
            expected = {f"{name}.ipynb" for name in masters} | {
                "timestamp.txt",
                "submission_secret.txt",
            }  # nbgrader's own files
            extras = sorted(
                p.relative_to(submitted).as_posix()
                for p in files
                if p.relative_to(submitted).as_posix() not in expected
            )
            if extras:
                sub.flag("fichiers_en_trop", ", ".join(extras)[:200])
            for name, master in masters.items():
                path = submitted / f"{name}.ipynb"
                nb, problem, detail = read_submission(path)
                if problem:
                    sub.flag(problem, detail)
                    sub.notebooks[name] = {
                        "cells": zero_cells(master, detail),
                        "problem": problem,
                    }
                    continue
                if path.stat().st_size > BIG_OUTPUT_BYTES:
                    sub.flag("sortie_volumineuse", f"{path.stat().st_size / 1e6:.0f} Mo remis")
                resources = {
                    "nbgrader": {
                        "student": student,
                        "assignment": aid,
                        "notebook": name,
                        "db_url": course.db_url,
                    },
                    "metadata": {"path": str(submitted)},
                }
                try:
                    nb, flags = sanitize(nb, master, resources)
                except Exception as exc:  # noqa: BLE001 - corrupted metadata
                    sub.flag("format_invalide", f"métadonnées : {str(exc)[:150]}")
                    sub.notebooks[name] = {
                        "cells": zero_cells(master, "Métadonnées nbgrader corrompues."),
                        "problem": "format_invalide",
                    }
                    continue
                for code, det in flags:
                    sub.flag(code, det)
                if aid not in extra_files_by_aid:
                    src_dir = course.source_dir(aid)
                    extra_files_by_aid[aid] = [
                        (str(p), p.relative_to(src_dir).as_posix())
                        for p in src_dir.rglob("*")
                        if p.is_file()
                        and p.suffix != ".ipynb"
                        and ".ipynb_checkpoints" not in p.parts
                    ]
                extra_files = extra_files_by_aid[aid]
                submitted_jobs += 1
                job = {
                    "key": (student, aid, name),
                    "nb_json": json.dumps(nb),
                    "notebook_file": f"{name}.ipynb",
                    "files": extra_files,
                    "datasets": datasets,
                    "base": base,
                    "isolation": level,
                    "hidden": hidden,
                    "timeout": timeout,
                    "prestart": prestart,
                    "prestart_next": submitted_jobs <= total_jobs - workers,
                    "kernel_name": nb.metadata.get("kernelspec", {}).get("name", "python3"),
                }
                sub.pending.add(name)
                futures[pool.submit(worker.run_job, job)] = (sub, name, masters)
            if not sub.pending:
                finish(sub, masters)
            drain(block=False)
        while futures:
            drain(block=True)
        if progress:
            progress.close()
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        print(
            "\nInterrompu : les copies déjà corrigées sont enregistrées ; relancez la même "
            "commande pour reprendre.",
            file=sys.stderr,
        )
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(base, ignore_errors=True)
    fb.export_csv(course)
    summary = fb.summary_rows(course, sorted(rows, key=lambda k: (k[1], k[0])))
    course.close()
    if not quiet:
        print(fb.format_summary(summary))
        print(f"\nNotes exportées dans {course.root / 'grades.csv'}.")
        if skipped:
            print(f"{skipped} copie(s) déjà corrigée(s) ignorée(s) (--force pour les refaire).")
    return {(r["student"], r["assignment"]): r for r in summary}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Corriger automatiquement les remises.")
    parser.add_argument("assignment", nargs="?", help="devoir (défaut : tous les devoirs)")
    parser.add_argument("--root", default=None, help="racine du cours (défaut : dossier courant)")
    parser.add_argument("--force", action="store_true", help="recorriger les copies déjà notées")
    parser.add_argument("--timeout", type=int, default=None, help="délai par cellule (s)")
    parser.add_argument("--workers", type=int, default=None, help="processus en parallèle")
    parser.add_argument("--student", action="append", help="ne corriger que cette personne")
    parser.add_argument(
        "--isolation",
        choices=["namespace", "user", "none"],
        default=None,
        help="niveau d'isolation (défaut : le meilleur disponible)",
    )
    args = parser.parse_args(argv)
    from tools.grading.register import ensure_registered

    if ensure_registered(args.assignment, args.root):
        return 2
    try:
        grade(
            args.root,
            args.assignment,
            force=args.force,
            timeout=args.timeout,
            workers=args.workers,
            isolation_level=args.isolation,
            students=args.student,
        )
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
