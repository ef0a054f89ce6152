"""Instructor grading pipeline of the « Médias sociaux » kit, on top of nbgrader 0.9.6.

One command per step (run from the course root, or pass ``--root``)::

    python -m tools.grading.release <assignment>
    python -m tools.grading.collect <assignment> <folder-or-zip>
    python -m tools.grading.grade [<assignment>] [--force] [--timeout 30]
    python -m tools.grading.feedback [<assignment>]

The benchmark, the probe table and the fixture course live under ``tests/grading/``
(``python -m tests.grading.bench``, ``make bench-grading``).
The gradebook stays nbgrader's (``gradebook.db``), so the formgrader keeps working.
"""

import sys as _sys

# jsonschema (imported by nbformat) builds a Lark grammar for the optional "iri" format
# checker when rfc3987_syntax is installed: ~1 CPU-s at every start of a grading command.
# nbformat never uses that format; without the module, jsonschema skips the checker.
_sys.modules.setdefault("rfc3987_syntax", None)
