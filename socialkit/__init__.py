"""socialkit — the package behind the « Médias sociaux » course notebooks.

Modules, one job each:

- ``schema``   description of the sample tables
- ``data``     ``load(name)``/``save``: typed, validated tables with French error messages
- ``files``    reading any table file (encodings, separators, Excel, archives), shared
- ``metrics``  the course metrics (engagement rates, response time, share of voice…)
- ``models``   pure simulation models used by the widgets and graded questions
- ``views``    thin ipywidgets views over the models
- ``check``    type-strict answer checks with friendly French messages
- ``style``    plot style shared by every notebook
- ``errors``   trainee-facing exceptions, shown as one French line in Jupyter
- ``importers`` ``read_export``: real platform exports → the kit's ``publications``
- ``templates`` fill-in templates (xlsx, csv) of the other tables for a trainee's own data
- ``fr``       French presentation: numbers, percentages, dates, names, plurals, slugs
- ``display``  the course-wide French display of tables and numbers in a notebook
- ``analysis`` per-module helpers of the notebooks: ``strategy`` (M1–M2), ``cadence`` (M3),
  ``interactions`` (M4), ``audit`` (M5), ``ambassadors`` (M6), ``funnel`` (M7) and the
  ``plan`` package (M8: calendar, checks, export, indicators)

``_common`` holds the input checks they share.
"""

from socialkit import _alt
from socialkit import errors as _errors
from socialkit.data import DataError, load

# A French text alternative on every figure a notebook shows (also while grading: harmless).
_alt.install()

# One French line for a beginner's predictable mistakes in Jupyter (never while grading).
_errors.install()

if _errors.shell() is not None:
    # French numbers, untruncated texts and labelled summaries in what a notebook shows.
    from socialkit import display as _display

    _display.install(_errors.shell())

__all__ = ["DataError", "load"]
__version__ = "0.1.0"
