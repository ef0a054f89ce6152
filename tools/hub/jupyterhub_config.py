"""JupyterHub configuration of the classroom (``make hub``; ``jupyterhub -f`` this file).

Everything machine-specific comes from the settings file written by
``tools/hub/provision.py`` (``KIT_HUB_SETTINGS``, default ``/srv/medias-sociaux/hub.json``).

- Logins: the roster authenticator (``tools/hub/auth.py``); the instructor is the hub's admin.
- Servers: one JupyterLab per account, started as the account's Unix user (root) from the
  users' Python environment. Trainees open ``course/00-index.ipynb`` in a copy of the
  trainees' distribution (no solutions); the instructor opens the course directory with the
  formgrader, whose grading and feedback buttons go through the kit (``tools/hub/serverext.py``).
- nbgrader's exchange and ``course_id`` come from ``<state>/jupyter/common/nbgrader_config.py``.
"""

import os
import pwd
import shutil
import sys
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent.parent
if str(KIT) not in sys.path:
    sys.path.insert(0, str(KIT))

from tools.hub.provision import HubSettings  # noqa: E402

c = get_config()  # noqa: F821 - injected by JupyterHub

settings = HubSettings.load(os.environ.get("KIT_HUB_SETTINGS", "/srv/medias-sociaux/hub.json"))
state = Path(settings.state)
env_bin = Path(settings.python_env) / "bin"

c.JupyterHub.bind_url = f"http://{settings.ip}:{settings.port}"
c.JupyterHub.hub_ip = "127.0.0.1"
if settings.hub_port:
    c.JupyterHub.hub_port = settings.hub_port
if settings.proxy_api_port:
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = [settings.proxy]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.shutdown_on_logout = False

c.JupyterHub.authenticator_class = "tools.hub.auth.RosterAuthenticator"
c.RosterAuthenticator.hashes_file = settings.hashes_file
c.Authenticator.allowed_users = {settings.instructor, *settings.trainees}
c.Authenticator.admin_users = {settings.instructor}

# Tests and the load benchmark drive the hub through its REST API with a service token.
if os.environ.get("KIT_HUB_SERVICE_TOKEN"):
    c.JupyterHub.services = [
        {"name": "kit-bench", "api_token": os.environ["KIT_HUB_SERVICE_TOKEN"]},
    ]
    c.JupyterHub.load_roles = [
        {
            "name": "kit-bench",
            "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"],
            "services": ["kit-bench"],
        }
    ]

if not settings.real_accounts:
    # Demonstration without root: every server runs as the hub's user (see the docs).
    c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
    c.SimpleLocalProcessSpawner.home_dir_template = str(Path(settings.home_base) / "{username}")

c.Spawner.cmd = [str(env_bin / "jupyterhub-singleuser")]
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.disable_user_config = True  # users' ~/.jupyter cannot re-enable the formgrader
c.Spawner.mem_limit = None

TRAINEE_PARTS = ("course", "exercises", "apps", "LISEZMOI.md")


def _chown_tree(top: Path, username: str) -> None:
    entry = pwd.getpwnam(username)
    for path in [top, *top.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)


def _give_trainee_copy(home: Path, username: str) -> None:
    """Copy the trainees' distribution into a new home (never over the trainee's work)."""
    dist = Path(settings.trainee_dist)
    home.mkdir(parents=True, exist_ok=True)
    for part in TRAINEE_PARTS:
        src, dest = dist / part, home / part
        if dest.exists() or not src.exists():
            continue
        if src.is_dir():
            shutil.copytree(src, dest)
        else:
            shutil.copy2(src, dest)
        if settings.real_accounts:
            _chown_tree(dest, username)
    link = home / "datasets"
    if not link.exists() and not link.is_symlink():
        link.symlink_to(dist / "datasets")


def pre_spawn_hook(spawner):
    name = spawner.user.name
    environment = {
        "PATH": f"{env_bin}:/usr/local/bin:/usr/bin:/bin",
        "MPLBACKEND": "agg",
        "PYTHONNOUSERSITE": "1",
    }
    common = state / "jupyter" / "common"
    if name == settings.instructor:
        spawner.notebook_dir = settings.course_root
        spawner.default_url = "/lab"
        environment["PYTHONPATH"] = settings.course_root
        environment["JUPYTER_CONFIG_PATH"] = f"{state / 'jupyter' / 'instructor'}:{common}"
    else:
        home = Path(settings.home_base) / name
        _give_trainee_copy(home, name)
        spawner.notebook_dir = str(home)
        spawner.default_url = "/lab/tree/course/00-index.ipynb"
        environment["PYTHONPATH"] = settings.trainee_dist
        environment["JUPYTER_CONFIG_PATH"] = f"{state / 'jupyter' / 'trainee'}:{common}"
    spawner.environment = {**spawner.environment, **environment}


c.Spawner.pre_spawn_hook = pre_spawn_hook
