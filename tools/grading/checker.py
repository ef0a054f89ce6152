"""Trusted side of grading: the instructor's cells, run against the trainee's answers as data.

The checker runs in the grading worker process, which never imports or executes trainee
code. For one notebook it replays, in order:

- the *trusted* cells (locked cells restored from the gradebook: set-up, instructions
  code) — their source comes from the gradebook, never from the submission;
- the *test* cells, each against the answer variables exported from the sandbox at the
  test's position (:mod:`tools.grading.plaindata`).

The trainee's cells are not run here; the names a trusted or test cell needs are derived
from its AST (names it reads and does not bind itself) and taken from the export when a
trainee cell binds them (or when no trusted cell does: names defined dynamically).
Trusted cells before the first trainee cell are run once per worker and notebook, and
their namespace is reused (shallow copy) for every submission.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import hashlib
import io
import os
import signal
import traceback
from dataclasses import dataclass, field

from tools.grading.plaindata import NotPlainData, decode

BUILTIN_NAMES = frozenset(dir(builtins)) | {"display", "get_ipython", "__name__"}


@dataclass
class PlanCell:
    """One code cell of the sanitized notebook, as the grader plans it."""

    index: int  # position in the notebook
    role: str  # "student" | "trusted" | "test"
    source: str  # trusted / test: the gradebook's source; student: the submission's
    needs: list[str] = field(default_factory=list)  # names to export before this cell


def _parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except SyntaxError:
        pass
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return ast.parse(TransformerManager().transform_cell(source))
    except Exception:  # noqa: BLE001 - not Python: binds nothing we can see
        return None


def bound_names(tree: ast.AST | None) -> set[str]:
    """Names a cell binds at any level (assignments, imports, def, class, for, with…)."""
    out: set[str] = set()
    if tree is None:
        return out
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            out.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    out.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.arg):
            out.add(node.arg)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            out.update(node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            out.add(node.name)
        elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
            out.add(node.name)
    return out


def read_names(tree: ast.AST | None) -> set[str]:
    if tree is None:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def plan_notebook(cells: list[tuple[int, str, str]]) -> list[PlanCell]:
    """``cells``: (index, role, source) of every code cell; fill in what each needs."""
    plan = []
    student_bound: set[str] = set()
    trusted_bound: set[str] = set()
    for index, role, source in cells:
        tree = _parse(source)
        cell = PlanCell(index, role, source)
        if role == "student":
            student_bound |= bound_names(tree)
        else:
            own = bound_names(tree)
            free = read_names(tree) - own - BUILTIN_NAMES
            cell.needs = sorted(n for n in free if n in student_bound or n not in trusted_bound)
            if role == "trusted":
                trusted_bound |= own
        plan.append(cell)
    return plan


# --------------------------------------------------------------------------- running


class CheckTimeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float | None):
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def _raise(signum, frame):
        raise CheckTimeout()

    try:
        previous = signal.signal(signal.SIGALRM, _raise)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _compile(source: str):
    tree = _parse(source)
    if tree is None:
        raise SyntaxError("cellule illisible")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    body = compile(tree, "<cellule de test>", "exec")
    return body, compile(last, "<cellule de test>", "eval") if last is not None else None


def run_cell(source: str, ns: dict, timeout: float | None) -> tuple[list[dict], str]:
    """Run one trusted cell in ``ns``; return (nbformat outputs, status ok|error|timeout)."""
    out, err = io.StringIO(), io.StringIO()
    outputs: list[dict] = []
    status = "ok"
    displayed: list[dict] = []

    def display(*objs, **kwargs):
        for obj in objs:
            displayed.append(
                {"output_type": "display_data", "data": {"text/plain": repr(obj)}, "metadata": {}}
            )

    ns.setdefault("display", display)
    value = None
    try:
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            _deadline(timeout),
        ):
            body, last = _compile(source)
            exec(body, ns)  # noqa: S102 - instructor code from the gradebook
            if last is not None:
                value = eval(last, ns)  # noqa: S307
    except CheckTimeout:
        status = "timeout"
        outputs.append(_error("CellTimeoutError", "Délai d'exécution dépassé.", []))
    except BaseException as exc:  # noqa: BLE001 - a failing test is an outcome
        status = "error"
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
        outputs.append(_error(type(exc).__name__, str(exc), tb[-6:]))
    streams = []
    if out.getvalue():
        streams.append({"output_type": "stream", "name": "stdout", "text": out.getvalue()})
    if err.getvalue():
        streams.append({"output_type": "stream", "name": "stderr", "text": err.getvalue()})
    result = []
    if value is not None and status == "ok":
        result.append(
            {
                "output_type": "execute_result",
                "data": {"text/plain": repr(value)},
                "metadata": {},
                "execution_count": None,
            }
        )
    return streams + displayed + result + outputs, status


def _error(ename: str, evalue: str, tb: list[str]) -> dict:
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb}


_PREFIX_CACHE: dict[str, dict] = {}


def _prefix(plan: list[PlanCell], timeout: float | None) -> tuple[dict, int]:
    """Namespace after the trusted cells before the first trainee cell (cached)."""
    prefix = []
    for cell in plan:
        if cell.role != "trusted" or cell.needs:
            break
        prefix.append(cell)
    key = hashlib.sha256("\x00".join(c.source for c in prefix).encode()).hexdigest()
    if key not in _PREFIX_CACHE:
        ns: dict = {"__name__": "__main__"}
        for cell in prefix:
            run_cell(cell.source, ns, timeout)
        _PREFIX_CACHE.clear()  # one notebook at a time per worker is the common case
        _PREFIX_CACHE[key] = ns
    return dict(_PREFIX_CACHE[key]), len(prefix)


def warm(plan: list[PlanCell], timeout: float | None) -> None:
    """Run (and cache) the set-up cells of ``plan`` before the first check needs them."""
    _prefix(plan, timeout)


@dataclass
class TestOutcome:
    index: int
    status: str  # ok | error | timeout | dead | not_run | not_plain
    outputs: list[dict] = field(default_factory=list)
    message: str = ""


NOT_PLAIN = (
    "`{name}` n'est pas une donnée simple ({reason}) : la correction n'accepte que des "
    "nombres, textes, booléens, listes, dictionnaires, dates et tableaux pandas. "
    "Donnez le résultat lui-même, pas une fonction ou un objet."
)


def check(
    plan: list[PlanCell],
    exports: dict[int, dict[str, dict] | None],
    stopped: dict[int, str],
    workdir: str,
    timeout: float | None,
) -> dict[int, TestOutcome]:
    """Run the trusted and test cells; ``exports``: cell index → exported names (None:
    export failed); ``stopped``: cell index → reason the sandbox stopped before it
    (``timeout`` / ``dead``). Return the outcome of every test cell."""
    previous_cwd = os.getcwd()
    ns, start = _prefix(plan, timeout)
    outcomes: dict[int, TestOutcome] = {}
    stop_at = min(stopped) if stopped else None
    try:
        os.chdir(workdir)
        for cell in plan[start:]:
            halted = stopped[stop_at] if stop_at is not None and cell.index >= stop_at else None
            if cell.role == "student":
                continue
            if halted is not None:
                if cell.role == "test":
                    outcomes[cell.index] = TestOutcome(cell.index, halted)
                continue
            problem = None
            data = exports.get(cell.index)
            if cell.needs and data is None:
                problem = "Les réponses n'ont pas pu être relues (environnement modifié ?)."
            for name in cell.needs if data is not None else ():
                if name not in data:
                    ns.pop(name, None) if not _trusted_only(plan, cell, name) else None
                    continue
                try:
                    ns[name] = decode(data[name])
                except NotPlainData as exc:
                    ns.pop(name, None)
                    problem = problem or NOT_PLAIN.format(name=name, reason=exc)
                except Exception:  # noqa: BLE001 - malformed data
                    ns.pop(name, None)
                    problem = problem or NOT_PLAIN.format(name=name, reason="illisible")
            if cell.role == "trusted":
                run_cell(cell.source, ns, timeout)
                continue
            if problem:
                outcomes[cell.index] = TestOutcome(
                    cell.index,
                    "not_plain",
                    [_error("DonneeNonSimple", problem, [])],
                    problem,
                )
                continue
            outputs, status = run_cell(cell.source, ns, timeout)
            outcomes[cell.index] = TestOutcome(cell.index, status, outputs)
    finally:
        os.chdir(previous_cwd)
    return outcomes


def _trusted_only(plan: list[PlanCell], cell: PlanCell, name: str) -> bool:
    """True when ``name`` is bound by trusted cells only before ``cell`` (keep its value)."""
    for other in plan:
        if other.index >= cell.index:
            break
        if other.role == "student" and name in bound_names(_parse(other.source)):
            return False
    return True
