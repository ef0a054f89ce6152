"""A small fixture course (one assignment) and a class of probe submissions.

Used by the tests (tests/test_grading.py), the benchmark (bench.py) and the probe
table (probes.py) until the kit's real assignments exist.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ASSIGNMENT = "demo-notation"

CONFIG = """c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "medias-sociaux-test"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.solution_directory = "corriges"
c.ClearSolutions.code_stub = {{
    "python": "# VOTRE CODE ICI\\nraise NotImplementedError("
    "\\"Remplacez ces deux lignes par votre réponse.\\")"
}}
c.ClearSolutions.text_stub = "VOTRE RÉPONSE ICI"
c.Execute.shutdown_kernel = "immediate"
c.Execute.timeout = {timeout}
c.OverwriteCells.add_missing_cells = True
"""

SETUP = """import pandas as pd
from socialkit.check import check_equal, check_type

posts = pd.DataFrame({
    "likes": [10, 25, 5, 40],
    "partages": [2, 8, 1, 14],
    "abonnes": [1000, 1000, 1000, 1000],
})"""

Q1_TEST = """# Piste : additionnez la colonne « partages » avec .sum().
from socialkit.check import check_equal, check_type
check_type(total_partages, int, "total_partages", hint="convertissez avec int(...)")
### BEGIN HIDDEN TESTS
check_equal(total_partages, 25, "total_partages")  # secret-q1
### END HIDDEN TESTS"""

Q2_TEST = """# Piste : le taux est likes / abonnés × 100.
from socialkit.check import check_equal
check_equal(taux_engagement(50, 1000), 5.0, "taux_engagement(50, 1000)")
### BEGIN HIDDEN TESTS
check_equal(taux_engagement(25, 500), 5.0, "taux_engagement(25, 500)")  # secret-q2
check_equal(taux_engagement(3, 300), 1.0, "taux_engagement(3, 300)")  # secret-q2b
### END HIDDEN TESTS"""

Q3_TEST = """from socialkit.check import check_equal, check_type
check_type(meilleur_post, int, "meilleur_post")
### BEGIN HIDDEN TESTS
check_equal(meilleur_post, 3, "meilleur_post", hint="cherchez idxmax()")  # secret-q3
### END HIDDEN TESTS"""

HIDDEN_MARKERS = ["BEGIN HIDDEN TESTS", "secret-q1", "secret-q2", "secret-q2b", "secret-q3"]


def _nbg(grade_id, *, grade=False, solution=False, locked=False, points=None, task=False):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": task,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def source_notebook() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    cells = [
        new_markdown_cell("# Exercice de démonstration\n\nDonnées : quatre publications."),
        new_code_cell(SETUP, metadata=_nbg("setup", locked=True)),
        new_markdown_cell("## Question 1 — Total des partages\n\nCalculez `total_partages` (int)."),
        new_code_cell(
            '### BEGIN SOLUTION\ntotal_partages = int(posts["partages"].sum())\n### END SOLUTION',
            metadata=_nbg("q1_reponse", solution=True),
        ),
        new_code_cell(Q1_TEST, metadata=_nbg("q1_tests", grade=True, locked=True, points=1)),
        new_markdown_cell(
            "## Question 2 — Taux d'engagement\n\nÉcrivez `taux_engagement(likes, abonnes)` "
            "qui renvoie un pourcentage."
        ),
        new_code_cell(
            "### BEGIN SOLUTION\ndef taux_engagement(likes, abonnes):\n"
            "    return likes / abonnes * 100\n### END SOLUTION",
            metadata=_nbg("q2_reponse", solution=True),
        ),
        new_code_cell(Q2_TEST, metadata=_nbg("q2_tests", grade=True, locked=True, points=2)),
        new_markdown_cell(
            "## Question 3 — Meilleure publication\n\nDonnez dans `meilleur_post` l'index de la "
            "publication la plus aimée (int)."
        ),
        new_code_cell(
            '### BEGIN SOLUTION\nmeilleur_post = int(posts["likes"].idxmax())\n### END SOLUTION',
            metadata=_nbg("q3_reponse", solution=True),
        ),
        new_code_cell(Q3_TEST, metadata=_nbg("q3_tests", grade=True, locked=True, points=1)),
        new_markdown_cell("## Question 4 — Votre analyse\n\nQuelle publication mettre en avant ?"),
        new_markdown_cell(
            "### BEGIN SOLUTION\nLa publication 3 : le plus de likes et de partages.\n"
            "### END SOLUTION",
            metadata=_nbg("q4_commentaire", grade=True, solution=True, points=2),
        ),
    ]
    nb.cells = cells
    return nb


