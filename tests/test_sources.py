"""Every external fact of the course points to the register of sources, and back.

A notebook sentence that states an external fact ends with a marker
``[S05](../docs/sources.md#s05)`` (issue 16). The register is part 2 of ``docs/sources.md``:
one entry per id, anchored with ``<a id="s05"></a>``, giving the claim, the source, what the
source says and when it was checked. These tests check that every marker resolves to an
entry, that every entry is cited in a notebook, that entries are complete, and that the
claims withdrawn by issue 16 stay out of the course.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "docs" / "sources.md"
CITING = ["course", "solutions"]  # exercises/ is generated from solutions/

MARKER = re.compile(r"\[S(\d{2})\]\(([^)\s]*)\)")
ANY_S_ID = re.compile(r"\[S\d+\]")
ANCHOR = re.compile(r'<a id="s(\d{2})"></a>\s*\n### S(\d{2}) — ')
FIELDS = ("**Course:**", "**Source:**", "**What it says:**", "**Checked:**")


def notebook_markdown(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
    )


def notebooks() -> list[Path]:
    return sorted(p for d in CITING for p in (ROOT / d).glob("**/*.ipynb"))


def register() -> dict[str, str]:
    """Entry id ("05") → text of the entry, from part 2 of docs/sources.md."""
    text = SOURCES.read_text(encoding="utf-8")
    part2 = text.split('<a id="part-2"></a>', 1)[1].split('<a id="part-3"></a>', 1)[0]
    found = list(ANCHOR.finditer(part2))
    entries = {}
    for i, m in enumerate(found):
        assert m.group(1) == m.group(2), f"anchor s{m.group(1)} heads entry S{m.group(2)}"
        end = found[i + 1].start() if i + 1 < len(found) else len(part2)
        assert m.group(1) not in entries, f"S{m.group(1)} is registered twice"
        entries[m.group(1)] = part2[m.end() : end]
    return entries


def marker_problems(text: str, notebook: Path, ids: set[str]) -> list[str]:
    """What is wrong with the source markers of one notebook's text (empty list: all good)."""
    problems = []
    expected = Path("../" * (len(notebook.relative_to(ROOT).parts) - 1)) / "docs" / "sources.md"
    for m in MARKER.finditer(text):
        n, link = m.group(1), m.group(2)
        if link != f"{expected.as_posix()}#s{n}":
            problems.append(f"{notebook.name}: [S{n}] links to {link!r}")
        if n not in ids:
            problems.append(f"{notebook.name}: [S{n}] has no entry in docs/sources.md")
    bare = len(ANY_S_ID.findall(text)) - len(MARKER.findall(text))
    if bare:
        problems.append(f"{notebook.name}: {bare} marker(s) [Sn] without a link to the register")
    for label, link in re.findall(r"\[([^\]]*)\]\(([^)\s]*sources\.md[^)\s]*)\)", text):
        if not re.fullmatch(r"S\d{2}", label):
            problems.append(f"{notebook.name}: [{label}]({link}) is not a register marker")
    return problems


def test_register_entries_are_numbered_and_complete():
    entries = register()
    assert len(entries) >= 25
    assert list(entries) == [f"{i:02d}" for i in range(1, len(entries) + 1)]
    for n, body in entries.items():
        for field in FIELDS:
            assert field in body, f"S{n} lacks {field}"
        source = body.split("**Source:**", 1)[1].split("**What it says:**", 1)[0]
        assert re.search(r"\b(19|20)\d\d\b", source), f"S{n}: the source has no date"
        checked = body.split("**Checked:**", 1)[1]
        assert re.search(r"\d{4}-\d{2}-\d{2}|not re-checked", checked), (
            f"S{n}: say when it was checked, or that it was not"
        )


def test_every_marker_resolves_to_a_register_entry():
    ids = set(register())
    problems = []
    for path in notebooks():
        problems += marker_problems(notebook_markdown(path), path, ids)
    assert not problems, "\n".join(problems)


def test_every_register_entry_is_cited_in_a_notebook():
    cited = set()
    for path in notebooks():
        cited |= {m.group(1) for m in MARKER.finditer(notebook_markdown(path))}
    uncited = sorted(set(register()) - cited)
    assert not uncited, f"entries cited by no notebook: {', '.join('S' + n for n in uncited)}"


def test_course_cites_the_register_in_every_module_that_states_facts():
    counts = {
        p.name: len(MARKER.findall(notebook_markdown(p))) for p in (ROOT / "course").glob("*.ipynb")
    }
    for name in [
        "01-prise-en-main.ipynb",
        "02-strategie-globale.ipynb",
        "03-communication-continue.ipynb",
        "04-interactions.ipynb",
        "05-audit-secteur-public.ipynb",
        "06-ambassadeurs-gouvernance.ipynb",
        "07-amplificateurs.ipynb",
        "08-plan-action.ipynb",
    ]:
        assert counts[name] > 0, f"{name} states external facts but cites no source"


def test_links_inside_the_sources_file_resolve():
    text = SOURCES.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, f"docs/sources.md links to #{target}, which does not exist"
    for target in re.findall(r"\]\(([\w./-]+\.md)\)", text):
        assert (SOURCES.parent / target).is_file(), target


def test_relative_doc_links_of_the_course_exist():
    for path in notebooks():
        for link in re.findall(r"\]\((\.\./[^)#\s]+)", notebook_markdown(path)):
            assert (path.parent / link).resolve().is_file(), f"{path.name}: {link} does not exist"


def test_export_paths_live_in_one_place():
    exports = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    for platform in ["Meta Business Suite", "X", "LinkedIn", "YouTube", "Mastodon"]:
        assert platform in exports
    assert exports.count("vérifié") >= 5  # each path says whether and when it was checked
    for path in notebooks():
        text = notebook_markdown(path)
        assert "Demander votre archive" not in text, f"{path.name} repeats an export path"
        assert "Insights → Contenu" not in text, f"{path.name} repeats an export path"


WITHDRAWN = [
    "0,63 fois par jour",
    "16 communes sur 105",
    "Total Engagement %",
    "Luxembourg Times",
    "DigitalGov",
    "entonnoir social » décrit par Hootsuite",
    "idéalement sous 24 h",
]


@pytest.mark.parametrize("claim", WITHDRAWN)
def test_withdrawn_claims_stay_out_of_the_course(claim):
    for path in notebooks():
        assert claim not in notebook_markdown(path), f"{path.name}: « {claim} » was withdrawn"


def test_marker_check_reports_broken_markers(tmp_path):
    course = ROOT / "course" / "03-communication-continue.ipynb"
    ids = {"04", "05"}
    good = "Texte ([S05](../docs/sources.md#s05))."
    assert marker_problems(good, course, ids) == []
    assert marker_problems("([S07](../docs/sources.md#s07))", course, ids)  # no entry
    assert marker_problems("([S05](../docs/sources.md#s04))", course, ids)  # wrong anchor
    assert marker_problems("([S05](docs/sources.md#s05))", course, ids)  # wrong path
    assert marker_problems("(Track Social, [S05])", course, ids)  # no link
    assert marker_problems("(voir [le registre](../docs/sources.md#s05))", course, ids)
    solution = ROOT / "solutions" / "03-communication-continue" / "x.ipynb"
    assert marker_problems("[S05](../../docs/sources.md#s05)", solution, ids) == []
