"""Limits a caller can rely on (issue 14.5): a flips search cut short by its time limit says
so; a deadline passed down by the caller (the web server's budget) is honoured."""

import time

import pytest

from pyreason import KnowledgeBase, ScenarioError

VOTES = {"question": "meeting", "meeting": "团队长联席会议",
         "votes": [{"role": "团队长", "opinion": f"意见{i % 7}", "name": f"人{i}"} for i in range(140)]}


def test_flips_cut_short_by_the_time_limit_say_so():
    # 140 votes give ~1,000 possible changes; 0.1 s cannot try them all.
    kb = KnowledgeBase(time_limit=0.01)
    start = time.monotonic()
    answer = kb.ask_with_flips(VOTES, lang="en")
    assert time.monotonic() - start < 2                 # not 1 s or 120 s past the limit
    assert answer["flips_complete"] is False
    assert "incomplete" in answer["flips_note"]


def test_flips_that_finish_say_they_are_complete(kb):
    answer = kb.ask_with_flips({"question": "approver", "matter": "变卖", "facts": {"absent": ["局长"]}})
    assert answer["flips_complete"] is True and "flips_note" not in answer and answer["flips"]


def test_a_deadline_is_honoured(kb):
    with pytest.raises(ScenarioError) as err:
        kb.ask({"question": "approver", "matter": "变卖"}, deadline=time.time() - 0.5)
    assert err.value.code == "time_limit"
    assert kb.ask({"question": "approver", "matter": "变卖"}, deadline=time.time() + 5)["status"] == "answered"


NO_LOADING = r"""
import json, sys
from pyreason import KnowledgeBase, bridge, ScenarioError
from pyreason.check import load_cases
# refused inputs too: unknown names (with the closest known ones), wrong types, missing fields
BAD = [{"question": "approver", "matter": "执行案款的发放x"}, {"question": "approver", "matter": "执行案款\"的发放"},
       {"question": "superior", "role": "局 长x"}, {"question": "approver", "matter": "变卖", "facts": {"absent": "局长"}},
       {"question": "approver", "matter": "变卖", "facts": {"authorized": [{"from": "局长"}]}},
       {"question": "substitution", "from": "书记员", "to": "不存在"}, {"question": "meeting"}]
out = {}
for d in sys.argv[1:]:                      # each KB on its own, loaded before its files are listed
    kb = KnowledgeBase(d)
    prolog = bridge.engine_for(kb.entry, kb.module).prolog
    files = lambda: bridge.on_engine(lambda: {r["F"] for r in prolog.query("source_file(F)")})
    before = files()
    scenarios = [{k: v for k, v in c.items() if k not in ("expect", "title", "rests_on")}
                 for _, c in load_cases(kb.kb_dir / "cases")] + BAD
    for s in scenarios:
        for _ in range(2):                  # the long way (a first question), then in one call
            try:
                kb.ask(s)
            except ScenarioError:
                pass
    kb.answer_jsonl(iter([json.dumps(s, ensure_ascii=False).encode() for s in scenarios]), lambda b: None)
    out[d] = {"asked": 2 * len(scenarios), "loaded": sorted(files() - before)}
print(json.dumps(out))
"""


def test_no_library_is_loaded_while_a_question_runs():
    # A time limit that rings while the autoloader loads a library leaves that library's
    # predicates undefined for the rest of the process (every later question an internal
    # error): whatever a question calls is loaded with the KB, never by the question. Every
    # case of two KBs and inputs refused, asked in a fresh process both ways and as a batch, loads
    # no file.
    import json
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", NO_LOADING, str(root / "kb"), str(root / "tests/kbs/court_b")],
                          capture_output=True, text=True, encoding="utf-8", cwd=root)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    assert len(result) == 2 and all(r["asked"] > 100 and r["loaded"] == [] for r in result.values()), result
