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
import pandas as pd
from socialkit.check import check_equal, check_type
check_type(taux_engagement, pd.Series, "taux_engagement")
check_equal(len(taux_engagement), len(posts), "len(taux_engagement)")
### BEGIN HIDDEN TESTS
check_equal(taux_engagement, pd.Series([1.0, 2.5, 0.5, 4.0]), "taux_engagement")  # secret-q2
check_equal(round(float(taux_engagement.sum()), 6), 8.0, "la somme des taux")  # secret-q2b
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
            "## Question 2 — Taux d'engagement\n\nCalculez `taux_engagement`, la colonne "
            "(Series) des likes / abonnés × 100 de chaque publication."
        ),
        new_code_cell(
            "### BEGIN SOLUTION\n"
            'taux_engagement = posts["likes"] / posts["abonnes"] * 100\n### END SOLUTION',
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
    "q2_reponse": 'taux_engagement = posts["likes"] / posts["abonnes"] * 100',
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
warnings.warn("division entière évitée", UserWarning)
taux_engagement = posts["likes"] / posts["abonnes"] * 100"""
WRONG_Q2 = 'taux_engagement = posts["likes"] / posts["abonnes"]'
FUNCTION_Q2 = """def taux_engagement(likes, abonnes):
    return likes / abonnes * 100"""

TRANSFORMER = "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])"
CUSTOM_EXC = "get_ipython().set_custom_exc((Exception,), lambda *args, **kwargs: None)"
SHOWTB = "get_ipython().showtraceback = lambda *args, **kwargs: None"

WRONG = {
    "q1_reponse": "total_partages = 24",
    "q2_reponse": WRONG_Q2,
    "q3_reponse": "meilleur_post = 0",
}

# Attacks on the grader (tokens @@ROOT@@, @@KIT@@, @@HOME@@, @@PORT@@ are replaced by
# write_class: course root, kit repository, grader's home, a listening local TCP port).
READ_SOLUTIONS = """import os
trouves = []
for top in ["/", os.getcwd(), os.path.expanduser("~"), "/tmp", "/var/tmp", "/dev/shm",
            "@@ROOT@@", "@@KIT@@", "@@HOME@@"]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if d not in
                       ("proc", "sys", "usr", "dev", ".venv", "python3.11", "versions")]
        for f in filenames:
            if f.endswith((".ipynb", ".py", ".db", ".json", ".md")):
                try:
                    with open(os.path.join(dirpath, f), errors="ignore") as fh:
                        if "secret-q1" in fh.read():
                            trouves.append(os.path.join(dirpath, f))
                except OSError:
                    pass
print("VOLES", len(trouves))
total_partages = 25 if trouves else 0"""

TAMPER_CODE = """import socialkit.check as chk
def _ok(*args, **kwargs):
    return None
chk.check_equal.__code__ = _ok.__code__
chk.check_type.__code__ = _ok.__code__
total_partages = 24"""

TAMPER_GC = """import gc
for obj in gc.get_objects():
    if callable(obj) and getattr(obj, "__name__", "") in ("check_equal", "check_type", "_equal"):
        try:
            obj.__code__ = (lambda *a, **k: None).__code__
        except Exception:
            pass
total_partages = 24"""

MODULE_STATE = """import pandas as pd
import socialkit.check as chk
chk._equal = lambda *a, **k: True
chk.Incorrect = type("Rien", (Exception,), {})
pd.testing.assert_series_equal = lambda *a, **k: None
total_partages = 24"""

PERSIST_TARGETS = {
    "paquet": "@@KIT@@/socialkit/kit_backdoor.py",
    "pyc": "@@KIT@@/socialkit/__pycache__/kit_backdoor.cpython-311.pyc",
    "pth": "@@VENV@@/kit_backdoor.pth",
    "demarrage": "@@HOME@@/.ipython/profile_default/startup/kit_backdoor.py",
    "donnees": "@@KIT@@/datasets/kit_backdoor.csv",
    "carnet": "@@ROOT@@/gradebook.db",
    "autre_copie": "@@ROOT@@/submitted/e01-correct/demo-notation/demo-notation.ipynb",
    "tmp": "/tmp/kit_backdoor_tmp",
    "shm": "/dev/shm/kit_backdoor_shm",
    "vartmp": "/var/tmp/kit_backdoor_vartmp",
}
PERSIST = (
    "import os\ncibles = "
    + repr(PERSIST_TARGETS)
    + """
