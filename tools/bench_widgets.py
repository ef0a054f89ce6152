"""Benchmark of the widget views, server side: one control change → model, redraw, PNG, send.

Usage::

    .venv/bin/python -m tools.bench_widgets [--updates 120] [--per-control] [--profile audit]

For every view of :mod:`socialkit.views`, the controls are moved in turn through evenly spaced
values (sliders: swept up then back; dropdowns: cycling through the options; checkboxes:
toggled) until at least ``--updates`` updates have run. Each move is timed with
``time.perf_counter`` (wall) and ``time.process_time`` (CPU of this process: other programs
sharing the cores inflate the wall time, not the CPU time) around the assignment
``control.value = x``, which runs the observer synchronously. The update is split in phases
(median per phase):

- ``modèle``: ``_compute`` (the pure model);
- ``tracé``: ``_draw`` (artists updated in place);
- ``image``: ``_render`` without the PNG (restore the cached background, draw moving artists);
- ``PNG``: :func:`socialkit.views.base.encode_png`;
- ``résumé``: ``_describe`` (the French summary line);
- ``envoi``: the rest, i.e. the widgets' state sync (``image.value``, ``summary.value``; the
  comm is a no-op outside a kernel, the JSON message and the socket are not counted here).

Browser end to end: ``tools/bench_browser.py``. Goal: p95 ≤ 50 ms from key press to paint.
Timings are reported, not asserted: the exit status is non-zero only if an exception is
raised or a view reports a model error.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

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
    base,
)

VIEWS = {
    "cadence": CadenceView,
    "buzz": BuzzView,
    "moderation": ModerationView,
    "ambassadors": AmbassadorsView,
    "community": CommunityView,
    "audit": AuditView,
}
PHASES = ("modèle", "tracé", "image", "PNG", "résumé", "envoi")
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


class _Phases:
    """Wraps a view's steps (and the module's PNG encoder) to time each one, in ms."""

    def __init__(self, view) -> None:
        self.current: dict[str, float] = {}
        for name, phase in (
            ("_compute", "modèle"),
            ("_draw", "tracé"),
            ("_render", "image"),
            ("_describe", "résumé"),
        ):
            setattr(view, name, self._timed(getattr(view, name), phase))
        self._encode = base.encode_png

    def _timed(self, fn, phase):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.current[phase] = (time.perf_counter() - t0) * 1000.0

        return wrapper

    def __enter__(self):
        base.encode_png = self._timed(self._encode, "PNG")
        return self

    def __exit__(self, *exc):
        base.encode_png = self._encode


def bench_view(view_cls, updates: int, values: int = 30, profile: cProfile.Profile | None = None):
    """Move every control of a fresh view until ``updates`` updates ran: (rows, errors).

    ``rows`` maps a control name to a list of samples (dict: wall, cpu and one key per phase).
    """
    view = view_cls()
    phases = _Phases(view)
    rows: dict[str, list[dict]] = {name: [] for name in view.controls}
    errors = 0
    with phases:
        while sum(map(len, rows.values())) < updates:
            for name, control in view.controls.items():
                for value in control_values(control, values):
                    phases.current = {}
                    if profile is not None:
                        profile.enable()
                    c0, t0 = time.process_time(), time.perf_counter()
                    control.value = value  # observer → view.update() runs synchronously
                    wall = (time.perf_counter() - t0) * 1000.0
                    cpu = (time.process_time() - c0) * 1000.0
                    if profile is not None:
                        profile.disable()
                    sample = {"wall": wall, "cpu": cpu, **phases.current}
                    sample["image"] = sample.get("image", 0.0) - sample.get("PNG", 0.0)
                    sample["envoi"] = wall - sum(sample.get(p, 0.0) for p in PHASES[:-1])
                    rows[name].append(sample)
                    if view.error is not None:
                        errors += 1
                        print(
                            f"  ! {view_cls.__name__}.{name} = {value!r}: {view.error}",
                            file=sys.stderr,
                        )
    return rows, errors


def summarise(samples: list[dict]) -> dict:
    wall = np.array([s["wall"] for s in samples])
    cpu = np.array([s["cpu"] for s in samples])
    out = {
        "n": int(wall.size),
        "p50": float(np.percentile(wall, 50)),
        "p95": float(np.percentile(wall, 95)),
        "max": float(wall.max()),
        "cpu p50": float(np.percentile(cpu, 50)),
        "cpu p95": float(np.percentile(cpu, 95)),
    }
    for phase in PHASES:
        out[phase] = float(np.percentile([s.get(phase, 0.0) for s in samples], 50))
    return out


def print_table(results: dict[str, dict]) -> None:
    head = f"  {'vue':<14}{'n':>5}{'p50':>7}{'p95':>7}{'max':>7}{'CPU p50':>9}{'CPU p95':>9}"
    print("\nServeur (ms par mise à jour ; phases : médianes)")
    print(head + "".join(f"{p:>8}" for p in PHASES))
    for name, r in results.items():
        flag = "" if r["p95"] <= TARGET_P95_MS else f"  > {TARGET_P95_MS:.0f}"
        print(
            f"  {name:<14}{r['n']:>5}{r['p50']:>7.1f}{r['p95']:>7.1f}{r['max']:>7.1f}"
            f"{r['cpu p50']:>9.1f}{r['cpu p95']:>9.1f}"
            + "".join(f"{r[p]:>8.1f}" for p in PHASES)
            + flag
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=120, help="updates per view (≥ 100)")
    parser.add_argument("--values", type=int, default=30, help="values per control per sweep")
    parser.add_argument("--only", choices=list(VIEWS), action="append", help="some views only")
    parser.add_argument("--per-control", action="store_true", help="one line per control too")
    parser.add_argument("--profile", choices=list(VIEWS), help="cProfile of one view's updates")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    total_errors, results = 0, {}
    for key in args.only or ([args.profile] if args.profile else VIEWS):
        profile = cProfile.Profile() if key == args.profile else None
        rows, errors = bench_view(VIEWS[key], args.updates, args.values, profile)
        total_errors += errors
        results[key] = summarise([s for samples in rows.values() for s in samples])
        if args.per_control:
            print_table({f"{key}.{name}": summarise(samples) for name, samples in rows.items()})
        if profile is not None:
            print(f"\nProfil de {key} (temps propre, 25 premières fonctions)")
            pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if total_errors:
        print(f"\n{total_errors} erreur(s) de modèle pendant le benchmark.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
