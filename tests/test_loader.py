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


def error(tmp_path: Path, name: str = "abonnes", ext: str = "csv") -> str:
    with pytest.raises(DataError) as info:
        load(name, folder=tmp_path)
    message = str(info.value)
    assert f"{name}.{ext}" in message, "the message names the file"
    assert "Traceback" not in message
    return message


def test_good_small_file(tmp_path):
    frame = load("abonnes", folder=write(tmp_path, GOOD))
    assert list(frame.columns) == [c for c, _, _ in TABLES["abonnes"]]
    assert str(frame["abonnes"].dtype) == "Int64"
    assert frame["date"].dtype == "datetime64[ns]" or str(frame["date"].dtype).startswith(
        "datetime64"
    )


def test_missing_file_in_the_kit_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SOCIALKIT_DATA", str(tmp_path / "absent"))
    with pytest.raises(DataError, match="introuvable"):
        load("abonnes")


def test_absent_table_in_a_trainee_folder_says_what_to_do(tmp_path):
    write(tmp_path, GOOD)
    with pytest.raises(DataError) as info:
        load("comptes", folder=tmp_path)
    message = str(info.value)
    assert "ne contient pas le tableau « comptes »" in message
    assert "il contient : « abonnes »" in message
    assert 'write_template("comptes"' in message and "make data" not in message


def test_empty_file(tmp_path):
    assert "vide" in error(write(tmp_path, ""))


def test_header_only(tmp_path):
    assert "aucune ligne" in error(write(tmp_path, GOOD.splitlines()[0] + "\n"))


def test_truncated_file(tmp_path):
    assert "tronqué" in error(write(tmp_path, GOOD[:-6]))


def test_semicolon_separated_file_from_excel_is_read(tmp_path):
    frame = load("abonnes", folder=write(tmp_path, GOOD.replace(",", ";")))
    assert frame["abonnes"].tolist() == [1200, 1204]


def test_missing_column(tmp_path):
    text = GOOD.replace(",desabonnements", "").replace(",1\n", "\n").replace(",2\n", "\n")
    assert "desabonnements" in error(write(tmp_path, text))


def test_windows_1252_file_is_read_with_its_accents(tmp_path):
    frame = load("abonnes", folder=write(tmp_path, GOOD.replace("C001", "Cé01").encode("cp1252")))
    assert frame["compte_id"].tolist() == ["Cé01", "Cé01"]


def test_bad_number_names_value_and_line(tmp_path):
    message = error(write(tmp_path, GOOD.replace("1204", "12x4")))
    assert "« 12x4 »" in message and "ligne 3" in message


def test_bad_date(tmp_path):
    assert "AAAA-MM-JJ" in error(write(tmp_path, GOOD.replace("2025-09-02", "hier")))


def test_ambiguous_day_month_asks_for_dayfirst(tmp_path):
    text = GOOD.replace("2025-09-01", "01/09/2025").replace("2025-09-02", "02/09/2025")
    message = error(write(tmp_path, text))
    assert "dayfirst=True" in message and "« date »" in message
    frame = load("abonnes", folder=tmp_path, dayfirst=True)
    assert frame["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-09-01", "2025-09-02"]


def test_a_day_above_twelve_settles_the_order(tmp_path):
    text = GOOD.replace("2025-09-01", "01/09/2025").replace("2025-09-02", "13/09/2025")
    frame = load("abonnes", folder=write(tmp_path, text))
    assert frame["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-09-01", "2025-09-13"]


def test_excel_workbook_table_with_french_habits(tmp_path):
    """A filled-in template saved from Excel: real date cells, oui/non, decimal commas."""
    import datetime as dt

    import openpyxl

    from socialkit.schema import columns

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(columns("mentions"))
    sheet.append(
        [
            "M1",
            dt.datetime(2026, 3, 2, 9, 15),
            "I01",
            "facebook",
            "media",
            1200,
            "0,5",
            "non",
            "Article sur le nouveau parc",
        ]
    )
    sheet.append(
        ["M2", "2026-07-01 18:00", "I01", "x", "citoyen", "1.500", -0.25, "oui", "Bravo 👏"]
    )
    book.save(tmp_path / "mentions.xlsx")
    frame = load("mentions", folder=tmp_path)
    assert frame["publiee_le"].dt.strftime("%Y-%m-%dT%H:%M%z").tolist() == [
        "2026-03-02T09:15+0100",
        "2026-07-01T18:00+0200",
    ]
    assert frame["sentiment"].tolist() == [0.5, -0.25]
    assert frame["abonnes_source"].tolist() == [1200, 1500]
    assert frame["est_partage"].tolist() == [False, True]
    assert frame["texte"].iloc[1] == "Bravo 👏"


def test_workbook_error_names_the_line(tmp_path):
    import openpyxl

    from socialkit.schema import columns

    book = openpyxl.Workbook()
    book.active.append(columns("mentions"))
    book.active.append(["M1", "2026-03-02 09:15", "I01", "myspace", "media", 1, 0, "non", "x"])
    book.save(tmp_path / "mentions.xlsx")
    with pytest.raises(DataError) as info:
        load("mentions", folder=tmp_path)
    assert "mentions.xlsx" in str(info.value)
    assert "« myspace » (ligne 2)" in str(info.value)


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


def test_password_protected_or_damaged_workbook_in_a_trainee_folder(tmp_path):
    bad = Path(__file__).resolve().parent / "fixtures" / "exports" / "bad"
    shutil.copy(bad / "linkedin_content_mot_de_passe.xlsx", tmp_path / "comptes.xlsx")
    message = error(tmp_path, "comptes", "xlsx")
    assert "protégé par un mot de passe" in message and "retirez le mot de passe" in message
    (tmp_path / "comptes.xlsx").unlink()
    shutil.copy(bad / "linkedin_content_tronque.xlsx", tmp_path / "comptes.xlsx")
    assert "incomplet ou abîmé" in error(tmp_path, "comptes", "xlsx")
    (tmp_path / "comptes.xlsx").unlink()
    shutil.copy(bad / "capture_statistiques.png", tmp_path / "comptes.csv")
    assert "c'est une image, pas un tableau CSV ou Excel" in error(tmp_path, "comptes")
