"""The kit's roles on The Littlest JupyterHub (TLJH). Not exercised by the kit's CI.

Copy to ``/opt/tljh/config/jupyterhub_config.d/medias-sociaux.py`` after
``sudo make hub HUB_ARGS="--setup-only --no-accounts"`` (exchange, trainees' copy, Jupyter
configuration of each role, course directory, written under /srv/medias-sociaux), then
``sudo tljh-config reload``. TLJH creates its own Unix accounts (``jupyter-<identifiant>``)
and runs servers from ``/opt/tljh/user``: install the kit's pins there (docs/instructor/
classroom.md §3). This file runs inside TLJH's hub environment: it imports nothing from the kit.
"""

import json
import os
import shutil
from pathlib import Path

c = get_config()  # noqa: F821 - injected by JupyterHub

_SETTINGS = json.loads(Path("/srv/medias-sociaux/hub.json").read_text(encoding="utf-8"))
_STATE = Path(_SETTINGS["state"])
_DIST = Path(_SETTINGS["trainee_dist"])
_COMMON = _STATE / "jupyter" / "common"
_PARTS = ("course", "exercises", "apps", "LISEZMOI.md")


def _kit_pre_spawn_hook(spawner):
    name = spawner.user.name
    # JUPYTER_PATH: the kit's Voilà template for the apps (written there by the set-up)
    env = {"MPLBACKEND": "agg", "JUPYTER_PATH": str(_STATE / "jupyter" / "data")}
    if name == _SETTINGS["instructor"]:
        spawner.notebook_dir = _SETTINGS["course_root"]
        spawner.default_url = "/lab"
        env["PYTHONPATH"] = _SETTINGS["course_root"]
        env["JUPYTER_CONFIG_PATH"] = f"{_STATE / 'jupyter' / 'instructor'}:{_COMMON}"
    else:
        home = Path(os.path.expanduser(f"~jupyter-{name}"))
        for part in _PARTS:
            if home.is_dir() and not (home / part).exists() and (_DIST / part).exists():
                copy = shutil.copytree if (_DIST / part).is_dir() else shutil.copy2
                copy(_DIST / part, home / part)
                os.system(f"chown -R jupyter-{name}: '{home / part}'")  # noqa: S605
        spawner.default_url = "/lab/tree/course/00-index.ipynb"
        env["PYTHONPATH"] = str(_DIST)
        env["JUPYTER_CONFIG_PATH"] = f"{_STATE / 'jupyter' / 'trainee'}:{_COMMON}"
    spawner.environment = {**spawner.environment, **env}


c.Spawner.pre_spawn_hook = _kit_pre_spawn_hook
c.Spawner.disable_user_config = True
c.Authenticator.admin_users = {_SETTINGS["instructor"]}