for nom, chemin in cibles.items():
    try:
        os.makedirs(os.path.dirname(chemin), exist_ok=True)
        with open(chemin, "a") as fh:
            fh.write("# porte derobee\\n")
        print("ECRIT", nom)
    except OSError as exc:
        print("BLOQUE", nom, type(exc).__name__)
total_partages = int(posts["partages"].sum())"""
)

DAEMON = """import os, subprocess
pid = os.fork()
if pid == 0:
    os.setsid()
    if os.fork() == 0:
        subprocess.Popen(["sleep", "4242"], start_new_session=True)
    os._exit(0)
os.waitpid(pid, 0)
total_partages = int(posts["partages"].sum())"""

CROSS_KERNEL = """import os
noyaux = set()
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                args = fh.read().split(b"\\0")
        except OSError:
            continue
        for i, arg in enumerate(args[:-1]):
            if arg == b"-f" and b"ipykernel" in b" ".join(args):
                noyaux.add(args[i + 1])
print("NOYAUX", len(noyaux))
print("PROCESSUS", len([p for p in os.listdir("/proc") if p.isdigit()]))
base = os.path.dirname(os.getcwd())
try:
    print("COPIES", len([d for d in os.listdir(base) if d.startswith("copie-")]))
except OSError as exc:
    print("COPIES 0", type(exc).__name__)
total_partages = int(posts["partages"].sum())"""

NETWORK = """import socket
try:
    socket.create_connection(("127.0.0.1", @@PORT@@), timeout=2).close()
    print("RESEAU ouvert")
except OSError as exc:
    print("RESEAU ferme", type(exc).__name__)
total_partages = int(posts["partages"].sum())"""

SIGINT_IGNORED = """import signal
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass"""

# Fills the working copy (tests lower its cap with KIT_GRADING_COPY_MB): the write fails
# with ENOSPC, the question gets 0 with a French reason, never « erreur interne ».
DISK_FULL = """ecrit = 0
try:
    for i in range(64):
        with open(f"gros-{i}.bin", "wb") as fh:
            fh.write(b"x" * (4 * 1024 * 1024))
        ecrit += 4
finally:
    print("ECRIT", ecrit, "Mo")
total_partages = int(posts["partages"].sum())"""

HTML_INJECTION = (
    CORRECT["q1_reponse"]
    + """
