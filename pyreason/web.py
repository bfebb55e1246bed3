"""The local web page for analysts and the HTTP API for case-management systems.

A thin layer over :class:`pyreason.KnowledgeBase` (FastAPI: the API's OpenAPI description is
derived from the typed endpoints). One server may serve several knowledge bases; each request
chooses one by name (``?kb=<name>``; default: the first). The page is server-rendered with the
project's jinja2 templates (reports/web/), its forms generated from each KB's declarations
(pyreason/forms.py); it needs no JavaScript. All Prolog work goes through the one engine thread
of the bridge, so concurrent requests are safe; nothing a client sends is ever evaluated as code.
Served on loopback, it answers only requests addressed to localhost (the Host header), so that no
web page can reach it by making its own name resolve to 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware

from . import __version__
from .errors import InternalError, KBError, PyreasonError, ScenarioError
from .forms import FormBuilder, scenario_from_form
from .kb import KnowledgeBase
from .render import _environment, answer_rows, citation_label, labels, question_label, zh_number

#: Requests larger than this are refused (413) before they are read.
MAX_BODY_BYTES = 1_000_000
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


class _BodyLimit(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return _error(413, "too_large", None, f"request larger than {MAX_BODY_BYTES} bytes")
        if request.method in ("POST", "PUT") and not length:
            body = await request.body()
            if len(body) > MAX_BODY_BYTES:
                return _error(413, "too_large", None, f"request larger than {MAX_BODY_BYTES} bytes")
        return await call_next(request)


class _HostCheck(BaseHTTPMiddleware):
    """Refuse (400) a request whose Host header is not one of the names this server answers to."""

    def __init__(self, app: Any, allowed: Sequence[str], port: int | None):
        super().__init__(app)
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

    async def dispatch(self, request: Request, call_next: Any) -> Response:
        host = request.headers.get("host", "")
        if not self.ok(host):
            return _error(400, "bad_host", "Host", f"this server does not answer to the host {host[:100]!r} "
                          "(it answers to " + ", ".join(sorted(self.allowed)) + "; pyreason serve --allow-host NAME "
                          "adds a name)", sorted(self.allowed))
        return await call_next(request)


def _error(status: int, code: str, field: str | None, message: str,
           suggestions: list[str] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "field": field, "message": message,
                                   "suggestions": suggestions or []}}, status_code=status, headers=headers)


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


def _scenario_error(exc: ScenarioError, lang: str) -> JSONResponse:
    return _error(422, exc.code, exc.field, exc.messages.get(lang) or exc.messages.get("zh", ""),
                  exc.suggestions)


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
        if not name:
            return self.all[0]
        for kb in self.all:
            if kb.name == name:
                return kb
        raise UnknownKB(name, [k.name for k in self.all])

    def listing(self) -> list[dict[str, Any]]:
        return [{**kb.identity, "title": kb.document["document"].get("title"),
                 "number": kb.document["document"].get("number")} for kb in self.all]


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
               allowed_hosts: Sequence[str] | None = None, port: int | None = None) -> FastAPI:
    """The app over ``kb``: one knowledge base or several (default: the shipped one).

    With ``allowed_hosts``, a request whose Host header names another host (or, with ``port``,
    another port) is refused with 400: what :func:`serve` does on loopback, against DNS rebinding."""
    if kb is None:
        kbs = KBs([KnowledgeBase()])
    elif isinstance(kb, KnowledgeBase):
        kbs = KBs([kb])
    else:
        kbs = KBs(list(kb))
    served = "; ".join(f"{d['number'] or ''}《{d['title'] or d['name']}》({d['name']})" for d in kbs.listing())
    app = FastAPI(title="pyreason", version=__version__,
                  description=f"Answers, with citations, on the documents of the knowledge bases served: {served}. "
                              "Every endpoint takes ?kb=<name> (GET /api/kbs lists them; default: the first). "
                              "Scenarios and answers follow the contract of docs/questions.md in the pyreason repository; "
                              "the scenario schema of a KB is printed by `pyreason schema`.",
                  docs_url=None, redoc_url=None)        # the Swagger page would load scripts from a CDN
    app.add_middleware(_BodyLimit)
    if allowed_hosts is not None:
        app.add_middleware(_HostCheck, allowed=allowed_hosts, port=port)      # outermost: first to run
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
                         413: error_response("The request is too large")})
    def api_ask(scenario: dict[str, Any] = Body(..., examples=[_example(kbs.all[0])]),
                lang: str = Query("zh", pattern="^(zh|en)$"),
                flips: bool = Query(False, description="Also the single changes of facts that change the answer"),
                kb: str | None = KB_QUERY) -> Any:
        """The contract's answer object; with ``flips=true`` also ``flips``."""
        chosen = kbs.pick(kb)
        try:
            return chosen.ask_with_flips(scenario, lang=lang, source="request") if flips else \
                chosen.ask(scenario, lang=lang, source="request")
        except ScenarioError as exc:
            return _scenario_error(exc, lang)

    @app.post("/api/batch", summary="Answer JSON Lines, one scenario a line",
              response_class=PlainTextResponse, openapi_extra={
                  "requestBody": {"content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                                  "required": True}})
    async def api_batch(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                        kb: str | None = KB_QUERY) -> Response:
        """JSON Lines in, JSON Lines out, in input order; a bad line gives an error object."""
        chosen = kbs.pick(kb)
        body = (await request.body()).decode("utf-8", errors="replace")
        numbered: list[tuple[int, Any]] = []
        for n, line in enumerate(body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
                if not isinstance(value, dict):
                    raise ValueError("not an object")
            except ValueError as exc:
                value = ScenarioError(f"line {n}", None, {"zh": f"JSON 语法错误：{exc}",
                                                          "en": f"JSON syntax error: {exc}"}, code="syntax")
            numbered.append((n, value))
        results = chosen.ask_many([v for _, v in numbered], lang=lang, source="request",
                                  lines=[n for n, _ in numbered])
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        return PlainTextResponse(text, media_type="application/x-ndjson")

    @app.get("/api/articles", summary="The document's metadata and the clean text of every article")
    def api_articles(kb: str | None = KB_QUERY) -> Any:
        return kbs.pick(kb).document

    @app.get("/api/check", summary="The findings of `pyreason check` on a served knowledge base")
    def api_check(kb: str | None = KB_QUERY) -> Any:
        return check_result(kbs.pick(kb))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """Bad query parameters or a body that is not JSON: the contract's error shape."""
        first = exc.errors()[0] if exc.errors() else {}
        field = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query")) or None
        code = "syntax" if first.get("type") == "json_invalid" else "invalid"
        if code == "syntax":
            field = None                      # the location is a character offset, not a field
        return _error(422, code, field, first.get("msg", "invalid request"))

    @app.exception_handler(UnknownKB)
    async def unknown_kb(request: Request, exc: UnknownKB) -> Response:
        return _error(422, "unknown_kb", "kb", f"no knowledge base named {exc.name!r} is served here "
                      f"(served: {', '.join(exc.known)})", exc.known)

    @app.exception_handler(PyreasonError)
    async def pyreason_error(request: Request, exc: PyreasonError) -> Response:
        return _error(500, "internal", None, str(exc))

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
    def answer_page(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                    kb: str | None = KB_QUERY) -> HTMLResponse:
        chosen = kbs.pick(kb)
        params = request.query_params
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        scenario = scenario_from_form(params, builder, chosen.questions)
        try:
            answer = chosen.ask_with_flips(scenario, lang=lang, source="form")
        except ScenarioError as exc:
            active = scenario["question"] if scenario["question"] in chosen.questions else chosen.questions[0]
            return page("index", lang, chosen, active=active, controls=builder.question(active), form=params,
                        error=exc.line(lang).removeprefix("form: "))
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
    def report(request: Request, format: str = Query("html", pattern="^(html|pdf)$"),
               case_number: str = Query("", max_length=200),
               lang: str = Query("zh", pattern="^(zh|en)$"), kb: str | None = KB_QUERY) -> Response:
        from .report import build_context, render
        chosen = kbs.pick(kb)
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        scenario = scenario_from_form(request.query_params, builder, chosen.questions)
        try:
            answer = chosen.ask(scenario, lang=lang, source="form")
        except ScenarioError as exc:
            return _scenario_error(exc, lang)
        from .extras import MissingExtra
        try:
            data = render(build_context(chosen, scenario, answer, lang, case_number or None), format)
        except MissingExtra as exc:                 # e.g. PDF without the pdf extra: say which
            return _error(501, "missing_extra", "format", exc.line(lang))
        name = f"pyreason-{answer['question']}.{format}"
        media = "application/pdf" if format == "pdf" else "text/html; charset=utf-8"
        return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})

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
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        if exc.status_code == 404:
            message = f"nothing at {request.url.path[:200]} (the API: GET /openapi.json; the page: GET /)"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path[:200]}" + (
                f" (allowed: {exc.headers['allow']})" if exc.headers and "allow" in exc.headers else "")
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
        ask["requestBody"]["content"]["application/json"] = {
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
    not inside the server. IPv6 for an address with a colon, as uvicorn does."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
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


def serve(host: str, port: int, kb: KnowledgeBase | Sequence[KnowledgeBase], *,
          allow_hosts: Sequence[str] = (), access_log: bool = True, sock: socket.socket | None = None) -> None:
    """Run the page and the API (uvicorn) over one knowledge base or several.

    On loopback (and whenever ``allow_hosts`` are given) only requests whose Host is localhost,
    127.0.0.1, [::1] or one of ``allow_hosts`` are answered. ``sock``: a socket :func:`bind` made."""
    import uvicorn
    allowed = [*LOOPBACK_HOSTS, *allow_hosts] if is_loopback(host) or allow_hosts else None
    app = create_app(kb, allowed_hosts=allowed, port=port)
    sock = sock or bind(host, port)
    config = uvicorn.Config(app, host=host, port=port, log_config=log_config(access_log),
                            access_log=access_log)
    uvicorn.Server(config).run(sockets=[sock])
