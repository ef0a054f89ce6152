"""The check helper: right answers pass, wrong or sneaky ones fail with French messages."""

from __future__ import annotations

import hashlib
import os

import numpy as np
import pandas as pd
import pytest

from socialkit import check, errors
from socialkit.check import (
    Incorrect,
    answer_key,
    check_between,
    check_columns,
    check_equal,
    check_true,
    check_type,
    check_value,
)


class AlwaysEqual:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


class SneakyInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class SneakyFrame(pd.DataFrame):
    def equals(self, other):
        return True


def test_plain_and_numpy_numbers_pass():
    check_equal(42, 42, "x")
    check_equal(np.int64(42), 42, "x")
    check_equal(3.0000001, 3.0, "x")
    check_equal(np.float64(0.5), 0.5, "x")
    check_equal(3, 3.0, "x")  # an integer result for a float question is fine


@pytest.mark.parametrize("cheat", [AlwaysEqual(), SneakyInt(7)])
def test_always_equal_and_subclasses_fail(cheat):
    with pytest.raises(Incorrect, match="devrait être un nombre entier"):
        check_equal(cheat, 42, "reponse")


def test_dataframe_subclass_fails():
    frame = pd.DataFrame({"a": [1]})
    with pytest.raises(Incorrect, match="DataFrame"):
        check_equal(SneakyFrame({"a": [2]}), frame, "tableau")


def test_wrong_value_message_does_not_reveal_expected():
    with pytest.raises(Incorrect) as info:
        check_equal(41, 424242, "reponse", hint="comptez les lignes")
    assert "424242" not in str(info.value)
    assert "comptez les lignes" in str(info.value)


def test_not_answered_placeholder():
    with pytest.raises(Incorrect, match="pas encore répondu"):
        check_type(..., int, "reponse")


def test_bool_is_not_an_int_answer():
    with pytest.raises(Incorrect):
        check_equal(True, 1, "reponse")


def test_strings_lists_and_dicts():
    check_equal("facebook", "facebook", "x")
    with pytest.raises(Incorrect):
        check_equal("Facebook", "facebook", "x")
    check_equal(["a", 1], ["a", 1], "x")
    with pytest.raises(Incorrect):
        check_equal(["a", SneakyInt(1)], ["a", 2], "x")
    check_equal({"a": 1.0}, {"a": 1.0}, "x")
    with pytest.raises(Incorrect):
        check_equal({"a": 1.0, "b": 2}, {"a": 1.0}, "x")


def test_series_and_frames_compare_values():
    s = pd.Series([1.0, 2.0], index=["a", "b"])
    check_equal(s.copy(), s, "serie")
    with pytest.raises(Incorrect):
        check_equal(pd.Series([1.0, 2.5], index=["a", "b"]), s, "serie")
    with pytest.raises(Incorrect, match="Series"):
        check_equal([1.0, 2.0], s, "serie")


def test_between_columns_and_true():
    check_between(2.5, 1, 5, "taux")
    with pytest.raises(Incorrect, match="ordre de grandeur"):
        check_between(250, 1, 5, "taux")
    with pytest.raises(Incorrect, match="vaut 26\u202f239\u202f100,50, ce qui sort"):
        check_between(26239100.5, 1, 5, "taux")  # French digits, never 2.62391e+07
    check_columns(pd.DataFrame({"a": [1], "b": [2]}), ["a"], "t")
    with pytest.raises(Incorrect, match="colonnes : c"):
        check_columns(pd.DataFrame({"a": [1]}), ["a", "c"], "t")
    check_true(np.bool_(True), "non")
    with pytest.raises(Incorrect, match="non"):
        check_true(AlwaysEqual(), "non")


def test_a_failed_check_shows_one_french_line_in_a_real_kernel():
    """In Jupyter, a failed check shows its message, not the frames inside socialkit."""
    import re

    import nbformat
    from nbclient import NotebookClient

    source = (
        "from socialkit.check import check_equal\n"
        "check_equal(41, 42, 'reponse', hint='comptez encore')"
    )
    loading = "from socialkit import load\nload('tableau_inconnu')"
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source), nbformat.v4.new_code_cell(loading)]
    )
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=60).execute()
    check_error, data_error = (cell.outputs[-1] for cell in nb.cells)
    assert check_error["output_type"] == "error" and check_error["ename"] == "Incorrect"
    shown = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(check_error["traceback"]))
    expected = "`reponse` n'a pas la valeur attendue. Piste : comptez encore"
    assert shown == f"Réponse à revoir : {expected}"
    assert data_error["ename"] == "DataError"
    assert "check.py" not in shown and "Traceback" not in "\n".join(data_error["traceback"])


