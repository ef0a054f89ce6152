"""The classroom end to end, in Debian's chromium: JupyterHub + nbgrader's exchange + the kit.

One hub for the whole module (``make hub``'s code path: ``python -m tools.hub``), started as
root with real Unix accounts: 3 trainees and 1 instructor from a test roster, passwords from
a test fixture. The journey, in order (each test builds on the previous one):

1. a trainee logs in and lands on the course index; no ``solutions/`` on a trainee's server;
2. three trainees fetch the assignment from the Assignments tab, answer (right, partial,
   blank: written into the fetched notebook as the trainee would save it), validate, submit;
3. the instructor collects from the exchange and grades with the kit (``make collect
   FROM=exchange``, ``make grade``); submission times are the exchange's;
4. in the formgrader the instructor enters a manual grade and a comment; the page runs no
   script a trainee wrote into an answer;
5. the instructor clicks Generate Feedback and Release Feedback in the formgrader; each
   trainee clicks Fetch Feedback and reads French per-question feedback without test code;
6. the formgrader's Autograde button explains in French how to grade instead of running
   stock nbgrader.

Needs root (real accounts, ``useradd``), Node/npm (configurable-http-proxy) and chromium; the
users' Python environment is built on first use in ``/opt/medias-sociaux/env`` (minutes).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import pwd
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import nbformat
import pytest
from browserkit import FAILURES, KERNEL_IDLE, ROOT, ServerProcess
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(os.geteuid() != 0, reason="le hub de test crée des comptes Unix (root)"),
]

ASSIGNMENT = "02-strategie-globale"
INSTRUCTOR = "kit-formateur"
MANUAL_CELL = "q7_manuel"  # the assignment's written answer, graded by hand (3 points)
TRAINEES = {
    "kit-ana": ("Ana", "Lambert", "correct"),
    "kit-bruno": ("Bruno", "Dewit", "partial"),
    "kit-chloe": ("Chloé", "Renard", "blank"),
}
INJECTED = '<script>window.kitPwned = 1;</script><img src="x" onerror="window.kitPwned = 2">'
TIMINGS: list[tuple[str, float]] = []
WAIT = 120_000  # ms: the machine is shared and slow; bounded anyway


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900, **kwargs)
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _make(*args: str) -> subprocess.CompletedProcess:
    return _run(["make", "--no-print-directory", *args])


@contextlib.contextmanager
def _timed(label: str):
    t0 = time.perf_counter()
    yield
    TIMINGS.append((label, time.perf_counter() - t0))


@pytest.fixture(scope="module")
def classroom():
    state = Path(tempfile.mkdtemp(prefix="kit-hub-"))
    state.chmod(0o755)
    accounts_before = {u for u in [INSTRUCTOR, *TRAINEES] if _account_exists(u)}
    roster = state / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["identifiant", "prénom", "nom", "courriel", "id_plateforme"])
        for i, (ident, (first, last, _)) in enumerate(TRAINEES.items(), 1):
            writer.writerow([ident, first, last, f"{ident}@exemple.be", f"10{i}"])
    passwords = {ident: secrets.token_urlsafe(12) for ident in [INSTRUCTOR, *TRAINEES]}
    pw_file = state / "test-passwords.csv"
    with pw_file.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["identifiant", "mot_de_passe"])
        writer.writerows(passwords.items())
    pw_file.chmod(0o600)
    cmd = [
        sys.executable,
        "-m",
        "tools.hub",
        "--roster",
        str(roster),
        "--instructor",
        INSTRUCTOR,
        "--state",
        str(state / "hub"),
        "--home-base",
        str(state / "home"),
        "--passwords",
        str(pw_file),
        "--port",
        "{port}",
    ]
    with _timed("hub: provisioning + start"):
        server = ServerProcess(cmd, ready_path="/hub/login", timeout=1500)
        server.__enter__()
    settings = json.loads((state / "hub" / "hub.json").read_text(encoding="utf-8"))
    course = Path(settings["course_root"])
    with _timed("make release (generate + exchange)"):
        _make("release", f"ASSIGNMENT={ASSIGNMENT}", f"COURSE={course}")
    room = {
        "url": server.url,
        "state": state,
        "settings": settings,
        "course": course,
        "passwords": passwords,
        "homes": state / "home",
        "server": server,
    }
    try:
        yield room
    finally:
        server.stop()
        FAILURES.mkdir(parents=True, exist_ok=True)
        with (FAILURES.parent / "hub-timings.txt").open("w", encoding="utf-8") as fh:
            for label, seconds in TIMINGS:
                fh.write(f"{seconds:8.1f} s  {label}\n")
        if not os.environ.get("KIT_HUB_KEEP"):  # KIT_HUB_KEEP=1: keep the state to debug
            shutil.rmtree(state, ignore_errors=True)
            # the Unix accounts this test created go too (homes were under ``state``)
            for user in {INSTRUCTOR, *TRAINEES} - accounts_before:
                if os.geteuid() == 0 and _account_exists(user):
                    # a server the hub did not stop in time would keep the account busy
                    subprocess.run(["pkill", "-KILL", "-u", user], check=False)
                    subprocess.run(["userdel", user], capture_output=True, check=False)


def _account_exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
    except KeyError:
        return False
    return True


def _login(page, room, user: str) -> None:
    page.goto(room["url"] + "/hub/login", wait_until="domcontentloaded")
    page.fill("#username_input", user)
    page.fill("#password_input", room["passwords"][user])
    page.click("#login_submit")
    page.wait_for_url(re.compile(rf"/user/{user}/"), timeout=WAIT * 2)


def _front(page) -> None:
    """Bring the Assignments tab to the front (the course index may take the focus late)."""
    page.get_by_role("tab", name="Assignments").click()


def _click_in_assignments(page, target) -> None:
    """Click ``target`` in the Assignments panel, bringing it back to the front if the course
    index, still opening on a loaded machine, takes the front between the two clicks."""
    for attempt in range(3):
        _front(page)
        try:
            target.click(timeout=10_000)
            return
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise


def _open_assignments(page) -> None:
    # trainees' lab opens the course index first: wait for it so it does not steal the focus
    page.get_by_role("tab", name=re.compile("00-index")).wait_for(timeout=WAIT)
    page.get_by_role("menuitem", name="Nbgrader").click()
    page.get_by_role("menuitem", name="Assignment List").click()
    page.get_by_role("tab", name="Assignments").click()  # the course index may have the focus
    page.locator("#released_assignments_list").wait_for(timeout=WAIT)


def _wait_lab(page) -> None:
    page.locator("#jp-main-dock-panel").wait_for(timeout=WAIT * 2)
    page.get_by_role("menuitem", name="Nbgrader").wait_for(timeout=WAIT)


def _answer(room, user: str, kind: str) -> Path:
    """Write the trainee's answers into the fetched notebook (as their save would)."""
    from tests.grading.bench import module_answers, module_submission

    path = room["homes"] / user / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    (_exercise, answers) = module_answers(ASSIGNMENT)[ASSIGNMENT]
    fetched = nbformat.read(path, as_version=4)
    nb = module_submission(fetched, answers, kind)
    if kind == "correct":
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "markdown" and meta.get("solution"):
                cell.source = "Une réponse rédigée. " + INJECTED
    nbformat.write(nb, path)
    stat = path.parent.stat()
    os.chown(path, stat.st_uid, stat.st_gid)
    return path


