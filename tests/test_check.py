"""The check helper: right answers pass, wrong or sneaky ones fail with French messages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from socialkit.check import (
    Incorrect,
    check_between,
    check_columns,
    check_equal,
    check_true,
    check_type,
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
