"""One sandbox per submission: bubblewrap (``bwrap``), the same for root and ordinary users.

The trainee's kernel runs in a sandbox built from the operating system's own mechanisms:

- **own namespaces**: PID (nothing survives the sandbox, no view of other kernels),
  mount, network (``--unshare-net``: no network at all, not even the host's loopback),
  IPC, UTS, cgroup; a new session (no terminal injection);
- **allow-list view of the disk**: read-only the system libraries (``/usr``), the Python
  environment (the venv and the interpreter it comes from), the kit package and the
  ``datasets/`` folders; read-write the working copy only; private ``/tmp``,
  ``/var/tmp``, ``/dev`` (with its own ``/dev/shm``) and ``/proc``; nothing else;
- **own user id**: as root, every sandbox runs under a fresh unprivileged uid (no
  ``/etc/passwd`` entry, no groups, no capabilities, no new privileges); as an ordinary
  user, bubblewrap puts the kernel in its own user namespace with no capabilities;
- **limits** (``prlimit`` inside the sandbox): processes, address space, file size,
  CPU time, no core dumps.

Killing the sandbox's ``bwrap`` process kills every process in it (``--die-with-parent``
and the PID namespace): a double-forked daemon does not outlive its submission.

Where no sandbox can be built (no ``bwrap``, a kernel without user namespaces, macOS,
Windows), :func:`detect` raises :class:`SandboxUnavailable` with a French explanation,
unless the instructor asked for ``--isolation none`` explicitly.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import select
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools.grading import zygote

LEVELS = ("fork", "bwrap", "none")

DESCRIPTIONS = {
    "fork": "bac à sable par fork (uid propre, PID/montages/réseau isolés, limites, "
    "copie plafonnée)",
    "bwrap": "bac à sable bubblewrap (uid propre, PID/montages/réseau isolés, limites)",
    "none": "AUCUNE isolation (--isolation none) : le code des stagiaires tourne avec vos droits",
}

# Resource limits inside the sandbox (prlimit): processes, address space, size of a
# written file, CPU seconds of each process, no core dumps, open files.
LIMITS = {
    "nproc": 128,
    "as": 6 * 1024**3,
    "fsize": 200 * 1024**2,
    "cpu": 600,
    "core": 0,
    "nofile": 1024,
}
# Fork sandboxes only: total size of the working copy, and of each private /tmp,
# /var/tmp and /dev/shm (size-limited tmpfs). KIT_GRADING_COPY_MB overrides the copy's.
COPY_LIMIT = 300 * 1024**2
TMP_LIMIT = 100 * 1024**2


def copy_limit() -> int:
    value = os.environ.get("KIT_GRADING_COPY_MB")
    return int(float(value) * 1024**2) if value else COPY_LIMIT


# uids of the sandboxes when the grader runs as root: fresh, never in /etc/passwd.
UID_BASE = 1_500_000
UID_SPAN = 400_000


class SandboxUnavailable(RuntimeError):
    """No sandbox can be built here; the message is French, for the instructor."""


REFUSAL = (
    "Correction refusée : impossible de créer un bac à sable pour exécuter le code des "
    "stagiaires ({reason}). Sur Debian/Ubuntu, installez bubblewrap (`make grading-deps`, "
    "ou `sudo apt-get install bubblewrap`) ; il faut Linux avec les espaces de noms "
    "utilisateur activés. Pour corriger quand même SANS protection (le code des stagiaires "
    "pourra lire vos solutions et modifier vos fichiers), relancez avec --isolation none."
)


def _probe(cmd: list[str]) -> tuple[bool, str]:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return False, str(exc)
    return proc.returncode == 0, (proc.stderr or proc.stdout).strip()[:200]


ZYGOTE = str(Path(__file__).with_name("zygote.py"))


@functools.lru_cache(maxsize=4)
def detect(requested: str | None = None) -> str:
    """Return ``"fork"``, ``"bwrap"`` or ``"none"``; raise :class:`SandboxUnavailable`.

    Without a request (nor ``KIT_GRADING_ISOLATION``): the fork server when this machine
    can build its sandbox, else bubblewrap."""
    requested = requested or os.environ.get("KIT_GRADING_ISOLATION") or "auto"
    if requested not in (*LEVELS, "auto"):
        raise SandboxUnavailable(
            f"niveau d'isolation inconnu : {requested!r} (fork, bwrap ou none)"
        )
    if requested == "none":
        return "none"
    if sys.platform == "linux" and requested in ("auto", "fork"):
        ok, detail = _probe([sys.executable, "-I", ZYGOTE, "--probe"])
        if ok:
            return "fork"
        if requested == "fork":
            raise SandboxUnavailable(REFUSAL.format(reason=f"espaces de noms : {detail}"))
    if sys.platform != "linux":
        raise SandboxUnavailable(REFUSAL.format(reason=f"système {sys.platform}, pas Linux"))
    if not shutil.which("bwrap"):
        raise SandboxUnavailable(REFUSAL.format(reason="bubblewrap (bwrap) n'est pas installé"))
    if os.geteuid() == 0 and not (shutil.which("setpriv") and shutil.which("prlimit")):
        raise SandboxUnavailable(REFUSAL.format(reason="setpriv ou prlimit manquant"))
    workdir = tempfile.mkdtemp(prefix="kit-sandbox-probe-")
    try:
        spec = Sandbox(workdir)
        ok, detail = _probe(
            spec.command([sys.executable, "-c", "import socialkit, ipykernel, pandas"])
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if not ok:
        raise SandboxUnavailable(REFUSAL.format(reason=f"bwrap a échoué : {detail}"))
    return "bwrap"


def _real(path: str | os.PathLike) -> str:
    return os.path.realpath(path)


def python_paths() -> list[str]:
    """Folders the kernel's interpreter needs, read-only: venv, base install, stdlib."""
    paths = {_real(sys.prefix), _real(sys.base_prefix), _real(sys.exec_prefix)}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        with_base = sysconfig.get_paths().get(key)
        if with_base:
            paths.add(_real(with_base))
    paths.add(str(Path(_real(sys.executable)).parent))
    # System prefixes are covered by /usr.
    return sorted(p for p in paths if os.path.isdir(p) and not p.startswith("/usr/"))