def test_trainee_lands_on_course_index_without_solutions(page, classroom):
    user = "kit-ana"
    with _timed("login + first server start (trainee)"):
        _login(page, classroom, user)
        _wait_lab(page)
    page.wait_for_url(re.compile(r"/lab/tree/course/00-index.ipynb"), timeout=WAIT)
    page.get_by_role("tab", name=re.compile("00-index")).wait_for(timeout=WAIT)
    # the index opens unmodified once its kernel has answered (socialkit.lab on the hub too)
    page.wait_for_function(KERNEL_IDLE, timeout=WAIT)
    page.wait_for_timeout(1000)
    tab = page.locator(".lm-TabBar-tab.jp-mod-current", has_text="00-index")
    assert "jp-mod-dirty" not in (tab.get_attribute("class") or "")
    home = classroom["homes"] / user
    assert (home / "course" / "00-index.ipynb").exists()
    assert not (home / "solutions").exists()
    dist = Path(classroom["settings"]["trainee_dist"])
    assert not (dist / "solutions").exists() and not (dist / "docs").exists()
    # the formgrader is the instructor's only
    resp = page.request.get(f"{classroom['url']}/user/{user}/formgrader")
    assert resp.status == 404
    assert page.external_requests == []


def test_trainee_opens_an_app_in_voila_offline(page, classroom):
    """The simulations as apps on the hub: Voilà with the kit's template, no CDN request."""
    user = "kit-ana"
    _login(page, classroom, user)
    app = classroom["url"] + f"/user/{user}/voila/render/apps/03-rythme-de-publication.ipynb"
    with _timed("trainee: open an app (Voilà)"):
        page.goto(app, timeout=WAIT)
        page.wait_for_selector(".kit-figure canvas[data-drawn]", timeout=WAIT)
    assert page.locator(".kit-questions").count() == 1
    assert page.external_requests == []