# --------------------------------------------------------------------------------------
# check_value: answer keys
# --------------------------------------------------------------------------------------

SALT = "00112233aabbccdd"


def _fails(value, key, match, **kwargs):
    with pytest.raises(Incorrect, match=match):
        check_value(value, "reponse", key, **kwargs)


def test_value_key_accepts_the_precision_the_question_asks():
    key = answer_key(56.79172056921087, "f1", SALT)
    for copied in (56.79172056921087, 56.8, np.float64(56.8), 56.79, 56.83):
        check_value(copied, "reponse", key)
    _fails(56.7, key, "pas encore la bonne valeur")
    _fails(57.0, key, "arrondi trop tôt : la question demande 1 décimale")
    _fails(57, key, "arrondi trop tôt")


def test_value_key_names_fractions_and_percentages():
    percent = answer_key(42.279942279942276, "f1", SALT)
    _fails(0.42279942279942276, percent, r"proportion entre 0 et 1 .* \(multipliez par 100\)")
    share = answer_key(0.85, "f2", SALT)
    _fails(85.0, share, r"\(divisez par 100\)")


def test_value_key_on_a_rounding_boundary_accepts_both_neighbours():
    key = answer_key(68.75, "f1", SALT)
    check_value(68.75, "reponse", key)
    check_value(68.8, "reponse", key)
    check_value(68.74999999999, "reponse", key)  # float noise of another computation order
    check_value(68.75000000001, "reponse", key)
    _fails(68.6, key, "pas encore")


def test_known_mistakes_name_the_likely_cause():
    key = answer_key(2.47, "f2", SALT)
    mistakes = {"c'est la moyenne : la question demande la médiane": answer_key(3.1, "f2", SALT)}
    _fails(3.1, key, "c'est la moyenne : la question demande la médiane", mistakes=mistakes)
    _fails(3.21, key, "ce n'est pas encore la bonne valeur. Piste : médiane", hint="médiane")


def test_types_decimal_comma_text_nan_and_placeholder():
    key = answer_key(56.8, "f1", SALT)
    _fails(..., key, "pas encore répondu")
    _fails((56, 8), key, r"Écrivez les décimales avec un point : 56\.8 et non 56,8")
    _fails("56,8", key, "écrivez le nombre sans guillemets")
    _fails(float("nan"), key, "NaN")
    _fails(True, answer_key(1, "i", SALT), "nombre entier")
    _fails(3.0, answer_key(3, "i", SALT), "nombre entier")


def test_lists_series_tables_and_variants():
    ordered = answer_key(["I10", "I13", "I14"], "l", SALT)
    check_value(["I10", "I13", "I14"], "reponse", ordered)
    _fails(["I14", "I13", "I10"], ordered, "pas encore")
    _fails(["I10", "I13"], ordered, "pas encore")
    unordered = answer_key(["b", "a"], "u", SALT)
    check_value(["a", "b"], "reponse", unordered)
    series = pd.Series({"lien": 1.5876952940700702, "video": 3.8072633098503976})
    key = answer_key(series, "S2", SALT)
    check_value(series.iloc[::-1].round(2), "reponse", key)  # order and rounding as shown
    _fails(series.iloc[1:], key, "pas encore")
    table = pd.DataFrame({"compte_id": ["C1", "C2"], "n": [1, 2]})
    key = answer_key(table, "T", SALT)
    check_value(table.iloc[::-1], "reponse", key)  # row order does not matter
    _fails(table.iloc[1:], key, "pas encore")
    _fails(table.drop(columns="n"), key, "pas encore")
    keys = {"I01": answer_key("photo", "s", SALT), "I02": answer_key("video", "s", SALT)}
    check_value("video", "reponse", keys, variant="I02")
    _fails("video", keys, "pas encore", variant="I01")
    _fails("video", keys, "Choisissez d'abord", variant="I99")


