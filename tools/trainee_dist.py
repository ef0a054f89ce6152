"""``make trainee-dist``: the trainees' copy of the kit, built from the same source.

Two distributions of one repository:

- **self-study** (the repository itself, ``make lab``): everything, model answers in
  ``solutions/`` included;
- **trainee** (this script, what ``make hub`` puts on every trainee's server): the course,
  the exercises, the datasets and the ``socialkit`` package — never ``solutions/``, the
  hidden tests, the instructor docs, the grading tools or the tests.

The result is checked before it is written: no notebook may contain a solution or hidden-test
marker, and no forbidden folder may be present. ``--check DIR`` re-checks an existing copy.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "build" / "trainee-dist"
# What trainees get, relative to the kit root.
INCLUDE = ("course", "exercises", "datasets", "socialkit", "apps")
# Never in the trainees' copy (checked on the result).
FORBIDDEN_DIRS = ("solutions", "corriges", "docs", "tools", "tests", "source", "autograded")
FORBIDDEN_MARKERS = (
    "### BEGIN HIDDEN TESTS",
    "### END HIDDEN TESTS",
    "### BEGIN SOLUTION",
    "### END SOLUTION",
)
IGNORE = shutil.ignore_patterns(
    "__pycache__", "*.pyc", ".ipynb_checkpoints", "feedback", "plan_*_calendrier.*"
)
README = """\
# Médias sociaux — votre espace de formation

- `course/00-index.ipynb` : le sommaire du cours (ouvert au démarrage).
- `exercises/` : les exercices d'entraînement de chaque module. Les devoirs notés se
  récupèrent dans l'onglet **Assignments** (menu Nbgrader → Assignments) : « Fetch »,
  puis « Validate » et « Submit » quand vous avez terminé.
- `datasets/` : les données fictives du cours et leur dictionnaire (`datasets/README.md`).

Les corrigés ne sont pas dans cet espace : vos retours arrivent dans l'onglet Assignments
(« Fetch Feedback ») après la correction.
"""


def problems(folder: Path) -> list[str]:
    """Everything that must not be in a trainees' copy, one line each (empty: clean)."""
    found = []
    for name in FORBIDDEN_DIRS:
        if (folder / name).exists():
            found.append(f"dossier interdit : {name}/")
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".ipynb", ".py", ".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for marker in FORBIDDEN_MARKERS:
                if marker in text:
                    found.append(f"{path.relative_to(folder)} contient « {marker} »")
    return found


def build(out: Path = DEFAULT_OUT, root: Path = ROOT) -> Path:
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    for name in INCLUDE:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, tmp / name, ignore=IGNORE)
    (tmp / "LISEZMOI.md").write_text(README, encoding="utf-8")
    found = problems(tmp)
    if found:
        shutil.rmtree(tmp)
        raise SystemExit("Copie stagiaire refusée :\n  " + "\n  ".join(found))
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Construire la copie du kit pour les stagiaires.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="dossier de sortie")
    parser.add_argument("--check", type=Path, default=None, help="vérifier une copie existante")
    args = parser.parse_args(argv)
    if args.check is not None:
        found = problems(args.check)
        print("\n".join(found) if found else f"{args.check} : copie stagiaire propre.")
        return 1 if found else 0
    out = build(args.out)
    print(f"Copie stagiaire écrite dans {out} (sans solutions/, tests cachés ni docs formateur).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
