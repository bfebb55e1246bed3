"""Reports made with a rule set, and the commands that show one document (issue 15).

A report made with tests/kbs/wanfa_ruleset records the set's documents and the date it answered
on; `verify` (FILE and DIR) re-runs it on a rule set of those documents, so the Art 14 step is
there again. Expected by hand: on 2023-06-01 the 2019 document (Art 1: 副局长) and the shipped
regulation (Art 7(1)(3): 局长) disagree on 执行案款的发放; Art 14 of the regulation decides (局长).
Without Art 14's precedence rule nothing decides: a gap, so the recorded answer no longer holds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason.cli import main

ROOT = Path(__file__).resolve().parent.parent
KBS = ROOT / "tests" / "kbs"
RULESET = KBS / "wanfa_ruleset"


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args, env=None: runner.invoke(main, list(args), catch_exceptions=False, env=env)


def _report(run, tmp_path: Path, fmt: str = "txt", date: str | None = "2023-06-01", env=None) -> Path:
    s = tmp_path / "s.yaml"
    s.write_text("question: approver\nmatter: 执行案款的发放\n" + (f"date: {date}\n" if date else ""), encoding="utf-8")
    out = tmp_path / f"r.{fmt}"
    done = run("--kb", str(RULESET), "report", str(s), "--format", fmt, "-o", str(out), env=env)
    assert done.exit_code == 0, done.output
    return out


def _embedded(path: Path) -> dict:
    from pyreason.report import read_embedded
    return read_embedded(str(path))


def test_a_rule_set_report_records_its_documents(run, tmp_path):
    e = _embedded(_report(run, tmp_path))
    assert e["kb"]["name"] == "wanfa-2023-123"                    # the document that answered (Art 14)
    assert e["ruleset"]["name"] == "宛法执行规范" and e["ruleset"]["date"] == "2023-06-01"
    assert [d["name"] for d in e["ruleset"]["documents"]] == ["wanfa-2019-45", "wanfa-2023-123",
                                                              "wanfa-2023-123-am2024"]
    assert all(d["fingerprint"] and d["version"] for d in e["ruleset"]["documents"])
    assert {"article": 14, "paragraph": 1, "item": None} in e["answer"]["citations"]


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_a_rule_set_report_holds_with_the_rule_set(run, tmp_path, fmt):
    r = _report(run, tmp_path, fmt)
    out = run("verify", str(r), "--kb", str(RULESET))
    assert out.exit_code == 0, out.output
    assert "结论仍然成立" in out.output and "宛法执行规范" in out.output
    # the same with the rule set given to pyreason, or its documents one by one
    assert run("--kb", str(RULESET), "verify", str(r)).exit_code == 0
    each = run("verify", str(r), "--kb", str(KBS / "earlier_doc"), "--kb", str(KBS / "wanfa_amended"),
               "--lang", "en")
    assert each.exit_code == 0 and "the answer still holds" in each.output, each.output


def test_without_the_rule_set_the_missing_documents_are_named(run, tmp_path):
    r = _report(run, tmp_path)
    out = run("verify", str(r), "--kb", str(KBS / "earlier_doc"))
    assert out.exit_code == 1
    line = out.stderr.strip()
    assert "\n" not in line and "Traceback" not in out.output
    assert "缺少其文件：wanfa-2023-123-am2024 1.0.0（2024年修订文本）" in line
    assert "--kb" in line
    en = run("verify", str(r), "--lang", "en")                     # only the shipped kb/
    assert en.exit_code == 1
    assert "not among the knowledge bases given: wanfa-2019-45" in en.stderr
    assert "wanfa-2023-123-am2024" in en.stderr


def test_tampering_with_a_rule_set_report_is_detected(run, tmp_path):
    r = _report(run, tmp_path)
    text = r.read_text(encoding="utf-8")
    assert "局长" in text
    r.write_text(text.replace("最终审批（决定）：局长", "最终审批（决定）：副局长", 1), encoding="utf-8")
    out = run("verify", str(r), "--kb", str(RULESET))
    assert out.exit_code == 3
    assert "报告的文本在生成后被改动" in out.output


def test_a_changed_rule_set_is_an_answer_changed(run, tmp_path):
    # The 2019 document as another issuer's: Art 14 (本院之前下发的) no longer covers it, nothing
    # decides between the two answers (a gap), and the report's 局长 no longer holds.
    r = _report(run, tmp_path)
    other = tmp_path / "earlier_doc"
    shutil.copytree(KBS / "earlier_doc", other)
    doc = other / "document.pl"
    doc.write_text(doc.read_text(encoding="utf-8").replace('issuer("宛法").', 'issuer("云中法").'), encoding="utf-8")
    rs = tmp_path / "rs"
    rs.mkdir()
    (rs / "ruleset.yaml").write_text(
        f"name: 宛法执行规范\ndocuments:\n  - {other}\n  - {ROOT / 'kb'}\n  - {KBS / 'wanfa_amended'}\n",
        encoding="utf-8")
    out = run("verify", str(r), "--kb", str(rs))
    assert out.exit_code == 3, out.output
    assert "结论已变化" in out.output and '"gap"' in out.output


def test_an_undated_rule_set_report_is_held_to_the_day_it_was_written(run, tmp_path):
    # Written on 2024-05-01 (the 2023 text in force, Art 14 over the 2019 document); verified in
    # 2026, when the amendment is in force: re-run on the day it answered, it holds.
    r = _report(run, tmp_path, date=None, env={"PYREASON_TODAY": "2024-05-01"})
    assert _embedded(r)["ruleset"]["date"] == "2024-05-01"
    out = run("verify", str(r), "--kb", str(RULESET), env={"PYREASON_TODAY": "2026-05-01"})
    assert out.exit_code == 0, out.output


def test_verify_dir_on_rule_set_reports(run, tmp_path):
    arch = tmp_path / "archive"
    arch.mkdir()
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        shutil.copy(_report(run, tmp_path / name), arch / f"{name}.txt")
    b = arch / "b.txt"
    b.write_text(b.read_text(encoding="utf-8").replace("局长", "院长", 1), encoding="utf-8")
    cmd = [sys.executable, "-m", "pyreason", "verify", str(arch), "--jobs", "1", "--format", "json"]
    done = subprocess.run([*cmd, "--kb", str(RULESET)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    result = json.loads(done.stdout)
    by = {r["path"]: r for r in result["reports"]}
    assert by["a.txt"]["status"] == "holds" and by["a.txt"]["match"] == "ruleset", by["a.txt"]
    assert [d["name"] for d in by["a.txt"]["ruleset"]["documents"]][0] == "wanfa-2019-45"
    assert by["b.txt"]["status"] == "tampered"
    assert done.returncode == 3
    missing = subprocess.run([*cmd, "--kb", str(KBS / "earlier_doc")], cwd=ROOT, capture_output=True,
                             text=True, timeout=600)
    result = json.loads(missing.stdout)
    a = next(r for r in result["reports"] if r["path"] == "a.txt")
    assert a["status"] == "unreadable" and "wanfa-2023-123-am2024" in a["reason"]["en"]
    assert missing.returncode == 1


# -- serve: rule sets are not served yet ----------------------------------------------------------------

def test_serve_refuses_a_rule_set_in_one_line(run):
    pytest.importorskip("fastapi")
    for args in (("serve", "--kb", str(RULESET), "--port", "1"), ("--kb", str(RULESET), "serve", "--port", "1")):
        out = run(*args)
        assert out.exit_code == 1
        line = out.stderr.strip()
        assert "\n" not in line and "Traceback" not in out.output
        assert "规则集暂不支持 pyreason serve" in line and "does not serve rule sets yet" in line


def test_create_app_refuses_a_rule_set():
    pytest.importorskip("fastapi")
    from pyreason.errors import KBError
    from pyreason.ruleset import RuleSet
    from pyreason.web import create_app
    with pytest.raises(KBError, match="does not serve rule sets yet"):
        create_app(RuleSet(RULESET))


# -- the commands that show one document ---------------------------------------------------------------

@pytest.mark.parametrize("command", [["questions"], ["schema"], ["articles", "1"], ["names"], ["readings"]])
def test_one_document_commands_say_which_document_they_show(run, command):
    zh = run("--kb", str(RULESET), *command)
    assert zh.exit_code == 0, zh.output
    note = zh.stderr.strip()
    assert "\n" not in note
    # the highest-ranked document: the amendment (the same level, issued latest); the others by --kb
    assert "宛法〔2024〕210号（2024年修订文本）" in note and "3 个文件" in note
    assert "--kb " in note and "earlier_doc" in note                # paths relative to the working directory
    assert zh.stdout and "注意" not in zh.stdout                 # stdout stays the document's alone
    if command == ["schema"]:
        assert json.loads(zh.stdout)["title"].endswith("(wanfa-2023-123-am2024)")
    en = run("--kb", str(RULESET), *command, "--lang", "en")
    assert "shown here is only the highest-ranked, 宛法〔2024〕210号 (2024 amended text)" in en.stderr
    one = run("--kb", str(KBS / "earlier_doc"), *command)       # a single KB: no note
    assert one.exit_code == 0 and not one.stderr.strip()
