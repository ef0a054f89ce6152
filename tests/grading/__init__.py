"""Test material of the grading pipeline: fixture course and probes, probe table, benchmark.

Not shipped with the instructor tools (``tools/grading``); ``make bench-grading`` runs
``python -m tests.grading.bench``.
"""
