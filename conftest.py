"""pytest configuration shared by every test run of the kit (tests/, nbval on notebooks).

Kernels started by the tests (nbval, nbclient) inherit this environment: with
``SOCIALKIT_GRADING`` set, ``socialkit`` does not install its French messages for
beginners' Python mistakes, so the tests see the real exceptions, as nbgrader does
(nbgrader sets ``NBGRADER_EXECUTION`` itself).
"""

import os

os.environ.setdefault("SOCIALKIT_GRADING", "1")
