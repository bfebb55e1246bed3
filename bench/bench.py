"""pyreason benchmarks: `make bench` writes bench/RESULTS.md and bench/results.json.

Not a test: nothing here is asserted by the test suite. Every figure is measured in the same run
as its references, a bare pyswip query `true` and a plain Prolog rule, on whatever machine runs
it (RESULTS.md names it); the exit status is 1 when a target is missed.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "kb" / "pyreason.pl"
COMMITTEE = ROOT / "tests" / "kbs" / "committee15"    # a meeting of fifteen (issue 13)
EXAMPLE = ROOT / "examples" / "director_absent_authorised.yaml"
PY = sys.executable
PYREASON = [PY, "-m", "pyreason"]


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def cases() -> list[dict]:
    """Every case of the shipped KB that has an answer (its expectations dropped): the mix of
    question kinds measured."""
    out = []
    for p in sorted((ROOT / "kb" / "cases").glob("*.yaml")):
        c = yaml.safe_load(p.read_text(encoding="utf-8"))
        if "error" not in c["expect"]:
            out.append({k: v for k, v in c.items() if k not in ("expect", "title", "rests_on")})
    return out


def write_jsonl(path: Path, n: int) -> Path:
    pool = [json.dumps(c, ensure_ascii=False) for c in cases()]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(pool[i % len(pool)] + "\n")
    return path


def wall(cmd: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of ``cmd``, ``runs`` times (after one warm-up run for the file cache)."""
    subprocess.run(cmd, capture_output=True, check=True)
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, stdin=subprocess.DEVNULL)
        out.append(time.perf_counter() - t)
    return out


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of one run of ``cmd``, its output thrown away. Read by
    GNU time where there is one: a child's own maximum from wait4 also counts the pages of this
    process it was forked from."""
    t = time.perf_counter()
    if Path("/usr/bin/time").exists():
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        return int(done.stderr.strip().splitlines()[-1]) / 1024, time.perf_counter() - t
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - t


def in_process(n_batch: int, runs: int) -> dict[str, float]:
    """Per-call microseconds in one process, one engine: the bare pyswip query `true`, a batch
    answer (KnowledgeBase.answer_jsonl, what `pyreason batch` runs), KnowledgeBase.ask."""
    from pyreason import KnowledgeBase, bridge
    kb = KnowledgeBase()
    pool = cases()
    lines = [json.dumps(pool[i % len(pool)], ensure_ascii=False).encode() for i in range(n_batch)]
    kb.answer_jsonl(iter(lines[:500]), lambda b: None)
    prolog = bridge.engine_for(kb.entry, kb.module).prolog

    def bare(n: int = 20000) -> float:
        def loop() -> float:
            t = time.perf_counter()
            for _ in range(n):
                list(prolog.query("true"))
            return time.perf_counter() - t
        return bridge.on_engine(loop) / n * 1e6     # on the engine's own thread, as pyswip runs it

    # The same scenarios, each line's text its own (one more space after the first colon each
    # round of the pool): no line is answered from the engine's memory of answers given.
    distinct = [line.replace(b'": ', b'":' + b" " * (1 + i // len(pool)), 1) for i, line in enumerate(lines)]

    def batch(src: list[bytes], lines: int | None = None) -> float:
        bridge.on_engine(forget)            # (the warm-up made the context: its memory is there)
        t = time.perf_counter()
        count = kb.answer_jsonl(iter(src), lambda b: None)
        if lines is None:
            assert count.answered == n_batch and count.errors == 0, count
        else:                               # the space holds refused scenarios too
            assert count.lines == lines and count.answered + count.errors == lines, count
        return (time.perf_counter() - t) / len(src) * 1e6

    def forget() -> None:
        list(prolog.query("pyreason_engine:forget_answers_"))

    def ask(fresh: bool) -> float:
        """Each case asked once more (answered from memory), or each asked anew (the answers
        given forgotten once before the round: the first ask reads the batch context again)."""
        for s in pool:
            kb.ask(s)
        if fresh:
            bridge.on_engine(forget)
        t = time.perf_counter()
        for s in pool:
            kb.ask(s)
        return (time.perf_counter() - t) / len(pool) * 1e6
    # New questions, not the same ones spelled anew: scenarios of the KB's declared space (what
    # `pyreason check` and `diff` try), the six kinds in turn, each line a scenario of its own
    # (refused ones included, answered the long way as a batch answers them).
    from pyreason.diff import scenario_space
    kinds = [iter(q["scenarios"]) for q in scenario_space(kb, budget=n_batch, cases=False)]
    space: list[bytes] = []
    while kinds and len(space) < n_batch:
        for it in list(kinds):
            s = next(it, None)
            if s is None:
                kinds.remove(it)
            elif len(space) < n_batch:
                space.append(json.dumps(s, ensure_ascii=False).encode())
    out: dict[str, list[float]] = {"bare_true_us": [], "batch_us": [], "batch_distinct_us": [],
                                   "batch_space_us": [], "ask_us": [], "ask_distinct_us": []}
    for _ in range(runs):
        out["bare_true_us"].append(bare())
        out["batch_us"].append(batch(lines))
        out["batch_distinct_us"].append(batch(distinct))
        out["batch_space_us"].append(batch(space, len(space)))
        out["ask_us"].append(ask(False))
        out["ask_distinct_us"].append(ask(True))
    # The best of the runs, for every figure alike (as timeit reports): this machine's speed moves
    # by a quarter from one second to the next, and the least time is the cost with the least
    # of that noise in it.
    return {k: min(v) for k, v in out.items()}


def inside_prolog(tmp: Path) -> dict[str, float]:
    src = tmp / "cases.jsonl"
    src.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases()) + "\n", encoding="utf-8")
    done = subprocess.run(["swipl", str(ROOT / "bench" / "reasoning.pl"), str(ROOT / "kb"), str(src)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


LEAK_SCRIPT = r"""
import json, sys
from pyreason import KnowledgeBase
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
kb = KnowledgeBase()
pool = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
for s in pool * 20:
    kb.ask(s)
