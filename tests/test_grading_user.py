"""The grading sandbox as an ordinary user: the same attacks as tests/test_grading.py.

As root (CI), the test creates the Unix user ``kitgrader`` and runs the whole pipeline
(release, collect, grade) as that user, in a private mount namespace where the
interpreter's folders are reachable (on CI they may sit under ``/root``, which other users
cannot traverse; nothing is changed on the real disk). As an ordinary user, it runs the
pipeline as itself. It is skipped only when neither is possible.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.grading import fixture
from tools.grading import sandbox

KIT = Path(__file__).resolve().parents[1]
USER = "kitgrader"
KINDS = [
    "correct",
    "read_solutions",
    "persistence",
    "daemon",
    "cross_kernel",
    "network",
    "sigint_ignored",
    "disk_full",
    "tamper_gc",
    "html_injection",
]

SCRIPT = r"""
import json, os, socket, sys, sysconfig
from pathlib import Path
import nbformat
from tests.grading import fixture
from tools.grading import collect, grade, release
base = Path(sys.argv[1])
kinds = sys.argv[2].split(",")
root = fixture.build_course(base / "cours", timeout=3)
assert release.release(fixture.ASSIGNMENT, root, quiet=True) == 0
rel = nbformat.read(root / "exercises" / fixture.ASSIGNMENT / f"{fixture.ASSIGNMENT}.ipynb", 4)
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(8)
tokens = {"ROOT": str(root), "KIT": sys.argv[3], "HOME": os.path.expanduser("~"),
          "PORT": str(server.getsockname()[1]), "VENV": sysconfig.get_paths()["purelib"]}
students = fixture.write_class(base / "remises", rel, kinds, tokens)
collect.collect(fixture.ASSIGNMENT, base / "remises", root, quiet=True)
res = grade.grade(root, fixture.ASSIGNMENT, timeout=3, quiet=True)
texts = {}
for student, kind in students.items():
    nb = nbformat.read(root / "autograded" / student / fixture.ASSIGNMENT
                       / f"{fixture.ASSIGNMENT}.ipynb", 4)
    texts[kind] = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                          for o in c.get("outputs", []))
out = {"uid": os.getuid(), "tokens": tokens, "texts": texts,
       "rows": {students[s]: r for (s, a), r in res.items()}}
from tools.grading import sandbox, worker
if sandbox.detect() == "fork":  # one fork sandbox seen from the inside
    zbase = base / "zbase"
    zbase.mkdir(mode=0o711)
    zygote = sandbox.Zygote(str(zbase), None, worker.PRELOAD)
    zygote.wait()
    kernel = worker.SandboxKernel(str(zbase), "fork", None, zygote=zygote.path)
    kernel.wait_ready()
    outputs = []
    kernel.execute(fixture.SANDBOX_REPORT, 30, outputs, [0])
    kernel.dispose()
    zygote.close()
    out["sandbox"] = json.loads(outputs[0]["text"])
    out["copy_limit"] = sandbox.copy_limit()
(base / "resultat.json").write_text(json.dumps(out, default=str))
"""


def _blocked_ancestors(paths: list[str], uid: int) -> list[tuple[str, list[str]]]:
    """Folders another user cannot traverse above the interpreter's paths."""
    out: dict[str, list[str]] = {}
    for path in paths:
        for parent in reversed(Path(path).parents):
            st = parent.stat()
            if st.st_uid != uid and not st.st_mode & stat.S_IXOTH:
                out.setdefault(str(parent), []).append(path)
                break
    return sorted(out.items())


def _ensure_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(USER)


def _command_as_user(base: Path, home: Path) -> list[str]:
    """As root: a private mount namespace, interpreter folders reachable, then kitgrader."""
    user = _ensure_user()
    for path in (base, home):
        for dirpath, _, filenames in os.walk(path):
            os.chown(dirpath, user.pw_uid, user.pw_gid)
            for name in filenames:
                os.chown(os.path.join(dirpath, name), user.pw_uid, user.pw_gid)
    needed = sandbox.python_paths() + [str(KIT)]
    lines = ["set -e", "mount --make-rprivate /"]
    stage = tempfile.mkdtemp(prefix="kit-stage-")
    for i, (blocked, paths) in enumerate(_blocked_ancestors(needed, user.pw_uid)):
        for j, path in enumerate(paths):
            lines += [f"mkdir -p {stage}/{i}-{j}", f"mount --bind '{path}' {stage}/{i}-{j}"]
        lines.append(f"mount -t tmpfs -o mode=755 tmpfs '{blocked}'")
        for j, path in enumerate(paths):
            lines += [f"mkdir -p '{path}'", f"mount --bind {stage}/{i}-{j} '{path}'"]
    lines.append('exec "$@"')
    return [
        "unshare",
        "--mount",
        "--",
        "sh",
        "-c",
        "\n".join(lines),
        "kit-user",
        "setpriv",
        f"--reuid={user.pw_uid}",
        f"--regid={user.pw_gid}",
        "--clear-groups",
        "--",
    ]


