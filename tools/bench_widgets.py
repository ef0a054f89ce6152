"""Benchmark of the widget views: latency of one control change (model + redraw + PNG).

Usage::

    .venv/bin/python -m tools.bench_widgets [--values 30]

For every view of :mod:`socialkit.views` and every control, the control is moved through
about 30 values (sliders: evenly spaced over the range; dropdowns: cycling through the
options; checkboxes: toggled). Each move is timed with ``time.perf_counter`` around the
assignment ``control.value = x``, which runs the observer (model + redraw) synchronously.
A table per view gives n, p50, p95 and max in milliseconds. Target: p95 ≤ 50 ms.

Timings are reported, not asserted: the exit status is non-zero only if an exception is
raised or a view reports a model error.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

os.environ.setdefault("MPLBACKEND", "Agg")

import ipywidgets as widgets  # noqa: E402

from socialkit.views import (  # noqa: E402
    AmbassadorsView,
    AuditView,
    BuzzView,
    CadenceView,
    CommunityView,
    ModerationView,
)

VIEWS = (CadenceView, BuzzView, ModerationView, AmbassadorsView, CommunityView, AuditView)

TARGET_P95_MS = 50.0


def control_values(control: widgets.ValueWidget, n: int) -> list:
    """About ``n`` successive values for a control, each different from the previous one."""
    if isinstance(control, widgets.Checkbox):
        return [not control.value if i % 2 == 0 else control.value for i in range(n)]
    if isinstance(control, widgets.Dropdown):
        options = [value for _label, value in control.options]
        start = options.index(control.value)
        return [options[(start + 1 + i) % len(options)] for i in range(n)]
    if isinstance(control, widgets.IntSlider):
        raw = np.linspace(control.min, control.max, n)
        values = [int(round(v)) for v in raw]
    else:
        step = control.step or 0.0
        raw = np.linspace(control.min, control.max, n)
        values = [float(round(v / step) * step) if step else float(v) for v in raw]
    # sweep up then back to the start value, skipping repeats (no change = no update)
    out, previous = [], control.value
    for v in [*values, control.value]:
        if v != previous:
            out.append(v)
            previous = v
    return out


def bench_view(view_cls, n_values: int) -> tuple[list[tuple[str, list[float]]], int]:
    view = view_cls()
    rows, errors = [], 0
    for name, control in view.controls.items():
        timings = []
        for value in control_values(control, n_values):
            t0 = time.perf_counter()
            control.value = value  # observer → view.update() runs synchronously
            timings.append((time.perf_counter() - t0) * 1000.0)
            if view.error is not None:
                errors += 1
                print(f"  ! {view_cls.__name__}.{name} = {value!r}: {view.error}", file=sys.stderr)
        rows.append((name, timings))
    return rows, errors


def print_table(title: str, rows: list[tuple[str, list[float]]]) -> None:
    print(f"\n{title}")
    print(f"  {'contrôle':<20}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    everything = []
    for name, timings in rows:
        everything += timings
        t = np.asarray(timings)
        print(
            f"  {name:<20}{t.size:>5}{np.percentile(t, 50):>9.1f}"
            f"{np.percentile(t, 95):>9.1f}{t.max():>9.1f}"
        )
    t = np.asarray(everything)
    flag = "ok" if np.percentile(t, 95) <= TARGET_P95_MS else f"> {TARGET_P95_MS:.0f} ms"
    print(
        f"  {'(tous)':<20}{t.size:>5}{np.percentile(t, 50):>9.1f}"
        f"{np.percentile(t, 95):>9.1f}{t.max():>9.1f}  {flag}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=30, help="values per control (~30)")
    args = parser.parse_args(argv)
    total_errors = 0
    for view_cls in VIEWS:
        rows, errors = bench_view(view_cls, args.values)
        total_errors += errors
        print_table(view_cls.__name__, rows)
    if total_errors:
        print(f"\n{total_errors} erreur(s) de modèle pendant le benchmark.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
