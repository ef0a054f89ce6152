"""``python -m tools.grading.grade [<assignment>]``: autograde, feedback, CSV, summary.

One Python process: the parent reads and sanitizes each submission (gradebook reads
only) and plans its cells; a pool of worker processes runs each submission's own cells in
a sandboxed kernel (no test code in it) and the test cells in the worker itself, against
the answers exported as plain data (:mod:`tools.grading.worker`); the parent scores and
writes the gradebook, one commit per submission. Already graded submissions (same files)
are skipped unless ``--force``; manual grades are never overwritten.
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
from pathlib import Path

import nbformat
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbgrader import utils
from nbgrader.preprocessors import LimitOutput

from socialkit import fr
from tools.grading import feedback as fb
from tools.grading import sandbox, worker
from tools.grading.checker import plan_notebook
from tools.grading.course import Course, file_digest
from tools.grading.messages import DEFAULT_HINT, HINTS_BY_ERROR, flag_label
from tools.grading.model import CellResult, Job, JobResult, NotebookResult, Submission
from tools.grading.sanitize import (
    BIG_OUTPUT_BYTES,
    Master,
    load_master,
    read_submission,
    sanitize,
    unchanged_answer,
)

RESULT_FILE = "kit_resultat.json"
PIPELINE_VERSION = 2


# --------------------------------------------------------------------------- planning


def cell_role(cell, master: Master) -> str:
    """trusted (locked master cell), test (locked grade cell) or student (anything else)."""
    gid = cell.metadata.get("nbgrader", {}).get("grade_id")
    mc = master.by_name.get(gid) if gid else None
    if mc is None or not mc.locked or mc.solution:
        return "student"
    return "test" if mc.grade else "trusted"


def build_plan(nb, master: Master) -> list[dict]:
    """Code cells in order; trusted and test sources come from the gradebook."""
    cells = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        role = cell_role(cell, master)
        source = cell.source
        if role != "student":
            source = master.by_name[cell.metadata["nbgrader"]["grade_id"]].source
        cells.append((index, role, source))
    return [vars(c) for c in plan_notebook(cells)]


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


TIMEOUT_MESSAGE = (
    "Délai dépassé : une cellule a été interrompue (boucle infinie ?) ; cette question et "
    "les suivantes valent 0."
)
DEAD_MESSAGE = "Test non exécuté : le noyau s'est arrêté avant (os._exit, plantage, mémoire)."
DISK_MESSAGE = (
    "Place disque dépassée : votre code a écrit plus de données que le bac à sable de la "
    "correction n'en accepte, l'écriture a échoué et cette question vaut 0."
)
_DISK_ERRORS = ("[Errno 28]", "[Errno 27]")  # ENOSPC (whole copy), EFBIG (one file)


def disk_hint() -> str:
    mib = 1024**2
    return (
        f"Votre copie est limitée à {fr.number(sandbox.copy_limit() / mib)} Mo au total et "
        f"{fr.number(sandbox.LIMITS['fsize'] / mib)} Mo par fichier : écrivez moins de "
        "fichiers, ou des fichiers plus petits."
    )


def _disk_full(outputs: list) -> bool:
    return any(
        o.get("output_type") == "error" and str(o.get("evalue", "")).startswith(_DISK_ERRORS)
        for o in outputs
    )


def _test_score(cell, outcome, mc, unanswered: bool) -> tuple[float, str, str, str]:
    """(score, status, message, error name) of one test cell."""
    max_points = float(mc.points or 0)
    status = outcome.status if outcome is not None else "not_run"
    if status == "timeout":
        return 0.0, "delai", TIMEOUT_MESSAGE, "CellTimeoutError"
    if status == "dead":
        return 0.0, "non_execute", DEAD_MESSAGE, "DeadKernel"
    if status == "not_run":
        return 0.0, "non_execute", "Test non exécuté.", ""
    if status == "not_plain":
        return 0.0, "donnee_non_simple", outcome.message, "DonneeNonSimple"
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        ename, evalue = errors[0].get("ename", ""), errors[0].get("evalue", "")
        if unanswered and ename == "NameError":
            return 0.0, "echoue", "Pas encore de réponse à cette question.", "NotImplementedError"
        if ename in ("Incorrect", "AssertionError"):
            return 0.0, "echoue", evalue or "Le test n'est pas passé.", ename
        if ename == "CellTimeoutError":
            return 0.0, "delai", TIMEOUT_MESSAGE, ename
        return 0.0, "echoue", f"{ename} : {evalue}" if evalue else ename, ename
    for out in cell.get("outputs", []):
        if out.get("output_type") == "execute_result":
            try:
                score = float(utils.get_partial_grade(out, max_points, None))
            except Exception:  # noqa: BLE001
                score = 0.0
            return score, "partiel" if score < max_points else "reussi", "", ""
    return max_points, "reussi", "", ""


def score_notebook(nb, result: JobResult, master: Master, sub: Submission) -> NotebookResult:
    """Score the executed notebook: one CellResult per grade cell."""
    by_name = master.by_name
    cells: dict[str, CellResult] = {}
    unanswered = False  # the last answer cell still raises the stub's NotImplementedError
    disk_full = False  # a cell of the trainee could not write: its copy is full
    for idx, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        if meta.get("solution") and cell.cell_type == "code":
            unanswered = any(
                o.get("output_type") == "error" and o.get("ename") == "NotImplementedError"
                for o in outputs
            )
        for out in outputs:
            if out.get("output_type") == "error" and out.get("ename") == "SystemExit":
                sub.flag("sys_exit", f"cellule {idx + 1}")
        if cell.cell_type == "code" and not meta.get("grade") and _disk_full(outputs):
            disk_full = True
            sub.flag("copie_trop_volumineuse", f"cellule {idx + 1}")
        gid = meta.get("grade_id")
        if not gid or not meta.get("grade") or gid not in by_name:
            continue
        mc = by_name[gid]
        max_points = float(mc.points or 0)
        if mc.solution:
            score, _ = utils.determine_grade(cell, None)
            unchanged = unchanged_answer(cell)
            cells[gid] = CellResult(
                max_points,
                "manual",
                score,
                "sans_reponse" if unchanged else "manuel",
                unchanged=unchanged,
            )
            continue
        if cell.cell_type != "code":
            cells[gid] = CellResult(max_points, "auto", None, "manuel")
            continue
        outcome = result.tests.get(str(idx))
        score, status, message, ename = _test_score(cell, outcome, mc, unanswered)
        if status == "delai":
            sub.flag("delai_depasse", gid)
        elif status == "non_execute" and ename == "DeadKernel":
            sub.flag("noyau_arrete", gid)
        elif status == "donnee_non_simple":
            sub.flag("donnee_non_simple", gid)
        message = _clean_message(message, master)
        hint = "" if status == "reussi" else _hint_for(message, ename, mc.release_source)
        if disk_full and status == "echoue":
            message, hint = DISK_MESSAGE, disk_hint()
        cells[gid] = CellResult(max_points, "auto", score, status, message, hint)
    for mc in master.cells:  # grade cells absent from the notebook (not after sanitize)
        if mc.grade and mc.name not in cells:
            kind = "manual" if mc.solution else "auto"
            cells[mc.name] = CellResult(
                float(mc.points or 0),
                kind,
                0.0,
                "non_execute",
                "Cellule introuvable.",
                DEFAULT_HINT,
            )
    return NotebookResult(cells)


def zero_cells(master: Master, message: str, status: str = "probleme", score=0.0) -> dict:
    hint = "Renvoyez le notebook .ipynb exporté depuis JupyterLab." if status == "probleme" else ""
    return {
        mc.name: CellResult(
            float(mc.points or 0),
            "manual" if mc.solution else "auto",
            score,
            status,
            message,
            hint,
        )
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
            nbres = sub.notebooks.get(name)
            cells = nbres.cells if nbres else {}
            subnb = gb.find_submission_notebook(name, sub.assignment, sub.student)
            for grade in subnb.grades:
                info = cells.get(grade.name)
                auto = info.score if info else 0.0
                previous = grade.auto_score
                grade.auto_score = auto
                if grade.manual_score is not None:
                    if previous != auto:
                        grade.needs_manual_grade = True
                else:
                    grade.needs_manual_grade = auto is None
            for comment in subnb.comments:
                info = cells.get(comment.name)
                if info is not None and info.unchanged:
                    comment.auto_comment = "No response."
                else:
                    comment.auto_comment = None
        gb.db.commit()


def write_autograded(
    course: Course, sub: Submission, masters: dict[str, Master], isolation: str
) -> None:
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
            nb = nbformat.reads(nbformat.writes(master.release_nb), as_version=4)
            problem = sub.notebooks[name].problem if name in sub.notebooks else ""
            nb.cells.insert(
                0,
                nbformat.v4.new_markdown_cell(
                    f"**Remise non corrigée automatiquement** : {flag_label(problem)}."
                ),
            )
        else:
            nb, _ = LimitOutput().preprocess(nb, {})
        # Markdown and raw cells are rendered as HTML by the formgrader: bleach them (a
        # trainee's <script> or <img onerror> becomes inert text).
        for cell in nb.cells:
            if isinstance(cell.get("source"), list):
                cell.source = "".join(cell.source)
        nb, _ = SanitizeHTML().preprocess(nb, {})
        (dest / f"{name}.ipynb").write_text(
            json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    record = {
        "version": PIPELINE_VERSION,
        "student": sub.student,
        "assignment": sub.assignment,
        "digest": sub.digest,
        "flags": sub.flags,
        "isolation": isolation,
        "notebooks": {name: nbres.to_dict() for name, nbres in sub.notebooks.items()},
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


class Grader:
    """One grading run: the worker pool, the course, the rows of the summary."""

    def __init__(self, course: Course, level: str, workers: int, timeout: int, quiet: bool):
        self.course, self.level, self.workers, self.timeout = course, level, workers, timeout
        self.quiet = quiet
        self.base = _make_base_dir()
        self.datasets = _datasets(course)
        self.prestart = os.environ.get("KIT_GRADING_PRESTART", "1") != "0"
        # The fork server starts first: a fresh process that never sees the gradebook.
        self.zygote = (
            sandbox.Zygote(self.base, self.datasets, worker.PRELOAD) if level == "fork" else None
        )
        # Meanwhile, what the checks import (the set-up cells): once here, shared by the
        # forked workers, rather than in each worker's first job.
        worker.preload_checks()
        if self.zygote is not None:
            self.zygote.wait()
        ctx = multiprocessing.get_context("fork")
        worker.WARM_BARRIER[:] = [ctx.Barrier(workers)]  # inherited by the forked workers
        self.pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
        self.futures: dict[cf.Future, tuple[Submission, str, dict]] = {}
        self.rows: dict[tuple[str, str], bool] = {}
        self.progress: Progress | None = None
        self.write_feedback = True
        self.files_by_aid: dict[str, list[tuple[str, str]]] = {}
        # Fork the workers now, before the parent opens the gradebook; each starts a kernel.
        template = {"base": self.base, "isolation": level, "datasets": self.datasets}
        template["prestart"] = self.prestart
        template["zygote"] = self.zygote.path if self.zygote else None
        for fut in [self.pool.submit(worker.prestart, template) for _ in range(workers)]:
            fut.result()

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=True)
        if cancel:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.zygote is not None:
            self.zygote.close()
        shutil.rmtree(self.base, ignore_errors=True)

    def warm(self, master: Master) -> None:
        """Each worker replays the set-up cells of ``master`` now, while the parent
        prepares the first jobs (not during its first job)."""
        if master.release_nb is None:
            return
        plan = build_plan(master.release_nb, master)
        for _ in range(self.workers):
            self.pool.submit(worker.warm, plan, self.timeout)

    # -- one submission

    def finish(self, sub: Submission, masters: dict) -> None:
        if self.level == "none":
            sub.flag("sans_isolation", "")
        commit_submission(self.course, sub, masters)
        write_autograded(self.course, sub, masters, self.level)
        if self.write_feedback:
            fb.write_feedback(self.course, sub.student, sub.assignment)
        self.rows[(sub.student, sub.assignment)] = True
        if self.progress:
            self.progress.step(sub.student)

    def handle(self, sub: Submission, name: str, masters: dict, result: JobResult) -> None:
        sub.pending.discard(name)
        sub.duration += result.duration
        sub.wait += result.wait
        master = masters[name]
        if result.error or not result.nb_json:
            sub.flag("erreur_interne", str(result.error)[:200])
            cells = zero_cells(
                master, "Correction automatique impossible (erreur interne).", "erreur", None
            )
            sub.notebooks[name] = NotebookResult(cells, "erreur_interne")
            return
        nb = nbformat.from_dict(json.loads(result.nb_json))
        if result.truncated:
            sub.flag("sortie_volumineuse", "sorties tronquées à l'exécution")
        if result.removed:
            sub.flag("liens_supprimes", ", ".join(result.removed)[:200])
        sub.notebooks[name] = score_notebook(nb, result, master, sub)
        sub.executed[name] = nb

    def drain(self, block: bool) -> None:
        if not self.futures:
            return
        done, _ = cf.wait(
            list(self.futures), timeout=None if block else 0, return_when=cf.FIRST_COMPLETED
        )
        for fut in done:
            sub, name, masters = self.futures.pop(fut)
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - worker crashed
                result = JobResult(key=(sub.student, sub.assignment, name))
                result.error = f"{type(exc).__name__}: {exc}"
            self.handle(sub, name, masters, result)
            if not sub.pending:
                self.finish(sub, masters)

    def assignment_files(self, aid: str) -> list[tuple[str, str]]:
        if aid not in self.files_by_aid:
            src_dir = self.course.source_dir(aid)
            self.files_by_aid[aid] = [
                (str(p), p.relative_to(src_dir).as_posix())
                for p in src_dir.rglob("*")
                if p.is_file() and p.suffix != ".ipynb" and ".ipynb_checkpoints" not in p.parts
            ]
        return self.files_by_aid[aid]

    def submit(self, todo_item, prestart_next) -> None:
        aid, student, masters, submitted, files, digest = todo_item
        sub = Submission(student, aid, digest)
        # nbgrader's own files (exchange submissions carry both) are never "extra files"
        expected = {f"{name}.ipynb" for name in masters} | {
            "timestamp.txt",
            "submission_secret.txt",
        }
        extras = sorted(
            p.relative_to(submitted).as_posix()
            for p in files
            if p.relative_to(submitted).as_posix() not in expected
        )
        if extras:
            sub.flag("fichiers_en_trop", ", ".join(extras)[:200])
        for name, master in masters.items():
            job = self.prepare_job(sub, name, master, submitted, prestart_next())
            if job is not None:
                sub.pending.add(name)
                self.futures[self.pool.submit(worker.run_job, job)] = (sub, name, masters)
        if not sub.pending:
            self.finish(sub, masters)
        self.drain(block=False)

    def prepare_job(self, sub, name, master, submitted, prestart_next) -> Job | None:
        path = submitted / f"{name}.ipynb"
        nb, problem, detail = read_submission(path)
        if problem:
            sub.flag(problem, detail)
            sub.notebooks[name] = NotebookResult(zero_cells(master, detail), problem)
            return None
        if path.stat().st_size > BIG_OUTPUT_BYTES:
            sub.flag("sortie_volumineuse", f"{path.stat().st_size / 1e6:.0f} Mo remis")
        resources = {
            "nbgrader": {
                "student": sub.student,
                "assignment": sub.assignment,
                "notebook": name,
                "db_url": self.course.db_url,
            },
            "metadata": {"path": str(submitted)},
        }
        try:
            nb, flags = sanitize(nb, master, resources)
        except Exception as exc:  # noqa: BLE001 - corrupted metadata
            sub.flag("format_invalide", f"métadonnées : {str(exc)[:150]}")
            cells = zero_cells(master, "Métadonnées nbgrader corrompues.")
            sub.notebooks[name] = NotebookResult(cells, "format_invalide")
            return None
        for code, det in flags:
            sub.flag(code, det)
        return Job(
            key=(sub.student, sub.assignment, name),
            nb_json=json.dumps(nb),
            plan=build_plan(nb, master),
            files=self.assignment_files(sub.assignment),
            datasets=self.datasets,
            base=self.base,
            isolation=self.level,
            timeout=self.timeout,
            prestart=self.prestart,
            prestart_next=prestart_next,
            zygote=self.zygote.path if self.zygote else None,
        )


def _make_base_dir() -> str:
    import tempfile

    base = tempfile.mkdtemp(prefix="kit-grading-")
    os.chmod(base, 0o711)  # traversable, not listable
    return base


def _datasets(course: Course) -> str | None:
    # resolved: on the hub, datasets/ links to a copy the unprivileged kernel user can read
    path = course.root / "datasets"
    return str(path.resolve()) if path.is_dir() else None


def _todo(course: Course, work, force: bool, grader: Grader) -> tuple[list, int]:
    todo, skipped = [], 0
    for aid, student, masters in work:
        submitted = course.submitted_dir(student, aid)
        files = [p for p in submitted.rglob("*") if p.is_file() and not p.is_symlink()]
        digest = file_digest(files)
        if not force:
            previous = read_result(course, student, aid)
            if (
                previous
                and previous.get("digest") == digest
                and previous.get("version") == PIPELINE_VERSION
                and previous.get("isolation") == grader.level
            ):
                skipped += 1
                grader.rows[(student, aid)] = False
                if grader.progress:
                    grader.progress.step(f"{student} (déjà corrigée)")
                continue
        todo.append((aid, student, masters, submitted, files, digest))
    return todo, skipped


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
    """Grade; return {(student, assignment): summary row}.

    Raises :class:`tools.grading.sandbox.SandboxUnavailable` when no sandbox can be
    built and ``isolation_level`` is not ``"none"``."""
    warnings.filterwarnings("ignore", message=".*not in session.*")
    level = sandbox.detect(isolation_level)
    course = Course.open(root)
    workers = workers or os.cpu_count() or 1
    timeout = timeout or course.timeout
    grader = Grader(course, level, workers, timeout, quiet)
    grader.write_feedback = write_feedback
    assignments = [assignment] if assignment else _assignments(course)
    try:
        work = []
        for aid in assignments:
            with course.gradebook() as gb:
                names = sorted(nb.name for nb in gb.find_assignment(aid).notebooks)
            masters = {name: load_master(course, aid, name) for name in names}
            for student in _submissions(course, aid):
                if not students or student in students:
                    work.append((aid, student, masters))
        if not quiet:
            print(
                f"{len(work)} copie(s) à traiter, {workers} processus, délai {timeout} s par "
                f"cellule, isolation : {sandbox.DESCRIPTIONS[level]}.",
                file=sys.stderr,
            )
        grader.progress = Progress(len(work)) if not quiet else None
        todo, skipped = _todo(course, work, force, grader)
        # The last `workers` jobs start no spare kernel (no worker will need one after them).
        total_jobs = sum(len(t[2]) for t in todo)
        counter = [0]

        def prestart_next() -> bool:
            counter[0] += 1
            return counter[0] <= total_jobs - workers

        if todo:
            grader.warm(next(iter(todo[0][2].values())))
        for item in todo:
            grader.submit(item, prestart_next)
            # A few jobs ahead of the workers, not the whole class: preparing every
            # submission up front would compete for the CPU with the first jobs.
            while len(grader.futures) >= 2 * workers:
                grader.drain(block=True)
        while grader.futures:
            grader.drain(block=True)
        if grader.progress:
            grader.progress.close()
    except KeyboardInterrupt:
        grader.close(cancel=True)
        print(
            "\nInterrompu : les copies déjà corrigées sont enregistrées ; relancez la même "
            "commande pour reprendre.",
            file=sys.stderr,
        )
        raise
    finally:
        grader.close()
    fb.export_csv(course)
    summary = fb.summary_rows(course, sorted(grader.rows, key=lambda k: (k[1], k[0])))
    course.close()
    if not quiet:
        print(fb.format_summary(summary))
        if level == "none":
            print(
                "\nATTENTION : correction SANS bac à sable (--isolation none) ; c'est indiqué "
                "dans grades.csv (colonne signalements)."
            )
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
        choices=list(sandbox.LEVELS),
        default=None,
        help="fork (défaut sous Linux : un bac à sable par copie, créé par un serveur "
        "de fork), bwrap (bubblewrap, solution de repli) ou none (AUCUNE protection)",
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
    except sandbox.SandboxUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
