"""Shared browser-test machinery: Debian's chromium driven by Playwright, servers on loopback.

Reusable by any test module (apps, slides, site, the classroom hub): ``tests/conftest.py``
imports the fixtures below, so a test only asks for them by name::

    def test_page_loads(page, static_server):
        url = static_server(ROOT / "build" / "site")
        page.goto(url + "index.html")
        assert page.external_requests == []

Rules (see ``docs/maintainers/browser-tests.md``):

- the browser is the distribution's ``/usr/bin/chromium`` (``make browser`` installs it with
  apt-get when running as root); ``playwright install`` is never used (it downloads a browser);
- every request to a host other than the loopback is aborted and recorded in
  ``page.external_requests``: a test asserts the list is empty;
- on failure, a screenshot of every open page goes to ``build/browser-failures/`` (gitignored);
- servers (:class:`ServerProcess`) listen on 127.0.0.1 on a free port, stop at the end.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.browser import (  # noqa: E402
    CHROMIUM,
    MISSING,
    ROOT,
    ServerProcess,
    is_local,
    launch,
    venv_bin,
)

FAILURES = ROOT / "build" / "browser-failures"
AXE_JS = ROOT / "build" / "vendor" / "axe-core" / "axe.min.js"
# JS: JupyterLab's status bar says the notebook's kernel is idle (« Python 3 (ipykernel) | Idle »;
# the notebook toolbar has no execution indicator in the kit: jupyter-config/lab/overrides.json)
KERNEL_IDLE = (
    "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
    ".some((e) => /[|] (Idle|Inactif)$/.test(e.textContent.trim()))"
)

__all__ = [
    "AXE_JS",
    "CHROMIUM",
    "ROOT",
    "ServerProcess",
    "axe_audit",
    "browser",
    "is_local",
    "minor",
    "page",
    "playwright_instance",
    "serious",
    "static_server",
    "venv_bin",
]


@pytest.fixture(scope="session")
def playwright_instance():
    if not CHROMIUM.exists():
        pytest.fail(MISSING.format(path=CHROMIUM))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = launch(playwright_instance)
    yield browser
    browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # noqa: ARG001 - pytest hook signature
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def page(browser, request):
    """A fresh page (1280×900) in its own context; off-machine requests aborted and recorded.

    ``page.external_requests`` lists every aborted URL; ``page.console_errors`` the console
    errors and uncaught exceptions of the page.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    external: list[str] = []

    def guard(route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.external_requests = external
    page.console_errors = errors
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        FAILURES.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
        for i, open_page in enumerate(context.pages):
            with contextlib.suppress(Exception):
                open_page.screenshot(path=str(FAILURES / f"{name}-{i}.png"), full_page=True)
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:  # keep pytest output clean
        pass


@pytest.fixture(scope="session")
def static_server():
    """``static_server(folder)`` → base URL (ending in /) of a loopback HTTP server on it."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def axe_audit(page, context: str | dict | None = None) -> dict:
    """Run axe-core (vendored by ``make vendor``) in ``page``; return its result object.

    Only WCAG 2.x A/AA rules and best practices are run. ``context`` narrows the audit
    (a CSS selector or an axe context object).
    """
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} absent : lancez `make vendor` (npm pack axe-core).")
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async (ctx) => await axe.run(ctx || document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'best-practice']},
            resultTypes: ['violations'],
        })""",
        context,
    )


def serious(results: dict) -> list[str]:
    """One line per serious or critical axe violation (node targets included)."""
    lines = []
    for violation in results["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
            lines.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return lines


def minor(results: dict) -> list[str]:
    """``id (impact): n nodes`` for every moderate or minor violation (reported, not failed)."""
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}"
        for v in results["violations"]
        if v["impact"] not in ("serious", "critical")
    ]
