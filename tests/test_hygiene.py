"""Notebook hygiene and course-wide consistency (agenda, pairing, links)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tools.exercises import differences
from tools.notebooks import dumps, normalise, notebooks, problems

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p.stem for p in (ROOT / "course").glob("0[1-9]-*.ipynb"))


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_clean(path):
    assert problems(path) == []


def _dirty_notebook(tmp_path: Path) -> Path:
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "id": "a",
                "execution_count": 3,
                "source": "1 + 1",
                "metadata": {"ExecuteTime": {"start": "2026-11-26"}, "tags": []},
                "outputs": [
                    {
                        "output_type": "execute_result",
                        "data": {"text/plain": "2"},
                        "metadata": {},
                        "execution_count": 3,
                    }
                ],
            }
        ],
        "metadata": {
            "kernelspec": {"name": "venv-jdoe", "display_name": "jdoe"},
            "vscode": {"interpreter": {"hash": "abc"}},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "sale.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_dirty_notebook_is_reported_and_fixed(tmp_path):
    path = _dirty_notebook(tmp_path)
    found = problems(path)
    assert any("sorties" in p for p in found)
    assert any("compteurs" in p for p in found)
    assert any("noyau" in p for p in found)
    path.write_text(dumps(normalise(json.loads(path.read_text()))), encoding="utf-8")
    assert problems(path) == []
    cleaned = json.loads(path.read_text())
    assert "vscode" not in cleaned["metadata"]
    assert cleaned["cells"][0]["metadata"] == {"tags": []}


def test_machine_metadata_alone_is_reported(tmp_path):
    path = tmp_path / "meta.ipynb"
    nb = normalise(json.loads(_dirty_notebook(tmp_path).read_text()))
    nb["metadata"]["vscode"] = {"interpreter": {"hash": "abc"}}
    path.write_text(dumps(nb), encoding="utf-8")
    assert any("métadonnées" in p for p in problems(path))


def test_no_checkpoints_or_untitled_tracked():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout
    assert ".ipynb_checkpoints" not in tracked
    assert not re.search(r"(^|/)Untitled[^/]*\.ipynb", tracked, re.IGNORECASE)


def _minutes(text: str) -> dict[str, str]:
    """Module slug -> minutes, from any agenda table that links or names the module."""
    found = {}
    for line in text.splitlines():
        slug = re.search(r"(0[1-9]-[a-z\-]+)\.ipynb", line)
        minutes = re.search(r"\|\s*(\d+) min\s*\|", line)
        if slug and minutes:
            found[slug.group(1)] = minutes.group(1)
    return found


def test_agenda_is_the_same_in_readme_and_index():
    readme = _minutes((ROOT / "README.md").read_text(encoding="utf-8"))
    index_nb = json.loads((ROOT / "course" / "00-index.ipynb").read_text(encoding="utf-8"))
    index = _minutes("\n".join("".join(c["source"]) for c in index_nb["cells"]))
    assert readme == index
    assert set(readme) == set(MODULES), "every lecture notebook is on the agenda"


def test_lecture_notebooks_announce_their_minutes():
    agenda = _minutes((ROOT / "README.md").read_text(encoding="utf-8"))
    for slug in MODULES:
        nb = json.loads((ROOT / "course" / f"{slug}.ipynb").read_text(encoding="utf-8"))
        first = "".join(nb["cells"][0]["source"])
        assert f"{agenda[slug]} min" in first, f"{slug}: title cell gives the duration"
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        assert "Objectifs" in text and "Points clés" in text, slug


HEADER = re.compile(r"\*Jour ([12]) · (\d+) min \(cours (\d+) min, exercice noté (\d+) min\)\*")


def _header(slug: str) -> tuple[int, int, int, int]:
    """(day, total, lecture, exercise minutes) from the title cell of a lecture notebook."""
    nb = json.loads((ROOT / "course" / f"{slug}.ipynb").read_text(encoding="utf-8"))
    match = HEADER.search("".join(nb["cells"][0]["source"]))
    assert match, f"{slug}: « *Jour N · T min (cours C min, exercice noté E min)* »"
    return tuple(int(g) for g in match.groups())


def _exercise_minutes(slug: str) -> list[int]:
    """Every « N minutes » the exercise's own introduction (consigne_module) announces."""
    nb = json.loads((ROOT / "solutions" / slug / f"{slug}.ipynb").read_text(encoding="utf-8"))
    intro = "".join(nb["cells"][1]["source"])
    return [int(n) for n in re.findall(r"environ\s+(\d+)\s+minutes", intro)]


