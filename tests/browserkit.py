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
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium"))
FAILURES = ROOT / "build" / "browser-failures"
AXE_JS = ROOT / "build" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

__all__ = [
    "AXE_JS",
    "CHROMIUM",
    "ROOT",
    "ServerProcess",
    "axe_audit",
    "browser",
    "free_port",
    "is_local",
    "page",
    "playwright_instance",
    "static_server",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_local(url: str) -> bool:
    """True for loopback http(s)/ws URLs and for in-page schemes (data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error", "file"):
        return True
    return parts.hostname in LOCAL_HOSTS


@pytest.fixture(scope="session")
def playwright_instance():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} absent : lancez `make browser` (installe le paquet Debian chromium, "
            "en root) ; Playwright ne télécharge jamais son propre navigateur ici."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
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


class ServerProcess:
    """A server command (voila, jupyter lab…) on a free loopback port, stopped on exit.

    ``cmd`` may contain ``{port}``; ``ready_path`` is polled until it answers HTTP 200.
    The process runs in its own process group: ``stop()`` ends the group (kernels included).
    """

    def __init__(
        self,
        cmd: list[str],
        ready_path: str = "/",
        cwd: Path = ROOT,
        env: dict | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.port = free_port()
        self.cmd = [part.format(port=self.port) for part in cmd]
        self.ready_path, self.cwd, self.timeout = ready_path, cwd, timeout
        self.env = {**os.environ, "MPLBACKEND": "Agg", **(env or {})}
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = FAILURES.parent / f"server-{self.port}.log"

    def __enter__(self) -> ServerProcess:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._logfile = self.log.open("w")
        self.proc = subprocess.Popen(
            self.cmd,
            cwd=self.cwd,
            env=self.env,
            stdout=self._logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.cmd[0]} s'est arrêté : voir {self.log}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(self.url + self.ready_path, timeout=5) as resp:
                    if resp.status == 200:
                        return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.cmd[0]} ne répond pas après {self.timeout:.0f} s : {self.log}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        if not self._logfile.closed:
            self._logfile.close()

    def __exit__(self, *_exc) -> None:
        self.stop()


def venv_bin(name: str) -> str:
    """Path of a console script next to the running Python (the kit's .venv)."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


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


@contextlib.contextmanager
def timed(label: str, sink: list) -> Iterator[None]:
    t0 = time.perf_counter()
    yield
    sink.append((label, time.perf_counter() - t0))
