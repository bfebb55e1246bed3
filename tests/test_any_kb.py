"""Reports, verify, compare and the page for a knowledge base other than the shipped one.

The second KB is tests/kbs/court_b (云中法〔2024〕8号): other question kinds, other inputs (an
optional matter, votes with declared opinions), other facts (an amount, an integer, a duration,
a boolean, two sets of persons). Nothing of the shipped regulation may appear in what it
renders, and nothing of the engine may name the shipped regulation.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from pyreason import KBError, KnowledgeBase
from pyreason.cli import main

from conftest import live_server

ROOT = Path(__file__).resolve().parent.parent
COURT_B = ROOT / "tests" / "kbs" / "court_b"
SHOTS = ROOT / "build" / "screenshots"
EXAMPLE = ROOT / "examples" / "director_absent_authorised.yaml"

pytestmark = pytest.mark.skipif(not (COURT_B / "pyreason.pl").is_file(), reason="tests/kbs/court_b is missing")

MEETING = {"question": "meeting", "matter": "执行案款的发放",
           "votes": [{"role": "局长", "opinion": "赞成"}, {"role": "副局长", "opinion": "反对"},
                     {"role": "常务副局长", "opinion": "同意", "name": "王五"}],
           "facts": {"members": 5, "amount": "600万元", "absent": ["团队长"], "duration": "40日",
                     "approved_by_director": True}}
APPROVER = {"question": "approver", "matter": "执行案款的发放", "facts": {"amount": "300万元"}}

#: Words of the shipped regulation that no other KB's output, and no engine file, may carry.
SHIPPED_WORDS = ["宛法", "若干规定", "过程审批", "一岗双责", "局长已授权副局长", "分管副院长", "本规定"]


@pytest.fixture(scope="module")
def court_b() -> KnowledgeBase:
    return KnowledgeBase(COURT_B)


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def write(tmp_path, name, scenario):
    path = tmp_path / name
    path.write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    return path


def report_text(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader
        return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))
    return path.read_text(encoding="utf-8")


# -- every question kind, both formats, both languages; batch; flips; check --------------------

def _first_answered_case(kind: str) -> Path:
    import yaml
    for path in sorted((COURT_B / "cases").glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if case["question"] == kind and "error" not in case["expect"]:
            return path
    raise AssertionError(f"court_b has no answered {kind} case")


@pytest.mark.parametrize("kind", ["approver", "acting", "meeting", "substitution"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_kind_of_another_kb_in_text_and_json(run, court_b, kind, lang):
    path = _first_answered_case(kind)
    as_json = run("--kb", COURT_B, "ask", path, "--format", "json", "--lang", lang)
    assert as_json.exit_code == 0, as_json.output
    answer = json.loads(as_json.stdout)
    assert answer["question"] == kind and answer["kb"]["name"] == "court-b-2024-8"
    assert answer == court_b.ask(json.loads(json.dumps(_load(path))), lang=lang, source=str(path))
    text = run("--kb", COURT_B, "ask", path, "--lang", lang)
    assert text.exit_code == 0, text.output
    heading = court_b.labels(lang)["questions"][kind]
    assert heading in text.stdout and "court-b-2024-8" in text.stdout
    assert not [w for w in SHIPPED_WORDS if w in text.stdout]
    for step in answer["explanation"]:
        assert step["text"] in text.stdout


def _load(path: Path) -> dict:
    import yaml
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {k: v for k, v in case.items() if k not in ("expect", "title", "rests_on")}


def test_a_batch_of_all_the_other_kbs_cases(run, court_b, tmp_path):
    import yaml
    cases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((COURT_B / "cases").glob("*.yaml"))]
    src = tmp_path / "all.jsonl"
    src.write_text("\n".join(json.dumps({k: v for k, v in c.items() if k != "expect"}, ensure_ascii=False)
                             for c in cases), encoding="utf-8")
    result = run("--kb", COURT_B, "batch", src)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(cases)
    for case, got in zip(cases, out):              # input order; refused lines as error objects
        if "error" in case["expect"]:
            assert got["status"] == "error" and got["error"]["code"] == case["expect"]["error"]["code"], got
        else:
            assert got["status"] == case["expect"]["status"], (case["title"], got)
    assert result.exit_code == (1 if any("error" in c["expect"] for c in cases) else 0)


def test_flips_of_another_kb_cross_its_amount_thresholds(run, tmp_path):
    # 第三条: 五十万元以上不满五百万元 by 分管副局长; 五百万元以上 by 局长. 300万元 changes only across a line.
    path = write(tmp_path, "a.json", APPROVER)
    answer = json.loads(run("--kb", COURT_B, "ask", path, "--flips", "--format", "json").stdout)
    amounts = {f["change"]["value"]: f["answer"] for f in answer["flips"] if f["change"]["kind"] == "amount"}
    assert 5_000_000 in amounts and 4_999_999 not in amounts and 500_000 not in amounts
    assert amounts[5_000_000]["approver"] != answer["answer"]["approver"]
    assert 499_999 in amounts
    text = run("--kb", COURT_B, "ask", path, "--flips").stdout
    assert "5000000" in text and "amount" not in text.split("什么会改变结论")[-1]


def test_check_with_mutation_on_another_kb():
    # Every rule of the second KB, wherever it lives, is mutated; its cases notice every mutant.
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "pyreason", "check", "--kb", str(COURT_B), "--mutate",
                           "--format", "json"], capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert not [f for f in result["findings"] if f["severity"] == "error"]
    assert result["mutation"]["mutants"] > 100 and result["mutation"]["survived"] == 0, result["mutation"]
    assert result["scenarios"]["failing"] == 0


# -- reports ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "md", "txt", "pdf"])
def test_a_report_of_another_kb_in_every_format(run, court_b, tmp_path, fmt):
    scenario = write(tmp_path, "meeting.json", MEETING)
    out = tmp_path / f"r.{fmt}"
    result = run("--kb", COURT_B, "report", scenario, "--format", fmt, "-o", out, "--case-number", "（2026）云01执5号")
    assert result.exit_code == 0, result.output
    text = report_text(out)
    squeeze = (lambda s: re.sub(r"\s+", "", s)) if fmt == "pdf" else (lambda s: s)
    # the document as the KB names it, and the KB's identity in the visible header
    for needle in ["云中法〔2024〕8号", "云江市中级人民法院执行事项审批与替补规则（试行）", "court-b-2024-8", "0.1.0",
                   court_b.fingerprint, "（2026）云01执5号"]:
        assert squeeze(needle) in text, needle
    # the question, the facts and the answer in the KB's words (its labels.yaml), by declared type
    for needle in ["局务会议表决", "表决意见 1", "局长：赞成", "常务副局长（王五）：赞成（同意）",
                   "单笔金额", "600万元", "局务会议全体成员人数", "替补期限", "40日", "应当回避",
                   "已经局长（或者代行其职权的人员）批准", "达到出席人数", "决议通过"]:
        assert squeeze(needle) in text, needle
    # the quoted provision, verbatim
    assert squeeze("局务会议由局长、副局长和各团队长组成") in text
    for word in SHIPPED_WORDS:
        assert word not in text, word
    assert str(ROOT) not in text and str(tmp_path) not in text          # no filesystem path
    from pyreason.report import read_embedded
    embedded = read_embedded(str(out))
    assert embedded["kb"] == court_b.identity
    assert str(ROOT) not in json.dumps(embedded, ensure_ascii=False)
    verified = run("verify", out, "--kb", COURT_B)
    assert verified.exit_code == 0 and "结论仍然成立" in verified.stdout, verified.output
    assert "知识库已变化" not in verified.stdout


def test_a_report_in_english_names_the_document_as_the_kb_does(run, tmp_path):
    scenario = write(tmp_path, "a.json", APPROVER)
    result = run("--kb", COURT_B, "report", scenario, "--format", "txt", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Report on the application of these rules")
    assert "Knowledge base: court-b-2024-8 (version 0.1.0)" in result.stdout
    assert "amount of one payment: 300万元" in result.stdout


def test_verify_finds_the_kb_the_report_names(run, tmp_path):
    b_report = tmp_path / "b.html"
    assert run("--kb", COURT_B, "report", write(tmp_path, "a.json", APPROVER), "-o", b_report).exit_code == 0
    shipped_report = tmp_path / "shipped.md"
    assert run("report", EXAMPLE, "--format", "md", "-o", shipped_report).exit_code == 0
    # given with pyreason's own --kb, or with verify's (repeatable) --kb
    assert run("--kb", COURT_B, "verify", b_report).exit_code == 0
    both = run("verify", b_report, "--kb", ROOT / "kb", "--kb", COURT_B)
    assert both.exit_code == 0 and "结论仍然成立" in both.stdout
    # a report of the shipped KB is verified on it even when another KB is given
    assert run("verify", shipped_report, "--kb", COURT_B).exit_code == 0


def test_verify_says_which_kb_is_needed_when_it_is_not_loaded(run, tmp_path):
    out = tmp_path / "b.txt"
    assert run("--kb", COURT_B, "report", write(tmp_path, "a.json", APPROVER), "--format", "txt", "-o", out).exit_code == 0
    for lang, needles in [("zh", ["court-b-2024-8", "版本 0.1.0", "--kb"]),
                          ("en", ["court-b-2024-8", "version 0.1.0", "--kb DIR", "not loaded"])]:
        result = run("verify", out, "--lang", lang)
        assert result.exit_code == 1, result.output
        err = result.stderr.strip()
        assert "\n" not in err and "Traceback" not in err
        assert all(n in err for n in needles), err


def test_verify_prefers_the_version_the_report_was_made_with(run, tmp_path):
    # Two versions of one KB (same name): the report's own fingerprint is chosen; with only the
    # other version loaded, the change of the KB is noted.
    other = tmp_path / "court_b_v2"
    shutil.copytree(COURT_B, other, ignore=shutil.ignore_patterns("cases", "tests"))
    doc = other / "document.pl"
    doc.write_text(doc.read_text(encoding="utf-8").replace('kb_version("0.1.0")', 'kb_version("0.2.0")'),
                   encoding="utf-8")
    out = tmp_path / "v2.md"
    assert run("--kb", other, "report", write(tmp_path, "a.json", APPROVER), "--format", "md", "-o", out).exit_code == 0
    exact = run("verify", out, "--kb", COURT_B, "--kb", other)
    assert exact.exit_code == 0 and "知识库已变化" not in exact.stdout, exact.output
    older = run("verify", out, "--kb", COURT_B)
    assert older.exit_code == 0 and "知识库已变化" in older.stdout and "court-b-2024-8" in older.stdout
    assert "0.2.0" in older.stdout and "0.1.0" in older.stdout


def test_compare_in_the_kbs_words(run, tmp_path):
    a = write(tmp_path, "a.json", APPROVER)
    b = write(tmp_path, "b.json", {**APPROVER, "facts": {"amount": "600万元"}})
    result = run("--kb", COURT_B, "compare", a, b)
    assert result.exit_code == 0, result.output
    assert "facts.amount" in result.stdout and "≠ 审批人" in result.stdout and "第三条" in result.stdout
    data = json.loads(run("--kb", COURT_B, "compare", a, b, "--format", "json").stdout)
    assert [d["field"] for d in data["facts"]] == ["facts.amount"]


# -- serving several KBs ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def app(kb, court_b):
    from pyreason.web import create_app
    return create_app([kb, court_b])


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app)


def test_the_api_serves_each_kb_by_name(client, kb, court_b):
    listed = client.get("/api/kbs").json()
    assert [k["name"] for k in listed] == ["wanfa-2023-123", "court-b-2024-8"]
    assert listed[1] == {**court_b.identity, "title": "云江市中级人民法院执行事项审批与替补规则（试行）",
                         "number": "云中法〔2024〕8号"}
    answer = client.post("/api/ask?kb=court-b-2024-8", json=APPROVER).json()
    assert answer == court_b.ask(APPROVER) and answer["kb"]["name"] == "court-b-2024-8"
    default = client.post("/api/ask", json={"question": "approver", "matter": "变卖"}).json()
    assert default["kb"]["name"] == "wanfa-2023-123"                       # the first is the default
    assert len(client.get("/api/articles?kb=court-b-2024-8").json()["articles"]) == 12
    lines = client.post("/api/batch?kb=court-b-2024-8", content=json.dumps(APPROVER, ensure_ascii=False) + "\n",
                        headers={"content-type": "application/x-ndjson"}).text.splitlines()
    assert json.loads(lines[0])["kb"]["name"] == "court-b-2024-8"
    wrong = client.post("/api/ask?kb=court-c", json=APPROVER)
    assert wrong.status_code == 422
    err = wrong.json()["error"]
    assert err["code"] == "unknown_kb" and err["field"] == "kb" and "court-b-2024-8" in err["suggestions"]
    assert client.get("/articles?kb=court-c").json()["error"]["code"] == "unknown_kb"
    spec = client.get("/openapi.json").json()
    assert "/api/kbs" in spec["paths"] and any(p["name"] == "kb" for p in spec["paths"]["/api/ask"]["post"]["parameters"])



def test_the_ask_schema_of_several_kbs_accepts_the_cases_of_each(client, kb, court_b):
    import jsonschema
    import yaml
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/ask"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["anyOf"] == [{"$ref": "#/components/schemas/Scenario"}, {"$ref": "#/components/schemas/Scenario2"}]
    assert spec["components"]["schemas"]["Scenario2"]["title"].endswith("(court-b-2024-8)")
    validator = jsonschema.Draft202012Validator({**body, "components": spec["components"]})
    cases = sorted((COURT_B / "cases").glob("*.yaml")) + sorted((ROOT / "kb" / "cases").glob("*.yaml"))
    valid = [c for c in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in cases)
             if "error" not in (c.get("expect") or {})]
    assert len(valid) > 150
    for case in valid:
        validator.validate(case)


def test_the_form_is_made_from_the_kbs_declarations(client):
    html = client.get("/?kb=court-b-2024-8&q=meeting").text
    assert 'id="kb-select"' in html
    assert re.search(r'<option value="court-b-2024-8" selected>', html)
    for tab in ["由谁审批", "由谁代行", "局务会议表决", "能否同级替补"]:          # the KB's questions
        assert tab in html
    # votes: who (persons only: no organ) and opinion (a select: the KB declares vote_value/3)
    votes = re.search(r'<select name="vote_role_0".*?</select>', html, re.S).group(0)
    assert "局长" in votes and "局务会议" not in votes and "审判委员会" not in votes
    opinions = re.search(r'<select name="vote_opinion_0".*?</select>', html, re.S).group(0)
    assert [o for o in re.findall(r'<option value="([^"]*)"', opinions) if o] == ["赞成", "反对", "弃权"]
    assert 'name="members"' in html and 'name="amount"' in html and 'name="duration"' in html
    assert 'type="checkbox" name="approved_by_director"' in html
    assert 'id="absent-团队长"' in html and 'id="recused-局长"' in html
    main = html[html.index("<main>"):]                  # the selector names the other KB, of course
    for word in SHIPPED_WORDS:
        assert word not in main, word
    # the shipped KB's form: its own questions and facts (a record list as rows of selects)
    shipped = client.get("/?kb=wanfa-2023-123&q=approver").text
    assert 'id="authorized-0-from"' in shipped and 'id="absent-局长"' in shipped
    assert 'id="absent-院党组"' not in shipped                               # an organ is never away


def test_the_page_answers_on_the_chosen_kb(client):
    params = {"kb": "court-b-2024-8", "lang": "zh", "question": "meeting", "matter": "执行案款的发放",
              "vote_role_0": "局长", "vote_opinion_0": "赞成", "vote_role_1": "副局长", "vote_opinion_1": "赞成",
              "vote_role_2": "团队长", "vote_opinion_2": "赞成", "members": "5", "approved_by_director": "1"}
    html = client.get("/answer", params=params).text
    assert 'id="status"' in html and "决议通过" in html and "court-b-2024-8" in html
    assert 'name="kb" value="court-b-2024-8"' in html                     # the report form keeps the KB
    report = client.get("/report", params={**params, "format": "html", "case_number": "X1"})
    assert report.status_code == 200 and "云中法〔2024〕8号" in report.text and "court-b-2024-8" in report.text
    bad = client.get("/answer", params={**params, "members": "五个"}).text
    assert 'id="error"' in bad and "members" in bad


def test_two_kbs_of_one_name_are_refused(court_b, tmp_path):
    from pyreason.web import KBs
    other = tmp_path / "same_name"
    shutil.copytree(COURT_B, other, ignore=shutil.ignore_patterns("cases", "tests"))
    doc = other / "document.pl"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n% another version\n", encoding="utf-8")
    assert len(KBs([court_b, court_b]).all) == 1
    with pytest.raises(KBError, match="court-b-2024-8"):
        KBs([court_b, KnowledgeBase(other)])


@pytest.fixture(scope="module")
def server(app):
    """The app on a free loopback port, served by uvicorn for the module's tests."""
    yield from live_server(app)


