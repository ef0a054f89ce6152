"""Notebook hygiene: one normal form for every notebook in git.

``python tools/notebooks.py --check`` lists every notebook that has outputs,
execution counts, machine-specific metadata, a kernel other than ``python3``,
duplicate cell ids, or stray files (checkpoints, ``Untitled*.ipynb``) and exits 1.
``--fix`` rewrites the notebooks into the normal form (used by
``make clean-notebooks`` and by ``tools/exercises.py`` after nbgrader); give paths
to touch only those notebooks.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("course", "solutions", "exercises", "apps")

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# No language_info version: it is the interpreter's (« 3.11.7 »), different on every machine.
# JupyterLab writes the running kernel's language_info on opening and would mark a notebook
# modified unless it held exactly that value: the kit's server extension (socialkit/lab.py)
# serves notebooks with it instead, so the files in git stay machine-independent.
NOTEBOOK_METADATA = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
# nbgrader's own metadata, the editing locks it sets and the slide type of the cells that make
# the instructor's talk (`make slides`) are meaningful; nothing else is.
CELL_METADATA_KEPT = ("nbgrader", "tags", "editable", "deletable", "slideshow")


def notebooks(root: Path = ROOT) -> list[Path]:
    found = []
    for folder in FOLDERS:
        found.extend(sorted((root / folder).rglob("*.ipynb")))
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


def normalise(nb: dict) -> dict:
    """Return ``nb`` in the kit's normal form (no outputs, no machine metadata)."""
    nb = dict(nb)
    nb["metadata"] = json.loads(json.dumps(NOTEBOOK_METADATA))
    nb["nbformat"], nb["nbformat_minor"] = 4, 5
    cells = []
    for cell in nb["cells"]:
        cell = dict(cell)
        cell["metadata"] = {
            k: cell["metadata"][k] for k in CELL_METADATA_KEPT if k in cell.get("metadata", {})
        }
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
        cells.append(cell)
    nb["cells"] = cells
    return nb


def dumps(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def problems(path: Path) -> list[str]:
    """Every way ``path`` departs from the normal form, in French."""
    try:
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
    except (OSError, ValueError) as exc:
        return [f"illisible ({exc.__class__.__name__})"]
    found = []
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    if kernel != "python3":
        found.append(f"noyau « {kernel} » au lieu de « python3 »")
    if any(c.get("outputs") for c in nb["cells"]):
        found.append("sorties enregistrées")
    if any(c.get("execution_count") for c in nb["cells"]):
        found.append("compteurs d'exécution enregistrés")
    ids = [c.get("id") for c in nb["cells"]]
    if None in ids or len(set(ids)) != len(ids):
        found.append("identifiants de cellules absents ou en double")
    if not found and text != dumps(normalise(nb)):
        found.append("métadonnées propres à une machine (lancez `make clean-notebooks`)")
    return found


def stray_files(root: Path = ROOT) -> list[str]:
    tracked = subprocess.run(
        ["git", "ls-files", *FOLDERS], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    return [
        t
        for t in tracked
        if ".ipynb_checkpoints" in t or Path(t).name.lower().startswith("untitled")
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fix", action="store_true", help="rewrite notebooks in the normal form")
    parser.add_argument("--check", action="store_true", help="report problems, exit 1 if any")
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all of them)")
    args = parser.parse_args()
    bad = 0
    for path in [p.resolve() for p in args.paths] or notebooks():
        if args.fix:
            nb = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(dumps(normalise(nb)), encoding="utf-8")
        for problem in problems(path):
            print(f"{path.relative_to(ROOT)} : {problem}")
            bad += 1
    for stray in stray_files():
        print(f"{stray} : fichier parasite suivi par git")
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
