"""The server under load and abuse: worker processes, the time budget, cancellation when a client
leaves, load shedding, streamed batches, bodies counted as they arrive, input caps, and every
message in the engine's words. Deterministic: a question that spins far longer than any budget
(a copy of the refunds KB with one more question) holds a worker for as long as a test needs."""

import asyncio
import contextlib
import json
import select
import subprocess
import sys
import shutil
import socket
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from pyreason import KnowledgeBase
from pyreason.serve_pool import MAX_DEPTH, MAX_TEXT_CHARS
from pyreason.web import MAX_BODY_BYTES, bind, create_app

from conftest import live_server

ROOT = Path(__file__).resolve().parent.parent
SPIN = {"question": "spin", "rounds": 10 ** 15}          # never ends within any budget of these tests


@pytest.fixture(scope="module")
def spin_kb(tmp_path_factory):
    """The refunds KB and a question that counts to ``rounds``: as slow as a test needs, and safe
    (library(sandbox) passes it). Limits so high that only the server's budget stops it."""
    d = tmp_path_factory.mktemp("spin") / "kb"
    shutil.copytree(ROOT / "tests" / "kbs" / "refunds", d)
    with (d / "questions.pl").open("a", encoding="utf-8") as f:
        f.write("\nquestion(spin, [rounds=N], q_spin(N, F, T), F, T).\n"
                "input(spin, rounds, integer, [required]).\n"
                "answer_field(spin, done, boolean, []).\n"
                "q_spin(N, _{done: true}, []) :- forall(between(1, N, _), true).\n")
    return KnowledgeBase(d, time_limit=3600, inference_limit=10 ** 15)


@contextlib.contextmanager
def _serve(kbs, **options):
    """A live server over ``kbs``, stopped (its workers with it) even when the test fails."""
    server = live_server(create_app(kbs, **options))
    base = next(server)
    try:
        yield base
    finally:
        next(server, None)


def _status(base):
    return httpx.get(f"{base}/api/status", timeout=30).json()


def _until(base, test, seconds=60):
    """Poll /api/status until ``test`` holds (a generous limit: nothing here measures speed)."""
    for _ in range(int(seconds * 10)):
        status = _status(base)
        if test(status):
            return status
        time.sleep(0.1)
    raise AssertionError(f"never: {status}")


def _hold(base, path, body: bytes):
    """A request sent on a raw socket and left open: closing the socket is the client leaving."""
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=30)
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    return sock


# -- the budget and cancellation ---------------------------------------------------------------

def test_a_request_over_its_budget_is_stopped_and_its_worker_replaced(spin_kb, kb):
    with _serve([spin_kb, kb], workers=1, budget=0.5) as base:
        assert _status(base)["mode"] == "processes" and _status(base)["ready"] == 1
        r = httpx.post(f"{base}/api/ask", json=SPIN, timeout=60)
        assert r.status_code == 422
        err = r.json()["error"]
        assert err["code"] == "time_limit" and "0.5" in err["message"] and "--budget" in err["message"]
        assert set(err) == {"code", "field", "message", "suggestions"}
        # the worker that ran it was killed and another took its place: the server answers again
        _until(base, lambda s: s["restarts"] == 1 and s["ready"] == 1 and s["busy"] == 0)
        ok = httpx.post(f"{base}/api/ask?kb=wanfa-2023-123", json={"question": "approver", "matter": "变卖"},
                        timeout=60)
        assert ok.status_code == 200 and ok.json() == kb.ask({"question": "approver", "matter": "变卖"})
        en = httpx.post(f"{base}/api/ask?lang=en", json=SPIN, timeout=60).json()["error"]
        assert en["code"] == "time_limit" and en["message"].startswith("the request took longer")


def test_a_client_that_leaves_stops_its_request(spin_kb):
    # a budget of ten minutes: only the client's leaving can free the worker this soon
    with _serve([spin_kb], workers=1, budget=600) as base:
        sock = _hold(base, "/api/ask", json.dumps(SPIN).encode())
        _until(base, lambda s: s["busy"] == 1)
        sock.close()                                      # the client gives up
        status = _until(base, lambda s: s["restarts"] == 1 and s["busy"] == 0 and s["ready"] == 1)
        assert status["waiting"] == 0


