"""Instructor's server extension: the formgrader's buttons go through the kit.

Loaded by the instructor's single-user server (``jupyter_server_config.py`` written by
:mod:`tools.hub.provision`). It replaces the handlers behind four formgrader buttons:

- « Autograde » would run stock nbgrader in the instructor's own account, outside the kit's
  isolation and its integrity guard: it answers with a French explanation instead (grade
  with ``make grade``, run as root so the kit can isolate trainees' code);
- « Generate Feedback » (one trainee or all) runs the kit's feedback
  (``tools.grading.feedback``: French, per question, no test code) instead of nbgrader's HTML
  copy of the notebook, which prints the hidden tests;
- « Release Feedback » (one or all) publishes the kit's feedback through the exchange
  (``tools.grading.exchange``: nbgrader's files copied next to it, leak check first).

It serves MathJax from the kit's offline copy (``kit_mathjax_dir``), so the formgrader's
pages ask no CDN. It also provides :class:`SanitizeMarkdown`, which the instructor's
configuration adds to the formgrader's HTML exporter (with ``HTMLExporter.sanitize_html``
for outputs): nbgrader's formgrade template renders trainees' markdown answers without
sanitizing them, so a ``<script>`` or ``onerror=`` in an answer would run in the
instructor's browser, with the instructor's access to the server.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from tornado import web

AUTOGRADE_DISABLED = (
    "La correction automatique ne se lance pas depuis le formgrader : elle exécuterait le "
    "code des stagiaires avec vos droits, hors de l'isolation du kit. Dans un terminal du "
    "serveur, lancez : sudo make grade ASSIGNMENT={assignment} COURSE={root} "
    "(voir docs/instructor/classroom.md)."
)


def _run_kit(module: str, args: list[str], root: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", module, *args, "--root", root],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = (proc.stdout + proc.stderr).strip()
    if proc.returncode == 0:
        return {"success": True, "log": log}
    return {"success": False, "error": log or f"échec (code {proc.returncode})", "log": log}


def _patch(apihandlers) -> None:
    from nbgrader.server_extensions.formgrader.base import check_notebook_dir, check_xsrf

    def root_of(handler) -> str:
        return str(Path(handler.coursedir.root).resolve())

    @web.authenticated
    @check_xsrf
    @check_notebook_dir
    def autograde(self, assignment_id, student_id):  # noqa: ARG001 - handler signature
        message = AUTOGRADE_DISABLED.format(assignment=assignment_id, root=root_of(self))
        self.write(json.dumps({"success": False, "error": message, "log": message}))

    @web.authenticated
    @check_xsrf
    @check_notebook_dir
    def generate_feedback(self, assignment_id, student_id=None):  # noqa: ARG001
        self.write(json.dumps(_run_kit("tools.grading.feedback", [assignment_id], root_of(self))))

    @web.authenticated
    @check_xsrf
    @check_notebook_dir
    def release_feedback(self, assignment_id, student_id=None):  # noqa: ARG001
        result = _run_kit(
            "tools.grading.exchange", ["release-feedback", assignment_id], root_of(self)
        )
        self.write(json.dumps(result))

    apihandlers.AutogradeHandler.post = autograde
    apihandlers.GenerateFeedbackHandler.post = generate_feedback
    apihandlers.GenerateAllFeedbackHandler.post = generate_feedback
    apihandlers.ReleaseFeedbackHandler.post = release_feedback
    apihandlers.ReleaseAllFeedbackHandler.post = release_feedback


class SanitizeMarkdown(Preprocessor):
    """Escape the HTML of every markdown cell (trainees write them) before rendering."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            from nbconvert.filters import clean_html

            cell.source = clean_html(cell.source)
        return cell, resources


def _jupyter_server_extension_points():
    return [{"module": "tools.hub.serverext"}]


def _load_jupyter_server_extension(serverapp):
    from nbgrader.server_extensions.formgrader import apihandlers

    _patch(apihandlers)
    serverapp.log.info("kit: formgrader buttons routed through tools.grading")
    # MathJax for the formgrader's pages (tools/hub/templates/formgrade_offline.html.j2).
    mathjax = serverapp.web_app.settings.get("kit_mathjax_dir")
    if mathjax:
        from jupyter_server.utils import url_path_join

        route = url_path_join(serverapp.base_url, "kit", "mathjax", "(.*)")
        serverapp.web_app.add_handlers(".*$", [(route, web.StaticFileHandler, {"path": mathjax})])
