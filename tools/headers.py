"""Exercise headers generated from the nbgrader metadata of each graded notebook.

Every notebook of ``solutions/`` opens with three markdown cells:

1. ``consigne_intro`` (generated): the title, taken from the first heading of the matching
   lecture notebook in ``course/``, and a one-line summary (questions, points, autograded
   and manual points);
2. ``consigne_module`` (written by hand, kept as is): the module's own introduction —
   context, duration, which functions of the course help;
3. ``consigne_bareme`` (generated): how to answer a code question, how to edit a written
   answer (only when the notebook has one), and the points table with the total.

The points come only from the cell metadata (``nbgrader.points`` of the grade cells, grouped
under the ``## Question N — …`` heading that precedes them); the heading of every question
is rewritten to end with its points, too. ``python -m tools.headers`` rewrites the headers
in ``solutions/`` (``make exercises`` runs it before nbgrader), ``--check`` exits 1 when a
notebook's header no longer matches its metadata (a test does the same).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from socialkit import fr
from tools.notebooks import dumps, normalise

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "solutions"
INTRO, MODULE, SCALE = "consigne_intro", "consigne_module", "consigne_bareme"

QUESTION = re.compile(r"^## Question (\d+) — (.+?)(?: \((\d+) points?[^()]*\))?\s*$")


@dataclass(frozen=True)
class Question:
    number: int
    title: str
    points: int
    manual: bool


def _source(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def _meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _points(n: int) -> str:
    return fr.plural(n, "point")


def _graded(n: int, how: str) -> str:
    """« 1 point corrigé automatiquement », « 4 points corrigés à la main »."""
    return f"{_points(n)} {'corrigé' if n < 2 else 'corrigés'} {how}"


def questions(nb: dict) -> list[Question]:
    """The graded questions of ``nb``, with their points summed from the metadata.

    A grade cell (autograder tests, manually graded answer or task) counts for the
    ``## Question N`` heading above it; a grade cell before any question heading is an error.
    """
    found: list[dict] = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            match = QUESTION.match(_source(cell).splitlines()[0]) if _source(cell) else None
            if match:
                found.append(
                    {"number": int(match[1]), "title": match[2], "points": 0, "manual": False}
                )
                continue
        meta = _meta(cell)
        if meta.get("grade") or meta.get("task"):
            if not found:
                raise ValueError(f"grade cell {meta.get('grade_id')} before any question heading")
            found[-1]["points"] += meta.get("points", 0)
            manual = meta.get("task") or (meta.get("grade") and meta.get("solution"))
            found[-1]["manual"] = found[-1]["manual"] or bool(manual)
    numbers = [q["number"] for q in found]
    if numbers != list(range(1, len(found) + 1)):
        raise ValueError(f"questions are not numbered 1, 2, 3…: {numbers}")
    return [Question(**q) for q in found]


def course_title(name: str) -> str:
    """« Prise en main : … » from course/<name>.ipynb's « # Module 1 — Prise en main : … »."""
    nb = json.loads((ROOT / "course" / f"{name}.ipynb").read_text(encoding="utf-8"))
    first = _source(nb["cells"][0]).splitlines()[0]
    match = re.match(r"^# Module \d+ — (.+)$", first)
    if not match:
        raise ValueError(f"course/{name}.ipynb: first line is not « # Module N — titre »")
    return match[1].strip()


def heading(question: Question) -> str:
    suffix = _points(question.points) + (", corrigée à la main" if question.manual else "")
    return f"## Question {question.number} — {question.title} ({suffix})"


def intro(name: str, qs: list[Question]) -> str:
    number = int(name.split("-")[0])
    auto = sum(q.points for q in qs if not q.manual)
    manual = sum(q.points for q in qs if q.manual)
    total = auto + manual
    split = [_graded(auto, "automatiquement") if auto else "", _graded(manual, "à la main")]
    return (
        f"# Exercice noté du module {number} — {course_title(name)}\n"
        "\n"
        f"*{fr.plural(len(qs), 'question')} · {_points(total)} au total "
        f"({', '.join(p for p in split if p and not p.startswith('0 '))})*"
    )


CODE_HOWTO = """\
## Mode d'emploi

**Répondre à une question de code.** Pour chaque question :

1. lisez la consigne ;
2. dans la cellule de réponse, remplacez les deux lignes `# VOTRE CODE ICI` et
   `raise NotImplementedError(...)` par votre code : il donne une valeur à la variable qui vaut
   pour l'instant `...` ;
3. exécutez la cellule (**Maj+Entrée**) ;
4. exécutez la cellule de vérification juste en dessous. Si un message d'erreur apparaît, lisez
   sa dernière ligne : elle dit ce qui ne va pas et se termine par une **Piste**. Sinon, votre
   réponse a passé les premières vérifications : passez à la suite.

Les cellules de vérification sont verrouillées : vous ne pouvez pas les modifier. La correction
ajoute des vérifications cachées sur les valeurs exactes : gardez exactement les noms de
variables demandés et n'arrondissez pas les nombres."""

