"""Org-chart checking at scale (issue 14.10): `pyreason org` wall time (process start
included) on generated charts of N persons: a valid chart (one director; departments of ten
teams of ten), one long reports_to chain, one reports_to cycle through everyone, and everyone
reporting to a stranger. Usage: python bench/org_scale.py [N ...] (default 10000 100000)."""

from __future__ import annotations

import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def chart(kind: str, n: int, path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "post", "team", "department", "reports_to"])
        if kind == "valid":
            w.writerow(["局长0", "局长", "", "", ""])
            for i in range(1, n):
                w.writerow([f"p{i}", "书记员", f"团{i // 10}", f"处{i // 100}", ""])
        for i in range(n if kind != "valid" else 0):
            boss = {"chain": f"p{i + 1}" if i + 1 < n else "", "cycle": f"p{(i + 1) % n}", "strangers": f"x{i}"}[kind]
            w.writerow([f"p{i}", "书记员", "", "", boss])


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print("| persons | chart | exit | wall s | peak RSS MB | stderr bytes |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for kind in ("valid", "chain", "cycle", "strangers"):
                path = Path(tmp) / f"{kind}-{n}.csv"
                chart(kind, n, path)
                t = time.monotonic()
                done = subprocess.run([sys.executable, "-m", "pyreason", "org", str(path), "--lang", "en"],
                                      capture_output=True, stdin=subprocess.DEVNULL)
                wall = time.monotonic() - t
                rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                print(f"| {n:,} | {kind} | {done.returncode} | {wall:.1f} | {rss:.0f} | {len(done.stderr):,} |",
                      flush=True)


if __name__ == "__main__":
    main()
