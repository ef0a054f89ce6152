"""Headless Debian chromium and loopback servers, shared by the browser tests and benchmarks.

- :data:`CHROMIUM` / :data:`CHROMIUM_ARGS`: the distribution's browser, launched by path
  (``playwright install`` is never used: it downloads a browser; ``make browser`` installs
  Debian's ``chromium`` with apt-get when running as root);
- :func:`launch`: a Playwright browser on it;
- :class:`ServerProcess`: a server command (voila, jupyter lab…) on a free 127.0.0.1 port;
- :func:`is_local`: whether a request stays on the machine.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium"))
LOGS = ROOT / "build" / "browser-logs"
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
MISSING = (
    "{path} absent : lancez `make browser` (installe le paquet Debian chromium, en root) ; "
    "Playwright ne télécharge jamais son propre navigateur ici."
)


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


def launch(playwright):
    """Debian's chromium, headless, through Playwright's sync API object ``playwright``."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(MISSING.format(path=CHROMIUM))
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


def venv_bin(name: str) -> str:
    """Path of a console script next to the running Python (the kit's .venv)."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


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
        self.log = LOGS / f"server-{self.port}.log"

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
