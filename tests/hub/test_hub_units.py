"""Classroom pieces that need no hub: roster, password hashes, trainees' copy, feedback guard."""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest
from traitlets.config import PyFileConfigLoader

from tools import trainee_dist
from tools.grading.exchange import leaks
from tools.grading.roster import RosterError, read_roster
from tools.hub.auth import hash_password, verify_password
from tools.hub.provision import write_jupyter_config

ROOT = Path(__file__).resolve().parents[2]


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
    for role in (trainee, instructor):  # apps (Voilà) with the kit's template, no CDN
        assert "c.VoilaConfiguration.template = 'kit'" in role
    for name in ("trainee", "instructor"):  # as jupyterhub-singleuser reads it: a dict
        loaded = PyFileConfigLoader(
            "jupyter_server_config.py", path=str(tmp_path / "jupyter" / name)
        ).load_config()
        settings = loaded.ServerApp.get("tornado_settings", {})
        assert isinstance(settings, dict) and settings["mathjax_url"] is None
        assert settings["mathjax_config"] is None
    template = tmp_path / "jupyter" / "data" / "voila" / "templates" / "kit" / "index.html.j2"
    assert "fontawesome" in template.read_text()  # the template that strips the CDN links
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


def test_hub_servers_render_apps_with_the_kit_voila_template(tmp_path):
    """A trainee's server configured as the hub does (JUPYTER_CONFIG_PATH, JUPYTER_PATH):
    Voilà renders the apps with the kit's template, i.e. without any CDN request."""
    from tools.browser import ServerProcess, venv_bin
    from tools.hub.provision import jupyter_data_dir

    write_jupyter_config(tmp_path, tmp_path / "exchange", tmp_path / "cours")
    jupyter = tmp_path / "jupyter"
    env = {
        "JUPYTER_CONFIG_PATH": f"{jupyter / 'trainee'}:{jupyter / 'common'}",
        "JUPYTER_PATH": str(jupyter_data_dir(tmp_path)),
        "PYTHONPATH": str(ROOT),
    }
    cmd = [venv_bin("jupyter"), "server", "--no-browser", "--port={port}", "--ip=127.0.0.1"]
    cmd += ["--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={ROOT}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    with ServerProcess(cmd, ready_path="/api/status", env=env, timeout=120) as server:
        url = f"{server.url}/voila/render/apps/00-sommaire.ipynb"
        with urllib.request.urlopen(url, timeout=180) as resp:
            page = resp.read().decode("utf-8")
    assert "kit-questions" in page  # the kit template's own CSS
    assert "cdn.jsdelivr.net" not in page and "fontawesome" not in page.lower()
    # Voilà's page loads MathJax from a CDN unless both are null (its main script)
    assert '"fullMathjaxUrl": null' in page and '"mathjaxConfig": null' in page
