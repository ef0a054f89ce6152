"""Execution of one sanitized submission in a pool worker (no gradebook access here).

The worker runs nbgrader's own ``Execute`` preprocessor (nbclient) with:

- an isolated kernel (see :mod:`tools.grading.isolation`), shut down immediately;
- the integrity guard (:mod:`tools.grading.guard`) installed before the first cell and
  called before and after every test cell;
- a cap on the size of the outputs kept in memory (errors are always kept).

It returns the executed notebook and what the guard saw; the parent process scores
and writes the gradebook.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing.util
import os
import secrets
import shutil
import threading
import time
import traceback

import nbformat
from jupyter_client.utils import run_sync as jc_run_sync
from nbclient.exceptions import DeadKernelError
from nbclient.util import ensure_async, run_hook, run_sync
from nbgrader.preprocessors import Execute

from tools.grading import guard, isolation

OUTPUT_CAP_BYTES = 2_000_000

# Modules imported while the kernel boots (before any student code, nothing added to the
# user namespace): the next kernel of each worker is started while the current submission
# runs, so these imports overlap with grading instead of adding to it. matplotlib and
# socialkit.style/strategy are what the modules' setup cells import.
PRELOAD = (
    "numpy",
    "pandas",
    "matplotlib",
    "socialkit",
    "socialkit.check",
    "socialkit.style",
    "socialkit.analysis.strategy",
)
_PRELOAD_LINE = (
    "_kit_ = [__import__('importlib').import_module(m) for m in " + repr(PRELOAD) + "]; del _kit_"
)
# Format one traceback at boot (in a throwaway namespace, nothing printed, sys.last_* not
# set): the first traceback of a kernel otherwise pays its formatter's warm-up.
_WARM_TB_LINE = (
    "exec(\"try:\\n raise ValueError('kit')\\nexcept ValueError as e:\\n "
    'get_ipython().InteractiveTB.structured_traceback(type(e), e, e.__traceback__)", {})'
)
# Spare kernels boot at a lower CPU priority than the submissions being executed (2 workers
# + 2 booting spares + the parent share the cores); a kernel is put back to normal priority
# when its job takes it. Only when the grader may raise the priority back (root).
SPARE_NICE = int(os.environ.get("KIT_GRADING_SPARE_NICE", "10"))
# Tracebacks in plain Python format (file, line, source line, exception) instead of
# IPython's "Context" mode, which runs stack_data + pygments on every frame: 10-200 ms per
# error, ~0.3 s on a blank submission (10 errors) against <1 ms. Scores only use the
# error's name and value; the feedback shows the kit's own messages.
TRACEBACK_MODE = "Plain"
KERNEL_ARGS = [
    "--HistoryManager.hist_file=:memory:",
    "--InteractiveShell.xmode=" + TRACEBACK_MODE,
    "--IPKernelApp.exec_lines=" + json.dumps([_PRELOAD_LINE, _WARM_TB_LINE]),
]


class KitExecute(Execute):
    """nbgrader's Execute with the integrity guard around test cells."""

    def __init__(self, *args, test_cells=(), output_cap=OUTPUT_CAP_BYTES, **kwargs):
        super().__init__(*args, **kwargs)
        self.kit_test_cells = set(test_cells)
        self.kit_output_cap = output_cap
        self.kit_reset()

    def kit_reset(self):
        self.kit_nonce = secrets.token_hex(8)
        self.kit_module = "_kit_guard_" + secrets.token_hex(6)
        self.kit_installed = None  # None: not tried, False: failed, True: ok
        self.kit_guard = {}
        self.kit_executed = []
        self.kit_output_bytes = 0
        self.kit_truncated = False
        self.kit_current = None
        self.kit_ready_at = None

    async def _kit_wait_for_ready(self, timeout):
        """jupyter_client's wait_for_ready, without its fixed 0.2 s IOPub wait.

        Same checks: a kernel_info reply on the shell channel, then one message on IOPub
        (the subscription is connected); polled every 20 ms instead of once per 0.2 s.
        """
        kc = self.kc
        deadline = time.monotonic() + (timeout if timeout else float("inf"))
        while True:
            kc.kernel_info()
            got_reply = False
            while time.monotonic() < deadline:
                try:
                    msg = await ensure_async(kc.shell_channel.get_msg(timeout=0.05))
                except Exception:  # noqa: BLE001 - queue.Empty
                    if not await ensure_async(kc.is_alive()):
                        raise RuntimeError("Kernel died before replying to kernel_info") from None
                    if got_reply:
                        break
                    continue
                if msg.get("msg_type") == "kernel_info_reply":
                    got_reply = True
                    for _ in range(10):
                        if await ensure_async(kc.iopub_channel.msg_ready()):
                            with contextlib.suppress(Exception):
                                await ensure_async(kc.iopub_channel.get_msg(timeout=0.02))
                            kc._handle_kernel_info_reply(msg)
                            return
                        await asyncio.sleep(0.02)
                    break
            if time.monotonic() >= deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    async def async_start_new_kernel_client(self):
        try:
            self.kc = self.km.client()
            await ensure_async(self.kc.start_channels())
            await self._kit_wait_for_ready(self.startup_timeout)
        except Exception as e:
            self.log.error("Error occurred while starting new kernel client: %s", e)
            await self._async_cleanup_kernel()
            raise
        self.kc.allow_stdin = False
        self.kit_ready_at = time.perf_counter()
        await run_hook(self.on_notebook_start, notebook=self.nb)
        return self.kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    async def _kit_eval(self, expression):
        msg_id = self.kc.execute(
            "", silent=True, store_history=False, user_expressions={"g": expression}
        )
        reply = await self.async_wait_for_reply(msg_id)
        if reply is None:
            return None
        value = reply.get("content", {}).get("user_expressions", {}).get("g", {})
        if value.get("status") != "ok":
            return None
        return value.get("data", {}).get("text/plain")

    async def _kit_install(self):
        text = await self._kit_eval(guard.install_expression(self.kit_nonce, self.kit_module))
        self.kit_installed = bool(text) and (self.kit_nonce + "|installed") in text

    async def _kit_check(self):
        if not self.kit_installed:
            return []  # no guard available: the parent records an internal problem
        call = secrets.token_hex(6)
        text = await self._kit_eval(guard.call_expression(self.kit_module, call))
        return guard.parse_reply(text, self.kit_nonce, call)

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type != "code":
            return cell
        if self.kit_installed is None:
            await self._kit_install()
        is_test = cell_index in self.kit_test_cells
        info = {}
        if is_test:
            info["pre"] = await self._kit_check()
        self.kit_current = cell_index
        result = await super().async_execute_cell(
            cell, cell_index, execution_count=execution_count, store_history=store_history
        )
        self.kit_executed.append(cell_index)
        if is_test:
            info["post"] = await self._kit_check()
            self.kit_guard[cell_index] = info
        return result

    execute_cell = run_sync(async_execute_cell)

    def output(self, outs, msg, display_id, cell_index):
        msg_type = msg.get("msg_type") or msg.get("header", {}).get("msg_type")
        if msg_type != "error":
            content = msg.get("content", {})
            size = (
                len(content.get("text", ""))
                if msg_type == "stream"
                else len(json.dumps(content.get("data", {}), default=str))
            )
            self.kit_output_bytes += size
            if self.kit_output_bytes > self.kit_output_cap:
                self.kit_truncated = True
                return None
        return super().output(outs, msg, display_id, cell_index)


