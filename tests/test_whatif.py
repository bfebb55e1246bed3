"""What-if at scale: batch in input order, flips (counterfactuals), compare."""

import json

import pytest
from click.testing import CliRunner

from pyreason.cli import main


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args, input=None: runner.invoke(main, [str(a) for a in args], input=input,
                                                   catch_exceptions=False)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_batch_answers_in_input_order_and_bad_lines_go_on(run, kb, tmp_path):
    lines = [
        {"question": "approver", "matter": "执行案款的发放"},
        "not json",
        {"question": "approver", "matter": "执行款发放"},          # unknown matter
        {"question": "superior", "role": "书记员"},
        {"question": "approver", "facts": {}},                     # missing field
    ]
    text = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
    path = write(tmp_path, "b.jsonl", text + "\n\n")
    result = run("batch", path)
    assert result.exit_code == 1                      # some lines could not be answered
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5
    assert out[0] == kb.ask(lines[0]) and out[3] == kb.ask(lines[3])   # same objects as ask
    assert [o.get("line") for o in out] == [None, 2, 3, None, 5]
    assert out[1]["error"]["code"] == "syntax"
    assert out[2]["error"]["code"] == "unknown_matter" and out[2]["error"]["suggestions"][0] == "执行案款的发放"
    assert out[4]["error"]["field"] == "matter"


def test_batch_all_good_exits_zero_and_writes_a_file(run, tmp_path):
    scen = [{"question": "approver", "matter": m} for m in ("变卖", "抵债", "任务分配")] * 40
    path = write(tmp_path, "b.jsonl", "\n".join(json.dumps(s, ensure_ascii=False) for s in scen))
    out = tmp_path / "answers.jsonl"
    assert run("batch", path, "-o", out).exit_code == 0
    answers = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [a["answer"]["approver"] for a in answers[:3]] == ["局长", "局长", "团队长"]
    assert len(answers) == 120
    assert run("batch", path, "-o", out).exit_code == 4      # never overwritten without --force (exit 4)


def test_batch_is_few_crossings(kb):
    # 2,500 questions cross the bridge in chunks of 1,000: three calls, not 2,500.
    from pyreason import bridge
    calls = []
    real = bridge.call

    def counting(entry, request):
        calls.append(request["op"])
        return real(entry, request)
    bridge.call, saved = counting, bridge.call
    try:
        results = kb.ask_many([{"question": "approver", "matter": "变卖"}] * 2500)
    finally:
        bridge.call = saved
    assert len(results) == 2500 and calls == ["batch"] * 3


def test_flips_name_the_changes_that_matter(run, tmp_path):
    # Art. 8(5): the director away and unauthorised is a gap; being present, or authorising
    # the deputy, each changes the answer.
    path = write(tmp_path, "s.yaml", "question: approver\nmatter: 变卖\nfacts: {absent: [局长]}\n")
    result = run("ask", path, "--flips", "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["status"] == "gap"
    flips = {f["description"]: f for f in answer["flips"]}
    assert flips["若局长在岗"]["answer"]["approver"] == "局长"
    assert flips["若局长授权副局长"]["answer"]["approver"] == "副局长"
    assert {"article": 8, "paragraph": 1, "item": 5} in flips["若局长授权副局长"]["citations"]
    assert "若属于重大、疑难、复杂事项" not in flips          # major does not change an approval
    text = run("ask", path, "--flips").stdout
    assert "什么会改变结论" in text and "若局长授权副局长" in text


def test_flips_of_a_meeting_include_one_vote(run, tmp_path):
    # Art. 5(1): 2 of 3 for B is the majority; without the director's vote it is 1-1, and the
    # vice-president's opinion A decides.
    path = write(tmp_path, "m.yaml", "question: meeting\nmeeting: 局务会议\nvotes:\n"
                 "  - {role: 分管副院长, opinion: A}\n  - {role: 局长, opinion: B}\n  - {role: 副局长, opinion: B}\n")
    answer = json.loads(run("ask", path, "--flips", "--format", "json").stdout)
    flips = {f["description"]: f for f in answer["flips"]}
    assert flips["若局长不发表意见"]["answer"]["resolution"] == "A"
    assert flips["若局长不发表意见"]["answer"]["basis"] == "分管副院长的意见"
    assert flips["若属于重大、疑难、复杂事项"]["answer"]["escalation"]     # the VP dissents on a major matter


def test_compare(run, tmp_path):
    a = write(tmp_path, "a.yaml", "question: approver\nmatter: 变卖\nfacts: {absent: [局长]}\n")
    b = write(tmp_path, "b.yaml", "question: approver\nmatter: 变卖\nfacts: {absent: [局长], authorized: [{from: 局长, to: 副局长}]}\n")
    result = run("compare", a, b, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {d["field"] for d in data["facts"]} == {"facts.authorized[0].from", "facts.authorized[0].to"}
    diffs = {d["field"]: d for d in data["answer_differences"]}
    assert diffs["status"]["a"] == "gap" and diffs["approver"]["b"] == "副局长"
    text = run("compare", a, b).stdout
    assert "≠ 最终审批" in text and "facts.authorized[0].from" in text
    same = run("compare", a, a).stdout
    assert "结论相同" in same