def test_a_full_server_sheds_load_with_503_and_retry_after(spin_kb):
    with _serve([spin_kb], workers=1, queue_bound=0, budget=600) as base:
        # (with flips: no question is ever sent behind it to the same worker)
        holder = _hold(base, "/api/ask?flips=true", json.dumps(SPIN).encode())
        _until(base, lambda s: s["busy"] == 1)
        for lang, start in (("zh", "服务器繁忙"), ("en", "the server is busy")):
            r = httpx.post(f"{base}/api/ask?lang={lang}", json={"question": "approver", "matter": "退费"}, timeout=30)
            assert r.status_code == 503 and r.headers["retry-after"] == "1"
            assert r.json()["error"]["code"] == "overloaded" and r.json()["error"]["message"].startswith(start)
        page = httpx.get(f"{base}/answer", params={"question": "approver", "matter": "退费"}, timeout=30)
        assert page.status_code == 503 and page.headers["retry-after"] == "1"
        # what needs no worker is still answered
        assert httpx.get(f"{base}/api/kbs", timeout=30).status_code == 200
        holder.close()                                    # its client left: the worker is freed
        _until(base, lambda s: s["busy"] == 0 and s["ready"] == 1)
        ok = httpx.post(f"{base}/api/ask", json={"question": "approver", "matter": "退费"}, timeout=30)
        assert ok.status_code == 200 and ok.json()["answer"] == {"approver": None}


def test_a_batch_never_takes_the_last_worker_from_questions(spin_kb):
    with _serve([spin_kb], workers=2, budget=600, batch_budget=600) as base:
        body = "\n".join(json.dumps(SPIN) for _ in range(3)) + "\n"
        holder = _hold(base, "/api/batch", body.encode())
        _until(base, lambda s: s["batches"] == 1 and s["busy"] == 1)
        for _ in range(5):                               # the other worker answers questions meanwhile
            r = httpx.post(f"{base}/api/ask", json={"question": "approver", "matter": "退费",
                                                    "facts": {"amount": "5000元"}}, timeout=30)
            assert r.status_code == 200 and r.json()["status"] == "answered"
        status = _status(base)
        assert status["busy"] == 1 and status["batch_chunks_waiting"] == 0
        holder.close()
        _until(base, lambda s: s["batches"] == 0 and s["busy"] == 0 and s["ready"] == 2)


# -- bodies and batches --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(kb):
    with _serve(kb) as base:
        yield base


