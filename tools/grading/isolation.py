"""Isolation of the student's kernel.

Levels, detected once per run (best first):

``namespace``  root, ``unshare`` and ``setpriv`` available: the kernel runs in its own
               mount namespace where solutions/, the gradebook, submitted/, autograded/,
               feedback/, .git and tests/ are hidden behind empty read-only mounts, with
               no network (own network namespace, kernel sockets over IPC files), as the
               unprivileged user ``nobody`` with no new privileges.
``user``       root and ``setpriv`` only: kernel runs as ``nobody`` (cannot write the
               gradebook or the course tree; can still read world-readable files).
``none``       not root: the kernel runs as the grading user in a temporary working
               copy. Nothing is protected beyond the working directory (see
               docs/instructor/grading.md).

Every level runs the kernel in a fresh temporary directory that only holds the
submission's notebook, the assignment's non-notebook files and a ``datasets`` link,
with a scrubbed environment.
"""

from __future__ import annotations

import functools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

UNPRIVILEGED_USER = "nobody"


@functools.lru_cache(maxsize=1)
def detect(force: str | None = None) -> str:
    """Return the isolation level available on this machine."""
    env_force = force or os.environ.get("KIT_GRADING_ISOLATION")
    if env_force in ("none", "user", "namespace"):
        return env_force
    if os.name != "posix" or os.geteuid() != 0:
        return "none"
    try:
        pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        return "none"
    if not shutil.which("setpriv"):
        return "none"
    if not _unprivileged_python_works():
        return "none"
    if shutil.which("unshare") and shutil.which("mount"):
        probe = tempfile.mkdtemp(prefix="kit-isolation-probe-")
        try:
            rc = subprocess.call(
                [
                    "unshare",
                    "--mount",
                    "--net",
                    "--propagation",
                    "private",
                    "--",
                    "sh",
                    "-c",
                    f"mount -t tmpfs -o ro,size=4k,mode=000 none {probe}",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=10,
            )
        except (OSError, subprocess.SubprocessError):
            rc = 1
        finally:
            shutil.rmtree(probe, ignore_errors=True)
        if rc == 0:
            return "namespace"
    return "user"


def _unprivileged_python_works() -> bool:
    """Can the unprivileged user run this interpreter and import what a kernel needs?"""
    import sys

    uid, gid = unprivileged_ids()
    probe = tempfile.mkdtemp(prefix="kit-isolation-probe-")
    os.chown(probe, uid, gid)
    try:
        rc = subprocess.call(
            [
                "setpriv",
                f"--reuid={uid}",
                f"--regid={gid}",
                "--clear-groups",
                "--",
                sys.executable,
                "-c",
                "import importlib.util as u, sys; sys.exit(not all(u.find_spec(m) for m in "
                "('ipykernel', 'IPython', 'numpy', 'pandas', 'socialkit')))",
            ],
            cwd=probe,
            env=kernel_env(probe, None),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        rc = 1
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return rc == 0


DESCRIPTIONS = {
    "namespace": "espace de noms (montages masqués, sans réseau) + utilisateur nobody",
    "user": "utilisateur nobody (sans espace de noms de montage)",
    "none": "dossier temporaire seulement (pas de protection du système de fichiers)",
}


def unprivileged_ids() -> tuple[int, int]:
    pw = pwd.getpwnam(UNPRIVILEGED_USER)
    return pw.pw_uid, pw.pw_gid


def _quote(path: str) -> str:
    return "'" + path.replace("'", "'\"'\"'") + "'"


# Resource limits of the kernel (user/namespace levels): processes of the unprivileged
# user, address space, size of written files, no core dumps.
LIMITS = {"nproc": 256, "as": 6 * 1024**3, "fsize": 200 * 1024**2, "core": 0}


def wrapper_prefix(level: str, hidden: list[str]) -> list[str]:
    """Command prefix put in front of the kernel command."""
    if level == "none":
        return []
    uid, gid = unprivileged_ids()
    setpriv = [
        "setpriv",
        f"--reuid={uid}",
        f"--regid={gid}",
        "--clear-groups",
        "--no-new-privs",
        "--",
    ]
    if shutil.which("prlimit"):
        setpriv = ["prlimit", *(f"--{k}={v}:{v}" for k, v in LIMITS.items()), "--", *setpriv]
    if level == "user":
        return setpriv
    lines = ["set -e"]
    for p in hidden:
        if os.path.isdir(p):
            lines.append(f"mount -t tmpfs -o ro,size=4k,mode=000 none {_quote(p)}")
        elif os.path.exists(p):
            lines.append(f"mount --bind /dev/null {_quote(p)}")
    lines.append('exec "$@"')
    script = "\n".join(lines)
    return [
        "unshare",
        "--mount",
        "--net",
        "--propagation",
        "private",
        "--",
        "sh",
        "-c",
        script,
        "kit-kernel",
        *setpriv,
    ]


def make_kernel_manager_class(level: str, workdir: str, env: dict[str, str], hidden: list[str]):
    """A KernelManager class that starts the kernel isolated in ``workdir``."""
    prefix = wrapper_prefix(level, hidden)
    owner = unprivileged_ids() if level != "none" else None

    class IsolatedKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.connection_file = os.path.join(workdir, ".kit-kernel.json")
            if level == "namespace":
                # No network in the kernel's namespace: talk over IPC socket files.
                self.transport = "ipc"
                self.ip = os.path.join(workdir, ".kit-ipc")

        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if owner is not None and os.path.exists(self.connection_file):
                os.chown(self.connection_file, *owner)
            return prefix + cmd

        async def _async_pre_start_kernel(self, **kw):
            kw["env"] = dict(env)
            kw["cwd"] = workdir
            return await super()._async_pre_start_kernel(**kw)

    return IsolatedKernelManager


def kernel_env(workdir: str, datasets: str | None) -> dict[str, str]:
    """Scrubbed environment of the kernel (no credentials of the grading user)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": workdir,
        "IPYTHONDIR": os.path.join(workdir, ".ipython"),
        "MPLCONFIGDIR": os.path.join(workdir, ".mpl"),
        "XDG_CACHE_HOME": os.path.join(workdir, ".cache"),
        "JUPYTER_RUNTIME_DIR": os.path.join(workdir, ".runtime"),
        "MPLBACKEND": "agg",
        "PYTHONDONTWRITEBYTECODE": "1",
        "NBGRADER_EXECUTION": "autograde",
        "TMPDIR": workdir,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_MAX_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    if datasets:
        env["SOCIALKIT_DATA"] = datasets
    return env


def prepare_workdir(
    base: str,
    notebook_name: str | None,
    nb_json: str | None,
    files: list[tuple[str, str]],
    datasets: str | None,
    level: str,
) -> tuple[str, str | None]:
    """Create the temporary working copy; return (workdir, datasets path inside it)."""
    workdir = tempfile.mkdtemp(prefix="copie-", dir=base)
    data_link = None
    if datasets and os.path.isdir(datasets):
        data_link = os.path.join(workdir, "datasets")
        if not os.path.exists(data_link):
            os.symlink(datasets, data_link)
    populate_workdir(workdir, notebook_name, nb_json, files, level)
    if level != "none":
        os.chmod(workdir, 0o700)
    return workdir, data_link


def populate_workdir(
    workdir: str,
    notebook_name: str | None,
    nb_json: str | None,
    files: list[tuple[str, str]],
    level: str,
) -> None:
    """Copy the submission and the assignment's files into the working copy."""
    written = []
    for src, rel in files:
        dest = Path(workdir, rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        written.append(dest)
    if notebook_name:
        Path(workdir, notebook_name).write_text(nb_json or "", encoding="utf-8")
        written.append(Path(workdir, notebook_name))
    if level != "none":
        uid, gid = unprivileged_ids()
        os.lchown(workdir, uid, gid)
        for path in written:
            for p in [path, *path.parents]:
                if p == Path(workdir) or not str(p).startswith(workdir):
                    break
                os.lchown(p, uid, gid)
        for entry in os.scandir(workdir):
            if entry.is_symlink():
                os.lchown(entry.path, uid, gid)


def make_base_dir() -> str:
    base = tempfile.mkdtemp(prefix="kit-grading-")
    # Traversable but not listable: a kernel cannot discover the other copies.
    os.chmod(base, 0o711)
    return base
