"""Fork server of the grading sandboxes (``--isolation fork``, the default on Linux).

Run as a script (``python -I tools/grading/zygote.py SOCKET``), never imported by the
grader: the process starts fresh, with the scrubbed kernel environment, imports what every
kernel imports (numpy, pandas, matplotlib, the kit, ipykernel) once, and then serves one
request per sandbox on a Unix socket. It never reads test code, the gradebook, the
instructor's notebooks or anything secret: a forked sandbox inherits its memory.

One request (one JSON line from a grading worker, on its own connection) builds one
sandbox, the same one :mod:`tools.grading.sandbox` describes for bubblewrap:

- **A** (forked from the zygote) enters new mount, PID, network, IPC, UTS and cgroup
  namespaces (as an ordinary user: first a user namespace mapping only its own uid), forks
  **B** and hands the worker a pidfd of B, then exits;
- **B** is PID 1 of the new PID namespace (when it dies, the kernel kills every process
  in the namespace). It builds the allow-list view on a fresh tmpfs and ``pivot_root``\\ s
  into it: read-only the system, the Python environment, the kit and the datasets; a
  size-limited tmpfs for the working copy (filled from the host copy on request, copied
  back on ``stop``); the run folder (connection file and sockets), read-only as soon as
  the kernel has bound its sockets; private ``/tmp``, ``/var/tmp``, ``/dev`` (null, zero,
  full, random, urandom), ``/dev/shm`` and ``/proc``. It reaps orphans and obeys the
  worker: ``sync-in``, ``stop`` (kill everything else, drop to the sandbox's rights, copy
  the working copy back), or the worker's connection closing (kill everything);
- **C**, forked by B, drops its rights for good (as root: a fresh uid, no groups; either
  way no capabilities, no new privileges), sets the resource limits, and runs the
  IPython kernel in-process on the connection file.

The sandbox's lifetime is bound to the worker's connection: the worker kills it with the
pidfd of B (``pidfd_send_signal``), which cannot hit a recycled pid.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import resource
import select
import signal
import socket
import stat
import sys

CLONE_NEWNS = 0x00020000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_NOATIME = 1024
MS_NODIRATIME = 2048
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MS_RELATIME = 1 << 21
MNT_DETACH = 2
# statvfs f_flag bits → mount flags (kept on a read-only remount: a user namespace may
# not clear the flags of a mount it did not make).
_ST_TO_MS = {1: MS_RDONLY, 2: MS_NOSUID, 4: MS_NODEV, 8: MS_NOEXEC, 1024: MS_NOATIME,
             2048: MS_NODIRATIME, 4096: MS_RELATIME}  # fmt: skip

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
_LINUX_CAPABILITY_VERSION_3 = 0x20080522

HOSTNAME = "bac-a-sable"
LIMIT_NAMES = {
    "nproc": resource.RLIMIT_NPROC,
    "as": resource.RLIMIT_AS,
    "fsize": resource.RLIMIT_FSIZE,
    "cpu": resource.RLIMIT_CPU,
    "core": resource.RLIMIT_CORE,
    "nofile": resource.RLIMIT_NOFILE,
}
DEVICES = ("null", "zero", "full", "random", "urandom")
ETC = (
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/localtime",
    "/etc/nsswitch.conf",
    "/etc/mime.types",
)
# ipykernel and what its start imports (debugger, sqlite3 for history, tornado…).
KERNEL_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "ipykernel.eventloops",
    "debugpy",
    "tornado.ioloop",
    "sqlite3",
    "pdb",
    "pydoc",
    "code",
)

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [
    ctypes.c_char_p,
    ctypes.c_char_p,
    ctypes.c_char_p,
    ctypes.c_ulong,
    ctypes.c_char_p,
]
_libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
_libc.unshare.argtypes = [ctypes.c_int]
_libc.prctl.argtypes = [
    ctypes.c_int,
    ctypes.c_ulong,
    ctypes.c_ulong,
    ctypes.c_ulong,
    ctypes.c_ulong,
]
_libc.sethostname.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
# pivot_root and capset have no libc wrapper: syscall numbers by architecture (another
# architecture fails the probe, and the grader falls back to bubblewrap).
_SYSCALLS = {"x86_64": (155, 126), "aarch64": (41, 91)}
_SYS_PIVOT_ROOT, _SYS_CAPSET = _SYSCALLS.get(os.uname().machine, (-1, -1))


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _b(path: str | None) -> bytes | None:
    return None if path is None else os.fsencode(path)


def mount(src, target, fstype=None, flags=0, data=None) -> None:
    _check(_libc.mount(_b(src), _b(target), _b(fstype), flags, _b(data)), f"mount {target}")


def prctl(option: int, arg: int = 0) -> None:
    _check(_libc.prctl(option, arg, 0, 0, 0), f"prctl {option}")


def unshare(flags: int) -> None:
    _check(_libc.unshare(flags), "unshare")


def pivot_root(new: str, old: str) -> None:
    _check(_libc.syscall(_SYS_PIVOT_ROOT, _b(new), _b(old)), "pivot_root")


def drop_capabilities() -> None:
    """Empty bounding, ambient, inheritable, permitted and effective sets; no new privs."""
    last = int(open("/proc/sys/kernel/cap_last_cap").read())
    for cap in range(last + 1):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            err = ctypes.get_errno()
            if err != errno.EINVAL:  # EPERM: no CAP_SETPCAP (already dropped)
                break
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    _check(_libc.syscall(_SYS_CAPSET, ctypes.byref(header), ctypes.byref(data)), "capset")
    prctl(PR_SET_NO_NEW_PRIVS, 1)


def loopback_up() -> None:
    """The sandbox's own loopback (as bwrap): up, and nothing else in its network."""
    import fcntl
    import struct

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        req = struct.pack("16sh14x", b"lo", 0)
        flags = struct.unpack("16sh14x", fcntl.ioctl(sock, 0x8913, req))[1]  # SIOCGIFFLAGS
        fcntl.ioctl(sock, 0x8914, struct.pack("16sh14x", b"lo", flags | 0x1 | 0x40))


