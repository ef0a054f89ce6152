"""Execution of one submission in a pool worker (no gradebook access here).

Two halves, never in the same process:

1. **sandbox** — the submission's cells *without the test cells* run in a Jupyter kernel
   inside its own bubblewrap sandbox (:mod:`tools.grading.sandbox`). The kernel never
   sees test code nor the instructor's notebook. Before each test (and each trusted cell
   that reads trainee names) the worker asks the kernel for the names it needs, as plain
   data (:mod:`tools.grading.plaindata`). Each cell has a deadline: interrupt, then kill
   the whole sandbox; nothing survives it.
2. **checks** — this worker process (forked from the grader, it never runs trainee code)
   replays the trusted cells and runs the test cells against that data
   (:mod:`tools.grading.checker`).

It returns the executed notebook (trainee outputs reduced to text and images, test
outputs from the checks) and a typed :class:`~tools.grading.model.JobResult`.
"""

from __future__ import annotations

import base64
import json
import multiprocessing.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from queue import Empty

import zmq
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.connect import write_connection_file

from tools.grading import checker, plaindata, sandbox
from tools.grading.model import Job, JobResult, TestResult

OUTPUT_CAP_BYTES = 2_000_000
INTERRUPT_GRACE = 1.0  # seconds between the interrupt and the kill
KEPT_MIME = ("text/plain", "image/png", "image/jpeg")
# Spare kernels boot at a lower CPU priority than the submission being executed (root
# only: the priority goes back to 0 when the job takes the kernel).
SPARE_NICE = int(os.environ.get("KIT_GRADING_SPARE_NICE", "10"))

# Modules imported while the kernel boots (before any trainee code, nothing added to the
# user namespace): the next kernel is started while the current submission runs.
PRELOAD = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "socialkit",
    "socialkit.check",
    "socialkit.style",
    "socialkit.analysis.strategy",
)
_PRELOAD_LINE = (
    "_kit_ = [__import__('importlib').import_module(m) for m in " + repr(PRELOAD) + "]; del _kit_"
)
KERNEL_ARGS = [
    "--HistoryManager.hist_file=:memory:",
    "--InteractiveShell.xmode=Plain",
    "--IPKernelApp.exec_lines=" + json.dumps([_PRELOAD_LINE]),
]


def preload_checks() -> None:
    """Import the kit's heavy modules in the grader (the checks' set-up cells use them)."""
    import importlib

    os.environ.setdefault("MPLBACKEND", "agg")
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # only an optimisation
            pass


