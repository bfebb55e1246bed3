"""The local web page for analysts and the HTTP API for case-management systems.

A thin layer over :class:`pyreason.KnowledgeBase` (FastAPI: the API's OpenAPI description is
derived from the typed endpoints). One server may serve several knowledge bases; each request
chooses one by name (``?kb=<name>``; default: the first). The page is server-rendered with the
project's jinja2 templates (reports/web/), its forms generated from each KB's declarations
(pyreason/forms.py); it needs no JavaScript. Nothing a client sends is ever evaluated as code.

``pyreason serve`` answers with worker processes, each with its own Prolog engine
(pyreason/serve_pool.py): the event loop here parses HTTP and hands each request's raw body to a
free worker, so throughput grows with cores and a batch never blocks a question. Every request
has a time budget and is cancelled when its client leaves; past a bound of waiting requests the
answer is 503 with Retry-After. :func:`create_app` without ``workers`` runs the same jobs in this
process (for Python and tests). Served on loopback, it answers only requests addressed to
localhost (the Host header), so that no web page can reach it by making its own name resolve to
127.0.0.1. Every message is in the engine's words (reports/labels.yaml, ``api``), Chinese or
English (``lang=en``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect

from . import __version__
from .errors import InternalError, KBError, PyreasonError, ScenarioError
from .forms import FormBuilder, scenario_from_form
from .kb import KnowledgeBase
from .render import _environment, answer_rows, citation_label, labels, question_label, zh_number
from .serve_pool import (CHUNK_LINES, MAX_BODY_BYTES, MAX_TEXT_CHARS, Inline, OverBudget, Overloaded, Pool,
                         WorkerLost, words)

#: A request (and one line of a batch) larger than this is refused (413), counted as it arrives.
MAX_BODY_BYTES = MAX_BODY_BYTES
#: Seconds a request may take in all, waiting for a worker included (pyreason serve --budget).
BUDGET = 10.0
#: Seconds a whole batch may take (pyreason serve --batch-budget).
BATCH_BUDGET = 600.0
#: Requests that may wait for a busy worker, per worker, before the next is refused (503).
QUEUE_PER_WORKER = 32
#: Seconds a client refused with 503 is told to wait (Retry-After).
RETRY_AFTER = 1
LANGS = ("zh", "en")
#: The names a server bound to loopback answers to (with or without the port): any other Host is
#: refused, so that a web page whose name is made to resolve to 127.0.0.1 cannot use it (DNS rebinding).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")

_CITATION = {"type": "object", "required": ["article", "paragraph", "item"],
             "properties": {"article": {"type": "integer", "minimum": 1},
                            "paragraph": {"type": ["integer", "null"], "minimum": 1},
                            "item": {"type": ["integer", "null"], "minimum": 1}}}
_CITATIONS = {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}}
_READING = {"type": "object", "required": ["id", "text", "citations"],
            "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "citations": _CITATIONS}}
#: The answer object of docs/questions.md (the envelope every KB shares; `answer`'s fields are the KB's).
#: Written once here; the OpenAPI description refers to its parts under #/components/schemas/.
ANSWER_SCHEMAS: dict[str, Any] = {
    "Citation": {**_CITATION, "description": "An article, its paragraph (款) and item (项); null where they do not apply"},
    "Step": {"type": "object", "required": ["rule", "kind", "text", "citations"],
             "description": "One reasoning step",
             "properties": {"rule": {"type": "string"},
                            "kind": {"enum": ["because", "why_not", "note"],
                                     "description": "because: a rule that applied; why_not: one that did not, "
                                                    "and why; note: a remark that changes nothing"},
                            "text": {"type": "string"}, "citations": _CITATIONS}},
    "Reading": {**_READING, "description": "A gap (what the document does not say) or an interpretation "
                                           "(a reading of its text) that the answer rests on"},
    "KBIdentity": {"type": "object", "required": ["fingerprint", "name", "version"],
                   "properties": {"fingerprint": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
                                  "name": {"type": ["string", "null"]}, "version": {"type": ["string", "null"]}}},
    "Answer": {
        "type": "object",
        "description": "The answer of docs/questions.md. With flips=true it also has `flips`.",
        "required": ["question", "status", "answer", "citations", "explanation", "gaps", "interpretations", "kb"],
        "properties": {
            "question": {"type": "string"},
            "status": {"enum": ["answered", "gap"],
                       "description": "gap: the document gives no answer for these facts (the fields it "
                                      "cannot fill are null; `gaps` says what is missing)"},
            "answer": {"type": "object", "description": "The answer fields the KB declares for the question"},
            "citations": _CITATIONS,
            "explanation": {"type": "array", "items": {"$ref": "#/components/schemas/Step"}},
            "gaps": {"type": "array", "items": {"$ref": "#/components/schemas/Reading"}},
            "interpretations": {"type": "array", "items": {"$ref": "#/components/schemas/Reading"}},
            "kb": {"$ref": "#/components/schemas/KBIdentity"},
            "flips": {"type": "array", "description": "The single changes of facts that change the answer",
                      "items": {"type": "object", "required": ["change", "description", "status", "answer"],
                                "properties": {"change": {}, "description": {"type": "string"},
                                               "status": {"enum": ["answered", "gap"]},
                                               "answer": {"type": "object"}}}},
        },
    },
    "Error": {
        "type": "object", "required": ["error"], "additionalProperties": False,
        "properties": {"error": {
            "type": "object", "required": ["code", "field", "message", "suggestions"],
            "properties": {"code": {"type": "string"},
                           "field": {"type": ["string", "null"], "description": "e.g. matter, facts.absent[0]"},
                           "message": {"type": "string"},
                           "suggestions": {"type": "array", "items": {"type": "string"},
                                           "description": "The closest known names, best first"}}}},
    },
}


def answer_schema() -> dict[str, Any]:
    """The answer object as one standalone JSON Schema (the $refs resolved within it)."""
    def local(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: (v.replace("#/components/schemas/", "#/$defs/") if k == "$ref" else local(v))
                    for k, v in x.items()}
        return [local(v) for v in x] if isinstance(x, list) else x
    defs = local({k: v for k, v in ANSWER_SCHEMAS.items() if k not in ("Answer", "Error")})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **local(ANSWER_SCHEMAS["Answer"]),
            "$defs": defs}


def _plain_params(query_string: bytes) -> tuple[str, bool, str | None] | None:
    """``(lang, flips, kb)`` of a query string that holds only those, written plainly
    (``lang=zh|en``, ``flips=true|false``, ``kb=`` a name with no escapes); else None."""
    lang, flips, kb = "zh", False, None
    if not query_string:
        return lang, flips, kb
    for part in query_string.split(b"&"):
        key, _, value = part.partition(b"=")
        if key == b"lang" and value in (b"zh", b"en"):
            lang = value.decode()
        elif key == b"flips" and value in (b"true", b"false"):
            flips = value == b"true"
        elif key == b"kb" and value and value.isascii() and b"%" not in value and b"+" not in value:
            kb = value.decode()
        else:
            return None
    return lang, flips, kb


def _lang_of(query_string: bytes | str) -> str:
    """The language a request asked for (``lang=en``), for its error messages; Chinese by default."""
    if isinstance(query_string, bytes):
        query_string = query_string.decode("latin-1")
    return "en" if "lang=en" in query_string.split("&") else "zh"


class _TooLarge(Exception):
    """A body went over the limit while it was being read."""


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request's body, counted as it arrives (chunked or not): _TooLarge past ``limit``, never
    buffered whole first."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise _TooLarge()
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge()
        parts.append(chunk)
    return b"".join(parts)


class _BodyLimit:
    """Refuse (413) a body over MAX_BODY_BYTES: at once when its Content-Length says so, else as
    soon as the bytes read pass the limit (a body sent chunked is counted as it arrives). A batch
    streams, so its limit is per line (pyreason/serve_pool.py)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] == "/api/batch":
            return await self.app(scope, receive, send)
        lang = _lang_of(scope.get("query_string", b""))
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > MAX_BODY_BYTES:
                return await _too_large(lang)(scope, receive, send)
        seen = 0
        started = False

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > MAX_BODY_BYTES:
                    raise _TooLarge()
            return message

        async def watched(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await _too_large(lang)(scope, receive, send)


def _too_large(lang: str) -> JSONResponse:
    return _error(413, "too_large", None, words(lang)["too_large"].format(MAX_BODY_BYTES))


class _Shed:
    """Answer 503 with Retry-After at once, before routing or reading the body, to a question
    (POST /api/ask, the page's answer and report) that would find every worker busy and the
    bound of waiting requests reached: shedding load must cost less than answering."""

    PATHS = {("POST", "/api/ask"), ("GET", "/answer"), ("GET", "/report")}

    def __init__(self, app: Any, pool: Any):
        self.app = app
        self.pool = pool

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.pool.saturated() and (scope["method"], scope["path"]) in self.PATHS:
            lang = _lang_of(scope.get("query_string", b""))
            response = _error(503, "overloaded", None, words(lang)["overloaded"].format(RETRY_AFTER),
                              headers={"Retry-After": str(RETRY_AFTER)})
            return await response(scope, receive, send)
        await self.app(scope, receive, send)


class _HostCheck:
    """Refuse (400) a request whose Host header is not one of the names this server answers to."""

    def __init__(self, app: Any, allowed: Sequence[str], port: int | None):
        self.app = app
        self.allowed = {h.lower() for h in allowed}
        self.port = port

    def ok(self, host: str) -> bool:
        host = host.strip().lower()
        if host.startswith("["):                        # [::1] or [::1]:8000
            end = host.find("]")
            if end < 0:
                return False
            name, rest = host[:end + 1], host[end + 1:]
        else:
            name, colon, port = host.partition(":")
            rest = colon + port
        if rest:
            if not rest.startswith(":") or not rest[1:].isdigit():
                return False
            if self.port is not None and int(rest[1:]) != self.port:
                return False
        return name in self.allowed

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if self.ok(host):
            return await self.app(scope, receive, send)
        w = words(_lang_of(scope.get("query_string", b"")))
        names = sorted(self.allowed)
        response = _error(400, "bad_host", "Host", w["bad_host"].format(repr(host[:100]), ", ".join(names)), names)
        await response(scope, receive, send)


def _error(status: int, code: str, field: str | None, message: str,
           suggestions: list[str] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "field": field, "message": message,
                                   "suggestions": suggestions or []}}, status_code=status, headers=headers)


