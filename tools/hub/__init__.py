"""The classroom: a JupyterHub for the course with nbgrader's exchange (``make hub``).

- :mod:`tools.hub.provision`: everything the hub needs on the machine (configurable-http-proxy
  from npm, the trainees' Python environment, Unix accounts from ``roster.csv``, the exchange
  directory, the trainees' copy of the kit, the instructor's course directory, passwords);
- ``tools/hub/jupyterhub_config.py``: the JupyterHub configuration, read from the settings
  file ``hub.json`` that provisioning writes;
- :mod:`tools.hub.auth`: the roster authenticator (salted PBKDF2 hashes, no external service);
- :mod:`tools.hub.serverext`: the instructor's server extension that routes the formgrader's
  grading and feedback buttons through the kit's pipeline;
- ``python -m tools.hub``: provision, then run JupyterHub in the foreground.
"""
