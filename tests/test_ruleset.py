"""Versions by date and precedence between documents (issue 15, parts 1 and 2).

The fixtures (tests/kbs): the shipped regulation 宛法〔2023〕123号 (kb/, 2023年试行文本, in force
from 2023-01-01, a placeholder: the text gives no date of issue); its amendment
(wanfa_amended, 2024年修订文本, in force from 2025-01-01: new Art 7(2), single releases of funds of
五百万元以上 go to the 分管副院长 on the 局长's request; Art 12(1) lateral substitution with the
局长's approval); an earlier document of the same court (earlier_doc, 宛法〔2019〕45号, in force
from 2019-07-01: Art 1, the 副局长 approves 执行案款的发放); and the three as a rule set
(wanfa_ruleset/ruleset.yaml). Every expectation below is derived from those texts.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason import KnowledgeBase
from pyreason.cli import main
from pyreason.errors import KBError, ScenarioError
from pyreason.ruleset import RuleSet, version_info

HERE = Path(__file__).resolve().parent
KBS = HERE / "kbs"
RULESET = KBS / "wanfa_ruleset"
FUNDS = {"question": "approver", "matter": "执行案款的发放"}


@pytest.fixture(scope="module")
def rs() -> RuleSet:
    return RuleSet(RULESET)


@pytest.fixture(scope="module")
def amended() -> KnowledgeBase:
    return KnowledgeBase(KBS / "wanfa_amended")


def ask(target, date=None, facts=None, lang="zh", **fields):
    scenario = dict(FUNDS, **fields)
    if date is not None:
        scenario["date"] = date
    if facts:
        scenario["facts"] = facts
    return target.ask(scenario, lang=lang)


def cites(answer):
    return [(c["article"], c["paragraph"], c["item"]) for c in answer["citations"]]


# -- the declarations ----------------------------------------------------------------------------

def test_version_declarations_are_read(kb, amended):
    # kb/document.pl and art14.pl; the amendment's document.pl.
    info = version_info(kb)
    assert info["document_id"] == "wanfa-2023-123"
    assert info["labels"] == {"zh": "2023年试行文本", "en": "2023 trial text"}
    assert info["in_force"] == [{"from": "2023-01-01", "until": None}]
    assert info["issuer"] == "宛法" and info["level"] == "本院规范性文件"
    # Art 14: 本院之前下发的规范性文件与本规定相冲突的，以本规定为准
    assert info["prevails"] == [{"which": "earlier", "whose": "same_issuer",
                                 "citation": {"article": 14, "paragraph": 1, "item": None}}]
    assert [r["id"] for r in info["readings"]] == ["i_issue_date"]
    other = version_info(amended)
    assert other["document_id"] == "wanfa-2023-123"          # the same document, another version
    assert other["amends"]["previous"] == "wanfa-2023-123"
    assert {c["change"] for c in other["amends"]["changes"]} == {"added", "changed"}


# -- one KB, dated ----------------------------------------------------------------------------------

def test_dated_answer_cites_the_version_in_force(kb):
    # Art 7(1)(3): 执行案款的发放 is approved by the 局长; on 2024-03-01 the 2023 trial text is in force.
    a = ask(kb, "2024-03-01")
    assert a["status"] == "answered" and a["answer"]["approver"] == "局长"
    assert a["version"]["label"] == "2023年试行文本" and a["version"]["date"] == "2024-03-01"
    assert a["version"]["date_given"] is True
    # the placeholder date of issue is a recorded reading, listed where the date decides
    assert "i_issue_date" in [i["id"] for i in a["interpretations"]]


def test_chinese_date_is_read(kb):
    a = ask(kb, "2024年3月1日")
    assert a["version"]["date"] == "2024-03-01"


def test_date_before_the_regulation_is_a_gap_not_an_error(kb):
    # Art 14: tried from the day of issue (2023-01-01 standing in for it): 2022-12-31 is before.
    a = ask(kb, "2022-12-31")
    assert a["status"] == "gap" and a["answer"]["approver"] is None
    assert [g["id"] for g in a["gaps"]] == ["not_in_force"]
    assert "2022年12月31日" in a["gaps"][0]["text"]


def test_without_a_date_the_version_in_force_today(kb, monkeypatch):
    monkeypatch.setenv("PYREASON_TODAY", "2026-05-01")
    a = ask(kb)
    assert a["version"]["date"] == "2026-05-01" and a["version"]["date_given"] is False
    assert "i_issue_date" not in [i["id"] for i in a["interpretations"]]


def test_today_is_read_once_a_day_and_again_when_the_clock_leaves_that_day(monkeypatch):
    # Without a date the version in force today answers; today is read at most once a day
    # (ruleset._TODAY), never kept past local midnight or across a clock set back.
    import datetime as dt
    from pyreason import ruleset
    monkeypatch.delenv("PYREASON_TODAY", raising=False)
    now = ruleset._time()
    monkeypatch.setattr(ruleset, "_TODAY", (dt.date(2020, 1, 1), now - 10, now + 10))
    assert ruleset.today() == dt.date(2020, 1, 1)                  # within the day it was read
    monkeypatch.setattr(ruleset, "_TODAY", (dt.date(2020, 1, 1), now - 10, now - 5))
    assert ruleset.today() == dt.date.today()                      # past its midnight
    monkeypatch.setattr(ruleset, "_TODAY", (dt.date(2020, 1, 1), now + 5, now + 10))
    assert ruleset.today() == dt.date.today()                      # the clock set back
    day, since, until = ruleset._TODAY
    assert since <= ruleset._time() < until and dt.datetime.fromtimestamp(until).time() == dt.time()


def test_amendment_alone_before_its_date_is_a_gap(amended):
    # Amended Art 14: 本规定自2025年1月1日起施行.
    assert ask(amended, "2024-12-31")["status"] == "gap"
    a = ask(amended, "2025-01-01", {"amount": "五百万元"})
    # Amended Art 7(2): 单笔金额在五百万元以上的，由局长报请分管副院长批准.
    assert a["answer"]["approver"] == "分管副院长" and a["answer"]["requested_by"] == "局长"
    assert (7, 2, None) in cites(a)


def test_invalid_date_names_the_field(kb):
    with pytest.raises(ScenarioError) as err:
        ask(kb, "2023-02-30")
    assert err.value.field == "date" and err.value.code == "invalid_date"


# -- the rule set: dates ------------------------------------------------------------------------------

def test_before_the_first_document_is_a_gap(rs):
    # earlier_doc Art 3: 本规定自2019年7月1日起施行; nothing of the set is in force before.
    a = ask(rs, "2019-06-30")
    assert a["status"] == "gap" and [g["id"] for g in a["gaps"]] == ["no_version_in_force"]
    assert a["answer"]["approver"] is None


def test_only_the_earlier_document_in_force(rs):
    # 2019-07-01 to 2022-12-31: only 宛法〔2019〕45号. Its Art 1: 由执行局副局长审批.
    for day in ("2019-07-01", "2022-12-31"):
        a = ask(rs, day)
        assert a["answer"]["approver"] == "副局长", day
        assert a["kb"]["name"] == "wanfa-2019-45"
        assert a["precedence"]["conflict"] is False
        assert cites(a) == [(1, 1, None)]


def test_art14_precedence_over_the_earlier_document(rs):
    # 2023: kb/ (Art 7(1)(3): 局长) and earlier_doc (Art 1: 副局长) conflict; Art 14: 本院之前下发
    #的规范性文件与本规定相冲突的，以本规定为准 -- the regulation's answer stands.
    a = ask(rs, "2023-06-01")
    assert a["status"] == "answered" and a["answer"]["approver"] == "局长"
    assert a["kb"]["name"] == "wanfa-2023-123" and a["version"]["label"] == "2023年试行文本"
    p = a["precedence"]
    assert p["conflict"] is True and p["prevailed"]["kb"] == "wanfa-2023-123"
    assert p["rules"][0]["citation"] == {"article": 14, "paragraph": 1, "item": None}
    assert p["rules"][0]["which"] == "earlier" and p["rules"][0]["over"] == "wanfa-2019-45"
    assert "以本规定为准" in p["rules"][0]["text"]
    # the overridden answer is listed, with its citations
    [over] = p["overridden"]
    assert over["kb"] == "wanfa-2019-45" and over["answer"]["approver"] == "副局长"
    assert over["citations"] == [{"article": 1, "paragraph": 1, "item": None}]
    # the answer says so, citing Art 14
    step = a["explanation"][-1] if a["explanation"][-1]["rule"] == "precedence" else \
        next(s for s in a["explanation"] if s["rule"] == "precedence")
    assert step["citations"] == [{"article": 14, "paragraph": 1, "item": None}]
    assert "副局长" in step["text"] and "第十四条" in step["text"]
    assert (14, 1, None) in cites(a)


def test_the_original_until_the_amendment_comes_into_force(rs):
    # 2024-12-31: the amendment is issued (2024-12-20) but in force only from 2025-01-01; the 2023
    # text answers, and it knows no amount (left out, said so): 局长 under Art 7(1)(3).
    a = ask(rs, "2024-12-31", {"amount": "600万元"})
    assert a["answer"]["approver"] == "局长" and a["kb"]["name"] == "wanfa-2023-123"
    assert any("facts.amount" in s["text"] for s in a["explanation"] if s["rule"] == "ruleset_note")
    assert [d["facts_left_out"] for d in a["precedence"]["documents"]] == [["amount"], ["amount"]]


def test_the_amendment_after_its_date(rs):
    # From 2025-01-01 the amended text supersedes the 2023 one; 600万元 is 五百万元以上 (7(2)).
    a = ask(rs, "2025-01-01", {"amount": "600万元"})
    assert a["answer"]["approver"] == "分管副院长" and a["kb"]["name"] == "wanfa-2023-123-am2024"
    assert a["version"]["label"] == "2024年修订文本"
    docs = [d["kb"] for d in a["precedence"]["documents"]]
    assert docs == ["wanfa-2023-123-am2024", "wanfa-2019-45"]          # never both versions of one text
    # the amended Art 14 decides against the 2019 document
    assert a["precedence"]["rules"][0]["kb"] == "wanfa-2023-123-am2024"
    assert "2025年1月1日" in a["precedence"]["rules"][0]["text"]
    # below the line the amended text keeps 7(1)(3)'s 局长, and still prevails over 副局长
    b = ask(rs, "2025-06-01", {"amount": "4999999"})
    assert b["answer"]["approver"] == "局长" and b["precedence"]["overridden"][0]["answer"]["approver"] == "副局长"


def test_a_document_that_does_not_know_the_matter_does_not_speak(rs):
    # 变卖 (Art 7(1)(2) of kb/) is not a matter of the 2019 document: no conflict, noted.
    a = rs.ask({"question": "approver", "matter": "变卖", "date": "2023-06-01"})
    assert a["answer"]["approver"] == "局长" and a["precedence"]["conflict"] is False
    assert [n["kb"] for n in a["precedence"]["not_answering"]] == ["wanfa-2019-45"]


def test_agreeing_documents_are_no_conflict(rs):
    # The 副局长 away: earlier_doc Art 2 gives the 局长; kb/ Art 7(1)(3) the 局长 too -- no conflict
    # on the approver. kb/ leaves the process approval (9(1): 副局长) open while he is away (a gap),
    # and the 2019 text answers: the statuses differ, which Art 14 decides for kb/.
    a = ask(rs, "2023-06-01", {"absent": ["副局长"]})
    assert a["answer"]["approver"] == "局长"
    assert a["kb"]["name"] == "wanfa-2023-123"


def test_a_fact_no_document_declares_is_an_input_error(rs):
    with pytest.raises(ScenarioError) as err:
        ask(rs, "2023-06-01", {"budget": 3})
    assert err.value.field == "facts.budget"


# -- versions with a gap between them, a conflict no rule resolves, a higher level ----------------

def _copy(src: Path, dst: Path, replace: dict[str, str], files=("document.pl",)) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.qlf"))
    for name in files:
        p = dst / name
        text = p.read_text(encoding="utf-8")
        for old, new in replace.items():
            if old in text:
                text = text.replace(old, new)
        p.write_text(text, encoding="utf-8")
    return dst


def _ruleset(tmp: Path, dirs: list[Path]) -> Path:
    (tmp / "ruleset.yaml").write_text("documents:\n" + "".join(f"  - {d}\n" for d in dirs), encoding="utf-8")
    return tmp


def test_a_gap_between_versions(tmp_path):
    # Two versions of one document: the first in force to 2020-12-31, the second from 2022-01-01.
    v1 = _copy(KBS / "earlier_doc", tmp_path / "v1", {
        'in_force(date(2019, 7, 1), open).': 'in_force(date(2019, 7, 1), date(2020, 12, 31)).',
        'kb_name("wanfa-2019-45").': 'kb_name("gap-v1").',
        'document_id("wanfa-2019-45").': 'document_id("gap-doc").'})
    v2 = _copy(KBS / "earlier_doc", tmp_path / "v2", {
        'in_force(date(2019, 7, 1), open).': 'in_force(date(2022, 1, 1), open).',
        'issued(date(2019, 6, 20)).': 'issued(date(2021, 12, 1)).',
        'version_label(zh, "2019年文本").': 'version_label(zh, "2022年文本").',
        'kb_name("wanfa-2019-45").': 'kb_name("gap-v2").',
        'document_id("wanfa-2019-45").': 'document_id("gap-doc").'})
    rs = RuleSet(_ruleset(tmp_path, [v1, v2]))
    assert ask(rs, "2020-12-31")["kb"]["name"] == "gap-v1"
    between = ask(rs, "2021-06-01")
    assert between["status"] == "gap" and between["gaps"][0]["id"] == "no_version_in_force"
    assert ask(rs, "2022-01-01")["version"]["label"] == "2022年文本"


def test_a_conflict_no_declared_rule_resolves_is_a_gap_naming_both(tmp_path):
    # The 2019 document re-issued by another court: Art 14 covers only 本院 (same issuer), so no
    # rule decides between 局长 (kb/ Art 7(1)(3)) and 副局长 (the other court's Art 1).
    other = _copy(KBS / "earlier_doc", tmp_path / "other", {
        'issuer("宛法").': 'issuer("云中法").', 'kb_name("wanfa-2019-45").': 'kb_name("other-court").',
        'document_id("wanfa-2019-45").': 'document_id("other-court").'})
    rs = RuleSet(_ruleset(tmp_path, [other, HERE.parent / "kb"]))
    a = ask(rs, "2023-06-01")
    assert a["status"] == "gap" and a["answer"]["approver"] is None
    [gap] = a["gaps"]
    assert gap["id"] == "unresolved_conflict"
    assert "局长" in gap["text"] and "副局长" in gap["text"]
    assert a["precedence"]["conflict"] is True and a["precedence"]["prevailed"] is None
    assert {d["answer"]["approver"] for d in a["precedence"]["documents"]} == {"局长", "副局长"}


def test_a_higher_level_document_prevails_over_both(tmp_path):
    # A document of a higher level, of another issuer and issued earlier, declaring that lower
    # documents yield to it: Art 14 of kb/ does not cover it (not 本院's), its own rule covers both.
    upper = _copy(KBS / "earlier_doc", tmp_path / "upper", {
        'issuer("宛法").': 'issuer("上级法院").',
        'level("本院规范性文件").': 'level("上级法院规范性文件").\nlevel_above("上级法院规范性文件", "本院规范性文件").',
        'kb_name("wanfa-2019-45").': 'kb_name("upper").', 'document_id("wanfa-2019-45").': 'document_id("upper").',
        'paragraph(3, 1, "本规定自2019年7月1日起施行。").':
            'paragraph(3, 1, "本规定自2019年7月1日起施行。辖区法院的规范性文件与本规定不一致的，以本规定为准。").\n'
            'prevails(over(lower_level, any_issuer), c(3,1,null)).',
        "decides(release_funds, '副局长', c(1,1,null)).": "decides(release_funds, '团队长', c(1,1,null)).",
        'paragraph(1, 1, "执行案款的发放，由执行局副局长审批。").': 'paragraph(1, 1, "执行案款的发放，由团队长审批。").'},
        files=("document.pl", "articles/art01.pl", "articles/art03.pl"))
    rs = RuleSet(_ruleset(tmp_path, [upper, HERE.parent / "kb", KBS / "earlier_doc"]))
    a = ask(rs, "2023-06-01")
    assert a["answer"]["approver"] == "团队长" and a["kb"]["name"] == "upper"
    assert {r["over"] for r in a["precedence"]["rules"]} == {"wanfa-2023-123", "wanfa-2019-45"}
    assert {r["which"] for r in a["precedence"]["rules"]} == {"lower_level"}
    assert {o["answer"]["approver"] for o in a["precedence"]["overridden"]} == {"局长", "副局长"}


def test_bad_manifests_are_one_line(tmp_path):
    (tmp_path / "ruleset.yaml").write_text("documents: [a]\ndocuments: [b]\n", encoding="utf-8")
    with pytest.raises(KBError, match="line 2: duplicate key 'documents'"):
        RuleSet(tmp_path)
    (tmp_path / "ruleset.yaml").write_text("x: &a [../kb]\ndocuments: *a\n", encoding="utf-8")
    with pytest.raises(KBError, match="aliases"):
        RuleSet(tmp_path)
    (tmp_path / "ruleset.yaml").write_text("documents: [nowhere]\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"documents\[0\]: nowhere is not a knowledge base"):
        RuleSet(tmp_path)


# -- the CLI ----------------------------------------------------------------------------------------

@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args), catch_exceptions=False)


def _scenario(tmp_path, text):
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_cli_ask_rule_set_with_date_text_zh_and_en(run, tmp_path):
    s = _scenario(tmp_path, "question: approver\nmatter: 执行案款的发放\ndate: 2023年6月1日\n")
    zh = run("ask", "--kb", str(RULESET), s)
    assert zh.exit_code == 0, zh.output
    assert "最终审批（决定）：局长" in zh.output
    assert "〔第七条第（三）项（2023年试行文本）〕" in zh.output          # cited as that version
    assert "依第十四条“本规定自下发之日试行，本院之前下发的规范性文件与本规定相冲突的，以本规定为准”" in zh.output
    assert "被排除：宛法〔2019〕45号（2019年文本）：审批人：副局长" in zh.output
    assert "按2023年6月1日有效的版本" in zh.output
    en = run("ask", "--kb", str(RULESET), s, "--lang", "en")
    assert en.exit_code == 0, en.output
    assert "Art. 7(3) (2023 trial text)" in en.output
    assert "overridden: 宛法〔2019〕45号 (2019 text): Approver: 副局长" in en.output
    assert "prevails" in en.output and "the version in force on 2023-06-01" in en.output


def test_cli_ask_rule_set_json(run, tmp_path):
    s = _scenario(tmp_path, "question: approver\nmatter: 执行案款的发放\ndate: 2025-03-01\nfacts: {amount: 600万元}\n")
    for lang in ("zh", "en"):
        out = run("ask", "--kb", str(RULESET), s, "--format", "json", "--lang", lang)
        assert out.exit_code == 0, out.output
        a = json.loads(out.output)
        assert a["answer"]["approver"] == "分管副院长"
        assert a["version"]["kb"] == "wanfa-2023-123-am2024"
        assert a["version"]["label"] == ("2024年修订文本" if lang == "zh" else "2024 amended text")
        assert a["precedence"]["overridden"][0]["answer"]["approver"] == "副局长"


def test_cli_single_kb_dated_gap_and_bad_date(run, tmp_path):
    s = _scenario(tmp_path, "question: approver\nmatter: 执行案款的发放\ndate: 2022-06-01\n")
    out = run("ask", s, "--format", "json")
    assert out.exit_code == 0 and json.loads(out.output)["status"] == "gap"
    bad = _scenario(tmp_path, "question: approver\nmatter: 执行案款的发放\ndate: 明天\n")
    err = run("ask", bad)
    assert err.exit_code == 1
    line = err.stderr.strip()
    assert "\n" not in line and "s.yaml: date:" in line and "Traceback" not in err.output


def test_cli_unquoted_yaml_date(run, tmp_path):
    # YAML reads 2024-03-01 unquoted as a date: accepted as one.
    s = _scenario(tmp_path, "question: approver\nmatter: 执行案款的发放\ndate: 2024-03-01\n")
    out = run("ask", s, "--format", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["version"]["date"] == "2024-03-01"


# -- check: conflicts between documents ----------------------------------------------------------------

def test_check_lists_conflicts_resolved_by_art14(run):
    # Over the declared scenarios, from 2023 the regulation (Art 7(1)(3): 局长; amended 7(2):
    # 分管副院长 from 五百万元) and the 2019 document (Art 1: 副局长) disagree on 执行案款的发放;
    # Art 14 of each version decides every time.
    out = run("check", "--kb", str(RULESET), "--format", "json")
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result["conflicts"]
    dates = {c["date"] for c in result["conflicts"]}
    assert dates == {"2023-01-01", "2025-01-01"}               # never while only one was in force
    for c in result["conflicts"]:
        assert c["rules"] and c["rules"][0]["citation"] == {"article": 14, "paragraph": 1, "item": None}
        assert {d["kb"] for d in c["documents"]} >= {"wanfa-2019-45"}
    plain = next(c for c in result["conflicts"] if c["date"] == "2023-01-01"
                 and c["scenario"].get("matter") in ("执行案款的发放", "release_funds") and not c["scenario"].get("facts"))
    assert {d["answer"]["approver"] for d in plain["documents"]} == {"局长", "副局长"}
    text = run("check", "--kb", str(RULESET))
    assert "依第十四条以宛法〔2023〕123号为准" in text.output


def test_check_fails_on_a_conflict_no_rule_resolves(run, tmp_path):
    other = _copy(KBS / "earlier_doc", tmp_path / "other", {
        'issuer("宛法").': 'issuer("云中法").', 'kb_name("wanfa-2019-45").': 'kb_name("other-court").',
        'document_id("wanfa-2019-45").': 'document_id("other-court").'})
    _ruleset(tmp_path, [other, HERE.parent / "kb"])
    out = run("check", "--kb", str(tmp_path), "--lang", "en")
    assert out.exit_code == 1
    assert "no precedence rule decides (a gap)" in out.output


def test_cli_batch_on_a_rule_set_each_line_its_own_date(run, tmp_path):
    # Each line answered on its own date: 2019 text alone (Art 1: 副局长), then Art 14 (局长),
    # then before any document (a gap); a bad date is that line's error, the rest go on.
    lines = [{"question": "approver", "matter": "执行案款的发放", "date": d}
             for d in ("2020-01-01", "2023-06-01", "2018-01-01", "2023-02-30")]
    src = tmp_path / "b.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    out = run("--kb", str(RULESET), "batch", str(src))
    assert out.exit_code == 1
    got = [json.loads(line) for line in out.stdout.splitlines()]
    assert [a.get("answer", {}).get("approver") for a in got[:3]] == ["副局长", "局长", None]
    assert got[2]["gaps"][0]["id"] == "no_version_in_force"
    assert got[3]["status"] == "error" and got[3]["error"]["field"] == "date" and got[3]["line"] == 4


def test_cli_report_names_the_version_and_the_precedence(run, tmp_path):
    s = _scenario(tmp_path, "question: approver\nmatter: 执行案款的发放\ndate: 2023-06-01\n")
    for fmt in ("txt", "md", "html"):
        out = run("--kb", str(RULESET), "report", s, "--format", fmt)
        assert out.exit_code == 0, out.output
        assert "宛法〔2023〕123号 2023年试行文本，自2023年1月1日起施行，按2023年6月1日有效的版本" in out.stdout
        assert "本院之前下发的规范性文件与本规定相冲突的，以本规定为准" in out.stdout   # Art 14, quoted
        assert "审批人：副局长" in out.stdout                                           # the overridden answer


def test_flips_on_a_rule_set_are_the_prevailing_documents(rs):
    # 2023: kb/ prevails (Art 14); its own flips: the 局长 away leaves the approval open (8(5) gap).
    a = rs.ask_with_flips(dict(FUNDS, date="2023-06-01"))
    assert a["answer"]["approver"] == "局长"
    assert any(f["change"] and f["answer"].get("approver") is None for f in a["flips"])


def test_many_dated_questions_are_answered_as_one_is(amended):
    """ask_many (behind check and the API's batches) takes each scenario's date as ask does: the
    amendment (in force from 2025-01-01) is a gap for a date before it, and its answers carry the
    version they rest on."""
    scenarios = [{**FUNDS, "date": "2024-06-01"}, {**FUNDS, "date": "2025-06-01"}, dict(FUNDS)]
    many = amended.ask_many(scenarios)
    assert [a["status"] for a in many] == ["gap", "answered", "answered"]
    assert many[0]["gaps"][0]["id"] == "not_in_force"
    assert all(a["version"]["kb"] == amended.name for a in many)
    assert many == [amended.ask(s) for s in scenarios]
