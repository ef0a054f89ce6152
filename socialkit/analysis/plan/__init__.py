"""Module 8, the action plan: one package, one module per concern.

- :mod:`~socialkit.analysis.plan.calendar` builds and shows an editorial calendar;
- :mod:`~socialkit.analysis.plan.checks` lists, in French, the rules of module 3 it breaks;
- :mod:`~socialkit.analysis.plan.export` writes and reads it as CSV and iCalendar;
- :mod:`~socialkit.analysis.plan.indicators` computes baselines and checks the indicator table.

The response-time targets the plan relies on live with the other moderation helpers, in
:mod:`socialkit.analysis.interactions` (``SLA_TIERS``, ``sla_table``, ``sla_compliance``).
Notebooks write ``from socialkit.analysis import plan`` then ``plan.regular_slots(...)``.
"""

from socialkit.analysis.plan import calendar, checks, export, indicators
from socialkit.analysis.plan.calendar import *  # noqa: F403 - the public API, listed below
from socialkit.analysis.plan.checks import *  # noqa: F403
from socialkit.analysis.plan.export import *  # noqa: F403
from socialkit.analysis.plan.indicators import *  # noqa: F403

__all__ = [
    *calendar.__all__,
    *checks.__all__,
    *export.__all__,
    *indicators.__all__,
]
