"""socialkit — the package behind the « Médias sociaux » course notebooks.

Modules, one job each:

- ``schema``   description of the sample tables
- ``data``     ``load(name)``: typed, validated DataFrames with French error messages
- ``metrics``  the course metrics (engagement rates, response time, share of voice…)
- ``models``   pure simulation models used by the widgets and graded questions
- ``views``    thin ipywidgets views over the models
- ``check``    type-strict answer checks with friendly French messages
- ``style``    plot style shared by every notebook
- ``errors``   trainee-facing exceptions, shown as one French line in Jupyter
- ``imports``  convert real platform exports to the kit's tables

Module helpers used by the lecture notebooks (one module per course module where a
computation is specific to it): ``strategy`` (M2), ``cadence_analysis`` (M3),
``interactions`` (M4), ``audit`` (M5), ``ambassadors_analysis`` (M6), ``funnel`` (M7),
``plan`` (M8). ``_common`` holds the input checks they share.
"""

from socialkit import errors as _errors
from socialkit.data import DataError, load

# One French line for a beginner's predictable mistakes in Jupyter (never while grading).
_errors.install()

__all__ = ["DataError", "load"]
__version__ = "0.1.0"