def kit_paths() -> list[str]:
    """The kit package (editable install: its source folder) and its datasets."""
    import importlib.util

    out = []
    spec = importlib.util.find_spec("socialkit")
    if spec is not None and spec.origin:
        pkg = Path(spec.origin).resolve().parent
        out.append(str(pkg))
        data = pkg.parent / "datasets"
        if data.is_dir():
            out.append(str(data))
    return out


def _collapse(paths: list[str]) -> list[str]:
    """Drop paths already inside another one of the list."""
    out: list[str] = []
    for p in sorted(set(paths), key=len):
        if not any(p == q or p.startswith(q.rstrip("/") + "/") for q in out):
            out.append(p)
    return sorted(out)


@dataclass
class Sandbox:
    """The bwrap command line of one sandbox around ``workdir``."""

    workdir: str
    readonly: list[str] = field(default_factory=list)  # extra read-only folders (datasets)
    uid: int | None = None  # root only: the sandbox's own uid (fresh when None)
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.workdir = _real(self.workdir)
        if self.uid is None and os.geteuid() == 0:
            self.uid = UID_BASE + secrets.randbelow(UID_SPAN)

    def prepare(self) -> None:
        """Give the working copy to the sandbox's uid (root)."""
        if os.geteuid() == 0 and self.uid is not None:
            for dirpath, dirnames, filenames in os.walk(self.workdir):
                os.lchown(dirpath, self.uid, self.uid)
                for name in dirnames + filenames:
                    os.lchown(os.path.join(dirpath, name), self.uid, self.uid)
            os.chmod(self.workdir, 0o700)

    def command(self, argv: list[str]) -> list[str]:
        ro = _collapse(python_paths() + kit_paths() + [_real(p) for p in self.readonly])
        ro = [p for p in ro if os.path.exists(p)]
        cmd = [
            "bwrap",
            "--unshare-pid",
            "--unshare-net",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--hostname",
            "bac-a-sable",
            "--ro-bind",
            "/usr",
            "/usr",
        ]
        for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
            top = Path("/", name)
            if top.is_symlink():
                cmd += ["--symlink", os.readlink(top), str(top)]
            elif top.is_dir():
                cmd += ["--ro-bind", str(top), str(top)]
        for etc in zygote.ETC:  # the same files in both sandboxes
            if os.path.exists(etc):
                cmd += ["--ro-bind", etc, etc]
        cmd += ["--proc", "/proc", "--dev", "/dev"]
        cmd += ["--tmpfs", "/tmp", "--tmpfs", "/var/tmp", "--tmpfs", "/dev/shm"]
        made = {"/", "/usr", "/etc", "/proc", "/dev", "/tmp", "/var", "/var/tmp", "/dev/shm"}
        for path in [*ro, self.workdir]:
            parents = list(Path(path).parents)[::-1][1:]  # without "/"
            for parent in parents:
                if str(parent) not in made:
                    cmd += ["--perms", "0755", "--dir", str(parent)]
                    made.add(str(parent))
            made.add(path)
            if path == self.workdir:
                cmd += ["--bind", path, path]
            else:
                cmd += ["--ro-bind", path, path]
        cmd += ["--chdir", self.workdir, "--clearenv"]
        for key, value in self.env.items():
            cmd += ["--setenv", key, value]
        limits = ["prlimit", *(f"--{k}={v}:{v}" for k, v in LIMITS.items()), "--"]
        if os.geteuid() == 0:
            drop = [
                "setpriv",
                f"--reuid={self.uid}",
                f"--regid={self.uid}",
                "--clear-groups",
                "--no-new-privs",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--",
            ]
        else:
            cmd += ["--unshare-user", "--cap-drop", "ALL"]
            drop = []
        return [*cmd, "--", *limits, *drop, *argv]