start = rss(); marks = []
for i in range(n):
    kb.ask(pool[i % len(pool)])
    if (i + 1) % (n // 10) == 0:
        marks.append(rss())
print(json.dumps({"start_mb": start, "marks_mb": marks}))
"""


def leak(tmp: Path, n: int) -> dict:
    """RSS of a process asking ``n`` questions through KnowledgeBase.ask (after a warm-up)."""
    src = tmp / "cases.jsonl"
    done = subprocess.run([PY, "-c", LEAK_SCRIPT, str(src), str(n)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


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
    """Measure with the compiled KB and engine in place: trigger their build and wait for them
    (at most 60 s)."""
    from pyreason.bridge import runtime_qlf_path
    from pyreason.resources import kb_fingerprint
    # The package's bytecode, as `make setup` compiles it (sources edited since: compiled again).
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "pyreason")], capture_output=True)
    subprocess.run([*PYREASON, "ask", str(EXAMPLE), "--format", "json"], capture_output=True)
    key = kb_fingerprint(KB.parent).split(":")[-1][:24]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pyreason"
    version = subprocess.run(["swipl", "-q", "-g", "current_prolog_flag(version, V), write(V), halt"],
                             capture_output=True, text=True).stdout.strip()
    engine = runtime_qlf_path(int(version)) if version.isdigit() else None
    for _ in range(600):
        if (list(base.glob(f"{key}-*/kb/pyreason.qlf.sha256"))          # sealed: built whole
                and (engine is None or engine.with_name("boot.qlf.sha256").is_file())):
            return
        time.sleep(0.1)


def cold_start(runs: int) -> dict[str, float]:
    """Seconds of a cold `pyreason ask FILE --format json`: with the compiled copies (the KB's and
    the engine's); without the KB's (its sources consulted, as the reference consults them; the
    engine's own copies kept); without any (PYREASON_NO_CACHE); and of the reference: `from pyswip
    import Prolog` and consulting the KB's files."""
    import shutil
    import tempfile
    from pyreason.resources import kb_fingerprint
    ensure_compiled_kb()
    ask = [*PYREASON, "ask", str(EXAMPLE), "--format", "json"]
    bare = [PY, "-c", "from pyswip import Prolog; p = Prolog(); "
                      f"list(p.query(\"kb_bare:load_files('{KB}', [])\"))"]
    # Without the KB's compiled copy: a cache of its own holding every other copy, and in the
    # KB's place an empty directory (read as "no copy", and never built into: nothing compiles
    # in the background while the runs are timed).
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pyreason"
    own = Path(tempfile.mkdtemp(prefix="pyreason-bench-"))
    shutil.copytree(base, own / "pyreason", symlinks=True)
    key = kb_fingerprint(KB.parent).split(":")[-1][:24]
    for kb_copy in (own / "pyreason").glob(f"{key}-swipl*"):
        shutil.rmtree(kb_copy)
        kb_copy.mkdir()
    variants = (("cold_ask_s", ask, None),
                ("cold_ask_kb_sources_s", ask, {**os.environ, "XDG_CACHE_HOME": str(own)}),
                ("cold_ask_uncached_s", ask, {**os.environ, "PYREASON_NO_CACHE": "1"}),
                ("bare_import_consult_s", bare, None))
    # In turn, one run of each per round (the machine's speed drifts over seconds: measured one
    # after the other, each command would meet a different machine).
    runs_of: dict[str, list[float]] = {key: [] for key, _, _ in variants}
    try:
        for key, cmd, env in variants:
            subprocess.run(cmd, capture_output=True, check=True, env=env)          # warm-up: the file cache
        for _ in range(max(runs, 15)):
            for key, cmd, env in variants:
                t = time.perf_counter()
                subprocess.run(cmd, capture_output=True, check=True, stdin=subprocess.DEVNULL, env=env)
                runs_of[key].append(time.perf_counter() - t)
    finally:
        shutil.rmtree(own, ignore_errors=True)
    return {k: med(v) for k, v in runs_of.items()}


def meeting_check(runs: int) -> dict:
    """Wall seconds of `pyreason check --kb tests/kbs/committee15` (every question over its
    declared scenario space, its cases, the static checks; process start included), and what its
    exhaustive run tried: the fifteen members' every distinct vote situation, or fewer if cut."""
    cmd = [*PYREASON, "check", "--kb", str(COMMITTEE), "--format", "json"]
    secs = wall(cmd, runs)
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL)
    [row] = json.loads(done.stdout)["exhaustive"]
    return {"check_s": med(secs), "tried": row["tried"], "exhaustive_s": row["seconds"],
            "complete": not (row["truncated"]["budget"] or row["truncated"]["time"]),
            "date": time.strftime("%Y-%m-%d"), "runs": runs, "machine": machine()}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--only", "cold"], ["--only", "meeting"]):
        print("usage: bench.py [--only cold|meeting]   (--only: measure that figure again, keep "
              "the other figures of bench/results.json; cold: the cold start; meeting: the check "
              "of a 15-member meeting)", file=sys.stderr)
        return 2
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    sizes = [int(x) for x in os.environ.get("BENCH_BATCH_SIZES", "10000,100000,1000000").split(",")]
    leak_n = int(os.environ.get("BENCH_LEAK_ASKS", "100000"))
    if args:
        r = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        if args[1] == "cold":
            print("cold ask ...", file=sys.stderr)
            r.update(cold_start(runs))
            r["cold"] = {"date": time.strftime("%Y-%m-%d"), "runs": max(runs, 15), "machine": machine(),
                         "separate": True}
        else:
            print("check of a 15-member meeting ...", file=sys.stderr)
            r["meeting"] = meeting_check(runs)
        return report(r, [int(n) for n in r["batch_memory"]], leak_n)
    r: dict = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "runs": runs}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        r["batch_memory"] = {}
        for n in sizes:                       # first: before this process loads anything big
            print(f"batch of {n:,} lines ...", file=sys.stderr)
            src = write_jsonl(tmp / f"b{n}.jsonl", n)
            mb, secs = peak_rss_mb([*PYREASON, "batch", str(src)])
            r["batch_memory"][str(n)] = {"peak_rss_mb": mb, "wall_s": secs}
            src.unlink()
        print("in Prolog ...", file=sys.stderr)
        r["prolog"] = inside_prolog(tmp)
        print("in process ...", file=sys.stderr)
        r.update(in_process(10000, runs))
        print("cold ask ...", file=sys.stderr)
        r.update(cold_start(runs))
        r["cold"] = {"date": r["date"], "runs": max(runs, 15), "machine": r["machine"], "separate": False}
        print(f"leak: {leak_n:,} asks ...", file=sys.stderr)
        r["leak"] = leak(tmp, leak_n)
        print("check of a 15-member meeting ...", file=sys.stderr)
        r["meeting"] = meeting_check(runs)
    r["leak"]["growth_mb"] = r["leak"]["marks_mb"][-1] - r["leak"]["start_mb"]
    return report(r, sizes, leak_n)


def report(r: dict, sizes: list[int], leak_n: int) -> int:
    """Write bench/RESULTS.md and bench/results.json from the figures ``r``; 1 if a target is missed."""
    runs = r["runs"]
    bare, plain = r["bare_true_us"], r["prolog"]["plain_rule_us"]
    mem = r["batch_memory"]
    small, large = mem[str(sizes[0])]["peak_rss_mb"], mem[str(sizes[-1])]["peak_rss_mb"]
    mem100k = mem.get("100000", {}).get("peak_rss_mb")
    # (name, value, unit, against the bare true query?, target, met)
    rows = [
        ("batch, per explained answer (`pyreason batch`'s loop), the mix of the KB's cases", r["batch_us"], "µs",
         True, "≤ 3× bare `true`", r["batch_us"] <= 3 * bare),
        ("the same, every line's text its own (none answered from memory)", r["batch_distinct_us"], "µs", True,
         "≤ 3× bare `true`", r["batch_distinct_us"] <= 3 * bare),
        *([("the same, every line a new scenario of the KB's declared space (six kinds in turn, refused ones "
            "included)", r["batch_space_us"], "µs", True, "", None)] if "batch_space_us" in r else []),
        ("the reasoning alone: the KB's question goal with its facts", r["prolog"]["reasoning_us"], "µs", True,
         "≤ 20 µs", r["prolog"]["reasoning_us"] <= 20),
        ("the explained answer as data (`kb_ask/4`: conversion, reasoning, words)", r["prolog"]["kb_ask_us"], "µs",
         True, "", None),
        ("its JSON, written by the engine", r["prolog"]["json_us"], "µs", True, "", None),
        ("`KnowledgeBase.ask`, one call, a case asked before", r["ask_us"], "µs", True, "≤ 1.5× a batch answer",
         r["ask_us"] <= 1.5 * r["batch_us"]),
        ("`KnowledgeBase.ask`, one call, asked anew", r["ask_distinct_us"], "µs", True,
         "≤ 1.5× a batch answer (none from memory)", r["ask_distinct_us"] <= 1.5 * r["batch_distinct_us"]),
    ]
    cold = r["cold_ask_s"] / r["bare_import_consult_s"]
    cold_u = r["cold_ask_uncached_s"] / r["bare_import_consult_s"]
    cold_k = r["cold_ask_kb_sources_s"] / r["bare_import_consult_s"]
    growth = r["leak"]["growth_mb"]
    checks = [
        ("cold `pyreason ask --format json` vs bare `import pyswip` + consult", cold <= 1.2, f"{cold:.2f}×", "≤ 1.2×"),
        ("the same without the KB's compiled copy (its sources consulted, as the reference does)",
         cold_k <= 1.2, f"{cold_k:.2f}×", "≤ 1.2×"),
        ("the same without any compiled copy (`PYREASON_NO_CACHE=1`: the engine's own Prolog compiled too)",
         None, f"{cold_u:.2f}×", ""),
        (f"batch peak RSS, {sizes[-1]:,} lines vs {sizes[0]:,}", large - small <= 20,
         f"{large:.0f} MB vs {small:.0f} MB", "flat (± 20 MB)"),
        ("batch peak RSS, 100,000 lines", mem100k is not None and mem100k <= 150,
         f"{mem100k:.0f} MB" if mem100k else "not run", "≤ 150 MB"),
        (f"RSS over {leak_n:,} asks (leak)", abs(growth) <= 20, f"{growth:+.1f} MB", "± 20 MB"),
    ]
    meeting = r.get("meeting")
    if meeting:
        checks.append(("`pyreason check` of a 15-member meeting (tests/kbs/committee15), every situation tried",
                       meeting["complete"] and meeting["check_s"] <= 2.0,
                       f"{meeting['check_s']:.2f} s ({meeting['tried']:,} situations"
                       + (")" if meeting["complete"] else ", **cut short**)"), "≤ 2 s, none left out"))
    else:
        checks.append(("`pyreason check` of a 15-member meeting (tests/kbs/committee15)", False, "not run",
                       "≤ 2 s, none left out"))
    lines = [
        "# Benchmarks", "",
        f"Machine: {r['machine']}.  ",
        f"Date: {r['date']}. Per call in one process: the best of {runs} runs, every figure alike; inside "
        "Prolog the best of three, CPU time; whole processes (cold start, memory, the meeting check): medians. "
        "Written by `make bench` (bench/bench.py, bench/reasoning.pl); timings, not tests.", "",
        f"References measured in the same run: a bare pyswip query `true` **{bare:.1f} µs**; "
        f"a plain Prolog rule (grandparent over five facts, inside Prolog) **{plain:.2f} µs**.", "",
        "| per call | µs | × bare `true` | × plain rule | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
        *[f"| {name} | {v:.1f} | {v / bare:.2f}× | {v / plain:.0f}× | {target} | "
          f"{'' if ok is None else ('yes' if ok else '**no**')} |" for name, v, _, _, target, ok in rows],
        "",
        "| measure | value | target | met |",
        "| --- | --- | --- | --- |",
        *[f"| {name} | {value} | {target} | {'' if ok is None else ('yes' if ok else '**no**')} |"
          for name, ok, value, target in checks],
        "",
        f"Cold ask: {r['cold_ask_s']:.3f} s (without the KB's compiled copy {r['cold_ask_kb_sources_s']:.3f} s, "
        f"without any {r['cold_ask_uncached_s']:.3f} s) against "
        f"{r['bare_import_consult_s']:.3f} s for `from pyswip import Prolog` and consulting the KB's files"
        + (f" (medians of {r['cold']['runs']} runs of each, the commands in turn"
           + (f"; measured again on {r['cold']['date']}: `bench.py --only cold`" if r['cold'].get('separate', True) else "")
           + ")." if "cold" in r else "."),
        "",
        "`pyreason batch FILE` (output to /dev/null), the mix of the shipped KB's cases:",
        "",
        "| lines | peak RSS | wall time (process start included) |",
        "| --- | --- | --- |",
        *[f"| {int(n):,} | {m['peak_rss_mb']:.0f} MB | {m['wall_s']:.1f} s |" for n, m in mem.items()],
        "",
        f"Leak: RSS after a warm-up {r['leak']['start_mb']:.0f} MB; after each tenth of {leak_n:,} asks: "
        + ", ".join(f"{x:.0f}" for x in r["leak"]["marks_mb"]) + " MB.",
        "",
        *([f"The 15-member meeting: `pyreason check --kb tests/kbs/committee15` (a 主任委员, a 副主任委员 and "
           f"thirteen 委员 of one post), process start, static checks and cases included: median "
           f"{meeting['check_s']:.2f} s of {meeting['runs']} runs, of which the exhaustive run "
           f"{meeting['exhaustive_s']:.2f} s for {meeting['tried']:,} scenarios: the two named posts each "
           "absent or with one of three opinions, and how many 委员 hold each opinion"
           + (f" (measured again on {meeting['date']}: `bench.py --only meeting`)." if meeting.get("date") != r["date"]
              else ".")] if meeting else []),
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (ROOT / "bench" / "results.json").write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(lines))
    missed = [name for name, *_, ok in rows if ok is False] + [name for name, ok, *_ in checks if ok is False]
    for name in missed:
        print(f"target missed: {name}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