def test_trainees_fetch_validate_and_submit(browser, classroom):
    for user, (_first, _last, kind) in TRAINEES.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
        page = context.new_page()
        try:
            with _timed(f"{user}: login + Assignments tab"):
                _login(page, classroom, user)
                _wait_lab(page)
                _open_assignments(page)
            released = page.locator("#released_assignments_list")
            with _timed(f"{user}: fetch"):
                released.get_by_text(ASSIGNMENT).first.wait_for(timeout=WAIT)
                released.get_by_role("button", name="Fetch").click()
                page.locator("#fetched_assignments_list").get_by_text(ASSIGNMENT).first.wait_for(
                    timeout=WAIT
                )
            _answer(classroom, user, kind)
            fetched = page.locator("#fetched_assignments_list")
            with _timed(f"{user}: validate"):
                # list the notebooks
                _click_in_assignments(page, fetched.locator("a.assignment-notebooks-link").first)
                fetched.get_by_role("button", name="Validate").first.click()
                dialog = page.locator(".jp-Dialog")
                dialog.wait_for(timeout=WAIT)
                text = dialog.inner_text()
                dialog.get_by_role("button").last.click()
            # the visible tests only (the hidden ones are not in the trainee's copy)
            assert ("Success" in text) == (kind == "correct"), (user, text[:500])
            with _timed(f"{user}: submit"):
                _click_in_assignments(page, fetched.get_by_role("button", name="Submit").first)
                page.locator("#submitted_assignments_list").get_by_text(ASSIGNMENT).first.wait_for(
                    timeout=WAIT
                )
        except Exception:
            FAILURES.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(FAILURES / f"hub-{user}-submit.png"), full_page=True)
            raise
        finally:
            context.close()
    inbound = Path(classroom["settings"]["exchange"]) / "medias-sociaux" / "inbound"
    assert sorted({p.name.split("+")[0] for p in inbound.iterdir()}) == sorted(TRAINEES)


