"""Pure simulation models used by the widgets and the graded questions.

One module per course module, numpy/pandas only, deterministic (``seed`` where random),
arguments validated with French ``KitValueError`` messages:

- ``cadence``      module 3 — posting cadence, habit, saturation, followers (docs/sources.md §4.1)
- ``buzz``         module 4 — bad buzz (Maki–Thompson rumour model) and response delay (§4.2b)
- ``moderation``   module 4 — moderation team queue and response times (§2.2, §5.1, §5.5)
- ``ambassadors``  module 6 — employee ambassadors: extra reach vs off-message risk (§5.6)
- ``community``    module 7 — Bass diffusion and service-driven retention (§4.3)
"""

from socialkit.models import ambassadors, buzz, cadence, community, moderation

__all__ = ["ambassadors", "buzz", "cadence", "community", "moderation"]
