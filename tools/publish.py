"""The course outside the notebook: instructor slides and a static self-study site, offline.

Usage::

    python tools/publish.py slides     # build/slides/<module>.slides.html (reveal.js, make slides)
    python tools/publish.py site       # build/site/index.html and one page per module (make site)
    python tools/publish.py annotate   # add slideshow metadata to course cells that lack it

Both builds execute every notebook of ``course/`` once (cached in ``build/executed/`` while the
notebook and the ``socialkit`` package are unchanged), then render it with nbconvert and a kit
template (``tools/templates/``) that loads nothing from the internet: reveal.js comes from
``build/vendor/`` (``make vendor``), no require.js, MathJax or Mermaid (the course uses none).

Simulations cannot run in a static page: each view cell's output is replaced by a still image
of the view with its default settings and a link to its Voilà app (``make apps``).

Slides: the cells that make the talk carry ``slideshow.slide_type`` metadata in the course
notebooks (headings start a slide, figures and simulations a sub-slide); cells without it are
left out of the deck; code is hidden. ``annotate`` proposes that metadata for cells that have
none (it never changes a cell that has some, nor any text), keeping cell ids.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter, SlidesExporter
from nbconvert.filters import strip_ansi
from nbconvert.preprocessors import ExecutePreprocessor

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from socialkit.apps import APPS  # noqa: E402
from tools.vendor import path as vendor_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "course"
EXERCISES = ROOT / "exercises"
BUILD = ROOT / "build"
EXECUTED = BUILD / "executed"
SLIDES = BUILD / "slides"
SITE = BUILD / "site"
TEMPLATES = Path(__file__).resolve().parent / "templates"
APPS_URL = "http://127.0.0.1:8866/voila/render/"  # where `make apps` serves them
VIEW_CALL = re.compile(r"\b([A-Z]\w*View)\(\)")
HEADING = re.compile(r"^#{1,2} ", re.MULTILINE)
DAYS = {"00": "Sommaire", "01": "Jour 1", "05": "Jour 2"}  # first module of each day

APP_BY_VIEW = {}
for _app in APPS.values():
    APP_BY_VIEW.setdefault(_app.view, _app)


def course_notebooks() -> list[Path]:
    """Course notebooks in the order of the two days (their file names sort that way)."""
    return sorted(COURSE.glob("[0-9][0-9]-*.ipynb"))


def title_of(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^# (.+)$", cell.source, re.MULTILINE)
            if match:
                return match.group(1).strip()
    return "Médias sociaux"


# -- execution (cached) ------------------------------------------------------------------
def _package_digest() -> str:
    digest = hashlib.sha1()
    for path in sorted((ROOT / "socialkit").rglob("*.py")):
        digest.update(path.read_bytes())
    for path in sorted((ROOT / "datasets").glob("*.csv")):
        digest.update(path.name.encode() + str(path.stat().st_size).encode())
    return digest.hexdigest()


def executed(path: Path, timeout: int = 600):
    """``path`` executed top to bottom in ``course/`` (cached by content of notebook + package)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = json.dumps([(c["cell_type"], c["source"]) for c in cells])  # not metadata
    key = hashlib.sha1((code + _package_digest()).encode()).hexdigest()[:16]
    cached = EXECUTED / f"{path.stem}.{key}.ipynb"
    if cached.exists():
        return nbformat.read(cached, as_version=4)
    nb = nbformat.read(path, as_version=4)
    print(f"  exécution de {path.name}…", flush=True)
    # The figures must be outputs of the cells: the inline backend, even when the caller runs
    # headless with MPLBACKEND=Agg (CI does), which would leave every figure cell empty.
    saved = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        ExecutePreprocessor(
            timeout=timeout, kernel_name="python3", store_widget_state=False
        ).preprocess(nb, {"metadata": {"path": str(path.parent)}})
    finally:
        if saved is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = saved
    EXECUTED.mkdir(parents=True, exist_ok=True)
    for old in EXECUTED.glob(f"{path.stem}.*.ipynb"):
        old.unlink()
    nbformat.write(nb, cached)
    return nb