@pytest.mark.parametrize("slug", MODULES)
def test_module_minutes_add_up_and_match_the_exercise(slug):
    """Header: lecture + exercise = agenda; the exercise says the same; section tables add up."""
    agenda = _minutes((ROOT / "README.md").read_text(encoding="utf-8"))
    day, total, lecture, exercise = _header(slug)
    assert str(total) == agenda[slug]
    assert lecture + exercise == total
    assert _exercise_minutes(slug) == [exercise], "solutions/ header: « Comptez environ N minutes »"
    nb = json.loads((ROOT / "course" / f"{slug}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"][:3]:  # the optional timing table of the lecture's sections
        rows = re.findall(
            r"^\|([^|\n]+)\|[^|\n]+\|\s*(\d+) min\s*\|$", "".join(cell["source"]), re.M
        )
        if rows:
            assert sum(int(m) for _, m in rows) == total, f"{slug}: section table"
            noted = [int(m) for name, m in rows if "Exercice noté" in name]
            assert noted == [exercise], f"{slug}: section table, exercise row"


def _guide_days() -> dict[int, list[tuple[int, str, int]]]:
    """Day → [(start minute, what, minutes)] from the instructor guide's schedule tables."""
    text = (ROOT / "docs" / "instructor" / "guide.md").read_text(encoding="utf-8")
    days: dict[int, list[tuple[int, str, int]]] = {}
    for day, block in re.findall(r"### Jour (\d)(.*?)(?=\n### |\n## )", text, re.S):
        for h, m, what, minutes in re.findall(
            r"^\| (\d+):(\d\d) \| ([^|]+) \| (\d+) min \|", block, re.M
        ):
            days.setdefault(int(day), []).append((int(h) * 60 + int(m), what.strip(), int(minutes)))
    return days


def test_guide_schedule_is_continuous_and_matches_the_agenda():
    agenda = _minutes((ROOT / "README.md").read_text(encoding="utf-8"))
    days = _guide_days()
    assert sorted(days) == [1, 2]
    seen = {}
    for day, rows in days.items():
        for (start, what, minutes), (next_start, _, _) in zip(rows, rows[1:], strict=False):
            assert start + minutes == next_start, f"jour {day}, {what}: the next slot starts then"
        kinds = " ".join(what.lower() for _, what, _ in rows)
        assert "pause" in kinds and "dîner" in kinds, f"jour {day}: breaks"
        for _, what, minutes in rows:
            module = re.match(r"M(\d)\b", what)
            if module:
                slug = MODULES[int(module.group(1)) - 1]
                assert _header(slug)[0] == day, f"{slug} is on day {day}"
                seen[slug] = seen.get(slug, 0) + minutes
    assert "clôture" in " ".join(w.lower() for _, w, _ in days[2]), "day 2 closes"
    assert {slug: str(m) for slug, m in seen.items()} == agenda


def test_readme_paths_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in re.findall(
        r"`((?:course|exercises|solutions|docs|datasets|tools)/[^`*<>]+)`", readme
    ):
        assert (ROOT / path).exists(), f"README mentions a missing path: {path}"


def test_guide_seed_table_points_to_real_sections():
    """Rows of the guide's seed-idea table name sections that exist in the lecture notebook."""
    guide = (ROOT / "docs" / "instructor" / "guide.md").read_text(encoding="utf-8")
    rows = [line for line in guide.splitlines() if re.match(r"\| [^*|].* \| M\d \| ", line)]
    assert len(rows) >= 10, "the seed-idea table is filled"
    for row in rows:
        module = re.search(r"\| M(\d) \|", row).group(1)
        (path,) = (ROOT / "course").glob(f"0{module}-*.ipynb")
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
        headings = "\n".join("".join(c["source"]) for c in cells)
        for number in re.findall(r"§ (\d+)", row.split("|")[3]):
            assert f"## {number}. " in headings, f"{path.name}: no section {number} ({row[:60]}…)"


def test_exercise_freshness_check_sees_every_kind_of_difference(tmp_path):
    """The exercises freshness check compares trees with this function: it must see changes."""
    left, right = tmp_path / "a", tmp_path / "b"
    for side in (left, right):
        (side / "m").mkdir(parents=True)
        (side / "m" / "same.ipynb").write_text("{}")
    (left / "m" / "edited.ipynb").write_text('{"a": 1}')
    (right / "m" / "edited.ipynb").write_text('{"a": 2}')
    (left / "m" / "only_left.ipynb").write_text("{}")
    (right / "m" / "only_right.csv").write_text("x")
    assert differences(left, right) == ["m/edited.ipynb", "m/only_left.ipynb", "m/only_right.csv"]