def kernel_env(workdir: str, datasets: str | None) -> dict[str, str]:
    """Scrubbed environment of the kernel (nothing of the grading user's environment)."""
    env = {
        "PATH": os.path.dirname(sys.executable) + ":/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": workdir,
        "IPYTHONDIR": os.path.join(workdir, ".ipython"),
        "MPLCONFIGDIR": os.path.join(workdir, ".mpl"),
        "XDG_CACHE_HOME": os.path.join(workdir, ".cache"),
        "JUPYTER_RUNTIME_DIR": os.path.join(workdir, ".runtime"),
        "MPLBACKEND": "agg",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "NBGRADER_EXECUTION": "autograde",
        "TMPDIR": "/tmp",
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


RUN_DIR = ".kit-run"  # the kernel's connection file and sockets (ours, not the trainee's)


def scrub_workdir(workdir: str) -> list[str]:
    """After the sandbox is gone: remove what is not a plain file or folder (symlinks,
    fifos, sockets, hard links…) so that the trusted checks never follow a link out of
    the copy. Return the removed relative paths the trainee created."""
    import stat

    shutil.rmtree(os.path.join(workdir, RUN_DIR), ignore_errors=True)
    removed = []
    for dirpath, dirnames, filenames in os.walk(workdir, followlinks=False):
        for name in list(dirnames) + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
                if stat.S_ISREG(st.st_mode) and st.st_nlink > 1:
                    os.unlink(path)  # a hard link: not the trainee's own file
                    removed.append(os.path.relpath(path, workdir))
                continue
            os.unlink(path)
            removed.append(os.path.relpath(path, workdir))
            if name in dirnames:
                dirnames.remove(name)
    return removed


# --------------------------------------------------------------------------- fork server


class Zygote:
    """The fork server (:mod:`tools.grading.zygote`), started fresh by the grader before
    anything secret is loaded; it lives until :meth:`close` or the grader's end."""

    def __init__(self, base: str, datasets: str | None, modules: tuple[str, ...]):
        self.home = tempfile.mkdtemp(prefix="zygote-", dir=base)
        self.path = os.path.join(self.home, "s")
        env = kernel_env(self.home, datasets)
        self.log = open(os.path.join(self.home, "journal.txt"), "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-I", ZYGOTE, self.path, *modules],
            cwd=self.home,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            close_fds=True,
        )

    def wait(self) -> None:
        """Until the zygote has imported its modules and listens."""
        line = self.proc.stdout.readline()
        if line.strip() != b"pret":
            self.close()
            raise SandboxUnavailable(
                REFUSAL.format(reason="le serveur de bacs à sable n'a pas démarré")
            )

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.log.close()
        shutil.rmtree(self.home, ignore_errors=True)


