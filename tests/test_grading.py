"""Grading pipeline (tools/grading) on a fixture course: scores, flags, feedback, CSV.

One class of probe submissions (honest, cheats, malformed files and attacks on the grader)
is built and graded once (module fixture, short cell timeout); each test then checks one
aspect of the result. The same attacks run as an ordinary user in test_grading_user.py.
"""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import sysconfig
import zipfile
from pathlib import Path

import nbformat
import pytest

from tests.grading import fixture
from tools.grading import collect, feedback, grade, release
from tools.grading.course import Course

TIMEOUT = 3
COPY_MB = "16"  # cap of each working copy in the sandbox (the disk_full probe fills it)
KIT = Path(__file__).resolve().parents[1]


def attack_tokens(root: Path, port: int) -> dict[str, str]:
    return {
        "ROOT": str(root),
        "KIT": str(KIT),
        "HOME": os.path.expanduser("~"),
        "PORT": str(port),
        "VENV": sysconfig.get_paths()["purelib"],
    }


def _attacked_class(base: Path, kinds: list[str]):
    """A released fixture course and one collected copy per probe kind; the listening
    socket stands for a service on the grader's machine (closed by the caller)."""
    root = fixture.build_course(base / "cours", timeout=TIMEOUT)
    assert release.release(fixture.ASSIGNMENT, root, quiet=True) == 0
    rel = nbformat.read(
        root / "exercises" / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb", as_version=4
    )
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    tokens = attack_tokens(root, server.getsockname()[1])
    students = fixture.write_class(base / "remises", rel, kinds, tokens)
    report = collect.collect(fixture.ASSIGNMENT, base / "remises", root, quiet=True)
    assert set(report) == set(students)
    return root, rel, server, tokens, students


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("grading")
    root, rel, server, tokens, students = _attacked_class(base, list(fixture.PROBES))
    os.environ["KIT_GRADING_COPY_MB"] = COPY_MB
    try:
        results = grade.grade(root, fixture.ASSIGNMENT, timeout=TIMEOUT, quiet=True)
    finally:
        server.close()
        del os.environ["KIT_GRADING_COPY_MB"]
    return {
        "root": root,
        "students": students,
        "results": results,
        "release": rel,
        "tokens": tokens,
    }


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
    assert "n&#39;a pas la valeur attendue" in text  # the Incorrect message, escaped
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


def _outputs_text(graded, kind) -> str:
    student = next(s for s, k in graded["students"].items() if k == kind)
    path = graded["root"] / "autograded" / student / fixture.ASSIGNMENT
    nb = nbformat.read(path / f"{fixture.ASSIGNMENT}.ipynb", as_version=4)
    return "".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )


def test_attack_solutions_out_of_reach(graded):
    """Neither the sanitized notebook nor any copy of the course is in the sandbox's view."""
    assert "VOLES 0" in _outputs_text(graded, "read_solutions")
    assert _row(graded, "read_solutions")["cells"]["q1_tests"]["score"] == 0


def test_attack_persistence_on_disk_blocked(graded):
    text = _outputs_text(graded, "persistence")
    for name in ("paquet", "pyc", "pth", "donnees"):  # read-only in the sandbox
        assert f"BLOQUE {name}" in text, (name, text)
    for name, path in fixture.PERSIST_TARGETS.items():
        for token, value in graded["tokens"].items():
            path = path.replace(f"@@{token}@@", value)
        if name in ("carnet", "autre_copie"):
            assert b"porte derobee" not in Path(path).read_bytes(), name
        else:
            assert not Path(path).exists(), (name, path)
    with Course.open(graded["root"]).gradebook() as gb:  # still a valid gradebook
        assert gb.find_submission(fixture.ASSIGNMENT, "e01-correct").max_score == 6


def test_attack_cross_kernel_and_network(graded):
    text = _outputs_text(graded, "cross_kernel")
    # At most its own kernel (a forked kernel's command line is the fork server's), and
    # no process of the machine beyond its sandbox's PID 1 and itself.
    assert "NOYAUX 1" in text or "NOYAUX 0" in text, text
    assert int(re.search(r"PROCESSUS (\d+)", text).group(1)) <= 3, text
    assert "COPIES 1" in text or "COPIES 0" in text, text
    assert "RESEAU ferme" in _outputs_text(graded, "network")


def test_attack_daemon_does_not_survive(graded):
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            assert cmd != b"sleep\x004242\x00", pid