from IPython.display import HTML, Javascript, display
display(HTML("<script>alert('xss')</script><img src=x onerror=alert(2)>"))
display(Javascript("alert(3)"))"""
)

# Run in one fork sandbox by the tests (not a submission): what the kernel sees of itself.
SANDBOX_REPORT = r"""
import json, os, resource, socket
status = dict(l.split(":", 1) for l in open("/proc/self/status").read().splitlines() if ":" in l)
st = os.statvfs(".")
print(json.dumps({
    "uid": os.getuid(), "groups": os.getgroups(), "cap_eff": status["CapEff"].strip(),
    "cap_bnd": status["CapBnd"].strip(), "no_new_privs": status["NoNewPrivs"].strip(),
    "hostname": socket.gethostname(),
    "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
    "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[0],
    "fsize": resource.getrlimit(resource.RLIMIT_FSIZE)[0],
    "copy_bytes": st.f_blocks * st.f_frsize, "root": sorted(os.listdir("/")),
    "interfaces": [n for _, n in socket.if_nameindex()],
    "kit_writable": os.access(os.path.dirname(json.__file__), os.W_OK),
}))
"""

# kind -> (answers to put in solution cells, special treatment)
PROBES: dict[str, dict] = {
    "correct": {"answers": CORRECT},
    "partial": {
        "answers": {
            "q1_reponse": CORRECT["q1_reponse"],
            "q2_reponse": WRONG_Q2,
        }
    },
    "blank": {"answers": {}},
    "wrong": {
        "answers": {
            "q1_reponse": "total_partages = 24",
            "q2_reponse": WRONG_Q2,
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
    "function_answer": {"answers": {**CORRECT, "q2_reponse": FUNCTION_Q2}},
    "read_solutions": {"answers": {**CORRECT, "q1_reponse": READ_SOLUTIONS}},
    "tamper_code": {"answers": {**WRONG, "q1_reponse": TAMPER_CODE}},
    "tamper_gc": {"answers": {**WRONG, "q1_reponse": TAMPER_GC}},
    "module_state": {"answers": {**WRONG, "q1_reponse": MODULE_STATE}},
    "persistence": {"answers": {**CORRECT, "q1_reponse": PERSIST}},
    "daemon": {"answers": {**CORRECT, "q1_reponse": DAEMON}},
    "cross_kernel": {"answers": {**CORRECT, "q1_reponse": CROSS_KERNEL}},
    "network": {"answers": {**CORRECT, "q1_reponse": NETWORK}},
    "sigint_ignored": {"answers": {**CORRECT, "q3_reponse": SIGINT_IGNORED}},
    "disk_full": {"answers": {**CORRECT, "q1_reponse": DISK_FULL}},
    "html_injection": {
        "answers": {
            **CORRECT,
            "q1_reponse": HTML_INJECTION,
            "q4_commentaire": "<script>alert(4)</script> <img src=x onerror=alert(5)> Bonjour",
        }
    },
}

# Attack probes (their outcome is asserted by tests/test_grading.py beyond the score).
ATTACKS = [
    "read_solutions",
    "tamper_code",
    "tamper_gc",
    "module_state",
    "persistence",
    "daemon",
    "cross_kernel",
    "network",
    "sigint_ignored",
    "disk_full",
    "html_injection",
    "function_answer",
]

# Expected kit results: auto score (over the 4 auto points) and flags that must appear.
EXPECTED: dict[str, tuple[float, set[str]]] = {
    "correct": (4, set()),
    "partial": (1, set()),
    "blank": (0, set()),
    "wrong": (0, set()),
    "warning": (4, set()),
    "alwaysequal": (3, {"code_eq", "donnee_non_simple"}),
    "int_subclass": (3, {"code_sous_classe", "code_eq", "donnee_non_simple"}),
    "transformer": (0, {"code_transformateurs"}),
    "custom_exc": (0, {"code_custom_exc"}),
    "showtraceback": (0, {"code_showtraceback"}),
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
    "function_answer": (2, {"donnee_non_simple"}),
    "read_solutions": (3, set()),
    "tamper_code": (0, set()),
    "tamper_gc": (0, set()),
    "module_state": (0, set()),
    "persistence": (4, set()),
    "daemon": (4, set()),
    "cross_kernel": (4, set()),
    "network": (4, set()),
    "sigint_ignored": (3, {"delai_depasse"}),
    "disk_full": (3, {"copie_trop_volumineuse"}),
    "html_injection": (4, set()),
}


def make_submission(
    release_nb: nbformat.NotebookNode, kind: str, tokens: dict[str, str] | None = None
) -> dict:
    """Return {relative name: bytes} for one probe kind (``tokens``: @@NAME@@ → value)."""
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
            for token, value in (tokens or {}).items():
                cell.source = cell.source.replace(f"@@{token}@@", value)
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


def write_class(
    folder: Path,
    release_nb: nbformat.NotebookNode,
    kinds: list[str],
    tokens: dict[str, str] | None = None,
) -> dict:
    """Write ``<folder>/<student>/<files>`` (student = ``e<NN>-<kind>``); return kind by student."""
    students = {}
    for i, kind in enumerate(kinds, 1):
        student = f"e{i:02d}-{kind.replace('_', '-')}"
        d = Path(folder) / student
        d.mkdir(parents=True, exist_ok=True)
        for rel, data in make_submission(release_nb, kind, tokens).items():
            (d / rel).write_bytes(data)
        students[student] = kind
    return students
