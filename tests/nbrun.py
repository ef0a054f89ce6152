"""Execute each notebook once per content, share the result between tests (and runs).

``executed(path)`` runs a notebook in a real Jupyter kernel and returns the executed
notebook. The result is stored under ``.cache/notebooks/`` (git-ignored), keyed by the
SHA-256 of the notebook's bytes and of everything its execution depends on: every file of
``socialkit/`` and ``datasets/``, ``nbgrader_config.py``, ``pyproject.toml``, the Python
version and the installed distributions. A test that needs the same notebook again —
in the same run, in the other pytest-xdist worker or in a later run where nothing changed —
reads the stored result instead of executing it again; a lock file per entry makes the
second worker wait for the first.

Graded notebooks (``solutions/`` and the generated exercises) run through nbgrader's own
pipeline of ``nbgrader validate`` (``CheckCellMetadata``, ``ClearOutput``, ``Execute``,
with ``NBGRADER_EXECUTION=validate``), so ``validate(path)`` can apply nbgrader's
``Validator`` to that stored execution instead of running the notebook again. Lecture
notebooks run through nbclient, like ``jupyter execute``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import shutil
import sys
from collections.abc import Iterator
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "notebooks"
TIMEOUT = 120  # seconds per cell; every notebook runs in a few seconds


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of everything but the notebook that decides what executing it gives."""
    digest = hashlib.sha256()
    for folder in ("socialkit", "datasets"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    for name in ("nbgrader_config.py", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    digest.update(sys.version.encode())
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(dists).encode())
    return digest.hexdigest()


def assignments() -> list[str]:
    """The graded assignments: the folders of ``solutions/``."""
    return sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir() and p.name[0] != ".")


def graded(path: Path) -> bool:
    return any("nbgrader" in c.get("metadata", {}) for c in nbformat.read(path, as_version=4).cells)


@contextlib.contextmanager
def _locked(lock: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no lock, at worst a notebook runs twice
        yield
        return
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _slug(path: Path) -> str:
    """A stable name per notebook (the cache keeps one entry per name)."""
    path = path.resolve()
    if (ROOT / ".cache" / "exercises") in path.parents:  # this run's generated exercises
        return f"exercises-{path.stem}"
    if ROOT in path.parents:
        return "-".join(path.relative_to(ROOT).with_suffix("").parts)
    return f"{path.parent.name}-{path.stem}"


def executed(path: Path) -> nbformat.NotebookNode:
    """The notebook at ``path`` after a run in a fresh kernel (errors recorded, not raised)."""
    path = Path(path)
    data = path.read_bytes()
    kind = "graded" if graded(path) else "lecture"
    key = hashlib.sha256(f"{kind}\ninline\n{fingerprint()}\n".encode() + data).hexdigest()[:24]
    slug = _slug(path)
    out = CACHE / f"{slug}.{key}.ipynb"
    with _locked(CACHE / f"{slug}.lock"):
        if not out.exists():
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            nb = _run_graded(nb, path.parent) if kind == "graded" else _run(nb, path.parent)
            for old in CACHE.glob(f"{slug}.*.ipynb"):  # one entry per notebook
                old.unlink()
            tmp = out.with_suffix(".tmp")
            nbformat.write(nb, tmp)
            os.replace(tmp, out)
    return nbformat.read(out, as_version=4)


@contextlib.contextmanager
def _inline_figures() -> Iterator[None]:
    """Figures as cell outputs, like in JupyterLab, even when the tests run under
    ``MPLBACKEND=Agg`` (CI does), which would leave every figure cell without output."""
    saved = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = saved


def _run(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        allow_errors=True,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
    )
    with _inline_figures():
        client.execute()
    return nb


class _Validator:
    """nbgrader's Validator, fed with the stored execution instead of running again."""

    @staticmethod
    def make(executed_nb: nbformat.NotebookNode | None = None, **traits):
        from nbgrader.validator import Validator

        class Cached(Validator):
            def _preprocess(self, nb):
                return executed_nb if executed_nb is not None else super()._preprocess(nb)

        return Cached(**traits)


def _config():
    """The kit's nbgrader_config.py, as ``nbgrader validate`` run from the root loads it."""
    from traitlets.config import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()


def _run_graded(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    from nbgrader.utils import chdir

    validator = _Validator.make(config=_config())
    with chdir(str(cwd)), _inline_figures():
        return validator._preprocess(nb)


def validate(path: Path, invert: bool = False) -> dict:
    """``nbgrader validate [--invert] path`` on the stored execution: {} means success.

    Otherwise the dict is nbgrader's own report: ``failed`` (tests that fail on a solution),
    ``passed`` (tests an untouched exercise passes), ``changed`` or ``type_changed`` cells.
    """
    validator = _Validator.make(executed(path), config=_config(), invert=invert)
    return validator.validate(str(path))


def errors(nb: nbformat.NotebookNode) -> list[str]:
    """Cells that raised, as « cell N: Name: message », except those tagged to raise.

    A cell tagged ``raises-exception`` (the lecture shows an error on purpose) must raise:
    it is reported when it does not.
    """
    found = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        raised = [o for o in cell.outputs if o.output_type == "error"]
        expected = "raises-exception" in cell.metadata.get("tags", [])
        if raised and not expected:
            found.append(f"cell {number}: {raised[0].ename}: {raised[0].evalue}")
        if expected and not raised:
            found.append(f"cell {number}: tagged raises-exception but ran without error")
    return found


def generated_exercises() -> Path:
    """``exercises/`` as ``make exercises`` would write it now, generated once per content.

    Keyed by every file of ``solutions/``, the nbgrader configuration and the tools that
    generate, so the freshness test and the ``validate --invert`` tests share one
    generation (stored under ``.cache/exercises/``, one entry kept).
    """
    ignore = list(_config().CourseDirectory.ignore)  # what nbgrader does not copy
    digest = hashlib.sha256()
    for path in sorted((ROOT / "solutions").rglob("*")):
        parts = path.relative_to(ROOT).parts
        if path.is_file() and not any(fnmatch(p, pat) for p in parts for pat in ignore):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    for name in ("nbgrader_config.py", "tools/exercises.py", "tools/notebooks.py"):
        digest.update((ROOT / name).read_bytes())
    digest.update(importlib.metadata.version("nbgrader").encode())
    folder = ROOT / ".cache" / "exercises"
    out = folder / digest.hexdigest()[:24]
    with _locked(folder / "generate.lock"):
        if not out.is_dir():
            from tools.exercises import assignments, generate

            for old in folder.glob("*/"):
                shutil.rmtree(old)
            tmp = folder / "tmp"
            generate(assignments(), tmp)
            os.replace(tmp, out)
    return out
