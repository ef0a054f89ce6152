"""Small hand-made tables for the unit tests, typed the way ``socialkit.load`` types them.

Every analysis test builds a few rows by hand; these helpers give them the types of the
loaded tables (``string`` identifiers, nullable ``Int64`` counts, Brussels-aware time stamps,
categoricals with the schema's categories), so a test table and a loaded table behave alike.
"""

from __future__ import annotations

import pandas as pd

from socialkit.schema import CATEGORIES, TABLES, TIMEZONE

TZ = TIMEZONE


def stamps(texts) -> pd.Series:
    """Brussels wall-clock strings (``None`` allowed) → tz-aware stamps, as ``load`` gives."""
    return pd.Series(pd.to_datetime(list(texts))).dt.tz_localize(TZ)


def ts(text: str) -> pd.Timestamp:
    """One Brussels wall-clock time, e.g. ``ts("2026-03-06 16:00")``."""
    return pd.Timestamp(text, tz=TZ)


def typed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """``frame`` with the columns of ``table`` it has cast to their loaded types.

    Naive time stamps are read as Brussels wall-clock time; other columns are left as given.
    """
    out = frame.copy()
    for name, kind, _ in TABLES[table]:
        if name not in out:
            continue
        if kind == "str":
            out[name] = out[name].astype("string")
        elif kind == "int":
            out[name] = out[name].astype("Int64")
        elif kind == "category":
            out[name] = pd.Categorical(out[name], categories=CATEGORIES[name])
        elif kind == "datetime":
            stamps = pd.to_datetime(out[name])
            out[name] = (
                stamps.dt.tz_localize(TZ) if stamps.dt.tz is None else stamps.dt.tz_convert(TZ)
            )
    return out
