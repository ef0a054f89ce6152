"""Module 8, the action plan: one package, one module per concern.

- :mod:`~socialkit.analysis.plan.calendar` builds and shows an editorial calendar;
- :mod:`~socialkit.analysis.plan.checks` lists, in French, the rules of module 3 it breaks;
- :mod:`~socialkit.analysis.plan.export` writes and reads it as CSV and iCalendar;
- :mod:`~socialkit.analysis.plan.indicators` computes baselines and checks the indicator table.

The response-time targets the plan relies on live with the other moderation helpers, in
:mod:`socialkit.analysis.interactions` (``SLA_TIERS``, ``sla_table``, ``sla_compliance``).
Notebooks write ``from socialkit.analysis import plan`` then ``plan.regular_slots(...)``.
"""

from socialkit.analysis.plan.calendar import (
    CALENDAR_COLUMNS,
    FORMATS,
    PLAN_START,
    PLAN_WEEKS,
    STAGES,
    TOPICS,
    PlanError,
    build_calendar,
    check_calendar,
    combine,
    readable,
    regular_slots,
    weekly_counts,
)
from socialkit.analysis.plan.checks import AUDIENCE_HOURS, calendar_problems
from socialkit.analysis.plan.export import export_paths, read_calendar, read_ics, to_csv, to_ics
from socialkit.analysis.plan.indicators import (
    INDICATOR_COLUMNS,
    INDICATORS,
    baselines,
    indicator_problems,
    indicator_table,
)

__all__ = [
    "PlanError",
    "PLAN_START",
    "PLAN_WEEKS",
    "CALENDAR_COLUMNS",
    "STAGES",
    "FORMATS",
    "TOPICS",
    "AUDIENCE_HOURS",
    "INDICATORS",
    "INDICATOR_COLUMNS",
    "regular_slots",
    "build_calendar",
    "combine",
    "check_calendar",
    "calendar_problems",
    "readable",
    "weekly_counts",
    "export_paths",
    "to_csv",
    "read_calendar",
    "to_ics",
    "read_ics",
    "baselines",
    "indicator_table",
    "indicator_problems",
]
