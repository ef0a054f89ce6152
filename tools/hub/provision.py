"""Provision the classroom hub on this machine (idempotent; run again after changes).

As root (a real class): configurable-http-proxy from npm (Node from Debian, installed with
apt-get when missing), a Python environment for the users' servers in a system location
every account can run, one Unix account per roster line plus the instructor's (``useradd``,
skipped when present), the exchange directory (mode 1777, nbgrader's filesystem exchange),
the trainees' copy of the kit (``tools/trainee_dist.py``), the instructor's course directory
(a copy of the kit, owned by the instructor; never overwritten once it exists), the roster
imported into the gradebook, password hashes and the Jupyter configuration of each role.

As an ordinary user (a demonstration only): no accounts, every server runs as you with the
kit's ``.venv``; nothing separates the trainees from each other or from ``solutions/``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tools import trainee_dist, vendor
from tools.grading.roster import Member, read_roster
from tools.hub.auth import hash_password

ROOT = Path(__file__).resolve().parent.parent.parent
PROXY_VERSION = "5.3.0"  # configurable-http-proxy on the npm registry
PROXY_PREFIX = ROOT / "build" / "hub-proxy"
COURSE_ID = "medias-sociaux"
EXCHANGE_MARK = "# --- classroom hub (tools/hub/provision.py) ---"
# What the instructor's course directory holds (a copy of the kit's authoring side).
COURSE_PARTS = (
    "nbgrader_config.py",
    "Makefile",
    "pyproject.toml",
    "README.md",
    "solutions",
    "exercises",
    "course",
    "socialkit",
    "tools",
    "docs",
    "apps",
)
# Front-end plugins of nbgrader the trainees never see (the formgrader and the authoring tool).
TRAINEE_DISABLED_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment")
# No "news" pop-up asking to contact jupyter.org (the class needs no outside requests).
COMMON_DISABLED_PLUGINS = ("@jupyterlab/apputils-extension:announcements",)
# The kit's Voilà template (no CDN request: `make apps` uses it too), copied into the hub's
# Jupyter data directory (JUPYTER_PATH of every server, set by jupyterhub_config.py).
VOILA_TEMPLATE = ROOT / "share" / "jupyter" / "voila" / "templates" / "kit"
VOILA_CONFIG = (
    "# Apps (Voilà, /voila/render/apps/...): the kit's template, found on JUPYTER_PATH.\n"
    "c.VoilaConfiguration.template = 'kit'\n"
)
# No MathJax for Voilà, as `make apps` (the apps show no formula): its page loads MathJax
# from a CDN unless both settings are None. A plain dict in each role's tornado_settings:
# jupyterhub-singleuser reads it as a dict.
NO_MATHJAX = "'mathjax_url': None, 'mathjax_config': None"


def jupyter_data_dir(state: Path) -> Path:
    """The hub's Jupyter data directory (JUPYTER_PATH of every single-user server)."""
    return state / "jupyter" / "data"


SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.validate_assignment",
)


def is_root() -> bool:
    return os.geteuid() == 0


@dataclass
class HubSettings:
    """Everything ``jupyterhub_config.py`` needs, saved as ``<state>/hub.json``."""

    state: str
    roster: str
    instructor: str
    course_root: str
    exchange: str
    trainee_dist: str
    python_env: str
    home_base: str
    hashes_file: str
    proxy: str
    port: int = 8000
    ip: str = "127.0.0.1"
    # internal ports (hub API, proxy API): free ones, so two hubs can run on one machine
    hub_port: int = 0
    proxy_api_port: int = 0
    real_accounts: bool = True
    trainees: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: str | os.PathLike) -> HubSettings:
        return cls(**json.loads(Path(path).read_text(encoding="utf-8")))

    def save(self) -> Path:
        path = Path(self.state) / "hub.json"
        path.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        return path


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def say(message: str) -> None:
    print(f"[hub] {message}", flush=True)


def run(cmd: list[str], **kwargs) -> None:
    subprocess.run(cmd, check=True, **kwargs)


