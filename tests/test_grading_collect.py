"""``make collect`` against hostile archives and folders (tools/grading/collect.py)."""

from __future__ import annotations

import os
import stat
import zipfile

import nbformat
import pytest

from tests.grading import fixture
from tools.grading import collect


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """One course for the module: creating its gradebook is the slow part."""
    root = fixture.build_course(tmp_path_factory.mktemp("collecte") / "cours")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("total_partages = 25")]
    return root, nbformat.writes(nb)


def _submitted(root):
    base = root / "submitted"
    return sorted(p.name for p in base.iterdir()) if base.is_dir() else []


def test_zip_bomb_and_dangerous_members_are_skipped_and_reported(course, tmp_path):
    root, nb = course
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Ana Diaz_1_assignsubmission_file_/devoir.ipynb", nb)
        zf.writestr("Ana Diaz_1_assignsubmission_file_/bombe.bin", b"\0" * (20 * 2**20))
        zf.writestr("../../evasion.ipynb", nb)
        link = zipfile.ZipInfo("Ana Diaz_1_assignsubmission_file_/corrige.ipynb")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, str(root / "solutions" / fixture.ASSIGNMENT / "demo-notation.ipynb"))
    assert archive.stat().st_size < 2**20  # 20 MiB of zeros compress to a few KiB
    report = collect.collect(fixture.ASSIGNMENT, archive, root, quiet=True)
    assert set(report) == {"ana-diaz"}
    reasons = dict(report.skipped)
    assert "bombe zip" in reasons["Ana Diaz_1_assignsubmission_file_/bombe.bin"]
    assert "lien symbolique" in reasons["Ana Diaz_1_assignsubmission_file_/corrige.ipynb"]
    assert "chemin dangereux" in reasons["../../evasion.ipynb"]
    dest = root / "submitted" / "ana-diaz" / fixture.ASSIGNMENT
    assert sorted(p.name for p in dest.iterdir()) == ["demo-notation.ipynb", "timestamp.txt"]
    assert not (tmp_path / "evasion.ipynb").exists()


def test_symlinks_in_a_folder_are_never_followed(course, tmp_path):
    root, nb = course
    solution = root / "solutions" / fixture.ASSIGNMENT / "demo-notation.ipynb"
    incoming = tmp_path / "remises"
    (incoming / "bob").mkdir(parents=True)
    (incoming / "bob" / "devoir.ipynb").write_text(nb, encoding="utf-8")
    os.symlink(solution, incoming / "bob" / "corrige.ipynb")
    os.symlink(solution, incoming / "voleur.ipynb")
    os.symlink(solution.parent, incoming / "dossier-vole")
    report = collect.collect(fixture.ASSIGNMENT, incoming, root, quiet=True)
    assert set(report) == {"bob"}
    skipped = {path for path, _ in report.skipped}
    assert {"voleur.ipynb", "dossier-vole", "bob/corrige.ipynb"} <= skipped
    for path in (root / "submitted").rglob("*"):
        assert not path.is_symlink()
        if path.suffix == ".ipynb":
            assert "BEGIN SOLUTION" not in path.read_text(encoding="utf-8")


def test_homonyms_and_case_variants_get_distinct_ids(course, tmp_path, capsys):
    root, nb = course
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Jean Dupont_111_assignsubmission_file_/a.ipynb", nb)
        zf.writestr("Jean Dupont_222_assignsubmission_file_/b.ipynb", nb)
    report = collect.collect(fixture.ASSIGNMENT, archive, root, quiet=False)
    assert set(report) == {"jean-dupont", "jean-dupont-222"}
    assert any("même identifiant" in w for w in report.warnings)
    assert "ATTENTION" in capsys.readouterr().out
    flat = tmp_path / "plat"
    flat.mkdir()
    (flat / "Lea.ipynb").write_text(nb, encoding="utf-8")
    (flat / "LEA.ipynb").write_text(nb, encoding="utf-8")
    report = collect.collect(fixture.ASSIGNMENT, flat, root, quiet=True)
    assert set(report) == {"lea", "lea-2"}
    assert report.warnings
    assert {"jean-dupont", "jean-dupont-222", "lea", "lea-2"} <= set(_submitted(root))
