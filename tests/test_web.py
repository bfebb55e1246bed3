"""The page and the HTTP API: every endpoint, error codes, concurrency, and real Chromium."""

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from pyreason.web import create_app

from conftest import live_server

SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


@pytest.fixture(scope="module")
def app(kb):
    return create_app(kb)


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app)


@pytest.fixture(scope="module")
def server(app):
    """The app on a free loopback port, served by uvicorn for the module's tests."""
    yield from live_server(app)


# -- the API ------------------------------------------------------------------------------

def test_api_ask_follows_the_contract(client, kb):
    # Art. 7(3), 8(5): the authorised deputy releases the funds for the absent director.
    scenario = {"question": "approver", "matter": "执行案款的发放",
                "facts": {"absent": ["局长"], "authorized": [{"from": "局长", "to": "副局长"}]}}
    r = client.post("/api/ask", json=scenario)
    assert r.status_code == 200
    assert r.json() == kb.ask(scenario)
    with_flips = client.post("/api/ask?flips=true&lang=en", json=scenario).json()
    assert with_flips["flips"] and with_flips["explanation"][0]["text"].endswith("(approval).")


@pytest.mark.parametrize("body, status, code", [
    ({"question": "approver", "matter": "执行款发放"}, 422, "unknown_matter"),
    ({"question": "approver"}, 422, "invalid"),
    ({"question": "meeting", "meeting": "局务会议", "votes": [{"role": "局长", "opinion": "A"}],
      "facts": {"absent": ["局长"]}}, 422, "absent_voter"),
])
def test_api_errors_use_the_contract_messages(client, body, status, code):
    r = client.post("/api/ask", json=body)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["code"] == code and err["message"]
    if code == "unknown_matter":
        assert err["field"] == "matter" and err["suggestions"][0] == "执行案款的发放"


def test_api_refuses_what_is_not_json_too_large_or_unknown(client):
    assert client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
    assert client.post("/api/ask", content=b"x" * 1_100_000,
                       headers={"content-type": "application/json"}).status_code == 413
    assert client.get("/api/nothing").status_code == 404
    assert client.post("/api/ask?lang=fr", json={"question": "approver", "matter": "变卖"}).status_code == 422


@pytest.mark.parametrize("method, url, kwargs, code, field", [
    ("post", "/api/ask?lang=fr", {"json": {"question": "approver", "matter": "变卖"}}, "invalid", "lang"),
    ("post", "/api/ask", {"content": b"{nope", "headers": {"content-type": "application/json"}}, "syntax", None),
    ("post", "/api/ask", {"json": [1, 2]}, "invalid", None),
    ("get", "/articles?n=abc", {}, "invalid", "n"),
    ("get", "/report?question=foo", {}, "invalid", "question"),
])
def test_every_4xx_has_the_contract_error_shape(client, method, url, kwargs, code, field):
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == code and r.json()["error"]["field"] == field


def test_hostile_form_input_is_an_error_line_on_the_page(client):
    r = client.get("/answer", params={"question": "approver", "matter": "x'), halt, ('"})
    assert r.status_code == 200 and 'id="error"' in r.text and "x&#39;), halt" in r.text


def test_api_batch_json_lines(client):
    body = '{"question":"approver","matter":"变卖"}\nnot json\n{"question":"superior","role":"书记员"}\n'
    r = client.post("/api/batch", content=body, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert lines[0]["answer"]["approver"] == "局长" and lines[1]["line"] == 2
    assert lines[2]["answer"]["superior"] == "团队长"


def test_api_articles_check_and_openapi(client):
    assert len(client.get("/api/articles").json()["articles"]) == 15
    check = client.get("/api/check").json()
    assert check["summary"]["errors"] == 0 and check["summary"]["warnings"] > 0
    spec = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/batch", "/api/articles", "/api/check"} <= set(spec["paths"])
    assert "422" in spec["paths"]["/api/ask"]["post"]["responses"]


def test_twenty_concurrent_requests_get_correct_answers(server, kb):
    matters = ["执行案款的发放", "变卖", "抵债", "任务分配", "宣传"]
    expected = {m: kb.ask({"question": "approver", "matter": m})["answer"]["approver"] for m in matters}

    def one(i):
        m = matters[i % len(matters)]
        r = httpx.post(f"{server}/api/ask", json={"question": "approver", "matter": m}, timeout=60)
        return m, r.status_code, r.json()["answer"]["approver"]
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one, range(20)))
    assert all(status == 200 and got == expected[m] for m, status, got in results)


# -- the page in Chromium -------------------------------------------------------------------

@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1100, "height": 900})
        yield context.new_page()
        browser.close()


def test_browser_fill_a_form_read_the_answer_expand_a_citation_download_reports(page, server, tmp_path):
    page.goto(f"{server}/")
    page.select_option("#matter", "执行案款的发放")
    page.check("#absent-局长")
    # the authorisation is a row of the form made from the KB's declared fact (from, to)
    page.select_option("#authorized-0-from", "局长")
    page.select_option("#authorized-0-to", "副局长")
    page.click("#submit")
    page.wait_for_selector("#status")
    assert page.inner_text("#status") == "已回答"
    assert "副局长（代局长行使）" in page.inner_text("#answer")
    first = page.locator("#steps details.cite").first
    assert not first.locator("blockquote").is_visible()
    first.locator("summary").click()                              # expand the citation
    assert "执行案款的发放" in first.locator("blockquote").inner_text()
    page.screenshot(path=str(SHOTS / "answer.png"), full_page=True)
    page.fill("#case_number", "（2026）豫1302执123号")
    with page.expect_download() as dl:
        page.click("#report-html")
    html = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "（2026）豫1302执123号" in html and "下列执行事项应当报请局长批准" in html
    with page.expect_download() as dl:
        page.click("#report-pdf")
    assert Path(dl.value.path()).read_bytes().startswith(b"%PDF")


def test_browser_meeting_gap_and_english(page, server):
    page.goto(f"{server}/?q=meeting")
    page.select_option("#meeting", "局务会议")
    for i, (role, opinion) in enumerate([("局长", "拍卖"), ("副局长", "变卖")]):
        page.select_option(f"#vote_role_{i}", role)
        page.fill(f"#vote_opinion_{i}", opinion)
    page.click("#submit")
    page.wait_for_selector("#status")
    # Art. 5(1): 1-1 with no vice-president's opinion: the regulation does not say (a gap).
    assert page.inner_text("#status") == "本规定未给出完整答案"
    page.click("#lang-switch")
    page.wait_for_selector("#status")
    # in English the KB names its document "this regulation" (document_self/2)
    assert page.inner_text("#status") == "this regulation gives no complete answer"
    page.screenshot(path=str(SHOTS / "meeting-en.png"), full_page=True)


def test_browser_form_error_articles_and_check(page, server):
    page.goto(f"{server}/?q=superior")
    page.click("#submit")                                         # no role chosen
    assert "role" in page.inner_text("#error")
    page.goto(f"{server}/articles")
    assert "第九条【副局长协助管理工作】" in page.inner_text("#art-9")
    page.goto(f"{server}/check")
    assert "0" in page.inner_text("#check-summary")
    page.screenshot(path=str(SHOTS / "check.png"))
