"""The bridge keeps no memory per call (issue 14.2): converting each reply to UTF-8 used to keep
about twice its size in SWI-Prolog's string buffers, for ever."""

from pyreason import bridge


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_replies_leave_nothing_behind(kb):
    # 3,000 replies of ~30 KB each: 180 MB kept before the fix, nothing now.
    request = {"op": "declarations"}
    for _ in range(300):
        bridge.call(kb.module, request)
    before = rss_mb()
    for _ in range(3000):
        bridge.call(kb.module, request)
    assert rss_mb() - before < 15