def test_the_key_cannot_be_read_back_trivially():
    """The key holds a salted scrypt digest, not the value, and each guess costs a full scrypt.

    Cost (docs/maintainers/authoring.md): n = 2**13, r = 8 → 8 MiB and ≈ 25 ms per guess on
    one laptop core; a percentage at 1 decimal (1,001 candidates) costs ≈ 25 s of guessing,
    the same as typing candidates into the visible check itself.
    """
    key = answer_key(73566, "i", SALT)
    spec, salt, digest = key.split(":")
    assert "73566" not in key and spec == "i" and salt == SALT
    assert (
        digest
        == hashlib.scrypt(
            b"i:73566", salt=bytes.fromhex(SALT), n=2**13, r=8, p=1, dklen=12, maxmem=2**26
        ).hex()
    )
    assert digest not in hashlib.sha256(b"i:73566" + bytes.fromhex(SALT)).hexdigest()
    assert check._SCRYPT["n"] >= 2**13 and check._SCRYPT["r"] >= 8
    other = answer_key(73566, "i", "ffeeddccbbaa9988")
    assert other.split(":")[2] != digest  # the salt makes every question's table different


def test_hidden_check_follows_the_precision_of_the_visible_check():
    key = answer_key(56.79172056921087, "f1", SALT)
    check_value(56.8, "part_precision", key)
    check_equal(56.8, 56.79172056921087, "part_precision", rel=1e-6)
    with pytest.raises(Incorrect):
        check_equal(56.9, 56.79172056921087, "part_precision", rel=1e-6)
    with pytest.raises(Incorrect):  # no visible check announced a precision for this name
        check_equal(56.8, 56.79172056921087, "autre_nom", rel=1e-6)


def test_a_failed_answer_cell_is_named_by_the_check():
    errors._FAILED["reponse_cassee"] = "KeyError"
    try:
        with pytest.raises(Incorrect, match="cellule de la question 3 a produit une erreur"):
            check_value(..., "reponse_cassee", answer_key(1, "i", SALT), question=3)
    finally:
        errors._FAILED.pop("reponse_cassee")


# --------------------------------------------------------------------------------------
# French lines for predictable Python / pandas mistakes
# --------------------------------------------------------------------------------------


def _error(source: str, namespace: dict | None = None) -> BaseException:
    namespace = {"pd": pd, **(namespace or {})}
    try:
        exec(compile(source, "cellule", "exec"), namespace)
    except Exception as exc:  # noqa: BLE001
        return exc
    raise AssertionError("no error")


TABLE = {"t": pd.DataFrame({"a": [1, 2]}), "u": pd.DataFrame({"a": [1, 2, 3]})}
CASES = [
    ('t[t["a"] == 1 and t["a"] == 2]', "utilisez & (et) ou | (ou)"),
    ('t[t["a"] == u["a"]]', "colonnes de deux tableaux différents"),
    ("seuil = 0,01", "décimales s'écrivent avec un point"),
    ("f = dict(beta=0,8)", "décimales s'écrivent avec un point"),
    ('t[t["a"] = 1]', "écrivez == (deux signes égal)"),
    ("portee = 26 239 100", "sans espace entre les milliers"),
    ("portee = 26\u202f239\u202f100", "sans espace entre les milliers"),
    ('t["plateform"]', "« plateform » est introuvable : ce n'est pas une colonne de ce tableau"),
    ("publication + 1", "Le nom `publication` n'est pas défini"),
    ("len(reponse)", "pas encore répondu à la question qui définit `reponse`"),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_explain_predictable_mistakes(source, expected):
    namespace = {**TABLE, "reponse": ...}
    assert expected in errors.explain(_error(source, namespace), source, namespace)


def test_table_numbers_are_french_and_precise_enough_to_copy():
    from socialkit import fr

    assert fr.table_number(306.625) == "306,625"  # not 306.625000
    assert fr.table_number(56.79172056921087) == "56,792"  # enough for « 1 décimale »
    assert fr.table_number(0.4385647284402538) == "0,4386"
    assert fr.table_number(26239100.0) == "26\u202f239\u202f100"  # not 2.62391e+07
    assert fr.table_number(6.0) == "6" and fr.table_number(float("nan")) == "–"


def test_explain_leaves_other_errors_alone():
    assert errors.explain(ZeroDivisionError("division by zero"), "1 / 0", {}) is None


def _kernel_run(cells: list[str], env: dict[str, str]) -> list[dict]:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=60).execute(env=env)
    return [cell.outputs[-1] if cell.outputs else {} for cell in nb.cells]