TEXT_HOWTO = """\
**Rédiger une réponse.** Une question « corrigée à la main » se répond dans la cellule de texte
qui contient « VOTRE RÉPONSE ICI ». Double-cliquez sur cette cellule (ou sélectionnez-la et
appuyez sur **Entrée**) pour la modifier, remplacez ce texte par votre réponse, puis appuyez
sur **Maj+Entrée** pour la valider : elle s'affiche alors mise en forme. Votre formateur ou
formatrice la lit et la note."""


def scale(qs: list[Question]) -> str:
    auto = sum(q.points for q in qs if not q.manual)
    manual = sum(q.points for q in qs if q.manual)
    rows = [
        f"| {q.number} — {q.title} | {q.points} | {'à la main' if q.manual else 'automatique'} |"
        for q in qs
    ]
    kinds = [f"{auto} automatiques" if auto else "", f"{manual} à la main" if manual else ""]
    parts = [CODE_HOWTO]
    if manual:
        parts.append(TEXT_HOWTO)
    parts.append(
        "## Barème\n\n"
        "| Question | Points | Correction |\n"
        "|---|---:|---|\n" + "\n".join(rows) + "\n"
        f"| **Total** | **{auto + manual}** | {', '.join(k for k in kinds if k)} |"
    )
    parts.append(
        "Commencez par exécuter la cellule ci-dessous (**Maj+Entrée**) : elle charge les données."
    )
    return "\n\n".join(parts)


def _markdown(grade_id: str, text: str, cell_id: str | None = None) -> dict:
    return {
        "cell_type": "markdown",
        "id": cell_id or uuid.uuid4().hex[:8],
        "metadata": {
            "nbgrader": {
                "grade": False,
                "grade_id": grade_id,
                "locked": True,
                "schema_version": 3,
                "solution": False,
                "task": False,
            }
        },
        "source": _lines(text),
    }


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def apply(name: str, nb: dict) -> dict:
    """``nb`` with its header cells and question headings regenerated from the metadata."""
    qs = questions(nb)
    by_number = {q.number: q for q in qs}
    cells = [dict(c) for c in nb["cells"]]
    for cell in cells:
        if cell["cell_type"] != "markdown" or not _source(cell):
            continue
        lines = _source(cell).splitlines(keepends=True)
        match = QUESTION.match(lines[0])
        if match:
            end = "\n" if lines[0].endswith("\n") else ""
            lines[0] = heading(by_number[int(match[1])]) + end
            cell["source"] = lines
    ids = {_meta(c).get("grade_id"): i for i, c in enumerate(cells)}
    if MODULE not in ids:
        raise ValueError(f"{name}: no markdown cell with grade_id « {MODULE} »")
    head = [
        _markdown(INTRO, intro(name, qs), cells[ids[INTRO]]["id"] if INTRO in ids else None),
        cells[ids[MODULE]],
        _markdown(SCALE, scale(qs), cells[ids[SCALE]]["id"] if SCALE in ids else None),
    ]
    rest = [c for c in cells if _meta(c).get("grade_id") not in (INTRO, MODULE, SCALE)]
    return {**nb, "cells": head + rest}


def path_of(name: str) -> Path:
    return SOURCE / name / f"{name}.ipynb"


def render(name: str) -> str:
    """The normal-form text of ``solutions/<name>`` with its header regenerated."""
    nb = json.loads(path_of(name).read_text(encoding="utf-8"))
    return dumps(normalise(apply(name, nb)))


def assignments() -> list[str]:
    return sorted(p.name for p in SOURCE.iterdir() if p.is_dir() and not p.name.startswith("."))


def stale(names: list[str] | None = None) -> list[str]:
    """Assignments whose header in ``solutions/`` differs from the one the metadata gives."""
    return [n for n in names or assignments() if render(n) != path_of(n).read_text("utf-8")]


def write(names: list[str] | None = None) -> list[str]:
    """Regenerate the headers in ``solutions/``; return the assignments that changed."""
    changed = stale(names)
    for name in changed:
        path_of(name).write_text(render(name), encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="assignments (default: all of solutions/)")
    parser.add_argument("--check", action="store_true", help="report stale headers, exit 1 if any")
    args = parser.parse_args()
    if args.check:
        bad = stale(args.names)
        for name in bad:
            print(f"solutions/{name} : en-tête à régénérer (`make exercises`)")
        return 1 if bad else 0
    changed = write(args.names)
    print(f"en-têtes régénérés : {', '.join(changed) or 'aucun changement'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
