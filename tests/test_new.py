"""``pyreason new DIR --from FILE``: the KB it writes loads in SWI-Prolog and holds the text."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason.cli import main
from pyreason.newkb import NewKBError, create_kb, pl_string, self_names
from pyreason.textparse import parse

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "kb" / "source" / "regulation.txt"
SWIPL = "swipl"

#  Loads a KB's entry into a module of its own, as the engine does, and prints its text
#  facts as JSON.
_DUMP = r"""
    kb_x:load_files('%s', []),
    findall([N, T], kb_x:article(N, T), As),
    findall([N, P, T], kb_x:paragraph(N, P, T), Ps),
    findall([N, P, I, T], kb_x:item(N, P, I, T), Is),
    findall(K-V, ( member(K, [kb_name, kb_version, document_number, document_title,
                             document_status, preamble]),
                   G =.. [K, V], current_predicate(kb_x:K/1), kb_x:G ), KVs),
    dict_pairs(D, _, KVs),
    findall([L, S], kb_x:document_self(L, S), Self),
    json_write_dict(current_output, _{articles: As, paragraphs: Ps, items: Is, doc: D, self: Self},
                    [width(0)]),
    halt
"""


def load(entry: Path) -> tuple[subprocess.CompletedProcess, dict]:
    proc = subprocess.run([SWIPL, "-q", "-g", "use_module(library(http/json))",
                           "-g", _DUMP % str(entry).replace("'", "\\'"), "-t", "halt(1)"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    return proc, (json.loads(proc.stdout) if proc.returncode == 0 else {})


@pytest.fixture(scope="module")
def shipped_kb(tmp_path_factory) -> tuple[Path, list[Path]]:
    dest = tmp_path_factory.mktemp("new") / "wanfa"
    return dest, create_kb(dest, SOURCE)


def test_files_written(shipped_kb):
    dest, written = shipped_kb
    rel = sorted(str(p.relative_to(dest)) for p in written)
    assert rel == sorted(["pyreason.pl", "document.pl", "vocabulary.pl", "readings.pl", "messages.pl",
                          "questions.pl", "labels.yaml", "cases/README.md", "source/regulation.txt"]
                         + [f"articles/art{n:02d}.pl" for n in range(1, 16)])
    assert sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file()) == rel
    assert (dest / "source" / "regulation.txt").read_bytes() == SOURCE.read_bytes()
    assert not [p for p in dest.parent.iterdir() if p.name.startswith(".")]   # no temp left


def test_entry_is_a_plain_file_including_the_rest(shipped_kb):
    dest, _ = shipped_kb
    entry = (dest / "pyreason.pl").read_text(encoding="utf-8")
    assert entry.startswith(":- encoding(utf8).\n")
    assert ":- module" not in entry
    assert ":- discontiguous article/2, paragraph/3, item/4." in entry
    includes = [line for line in entry.splitlines() if line.startswith(":- include(")]
    assert includes == ([":- include(document).", ":- include(vocabulary)."]
                        + [f":- include(articles/art{n:02d})." for n in range(1, 16)]
                        + [":- include(readings).", ":- include(messages).", ":- include(questions)."])
    directives = [line for f in dest.rglob("*.pl") for line in f.read_text(encoding="utf-8").splitlines()
                  if line.startswith(":-")]
    assert directives and {re.match(r":- (\w+)", d).group(1) for d in directives} == {
        "encoding", "include", "discontiguous", "dynamic"}


def test_article_file(shipped_kb):
    dest, _ = shipped_kb
    text = (dest / "articles" / "art07.pl").read_text(encoding="utf-8")
    assert "/*  第七条【执行案件管理层级】  */" in text
    assert 'item(7, 1, 2, "执行财产的处置、降价（撤回）拍卖、抵债和变卖；").' in text
    assert text.rstrip().endswith(
        "%   Rules encoding this article go here, each citing c(Article, Paragraph, Item).")


def test_generated_kb_loads_cleanly_with_the_text(shipped_kb):
    dest, _ = shipped_kb
    proc, facts = load(dest / "pyreason.pl")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""                          # no error, no warning
    doc = parse(SOURCE.read_text(encoding="utf-8"))
    assert facts["articles"] == [[a.number, a.title] for a in doc.articles]
    assert facts["paragraphs"] == [[a.number, p, para.text] for a in doc.articles
                                   for p, para in enumerate(a.paragraphs, 1)]
    assert facts["items"] == [[a.number, p, i.number, i.text] for a in doc.articles
                              for p, para in enumerate(a.paragraphs, 1) for i in para.items]
    assert len(facts["paragraphs"]) == 29 and len(facts["items"]) == 22
    assert facts["doc"] == {"kb_name": "wanfa", "kb_version": "0.1.0",
                            "document_number": "宛法〔2023〕123号",
                            "document_title": "关于落实执行管理层级负责制的若干规定（试行）",
                            "document_status": "试行", "preamble": doc.preamble}
    assert sorted(facts["self"]) == [["en", "this regulation"], ["zh", "本规定"]]


SYNTHETIC = "\n".join([
    "某某研究院科研经费管理办法",
    "",
    "第一条　经费使用应当符合“专款专用”原则。",
    "第二条　报销路径写作 C:\\财务\\报销，",
    "不得另设账户。",
    "第三条　本办法自发布之日起施行。",
    "",
])


def test_quotes_backslashes_no_number_and_the_name(tmp_path):
    src = tmp_path / "reg.txt"
    src.write_text(SYNTHETIC, encoding="utf-8")
    dest = tmp_path / "科研 经费"
    create_kb(dest, src, name='fund "2024"')
    proc, facts = load(dest / "pyreason.pl")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert facts["paragraphs"] == [[1, 1, "经费使用应当符合“专款专用”原则。"],
                                   [2, 1, "报销路径写作 C:\\财务\\报销，不得另设账户。"],
                                   [3, 1, "本办法自发布之日起施行。"]]
    assert facts["items"] == []
    assert facts["doc"] == {"kb_name": 'fund "2024"', "kb_version": "0.1.0",
                            "document_title": "某某研究院科研经费管理办法", "document_status": ""}
    assert sorted(facts["self"]) == [["en", "these measures"], ["zh", "本办法"]]
    assert "/*  第一条  */" in (dest / "articles" / "art01.pl").read_text(encoding="utf-8")


def test_default_name_from_the_directory(tmp_path):
    src = tmp_path / "reg.txt"
    src.write_text(SYNTHETIC, encoding="utf-8")
    create_kb(tmp_path / "My KB_2024", src)
    assert 'kb_name("my-kb_2024").' in (tmp_path / "My KB_2024" / "document.pl").read_text(encoding="utf-8")


def test_pl_string():
    assert pl_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


@pytest.mark.parametrize("title, zh, en", [
    ("关于落实执行管理层级负责制的若干规定（试行）", "本规定", "this regulation"),
    ("某某会议规则", "本规则", "these rules"),
    ("某某实施细则（修订）", "本细则", "these detailed rules"),
    ("某某工作制度", "本制度", "these rules"),
    ("关于某某的意见", "本意见", "these opinions"),
    ("关于某某的通知", "本通知", "this notice"),
    ("某某工作方案", "本规定", "this regulation"),       # not derivable: the engine's default
])
def test_self_names(title, zh, en):
    assert self_names(title)[:2] == (zh, en)


def test_an_empty_directory_is_used(tmp_path):
    (tmp_path / "kb").mkdir()
    create_kb(tmp_path / "kb", SOURCE)
    assert (tmp_path / "kb" / "pyreason.pl").is_file()


def test_a_non_empty_directory_is_refused_and_left_alone(tmp_path):
    dest = tmp_path / "kb"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(NewKBError) as exc:
        create_kb(dest, SOURCE)
    assert "not empty" in exc.value.en and "不是空目录" in exc.value.zh
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    assert (dest / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb"]


# ---------------------------------------------------------------------------------------
# The command

def run(*args: str):
    return CliRunner().invoke(main, ["new", *args])


def test_command_writes_and_says_what(tmp_path):
    dest = tmp_path / "wanfa"
    result = run(str(dest), "--from", str(SOURCE))
    assert result.exit_code == 0, result.output
    assert "15 条、29 款、22 项" in result.stdout
    assert "15 articles, 29 paragraphs, 22 items, 24 files" in result.stdout
    assert "《关于落实执行管理层级负责制的若干规定（试行）》 宛法〔2023〕123号" in result.stdout
    assert "page numbers dropped: line 165" in result.stdout
    assert f"pyreason check --kb {dest}" in result.stdout
    assert (dest / "articles" / "art15.pl").is_file()


def test_command_name_option(tmp_path):
    result = run(str(tmp_path / "x"), "--from", str(SOURCE), "--name", "wanfa-2023-123")
    assert result.exit_code == 0, result.output
    assert 'kb_name("wanfa-2023-123").' in (tmp_path / "x" / "document.pl").read_text(encoding="utf-8")


def _one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("错误：") and " / error: " in result.stderr
    for f in fragments:
        assert f in result.stderr


def test_command_missing_file(tmp_path):
    _one_line_error(run(str(tmp_path / "kb"), "--from", str(tmp_path / "nope.txt")),
                    "找不到文件", "no such file", "nope.txt")
    assert not (tmp_path / "kb").exists()


def test_command_not_utf8(tmp_path):
    src = tmp_path / "gbk.txt"
    src.write_bytes(SYNTHETIC.encode("gbk"))
    _one_line_error(run(str(tmp_path / "kb"), "--from", str(src)), "UTF-8")
    assert not (tmp_path / "kb").exists()


def test_command_no_article(tmp_path):
    src = tmp_path / "memo.txt"
    src.write_text("某某通知\n\n请各部门于本周内报送材料。\n", encoding="utf-8")
    _one_line_error(run(str(tmp_path / "kb"), "--from", str(src)), "no article")
    assert not (tmp_path / "kb").exists()


def test_command_directory_not_empty(tmp_path):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "pyreason.pl").write_text("% mine\n", encoding="utf-8")
    _one_line_error(run(str(tmp_path / "kb"), "--from", str(SOURCE)), "not empty")
    assert (tmp_path / "kb" / "pyreason.pl").read_text(encoding="utf-8") == "% mine\n"


def test_command_destination_is_a_file(tmp_path):
    (tmp_path / "kb").write_text("x", encoding="utf-8")
    _one_line_error(run(str(tmp_path / "kb"), "--from", str(SOURCE)), "not a directory")


def test_command_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert "--from FILE" in result.output and "--name" in result.output
    assert "pyreason new mykb --from regulation.txt" in result.output


def test_command_from_is_required(tmp_path):
    result = run(str(tmp_path / "kb"))
    assert result.exit_code == 2 and "--from" in result.output


def test_check_on_a_new_kb_lists_every_paragraph_not_yet_encoded(tmp_path):
    # Started from the second court's text, the KB holds only text: check lists each of its
    # paragraphs as not encoded, and nothing else is an error.
    import sys
    source = Path(__file__).resolve().parent / "kbs" / "court_b" / "source" / "regulation.txt"
    dest = tmp_path / "started"
    create_kb(dest, source)
    doc = parse(source.read_text(encoding="utf-8"))
    paragraphs = {(a.number, i) for a in doc.articles for i, _ in enumerate(a.paragraphs, 1)}
    done = subprocess.run([sys.executable, "-m", "pyreason", "check", "--kb", str(dest), "--format", "json"],
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    result = json.loads(done.stdout)
    assert not [f for f in result["findings"] if f["severity"] == "error"], done.stdout[:2000]
    uncovered = {(f["citations"][0]["article"], f["citations"][0]["paragraph"])
                 for f in result["findings"] if f["check"] == "coverage" and f["citations"]}
    assert paragraphs <= uncovered, sorted(paragraphs - uncovered)
