"""Benchmark of `pyreason serve`: POST /api/ask under 1, 8, 64 and 256 clients, and /api/ask while a
10,000-line /api/batch (every line its own text) runs. Needs wrk (Debian: apt-get install wrk) and the web extra.

    .venv/bin/python bench/web_bench.py [--workers N] [--seconds S] [--json OUT]

Starts `pyreason serve --no-access-log` on a free loopback port, measures with wrk (keep-alive
connections, two threads), prints a table and, with --json, writes the figures. Exit 1 when a
target of issue 13 is missed: >= 1,500 req/s and p99 <= 20 ms at 8 clients; p99 of /api/ask <= 50 ms
while a 10k batch runs. At 64 and 256 clients the figures show how the server sheds load (503s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = {"question": "approver", "matter": "执行案款的发放",
            "facts": {"absent": ["局长"], "authorized": [{"from": "局长", "to": "副局长"}]}}
TARGETS = {"rps_8": 1500.0, "p99_ms_8": 20.0, "p99_ms_during_batch": 50.0}

LUA = """
wrk.method = "POST"
wrk.body = [[%s]]
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%%d,"duration_us":%%d,"non2xx":%%d,"socket_errors":%%d,' ..
    '"p50_us":%%d,"p90_us":%%d,"p99_us":%%d,"max_us":%%d}\\n', summary.requests, summary.duration, e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int | None) -> subprocess.Popen:
    args = [sys.executable, "-m", "pyreason", "serve", "--port", str(port), "--no-access-log"]
    if workers:
        args += ["--workers", str(workers)]
    proc = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    import httpx
    for _ in range(1200):
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read()[-500:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=2).json().get("ready"):
                return proc
        except (httpx.TransportError, ValueError):
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 120 s")


def wrk(url: str, clients: int, seconds: float, script: str) -> dict:
    threads = min(2, clients)
    done = subprocess.run(["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "5s",
                           "-s", script, url], capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("WRKJSON "))
    data = json.loads(line.removeprefix("WRKJSON "))
    return {"clients": clients, "rps": round(data["requests"] / (data["duration_us"] / 1e6), 1),
            "ok": data["requests"] - data["non2xx"], "503_or_other": data["non2xx"],
            "socket_errors": data["socket_errors"], "p50_ms": data["p50_us"] / 1000,
            "p90_ms": data["p90_us"] / 1000, "p99_ms": data["p99_us"] / 1000, "max_ms": data["max_us"] / 1000}


def _spaced(line: str, n: int) -> str:
    """The line with its first three colons followed by a number of spaces that spells n: every
    line of the batch is its own text, so none is answered from the engine's memory of answers."""
    parts = line.split('": ', 3)
    counts = [n % 22, n // 22 % 22, n // 484]
    return "".join(p + '":' + " " * (1 + c) for p, c in zip(parts, counts)) + parts[3]


def batch_in_background(base: str, lines: int, result: dict) -> threading.Thread:
    import httpx
    matters = ["执行案款的发放", "变卖", "抵债", "任务分配"]
    body = ("\n".join(_spaced(json.dumps({**SCENARIO, "matter": matters[i % 4]}, ensure_ascii=False), i // 4)
                      for i in range(lines)) + "\n").encode()

    def run() -> None:
        t = time.perf_counter()
        r = httpx.post(f"{base}/api/batch", content=body, timeout=1200)
        result.update(status=r.status_code, lines=len(r.text.splitlines()), seconds=round(time.perf_counter() - t, 2))
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=None, help="pyreason serve --workers (default: its own)")
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds per wrk run")
    parser.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("web_bench needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(port, args.workers)
    results: dict = {"cores": len(os.sched_getaffinity(0)), "runs": []}
    try:
        import httpx
        results["status"] = httpx.get(f"{base}/api/status").json()
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, encoding="utf-8") as f:
            f.write(LUA % json.dumps(SCENARIO, ensure_ascii=False))
            script = f.name
        wrk(f"{base}/api/ask", 8, 2, script)                               # warm up
        for clients in (1, 8, 64, 256):
            results["runs"].append(wrk(f"{base}/api/ask", clients, args.seconds, script))
            time.sleep(1)
        batch: dict = {}
        thread = batch_in_background(base, 10_000, batch)
        time.sleep(0.5)                                                     # the batch has begun
        during = wrk(f"{base}/api/ask", 8, min(args.seconds, 3), script)
        during["batch_still_running"] = thread.is_alive()
        thread.join()
        results["during_batch"] = {**during, "batch": batch}
        os.unlink(script)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    at8 = next(r for r in results["runs"] if r["clients"] == 8)
    checks = {"rps_8": at8["rps"] >= TARGETS["rps_8"], "p99_ms_8": at8["p99_ms"] <= TARGETS["p99_ms_8"],
              "p99_ms_during_batch": results["during_batch"]["p99_ms"] <= TARGETS["p99_ms_during_batch"]
              and results["during_batch"]["batch_still_running"]}
    results["targets"] = {k: {"target": TARGETS[k], "met": v} for k, v in checks.items()}
    print(f"pyreason serve, {results['status']['workers']} workers, {results['cores']} cores: POST /api/ask")
    print(f"{'clients':>8} {'req/s':>9} {'ok':>8} {'503/other':>10} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for r in results["runs"] + [results["during_batch"]]:
        label = str(r["clients"]) if r is not results["during_batch"] else f"{r['clients']}+batch"
        print(f"{label:>8} {r['rps']:>9} {r['ok']:>8} {r['503_or_other']:>10} {r['p50_ms']:>8.2f} "
              f"{r['p90_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['max_ms']:>8.2f}")
    b = results["during_batch"]["batch"]
    print(f"the 10k batch: status {b.get('status')}, {b.get('lines')} lines in {b.get('seconds')} s")
    for k, v in results["targets"].items():
        print(f"target {k} {v['target']}: {'met' if v['met'] else 'MISSED'}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