def test_browser_switch_kb_with_the_selector_and_ask(server):
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
        page.goto(f"{server}/")
        assert "宛法〔2023〕123号" in page.inner_text("#document")
        page.select_option("#kb-select", "court-b-2024-8")
        page.click("#kb-choose")
        page.wait_for_selector("#tab-acting")
        assert "云中法〔2024〕8号" in page.inner_text("#document")
        page.select_option("#matter", "执行案款的发放")
        page.fill("#amount", "300万元")
        page.check("#absent-局长")
        page.click("#submit")
        page.wait_for_selector("#status")
        assert page.inner_text("#status") == "已回答"
        assert "审批人" in page.inner_text("#answer")
        assert "court-b-2024-8" in page.inner_text("#kb-identity")
        page.click("#lang-switch")                                 # the KB stays chosen
        page.wait_for_selector("#status")
        assert page.inner_text("#status") == "answered" and "court-b-2024-8" in page.inner_text("#kb-identity")
        page.screenshot(path=str(SHOTS / "court-b-answer-en.png"), full_page=True)
        browser.close()


# -- the engine knows no regulation -------------------------------------------------------------

def test_no_word_of_the_shipped_regulation_in_the_engine_or_its_templates():
    words = ["局长", "副局长", "团队长", "分管副院长", "局务会议", "过程审批", "一岗双责", "若干规定", "宛法",
             "执行案款", "局长已授权副局长"]
    files = [p for p in (ROOT / "pyreason").glob("*.py")] + [p for p in (ROOT / "reports").rglob("*") if p.is_file()]
    found = [(p.relative_to(ROOT).as_posix(), w) for p in files for w in words
             if w in p.read_text(encoding="utf-8", errors="replace")]
    assert not found, found


def test_questions_and_schema_come_from_the_kbs_declarations(run, court_b):
    listing = run("--kb", COURT_B, "questions")
    assert listing.exit_code == 0, listing.output
    for kind in court_b.questions:
        assert f"question: {kind}  {court_b.labels('zh')['questions'][kind]}" in listing.stdout
    assert re.search(r"amount: +金额", listing.stdout) and not [w for w in SHIPPED_WORDS if w in listing.stdout]
    shown = json.loads(run("--kb", COURT_B, "schema").stdout)
    assert shown["properties"]["question"]["enum"] == list(court_b.questions)
    import yaml
    from jsonschema import Draft202012Validator
    validator = Draft202012Validator(shown)
    for path in sorted((COURT_B / "cases").glob("*.yaml")):       # every case is a valid scenario
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "error" not in case["expect"] or case["expect"]["error"]["code"] not in ("invalid",):
            errors = list(validator.iter_errors(case))
            assert not errors or "error" in case["expect"], (path.name, errors[0].message)
