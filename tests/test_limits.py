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