class ForkBox:
    """One sandbox of the fork server around ``workdir``; the kernel's connection file
    and sockets are in :attr:`rundir` (outside the copy)."""

    def __init__(self, zygote: str, workdir: str, readonly: list[str], env: dict[str, str]):
        self.workdir = _real(workdir)
        self.holder = tempfile.mkdtemp(prefix="bac-", dir=os.path.dirname(self.workdir))
        os.chmod(self.holder, 0o711)
        self.rundir = os.path.join(self.holder, "run")
        self.newroot = os.path.join(self.holder, "racine")
        os.mkdir(self.rundir, 0o700)
        os.mkdir(self.newroot, 0o700)
        self.uid = UID_BASE + secrets.randbelow(UID_SPAN) if os.geteuid() == 0 else None
        if self.uid is not None:
            for path in (self.workdir, self.rundir):
                os.chown(path, self.uid, self.uid)
        os.chmod(self.workdir, 0o700)
        self.zygote = zygote
        self.readonly = _collapse(python_paths() + kit_paths() + [_real(p) for p in readonly])
        self.env = env
        self.sock: socket.socket | None = None
        self.box_fd = self.kernel_fd = -1
        self.buf = b""
        self.stopped = False

    def start(self, argv: list[str], timeout: float = 60, nice: int = 0) -> None:
        """Ask the zygote for the sandbox; ``argv``: the kernel's arguments (-f …);
        ``nice``: the kernel's priority until its job takes it (root: back to 0 through
        the sandbox's own uid)."""
        req = {
            "workdir": self.workdir,
            "rundir": self.rundir,
            "newroot": self.newroot,
            "readonly": [p for p in self.readonly if os.path.exists(p)],
            "uid": self.uid,
            "owner": [self.uid, self.uid] if self.uid is not None else [os.geteuid(), os.getegid()],
            "env": self.env,
            "limits": LIMITS,
            "copy_size": copy_limit(),
            "tmp_size": TMP_LIMIT,
            "argv": argv,
            "nice": nice,
        }
        if self.uid is not None:  # the connection file, written by the worker
            for name in os.listdir(self.rundir):
                os.lchown(os.path.join(self.rundir, name), self.uid, self.uid)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.zygote)
        self.sock.sendall((json.dumps(req) + "\n").encode())
        msg, fds = self._read(timeout, "sandbox")
        self.box_fd = fds[0]
        msg, fds = self._read(timeout, "kernel")
        self.kernel_fd = fds[0]

    def _read(self, timeout: float, event: str) -> tuple[dict, list[int]]:
        deadline = time.monotonic() + timeout
        fds: list[int] = []
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                raise RuntimeError(f"bac à sable : pas de réponse ({event})")
            data, got, _, _ = socket.recv_fds(self.sock, 65536, 4)
            fds += got
            if not data:
                raise RuntimeError(f"bac à sable : arrêté avant « {event} »")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        msg = json.loads(line)
        if msg.get("event") != event:
            raise RuntimeError(f"bac à sable : {msg.get('event')} au lieu de {event}")
        if msg.get("error"):
            raise RuntimeError(f"bac à sable : {msg['error']}")
        return msg, fds

    def _order(self, op: str, event: str, timeout: float) -> dict:
        self.sock.sendall((json.dumps({"op": op}) + "\n").encode())
        return self._read(timeout, event)[0]

    def alive(self) -> bool:
        """The kernel (C) still runs."""
        return self.kernel_fd >= 0 and not select.select([self.kernel_fd], [], [], 0)[0]

    def sync_in(self, timeout: float = 60) -> None:
        """Copy the host working copy into the sandbox's (before any trainee code)."""
        self._order("sync-in", "synced", timeout)

    def stop(self, timeout: float = 60) -> str | None:
        """Kill every process of the sandbox, then copy its working copy back to the host.
        Return why the copy could not come back (the host copy stays as it was), or None."""
        if self.stopped:
            return None
        self.stopped = True
        try:
            self._order("stop", "stopped", timeout)
            return None
        except (OSError, RuntimeError) as exc:
            return str(exc)
        finally:
            self.kill()

    def kill(self) -> None:
        """SIGKILL to the sandbox's PID 1 (its whole PID namespace dies with it)."""
        self.stopped = True
        if self.box_fd >= 0:
            try:
                signal.pidfd_send_signal(self.box_fd, signal.SIGKILL)
            except OSError:
                pass
            select.select([self.box_fd], [], [], 10)
        for fd in (self.box_fd, self.kernel_fd):
            if fd >= 0:
                os.close(fd)
        self.box_fd = self.kernel_fd = -1
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def dispose(self) -> None:
        self.kill()
        shutil.rmtree(self.holder, ignore_errors=True)
