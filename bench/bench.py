"""pyreason benchmarks: `make bench` writes bench/RESULTS.md. Medians of several runs, as ratios.

Not a test: nothing here asserts a time. Measured on whatever machine runs it, which
RESULTS.md names.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "kb" / "pyreason.pl"
EXAMPLE = ROOT / "examples" / "director_absent_authorised.yaml"
PY = sys.executable


def wall(cmd: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of ``cmd``, ``runs`` times (after one warm-up run for the file cache)."""
    subprocess.run(cmd, capture_output=True, check=True)
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, stdin=subprocess.DEVNULL)
        out.append(time.perf_counter() - t)
    return out


def cases() -> list[dict]:
    """Every valid scenario of tests/scenarios, without its expectations."""
    out = []
    for p in sorted((ROOT / "tests" / "scenarios").glob("*.yaml")):
        c = yaml.safe_load(p.read_text(encoding="utf-8"))
        if "error" not in c["expect"]:
            out.append({k: v for k, v in c.items() if k not in ("expect", "title", "rests_on")})
    return out


def batch_vs_bare(n: int, runs: int) -> tuple[list[float], list[float]]:
    """Per-answer seconds of a batch of ``n`` explained answers, and of one bare pyswip query,
    measured in the same process on the same engine."""
    from pyreason import KnowledgeBase, bridge
    kb = KnowledgeBase()
    pool = cases()
    scenarios = [pool[i % len(pool)] for i in range(n)]
    kb.ask_many(scenarios[:200])
    prolog = bridge.engine_for(kb.entry, kb.module).prolog
    batch, bare = [], []
    for _ in range(runs):
        t = time.perf_counter()
        results = kb.ask_many(scenarios)
        batch.append((time.perf_counter() - t) / n)
        assert all(r.get("status") in ("answered", "gap") for r in results)
        t = time.perf_counter()
        for _ in range(n):
            list(prolog.query(f"{kb.module}:article(N, T)", maxresult=1))
        bare.append((time.perf_counter() - t) / n)
    return batch, bare


def org_chart(n: int, directory: Path) -> tuple[Path, Path]:
    """A generated staff list of ``n`` (CSV: one director, a deputy per department of ten teams
    of ten) and 3,000 questions naming its persons."""
    import csv
    import random
    rows = [("局长0", "局长", "", "")]
    ladder = ["执行法官", "法官助理", "书记员"]
    d = 0
    while len(rows) < n:
        dept = f"处{d}"
        rows.append((f"副{d}", "副局长", "", dept))
        for t in range(10):
            team = f"团{d}-{t}"
            rows.append((f"队{d}-{t}", "团队长", team, dept))
            rows += [(f"员{d}-{t}-{m}", ladder[m % 3], team, dept) for m in range(9)]
        d += 1
    rows = rows[:n]
    chart = directory / f"staff-{n}.csv"
    with open(chart, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "post", "team", "department"])
        w.writerows(rows)
    rng = random.Random(n)
    members = [r[0] for r in rows if r[1] in ladder]
    qs = []
    for i in range(3000):
        a, b = rng.sample(members, 2)          # two different persons
        qs.append([{"question": "substitution", "substitute": a, "for": b},
                   {"question": "superior", "role": a},
                   {"question": "disagreement", "between": [a, b]}][i % 3])
    questions = directory / f"questions-{n}.jsonl"
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in qs), encoding="utf-8")
    return chart, questions


def org_timings(runs: int) -> dict[int, tuple[float, float]]:
    import tempfile
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000, 10000, 100000):
            chart, questions = org_chart(n, Path(tmp))
            check = med(wall([PY, "-m", "pyreason", "org", str(chart)], runs))
            batch = med(wall([PY, "-m", "pyreason", "batch", "--org", str(chart), str(questions)], runs))
            out[n] = (check, batch)
    return out


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swipl = subprocess.run(["swipl", "--version"], capture_output=True, text=True).stdout.strip()
    from importlib.metadata import version
    return (f"{os.cpu_count()} cores, {cpu}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {swipl}; pyswip {version('pyswip')}")