class SandboxKernel:
    """A kernel in its own sandbox and working copy, started ahead of its job."""

    def __init__(
        self,
        base: str,
        isolation: str,
        datasets: str | None,
        nice: int = 0,
        zygote: str | None = None,
    ):
        self.signature = (base, isolation, datasets)
        self.isolation = isolation
        self.uid = None
        self.box: sandbox.ForkBox | None = None
        self.proc = None
        self.nice = nice if os.geteuid() == 0 else 0
        self.workdir = tempfile.mkdtemp(prefix="copie-", dir=base)
        env = sandbox.kernel_env(self.workdir, datasets)
        self.started = time.perf_counter()
        self.ready = False
        self.kc = BlockingKernelClient()
        # The kernel binds its sockets after we connect: retry every 10 ms, not 100 ms.
        self.kc.context.setsockopt(zmq.RECONNECT_IVL, 10)
        if isolation == "fork":
            # The fork server's sandbox: a forked, pre-imported kernel (tools.grading.zygote).
            self.box = sandbox.ForkBox(zygote, self.workdir, [datasets] if datasets else [], env)
            self.uid = self.box.uid
            conn = os.path.join(self.box.rundir, "kernel.json")
            write_connection_file(conn, transport="ipc", ip=os.path.join(self.box.rundir, "k"))
            try:
                self.box.start(["-f", conn, *KERNEL_ARGS], nice=self.nice)
            except Exception:
                self.box.dispose()
                shutil.rmtree(self.workdir, ignore_errors=True)
                raise
            self.kc.load_connection_file(conn)
            return
        run = os.path.join(self.workdir, sandbox.RUN_DIR)
        os.mkdir(run)
        conn = os.path.join(run, "kernel.json")
        write_connection_file(conn, transport="ipc", ip=os.path.join(run, "k"))
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", conn, *KERNEL_ARGS]
        if isolation == "bwrap":
            box = sandbox.Sandbox(self.workdir, readonly=[datasets] if datasets else [], env=env)
            box.prepare()
            self.uid = box.uid
            cmd, popen_env = box.command(argv), {"PATH": os.environ.get("PATH", "/usr/bin")}
        else:
            cmd, popen_env = argv, env
        if self.nice:
            cmd = ["nice", "-n", str(self.nice), *cmd]
        self.proc = subprocess.Popen(
            cmd,
            cwd=self.workdir,
            env=popen_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.kc.load_connection_file(conn)

    # -- lifecycle

    def renice(self) -> None:
        """Back to normal priority when its job takes it (root: the sandbox's own uid)."""
        if not self.nice:
            return
        try:
            if self.uid is not None:
                os.setpriority(os.PRIO_USER, self.uid, 0)
            else:
                os.setpriority(os.PRIO_PGRP, self.proc.pid, 0)
            self.nice = 0
        except OSError:
            pass

    def alive(self) -> bool:
        if self.box is not None:
            return self.box.alive()
        return self.proc.poll() is None

    def wait_ready(self, timeout: float = 60) -> None:
        """kernel_info reply on shell, then one IOPub message (polled every 20 ms).

        Fork sandbox: first the job's files go into the sandbox's own working copy."""
        if self.ready:
            return
        if self.box is not None:
            self.box.sync_in(timeout)
        self.kc.start_channels()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError("le noyau s'est arrêté au démarrage")
            self.kc.kernel_info()
            try:
                msg = self.kc.get_shell_msg(timeout=0.25)
            except Empty:
                continue
            if msg.get("msg_type") != "kernel_info_reply":
                continue
            for _ in range(25):
                try:
                    self.kc.get_iopub_msg(timeout=0.02)
                    self.ready = True
                    return
                except Empty:
                    continue
        raise RuntimeError(f"le noyau n'a pas répondu en {timeout:.0f} s")

    def interrupt(self) -> None:
        try:
            msg = self.kc.session.msg("interrupt_request", {})
            self.kc.control_channel.send(msg)
        except Exception:  # noqa: BLE001
            pass
        if self.isolation == "none":
            try:
                os.killpg(self.proc.pid, signal.SIGINT)
            except OSError:
                pass

    def kill(self) -> None:
        """Kill the sandbox (bwrap and, with it, its whole PID namespace). Fork sandbox:
        its PID 1 kills everything else and copies the working copy back first."""
        if self.box is not None:
            try:
                self.box.stop()
            finally:
                try:
                    self.kc.stop_channels()
                except Exception:  # noqa: BLE001
                    pass
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        try:
            self.kc.stop_channels()
        except Exception:  # noqa: BLE001
            pass

    def dispose(self) -> None:
        try:
            self.kill()
        finally:
            if self.box is not None:
                self.box.dispose()
            shutil.rmtree(self.workdir, ignore_errors=True)

    # -- execution

    def execute(self, source: str, timeout: float, outputs: list, cap: list) -> str:
        """Run one cell; fill ``outputs``; return ok | error | timeout | dead."""
        msg_id = self.kc.execute(source, store_history=True, allow_stdin=False)
        return self._collect(msg_id, timeout, outputs, cap)

    def evaluate(self, expression: str, timeout: float) -> tuple[str, str | None]:
        """``user_expressions`` of an empty request; return (status, text/plain)."""
        msg_id = self.kc.execute(
            "", silent=True, store_history=False, user_expressions={"e": expression}
        )
        reply: dict = {}
        status = self._collect(msg_id, timeout, [], [0], reply)
        if status in ("timeout", "dead"):
            return status, None
        value = reply.get("content", {}).get("user_expressions", {}).get("e", {})
        if value.get("status") != "ok":
            return "error", None
        return "ok", value.get("data", {}).get("text/plain")

    def _collect(self, msg_id, timeout, outputs, cap, reply_out=None) -> str:
        deadline = time.monotonic() + timeout
        idle = got_reply = False
        reply = None
        interrupted_at = None
        while not (idle and got_reply):
            now = time.monotonic()
            if interrupted_at is None and now > deadline:
                self.interrupt()
                interrupted_at = now
            if interrupted_at is not None and now > interrupted_at + INTERRUPT_GRACE:
                return "timeout"
            if not self.alive():
                return "dead"
            if not got_reply:
                # Once the kernel is idle, only the reply is missing: wait for it on the
                # shell channel (not 20 ms on an IOPub channel that has nothing more).
                try:
                    msg = self.kc.get_shell_msg(timeout=0.02 if idle else 0)
                    if msg.get("parent_header", {}).get("msg_id") == msg_id:
                        got_reply, reply = True, msg
                        if reply_out is not None:
                            reply_out.update(msg)
                except Empty:
                    pass
            if idle:
                continue
            try:
                msg = self.kc.get_iopub_msg(timeout=0.02)
            except Empty:
                continue
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg.get("msg_type")
            content = msg.get("content", {})
            if kind == "status" and content.get("execution_state") == "idle":
                idle = True
            else:
                _add_output(outputs, kind, content, cap)
        if interrupted_at is not None:
            return "timeout"
        content = (reply or {}).get("content", {})
        if content.get("status") == "error":
            if not any(o.get("output_type") == "error" for o in outputs):
                # The trainee hid the traceback (showtraceback…): the reply still says error.
                outputs.append(
                    {
                        "output_type": "error",
                        "ename": str(content.get("ename", "Error")),
                        "evalue": str(content.get("evalue", "")),
                        "traceback": [],
                    }
                )
            return "error"
        return "ok"


def _add_output(outputs: list, kind: str, content: dict, cap: list) -> None:
    """Trainee output → nbformat output, reduced to text and images (no HTML, no JS)."""
    if kind == "clear_output":
        outputs.clear()
        return
    if kind == "stream":
        text = str(content.get("text", ""))
        cap[0] += len(text)
        if cap[0] > OUTPUT_CAP_BYTES:
            return
        name = "stderr" if content.get("name") == "stderr" else "stdout"
        if outputs and outputs[-1].get("output_type") == "stream" and outputs[-1]["name"] == name:
            outputs[-1]["text"] += text
        else:
            outputs.append({"output_type": "stream", "name": name, "text": text})
        return
    if kind == "error":
        outputs.append(
            {
                "output_type": "error",
                "ename": str(content.get("ename", ""))[:200],
                "evalue": str(content.get("evalue", ""))[:2000],
                "traceback": [str(t)[:5000] for t in content.get("traceback", [])][-30:],
            }
        )
        return
    if kind not in ("display_data", "execute_result"):
        return
    data = {}
    for mime in KEPT_MIME:
        value = content.get("data", {}).get(mime)
        if not isinstance(value, str):
            continue
        if mime != "text/plain":
            try:
                base64.b64decode(value, validate=False)
            except ValueError:
                continue
        data[mime] = value
    if not data:
        return
    cap[0] += sum(len(v) for v in data.values())
    if cap[0] > OUTPUT_CAP_BYTES:
        return
    out = {"output_type": kind, "data": data, "metadata": {}}
    if kind == "execute_result":
        out["execution_count"] = content.get("execution_count")
    outputs.append(out)


# --------------------------------------------------------------------------- spare kernels

_SPARE: list[SandboxKernel] = []
_FINALIZER_PID: list[int] = []


def _register_cleanup() -> None:
    if _FINALIZER_PID != [os.getpid()]:
        _FINALIZER_PID[:] = [os.getpid()]
        multiprocessing.util.Finalize(None, _dispose_spare, exitpriority=10)


def _dispose_spare() -> None:
    while _SPARE:
        _SPARE.pop().dispose()


def prestart(template: dict) -> int:
    """Pool initialiser: start this worker's first kernel before any job arrives."""
    _register_cleanup()
    # The checks in this worker read the same datasets as the sandboxed kernels.
    if template.get("datasets"):
        os.environ["SOCIALKIT_DATA"] = template["datasets"]
    os.environ["MPLBACKEND"] = "agg"
    if not _SPARE and template.get("prestart", True):
        try:
            _SPARE.append(
                SandboxKernel(
                    template["base"],
                    template["isolation"],
                    template["datasets"],
                    zygote=template.get("zygote"),
                )
            )
        except Exception:  # noqa: BLE001 - only an optimisation
            pass
    return os.getpid()


WARM_BARRIER: list = []  # set by the grader before it forks the workers


def warm(plan: list[dict], timeout: float) -> None:
    """Replay the set-up cells the checks start from (cached per worker). All workers
    meet at a barrier first, so that each of them gets one of these tasks."""
    import threading as _threading

    if WARM_BARRIER:
        try:
            WARM_BARRIER[0].wait(timeout=10)
        except _threading.BrokenBarrierError:
            pass
    try:
        checker.warm([checker.PlanCell(**c) for c in plan], timeout)
    except Exception:  # noqa: BLE001 - only an optimisation
        pass


def _take_kernel(job: Job) -> SandboxKernel:
    _register_cleanup()
    signature = (job.base, job.isolation, job.datasets)
    kernel = None
    while _SPARE:
        spare = _SPARE.pop()
        if kernel is None and spare.signature == signature and spare.alive():
            kernel = spare
        else:
            spare.dispose()
    if kernel is None:
        kernel = SandboxKernel(job.base, job.isolation, job.datasets, zygote=job.zygote)
    kernel.renice()
    if job.prestart and job.prestart_next:
        try:
            _SPARE.append(
                SandboxKernel(job.base, job.isolation, job.datasets, SPARE_NICE, job.zygote)
            )
        except Exception:  # noqa: BLE001
            pass
    return kernel


def _copy_files(workdir: str, files: list[tuple[str, str]], isolation: str) -> None:
    for src, rel in files:
        dest = os.path.join(workdir, rel)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(src, dest)
    if isolation == "bwrap" and os.geteuid() == 0:
        owner = os.stat(workdir).st_uid
        for _, rel in files:
            path = os.path.join(workdir, rel)
            while os.path.realpath(path) != os.path.realpath(workdir):
                os.lchown(path, owner, owner)
                path = os.path.dirname(path)


# --------------------------------------------------------------------------- the job


def run_job(job: Job) -> JobResult:
    """Execute one notebook of one submission; see the module docstring."""
    started = time.perf_counter()
    result = JobResult(key=job.key)
    kernel = None
    try:
        nb = json.loads(job.nb_json)
        plan = [checker.PlanCell(**c) for c in job.plan]
        kernel = _take_kernel(job)
        _copy_files(kernel.workdir, job.files, job.isolation)
        kernel.wait_ready()
        ready = time.perf_counter()
        result.wait = ready - started
        exports: dict[int, dict | None] = {}
        stopped: dict[int, str] = {}
        cap = [0]
        for cell in plan:
            if cell.needs:
                status, text = kernel.evaluate(plaindata.export_expression(cell.needs), job.timeout)
                if status in ("timeout", "dead"):
                    stopped[cell.index] = status
                    break
                exports[cell.index] = plaindata.parse_export(text) if status == "ok" else None
            if cell.role == "test":
                continue
            outputs: list = []
            status = kernel.execute(cell.source, job.timeout, outputs, cap)
            nb["cells"][cell.index]["outputs"] = outputs
            result.executed.append(cell.index)
            if status in ("timeout", "dead"):
                stopped[cell.index] = status
                if status == "timeout":
                    outputs.append(
                        {
                            "output_type": "error",
                            "ename": "CellTimeoutError",
                            "evalue": f"Délai dépassé ({job.timeout} s) : cellule interrompue.",
                            "traceback": [],
                        }
                    )
                break
        result.truncated = cap[0] > OUTPUT_CAP_BYTES
        result.stopped = {str(k): v for k, v in stopped.items()}
        kernel.kill()  # nothing of the trainee runs past this point
        result.removed = sandbox.scrub_workdir(kernel.workdir)
        outcomes = checker.check(plan, exports, stopped, kernel.workdir, job.timeout)
        for index, outcome in outcomes.items():
            nb["cells"][index]["outputs"] = outcome.outputs
            result.tests[str(index)] = TestResult(outcome.status, outcome.message)
        result.nb_json = json.dumps(nb)
        result.duration = time.perf_counter() - ready
    except Exception as exc:  # noqa: BLE001 - reported to the parent as an internal error
        result.error = f"{type(exc).__name__}: {exc}"
        result.trace = traceback.format_exc(limit=6)
    finally:
        if kernel is not None:
            threading.Thread(target=kernel.dispose, daemon=True).start()
    result.total = time.perf_counter() - started
    return result