def test_instructor_collects_and_grades_with_the_kit(classroom):
    course = classroom["course"]
    with _timed("make collect FROM=exchange"):
        _make("collect", f"ASSIGNMENT={ASSIGNMENT}", "FROM=exchange", f"COURSE={course}")
    for user in TRAINEES:
        sub = course / "submitted" / user / ASSIGNMENT
        assert (sub / "timestamp.txt").exists() and (sub / "submission_secret.txt").exists()
        # the exchange hands copies over world-writable (0777): not once collected
        modes = {p.relative_to(sub): p.stat().st_mode & 0o777 for p in [sub, *sub.rglob("*")]}
        assert all(not m & 0o002 for m in modes.values()), modes
    stamps = {
        u: (course / "submitted" / u / ASSIGNMENT / "timestamp.txt").read_text() for u in TRAINEES
    }
    with _timed("make grade (kit pipeline, 3 submissions)"):
        out = _make("grade", f"ASSIGNMENT={ASSIGNMENT}", f"COURSE={course}").stdout
    assert "fichiers" not in out.split("Résumé")[-1].lower(), out  # nbgrader's files not flagged
    with (course / "grades.csv").open(encoding="utf-8") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    scores = {u: float(rows[u]["raw_score"]) for u in TRAINEES}
    assert scores["kit-ana"] > scores["kit-bruno"] > scores["kit-chloe"] == 0, (scores, out)
    assert (
        rows["kit-ana"]["first_name"] == "Ana" and rows["kit-ana"]["email"] == "kit-ana@exemple.be"
    )
    # a re-collect keeps everyone's submission time (the exchange's, not the collection's)
    _make("collect", f"ASSIGNMENT={ASSIGNMENT}", "FROM=exchange", f"COURSE={course}")
    for user, stamp in stamps.items():
        assert (course / "submitted" / user / ASSIGNMENT / "timestamp.txt").read_text() == stamp
    assert course.stat().st_uid == (course / "gradebook.db").stat().st_uid  # owner kept


def _submission_id(course: Path, user: str) -> str:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "medias-sociaux") as gb:
        return gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, user).id


def test_formgrader_manual_grade_comment_and_no_injected_script(page, classroom):
    course = classroom["course"]
    with _timed("instructor: login + server start"):
        _login(page, classroom, INSTRUCTOR)
    base = f"{classroom['url']}/user/{INSTRUCTOR}"
    sid = _submission_id(course, "kit-ana")
    with _timed("formgrader: open submission"):
        page.goto(f"{base}/formgrader/submissions/{sid}/", wait_until="load", timeout=WAIT)
        page.locator(f"input#{MANUAL_CELL}").wait_for(timeout=WAIT)
        # MathJax comes from the instructor's own server (tools/vendor.py); once it has
        # typeset, the formgrader moves the focus (formgrade.js): type only after that.
        page.wait_for_function("() => window.MathJax && MathJax.loaded === true", timeout=WAIT)
    assert page.evaluate("typeof window.kitPwned") == "undefined"
    manual = page.locator(f"input#{MANUAL_CELL}")
    manual.fill("2")
    manual.press("Tab")
    comment = page.locator(f"textarea#{MANUAL_CELL}-comment")
    comment.fill("Bonne analyse, pensez à citer la source.")
    comment.press("Tab")
    from nbgrader.api import Gradebook

    def saved() -> tuple:
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "medias-sociaux") as gb:
            nb = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, "kit-ana")
            score = {g.name: g.manual_score for g in nb.grades}[MANUAL_CELL]
            comments = [c.manual_comment or "" for c in nb.comments]
        return score, any("citer la source" in c for c in comments)

    deadline = time.monotonic() + 30  # the formgrader saves each field on change (AJAX)
    while saved() != (2, True) and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert saved() == (2, True)
    assert page.evaluate("typeof window.kitPwned") == "undefined"
    assert page.external_requests == []  # not even MathJax: no request leaves the machine


def test_autograde_button_explains_in_french(page, classroom):
    _login(page, classroom, INSTRUCTOR)
    base = f"{classroom['url']}/user/{INSTRUCTOR}"
    page.goto(f"{base}/formgrader/manage_submissions/{ASSIGNMENT}", wait_until="load")
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_xsrf")
    resp = page.request.post(
        f"{base}/formgrader/api/submission/{ASSIGNMENT}/kit-ana/autograde",
        headers={"X-XSRFToken": xsrf},
    )
    body = json.loads(resp.text())
    assert body["success"] is False and "make grade" in body["error"], body


