"""Instructor grading pipeline of the « Médias sociaux » kit, on top of nbgrader 0.9.6.

One command per step (run from the course root, or pass ``--root``)::

    python -m tools.grading.release <assignment>
    python -m tools.grading.collect <assignment> <folder-or-zip>
    python -m tools.grading.grade [<assignment>] [--force] [--timeout 30]
    python -m tools.grading.feedback [<assignment>]
    python -m tools.grading.bench

The gradebook stays nbgrader's (``gradebook.db``), so the formgrader keeps working.
"""
