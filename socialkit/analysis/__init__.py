"""Per-module helpers of the lecture and exercise notebooks, named after what they analyse.

``strategy`` (M1–M2, M7), ``cadence`` (M3), ``interactions`` (M4, with the response-time
targets of M8), ``audit`` (M5), ``ambassadors`` (M6), ``funnel`` (M7) and the ``plan`` package
(M8). They build on :mod:`socialkit.data` and :mod:`socialkit.metrics`; the notebooks call them
instead of writing pandas logic themselves.
"""