@pytest.fixture(scope="module")
def as_user(tmp_path_factory):
    if not sys.platform.startswith("linux"):
        pytest.skip("le bac à sable de la correction demande Linux")
    if not shutil.which("bwrap"):
        pytest.skip("bubblewrap absent (make grading-deps)")
    base = Path(tempfile.mkdtemp(prefix="kit-user-grading-"))
    home = base / "maison"
    home.mkdir()
    os.chmod(base, 0o755)
    env = {
        "PATH": os.path.dirname(sys.executable) + ":/usr/bin:/bin",
        "HOME": str(home),
        "PYTHONPATH": str(KIT),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "agg",
        "KIT_GRADING_COPY_MB": "16",
    }
    work = base / "travail"
    work.mkdir()
    argv = [sys.executable, "-c", SCRIPT, str(work), ",".join(KINDS), str(KIT)]
    if os.geteuid() == 0:
        if not (shutil.which("unshare") and shutil.which("setpriv") and shutil.which("useradd")):
            pytest.skip("root sans unshare/setpriv/useradd : pas d'utilisateur ordinaire")
        argv = _command_as_user(base, home) + argv
    try:
        proc = subprocess.run(
            argv, cwd=str(KIT), env=env, capture_output=True, text=True, timeout=600
        )
        if proc.returncode != 0 and "bwrap" in proc.stderr and "namespace" in proc.stderr:
            pytest.skip("espaces de noms utilisateur indisponibles pour un utilisateur ordinaire")
        assert proc.returncode == 0, proc.stderr[-3000:]
        yield json.loads((work / "resultat.json").read_text())
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_runs_as_an_ordinary_user(as_user):
    assert as_user["uid"] != 0


def test_user_scores(as_user):
    for kind in KINDS:
        expected, flags = fixture.EXPECTED[kind]
        row = as_user["rows"][kind]
        assert row["auto_score"] == expected, (kind, row["cells"])
        assert flags <= set(row["flags"]), (kind, row["flags"])
        assert "erreur_interne" not in row["flags"], kind


def test_user_attacks_blocked(as_user):
    """What the trainee wrote outside its copy never reaches the real disk."""
    texts, tokens = as_user["texts"], as_user["tokens"]
    assert "VOLES 0" in texts["read_solutions"]
    for name in ("paquet", "pyc", "pth", "donnees"):  # read-only in the sandbox
        assert f"BLOQUE {name}" in texts["persistence"], (name, texts["persistence"])
    for name, path in fixture.PERSIST_TARGETS.items():
        for token, value in tokens.items():
            path = path.replace(f"@@{token}@@", value)
        if name in ("carnet", "autre_copie"):
            assert b"porte derobee" not in Path(path).read_bytes(), name
        else:
            assert not Path(path).exists(), (name, path)
    assert "NOYAUX 1" in texts["cross_kernel"] or "NOYAUX 0" in texts["cross_kernel"]
    assert int(re.search(r"PROCESSUS (\d+)", texts["cross_kernel"]).group(1)) <= 3
    assert "RESEAU ferme" in texts["network"]
    assert re.search(r"ECRIT ([0-9]|1[0-5]) Mo", texts["disk_full"]), texts["disk_full"]
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                assert Path(f"/proc/{pid}/cmdline").read_bytes() != b"sleep\x004242\x00"
            except OSError:
                pass


def test_user_fork_sandbox_rights_and_limits(as_user):
    if "sandbox" not in as_user:
        pytest.skip("pas de bac à sable par fork ici (repli sur bubblewrap)")
    report = as_user["sandbox"]
    assert report["uid"] == as_user["uid"]  # its own uid, mapped in a user namespace
    assert int(report["cap_eff"], 16) == 0 and int(report["cap_bnd"], 16) == 0
    assert report["no_new_privs"] == "1" and report["pids"] == [1, 2]
    assert report["copy_bytes"] == as_user["copy_limit"]
    assert report["interfaces"] == ["lo"] and report["kit_writable"] is False
