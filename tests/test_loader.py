"""The loader: typed tables from the real files, clear French errors for bad ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from socialkit import DataError, load
from socialkit.data import data_dir
from socialkit.schema import TABLES

GOOD = (
    "date,compte_id,abonnes,nouveaux,desabonnements\n"
    "2025-09-01,C001,1200,5,1\n"
    "2025-09-02,C001,1204,6,2\n"
)


def write(tmp_path: Path, text: str | bytes, name: str = "abonnes") -> Path:
    path = tmp_path / f"{name}.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return tmp_path


def error(tmp_path: Path, name: str = "abonnes") -> str:
    with pytest.raises(DataError) as info:
        load(name, folder=tmp_path)
    message = str(info.value)
    assert f"{name}.csv" in message, "the message names the file"
    assert "Traceback" not in message
    return message


def test_good_small_file(tmp_path):
    frame = load("abonnes", folder=write(tmp_path, GOOD))
    assert list(frame.columns) == [c for c, _, _ in TABLES["abonnes"]]
    assert str(frame["abonnes"].dtype) == "Int64"
    assert frame["date"].dtype == "datetime64[ns]" or str(frame["date"].dtype).startswith(
        "datetime64"
    )


def test_missing_file(tmp_path):
    assert "introuvable" in error(tmp_path)


def test_empty_file(tmp_path):
    assert "vide" in error(write(tmp_path, ""))


def test_header_only(tmp_path):
    assert "aucune ligne" in error(write(tmp_path, GOOD.splitlines()[0] + "\n"))


def test_truncated_file(tmp_path):
    assert "tronqué" in error(write(tmp_path, GOOD[:-6]))


def test_semicolon_separated(tmp_path):
    assert "points-virgules" in error(write(tmp_path, GOOD.replace(",", ";")))


def test_missing_column(tmp_path):
    text = GOOD.replace(",desabonnements", "").replace(",1\n", "\n").replace(",2\n", "\n")
    assert "desabonnements" in error(write(tmp_path, text))


def test_not_utf8(tmp_path):
    assert "UTF-8" in error(write(tmp_path, GOOD.replace("C001", "Cé01").encode("latin-1")))


def test_bad_number_names_value_and_line(tmp_path):
    message = error(write(tmp_path, GOOD.replace("1204", "1 204")))
    assert "« 1 204 »" in message and "ligne 3" in message


def test_bad_date(tmp_path):
    assert "AAAA-MM-JJ" in error(write(tmp_path, GOOD.replace("2025-09-02", "02/09/2025")))


def test_ragged_row(tmp_path):
    assert "nombre de champs" in error(write(tmp_path, GOOD + "2025-09-03,C001,1,2,3,4,5\n"))


def test_unknown_table():
    with pytest.raises(DataError, match="Tableaux disponibles"):
        load("posts")


def test_unknown_category_and_bad_timestamp(tmp_path):
    src = data_dir()
    lines = (src / "mentions.csv").read_text(encoding="utf-8").splitlines(keepends=True)[:3]
    header = lines[0].rstrip("\n").split(",")
    row = lines[1].rstrip("\n").split(",")
    row[header.index("plateforme")] = "myspace"
    write(tmp_path, "".join([lines[0], ",".join(row) + "\n"]), "mentions")
    assert "myspace" in error(tmp_path, "mentions")
    row = lines[1].rstrip("\n").split(",")
    row[header.index("publiee_le")] = "hier soir"
    write(tmp_path, "".join([lines[0], ",".join(row) + "\n"]), "mentions")
    assert "ISO 8601" in error(tmp_path, "mentions")


@pytest.mark.parametrize("name", list(TABLES))
def test_real_tables_load_typed(name):
    frame = load(name)
    assert len(frame) > 0
    for column, kind, _ in TABLES[name]:
        dtype = frame[column].dtype
        if kind == "datetime":
            assert str(getattr(dtype, "tz", None)) == "Europe/Brussels", column
        elif kind == "category":
            assert isinstance(dtype, pd.CategoricalDtype), column
        elif kind == "int":
            assert str(dtype) == "Int64", column
        elif kind == "bool":
            assert str(dtype) in ("bool", "boolean"), column


def test_environment_variable_overrides_folder(tmp_path, monkeypatch):
    write(tmp_path, GOOD)
    monkeypatch.setenv("SOCIALKIT_DATA", str(tmp_path))
    assert len(load("abonnes")) == 2


def test_loading_never_modifies_the_file(tmp_path):
    folder = write(tmp_path, GOOD.replace("1204", "x"))
    before = (folder / "abonnes.csv").read_bytes()
    error(folder)
    assert (folder / "abonnes.csv").read_bytes() == before
    shutil.rmtree(folder)
