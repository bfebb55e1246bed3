"""The Python API: plain values, what-ifs that never touch the base, the clean text."""

import json
import re

import pytest
import yaml

from pyreason import KnowledgeBase, ScenarioError

PLAIN = {"question": "approver", "matter": "执行案款的发放"}
WHAT_IFS = [
    {"question": "approver", "matter": "执行案款的发放",
     "facts": {"absent": ["局长"], "authorized": [{"from": "局长", "to": "副局长"}]}},
    {"question": "substitution", "substitute": "书记员", "for": "法官助理",
     "facts": {"ladder": ["书记员", "法官助理"], "absent": ["团队长"]}},
    {"question": "meeting", "meeting": "局务会议", "facts": {"major": True, "absent": ["分管副院长"]},
     "votes": [{"role": "局长", "opinion": "A"}, {"role": "副局长", "opinion": "B"}]},
]


def test_plain_rule_art_7_3(kb):
    # Art. 7(3): release of funds needs the director; Art. 9(1): the deputy's process approval.
    answer = kb.ask(PLAIN)
    assert answer["answer"]["approver"] == "局长"
    assert answer["answer"]["process_approver"] == "副局长"
    assert answer["citations"] == [{"article": 7, "paragraph": 1, "item": 3},
                                   {"article": 9, "paragraph": 1, "item": 1}]


def test_what_ifs_never_change_the_base(kb):
    before = [kb.ask(PLAIN), kb.ask({"question": "superior", "role": "书记员"})]
    for scenario in WHAT_IFS * 20:
        kb.ask(scenario)
    after = [kb.ask(PLAIN), kb.ask({"question": "superior", "role": "书记员"})]
    assert before == after
    # the scenario's ladder did not stick: 书记员 is again below 法官助理 by default
    again = kb.ask({"question": "substitution", "substitute": "书记员", "for": "法官助理"})
    assert again["answer"]["direction"] == "顺向"


def test_answers_are_deterministic(kb):
    for scenario in WHAT_IFS:
        assert kb.ask(scenario) == kb.ask(scenario)


def test_yaml_and_json_give_the_same_answer(kb, tmp_path):
    scenario = WHAT_IFS[0]
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(scenario, allow_unicode=True), encoding="utf-8")
    (tmp_path / "s.json").write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    assert kb.ask_file(str(tmp_path / "s.yaml")) == kb.ask_file(str(tmp_path / "s.json"))


def test_aliases_are_accepted(kb):
    # English ids, full-width letters and spacing all name the same role and matter.
    a = kb.ask({"question": "approver", "matter": "release_funds",
                "facts": {"absent": ["Director"], "authorized": [{"from": "director", "to": "ｄｅｐｕｔｙ"}]}})
    assert a["answer"]["approver"] == "副局长"
    assert kb.ask({"question": "approver", "matter": " 降价拍卖 "})["answer"]["matter"] == \
        "执行财产的处置、降价（撤回）拍卖、抵债和变卖"


def test_english_explanations(kb):
    answer = kb.ask(WHAT_IFS[0], lang="en")
    assert "acts in his place" in " ".join(s["text"] for s in answer["explanation"])
    assert answer["answer"]["approver"] == "副局长"  # outputs keep the Chinese names


def test_unknown_names_get_closest_suggestions(kb):
    with pytest.raises(ScenarioError) as info:
        kb.ask({"question": "approver", "matter": "执行案款发放"})
    assert info.value.field == "matter" and info.value.code == "unknown_matter"
    assert info.value.suggestions[0] == "执行案款的发放"


def test_the_clean_text(kb):
    doc = kb.document
    meta = doc["document"]
    assert (meta["number"], meta["title"], meta["status"]) == (
        "宛法〔2023〕123号", "关于落实执行管理层级负责制的若干规定（试行）", "试行")
    assert meta["preamble"].startswith("为全面落实执行体制改革工作要求") and meta["preamble"].endswith("制定本规定。")
    assert [a["number"] for a in doc["articles"]] == list(range(1, 16))
    texts = [p["text"] for a in doc["articles"] for p in a["paragraphs"]] + \
            [i["text"] for a in doc["articles"] for p in a["paragraphs"] for i in p["items"]]
    assert all("\n" not in t and not re.search(r"\s", t) for t in texts)
    assert [len(p["items"]) for p in kb.article(7)["paragraphs"]] == [6]
    assert len(kb.article(1)["paragraphs"]) == 6


def test_readings_are_listed(kb):
    readings = kb.readings()
    ids = {r["id"] for r in readings["gaps"]}
    assert {"g_tie_without_vp", "g_invitee_votes", "g_director_absent_unauthorised"} <= ids
    assert all(r["citations"] for part in readings.values() for r in part)


def test_one_kb_per_process(tmp_path):
    from pyreason import KBError
    (tmp_path / "pyreason.pl").write_text(":- module(other, []).\n")
    with pytest.raises(KBError):
        KnowledgeBase(tmp_path)


def test_batch_gives_each_answer_as_ask_does(kb):
    from pyreason import bridge
    scenarios = [PLAIN, *WHAT_IFS, {"question": "approver", "matter": "无此事项"}]
    # the bridge addresses a KB by the module it is loaded into; an answer records the KB's identity
    reply = bridge.call(kb.module, {"op": "batch", "scenarios": scenarios, "lang": "zh"})
    results = reply["results"]
    assert len(results) == len(scenarios)
    for scenario, result in zip(scenarios[:-1], results):
        result["kb"] = kb.identity
        asked = kb.ask(scenario)
        assert asked.pop("version")["date_given"] is False    # the stamp of the version in force is the caller's
        assert kb._contract_order(result) == asked
    assert results[-1]["error"]["code"] == "unknown_matter"   # a bad line does not stop the rest
