"""pyreason batch as a stream (issues 12, 13, 14): the same answers as ask, made once by the
engine; line numbers that count blank lines; one bad line is that line's error; an output it
refused to overwrite has its own exit code; progress and a summary on a terminal."""

import json

import pytest
from click.testing import CliRunner

from pyreason.cli import EXIT_NOT_OVERWRITTEN, main


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def jsonl(tmp_path, lines, name="in.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(x if isinstance(x, bytes) else
                                (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)).encode()
                                for x in lines) + b"\n")
    return path


def test_each_line_is_byte_for_byte_what_ask_prints(run, kb, tmp_path):
    # Every case of the shipped KB, answered in one batch: each output line is the JSON of the
    # answer ask gives (json.dumps of it, compact), in input order.
    import yaml
    from pathlib import Path
    cases = []
    for p in sorted(Path("kb/cases").glob("*.yaml")):
        c = yaml.safe_load(p.read_text(encoding="utf-8"))
        if "error" not in c["expect"]:
            case = {k: v for k, v in c.items() if k not in ("expect", "title", "rests_on")}
            cases.append(json.loads(json.dumps(case, ensure_ascii=False, default=str)))   # YAML dates as text
    result = run("batch", jsonl(tmp_path, cases))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(cases)
    for case, line in zip(cases, lines):
        assert line == json.dumps(kb.ask(case), ensure_ascii=False)


def test_line_numbers_count_blank_lines(run, tmp_path):
    path = jsonl(tmp_path, ["", {"question": "approver", "matter": "变卖"}, "   ", "",
                            {"question": "approver", "matter": "无此事项"}])
    result = run("batch", path)
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o.get("line") for o in out] == [None, 5]          # the file's own line 5
    assert out[1]["error"]["code"] == "unknown_matter"
    assert result.exit_code == 1


def test_a_lone_surrogate_or_bad_json_is_that_lines_error(run, tmp_path):
    path = jsonl(tmp_path, [
        {"question": "approver", "matter": "变卖"},
        '{"question": "approver", "matter": "\\ud800"}',          # a lone surrogate, escaped
        b'{"question": "approver", "matter": "\xff"}',            # not UTF-8
        '{"question": "approver", "matter": ',                     # cut short
        {"question": "superior", "role": "书记员"},
    ])
    result = run("batch", path)
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["status"] for o in out] == ["answered", "error", "error", "error", "answered"]
    assert [o.get("line") for o in out] == [None, 2, 3, 4, None]
    assert out[1]["error"]["field"] == "matter"
    assert result.exit_code == 1


def test_escapes_and_unusual_json_are_answered_as_ask_answers_them(run, kb, tmp_path):
    # The engine reads plain lines itself; a line with escapes, spaces or keys in another order
    # is the same scenario, and gets the same answer.
    plain = {"question": "meeting", "meeting": "局务会议",
             "votes": [{"role": "局长", "opinion": "同意\"拍卖\""}, {"role": "副局长", "opinion": "同意\"拍卖\""}]}
    spaced = '{ "matter" : "变卖" ,\t"question":"approver" }'
    result = run("batch", jsonl(tmp_path, [plain, spaced, json.dumps({"question": "approver", "matter": "变卖"})]))
    lines = result.stdout.splitlines()
    assert lines[0] == json.dumps(kb.ask(plain), ensure_ascii=False)
    assert lines[1] == lines[2] == json.dumps(kb.ask({"question": "approver", "matter": "变卖"}), ensure_ascii=False)


def test_an_output_it_refused_to_overwrite_is_its_own_exit_code(run, tmp_path):
    path = jsonl(tmp_path, [{"question": "approver", "matter": "变卖"}])
    out = tmp_path / "answers.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    result = run("batch", path, "-o", out)
    assert result.exit_code == EXIT_NOT_OVERWRITTEN == 4
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert "--force" in result.stderr
    assert run("batch", path, "-o", out, "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["status"] == "answered"


def test_a_failed_line_is_exit_1_not_4(run, tmp_path):
    path = jsonl(tmp_path, ["not json"])
    assert run("batch", path, "-o", tmp_path / "new.jsonl").exit_code == 1


def test_progress_and_summary_on_a_terminal(tmp_path, monkeypatch):
    import sys
    from pyreason import cli
    path = jsonl(tmp_path, [{"question": "approver", "matter": "变卖"}, "", {"question": "approver", "facts": {}},
                            {"question": "approver", "matter": "变卖", "facts": {"absent": ["局长"]}}])
    shown = []
    source = cli._batch_input(str(path))
    progress = cli._BatchProgress("en", source)
    progress.last -= 1                                   # as if a moment had passed
    monkeypatch.setattr(cli.click, "echo", lambda text, **kw: shown.append(text))
    from pyreason import KnowledgeBase
    kb = KnowledgeBase()
    count = kb.answer_jsonl(cli._batch_lines(source.stream), lambda b: None, lang="en", progress=progress)
    progress.summary(count)
    assert (count.lines, count.answered, count.gaps, count.errors) == (4, 2, 1, 1)
    assert "4 lines" in shown[0] and "lines/s" in shown[0] and "left" in shown[0]
    assert "2 answered (1 of them gaps), 1 errors" in shown[-1]


def test_a_line_longer_than_the_limit_is_that_lines_error(monkeypatch, run, tmp_path):
    from pyreason import cli
    monkeypatch.setattr(cli, "_MAX_LINE", 100)
    long = json.dumps({"question": "approver", "matter": "变卖", "title": "x" * 500})
    path = jsonl(tmp_path, [long, {"question": "approver", "matter": "变卖"}])
    out = [json.loads(x) for x in run("batch", path).stdout.splitlines()]
    assert out[0]["line"] == 1 and out[0]["error"]["code"] == "too_large"
    assert out[1]["status"] == "answered"


def test_the_time_limit_holds_for_each_question_of_a_batch(tmp_path):
    # A limit far below one answer's time: every line ends with the time-limit error, one by
    # one, and the batch goes on to the end.
    from pyreason import KnowledgeBase
    kb = KnowledgeBase(time_limit=1e-6)
    lines = [json.dumps({"question": "approver", "matter": "变卖"}).encode()] * 3
    out = []
    count = kb.answer_jsonl(iter(lines), out.append)
    results = [json.loads(x) for x in b"".join(out).splitlines()]
    assert count.errors == 3 and [r["error"]["code"] for r in results] == ["time_limit"] * 3


@pytest.mark.parametrize("control", ["\t", "\x00", "\x1f"])
def test_a_raw_control_character_in_a_line_is_a_json_error_as_for_ask(run, tmp_path, control):
    # JSON allows no raw control character inside a string: the line is a syntax error, as
    # json.loads says for ask, never answered with the character taken as text (NUL included,
    # the one split_string/4 does not see among its separators).
    meeting = {"question": "meeting", "meeting": "局务会议",
               "votes": [{"role": "局长", "opinion": "同意"}, {"role": "副局长", "opinion": "同意"}]}
    line = json.dumps(meeting, ensure_ascii=False).replace("同意", f"同{control}意").encode()
    result = run("batch", jsonl(tmp_path, [line, meeting]))
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert out[0]["status"] == "error" and out[0]["error"]["code"] == "syntax"
    assert out[1]["status"] == "answered" and out[1]["answer"]["resolution"] == "同意"
