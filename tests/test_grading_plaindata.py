"""Answers as plain data (tools/grading/plaindata.py) and the checker's plan (checker.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib

import numpy as np
import pandas as pd
import pytest

from tools.grading import checker, plaindata


def _roundtrip(value):
    doc = json.loads(plaindata.encode_names(["x"], {"x": value}))
    return plaindata.decode(doc["x"])


@pytest.mark.parametrize(
    "value",
    [
        None,
        ...,
        True,
        3,
        10**30,
        2.5,
        "é « x »",
        [1, (2, "a")],
        {"a": 1, 2: [3.0]},
        {1, 2},
        dt.date(2026, 9, 1),
        dt.datetime(2026, 9, 1, 8, 30),
        dt.timedelta(days=1, seconds=5),
        pathlib.Path("plan_I01_calendrier.csv"),
        np.int64(5),
        np.float64(0.25),
        np.bool_(True),
        pd.Timestamp("2026-09-07 10:00", tz="Europe/Brussels"),
    ],
)
def test_scalars_and_containers_roundtrip_with_their_exact_type(value):
    back = _roundtrip(value)
    assert type(back) is type(value)
    assert back == value or (value is ... and back is ...)


def test_pandas_roundtrip_keeps_dtypes_index_and_time_zones():
    frame = pd.DataFrame(
        {
            "n": [1, 2],
            "x": [1.5, np.nan],
            "s": ["a", "b"],
            "quand": pd.to_datetime(["2026-01-01 10:00", "2026-02-01 11:00"]).tz_localize(
                "Europe/Brussels"
            ),
            "ok": [True, False],
            "cat": pd.Categorical(["u", "v"]),
        },
        index=pd.Index(["r1", "r2"], name="id"),
    )
    pd.testing.assert_frame_equal(_roundtrip(frame), frame)
    pd.testing.assert_frame_equal(
        _roundtrip(frame.set_index(["s", "n"])), frame.set_index(["s", "n"])
    )
    series = pd.Series({"photo": 3.0, "video": 3.8}, name="taux")
    pd.testing.assert_series_equal(_roundtrip(series), series)
    unnamed = pd.Series([1, 2, 3])
    pd.testing.assert_series_equal(_roundtrip(unnamed), unnamed)


class _AlwaysEqual:
    def __eq__(self, other):
        return True


class _Entier(int):
    pass


@pytest.mark.parametrize(
    ("value", "kind"),
    [(lambda x: x, "fonction"), (_AlwaysEqual(), "objet"), (_Entier(3), "objet")],
)
def test_anything_else_is_not_plain_data(value, kind):
    with pytest.raises(plaindata.NotPlainData, match=kind):
        _roundtrip(value)


def test_modules_come_back_from_the_checker_environment_only():
    from socialkit.check import check_equal

    assert _roundtrip(json) is json
    assert _roundtrip(check_equal) is check_equal  # a trainee may import the helpers too
    assert _roundtrip(pd.DataFrame) is pd.DataFrame
    with pytest.raises(plaindata.NotPlainData):
        plaindata.decode({"t": "module", "v": "os; import sys"})
    with pytest.raises(plaindata.NotPlainData):
        plaindata.decode({"t": "module", "v": "kit_module_qui_nexiste_pas"})


@pytest.mark.parametrize(
    "reply",
    [None, "", "42", "__import__('os').system('true')", repr("not json"), repr("[1, 2]")],
)
def test_parse_export_rejects_anything_but_a_json_object(reply):
    assert plaindata.parse_export(reply) is None


def test_export_expression_is_one_user_expression():
    expr = plaindata.export_expression(["b", "a"])
    ns = {"a": 1, "b": [2]}
    compiled = compile(expr.replace("get_ipython().user_ns", "__ns"), "<e>", "eval")
    text = eval(compiled, {"__ns": ns})  # noqa: S307 - our own expression
    assert plaindata.parse_export(repr(text)) == {
        "a": {"t": "int", "v": "1"},
        "b": {"t": "list", "v": [{"t": "int", "v": "2"}]},
    }


def test_plan_exports_only_what_tests_read_from_trainee_cells():
    plan = checker.plan_notebook(
        [
            (1, "trusted", "import pandas as pd\nposts = pd.DataFrame({'a': [1]})"),
            (3, "student", "total = int(posts['a'].sum())\nimport math as m"),
            (4, "test", "from socialkit.check import check_equal\ncheck_equal(total, 1, 't')"),
            (6, "student", "posts = posts.head(0)"),
            (7, "test", "check_equal(len(posts), 0, 'p')\nok = all(c for c in [1])\nm.pi"),
        ]
    )
    needs = {c.index: c.needs for c in plan}
    assert needs[1] == [] and needs[3] == []
    assert needs[4] == ["total"]
    # posts is rebound by the trainee: exported; check_equal comes from the cell above it
    # (not trainee-bound, trusted-bound? no: imported by a test cell) → requested; c is local.
    assert "posts" in needs[7] and "m" in needs[7] and "c" not in needs[7]


def test_checker_runs_tests_on_data_and_reports_non_plain(tmp_path):
    plan = checker.plan_notebook(
        [
            (0, "trusted", "base = 10"),
            (1, "student", "x = 11"),
            (2, "test", "assert x == base + 1\nprint('ok')"),
            (3, "student", "def f(): pass"),
            (4, "test", "f()"),
            (5, "student", "while True: pass"),
            (6, "test", "assert x"),
        ]
    )
    exports = {
        2: {"x": {"t": "int", "v": "11"}},
        4: {"f": {"t": "unsupported", "type": "fonction", "cls": "function"}},
    }
    outcomes = checker.check(plan, exports, {5: "timeout"}, str(tmp_path), 5)
    assert outcomes[2].status == "ok" and outcomes[2].outputs[0]["text"] == "ok\n"
    assert outcomes[4].status == "not_plain" and "donnée simple" in outcomes[4].message
    assert outcomes[6].status == "timeout"


def test_scrub_removes_links_and_special_files_before_the_checks(tmp_path):
    """Links a trainee leaves in the copy are removed before the checks read it."""
    from tools.grading import sandbox

    copy = tmp_path / "copie"
    (copy / "sous").mkdir(parents=True)
    (copy / "plan.csv").write_text("a,b\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("corrigé")
    os.symlink(secret, copy / "lien.csv")
    os.symlink(tmp_path, copy / "sous" / "dossier")
    os.link(secret, copy / "dur.txt")
    os.mkfifo(copy / "tube")
    (copy / sandbox.RUN_DIR).mkdir()
    removed = sandbox.scrub_workdir(str(copy))
    assert sorted(removed) == ["dur.txt", "lien.csv", "sous/dossier", "tube"]
    assert sorted(p.name for p in copy.rglob("*")) == ["plan.csv", "sous"]
    assert secret.read_text() == "corrigé"