def test_attack_sigint_ignored_is_a_timeout_not_an_internal_error(graded):
    row = _row(graded, "sigint_ignored")
    assert "erreur_interne" not in row["flags"]
    q3 = row["cells"]["q3_tests"]
    assert q3["score"] == 0 and q3["status"] == "delai"
    assert "délai dépassé" in q3["message"].lower()
    assert row["cells"]["q1_tests"]["score"] == 1


def test_attack_disk_full_is_a_french_reason_not_an_internal_error(graded):
    """The working copy is a size-limited tmpfs: writing past it fails in the trainee's
    own cell; that question gets 0 with a French reason, the others are graded."""
    row = _row(graded, "disk_full")
    assert "erreur_interne" not in row["flags"] and "copie_trop_volumineuse" in row["flags"]
    q1 = row["cells"]["q1_tests"]
    assert q1["score"] == 0 and q1["message"] == grade.DISK_MESSAGE
    assert f"limitée à {COPY_MB} Mo au total" in q1["hint"], q1["hint"]
    written = int(re.search(r"ECRIT (\d+) Mo", _outputs_text(graded, "disk_full")).group(1))
    assert 0 < written < int(COPY_MB), written
    assert row["cells"]["q2_tests"]["score"] == 2 and row["cells"]["q3_tests"]["score"] == 1


def test_attack_check_helpers_tampering_in_kernel_is_harmless(graded):
    for kind in ("tamper_code", "tamper_gc", "module_state"):
        cells = _row(graded, kind)["cells"]
        assert all(c["score"] == 0 for c in cells.values() if c["type"] == "auto"), kind


def test_not_plain_data_answer_gets_a_french_reason(graded):
    q2 = _row(graded, "function_answer")["cells"]["q2_tests"]
    assert q2["score"] == 0 and q2["status"] == "donnee_non_simple"
    assert "donnée simple" in q2["message"] and "fonction" in q2["message"]
    q3 = _row(graded, "alwaysequal")["cells"]["q3_tests"]
    assert q3["status"] == "donnee_non_simple"


def test_attack_output_injection_reduced_to_text(graded):
    root = graded["root"]
    for path in (root / "autograded").rglob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type in ("markdown", "raw"):  # rendered as HTML by the formgrader
                assert "<script" not in cell.source and "<img" not in cell.source, path
            for out in cell.get("outputs", []):
                mimes = set(out.get("data", {}))
                assert mimes <= {"text/plain", "image/png", "image/jpeg"}, (path, mimes)
    for path in (root / "feedback").rglob("*.html"):
        text = path.read_text(encoding="utf-8").lower()
        assert "<script" not in text and "onerror" not in text, path


def test_checks_never_run_in_the_sandbox(graded):
    """Test cells are absent from what the kernel executed: its outputs come from the checks."""
    text = _outputs_text(graded, "correct")
    assert "secret-q1" not in text


BWRAP_KINDS = [
    "correct",
    "read_solutions",
    "persistence",
    "daemon",
    "cross_kernel",
    "network",
    "sigint_ignored",
    "os_exit",
]


def test_bwrap_fallback_holds_the_same_attacks(tmp_path):
    """The bubblewrap sandbox (fallback of the fork server) stops the same attacks."""
    import shutil

    if not shutil.which("bwrap"):
        pytest.skip("bubblewrap absent (make grading-deps)")
    root, _rel, server, _tokens, students = _attacked_class(tmp_path, BWRAP_KINDS)
    try:
        res = grade.grade(
            root, fixture.ASSIGNMENT, timeout=TIMEOUT, quiet=True, isolation_level="bwrap"
        )
    finally:
        server.close()
    texts = {}
    for student, kind in students.items():
        row = res[(student, fixture.ASSIGNMENT)]
        expected, flags = fixture.EXPECTED[kind]
        assert row["auto_score"] == expected and flags <= set(row["flags"]), (kind, row)
        assert "erreur_interne" not in row["flags"], kind
        nb = nbformat.read(
            root / "autograded" / student / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb",
            as_version=4,
        )
        texts[kind] = "".join(
            o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
        )
        result = json.loads(
            (root / "autograded" / student / fixture.ASSIGNMENT / "kit_resultat.json").read_text()
        )
        assert result["isolation"] == "bwrap"
    assert "VOLES 0" in texts["read_solutions"]
    for name in ("paquet", "pyc", "pth", "donnees"):
        assert f"BLOQUE {name}" in texts["persistence"], name
    assert "NOYAUX 1" in texts["cross_kernel"], texts["cross_kernel"]
    assert int(re.search(r"PROCESSUS (\d+)", texts["cross_kernel"]).group(1)) <= 3
    assert "RESEAU ferme" in texts["network"]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            assert Path(f"/proc/{pid}/cmdline").read_bytes() != b"sleep\x004242\x00", pid
        except OSError:
            pass


