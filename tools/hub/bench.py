"""Load benchmark of the classroom (a measurement, not a test): ``python -m tools.hub.bench``.

Starts a hub (``tools.hub`` code path, temporary state, real Unix accounts ``kit-bench-NN``)
with N trainees (20 by default), then:

1. asks the hub to start every trainee's server at once (REST API) and measures the time
   until all are ready;
2. in every server at once, starts a kernel (kernel API) and runs module 3's exercise with
   the model answers filled in, cell by cell over the kernel's websocket; measures per
   trainee the time to the first result (first cell's reply) and to the whole notebook;
3. samples the machine's used memory (``MemTotal - MemAvailable``) every 0.5 s and reports
   the peak above the level before the servers started.

Needs root (accounts) like ``make hub``; removes the accounts at the end. Prints one table;
nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

from tools.hub.provision import ROOT

ASSIGNMENT = "03-communication-continue"


def mem_used_mb() -> float:
    info = {}
    for line in Path("/proc/meminfo").read_text().splitlines():
        key, value = line.split(":", 1)
        info[key] = int(value.split()[0])
    return (info["MemTotal"] - info["MemAvailable"]) / 1024


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def api(url: str, token: str, method: str = "GET", body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", f"token {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=120) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else None


def cells_to_run() -> list[str]:
    from tests.grading.bench import module_answers, module_submission

    exercise, answers = module_answers(ASSIGNMENT)[ASSIGNMENT]
    nb = module_submission(exercise, answers, "correct")
    return [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]


async def run_notebook(base: str, user: str, token: str, cells: list[str]) -> dict:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    loop = asyncio.get_running_loop()
    kernel = await loop.run_in_executor(
        None, lambda: api(f"{base}/user/{user}/api/kernels", token, "POST", {"name": "python3"})
    )
    ws_url = base.replace("http", "ws") + f"/user/{user}/api/kernels/{kernel['id']}/channels"
    conn = await websocket_connect(
        # 20 kernels start at once on 2 cores: tornado's default 20 s is not enough
        HTTPRequest(
            ws_url,
            headers={"Authorization": f"token {token}"},
            connect_timeout=180,
            request_timeout=180,
        ),
        max_message_size=64 * 2**20,
    )
    session = uuid.uuid4().hex
    t0 = time.perf_counter()
    first = None
    errors = 0
    for source in cells:
        msg_id = uuid.uuid4().hex
        msg = {
            "header": {
                "msg_id": msg_id,
                "username": user,
                "session": session,
                "msg_type": "execute_request",
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": {},
            "content": {"code": source, "silent": False, "store_history": True},
            "channel": "shell",
            "buffers": [],
        }
        await conn.write_message(json.dumps(msg))
        while True:
            raw = await asyncio.wait_for(conn.read_message(), timeout=600)
            if raw is None:
                raise RuntimeError(f"{user}: websocket closed")
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if reply["msg_type"] == "execute_reply":
                errors += reply["content"]["status"] != "ok"
                break
        if first is None:
            first = time.perf_counter() - t0
    total = time.perf_counter() - t0
    conn.close()
    return {"user": user, "first": first, "total": total, "errors": errors}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="nombre de stagiaires")
    parser.add_argument("--port", type=int, default=0, help="défaut : un port libre")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("Le banc d'essai crée des comptes Unix : lancez-le en root.", file=sys.stderr)
        return 2
    if not args.port:
        from tools.hub.provision import free_port

        args.port = free_port()
    state = Path(tempfile.mkdtemp(prefix="kit-hub-bench-"))
    state.chmod(0o755)
    users = [f"kit-bench-{i:02d}" for i in range(1, args.n + 1)]
    roster = state / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["identifiant", "prénom", "nom", "courriel"])
        w.writerows([u, "Stagiaire", u[-2:], f"{u}@exemple.be"] for u in users)
    token = secrets.token_hex(24)
    env = {**os.environ, "KIT_HUB_SERVICE_TOKEN": token}
    cmd = [sys.executable, "-m", "tools.hub", "--roster", str(roster), "--state"]
    cmd += [str(state / "hub"), "--home-base", str(state / "home"), "--port", str(args.port)]
    cmd += ["--instructor", "kit-bench-formateur"]
    log = (state / "hub.log").open("w")
    hub = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{args.port}"
    samples: list[float] = []
    stop = threading.Event()
    try:
        deadline = time.monotonic() + 1800
        while True:
            try:
                api(f"{base}/hub/api/", token)
                break
            except OSError:
                if hub.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"le hub ne démarre pas : {state / 'hub.log'}") from None
                time.sleep(1)
        cells = cells_to_run()
        baseline = mem_used_mb()

        def sample() -> None:
            while not stop.is_set():
                samples.append(mem_used_mb())
                time.sleep(0.5)

        threading.Thread(target=sample, daemon=True).start()
        t0 = time.perf_counter()
        for user in users:
            api(f"{base}/hub/api/users/{user}/server", token, "POST", {})
        pending = set(users)
        while pending:
            for user in list(pending):
                model = api(f"{base}/hub/api/users/{user}", token)
                server = model.get("servers", {}).get("", {})
                if server.get("ready"):
                    pending.discard(user)
            time.sleep(1)
        all_ready = time.perf_counter() - t0

        async def everyone():
            return await asyncio.gather(*(run_notebook(base, u, token, cells) for u in users))

        t1 = time.perf_counter()
        results = asyncio.run(everyone())
        run_wall = time.perf_counter() - t1
        stop.set()
        firsts = [r["first"] for r in results]
        totals = [r["total"] for r in results]
        print(f"stagiaires                          {len(users)}")
        print(f"cellules de code du module 3        {len(cells)}")
        print(f"serveurs prêts (tous)               {all_ready:.1f} s")
        print(
            f"premier résultat p50 / p95 / max    {statistics.median(firsts):.2f} / "
            f"{pct(firsts, 0.95):.2f} / {max(firsts):.2f} s"
        )
        print(
            f"notebook complet p50 / p95 / max    {statistics.median(totals):.1f} / "
            f"{pct(totals, 0.95):.1f} / {max(totals):.1f} s"
        )
        print(f"exécution simultanée (mur)          {run_wall:.1f} s")
        print(f"erreurs de cellules                 {sum(r['errors'] for r in results)}")
        extra = max(samples) - baseline
        print(
            f"mémoire : avant {baseline:.0f} Mo, pic {max(samples):.0f} Mo "
            f"(+{extra:.0f} Mo, {extra / len(users):.0f} Mo par stagiaire)"
        )
    finally:
        stop.set()
        hub.terminate()
        try:
            hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            hub.kill()
        log.close()
        if hub.returncode not in (0, -15):
            print((state / "hub.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        shutil.rmtree(state, ignore_errors=True)
        for user in ["kit-bench-formateur", *users]:  # the accounts go with their homes
            subprocess.run(["pkill", "-KILL", "-u", user], capture_output=True, check=False)
            subprocess.run(["userdel", user], capture_output=True, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
