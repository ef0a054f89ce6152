"""Feedback (French HTML, one file per student per assignment), CSV export, summary.

``python -m tools.grading.feedback [<assignment>]`` regenerates the feedback and
grades.csv from the gradebook — run it after manual grading in the formgrader so the
manual scores and comments appear.

The page comes from ``templates/feedback.html.j2`` (Jinja2, autoescaped). The feedback
never contains test-cell source: only, per question, the points, the
status, the message raised by the check (``Incorrect`` text) and a hint.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import sys
from pathlib import Path

import jinja2

from socialkit import fr
from tools.grading.course import Course
from tools.grading.messages import flag_label, flag_message
from tools.grading.model import STATUS_FR

CSV_COLUMNS = [
    "assignment",
    "duedate",
    "timestamp",
    "student_id",
    "last_name",
    "first_name",
    "email",
    "raw_score",
    "late_submission_penalty",
    "score",
    "max_score",
    "signalements",
    # appended for the classroom (issue 14): « oui » while a manual grade is pending; LMS id
    "provisoire",
    "id_plateforme",
]


def _read_result(course: Course, student: str, assignment: str) -> dict | None:
    path = course.autograded_dir(student, assignment) / "kit_resultat.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _fmt(x) -> str:
    """Points the French way (socialkit.fr): « 1 », « 1,5 », « – » when missing."""
    return "–" if x is None else fr.short_number(x)


def flags_text(result: dict | None) -> str:
    if not result:
        return ""
    seen, parts = set(), []
    for code, detail in result.get("flags", []):
        if code in seen:
            continue
        seen.add(code)
        parts.append(flag_message(code) + (f" [{detail}]" if detail else ""))
    return " ; ".join(parts)


def _question_titles(course: Course, assignment: str, notebook: str) -> dict[str, str]:
    """Title of each grade cell: the last Markdown heading above it in the trainee version."""
    import nbformat

    path = course.release_dir(assignment) / f"{notebook}.ipynb"
    titles: dict[str, str] = {}
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001
        return titles
    current = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    current = line.lstrip("#").strip()
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid:
            titles[gid] = current
    return titles


@functools.lru_cache(maxsize=1)
def _template():
    """The feedback page (Jinja2, autoescaped: every text is escaped)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("feedback.html.j2")


def write_feedback(course: Course, student: str, assignment: str) -> list:
    """Write feedback/<student>/<assignment>/<notebook>.html; return the paths."""
    result = _read_result(course, student, assignment) or {}
    dest = course.feedback_dir(student, assignment)
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    with course.gradebook() as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except Exception:  # noqa: BLE001 - not graded
            return []
        total, total_max = submission.score, submission.max_score
        for subnb in submission.notebooks:
            name = subnb.name
            titles = _question_titles(course, assignment, name)
            cells = result.get("notebooks", {}).get(name, {}).get("cells", {})
            comments = {c.name: (c.manual_comment or "") for c in subnb.comments}
            questions = []
            for grade in sorted(
                subnb.grades, key=lambda g: list(titles).index(g.name) if g.name in titles else 999
            ):
                info = cells.get(grade.name, {})
                status = info.get("status", "manuel")
                if grade.manual_score is not None:
                    status_txt = "noté par la formatrice / le formateur"
                elif grade.auto_score is None:
                    status_txt = "en attente de correction manuelle"
                else:
                    status_txt = STATUS_FR.get(status, status)
                questions.append(
                    {
                        "title": titles.get(grade.name) or grade.name,
                        "score": _fmt(grade.score),
                        "max": _fmt(grade.max_score),
                        "status": status_txt,
                        "message": info.get("message", ""),
                        "hint": info.get("hint", ""),
                        "comment": comments.get(grade.name, ""),
                    }
                )
            remarks = list(
                dict.fromkeys(
                    flag_message(code)
                    for code, _ in result.get("flags", [])
                    if not code.startswith("code_")
                )
            )
            doc = _template().render(
                assignment=assignment,
                total=_fmt(total),
                total_max=_fmt(total_max),
                remarks=remarks,
                questions=questions,
            )
            path = dest / f"{name}.html"
            path.write_text(doc, encoding="utf-8")
            paths.append(path)
    return paths


