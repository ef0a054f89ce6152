"""A minimal Chrome DevTools Protocol client for the latency benchmark (tools/bench_browser.py).

Playwright enables the DevTools « Network » domain on every page, so chromium copies each
websocket frame (every figure the kernel sends) into an event for the driver. That work
competes for the same two cores as the server, the kernel and the page, and added 15–20 ms
per key press to the benchmark under load. This client only uses ``Target``, ``Emulation``,
``Page`` and ``Runtime``: the page runs as it would for a trainee. Tests keep Playwright.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import websocket  # websocket-client, a dependency of jupyter_server

from tools.browser import CHROMIUM, CHROMIUM_ARGS, MISSING


class Chromium:
    """Debian's chromium, headless, driven over its DevTools websocket."""

    def __init__(self) -> None:
        if not CHROMIUM.exists():
            raise FileNotFoundError(MISSING.format(path=CHROMIUM))
        self.profile = tempfile.mkdtemp(prefix="kit-bench-chromium-")
        self.proc = subprocess.Popen(
            [str(CHROMIUM), *CHROMIUM_ARGS, f"--user-data-dir={self.profile}"]
            + ["--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: close() ends every process
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium n'a pas ouvert son port DevTools en 30 s")
            time.sleep(0.05)
        port, path = port_file.read_text().split("\n")[:2]
        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}{path}", timeout=300, suppress_origin=True
        )
        self._ids = itertools.count(1)

    def send(self, method: str, params: dict | None = None, session: str | None = None):
        """One DevTools command; returns its result (events received meanwhile are dropped)."""
        message_id = next(self._ids)
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def new_page(self, url: str, width: int, height: int) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, session["sessionId"], target)
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        self.send("Emulation.setDeviceMetricsOverride", metrics, page.session)
        self.send("Page.navigate", {"url": url}, page.session)
        return page

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


class Page:
    """One tab: evaluate JS functions (awaited, values returned as JSON)."""

    def __init__(self, browser: Chromium, session: str, target: str) -> None:
        self.browser, self.session, self.target = browser, session, target

    def evaluate(self, function: str, arg=None):
        expression = f"({function})({json.dumps(arg)})"
        params = {"expression": expression, "awaitPromise": True, "returnByValue": True}
        result = self.browser.send("Runtime.evaluate", params, self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "erreur JavaScript"))
        return result["result"].get("value")

    def wait_for(self, condition: str, timeout: float = 120.0) -> None:
        """Poll a JS expression until it is truthy."""
        deadline = time.monotonic() + timeout
        while not self.evaluate(f"() => !!({condition})"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{condition} : toujours faux après {timeout:.0f} s")
            time.sleep(0.2)

    def wait(self, ms: float) -> None:
        time.sleep(ms / 1000)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.browser.send("Target.closeTarget", {"targetId": self.target})
