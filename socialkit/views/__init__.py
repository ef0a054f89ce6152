"""Thin ipywidgets views over :mod:`socialkit.models` (French labels, one figure per view).

Usage in a notebook::

    from socialkit.views import CadenceView
    CadenceView()          # or display(CadenceView().widget)
"""

from socialkit.views.ambassadors import AmbassadorsView
from socialkit.views.audit import AuditView
from socialkit.views.buzz import BuzzView
from socialkit.views.cadence import CadenceView
from socialkit.views.community import CommunityView
from socialkit.views.importer import ImportAssistant
from socialkit.views.moderation import ModerationView

__all__ = [
    "AmbassadorsView",
    "AuditView",
    "BuzzView",
    "CadenceView",
    "CommunityView",
    "ImportAssistant",
    "ModerationView",
]
