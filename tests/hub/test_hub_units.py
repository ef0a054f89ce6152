"""Classroom pieces that need no hub: roster, password hashes, trainees' copy, feedback guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools import trainee_dist
from tools.grading.exchange import leaks
from tools.grading.roster import RosterError, read_roster
from tools.hub.auth import hash_password, verify_password
from tools.hub.provision import write_jupyter_config


def test_roster_reads_french_headers_and_semicolons(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "identifiant;Prénom;Nom;Courriel;id_plateforme\njdupont;Jeanne;Dupont;j@x.be;42\n",
        encoding="utf-8",
    )
    [member] = read_roster(path)
    assert (member.id, member.full_name, member.email, member.lms_id) == (
        "jdupont",
        "Jeanne Dupont",
        "j@x.be",
        "42",
    )


@pytest.mark.parametrize(
    "body, fragment",
    [
        ("identifiant,prénom,nom\nx,a,b\n", "colonne(s) manquante(s) courriel"),
        ("identifiant,prénom,nom,courriel\nJean Dupont,a,b,c@d\n", "invalide"),
        ("identifiant,prénom,nom,courriel\nroot,a,b,c@d\n", "invalide"),
        ("identifiant,prénom,nom,courriel\nab,a,b,c@d\nab,c,d,e@f\n", "en double"),
        ("identifiant,prénom,nom,courriel\nab,a,b,pas-un-courriel\n", "courriel"),
    ],
)
def test_roster_errors_are_french(tmp_path, body, fragment):
    path = tmp_path / "roster.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RosterError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        read_roster(path)


def test_password_hashes():
    stored = hash_password("s3cret-Ana")
    assert "s3cret" not in stored
    assert verify_password("s3cret-Ana", stored)
    assert not verify_password("s3cret-ana", stored)
    assert hash_password("x") != hash_password("x")  # salted


def test_trainee_copy_has_no_answers(tmp_path):
    out = trainee_dist.build(tmp_path / "dist")
    assert (out / "course" / "00-index.ipynb").exists()
    assert (out / "socialkit" / "__init__.py").exists() and (out / "datasets").is_dir()
    assert trainee_dist.problems(out) == []
    for name in ("solutions", "docs", "tools", "tests"):
        assert not (out / name).exists()
    # the check catches a solution that slips in
    (out / "solutions").mkdir()
    (out / "exercises" / "fuite.py").write_text("### BEGIN HIDDEN TESTS\n", encoding="utf-8")
    assert len(trainee_dist.problems(out)) == 2


def test_feedback_leak_markers():
    assert leaks("<p>Question 1 : réussi</p>") == []
    assert leaks("<pre>### BEGIN HIDDEN TESTS\ncheck_equal(x, 3)</pre>")


def test_role_configuration(tmp_path):
    write_jupyter_config(tmp_path, tmp_path / "exchange", tmp_path / "cours")
    trainee = (tmp_path / "jupyter" / "trainee" / "jupyter_server_config.py").read_text()
    assert "'nbgrader.server_extensions.formgrader': False" in trainee
    page = json.loads(
        (tmp_path / "jupyter" / "trainee" / "labconfig" / "page_config.json").read_text()
    )
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    common = (tmp_path / "jupyter" / "common" / "nbgrader_config.py").read_text()
    assert "medias-sociaux" in common and str(Path(tmp_path / "exchange")) in common
    instructor = (tmp_path / "jupyter" / "instructor" / "jupyter_server_config.py").read_text()
    assert "tools.hub.serverext" in instructor
    course = (tmp_path / "jupyter" / "instructor" / "nbgrader_config.py").read_text()
    assert f"c.CourseDirectory.root = {str(tmp_path / 'cours')!r}" in course


def test_formgrader_renders_trainee_html_inert():
    """nbgrader's formgrade template with the instructor's exporter settings (provision.py)."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbgrader.server_extensions.formgrader import handlers
    from traitlets.config import Config

    nb = nbformat.v4.new_notebook()
    answer = 'Ma **réponse** <script>window.kitPwned = 1;</script><img src="x" onerror="alert(1)">'
    cell = nbformat.v4.new_markdown_cell(answer)
    cell.metadata["nbgrader"] = {"grade": True, "solution": True, "grade_id": "q", "points": 1}
    out = nbformat.v4.new_code_cell("x")
    out.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"text/html": "<script>window.kitPwned = 2;</script>"}
        )
    ]
    nb.cells = [cell, out]
    config = Config()
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    config.HTMLExporter.sanitize_html = True
    config.HTMLExporter.preprocessors = ["tools.hub.serverext.SanitizeMarkdown"]
    resources = {"base_url": "", "assignment_id": "a", "notebook_id": "n", "submission_id": "s"}
    resources.update(index=0, total=1, student="ana", last_name="L", first_name="A")
    resources["notebook_path"] = "/x"
    html, _ = HTMLExporter(config=config).from_notebook_node(nb, resources=resources)
    assert "window.kitPwned" in html  # the answer is shown…
    assert "<script>window.kitPwned" not in html and '<img src="x" onerror' not in html
    assert "<strong>réponse</strong>" in html
