"""Slides (``make slides``) and self-study site (``make site``), checked in Debian's chromium.

Both are built by ``tools/publish.py`` (a module fixture builds whatever is missing or stale;
the executed notebooks are cached in ``build/executed/``) and served from a loopback HTTP
server. Any request to another host is aborted and fails the test.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from browserkit import ROOT, axe_audit, minor, serious

sys.path.insert(0, str(ROOT))
from tools import publish  # noqa: E402

pytestmark = pytest.mark.browser


def _stale(outputs: list[Path]) -> bool:
    sources = [*publish.course_notebooks(), *publish.TEMPLATES.rglob("*"), Path(publish.__file__)]
    newest = max(p.stat().st_mtime for p in sources if p.is_file())
    return not outputs or any(not p.exists() or p.stat().st_mtime < newest for p in outputs)


@pytest.fixture(scope="module")
def decks() -> dict[Path, Path]:
    """course notebook → its deck, for every notebook with slideshow metadata."""
    wanted = {
        nb: publish.SLIDES / f"{nb.stem}.slides.html"
        for nb in publish.course_notebooks()
        if publish.expected_slides(nb)
    }
    if _stale(list(wanted.values())):
        publish.build_slides()
    return wanted


@pytest.fixture(scope="module")
def site() -> Path:
    pages = [publish.SITE / publish.page_name(nb) for nb in publish.course_notebooks()]
    if _stale(pages):
        publish.build_site()
    return publish.SITE


def test_every_module_has_a_deck(decks):
    modules = {nb.stem for nb in decks}
    assert {f"0{i}" for i in range(1, 9)} <= {m[:2] for m in modules}


def test_slides_count_no_blank_slide_offline(page, static_server, decks):
    base = static_server(publish.SLIDES)
    for notebook, deck in decks.items():
        page.goto(base + deck.name)
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        total = page.evaluate("Reveal.getTotalSlides()")
        assert total == publish.expected_slides(notebook), deck.name
        blank = page.evaluate(
            """() => Reveal.getSlides().map((s, i) => [i, s]).filter(([i, s]) =>
                 !s.querySelector('section') && !s.innerText.trim()
                 && !s.querySelector('img')).map(([i]) => i)"""
        )
        assert blank == [], f"{deck.name} : diapositives vides {blank}"
        broken = page.evaluate(
            "Array.from(document.images).filter(i => i.complete && !i.naturalWidth).length"
        )
        assert broken == 0, deck.name
    assert page.external_requests == []
    assert not page.console_errors


def test_simulation_slide_has_still_image_and_app_link(page, static_server, decks):
    deck = publish.SLIDES / "03-communication-continue.slides.html"
    page.goto(static_server(publish.SLIDES) + deck.name)
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    link = page.locator(".kit-app-link a")
    assert link.count() >= 1
    assert link.first.get_attribute("href").endswith("03-rythme-de-publication.ipynb")
    img = page.locator(".kit-app-link img").first
    assert img.get_attribute("alt").startswith("Simulation « ")


def test_one_deck_accessibility(page, static_server, decks):
    page.goto(static_server(publish.SLIDES) + "04-interactions.slides.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    results = axe_audit(page)
    assert serious(results) == []
    print("axe diapositives 04 (mineures) :", minor(results))


def test_site_links_images_downloads_offline(page, static_server, site):
    base = static_server(site)
    seen, queue, app_links = set(), [base + "index.html"], set()
    figures = 0  # rendered matplotlib figures (PNG data) across the course pages
    order = [publish.page_name(nb) for nb in publish.course_notebooks()]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        if not url.endswith(".html"):  # a download (exercise notebook): it must be served
            response = page.request.get(url)
            assert response.ok and response.json()["cells"], url
            continue
        response = page.goto(url)
        assert response is not None and response.ok, url
        images = page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt'))")
        assert all(alt and alt.strip() for alt in images), f"{url} : image sans texte alternatif"
        # the figures' own French alt (kernel formatter), not nbconvert's English placeholder
        assert not [a for a in images if a.startswith("No description")], url
        if "/docs/" not in url and url.split("/")[-1][:2] in {"03", "04", "05"}:
            assert any(a.startswith("Graphique « ") for a in images), url
        figures += page.eval_on_selector_all("img[src^='data:image/png']", "els => els.length")
        if "/docs/" not in url:  # course pages (docs/: the kit's documents they cite)
            nav = page.eval_on_selector_all(
                ".kit-nav a", "els => els.map(e => e.getAttribute('href'))"
            )
            assert nav == order, url  # navigation in the order of the two days, on every page
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            target, _ = urldefrag(href)
            if target.startswith(publish.APPS_URL):
                app_links.add(target.rsplit("/", 1)[1])
            elif target.startswith(base):
                assert not target.endswith(".ipynb") or "/exercices/" in target, target
                queue.append(target)
        missing = page.evaluate(
            """() => Array.from(document.querySelectorAll("a[href^='#']"))
                 .map(a => a.getAttribute('href').slice(1))
                 .filter(id => id && !document.getElementById(id)
                               && !document.getElementById(decodeURIComponent(id)))"""
        )
        assert missing == [], f"{url} : ancres introuvables {missing}"
    pages = {urlsplit(u).path.rsplit("/", 1)[1] for u in seen}
    assert set(order) <= pages
    assert {f"{nb.stem}.ipynb" for nb in publish.course_notebooks()[1:]} <= {
        p for p in pages if p.endswith(".ipynb")
    }  # every module's exercise offered for download
    assert app_links == {app.filename for app in publish.APPS.values()}
    assert all((ROOT / "apps" / name).exists() for name in app_links)
    assert page.external_requests == []
    # Figures are cell outputs: a headless run (MPLBACKEND=Agg) must not leave them empty.
    assert figures >= 10, f"seulement {figures} figures sur le site"


def test_site_accessibility(page, static_server, site):
    base = static_server(site)
    found, bad = {}, {}
    # the sommaire and the pages with tracebacks, coloured tables and simulations
    for name in (
        "index.html",
        "01-prise-en-main.html",
        "04-interactions.html",
        "07-amplificateurs.html",
    ):
        page.goto(urljoin(base, name))
        results = axe_audit(page)
        if serious(results):
            bad[name] = serious(results)
        found[name] = minor(results)
    assert bad == {}
    print("axe site (mineures) :", found)