def test_refuses_without_sandbox(monkeypatch, graded):
    from tools.grading import sandbox

    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    monkeypatch.setattr(sandbox, "ZYGOTE", "/nonexistent/zygote.py")  # no fork server
    sandbox.detect.cache_clear()
    try:
        with pytest.raises(sandbox.SandboxUnavailable) as info:
            grade.grade(graded["root"], fixture.ASSIGNMENT, quiet=True, students=["x"])
        assert "--isolation none" in str(info.value) and "bubblewrap" in str(info.value)
    finally:
        sandbox.detect.cache_clear()


def test_isolation_none_is_explicit_and_reported(graded):
    root = graded["root"]
    student = next(s for s, k in graded["students"].items() if k == "correct")
    res = grade.grade(
        root, fixture.ASSIGNMENT, quiet=True, students=[student], isolation_level="none"
    )
    row = res[(student, fixture.ASSIGNMENT)]
    assert row["auto_score"] == 4 and "sans_isolation" in row["flags"]
    with open(root / "grades.csv", encoding="utf-8") as fh:
        csv_row = next(r for r in csv.DictReader(fh) if r["student_id"] == student)
    assert "SANS bac à sable" in csv_row["signalements"]
    # Back to the sandbox: the copy is graded again (isolation is part of the record).
    res = grade.grade(root, fixture.ASSIGNMENT, quiet=True, students=[student])
    assert "sans_isolation" not in res[(student, fixture.ASSIGNMENT)]["flags"]


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
    from tests.grading import bench

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


def test_fork_sandbox_rights_view_and_limits(tmp_path):
    """One fork sandbox from the inside: no rights, own PID space, capped copy, no network."""
    from tools.grading import sandbox, worker

    sandbox.detect.cache_clear()
    if sandbox.detect() != "fork":
        pytest.skip("pas d'espaces de noms ici : le kit se replie sur bubblewrap")
    base = tmp_path / "base"
    base.mkdir(mode=0o711)
    # datasets under /tmp (a clone there, the hub's trainee copy): seen through the private /tmp
    data = tmp_path / "donnees"
    data.mkdir(mode=0o755)
    (data / "comptes.csv").write_text("compte_id\nC001\n", encoding="utf-8")
    (data / "comptes.csv").chmod(0o644)
    zygote = sandbox.Zygote(str(base), str(data), worker.PRELOAD)
    zygote.wait()
    try:
        kernel = worker.SandboxKernel(str(base), "fork", str(data), zygote=zygote.path)
        try:
            kernel.wait_ready()
            outputs: list = []
            assert kernel.execute(fixture.SANDBOX_REPORT, 30, outputs, [0]) == "ok", outputs
            seen: list = []
            code = "import os; print(open(os.environ['SOCIALKIT_DATA'] + '/comptes.csv').read())"
            assert kernel.execute(code, 30, seen, [0]) == "ok", seen
            assert "C001" in seen[0]["text"]
            uid = kernel.uid
        finally:
            kernel.dispose()
    finally:
        zygote.close()
    report = json.loads(outputs[0]["text"])
    if os.geteuid() == 0:  # a fresh uid, no groups
        assert sandbox.UID_BASE <= report["uid"] == uid < sandbox.UID_BASE + sandbox.UID_SPAN
        assert report["groups"] == []
    assert int(report["cap_eff"], 16) == 0 and int(report["cap_bnd"], 16) == 0
    assert report["no_new_privs"] == "1"
    assert report["hostname"] == "bac-a-sable"
    assert report["pids"] == [1, 2]  # its PID 1 and the kernel: nothing else of the machine
    assert report["nproc"] == sandbox.LIMITS["nproc"]
    assert report["fsize"] == sandbox.LIMITS["fsize"]
    assert report["copy_bytes"] == sandbox.COPY_LIMIT
    assert set(report["root"]) <= {
        "usr",
        "bin",
        "sbin",
        "lib",
        "lib32",
        "lib64",
        "libx32",
        "etc",
        "dev",
        "proc",
        "tmp",
        "var",
        *[p.split("/")[1] for p in sandbox.python_paths() + sandbox.kit_paths()],
    }
    assert report["interfaces"] == ["lo"]
    assert report["kit_writable"] is False
    assert not list(base.iterdir())  # the copy and run folders are gone with the sandbox
