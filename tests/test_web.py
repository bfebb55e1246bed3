"""The page and the HTTP API: every endpoint, error codes, concurrency, and real Chromium."""

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import jsonschema
import pytest
import yaml
from fastapi.testclient import TestClient

from pyreason.web import LOOPBACK_HOSTS, answer_schema, create_app

from conftest import live_server

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "screenshots"
CASES = sorted((ROOT / "kb" / "cases").glob("*.yaml"))


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
    assert {"/api/ask", "/api/batch", "/api/articles", "/api/check", "/api/kbs"} <= set(spec["paths"])
    assert "422" in spec["paths"]["/api/ask"]["post"]["responses"]


# -- the OpenAPI description: real schemas ----------------------------------------------------

@pytest.fixture(scope="module")
def spec(client):
    return client.get("/openapi.json").json()


def _schema(spec, ref):
    """A schema of the description, its $refs resolvable (they point into #/components)."""
    return {"$ref": ref, "components": spec["components"]}


def test_openapi_is_valid_and_points_into_the_repository(client, spec):
    assert json.loads(json.dumps(spec)) == spec
    try:
        from openapi_spec_validator import validate
    except ImportError:                                   # not a dependency: the metaschema check is extra
        pass
    else:
        validate(spec)
    assert "shared/spec" not in client.get("/openapi.json").text
    assert "docs/questions.md" in spec["info"]["description"]
    ask = spec["paths"]["/api/ask"]["post"]
    assert ask["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Scenario"}
    assert ask["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Answer"}
    # every 422 (and the 413) is the contract's error shape, not FastAPI's own
    for path in spec["paths"].values():
        for op in path.values():
            for status in ("413", "422"):
                if status in op["responses"]:
                    assert op["responses"][status]["content"]["application/json"]["schema"] == \
                        {"$ref": "#/components/schemas/Error"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_ask_schema_is_the_kbs_scenario_schema_and_accepts_every_case(spec, kb, client):
    scenario = spec["components"]["schemas"]["Scenario"]
    assert scenario == {k: v for k, v in kb.schema.json_schema().items() if k != "$schema"}
    request = jsonschema.Draft202012Validator(_schema(spec, "#/components/schemas/Scenario"))
    answer = jsonschema.Draft202012Validator(_schema(spec, "#/components/schemas/Answer"))
    error = jsonschema.Draft202012Validator(_schema(spec, "#/components/schemas/Error"))
    checked = 0
    for path in CASES:
        # as a client sends it: JSON, a YAML date as its ISO text
        case = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        r = client.post("/api/ask", json=case)
        if "error" in (case.get("expect") or {}):
            assert r.status_code == 422, path.name
            error.validate(r.json())
            continue
        request.validate(case)                      # the request schema accepts the case ...
        assert r.status_code == 200, path.name
        answer.validate(r.json())                   # ... and the answer follows the answer schema
        checked += 1
    assert checked > 150
    # the standalone answer schema says the same; a wrong answer is refused by it
    one = client.post("/api/ask?flips=true", json={"question": "approver", "matter": "变卖"}).json()
    jsonschema.validate(one, answer_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**one, "status": "maybe"}, answer_schema())
    with pytest.raises(jsonschema.ValidationError):
        request.validate({"question": "approver", "matter": "变卖", "facts": {"absent": "局长"}})


# -- errors, HEAD, paths ------------------------------------------------------------------------

@pytest.mark.parametrize("method, url, status, code", [
    ("get", "/api/nothing", 404, "not_found"),
    ("get", "/nothing", 404, "not_found"),
    ("put", "/api/ask", 405, "method_not_allowed"),
    ("get", "/api/ask", 405, "method_not_allowed"),
    ("post", "/", 405, "method_not_allowed"),
    ("delete", "/api/kbs", 405, "method_not_allowed"),
])
def test_404_and_405_have_the_contract_error_shape(client, method, url, status, code):
    r = client.request(method.upper(), url, headers={"accept": "application/json"})
    assert r.status_code == status and r.headers["content-type"] == "application/json"
    assert set(r.json()) == {"error"} and r.json()["error"]["code"] == code
    assert set(r.json()["error"]) == {"code", "field", "message", "suggestions"}
    if status == 405:
        assert r.headers["allow"]
    # a browser asking for a page gets a page, the API always JSON
    page = client.request(method.upper(), url, headers={"accept": "text/html,*/*;q=0.8"})
    assert page.status_code == status
    assert page.headers["content-type"].startswith("application/json" if url.startswith("/api/") else "text/html")