def _param_message(err: dict[str, Any], lang: str) -> str:
    """A parameter error of FastAPI (pydantic) in the server's words, not pydantic's English."""
    w = words(lang)
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    if kind == "missing":
        return w["param_missing"]
    if kind == "string_pattern_mismatch":
        m = re.fullmatch(r"\^\(([\w|]+)\)\$", str(ctx.get("pattern", "")))
        return w["param_one_of"].format(("、" if lang == "zh" else ", ").join(m.group(1).split("|"))) if m \
            else w["param_invalid"]
    if kind == "string_too_long":
        return w["param_too_long"].format(ctx.get("max_length"))
    if kind == "bool_parsing":
        return w["param_boolean"]
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return w["param_integer"]
    if kind in ("greater_than_equal", "greater_than"):
        return w["param_ge"].format(ctx.get("ge", ctx.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return w["param_le"].format(ctx.get("le", ctx.get("lt")))
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return w["not_an_object"]
    return w["param_invalid"]


def _relative(value: Any, kb_dir: str) -> Any:
    """`check`'s result with no path of this machine in it: files relative to the KB directory."""
    root = kb_dir.rstrip("/") + "/"
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k == "dir" and isinstance(v, str):
                v = "." if v.rstrip("/") == root[:-1] else v.removeprefix(root)
            out[k] = _relative(v, kb_dir)
        return out
    if isinstance(value, list):
        return [_relative(v, kb_dir) for v in value]
    if isinstance(value, str):
        return re.sub(re.escape(root[:-1]) + r"(?![\w.-])", ".", value.replace(root, ""))
    return value


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 300 else line[:300] + "…"


class UnknownKB(Exception):
    """A request named a knowledge base this server does not serve."""

    def __init__(self, name: str, known: list[str]):
        self.name, self.known = name, known
        super().__init__(name)


class KBs:
    """The knowledge bases one server serves, by name; the first is the default."""

    def __init__(self, kbs: Sequence[KnowledgeBase]):
        self.all: list[KnowledgeBase] = []
        for kb in kbs:
            if hasattr(kb, "kb_for"):         # a rule set: its workers would load one document only
                from .ruleset import words as ruleset_words
                raise KBError(ruleset_words()["en"]["ruleset_not_served"].format(path=getattr(kb, "path", kb)))
            if any(k.fingerprint == kb.fingerprint for k in self.all):
                continue                      # the same KB twice
            other = next((k for k in self.all if k.name == kb.name), None)
            if other is not None:
                raise KBError(f"two knowledge bases are named {kb.name} (versions {other.version} and "
                              f"{kb.version}); serve one of them, or give one another kb_name/1")
            self.all.append(kb)
        if not self.all:
            raise KBError("no knowledge base to serve")

    def pick(self, name: str | None) -> KnowledgeBase:
        return self.all[self.index(name)]

    def index(self, name: str | None) -> int:
        """The position of the KB named ``name`` (the first without one); UnknownKB if none is."""
        if not name:
            return 0
        for i, kb in enumerate(self.all):
            if kb.name == name:
                return i
        raise UnknownKB(name, [k.name for k in self.all])

    def listing(self) -> list[dict[str, Any]]:
        return [{**kb.identity, "title": kb.document["document"].get("title"),
                 "number": kb.document["document"].get("number")} for kb in self.all]


async def _batch_chunks(request: Request, index: int, lang: str) -> AsyncIterator[tuple[dict[str, Any], bytes]]:
    """The body's lines as they arrive, in chunks of CHUNK_LINES non-blank lines (or about
    MAX_BODY_BYTES): ``(meta, body)`` for a worker, lines numbered from 1 (blank lines count). A
    line over MAX_BODY_BYTES is skipped as it streams (never held whole) and listed in ``long``."""
    buf = bytearray()
    n = 0
    lines: list[int] = []
    texts: list[bytes] = []
    long: list[int] = []
    size = 0
    skipping = False

    def chunk() -> tuple[dict[str, Any], bytes]:
        out = ({"op": "batch", "kb": index, "lang": lang, "lines": list(lines), "long": list(long)},
               b"\n".join(texts))
        lines.clear(), texts.clear(), long.clear()
        return out

    def take(line: bytes) -> None:
        nonlocal size
        if line.strip():
            lines.append(n)
            texts.append(line.rstrip(b"\r"))
            size += len(line)

    async for data in request.stream():
        buf += data
        while True:
            i = buf.find(b"\n")
            if i < 0:
                if len(buf) > MAX_BODY_BYTES and not skipping:
                    long.append(n + 1)
                    skipping = True
                if skipping:
                    buf.clear()
                break
            line = bytes(buf[:i])
            del buf[:i + 1]
            n += 1
            if skipping:
                skipping = False
            elif len(line) > MAX_BODY_BYTES:
                long.append(n)
            else:
                take(line)
            if len(lines) + len(long) >= CHUNK_LINES or size > MAX_BODY_BYTES:
                size = 0
                yield chunk()
    if buf or skipping:
        n += 1
        if not skipping:
            if len(buf) > MAX_BODY_BYTES:
                long.append(n)
            else:
                take(bytes(buf))
    if lines or long:
        yield chunk()


class _Stream(StreamingResponse):
    """A streamed response that leaves ``receive`` to the endpoint: the batch reads its body while
    it answers (Starlette's own would consume the body, listening for a disconnect)."""

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        try:
            async for chunk in self.body_iterator:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            await self.body_iterator.aclose()


def _example(kb: KnowledgeBase) -> dict[str, Any]:
    """A scenario of the KB's first question kind, its required inputs filled with known names:
    the example the OpenAPI description shows (made from the KB, so right for any KB)."""
    if not kb.declarations["questions"]:
        return {}
    q = kb.declarations["questions"][0]
    out: dict[str, Any] = {"question": q["kind"]}
    for inp in q["inputs"]:
        t = inp["type"]
        if not inp["options"].get("required"):
            continue
        if t["type"] in ("name", "person"):
            names = [e["name"] for e in kb.vocabulary["kinds"].get(t.get("kind"), [])]
            if names:
                out[inp["field"]] = names[0]
    return out


def create_app(kb: KnowledgeBase | Sequence[KnowledgeBase] | None = None,
               allowed_hosts: Sequence[str] | None = None, port: int | None = None, *,
               workers: int | None = None, budget: float = BUDGET, batch_budget: float = BATCH_BUDGET,
               queue_bound: int | None = None) -> FastAPI:
    """The app over ``kb``: one knowledge base or several (default: the shipped one).

    With ``allowed_hosts``, a request whose Host header names another host (or, with ``port``,
    another port) is refused with 400: what :func:`serve` does on loopback, against DNS rebinding.

    With ``workers`` (1 or more), questions are answered by that many worker processes, each
    loading the KBs (pyreason/serve_pool.py), started with the app (its lifespan) or at the first
    request; without, in this process. ``budget``: seconds one request may take in all (waiting
    included), ``batch_budget`` a whole batch; ``queue_bound``: requests that may wait for a busy
    worker before the next is refused with 503 (default: QUEUE_PER_WORKER per worker, 64 in this process)."""
    if kb is None:
        kbs = KBs([KnowledgeBase()])
    elif isinstance(kb, KnowledgeBase) or hasattr(kb, "kb_for"):     # one KB (a rule set is refused)
        kbs = KBs([kb])
    else:
        kbs = KBs(list(kb))
    bound = queue_bound if queue_bound is not None else (QUEUE_PER_WORKER * workers if workers else 64)
    pool: Pool | Inline
    if workers:
        pool = Pool([str(k.kb_dir) for k in kbs.all], workers=workers, queue_bound=bound,
                    limits={"time_limit": kbs.all[0].time_limit, "inference_limit": kbs.all[0].inference_limit})
    else:
        pool = Inline(kbs.all, queue_bound=bound)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    served = "; ".join(f"{d['number'] or ''}《{d['title'] or d['name']}》({d['name']})" for d in kbs.listing())
    app = FastAPI(title="pyreason", version=__version__,
                  description=f"Answers, with citations, on the documents of the knowledge bases served: {served}. "
                              "Every endpoint takes ?kb=<name> (GET /api/kbs lists them; default: the first). "
                              "Scenarios and answers follow the contract of docs/questions.md in the pyreason repository; "
                              "the scenario schema of a KB is printed by `pyreason schema`. "
                              f"Each request has a time budget ({budget:g} s; a batch {batch_budget:g} s); a server "
                              "whose workers are all busy answers 503 with Retry-After.",
                  docs_url=None, redoc_url=None, lifespan=lifespan)   # Swagger would load scripts from a CDN
    app.state.pool = pool
    app.add_middleware(_BodyLimit)
    app.add_middleware(_Shed, pool=pool)               # a full server says so before reading anything
    if allowed_hosts is not None:
        app.add_middleware(_HostCheck, allowed=allowed_hosts, port=port)      # outermost: first to run

    async def until_disconnect(receive: Any) -> None:
        """Returns when the client has gone (the body has been read: nothing else may arrive)."""
        while (await receive())["type"] != "http.disconnect":
            pass

    async def run_job(receive: Any, meta: dict[str, Any], body: bytes, lang: str
                      ) -> tuple[dict[str, Any], bytes] | Response:
        """One job on the pool, within the budget, cancelled when the client leaves (``receive``
        says so): the worker's reply, or the error response (503 overloaded, 422 time_limit, 500
        worker lost)."""
        work = asyncio.ensure_future(pool.run(meta, body, budget=budget))
        gone = asyncio.ensure_future(until_disconnect(receive))
        try:
            await asyncio.wait((work, gone), return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
        if not work.done():                     # the client left: drop the job, or kill its worker
            work.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await work
            return Response(status_code=499)    # nobody reads it
        try:
            return work.result()
        except Overloaded:
            return overloaded(lang)
        except OverBudget as exc:
            if not exc.running:
                return overloaded(lang)
            return _error(422, "time_limit", None, words(lang)["time_limit"].format(f"{budget:g}"))
        except WorkerLost:
            return _error(500, "worker_lost", None, words(lang)["worker_lost"])

    def overloaded(lang: str) -> Response:
        return _error(503, "overloaded", None, words(lang)["overloaded"].format(RETRY_AFTER),
                      headers={"Retry-After": str(RETRY_AFTER)})

    def reply(result: tuple[dict[str, Any], bytes] | Response) -> Response:
        if isinstance(result, Response):
            return result
        meta, body = result
        return Response(body, status_code=meta["status"], media_type="application/json")

    class FastAsk:
        """POST /api/ask with plain parameters goes straight to a worker, past FastAPI's routing and
        parameter parsing (a fifth of the event loop's time per question); any other request,
        and any parameter written otherwise, goes the long way, to the same answers and errors."""

        def __init__(self, app: Any):
            self.app = app

        async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] != "http" or scope["path"] != "/api/ask" or scope["method"] != "POST":
                return await self.app(scope, receive, send)
            params = _plain_params(scope.get("query_string", b""))
            if params is None or (params[2] is not None and params[2] not in names):
                return await self.app(scope, receive, send)
            lang, flips, name = params
            parts = []
            while True:                          # counted by _BodyLimit, outside this one
                message = await receive()
                if message["type"] != "http.request":
                    return                       # the client left
                parts.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
            meta = {"op": "ask", "kb": kbs.index(name), "lang": lang, "flips": flips}
            response = reply(await run_job(receive, meta, b"".join(parts), lang))
            await response(scope, receive, send)

    names = {k.name for k in kbs.all}
    app.user_middleware.append(Middleware(FastAsk))     # innermost: inside the host check, shedding, body limit

    check_cache: dict[str, Any] = {}
    check_lock = threading.Lock()

    def check_result(kb: KnowledgeBase) -> dict[str, Any]:
        """`pyreason check` of a served KB (it needs its own process), run once per KB."""
        with check_lock:
            if kb.fingerprint not in check_cache:
                done = subprocess.run([sys.executable, "-m", "pyreason", "check", "--kb", str(kb.kb_dir),
                                       "--format", "json"], capture_output=True, text=True, timeout=300,
                                      stdin=subprocess.DEVNULL)
                try:
                    result = json.loads(done.stdout)
                except ValueError:
                    result = None
                if not isinstance(result, dict) or "summary" not in result:
                    last = (done.stderr.strip().splitlines() or ["no output"])[-1]
                    raise InternalError(f"check failed: {last[-300:]}")
                check_cache[kb.fingerprint] = _relative(result, str(kb.kb_dir))
            return check_cache[kb.fingerprint]

    KB_QUERY = Query(None, max_length=200, description="The knowledge base, by name (GET /api/kbs); default: the first")

    # -- the API ---------------------------------------------------------------

    @app.get("/api/kbs", summary="The knowledge bases this server serves (the first is the default)")
    def api_kbs() -> Any:
        """Each as ``{name, version, fingerprint, title, number}``."""
        return kbs.listing()

    def error_response(description: str) -> dict[str, Any]:
        return {"description": description,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}

    @app.post("/api/ask", summary="Answer one scenario",
              responses={200: {"description": "The answer (docs/questions.md)",
                               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Answer"}}}},
                         422: error_response("The scenario is invalid: names unknown things or contradicts "
                                             "itself, or is not JSON"),
                         413: error_response("The request is too large"),
                         503: error_response("Every worker is busy and enough requests wait already: retry "
                                             "after the seconds of Retry-After")},
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {}}}})
    async def api_ask(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                      flips: bool = Query(False, description="Also the single changes of facts that change the answer"),
                      kb: str | None = KB_QUERY) -> Response:
        """The contract's answer object; with ``flips=true`` also ``flips``."""
        index = kbs.index(kb)
        body = await read_body(request)
        meta = {"op": "ask", "kb": index, "lang": lang, "flips": flips}
        return reply(await run_job(request.receive, meta, body, lang))

    @app.post("/api/batch", summary="Answer JSON Lines, one scenario a line",
              response_class=Response, openapi_extra={
                  "requestBody": {"content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                                  "required": True}},
              responses={200: {"description": "JSON Lines: the answer of each line, or its error object",
                               "content": {"application/x-ndjson": {"schema": {"type": "string"}}}},
                         503: error_response("Batches already run on every worker that may take one: retry "
                                             "after the seconds of Retry-After")})
    async def api_batch(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                        kb: str | None = KB_QUERY) -> Response:
        """JSON Lines in, JSON Lines out, in input order; a bad line gives an error object. Both
        stream: lines are answered in chunks as they arrive, at a lower priority than single
        questions; a line over the size limit is an error object; the batch has its own budget."""
        index = kbs.index(kb)
        if pool.batches >= pool.max_batches:
            return _error(503, "overloaded", None, words(lang)["too_many_batches"].format(
                pool.max_batches, RETRY_AFTER), headers={"Retry-After": str(RETRY_AFTER)})
        pool.batches += 1
        deadline = time.monotonic() + batch_budget
        chunks = _batch_chunks(request, index, lang)

        async def answers() -> AsyncIterator[bytes]:
            """Each chunk runs while the next is read; output in order."""
            pending: tuple[asyncio.Future, int] | None = None
            first = 0
            try:
                async for meta, body in chunks:
                    job = asyncio.ensure_future(pool.run(meta, body, budget=deadline - time.monotonic(), bulk=True))
                    if pending is not None:
                        first = pending[1]
                        yield (await pending[0])[1]
                    pending = (job, min(meta["lines"] + meta["long"]))
                if pending is not None:          # the body is read: only a disconnect may arrive now
                    first = pending[1]
                    gone = asyncio.ensure_future(until_disconnect(request.receive))
                    try:
                        await asyncio.wait((pending[0], gone), return_when=asyncio.FIRST_COMPLETED)
                    finally:
                        gone.cancel()
                    if not pending[0].done():
                        return                   # the client left (finally: its worker is killed)
                    yield pending[0].result()[1]
                    pending = None
            except (OverBudget, WorkerLost, Overloaded) as exc:
                over = isinstance(exc, OverBudget)
                message = words(lang)["batch_time_limit" if over else "worker_lost"].format(f"{batch_budget:g}")
                yield json.dumps({"line": first, "status": "error", "error": {
                    "code": "time_limit" if over else "worker_lost", "field": None, "message": message,
                    "suggestions": []}}, ensure_ascii=False).encode() + b"\n"
            except ClientDisconnect:
                pass
            finally:
                if pending is not None and not pending[0].done():
                    pending[0].cancel()         # the client left: the chunk's worker is killed
                    with contextlib.suppress(BaseException):
                        await pending[0]
                pool.batches -= 1

        return _Stream(answers(), media_type="application/x-ndjson")

    @app.get("/api/articles", summary="The document's metadata and the clean text of every article")
    def api_articles(kb: str | None = KB_QUERY) -> Any:
        return kbs.pick(kb).document

    @app.get("/api/check", summary="The findings of `pyreason check` on a served knowledge base")
    def api_check(kb: str | None = KB_QUERY) -> Any:
        return check_result(kbs.pick(kb))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """Bad query parameters: the contract's error shape, in the engine's words."""
        lang = _lang_of(request.url.query)
        first = exc.errors()[0] if exc.errors() else {}
        field = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query")) or None
        return _error(422, "invalid", field, _param_message(first, lang))

    @app.exception_handler(_TooLarge)
    async def too_large(request: Request, exc: _TooLarge) -> Response:
        return _too_large(_lang_of(request.url.query))

    @app.exception_handler(UnknownKB)
    async def unknown_kb(request: Request, exc: UnknownKB) -> Response:
        lang = _lang_of(request.url.query)
        return _error(422, "unknown_kb", "kb", words(lang)["unknown_kb"].format(
            repr(exc.name[:100]), ", ".join(exc.known)), exc.known)

    @app.exception_handler(PyreasonError)
    async def pyreason_error(request: Request, exc: PyreasonError) -> Response:
        lang = _lang_of(request.url.query)
        return _error(500, "internal", None, words(lang)["internal"].format(_one_line(str(exc))))

    @app.get("/api/status", summary="The workers: how many, ready, busy; requests waiting; restarts")
    async def api_status() -> Any:
        """For operators and load balancers: ``{mode, workers, ready, busy, waiting,
        batch_chunks_waiting, batches, queue_bound, restarts, budget, batch_budget}``."""
        return {**pool.status(), "budget": budget, "batch_budget": batch_budget}

    # -- the page ----------------------------------------------------------------

    def page(name: str, lang: str, kb: KnowledgeBase, **context: Any) -> HTMLResponse:
        lab = labels(lang, kb)
        context.setdefault("error", None)
        form = context.pop("form", None)                   # the fields sent, to show them again
        context["fv"] = lambda k: (form.get(k) or "") if form is not None else ""
        context["fl"] = lambda k: form.getlist(k) if form is not None and hasattr(form, "getlist") else []
        several = len(kbs.all) > 1
        template = _environment().get_template(f"web/{name}.html.j2")
        html = template.render(lang=lang, lab=lab, wl=lab["web"], document=kb.document["document"],
                               version=__version__, kb=kb.identity, kbs=kbs.listing(), several=several,
                               kbq=("&" + urlencode({"kb": kb.name})) if several else "",
                               questions=kb.questions, qlabel=lambda q: question_label(kb, q, lang),
                               other_lang="en" if lang == "zh" else "zh", **context)
        return HTMLResponse(html)

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
              q: str | None = Query(None, max_length=100), kb: str | None = KB_QUERY) -> Response:
        chosen = kbs.pick(kb)
        active = q if q in chosen.questions else chosen.questions[0]
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        html = page("index", lang, chosen, active=active, controls=builder.question(active))
        if request.method == "HEAD":                      # as GET, without the body
            return Response(b"", media_type=html.media_type, headers={"content-length": str(len(html.body))})
        return html

    @app.get("/answer", response_class=HTMLResponse, include_in_schema=False)
    async def answer_page(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                          kb: str | None = KB_QUERY) -> Response:
        index = kbs.index(kb)
        chosen = kbs.all[index]
        params = request.query_params
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        scenario = scenario_from_form(params, builder, chosen.questions)
        result = await run_job(request.receive, {"op": "ask", "kb": index, "lang": lang, "flips": True, "source": "form"},
                               json.dumps(scenario, ensure_ascii=False).encode("utf-8", "surrogatepass"), lang)
        if isinstance(result, Response):
            return result
        meta, body = result
        if meta["status"] == 422:
            err = json.loads(body)["error"]
            line = ScenarioError("form", err["field"], {lang: err["message"]}, err["suggestions"], code=err["code"])
            active = scenario["question"] if scenario["question"] in chosen.questions else chosen.questions[0]
            return page("index", lang, chosen, active=active, controls=builder.question(active), form=params,
                        error=line.line(lang).removeprefix("form: "))
        if meta["status"] != 200:
            return reply(result)
        answer = json.loads(body)
        doc = chosen.document
        cite = lambda c: citation_label(c, doc, lang)     # noqa: E731
        hidden = [(k, v) for k, v in params.multi_items() if k not in ("case_number", "format")]
        rows = answer_rows(answer, lang, chosen)
        from .report import scenario_rows
        return page("answer", lang, chosen, a=answer, rows=rows, scenario=scenario, hidden=hidden,
                    facts=scenario_rows(chosen, scenario, lang),
                    quote=lambda c: quote(c, doc, lang, chosen), cite=cite, query=str(params),
                    scenario_json=json.dumps(scenario, ensure_ascii=False, indent=2),
                    flip_rows=[[r for r in answer_rows({"question": answer["question"], "status": f["status"],
                                                        "answer": f["answer"]}, lang, chosen) if r not in rows]
                               for f in answer.get("flips", [])])

    @app.get("/report", include_in_schema=False)
    async def report(request: Request, format: str = Query("html", pattern="^(html|pdf)$"),
                     case_number: str = Query("", max_length=200),
                     lang: str = Query("zh", pattern="^(zh|en)$"), kb: str | None = KB_QUERY) -> Response:
        """The case-file report, made by a worker within the budget (a PDF of long text is slow)."""
        index = kbs.index(kb)
        chosen = kbs.all[index]
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        scenario = scenario_from_form(request.query_params, builder, chosen.questions)
        result = await run_job(request.receive, {"op": "report", "kb": index, "lang": lang, "format": format,
                                         "case_number": case_number},
                               json.dumps(scenario, ensure_ascii=False).encode("utf-8", "surrogatepass"), lang)
        if isinstance(result, Response):
            return result
        meta, body = result
        if meta["status"] != 200:
            return reply(result)
        return Response(body, media_type=meta["type"],
                        headers={"Content-Disposition": f'attachment; filename="{meta["filename"]}"'})

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(lang: str = Query("zh", pattern="^(zh|en)$"), n: int | None = Query(None, ge=1, le=999),
                 kb: str | None = KB_QUERY) -> HTMLResponse:
        chosen = kbs.pick(kb)
        arts = [a for a in chosen.document["articles"] if n is None or a["number"] == n]
        return page("articles", lang, chosen, articles=arts, zh_number=zh_number)

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_page(lang: str = Query("zh", pattern="^(zh|en)$"), kb: str | None = KB_QUERY) -> HTMLResponse:
        chosen = kbs.pick(kb)
        result = check_result(chosen)
        doc = chosen.document
        return page("check", lang, chosen, result=result, cite=lambda c: citation_label(c, doc, lang))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """404, 405 and the like: the contract's error shape, for the API and wherever JSON is asked
        for; a short page for a browser."""
        w = words(_lang_of(request.url.query))
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        if exc.status_code == 404:
            message = w["not_found"].format(request.url.path[:200])
        elif exc.status_code == 405:
            message = w["method_not_allowed"].format(request.method, request.url.path[:200]) + (
                w["allowed"].format(exc.headers["allow"]) if exc.headers and "allow" in exc.headers else "")
        else:
            message = str(exc.detail)
        accept = request.headers.get("accept", "")
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json" \
                or "application/json" in accept or "text/html" not in accept:
            return _error(exc.status_code, code, None, message, headers=exc.headers)
        from markupsafe import escape
        return HTMLResponse(f'<!doctype html><meta charset="utf-8"><title>{exc.status_code}</title>'
                            f'<p>{escape(message)}</p><p><a href="/">pyreason</a></p>',
                            status_code=exc.status_code, headers=exc.headers)

    def openapi() -> dict[str, Any]:
        """FastAPI's description, with the real schemas: the scenario of the served KB(s), the answer
        and the error of docs/questions.md (not free-form objects, not FastAPI's own 422 shape)."""
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        schemas.update(ANSWER_SCHEMAS)
        scenario_refs = []
        for i, k in enumerate(kbs.all):
            name = "Scenario" if i == 0 else f"Scenario{i + 1}"
            schemas[name] = {key: v for key, v in k.schema.json_schema().items() if key != "$schema"}
            scenario_refs.append({"$ref": f"#/components/schemas/{name}"})
        body = scenario_refs[0] if len(scenario_refs) == 1 else {
            "anyOf": scenario_refs, "description": "A scenario of the KB chosen with ?kb= (the first's by default)"}
        ask = spec["paths"]["/api/ask"]["post"]
        ask.setdefault("requestBody", {"required": True, "content": {}})["content"]["application/json"] = {
            "schema": body, "example": _example(kbs.all[0])}
        ask["responses"]["200"]["content"]["application/json"] = {"schema": {"$ref": "#/components/schemas/Answer"}}
        for path in spec["paths"].values():
            for op in path.values():
                bad = op.get("responses", {}).get("422")
                if bad is not None:
                    op["responses"]["422"] = error_response(
                        bad["description"] if bad.get("description") != "Validation Error"
                        else "A parameter is invalid, or names a knowledge base not served here")
        app.openapi_schema = spec
        return spec
    app.openapi = openapi  # type: ignore[method-assign]

    return app

def quote(cite: dict[str, Any], document: dict[str, Any], lang: str, kb: KnowledgeBase | None = None) -> list[str]:
    """The verbatim lines of a citation (an item keeps its paragraph's lead-in)."""
    from .report import _quote
    art = next(a for a in document["articles"] if a["number"] == cite["article"])
    zh, en = _quote(art, cite["paragraph"], cite["item"])
    return zh + ([f"[{labels(lang, kb)['report']['translation']}] {line}" for line in en] if lang == "en" and en else [])


def is_loopback(host: str) -> bool:
    import ipaddress
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything is announced: OSError (e.g. the port is busy) here,
    not inside the server. IPv6 for an address with a colon, as uvicorn does.

    Made with the protocol named (IPPROTO_TCP): asyncio turns Nagle's algorithm off only on
    sockets that say they are TCP, and with it on each keep-alive reply waited ~40 ms for the
    client's delayed acknowledgement."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def log_config(access_log: bool) -> dict[str, Any]:
    """uvicorn's logging: its warnings, and one access line per request (on stderr) unless turned off."""
    import copy

    from uvicorn.config import LOGGING_CONFIG
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["uvicorn"]["level"] = config["loggers"]["uvicorn.error"]["level"] = "WARNING"
    config["loggers"]["uvicorn.access"]["level"] = "INFO" if access_log else "WARNING"
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"      # with the server's other lines
    return config


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def serve(host: str, port: int, kb: KnowledgeBase | Sequence[KnowledgeBase], *,
          allow_hosts: Sequence[str] = (), access_log: bool = True, sock: socket.socket | None = None,
          workers: int | None = None, budget: float = BUDGET, batch_budget: float = BATCH_BUDGET,
          queue_bound: int | None = None) -> None:
    """Run the page and the API (uvicorn) over one knowledge base or several, answered by
    ``workers`` worker processes (default: one per core).

    On loopback (and whenever ``allow_hosts`` are given) only requests whose Host is localhost,
    127.0.0.1, [::1] or one of ``allow_hosts`` are answered. ``sock``: a socket :func:`bind` made."""
    import uvicorn
    allowed = [*LOOPBACK_HOSTS, *allow_hosts] if is_loopback(host) or allow_hosts else None
    app = create_app(kb, allowed_hosts=allowed, port=port, workers=workers or default_workers(),
                     budget=budget, batch_budget=batch_budget, queue_bound=queue_bound)
    sock = sock or bind(host, port)
    config = uvicorn.Config(app, host=host, port=port, log_config=log_config(access_log),
                            access_log=access_log, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
