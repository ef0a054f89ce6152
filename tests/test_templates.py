"""Fill-in templates of the kit's tables: written, filled, read back by load with French errors."""

from __future__ import annotations

import openpyxl
import pytest

from socialkit import DataError, load
from socialkit.schema import TABLES, columns
from socialkit.templates import EXAMPLES, describe, write_template, write_templates


@pytest.mark.parametrize("table", list(TABLES))
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_untouched_template_loads_its_example_row(tmp_path, table, kind):
    path = write_template(table, tmp_path, kind)
    assert path.name == f"{table}.{kind}"
    frame = load(table, folder=tmp_path)
    assert list(frame.columns) == columns(table) and len(frame) == 1
    first = columns(table)[0]
    assert str(frame[first].iloc[0])[:10] == EXAMPLES[table][first]


def test_csv_template_opens_in_a_belgian_excel(tmp_path):
    raw = write_template("comptes", tmp_path, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    header, example = raw.decode("utf-8-sig").splitlines()
    assert header.split(";") == columns("comptes")
    assert ";oui;" in example and b"\r\n" in raw


def test_xlsx_template_has_a_french_help_sheet(tmp_path):
    book = openpyxl.load_workbook(write_template("commentaires", tmp_path))
    assert book.sheetnames == ["commentaires", "Aide"]
    rows = list(book["Aide"].iter_rows(values_only=True))
    assert "remplacez la ligne d'exemple" in rows[0][0]
    assert rows[1] == ("colonne", "obligatoire ?", "contenu attendu", "exemple")
    by_column = {r[0]: r for r in rows[2:]}
    assert by_column["repondu_le"][1].startswith("facultatif")
    assert by_column["categorie"][2].startswith("une valeur parmi : question, plainte")
    assert by_column["necessite_reponse"][2] == "oui ou non"
    assert len(by_column) == len(describe("commentaires")) == len(columns("commentaires"))


def test_filled_template_errors_name_the_line(tmp_path):
    path = write_template("abonnes", tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["abonnes"]
    sheet.append(["2026-03-03", "FB-commune", 3154, "quatre", 0])
    book.save(path)
    with pytest.raises(DataError) as info:
        load("abonnes", folder=tmp_path)
    message = str(info.value)
    assert "abonnes.xlsx" in message and "« quatre » (ligne 3)" in message
    assert "nombre entier attendu dans « nouveaux »" in message


def test_missing_required_cell_names_column_and_line(tmp_path):
    path = write_template("comptes", tmp_path, "csv")
    text = path.read_text(encoding="utf-8-sig").replace(";Communication;", ";;")
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(
        DataError, match=r"valeur manquante dans la colonne « service » \(ligne 2\)"
    ):
        load("comptes", folder=tmp_path)


def test_templates_never_overwrite_a_filled_table(tmp_path):
    written = write_templates(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{t}.xlsx" for t in TABLES)
    assert write_templates(tmp_path) == []
    with pytest.raises(DataError, match="existe déjà"):
        write_template("comptes", tmp_path)
    with pytest.raises(DataError, match="Tableaux disponibles"):
        write_template("posts", tmp_path)