def ensure_compiled_kb() -> None:
    """Measure with the compiled KB in place: trigger its build and wait for it (at most 60 s)."""
    from pyreason.resources import kb_fingerprint
    subprocess.run([PY, "-m", "pyreason", "ask", str(EXAMPLE), "--format", "json"], capture_output=True)
    key = kb_fingerprint(KB.parent).split(":")[-1][:24]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pyreason"
    for _ in range(600):
        if list(base.glob(f"{key}-*/kb/pyreason.qlf")):
            return
        time.sleep(0.1)


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    ensure_compiled_kb()
    cold = wall([PY, "-m", "pyreason", "ask", str(EXAMPLE), "--format", "json"], runs)
    os.environ["PYREASON_NO_CACHE"] = "1"      # as on the very first run, before the KB is compiled
    first = wall([PY, "-m", "pyreason", "ask", str(EXAMPLE), "--format", "json"], runs)
    del os.environ["PYREASON_NO_CACHE"]
    bare_cold = wall([PY, "-c", "from pyswip import Prolog; p = Prolog(); "
                      f"list(p.query(\"kb_bare:load_files('{KB}', [])\"))"], runs)
    batch, bare = batch_vs_bare(5000, max(3, runs // 2))
    check = wall([PY, "-m", "pyreason", "check", "--format", "json"], max(3, runs // 2))
    t = time.perf_counter()
    subprocess.run([PY, "-m", "pyreason", "check", "--mutate", "--format", "json"], capture_output=True)
    mutate = time.perf_counter() - t
    orgs = org_timings(max(3, runs // 3))
    rows = {
        "cold ask": (med(cold), med(bare_cold), 1.5),
        "batch, per explained answer": (med(batch), med(bare), 3.0),
    }
    result = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "runs": runs,
              "cold_ask_s": med(cold), "cold_ask_uncached_s": med(first), "bare_import_consult_s": med(bare_cold),
              "batch_per_answer_us": med(batch) * 1e6, "bare_query_us": med(bare) * 1e6,
              "check_s": med(check), "check_mutate_s": mutate,
              "org": {str(n): {"check_s": c, "batch_s": b} for n, (c, b) in orgs.items()}}
    lines = [
        "# Benchmarks", "",
        f"Machine: {result['machine']}.  ",
        f"Date: {result['date']}. Medians of {runs} runs (batch: of {max(3, runs // 2)} runs of 5,000 answers).",
        "Written by `make bench` (bench/bench.py); timings, not tests.", "",
        "| measure | pyreason | baseline | ratio | target |",
        "| --- | --- | --- | --- | --- |",
        f"| cold `pyreason ask --format json` vs bare `import pyswip` + consult | {med(cold):.3f} s | "
        f"{med(bare_cold):.3f} s | {med(cold) / med(bare_cold):.2f}× | ≤ 1.5× |",
        f"| the same without the compiled KB (first run ever, or PYREASON_NO_CACHE) | {med(first):.3f} s | "
        f"{med(bare_cold):.3f} s | {med(first) / med(bare_cold):.2f}× | |",
        f"| batch, per explained answer vs one bare pyswip query | {med(batch) * 1e6:.0f} µs | "
        f"{med(bare) * 1e6:.0f} µs | {med(batch) / med(bare):.2f}× | ≤ 3× |",
        f"| `pyreason check` (every static and exhaustive check, coverage run) | {med(check):.2f} s | | | |",
        f"| `pyreason check --mutate` | {mutate:.1f} s | | | |",
        "",
        "The compiled KB is a .qlf of the KB, built in the background after the first clean load and",
        "kept in ~/.cache/pyreason under the KB's fingerprint and the SWI-Prolog version.",
        "",
        "## Org charts",
        "",
        "Generated staff lists (one director; per department a deputy and ten teams of ten), "
        "checked with `pyreason org`, and 3,000 questions naming their persons answered with "
        "`pyreason batch --org` (wall time, process start included).",
        "",
        "| staff | `pyreason org` (load and check) | `pyreason batch --org`, 3,000 questions |",
        "| --- | --- | --- |",
        *[f"| {n:,} | {c:.2f} s | {b:.2f} s |" for n, (c, b) in orgs.items()],
        "",
        f"100k against 10k: check {orgs[100000][0] / orgs[10000][0]:.1f}×, batch "
        f"{orgs[100000][1] / orgs[10000][1]:.1f}× (target ≤ 10×: near-linear growth).",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (ROOT / "bench" / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("\n".join(lines))
    rows["org check 100k vs 10k"] = (orgs[100000][0], orgs[10000][0], 10.0)
    rows["org batch 100k vs 10k"] = (orgs[100000][1], orgs[10000][1], 10.0)
    for name, (ours, base, target) in rows.items():
        if ours / base > target:
            print(f"target missed: {name}: {ours / base:.2f}× (target {target}×)")


if __name__ == "__main__":
    main()