# --------------------------------------------------------------------------- mounts


def _mkdirs(path: str) -> None:
    os.makedirs(path, mode=0o755, exist_ok=True)


def _bind(src: str, dest: str, readonly: bool) -> None:
    if os.path.isdir(src):
        _mkdirs(dest)
    else:
        _mkdirs(os.path.dirname(dest))
        with open(dest, "a"):
            pass
    # Recursive, as bwrap: a user namespace may not bind a folder without the mounts
    # under it; each of them is made read-only too.
    mount(src, dest, None, MS_BIND | MS_REC)
    if readonly:
        for point in _mounts_under(dest):
            _remount_readonly(point)


def _mounts_under(dest: str) -> list[str]:
    """``dest`` and the mount points below it (from /proc/self/mountinfo), parents first."""
    out = []
    prefix = dest.rstrip("/") + "/"
    with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as fh:
        for line in fh:
            point = line.split(" ")[4].encode().decode("unicode_escape", "surrogateescape")
            if point == dest or point.startswith(prefix):
                out.append(point)
    return sorted(set(out), key=len)


def _remount_readonly(dest: str) -> None:
    flags = MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV
    kept = os.statvfs(dest).f_flag
    for st_bit, ms_bit in _ST_TO_MS.items():
        if kept & st_bit:
            flags |= ms_bit
    mount(None, dest, None, flags)


def _tmpfs(dest: str, mode: str, size: int | None, owner: list | None = None) -> None:
    _mkdirs(dest)
    opts = f"mode={mode}"
    if size:
        opts += f",size={size}"
    if owner is not None:
        opts += f",uid={owner[0]},gid={owner[1]}"
    mount("tmpfs", dest, "tmpfs", MS_NOSUID | MS_NODEV, opts)


