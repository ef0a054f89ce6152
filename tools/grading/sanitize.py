"""Parent-side preparation of a submission: read, check, sanitize, restore, scan.

Runs nbgrader's sanitize preprocessors (ClearOutput → DeduplicateIds →
OverwriteKernelspec → OverwriteCells → CheckCellMetadata), with two additions that
nbgrader lacks:

- the nbgrader metadata of every known cell is reset from the gradebook first (a
  student cannot turn a test cell into something else), and every missing locked,
  grade or task cell is put back — including cells whose metadata was stripped —
  so that no test is ever left "needs manual grade";
- a static scan of the trainee's own code for known cheating patterns (flags only).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode, from_dict
from nbformat.v4.nbjson import JSONReader
from nbgrader import utils
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    OverwriteCells,
    OverwriteKernelspec,
)

from tools.grading.course import Course, norm_source, strip_hidden_tests

MAX_FILE_BYTES = 100 * 1024 * 1024  # nbgrader's CourseDirectory.max_file_size
BIG_OUTPUT_BYTES = 5 * 1024 * 1024

STATIC_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("code_transformateurs", re.compile(r"input_transformer|ast_transformers")),
    ("code_custom_exc", re.compile(r"set_custom_exc|custom_exceptions|CustomTB")),
    ("code_showtraceback", re.compile(r"showtraceback|showsyntaxerror")),
    ("code_os_exit", re.compile(r"\bos\s*\.\s*_exit\b|\b_exit\s*\(|\bos\s*\.\s*kill\b|abort\s*\(")),
    (
        "code_sys_exit",
        re.compile(r"\bsys\s*\.\s*exit\b|\bSystemExit\b|(?<![\w.])(?:exit|quit)\s*\("),
    ),
    ("code_eq", re.compile(r"__eq__|__ne__")),
    (
        "code_sous_classe",
        re.compile(
            r"class\s+\w+\s*\(\s*(?:int|float|str|bool|list|dict|tuple|complex|"
            r"(?:np|numpy|pd|pandas)\s*\.\s*\w+)\s*[,)]"
        ),
    ),
    (
        "code_verificateur",
        re.compile(
            r"(?<![\w.])(?:check_\w+|Incorrect)\s*=(?!=)|\bdef\s+check_\w+|"
            r"socialkit\s*\.\s*check\s*\.\s*\w+\s*=(?!=)"
        ),
    ),
    ("code_evenements", re.compile(r"\.events\s*\.\s*(?:register|callbacks)")),
    ("code_trace", re.compile(r"settrace|setprofile")),
    ("code_builtins", re.compile(r"\bbuiltins\b|__builtins__")),
]


@dataclass
class MasterCell:
    name: str
    cell_type: str
    source: str  # instructor version (hidden tests included)
    release_source: str  # trainee version
    checksum: str | None
    locked: bool
    grade: bool
    solution: bool
    task: bool
    points: float | None
    release_cell: dict | None = None


@dataclass
class Master:
    assignment: str
    notebook: str
    cells: list[MasterCell]
    release_nb: NotebookNode | None
    hidden_lines: list[str] = field(default_factory=list)

    @property
    def by_name(self) -> dict[str, MasterCell]:
        return {c.name: c for c in self.cells}

    def test_cells(self) -> list[MasterCell]:
        return [c for c in self.cells if c.grade and not c.solution and c.cell_type == "code"]


def load_master(course: Course, assignment: str, notebook: str) -> Master:
    """Cells of one notebook from the gradebook, ordered like the trainee version."""
    release_path = course.release_dir(assignment) / f"{notebook}.ipynb"
    source_path = course.source_dir(assignment) / f"{notebook}.ipynb"
    release_nb = nbformat.read(release_path, as_version=4) if release_path.exists() else None
    order_nb = release_nb or (
        nbformat.read(source_path, as_version=4) if source_path.exists() else None
    )
    release_cells = {}
    order = []
    if order_nb is not None:
        for cell in order_nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if gid:
                order.append(gid)
                release_cells[gid] = cell
    with course.gradebook() as gb:
        nb = gb.find_notebook(notebook, assignment)
        grades = {c.name: c.max_score for c in nb.grade_cells}
        solutions = {c.name for c in nb.solution_cells}
        tasks = {c.name: c.max_score for c in nb.task_cells}
        cells = {}
        for sc in nb.source_cells:
            rel = release_cells.get(sc.name)
            release_source = (
                rel.source
                if (rel is not None and release_nb is not None)
                else strip_hidden_tests(sc.source)
            )
            cells[sc.name] = MasterCell(
                name=sc.name,
                cell_type=sc.cell_type,
                source=sc.source,
                release_source=release_source,
                checksum=sc.checksum,
                locked=bool(sc.locked),
                grade=sc.name in grades,
                solution=sc.name in solutions,
                task=sc.name in tasks,
                points=grades.get(sc.name, tasks.get(sc.name)),
                release_cell=copy.deepcopy(rel) if rel is not None else None,
            )
    ordered = [cells[n] for n in order if n in cells] + [
        c for n, c in cells.items() if n not in order
    ]
    hidden = []
    for c in ordered:
        if c.grade and not c.solution:
            kept = set(norm_source(c.release_source).splitlines())
            for line in norm_source(c.source).splitlines():
                if line not in kept and "HIDDEN TESTS" not in line and len(line.strip()) > 3:
                    hidden.append(line.strip())
    return Master(assignment, notebook, ordered, release_nb, hidden)


def read_submission(path: Path) -> tuple[NotebookNode | None, str | None, str]:
    """Return (notebook, problem code, French detail)."""
    if not path.exists():
        return None, "notebook_manquant", f"{path.name} absent"
    size = path.stat().st_size
    if size == 0:
        return None, "fichier_vide", f"{path.name} : 0 octet"
    if size > MAX_FILE_BYTES:
        return None, "fichier_trop_gros", f"{path.name} : {size / 1e6:.0f} Mo"
    try:
        raw = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
    except ValueError as exc:
        return None, "json_invalide", f"{path.name} : {str(exc)[:120]}"
    if not isinstance(raw, dict):
        return None, "format_invalide", f"{path.name} : pas un objet JSON de notebook"
    version = raw.get("nbformat")
    if version not in (3, 4) or not isinstance(raw.get("cells", raw.get("worksheets")), list):
        return None, "format_invalide", f"{path.name} : nbformat {version!r} non pris en charge"
    try:
        if version == 4:
            # No full schema validation (slow); cells are checked below and nbgrader's
            # CheckCellMetadata validates the grading metadata.
            nb = JSONReader().to_notebook(raw)
            nb.setdefault("metadata", from_dict({}))
            if not isinstance(nb.get("cells"), list):
                raise ValueError("pas de liste de cellules")
        else:
            nb = nbformat.reads(json.dumps(raw), as_version=4)
    except Exception as exc:  # noqa: BLE001
        return None, "format_invalide", f"{path.name} : {str(exc)[:120]}"
    for cell in nb.cells:
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            return None, "format_invalide", f"{path.name} : cellule invalide"
        if not isinstance(cell.get("source", ""), str):
            return None, "format_invalide", f"{path.name} : source de cellule invalide"
        cell.setdefault("metadata", from_dict({}))
        if cell.cell_type == "code":
            cell.setdefault("outputs", [])
            cell.setdefault("execution_count", None)
    return nb, None, ""


def _nbgrader_meta(mc: MasterCell) -> dict:
    """The cell's nbgrader metadata as the gradebook knows it."""
    meta = {
        "grade": mc.grade,
        "grade_id": mc.name,
        "locked": mc.locked,
        "schema_version": 3,
        "solution": mc.solution,
        "task": mc.task,
    }
    if mc.points is not None:
        meta["points"] = mc.points
    if mc.checksum:
        meta["checksum"] = mc.checksum
    return meta


