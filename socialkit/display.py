"""What a notebook shows prints the French way: numbers, tables, key-number summaries.

:func:`install` runs when ``socialkit`` is imported in a Jupyter kernel. It sets, for the whole
course:

- pandas tables: decimal commas (``display.float_format``), thousands separators in integer
  columns that reach five digits (``4210`` stays, ``12 500`` gets its space; years and codes are
  never split), text columns never cut (``display.max_colwidth``), a Series shown as a one-column
  table (no ``Name: count, dtype: int64`` footer), Styler tables with a comma;
- a bare number ending a cell: ``42,562`` instead of ``42.56174612291787`` and ``205`` instead of
  ``np.int64(205)`` (numpy 2 reprs), inside lists and tuples too.

:class:`Summary` is the dict that functions returning a few key numbers give back: it behaves as
a dict (``summary["mediane"]``) and shows as a small labelled French table.
"""

from __future__ import annotations

import html
import numbers
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from socialkit import fr

#: Column header of a shown Series, by the names pandas gives (value_counts).
SERIES_NAMES = {"count": "nombre", "proportion": "part", None: "valeur"}

# Integer columns never split by thousands (a year, a postal code, an identifier).
_KEEP_DIGITS = ("annee", "year", "code", "_id", "id_", "postal")
_SPLIT_FROM = 10_000  # « 4210 » stays, « 12 500 » gets its separator


def integer(value: Any) -> str:
    """An integer in a table or a readout: ``4210``, ``12 500``, ``-` for a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return "–"
    value = int(value)
    return fr.number(value) if abs(value) >= _SPLIT_FROM else str(value)


def scalar(value: Any) -> str:
    """A bare number the way a notebook shows it (``fr.table_number`` for floats)."""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return integer(value)
    return fr.table_number(value)


def _split_thousands(name: Any, column: pd.Series) -> bool:
    if not pd.api.types.is_integer_dtype(column) or pd.api.types.is_bool_dtype(column):
        return False
    label = str(name).lower()
    if any(part in label for part in _KEEP_DIGITS):
        return False
    biggest = column.abs().max()
    return bool(pd.notna(biggest) and biggest >= _SPLIT_FROM)


def frame_html(df: pd.DataFrame) -> str:
    """The notebook HTML of ``df`` with French integers (pandas' own renderer, same options)."""
    from pandas.io.formats import format as fmt

    columns = df.columns
    split = (
        {name: integer for name in columns if _split_thousands(name, df[name])}
        if columns.is_unique and not isinstance(columns, pd.MultiIndex)
        else {}
    )
    if not split:
        return df._repr_html_()
    formatter = fmt.DataFrameFormatter(
        df,
        formatters=split,
        float_format=pd.get_option("display.float_format"),
        max_rows=pd.get_option("display.max_rows"),
        min_rows=pd.get_option("display.min_rows"),
        max_cols=pd.get_option("display.max_columns"),
        show_dimensions=pd.get_option("display.show_dimensions"),
    )
    return fmt.DataFrameRenderer(formatter).to_html(notebook=True)


def series_html(series: pd.Series) -> str:
    """A Series as a one-column table headed by a French name (no ``dtype`` footer)."""
    name = SERIES_NAMES.get(series.name, series.name) if _hashable(series.name) else series.name
    return frame_html(series.to_frame(name=name))


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class Summary(dict):
    """A few key numbers: a dict for the code, a labelled French table for the trainee.

    ``labels`` maps each key to ``(label, unit)``; the unit is ``"h"`` (hours, one decimal),
    ``"%"`` (already a percentage), ``""`` (a count) or a word written after the number.
    Keys without a label are shown under their own name.
    """

    def __init__(self, values: Mapping[str, Any], labels: Mapping[str, tuple[str, str]]):
        super().__init__(values)
        self.labels = dict(labels)

    def __reduce__(self):  # copy/pickle keep the labels
        return (Summary, (dict(self), self.labels))

    def rows(self) -> list[tuple[str, str, str]]:
        """``(key, label, value)``, the value written the French way with its unit."""
        out = []
        for key, value in self.items():
            label, unit = self.labels.get(key, (key, ""))
            if unit == "h":
                text = fr.duration_hours(value)
            elif unit == "%":
                text = fr.percent(value)
            elif isinstance(value, numbers.Integral):
                text = integer(value) + (f" {unit}" if unit else "")
            elif isinstance(value, numbers.Real):
                text = fr.number(value, 1) + (f" {unit}" if unit else "")
            else:
                text = str(value)
            out.append((str(key), label, text))
        return out

    def _repr_html_(self) -> str:
        head = "<tr><th>clé</th><th>signification</th><th>valeur</th></tr>"
        body = "".join(
            f"<tr><td><code>{html.escape(key)}</code></td><td>{html.escape(label)}</td>"
            f"<td style='text-align:right'>{html.escape(text)}</td></tr>"
            for key, label, text in self.rows()
        )
        return f"<table class='dataframe'><thead>{head}</thead><tbody>{body}</tbody></table>"

    def __str__(self) -> str:  # print(summary): the labelled lines, repr() stays a dict
        rows = self.rows()
        width = max((len(key) for key, _, _ in rows), default=0)
        return "\n".join(f"{key.ljust(width)}  {text}  ({label})" for key, label, text in rows)

    def _repr_pretty_(self, p, cycle: bool) -> None:  # noqa: ARG002 - IPython's signature
        p.text(str(self))


def _pretty(render: Callable[[Any], str]) -> Callable[[Any, Any, bool], None]:
    def printer(value: Any, p: Any, cycle: bool) -> None:  # noqa: ARG001
        p.text(render(value))

    return printer


def install(ip: Any) -> None:
    """Set the course-wide display (pandas options and IPython formatters) in the kernel ``ip``."""
    pd.set_option("display.float_format", fr.table_number)
    pd.set_option("display.max_colwidth", None)
    pd.set_option("styler.format.decimal", ",")
    pd.set_option("styler.format.thousands", fr.NNBSP)
    pd.set_option("styler.format.precision", 2)
    if ip is None:
        return
    html_formatter = ip.display_formatter.formatters["text/html"]
    html_formatter.for_type(pd.DataFrame, frame_html)
    html_formatter.for_type(pd.Series, series_html)
    plain = ip.display_formatter.formatters["text/plain"]
    # IPython looks a printer up along the type's MRO but stops at the first class defining
    # __repr__: every concrete numpy scalar type is registered, not only np.floating.
    kinds = {float, np.bool_}
    for base in (np.floating, np.integer):
        kinds.update(_subclasses(base))
    for kind in kinds:
        plain.for_type(kind, _pretty(scalar))


def _subclasses(base: type) -> set[type]:
    found = set()
    for sub in base.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found