def build_root(req: dict, newroot: str) -> None:
    """The allow-list view under ``newroot`` (see the module docstring)."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    mount("tmpfs", newroot, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=4m")
    nr = newroot.rstrip("/")
    _bind("/usr", nr + "/usr", True)
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        top = "/" + name
        if os.path.islink(top):
            os.symlink(os.readlink(top), nr + top)
        elif os.path.isdir(top):
            _bind(top, nr + top, True)
    for path in ETC:
        if os.path.exists(path):
            _bind(path, nr + path, True)
    # Private /tmp and /var/tmp first: the read-only folders, the working copy and the run
    # folder may live under them (a clone in /tmp, the hub's datasets) and are bound on top.
    _tmpfs(nr + "/tmp", "1777", req["tmp_size"])
    _tmpfs(nr + "/var/tmp", "1777", req["tmp_size"])
    for path in req["readonly"]:
        if os.path.exists(path):
            _bind(path, nr + path, True)
    # /dev: a few harmless devices, no terminal, its own /dev/shm.
    _tmpfs(nr + "/dev", "0755", 1024 * 1024)
    for name in DEVICES:
        _bind("/dev/" + name, f"{nr}/dev/{name}", False)
    for name, target in (
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
    ):
        os.symlink(target, f"{nr}/dev/{name}")
    _tmpfs(nr + "/dev/shm", "1777", req["tmp_size"])
    _mkdirs(nr + "/proc")
    mount("proc", nr + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    # The working copy: a size-limited tmpfs owned by the sandbox's uid.
    _tmpfs(nr + req["workdir"], "0700", req["copy_size"], req["owner"])
    # The run folder (connection file, sockets): bound read-write until the kernel's
    # sockets exist, then read-only (sandbox_b).
    _bind(req["rundir"], nr + req["rundir"], False)
    os.chmod(nr, 0o755)
    os.mkdir(nr + "/.old")
    pivot_root(nr, nr + "/.old")
    os.chdir("/")
    _check(_libc.umount2(b"/.old", MNT_DETACH), "umount /.old")
    os.rmdir("/.old")
    mount(None, "/", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)


# --------------------------------------------------------------------------- copies


def copy_tree(src_fd: int, dst_fd: int, owner: list | None, skip: frozenset = frozenset()) -> None:
    """Copy plain files and folders from one open folder into another (no links followed,
    nothing but regular files and folders copied)."""
    for entry in os.scandir(src_fd):
        if entry.name in skip:
            continue
        st = entry.stat(follow_symlinks=False)
        if stat.S_ISDIR(st.st_mode):
            try:
                os.mkdir(entry.name, 0o755, dir_fd=dst_fd)
            except FileExistsError:
                pass
            sub_src = os.open(
                entry.name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=src_fd
            )
            sub_dst = os.open(
                entry.name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=dst_fd
            )
            try:
                if owner is not None:
                    os.fchown(sub_dst, *owner)
                copy_tree(sub_src, sub_dst, owner)
            finally:
                os.close(sub_src)
                os.close(sub_dst)
        elif stat.S_ISREG(st.st_mode):
            fin = os.open(entry.name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=src_fd)
            try:
                fout = os.open(
                    entry.name,
                    os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW,
                    0o644,
                    dir_fd=dst_fd,
                )
                try:
                    while True:
                        chunk = os.read(fin, 1 << 20)
                        if not chunk:
                            break
                        os.write(fout, chunk)
                    if owner is not None:
                        os.fchown(fout, *owner)
                finally:
                    os.close(fout)
            finally:
                os.close(fin)


def clear_tree(dir_fd: int) -> None:
    for entry in os.scandir(dir_fd):
        if entry.is_dir(follow_symlinks=False):
            sub = os.open(entry.name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=dir_fd)
            try:
                clear_tree(sub)
            finally:
                os.close(sub)
            os.rmdir(entry.name, dir_fd=dir_fd)
        else:
            os.unlink(entry.name, dir_fd=dir_fd)


# --------------------------------------------------------------------------- messages


def send(conn: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    data = (json.dumps(message) + "\n").encode()
    if fds:
        socket.send_fds(conn, [data], fds)
    else:
        conn.sendall(data)


def _close_fds(keep: set[int]) -> None:
    for fd in map(int, os.listdir("/proc/self/fd")):
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass


def _devnull_stdio() -> None:
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    if null > 2:
        os.close(null)


# --------------------------------------------------------------------------- processes


def _enter_namespaces() -> None:
    """New mount, PID, network, IPC, UTS, cgroup namespaces; as an ordinary user first a
    user namespace where only the user's own uid and gid exist (no other groups)."""
    user = os.geteuid() != 0
    uid, gid = os.geteuid(), os.getegid()
    flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
    flags |= CLONE_NEWCGROUP
    if user:
        flags |= CLONE_NEWUSER
    unshare(flags)
    if user:
        with open("/proc/self/setgroups", "w") as fh:
            fh.write("deny")
        with open("/proc/self/uid_map", "w") as fh:
            fh.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as fh:
            fh.write(f"{gid} {gid} 1")