def export_csv(course: Course, path=None) -> str:
    """grades.csv: nbgrader's columns plus ``signalements`` (one row per student × assignment)."""
    path = path or course.root / "grades.csv"
    with course.gradebook() as gb, open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for assignment in sorted(gb.assignments, key=lambda a: a.name):
            for student in sorted(gb.students, key=lambda s: s.id):
                try:
                    sub = gb.find_submission(assignment.name, student.id)
                except Exception:  # noqa: BLE001
                    sub = None
                if sub is None:
                    row = [
                        assignment.name,
                        assignment.duedate,
                        "",
                        student.id,
                        student.last_name,
                        student.first_name,
                        student.email,
                        0.0,
                        0.0,
                        0.0,
                        assignment.max_score,
                        "Aucune remise",
                        "non",
                        student.lms_user_id,
                    ]
                else:
                    result = _read_result(course, student.id, assignment.name)
                    row = [
                        assignment.name,
                        assignment.duedate,
                        sub.timestamp,
                        student.id,
                        student.last_name,
                        student.first_name,
                        student.email,
                        sub.score,
                        sub.late_submission_penalty,
                        max(sub.score - sub.late_submission_penalty, 0.0),
                        sub.max_score,
                        flags_text(result),
                        "oui" if sub.needs_manual_grade else "non",
                        student.lms_user_id,
                    ]
                writer.writerow(["" if v is None else v for v in row])
    return str(path)


def summary_rows(course: Course, keys) -> list[dict]:
    rows = []
    with course.gradebook() as gb:
        for student, assignment in keys:
            try:
                sub = gb.find_submission(assignment, student)
                score, max_score = sub.score, sub.max_score
                manual = sub.needs_manual_grade
            except Exception:  # noqa: BLE001
                score, max_score, manual = None, None, False
            result = _read_result(course, student, assignment) or {}
            auto = 0.0
            for nbinfo in result.get("notebooks", {}).values():
                for cell in nbinfo.get("cells", {}).values():
                    if cell.get("type") == "auto" and cell.get("score") is not None:
                        auto += cell["score"]
            codes = list(dict.fromkeys(code for code, _ in result.get("flags", [])))
            rows.append(
                {
                    "student": student,
                    "assignment": assignment,
                    "score": score,
                    "max": max_score,
                    "auto_score": auto,
                    "needs_manual": manual,
                    "flags": codes,
                    "cells": {
                        k: v
                        for nbinfo in result.get("notebooks", {}).values()
                        for k, v in nbinfo.get("cells", {}).items()
                    },
                }
            )
    return rows


def format_summary(rows: list[dict]) -> str:
    ws = max([len("Stagiaire")] + [len(r["student"]) for r in rows])
    wa = max([len("Devoir")] + [len(r["assignment"]) for r in rows])
    head = f"{'Stagiaire':{ws}s} {'Devoir':{wa}s} {'Note':>6s} {'Max':>5s}  Signalements"
    lines = ["", "Résumé de la correction", head, "-" * len(head)]
    for r in rows:
        flags = ", ".join(dict.fromkeys(flag_label(c) for c in r["flags"])) or "—"
        manual = " (correction manuelle en attente)" if r["needs_manual"] else ""
        lines.append(
            f"{r['student']:{ws}s} {r['assignment']:{wa}s} {_fmt(r['score']):>6s} "
            f"{_fmt(r['max']):>5s}  {flags}{manual}"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Régénérer les retours et grades.csv.")
    parser.add_argument("assignment", nargs="?", help="devoir (défaut : tous)")
    parser.add_argument("--root", default=None, help="racine du cours (défaut : dossier courant)")
    args = parser.parse_args(argv)
    course = Course.open(args.root)
    count = 0
    with course.gradebook() as gb:
        pairs = [
            (s.student.id, s.assignment.name)
            for a in gb.assignments
            if not args.assignment or a.name == args.assignment
            for s in a.submissions
        ]
    for student, assignment in pairs:
        count += len(write_feedback(course, student, assignment))
    path = export_csv(course)
    folder = course.coursedir.feedback_directory
    print(f"{count} retour(s) écrit(s) dans {folder}/ ; notes : {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