def test_a_chunked_body_is_refused_once_it_passes_the_limit_not_at_its_end(server):
    """The body is sent chunked, with no end in sight: the 413 must come after about 1 MB."""
    host, port = server.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(f"POST /api/ask?lang=en HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        piece = b"[" * 65536
        chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        while sent < 8 * MAX_BODY_BYTES and not select.select([sock], [], [], 0)[0]:
            try:
                sock.sendall(chunk)
            except OSError:
                break
            sent += len(piece)
        sock.settimeout(30)
        data = b""
        while b"}}" not in data:                           # the header and the body may come apart
            more = sock.recv(65536)
            if not more:
                break
            data += more
        reply = data.decode("utf-8", "replace")
    assert reply.startswith("HTTP/1.1 413"), reply[:200]
    assert sent < 8 * MAX_BODY_BYTES
    assert '"code":"too_large"' in reply and "1000000 bytes" in reply


def test_a_batch_streams_pretty_json_past_one_megabyte_and_refuses_only_a_long_line(server, kb):
    scenario = {"question": "approver", "matter": "变卖", "description": "x" * 500}
    pretty = json.dumps(scenario, ensure_ascii=False, indent=None, separators=(", ", ": "))
    lines = [pretty] * 2100 + [""] + ['{"question": "superior", "role": "书记员", "notes": "' + "y" * MAX_BODY_BYTES + '"}',
                                       json.dumps({"question": "superior", "role": "书记员"})]
    body = "\n".join(lines) + "\n"
    assert len(body.encode()) > 2 * MAX_BODY_BYTES
    r = httpx.post(f"{server}/api/batch", content=body.encode(), timeout=300,
                   headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    out = [json.loads(x) for x in r.text.splitlines()]
    assert len(out) == 2102
    expected = kb.ask_many([scenario])[0]                 # what `pyreason batch` gives for the line
    assert all(a == expected for a in out[:2100])
    assert out[2100] == {"line": 2102, "status": "error", "error": {
        "code": "too_large", "field": None, "message": "这一行超过 1000000 字节的上限", "suggestions": []}}
    assert out[2101]["answer"]["superior"] == "团队长"           # line 2103: the blank line counted


def test_a_batch_line_that_is_not_json_says_where_in_the_engines_words(server):
    r = httpx.post(f"{server}/api/batch?lang=en", content=b'{"question": "approver",\n\n[1]\n', timeout=60)
    out = [json.loads(x) for x in r.text.splitlines()]
    assert out[0]["line"] == 1 and out[0]["error"]["code"] == "syntax"
    assert out[0]["error"]["message"].startswith("JSON syntax error (line 1, column")
    assert out[1]["line"] == 3 and out[1]["error"]["message"] == "a JSON object (one scenario) was expected"


# -- caps -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(kb):
    return TestClient(create_app(kb))


def test_an_opinion_over_the_cap_is_refused_naming_the_field(client):
    votes = [{"role": "局长", "opinion": "同意"}, {"role": "副局长", "opinion": "意" * (MAX_TEXT_CHARS + 1)}]
    r = client.post("/api/ask", json={"question": "meeting", "meeting": "局务会议", "votes": votes})
    assert r.status_code == 422
    assert r.json()["error"] == {"code": "too_long", "field": "votes[1].opinion",
                                 "message": f"超过 {MAX_TEXT_CHARS} 个字符的上限", "suggestions": []}
    votes[1]["opinion"] = "意" * MAX_TEXT_CHARS
    assert client.post("/api/ask", json={"question": "meeting", "meeting": "局务会议", "votes": votes}).status_code == 200
    long_case = client.get("/report", params={"question": "approver", "matter": "变卖", "case_number": "号" * 201,
                                              "lang": "en"})
    assert long_case.status_code == 422
    assert long_case.json()["error"] == {"code": "invalid", "field": "case_number",
                                         "message": "longer than the limit of 200 characters", "suggestions": []}


def test_deep_nesting_is_refused_naming_the_field(client):
    notes: list = []
    for _ in range(MAX_DEPTH + 2):
        notes = [notes]
    r = client.post("/api/ask?lang=en", json={"question": "approver", "matter": "变卖", "notes": notes})
    assert r.status_code == 422 and r.json()["error"]["code"] == "too_deep"
    assert r.json()["error"]["field"].startswith("notes[0][0]")
    assert r.json()["error"]["message"] == f"nested deeper than the limit of {MAX_DEPTH} levels"


# -- every message in the engine's words --------------------------------------------------------------

@pytest.mark.parametrize("method, url, kwargs, status, zh, en", [
    ("post", "/api/ask?lang=fr", {"json": {"question": "approver", "matter": "变卖"}}, 422,
     "应为以下之一：zh、en", None),
    ("post", "/api/ask?flips=maybe", {"json": {"question": "approver", "matter": "变卖"}}, 422,
     "应为 true 或 false", "must be true or false"),
    ("post", "/api/ask", {"json": [1, 2]}, 422, "应为 JSON 对象（一个情形）", "a JSON object (one scenario) was expected"),
    ("post", "/api/ask", {"content": b"{nope", "headers": {"content-type": "application/json"}}, 422,
     "JSON 语法错误（第 1 行第 2 列）", "JSON syntax error (line 1, column 2)"),
    ("post", "/api/ask", {"content": b'{"question": "\xff"}', "headers": {"content-type": "application/json"}}, 422,
     "不是 UTF-8 编码的文本", "not text in UTF-8"),
    ("get", "/articles?n=abc", {}, 422, "应为整数", "must be an integer"),
    ("get", "/articles?n=0", {}, 422, "应不小于 1", "must be at least 1"),
    ("post", "/api/ask?kb=nope", {"json": {"question": "approver", "matter": "变卖"}}, 422,
     "本服务器没有名为 'nope' 的知识库", "no knowledge base named 'nope'"),
    ("get", "/api/nothing", {}, 404, "/api/nothing 处没有内容", "nothing at /api/nothing"),
    ("put", "/api/ask", {}, 405, "/api/ask 不接受 PUT 请求", "PUT is not allowed on /api/ask"),
    ("post", "/api/ask", {"content": b"x" * (MAX_BODY_BYTES + 1), "headers": {"content-type": "application/json"}},
     413, "请求超过 1000000 字节的上限", "the request is larger than the limit of 1000000 bytes"),
])
def test_api_messages_are_the_engines_words_in_the_language_asked(client, method, url, kwargs, status, zh, en):
    for lang, expected in (("zh", zh), ("en", en)):
        if expected is None:
            continue
        target = url if lang == "zh" else url + ("&" if "?" in url else "?") + "lang=en"
        r = client.request(method.upper(), target, **kwargs)
        assert r.status_code == status
        message = r.json()["error"]["message"]
        assert message.startswith(expected), message
        assert not any(w in message for w in ("Input should", "String should", "JSON decode", "missing_field"))


def test_a_scenario_error_is_the_kbs_words_not_its_code(client):
    for lang, expected in (("zh", "缺少字段 matter"), ("en", "missing field 'matter'")):
        err = client.post(f"/api/ask?lang={lang}", json={"question": "approver"}).json()["error"]
        assert err["field"] == "matter" and err["message"] == expected


# -- the socket -----------------------------------------------------------------------------------------

def test_the_listening_socket_lets_asyncio_turn_nagle_off():
    """Each keep-alive reply waited ~40 ms for the client's delayed ACK while Nagle was on."""
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    seen = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport):
            s = transport.get_extra_info("socket")
            seen.append(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def main():
        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await reader.read()
        writer.close()
        server.close()
    asyncio.run(main())
    assert seen and seen[0] != 0


# -- pyreason serve ------------------------------------------------------------------------------------

def _children(pid):
    """The processes whose parent is ``pid`` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_a_worker_busy_in_prolog_dies_with_a_killed_server(spin_kb):
    """It reads no socket while it spins, so only its parent's death can tell it to stop."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pyreason", "--time-limit", "3600", "--inference-limit",
                             str(10 ** 15), "serve", "--kb", str(spin_kb.kb_dir), "--workers", "1", "--port",
                             str(port), "--budget", "600", "--no-access-log"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            try:
                if httpx.get(f"{base}/api/status", timeout=2).json()["ready"] == 1:
                    break
            except (httpx.TransportError, ValueError):
                assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.1)
        holder = _hold(base, "/api/ask?flips=true", json.dumps(SPIN).encode())
        _until(base, lambda s: s["busy"] == 1)
        workers = _children(proc.pid)
        assert len(workers) == 1
    finally:
        proc.kill()
        proc.wait(timeout=30)
    holder.close()
    for _ in range(600):
        if not _alive(workers[0]):
            break
        time.sleep(0.1)
    assert not _alive(workers[0])


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_plain_and_other_parameters_give_the_same_answers_and_errors(client):
    """POST /api/ask with plain parameters takes a short way past the router: it must agree with
    the long way (any other spelling of the same parameters) in every answer and error."""
    bodies = [{"question": "approver", "matter": "执行案款的发放", "facts": {"absent": ["局长"]}},
              {"question": "approver", "matter": "执行款发放"}, {"question": "approver"}, [1]]
    for query in ("", "?lang=en", "?flips=true&lang=en", "?kb=wanfa-2023-123&flips=false"):
        for body in bodies:
            short = client.post(f"/api/ask{query}", json=body)
            long = client.post(f"/api/ask{query}{'&' if query else '?'}kb=%77anfa-2023-123", json=body)
            assert (short.status_code, short.json()) == (long.status_code, long.json()), (query, body)
    assert client.post("/api/ask?kb=nope", json=bodies[0]).json()["error"]["code"] == "unknown_kb"
    big = client.post("/api/ask", content=b" " * (MAX_BODY_BYTES + 1), headers={"content-type": "application/json"})
    assert big.status_code == 413
