"""pyreason diff OLD NEW: amendment impact, derived from the rules over the declared scenario space.

Expected answers are derived by hand from the amended text:

- court_b (云中法〔2024〕8号) amended in a copy made here: Art 3(1)(2)-(3) "五十万元以上不满五百万元的，
  由分管副局长审批 / 五百万元以上的，由局长审批" become "…不满三百万元… / 三百万元以上的，由局长审批".
  A single payment of 3,000,000 or 4,999,999 元 was the 副局长's (3(1)(2)) and is now the 局长's
  (3(1)(3), 以上 includes the number); 2,999,999 stays the 副局长's and 5,000,000 the 局长's.
- tests/kbs/wanfa_amended (宛法〔2024〕210号) against the shipped kb/ (宛法〔2023〕123号): the new 7(2)
  "执行案款的发放，单笔金额在五百万元以上的，由局长报请分管副院长批准" moves releases of 5,000,000 元
  from the 局长 (7(1)(3)) to the 分管副院长 at the 局长's request; 4,999,999 元 stays the 局长's.
  The amended 12(1) "同级岗位之间经局长批准可以平级替补" lets a post cover one of its own rank with
  the 局长's approval, where the 2023 text was silent (a gap).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COURT_B = ROOT / "tests" / "kbs" / "court_b"
AMENDED = ROOT / "tests" / "kbs" / "wanfa_amended"
SHIPPED = ROOT / "kb"


def pyreason(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pyreason", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def court_b_amended(tmp_path_factory) -> Path:
    """court_b with Art 3(1)'s line moved from 五百万元 to 三百万元, text and rules alike."""
    new = tmp_path_factory.mktemp("amend") / "court_b_300"
    shutil.copytree(COURT_B, new)
    art = new / "articles" / "art03.pl"
    text = art.read_text(encoding="utf-8")
    text = text.replace("五十万元以上不满五百万元的", "五十万元以上不满三百万元的")
    text = text.replace('item(3, 1, 3, "五百万元以上的', 'item(3, 1, 3, "三百万元以上的')
    text = text.replace("5000000", "3000000")
    assert text.count("三百万元") == 2
    art.write_text(text, encoding="utf-8")
    doc = new / "document.pl"
    doc.write_text(doc.read_text(encoding="utf-8").replace('kb_version("0.1.0")', 'kb_version("0.2.0")'),
                   encoding="utf-8")
    return new


@pytest.fixture(scope="module")
def court_b_diff(court_b_amended) -> dict:
    done = pyreason("diff", str(COURT_B), str(court_b_amended), "--format", "json", "--budget", "3000")
    assert done.returncode == 3, done.stderr
    return json.loads(done.stdout)


def _changes(result: dict, question: str, **where) -> list[dict]:
    out = []
    for c in result["changes"]:
        s = c["scenario"]
        if c["question"] != question:
            continue
        if all((s.get("facts", {}).get(k[6:]) if k.startswith("facts_") else s.get(k)) == v
               for k, v in where.items()):
            out.append(c)
    return out


def _bare(changes: list[dict], keys: set[str]) -> dict:
    """The one change whose scenario states exactly ``keys`` (inputs and facts)."""
    found = [c for c in changes if set(c["scenario"]) - {"question", "facts"} | set(c["scenario"].get("facts", {}))
             == keys]
    assert len(found) == 1, found
    return found[0]


def test_the_amended_provisions_and_their_text_diff_by_character(court_b_diff):
    amended = {(a["provision"]["article"], a["provision"]["paragraph"], a["provision"]["item"]): a
               for a in court_b_diff["amended"]}
    assert set(amended) == {(3, 1, 2), (3, 1, 3)}
    a = amended[(3, 1, 2)]
    assert a["kind"] == "changed" and a["label"] == "第三条第（二）项"
    assert a["old_text"] == "五十万元以上不满五百万元的，由分管副局长审批；"
    assert a["new_text"] == "五十万元以上不满三百万元的，由分管副局长审批；"
    assert [s for s in a["diff"] if s["op"] != "equal"] == [{"op": "delete", "text": "五"},
                                                            {"op": "insert", "text": "三"}]
    assert "".join(s["text"] for s in a["diff"] if s["op"] != "insert") == a["old_text"]
    assert "".join(s["text"] for s in a["diff"] if s["op"] != "delete") == a["new_text"]


def test_funds_between_the_old_and_new_line_go_to_the_director(court_b_diff):
    # Art 3(1)(3) as amended: 三百万元以上 (以上 includes the number) -> 局长; before: 3(1)(2) -> 副局长.
    for amount in (3000000, 3000001, 4999999):
        c = _bare(_changes(court_b_diff, "approver", matter="执行案款的发放", facts_amount=amount),
                  {"matter", "amount"})
        assert c["old"]["answer"]["approver"] == "副局长"
        assert c["new"]["answer"]["approver"] == "局长"
        assert {"article": 3, "paragraph": 1, "item": 2} in c["old"]["citations"]
        assert {"article": 3, "paragraph": 1, "item": 3} in c["new"]["citations"]
        assert "answer.approver" in c["changed"]
    # Below the new line, and at the old one, nothing changes.
    for amount in (2999999, 5000000, 5000001):
        assert not _changes(court_b_diff, "approver", matter="执行案款的发放", facts_amount=amount)
    assert court_b_diff["summary"]["errors"] == 0
    assert all(c["question"] == "approver" or c["changed"] == ["citations"] for c in court_b_diff["changes"])