def sandbox_a(conn: socket.socket, req: dict) -> None:
    """Forked from the zygote: new namespaces, then B (PID 1), then exit."""
    _close_fds({conn.fileno()})
    _enter_namespaces()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(go_w)
        _run(sandbox_b, conn, req, go_r)
    os.close(go_r)
    pidfd = os.pidfd_open(pid)
    send(conn, {"event": "sandbox", "pid": pid}, [pidfd])
    os.write(go_w, b"1")
    os._exit(0)


def sandbox_b(conn: socket.socket, req: dict, go_r: int) -> None:
    """PID 1 of the sandbox: mounts, the kernel (C), then the worker's orders."""
    os.read(go_r, 1)
    os.close(go_r)
    prctl(PR_SET_DUMPABLE, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the kernel's interrupts are not for us
    os.setsid()
    _libc.sethostname(HOSTNAME.encode(), len(HOSTNAME))
    loopback_up()
    owner = req["owner"]
    host_copy = os.open(req["workdir"], os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    build_root(req, req["newroot"])
    copy = os.open(req["workdir"], os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    ready_r, ready_w = os.pipe()
    ack_r, ack_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(ready_r)
        os.close(ack_w)
        os.close(host_copy)
        os.close(copy)
        _run(sandbox_c, conn, req, ready_w, ack_r)
    os.close(ready_w)
    os.close(ack_r)
    kernel_fd = os.pidfd_open(pid)
    send(conn, {"event": "kernel"}, [kernel_fd])
    os.close(kernel_fd)
    buf = b""
    watch = [conn, ready_r]
    while True:
        ready, _, _ = select.select(watch, [], [], 0.2)
        _reap()
        if ready_r in ready:
            if os.read(ready_r, 1):
                _remount_readonly(req["rundir"])  # the sockets exist: no more files there
                os.write(ack_w, b"1")
            os.close(ready_r)
            watch.remove(ready_r)
        if conn not in ready:
            continue
        chunk = conn.recv(65536)
        if not chunk:  # the worker is gone
            os.kill(-1, signal.SIGKILL)
            os._exit(1)
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            order = json.loads(line).get("op")
            if order == "sync-in":
                try:
                    copy_tree(host_copy, copy, owner)
                    send(conn, {"event": "synced"})
                except OSError as exc:
                    send(conn, {"event": "synced", "error": str(exc)})
            elif order == "stop":
                _stop(conn, req, host_copy, copy)


def _stop(conn: socket.socket, req: dict, host_copy: int, copy: int) -> None:
    """Kill everything else, take the trainee's rights, copy the working copy back."""
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    error = None
    try:
        _drop_rights(req)
        clear_tree(host_copy)
        copy_tree(copy, host_copy, None)
    except OSError as exc:
        error = str(exc)
    send(conn, {"event": "stopped", "error": error})
    os._exit(0)


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _drop_rights(req: dict) -> None:
    if os.geteuid() == 0 and req.get("uid") is not None:
        uid = req["uid"]
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        for cap in range(int(open("/proc/sys/kernel/cap_last_cap").read()) + 1):
            _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
        os.setresuid(uid, uid, uid)
    drop_capabilities()


def sandbox_c(conn: socket.socket, req: dict, ready_w: int, ack_r: int) -> None:
    """The kernel: no rights, limits, then ipykernel in this very process."""
    conn.close()
    os.setsid()
    _devnull_stdio()
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    for name, value in req["limits"].items():
        resource.setrlimit(LIMIT_NAMES[name], (value, value))
    if req.get("nice"):
        os.nice(req["nice"])
    _drop_rights(req)
    prctl(PR_SET_DUMPABLE, 1)  # as after an exec: the kernel's own processes may inspect it
    os.umask(0o022)
    os.environ.clear()
    os.environ.update(req["env"])
    sys.dont_write_bytecode = True  # as PYTHONDONTWRITEBYTECODE for a launched kernel
    os.chdir(req["workdir"])
    for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    from ipykernel.kernelapp import IPKernelApp

    sys.argv = ["ipykernel_launcher", *req["argv"]]
    app = IPKernelApp.instance()
    app.initialize(req["argv"])
    # The kit was imported here before any kernel existed: what it does when imported in a
    # kernel (French display of numbers and tables) runs now that this one exists.
    if "socialkit" in sys.modules:
        import importlib

        importlib.reload(sys.modules["socialkit"])
    os.write(ready_w, b"1")  # sockets bound: B makes the run folder read-only
    os.close(ready_w)
    os.read(ack_r, 1)
    os.close(ack_r)
    app.start()


def _run(func, *args) -> None:
    """Run a sandbox stage in a forked process; never return into the zygote's loop."""
    code = 0
    try:
        func(*args)
    except BaseException:  # noqa: BLE001 - a forked stage must end here
        code = 70
        try:
            import traceback

            traceback.print_exc()
        except Exception:  # noqa: BLE001
            pass
    finally:
        os._exit(code)


# --------------------------------------------------------------------------- the server


def preload(modules: list[str]) -> None:
    """Import what every kernel imports, then freeze those objects: the children's
    garbage collections then leave them alone (their pages stay shared)."""
    import gc
    import importlib

    for name in [*modules, *KERNEL_MODULES]:
        try:
            importlib.import_module(name)
        except ImportError:  # only an optimisation (the kernel imports it again)
            pass
    gc.collect()
    gc.freeze()


def serve(path: str) -> None:
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o077)
    server.bind(path)
    os.umask(old)
    server.listen(64)
    sys.stdout.write("pret\n")
    sys.stdout.flush()
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)  # nothing more for the grader on that pipe
    os.close(null)
    while True:
        ready, _, _ = select.select([server, sys.stdin], [], [], 1.0)
        _reap()
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 4096):
            return  # the grader is gone (or closed us)
        if server not in ready:
            continue
        conn, _ = server.accept()
        try:
            conn.settimeout(10)
            line = b""
            while not line.endswith(b"\n"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                line += chunk
            conn.settimeout(None)
            req = json.loads(line)
        except (OSError, ValueError):
            conn.close()
            continue
        if os.fork() == 0:
            server.close()
            _run(sandbox_a, conn, req)
        conn.close()


def probe() -> int:
    """Can this process build a sandbox here? (namespaces, tmpfs, proc, pivot_root)"""
    import shutil
    import tempfile

    root = tempfile.mkdtemp(prefix="kit-zygote-probe-")
    req = {
        "readonly": [],
        "tmp_size": 1 << 20,
        "copy_size": 1 << 20,
        "owner": None,
        "workdir": root + "/copie",
        "rundir": root + "/run",
    }
    for name in ("copie", "run", "nr"):
        os.mkdir(os.path.join(root, name))
    try:
        pid = os.fork()
        if pid == 0:
            _run(_probe_a, req, root + "/nr")
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _probe_a(req: dict, newroot: str) -> None:
    _enter_namespaces()
    pid = os.fork()
    if pid == 0:
        _run(build_root, req, newroot)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("build_root failed")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--probe"]:
        return probe()
    path, modules = argv[0], argv[1:]
    preload(modules)
    serve(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
