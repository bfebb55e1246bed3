"""Hostile YAML and JSON (issue 14, items 8, 9 and 11; issue 12's bad-input messages): alias
bombs and self-referring aliases are refused at once, a key given twice is an error naming it
and its line, a lone surrogate is the error of its field, in scenarios, org charts, case files
and labels."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason.cli import main

BOMB = "".join(
    [f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9 if i else ['"lol"'] * 9) + "]\n"
     for i in range(9)])
RECURSIVE = "a: &a [*a]\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line(result, *needles, code=1):
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    assert "Traceback" not in result.output
    return lines[0]


def test_the_bomb_is_small():
    assert len(BOMB) < 600 and BOMB.count("*") == 72


@pytest.mark.parametrize("tail", [f"{BOMB}question: approver\nmatter: *i\n", f"question: approver\n{BOMB}"])
def test_an_alias_bomb_scenario_is_refused_at_once(tmp_path, tail):
    path = tmp_path / "bomb.yaml"
    path.write_text(tail, encoding="utf-8")
    t = time.monotonic()
    line = one_line(run("ask", path, "--lang", "en"), str(path), "aliases")
    assert time.monotonic() - t < 10 and len(line) < 300


def test_a_self_referring_alias_is_refused(tmp_path):
    path = tmp_path / "rec.yaml"
    path.write_text(f"question: approver\nmatter: 执行案款的发放\nfacts: {{absent: &x [*x]}}\n", encoding="utf-8")
    one_line(run("ask", path, "--lang", "en"), "contains it")


def test_a_few_aliases_are_still_fine(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("question: approver\nmatter: &m 执行案款的发放\ndescription: *m\n", encoding="utf-8")
    assert run("ask", path).exit_code == 0


def test_an_alias_bomb_org_chart_is_refused(tmp_path):
    chart = tmp_path / "staff.yaml"
    chart.write_text(BOMB + "staff:\n  - {name: 甲, post: 局长, team: *i}\n", encoding="utf-8")
    t = time.monotonic()
    one_line(run("org", chart, "--lang", "en"), str(chart), "aliases")
    assert time.monotonic() - t < 10


def test_a_duplicate_key_in_a_scenario_names_key_and_line(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("question: approver\nmatter: 执行案款的发放\nfacts:\n  major: true\n  major: false\n",
                    encoding="utf-8")
    one_line(run("ask", path, "--lang", "en"), "line 5", "duplicate key 'major'", "line 4")
    zh = one_line(run("ask", path))
    assert "重复" in zh and "major" in zh


@pytest.mark.parametrize("date", ["2024-02-30", "2023-13-01", "2024-03-01 25:00:00"])
def test_a_yaml_date_that_is_no_date_is_the_date_fields_error(tmp_path, date):
    # YAML reads 2024-02-30 as a timestamp, which PyYAML cannot make: the scenario's date field
    # says so (docs/questions.md, exit codes: 1, one line naming file and field), as for any
    # date text that is none.
    path = tmp_path / "s.yaml"
    path.write_text(f"question: approver\nmatter: 执行案款的发放\ndate: {date}\n", encoding="utf-8")
    line = one_line(run("--kb", Path(__file__).parent / "kbs" / "wanfa_ruleset", "ask", path, "--lang", "en"),
                    str(path), "date")
    assert "internal" not in line.lower()
    result = run("ask", path, "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["error"]["code"] == "invalid_date"


def test_a_duplicate_key_in_a_json_scenario(tmp_path):
    path = tmp_path / "dup.json"
    path.write_text('{"question": "approver", "matter": "抵债", "matter": "执行案款的发放"}', encoding="utf-8")
    one_line(run("ask", path, "--lang", "en"), "duplicate key 'matter'")


def test_a_duplicate_key_in_an_org_chart(tmp_path):
    chart = tmp_path / "staff.yaml"
    chart.write_text("staff:\n  - name: 甲\n    post: 局长\n    name: 乙\n", encoding="utf-8")
    one_line(run("org", chart, "--lang", "en"), "line 4", "duplicate key 'name'")


def test_case_files_with_a_duplicate_key_or_a_bomb_are_named(tmp_path):
    from pyreason.check import read_cases
    good = "question: superior\nrole: 局长\nexpect: {status: answered}\n"
    (tmp_path / "good.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "dup.yaml").write_text(good + "role: 副局长\n", encoding="utf-8")
    (tmp_path / "bomb.yaml").write_text(BOMB + good, encoding="utf-8")
    t = time.monotonic()
    cases, problems = read_cases(tmp_path)
    assert time.monotonic() - t < 10
    assert [name for name, _ in cases] == ["good.yaml"] or len(cases) == 1
    found = {Path(p["file"]).name: p for p in problems}
    assert set(found) == {"dup.yaml", "bomb.yaml"}
    assert found["dup.yaml"]["line"] == 4 and "duplicate key 'role'" in found["dup.yaml"]["message_en"]
    assert "aliases" in found["bomb.yaml"]["message_en"]


def test_labels_with_a_duplicate_key_are_refused(tmp_path):
    from pyreason.errors import KBError
    from pyreason.render import _read_yaml
    path = tmp_path / "labels.yaml"
    path.write_text("zh:\n  question: 问题\n  question: 提问\n", encoding="utf-8")
    with pytest.raises(KBError) as info:
        _read_yaml(path)
    assert "duplicate key 'question'" in str(info.value) and "line 3" in str(info.value)


@pytest.mark.parametrize("scenario, field", [
    ({"question": "approver", "matter": "\ud800"}, "matter"),
    ({"question": "meeting", "meeting": "局务会议", "votes": [{"role": "局长", "opinion": "同意\udfff"}]},
     "votes[0].opinion"),
    ({"question": "approver", "matter": "执行案款的发放", "facts": {"absent": ["局长", "\ud83d"]}}, "facts.absent[1]"),
])
def test_a_lone_surrogate_is_its_fields_error(tmp_path, scenario, field):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")        # \ud800 escaped, as JSON allows
    line = one_line(run("ask", path, "--lang", "en"), f"{path}: {field}:", "lone surrogate")
    assert "\\ud800" not in line
    out = run("ask", path, "--format", "json", "--lang", "en")
    assert out.exit_code == 1 and json.loads(out.stdout)["error"]["field"] == field


def test_a_lone_surrogate_key_is_an_error(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"question": "approver", "matter": "执行案款的发放", "facts": {"\ud800": 1}}),
                    encoding="utf-8")
    one_line(run("ask", path, "--lang", "en"), "lone surrogate")


def test_comment_only_and_votes_as_mapping_say_what_was_expected(tmp_path):
    empty = tmp_path / "c.yaml"
    empty.write_text("# nothing but a comment\n", encoding="utf-8")
    one_line(run("ask", empty, "--lang", "en"), "expected one scenario")
    votes = tmp_path / "v.yaml"
    votes.write_text("question: meeting\nmeeting: 局务会议\nvotes: {局长: 同意}\n", encoding="utf-8")
    one_line(run("ask", votes, "--lang", "en"), "votes", "must be a list")


def test_a_directory_as_scenario_exits_1(tmp_path):
    for cmd in (["ask"], ["report"], ["compare", tmp_path], ["ask", "--org", tmp_path, "-"]):
        args = [*cmd] if cmd[-1] == "-" else [*cmd, tmp_path]
        result = run(*args, "--lang", "en")
        one_line(result, "directory")


def test_a_case_file_larger_than_the_bound_is_named(tmp_path):
    from pyreason.check import read_cases
    from pyreason.scenario import MAX_FILE_BYTES
    (tmp_path / "big.yaml").write_text("question: superior\n" + "# x\n" * (MAX_FILE_BYTES // 4 + 1), encoding="utf-8")
    cases, problems = read_cases(tmp_path)
    assert cases == [] and len(problems) == 1 and "larger than the limit" in problems[0]["message_en"]