# -- simulations as still images ---------------------------------------------------------
_STILLS: dict[str, tuple[bytes, str]] = {}


def _still(view_name: str) -> tuple[bytes, str]:
    """PNG and summary line (plain text) of the view with its default settings."""
    if view_name not in _STILLS:
        view = APP_BY_VIEW[view_name].view_class()()
        first = re.split(r"<br>|<table", view.summary.value)[0]
        summary = html.unescape(re.sub(r"<[^>]+>", "", first)).strip()
        _STILLS[view_name] = (bytes(view.image.value), summary)
    return _STILLS[view_name]


def still_png(view_name: str) -> bytes:
    """PNG of the view with its default settings (what a trainee sees before moving anything)."""
    return _still(view_name)[0]


def simulation_output(view_name: str, app_href: str) -> dict:
    app = APP_BY_VIEW[view_name]
    png = base64.b64encode(still_png(view_name)).decode()
    # the image's alternative says what it shows: the view's own one-line summary
    summary = _still(view_name)[1]
    alt = f"Simulation « {app.title} » avec ses réglages de départ (image fixe). {summary}"
    link = (
        f"<p class='kit-app-link'><img src='data:image/png;base64,{png}' alt='{html.escape(alt)}'"
        f" style='max-width:100%'><br>Image fixe de la simulation. "
        f"<a href='{html.escape(app_href)}'>Ouvrir la simulation « {html.escape(app.title)} »</a>"
        " (servie par <code>make apps</code>).</p>"
    )
    return nbformat.v4.new_output("display_data", data={"text/html": link})


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def readable_cells(markup: str) -> str:
    """Styled tables (pandas ``background_gradient``): black or white text, whichever contrasts
    more with each cell's background (pandas' own choice can fall under WCAG's 4.5:1)."""

    def fix(match: re.Match) -> str:
        background = match.group(1).lstrip("#")
        if len(background) != 6:
            return match.group(0)
        lum = _luminance(background)
        black, white = (lum + 0.05) / 0.05, 1.05 / (lum + 0.05)
        text = "#000000" if black >= white else "#ffffff"
        return f"background-color: {match.group(1)};\n  color: {text};"

    return re.sub(
        r"background-color:\s*(#[0-9a-fA-F]{6});\s*color:\s*#[0-9a-fA-F]{6};", fix, markup
    )


