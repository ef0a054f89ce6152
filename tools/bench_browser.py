"""Benchmark in the browser: key press on a control → new figure painted, per view (p50/p95).

Usage::

    .venv/bin/python tools/bench_browser.py [--presses 20] [--only voila|lab]

Debian's chromium (headless, driven by :mod:`tools.cdp`, not Playwright, whose network
instrumentation copies every figure sent over the websocket) opens every app of ``apps/`` in
Voilà, then one JupyterLab notebook showing the same six views. For each view, a slider handle
is focused and ArrowRight / ArrowLeft are pressed one at a time (``--presses`` per slider, each
after the previous figure is painted). Measured inside the page:

- ``t0``: the ``keydown`` event (capture listener on the document);
- ``t1``: the figure's new PNG reached the page (``kitReceived``, set by the figure's front
  end, ``socialkit/resources/figure.js``): server round trip (comm message, model, redraw,
  PNG, message back);
- ``t2``: a MutationObserver sees the canvas' ``data-drawn`` change (PNG decoded off the main
  thread and drawn), or the summary alone when the move leaves the figure's bytes unchanged
  (ipywidgets then sends no image; column « sans image »);
- ``t3``: the next ``requestAnimationFrame`` after the drawing, i.e. the frame that paints
  the new figure.

The table gives p50/p95 of ``t3 − t0`` (end to end) and the p50 of each part. Column
« maintien »: a held key (60 keydowns 10 ms apart on the first slider, right then left):
figures received / keydowns, then the ms from the last keydown to the last figure painted
(no queue: about one update, not sixty). The load average of the machine is printed with
each table: figures taken under load mean little. Server side, the same moves run without
a browser (``tools/bench_widgets.py``). Goal: p95 ≤ 50 ms. Timings are reported, never
asserted. About 3–5 minutes on 2 quiet cores (``make bench-browser``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from socialkit.apps import APPS  # noqa: E402
from socialkit.websocket import VOILA_OPTION  # noqa: E402
from tools.browser import ROOT, ServerProcess, venv_bin  # noqa: E402
from tools.cdp import Chromium  # noqa: E402

TARGET_P95_MS = 50.0
# JS condition: at least `n` figures are drawn on the page
DRAWN = "document.querySelectorAll('.kit-figure canvas[data-drawn]').length >= {n}"

# In-page probe: measures one key press on the focused handle of view number `index`.
PROBE_JS = """async ([index, key]) => {
  const view = document.querySelectorAll('.kit-view')[index];
  const figure = view.querySelector('.kit-figure');
  const canvas = figure.querySelector('canvas');
  const handle = view.__kitHandle;
  const marks = {};
  const received = figure.kitReceived;
  const done = new Promise((resolve) => {
    const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 3000);
    const observer = new MutationObserver((records) => {
      const drawn = records.some((r) => r.target === canvas);
      const incoming = figure.kitReceived !== received;
      if (!drawn && incoming) return;  // summary first, the figure is being decoded: wait
      observer.disconnect();
      clearTimeout(timer);
      marks.t2 = performance.now();
      marks.figure = drawn;
      marks.t1 = incoming ? figure.kitReceived : marks.t2;
      requestAnimationFrame(() => { marks.t3 = performance.now(); resolve(marks); });
    });
    // the figure drawn, or the summary alone when the figure's bytes did not change
    observer.observe(canvas, {attributes: true, attributeFilter: ['data-drawn']});
    observer.observe(view.querySelector('.kit-summary'),
                     {childList: true, subtree: true, characterData: true});
  });
  document.addEventListener('keydown', () => { marks.t0 = performance.now(); },
                            {capture: true, once: true});
  handle.focus();
  handle.dispatchEvent(new KeyboardEvent('keydown', {key, code: key, bubbles: true}));
  return await done;
}"""


# In-page probe of a held key: ``count`` keydowns ``every`` ms apart (faster than the key
# repeat of a keyboard, ~30/s), then wait until no new figure came for 600 ms. Returns the
# number of figures received and the time from the last keydown to the last figure painted.
# Without coalescing, every keydown would be drawn in turn and the last figure would come
# ``count`` updates late; the front end (ipywidgets) sends one change at a time and merges the
# keydowns that arrive meanwhile, the kernel draws one update at a time.
HOLD_JS = """async ([index, key, count, every]) => {
  const view = document.querySelectorAll('.kit-view')[index];
  const canvas = view.querySelector('.kit-figure canvas');
  const handle = view.__kitHandle;
  let figures = 0, lastFigure = null, lastKey = null;
  const observer = new MutationObserver(() => {
    figures += 1;
    requestAnimationFrame(() => { lastFigure = performance.now(); });
  });
  observer.observe(canvas, {attributes: true, attributeFilter: ['data-drawn']});
  handle.focus();
  for (let i = 0; i < count; i++) {
    lastKey = performance.now();
    handle.dispatchEvent(new KeyboardEvent('keydown', {key, code: key, bubbles: true}));
    await new Promise((r) => setTimeout(r, every));
  }
  let quiet = 0, seen = -1;
  while (quiet < 600) {
    await new Promise((r) => setTimeout(r, 50));
    if (figures === seen) { quiet += 50; } else { seen = figures; quiet = 0; }
  }
  observer.disconnect();
  return {figures, delay: lastFigure === null ? null : lastFigure - lastKey};
}"""


def hold(page, index: int, count: int = 30, every: int = 10) -> dict:
    """A held arrow key on the first slider of view ``index`` (right then back left)."""
    page.evaluate(
        "i => { const v = document.querySelectorAll('.kit-view')[i];"
        " v.__kitHandle = v.querySelectorAll('.noUi-handle')[0]; }",
        index,
    )
    runs = [page.evaluate(HOLD_JS, [index, k, count, every]) for k in ("ArrowRight", "ArrowLeft")]
    # negative: the slider reached its end before the last keydown (figure already current)
    delays = [max(0.0, r["delay"]) for r in runs if r["delay"] is not None]
    return {
        "maintien touches": 2 * count,
        "maintien images": sum(r["figures"] for r in runs),
        "maintien délai": max(delays) if delays else float("nan"),
    }


def measure(page, index: int, presses: int) -> tuple[list[dict], int]:
    """Key presses on every slider of view ``index``: (marks per press, presses lost)."""
    samples, lost = [], 0
    n_handles = page.evaluate(
        "i => document.querySelectorAll('.kit-view')[i].querySelectorAll('.noUi-handle').length",
        index,
    )
    for h in range(n_handles):
        page.evaluate(
            "([i, h]) => { const v = document.querySelectorAll('.kit-view')[i];"
            " v.__kitHandle = v.querySelectorAll('.noUi-handle')[h]; }",
            [index, h],
        )
        for p in range(presses):
            key = "ArrowRight" if (p // 4) % 2 == 0 else "ArrowLeft"  # wander, stay in range
            marks = page.evaluate(PROBE_JS, [index, key])
            if marks is None or "t0" not in marks:
                lost += 1
            else:
                samples.append(marks)
            page.wait(30)  # let the kernel go idle between presses
    return samples, lost


def summarise(samples: list[dict]) -> dict:
    total = np.array([s["t3"] - s["t0"] for s in samples])
    parts = {
        "aller-retour": np.array([s["t1"] - s["t0"] for s in samples]),
        "décodage": np.array([s["t2"] - s["t1"] for s in samples]),
        "image suivante": np.array([s["t3"] - s["t2"] for s in samples]),
    }
    out = {"n": int(total.size), "p50": float(np.percentile(total, 50))}
    out["sans image"] = sum(not s["figure"] for s in samples)
    out["p95"] = float(np.percentile(total, 95))
    out.update({k: float(np.percentile(v, 50)) for k, v in parts.items()})
    return out


def print_table(title: str, rows: dict[str, dict]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{title} (ms, touche → image peinte ; charge {load} sur {os.cpu_count()} cœurs)")
    print(
        f"  {'vue':<18}{'n':>5}{'p50':>8}{'p95':>8}{'aller-retour':>14}{'décodage':>10}"
        f"{'image suiv.':>13}{'sans image':>12}{'perdues':>9}{'maintien':>16}"
    )
    for name, r in rows.items():
        flag = "" if r["p95"] <= TARGET_P95_MS else f"  > {TARGET_P95_MS:.0f}"
        held = f"{r['maintien images']}/{r['maintien touches']} {r['maintien délai']:.0f}"
        print(
            f"  {name:<18}{r['n']:>5}{r['p50']:>8.1f}{r['p95']:>8.1f}{r['aller-retour']:>14.1f}"
            f"{r['décodage']:>10.1f}{r['image suivante']:>13.1f}{r['sans image']:>12}"
            f"{r['perdues']:>9}{held:>16}{flag}"
        )


def bench_voila(browser, presses: int) -> dict[str, dict]:
    cmd = [venv_bin("voila"), "--no-browser", "--port={port}", "--Voila.ip=127.0.0.1"]
    cmd += ["--template=kit", VOILA_OPTION, "apps/"]
    env = {"JUPYTER_PATH": str(ROOT / "share" / "jupyter")}
    rows = {}
    with ServerProcess(cmd, ready_path="/voila/tree", env=env, timeout=120) as server:
        for app in APPS.values():
            page = browser.new_page(f"{server.url}/voila/render/{app.filename}", 1280, 900)
            page.wait_for(DRAWN.format(n=1))
            samples, lost = measure(page, 0, presses)
            rows[app.view] = summarise(samples) | {"perdues": lost} | hold(page, 0)
            page.close()
    return rows


LAB_CELL = """from socialkit.apps import APPS, app_panel
from IPython.display import display
views = []
for key in APPS:
    view, panel = app_panel(key)
    views.append(view)
    display(panel)"""


def bench_lab(browser, presses: int) -> dict[str, dict]:
    import nbformat

    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(LAB_CELL)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)"}
        nbformat.write(nb, Path(tmp) / "bench.ipynb")
        rel = Path(tmp).relative_to(ROOT) / "bench.ipynb"
        cmd = [venv_bin("jupyter"), "lab", "--no-browser", "--port={port}", "--ip=127.0.0.1"]
        cmd += ["--allow-root", "--IdentityProvider.token=", "--ServerApp.password="]
        cmd += ["--LabApp.expose_app_in_browser=True", f"--ServerApp.root_dir={ROOT}"]
        cmd += [f"--LabApp.workspaces_dir={tmp}"]  # no tabs restored from an earlier run
        rows = {}
        with ServerProcess(cmd, ready_path="/api/status", timeout=120) as server:
            page = browser.new_page(f"{server.url}/lab/tree/{rel}", 1400, 1000)
            page.wait_for("window.jupyterapp && document.querySelector('.jp-Notebook')")
            # the kernel is idle: the notebook can run
            page.wait_for(
                "window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel"
                "?.status === 'idle'"
            )
            page.wait(3000)
            # "Select Kernel" dialog of a notebook opened the first time
            page.evaluate("() => document.querySelector('.jp-Dialog .jp-mod-accept')?.click()")
            page.wait(2000)
            # not awaited: the command's promise resolves only when every cell has run
            page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
            page.wait_for(DRAWN.format(n=len(APPS)), timeout=180)
            for index, app in enumerate(APPS.values()):
                page.evaluate(
                    "i => document.querySelectorAll('.kit-view')[i].scrollIntoView()", index
                )
                samples, lost = measure(page, index, presses)
                rows[app.view] = summarise(samples) | {"perdues": lost} | hold(page, index)
            page.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=20, help="presses per slider")
    parser.add_argument("--only", choices=["voila", "lab"], help="one front end only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    (ROOT / "build").mkdir(exist_ok=True)
    results = {}
    with Chromium() as browser:
        if args.only in (None, "voila"):
            results["voila"] = bench_voila(browser, args.presses)
            print_table("Voilà", results["voila"])
        if args.only in (None, "lab"):
            results["lab"] = bench_lab(browser, args.presses)
            print_table("JupyterLab", results["lab"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
