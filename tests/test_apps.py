"""The simulations as Voilà apps, driven in Debian's chromium (``make apps`` serves the same).

One Voilà server (the kit's template, loopback only) for the module. Each app must load with
no « Loading widget… » and no widget error, hide its code, show the questions of its course
notebook beside the view, and react to every control moved with the keyboard (one slider per
app also with the mouse): the figure's bytes and the summary text both change.
"""

from __future__ import annotations

import pytest
from browserkit import ROOT, ServerProcess, axe_audit, minor, serious, venv_bin

from socialkit.apps import APPS
from socialkit.websocket import VOILA_OPTION

pytestmark = pytest.mark.browser

# JS: SHA-1 of the figure's painted pixels and the summary text, in one snapshot.
STATE_JS = """async () => {
  const canvas = document.querySelector('.kit-figure canvas');
  const summary = document.querySelector('.kit-summary');
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const hash = await crypto.subtle.digest('SHA-1', pixels.data);
  return [Array.from(new Uint8Array(hash)).join(','), summary.innerText];
}"""


@pytest.fixture(scope="module")
def voila():
    cmd = [
        venv_bin("voila"),
        "--no-browser",
        "--port={port}",
        "--Voila.ip=127.0.0.1",
        "--template=kit",
        VOILA_OPTION,  # kernel websockets without Nagle's delay
        "--preheat_kernel=True",  # one executed kernel waiting per app: instant first load
        "apps/",
    ]
    env = {"JUPYTER_PATH": str(ROOT / "share" / "jupyter")}
    with ServerProcess(cmd, ready_path="/voila/tree", env=env, timeout=90) as server:
        yield server


def open_app(page, voila, filename: str) -> None:
    page.goto(f"{voila.url}/voila/render/{filename}", wait_until="domcontentloaded")
    page.wait_for_selector(".kit-figure canvas[data-drawn]", timeout=60_000)
    page.wait_for_function("document.querySelector('.kit-summary').innerText.length > 0")


def wait_for_change(page, before: list, what: str) -> list:
    page.wait_for_function(
        f"async (b) => {{ const s = await ({STATE_JS})(); return s[0] && s[0] !== b[0]"
        " && s[1] !== b[1]; }",
        arg=before,
        timeout=10_000,
    )
    return page.evaluate(STATE_JS)


def test_index_lists_every_app(page, voila):
    page.goto(f"{voila.url}/voila/render/00-sommaire.ipynb")
    page.wait_for_selector("a[href$='.ipynb']")
    hrefs = page.eval_on_selector_all("a[href$='.ipynb']", "els => els.map(e => e.href)")
    names = [h.rsplit("/", 1)[1] for h in hrefs]
    assert names == [app.filename for app in APPS.values()]
    assert all((ROOT / "apps" / name).exists() for name in names)
    assert all(h.startswith(f"{voila.url}/voila/render/") for h in hrefs)
    assert serious(axe_audit(page)) == []
    assert page.external_requests == []


@pytest.mark.parametrize("key", list(APPS))
def test_app_loads_and_reacts_to_keyboard_and_mouse(page, voila, key):
    app = APPS[key]
    open_app(page, voila, app.filename)
    body = page.inner_text("body")
    assert "Loading widget" not in body and "Error displaying widget" not in body
    assert "from socialkit" not in body  # no code visible
    assert app.title in body
    # the questions of the course notebook sit beside the view (to its right on 1280 px)
    questions = page.locator(".kit-questions")
    assert "Questions" in questions.inner_text()
    view_box = page.locator(".kit-view").bounding_box()
    assert questions.bounding_box()["x"] >= view_box["x"] + view_box["width"] - 1
    # the figure is shown at the size it was rendered (sharp, not upscaled)
    natural, shown = page.eval_on_selector(
        ".kit-figure canvas", "c => [c.width, c.getBoundingClientRect().width]"
    )
    assert abs(natural - shown) <= 1, (natural, shown)
    # its accessible name: a French description (role « img »)
    name = page.eval_on_selector(".kit-figure canvas", "c => c.getAttribute('aria-label')")
    assert name.startswith("Graphique : "), name

    state = page.evaluate(STATE_JS)
    sliders = page.locator(".kit-view .widget-slider .noUi-handle")
    for i in range(sliders.count()):
        handle = sliders.nth(i)
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        handle.focus()
        page.keyboard.press("Home" if at_max else "End")
        state = wait_for_change(page, state, f"curseur {i}")
    # slider values written the French way: the float sliders' own readout (« 0.35 ») is
    # hidden, a label beside them says « 0,35 »
    shown = page.locator(
        ".kit-view .widget-readout:visible, .kit-view .kit-readout:visible"
    ).all_inner_texts()
    assert shown and not [t for t in shown if "." in t], shown
    for box in page.locator(".kit-view .widget-checkbox input").all():
        box.focus()
        page.keyboard.press("Space")
        state = wait_for_change(page, state, "case à cocher")
    for select in page.locator(".kit-view .widget-dropdown select").all():
        select.focus()
        last = select.evaluate("s => s.selectedIndex === s.options.length - 1")
        page.keyboard.press("ArrowUp" if last else "ArrowDown")
        state = wait_for_change(page, state, "liste")
    # the mouse: click a quarter of the way along the first slider's track
    track = page.locator(".kit-view .widget-slider .noUi-target").first.bounding_box()
    page.mouse.click(track["x"] + track["width"] * 0.27, track["y"] + track["height"] / 2)
    wait_for_change(page, state, "souris")
    assert page.external_requests == []
    assert not [e for e in page.console_errors if "widget" in e.lower()]
    # accessibility: no serious or critical axe-core violation (minor ones are printed)
    results = axe_audit(page)
    assert serious(results) == []
    print(f"axe {app.filename} (mineures) : {minor(results)}")