def prepare(nb, app_href) -> None:
    """Replace widget outputs by still images + app links; give every figure an alt text."""
    nb.metadata.pop("widgets", None)
    section = title_of(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#{1,3} (.+)$", cell.source, re.MULTILINE)
            if match:
                section = re.sub(r"[*_`]", "", match.group(1)).strip()
            continue
        if cell.cell_type != "code":
            continue
        views = [v for v in VIEW_CALL.findall(cell.source) if v in APP_BY_VIEW]
        if views:
            cell.outputs = [simulation_output(views[0], app_href(APP_BY_VIEW[views[0]]))]
            continue
        for output in cell.outputs:
            if output.get("output_type") == "error":  # plain text: ANSI colours fail contrast
                output["traceback"] = [strip_ansi(line) for line in output["traceback"]]
            data = output.get("data", {})
            data.pop("application/vnd.jupyter.widget-view+json", None)
            if "<style" in data.get("text/html", ""):
                data["text/html"] = readable_cells(data["text/html"])
            if "image/png" in data:
                meta = output.setdefault("metadata", {}).setdefault("image/png", {})
                if isinstance(meta, dict) and not meta.get("alt"):
                    meta["alt"] = f"Graphique de la section « {section} »"


# -- slides --------------------------------------------------------------------------------
def slide_type(cell) -> str | None:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type")


def deck_cells(nb) -> None:
    """Keep the cells that make the talk; hide the rest (`skip`)."""
    for cell in nb.cells:
        if slide_type(cell) is None:
            cell.metadata["slideshow"] = {"slide_type": "skip"}


def expected_slides(path: Path) -> int:
    """Number of slides (sub-slides included) in the deck of course notebook ``path``."""
    nb = nbformat.read(path, as_version=4)
    types = [slide_type(c) for c in nb.cells if slide_type(c) not in (None, "skip", "notes")]
    if not types:
        return 0
    return sum(t in ("slide", "subslide") for t in types) + (types[0] not in ("slide", "subslide"))


def build_slides() -> list[Path]:
    reveal = vendor_path("reveal.js")
    if not (reveal / "dist" / "reveal.js").exists():
        raise SystemExit("reveal.js absent de build/vendor : lancez `make vendor`.")
    SLIDES.mkdir(parents=True, exist_ok=True)
    target = SLIDES / "reveal.js"
    if target.is_symlink() or target.exists():
        shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
    shutil.copytree(reveal, target, ignore=shutil.ignore_patterns("*.map", "demo.html", "css"))
    exporter = SlidesExporter(
        template_name="kit-reveal",
        extra_template_basedirs=[str(TEMPLATES)],
        reveal_url_prefix="reveal.js",
        reveal_theme="white",
        reveal_scroll=True,
        reveal_number="c/t",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    written = []
    for path in course_notebooks():
        if expected_slides(path) == 0:
            continue
        nb = executed(path)
        prepare(nb, lambda app: APPS_URL + app.filename)
        deck_cells(nb)
        body, _ = exporter.from_notebook_node(
            nb, resources={"metadata": {"name": title_of(nb)}, "language_code": "fr"}
        )
        out = SLIDES / f"{path.stem}.slides.html"
        out.write_text(body, encoding="utf-8")
        written.append(out)
        print(f"  {out.relative_to(ROOT)} ({expected_slides(path)} diapositives)")
    return written


# -- site ----------------------------------------------------------------------------------
def page_name(path: Path) -> str:
    return "index.html" if path.stem.startswith("00-") else f"{path.stem}.html"


DOC_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="../kit-site.css"></head>
<body><header class="kit-header"><p class="kit-brand"><a href="../index.html">Médias sociaux —
formation pour communicants publics</a></p></header>
<main id="contenu" lang="{lang}">{body}</main></body></html>
"""


_DOCS_DONE: set[Path] = set()


def doc_page(source: Path) -> str:
    """Render a repository markdown file linked from the course into ``docs/<name>.html``."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    target = SITE / "docs" / f"{source.stem}.html"
    if source in _DOCS_DONE:
        return f"docs/{target.name}"
    _DOCS_DONE.add(source)  # before rendering: documents citing each other stop here
    text = source.read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, re.MULTILINE)
    lang = "en" if "(maintainers, English" in text else "fr"
    body = markdown2html_mistune(text)
    target.parent.mkdir(parents=True, exist_ok=True)

    def sibling(match: re.Match) -> str:  # links between documents of the same folder
        other = source.parent / f"{match.group(1)}.md"
        if not other.is_file():
            return match.group(0)
        doc_page(other)
        return f'href="{other.stem}.html{match.group(2) or ""}"'

    body = re.sub(r'href="([\w.-]+)\.md(#[^"]*)?"', sibling, body)
    page = DOC_PAGE.format(
        title=html.escape(title.group(1) if title else source.name), body=body, lang=lang
    )
    target.write_text(page, encoding="utf-8")
    return f"docs/{target.name}"


def rewrite_links(nb, pages: dict[str, str]) -> None:
    """Links between course notebooks point to their pages (``x.ipynb`` → ``x.html``); links to
    the kit's markdown documents (``../docs/sources.md#s01``) to their rendered copy."""

    def repl(match: re.Match) -> str:
        target = match.group(2)
        path = target.split("#")[0]
        anchor = target[len(path) :]
        if re.match(r"^[a-z]+:", target):
            return match.group(0)
        if Path(path).name in pages:
            return f"{match.group(1)}({pages[Path(path).name]}{anchor})"
        source = (COURSE / path).resolve()
        if source.suffix == ".md" and source.is_file() and ROOT in source.parents:
            return f"{match.group(1)}({doc_page(source)}{anchor})"
        return match.group(0)

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = re.sub(r"(\[[^\]]*\])\(([^)\s]+)\)", repl, cell.source)


def build_site() -> Path:
    SITE.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(SITE / "docs", ignore_errors=True)
    _DOCS_DONE.clear()
    notebooks = course_notebooks()
    pages = {p.name: page_name(p) for p in notebooks}
    nav = []
    for p in notebooks:
        nb = nbformat.read(p, as_version=4)
        nav.append(
            {
                "href": pages[p.name],
                "title": title_of(nb),
                "day": DAYS.get(p.stem[:2]),
                "module": p.stem[:2],
            }
        )
    (SITE / "exercices").mkdir(exist_ok=True)
    exporter = HTMLExporter(
        template_name="kit-site",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    for i, path in enumerate(notebooks):
        nb = executed(path)
        prepare(nb, lambda app: APPS_URL + app.filename)
        rewrite_links(nb, pages)
        exercise = EXERCISES / path.stem / f"{path.stem}.ipynb"
        download = None
        if exercise.exists():
            shutil.copy2(exercise, SITE / "exercices" / exercise.name)
            download = f"exercices/{exercise.name}"
        resources = {
            "metadata": {"name": title_of(nb)},
            "language_code": "fr",
            "kit": {
                "nav": nav,
                "current": pages[path.name],
                "previous": nav[i - 1] if i > 0 else None,
                "next": nav[i + 1] if i + 1 < len(nav) else None,
                "exercise": download,
                "apps_url": APPS_URL,
            },
        }
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        (SITE / pages[path.name]).write_text(body, encoding="utf-8")
        print(f"  build/site/{pages[path.name]}")
    shutil.copy2(TEMPLATES / "kit-site" / "static" / "kit-site.css", SITE / "kit-site.css")
    return SITE / "index.html"


# -- slideshow metadata ------------------------------------------------------------------
def annotate(paths: list[Path]) -> int:
    """Slideshow metadata for cells without any: headings → slide, figures/simulations →
    subslide (from the executed notebook), nothing on other cells. Returns cells changed."""
    from tools.notebooks import dumps, normalise

    changed = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if any(slide_type(c) for c in nb.cells):
            continue  # curated already: leave the instructor's choices alone
        run = {c.id: c for c in executed(path).cells}
        for cell in nb.cells:
            kind = None
            if cell.cell_type == "markdown" and HEADING.search(cell.source):
                kind = "slide"
            elif cell.cell_type == "code":
                outputs = run.get(cell.id, cell).get("outputs", [])
                if VIEW_CALL.search(cell.source) or any(
                    "image/png" in o.get("data", {}) for o in outputs
                ):
                    kind = "subslide"
            if kind:
                cell.metadata["slideshow"] = {"slide_type": kind}
                changed += 1
        data = json.loads(nbformat.writes(nb))
        path.write_text(dumps(normalise(data)), encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["slides", "site", "annotate"])
    parser.add_argument("paths", nargs="*", type=Path, help="annotate: notebooks (default all)")
    args = parser.parse_args(argv)
    if args.what == "slides":
        decks = build_slides()
        print(f"{len(decks)} présentations dans build/slides/ (ouvrez-les dans un navigateur)")
    elif args.what == "site":
        index = build_site()
        print(f"Site : {index.relative_to(ROOT)}")
    else:
        paths = [p.resolve() for p in args.paths] or course_notebooks()
        print(f"{annotate(paths)} cellules annotées")
    return 0


if __name__ == "__main__":
    sys.exit(main())