class _Kernel:
    """A kernel started (isolated, in its own empty working copy) ahead of its job."""

    def __init__(self, job: dict, nice: int = 0):
        self.signature = _signature(job)
        self.workdir, self.data_link = isolation.prepare_workdir(
            job["base"], None, None, [], job["datasets"], job["isolation"]
        )
        env = isolation.kernel_env(self.workdir, self.data_link)
        km_class = isolation.make_kernel_manager_class(
            job["isolation"], self.workdir, env, job["hidden"]
        )
        self.km = km_class(kernel_name=job.get("kernel_name") or "python3")
        jc_run_sync(self.km.start_kernel)(extra_arguments=list(KERNEL_ARGS))
        self.nice = 0
        if nice:
            self.renice(nice)

    def renice(self, value: int) -> None:
        """Set the kernel's CPU priority (the launch chain execs: one pid)."""
        if os.geteuid() != 0 and value < self.nice:
            return
        try:
            pid = self.km.provisioner.process.pid
            os.setpriority(os.PRIO_PROCESS, pid, value)
            self.nice = value
        except (AttributeError, OSError):
            pass

    def dispose(self, background: bool = False) -> None:
        if background:
            thread = threading.Thread(target=self.dispose, daemon=True)
            thread.start()
            _DISPOSING.append(thread)
            return
        try:
            if self.km.has_kernel:
                jc_run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001
            pass
        shutil.rmtree(self.workdir, ignore_errors=True)


def _signature(job: dict) -> tuple:
    return (
        job["base"],
        job["isolation"],
        tuple(job["hidden"]),
        job["datasets"],
        job.get("kernel_name") or "python3",
    )


_SPARE: list = []
_DISPOSING: list = []


def _dispose_spare() -> None:
    while _SPARE:
        _SPARE.pop().dispose()
    while _DISPOSING:
        _DISPOSING.pop().join(timeout=10)