def test_french_lines_in_a_real_kernel_but_real_exceptions_when_grading():
    import re

    cells = [
        "import pandas as pd\nimport socialkit\nt = pd.DataFrame({'a': [1, 2]})",
        "t[t['a'] == 1 and t['a'] == 2]",
        "seuil = 0,01",
        "t[t['a'] = 1]",
        "valeur = ...\nvaleur = t['zzz'].sum()",
        "from socialkit.check import check_value\ncheck_value(valeur, 'valeur', 'i:00:00', "
        "question=3)",
        "reponse = ...",
        "sorted(reponse)",
        "pas_faite = ...\nraise NotImplementedError('Remplacez ces deux lignes.')",
        "check_value(pas_faite, 'pas_faite', 'i:00:00', question=4)",
        "from socialkit import metrics, load\n"
        "metrics.posting_regularity(load('publications'), end='01/09/2026')",
        "pd.DataFrame({'jours': [306.625], 'portee': [26239100.0]})",
    ]
    free = {k: v for k, v in os.environ.items() if k not in errors.GRADING_VARIABLES}
    outputs = _kernel_run(cells, free)
    shown = [re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(o.get("traceback", []))) for o in outputs]
    assert shown[1].startswith("Erreur : Pour combiner des conditions")
    assert outputs[1]["ename"] == "ValueError"  # the real exception, displayed in French
    assert shown[2].startswith("Erreur : En Python, les décimales")
    assert shown[3].startswith("Erreur : Pour comparer, écrivez ==")
    assert shown[4].startswith("Erreur : « zzz » est introuvable : ce n'est pas une colonne")
    assert "La cellule de la question 3 a produit une erreur (KeyError)" in shown[5]
    assert "pas encore répondu à la question qui définit `reponse`" in shown[7]
    assert "Vous n'avez pas encore répondu" in shown[9]  # the exercise's untouched stub
    assert "Date ambiguë pour end" in shown[10] and "Traceback" not in shown[10]
    table = outputs[11]["data"]["text/plain"]  # French numbers in tables (floats)
    assert "306,625" in table and "26\u202f239\u202f100" in table and "e+07" not in table
    graded = _kernel_run(cells, {**free, "NBGRADER_EXECUTION": "validate"})
    real = [re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(o.get("traceback", []))) for o in graded]
    assert "The truth value of a Series is ambiguous" in real[1] and "Erreur :" not in real[1]
    assert "SyntaxError" in real[2] and "KeyError" in real[4]
    assert graded[7]["ename"] == "TypeError"  # 'ellipsis' is not iterable, as graders see it


def test_list_items_success_line_and_the_same_line_in_every_module(capsys):
    import json
    from pathlib import Path

    with pytest.raises(Incorrect, match="doit contenir des textes ou des nombres entiers"):
        check_value([1.5, 2.5], "reponse", answer_key(["a"], "l", SALT))
    check.check_passed()
    assert capsys.readouterr().out == check.SUCCESS + "\n"
    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "solutions").glob("*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            if cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution"):
                visible = "".join(cell["source"]).split("### BEGIN HIDDEN TESTS")[0]
                assert visible.rstrip().endswith("check_passed()"), (path.name, meta["grade_id"])
                assert "print(" not in visible, (path.name, meta["grade_id"])


def test_explain_names_the_failed_cell_and_the_kit_refuses_bad_periods():
    from socialkit import load, metrics

    errors._FAILED["institutionnels"] = "KeyError"
    try:
        source = "len(institutionnels)"
        line = errors.explain(_error(source, {}), source, {})
        assert line.startswith("La cellule qui calcule `institutionnels` a produit une erreur")
    finally:
        errors._FAILED.pop("institutionnels")
    publications = load("publications")
    with pytest.raises(errors.KitValueError, match="La période est vide : le début"):
        metrics.posting_regularity(publications, start="2026-09-01", end="2025-09-01")
    with pytest.raises(errors.KitValueError, match="Date ambiguë pour start"):
        metrics.posting_regularity(publications, start="01/09/2025", end="2026-09-01")