def build_course(root: Path, timeout: int = 5, assignment: str = ASSIGNMENT) -> Path:
    """Write nbgrader_config.py and solutions/<id>/<id>.ipynb under ``root``."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(CONFIG.format(timeout=timeout), encoding="utf-8")
    src = root / "solutions" / assignment
    src.mkdir(parents=True, exist_ok=True)
    nbformat.write(source_notebook(), src / f"{assignment}.ipynb")
    (root / "datasets").mkdir(exist_ok=True)
    return root


CORRECT = {
    "q1_reponse": 'total_partages = int(posts["partages"].sum())',
    "q2_reponse": "def taux_engagement(likes, abonnes):\n    return likes / abonnes * 100",
    "q3_reponse": 'meilleur_post = int(posts["likes"].idxmax())',
    "q4_commentaire": "La publication 3, parce qu'elle a le plus de partages.",
}

ALWAYS_EQUAL = """class ToujoursEgal:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
meilleur_post = ToujoursEgal()"""

INT_SUBCLASS = """class Entier(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
meilleur_post = Entier(0)"""

WARNING_Q2 = """import warnings
def taux_engagement(likes, abonnes):
    warnings.warn("division entière évitée", UserWarning)
    return likes / abonnes * 100"""

TRANSFORMER = "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])"
CUSTOM_EXC = "get_ipython().set_custom_exc((Exception,), lambda *args, **kwargs: None)"
SHOWTB = "get_ipython().showtraceback = lambda *args, **kwargs: None"

# kind -> (answers to put in solution cells, special treatment)
PROBES: dict[str, dict] = {
    "correct": {"answers": CORRECT},
    "partial": {
        "answers": {
            "q1_reponse": CORRECT["q1_reponse"],
            "q2_reponse": "def taux_engagement(likes, abonnes):\n    return likes / abonnes",
        }
    },
    "blank": {"answers": {}},
    "wrong": {
        "answers": {
            "q1_reponse": "total_partages = 24",
            "q2_reponse": "def taux_engagement(likes, abonnes):\n    return likes / abonnes",
            "q3_reponse": "meilleur_post = 0",
            "q4_commentaire": "Je ne sais pas.",
        }
    },
    "warning": {"answers": {**CORRECT, "q2_reponse": WARNING_Q2}},
    "alwaysequal": {"answers": {**CORRECT, "q3_reponse": ALWAYS_EQUAL}},
    "int_subclass": {"answers": {**CORRECT, "q3_reponse": INT_SUBCLASS}},
    "transformer": {"answers": {"q1_reponse": TRANSFORMER}},
    "custom_exc": {"answers": {"q1_reponse": CUSTOM_EXC}},
    "showtraceback": {"answers": {"q1_reponse": SHOWTB}},
    "sys_exit": {"answers": {**CORRECT, "q3_reponse": "import sys\nsys.exit(0)"}},
    "os_exit": {"answers": {**CORRECT, "q2_reponse": "import os\nos._exit(0)"}},
    "infinite_loop": {"answers": {**CORRECT, "q3_reponse": "while True:\n    pass"}},
    "edited_test": {
        "answers": {**CORRECT, "q3_reponse": "meilleur_post = 0"},
        "edit_test": "q3_tests",
    },
    "deleted_test": {
        "answers": {**CORRECT, "q3_reponse": "meilleur_post = 0"},
        "delete_test": "q3_tests",
    },
    "stripped_test": {
        "answers": {**CORRECT, "q3_reponse": "meilleur_post = 0"},
        "strip_test": "q3_tests",
    },
    "invalid_json": {"raw": b'{"cells": [{"cell_type": "code", "source": '},
    "empty": {"raw": b""},
    "wrong_nbformat": {
        "raw": json.dumps({"nbformat": 99, "nbformat_minor": 0, "cells": 3}).encode()
    },
    "missing_notebook": {"no_notebook": True},
    "extra_files": {"answers": CORRECT, "extra": {"brouillon.py": "x = 1\n", "copie.ipynb": "{}"}},
    "gigantic_output": {
        "answers": {**CORRECT, "q1_reponse": CORRECT["q1_reponse"] + "\nprint('x' * 3_000_000)"},
        "stored_output_mb": 12,
    },
}

# Expected kit results: auto score (over the 4 auto points) and flags that must appear.
EXPECTED: dict[str, tuple[float, set[str]]] = {
    "correct": (4, set()),
    "partial": (1, set()),
    "blank": (0, set()),
    "wrong": (0, set()),
    "warning": (4, set()),
    "alwaysequal": (3, {"code_eq"}),
    "int_subclass": (3, {"code_sous_classe", "code_eq"}),
    "transformer": (0, {"transformateurs", "code_transformateurs"}),
    "custom_exc": (0, {"gestionnaire_exceptions", "code_custom_exc"}),
    "showtraceback": (0, {"showtraceback", "code_showtraceback"}),
    "sys_exit": (3, {"sys_exit", "code_sys_exit"}),
    "os_exit": (1, {"noyau_arrete", "code_os_exit"}),
    "infinite_loop": (3, {"delai_depasse"}),
    "edited_test": (3, {"test_modifie"}),
    "deleted_test": (3, {"test_supprime"}),
    "stripped_test": (3, {"test_sans_metadonnees"}),
    "invalid_json": (0, {"json_invalide"}),
    "empty": (0, {"fichier_vide"}),
    "wrong_nbformat": (0, {"format_invalide"}),
    "missing_notebook": (0, {"notebook_manquant"}),
    "extra_files": (4, {"fichiers_en_trop"}),
    "gigantic_output": (4, {"sortie_volumineuse"}),
}


def make_submission(release_nb: nbformat.NotebookNode, kind: str) -> dict:
    """Return {"files": {relative name: bytes}} for one probe kind."""
    spec = PROBES[kind]
    name = f"{ASSIGNMENT}.ipynb"
    if "raw" in spec:
        return {name: spec["raw"]}
    if spec.get("no_notebook"):
        return {"notes.txt": "J'ai oublié le notebook.\n".encode()}
    nb = copy.deepcopy(release_nb)
    answers = spec.get("answers", {})
    cells = []
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
        if gid and gid == spec.get("edit_test"):
            cell.source = "pass"
        if gid and gid == spec.get("delete_test"):
            continue
        if gid and gid == spec.get("strip_test"):
            cell.metadata = {}
        cells.append(cell)
    nb.cells = cells
    if spec.get("stored_output_mb"):
        blob = "y" * (spec["stored_output_mb"] * 1_000_000)
        cells[3].outputs = [nbformat.v4.new_output("stream", name="stdout", text=blob)]
    files = {name: nbformat.writes(nb).encode()}
    for extra, text in spec.get("extra", {}).items():
        files[extra] = text.encode()
    return files


def write_class(folder: Path, release_nb: nbformat.NotebookNode, kinds: list[str]) -> dict:
    """Write ``<folder>/<student>/<files>`` (student = ``e<NN>-<kind>``); return kind by student."""
    students = {}
    for i, kind in enumerate(kinds, 1):
        student = f"e{i:02d}-{kind.replace('_', '-')}"
        d = Path(folder) / student
        d.mkdir(parents=True, exist_ok=True)
        for rel, data in make_submission(release_nb, kind).items():
            (d / rel).write_bytes(data)
        students[student] = kind
    return students