def test_feedback_generated_released_and_fetched_without_test_code(page, browser, classroom):
    course = classroom["course"]
    _login(page, classroom, INSTRUCTOR)
    base = f"{classroom['url']}/user/{INSTRUCTOR}"
    page.goto(f"{base}/formgrader/manage_assignments", wait_until="load")
    row = page.locator("tr", has_text=ASSIGNMENT)
    with _timed("formgrader: Generate Feedback (kit)"):
        row.locator(".generate-feedback a").click(timeout=WAIT)
        page.locator("#success-modal").wait_for(timeout=WAIT)
        page.locator("#success-modal button").first.click()
    for user in TRAINEES:
        html = (course / "feedback" / user / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
        assert "check_" not in html and "HIDDEN TESTS" not in html
        assert "<script>window.kitPwned" not in html
    with (course / "grades.csv").open(encoding="utf-8") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert rows["kit-ana"]["provisoire"] == "non"  # graded by hand in the formgrader
    _run([sys.executable, "-m", "tools.grading.lms", ASSIGNMENT, "--root", str(course)])
    with (course / f"notes-moodle-{ASSIGNMENT}.csv").open(encoding="utf-8") as fh:
        moodle = {r["Adresse de courriel"]: r for r in csv.DictReader(fh)}
    ana = moodle["kit-ana@exemple.be"]
    assert (
        ana["Numéro d'identification"] == "101"
        and "citer la source" in ana[f"{ASSIGNMENT} (commentaire)"]
    )
    assert float(ana[f"{ASSIGNMENT} (note)"]) == float(rows["kit-ana"]["raw_score"])
    page.goto(f"{base}/formgrader/manage_assignments", wait_until="load")
    row = page.locator("tr", has_text=ASSIGNMENT)
    with _timed("formgrader: Release Feedback"):
        row.locator(".release-feedback a").click(timeout=WAIT)
        page.locator("#success-modal").wait_for(timeout=WAIT)
    for user in TRAINEES:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
        tpage = context.new_page()
        try:
            _login(tpage, classroom, user)
            _wait_lab(tpage)
            _open_assignments(tpage)
            submitted = tpage.locator("#submitted_assignments_list")
            _front(tpage)
            with _timed(f"{user}: Fetch Feedback"):
                submitted.get_by_role("button", name="Fetch Feedback").first.click(timeout=WAIT)
                folder = classroom["homes"] / user / ASSIGNMENT / "feedback"
                deadline = time.monotonic() + WAIT / 1000
                while not list(folder.glob("*/*.html")) and time.monotonic() < deadline:
                    time.sleep(0.5)
            files = list(folder.glob("*/*.html"))
            assert files, f"pas de retour pour {user}"
            html = files[0].read_text(encoding="utf-8")
            rel = files[0].relative_to(classroom["homes"] / user).as_posix()
            url = f"{classroom['url']}/user/{user}/files/{urllib.parse.quote(rel)}"
            tpage.goto(url, wait_until="load")
            text = tpage.locator("body").inner_text()
            assert "Question" in text and ("réussi" in text or "échoué" in text), text[:500]
            for leak in ("check_", "HIDDEN TESTS", "BEGIN SOLUTION", "assert "):
                assert leak not in html, (user, leak)
            assert tpage.evaluate("typeof window.kitPwned") == "undefined"
            if user == "kit-ana":
                assert "citer la source" in text
        except Exception:
            FAILURES.mkdir(parents=True, exist_ok=True)
            tpage.screenshot(path=str(FAILURES / f"hub-{user}-feedback.png"), full_page=True)
            raise
        finally:
            context.close()
