"""Exhaustive checks scale with the KB, not with the size of a meeting (issue 13).

tests/kbs/committee15 (云中法〔2025〕3号) is a committee of fifteen: one 主任委员, one 副主任委员
and thirteen 委员 (Art. 2). The rules name the 主任委员 (he chairs, Art. 3(1); his vote decides a
tie, Art. 4(2); his 反对意见 opens a referral, Art. 5) and the 副主任委员 (who chairs in his
absence, Art. 3(1)), never one 委员 apart from another: so `pyreason check` tries the votes of
the 委员 as how many hold each opinion, and the two named posts with their own opinions. Every
distinct situation is then tried, none twice, within the default budget. (How long it takes is
a benchmark, bench/bench.py --only meeting, never a test.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMITTEE = ROOT / "tests" / "kbs" / "committee15"
OPINIONS = ("赞成", "反对", "弃权")            # Art. 4(1)
MEMBERS = 13                                   # Art. 2: 委员十三人


def every_situation() -> set[tuple]:
    """Each distinct vote situation, worked out here from the text alone: the 主任委员 and the
    副主任委员 each absent or giving one of the three opinions of Art. 4(1), and how many of the
    thirteen 委员 give each; someone votes."""
    own = (None, *OPINIONS)
    counts = [c for c in product(range(MEMBERS + 1), repeat=3) if sum(c) <= MEMBERS]
    return {(chair, vice, c) for chair, vice, c in product(own, own, counts)
            if chair or vice or sum(c)}


def situation(votes: list[dict]) -> tuple:
    by_post: dict[str, list[str]] = {}
    for v in votes:
        by_post.setdefault(v["role"], []).append(v["opinion"])
    assert set(by_post) <= {"主任委员", "副主任委员", "委员"}
    assert len(by_post.get("主任委员", [])) <= 1 and len(by_post.get("副主任委员", [])) <= 1
    members = Counter(by_post.get("委员", []))
    return ((by_post.get("主任委员") or [None])[0], (by_post.get("副主任委员") or [None])[0],
            tuple(members[o] for o in OPINIONS))


def test_the_situations_worked_out_by_hand():
    # 4 × 4 states of the two named posts, C(16, 3) = 560 ways to split at most 13 委员 over
    # three opinions, less the meeting where nobody votes.
    assert len(every_situation()) == 4 * 4 * 560 - 1 == 8959


def test_the_scenario_space_is_every_distinct_situation_once():
    code = ("import json; from pyreason.kb import KnowledgeBase; from pyreason.diff import scenario_space; "
            f"print(json.dumps(scenario_space(KnowledgeBase({str(COMMITTEE)!r}), budget=10000, cases=False), "
            "ensure_ascii=False))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    [meeting] = json.loads(done.stdout)
    assert meeting["question"] == "meeting" and meeting["truncated"] is False
    tried = [situation(s["votes"]) for s in meeting["scenarios"]]
    assert len(tried) == len(set(tried)), "a situation tried twice"
    assert set(tried) == every_situation()


def test_check_covers_every_situation_of_the_fifteen_member_meeting():
    done = subprocess.run([sys.executable, "-m", "pyreason", "check", "--kb", str(COMMITTEE), "--format", "json"],
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    [row] = result["exhaustive"]
    assert row["question"] == "meeting"
    assert row["truncated"] == {"budget": False, "time": False}
    assert row["tried"] == len(every_situation()) and row["errors"] == 0 and row["refused"] == 0
    # What the text leaves open shows in the run: nobody to chair (Art. 3(1)) and a chair who
    # abstained on a tie (Art. 4(2)); the quorum of Art. 3(2) is reached, so both appear.
    gaps = {f["message_en"].split()[1] for f in result["findings"] if f["check"] == "exhaustive_meeting"}
    assert gaps == {"g_no_chair", "g_chair_abstained_on_tie"}
    assert row["gaps"] > 0 and row["answered"] > 0
    assert result["scenarios"]["failing"] == 0


def test_a_holders_declaration_is_vetted_like_the_other_names(tmp_path):
    # holders(Post, N) names a known post and gives it a positive number of holders; else
    # check says where (the vocabulary check, as for unique_holder/1).
    import shutil
    kb = tmp_path / "committee15"
    shutil.copytree(COMMITTEE, kb, ignore=shutil.ignore_patterns("__pycache__", "*.qlf"))
    entry = kb / "pyreason.pl"
    rule = "holders(Post, N) :- seat(Post, N, _), N > 1.\n"
    text = entry.read_text(encoding="utf-8")
    assert text.count(rule) == 1
    entry.write_text(text.replace(rule, rule + "holders('秘书', 2).\nholders('主任委员', 0).\n"), encoding="utf-8")
    lines = entry.read_text(encoding="utf-8").splitlines()
    done = subprocess.run([sys.executable, "-m", "pyreason", "check", "--kb", str(kb), "--format", "json",
                           "--budget", "0"], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 1, done.stderr
    errors = [f for f in json.loads(done.stdout)["findings"]
              if f["check"] == "vocabulary" and f["severity"] == "error"]
    assert {(lines[f["line"] - 1], "秘书" in f["message_en"]) for f in errors} == {
        ("holders('秘书', 2).", True), ("holders('主任委员', 0).", False)}