def prestart(template: dict) -> int:
    """Pool initialiser: start this worker's first kernel before any job arrives."""
    import os

    _register_cleanup()
    if not _SPARE and template.get("prestart", True):
        try:
            _SPARE.append(_Kernel(template))
        except Exception:  # noqa: BLE001
            pass
    return os.getpid()


def _take_kernel(job: dict) -> _Kernel:
    _register_cleanup()
    kernel = None
    if _SPARE and _SPARE[0].signature == _signature(job):
        kernel = _SPARE.pop()
    while _SPARE:  # a spare started for another assignment / setting
        _SPARE.pop().dispose(background=True)
    if kernel is None:
        kernel = _Kernel(job)
    elif kernel.nice:
        kernel.renice(0)
    # The parent says whether this worker will get another job (no spare after the last).
    if job.get("prestart", True) and job.get("prestart_next", True):
        try:
            nice = SPARE_NICE if os.geteuid() == 0 and SPARE_NICE > 0 else 0
            _SPARE.append(_Kernel(job, nice=nice))  # boots while this job runs
        except Exception:  # noqa: BLE001 - pre-start is only an optimisation
            pass
    return kernel


_FINALIZER_PID: list = []


def _register_cleanup() -> None:
    """Dispose the spare kernel when this worker exits (registries are reset by fork)."""
    import os

    if _FINALIZER_PID != [os.getpid()]:
        _FINALIZER_PID[:] = [os.getpid()]
        multiprocessing.util.Finalize(None, _dispose_spare, exitpriority=10)


def run_job(job: dict) -> dict:
    """Execute one submission. ``job`` is built by :mod:`tools.grading.grade`."""
    started = time.perf_counter()
    ep = None
    result = {
        "key": job["key"],
        "nb_json": None,
        "guard": {},
        "executed": [],
        "dead_at": None,
        "error": None,
        "guard_installed": None,
        "truncated": False,
    }
    kernel = None
    try:
        kernel = _take_kernel(job)
        workdir = kernel.workdir
        isolation.populate_workdir(
            workdir, job["notebook_file"], job["nb_json"], job["files"], job["isolation"]
        )
        nb = nbformat.from_dict(json.loads(job["nb_json"]))
        test_cells = [
            i
            for i, cell in enumerate(nb.cells)
            if cell.cell_type == "code"
            and cell.metadata.get("nbgrader", {}).get("grade")
            and not cell.metadata.get("nbgrader", {}).get("solution")
        ]
        ep = KitExecute(
            timeout=job["timeout"],
            startup_timeout=60,
            shutdown_kernel="immediate",
            interrupt_on_timeout=True,
            kernel_manager_class=type(kernel.km),
            test_cells=test_cells,
            output_cap=job.get("output_cap", OUTPUT_CAP_BYTES),
        )
        try:
            ep.preprocess(nb, {"metadata": {"path": workdir}}, km=kernel.km)
        except DeadKernelError:
            result["dead_at"] = ep.kit_current
        except Exception as exc:  # noqa: BLE001 - reported to the parent
            if "Kernel died" in str(exc) or "DeadKernel" in type(exc).__name__:
                result["dead_at"] = ep.kit_current
            else:
                result["error"] = f"{type(exc).__name__}: {exc}"
                result["trace"] = traceback.format_exc(limit=5)
        result["nb_json"] = json.dumps(nb)
        result["guard"] = {str(k): v for k, v in ep.kit_guard.items()}
        result["executed"] = list(ep.kit_executed)
        result["guard_installed"] = ep.kit_installed
        result["truncated"] = ep.kit_truncated
        # A cell interrupted by the kernel's death is not "executed".
        if result["dead_at"] is not None and result["dead_at"] in result["executed"]:
            result["executed"].remove(result["dead_at"])
    except Exception as exc:  # noqa: BLE001
        result["error"] = f"{type(exc).__name__}: {exc}"
        result["trace"] = traceback.format_exc(limit=5)
    finally:
        if kernel is not None:
            # Kill the kernel and clean its copy in the background: the result is ready.
            kernel.dispose(background=True)
        _DISPOSING[:] = [t for t in _DISPOSING if t.is_alive()]
    # "duration": the submission's own execution, from its kernel being ready to the executed
    # notebook; "wait": taking the pre-started kernel (and waiting for it to finish booting,
    # if it has not), writing the working copy and connecting to the kernel.
    ended = time.perf_counter()
    ready = ep.kit_ready_at if ep is not None and ep.kit_ready_at else started
    result["duration"] = ended - ready
    result["wait"] = ready - started
    return result
