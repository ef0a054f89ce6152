"""No sentence of the seed interview is copied into what trainees or instructors read.

The course puts the interview's ideas in its own words. This test looks for any run of
seven consecutive words of the interview in the notebooks, the READMEs and the docs. The
interview's three questions are left out: they are the course's spine and the design card
uses them as module titles (« Le secteur public est-il à la traîne ? »).
The interview lives outside the repository (``../shared/seed/``, beside the clone, as on
the maintainers' and CI machines); elsewhere the test is skipped.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed"
RUN = 7


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return re.findall(r"[a-zàâäçéèêëîïôöùûüœ0-9]+", text)


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def course_texts() -> dict[str, str]:
    texts = {}
    for path in sorted(ROOT.glob("**/*.ipynb")):
        if ".venv" in path.parts or ".ipynb_checkpoints" in path.parts:
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        texts[str(path.relative_to(ROOT))] = "\n".join(
            "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb["cells"]
        )
    for path in [
        ROOT / "README.md",
        *sorted((ROOT / "docs").rglob("*.md")),
        ROOT / "datasets" / "README.md",
    ]:
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return texts


@pytest.mark.skipif(not SEED.is_dir(), reason="the seed interview is not beside this clone")
def test_no_seven_word_run_of_the_interview():
    lines = [
        line for p in SEED.glob("*.txt") for line in p.read_text(encoding="utf-8").splitlines()
    ]
    seed = runs("\n".join(line for line in lines if not re.match(r"\s*\d- ", line)))
    copied = {
        name: sorted(" ".join(r) for r in runs(text) & seed)[:3]
        for name, text in course_texts().items()
        if runs(text) & seed
    }
    assert copied == {}


def test_the_detector_finds_a_copied_run():
    text = "un deux trois quatre cinq six sept huit neuf"
    assert runs(text) & runs("avant " + text)
