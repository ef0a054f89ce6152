"""How many wrong answers do the *visible* checks catch? A mutation benchmark per module.

Every answer checked by ``check_value`` in a solution's test cell is mutated the ways a
trainee typically gets it wrong — numbers ±10 %, ×100 or ÷100; lists reordered or
shortened; Series and tables with an item, a row or a column dropped; other valid texts
from the same column — and the visible part of the test cell (the lines above
``### BEGIN HIDDEN TESTS``, what a self-learner runs) is replayed on each mutant. A mutant
is caught when a check raises ``Incorrect``; any other exception is a crash (the trainee
would see an English traceback) and fails the test. The solution itself must pass (no
false alarm). Run with ``-s`` to see the figures per module.
"""

from __future__ import annotations

import ast
import contextlib
import io
from typing import Any

import numpy as np
import pandas as pd
import pytest
from nbharness import Assignment

from socialkit.check import Incorrect

MODULES = [
    "01-prise-en-main",
    "02-strategie-globale",
    "03-communication-continue",
    "04-interactions",
    "05-audit-secteur-public",
    "06-ambassadeurs-gouvernance",
    "07-amplificateurs",
    "08-plan-action",
]
HIDDEN = "### BEGIN HIDDEN TESTS"
TARGET = 0.90


def _checked_variables(visible: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(visible)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "check_value"
            and isinstance(node.args[0], ast.Name)
        ):
            names.append(node.args[0].id)
    return names


def _other_texts(value: str, namespace: dict[str, Any], limit: int = 3) -> list[str]:
    """Other valid texts: values of a column (or index) of the notebook that holds ``value``."""
    found: list[str] = []
    for obj in list(namespace.values()):
        if isinstance(obj, pd.DataFrame):
            pools = [obj[c] for c in obj.columns if obj[c].dtype in (object, "category")]
            pools.append(obj.index.to_series())
        elif isinstance(obj, pd.Series):
            pools = [obj.index.to_series()]
        else:
            continue
        for pool in pools:
            try:
                values = {str(v) for v in pool.dropna().unique()[:5000]}
            except TypeError:
                continue
            if value in values:
                found += sorted(values - {value} - set(found))[:limit]
        if len(found) >= limit:
            break
    return found[:limit]


def mutants(value: Any, namespace: dict[str, Any]) -> list[tuple[str, Any]]:
    """(label, wrong answer) pairs a trainee could plausibly produce."""
    kind = type(value)
    out: list[tuple[str, Any]] = []
    if kind in (bool, np.bool_):
        return [("not", not value)]
    if isinstance(value, (int, np.integer)):
        n = int(value)
        up, down = round(n * 1.1), round(n * 0.9)
        out += [("+10 %", up if up != n else n + 1), ("-10 %", down if down != n else n - 1)]
        out += [("×100", n * 100)]
        if abs(n) >= 100:
            out.append(("÷100", n // 100))
        return out
    if isinstance(value, (float, np.floating)):
        v = float(value)
        return [("+10 %", v * 1.1), ("-10 %", v * 0.9), ("×100", v * 100), ("÷100", v / 100)]
    if kind is str:
        out += [(f"autre texte {t!r}", t) for t in _other_texts(value, namespace)]
        if value.upper() != value:
            out.append(("majuscules", value.upper()))
        return out
    if kind is list:
        if len(value) > 1 and value[::-1] != value:
            out.append(("ordre inversé", value[::-1]))
        if len(value) > 2:
            out.append(("ordre décalé", value[1:] + value[:1]))
        if value:
            out.append(("raccourcie", value[:-1]))
        return out
    if kind is pd.Series:
        return [
            ("un élément en moins", value.iloc[1:]),
            ("valeurs +10 %", value * 1.1),
            ("valeurs ×100", value * 100),
        ]
    if kind is pd.DataFrame:
        return [
            ("une ligne en moins", value.iloc[1:]),
            ("une colonne en moins", value.drop(columns=value.columns[-1])),
        ]
    raise AssertionError(f"no mutation for {kind.__name__}")


def _visible_run(visible: str, namespace: dict, answers: dict) -> BaseException | None:
    space = dict(namespace)
    space.update(answers)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(visible, "visible", "exec"), space)
    except Exception as exc:  # noqa: BLE001 - classified by the caller
        return exc
    return None


@pytest.mark.parametrize("name", MODULES)
def test_visible_checks_catch_mutants(name):
    a = Assignment(name)
    caught = total = 0
    missed, crashes, false_alarms = [], [], []
    for grade_id in a.grade_ids():
        visible = a.test_cell(grade_id).split(HIDDEN)[0]
        error = _visible_run(visible, a.namespace, {})
        if error is not None:
            false_alarms.append(f"{grade_id}: {error}")
        for variable in _checked_variables(visible):
            for label, wrong in mutants(a.namespace[variable], a.namespace):
                total += 1
                error = _visible_run(visible, a.namespace, {variable: wrong})
                if isinstance(error, Incorrect):
                    caught += 1
                elif error is None:
                    missed.append(f"{grade_id} {variable}: {label}")
                else:
                    crashes.append(f"{grade_id} {variable} {label}: {error!r}")
    rate = caught / total
    print(
        f"\n{name}: {caught}/{total} mutants caught ({rate:.0%}), "
        f"{len(false_alarms)} false alarms; missed: {missed}"
    )
    assert not false_alarms, false_alarms
    assert not crashes, crashes
    assert rate >= TARGET, f"{rate:.0%} caught; missed {missed}"