def _master_cell_node(mc: MasterCell) -> NotebookNode:  # noqa: D401
    """A fresh cell for a missing master cell (instructor source for locked cells)."""
    meta = _nbgrader_meta(mc)
    source = mc.source if mc.locked else mc.release_source
    if mc.cell_type == "code":
        cell = nbformat.v4.new_code_cell(source)
    else:
        cell = nbformat.v4.new_markdown_cell(source)
    cell.metadata = from_dict({"nbgrader": meta, "editable": not mc.locked, "deletable": False})
    return cell


def sanitize(
    nb: NotebookNode, master: Master, resources: dict
) -> tuple[NotebookNode, list[tuple[str, str]]]:
    """Sanitize in place; return (notebook, [(flag code, detail)])."""
    flags: list[tuple[str, str]] = []
    by_name = master.by_name
    nb, resources = ClearOutput().preprocess(nb, resources)
    nb, resources = DeduplicateIds().preprocess(nb, resources)

    # 1. reset the nbgrader metadata of known cells from the gradebook
    present: dict[str, int] = {}
    for idx, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader")
        if not isinstance(meta, dict):
            cell.metadata.pop("nbgrader", None)
            continue
        gid = meta.get("grade_id")
        if gid not in by_name:
            cell.metadata.pop("nbgrader", None)
            continue
        mc = by_name[gid]
        if cell.cell_type != mc.cell_type:
            cell.cell_type = mc.cell_type
            if mc.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            else:
                cell.pop("outputs", None)
                cell.pop("execution_count", None)
        cell.metadata["nbgrader"] = from_dict(_nbgrader_meta(mc))
        if mc.locked and norm_source(cell.source) != norm_source(mc.release_source):
            code = "test_modifie" if mc.grade else "cellule_restauree"
            flags.append((code, mc.name))
        if mc.locked:
            cell.source = mc.source
        present[gid] = idx

    # 2. static scan of the trainee's own code (cells that are not locked master cells)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid and by_name[gid].locked:
            continue
        for code, pattern in STATIC_PATTERNS:
            if pattern.search(cell.source) and (code, "") not in flags:
                flags.append((code, ""))

    # 3. put back missing locked / grade / task cells, after the previous master cell
    unmarked = {
        norm_source(c.source): i
        for i, c in enumerate(nb.cells)
        if "nbgrader" not in c.metadata and c.cell_type == "code"
    }
    for pos, mc in enumerate(master.cells):
        if mc.name in present or not (mc.locked or mc.grade or mc.task):
            continue
        if mc.grade and not mc.solution:
            stripped = norm_source(mc.release_source) in unmarked
            flags.append(("test_sans_metadonnees" if stripped else "test_supprime", mc.name))
        elif mc.locked:
            flags.append(("cellule_restauree", mc.name))
        insert_at = 0
        for prev in reversed(master.cells[:pos]):
            if prev.name in present:
                insert_at = present[prev.name] + 1
                break
        nb.cells.insert(insert_at, _master_cell_node(mc))
        present = {
            c.metadata["nbgrader"]["grade_id"]: i
            for i, c in enumerate(nb.cells)
            if "nbgrader" in c.metadata and c.metadata["nbgrader"].get("grade_id")
        }
        unmarked = {
            norm_source(c.source): i
            for i, c in enumerate(nb.cells)
            if "nbgrader" not in c.metadata and c.cell_type == "code"
        }

    # 4. what OverwriteKernelspec / OverwriteCells do, from the preloaded gradebook data
    #    (one gradebook connection per submission less), then nbgrader's validation.
    if master.release_nb is not None and "kernelspec" in master.release_nb.metadata:
        nb.metadata["kernelspec"] = copy.deepcopy(master.release_nb.metadata["kernelspec"])
    else:
        nb, resources = OverwriteKernelspec().preprocess(nb, resources)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid and by_name[gid].locked and by_name[gid].checksum:
            if utils.compute_checksum(cell) != by_name[gid].checksum:
                # Should not happen; fall back on nbgrader's own restore.
                nb, resources = OverwriteCells(add_missing_cells=False).preprocess(nb, resources)
                break
    nb, resources = CheckCellMetadata().preprocess(nb, resources)
    return nb, flags


def unchanged_answer(cell: NotebookNode) -> bool:
    """True when a solution cell still holds the stub (nbgrader's "No response.")."""
    meta = cell.metadata.get("nbgrader", {})
    return "checksum" in meta and meta["checksum"] == utils.compute_checksum(cell)