def test_changes_are_grouped_by_the_amended_provisions_they_cite(court_b_diff):
    groups = court_b_diff["groups"]
    assert groups and all(g["provisions"] for g in groups)
    seen = sorted(n for g in groups for n in g["changes"])
    assert seen == list(range(len(court_b_diff["changes"])))          # each change in one group
    first = court_b_diff["changes"][groups[0]["transitions"][0]["changes"][0]]
    assert first["provisions"] == groups[0]["provisions"]
    assert groups[0]["label"] == "第三条第（二）项、第三条第（三）项"


def test_a_case_of_either_kb_is_named_where_its_answer_changes(court_b_diff):
    # court_b's case approver_funds_4999999_deputy.yaml expects the 副局长 (3(1)(2)); under the
    # amendment 4,999,999元 is 三百万元以上: the 局长.
    cases = [c for c in court_b_diff["changes"] if c["cases"]]
    names = {Path(p).name for c in cases for p in c["cases"]}
    assert "approver_funds_4999999_deputy.yaml" in names
    c = next(c for c in cases if any(p.endswith("approver_funds_4999999_deputy.yaml") for p in c["cases"]))
    assert c["old"]["answer"]["approver"] == "副局长" and c["new"]["answer"]["approver"] == "局长"


def test_a_kb_against_itself_changes_nothing_and_exits_0():
    done = pyreason("diff", str(COURT_B), str(COURT_B), "--budget", "500", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "No answer changes." in done.stdout and "changes no answer" in done.stdout


def test_text_output_in_chinese_and_english(court_b_amended):
    zh = pyreason("diff", str(COURT_B), str(court_b_amended), "--budget", "3000")
    assert zh.returncode == 3
    assert "改动：五十万元以上不满[-五-]{+三+}百万元的，由分管副局长审批；" in zh.stdout
    assert re.search(r"原答案：已回答；审批人 副局长.*〔第三条第（二）项〕", zh.stdout)
    assert re.search(r"新答案：已回答；审批人 局长〔第三条第（三）项〕", zh.stdout)
    assert "结论：修订改变了答案。" in zh.stdout
    en = pyreason("diff", str(COURT_B), str(court_b_amended), "--budget", "3000", "--lang", "en")
    assert en.returncode == 3
    assert "Amended provision: Art. 3(2) (amended)" in en.stdout or "Amended provision: Art. 3(1)(2)" in en.stdout \
        or "Amended provision: Art. 3(2)" in en.stdout
    assert "Old answer" in en.stdout and "Result: the amendment changes answers." in en.stdout


def test_bad_input_is_one_line_and_exit_1(tmp_path):
    done = pyreason("diff", str(COURT_B), str(tmp_path))
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and str(tmp_path) in done.stderr
    assert "Traceback" not in done.stderr


def test_output_file_is_written_safely(court_b_amended, tmp_path):
    out = tmp_path / "impact.html"
    done = pyreason("diff", str(COURT_B), str(court_b_amended), "--budget", "1500", "--format", "html", "-o", str(out))
    assert done.returncode == 3, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "<del>五</del>" in html and "<ins>三</ins>" in html
    assert "<script" not in html and "http" not in html.split("</style>")[1].split("<body>")[0]
    out.write_text("mine", encoding="utf-8")
    again = pyreason("diff", str(COURT_B), str(court_b_amended), "--budget", "200", "--format", "html", "-o", str(out))
    assert again.returncode == 1 and out.read_text(encoding="utf-8") == "mine"
    assert "--force" in again.stderr


# -- the shipped KB against its amendment (wanfa_amended) --------------------------------------

pytestmark_amended = pytest.mark.skipif(not (AMENDED / "pyreason.pl").is_file(), reason="wanfa_amended missing")


@pytest.fixture(scope="module")
def wanfa_diff() -> dict:
    if not (AMENDED / "pyreason.pl").is_file():
        pytest.skip("tests/kbs/wanfa_amended is missing")
    done = pyreason("diff", str(SHIPPED), str(AMENDED), "--format", "json", "--budget", "2000")
    assert done.returncode == 3, done.stderr
    return json.loads(done.stdout)


def test_wanfa_amended_text_changes(wanfa_diff):
    kinds = {(a["provision"]["article"], a["provision"]["paragraph"], a["provision"]["item"]): a["kind"]
             for a in wanfa_diff["amended"]}
    assert kinds[(7, 2, None)] == "added"
    assert kinds[(12, 1, None)] == "changed"
    assert kinds[(14, 1, None)] == "changed"
    twelve = next(a for a in wanfa_diff["amended"] if a["provision"] == {"article": 12, "paragraph": 1, "item": None})
    assert [s["text"] for s in twelve["diff"] if s["op"] == "insert"] == ["同级岗位之间经局长批准可以平级替补，"]
    assert not [s for s in twelve["diff"] if s["op"] == "delete"]


def test_wanfa_amended_funds_of_five_million_go_to_the_vice_president(wanfa_diff):
    # 7(2) (new): 单笔金额在五百万元以上 -> 由局长报请分管副院长批准; before, 7(1)(3): 局长.
    c = _bare(_changes(wanfa_diff, "approver", matter="release_funds", facts_amount=5000000), {"matter", "amount"})
    assert c["old"]["answer"]["approver"] == "局长"
    assert c["new"]["answer"]["approver"] == "分管副院长"
    assert c["new"]["answer"]["requested_by"] == "局长"
    assert {"article": 7, "paragraph": 1, "item": 3} in c["old"]["citations"]
    assert {"article": 7, "paragraph": 2, "item": None} in c["new"]["citations"]
    assert c["ignored"] == {"old": ["facts.amount"], "new": []}    # the 2023 text has no amount line
    assert c["provisions"] == [{"article": 7, "paragraph": 2, "item": None}]
    # 4,999,999元 is below the line: the 局长 under both.
    assert not _changes(wanfa_diff, "approver", matter="release_funds", facts_amount=4999999)
    only = {(f["question"], f["side"]): f["facts"] for f in wanfa_diff["facts_only"]}
    assert only[("approver", "new")] == ["amount"]


def test_wanfa_amended_lateral_substitution_with_the_directors_approval(wanfa_diff):
    # 12(1) as amended: 同级岗位之间经局长批准可以平级替补; the 2023 text says nothing of it (a gap).
    c = _bare(_changes(wanfa_diff, "substitution", substitute="党支部书记", scope="team", **{"for": "党支部书记"}),
              {"substitute", "for", "scope"})
    assert c["old"]["status"] == "gap" and c["old"]["answer"]["allowed"] is None
    assert c["new"]["status"] == "answered"
    assert c["new"]["answer"] == c["new"]["answer"] | {"allowed": True, "direction": "平级", "decided_by": "局长"}
    assert c["provisions"] == [{"article": 12, "paragraph": 1, "item": None}]
    # Downward cover (逆向) stays forbidden under both texts: never among the changes.
    assert not [x for x in wanfa_diff["changes"] if x["question"] == "substitution"
                and x["new"]["answer"].get("direction") == "逆向"]


def test_every_change_of_wanfa_amended_rests_on_an_amended_provision(wanfa_diff):
    groups = {tuple((p["article"], p["paragraph"]) for p in g["provisions"]) for g in wanfa_diff["groups"]}
    # An absent 分管副院长 with 5,000,000元 brings in 12(1) as well (who covers for him).
    assert groups <= {((7, 2),), ((12, 1),), ((7, 2), (12, 1))}
    assert wanfa_diff["summary"]["errors"] == 0
    assert wanfa_diff["summary"]["questions_only"] == 0


def test_the_html_impact_report_in_a_browser(court_b_amended, tmp_path):
    out = tmp_path / "impact.html"
    done = pyreason("diff", str(COURT_B), str(court_b_amended), "--budget", "1500", "--format", "html",
                    "-o", str(out))
    assert done.returncode == 3
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_context(viewport={"width": 1100, "height": 1200}).new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(out.as_uri())
        assert page.inner_text("h1") == "修订影响报告"
        assert page.locator("del").first.inner_text() == "五"
        assert page.locator("ins").first.inner_text() == "三"
        assert "原答案" in page.inner_text(".transition") and "局长" in page.inner_text(".transition")
        assert requests == [out.as_uri()]                      # self-contained: nothing else fetched
        page.screenshot(path=str(tmp_path / "impact.png"), full_page=True)
        pdf = page.pdf(format="A4")                            # printable
        assert pdf[:4] == b"%PDF"
        browser.close()


def test_the_space_op_is_the_exhaustive_space_of_check_plus_the_cases():
    refunds = ROOT / "tests" / "kbs" / "refunds"
    code = ("import json, sys; from pyreason.kb import KnowledgeBase; from pyreason.diff import scenario_space; "
            f"print(json.dumps(scenario_space(KnowledgeBase({str(refunds)!r}), budget=10000)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    space = {q["question"]: q for q in json.loads(done.stdout)}
    check = pyreason("check", "--kb", str(refunds), "--format", "json")
    tried = {s["question"]: s["tried"] for s in json.loads(check.stdout)["exhaustive"]}
    assert {q: space[q]["generated"] for q in space} == tried
    # Art 2(1) draws its line at 一万元: 9999, 10000 and 10001 are each asked.
    amounts = {s.get("facts", {}).get("amount") for s in space["approver"]["scenarios"]}
    assert {9999, 10000, 10001} <= amounts
    # The cases are added once each, after the generated scenarios.
    cases = space["approver"]["scenarios"][space["approver"]["generated"]:]
    assert len(cases) == len(list((refunds / "cases").glob("*.yaml")))
