"""A course notebook opened in the real JupyterLab is not marked modified (socialkit/lab.py).

JupyterLab 4 writes its kernel's ``language_info`` (interpreter version included) into a
notebook as soon as the kernel starts; a notebook that did not already hold exactly that value
shows « unsaved » before the trainee did anything. The kit's server extension serves python3
notebooks with this environment's kernel ``language_info``; the browser test opens a course
notebook in JupyterLab (the environment's own configuration, as ``make lab`` starts it), waits
for its kernel and checks the tab and the document model are clean. A second browser test runs
the simulation cell of module 3 there: the figure (a canvas) is drawn, the readouts are French
and a key press redraws figure and summary.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import urllib.request

import pytest
from browserkit import KERNEL_IDLE, ROOT, ServerProcess, venv_bin

from socialkit import lab
from tools.notebooks import normalise

NOTEBOOK = ROOT / "course" / "01-prise-en-main.ipynb"


def test_the_kernel_language_info_is_served_not_stored():
    stored = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert "version" not in normalise(stored)["metadata"]["language_info"]  # not in git
    served = lab.with_kernel_language({"type": "notebook", "content": stored})
    info = served["content"]["metadata"]["language_info"]
    assert info["version"] == sys.version.split()[0]
    assert info["name"] == "python" and info["pygments_lexer"] == "ipython3"
    other = {"metadata": {"kernelspec": {"name": "ir"}, "language_info": {"name": "R"}}}
    assert lab.with_kernel_language({"type": "notebook", "content": other})["content"] == other


def test_the_extension_takes_the_default_contents_manager_only():
    from jupyter_server.serverapp import ServerApp
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from jupyter_server.services.kernels.connection.channels import (
        ZMQChannelsWebsocketConnection,
    )

    from socialkit.websocket import NoDelayKernelConnection

    default = ServerApp()
    lab._link_jupyter_server_extension(default)
    assert default.contents_manager_class is lab.KitContentsManager
    assert default.kernel_websocket_connection_class is NoDelayKernelConnection
    # a deployment's own contents manager or kernel connection is kept
    chosen = ServerApp(
        contents_manager_class=FileContentsManager,
        kernel_websocket_connection_class=ZMQChannelsWebsocketConnection,
    )
    lab._link_jupyter_server_extension(chosen)
    assert chosen.contents_manager_class is FileContentsManager
    assert chosen.kernel_websocket_connection_class is ZMQChannelsWebsocketConnection
    assert lab._jupyter_server_extension_points() == [{"module": "socialkit.lab"}]


def jupyterlab(root) -> ServerProcess:
    """JupyterLab on ``root`` with this environment's configuration, as ``make lab`` starts it."""
    cmd = [
        venv_bin("jupyter"),
        "lab",
        "--no-browser",
        "--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={root / 'workspaces'}",
        "--LabApp.expose_app_in_browser=True",
        *(["--allow-root"] if os.getuid() == 0 else []),
    ]
    return ServerProcess(cmd, ready_path="/lab", cwd=root, timeout=120)


@pytest.mark.browser
def test_course_notebook_opens_unmodified_in_jupyterlab(page, tmp_path):
    (tmp_path / "course").mkdir()
    shutil.copy(NOTEBOOK, tmp_path / "course" / NOTEBOOK.name)
    on_disk = (tmp_path / "course" / NOTEBOOK.name).read_bytes()
    with jupyterlab(tmp_path) as server:
        page.goto(f"{server.url}/lab/tree/course/{NOTEBOOK.name}")
        page.wait_for_selector(".jp-NotebookPanel", timeout=90_000)
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)
        # the kit's JupyterLab defaults (jupyter-config/lab/overrides.json): no execution
        # progress item in the notebook toolbar, whose updates slow every slider move
        toolbar = page.locator(".jp-NotebookPanel-toolbar")
        assert toolbar.locator(".jp-Notebook-ExecutionIndicator").count() == 0
        assert toolbar.locator(".jp-Toolbar-kernelName").count() == 1
        # the kernel has answered (idle): JupyterLab has written its language_info by now
        page.wait_for_function(
            "() => window.jupyterapp.shell.currentWidget.context.model"
            ".getMetadata('language_info').version !== undefined",
            timeout=30_000,
        )
        page.wait_for_timeout(1000)
        tab = page.locator(".lm-TabBar-tab.jp-mod-current", has_text=NOTEBOOK.name)
        assert "jp-mod-dirty" not in (tab.get_attribute("class") or "")
        dirty = page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty")
        assert dirty is False
        url = f"{server.url}/api/contents/course/{NOTEBOOK.name}"
        with urllib.request.urlopen(url) as response:
            served = json.load(response)["content"]["metadata"]["language_info"]
        assert served["version"] == sys.version.split()[0]
    # the kernel's websocket was opened without Nagle's delay (socialkit/websocket.py)
    assert "kernels by NoDelayKernelConnection" in server.log.read_text()
    assert (tmp_path / "course" / NOTEBOOK.name).read_bytes() == on_disk
    assert page.external_requests == []


# The view cell of course/03-communication-continue.ipynb, as a trainee runs it.
VIEW_CELL = "from socialkit.views import CadenceView\n\nvue = CadenceView()\nvue.widget"


@pytest.mark.browser
def test_simulation_view_draws_and_reacts_in_jupyterlab(page, tmp_path):
    """The figure (a canvas, anywidget), the French readouts and a key press, in JupyterLab."""
    import nbformat

    course = json.loads((ROOT / "course" / "03-communication-continue.ipynb").read_text("utf-8"))
    assert any("".join(c["source"]) == VIEW_CELL for c in course["cells"])  # still the course's
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(VIEW_CELL)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)"}
    nbformat.write(nb, tmp_path / "vue.ipynb")
    with jupyterlab(tmp_path) as server:
        page.goto(f"{server.url}/lab/tree/vue.ipynb")
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_selector(".jp-OutputArea canvas[data-drawn]", timeout=90_000)
        canvas = page.locator(".jp-OutputArea canvas")
        assert canvas.get_attribute("role") == "img"
        assert canvas.get_attribute("aria-label").startswith("Graphique : Rythme de publication")
        readouts = page.locator(".jp-OutputArea .kit-readout").all_inner_texts()
        assert readouts == ["3,00", "0,80", "1,00"], readouts
        summary = page.locator(".jp-OutputArea .widget-html-content").last.inner_text()
        drawn = canvas.get_attribute("data-drawn")
        handle = page.locator(".jp-OutputArea .noUi-handle").first
        handle.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "d => document.querySelector('.jp-OutputArea canvas').dataset.drawn !== d",
            arg=drawn,
            timeout=10_000,
        )
        assert page.locator(".jp-OutputArea .kit-readout").first.inner_text() == "3,50"
        assert page.locator(".jp-OutputArea .widget-html-content").last.inner_text() != summary
        body = page.inner_text("body")
        assert "Error displaying widget" not in body and "Loading widget" not in body
        log = server.log.read_text()
    assert "kernels by NoDelayKernelConnection" in log
    assert page.external_requests == []
