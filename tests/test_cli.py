"""The pyreason command as a user meets it: output formats, exit codes, one-line errors."""

import json

import pytest
from click.testing import CliRunner

from pyreason.cli import main

EXAMPLE = "examples/director_absent_authorised.yaml"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    return invoke


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def assert_one_line_error(result, *needles):
    assert result.exit_code == 1, result.output
    err = result.stderr.strip()
    assert "\n" not in err and "Traceback" not in result.output + result.stderr, err
    for needle in needles:
        assert needle in err, err
    return err


# -- answers -------------------------------------------------------------------

def test_text_answer_is_chinese_and_cites(run):
    # Art. 7(3), 8(5), 9(1): the authorised deputy approves for the absent director.
    result = run("ask", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "副局长（代局长行使）" in result.stdout
    assert "第七条第（三）项" in result.stdout and "第八条第（五）项" in result.stdout
    assert "sha256:" in result.stdout


def test_json_answer_follows_the_contract(run):
    result = run("ask", EXAMPLE, "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert list(answer)[:7] == ["question", "status", "answer", "citations", "explanation", "gaps", "interpretations"]
    assert answer["answer"]["approver"] == "副局长" and answer["answer"]["acting_for"] == "局长"
    assert {"article": 7, "paragraph": 1, "item": 3} in answer["citations"]
    assert all(step["text"] and step["citations"] for step in answer["explanation"])
    assert answer["kb"]["fingerprint"].startswith("sha256:")


def test_english_output(run):
    result = run("ask", EXAMPLE, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Final approval" in result.stdout and "Art. 7(3)" in result.stdout
    assert "副局长" in result.stdout  # names stay Chinese


def test_gap_exits_zero_and_says_so(run, tmp_path):
    # Art. 8(5): without authorisation nobody acts for the absent director.
    path = write(tmp_path, "gap.yaml", "question: approver\nmatter: 变卖\nfacts: {absent: [局长]}\n")
    result = run("ask", path, "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["status"] == "gap" and answer["answer"]["approver"] is None
    assert [g["id"] for g in answer["gaps"]] == ["g_director_absent_unauthorised"]


def test_stdin_and_json_input_give_the_same_answer(run, tmp_path):
    scenario = {"question": "superior", "role": "法官助理"}
    from_file = run("ask", write(tmp_path, "s.json", json.dumps(scenario, ensure_ascii=False)), "--format", "json")
    from_stdin = run("ask", "-", "--format", "json", input=json.dumps(scenario, ensure_ascii=False))
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)


def test_articles(run):
    one = run("articles", "9")
    assert one.exit_code == 0 and "（一）本规定第七条第一、第二、第三、第五项的过程审批；" in one.stdout
    assert "\n6\n" not in one.stdout
    whole = run("articles")
    assert whole.exit_code == 0
    assert "宛法〔2023〕123号" in whole.stdout and "第十五条【解释】" in whole.stdout
    assert "关于落实执行管理层级负责制的若干规定（试行）" in whole.stdout


def test_names(run):
    result = run("names", "matters")
    assert result.exit_code == 0 and "执行案款的发放" in result.stdout and "降价拍卖" in result.stdout


# -- bad input: one line naming file and field, exit 1 ---------------------------

@pytest.mark.parametrize("text, needles", [
    ("question: approver\nmatter: 执行款发放\n", ["matter", "执行案款的发放"]),
    ("question: approver\nmatter: 执行案款的发放\nfacts: {absent: [局座]}\n", ["facts.absent[0]", "局长"]),
    ("question: approver\nmatter: 执行案款的发放\nfacts: {authorized: [{from: 局长, to: 局长}]}\n", ["facts.authorized[0].to"]),
    ("question: approvr\nmatter: x\n", ["question", "approver"]),
    ("question: approver\n", ["matter", "缺少字段"]),
    ("question: approver\nmatter: [1, 2]\n", ["matter", "应为文本"]),
    ("question: approver\nmatter: 变卖\nfacs: {}\n", ["facs", "facts"]),
    ("question: approver\nmatter: 变卖\nrole: 局长\n", ["role", "不适用"]),
    ("question: superior\nrole: 院党组\nfacts: {absent: [院党组]}\n", ["facts.absent[0]", "机构"]),
    ("question: substitution\nsubstitute: 审判委员会\nfor: 局长\n", ["substitute"]),
    ("question: substitution\nsubstitute: 书记员\nfor: 法官助理\nfacts: {ladder: [局长, 书记员]}\n", ["facts.ladder[0]"]),
    ("question: meeting\nmeeting: 局务会议\nvotes: [{role: 局长, opinion: A}]\nfacts: {absent: [局长]}\n", ["votes[0].role"]),
    ("question: meeting\nmeeting: 局务会议\nvotes: [{role: 局长, opinion: A}, {role: 局长, opinion: B}]\n", ["votes[1].role"]),
    ("question: meeting\nmeeting: 局务会\nvotes: [{role: 局长, opinion: \"   \"}]\n", ["votes[0].opinion"]),
    ("question: meeting\nmeeting: 办公会\nvotes: [{role: 局长, opinion: A}]\n", ["meeting"]),
    ("question: disagreement\nbetween: [局长, 局长]\nscope: bureau\n", ["between[1]"]),
    ("question: disagreement\nbetween: [局长, 副局长]\nscope: department\n", ["scope"]),
    ("question: disagreement\nbetween: [局长]\nscope: bureau\n", ["between"]),
])
def test_invalid_scenarios(run, tmp_path, text, needles):
    path = write(tmp_path, "bad.yaml", text)
    err = assert_one_line_error(run("ask", path), path, *needles)
    assert err.startswith("错误：")


@pytest.mark.parametrize("name, content, needle", [
    ("empty.yaml", "", "文件为空"),
    ("broken.yaml", "question: approver\nmatter: [unclosed\n", "YAML"),
    ("broken.json", '{"question": "approver", ', "JSON"),
    ("list.yaml", "- question: approver\n", "映射"),
    ("two.yaml", "question: approver\nmatter: 变卖\n---\nquestion: superior\nrole: 局长\n", "一个场景"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "嵌套过深"),
    ("deep.yaml", "question: approver\nmatter: " + "[" * 50_000 + "]" * 50_000, "嵌套过深"),
    ("date.yaml", "question: approver\nmatter: 2023-01-01\n", "应为文本"),
])
def test_unreadable_files(run, tmp_path, name, content, needle):
    path = write(tmp_path, name, content)
    assert_one_line_error(run("ask", path), path, needle)


def test_missing_file(run, tmp_path):
    assert_one_line_error(run("ask", str(tmp_path / "nope.yaml")), "nope.yaml")


def test_not_utf8_and_oversized(run, tmp_path):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("question: approver\nmatter: caf\xe9\n".encode("latin-1"))
    assert_one_line_error(run("ask", str(latin)), "UTF-8")
    big = write(tmp_path, "big.yaml", "question: approver\nmatter: " + "执" * 400_000 + "\n")
    assert_one_line_error(run("ask", big), "上限")


def test_errors_in_english(run, tmp_path):
    path = write(tmp_path, "bad.yaml", "question: approver\nmatter: funds release\n")
    err = assert_one_line_error(run("ask", path, "--lang", "en"), "unknown matter")
    assert err.startswith("error: ")


def test_usage_errors_exit_2(run):
    assert run().exit_code in (0, 2)
    assert run("ask").exit_code == 2
    assert run("ask", EXAMPLE, "--format", "xml").exit_code == 2
    assert_one_line_error(run("articles", "16"), "15")


# -- hostile input: refused or kept as text, never run ----------------------------

HOSTILE = [
    "x'), shell('touch {sentinel}'), ('",
    "\"), shell(\"touch {sentinel}\"), (\"",
    ":- initialization(shell('touch {sentinel}')).",
    "halt.",
    "A :- shell('touch {sentinel}')",
    "0'\\\\x27",
]


@pytest.mark.parametrize("template", HOSTILE)
@pytest.mark.parametrize("field", ["matter", "absent", "opinion"])
def test_hostile_strings_never_run(run, tmp_path, template, field):
    sentinel = tmp_path / "ran"
    hostile = template.format(sentinel=sentinel)
    if field == "matter":
        scenario = {"question": "approver", "matter": hostile}
    elif field == "absent":
        scenario = {"question": "approver", "matter": "变卖", "facts": {"absent": [hostile]}}
    else:
        scenario = {"question": "meeting", "meeting": "局务会议",
                    "votes": [{"role": "局长", "opinion": hostile}, {"role": "副局长", "opinion": hostile}]}
    path = write(tmp_path, "h.json", json.dumps(scenario, ensure_ascii=False))
    result = run("ask", path, "--format", "json")
    assert not sentinel.exists()
    if field == "opinion":   # free text is kept exactly as given
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["answer"]["resolution"] == hostile
    else:                    # names are refused as unknown
        assert_one_line_error(result, "h.json")


# -- one behaviour everywhere (issue 12) -------------------------------------------

def test_articles_out_of_range_names_the_real_range(run):
    for number in ("0", "16"):
        err = assert_one_line_error(run("articles", number, "--lang", "en"), f"no article {number}", "1-15")


@pytest.mark.parametrize("command", [["ask"], ["report"], ["compare", EXAMPLE]])
def test_a_directory_as_file_exits_1_like_a_missing_file(run, tmp_path, command):
    assert_one_line_error(run(*command, str(tmp_path)), str(tmp_path))


def test_a_comment_only_file_says_a_scenario_was_expected(run, tmp_path):
    path = write(tmp_path, "c.yaml", "# nothing here yet\n")
    assert_one_line_error(run("ask", path, "--lang", "en"), "holds no scenario", "expected one scenario")


def test_votes_given_as_a_mapping_say_a_list_was_expected(run, tmp_path):
    path = write(tmp_path, "v.yaml", "question: meeting\nmeeting: 局务会议\nvotes: {role: 局长, opinion: A}\n")
    assert_one_line_error(run("ask", path, "--lang", "en"), "votes", "must be a list", "not a mapping")


def test_articles_in_english_show_the_unofficial_rendering_beside_the_original(run):
    result = run("articles", "9", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "副局长审批下列执行事项：" in result.stdout                    # the original stays
    assert "> The deputy director examines and approves" in result.stdout
    assert "unofficial rendering" in result.stdout and "Chinese original is authoritative" in result.stdout


def test_compare_help_examples_are_shipped_files(run):
    import re
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    help_text = run("compare", "--help").stdout
    files = re.findall(r"examples/\S+\.yaml", help_text)
    assert len(files) == 2 and all((root / f).is_file() for f in files)


def test_json_errors_are_the_contracts_error_object_on_stdout(run, tmp_path):
    # Scripts reading --format json get the error as JSON on stdout; people still get one line on stderr.
    bad = tmp_path / "bad.yaml"
    bad.write_text("question: approver\nmatter: 执行案款发放了\n", encoding="utf-8")
    result = run("ask", str(bad), "--format", "json")
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "unknown_matter" and error["field"] == "matter"
    assert "执行案款的发放" in error["suggestions"]
    assert len(result.stderr.strip().splitlines()) == 1 and "unknown_matter" not in result.stderr
    other = run("compare", str(bad), str(bad), "--format", "json")
    assert other.exit_code == 1 and json.loads(other.stdout)["error"]["code"] == "unknown_matter"
    missing = run("org", str(tmp_path / "nobody.yaml"), "--format", "json")
    assert missing.exit_code == 1 and json.loads(missing.stdout)["error"]["field"] is None


def test_org_errors_in_english(run, tmp_path):
    staff = tmp_path / "s.yaml"
    staff.write_text("staff:\n  - {name: 张三, post: 局长}\n  - {name: 李四, post: 局长}\n", encoding="utf-8")
    result = run("org", str(staff), "--lang", "en")
    assert result.exit_code == 1 and "is held by two persons" in result.stderr and "有两人" not in result.stderr


def test_the_console_command_ends_with_its_output_whole(tmp_path):
    # `ask` ends without the interpreter's teardown (cli.entry): what it printed is all there,
    # to a file as to a pipe, and the exit code is the contract's (0 answered, 1 invalid).
    import subprocess
    import sys
    out = tmp_path / "out.json"
    with open(out, "wb") as fh:
        done = subprocess.run([sys.executable, "-m", "pyreason", "ask", "examples/director_absent_authorised.yaml",
                               "--format", "json"], stdout=fh, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              timeout=60)
    assert done.returncode == 0, done.stderr
    answer = json.loads(out.read_text(encoding="utf-8"))
    assert answer["answer"]["approver"] == "副局长" and answer["answer"]["acting_for"] == "局长"   # Arts 7(1)(3), 8(1)(5)
    bad = tmp_path / "bad.json"
    bad.write_text('{"question": "approver", "mater": "变卖"}', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pyreason", "ask", str(bad), "--format", "json"],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 1
    assert json.loads(done.stdout)["error"]["field"] == "mater" and "mater" in done.stderr
    done = subprocess.run([sys.executable, "-m", "pyreason", "ask"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 2 and "FILE" in done.stderr
