"""Grading pipeline (tools/grading) on a fixture course: scores, flags, feedback, CSV.

One class of probe submissions is built and graded once (module fixture, short cell
timeout); each test then checks one aspect of the result.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import nbformat
import pytest

from tools.grading import collect, feedback, fixture, grade, release
from tools.grading.course import Course

TIMEOUT = 3


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("grading")
    root = fixture.build_course(base / "cours", timeout=TIMEOUT)
    assert release.release(fixture.ASSIGNMENT, root, quiet=True) == 0
    rel = nbformat.read(
        root / "exercises" / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb", as_version=4
    )
    students = fixture.write_class(base / "remises", rel, list(fixture.PROBES))
    report = collect.collect(fixture.ASSIGNMENT, base / "remises", root, quiet=True)
    assert set(report) == set(students)
    results = grade.grade(root, fixture.ASSIGNMENT, timeout=TIMEOUT, quiet=True)
    return {"root": root, "students": students, "results": results, "release": rel}


def _row(graded, kind):
    student = next(s for s, k in graded["students"].items() if k == kind)
    return graded["results"][(student, fixture.ASSIGNMENT)]


@pytest.mark.parametrize("kind", list(fixture.EXPECTED))
def test_probe_score_and_flags(graded, kind):
    expected_score, expected_flags = fixture.EXPECTED[kind]
    row = _row(graded, kind)
    assert row["auto_score"] == expected_score, (kind, row["cells"])
    assert expected_flags <= set(row["flags"]), (kind, row["flags"])
    # No test cell is ever left without an automatic score.
    for name, cell in row["cells"].items():
        if cell["type"] == "auto":
            assert cell["score"] is not None, (kind, name)


def test_honest_submissions_are_not_flagged(graded):
    for kind in ("correct", "partial", "blank", "wrong", "warning"):
        assert _row(graded, kind)["flags"] == [], kind


def test_cheats_zero_the_affected_cells(graded):
    assert _row(graded, "alwaysequal")["cells"]["q3_tests"]["score"] == 0
    assert _row(graded, "int_subclass")["cells"]["q3_tests"]["score"] == 0
    for kind in ("transformer", "custom_exc", "showtraceback"):
        cells = _row(graded, kind)["cells"]
        assert all(c["score"] == 0 for c in cells.values() if c["type"] == "auto"), kind
    os_exit = _row(graded, "os_exit")["cells"]
    assert os_exit["q1_tests"]["score"] == 1
    assert os_exit["q2_tests"]["status"] == "non_execute"


def test_gradebook_scores_and_no_needs_manual_on_tests(graded):
    course = Course.open(graded["root"])
    with course.gradebook() as gb:
        for student in graded["students"]:
            sub = gb.find_submission(fixture.ASSIGNMENT, student)
            for nb in sub.notebooks:
                for g in nb.grades:
                    if g.name.endswith("_tests"):
                        assert g.auto_score is not None, (student, g.name)
                        assert not g.needs_manual_grade, (student, g.name)


def test_feedback_has_no_hidden_tests(graded):
    root = graded["root"]
    files = list((root / "feedback").rglob("*.html"))
    assert len(files) == len(graded["students"])
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert len(text) < 4 * 5000
        for marker in fixture.HIDDEN_MARKERS:
            assert marker not in text, (path, marker)
        for line in (
            "check_equal(total_partages, 25",
            "taux_engagement(25, 500)",
            "check_equal(meilleur_post, 3",
        ):
            assert line not in text, (path, line)


def test_feedback_content_in_french(graded):
    student = next(s for s, k in graded["students"].items() if k == "partial")
    text = (
        graded["root"] / "feedback" / student / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.html"
    ).read_text(encoding="utf-8")
    assert "réussi" in text and "échoué" in text
    assert "n&#x27;a pas la valeur attendue" in text  # the Incorrect message
    assert "Piste" in text


def test_csv_export(graded):
    with open(graded["root"] / "grades.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(graded["students"])
    assert "signalements" in rows[0]
    by_student = {r["student_id"]: r for r in rows}
    transformer = next(s for s, k in graded["students"].items() if k == "transformer")
    assert "transformateurs" in by_student[transformer]["signalements"]
    empty = next(s for s, k in graded["students"].items() if k == "empty")
    assert "vide" in by_student[empty]["signalements"]


def test_rerun_skips_and_keeps_manual_grades(graded):
    root = graded["root"]
    course = Course.open(root)
    student = next(s for s, k in graded["students"].items() if k == "correct")
    with course.gradebook() as gb:
        g = gb.find_grade("q4_commentaire", fixture.ASSIGNMENT, fixture.ASSIGNMENT, student)
        g.manual_score = 1.5
        g2 = gb.find_grade("q1_tests", fixture.ASSIGNMENT, fixture.ASSIGNMENT, student)
        g2.manual_score = 0.5
        gb.db.commit()
    before = (root / "autograded" / student / fixture.ASSIGNMENT / "kit_resultat.json").stat()
    grade.grade(root, fixture.ASSIGNMENT, quiet=True, timeout=TIMEOUT)  # all skipped
    after = (root / "autograded" / student / fixture.ASSIGNMENT / "kit_resultat.json").stat()
    assert before.st_mtime_ns == after.st_mtime_ns
    grade.grade(root, fixture.ASSIGNMENT, quiet=True, force=True, students=[student])
    with course.gradebook() as gb:
        assert (
            gb.find_grade(
                "q4_commentaire", fixture.ASSIGNMENT, fixture.ASSIGNMENT, student
            ).manual_score
            == 1.5
        )
        g2 = gb.find_grade("q1_tests", fixture.ASSIGNMENT, fixture.ASSIGNMENT, student)
        assert g2.manual_score == 0.5 and g2.auto_score == 1.0
        assert gb.find_submission(fixture.ASSIGNMENT, student).score == 5.0
    feedback.main(["--root", str(root)])
    text = root / "feedback" / student / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.html"
    assert "5 / 6" in text.read_text(encoding="utf-8")


def test_kernel_isolation(graded, tmp_path):
    """Student code runs in a temp copy and cannot read solutions/ or touch the gradebook."""
    from tools.grading import isolation

    root = graded["root"]
    probe = tmp_path / "probe.json"
    snoop = (
        "import os, json\nres = {'cwd': os.getcwd()}\n"
        f"for p in [{str(root / 'solutions')!r}, {str(root / 'submitted')!r}]:\n"
        "    try:\n        res[p] = sorted(os.listdir(p))\n"
        "    except Exception as exc:\n        res[p] = type(exc).__name__\n"
        f"try:\n    open({str(root / 'gradebook.db')!r}, 'r+b').write(b'XX')\n"
        "    res['write'] = 'ok'\nexcept Exception as exc:\n    res['write'] = type(exc).__name__\n"
        "print('SNOOP' + json.dumps(res))\ntotal_partages = 25"
    )
    nb = nbformat.from_dict(json.loads(nbformat.writes(graded["release"])))
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "q1_reponse":
            cell.source = snoop
    incoming = tmp_path / "in"
    incoming.mkdir()
    nbformat.write(nb, incoming / "zz-snoop.ipynb")
    collect.collect(fixture.ASSIGNMENT, incoming, root, quiet=True)
    size_before = (root / "gradebook.db").stat().st_size
    res = grade.grade(root, fixture.ASSIGNMENT, quiet=True, students=["zz-snoop"])
    assert res[("zz-snoop", fixture.ASSIGNMENT)]["auto_score"] == 1
    out = nbformat.read(
        root / "autograded" / "zz-snoop" / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb",
        as_version=4,
    )
    text = "".join(o.get("text", "") for c in out.cells if c.cell_type == "code" for o in c.outputs)
    seen = json.loads(text.split("SNOOP", 1)[1].splitlines()[0])
    assert not seen["cwd"].startswith(str(root))
    level = isolation.detect()
    if level == "namespace":
        assert seen[str(root / "solutions")] != ["demo-notation"]
        assert seen[str(root / "submitted")] != sorted(graded["students"])
    if level in ("namespace", "user"):
        assert seen["write"] != "ok" or (root / "gradebook.db").stat().st_size >= size_before
    with Course.open(root).gradebook() as gb:  # still a valid gradebook
        assert gb.find_submission(fixture.ASSIGNMENT, "zz-snoop").score == 1
    probe.write_text(json.dumps(seen))


def test_collect_from_lms_zip(tmp_path, graded):
    rel = graded["release"]
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(
            "Devoir 1/Jeanne Dupont_4242_assignsubmission_file_/mon travail.ipynb",
            nbformat.writes(rel),
        )
        zf.writestr("Devoir 1/Ali Ben_77_assignsubmission_file_/notes.txt", "rien")
    report = collect.collect(fixture.ASSIGNMENT, archive, graded["root"], quiet=True)
    assert set(report) == {"jeanne-dupont", "ali-ben"}
    target = graded["root"] / "submitted" / "jeanne-dupont" / fixture.ASSIGNMENT
    assert (target / f"{fixture.ASSIGNMENT}.ipynb").exists()
    assert (target / "timestamp.txt").exists()
    with Course.open(graded["root"]).gradebook() as gb:
        gb.find_student("jeanne-dupont")


def test_summary_and_static_scan_texts_are_french():
    from tools.grading.messages import FLAGS

    for code, (label, message) in FLAGS.items():
        assert label and message, code
    row = {
        "student": "x",
        "assignment": "a",
        "score": 1.0,
        "max": 2.0,
        "needs_manual": False,
        "flags": ["noyau_arrete"],
    }
    assert "noyau arrêté" in feedback.format_summary([row])


def test_hidden_test_text_never_in_messages(graded):
    for row in graded["results"].values():
        for cell in row["cells"].values():
            for marker in fixture.HIDDEN_MARKERS:
                assert marker not in cell.get("message", "")
                assert marker not in cell.get("hint", "")


def test_release_writes_exercises(graded):
    path = graded["root"] / "exercises" / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb"
    text = Path(path).read_text(encoding="utf-8")
    assert "BEGIN HIDDEN TESTS" not in text and "secret-q1" not in text


def test_flat_folder_and_resubmission_is_regraded(graded, tmp_path):
    root = graded["root"]
    nb = nbformat.from_dict(json.loads(nbformat.writes(graded["release"])))
    incoming = tmp_path / "plat"
    incoming.mkdir()
    nbformat.write(nb, incoming / "Zoé Martin.ipynb")  # flat layout, accented name
    collect.collect(fixture.ASSIGNMENT, incoming, root, quiet=True)
    first = grade.grade(root, fixture.ASSIGNMENT, quiet=True, students=["zoe-martin"])
    assert first[("zoe-martin", fixture.ASSIGNMENT)]["auto_score"] == 0
    for cell in nb.cells:  # the trainee sends a corrected file
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in fixture.CORRECT:
            cell.source = fixture.CORRECT[gid]
    nbformat.write(nb, incoming / "Zoé Martin.ipynb")
    collect.collect(fixture.ASSIGNMENT, incoming, root, quiet=True)
    again = grade.grade(root, fixture.ASSIGNMENT, quiet=True, students=["zoe-martin"])
    assert again[("zoe-martin", fixture.ASSIGNMENT)]["auto_score"] == 4


def test_durations_are_recorded(graded):
    course = Course.open(graded["root"])
    student = next(s for s, k in graded["students"].items() if k == "correct")
    record = grade.read_result(course, student, fixture.ASSIGNMENT)
    assert record["duration"] > 0 and record["wait"] >= 0


def test_bench_class_built_from_a_kit_module():
    from tools.grading import bench

    assert bench.DEFAULT_ASSIGNMENT == "01-prise-en-main"
    ((name, (exercise, answers)),) = bench.module_answers(bench.DEFAULT_ASSIGNMENT).items()
    assert name == bench.DEFAULT_ASSIGNMENT and answers
    ids = list(bench._answer_cells(exercise))
    assert set(ids) == set(answers)
    subs = {
        k: bench._answer_cells(bench.module_submission(exercise, answers, k)) for k in bench.KINDS
    }
    for gid in ids:
        assert "### BEGIN SOLUTION" not in subs["correct"][gid]
        assert "NotImplementedError" not in subs["correct"][gid]
        assert subs["blank"][gid] == bench._answer_cells(exercise)[gid]
        assert subs["wrong"][gid] != subs["correct"][gid]
        compile(subs["wrong"][gid], gid, "exec")
    answered = [gid for gid in ids if subs["partial"][gid] == subs["correct"][gid]]
    assert answered == ids[: (len(ids) + 1) // 2]