def test_head_of_the_page_is_its_get_without_a_body(client):
    get, head = client.get("/"), client.head("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert int(head.headers["content-length"]) == len(get.content)


def test_check_reply_has_no_path_of_the_machine(client, kb):
    text = client.get("/api/check").text
    assert str(kb.kb_dir) not in text and str(Path.home()) not in text
    check = json.loads(text)
    files = {f["file"] for f in check["findings"] if f.get("file")}
    assert files and all(not f.startswith("/") for f in files)
    assert "readings.pl" in files and check["kb"]["dir"] == "." and check["scenarios"]["dir"] == "cases"


# -- the Host header (DNS rebinding) --------------------------------------------------------------

@pytest.fixture(scope="module")
def guarded(kb):
    app = create_app(kb, allowed_hosts=[*LOOPBACK_HOSTS, "pyreason.internal"], port=8000)
    return TestClient(app, base_url="http://127.0.0.1:8000")


@pytest.mark.parametrize("host, ok", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("localhost", True), ("[::1]:8000", True),
    ("LOCALHOST:8000", True), ("pyreason.internal", True), ("pyreason.internal:8000", True),
    ("evil.example:8000", False), ("127.0.0.1.evil.example:8000", False), ("localhost:9999", False),
    ("localhost:80x", False), ("[::1", False), ("", False), ("localhost.:8000", False),
])
def test_a_foreign_host_header_is_refused(guarded, host, ok):
    r = guarded.get("/api/kbs", headers={"host": host})
    if ok:
        assert r.status_code == 200, host
    else:
        assert r.status_code == 400, host
        err = r.json()["error"]
        assert err["code"] == "bad_host" and err["field"] == "Host" and "localhost" in err["suggestions"]
    # the page too, and before anything else is read
    assert guarded.post("/api/ask", json={"question": "approver", "matter": "变卖"},
                        headers={"host": host}).status_code == (200 if ok else 400)


# -- reports served for download ------------------------------------------------------------------

def test_a_case_number_never_lands_as_markup_in_a_downloaded_report(client):
    hostile = '<img src=x onerror=alert(1)></td><script>alert(2)</script>'
    params = {"question": "approver", "matter": "变卖", "case_number": hostile}
    r = client.get("/report", params={**params, "format": "html"})
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    assert "<img src=x" not in r.text and "<script>alert(2)" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text
    # the page offers no Markdown (or text) download, where markup would pass through unescaped
    for fmt in ("md", "txt"):
        refused = client.get("/report", params={**params, "format": fmt})
        assert refused.status_code == 422 and refused.json()["error"]["field"] == "format"


# -- pyreason serve ------------------------------------------------------------------------------------

def _pyreason(*args):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "pyreason", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, stdin=subprocess.DEVNULL)


def test_serve_on_a_busy_port_fails_with_one_line_before_its_url():
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    port = busy.getsockname()[1]
    try:
        proc = _pyreason("serve", "--port", str(port))
        out, err = proc.communicate(timeout=120)
    finally:
        busy.close()
    assert proc.returncode == 1, err
    assert out == "" and len(err.strip().splitlines()) == 1, err
    assert f"127.0.0.1:{port}" in err and "http://" not in err and "Traceback" not in err


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("flag", [None, "--no-access-log"])
def test_serve_logs_each_request_and_checks_the_host(flag):
    port = _free_port()
    proc = _pyreason("serve", "--port", str(port), "--allow-host", "pyreason.internal", *([flag] if flag else []))
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                httpx.get(f"{base}/api/kbs", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        assert httpx.get(f"{base}/api/kbs").status_code == 200
        assert httpx.get(f"{base}/api/kbs", headers={"host": "pyreason.internal"}).status_code == 200
        bad = httpx.get(f"{base}/api/kbs", headers={"host": "rebound.example"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_host"
        head = httpx.head(f"{base}/")
        assert head.status_code == 200 and head.content == b""
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    lines = [line for line in err.splitlines() if "GET /api/kbs" in line]
    if flag is None:
        assert len(lines) >= 3 and any("400" in line for line in lines) and '"HEAD / HTTP' in err
    else:
        assert lines == []
    assert f"http://127.0.0.1:{port}/" in err


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