def run_quiet(cmd: list[str]) -> None:
    """Run ``cmd`` with its output kept; shown only when it fails."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stdout[-4000:], proc.stderr[-4000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"Échec : {' '.join(cmd[:6])}… (code {proc.returncode})")


# --- Node and configurable-http-proxy -------------------------------------------------------


def ensure_proxy(prefix: Path = PROXY_PREFIX) -> Path:
    binary = prefix / "node_modules" / ".bin" / "configurable-http-proxy"
    if binary.exists():
        return binary
    if shutil.which("node") is None or shutil.which("npm") is None:
        if not is_root():
            raise SystemExit(
                "Node.js absent : installez-le (sudo apt-get install nodejs npm), puis relancez."
            )
        say("installation de Node.js (apt-get install nodejs npm)")
        run(["apt-get", "update", "-qq"])
        run(
            ["apt-get", "install", "-y", "-qq", "nodejs", "npm"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )
    say(f"installation de configurable-http-proxy {PROXY_VERSION} (npm) dans {prefix}")
    prefix.mkdir(parents=True, exist_ok=True)
    run_quiet(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--silent",
            "--prefix",
            str(prefix),
            f"configurable-http-proxy@{PROXY_VERSION}",
        ]
    )
    return binary


# --- The users' Python environment ----------------------------------------------------------


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def system_python() -> str:
    """A Python >= 3.11 that every account can run (not under /root, unlike pyenv's)."""
    for candidate in ("/usr/bin/python3", "/usr/local/bin/python3"):
        if Path(candidate).exists():
            ok = subprocess.run(
                [candidate, "-c", "import sys, venv; sys.exit(sys.version_info < (3, 11))"],
                capture_output=True,
            )
            if ok.returncode == 0:
                return candidate
    raise SystemExit(
        "Aucun Python 3.11+ du système pour les serveurs des stagiaires : "
        "sudo apt-get install python3 python3-venv"
    )


def ensure_python_env(env: Path) -> Path:
    """``env`` with the kit's dependencies (the users' servers and kernels run from it)."""
    reqs = requirements()
    stamp = env / (".kit-" + hashlib.sha256("\n".join(reqs).encode()).hexdigest()[:12])
    if stamp.exists():
        return env
    say(f"environnement Python des serveurs : {env} (quelques minutes la première fois)")
    if not (env / "bin" / "python").exists():
        run([system_python(), "-m", "venv", str(env)])
    pip = [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    run_quiet([*pip, "--upgrade", "pip"])
    run_quiet([*pip, *reqs])
    jupyter = str(env / "bin" / "jupyter")
    for ext in SERVER_EXTENSIONS:
        run([jupyter, "server", "extension", "enable", "--sys-prefix", ext], capture_output=True)
    run([jupyter, "labextension", "enable", "nbgrader"], capture_output=True)
    for old in env.glob(".kit-*"):
        old.unlink()
    stamp.touch()
    run(["chmod", "-R", "a+rX", str(env)])
    return env


# --- Accounts -------------------------------------------------------------------------------


def ensure_account(member: Member, home: Path) -> None:
    try:
        entry = pwd.getpwnam(member.id)
    except KeyError:
        run(
            [
                "useradd",
                "--create-home",
                "--home-dir",
                str(home),
                "--shell",
                "/bin/bash",
                "--comment",
                member.full_name or member.id,
                member.id,
            ]
        )
        entry = pwd.getpwnam(member.id)
    if entry.pw_dir != str(home):
        run(["usermod", "--home", str(home), member.id])
    home.mkdir(parents=True, exist_ok=True)
    os.chown(home, entry.pw_uid, entry.pw_gid)
    home.chmod(0o700)


def chown_tree(path: Path, user: str) -> None:
    run(["chown", "-R", f"{user}:", str(path)])


# --- Passwords ------------------------------------------------------------------------------


def ensure_passwords(ids: list[str], state: Path, given: Path | None) -> Path:
    """Hashes for every account: from ``given`` (CSV identifiant,mot_de_passe), else random.

    Random passwords are written once to ``<state>/mots-de-passe.csv`` (mode 0600) for the
    instructor to hand out; the hub only keeps the hashes (``<state>/passwords.json``).
    """
    clear: dict[str, str] = {}
    listing = state / "mots-de-passe.csv"
    for source in (given, listing):
        if source is not None and source.exists():
            with source.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    clear.setdefault(row["identifiant"], row["mot_de_passe"])
    created = [i for i in ids if i not in clear]
    for ident in created:
        clear[ident] = secrets.token_urlsafe(9)
    if created or not listing.exists():
        listing.touch(mode=0o600)
        with listing.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["identifiant", "mot_de_passe"])
            writer.writerows((i, clear[i]) for i in ids)
        listing.chmod(0o600)
    if created:
        say(f"{len(created)} mot(s) de passe créé(s) : {listing} (à distribuer, puis à effacer)")
    hashes = state / "passwords.json"
    hashes.touch(mode=0o600)
    hashes.write_text(json.dumps({i: hash_password(clear[i]) for i in ids}), encoding="utf-8")
    hashes.chmod(0o600)
    return hashes


# --- Jupyter configuration of each role -----------------------------------------------------


def ensure_formgrader_assets(instructor: Path) -> tuple[Path, Path]:
    """Copy the offline formgrade template and MathJax (``make vendor``) into ``instructor``."""
    if vendor.installed_version("mathjax") != vendor.PACKAGES["mathjax"]:
        vendor.fetch("mathjax", vendor.PACKAGES["mathjax"])
    template = instructor / "formgrade_offline.html.j2"
    shutil.copy2(ROOT / "tools" / "hub" / "templates" / template.name, template)
    mathjax = instructor / "mathjax"
    shutil.rmtree(mathjax, ignore_errors=True)
    shutil.copytree(vendor.path("mathjax"), mathjax)
    return template, mathjax


def write_jupyter_config(state: Path, exchange: Path, course_root: Path) -> None:
    common = state / "jupyter" / "common"
    trainee = state / "jupyter" / "trainee"
    instructor = state / "jupyter" / "instructor"
    for d in (common / "labconfig", trainee / "labconfig", instructor):
        d.mkdir(parents=True, exist_ok=True)
    template, mathjax = ensure_formgrader_assets(instructor)
    (common / "nbgrader_config.py").write_text(
        "# Written by tools/hub/provision.py: the course and its exchange, for every server.\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        "c.Exchange.path_includes_course = False\n",
        encoding="utf-8",
    )
    (common / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": dict.fromkeys(COMMON_DISABLED_PLUGINS, True)}),
        encoding="utf-8",
    )
    (trainee / "jupyter_server_config.py").write_text(
        "# Trainees: the Assignments tab, never the formgrader.\n"
        "c = get_config()  # noqa: F821\n"
        "c.ServerApp.jpserver_extensions = {\n"
        "    'nbgrader.server_extensions.formgrader': False,\n"
        "    'nbgrader.server_extensions.course_list': False,\n"
        "    'nbgrader.server_extensions.assignment_list': True,\n"
        "    'nbgrader.server_extensions.validate_assignment': True,\n"
        "    'socialkit.lab': True,  # notebooks not marked modified on opening\n"
        "}\n" + VOILA_CONFIG + f"c.ServerApp.tornado_settings = {{{NO_MATHJAX}}}\n",
        encoding="utf-8",
    )
    (trainee / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": dict.fromkeys(TRAINEE_DISABLED_PLUGINS, True)}),
        encoding="utf-8",
    )
    (instructor / "nbgrader_config.py").write_text(
        "# The instructor's course directory (the server starts in the home directory).\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.root = {str(course_root)!r}\n",
        encoding="utf-8",
    )
    (instructor / "jupyter_server_config.py").write_text(
        "# Instructor: the formgrader, with its grading and feedback buttons routed through\n"
        "# the kit (tools/hub/serverext.py).\n"
        "c = get_config()  # noqa: F821\n"
        "c.ServerApp.jpserver_extensions = {'tools.hub.serverext': True, 'socialkit.lab': True}\n"
        "# Trainees' answers are rendered as inert text: no script of theirs runs in the\n"
        "# instructor's browser (outputs: nbconvert's sanitizer; markdown: the kit's).\n"
        "c.HTMLExporter.sanitize_html = True\n"
        "c.HTMLExporter.preprocessors = ['tools.hub.serverext.SanitizeMarkdown']\n"
        "# The formgrader's pages load MathJax from this server, not from a CDN.\n"
        f"c.HTMLExporter.template_file = {str(template)!r}\n"
        f"c.ServerApp.tornado_settings = {{'kit_mathjax_dir': {str(mathjax)!r}, {NO_MATHJAX}}}\n"
        + VOILA_CONFIG,
        encoding="utf-8",
    )
    voila_template = jupyter_data_dir(state) / "voila" / "templates" / "kit"
    if voila_template.exists():
        shutil.rmtree(voila_template)
    shutil.copytree(VOILA_TEMPLATE, voila_template)
    run(["chmod", "-R", "a+rX", str(state / "jupyter")])


# --- Course directory -----------------------------------------------------------------------


def ensure_course(
    course_root: Path,
    instructor: str | None,
    members: list[Member],
    exchange: Path,
    datasets: Path,
) -> None:
    if not (course_root / "nbgrader_config.py").exists():
        say(f"dossier de cours de l'animateur : {course_root} (copie du kit)")
        course_root.mkdir(parents=True, exist_ok=True)
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
        for part in COURSE_PARTS:
            src = ROOT / part
            if src.is_dir():
                shutil.copytree(src, course_root / part, ignore=ignore, dirs_exist_ok=True)
            elif src.exists():
                shutil.copy2(src, course_root / part)
    # The datasets are the trainees' (world-readable) copy: the course directory itself is
    # private to the instructor, and graded code runs as an unprivileged user that must read them.
    link = course_root / "datasets"
    if not link.is_symlink():
        if link.exists():
            shutil.rmtree(link)
        link.symlink_to(datasets)
    config = course_root / "nbgrader_config.py"
    text = config.read_text(encoding="utf-8")
    if EXCHANGE_MARK not in text:
        config.write_text(
            text + f"\n{EXCHANGE_MARK}\nc.Exchange.root = {str(exchange)!r}\n"
            "c.Exchange.path_includes_course = False\n",
            encoding="utf-8",
        )
    from tools.grading.roster import import_roster

    import_roster(members, course_root)
    if instructor and is_root():
        chown_tree(course_root, instructor)
        course_root.chmod(0o700)


# --- Everything -----------------------------------------------------------------------------


def provision(
    roster: Path,
    instructor: str = "formateur",
    state: Path | None = None,
    course_root: Path | None = None,
    python_env: Path | None = None,
    home_base: Path | None = None,
    passwords: Path | None = None,
    port: int = 8000,
    ip: str = "127.0.0.1",
    accounts: bool = True,
) -> HubSettings:
    root = is_root()
    state = Path(state or ("/srv/medias-sociaux" if root else ROOT / "build" / "hub")).resolve()
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o755)
    members = read_roster(roster)
    if instructor in {m.id for m in members}:
        raise SystemExit(f"L'animateur « {instructor} » ne doit pas figurer dans {roster}.")
    course_root = Path(course_root or state / "cours").resolve()
    home_base = Path(home_base or ("/home" if root else state / "home")).resolve()
    exchange = state / "exchange"
    proxy = ensure_proxy()
    if root:
        env = ensure_python_env(Path(python_env or "/opt/medias-sociaux/env"))
        teacher = Member(id=instructor, first_name="Animateur", last_name="", email="")
        for m in [teacher, *members] if accounts else []:
            ensure_account(m, home_base / m.id)
    else:
        env = Path(sys.executable).parent.parent
        home_base.mkdir(parents=True, exist_ok=True)
    exchange.mkdir(parents=True, exist_ok=True)
    exchange.chmod(0o1777)  # nbgrader's filesystem exchange: everyone writes, sticky bit
    dist = trainee_dist.build(state / "trainee-dist")
    run(["chmod", "-R", "a+rX", str(dist)])
    ensure_course(
        course_root,
        instructor if root and accounts else None,
        members,
        exchange,
        dist / "datasets",
    )
    hashes = ensure_passwords([instructor, *(m.id for m in members)], state, passwords)
    write_jupyter_config(state, exchange, course_root)
    settings = HubSettings(
        state=str(state),
        roster=str(Path(roster).resolve()),
        instructor=instructor,
        course_root=str(course_root),
        exchange=str(exchange),
        trainee_dist=str(dist),
        python_env=str(env),
        home_base=str(home_base),
        hashes_file=str(hashes),
        proxy=str(proxy),
        port=port,
        ip=ip,
        real_accounts=root,
        trainees=[m.id for m in members],
        hub_port=free_port(),
        proxy_api_port=free_port(),
    )
    settings.save()
    return settings
